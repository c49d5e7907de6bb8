//! The upload protocol (DESIGN.md §4): `PUT`, `GET` and `HEAD /minutes/{id}`.
//!
//! | Status | When |
//! |---|---|
//! | 201 | stored: sent only after the transaction committed |
//! | 204 | the same bytes are already stored under this id |
//! | 200 | the same bytes are already stored, and the desk has reviewed them: `{"stored", "review": {"state", "comment", "reviewer", "at"}}` |
//! | 400 | `Content-Digest` (RFC 9530, sha-256) missing or not the body's |
//! | 401 | no token, or one that is unknown or revoked |
//! | 403 | the token's branch is not the file's branch |
//! | 409 | different content is stored under this id (never overwritten) |
//! | 413 | the body is over 16 MiB |
//! | 422 | not valid minutes (the findings of the library's checks), the id in the path is not the file's, or — with `--require-signature` — unsigned or not signed by a key the keyring lists |
//! | 503 | the database cannot be reached or is full: the uploader retries |
//!
//! `GET` and `HEAD` carry a reviewed file's `Review-State` (`approved` or `returned`),
//! `Review-Comment`, `Review-Reviewer` and `Review-At` (percent-encoded UTF-8): the uploader asks
//! with `HEAD` about the files it delivered before.
//!
//! Every error body is JSON: `{"error": "…"}`, with `"findings"` for invalid minutes.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::put;
use base64::Engine;
use branchday::i18n::{Lang, Tr};
use branchday::keys::Keyring;
use branchday::minutes::check::Problem;
use branchday::minutes::{self, Checked, MAX_BYTES, Severity};
use http_body_util::BodyExt;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::db::{Db, now_text};
use crate::record::Record;
use crate::store::{self, Stored};

/// How the server judges and stores what it receives.
pub struct App {
    pub db: Db,
    /// The keyring signatures are judged by (none imported: signatures are checked but not trusted).
    pub keyring: Option<Keyring>,
    /// Refuse files that are unsigned or not signed by a key the keyring lists for their branch.
    pub require_signature: bool,
    /// The longest a request body may take to arrive.
    pub body_timeout: Duration,
    /// The longest a request's head may take to arrive.
    pub header_timeout: Duration,
    /// The reviewer's desk (its clock, cookies and settings).
    pub desk: crate::desk::Desk,
}

/// The routes of the protocol.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/minutes/{id}", put(put_minutes).get(get_minutes))
        .merge(crate::desk::router())
        .fallback(|| async {
            error(
                StatusCode::NOT_FOUND,
                "no such resource: the server answers /minutes/{id} and the reviewer's desk at /desk",
            )
        })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed: /minutes/{id} takes PUT, GET and HEAD; the desk's pages GET, its forms POST",
            )
        })
        .with_state(app)
}

/// `{"error": message}` with `status`.
pub fn error(status: StatusCode, message: &str) -> Response {
    json_response(status, &json!({ "error": message }))
}

fn json_response(status: StatusCode, value: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

fn unavailable(e: &sqlx::Error) -> Response {
    eprintln!("branchday-server: database error: {e}");
    error(
        StatusCode::SERVICE_UNAVAILABLE,
        "the store is unavailable just now; try again later",
    )
}

/// `sha-256=:<base64>:` of `bytes` (RFC 9530).
pub fn content_digest(bytes: &[u8]) -> String {
    format!(
        "sha-256=:{}:",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(bytes))
    )
}

/// The sha-256 member of a `Content-Digest` header, decoded.
fn claimed_sha256(headers: &HeaderMap) -> Option<Vec<u8>> {
    let value = headers.get("content-digest")?.to_str().ok()?;
    value.split(',').find_map(|member| {
        let (key, rest) = member.trim().split_once('=')?;
        if !key.trim().eq_ignore_ascii_case("sha-256") {
            return None;
        }
        let inner = rest.trim().strip_prefix(':')?.strip_suffix(':')?;
        base64::engine::general_purpose::STANDARD.decode(inner).ok()
    })
}

/// The branch of the request's bearer token, or the response refusing it.
async fn authorize(app: &App, headers: &HeaderMap) -> Result<String, Response> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
        })
        .filter(|t| !t.is_empty());
    let Some(token) = token else {
        return Err(error(
            StatusCode::UNAUTHORIZED,
            "no upload token: send Authorization: Bearer <token> (set BRANCHDAY_TOKEN for branchday upload)",
        ));
    };
    match crate::tokens::branch_of(&app.db, token).await {
        Ok(Some(branch)) => Ok(branch),
        Ok(None) => Err(error(
            StatusCode::UNAUTHORIZED,
            "unknown or revoked upload token: ask the organisation for a new one",
        )),
        Err(e) => Err(unavailable(&e)),
    }
}

