//! The notes editor: a multi-line editor bound to one text field of the meeting, journaled within a
//! second of the last keystroke and whenever it loses focus.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{TextArea, WrapMode};

use crate::domain::TextField;
use crate::domain::text::Splice;

/// Typing pauses this long are saved at once.
const PAUSE: Duration = Duration::from_millis(400);
/// Continuous typing is saved at least this often.
const MAX_UNSAVED: Duration = Duration::from_millis(900);

#[derive(Debug)]
pub struct NoteEditor {
    pub field: TextField,
    pub title: String,
    area: TextArea<'static>,
    dirty_since: Option<Instant>,
    last_key: Instant,
}

impl NoteEditor {
    pub fn new(field: TextField, title: String, text: &str) -> NoteEditor {
        let mut area = TextArea::new(text.split('\n').map(str::to_owned).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::new());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            field,
            title,
            area,
            dirty_since: None,
            last_key: Instant::now(),
        }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    fn touched(&mut self, now: Instant) {
        self.last_key = now;
        self.dirty_since.get_or_insert(now);
    }

    pub fn input(&mut self, key: KeyEvent, now: Instant) {
        if self.area.input(key) {
            self.touched(now);
        }
    }

    pub fn paste(&mut self, text: &str, now: Instant) {
        let clean = crate::sanitize::text(text).into_owned();
        if self.area.insert_str(clean) {
            self.touched(now);
        }
    }

    /// Whether the typed text should be journaled now.
    pub fn due(&self, now: Instant) -> bool {
        self.dirty_since.is_some_and(|since| {
            now.duration_since(self.last_key) >= PAUSE || now.duration_since(since) >= MAX_UNSAVED
        })
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty_since.is_some()
    }

    /// The edit that brings `saved` up to the editor's text, and mark the editor clean.
    pub fn take_splice(&mut self, saved: &str) -> Option<Splice> {
        self.dirty_since = None;
        Splice::between(saved, &self.text())
    }

    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let inner = Block::bordered().inner(area);
        let sc = self.area.screen_cursor();
        let (top, left) = self.area.scroll_offset();
        let row = u16::try_from(sc.row).ok()?.checked_sub(top)?;
        let col = u16::try_from(sc.col).ok()?.checked_sub(left)?;
        let p = Position {
            x: inner.x + col,
            y: inner.y + row,
        };
        inner.contains(p).then_some(p)
    }

    /// Draw the editor. Takes `&mut` only because the editor records its scroll position while
    /// drawing; the text is not changed.
    pub fn render(&self, area: Rect, buf: &mut Buffer, hint: &str) {
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(format!(" {hint} "))
            .border_style(Style::new().yellow());
        let inner = block.inner(area);
        block.render(area, buf);
        (&self.area).render(inner, buf);
    }
}
