//! Disk faults during a meeting: a full disk and a read-only one, real where this machine lets a test
//! make them (a 64 KiB tmpfs, a read-only bind mount, the immutable attribute) and injected where it
//! does not (the journal's writes sent to `/dev/full`, which fails every write with ENOSPC).
//!
//! In every case: the meeting stays in memory, the status bar says what is unsaved, saving is retried
//! and succeeds in order once the fault is gone, an emergency copy replays to the same meeting when it
//! is not, and the journal's bytes from before the fault are never cut or changed.
//!
//! A branch that needs privileges this machine does not give prints why it was skipped.

#![cfg(unix)]

mod pty_support;

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use chrono::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use branchday::corpus::MeetingBuilder;
use branchday::domain::text::Splice;
use branchday::domain::{
    AttendanceMark, AttendanceStatus, Event, Meeting, MeetingKind, MeetingSetup, TextField,
    Timestamp,
};
use branchday::i18n::{Lang, Tr};
use branchday::session::{Session, SessionError};
use branchday::store::{DataDir, StoreError};
use branchday::tui::app::{App, Screen};
use branchday::tui::meeting::MeetingScreen;

fn at(min: u32) -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 26, 14, min, 0)
        .single()
        .expect("time")
}

fn setup() -> MeetingSetup {
    MeetingBuilder::new(MeetingKind::ThemedDay, branchday::demo::roster())
        .id(uuid::Uuid::now_v7())
        .title("2026年11月主题党日")
        .theme("学习贯彻党的二十届四中全会精神")
        .place("社区党群服务中心")
        .chair_member(0)
        .recorder_member(2)
        .build()
}

fn present(session: &Session, i: usize) -> Event {
    Event::Marked {
        at: at(1),
        member_id: session.meeting.members()[i].id.clone(),
        mark: Some(AttendanceMark {
            status: AttendanceStatus::Present,
            reason: None,
            reason_text: String::new(),
            approver: String::new(),
            left: None,
        }),
    }
}

/// A summary edit of `len` characters: bigger than any slack left in the journal's last page.
fn long_summary(session: &Session, len: usize) -> Event {
    Event::TextEdited {
        target: TextField::Summary,
        splice: Splice {
            start: session.meeting.summary.chars().count(),
            delete: 0,
            insert: "会".repeat(len),
        },
    }
}

fn new_session(data: &DataDir) -> Session {
    let mut s = Session::create(data, setup(), at(0)).expect("session");
    s.record(Event::StageStarted {
        at: at(0),
        index: 0,
    })
    .expect("stage");
    s
}

/// The meeting a restart would rebuild from the bytes at `path`, which must read without warnings.
fn replay(path: &Path) -> Meeting {
    let bytes = std::fs::read(path).expect("journal");
    let (events, warnings) = branchday::journal::parse(&bytes);
    assert!(warnings.is_empty(), "{}: {warnings:?}", path.display());
    let (m, skipped) = Meeting::replay(&events).expect("replay");
    assert!(skipped.is_empty(), "{skipped:?}");
    m
}

fn dev_full() -> File {
    OpenOptions::new()
        .append(true)
        .open("/dev/full")
        .expect("/dev/full")
}

fn os_error(e: &StoreError) -> Option<i32> {
    match e {
        StoreError::Io { source, .. } => source.raw_os_error(),
        _ => None,
    }
}

/// The bottom line of the meeting screen (save status and counts) at 100x30.
fn status_line(screen: &MeetingScreen) -> String {
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    t.draw(|f| screen.draw(f, at(7))).expect("draw");
    let buf = t.backend().buffer();
    let y = buf.area.height - 1;
    let mut s = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let sym = buf[(x, y)].symbol();
        s.push_str(sym);
        x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap_or(1);
    }
    s
}

fn assert_prefix(before: &[u8], path: &Path) {
    let after = std::fs::read(path).expect("journal");
    assert!(
        after.starts_with(before),
        "the journal lost or changed bytes written before the fault"
    );
}

