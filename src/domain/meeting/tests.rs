//! Meetings: who counts, what a vote sees, what stays frozen, timing, text edits, and replay = state.
//! The fixtures here are shared with the journal tests.

use super::*;
use crate::corpus::MeetingBuilder;
use crate::domain::agenda::{StageKind, StageTemplate};
use crate::domain::roster::{CommitteeRole, Exclusion, ExclusionCategory, Group};
use crate::domain::roster::{Roster, Standing};
use crate::domain::rules::{ItemType, RuleSettings, VoteBody, VoteRecord};
use crate::domain::rules::{Opinion, Outcome, VoteMethod, judge};
use crate::domain::text::Splice;
use proptest::prelude::*;
use uuid::Uuid;

/// `s` seconds after 2026-03-05 14:30 Beijing time.
pub(crate) fn t(s: i64) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339("2026-03-05T14:30:00+08:00").expect("time")
        + chrono::Duration::seconds(s)
}

fn member(
    id: &str,
    name: &str,
    standing: Standing,
    group: &str,
    role: Option<CommitteeRole>,
) -> Member {
    Member {
        id: id.to_owned(),
        name: name.to_owned(),
        standing,
        group: Some(group.to_owned()),
        committee_role: role,
        exclusion: None,
        joined: None,
        confirmed: None,
        out_of_contact: None,
    }
}

pub(crate) const G1: &str = "第一党小组";
pub(crate) const G2: &str = "第二党小组";

/// Eleven members: a committee of five (m01–m05), two more full members (m06, m11), one full
/// member left out of 应到会 (m07), two probationary (m08, m09) and one under 留党察看 (m10).
pub(crate) fn roster() -> Roster {
    use CommitteeRole::{DeputySecretary, Discipline, Organization, Propaganda, Secretary};
    use Standing::{Full, Observation, Probationary};
    let mut members = vec![
        member("m01", "王建国", Full, G1, Some(Secretary)),
        member("m02", "李秀英", Full, G2, Some(DeputySecretary)),
        member("m03", "张志强", Full, G1, Some(Organization)),
        member("m04", "刘桂兰", Full, G2, Some(Propaganda)),
        member("m05", "陈国华", Full, G1, Some(Discipline)),
        member("m06", "杨春梅", Full, G2, None),
        member("m07", "赵德胜", Full, G1, None),
        member("m08", "黄丽娟", Probationary, G2, None),
        member("m09", "周永平", Probationary, G1, None),
        member("m10", "吴淑珍", Observation, G2, None),
        member("m11", "欧阳明轩", Full, G1, None),
    ];
    members[6].exclusion = Some(Exclusion {
        category: ExclusionCategory::AbroadPrivate,
        approval_ref: "城关镇党委〔2026〕3号".into(),
    });
    Roster {
        branch: Branch {
            name: "城关镇东风社区党支部".into(),
            code: "T-001".into(),
        },
        groups: vec![
            Group {
                name: G1.into(),
                leader: Some("m03".into()),
                deputy: None,
            },
            Group {
                name: G2.into(),
                leader: Some("m04".into()),
                deputy: None,
            },
        ],
        members,
        departed: Vec::new(),
    }
}

pub(crate) fn setup(kind: MeetingKind, roster: Roster) -> MeetingSetup {
    let stage = |title: &str, kind, planned_minutes| StageTemplate {
        title: title.to_owned(),
        kind,
        planned_minutes,
    };
    MeetingBuilder::new(kind, roster)
        .id(Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001))
        .title("三月主题党日")
        .theme("学习新修订的条例")
        .place("社区党员活动室")
        .chair(Some(PersonRef {
            member_id: Some("m01".into()),
            name: "王建国".into(),
        }))
        .recorder(Some(PersonRef {
            member_id: Some("m03".into()),
            name: "张志强".into(),
        }))
        .group((kind == MeetingKind::Group).then(|| G1.to_owned()))
        .planned_start(t(0))
        .agenda(vec![
            stage("签到", StageKind::CheckIn, 5),
            stage("集中学习", StageKind::Study, 30),
            stage("民主议事", StageKind::Items, 30),
            stage("总结", StageKind::WrapUp, 10),
        ])
        .build()
}

