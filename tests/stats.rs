//! `branchday stats` over a small corpus with hand-computed figures.
//!
//! Branch A, months 2026-01..08: a themed day every month, a committee meeting in March, a
//! group meeting (second group) in May, a lecture in June. Branch B (B-02): themed days in
//! January–March, with items; its January file is duplicated and its February file corrected.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use branchday::domain::{CommitteeRole, ItemStage, MeetingKind, Roster, Standing};
use serde_json::{Value, json};
use support::corpus::{self, ItemSpec, Mark, MeetingSpec};
use uuid::Uuid;

use Mark::{Absent, ExcusedUnapproved as Unapproved, Late, Leave, Present, Unmarked};

fn roster_a() -> Roster {
    use Standing::{Full, Probationary};
    corpus::roster(
        "A-01",
        "东风社区党支部",
        &[
            (
                "m001",
                "王建国",
                Full,
                "一组",
                Some(CommitteeRole::Secretary),
                false,
            ),
            (
                "m002",
                "李秀英",
                Full,
                "一组",
                Some(CommitteeRole::DeputySecretary),
                false,
            ),
            ("m003", "张志强", Full, "二组", None, false),
            ("m004", "刘桂兰", Full, "二组", None, false),
            ("m005", "陈国华", Probationary, "一组", None, false),
            ("m006", "杨春梅", Full, "二组", None, true),
        ],
    )
}

fn roster_b() -> Roster {
    use Standing::Full;
    corpus::roster(
        "B-02",
        "西湖村党支部",
        &[
            (
                "m001",
                "赵德胜",
                Full,
                "一组",
                Some(CommitteeRole::Secretary),
                false,
            ),
            ("m002", "黄丽娟", Full, "一组", None, false),
            ("m003", "周永平", Full, "一组", None, false),
        ],
    )
}

