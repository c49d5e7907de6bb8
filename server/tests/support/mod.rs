//! A running `branchday-server` on a loopback port for the tests, over SQLite or PostgreSQL.
//!
//! PostgreSQL is used when `DATABASE_URL` names one (`.ci/run` starts a throw-away cluster and
//! sets it); each server gets a fresh database in it. Without it the PostgreSQL tests print a loud
//! SKIPPED line, and under `CI=true` they fail.

#![allow(dead_code)]

pub mod desk;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use branchday::minutes::Minutes;
use branchday_server::db::{self, Db};
use branchday_server::org::{self, Unit};
use branchday_server::{http, keyring, tokens};

/// Which store a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// The PostgreSQL URL to test against, or `None` (after saying so loudly) when there is none.
pub fn postgres_url(test: &str) -> Option<String> {
    match std::env::var("DATABASE_URL") {
        Ok(u) if u.starts_with("postgres:") || u.starts_with("postgresql:") => Some(u),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{test}: DATABASE_URL is not a postgres:// URL, and under CI=true the PostgreSQL tests must run (.ci/run starts a cluster and sets it)"
            );
            eprintln!(
                "SKIPPED: {test} on PostgreSQL: set DATABASE_URL=postgres://… (a database the tests may create databases in) to run it"
            );
            None
        }
    }
}

/// `url` with its database name replaced by `name`.
fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").expect("a URL");
    let (before_query, query) = rest
        .split_once('?')
        .map_or((rest, None), |(a, b)| (a, Some(b)));
    let authority = before_query.split('/').next().unwrap_or_default();
    let mut out = format!("{scheme}://{authority}/{name}");
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// A fresh database URL for one server.
fn fresh_url(engine: Engine, rt: &tokio::runtime::Runtime, dir: &Path) -> Option<String> {
    match engine {
        Engine::Sqlite => Some(branchday_server::config::sqlite_url(dir)),
        Engine::Postgres => {
            let base = postgres_url("this test")?;
            let name = format!(
                "bd_test_{}_{}",
                std::process::id(),
                DATABASES.fetch_add(1, Ordering::SeqCst)
            );
            rt.block_on(async {
                sqlx::any::install_default_drivers();
                let pool = sqlx::AnyPool::connect(&base)
                    .await
                    .expect("connect to DATABASE_URL");
                let drop = format!("DROP DATABASE IF EXISTS {name}");
                sqlx::query(sqlx::AssertSqlSafe(drop.as_str()))
                    .execute(&pool)
                    .await
                    .expect("drop an old test database");
                let create = format!("CREATE DATABASE {name}");
                sqlx::query(sqlx::AssertSqlSafe(create.as_str()))
                    .execute(&pool)
                    .await
                    .expect("create a test database");
                pool.close().await;
            });
            Some(with_database(&base, &name))
        }
    }
}

/// How a server is set up.
#[derive(Default)]
pub struct Setup<'a> {
    /// Branch codes (and names) to put in the organisation tree and issue tokens for.
    pub branches: Vec<(String, String)>,
    /// An `allowed_signers` text to import as the keyring.
    pub keyring: Option<&'a str>,
    pub require_signature: bool,
    pub body_timeout: Option<Duration>,
    pub header_timeout: Option<Duration>,
    /// The desk's clock (the system's when `None`).
    pub clock: Option<branchday_server::desk::Clock>,
}

/// A server answering on a loopback port until dropped.
pub struct Running {
    pub url: String,
    pub db: Db,
    pub db_url: String,
    /// The token of each branch of the setup, in order.
    pub tokens: Vec<String>,
    pub rt: tokio::runtime::Runtime,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    pub dir: tempfile::TempDir,
}

impl Running {
    /// Start a server on `engine`; `None` when that engine is not available here (said loudly).
    pub fn start(engine: Engine, setup: &Setup<'_>) -> Option<Running> {
        let dir = tempfile::tempdir().expect("temp dir");
        let rt = runtime();
        let db_url = fresh_url(engine, &rt, dir.path())?;
        Some(Running::start_on(rt, db_url, dir, setup))
    }

