//! What a check of a minutes file can find: each problem as data, with its severity and a stable
//! code; the wording lives in the i18n module.

use crate::domain::rules::{self, Outcome};
use crate::keys::SignatureProblem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Something wrong with a minutes file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    TooLarge {
        bytes: u64,
    },
    NotUtf8 {
        line: usize,
        column: usize,
    },
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    NotAnObject,
    WrongFormat {
        found: String,
    },
    UnsupportedVersion {
        found: String,
    },
    Schema {
        path: String,
        message: String,
    },
    NotCanonicalizable {
        message: String,
    },
    UnknownIntegrity,
    DigestMismatch {
        recorded: String,
        computed: String,
    },
    DuplicateMember {
        id: String,
    },
    EndsBeforeStart,
    CountMismatch {
        field: &'static str,
        recorded: u32,
        computed: u32,
    },
    ExclusionInconsistent {
        name: String,
    },
    /// Left out of 应到会 with a blank approval reference (the superior organisation's approval is
    /// what allows leaving a member out at all).
    ExclusionWithoutApproval {
        name: String,
    },
    /// A vote frozen with other rule settings than the file declares (for membership decisions:
    /// other than the strict quorum they are always judged by).
    FrozenSettingsDiffer {
        item: usize,
        setting: &'static str,
        recorded: &'static str,
        declared: &'static str,
    },
    VoteInKindWithoutVotes {
        item: usize,
    },
    VoteBodyWrong {
        item: usize,
    },
    VoteRejected {
        item: usize,
        error: rules::VoteError,
    },
    NotSecretBallot {
        item: usize,
    },
    RuleMismatch {
        item: usize,
        recorded: String,
        expected: String,
    },
    ExpectedMismatch {
        item: usize,
        recorded: u32,
        computed: u32,
    },
    PresentExceedsCheckIns {
        item: usize,
        recorded: u32,
        computed: u32,
    },
    PresentBelowCheckIns {
        item: usize,
        recorded: u32,
        computed: u32,
    },
    WrittenFromPresent {
        item: usize,
        name: String,
    },
    QuorumMismatch {
        item: usize,
        recorded: bool,
        computed: bool,
    },
    ThresholdMismatch {
        item: usize,
        recorded: u32,
        computed: u32,
    },
    OutcomeContradicts {
        item: usize,
        recorded: Outcome,
        computed: Outcome,
    },
    ActionItemMissing {
        action: usize,
        item: usize,
    },
    MissingPlace,
    MissingChair,
    MissingRecorder,
    NoAgenda,
    NoAttendance,
    ExcusedWithoutReason {
        name: String,
    },
    AbsentWithoutReason {
        name: String,
    },
    DecisionWithoutFollowUp {
        item: usize,
    },
    /// A member of format v2 in a file that says it is v1.
    V2FieldInV1 {
        field: &'static str,
    },
    /// A v2 file without a signature (an error under `--trust`, see `UnsignedUnderTrust`).
    Unsigned,
    /// The signature does not hold: the file was changed after signing, or it is malformed.
    BadSignature(SignatureProblem),
    /// Signed, but no keyring was given to say by whom (`--trust`).
    UnknownSigner {
        fingerprint: String,
    },
    /// Under `--trust`: the signing key is not listed for the file's branch.
    UntrustedSigner {
        fingerprint: String,
        branch: String,
    },
    /// Under `--trust`: the key is listed for the branch but not valid when the file was finalized.
    SignerOutsideValidity {
        fingerprint: String,
        line: usize,
    },
    /// Under `--trust`: a v2 file without a signature.
    UnsignedUnderTrust,
    /// `vote` is not the last round that was not annulled.
    StandingRoundWrong {
        item: usize,
    },
    AnnulledWithoutReason {
        item: usize,
        round: usize,
    },
    RoundsOutOfOrder {
        item: usize,
    },
    /// 早退 without having attended, before arriving, or after the end.
    LeftInconsistent {
        name: String,
    },
    LeftWithoutReason {
        name: String,
    },
    /// 暂缓表决 with counts: a deferral is not a vote (format v2).
    DeferredWithCounts {
        item: usize,
    },
    DeferredWithoutReason {
        item: usize,
    },
    /// A 民主评议党员 item with a vote: the appraisal settles a grade, it is not voted.
    AppraisalVoted {
        item: usize,
    },
    /// A grade on an item that is not a 民主评议党员.
    GradeWithoutAppraisal {
        item: usize,
    },
    /// A secret ballot without its tally (issued, returned, valid, invalid).
    BallotsMissing {
        item: usize,
    },
    /// A ballot tally without 监票人 or 计票人.
    NoScrutineer {
        item: usize,
    },
    /// A correction (`supersedes`) without its 更正原因.
    CorrectionWithoutReason,
    /// Among the files checked together: the same id and the same content as an earlier file.
    DuplicateCopy {
        of: String,
    },
    /// Among the files checked together: the same id as an earlier file, with different content.
    IdConflict {
        with: String,
    },
}

