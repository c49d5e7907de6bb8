//! A one-line text input measured in display columns, so the cursor sits right after CJK text.

use unicode_width::UnicodeWidthStr;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Text and a cursor (in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineInput {
    text: String,
    cursor: usize,
}

impl LineInput {
    pub fn new(text: impl Into<String>) -> Self {
        let text: String = text.into();
        let cursor = text.chars().count();
        LineInput { text, cursor }
    }

    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn set(&mut self, text: impl Into<String>) {
        *self = LineInput::new(text);
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Insert text at the cursor; line breaks and control characters are dropped (paste of one line).
    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars().filter(|c| !c.is_control()) {
            let at = self.byte_at(self.cursor);
            self.text.insert(at, c);
            self.cursor += 1;
        }
    }

    /// Handle an editing key; returns true when the key was used.
    pub fn handle(&mut self, key: KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                let at = self.byte_at(self.cursor);
                self.text.drain(..at);
                self.cursor = 0;
            }
            KeyCode::Char(_) if ctrl => return false,
            KeyCode::Char(c) => self.insert_str(&c.to_string()),
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Delete if self.cursor < self.text.chars().count() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.text.chars().count()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.text.chars().count(),
            KeyCode::Backspace | KeyCode::Delete => {}
            _ => return false,
        }
        true
    }

    /// Display columns from the start of the text to the cursor.
    #[must_use]
    pub fn cursor_column(&self) -> u16 {
        let at = self.byte_at(self.cursor);
        u16::try_from(self.text[..at].width()).unwrap_or(u16::MAX)
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
}
