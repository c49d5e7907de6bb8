//! Member ids for an imported roster.

use std::collections::{HashMap, HashSet};

use super::row::Draft;
use crate::domain::{Member, Roster};

/// Ids: those in the file are kept; a member without one takes the id the old roster gave the one
/// member of that name, else the next free `m001`…, never an id the old roster used for someone else.
pub(super) fn assign_ids(drafts: Vec<Draft>, old: Option<&Roster>) -> Vec<Member> {
    let explicit: HashSet<String> = drafts.iter().filter_map(|d| d.id.clone()).collect();
    let mut taken: HashSet<String> = explicit.clone();
    let empty = Roster::default();
    let old = old.unwrap_or(&empty);
    taken.extend(old.members.iter().map(|m| m.id.clone()));
    taken.extend(old.departed.iter().map(|d| d.member.id.clone()));
    let mut names_in_file: HashMap<&str, usize> = HashMap::new();
    for d in drafts.iter().filter(|d| d.id.is_none()) {
        *names_in_file.entry(d.member.name.as_str()).or_default() += 1;
    }
    let unique_old = |name: &str| -> Option<&str> {
        let mut it = old.members.iter().filter(|m| m.name == name);
        match (it.next(), it.next()) {
            (Some(m), None) => Some(m.id.as_str()),
            _ => None,
        }
    };
    let mut reused: HashSet<String> = HashSet::new();
    let mut planned: Vec<Option<String>> = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let id = d.id.clone().or_else(|| {
            let name = d.member.name.as_str();
            (names_in_file.get(name) == Some(&1))
                .then(|| unique_old(name))
                .flatten()
                .filter(|id| !explicit.contains(*id) && !reused.contains(*id))
                .map(str::to_owned)
        });
        if let Some(id) = &id {
            reused.insert(id.clone());
        }
        planned.push(id);
    }
    let mut next = 1usize;
    drafts
        .into_iter()
        .zip(planned)
        .map(|(d, id)| {
            let id = id.unwrap_or_else(|| {
                loop {
                    let candidate = format!("m{next:03}");
                    next += 1;
                    if taken.insert(candidate.clone()) {
                        break candidate;
                    }
                }
            });
            Member { id, ..d.member }
        })
        .collect()
}