/// A privileged command; `Err` says why it could not be run.
fn run(cmd: &str, args: &[&str]) -> Result<(), String> {
    match Command::new(cmd).args(args).output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(format!(
            "`{cmd} {}` failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )),
        Err(e) => Err(format!("`{cmd}` cannot run: {e}")),
    }
}

/// A mount made by a test, undone when dropped (lazily if a file in it is still open).
struct Mount(PathBuf);

impl Drop for Mount {
    fn drop(&mut self) {
        let p = self.0.to_string_lossy().into_owned();
        if run("umount", &[&p]).is_err() {
            let _ = run("umount", &["-l", &p]);
        }
    }
}

/// The immutable attribute on some paths, removed when dropped.
struct Immutable(Vec<PathBuf>);

impl Immutable {
    fn set(paths: &[&Path]) -> Result<Immutable, String> {
        let mut done = Immutable(Vec::new());
        for p in paths {
            run("chattr", &["+i", &p.to_string_lossy()])?;
            done.0.push(p.to_path_buf());
        }
        Ok(done)
    }
}

impl Drop for Immutable {
    fn drop(&mut self) {
        for p in &self.0 {
            let _ = run("chattr", &["-i", &p.to_string_lossy()]);
        }
    }
}

/// Fill the file system holding `dir` to the last byte; returns the filler file.
fn fill(dir: &Path) -> PathBuf {
    let path = dir.join("filler");
    let mut f = File::create(&path).expect("filler");
    let block = vec![0u8; 4096];
    while f.write_all(&block).is_ok() {}
    while f.write_all(&[0]).is_ok() {}
    let _ = f.sync_all();
    path
}

fn skipped(test: &str, why: &str) {
    eprintln!("{test}: SKIPPED this branch ({why}); the injected-fault tests cover the same code");
}

#[test]
fn injected_disk_full_keeps_the_meeting_in_memory_and_saves_in_order_once_the_disk_recovers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let mut session = new_session(&data);
    session.record(present(&session, 0)).expect("mark");
    let journal = session.journal_path().to_path_buf();
    let before = std::fs::read(&journal).expect("journal");

    let real = session.journal_mut().swap_file(dev_full());
    for i in 1..4 {
        let e = present(&session, i);
        session.record(e).expect("the event fits the meeting");
    }
    // In memory: all four marks. On disk: nothing new, nothing cut.
    assert_eq!(session.meeting.counts().present_total, 4);
    assert_eq!(session.pending(), 3);
    let fault = session.fault.as_ref().expect("the fault is reported");
    assert_eq!(os_error(fault), Some(28), "ENOSPC");
    assert!(fault.is_disk_fault());
    assert_eq!(std::fs::read(&journal).expect("journal"), before);

    let mut screen = MeetingScreen::new(session, Tr(Lang::Zh));
    let status = status_line(&screen);
    assert!(
        status.contains("⚠ 未保存 3 条（磁盘已满），正在重试"),
        "{status}"
    );
    screen.model.tr = Tr(Lang::En);
    let status = status_line(&screen);
    assert!(
        status.contains("⚠ 3 unsaved (disk full), retrying"),
        "{status}"
    );
    // The loop's periodic retry keeps failing while the disk is full.
    screen.tick(Instant::now(), at(7), &data);
    assert_eq!(screen.session.pending(), 3);

    // The disk recovers: the next retry writes the three events, in order, after the first ones.
    screen.session.journal_mut().swap_file(real);
    screen.tick(Instant::now(), at(7), &data);
    assert_eq!(screen.session.pending(), 0);
    assert!(screen.session.fault.is_none());
    assert!(status_line(&screen).contains("Saved"));
    assert_prefix(&before, &journal);
    assert_eq!(replay(&journal), screen.session.meeting);
}

