//! Roster import as a library: CSV with Chinese and English headers, XLSX, bad rows with their line
//! numbers, hostile files, id reuse and the diff.

#![allow(clippy::unwrap_used)]

use branchday::domain::{
    Branch, CommitteeRole, Exclusion, ExclusionCategory, Member, Roster, Standing,
};
use branchday::roster_import::{
    self, FieldChange, FileError, Format, ImportError, Imported, RowProblem, diff,
};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/fixtures/rosters/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn branch() -> Branch {
    Branch {
        name: "城关镇东风社区党支部".into(),
        code: "DF-01".into(),
    }
}

fn import(format: Format, bytes: &[u8], old: Option<&Roster>) -> Result<Imported, ImportError> {
    roster_import::import(format, bytes, branch(), old)
}

fn file_error(format: Format, bytes: &[u8]) -> FileError {
    match import(format, bytes, None) {
        Err(ImportError::File(e)) => e,
        other => panic!("expected a file error, got {other:?}"),
    }
}

#[test]
fn chinese_csv_with_bom_crlf_title_columns_and_padding() {
    let got = import(Format::Csv, &fixture("roster_zh.csv"), None).unwrap();
    let r = &got.roster;
    assert_eq!(r.branch, branch());
    assert_eq!(r.members.len(), 8);
    assert_eq!(got.ignored_columns, vec!["序号", "联系电话"]);
    let m = |id: &str| r.member(id).unwrap();
    assert_eq!(m("m001").name, "王建国");
    assert_eq!(m("m001").committee_role, Some(CommitteeRole::Secretary));
    assert_eq!(
        m("m002").committee_role,
        Some(CommitteeRole::DeputySecretary)
    );
    assert_eq!(m("m003").committee_role, Some(CommitteeRole::Organization));
    // "刘  兰": the alignment spaces inside a Chinese name are removed.
    assert_eq!(m("m004").name, "刘兰");
    assert_eq!(m("m005").exclusion, None);
    assert_eq!(m("m006").standing, Standing::Probationary);
    assert_eq!(
        m("m007").exclusion,
        Some(Exclusion {
            category: ExclusionCategory::AwayWorkStudy,
            approval_ref: "城关镇党委〔2026〕12号, 附件".into(),
        })
    );
    assert!(!m("m007").counted());
    assert_eq!(m("m008").standing, Standing::Observation);
    assert_eq!(m("m008").group.as_deref(), Some("第二党小组"));
    let groups: Vec<&str> = r.groups.iter().map(|g| g.name.as_str()).collect();
    assert_eq!(groups, vec!["第一党小组", "第二党小组"]);
}

#[test]
fn english_csv_without_ids_gets_generated_ids() {
    let got = import(Format::Csv, &fixture("roster_en.csv"), None).unwrap();
    let r = &got.roster;
    let ids: Vec<&str> = r.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec!["m001", "m002", "m003", "m004", "m005"]);
    assert_eq!(r.members[0].name, "Alice Wang");
    assert_eq!(
        r.members[1].committee_role,
        Some(CommitteeRole::DeputySecretary)
    );
    assert_eq!(r.members[2].standing, Standing::Probationary);
    assert_eq!(
        r.members[3].exclusion.as_ref().map(|x| x.category),
        Some(ExclusionCategory::AbroadPrivate)
    );
    assert_eq!(r.members[4].standing, Standing::Suspended);
    assert_eq!(r.members[4].group, None);
}

#[test]
fn xlsx_with_a_title_row_numeric_ids_and_a_second_sheet() {
    let got = import(Format::Xlsx, &fixture("roster.xlsx"), None).unwrap();
    let r = &got.roster;
    let ids: Vec<&str> = r.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec!["1001", "1002", "1003", "1004"]);
    assert_eq!(r.members[1].committee_role, Some(CommitteeRole::Discipline));
    assert_eq!(r.members[2].standing, Standing::Probationary);
    assert_eq!(r.members[3].name, "欧阳明轩");
    assert_eq!(
        r.members[3].exclusion,
        Some(Exclusion {
            category: ExclusionCategory::Bedridden,
            approval_ref: "城关镇党委〔2026〕15号".into(),
        })
    );
    assert_eq!(got.ignored_columns, vec!["序号"]);
}

