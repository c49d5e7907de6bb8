//! Writes the starting corpus of each fuzz target: real files the program makes.
//!
//! `cargo run --example seeds -- corpus` (in `fuzz/`) writes `corpus/minutes`, `corpus/journal` and
//! `corpus/roster`: minutes from the synthetic corpus generator, journals of a meeting driven key by
//! key through the meeting screen (cut at several points), and rosters.

use std::path::{Path, PathBuf};
use std::time::Instant;

use branchday::corpus::{self, CorpusSpec, MeetingBuilder};
use branchday::domain::{MeetingKind, Roster, Timestamp};
use branchday::i18n::{Lang, Tr};
use branchday::session::Session;
use branchday::store::DataDir;
use branchday::tui::meeting::MeetingScreen;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn at() -> Timestamp {
    "2026-11-26T14:30:00+08:00".parse().expect("time")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(dir).expect("corpus dir");
    std::fs::write(dir.join(name), bytes).expect("write seed");
}

fn small_roster() -> Roster {
    let mut r = branchday::demo::roster();
    r.members.truncate(6);
    r.groups.truncate(1);
    r
}

fn press(s: &mut MeetingScreen, code: KeyCode) {
    let _ = s.key(
        KeyEvent::new(code, KeyModifiers::NONE),
        Instant::now(),
        at(),
    );
}

fn ctrl(s: &mut MeetingScreen, c: char) {
    let _ = s.key(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Instant::now(),
        at(),
    );
}

fn typing(s: &mut MeetingScreen, text: &str) {
    for c in text.chars() {
        press(s, KeyCode::Char(c));
    }
}

/// A meeting of `kind` driven key by key; the journal is copied after each step. Returns the paths
/// of the journal copies and of the minutes file.
fn drive(kind: MeetingKind, roster: Roster, out: &Path, tag: &str) -> Option<PathBuf> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(tmp.path());
    let group = roster.groups.first().map(|g| g.name.clone());
    let setup = MeetingBuilder::new(kind, roster)
        .id(uuid::Uuid::now_v7())
        .title("2026年11月主题党日")
        .theme("学习贯彻党的二十届四中全会精神")
        .place("社区党群服务中心")
        .chair_member(0)
        .recorder_member(1)
        .group(group)
        .planned_start(at())
        .build();
    let session = Session::create(&data, setup, at()).expect("session");
    let journal = session.journal_path().to_path_buf();
    let mut s = MeetingScreen::new(session, data, Tr(Lang::Zh));
    let mut step = 0;
    let mut snap = |s: &MeetingScreen| {
        let _ = s;
        step += 1;
        write(
            &out.join("journal"),
            &format!("{tag}-{step:02}.journal"),
            &std::fs::read(&journal).expect("journal"),
        );
    };
    press(&mut s, KeyCode::PageDown);
    for _ in 0..3 {
        press(&mut s, KeyCode::Enter);
    }
    press(&mut s, KeyCode::Char('2'));
    press(&mut s, KeyCode::Char('3'));
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "在外地出差");
    press(&mut s, KeyCode::Enter);
    press(&mut s, KeyCode::Char('4'));
    typing(&mut s, "联系不上");
    press(&mut s, KeyCode::Enter);
    ctrl(&mut s, 'z');
    ctrl(&mut s, 'g');
    typing(&mut s, "赵书记");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "镇党委组织委员");
    press(&mut s, KeyCode::Enter);
    snap(&s);
    s.view = branchday::tui::meeting::View::Study;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "学习党章");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    typing(&mut s, "全体党员逐章学习了党章总纲。");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('t'));
    press(&mut s, KeyCode::Char('t'));
    snap(&s);
    s.view = branchday::tui::meeting::View::Items;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "修缮活动室");
    ctrl(&mut s, 's');
    press(&mut s, KeyCode::Enter);
    typing(&mut s, "讨论了修缮方案。");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('d'));
    typing(&mut s, "同意修缮。");
    press(&mut s, KeyCode::Esc);
    press(&mut s, KeyCode::Char('v'));
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "2");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "1");
    ctrl(&mut s, 's');
    assert!(s.modal.is_none(), "the vote is recorded");
    snap(&s);
    s.view = branchday::tui::meeting::View::WrapUp;
    press(&mut s, KeyCode::Char('a'));
    typing(&mut s, "制定预算");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "wjg");
    press(&mut s, KeyCode::Tab);
    typing(&mut s, "2026-12-31");
    ctrl(&mut s, 's');
    assert!(s.modal.is_none(), "the action is recorded");
    press(&mut s, KeyCode::Char('s'));
    typing(&mut s, "会议按议程完成。");
    press(&mut s, KeyCode::Esc);
    snap(&s);
    press(&mut s, KeyCode::Char('f'));
    press(&mut s, KeyCode::Right);
    press(&mut s, KeyCode::Enter);
    snap(&s);
    let (path, _) = s.finalized.clone()?;
    let bytes = std::fs::read(&path).expect("minutes");
    write(&out.join("minutes"), &format!("{tag}.json"), &bytes);
    Some(path)
}

fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "corpus".into()));
    // Minutes: the synthetic corpus at a small size (every kind of meeting, votes, absences).
    let mut spec = CorpusSpec::new(16, 11);
    spec.members = 5;
    for (i, m) in corpus::generate(&spec).enumerate() {
        let (bytes, _) = branchday::minutes::to_bytes(&m).expect("minutes bytes");
        write(&out.join("minutes"), &format!("corpus-{i:02}.json"), &bytes);
    }
    // Journals and minutes of meetings driven through the screen.
    for (tag, kind, roster) in [
        ("themed-small", MeetingKind::ThemedDay, small_roster()),
        (
            "assembly-small",
            MeetingKind::GeneralAssembly,
            small_roster(),
        ),
        (
            "themed-demo",
            MeetingKind::ThemedDay,
            branchday::demo::roster(),
        ),
    ] {
        drive(kind, roster, &out, tag);
    }
    // Rosters.
    let json = |r: &Roster| serde_json::to_vec_pretty(r).expect("roster json");
    write(
        &out.join("roster"),
        "demo.json",
        &json(&branchday::demo::roster()),
    );
    write(&out.join("roster"), "small.json", &json(&small_roster()));
    write(
        &out.join("roster"),
        "empty.json",
        br#"{"branch":{"name":"x"}}"#,
    );
    println!("seeds written under {}", out.display());
}
