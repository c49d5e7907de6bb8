//! The review queue: files under the reviewer's organisation, newest first (unreviewed ones by
//! default), filtered by organisation, kind, month, status and review state, a page at a time.
//!
//! Pages follow one another by key (keyset paging): the next page is the files received before
//! the last one shown — `(received_at, id)` below it, read from the index in order — so page 100
//! costs what page 1 does. The count stops at [`COUNT_CAP`] and is then shown as "more than".
//! A bare `page=N` (no key) still works, by offset.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use branchday::domain::MeetingKind;
use sqlx::Row;

use super::auth::Want;
use super::i18n::Dt;
use super::pages::{self, esc, href};
use super::scope;
use crate::http::App;

/// Files per page.
pub const PAGE_SIZE: i64 = 50;

/// Counting stops past this many files.
pub const COUNT_CAP: i64 = 1000;

pub const STATUSES: [&str; 5] = ["valid", "warnings", "invalid", "untrusted", "superseded"];
pub const REVIEWS: [&str; 4] = ["unreviewed", "approved", "returned", "all"];

/// One file as the queue lists it.
#[derive(Debug, Clone)]
pub struct Line {
    pub id: String,
    pub branch: String,
    pub branch_name: String,
    pub kind: String,
    pub started_at: String,
    pub received_at: String,
    pub status: String,
    pub signed: bool,
    pub trusted: bool,
    pub review_state: String,
    pub superseded: bool,
}

/// The filters of a queue request.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub prefix: String,
    pub kind: Option<String>,
    pub month: Option<String>,
    pub status: Option<String>,
    /// `unreviewed`, `approved`, `returned` or `all`.
    pub review: String,
    pub page: i64,
    /// Where the page starts: after this key (the next page) or before it (the previous one).
    pub at: Option<Cursor>,
}

/// A place in the queue: a file's `(received_at, id)`, and on which side of it the page lies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub received_at: String,
    pub id: String,
    /// The page lies before the key (newer files): a "previous" link.
    pub before: bool,
}

impl Cursor {
    /// `RECEIVED_AT,ID` as the queue's links write it.
    pub fn parse(s: &str, before: bool) -> Option<Cursor> {
        let (at, id) = s.rsplit_once(',')?;
        let id = uuid::Uuid::parse_str(id).ok()?.to_string();
        let ok = !at.is_empty() && at.len() <= 40 && at.bytes().all(|b| b.is_ascii_graphic());
        ok.then(|| Cursor {
            received_at: at.to_owned(),
            id,
            before,
        })
    }

    pub fn text(received_at: &str, id: &str) -> String {
        format!("{received_at},{id}")
    }
}

const SUPERSEDED: &str =
    "EXISTS (SELECT 1 FROM files c WHERE c.supersedes = f.id AND c.id <> f.id)";

/// Whether the scope is written so PostgreSQL can tell how many units it keeps
/// ([`scope::under_estimated`]): when neither a month nor a kind narrows the queue, the files are
/// best read in the queue's own order from its index, which the planner picks only when it knows
/// the scope is large (a bare `?page=100` of a city's queue: 5 001 entries of the index instead of
/// every file of 5 497 units, sorted). With a month or a kind, the branch index finds the few
/// files, and the guess that picks it is the better plan.
fn estimated(f: &Filter) -> bool {
    f.month.is_none() && f.kind.is_none()
}

/// The WHERE clause and its text binds (`$1` is the scope's path).
fn clause(engine: crate::db::Engine, f: &Filter) -> (String, Vec<String>) {
    let mut sql = if estimated(f) {
        scope::under_estimated(engine, 1)
    } else {
        scope::under(1)
    };
    let mut binds = vec![f.prefix.clone()];
    let mut bind = |sql: &mut String, cond: &str, v: &str| {
        binds.push(v.to_owned());
        sql.push_str(&format!(" AND {cond} ${}", binds.len()));
    };
    if let Some(k) = &f.kind {
        bind(&mut sql, "f.kind =", k);
    }
    if let Some(m) = &f.month {
        bind(&mut sql, "f.month =", m);
    }
    match f.review.as_str() {
        "unreviewed" => sql.push_str(" AND f.review_state = ''"),
        "approved" | "returned" => bind(&mut sql, "f.review_state =", &f.review.clone()),
        _ => {}
    }
    match f.status.as_deref() {
        Some("untrusted") => sql.push_str(" AND f.signer IS NOT NULL AND f.trusted = 0"),
        Some("superseded") => sql.push_str(&format!(" AND {SUPERSEDED}")),
        Some(s) => bind(&mut sql, "f.status =", s),
        None => {}
    }
    (sql, binds)
}

/// One page of the queue.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub lines: Vec<Line>,
    /// Files the filters match, counted up to [`COUNT_CAP`] + 1.
    pub total: i64,
    /// Files follow the page (older ones).
    pub more_after: bool,
    /// Files precede the page (newer ones).
    pub more_before: bool,
}

