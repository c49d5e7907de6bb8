//! The browser's keys as tables of `on_key(key) == effect`: rows made in memory, no files, no
//! terminal. What an effect does is the loop's business (`review::perform`), tested elsewhere.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::review::app::{App, Effect, Modal, Screen};
use crate::review::model::{RowError, Summary};

use super::fixtures::ZH;

fn app(rows: usize) -> App {
    let mut app = App::new(ZH, "minutes".into(), rows);
    app.add_rows(
        (0..rows)
            .map(|i| Summary::failed(PathBuf::from(format!("m{i}.json")), RowError::Missing))
            .collect(),
    );
    app
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

#[test]
fn list_keys() {
    let cases: Vec<(&str, Vec<KeyEvent>, Effect)> = vec![
        (
            "Enter opens the row under the cursor",
            vec![key(KeyCode::Enter)],
            Effect::Open(0),
        ),
        (
            "↓ then Enter opens the next",
            vec![key(KeyCode::Down), key(KeyCode::Enter)],
            Effect::Open(1),
        ),
        ("q quits", vec![key(KeyCode::Char('q'))], Effect::Quit),
        ("Ctrl-C quits", vec![ctrl('c')], Effect::Quit),
        ("Ctrl+Q quits", vec![ctrl('q')], Effect::Quit),
        (
            "Ctrl+Q quits from the search too",
            vec![key(KeyCode::Char('/')), ctrl('q')],
            Effect::Quit,
        ),
        (
            "q in the search is typed",
            vec![key(KeyCode::Char('/')), key(KeyCode::Char('q'))],
            Effect::None,
        ),
        (
            "? shows the help",
            vec![key(KeyCode::Char('?'))],
            Effect::None,
        ),
        (
            "a file without an id cannot be approved",
            vec![key(KeyCode::Char('a'))],
            Effect::None,
        ),
    ];
    for (name, keys, expect) in cases {
        let mut a = app(3);
        let mut last = Effect::None;
        for k in keys {
            last = a.on_key(k);
        }
        assert_eq!(last, expect, "{name}");
    }
    let mut a = app(3);
    a.on_key(key(KeyCode::Char('?')));
    assert!(matches!(a.modal, Some(Modal::Help { .. })));
    a.on_key(key(KeyCode::Esc));
    assert!(a.modal.is_none());
    assert!(matches!(a.screen, Screen::List));
}
