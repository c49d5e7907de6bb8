//! Statistics over many minutes files: meetings per kind and month, attendance per branch and per
//! member, items by outcome, consecutive months of absence, duplicate and superseded files.
//!
//! Pure: the caller reads and checks the files and hands over one [`Facts`] per valid file; nothing
//! here touches the disk or the clock. The steps are [`resolve`] (one record per meeting), the period
//! filter, the tallies in this module and the absence runs in [`absence`].

pub mod absence;
pub mod due;
pub mod resolve;
pub mod xlsx;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;

use uuid::Uuid;

use crate::domain::{AttendanceStatus, ExcuseReason, ItemStage, MeetingKind, Outcome, Timestamp};
use crate::minutes::{AttendanceEntry, Minutes};

pub use absence::{AbsenceRun, Level};
pub use resolve::{Duplicate, Superseded};

/// A calendar month, `YYYY-MM`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

impl YearMonth {
    /// Parse exactly `YYYY-MM` (month 01–12).
    pub fn parse(s: &str) -> Option<YearMonth> {
        let b = s.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !s[..4]
                .bytes()
                .chain(s[5..].bytes())
                .all(|c| c.is_ascii_digit())
        {
            return None;
        }
        let year = s[..4].parse().ok()?;
        let month = s[5..].parse().ok()?;
        (1..=12)
            .contains(&month)
            .then_some(YearMonth { year, month })
    }

    /// The one month format everywhere (stats, review): `YYYY-MM`, or `YYYY-M` read as `YYYY-0M`
    /// (`false` says it was the short form, so the reader can be told how it was read).
    pub fn parse_loose(s: &str) -> Option<(YearMonth, bool)> {
        let s = s.trim();
        if let Some(m) = YearMonth::parse(s) {
            return Some((m, true));
        }
        let (y, m) = s.split_once('-')?;
        if m.len() != 1 || !m.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        YearMonth::parse(&format!("{y}-0{m}")).map(|ym| (ym, false))
    }

    /// The month of a moment, in the moment's own (local) offset.
    pub fn of(t: Timestamp) -> YearMonth {
        use chrono::Datelike;
        let d = t.date_naive();
        YearMonth {
            year: d.year(),
            month: d.month(),
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// The months counted: `from` and `to` inclusive, either open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Period {
    pub from: Option<YearMonth>,
    pub to: Option<YearMonth>,
}

impl Period {
    pub fn contains(&self, m: YearMonth) -> bool {
        self.from.is_none_or(|f| m >= f) && self.to.is_none_or(|t| m <= t)
    }

    /// Whether the months from the first to the last of `months` (in order) overlap the period.
    #[must_use]
    pub fn touches(&self, months: &[YearMonth]) -> bool {
        match (months.first(), months.last()) {
            (Some(first), Some(last)) => {
                self.to.is_none_or(|t| *first <= t) && self.from.is_none_or(|f| *last >= f)
            }
            _ => false,
        }
    }
}

/// A branch as named in the files: code and name together (two branches may share a name).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BranchKey {
    pub code: String,
    pub name: String,
}

/// One member's line of one meeting, reduced to what statistics need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub member_id: String,
    pub name: String,
    pub status: AttendanceStatus,
    /// Counted in 应到会 at this meeting.
    pub counted: bool,
    /// Excused with approved leave: status `excused`, a reason (with a text for "other") and an
    /// approver.
    pub approved_leave: bool,
}

/// Whether an attendance line is approved leave (请假 with a reason and an approver).
pub fn approved_leave(a: &AttendanceEntry) -> bool {
    a.status == AttendanceStatus::Excused
        && match a.reason {
            None => false,
            Some(ExcuseReason::Other) => !a.reason_text.trim().is_empty(),
            Some(_) => true,
        }
        && !a.approver.trim().is_empty()
}

/// One deliberation item: its vote outcome (none when not voted) and its 四议两公开 stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemFacts {
    pub outcome: Option<Outcome>,
    pub stage: Option<ItemStage>,
}

