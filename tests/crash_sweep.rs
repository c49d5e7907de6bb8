//! Crash sweep: a whole themed-day meeting typed into the real binary (100x30, Chinese, demo roster),
//! killed with SIGKILL at more than 50 points spread over it — after check-ins, inside and after
//! dialogs, while notes are typed, around the vote and the action item, and at every stage of
//! finalize — and restarted each time. Every restart must resume the draft from the home screen with
//! every event that was on disk before the kill, and the journal must read with at most a torn tail.
//! An interrupted finalize must leave either no minutes file or one complete, valid file; finalizing
//! again after resuming must succeed or adopt that file.
//!
//! One data directory serves the whole sweep; every wait is on a condition with a deadline.

#![cfg(unix)]

mod pty_support;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use branchday::domain::{AttendanceStatus, Event, Meeting};
use branchday::journal::JournalWarning;
use pty_support::{
    CTRL_G, CTRL_S, DOWN, ENTER, ESC, F2, F3, F4, F5, PGDN, RIGHT, TAB, Tui, create_meeting,
    data_dir, event_count, minutes_files, newest_journal, read_events, replayed,
};

/// What to wait for after a key, before the next one (keys are processed in order, so most keys
/// need no wait; a lone Esc does, or the next bytes would read as Alt+key).
#[derive(Clone)]
enum Wait {
    Nothing,
    Screen(&'static str),
    /// One more event in the journal than before the key.
    Event,
}

#[derive(Clone)]
struct Key {
    bytes: String,
    wait: Wait,
}

fn k(bytes: &str) -> Key {
    Key {
        bytes: bytes.to_owned(),
        wait: Wait::Nothing,
    }
}

fn shows(bytes: &str, text: &'static str) -> Key {
    Key {
        bytes: bytes.to_owned(),
        wait: Wait::Screen(text),
    }
}

fn records(bytes: &str) -> Key {
    Key {
        bytes: bytes.to_owned(),
        wait: Wait::Event,
    }
}

/// Text typed a few characters per key, so kills land inside it.
fn typed(text: &str) -> Vec<Key> {
    let chars: Vec<char> = text.chars().collect();
    chars
        .chunks(4)
        .map(|c| k(&c.iter().collect::<String>()))
        .collect()
}

type Keys = Box<dyn Fn(&Meeting) -> Vec<Key>>;
type Done = Box<dyn Fn(&Meeting) -> bool>;

/// One step of the meeting: its keys (from a clean meeting screen, given the meeting as replayed) and
/// whether the journal already holds its effect.
struct Step {
    name: String,
    keys: Keys,
    done: Done,
}

fn status_of(m: &Meeting, name: &str) -> Option<AttendanceStatus> {
    let i = m.members().iter().position(|x| x.name == name)?;
    m.mark_of(i).map(|mark| mark.status)
}

const PRESENT: [(&str, &str); 13] = [
    ("wjg", "王建国"),
    ("李秀英", "李秀英"),
    ("lgl", "刘桂兰"),
    ("cgh", "陈国华"),
    ("ycm", "杨春梅"),
    ("zds", "赵德胜"),
    ("黄丽娟", "黄丽娟"),
    ("zyp", "周永平"),
    ("wsz", "吴淑珍"),
    ("xht", "徐海涛"),
    ("孙玉兰", "孙玉兰"),
    ("mwb", "马文斌"),
    ("zhx", "朱红霞"),
];
const NOTES: &str = "全体党员逐章学习了党章总纲，大家表示要把党章作为根本行为规范。";
const ITEM_NOTES: &str = "讨论了修缮方案和经费来源。";
const DECISION: &str = "同意修缮，经费由社区统筹。";
const SUMMARY: &str = "会议按议程完成，形成决定一项。";

fn mark_step(typed_name: &'static str, name: &'static str, status: AttendanceStatus) -> Step {
    let key = match status {
        AttendanceStatus::Late => "2",
        _ => ENTER,
    };
    Step {
        name: format!("check in {name}"),
        keys: Box::new(move |_| vec![k(F2), k(typed_name), records(key)]),
        done: Box::new(move |m| status_of(m, name) == Some(status)),
    }
}

fn stage_step(target: usize) -> Step {
    Step {
        name: format!("advance to stage {target}"),
        keys: Box::new(move |m| {
            let from = m.current_stage.map_or(0, |s| s + 1);
            (from..=target).map(|_| records(PGDN)).collect()
        }),
        done: Box::new(move |m| m.current_stage.is_some_and(|s| s >= target)),
    }
}

/// Keys that open an editor, type `text` and leave it (journaling the text).
fn editor_keys(view: &str, open: &str, text: &str) -> Vec<Key> {
    let mut keys = vec![k(view), shows(open, "Esc 完成")];
    keys.extend(typed(text));
    keys.push(records(ESC));
    keys
}

fn steps() -> Vec<Step> {
    let mut s: Vec<Step> = PRESENT
        .iter()
        .map(|(t, n)| mark_step(t, n, AttendanceStatus::Present))
        .collect();
    s.push(mark_step("sjy", "宋佳怡", AttendanceStatus::Late));
    s.push(Step {
        name: "excuse 张志强".into(),
        keys: Box::new(|_| {
            vec![
                k(F2),
                k("zzq"),
                shows("3", "请假 · 张志强"),
                k(RIGHT),
                k(TAB),
                k("在外地出差"),
                k(TAB),
                k("王建国"),
                records(ENTER),
            ]
        }),
        done: Box::new(|m| status_of(m, "张志强") == Some(AttendanceStatus::Excused)),
    });
    s.push(Step {
        name: "absent 胡振东".into(),
        keys: Box::new(|_| {
            vec![
                k(F2),
                k("hzd"),
                shows("4", "缺席 · 胡振东"),
                k("电话联系不上"),
                records(ENTER),
            ]
        }),
        done: Box::new(|m| status_of(m, "胡振东") == Some(AttendanceStatus::Absent)),
    });
    s.push(Step {
        name: "guest".into(),
        keys: Box::new(|_| {
            vec![
                k(F2),
                shows(CTRL_G, "列席人员"),
                k("赵书记"),
                k(TAB),
                k("镇党委组织委员"),
                records(ENTER),
            ]
        }),
        done: Box::new(|m| m.guests.iter().any(|g| g.name == "赵书记")),
    });
    s.push(stage_step(3));
    s.push(Step {
        name: "study topic".into(),
        keys: Box::new(|_| {
            vec![
                k(F3),
                shows("a", "学习材料"),
                k("学习新修订的党章"),
                records(CTRL_S),
            ]
        }),
        done: Box::new(|m| !m.study.is_empty()),
    });
    s.push(Step {
        name: "study notes".into(),
        keys: Box::new(|_| editor_keys(F3, ENTER, NOTES)),
        done: Box::new(|m| m.study.first().is_some_and(|t| t.notes.contains(NOTES))),
    });
    s.push(stage_step(6));
    s.push(Step {
        name: "item".into(),
        keys: Box::new(|_| {
            vec![
                k(F4),
                shows("a", "四议两公开"),
                k("修缮社区党群活动室"),
                records(CTRL_S),
            ]
        }),
        done: Box::new(|m| !m.items.is_empty()),
    });
    s.push(Step {
        name: "item notes".into(),
        keys: Box::new(|_| editor_keys(F4, ENTER, ITEM_NOTES)),
        done: Box::new(|m| {
            m.items
                .first()
                .is_some_and(|i| i.notes.contains(ITEM_NOTES))
        }),
    });
    s.push(Step {
        name: "decision".into(),
        keys: Box::new(|_| editor_keys(F4, "d", DECISION)),
        done: Box::new(|m| {
            m.items
                .first()
                .is_some_and(|i| i.decision.contains(DECISION))
        }),
    });
    s.push(Step {
        name: "vote".into(),
        keys: Box::new(|_| {
            vec![
                k(F4),
                shows("v", "表决方式"),
                k(TAB),
                k("10"),
                k(TAB),
                k("1"),
                shows(CTRL_S, "确认结束表决"),
                records(ENTER),
            ]
        }),
        done: Box::new(|m| m.items.first().is_some_and(|i| i.vote.is_some())),
    });
    s.push(stage_step(8));
    s.push(Step {
        name: "action item".into(),
        keys: Box::new(|_| {
            vec![
                k(F5),
                shows("a", "负责人"),
                k("制定活动室修缮预算"),
                k(TAB),
                k("wjg"),
                k(TAB),
                k("2026-12-31"),
                records(CTRL_S),
            ]
        }),
        done: Box::new(|m| !m.actions.is_empty()),
    });
    s.push(Step {
        name: "summary".into(),
        keys: Box::new(|_| editor_keys(F5, "s", SUMMARY)),
        done: Box::new(|m| m.summary.contains(SUMMARY)),
    });
    s
}

/// The sweep's running state: the program, the draft and what the kills found.
struct Sweep {
    data: PathBuf,
    tui: Option<Tui>,
    journal: PathBuf,
    /// The meeting's id.
    id: uuid::Uuid,
    kills: usize,
    torn_tails: usize,
}

impl Sweep {
    fn tui(&mut self) -> &mut Tui {
        self.tui.as_mut().expect("the program is running")
    }

