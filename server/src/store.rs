//! Storing a checked file exactly once, and reading it back.
//!
//! The file's row, its item and attendance rows and its mark as pending for the sums
//! ([`crate::settle`]) go in one transaction; the id is the primary key, so of two concurrent
//! uploads of the same id one inserts and the other finds it there.

use sqlx::Row;

use crate::db::Db;
use crate::record::Record;

/// The effect of storing a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// Newly stored and committed.
    Created,
    /// The same bytes were already there.
    Same,
    /// Different content is stored under this id (nothing was changed).
    Conflict,
}

/// Rows per multi-row INSERT (well under both engines' limit on bound parameters).
const ROWS_PER_INSERT: usize = 400;

/// Store `record` with its exact `body`, unless the id is taken.
pub async fn put(db: &Db, record: &Record, body: &str, received_at: &str) -> sqlx::Result<Stored> {
    let _turn = db.write_turn().await;
    let mut conn = db.pool.acquire().await?;
    let result = put_on(&mut conn, db.engine, record, body, received_at).await;
    if let Ok(Stored::Created) = result {
        db.stored.notify_one();
    }
    if result.is_err() {
        // A write that failed part-way (a full disk, a server gone) can leave the connection
        // inside its transaction or on an old snapshot (seen with SQLite on a full disk: later
        // writes on it failed with SQLITE_BUSY_SNAPSHOT and reads missed committed files). It is
        // closed, never handed out again; the pool opens a fresh one.
        conn.close_on_drop();
    }
    result
}

async fn put_on(
    conn: &mut sqlx::AnyConnection,
    engine: crate::db::Engine,
    record: &Record,
    body: &str,
    received_at: &str,
) -> sqlx::Result<Stored> {
    let mut tx = sqlx::Connection::begin(conn).await?;
    let c = &record.counts;
    let inserted = sqlx::query(
        "INSERT INTO files (id, branch, branch_name, version, kind, month, started_at, \
         finalized_at, supersedes, digest, content_sha256, signer, trusted, expected_total, \
         expected_full, expected_probationary, present_total, present_full, \
         present_probationary, received_at, size, body, status, grp) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, \
         $18, $19, $20, $21, $22, $23, $24) ON CONFLICT (id) DO NOTHING",
    )
    .bind(&record.id)
    .bind(&record.branch)
    .bind(&record.branch_name)
    .bind(record.version)
    .bind(&record.kind)
    .bind(&record.month)
    .bind(&record.started_at)
    .bind(&record.finalized_at)
    .bind(record.supersedes.as_deref())
    .bind(&record.digest)
    .bind(&record.content_digest)
    .bind(record.signer.as_deref())
    .bind(i64::from(record.trusted))
    .bind(c[0])
    .bind(c[1])
    .bind(c[2])
    .bind(c[3])
    .bind(c[4])
    .bind(c[5])
    .bind(received_at)
    .bind(i64::try_from(body.len()).unwrap_or(i64::MAX))
    .bind(body)
    .bind(record.status)
    .bind(record.group.as_deref())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        let held: Option<String> = sqlx::query("SELECT content_sha256 FROM files WHERE id = $1")
            .bind(&record.id)
            .fetch_optional(&mut *tx)
            .await?
            .map(|r| r.try_get(0))
            .transpose()?;
        tx.rollback().await?;
        return Ok(match held {
            Some(d) if d == record.content_digest => Stored::Same,
            _ => Stored::Conflict,
        });
    }
    for (chunk_no, chunk) in record.items.chunks(ROWS_PER_INSERT).enumerate() {
        let mut sql = String::from(
            "INSERT INTO file_items (file_id, position, item_type, title, stage, outcome, \
             votes_yes, votes_no, votes_abstain) VALUES ",
        );
        push_placeholders(&mut sql, chunk.len(), 9);
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
        for (i, it) in chunk.iter().enumerate() {
            let votes = it.votes.map_or([None; 3], |v| v.map(Some));
            q = q
                .bind(&record.id)
                .bind(i64::try_from(chunk_no * ROWS_PER_INSERT + i).unwrap_or(i64::MAX))
                .bind(&it.item_type)
                .bind(&it.title)
                .bind(it.stage.as_deref())
                .bind(it.outcome.as_deref())
                .bind(votes[0])
                .bind(votes[1])
                .bind(votes[2]);
        }
        q.execute(&mut *tx).await?;
    }
    for (chunk_no, chunk) in record.attendance.chunks(ROWS_PER_INSERT).enumerate() {
        let mut sql = String::from(
            "INSERT INTO file_attendance (file_id, position, branch, month, kind, member_id, \
             name, standing, status, counted, approved_leave) VALUES ",
        );
        push_placeholders(&mut sql, chunk.len(), 11);
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.as_str()));
        for (i, a) in chunk.iter().enumerate() {
            q = q
                .bind(&record.id)
                .bind(i64::try_from(chunk_no * ROWS_PER_INSERT + i).unwrap_or(i64::MAX))
                .bind(&record.branch)
                .bind(&record.month)
                .bind(&record.kind)
                .bind(&a.member_id)
                .bind(&a.name)
                .bind(&a.standing)
                .bind(&a.status)
                .bind(i64::from(a.counted))
                .bind(i64::from(a.approved_leave));
        }
        q.execute(&mut *tx).await?;
    }
    // Last, as it takes the branch's lock until the commit.
    crate::settle::mark_pending(&mut tx, engine, &record.id, &record.branch).await?;
    tx.commit().await?;
    Ok(Stored::Created)
}

