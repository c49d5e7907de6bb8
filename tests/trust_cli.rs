//! Signed minutes under a keyring, as a reviewer meets them: the branch's own signature trusted,
//! a file edited and resealed without the key caught, a file re-signed with another key refused
//! under `--trust`, an unsigned v2 file refused under `--trust`, a keyring with a bad line refused
//! with its file and line, and an untouched file verified by OpenSSH itself.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command as Std, Stdio};

use assert_cmd::Command;
use serde_json::Value;
use ssh_key::{Algorithm, PrivateKey};

use branchday::keys;
use branchday::minutes::{self, Minutes};

fn key() -> PrivateKey {
    PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).expect("key")
}

/// One valid themed-day record of branch T-01.
fn record() -> Minutes {
    let dir = tempfile::tempdir().expect("tempdir");
    support::corpus::simple_files(dir.path(), 1)
        .pop()
        .expect("one file")
        .1
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn signed(m: &Minutes, k: &PrivateKey) -> Vec<u8> {
    minutes::build::to_signed_bytes(m, k).expect("sealed").0
}

fn keyring(dir: &Path, k: &PrivateKey) -> PathBuf {
    let line = keys::allowed_signers_line("T-01", k.public_key()).expect("line");
    write(
        dir,
        "allowed_signers",
        format!("# county keyring\n{line}\n").as_bytes(),
    )
}

fn validate(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::cargo_bin("branchday")
        .expect("binary")
        .args(["--lang", "en", "validate"])
        .args(args)
        .env_remove("BRANCHDAY_TRUST")
        .output()
        .expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_branch_signature_is_trusted_and_without_a_keyring_the_signer_is_only_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key();
    let file = write(dir.path(), "m.json", &signed(&record(), &k));
    let (code, out, err) = validate(&[file.as_os_str()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("warning") && out.contains("--trust"), "{out}");
    assert!(err.contains("1 of version 2"), "{err}");

    let ring = keyring(dir.path(), &k);
    let (code, out, err) = validate(&["--trust".as_ref(), ring.as_os_str(), file.as_os_str()]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.is_empty(), "a trusted signature is no finding: {out}");

    // The same through BRANCHDAY_TRUST.
    let out = Command::cargo_bin("branchday")
        .expect("binary")
        .args(["--lang", "en", "validate"])
        .arg(&file)
        .env("BRANCHDAY_TRUST", &ring)
        .output()
        .expect("run");
    assert!(out.status.success() && out.stdout.is_empty());
}

#[test]
fn a_file_edited_and_resealed_without_the_key_does_not_match_its_signature() {
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key();
    let bytes = signed(&record(), &k);
    let mut v: Value = serde_json::from_slice(&bytes).expect("json");
    v["place"] = Value::String("另一个会议室".into());
    let digest = minutes::canonical::digest_without_integrity(&v).expect("digest");
    v["integrity"]["digest"] = Value::String(digest);
    let file = write(
        dir.path(),
        "edited.json",
        &serde_json::to_vec_pretty(&v).expect("bytes"),
    );
    // Without a keyring too: a signature that does not hold is an error.
    let (code, out, _) = validate(&[file.as_os_str()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("signature does not match"), "{out}");
    assert!(
        !out.contains("digest mismatch"),
        "the digest was resealed: {out}"
    );
}

#[test]
fn a_file_re_signed_with_another_key_is_refused_under_the_keyring() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (branch, other) = (key(), key());
    let mut m = record();
    m.place = "另一个会议室".into();
    let file = write(dir.path(), "resigned.json", &signed(&m, &other));
    let (code, out, _) = validate(&[file.as_os_str()]);
    assert_eq!(code, Some(0), "valid, with the unknown signer named: {out}");
    let ring = keyring(dir.path(), &branch);
    let (code, out, _) = validate(&["--trust".as_ref(), ring.as_os_str(), file.as_os_str()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("not listed for branch T-01"), "{out}");
}

#[test]
fn an_unsigned_v2_file_is_refused_under_the_keyring() {
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key();
    let (bytes, _) = minutes::to_bytes(&record()).expect("bytes");
    let file = write(dir.path(), "unsigned.json", &bytes);
    let (code, out, _) = validate(&[file.as_os_str()]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("unsigned"), "{out}");
    let ring = keyring(dir.path(), &k);
    let (code, out, _) = validate(&["--trust".as_ref(), ring.as_os_str(), file.as_os_str()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("must carry its branch's signature"), "{out}");
    // Version 1 records carry no signature by design and stay valid.
    let v1 = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid/themed_day.json");
    let (code, out, _) = validate(&["--trust".as_ref(), ring.as_os_str(), v1.as_os_str()]);
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_keyring_with_a_bad_line_is_a_usage_error_naming_the_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "m.json", &signed(&record(), &key()));
    let ring = write(
        dir.path(),
        "allowed_signers",
        b"# keys\nT-01 valid-after=\"2026-07-01\" ssh-ed25519 AAAA\n",
    );
    let (code, out, err) = validate(&["--trust".as_ref(), ring.as_os_str(), file.as_os_str()]);
    assert_eq!(code, Some(2), "{out}{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("allowed_signers: line 2:"), "{err}");
    let missing = dir.path().join("nowhere");
    let (code, _, err) = validate(&["--trust".as_ref(), missing.as_os_str(), file.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("nowhere") && err.contains("--trust"), "{err}");
}

#[test]
fn stats_counts_only_trusted_files_under_the_keyring() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    std::fs::create_dir(&files).expect("dir");
    let (branch, other) = (key(), key());
    write(&files, "a.json", &signed(&record(), &branch));
    write(&files, "b.json", &signed(&record(), &other));
    let ring = keyring(dir.path(), &branch);
    let run = |trust: bool| {
        let mut c = Command::cargo_bin("branchday").expect("binary");
        c.args(["--lang", "en", "stats", "--json"]).arg(&files);
        if trust {
            c.arg("--trust").arg(&ring);
        }
        let out = c.env_remove("BRANCHDAY_TRUST").output().expect("run");
        let v: Value = serde_json::from_slice(&out.stdout).expect("json");
        (v["files"]["valid"].clone(), v["files"]["invalid"].clone())
    };
    assert_eq!(run(false), (Value::from(2), Value::from(0)));
    assert_eq!(run(true), (Value::from(1), Value::from(1)));
}

/// The README's recipe: `branchday canonical FILE` and the signature, checked by OpenSSH.
#[test]
fn openssh_verifies_a_finalized_file_with_the_readme_recipe() {
    if !support::tools::ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key();
    let file = write(dir.path(), "m.json", &signed(&record(), &k));
    let ring = keyring(dir.path(), &k);
    let canonical = Command::cargo_bin("branchday")
        .expect("binary")
        .arg("canonical")
        .arg(&file)
        .output()
        .expect("canonical");
    assert!(canonical.status.success());
    let v: Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    let sig = write(
        dir.path(),
        "m.sig",
        v["integrity"]["signature"]
            .as_str()
            .expect("signature")
            .as_bytes(),
    );
    let verify = |message: &[u8]| {
        let mut child = Std::new("ssh-keygen")
            .args(["-Y", "verify", "-f"])
            .arg(&ring)
            .args(["-I", "T-01", "-n", "branchday-minutes", "-s"])
            .arg(&sig)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("ssh-keygen");
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(message)
            .expect("message");
        child.wait_with_output().expect("output").status.success()
    };
    assert!(
        verify(&canonical.stdout),
        "OpenSSH accepts the untouched file"
    );
    let mut edited = canonical.stdout.clone();
    edited.push(b' ');
    assert!(!verify(&edited), "and refuses one changed byte");
}

#[test]
fn a_malformed_signature_is_one_line_naming_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bytes = signed(&record(), &key());
    let mut v: Value = serde_json::from_slice(&bytes).expect("json");
    v["integrity"]["signature"] = Value::String(
        "-----BEGIN SSH SIGNATURE-----\nbm90IGEgc2lnbmF0dXJl\n-----END SSH SIGNATURE-----\n".into(),
    );
    let file = write(
        dir.path(),
        "garbled.json",
        &serde_json::to_vec_pretty(&v).expect("bytes"),
    );
    let (code, out, _) = validate(&[file.as_os_str()]);
    assert_eq!(code, Some(1), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with(&format!(
            "{}: error: the signature does not read",
            file.display()
        )),
        "{out}"
    );
}

#[test]
fn upload_under_the_keyring_sends_only_what_the_branch_signed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let files = dir.path().join("files");
    let share = dir.path().join("share");
    std::fs::create_dir(&files).expect("dir");
    std::fs::create_dir(&share).expect("dir");
    let (branch, other) = (key(), key());
    write(&files, "ours.json", &signed(&record(), &branch));
    write(&files, "forged.json", &signed(&record(), &other));
    let ring = keyring(dir.path(), &branch);
    let data = dir.path().join("data");
    let out = Command::cargo_bin("branchday")
        .expect("binary")
        .args(["--lang", "en", "--data-dir"])
        .arg(&data)
        .arg("upload")
        .arg(&files)
        .arg("--to")
        .arg(&share)
        .arg("--trust")
        .arg(&ring)
        .env_remove("BRANCHDAY_TRUST")
        .env_remove("BRANCHDAY_TOKEN")
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sent: Vec<String> = std::fs::read_dir(&share)
        .expect("share")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
}
