//! 三会一课 at a glance: the organisations (or branches) under the one chosen × the months of the
//! period, with what was held, what is missing and what was returned.
//!
//! Each branch's requirements come from the library's cadence data ([`super::Desk::cadence`],
//! [`branchday::stats::due::default_cadence`]): a period (a month, a quarter) is **held** when a
//! meeting of the kind was held in it, **missing** when it ended before the current month without
//! one, and otherwise still **due**. A period is shown in its last month inside the table. A
//! correction replaces the file it supersedes; a 党小组会 of any 党小组 counts for the branch.
//!
//! The counts come from the sums kept at every store and review ([`crate::summary`]: kept files
//! per branch, month and kind, and how many of them are returned), folded per branch and month in
//! the database (one row each, a column per required kind), so a city's year is some 65 000 small
//! rows read from about four times as many narrow ones, never the files themselves.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use branchday::domain::MeetingKind;
use branchday::stats::YearMonth;
use branchday::stats::due::{Every, Requirement, months_between};
use chrono::Datelike;
use sqlx::Row;

use super::auth::Want;
use super::pages::{self, esc, href};
use super::scope::{self, Org};
use crate::db::Db;
use crate::http::App;

/// A month `k` months after `m` (before, when negative).
pub fn shift(m: YearMonth, k: i32) -> YearMonth {
    let total = m.year * 12 + m.month.cast_signed() - 1 + k;
    YearMonth {
        year: total.div_euclid(12),
        month: total.rem_euclid(12) as u32 + 1,
    }
}

fn period_len(e: Every) -> i32 {
    match e {
        Every::Month => 1,
        Every::Quarter => 3,
        Every::Year => 12,
    }
}

/// What one requirement of one branch came to in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Held,
    Missing,
    Due,
}

/// What one branch held, month by month from the first month read ([`HeldMap::first`]): per
/// required kind (cadence order) a mask with bit `i` set when a kept file of the kind falls in
/// the `i`-th month, and the returned files of each month.
#[derive(Debug, Clone, Default)]
pub struct Held {
    pub kinds: Vec<u64>,
    pub returned: Vec<i64>,
}

/// The held files of the branches read, by branch code, months counted from `first` (at most
/// [`MAX_SPAN`] of them).
#[derive(Debug, Clone)]
pub struct HeldMap {
    pub first: YearMonth,
    pub branches: HashMap<String, Held>,
}

/// The most months one read covers: a mask has 64 bits (the page allows 36 months, and the
/// first period may begin up to 11 months earlier).
pub const MAX_SPAN: usize = MASK_BITS as usize;
const MASK_BITS: i32 = 64;

/// Months from `a` to `b` (negative when `b` is earlier).
fn months_from(a: YearMonth, b: YearMonth) -> i32 {
    (b.year - a.year) * 12 + b.month.cast_signed() - a.month.cast_signed()
}

impl HeldMap {
    /// The bit of month `m`, when the read covers it.
    fn index(&self, m: YearMonth) -> Option<usize> {
        usize::try_from(months_from(self.first, m))
            .ok()
            .filter(|i| *i < MAX_SPAN)
    }
}

