//! The notes editor: a multi-line editor bound to one text field of the meeting, journaled within a
//! second of the last keystroke and whenever it loses focus.
//!
//! The text area re-wraps all of its text on every edit, so a keystroke would cost time in
//! proportion to the whole note (about 2 ms for 100 KB of Chinese). Long notes are therefore
//! edited through a window of whole lines around the cursor; the lines above and below wait
//! outside, and the window moves with the cursor. A note shorter than the window is edited whole,
//! exactly as before. Moving the window keeps the cursor, the view and the yank buffer; it starts a
//! new undo history.

use std::cell::Cell;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::domain::TextField;
use crate::domain::text::Splice;

/// Typing pauses this long are saved at once.
const PAUSE: Duration = Duration::from_millis(400);
/// Continuous typing is saved at least this often.
const MAX_UNSAVED: Duration = Duration::from_millis(900);
/// About how much text the window holds around the cursor.
const WINDOW_BYTES: usize = 24 * 1024;
/// The window moves when the cursor comes this close (in lines) to an edge with text beyond it:
/// more than one key can move (a page is at most the panel's height).
const EDGE_LINES: usize = 48;

#[derive(Debug)]
pub struct NoteEditor {
    pub field: TextField,
    pub title: String,
    area: TextArea<'static>,
    /// Lines of the note above the window, in order.
    above: Vec<String>,
    /// Lines of the note below the window, in order.
    below: Vec<String>,
    /// How close (in lines) the cursor may come to a window edge with text beyond it.
    margin: usize,
    /// The window's size when it was placed; it is placed again once it has doubled.
    placed_bytes: usize,
    /// Where the text was last drawn (inside the border), to keep the view when the window moves.
    drawn: Cell<Rect>,
    dirty_since: Option<Instant>,
    last_key: Instant,
}

fn text_area(lines: Vec<String>) -> TextArea<'static> {
    let mut area = TextArea::new(lines);
    area.set_wrap_mode(WrapMode::WordOrGlyph);
    area.set_cursor_line_style(Style::new());
    area
}

/// The lines `lo..hi` around `row`: whole lines, about `WINDOW_BYTES` of them, at least one on
/// each side of `row` where there is one, and `2 * EDGE_LINES` on each side where they fit in four
/// times `WINDOW_BYTES`.
fn window_around(lines: &[String], row: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (row, row + 1);
    let mut bytes = lines[row].len();
    let wanted = |side: usize, bytes: usize| {
        side == 0 || bytes < WINDOW_BYTES || (side < 2 * EDGE_LINES && bytes < 4 * WINDOW_BYTES)
    };
    loop {
        let up = lo > 0 && wanted(row - lo, bytes);
        if up {
            lo -= 1;
            bytes += lines[lo].len() + 1;
        }
        let down = hi < lines.len() && wanted(hi - 1 - row, bytes);
        if down {
            bytes += lines[hi].len() + 1;
            hi += 1;
        }
        if !up && !down {
            return (lo, hi);
        }
    }
}

impl NoteEditor {
    pub fn new(field: TextField, title: String, text: &str) -> NoteEditor {
        let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
        let last = lines.len() - 1;
        let mut ed = NoteEditor {
            field,
            title,
            area: text_area(vec![String::new()]),
            above: Vec::new(),
            below: Vec::new(),
            margin: 0,
            placed_bytes: 0,
            drawn: Cell::new(Rect::default()),
            dirty_since: None,
            last_key: Instant::now(),
        };
        let col = lines[last].chars().count();
        ed.place(lines, (last, col), String::new());
        ed
    }

    /// Put the note's `lines` into the window around `cursor` (note line, character).
    fn place(&mut self, mut lines: Vec<String>, cursor: (usize, usize), yank: String) {
        let (lo, hi) = window_around(&lines, cursor.0);
        self.below = lines.split_off(hi);
        let window = lines.split_off(lo);
        self.above = lines;
        let row = cursor.0 - lo;
        // Sides without text beyond them need no margin.
        let sides = [
            (!self.above.is_empty()).then_some(row),
            (!self.below.is_empty()).then_some(window.len() - 1 - row),
        ];
        self.margin = sides
            .into_iter()
            .flatten()
            .map(|n| (n / 2).max(1))
            .min()
            .unwrap_or(EDGE_LINES)
            .min(EDGE_LINES);
        self.placed_bytes = window.iter().map(String::len).sum();
        self.area = text_area(window);
        self.area.set_yank_text(yank);
        let row = u16::try_from(row).unwrap_or(u16::MAX);
        let col = u16::try_from(cursor.1).unwrap_or(u16::MAX);
        self.area.move_cursor(CursorMove::Jump(row, col));
    }

