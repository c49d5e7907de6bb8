//! The sums that statistics and the desk read (migrations 0004–0008), kept in step with the
//! stored rows:
//!
//! - a stored file that no stored file supersedes adds its own rows to the sums;
//! - a file that supersedes a kept one (not itself) makes that file's branch-month be summed again
//!   from the stored rows, now without it — so a correction arriving before the file it corrects,
//!   or corrections of corrections, come out as if every file had been there from the start;
//! - a change of review state sums its file's branch-month again.
//!
//! Stored files are added in batches ([`crate::settle`]), before anything reads the sums.
//!
//! Every sum is over *kept* files only, the same rule as `branchday stats`: a file named in another
//! stored file's `supersedes` (other than itself) does not count.
//!
//! On PostgreSQL, writers of the sums take transaction-scoped advisory locks on the sums and on
//! the branches whose sums they change ([`lock`], [`crate::settle`]). Keys are taken in one
//! statement in a fixed order. SQLite writes one transaction at a time ([`Db::write_turn`]).

use branchday::domain::MeetingKind;
use sha2::{Digest, Sha256};
use sqlx::{AnyConnection, Row};

use crate::db::{Db, Engine};

/// "Kept": no other stored file supersedes the file `f`.
const KEPT: &str = "NOT EXISTS (SELECT 1 FROM files c WHERE c.supersedes = f.id AND c.id <> f.id)";

/// The same, as one hashed list for a pass over every file.
const KEPT_ALL: &str = "f.id NOT IN (SELECT c.supersedes FROM files c \
     WHERE c.supersedes IS NOT NULL AND c.supersedes <> c.id)";

/// The column of `sum_branch_month` that counts a kind of meeting.
pub fn kind_column(kind: MeetingKind) -> String {
    format!("k_{}", kind.key())
}

/// The kept files `f` that `cond` selects added to their branch-months.
pub(crate) fn branch_month_sql(cond: &str) -> String {
    // The kind keys are the library's own constants, not input.
    let cols: Vec<String> = MeetingKind::ALL.iter().map(|k| kind_column(*k)).collect();
    let sums: Vec<String> = MeetingKind::ALL
        .iter()
        .map(|k| format!("SUM(CASE WHEN f.kind = '{}' THEN 1 ELSE 0 END)", k.key()))
        .collect();
    let adds: Vec<String> = cols
        .iter()
        .chain(&[
            "returned".to_owned(),
            "expected".to_owned(),
            "attended".to_owned(),
        ])
        .map(|c| format!("{c} = sum_branch_month.{c} + excluded.{c}"))
        .collect();
    // Each file's counted lines and those present or late, read by its id (the attendance
    // table's key), so one file's sums read its own lines alone.
    let expected =
        "COALESCE((SELECT SUM(a.counted) FROM file_attendance a WHERE a.file_id = f.id), 0)";
    let attended = "COALESCE((SELECT SUM(CASE WHEN a.counted = 1 AND a.status IN ('present', \
         'late') THEN 1 ELSE 0 END) FROM file_attendance a WHERE a.file_id = f.id), 0)";
    format!(
        "INSERT INTO sum_branch_month (branch, branch_name, month, {}, returned, expected, \
         attended) \
         SELECT f.branch, f.branch_name, f.month, {}, \
         SUM(CASE WHEN f.review_state = 'returned' THEN 1 ELSE 0 END), SUM(f.expected), \
         SUM(f.attended) \
         FROM (SELECT f.branch, f.branch_name, f.month, f.kind, f.review_state, \
           {expected} AS expected, {attended} AS attended FROM files f WHERE {cond}) f \
         GROUP BY f.branch, f.branch_name, f.month \
         ON CONFLICT (branch, branch_name, month) DO UPDATE SET {}",
        cols.join(", "),
        sums.join(", "),
        adds.join(", ")
    )
}

/// The bit of a `YYYY-MM` column's month in its year's mask.
fn month_bit(col: &str) -> String {
    format!("(1 << (CAST(substr({col}, 6, 2) AS INTEGER) - 1))")
}

