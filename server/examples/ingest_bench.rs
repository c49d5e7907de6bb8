//! Ingest benchmark: generated minutes PUT to an in-process `branchday-server` on a loopback port
//! by 1, 8 and 50 concurrent uploaders (each with its own kept-alive connection), on SQLite and —
//! when `DATABASE_URL` names one — PostgreSQL. Prints files/s (until every file is stored and in
//! the sums) and p50/p99 latency per run, and the time of the database statistics over what was
//! stored.
//!
//! `cargo run --release -p branchday-server --example ingest_bench -- [FILES] [UPLOADERS…]`

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use branchday_server::{db, http, org, tokens};

fn main() {
    let mut args = std::env::args().skip(1);
    let files: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(4000);
    let mut uploaders: Vec<usize> = args.filter_map(|a| a.parse().ok()).collect();
    if uploaders.is_empty() {
        uploaders = vec![1, 8, 50];
    }
    let corpus: Vec<(String, String, Vec<u8>)> =
        branchday::corpus::generate(&branchday::corpus::CorpusSpec::new(files, 42))
            .map(|m| {
                let (bytes, _) = branchday::minutes::to_bytes(&m).expect("seal");
                (m.id.to_string(), m.branch.code.clone(), bytes)
            })
            .collect();
    // What the server's CPU does per file besides the database: the library's checks.
    let sample = corpus.len().min(2000);
    let t = Instant::now();
    for (_, _, bytes) in &corpus[..sample] {
        let checked = branchday::minutes::check_bytes(bytes);
        assert!(checked.minutes.is_some());
    }
    println!(
        "checks (minutes::check_bytes), one thread: {:.0} µs per file over {sample} files",
        t.elapsed().as_secs_f64() * 1e6 / sample as f64
    );
    // INGEST_ENGINES=postgres (or sqlite) runs only that engine.
    let only = std::env::var("INGEST_ENGINES").unwrap_or_default();
    let wanted = |name: &str| only.is_empty() || only.split(',').any(|e| e == name);
    let mut engines = Vec::new();
    if wanted("sqlite") {
        engines.push(("sqlite", None));
    }
    if let Ok(u) = std::env::var("DATABASE_URL")
        && wanted("postgres")
    {
        engines.push(("postgres", Some(u)));
    }
    println!("engine    uploaders  files  files/s   p50 ms   p99 ms   stats ms");
    for (name, pg) in &engines {
        for (run, &u) in uploaders.iter().enumerate() {
            let (rate, p50, p99, stats_ms) = one_run(&corpus, u, pg.as_deref(), run);
            println!(
                "{name:<9} {u:>9}  {:>5}  {rate:>7.0}  {p50:>7.2}  {p99:>7.2}  {stats_ms:>9.1}",
                corpus.len()
            );
        }
    }
}