pub(crate) fn created(kind: MeetingKind) -> Event {
    Event::Created {
        at: t(0),
        setup: Box::new(setup(kind, roster())),
    }
}

fn meeting(kind: MeetingKind) -> Meeting {
    let (m, skipped) = Meeting::replay(&[created(kind)]).expect("created");
    assert!(skipped.is_empty());
    m
}

pub(crate) fn mark(status: AttendanceStatus) -> AttendanceMark {
    AttendanceMark {
        status,
        reason: (status == AttendanceStatus::Excused).then_some(ExcuseReason::Sick),
        reason_text: String::new(),
        approver: if status == AttendanceStatus::Excused {
            "王建国".into()
        } else {
            String::new()
        },
        left: None,
    }
}

pub(crate) fn marked(at: i64, id: &str, status: AttendanceStatus) -> Event {
    Event::Marked {
        at: t(at),
        member_id: id.to_owned(),
        mark: Some(mark(status)),
    }
}

fn apply_all(m: &mut Meeting, events: &[Event]) {
    for e in events {
        m.apply(e).unwrap_or_else(|err| panic!("{e:?}: {err}"));
    }
}

fn item(title: &str, item_type: ItemType) -> Event {
    Event::ItemAdded {
        title: title.to_owned(),
        item_type,
        stage: Some(ItemStage::AssemblyReview),
        source: Some(ItemSource::MembersSuggestion),
        candidate: None,
    }
}

fn edit(target: TextField, start: usize, delete: usize, insert: &str) -> Event {
    Event::TextEdited {
        target,
        splice: Splice {
            start,
            delete,
            insert: insert.to_owned(),
        },
    }
}

use AttendanceStatus::{Absent, Excused, Late, Present};

// ---- who counts ----

#[test]
fn counts_split_full_and_probationary_and_follow_the_exclusions() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    assert_eq!(
        m.counts(),
        Counts {
            // Everyone but m07 (excluded, category 2); 应到 = 正式 + 预备, so the member under
            // 留党察看 (m10) is listed but not counted (format v2).
            expected_total: 9,
            expected_full: 7,
            expected_probationary: 2,
            present_total: 0,
            present_full: 0,
            present_probationary: 0,
        }
    );
    apply_all(
        &mut m,
        &[
            marked(10, "m01", Present),
            marked(20, "m02", Late),
            marked(30, "m03", Excused),
            marked(40, "m04", Absent),
            marked(50, "m07", Present),
            marked(60, "m08", Present),
            marked(70, "m10", Present),
        ],
    );
    assert_eq!(
        m.counts(),
        Counts {
            expected_total: 9,
            expected_full: 7,
            expected_probationary: 2,
            // m01, m02 (late counts as attended), m08; m07 attends but is not in 应到会, and m10
            // attends but is counted in neither.
            present_total: 3,
            present_full: 2,
            present_probationary: 1,
        }
    );
}

#[test]
fn excused_members_stay_in_expected_attendance() {
    // domain-rules: 请假 does not remove anyone from 应到会.
    let mut m = meeting(MeetingKind::GeneralAssembly);
    let before = m.counts();
    apply_all(
        &mut m,
        &[
            marked(1, "m02", Excused),
            marked(2, "m06", Excused),
            marked(3, "m08", Excused),
        ],
    );
    let after = m.counts();
    assert_eq!(after.expected_total, before.expected_total);
    assert_eq!(after.expected_full, before.expected_full);
    assert_eq!(after.expected_probationary, before.expected_probationary);
    assert_eq!(after.present_total, 0);
    m.apply(&marked(4, "m01", Present)).expect("marks");
    let input = m
        .vote_input(0, VoteMethod::ShowOfHands, (0, 0, 0), Vec::new(), false)
        .err();
    assert_eq!(
        input,
        Some(ApplyError::NoSuch {
            what: "item",
            index: 0
        })
    );
    m.apply(&item("议题", ItemType::Ordinary)).expect("item");
    let input = m
        .vote_input(0, VoteMethod::ShowOfHands, (1, 0, 0), Vec::new(), false)
        .expect("input");
    assert_eq!(input.entitled_expected, 7);
    assert_eq!(input.entitled_present, 1);
    assert!(input.absent_entitled.contains(&"m02".to_owned()));
    assert!(input.absent_entitled.contains(&"m06".to_owned()));
}

