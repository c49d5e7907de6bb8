//! Exports: a month's files of an organisation as a zip data package (each minutes file's exact
//! bytes and an `index.xlsx` listing them), and the 台账 (one line per meeting) as XLSX.

use std::collections::HashMap;
use std::io::{Cursor, Write};
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use branchday::domain::MeetingKind;
use branchday::export::xlsx::{cell_format, header_format};
use branchday::stats::YearMonth;
use rust_xlsxwriter::Workbook;
use sqlx::Row;

use super::auth::{Viewer, Want};
use super::i18n::Dt;
use super::pages::{self, esc};
use super::scope;
use crate::http::App;

/// Files in one package at most (a month of a province would not fit one download).
pub const MAX_PACKAGE_FILES: i64 = 20_000;

/// One meeting line of the 台账 and the package index.
#[derive(Debug, Clone)]
pub struct Line {
    pub id: String,
    pub branch: String,
    pub branch_name: String,
    pub kind: String,
    pub started_at: String,
    pub expected: i64,
    pub present: i64,
    pub status: String,
    pub review_state: String,
    pub review_comment: String,
    pub body: Option<String>,
}

/// The meetings under `prefix` from `from` to `to`, by branch and time; with the bytes when
/// `bodies`.
pub async fn lines(
    db: &crate::db::Db,
    prefix: &str,
    from: YearMonth,
    to: YearMonth,
    bodies: bool,
) -> sqlx::Result<Vec<Line>> {
    let body = if bodies { "f.body" } else { "NULL" };
    let sql = format!(
        "SELECT f.id, f.branch, f.branch_name, f.kind, f.started_at, f.expected_total, \
         f.present_total, f.status, f.review_state, f.review_comment, {body} \
         FROM files f JOIN orgs o ON o.code = f.branch \
         WHERE {} AND f.month >= $2 AND f.month <= $3 ORDER BY f.branch, f.started_at, f.id \
         LIMIT {MAX_PACKAGE_FILES}",
        scope::under(1)
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(prefix)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Line {
                id: r.try_get(0)?,
                branch: r.try_get(1)?,
                branch_name: r.try_get(2)?,
                kind: r.try_get(3)?,
                started_at: r.try_get(4)?,
                expected: r.try_get(5)?,
                present: r.try_get(6)?,
                status: r.try_get(7)?,
                review_state: r.try_get(8)?,
                review_comment: r.try_get(9)?,
                body: r.try_get(10)?,
            })
        })
        .collect()
}

fn kind_name(t: Dt, key: &str) -> String {
    MeetingKind::ALL
        .iter()
        .find(|k| k.key() == key)
        .map_or(key.to_owned(), |k| t.kind(*k).to_owned())
}

/// The workbook listing `lines` (the package's index, and the 台账).
pub fn workbook(t: Dt, sheet: &str, lines: &[Line], with_path: bool) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    ws.set_name(sheet).map_err(err)?;
    let (h, c) = (header_format(), cell_format());
    let mut headers = vec![
        t.branch_code(),
        t.branch(),
        t.kind_label(),
        t.meeting_date(),
        t.expected(),
        t.attended(),
        t.status_label(),
        t.review_label(),
        t.comment(),
        "id",
    ];
    if with_path {
        headers.push(t.file_in_package());
    }
    for (i, text) in headers.iter().enumerate() {
        let col = i as u16;
        ws.write_string_with_format(0, col, *text, &h)
            .map_err(err)?;
        ws.set_column_width(col, if i == 1 || i == 8 { 28 } else { 14 })
            .map_err(err)?;
    }
    for (r, l) in lines.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let s = |x: &str| branchday::sanitize::line(x).into_owned();
        let review = if l.review_state.is_empty() {
            "unreviewed"
        } else {
            l.review_state.as_str()
        };
        let cells: Vec<String> = vec![
            s(&l.branch),
            s(&l.branch_name),
            kind_name(t, &l.kind),
            s(l.started_at.get(..10).unwrap_or_default()),
        ];
        for (i, v) in cells.iter().enumerate() {
            ws.write_string_with_format(row, i as u16, v, &c)
                .map_err(err)?;
        }
        ws.write_number_with_format(row, 4, l.expected as f64, &c)
            .map_err(err)?;
        ws.write_number_with_format(row, 5, l.present as f64, &c)
            .map_err(err)?;
        ws.write_string_with_format(row, 6, t.status(&l.status), &c)
            .map_err(err)?;
        ws.write_string_with_format(row, 7, t.review_state(review), &c)
            .map_err(err)?;
        ws.write_string_with_format(row, 8, s(&l.review_comment), &c)
            .map_err(err)?;
        ws.write_string_with_format(row, 9, &l.id, &c)
            .map_err(err)?;
        if with_path {
            ws.write_string_with_format(row, 10, package_path(l), &c)
                .map_err(err)?;
        }
    }
    ws.set_freeze_panes(1, 0).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// Where a file sits in the package: `minutes/<branch>/<date>_<kind>_<id8>.json` (as the laptop