/// Write the corpus; returns the folder.
fn write_corpus(dir: &Path) {
    let a = roster_a();
    let b = roster_b();
    let months_m002 = [
        Absent, Absent, Absent, Present, Absent, Present, Present, Present,
    ];
    let months_m003 = [
        Absent, Absent, Absent, Leave, Absent, Absent, Absent, Absent,
    ];
    let months_m004 = [
        Absent, Unapproved, Unapproved, Present, Present, Present, Present, Present,
    ];
    for month in 1..=8usize {
        let i = month - 1;
        let start = format!("2026-{month:02}-05T09:00:00+08:00");
        let marks = [
            ("m001", if month == 1 { Late } else { Present }),
            ("m002", months_m002[i]),
            ("m003", months_m003[i]),
            ("m004", months_m004[i]),
            ("m005", if month == 2 { Present } else { Leave }),
            ("m006", Unmarked),
        ];
        let m = corpus::build(&MeetingSpec {
            id: Uuid::now_v7(),
            supersedes: None,
            roster: &a,
            kind: MeetingKind::ThemedDay,
            group: None,
            start: &start,
            marks: &marks,
            items: &[],
        });
        corpus::write(dir, &format!("a-themed-{month:02}.json"), &m);
    }
    let other = |kind, group, start: &str, marks: &[(&'static str, Mark)], name: &str| {
        let m = corpus::build(&MeetingSpec {
            id: Uuid::now_v7(),
            supersedes: None,
            roster: &a,
            kind,
            group,
            start,
            marks,
            items: &[],
        });
        corpus::write(dir, name, &m);
    };
    other(
        MeetingKind::Committee,
        None,
        "2026-03-15T14:00:00+08:00",
        &[("m001", Present), ("m002", Present)],
        "a-committee-03.json",
    );
    other(
        MeetingKind::Group,
        Some("二组"),
        "2026-05-20T19:00:00+08:00",
        &[("m003", Absent), ("m004", Present)],
        "a-group-05.json",
    );
    other(
        MeetingKind::Lecture,
        None,
        "2026-06-10T09:00:00+08:00",
        &[
            ("m001", Present),
            ("m002", Present),
            ("m003", Absent),
            ("m004", Present),
            ("m005", Present),
        ],
        "a-lecture-06.json",
    );

    // Branch B: m001 absent every month (only after the February correction).
    let b_marks_absent = [("m001", Absent), ("m002", Present), ("m003", Present)];
    let b_marks_present = [("m001", Present), ("m002", Present), ("m003", Present)];
    let jan = corpus::build(&MeetingSpec {
        id: Uuid::now_v7(),
        supersedes: None,
        roster: &b,
        kind: MeetingKind::ThemedDay,
        group: None,
        start: "2026-01-08T09:00:00+08:00",
        marks: &b_marks_absent,
        items: &[ItemSpec {
            title: "修缮村道",
            stage: None,
            vote: Some((2, 0, 0)),
            deferred: false,
        }],
    });
    corpus::write(dir, "b-01.json", &jan);
    corpus::write(dir, "b-01-copy.json", &jan);
    let public_item = [ItemSpec {
        title: "村集体经济项目",
        stage: Some(ItemStage::Proposal),
        vote: None,
        deferred: false,
    }];
    let feb = corpus::build(&MeetingSpec {
        id: Uuid::now_v7(),
        supersedes: None,
        roster: &b,
        kind: MeetingKind::ThemedDay,
        group: None,
        start: "2026-02-08T09:00:00+08:00",
        marks: &b_marks_present,
        items: &public_item,
    });
    corpus::write(dir, "b-02.json", &feb);
    let feb_fixed = corpus::build(&MeetingSpec {
        id: Uuid::now_v7(),
        supersedes: Some(feb.id),
        roster: &b,
        kind: MeetingKind::ThemedDay,
        group: None,
        start: "2026-02-08T09:00:00+08:00",
        marks: &b_marks_absent,
        items: &public_item,
    });
    corpus::write(dir, "b-02-corrected.json", &feb_fixed);
    let mar = corpus::build(&MeetingSpec {
        id: Uuid::now_v7(),
        supersedes: None,
        roster: &b,
        kind: MeetingKind::ThemedDay,
        group: None,
        start: "2026-03-08T09:00:00+08:00",
        marks: &b_marks_absent,
        items: &[
            ItemSpec {
                title: "新建活动室",
                stage: None,
                vote: Some((1, 1, 0)),
                deferred: false,
            },
            ItemSpec {
                title: "调整土地",
                stage: None,
                vote: Some((1, 1, 0)),
                deferred: true,
            },
        ],
    });
    corpus::write(dir, "b-03.json", &mar);

    // Two invalid files.
    std::fs::write(dir.join("broken.json"), "{\"format\": ").expect("write");
    let text = std::fs::read_to_string(dir.join("b-03.json")).expect("read");
    std::fs::write(
        dir.join("tampered.json"),
        text.replace("新建活动室", "新建广场"),
    )
    .expect("write");
}

fn stats(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_branchday"))
        .args(["stats"])
        .arg(dir)
        .args(args)
        .output()
        .expect("run branchday")
}

fn json_of(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn member<'a>(v: &'a Value, code: &str, id: &str) -> &'a Value {
    v["members"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["branch_code"] == code && m["member_id"] == id)
        .expect("member row")
}

