//! The HTTP(S) side of upload: `PUT {URL}/minutes/{id}` with the file's exact bytes (DESIGN.md §4).
//!
//! 201 is delivered; 200 and 204 mean the server already had identical content; 409 is a conflict
//! (never retried, never overwritten); other 4xx fail with the server's message; 5xx, timeouts and
//! connection errors are retried with exponential backoff and jitter, a bounded number of times.
//! One `ureq::Agent` is shared by all workers, so connections are kept alive and reused.

use base64::Engine;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::Outcome;
use super::retry::{Jitter, RetryPolicy, Timeouts};
use crate::i18n::Tr;

/// Environment variable holding the bearer token.
pub const TOKEN_ENV: &str = "BRANCHDAY_TOKEN";
/// Environment variable naming a PEM file of root certificates to trust instead of the Mozilla
/// roots (a private certificate authority).
pub const CA_FILE_ENV: &str = "BRANCHDAY_CA_FILE";
/// The longest server message kept.
const MAX_MESSAGE_CHARS: usize = 300;
/// The most of a response body read.
const MAX_BODY_BYTES: u64 = 64 * 1024;

/// A validated base URL: `http(s)://host[:port][/path]`, no user info, query or fragment, no
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    base: String,
}

impl Endpoint {
    pub fn parse(s: &str) -> Option<Endpoint> {
        let s = s.trim();
        let lower = s.to_ascii_lowercase();
        let (scheme, rest) = if lower.starts_with("https://") {
            ("https", &s[8..])
        } else if lower.starts_with("http://") {
            ("http", &s[7..])
        } else {
            return None;
        };
        if rest.contains(['?', '#', '@', ' ']) || rest.chars().any(char::is_control) {
            return None;
        }
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        if host.is_empty() || host.starts_with(':') {
            return None;
        }
        let path = path.trim_end_matches('/');
        Some(Endpoint {
            base: format!("{scheme}://{}{path}", host.to_ascii_lowercase()),
        })
    }

    /// The base URL, as recorded in the ledger.
    pub fn as_str(&self) -> &str {
        &self.base
    }

    pub fn url_for(&self, id: &Uuid) -> String {
        format!("{}/minutes/{id}", self.base)
    }
}

/// The token cannot go into a request header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadToken;

/// The bearer token from [`TOKEN_ENV`]: `Ok(None)` when unset or empty, `Err` when it cannot go into
/// a header.
pub fn token_from_env() -> Result<Option<String>, BadToken> {
    match std::env::var(TOKEN_ENV) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(BadToken),
        Ok(t) => {
            let t = t.trim().to_owned();
            if t.is_empty() {
                Ok(None)
            } else if t.bytes().all(|b| (0x21..0x7f).contains(&b)) {
                Ok(Some(t))
            } else {
                Err(BadToken)
            }
        }
    }
}

/// The roots named by [`CA_FILE_ENV`]: `Ok(None)` when unset; `Err` with the path when the file
/// cannot be read or holds no certificate.
pub fn ca_from_env() -> Result<Option<Vec<ureq::tls::Certificate<'static>>>, std::path::PathBuf> {
    let Some(path) = std::env::var_os(CA_FILE_ENV).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let path = std::path::PathBuf::from(path);
    let pem = crate::store::read_capped(&path, 4 * 1024 * 1024).map_err(|_| path.clone())?;
    let certs: Vec<_> = ureq::tls::parse_pem(&pem)
        .filter_map(|item| match item {
            Ok(ureq::tls::PemItem::Certificate(c)) => Some(c.to_owned()),
            _ => None,
        })
        .collect();
    if certs.is_empty() {
        Err(path)
    } else {
        Ok(Some(certs))
    }
}

/// `sha-256=:<base64>:` (RFC 9530) of the bytes sent.
pub fn content_digest(bytes: &[u8]) -> String {
    let hash = Sha256::digest(bytes);
    format!(
        "sha-256=:{}:",
        base64::engine::general_purpose::STANDARD.encode(hash)
    )
}

