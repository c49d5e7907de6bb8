//! Reviewer accounts: `user add NAME --org CODE`, `user list`, `user remove`, and the admin
//! account `init` creates. Passwords are hashed with argon2id (the argon2 crate's defaults); only
//! the PHC string is stored.

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use sqlx::Row;

use crate::db::Db;

/// The admin account `init` creates; it sees the whole tree.
pub const ADMIN: &str = "admin";
/// What an account's `org` says when it sees the whole tree.
pub const WHOLE_TREE: &str = "*";
/// Shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest name and password accepted.
const MAX_NAME_CHARS: usize = 64;
const MAX_PASSWORD_BYTES: usize = 1024;

/// The PHC string of `password` (argon2id, a fresh salt from the system).
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// Whether `password` matches the stored PHC string (a malformed one matches nothing).
pub fn verify_password(password: &str, phc: &str) -> bool {
    if password.len() > MAX_PASSWORD_BYTES {
        return false;
    }
    PasswordHash::new(phc).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

fn check_name(name: &str) -> anyhow::Result<()> {
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && name
            .chars()
            .all(|c| !c.is_control() && !c.is_whitespace() && c != '/' && c != '\\');
    if !ok || branchday::sanitize::line(name) != name {
        anyhow::bail!(
            "{}: an account name is 1 to {MAX_NAME_CHARS} characters without spaces, slashes or control characters",
            branchday::sanitize::line(name)
        );
    }
    Ok(())
}

fn check_password(password: &str) -> anyhow::Result<()> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        anyhow::bail!("the password is shorter than {MIN_PASSWORD_CHARS} characters");
    }
    if password.len() > MAX_PASSWORD_BYTES {
        anyhow::bail!("the password is longer than {MAX_PASSWORD_BYTES} bytes");
    }
    Ok(())
}

/// Add a reviewer who sees the organisation `org` (a code of the imported tree) and what lies
/// under it.
pub async fn add(db: &Db, name: &str, org: &str, password: &str, now: &str) -> anyhow::Result<()> {
    check_name(name)?;
    check_password(password)?;
    if org != WHOLE_TREE {
        let known = sqlx::query("SELECT 1 FROM orgs WHERE code = $1")
            .bind(org)
            .fetch_optional(&db.pool)
            .await?
            .is_some();
        if !known {
            anyhow::bail!(
                "no organisation {} in the tree: import it first with `branchday-server org import FILE`",
                branchday::sanitize::line(org)
            );
        }
    }
    let phc = hash_password(password)?;
    let done = sqlx::query(
        "INSERT INTO users (name, org, password_hash, admin, created_at) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name)
    .bind(org)
    .bind(&phc)
    .bind(i64::from(org == WHOLE_TREE))
    .bind(now)
    .execute(&db.pool)
    .await?
    .rows_affected();
    if done == 0 {
        anyhow::bail!(
            "there is already an account {name}: remove it first with `branchday-server user remove {name}`"
        );
    }
    Ok(())
}

/// Whether an account exists.
pub async fn exists(db: &Db, name: &str) -> sqlx::Result<bool> {
    Ok(sqlx::query("SELECT 1 FROM users WHERE name = $1")
        .bind(name)
        .fetch_optional(&db.pool)
        .await?
        .is_some())
}

/// One account as listed (never the hash).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Listed {
    pub name: String,
    pub org: String,
    pub created_at: String,
}

pub async fn list(db: &Db) -> sqlx::Result<Vec<Listed>> {
    sqlx::query("SELECT name, org, created_at FROM users ORDER BY name")
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Listed {
                name: r.try_get(0)?,
                org: r.try_get(1)?,
                created_at: r.try_get(2)?,
            })
        })
        .collect()
}

/// Remove an account and end its sessions.
pub async fn remove(db: &Db, name: &str) -> anyhow::Result<()> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("DELETE FROM users WHERE name = $1")
        .bind(name)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if done == 0 {
        anyhow::bail!(
            "no account {}: `branchday-server user list` shows them",
            branchday::sanitize::line(name)
        );
    }
    for sql in [
        "DELETE FROM sessions WHERE user_name = $1",
        "DELETE FROM login_failures WHERE user_name = $1",
    ] {
        sqlx::query(sql).bind(name).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A new random password for the admin account: 20 characters a person can type.
pub fn generate_password() -> anyhow::Result<String> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes)
        .map_err(|e| anyhow::anyhow!("the system gave no random bytes: {e}"))?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[usize::from(*b) % ALPHABET.len()] as char)
        .collect())
}

/// The stored hash and organisation of an account.
pub async fn credentials(db: &Db, name: &str) -> sqlx::Result<Option<(String, String)>> {
    sqlx::query("SELECT password_hash, org FROM users WHERE name = $1")
        .bind(name)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let h = hash_password("正确的密码 horse").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(verify_password("正确的密码 horse", &h));
        assert!(!verify_password("正确的密码 horsE", &h));
        assert!(!verify_password("x", "not a phc string"));
    }

    #[test]
    fn names_and_passwords_are_checked() {
        assert!(check_name("张三").is_ok());
        assert!(check_name("a b").is_err());
        assert!(check_name("\u{202e}x").is_err());
        assert!(check_password("short").is_err());
        assert!(generate_password().unwrap().len() == 20);
    }
}
