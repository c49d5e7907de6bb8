//! `branchday upload` against a loopback server with injected faults, and to a folder.

mod support;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use serde_json::Value;
use support::corpus;
use support::server::Server;

const TOKEN: &str = "s3cret-T0ken-xyz";

fn cmd(data: &Path) -> Command {
    let mut c = support::upload::cmd(data);
    c.env("BRANCHDAY_HTTP_TIMEOUT_MS", "3000");
    c
}

fn upload(data: &Path, files: &Path, to: &str, extra: &[&str]) -> Output {
    let mut c = cmd(data);
    c.env("BRANCHDAY_TOKEN", TOKEN)
        .arg("upload")
        .arg(files)
        .arg("--to")
        .arg(to)
        .arg("--json")
        .args(extra);
    c.output().expect("run branchday")
}

fn results(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

fn result_of<'a>(rs: &'a [Value], path: &Path) -> &'a Value {
    rs.iter()
        .find(|r| r["path"] == path.to_string_lossy().as_ref())
        .expect("a result for the file")
}

/// The ledger's whole lines (a run killed mid-write may leave a torn last line).
fn ledger_lines(data: &Path) -> Vec<Value> {
    std::fs::read_to_string(data.join("uploads.jsonl"))
        .unwrap_or_default()
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect()
}

fn assert_no_token(out: &Output, data: &Path) {
    for text in [
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        std::fs::read_to_string(data.join("uploads.jsonl")).unwrap_or_default(),
    ] {
        assert!(!text.contains(TOKEN), "the token leaked: {text}");
    }
}

#[test]
fn every_file_is_delivered_once_through_503s_drops_and_timeouts_and_a_rerun_sends_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 12);
    let server = Server::start();
    server.set_token(Some(TOKEN));
    server.faults.fail_503.store(3, Ordering::SeqCst);
    server.faults.drop_after_store.store(2, Ordering::SeqCst);
    server.faults.slow_after_store.store(1, Ordering::SeqCst);
    server.faults.slow_ms.store(4500, Ordering::SeqCst);

    let out = upload(data.path(), dir.path(), &server.url(), &["--jobs", "4"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rs = results(&out);
    assert_eq!(rs.len(), 12);
    {
        let st = server.state();
        for (path, m, bytes) in &files {
            let id = m.id.to_string();
            assert_eq!(st.stored.get(&id), Some(bytes), "stored byte-identical");
            assert_eq!(st.creates.get(&id), Some(&1), "stored exactly once");
            let r = result_of(&rs, path);
            assert!(
                r["result"] == "delivered" || r["result"] == "already_there",
                "{r}"
            );
            assert_eq!(r["id"], id.as_str());
        }
        // Every request carried the token and a digest the server checked (else 401/400).
        assert!(
            st.seen
                .iter()
                .all(|s| s.authorization.as_deref() == Some(&*format!("Bearer {TOKEN}")))
        );
        assert!(st.seen.iter().all(|s| s.status != 400 && s.status != 401));
        assert!(st.seen.iter().filter(|s| s.status == 503).count() == 3);
        // Two answers were dropped after storing; their retries found the content there.
        assert_eq!(st.seen.iter().filter(|s| s.status == 0).count(), 2);
        assert!(st.seen.iter().any(|s| s.status == 204));
        assert!(rs.iter().any(|r| r["result"] == "already_there"));
        // Retries happened: more requests than files.
        assert!(st.seen.len() > 12 + 3 + 2, "{}", st.seen.len());
        // Connections were reused: far fewer than requests.
        assert!(
            st.connections < st.seen.len(),
            "{} connections for {} requests",
            st.connections,
            st.seen.len()
        );
    }
    // The ledger shows every file delivered to this target.
    let ledger = ledger_lines(data.path());
    let target = server.url();
    for (_, m, _) in &files {
        assert!(ledger.iter().any(|e| e["id"] == m.id.to_string().as_str()
            && e["target"] == target.as_str()
            && (e["result"] == "delivered" || e["result"] == "already_there")));
    }
    assert_no_token(&out, data.path());

    // A rerun sends nothing; it asks once per file whether the reviewer has returned it.
    let (puts, heads) = (server.requests("PUT"), server.requests("HEAD"));
    let again = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(again.status.code(), Some(0));
    assert!(results(&again).iter().all(|r| r["result"] == "skipped"));
    assert_eq!(server.requests("PUT"), puts, "nothing was sent");
    assert_eq!(server.requests("HEAD"), heads + files.len());
}

#[test]
fn a_conflict_is_reported_never_retried_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 3);
    let server = Server::start();
    let (conflict_path, conflict_m, _) = &files[1];
    let id = conflict_m.id.to_string();
    server.preload(&id, b"{\"other\": true}");

    let out = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let rs = results(&out);
    let r = result_of(&rs, conflict_path);
    assert_eq!(r["result"], "conflict");
    assert_eq!(r["status"], 409);
    assert_eq!(r["attempts"], 1);
    assert!(
        r["message"]
            .as_str()
            .unwrap()
            .contains("different content stored")
    );
    let st = server.state();
    assert_eq!(st.stored[&id], b"{\"other\": true}");
    assert_eq!(st.seen.iter().filter(|s| s.path.ends_with(&id)).count(), 1);
    for (p, m, bytes) in [&files[0], &files[2]] {
        assert_eq!(result_of(&rs, p)["result"], "delivered");
        assert_eq!(&st.stored[&m.id.to_string()], bytes);
    }
    drop(st);
    // Text mode names the file and the conflict.
    let mut c = cmd(data.path());
    let out = c
        .args(["upload", "--to", &server.url()])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&format!("{}: conflict:", conflict_path.display())),
        "{stdout}"
    );
    assert_eq!(server.state().stored[&id], b"{\"other\": true}");
}

