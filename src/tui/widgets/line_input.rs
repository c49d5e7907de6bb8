//! The one-line text editor of every screen: dialog fields, the check-in search and the browser's
//! prompts. Text is measured in display columns, so the cursor stays right over Chinese text.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

/// An edit to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    /// Pasted text: controls, escapes and bidi overrides are dropped; line breaks too, or they become
    /// spaces in a field made with [`LineInput::limited`].
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete everything before the cursor (Ctrl-U).
    ClearToStart,
}

/// The edit a key makes in a line, if it is an editing key.
#[must_use]
pub fn edit_of(ev: &KeyEvent) -> Option<Edit> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let alt = ev.modifiers.contains(KeyModifiers::ALT);
    Some(match ev.code {
        KeyCode::Char('u') if ctrl => Edit::ClearToStart,
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char(c) if !ctrl && !alt => Edit::Insert(c),
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        _ => return None,
    })
}

/// A single line of text, a cursor counted in characters, and a length limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
    max_chars: usize,
    /// Pasted line breaks become spaces (otherwise they are dropped).
    breaks_as_spaces: bool,
}

impl Default for LineInput {
    fn default() -> Self {
        LineInput::new("")
    }
}

/// Whether a character may be typed or pasted: no controls, escapes or bidi overrides.
fn accepted(c: char) -> bool {
    let mut b = [0u8; 4];
    matches!(
        crate::sanitize::line(c.encode_utf8(&mut b)),
        std::borrow::Cow::Borrowed(_)
    )
}

fn col(c: char) -> usize {
    c.width().unwrap_or(0)
}

