//! Rosters as branches really keep them import whole: an xlsx 花名册 with a merged title, a notes
//! sheet, a 党小组 merged down, Excel dates, a 合计 row and signature lines; a GBK CSV saved by Excel
//! on a Chinese Windows; a UTF-8 CSV with a BOM, CRLF and full-width spaces inside names; 组长 in
//! the 职务 column. Each member with the right name, standing, 党小组 and group leader.

#![allow(clippy::unwrap_used)]

use branchday::domain::{Branch, CommitteeRole, Roster, Standing};
use branchday::roster_import::{
    self, FileError, Format, ImportError, Imported, Options, Skip, TextEncoding, Warning,
};
use chrono::NaiveDate;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/fixtures/rosters/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn opts(sheet: Option<&str>) -> Options {
    Options {
        branch: Branch {
            name: "城关镇东风社区党支部".into(),
            code: "DF-01".into(),
        },
        sheet: sheet.map(str::to_owned),
        today: Some(day("2026-12-01")),
    }
}

fn import(format: Format, name: &str, sheet: Option<&str>) -> Imported {
    roster_import::import_with(format, &fixture(name), &opts(sheet), None).unwrap()
}

/// (name, standing, group, leads the group) for every member, in file order.
fn members(r: &Roster) -> Vec<(String, Standing, String, &'static str)> {
    r.members
        .iter()
        .map(|m| {
            let g = m.group.clone().unwrap_or_default();
            let group = r.groups.iter().find(|x| x.name == g);
            let place = if group.is_some_and(|x| x.leader.as_deref() == Some(m.id.as_str())) {
                "组长"
            } else if group.is_some_and(|x| x.deputy.as_deref() == Some(m.id.as_str())) {
                "副组长"
            } else {
                ""
            };
            (m.name.clone(), m.standing, g, place)
        })
        .collect()
}

fn row(
    name: &str,
    standing: Standing,
    group: &str,
    place: &'static str,
) -> (String, Standing, String, &'static str) {
    (name.to_owned(), standing, group.to_owned(), place)
}

use Standing::{Full, Observation, Probationary};