/// The most of an oversized body read (and dropped) before answering 413.
const DRAIN_LIMIT: u64 = 4 * MAX_BYTES;

enum BodyError {
    TooLarge,
    Slow,
    Broken,
}

/// The body, at most `limit` bytes, arriving within `within`.
async fn read_body(body: Body, limit: u64, within: Duration) -> Result<Vec<u8>, BodyError> {
    let read = async move {
        let mut body = body;
        let mut buf = Vec::new();
        let mut seen = 0u64;
        let mut over = false;
        while let Some(frame) = body.frame().await {
            let frame = frame.map_err(|_| BodyError::Broken)?;
            if let Ok(data) = frame.into_data() {
                seen += data.len() as u64;
                if seen > limit {
                    // Read on (keeping nothing) so the client gets the answer rather than a
                    // broken connection, up to a bound.
                    over = true;
                    buf = Vec::new();
                    if seen > DRAIN_LIMIT {
                        break;
                    }
                } else {
                    buf.extend_from_slice(&data);
                }
            }
        }
        if over {
            Err(BodyError::TooLarge)
        } else {
            Ok(buf)
        }
    };
    tokio::time::timeout(within, read)
        .await
        .unwrap_or(Err(BodyError::Slow))
}

fn too_large() -> Response {
    error(
        StatusCode::PAYLOAD_TOO_LARGE,
        &format!(
            "the file is over {} MiB, the most a minutes file may be",
            MAX_BYTES / (1024 * 1024)
        ),
    )
}

/// The findings of the library's checks, as `validate --json` words them.
fn findings_json(checked: &Checked) -> serde_json::Value {
    let tr = Tr(Lang::En);
    checked
        .findings
        .iter()
        .map(|f| {
            json!({
                "severity": f.severity.key(),
                "code": f.problem.code(),
                "message": branchday::sanitize::line(&tr.problem(&f.problem)),
            })
        })
        .collect()
}

/// A finding that only says the keyring does not vouch for the file.
fn is_trust_verdict(p: &Problem) -> bool {
    matches!(
        p,
        Problem::UnsignedUnderTrust
            | Problem::UntrustedSigner { .. }
            | Problem::SignerOutsideValidity { .. }
    )
}

fn invalid(checked: &Checked, message: &str) -> Response {
    json_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        &json!({ "error": message, "findings": findings_json(checked) }),
    )
}

