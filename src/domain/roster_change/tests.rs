use super::*;
use crate::domain::{Branch, ExclusionCategory, Group};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn roster() -> Roster {
    let mut a = Member::new("m001", "王建国", Standing::Full);
    a.group = Some("第一党小组".into());
    let mut b = Member::new("m002", "宋佳怡", Standing::Probationary);
    b.group = Some("第一党小组".into());
    b.joined = Some(day("2025-06-30"));
    Roster {
        branch: Branch {
            name: "东风社区党支部".into(),
            code: "DF-01".into(),
        },
        groups: vec![Group {
            name: "第一党小组".into(),
            leader: Some("m001".into()),
            deputy: None,
        }],
        members: vec![a, b],
        departed: Vec::new(),
    }
}

#[test]
fn add_a_member_transferred_in_or_new() {
    let mut r = roster();
    let mut m = Member::new("m003", "李娜", Standing::Full);
    m.group = Some("第二党小组".into());
    let add = RosterChange::Added {
        member: m.clone(),
        arrival: Arrival::TransferredIn {
            from: "城关镇西街社区党支部".into(),
        },
    };
    add.apply(&mut r).unwrap();
    assert_eq!(r.member("m003"), Some(&m));
    assert!(r.groups.iter().any(|g| g.name == "第二党小组"));
    assert_eq!(add.apply(&mut r), Err(ChangeError::IdTaken("m003".into())));
    let empty = RosterChange::Added {
        member: Member::new("m004", " ", Standing::Full),
        arrival: Arrival::New,
    };
    assert_eq!(empty.apply(&mut r), Err(ChangeError::EmptyName));
    let nowhere = RosterChange::Added {
        member: Member::new("m004", "周杰", Standing::Full),
        arrival: Arrival::TransferredIn {
            from: String::new(),
        },
    };
    assert_eq!(nowhere.apply(&mut r), Err(ChangeError::EmptyText));
}

#[test]
fn transfer_out_keeps_the_member_among_those_who_left() {
    let mut r = roster();
    RosterChange::TransferredOut {
        id: "m001".into(),
        date: day("2026-11-30"),
        destination: "县委组织部".into(),
    }
    .apply(&mut r)
    .unwrap();
    assert!(r.member("m001").is_none());
    assert_eq!(r.departed[0].member.name, "王建国");
    assert_eq!(r.departed[0].destination, "县委组织部");
    assert_eq!(r.groups[0].leader, None, "the group's leader left");
    // The id is never given to someone else.
    assert_ne!(r.next_id(), "m001");
    assert_eq!(
        RosterChange::Added {
            member: Member::new("m001", "新人", Standing::Full),
            arrival: Arrival::New,
        }
        .apply(&mut r),
        Err(ChangeError::IdTaken("m001".into()))
    );
}

#[test]
fn standing_changes_and_confirmation_date() {
    let mut r = roster();
    let to_full = |date: &str| RosterChange::Standing {
        id: "m002".into(),
        from: Standing::Probationary,
        to: Standing::Full,
        date: day(date),
    };
    assert_eq!(
        to_full("2025-01-01").apply(&mut r.clone()),
        Err(ChangeError::BeforeJoined)
    );
    to_full("2026-07-01").apply(&mut r).unwrap();
    let m = r.member("m002").unwrap();
    assert_eq!(m.standing, Standing::Full);
    assert_eq!(m.confirmed, Some(day("2026-07-01")));
    assert_eq!(
        to_full("2026-07-02").apply(&mut r),
        Err(ChangeError::SameStanding)
    );
    RosterChange::Standing {
        id: "m001".into(),
        from: Standing::Full,
        to: Standing::Observation,
        date: day("2026-08-01"),
    }
    .apply(&mut r)
    .unwrap();
    assert_eq!(r.member("m001").unwrap().standing, Standing::Observation);
}

#[test]
fn out_of_contact_exclusion_and_placing() {
    let mut r = roster();
    RosterChange::OutOfContact {
        id: "m001".into(),
        since: day("2026-01-01"),
        suspended_from: Some(day("2026-07-01")),
    }
    .apply(&mut r)
    .unwrap();
    assert_eq!(
        r.member("m001").unwrap().out_of_contact,
        Some(OutOfContact {
            since: day("2026-01-01"),
            suspended_from: Some(day("2026-07-01"))
        })
    );
    let back = RosterChange::ContactRestored {
        id: "m001".into(),
        date: day("2026-09-01"),
    };
    back.apply(&mut r).unwrap();
    assert_eq!(back.apply(&mut r), Err(ChangeError::NotOutOfContact));

    let x = Exclusion {
        category: ExclusionCategory::AwayWorkStudy,
        approval_ref: "城关镇党委〔2026〕12号".into(),
    };
    RosterChange::Excluded {
        id: "m002".into(),
        exclusion: x.clone(),
    }
    .apply(&mut r)
    .unwrap();
    assert!(!r.member("m002").unwrap().counted());
    let no_ref = RosterChange::Excluded {
        id: "m002".into(),
        exclusion: Exclusion {
            approval_ref: " ".into(),
            ..x
        },
    };
    assert_eq!(no_ref.apply(&mut r), Err(ChangeError::EmptyText));
    RosterChange::Included { id: "m002".into() }
        .apply(&mut r)
        .unwrap();
    assert!(r.member("m002").unwrap().counted());

    RosterChange::Placed {
        id: "m002".into(),
        group: Some("第二党小组".into()),
        role: Some(CommitteeRole::Propaganda),
        place: Some(GroupPlace::Leader),
    }
    .apply(&mut r)
    .unwrap();
    assert_eq!(place_of(&r, "m002"), Some(GroupPlace::Leader));
    assert_eq!(
        r.member("m002").unwrap().committee_role,
        Some(CommitteeRole::Propaganda)
    );
    assert_eq!(
        RosterChange::Placed {
            id: "m001".into(),
            group: None,
            role: None,
            place: Some(GroupPlace::Deputy),
        }
        .apply(&mut r),
        Err(ChangeError::PlaceWithoutGroup)
    );
    assert_eq!(
        RosterChange::Included { id: "m009".into() }.apply(&mut r),
        Err(ChangeError::NoSuchMember("m009".into()))
    );
}

#[test]
fn history_entries_read_back() {
    let e = HistoryEntry {
        at: chrono::DateTime::parse_from_rfc3339("2026-12-01T09:30:00+08:00").unwrap(),
        by: "王建国".into(),
        change: RosterChange::TransferredOut {
            id: "m001".into(),
            date: day("2026-11-30"),
            destination: "县委组织部".into(),
        },
    };
    let line = serde_json::to_string(&e).unwrap();
    assert_eq!(
        line,
        r#"{"at":"2026-12-01T09:30:00+08:00","by":"王建国","change":"transferred_out","id":"m001","date":"2026-11-30","destination":"县委组织部"}"#
    );
    assert_eq!(serde_json::from_str::<HistoryEntry>(&line).unwrap(), e);
}
