//! Helpers for the browser's tests: realistic minutes from the corpus generator (played through the
//! domain events), written into temporary folders, loaded and drawn to a `TestBackend`.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use crate::corpus::{CorpusSpec, generate};
use crate::i18n::{Lang, Tr};
use crate::minutes::{self, Minutes};
use crate::review::app::App;
use crate::review::{Session, handle_event, load, view};
use crate::store::DataDir;

pub const ZH: Tr = Tr(Lang::Zh);
pub const EN: Tr = Tr(Lang::En);

/// `n` minutes of the corpus with seed 7, in date order.
pub fn corpus(n: usize) -> Vec<Minutes> {
    generate(&CorpusSpec::new(n, 7)).collect()
}

/// Write minutes under their standard name with a correct digest; returns the path.
pub fn write(dir: &Path, m: &Minutes) -> PathBuf {
    let (bytes, _) = minutes::to_bytes(m).unwrap();
    let path = dir.join(m.file_name());
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A browser over `paths`, with every file read (as the loop would, but all at once).
pub fn loaded(paths: Vec<PathBuf>, data: &DataDir, tr: Tr) -> App {
    let Session { job, mut app } = Session::new(paths, data, tr);
    let rows: Vec<_> = std::thread::scope(|s| {
        let rx = load::spawn(s, &job);
        rx.iter().flatten().collect()
    });
    app.add_rows(rows);
    app.source = "minutes".to_owned();
    app.set_reviewer("组织员 李明");
    app
}

/// Draw the app on a terminal of `w` by `h`.
pub fn draw(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    app.resize(ratatui::layout::Rect::new(0, 0, w, h));
    term.draw(|f| view::draw(f, app)).unwrap();
    term
}

/// The screen as text, one line per row, wide characters once, trailing spaces trimmed, and the
/// temporary folder's path replaced by `<tmp>`.
pub fn screen(buf: &Buffer, tmp: Option<&Path>) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0u16;
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if skip == 0 {
                line.push_str(cell.symbol());
            }
            let w = u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol())).unwrap();
            skip = skip.max(w).saturating_sub(1);
        }
        if let Some(t) = tmp {
            line = line.replace(&t.display().to_string(), "<tmp>");
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Every symbol on screen, for checks of what reached the terminal.
pub fn symbols(buf: &Buffer) -> String {
    buf.content
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

/// The time every key of a test is pressed at (a remark is dated with it).
pub fn pressed_at() -> crate::domain::Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-10T09:30:00+08:00").unwrap()
}

/// Press keys and type text through the same path as the loop; returns whether the app quit.
pub fn press(app: &mut App, data: &DataDir, events: impl IntoIterator<Item = Event>) -> bool {
    events
        .into_iter()
        .any(|e| handle_event(app, e, data, pressed_at()))
}

pub fn typed(text: &str) -> Vec<Event> {
    text.chars().map(ch).collect()
}
