//! Hand edits that the rules must catch, as a reviewer meets them: a file built the way the program
//! builds it, edited the way someone with a text editor would, the digest recomputed so that it
//! seals the edit. Each row names the rule it holds the file to and the finding it must give.

use serde_json::{Value, json};

use crate::domain::meeting::tests::{created, marked, roster, setup, t};
use crate::domain::rules::{QuorumComparison, RuleSettings, VoteMethod, judge};
use crate::domain::{
    AttendanceStatus, Event, ItemType, Meeting, MeetingKind, Opinion, VoteRecord, WrittenOpinion,
};
use crate::minutes::canonical::digest_without_integrity;
use crate::minutes::{build, check_bytes, to_bytes};

/// A meeting with `present` members checked in and one item voted on by `yna` (plus `written`).
fn voted(
    first: Event,
    present: &[&str],
    item_type: ItemType,
    yna: (u32, u32, u32),
    written: &[(&str, &str)],
) -> Meeting {
    let (mut m, _) = Meeting::replay(&[first]).expect("created");
    for (i, id) in (1..).zip(present) {
        m.apply(&marked(i, id, AttendanceStatus::Present))
            .expect("marks");
    }
    m.apply(&Event::ItemAdded {
        title: "议题".into(),
        item_type,
        stage: None,
        source: None,
        candidate: None,
    })
    .expect("item");
    let method = if item_type.is_membership() {
        VoteMethod::SecretBallot
    } else {
        VoteMethod::ShowOfHands
    };
    let written = written
        .iter()
        .map(|(id, name)| WrittenOpinion {
            member_id: (*id).to_owned(),
            name: (*name).to_owned(),
            opinion: Opinion::Yes,
        })
        .collect();
    let input = m.vote_input(0, method, yna, written, false).expect("input");
    let j = judge(&input).expect("judged");
    m.apply(&Event::VoteClosed {
        index: 0,
        vote: VoteRecord::freeze(&input, &j, t(600)),
    })
    .expect("closes");
    m
}

/// Build the file, apply `edit` to its JSON, recompute the digest, and list the findings' codes.
fn codes_after(m: &Meeting, edit: impl FnOnce(&mut Value)) -> Vec<&'static str> {
    let (bytes, _) = to_bytes(&build(m, t(9000))).expect("canonical");
    let mut v: Value = serde_json::from_slice(&bytes).expect("json");
    edit(&mut v);
    let digest = digest_without_integrity(&v).expect("digest");
    v["integrity"]["digest"] = json!(digest);
    let checked = check_bytes(&serde_json::to_vec_pretty(&v).expect("bytes"));
    assert!(!checked.is_tampered(), "resealed");
    checked.findings.iter().map(|f| f.problem.code()).collect()
}

/// Edit item `i`'s standing vote where a careful editor would: in `vote` and in its round.
fn edit_vote(v: &mut Value, i: usize, f: impl Fn(&mut Value)) {
    f(&mut v["items"][i]["vote"]);
    if let Some(last) = v["items"][i]["rounds"]
        .as_array_mut()
        .and_then(|r| r.last_mut())
    {
        f(&mut last["vote"]);
    }
}

struct Row {
    cite: &'static str,
    what: &'static str,
    meeting: Meeting,
    edit: Box<dyn FnOnce(&mut Value)>,
    /// Codes that must be found (errors unless said otherwise).
    want: &'static [&'static str],
}

fn run(rows: Vec<Row>) {
    for r in rows {
        let untouched = codes_after(&r.meeting, |_| {});
        for w in r.want {
            assert!(
                !untouched.contains(w),
                "{} — {}: the file as built already has {w}: {untouched:?}",
                r.cite,
                r.what
            );
        }
        let got = codes_after(&r.meeting, r.edit);
        for w in r.want {
            assert!(
                got.contains(w),
                "{} — {}: want {w}, got {got:?}",
                r.cite,
                r.what
            );
        }
    }
}

/// The demo roster with m07 counted as well: eight entitled voters (m01–m07, m11).
fn eight_entitled(settings: RuleSettings) -> Event {
    let mut r = roster();
    r.members[6].exclusion = None;
    let mut s = setup(MeetingKind::GeneralAssembly, r);
    s.settings = settings;
    Event::Created {
        at: t(0),
        setup: Box::new(s),
    }
}

