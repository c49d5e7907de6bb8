//! `branchday validate` as a user runs it: exit codes, one `PATH: error|warning: message` line per
//! finding, `--json` lines, recursive folders and missing paths.

mod support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use branchday::minutes::check_bytes;
use predicates::prelude::*;
use serde_json::Value;

fn branchday() -> Command {
    let mut c = Command::cargo_bin("branchday").expect("binary");
    c.timeout(support::DEADLINE);
    c
}

fn fixtures(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(kind)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    out
}

#[test]
fn valid_fixtures_exit_0_with_nothing_on_stdout() {
    // Version 1 and version 2 (signed, and checked against their keyring) fixtures alike.
    let v2 = fixtures("valid-v2");
    branchday()
        .args(["--lang", "en", "validate", "--trust"])
        .arg(v2.join("allowed_signers"))
        .arg(fixtures("valid"))
        .arg(&v2)
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("17 files checked: 17 valid"))
        .stderr(predicate::str::contains("8 of version 1, 9 of version 2"));
}

#[test]
fn invalid_fixtures_exit_1_with_one_line_per_finding() {
    let files = json_files(&fixtures("invalid"));
    let out = branchday()
        .args(["--lang", "en", "validate"])
        .args(&files)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    let mut expected_lines = 0;
    for f in &files {
        let findings = check_bytes(&std::fs::read(f).expect("read")).findings.len();
        expected_lines += findings;
        let prefix = format!("{}: error: ", f.display());
        let lines = stdout.lines().filter(|l| l.starts_with(&prefix)).count();
        assert_eq!(lines, findings, "{}", f.display());
    }
    assert_eq!(stdout.lines().count(), expected_lines);
    for line in stdout.lines() {
        let (_, rest) = line.split_once(": error: ").expect("PATH: error: message");
        assert!(!rest.trim().is_empty());
    }
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    assert!(stderr.contains(&format!("{} files checked: 0 valid", files.len())));
}

#[test]
fn warnings_alone_keep_exit_0() {
    let dir = tempfile::tempdir().expect("tmp");
    let bytes = support::changed(|d| d["place"] = Value::from(""));
    // Re-seal the digest so that the missing place is the only finding.
    let mut doc: Value = serde_json::from_slice(&bytes).expect("json");
    let digest = branchday::minutes::canonical::digest_without_integrity(&doc).expect("canonical");
    doc["integrity"]["digest"] = Value::from(digest);
    let path = dir.path().join("no_place.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&doc).expect("json")).expect("write");
    branchday()
        .args(["--lang", "en", "validate"])
        .arg(&path)
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(format!(
            "{}: warning: ",
            path.display()
        )))
        .stderr(predicate::str::contains("1 with warnings"));
}

