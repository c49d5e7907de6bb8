//! A short multi-line text field for a dialog (a 退回意见 of several sentences): wrapped to the
//! box's width, a length limit in characters, pasted text cleaned as everywhere else.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{TextArea, WrapMode};

#[derive(Debug, Clone)]
pub struct TextBox {
    /// Boxed: a text area is large, and a dialog holding one sits in an enum with small ones.
    area: Box<TextArea<'static>>,
    max_chars: usize,
}

impl TextBox {
    /// An empty box taking at most `max_chars` characters (line breaks count as one).
    pub fn limited(max_chars: usize) -> TextBox {
        let mut area = TextArea::default();
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::new());
        TextBox {
            area: Box::new(area),
            max_chars,
        }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    fn chars(&self) -> usize {
        let lines = self.area.lines();
        lines.iter().map(|l| l.chars().count()).sum::<usize>() + lines.len() - 1
    }

    /// Take back an edit that went past the limit; whether the edit stands.
    fn within_limit(&mut self, changed: bool) -> bool {
        if changed && self.chars() > self.max_chars {
            self.area.undo();
            return false;
        }
        changed
    }

    /// An editing or moving key (Enter and Tab are the dialog's: the caller handles them first).
    pub fn input(&mut self, key: KeyEvent) -> bool {
        let changed = self.area.input(key);
        self.within_limit(changed)
    }

    /// Start a new line at the cursor.
    pub fn newline(&mut self) -> bool {
        self.area.insert_newline();
        self.within_limit(true)
    }

    /// Pasted text: its line breaks are kept, other controls neutralised as everywhere; cut to the
    /// limit.
    pub fn paste(&mut self, text: &str) -> bool {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean = crate::sanitize::text(&text);
        let room = self.max_chars.saturating_sub(self.chars());
        let cut: String = clean.chars().take(room).collect();
        self.area.insert_str(cut)
    }

    /// Draw the text in `rect` in `style` (the box scrolls to keep the cursor in view).
    pub fn render(&self, rect: Rect, buf: &mut Buffer, style: Style) {
        buf.set_style(rect, style);
        let mut area = self.area.clone();
        area.set_style(style);
        (&*area).render(rect, buf);
    }

    /// Where the terminal's cursor goes when the box is drawn in `rect`.
    pub fn cursor(&self, rect: Rect) -> Option<Position> {
        // Drawn as `render` draws it, so the view has scrolled the same way.
        let area = self.area.clone();
        let mut scratch = Buffer::empty(rect);
        (&*area).render(rect, &mut scratch);
        let sc = area.screen_cursor();
        let (top, left) = area.scroll_offset();
        let row = u16::try_from(sc.row).ok()?.checked_sub(top)?;
        let col = u16::try_from(sc.col).ok()?.checked_sub(left)?;
        let p = Position {
            x: rect.x + col,
            y: rect.y + row,
        };
        rect.contains(p).then_some(p)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn lines_are_kept_wrapped_and_limited() {
        let mut b = TextBox::limited(13);
        for c in "缺少签名".chars() {
            assert!(b.input(key(c)));
        }
        assert!(b.newline());
        b.paste("请补\r\n齐后报送。多余的字");
        assert_eq!(b.text(), "缺少签名\n请补\n齐后报送。");
        assert_eq!(b.text().chars().count(), 13);
        // Past the limit nothing more goes in, not even a line break.
        assert!(!b.input(key('x')));
        assert!(!b.newline());
        assert_eq!(b.text().chars().count(), 13);

        // Drawn 4 columns wide, each line wraps at two Chinese characters.
        let rect = Rect::new(0, 0, 4, 6);
        let mut buf = Buffer::empty(rect);
        b.render(rect, &mut buf, Style::new());
        let rows: Vec<String> = (0..6)
            .map(|y| {
                (0..4)
                    .map(|x| buf[(x, y)].symbol().to_owned())
                    .collect::<String>()
                    .replace(' ', "")
            })
            .collect();
        assert_eq!(rows, ["缺少", "签名", "请补", "齐后", "报送", "。"]);
        // The cursor is after the last character.
        assert_eq!(b.cursor(rect), Some(Position::new(2, 5)));
    }
}