#[test]
fn committee_meeting_body_is_the_committee() {
    let mut m = meeting(MeetingKind::Committee);
    let body: Vec<&str> = m.body().map(|(_, x)| x.id.as_str()).collect();
    assert_eq!(body, ["m01", "m02", "m03", "m04", "m05"]);
    apply_all(
        &mut m,
        &[
            marked(1, "m01", Present),
            marked(2, "m02", Present),
            marked(3, "m03", Late),
            // Not on the committee: attends, but is not part of the body.
            marked(4, "m06", Present),
            item("研究发展对象", ItemType::Ordinary),
        ],
    );
    let c = m.counts();
    assert_eq!((c.expected_total, c.present_total), (5, 3));
    let input = m
        .vote_input(0, VoteMethod::ShowOfHands, (3, 0, 0), Vec::new(), false)
        .expect("input");
    assert_eq!(input.body, VoteBody::Committee);
    assert_eq!((input.entitled_expected, input.entitled_present), (5, 3));
    assert_eq!(input.absent_entitled, ["m04", "m05"]);
    let j = judge(&input).expect("judged");
    assert_eq!(j.outcome, Outcome::Passed);
}

#[test]
fn group_meeting_body_is_the_group() {
    let mut m = meeting(MeetingKind::Group);
    let body: Vec<&str> = m.body().map(|(_, x)| x.id.as_str()).collect();
    assert_eq!(body, ["m01", "m03", "m05", "m07", "m09", "m11"]);
    m.apply(&marked(1, "m09", Present)).expect("marks");
    m.apply(&marked(2, "m02", Present)).expect("marks");
    assert_eq!(
        m.counts(),
        Counts {
            expected_total: 5,
            expected_full: 4,
            expected_probationary: 1,
            present_total: 1,
            present_full: 0,
            present_probationary: 1,
        }
    );
    m.apply(&item("讨论", ItemType::Ordinary)).expect("item");
    assert_eq!(
        m.vote_input(0, VoteMethod::ShowOfHands, (0, 0, 0), Vec::new(), false),
        Err(ApplyError::NoVotes)
    );
    // A group meeting without a named group convenes everyone.
    let mut s = setup(MeetingKind::Group, roster());
    s.group = None;
    let all = Meeting::new(s, t(0));
    assert_eq!(all.body().count(), 11);
}

#[test]
fn vote_input_counts_only_full_counted_members_of_the_body() {
    let mut m = meeting(MeetingKind::ThemedDay);
    apply_all(
        &mut m,
        &[
            marked(1, "m01", Present),
            marked(2, "m02", Late),
            marked(3, "m03", Excused),
            marked(4, "m07", Present), // excluded: not entitled-expected
            marked(5, "m08", Present), // probationary: no vote
            marked(6, "m10", Present), // observation: no vote
            marked(7, "m11", Present),
            item("接收李某为预备党员", ItemType::Admission),
        ],
    );
    let input = m
        .vote_input(
            0,
            VoteMethod::SecretBallot,
            (3, 0, 0),
            vec![WrittenOpinion {
                member_id: "m03".into(),
                name: "张志强".into(),
                opinion: Opinion::Yes,
            }],
            false,
        )
        .expect("input");
    assert_eq!(input.body, VoteBody::Assembly);
    assert_eq!(input.item_type, ItemType::Admission);
    assert_eq!(input.entitled_expected, 7);
    assert_eq!(input.entitled_present, 3);
    assert_eq!(input.absent_entitled, ["m03", "m04", "m05", "m06"]);
    let j = judge(&input).expect("judged");
    // 3 present yes + 1 written yes = 4 > 7/2; quorum 3 is not > 3.5.
    assert_eq!(j.yes_counted, 4);
    assert!(!j.quorum_met);
    assert_eq!(j.outcome, Outcome::NoQuorum);
    // Clearing a mark puts the member back among the absent.
    m.apply(&Event::Marked {
        at: t(8),
        member_id: "m01".into(),
        mark: None,
    })
    .expect("clears");
    let input = m
        .vote_input(0, VoteMethod::SecretBallot, (0, 0, 0), Vec::new(), false)
        .expect("input");
    assert_eq!(input.entitled_present, 2);
    assert_eq!(input.absent_entitled[0], "m01");
}