/// The months of the kept files `f` that `cond` selects set in their branch-years' masks of their
/// kinds. Each month of a kind is taken once, so the sum of the months' bits is their union.
pub(crate) fn branch_year_of_files_sql(cond: &str) -> String {
    let cols: Vec<String> = MeetingKind::ALL.iter().map(|k| kind_column(*k)).collect();
    let bits: Vec<String> = MeetingKind::ALL
        .iter()
        .map(|k| {
            format!(
                "SUM(CASE WHEN f.kind = '{}' THEN {} ELSE 0 END)",
                k.key(),
                month_bit("f.month")
            )
        })
        .collect();
    let ors: Vec<String> = cols
        .iter()
        .map(|c| format!("{c} = sum_branch_year.{c} | excluded.{c}"))
        .collect();
    format!(
        "INSERT INTO sum_branch_year (branch, branch_name, year, {}) \
         SELECT f.branch, f.branch_name, substr(f.month, 1, 4), {} \
         FROM (SELECT DISTINCT f.branch, f.branch_name, f.kind, f.month FROM files f \
           WHERE {cond}) f \
         GROUP BY f.branch, f.branch_name, substr(f.month, 1, 4) \
         ON CONFLICT (branch, branch_name, year) DO UPDATE SET {}",
        cols.join(", "),
        bits.join(", "),
        ors.join(", ")
    )
}

/// Branch-year masks from the branch-month sums (`cond` over `sum_branch_month`); each
/// branch-month row is one month, so the sum of its bits is their union.
fn branch_year_from_months_sql(cond: &str) -> String {
    let cols: Vec<String> = MeetingKind::ALL.iter().map(|k| kind_column(*k)).collect();
    let bits: Vec<String> = cols
        .iter()
        .map(|c| {
            format!(
                "SUM(CASE WHEN {c} > 0 THEN {} ELSE 0 END)",
                month_bit("month")
            )
        })
        .collect();
    format!(
        "INSERT INTO sum_branch_year (branch, branch_name, year, {}) \
         SELECT branch, branch_name, substr(month, 1, 4), {} FROM sum_branch_month \
         WHERE {cond} GROUP BY branch, branch_name, substr(month, 1, 4)",
        cols.join(", "),
        bits.join(", ")
    )
}

pub(crate) fn items_sql(cond: &str) -> String {
    format!(
        "INSERT INTO sum_items (branch, branch_name, month, outcome, stage, n) \
         SELECT f.branch, f.branch_name, f.month, COALESCE(i.outcome, ''), COALESCE(i.stage, ''), \
         COUNT(*) FROM file_items i JOIN files f ON f.id = i.file_id WHERE {cond} \
         GROUP BY f.branch, f.branch_name, f.month, COALESCE(i.outcome, ''), COALESCE(i.stage, '') \
         ON CONFLICT (branch, branch_name, month, outcome, stage) DO UPDATE SET \
         n = sum_items.n + excluded.n"
    )
}

pub(crate) fn members_sql(engine: Engine, cond: &str) -> String {
    let greatest = match engine {
        Engine::Sqlite => "MAX",
        Engine::Postgres => "GREATEST",
    };
    format!(
        "INSERT INTO sum_member_month (branch, branch_name, member_id, month, lines, counted, \
         present, excused, absent, attended_lines, unexcused_lines, name) \
         SELECT f.branch, f.branch_name, a.member_id, f.month, COUNT(*), SUM(a.counted), \
         SUM(CASE WHEN a.counted = 1 AND a.status IN ('present', 'late') THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.counted = 1 AND a.status = 'excused' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.counted = 1 AND a.status = 'absent' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.status IN ('present', 'late') THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.counted = 1 AND a.status NOT IN ('present', 'late') \
             AND a.approved_leave = 0 THEN 1 ELSE 0 END), \
         MAX(a.name) \
         FROM file_attendance a JOIN files f ON f.id = a.file_id WHERE {cond} \
         GROUP BY f.branch, f.branch_name, a.member_id, f.month \
         ON CONFLICT (branch, branch_name, member_id, month) DO UPDATE SET \
         lines = sum_member_month.lines + excluded.lines, \
         counted = sum_member_month.counted + excluded.counted, \
         present = sum_member_month.present + excluded.present, \
         excused = sum_member_month.excused + excluded.excused, \
         absent = sum_member_month.absent + excluded.absent, \
         attended_lines = sum_member_month.attended_lines + excluded.attended_lines, \
         unexcused_lines = sum_member_month.unexcused_lines + excluded.unexcused_lines, \
         name = {greatest}(sum_member_month.name, excluded.name)"
    )
}

