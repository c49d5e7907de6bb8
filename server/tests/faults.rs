//! Faults: the server killed with SIGKILL at random points while several branches upload 2 000
//! files, restarted, and the uploads rerun — every file stored exactly once, byte-identical,
//! nothing half-written. Hostile bodies give 422 (never a panic or a 5xx); a slow body times out
//! without holding up anyone else.

mod support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use support::{Engine, Running, Setup, branchday_bin, corpus, put};

const FILES: usize = 2000;
const CLIENTS: usize = 6;

/// The server binary serving `data_dir` on `port`, once it says it listens.
fn start_server(data_dir: &Path, port: u16) -> Child {
    let deadline = Instant::now() + Duration::from_mins(1);
    loop {
        let mut child = Command::new(env!("CARGO_BIN_EXE_branchday-server"))
            .env_remove("BRANCHDAY_SERVER_DATABASE")
            .arg("--data-dir")
            .arg(data_dir)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start branchday-server");
        let mut line = String::new();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let _ = stdout.read_line(&mut line);
        if line.contains("listening on") {
            // The rest of what it says is read to the end, so the pipe stays open.
            std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
            return child;
        }
        // The port of the killed process may linger a moment.
        let _ = child.kill();
        let _ = child.wait();
        assert!(Instant::now() < deadline, "the server did not start again");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn upload(bin: &Path, data: &Path, files: &Path, url: &str, token: &str) -> Output {
    let mut c = Command::new(bin);
    for v in [
        "http_proxy",
        "HTTP_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "BRANCHDAY_DATA_DIR",
    ] {
        c.env_remove(v);
    }
    c.env("BRANCHDAY_TOKEN", token)
        .env("BRANCHDAY_RETRY_BASE_MS", "100")
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .arg("upload")
        .arg(files)
        .args(["--to", url, "--json", "--jobs", "4"]);
    c.output().expect("run branchday upload")
}

#[test]
fn sigkill_during_a_multi_client_upload_then_a_rerun_stores_every_file_exactly_once() {
    let files = corpus(FILES, 99);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    // The store and its tokens, made in-process; the server binary then serves it.
    let prepared = Running::start(
        Engine::Sqlite,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    )
    .expect("sqlite");
    let tokens = prepared.tokens.clone();
    let data_dir = prepared.dir.path().to_path_buf();
    let keep = tempfile::tempdir().expect("dir");
    let store = keep.path().join("store");
    std::fs::create_dir_all(&store).expect("mkdir");
    prepared.rt.block_on(prepared.db.pool.close());
    for name in ["server.db", "server.db-wal", "server.db-shm"] {
        let from = data_dir.join(name);
        if from.exists() {
            std::fs::copy(&from, store.join(name)).expect("copy the store");
        }
    }
    drop(prepared);

    let work = keep.path();
    for (m, bytes) in &files {
        let dir = work.join("files").join(&m.branch.code);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(m.file_name()), bytes).expect("write");
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let bin = branchday_bin();
    let server = Mutex::new(start_server(&store, port));
    let uploading = AtomicBool::new(true);
    let kills = AtomicUsize::new(0);
    let run_round = |round: usize| -> Vec<bool> {
        let next = AtomicUsize::new(0);
        let ok = Mutex::new(vec![false; branches.len()]);
        std::thread::scope(|scope| {
            for _ in 0..CLIENTS {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::SeqCst);
                        if i >= branches.len() {
                            break;
                        }
                        let code = &branches[i].0;
                        let out = upload(
                            &bin,
                            &work.join("laptops").join(code),
                            &work.join("files").join(code),
                            &url,
                            &tokens[i],
                        );
                        let text = String::from_utf8_lossy(&out.stdout);
                        for line in text.lines() {
                            let r: serde_json::Value =
                                serde_json::from_str(line).expect("a JSON line");
                            assert!(
                                r["result"] != "conflict" && r["result"] != "invalid",
                                "round {round}: {r}"
                            );
                        }
                        if !out.status.success() && round > 0 {
                            eprintln!(
                                "round {round}, {code}: {}\n{text}",
                                String::from_utf8_lossy(&out.stderr)
                            );
                        }
                        ok.lock().expect("lock")[i] = out.status.success();
                    }
                });
            }
        });
        ok.into_inner().expect("lock")
    };

    std::thread::scope(|scope| {
        scope.spawn(|| {
            let mut rng = branchday::corpus::SplitMix::new(7);
            while uploading.load(Ordering::SeqCst) {
                let wait = 150 + rng.next_u64() % 900;
                std::thread::sleep(Duration::from_millis(wait));
                if !uploading.load(Ordering::SeqCst) {
                    break;
                }
                let mut s = server.lock().expect("lock");
                let _ = s.kill(); // SIGKILL
                let _ = s.wait();
                kills.fetch_add(1, Ordering::SeqCst);
                *s = start_server(&store, port);
            }
        });
        let _ = run_round(0);
        uploading.store(false, Ordering::SeqCst);
    });
    assert!(kills.load(Ordering::SeqCst) >= 1, "the server was killed");
    eprintln!(
        "the server was killed {} times",
        kills.load(Ordering::SeqCst)
    );
    let mut round = 1;
    while !run_round(round).iter().all(|ok| *ok) {
        round += 1;
        assert!(round < 5, "the reruns did not deliver everything");
    }
    {
        let mut s = server.lock().expect("lock");
        let _ = s.kill();
        let _ = s.wait();
    }

    // Every file exactly once and byte-identical; no rows of a file that is not there.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async {
        use sqlx::Row;
        let db = branchday_server::db::open(&branchday_server::config::sqlite_url(&store))
            .await
            .expect("open");
        let n: i64 = sqlx::query("SELECT COUNT(*) FROM files")
            .fetch_one(&db.pool)
            .await
            .expect("count")
            .try_get(0)
            .expect("count");
        assert_eq!(usize::try_from(n).expect("count"), FILES);
        for (m, bytes) in &files {
            let held = branchday_server::store::get(&db, &m.id.to_string())
                .await
                .expect("read")
                .expect("stored");
            assert_eq!(held.body.as_bytes(), &bytes[..], "byte-identical");
        }
        let rows: i64 = sqlx::query("SELECT COUNT(*) FROM file_attendance")
            .fetch_one(&db.pool)
            .await
            .expect("count")
            .try_get(0)
            .expect("count");
        let want: usize = files.iter().map(|(m, _)| m.attendance.len()).sum();
        assert_eq!(
            usize::try_from(rows).expect("count"),
            want,
            "nothing half-written"
        );
        let orphans: i64 = sqlx::query(
            "SELECT COUNT(*) FROM file_attendance a WHERE NOT EXISTS \
             (SELECT 1 FROM files f WHERE f.id = a.file_id)",
        )
        .fetch_one(&db.pool)
        .await
        .expect("count")
        .try_get(0)
        .expect("count");
        assert_eq!(orphans, 0);
    });
}

