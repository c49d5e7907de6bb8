//! A synthetic corpus of minutes files, for tests and benchmarks (`branchday dev-corpus`). Built
//! only with the `dev` feature, which the package's own tests, benches and examples turn on.
//!
//! Deterministic from its seed: the same [`CorpusSpec`] always gives the same files, byte for byte.
//! Every meeting is played the real way — a roster, a [`MeetingSetup`](crate::domain::MeetingSetup),
//! [`Meeting::new`](crate::domain::Meeting::new), then domain events applied one by one (check-ins,
//! stages, study notes typed as text splices, items, votes judged by
//! [`judge`](crate::domain::rules::judge), action items, the end) — and the minutes are built with
//! [`minutes::build`].
//!
//! The corpus spans twelve months (July 2025 to June 2026) of as many branches as the count needs.
//! Each branch has a stable roster with Chinese names, one or two probationary members, sometimes a
//! member on 留党察看 or one left out of 应到会 with an approval reference, two or more 党小组 and a
//! committee when it has seven full members. A branch holds a themed day and a committee meeting
//! every month, a group meeting per 党小组 every month, a general assembly and a 党课 every quarter
//! and an 组织生活会 in December: all six kinds. Some assemblies vote on 转正 or on an admission by
//! secret ballot with the written opinions of absent full members; some members are absent for
//! three to eight consecutive months; one file in about 150 is a correction of the one before it.

mod branch;
pub mod builder;
mod content;
mod rng;
mod script;
mod words;

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;

use crate::domain::MeetingKind;
use crate::minutes::{self, Minutes};
use crate::store::{self, StoreError};

pub use builder::MeetingBuilder;
pub use rng::SplitMix;

use branch::{ASSEMBLY_MONTHS, BranchPlan};
use script::Plan;

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusSpec {
    /// Number of minutes files.
    pub count: usize,
    pub seed: u64,
    /// Members per branch (at least 3, at most [`MAX_MEMBERS`]).
    pub members: usize,
}

/// Largest branch the generator builds (names stay distinct well below this).
pub const MAX_MEMBERS: usize = 2000;
/// Members per branch when not told otherwise (about the national average).
pub const DEFAULT_MEMBERS: usize = 25;

impl CorpusSpec {
    pub fn new(count: usize, seed: u64) -> CorpusSpec {
        CorpusSpec {
            count,
            seed,
            members: DEFAULT_MEMBERS,
        }
    }
}

/// The first month of the corpus and how many months it spans.
const FIRST_YEAR: i32 = 2025;
const FIRST_MONTH: u32 = 7;
const MONTHS: u32 = 12;
/// The month (counted from the first) of the yearly 组织生活会: December.
const LIFE_MEETING_MONTH: u32 = 5;

fn date_in(month: u32, day: u32) -> Option<NaiveDate> {
    let m0 = FIRST_MONTH - 1 + month;
    let year = FIRST_YEAR + i32::try_from(m0 / 12).ok()?;
    NaiveDate::from_ymd_opt(year, m0 % 12 + 1, day.clamp(1, 28))
}

/// Add the year of meetings of branch `b` to `plans`.
fn schedule(seed: u64, b: usize, branch: &BranchPlan, plans: &mut Vec<Plan>, serial: &mut u64) {
    let mut rng = SplitMix::derive(seed ^ 0x5c4e_d000, b as u64);
    let day = branch.themed_day;
    for month in 0..MONTHS {
        let mut wanted: Vec<(MeetingKind, u32, Option<usize>)> =
            vec![(MeetingKind::ThemedDay, day, None)];
        if branch.has_committee() {
            wanted.push((MeetingKind::Committee, day - 3, None));
        }
        for g in 0..branch.roster.groups.len() {
            wanted.push((MeetingKind::Group, day + 2 + g as u32, Some(g)));
        }
        if ASSEMBLY_MONTHS.contains(&month) {
            wanted.push((MeetingKind::GeneralAssembly, day + 7, None));
        }
        if month % 3 == 0 {
            wanted.push((MeetingKind::Lecture, day + 8, None));
        }
        if month == LIFE_MEETING_MONTH {
            wanted.push((MeetingKind::LifeMeeting, 26, None));
        }
        for (kind, d, group) in wanted {
            let Some(date) = date_in(month, d) else {
                continue;
            };
            let plan = Plan {
                branch: b,
                month,
                date,
                kind,
                group,
                serial: *serial,
                corrects: None,
            };
            *serial += 1;
            plans.push(plan);
            if rng.below(150) == 0 {
                plans.push(Plan {
                    serial: *serial,
                    corrects: Some(plan.serial),
                    ..plan
                });
                *serial += 1;
            }
        }
    }
}