#[test]
fn a_closed_vote_stays_frozen_when_more_members_check_in() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    apply_all(
        &mut m,
        &[
            marked(1, "m01", Present),
            marked(2, "m02", Present),
            marked(3, "m03", Present),
            marked(4, "m04", Present),
            item("修缮活动室", ItemType::Ordinary),
        ],
    );
    let input = m
        .vote_input(0, VoteMethod::ShowOfHands, (4, 0, 0), Vec::new(), false)
        .expect("input");
    let j = judge(&input).expect("judged");
    assert_eq!((input.entitled_expected, input.entitled_present), (7, 4));
    assert_eq!(j.outcome, Outcome::Passed);
    let record = VoteRecord::freeze(&input, &j, t(100));
    m.apply(&Event::VoteClosed {
        index: 0,
        vote: record.clone(),
    })
    .expect("closes");
    apply_all(
        &mut m,
        &[
            marked(110, "m05", Late),
            marked(120, "m06", Late),
            marked(130, "m11", Late),
        ],
    );
    assert_eq!(m.counts().present_full, 7);
    assert_eq!(m.items[0].vote.as_ref(), Some(&record));
    // A second close of the same item is refused and changes nothing.
    let before = m.clone();
    assert_eq!(
        m.apply(&Event::VoteClosed {
            index: 0,
            vote: record.clone(),
        }),
        Err(ApplyError::AlreadyVoted(0))
    );
    assert_eq!(m, before);
    let last = m
        .timeline
        .iter()
        .rfind(|e| e.event == TimelineEvent::VoteClosed);
    assert_eq!(
        last.map(|e| (e.at, e.detail.as_str())),
        Some((t(100), "passed"))
    );
}

#[test]
fn votes_are_refused_where_the_kind_holds_none() {
    for kind in [
        MeetingKind::Group,
        MeetingKind::Lecture,
        MeetingKind::LifeMeeting,
    ] {
        let mut m = meeting(kind);
        m.apply(&item("讨论", ItemType::Ordinary)).expect("item");
        let input = VoteInput {
            body: VoteBody::Assembly,
            item_type: ItemType::Ordinary,
            method: VoteMethod::ShowOfHands,
            entitled_expected: 1,
            entitled_present: 1,
            yes: 1,
            no: 0,
            abstain: 0,
            written: Vec::new(),
            absent_entitled: Vec::new(),
            deferred: false,
            settings: RuleSettings::default(),
            ballots: None,
        };
        let j = judge(&input).expect("judged");
        let before = m.clone();
        assert_eq!(
            m.apply(&Event::VoteClosed {
                index: 0,
                vote: VoteRecord::freeze(&input, &j, t(5)),
            }),
            Err(ApplyError::NoVotes),
            "{kind:?}"
        );
        assert_eq!(m, before);
    }
}

// ---- time ----

