//! A file's page: the printable record (the library's HTML renderer, as `export --format html`,
//! shown in a frame and printable on its own), its findings, its signature, its reviews, and the
//! approve / return form.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Form;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use branchday::export::TextFormat;
use branchday::i18n::Tr;
use branchday::minutes::{self, Checked, Severity};
use branchday::review::remarks::MAX_COMMENT_CHARS;
use sqlx::Row;

use super::auth::{self, Viewer, Want};
use super::pages::{self, esc};
use crate::http::App;

/// A stored file the reviewer may see.
pub struct Seen {
    pub id: String,
    pub body: String,
    pub branch_name: String,
    pub review_state: String,
    pub trusted: bool,
    pub branch: String,
}

/// The file `id` when it lies under the reviewer's organisation; `None` otherwise (404).
pub async fn seen(app: &App, v: &Viewer, id: &str) -> Result<Option<Seen>, sqlx::Error> {
    let Ok(uuid) = uuid::Uuid::parse_str(id) else {
        return Ok(None);
    };
    let sql = format!(
        "SELECT f.id, f.body, f.branch_name, f.review_state, f.trusted, f.branch FROM files f \
         JOIN orgs o ON o.code = f.branch WHERE f.id = $2 AND {}",
        super::scope::under(1)
    );
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(&v.prefix)
        .bind(uuid.to_string())
        .fetch_optional(&app.db.pool)
        .await?;
    row.map(|r| {
        Ok(Seen {
            id: r.try_get(0)?,
            body: r.try_get(1)?,
            branch_name: r.try_get(2)?,
            review_state: r.try_get(3)?,
            trusted: r.try_get::<i64, _>(4)? != 0,
            branch: r.try_get(5)?,
        })
    })
    .transpose()
}

/// The library's check of the stored bytes, with the server's keyring.
fn check(app: &App, body: &str) -> Checked {
    let mut c = minutes::check_bytes(body.as_bytes());
    c.trust(app.keyring.as_ref());
    c
}

async fn find(
    app: &App,
    headers: &HeaderMap,
    uri: &OriginalUri,
    q: &HashMap<String, String>,
    id: &str,
    want: Want,
) -> Result<(Viewer, Seen), Response> {
    let v = pages::enter(app, headers, uri, q, want).await?;
    match seen(app, &v, id).await {
        Ok(Some(s)) => Ok((v, s)),
        Ok(None) if want == Want::Page => Err(pages::not_found(app, &v)),
        Ok(None) => Err(pages::plain(StatusCode::NOT_FOUND, v.t().not_found_body())),
        Err(e) => Err(pages::unavailable(v.lang, &e)),
    }
}

pub async fn page(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, s) = match find(&app, &headers, &uri, &q, &id, Want::Page).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let t = v.t();
    let tr = Tr(v.lang);
    let checked = check(&app, &s.body);
    let mut body = format!("<h1>{} — {}</h1>", t.file_title(), esc(&s.branch_name));
    if let Some(m) = &checked.minutes {
        body.push_str(&format!(
            "<p>{} · {} · <a href=\"/desk/files/{id}/record\">{}</a> · <a href=\"/desk/files/{id}/minutes.json\">{}</a></p>",
            esc(tr.kind(m.kind)),
            esc(&m.started_at.format("%Y-%m-%d %H:%M").to_string()),
            t.printable(),
            t.minutes_file(),
            id = esc(&s.id)
        ));
    }
    body.push_str(&format!("<h2>{}</h2><p id=\"signature\">", t.signature()));
    body.push_str(match (&checked.signed_by, checked.trusted || s.trusted) {
        (None, _) => t.unsigned(),
        (Some(_), true) => t.signed_trusted(),
        (Some(_), false) => t.signed_untrusted(),
    });
    body.push_str("</p>");
    body.push_str(&format!("<h2>{}</h2>", t.findings()));
    if checked.findings.is_empty() {
        body.push_str(&format!("<p id=\"findings\">{}</p>", t.no_findings()));
    } else {
        body.push_str("<ul id=\"findings\">");
        for f in &checked.findings {
            let sev = if f.severity >= Severity::Error {
                t.error()
            } else {
                t.warning()
            };
            body.push_str(&format!(
                "<li><strong>{sev}</strong>: {}</li>",
                esc(&tr.problem(&f.problem))
            ));
        }
        body.push_str("</ul>");
    }
    body.push_str(&format!("<h2>{}</h2>", t.review_label()));
    match reviews(&app, &s.id).await {
        Ok(list) if !list.is_empty() => {
            body.push_str("<table id=\"reviews\"><thead><tr>");
            for h in [t.reviewed_at(), t.reviewer(), t.verdict(), t.comment()] {
                body.push_str(&format!("<th>{h}</th>"));
            }
            body.push_str("</tr></thead><tbody>");
            for (at, who, verdict, comment) in list {
                body.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(at.get(..16).unwrap_or_default()),
                    esc(&who),
                    t.review_state(&verdict),
                    esc(&comment)
                ));
            }
            body.push_str("</tbody></table>");
        }
        Ok(_) => body.push_str(&format!("<p>{}</p>", t.review_state("unreviewed"))),
        Err(e) => return pages::unavailable(v.lang, &e),
    }
    body.push_str(&format!(
        "<form method=\"post\" action=\"/desk/files/{}/review\" class=\"review\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <p><label for=\"comment\">{}</label><br><textarea id=\"comment\" name=\"comment\" maxlength=\"{MAX_COMMENT_CHARS}\"></textarea></p>\
         <p><button type=\"submit\" name=\"verdict\" value=\"approved\" id=\"approve\">{}</button> \
         <button type=\"submit\" name=\"verdict\" value=\"returned\" id=\"return\">{}</button></p></form>",
        esc(&s.id),
        esc(&v.csrf),
        t.comment_label(),
        t.approve(),
        t.return_it()
    ));
    if checked.minutes.is_some() {
        body.push_str(&format!(
            "<h2>{}</h2><iframe class=\"record\" title=\"{}\" src=\"/desk/files/{}/record\"></iframe>",
            t.printable(),
            t.printable(),
            esc(&s.id)
        ));
    }
    pages::page(&app, &v, StatusCode::OK, t.file_title(), &body)
}

