//! Signing in and out, sessions, form tokens and the lockout.
//!
//! - A session is a 256-bit secret in an `HttpOnly; SameSite=Strict` cookie (`Secure` when the
//!   desk is served over TLS); the database keeps only its SHA-256, the account, the form token
//!   and the expiry.
//! - Every form carries the session's form token (CSRF), checked on every POST; the sign-in form,
//!   which comes before any session, carries a token that must equal the one in its own cookie.
//! - After [`super::Desk::lockout_failures`] failed sign-ins within
//!   [`super::Desk::lockout_window`], the account takes no sign-in until the window has passed,
//!   whatever password is given. Times come from the desk's clock.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use branchday::i18n::Lang;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::clock::text;
use super::i18n::Dt;
use super::pages::{self, esc};
use super::{scope, users};
use crate::http::App;

pub const SESSION_COOKIE: &str = "bd_session";
pub const LOGIN_COOKIE: &str = "bd_login";
pub const LANG_COOKIE: &str = "bd_lang";

/// The signed-in reviewer of a request.
#[derive(Debug, Clone)]
pub struct Viewer {
    pub name: String,
    pub org: String,
    /// The tree path under which the reviewer sees everything.
    pub prefix: String,
    pub csrf: String,
    pub lang: Lang,
    /// `?lang=` asked for a language: the page sets the cookie.
    pub set_lang: Option<Lang>,
}

impl Viewer {
    pub fn t(&self) -> Dt {
        Dt(self.lang)
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn secret() -> Option<String> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).ok()?;
    Some(hex(&b))
}

fn hash(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Equal without stopping at the first difference (for comparing form tokens).
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// The value of cookie `name`.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
}

/// The language: `?lang=`, else the cookie, else `Accept-Language` (Chinese unless English comes
/// first), else Chinese.
pub fn lang_of(headers: &HeaderMap, query: &HashMap<String, String>) -> (Lang, Option<Lang>) {
    if let Some(l) = query.get("lang").and_then(|l| Lang::parse(l)) {
        return (l, Some(l));
    }
    if let Some(l) = cookie(headers, LANG_COOKIE).and_then(Lang::parse) {
        return (l, None);
    }
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let first = accept.split(',').next().unwrap_or_default().trim();
    if first.starts_with("en") {
        (Lang::En, None)
    } else {
        (Lang::Zh, None)
    }
}

/// A `Set-Cookie` value for the desk.
pub fn set_cookie(app: &App, name: &str, value: &str, max_age_secs: i64) -> String {
    let secure = if app.desk.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!("{name}={value}; Path=/desk; Max-Age={max_age_secs}; HttpOnly; SameSite=Strict{secure}")
}

/// What a request for a page without a (live) session gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want {
    /// An HTML page: a redirect to the sign-in page.
    Page,
    /// Anything else (an image, a download, a POST): 401.
    Data,
}

/// The reviewer signed in on this request, or the answer for an anonymous one.
pub async fn viewer(
    app: &App,
    headers: &HeaderMap,
    query: &HashMap<String, String>,
    uri: &str,
    want: Want,
) -> Result<Viewer, Response> {
    let (lang, set_lang) = lang_of(headers, query);
    let anonymous = || match want {
        Want::Page => {
            let next = urlencode(uri);
            (
                StatusCode::SEE_OTHER,
                [(header::LOCATION, format!("/desk/login?next={next}"))],
                Dt(lang).sign_in_needed(),
            )
                .into_response()
        }
        Want::Data => pages::plain(StatusCode::UNAUTHORIZED, Dt(lang).sign_in_needed()),
    };
    let Some(secret) = cookie(headers, SESSION_COOKIE) else {
        return Err(anonymous());
    };
    let row = sqlx::query(
        "SELECT s.user_name, s.csrf, s.expires_at, u.org FROM sessions s \
         JOIN users u ON u.name = s.user_name WHERE s.hash = $1",
    )
    .bind(hash(secret))
    .fetch_optional(&app.db.pool)
    .await
    .map_err(|e| pages::unavailable(lang, &e))?;
    let Some(r) = row else {
        return Err(anonymous());
    };
    let get = |i: usize| r.try_get::<String, _>(i).unwrap_or_default();
    let (name, csrf, expires, org) = (get(0), get(1), get(2), get(3));
    if expires <= app.desk.clock.now_text() {
        return Err(anonymous());
    }
    let prefix = scope::prefix_of(&app.db, &org)
        .await
        .map_err(|e| pages::unavailable(lang, &e))?;
    Ok(Viewer {
        name,
        org,
        prefix,
        csrf,
        lang,
        set_lang,
    })
}

