//! Changes to the roster made in the program, one at a time, each kept in the roster history (who,
//! when, what). Finalized minutes never change: they carry the roster as it was at the meeting.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Timestamp;
use super::roster::{
    CommitteeRole, Exclusion, Member, OutOfContact, Roster, Standing, TransferOut,
};

/// How a member came to the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Arrival {
    /// 组织关系转入, from another organisation.
    TransferredIn { from: String },
    /// Newly admitted in this branch (or first entered here).
    New,
}

/// A member's place in the 党小组.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupPlace {
    Leader,
    Deputy,
}

/// One change to the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case", deny_unknown_fields)]
pub enum RosterChange {
    Added {
        member: Member,
        arrival: Arrival,
    },
    /// 组织关系转出: the member leaves the roster and is kept among those who left.
    TransferredOut {
        id: String,
        date: NaiveDate,
        destination: String,
    },
    /// 预备 → 正式 after the 转正 decision, 留党察看, rights suspended, or back.
    Standing {
        id: String,
        from: Standing,
        to: Standing,
        date: NaiveDate,
    },
    /// 失联 from a date (membership suspended from a date, when decided).
    OutOfContact {
        id: String,
        since: NaiveDate,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        suspended_from: Option<NaiveDate>,
    },
    /// Found again: the 失联 flag is cleared.
    ContactRestored {
        id: String,
        date: NaiveDate,
    },
    /// Left out of 应到会 in one of the five categories, with the approval.
    Excluded {
        id: String,
        exclusion: Exclusion,
    },
    /// Counted in 应到会 again.
    Included {
        id: String,
    },
    /// The roster replaced by an imported 花名册 (the members it held).
    Imported {
        file: String,
        members: usize,
    },
    /// 党小组, committee place and place in the 党小组.
    Placed {
        id: String,
        group: Option<String>,
        role: Option<CommitteeRole>,
        place: Option<GroupPlace>,
    },
}

/// Why a change cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeError {
    NoSuchMember(String),
    EmptyName,
    /// An id already in use (now or by someone who left).
    IdTaken(String),
    EmptyText,
    /// The standing is already what was asked.
    SameStanding,
    /// 转正 is recorded on a date before 入党时间.
    BeforeJoined,
    NotOutOfContact,
    NotExcluded,
    /// A place in the 党小组 without a 党小组.
    PlaceWithoutGroup,
}

/// A change with who made it and when: one line of the roster history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub by: String,
    #[serde(flatten)]
    pub change: RosterChange,
}

fn member_mut<'a>(r: &'a mut Roster, id: &str) -> Result<&'a mut Member, ChangeError> {
    r.members
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or_else(|| ChangeError::NoSuchMember(id.to_owned()))
}

fn ensure_group(r: &mut Roster, name: &str) {
    if !r.groups.iter().any(|g| g.name == name) {
        r.groups.push(super::roster::Group {
            name: name.to_owned(),
            leader: None,
            deputy: None,
        });
    }
}

/// Take `id` out of every group's leader and deputy places.
fn unplace(r: &mut Roster, id: &str) {
    for g in &mut r.groups {
        if g.leader.as_deref() == Some(id) {
            g.leader = None;
        }
        if g.deputy.as_deref() == Some(id) {
            g.deputy = None;
        }
    }
}

impl RosterChange {
    /// The member the change is about.
    #[must_use]
    pub fn member_id(&self) -> &str {
        match self {
            RosterChange::Added { member, .. } => &member.id,
            RosterChange::TransferredOut { id, .. }
            | RosterChange::Standing { id, .. }
            | RosterChange::OutOfContact { id, .. }
            | RosterChange::ContactRestored { id, .. }
            | RosterChange::Excluded { id, .. }
            | RosterChange::Included { id }
            | RosterChange::Placed { id, .. } => id,
            RosterChange::Imported { .. } => "",
        }
    }