    /// Move the window so the cursor (note line `row`) is in its middle, keeping the cursor's place
    /// on the screen.
    fn rewindow(&mut self, cursor: (usize, usize)) {
        let on_screen = self
            .area
            .screen_cursor()
            .row
            .saturating_sub(usize::from(self.area.scroll_offset().0));
        let yank = self.area.yank_text();
        let window = std::mem::replace(&mut self.area, text_area(vec![String::new()])).into_lines();
        let mut lines = std::mem::take(&mut self.above);
        lines.extend(window);
        lines.append(&mut self.below);
        self.place(lines, cursor, yank);
        let drawn = self.drawn.get();
        if drawn.height > 0 {
            // Draw once off screen so the text area knows its size, then scroll it so the cursor
            // stays on the same screen row.
            (&self.area).render(drawn, &mut Buffer::empty(drawn));
            let row = self.area.screen_cursor().row;
            let top = usize::from(self.area.scroll_offset().0);
            let want = row.saturating_sub(on_screen.min(usize::from(drawn.height) - 1));
            let delta = i16::try_from(want.cast_signed() - top.cast_signed()).unwrap_or(0);
            if delta != 0 {
                self.area.scroll((delta, 0));
            }
        }
    }

    /// The cursor as (note line, character).
    fn note_cursor(&self) -> (usize, usize) {
        let c = self.area.cursor();
        (self.above.len() + c.0, c.1)
    }

    /// Keep the cursor away from window edges that have text beyond them, and the window bounded.
    fn keep_window(&mut self) {
        let rows = self.area.lines().len();
        let row = self.area.cursor().0;
        let near_top = !self.above.is_empty() && row < self.margin;
        let near_bottom = !self.below.is_empty() && rows - 1 - row < self.margin;
        let grown = rows > 2 * EDGE_LINES
            && self.area.lines().iter().map(String::len).sum::<usize>()
                > 2 * self.placed_bytes.max(WINDOW_BYTES);
        if near_top || near_bottom || grown {
            self.rewindow(self.note_cursor());
        }
    }

    pub fn text(&self) -> String {
        let mut lines = self
            .above
            .iter()
            .chain(self.area.lines())
            .chain(&self.below);
        let mut s = lines.next().cloned().unwrap_or_default();
        for l in lines {
            s.push('\n');
            s.push_str(l);
        }
        s
    }

    fn touched(&mut self, now: Instant) {
        self.last_key = now;
        self.dirty_since.get_or_insert(now);
    }

    pub fn input(&mut self, key: KeyEvent, now: Instant) {
        // The text area's own keys to the top and bottom reach the window's edges: move the
        // window to the note's edge first.
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        let ctrl_alt = alt && key.modifiers.contains(KeyModifiers::CONTROL);
        let to_top = (alt && !ctrl_alt && key.code == KeyCode::Char('<'))
            || (ctrl_alt && matches!(key.code, KeyCode::Up | KeyCode::Char('p')));
        let to_bottom = (alt && !ctrl_alt && key.code == KeyCode::Char('>'))
            || (ctrl_alt && matches!(key.code, KeyCode::Down | KeyCode::Char('n')));
        if to_top && !self.above.is_empty() {
            self.rewindow((0, 0));
        } else if to_bottom && !self.below.is_empty() {
            let last = self.above.len() + self.area.lines().len() + self.below.len() - 1;
            self.rewindow((last, 0));
        }
        if self.area.input(key) {
            self.touched(now);
        }
        self.keep_window();
    }

