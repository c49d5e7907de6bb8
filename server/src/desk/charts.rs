//! Charts drawn on the server as SVG (plotters): meetings per month per kind, and attendance per
//! organisation. Black on white, each kind with its own marker shape, so a print in black and
//! white reads as well as the screen; labels in the reviewer's language.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use branchday::domain::MeetingKind;
use branchday::stats::YearMonth;
use branchday::stats::due::months_between;
use plotters::prelude::*;
use sqlx::Row;

use super::auth::{Viewer, Want};
use super::i18n::Dt;
use super::pages::{self, href};
use super::scope;
use crate::http::App;

const FONT: &str = "Noto Sans CJK SC";

fn svg(body: String) -> Response {
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// Meetings per month of each kind: the months, then per kind its counts.
pub async fn meetings_per_month(
    db: &crate::db::Db,
    prefix: &str,
    months: &[YearMonth],
) -> sqlx::Result<Vec<(MeetingKind, Vec<i64>)>> {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return Ok(Vec::new());
    };
    crate::settle::settle_all(db).await?;
    // The kinds' columns of the branch-month sums (kept files only), in `MeetingKind::ALL`'s order.
    let kinds: Vec<String> = MeetingKind::ALL
        .iter()
        .map(|k| format!("CAST(SUM(s.{}) AS BIGINT)", crate::summary::kind_column(*k)))
        .collect();
    let sql = format!(
        "SELECT s.month, {} FROM sum_branch_month s JOIN orgs o ON o.code = s.branch \
         WHERE {} AND s.month >= $2 AND s.month <= $3 GROUP BY s.month",
        kinds.join(", "),
        scope::under_estimated(db.engine, 1)
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .persistent(false)
        .bind(prefix)
        .bind(first.to_string())
        .bind(last.to_string())
        .fetch_all(&db.pool)
        .await?;
    let mut out: Vec<(MeetingKind, Vec<i64>)> = MeetingKind::ALL
        .iter()
        .map(|k| (*k, vec![0; months.len()]))
        .collect();
    for r in rows {
        let month: String = r.try_get(0)?;
        let Some(j) = months.iter().position(|m| m.to_string() == month) else {
            continue;
        };
        for (i, (_, counts)) in out.iter_mut().enumerate() {
            counts[j] = r.try_get(1 + i)?;
        }
    }
    out.retain(|(_, c)| c.iter().any(|n| *n > 0));
    Ok(out)
}

/// The marker of series `i`: filled circle, hollow circle, filled triangle, cross, hollow
/// triangle, dot (the same for the points and the legend, whatever their coordinates).
macro_rules! marker {
    ($i:expr, $at:expr) => {
        match $i % 6 {
            0 => Circle::new($at, 5, BLACK.filled()).into_dyn(),
            1 => Circle::new($at, 5, BLACK.stroke_width(2)).into_dyn(),
            2 => TriangleMarker::new($at, 6, BLACK.filled()).into_dyn(),
            3 => Cross::new($at, 5, BLACK.stroke_width(2)).into_dyn(),
            4 => TriangleMarker::new($at, 6, BLACK.stroke_width(2)).into_dyn(),
            _ => Circle::new($at, 2, BLACK.filled()).into_dyn(),
        }
    };
}

/// Draw the meetings chart.
pub fn draw_meetings(t: Dt, months: &[YearMonth], series: &[(MeetingKind, Vec<i64>)]) -> String {
    let mut s = String::new();
    let drawn = (|| -> Result<(), Box<dyn std::error::Error + '_>> {
        let root = SVGBackend::with_string(&mut s, (760, 420)).into_drawing_area();
        root.fill(&WHITE)?;
        let n = months.len().max(1);
        let top = series
            .iter()
            .flat_map(|(_, c)| c.iter().copied())
            .max()
            .unwrap_or(0)
            .max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(t.chart_meetings(), (FONT, 22))
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(48)
            .build_cartesian_2d(0..(n - 1).max(1), 0..(top + top / 10 + 1))?;
        chart
            .configure_mesh()
            .x_labels(n)
            .x_label_formatter(&|i| months.get(*i).map(ToString::to_string).unwrap_or_default())
            .y_desc(t.chart_meetings_axis())
            .label_style((FONT, 13))
            .light_line_style(WHITE)
            .bold_line_style(BLACK.mix(0.25))
            .draw()?;
        for (i, (kind, counts)) in series.iter().enumerate() {
            let pts: Vec<(usize, i64)> = counts.iter().copied().enumerate().collect();
            let style = ShapeStyle::from(&BLACK).stroke_width(1 + u32::from(i % 2 == 0));
            chart
                .draw_series(LineSeries::new(pts.clone(), style))?
                .label(t.kind(*kind))
                .legend(move |(x, y)| marker!(i, (x, y)));
            chart.draw_series(pts.into_iter().map(|p| marker!(i, p)))?;
        }
        chart
            .configure_series_labels()
            .label_font((FONT, 13))
            .background_style(WHITE)
            .border_style(BLACK)
            .position(SeriesLabelPosition::UpperRight)
            .draw()?;
        root.present()?;
        Ok(())
    })();
    if let Err(e) = drawn {
        eprintln!("branchday-server: chart not drawn: {e}");
    }
    s
}

