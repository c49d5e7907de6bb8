//! Driving the real `branchday` binary through a pseudo-terminal: spawn it at 100x30 in Chinese on a
//! temporary data directory, send keys, and wait (with a deadline) for what the screen shows. The
//! output is fed to a terminal emulator (vt100), so waits look at the screen as a user sees it, not
//! at the bytes ratatui happened to send for one frame.

#![allow(dead_code)]

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use expectrl::process::unix::{Signal, WaitStatus};
use expectrl::session::OsSession;

pub mod hangup;

/// How long any one wait may take before the test fails (a slow, shared CI machine included).
pub const DEADLINE: Duration = Duration::from_secs(30);

pub const COLS: u16 = 100;
pub const ROWS: u16 = 30;

// Keys as a terminal sends them.
pub const ENTER: &str = "\r";
pub const TAB: &str = "\t";
pub const ESC: &str = "\x1b";
pub const RIGHT: &str = "\x1b[C";
pub const DOWN: &str = "\x1b[B";
pub const PGDN: &str = "\x1b[6~";
pub const F2: &str = "\x1bOQ";
pub const F3: &str = "\x1bOR";
pub const CTRL_G: &str = "\x07";
pub const CTRL_Q: &str = "\x11";
pub const CTRL_S: &str = "\x13";
pub const CTRL_Z: &str = "\x1a";

/// A temporary data directory holding the demo branch's roster.
pub fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    branchday::store::DataDir::at(dir.path())
        .save_roster(&branchday::demo::roster())
        .expect("roster");
    dir
}

/// The running program, its screen as a terminal shows it, and every byte it wrote.
pub struct Tui {
    session: OsSession,
    parser: vt100::Parser,
    /// Everything the program wrote to the terminal, in order.
    pub raw: Vec<u8>,
    eof: bool,
}

impl Tui {
    /// Start `branchday --data-dir DIR --lang zh` in a 100x30 pseudo-terminal with a Chinese locale.
    ///
    /// The pty starts at 80x24 and is resized once spawned. A resize that reaches a running
    /// crossterm program in the same poll as a key leaves that key unread until the next one
    /// (crossterm 0.29 returns the resize first and its edge-triggered tty readiness is lost), so
    /// a tiny shell waits for the final size and then `exec`s the binary (same process, so
    /// signals reach it): the program never sees a resize.
    pub fn spawn(data: &Path) -> Tui {
        let mut cmd = Command::new("/bin/sh");
        cmd.arg("-c")
            .arg(format!(
                r#"until [ "$(stty size)" = "{ROWS} {COLS}" ]; do sleep 0.01; done; exec "$0" "$@""#
            ))
            .arg(env!("CARGO_BIN_EXE_branchday"))
            .arg("--data-dir")
            .arg(data)
            .args(["--lang", "zh"])
            .env("LANG", "zh_CN.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("BRANCHDAY_DATA_DIR")
            .env_remove("LC_ALL");
        let mut session = expectrl::Session::spawn(cmd).expect("spawn branchday in a pty");
        session
            .get_process_mut()
            .set_window_size(COLS, ROWS)
            .expect("window size");
        let size = |n| NonZeroU16::new(n).expect("non-zero");
        Tui {
            session,
            parser: vt100::Parser::new(size(ROWS), size(COLS), 0),
            raw: Vec::new(),
            eof: false,
        }
    }

    /// The process id, for signals.
    pub fn pid(&self) -> i32 {
        self.session.get_process().pid().as_raw()
    }

    /// Send keys (bytes as a terminal would).
    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("write keys");
        self.session.flush().expect("flush keys");
    }