#[test]
fn hand_edits_the_rules_catch() {
    let at_least_half = RuleSettings {
        quorum: QuorumComparison::AtLeastHalf,
        ..RuleSettings::default()
    };
    run(vec![
        Row {
            cite: "条例 第十一条; the record's own settings",
            what: "an ordinary decision re-frozen with at_least_half while the file declares more_than_half",
            meeting: voted(
                created(MeetingKind::GeneralAssembly),
                &["m01", "m02", "m03", "m04"],
                ItemType::Ordinary,
                (4, 0, 0),
                &[],
            ),
            edit: Box::new(|v| {
                edit_vote(v, 0, |vote| {
                    vote["quorum_comparison"] = json!("at_least_half");
                });
            }),
            want: &["frozen_settings_differ"],
        },
        Row {
            cite: "细则 第二十条 (membership: P > E/2 whatever the setting)",
            what: "admission at E=8, P=4 with three written yes recorded passed under at_least_half",
            meeting: voted(
                eight_entitled(at_least_half),
                &["m01", "m02", "m03", "m04"],
                ItemType::Admission,
                (3, 1, 0),
                &[("m05", "陈国华"), ("m06", "杨春梅"), ("m07", "赵德胜")],
            ),
            edit: Box::new(|v| {
                edit_vote(v, 0, |vote| {
                    vote["quorum_comparison"] = json!("at_least_half");
                    vote["quorum_met"] = json!(true);
                    vote["outcome"] = json!("passed");
                });
            }),
            want: &[
                "frozen_settings_differ",
                "quorum_mismatch",
                "outcome_contradicts",
            ],
        },
        Row {
            cite: "条例 第十二条; committee_pass is the branch's setting (default all_members)",
            what: "committee of 5, 3 present, Y=2 N=1 re-frozen as passed with committee_pass: present",
            meeting: voted(
                created(MeetingKind::Committee),
                &["m01", "m02", "m03"],
                ItemType::Ordinary,
                (2, 1, 0),
                &[],
            ),
            edit: Box::new(|v| {
                edit_vote(v, 0, |vote| {
                    vote["committee_pass"] = json!("present");
                    vote["yes_needed"] = json!(2);
                    vote["outcome"] = json!("passed");
                });
            }),
            want: &["frozen_settings_differ"],
        },
        Row {
            cite: "domain-rules 应到会 (superior organisation's approval); roster import refuses the same",
            what: "a member left out of 应到会 with a blank approval reference",
            meeting: voted(
                created(MeetingKind::GeneralAssembly),
                &["m01", "m02", "m03", "m04"],
                ItemType::Ordinary,
                (4, 0, 0),
                &[],
            ),
            edit: Box::new(|v| {
                let rows = v["attendance"].as_array_mut().expect("attendance");
                let m07 = rows
                    .iter_mut()
                    .find(|a| a["member_id"] == "m07")
                    .expect("m07");
                m07["exclusion"]["approval_ref"] = json!("  ");
            }),
            want: &["exclusion_without_approval"],
        },
    ]);
}

/// The committee vote of the table as the program records it is a failed motion (2 is not more
/// than half of 5), and the file says so without findings.
#[test]
fn the_committee_vote_as_recorded_stands() {
    let m = voted(
        created(MeetingKind::Committee),
        &["m01", "m02", "m03"],
        ItemType::Ordinary,
        (2, 1, 0),
        &[],
    );
    let vote = m.items[0].vote.as_ref().expect("voted");
    assert_eq!(vote.outcome, crate::domain::Outcome::Failed);
    let (bytes, _) = to_bytes(&build(&m, t(9000))).expect("canonical");
    let checked = check_bytes(&bytes);
    assert!(checked.is_valid(), "{:?}", checked.findings);
}

/// A general assembly with what format v2 adds: m06 leaves before the votes; item 1's first round
/// is annulled and held again; item 2 is deferred with its reason; item 3 is an admission by secret
/// ballot with its tally.
fn v2_meeting() -> Meeting {
    let (mut m, _) = Meeting::replay(&[created(MeetingKind::GeneralAssembly)]).expect("created");
    for (i, id) in (1..).zip(["m01", "m02", "m03", "m04", "m05", "m06", "m11"]) {
        m.apply(&marked(i, id, AttendanceStatus::Present))
            .expect("marks");
    }
    m.apply(&Event::Left {
        at: t(300),
        member_id: "m06".into(),
        reason: "家中有事".into(),
    })
    .expect("leaves");
    for (title, item_type) in [
        ("修缮文化广场", ItemType::Ordinary),
        ("调整承包方案", ItemType::Ordinary),
        ("接收预备党员", ItemType::Admission),
    ] {
        m.apply(&Event::ItemAdded {
            title: title.into(),
            item_type,
            stage: None,
            source: None,
            candidate: None,
        })
        .expect("item");
    }
    let close = |m: &mut Meeting, index, method, yna, deferred, at| {
        let mut input = m
            .vote_input(index, method, yna, Vec::new(), deferred)
            .expect("input");
        if method == VoteMethod::SecretBallot {
            let p = input.entitled_present;
            input.ballots = Some(crate::domain::Ballots {
                issued: p,
                returned: p,
                valid: p,
                invalid: 0,
                scrutineers: vec![crate::domain::PersonRef::member(&m.members()[0])],
                counters: vec![crate::domain::PersonRef::member(&m.members()[1])],
            });
        }
        let j = judge(&input).expect("judged");
        let mut vote = VoteRecord::freeze(&input, &j, t(at));
        if deferred {
            vote.deferred_reason = "意见分歧较大".into();
        }
        m.apply(&Event::VoteClosed { index, vote }).expect("closes");
    };
    close(&mut m, 0, VoteMethod::ShowOfHands, (6, 0, 0), false, 600);
    m.apply(&Event::VoteAnnulled {
        at: t(610),
        index: 0,
        round: 0,
        reason: "漏计一票弃权".into(),
    })
    .expect("annuls");
    close(&mut m, 0, VoteMethod::ShowOfHands, (5, 0, 1), false, 620);
    close(&mut m, 1, VoteMethod::ShowOfHands, (0, 0, 0), true, 700);
    close(&mut m, 2, VoteMethod::SecretBallot, (5, 1, 0), false, 800);
    m
}