/// Files' lines added to the members' whole-time sums.
pub(crate) fn member_totals_sql(engine: Engine, cond: &str) -> String {
    let greatest = match engine {
        Engine::Sqlite => "MAX",
        Engine::Postgres => "GREATEST",
    };
    format!(
        "INSERT INTO sum_member (branch, branch_name, member_id, counted, present, excused, \
         absent, latest) \
         SELECT f.branch, f.branch_name, a.member_id, SUM(a.counted), \
         SUM(CASE WHEN a.counted = 1 AND a.status IN ('present', 'late') THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.counted = 1 AND a.status = 'excused' THEN 1 ELSE 0 END), \
         SUM(CASE WHEN a.counted = 1 AND a.status = 'absent' THEN 1 ELSE 0 END), \
         MAX(f.month || ' ' || a.name) \
         FROM file_attendance a JOIN files f ON f.id = a.file_id WHERE {cond} \
         GROUP BY f.branch, f.branch_name, a.member_id \
         ON CONFLICT (branch, branch_name, member_id) DO UPDATE SET \
         counted = sum_member.counted + excluded.counted, \
         present = sum_member.present + excluded.present, \
         excused = sum_member.excused + excluded.excused, \
         absent = sum_member.absent + excluded.absent, \
         latest = {greatest}(sum_member.latest, excluded.latest)"
    )
}

/// The members' whole-time sums from their member-months (`cond` over `sum_member_month`).
fn member_totals_from_months_sql(cond: &str) -> String {
    format!(
        "INSERT INTO sum_member (branch, branch_name, member_id, counted, present, excused, \
         absent, latest) \
         SELECT branch, branch_name, member_id, SUM(counted), SUM(present), SUM(excused), \
         SUM(absent), MAX(month || ' ' || name) FROM sum_member_month WHERE {cond} \
         GROUP BY branch, branch_name, member_id"
    )
}

/// The advisory lock key of `what` (the first 8 bytes of its SHA-256).
pub fn lock_key(what: &str) -> i64 {
    let d = Sha256::digest(what.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&d[..8]);
    i64::from_be_bytes(b)
}

/// The lock name of a branch's sums.
pub fn branch_key(branch: &str) -> String {
    format!("branch:{branch}")
}

