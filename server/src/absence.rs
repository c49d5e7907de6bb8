//! Members' consecutive months of absence (3+ and 6+), computed in the database by the definition
//! of `branchday stats` ([`branchday::stats::absence`]), figure for figure:
//!
//! 1. A member (member id within one branch, code and name together) has a month in the series
//!    when a kept meeting of that month lists them counted in 应到会.
//! 2. The month is attended when they were present or late at any meeting of it (counted or not);
//!    an attended month ends a run.
//! 3. Otherwise, when every counted line of the month is approved leave, the month is on leave:
//!    left out of the series, so it neither breaks nor extends a run.
//! 4. Every other month is an absence month; consecutive absence months form a run; runs of 3+
//!    are warnings, 6+ serious; a run with no attended month after it is ongoing.
//!
//! Runs are measured over every kept meeting, whatever the period (so a run is never cut at a
//! period's edge); the period then selects the runs that touch it, as `stats` does.
//!
//! The runs are kept (`sum_absence_runs`, migration 0007): every change to a branch's sums marks
//! the branch ([`mark`]), and the marked branches' runs are worked out again ([`refresh`]) before
//! any runs are read, so a city's warnings read its runs instead of every member's months.

use branchday::stats::absence::{Level, WARN_MONTHS};
use branchday::stats::{Period, YearMonth};
use sqlx::Row;

use crate::db::Db;

/// One run of absence months.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AbsenceRow {
    pub branch_code: String,
    pub branch_name: String,
    pub member_id: String,
    /// The name in the member's latest month (the greatest, when a month has two).
    pub name: String,
    /// The absence months of the run, in order (months on leave inside it are not listed).
    pub months: Vec<String>,
    /// `warning` (3–5 months) or `serious` (6 or more).
    pub level: &'static str,
    /// No attended month follows the run.
    pub ongoing: bool,
}

/// Gaps and islands over each member's month series, read from the member-month sums
/// ([`crate::summary`]). Only members with 3+ absence months can have a run, and absence months
/// are few (a partial index holds them), so the series are built for those members alone. `grp`
/// counts the attended months up to and including each month, so the absence months between two
/// attended months share a `grp`, and a run whose `grp` is the member's total has no attended
/// month after it.
/// `{BRANCHES}` is the list of branch codes whose members' runs are worked out.
const RUNS: &str = "WITH cand AS (SELECT m.branch, m.branch_name, m.member_id \
       FROM sum_member_month m \
       WHERE m.attended_lines = 0 AND m.unexcused_lines > 0 AND m.branch IN ({BRANCHES}) \
       GROUP BY m.branch, m.branch_name, m.member_id HAVING COUNT(*) >= $1), \
     mm AS (SELECT m.branch, m.branch_name, m.member_id, m.month, m.name, \
       CASE WHEN m.attended_lines > 0 THEN 1 ELSE 0 END AS attended, \
       CASE WHEN m.counted > 0 AND (m.attended_lines > 0 OR m.unexcused_lines > 0) \
         THEN 1 ELSE 0 END AS in_series \
       FROM sum_member_month m JOIN cand c ON c.branch = m.branch \
         AND c.branch_name = m.branch_name AND c.member_id = m.member_id), \
     named AS (SELECT branch, branch_name, member_id, month, attended, in_series, \
       FIRST_VALUE(name) OVER (PARTITION BY branch, branch_name, member_id ORDER BY month DESC) \
         AS latest_name FROM mm), \
     series AS (SELECT branch, branch_name, member_id, month, attended, latest_name, \
       SUM(attended) OVER (PARTITION BY branch, branch_name, member_id ORDER BY month \
         ROWS UNBOUNDED PRECEDING) AS grp, \
       SUM(attended) OVER (PARTITION BY branch, branch_name, member_id) AS total \
       FROM named WHERE in_series = 1) \
     SELECT branch, branch_name, member_id, MIN(month), MAX(latest_name), \
       string_agg(month, ',' ORDER BY month), \
       CAST(MAX(CASE WHEN grp = total THEN 1 ELSE 0 END) AS BIGINT) \
     FROM series WHERE attended = 0 \
     GROUP BY branch, branch_name, member_id, grp HAVING COUNT(*) >= $1";

/// Branches whose runs are worked out again in one transaction (each holds its lock meanwhile).
const REFRESH_BRANCHES: usize = 200;

/// Mark `branches`' runs to be worked out again, in the transaction that changed their sums.
pub async fn mark_all(conn: &mut sqlx::AnyConnection, branches: &[&str]) -> sqlx::Result<()> {
    let mut sql = String::from("INSERT INTO runs_dirty (branch) VALUES ");
    crate::store::push_placeholders(&mut sql, branches.len(), 1);
    sql.push_str(" ON CONFLICT (branch) DO NOTHING");
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
    for b in branches {
        q = q.bind(*b);
    }
    q.execute(&mut *conn).await?;
    Ok(())
}

