//! `branchday key show`, `key import` and `canonical` as a secretary and a reviewer run them.

use std::path::Path;

use assert_cmd::Command;
use ssh_key::{Algorithm, LineEnding, PrivateKey};

fn branchday(data: &Path) -> Command {
    let mut c = Command::cargo_bin("branchday").expect("binary");
    c.arg("--data-dir").arg(data).args(["--lang", "en"]);
    c.env_remove("BRANCHDAY_DATA_DIR");
    c
}

fn with_roster() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    branchday::store::DataDir::at(dir.path())
        .save_roster(&branchday::demo::roster())
        .expect("roster");
    dir
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn key_show_prints_one_allowed_signers_line_and_keeps_the_key() {
    let dir = with_roster();
    let code = branchday::demo::roster().branch.code;
    let first = branchday(dir.path())
        .args(["key", "show"])
        .output()
        .expect("run");
    assert!(first.status.success(), "{}", stderr(&first));
    let line = stdout(&first);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(
        line.starts_with(&format!(
            "{code} namespaces=\"branchday-minutes\" ssh-ed25519 AAAA"
        )),
        "{line}"
    );
    assert!(!line.contains("PRIVATE"), "never prints the private key");
    assert!(stderr(&first).contains("superior organisation"));
    let again = branchday(dir.path())
        .args(["key", "show"])
        .output()
        .expect("run");
    assert_eq!(stdout(&again), line, "the same key every time");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let key = branchday::keys::key_path(dir.path());
        let mode = std::fs::metadata(&key).expect("key").permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn key_show_without_a_roster_says_how_to_get_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = branchday(dir.path())
        .args(["key", "show"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("roster import") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn key_import_takes_a_passphrase_key_and_replaces_only_when_asked() {
    let dir = with_roster();
    let key = PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).expect("key");
    let locked = key
        .encrypt(&mut ssh_key::rand_core::OsRng, "支部口令")
        .expect("encrypt");
    let file = dir.path().join("id_ed25519");
    std::fs::write(
        &file,
        locked.to_openssh(LineEnding::LF).expect("text").as_bytes(),
    )
    .expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        let out = branchday(dir.path())
            .args(["key", "import"])
            .arg(&file)
            .write_stdin("支部口令\n")
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let wrong = branchday(dir.path())
        .args(["key", "import"])
        .arg(&file)
        .write_stdin("别的口令\n")
        .output()
        .expect("run");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains("wrong passphrase"),
        "{}",
        stderr(&wrong)
    );

    let ok = branchday(dir.path())
        .args(["key", "import"])
        .arg(&file)
        .write_stdin("支部口令\n")
        .output()
        .expect("run");
    assert!(ok.status.success(), "{}", stderr(&ok));
    let public = branchday::keys::public_line(key.public_key()).expect("line");
    assert!(stdout(&ok).trim_end().ends_with(&public), "{}", stdout(&ok));
    let shown = branchday(dir.path())
        .args(["key", "show"])
        .output()
        .expect("run");
    assert_eq!(
        stdout(&shown),
        stdout(&ok),
        "the imported key is the branch key"
    );

    // A second import is refused unless --replace, which keeps the old key beside the new one.
    let other =
        PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).expect("key");
    let other_file = dir.path().join("new_ed25519");
    std::fs::write(
        &other_file,
        other.to_openssh(LineEnding::LF).expect("text").as_bytes(),
    )
    .expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&other_file, std::fs::Permissions::from_mode(0o600))
            .expect("chmod");
    }
    let refused = branchday(dir.path())
        .args(["key", "import"])
        .arg(&other_file)
        .output()
        .expect("run");
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("--replace"),
        "{}",
        stderr(&refused)
    );
    let replaced = branchday(dir.path())
        .args(["key", "import", "--replace"])
        .arg(&other_file)
        .output()
        .expect("run");
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    let keys_dir = branchday::keys::key_path(dir.path())
        .parent()
        .expect("keys")
        .to_path_buf();
    let retired = std::fs::read_dir(&keys_dir)
        .expect("keys dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("retired"))
        .count();
    assert_eq!(retired, 2, "the old key and its .pub are kept");
}

#[test]
fn key_import_of_something_else_names_the_file() {
    let dir = with_roster();
    let file = dir.path().join("roster.json");
    let out = branchday(dir.path())
        .args(["key", "import"])
        .arg(&file)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("roster.json") && err.lines().count() == 1,
        "{err}"
    );
}

#[test]
fn canonical_prints_the_bytes_the_digest_covers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&fixtures).expect("fixtures").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let out = branchday(dir.path())
            .arg("canonical")
            .arg(&path)
            .output()
            .expect("run");
        assert!(out.status.success(), "{}", stderr(&out));
        let value: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        let recorded = value["integrity"]["digest"].as_str().expect("digest");
        use sha2::Digest;
        let hash = sha2::Sha256::digest(&out.stdout);
        let hex = hash.iter().fold(String::new(), |mut s, b| {
            use std::fmt::Write;
            let _ = write!(s, "{b:02x}");
            s
        });
        assert_eq!(hex, recorded, "{}", path.display());
        assert!(!out.stdout.ends_with(b"\n"));
        checked += 1;
    }
    assert!(checked >= 3, "fixtures checked: {checked}");

    let junk = dir.path().join("junk.json");
    std::fs::write(&junk, "{\"a\": ").expect("write");
    let out = branchday(dir.path())
        .arg("canonical")
        .arg(&junk)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("junk.json"), "{}", stderr(&out));
}
