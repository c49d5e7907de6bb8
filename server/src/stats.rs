//! Statistics computed in the database, figure for figure those of `branchday stats` over the
//! same files: meetings per kind per month, 公开议事 items, items by outcome and by stage, and
//! attendance per branch and per member, and members' runs of consecutive months of absence
//! ([`crate::absence`]).
//!
//! One record per meeting as `stats` counts it: the server holds each id once, and a file named in
//! another stored file's `supersedes` is replaced by that correction (a file naming its own id is
//! no correction). `--from` / `--to` select months after the corrections are resolved.

use branchday::domain::rules::Outcome;
use branchday::domain::{ItemStage, MeetingKind};
use sqlx::Row;

use crate::db::Db;

/// Attendance summed over meetings (as [`branchday::stats::Tally`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Tally {
    pub expected: u64,
    pub attended: u64,
    pub excused: u64,
    pub absent: u64,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.expected += o.expected;
        self.attended += o.attended;
        self.excused += o.excused;
        self.absent += o.absent;
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MonthRow {
    pub month: String,
    /// Meetings per kind, aligned with [`MeetingKind::ALL`].
    pub per_kind: [u64; 6],
    pub public_items: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct BranchRow {
    pub code: String,
    pub name: String,
    pub meetings: u64,
    pub tally: Tally,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MemberRow {
    pub branch_code: String,
    pub branch_name: String,
    pub member_id: String,
    /// The name in the member's latest month (the greatest, when a month has two).
    pub name: String,
    pub tally: Tally,
}

/// Items by outcome (aligned with [`Outcome::ALL`]), never voted on, and 公开议事 items by stage
/// (aligned with [`ItemStage::ALL`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct ItemTally {
    pub total: u64,
    pub by_outcome: [u64; 4],
    pub not_voted: u64,
    pub public: u64,
    pub public_by_stage: [u64; 6],
}

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Report {
    pub meetings: u64,
    pub months: Vec<MonthRow>,
    pub branches: Vec<BranchRow>,
    pub members: Vec<MemberRow>,
    pub items: ItemTally,
    /// Members' runs of 3+ consecutive months of absence that touch the period ([`crate::absence`]).
    pub absences: Vec<crate::absence::AbsenceRow>,
}

/// The months asked for, over a summary table's `month`. Binds `$1`–`$4`: from, from, to, to
/// (`''` for no bound).
const PERIOD: &str = "($1 = '' OR month >= $2) AND ($3 = '' OR month <= $4)";

fn count(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn index_of(keys: impl IntoIterator<Item = &'static str>, key: &str) -> Option<usize> {
    keys.into_iter().position(|k| k == key)
}

/// Compute the report; `from` and `to` are `YYYY-MM` months, inclusive.
///
/// Everything is read from the sums kept at each store ([`crate::summary`]): a few rows per
/// branch-month, and one per member-month, rather than every item and attendance line.
pub async fn compute(db: &Db, from: Option<&str>, to: Option<&str>) -> sqlx::Result<Report> {
    // Every stored file in the sums first; the queries below then run at the same time.
    crate::settle::settle_all(db).await?;
    let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
    let run = |sql: &'static str| {
        // The kinds' columns, in the order of `MeetingKind::ALL` (the library's constants).
        let cols = MeetingKind::ALL.map(crate::summary::kind_column);
        let kinds: Vec<String> = cols
            .iter()
            .map(|c| format!("CAST(SUM({c}) AS BIGINT)"))
            .collect();
        let sql = sql
            .replace("{PERIOD}", PERIOD)
            .replace("{KINDS}", &kinds.join(", "))
            .replace("{ALL}", &cols.join(" + "));
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(from)
            .bind(from)
            .bind(to)
            .bind(to)
            .fetch_all(&db.pool)
    };
    let mut report = Report::default();
    // The queries are independent: each runs on its own connection at the same time (on
    // PostgreSQL each is its own backend, so they share the cores).
    let (by_month_kind, public_by_month, item_rows, branch_rows, member_rows, absences) = tokio::try_join!(
        run("SELECT month, {KINDS} FROM sum_branch_month WHERE {PERIOD} GROUP BY month"),
        run("SELECT month, CAST(SUM(n) AS BIGINT) FROM sum_items \
             WHERE stage <> '' AND {PERIOD} GROUP BY month"),
        run(
            "SELECT outcome, stage, CAST(SUM(n) AS BIGINT) FROM sum_items \
             WHERE {PERIOD} GROUP BY outcome, stage HAVING SUM(n) > 0"
        ),
        run(
            "SELECT branch, branch_name, CAST(SUM({ALL}) AS BIGINT) FROM sum_branch_month \
             WHERE {PERIOD} GROUP BY branch, branch_name HAVING SUM({ALL}) > 0"
        ),
        run(if from.is_empty() && to.is_empty() {
            // The whole time: each member's sums as kept.
            "SELECT branch, branch_name, member_id, latest, counted, present, excused, absent \
             FROM sum_member WHERE $1 = '' AND $2 = '' AND $3 = '' AND $4 = ''"
        } else {
            "SELECT branch, branch_name, member_id, MAX(month || ' ' || name), \
             CAST(SUM(counted) AS BIGINT), CAST(SUM(present) AS BIGINT), \
             CAST(SUM(excused) AS BIGINT), CAST(SUM(absent) AS BIGINT) \
             FROM sum_member_month WHERE {PERIOD} GROUP BY branch, branch_name, member_id"
        }),
        crate::absence::runs(db, Some(from), Some(to)),
    )?;

    let mut months: std::collections::BTreeMap<String, MonthRow> =
        std::collections::BTreeMap::new();
    for r in by_month_kind {
        let month: String = r.try_get(0)?;
        let mut per_kind = [0; 6];
        for (i, n) in per_kind.iter_mut().enumerate() {
            *n = count(r.try_get(1 + i)?);
        }
        let n: u64 = per_kind.iter().sum();
        if n == 0 {
            continue;
        }
        report.meetings += n;
        months.insert(
            month.clone(),
            MonthRow {
                month,
                per_kind,
                public_items: 0,
            },
        );
    }
    for r in public_by_month {
        let month: String = r.try_get(0)?;
        if let Some(row) = months.get_mut(&month) {
            row.public_items = count(r.try_get(1)?);
        }
    }
    report.months = months.into_values().collect();

    for r in item_rows {
        // The sums keep '' for "none".
        let outcome = Some(r.try_get::<String, _>(0)?).filter(|s| !s.is_empty());
        let stage = Some(r.try_get::<String, _>(1)?).filter(|s| !s.is_empty());
        let n = count(r.try_get(2)?);
        let items = &mut report.items;
        items.total += n;
        match outcome.and_then(|o| index_of(Outcome::ALL.map(Outcome::key), &o)) {
            Some(i) => items.by_outcome[i] += n,
            None => items.not_voted += n,
        }
        if let Some(s) = stage {
            items.public += n;
            if let Some(i) = index_of(ItemStage::ALL.map(ItemStage::key), &s) {
                items.public_by_stage[i] += n;
            }
        }
    }

    let mut branches: std::collections::BTreeMap<(String, String), BranchRow> =
        std::collections::BTreeMap::new();
    for r in branch_rows {
        let (code, name): (String, String) = (r.try_get(0)?, r.try_get(1)?);
        branches.insert(
            (code.clone(), name.clone()),
            BranchRow {
                code,
                name,
                meetings: count(r.try_get(2)?),
                tally: Tally::default(),
            },
        );
    }
    for r in member_rows {
        let latest: String = r.try_get(3)?;
        let tally = Tally {
            expected: count(r.try_get(4)?),
            attended: count(r.try_get(5)?),
            excused: count(r.try_get(6)?),
            absent: count(r.try_get(7)?),
        };
        let row = MemberRow {
            branch_code: r.try_get(0)?,
            branch_name: r.try_get(1)?,
            member_id: r.try_get(2)?,
            name: latest.get(8..).unwrap_or_default().to_owned(),
            tally,
        };
        if let Some(b) = branches.get_mut(&(row.branch_code.clone(), row.branch_name.clone())) {
            b.tally.add(&tally);
        }
        report.members.push(row);
    }
    report.branches = branches.into_values().collect();
    report.absences = absences;
    report.members.sort_by(|a, b| {
        (&a.branch_code, &a.branch_name, &a.member_id).cmp(&(
            &b.branch_code,
            &b.branch_name,
            &b.member_id,
        ))
    });
    Ok(report)
}
