//! Checking a signature: read and matched to its signer first ([`prepare`]), then the ed25519
//! arithmetic, one at a time ([`Prepared::verify`], what [`verify`] does) or many at once
//! ([`verify_many`], what `validate` does with each batch of files).
//!
//! The message SSHSIG signs is its "signed data": the preamble `SSHSIG`, then the namespace, the
//! reserved field, the hash algorithm's name and the hash of the message, each as an SSH string
//! (a 32-bit big-endian length and the bytes). With `hashalg=sha256` that hash is the SHA-256 of
//! the canonical bytes — the file's own digest — so a caller that has it already passes it in and
//! the bytes are not hashed twice. A test checks the signed data against `ssh-key`'s own.
//!
//! Many at once is `ed25519-dalek`'s batch verification: one multiscalar multiplication for the
//! whole batch, with random weights drawn from a transcript of every input, about twice as fast
//! per signature. When a batch does not hold, each of its signatures is verified alone to find
//! which. The batch equation is the cofactored one: it also holds for a signature whose nonce
//! point carries a small-order component, which only the key's holder can make and which the
//! single check (and `ssh-keygen`) refuses; no one without the key can make any signature hold.

use ed25519_dalek::Verifier;
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, HashAlg, PublicKey, SshSig};

use super::NAMESPACE;

/// Why a signature does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureProblem {
    /// The `signature` text is not an armored SSHSIG.
    Malformed(String),
    /// The `signer` text is not an OpenSSH public key line.
    BadSigner(String),
    /// The signature was made by another key than the one named as `signer`.
    SignerMismatch,
    /// Made for another purpose than minutes (another namespace).
    WrongNamespace(String),
    /// The content is not what was signed: the file was changed after signing.
    DoesNotMatch,
}

/// A signature read, matched to its signer and namespace, with the data it must cover: all that
/// is left is the arithmetic.
#[derive(Debug, Clone)]
pub struct Prepared {
    key: PublicKey,
    data: Vec<u8>,
    signature: ed25519_dalek::Signature,
    verifying: ed25519_dalek::VerifyingKey,
}

/// Read `signature` by `signer` over `message`, ready to verify. `message_sha256` is the SHA-256
/// of `message` when the caller has it (the file's digest); it is used when the signature was
/// made with `hashalg=sha256`.
pub fn prepare(
    message: &[u8],
    message_sha256: Option<&[u8; 32]>,
    signature: &str,
    signer: &str,
) -> Result<Prepared, SignatureProblem> {
    let sig = SshSig::from_pem(signature.trim())
        .map_err(|e| SignatureProblem::Malformed(e.to_string()))?;
    let key = PublicKey::from_openssh(signer.trim())
        .map_err(|e| SignatureProblem::BadSigner(e.to_string()))?;
    if sig.public_key() != key.key_data() {
        return Err(SignatureProblem::SignerMismatch);
    }
    if sig.namespace() != NAMESPACE {
        return Err(SignatureProblem::WrongNamespace(sig.namespace().to_owned()));
    }
    // Only ed25519 keys are read (the crate is built with that algorithm alone); any other
    // signature cannot be checked, so it does not hold.
    let KeyData::Ed25519(public) = key.key_data() else {
        return Err(SignatureProblem::DoesNotMatch);
    };
    if sig.algorithm() != Algorithm::Ed25519 {
        return Err(SignatureProblem::DoesNotMatch);
    }
    let verifying = ed25519_dalek::VerifyingKey::from_bytes(&public.0)
        .map_err(|_| SignatureProblem::DoesNotMatch)?;
    let raw = ed25519_dalek::Signature::from_slice(sig.signature_bytes())
        .map_err(|_| SignatureProblem::DoesNotMatch)?;
    let hash = match (sig.hash_alg(), message_sha256) {
        (HashAlg::Sha256, Some(d)) => d.to_vec(),
        (alg, _) => alg.digest(message),
    };
    Ok(Prepared {
        data: signed_data(sig.namespace(), sig.reserved(), sig.hash_alg(), &hash),
        key,
        signature: raw,
        verifying,
    })
}

/// SSHSIG's signed data (PROTOCOL.sshsig): the preamble, then four SSH strings.
fn signed_data(namespace: &str, reserved: &[u8], alg: HashAlg, hash: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(6 + 16 + namespace.len() + reserved.len() + 6 + hash.len());
    out.extend_from_slice(b"SSHSIG");
    for field in [
        namespace.as_bytes(),
        reserved,
        alg.as_str().as_bytes(),
        hash,
    ] {
        // Every field is far below 4 GiB: a namespace, an empty field, a name and a hash.
        let len = u32::try_from(field.len()).unwrap_or(u32::MAX);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(field);
    }
    out
}