/// The held files of the branches under `prefix`, per branch and month, from `first` to `last`.
pub async fn held(
    db: &Db,
    cadence: &[Requirement],
    prefix: &str,
    first: YearMonth,
    last: YearMonth,
) -> sqlx::Result<HeldMap> {
    crate::settle::settle_all(db).await?;
    let mut cols = String::new();
    for r in cadence {
        cols.push_str(", y.");
        cols.push_str(&crate::summary::kind_column(r.kind));
    }
    // One row per branch and year (two only if its files gave it two names, folded together
    // below), and the few branch-months with returned files. Planned for their own scope each
    // time (see `scope::under_estimated`): a city's year is one hash join over its 5 400 rows, a
    // township's a few index scans.
    let scope = scope::under_estimated(db.engine, 1);
    let years = format!(
        "SELECT y.branch, y.year{cols} FROM sum_branch_year y \
         WHERE y.year >= $2 AND y.year <= $3 \
         AND y.branch IN (SELECT o.code FROM orgs o WHERE {scope})"
    );
    let returned = format!(
        "SELECT s.branch, s.month, s.returned FROM sum_branch_month s \
         WHERE s.returned > 0 AND s.month >= $2 AND s.month <= $3 \
         AND s.branch IN (SELECT o.code FROM orgs o WHERE {scope})"
    );
    let (year_rows, returned_rows) = tokio::try_join!(
        sqlx::query(sqlx::AssertSqlSafe(years))
            .persistent(false)
            .bind(prefix)
            .bind(first.year.to_string())
            .bind(last.year.to_string())
            .fetch_all(&db.pool),
        sqlx::query(sqlx::AssertSqlSafe(returned))
            .persistent(false)
            .bind(prefix)
            .bind(first.to_string())
            .bind(last.to_string())
            .fetch_all(&db.pool),
    )?;
    let mut out = HeldMap {
        first,
        branches: HashMap::new(),
    };
    let span = usize::try_from(months_from(first, last) + 1)
        .unwrap_or(0)
        .min(MAX_SPAN);
    let empty = || Held {
        kinds: vec![0; cadence.len()],
        returned: vec![0; span],
    };
    // The months the read covers, as bits from `first`.
    let covered = if span >= MAX_SPAN {
        u64::MAX
    } else {
        (1u64 << span) - 1
    };
    for r in year_rows {
        let year: String = r.try_get(1)?;
        let Ok(year) = year.parse::<i32>() else {
            continue;
        };
        // A year's mask (bit m-1 for month m) moved to the read's bits: January of the year is
        // bit `offset` (negative when the read starts later in the year).
        let offset = months_from(first, YearMonth { year, month: 1 });
        let place = |bits: u64| -> u64 {
            let moved = if offset >= 0 {
                bits.checked_shl(offset.unsigned_abs()).unwrap_or(0)
            } else {
                bits.checked_shr(offset.unsigned_abs()).unwrap_or(0)
            };
            moved & covered
        };
        let branch: String = r.try_get(0)?;
        let h = out.branches.entry(branch).or_insert_with(empty);
        for (k, mask) in h.kinds.iter_mut().enumerate() {
            *mask |= place(r.try_get::<i64, _>(2 + k)?.cast_unsigned());
        }
    }
    for r in returned_rows {
        let month: String = r.try_get(1)?;
        let Some(i) = YearMonth::parse(&month).and_then(|m| out.index(m)) else {
            continue;
        };
        let branch: String = r.try_get(0)?;
        let h = out.branches.entry(branch).or_insert_with(empty);
        if let Some(n) = h.returned.get_mut(i) {
            *n += r.try_get::<i64, _>(2)?;
        }
    }
    Ok(out)
}

/// One branch's cells: for each requirement, the month each period is shown in and its state.
/// `mine` is what the branch held (none: nothing), its months counted from `first`.
pub fn branch_cells(
    cadence: &[Requirement],
    mine: Option<&Held>,
    first: YearMonth,
    months: &[YearMonth],
    today: YearMonth,
) -> Vec<Vec<(YearMonth, Cell)>> {
    let (Some(&from), Some(&to)) = (months.first(), months.last()) else {
        return Vec::new();
    };
    // The bits of months `a..=b` (clipped to what a mask holds).
    let bits = |a: YearMonth, b: YearMonth| -> u64 {
        let lo = months_from(first, a).max(0);
        let hi = months_from(first, b).min(MASK_BITS - 1);
        if hi < lo {
            return 0;
        }
        let width = hi - lo + 1;
        let ones = if width >= MASK_BITS {
            u64::MAX
        } else {
            (1u64 << width) - 1
        };
        ones << lo
    };
    cadence
        .iter()
        .enumerate()
        .map(|(i, req)| {
            let mask = mine.and_then(|h| h.kinds.get(i)).copied().unwrap_or(0);
            let mut out = Vec::new();
            let mut start = req.every.period(from);
            while start <= to {
                let end = shift(start, period_len(req.every) - 1);
                let shown = if end < to { end } else { to };
                let cell = if mask & bits(start, shown) != 0 {
                    Cell::Held
                } else if end < today && end <= to {
                    Cell::Missing
                } else {
                    Cell::Due
                };
                out.push((shown, cell));
                start = shift(end, 1);
            }
            out
        })
        .collect()
}