fn fixture_files(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("fixtures")
        .join(dir);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// The project's table of hostile files (`tests/support/hostile.rs`, which `validate` is held to),
/// built here from the same fixture: every one must be refused with 422 and its findings.
fn hostile_table() -> Vec<(String, Vec<u8>)> {
    use serde_json::{Value, json};
    const NASTY: &str = "\u{1b}[31m红\u{9b}2J\u{202e}txt.exe\u{1b}]0;pwned\u{7}";
    let valid = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/valid/themed_day.json"),
    )
    .expect("fixture");
    let doc: Value = serde_json::from_slice(&valid).expect("JSON");
    let changed = |change: &dyn Fn(&mut Value)| {
        let mut d = doc.clone();
        change(&mut d);
        serde_json::to_vec_pretty(&d).expect("serializes")
    };
    let cut = valid[..valid.len() / 2]
        .iter()
        .rposition(|b| *b == b'\n')
        .expect("a line");
    let huge = String::from_utf8(changed(&|d| d["counts"]["present_total"] = json!(1)))
        .expect("utf8")
        .replacen(
            "\"present_total\": 1",
            "\"present_total\": 123456789012345678901234567890",
            1,
        );
    let mut duplicated = doc.clone();
    {
        let list = duplicated["attendance"].as_array_mut().expect("attendance");
        let i = list
            .iter()
            .position(|a| a["member_id"] == "m023")
            .expect("m023");
        list[i]["member_id"] = json!(NASTY);
        let copy = list[i].clone();
        list.push(copy);
    }
    let digest =
        branchday::minutes::canonical::digest_without_integrity(&duplicated).expect("canonical");
    duplicated["integrity"]["digest"] = json!(digest);
    let mut nested = "[".repeat(100_000);
    nested.push_str(&"]".repeat(100_000));
    vec![
        ("truncated JSON".into(), valid[..cut].to_vec()),
        (
            "not UTF-8".into(),
            b"{\"title\": \"\xd6\xa7\xb2\xbf \xff\xfe\"}".to_vec(),
        ),
        ("100 000 nested arrays".into(), nested.into_bytes()),
        (
            "string for an integer".into(),
            changed(&|d| d["counts"]["present_total"] = json!("22")),
        ),
        (
            "float count".into(),
            changed(&|d| d["counts"]["present_total"] = json!(21.0)),
        ),
        ("huge integer".into(), huge.into_bytes()),
        ("array at the top".into(), b"[1, 2, 3]".to_vec()),
        ("NUL outside strings".into(), b"{\0\"format\": 1}".to_vec()),
        (
            "escapes in an enum value".into(),
            changed(&|d| d["kind"] = json!(NASTY)),
        ),
        (
            "escapes in a field name".into(),
            changed(&|d| d[NASTY] = json!(1)),
        ),
        (
            "escapes in a duplicated member id".into(),
            serde_json::to_vec_pretty(&duplicated).expect("serializes"),
        ),
    ]
}

