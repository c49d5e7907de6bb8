//! Keystroke → frame: one key through `Model::update` and its effects carried out
//! (`MeetingScreen::key`), plus the whole 100x30 screen drawn
//! (`MeetingScreen::draw` through `Terminal::draw` on a `TestBackend`), on the busiest screens:
//! (a) check-in with a 500-member roster, typing a filter character and clearing it;
//! (b) the notes editor holding 100 KB of Chinese text, typing (sentences, each ended by Enter).
//!
//! Criterion reports its estimate (the median of its samples is in
//! target/criterion/<case>/new/estimates.json). A plain loop of 2 000 timed keystrokes per case then
//! prints the median, the 99th percentile and the maximum of single keystrokes, which criterion does
//! not give.
//!
//! Run: `cargo bench --bench frame -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::TimeZone;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use branchday::domain::agenda::builtin_templates;
use branchday::domain::text::Splice;
use branchday::domain::{
    Branch, Event, Group, MeetingKind, Member, Roster, Standing, TextField, Timestamp,
};
use branchday::i18n::{Lang, Tr};
use branchday::session::Session;
use branchday::store::DataDir;
use branchday::tui::meeting::{MeetingScreen, View};

/// A case: its data directory (kept while the case runs), the screen and the terminal.
type Case = (
    tempfile::TempDir,
    DataDir,
    MeetingScreen,
    Terminal<TestBackend>,
);

const SURNAMES: &str = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹";
const GIVEN: &str =
    "建国秀英志强桂兰华春梅德胜丽娟永平淑珍海涛玉文斌红霞振东晓燕立新翠萍明玲光辉素芬宏伟佳怡";

fn at() -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 26, 14, 30, 0)
        .single()
        .expect("time")
}

/// A village Party committee of `n` members with distinct Chinese names in ten 党小组.
fn roster(n: usize) -> Roster {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let groups: Vec<Group> = (1..=10)
        .map(|g| Group {
            name: format!("第{g}党小组"),
            leader: None,
            deputy: None,
        })
        .collect();
    let members = (0..n)
        .map(|i| {
            let s = surnames[i % surnames.len()];
            let a = given[(i / surnames.len()) % given.len()];
            let b = given[(i * 7 + 3) % given.len()];
            Member {
                id: format!("v{:04}", i + 1),
                name: format!("{s}{a}{b}"),
                standing: if i % 25 == 24 {
                    Standing::Probationary
                } else {
                    Standing::Full
                },
                group: Some(groups[i % groups.len()].name.clone()),
                committee_role: None,
                exclusion: None,
                joined: None,
                confirmed: None,
                out_of_contact: None,
            }
        })
        .collect();
    Roster {
        branch: Branch {
            name: "城关镇东风村党委".into(),
            code: "BENCH-500".into(),
        },
        groups,
        members,
        departed: Vec::new(),
    }
}

/// A themed-day meeting on a throw-away data directory, started at its first stage.
fn screen(members: usize) -> (tempfile::TempDir, MeetingScreen) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    let roster = roster(members);
    let agenda = builtin_templates()
        .into_iter()
        .find(|t| t.kind == MeetingKind::ThemedDay)
        .expect("template")
        .stages;
    let setup = branchday::corpus::MeetingBuilder::new(MeetingKind::ThemedDay, roster)
        .id(uuid::Uuid::now_v7())
        .title("2026年11月主题党日")
        .theme("学习贯彻党的二十届四中全会精神")
        .place("村党群服务中心")
        .chair_member(0)
        .recorder_member(1)
        .agenda(agenda)
        .build();
    let mut session = Session::create(&data, setup, at()).expect("session");
    session
        .record(Event::StageStarted { at: at(), index: 0 })
        .expect("stage");
    (dir, MeetingScreen::new(session, Tr(Lang::Zh)))
}

/// What the secretary types, and what the notes are made of.
const SENTENCE: &str = "全体党员认真学习了党章总纲和有关条款，结合本村实际交流了体会，大家一致表示要严守纪律、服务群众、带头做好各项工作。";

/// About `bytes` of Chinese notes in paragraphs of one sentence (57 characters).
fn chinese_notes(bytes: usize) -> String {
    let mut s = String::new();
    while s.len() < bytes {
        s.push_str(SENTENCE);
        s.push('\n');
    }
    s
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// One keystroke → one frame.
fn frame(s: &mut MeetingScreen, data: &DataDir, term: &mut Terminal<TestBackend>, k: KeyEvent) {
    black_box(s.key(k, Instant::now(), at(), data));
    term.draw(|f| s.draw(f, at())).expect("draw");
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(100, 30)).expect("terminal")
}