/// `$first, …`: `n` numbered placeholders, for an `IN` list.
pub fn numbered(first: usize, n: usize) -> String {
    let n: Vec<String> = (first..first + n).map(|i| format!("${i}")).collect();
    n.join(", ")
}

/// `($1, …, $k), ($k+1, …)`: `rows` groups of `width` numbered placeholders.
pub fn push_placeholders(sql: &mut String, rows: usize, width: usize) {
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..width {
            if c > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("${}", r * width + c + 1));
        }
        sql.push(')');
    }
}

/// The current review of a stored file, as the desk recorded it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Review {
    /// `approved` or `returned`.
    pub state: String,
    pub comment: String,
    pub reviewer: String,
    pub at: String,
}

/// The review of `id`, when it has one.
pub async fn review_of(db: &Db, id: &str) -> sqlx::Result<Option<Review>> {
    let row = sqlx::query(
        "SELECT review_state, review_comment, reviewed_by, reviewed_at FROM files WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let state: String = r.try_get(0)?;
    if state.is_empty() {
        return Ok(None);
    }
    Ok(Some(Review {
        state,
        comment: r.try_get(1)?,
        reviewer: r.try_get(2)?,
        at: r.try_get(3)?,
    }))
}

/// Fill in `approved_leave` for attendance lines stored before the column existed (migration
/// 0003), from each file's stored bytes read with the library; returns how many files were read.
pub async fn fill_approved_leave(db: &Db) -> sqlx::Result<usize> {
    let ids: Vec<String> =
        sqlx::query("SELECT DISTINCT file_id FROM file_attendance WHERE approved_leave IS NULL")
            .fetch_all(&db.pool)
            .await?
            .iter()
            .map(|r| r.try_get(0))
            .collect::<sqlx::Result<_>>()?;
    for id in &ids {
        let Some(held) = get(db, id).await? else {
            continue;
        };
        let checked = branchday::minutes::check_bytes(held.body.as_bytes());
        let leave: Vec<bool> = checked.minutes.as_ref().map_or_else(Vec::new, |m| {
            m.attendance
                .iter()
                .map(branchday::stats::approved_leave)
                .collect()
        });
        let _turn = db.write_turn().await;
        let mut tx = db.pool.begin().await?;
        for (position, approved) in leave.iter().enumerate() {
            sqlx::query(
                "UPDATE file_attendance SET approved_leave = $1 WHERE file_id = $2 AND position = $3",
            )
            .bind(i64::from(*approved))
            .bind(id)
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .execute(&mut *tx)
            .await?;
        }
        // Anything the file no longer says (it always does: the bytes are what was checked).
        sqlx::query(
            "UPDATE file_attendance SET approved_leave = 0 WHERE file_id = $1 AND approved_leave IS NULL",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
    }
    Ok(ids.len())
}

/// A stored file as served back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub branch: String,
    pub content_digest: String,
    pub body: String,
}

/// The file stored under `id`, if any.
pub async fn get(db: &Db, id: &str) -> sqlx::Result<Option<Held>> {
    let row = sqlx::query("SELECT branch, content_sha256, body FROM files WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| {
        Ok(Held {
            branch: r.try_get(0)?,
            content_digest: r.try_get(1)?,
            body: r.try_get(2)?,
        })
    })
    .transpose()
}

#[cfg(test)]
mod tests {
    #[test]
    fn placeholders_are_numbered_in_order() {
        let mut s = String::new();
        super::push_placeholders(&mut s, 2, 3);
        assert_eq!(s, "($1, $2, $3), ($4, $5, $6)");
        assert_eq!(super::numbered(2, 3), "$2, $3, $4");
    }
}
