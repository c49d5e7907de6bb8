//! The branches of the corpus: a stable roster each, a fixed day of the month for the themed day, and
//! the few members whose absences run for months.

use std::collections::HashSet;

use super::rng::SplitMix;
use super::words::{GIVEN_ONE, GIVEN_TWO, ORDINALS, PLACES, SURNAMES, TOWNS, UNITS};
use crate::domain::{
    Branch, CommitteeRole, Exclusion, ExclusionCategory, ExcuseReason, Group, Member, Roster,
    Standing,
};

/// Months in which the 支部党员大会 meets (quarterly), counted from the corpus's first month.
pub const ASSEMBLY_MONTHS: [u32; 4] = [2, 5, 8, 11];

/// How a member's months of absence are recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStyle {
    /// Absent, with the reason the recorder wrote down.
    Absent(&'static str),
    /// Excused with a reason but no one approved it.
    ExcusedUnapproved(ExcuseReason, &'static str),
}

/// A member absent from every meeting in `months` consecutive months from `from_month`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AbsenceRun {
    pub member: usize,
    pub from_month: u32,
    pub months: u32,
    pub style: RunStyle,
}

/// One branch of the corpus.
#[derive(Debug, Clone)]
pub struct BranchPlan {
    pub roster: Roster,
    /// The branch's unit (village or community), for notes.
    pub unit: &'static str,
    pub town: &'static str,
    pub place: String,
    /// Day of the month of the themed day.
    pub themed_day: u32,
    /// Roster indices.
    pub secretary: usize,
    pub deputy: Option<usize>,
    pub recorder: usize,
    /// Roster index of each group's leader, aligned with `roster.groups`.
    pub group_leaders: Vec<usize>,
    pub runs: Vec<AbsenceRun>,
    /// A probationary member and the assembly month that votes on 转正; full from the next month.
    pub promotion: Option<(usize, u32)>,
    /// A 发展对象 and the assembly month that votes on the admission.
    pub admission: Option<(String, u32)>,
}

fn chinese_ordinal(n: usize) -> String {
    ORDINALS
        .get(n)
        .map_or_else(|| (n + 1).to_string(), |s| (*s).to_owned())
}

/// A name not yet in `taken`.
pub fn fresh_name(rng: &mut SplitMix, taken: &mut HashSet<String>) -> String {
    loop {
        let surname = rng.pick(&SURNAMES);
        let given = if rng.chance(72) {
            *rng.pick(&GIVEN_TWO)
        } else {
            *rng.pick(&GIVEN_ONE)
        };
        let name = format!("{surname}{given}");
        if taken.insert(name.clone()) {
            return name;
        }
    }
}

/// The approval reference of the superior Party committee.
fn approval_ref(rng: &mut SplitMix, town: &str) -> String {
    format!("{town}党委〔2025〕{}号", rng.range(3, 48))
}