#[test]
fn a_lasting_fault_ends_in_one_emergency_copy_that_replays_to_the_meeting() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let mut session = new_session(&data);
    let journal = session.journal_path().to_path_buf();
    let before = std::fs::read(&journal).expect("journal");
    assert!(session.emergency_copy().is_none(), "nothing unsaved");

    let _real = session.journal_mut().swap_file(dev_full());
    let e = present(&session, 0);
    session.record(e).expect("mark");
    let copy = session.emergency_copy().expect("an emergency copy");
    // The draft folder still takes files: the copy goes there, beside the journal.
    assert_eq!(copy.parent(), journal.parent());
    assert_eq!(replay(&copy), session.meeting);
    // More happens; the next copy replaces the first in place.
    let e = present(&session, 1);
    session.record(e).expect("mark");
    assert_eq!(session.emergency_copy().as_ref(), Some(&copy));
    assert_eq!(replay(&copy), session.meeting);
    assert_eq!(session.meeting.counts().present_total, 2);
    assert_eq!(std::fs::read(&journal).expect("journal"), before);
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    app.key(KeyEvent::new(code, mods), Instant::now(), at(3));
}

#[test]
fn leaving_with_unsaved_changes_says_where_the_copy_is_and_a_second_ctrl_q_quits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    data.save_roster(&branchday::demo::roster())
        .expect("roster");
    let mut app = App::new(data, false, Tr(Lang::Zh));
    key(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    let Screen::Meeting(m) = &mut app.screen else {
        panic!("the meeting opens")
    };
    let _real = m.session.journal_mut().swap_file(dev_full());
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    let Screen::Meeting(m) = &app.screen else {
        panic!("the meeting stays open while changes are unsaved")
    };
    assert!(!app.quit);
    let flash = m.model.flash.clone().expect("a message");
    assert!(flash.contains("完整副本已保存到"), "{flash}");
    assert!(flash.contains("再按 Ctrl+Q 退出程序"), "{flash}");
    assert_eq!(app.farewell.len(), 1);
    let meeting = m.session.meeting.clone();
    assert_eq!(meeting.counts().present_total, 1);

    key(&mut app, KeyCode::Char('q'), KeyModifiers::CONTROL);
    assert!(app.quit, "a second Ctrl+Q quits");
    app.shutdown();
    // One copy, named once, holding everything.
    assert_eq!(app.farewell.len(), 1, "{:?}", app.farewell);
    let line = &app.farewell[0];
    let path = line
        .rsplit("保存到 ")
        .next()
        .map(PathBuf::from)
        .expect("a path");
    assert!(path.exists(), "{line}");
    assert_eq!(replay(&path), meeting);
}

#[test]
fn a_full_tmpfs_refuses_the_append_and_the_torn_write_is_cut_back() {
    let test = "a_full_tmpfs_refuses_the_append_and_the_torn_write_is_cut_back";
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).expect("mount point");
    let mount = match run(
        "mount",
        &[
            "-t",
            "tmpfs",
            "-o",
            "size=64k",
            "tmpfs",
            &mnt.to_string_lossy(),
        ],
    ) {
        Ok(()) => Mount(mnt.clone()),
        Err(why) => return skipped(test, &why),
    };
    let data = DataDir::at(mnt.join("data"));
    data.save_roster(&branchday::demo::roster())
        .expect("roster");
    let mut session = new_session(&data);
    let journal = session.journal_path().to_path_buf();
    let filler = fill(&mnt);
    let before = std::fs::read(&journal).expect("journal");
    assert!(
        !before.len().is_multiple_of(4096),
        "the journal's last page has room, so the next line is written in part before ENOSPC"
    );

    // Bigger than the slack in the journal's last page: part of it is written, then ENOSPC.
    let e = long_summary(&session, 3000);
    session.record(e).expect("the edit fits the meeting");
    assert_eq!(session.pending(), 1);
    assert_eq!(session.fault.as_ref().and_then(os_error), Some(28));
    assert_eq!(session.meeting.summary.chars().count(), 3000);
    // The torn line was cut back: the file is exactly what it was.
    assert_eq!(std::fs::read(&journal).expect("journal"), before);

    let screen = MeetingScreen::new(session, Tr(Lang::Zh));
    let status = status_line(&screen);
    assert!(status.contains("⚠ 未保存 1 条（磁盘已满）"), "{status}");
    let mut session = screen.session;

    // Space comes back: the retry writes it.
    std::fs::remove_file(&filler).expect("free space");
    assert!(session.flush());
    assert!(session.fault.is_none());
    assert_prefix(&before, &journal);
    assert_eq!(replay(&journal), session.meeting);

    // Full again, and it stays full: the copy cannot go beside the journal, so it goes to the
    // temporary folder.
    let before = std::fs::read(&journal).expect("journal");
    let _filler = fill(&mnt);
    let e = long_summary(&session, 3000);
    session.record(e).expect("edit");
    assert!(session.pending() > 0);
    let copy = session.emergency_copy().expect("an emergency copy");
    assert!(!copy.starts_with(&mnt), "{}", copy.display());
    assert_eq!(replay(&copy), session.meeting);
    std::fs::remove_file(&copy).expect("remove the copy");
    assert_prefix(&before, &journal);
    drop(session);
    drop(mount);
}

