//! A loopback HTTP/1.1 server for the upload protocol, with injected faults.
//!
//! `PUT /minutes/{id}` stores the body when new (201), answers 204 for identical bytes and 409 for
//! different bytes, so it is idempotent per id and content like a real receiver. It checks the
//! `Content-Digest` (RFC 9530, sha-256) of every body and, when configured, the bearer token.
//! Faults: the next N requests answered 503, the next N answered requests dropped without an
//! answer (after storing), the next N answered only after a delay, and a delay on every answer.
//! It speaks HTTPS too ([`Server::start_tls`]). Used by the tests and, through
//! `examples/loopback_server.rs`, by the benchmark.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use base64::Engine;
use sha2::{Digest, Sha256};

/// Faults to inject; change them at any time.
#[derive(Debug, Default)]
pub struct Faults {
    /// The next N requests get 503 without being stored.
    pub fail_503: AtomicUsize,
    /// The next N requests that reach the store (201/204/409) are processed and then the
    /// connection is closed unanswered.
    pub drop_after_store: AtomicUsize,
    /// The next N requests that reach the store are answered only after `slow_ms`.
    pub slow_after_store: AtomicUsize,
    pub slow_ms: AtomicU64,
    /// Every answer waits this long.
    pub delay_ms: AtomicU64,
    /// When set, requests must carry `Authorization: Bearer <token>`.
    pub token: Mutex<Option<String>>,
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    /// The status answered; 0 when the connection was dropped unanswered.
    pub status: u16,
    pub content_digest: Option<String>,
    pub authorization: Option<String>,
}

#[derive(Debug, Default)]
pub struct State {
    /// Stored bodies by id.
    pub stored: HashMap<String, Vec<u8>>,
    /// How often each id was newly stored (201).
    pub creates: HashMap<String, usize>,
    pub seen: Vec<Seen>,
    pub connections: usize,
    /// Ids whose stored file a reviewer returned: the same bytes again are answered 200 with this
    /// body (as `branchday-server`'s desk answers).
    pub returned: HashMap<String, &'static str>,
}

pub struct Server {
    addr: SocketAddr,
    pub faults: Arc<Faults>,
    state: Arc<Mutex<State>>,
    stop: Arc<AtomicBool>,
    accept: Option<JoinHandle<()>>,
}

fn take_one(n: &AtomicUsize) -> bool {
    n.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |v| v.checked_sub(1))
        .is_ok()
}

impl Server {
    /// Listen on 127.0.0.1 at a free port.
    pub fn start() -> Server {
        Server::start_on(0)
    }

    pub fn start_on(port: u16) -> Server {
        Server::start_with(port, None)
    }

    /// Listen for HTTPS on 127.0.0.1 with this certificate chain and private key (PEM).
    pub fn start_tls(cert_pem: &[u8], key_pem: &[u8]) -> Server {
        use rustls::pki_types::pem::PemObject;
        use rustls::pki_types::{CertificateDer, PrivateKeyDer};
        let certs = CertificateDer::pem_slice_iter(cert_pem)
            .collect::<Result<Vec<_>, _>>()
            .expect("certificates");
        let key = PrivateKeyDer::from_pem_slice(key_pem).expect("private key");
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .expect("protocol versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("server certificate");
        Server::start_with(0, Some(Arc::new(config)))
    }

    fn start_with(port: u16, tls: Option<Tls>) -> Server {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind loopback");
        let addr = listener.local_addr().expect("local addr");
        let faults = Arc::new(Faults::default());
        let state = Arc::new(Mutex::new(State::default()));
        let stop = Arc::new(AtomicBool::new(false));
        let accept = {
            let (faults, state, stop) = (faults.clone(), state.clone(), stop.clone());
            std::thread::spawn(move || {
                for conn in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let Ok(conn) = conn else { continue };
                    let (faults, state, tls) = (faults.clone(), state.clone(), tls.clone());
                    state.lock().expect("state").connections += 1;
                    std::thread::spawn(move || {
                        let _ = conn.set_read_timeout(Some(Duration::from_secs(10)));
                        match tls {
                            None => serve(conn, &faults, &state),
                            Some(config) => serve_tls(conn, config, &faults, &state),
                        }
                    });
                }
            })
        };
        Server {
            addr,
            faults,
            state,
            stop,
            accept: Some(accept),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn https_url(&self) -> String {
        format!("https://{}", self.addr)
    }

    pub fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("state")
    }

    /// How many requests of `method` the server has seen.
    pub fn requests(&self, method: &str) -> usize {
        self.state()
            .seen
            .iter()
            .filter(|s| s.method == method)
            .count()
    }

    /// Store content for an id before the test (for a conflict).
    pub fn preload(&self, id: &str, bytes: &[u8]) {
        self.state().stored.insert(id.to_owned(), bytes.to_vec());
    }

    pub fn set_token(&self, token: Option<&str>) {
        *self.faults.token.lock().expect("token") = token.map(str::to_owned);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(h) = self.accept.take() {
            let _ = h.join();
        }
    }
}

struct Request {
    method: String,
    path: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

type Tls = Arc<rustls::ServerConfig>;

fn serve_tls(conn: TcpStream, config: Tls, faults: &Faults, state: &Mutex<State>) {
    let Ok(session) = rustls::ServerConnection::new(config) else {
        return;
    };
    serve(rustls::StreamOwned::new(session, conn), faults, state);
}

fn read_request<R: BufRead>(r: &mut R) -> Option<Request> {
    let mut line = String::new();
    if r.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut parts = line.split_whitespace();
    let method = parts.next()?.to_owned();
    let path = parts.next()?.to_owned();
    let mut headers = Vec::new();
    loop {
        let mut h = String::new();
        if r.read_line(&mut h).ok()? == 0 {
            return None;
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        let (k, v) = h.split_once(':')?;
        headers.push((k.trim().to_owned(), v.trim().to_owned()));
    }
    let len: usize = headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; len];
    r.read_exact(&mut body).ok()?;
    Some(Request {
        method,
        path,
        headers,
        body,
    })
}

fn expected_digest(body: &[u8]) -> String {
    format!(
        "sha-256=:{}:",
        base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body))
    )
}

