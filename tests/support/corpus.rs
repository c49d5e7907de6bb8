//! Minutes built from the domain types, for tests with hand-computed expectations.

use std::path::{Path, PathBuf};

use branchday::corpus::MeetingBuilder;
use branchday::domain::rules;
use branchday::domain::{
    AttendanceMark, AttendanceStatus, Branch, CommitteeRole, Event, Exclusion, ExclusionCategory,
    ExcuseReason, ItemStage, ItemType, Meeting, MeetingKind, Member, Roster, Standing, Timestamp,
    VoteMethod, VoteRecord,
};
use branchday::minutes::{self, Minutes};
use uuid::Uuid;

/// How a member is marked at one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Present,
    Late,
    /// 请假 with a reason and an approver.
    Leave,
    /// 请假 with a reason but no approver.
    ExcusedUnapproved,
    /// 缺席 (with a reason text, so the file has no warning).
    Absent,
    /// Never marked (recorded as absent).
    Unmarked,
}

/// An item and, if voted, its yes/no/abstain (or deferred).
#[derive(Debug, Clone)]
pub struct ItemSpec {
    pub title: &'static str,
    pub stage: Option<ItemStage>,
    pub vote: Option<(u32, u32, u32)>,
    pub deferred: bool,
}

/// (id, name, standing, group, committee role, excluded)
pub type MemberSpec = (
    &'static str,
    &'static str,
    Standing,
    &'static str,
    Option<CommitteeRole>,
    bool,
);

pub fn roster(code: &str, name: &str, members: &[MemberSpec]) -> Roster {
    Roster {
        branch: Branch {
            name: name.to_owned(),
            code: code.to_owned(),
        },
        groups: vec![],
        members: members
            .iter()
            .map(|(id, n, standing, group, role, excluded)| Member {
                id: (*id).to_owned(),
                name: (*n).to_owned(),
                standing: *standing,
                group: Some((*group).to_owned()),
                committee_role: *role,
                exclusion: excluded.then(|| Exclusion {
                    category: ExclusionCategory::AwayWorkStudy,
                    approval_ref: "镇党委〔2026〕1号".to_owned(),
                }),
                joined: None,
                confirmed: None,
                out_of_contact: None,
            })
            .collect(),
        departed: Vec::new(),
    }
}

pub fn ts(s: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

/// One meeting: kind, start (RFC 3339), group for a group meeting, marks, items.
pub struct MeetingSpec<'a> {
    pub id: Uuid,
    pub supersedes: Option<Uuid>,
    pub roster: &'a Roster,
    pub kind: MeetingKind,
    pub group: Option<&'static str>,
    pub start: &'a str,
    pub marks: &'a [(&'static str, Mark)],
    pub items: &'a [ItemSpec],
}

pub fn build(spec: &MeetingSpec<'_>) -> Minutes {
    let start = ts(spec.start);
    let at = |minutes: i64| start + chrono::Duration::minutes(minutes);
    let r = spec.roster;
    let setup = MeetingBuilder::new(spec.kind, r.clone())
        .id(spec.id)
        .title(format!("{} {}", r.branch.name, spec.start))
        .place("党员活动室")
        .chair_member(0)
        .recorder_member(1)
        .group(spec.group.map(str::to_owned))
        .supersedes(spec.supersedes)
        .correction_reason(if spec.supersedes.is_some() {
            "原记录出勤登记有误"
        } else {
            ""
        })
        .build();
    let mut m = Meeting::new(setup, at(-10));
    let apply = |m: &mut Meeting, e: Event| m.apply(&e).expect("event applies");
    apply(
        &mut m,
        Event::StageStarted {
            at: at(0),
            index: 0,
        },
    );
    for (id, mark) in spec.marks {
        let (status, reason, approver) = match mark {
            Mark::Present => (AttendanceStatus::Present, None, ""),
            Mark::Late => (AttendanceStatus::Late, None, ""),
            Mark::Leave => (
                AttendanceStatus::Excused,
                Some(ExcuseReason::Sick),
                "王书记",
            ),
            Mark::ExcusedUnapproved => {
                (AttendanceStatus::Excused, Some(ExcuseReason::Personal), "")
            }
            Mark::Absent => (AttendanceStatus::Absent, None, ""),
            Mark::Unmarked => continue,
        };
        let reason_text = if *mark == Mark::Absent {
            "未说明"
        } else {
            ""
        };
        apply(
            &mut m,
            Event::Marked {
                at: at(1),
                member_id: (*id).to_owned(),
                mark: Some(AttendanceMark {
                    status,
                    reason,
                    reason_text: reason_text.to_owned(),
                    approver: approver.to_owned(),
                    left: None,
                }),
            },
        );
    }
    for (i, item) in spec.items.iter().enumerate() {
        apply(
            &mut m,
            Event::ItemAdded {
                title: item.title.to_owned(),
                item_type: ItemType::Ordinary,
                stage: item.stage,
                source: None,
                candidate: None,
            },
        );
        if let Some(counts) = item.vote {
            // A deferral is not a vote: no counts, and its reason (format v2).
            let counts = if item.deferred { (0, 0, 0) } else { counts };
            let input = m
                .vote_input(i, VoteMethod::ShowOfHands, counts, vec![], item.deferred)
                .expect("vote input");
            let j = rules::judge(&input).expect("vote judged");
            let mut vote = VoteRecord::freeze(&input, &j, at(30));
            if item.deferred {
                "意见分歧较大，下次再议".clone_into(&mut vote.deferred_reason);
            }
            apply(&mut m, Event::VoteClosed { index: i, vote });
        }
    }
    apply(&mut m, Event::Ended { at: at(60) });
    minutes::build(&m, at(65))
}

/// Write minutes as a file named `name` in `dir`; returns the path and the file's bytes.
pub fn write(dir: &Path, name: &str, m: &Minutes) -> (PathBuf, Vec<u8>) {
    let (bytes, _) = minutes::to_bytes(m).expect("serializable");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("write test file");
    (path, bytes)
}

/// `n` valid themed-day minutes of a small branch, each with a fresh id, written into `dir`.
pub fn simple_files(dir: &Path, n: usize) -> Vec<(PathBuf, Minutes, Vec<u8>)> {
    use Standing::Full;
    let r = roster(
        "T-01",
        "测试党支部",
        &[
            (
                "m001",
                "王建国",
                Full,
                "一组",
                Some(CommitteeRole::Secretary),
                false,
            ),
            ("m002", "李秀英", Full, "一组", None, false),
            ("m003", "张志强", Full, "二组", None, false),
        ],
    );
    (0..n)
        .map(|i| {
            let start = format!("2026-{:02}-{:02}T09:00:00+08:00", i % 12 + 1, i % 28 + 1);
            let m = build(&MeetingSpec {
                id: Uuid::now_v7(),
                supersedes: None,
                roster: &r,
                kind: MeetingKind::ThemedDay,
                group: None,
                start: &start,
                marks: &[
                    ("m001", Mark::Present),
                    ("m002", Mark::Present),
                    ("m003", Mark::Leave),
                ],
                items: &[],
            });
            let (path, bytes) = write(dir, &format!("file{i:04}.json"), &m);
            (path, m, bytes)
        })
        .collect()
}
