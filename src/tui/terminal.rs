//! Entering and leaving the terminal: raw mode, alternate screen, bracketed paste, and one
//! `restore()` that is safe to call twice, reached from normal exit, a guard's `Drop`, the panic hook
//! (chained to the previous hook) and SIGTERM / SIGHUP.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::{
    cursor,
    event::{DisableBracketedPaste, EnableBracketedPaste},
    execute,
    terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode},
};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: std::sync::Once = std::sync::Once::new();

/// Whether both standard input and output are terminals.
#[must_use]
pub fn is_interactive() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Put the terminal back as it was. Safe to call any number of times, from any path.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(
            out,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Holds the terminal in TUI mode; restores it when dropped.
pub struct TerminalGuard {
    pub terminal: Term,
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leave TUI mode. A terminal that went away is not written to again: ratatui's own teardown would
/// report its failure to show the cursor on standard error, which is that same lost terminal.
pub fn leave(guard: TerminalGuard) {
    if super::input::gone() {
        std::mem::forget(guard);
    } else {
        drop(guard);
    }
}

/// Enter TUI mode. Fails with an `io::Error` (never panics) when there is no terminal.
pub fn enter() -> io::Result<TerminalGuard> {
    if !is_interactive() {
        return Err(io::Error::other("not a terminal"));
    }
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste) {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(terminal) => Ok(TerminalGuard { terminal }),
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// A flag raised by SIGTERM, SIGHUP, SIGINT or SIGQUIT (sent by another process: in raw mode Ctrl+C is
/// a key). The event loop checks it between events, saves, restores the
/// terminal and exits.
#[must_use]
pub fn termination_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGQUIT,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
    }
    flag
}