    pub fn paste(&mut self, text: &str, now: Instant) {
        // Terminals send the line breaks of pasted text as carriage returns.
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let clean = crate::sanitize::text(&text).into_owned();
        if self.area.insert_str(clean) {
            self.touched(now);
        }
        self.keep_window();
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

    /// Draw the editor (the text area records its scroll position while drawing; the text is not
    /// changed).
    pub fn render(&self, area: Rect, buf: &mut Buffer, hint: &str) {
        let block = Block::bordered()
            .title(format!(" {} ", self.title))
            .title_bottom(format!(" {hint} "))
            .border_style(Style::new().yellow());
        let inner = block.inner(area);
        block.render(area, buf);
        self.drawn.set(inner);
        (&self.area).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    /// 2 000 numbered lines of Chinese, about 130 KB.
    fn long_note() -> String {
        (0..2000)
            .map(|i| format!("第{i}行：全体党员认真学习了党章总纲，结合实际交流体会。"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn draw(ed: &NoteEditor) -> Buffer {
        let area = Rect::new(0, 0, 60, 24);
        let mut buf = Buffer::empty(area);
        ed.render(area, &mut buf, "Esc");
        buf
    }

    #[test]
    fn a_long_note_is_edited_through_a_bounded_window_and_reads_back_whole() {
        let note = long_note();
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), &note);
        assert_eq!(ed.text(), note);
        assert!(ed.area.lines().len() < 600, "{}", ed.area.lines().len());
        let now = Instant::now();
        for c in "补充。".chars() {
            ed.input(key(KeyCode::Char(c)), now);
        }
        assert_eq!(ed.text(), format!("{note}补充。"));
        assert!(ed.is_dirty());
    }

    #[test]
    fn moving_up_through_a_long_note_edits_the_right_lines() {
        let note = long_note();
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), &note);
        draw(&ed);
        let now = Instant::now();
        let area = Rect::new(0, 0, 60, 24);
        for i in 0..1500 {
            ed.input(key(KeyCode::Up), now);
            draw(&ed);
            // Once the cursor reaches the top of the view it stays there, window moves included.
            if i > 30 {
                assert_eq!(ed.cursor(area).map(|p| p.y), Some(1), "after {i} keys");
            }
        }
        ed.input(key(KeyCode::Home), now);
        ed.input(key(KeyCode::Char('★')), now);
        let lines: Vec<String> = note.split('\n').map(str::to_owned).collect();
        let mut want = lines.clone();
        want[499].insert(0, '★');
        assert_eq!(ed.text(), want.join("\n"));
        // And down again, to the end.
        for _ in 0..1600 {
            ed.input(key(KeyCode::Down), now);
        }
        ed.input(key(KeyCode::End), now);
        ed.input(key(KeyCode::Char('☆')), now);
        want[1999].push('☆');
        assert_eq!(ed.text(), want.join("\n"));
    }

    #[test]
    fn top_and_bottom_keys_reach_the_ends_of_the_note() {
        let note = long_note();
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), &note);
        let now = Instant::now();
        ed.input(KeyEvent::new(KeyCode::Char('<'), KeyModifiers::ALT), now);
        ed.input(key(KeyCode::Char('★')), now);
        assert_eq!(ed.text(), format!("★{note}"));
        ed.input(
            KeyEvent::new(KeyCode::Down, KeyModifiers::CONTROL | KeyModifiers::ALT),
            now,
        );
        ed.input(key(KeyCode::End), now);
        ed.input(key(KeyCode::Char('☆')), now);
        assert_eq!(ed.text(), format!("★{note}☆"));
    }

    #[test]
    fn a_short_note_is_one_window() {
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), "第一行\n第二行");
        assert!(ed.above.is_empty() && ed.below.is_empty());
        ed.input(key(KeyCode::Char('。')), Instant::now());
        assert_eq!(ed.text(), "第一行\n第二行。");
    }

    #[test]
    fn pasted_carriage_returns_are_line_breaks() {
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), "");
        ed.paste("第一行\r第二行\r\n第三行\u{1b}[31m", Instant::now());
        assert_eq!(ed.text(), "第一行\n第二行\n第三行\u{fffd}[31m");
    }

    #[test]
    fn a_long_paste_keeps_the_window_bounded() {
        let mut ed = NoteEditor::new(TextField::Summary, "t".into(), "");
        let note = long_note();
        ed.paste(&note, Instant::now());
        assert_eq!(ed.text(), note);
        assert!(ed.area.lines().len() < 600, "{}", ed.area.lines().len());
    }
}