impl Problem {
    #[must_use]
    pub fn severity(&self) -> Severity {
        use Problem::{
            AbsentWithoutReason, BallotsMissing, DecisionWithoutFollowUp, DuplicateCopy,
            ExcusedWithoutReason, IdConflict, LeftWithoutReason, MissingChair, MissingPlace,
            MissingRecorder, NoAgenda, NoScrutineer, PresentBelowCheckIns, UnknownSigner, Unsigned,
        };
        match self {
            Unsigned
            | UnknownSigner { .. }
            | DuplicateCopy { .. }
            | IdConflict { .. }
            | LeftWithoutReason { .. }
            | BallotsMissing { .. }
            | NoScrutineer { .. }
            | MissingPlace
            | MissingChair
            | MissingRecorder
            | NoAgenda
            | ExcusedWithoutReason { .. }
            | AbsentWithoutReason { .. }
            | DecisionWithoutFollowUp { .. }
            | PresentBelowCheckIns { .. } => Severity::Warning,
            _ => Severity::Error,
        }
    }

    /// Says who signed (or that nobody did) rather than what is wrong with the record: the
    /// reviewer sees it as the file's signature status.
    #[must_use]
    pub fn is_signature_status(&self) -> bool {
        matches!(self, Problem::Unsigned | Problem::UnknownSigner { .. })
    }

    /// A stable machine-readable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Problem::TooLarge { .. } => "too_large",
            Problem::NotUtf8 { .. } => "not_utf8",
            Problem::Syntax { .. } => "syntax",
            Problem::NotAnObject => "not_an_object",
            Problem::WrongFormat { .. } => "wrong_format",
            Problem::UnsupportedVersion { .. } => "unsupported_version",
            Problem::Schema { .. } => "schema",
            Problem::NotCanonicalizable { .. } => "not_canonicalizable",
            Problem::UnknownIntegrity => "unknown_integrity",
            Problem::DigestMismatch { .. } => "digest_mismatch",
            Problem::DuplicateMember { .. } => "duplicate_member",
            Problem::EndsBeforeStart => "ends_before_start",
            Problem::CountMismatch { .. } => "count_mismatch",
            Problem::ExclusionInconsistent { .. } => "exclusion_inconsistent",
            Problem::ExclusionWithoutApproval { .. } => "exclusion_without_approval",
            Problem::FrozenSettingsDiffer { .. } => "frozen_settings_differ",
            Problem::VoteInKindWithoutVotes { .. } => "vote_in_kind_without_votes",
            Problem::VoteBodyWrong { .. } => "vote_body_wrong",
            Problem::VoteRejected { .. } => "vote_rejected",
            Problem::NotSecretBallot { .. } => "not_secret_ballot",
            Problem::RuleMismatch { .. } => "rule_mismatch",
            Problem::ExpectedMismatch { .. } => "expected_mismatch",
            Problem::PresentExceedsCheckIns { .. } => "present_exceeds_check_ins",
            Problem::PresentBelowCheckIns { .. } => "present_below_check_ins",
            Problem::WrittenFromPresent { .. } => "written_from_present",
            Problem::QuorumMismatch { .. } => "quorum_mismatch",
            Problem::ThresholdMismatch { .. } => "threshold_mismatch",
            Problem::OutcomeContradicts { .. } => "outcome_contradicts",
            Problem::ActionItemMissing { .. } => "action_item_missing",
            Problem::MissingPlace => "missing_place",
            Problem::MissingChair => "missing_chair",
            Problem::MissingRecorder => "missing_recorder",
            Problem::NoAgenda => "no_agenda",
            Problem::NoAttendance => "no_attendance",
            Problem::ExcusedWithoutReason { .. } => "excused_without_reason",
            Problem::AbsentWithoutReason { .. } => "absent_without_reason",
            Problem::DecisionWithoutFollowUp { .. } => "decision_without_follow_up",
            Problem::V2FieldInV1 { .. } => "v2_field_in_v1",
            Problem::Unsigned => "unsigned",
            Problem::BadSignature(_) => "bad_signature",
            Problem::UnknownSigner { .. } => "unknown_signer",
            Problem::UntrustedSigner { .. } => "untrusted_signer",
            Problem::SignerOutsideValidity { .. } => "signer_outside_validity",
            Problem::UnsignedUnderTrust => "unsigned_under_trust",
            Problem::StandingRoundWrong { .. } => "standing_round_wrong",
            Problem::AnnulledWithoutReason { .. } => "annulled_without_reason",
            Problem::RoundsOutOfOrder { .. } => "rounds_out_of_order",
            Problem::LeftInconsistent { .. } => "left_inconsistent",
            Problem::LeftWithoutReason { .. } => "left_without_reason",
            Problem::DeferredWithCounts { .. } => "deferred_with_counts",
            Problem::DeferredWithoutReason { .. } => "deferred_without_reason",
            Problem::AppraisalVoted { .. } => "appraisal_voted",
            Problem::GradeWithoutAppraisal { .. } => "grade_without_appraisal",
            Problem::BallotsMissing { .. } => "ballots_missing",
            Problem::NoScrutineer { .. } => "no_scrutineer",
            Problem::CorrectionWithoutReason => "correction_without_reason",
            Problem::DuplicateCopy { .. } => "duplicate_copy",
            Problem::IdConflict { .. } => "id_conflict",
        }
    }
}

/// A problem with its severity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
}

impl From<Problem> for Finding {
    fn from(problem: Problem) -> Self {
        Finding {
            severity: problem.severity(),
            problem,
        }
    }
}
