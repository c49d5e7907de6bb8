//! Warnings across branches — information for each branch's 支部大会, never a label:
//! members with runs of 3+ and 6+ months of absence (the definition of `branchday stats`, computed
//! in the database by [`crate::absence`] and tested figure for figure against the library),
//! 预备党员 due for 转正, and branches whose attendance is below a set rate.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use branchday::stats::YearMonth;
use branchday::stats::absence::Level;
use chrono::Datelike;
use sqlx::Row;

use super::auth::Want;
use super::pages::{self, esc, href};
use super::scope;
use crate::absence::AbsenceRow;
use crate::db::Db;
use crate::http::App;

/// The absence runs of the members under `prefix` that touch the months `from`–`to`: measured
/// over every kept meeting, so a run is never cut at the period's edge, by the definition of
/// `branchday stats` ([`crate::absence`]).
pub async fn absence_runs(
    db: &Db,
    prefix: &str,
    from: YearMonth,
    to: YearMonth,
) -> sqlx::Result<Vec<AbsenceRow>> {
    let (from, to) = (from.to_string(), to.to_string());
    crate::absence::runs_under(db, prefix, Some(&from), Some(&to)).await
}

/// A branch's attendance over a period: expected and attended (present or late), counted lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    pub code: String,
    pub name: String,
    pub expected: i64,
    pub attended: i64,
}

impl Rate {
    pub fn percent(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.attended as f64 * 100.0 / self.expected as f64)
    }
}

/// Attendance per branch under `prefix`, `from`–`to`, from the branch-month sums (counted lines
/// of the kept files, and those present or late).
pub async fn rates(
    db: &Db,
    prefix: &str,
    from: YearMonth,
    to: YearMonth,
) -> sqlx::Result<Vec<Rate>> {
    crate::settle::settle_all(db).await?;
    let sql = format!(
        "SELECT s.branch, MAX(s.branch_name), CAST(SUM(s.expected) AS BIGINT), \
         CAST(SUM(s.attended) AS BIGINT) FROM sum_branch_month s JOIN orgs o ON o.code = s.branch \
         WHERE {} AND s.month >= $2 AND s.month <= $3 GROUP BY s.branch \
         HAVING SUM(s.expected) > 0 ORDER BY s.branch",
        scope::under_estimated(db.engine, 1)
    );
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .persistent(false)
        .bind(prefix)
        .bind(from.to_string())
        .bind(to.to_string())
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(Rate {
                code: r.try_get(0)?,
                name: r.try_get(1)?,
                expected: r.try_get(2)?,
                attended: r.try_get(3)?,
            })
        })
        .collect()
}

/// The organisation, period and rate of a request, or the answer refusing them.
pub async fn scope_and_period(
    app: &App,
    v: &super::auth::Viewer,
    q: &HashMap<String, String>,
) -> Result<(String, String, YearMonth, YearMonth), Response> {
    let t = v.t();
    let today = app.desk.clock.today();
    let from = pages::month_param(q, "from", t).map_err(|e| pages::bad_request(app, v, &e))?;
    let to = pages::month_param(q, "to", t).map_err(|e| pages::bad_request(app, v, &e))?;
    let from = from.unwrap_or(YearMonth {
        year: today.year(),
        month: 1,
    });
    let to = to.unwrap_or(YearMonth {
        year: today.year(),
        month: today.month(),
    });
    if from > to {
        return Err(pages::bad_request(app, v, t.bad_period()));
    }
    match q
        .get("org")
        .filter(|s| !s.is_empty() && s.as_str() != super::users::WHOLE_TREE)
    {
        None => Ok((v.org.clone(), v.prefix.clone(), from, to)),
        Some(code) => match scope::org_in(&app.db, code, &v.prefix).await {
            Ok(Some(o)) => Ok((o.code, o.path, from, to)),
            Ok(None) => Err(pages::not_found(app, v)),
            Err(e) => Err(pages::unavailable(v.lang, &e)),
        },
    }
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
    let (org, prefix, from, to) = match scope_and_period(&app, &v, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let rate = match q.get("rate").filter(|s| !s.is_empty()) {
        None => app.desk.low_attendance_percent,
        Some(r) => match r.parse::<u32>().ok().filter(|r| *r <= 100) {
            Some(r) => r,
            None => return pages::bad_request(&app, &v, &t.bad_rate(r)),
        },
    };
    let (runs, rates) = match tokio::try_join!(
        absence_runs(&app.db, &prefix, from, to),
        rates(&app.db, &prefix, from, to)
    ) {
        Ok(x) => x,
        Err(e) => return pages::unavailable(v.lang, &e),
    };
    let (f, tt, rs) = (from.to_string(), to.to_string(), rate.to_string());
    let mut body = format!("<h1>{}</h1>", t.warnings_title());
    body.push_str(&format!(
        "<form class=\"filters\" method=\"get\" action=\"/desk/warnings\">\
         <input type=\"hidden\" name=\"org\" value=\"{}\">\
         <label>{} <input name=\"from\" value=\"{f}\" size=\"7\"></label>\
         <label>{} <input name=\"to\" value=\"{tt}\" size=\"7\"></label>\
         <label>{} <input name=\"rate\" value=\"{rs}\" size=\"3\">%</label>\
         <button type=\"submit\">{}</button></form><p class=\"note\">{}</p>",
        esc(&org),
        t.from(),
        t.to(),
        t.rate_below(),
        t.show(),
        t.warn_only()
    ));
    body.push_str(&format!("<h2>{}</h2>", t.absence_title()));
    if runs.is_empty() {
        body.push_str(&format!("<p>{}</p>", t.none_found()));
    } else {
        body.push_str(&format!(
            "<table id=\"absence\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            t.branch(),
            t.member(),
            t.months_count(),
            t.months(),
            t.still_open()
        ));
        for r in &runs {
            let level = if r.level == Level::Serious.key() {
                t.six_months()
            } else {
                t.three_months()
            };
            body.push_str(&format!(
                "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{} ({level})</td><td>{}</td><td>{}</td></tr>",
                href("/desk/queue", &[("org", &r.branch_code), ("review", "all")]),
                esc(&r.branch_name),
                esc(&r.name),
                r.months.len(),
                esc(&r.months.join(", ")),
                if r.ongoing { t.yes() } else { t.no() }
            ));
        }
        body.push_str("</tbody></table>");
    }
    body.push_str(&format!(
        "<h2>{}</h2><p id=\"probation\">{}</p>",
        t.probation_title(),
        t.probation_not_in_files()
    ));
    body.push_str(&format!("<h2>{}</h2>", t.low_rate_title(rate)));
    let low: Vec<&Rate> = rates
        .iter()
        .filter(|r| r.percent().is_some_and(|p| p < f64::from(rate)))
        .collect();
    if low.is_empty() {
        body.push_str(&format!("<p>{}</p>", t.none_found()));
    } else {
        body.push_str(&format!(
            "<table id=\"low-attendance\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            t.branch(),
            t.expected(),
            t.attended(),
            t.rate()
        ));
        for r in low {
            body.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{:.1}%</td></tr>",
                esc(&r.name),
                r.expected,
                r.attended,
                r.percent().unwrap_or(0.0)
            ));
        }
        body.push_str("</tbody></table>");
    }
    pages::page(&app, &v, StatusCode::OK, t.warnings_title(), &body)
}
