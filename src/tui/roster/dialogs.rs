//! The roster screen's dialogs: which fields each asks, and the change its answers make.

use chrono::NaiveDate;

use crate::domain::roster_change::{Arrival, GroupPlace, RosterChange, place_of};
use crate::domain::{CommitteeRole, Exclusion, ExclusionCategory, Member, Roster, Standing};
use crate::i18n::Tr;
use crate::roster_import::fields;
use crate::sanitize;
use crate::tui::widgets::form::{Field, FieldId, Form};

/// Longest text a dialog accepts (names, 党小组, places, approval references).
const MAX_TEXT: usize = 60;

pub use crate::vocabulary::DialogKind;

#[derive(Debug, Clone)]
pub struct Dialog {
    pub kind: DialogKind,
    pub form: Form,
    /// The member the dialog is about (none when adding).
    pub target: Option<String>,
}

const BY: FieldId = FieldId::Slot(9);

fn slot(n: usize) -> FieldId {
    FieldId::Slot(n)
}

fn roles(tr: Tr) -> Vec<String> {
    std::iter::once(tr.none_word().to_owned())
        .chain(
            CommitteeRole::ALL
                .iter()
                .map(|r| tr.committee_role(*r).to_owned()),
        )
        .collect()
}

fn role_index(r: Option<CommitteeRole>) -> usize {
    r.and_then(|r| CommitteeRole::ALL.iter().position(|x| *x == r))
        .map_or(0, |i| i + 1)
}

fn places(tr: Tr) -> Vec<String> {
    vec![
        tr.none_word().to_owned(),
        tr.roster_group_leader().to_owned(),
        tr.roster_group_deputy().to_owned(),
    ]
}

fn standings(tr: Tr) -> Vec<String> {
    Standing::ALL
        .iter()
        .map(|s| tr.standing(*s).to_owned())
        .collect()
}

/// The dialog of `kind` about `target`, with who makes the change filled in as `by`.
pub fn open(
    kind: DialogKind,
    roster: &Roster,
    target: Option<&str>,
    by: &str,
    tr: Tr,
    today: NaiveDate,
) -> Dialog {
    let member = target.and_then(|id| roster.member(id));
    let name = member
        .map(|m| sanitize::line(&m.name).into_owned())
        .unwrap_or_default();
    let today_s = today.to_string();
    let mut fields = match kind {
        DialogKind::Add => vec![
            Field::text(slot(0), tr.name_label(), ""),
            Field::choice(slot(1), tr.standing_label(), standings(tr), 0),
            Field::text(slot(2), tr.group_label(), ""),
            Field::choice(slot(3), tr.roster_role(), roles(tr), 0),
            Field::text(slot(4), tr.roster_field(fields::Field::Joined), ""),
            Field::choice(
                slot(5),
                tr.roster_arrival_label(),
                vec![
                    tr.roster_arrival_transfer().to_owned(),
                    tr.roster_arrival_new().to_owned(),
                ],
                0,
            ),
            Field::text(slot(6), tr.roster_arrival_from(), ""),
        ],
        DialogKind::TransferOut => vec![
            Field::text(slot(0), tr.roster_date_label(), &today_s),
            Field::text(slot(1), tr.roster_destination_label(), ""),
        ],
        DialogKind::Standing => {
            let current = member.map_or(Standing::Full, |m| m.standing);
            let next = if current == Standing::Full {
                Standing::Observation
            } else {
                Standing::Full
            };
            let i = Standing::ALL.iter().position(|s| *s == next).unwrap_or(0);
            vec![
                Field::choice(slot(0), tr.roster_new_standing(), standings(tr), i),
                Field::text(slot(1), tr.roster_date_label(), &today_s),
            ]
        }
        DialogKind::OutOfContact => vec![
            Field::text(slot(0), tr.roster_out_since(), &today_s),
            Field::text(slot(1), tr.roster_suspended_from(), ""),
        ],
        DialogKind::Restore => vec![Field::text(slot(0), tr.roster_date_label(), &today_s)],
        DialogKind::Exclude => vec![
            Field::choice(
                slot(0),
                tr.roster_not_counted(),
                ExclusionCategory::ALL
                    .iter()
                    .map(|c| format!("{} {}", c.number(), tr.exclusion(*c)))
                    .collect(),
                0,
            ),
            Field::text(slot(1), tr.roster_field(fields::Field::ApprovalRef), ""),
        ],
        DialogKind::Include => Vec::new(),
        DialogKind::Place => {
            let group = member.and_then(|m| m.group.clone()).unwrap_or_default();
            let place = target.and_then(|id| place_of(roster, id));
            vec![
                Field::text(slot(0), tr.group_label(), &group),
                Field::choice(
                    slot(1),
                    tr.roster_role(),
                    roles(tr),
                    role_index(member.and_then(|m| m.committee_role)),
                ),
                Field::choice(
                    slot(2),
                    tr.roster_group_place(),
                    places(tr),
                    match place {
                        None => 0,
                        Some(GroupPlace::Leader) => 1,
                        Some(GroupPlace::Deputy) => 2,
                    },
                ),
            ]
        }
    };
    fields.push(Field::text(BY, tr.roster_by_label(), by));
    Dialog {
        kind,
        form: Form::new(tr.roster_dialog_title(kind, &name), fields),
        target: target.map(str::to_owned),
    }
}