/// What statistics need of one valid minutes file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub path: PathBuf,
    pub id: Uuid,
    pub supersedes: Option<Uuid>,
    /// The content digest (RFC 8785 + SHA-256), to tell identical duplicates from different ones.
    pub digest: String,
    pub finalized_at: Timestamp,
    pub branch: BranchKey,
    pub kind: MeetingKind,
    /// The month of `started_at`, in the meeting's own offset.
    pub month: YearMonth,
    pub items: Vec<ItemFacts>,
    pub attendance: Vec<Attendee>,
    /// The 党小组 of a 党小组会.
    pub group: Option<String>,
}

impl Facts {
    pub fn of(path: PathBuf, m: &Minutes, digest: String) -> Facts {
        Facts {
            path,
            id: m.id,
            supersedes: m.supersedes,
            digest,
            finalized_at: m.finalized_at,
            branch: BranchKey {
                code: m.branch.code.clone(),
                name: m.branch.name.clone(),
            },
            kind: m.kind,
            month: YearMonth::of(m.started_at),
            items: m
                .items
                .iter()
                .map(|i| ItemFacts {
                    outcome: i.vote.as_ref().map(|v| v.outcome),
                    stage: i.stage,
                })
                .collect(),
            attendance: m
                .attendance
                .iter()
                .map(|a| Attendee {
                    member_id: a.member_id.clone(),
                    name: a.name.clone(),
                    status: a.status,
                    counted: a.counted,
                    approved_leave: approved_leave(a),
                })
                .collect(),
            group: m.group.clone(),
        }
    }
}

/// Meetings held in one month, per kind (aligned with [`MeetingKind::ALL`]), and the 公开议事 items
/// (items with a stage) deliberated in them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthRow {
    pub month: YearMonth,
    pub per_kind: [usize; 6],
    pub public_items: usize,
}

impl MonthRow {
    pub fn total(&self) -> usize {
        self.per_kind.iter().sum()
    }
}

/// Attendance summed over meetings: member-meetings expected (counted in 应到会), attended
/// (present or late), excused and absent among those expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub expected: usize,
    pub attended: usize,
    pub excused: usize,
    pub absent: usize,
}

impl Tally {
    fn add(&mut self, a: &Attendee) {
        if !a.counted {
            return;
        }
        self.expected += 1;
        match a.status {
            AttendanceStatus::Present | AttendanceStatus::Late => self.attended += 1,
            AttendanceStatus::Excused => self.excused += 1,
            AttendanceStatus::Absent => self.absent += 1,
        }
    }

    /// attended / expected, or `None` when nobody was expected.
    pub fn rate(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.attended as f64 / self.expected as f64)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BranchRow {
    pub branch: BranchKey,
    pub meetings: usize,
    /// Meetings per kind (aligned with [`MeetingKind::ALL`]).
    pub per_kind: [usize; 6],
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub branch: BranchKey,
    pub member_id: String,
    /// The name in the member's latest meeting.
    pub name: String,
    pub tally: Tally,
}

/// Items by outcome (aligned with [`Outcome::ALL`]), items never voted on, and 公开议事 items by
/// stage (aligned with [`ItemStage::ALL`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ItemTally {
    pub total: usize,
    pub by_outcome: [usize; 4],
    pub not_voted: usize,
    pub public: usize,
    pub public_by_stage: [usize; 6],
}

/// Everything `stats` reports.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub period: Period,
    /// Valid files handed in.
    pub valid_files: usize,
    /// Meetings counted: one per id, superseded ones replaced, inside the period.
    pub meetings: usize,
    /// Meetings left out because they fall outside the period.
    pub outside_period: usize,
    pub duplicates: Vec<Duplicate>,
    pub superseded: Vec<Superseded>,
    pub months: Vec<MonthRow>,
    pub branches: Vec<BranchRow>,
    pub members: Vec<MemberRow>,
    pub items: ItemTally,
    pub absences: Vec<AbsenceRun>,
}

fn kind_index(k: MeetingKind) -> usize {
    MeetingKind::ALL.iter().position(|x| *x == k).unwrap_or(0)
}

