//! The organisation tree, 市 → 县 → 乡镇 → 支部, imported from CSV or XLSX.
//!
//! Columns (header names in Chinese or English, in any order): 代码/code, 名称/name,
//! 上级代码/parent (empty at the top) and 层级/level (市, 县 (or 区), 乡镇 (or 乡, 镇, 街道), 支部).
//! The file is read with the roster importer's reader (UTF-8 CSV with or without a BOM, XLSX),
//! so sizes are capped and the same file problems are named the same way.

use std::collections::HashMap;
use std::path::Path;

use branchday::i18n::{Lang, Tr};
use branchday::roster_import::fields::normalize;
use branchday::roster_import::read::{self, Format, Row};
use sqlx::Row as _;

use crate::db::Db;

pub const CITY: &str = "city";
pub const COUNTY: &str = "county";
pub const TOWNSHIP: &str = "township";
pub const BRANCH: &str = "branch";
/// The levels from the top down.
pub const LEVELS: [&str; 4] = [CITY, COUNTY, TOWNSHIP, BRANCH];

/// The largest organisation file read.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Longest code or name accepted.
const MAX_TEXT: usize = 200;

/// One unit of the tree.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub level: &'static str,
    pub parent: Option<String>,
}

/// The level a cell names.
pub fn level_of(cell: &str) -> Option<&'static str> {
    match normalize(cell).as_str() {
        "市" | "地级市" | "city" => Some(CITY),
        "县" | "区" | "县级市" | "旗" | "county" | "district" => Some(COUNTY),
        "乡镇" | "乡" | "镇" | "街道" | "township" | "town" => Some(TOWNSHIP),
        "支部" | "党支部" | "branch" => Some(BRANCH),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum Column {
    Code,
    Name,
    Parent,
    Level,
}

fn column_of(header: &str) -> Option<Column> {
    match normalize(header).as_str() {
        "代码" | "编码" | "组织代码" | "组织编码" | "code" => Some(Column::Code),
        "名称" | "组织名称" | "name" => Some(Column::Name),
        "上级代码" | "上级编码" | "上级" | "上级组织代码" | "parent" | "parentcode" => {
            Some(Column::Parent)
        }
        "层级" | "级别" | "类型" | "level" | "type" => Some(Column::Level),
        _ => None,
    }
}

/// Read the units of an organisation file. Every problem names the file and the line.
pub fn read_file(path: &Path) -> anyhow::Result<Vec<Unit>> {
    let shown = branchday::sanitize::path(path);
    let tr = Tr(Lang::En);
    let format = Format::of(path).ok_or_else(|| {
        anyhow::anyhow!("{shown}: not a .csv or .xlsx file; save the organisation list as one")
    })?;
    let bytes = branchday::store::read_capped(path, MAX_FILE_BYTES)
        .map_err(|e| anyhow::anyhow!("{}", tr.store_error(&e)))?;
    let book = read::rows(format, &bytes)
        .map_err(|e| anyhow::anyhow!("{shown}: {}", tr.roster_file_error(&e)))?;
    let rows: Vec<Row> = book
        .sheets
        .into_iter()
        .map(|s| s.rows)
        .find(|rows| rows.iter().any(|r| !r.is_blank()))
        .unwrap_or_default();
    parse_rows(&rows).map_err(|e| anyhow::anyhow!("{shown}: {e}"))
}

/// The units of the rows of one sheet (the first non-blank row is the header).
pub fn parse_rows(rows: &[Row]) -> Result<Vec<Unit>, String> {
    let mut rows = rows.iter().filter(|r| !r.is_blank());
    let header = rows.next().ok_or("the file is empty")?;
    let mut at: HashMap<u8, usize> = HashMap::new();
    for (i, cell) in header.cells.iter().enumerate() {
        if let Some(c) = column_of(cell) {
            at.entry(c as u8).or_insert(i);
        }
    }
    let col = |c: Column, name: &str| {
        at.get(&(c as u8)).copied().ok_or_else(|| {
            format!("line {}: no {name} column; the header needs 代码, 名称, 上级代码 and 层级 (code, name, parent, level)", header.line)
        })
    };
    let (code_at, name_at, parent_at, level_at) = (
        col(Column::Code, "代码 (code)")?,
        col(Column::Name, "名称 (name)")?,
        col(Column::Parent, "上级代码 (parent)")?,
        col(Column::Level, "层级 (level)")?,
    );
    let mut units: Vec<Unit> = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for r in rows {
        let cell = |i: usize| r.cells.get(i).map_or("", |s| s.trim());
        let line = r.line;
        let code = cell(code_at);
        let name = cell(name_at);
        let parent = cell(parent_at);
        if code.is_empty() || name.is_empty() {
            return Err(format!("line {line}: a unit needs both a code and a name"));
        }
        for (what, text) in [("code", code), ("name", name), ("parent code", parent)] {
            if text.chars().count() > MAX_TEXT {
                return Err(format!(
                    "line {line}: the {what} is longer than {MAX_TEXT} characters"
                ));
            }
            if text
                .chars()
                .any(|c| c.is_control() || branchday::sanitize::line(text) != text)
            {
                return Err(format!(
                    "line {line}: the {what} holds control characters; retype it"
                ));
            }
        }
        let level = level_of(cell(level_at)).ok_or_else(|| {
            format!(
                "line {line}: level {:?} is none of 市, 县, 乡镇, 支部",
                branchday::sanitize::line(cell(level_at))
            )
        })?;
        if let Some(first) = first_line.insert(code.to_owned(), line) {
            return Err(format!(
                "line {line}: code {code} is already used on line {first}"
            ));
        }
        units.push(Unit {
            code: code.to_owned(),
            name: name.to_owned(),
            level,
            parent: (!parent.is_empty()).then(|| parent.to_owned()),
        });
    }
    if units.is_empty() {
        return Err("no units below the header".to_owned());
    }
    Ok(units)
}

fn rank(level: &str) -> usize {
    LEVELS
        .iter()
        .position(|l| *l == level)
        .unwrap_or(LEVELS.len())
}

/// Add or update `units`: every parent must be in the file or already known, and a level above
/// its children. Returns the number of units written.
pub async fn import(db: &Db, units: &[Unit]) -> anyhow::Result<usize> {
    let mut levels: HashMap<String, String> = HashMap::new();
    for r in sqlx::query("SELECT code, level FROM orgs")
        .fetch_all(&db.pool)
        .await?
    {
        levels.insert(r.try_get(0)?, r.try_get(1)?);
    }
    for u in units {
        levels.insert(u.code.clone(), u.level.to_owned());
    }
    for u in units {
        let Some(parent) = &u.parent else { continue };
        let Some(parent_level) = levels.get(parent) else {
            anyhow::bail!(
                "{} ({}): parent {parent} is neither in the file nor already imported",
                u.code,
                u.name
            );
        };
        if rank(parent_level) >= rank(u.level) {
            anyhow::bail!(
                "{} ({}) is a {} under {parent}, a {parent_level}: a parent must be a level above",
                u.code,
                u.name,
                u.level
            );
        }
    }
    let mut tx = db.pool.begin().await?;
    for u in units {
        sqlx::query(
            "INSERT INTO orgs (code, name, level, parent) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, \
             parent = excluded.parent",
        )
        .bind(&u.code)
        .bind(&u.name)
        .bind(u.level)
        .bind(u.parent.as_deref())
        .execute(&mut *tx)
        .await?;
    }
    let mut parents: HashMap<String, (Option<String>, String)> = HashMap::new();
    for r in sqlx::query("SELECT code, parent, path FROM orgs")
        .fetch_all(&mut *tx)
        .await?
    {
        parents.insert(r.try_get(0)?, (r.try_get(1)?, r.try_get(2)?));
    }
    for (code, (_, old)) in &parents {
        let path = path_of(code, &parents);
        if &path != old {
            sqlx::query("UPDATE orgs SET path = $1 WHERE code = $2")
                .bind(&path)
                .bind(code)
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(units.len())
}

/// `/TOP/…/CODE/`: the codes from the top of the tree down to `code` (at most as deep as the
/// levels, so a loop in bad data cannot hang it).
fn path_of(code: &str, parents: &HashMap<String, (Option<String>, String)>) -> String {
    let mut chain = vec![code.to_owned()];
    let mut at = code;
    while let Some((Some(parent), _)) = parents.get(at) {
        if chain.len() > LEVELS.len() || chain.contains(parent) {
            break;
        }
        chain.push(parent.clone());
        at = parent;
    }
    chain.reverse();
    format!("/{}/", chain.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[&str]) -> Row {
        Row {
            line,
            cells: cells.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    #[test]
    fn a_tree_reads_in_chinese_headers() {
        let units = parse_rows(&[
            row(1, &["层级", "代码", "名称", "上级代码"]),
            row(2, &["市", "C1", "某市", ""]),
            row(3, &["区", "X1", "某区", "C1"]),
            row(4, &["镇", "T1", "某镇", "X1"]),
            row(5, &["党支部", "B1", "某村党支部", "T1"]),
        ])
        .unwrap();
        assert_eq!(units.len(), 4);
        assert_eq!(units[3].level, BRANCH);
        assert_eq!(units[3].parent.as_deref(), Some("T1"));
        assert_eq!(units[0].parent, None);
    }

    #[test]
    fn problems_name_the_line() {
        let e = parse_rows(&[
            row(1, &["code", "name", "parent", "level"]),
            row(2, &["B1", "x", "", "branch"]),
            row(3, &["B1", "y", "", "branch"]),
        ])
        .unwrap_err();
        assert!(e.contains("line 3") && e.contains("line 2"), "{e}");
        let e = parse_rows(&[
            row(1, &["code", "name", "parent", "level"]),
            row(2, &["B1", "x", "", "村"]),
        ])
        .unwrap_err();
        assert!(e.contains("line 2"), "{e}");
        let e = parse_rows(&[row(1, &["code", "name"])]).unwrap_err();
        assert!(e.contains("parent"), "{e}");
    }
}
