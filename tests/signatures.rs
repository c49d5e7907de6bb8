//! branchday's signatures and OpenSSH's agree in both directions: `ssh-keygen -Y verify` accepts
//! what branchday signs (with the `allowed_signers` line `branchday key show` prints), branchday
//! accepts what `ssh-keygen -Y sign` writes, and both refuse an edited message and an expired key.
//!
//! Needs `ssh-keygen` (Debian package openssh-client). Under CI=true a missing tool fails the test;
//! elsewhere the test says loudly that it was skipped and what to install.

use std::path::Path;
use std::process::{Command, Stdio};

use branchday::keys::{self, NAMESPACE};
use std::io::Write;

mod support;
use support::tools::ssh_keygen;

/// `ssh-keygen -Y verify` of `message` against `sig`; its exit status and what it said.
fn openssh_verify(
    dir: &Path,
    allowed: &str,
    principal: &str,
    sig: &str,
    message: &[u8],
) -> (bool, String) {
    let allowed_path = dir.join("allowed_signers");
    std::fs::write(&allowed_path, allowed).expect("write allowed_signers");
    let sig_path = dir.join("minutes.sig");
    std::fs::write(&sig_path, sig).expect("write sig");
    let mut child = Command::new("ssh-keygen")
        .args(["-Y", "verify", "-f"])
        .arg(&allowed_path)
        .args(["-I", principal, "-n", NAMESPACE, "-s"])
        .arg(&sig_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ssh-keygen");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(message)
        .expect("send message");
    let out = child.wait_with_output().expect("ssh-keygen output");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), said)
}

const MESSAGE: &[u8] =
    "{\"branch\":{\"code\":\"B-001\",\"name\":\"柳河村党支部\"},\"version\":2}".as_bytes();

#[test]
fn openssh_verifies_what_branchday_signs() {
    if !ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let key = keys::branch_key(dir.path()).expect("key");
    let sig = keys::sign(&key, MESSAGE).expect("sign");
    let line = keys::allowed_signers_line("B-001", key.public_key()).expect("line");

    let (ok, said) = openssh_verify(dir.path(), &line, "B-001", &sig, MESSAGE);
    assert!(ok && said.contains("Good"), "{said}");

    // An edited message, another branch, an expired entry: refused by OpenSSH as by branchday.
    let mut edited = MESSAGE.to_vec();
    edited[12] = b'X';
    let (ok, said) = openssh_verify(dir.path(), &line, "B-001", &sig, &edited);
    assert!(!ok, "{said}");
    let (ok, _) = openssh_verify(dir.path(), &line, "B-002", &sig, MESSAGE);
    assert!(!ok);
    let expired = line.replacen(
        "namespaces=\"branchday-minutes\"",
        "namespaces=\"branchday-minutes\",valid-before=\"20200101Z\"",
        1,
    );
    let (ok, _) = openssh_verify(dir.path(), &expired, "B-001", &sig, MESSAGE);
    assert!(!ok, "ssh-keygen enforces valid-before");
    let ring = keys::Keyring::parse(&expired).expect("keyring");
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-26T19:00:00+08:00").expect("time");
    assert_eq!(
        ring.standing("B-001", NAMESPACE, key.public_key(), now),
        keys::Standing::OutsideValidity { line: 1 }
    );
}

#[test]
fn branchday_verifies_what_openssh_signs() {
    if !ssh_keygen() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let key = keys::branch_key(dir.path()).expect("key");
    let key_file = keys::key_path(dir.path());
    let msg_path = dir.path().join("canonical.json");
    std::fs::write(&msg_path, MESSAGE).expect("message");
    let out = Command::new("ssh-keygen")
        .args(["-Y", "sign", "-n", NAMESPACE, "-f"])
        .arg(&key_file)
        .arg(&msg_path)
        .output()
        .expect("ssh-keygen -Y sign");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sig = std::fs::read_to_string(msg_path.with_extension("json.sig")).expect("signature");
    let signer = keys::public_line(key.public_key()).expect("line");
    let by = keys::verify(MESSAGE, &sig, &signer).expect("branchday accepts OpenSSH's signature");
    assert_eq!(by.key_data(), key.public_key().key_data());
    assert_eq!(
        keys::verify(b"something else", &sig, &signer),
        Err(keys::SignatureProblem::DoesNotMatch)
    );
}

/// Every committed version 2 fixture verifies with `ssh-keygen -Y verify` and the keyring beside
/// it, over the canonical bytes: OpenSSH alone confirms who signed each one.
#[test]
fn openssh_verifies_every_v2_fixture() {
    if !ssh_keygen() {
        return;
    }
    let v2 = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/valid-v2");
    let allowed = std::fs::read_to_string(v2.join("allowed_signers")).expect("keyring");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut n = 0;
    for entry in std::fs::read_dir(&v2).expect("v2 fixtures").flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        let doc: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        let canonical =
            branchday::minutes::canonical::canonical_without_integrity(&doc).expect("canonical");
        let sig = doc["integrity"]["signature"].as_str().expect("signed");
        let code = doc["branch"]["code"].as_str().expect("branch code");
        let (ok, said) = openssh_verify(dir.path(), &allowed, code, sig, canonical.as_bytes());
        assert!(ok && said.contains("Good"), "{}: {said}", path.display());
        n += 1;
    }
    assert!(n >= 8, "{n} fixtures");
}
