//! What survives when a meeting ends badly, checked on the real binary in a pseudo-terminal:
//! SIGKILL mid-typing (resume from home with every check-in and the notes up to the last second),
//! a second instance refused while the draft is open, and SIGTERM / SIGHUP ending the program with
//! the terminal restored and everything typed in the journal.

#![cfg(unix)]

mod pty_support;

use pty_support::{
    CTRL_Q, CTRL_S, DOWN, ENTER, ESC, F2, F3, PGDN, Signal, Tui, data_dir, ended_by_signal, holds,
    journal_path, last_at, replay, start_meeting, status_of, wait_journal,
};

use branchday::domain::AttendanceStatus;

const TOPIC: &str = "学习党章总纲";
const NOTES: &str = "第一段：全体党员学习了党章总纲，";
const MORE: &str = "并展开讨论";
const LATER: &str = "恢复后补记。";

/// Type a filter and press Enter; `n` is how many are present afterwards.
fn check_in(tui: &mut Tui, typed: &str, n: usize) {
    tui.send(typed);
    tui.send(ENTER);
    tui.wait_for(&format!("实到 {n}（"));
}

/// From check-in to the first study stage, add a topic and open its notes editor.
fn open_study_notes(tui: &mut Tui) {
    tui.send(&format!("{PGDN}{PGDN}{PGDN}"));
    tui.wait_for("▶ 学习党章");
    tui.send("a");
    tui.wait_for("学习材料");
    tui.send(TOPIC);
    tui.wait_for(TOPIC);
    tui.send(CTRL_S);
    tui.wait_for(&format!("1. {TOPIC}"));
    tui.send(ENTER);
    tui.wait_for("Esc 完成（自动保存）");
}

/// Four members checked in: three present (initials, name, initials), one late.
fn check_in_four(tui: &mut Tui) {
    check_in(tui, "wjg", 1);
    check_in(tui, "李秀英", 2);
    check_in(tui, "zzq", 3);
    tui.send("cgh");
    tui.send("2");
    tui.wait_for("实到 4（");
}

fn assert_four_marked(m: &branchday::domain::Meeting) {
    for name in ["王建国", "李秀英", "张志强"] {
        assert_eq!(
            status_of(m, name),
            Some(AttendanceStatus::Present),
            "{name}"
        );
    }
    assert_eq!(status_of(m, "陈国华"), Some(AttendanceStatus::Late));
    assert_eq!(status_of(m, "刘桂兰"), None);
}

#[test]
fn a_killed_meeting_resumes_with_every_check_in_and_the_notes_up_to_the_last_second() {
    let dir = data_dir();
    let mut a = Tui::spawn(dir.path());
    start_meeting(&mut a);
    check_in_four(&mut a);
    open_study_notes(&mut a);

    a.send(NOTES);
    a.wait_for(NOTES);
    // Typing is journaled within a second of the last keystroke.
    wait_journal(dir.path(), "the notes", |m| {
        m.study.first().is_some_and(|t| t.notes == NOTES)
    });
    // A few more characters, on screen (so the program has them), then the power goes.
    a.send(MORE);
    a.wait_for(&format!("{NOTES}{MORE}"));
    a.signal(Signal::KILL);
    let status = a.wait_exit();
    assert_eq!(ended_by_signal(status), Some(Signal::KILL), "{status:?}");

    // On disk: every check-in, and the notes up to at most the last second of typing.
    let m = replay(dir.path());
    assert_four_marked(&m);
    let saved = m.study[0].notes.clone();
    assert!(
        saved.starts_with(NOTES) && format!("{NOTES}{MORE}").starts_with(&saved),
        "notes after the crash: {saved:?}"
    );

    // Restart on the same data directory and resume the draft from home.
    let mut b = Tui::spawn(dir.path());
    let home = b.wait_for("继续：");
    assert!(home.contains("开始新会议"), "{home}");
    b.send(DOWN);
    b.send(ENTER);
    b.wait_for("▶ 学习党章");
    b.wait_for(&format!("1. {TOPIC}"));
    b.wait_for(NOTES);
    b.send(F2);
    b.wait_for("实到 4（正式 4 预备 0）");
    for name in ["王建国", "李秀英", "张志强"] {
        b.wait_row(name, "出席");
    }
    b.wait_row("陈国华", "迟到");
    b.wait_row("刘桂兰", "未签到");

    // The resumed meeting goes on in the same journal.
    b.send(F3);
    b.wait_for("a 添加专题");
    b.send(ENTER);
    b.wait_for("Esc 完成（自动保存）");
    b.send(LATER);
    b.wait_for(LATER);
    b.send(ESC);
    b.wait_for("a 添加专题");
    b.send(CTRL_Q);
    b.wait_for("继续：");
    b.send("q");
    assert_eq!(b.wait_exit().code(), Some(0));

    let m = replay(dir.path());
    assert_four_marked(&m);
    assert_eq!(m.study[0].notes, format!("{saved}{LATER}"));
}

