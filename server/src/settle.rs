//! Catching the sums up with the stored files, many files to a transaction.
//!
//! Storing a file adds its row to `sum_pending` (migration 0009) and nothing to the sums
//! ([`crate::store`]). The pending files' sums are added here: by the server's settler a moment
//! after they arrive ([`settler`]), and by every reader of the sums before it reads
//! ([`settle_all`]), so what a reader sees counts every file stored before it asked. One
//! statement per sum over a few thousand files costs far less than a few statements per file in
//! the file's own transaction, which is what kept ingest from a city's pace.
//!
//! What is added follows the same rule as every sum ([`crate::summary`]): over kept files only.
//! A pending file that supersedes another (a correction), and the file it supersedes, have their
//! branch-months summed again from the stored rows instead of added to.
//!
//! On PostgreSQL every writer of the sums first takes the one `sums` advisory lock
//! ([`lock_sums`]), so they take their turns. Adding a pending file needs no other lock: it is
//! added and its pending row deleted in one transaction, and files committed meanwhile stay
//! pending. Summing a branch-month again from the stored rows counts every stored file of the
//! branch, so the branch is locked first and all its pending files are settled in the same
//! transaction. A storing transaction takes its branch's lock in its last statement, before it
//! commits, so no file of a locked branch is committed meanwhile and none is added again later.
//! A storing transaction holds that one lock and waits for nothing else while it holds it, so
//! the writers cannot deadlock. SQLite writes one transaction at a time ([`Db::write_turn`]).

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use sqlx::{AnyConnection, Row};

use crate::db::{Db, Engine};
use crate::store::numbered;
use crate::summary;

/// Pending files one transaction settles (a correction may bring a few more of its branches).
const FILES_PER_BATCH: usize = 1000;
/// Ids per statement (well under both engines' limit on bound parameters).
const IDS_PER_STATEMENT: usize = 1000;

/// How long the settler lets files gather after one arrives.
const GATHER: Duration = Duration::from_millis(250);
/// How often the settler looks without being woken (for files a stopped server left pending).
const IDLE: Duration = Duration::from_secs(5);
/// How long the settler waits after a failure (the database gone, the disk full).
const RETRY: Duration = Duration::from_secs(2);

/// The advisory lock every writer of the sums takes first.
const SUMS_LOCK: &str = "sums";

/// On PostgreSQL, take the transaction's lock on the sums (see the module's text).
pub async fn lock_sums(conn: &mut AnyConnection, engine: Engine) -> sqlx::Result<()> {
    summary::lock(conn, engine, &[SUMS_LOCK]).await
}

/// Record the file `id` of `branch`, just inserted on `conn`, as pending; on PostgreSQL this
/// also takes the branch's lock, shared (files of one branch are stored side by side; a writer
/// of the branch's sums takes it alone), as the transaction's last statement before its commit.
pub async fn mark_pending(
    conn: &mut AnyConnection,
    engine: Engine,
    id: &str,
    branch: &str,
) -> sqlx::Result<()> {
    let sql = match engine {
        Engine::Sqlite => "INSERT INTO sum_pending (file_id, branch) VALUES ($1, $2)",
        // The void result of the lock stays inside the subquery.
        Engine::Postgres => {
            "INSERT INTO sum_pending (file_id, branch) SELECT $1, $2 \
             FROM (SELECT pg_advisory_xact_lock_shared($3)) l"
        }
    };
    let mut q = sqlx::query(sql).bind(id).bind(branch);
    if engine == Engine::Postgres {
        q = q.bind(summary::lock_key(&summary::branch_key(branch)));
    }
    q.execute(&mut *conn).await?;
    Ok(())
}

/// A pending file, with what settling it needs.
struct Pending {
    id: String,
    month: BranchMonth,
    /// No stored file supersedes it (other than itself).
    kept: bool,
    /// It supersedes another file (not itself).
    corrects: bool,
    /// The branch-month of the stored file it supersedes.
    superseded: Option<BranchMonth>,
}

/// Branch code, branch name and month: the key of the branch-month sums.
type BranchMonth = (String, String, String);

