//! The one way the tests drive a program through a pseudo-terminal. The test holds the master side
//! of a rustix pty and the program runs as a plain child process on the slave side, at 100x30 from
//! its first instant (the size is set before the program starts, so it never sees a resize). The
//! output is fed to a terminal emulator (vt100), so waits look at the screen as a user sees it, not
//! at the bytes one frame happened to send; every byte is kept too, for the restore sequences.
//!
//! One [`Tui`] can be typed into, signalled, killed, and have its window closed (the master side
//! dropped, as a terminal emulator does when its window closes or an ssh connection drops). Every
//! wait is on a condition with [`DEADLINE`]; between looks the harness blocks in `poll` on the
//! terminal, so it wakes as soon as the program writes.
//!
//! What the program leaves on disk (journal, minutes) is read by the helpers in [`disk`].

#![allow(dead_code)]

use std::ffi::OsStr;
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::num::NonZeroU16;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use rustix::event::{PollFd, PollFlags, Timespec, poll};
use rustix::process::{Pid, kill_process};
use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

pub use rustix::process::Signal;

mod disk;
// Each test binary uses a part of the harness; the disk helpers are used by most, not all.
#[allow(unused_imports)]
pub use disk::*;

/// How long any one wait may take before the test fails (a slow, shared CI machine included).
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The longest one look at the terminal blocks before the condition is checked again.
const LOOK: Duration = Duration::from_millis(10);

/// How long the terminal must stay quiet after a screen before a wait takes it as drawn.
const SETTLE: Duration = Duration::from_millis(25);

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
pub const CTRL_Q: &str = "\x11";
pub const CTRL_S: &str = "\x13";
pub const CTRL_Z: &str = "\x1a";

/// How the program holds the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Its controlling terminal, as in a terminal window: closing the window also sends SIGHUP.
    Controlling,
    /// Only its standard input and output, as when nothing delivers a hangup signal: closing the
    /// window is nothing but end-of-file.
    Plain,
}

/// A temporary data directory holding the demo branch's roster.
pub fn data_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    branchday::store::DataDir::at(dir.path())
        .save_roster(&branchday::demo::roster())
        .expect("roster");
    dir
}

/// The instant the programs a test binary starts read when it starts the first of them
/// (`BRANCHDAY_CLOCK`): a Thursday afternoon in Beijing time. Each later one reads it plus the time
/// since, so what the tests see depends on neither the day, the hour nor the machine's time zone,
/// and a program started later in a test reads a later time than the one before it.
pub const CLOCK_START: &str = "2026-11-26T14:00:00+08:00";

/// The `BRANCHDAY_CLOCK` for a program started now.
pub fn clock() -> String {
    static FIRST: OnceLock<Instant> = OnceLock::new();
    let first = *FIRST.get_or_init(Instant::now);
    let start = chrono::DateTime::parse_from_rfc3339(CLOCK_START).expect("clock start");
    let since = chrono::Duration::from_std(first.elapsed()).expect("elapsed");
    (start + since).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true)
}

/// A command running `program` on the terminal as `line` says (any program: the panic test runs
/// its own test binary). `setsid -c` gives it a session of its own with the terminal as its
/// controlling terminal; a child of the test is no group leader, so setsid execs in place and the
/// pid stays the program's, for signals.
pub fn command(program: impl AsRef<OsStr>, line: Line) -> Command {
    let mut cmd = match line {
        Line::Controlling => {
            let mut c = Command::new("setsid");
            c.arg("-c").arg(program);
            c
        }
        Line::Plain => Command::new(program),
    };
    cmd.env("TERM", "xterm-256color")
        .env(branchday::clock::CLOCK_ENV, clock());
    cmd
}

/// The running program, its screen as a terminal shows it, and every byte it wrote.
pub struct Tui {
    /// The master side; `None` once the window is closed.
    master: Option<File>,
    child: Child,
    parser: vt100::Parser,
    /// Everything the program wrote to the terminal, in order.
    pub raw: Vec<u8>,
    /// The terminal reported end-of-file: every holder of the slave side has closed it.
    eof: bool,
}