impl BranchPlan {
    /// Branch number `index` of the corpus `seed`, with `members` members (at least 3).
    pub fn new(seed: u64, index: usize, members: usize) -> BranchPlan {
        let mut rng = SplitMix::derive(seed, 0xb4a1_0000 + index as u64);
        let n = members.max(3);
        let pairs = TOWNS.len() * UNITS.len();
        let slot = index + (seed % pairs as u64) as usize;
        let town = TOWNS[slot % TOWNS.len()];
        let unit = UNITS[(slot / TOWNS.len()) % UNITS.len()];
        let round = slot / pairs;
        let name = if round == 0 {
            format!("{town}{unit}党支部")
        } else {
            format!("{town}{unit}第{}党支部", chinese_ordinal(round))
        };
        let code = format!("4228{:02}{:06}", slot % TOWNS.len() + 1, index + 1);

        let probationary = if n >= 10 { n / 20 + rng.below(2) } else { 0 };
        let observation = usize::from(n >= 20 && rng.chance(20));
        let full = n - probationary - observation;
        let committee = match full {
            f if f >= 15 => 5,
            f if f >= 7 => 3,
            _ => 1,
        };
        let group_count = if n >= 10 { (n / 12).clamp(1, 8) } else { 0 };
        let groups: Vec<String> = (0..group_count)
            .map(|g| format!("第{}党小组", chinese_ordinal(g)))
            .collect();
        let excluded = (n >= 12 && rng.chance(35)).then(|| full - 1);

        let roles = [
            CommitteeRole::Secretary,
            CommitteeRole::DeputySecretary,
            CommitteeRole::Organization,
            CommitteeRole::Propaganda,
            CommitteeRole::Discipline,
        ];
        let mut taken = HashSet::new();
        let mut members_out = Vec::with_capacity(n);
        for i in 0..n {
            let standing = if i >= full + observation {
                Standing::Probationary
            } else if i >= full {
                Standing::Observation
            } else {
                Standing::Full
            };
            let exclusion = (excluded == Some(i)).then(|| Exclusion {
                category: *rng.pick(&[
                    ExclusionCategory::AwayWorkStudy,
                    ExclusionCategory::AwayWorkStudy,
                    ExclusionCategory::Bedridden,
                    ExclusionCategory::AbroadPrivate,
                    ExclusionCategory::Illness,
                ]),
                approval_ref: approval_ref(&mut rng, town),
            });
            members_out.push(Member {
                id: format!("m{:03}", i + 1),
                name: fresh_name(&mut rng, &mut taken),
                standing,
                group: groups.get(i % group_count.max(1)).cloned(),
                committee_role: roles.get(i).copied().filter(|_| i < committee),
                exclusion,
                joined: None,
                confirmed: None,
                out_of_contact: None,
            });
        }

        // Group leaders: the first full, counted member of each group off the committee.
        let eligible = |m: &Member| m.standing == Standing::Full && m.counted();
        let group_leaders: Vec<usize> = (0..group_count)
            .map(|g| {
                (0..n)
                    .filter(|i| i % group_count == g)
                    .find(|&i| i >= committee && eligible(&members_out[i]))
                    .or_else(|| (0..n).find(|i| i % group_count == g))
                    .unwrap_or(0)
            })
            .collect();
        let group_list = groups
            .iter()
            .zip(&group_leaders)
            .map(|(name, &l)| Group {
                name: name.clone(),
                leader: Some(members_out[l].id.clone()),
                deputy: None,
            })
            .collect();

        // Members whose absences run for months: off the committee, not leading a group, counted.
        let mut candidates: Vec<usize> = (committee..n)
            .filter(|i| !group_leaders.contains(i))
            .filter(|&i| {
                members_out[i].counted() && members_out[i].standing != Standing::Observation
            })
            .collect();
        let mut runs = Vec::new();
        for _ in 0..(n / 25).max(1) {
            for (percent, lo, hi) in [(55, 3, 5), (35, 6, 8)] {
                if candidates.is_empty() || !rng.chance(percent) {
                    continue;
                }
                let member = candidates.remove(rng.below(candidates.len()));
                let months = rng.range(lo, hi);
                let style = if rng.chance(60) {
                    RunStyle::Absent(
                        super::words::ABSENT_TEXTS[rng.below(super::words::ABSENT_TEXTS.len())],
                    )
                } else {
                    RunStyle::ExcusedUnapproved(ExcuseReason::Personal, "在外务工")
                };
                runs.push(AbsenceRun {
                    member,
                    from_month: rng.range(0, 12 - months),
                    months,
                    style,
                });
            }
        }

        let promotion = (full + observation..n)
            .find(|i| !runs.iter().any(|r| r.member == *i))
            .filter(|_| rng.chance(60))
            .map(|i| (i, *rng.pick(&ASSEMBLY_MONTHS)));
        let admission = rng.chance(50).then(|| {
            let month = *rng.pick(&ASSEMBLY_MONTHS);
            (fresh_name(&mut rng, &mut taken), month)
        });

        let secretary = 0;
        let deputy = (committee >= 3).then_some(1);
        let recorder = if committee >= 3 { 2 } else { 1 };
        BranchPlan {
            roster: Roster {
                branch: Branch { name, code },
                groups: group_list,
                members: members_out,
                departed: Vec::new(),
            },
            unit,
            town,
            place: format!("{unit}{}", rng.pick(&PLACES)),
            themed_day: rng.range(5, 20),
            secretary,
            deputy,
            recorder,
            group_leaders,
            runs,
            promotion,
            admission,
        }
    }

    /// Whether the branch has a committee (条例 第二十条: 7 or more full members).
    pub fn has_committee(&self) -> bool {
        self.roster.committee().count() >= 3
    }

    /// The roster as of a month: a probationary member voted full becomes full the month after.
    pub fn roster_in(&self, month: u32) -> Roster {
        let mut roster = self.roster.clone();
        if let Some((i, voted)) = self.promotion
            && month > voted
        {
            roster.members[i].standing = Standing::Full;
        }
        roster
    }

    /// The run of absences covering `member` in `month`, if any.
    pub fn run_for(&self, member: usize, month: u32) -> Option<&AbsenceRun> {
        self.runs.iter().find(|r| {
            r.member == member && (r.from_month..r.from_month + r.months).contains(&month)
        })
    }

    /// Whether the village's 四议两公开 applies (a village, not a community).
    pub fn is_village(&self) -> bool {
        self.unit.ends_with('村')
    }
}