/// The roster of branch number `index` of the corpus `seed`, with `members` members: Chinese names,
/// distinct within the branch, a committee, 党小组, probationary members. Useful for a large synthetic
/// branch (a village Party committee of 500) outside a corpus.
pub fn branch_roster(seed: u64, index: usize, members: usize) -> crate::domain::Roster {
    BranchPlan::new(seed, index, members.clamp(3, MAX_MEMBERS)).roster
}

/// The corpus as an iterator: each file is built when it is asked for, so 20 000 files never sit in
/// memory at once.
#[derive(Debug, Clone)]
pub struct Corpus {
    seed: u64,
    branches: Vec<BranchPlan>,
    plans: Vec<Plan>,
    next: usize,
}

impl Corpus {
    /// The minutes of the `i`th meeting (in date order), whatever has been iterated.
    fn minutes_at(&self, i: usize) -> Minutes {
        let plan = &self.plans[i];
        script::minutes_for(self.seed, &self.branches[plan.branch], plan)
    }
}

impl Iterator for Corpus {
    type Item = Minutes;

    fn next(&mut self) -> Option<Minutes> {
        if self.next >= self.plans.len() {
            return None;
        }
        self.next += 1;
        Some(self.minutes_at(self.next - 1))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.plans.len() - self.next;
        (left, Some(left))
    }
}

impl ExactSizeIterator for Corpus {}

/// The corpus of `spec`: exactly `spec.count` minutes, in date order.
pub fn generate(spec: &CorpusSpec) -> Corpus {
    let members = spec.members.clamp(3, MAX_MEMBERS);
    let mut branches = Vec::new();
    let mut plans = Vec::new();
    let mut serial = 0;
    while plans.len() < spec.count {
        let b = branches.len();
        let branch = BranchPlan::new(spec.seed, b, members);
        schedule(spec.seed, b, &branch, &mut plans, &mut serial);
        branches.push(branch);
    }
    plans.sort_by_key(|p| (p.date, p.branch, p.serial));
    plans.truncate(spec.count);
    Corpus {
        seed: spec.seed,
        branches,
        plans,
        next: 0,
    }
}

/// Files written at once: fsync latency, not the CPU, bounds writing, and the file system commits
/// concurrent fsyncs together.
const WRITERS: usize = 8;

/// Write the corpus of `spec` into `dir` (created if needed), one file per meeting under its standard
/// name, each written durably and never over an existing file ([`store::write_new`]). Several files
/// are written at once; the bytes of each file do not depend on that. Returns the number of files
/// written.
pub fn write_corpus(dir: &Path, spec: &CorpusSpec) -> Result<usize, StoreError> {
    write_corpus_signed(dir, spec, None)
}

/// The same, each file signed with `key` as a branch's finalize signs it (for the signed-corpus
/// benchmarks and tests).
pub fn write_corpus_signed(
    dir: &Path,
    spec: &CorpusSpec,
    key: Option<&ssh_key::PrivateKey>,
) -> Result<usize, StoreError> {
    store::create_dir_private(dir)?;
    let corpus = generate(spec);
    let corpus = &corpus;
    let failed = &AtomicBool::new(false);
    let results: Vec<Result<usize, StoreError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..WRITERS)
            .map(|k| {
                scope.spawn(move || {
                    let mut written = 0;
                    for i in (k..corpus.plans.len()).step_by(WRITERS) {
                        if failed.load(Ordering::Relaxed) {
                            break;
                        }
                        let m = corpus.minutes_at(i);
                        let sealed = match key {
                            Some(k) => {
                                minutes::build::to_signed_bytes(&m, k).map_err(|e| format!("{e:?}"))
                            }
                            None => minutes::to_bytes(&m).map_err(|e| e.to_string()),
                        };
                        let result = sealed
                            .map_err(|message| StoreError::Canonical { message })
                            .and_then(|(bytes, _)| {
                                store::write_new(&dir.join(m.file_name()), &bytes)
                            });
                        if let Err(e) = result {
                            // The other writers stop at their next file.
                            failed.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                        written += 1;
                    }
                    Ok(written)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(StoreError::Canonical {
                        message: "a corpus writer stopped unexpectedly".to_owned(),
                    })
                })
            })
            .collect()
    });
    results.into_iter().sum()
}