#[test]
fn stage_time_accumulates_across_re_entry() {
    let mut m = meeting(MeetingKind::ThemedDay);
    apply_all(
        &mut m,
        &[
            Event::StageStarted { at: t(0), index: 0 },
            Event::StageStarted {
                at: t(60),
                index: 1,
            },
            Event::StageStarted {
                at: t(100),
                index: 0,
            },
            Event::StageStarted {
                at: t(130),
                index: 1,
            },
            Event::StageStarted {
                at: t(200),
                index: 1,
            },
        ],
    );
    assert_eq!(m.agenda[0].actual_seconds, 90);
    assert_eq!(m.agenda[0].started_at, Some(t(0)));
    assert_eq!(m.agenda[0].ended_at, Some(t(130)));
    // Re-entering the running stage closes and reopens it without losing time.
    assert_eq!(m.agenda[1].actual_seconds, 40 + 70);
    assert_eq!(m.current_stage, Some(1));
    assert_eq!(m.stage_since, Some(t(200)));
    assert_eq!(m.agenda[1].ended_at, None);
    m.apply(&Event::Ended { at: t(260) }).expect("ends");
    assert_eq!(m.agenda[1].actual_seconds, 170);
    assert_eq!(m.agenda[1].ended_at, Some(t(260)));
    assert_eq!(m.current_stage, None);
    // Check-in runs before the meeting starts; the next stage starts it.
    assert_eq!(m.started_at, Some(t(60)));
    assert_eq!(m.ended_at, Some(t(260)));
    assert_eq!(m.agenda[2].actual_seconds, 0);
    assert_eq!(m.agenda[0].planned_seconds, 5 * 60);
    let stages = m
        .timeline
        .iter()
        .filter(|e| e.event == TimelineEvent::StageStarted)
        .count();
    assert_eq!(stages, 5);
}

#[test]
fn a_clock_going_backwards_never_counts_negative_time() {
    let mut m = meeting(MeetingKind::ThemedDay);
    apply_all(
        &mut m,
        &[
            Event::StageStarted {
                at: t(100),
                index: 0,
            },
            Event::StageStarted {
                at: t(40),
                index: 1,
            },
        ],
    );
    assert_eq!(m.agenda[0].actual_seconds, 0);
}

#[test]
fn topic_timers_run_one_at_a_time() {
    let mut m = meeting(MeetingKind::ThemedDay);
    let topic = |title: &str| Event::TopicAdded {
        title: title.to_owned(),
        presenter: "李秀英".into(),
        material: "《中国共产党支部工作条例（试行）》".into(),
    };
    let timer = |at, index, running| Event::TopicTimer {
        at: t(at),
        index,
        running,
    };
    apply_all(
        &mut m,
        &[
            topic("学习条例第五章"),
            topic("学习党章"),
            timer(0, 0, true),
            // Starting topic 1 stops topic 0.
            timer(30, 1, true),
            timer(50, 1, false),
            // Stopping a stopped timer changes nothing.
            timer(55, 1, false),
            timer(60, 0, true),
        ],
    );
    assert_eq!(m.study[0].duration_seconds, 30);
    assert_eq!(m.study[1].duration_seconds, 20);
    assert_eq!(m.study[0].timer_since, Some(t(60)));
    m.apply(&Event::Ended { at: t(100) }).expect("ends");
    assert_eq!(m.study[0].duration_seconds, 70);
    assert_eq!(m.study[0].timer_since, None);
}

// ---- text ----

#[test]
fn splice_edits_on_chinese_text() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    apply_all(
        &mut m,
        &[
            item("修缮活动室", ItemType::Ordinary),
            edit(TextField::Summary, 0, 0, "会议学习了条例。"),
            edit(TextField::Summary, 4, 0, "新修订的"),
            edit(
                TextField::ItemNotes(0),
                0,
                0,
                "欧阳明轩：同意，建议预算公开。",
            ),
            edit(TextField::ItemNotes(0), 5, 2, "赞成"),
            edit(TextField::ItemDecision(0), 0, 0, "同意修缮 👍"),
            edit(TextField::StageNotes(2), 0, 0, "议事顺利"),
        ],
    );
    assert_eq!(m.summary, "会议学习新修订的了条例。");
    assert_eq!(m.text(TextField::Summary), m.summary);
    assert_eq!(m.items[0].notes, "欧阳明轩：赞成，建议预算公开。");
    // Delete the emoji (one char, four bytes) at the end.
    m.apply(&edit(TextField::ItemDecision(0), 5, 1, ""))
        .expect("edit");
    assert_eq!(m.items[0].decision, "同意修缮 ");
    assert_eq!(m.agenda[2].notes, "议事顺利");
    assert_eq!(m.text(TextField::StudyNotes(0)), "");
    // Splice::between and apply round-trip through the meeting.
    let old = m.summary.clone();
    let new = "会议认真学习了新修订的条例。";
    let splice = Splice::between(&old, new).expect("differs");
    m.apply(&Event::TextEdited {
        target: TextField::Summary,
        splice,
    })
    .expect("edit");
    assert_eq!(m.summary, new);
}

