//! The roster from the screen, through the app with a real data directory: with no roster the home
//! screen offers the import (asking for a path) and the demo; the import previews, then writes the
//! roster and its history; a change on the roster screen is kept in the roster history and the
//! roster file, atomically, and finalized minutes are not touched.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::Instant;

use branchday::domain::Standing;
use branchday::domain::roster_change::RosterChange;
use branchday::i18n::{Lang, Tr};
use branchday::roster_history;
use branchday::store::DataDir;
use branchday::tui::app::{App, Screen};
use branchday::tui::home::Entry;
use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:30:00+08:00").unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    app.key(
        KeyEvent::new(code, KeyModifiers::NONE),
        Instant::now(),
        at(),
    );
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/rosters")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn import_from_the_screen_then_change_a_standing() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let mut app = App::new(data.clone(), false, Tr(Lang::Zh));
    let Screen::Home(home) = &app.screen else {
        panic!("home first");
    };
    // No roster: the two ways on are offered first and last but one.
    assert_eq!(home.entries.first(), Some(&Entry::Import));
    assert!(home.entries.contains(&Entry::Demo));

    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, Screen::RosterImport(_)));
    // A file that is not there: the dialog says so and stays.
    typing(&mut app, "/nowhere/花名册.xlsx");
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "东风社区党支部");
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    let Screen::RosterImport(screen) = &app.screen else {
        panic!("still importing");
    };
    assert!(matches!(
        &screen.stage,
        branchday::tui::roster::import::ImportStage::Ask(f) if f.error.as_deref().is_some_and(|e| e.contains("花名册.xlsx"))
    ));
    // Esc, and again with the GBK file.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('i'));
    typing(&mut app, &fixture("gbk_excel.csv"));
    key(&mut app, KeyCode::Enter);
    typing(&mut app, "东风社区党支部");
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    let Screen::RosterImport(screen) = &app.screen else {
        panic!("the preview");
    };
    let branchday::tui::roster::import::ImportStage::Preview { lines, .. } = &screen.stage else {
        panic!("the preview, not {:?}", screen.stage);
    };
    assert!(lines.iter().any(|l| l.contains("GBK/GB18030")), "{lines:?}");
    assert!(
        data.load_roster().unwrap().is_none(),
        "nothing written before the yes"
    );
    key(&mut app, KeyCode::Char('y'));
    let kept = data.load_roster().unwrap().unwrap();
    assert_eq!(kept.members.len(), 6);
    assert!(matches!(app.screen, Screen::Roster(_)));

    // 宋佳怡 (the sixth) becomes a full member after the 转正 decision.
    for _ in 0..5 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Char('s'));
    for _ in 0..3 {
        key(&mut app, KeyCode::Enter);
    }
    let kept = data.load_roster().unwrap().unwrap();
    let m = kept.members.iter().find(|m| m.name == "宋佳怡").unwrap();
    assert_eq!(m.standing, Standing::Full);
    let history = roster_history::load(&data).unwrap();
    assert_eq!(history.len(), 2);
    assert!(matches!(
        history[0].change,
        RosterChange::Imported { members: 6, .. }
    ));
    assert_eq!(history[1].by, "王建国");
    assert_eq!(history[1].at, at());
    assert!(matches!(
        history[1].change,
        RosterChange::Standing {
            to: Standing::Full,
            ..
        }
    ));
    assert!(
        !data.minutes_dir().exists()
            || std::fs::read_dir(data.minutes_dir())
                .unwrap()
                .next()
                .is_none()
    );
}