    fn press(&mut self, key: &Key) {
        let before = event_count(&self.journal);
        let journal = self.journal.clone();
        let tui = self.tui();
        tui.send(&key.bytes);
        match key.wait {
            Wait::Nothing => {}
            Wait::Screen(text) => {
                tui.wait_for(text);
            }
            Wait::Event => {
                tui.wait_until("the key's event in the journal", |_| {
                    event_count(&journal) > before
                });
            }
        }
    }

    /// SIGKILL the program, check what it left, restart it and resume the draft from home.
    fn crash_and_resume(&mut self) -> Meeting {
        let before = std::fs::read(&self.journal).expect("journal");
        self.tui.take().expect("running").kill();
        self.kills += 1;
        let (durable, _) = branchday::journal::parse(&before);
        let (after_kill, warnings) = read_events(&self.journal);
        assert!(
            after_kill.starts_with(&durable),
            "events on disk before the kill are gone after it"
        );
        assert!(
            warnings.len() <= 1
                && warnings
                    .iter()
                    .all(|w| matches!(w, JournalWarning::TornTail { .. })),
            "the journal reads with more than a torn tail: {warnings:?}"
        );
        self.torn_tails += warnings.len();
        let mut tui = Tui::spawn(&self.data);
        tui.wait_for("继续：");
        tui.send(DOWN);
        tui.send(ENTER);
        tui.wait_for("应到 ");
        if tui.screen().contains("草稿已恢复") {
            tui.send(ESC);
            tui.wait_gone("草稿已恢复");
        }
        self.tui = Some(tui);
        // Resuming cuts a torn tail or completes a last line; the events are those on disk.
        let (resumed, warnings) = read_events(&self.journal);
        assert!(warnings.is_empty(), "resume left {warnings:?}");
        assert_eq!(resumed, after_kill, "resume changed the recorded events");
        assert!(resumed.starts_with(&durable));
        let meeting = replayed(&self.journal);
        let present = meeting.counts().present_total;
        self.tui().wait_for(&format!("实到 {present}（"));
        meeting
    }
}

/// Whether the kill point `(step, key)` is one of the sweep's (every other key, varied by step).
fn is_kill_point(step: usize, key: usize) -> bool {
    (step + key) % 2 == 1
}

fn run_steps(sweep: &mut Sweep) {
    let steps = steps();
    let mut fired: HashSet<(usize, usize)> = HashSet::new();
    let mut meeting = replayed(&sweep.journal);
    let mut i = 0;
    'steps: while i < steps.len() {
        let step = &steps[i];
        if (step.done)(&meeting) {
            i += 1;
            continue;
        }
        let keys = (step.keys)(&meeting);
        for (j, key) in keys.iter().enumerate() {
            sweep.press(key);
            if is_kill_point(i, j) && fired.insert((i, j)) {
                meeting = sweep.crash_and_resume();
                // Start the step again from a clean screen (or skip it if its event is in).
                continue 'steps;
            }
        }
        meeting = replayed(&sweep.journal);
        assert!((step.done)(&meeting), "step {:?} did not take", step.name);
        i += 1;
    }
}