    /// Read whatever the program wrote so far into the screen.
    fn pump(&mut self) {
        let mut buf = [0u8; 16 * 1024];
        while !self.eof {
            match self.session.try_read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // The terminal is gone: the program has ended.
                Err(_) => self.eof = true,
            }
        }
    }

    /// The screen as text, one line per row.
    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Whether the terminal is on the alternate screen (the TUI is up).
    pub fn alternate_screen(&mut self) -> bool {
        self.pump();
        self.parser.screen().alternate_screen()
    }

    /// Whether bracketed paste is on.
    pub fn bracketed_paste(&mut self) -> bool {
        self.pump();
        self.parser.screen().bracketed_paste()
    }

    /// The screen row holding `needle`, if any.
    pub fn row_with(&mut self, needle: &str) -> Option<String> {
        self.screen()
            .lines()
            .find(|l| l.contains(needle))
            .map(str::to_owned)
    }

    /// Wait until the screen satisfies `ok`; fails the test at the deadline, showing the screen.
    pub fn wait_until(&mut self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                !self.eof,
                "branchday ended while waiting for {what}; last screen:\n{screen}"
            );
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; alive: {:?}; screen:\n{screen}\nlast output: {:?}",
                self.session.get_process().is_alive(),
                String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(400)..])
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    /// Wait until the row holding `key` also holds `value` (e.g. a member's row shows 出席).
    pub fn wait_row(&mut self, key: &str, value: &str) -> String {
        self.wait_until(&format!("a row with {key:?} and {value:?}"), |s| {
            s.lines().any(|l| l.contains(key) && l.contains(value))
        })
    }

    /// Send a signal to the program.
    pub fn signal(&mut self, sig: Signal) {
        self.session
            .get_process_mut()
            .kill(sig)
            .expect("send signal");
    }

    /// Wait for the program to end (its terminal closes) and return how it ended.
    pub fn wait_exit(&mut self) -> WaitStatus {
        let deadline = Instant::now() + DEADLINE;
        while !self.eof {
            self.pump();
            if self.eof {
                break;
            }
            if !self.session.get_process().is_alive().unwrap_or(false) {
                // Collect the last output, then stop.
                self.pump();
                self.eof = true;
                break;
            }
            assert!(
                Instant::now() < deadline,
                "branchday did not end; screen:\n{}",
                self.parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        let deadline = Instant::now() + DEADLINE;
        loop {
            match self.session.get_process().status() {
                Ok(WaitStatus::StillAlive) => {
                    assert!(Instant::now() < deadline, "branchday did not exit");
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok(status) => return status,
                Err(e) => panic!("waitpid: {e}"),
            }
        }
    }
}

/// The one journal in `DIR/drafts`.
pub fn journal_path(data: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "journal"))
        .collect();
    assert_eq!(found.len(), 1, "expected one journal, found {found:?}");
    found.into_iter().next().expect("journal")
}

/// The meeting as the journal on disk has it, and what reading it noticed.
pub fn read_journal(
    data: &Path,
) -> (
    branchday::domain::Meeting,
    Vec<branchday::journal::JournalWarning>,
) {
    let bytes = std::fs::read(journal_path(data)).expect("read journal");
    let (events, warnings) = branchday::journal::parse(&bytes);
    let (meeting, skipped) = branchday::domain::Meeting::replay(&events).expect("replay");
    assert!(skipped.is_empty(), "events skipped on replay: {skipped:?}");
    (meeting, warnings)
}

/// The meeting as the journal on disk has it; the journal must read cleanly.
pub fn replay(data: &Path) -> branchday::domain::Meeting {
    let (meeting, warnings) = read_journal(data);
    assert!(warnings.is_empty(), "journal warnings: {warnings:?}");
    meeting
}

/// Poll the journal on disk until the replayed meeting satisfies `ok` (deadline as for the screen).
/// A line being written at that moment may read as torn; the next poll sees it whole.
pub fn wait_journal(
    data: &Path,
    what: &str,
    ok: impl Fn(&branchday::domain::Meeting) -> bool,
) -> branchday::domain::Meeting {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let (m, _) = read_journal(data);
        if ok(&m) {
            return m;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the journal to hold {what}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The attendance status a member has in the replayed meeting.
pub fn status_of(
    m: &branchday::domain::Meeting,
    name: &str,
) -> Option<branchday::domain::AttendanceStatus> {
    let i = m.members().iter().position(|x| x.name == name)?;
    m.marks[i].as_ref().map(|(mark, _)| mark.status)
}

/// Whether `hay` holds `needle` (bytes).
pub fn holds(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Where `needle` last occurs in `hay`.
pub fn last_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}