/// The reviews of a file, oldest first: (at, reviewer, verdict, comment).
pub async fn reviews(app: &App, id: &str) -> sqlx::Result<Vec<(String, String, String, String)>> {
    sqlx::query(
        "SELECT at, reviewer, verdict, comment FROM reviews WHERE file_id = $1 ORDER BY at, reviewer",
    )
    .bind(id)
    .fetch_all(&app.db.pool)
    .await?
    .iter()
    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
    .collect()
}

/// The printable record alone (the same HTML as `branchday export --format html`).
pub async fn record(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, s) = match find(&app, &headers, &uri, &q, &id, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let tr = Tr(v.lang);
    let checked = check(&app, &s.body);
    let errors: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| branchday::sanitize::line(&tr.problem(&f.problem)).into_owned())
        .collect();
    let Some(m) = &checked.minutes else {
        return pages::plain(StatusCode::UNPROCESSABLE_ENTITY, v.t().not_minutes());
    };
    let html = branchday::export::render_marked(m, TextFormat::Html, tr, &errors);
    let mut r = (StatusCode::OK, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
        ),
    );
    r
}

/// The exact stored bytes.
pub async fn raw(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match find(&app, &headers, &uri, &q, &id, Want::Data).await {
        Ok((_, s)) => (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{}.json\"", s.id),
                ),
            ],
            s.body,
        )
            .into_response(),
        Err(r) => r,
    }
}

/// Approve or return (with a comment) — POST with the form token.
pub async fn review(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (v, s) = match find(&app, &headers, &uri, &HashMap::new(), &id, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    if let Err(r) = auth::check_csrf(&v, &form) {
        return r;
    }
    let t = v.t();
    let Some(verdict @ ("approved" | "returned")) = form.get("verdict").map(String::as_str) else {
        return pages::plain(StatusCode::BAD_REQUEST, t.bad_verdict());
    };
    let comment = form.get("comment").map_or("", |c| c.trim()).to_owned();
    if comment.chars().count() > MAX_COMMENT_CHARS {
        return pages::plain(
            StatusCode::BAD_REQUEST,
            &t.comment_too_long(MAX_COMMENT_CHARS),
        );
    }
    if verdict == "returned" && comment.is_empty() {
        return pages::plain(StatusCode::BAD_REQUEST, t.return_needs_comment());
    }
    let at = app.desk.clock.now_text();
    let verdict = Verdict {
        file: &s.id,
        branch: &s.branch,
        state: verdict,
        comment: &comment,
        reviewer: &v.name,
        at: &at,
    };
    let stored = record_review(&app.db, &verdict).await;
    match stored {
        Ok(()) => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, format!("/desk/files/{}", s.id))],
            "",
        )
            .into_response(),
        Err(e) => pages::unavailable(v.lang, &e),
    }
}

/// A reviewer's verdict on a stored file.
pub struct Verdict<'a> {
    pub file: &'a str,
    /// The file's branch.
    pub branch: &'a str,
    /// `approved` or `returned`.
    pub state: &'a str,
    pub comment: &'a str,
    pub reviewer: &'a str,
    pub at: &'a str,
}

/// Record `verdict` as the file's current review, and sum its branch-month again (the matrix
/// counts returned files), in one transaction.
pub async fn record_review(db: &crate::db::Db, verdict: &Verdict<'_>) -> sqlx::Result<()> {
    let _turn = db.write_turn().await;
    let mut tx = db.pool.begin().await?;
    // The locks every writer of this file's sums takes.
    crate::settle::lock_sums(&mut tx, db.engine).await?;
    let branch_lock = crate::summary::branch_key(verdict.branch);
    crate::summary::lock(&mut tx, db.engine, &[verdict.file, &branch_lock]).await?;
    sqlx::query(
        "INSERT INTO reviews (file_id, at, reviewer, verdict, comment) VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (file_id, at, reviewer) DO UPDATE SET verdict = excluded.verdict, comment = excluded.comment",
    )
    .bind(verdict.file)
    .bind(verdict.at)
    .bind(verdict.reviewer)
    .bind(verdict.state)
    .bind(verdict.comment)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE files SET review_state = $1, review_comment = $2, reviewed_by = $3, reviewed_at = $4 WHERE id = $5",
    )
    .bind(verdict.state)
    .bind(verdict.comment)
    .bind(verdict.reviewer)
    .bind(verdict.at)
    .bind(verdict.file)
    .execute(&mut *tx)
    .await?;
    // The branch's pending files first: summing its month again from the stored rows counts
    // them, so they must not be added again later.
    let branches = [verdict.branch.to_owned()];
    crate::settle::settle(
        &mut tx,
        db.engine,
        crate::settle::Which::Branches(&branches),
    )
    .await?;
    crate::summary::resum_file(&mut tx, db.engine, verdict.file).await?;
    tx.commit().await
}
