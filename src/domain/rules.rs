//! Quorum and pass thresholds, computed from the regulations and frozen into the record.
//!
//! Let E = entitled voters expected (full members in 应到会), P = entitled voters present,
//! Y/N/A = yes/no/abstain. All comparisons are integer arithmetic (`2 * x > e`), never division.

use serde::{Deserialize, Serialize};

use super::Timestamp;
use super::record::PersonRef;

/// The body that votes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteBody {
    /// 支部党员大会 (also a 党员大会 session inside a themed day).
    Assembly,
    /// 支部委员会会议.
    Committee,
}

/// What is being decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// An ordinary decision.
    Ordinary,
    /// 接收预备党员.
    Admission,
    /// 预备党员转正.
    FullMembership,
    /// 延长预备期.
    ProbationExtension,
    /// 取消预备党员资格.
    ProbationCancellation,
    /// 确定入党积极分子 (细则 第九条): by the 支委会, or the 支部大会 where there is no committee; the
    /// committee's (or the assembly's) ordinary rule. Format v2.
    Activist,
    /// 确定发展对象 (细则 第十三、十四条): by the 支委会 after hearing the 党小组, the 培养联系人,
    /// members and non-members, reported to the 基层党委 for the record. Format v2.
    DevelopmentCandidate,
    /// 纪律处分 of a member (党章 第四十条): decided by the 支部大会 by its ordinary rule, in force
    /// once the 基层党委 approves. Format v2.
    Discipline,
    /// 民主评议党员: no majority vote; the grade the branch settles, with the 测评 tallies if kept
    /// (中组部 民主评议党员, 1988; no central rule on the tallies). Format v2.
    Appraisal,
}

impl ItemType {
    pub const ALL: [ItemType; 9] = [
        ItemType::Ordinary,
        ItemType::Admission,
        ItemType::FullMembership,
        ItemType::ProbationExtension,
        ItemType::ProbationCancellation,
        ItemType::Activist,
        ItemType::DevelopmentCandidate,
        ItemType::Discipline,
        ItemType::Appraisal,
    ];

    /// Decisions on membership (细则 第二十、二十一、三十三条): secret ballot, written opinions count.
    #[must_use]
    pub fn is_membership(self) -> bool {
        matches!(
            self,
            ItemType::Admission
                | ItemType::FullMembership
                | ItemType::ProbationExtension
                | ItemType::ProbationCancellation
        )
    }

    /// Whether the item is about one person (the candidate, the member disciplined or appraised).
    #[must_use]
    pub fn about_a_person(self) -> bool {
        self != ItemType::Ordinary
    }

    /// Whether the item is decided by a vote (民主评议 settles a grade instead).
    #[must_use]
    pub fn is_voted(self) -> bool {
        self != ItemType::Appraisal
    }

    /// Whether format v1 has this type.
    #[must_use]
    pub fn in_v1(self) -> bool {
        matches!(self, ItemType::Ordinary) || self.is_membership()
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            ItemType::Ordinary => "ordinary",
            ItemType::Admission => "admission",
            ItemType::FullMembership => "full_membership",
            ItemType::ProbationExtension => "probation_extension",
            ItemType::ProbationCancellation => "probation_cancellation",
            ItemType::Activist => "activist",
            ItemType::DevelopmentCandidate => "development_candidate",
            ItemType::Discipline => "discipline",
            ItemType::Appraisal => "appraisal",
        }
    }
}

/// How the vote was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMethod {
    /// 举手表决
    ShowOfHands,
    /// 无记名投票
    SecretBallot,
    /// 口头表决
    Voice,
    /// 记名投票 / 逐一表态
    RollCall,
}

impl VoteMethod {
    pub const ALL: [VoteMethod; 4] = [
        VoteMethod::ShowOfHands,
        VoteMethod::SecretBallot,
        VoteMethod::Voice,
        VoteMethod::RollCall,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            VoteMethod::ShowOfHands => "show_of_hands",
            VoteMethod::SecretBallot => "secret_ballot",
            VoteMethod::Voice => "voice",
            VoteMethod::RollCall => "roll_call",
        }
    }
}

/// The outcome of a vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Passed,
    Failed,
    NoQuorum,
    /// 暂缓表决 (党章 第十七条): chosen by the meeting, never forced.
    Deferred,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Passed,
        Outcome::Failed,
        Outcome::NoQuorum,
        Outcome::Deferred,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::NoQuorum => "no_quorum",
            Outcome::Deferred => "deferred",
        }
    }
}