fn corrected() -> Meeting {
    let mut s = setup(MeetingKind::GeneralAssembly, roster());
    s.supersedes = Some(uuid::Uuid::from_u128(7));
    s.correction_reason = "原记录出勤登记有误".into();
    let (mut m, _) = Meeting::replay(&[Event::Created {
        at: t(0),
        setup: Box::new(s),
    }])
    .expect("created");
    m.apply(&marked(1, "m01", AttendanceStatus::Present))
        .expect("marks");
    m
}

#[test]
fn hand_edits_of_what_v2_adds_the_rules_catch() {
    const LEFT: &str =
        "domain-rules 早退: a vote's P is the entitled members checked in before it and not gone";
    const REVOTE: &str = "domain-rules Re-voting: a round entered wrongly is annulled with a reason; a new one stands";
    const BALLOT: &str = "domain-rules Secret ballots (选举工作条例 第二十二条): issued ≤ P, returned ≤ issued, valid = Y + N + A";
    const DEFER: &str = "党章 第十七条 (暂缓表决): a deferral carries a reason and no counts";
    run(vec![
        Row {
            cite: LEFT,
            what: "P re-counted with the member who left before the vote",
            meeting: v2_meeting(),
            edit: Box::new(|v| {
                edit_vote(v, 0, |vote| vote["entitled_present"] = json!(7));
            }),
            want: &["present_exceeds_check_ins"],
        },
        Row {
            cite: LEFT,
            what: "leaving after the meeting ended",
            meeting: v2_meeting(),
            edit: Box::new(|v| {
                let rows = v["attendance"].as_array_mut().expect("attendance");
                let m06 = rows
                    .iter_mut()
                    .find(|a| a["member_id"] == "m06")
                    .expect("m06");
                m06["left_at"] = json!("2099-01-01T00:00:00+08:00");
            }),
            want: &["left_inconsistent"],
        },
        Row {
            cite: REVOTE,
            what: "an annulled round whose reason was erased",
            meeting: v2_meeting(),
            edit: Box::new(|v| v["items"][0]["rounds"][0]["annulled"]["reason"] = json!(" ")),
            want: &["annulled_without_reason"],
        },
        Row {
            cite: REVOTE,
            what: "the annulled round put back as the one that stands",
            meeting: v2_meeting(),
            edit: Box::new(|v| v["items"][0]["vote"] = v["items"][0]["rounds"][0]["vote"].clone()),
            want: &["standing_round_wrong"],
        },
        Row {
            cite: BALLOT,
            what: "more ballots returned than issued",
            meeting: v2_meeting(),
            edit: Box::new(|v| {
                edit_vote(v, 2, |vote| vote["ballots"]["returned"] = json!(7));
            }),
            want: &["vote_rejected"],
        },
        Row {
            cite: BALLOT,
            what: "valid ballots that are not yes + no + abstain",
            meeting: v2_meeting(),
            edit: Box::new(|v| {
                edit_vote(v, 2, |vote| {
                    vote["ballots"]["valid"] = json!(5);
                    vote["ballots"]["invalid"] = json!(1);
                });
            }),
            want: &["vote_rejected"],
        },
        Row {
            cite: BALLOT,
            what: "more ballots issued than entitled voters present",
            meeting: v2_meeting(),
            edit: Box::new(|v| {
                edit_vote(v, 2, |vote| {
                    vote["ballots"]["issued"] = json!(7);
                });
            }),
            want: &["vote_rejected"],
        },
        Row {
            cite: DEFER,
            what: "a deferral given counts",
            meeting: v2_meeting(),
            edit: Box::new(|v| edit_vote(v, 1, |vote| vote["yes"] = json!(3))),
            want: &["deferred_with_counts"],
        },
        Row {
            cite: DEFER,
            what: "a deferral without its reason",
            meeting: v2_meeting(),
            edit: Box::new(|v| edit_vote(v, 1, |vote| vote["deferred_reason"] = json!(""))),
            want: &["deferred_without_reason"],
        },
        Row {
            cite: "DESIGN §3 format v2: corrections carry supersedes and a required reason (更正原因)",
            what: "a correction whose reason was removed",
            meeting: corrected(),
            edit: Box::new(|v| {
                v.as_object_mut()
                    .expect("object")
                    .remove("correction_reason");
            }),
            want: &["correction_without_reason"],
        },
        Row {
            cite: "DESIGN §3: v1 files stay readable as v1; v2's members exist only in v2",
            what: "a v2 file relabelled as version 1",
            meeting: v2_meeting(),
            edit: Box::new(|v| v["version"] = json!(1)),
            want: &["v2_field_in_v1"],
        },
    ]);
}
