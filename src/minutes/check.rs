//! Checks of a minutes file: size, encoding, syntax, schema, version, digest and consistency with the
//! rules. Every finding is data (`Problem`); its wording lives in the i18n module.

use std::collections::HashSet;

use serde_json::Value;

use super::canonical::digest_without_integrity;
use super::{FORMAT, MAX_BYTES, Minutes, VERSION};
use crate::domain::meeting::Counts;
use crate::domain::rules::{self, Outcome};
use crate::domain::{AttendanceStatus, ExcuseReason, MeetingKind, Standing};

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
}

impl Problem {
    #[must_use]
    pub fn severity(&self) -> Severity {
        use Problem::{
            AbsentWithoutReason, DecisionWithoutFollowUp, ExcusedWithoutReason, MissingChair,
            MissingPlace, MissingRecorder, NoAgenda, PresentBelowCheckIns,
        };
        match self {
            MissingPlace
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

/// The result of checking one file's bytes.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The parsed minutes, when the file has the v1 shape.
    pub minutes: Option<Minutes>,
    pub findings: Vec<Finding>,
    /// The digest recomputed from the content, when it could be.
    pub computed_digest: Option<String>,
}

impl Checked {
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.findings.iter().all(|f| f.severity < Severity::Error)
    }

    /// The file's content does not match its recorded digest.
    #[must_use]
    pub fn is_tampered(&self) -> bool {
        self.findings
            .iter()
            .any(|f| matches!(f.problem, Problem::DigestMismatch { .. }))
    }
}

fn line_col_of(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[start..]).chars().count() + 1;
    (line, column)
}

/// Check a whole file's bytes.
#[must_use]
pub fn check_bytes(bytes: &[u8]) -> Checked {
    let fail = |p: Problem| Checked {
        minutes: None,
        findings: vec![p.into()],
        computed_digest: None,
    };
    if bytes.len() as u64 > MAX_BYTES {
        return fail(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let (line, column) = line_col_of(bytes, e.valid_up_to());
        return fail(Problem::NotUtf8 { line, column });
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(e) => {
            return fail(Problem::Syntax {
                line: e.line(),
                column: e.column(),
                message: syntax_message(&e),
            });
        }
    };
    check_value(&value)
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the finding carries those separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// Check a parsed JSON value.
pub fn check_value(value: &Value) -> Checked {
    let fail = |p: Problem| Checked {
        minutes: None,
        findings: vec![p.into()],
        computed_digest: None,
    };
    let Value::Object(map) = value else {
        return fail(Problem::NotAnObject);
    };
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        other => {
            return fail(Problem::WrongFormat {
                found: other.map_or_else(|| "(none)".to_owned(), Value::to_string),
            });
        }
    }
    match map.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(u64::from(VERSION)) => {}
        other => {
            return fail(Problem::UnsupportedVersion {
                found: other.map_or_else(|| "(none)".to_owned(), Value::to_string),
            });
        }
    }
    let mut findings: Vec<Finding> = Vec::new();
    let computed = match digest_without_integrity(value) {
        Ok(d) => Some(d),
        Err(e) => {
            findings.push(
                Problem::NotCanonicalizable {
                    message: e.to_string(),
                }
                .into(),
            );
            None
        }
    };
    let minutes: Minutes = match serde_path_to_error::deserialize(value) {
        Ok(m) => m,
        Err(e) => {
            let path = e.path().to_string();
            findings.push(
                Problem::Schema {
                    path,
                    message: e.into_inner().to_string(),
                }
                .into(),
            );
            return Checked {
                minutes: None,
                findings,
                computed_digest: computed,
            };
        }
    };
    if minutes.integrity.algorithm != "sha256" || minutes.integrity.canonicalization != "RFC8785" {
        findings.push(Problem::UnknownIntegrity.into());
    } else if let Some(d) = &computed
        && !d.eq_ignore_ascii_case(&minutes.integrity.digest)
    {
        findings.push(
            Problem::DigestMismatch {
                recorded: minutes.integrity.digest.clone(),
                computed: d.clone(),
            }
            .into(),
        );
    }
    findings.extend(check_rules(&minutes).into_iter().map(Finding::from));
    Checked {
        minutes: Some(minutes),
        findings,
        computed_digest: computed,
    }
}