/// On PostgreSQL, take the transaction's advisory locks on `names` (ids, [`branch_key`]s), in
/// the order of their keys; nothing on SQLite.
pub async fn lock(conn: &mut AnyConnection, engine: Engine, names: &[&str]) -> sqlx::Result<()> {
    if engine != Engine::Postgres || names.is_empty() {
        return Ok(());
    }
    let mut keys: Vec<i64> = names.iter().map(|n| lock_key(n)).collect();
    keys.sort_unstable();
    keys.dedup();
    // A target list is evaluated left to right; the void results stay inside the subquery.
    let calls: Vec<String> = (1..=keys.len())
        .map(|i| format!("pg_advisory_xact_lock(${i}) AS l{i}"))
        .collect();
    let sql = format!(
        "SELECT CAST(1 AS BIGINT) FROM (SELECT {}) l",
        calls.join(", ")
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for k in keys {
        q = q.bind(k);
    }
    q.fetch_all(&mut *conn).await?;
    Ok(())
}

/// Sum one branch-month again from the stored rows.
pub async fn resum(
    conn: &mut AnyConnection,
    engine: Engine,
    branch: &str,
    branch_name: &str,
    month: &str,
) -> sqlx::Result<()> {
    crate::absence::mark_all(conn, &[branch]).await?;
    // The month's rows from the stored rows, then the branch's masks of the month's year from
    // its branch-months; each statement reads the branch, its name and the month as $1–$3.
    let mut by_month: Vec<String> = ["sum_branch_month", "sum_items", "sum_member_month"]
        .iter()
        .map(|t| format!("DELETE FROM {t} WHERE branch = $1 AND branch_name = $2 AND month = $3"))
        .collect();
    let cond = format!("f.branch = $1 AND f.branch_name = $2 AND f.month = $3 AND {KEPT}");
    by_month.extend([
        branch_month_sql(&cond),
        items_sql(&cond),
        members_sql(engine, &cond),
        "DELETE FROM sum_branch_year WHERE branch = $1 AND branch_name = $2 \
         AND year = substr($3, 1, 4)"
            .to_owned(),
        branch_year_from_months_sql(
            "branch = $1 AND branch_name = $2 AND substr(month, 1, 4) = substr($3, 1, 4)",
        ),
    ]);
    for sql in by_month {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(branch)
            .bind(branch_name)
            .bind(month)
            .execute(&mut *conn)
            .await?;
    }
    // The whole-time sums of the branch's members, from their member-months.
    sqlx::query("DELETE FROM sum_member WHERE branch = $1 AND branch_name = $2")
        .bind(branch)
        .bind(branch_name)
        .execute(&mut *conn)
        .await?;
    sqlx::query(sqlx::AssertSqlSafe(member_totals_from_months_sql(
        "branch = $1 AND branch_name = $2",
    )))
    .bind(branch)
    .bind(branch_name)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Sum the stored file `id`'s branch-month again (after its review changed); the caller holds
/// the sums lock and the locks on `id` and on its branch, and has settled the branch's pending
/// files ([`crate::settle::settle`]).
pub async fn resum_file(conn: &mut AnyConnection, engine: Engine, id: &str) -> sqlx::Result<()> {
    let row = sqlx::query("SELECT branch, branch_name, month FROM files WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    let Some(r) = row else { return Ok(()) };
    let (b, name, month): (String, String, String) = (r.try_get(0)?, r.try_get(1)?, r.try_get(2)?);
    resum(conn, engine, &b, &name, &month).await
}

/// Rebuild every sum from the stored rows, in one transaction.
pub async fn rebuild(db: &Db) -> sqlx::Result<()> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool.begin().await?;
    crate::settle::lock_sums(&mut tx, db.engine).await?;
    if db.engine == Engine::Postgres {
        // Writers wait meanwhile (they would add to sums that are being replaced); files stored
        // meanwhile wait to be marked pending, so every file counted here is one no longer
        // pending.
        for table in [
            "sum_pending",
            "sum_branch_month",
            "sum_items",
            "sum_member_month",
            "sum_member",
            "sum_absence_runs",
            "runs_dirty",
            "sum_branch_year",
        ] {
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "LOCK TABLE {table} IN EXCLUSIVE MODE"
            )))
            .execute(&mut *tx)
            .await?;
        }
    }
    for table in [
        "sum_pending",
        "sum_branch_month",
        "sum_items",
        "sum_member_month",
        "sum_member",
        "sum_absence_runs",
        "runs_dirty",
        "sum_branch_year",
        "summary_state",
    ] {
        sqlx::query(sqlx::AssertSqlSafe(format!("DELETE FROM {table}")))
            .execute(&mut *tx)
            .await?;
    }
    for sql in [
        branch_month_sql(KEPT_ALL),
        branch_year_from_months_sql("1 = 1"),
        items_sql(KEPT_ALL),
        members_sql(db.engine, KEPT_ALL),
        member_totals_from_months_sql("1 = 1"),
        // Every branch's runs are worked out again at the next read.
        "INSERT INTO runs_dirty (branch) SELECT DISTINCT branch FROM sum_member_month".to_owned(),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    if db.engine == Engine::Postgres {
        // The planner's picture of the tables just filled.
        sqlx::query("ANALYZE sum_branch_month, sum_items, sum_member_month, sum_member")
            .execute(&db.pool)
            .await?;
    }
    Ok(())
}

/// Ask for the sums to be rebuilt at the next [`fill_if_needed`].
pub async fn mark_pending(db: &Db) -> sqlx::Result<()> {
    sqlx::query("INSERT INTO summary_state (pending) VALUES (1) ON CONFLICT (pending) DO NOTHING")
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Rebuild the sums when a migration or [`mark_pending`] asked for it; returns whether it did.
pub async fn fill_if_needed(db: &Db) -> sqlx::Result<bool> {
    let pending = sqlx::query("SELECT pending FROM summary_state")
        .fetch_optional(&db.pool)
        .await?
        .is_some();
    if pending {
        rebuild(db).await?;
    }
    Ok(pending)
}

#[cfg(test)]
mod tests {
    #[test]
    fn lock_keys_differ_and_are_stable() {
        assert_eq!(super::lock_key("a"), super::lock_key("a"));
        assert_ne!(super::lock_key("a"), super::lock_key("b"));
        assert_eq!(super::branch_key("B1"), "branch:B1");
    }
}