#[test]
fn figures_match_the_hand_computed_corpus() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let out = stats(dir.path(), &["--json"]);
    // Invalid files make the exit code 1 but never abort the run.
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);

    assert_eq!(
        v["files"],
        json!({"valid": 16, "invalid": 2, "meetings_counted": 14, "duplicates_dropped": 1,
               "superseded": 1, "outside_period": 0})
    );
    let invalid: Vec<&str> = v["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    assert_eq!(invalid.len(), 2);
    assert!(invalid.iter().any(|p| p.ends_with("broken.json")));
    assert!(invalid.iter().any(|p| p.ends_with("tampered.json")));
    assert_eq!(v["duplicates"][0]["identical"], true);
    // Identical copies: the first in path order is kept ("b-01-copy" sorts before "b-01.").
    assert!(
        v["duplicates"][0]["kept"]
            .as_str()
            .unwrap()
            .ends_with("b-01-copy.json")
    );
    assert!(
        v["duplicates"][0]["dropped"][0]
            .as_str()
            .unwrap()
            .ends_with("b-01.json")
    );
    assert!(
        v["superseded"][0]["path"]
            .as_str()
            .unwrap()
            .ends_with("b-02.json")
    );
    assert!(
        v["superseded"][0]["by_path"]
            .as_str()
            .unwrap()
            .ends_with("b-02-corrected.json")
    );

    let row = |month: &str, td: u64, ga: u64, co: u64, gr: u64, le: u64, public: u64| {
        json!({"month": month, "themed_day": td, "general_assembly": ga, "committee": co,
               "group": gr, "lecture": le, "life_meeting": 0, "public_items": public,
               "total": td + ga + co + gr + le})
    };
    assert_eq!(
        v["months"],
        json!([
            row("2026-01", 2, 0, 0, 0, 0, 0),
            row("2026-02", 2, 0, 0, 0, 0, 1),
            row("2026-03", 2, 0, 1, 0, 0, 0),
            row("2026-04", 1, 0, 0, 0, 0, 0),
            row("2026-05", 1, 0, 0, 1, 0, 0),
            row("2026-06", 1, 0, 0, 0, 1, 0),
            row("2026-07", 1, 0, 0, 0, 0, 0),
            row("2026-08", 1, 0, 0, 0, 0, 0),
        ])
    );

    assert_eq!(
        v["branches"],
        json!([
            {"code": "A-01", "name": "东风社区党支部", "meetings": 11,
             "per_kind": {"themed_day": 8, "general_assembly": 0, "committee": 1, "group": 1,
                          "lecture": 1, "life_meeting": 0},
             "attendance": {"expected": 49, "attended": 25, "excused": 10, "absent": 14, "rate": 0.5102}},
            {"code": "B-02", "name": "西湖村党支部", "meetings": 3,
             "per_kind": {"themed_day": 3, "general_assembly": 0, "committee": 0, "group": 0,
                          "lecture": 0, "life_meeting": 0},
             "attendance": {"expected": 9, "attended": 6, "excused": 0, "absent": 3, "rate": 0.6667}},
        ])
    );

    let att = |e: u64, a: u64, x: u64, ab: u64| {
        let rate = if e == 0 {
            Value::Null
        } else {
            json!(((a as f64 / e as f64) * 10_000.0).round() / 10_000.0)
        };
        json!({"expected": e, "attended": a, "excused": x, "absent": ab, "rate": rate})
    };
    assert_eq!(member(&v, "A-01", "m001")["attendance"], att(10, 10, 0, 0));
    assert_eq!(member(&v, "A-01", "m002")["attendance"], att(10, 6, 0, 4));
    assert_eq!(member(&v, "A-01", "m003")["attendance"], att(10, 0, 1, 9));
    assert_eq!(member(&v, "A-01", "m004")["attendance"], att(10, 7, 2, 1));
    assert_eq!(member(&v, "A-01", "m005")["attendance"], att(9, 2, 7, 0));
    assert_eq!(member(&v, "A-01", "m006")["attendance"], att(0, 0, 0, 0));
    assert_eq!(member(&v, "B-02", "m001")["attendance"], att(3, 0, 0, 3));
    assert_eq!(member(&v, "B-02", "m001")["name"], "赵德胜");
    assert_eq!(v["members"].as_array().unwrap().len(), 9);

    assert_eq!(
        v["items"],
        json!({"total": 4,
               "by_outcome": {"passed": 1, "failed": 1, "no_quorum": 0, "deferred": 1, "not_voted": 1},
               "public": 1,
               "public_by_stage": {"proposal": 1, "consultation": 0, "assembly_review": 0,
                                   "residents_resolution": 0, "decision_published": 0,
                                   "result_published": 0}})
    );

    // m002's January–February run is broken by the March committee meeting she attended; m003's
    // April leave neither breaks nor extends his run; m004's unapproved leave counts as absence;
    // m005's approved leave never does; m006 is not in 应到会; B's m001 depends on the correction.
    assert_eq!(
        v["absences"],
        json!([
            {"branch_code": "A-01", "branch_name": "东风社区党支部", "member_id": "m003",
             "name": "张志强",
             "months": ["2026-01", "2026-02", "2026-03", "2026-05", "2026-06", "2026-07", "2026-08"],
             "length": 7, "level": "serious", "ongoing": true},
            {"branch_code": "A-01", "branch_name": "东风社区党支部", "member_id": "m004",
             "name": "刘桂兰", "months": ["2026-01", "2026-02", "2026-03"],
             "length": 3, "level": "warning", "ongoing": false},
            {"branch_code": "B-02", "branch_name": "西湖村党支部", "member_id": "m001",
             "name": "赵德胜", "months": ["2026-01", "2026-02", "2026-03"],
             "length": 3, "level": "warning", "ongoing": true},
        ])
    );
}

