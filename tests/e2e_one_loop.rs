//! One loop for every screen, through a pseudo-terminal: the reviewer's browser opens from home and
//! `q` brings home back; an undo made after resuming a meeting undoes a mark made before it (undo
//! is in the journal, not only on the screen).

#![cfg(unix)]

mod pty_support;

use branchday::domain::AttendanceStatus;
use pty_support::{CTRL_Q, CTRL_Z, DOWN, ENTER, data_dir, start_meeting, status_of, wait_journal};
use pty_support::{Line, Tui as Window};

#[test]
fn the_browser_opens_from_home_and_q_comes_back_then_ctrl_q_quits() {
    let dir = data_dir();
    let mut w = Window::open(dir.path(), &[], Line::Controlling);
    w.wait_for("开始新会议");
    w.send("b");
    w.wait_for("会议记录审阅");
    w.send("q");
    w.wait_for("开始新会议");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
}

#[test]
fn an_undo_after_resuming_undoes_the_mark_made_before() {
    let dir = data_dir();
    let mut w = Window::open(dir.path(), &[], Line::Controlling);
    start_meeting(&mut w);
    w.send("wjg");
    w.send("2");
    wait_journal(dir.path(), "王建国 late", |m| {
        status_of(m, "王建国") == Some(AttendanceStatus::Late)
    });
    w.send(CTRL_Q);
    w.wait_for("继续：");
    w.send(DOWN);
    w.send(ENTER);
    w.wait_for("输入姓名或拼音首字母查找");
    w.send(CTRL_Z);
    wait_journal(dir.path(), "the mark undone", |m| {
        status_of(m, "王建国").is_none()
    });
    w.send(CTRL_Q);
    w.wait_for("开始新会议");
    w.send(CTRL_Q);
    assert!(w.wait_exit().success());
}
