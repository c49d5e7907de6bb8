use super::*;
use crate::domain::{Branch, Member};
use crate::stats::{Attendee, Level};

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn branch() -> BranchKey {
    BranchKey {
        code: "DF-01".into(),
        name: "东风社区党支部".into(),
    }
}

fn held(kind: MeetingKind, month: &str, group: Option<&str>) -> Held {
    Held {
        branch: branch(),
        kind,
        month: ym(month),
        group: group.map(str::to_owned),
    }
}

#[test]
fn periods() {
    assert_eq!(Every::Quarter.period(ym("2026-12")), ym("2026-10"));
    assert_eq!(Every::Quarter.period(ym("2026-03")), ym("2026-01"));
    assert_eq!(Every::Quarter.previous(ym("2026-01")), ym("2025-10"));
    assert_eq!(Every::Month.previous(ym("2026-01")), ym("2025-12"));
    assert_eq!(Every::Year.period(ym("2026-07")), ym("2026-01"));
}

#[test]
fn held_due_and_overdue_this_month_and_quarter() {
    use MeetingKind::{Committee, GeneralAssembly, Group, Lecture, ThemedDay};
    let meetings = [
        held(ThemedDay, "2026-11", None),
        held(ThemedDay, "2026-12", None),
        held(Committee, "2026-10", None),
        held(Group, "2026-11", Some("第一党小组")),
        held(Group, "2026-12", Some("第一党小组")),
        held(GeneralAssembly, "2026-07", None),
        held(Lecture, "2026-10", None),
        held(Lecture, "2026-11", None),
    ];
    let refs: Vec<&Held> = meetings.iter().collect();
    let groups = vec!["第一党小组".to_owned(), "第二党小组".to_owned()];
    let lines = due_lines(&default_cadence(), &groups, &refs, day("2026-12-01"));
    let got: Vec<(MeetingKind, Option<&str>, usize, usize, DueState)> = lines
        .iter()
        .map(|l| (l.kind, l.group.as_deref(), l.held, l.previous_held, l.state))
        .collect();
    assert_eq!(
        got,
        vec![
            (ThemedDay, None, 1, 1, DueState::Held),
            // Last held in October: November passed without one.
            (Committee, None, 0, 0, DueState::Overdue),
            (Group, Some("第一党小组"), 1, 1, DueState::Held),
            (Group, Some("第二党小组"), 0, 0, DueState::Overdue),
            // Q3 had one; Q4 has none yet.
            (GeneralAssembly, None, 0, 1, DueState::Due),
            (Lecture, None, 2, 0, DueState::Held),
        ]
    );
    // A branch whose record starts this month is not overdue for last month.
    let new = [held(ThemedDay, "2026-12", None)];
    let refs: Vec<&Held> = new.iter().collect();
    let lines = due_lines(&default_cadence(), &[], &refs, day("2026-12-01"));
    assert!(
        lines.iter().all(|l| l.state != DueState::Overdue),
        "{lines:?}"
    );
}

#[test]
fn probation_ending_within_sixty_days_or_ended() {
    let mut r = Roster {
        branch: Branch::default(),
        ..Roster::default()
    };
    let p = |id: &str, joined: &str| Member {
        joined: Some(day(joined)),
        ..Member::new(id, id, Standing::Probationary)
    };
    r.members = vec![
        p("ended", "2025-11-01"),
        p("soon", "2026-01-30"),
        p("later", "2026-02-01"),
        Member {
            joined: Some(day("2020-01-01")),
            ..Member::new("full", "full", Standing::Full)
        },
    ];
    let got: Vec<(String, i64, bool)> = probation(&r, day("2026-12-01"))
        .into_iter()
        .map(|l| (l.member_id.clone(), l.days_left, l.ended()))
        .collect();
    assert_eq!(
        got,
        vec![("ended".into(), -30, true), ("soon".into(), 60, false)]
    );
}

fn facts(month: &str, status: crate::domain::AttendanceStatus) -> Facts {
    Facts {
        path: std::path::PathBuf::from(format!("{month}.json")),
        id: uuid::Uuid::nil(),
        supersedes: None,
        digest: month.to_owned(),
        finalized_at: chrono::DateTime::parse_from_rfc3339("2026-12-01T09:00:00+08:00").unwrap(),
        branch: branch(),
        kind: MeetingKind::ThemedDay,
        month: ym(month),
        items: Vec::new(),
        attendance: vec![Attendee {
            member_id: "m001".into(),
            name: "王建国".into(),
            status,
            counted: true,
            approved_leave: false,
        }],
        group: None,
    }
}