/// Counts of one row in one month.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub held: u64,
    pub missing: u64,
    pub due: u64,
    pub returned: u64,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.held += o.held;
        self.missing += o.missing;
        self.due += o.due;
        self.returned += o.returned;
    }
}

/// One row of the matrix: a unit under the chosen one, with its counts per month.
#[derive(Debug, Clone)]
pub struct MatrixRow {
    pub org: Org,
    pub months: Vec<Tally>,
    pub total: Tally,
    /// For a branch row: the state of each requirement per month (None where no period ends).
    pub cells: Option<Vec<Vec<Option<Cell>>>>,
}

/// The matrix under `current` (None: the whole tree, for an account that sees it all).
pub fn rows(
    cadence: &[Requirement],
    orgs: &[Org],
    current_depth: usize,
    held: &HeldMap,
    months: &[YearMonth],
    today: YearMonth,
) -> Vec<MatrixRow> {
    let at: HashMap<YearMonth, usize> = months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut rows: BTreeMap<String, MatrixRow> = BTreeMap::new();
    let by_code: HashMap<&str, &Org> = orgs.iter().map(|o| (o.code.as_str(), o)).collect();
    for b in orgs.iter().filter(|o| o.level == crate::org::BRANCH) {
        let child_code = scope::code_at(&b.path, current_depth + 1).unwrap_or(&b.code);
        let Some(child) = by_code.get(child_code) else {
            continue;
        };
        let row = rows.entry(child.path.clone()).or_insert_with(|| MatrixRow {
            org: (*child).clone(),
            months: vec![Tally::default(); months.len()],
            total: Tally::default(),
            cells: None,
        });
        let mine = held.branches.get(&b.code);
        let cells = branch_cells(cadence, mine, held.first, months, today);
        let mut grid = vec![vec![None; months.len()]; cadence.len()];
        for (i, per_req) in cells.iter().enumerate() {
            for (m, c) in per_req {
                let Some(&j) = at.get(m) else { continue };
                grid[i][j] = Some(*c);
                let t = &mut row.months[j];
                match c {
                    Cell::Held => t.held += 1,
                    Cell::Missing => t.missing += 1,
                    Cell::Due => t.due += 1,
                }
            }
        }
        if let Some(h) = mine {
            for (j, m) in months.iter().enumerate() {
                let n = held.index(*m).and_then(|i| h.returned.get(i)).copied();
                row.months[j].returned += n.map_or(0, |n| u64::try_from(n).unwrap_or(0));
            }
        }
        if child.code == b.code {
            row.cells = Some(grid);
        }
    }
    let mut out: Vec<MatrixRow> = rows.into_values().collect();
    for r in &mut out {
        let mut total = Tally::default();
        for t in &r.months {
            total.add(*t);
        }
        r.total = total;
    }
    out
}

/// The short mark of a kind in a branch's cell.
fn mark(t: super::i18n::Dt, k: MeetingKind) -> &'static str {
    t.kind_short(k)
}

/// What one cell says: per kind its mark for a branch, counts for a unit above branches.
fn cell_text(
    t: super::i18n::Dt,
    cadence: &[Requirement],
    grid: Option<&Vec<Vec<Option<Cell>>>>,
    j: usize,
    m: &Tally,
) -> String {
    let mut parts = Vec::new();
    if let Some(grid) = grid {
        for (i, req) in cadence.iter().enumerate() {
            let sym = match grid[i][j] {
                Some(Cell::Held) => "✓",
                Some(Cell::Missing) => "✗",
                Some(Cell::Due) => "…",
                None => continue,
            };
            parts.push(format!("{}{sym}", mark(t, req.kind)));
        }
    } else {
        parts.push(format!("✓{}", m.held));
        if m.missing > 0 {
            parts.push(format!("✗{}", m.missing));
        }
    }
    if m.returned > 0 {
        parts.push(format!("↩{}", m.returned));
    }
    parts.join(" ")
}