    /// Make the change to `r`; on an error `r` is unchanged. An import is recorded, not applied
    /// (the imported roster replaces the old one whole).
    pub fn apply(&self, r: &mut Roster) -> Result<(), ChangeError> {
        match self {
            RosterChange::Imported { .. } => {}
            RosterChange::Added { member, arrival } => {
                if member.name.trim().is_empty() {
                    return Err(ChangeError::EmptyName);
                }
                if let Arrival::TransferredIn { from } = arrival
                    && from.trim().is_empty()
                {
                    return Err(ChangeError::EmptyText);
                }
                if r.member(&member.id).is_some()
                    || r.departed.iter().any(|d| d.member.id == member.id)
                {
                    return Err(ChangeError::IdTaken(member.id.clone()));
                }
                if let Some(g) = &member.group {
                    ensure_group(r, g);
                }
                r.members.push(member.clone());
            }
            RosterChange::TransferredOut {
                id,
                date,
                destination,
            } => {
                if destination.trim().is_empty() {
                    return Err(ChangeError::EmptyText);
                }
                let i = r
                    .members
                    .iter()
                    .position(|m| &m.id == id)
                    .ok_or_else(|| ChangeError::NoSuchMember(id.clone()))?;
                let member = r.members.remove(i);
                unplace(r, id);
                r.departed.push(TransferOut {
                    member,
                    date: *date,
                    destination: destination.clone(),
                });
            }
            RosterChange::Standing { id, to, date, .. } => {
                let m = member_mut(r, id)?;
                if m.standing == *to {
                    return Err(ChangeError::SameStanding);
                }
                if m.standing == Standing::Probationary && *to == Standing::Full {
                    if m.joined.is_some_and(|j| *date < j) {
                        return Err(ChangeError::BeforeJoined);
                    }
                    m.confirmed = Some(*date);
                }
                m.standing = *to;
            }
            RosterChange::OutOfContact {
                id,
                since,
                suspended_from,
            } => {
                member_mut(r, id)?.out_of_contact = Some(OutOfContact {
                    since: *since,
                    suspended_from: *suspended_from,
                });
            }
            RosterChange::ContactRestored { id, .. } => {
                let m = member_mut(r, id)?;
                if m.out_of_contact.take().is_none() {
                    return Err(ChangeError::NotOutOfContact);
                }
            }
            RosterChange::Excluded { id, exclusion } => {
                if exclusion.approval_ref.trim().is_empty() {
                    return Err(ChangeError::EmptyText);
                }
                member_mut(r, id)?.exclusion = Some(exclusion.clone());
            }
            RosterChange::Included { id } => {
                if member_mut(r, id)?.exclusion.take().is_none() {
                    return Err(ChangeError::NotExcluded);
                }
            }
            RosterChange::Placed {
                id,
                group,
                role,
                place,
            } => {
                if place.is_some() && group.is_none() {
                    return Err(ChangeError::PlaceWithoutGroup);
                }
                let m = member_mut(r, id)?;
                m.group.clone_from(group);
                m.committee_role = *role;
                unplace(r, id);
                if let Some(g) = group {
                    ensure_group(r, g);
                    if let Some(x) = r.groups.iter_mut().find(|x| &x.name == g) {
                        match place {
                            Some(GroupPlace::Leader) => x.leader = Some(id.clone()),
                            Some(GroupPlace::Deputy) => x.deputy = Some(id.clone()),
                            None => {}
                        }
                    }
                }
                // A 党小组 nobody is in any more is dropped.
                let used: Vec<String> = r.members.iter().filter_map(|m| m.group.clone()).collect();
                r.groups.retain(|g| used.contains(&g.name));
            }
        }
        Ok(())
    }
}

/// The place `id` holds in its 党小组, if any.
#[must_use]
pub fn place_of(r: &Roster, id: &str) -> Option<GroupPlace> {
    let m = r.member(id)?;
    let g = r
        .groups
        .iter()
        .find(|g| Some(&g.name) == m.group.as_ref())?;
    if g.leader.as_deref() == Some(id) {
        Some(GroupPlace::Leader)
    } else if g.deputy.as_deref() == Some(id) {
        Some(GroupPlace::Deputy)
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