#[test]
fn branches_carry_their_open_absence_runs() {
    use crate::domain::AttendanceStatus::{Absent, Present};
    let f = [
        facts("2026-08", Present),
        facts("2026-09", Absent),
        facts("2026-10", Absent),
        facts("2026-11", Absent),
    ];
    let h: Vec<Held> = f
        .iter()
        .map(|x| held(MeetingKind::ThemedDay, &x.month.to_string(), None))
        .collect();
    let groups: Vec<String> = Vec::new();
    let meetings: Vec<(&Facts, &Held, &[String])> = f
        .iter()
        .zip(&h)
        .map(|(a, b)| (a, b, groups.as_slice()))
        .collect();
    let years = branches(&default_cadence(), &meetings, day("2026-12-01"));
    assert_eq!(years.len(), 1);
    let run = &years[0].absences[0];
    assert_eq!(
        (run.member_id.as_str(), run.months.len(), run.level),
        ("m001", 3, Level::Warning)
    );
    assert_eq!(years[0].lines[0].state, DueState::Due);
}

#[test]
#[allow(clippy::type_complexity)]
fn fulfilment_table_of_branches_kinds_and_months() {
    use MeetingKind::{Committee, GeneralAssembly, Group, ThemedDay};
    let other = BranchKey {
        code: "XJ-02".into(),
        name: "西街社区党支部".into(),
    };
    let mut meetings = vec![
        held(ThemedDay, "2026-01", None),
        held(ThemedDay, "2026-03", None),
        held(ThemedDay, "2026-03", None),
        held(Group, "2026-02", Some("第一党小组")),
        held(Group, "2026-01", Some("第二党小组")),
        held(GeneralAssembly, "2026-05", None),
    ];
    meetings.push(Held {
        branch: other.clone(),
        ..held(Committee, "2026-02", None)
    });
    let cadence = [
        Requirement {
            kind: ThemedDay,
            every: Every::Month,
            per_group: false,
        },
        Requirement {
            kind: Group,
            every: Every::Month,
            per_group: true,
        },
        Requirement {
            kind: GeneralAssembly,
            every: Every::Quarter,
            per_group: false,
        },
    ];
    let months = months_between(ym("2026-01"), ym("2026-04"));
    assert_eq!(months.len(), 4);
    let rows = fulfilment(&cadence, &meetings, &months);
    let got: Vec<(&str, MeetingKind, Option<&str>, Vec<usize>, Vec<String>)> = rows
        .iter()
        .map(|r| {
            (
                r.branch.code.as_str(),
                r.kind,
                r.group.as_deref(),
                r.held.iter().map(|(_, n)| *n).collect(),
                r.missing.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    let v = |s: &[&str]| s.iter().map(|x| (*x).to_owned()).collect::<Vec<String>>();
    assert_eq!(
        got,
        vec![
            (
                "DF-01",
                ThemedDay,
                None,
                vec![1, 0, 2, 0],
                v(&["2026-02", "2026-04"])
            ),
            (
                "DF-01",
                Group,
                Some("第一党小组"),
                vec![0, 1, 0, 0],
                v(&["2026-01", "2026-03", "2026-04"])
            ),
            (
                "DF-01",
                Group,
                Some("第二党小组"),
                vec![1, 0, 0, 0],
                v(&["2026-02", "2026-03", "2026-04"])
            ),
            // Q1 wholly in the table and without one; Q2 only begins (April), not judged.
            (
                "DF-01",
                GeneralAssembly,
                None,
                vec![0, 0, 0, 0],
                v(&["2026-01"])
            ),
            // The other branch held no themed day and its group meets never: no group rows.
            (
                "XJ-02",
                ThemedDay,
                None,
                vec![0, 0, 0, 0],
                v(&["2026-01", "2026-02", "2026-03", "2026-04"])
            ),
            (
                "XJ-02",
                GeneralAssembly,
                None,
                vec![0, 0, 0, 0],
                v(&["2026-01"])
            ),
        ]
    );
}