#[test]
fn bad_edits_and_indices_leave_the_meeting_unchanged() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    apply_all(
        &mut m,
        &[
            marked(1, "m01", Present),
            item("修缮活动室", ItemType::Ordinary),
            edit(TextField::Summary, 0, 0, "支部党员大会"),
            Event::GuestAdded {
                at: t(2),
                guest: Guest {
                    name: "钱多多".into(),
                    identity: "入党积极分子".into(),
                },
            },
        ],
    );
    let no = |what, index| ApplyError::NoSuch { what, index };
    let vote = {
        let input = m
            .vote_input(0, VoteMethod::ShowOfHands, (1, 0, 0), Vec::new(), false)
            .expect("input");
        VoteRecord::freeze(&input, &judge(&input).expect("judged"), t(3))
    };
    let bad: Vec<(Event, ApplyError)> = vec![
        (
            created(MeetingKind::GeneralAssembly),
            ApplyError::AlreadyCreated,
        ),
        (Event::StageStarted { at: t(5), index: 4 }, no("stage", 4)),
        (
            marked(5, "m99", Present),
            ApplyError::NoMember("m99".into()),
        ),
        (Event::GuestRemoved { index: 1 }, no("guest", 1)),
        (
            Event::TopicTimer {
                at: t(5),
                index: 0,
                running: true,
            },
            no("topic", 0),
        ),
        (edit(TextField::Summary, 7, 0, "x"), ApplyError::BadSplice),
        (edit(TextField::Summary, 5, 2, ""), ApplyError::BadSplice),
        (
            edit(TextField::Summary, usize::MAX, 1, ""),
            ApplyError::BadSplice,
        ),
        (edit(TextField::ItemNotes(1), 0, 0, "x"), no("item", 1)),
        (edit(TextField::ItemDecision(3), 0, 0, "x"), no("item", 3)),
        (edit(TextField::StudyNotes(0), 0, 0, "x"), no("topic", 0)),
        (edit(TextField::StageNotes(9), 0, 0, "x"), no("stage", 9)),
        (
            Event::VoteClosed {
                index: 1,
                vote: vote.clone(),
            },
            no("item", 1),
        ),
        (
            Event::ActionAdded {
                action: ActionItem {
                    task: "联系施工队".into(),
                    owner: PersonRef {
                        member_id: None,
                        name: "王建国".into(),
                    },
                    due: None,
                    item: Some(1),
                },
            },
            no("item", 1),
        ),
        (Event::ActionRemoved { index: 0 }, no("action", 0)),
    ];
    for (event, error) in bad {
        let before = m.clone();
        assert_eq!(m.apply(&event), Err(error), "{event:?}");
        assert_eq!(m, before, "{event:?} changed the meeting");
    }
    // After finalizing, nothing applies any more.
    m.apply(&Event::Finalized {
        at: t(10),
        path: "minutes/x.json".into(),
        digest: "00".into(),
    })
    .expect("finalizes");
    let before = m.clone();
    assert_eq!(
        m.apply(&marked(11, "m02", Present)),
        Err(ApplyError::Finalized)
    );
    assert_eq!(m, before);
}

#[test]
fn replay_needs_a_created_event_first_and_reports_what_it_skips() {
    assert_eq!(
        Meeting::replay(&[marked(1, "m01", Present)]).map(|_| ()),
        Err(ApplyError::NotCreated)
    );
    assert_eq!(
        Meeting::replay(&[]).map(|_| ()),
        Err(ApplyError::NotCreated)
    );
    let events = [
        created(MeetingKind::GeneralAssembly),
        marked(1, "m01", Present),
        marked(2, "nobody", Present),
        Event::GuestRemoved { index: 0 },
        marked(3, "m02", Present),
    ];
    let (m, skipped) = Meeting::replay(&events).expect("replays");
    assert_eq!(
        skipped,
        [
            (2, ApplyError::NoMember("nobody".into())),
            (
                3,
                ApplyError::NoSuch {
                    what: "guest",
                    index: 0
                }
            )
        ]
    );
    assert_eq!(m.counts().present_total, 2);
}

