//! What a reviewer may see: the organisations whose tree path starts with the path of the
//! reviewer's own organisation.

use sqlx::Row;

use crate::db::{Db, Engine};

/// One unit of the tree as the desk shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Org {
    pub code: String,
    pub name: String,
    pub level: String,
    pub parent: Option<String>,
    pub path: String,
}

impl Org {
    /// How deep in the tree the unit sits (the top is 1).
    pub fn depth(&self) -> usize {
        self.path.matches('/').count().saturating_sub(1)
    }
}

/// The SQL condition "the org row `o` lies under the path bound at `$n`".
pub fn under(n: usize) -> String {
    format!("substr(o.path, 1, length(${n})) = ${n}")
}

/// The same condition, written so PostgreSQL can tell how many units it keeps: `starts_with`
/// gets the planner's prefix estimate from the path's statistics, where the `substr` form is
/// guessed at half a per cent of the tree (for a city, 27 units of 5 497), which makes a join over
/// a city's year a nested loop of thousands of index scans instead of one hash join. SQLite has no
/// `starts_with`. Run such a query unprepared (`persistent(false)`), so each is planned with its
/// own path: a cached statement's generic plan falls back to the guess.
pub fn under_estimated(engine: Engine, n: usize) -> String {
    match engine {
        Engine::Postgres => format!("starts_with(o.path, ${n})"),
        Engine::Sqlite => under(n),
    }
}

/// The unit `code`, when it exists and lies under `prefix`.
pub async fn org_in(db: &Db, code: &str, prefix: &str) -> sqlx::Result<Option<Org>> {
    let row = sqlx::query("SELECT code, name, level, parent, path FROM orgs WHERE code = $1")
        .bind(code)
        .fetch_optional(&db.pool)
        .await?;
    let Some(r) = row else { return Ok(None) };
    let org = Org {
        code: r.try_get(0)?,
        name: r.try_get(1)?,
        level: r.try_get(2)?,
        parent: r.try_get(3)?,
        path: r.try_get(4)?,
    };
    Ok(org.path.starts_with(prefix).then_some(org))
}

/// Every unit under `prefix` (the prefix's own unit included), top down, by code.
pub async fn orgs_under(db: &Db, prefix: &str) -> sqlx::Result<Vec<Org>> {
    let sql = format!(
        "SELECT o.code, o.name, o.level, o.parent, o.path FROM orgs o WHERE {} ORDER BY o.path",
        under(1)
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(prefix)
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Org {
                code: r.try_get(0)?,
                name: r.try_get(1)?,
                level: r.try_get(2)?,
                parent: r.try_get(3)?,
                path: r.try_get(4)?,
            })
        })
        .collect()
}

/// The path prefix an account's organisation gives: `/` for the whole tree, the unit's path, or
/// one that matches nothing when the unit is no longer in the tree.
pub async fn prefix_of(db: &Db, org: &str) -> sqlx::Result<String> {
    if org == super::users::WHOLE_TREE {
        return Ok("/".to_owned());
    }
    let path: Option<String> = sqlx::query("SELECT path FROM orgs WHERE code = $1")
        .bind(org)
        .fetch_optional(&db.pool)
        .await?
        .map(|r| r.try_get(0))
        .transpose()?;
    Ok(path
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "\u{0}none".to_owned()))
}

/// The code of the unit at depth `depth` of `path` (1 = the top).
pub fn code_at(path: &str, depth: usize) -> Option<&str> {
    path.split('/').filter(|s| !s.is_empty()).nth(depth - 1)
}

#[cfg(test)]
mod tests {
    #[test]
    fn codes_along_a_path() {
        assert_eq!(super::code_at("/C1/X1/T1/B1/", 2), Some("X1"));
        assert_eq!(super::code_at("/C1/", 2), None);
    }
}