#[test]
fn the_period_limits_meetings_and_absence_runs() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let v = json_of(&stats(
        dir.path(),
        &["--json", "--from", "2026-02", "--to", "2026-03"],
    ));
    assert_eq!(v["period"], json!({"from": "2026-02", "to": "2026-03"}));
    assert_eq!(v["files"]["meetings_counted"], 5);
    assert_eq!(v["files"]["outside_period"], 9);
    assert_eq!(v["months"].as_array().unwrap().len(), 2);
    // All three runs of the year touch February–March: each is shown whole, with its true length
    // and whether it goes on (measured over every file given, not cut at the period's edge).
    let year = json_of(&stats(dir.path(), &["--json"]));
    assert_eq!(v["absences"], year["absences"]);
    assert_eq!(v["absences"].as_array().unwrap().len(), 3);
    let whole = json!([
        "2026-01", "2026-02", "2026-03", "2026-05", "2026-06", "2026-07", "2026-08"
    ]);

    // From May on: the same run, not a shorter one starting in May.
    let v = json_of(&stats(dir.path(), &["--json", "--from", "2026-05"]));
    let runs = v["absences"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["member_id"], "m003");
    assert_eq!(runs[0]["months"], whole);
    assert_eq!(runs[0]["level"], "serious");

    // A period after the run's last month does not show it.
    let v = json_of(&stats(dir.path(), &["--json", "--from", "2026-09"]));
    assert_eq!(v["absences"], json!([]));
}

/// An 8-month run seen from a quarter inside it is one run of 8 months (重点提醒), with its true
/// first and last month; a run that ended inside the period (the member came back) is not
/// "持续至今". Hand-computed: m002 is absent January–August and present again in September.
#[test]
fn a_quarter_shows_the_whole_run_and_whether_it_goes_on() {
    use support::corpus::{build, roster, write};
    let dir = tempfile::tempdir().unwrap();
    let r = roster(
        "T-09",
        "柳河村党支部",
        &[
            (
                "m001",
                "王建国",
                Standing::Full,
                "一组",
                Some(CommitteeRole::Secretary),
                false,
            ),
            ("m002", "李秀英", Standing::Full, "一组", None, false),
        ],
    );
    for month in 1..=9u32 {
        let start = format!("2026-{month:02}-10T09:00:00+08:00");
        let m002 = if month <= 8 {
            Mark::Absent
        } else {
            Mark::Present
        };
        let m = build(&MeetingSpec {
            id: Uuid::now_v7(),
            supersedes: None,
            roster: &r,
            kind: MeetingKind::ThemedDay,
            group: None,
            start: &start,
            marks: &[("m001", Mark::Present), ("m002", m002)],
            items: &[],
        });
        write(dir.path(), &format!("m{month:02}.json"), &m);
    }
    let v = json_of(&stats(
        dir.path(),
        &["--json", "--from", "2026-04", "--to", "2026-06"],
    ));
    let runs = v["absences"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    let months: Vec<String> = (1..=8).map(|m| format!("2026-{m:02}")).collect();
    assert_eq!(runs[0]["months"], json!(months));
    assert_eq!(runs[0]["level"], "serious");
    assert_eq!(runs[0]["ongoing"], false);
    // The same run from the whole year, and the table says it ended (no 持续至今).
    let zh = stats(
        dir.path(),
        &["--lang", "zh", "--from", "2026-04", "--to", "2026-06"],
    );
    let text = String::from_utf8(zh.stdout).unwrap();
    assert!(
        text.contains("重点提醒") && !text.contains("持续至今"),
        "{text}"
    );
}

#[test]
fn bad_months_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["--from", "2026-13"][..],
        &["--to", "March"][..],
        &["--from", "2026-05", "--to", "2026-04"][..],
    ] {
        let out = stats(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM") || args.len() == 4);
    }
}