impl Prepared {
    /// The ed25519 check of this one signature; the signer's key when it holds.
    pub fn verify(&self) -> Result<PublicKey, SignatureProblem> {
        self.verifying
            .verify(&self.data, &self.signature)
            .map(|()| self.key.clone())
            .map_err(|_| SignatureProblem::DoesNotMatch)
    }

    /// The key named as signer (whether or not the signature holds).
    #[must_use]
    pub fn key(&self) -> &PublicKey {
        &self.key
    }
}

/// Check that `signature` by `signer` covers `message`; the signer's key when it does.
pub fn verify(
    message: &[u8],
    signature: &str,
    signer: &str,
) -> Result<PublicKey, SignatureProblem> {
    prepare(message, None, signature, signer)?.verify()
}

/// Whether each signature holds, in order: the batch at once, and one by one when it does not.
#[must_use]
pub fn verify_many(batch: &[&Prepared]) -> Vec<bool> {
    if batch.len() > 1 {
        let messages: Vec<&[u8]> = batch.iter().map(|p| p.data.as_slice()).collect();
        let signatures: Vec<ed25519_dalek::Signature> = batch.iter().map(|p| p.signature).collect();
        let keys: Vec<ed25519_dalek::VerifyingKey> = batch.iter().map(|p| p.verifying).collect();
        if ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_ok() {
            return vec![true; batch.len()];
        }
    }
    batch.iter().map(|p| p.verify().is_ok()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ssh_key::PrivateKey {
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519).unwrap()
    }

    #[test]
    fn the_signed_data_is_ssh_keys_own() {
        for alg in [HashAlg::Sha256, HashAlg::Sha512] {
            let msg = b"{\"a\":1}";
            let ours = signed_data(NAMESPACE, &[], alg, &alg.digest(msg));
            assert_eq!(ours, SshSig::signed_data(NAMESPACE, alg, msg).unwrap());
        }
    }

    #[test]
    fn a_given_digest_is_used_only_for_sha256_signatures() {
        let k = key();
        let line = super::super::public_line(k.public_key()).unwrap();
        let msg = b"canonical bytes";
        let d: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(msg).into();
        let sig256 = super::super::sign(&k, msg).unwrap();
        assert!(
            prepare(msg, Some(&d), &sig256, &line)
                .unwrap()
                .verify()
                .is_ok()
        );
        // A wrong digest given for a SHA-256 signature is what the check uses: it fails.
        let wrong = [0u8; 32];
        assert_eq!(
            prepare(msg, Some(&wrong), &sig256, &line)
                .unwrap()
                .verify()
                .unwrap_err(),
            SignatureProblem::DoesNotMatch
        );
        // A SHA-512 signature hashes the message itself, whatever digest is given.
        let sig512 = k
            .sign(NAMESPACE, HashAlg::Sha512, msg)
            .unwrap()
            .to_pem(ssh_key::LineEnding::LF)
            .unwrap();
        assert!(
            prepare(msg, Some(&wrong), &sig512, &line)
                .unwrap()
                .verify()
                .is_ok()
        );
    }

    #[test]
    fn a_batch_finds_the_one_that_does_not_hold() {
        let k = key();
        let other = key();
        let line = super::super::public_line(k.public_key()).unwrap();
        let msgs: Vec<Vec<u8>> = (0..9)
            .map(|i| format!("minutes {i}").into_bytes())
            .collect();
        let mut prepared: Vec<Prepared> = msgs
            .iter()
            .map(|m| {
                let sig = super::super::sign(&k, m).unwrap();
                prepare(m, None, &sig, &line).unwrap()
            })
            .collect();
        let refs: Vec<&Prepared> = prepared.iter().collect();
        assert_eq!(verify_many(&refs), vec![true; 9]);
        // The fifth covers other bytes than its message now; another key's signature over the
        // seventh is named as this key's (its signer line says `k`).
        prepared[4] = prepare(
            b"edited",
            None,
            &super::super::sign(&k, &msgs[4]).unwrap(),
            &line,
        )
        .unwrap();
        let forged = super::super::sign(&other, &msgs[6]).unwrap();
        let other_line = super::super::public_line(other.public_key()).unwrap();
        assert_eq!(
            prepare(&msgs[6], None, &forged, &line).unwrap_err(),
            SignatureProblem::SignerMismatch
        );
        let mut p7 = prepare(&msgs[6], None, &forged, &other_line).unwrap();
        p7.key = k.public_key().clone();
        p7.verifying = prepared[0].verifying;
        prepared[6] = p7;
        let refs: Vec<&Prepared> = prepared.iter().collect();
        let mut want = vec![true; 9];
        want[4] = false;
        want[6] = false;
        assert_eq!(verify_many(&refs), want);
        assert_eq!(verify_many(&[]), Vec::<bool>::new());
        assert_eq!(verify_many(&[&prepared[4]]), vec![false]);
    }
}