/// The rule a vote was judged by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// 党员大会, ordinary decision: quorum P > E/2, passes when Y > E/2. 条例 第十一条.
    AssemblyOrdinary,
    /// 支委会: committee present > half; passes when Y > half of the committee (a setting). 条例 第十二条.
    CommitteeOrdinary,
    /// Admission, 转正, extension or cancellation of probation: quorum P > E/2, passes when
    /// Y + written yes > E/2, secret ballot. 细则 第二十、二十一、三十三条.
    Membership,
}

impl Rule {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Rule::AssemblyOrdinary => "assembly_ordinary",
            Rule::CommitteeOrdinary => "committee_ordinary",
            Rule::Membership => "membership",
        }
    }

    /// The source of the rule, as shown in the UI and the record.
    #[must_use]
    pub fn citation(self) -> &'static str {
        match self {
            Rule::AssemblyOrdinary => "条例 第五章（第十一条）",
            Rule::CommitteeOrdinary => "条例 第五章（第十二条）",
            Rule::Membership => "细则 第二十、二十一、三十三条",
        }
    }
}

/// "半数以上" vs "超过半数": how the quorum is compared. The default is strict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum QuorumComparison {
    /// P > E/2
    #[default]
    MoreThanHalf,
    /// P ≥ E/2
    AtLeastHalf,
}

impl QuorumComparison {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            QuorumComparison::MoreThanHalf => "more_than_half",
            QuorumComparison::AtLeastHalf => "at_least_half",
        }
    }
}

/// The denominator of a committee decision (no central rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum CommitteePassBase {
    /// Y > half of all committee members (default).
    #[default]
    AllMembers,
    /// Y > half of the committee members present.
    Present,
}

impl CommitteePassBase {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            CommitteePassBase::AllMembers => "all_members",
            CommitteePassBase::Present => "present",
        }
    }
}

/// The branch's settings where no central rule fixes the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RuleSettings {
    #[serde(default)]
    pub quorum: QuorumComparison,
    #[serde(default)]
    pub committee_pass: CommitteePassBase,
}

/// A written opinion (书面意见) submitted before the meeting by an absent full member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrittenOpinion {
    pub member_id: String,
    pub name: String,
    pub opinion: Opinion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Opinion {
    Yes,
    No,
    Abstain,
}

/// The tally of a secret ballot (无记名投票): ballots issued, returned, valid and invalid, with the
/// 监票人 and 计票人. valid = Y + N + A; invalid ballots count toward neither side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Ballots {
    pub issued: u32,
    pub returned: u32,
    pub valid: u32,
    pub invalid: u32,
    /// 监票人
    #[serde(default)]
    pub scrutineers: Vec<PersonRef>,
    /// 计票人
    #[serde(default)]
    pub counters: Vec<PersonRef>,
}

/// Everything the rules need to judge a vote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteInput {
    pub body: VoteBody,
    pub item_type: ItemType,
    pub method: VoteMethod,
    /// E
    pub entitled_expected: u32,
    /// P
    pub entitled_present: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub written: Vec<WrittenOpinion>,
    /// Ids of the entitled voters who are absent: the only ones whose written opinions may count.
    pub absent_entitled: Vec<String>,
    /// The meeting chose 暂缓表决.
    pub deferred: bool,
    pub settings: RuleSettings,
    /// The tally of a secret ballot, when kept (format v2).
    pub ballots: Option<Ballots>,
}

/// Why a vote cannot be recorded as entered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("yes + no + abstain = {total} exceeds the {present} entitled voters present")]
    CountsExceedPresent { total: u32, present: u32 },
    #[error("a membership decision must be taken by secret ballot (细则 第二十条)")]
    SecretBallotRequired,
    #[error("written opinions count only for membership decisions")]
    WrittenNotAllowed,
    #[error("written opinion from {0}, who is not an absent full member")]
    WrittenFromIneligible(String),
    #[error("two written opinions from {0}")]
    WrittenDuplicate(String),
    #[error("membership decisions are taken by the 党员大会, not the committee (细则 第二十条)")]
    MembershipNeedsAssembly,
    #[error(
        "a disciplinary sanction is decided by the 支部大会, not the committee (党章 第四十条)"
    )]
    DisciplineNeedsAssembly,
    #[error("民主评议党员 is not voted: the branch settles a grade")]
    AppraisalIsNotVoted,
    #[error("a ballot tally belongs to a secret ballot")]
    BallotsWithoutSecretBallot,
    #[error("{issued} ballots issued to {present} entitled voters present")]
    IssuedExceedsPresent { issued: u32, present: u32 },
    #[error("{returned} ballots returned of {issued} issued: the ballot is void and held again")]
    ReturnedExceedsIssued { returned: u32, issued: u32 },
    #[error("{valid} valid + {invalid} invalid ballots is not the {returned} returned")]
    ReturnedMismatch {
        returned: u32,
        valid: u32,
        invalid: u32,
    },
    #[error("yes + no + abstain = {counted} is not the {valid} valid ballots")]
    ValidMismatch { counted: u32, valid: u32 },
}

