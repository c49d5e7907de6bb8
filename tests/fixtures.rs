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
