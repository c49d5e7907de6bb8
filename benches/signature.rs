//! What a signature costs a file of typical size (one themed day, 25 members, ~15 KB of canonical
//! bytes): signing at finalize, and each part of checking it on every read — the SSHSIG parse, the
//! SHA-512 of the message SSHSIG signs, and the ed25519 verification — beside the SHA-256 digest
//! every file already costs.
//!
//! `cargo bench --bench signature -- --warm-up-time 1 --measurement-time 3`

use std::hint::black_box;

use branchday::corpus::{CorpusSpec, generate};
use branchday::{keys, minutes};
use criterion::{Criterion, criterion_group, criterion_main};
use sha2::Digest;

fn bench(c: &mut Criterion) {
    let m = generate(&CorpusSpec::new(40, 1))
        .find(|m| m.kind == branchday::domain::MeetingKind::ThemedDay)
        .expect("a themed day");
    let value = serde_json::to_value(&m).expect("value");
    let canonical = minutes::canonical::canonical_without_integrity(&value).expect("canonical");
    eprintln!("canonical bytes: {}", canonical.len());
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("key");
    let sig = keys::sign(&key, canonical.as_bytes()).expect("signed");
    let signer = keys::public_line(key.public_key()).expect("line");

    c.bench_function("sha256_digest", |b| {
        b.iter(|| sha2::Sha256::digest(black_box(canonical.as_bytes())));
    });
    c.bench_function("sign", |b| {
        b.iter(|| keys::sign(&key, black_box(canonical.as_bytes())).expect("signed"));
    });
    c.bench_function("verify", |b| {
        b.iter(|| keys::verify(black_box(canonical.as_bytes()), &sig, &signer).expect("holds"));
    });
    c.bench_function("verify_parse_only", |b| {
        b.iter(|| {
            let s = ssh_key::SshSig::from_pem(black_box(sig.as_str())).expect("pem");
            let k = ssh_key::PublicKey::from_openssh(black_box(signer.as_str())).expect("key");
            (s, k)
        });
    });
    c.bench_function("sshsig_signed_data_sha256", |b| {
        b.iter(|| {
            ssh_key::SshSig::signed_data(
                keys::NAMESPACE,
                ssh_key::HashAlg::Sha256,
                black_box(canonical.as_bytes()),
            )
            .expect("data")
        });
    });
    // The ed25519 arithmetic alone, one by one and in a batch of 64 (the SSHSIG signed data as
    // the message, as validate verifies it).
    let parsed = ssh_key::SshSig::from_pem(sig.as_str()).expect("pem");
    let data = ssh_key::SshSig::signed_data(
        keys::NAMESPACE,
        ssh_key::HashAlg::Sha256,
        canonical.as_bytes(),
    )
    .expect("data");
    let raw = ed25519_dalek::Signature::from_slice(parsed.signature_bytes()).expect("sig");
    let ssh_key::public::KeyData::Ed25519(pk) = key.public_key().key_data() else {
        panic!("ed25519");
    };
    let vk = ed25519_dalek::VerifyingKey::from_bytes(&pk.0).expect("key");
    c.bench_function("ed25519_verify_one", |b| {
        b.iter(|| {
            use ed25519_dalek::Verifier;
            vk.verify(black_box(&data), &raw).expect("holds");
        });
    });
    let messages: Vec<&[u8]> = (0..64).map(|_| data.as_slice()).collect();
    let sigs = vec![raw; 64];
    let vks = vec![vk; 64];
    c.bench_function("ed25519_verify_batch_64", |b| {
        b.iter(|| ed25519_dalek::verify_batch(black_box(&messages), &sigs, &vks).expect("holds"));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
