//! Journal and finalize benchmarks (DESIGN §5): one durable append, replay of 10 000 events, and
//! finalizing a 500-member meeting.
//!
//! `cargo bench --bench journal -- --warm-up-time 1 --measurement-time 5`

use std::hint::black_box;
use std::path::PathBuf;

use branchday::corpus::MeetingBuilder;
use branchday::domain::agenda::{StageKind, StageTemplate};
use branchday::domain::meeting::TextField;
use branchday::domain::roster::{CommitteeRole, Group};
use branchday::domain::text::Splice;
use branchday::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Branch, Event, ExcuseReason, Guest, ItemType,
    Meeting, MeetingKind, MeetingSetup, Member, PersonRef, Roster, RuleSettings, Standing,
    Timestamp, VoteMethod, VoteRecord, rules,
};
use branchday::journal::{self, Journal};
use branchday::{minutes, store};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

const SURNAMES: [&str; 20] = [
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "欧阳",
];
const GIVEN: [&str; 25] = [
    "建国", "秀英", "志强", "桂兰", "国华", "春梅", "德胜", "丽娟", "永平", "淑珍", "海涛", "玉兰",
    "文斌", "红霞", "振东", "晓燕", "立新", "翠萍", "志明", "美玲", "光辉", "素芬", "宏伟", "佳怡",
    "明轩",
];

fn t(s: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-05T14:30:00+08:00").expect("time")
        + chrono::Duration::seconds(s)
}