async fn put_minutes(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let branch = match authorize(&app, &headers).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let bytes = match read_body(body, MAX_BYTES, app.body_timeout).await {
        Ok(b) => b,
        Err(BodyError::TooLarge) => return too_large(),
        Err(BodyError::Slow) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                "the file took too long to arrive; send it again",
            );
        }
        Err(BodyError::Broken) => {
            return error(
                StatusCode::BAD_REQUEST,
                "the request body was cut off; send it again",
            );
        }
    };
    let Some(claimed) = claimed_sha256(&headers) else {
        return error(
            StatusCode::BAD_REQUEST,
            "no Content-Digest: send Content-Digest: sha-256=:<base64 of the SHA-256 of the body>: (RFC 9530)",
        );
    };
    let actual = Sha256::digest(&bytes);
    if claimed.as_slice() != actual.as_slice() {
        return error(
            StatusCode::BAD_REQUEST,
            "Content-Digest does not match the body: the file changed on the way; send it again",
        );
    }
    let app2 = Arc::clone(&app);
    let judged = tokio::task::spawn_blocking(move || {
        let mut checked = minutes::check_bytes(&bytes);
        checked.trust(app2.keyring.as_ref());
        (bytes, checked)
    })
    .await;
    let Ok((bytes, checked)) = judged else {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the file could not be checked; report this to the organisation",
        );
    };
    // The keyring's verdict (unsigned, or a key it does not list) refuses a file only under
    // --require-signature; every other error refuses it always.
    let refused = checked
        .findings
        .iter()
        .any(|f| f.severity >= Severity::Error && !is_trust_verdict(&f.problem));
    let minutes = match &checked.minutes {
        Some(m) if !refused => m,
        _ => return invalid(&checked, "not valid minutes: see the findings"),
    };
    if minutes.id.to_string() != id.to_ascii_lowercase() {
        return invalid(
            &checked,
            &format!(
                "the address names {} but the file's id is {}: send it to /minutes/{}",
                branchday::sanitize::line(&id),
                minutes.id,
                minutes.id
            ),
        );
    }
    if minutes.branch.code != branch {
        return error(
            StatusCode::FORBIDDEN,
            &format!(
                "this token is for branch {branch}, and the file is branch {}'s: upload it with that branch's token",
                branchday::sanitize::line(&minutes.branch.code)
            ),
        );
    }
    if app.require_signature && !checked.trusted {
        let why = if checked.signed_by.is_none() {
            format!(
                "the file is not signed, and this server takes only files signed by a key its keyring lists for branch {branch}"
            )
        } else {
            format!(
                "the file is signed by a key this server's keyring does not list for branch {branch} (at the file's finalize time)"
            )
        };
        return invalid(&checked, &why);
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return invalid(&checked, "not valid minutes: not UTF-8");
    };
    let signer = checked.signed_by.as_ref().and_then(|k| k.to_openssh().ok());
    let warnings = checked
        .findings
        .iter()
        .any(|f| f.severity >= Severity::Warning);
    let status = if checked
        .findings
        .iter()
        .any(|f| f.severity >= Severity::Error)
    {
        "invalid"
    } else if warnings {
        "warnings"
    } else {
        "valid"
    };
    let record = Record::of(
        minutes,
        content_digest(text.as_bytes()),
        signer,
        checked.trusted,
        status,
    );
    match store::put(&app.db, &record, &text, &now_text()).await {
        Ok(Stored::Created) => {
            let mut body = json!({ "stored": record.id, "digest": record.digest });
            if warnings {
                body["findings"] = findings_json(&checked);
            }
            json_response(StatusCode::CREATED, &body)
        }
        // Already there: 204, or 200 with the desk's review when the file has one, so the
        // branch learns of a return (`review.state`, `review.comment`).
        Ok(Stored::Same) => match store::review_of(&app.db, &record.id).await {
            Ok(Some(review)) => json_response(
                StatusCode::OK,
                &json!({ "stored": record.id, "review": review }),
            ),
            Ok(None) => StatusCode::NO_CONTENT.into_response(),
            Err(e) => unavailable(&e),
        },
        Ok(Stored::Conflict) => error(
            StatusCode::CONFLICT,
            &format!(
                "different content is already stored under id {}: nothing was overwritten; a correction is a new file with supersedes",
                record.id
            ),
        ),
        Err(e) => unavailable(&e),
    }
}

async fn get_minutes(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let branch = match authorize(&app, &headers).await {
        Ok(b) => b,
        Err(r) => return r,
    };
    let not_found = || {
        error(
            StatusCode::NOT_FOUND,
            "no file under this id for this branch",
        )
    };
    let Ok(uuid) = uuid::Uuid::parse_str(&id) else {
        return not_found();
    };
    match store::get(&app.db, &uuid.to_string()).await {
        Ok(Some(held)) if held.branch == branch => {
            let mut r = (StatusCode::OK, held.body).into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            if let Ok(v) = HeaderValue::from_str(&held.content_digest) {
                h.insert("content-digest", v);
            }
            match store::review_of(&app.db, &uuid.to_string()).await {
                Ok(Some(review)) => {
                    if let Ok(v) = HeaderValue::from_str(&review.state) {
                        h.insert("review-state", v);
                    }
                    // Percent-encoded UTF-8: a header carries no line breaks nor, safely, Chinese.
                    for (name, text) in [
                        ("review-comment", &review.comment),
                        ("review-reviewer", &review.reviewer),
                        ("review-at", &review.at),
                    ] {
                        if let Ok(v) = HeaderValue::from_str(&crate::desk::auth::urlencode(text)) {
                            h.insert(name, v);
                        }
                    }
                    r
                }
                Ok(None) => r,
                Err(e) => unavailable(&e),
            }
        }
        Ok(_) => not_found(),
        Err(e) => unavailable(&e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sha256_member_is_found_among_others() {
        let mut h = HeaderMap::new();
        let d = content_digest(b"abc");
        h.insert(
            "content-digest",
            HeaderValue::from_str(&format!("sha-512=:AAAA:, {d}")).unwrap(),
        );
        assert_eq!(claimed_sha256(&h).unwrap(), Sha256::digest(b"abc").to_vec());
        h.insert(
            "content-digest",
            HeaderValue::from_static("sha-256=nocolons"),
        );
        assert_eq!(claimed_sha256(&h), None);
    }
}