#[test]
fn invalid_files_are_reported_and_never_sent() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 2);
    let tampered = dir.path().join("tampered.json");
    let text = String::from_utf8(files[0].2.clone())
        .unwrap()
        .replace("党员活动室", "会议室");
    std::fs::write(&tampered, text).unwrap();
    let garbage = dir.path().join("garbage.json");
    std::fs::write(&garbage, "{ not json").unwrap();
    let server = Server::start();

    let out = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(out.status.code(), Some(1));
    let rs = results(&out);
    assert_eq!(result_of(&rs, &tampered)["result"], "invalid");
    assert_eq!(result_of(&rs, &garbage)["result"], "invalid");
    let st = server.state();
    // Only the two valid files were sent (the tampered copy shares an id with the first).
    assert_eq!(st.seen.len(), 2);
    assert_eq!(st.stored[&files[0].1.id.to_string()], files[0].2);
}

#[test]
fn a_run_killed_mid_batch_resumes_and_completes_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 30);
    let server = Server::start();
    server.faults.delay_ms.store(150, Ordering::SeqCst);

    let mut child = cmd(data.path())
        .args(["upload", "--json", "--jobs", "2", "--to", &server.url()])
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while server.state().creates.len() < 6 {
        assert!(Instant::now() < deadline, "the first run made no progress");
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let stored_before = server.state().creates.len();
    assert!(stored_before < files.len(), "killed before the end");
    let ledgered_before = ledger_lines(data.path()).len();
    assert!(ledgered_before < files.len());

    server.faults.delay_ms.store(0, Ordering::SeqCst);
    let out = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rs = results(&out);
    let st = server.state();
    for (path, m, bytes) in &files {
        let id = m.id.to_string();
        assert_eq!(st.stored.get(&id), Some(bytes));
        assert_eq!(st.creates.get(&id), Some(&1), "{id} stored once");
        let r = &result_of(&rs, path)["result"];
        assert!(
            r == "skipped" || r == "delivered" || r == "already_there",
            "{r}"
        );
    }
    // The ledger now covers every file.
    let ledger = ledger_lines(data.path());
    let ids: HashSet<&str> = ledger
        .iter()
        .filter(|e| e["result"] == "delivered" || e["result"] == "already_there")
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert_eq!(ids.len(), files.len());
    // A third run sends nothing.
    drop(st);
    let before = server.requests("PUT");
    let out = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(server.requests("PUT"), before);
}