#[test]
fn details_set_changes_the_header() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    let delegate = PersonRef {
        member_id: Some("m02".into()),
        name: "李秀英".into(),
    };
    m.apply(&Event::DetailsSet {
        title: "第一季度党员大会".into(),
        theme: String::new(),
        place: "村委会议室".into(),
        chair: Some(delegate.clone()),
        chair_delegated_by: m.setup.chair.clone(),
        recorder: None,
    })
    .expect("sets");
    assert_eq!(m.setup.title, "第一季度党员大会");
    assert_eq!(m.setup.chair, Some(delegate));
    assert_eq!(
        m.setup.chair_delegated_by.as_ref().map(|p| p.name.as_str()),
        Some("王建国")
    );
    assert_eq!(m.setup.recorder, None);
}

// ---- replay = state, through memory and through the journal ----

/// One generated step: a selector and some numbers, turned into an event by [`make_event`].
pub(crate) type Step = (u8, u8, u8, String);

pub(crate) fn arb_steps(max: usize) -> impl Strategy<Value = Vec<Step>> {
    prop::collection::vec(
        (
            0u8..16,
            any::<u8>(),
            any::<u8>(),
            "[a-z党员大会 ，。\n]{0,6}",
        ),
        0..max,
    )
}

/// The event for step `i` (timestamps rise by 7 s per step). Indices are kept small so most events
/// fit; the rest are refused by the meeting and filtered out by the callers that want valid ones.
pub(crate) fn make_event(i: usize, (sel, a, b, text): &Step) -> Event {
    let at = t(i64::try_from(i).expect("small") * 7);
    let ids = [
        "m01", "m02", "m03", "m04", "m05", "m06", "m07", "m08", "m09", "m10", "m11",
    ];
    let small = usize::from(*a % 4);
    match sel {
        0..=3 => Event::Marked {
            at,
            member_id: ids[usize::from(*a) % ids.len()].to_owned(),
            mark: (b % 5 != 4).then(|| mark(AttendanceStatus::ALL[usize::from(b % 4)])),
        },
        4 => Event::StageStarted {
            at,
            index: usize::from(*a % 5),
        },
        5 => Event::GuestAdded {
            at,
            guest: Guest {
                name: format!("列席{text}"),
                identity: "群众".into(),
            },
        },
        6 => Event::GuestRemoved { index: small },
        7 => Event::TopicAdded {
            title: format!("学习{text}"),
            presenter: "李秀英".into(),
            material: String::new(),
        },
        8 => Event::TopicTimer {
            at,
            index: small,
            running: b % 2 == 0,
        },
        9 | 10 => {
            let target = match b % 5 {
                0 => TextField::Summary,
                1 => TextField::StudyNotes(small),
                2 => TextField::ItemNotes(small),
                3 => TextField::ItemDecision(small),
                _ => TextField::StageNotes(small),
            };
            Event::TextEdited {
                target,
                splice: Splice {
                    start: usize::from(*a % 8),
                    delete: usize::from(b / 64),
                    insert: text.clone(),
                },
            }
        }
        11 => Event::ItemAdded {
            title: format!("议题{text}"),
            item_type: ItemType::ALL[usize::from(b % 5)],
            stage: None,
            source: Some(ItemSource::ALL[usize::from(b % 5)]),
            candidate: None,
        },
        12 => {
            let input = VoteInput {
                body: VoteBody::Assembly,
                item_type: ItemType::Ordinary,
                method: VoteMethod::ALL[usize::from(b % 4)],
                entitled_expected: 7,
                entitled_present: u32::from(b % 8),
                yes: u32::from(b % 8) / 2,
                no: 0,
                abstain: 0,
                written: Vec::new(),
                absent_entitled: Vec::new(),
                deferred: b % 3 == 0,
                settings: RuleSettings::default(),
                ballots: None,
            };
            let j = judge(&input).expect("valid counts");
            Event::VoteClosed {
                index: small,
                vote: VoteRecord::freeze(&input, &j, at),
            }
        }
        13 => Event::ActionAdded {
            action: ActionItem {
                task: format!("落实{text}"),
                owner: PersonRef {
                    member_id: Some(ids[usize::from(*b) % ids.len()].to_owned()),
                    name: "王建国".into(),
                },
                due: chrono::NaiveDate::from_ymd_opt(2026, 4, u32::from(b % 28) + 1),
                item: (b % 2 == 0).then_some(small),
            },
        },
        14 => Event::ActionRemoved { index: small },
        _ => {
            if b % 2 == 0 {
                Event::Ended { at }
            } else {
                Event::DetailsSet {
                    title: format!("标题{text}"),
                    theme: String::new(),
                    place: "党员活动室".into(),
                    chair: None,
                    chair_delegated_by: None,
                    recorder: Some(PersonRef {
                        member_id: None,
                        name: format!("记录{text}"),
                    }),
                }
            }
        }
    }
}

