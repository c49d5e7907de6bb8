//! The interactive program: home screen, live meeting, and the terminal they run in.
//!
//! One synchronous loop: draw, wait for an event (200 ms), turn a key into an action, update, and
//! do periodic work (journal paused typing, retry refused saves). SIGTERM / SIGHUP end the loop the
//! same way as quitting: save, restore the terminal, say where anything unsaved went.

pub mod app;
pub mod export;
pub mod footer;
pub mod home;
pub mod keymap;
pub mod meeting;
pub mod picker;
pub mod roster;
pub mod search;
pub mod setup;
pub mod templates;
pub mod terminal;
pub mod widgets;

use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};

use crate::i18n::Tr;
use crate::store::{DataDir, StoreError};
use app::{App, Request};

/// A fresh throw-away data directory holding the demo branch.
pub fn demo_data_dir() -> Result<DataDir, StoreError> {
    let stamp = uuid::Uuid::now_v7().simple().to_string();
    let dir = DataDir::at(
        std::env::temp_dir().join(format!("branchday-demo-{}", &stamp[stamp.len() - 12..])),
    );
    dir.ensure()?;
    dir.save_roster(&crate::demo::roster())?;
    Ok(dir)
}

/// Run the interactive program until the user quits or a signal asks it to end.
pub fn run(data: DataDir, demo: bool, tr: Tr) -> std::io::Result<Vec<String>> {
    let mut guard = terminal::enter()?;
    let stop = terminal::termination_flag();
    let mut app = App::new(data, demo, tr);
    loop {
        let at = chrono::Local::now().fixed_offset();
        guard.terminal.draw(|f| app.draw(f, at))?;
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if event::poll(Duration::from_millis(200))? {
            let now = Instant::now();
            let at = chrono::Local::now().fixed_offset();
            match event::read()? {
                TermEvent::Key(k) if k.kind == KeyEventKind::Press => app.key(k, now, at),
                TermEvent::Paste(text) => app.paste(&text, now),
                _ => {}
            }
        }
        app.tick(Instant::now());
        if let Some(Request::Browse(paths)) = app.request.take() {
            crate::review::browse(&mut guard.terminal, paths, &app.data, app.tr)?;
            guard.terminal.clear()?;
            app.go_home();
        }
        if app.quit {
            break;
        }
    }
    app.shutdown();
    drop(guard);
    Ok(std::mem::take(&mut app.farewell))
}