/// The form token of a POST equals the session's; otherwise the answer refusing it.
pub fn check_csrf(v: &Viewer, form: &HashMap<String, String>) -> Result<(), Response> {
    match form.get("csrf") {
        Some(t) if same(t, &v.csrf) => Ok(()),
        _ => Err(pages::plain(StatusCode::FORBIDDEN, v.t().bad_form_token())),
    }
}

/// `%XX` for everything but unreserved characters.
pub fn urlencode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where to go after signing in: a desk address of this server, never another site.
fn safe_next(next: Option<&String>) -> String {
    match next {
        Some(n) if n.starts_with("/desk") && !n.contains("//") && !n.contains('\\') => n.clone(),
        _ => "/desk/matrix".to_owned(),
    }
}

fn login_form(
    app: &App,
    lang: Lang,
    status: StatusCode,
    message: Option<&str>,
    next: &str,
) -> Response {
    let t = Dt(lang);
    let Some(token) = secret() else {
        return pages::plain(StatusCode::SERVICE_UNAVAILABLE, t.no_randomness());
    };
    let msg = message.map_or(String::new(), |m| {
        format!("<p class=\"alert\" role=\"alert\">{}</p>", esc(m))
    });
    let body = format!(
        "<h1>{title}</h1>{msg}\
         <form method=\"post\" action=\"/desk/login\" class=\"login\">\
         <input type=\"hidden\" name=\"csrf\" value=\"{token}\">\
         <input type=\"hidden\" name=\"next\" value=\"{next}\">\
         <p><label for=\"name\">{user}</label><br><input id=\"name\" name=\"name\" autocomplete=\"username\" required></p>\
         <p><label for=\"password\">{pw}</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required></p>\
         <p><button type=\"submit\" id=\"sign-in\">{go}</button></p></form>\
         <p class=\"langs\"><a href=\"/desk/login?lang=zh\">中文</a> · <a href=\"/desk/login?lang=en\">English</a></p>",
        title = t.sign_in(),
        user = t.account_name(),
        pw = t.password(),
        go = t.sign_in(),
        next = esc(next),
    );
    let mut r = pages::document(status, lang, t.sign_in(), &body);
    if let Ok(v) = set_cookie(app, LOGIN_COOKIE, &token, 3600).parse() {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    r
}

pub async fn login_page(
    State(app): State<Arc<App>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let (lang, set_lang) = lang_of(&headers, &query);
    let mut r = login_form(
        &app,
        lang,
        StatusCode::OK,
        None,
        &safe_next(query.get("next")),
    );
    pages::remember_lang(&app, &mut r, set_lang);
    r
}

/// The argon2 hash an unknown account's password is checked against, so an unknown name takes
/// as long to refuse as a wrong password.
fn decoy() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| users::hash_password("decoy password, never used").unwrap_or_default())
}

