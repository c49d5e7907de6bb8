//! The interactive program: home screen, live meeting, the reviewer's browser, and the terminal
//! they run in.
//!
//! One synchronous loop for every screen: draw, wait for an event (200 ms, 40 ms while the browser
//! is still reading files), let the screen's update turn the key into effects, carry the effects
//! out (`App::perform`: record through the `Session`, finalize, export, open a screen), and do
//! periodic work (journal paused typing, retry refused saves, take the rows the browser's readers
//! have read). SIGTERM / SIGHUP, a failed draw and a terminal that goes away end the loop the same
//! way as quitting: save, restore the terminal, say where anything unsaved went.

pub mod app;
pub mod browse;
pub mod effect;
pub mod export;
pub mod footer;
pub mod home;
pub mod input;
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
use std::time::Instant;

use ratatui::crossterm::event::{Event as TermEvent, KeyEventKind};

use crate::i18n::Tr;
use crate::store::{DataDir, StoreError};
use app::App;
use input::Input;

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

/// Run the interactive program until the user quits, a signal asks it to end, or the terminal goes
/// away (window closed, ssh dropped): in every case the meeting is saved and its lock released.
pub fn run(
    data: DataDir,
    demo: bool,
    tr: Tr,
    keyring: Option<crate::keys::Keyring>,
) -> std::io::Result<Vec<String>> {
    let guard = terminal::enter()?;
    let mut app = App::new(data, demo, tr);
    app.keyring = keyring.map(std::sync::Arc::new);
    run_app(guard, app)
}

/// The one loop: draw, wait for a key, update, carry out the effects, periodic work. A hangup, a
/// signal or a failed draw ends it like quitting: save, release the lock, restore the terminal.
pub fn run_app(mut guard: terminal::TerminalGuard, mut app: App) -> std::io::Result<Vec<String>> {
    let stop = terminal::termination_flag();
    loop {
        let at = crate::clock::now();
        if guard.terminal.draw(|f| app.draw(f, at)).is_err() {
            // Nothing can be shown any more: the terminal is gone.
            input::mark_gone();
            break;
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
        match input::next(app.timeout()) {
            Input::Event(TermEvent::Key(k)) if k.kind == KeyEventKind::Press => {
                app.key(k, Instant::now(), crate::clock::now());
            }
            Input::Event(TermEvent::Paste(text)) => {
                app.paste(&text, Instant::now(), crate::clock::now());
            }
            Input::Event(_) | Input::Idle => {}
            Input::Hangup => break,
        }
        app.tick(Instant::now(), crate::clock::now());
        if app.quit {
            break;
        }
    }
    app.shutdown();
    terminal::leave(guard);
    Ok(std::mem::take(&mut app.farewell))
}