fn one_run(
    corpus: &[(String, String, Vec<u8>)],
    uploaders: usize,
    pg: Option<&str>,
    run: usize,
) -> (f64, f64, f64, f64) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let url = match pg {
        None => branchday_server::config::sqlite_url(dir.path()),
        Some(base) => {
            let name = format!("bd_bench_{}_{run}", std::process::id());
            rt.block_on(async {
                sqlx::any::install_default_drivers();
                let pool = sqlx::AnyPool::connect(base).await.expect("connect");
                let sql = format!("CREATE DATABASE {name}");
                sqlx::query(sqlx::AssertSqlSafe(sql.as_str()))
                    .execute(&pool)
                    .await
                    .expect("create database");
            });
            let (head, query) = base.split_once('?').unwrap_or((base, ""));
            let authority = head.rsplit_once('/').map_or(head, |(a, _)| a);
            format!("{authority}/{name}?{query}")
        }
    };
    let db = rt.block_on(db::open(&url)).expect("open");
    let mut branches: Vec<String> = corpus.iter().map(|(_, b, _)| b.clone()).collect();
    branches.sort();
    branches.dedup();
    let mut token_of = std::collections::HashMap::new();
    rt.block_on(async {
        let mut units = vec![org::Unit {
            code: "T1".into(),
            name: "镇".into(),
            level: org::TOWNSHIP,
            parent: None,
        }];
        units.extend(branches.iter().map(|b| org::Unit {
            code: b.clone(),
            name: b.clone(),
            level: org::BRANCH,
            parent: Some("T1".into()),
        }));
        org::import(&db, &units).await.expect("tree");
        for b in &branches {
            token_of.insert(b.clone(), tokens::add(&db, b).await.expect("token").token);
        }
    });
    let app = Arc::new(http::App {
        db: db.clone(),
        keyring: None,
        require_signature: false,
        body_timeout: Duration::from_mins(1),
        header_timeout: Duration::from_mins(1),
        desk: branchday_server::desk::Desk::default(),
    });
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    rt.spawn(branchday_server::serve(
        listener,
        app,
        std::future::pending(),
    ));
    let next = AtomicUsize::new(0);
    let latencies = std::sync::Mutex::new(Vec::with_capacity(corpus.len()));
    let started = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..uploaders {
            scope.spawn(|| {
                let agent = ureq::Agent::new_with_config(
                    ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .build(),
                );
                let mut mine = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some((id, branch, bytes)) = corpus.get(i) else {
                        break;
                    };
                    let t = Instant::now();
                    let r = agent
                        .put(format!("http://{addr}/minutes/{id}"))
                        .header("Content-Type", "application/json")
                        .header("Content-Digest", http::content_digest(bytes))
                        .header("Authorization", format!("Bearer {}", token_of[branch]))
                        .send(&bytes[..])
                        .expect("a response");
                    assert_eq!(r.status().as_u16(), 201);
                    mine.push(t.elapsed());
                }
                latencies.lock().expect("lock").extend(mine);
            });
        }
    });
    // The last files' sums: what the server's settler had not yet added when the uploads ended
    // (statistics would add them before reading). The rate counts it.
    let uploaded = started.elapsed().as_secs_f64();
    let t = Instant::now();
    let tail = rt
        .block_on(branchday_server::settle::settle_all(&db))
        .expect("settle");
    let elapsed = started.elapsed().as_secs_f64();
    eprintln!(
        "  uploads {uploaded:.1} s ({:.0} files/s); then {tail} files' sums settled in {:.0} ms",
        corpus.len() as f64 / uploaded,
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut l = latencies.into_inner().expect("lock");
    l.sort();
    let pct = |p: f64| {
        let i = ((l.len() as f64 * p).ceil() as usize).clamp(1, l.len()) - 1;
        l[i].as_secs_f64() * 1000.0
    };
    // Counted before the clock starts: parsing every file here is the bench's work, not the stats'.
    let want_meetings = corpus.len() - superseded(corpus);
    let t = Instant::now();
    let report = rt
        .block_on(branchday_server::stats::compute(&db, None, None))
        .expect("stats");
    let stats_ms = t.elapsed().as_secs_f64() * 1000.0;
    assert_eq!(report.meetings as usize, want_meetings);
    let t = Instant::now();
    let runs = rt
        .block_on(branchday_server::absence::runs(&db, None, None))
        .expect("absence runs");
    eprintln!(
        "  stats: {} meetings, {} members, {} absence runs; the runs alone {:.0} ms",
        report.meetings,
        report.members.len(),
        runs.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    (corpus.len() as f64 / elapsed, pct(0.5), pct(0.99), stats_ms)
}

/// Files the corpus itself corrects (they do not count as meetings).
fn superseded(corpus: &[(String, String, Vec<u8>)]) -> usize {
    corpus
        .iter()
        .filter(|(_, _, b)| {
            serde_json::from_slice::<serde_json::Value>(b)
                .is_ok_and(|v| v.get("supersedes").is_some_and(|s| !s.is_null()))
        })
        .count()
}