/// (a) The check-in screen of a 500-member roster: type `w` (timed), then clear with Esc (timed
/// separately).
fn checkin() -> Case {
    let (dir, s) = screen(500);
    assert_eq!(s.model.view, View::CheckIn);
    let mut term = terminal();
    term.draw(|f| s.draw(f, at())).expect("draw");
    let data = DataDir::at(dir.path());
    (dir, data, s, term)
}

/// (b) The notes editor of a study topic holding 100 KB of Chinese text, cursor at the end.
fn editor() -> Case {
    let (dir, mut s) = screen(25);
    let notes = chinese_notes(100 * 1024);
    let events = [
        Event::StageStarted { at: at(), index: 3 },
        Event::TopicAdded {
            title: "学习党章".into(),
            presenter: "王建国".into(),
            material: "《中国共产党章程》".into(),
        },
        Event::TextEdited {
            target: TextField::StudyNotes(0),
            splice: Splice::between("", &notes).expect("splice"),
        },
    ];
    for e in events {
        s.session.record(e).expect("event");
    }
    s.model.view = View::Study;
    let data = DataDir::at(dir.path());
    let mut term = terminal();
    frame(&mut s, &data, &mut term, key(KeyCode::Enter));
    assert!(s.model.editor.is_some());
    (dir, data, s, term)
}

/// Time `n` keystrokes of a case; `reset` runs untimed after each.
fn samples(
    n: usize,
    s: &mut MeetingScreen,
    data: &DataDir,
    term: &mut Terminal<TestBackend>,
    k: KeyEvent,
    reset: Option<KeyEvent>,
) -> Vec<Duration> {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            frame(s, data, term, k);
            let d = t.elapsed();
            if let Some(r) = reset {
                frame(s, data, term, r);
            }
            d
        })
        .collect()
}

fn report(name: &str, mut d: Vec<Duration>) {
    d.sort_unstable();
    let q = |p: f64| d[((d.len() as f64 - 1.0) * p).round() as usize];
    println!(
        "{name}: n={} median={:.3} ms p99={:.3} ms max={:.3} ms",
        d.len(),
        q(0.5).as_secs_f64() * 1e3,
        q(0.99).as_secs_f64() * 1e3,
        d[d.len() - 1].as_secs_f64() * 1e3
    );
}

fn bench(c: &mut Criterion) {
    let w = key(KeyCode::Char('w'));
    let esc = key(KeyCode::Esc);

    let (_dir, data, mut s, mut term) = checkin();
    c.bench_function("checkin_500/type_filter_char", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                frame(&mut s, &data, &mut term, w);
                total += t.elapsed();
                frame(&mut s, &data, &mut term, esc);
            }
            total
        });
    });
    c.bench_function("checkin_500/clear_filter", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                frame(&mut s, &data, &mut term, w);
                let t = Instant::now();
                frame(&mut s, &data, &mut term, esc);
                total += t.elapsed();
            }
            total
        });
    });
    report(
        "checkin_500/type_filter_char",
        samples(2000, &mut s, &data, &mut term, w, Some(esc)),
    );
    frame(&mut s, &data, &mut term, w);
    report(
        "checkin_500/clear_filter",
        samples(2000, &mut s, &data, &mut term, esc, Some(w)),
    );

    // Typing goes on as a secretary types: a sentence, then Enter, and again.
    let mut typing = SENTENCE
        .chars()
        .map(|c| key(KeyCode::Char(c)))
        .chain([key(KeyCode::Enter)])
        .cycle();
    let (_dir, data, mut s, mut term) = editor();
    c.bench_function("editor_100kb/type_char", |b| {
        b.iter(|| frame(&mut s, &data, &mut term, typing.next().expect("key")));
    });
    let (_dir, data, mut s, mut term) = editor();
    let typed: Vec<Duration> = (0..2000)
        .map(|_| {
            let k = typing.next().expect("key");
            let t = Instant::now();
            frame(&mut s, &data, &mut term, k);
            t.elapsed()
        })
        .collect();
    report("editor_100kb/type_char", typed);
}

criterion_group!(benches, bench);
criterion_main!(benches);