/// The events of `steps` that the meeting accepts, and the meeting they produce applied one by one.
pub(crate) fn valid_events(kind: MeetingKind, steps: &[Step]) -> (Vec<Event>, Meeting) {
    let first = created(kind);
    let Event::Created { at, setup } = &first else {
        unreachable!("created() makes a Created event")
    };
    let mut meeting = Meeting::new((**setup).clone(), *at);
    let mut events = vec![first.clone()];
    for (i, step) in steps.iter().enumerate() {
        let e = make_event(i + 1, step);
        if meeting.apply(&e).is_ok() {
            events.push(e);
        }
    }
    (events, meeting)
}

fn arb_kind() -> impl Strategy<Value = MeetingKind> {
    prop::sample::select(MeetingKind::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn replay_equals_applying_one_by_one(kind in arb_kind(), steps in arb_steps(120)) {
        let (events, in_memory) = valid_events(kind, &steps);
        let (replayed, skipped) = Meeting::replay(&events).expect("starts with Created");
        prop_assert!(skipped.is_empty(), "{:?}", skipped);
        prop_assert_eq!(&replayed, &in_memory);

        // With the refused events left in, replay skips exactly those and reaches the same state.
        let all: Vec<Event> = std::iter::once(created(kind))
            .chain(steps.iter().enumerate().map(|(i, s)| make_event(i + 1, s)))
            .collect();
        let (replayed_all, skipped_all) = Meeting::replay(&all).expect("starts with Created");
        prop_assert_eq!(&replayed_all, &in_memory);
        prop_assert_eq!(skipped_all.len(), all.len() - events.len());
    }

    #[test]
    fn journal_round_trip_equals_memory(kind in arb_kind(), steps in arb_steps(80)) {
        let (events, in_memory) = valid_events(kind, &steps);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("draft.journal");
        let mut journal = crate::journal::Journal::create(&path, &events[0]).expect("creates");
        for e in &events[1..] {
            journal.append(e).expect("appends");
        }
        drop(journal);
        let (_, reopened, warnings) = crate::journal::Journal::open(&path).expect("opens");
        prop_assert!(warnings.is_empty(), "{:?}", warnings);
        prop_assert_eq!(&reopened, &in_memory);
    }
}

#[test]
fn guests_are_moved_in_the_list_and_a_move_past_the_end_is_refused() {
    let mut m = meeting(MeetingKind::GeneralAssembly);
    let guest = |name: &str| Event::GuestAdded {
        at: t(2),
        guest: Guest {
            name: name.into(),
            identity: "居民代表".into(),
        },
    };
    apply_all(&mut m, &[guest("钱多多"), guest("孙大圣"), guest("李四")]);
    let moved = |from, to| Event::Moved {
        list: ListKind::Guests,
        from,
        to,
    };
    m.apply(&moved(2, 0)).expect("move");
    let names: Vec<&str> = m.guests.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(names, ["李四", "钱多多", "孙大圣"]);
    assert_eq!(
        m.apply(&moved(0, 3)),
        Err(ApplyError::NoSuch {
            what: "guest",
            index: 3
        })
    );
    assert_eq!(m.guests.len(), 3);
}
