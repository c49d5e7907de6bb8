//! What 三会一课 asks and what is done: for each required meeting (per 党小组 where it is held per
//! group), the meetings held in the current month or quarter, and whether one is due or overdue
//! (the previous period passed without one); 预备党员 whose year of probation ends soon or has
//! ended; and, through [`super::absence`] (the same definition and code as `stats`), members with
//! 3+ and 6+ consecutive months of absence. Warn-only: nothing here labels anyone.
//!
//! Pure: the meetings, the roster and today come in as arguments.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::{AbsenceRun, BranchKey, Facts, YearMonth};
use crate::domain::{MeetingKind, Roster, Standing};

/// How often a meeting is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    Month,
    Quarter,
    Year,
}

impl Every {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Every::Month => "month",
            Every::Quarter => "quarter",
            Every::Year => "year",
        }
    }

    /// The period a month falls in, as its first month.
    #[must_use]
    pub fn period(self, m: YearMonth) -> YearMonth {
        match self {
            Every::Month => m,
            Every::Quarter => YearMonth {
                year: m.year,
                month: (m.month - 1) / 3 * 3 + 1,
            },
            Every::Year => YearMonth {
                year: m.year,
                month: 1,
            },
        }
    }

    /// The first month of the period before the one starting at `start`.
    #[must_use]
    pub fn previous(self, start: YearMonth) -> YearMonth {
        let back = match self {
            Every::Month => 1,
            Every::Quarter => 3,
            Every::Year => 12,
        };
        let total = start.year * 12 + start.month.cast_signed() - 1 - back;
        YearMonth {
            year: total.div_euclid(12),
            month: total.rem_euclid(12) as u32 + 1,
        }
    }
}

/// One required meeting: its kind, how often, and whether each 党小组 holds its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub kind: MeetingKind,
    pub every: Every,
    #[serde(default)]
    pub per_group: bool,
}

/// The frequencies, kept as editable data (`cadence.json` in the data directory). The defaults
/// (条例 第五章): 主题党日 and 支委会 monthly, 党小组会 monthly per 党小组, 党员大会 and 党课
/// quarterly.
#[must_use]
pub fn default_cadence() -> Vec<Requirement> {
    let r = |kind, every, per_group| Requirement {
        kind,
        every,
        per_group,
    };
    vec![
        r(MeetingKind::ThemedDay, Every::Month, false),
        r(MeetingKind::Committee, Every::Month, false),
        r(MeetingKind::Group, Every::Month, true),
        r(MeetingKind::GeneralAssembly, Every::Quarter, false),
        r(MeetingKind::Lecture, Every::Quarter, false),
    ]
}

/// A meeting held: which branch, kind, month and (for a 党小组会) which group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub branch: BranchKey,
    pub kind: MeetingKind,
    pub month: YearMonth,
    pub group: Option<String>,
}

impl Held {
    /// What a file's facts say was held.
    #[must_use]
    pub fn of(f: &Facts) -> Held {
        Held {
            branch: f.branch.clone(),
            kind: f.kind,
            month: f.month,
            group: f.group.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    /// Held in the current period.
    Held,
    /// Not yet held in the current period.
    Due,
    /// Not yet held, and the previous period passed without one.
    Overdue,
}

impl DueState {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            DueState::Held => "held",
            DueState::Due => "due",
            DueState::Overdue => "overdue",
        }
    }
}

/// One requirement as of today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueLine {
    pub kind: MeetingKind,
    pub every: Every,
    pub group: Option<String>,
    /// The first month of the current period.
    pub period: YearMonth,
    /// Meetings held in the current period.
    pub held: usize,
    /// Meetings held in the previous period.
    pub previous_held: usize,
    pub state: DueState,
}

/// The month `today` falls in.
#[must_use]
pub fn month_of(today: NaiveDate) -> YearMonth {
    YearMonth {
        year: today.year(),
        month: today.month(),
    }
}

