//! `branchday review --export-ledger FILE` through the real binary: the 审核台账 as CSV and as a
//! workbook, a line per meeting (copies once) with verdict, reviewer, time, comment and where a
//! returned file's 督办 stands; bad extensions and missing paths are usage errors.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use branchday::corpus::{CorpusSpec, generate, write_corpus};
use branchday::minutes::Minutes;
use branchday::review::remarks::{self, Remark, ReviewKey, Verdict};
use branchday::store::DataDir;
use calamine::{Data, Reader, Xlsx};
use predicates::prelude::*;

fn cmd(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env("BRANCHDAY_DATA_DIR", dir.join("data"))
        .env("HOME", dir.join("home"))
        .env_remove("BRANCHDAY_REVIEWER")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

fn remark(data: &DataDir, m: &Minutes, path: &Path, verdict: Verdict, comment: &str, at: &str) {
    let digest = branchday::minutes::read(path).unwrap().computed_digest;
    remarks::append(
        data,
        &ReviewKey::Minutes(m.id),
        Remark {
            reviewer: "组织员 李明".into(),
            at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            verdict,
            comment: comment.into(),
            digest,
        },
    )
    .unwrap();
}

struct Setup {
    dir: tempfile::TempDir,
    minutes: PathBuf,
    /// File names: the returned original, its approved correction, a file returned with no
    /// correction yet, and an approved file that also has a copy.
    original: String,
    correction: String,
    returned: String,
    approved: String,
    meetings: usize,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let minutes = dir.path().join("minutes");
    let spec = CorpusSpec::new(300, 9);
    let written = write_corpus(&minutes, &spec).unwrap();
    let corpus: Vec<Minutes> = generate(&spec).collect();
    assert_eq!(written, corpus.len());
    let c = corpus.iter().find(|m| m.supersedes.is_some()).unwrap();
    let o = corpus.iter().find(|m| Some(m.id) == c.supersedes).unwrap();
    let others: Vec<&Minutes> = corpus
        .iter()
        .filter(|m| m.id != c.id && m.id != o.id && m.supersedes.is_none())
        .filter(|m| !corpus.iter().any(|x| x.supersedes == Some(m.id)))
        .take(2)
        .collect();
    let data = DataDir::at(dir.path().join("data"));
    let path = |m: &Minutes| minutes.join(m.file_name());
    remark(
        &data,
        o,
        &path(o),
        Verdict::Returned,
        "缺少记录人签名。\n请补签后重新报送。",
        "2026-03-02T10:00:00+08:00",
    );
    remark(
        &data,
        c,
        &path(c),
        Verdict::Approved,
        "",
        "2026-03-05T09:30:00+08:00",
    );
    remark(
        &data,
        others[0],
        &path(others[0]),
        Verdict::Returned,
        "=表决票数与实到人数不符",
        "2026-03-03T15:00:00+08:00",
    );
    remark(
        &data,
        others[1],
        &path(others[1]),
        Verdict::Approved,
        "",
        "2026-03-04T08:05:00+08:00",
    );
    // The approved file also arrived under a second name: one meeting, one line.
    std::fs::copy(path(others[1]), minutes.join("copy-of-approved.json")).unwrap();
    Setup {
        meetings: corpus.len(),
        original: o.file_name(),
        correction: c.file_name(),
        returned: others[0].file_name(),
        approved: others[1].file_name(),
        minutes,
        dir,
    }
}

/// The rows by file name (first column after 序号), the header first.
fn by_file(rows: Vec<Vec<String>>) -> (Vec<String>, HashMap<String, Vec<String>>) {
    let mut it = rows.into_iter();
    let header = it.next().unwrap();
    let mut map = HashMap::new();
    for r in it {
        let name = r[1].split('（').next().unwrap().to_owned();
        assert!(map.insert(name, r).is_none(), "one line per meeting");
    }
    (header, map)
}

#[test]
fn the_ledger_lists_every_meeting_with_its_verdict_and_follow_up() {
    let s = setup();
    let csv_path = s.dir.path().join("审核台账.csv");
    cmd(s.dir.path())
        .args(["--lang", "zh", "review", "--export-ledger"])
        .arg(&csv_path)
        .arg(&s.minutes)
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("审核台账已写入").and(predicate::str::contains(format!(
                "（{} 个会议）",
                s.meetings
            ))),
        );
    let bytes = std::fs::read(&csv_path).unwrap();
    assert!(
        bytes.starts_with(b"\xef\xbb\xbf"),
        "a BOM, so Excel reads UTF-8"
    );
    assert!(String::from_utf8_lossy(&bytes).contains("\r\n"));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let (header, rows) = by_file(rows);
    assert_eq!(
        header,
        [
            "序号",
            "文件",
            "支部",
            "支部代码",
            "会议类型",
            "会议日期",
            "主题",
            "校验",
            "审阅结论",
            "审阅人",
            "审阅时间",
            "审阅意见",
            "督办"
        ]
    );
    assert_eq!(
        rows.len(),
        s.meetings,
        "the copy is not a meeting of its own"
    );

    let o = &rows[&s.original];
    assert_eq!(o[7], "已被更正");
    assert_eq!(o[8], "退回");
    assert_eq!(o[9], "组织员 李明");
    assert_eq!(o[10], "2026-03-02 10:00");
    assert_eq!(o[11], "缺少记录人签名。\n请补签后重新报送。");
    assert_eq!(o[12], format!("已更正（{}），更正件已通过", s.correction));
    let c = &rows[&s.correction];
    assert_eq!(
        (c[8].as_str(), c[10].as_str()),
        ("通过", "2026-03-05 09:30")
    );
    assert_eq!(c[12], "", "only a returned file has a follow-up");
    let r = &rows[&s.returned];
    assert_eq!(r[8], "退回");
    assert_eq!(
        r[11], "'=表决票数与实到人数不符",
        "never taken for a formula"
    );
    assert_eq!(r[12], "已退回，待支部报送更正件");
    // Either name may be the one listed; the other is its copy.
    let a = rows
        .get(&s.approved)
        .or_else(|| rows.get("copy-of-approved.json"))
        .unwrap();
    assert_eq!(a[8], "通过");
    assert!(a[1].contains("副本（1 份）"), "{:?}", a[1]);
    let unreviewed = rows.values().filter(|r| r[8] == "未审").count();
    assert_eq!(unreviewed, s.meetings - 4);
    assert!(
        rows.values()
            .filter(|r| r[8] == "未审")
            .all(|r| r[9].is_empty())
    );
    // In branch-code order, numbered from 1.
    let mut lines: Vec<&Vec<String>> = rows.values().collect();
    lines.sort_by_key(|r| r[0].parse::<usize>().unwrap());
    assert_eq!(lines[0][0], "1");
    assert!(lines.windows(2).all(|w| w[0][3] <= w[1][3]));

    // The workbook holds the same lines.
    let xlsx_path = s.dir.path().join("ledger.XLSX");
    cmd(s.dir.path())
        .args(["--lang", "en", "review", "--export-ledger"])
        .arg(&xlsx_path)
        .arg(&s.minutes)
        .assert()
        .code(0)
        .stderr(predicate::str::contains("ledger written to"));
    let mut wb: Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&xlsx_path).unwrap()))
            .unwrap();
    assert_eq!(wb.sheet_names(), ["Review ledger"]);
    let range = wb.worksheet_range("Review ledger").unwrap();
    let cells: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect();
    let (header, rows) = by_file(cells);
    assert_eq!(header[8], "Verdict");
    assert_eq!(rows.len(), s.meetings);
    assert_eq!(rows[&s.original][8], "returned");
    assert_eq!(
        rows[&s.original][12],
        format!("corrected ({}); the correction is approved", s.correction)
    );
    assert_eq!(rows[&s.returned][11], "=表决票数与实到人数不符");
}

#[test]
fn a_ledger_needs_a_known_extension_and_existing_paths() {
    let s = setup();
    let bad = s.dir.path().join("ledger.txt");
    cmd(s.dir.path())
        .args(["--lang", "zh", "review", "--export-ledger"])
        .arg(&bad)
        .arg(&s.minutes)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains(".xlsx 或 .csv")
                .and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
        );
    assert!(!bad.exists());
    let out = s.dir.path().join("ledger.csv");
    cmd(s.dir.path())
        .args(["--lang", "en", "review", "--export-ledger"])
        .arg(&out)
        .arg(s.dir.path().join("nowhere"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file or folder"));
    assert!(!out.exists());
}
