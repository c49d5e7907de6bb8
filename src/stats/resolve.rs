//! One record per meeting: duplicate ids counted once, superseded files replaced by their
//! corrections.
//!
//! - **Duplicates.** Files with the same `id` count once. When their contents are identical (same
//!   digest) the copy with the smallest path is the one named as kept; when they differ, the one
//!   finalized last is kept, and among equal finalize times the one with the smallest content
//!   digest — never the order the files were given in, so `stats a b` and `stats b a` agree. Every
//!   duplicate is reported with the file it counted.
//! - **Superseded.** A file whose `id` is named in another kept file's `supersedes` is replaced by
//!   it; along a chain of corrections only the last counts. A file naming its own id is ignored as a
//!   correction, and files that supersede each other in a cycle are all kept (no chain ends).

use std::collections::HashMap;
use std::path::PathBuf;

use uuid::Uuid;

use super::Facts;

/// Several files with one id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub id: Uuid,
    pub kept: PathBuf,
    pub dropped: Vec<PathBuf>,
    /// All copies have the same content digest.
    pub identical: bool,
}

/// A file replaced by a correction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    pub id: Uuid,
    pub path: PathBuf,
    pub by_id: Uuid,
    pub by_path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    /// Indices of the files that count, in input order.
    pub kept: Vec<usize>,
    pub duplicates: Vec<Duplicate>,
    pub superseded: Vec<Superseded>,
}

/// Resolve duplicates and corrections among `files`.
pub fn resolve(files: &[Facts]) -> Resolved {
    let mut by_id: HashMap<Uuid, Vec<usize>> = HashMap::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        by_id.entry(f.id).or_default().push(i);
    }
    let mut duplicates = Vec::new();
    // The one file kept per id.
    let mut unique: HashMap<Uuid, usize> = HashMap::with_capacity(by_id.len());
    for (id, idx) in &by_id {
        let keep = if idx.len() == 1 {
            idx[0]
        } else {
            let identical = idx.iter().all(|&i| files[i].digest == files[idx[0]].digest);
            let keep = if identical {
                idx.iter()
                    .copied()
                    .min_by(|&a, &b| files[a].path.cmp(&files[b].path))
                    .unwrap_or(idx[0])
            } else {
                latest(files, idx.iter().copied()).unwrap_or(idx[0])
            };
            duplicates.push(Duplicate {
                id: *id,
                kept: files[keep].path.clone(),
                dropped: idx
                    .iter()
                    .filter(|&&i| i != keep)
                    .map(|&i| files[i].path.clone())
                    .collect(),
                identical,
            });
            keep
        };
        unique.insert(*id, keep);
    }
    // Who corrects whom, among the kept files (the first listed corrector wins the report).
    let mut corrected_by: HashMap<Uuid, usize> = HashMap::new();
    let mut kept_in_order: Vec<usize> = unique.values().copied().collect();
    kept_in_order.sort_unstable();
    for &i in &kept_in_order {
        if let Some(target) = files[i].supersedes
            && target != files[i].id
        {
            // Several corrections of one record: the latest counts, decided as for duplicates.
            let by = corrected_by.entry(target).or_insert(i);
            *by = latest(files, [*by, i].into_iter()).unwrap_or(*by);
        }
    }
    let mut kept = Vec::with_capacity(kept_in_order.len());
    let mut superseded = Vec::new();
    for &i in &kept_in_order {
        let id = files[i].id;
        match corrected_by.get(&id) {
            Some(&by) if chain_ends(files, &corrected_by, id) => superseded.push(Superseded {
                id,
                path: files[i].path.clone(),
                by_id: files[by].id,
                by_path: files[by].path.clone(),
            }),
            _ => kept.push(i),
        }
    }
    duplicates.sort_by_key(|d| d.id);
    superseded.sort_by_key(|s| s.id);
    Resolved {
        kept,
        duplicates,
        superseded,
    }
}

