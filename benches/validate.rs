//! Throughput of `branchday validate` over a synthetic corpus of 20 000 minutes files.
//!
//! The corpus (25-member branches, 4 study topics and a few KB of Chinese notes per themed day) is
//! generated once into a temporary folder; each iteration then runs the validate path as the
//! command does — `files::collect` over the folder and `minutes::read` on every file (regular-file
//! check, size cap, UTF-8, parse, RFC 8785 digest, schema, rules) — once on one thread and once with
//! `parallel::map`, the pool the command uses. Throughput is reported in files per second.
//!
//! ```text
//! cargo bench --bench validate -- --warm-up-time 1 --measurement-time 30
//! ```
//!
//! `BRANCHDAY_BENCH_FILES` overrides the number of files (default 20 000).

use std::hint::black_box;
use std::path::PathBuf;

use branchday::corpus::{CorpusSpec, write_corpus, write_corpus_signed};
use branchday::minutes::{self, files};
use branchday::parallel;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn count() -> usize {
    std::env::var("BRANCHDAY_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000)
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let n = write_corpus(dir.path(), &CorpusSpec::new(count(), 1)).expect("corpus written");
    let paths = vec![dir.path().to_path_buf()];
    let bytes: u64 = files::collect(&paths)
        .0
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    eprintln!(
        "corpus: {n} files, {:.1} MiB, {} threads for the parallel run",
        bytes as f64 / 1_048_576.0,
        parallel::jobs()
    );

    let mut group = c.benchmark_group("validate");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(10);
    group.bench_function(format!("{n} files, 1 thread"), |b| {
        b.iter(|| {
            let (all, _) = files::collect(black_box(&paths));
            all.iter()
                .filter(|p| minutes::read(p).is_ok_and(|c| c.is_valid()))
                .count()
        });
    });
    group.bench_function(format!("{n} files, parallel::map"), |b| {
        b.iter(|| {
            let (all, _): (Vec<PathBuf>, _) = files::collect(black_box(&paths));
            parallel::map(&all, |p| minutes::read(p).is_ok_and(|c| c.is_valid()))
                .into_iter()
                .filter(|v| *v)
                .count()
        });
    });
    group.finish();

    // The same corpus, every file signed as finalize signs it: the signature is verified on
    // every read (format v2), so this is what reading signed files costs.
    let signed = tempfile::tempdir().expect("temporary folder");
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("key");
    let m = write_corpus_signed(signed.path(), &CorpusSpec::new(count(), 1), Some(&key))
        .expect("signed corpus written");
    let signed_paths = vec![signed.path().to_path_buf()];
    let mut group = c.benchmark_group("validate_signed");
    group.throughput(Throughput::Elements(m as u64));
    group.sample_size(10);
    group.bench_function(format!("{m} signed files, parallel::map"), |b| {
        b.iter(|| {
            let (all, _): (Vec<PathBuf>, _) = files::collect(black_box(&signed_paths));
            parallel::map(&all, |p| minutes::read(p).is_ok_and(|c| c.is_valid()))
                .into_iter()
                .filter(|v| *v)
                .count()
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