/// Compute the report over the facts of the valid files (in the order the files were listed).
pub fn compute(files: &[Facts], period: Period) -> Report {
    let resolved = resolve::resolve(files);
    let mut report = Report {
        period,
        valid_files: files.len(),
        duplicates: resolved.duplicates,
        superseded: resolved.superseded,
        ..Report::default()
    };
    let kept: Vec<&Facts> = resolved.kept.iter().map(|&i| &files[i]).collect();
    let counted: Vec<&Facts> = kept
        .iter()
        .copied()
        .filter(|f| {
            let inside = period.contains(f.month);
            report.outside_period += usize::from(!inside);
            inside
        })
        .collect();
    report.meetings = counted.len();

    let mut months: BTreeMap<YearMonth, MonthRow> = BTreeMap::new();
    let mut branches: BTreeMap<&BranchKey, BranchRow> = BTreeMap::new();
    let mut members: HashMap<(&BranchKey, &str), (MemberRow, YearMonth)> = HashMap::new();
    for f in &counted {
        let row = months.entry(f.month).or_insert_with(|| MonthRow {
            month: f.month,
            per_kind: [0; 6],
            public_items: 0,
        });
        row.per_kind[kind_index(f.kind)] += 1;
        for item in &f.items {
            let items = &mut report.items;
            items.total += 1;
            match item.outcome {
                Some(o) => {
                    items.by_outcome[Outcome::ALL.iter().position(|x| *x == o).unwrap_or(0)] += 1;
                }
                None => items.not_voted += 1,
            }
            if let Some(s) = item.stage {
                row.public_items += 1;
                items.public += 1;
                items.public_by_stage[ItemStage::ALL.iter().position(|x| *x == s).unwrap_or(0)] +=
                    1;
            }
        }
        let b = branches.entry(&f.branch).or_insert_with(|| BranchRow {
            branch: f.branch.clone(),
            meetings: 0,
            per_kind: [0; 6],
            tally: Tally::default(),
        });
        b.meetings += 1;
        b.per_kind[kind_index(f.kind)] += 1;
        for a in &f.attendance {
            b.tally.add(a);
            let (m, latest) = members
                .entry((&f.branch, a.member_id.as_str()))
                .or_insert_with(|| {
                    (
                        MemberRow {
                            branch: f.branch.clone(),
                            member_id: a.member_id.clone(),
                            name: a.name.clone(),
                            tally: Tally::default(),
                        },
                        f.month,
                    )
                });
            m.tally.add(a);
            if f.month > *latest {
                *latest = f.month;
                m.name.clone_from(&a.name);
            }
        }
    }
    report.months = months.into_values().collect();
    report.branches = branches.into_values().collect();
    let mut members: Vec<MemberRow> = members.into_values().map(|(m, _)| m).collect();
    members.sort_by(|a, b| (&a.branch, &a.member_id).cmp(&(&b.branch, &b.member_id)));
    report.members = members;
    // Runs are measured over every file given, whatever the period: the period then selects the
    // runs that touch it, each with its true first and last month, length and whether it goes on.
    report.absences = absence::runs(&kept)
        .into_iter()
        .filter(|r| period.touches(&r.months))
        .collect();
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month_parses_strictly() {
        assert_eq!(
            YearMonth::parse("2026-03"),
            Some(YearMonth {
                year: 2026,
                month: 3
            })
        );
        for bad in [
            "2026-3",
            "2026-13",
            "2026-00",
            "26-03",
            "2026/03",
            "2026-03-01",
            "２０２６-03",
            "+026-03",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(
            YearMonth::parse("2026-12")
                .map(|m| m.to_string())
                .as_deref(),
            Some("2026-12")
        );
    }

    #[test]
    fn month_is_the_local_date_of_the_start() {
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-31T23:30:00+08:00").unwrap();
        assert_eq!(YearMonth::of(t).to_string(), "2026-03");
        let t = chrono::DateTime::parse_from_rfc3339("2026-03-31T17:30:00-08:00").unwrap();
        assert_eq!(YearMonth::of(t).to_string(), "2026-03");
    }

    #[test]
    fn period_is_inclusive() {
        let p = Period {
            from: YearMonth::parse("2026-02"),
            to: YearMonth::parse("2026-04"),
        };
        assert!(!p.contains(YearMonth::parse("2026-01").unwrap()));
        assert!(p.contains(YearMonth::parse("2026-02").unwrap()));
        assert!(p.contains(YearMonth::parse("2026-04").unwrap()));
        assert!(!p.contains(YearMonth::parse("2026-05").unwrap()));
        assert!(Period::default().contains(YearMonth::parse("1999-01").unwrap()));
    }
}