/// The requirements of one branch as of `today`, from the meetings it held. `groups` are its
/// 党小组 (each holds its own 党小组会). The previous period counts as missed only when the
/// branch's record reaches back before the current period (a new branch is not overdue).
#[must_use]
pub fn due_lines(
    cadence: &[Requirement],
    groups: &[String],
    held: &[&Held],
    today: NaiveDate,
) -> Vec<DueLine> {
    let now = month_of(today);
    let first = held.iter().map(|h| h.month).min();
    let mut out = Vec::new();
    for req in cadence {
        let period = req.every.period(now);
        let previous = req.every.previous(period);
        let tracked = first.is_some_and(|f| f < period);
        let targets: Vec<Option<&String>> = if req.per_group {
            groups.iter().map(Some).collect()
        } else {
            vec![None]
        };
        for group in targets {
            let count = |start: YearMonth| {
                held.iter()
                    .filter(|h| {
                        h.kind == req.kind
                            && req.every.period(h.month) == start
                            && (group.is_none() || h.group.as_ref() == group)
                    })
                    .count()
            };
            let (n, before) = (count(period), count(previous));
            let state = if n > 0 {
                DueState::Held
            } else if tracked && before == 0 {
                DueState::Overdue
            } else {
                DueState::Due
            };
            out.push(DueLine {
                kind: req.kind,
                every: req.every,
                group: group.cloned(),
                period,
                held: n,
                previous_held: before,
                state,
            });
        }
    }
    out
}

/// Days before the end of probation from which 转正 is to be prepared.
pub const PROBATION_WINDOW_DAYS: i64 = 60;

/// A 预备党员 whose year of probation ends within [`PROBATION_WINDOW_DAYS`] or has ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbationLine {
    pub member_id: String,
    pub name: String,
    pub joined: NaiveDate,
    pub ends: NaiveDate,
    /// Days from today to the end (negative once it has ended).
    pub days_left: i64,
}

impl ProbationLine {
    #[must_use]
    pub fn ended(&self) -> bool {
        self.days_left <= 0
    }
}

/// The 转正 reminders of a roster as of `today`, the soonest first.
#[must_use]
pub fn probation(roster: &Roster, today: NaiveDate) -> Vec<ProbationLine> {
    let mut out: Vec<ProbationLine> = roster
        .members
        .iter()
        .filter(|m| m.standing == Standing::Probationary)
        .filter_map(|m| {
            let (joined, ends) = (m.joined?, m.probation_ends()?);
            let days_left = (ends - today).num_days();
            (days_left <= PROBATION_WINDOW_DAYS).then(|| ProbationLine {
                member_id: m.id.clone(),
                name: m.name.clone(),
                joined,
                ends,
                days_left,
            })
        })
        .collect();
    out.sort_by_key(|p| (p.ends, p.member_id.clone()));
    out
}

/// One branch's year at a glance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchYear {
    pub branch: BranchKey,
    pub lines: Vec<DueLine>,
    /// Runs of absence still open (reaching the member's latest month), from the same code as
    /// `stats`.
    pub absences: Vec<AbsenceRun>,
}

/// The year of every branch in `meetings` (each file's facts, what it held, and the 党小组 of its
/// attendance list), as of `today`; `groups` are taken from the meetings.
#[must_use]
pub fn branches(
    cadence: &[Requirement],
    meetings: &[(&Facts, &Held, &[String])],
    today: NaiveDate,
) -> Vec<BranchYear> {
    let mut by_branch: BTreeMap<&BranchKey, Vec<usize>> = BTreeMap::new();
    for (i, (f, _, _)) in meetings.iter().enumerate() {
        by_branch.entry(&f.branch).or_default().push(i);
    }
    by_branch
        .into_iter()
        .map(|(branch, idx)| {
            let facts: Vec<&Facts> = idx.iter().map(|&i| meetings[i].0).collect();
            let held: Vec<&Held> = idx.iter().map(|&i| meetings[i].1).collect();
            // The 党小组 named in the branch's meetings: of 党小组会 and of attendance lists.
            // In the order the meetings first name them.
            let mut groups: Vec<String> = Vec::new();
            for g in idx
                .iter()
                .flat_map(|&i| meetings[i].2.iter())
                .chain(held.iter().filter_map(|h| h.group.as_ref()))
            {
                if !groups.contains(g) {
                    groups.push(g.clone());
                }
            }
            BranchYear {
                branch: branch.clone(),
                lines: due_lines(cadence, &groups, &held, today),
                absences: ongoing_absences(&facts),
            }
        })
        .collect()
}

/// What the home screen shows of the branch's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HomeYear {
    pub lines: Vec<DueLine>,
    pub probation: Vec<ProbationLine>,
    pub absences: Vec<AbsenceRun>,
}

