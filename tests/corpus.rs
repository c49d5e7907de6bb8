//! The synthetic corpus: every file valid, deterministic from its seed, and realistic in what the
//! statistics and the reviewers look at.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use assert_cmd::Command;
use branchday::corpus::{CorpusSpec, generate, write_corpus};
use branchday::domain::{AttendanceStatus, ItemType, MeetingKind, VoteMethod};
use branchday::minutes::{self, Minutes, check_bytes};

/// A signing key and a keyring that trusts it for every branch: the generated files signed as a
/// branch signs them, and checked as a reviewer with its keyring checks them.
fn signer() -> (ssh_key::PrivateKey, branchday::keys::Keyring) {
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("key");
    let line = branchday::keys::allowed_signers_line("*", key.public_key()).expect("line");
    (
        key,
        branchday::keys::Keyring::parse(&line).expect("keyring"),
    )
}

/// The file as a branch writes it (signed), checked under the keyring: every finding.
fn checked_signed(
    m: &Minutes,
    key: &ssh_key::PrivateKey,
    ring: &branchday::keys::Keyring,
) -> (branchday::minutes::Checked, String) {
    let (bytes, digest) = minutes::build::to_signed_bytes(m, key).expect("sealed");
    let mut checked = check_bytes(&bytes);
    checked.trust(Some(ring));
    (checked, digest)
}

