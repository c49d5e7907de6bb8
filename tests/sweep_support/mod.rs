//! Driving the real binary in a pseudo-terminal for the crash sweep: spawn it at 100x30 in Chinese on
//! a data directory, send keys, wait (with a deadline) for the screen or the journal, kill it with
//! SIGKILL, and read what it left on disk.

#![allow(dead_code)]

use std::io::{ErrorKind, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use branchday::domain::{Event, Meeting};
use branchday::journal::{self, JournalWarning};
pub use expectrl::process::unix::Signal;
use expectrl::session::OsSession;

/// How long any one wait may take before the test fails (a slow, shared machine included).
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
pub const F4: &str = "\x1bOS";
pub const F5: &str = "\x1b[15~";
pub const CTRL_G: &str = "\x07";
pub const CTRL_S: &str = "\x13";

/// A temporary data directory holding the demo branch's roster.
pub fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    branchday::store::DataDir::at(dir.path())
        .save_roster(&branchday::demo::roster())
        .expect("roster");
    dir
}

/// The running program and its screen as a terminal shows it.
pub struct Tui {
    session: OsSession,
    parser: vt100::Parser,
    /// Everything the program wrote to the terminal, in order.
    pub raw: Vec<u8>,
    eof: bool,
}

impl Tui {
    /// Start `branchday --data-dir DIR --lang zh` in a 100x30 pseudo-terminal.
    pub fn spawn(data: &Path) -> Tui {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_branchday"));
        cmd.arg("--data-dir")
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

    /// Read whatever the program has written so far into the screen.
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
                // EIO once the program has gone.
                Err(_) => self.eof = true,
            }
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    pub fn send(&mut self, keys: &str) {
        self.session.write_all(keys.as_bytes()).expect("send keys");
        self.session.flush().expect("flush keys");
    }

    /// Wait until `cond` holds (the screen is refreshed before each look), or fail naming `what`.
    pub fn wait_until(&mut self, what: &str, mut cond: impl FnMut(&mut Tui) -> bool) {
        let end = Instant::now() + DEADLINE;
        loop {
            self.pump();
            if cond(self) {
                return;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {what}; the screen shows:\n{}",
                self.parser.screen().contents()
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    pub fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |t| {
            t.parser.screen().contents().contains(text)
        });
    }

    pub fn wait_gone(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} to leave the screen"), |t| {
            !t.parser.screen().contents().contains(text)
        });
    }

    /// Send `signal` and wait for the program to exit, reading all it writes on the way out.
    pub fn signal_and_wait(&mut self, signal: Signal) {
        self.session
            .get_process_mut()
            .kill(signal)
            .expect("send the signal");
        self.wait_until("the program to exit", |t| t.eof);
        let _ = self.session.get_process_mut().wait();
    }

    /// SIGKILL: no handler runs, nothing is flushed, the terminal is left as it was.
    pub fn kill(mut self) {
        let p = self.session.get_process_mut();
        p.kill(Signal::SIGKILL).expect("SIGKILL");
        let _ = p.wait();
    }
}

/// Open a new themed-day meeting from home (the defaults, a theme, a place, a recorder).
pub fn create_meeting(tui: &mut Tui) {
    tui.wait_for("开始新会议");
    tui.send("n");
    tui.wait_for("会议类型");
    tui.send(&format!(
        "{TAB}{TAB}{TAB}学习贯彻党的二十届四中全会精神{TAB}社区党群服务中心"
    ));
    tui.send(&format!("{TAB}{TAB}{TAB}lgl"));
    tui.wait_for("→ 刘桂兰");
    tui.send(CTRL_S);
    tui.wait_for("应到 ");
}

/// The newest draft journal in the data directory.
pub fn newest_journal(data: &Path) -> Option<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(data.join("drafts"))
        .ok()?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "journal"))
        .filter_map(|e| Some((e.metadata().ok()?.created().ok()?, e.path())))
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p)
}

/// The events and warnings of the journal at `path` as it is on disk now.
pub fn read_events(path: &Path) -> (Vec<Event>, Vec<JournalWarning>) {
    journal::parse(&std::fs::read(path).expect("read journal"))
}

pub fn event_count(path: &Path) -> usize {
    read_events(path).0.len()
}

/// The meeting a restart would rebuild from the journal at `path`.
pub fn replayed(path: &Path) -> Meeting {
    let (events, _) = read_events(path);
    let (meeting, skipped) = Meeting::replay(&events).expect("journal starts with its meeting");
    assert!(skipped.is_empty(), "events that do not fit: {skipped:?}");
    meeting
}

/// Files in `minutes/`: (visible minutes files, hidden temporary leftovers).
pub fn minutes_files(data: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut visible = Vec::new();
    let mut hidden = Vec::new();
    for e in std::fs::read_dir(data.join("minutes"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            assert!(
                Path::new(&name).extension().is_some_and(|x| x == "tmp"),
                "unexpected hidden file in minutes/: {name}"
            );
            hidden.push(e.path());
        } else {
            visible.push(e.path());
        }
    }
    visible.sort();
    (visible, hidden)
}