#[test]
fn a_refused_file_fails_with_the_server_message_and_is_not_retried() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 2);
    let server = Server::start();
    server.set_token(Some("another-token"));
    let out = upload(data.path(), dir.path(), &server.url(), &[]);
    assert_eq!(out.status.code(), Some(1));
    for r in results(&out) {
        assert_eq!(r["result"], "failed");
        assert_eq!(r["status"], 401);
        assert!(
            r["message"]
                .as_str()
                .unwrap()
                .contains("missing or wrong bearer token")
        );
    }
    assert_eq!(server.state().seen.len(), 2);
    assert_no_token(&out, data.path());
}

#[test]
fn an_unreachable_server_fails_after_bounded_retries() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 8);
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let out = upload(
        data.path(),
        dir.path(),
        &format!("http://127.0.0.1:{port}"),
        &["--jobs", "1"],
    );
    assert_eq!(out.status.code(), Some(1));
    let rs = results(&out);
    assert_eq!(rs.len(), 8);
    assert!(rs.iter().all(|r| r["result"] == "failed"));
    // The first files were tried 5 times each; after 3 in a row the run stopped sending.
    assert_eq!(rs.iter().filter(|r| r["attempts"] == 5).count(), 3);
    assert_eq!(rs.iter().filter(|r| r["attempts"] == 0).count(), 5);
    // Failures are ledgered but never count as delivered: a rerun tries again.
    assert!(
        ledger_lines(data.path())
            .iter()
            .all(|e| e["result"] == "failed")
    );
}

#[test]
fn folder_target_copies_atomically_skips_identical_and_reports_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let usb = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 4);
    // One identical file already there, one different file under the same name.
    std::fs::write(usb.path().join(files[0].1.file_name()), &files[0].2).unwrap();
    let conflict_name = files[1].1.file_name();
    std::fs::write(usb.path().join(&conflict_name), b"something else").unwrap();

    let to = usb.path().to_string_lossy().into_owned();
    let out = upload(data.path(), dir.path(), &to, &[]);
    assert_eq!(out.status.code(), Some(1));
    let rs = results(&out);
    assert_eq!(result_of(&rs, &files[0].0)["result"], "already_there");
    assert_eq!(result_of(&rs, &files[1].0)["result"], "conflict");
    assert_eq!(result_of(&rs, &files[2].0)["result"], "delivered");
    assert_eq!(result_of(&rs, &files[3].0)["result"], "delivered");
    assert_eq!(
        std::fs::read(usb.path().join(&conflict_name)).unwrap(),
        b"something else"
    );
    for (_, m, bytes) in [&files[0], &files[2], &files[3]] {
        assert_eq!(
            &std::fs::read(usb.path().join(m.file_name())).unwrap(),
            bytes
        );
    }
    // No temporary files remain.
    let names: Vec<PathBuf> = std::fs::read_dir(usb.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(names.len(), 4);
    // A rerun skips what was delivered and reports the conflict again.
    let out = upload(data.path(), dir.path(), &to, &[]);
    assert_eq!(out.status.code(), Some(1));
    let rs = results(&out);
    assert_eq!(result_of(&rs, &files[0].0)["result"], "skipped");
    assert_eq!(result_of(&rs, &files[1].0)["result"], "conflict");
    assert_eq!(result_of(&rs, &files[2].0)["result"], "skipped");
}

#[test]
fn dry_run_sends_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 3);
    let server = Server::start();
    let out = upload(data.path(), dir.path(), &server.url(), &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(results(&out).iter().all(|r| r["result"] == "would_send"));
    assert!(server.state().seen.is_empty());
    assert!(!data.path().join("uploads.jsonl").exists());
}

#[test]
fn usage_and_configuration_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 1);
    let missing = dir.path().join("no-such-folder");
    type Case = (Vec<String>, Option<(&'static str, &'static str)>);
    let cases: Vec<Case> = vec![
        (
            vec!["--to".into(), missing.to_string_lossy().into_owned()],
            None,
        ),
        (
            vec!["--to".into(), "http://user:pw@127.0.0.1:9".into()],
            None,
        ),
        (vec!["--to".into(), "http://127.0.0.1:9/?x=1".into()], None),
        (
            vec![
                "--to".into(),
                "http://127.0.0.1:9".into(),
                "--jobs".into(),
                "0".into(),
            ],
            None,
        ),
        (vec![], None),
        (
            vec!["--to".into(), "http://127.0.0.1:9".into()],
            Some(("BRANCHDAY_RETRY_BASE_MS", "soon")),
        ),
        (
            vec!["--to".into(), "http://127.0.0.1:9".into()],
            Some(("BRANCHDAY_TOKEN", "two\nlines")),
        ),
    ];
    for (args, env) in cases {
        let mut c = cmd(data.path());
        c.arg("upload").arg(dir.path()).args(&args);
        if let Some((k, v)) = env {
            c.env(k, v);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{err}");
        assert!(!err.contains("two\nlines"));
    }
}

