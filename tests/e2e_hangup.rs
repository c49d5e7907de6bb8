//! Closing the terminal window (or losing the ssh connection) ends the program cleanly: within
//! moments it saves what was typed, releases the draft's lock and exits, at the home screen, in
//! the middle of a meeting and in the reviewer — with a controlling terminal (the window's close
//! also sends SIGHUP) and without one (nothing but end-of-file arrives). The meeting then resumes
//! with everything in it.

#![cfg(unix)]

mod pty_support;

use branchday::domain::AttendanceStatus;
use pty_support::{
    CTRL_S, DOWN, ENTER, F2, Line, PGDN, Tui, data_dir, journal_path, replay, start_meeting,
    status_of,
};

const TOPIC: &str = "学习党章总纲";
const NOTES: &str = "窗口关闭前记下的一句话";

fn at_home_the_window_closes(line: Line) {
    let dir = data_dir();
    let mut w = Tui::open(dir.path(), &[], line);
    w.wait_for("开始新会议");
    w.close();
    let status = w.wait_exit();
    assert!(status.success(), "{line:?}: {status:?}");
}

#[test]
fn closing_the_window_at_home_ends_the_program() {
    at_home_the_window_closes(Line::Controlling);
}

#[test]
fn end_of_file_at_home_without_a_hangup_signal_ends_the_program() {
    at_home_the_window_closes(Line::Plain);
}

/// Start a meeting, check two in, add a study topic and type notes into it; close the window
/// while those notes are still only typed (not yet journaled).
fn mid_meeting_the_window_closes(line: Line) {
    let dir = data_dir();
    let mut w = Tui::open(dir.path(), &[], line);
    start_meeting(&mut w);
    w.send("wjg");
    w.send(ENTER);
    w.wait_for("实到 1（");
    w.send("lxy");
    w.send(ENTER);
    w.wait_for("实到 2（");
    w.send(&format!("{PGDN}{PGDN}{PGDN}"));
    w.wait_for("▶ 学习党章");
    w.send("a");
    w.wait_for("学习材料");
    w.send(TOPIC);
    w.wait_for(TOPIC);
    w.send(CTRL_S);
    w.wait_for(&format!("1. {TOPIC}"));
    w.send(ENTER);
    w.wait_for("Esc 完成（自动保存）");
    w.send(NOTES);
    w.wait_for(NOTES);
    let pid = w.pid();
    w.close();
    let status = w.wait_exit();
    assert!(status.success(), "{line:?}: pid {pid} ended {status:?}");

    // Everything is on disk, the typed notes included, and the lock is released.
    let m = replay(dir.path());
    assert_eq!(status_of(&m, "王建国"), Some(AttendanceStatus::Present));
    assert_eq!(status_of(&m, "李秀英"), Some(AttendanceStatus::Present));
    assert_eq!(m.study[0].notes, NOTES, "{line:?}");
    let lock = journal_path(dir.path()).with_extension("lock");
    assert!(!lock.exists(), "{line:?}: lock left at {}", lock.display());

    // A new window resumes the meeting from home, with everything in it.
    let mut again = Tui::open(dir.path(), &[], Line::Controlling);
    again.wait_for("继续：");
    again.send(DOWN);
    again.send(ENTER);
    again.wait_for("▶ 学习党章");
    again.wait_for(NOTES);
    again.send(F2);
    again.wait_for("实到 2（正式 2 预备 0）");
    again.close();
    assert!(again.wait_exit().success());
}

#[test]
fn closing_the_window_mid_meeting_saves_releases_the_lock_and_exits() {
    mid_meeting_the_window_closes(Line::Controlling);
}

#[test]
fn end_of_file_mid_meeting_without_a_hangup_signal_saves_and_exits() {
    mid_meeting_the_window_closes(Line::Plain);
}

fn in_review_the_window_closes(line: Line) {
    let dir = data_dir();
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/valid");
    let mut w = Tui::open(dir.path(), &["review", folder], line);
    w.wait_for("会议记录审阅");
    w.close();
    let status = w.wait_exit();
    assert!(status.success(), "{line:?}: {status:?}");
}

#[test]
fn closing_the_window_in_review_ends_the_program() {
    in_review_the_window_closes(Line::Controlling);
}

#[test]
fn end_of_file_in_review_without_a_hangup_signal_ends_the_program() {
    in_review_the_window_closes(Line::Plain);
}

/// The reviewer opened from home, then the window closes: the program ends, it does not fall
/// back to a home screen nobody can see.
#[test]
fn closing_the_window_in_review_opened_from_home_ends_the_program() {
    let dir = data_dir();
    let mut w = Tui::open(dir.path(), &[], Line::Plain);
    w.wait_for("开始新会议");
    w.send("b");
    w.wait_for("会议记录审阅");
    w.close();
    assert!(w.wait_exit().success());
}

/// A draft held by a branchday that has no controlling terminal (nobody can reach it to quit) is
/// offered for take-over with a plain explanation: yes ends the holder (it saves and exits) and
/// opens the draft here, with everything in it. A draft open in a window of its own is not.
#[test]
fn a_draft_held_by_a_program_without_a_terminal_is_offered_for_take_over() {
    let dir = data_dir();
    let mut a = Tui::open(dir.path(), &[], Line::Plain);
    start_meeting(&mut a);
    a.send("wjg");
    a.send(ENTER);
    a.wait_for("实到 1（");

    let mut b = Tui::open(dir.path(), &[], Line::Controlling);
    b.wait_for("继续：");
    b.send(DOWN);
    b.send(ENTER);
    b.wait_for("已没有终端窗口");
    b.wait_for("按 y 接管");
    // Any other key declines: nothing happens to the holder.
    b.send("n");
    a.send("lxy");
    a.send(ENTER);
    a.wait_for("实到 2（");
    // Yes: the holder saves and exits, and the meeting opens here with both check-ins.
    b.send(ENTER);
    b.wait_for("按 y 接管");
    b.send("y");
    b.wait_for("输入姓名或拼音首字母查找");
    b.wait_for("实到 2（");
    assert!(a.wait_exit().success(), "the holder ended cleanly");
    let m = replay(dir.path());
    assert_eq!(status_of(&m, "李秀英"), Some(AttendanceStatus::Present));
}