#[test]
fn a_journal_made_read_only_mid_meeting_keeps_the_meeting_and_saves_when_writable_again() {
    let test =
        "a_journal_made_read_only_mid_meeting_keeps_the_meeting_and_saves_when_writable_again";
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let mut session = new_session(&data);
    let journal = session.journal_path().to_path_buf();
    let drafts = data.drafts_dir();
    let before = std::fs::read(&journal).expect("journal");
    let lock = match Immutable::set(&[&journal, &drafts]) {
        Ok(l) => l,
        Err(why) => return skipped(test, &why),
    };
    let e = present(&session, 0);
    session.record(e).expect("mark");
    assert_eq!(session.pending(), 1);
    let fault = session.fault.as_ref().expect("fault");
    assert_eq!(os_error(fault), Some(1), "EPERM");
    assert!(fault.is_disk_fault());
    assert_eq!(session.meeting.counts().present_total, 1);
    let screen = MeetingScreen::new(session, Tr(Lang::Zh));
    let status = status_line(&screen);
    assert!(status.contains("⚠ 未保存 1 条（没有写入权限）"), "{status}");
    let mut session = screen.session;
    // The draft folder takes nothing either: the copy goes to the temporary folder.
    let copy = session.emergency_copy().expect("an emergency copy");
    assert!(!copy.starts_with(dir.path()));
    assert_eq!(replay(&copy), session.meeting);
    std::fs::remove_file(&copy).expect("remove the copy");
    assert!(!session.flush());

    drop(lock);
    assert!(session.flush());
    assert_prefix(&before, &journal);
    assert_eq!(replay(&journal), session.meeting);
}

/// Make `dir` read-only by the first means that works here; returns what ran and its guard.
fn read_only(dir: &Path) -> Result<(&'static str, Box<dyn std::any::Any>), String> {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join(".probe");
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    if File::create(&probe).is_err() {
        struct Mode(PathBuf);
        impl Drop for Mode {
            fn drop(&mut self) {
                let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o700));
            }
        }
        return Ok(("mode 0500", Box::new(Mode(dir.to_path_buf()))));
    }
    // Permission bits do not bind this user (root): try a read-only bind mount, then the immutable
    // attribute.
    let _ = std::fs::remove_file(&probe);
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let d = dir.to_string_lossy().into_owned();
    let mut why = Vec::new();
    match run("mount", &["--bind", &d, &d]) {
        Ok(()) => {
            let m = Mount(dir.to_path_buf());
            match run("mount", &["-o", "remount,bind,ro", &d]) {
                Ok(()) => return Ok(("read-only bind mount", Box::new(m))),
                Err(e) => why.push(e),
            }
        }
        Err(e) => why.push(e),
    }
    match Immutable::set(&[dir]) {
        Ok(i) => Ok(("immutable attribute", Box::new(i))),
        Err(e) => {
            why.push(e);
            Err(why.join("; "))
        }
    }
}