impl Tui {
    /// `branchday --data-dir DIR --lang zh` in a Chinese locale, on its controlling terminal.
    pub fn spawn(data: &Path) -> Tui {
        Tui::open(data, &[], Line::Controlling)
    }

    /// `branchday --data-dir DIR --lang zh ARGS` in a Chinese locale, holding the terminal as
    /// `line` says.
    pub fn open(data: &Path, args: &[&str], line: Line) -> Tui {
        let mut cmd = command(env!("CARGO_BIN_EXE_branchday"), line);
        cmd.arg("--data-dir")
            .arg(data)
            .args(["--lang", "zh"])
            .args(args)
            .env("LANG", "zh_CN.UTF-8")
            // A home of its own, so what the program writes there (exports) stays in the test.
            .env("HOME", data.join("home"))
            .env_remove("XDG_CONFIG_HOME")
            .env_remove("XDG_DOCUMENTS_DIR")
            .env_remove("BRANCHDAY_DATA_DIR")
            .env_remove("LC_ALL");
        Tui::start(cmd)
    }

    /// Start `cmd` with a new 100x30 terminal as its standard input, output and error.
    pub fn start(mut cmd: Command) -> Tui {
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().expect("pts path"))
            .expect("open the terminal's slave side");
        tcsetwinsize(
            &slave,
            Winsize {
                ws_row: ROWS,
                ws_col: COLS,
                ws_xpixel: 0,
                ws_ypixel: 0,
            },
        )
        .expect("window size");
        cmd.stdin(Stdio::from(slave.try_clone().expect("dup slave")))
            .stdout(Stdio::from(slave.try_clone().expect("dup slave")))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn the program on the terminal");
        // The test keeps no slave side of its own: `cmd` held the last copies, so end-of-file on
        // the master means the program (and anything it started) has let go of the terminal.
        drop(cmd);
        let master = File::from(master);
        rustix::io::ioctl_fionbio(&master, true).expect("non-blocking master");
        let size = |n| NonZeroU16::new(n).expect("non-zero");
        Tui {
            master: Some(master),
            child,
            parser: vt100::Parser::new(size(ROWS), size(COLS), 0),
            raw: Vec::new(),
            eof: false,
        }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Read whatever the program wrote so far into the screen, without blocking.
    fn pump(&mut self) {
        let Some(master) = &mut self.master else {
            return;
        };
        let mut buf = [0u8; 16 * 1024];
        while !self.eof {
            match master.read(&mut buf) {
                Ok(0) => self.eof = true,
                Ok(n) => {
                    self.parser.process(&buf[..n]);
                    self.raw.extend_from_slice(&buf[..n]);
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // EIO: every holder of the slave side has closed it.
                Err(_) => self.eof = true,
            }
        }
    }

    /// Block until the terminal has something for `flags` or `most` passes. With no terminal
    /// left to watch (closed or at end-of-file) this is the pause between two looks at the
    /// process.
    fn look(&self, flags: PollFlags, most: Duration) {
        match &self.master {
            Some(master) if !self.eof => {
                let timeout = Timespec::try_from(most).expect("a short timeout");
                let mut fds = [PollFd::new(master, flags)];
                match poll(&mut fds, Some(&timeout)) {
                    Ok(_) | Err(rustix::io::Errno::INTR) => {}
                    Err(e) => panic!("poll the terminal: {e}"),
                }
            }
            _ => std::thread::sleep(most),
        }
    }

    /// Send keys (bytes as a terminal would). A long paste that fills the terminal's input is sent
    /// as the program reads it.
    pub fn send(&mut self, keys: &str) {
        let mut rest = keys.as_bytes();
        let deadline = Instant::now() + DEADLINE;
        while !rest.is_empty() {
            let master = self.master.as_mut().expect("the window is open");
            match master.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    assert!(
                        Instant::now() < deadline,
                        "the program stopped reading keys; screen:\n{}",
                        self.parser.screen().contents()
                    );
                    // Keep its output flowing while its input is full.
                    self.pump();
                    self.look(PollFlags::OUT, LOOK);
                }
                Err(e) => panic!("write keys: {e}"),
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

    /// Wait until `ok` holds for the screen (looked at afresh each time; a condition on something
    /// else, such as the journal, may ignore it). The program writes a frame in several pieces, so
    /// a screen counts only once the terminal has been quiet for [`SETTLE`] after it: a half-drawn
    /// frame is never taken for the next screen. Fails the test at the deadline, or if the program
    /// ends first, showing the screen.
    pub fn wait_until(&mut self, what: &str, mut ok: impl FnMut(&str) -> bool) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if ok(&screen) && !self.writes_within(SETTLE) {
                return screen;
            }
            assert!(
                !self.eof,
                "the program ended while waiting for {what}; last screen:\n{screen}"
            );
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; running: {}; screen:\n{screen}\nlast output: {:?}",
                matches!(self.child.try_wait(), Ok(None)),
                String::from_utf8_lossy(&self.raw[self.raw.len().saturating_sub(400)..])
            );
            self.look(PollFlags::IN, LOOK);
        }
    }

    /// Whether the program writes more (or lets go of the terminal) within `quiet`.
    fn writes_within(&self, quiet: Duration) -> bool {
        match &self.master {
            Some(master) if !self.eof => {
                let timeout = Timespec::try_from(quiet).expect("a short timeout");
                let mut fds = [PollFd::new(master, PollFlags::IN)];
                poll(&mut fds, Some(&timeout)).is_ok_and(|n| n > 0)
            }
            _ => false,
        }
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// Wait until the screen no longer shows `text`.
    pub fn wait_gone(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?} to leave the screen"), |s| {
            !s.contains(text)
        })
    }

    /// Wait until the row holding `key` also holds `value` (e.g. a member's row shows 出席).
    pub fn wait_row(&mut self, key: &str, value: &str) -> String {
        self.wait_until(&format!("a row with {key:?} and {value:?}"), |s| {
            s.lines().any(|l| l.contains(key) && l.contains(value))
        })
    }

    /// Send a signal to the program.
    pub fn signal(&mut self, sig: Signal) {
        let pid = Pid::from_child(&self.child);
        kill_process(pid, sig).expect("send the signal");
    }

    /// SIGKILL and reap: no handler runs, nothing is flushed, the terminal is left as it was.
    pub fn kill(mut self) {
        self.signal(Signal::KILL);
        let status = self.wait_exit();
        assert_eq!(
            status.signal(),
            Some(Signal::KILL.as_raw()),
            "ended {status:?}"
        );
    }

    /// Close the window: drop the master side of the terminal.
    pub fn close(&mut self) {
        self.pump();
        self.master = None;
    }

    /// Wait for the program to end on its own and return how it ended. While the window is open,
    /// everything it wrote on the way out is read first (up to the terminal's end-of-file).
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            self.pump();
            if (self.eof || self.master.is_none())
                && let Some(status) = self.child.try_wait().expect("wait for the program")
            {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program was still running after {DEADLINE:?}; screen:\n{}",
                self.parser.screen().contents()
            );
            self.look(PollFlags::IN, LOOK);
        }
    }
}

/// Nothing is left running: a test that fails mid-way kills its program.
impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// How `status` says the program ended by a signal, if it did.
pub fn ended_by_signal(status: ExitStatus) -> Option<Signal> {
    status.signal().and_then(Signal::from_named_raw)
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

/// Whether `hay` holds `needle` (bytes).
pub fn holds(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// Where `needle` last occurs in `hay`.
pub fn last_at(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// From the home screen, open a new meeting with the setup as it comes and wait for check-in.
pub fn start_meeting(t: &mut Tui) {
    t.wait_for("开始新会议");
    t.send("n");
    t.wait_for("会议类型");
    t.send(CTRL_S);
    t.wait_for("输入姓名或拼音首字母查找");
}