pub async fn page(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let v = match pages::enter(&app, &headers, &uri, &q, Want::Page).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let t = v.t();
    let today = app.desk.clock.today();
    let this_month = YearMonth {
        year: today.year(),
        month: today.month(),
    };
    let (from, to) = match (
        pages::month_param(&q, "from", t),
        pages::month_param(&q, "to", t),
    ) {
        (Ok(f), Ok(to)) => (
            f.unwrap_or(YearMonth {
                year: today.year(),
                month: 1,
            }),
            to.unwrap_or(this_month),
        ),
        (Err(e), _) | (_, Err(e)) => return pages::bad_request(&app, &v, &e),
    };
    if from > to || months_between(from, to).len() > 36 {
        return pages::bad_request(&app, &v, t.bad_period());
    }
    let months = months_between(from, to);
    let org_code = q.get("org").map_or(v.org.as_str(), String::as_str);
    let current = if org_code == super::users::WHOLE_TREE {
        None
    } else {
        match scope::org_in(&app.db, org_code, &v.prefix).await {
            Ok(Some(o)) => Some(o),
            Ok(None) => return pages::not_found(&app, &v),
            Err(e) => return pages::unavailable(v.lang, &e),
        }
    };
    let prefix = current
        .as_ref()
        .map_or(v.prefix.clone(), |o| o.path.clone());
    let depth = current.as_ref().map_or(0, Org::depth);
    let cadence = &app.desk.cadence;
    let first = cadence
        .iter()
        .map(|r| r.every.period(from))
        .min()
        .unwrap_or(from);
    let (orgs, held) = match tokio::try_join!(
        scope::orgs_under(&app.db, &prefix),
        held(&app.db, cadence, &prefix, first, to)
    ) {
        Ok(x) => x,
        Err(e) => return pages::unavailable(v.lang, &e),
    };
    let rows = rows(cadence, &orgs, depth, &held, &months, this_month);

    let (f, tt) = (from.to_string(), to.to_string());
    let mut body = String::new();
    let title = current
        .as_ref()
        .map_or(t.whole_tree().to_owned(), |o| o.name.clone());
    body.push_str(&format!("<h1>{} — {}</h1>", t.matrix_title(), esc(&title)));
    if let Some(c) = &current {
        let mut crumbs = Vec::new();
        for d in 1..c.depth() {
            if let Some(code) = scope::code_at(&c.path, d)
                && let Some(o) = orgs.iter().find(|o| o.code == code).or(None)
            {
                crumbs.push(format!(
                    "<a href=\"{}\">{}</a>",
                    href(
                        "/desk/matrix",
                        &[("org", &o.code), ("from", &f), ("to", &tt)]
                    ),
                    esc(&o.name)
                ));
            }
        }
        if c.parent.is_some() && v.prefix != c.path && !crumbs.is_empty() {
            body.push_str(&format!("<p class=\"crumbs\">{}</p>", crumbs.join(" › ")));
        }
    }
    body.push_str(&format!(
        "<form class=\"filters\" method=\"get\" action=\"/desk/matrix\">\
         <input type=\"hidden\" name=\"org\" value=\"{}\">\
         <label>{} <input name=\"from\" value=\"{f}\" size=\"7\"></label>\
         <label>{} <input name=\"to\" value=\"{tt}\" size=\"7\"></label>\
         <button type=\"submit\">{}</button></form>",
        esc(org_code),
        t.from(),
        t.to(),
        t.show()
    ));
    let kinds: Vec<String> = cadence
        .iter()
        .map(|r| {
            format!(
                "{} = {} ({})",
                mark(t, r.kind),
                t.kind(r.kind),
                t.every(r.every)
            )
        })
        .collect();
    body.push_str(&format!(
        "<p class=\"legend\">{}</p><p class=\"legend\"><span>✓ {}</span><span>✗ {}</span><span>… {}</span><span>↩ {}</span></p>",
        esc(&kinds.join(" · ")),
        t.held(),
        t.missing(),
        t.due(),
        t.returned()
    ));
    body.push_str(&format!(
        "<table id=\"matrix\"><thead><tr><th>{}</th>",
        t.organisation()
    ));
    for m in &months {
        body.push_str(&format!("<th>{m}</th>"));
    }
    body.push_str(&format!(
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t.held(),
        t.missing(),
        t.returned()
    ));
    for r in &rows {
        let link = if r.cells.is_some() {
            href("/desk/queue", &[("org", &r.org.code), ("review", "all")])
        } else {
            href(
                "/desk/matrix",
                &[("org", &r.org.code), ("from", &f), ("to", &tt)],
            )
        };
        body.push_str(&format!(
            "<tr><th scope=\"row\"><a href=\"{link}\">{}</a></th>",
            esc(&r.org.name)
        ));
        for (j, m) in r.months.iter().enumerate() {
            let class = if m.missing > 0 { "missing" } else { "held" };
            let ret = if m.returned > 0 { " returned" } else { "" };
            let text = cell_text(t, cadence, r.cells.as_ref(), j, m);
            body.push_str(&format!("<td class=\"{class}{ret}\">{text}</td>"));
        }
        body.push_str(&format!(
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            r.total.held, r.total.missing, r.total.returned
        ));
    }
    if rows.is_empty() {
        body.push_str(&format!(
            "<tr><td colspan=\"{}\">{}</td></tr>",
            months.len() + 4,
            t.no_branches()
        ));
    }
    body.push_str("</tbody></table>");
    body.push_str(&format!("<p class=\"note\">{}</p>", t.matrix_note()));
    pages::page(&app, &v, StatusCode::OK, t.matrix_title(), &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use branchday::stats::due::default_cadence;

    fn ym(s: &str) -> YearMonth {
        YearMonth::parse(s).unwrap()
    }

    #[test]
    fn quarters_are_judged_once_ended_and_months_when_past() {
        let cadence = default_cadence();
        let themed = cadence
            .iter()
            .position(|r| r.kind == MeetingKind::ThemedDay)
            .unwrap();
        let assembly = cadence
            .iter()
            .position(|r| r.kind == MeetingKind::GeneralAssembly)
            .unwrap();
        let months = months_between(ym("2026-01"), ym("2026-05"));
        // Held in February (bit 1, months counted from January).
        let mut h = Held {
            kinds: vec![0; cadence.len()],
            returned: vec![0; months.len()],
        };
        h.kinds[themed] = 1 << 1;
        h.kinds[assembly] = 1 << 1;
        let cells = branch_cells(&cadence, Some(&h), ym("2026-01"), &months, ym("2026-05"));
        assert_eq!(
            cells[themed],
            vec![
                (ym("2026-01"), Cell::Missing),
                (ym("2026-02"), Cell::Held),
                (ym("2026-03"), Cell::Missing),
                (ym("2026-04"), Cell::Missing),
                (ym("2026-05"), Cell::Due),
            ]
        );
        assert_eq!(
            cells[assembly],
            vec![(ym("2026-03"), Cell::Held), (ym("2026-05"), Cell::Due)]
        );
        assert_eq!(shift(ym("2026-01"), -1), ym("2025-12"));
        // Nothing held: every ended period is missing, the current one still due.
        let none = branch_cells(&cadence, None, ym("2026-01"), &months, ym("2026-05"));
        assert_eq!(
            none[assembly],
            vec![(ym("2026-03"), Cell::Missing), (ym("2026-05"), Cell::Due)]
        );
        // Months counted from an earlier first month (a read that began with a year's period):
        // the same February is bit 13 from January of the year before.
        let mut early = h.clone();
        early.kinds[themed] = 1 << 13;
        early.kinds[assembly] = 1 << 13;
        let again = branch_cells(
            &cadence,
            Some(&early),
            ym("2025-01"),
            &months,
            ym("2026-05"),
        );
        assert_eq!(again, cells);
    }
}
