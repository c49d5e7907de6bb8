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
    // A careful editor changes the standing round where it is kept twice (`vote` and its round).
    if let Some(items) = v["items"].as_array_mut() {
        for it in items {
            let vote = it["vote"].clone();
            if let Some(last) = it["rounds"].as_array_mut().and_then(|r| r.last_mut()) {
                last["vote"] = vote;
            }
        }
    }
    let digest = digest_without_integrity(&v).expect("digest");
    v["integrity"]["digest"] = json!(digest);
    let checked = check_bytes(&serde_json::to_vec_pretty(&v).expect("bytes"));
    assert!(!checked.is_tampered(), "resealed");
    checked.findings.iter().map(|f| f.problem.code()).collect()
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
                v["items"][0]["vote"]["quorum_comparison"] = json!("at_least_half");
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
                let vote = &mut v["items"][0]["vote"];
                vote["quorum_comparison"] = json!("at_least_half");
                vote["quorum_met"] = json!(true);
                vote["outcome"] = json!("passed");
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
                let vote = &mut v["items"][0]["vote"];
                vote["committee_pass"] = json!("present");
                vote["yes_needed"] = json!(2);
                vote["outcome"] = json!("passed");
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
