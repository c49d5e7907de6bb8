//! The committed fixtures: every valid one checks clean, every invalid one is reported with the error
//! its name says, and together they cover every kind of error `validate` reports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use branchday::domain::{ItemType, MeetingKind, VoteMethod};
use branchday::minutes::{Severity, check_bytes};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixtures folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

fn stem(p: &Path) -> String {
    p.file_stem().expect("stem").to_string_lossy().into_owned()
}

/// Every error-severity code of `Problem::code()` in src/minutes/check.rs, except `too_large` (a
/// 17 MiB file is made at run time by the hostile-input tests, not committed).
const ERROR_CODES: [&str; 26] = [
    "not_utf8",
    "syntax",
    "not_an_object",
    "wrong_format",
    "unsupported_version",
    "schema",
    "not_canonicalizable",
    "unknown_integrity",
    "digest_mismatch",
    "duplicate_member",
    "ends_before_start",
    "count_mismatch",
    "exclusion_inconsistent",
    "vote_in_kind_without_votes",
    "vote_body_wrong",
    "vote_rejected",
    "not_secret_ballot",
    "rule_mismatch",
    "expected_mismatch",
    "present_exceeds_check_ins",
    "written_from_present",
    "quorum_mismatch",
    "threshold_mismatch",
    "outcome_contradicts",
    "action_item_missing",
    "no_attendance",
];

#[test]
fn every_valid_fixture_checks_without_findings() {
    let files = json_files(&dir("valid"));
    assert!(files.len() >= 5);
    for f in files {
        let checked = check_bytes(&std::fs::read(&f).expect("read"));
        assert!(
            checked.is_valid(),
            "{}: {:?}",
            f.display(),
            checked.findings
        );
        assert!(
            checked.findings.is_empty(),
            "{}: {:?}",
            f.display(),
            checked.findings
        );
        assert!(checked.minutes.is_some());
    }
}

#[test]
fn valid_fixtures_cover_what_reviewers_meet() {
    let all: Vec<_> = json_files(&dir("valid"))
        .iter()
        .map(|f| {
            check_bytes(&std::fs::read(f).expect("read"))
                .minutes
                .expect("minutes")
        })
        .collect();
    let kinds: BTreeSet<MeetingKind> = all.iter().map(|m| m.kind).collect();
    assert_eq!(kinds.len(), MeetingKind::ALL.len());
    // Chinese content throughout.
    assert!(all.iter().all(|m| {
        m.title
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }));
    // An admission by secret ballot in a general assembly, counting written opinions of absent
    // full members.
    let admission = all
        .iter()
        .filter(|m| m.kind == MeetingKind::GeneralAssembly)
        .flat_map(|m| m.items.iter().map(move |i| (m, i)))
        .find(|(_, i)| i.item_type == ItemType::Admission)
        .expect("an admission");
    let vote = admission.1.vote.as_ref().expect("voted");
    assert_eq!(vote.method, VoteMethod::SecretBallot);
    assert!(!vote.written_opinions.is_empty());
    for w in &vote.written_opinions {
        let a = admission
            .0
            .attendance
            .iter()
            .find(|a| a.member_id == w.member_id)
            .expect("member");
        assert!(!a.status.attended() && a.counted);
    }
    // A village Party committee of 500.
    assert!(
        all.iter()
            .any(|m| m.attendance.len() == 500 && m.kind == MeetingKind::ThemedDay)
    );
    // A correction superseding another fixture.
    let correction = all
        .iter()
        .find(|m| m.supersedes.is_some())
        .expect("a correction");
    assert!(all.iter().any(|m| Some(m.id) == correction.supersedes));
}

#[test]
fn every_invalid_fixture_reports_the_error_it_is_named_after() {
    for f in json_files(&dir("invalid")) {
        let code = stem(&f);
        let checked = check_bytes(&std::fs::read(&f).expect("read"));
        assert!(!checked.is_valid(), "{code}.json checks valid");
        assert!(
            checked
                .findings
                .iter()
                .any(|x| x.severity == Severity::Error && x.problem.code() == code),
            "{code}.json: {:?}",
            checked.findings
        );
    }
}

#[test]
fn invalid_fixtures_cover_every_kind_of_error() {
    let stems: BTreeSet<String> = json_files(&dir("invalid"))
        .iter()
        .map(|f| stem(f))
        .collect();
    let codes: BTreeSet<String> = ERROR_CODES.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(stems, codes);
}

/// The version 2 fixtures: every meeting kind and what v2 adds, each signed; under the keyring
/// beside them each checks with no finding at all, and together they hold a round annulled and
/// held again, a member who left before a vote, a secret ballot with its tally, a deferral with
/// its reason and a correction with its reason.
#[test]
fn every_v2_fixture_is_signed_by_a_trusted_key_and_checks_clean() {
    let v2 = dir("valid-v2");
    let ring = branchday::keys::read_keyring(&v2.join("allowed_signers")).expect("keyring");
    let files = json_files(&v2);
    let mut kinds = BTreeSet::new();
    let (mut annulled, mut left, mut tallied, mut deferred, mut corrected) = (0, 0, 0, 0, 0);
    for f in &files {
        let mut checked = check_bytes(&std::fs::read(f).expect("read"));
        checked.trust(Some(&ring));
        assert!(
            checked.findings.is_empty(),
            "{}: {:?}",
            stem(f),
            checked.findings
        );
        assert!(checked.trusted, "{}: signed by the fixtures' key", stem(f));
        let m = checked.minutes.expect("minutes");
        assert_eq!(m.version, 2);
        kinds.insert(m.kind);
        for it in &m.items {
            annulled += it.rounds.iter().filter(|r| r.annulled.is_some()).count();
            for r in it.rounds.iter().filter(|r| r.annulled.is_none()) {
                tallied += usize::from(r.vote.ballots.is_some());
                deferred += usize::from(!r.vote.deferred_reason.is_empty());
            }
        }
        left += m.attendance.iter().filter(|a| a.left_at.is_some()).count();
        corrected += usize::from(m.supersedes.is_some() && !m.correction_reason.is_empty());
    }
    assert_eq!(kinds.len(), MeetingKind::ALL.len(), "every kind: {kinds:?}");
    assert!(annulled >= 1 && left >= 1 && tallied >= 1 && deferred >= 1 && corrected >= 1);
}