#[test]
fn every_bad_row_is_reported_with_its_line() {
    let Err(ImportError::Rows(errors)) = import(Format::Csv, &fixture("bad_rows.csv"), None) else {
        panic!("expected row errors");
    };
    let got: Vec<(usize, RowProblem)> = errors.into_iter().map(|e| (e.line, e.problem)).collect();
    use branchday::roster_import::Field;
    assert_eq!(
        got,
        vec![
            (3, RowProblem::MissingName),
            (4, RowProblem::UnknownStanding("群众".into())),
            (
                5,
                RowProblem::DuplicateId {
                    id: "m001".into(),
                    first_line: 2
                }
            ),
            (6, RowProblem::ExclusionWithoutApproval),
            (7, RowProblem::Formula(Field::Name)),
            (8, RowProblem::Control(Field::Name)),
            (9, RowProblem::UnknownRole("队长".into())),
        ]
    );
}

#[test]
fn hostile_xlsx_cells_are_rejected_by_row() {
    use branchday::roster_import::Field;
    let Err(ImportError::Rows(errors)) = import(Format::Xlsx, &fixture("hostile.xlsx"), None)
    else {
        panic!("expected row errors");
    };
    let got: Vec<(usize, RowProblem)> = errors.into_iter().map(|e| (e.line, e.problem)).collect();
    assert_eq!(
        got,
        vec![
            // A formula cell with no computed value reads as empty.
            (3, RowProblem::MissingName),
            (4, RowProblem::Formula(Field::Name)),
            (5, RowProblem::Control(Field::Name)),
        ]
    );
}

#[test]
fn other_row_problems() {
    let cases: &[(&str, RowProblem)] = &[
        ("张三,", RowProblem::MissingStanding),
        (
            "\u{202e}张三,正式党员",
            RowProblem::Control(roster_import::Field::Name),
        ),
        (
            "#N/A,正式党员",
            RowProblem::CellError(roster_import::Field::Name, "#N/A".into()),
        ),
        (
            "张三,正式党员,,城关镇党委〔2026〕1号",
            RowProblem::ApprovalWithoutExclusion,
        ),
        (
            "张三,正式党员,9,x",
            RowProblem::UnknownExclusion("9".into()),
        ),
        (
            &format!("{},正式党员", "名".repeat(200)),
            RowProblem::TooLong(roster_import::Field::Name),
        ),
    ];
    for (row, want) in cases {
        let csv = format!("姓名,类别,不计入应到会类别,批准文号\n{row}\n");
        let Err(ImportError::Rows(errors)) = import(Format::Csv, csv.as_bytes(), None) else {
            panic!("{row}: expected row errors");
        };
        assert_eq!(errors[0].line, 2, "{row}");
        assert_eq!(&errors[0].problem, want, "{row}");
    }
}

#[test]
fn hostile_and_wrong_files_give_clear_errors() {
    assert_eq!(file_error(Format::Csv, b""), FileError::Empty);
    // "姓名,类别\n张三,正式党员" saved as GBK by Excel.
    let gbk = b"\xd0\xd5\xc3\xfb,\xc0\xe0\xb1\xf0\r\n\xd5\xc5\xc8\xfd,\xd5\xfd\xca\xbd\xb5\xb3\xd4\xb1\r\n";
    let got = import(Format::Csv, gbk, None).unwrap();
    assert_eq!(got.roster.members[0].name, "张三");
    assert_eq!(got.encoding, Some(roster_import::TextEncoding::Gb18030));
    assert_eq!(
        file_error(Format::Csv, b"\xd0\xd5\xc3\xfb\r\n\x81"),
        FileError::NotUtf8 { line: 2 }
    );
    assert!(matches!(
        file_error(Format::Csv, b"\x89PNG\r\n\x1a\n\x00\x00"),
        FileError::Binary { .. }
    ));
    assert_eq!(
        file_error(Format::Csv, &fixture("roster.xlsx")),
        FileError::ZipInCsv
    );
    assert_eq!(
        file_error(Format::Xlsx, &fixture("roster_zh.csv")),
        FileError::NotXlsx
    );
    assert_eq!(
        file_error(Format::Xlsx, &fixture("bomb.xlsx")),
        FileError::XlsxTooLarge
    );
    assert_eq!(
        file_error(Format::Csv, "电话,地址\n1,2\n".as_bytes()),
        FileError::NoHeader
    );
    assert_eq!(
        file_error(Format::Csv, "姓名,类别\n".as_bytes()),
        FileError::NoMembers
    );
    assert!(matches!(
        file_error(Format::Csv, "姓名,name\n张三,李四\n".as_bytes()),
        FileError::DuplicateColumn { line: 1, .. }
    ));
    let wide = format!("姓名,{}\n", vec!["x"; 100_000].join(","));
    assert!(matches!(
        file_error(Format::Csv, wide.as_bytes()),
        FileError::TooManyColumns { line: 1 }
    ));
    let mut many = String::from("姓名,类别\n");
    for i in 0..(roster_import::MAX_ROWS + 5) {
        many.push_str(&format!("党员{i},正式党员\n"));
    }
    assert_eq!(
        file_error(Format::Csv, many.as_bytes()),
        FileError::TooManyRows
    );
    // An unpaired quote swallows the rest of the file into one cell: still an error, not a roster.
    assert!(import(Format::Csv, "姓名,类别\n\"张三,正式党员\n".as_bytes(), None).is_err());
    // Truncated or random workbooks.
    let xlsx = fixture("roster.xlsx");
    for cut in [10, 100, xlsx.len() / 2, xlsx.len() - 10] {
        assert!(import(Format::Xlsx, &xlsx[..cut], None).is_err());
    }
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut zipped = b"PK\x03\x04".to_vec();
    zipped.extend(&noise);
    assert!(import(Format::Xlsx, &zipped, None).is_err());
    assert!(import(Format::Csv, &noise, None).is_err());
}