/// The answer to one request: status and message.
fn answer(req: &Request, faults: &Faults, state: &Mutex<State>) -> (u16, &'static str) {
    let Some(id) = req.path.strip_prefix("/minutes/") else {
        return (404, "no such resource");
    };
    if req.method != "PUT" && req.method != "HEAD" {
        return (405, "only PUT and HEAD are allowed");
    }
    if let Some(t) = faults.token.lock().expect("token").as_deref()
        && req.header("authorization") != Some(&format!("Bearer {t}"))
    {
        return (401, "missing or wrong bearer token");
    }
    if req.method == "HEAD" {
        let s = state.lock().expect("state");
        return if s.stored.contains_key(id) {
            (200, "")
        } else {
            (404, "no file under this id")
        };
    }
    if req.header("content-digest") != Some(expected_digest(&req.body).as_str()) {
        return (400, "Content-Digest does not match the body");
    }
    if take_one(&faults.fail_503) {
        return (503, "busy, try later");
    }
    let mut s = state.lock().expect("state");
    match s.stored.get(id) {
        Some(have) if *have == req.body => match s.returned.get(id) {
            Some(body) => (200, *body),
            None => (204, ""),
        },
        Some(_) => (409, "different content stored for this id"),
        None => {
            s.stored.insert(id.to_owned(), req.body.clone());
            *s.creates.entry(id.to_owned()).or_default() += 1;
            (201, "stored")
        }
    }
}

/// The review headers `branchday-server` sends with `HEAD /minutes/{id}` for a file its reviewer
/// reviewed (here: one in `returned`), each percent-encoded UTF-8.
fn review_headers(state: &State, path: &str) -> String {
    let id = path.strip_prefix("/minutes/").unwrap_or_default();
    let Some(body) = state.returned.get(id) else {
        return String::new();
    };
    let v: serde_json::Value = serde_json::from_str(body).expect("a returned body is JSON");
    let mut out = String::new();
    for (header, key) in [
        ("Review-State", "state"),
        ("Review-Comment", "comment"),
        ("Review-Reviewer", "reviewer"),
        ("Review-At", "at"),
    ] {
        let text = v["review"][key].as_str().unwrap_or_default();
        let enc = percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC);
        out.push_str(&format!("{header}: {enc}\r\n"));
    }
    out
}

fn serve<S: Read + Write>(conn: S, faults: &Faults, state: &Mutex<State>) {
    let mut reader = BufReader::new(conn);
    while let Some(req) = read_request(&mut reader) {
        let (status, message) = answer(&req, faults, state);
        let stored = req.method == "PUT" && matches!(status, 200 | 201 | 204 | 409);
        let dropped = stored && take_one(&faults.drop_after_store);
        state.lock().expect("state").seen.push(Seen {
            method: req.method.clone(),
            path: req.path.clone(),
            status: if dropped { 0 } else { status },
            content_digest: req.header("content-digest").map(str::to_owned),
            authorization: req.header("authorization").map(str::to_owned),
        });
        if dropped {
            return;
        }
        if stored && take_one(&faults.slow_after_store) {
            std::thread::sleep(Duration::from_millis(faults.slow_ms.load(Ordering::SeqCst)));
        }
        let delay = faults.delay_ms.load(Ordering::SeqCst);
        if delay > 0 {
            std::thread::sleep(Duration::from_millis(delay));
        }
        let reason = match status {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            400 => "Bad Request",
            401 => "Unauthorized",
            404 => "Not Found",
            405 => "Method Not Allowed",
            409 => "Conflict",
            503 => "Service Unavailable",
            _ => "Status",
        };
        let head_only = req.method == "HEAD";
        let body = if status == 204 || head_only {
            ""
        } else {
            message
        };
        let extra = if head_only && status == 200 {
            review_headers(&state.lock().expect("state"), &req.path)
        } else {
            String::new()
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain; charset=utf-8\r\n{extra}Content-Length: {}\r\n\r\n",
            body.len()
        );
        let writer = reader.get_mut();
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.write_all(body.as_bytes()))
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
    }
}
