//! What format version 2 adds to the checks: rounds, 早退, deferrals, ballots, corrections; and
//! that a file saying it is version 1 holds none of it.

use super::Problem;
use crate::domain::rules::{self, Outcome};
use crate::minutes::Minutes;

/// A file that says it is v1 holds none of v2's members (the v1 schema has no room for them).
pub(super) fn fields_of_v2(m: &Minutes, out: &mut Vec<Problem>) {
    let mut found = |field| out.push(Problem::V2FieldInV1 { field });
    if !m.correction_reason.is_empty() {
        found("correction_reason");
    }
    if m.integrity.signature.is_some() || m.integrity.signer.is_some() {
        found("integrity.signature");
    }
    if m.attendance
        .iter()
        .any(|a| a.left_at.is_some() || !a.left_reason.is_empty())
    {
        found("attendance.left_at");
    }
    if m.items.iter().any(|i| !i.rounds.is_empty()) {
        found("items.rounds");
    }
    if m.items
        .iter()
        .filter_map(|i| i.vote.as_ref())
        .any(|v| v.ballots.is_some() || !v.deferred_reason.is_empty())
    {
        found("items.vote.ballots");
    }
    if m.items
        .iter()
        .any(|i| !i.item_type.in_v1() || i.appraisal.is_some())
    {
        found("items.item_type");
    }
}

/// What format v2 adds: rounds, 早退, deferrals, ballots, corrections.
pub(super) fn check_v2(m: &Minutes, out: &mut Vec<Problem>) {
    if m.supersedes.is_some() && m.correction_reason.trim().is_empty() {
        out.push(Problem::CorrectionWithoutReason);
    }
    for a in &m.attendance {
        let Some(left) = a.left_at else {
            continue;
        };
        let arrived_after = a.checked_in_at.is_some_and(|c| left < c);
        if !a.status.attended() || arrived_after || left > m.ended_at {
            out.push(Problem::LeftInconsistent {
                name: a.name.clone(),
            });
        } else if a.left_reason.trim().is_empty() {
            out.push(Problem::LeftWithoutReason {
                name: a.name.clone(),
            });
        }
    }
    for (i, item) in m.items.iter().enumerate() {
        let n = i + 1;
        // 民主评议党员 settles a grade and holds no vote; a grade belongs to no other item.
        let appraisal = item.item_type == rules::ItemType::Appraisal;
        if appraisal && (item.vote.is_some() || !item.rounds.is_empty()) {
            out.push(Problem::AppraisalVoted { item: n });
        }
        if !appraisal && item.appraisal.is_some() {
            out.push(Problem::GradeWithoutAppraisal { item: n });
        }
        if item.standing_round() != item.vote.as_ref() {
            out.push(Problem::StandingRoundWrong { item: n });
        }
        if item
            .rounds
            .windows(2)
            .any(|w| w[1].vote.closed_at < w[0].vote.closed_at)
        {
            out.push(Problem::RoundsOutOfOrder { item: n });
        }
        for (r, round) in item.rounds.iter().enumerate() {
            if round
                .annulled
                .as_ref()
                .is_some_and(|a| a.reason.trim().is_empty())
            {
                out.push(Problem::AnnulledWithoutReason {
                    item: n,
                    round: r + 1,
                });
            }
            if round.annulled.is_some() {
                continue;
            }
            let v = &round.vote;
            if v.outcome == Outcome::Deferred {
                if v.yes > 0
                    || v.no > 0
                    || v.abstain > 0
                    || !v.written_opinions.is_empty()
                    || v.ballots.is_some()
                {
                    out.push(Problem::DeferredWithCounts { item: n });
                }
                if v.deferred_reason.trim().is_empty() {
                    out.push(Problem::DeferredWithoutReason { item: n });
                }
            } else if v.method == rules::VoteMethod::SecretBallot {
                match &v.ballots {
                    None => out.push(Problem::BallotsMissing { item: n }),
                    Some(b) if b.scrutineers.is_empty() || b.counters.is_empty() => {
                        out.push(Problem::NoScrutineer { item: n });
                    }
                    Some(_) => {}
                }
            }
        }
    }
}