impl LineInput {
    /// A field holding `text` as given, cursor at the end, with no length limit.
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let cursor = text.chars().count();
        LineInput {
            text,
            cursor,
            max_chars: usize::MAX,
            breaks_as_spaces: false,
        }
    }

    /// A field holding `text` (filtered as if pasted), cursor at the end, accepting at most
    /// `max_chars` characters; pasted line breaks become spaces.
    #[must_use]
    pub fn limited(text: &str, max_chars: usize) -> Self {
        let mut e = LineInput {
            text: String::new(),
            cursor: 0,
            max_chars,
            breaks_as_spaces: true,
        };
        e.apply(&Edit::Paste(text.to_owned()));
        e
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Replace the text, keeping the limit; cursor at the end.
    pub fn set(&mut self, text: impl Into<String>) {
        self.text = text.into();
        self.cursor = self.text.chars().count();
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Insert text at the cursor, as pasted.
    pub fn insert_str(&mut self, s: &str) {
        self.apply(&Edit::Paste(s.to_owned()));
    }

    /// Handle an editing key; returns true when the key was one (changed or not).
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        match edit_of(&key) {
            Some(e) => {
                self.apply(&e);
                true
            }
            None => false,
        }
    }

    /// Display columns from the start of the text to the cursor.
    #[must_use]
    pub fn cursor_column(&self) -> u16 {
        u16::try_from(self.visual_cursor()).unwrap_or(u16::MAX)
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    fn insert(&mut self, c: char) {
        if self.len() >= self.max_chars {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Apply an edit; returns whether the text changed.
    pub fn apply(&mut self, edit: &Edit) -> bool {
        let before = self.text.clone();
        match edit {
            Edit::Insert(c) => {
                if accepted(*c) {
                    self.insert(*c);
                }
            }
            Edit::Paste(s) => {
                for c in s.chars() {
                    let c = if self.breaks_as_spaces && (c == '\n' || c == '\t') {
                        ' '
                    } else {
                        c
                    };
                    if accepted(c) {
                        self.insert(c);
                    }
                }
            }
            Edit::Backspace => {
                if self.cursor > 0 {
                    let at = self.byte_at(self.cursor - 1);
                    self.text.remove(at);
                    self.cursor -= 1;
                }
            }
            Edit::Delete => {
                if self.cursor < self.len() {
                    let at = self.byte_at(self.cursor);
                    self.text.remove(at);
                }
            }
            Edit::Left => self.cursor = self.cursor.saturating_sub(1),
            Edit::Right => self.cursor = (self.cursor + 1).min(self.len()),
            Edit::Home => self.cursor = 0,
            Edit::End => self.cursor = self.len(),
            Edit::ClearToStart => {
                let at = self.byte_at(self.cursor);
                self.text.replace_range(..at, "");
                self.cursor = 0;
            }
        }
        before != self.text
    }

    /// Display columns before the cursor.
    pub fn visual_cursor(&self) -> usize {
        self.text.chars().take(self.cursor).map(col).sum()
    }

    /// The first character shown in a field `width` columns wide, so that the cursor is visible.
    fn first_shown(&self, width: usize) -> usize {
        if width == 0 {
            return self.cursor;
        }
        let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut used = 0;
        let mut start = chars.len();
        // Walk back from the cursor while the text still fits with one column left for it.
        while start > 0 {
            let w = col(chars[start - 1]);
            if used + w >= width {
                break;
            }
            used += w;
            start -= 1;
        }
        start
    }

    /// Draw the field into `area` (one line) and return the cursor's column offset within it.
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) -> u16 {
        if area.width == 0 || area.height == 0 {
            return 0;
        }
        buf.set_style(Rect { height: 1, ..area }, style);
        let start = self.first_shown(usize::from(area.width));
        let shown: String = self.text.chars().skip(start).collect();
        buf.set_stringn(area.x, area.y, &shown, usize::from(area.width), style);
        self.cursor_offset(area.width)
    }

    /// The cursor's column offset in a field `width` columns wide.
    pub fn cursor_offset(&self, width: u16) -> u16 {
        let start = self.first_shown(usize::from(width));
        let w: usize = self
            .text
            .chars()
            .skip(start)
            .take(self.cursor - start)
            .map(col)
            .sum();
        u16::try_from(w)
            .unwrap_or(u16::MAX)
            .min(width.saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn cursor_column_counts_wide_characters_twice() {
        let mut i = LineInput::default();
        for c in "王建国a".chars() {
            i.handle(key(KeyCode::Char(c)));
        }
        assert_eq!(i.text(), "王建国a");
        assert_eq!(i.cursor_column(), 7);
        i.handle(key(KeyCode::Left));
        i.handle(key(KeyCode::Backspace));
        assert_eq!(i.text(), "王建a");
        assert_eq!(i.cursor_column(), 4);
    }

    #[test]
    fn paste_drops_line_breaks_and_controls() {
        let mut i = LineInput::default();
        i.insert_str("张\n三\u{1b}[0m");
        assert_eq!(i.text(), "张三[0m");
    }

    #[test]
    fn cursor_counts_display_columns() {
        let mut e = LineInput::limited("记录", 100);
        assert_eq!(e.visual_cursor(), 4);
        e.apply(&Edit::Left);
        e.apply(&Edit::Insert('a'));
        assert_eq!(e.text(), "记a录");
        assert_eq!(e.visual_cursor(), 3);
        e.apply(&Edit::Backspace);
        e.apply(&Edit::Backspace);
        assert_eq!(e.text(), "录");
        assert_eq!(e.cursor(), 0);
        e.apply(&Edit::End);
        e.apply(&Edit::Paste("第\n一\u{1b}[31m行\u{202e}".into()));
        assert_eq!(e.text(), "录第 一[31m行");
    }

    #[test]
    fn long_text_scrolls_to_keep_the_cursor_visible() {
        let e = LineInput::limited("一二三四五六七八九十", 100);
        // Ten wide characters need 20 columns; a field of 9 shows the last four and the cursor.
        assert_eq!(e.cursor_offset(9), 8);
        let mut buf = Buffer::empty(Rect::new(0, 0, 9, 1));
        e.render(Rect::new(0, 0, 9, 1), &mut buf, Style::default());
        let row: String = (0..4)
            .map(|i| buf[(i * 2, 0)].symbol().to_owned())
            .collect();
        assert_eq!(row, "七八九十");
    }

    #[test]
    fn limit_is_enforced() {
        let mut e = LineInput::limited("abc", 3);
        e.apply(&Edit::Insert('d'));
        assert_eq!(e.text(), "abc");
    }
}
