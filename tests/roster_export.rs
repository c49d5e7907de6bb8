//! `branchday roster import` of real shapes through the binary (the preview names the encoding, the
//! sheet, what was left out and each 党小组 with its leader), and `roster export` back out as CSV
//! (UTF-8 with a BOM) and XLSX, each of which imports again unchanged.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use branchday::domain::{Branch, Roster};
use branchday::roster_import::{self, Format};
use branchday::store::DataDir;
use predicates::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/rosters")
        .join(name)
}

fn cmd(data: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env_remove("BRANCHDAY_DATA_DIR")
        .args(["--lang", lang, "--data-dir"])
        .arg(data);
    c
}

const BRANCH: [&str; 4] = ["--branch", "城关镇东风社区党支部", "--code", "DF-01"];

#[test]
fn gbk_preview_names_the_encoding_what_was_left_out_and_the_leaders() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "zh")
        .args(["roster", "import", "--dry-run"])
        .arg(fixture("gbk_excel.csv"))
        .args(BRANCH)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("文件编码：GBK/GB18030"))
        .stdout(predicate::str::contains(
            "已跳过（不是党员）：标题行（第 1、2 行）；合计行（第 11 行）；制表人、日期、备注等行（第 12 行）",
        ))
        .stdout(predicate::str::contains("第一党小组：3 人，组长 张志强"))
        .stdout(predicate::str::contains(
            "第二党小组：3 人，组长 赵丽，副组长 陈晓明",
        ))
        .stdout(predicate::str::contains("未使用的列：序号、性别、身份证号、联系电话"))
        .stdout(predicate::str::contains("预备党员 宋佳怡 入党时间 2025-06-30"));
    cmd(dir.path(), "en")
        .args(["roster", "import", "--dry-run"])
        .arg(fixture("title_total.xlsx"))
        .args(BRANCH)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("Sheet: 花名册"))
        .stdout(predicate::str::contains("title rows (line 1, 2)"))
        .stdout(predicate::str::contains(
            "第二党小组: 4 members, leader 赵丽, deputy 陈晓明",
        ));
    cmd(dir.path(), "en")
        .args(["roster", "import", "--dry-run", "--sheet", "名单"])
        .arg(fixture("title_total.xlsx"))
        .args(BRANCH)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "title_total.xlsx: the workbook has no sheet \"名单\"; its sheets are: 填表说明, 花名册",
        ));
}

fn imported(format: Format, bytes: &[u8]) -> Roster {
    let branch = Branch {
        name: "城关镇东风社区党支部".into(),
        code: "DF-01".into(),
    };
    roster_import::import(format, bytes, branch, None)
        .unwrap()
        .roster
}

#[test]
fn export_as_csv_and_xlsx_imports_back_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "zh")
        .args(["roster", "import", "--yes"])
        .arg(fixture("title_total.xlsx"))
        .args(BRANCH)
        .assert()
        .code(0);
    let kept = DataDir::at(dir.path()).load_roster().unwrap().unwrap();
    // The import is kept in the roster history.
    let history = branchday::roster_history::load(&DataDir::at(dir.path())).unwrap();
    assert!(matches!(
        history.as_slice(),
        [h] if matches!(h.change, branchday::domain::roster_change::RosterChange::Imported { members: 7, .. })
    ));
    for (lang, format, name) in [
        ("zh", "csv", "out.csv"),
        ("en", "csv", "out_en.csv"),
        ("zh", "xlsx", "out.xlsx"),
        ("en", "xlsx", "out_en.xlsx"),
    ] {
        let out = dir.path().join(name);
        cmd(dir.path(), lang)
            .args(["roster", "export", "--format", format, "--output"])
            .arg(&out)
            .assert()
            .code(0)
            .stdout(predicate::str::contains(name));
        let bytes = std::fs::read(&out).unwrap();
        let f = if format == "csv" {
            assert!(bytes.starts_with(b"\xef\xbb\xbf"), "a BOM for Excel");
            assert!(String::from_utf8_lossy(&bytes).contains("\r\n"));
            Format::Csv
        } else {
            Format::Xlsx
        };
        let back = imported(f, &bytes);
        assert_eq!(back.members, kept.members, "{name}");
        assert_eq!(back.groups, kept.groups, "{name}");
    }
}

#[test]
fn export_without_a_roster_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "en")
        .args(["roster", "export", "--format", "csv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("roster import"));
}