    /// Start a server on the store at `db_url` (an empty database, or SQLite in `dir`).
    pub fn start_at(db_url: String, dir: tempfile::TempDir, setup: &Setup<'_>) -> Running {
        Running::start_on(runtime(), db_url, dir, setup)
    }

    fn start_on(
        rt: tokio::runtime::Runtime,
        db_url: String,
        dir: tempfile::TempDir,
        setup: &Setup<'_>,
    ) -> Running {
        let (db, tokens) = rt.block_on(async {
            let db = db::open(&db_url).await.expect("open the store");
            let mut units = vec![
                unit("C1", "某市", org::CITY, None),
                unit("X1", "某县", org::COUNTY, Some("C1")),
                unit("T1", "某镇", org::TOWNSHIP, Some("X1")),
            ];
            for (code, name) in &setup.branches {
                units.push(unit(code, name, org::BRANCH, Some("T1")));
            }
            org::import(&db, &units).await.expect("import the tree");
            let mut issued = Vec::new();
            for (code, _) in &setup.branches {
                issued.push(tokens::add(&db, code).await.expect("a token").token);
            }
            if let Some(text) = setup.keyring {
                let path = dir.path().join("allowed_signers");
                std::fs::write(&path, text).expect("write the keyring");
                keyring::import(&db, &path)
                    .await
                    .expect("import the keyring");
            }
            (db, issued)
        });
        let keyring = rt.block_on(keyring::load(&db)).expect("load the keyring");
        let app = Arc::new(http::App {
            db: db.clone(),
            keyring,
            require_signature: setup.require_signature,
            body_timeout: setup.body_timeout.unwrap_or(Duration::from_secs(30)),
            header_timeout: setup.header_timeout.unwrap_or(Duration::from_secs(10)),
            desk: branchday_server::desk::Desk {
                clock: setup.clock.clone().unwrap_or_default(),
                ..branchday_server::desk::Desk::default()
            },
        });
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind a loopback port");
        let addr = listener.local_addr().expect("address");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        rt.spawn(async move {
            let _ = branchday_server::serve(listener, app, async {
                let _ = stopped.await;
            })
            .await;
        });
        Running {
            url: format!("http://{addr}"),
            db,
            db_url,
            tokens,
            rt,
            stop: Some(stop),
            dir,
        }
    }

    /// How many files are stored.
    pub fn stored_count(&self) -> usize {
        let n = self.rt.block_on(async {
            use sqlx::Row;
            sqlx::query("SELECT COUNT(*) FROM files")
                .fetch_one(&self.db.pool)
                .await
                .expect("count")
                .try_get::<i64, _>(0)
                .expect("a count")
        });
        usize::try_from(n).expect("a count")
    }

    /// The stored bytes of `id`.
    pub fn stored_body(&self, id: &str) -> Option<String> {
        self.rt
            .block_on(branchday_server::store::get(&self.db, id))
            .expect("read the store")
            .map(|h| h.body)
    }
}

/// A store with no server in front of it (so nothing settles the sums but the test), on
/// `engine`; `None` when that engine is not available here (said loudly).
pub struct Store {
    pub db: Db,
    pub rt: tokio::runtime::Runtime,
    pub dir: tempfile::TempDir,
}

impl Store {
    pub fn open(engine: Engine) -> Option<Store> {
        let dir = tempfile::tempdir().expect("temp dir");
        let rt = runtime();
        let url = fresh_url(engine, &rt, dir.path())?;
        let db = rt.block_on(db::open(&url)).expect("open the store");
        Some(Store { db, rt, dir })
    }

