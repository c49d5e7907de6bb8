//! The organiser's commands through the real binary, on a SQLite store in a temp folder.

use std::path::Path;
use std::process::{Command, Output};

fn server(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_branchday-server"))
        .env_remove("BRANCHDAY_SERVER_DATABASE")
        .env_remove("BRANCHDAY_SERVER_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .expect("run branchday-server")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn init_tree_tokens_keyring_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("store");
    let out = server(&data, &["init"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("server.db"),
        "{}",
        text(&out.stdout)
    );

    // A token needs a known branch.
    let out = server(&data, &["token", "add", "--branch", "B1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("org import"),
        "{}",
        text(&out.stderr)
    );

    let csv = dir.path().join("组织.csv");
    std::fs::write(
        &csv,
        "代码,名称,上级代码,层级\nC1,某市,,市\nX1,某县,C1,县\nT1,某镇,X1,乡镇\nB1,某村党支部,T1,支部\n",
    )
    .unwrap();
    let out = server(&data, &["org", "import", csv.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("4 units"),
        "{}",
        text(&out.stdout)
    );
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "代码,名称,上级代码,层级\nB2,某支部,NOPE,支部\n").unwrap();
    let out = server(&data, &["org", "import", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("bad.csv") && err.contains("NOPE"), "{err}");

    let out = server(&data, &["token", "add", "--branch", "X1"]);
    assert_eq!(out.status.code(), Some(1), "a county gets no upload token");
    let out = server(&data, &["token", "add", "--branch", "B1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let token = text(&out.stdout).trim().to_owned();
    assert!(token.starts_with("bdt_") && token.len() == 68, "{token}");
    let out = server(&data, &["token", "list", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(listed["branch"], "B1");
    assert!(
        !text(&out.stdout).contains(&token),
        "the token is never listed"
    );
    let db = std::fs::read(data.join("server.db")).unwrap();
    assert!(
        !db.windows(token.len()).any(|w| w == token.as_bytes()),
        "the token is not stored"
    );
    let id = listed["id"].as_str().unwrap().to_owned();
    let out = server(&data, &["token", "revoke", &id]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = server(&data, &["token", "revoke", &id]);
    assert_eq!(out.status.code(), Some(1), "revoked once");

    let keys = tempfile::tempdir().unwrap();
    let key = branchday::keys::branch_key(keys.path()).unwrap();
    let ring = dir.path().join("allowed_signers");
    std::fs::write(
        &ring,
        branchday::keys::allowed_signers_line("B1", key.public_key()).unwrap() + "\n",
    )
    .unwrap();
    let out = server(&data, &["keyring", "import", ring.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("1 keys"),
        "{}",
        text(&out.stdout)
    );
    std::fs::write(&ring, "B1 not-a-key\n").unwrap();
    let out = server(&data, &["keyring", "import", ring.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("allowed_signers"),
        "{}",
        text(&out.stderr)
    );

    let out = server(&data, &["files", "--json"]);
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "", "nothing stored yet");
    let out = server(&data, &["--database", "mysql://x", "files"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("sqlite://"),
        "{}",
        text(&out.stderr)
    );
}