#[test]
fn a_second_run_is_refused_while_the_ledger_is_held() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 1);
    let (_held, _) =
        branchday::upload::ledger::Ledger::open(&data.path().join("uploads.jsonl")).unwrap();
    let out = upload(data.path(), dir.path(), "http://127.0.0.1:9", &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another branchday upload"));
}

fn tls_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tls")
        .join(name)
}

fn tls_server() -> Server {
    let cert = std::fs::read(tls_fixture("server.pem")).expect("test certificate");
    let key = std::fs::read(tls_fixture("server.key")).expect("test key");
    Server::start_tls(&cert, &key)
}

#[test]
fn https_delivers_with_a_trusted_private_ca() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 5);
    let server = tls_server();
    server.set_token(Some(TOKEN));
    let mut c = cmd(data.path());
    let out = c
        .env("BRANCHDAY_TOKEN", TOKEN)
        .env("BRANCHDAY_CA_FILE", tls_fixture("ca.pem"))
        .args(["upload", "--json", "--to", &server.https_url()])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let st = server.state();
    for (_, m, bytes) in &files {
        assert_eq!(st.stored.get(&m.id.to_string()), Some(bytes));
    }
    assert!(results(&out).iter().all(|r| r["result"] == "delivered"));
    assert!(
        ledger_lines(data.path())
            .iter()
            .all(|e| e["target"] == server.https_url().as_str())
    );
    assert_no_token(&out, data.path());
}

#[test]
fn https_refuses_an_untrusted_certificate_without_retrying() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    corpus::simple_files(dir.path(), 2);
    let server = tls_server();
    // The Mozilla roots do not include the test CA.
    let out = upload(
        data.path(),
        dir.path(),
        &server.https_url(),
        &["--jobs", "1"],
    );
    assert_eq!(out.status.code(), Some(1));
    for r in results(&out) {
        assert_eq!(r["result"], "failed");
        assert_eq!(r["attempts"], 1, "{r}");
        assert!(
            r["message"].as_str().unwrap().contains("certificate"),
            "{r}"
        );
    }
    assert!(server.state().stored.is_empty());
    // A CA file that holds no certificate is a configuration error.
    let bad = dir.path().join("not-a-ca.pem");
    std::fs::write(&bad, "hello").unwrap();
    let out = cmd(data.path())
        .env("BRANCHDAY_CA_FILE", &bad)
        .args(["upload", "--to", &server.https_url()])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Two files with the same content are listed once by `--dry-run` (the second as a duplicate of
/// the first) and sent once; `--json` gives the id of every file whose id can be read, invalid
/// ones included.
#[test]
fn the_same_content_twice_is_sent_once_and_json_names_every_readable_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let share = dir.path().join("share");
    std::fs::create_dir_all(&files).expect("dir");
    std::fs::create_dir_all(&share).expect("dir");
    let made = support::corpus::simple_files(&files, 1);
    let (_, m, bytes) = &made[0];
    std::fs::write(files.join("copy.json"), bytes).expect("copy");
    // An invalid file whose id still reads: the counts say one more present than listed.
    let mut doc: serde_json::Value = serde_json::from_slice(bytes).expect("json");
    doc["counts"]["present_total"] = serde_json::json!(99);
    std::fs::write(
        files.join("broken.json"),
        serde_json::to_vec_pretty(&doc).expect("bytes"),
    )
    .expect("write");
    let run = |dry: bool| {
        let mut c = assert_cmd::Command::cargo_bin("branchday").expect("binary");
        c.args(["--lang", "en", "--data-dir"])
            .arg(dir.path().join("data"))
            .arg("upload")
            .arg(&files)
            .arg("--to")
            .arg(&share)
            .arg("--json")
            .env_remove("BRANCHDAY_TOKEN")
            .env_remove("BRANCHDAY_TRUST");
        if dry {
            c.arg("--dry-run");
        }
        let out = c.output().expect("run");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
            .collect::<Vec<_>>()
    };
    let lines = run(true);
    let result = |v: &serde_json::Value| v["result"].as_str().unwrap_or_default().to_owned();
    let mut results: Vec<String> = lines.iter().map(result).collect();
    results.sort();
    assert_eq!(results, ["duplicate", "invalid", "would_send"], "{lines:?}");
    for l in &lines {
        assert_eq!(l["id"], serde_json::json!(m.id.to_string()), "{l}");
    }
    let lines = run(false);
    let mut results: Vec<String> = lines.iter().map(result).collect();
    results.sort();
    assert_eq!(results, ["delivered", "duplicate", "invalid"], "{lines:?}");
    let sent = std::fs::read_dir(&share)
        .expect("share")
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .count();
    assert_eq!(sent, 1);
}