/// The file finalized last among `candidates`; among equal times the smallest content digest (then
/// the smallest path), so the choice never depends on the order the files were given in.
fn latest(files: &[Facts], candidates: impl Iterator<Item = usize>) -> Option<usize> {
    candidates.max_by(|&a, &b| {
        let (fa, fb) = (&files[a], &files[b]);
        fa.finalized_at
            .cmp(&fb.finalized_at)
            .then_with(|| fb.digest.cmp(&fa.digest))
            .then_with(|| fb.path.cmp(&fa.path))
    })
}

/// Following corrections from `id` reaches a file nobody corrects (not a cycle).
fn chain_ends(files: &[Facts], corrected_by: &HashMap<Uuid, usize>, id: Uuid) -> bool {
    let mut cur = id;
    let mut steps = 0usize;
    while let Some(&by) = corrected_by.get(&cur) {
        cur = files[by].id;
        steps += 1;
        if cur == id || steps > corrected_by.len() {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MeetingKind;
    use crate::stats::{BranchKey, YearMonth};

    fn facts(n: u128, supersedes: Option<u128>, digest: &str, finalized: &str) -> Facts {
        Facts {
            path: PathBuf::from(format!("f{n}-{digest}.json")),
            id: Uuid::from_u128(n),
            supersedes: supersedes.map(Uuid::from_u128),
            digest: digest.to_owned(),
            finalized_at: chrono::DateTime::parse_from_rfc3339(finalized).unwrap(),
            branch: BranchKey {
                code: "B".into(),
                name: "支部".into(),
            },
            kind: MeetingKind::ThemedDay,
            month: YearMonth::parse("2026-01").unwrap(),
            items: vec![],
            attendance: vec![],
            group: None,
        }
    }

    const T1: &str = "2026-01-10T10:00:00+08:00";
    const T2: &str = "2026-01-11T10:00:00+08:00";

    #[test]
    fn identical_duplicates_keep_the_first() {
        let files = [
            facts(1, None, "a", T1),
            facts(1, None, "a", T2),
            facts(2, None, "b", T1),
        ];
        let r = resolve(&files);
        assert_eq!(r.kept, vec![0, 2]);
        assert_eq!(r.duplicates.len(), 1);
        assert!(r.duplicates[0].identical);
        assert_eq!(r.duplicates[0].dropped, vec![files[1].path.clone()]);
    }

    #[test]
    fn different_duplicates_keep_the_latest_finalized() {
        let files = [
            facts(1, None, "a", T2),
            facts(1, None, "b", T1),
            facts(1, None, "c", T2),
        ];
        let r = resolve(&files);
        assert_eq!(r.kept, vec![0]);
        assert!(!r.duplicates[0].identical);
        assert_eq!(r.duplicates[0].dropped.len(), 2);
    }

    #[test]
    fn a_chain_of_corrections_counts_only_its_last_file() {
        let files = [
            facts(3, Some(2), "c", T1),
            facts(1, None, "a", T1),
            facts(2, Some(1), "b", T1),
            facts(4, Some(99), "d", T1),
        ];
        let r = resolve(&files);
        assert_eq!(r.kept, vec![0, 3]);
        let ids: Vec<_> = r.superseded.iter().map(|s| (s.id, s.by_id)).collect();
        assert_eq!(
            ids,
            vec![
                (Uuid::from_u128(1), Uuid::from_u128(2)),
                (Uuid::from_u128(2), Uuid::from_u128(3))
            ]
        );
    }

    #[test]
    fn self_references_and_cycles_drop_nothing() {
        let files = [
            facts(1, Some(1), "a", T1),
            facts(2, Some(3), "b", T1),
            facts(3, Some(2), "c", T1),
        ];
        let r = resolve(&files);
        assert_eq!(r.kept, vec![0, 1, 2]);
        assert!(r.superseded.is_empty());
    }
}