/// The result of sending one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivery {
    pub outcome: Outcome,
    /// The last HTTP status received, if any.
    pub status: Option<u16>,
    pub attempts: u32,
    /// The file failed only because the server could not be reached (retries exhausted on
    /// connection errors, timeouts or 5xx).
    pub exhausted: bool,
    /// The server's reviewer returned the file it holds: who, when, and the comment.
    pub review: Option<ServerReview>,
}

/// A return recorded on the server (the desk), as its answer to a file it already holds says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerReview {
    pub reviewer: String,
    pub comment: String,
    pub at: Option<crate::domain::Timestamp>,
}

impl ServerReview {
    /// What the run reports for the file: returned, with who returned it and why.
    pub fn outcome(&self, tr: Tr) -> Outcome {
        Outcome::Returned(tr.upload_returned_by_server(&self.reviewer, &self.comment))
    }
}

enum Attempt {
    Done(Outcome, u16, Option<ServerReview>),
    Retry(String, Option<u16>),
    Fatal(String),
}

/// A client for one endpoint, shared by the workers.
pub struct Client {
    agent: ureq::Agent,
    endpoint: Endpoint,
    token: Option<String>,
    retry: RetryPolicy,
    tr: Tr,
}

impl Client {
    /// `roots`: certificates to trust instead of the Mozilla roots (see [`ca_from_env`]).
    pub fn new(
        endpoint: Endpoint,
        token: Option<String>,
        roots: Option<Vec<ureq::tls::Certificate<'static>>>,
        timeouts: Timeouts,
        retry: RetryPolicy,
        jobs: usize,
        tr: Tr,
    ) -> Client {
        let mut tls = ureq::tls::TlsConfig::builder();
        if let Some(certs) = roots {
            tls = tls.root_certs(ureq::tls::RootCerts::from(certs));
        }
        let config = ureq::Agent::config_builder()
            .tls_config(tls.build())
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(timeouts.connect))
            .timeout_global(Some(timeouts.global))
            .max_idle_connections(jobs.max(1) * 2)
            .max_idle_connections_per_host(jobs.max(1) * 2)
            .user_agent(format!("branchday/{}", env!("CARGO_PKG_VERSION")))
            .build();
        Client {
            agent: ureq::Agent::with_parts(
                config,
                ureq::unversioned::transport::DefaultConnector::new(),
                OnceResolver::default(),
            ),
            endpoint,
            token,
            retry,
            tr,
        }
    }

    /// Send one file, retrying as the protocol allows.
    pub fn put(&self, id: &Uuid, bytes: &[u8], jitter: &mut Jitter) -> Delivery {
        let url = self.endpoint.url_for(id);
        let digest = content_digest(bytes);
        let mut last_status = None;
        let mut attempts = 0;
        loop {
            attempts += 1;
            match self.attempt(&url, &digest, bytes) {
                Attempt::Done(outcome, status, review) => {
                    return Delivery {
                        outcome,
                        status: Some(status),
                        attempts,
                        exhausted: false,
                        review,
                    };
                }
                Attempt::Fatal(message) => {
                    return Delivery {
                        outcome: Outcome::Failed(self.tr.upload_transport(&message)),
                        status: last_status,
                        attempts,
                        exhausted: false,
                        review: None,
                    };
                }
                Attempt::Retry(reason, status) => {
                    last_status = status.or(last_status);
                    if attempts >= self.retry.attempts {
                        return Delivery {
                            outcome: Outcome::Failed(self.tr.upload_gave_up(attempts, &reason)),
                            status: last_status,
                            attempts,
                            exhausted: true,
                            review: None,
                        };
                    }
                    std::thread::sleep(self.retry.delay(attempts, jitter));
                }
            }
        }
    }

    /// The return the server's reviewer made of the file it holds under `id`, from the
    /// `Review-State`, `Review-Reviewer`, `Review-At` and `Review-Comment` headers (percent-encoded
    /// UTF-8) of its answer to `HEAD /minutes/{id}`. One attempt, nothing sent: an unreachable
    /// server, a file it lacks, a verdict other than a return, or a receiver that does not answer
    /// `HEAD` all give `None`, and the file stays delivered as before.
    pub fn returned_review(&self, id: &Uuid) -> Option<ServerReview> {
        let mut req = self.agent.head(self.endpoint.url_for(id));
        if let Some(t) = &self.token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        let resp = req.call().ok()?;
        if resp.status().as_u16() != 200 {
            return None;
        }
        let header = |k: &str| {
            resp.headers()
                .get(k)
                .and_then(|v| v.to_str().ok())
                .map(|v| {
                    percent_encoding::percent_decode_str(v)
                        .decode_utf8_lossy()
                        .into_owned()
                })
                .unwrap_or_default()
        };
        server_review(
            &header("review-state"),
            &header("review-reviewer"),
            &header("review-comment"),
            &header("review-at"),
        )
        .map(|r| self.scrubbed(r))
    }

    /// A return with the token taken out of its texts.
    fn scrubbed(&self, mut review: ServerReview) -> ServerReview {
        review.reviewer = self.scrub(&review.reviewer);
        review.comment = self.scrub(&review.comment);
        review
    }

    fn attempt(&self, url: &str, digest: &str, bytes: &[u8]) -> Attempt {
        let mut req = self
            .agent
            .put(url)
            .header("Content-Type", "application/json")
            .header("Content-Digest", digest);
        if let Some(t) = &self.token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        let mut resp = match req.send(bytes) {
            Ok(r) => r,
            Err(e) => {
                let reason = self.scrub(&e.to_string());
                return if retryable(&e) {
                    Attempt::Retry(reason, None)
                } else {
                    Attempt::Fatal(reason)
                };
            }
        };
        let status = resp.status().as_u16();
        // Read the (small) body so the connection goes back to the pool, and keep it as the
        // server's message.
        let body = resp
            .body_mut()
            .with_config()
            .limit(MAX_BODY_BYTES)
            .read_to_vec()
            .unwrap_or_default();
        let message = self.message(&body);
        match status {
            201 => Attempt::Done(Outcome::Delivered, status, None),
            // The server already holds it and its reviewer returned it: say so, with the comment
            // (not recorded as delivered, so every run says it until a correction is sent).
            200 => match review_in_body(&body) {
                Some(review) => {
                    let review = self.scrubbed(review);
                    Attempt::Done(review.outcome(self.tr), status, Some(review))
                }
                None => Attempt::Done(Outcome::AlreadyThere, status, None),
            },
            204 => Attempt::Done(Outcome::AlreadyThere, status, None),
            409 => Attempt::Done(
                Outcome::Conflict(self.tr.upload_conflict_http(&message)),
                status,
                None,
            ),
            408 | 429 | 500..=599 => {
                Attempt::Retry(self.tr.upload_server_error(status), Some(status))
            }
            400..=499 => Attempt::Done(
                Outcome::Failed(self.tr.upload_rejected(status, &message)),
                status,
                None,
            ),
            _ => Attempt::Done(
                Outcome::Failed(self.tr.upload_unexpected(status, &message)),
                status,
                None,
            ),
        }
    }

    /// The server's message as one safe line: `": message"` or empty.
    fn message(&self, body: &[u8]) -> String {
        let text = String::from_utf8_lossy(body);
        let text = self.scrub(text.trim());
        let line = crate::sanitize::line(&text);
        let mut short: String = line.chars().take(MAX_MESSAGE_CHARS).collect();
        if line.chars().count() > MAX_MESSAGE_CHARS {
            short.push('…');
        }
        if short.is_empty() {
            short
        } else {
            format!(": {short}")
        }
    }

    /// Never let the token through, whatever echoes it.
    fn scrub(&self, s: &str) -> String {
        match &self.token {
            Some(t) => s.replace(t.as_str(), "***"),
            None => s.to_owned(),
        }
    }
}