/// Which pending files to settle.
#[derive(Clone, Copy)]
pub enum Which<'a> {
    /// These files, where still pending.
    Files(&'a [String]),
    /// Every pending file of these branches.
    Branches(&'a [String]),
}

/// Settle pending files on `conn`, inside the caller's transaction, which holds the sums lock;
/// returns how many files it settled.
///
/// Kept files that correct nothing are added first, without a branch lock. Summing a
/// branch-month again (that of a correction, or of the file it supersedes) counts every stored
/// file of its branch, so that branch is then locked and all its pending files are settled here;
/// the branch-months are summed again last, so what was added to them before is replaced, never
/// counted twice.
pub async fn settle(
    conn: &mut AnyConnection,
    engine: Engine,
    which: Which<'_>,
) -> sqlx::Result<usize> {
    if engine == Engine::Postgres {
        // Every statement here reads a few thousand files' rows through their keys. While a
        // store grows fast its statistics lag (seen: the attendance lines of 1 000 files taken
        // for 182 000, and the 310 000 lines read whole for each batch), so the planner is told
        // not to read whole tables for the rest of this transaction.
        sqlx::query("SET LOCAL enable_seqscan = off")
            .execute(&mut *conn)
            .await?;
    }
    let mut files: BTreeMap<String, Pending> = BTreeMap::new();
    let mut locked: BTreeSet<String> = BTreeSet::new();
    let mut found = match which {
        Which::Files(ids) => pending_where(conn, "p.file_id", ids).await?,
        Which::Branches(branches) => lock_and_read(conn, engine, branches, &mut locked).await?,
    };
    let mut marked: BTreeSet<String> = BTreeSet::new();
    loop {
        found.retain(|p| !files.contains_key(&p.id));
        let added: Vec<&Pending> = found.iter().filter(|p| p.kept && !p.corrects).collect();
        for chunk in added.chunks(IDS_PER_STATEMENT) {
            let ids: Vec<&str> = chunk.iter().map(|p| p.id.as_str()).collect();
            add(conn, engine, &ids).await?;
        }
        marked.extend(added.iter().map(|p| p.month.0.clone()));
        let mut todo: Vec<String> = found
            .iter()
            .filter(|p| p.corrects)
            .flat_map(|p| std::iter::once(&p.month).chain(&p.superseded))
            .map(|(b, _, _)| b.clone())
            .filter(|b| !locked.contains(b))
            .collect();
        files.extend(found.into_iter().map(|p| (p.id.clone(), p)));
        todo.sort();
        todo.dedup();
        if todo.is_empty() {
            break;
        }
        found = lock_and_read(conn, engine, &todo, &mut locked).await?;
    }
    if files.is_empty() {
        return Ok(0);
    }
    let again: BTreeSet<BranchMonth> = files
        .values()
        .filter(|p| p.corrects)
        .flat_map(|p| std::iter::once(p.month.clone()).chain(p.superseded.clone()))
        .collect();
    for (b, name, month) in &again {
        // This marks the branch's runs too.
        summary::resum(conn, engine, b, name, month).await?;
        marked.remove(b);
    }
    let marked: Vec<&str> = marked.iter().map(String::as_str).collect();
    for chunk in marked.chunks(IDS_PER_STATEMENT) {
        crate::absence::mark_all(conn, chunk).await?;
    }
    let ids: Vec<&str> = files.keys().map(String::as_str).collect();
    for chunk in ids.chunks(IDS_PER_STATEMENT) {
        let sql = format!(
            "DELETE FROM sum_pending WHERE file_id IN ({})",
            numbered(1, chunk.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
        for id in chunk {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(files.len())
}

/// Lock `branches` (on PostgreSQL) and read every pending file of them.
async fn lock_and_read(
    conn: &mut AnyConnection,
    engine: Engine,
    branches: &[String],
    locked: &mut BTreeSet<String>,
) -> sqlx::Result<Vec<Pending>> {
    let keys: Vec<String> = branches.iter().map(|b| summary::branch_key(b)).collect();
    let names: Vec<&str> = keys.iter().map(String::as_str).collect();
    summary::lock(conn, engine, &names).await?;
    locked.extend(branches.iter().cloned());
    pending_where(conn, "p.branch", branches).await
}

/// The pending files whose `column` (`p.file_id` or `p.branch`) is one of `values`, with what
/// settling them needs.
async fn pending_where(
    conn: &mut AnyConnection,
    column: &str,
    values: &[String],
) -> sqlx::Result<Vec<Pending>> {
    let mut out = Vec::new();
    for chunk in values.chunks(IDS_PER_STATEMENT) {
        out.extend(pending_where_one(conn, column, chunk).await?);
    }
    Ok(out)
}

async fn pending_where_one(
    conn: &mut AnyConnection,
    column: &str,
    values: &[String],
) -> sqlx::Result<Vec<Pending>> {
    let sql = format!(
        "SELECT f.id, f.branch, f.branch_name, f.month, \
         CASE WHEN NOT EXISTS (SELECT 1 FROM files c WHERE c.supersedes = f.id \
           AND c.id <> f.id) THEN 1 ELSE 0 END, \
         CASE WHEN f.supersedes IS NOT NULL AND f.supersedes <> f.id THEN 1 ELSE 0 END, \
         o.branch, o.branch_name, o.month \
         FROM sum_pending p JOIN files f ON f.id = p.file_id \
         LEFT JOIN files o ON o.id = f.supersedes AND f.supersedes <> f.id \
         WHERE {column} IN ({})",
        numbered(1, values.len())
    );
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
    for v in values {
        q = q.bind(v);
    }
    let mut out = Vec::new();
    for r in q.fetch_all(&mut *conn).await? {
        let superseded: Option<String> = r.try_get(6)?;
        out.push(Pending {
            id: r.try_get(0)?,
            month: (r.try_get(1)?, r.try_get(2)?, r.try_get(3)?),
            kept: r.try_get::<i64, _>(4)? == 1,
            corrects: r.try_get::<i64, _>(5)? == 1,
            superseded: match superseded {
                Some(b) => Some((b, r.try_get(7)?, r.try_get(8)?)),
                None => None,
            },
        });
    }
    Ok(out)
}

/// Add the rows of the kept files `ids` (none of them a correction) to every sum.
async fn add(conn: &mut AnyConnection, engine: Engine, ids: &[&str]) -> sqlx::Result<()> {
    let ids_list = numbered(1, ids.len());
    // The ids select both sides of each join, so each is read through its key.
    let files = format!("f.id IN ({ids_list})");
    let items = format!("i.file_id IN ({ids_list}) AND f.id IN ({ids_list})");
    let lines = format!("a.file_id IN ({ids_list}) AND f.id IN ({ids_list})");
    for sql in [
        summary::branch_month_sql(&files),
        summary::branch_year_of_files_sql(&files),
        summary::items_sql(&items),
        summary::members_sql(engine, &lines),
        summary::member_totals_sql(engine, &lines),
    ] {
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).persistent(false);
        for id in ids {
            q = q.bind(*id);
        }
        q.execute(&mut *conn).await?;
    }
    Ok(())
}

/// Settle every file pending now, a batch to a transaction (files stored meanwhile are left for
/// the next call); returns how many files were settled.
pub async fn settle_all(db: &Db) -> sqlx::Result<usize> {
    let ids: Vec<String> = sqlx::query("SELECT file_id FROM sum_pending ORDER BY file_id")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<sqlx::Result<_>>()?;
    let mut settled = 0;
    for batch in ids.chunks(FILES_PER_BATCH) {
        settled += settle_now(db, Which::Files(batch)).await?;
    }
    Ok(settled)
}

/// Settle `which` in one transaction of its own; returns how many files it settled.
pub async fn settle_now(db: &Db, which: Which<'_>) -> sqlx::Result<usize> {
    let _turn = db.write_turn().await;
    let mut conn = db.pool.acquire().await?;
    let result = async {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        lock_sums(&mut tx, db.engine).await?;
        let n = settle(&mut tx, db.engine, which).await?;
        tx.commit().await?;
        Ok(n)
    }
    .await;
    if result.is_err() {
        // As for a failed store: the connection may be left on an old snapshot (SQLite on a
        // full disk), so it is not handed out again.
        conn.close_on_drop();
    }
    result
}

/// The server's settler: settles what is pending a moment after files arrive (woken through
/// [`Db::stored`]) and every few seconds otherwise. Runs until the task is dropped.
pub async fn settler(db: Db) {
    let mut failing = false;
    loop {
        let _ = tokio::time::timeout(IDLE, db.stored.notified()).await;
        tokio::time::sleep(GATHER).await;
        match settle_all(&db).await {
            Ok(_) => failing = false,
            Err(e) => {
                if !failing {
                    eprintln!(
                        "branchday-server: the sums could not be brought up to date (they will be before they are read): {e}"
                    );
                }
                failing = true;
                tokio::time::sleep(RETRY).await;
            }
        }
    }
}
