//! The Excel files read back with calamine: the sign-in sheet's cells equal the record, and the
//! statistics workbook's cells equal the figures `stats --json` prints for the same files.

// Counts are whole numbers stored as Excel numbers: comparing them exactly is right.
#![allow(clippy::unwrap_used, clippy::float_cmp)]

mod export_support;

use std::io::Cursor;
use std::path::Path;

use assert_cmd::Command;
use branchday::cli::ExportFormat;
use branchday::export::render_bytes;
use branchday::i18n::{Lang, Tr};
use calamine::{Data, Range, Reader, Xlsx};
use serde_json::Value;

const ZH: Tr = Tr(Lang::Zh);

fn workbook(bytes: Vec<u8>) -> Xlsx<Cursor<Vec<u8>>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap()
}

fn s(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

fn n(d: &Data) -> f64 {
    match d {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

fn rows(r: &Range<Data>) -> Vec<Vec<Data>> {
    r.rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn the_sign_in_sheet_lists_every_member_as_the_record_has_them() {
    let (m, _) = export_support::sample();
    let mut wb = workbook(render_bytes(&m, ExportFormat::Xlsx, ZH, &[]).unwrap());
    assert_eq!(wb.sheet_names(), vec!["参会人员签到表".to_owned()]);
    let range = wb.worksheet_range("参会人员签到表").unwrap();
    let rows = rows(&range);
    assert_eq!(s(&rows[0][0]), "参会人员签到表");
    assert!(s(&rows[1][0]).contains("城关镇东风社区党支部"));
    let head: Vec<String> = rows[3].iter().map(s).collect();
    assert_eq!(
        head,
        [
            "序号",
            "姓名",
            "类别",
            "计入应到",
            "情况",
            "签到时间",
            "本人签名"
        ]
    );
    let body = &rows[4..];
    assert_eq!(body.len(), m.attendance.len());
    let status = |a: &branchday::minutes::AttendanceEntry| ZH.status(a.status).to_owned();
    for (k, (row, a)) in body.iter().zip(&m.attendance).enumerate() {
        assert_eq!(n(&row[0]), (k + 1) as f64);
        assert_eq!(s(&row[1]), a.name);
        assert_eq!(s(&row[2]), ZH.standing(a.standing));
        assert_eq!(s(&row[3]), if a.counted { "是" } else { "否" });
        assert_eq!(s(&row[4]), status(a));
        let time = match a.status {
            branchday::domain::AttendanceStatus::Present
            | branchday::domain::AttendanceStatus::Late => a
                .checked_in_at
                .map(|t| t.format("%H:%M").to_string())
                .unwrap_or_default(),
            _ => String::new(),
        };
        assert_eq!(s(&row[5]), time, "{}", a.name);
        // The signature column is there to be filled in by hand.
        assert_eq!(row.get(6).map(s).unwrap_or_default(), "");
    }
    let xml = unzip(
        &render_bytes(&m, ExportFormat::Xlsx, ZH, &[]).unwrap(),
        "xl/worksheets/sheet1.xml",
    );
    assert!(xml.contains("ySplit=\"4\""), "the header row is frozen");
    assert!(xml.contains("paperSize=\"9\""), "A4");
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut f = z.by_name(name).unwrap();
    let mut s = String::new();
    std::io::Read::read_to_string(&mut f, &mut s).unwrap();
    s
}

fn cmd(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env("BRANCHDAY_DATA_DIR", dir.join("data"))
        .env("HOME", dir.join("home"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C");
    c
}

#[test]
fn the_statistics_workbook_holds_the_figures_stats_prints() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    cmd(dir.path())
        .args(["dev-corpus", "--count", "40", "--seed", "7", "--out"])
        .arg(&corpus)
        .assert()
        .success();
    let out = cmd(dir.path())
        .args(["--lang", "zh", "stats", "--json"])
        .arg(&corpus)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = dir.path().join("台账.xlsx");
    cmd(dir.path())
        .args(["--lang", "zh", "stats", "--xlsx"])
        .arg(&file)
        .arg(&corpus)
        .assert()
        .success()
        .stderr(predicates::str::contains("统计表已写入"));
    let mut wb = workbook(std::fs::read(&file).unwrap());
    assert_eq!(
        wb.sheet_names(),
        [
            "各月会议",
            "支部出勤",
            "党员出勤",
            "连续缺席",
            "议题结果",
            "三会一课落实情况"
        ]
        .map(str::to_owned)
    );

    // 三会一课落实情况: a line per branch and required meeting as in the JSON, a column per month
    // with the count held (✗ where the period was missed), and the periods missed.
    let table = rows(&wb.worksheet_range("三会一课落实情况").unwrap());
    let json_rows = v["fulfilment"].as_array().unwrap();
    assert!(!json_rows.is_empty());
    assert_eq!(table.len() - 1, json_rows.len());
    let months: Vec<String> = json_rows[0]["held"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let head: Vec<String> = table[0].iter().map(s).collect();
    assert_eq!(head[..3], ["支部", "支部代码", "会议"].map(str::to_owned));
    assert_eq!(head[3..3 + months.len()], months[..]);
    assert_eq!(head.last().unwrap(), "未开期数");
    let mut crosses = 0;
    for (row, jr) in table[1..].iter().zip(json_rows) {
        assert_eq!(s(&row[0]), jr["branch_name"].as_str().unwrap());
        assert_eq!(s(&row[1]), jr["branch_code"].as_str().unwrap());
        let missing = jr["missing"].as_array().unwrap();
        assert_eq!(n(row.last().unwrap()), missing.len() as f64, "{jr}");
        for (i, m) in months.iter().enumerate() {
            let held = jr["held"][m].as_u64().unwrap();
            let cell = &row[3 + i];
            if held > 0 {
                assert_eq!(n(cell), held as f64, "{jr} {m}");
            } else {
                assert!(matches!(s(cell).as_str(), "✗" | "·"), "{jr} {m}");
                crosses += usize::from(s(cell) == "✗");
            }
        }
    }
    let missed: usize = json_rows
        .iter()
        .map(|r| r["missing"].as_array().unwrap().len())
        .sum();
    assert!(missed > 0, "the corpus misses some meetings");
    assert!(crosses >= missed, "each missed period shows at least one ✗");

    // Meetings per month: one row per month, a column per kind, then public items and the total.
    let months = rows(&wb.worksheet_range("各月会议").unwrap());
    let json_months = v["months"].as_array().unwrap();
    assert_eq!(months.len() - 1, json_months.len());
    for (row, jm) in months[1..].iter().zip(json_months) {
        assert_eq!(s(&row[0]), jm["month"].as_str().unwrap());
        let total: u64 = jm["total"].as_u64().unwrap();
        assert_eq!(n(row.last().unwrap()), total as f64, "{jm}");
    }
    let meetings: f64 = months[1..].iter().map(|r| n(r.last().unwrap())).sum();
    assert_eq!(meetings, v["files"]["meetings_counted"].as_f64().unwrap());

    // Attendance per branch: counts and the rate as a number.
    let branches = rows(&wb.worksheet_range("支部出勤").unwrap());
    let json_branches = v["branches"].as_array().unwrap();
    assert_eq!(branches.len() - 1, json_branches.len());
    for (row, jb) in branches[1..].iter().zip(json_branches) {
        assert_eq!(s(&row[0]), jb["name"].as_str().unwrap());
        assert_eq!(s(&row[1]), jb["code"].as_str().unwrap());
        assert_eq!(n(&row[2]), jb["meetings"].as_f64().unwrap());
        let a = &jb["attendance"];
        assert_eq!(n(&row[3]), a["expected"].as_f64().unwrap());
        assert_eq!(n(&row[4]), a["attended"].as_f64().unwrap());
        assert_eq!(n(&row[5]), a["excused"].as_f64().unwrap());
        assert_eq!(n(&row[6]), a["absent"].as_f64().unwrap());
        let rate = n(&row[7]);
        let want = a["attended"].as_f64().unwrap() / a["expected"].as_f64().unwrap();
        assert!((rate - want).abs() < 1e-9, "{rate} {want}");
    }

    // Attendance per member and absence runs: one row each, names and counts as printed.
    let members = rows(&wb.worksheet_range("党员出勤").unwrap());
    let json_members = v["members"].as_array().unwrap();
    assert_eq!(members.len() - 1, json_members.len());
    for (row, jm) in members[1..].iter().zip(json_members) {
        assert_eq!(s(&row[1]), jm["name"].as_str().unwrap());
        assert_eq!(s(&row[2]), jm["member_id"].as_str().unwrap());
        assert_eq!(n(&row[3]), jm["attendance"]["expected"].as_f64().unwrap());
        assert_eq!(n(&row[4]), jm["attendance"]["attended"].as_f64().unwrap());
    }
    let absences = rows(&wb.worksheet_range("连续缺席").unwrap());
    let json_absences = v["absences"].as_array().unwrap();
    assert_eq!(absences.len() - 1, json_absences.len());
    for (row, ja) in absences[1..].iter().zip(json_absences) {
        assert_eq!(s(&row[1]), ja["name"].as_str().unwrap());
        assert_eq!(n(&row[3]), ja["length"].as_f64().unwrap());
    }

    // Items by outcome, then not voted and the total.
    let items = rows(&wb.worksheet_range("议题结果").unwrap());
    let by_outcome = v["items"]["by_outcome"].as_object().unwrap();
    // Rows 1–4: passed, failed, no quorum, deferred; row 5: not voted (the JSON's order).
    let cells: Vec<f64> = items[1..=5].iter().map(|r| n(&r[1])).collect();
    let want: Vec<f64> = by_outcome.values().map(|x| x.as_f64().unwrap()).collect();
    assert_eq!(cells, want);
    let total = items.iter().find(|r| s(&r[0]) == "议题合计").unwrap();
    assert_eq!(n(&total[1]), v["items"]["total"].as_f64().unwrap());

    // Header rows frozen; columns wide enough for the Chinese branch names.
    let xml = unzip(&std::fs::read(&file).unwrap(), "xl/worksheets/sheet2.xml");
    assert!(xml.contains("ySplit=\"1\""), "{xml}");
    let widest = json_branches
        .iter()
        .map(|b| branchday::texttable::width(b["name"].as_str().unwrap()))
        .max()
        .unwrap();
    let col = xml.split("<col ").nth(1).unwrap();
    let w: f64 = col
        .split("width=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        w >= widest as f64,
        "column A is {w} wide for {widest} columns of text"
    );
}