/// What the minutes folder holds now for the meeting `id`: no visible file, or one complete valid
/// file. Every visible file there must be complete and valid, one per meeting; hidden temporary
/// files (a write cut short before its link) are never minutes.
fn check_minutes(data: &Path, id: uuid::Uuid) -> Option<PathBuf> {
    let (visible, _hidden) = minutes_files(data);
    let mut ids = HashSet::new();
    let mut mine = None;
    for path in visible {
        let bytes = std::fs::read(&path).expect("minutes");
        let checked = branchday::minutes::check_bytes(&bytes);
        assert!(
            checked.is_valid() && !checked.is_tampered(),
            "a partial or invalid minutes file after a kill: {:?}",
            checked.findings
        );
        let m = checked.minutes.expect("valid minutes");
        assert!(ids.insert(m.id), "two minutes files for one meeting");
        if m.id == id {
            mine = Some(path);
        }
    }
    mine
}

fn journal_has(path: &Path, want: fn(&Event) -> bool) -> bool {
    read_events(path).0.iter().any(want)
}

fn is_finalized(e: &Event) -> bool {
    matches!(e, Event::Finalized { .. })
}

/// The moments around finalize at which the program is killed.
#[derive(Debug, Clone, Copy)]
enum Moment {
    FormOpen,
    Confirmed,
    /// Right after the confirming Enter is sent.
    Enter,
    /// The journal holds `ended`.
    Ended,
    /// Anything (the temporary file) appears in `minutes/`.
    Writing,
    /// The minutes file is in place.
    Linked,
    /// The journal holds `finalized`.
    Recorded,
}

