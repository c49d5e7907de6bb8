//! The branch's year on the home screen, against a hand-computed corpus, in Chinese and English:
//! 三会一课 held / due / overdue this month and quarter, 转正 reminders from 入党时间, and open runs
//! of absence (the same code as `stats`).

#![allow(clippy::unwrap_used)]

use branchday::domain::{AttendanceStatus, Branch, Group, MeetingKind, Member, Roster, Standing};
use branchday::i18n::{Lang, Tr};
use branchday::stats::due::{self, DueState, Held};
use branchday::stats::{Attendee, BranchKey, Facts, Level, YearMonth};
use branchday::tui::home::{Entry, Home, YearInputs};
use chrono::NaiveDate;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn ym(s: &str) -> YearMonth {
    YearMonth::parse(s).unwrap()
}

const G1: &str = "第一党小组";
const G2: &str = "第二党小组";

fn key() -> BranchKey {
    BranchKey {
        code: "DF-01".into(),
        name: "东风社区党支部".into(),
    }
}

fn roster() -> Roster {
    let m = |id: &str, name: &str, standing, group: &str, joined: Option<&str>| Member {
        group: Some(group.into()),
        joined: joined.map(day),
        ..Member::new(id, name, standing)
    };
    Roster {
        branch: Branch {
            name: "东风社区党支部".into(),
            code: "DF-01".into(),
        },
        groups: vec![
            Group {
                name: G1.into(),
                leader: Some("m001".into()),
                deputy: None,
            },
            Group {
                name: G2.into(),
                leader: None,
                deputy: None,
            },
        ],
        members: vec![
            m("m001", "王建国", Standing::Full, G1, Some("1990-07-01")),
            m(
                "m002",
                "宋佳怡",
                Standing::Probationary,
                G1,
                Some("2025-11-20"),
            ),
            m("m003", "张志强", Standing::Full, G2, None),
            m("m004", "刘兰", Standing::Full, G2, None),
            m(
                "m005",
                "李娜",
                Standing::Probationary,
                G2,
                Some("2026-02-01"),
            ),
        ],
        departed: Vec::new(),
    }
}

/// A themed day in `month`: 张志强 absent from June, 刘兰 from October, the rest present.
fn themed_day(month: &str) -> Facts {
    let m = ym(month);
    let status = |id: &str| {
        let absent = match id {
            "m003" => m >= ym("2026-06"),
            "m004" => m >= ym("2026-10"),
            _ => false,
        };
        if absent {
            AttendanceStatus::Absent
        } else {
            AttendanceStatus::Present
        }
    };
    Facts {
        path: format!("{month}.json").into(),
        id: uuid::Uuid::nil(),
        supersedes: None,
        digest: month.into(),
        finalized_at: chrono::DateTime::parse_from_rfc3339("2026-12-15T10:00:00+08:00").unwrap(),
        branch: key(),
        kind: MeetingKind::ThemedDay,
        month: m,
        items: Vec::new(),
        attendance: roster()
            .members
            .iter()
            .map(|x| Attendee {
                member_id: x.id.clone(),
                name: x.name.clone(),
                status: status(&x.id),
                counted: true,
                approved_leave: false,
            })
            .collect(),
        group: None,
    }
}

fn held(kind: MeetingKind, month: &str, group: Option<&str>) -> Held {
    Held {
        branch: key(),
        kind,
        month: ym(month),
        group: group.map(str::to_owned),
    }
}

fn inputs() -> YearInputs {
    use MeetingKind::{Committee, GeneralAssembly, Group, Lecture, ThemedDay};
    let months = [
        "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12",
    ];
    let facts: Vec<Facts> = months.iter().map(|m| themed_day(m)).collect();
    let mut all: Vec<Held> = months.iter().map(|m| held(ThemedDay, m, None)).collect();
    all.extend([
        held(Committee, "2026-10", None),
        held(Group, "2026-12", Some(G1)),
        held(Group, "2026-11", Some(G2)),
        held(GeneralAssembly, "2026-10", None),
        held(Lecture, "2026-07", None),
    ]);
    YearInputs {
        cadence: due::default_cadence(),
        roster: Some(roster()),
        held: all,
        facts,
    }
}

const TODAY: &str = "2026-12-15";

#[test]
fn the_year_is_what_was_computed_by_hand() {
    use MeetingKind::{Committee, GeneralAssembly, Group, Lecture, ThemedDay};
    let i = inputs();
    let y = due::home_year(&i.cadence, i.roster.as_ref(), &i.held, &i.facts, day(TODAY));
    let lines: Vec<(MeetingKind, Option<&str>, usize, DueState)> = y
        .lines
        .iter()
        .map(|l| (l.kind, l.group.as_deref(), l.held, l.state))
        .collect();
    assert_eq!(
        lines,
        vec![
            (ThemedDay, None, 1, DueState::Held),
            // Last held in October: November passed without one.
            (Committee, None, 0, DueState::Overdue),
            (Group, Some(G1), 1, DueState::Held),
            // Held in November, not yet in December.
            (Group, Some(G2), 0, DueState::Due),
            (GeneralAssembly, None, 1, DueState::Held),
            // Q3 had one; Q4 none yet.
            (Lecture, None, 0, DueState::Due),
        ]
    );
    // 宋佳怡 joined 2025-11-20: ended 2026-11-20, 25 days ago. 李娜 joined 2026-02-01: ends
    // 2027-02-01, in 16 + 31 + 1 = 48 days.
    let p: Vec<(&str, i64)> = y
        .probation
        .iter()
        .map(|p| (p.name.as_str(), p.days_left))
        .collect();
    assert_eq!(p, vec![("宋佳怡", -25), ("李娜", 48)]);
    // 张志强: June to December, 7 months (serious); 刘兰: October to December, 3 (warning).
    let a: Vec<(&str, usize, Level)> = y
        .absences
        .iter()
        .map(|a| (a.name.as_str(), a.months.len(), a.level))
        .collect();
    assert_eq!(
        a,
        vec![("张志强", 7, Level::Serious), ("刘兰", 3, Level::Warning)]
    );
}

fn render(lang: Lang) -> Terminal<TestBackend> {
    let home = Home {
        entries: vec![
            Entry::New,
            Entry::Browse,
            Entry::Correct,
            Entry::Roster,
            Entry::Import,
            Entry::Demo,
            Entry::Quit,
        ],
        selected: 0,
        branch: Some("东风社区党支部".into()),
        members: 5,
        minutes: 12,
        demo: false,
        year: Some(inputs()),
    };
    let mut t = Terminal::new(TestBackend::new(110, 34)).unwrap();
    t.draw(|f| home.render(Tr(lang), day(TODAY), f.area(), f.buffer_mut()))
        .unwrap();
    t
}

#[test]
fn home_year_zh() {
    insta::assert_snapshot!(render(Lang::Zh).backend());
}

#[test]
fn home_year_en() {
    insta::assert_snapshot!(render(Lang::En).backend());
}