/// The branch's year from its roster (its 党小组 and 预备党员) and its own minutes, as of `today`.
#[must_use]
pub fn home_year(
    cadence: &[Requirement],
    roster: Option<&Roster>,
    held: &[Held],
    facts: &[Facts],
    today: NaiveDate,
) -> HomeYear {
    let groups: Vec<String> = if let Some(r) = roster {
        r.groups.iter().map(|g| g.name.clone()).collect()
    } else {
        let set: BTreeSet<String> = held.iter().filter_map(|h| h.group.clone()).collect();
        set.into_iter().collect()
    };
    let held: Vec<&Held> = held.iter().collect();
    let facts: Vec<&Facts> = facts.iter().collect();
    HomeYear {
        lines: due_lines(cadence, &groups, &held, today),
        probation: roster.map(|r| probation(r, today)).unwrap_or_default(),
        absences: ongoing_absences(&facts),
    }
}

/// One line of the 三会一课落实情况 table: a branch's required meeting (per 党小组 where each holds
/// its own) with the meetings held in each month, and the periods that passed without one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FulfilmentRow {
    pub branch: BranchKey,
    pub kind: MeetingKind,
    pub every: Every,
    pub group: Option<String>,
    /// Meetings held in each month of the table, in order.
    pub held: Vec<(YearMonth, usize)>,
    /// The first months of the periods wholly inside the table in which none was held.
    pub missing: Vec<YearMonth>,
}

/// The months from `from` to `to`, inclusive.
#[must_use]
pub fn months_between(from: YearMonth, to: YearMonth) -> Vec<YearMonth> {
    let mut out = Vec::new();
    let mut m = from;
    while m <= to && out.len() < 1200 {
        out.push(m);
        m = if m.month == 12 {
            YearMonth {
                year: m.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: m.year,
                month: m.month + 1,
            }
        };
    }
    out
}

/// The 三会一课落实情况 table (branches × kinds × months) over `months`, against `cadence`, from the
/// meetings held (one record per meeting, as `stats` keeps them). A 党小组会 row per 党小组 named by
/// the branch's 党小组会 (`stats` sees no roster). A period counts as missing only when all its
/// months are in the table. Pure; `stats` prints it and the XLSX export can call it.
#[must_use]
pub fn fulfilment(
    cadence: &[Requirement],
    held: &[Held],
    months: &[YearMonth],
) -> Vec<FulfilmentRow> {
    let mut branches: Vec<&BranchKey> = Vec::new();
    for h in held {
        if !branches.contains(&&h.branch) {
            branches.push(&h.branch);
        }
    }
    branches.sort();
    let mut out = Vec::new();
    for branch in branches {
        let mine: Vec<&Held> = held.iter().filter(|h| &h.branch == branch).collect();
        let mut groups: Vec<String> = Vec::new();
        for g in mine
            .iter()
            .filter(|h| h.kind == MeetingKind::Group)
            .filter_map(|h| h.group.as_ref())
        {
            if !groups.contains(g) {
                groups.push(g.clone());
            }
        }
        for req in cadence {
            let targets: Vec<Option<&String>> = if req.per_group {
                groups.iter().map(Some).collect()
            } else {
                vec![None]
            };
            for group in targets {
                let count = |m: YearMonth| {
                    mine.iter()
                        .filter(|h| {
                            h.kind == req.kind
                                && h.month == m
                                && (group.is_none() || h.group.as_ref() == group)
                        })
                        .count()
                };
                let cells: Vec<(YearMonth, usize)> =
                    months.iter().map(|m| (*m, count(*m))).collect();
                let mut periods: BTreeMap<YearMonth, (usize, usize)> = BTreeMap::new();
                for (m, n) in &cells {
                    let e = periods.entry(req.every.period(*m)).or_default();
                    e.0 += 1;
                    e.1 += n;
                }
                let size = match req.every {
                    Every::Month => 1,
                    Every::Quarter => 3,
                    Every::Year => 12,
                };
                let missing = periods
                    .into_iter()
                    .filter(|(_, (in_table, n))| *in_table == size && *n == 0)
                    .map(|(p, _)| p)
                    .collect();
                out.push(FulfilmentRow {
                    branch: branch.clone(),
                    kind: req.kind,
                    every: req.every,
                    group: group.cloned(),
                    held: cells,
                    missing,
                });
            }
        }
    }
    out
}

/// The open runs of 3+ months of absence in these meetings (the same runs `stats` reports).
#[must_use]
pub fn ongoing_absences(facts: &[&Facts]) -> Vec<AbsenceRun> {
    super::absence::runs(facts)
        .into_iter()
        .filter(|r| r.ongoing)
        .collect()
}

#[cfg(test)]
mod tests;