/// A file the reviewer returned waits for its correction: `upload` does not send it unless
/// `--include-returned`, and says why.
#[test]
fn files_returned_in_review_are_held_back_unless_asked() {
    use branchday::review::remarks::{self, Remark, Verdict};
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let share = dir.path().join("share");
    let data_path = dir.path().join("data");
    std::fs::create_dir_all(&files).expect("dir");
    std::fs::create_dir_all(&share).expect("dir");
    let made = support::corpus::simple_files(&files, 1);
    let (path, m, _) = &made[0];
    let data = branchday::store::DataDir::at(&data_path);
    let digest = branchday::minutes::read(path)
        .expect("read")
        .computed_digest;
    remarks::append(
        &data,
        &remarks::ReviewKey::Minutes(m.id),
        Remark {
            reviewer: "组织员 李明".into(),
            at: chrono::DateTime::parse_from_rfc3339("2026-11-30T10:00:00+08:00").expect("time"),
            verdict: Verdict::Returned,
            comment: "缺少记录人签名".into(),
            digest,
        },
    )
    .expect("remark");
    let run = |extra: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("branchday")
            .expect("binary")
            .args(["--lang", "en", "--data-dir"])
            .arg(&data_path)
            .arg("upload")
            .arg(&files)
            .arg("--to")
            .arg(&share)
            .arg("--json")
            .args(extra)
            .env_remove("BRANCHDAY_TOKEN")
            .env_remove("BRANCHDAY_TRUST")
            .output()
            .expect("run");
        let v: serde_json::Value =
            serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap_or_default())
                .expect("one JSON line");
        (out.status.code(), v)
    };
    let (code, v) = run(&[]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["result"], "returned", "{v}");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or_default()
            .contains("--include-returned")
    );
    assert_eq!(std::fs::read_dir(&share).expect("share").count(), 0);
    let (code, v) = run(&["--include-returned"]);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["result"], "delivered", "{v}");
}

/// A return the server's reviewer made reaches the branch: `upload` says it, keeps it among the
/// data directory's reviews (so `review` shows it) once however often it is heard, and from then
/// on holds the file back until its correction.
#[test]
fn a_return_heard_from_the_server_is_kept_in_the_branchs_reviews() {
    use branchday::review::model::ReviewState;
    use branchday::review::remarks::ReviewKey;
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let data_path = dir.path().join("data");
    std::fs::create_dir_all(&files).expect("dir");
    let made = support::corpus::simple_files(&files, 1);
    let (path, m, bytes) = &made[0];
    let server = Server::start();
    let id = m.id.to_string();
    server.preload(&id, bytes);
    server.state().returned.insert(id.clone(), RETURNED);
    let run = |extra: &[&str]| upload(&data_path, &files, &server.url(), extra);
    for _ in 0..2 {
        let out = run(&["--include-returned"]);
        let rs = results(&out);
        let r = result_of(&rs, path);
        assert_eq!(r["result"], "returned", "{r}");
        assert!(
            r["message"].as_str().unwrap_or_default().contains("xian1"),
            "{r}"
        );
    }
    let data = branchday::store::DataDir::at(&data_path);
    let digest = assert_return_kept(&data, m, path);
    // `review` reads it as returned for this very content…
    let index = branchday::review::load::ReviewIndex::scan(&data.reviews_dir());
    assert_eq!(
        index.state(&ReviewKey::Minutes(m.id), digest.as_deref()),
        ReviewState::Returned
    );
    // …and a plain run holds the file back without sending it.
    let before = server.state().seen.len();
    let out = run(&[]);
    let rs = results(&out);
    assert_eq!(result_of(&rs, path)["result"], "returned");
    assert_eq!(server.state().seen.len(), before, "nothing was sent");
}