#[test]
fn xlsx_with_title_notes_sheet_merged_groups_and_a_total_row() {
    let got = import(Format::Xlsx, "title_total.xlsx", None);
    assert_eq!(got.sheet.as_deref(), Some("花名册"));
    assert_eq!(got.encoding, None);
    let one = "第一党小组";
    let two = "第二党小组";
    assert_eq!(
        members(&got.roster),
        vec![
            row("王建国", Full, one, ""),
            row("张志强", Full, one, "组长"),
            row("宋佳怡", Probationary, one, ""),
            row("李秀英", Full, two, ""),
            row("赵丽", Full, two, "组长"),
            row("陈晓明", Full, two, "副组长"),
            row("谢宏伟", Observation, two, ""),
        ]
    );
    let r = &got.roster;
    let m = |name: &str| r.members.iter().find(|m| m.name == name).unwrap();
    // 组长 and 副组长 are places in the 党小组, not on the committee.
    assert_eq!(m("张志强").committee_role, None);
    assert_eq!(m("王建国").committee_role, Some(CommitteeRole::Secretary));
    assert_eq!(m("谢宏伟").committee_role, Some(CommitteeRole::Discipline));
    assert_eq!(m("王建国").joined, Some(day("1990-07-01")));
    assert_eq!(m("王建国").confirmed, Some(day("1991-07-01")));
    assert_eq!(m("宋佳怡").joined, Some(day("2025-12-20")));
    assert_eq!(m("宋佳怡").confirmed, None);
    let skipped: Vec<(usize, Skip)> = got.skipped.iter().map(|s| (s.line, s.why)).collect();
    assert_eq!(
        skipped,
        vec![
            (1, Skip::Title),
            (2, Skip::Title),
            (11, Skip::Total),
            (13, Skip::Footer),
            (14, Skip::Footer),
        ]
    );
    // Personal columns are neither stored nor silently dropped.
    assert_eq!(
        got.ignored_columns,
        vec!["序号", "性别", "出生年月", "家庭住址"]
    );
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

#[test]
fn a_sheet_named_or_numbered_is_the_one_read() {
    let got = import(Format::Xlsx, "title_total.xlsx", Some("2"));
    assert_eq!(got.roster.members.len(), 7);
    let bytes = fixture("title_total.xlsx");
    let err =
        |sheet: &str| roster_import::import_with(Format::Xlsx, &bytes, &opts(Some(sheet)), None);
    assert_eq!(
        err("填表说明"),
        Err(ImportError::File(FileError::NoHeaderInSheet {
            sheet: "填表说明".into()
        }))
    );
    assert_eq!(
        err("名单"),
        Err(ImportError::File(FileError::NoSuchSheet {
            wanted: "名单".into(),
            sheets: vec!["填表说明".into(), "花名册".into()]
        }))
    );
}

#[test]
fn gbk_csv_from_excel_on_a_chinese_windows() {
    let got = import(Format::Csv, "gbk_excel.csv", None);
    assert_eq!(got.encoding, Some(TextEncoding::Gb18030));
    let one = "第一党小组";
    let two = "第二党小组";
    assert_eq!(
        members(&got.roster),
        vec![
            row("王建国", Full, one, ""),
            row("李秀英", Full, two, ""),
            row("张志强", Full, one, "组长"),
            row("赵丽", Full, two, "组长"),
            row("陈晓明", Full, two, "副组长"),
            row("宋佳怡", Probationary, one, ""),
        ]
    );
    let r = &got.roster;
    assert_eq!(r.members[1].joined, Some(day("1995-06-01")));
    assert_eq!(r.members[2].joined, Some(day("2001-07-01")));
    assert_eq!(r.members[3].confirmed, Some(day("2009-05-04")));
    assert_eq!(
        r.members[1].committee_role,
        Some(CommitteeRole::DeputySecretary)
    );
    let skipped: Vec<(usize, Skip)> = got.skipped.iter().map(|s| (s.line, s.why)).collect();
    assert_eq!(
        skipped,
        vec![
            (1, Skip::Title),
            (2, Skip::Title),
            (11, Skip::Total),
            (12, Skip::Footer)
        ]
    );
    assert_eq!(
        got.ignored_columns,
        vec!["序号", "性别", "身份证号", "联系电话"]
    );
    // 宋佳怡 joined on 2025-06-30: by 2026-12-01 her year of probation has ended.
    assert_eq!(
        got.warnings,
        vec![Warning::ProbationEnded {
            name: "宋佳怡".into(),
            joined: day("2025-06-30"),
            ended: day("2026-06-30"),
        }]
    );
}

#[test]
fn utf8_bom_csv_with_crlf_and_full_width_spaces_inside_names() {
    let got = import(Format::Csv, "bom_crlf_fullwidth.csv", None);
    assert_eq!(got.encoding, Some(TextEncoding::Utf8Bom));
    let one = "第一党小组";
    let two = "第二党小组";
    assert_eq!(
        members(&got.roster),
        vec![
            row("欧阳明轩", Full, one, ""),
            row("王伟", Full, one, "组长"),
            row("李娜", Probationary, two, ""),
            row("刘兰", Full, two, "组长"),
            row("周杰", Full, two, ""),
        ]
    );
    assert_eq!(
        got.roster.members[0].committee_role,
        Some(CommitteeRole::Secretary)
    );
    assert_eq!(
        got.roster.members[4].committee_role,
        Some(CommitteeRole::Propaganda)
    );
    let skipped: Vec<(usize, Skip)> = got.skipped.iter().map(|s| (s.line, s.why)).collect();
    assert_eq!(skipped, vec![(7, Skip::Total)]);
    // 李娜 joined 2026-03-15: probation runs to 2027-03-15, no warning yet.
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
}

#[test]
fn warnings_for_two_secretaries_two_groups_and_the_same_name() {
    let csv = "姓名,类别,党小组,职务\n王建国,正式党员,第一党小组,书记\n李秀英,正式党员,第二党小组,书记\n张伟,正式党员,第一党小组,\n张伟,正式党员,第二党小组,\n刘兰,正式党员,第一党小组,\n刘兰,正式党员,第一党小组,\n";
    let got = roster_import::import_with(Format::Csv, csv.as_bytes(), &opts(None), None).unwrap();
    assert_eq!(got.roster.members.len(), 6);
    assert_eq!(
        got.warnings,
        vec![
            Warning::TwoSecretaries {
                names: vec!["王建国".into(), "李秀英".into()]
            },
            Warning::TwoGroups {
                name: "张伟".into(),
                groups: vec!["第一党小组".into(), "第二党小组".into()]
            },
            Warning::SameName {
                name: "刘兰".into(),
                ids: vec!["m005".into(), "m006".into()]
            },
        ]
    );
}

#[test]
fn a_bad_date_or_two_places_name_the_row() {
    use branchday::roster_import::{Field, RowError, RowProblem};
    let csv = "姓名,类别,职务,入党时间\n王建国,正式党员,书记,去年\n李秀英,正式党员,书记、副书记,2001-01-01\n";
    assert_eq!(
        roster_import::import_with(Format::Csv, csv.as_bytes(), &opts(None), None),
        Err(ImportError::Rows(vec![
            RowError {
                line: 2,
                problem: RowProblem::BadDate(Field::Joined, "去年".into())
            },
            RowError {
                line: 3,
                problem: RowProblem::TwoDuties("书记、副书记".into())
            },
        ]))
    );
}