fn files_in(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .expect("corpus dir")
        .map(|e| {
            let e = e.expect("entry");
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

#[test]
fn every_generated_file_checks_clean_and_all_kinds_appear() {
    let spec = CorpusSpec::new(300, 11);
    let corpus: Vec<Minutes> = generate(&spec).collect();
    assert_eq!(corpus.len(), 300);
    let mut names = HashSet::new();
    let mut ids = HashSet::new();
    let mut kinds = BTreeSet::new();
    let mut admissions_with_written = 0;
    let (key, ring) = signer();
    for m in &corpus {
        let (checked, digest) = checked_signed(m, &key, &ring);
        assert!(
            checked.findings.is_empty(),
            "{}: {:?}",
            m.file_name(),
            checked.findings
        );
        assert_eq!(checked.computed_digest.as_deref(), Some(digest.as_str()));
        assert!(
            names.insert(m.file_name()),
            "duplicate name {}",
            m.file_name()
        );
        assert!(ids.insert(m.id));
        kinds.insert(m.kind);
        for item in &m.items {
            if let Some(v) = &item.vote
                && item.item_type == ItemType::Admission
            {
                assert_eq!(v.method, VoteMethod::SecretBallot);
                if !v.written_opinions.is_empty() {
                    admissions_with_written += 1;
                }
            }
        }
    }
    assert_eq!(kinds.len(), MeetingKind::ALL.len(), "kinds: {kinds:?}");
    assert!(admissions_with_written > 0);
    // Notes of a few KB: the themed days carry four study topics.
    let themed: Vec<_> = corpus
        .iter()
        .filter(|m| m.kind == MeetingKind::ThemedDay)
        .collect();
    assert!(themed.iter().all(|m| m.study.len() == 4));
    let notes: usize = themed[0].study.iter().map(|t| t.notes.len()).sum();
    assert!(notes > 2000, "study notes of {notes} bytes");
    // Members absent for months: at least one run of 3+ and one of 6+ consecutive months.
    let longest = longest_absences(&corpus);
    assert!(longest.iter().any(|&n| (3..6).contains(&n)), "{longest:?}");
    assert!(longest.iter().any(|&n| n >= 6), "{longest:?}");
}

/// For each (branch, member): the longest run of consecutive months in which the member had meetings
/// and attended none of them without an approved excuse.
fn longest_absences(corpus: &[Minutes]) -> Vec<u32> {
    use chrono::Datelike;
    // (branch, member) -> month index -> attended or excused with approval in that month
    let mut months: BTreeMap<(String, String), BTreeMap<i32, bool>> = BTreeMap::new();
    for m in corpus {
        let month = m.started_at.year() * 12 + m.started_at.month0().cast_signed();
        for a in m.attendance.iter().filter(|a| a.counted) {
            let ok = a.status.attended()
                || (a.status == AttendanceStatus::Excused && !a.approver.is_empty());
            let entry = months
                .entry((m.branch.code.clone(), a.member_id.clone()))
                .or_default()
                .entry(month)
                .or_insert(false);
            *entry |= ok;
        }
    }
    months
        .values()
        .map(|by_month| {
            let (mut best, mut run, mut last) = (0, 0, None);
            for (&month, &ok) in by_month {
                if ok || last.is_some_and(|l| l + 1 != month) {
                    run = 0;
                }
                if !ok {
                    run += 1;
                    best = best.max(run);
                }
                last = Some(month);
            }
            best
        })
        .filter(|&n| n > 0)
        .collect()
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = tempfile::tempdir().expect("tmp");
    let b = tempfile::tempdir().expect("tmp");
    let c = tempfile::tempdir().expect("tmp");
    let spec = CorpusSpec::new(60, 5);
    assert_eq!(write_corpus(a.path(), &spec).expect("write"), 60);
    assert_eq!(write_corpus(b.path(), &spec).expect("write"), 60);
    let other = CorpusSpec { seed: 6, ..spec };
    assert_eq!(write_corpus(c.path(), &other).expect("write"), 60);
    let (fa, fb, fc) = (files_in(a.path()), files_in(b.path()), files_in(c.path()));
    assert_eq!(fa.len(), 60);
    assert_eq!(fa, fb);
    assert!(fa.keys().all(|k| !fc.contains_key(k)));
    let bytes_a: HashSet<&Vec<u8>> = fa.values().collect();
    assert!(fc.values().all(|v| !bytes_a.contains(v)));
}

#[test]
fn writing_twice_into_one_folder_never_overwrites() {
    let dir = tempfile::tempdir().expect("tmp");
    let spec = CorpusSpec::new(5, 3);
    write_corpus(dir.path(), &spec).expect("first write");
    let before = files_in(dir.path());
    assert!(write_corpus(dir.path(), &spec).is_err());
    assert_eq!(files_in(dir.path()), before);
}

#[test]
fn a_village_committee_of_500_members_checks_clean() {
    let spec = CorpusSpec {
        count: 16,
        seed: 2,
        members: 500,
    };
    let mut themed = 0;
    let (key, ring) = signer();
    for m in generate(&spec) {
        let (checked, _) = checked_signed(&m, &key, &ring);
        assert!(checked.findings.is_empty(), "{:?}", checked.findings);
        if m.kind == MeetingKind::ThemedDay {
            themed += 1;
            assert_eq!(m.attendance.len(), 500);
            let names: HashSet<_> = m.attendance.iter().map(|a| &a.name).collect();
            assert_eq!(names.len(), 500);
        }
    }
    assert!(themed > 0);
}

#[test]
fn corrections_supersede_a_file_of_the_corpus() {
    let corpus: Vec<Minutes> = generate(&CorpusSpec::new(1200, 9)).collect();
    let ids: HashSet<_> = corpus.iter().map(|m| m.id).collect();
    let corrections: Vec<_> = corpus.iter().filter(|m| m.supersedes.is_some()).collect();
    assert!(!corrections.is_empty());
    for c in corrections {
        let original = c.supersedes.expect("supersedes");
        assert!(ids.contains(&original));
        let o = corpus.iter().find(|m| m.id == original).expect("original");
        assert_eq!(o.attendance, c.attendance);
        assert!(c.summary.starts_with(&o.summary) && c.summary.len() > o.summary.len());
        assert!(c.finalized_at > o.finalized_at);
    }
}

#[test]
fn dev_corpus_command_writes_and_reports() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = dir.path().join("corpus");
    Command::cargo_bin("branchday")
        .expect("binary")
        .args(["--lang", "en", "dev-corpus", "--out"])
        .arg(&out)
        .args(["--count", "12", "--seed", "4", "--members", "9"])
        .assert()
        .success()
        .stdout(predicates::str::contains("wrote 12 minutes files"));
    assert_eq!(files_in(&out).len(), 12);
    Command::cargo_bin("branchday")
        .expect("binary")
        .arg("validate")
        .arg(&out)
        .assert()
        .success();
}