/// names it). The branch code is reduced to safe characters.
pub fn package_path(l: &Line) -> String {
    let safe: String = l
        .branch
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "minutes/{safe}/{}_{}_{}.json",
        l.started_at.get(..10).unwrap_or("0000-00-00"),
        l.kind,
        l.id.get(..8).unwrap_or(&l.id)
    )
}

/// The zip package of `lines` (with their bodies) and the index.
pub fn build_package(t: Dt, lines: &[Line]) -> Result<Vec<u8>, String> {
    let err = |e: &dyn std::fmt::Display| e.to_string();
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for l in lines {
        zip.start_file(package_path(l), options)
            .map_err(|e| err(&e))?;
        zip.write_all(l.body.as_deref().unwrap_or_default().as_bytes())
            .map_err(|e| err(&e))?;
    }
    zip.start_file("index.xlsx", options).map_err(|e| err(&e))?;
    zip.write_all(&workbook(t, t.index_sheet(), lines, true)?)
        .map_err(|e| err(&e))?;
    Ok(zip.finish().map_err(|e| err(&e))?.into_inner())
}

fn download(kind: &'static str, name: &str, bytes: Vec<u8>) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response()
}

async fn enter(
    app: &App,
    headers: &HeaderMap,
    uri: &OriginalUri,
    q: &HashMap<String, String>,
    want: Want,
) -> Result<(Viewer, String, String, YearMonth, YearMonth), Response> {
    let v = pages::enter(app, headers, uri, q, want).await?;
    let (org, prefix, from, to) = super::warnings::scope_and_period(app, &v, q).await?;
    Ok((v, org, prefix, from, to))
}

/// A file name part made of an organisation code.
fn name_part(code: &str) -> String {
    code.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

pub async fn package(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let v = match pages::enter(&app, &headers, &uri, &q, Want::Data).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let t = v.t();
    let month = match pages::month_param(&q, "month", t) {
        Ok(Some(m)) => m,
        Ok(None) => return pages::plain(StatusCode::BAD_REQUEST, t.month_needed()),
        Err(e) => return pages::plain(StatusCode::BAD_REQUEST, &e),
    };
    let mut q2 = q.clone();
    q2.insert("from".into(), month.to_string());
    q2.insert("to".into(), month.to_string());
    let (v, org, prefix, from, to) = match enter(&app, &headers, &uri, &q2, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let lines = match lines(&app.db, &prefix, from, to, true).await {
        Ok(l) => l,
        Err(e) => return pages::unavailable(v.lang, &e),
    };
    match build_package(v.t(), &lines) {
        Ok(bytes) => download(
            "application/zip",
            &format!("branchday-{}-{month}.zip", name_part(&org)),
            bytes,
        ),
        Err(e) => pages::plain(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

pub async fn ledger(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, org, prefix, from, to) = match enter(&app, &headers, &uri, &q, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let t = v.t();
    let lines = match lines(&app.db, &prefix, from, to, false).await {
        Ok(l) => l,
        Err(e) => return pages::unavailable(v.lang, &e),
    };
    match workbook(t, t.ledger_sheet(), &lines, false) {
        Ok(bytes) => download(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            &format!("branchday-{}-{from}-{to}.xlsx", name_part(&org)),
            bytes,
        ),
        Err(e) => pages::plain(StatusCode::INTERNAL_SERVER_ERROR, &e),
    }
}

pub async fn page(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, org, _, from, to) = match enter(&app, &headers, &uri, &q, Want::Page).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let t = v.t();
    let body = format!(
        "<h1>{}</h1>\
         <h2>{}</h2><form method=\"get\" action=\"/desk/export/package.zip\">\
         <label>{} <input name=\"org\" value=\"{org}\" size=\"10\"></label>\
         <label>{} <input name=\"month\" value=\"{to}\" size=\"7\"></label>\
         <button type=\"submit\" id=\"download-package\">{}</button></form><p class=\"note\">{}</p>\
         <h2>{}</h2><form method=\"get\" action=\"/desk/export/ledger.xlsx\">\
         <label>{} <input name=\"org\" value=\"{org}\" size=\"10\"></label>\
         <label>{} <input name=\"from\" value=\"{from}\" size=\"7\"></label>\
         <label>{} <input name=\"to\" value=\"{to}\" size=\"7\"></label>\
         <button type=\"submit\" id=\"download-ledger\">{}</button></form>",
        t.export_title(),
        t.package_title(),
        t.organisation_code(),
        t.month(),
        t.download(),
        t.package_note(),
        t.ledger_title(),
        t.organisation_code(),
        t.from(),
        t.to(),
        t.download(),
        org = esc(&org),
    );
    pages::page(&app, &v, StatusCode::OK, t.export_title(), &body)
}
