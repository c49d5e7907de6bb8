//! The roster screen's keys as a table of key → effect, with no disk.

use chrono::{DateTime, FixedOffset, NaiveDate};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::RosterModel;
use crate::domain::roster_change::{Arrival, GroupPlace, HistoryEntry, RosterChange};
use crate::domain::{
    Branch, CommitteeRole, Exclusion, ExclusionCategory, Group, Member, Roster, Standing,
};
use crate::i18n::{Lang, Tr};
use crate::tui::effect::Effect;
use crate::tui::keymap::Context;

const TR: Tr = Tr(Lang::Zh);

fn at() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T09:30:00+08:00").unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn roster() -> Roster {
    let mut a = Member::new("m001", "王建国", Standing::Full);
    a.group = Some("第一党小组".into());
    a.committee_role = Some(CommitteeRole::Secretary);
    let mut b = Member::new("m002", "宋佳怡", Standing::Probationary);
    b.group = Some("第一党小组".into());
    b.joined = Some(day("2025-11-20"));
    let mut c = Member::new("m003", "张志强", Standing::Full);
    c.group = Some("第二党小组".into());
    Roster {
        branch: Branch {
            name: "东风社区党支部".into(),
            code: "DF-01".into(),
        },
        groups: vec![
            Group {
                name: "第一党小组".into(),
                leader: Some("m001".into()),
                deputy: None,
            },
            Group {
                name: "第二党小组".into(),
                leader: None,
                deputy: None,
            },
        ],
        members: vec![a, b, c],
        departed: Vec::new(),
    }
}

