//! Each vote against the attendance list and its rule: who was entitled and present when it
//! closed, and whether the frozen record agrees with the rules.

use std::collections::{HashMap, HashSet};

use super::Problem;
use crate::domain::rules::{self, Outcome};
use crate::domain::{MeetingKind, Timestamp};
use crate::minutes::Minutes;

/// The entitled voters as the attendance list gives them (full, counted members of the body).
pub(super) struct Entitled<'a> {
    expected: u32,
    /// Attended, with the check-in time when recorded.
    attended: HashMap<&'a str, Option<Timestamp>>,
    absent: HashSet<&'a str>,
    /// Attended without a recorded check-in time (counted as in before every vote).
    untimed: u32,
    /// Check-in times of the others who attended, sorted.
    check_ins: Vec<Timestamp>,
    /// When those who left early left, by member, and all those times sorted (format v2).
    left: HashMap<&'a str, Timestamp>,
    departures: Vec<Timestamp>,
}

impl<'a> Entitled<'a> {
    pub(super) fn of(m: &'a Minutes) -> Entitled<'a> {
        let mut e = Entitled {
            expected: 0,
            attended: HashMap::new(),
            absent: HashSet::new(),
            untimed: 0,
            check_ins: Vec::new(),
            left: HashMap::new(),
            departures: Vec::new(),
        };
        let voters = m
            .attendance
            .iter()
            .filter(|a| a.counted && a.standing.votes())
            .filter(|a| m.kind != MeetingKind::Committee || a.committee_role.is_some());
        for a in voters {
            e.expected += 1;
            if a.status.attended() {
                e.attended.insert(a.member_id.as_str(), a.checked_in_at);
                match a.checked_in_at {
                    Some(t) => e.check_ins.push(t),
                    None => e.untimed += 1,
                }
                if let Some(t) = a.left_at {
                    e.left.insert(a.member_id.as_str(), t);
                    e.departures.push(t);
                }
            } else {
                e.absent.insert(a.member_id.as_str());
            }
        }
        e.check_ins.sort_unstable();
        e.departures.sort_unstable();
        e
    }

    /// Present at a vote closed at `t`: attended and checked in no later than `t`. Someone who
    /// arrived afterwards was absent for it (and may have sent a written opinion beforehand).
    fn present_at(&self, id: &str, t: Timestamp) -> bool {
        self.attended
            .get(id)
            .is_some_and(|c| c.is_none_or(|c| c <= t))
            && self.left.get(id).is_none_or(|l| *l > t)
    }

    /// An entitled voter absent from a vote closed at `t`.
    fn absent_at(&self, id: &str, t: Timestamp) -> bool {
        self.absent.contains(id) || (self.attended.contains_key(id) && !self.present_at(id, t))
    }

    /// Entitled voters who had checked in by `t` and not left by then.
    fn checked_in_by(&self, t: Timestamp) -> u32 {
        let arrived = self.untimed + self.check_ins.partition_point(|c| *c <= t) as u32;
        arrived.saturating_sub(self.departures.partition_point(|l| *l <= t) as u32)
    }
}

pub(super) fn check_vote(
    m: &Minutes,
    entitled: &Entitled<'_>,
    i: usize,
    item: &crate::domain::Item,
    v: &rules::VoteRecord,
    out: &mut Vec<Problem>,
) {
    let n = i + 1;
    let Some(body) = m.kind.vote_body() else {
        out.push(Problem::VoteInKindWithoutVotes { item: n });
        return;
    };
    if body != v.body {
        out.push(Problem::VoteBodyWrong { item: n });
    }
    if item.item_type.is_membership() && v.method != rules::VoteMethod::SecretBallot {
        out.push(Problem::NotSecretBallot { item: n });
    }
    // The vote must have been judged by the settings the file declares, as the rules apply them.
    let applied = m.settings.applied_to(item.item_type);
    if v.quorum_comparison != applied.quorum {
        out.push(Problem::FrozenSettingsDiffer {
            item: n,
            setting: "quorum_comparison",
            recorded: v.quorum_comparison.key(),
            declared: applied.quorum.key(),
        });
    }
    if body == rules::VoteBody::Committee && v.committee_pass != applied.committee_pass {
        out.push(Problem::FrozenSettingsDiffer {
            item: n,
            setting: "committee_pass",
            recorded: v.committee_pass.key(),
            declared: applied.committee_pass.key(),
        });
    }
    let expected = entitled.expected;
    let checked_in_before_vote = entitled.checked_in_by(v.closed_at);
    if v.outcome != Outcome::Deferred || v.entitled_expected != 0 {
        if v.entitled_expected != expected {
            out.push(Problem::ExpectedMismatch {
                item: n,
                recorded: v.entitled_expected,
                computed: expected,
            });
        }
        if v.entitled_present > checked_in_before_vote {
            out.push(Problem::PresentExceedsCheckIns {
                item: n,
                recorded: v.entitled_present,
                computed: checked_in_before_vote,
            });
        } else if v.entitled_present < checked_in_before_vote {
            out.push(Problem::PresentBelowCheckIns {
                item: n,
                recorded: v.entitled_present,
                computed: checked_in_before_vote,
            });
        }
    }
    for w in &v.written_opinions {
        if entitled.present_at(&w.member_id, v.closed_at) {
            out.push(Problem::WrittenFromPresent {
                item: n,
                name: w.name.clone(),
            });
        }
    }
    // The rules only ask whether each written opinion comes from an absent entitled voter: pass the
    // absent voters who wrote, not the whole list, so each vote costs its own size only.
    let absent: Vec<String> = v
        .written_opinions
        .iter()
        .filter(|w| entitled.absent_at(&w.member_id, v.closed_at))
        .map(|w| w.member_id.clone())
        .collect();
    let input = v.input(item.item_type, absent);
    match rules::judge(&input) {
        Err(e) => {
            // Not-secret-ballot is reported above with its own finding.
            if e != rules::VoteError::SecretBallotRequired {
                out.push(Problem::VoteRejected { item: n, error: e });
            }
        }
        Ok(j) => {
            if j.rule != v.rule || v.rule_citation != j.rule.citation() {
                out.push(Problem::RuleMismatch {
                    item: n,
                    recorded: format!("{} ({})", v.rule.key(), v.rule_citation),
                    expected: format!("{} ({})", j.rule.key(), j.rule.citation()),
                });
            }
            if j.quorum_met != v.quorum_met {
                out.push(Problem::QuorumMismatch {
                    item: n,
                    recorded: v.quorum_met,
                    computed: j.quorum_met,
                });
            }
            if j.yes_needed != v.yes_needed {
                out.push(Problem::ThresholdMismatch {
                    item: n,
                    recorded: v.yes_needed,
                    computed: j.yes_needed,
                });
            }
            if j.outcome != v.outcome {
                out.push(Problem::OutcomeContradicts {
                    item: n,
                    recorded: v.outcome,
                    computed: j.outcome,
                });
            }
        }
    }
}