fn member(id: &str, name: &str) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        standing: Standing::Full,
        group: None,
        committee_role: None,
        exclusion: None,
        joined: None,
        confirmed: None,
        out_of_contact: None,
    }
}

#[test]
fn ids_follow_names_from_the_old_roster_and_are_never_reused() {
    let old = Roster {
        branch: branch(),
        groups: Vec::new(),
        members: vec![
            member("m001", "王建国"),
            member("m002", "离开的人"),
            member("m003", "李秀英"),
        ],
        departed: Vec::new(),
    };
    let csv = "姓名,类别\n李秀英,正式党员\n新来的,预备党员\n王建国,正式党员\n";
    let got = import(Format::Csv, csv.as_bytes(), Some(&old)).unwrap();
    let ids: Vec<(&str, &str)> = got
        .roster
        .members
        .iter()
        .map(|m| (m.id.as_str(), m.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![("m003", "李秀英"), ("m004", "新来的"), ("m001", "王建国")]
    );
    // Two people of one name in the file: neither takes the old id.
    let csv = "姓名,类别\n王建国,正式党员\n王建国,正式党员\n";
    let got = import(Format::Csv, csv.as_bytes(), Some(&old)).unwrap();
    let ids: Vec<&str> = got.roster.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, vec!["m004", "m005"]);
    assert_eq!(got.repeated_names, vec!["王建国"]);
}

#[test]
fn diff_lists_added_removed_and_changed() {
    let old = import(Format::Csv, &fixture("roster_zh.csv"), None)
        .unwrap()
        .roster;
    let csv = "编号,姓名,类别,党小组,职务,不计入应到会类别,批准文号\n\
        m001,王建国,正式党员,第一党小组,书记,,\n\
        m002,李秀英,正式党员,第一党小组,副书记,,\n\
        m003,张志强,正式党员,第一党小组,组织委员,,\n\
        m004,刘兰,正式党员,第二党小组,,,\n\
        m005,欧阳明轩,正式党员,第一党小组,,1,城关镇党委〔2026〕20号\n\
        m006,宋佳怡,正式党员,第二党小组,宣传委员,,\n\
        m007,谢宏伟,正式党员,第一党小组,,5,\"城关镇党委〔2026〕12号, 附件\"\n\
        m009,新党员,预备党员,第二党小组,,,\n";
    let new = import(Format::Csv, csv.as_bytes(), Some(&old))
        .unwrap()
        .roster;
    let d = diff(&old, &new);
    assert!(d.branch.is_none());
    assert_eq!(
        d.added.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        vec!["m009"]
    );
    assert_eq!(
        d.removed.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(),
        vec!["m008"]
    );
    assert_eq!(d.unchanged, 4);
    let changed: Vec<(&str, &[FieldChange])> = d
        .changed
        .iter()
        .map(|c| (c.id.as_str(), c.fields.as_slice()))
        .collect();
    assert_eq!(changed.len(), 3);
    assert_eq!(
        changed[0],
        (
            "m002",
            &[FieldChange::Group(
                Some("第二党小组".into()),
                Some("第一党小组".into())
            )][..]
        )
    );
    assert!(matches!(
        changed[1].1,
        [FieldChange::Exclusion(
            None,
            Some(Exclusion {
                category: ExclusionCategory::Illness,
                ..
            })
        )]
    ));
    assert_eq!(
        changed[2],
        (
            "m006",
            &[
                FieldChange::Standing(Standing::Probationary, Standing::Full),
                FieldChange::Role(None, Some(CommitteeRole::Propaganda)),
            ][..]
        )
    );
    assert!(diff(&old, &old).is_empty());
}