#[test]
fn a_second_instance_is_refused_a_draft_that_is_open() {
    let dir = data_dir();
    let mut a = Tui::spawn(dir.path());
    start_meeting(&mut a);
    check_in(&mut a, "wjg", 1);

    let mut b = Tui::spawn(dir.path());
    b.wait_for("继续：");
    b.send(DOWN);
    b.send(ENTER);
    let screen = b.wait_for("另一个 branchday");
    assert!(
        screen.contains("首页") && !screen.contains("输入姓名或拼音首字母查找"),
        "the second instance must stay on home:\n{screen}"
    );

    // The first instance is not disturbed.
    check_in(&mut a, "lxy", 2);

    // Once the first leaves the meeting, the second can open it and sees its check-ins.
    a.send(CTRL_Q);
    a.wait_for("继续：");
    b.send(ENTER);
    b.wait_for("输入姓名或拼音首字母查找");
    b.wait_row("王建国", "出席");
    b.wait_row("李秀英", "出席");
    b.send(CTRL_Q);
    b.wait_for("继续：");
    b.send("q");
    a.send("q");
    assert_eq!(b.wait_exit().code(), Some(0));
    assert_eq!(a.wait_exit().code(), Some(0));
    let m = replay(dir.path());
    assert_eq!(status_of(&m, "王建国"), Some(AttendanceStatus::Present));
    assert_eq!(status_of(&m, "李秀英"), Some(AttendanceStatus::Present));
}

/// Start a meeting, check one in, type notes, then send `sig` while the notes are still unsaved
/// typing: the program must save them, restore the terminal and exit normally.
fn ended_by(sig: Signal) {
    let dir = data_dir();
    let mut t = Tui::spawn(dir.path());
    start_meeting(&mut t);
    check_in(&mut t, "wjg", 1);
    open_study_notes(&mut t);
    t.send(NOTES);
    t.wait_for(NOTES);
    assert!(t.alternate_screen() && t.bracketed_paste());

    let before = t.raw.len();
    t.signal(sig);
    let status = t.wait_exit();
    assert_eq!(status.code(), Some(0), "{sig:?}: {status:?}");

    // The terminal is restored: bracketed paste off, alternate screen left, and nothing drawn after.
    let tail = &t.raw[before..];
    assert!(
        holds(tail, b"\x1b[?2004l"),
        "{sig:?}: bracketed paste left on"
    );
    let left = last_at(tail, b"\x1b[?1049l").expect("alternate screen left");
    assert!(last_at(tail, b"\x1b[?2004l") < Some(left));
    let after = &tail[left + b"\x1b[?1049l".len()..];
    assert!(
        after.is_empty() || after == b"\x1b[?25h",
        "{sig:?}: output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(after)
    );
    assert!(!t.alternate_screen() && !t.bracketed_paste());

    // The journal is complete: the check-in and every character typed.
    let m = replay(dir.path());
    assert_eq!(status_of(&m, "王建国"), Some(AttendanceStatus::Present));
    assert_eq!(m.study[0].notes, NOTES);
    // The lock is released.
    let lock = journal_path(dir.path()).with_extension("lock");
    assert!(!lock.exists(), "{sig:?}: lock left at {}", lock.display());
}

#[test]
fn sigterm_saves_restores_the_terminal_and_exits() {
    ended_by(Signal::TERM);
}

#[test]
fn sighup_saves_restores_the_terminal_and_exits() {
    ended_by(Signal::HUP);
}

#[test]
fn sigint_from_another_process_saves_restores_the_terminal_and_exits() {
    ended_by(Signal::INT);
}
