//! What an import changes: members added, removed and changed, matched by id.

use std::collections::HashMap;

use crate::domain::{Branch, CommitteeRole, Exclusion, Member, Roster, Standing};

/// One field of a member that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChange {
    Name(String, String),
    Standing(Standing, Standing),
    Group(Option<String>, Option<String>),
    Role(Option<CommitteeRole>, Option<CommitteeRole>),
    Exclusion(Option<Exclusion>, Option<Exclusion>),
}

/// A member present in both rosters whose record differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    /// The name in the new roster.
    pub name: String,
    pub fields: Vec<FieldChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    /// Old and new branch, when the name or code changes.
    pub branch: Option<(Branch, Branch)>,
    pub added: Vec<Member>,
    pub removed: Vec<Member>,
    pub changed: Vec<Change>,
    pub unchanged: usize,
}

impl Diff {
    /// Nothing would change by writing the new roster.
    pub fn is_empty(&self) -> bool {
        self.branch.is_none()
            && self.added.is_empty()
            && self.removed.is_empty()
            && self.changed.is_empty()
    }
}

/// The difference from `old` to `new`, members matched by id, in the order of each roster.
pub fn diff(old: &Roster, new: &Roster) -> Diff {
    let old_by_id: HashMap<&str, &Member> =
        old.members.iter().map(|m| (m.id.as_str(), m)).collect();
    let new_ids: std::collections::HashSet<&str> =
        new.members.iter().map(|m| m.id.as_str()).collect();
    let mut d = Diff {
        branch: (old.branch != new.branch).then(|| (old.branch.clone(), new.branch.clone())),
        ..Diff::default()
    };
    for m in &new.members {
        let Some(o) = old_by_id.get(m.id.as_str()) else {
            d.added.push(m.clone());
            continue;
        };
        let mut fields = Vec::new();
        if o.name != m.name {
            fields.push(FieldChange::Name(o.name.clone(), m.name.clone()));
        }
        if o.standing != m.standing {
            fields.push(FieldChange::Standing(o.standing, m.standing));
        }
        if o.group != m.group {
            fields.push(FieldChange::Group(o.group.clone(), m.group.clone()));
        }
        if o.committee_role != m.committee_role {
            fields.push(FieldChange::Role(o.committee_role, m.committee_role));
        }
        if o.exclusion != m.exclusion {
            fields.push(FieldChange::Exclusion(
                o.exclusion.clone(),
                m.exclusion.clone(),
            ));
        }
        if fields.is_empty() {
            d.unchanged += 1;
        } else {
            d.changed.push(Change {
                id: m.id.clone(),
                name: m.name.clone(),
                fields,
            });
        }
    }
    d.removed = old
        .members
        .iter()
        .filter(|m| !new_ids.contains(m.id.as_str()))
        .cloned()
        .collect();
    d
}