#[test]
fn hostile_files_get_422_and_the_server_goes_on() {
    let files = corpus(1, 5);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        Engine::Sqlite,
        &Setup {
            branches,
            ..Setup::default()
        },
    )
    .expect("sqlite");
    let token = s.tokens[0].clone();
    let id = files[0].0.id.to_string();
    let mut bodies: Vec<(String, Vec<u8>)> = fixture_files("invalid")
        .into_iter()
        .map(|p| (p.display().to_string(), std::fs::read(&p).expect("read")))
        .collect();
    bodies.push(("deep nesting".into(), "[".repeat(200_000).into_bytes()));
    bodies.push((
        "a million numbers".into(),
        format!("[{}1]", "1,".repeat(1_000_000)).into_bytes(),
    ));
    bodies.push(("empty".into(), Vec::new()));
    bodies.push(("NUL bytes".into(), vec![0u8; 4096]));
    bodies.push((
        "escape sequences".into(),
        "{\"format\":\"\u{1b}[31m\u{202e}\",\"version\":1}"
            .as_bytes()
            .to_vec(),
    ));
    bodies.extend(hostile_table());
    for (what, body) in &bodies {
        let r = put(&s.url, &id, body, Some(&token), None);
        assert_eq!(r.status, 422, "{what}: {r:?}");
        assert!(!r.error().is_empty(), "{what}");
        assert!(r.json()["findings"].is_array(), "{what}");
        let text = String::from_utf8_lossy(&r.body);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{what}: {text}"
        );
    }
    // An address that is not an id, with hostile text in it.
    let r = put(&s.url, "%1B%5B31m..%2F", &files[0].1, Some(&token), None);
    assert_eq!(r.status, 422, "{r:?}");
    assert!(!String::from_utf8_lossy(&r.body).contains('\u{1b}'));
    // The server still takes a good file.
    let r = put(&s.url, &id, &files[0].1, Some(&token), None);
    assert_eq!(r.status, 201, "{r:?}");
    assert_eq!(s.stored_count(), 1);
}