/// A text answer checked: no control characters, not too long; empty is allowed here.
fn text(form: &Form, key: FieldId, label: &str, tr: Tr) -> Result<String, String> {
    let t = form.text(key);
    if sanitize::line(&t) != t || t.chars().count() > MAX_TEXT {
        return Err(tr.roster_bad_text(label));
    }
    Ok(t)
}

fn required(form: &Form, key: FieldId, label: &str, tr: Tr) -> Result<String, String> {
    let t = text(form, key, label, tr)?;
    if t.is_empty() {
        return Err(tr.roster_required(label));
    }
    Ok(t)
}

fn date(form: &Form, key: FieldId, label: &str, tr: Tr) -> Result<Option<NaiveDate>, String> {
    let t = form.text(key);
    if t.is_empty() {
        return Ok(None);
    }
    fields::date(&t)
        .map(Some)
        .ok_or_else(|| tr.roster_form_bad_date(label, &sanitize::line(&t)))
}

fn required_date(form: &Form, key: FieldId, label: &str, tr: Tr) -> Result<NaiveDate, String> {
    date(form, key, label, tr)?.ok_or_else(|| tr.roster_required(label))
}

/// The change the dialog's answers make, and who makes it.
pub fn submit(
    d: &Dialog,
    roster: &Roster,
    tr: Tr,
    today: NaiveDate,
) -> Result<(RosterChange, String), String> {
    let f = &d.form;
    let by = required(f, BY, tr.roster_by_label(), tr)?;
    let id = d.target.clone().unwrap_or_default();
    let member = roster.member(&id);
    let date_label = tr.roster_date_label();
    let change = match d.kind {
        DialogKind::Add => {
            let name = required(f, slot(0), tr.name_label(), tr)?;
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.starts_with(['=', '+', '@', '-']) {
                return Err(tr.roster_bad_text(tr.name_label()));
            }
            let group = text(f, slot(2), tr.group_label(), tr)?;
            let joined = date(f, slot(4), tr.roster_field(fields::Field::Joined), tr)?;
            if joined.is_some_and(|j| j > today) {
                return Err(tr.roster_date_in_future().to_owned());
            }
            let arrival = if f.choice(slot(5)) == 0 {
                Arrival::TransferredIn {
                    from: required(f, slot(6), tr.roster_arrival_from(), tr)?,
                }
            } else {
                Arrival::New
            };
            let member = Member {
                group: (!group.is_empty()).then_some(group),
                committee_role: f
                    .choice(slot(3))
                    .checked_sub(1)
                    .and_then(|i| CommitteeRole::ALL.get(i).copied()),
                joined,
                ..Member::new(
                    roster.next_id(),
                    name,
                    Standing::ALL
                        .get(f.choice(slot(1)))
                        .copied()
                        .unwrap_or(Standing::Full),
                )
            };
            RosterChange::Added { member, arrival }
        }
        DialogKind::TransferOut => RosterChange::TransferredOut {
            id,
            date: required_date(f, slot(0), date_label, tr)?,
            destination: required(f, slot(1), tr.roster_destination_label(), tr)?,
        },
        DialogKind::Standing => RosterChange::Standing {
            id,
            from: member.map_or(Standing::Full, |m| m.standing),
            to: Standing::ALL
                .get(f.choice(slot(0)))
                .copied()
                .unwrap_or(Standing::Full),
            date: required_date(f, slot(1), date_label, tr)?,
        },
        DialogKind::OutOfContact => RosterChange::OutOfContact {
            id,
            since: required_date(f, slot(0), tr.roster_out_since(), tr)?,
            suspended_from: date(f, slot(1), tr.roster_suspended_from(), tr)?,
        },
        DialogKind::Restore => RosterChange::ContactRestored {
            id,
            date: required_date(f, slot(0), date_label, tr)?,
        },
        DialogKind::Exclude => RosterChange::Excluded {
            id,
            exclusion: Exclusion {
                category: ExclusionCategory::ALL
                    .get(f.choice(slot(0)))
                    .copied()
                    .unwrap_or(ExclusionCategory::Illness),
                approval_ref: required(
                    f,
                    slot(1),
                    tr.roster_field(fields::Field::ApprovalRef),
                    tr,
                )?,
            },
        },
        DialogKind::Include => RosterChange::Included { id },
        DialogKind::Place => {
            let group = text(f, slot(0), tr.group_label(), tr)?;
            RosterChange::Placed {
                id,
                group: (!group.is_empty()).then_some(group),
                role: f
                    .choice(slot(1))
                    .checked_sub(1)
                    .and_then(|i| CommitteeRole::ALL.get(i).copied()),
                place: match f.choice(slot(2)) {
                    1 => Some(GroupPlace::Leader),
                    2 => Some(GroupPlace::Deputy),
                    _ => None,
                },
            }
        }
    };
    Ok((change, by))
}