/// Consistency of a well-formed file with the rules: counts against the attendance list, each vote
/// against its rule, and what a reviewer would reject the record for.
#[must_use]
pub fn check_rules(m: &Minutes) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for a in &m.attendance {
        if !ids.insert(a.member_id.as_str()) {
            out.push(Problem::DuplicateMember {
                id: a.member_id.clone(),
            });
        }
        if a.counted == a.exclusion.is_some() {
            out.push(Problem::ExclusionInconsistent {
                name: a.name.clone(),
            });
        }
        if a.status == AttendanceStatus::Excused
            && (a.reason.is_none()
                || (a.reason == Some(ExcuseReason::Other) && a.reason_text.trim().is_empty()))
        {
            out.push(Problem::ExcusedWithoutReason {
                name: a.name.clone(),
            });
        }
        if a.status == AttendanceStatus::Absent && a.counted && a.reason_text.trim().is_empty() {
            out.push(Problem::AbsentWithoutReason {
                name: a.name.clone(),
            });
        }
    }
    if m.ended_at < m.started_at {
        out.push(Problem::EndsBeforeStart);
    }
    let computed = counts_of(m);
    for (field, recorded, computed) in [
        (
            "expected_total",
            m.counts.expected_total,
            computed.expected_total,
        ),
        (
            "expected_full",
            m.counts.expected_full,
            computed.expected_full,
        ),
        (
            "expected_probationary",
            m.counts.expected_probationary,
            computed.expected_probationary,
        ),
        (
            "present_total",
            m.counts.present_total,
            computed.present_total,
        ),
        ("present_full", m.counts.present_full, computed.present_full),
        (
            "present_probationary",
            m.counts.present_probationary,
            computed.present_probationary,
        ),
    ] {
        if recorded != computed {
            out.push(Problem::CountMismatch {
                field,
                recorded,
                computed,
            });
        }
    }
    if m.place.trim().is_empty() {
        out.push(Problem::MissingPlace);
    }
    if m.chair.as_ref().is_none_or(|c| c.name.trim().is_empty()) {
        out.push(Problem::MissingChair);
    }
    if m.recorder.as_ref().is_none_or(|c| c.name.trim().is_empty()) {
        out.push(Problem::MissingRecorder);
    }
    if m.agenda.is_empty() {
        out.push(Problem::NoAgenda);
    }
    if m.attendance.is_empty() {
        out.push(Problem::NoAttendance);
    }
    for (i, item) in m.items.iter().enumerate() {
        if let Some(v) = &item.vote {
            check_vote(m, i, item, v, &mut out);
        }
        let decided = item
            .vote
            .as_ref()
            .is_some_and(|v| v.outcome == Outcome::Passed);
        if decided
            && item.item_type == rules::ItemType::Ordinary
            && !m.actions.iter().any(|a| a.item == Some(i))
        {
            out.push(Problem::DecisionWithoutFollowUp { item: i + 1 });
        }
    }
    for (a, action) in m.actions.iter().enumerate() {
        if let Some(item) = action.item
            && item >= m.items.len()
        {
            out.push(Problem::ActionItemMissing {
                action: a + 1,
                // A number from the file: as large as it likes, never wrapping.
                item: item.saturating_add(1),
            });
        }
    }
    out
}

/// 应到 / 实到 recomputed from the attendance list.
#[must_use]
pub fn counts_of(m: &Minutes) -> Counts {
    let mut c = Counts::default();
    for a in m.attendance.iter().filter(|a| a.counted) {
        let present = a.status.attended();
        c.expected_total += 1;
        c.present_total += u32::from(present);
        match a.standing {
            Standing::Full => {
                c.expected_full += 1;
                c.present_full += u32::from(present);
            }
            Standing::Probationary => {
                c.expected_probationary += 1;
                c.present_probationary += u32::from(present);
            }
            Standing::Observation | Standing::Suspended => {}
        }
    }
    c
}

fn check_vote(
    m: &Minutes,
    i: usize,
    item: &crate::domain::Item,
    v: &rules::VoteRecord,
    out: &mut Vec<Problem>,
) {
    let n = i + 1;
    let Some(body) = m.kind.vote_body() else {
        out.push(Problem::VoteInKindWithoutVotes { item: n });
        return;
    };
    if body != v.body {
        out.push(Problem::VoteBodyWrong { item: n });
    }
    if item.item_type.is_membership() && v.method != rules::VoteMethod::SecretBallot {
        out.push(Problem::NotSecretBallot { item: n });
    }
    // Entitled voters from the attendance list: full, counted members of the body.
    let entitled: Vec<_> = m
        .attendance
        .iter()
        .filter(|a| a.counted && a.standing.votes())
        .filter(|a| m.kind != MeetingKind::Committee || a.committee_role.is_some())
        .collect();
    let expected = entitled.len() as u32;
    let checked_in_before_vote = entitled
        .iter()
        .filter(|a| a.status.attended() && a.checked_in_at.is_none_or(|t| t <= v.closed_at))
        .count() as u32;
    if v.outcome != Outcome::Deferred || v.entitled_expected != 0 {
        if v.entitled_expected != expected {
            out.push(Problem::ExpectedMismatch {
                item: n,
                recorded: v.entitled_expected,
                computed: expected,
            });
        }
        if v.entitled_present > checked_in_before_vote {
            out.push(Problem::PresentExceedsCheckIns {
                item: n,
                recorded: v.entitled_present,
                computed: checked_in_before_vote,
            });
        } else if v.entitled_present < checked_in_before_vote {
            out.push(Problem::PresentBelowCheckIns {
                item: n,
                recorded: v.entitled_present,
                computed: checked_in_before_vote,
            });
        }
    }
    for w in &v.written_opinions {
        if entitled
            .iter()
            .any(|a| a.member_id == w.member_id && a.status.attended())
        {
            out.push(Problem::WrittenFromPresent {
                item: n,
                name: w.name.clone(),
            });
        }
    }
    let absent: Vec<String> = entitled
        .iter()
        .filter(|a| !a.status.attended())
        .map(|a| a.member_id.clone())
        .collect();
    let input = v.input(item.item_type, absent);
    match rules::judge(&input) {
        Err(e) => {
            // Not-secret-ballot is reported above with its own finding.
            if e != rules::VoteError::SecretBallotRequired {
                out.push(Problem::VoteRejected { item: n, error: e });
            }
        }
        Ok(j) => {
            if j.rule != v.rule || v.rule_citation != j.rule.citation() {
                out.push(Problem::RuleMismatch {
                    item: n,
                    recorded: v.rule.key().to_owned(),
                    expected: j.rule.key().to_owned(),
                });
            }
            if j.quorum_met != v.quorum_met {
                out.push(Problem::QuorumMismatch {
                    item: n,
                    recorded: v.quorum_met,
                    computed: j.quorum_met,
                });
            }
            if j.yes_needed != v.yes_needed {
                out.push(Problem::ThresholdMismatch {
                    item: n,
                    recorded: v.yes_needed,
                    computed: j.yes_needed,
                });
            }
            if j.outcome != v.outcome {
                out.push(Problem::OutcomeContradicts {
                    item: n,
                    recorded: v.outcome,
                    computed: j.outcome,
                });
            }
        }
    }
}