/// The reviewer, comment and time of a `200` answer whose `review.state` is `returned`
/// (`branchday-server`'s desk).
fn review_in_body(body: &[u8]) -> Option<ServerReview> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    let review = v.get("review")?;
    let raw = |k: &str| review.get(k).and_then(|x| x.as_str()).unwrap_or_default();
    server_review(raw("state"), raw("reviewer"), raw("comment"), raw("at"))
}

/// A return, from what the server said of it, the texts made safe and of bounded length (the
/// comment keeps its line breaks); `None` unless `state` is `returned`.
fn server_review(state: &str, reviewer: &str, comment: &str, at: &str) -> Option<ServerReview> {
    if state != "returned" {
        return None;
    }
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let comment = comment
        .lines()
        .map(|l| crate::sanitize::line(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    Some(ServerReview {
        reviewer: clip(&crate::sanitize::line(reviewer), MAX_MESSAGE_CHARS),
        comment: clip(&comment, crate::review::remarks::MAX_COMMENT_CHARS),
        at: chrono::DateTime::parse_from_rfc3339(at).ok(),
    })
}

/// Looks each host up once per run. ureq resolves the host before every request, even when it
/// then reuses a kept-alive connection, and with a timeout set it does so on a new thread each time
/// (a thread per request). A failed lookup is not kept, so a retry looks again.
#[derive(Debug, Default)]
struct OnceResolver {
    inner: ureq::unversioned::resolver::DefaultResolver,
    known: std::sync::Mutex<
        std::collections::HashMap<String, ureq::unversioned::resolver::ResolvedSocketAddrs>,
    >,
}

impl ureq::unversioned::resolver::Resolver for OnceResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let key = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or_default(),
            uri.authority()
                .map(ureq::http::uri::Authority::as_str)
                .unwrap_or_default()
        );
        let lock = || match self.known.lock() {
            Ok(k) => k,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(addrs) = lock().get(&key) {
            return Ok(addrs.clone());
        }
        let addrs = self.inner.resolve(uri, config, timeout)?;
        lock().insert(key, addrs.clone());
        Ok(addrs)
    }
}

