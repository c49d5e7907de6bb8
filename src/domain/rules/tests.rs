//! The rules as tables of cases, each row citing its source in domain-rules.md, and properties of the
//! vote arithmetic.

use super::*;
use proptest::prelude::*;

const STRICT: RuleSettings = RuleSettings {
    quorum: QuorumComparison::MoreThanHalf,
    committee_pass: CommitteePassBase::AllMembers,
};
const AT_LEAST_HALF: RuleSettings = RuleSettings {
    quorum: QuorumComparison::AtLeastHalf,
    committee_pass: CommitteePassBase::AllMembers,
};
const PRESENT_BASE: RuleSettings = RuleSettings {
    quorum: QuorumComparison::MoreThanHalf,
    committee_pass: CommitteePassBase::Present,
};

/// Ids of the absent entitled voters: `a1`, `a2`, … (E − P of them).
fn absent_ids(e: u32, p: u32) -> Vec<String> {
    (1..=e.saturating_sub(p)).map(|i| format!("a{i}")).collect()
}

fn vote(body: VoteBody, item_type: ItemType, e: u32, p: u32, yna: (u32, u32, u32)) -> VoteInput {
    VoteInput {
        body,
        item_type,
        method: if item_type.is_membership() {
            VoteMethod::SecretBallot
        } else {
            VoteMethod::ShowOfHands
        },
        entitled_expected: e,
        entitled_present: p,
        yes: yna.0,
        no: yna.1,
        abstain: yna.2,
        written: Vec::new(),
        absent_entitled: absent_ids(e, p),
        deferred: false,
        settings: STRICT,
        ballots: None,
    }
}

fn written(id: &str, opinion: Opinion) -> WrittenOpinion {
    WrittenOpinion {
        member_id: id.to_owned(),
        name: format!("书面{id}"),
        opinion,
    }
}

/// What a row expects: the outcome with quorum and thresholds, or the refusal.
#[derive(Debug, PartialEq, Eq)]
enum Want {
    Judged {
        outcome: Outcome,
        quorum_met: bool,
        quorum_needed: u32,
        yes_needed: u32,
    },
    Refused(VoteError),
}

fn judged(outcome: Outcome, quorum_met: bool, quorum_needed: u32, yes_needed: u32) -> Want {
    Want::Judged {
        outcome,
        quorum_met,
        quorum_needed,
        yes_needed,
    }
}

struct Case {
    cite: &'static str,
    what: &'static str,
    input: VoteInput,
    want: Want,
}

fn run(cases: &[Case]) {
    for c in cases {
        let got = match judge(&c.input) {
            Ok(j) => Want::Judged {
                outcome: j.outcome,
                quorum_met: j.quorum_met,
                quorum_needed: j.quorum_needed,
                yes_needed: j.yes_needed,
            },
            Err(e) => Want::Refused(e),
        };
        assert_eq!(got, c.want, "{} — {}: {:?}", c.cite, c.what, c.input);
    }
}

fn with(mut input: VoteInput, f: impl FnOnce(&mut VoteInput)) -> VoteInput {
    f(&mut input);
    input
}

use ItemType::{Admission, FullMembership, Ordinary, ProbationCancellation, ProbationExtension};
use Outcome::{Deferred, Failed, NoQuorum, Passed};
use VoteBody::{Assembly, Committee};

