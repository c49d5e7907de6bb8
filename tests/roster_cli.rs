//! `branchday roster import` and `roster show` through the real binary, and the confirmation
//! question through the library.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use branchday::commands::roster::{ImportOptions, import};
use branchday::i18n::{Lang, Tr};
use branchday::store::DataDir;
use branchday::texttable::width;
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
fn yes_writes_a_roster_that_loads_back() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "zh")
        .args(["roster", "import"])
        .arg(fixture("roster_zh.csv"))
        .args(BRANCH)
        .arg("--yes")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("新增 8 人"))
        .stdout(predicate::str::contains("已写入"));
    let r = DataDir::at(dir.path()).load_roster().unwrap().unwrap();
    assert_eq!(r.members.len(), 8);
    assert_eq!(r.branch.name, "城关镇东风社区党支部");
    assert_eq!(r.branch.code, "DF-01");

    // The branch is kept on the next import; an identical file changes nothing.
    cmd(dir.path(), "zh")
        .args(["roster", "import", "--yes"])
        .arg(fixture("roster_zh.csv"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("名册没有变化"));

    // An XLSX replacing it shows who goes and who comes.
    cmd(dir.path(), "en")
        .args(["roster", "import", "--yes"])
        .arg(fixture("roster.xlsx"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("4 added:"))
        .stdout(predicate::str::contains("8 removed"));
    let r = DataDir::at(dir.path()).load_roster().unwrap().unwrap();
    assert_eq!(r.members.len(), 4);
    assert_eq!(r.branch.code, "DF-01");
}

#[test]
fn dry_run_and_no_terminal_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "en")
        .args(["roster", "import", "--dry-run"])
        .arg(fixture("roster_en.csv"))
        .args(BRANCH)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("5 added:"))
        .stdout(predicate::str::contains("Alice Wang"))
        .stdout(predicate::str::contains("Dry run: nothing written."));
    assert!(!dir.path().join("roster.json").exists());
    // Standard input is not a terminal here, and there is no --yes: preview, then refuse.
    cmd(dir.path(), "en")
        .args(["roster", "import"])
        .arg(fixture("roster_en.csv"))
        .args(BRANCH)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("Alice Wang"))
        .stderr(predicate::str::contains("--yes"));
    assert!(!dir.path().join("roster.json").exists());
}

#[test]
fn bad_rows_write_nothing_and_name_each_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path(), "en")
        .args(["roster", "import", "--yes"])
        .arg(fixture("bad_rows.csv"))
        .args(BRANCH)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    for line in [3, 4, 5, 6, 7, 8, 9] {
        assert!(err.contains(&format!("bad_rows.csv:{line}: ")), "{err}");
    }
    assert!(err.contains("id m001 is already used on line 2"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(!err.contains('\u{1b}'), "escape reached the terminal");
    assert!(!dir.path().join("roster.json").exists());
}

#[test]
fn wrong_files_are_exit_1_and_missing_branch_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    // Neither UTF-8 nor GBK: a lone GBK lead byte at the end.
    let gbk = dir.path().join("gbk.csv");
    std::fs::write(&gbk, b"\xd0\xd5\xc3\xfb,\xc0\xe0\xb1\xf0\r\n\x81").unwrap();
    let txt = dir.path().join("roster.txt");
    std::fs::write(&txt, "姓名\n").unwrap();
    let huge = dir.path().join("huge.csv");
    std::fs::write(&huge, vec![b'a'; 9 * 1024 * 1024]).unwrap();
    let binary = dir.path().join("binary.xlsx");
    std::fs::write(&binary, b"\x00\x01\x02\x1b[31m").unwrap();
    for (file, needle) in [
        (huge, "huge.csv"),
        (binary, "binary.xlsx"),
        (gbk, "UTF-8"),
        (txt, ".csv"),
        (dir.path().join("missing.csv"), "missing.csv"),
    ] {
        cmd(dir.path(), "zh")
            .args(["roster", "import", "--yes"])
            .arg(&file)
            .args(BRANCH)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(needle));
    }
    cmd(dir.path(), "zh")
        .args(["roster", "import", "--yes"])
        .arg(fixture("roster_zh.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--branch"));
    cmd(dir.path(), "en")
        .args(["roster", "import", "--yes", "--branch", "bad\u{1b}[31m"])
        .arg(fixture("roster_zh.csv"))
        .assert()
        .code(2);
    assert!(!dir.path().join("roster.json").exists());
}

#[test]
fn show_prints_an_aligned_table() {
    let dir = tempfile::tempdir().unwrap();
    cmd(dir.path(), "zh")
        .args(["roster", "show"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("roster import"));
    cmd(dir.path(), "zh")
        .args(["roster", "import", "--yes"])
        .arg(fixture("roster_zh.csv"))
        .args(BRANCH)
        .assert()
        .code(0);
    let out = cmd(dir.path(), "zh")
        .args(["roster", "show"])
        .assert()
        .code(0)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].contains("共 8 名党员"), "{out}");
    assert!(lines[0].contains("正式党员 6 人"), "{out}");
    let col = |l: &str, needle: &str| l.find(needle).map(|i| width(&l[..i]));
    let header = lines[1];
    let standing = col(header, "类别").unwrap();
    let group = col(header, "党小组").unwrap();
    for (line, name) in [
        (lines[3], "王建国"),
        (lines[7], "欧阳明轩"),
        (lines[8], "宋佳怡"),
    ] {
        assert!(line.contains(name), "{line}");
        let st = col(line, "正式党员").or_else(|| col(line, "预备党员"));
        assert_eq!(st, Some(standing), "{line}");
        assert_eq!(col(line, "第"), Some(group), "{line}");
    }
}

fn options() -> ImportOptions {
    ImportOptions {
        yes: false,
        dry_run: false,
        branch: Some("城关镇东风社区党支部".into()),
        code: None,
        sheet: None,
        today: None,
        at: None,
        interactive: true,
    }
}

#[test]
fn on_a_terminal_the_answer_decides() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path());
    let tr = Tr(Lang::Zh);
    let file = fixture("roster_en.csv");
    for no in ["n\n", "\n", ""] {
        let code = import(&data, &file, &options(), tr, &mut no.as_bytes());
        assert_eq!(code, 1, "{no:?}");
        assert!(data.load_roster().unwrap().is_none());
    }
    let code = import(&data, &file, &options(), tr, &mut "y\n".as_bytes());
    assert_eq!(code, 0);
    assert_eq!(data.load_roster().unwrap().unwrap().members.len(), 5);
}