fn k(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Press the keys: a char is typed, `\n` is Enter, `→` is Right, `↓` is Down.
fn press(m: &mut RosterModel, keys: &str) -> Vec<Effect> {
    let mut fx = Vec::new();
    for c in keys.chars() {
        let key = match c {
            '\n' => k(KeyCode::Enter),
            '→' => k(KeyCode::Right),
            '↓' => k(KeyCode::Down),
            '⎋' => k(KeyCode::Esc),
            c => k(KeyCode::Char(c)),
        };
        fx.extend(m.update(key, TR, at()));
    }
    fx
}

/// The one change the keys saved, checked against the roster it produced.
#[allow(clippy::needless_pass_by_value)]
fn saved(fx: Vec<Effect>) -> (Roster, HistoryEntry) {
    match fx.as_slice() {
        [Effect::SaveRoster(r, e)] => ((**r).clone(), (**e).clone()),
        other => panic!("expected one SaveRoster, got {other:?}"),
    }
}

#[test]
fn add_a_member_transferred_in() {
    let mut m = RosterModel::new(roster());
    let (r, e) = saved(press(
        &mut m,
        "a李娜\n→\n第二党小组\n\n2026-03-15\n\n西街社区党支部\n\n",
    ));
    let mut want = Member::new("m004", "李娜", Standing::Probationary);
    want.group = Some("第二党小组".into());
    want.joined = Some(day("2026-03-15"));
    assert_eq!(r.member("m004"), Some(&want));
    assert_eq!(e.by, "王建国", "the secretary by default");
    assert_eq!(e.at, at());
    assert_eq!(
        e.change,
        RosterChange::Added {
            member: want,
            arrival: Arrival::TransferredIn {
                from: "西街社区党支部".into()
            },
        }
    );
    assert_eq!(m.roster, r, "the screen shows what was saved");
    assert_eq!(m.selected, 3, "the new member is selected");
    assert!(m.dialog.is_none());
}

#[test]
fn add_a_new_member_at_the_door_and_refuse_an_empty_name() {
    let mut m = RosterModel::new(roster());
    // Arrival: the second choice (new); then From is not needed.
    let (r, e) = saved(press(&mut m, "a周杰\n\n\n\n\n→\n\n\n"));
    assert_eq!(r.members.last().unwrap().name, "周杰");
    assert!(matches!(
        e.change,
        RosterChange::Added {
            arrival: Arrival::New,
            ..
        }
    ));
    assert!(press(&mut m, "a\n\n\n\n\n\n\n\n").is_empty());
    assert_eq!(
        m.dialog.as_ref().and_then(|d| d.form.error.clone()),
        Some("请填写姓名".into())
    );
    assert!(press(&mut m, "⎋").is_empty());
    assert!(m.dialog.is_none());
}

#[test]
fn transfer_out_with_date_and_destination() {
    let mut m = RosterModel::new(roster());
    // Without a destination the dialog stays and says so.
    assert!(press(&mut m, "↓↓t\n\n\n").is_empty());
    assert!(m.dialog.as_ref().unwrap().form.error.is_some());
    let (r, e) = saved(press(&mut m, "⎋t\n县委组织部\n\n"));
    assert_eq!(
        e.change,
        RosterChange::TransferredOut {
            id: "m003".into(),
            date: day("2026-12-01"),
            destination: "县委组织部".into(),
        }
    );
    assert!(r.member("m003").is_none());
    assert_eq!(r.departed[0].member.name, "张志强");
    assert_eq!(m.selected, 1, "the selection stays on the table");
}

#[test]
fn probationary_to_full_after_the_decision() {
    let mut m = RosterModel::new(roster());
    let (r, e) = saved(press(&mut m, "↓s\n\n\n"));
    assert_eq!(
        e.change,
        RosterChange::Standing {
            id: "m002".into(),
            from: Standing::Probationary,
            to: Standing::Full,
            date: day("2026-12-01"),
        }
    );
    let p = r.member("m002").unwrap();
    assert_eq!(
        (p.standing, p.confirmed),
        (Standing::Full, Some(day("2026-12-01")))
    );
    // A full member's dialog offers 留党察看 first.
    let (r, _) = saved(press(&mut m, "↓s\n\n\n"));
    assert_eq!(r.member("m003").unwrap().standing, Standing::Observation);
}

#[test]
fn out_of_contact_and_back() {
    let mut m = RosterModel::new(roster());
    let (r, e) = saved(press(&mut m, "l\n2026-12-01\n\n"));
    assert_eq!(
        e.change,
        RosterChange::OutOfContact {
            id: "m001".into(),
            since: day("2026-12-01"),
            suspended_from: Some(day("2026-12-01")),
        }
    );
    assert!(r.member("m001").unwrap().out_of_contact.is_some());
    let (r, e) = saved(press(&mut m, "l\n\n"));
    assert!(matches!(e.change, RosterChange::ContactRestored { .. }));
    assert!(r.member("m001").unwrap().out_of_contact.is_none());
}

#[test]
fn leave_out_of_expected_attendance_with_category_and_approval() {
    let mut m = RosterModel::new(roster());
    let (r, e) = saved(press(&mut m, "↓x→→→→\n镇党委〔2026〕3号\n\n"));
    let x = Exclusion {
        category: ExclusionCategory::AwayWorkStudy,
        approval_ref: "镇党委〔2026〕3号".into(),
    };
    assert_eq!(
        e.change,
        RosterChange::Excluded {
            id: "m002".into(),
            exclusion: x.clone(),
        }
    );
    assert_eq!(r.member("m002").unwrap().exclusion, Some(x));
    let (r, e) = saved(press(&mut m, "x\n"));
    assert_eq!(e.change, RosterChange::Included { id: "m002".into() });
    assert!(r.member("m002").unwrap().counted());
}

#[test]
fn place_in_a_group_and_on_the_committee() {
    let mut m = RosterModel::new(roster());
    // 张志强: keep 第二党小组, 宣传委员 (the fourth role after 无), 组长.
    let (r, e) = saved(press(&mut m, "↓↓\n\n→→→→\n→\n\n"));
    assert_eq!(
        e.change,
        RosterChange::Placed {
            id: "m003".into(),
            group: Some("第二党小组".into()),
            role: Some(CommitteeRole::Propaganda),
            place: Some(GroupPlace::Leader),
        }
    );
    assert_eq!(r.groups[1].leader.as_deref(), Some("m003"));
}

#[test]
fn keys_outside_a_dialog() {
    let mut m = RosterModel::new(roster());
    assert_eq!(press(&mut m, "⎋"), vec![Effect::Home]);
    assert_eq!(press(&mut m, "?"), vec![Effect::Help(Context::Roster)]);
    assert_eq!(m.context(), Context::Roster);
    press(&mut m, "a");
    assert_eq!(m.context(), Context::Form);
    // An empty roster has nobody to transfer out.
    let mut empty = RosterModel::new(Roster::default());
    assert!(press(&mut empty, "t").is_empty());
    assert!(empty.dialog.is_none());
}