/// Bring the sums up to date ([`crate::settle::settle_all`]), then work out again the runs of
/// every marked branch, a few hundred branches per transaction, under the sums lock that writers
/// of the sums take ([`crate::settle::lock_sums`]), so a settled file is either in the runs or
/// marks its branch again.
pub async fn refresh(db: &Db) -> sqlx::Result<()> {
    crate::settle::settle_all(db).await?;
    loop {
        let limit = i64::try_from(REFRESH_BRANCHES).unwrap_or(200);
        let branches: Vec<String> =
            sqlx::query("SELECT branch FROM runs_dirty ORDER BY branch LIMIT $1")
                .bind(limit)
                .fetch_all(&db.pool)
                .await?
                .iter()
                .map(|r| r.try_get(0))
                .collect::<sqlx::Result<_>>()?;
        if branches.is_empty() {
            return Ok(());
        }
        let _turn = db.write_turn().await;
        let mut tx = db.pool.begin().await?;
        crate::settle::lock_sums(&mut tx, db.engine).await?;
        // The branches as `$first, …`.
        let list = |first: usize| crate::store::numbered(first, branches.len());
        // In the insert `$1` is the least run length and the branches follow.
        let insert = format!(
            "INSERT INTO sum_absence_runs (branch, branch_name, member_id, first_month, name, \
             months, ongoing) {}",
            RUNS.replace("{BRANCHES}", &list(2))
        );
        let delete_runs = format!("DELETE FROM sum_absence_runs WHERE branch IN ({})", list(1));
        let delete_marks = format!("DELETE FROM runs_dirty WHERE branch IN ({})", list(1));
        for (sql, least) in [(delete_runs, false), (insert, true), (delete_marks, false)] {
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
            if least {
                q = q.bind(i64::try_from(WARN_MONTHS).unwrap_or(3));
            }
            for b in &branches {
                q = q.bind(b);
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
    }
}

/// The runs of 3+ months that touch the period, sorted by branch, member id and first month.
pub async fn runs(db: &Db, from: Option<&str>, to: Option<&str>) -> sqlx::Result<Vec<AbsenceRow>> {
    runs_of(db, None, from, to).await
}

/// The same, of the members of the branches whose tree path starts with `prefix` (the desk's
/// scope, [`crate::desk::scope`]).
pub async fn runs_under(
    db: &Db,
    prefix: &str,
    from: Option<&str>,
    to: Option<&str>,
) -> sqlx::Result<Vec<AbsenceRow>> {
    runs_of(db, Some(prefix), from, to).await
}

async fn runs_of(
    db: &Db,
    prefix: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> sqlx::Result<Vec<AbsenceRow>> {
    refresh(db).await?;
    let period = Period {
        from: from.and_then(YearMonth::parse),
        to: to.and_then(YearMonth::parse),
    };
    let scope = match prefix {
        None => String::new(),
        Some(_) => format!(
            "JOIN orgs o ON o.code = r.branch AND {}",
            crate::desk::scope::under_estimated(db.engine, 1)
        ),
    };
    let sql = format!(
        "SELECT r.branch, r.branch_name, r.member_id, r.name, r.months, r.ongoing \
         FROM sum_absence_runs r {scope}"
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(prefix.is_none());
    if let Some(p) = prefix {
        q = q.bind(p);
    }
    let rows = q.fetch_all(&db.pool).await?;
    let mut out = Vec::new();
    for r in rows {
        let months: String = r.try_get(4)?;
        let months: Vec<String> = months.split(',').map(str::to_owned).collect();
        let parsed: Vec<YearMonth> = months.iter().filter_map(|m| YearMonth::parse(m)).collect();
        let Some(level) = Level::of(months.len()) else {
            continue;
        };
        if !period.touches(&parsed) {
            continue;
        }
        let ongoing: i64 = r.try_get(5)?;
        out.push(AbsenceRow {
            branch_code: r.try_get(0)?,
            branch_name: r.try_get(1)?,
            member_id: r.try_get(2)?,
            name: r.try_get(3)?,
            months,
            level: level.key(),
            ongoing: ongoing == 1,
        });
    }
    out.sort_by(|a, b| {
        (
            &a.branch_code,
            &a.branch_name,
            &a.member_id,
            a.months.first(),
        )
            .cmp(&(
                &b.branch_code,
                &b.branch_name,
                &b.member_id,
                b.months.first(),
            ))
    });
    Ok(out)
}