#[test]
fn a_read_only_data_directory_refuses_a_new_meeting_with_a_clear_message() {
    let test = "a_read_only_data_directory_refuses_a_new_meeting_with_a_clear_message";
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("data");
    let data = DataDir::at(&root);
    data.save_roster(&branchday::demo::roster())
        .expect("roster");
    let drafts = data.drafts_dir();
    let (how, guard) = match read_only(&drafts) {
        Ok(r) => r,
        Err(why) => return skipped(test, &why),
    };
    eprintln!("{test}: the draft folder is read-only by {how}");
    match Session::create(&data, setup(), at(0)) {
        Err(SessionError::Store(e)) => {
            assert!(e.is_disk_fault(), "{e:?}");
            assert!(e.to_string().contains(&*drafts.to_string_lossy()), "{e}");
        }
        other => panic!("expected a store error, got {other:?}"),
    }
    // Through the app: the setup screen stays, with the error naming the folder.
    let mut app = App::new(data.clone(), false, Tr(Lang::Zh));
    key(&mut app, KeyCode::Char('n'), KeyModifiers::NONE);
    key(&mut app, KeyCode::Char('s'), KeyModifiers::CONTROL);
    assert!(matches!(app.screen, Screen::Setup(_)));
    let flash = app.flash.clone().expect("an error message");
    assert!(flash.contains(&*drafts.to_string_lossy()), "{flash}");
    assert!(
        ["只读", "没有权限"].iter().any(|w| flash.contains(w)),
        "{flash}"
    );
    drop(guard);
    assert_eq!(
        std::fs::read_dir(&drafts).expect("drafts").count(),
        0,
        "nothing was left in the draft folder"
    );
}

#[test]
fn the_program_on_a_full_disk_says_so_and_sigterm_leaves_an_emergency_copy() {
    use pty_support::{ENTER, ESC, F2, F5, Signal, Tui, create_meeting, newest_journal};
    let test = "the_program_on_a_full_disk_says_so_and_sigterm_leaves_an_emergency_copy";
    let dir = tempfile::tempdir().expect("tempdir");
    let mnt = dir.path().join("mnt");
    std::fs::create_dir(&mnt).expect("mount point");
    let mount = match run(
        "mount",
        &[
            "-t",
            "tmpfs",
            "-o",
            "size=64k",
            "tmpfs",
            &mnt.to_string_lossy(),
        ],
    ) {
        Ok(()) => Mount(mnt.clone()),
        Err(why) => return skipped(test, &why),
    };
    let root = mnt.join("data");
    DataDir::at(&root)
        .save_roster(&branchday::demo::roster())
        .expect("roster");
    let mut tui = Tui::spawn(&root);
    create_meeting(&mut tui);
    let journal = newest_journal(&root).expect("journal");
    let _filler = fill(&mnt);
    let before = std::fs::read(&journal).expect("journal");

    // A pasted summary (one event, larger than any slack) and a check-in: both refused by the disk.
    let summary = "会议按议程完成。".repeat(400);
    tui.send(F5);
    tui.send("s");
    tui.wait_for("Esc 完成");
    tui.send(&format!("\x1b[200~{summary}\x1b[201~"));
    tui.send(ESC);
    tui.wait_for("⚠ 未保存 1 条（磁盘已满）");
    tui.send(F2);
    tui.send(ENTER);
    tui.wait_for("⚠ 未保存 2 条（磁盘已满）");
    // Beside a save fault the counts may lose their split; the quorum stays whole.
    tui.wait_until("the mark counted", |s| {
        s.contains("实到 1（") || s.contains("实到 1 │")
    });
    tui.wait_for("表决权 1/23");

    // SIGTERM: the terminal is restored and the program says where the complete copy went.
    tui.signal(Signal::TERM);
    tui.wait_exit();
    let out = String::from_utf8_lossy(&tui.raw).into_owned();
    let restored = out
        .rfind("\x1b[?1049l")
        .expect("the alternate screen is left");
    let said = out
        .find("完整的应急副本已保存到 ")
        .expect("the emergency copy is announced");
    assert!(
        said > restored,
        "the message comes after the terminal is restored"
    );
    let path: String = out[said..]
        .trim_start_matches("完整的应急副本已保存到 ")
        .chars()
        .take_while(|c| !c.is_control())
        .collect();
    let path = PathBuf::from(path);
    let copy = replay(&path);
    std::fs::remove_file(&path).expect("remove the copy");
    assert!(!path.starts_with(&mnt), "the full disk took no copy");
    assert_eq!(copy.summary, summary);
    assert_eq!(copy.counts().present_total, 1);
    // The draft on the full disk is as it was before the fault: nothing cut, nothing torn.
    assert_eq!(std::fs::read(&journal).expect("journal"), before);
    drop(mount);
}