/// The answer the stub gives for a file its reviewer returned (as `branchday-server` answers).
const RETURNED: &str = r#"{"stored": "x", "review": {"state": "returned", "reviewer": "xian1", "at": "2026-07-10T10:00:00+08:00", "comment": "请补充记录人签名。\n会议地点有误。"}}"#;

/// The data directory holds the return of [`RETURNED`] once, for the content of `path`; its
/// digest.
fn assert_return_kept(
    data: &branchday::store::DataDir,
    m: &branchday::minutes::Minutes,
    path: &Path,
) -> Option<String> {
    use branchday::review::remarks::{self, ReviewKey, Verdict};
    let kept = remarks::load(data, &ReviewKey::Minutes(m.id)).expect("remarks");
    assert_eq!(kept.len(), 1, "heard, kept once: {kept:?}");
    assert_eq!(kept[0].verdict, Verdict::Returned);
    assert_eq!(kept[0].reviewer, "xian1 (superior organisation)");
    assert_eq!(kept[0].comment, "请补充记录人签名。\n会议地点有误。");
    assert_eq!(kept[0].at.to_rfc3339(), "2026-07-10T10:00:00+08:00");
    let digest = branchday::minutes::read(path)
        .expect("read")
        .computed_digest;
    assert_eq!(kept[0].digest, digest);
    digest
}

/// A file delivered before the reviewer returned it is not sent again, so the next run asks
/// (`HEAD`, nothing sent) and hears the return: it is kept in the branch's reviews with the
/// reviewer, time and comment, the file is reported returned, and from then on it is held back
/// without asking again. A delivered file the reviewer has not returned stays skipped.
#[test]
fn a_return_made_after_delivery_is_heard_on_the_next_run() {
    use branchday::review::remarks::{self, ReviewKey};
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let data_path = dir.path().join("data");
    std::fs::create_dir_all(&files).expect("dir");
    let made = support::corpus::simple_files(&files, 2);
    let server = Server::start();
    let run = || upload(&data_path, &files, &server.url(), &[]);
    let first = run();
    assert_eq!(first.status.code(), Some(0));
    assert!(results(&first).iter().all(|r| r["result"] == "delivered"));
    assert_eq!(server.requests("HEAD"), 0, "nothing to ask about yet");

    let (path, m, _) = &made[0];
    let (other, _, _) = &made[1];
    server.state().returned.insert(m.id.to_string(), RETURNED);
    let puts = server.requests("PUT");
    let second = run();
    assert_eq!(second.status.code(), Some(0));
    let rs = results(&second);
    let r = result_of(&rs, path);
    assert_eq!(r["result"], "returned", "{r}");
    let message = r["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("xian1") && message.contains("会议地点有误"),
        "{r}"
    );
    assert_eq!(result_of(&rs, other)["result"], "skipped");
    assert_eq!(server.requests("PUT"), puts, "nothing was sent");
    assert_eq!(server.requests("HEAD"), 2);

    let data = branchday::store::DataDir::at(&data_path);
    assert_return_kept(&data, m, path);

    // The verdict is known here now: the next run holds the file back without asking about it.
    let third = run();
    let rs = results(&third);
    assert_eq!(result_of(&rs, path)["result"], "returned");
    assert_eq!(result_of(&rs, other)["result"], "skipped");
    assert_eq!(
        server.requests("HEAD"),
        3,
        "only the unreviewed file is asked about"
    );
    assert_eq!(server.requests("PUT"), puts);
    let kept = remarks::load(&data, &ReviewKey::Minutes(m.id)).expect("remarks");
    assert_eq!(kept.len(), 1, "heard once, kept once");
}
