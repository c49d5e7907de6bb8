//! Reading the terminal without ever getting stuck on it.
//!
//! crossterm 0.29 reads the terminal in a loop that never returns once the terminal is gone: on
//! end-of-file (the window was closed, ssh dropped) `read` keeps answering 0 bytes and crossterm
//! keeps asking, at full speed, inside `event::poll`. A program that calls it from its own loop
//! then never sees its SIGHUP flag again and holds its draft lock until it is killed.
//!
//! So the terminal is read on a thread of its own that hands events over a channel, and the loop
//! waits on that channel with a timeout. Whether the terminal is still there is asked of the
//! kernel directly (`poll` on standard input: a hung-up terminal reports `POLLHUP`), so the loop
//! learns of a hangup within one wait, saves, and exits, whatever the reader thread is doing.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};

/// What waiting on the terminal gave.
#[derive(Debug)]
pub enum Input {
    Event(Event),
    /// Nothing arrived within the wait.
    Idle,
    /// The terminal is gone (end-of-file, an error, or a hung-up line): save and leave.
    Hangup,
}

/// Set once the terminal has been seen gone; it never comes back.
static GONE: AtomicBool = AtomicBool::new(false);

fn reader() -> &'static Mutex<Receiver<io::Result<Event>>> {
    static READER: OnceLock<Mutex<Receiver<io::Result<Event>>>> = OnceLock::new();
    READER.get_or_init(|| {
        let (tx, rx) = mpsc::channel();
        let spawned = std::thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                loop {
                    let read = event::read();
                    let failed = read.is_err();
                    if tx.send(read).is_err() || failed {
                        break;
                    }
                }
            });
        if let Err(e) = spawned {
            // No thread, no keys: report it as the terminal being unusable.
            let (tx, rx) = mpsc::channel();
            let _ = tx.send(Err(e));
            return Mutex::new(rx);
        }
        Mutex::new(rx)
    })
}

/// Wait up to `timeout` for the next terminal event.
pub fn next(timeout: Duration) -> Input {
    if gone() {
        return Input::Hangup;
    }
    let rx = match reader().lock() {
        Ok(rx) => rx,
        Err(poisoned) => poisoned.into_inner(),
    };
    let got = rx.recv_timeout(timeout);
    drop(rx);
    match got {
        Ok(Ok(ev)) => Input::Event(ev),
        Ok(Err(_)) | Err(RecvTimeoutError::Disconnected) => mark_gone(),
        Err(RecvTimeoutError::Timeout) => {
            if gone() {
                Input::Hangup
            } else {
                Input::Idle
            }
        }
    }
}

/// Record that the terminal is gone (a failed draw says so too).
pub fn mark_gone() -> Input {
    GONE.store(true, Ordering::SeqCst);
    Input::Hangup
}

/// Whether the terminal has gone away: seen before, or reported hung up by the kernel now.
#[must_use]
pub fn gone() -> bool {
    if GONE.load(Ordering::SeqCst) {
        return true;
    }
    if line_hung_up() {
        GONE.store(true, Ordering::SeqCst);
        return true;
    }
    false
}

#[cfg(unix)]
fn line_hung_up() -> bool {
    use rustix::event::{PollFd, PollFlags, poll};
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    match poll(&mut fds, Some(&rustix::event::Timespec::default())) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(rustix::io::Errno::INTR) => false,
        Err(_) => true,
    }
}

#[cfg(not(unix))]
fn line_hung_up() -> bool {
    false
}