#[test]
fn the_table_is_readable_in_chinese_and_english() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let zh = stats(dir.path(), &["--lang", "zh"]);
    let text = String::from_utf8(zh.stdout).unwrap();
    for needle in [
        "每月会议次数",
        "主题党日",
        "各支部出席率",
        "东风社区党支部",
        "51.0%",
        "张志强",
        "重点提醒",
        "2026-01 2026-02 2026-03 2026-05 2026-06 2026-07 2026-08（持续至今）",
        "支部大会",
        "已由",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
    // Invalid files are listed on standard error, not in the tables.
    let err = String::from_utf8(zh.stderr).unwrap();
    assert!(
        err.contains("broken.json") && err.contains("tampered.json"),
        "{err}"
    );
    // Columns line up by display width in every table.
    let mut block: Vec<&str> = Vec::new();
    for line in text.lines().chain([""]) {
        if line.starts_with("  ") && !line.starts_with("   ") {
            block.push(line);
        } else {
            if block.len() >= 3 && block[1].trim_start().starts_with('─') {
                let rule = unicode_width::UnicodeWidthStr::width(block[1]);
                for l in &block[2..] {
                    assert!(unicode_width::UnicodeWidthStr::width(*l) <= rule, "{l}");
                }
            }
            block.clear();
        }
    }
    let en = stats(dir.path(), &["--lang", "en"]);
    let text = String::from_utf8(en.stdout).unwrap();
    for needle in [
        "Meetings per month",
        "Attendance per member",
        "serious",
        "warning",
        "(ongoing)",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
    assert!(!text.contains("脱党"));
}

/// A path that does not exist is a mistake in the command (exit 2), not an empty report; a month
/// written `2026-3` is read as 2026-03 and the reader is told so.
#[test]
fn a_missing_path_is_a_usage_error_and_short_months_are_read_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let out = Command::new(env!("CARGO_BIN_EXE_branchday"))
        .args(["--lang", "en", "stats"])
        .arg(dir.path().join("no-such-folder"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no-such-folder") && err.contains("no such file"),
        "{err}"
    );
    assert!(out.stdout.is_empty(), "no report for a mistyped path");

    let out = stats(
        dir.path(),
        &["--json", "--from", "2026-2", "--to", "2026-03"],
    );
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(err.contains("--from 2026-2 was read as 2026-02"), "{err}");
    let v = json_of(&out);
    assert_eq!(v["period"], json!({"from": "2026-02", "to": "2026-03"}));
}

/// Two different files under one id, finalized at the same moment: which one counts is decided by
/// their content, never by the order they are given in (`stats a b` and `stats b a` agree), and the
/// report names the file it counted.
#[test]
fn a_conflict_at_the_same_finalize_time_counts_the_same_whatever_the_order() {
    let dir = tempfile::tempdir().unwrap();
    let r = corpus::roster(
        "T-07",
        "石桥村党支部",
        &[
            (
                "m001",
                "王建国",
                Standing::Full,
                "一组",
                Some(CommitteeRole::Secretary),
                false,
            ),
            ("m002", "李秀英", Standing::Full, "一组", None, false),
        ],
    );
    let id = Uuid::now_v7();
    let spec = |yes: (u32, u32, u32)| {
        corpus::build(&MeetingSpec {
            id,
            supersedes: None,
            roster: &r,
            kind: MeetingKind::ThemedDay,
            group: None,
            start: "2026-04-10T09:00:00+08:00",
            marks: &[("m001", Present), ("m002", Present)],
            items: &[ItemSpec {
                title: "修缮村道",
                stage: None,
                vote: Some(yes),
                deferred: false,
            }],
        })
    };
    let (a, b) = (spec((2, 0, 0)), spec((0, 2, 0)));
    assert_eq!(a.finalized_at, b.finalized_at);
    let (pa, _) = corpus::write(dir.path(), "a.json", &a);
    let (pb, _) = corpus::write(dir.path(), "b.json", &b);
    let run = |first: &Path, second: &Path| {
        let out = Command::new(env!("CARGO_BIN_EXE_branchday"))
            .args(["--lang", "en", "stats", "--json"])
            .arg(first)
            .arg(second)
            .output()
            .unwrap();
        json_of(&out)
    };
    let ab = run(&pa, &pb);
    let ba = run(&pb, &pa);
    assert_eq!(ab["items"], ba["items"]);
    assert_eq!(ab["duplicates"], ba["duplicates"]);
    assert_eq!(ab["files"]["duplicates_dropped"], 1);
    let kept = ab["duplicates"][0]["kept"].as_str().unwrap().to_owned();
    assert!(kept.ends_with("a.json") || kept.ends_with("b.json"), "{ab}");
}