/// Draw attendance per organisation as horizontal bars with the rate written at each.
pub fn draw_attendance(t: Dt, rows: &[(String, f64)]) -> String {
    let mut s = String::new();
    let height = 80 + 28 * u32::try_from(rows.len().max(1)).unwrap_or(40).min(200);
    let drawn = (|| -> Result<(), Box<dyn std::error::Error + '_>> {
        let root = SVGBackend::with_string(&mut s, (760, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let n = rows.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .caption(t.chart_attendance(), (FONT, 22))
            .margin(12)
            .x_label_area_size(32)
            .y_label_area_size(180)
            .build_cartesian_2d(0f64..100f64, 0f64..n as f64)?;
        chart
            .configure_mesh()
            .y_labels(n)
            .y_label_formatter(&|y| {
                let i = y.floor() as usize;
                rows.get(i).map(|r| r.0.clone()).unwrap_or_default()
            })
            .x_desc(t.chart_attendance_axis())
            .label_style((FONT, 13))
            .light_line_style(WHITE)
            .bold_line_style(BLACK.mix(0.25))
            .draw()?;
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, rate))| {
            let y = i as f64;
            Rectangle::new([(0.0, y + 0.2), (*rate, y + 0.8)], BLACK.mix(0.35).filled())
        }))?;
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, rate))| {
            let y = i as f64;
            Rectangle::new([(0.0, y + 0.2), (*rate, y + 0.8)], BLACK.stroke_width(1))
        }))?;
        chart.draw_series(rows.iter().enumerate().map(|(i, (_, rate))| {
            Text::new(
                format!("{rate:.1}%"),
                ((rate + 1.0).min(88.0), i as f64 + 0.35),
                (FONT, 13).into_font().color(&BLACK),
            )
        }))?;
        root.present()?;
        Ok(())
    })();
    if let Err(e) = drawn {
        eprintln!("branchday-server: chart not drawn: {e}");
    }
    s
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

pub async fn meetings_svg(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, _, prefix, from, to) = match enter(&app, &headers, &uri, &q, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let months = months_between(from, to);
    match meetings_per_month(&app.db, &prefix, &months).await {
        Ok(series) => svg(draw_meetings(v.t(), &months, &series)),
        Err(e) => pages::unavailable(v.lang, &e),
    }
}

/// Attendance rate (per cent) of each unit directly under the one at `prefix`.
pub async fn attendance_per_unit(
    app: &App,
    prefix: &str,
    from: YearMonth,
    to: YearMonth,
) -> sqlx::Result<Vec<(String, f64)>> {
    let (orgs, rates) = tokio::try_join!(
        scope::orgs_under(&app.db, prefix),
        super::warnings::rates(&app.db, prefix, from, to)
    )?;
    let depth = orgs
        .iter()
        .find(|o| o.path == prefix)
        .map_or(0, scope::Org::depth);
    let by_code: HashMap<&str, &scope::Org> = orgs.iter().map(|o| (o.code.as_str(), o)).collect();
    let mut sums: std::collections::BTreeMap<String, (String, i64, i64)> =
        std::collections::BTreeMap::new();
    for r in &rates {
        let Some(b) = by_code.get(r.code.as_str()) else {
            continue;
        };
        let child = scope::code_at(&b.path, depth + 1).unwrap_or(&b.code);
        let name = by_code
            .get(child)
            .map_or(child.to_owned(), |o| o.name.clone());
        let e = sums.entry(child.to_owned()).or_insert((name, 0, 0));
        e.1 += r.expected;
        e.2 += r.attended;
    }
    Ok(sums
        .into_values()
        .filter(|(_, e, _)| *e > 0)
        .map(|(name, e, a)| (name, a as f64 * 100.0 / e as f64))
        .collect())
}

pub async fn attendance_svg(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let (v, _, prefix, from, to) = match enter(&app, &headers, &uri, &q, Want::Data).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    match attendance_per_unit(&app, &prefix, from, to).await {
        Ok(rows) => svg(draw_attendance(v.t(), &rows)),
        Err(e) => pages::unavailable(v.lang, &e),
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
    let (f, tt) = (from.to_string(), to.to_string());
    let params = [("org", org.as_str()), ("from", &f), ("to", &tt)];
    let body = format!(
        "<h1>{}</h1>\
         <form class=\"filters\" method=\"get\" action=\"/desk/charts\">\
         <input type=\"hidden\" name=\"org\" value=\"{}\">\
         <label>{} <input name=\"from\" value=\"{f}\" size=\"7\"></label>\
         <label>{} <input name=\"to\" value=\"{tt}\" size=\"7\"></label>\
         <button type=\"submit\">{}</button></form>\
         <p><img id=\"chart-meetings\" alt=\"{}\" src=\"{}\"></p>\
         <p><img id=\"chart-attendance\" alt=\"{}\" src=\"{}\"></p>",
        t.charts_title(),
        pages::esc(&org),
        t.from(),
        t.to(),
        t.show(),
        t.chart_meetings(),
        href("/desk/charts/meetings.svg", &params),
        t.chart_attendance(),
        href("/desk/charts/attendance.svg", &params),
    );
    pages::page(&app, &v, StatusCode::OK, t.charts_title(), &body)
}