fn finalize_sweep(sweep: &mut Sweep) -> Vec<(Moment, &'static str)> {
    let minutes_dir = sweep.data.join("minutes");
    let journal = sweep.journal.clone();
    let mut seen = Vec::new();
    for moment in [
        Moment::FormOpen,
        Moment::Confirmed,
        Moment::Enter,
        Moment::Ended,
        Moment::Writing,
        Moment::Linked,
        Moment::Recorded,
    ] {
        let tui = sweep.tui();
        tui.send(F5);
        tui.send("f");
        tui.wait_for("定稿后不能再修改");
        if !matches!(moment, Moment::FormOpen) {
            tui.send(RIGHT);
            tui.wait_for("是，定稿");
        }
        if !matches!(moment, Moment::FormOpen | Moment::Confirmed) {
            tui.send(ENTER);
        }
        let any_entry = || std::fs::read_dir(&minutes_dir).is_ok_and(|mut d| d.next().is_some());
        let poll = |cond: &dyn Fn() -> bool| {
            let end = Instant::now() + pty_support::DEADLINE;
            while !cond() && Instant::now() < end {
                std::hint::spin_loop();
            }
        };
        // Tight polls (no parsing) so the kill lands inside the window being looked for.
        let journal_mentions = |needle: &[u8]| {
            std::fs::read(&journal).is_ok_and(|b| b.windows(needle.len()).any(|w| w == needle))
        };
        match moment {
            Moment::Ended => poll(&|| journal_mentions(br#""event":"ended""#)),
            Moment::Writing => poll(&any_entry),
            Moment::Linked => poll(&|| !minutes_files(&sweep.data).0.is_empty()),
            Moment::Recorded => poll(&|| journal_mentions(br#""event":"finalized""#)),
            _ => {}
        }
        let before = std::fs::read(&journal).expect("journal");
        sweep.tui.take().expect("running").kill();
        sweep.kills += 1;
        let (durable, _) = branchday::journal::parse(&before);
        assert!(read_events(&journal).0.starts_with(&durable));
        let file = check_minutes(&sweep.data, sweep.id);
        let finalized = journal_has(&journal, is_finalized);
        let temporary = !minutes_files(&sweep.data).1.is_empty();
        seen.push((
            moment,
            match (file.is_some(), finalized, temporary) {
                (false, _, false) => "no minutes file",
                (false, _, true) => "no minutes file; a hidden temporary file",
                (true, false, _) => "minutes file, not yet recorded in the journal",
                (true, true, _) => "minutes file recorded in the journal",
            },
        ));
        if finalized {
            // The draft is done: home no longer offers it, and the file is the meeting's.
            let mut tui = Tui::spawn(&sweep.data);
            tui.wait_for("浏览会议记录（1 份）");
            assert!(!tui.screen().contains("继续："));
            sweep.tui = Some(tui);
            return seen;
        }
        sweep.crash_and_resume_after_finalize_kill();
    }
    // Finalize once more, uninterrupted: it writes the file or adopts the one already written.
    let tui = sweep.tui();
    tui.send(F5);
    tui.send("f");
    tui.wait_for("定稿后不能再修改");
    tui.send(RIGHT);
    tui.send(ENTER);
    tui.wait_for("会议记录已定稿");
    seen
}

/// More kills aimed inside the write of the minutes file (the moment is a few milliseconds wide, so
/// it is tried on `n` small meetings of their own): each is created, finalized and killed as soon as
/// a temporary file shows in `minutes/`, then resumed and finalized again.
fn kills_while_writing(sweep: &mut Sweep, n: usize) -> Vec<(Moment, &'static str)> {
    let minutes_dir = sweep.data.join("minutes");
    let mut seen = Vec::new();
    for _ in 0..n {
        let mut tui = Tui::spawn(&sweep.data);
        create_meeting(&mut tui);
        let journal = newest_journal(&sweep.data).expect("journal");
        let id = replayed(&journal).setup.id;
        let (before, _) = minutes_files(&sweep.data);
        tui.send(F5);
        tui.send("f");
        tui.wait_for("定稿后不能再修改");
        tui.send(RIGHT);
        tui.wait_for("是，定稿");
        tui.send(ENTER);
        let end = Instant::now() + pty_support::DEADLINE;
        let writing = || {
            let (visible, hidden) = minutes_files(&sweep.data);
            !hidden.is_empty() || visible.len() > before.len()
        };
        while !writing() && Instant::now() < end {
            std::hint::spin_loop();
        }
        let durable = branchday::journal::parse(&std::fs::read(&journal).expect("journal")).0;
        tui.kill();
        sweep.kills += 1;
        assert!(read_events(&journal).0.starts_with(&durable));
        let file = check_minutes(&sweep.data, id);
        let temporary = std::fs::read_dir(&minutes_dir)
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with('.'));
        seen.push((
            Moment::Writing,
            match (file.is_some(), temporary) {
                (false, true) => "no minutes file; a hidden temporary file",
                (false, false) => "no minutes file",
                (true, _) => "minutes file",
            },
        ));
        // Resume and finalize again: it writes the file, or adopts the one written.
        sweep.journal = journal;
        sweep.id = id;
        if !journal_has(&sweep.journal, is_finalized) {
            sweep.crash_and_resume_after_finalize_kill();
            let tui = sweep.tui();
            tui.send(F5);
            tui.send("f");
            tui.wait_for("定稿后不能再修改");
            tui.send(RIGHT);
            tui.send(ENTER);
            tui.wait_for("会议记录已定稿");
            sweep.tui.take().expect("running").kill();
        }
        assert!(check_minutes(&sweep.data, id).is_some());
    }
    seen
}

impl Sweep {
    /// Restart after a kill around finalize (the journal was checked already).
    fn crash_and_resume_after_finalize_kill(&mut self) {
        let mut tui = Tui::spawn(&self.data);
        tui.wait_for("继续：");
        tui.send(DOWN);
        tui.send(ENTER);
        tui.wait_for("应到 ");
        if tui.screen().contains("草稿已恢复") {
            tui.send(ESC);
            tui.wait_gone("草稿已恢复");
        }
        self.tui = Some(tui);
        let (_, warnings) = read_events(&self.journal);
        assert!(warnings.is_empty(), "resume left {warnings:?}");
    }
}

#[test]
fn killing_the_program_anywhere_in_a_meeting_loses_nothing_on_disk() {
    let dir = data_dir();
    let data = dir.path().to_path_buf();
    let mut tui = Tui::spawn(&data);
    create_meeting(&mut tui);
    let journal = newest_journal(&data).expect("the draft's journal");
    let id = replayed(&journal).setup.id;
    let mut sweep = Sweep {
        data: data.clone(),
        tui: Some(tui),
        journal,
        id,
        kills: 0,
        torn_tails: 0,
    };
    run_steps(&mut sweep);
    let meeting_kills = sweep.kills;
    let (main_id, main_journal) = (sweep.id, sweep.journal.clone());
    let mut seen = finalize_sweep(&mut sweep);
    if let Some(t) = sweep.tui.take() {
        t.kill();
    }
    seen.extend(kills_while_writing(&mut sweep, 3));
    eprintln!(
        "crash sweep: {meeting_kills} kills during the meeting, {} around finalize, {} torn tails",
        sweep.kills - meeting_kills,
        sweep.torn_tails
    );
    for (moment, state) in &seen {
        eprintln!("  killed at {moment:?}: {state}");
    }
    assert!(sweep.kills >= 50, "only {} kills", sweep.kills);

    // The one minutes file holds the whole meeting, exactly once; no temporary file is left.
    let path = check_minutes(&data, main_id).expect("the minutes file");
    assert!(
        minutes_files(&data).1.is_empty(),
        "a temporary file outlived the finalize that followed it"
    );
    let m = branchday::minutes::check_bytes(&std::fs::read(&path).expect("minutes"))
        .minutes
        .expect("minutes");
    let status = |name: &str| {
        m.attendance
            .iter()
            .find(|a| a.name == name)
            .map(|a| a.status)
            .expect("member")
    };
    for (_, name) in PRESENT {
        assert_eq!(status(name), AttendanceStatus::Present, "{name}");
    }
    assert_eq!(status("宋佳怡"), AttendanceStatus::Late);
    assert_eq!(status("张志强"), AttendanceStatus::Excused);
    assert_eq!(status("胡振东"), AttendanceStatus::Absent);
    assert_eq!(m.guests.len(), 1);
    assert_eq!(m.study.len(), 1);
    assert!(m.study[0].notes.contains(NOTES));
    assert_eq!(m.items.len(), 1);
    assert!(m.items[0].decision.contains(DECISION));
    assert_eq!(m.items[0].vote.as_ref().map(|v| v.yes), Some(10));
    assert_eq!(m.actions.len(), 1);
    assert!(m.summary.contains(SUMMARY));
    let replay = replayed(&main_journal);
    assert!(replay.finalized.is_some());
}

/// The deterministic half of the write window: a temporary file left by a finalize that was cut
/// short is removed by the next finalize of the same meeting, which writes the whole file.
#[test]
fn a_temporary_file_left_by_a_cut_finalize_is_cleared_by_the_next() {
    use branchday::corpus::MeetingBuilder;
    use branchday::domain::MeetingKind;
    let dir = data_dir();
    let data = branchday::store::DataDir::at(dir.path());
    let at = "2026-11-26T14:30:00+08:00".parse().expect("time");
    let setup = MeetingBuilder::new(MeetingKind::ThemedDay, branchday::demo::roster())
        .id(uuid::Uuid::now_v7())
        .title("2026年11月主题党日")
        .chair_member(0)
        .recorder_member(2)
        .build();
    let mut session = branchday::session::Session::create(&data, setup, at).expect("session");
    let name = branchday::minutes::build(&session.meeting, at).file_name();
    // What a kill between making the temporary file and linking it leaves: part of the file.
    let stale = data.minutes_dir().join(format!(".{name}.0123456789ab.tmp"));
    std::fs::write(&stale, b"{\"format\":\"branchday.minu").expect("stale temp");
    let (path, _) = session.finalize(&data, at).expect("finalize");
    assert!(!stale.exists(), "the cut-short temporary file is removed");
    assert_eq!(minutes_files(dir.path()).1, Vec::<PathBuf>::new());
    let checked = branchday::minutes::check_bytes(&std::fs::read(path).expect("minutes"));
    assert!(checked.is_valid(), "{:?}", checked.findings);
}
