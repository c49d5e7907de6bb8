//! Who holds a draft's lock, and taking the lock over when its holder can no longer be reached.
//!
//! The lock file names its holder (`pid N since …`). A holder that is a live branchday with a
//! controlling terminal is a meeting open in another window: it is left alone. A branchday with
//! no controlling terminal (its window closed under an older version, or started without one) is
//! asked to end with SIGTERM — it saves and releases the lock — and killed only if it does not.
//! A process that is not branchday cannot be writing the draft: the lock file is replaced.

use std::path::Path;
use std::time::{Duration, Instant};

/// What the lock's holder is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holder {
    /// A branchday with a terminal: the meeting is open in another window.
    InWindow { pid: i32, since: String },
    /// A branchday without a controlling terminal: nobody can reach it.
    NoTerminal { pid: i32, since: String },
    /// The process named is not branchday (the number was reused) or has ended.
    NotBranchday { pid: i32 },
    /// The lock file does not say (an older or foreign lock file).
    Unknown,
}

impl Holder {
    /// Whether the lock may be taken over (with the secretary's consent).
    #[must_use]
    pub fn can_take_over(&self) -> bool {
        matches!(
            self,
            Holder::NoTerminal { .. } | Holder::NotBranchday { .. }
        )
    }
}

/// `pid N since …` as the lock file holds it.
fn parse(text: &str) -> Option<(i32, String)> {
    let rest = text.trim().strip_prefix("pid ")?;
    let (pid, since) = rest.split_once(" since ").unwrap_or((rest, ""));
    Some((pid.trim().parse().ok()?, since.trim().to_owned()))
}

/// Classify the holder a lock file names.
#[must_use]
pub fn classify(text: &str) -> Holder {
    let Some((pid, since)) = parse(text) else {
        return Holder::Unknown;
    };
    let proc_dir = Path::new("/proc").join(pid.to_string());
    let comm = std::fs::read_to_string(proc_dir.join("comm")).unwrap_or_default();
    if comm.trim() != "branchday" {
        return Holder::NotBranchday { pid };
    }
    // Field 7 of /proc/PID/stat (after the command in parentheses) is the controlling terminal;
    // 0 means none.
    let stat = std::fs::read_to_string(proc_dir.join("stat")).unwrap_or_default();
    let tty = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(4))
        .and_then(|t| t.parse::<i64>().ok())
        .unwrap_or(0);
    if tty == 0 {
        Holder::NoTerminal { pid, since }
    } else {
        Holder::InWindow { pid, since }
    }
}

/// Take the lock at `path` over from `holder` (one [`Holder::can_take_over`] allows): end a
/// branchday without a terminal (SIGTERM, then SIGKILL after a few seconds), or replace a lock file
/// whose holder is not branchday. Returns once the lock can be acquired, or when it cannot.
pub fn take_over(path: &Path, holder: &Holder) -> std::io::Result<()> {
    match holder {
        Holder::NoTerminal { pid, .. } => {
            end(*pid);
            Ok(())
        }
        Holder::NotBranchday { .. } => match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        },
        Holder::InWindow { .. } | Holder::Unknown => Ok(()),
    }
}

#[cfg(unix)]
fn end(pid: i32) {
    use rustix::process::{Pid, Signal, kill_process};
    let Some(p) = Pid::from_raw(pid) else { return };
    let alive = || Path::new("/proc").join(pid.to_string()).exists();
    let _ = kill_process(p, Signal::TERM);
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        if !alive() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if alive() {
        let _ = kill_process(p, Signal::KILL);
        let deadline = Instant::now() + Duration::from_secs(2);
        while Instant::now() < deadline && alive() {
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

#[cfg(not(unix))]
fn end(_pid: i32) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_are_told_apart() {
        assert_eq!(classify("no pid here"), Holder::Unknown);
        assert_eq!(classify(""), Holder::Unknown);
        // This test process is not branchday.
        let me = i32::try_from(std::process::id()).expect("a pid fits an i32");
        assert_eq!(
            classify(&format!("pid {me} since 2026-12-01 19:00:00")),
            Holder::NotBranchday { pid: me }
        );
        assert!(classify(&format!("pid {me} since x")).can_take_over());
        // A number no process has.
        assert_eq!(
            classify("pid 2147483646 since 2026-12-01 19:00:00"),
            Holder::NotBranchday { pid: 2_147_483_646 }
        );
        assert!(
            !Holder::InWindow {
                pid: 1,
                since: String::new()
            }
            .can_take_over()
        );
    }

    #[test]
    fn a_foreign_lock_file_is_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("x.lock");
        std::fs::write(&path, "pid 2147483646 since then").expect("write");
        take_over(&path, &classify("pid 2147483646 since then")).expect("taken");
        assert!(!path.exists());
    }
}
