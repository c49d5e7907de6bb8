//! A vote taken the way the program takes it (attendance → `vote_input` → `judge` → frozen record),
//! then more check-ins, then finalize: the file's checker must agree with the vote.

use proptest::prelude::*;

use crate::domain::meeting::tests::{created, mark, marked, t};
use crate::domain::rules::{Opinion, VoteMethod, judge};
use crate::domain::{
    AttendanceStatus, Event, ItemType, Meeting, MeetingKind, VoteRecord, WrittenOpinion,
};
use crate::minutes::{build, check_bytes, to_bytes};

const VOTE_CODES: [&str; 9] = [
    "expected_mismatch",
    "present_exceeds_check_ins",
    "present_below_check_ins",
    "written_from_present",
    "vote_rejected",
    "rule_mismatch",
    "quorum_mismatch",
    "threshold_mismatch",
    "outcome_contradicts",
];

fn vote_findings(meeting: &Meeting) -> Vec<String> {
    let (bytes, _) = to_bytes(&build(meeting, t(9000))).expect("canonical");
    let checked = check_bytes(&bytes);
    assert!(!checked.is_tampered());
    checked
        .findings
        .iter()
        .filter(|f| VOTE_CODES.contains(&f.problem.code()))
        .map(|f| format!("{:?}", f.problem))
        .collect()
}

fn close_vote(
    m: &mut Meeting,
    item: usize,
    yna: (u32, u32, u32),
    written: Vec<WrittenOpinion>,
    at: i64,
) -> VoteRecord {
    let method = if m.items[item].item_type.is_membership() {
        VoteMethod::SecretBallot
    } else {
        VoteMethod::ShowOfHands
    };
    let input = m
        .vote_input(item, method, yna, written, false)
        .expect("input");
    let j = judge(&input).expect("judged");
    let vote = VoteRecord::freeze(&input, &j, t(at));
    m.apply(&Event::VoteClosed {
        index: item,
        vote: vote.clone(),
    })
    .expect("closes");
    vote
}

fn item(item_type: ItemType) -> Event {
    Event::ItemAdded {
        title: "接收周永平为预备党员".into(),
        item_type,
        stage: None,
        source: None,
        candidate: None,
    }
}

#[test]
fn a_written_opinion_from_a_member_who_arrives_after_the_vote_still_counts() {
    let (mut m, _) = Meeting::replay(&[created(MeetingKind::GeneralAssembly)]).expect("created");
    for (i, id) in (1..).zip(["m01", "m02", "m04", "m05"]) {
        m.apply(&marked(i, id, AttendanceStatus::Present))
            .expect("marks");
    }
    m.apply(&item(ItemType::Admission)).expect("item");
    let written = vec![WrittenOpinion {
        member_id: "m03".into(),
        name: "张志强".into(),
        opinion: Opinion::Yes,
    }];
    let vote = close_vote(&mut m, 0, (3, 1, 0), written, 600);
    assert_eq!(vote.entitled_present, 4);
    // m03 sent a written opinion before the meeting, then came after the vote after all.
    m.apply(&marked(700, "m03", AttendanceStatus::Late))
        .expect("marks");
    assert_eq!(vote_findings(&m), Vec::<String>::new());
}

#[test]
fn correcting_present_to_late_after_a_vote_keeps_the_arrival_time() {
    let (mut m, _) = Meeting::replay(&[created(MeetingKind::GeneralAssembly)]).expect("created");
    for (i, id) in (1..).zip(["m01", "m02", "m03", "m04"]) {
        m.apply(&marked(i, id, AttendanceStatus::Present))
            .expect("marks");
    }
    m.apply(&item(ItemType::Ordinary)).expect("item");
    close_vote(&mut m, 0, (4, 0, 0), Vec::new(), 600);
    m.apply(&marked(800, "m02", AttendanceStatus::Late))
        .expect("marks");
    assert_eq!(m.marks[1].as_ref().map(|(_, at)| *at), Some(t(2)));
    assert_eq!(
        m.mark_of(1).map(|mk| mk.status),
        Some(AttendanceStatus::Late)
    );
    assert_eq!(vote_findings(&m), Vec::<String>::new());
    // Clearing and marking again is a new arrival.
    m.apply(&Event::Marked {
        at: t(900),
        member_id: "m02".into(),
        mark: None,
    })
    .expect("clears");
    m.apply(&marked(950, "m02", AttendanceStatus::Present))
        .expect("marks");
    assert_eq!(m.marks[1].as_ref().map(|(_, at)| *at), Some(t(950)));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn the_checker_agrees_with_votes_taken_live(
        kind in prop::sample::select(vec![
            MeetingKind::GeneralAssembly, MeetingKind::ThemedDay, MeetingKind::Committee,
        ]),
        before in prop::collection::vec(0u8..6, 11),
        after in prop::collection::vec(0u8..4, 11),
        membership in any::<bool>(),
        split in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
        opinions in prop::collection::vec(0u8..4, 11),
    ) {
        let (mut m, _) = Meeting::replay(&[created(kind)]).expect("created");
        let ids: Vec<String> = m.members().iter().map(|x| x.id.clone()).collect();
        // Check-in before the vote: present, late, excused, absent or unmarked.
        for ((i, id), s) in (1..).zip(&ids).zip(&before) {
            if let Some(&status) = AttendanceStatus::ALL.get(usize::from(*s)) {
                m.apply(&Event::Marked { at: t(i), member_id: id.clone(), mark: Some(mark(status)) })
                    .expect("marks");
            }
        }
        let item_type = if membership && kind != MeetingKind::Committee {
            ItemType::FullMembership
        } else {
            ItemType::Ordinary
        };
        m.apply(&item(item_type)).expect("item");
        let probe = m
            .vote_input(0, VoteMethod::SecretBallot, (0, 0, 0), Vec::new(), false)
            .expect("input");
        let p = probe.entitled_present;
        let yes = split.0.index(p as usize + 1) as u32;
        let no = split.1.index((p - yes) as usize + 1) as u32;
        let written: Vec<WrittenOpinion> = if item_type.is_membership() {
            probe
                .absent_entitled
                .iter()
                .zip(&opinions)
                .filter_map(|(id, o)| {
                    let opinion = [Opinion::Yes, Opinion::No, Opinion::Abstain].get(usize::from(*o))?;
                    Some(WrittenOpinion { member_id: id.clone(), name: id.clone(), opinion: *opinion })
                })
                .collect()
        } else {
            Vec::new()
        };
        close_vote(&mut m, 0, (yes, no, p - yes - no), written, 600);
        // After the vote: late arrivals, and corrections between present and late.
        for ((i, id), s) in (700..).zip(&ids).zip(&after) {
            let idx = m.member_index(id).expect("member");
            let status = match s {
                0 => AttendanceStatus::Late,
                1 => AttendanceStatus::Present,
                _ => continue,
            };
            if m.attended(idx) || *s == 0 {
                m.apply(&Event::Marked { at: t(i), member_id: id.clone(), mark: Some(mark(status)) })
                    .expect("marks");
            }
        }
        m.apply(&Event::Ended { at: t(2000) }).expect("ends");
        prop_assert_eq!(vote_findings(&m), Vec::<String>::new());
    }
}