    /// Store `bytes` as the server does once it has checked them (the library's checks, the
    /// record of what they say); returns whether they were new.
    pub fn put(&self, bytes: &[u8]) -> bool {
        let checked = branchday::minutes::check_bytes(bytes);
        let m = checked.minutes.as_ref().expect("valid minutes");
        let record = branchday_server::record::Record::of(
            m,
            http::content_digest(bytes),
            None,
            false,
            "valid",
        );
        let text = std::str::from_utf8(bytes).expect("UTF-8");
        let stored = self
            .rt
            .block_on(branchday_server::store::put(
                &self.db,
                &record,
                text,
                "2026-12-01T00:00:00.000Z",
            ))
            .expect("store");
        stored == branchday_server::store::Stored::Created
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

fn unit(code: &str, name: &str, level: &'static str, parent: Option<&str>) -> Unit {
    Unit {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        parent: parent.map(str::to_owned),
    }
}

/// `n` generated minutes files with their bytes, from the library's corpus.
pub fn corpus(n: usize, seed: u64) -> Vec<(Minutes, Vec<u8>)> {
    branchday::corpus::generate(&branchday::corpus::CorpusSpec::new(n, seed))
        .map(|m| {
            let (bytes, _) = branchday::minutes::to_bytes(&m).expect("seal");
            (m, bytes)
        })
        .collect()
}

/// A correction of `m`: a new id naming `m`, the first member's name changed, the meeting moved
/// by `days` (a correction can move a meeting to another month), and with `branch` sent as that
/// file's branch's.
pub fn correction_of(m: &Minutes, days: i64, branch: Option<&Minutes>) -> (Minutes, Vec<u8>) {
    let mut c = m.clone();
    c.id = uuid::Uuid::now_v7();
    c.supersedes = Some(m.id);
    "记录有误，更正".clone_into(&mut c.correction_reason);
    if let Some(a) = c.attendance.first_mut() {
        a.name.push('甲');
    }
    if let Some(other) = branch {
        c.branch = other.branch.clone();
    }
    let shift = chrono::Duration::days(days);
    c.started_at += shift;
    c.ended_at += shift;
    c.finalized_at += shift;
    for a in &mut c.attendance {
        if let Some(t) = a.checked_in_at.as_mut() {
            *t += shift;
        }
    }
    let (bytes, _) = branchday::minutes::to_bytes(&c).expect("seal");
    (c, bytes)
}

/// The branches of some minutes, each once, in order of first appearance.
pub fn branches_of<'a>(ms: impl IntoIterator<Item = &'a Minutes>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for m in ms {
        if !out.iter().any(|(c, _)| *c == m.branch.code) {
            out.push((m.branch.code.clone(), m.branch.name.clone()));
        }
    }
    out
}

/// A blocking HTTP client that returns every status as a response.
pub fn agent() -> ureq::Agent {
    ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_mins(1)))
            .build(),
    )
}

/// A response: status, `Content-Digest` and body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub digest: Option<String>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
    pub fn error(&self) -> String {
        self.json()["error"].as_str().unwrap_or_default().to_owned()
    }
}

fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut r = r.expect("a response");
    let digest = r
        .headers()
        .get("content-digest")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let status = r.status().as_u16();
    let body = r
        .body_mut()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()
        .unwrap_or_default();
    Reply {
        status,
        digest,
        body,
    }
}

/// `PUT /minutes/{id}` with `bytes`, the given `Content-Digest` (computed when `None`, left out
/// when `Some("")`) and token.
pub fn put(base: &str, id: &str, bytes: &[u8], token: Option<&str>, digest: Option<&str>) -> Reply {
    let mut req = agent()
        .put(format!("{base}/minutes/{id}"))
        .header("Content-Type", "application/json");
    let computed = branchday_server::http::content_digest(bytes);
    match digest {
        None => req = req.header("Content-Digest", &computed),
        Some("") => {}
        Some(d) => req = req.header("Content-Digest", d),
    }
    if let Some(t) = token {
        req = req.header("Authorization", format!("Bearer {t}"));
    }
    reply(req.send(bytes))
}

/// `GET` (or `HEAD`) `/minutes/{id}`.
pub fn get(base: &str, id: &str, token: Option<&str>, head: bool) -> Reply {
    let url = format!("{base}/minutes/{id}");
    let a = agent();
    if head {
        let mut req = a.head(&url);
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        reply(req.call())
    } else {
        let mut req = a.get(&url);
        if let Some(t) = token {
            req = req.header("Authorization", format!("Bearer {t}"));
        }
        reply(req.call())
    }
}

/// The `branchday` binary of this build (built when missing).
pub fn branchday_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the target profile directory");
    let bin = dir.join(format!("branchday{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = std::process::Command::new(cargo)
            .args(["build", "-p", "branchday", "--bin", "branchday"])
            .status()
            .expect("run cargo build");
        assert!(status.success(), "building branchday failed");
    }
    bin
}