/// The rules' verdict on a vote, with its denominators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    pub rule: Rule,
    pub quorum_met: bool,
    /// Yes votes that count (including written yes for membership decisions).
    pub yes_counted: u32,
    /// The smallest number of counted yes votes that passes.
    pub yes_needed: u32,
    /// The smallest number present that makes a quorum.
    pub quorum_needed: u32,
    pub outcome: Outcome,
}

/// The least integer `x` with `2x > n` (strict) or `2x >= n`.
fn least_half(n: u32, strict: bool) -> u32 {
    if strict { n / 2 + 1 } else { n.div_ceil(2) }
}

/// The fewest entitled voters present that make a quorum of `expected` (at least one).
#[must_use]
pub fn quorum_needed(expected: u32, comparison: QuorumComparison) -> u32 {
    match comparison {
        QuorumComparison::MoreThanHalf => least_half(expected, true),
        QuorumComparison::AtLeastHalf => least_half(expected, false).max(1),
    }
}

impl RuleSettings {
    /// The settings a decision is actually judged by. Membership decisions (admission, 转正,
    /// extension or cancellation of probation) always need P > E/2, whatever the branch's quorum
    /// setting says (细则 第二十条): the setting covers the branch's ordinary decisions only.
    #[must_use]
    pub fn applied_to(self, item_type: ItemType) -> RuleSettings {
        if item_type.is_membership() {
            RuleSettings {
                quorum: QuorumComparison::MoreThanHalf,
                ..self
            }
        } else {
            self
        }
    }
}

/// Judge a vote. Errors are inputs the rules reject at entry.
pub fn judge(input: &VoteInput) -> Result<Judgement, VoteError> {
    let total = input
        .yes
        .saturating_add(input.no)
        .saturating_add(input.abstain);
    if total > input.entitled_present {
        return Err(VoteError::CountsExceedPresent {
            total,
            present: input.entitled_present,
        });
    }
    let rule = match (input.body, input.item_type) {
        (_, ItemType::Appraisal) => return Err(VoteError::AppraisalIsNotVoted),
        (VoteBody::Committee, ItemType::Discipline) => {
            return Err(VoteError::DisciplineNeedsAssembly);
        }
        (VoteBody::Committee, t) if t.is_membership() => {
            return Err(VoteError::MembershipNeedsAssembly);
        }
        (VoteBody::Assembly, t) if t.is_membership() => Rule::Membership,
        (VoteBody::Assembly, _) => Rule::AssemblyOrdinary,
        (VoteBody::Committee, _) => Rule::CommitteeOrdinary,
    };
    if rule == Rule::Membership {
        if input.method != VoteMethod::SecretBallot {
            return Err(VoteError::SecretBallotRequired);
        }
        let absent: std::collections::HashSet<&str> =
            input.absent_entitled.iter().map(String::as_str).collect();
        let mut seen = std::collections::HashSet::new();
        for w in &input.written {
            if !absent.contains(w.member_id.as_str()) {
                return Err(VoteError::WrittenFromIneligible(w.name.clone()));
            }
            if !seen.insert(w.member_id.as_str()) {
                return Err(VoteError::WrittenDuplicate(w.name.clone()));
            }
        }
    } else if !input.written.is_empty() {
        return Err(VoteError::WrittenNotAllowed);
    }
    if let Some(b) = &input.ballots {
        check_ballots(input, b, total)?;
    }

    let e = input.entitled_expected;
    let p = input.entitled_present;
    let settings = input.settings.applied_to(input.item_type);
    let quorum_needed = quorum_needed(e, settings.quorum);
    let quorum_met = e > 0 && p >= quorum_needed;
    let written_yes = input
        .written
        .iter()
        .filter(|w| w.opinion == Opinion::Yes)
        .count() as u32;
    let yes_counted = input.yes.saturating_add(written_yes);
    let base = match (rule, settings.committee_pass) {
        (Rule::CommitteeOrdinary, CommitteePassBase::Present) => p,
        _ => e,
    };
    let yes_needed = least_half(base, true);
    // Without a quorum the meeting cannot be held (条例 第十一条; 细则 第二十条), so it cannot decide
    // anything, not even to defer: no quorum wins over a deferral.
    let outcome = if !quorum_met {
        Outcome::NoQuorum
    } else if input.deferred {
        Outcome::Deferred
    } else if yes_counted >= yes_needed {
        Outcome::Passed
    } else {
        Outcome::Failed
    };
    Ok(Judgement {
        rule,
        quorum_met,
        yes_counted,
        yes_needed,
        quorum_needed,
        outcome,
    })
}