#[test]
fn usage_errors_exit_2() {
    branchday()
        .arg("validate")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty());
    branchday()
        .args(["validate", "--frobnicate"])
        .arg(fixtures("valid"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--frobnicate"));
    branchday()
        .args(["--lang", "xx", "validate"])
        .arg(fixtures("valid"))
        .assert()
        .code(2);
}

#[test]
fn json_lines_carry_path_validity_and_findings() {
    let out = branchday()
        .args(["validate", "--json"])
        .arg(fixtures("valid"))
        .arg(fixtures("valid-v2"))
        .arg(fixtures("invalid"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    let mut valid = json_files(&fixtures("valid"));
    valid.extend(json_files(&fixtures("valid-v2")));
    let invalid = json_files(&fixtures("invalid"));
    assert_eq!(lines.len(), valid.len() + invalid.len());
    for v in &lines {
        let path = PathBuf::from(v["path"].as_str().expect("path"));
        let findings = v["findings"].as_array().expect("findings");
        let is_valid = v["valid"].as_bool().expect("valid");
        if path.starts_with(fixtures("valid")) || path.starts_with(fixtures("valid-v2")) {
            assert!(is_valid, "{}", path.display());
            // Without --trust here, a v2 file's one finding is its unchecked signer.
            assert!(
                findings.iter().all(|f| f["code"] == "unknown_signer"),
                "{}: {findings:?}",
                path.display()
            );
            assert_eq!(v["digest"].as_str().map(str::len), Some(64));
        } else {
            assert!(!is_valid, "{}", path.display());
            let stem = path.file_stem().expect("stem").to_string_lossy();
            assert!(
                findings
                    .iter()
                    .any(|f| f["code"] == *stem && f["severity"] == "error"),
                "{}: {findings:?}",
                path.display()
            );
            assert!(
                findings
                    .iter()
                    .all(|f| f["message"].as_str().is_some_and(|m| !m.is_empty()))
            );
        }
    }
}

#[test]
fn folders_are_searched_recursively() {
    let dir = tempfile::tempdir().expect("tmp");
    let deep = dir.path().join("2026").join("03").join("东风社区");
    std::fs::create_dir_all(&deep).expect("mkdir");
    std::fs::copy(fixtures("valid/themed_day.json"), deep.join("a.json")).expect("copy");
    std::fs::copy(
        fixtures("invalid/count_mismatch.json"),
        dir.path().join("2026").join("b.json"),
    )
    .expect("copy");
    // Not minutes files: other extensions and hidden temporary files are skipped.
    std::fs::write(deep.join("notes.txt"), "x").expect("write");
    std::fs::write(deep.join(".a.json.1234.tmp"), "{").expect("write");
    std::fs::write(deep.join(".hidden.json"), "{").expect("write");
    let out = branchday()
        .args(["--lang", "en", "validate"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("b.json: error: counts.present_total"));
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    assert!(stderr.contains("2 files checked: 1 valid"), "{stderr}");
}

#[test]
fn a_missing_path_is_named_and_the_rest_still_checked() {
    let missing = Path::new("/nonexistent/branchday/minutes.json");
    branchday()
        .args(["--lang", "en", "validate"])
        .arg(missing)
        .arg(fixtures("valid/themed_day.json"))
        .assert()
        .code(1)
        .stdout(format!(
            "{}: error: no such file or folder; check the path\n",
            missing.display()
        ))
        .stderr(predicate::str::contains(
            "2 files checked: 1 valid (0 with warnings), 1 invalid",
        ));
    branchday()
        .args(["--lang", "zh", "validate"])
        .arg(missing)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("路径不存在"));
}

#[test]
fn parallel_checking_reports_in_input_order_like_sequential() {
    use branchday::minutes::{self, files};
    let dir = tempfile::tempdir().expect("tmp");
    let spec = branchday::corpus::CorpusSpec::new(300, 17);
    branchday::corpus::write_corpus(dir.path(), &spec).expect("corpus");
    for f in json_files(&fixtures("invalid")) {
        std::fs::copy(&f, dir.path().join(f.file_name().expect("name"))).expect("copy");
    }
    let (all, missing) = files::collect(&[dir.path().to_path_buf()]);
    assert!(missing.is_empty());
    assert_eq!(all.len(), 300 + 26);
    let codes = |p: &std::path::PathBuf| {
        let codes: Vec<&str> = minutes::read(p)
            .or_else(minutes::ReadError::judged)
            .expect("readable")
            .findings
            .iter()
            .map(|f| f.problem.code())
            .collect();
        (p.clone(), codes)
    };
    let one: Vec<_> = all.iter().map(codes).collect();
    assert_eq!(one.len(), all.len());
    assert_eq!(one.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(), all);
    assert_eq!(branchday::parallel::map(&all, codes), one);
}

/// The same record under two names is said once as a copy; the same id with different content is
/// said as a conflict (both warnings on the later file; the figures count one record either way).
#[test]
fn copies_and_conflicting_ids_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let original = std::fs::read(fixtures("valid").join("themed_day.json")).expect("fixture");
    std::fs::write(dir.path().join("a.json"), &original).expect("write");
    std::fs::write(dir.path().join("b-copy.json"), &original).expect("write");
    let out = branchday()
        .args(["--lang", "en", "validate"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("b-copy.json: warning: the same record as") && text.contains("a.json"),
        "{text}"
    );

    // A different content under the same id, sealed with its own (correct) digest.
    let mut doc: Value = serde_json::from_slice(&original).expect("json");
    doc["place"] = Value::String("村委会二楼".into());
    let digest = branchday::minutes::canonical::digest_without_integrity(&doc).expect("digest");
    doc["integrity"]["digest"] = Value::String(digest);
    std::fs::remove_file(dir.path().join("b-copy.json")).expect("rm");
    std::fs::write(
        dir.path().join("c-other.json"),
        serde_json::to_vec_pretty(&doc).expect("bytes"),
    )
    .expect("write");
    let out = branchday()
        .args(["--lang", "en", "validate"])
        .arg(dir.path())
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        text.contains("c-other.json: warning: conflict: the same id as"),
        "{text}"
    );
}

#[test]
fn a_clock_set_to_no_instant_is_a_usage_error_naming_the_variable_and_the_fix() {
    let valid = json_files(&fixtures("valid"));
    for lang in ["en", "zh"] {
        branchday()
            .args(["--lang", lang, "validate"])
            .arg(&valid[0])
            .env("BRANCHDAY_CLOCK", "明天下午")
            .assert()
            .code(2)
            .stdout("")
            .stderr(
                predicate::str::contains("BRANCHDAY_CLOCK")
                    .and(predicate::str::contains("明天下午"))
                    .and(predicate::str::contains("RFC 3339"))
                    .and(predicate::str::contains("2026-11-26T14:00:00+08:00"))
                    .and(predicate::str::is_match("^[^\n]+\n$").expect("regex")),
            );
    }
    // A set clock is taken: the same file validates.
    branchday()
        .arg("validate")
        .arg(&valid[0])
        .env("BRANCHDAY_CLOCK", "2026-11-26T14:00:00+08:00")
        .assert()
        .code(0);
}
