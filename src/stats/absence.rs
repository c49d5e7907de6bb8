//! Consecutive months without attendance and without approved leave (党章 第九条).
//!
//! The exact definition, per member (member id within one branch, the branch being its code and
//! name together):
//!
//! 1. The member's **months** are the calendar months (of each meeting's start, in its own offset)
//!    in which the branch held at least one counted meeting at which the member was expected, that
//!    is, listed with `counted: true` (in 应到会). Months without such a meeting are not in the
//!    series at all: they neither break nor extend a run.
//! 2. A month is **attended** when the member was present or late at any meeting of that month
//!    (counted or not). An attended month ends a run.
//! 3. Otherwise a month is **on leave** when every meeting of the month at which the member was
//!    expected records approved leave: status `excused`, a reason (with a text for "other") and an
//!    approver. A month on leave is not an absence month: it breaks no run and does not extend one.
//! 4. Every other month of the series is an **absence month** (absent, or excused without a reason
//!    or an approver, at one or more meetings, and present at none). Consecutive absence months
//!    (skipping months on leave) form a run.
//! 5. Runs of 3 months or more are reported as warnings, 6 or more as serious, with the months
//!    listed. This is information for the 支部大会, which alone decides (党章 第九条); the program
//!    never labels a member.

use std::collections::{BTreeMap, HashMap};

use super::{BranchKey, Facts, YearMonth};

/// A run reaching this many months is reported as a warning.
pub const WARN_MONTHS: usize = 3;
/// A run reaching this many months is reported as serious.
pub const SERIOUS_MONTHS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 3–5 months.
    Warning,
    /// 6 months or more.
    Serious,
}

impl Level {
    pub fn of(months: usize) -> Option<Level> {
        if months >= SERIOUS_MONTHS {
            Some(Level::Serious)
        } else if months >= WARN_MONTHS {
            Some(Level::Warning)
        } else {
            None
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Serious => "serious",
        }
    }
}

/// A member's state in one month of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MonthState {
    Attended,
    OnLeave,
    Absent,
}

/// Consecutive absence months of one member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsenceRun {
    pub branch: BranchKey,
    pub member_id: String,
    /// The name in the member's latest meeting.
    pub name: String,
    /// The absence months of the run, in order (months on leave inside it are not listed).
    pub months: Vec<YearMonth>,
    pub level: Level,
    /// No attended month follows the run: it reaches the member's latest month in the series.
    pub ongoing: bool,
}

#[derive(Debug, Default, Clone, Copy)]
struct Acc {
    expected: bool,
    attended: bool,
    unexcused: bool,
}

impl Acc {
    fn state(self) -> Option<MonthState> {
        if !self.expected {
            None
        } else if self.attended {
            Some(MonthState::Attended)
        } else if self.unexcused {
            Some(MonthState::Absent)
        } else {
            Some(MonthState::OnLeave)
        }
    }
}

/// The runs of absence months in a member's series (months in order), each with whether it is
/// still open at the end of the series.
pub fn runs_in(series: &[(YearMonth, MonthState)]) -> Vec<(Vec<YearMonth>, bool)> {
    let mut out = Vec::new();
    let mut run: Vec<YearMonth> = Vec::new();
    for (m, state) in series {
        match state {
            MonthState::Attended => {
                if !run.is_empty() {
                    out.push((std::mem::take(&mut run), false));
                }
            }
            MonthState::OnLeave => {}
            MonthState::Absent => run.push(*m),
        }
    }
    if !run.is_empty() {
        out.push((run, true));
    }
    out
}

/// The runs of 3+ months over the counted meetings, sorted by branch, member id and first month.
pub fn runs(meetings: &[&Facts]) -> Vec<AbsenceRun> {
    type Key<'a> = (&'a BranchKey, &'a str);
    let mut per_member: HashMap<Key<'_>, (BTreeMap<YearMonth, Acc>, &str, YearMonth)> =
        HashMap::new();
    for f in meetings {
        for a in &f.attendance {
            let (months, name, latest) = per_member
                .entry((&f.branch, a.member_id.as_str()))
                .or_insert_with(|| (BTreeMap::new(), a.name.as_str(), f.month));
            if f.month > *latest {
                *latest = f.month;
                *name = a.name.as_str();
            }
            let acc = months.entry(f.month).or_default();
            if a.status.attended() {
                acc.attended = true;
            }
            if a.counted {
                acc.expected = true;
                if !a.status.attended() && !a.approved_leave {
                    acc.unexcused = true;
                }
            }
        }
    }
    let mut out = Vec::new();
    for ((branch, member_id), (months, name, _)) in per_member {
        let series: Vec<(YearMonth, MonthState)> = months
            .into_iter()
            .filter_map(|(m, acc)| acc.state().map(|s| (m, s)))
            .collect();
        for (months, ongoing) in runs_in(&series) {
            if let Some(level) = Level::of(months.len()) {
                out.push(AbsenceRun {
                    branch: branch.clone(),
                    member_id: member_id.to_owned(),
                    name: name.to_owned(),
                    months,
                    level,
                    ongoing,
                });
            }
        }
    }
    out.sort_by(|a, b| {
        (&a.branch, &a.member_id, a.months.first()).cmp(&(
            &b.branch,
            &b.member_id,
            b.months.first(),
        ))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::MonthState::{Absent, Attended, OnLeave};
    use super::*;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    fn series(states: &[MonthState]) -> Vec<(YearMonth, MonthState)> {
        states
            .iter()
            .enumerate()
            .map(|(i, s)| {
                (
                    YearMonth {
                        year: 2026,
                        month: i as u32 + 1,
                    },
                    *s,
                )
            })
            .collect()
    }

    #[test]
    fn attendance_breaks_a_run_and_leave_neither_breaks_nor_extends_it() {
        let r = runs_in(&series(&[
            Absent, Absent, OnLeave, Absent, Attended, Absent,
        ]));
        assert_eq!(
            r,
            vec![
                (vec![ym("2026-01"), ym("2026-02"), ym("2026-04")], false),
                (vec![ym("2026-06")], true),
            ]
        );
        assert_eq!(runs_in(&series(&[OnLeave, OnLeave, OnLeave])), vec![]);
        assert_eq!(runs_in(&series(&[])), vec![]);
    }

    #[test]
    fn levels() {
        assert_eq!(Level::of(2), None);
        assert_eq!(Level::of(3), Some(Level::Warning));
        assert_eq!(Level::of(5), Some(Level::Warning));
        assert_eq!(Level::of(6), Some(Level::Serious));
        assert_eq!(Level::of(11), Some(Level::Serious));
    }
}
