//! `branchday upload` (the real binary, unchanged) against a running `branchday-server`:
//! 2 000 generated files from many branches delivered exactly once and byte-identical, a rerun
//! sends nothing, and a file with a stored id but other content is reported as a conflict (409).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use support::{Engine, Running, Setup, corpus};

const FILES: usize = 2000;
/// Branch uploads run at once (each branch is its own laptop: its own data directory and token).
const CLIENTS: usize = 8;

/// The `branchday` binary of this build; built when a lone `cargo test -p branchday-server` has
/// not built it yet.
fn branchday_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("the target profile directory");
    let bin = dir.join(format!("branchday{}", std::env::consts::EXE_SUFFIX));
    if !bin.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let status = Command::new(cargo)
            .args(["build", "-p", "branchday", "--bin", "branchday"])
            .status()
            .expect("run cargo build");
        assert!(status.success(), "building branchday failed");
    }
    bin
}

fn upload(bin: &Path, data: &Path, files: &Path, url: &str, token: &str) -> Output {
    let mut c = Command::new(bin);
    for v in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "BRANCHDAY_DATA_DIR",
        "BRANCHDAY_TRUST",
    ] {
        c.env_remove(v);
    }
    c.env("BRANCHDAY_TOKEN", token)
        .env("BRANCHDAY_RETRY_BASE_MS", "5")
        .args(["--lang", "en", "--data-dir"])
        .arg(data)
        .arg("upload")
        .arg(files)
        .args(["--to", url, "--json", "--jobs", "4"]);
    c.output().expect("run branchday upload")
}

fn results(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect()
}

/// Run `job` for every index, `CLIENTS` at a time.
fn in_parallel<T: Send>(n: usize, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let out = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..CLIENTS {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                    if i >= n {
                        break;
                    }
                    let r = job(i);
                    out.lock().expect("lock").push((i, r));
                }
            });
        }
    });
    let mut out = out.into_inner().expect("lock");
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, r)| r).collect()
}

fn two_thousand_files(engine: Engine) {
    let files = corpus(FILES, 2026);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let Some(s) = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    ) else {
        return;
    };
    let work = tempfile::tempdir().expect("dir");
    for (m, bytes) in &files {
        let dir = work.path().join("files").join(&m.branch.code);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(m.file_name()), bytes).expect("write");
    }
    let bin = branchday_bin();
    let run_all = |round: &str| {
        in_parallel(branches.len(), |i| {
            let code = &branches[i].0;
            let data = work.path().join("laptops").join(code);
            let out = upload(
                &bin,
                &data,
                &work.path().join("files").join(code),
                &s.url,
                &s.tokens[i],
            );
            assert_eq!(
                out.status.code(),
                Some(0),
                "{round} upload of branch {code}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            results(&out)
        })
    };

    let first: Vec<Value> = run_all("first").into_iter().flatten().collect();
    assert_eq!(first.len(), FILES);
    assert!(
        first
            .iter()
            .all(|r| r["result"] == "delivered" && r["status"] == 201),
        "{:?}",
        first.iter().find(|r| r["result"] != "delivered")
    );
    assert_eq!(s.stored_count(), FILES, "each file stored once");
    for (m, bytes) in &files {
        let body = s.stored_body(&m.id.to_string()).expect("stored");
        assert_eq!(body.as_bytes(), &bytes[..], "byte-identical");
    }

    let again: Vec<Value> = run_all("second").into_iter().flatten().collect();
    assert_eq!(again.len(), FILES);
    assert!(
        again
            .iter()
            .all(|r| r["result"] == "skipped" && r["attempts"] == 0),
        "a rerun sends nothing: {:?}",
        again.iter().find(|r| r["result"] != "skipped")
    );
    assert_eq!(s.stored_count(), FILES);

    // The same id with other content, from a laptop that never sent it: a conflict.
    let (m, original) = &files[0];
    let mut other = m.clone();
    other.summary.push_str("（另一份）");
    let (bytes, _) = branchday::minutes::to_bytes(&other).expect("seal");
    let dir = work.path().join("conflict");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join(other.file_name()), &bytes).expect("write");
    let i = branches
        .iter()
        .position(|(c, _)| *c == m.branch.code)
        .expect("branch");
    let out = upload(&bin, &work.path().join("fresh"), &dir, &s.url, &s.tokens[i]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a conflict is a failure of the run"
    );
    let rs = results(&out);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["result"], "conflict", "{}", rs[0]);
    assert_eq!(rs[0]["status"], 409);
    assert!(
        rs[0]["message"]
            .as_str()
            .is_some_and(|msg| msg.contains("nothing was overwritten")),
        "{}",
        rs[0]
    );
    let body = s.stored_body(&m.id.to_string()).expect("stored");
    assert_eq!(body.as_bytes(), &original[..], "never overwritten");
}

