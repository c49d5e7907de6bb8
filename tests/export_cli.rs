//! `branchday export` through the real binary: exit codes and messages.

#![allow(clippy::unwrap_used)]

mod export_support;

use assert_cmd::Command;
use predicates::prelude::*;

/// The binary with its data directory, home and XDG folders inside `dir`: an export never lands in
/// the real home.
fn cmd(dir: &std::path::Path) -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env("BRANCHDAY_DATA_DIR", dir.join("data"))
        .env("HOME", dir.join("home"))
        .env("XDG_CONFIG_HOME", dir.join("home/.config"))
        .env("XDG_DATA_HOME", dir.join("home/.local/share"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

/// A committed fixture exported as Chinese text (exit 0).
fn zh_txt_of(dir: &std::path::Path, fixture: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(fixture);
    let out = cmd(dir)
        .args(["--lang", "zh", "export", "--output", "-", "--format", "txt"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{fixture}");
    String::from_utf8(out.stdout).unwrap()
}

fn write_sample(dir: &std::path::Path) -> std::path::PathBuf {
    let (_, bytes) = export_support::sample();
    let p = dir.join("m.json");
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn exports_each_format_with_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_sample(dir.path());
    for (f, marker) in [
        ("md", "# 支部党员大会会议记录"),
        ("txt", "支部党员大会会议记录"),
        ("html", "<!DOCTYPE html>"),
    ] {
        cmd(dir.path())
            .args(["--lang", "zh", "export", "--output", "-", "--format", f])
            .arg(&p)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(marker))
            .stdout(predicate::str::contains("（会议结束）"))
            .stderr(predicate::str::is_empty());
    }
    cmd(dir.path())
        .args(["--lang", "en", "export", "-o", "-", "--format", "txt"])
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("(End of meeting)"));
}

fn one_line_naming(name: &'static str) -> impl Predicate<str> {
    predicate::function(move |s: &str| s.lines().count() == 1 && s.contains(name))
}

#[test]
fn missing_file_is_exit_1_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path())
        .args(["export", "--format", "md", "nowhere.json"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(one_line_naming("nowhere.json"));
}

#[test]
fn files_that_are_not_minutes_are_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        (
            "roster.json",
            &br#"{"branch": {"name": "x"}, "members": []}"#[..],
        ),
        ("broken.json", &b"{\"format\": \"branchday.minutes\", "[..]),
        ("binary.json", &b"\x00\xff\xfe\x1b[31m"[..]),
        ("empty.json", &b""[..]),
        (
            "schema.json",
            &br#"{"format": "branchday.minutes", "version": 1}"#[..],
        ),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        cmd(dir.path())
            .args(["export", "--format", "html"])
            .arg(&p)
            .assert()
            .code(1)
            .stdout(predicate::str::is_empty())
            .stderr(one_line_naming(name))
            .stderr(predicate::str::contains("\u{1b}").not());
    }
}

#[test]
fn a_tampered_file_exports_with_a_warning_and_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let (_, bytes) = export_support::sample();
    let text = String::from_utf8(bytes)
        .unwrap()
        .replace("住院治疗", "出差开会");
    let p = dir.path().join("tampered.json");
    std::fs::write(&p, text).unwrap();
    cmd(dir.path())
        .args(["--lang", "zh", "export", "--output", "-", "--format", "txt"])
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("未通过校验"))
        .stdout(predicate::str::contains("摘要不符"))
        .stdout(predicate::str::contains("出差开会"))
        .stderr(one_line_naming("tampered.json"))
        .stderr(predicate::str::contains("警告"));
}

#[test]
fn usage_errors_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_sample(dir.path());
    cmd(dir.path())
        .args(["export", "--format", "pdf"])
        .arg(&p)
        .assert()
        .code(2);
    cmd(dir.path()).arg("export").arg(&p).assert().code(2);
    cmd(dir.path())
        .args(["export", "--format", "md"])
        .assert()
        .code(2);
}

/// What format v2 adds reads on paper: a deferral with its reason and no counts, and a secret
/// ballot's tally with its 监票人 and 计票人.
#[test]
fn a_v2_record_prints_its_deferral_reason_and_ballot_tally() {
    let dir = tempfile::tempdir().unwrap();
    let text = zh_txt_of(dir.path(), "fixtures/valid-v2/general_assembly_revote.json");
    assert!(text.contains("暂缓原因"), "{text}");
    assert!(text.contains("下次党员大会再议"), "{text}");
    assert!(
        text.contains("发出 21 张，收回 21 张，有效 21 张，无效 0 张"),
        "{text}"
    );
    assert!(text.contains("监票人 王建国"), "{text}");
    assert!(
        !text.contains("赞成 0 票"),
        "a deferral prints no counts:\n{text}"
    );
}

/// A correction's printed record says 更正件 in its title, with the reason it was corrected.
#[test]
fn a_correction_says_so_in_its_title() {
    let dir = tempfile::tempdir().unwrap();
    let text = zh_txt_of(dir.path(), "fixtures/valid-v2/committee_correction.json");
    assert!(text.contains("支部委员会会议会议记录（更正件）"), "{text}");
    assert!(text.contains("更正原因"), "{text}");
    assert!(text.contains("应为张志强"), "{text}");
    assert!(!zh_txt_of(dir.path(), "fixtures/valid-v2/committee.json").contains("更正件"));
}

/// Without `--output` the record goes into the Documents folder under branchday/, and the full
/// path is printed.
#[test]
fn exports_go_to_the_documents_folder_and_the_path_is_printed() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_sample(dir.path());
    let config = dir.path().join("home/.config");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(
        config.join("user-dirs.dirs"),
        "XDG_DOCUMENTS_DIR=\"$HOME/文档\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join("home/文档")).unwrap();
    for (f, ext) in [("docx", "docx"), ("xlsx", "xlsx"), ("html", "html")] {
        let out = dir.path().join(format!("home/文档/branchday/m.zh.{ext}"));
        cmd(dir.path())
            .args(["--lang", "zh", "export", "--format", f])
            .arg(&p)
            .assert()
            .code(0)
            .stdout(predicate::str::diff(format!("已导出：{}\n", out.display())))
            .stderr(predicate::str::is_empty());
        let bytes = std::fs::read(&out).unwrap();
        assert!(!bytes.is_empty(), "{f}");
    }
}

/// No Documents folder: `~/branchday`, and a line on standard error says so.
#[test]
fn without_a_documents_folder_exports_fall_back_to_the_home_folder() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_sample(dir.path());
    let out = dir.path().join("home/branchday/m.en.txt");
    cmd(dir.path())
        .args(["--lang", "en", "export", "--format", "txt"])
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::diff(format!(
            "exported to {}\n",
            out.display()
        )))
        .stderr(one_line_naming("no Documents folder"));
    assert!(
        std::fs::read_to_string(out)
            .unwrap()
            .contains("(End of meeting)")
    );
}

/// `--output FILE` writes there; `--output -` sends even a binary format down a pipe.
#[test]
fn output_names_the_file_or_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = write_sample(dir.path());
    let file = dir.path().join("签到表.xlsx");
    cmd(dir.path())
        .args(["--lang", "zh", "export", "--format", "xlsx", "--output"])
        .arg(&file)
        .arg(&p)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(file.to_string_lossy().as_ref()));
    assert!(std::fs::read(&file).unwrap().starts_with(b"PK"));
    let out = cmd(dir.path())
        .args(["export", "--format", "docx", "--output", "-"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK"), "a zip package");
    assert!(!dir.path().join("home/branchday").exists());
}
