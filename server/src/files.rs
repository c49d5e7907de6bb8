//! `branchday-server files [--branch CODE] [--json]`: what is stored.

use sqlx::Row;

use crate::db::Db;

/// One stored file as listed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Listed {
    pub id: String,
    pub branch: String,
    pub version: i64,
    pub kind: String,
    pub month: String,
    pub digest: String,
    pub signer: Option<String>,
    pub trusted: bool,
    pub received_at: String,
}

/// Every stored file (of one branch), in the order received.
pub async fn list(db: &Db, branch: Option<&str>) -> sqlx::Result<Vec<Listed>> {
    let sql = "SELECT id, branch, version, kind, month, digest, signer, trusted, received_at \
               FROM files WHERE ($1 = '' OR branch = $2) ORDER BY received_at, id";
    let branch = branch.unwrap_or_default();
    let rows = sqlx::query(sql)
        .bind(branch)
        .bind(branch)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(Listed {
                id: r.try_get(0)?,
                branch: r.try_get(1)?,
                version: r.try_get(2)?,
                kind: r.try_get(3)?,
                month: r.try_get(4)?,
                digest: r.try_get(5)?,
                signer: r.try_get(6)?,
                trusted: r.try_get::<i64, _>(7)? != 0,
                received_at: r.try_get(8)?,
            })
        })
        .collect()
}
