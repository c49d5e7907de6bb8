//! The keyring the server judges signatures by: an `allowed_signers` file (principal = branch
//! code), parsed by the library's [`Keyring`] and held in the database line by line.

use std::path::Path;

use branchday::i18n::{Lang, Tr};
use branchday::keys::Keyring;
use sqlx::Row;

use crate::db::Db;

/// Replace the stored keyring with the file at `path`; every line must read.
/// Returns the number of entries.
pub async fn import(db: &Db, path: &Path) -> anyhow::Result<usize> {
    let ring = branchday::keys::read_keyring(path)
        .map_err(|e| anyhow::anyhow!("{}", Tr(Lang::En).keyring_file_error(path, &e)))?;
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("{}: {e}", branchday::sanitize::path(path)))?;
    let mut tx = db.pool.begin().await?;
    sqlx::query("DELETE FROM keyring_lines")
        .execute(&mut *tx)
        .await?;
    for (i, line) in text.lines().enumerate() {
        sqlx::query("INSERT INTO keyring_lines (position, line) VALUES ($1, $2)")
            .bind(i64::try_from(i).unwrap_or(i64::MAX))
            .bind(line)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(ring.entries().len())
}

/// The stored keyring, or `None` when none was imported.
pub async fn load(db: &Db) -> anyhow::Result<Option<Keyring>> {
    let rows = sqlx::query("SELECT line FROM keyring_lines ORDER BY position")
        .fetch_all(&db.pool)
        .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut text = String::new();
    for r in rows {
        let line: String = r.try_get(0)?;
        text.push_str(&line);
        text.push('\n');
    }
    let ring = Keyring::parse(&text).map_err(|e| {
        anyhow::anyhow!(
            "the stored keyring no longer reads ({e:?}); import it again with `branchday-server keyring import FILE`"
        )
    })?;
    Ok(Some(ring))
}