#[test]
fn assembly_ordinary_decisions() {
    const C: &str = "条例 第十一条";
    run(&[
        Case {
            cite: "domain-rules worked example; 条例 第十一条",
            what: "E=20 P=11 Y=10 N=1: quorum met, fails (10 is not > 10)",
            input: vote(Assembly, Ordinary, 20, 11, (10, 1, 0)),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "E=20 P=11 Y=11 passes",
            input: vote(Assembly, Ordinary, 20, 11, (11, 0, 0)),
            want: judged(Passed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "denominator is E, not P: E=20 P=12 Y=7 N=5 fails although Y > P/2",
            input: vote(Assembly, Ordinary, 20, 12, (7, 5, 0)),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "even E=20, P=10 is exactly half: no quorum",
            input: vote(Assembly, Ordinary, 20, 10, (10, 0, 0)),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C,
            what: "odd E=21, P=11 is a quorum, Y=11 passes",
            input: vote(Assembly, Ordinary, 21, 11, (11, 0, 0)),
            want: judged(Passed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "odd E=21, Y=10 fails",
            input: vote(Assembly, Ordinary, 21, 21, (10, 11, 0)),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "odd E=21, P=10: no quorum",
            input: vote(Assembly, Ordinary, 21, 10, (10, 0, 0)),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C,
            what: "E=1: the one voter present and voting yes passes",
            input: vote(Assembly, Ordinary, 1, 1, (1, 0, 0)),
            want: judged(Passed, true, 1, 1),
        },
        Case {
            cite: C,
            what: "E=2, P=1: no quorum (1 is not > 1)",
            input: vote(Assembly, Ordinary, 2, 1, (1, 0, 0)),
            want: judged(NoQuorum, false, 2, 2),
        },
        Case {
            cite: C,
            what: "E=3 all present, Y=1 N=1 A=1: abstentions do not help",
            input: vote(Assembly, Ordinary, 3, 3, (1, 1, 1)),
            want: judged(Failed, true, 2, 2),
        },
        Case {
            cite: C,
            what: "E=0 (nobody entitled): no quorum, never a pass",
            input: vote(Assembly, Ordinary, 0, 0, (0, 0, 0)),
            want: judged(NoQuorum, false, 1, 1),
        },
        Case {
            cite: C,
            what: "E=50, P=26, Y=26 passes; Y=25 fails",
            input: vote(Assembly, Ordinary, 50, 26, (26, 0, 0)),
            want: judged(Passed, true, 26, 26),
        },
        Case {
            cite: C,
            what: "E=50, P=26, Y=25 fails",
            input: vote(Assembly, Ordinary, 50, 26, (25, 1, 0)),
            want: judged(Failed, true, 26, 26),
        },
    ]);
}

#[test]
fn quorum_comparison_setting() {
    const C: &str = "domain-rules \"半数以上\" vs \"超过半数\" (a setting); 条例 第十一条";
    run(&[
        Case {
            cite: C,
            what: "AtLeastHalf: E=20 P=10 is a quorum",
            input: with(vote(Assembly, Ordinary, 20, 10, (10, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            // The pass threshold stays strict: Y > E/2.
            want: judged(Failed, true, 10, 11),
        },
        Case {
            cite: C,
            what: "MoreThanHalf (default): E=20 P=10 is not",
            input: vote(Assembly, Ordinary, 20, 10, (10, 0, 0)),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C,
            what: "AtLeastHalf: odd E=21 needs 11 (10 is below half)",
            input: with(vote(Assembly, Ordinary, 21, 10, (10, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C,
            what: "AtLeastHalf: E=2, P=1 is a quorum; Y=1 still fails (1 is not > 1)",
            input: with(vote(Assembly, Ordinary, 2, 1, (1, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            want: judged(Failed, true, 1, 2),
        },
        Case {
            cite: C,
            what: "AtLeastHalf: E=1, P=0 is no quorum (nobody present)",
            input: with(vote(Assembly, Ordinary, 1, 0, (0, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            want: judged(NoQuorum, false, 1, 1),
        },
        Case {
            cite: C,
            what: "AtLeastHalf: E=0 is never a quorum",
            input: with(vote(Assembly, Ordinary, 0, 0, (0, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            want: judged(NoQuorum, false, 1, 1),
        },
        Case {
            cite: "细则 第二十条 (P > E/2 for membership decisions, whatever the setting)",
            what: "AtLeastHalf does not apply to an admission: E=20 P=10 is no quorum",
            input: with(vote(Assembly, Admission, 20, 10, (10, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
                v.written = vec![written("a1", Opinion::Yes)];
            }),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: "细则 第二十条 (P > E/2 for membership decisions, whatever the setting)",
            what: "E=10 P=5 with three written yes: no quorum for an admission under AtLeastHalf",
            input: with(vote(Assembly, Admission, 10, 5, (3, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
                v.written = (1..=3)
                    .map(|i| written(&format!("a{i}"), Opinion::Yes))
                    .collect();
            }),
            want: judged(NoQuorum, false, 6, 6),
        },
        Case {
            cite: "细则 第三十三条 (转正 as admission)",
            what: "AtLeastHalf does not apply to 转正 either: E=20 P=11 Y=11 passes, P=10 does not",
            input: with(vote(Assembly, FullMembership, 20, 10, (10, 0, 0)), |v| {
                v.settings = AT_LEAST_HALF;
            }),
            want: judged(NoQuorum, false, 11, 11),
        },
    ]);
}

#[test]
fn committee_decisions() {
    const C: &str = "条例 第十二条; committee pass base is a setting (no central rule)";
    run(&[
        Case {
            cite: C,
            what: "5 members, 3 present: quorum; Y=3 passes (3 > 5/2)",
            input: vote(Committee, Ordinary, 5, 3, (3, 0, 0)),
            want: judged(Passed, true, 3, 3),
        },
        Case {
            cite: C,
            what: "5 members, 3 present, Y=2 N=1: fails against all members (default)",
            input: vote(Committee, Ordinary, 5, 3, (2, 1, 0)),
            want: judged(Failed, true, 3, 3),
        },
        Case {
            cite: C,
            what: "5 members, 3 present, Y=2 N=1: passes against those present (setting)",
            input: with(vote(Committee, Ordinary, 5, 3, (2, 1, 0)), |v| {
                v.settings = PRESENT_BASE;
            }),
            want: judged(Passed, true, 3, 2),
        },
        Case {
            cite: C,
            what: "5 members, 4 present, Y=2 N=2: fails against those present (2 is not > 2)",
            input: with(vote(Committee, Ordinary, 5, 4, (2, 2, 0)), |v| {
                v.settings = PRESENT_BASE;
            }),
            want: judged(Failed, true, 3, 3),
        },
        Case {
            cite: C,
            what: "5 members, 2 present: no quorum, whatever the votes",
            input: vote(Committee, Ordinary, 5, 2, (2, 0, 0)),
            want: judged(NoQuorum, false, 3, 3),
        },
        Case {
            cite: C,
            what: "5 members, 2 present: no quorum with the Present base either",
            input: with(vote(Committee, Ordinary, 5, 2, (2, 0, 0)), |v| {
                v.settings = PRESENT_BASE;
            }),
            want: judged(NoQuorum, false, 3, 2),
        },
        Case {
            cite: "细则 第二十条: membership is decided by the 党员大会",
            what: "a committee cannot decide an admission",
            input: vote(Committee, Admission, 5, 5, (5, 0, 0)),
            want: Want::Refused(VoteError::MembershipNeedsAssembly),
        },
        Case {
            cite: "细则 第三十三条",
            what: "a committee cannot decide 转正",
            input: vote(Committee, FullMembership, 5, 5, (5, 0, 0)),
            want: Want::Refused(VoteError::MembershipNeedsAssembly),
        },
        Case {
            cite: "细则 第二十一条 (written opinions belong to membership decisions)",
            what: "written opinions are refused on an ordinary committee decision",
            input: with(vote(Committee, Ordinary, 5, 3, (3, 0, 0)), |v| {
                v.written = vec![written("a1", Opinion::Yes)];
            }),
            want: Want::Refused(VoteError::WrittenNotAllowed),
        },
    ]);
}

#[test]
fn membership_decisions() {
    const C20: &str = "细则 第二十条";
    const C21: &str = "细则 第二十一条";
    let mut cases = Vec::new();
    for item in [
        Admission,
        FullMembership,
        ProbationExtension,
        ProbationCancellation,
    ] {
        cases.push(Case {
            cite: "细则 第二十、三十三条: secret ballot mandatory",
            what: "show of hands is refused",
            input: with(vote(Assembly, item, 20, 15, (15, 0, 0)), |v| {
                v.method = VoteMethod::ShowOfHands;
            }),
            want: Want::Refused(VoteError::SecretBallotRequired),
        });
        cases.push(Case {
            cite: "细则 第二十、三十三条: secret ballot mandatory",
            what: "roll call is refused",
            input: with(vote(Assembly, item, 20, 15, (15, 0, 0)), |v| {
                v.method = VoteMethod::RollCall;
            }),
            want: Want::Refused(VoteError::SecretBallotRequired),
        });
        cases.push(Case {
            cite: C20,
            what: "secret ballot, E=20 P=11 Y=11 passes",
            input: vote(Assembly, item, 20, 11, (11, 0, 0)),
            want: judged(Passed, true, 11, 11),
        });
    }
    cases.extend([
        Case {
            cite: C21,
            what: "E=20 P=11 Y=10 + one written yes from an absent full member: 11 > 10, passes",
            input: with(vote(Assembly, Admission, 20, 11, (10, 1, 0)), |v| {
                v.written = vec![written("a3", Opinion::Yes)];
            }),
            want: judged(Passed, true, 11, 11),
        },
        Case {
            cite: C21,
            what: "written no and abstain do not count as yes",
            input: with(vote(Assembly, Admission, 20, 11, (10, 1, 0)), |v| {
                v.written = vec![written("a1", Opinion::No), written("a2", Opinion::Abstain)];
            }),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: C20,
            what: "written opinions never make a quorum: E=20 P=10, 10 written yes",
            input: with(vote(Assembly, Admission, 20, 10, (10, 0, 0)), |v| {
                v.written = (1..=10)
                    .map(|i| written(&format!("a{i}"), Opinion::Yes))
                    .collect();
            }),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C21,
            what: "a written opinion from a member who is present is refused",
            input: with(vote(Assembly, Admission, 20, 11, (10, 0, 0)), |v| {
                v.written = vec![written("present-1", Opinion::Yes)];
            }),
            want: Want::Refused(VoteError::WrittenFromIneligible("书面present-1".into())),
        },
        Case {
            cite: "党章 第七条; 细则 第二十一条",
            what: "a written opinion from a probationary member (not an entitled voter) is refused",
            input: with(vote(Assembly, FullMembership, 20, 11, (10, 0, 0)), |v| {
                v.written = vec![written("probationary-1", Opinion::Yes)];
            }),
            want: Want::Refused(VoteError::WrittenFromIneligible(
                "书面probationary-1".into(),
            )),
        },
        Case {
            cite: C21,
            what: "two written opinions from one member are refused",
            input: with(vote(Assembly, Admission, 20, 11, (10, 0, 0)), |v| {
                v.written = vec![written("a2", Opinion::Yes), written("a2", Opinion::Yes)];
            }),
            want: Want::Refused(VoteError::WrittenDuplicate("书面a2".into())),
        },
        Case {
            cite: "细则 第二十一条 (written opinions belong to membership decisions)",
            what: "written opinions are refused on an ordinary assembly decision",
            input: with(vote(Assembly, Ordinary, 20, 11, (10, 0, 0)), |v| {
                v.written = vec![written("a1", Opinion::Yes)];
            }),
            want: Want::Refused(VoteError::WrittenNotAllowed),
        },
        Case {
            cite: C20,
            what: "E counts only full members: E=3 (full), P=2, Y=2 passes",
            input: vote(Assembly, Admission, 3, 2, (2, 0, 0)),
            want: judged(Passed, true, 2, 2),
        },
    ]);
    run(&cases);
}

#[test]
fn deferral_is_offered_never_forced() {
    const C: &str = "党章 第十七条";
    run(&[
        Case {
            cite: C,
            what: "sides close (8 to 7) and the meeting chooses to defer",
            input: with(vote(Assembly, Ordinary, 20, 15, (8, 7, 0)), |v| {
                v.deferred = true;
            }),
            want: judged(Deferred, true, 11, 11),
        },
        Case {
            cite: C,
            what: "the same counts without the choice are judged: fails",
            input: vote(Assembly, Ordinary, 20, 15, (8, 7, 0)),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "close but passing counts without the choice: passes",
            input: vote(Assembly, Ordinary, 20, 20, (11, 9, 0)),
            want: judged(Passed, true, 11, 11),
        },
        Case {
            cite: C,
            what: "a membership decision may be deferred too",
            input: with(vote(Assembly, Admission, 20, 15, (8, 7, 0)), |v| {
                v.deferred = true;
            }),
            want: judged(Deferred, true, 11, 11),
        },
        Case {
            cite: "条例 第十一条: without a quorum the meeting cannot be held, so it cannot defer",
            what: "no quorum wins over a deferral",
            input: with(vote(Assembly, Ordinary, 20, 10, (5, 5, 0)), |v| {
                v.deferred = true;
            }),
            want: judged(NoQuorum, false, 11, 11),
        },
        Case {
            cite: C,
            what: "the committee may defer",
            input: with(vote(Committee, Ordinary, 5, 4, (2, 2, 0)), |v| {
                v.deferred = true;
            }),
            want: judged(Deferred, true, 3, 3),
        },
    ]);
}

#[test]
fn impossible_counts_are_refused() {
    const C: &str = "domain-rules: Y + N + A ≤ P, impossible counts rejected at entry";
    run(&[
        Case {
            cite: C,
            what: "E=20 P=11, Y=10 N=1 A=1 is 12 votes from 11 voters",
            input: vote(Assembly, Ordinary, 20, 11, (10, 1, 1)),
            want: Want::Refused(VoteError::CountsExceedPresent {
                total: 12,
                present: 11,
            }),
        },
        Case {
            cite: C,
            what: "yes alone above P",
            input: vote(Committee, Ordinary, 5, 3, (4, 0, 0)),
            want: Want::Refused(VoteError::CountsExceedPresent {
                total: 4,
                present: 3,
            }),
        },
        Case {
            cite: C,
            what: "checked before anything else (even a deferral or a bad method)",
            input: with(vote(Assembly, Admission, 20, 11, (12, 0, 0)), |v| {
                v.deferred = true;
                v.method = VoteMethod::Voice;
            }),
            want: Want::Refused(VoteError::CountsExceedPresent {
                total: 12,
                present: 11,
            }),
        },
        Case {
            cite: C,
            what: "sums that would overflow are still refused",
            input: vote(Assembly, Ordinary, 20, 11, (u32::MAX, 1, 0)),
            want: Want::Refused(VoteError::CountsExceedPresent {
                total: u32::MAX,
                present: 11,
            }),
        },
        Case {
            cite: C,
            what: "any vote with nobody present",
            input: vote(Assembly, Ordinary, 20, 0, (0, 0, 1)),
            want: Want::Refused(VoteError::CountsExceedPresent {
                total: 1,
                present: 0,
            }),
        },
        Case {
            cite: C,
            what: "Y + N + A = P exactly is fine",
            input: vote(Assembly, Ordinary, 20, 11, (9, 1, 1)),
            want: judged(Failed, true, 11, 11),
        },
    ]);
}

#[test]
fn rule_and_citation_follow_body_and_item() {
    let j = judge(&vote(Assembly, Ordinary, 5, 5, (5, 0, 0))).expect("judged");
    assert_eq!(j.rule, Rule::AssemblyOrdinary);
    assert!(j.rule.citation().contains("第十一条"));
    let j = judge(&vote(Committee, Ordinary, 5, 5, (5, 0, 0))).expect("judged");
    assert_eq!(j.rule, Rule::CommitteeOrdinary);
    assert!(j.rule.citation().contains("第十二条"));
    let j = judge(&vote(Assembly, ProbationExtension, 5, 5, (5, 0, 0))).expect("judged");
    assert_eq!(j.rule, Rule::Membership);
    assert!(j.rule.citation().contains("细则"));
}

#[test]
fn a_frozen_record_rebuilds_its_input_and_judgement() {
    let input = with(vote(Assembly, Admission, 20, 11, (10, 1, 0)), |v| {
        v.written = vec![written("a3", Opinion::Yes)];
    });
    let j = judge(&input).expect("judged");
    let at = chrono::DateTime::parse_from_rfc3339("2026-03-05T15:04:00+08:00").expect("time");
    let record = VoteRecord::freeze(&input, &j, at);
    assert_eq!(record.outcome, Passed);
    assert_eq!(record.rule_citation, Rule::Membership.citation());
    assert_eq!(
        (record.entitled_expected, record.entitled_present),
        (20, 11)
    );
    let back = record.input(Admission, input.absent_entitled.clone());
    assert_eq!(back, input);
    assert_eq!(judge(&back), Ok(j));
}

// ---- properties ----

fn arb_settings() -> impl Strategy<Value = RuleSettings> {
    (any::<bool>(), any::<bool>()).prop_map(|(q, c)| RuleSettings {
        quorum: if q {
            QuorumComparison::MoreThanHalf
        } else {
            QuorumComparison::AtLeastHalf
        },
        committee_pass: if c {
            CommitteePassBase::AllMembers
        } else {
            CommitteePassBase::Present
        },
    })
}

/// Inputs the rules accept (counts within P, written opinions only from absent voters, secret
/// ballot for membership) mixed with some they refuse.
fn arb_input() -> impl Strategy<Value = VoteInput> {
    (
        0u32..60,
        any::<prop::sample::Index>(),
        any::<bool>(),
        prop::sample::select(ItemType::ALL.to_vec()),
        prop::sample::select(VoteMethod::ALL.to_vec()),
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
        ),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..3), 0..8),
        any::<bool>(),
        arb_settings(),
        0u32..3,
    )
        .prop_map(
            |(e, pi, committee, item_type, method, (yi, ni, ai), ws, deferred, settings, extra)| {
                let p = if e == 0 {
                    0
                } else {
                    pi.index(e as usize + 1) as u32
                };
                let y = yi.index(p as usize + 1) as u32;
                let n = ni.index((p - y) as usize + 1) as u32;
                let a = ai.index((p - y - n) as usize + 1) as u32;
                let absent = absent_ids(e, p);
                let mut written = Vec::new();
                if item_type.is_membership() && !absent.is_empty() {
                    let mut used = std::collections::HashSet::new();
                    for (i, o) in ws {
                        let id = &absent[i.index(absent.len())];
                        if used.insert(id.clone()) {
                            let opinion = [Opinion::Yes, Opinion::No, Opinion::Abstain][o as usize];
                            written.push(written_of(id, opinion));
                        }
                    }
                }
                VoteInput {
                    body: if committee { Committee } else { Assembly },
                    item_type,
                    method,
                    entitled_expected: e,
                    entitled_present: p,
                    // `extra` sometimes pushes the counts past P.
                    yes: y + if extra == 2 { p - y - n - a + 1 } else { 0 },
                    no: n,
                    abstain: a,
                    written,
                    absent_entitled: absent,
                    deferred,
                    settings,
                    ballots: None,
                }
            },
        )
}

fn written_of(id: &str, opinion: Opinion) -> WrittenOpinion {
    written(id, opinion)
}

fn base_of(input: &VoteInput, rule: Rule) -> u32 {
    match (rule, input.settings.committee_pass) {
        (Rule::CommitteeOrdinary, CommitteePassBase::Present) => input.entitled_present,
        _ => input.entitled_expected,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_passed_without_a_majority_of_e(input in arb_input()) {
        if let Ok(j) = judge(&input)
            && j.outcome == Passed
            && j.rule != Rule::CommitteeOrdinary
        {
            prop_assert!(u64::from(j.yes_counted) * 2 > u64::from(input.entitled_expected));
        }
    }

    #[test]
    fn committee_passes_only_on_a_majority_of_its_base(input in arb_input()) {
        if let Ok(j) = judge(&input)
            && j.outcome == Passed
            && j.rule == Rule::CommitteeOrdinary
        {
            prop_assert!(u64::from(input.yes) * 2 > u64::from(base_of(&input, j.rule)));
        }
    }

    #[test]
    fn never_passed_or_deferred_without_quorum(input in arb_input()) {
        if let Ok(j) = judge(&input) {
            if !j.quorum_met {
                prop_assert_eq!(j.outcome, NoQuorum);
            }
            if j.outcome == Passed {
                prop_assert!(j.quorum_met);
                prop_assert!(input.entitled_present * 2 >= input.entitled_expected);
                prop_assert!(input.entitled_present > 0);
            }
        }
    }

    #[test]
    fn counts_above_present_are_always_refused(input in arb_input(), over in 1u32..5) {
        let mut input = input;
        input.abstain = input.entitled_present - input.yes.min(input.entitled_present) + over;
        let total = input.yes.saturating_add(input.no).saturating_add(input.abstain);
        prop_assume!(total > input.entitled_present);
        prop_assert_eq!(
            judge(&input),
            Err(VoteError::CountsExceedPresent { total, present: input.entitled_present })
        );
    }

    #[test]
    fn judging_is_deterministic(input in arb_input()) {
        let again = input.clone();
        prop_assert_eq!(judge(&input), judge(&again));
        prop_assert_eq!(judge(&input), judge(&input));
    }

    #[test]
    fn thresholds_are_the_least_passing_counts(input in arb_input()) {
        if let Ok(j) = judge(&input) {
            let base = u64::from(base_of(&input, j.rule));
            let needed = u64::from(j.yes_needed);
            prop_assert!(needed * 2 > base);
            prop_assert!((needed - 1) * 2 <= base);
            let e = u64::from(input.entitled_expected);
            let q = u64::from(j.quorum_needed);
            // Membership decisions are judged strictly whatever the setting (细则 第二十条).
            match input.settings.applied_to(input.item_type).quorum {
                QuorumComparison::MoreThanHalf => {
                    prop_assert!(q * 2 > e && (q - 1) * 2 <= e);
                }
                QuorumComparison::AtLeastHalf => {
                    prop_assert!(q >= 1 && q * 2 >= e && (q == 1 || (q - 1) * 2 < e));
                }
            }
            prop_assert_eq!(j.quorum_met, e > 0 && u64::from(input.entitled_present) >= q);
            if j.quorum_met && !input.deferred {
                prop_assert_eq!(j.outcome == Passed, j.yes_counted >= j.yes_needed);
                prop_assert_eq!(j.outcome == Failed, j.yes_counted < j.yes_needed);
            }
        }
    }

    #[test]
    fn the_least_count_passes_and_one_less_fails(input in arb_input()) {
        // Re-enter the vote with exactly yes_needed (and one less) counted yes votes.
        let mut input = input;
        input.deferred = false;
        input.written.clear();
        input.no = 0;
        input.abstain = 0;
        input.yes = 0;
        if let Ok(j) = judge(&input)
            && j.quorum_met
            && j.yes_needed <= input.entitled_present
        {
            input.yes = j.yes_needed;
            prop_assert_eq!(judge(&input).map(|j| j.outcome), Ok(Passed));
            input.yes = j.yes_needed - 1;
            prop_assert_eq!(judge(&input).map(|j| j.outcome), Ok(Failed));
        }
    }

    #[test]
    fn one_more_yes_never_turns_a_pass_into_a_fail(input in arb_input()) {
        if let Ok(j) = judge(&input)
            && input.yes + input.no + input.abstain < input.entitled_present
        {
            let mut more = input.clone();
            more.yes += 1;
            let k = judge(&more).expect("still within P");
            prop_assert!(!(j.outcome == Passed && k.outcome != Passed));
        }
    }

    #[test]
    fn written_yes_counts_toward_the_yes_votes(input in arb_input()) {
        if let Ok(j) = judge(&input) {
            let written_yes = input.written.iter().filter(|w| w.opinion == Opinion::Yes).count();
            prop_assert_eq!(j.yes_counted, input.yes + written_yes as u32);
        }
    }
}

#[test]
fn the_other_decisions_of_a_branch() {
    use ItemType::{Activist, Appraisal, DevelopmentCandidate, Discipline};
    run(&[
        Case {
            cite: "细则 第九条; 条例 第十二条",
            what: "确定入党积极分子 in a committee of 5, 3 present, Y=3: the committee rule, passes",
            input: vote(Committee, Activist, 5, 3, (3, 0, 0)),
            want: judged(Passed, true, 3, 3),
        },
        Case {
            cite: "细则 第十三、十四条; 条例 第十二条",
            what: "确定发展对象, committee of 5, 4 present, Y=2 N=2: fails (2 is not > 5/2)",
            input: vote(Committee, DevelopmentCandidate, 5, 4, (2, 2, 0)),
            want: judged(Failed, true, 3, 3),
        },
        Case {
            cite: "细则 第九条 (a branch without a committee)",
            what: "确定入党积极分子 by the assembly: its ordinary rule, E=20 P=11 Y=11 passes",
            input: vote(Assembly, Activist, 20, 11, (11, 0, 0)),
            want: judged(Passed, true, 11, 11),
        },
        Case {
            cite: "党章 第四十条",
            what: "处分 by the 支部大会: Y > E/2, E=20 P=15 Y=10 fails",
            input: vote(Assembly, Discipline, 20, 15, (10, 5, 0)),
            want: judged(Failed, true, 11, 11),
        },
        Case {
            cite: "党章 第四十条",
            what: "处分 is not the committee's to decide",
            input: vote(Committee, Discipline, 5, 5, (5, 0, 0)),
            want: Want::Refused(VoteError::DisciplineNeedsAssembly),
        },
        Case {
            cite: "中组部 民主评议党员 (1988)",
            what: "民主评议党员 is not a majority vote",
            input: vote(Assembly, Appraisal, 20, 15, (15, 0, 0)),
            want: Want::Refused(VoteError::AppraisalIsNotVoted),
        },
    ]);
    // None of them asks for a secret ballot or written opinions; only v1's types are in v1.
    for t in [Activist, DevelopmentCandidate, Discipline, Appraisal] {
        assert!(
            !t.is_membership() && t.about_a_person() && !t.in_v1(),
            "{t:?}"
        );
    }
    assert!(Admission.in_v1() && Ordinary.in_v1());
}
