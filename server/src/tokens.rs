//! Per-branch upload tokens.
//!
//! A token is 256 random bits from the operating system, shown once. Only its SHA-256 is stored:
//! for a secret of that much entropy a plain hash is enough (nobody can search 2^256 inputs), and
//! it lets each request be checked with one indexed look-up, without a slow password hash.

use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::db::{Db, now_text};

/// What every token starts with, so one found in a log or a file is recognisable.
pub const PREFIX: &str = "bdt_";

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The stored form of a token.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// A token's short id, for listing and revoking: the start of its hash.
fn id_of(hash: &str) -> String {
    hash[..12].to_owned()
}

/// A new token, issued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issued {
    pub id: String,
    pub token: String,
}

/// Issue a token for `branch`, which must be a branch of the imported organisation tree.
pub async fn add(db: &Db, branch: &str) -> anyhow::Result<Issued> {
    let level: Option<String> = sqlx::query("SELECT level FROM orgs WHERE code = $1")
        .bind(branch)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?;
    match level.as_deref() {
        Some(crate::org::BRANCH) => {}
        Some(other) => anyhow::bail!(
            "{branch} is a {other} in the organisation tree, not a branch: tokens are issued to branches (支部)"
        ),
        None => anyhow::bail!(
            "no branch {branch} in the organisation tree: import it first with `branchday-server org import FILE`"
        ),
    }
    let mut secret = [0u8; 32];
    getrandom::fill(&mut secret)
        .map_err(|e| anyhow::anyhow!("the system gave no random bytes for the token: {e}"))?;
    let token = format!("{PREFIX}{}", hex(&secret));
    let hashed = hash(&token);
    let id = id_of(&hashed);
    sqlx::query("INSERT INTO tokens (id, hash, branch, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&id)
        .bind(&hashed)
        .bind(branch)
        .bind(now_text())
        .execute(&db.pool)
        .await?;
    Ok(Issued { id, token })
}

/// The branch a live token belongs to.
pub async fn branch_of(db: &Db, token: &str) -> sqlx::Result<Option<String>> {
    sqlx::query("SELECT branch FROM tokens WHERE hash = $1 AND revoked_at IS NULL")
        .bind(hash(token))
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()
}

/// One token as listed (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Listed {
    pub id: String,
    pub branch: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

pub async fn list(db: &Db) -> sqlx::Result<Vec<Listed>> {
    let rows = sqlx::query(
        "SELECT id, branch, created_at, revoked_at FROM tokens ORDER BY branch, created_at, id",
    )
    .fetch_all(&db.pool)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Listed {
                id: r.try_get(0)?,
                branch: r.try_get(1)?,
                created_at: r.try_get(2)?,
                revoked_at: r.try_get(3)?,
            })
        })
        .collect()
}

/// Revoke the token with this id; an unknown or already revoked id is an error.
pub async fn revoke(db: &Db, id: &str) -> anyhow::Result<()> {
    let done =
        sqlx::query("UPDATE tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now_text())
            .bind(id)
            .execute(&db.pool)
            .await?
            .rows_affected();
    if done == 0 {
        anyhow::bail!("no live token with id {id}: `branchday-server token list` shows the ids");
    }
    Ok(())
}
