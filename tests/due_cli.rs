//! `branchday stats --due`: per branch, what 三会一课 asks this month and quarter and what is done,
//! as text and as JSON, judged on the day `--as-of` gives.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn cmd(data: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env_remove("BRANCHDAY_DATA_DIR")
        .args(["--lang", lang, "--data-dir"])
        .arg(data);
    c
}

fn fixtures() -> String {
    format!("{}/fixtures/valid", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn json_per_branch_with_held_due_and_overdue() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path(), "en")
        .args(["stats", "--due", "--json", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["format"], "branchday.due");
    assert_eq!(v["as_of"], "2026-03-31");
    let demo = v["branches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == "DEMO-0001")
        .unwrap();
    let due = demo["due"].as_array().unwrap();
    let line = |kind: &str, group: Option<&str>| {
        due.iter()
            .find(|l| l["kind"] == kind && l["group"].as_str() == group)
            .unwrap()
    };
    assert_eq!(line("themed_day", None)["state"], "held");
    assert_eq!(line("themed_day", None)["held"], 1);
    assert_eq!(line("themed_day", None)["period"], "2026-03");
    assert_eq!(line("general_assembly", None)["every"], "quarter");
    assert_eq!(line("general_assembly", None)["period"], "2026-01");
    assert_eq!(line("group", Some("第二党小组"))["state"], "held");
    // The defaults were written where the secretary can edit them.
    assert!(dir.path().join("cadence.json").exists());
}

#[test]
fn text_names_each_branch_and_frequencies_are_data() {
    let dir = tempfile::tempdir().unwrap();
    // Only the themed day, and yearly.
    std::fs::write(
        dir.path().join("cadence.json"),
        r#"[{"kind": "themed_day", "every": "year"}]"#,
    )
    .unwrap();
    cmd(dir.path(), "zh")
        .args(["stats", "--due", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "三会一课落实情况（截至 2026-03-31，仅作提醒）",
        ))
        .stdout(predicate::str::contains("城关镇东风社区党支部 (DEMO-0001)"))
        .stdout(predicate::str::contains("支部主题党日（每年）"))
        .stdout(predicate::str::contains("支部委员会会议").not());
    cmd(dir.path(), "en")
        .args(["stats", "--due", "--as-of", "31/03/2026"])
        .arg(fixtures())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write it as 2026-12-01"));
    std::fs::write(dir.path().join("cadence.json"), "{oops").unwrap();
    cmd(dir.path(), "en")
        .args(["stats", "--due", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "cadence.json: the meeting frequencies cannot be read",
        ));
}

#[test]
fn stats_carries_the_fulfilment_table_and_counts_per_kind() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path(), "en")
        .args(["stats", "--json", "--from", "2026-01", "--to", "2026-03"])
        .arg(fixtures())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v["fulfilment"].as_array().unwrap();
    let themed = rows
        .iter()
        .find(|r| r["branch_code"] == "DEMO-0001" && r["kind"] == "themed_day")
        .unwrap();
    assert_eq!(themed["held"]["2026-03"], 1);
    assert_eq!(themed["held"]["2026-01"], 0);
    assert_eq!(themed["missing"], serde_json::json!(["2026-01", "2026-02"]));
    let demo = v["branches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["code"] == "DEMO-0001")
        .unwrap();
    assert_eq!(demo["per_kind"]["themed_day"], 1);
    cmd(dir.path(), "zh")
        .args(["stats", "--from", "2026-01", "--to", "2026-03"])
        .arg(fixtures())
        .assert()
        .stdout(predicate::str::contains("三会一课落实情况"))
        .stdout(predicate::str::contains("✗"));
}

/// The 转正 reminders come from the roster kept in the data directory: a 预备党员 whose year
/// ends within 60 days, and one whose year has ended, in text and in JSON.
#[test]
fn the_roster_here_gives_the_probation_reminders() {
    use branchday::domain::Standing;
    let dir = tempfile::tempdir().unwrap();
    let mut roster = branchday::demo::roster();
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let probationary: Vec<usize> = roster
        .members
        .iter()
        .enumerate()
        .filter(|(_, m)| m.standing == Standing::Probationary)
        .map(|(i, _)| i)
        .collect();
    assert!(!probationary.is_empty(), "the demo roster has a 预备党员");
    let soon = probationary[0];
    roster.members[soon].joined = Some(date("2025-04-15"));
    // A second one, whose year ended in February.
    let mut late = roster.members[soon].clone();
    late.id = "m900".into();
    late.name = "钱晓雨".into();
    late.joined = Some(date("2025-02-01"));
    roster.members.push(late);
    branchday::store::DataDir::at(dir.path())
        .save_roster(&roster)
        .unwrap();
    let soon_name = roster.members[soon].name.clone();

    let out = cmd(dir.path(), "en")
        .args(["stats", "--due", "--json", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let members = v["probation"]["members"].as_array().unwrap();
    assert_eq!(members.len(), 2, "{members:?}");
    // The soonest end first: the one that has ended.
    assert_eq!(members[0]["name"], "钱晓雨");
    assert_eq!(members[0]["probation_ends"], "2026-02-01");
    assert_eq!(members[0]["ended"], true);
    assert_eq!(members[1]["name"], soon_name.as_str());
    assert_eq!(members[1]["probation_ends"], "2026-04-15");
    assert_eq!(members[1]["days_left"], 15);
    assert_eq!(members[1]["ended"], false);

    cmd(dir.path(), "zh")
        .args(["stats", "--due", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("（本机名册）转正提醒：2 人"))
        .stdout(predicate::str::contains(format!(
            "预备党员 {soon_name}：预备期 2026-04-15 届满（还有 15 天）"
        )))
        .stdout(predicate::str::contains(
            "预备党员 钱晓雨：预备期已于 2026-02-01 满一年",
        ));
    // Without a roster there is no such section.
    let bare = tempfile::tempdir().unwrap();
    cmd(bare.path(), "zh")
        .args(["stats", "--due", "--as-of", "2026-03-31"])
        .arg(fixtures())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("本机名册").not());
}
