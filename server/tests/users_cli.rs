//! The desk's accounts through the real binary: `init` makes the admin account (its password
//! shown once, or read from standard input), `user add / list / remove`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn server(data: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_branchday-server"))
        .env_remove("BRANCHDAY_SERVER_DATABASE")
        .env_remove("BRANCHDAY_SERVER_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run branchday-server");
    {
        let mut input = child.stdin.take().expect("stdin");
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).expect("write stdin");
        }
    }
    child.wait_with_output().expect("wait")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn init_makes_the_admin_and_users_are_added_listed_and_removed() {
    let dir = tempfile::tempdir().expect("dir");
    let data = dir.path().join("store");
    let out = server(&data, &["init"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let password = stdout.lines().last().unwrap_or_default().trim().to_owned();
    assert_eq!(password.chars().count(), 20, "{stdout}");
    assert!(text(&out.stderr).contains("shown this once"));
    // A second init leaves the account alone and prints no password.
    let out = server(&data, &["init"], None);
    assert!(out.status.success());
    assert!(!text(&out.stdout).contains(&password));
    assert!(text(&out.stdout).contains("already there"));

    // A second store with the password piped in.
    let other = dir.path().join("other");
    let out = server(&other, &["init"], Some("管理员的密码123\n"));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stdout).contains("管理员的密码123"));

    let csv = dir.path().join("组织.csv");
    std::fs::write(
        &csv,
        "代码,名称,上级代码,层级\nC1,某市,,市\nX1,某县,C1,县\nT1,某镇,X1,乡镇\nB1,某村党支部,T1,支部\n",
    )
    .expect("write");
    let out = server(&data, &["org", "import", csv.to_str().expect("path")], None);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let out = server(
        &data,
        &["user", "add", "张审阅", "--org", "X1"],
        Some("a long password\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    // Unknown organisation, short password, no password, a taken name: exit 1, said why.
    for (args, input, says) in [
        (
            vec!["user", "add", "李", "--org", "NOPE"],
            "a long password\n",
            "NOPE",
        ),
        (
            vec!["user", "add", "李", "--org", "X1"],
            "short\n",
            "shorter",
        ),
        (vec!["user", "add", "李", "--org", "X1"], "", "no password"),
        (
            vec!["user", "add", "张审阅", "--org", "T1"],
            "a long password\n",
            "already",
        ),
    ] {
        let out = server(&data, &args, Some(input));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    let out = server(&data, &["user", "list", "--json"], None);
    let listed = text(&out.stdout);
    assert!(
        listed.contains("\"张审阅\"") && listed.contains("\"X1\""),
        "{listed}"
    );
    assert!(
        listed.contains("\"admin\"") && !listed.contains("argon2"),
        "{listed}"
    );
    let out = server(&data, &["user", "remove", "张审阅"], None);
    assert!(out.status.success());
    let out = server(&data, &["user", "remove", "张审阅"], None);
    assert_eq!(out.status.code(), Some(1));
    let out = server(&data, &["user", "list"], None);
    assert!(!text(&out.stdout).contains("张审阅"));
}