pub async fn login(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let (lang, _) = lang_of(&headers, &HashMap::new());
    let t = Dt(lang);
    let next = safe_next(form.get("next"));
    let fail = |e: sqlx::Error| pages::unavailable(lang, &e);
    match (form.get("csrf"), cookie(&headers, LOGIN_COOKIE)) {
        (Some(a), Some(b)) if same(a, b) => {}
        _ => {
            return login_form(
                &app,
                lang,
                StatusCode::FORBIDDEN,
                Some(t.login_form_expired()),
                &next,
            );
        }
    }
    let name = form.get("name").map_or("", |s| s.trim()).to_owned();
    let password = form.get("password").cloned().unwrap_or_default();
    let now = app.desk.clock.now();
    let since = text(now - app.desk.lockout_window);
    let failures: i64 = match sqlx::query(
        "SELECT COUNT(*), MIN(at) FROM login_failures WHERE user_name = $1 AND at > $2",
    )
    .bind(&name)
    .bind(&since)
    .fetch_one(&app.db.pool)
    .await
    {
        Ok(r) => r.try_get(0).unwrap_or(0),
        Err(e) => return fail(e),
    };
    if failures >= i64::from(app.desk.lockout_failures) {
        return login_form(
            &app,
            lang,
            StatusCode::TOO_MANY_REQUESTS,
            Some(&t.locked_out(app.desk.lockout_window.num_minutes())),
            &next,
        );
    }
    let creds = match users::credentials(&app.db, &name).await {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let phc = creds
        .as_ref()
        .map_or(decoy(), |(h, _)| h.as_str())
        .to_owned();
    let pw = password.clone();
    let ok = tokio::task::spawn_blocking(move || users::verify_password(&pw, &phc))
        .await
        .unwrap_or(false)
        && creds.is_some();
    let now_text = text(now);
    if !ok {
        if let Err(e) = sqlx::query("INSERT INTO login_failures (user_name, at) VALUES ($1, $2)")
            .bind(&name)
            .bind(&now_text)
            .execute(&app.db.pool)
            .await
        {
            return fail(e);
        }
        return login_form(
            &app,
            lang,
            StatusCode::UNAUTHORIZED,
            Some(t.wrong_password()),
            &next,
        );
    }
    let (Some(session), Some(csrf)) = (secret(), secret()) else {
        return pages::plain(StatusCode::SERVICE_UNAVAILABLE, t.no_randomness());
    };
    let expires = text(now + app.desk.session_length);
    let stored = async {
        let mut tx = app.db.pool.begin().await?;
        sqlx::query("DELETE FROM login_failures WHERE user_name = $1")
            .bind(&name)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(&now_text)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (hash, user_name, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(hash(&session))
        .bind(&name)
        .bind(&csrf)
        .bind(&now_text)
        .bind(&expires)
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    }
    .await;
    if let Err(e) = stored {
        return fail(e);
    }
    let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, next)], "").into_response();
    let h = r.headers_mut();
    for c in [
        set_cookie(
            &app,
            SESSION_COOKIE,
            &session,
            app.desk.session_length.num_seconds(),
        ),
        set_cookie(&app, LOGIN_COOKIE, "", 0),
    ] {
        if let Ok(v) = c.parse() {
            h.append(header::SET_COOKIE, v);
        }
    }
    r
}

pub async fn logout(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let v = match viewer(&app, &headers, &HashMap::new(), "/desk/matrix", Want::Data).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    if let Err(r) = check_csrf(&v, &form) {
        return r;
    }
    if let Some(secret) = cookie(&headers, SESSION_COOKIE)
        && let Err(e) = sqlx::query("DELETE FROM sessions WHERE hash = $1")
            .bind(hash(secret))
            .execute(&app.db.pool)
            .await
    {
        return pages::unavailable(v.lang, &e);
    }
    let mut r = (
        StatusCode::SEE_OTHER,
        [(header::LOCATION, "/desk/login".to_owned())],
        "",
    )
        .into_response();
    if let Ok(c) = set_cookie(&app, SESSION_COOKIE, "", 0).parse() {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_name() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, "a=1; bd_session=xyz; b=2".parse().unwrap());
        assert_eq!(cookie(&h, SESSION_COOKIE), Some("xyz"));
        assert_eq!(cookie(&h, "c"), None);
    }

    #[test]
    fn next_never_leaves_the_desk() {
        let n = |s: &str| safe_next(Some(&s.to_owned()));
        assert_eq!(n("/desk/queue?x=1"), "/desk/queue?x=1");
        assert_eq!(n("https://evil.example/"), "/desk/matrix");
        assert_eq!(n("/desk//evil.example"), "/desk/matrix");
        assert!(same("abc", "abc") && !same("abc", "abd") && !same("ab", "abc"));
    }
}
