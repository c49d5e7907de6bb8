//! A pseudo-terminal whose window can be closed: the test holds the master side and drops it, as
//! a terminal emulator does when its window is closed or an ssh connection drops. (The expectrl
//! session in `mod.rs` cannot do that: dropping it kills the program first.)

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::Instant;

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};

use super::{COLS, DEADLINE, ROWS};

/// How the program holds the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Its controlling terminal, as in a terminal window: closing it also sends SIGHUP.
    Controlling,
    /// Only its standard input and output, as when nothing delivers a hangup signal: the program
    /// sees nothing but end-of-file.
    Plain,
}

pub struct Window {
    master: Option<File>,
    child: Child,
    parser: vt100::Parser,
}

impl Window {
    /// Start `branchday ARGS` at 100x30 in Chinese on the terminal's slave side.
    pub fn open(data: &Path, args: &[&str], line: Line) -> Window {
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
        let bin = env!("CARGO_BIN_EXE_branchday");
        let mut cmd = match line {
            // `setsid -c`: a session of its own with this terminal as its controlling terminal
            // (a child of the test is no group leader, so setsid execs in place: same pid).
            Line::Controlling => {
                let mut c = Command::new("setsid");
                c.arg("-c").arg(bin);
                c
            }
            Line::Plain => Command::new(bin),
        };
        cmd.arg("--data-dir")
            .arg(data)
            .args(["--lang", "zh"])
            .args(args)
            .env("LANG", "zh_CN.UTF-8")
            .env("TERM", "xterm-256color")
            .env_remove("BRANCHDAY_DATA_DIR")
            .env_remove("LC_ALL")
            .stdin(Stdio::from(slave.try_clone().expect("dup slave")))
            .stdout(Stdio::from(slave.try_clone().expect("dup slave")))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn branchday");
        let master = File::from(master);
        rustix::io::ioctl_fionbio(&master, true).expect("non-blocking master");
        let size = |n| NonZeroU16::new(n).expect("non-zero");
        Window {
            master: Some(master),
            child,
            parser: vt100::Parser::new(size(ROWS), size(COLS), 0),
        }
    }

    fn pump(&mut self) {
        let Some(master) = &mut self.master else {
            return;
        };
        let mut buf = [0u8; 16 * 1024];
        loop {
            match master.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => self.parser.process(&buf[..n]),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(_) => break,
            }
        }
    }

    pub fn send(&mut self, keys: &str) {
        let master = self.master.as_mut().expect("window open");
        let mut rest = keys.as_bytes();
        let deadline = Instant::now() + DEADLINE;
        while !rest.is_empty() {
            match master.write(rest) {
                Ok(n) => rest = &rest[n..],
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    assert!(
                        Instant::now() < deadline,
                        "the program stopped reading keys"
                    );
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Err(e) => panic!("write keys: {e}"),
            }
        }
    }

    pub fn screen(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Wait until the screen shows `text`; fails the test at the deadline, showing the screen.
    pub fn wait_for(&mut self, text: &str) -> String {
        let deadline = Instant::now() + DEADLINE;
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Close the window: drop the master side of the terminal.
    pub fn close(&mut self) {
        self.pump();
        self.master = None;
    }

    /// Wait for the program to end on its own; the test fails at the deadline (the program is then
    /// killed so that nothing is left behind).
    pub fn wait_exit(&mut self) -> ExitStatus {
        let deadline = Instant::now() + DEADLINE;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            if Instant::now() >= deadline {
                let _ = self.child.kill();
                let _ = self.child.wait();
                panic!("branchday was still running {DEADLINE:?} after its terminal closed");
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
    }
}

impl Drop for Window {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