/// Connection trouble is retried; a refused certificate or another TLS failure (reported by rustls
/// as invalid data) is not, since trying again cannot change it.
fn retryable(e: &ureq::Error) -> bool {
    if let ureq::Error::Io(io) = e {
        return io.kind() != std::io::ErrorKind::InvalidData;
    }
    matches!(
        e,
        ureq::Error::Timeout(_)
            | ureq::Error::HostNotFound
            | ureq::Error::ConnectionFailed
            | ureq::Error::Protocol(_)
            | ureq::Error::BodyStalled
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_validated_and_normalised() {
        let e = Endpoint::parse("HTTPS://Example.ORG:8443/api/").unwrap();
        assert_eq!(e.as_str(), "https://example.org:8443/api");
        assert_eq!(
            e.url_for(&Uuid::nil()),
            "https://example.org:8443/api/minutes/00000000-0000-0000-0000-000000000000"
        );
        assert_eq!(
            Endpoint::parse("http://127.0.0.1:9").unwrap().as_str(),
            "http://127.0.0.1:9"
        );
        for bad in [
            "ftp://x",
            "http://",
            "http://user:pw@host",
            "http://host/?a=1",
            "http://host/#x",
            "http://ho st",
            "/media/usb",
            "http://:80",
        ] {
            assert!(Endpoint::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_returned_review_in_a_200_answer_is_read() {
        let body = r#"{"stored": "x", "review": {"state": "returned", "comment": "\u001b[31m补签名\n再报送", "reviewer": "xian1", "at": "t"}}"#.as_bytes();
        let r = review_in_body(body).unwrap();
        assert_eq!(r.reviewer, "xian1");
        assert!(
            r.comment.ends_with("补签名\n再报送") && !r.comment.contains('\u{1b}'),
            "{:?}",
            r.comment
        );
        assert_eq!(r.at, None, "a time that is not RFC 3339 is left out");
        let body = br#"{"review": {"state": "returned", "comment": "x", "reviewer": "y", "at": "2026-03-02T10:00:00+08:00"}}"#;
        assert_eq!(
            review_in_body(body).unwrap().at.unwrap().to_rfc3339(),
            "2026-03-02T10:00:00+08:00"
        );
        assert_eq!(
            review_in_body(br#"{"review": {"state": "approved", "comment": ""}}"#),
            None
        );
        assert_eq!(review_in_body(b"not json"), None);
    }

    #[test]
    fn content_digest_is_rfc9530_sha256() {
        // sha256("") = e3b0c442...; base64 of it:
        assert_eq!(
            content_digest(b""),
            "sha-256=:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=:"
        );
    }
}
