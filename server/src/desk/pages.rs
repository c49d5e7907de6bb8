//! The frame every desk page shares: escaping, the document with its navigation, plain answers
//! for errors, and the checks of query parameters (a bad one is a 400 saying why).

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{OriginalUri, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use branchday::i18n::Lang;
use branchday::stats::YearMonth;

use super::auth::{self, Viewer, Want};
use super::i18n::Dt;
use crate::http::App;

/// Escape text for HTML content and attribute values; control characters (bidi overrides
/// included) are neutralised first, as everywhere the program shows a file's text.
pub fn esc(s: &str) -> String {
    let clean = branchday::sanitize::line(s);
    let mut out = String::with_capacity(clean.len() + 16);
    for c in clean.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0;
  color: #000; background: #fff; font-size: 15px; line-height: 1.5; }
nav { background: #f0f0f0; border-bottom: 2px solid #000; padding: .4em 1em; }
nav a, nav span { margin-right: 1.1em; }
nav form { display: inline; }
main { padding: .6em 1em 2em; }
h1 { font-size: 1.4em; margin: .3em 0 .5em; }
h2 { font-size: 1.15em; margin: 1.2em 0 .4em; }
table { border-collapse: collapse; margin: .4em 0 1em; }
th, td { border: 1px solid #000; padding: .15em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; }
td.held { background: #fff; }
td.missing { background: #ddd; font-weight: bold; }
td.returned { outline: 2px dashed #000; outline-offset: -3px; }
.alert { border: 2px solid #000; padding: .4em .6em; font-weight: bold; }
.note { color: #333; font-size: .92em; }
.crumbs { margin: 0 0 .4em; }
form.filters label { margin-right: .8em; }
form.login input { width: 18em; }
iframe.record { width: 100%; height: 70vh; border: 1px solid #000; }
textarea { width: 32em; height: 6em; }
.legend span { margin-right: 1.2em; }
@media print { nav, form, .noprint { display: none; } iframe.record { height: auto; border: 0; } }
"#;

/// A whole HTML document.
pub fn document(status: StatusCode, lang: Lang, title: &str, body: &str) -> Response {
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · branchday</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n",
        esc(title)
    );
    let mut r = (status, html).into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'self'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// A desk page for a signed-in reviewer: navigation, then `body`.
pub fn page(app: &App, v: &Viewer, status: StatusCode, title: &str, body: &str) -> Response {
    let t = v.t();
    let nav = format!(
        "<nav><a href=\"/desk/matrix\">{}</a><a href=\"/desk/queue\">{}</a>\
         <a href=\"/desk/warnings\">{}</a><a href=\"/desk/charts\">{}</a><a href=\"/desk/export\">{}</a>\
         <span class=\"who\">{} {}</span>\
         <a href=\"?lang=zh\">中文</a><a href=\"?lang=en\">English</a>\
         <form method=\"post\" action=\"/desk/logout\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">\
         <button type=\"submit\" id=\"sign-out\">{}</button></form></nav>\n<main>\n",
        t.matrix_title(),
        t.queue_title(),
        t.warnings_title(),
        t.charts_title(),
        t.export_title(),
        t.signed_in_as(),
        esc(&v.name),
        esc(&v.csrf),
        t.sign_out(),
    );
    let mut r = document(status, v.lang, title, &format!("{nav}{body}\n</main>"));
    remember_lang(app, &mut r, v.set_lang);
    r
}

/// Keep a language chosen with `?lang=` in its cookie.
pub fn remember_lang(app: &App, r: &mut Response, lang: Option<Lang>) {
    let Some(l) = lang else { return };
    let key = l.code();
    if let Ok(v) = auth::set_cookie(app, auth::LANG_COOKIE, key, 365 * 24 * 3600).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// A short plain-text answer (errors of downloads, images and POSTs).
pub fn plain(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{message}\n"),
    )
        .into_response()
}

/// 503: the store cannot be reached.
pub fn unavailable(lang: Lang, e: &sqlx::Error) -> Response {
    eprintln!("branchday-server: database error: {e}");
    plain(
        StatusCode::SERVICE_UNAVAILABLE,
        Dt(lang).store_unavailable(),
    )
}

/// 404 as a page: the same for what does not exist and what lies outside the reviewer's scope.
pub fn not_found(app: &App, v: &Viewer) -> Response {
    let t = v.t();
    page(
        app,
        v,
        StatusCode::NOT_FOUND,
        t.not_found_title(),
        &format!(
            "<h1>{}</h1><p>{}</p>",
            t.not_found_title(),
            t.not_found_body()
        ),
    )
}

/// 400 as a page, saying which parameter and why.
pub fn bad_request(app: &App, v: &Viewer, why: &str) -> Response {
    let t = v.t();
    page(
        app,
        v,
        StatusCode::BAD_REQUEST,
        t.bad_request_title(),
        &format!(
            "<h1>{}</h1><p class=\"alert\">{}</p>",
            t.bad_request_title(),
            esc(why)
        ),
    )
}

/// The signed-in reviewer, the query and the address of a page request; or the answer.
pub async fn enter(
    app: &App,
    headers: &HeaderMap,
    uri: &OriginalUri,
    query: &HashMap<String, String>,
    want: Want,
) -> Result<Viewer, Response> {
    let here = uri
        .0
        .path_and_query()
        .map_or("/desk/matrix", axum::http::uri::PathAndQuery::as_str);
    auth::viewer(app, headers, query, here, want).await
}

/// A `YYYY-MM` parameter: absent, or a month; anything else is a 400 naming it.
pub fn month_param(
    q: &HashMap<String, String>,
    key: &str,
    t: Dt,
) -> Result<Option<YearMonth>, String> {
    match q.get(key).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => YearMonth::parse(s)
            .filter(|m| (1900..=9999).contains(&m.year))
            .map(Some)
            .ok_or_else(|| t.bad_month(key, s)),
    }
}

/// The value of `key` when it is one of `allowed` (empty or absent: none).
pub fn choice<'a>(
    q: &'a HashMap<String, String>,
    key: &str,
    allowed: &[&str],
    t: Dt,
) -> Result<Option<&'a str>, String> {
    match q.get(key).map(String::as_str).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) if allowed.contains(&s) => Ok(Some(s)),
        Some(s) => Err(t.bad_choice(key, s, allowed)),
    }
}

/// `/desk`: the matrix.
pub async fn home(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    uri: OriginalUri,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    match enter(&app, &headers, &uri, &q, Want::Page).await {
        Ok(_) => (
            StatusCode::SEE_OTHER,
            [(header::LOCATION, "/desk/matrix")],
            "",
        )
            .into_response(),
        Err(r) => r,
    }
}

/// A link with the query `pairs` (empty values left out), escaped for an attribute.
pub fn href(path: &str, pairs: &[(&str, &str)]) -> String {
    let q: Vec<String> = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", auth::urlencode(v)))
        .collect();
    if q.is_empty() {
        esc(path)
    } else {
        esc(&format!("{path}?{}", q.join("&")))
    }
}

/// A `<select>` of `options` (value, label) with `current` selected.
pub fn select(name: &str, label: &str, options: &[(String, String)], current: &str) -> String {
    let mut s = format!("<label>{} <select name=\"{name}\">", esc(label));
    for (value, text) in options {
        let sel = if value == current { " selected" } else { "" };
        s.push_str(&format!(
            "<option value=\"{}\"{sel}>{}</option>",
            esc(value),
            esc(text)
        ));
    }
    s.push_str("</select></label>");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn hostile_text_is_escaped() {
        let s = super::esc("<script>alert('x')</script>&\"\u{202e}");
        assert!(!s.contains('<') && !s.contains('\'') && !s.contains('\u{202e}'));
        assert!(s.contains("&lt;script&gt;"), "{s}");
    }
}