/// A village Party committee's roster: `n` members in groups of 25, a committee of five, every
/// twentieth member probationary.
fn roster(n: usize) -> Roster {
    let roles = [
        CommitteeRole::Secretary,
        CommitteeRole::DeputySecretary,
        CommitteeRole::Organization,
        CommitteeRole::Propaganda,
        CommitteeRole::Discipline,
    ];
    let groups: Vec<Group> = (0..n.div_ceil(25))
        .map(|g| Group {
            name: format!("第{}党小组", g + 1),
            leader: Some(format!("m{:03}", g * 25 + 1)),
            deputy: None,
        })
        .collect();
    let members = (0..n)
        .map(|i| Member {
            id: format!("m{:03}", i + 1),
            name: format!(
                "{}{}",
                SURNAMES[i % SURNAMES.len()],
                GIVEN[(i / SURNAMES.len()) % GIVEN.len()]
            ),
            standing: if i % 20 == 19 {
                Standing::Probationary
            } else {
                Standing::Full
            },
            group: Some(groups[i / 25].name.clone()),
            committee_role: roles.get(i).copied(),
            exclusion: None,
            joined: None,
            confirmed: None,
            out_of_contact: None,
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

fn setup(n: usize) -> MeetingSetup {
    let stage = |title: &str, kind, planned_minutes| StageTemplate {
        title: title.to_owned(),
        kind,
        planned_minutes,
    };
    MeetingBuilder::new(MeetingKind::ThemedDay, roster(n))
        .id(uuid::Uuid::from_u128(
            0x0190_0000_0000_7000_8000_0000_0000_0500,
        ))
        .title("三月主题党日")
        .theme("学习贯彻条例")
        .place("村党群服务中心")
        .chair(Some(PersonRef {
            member_id: Some("m001".into()),
            name: "王建国".into(),
        }))
        .recorder(Some(PersonRef {
            member_id: Some("m003".into()),
            name: "张建国".into(),
        }))
        .planned_start(t(0))
        .agenda(vec![
            stage("签到", StageKind::CheckIn, 5),
            stage("收缴党费", StageKind::Activity, 5),
            stage("重温入党誓词", StageKind::Activity, 5),
            stage("学习党章", StageKind::Study, 10),
            stage("集中学习", StageKind::Study, 30),
            stage("党课", StageKind::Study, 30),
            stage("民主议事", StageKind::Items, 30),
            stage("志愿服务", StageKind::Activity, 30),
            stage("总结评议", StageKind::WrapUp, 10),
        ])
        .build()
}

const PHRASES: [&str; 8] = [
    "大家认真学习了条例第五章，",
    "王建国同志发言：要把组织生活落到实处。",
    "李秀英补充：党费收缴要按时公开。",
    "讨论中有同志提出不同意见，",
    "会议同意将活动室修缮列入下月计划；",
    "请各党小组组长做好缺席同志的补课。",
    "Volunteers: 12 people, 3 hours. ",
    "（记录人补记）",
];

/// A realistic long meeting: 500 check-ins, agenda stages, four study topics with timers, ten items
/// with votes and follow-ups, a few guests, and typing journaled as splices — `total` events in all.
fn events(n: usize, total: usize) -> Vec<Event> {
    let mut out = vec![Event::Created {
        at: t(0),
        setup: Box::new(setup(n)),
    }];
    let mut clock = 0;
    let mut tick = |s| {
        clock += s;
        t(clock)
    };
    out.push(Event::StageStarted {
        at: tick(1),
        index: 0,
    });
    for i in 0..n {
        let status = match i % 25 {
            0 => AttendanceStatus::Excused,
            1 => AttendanceStatus::Late,
            2 => AttendanceStatus::Absent,
            _ => AttendanceStatus::Present,
        };
        out.push(Event::Marked {
            at: tick(1),
            member_id: format!("m{:03}", i + 1),
            mark: Some(AttendanceMark {
                status,
                reason: (status == AttendanceStatus::Excused).then_some(ExcuseReason::Travel),
                reason_text: if status == AttendanceStatus::Absent {
                    "联系不上".into()
                } else {
                    String::new()
                },
                approver: if status == AttendanceStatus::Excused {
                    "王建国".into()
                } else {
                    String::new()
                },
                left: None,
            }),
        });
    }
    for given in &GIVEN[..3] {
        out.push(Event::GuestAdded {
            at: tick(5),
            guest: Guest {
                name: format!("列席{given}"),
                identity: "入党积极分子".into(),
            },
        });
    }
    for s in 1..4 {
        out.push(Event::StageStarted {
            at: tick(30),
            index: s,
        });
    }
    for k in 0..4 {
        out.push(Event::TopicAdded {
            title: format!("学习专题{}", k + 1),
            presenter: "李秀英".into(),
            material: "《中国共产党支部工作条例（试行）》".into(),
        });
    }
    for k in 0..10 {
        out.push(Event::ItemAdded {
            title: format!("议题{}：村务事项", k + 1),
            item_type: if k == 9 {
                ItemType::Admission
            } else {
                ItemType::Ordinary
            },
            stage: None,
            source: None,
            candidate: None,
        });
    }
    // Typing: each splice appends a phrase to one note (a note journaled about once a second).
    let fixed_tail = 10 + 20 + 2;
    let mut lengths = [0usize; 1 + 4 + 10 + 10];
    let mut i = 0usize;
    while out.len() < total - fixed_tail {
        let field = i % lengths.len();
        let target = match field {
            0 => TextField::Summary,
            1..=4 => TextField::StudyNotes(field - 1),
            5..=14 => TextField::ItemNotes(field - 5),
            _ => TextField::ItemDecision(field - 15),
        };
        let phrase = PHRASES[i % PHRASES.len()];
        if i % 50 == 7 {
            // Now and then a correction in the middle.
            let start = lengths[field] / 2;
            let delete = 2.min(lengths[field] - start);
            out.push(Event::TextEdited {
                target,
                splice: Splice {
                    start,
                    delete,
                    insert: "更正".into(),
                },
            });
            lengths[field] = lengths[field] - delete + 2;
        } else {
            out.push(Event::TextEdited {
                target,
                splice: Splice {
                    start: lengths[field],
                    delete: 0,
                    insert: phrase.to_owned(),
                },
            });
            lengths[field] += phrase.chars().count();
        }
        if i.is_multiple_of(400) && out.len() < total - fixed_tail {
            out.push(Event::TopicTimer {
                at: tick(1),
                index: (i / 400) % 4,
                running: true,
            });
        }
        i += 1;
    }
    let present = (n - n.div_ceil(25) * 2 - n / 20) as u32;
    for k in 0..10 {
        let item_type = if k == 9 {
            ItemType::Admission
        } else {
            ItemType::Ordinary
        };
        let input = rules::VoteInput {
            body: rules::VoteBody::Assembly,
            item_type,
            method: if k == 9 {
                VoteMethod::SecretBallot
            } else {
                VoteMethod::ShowOfHands
            },
            entitled_expected: (n - n / 20) as u32,
            entitled_present: present,
            yes: present - 10,
            no: 5,
            abstain: 5,
            written: Vec::new(),
            absent_entitled: Vec::new(),
            deferred: false,
            settings: RuleSettings::default(),
            ballots: None,
        };
        let j = rules::judge(&input).expect("valid vote");
        out.push(Event::VoteClosed {
            index: k,
            vote: VoteRecord::freeze(&input, &j, tick(60)),
        });
    }
    for k in 0..10 {
        for owner in 0..2 {
            out.push(Event::ActionAdded {
                action: ActionItem {
                    task: format!("落实议题{}", k + 1),
                    owner: PersonRef {
                        member_id: Some(format!("m{:03}", owner + 1)),
                        name: "王建国".into(),
                    },
                    due: chrono::NaiveDate::from_ymd_opt(2026, 4, 30),
                    item: Some(k),
                },
            });
        }
    }
    out.push(Event::StageStarted {
        at: tick(30),
        index: 8,
    });
    out.push(Event::Ended { at: tick(600) });
    assert_eq!(out.len(), total);
    out
}

fn jsonl(events: &[Event]) -> Vec<u8> {
    let mut bytes = Vec::new();
    for e in events {
        bytes.extend(serde_json::to_vec(e).expect("serializes"));
        bytes.push(b'\n');
    }
    bytes
}

fn durable_append(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bench.journal");
    let first = Event::Created {
        at: t(0),
        setup: Box::new(setup(25)),
    };
    let mut j = Journal::create(&path, &first).expect("creates");
    let event = Event::Marked {
        at: t(1),
        member_id: "m001".into(),
        mark: Some(AttendanceMark {
            status: AttendanceStatus::Present,
            reason: None,
            reason_text: String::new(),
            approver: String::new(),
            left: None,
        }),
    };
    c.bench_function("journal_append_fsync", |b| {
        b.iter(|| j.append(black_box(&event)).expect("appends"));
    });
}

fn replay_10k(c: &mut Criterion) {
    let events = events(500, 10_000);
    let bytes = jsonl(&events);
    let (parsed, warnings) = journal::parse(&bytes);
    assert!(warnings.is_empty());
    let (check, skipped) = Meeting::replay(&parsed).expect("replays");
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(check.counts().expected_total, 500);
    eprintln!(
        "replay input: {} events, {} bytes of JSON Lines, summary {} chars",
        parsed.len(),
        bytes.len(),
        check.summary.chars().count()
    );
    c.bench_function("journal_parse_10k", |b| {
        b.iter(|| journal::parse(black_box(&bytes)));
    });
    c.bench_function("meeting_replay_10k", |b| {
        b.iter(|| Meeting::replay(black_box(&parsed)).expect("replays"));
    });
    c.bench_function("journal_parse_replay_10k", |b| {
        b.iter(|| {
            let (events, _) = journal::parse(black_box(&bytes));
            Meeting::replay(&events).expect("replays")
        });
    });
}

fn finalize_500(c: &mut Criterion) {
    let events = events(500, 10_000);
    let (meeting, _) = Meeting::replay(&events).expect("replays");
    let dir = tempfile::tempdir().expect("tempdir");
    let (bytes, _) = minutes::to_bytes(&minutes::build(&meeting, t(20_000))).expect("bytes");
    eprintln!("minutes file: {} bytes", bytes.len());
    c.bench_function("finalize_500_build_and_digest", |b| {
        b.iter(|| {
            let m = minutes::build(black_box(&meeting), t(20_000));
            minutes::to_bytes(&m).expect("canonical")
        });
    });
    // The same with the branch's signature over the canonical bytes (format v2's finalize).
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("key");
    // The signature alone over the 500-member record's canonical bytes: what signing adds.
    let value = serde_json::to_value(minutes::build(&meeting, t(20_000))).expect("value");
    let canonical = minutes::canonical::canonical_without_integrity(&value).expect("canonical");
    eprintln!("canonical bytes: {}", canonical.len());
    c.bench_function("sign_500_canonical", |b| {
        b.iter(|| branchday::keys::sign(&key, black_box(canonical.as_bytes())).expect("signed"));
    });
    c.bench_function("finalize_500_build_digest_and_sign", |b| {
        b.iter(|| {
            let m = minutes::build(black_box(&meeting), t(20_000));
            minutes::build::to_signed_bytes(&m, &key).expect("sealed")
        });
    });
    let mut n = 0u64;
    c.bench_function("finalize_500_members", |b| {
        b.iter_batched(
            || {
                n += 1;
                dir.path().join(format!("m{n}.json"))
            },
            |path: PathBuf| {
                let m = minutes::build(black_box(&meeting), t(20_000));
                let (bytes, digest) = minutes::to_bytes(&m).expect("canonical");
                store::write_new(&path, &bytes).expect("writes");
                digest
            },
            BatchSize::SmallInput,
        );
    });
}

criterion_group!(benches, durable_append, replay_10k, finalize_500);
criterion_main!(benches);