/// One page of the queue and the number of files the filters match (up to [`COUNT_CAP`] + 1).
pub async fn lines(db: &crate::db::Db, f: &Filter) -> sqlx::Result<Page> {
    let (mut cond, mut binds) = clause(db.engine, f);
    let (order, offset) = match &f.at {
        Some(c) => {
            let n = binds.len();
            let op = if c.before { ">" } else { "<" };
            cond.push_str(&format!(
                " AND (f.received_at, f.id) {op} (${}, ${})",
                n + 1,
                n + 2
            ));
            binds.push(c.received_at.clone());
            binds.push(c.id.clone());
            (if c.before { "ASC" } else { "DESC" }, 0)
        }
        None => ("DESC", (f.page.max(1) - 1) * PAGE_SIZE),
    };
    let list = format!(
        "SELECT f.id, f.branch, f.branch_name, f.kind, f.started_at, f.received_at, f.status, \
         CASE WHEN f.signer IS NULL THEN 0 ELSE 1 END, f.trusted, f.review_state, \
         CASE WHEN {SUPERSEDED} THEN 1 ELSE 0 END \
         FROM files f JOIN orgs o ON o.code = f.branch WHERE {cond} \
         ORDER BY f.received_at {order}, f.id {order} LIMIT {} OFFSET {offset}",
        PAGE_SIZE + 1
    );
    // The count leaves the key out: it is of the whole queue.
    let (count_cond, count_binds) = clause(db.engine, f);
    let count = format!(
        "SELECT COUNT(*) FROM (SELECT 1 FROM files f JOIN orgs o ON o.code = f.branch \
         WHERE {count_cond} LIMIT {}) x",
        COUNT_CAP + 1
    );
    // Planned with their own binds when the scope is estimated (a prepared statement's generic
    // plan falls back to the guess).
    let planned = !estimated(f);
    let mut q = sqlx::query(sqlx::AssertSqlSafe(list)).persistent(planned);
    let mut c = sqlx::query(sqlx::AssertSqlSafe(count)).persistent(planned);
    for b in &binds {
        q = q.bind(b.clone());
    }
    for b in &count_binds {
        c = c.bind(b.clone());
    }
    let (rows, total) = tokio::try_join!(q.fetch_all(&db.pool), c.fetch_one(&db.pool))?;
    let mut lines = rows
        .iter()
        .map(|r| {
            Ok(Line {
                id: r.try_get(0)?,
                branch: r.try_get(1)?,
                branch_name: r.try_get(2)?,
                kind: r.try_get(3)?,
                started_at: r.try_get(4)?,
                received_at: r.try_get(5)?,
                status: r.try_get(6)?,
                signed: r.try_get::<i64, _>(7)? != 0,
                trusted: r.try_get::<i64, _>(8)? != 0,
                review_state: r.try_get(9)?,
                superseded: r.try_get::<i64, _>(10)? != 0,
            })
        })
        .collect::<sqlx::Result<Vec<Line>>>()?;
    let beyond = lines.len() > usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX);
    lines.truncate(usize::try_from(PAGE_SIZE).unwrap_or(usize::MAX));
    let before = f.at.as_ref().is_some_and(|c| c.before);
    if before {
        lines.reverse();
    }
    Ok(Page {
        lines,
        total: total.try_get(0)?,
        more_after: if before { true } else { beyond },
        more_before: if before {
            beyond
        } else {
            f.at.is_some() || offset > 0
        },
    })
}

