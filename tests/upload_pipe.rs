//! `branchday upload --json | head`: a closed standard output ends the run quietly (no panic, no
//! message), nothing more is begun, and the ledger stays true: a rerun sends only the rest and
//! every file is stored exactly once.

mod support;

use std::collections::HashSet;
use std::process::Stdio;
use std::sync::atomic::Ordering;

use support::corpus;
use support::server::Server;
use support::upload::cmd;
use support::upload::ledger_lines;

#[test]
fn a_closed_standard_output_ends_the_upload_quietly_with_the_ledger_intact() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let files = corpus::simple_files(dir.path(), 40);
    let server = Server::start();
    server.faults.delay_ms.store(50, Ordering::SeqCst);
    let mut child = cmd(data.path())
        .args(["upload", "--json", "--jobs", "2", "--to", &server.url()])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away before the first line (as `| head -0` would).
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.trim().is_empty(), "quietly: {stderr}");
    assert_eq!(out.status.code(), Some(1), "not everything was sent");
    let sent = server.state().seen.len();
    assert!(sent < files.len(), "the run ended early ({sent} sent)");

    // Whatever the ledger says was delivered is on the server.
    let st = server.state();
    for e in ledger_lines(data.path()) {
        let id = e["id"].as_str().expect("id");
        assert!(st.stored.contains_key(id), "{id} ledgered but not stored");
    }
    drop(st);

    server.faults.delay_ms.store(0, Ordering::SeqCst);
    let out = cmd(data.path())
        .env("BRANCHDAY_TOKEN", "t")
        .args(["upload", "--json", "--to", &server.url()])
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
        let id = m.id.to_string();
        assert_eq!(st.stored.get(&id), Some(bytes));
        assert_eq!(st.creates.get(&id), Some(&1), "{id} stored once");
    }
    let delivered: HashSet<String> = ledger_lines(data.path())
        .iter()
        .filter(|e| e["result"] == "delivered" || e["result"] == "already_there")
        .filter_map(|e| e["id"].as_str().map(str::to_owned))
        .collect();
    assert_eq!(delivered.len(), files.len());
}