/// A secret ballot's tally against the votes (选举工作条例 第二十二条, applied to every secret ballot).
fn check_ballots(input: &VoteInput, b: &Ballots, counted: u32) -> Result<(), VoteError> {
    if input.method != VoteMethod::SecretBallot {
        return Err(VoteError::BallotsWithoutSecretBallot);
    }
    if b.issued > input.entitled_present {
        return Err(VoteError::IssuedExceedsPresent {
            issued: b.issued,
            present: input.entitled_present,
        });
    }
    if b.returned > b.issued {
        return Err(VoteError::ReturnedExceedsIssued {
            returned: b.returned,
            issued: b.issued,
        });
    }
    if b.valid.saturating_add(b.invalid) != b.returned {
        return Err(VoteError::ReturnedMismatch {
            returned: b.returned,
            valid: b.valid,
            invalid: b.invalid,
        });
    }
    if counted != b.valid {
        return Err(VoteError::ValidMismatch {
            counted,
            valid: b.valid,
        });
    }
    Ok(())
}

/// A closed vote as frozen into the record: counts, denominators, rule and outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRecord {
    pub body: VoteBody,
    pub method: VoteMethod,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    #[serde(default)]
    pub written_opinions: Vec<WrittenOpinion>,
    pub rule: Rule,
    pub rule_citation: String,
    pub quorum_comparison: QuorumComparison,
    pub committee_pass: CommitteePassBase,
    pub entitled_expected: u32,
    pub entitled_present: u32,
    pub quorum_met: bool,
    pub yes_needed: u32,
    pub outcome: Outcome,
    pub closed_at: Timestamp,
    /// The tally of a secret ballot (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballots: Option<Ballots>,
    /// Why the meeting chose 暂缓表决 (format v2: a deferral carries a reason and no counts).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub deferred_reason: String,
}

impl VoteRecord {
    /// Freeze a judged vote into the record: counts, denominators, rule and outcome as they are when
    /// the vote closes. Later check-ins do not change it.
    pub fn freeze(input: &VoteInput, judgement: &Judgement, closed_at: Timestamp) -> VoteRecord {
        VoteRecord {
            body: input.body,
            method: input.method,
            yes: input.yes,
            no: input.no,
            abstain: input.abstain,
            written_opinions: input.written.clone(),
            rule: judgement.rule,
            rule_citation: judgement.rule.citation().to_owned(),
            // The settings the vote was judged by (for membership decisions, the strict quorum).
            quorum_comparison: input.settings.applied_to(input.item_type).quorum,
            committee_pass: input.settings.applied_to(input.item_type).committee_pass,
            entitled_expected: input.entitled_expected,
            entitled_present: input.entitled_present,
            quorum_met: judgement.quorum_met,
            yes_needed: judgement.yes_needed,
            outcome: judgement.outcome,
            closed_at,
            ballots: input.ballots.clone(),
            deferred_reason: String::new(),
        }
    }

    /// Rebuild the rules' input from a frozen record (for checking a file).
    #[must_use]
    pub fn input(&self, item_type: ItemType, absent_entitled: Vec<String>) -> VoteInput {
        VoteInput {
            body: self.body,
            item_type,
            method: self.method,
            entitled_expected: self.entitled_expected,
            entitled_present: self.entitled_present,
            yes: self.yes,
            no: self.no,
            abstain: self.abstain,
            written: self.written_opinions.clone(),
            absent_entitled,
            deferred: self.outcome == Outcome::Deferred,
            settings: RuleSettings {
                quorum: self.quorum_comparison,
                committee_pass: self.committee_pass,
            },
            ballots: self.ballots.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
