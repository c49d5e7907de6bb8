//! A panic while the screen is up: the chained panic hook restores the terminal (alternate screen
//! left, cursor shown, bracketed paste off, raw mode off) before the panic message is printed, so the
//! message is readable and the shell is usable.
//!
//! The test runs itself again inside a pseudo-terminal: the child enters TUI mode through
//! `branchday::tui::terminal::enter` and panics; the parent reads what the child wrote.

#![cfg(unix)]

mod pty_support;

const CHILD: &str = "BRANCHDAY_PANIC_RESTORE_CHILD";
const MESSAGE: &str = "deliberate panic with the screen up";

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    if std::env::var_os(CHILD).is_some() {
        let _guard = branchday::tui::terminal::enter().expect("a terminal");
        let caught = std::panic::catch_unwind(|| panic!("{MESSAGE}"));
        assert!(caught.is_err());
        let raw = ratatui::crossterm::terminal::is_raw_mode_enabled().expect("terminal mode");
        println!("raw mode after the panic: {raw}");
        return;
    }
    let mut cmd = pty_support::command(
        std::env::current_exe().expect("test binary"),
        pty_support::Line::Controlling,
    );
    cmd.args([
        "--exact",
        "a_panic_restores_the_terminal_before_its_message",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD, "1");
    let mut child = pty_support::Tui::start(cmd);
    let status = child.wait_exit();
    assert!(status.success(), "the child test failed: {status:?}");
    let out = child.raw.clone();
    let out = String::from_utf8_lossy(&out);
    let find = |s: &str| {
        out.find(s)
            .unwrap_or_else(|| panic!("{s:?} not in {out:?}"))
    };
    let entered = find("\x1b[?1049h");
    let left = find("\x1b[?1049l");
    let paste_off = find("\x1b[?2004l");
    let cursor = find("\x1b[?25h");
    let message = find(MESSAGE);
    assert!(entered < left, "{out:?}");
    for restored in [left, paste_off, cursor] {
        assert!(restored < message, "restored after the message: {out:?}");
    }
    assert!(
        out.contains("raw mode after the panic: false"),
        "raw mode left on: {out:?}"
    );
}