/// The words of a file's status in the queue.
pub fn status_words(t: Dt, l: &Line) -> String {
    let mut s = vec![t.status(&l.status)];
    if l.signed && !l.trusted {
        s.push(t.status("untrusted"));
    } else if !l.signed {
        s.push(t.unsigned());
    }
    if l.superseded {
        s.push(t.status("superseded"));
    }
    s.join(" · ")
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
    let kinds = MeetingKind::ALL.map(MeetingKind::key);
    let parsed = (|| {
        let kind = pages::choice(&q, "kind", &kinds, t)?.map(str::to_owned);
        let status = pages::choice(&q, "status", &STATUSES, t)?.map(str::to_owned);
        let review = pages::choice(&q, "review", &REVIEWS, t)?
            .unwrap_or("unreviewed")
            .to_owned();
        let month = pages::month_param(&q, "month", t)?.map(|m| m.to_string());
        let page = match q.get("page").filter(|s| !s.is_empty()) {
            None => 1,
            Some(p) => p
                .parse::<i64>()
                .ok()
                .filter(|p| (1..=1_000_000).contains(p))
                .ok_or_else(|| t.bad_page(p))?,
        };
        let mut at = None;
        for (name, before) in [("after", false), ("before", true)] {
            if let Some(v) = q.get(name).filter(|s| !s.is_empty()) {
                at = Some(Cursor::parse(v, before).ok_or_else(|| t.bad_cursor(name, v))?);
            }
        }
        Ok::<_, String>((kind, status, review, month, page, at))
    })();
    let (kind, status, review, month, page_no, at) = match parsed {
        Ok(p) => p,
        Err(e) => return pages::bad_request(&app, &v, &e),
    };
    let org_code = q
        .get("org")
        .filter(|s| !s.is_empty() && s.as_str() != super::users::WHOLE_TREE);
    let prefix = match org_code {
        None => v.prefix.clone(),
        Some(code) => match scope::org_in(&app.db, code, &v.prefix).await {
            Ok(Some(o)) => o.path,
            Ok(None) => return pages::not_found(&app, &v),
            Err(e) => return pages::unavailable(v.lang, &e),
        },
    };
    let filter = Filter {
        prefix,
        kind: kind.clone(),
        month: month.clone(),
        status: status.clone(),
        review: review.clone(),
        page: page_no,
        at,
    };
    let found = match lines(&app.db, &filter).await {
        Ok(x) => x,
        Err(e) => return pages::unavailable(v.lang, &e),
    };
    let (lines, total) = (&found.lines, found.total);
    let org = org_code.map_or("", String::as_str);
    let (kind_s, status_s, month_s) = (
        kind.as_deref().unwrap_or(""),
        status.as_deref().unwrap_or(""),
        month.as_deref().unwrap_or(""),
    );
    let mut body = format!("<h1>{}</h1>", t.queue_title());
    let any = (String::new(), t.any().to_owned());
    let kind_opts: Vec<(String, String)> = std::iter::once(any.clone())
        .chain(
            MeetingKind::ALL
                .iter()
                .map(|k| (k.key().to_owned(), t.kind(*k).to_owned())),
        )
        .collect();
    let status_opts: Vec<(String, String)> = std::iter::once(any)
        .chain(
            STATUSES
                .iter()
                .map(|s| ((*s).to_owned(), t.status(s).to_owned())),
        )
        .collect();
    let review_opts: Vec<(String, String)> = REVIEWS
        .iter()
        .map(|s| ((*s).to_owned(), t.review_state(s).to_owned()))
        .collect();
    body.push_str(&format!(
        "<form class=\"filters\" method=\"get\" action=\"/desk/queue\">\
         <label>{} <input name=\"org\" value=\"{}\" size=\"10\"></label>{}\
         <label>{} <input name=\"month\" value=\"{}\" size=\"7\" placeholder=\"YYYY-MM\"></label>{}{}\
         <button type=\"submit\">{}</button></form>",
        t.organisation_code(),
        esc(org),
        pages::select("kind", t.kind_label(), &kind_opts, kind_s),
        t.month(),
        esc(month_s),
        pages::select("status", t.status_label(), &status_opts, status_s),
        pages::select("review", t.review_label(), &review_opts, &review),
        t.show()
    ));
    body.push_str(&format!(
        "<p>{}</p>",
        if total > COUNT_CAP {
            t.files_found_over(COUNT_CAP)
        } else {
            t.files_found(total)
        }
    ));
    body.push_str(&format!(
        "<table id=\"queue\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        t.branch(),
        t.kind_label(),
        t.meeting_date(),
        t.received(),
        t.status_label(),
        t.review_label()
    ));
    for l in lines {
        let kind_name = MeetingKind::ALL
            .iter()
            .find(|k| k.key() == l.kind)
            .map_or(l.kind.clone(), |k| t.kind(*k).to_owned());
        body.push_str(&format!(
            "<tr><td>{}</td><td><a href=\"/desk/files/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&l.branch_name),
            esc(&l.id),
            esc(&kind_name),
            esc(l.started_at.get(..10).unwrap_or_default()),
            esc(l.received_at.get(..16).unwrap_or_default()),
            esc(&status_words(t, l)),
            t.review_state(if l.review_state.is_empty() { "unreviewed" } else { &l.review_state }),
        ));
    }
    body.push_str("</tbody></table>");
    // A page reached by a "previous" link from page 2 is the first, whatever the link said.
    let page_no = if found.more_before { page_no.max(2) } else { 1 };
    let link = |p: i64, key: (&str, String)| {
        href(
            "/desk/queue",
            &[
                ("org", org),
                ("kind", kind_s),
                ("month", month_s),
                ("status", status_s),
                ("review", &review),
                (key.0, &key.1),
                ("page", &p.to_string()),
            ],
        )
    };
    let mut nav = Vec::new();
    if found.more_before
        && let Some(first) = lines.first()
    {
        nav.push(format!(
            "<a href=\"{}\" rel=\"prev\">{}</a>",
            link(
                page_no - 1,
                ("before", Cursor::text(&first.received_at, &first.id))
            ),
            t.previous()
        ));
    }
    if total > COUNT_CAP {
        nav.push(t.page_n(page_no));
    } else {
        let pages_n = (total + PAGE_SIZE - 1) / PAGE_SIZE;
        nav.push(t.page_of(page_no, pages_n.max(page_no).max(1)));
    }
    if found.more_after
        && let Some(last) = lines.last()
    {
        nav.push(format!(
            "<a href=\"{}\" rel=\"next\">{}</a>",
            link(
                page_no + 1,
                ("after", Cursor::text(&last.received_at, &last.id))
            ),
            t.next()
        ));
    }
    body.push_str(&format!("<p class=\"paging\">{}</p>", nav.join(" · ")));
    pages::page(&app, &v, StatusCode::OK, t.queue_title(), &body)
}