#[test]
fn a_slow_body_times_out_without_holding_up_others() {
    let files = corpus(4, 3);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        Engine::Sqlite,
        &Setup {
            branches: branches.clone(),
            body_timeout: Some(Duration::from_secs(1)),
            ..Setup::default()
        },
    )
    .expect("sqlite");
    let addr = s.url.trim_start_matches("http://").to_owned();
    let (m, bytes) = &files[0];
    let token = &s.tokens[branches
        .iter()
        .position(|(c, _)| *c == m.branch.code)
        .expect("b")];
    let mut slow = TcpStream::connect(&addr).expect("connect");
    write!(
        slow,
        "PUT /minutes/{} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        m.id,
        bytes.len()
    )
    .expect("write headers");
    slow.write_all(&bytes[..10]).expect("a first few bytes");
    let started = Instant::now();
    // Meanwhile the other files go in at once.
    for (m, bytes) in &files[1..] {
        let token = &s.tokens[branches
            .iter()
            .position(|(c, _)| *c == m.branch.code)
            .expect("b")];
        let r = put(&s.url, &m.id.to_string(), bytes, Some(token), None);
        assert_eq!(r.status, 201, "{r:?}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "others were not held up"
    );
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .expect("timeout");
    let mut answer = Vec::new();
    let _ = slow.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("too long"), "{answer}");
    assert_eq!(s.stored_count(), files.len() - 1);
}

#[test]
fn slow_or_oversized_headers_are_cut_off_without_holding_up_others() {
    let files = corpus(3, 4);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        Engine::Sqlite,
        &Setup {
            branches: branches.clone(),
            header_timeout: Some(Duration::from_secs(1)),
            ..Setup::default()
        },
    )
    .expect("sqlite");
    let addr = s.url.trim_start_matches("http://").to_owned();
    // A client that never finishes its headers, and one whose headers never end.
    let mut slow = TcpStream::connect(&addr).expect("connect");
    slow.write_all(b"PUT /minutes/x HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        .expect("a part of the head");
    let mut big = TcpStream::connect(&addr).expect("connect");
    let _ = write!(
        big,
        "PUT /minutes/x HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n",
        "a".repeat(200_000)
    );
    let started = Instant::now();
    for (m, bytes) in &files {
        let token = &s.tokens[branches
            .iter()
            .position(|(c, _)| *c == m.branch.code)
            .expect("b")];
        let r = put(&s.url, &m.id.to_string(), bytes, Some(token), None);
        assert_eq!(r.status, 201, "{r:?}");
    }
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "others were not held up"
    );
    for (what, mut conn) in [("slow", slow), ("oversized", big)] {
        conn.set_read_timeout(Some(Duration::from_secs(20)))
            .expect("timeout");
        let mut answer = Vec::new();
        let _ = conn.read_to_end(&mut answer);
        let answer = String::from_utf8_lossy(&answer);
        assert!(
            answer.is_empty()
                || answer.starts_with("HTTP/1.1 408")
                || answer.starts_with("HTTP/1.1 431"),
            "{what}: {answer}"
        );
    }
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "the connections were cut off"
    );
}

#[test]
fn a_store_that_cannot_be_reached_gives_503_and_nothing_is_stored() {
    let files = corpus(1, 8);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        Engine::Sqlite,
        &Setup {
            branches,
            ..Setup::default()
        },
    )
    .expect("sqlite");
    let token = s.tokens[0].clone();
    let (m, bytes) = &files[0];
    // The pool is shared with the server: closed, every request finds the store gone.
    s.rt.block_on(s.db.pool.close());
    let r = put(&s.url, &m.id.to_string(), bytes, Some(&token), None);
    assert_eq!(r.status, 503, "{r:?}");
    assert!(r.error().contains("try again"), "{}", r.error());
    let text = String::from_utf8_lossy(&r.body);
    assert!(!text.contains(&token), "the token is never echoed");
    let db =
        s.rt.block_on(branchday_server::db::open(&s.db_url))
            .expect("reopen");
    let held =
        s.rt.block_on(branchday_server::store::get(&db, &m.id.to_string()))
            .expect("read");
    assert!(held.is_none(), "no row");
}
