use super::*;

fn key() -> PrivateKey {
    PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).expect("key")
}

const MESSAGE: &[u8] = b"{\"format\":\"branchday.minutes\",\"version\":2}";

#[test]
fn a_signature_verifies_for_its_content_and_signer_only() {
    let k = key();
    let signer = public_line(k.public_key()).expect("line");
    // The key type and its base64, no comment.
    assert!(signer.starts_with("ssh-ed25519 AAAA") && signer.matches(' ').count() == 1);
    let sig = sign(&k, MESSAGE).expect("sign");
    assert!(sig.starts_with("-----BEGIN SSH SIGNATURE-----"), "{sig}");
    let got = verify(MESSAGE, &sig, &signer).expect("verifies");
    assert_eq!(got.key_data(), k.public_key().key_data());

    // One byte changed after signing.
    let mut edited = MESSAGE.to_vec();
    edited[30] = b'X';
    assert_eq!(
        verify(&edited, &sig, &signer),
        Err(SignatureProblem::DoesNotMatch)
    );
    // The signer line swapped for another key's.
    let other = public_line(key().public_key()).expect("line");
    assert_eq!(
        verify(MESSAGE, &sig, &other),
        Err(SignatureProblem::SignerMismatch)
    );
    // Garbage in either field.
    assert!(matches!(
        verify(
            MESSAGE,
            "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----",
            &signer
        ),
        Err(SignatureProblem::Malformed(_))
    ));
    let cut = &sig[..sig.len() / 2];
    assert!(matches!(
        verify(MESSAGE, cut, &signer),
        Err(SignatureProblem::Malformed(_))
    ));
    assert!(matches!(
        verify(MESSAGE, &sig, "ssh-ed25519 nonsense"),
        Err(SignatureProblem::BadSigner(_))
    ));
}

#[test]
fn a_signature_in_another_namespace_is_refused() {
    let k = key();
    let sig = k
        .sign("file", HashAlg::Sha512, MESSAGE)
        .expect("sign")
        .to_pem(LineEnding::LF)
        .expect("pem");
    let signer = public_line(k.public_key()).expect("line");
    assert_eq!(
        verify(MESSAGE, &sig, &signer),
        Err(SignatureProblem::WrongNamespace("file".into()))
    );
}

#[test]
fn the_branch_key_is_made_once_private_and_reused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = branch_key(dir.path()).expect("made");
    let again = branch_key(dir.path()).expect("read");
    assert_eq!(first.public_key().key_data(), again.public_key().key_data());
    let path = key_path(dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().expect("keys dir")), 0o700);
    }
    let public = std::fs::read_to_string(path.with_extension("pub")).expect("pub");
    assert_eq!(
        public.trim(),
        public_line(first.public_key()).expect("line")
    );
    assert!(matches!(
        write_branch_key(dir.path(), &key()),
        Err(KeyError::Exists { .. })
    ));
    let line = allowed_signers_line("B-001", first.public_key()).expect("line");
    assert!(line.starts_with("B-001 namespaces=\"branchday-minutes\" ssh-ed25519 AAAA"));
    let ring = Keyring::parse(&line).expect("the line reads as a keyring");
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-26T19:00:00+08:00").expect("time");
    assert_eq!(
        ring.standing("B-001", NAMESPACE, first.public_key(), at),
        Standing::Trusted
    );
}

#[cfg(unix)]
#[test]
fn key_files_that_cannot_be_used_say_why() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let k = key();
    let text = k.to_openssh(LineEnding::LF).expect("text");
    let write = |name: &str, body: &[u8], mode: u32| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).expect("write");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).expect("chmod");
        p
    };
    let open = write("open", text.as_bytes(), 0o644);
    assert!(matches!(
        read_private(&open, &mut || None),
        Err(KeyError::Exposed { mode: 0o644, .. })
    ));
    let cut = write("cut", &text.as_bytes()[..text.len() / 2], 0o600);
    assert!(matches!(
        read_private(&cut, &mut || None),
        Err(KeyError::Unreadable { .. })
    ));
    let junk = write("junk", "不是密钥".as_bytes(), 0o600);
    assert!(matches!(
        read_private(&junk, &mut || None),
        Err(KeyError::Unreadable { .. })
    ));
    let missing = dir.path().join("missing");
    assert!(matches!(
        read_private(&missing, &mut || None),
        Err(KeyError::Io { .. })
    ));

    // A passphrase-protected key: asked for, wrong, right.
    let locked = k
        .encrypt(&mut ssh_key::rand_core::OsRng, "正确的口令")
        .expect("encrypt");
    let locked = write(
        "locked",
        locked.to_openssh(LineEnding::LF).expect("text").as_bytes(),
        0o600,
    );
    assert!(matches!(
        read_private(&locked, &mut || None),
        Err(KeyError::NeedsPassphrase { .. })
    ));
    assert!(matches!(
        read_private(&locked, &mut || Some("错误".into())),
        Err(KeyError::Passphrase { .. })
    ));
    let opened = read_private(&locked, &mut || Some("正确的口令".into())).expect("opens");
    assert_eq!(opened.public_key().key_data(), k.public_key().key_data());
}