#[test]
fn upload_of_two_thousand_files_on_sqlite() {
    two_thousand_files(Engine::Sqlite);
}

#[test]
fn upload_of_two_thousand_files_on_postgres() {
    if support::postgres_url("upload_of_two_thousand_files_on_postgres").is_some() {
        two_thousand_files(Engine::Postgres);
    }
}

/// The result line of a returned file names the reviewer and the comment.
fn says_the_return(r: &Value) {
    let msg = r["message"].as_str().unwrap_or_default();
    assert!(
        msg.contains("请补充会议地点") && msg.contains("xian1"),
        "{r}"
    );
}

/// A file returned on the desk: the branch's next `branchday upload` of it hears the reviewer's
/// comment — in the answer to its `PUT` from a data directory whose ledger does not list it, and
/// through `HEAD` from the one that delivered it before the return.
#[test]
fn a_returned_file_is_reported_by_upload_with_the_comment() {
    let Some(w) = support::desk::world(Engine::Sqlite, 6) else {
        return;
    };
    let bin = branchday_bin();
    let work = tempfile::tempdir().expect("dir");
    let (m, bytes) = &w.own[2];
    let dir = work.path().join("one");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join(m.file_name()), bytes).expect("write");
    let token = &w.tokens[&m.branch.code];
    // Already there, not reviewed: already_there.
    let out = upload(&bin, &work.path().join("d1"), &dir, &w.s.url, token);
    assert_eq!(results(&out)[0]["result"], "already_there", "{out:?}");

    let mut c = support::desk::Client::new(&w.s.url);
    assert_eq!(c.sign_in("xian1", support::desk::PASSWORD).status, 303);
    let csrf = c.csrf();
    let r = c.post(
        &format!("/desk/files/{}/review", m.id),
        &[
            ("csrf", &csrf),
            ("verdict", "returned"),
            ("comment", "请补充会议地点"),
        ],
    );
    assert_eq!(r.status, 303);

    let out = upload(&bin, &work.path().join("d2"), &dir, &w.s.url, token);
    assert!(out.status.success(), "{out:?}");
    let rs = results(&out);
    assert_eq!(rs[0]["result"], "returned", "{}", rs[0]);
    says_the_return(&rs[0]);
    // Not recorded as delivered: the next run says it again.
    let again = upload(&bin, &work.path().join("d2"), &dir, &w.s.url, token);
    assert_eq!(results(&again)[0]["result"], "returned");

    // The data directory that delivered it before the return does not send it again: it asks
    // (HEAD, with the review headers), hears the return and keeps it among its reviews.
    let d1 = work.path().join("d1");
    let out = upload(&bin, &d1, &dir, &w.s.url, token);
    assert!(out.status.success(), "{out:?}");
    let rs = results(&out);
    assert_eq!(rs[0]["result"], "returned", "{}", rs[0]);
    says_the_return(&rs[0]);
    use branchday::review::remarks::{self, ReviewKey, Verdict};
    let kept = remarks::load(
        &branchday::store::DataDir::at(&d1),
        &ReviewKey::Minutes(m.id),
    )
    .expect("the branch's reviews");
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(kept[0].verdict, Verdict::Returned);
    assert_eq!(kept[0].comment, "请补充会议地点");
    assert!(kept[0].reviewer.contains("xian1"), "{:?}", kept[0].reviewer);
}
