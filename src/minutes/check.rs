//! Checks of a minutes file: size, encoding, syntax, schema, version, digest and consistency with the
//! rules. Every finding is data (`Problem`); its wording lives in the i18n module.

use std::collections::HashSet;

use serde_json::Value;
use sha2::Digest;

use super::canonical::{canonical_without_integrity, hex};
use super::{FORMAT, MAX_BYTES, Minutes, VERSIONS};
use crate::domain::meeting::Counts;
use crate::domain::rules::{self, Outcome};
use crate::domain::{AttendanceStatus, ExcuseReason};

pub use super::problem::{Finding, Problem, Severity};

/// The result of checking one file's bytes.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The parsed minutes, when the file has the v1 shape.
    pub minutes: Option<Minutes>,
    pub findings: Vec<Finding>,
    /// The digest recomputed from the content, when it could be.
    pub computed_digest: Option<String>,
    /// The key whose signature over the content holds (format v2), when there is one.
    pub signed_by: Option<ssh_key::PublicKey>,
    /// A keyring (`--trust`) lists that key for the file's branch at its finalize time.
    pub trusted: bool,
    /// A signature read but not yet verified ([`signature::settle_all`]); never left set on a
    /// result outside this module's readers.
    pub(crate) pending: Option<Box<signature::Pending>>,
}

impl Checked {
    /// A file with one finding and no minutes (too large, not UTF-8, not JSON, not v1, …).
    #[must_use]
    pub fn failed(problem: Problem) -> Checked {
        Checked {
            minutes: None,
            findings: vec![problem.into()],
            computed_digest: None,
            signed_by: None,
            trusted: false,
            pending: None,
        }
    }

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

/// Check a whole file's bytes: the one parse of [`super::fast`] for a file of the v1 shape, and
/// the full check below (which explains what is wrong) for anything else. Both give the same
/// result for the same bytes.
#[must_use]
pub fn check_bytes(bytes: &[u8]) -> Checked {
    check_bytes_unsettled(bytes).settled()
}

/// The same, with the ed25519 arithmetic of a signature left for [`signature::settle_all`] (which
/// verifies a whole batch of files at once).
#[must_use]
pub(crate) fn check_bytes_unsettled(bytes: &[u8]) -> Checked {
    super::fast::check(bytes).unwrap_or_else(|| check_full_unsettled(bytes))
}

/// The full check, pass by pass, with the line and column of a syntax error and the path of the
/// first field that does not fit.
#[must_use]
#[cfg(test)]
pub(crate) fn check_full(bytes: &[u8]) -> Checked {
    check_full_unsettled(bytes).settled()
}

fn check_full_unsettled(bytes: &[u8]) -> Checked {
    let fail = Checked::failed;
    if bytes.len() as u64 > MAX_BYTES {
        return fail(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if let Err(e) = std::str::from_utf8(bytes) {
        let (line, column) = line_col_of(bytes, e.valid_up_to());
        return fail(Problem::NotUtf8 { line, column });
    }
    let syntax = |e: serde_json::Error| Problem::Syntax {
        line: e.line(),
        // serde_json counts the column of an unexpected end of file as 0.
        column: e.column().max(1),
        message: syntax_message(&e),
    };
    // First pass: syntax and the two members that say what the file is, keeping nothing else in
    // memory — a hostile file of millions of numbers costs no allocation here.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return fail(
            match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
                Ok(_) => Problem::NotAnObject,
                Err(e) => syntax(e),
            },
        );
    }
    let head: Head = match serde_json::from_slice(bytes) {
        Ok(h) => h,
        Err(e) if e.classify() == serde_json::error::Category::Data => {
            return fail(Problem::NotAnObject);
        }
        Err(e) => return fail(syntax(e)),
    };
    if let Some(p) = head.problem() {
        return fail(p);
    }
    // Second pass: the typed file, with the path of the first field that does not fit.
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let minutes: Minutes = match serde_path_to_error::deserialize(&mut de) {
        Ok(m) => m,
        Err(e) => {
            let path = e.path().to_string();
            return fail(Problem::Schema {
                path,
                message: e.into_inner().to_string(),
            });
        }
    };
    // Third pass, only for a file of the right shape: the value whose canonical form is hashed.
    match serde_json::from_slice::<Value>(bytes) {
        Ok(value) => {
            let canonical =
                canonical_without_integrity(&value).map_err(|e| Problem::NotCanonicalizable {
                    message: e.to_string(),
                });
            judge(minutes, canonical)
        }
        Err(e) => fail(syntax(e)),
    }
}

/// `format` and `version` as found, without keeping anything else.
#[derive(serde::Deserialize)]
struct Head {
    format: Option<Scalar>,
    version: Option<Scalar>,
}

impl Head {
    fn problem(&self) -> Option<Problem> {
        let shown = |s: &Option<Scalar>| {
            s.as_ref()
                .map_or_else(|| "(none)".to_owned(), |s| s.0.clone())
        };
        match &self.format {
            Some(Scalar(f, true)) if f == &format!("\"{FORMAT}\"") => {}
            other => {
                return Some(Problem::WrongFormat {
                    found: shown(other),
                });
            }
        }
        match &self.version {
            Some(Scalar(v, false)) if VERSIONS.iter().any(|n| v == &n.to_string()) => None,
            other => Some(Problem::UnsupportedVersion {
                found: shown(other),
            }),
        }
    }
}

/// A JSON scalar as written (strings quoted, the flag says it was a string); arrays and objects
/// are skipped without being kept and shown as `[…]` / `{…}`.
struct Scalar(String, bool);

impl<'de> serde::Deserialize<'de> for Scalar {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E>(self, v: &str) -> Result<Scalar, E> {
                let shown: String = v.chars().take(64).collect();
                Ok(Scalar(serde_json::Value::String(shown).to_string(), true))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string(), false))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string(), false))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string(), false))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string(), false))
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar("null".to_owned(), false))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
                while a.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(Scalar("[…]".to_owned(), false))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut a: A) -> Result<Scalar, A::Error> {
                while a
                    .next_entry::<serde::de::IgnoredAny, serde::de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(Scalar("{…}".to_owned(), false))
            }
        }
        d.deserialize_any(V)
    }
}

fn syntax_message(e: &serde_json::Error) -> String {
    // serde_json appends " at line L column C"; the finding carries those separately.
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// The checks of a file of the right shape, given the canonical bytes of its content (or why they
/// could not be had): its integrity member (digest, and in v2 the signature) and the rules.
pub(super) fn judge(minutes: Minutes, canonical: Result<String, Problem>) -> Checked {
    let mut findings: Vec<Finding> = Vec::new();
    let canonical = match canonical {
        Ok(c) => Some(c),
        Err(p) => {
            findings.push(p.into());
            None
        }
    };
    let digest: Option<[u8; 32]> = canonical
        .as_ref()
        .map(|c| sha2::Sha256::digest(c.as_bytes()).into());
    let computed = digest.as_ref().map(|d| hex(d));
    let mut pending = None;
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
    if minutes.version >= 2 {
        pending = signature::check(
            &minutes,
            canonical.as_deref(),
            digest.as_ref(),
            &mut findings,
        );
    }
    findings.extend(check_rules(&minutes).into_iter().map(Finding::from));
    Checked {
        minutes: Some(minutes),
        findings,
        computed_digest: computed,
        signed_by: None,
        trusted: false,
        pending: pending.map(Box::new),
    }
}

/// Consistency of a well-formed file with the rules: counts against the attendance list, each vote
/// against its rule, and what a reviewer would reject the record for.
#[must_use]
pub fn check_rules(m: &Minutes) -> Vec<Problem> {
    let mut out = Vec::new();
    let v2 = m.version >= 2;
    if v2 {
        check_v2(m, &mut out);
    } else {
        fields_of_v2(m, &mut out);
    }
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
        if a.exclusion
            .as_ref()
            .is_some_and(|x| x.approval_ref.trim().is_empty())
        {
            out.push(Problem::ExclusionWithoutApproval {
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
    // Gathered once, so that a file with many items stays linear to check.
    let entitled = Entitled::of(m);
    let followed_up: HashSet<usize> = m.actions.iter().filter_map(|a| a.item).collect();
    for (i, item) in m.items.iter().enumerate() {
        if v2 {
            // Every round that was not annulled is held to the rules (an annulled round was
            // entered wrongly and says so); `vote` is the last of them.
            for r in item.rounds.iter().filter(|r| r.annulled.is_none()) {
                check_vote(m, &entitled, i, item, &r.vote, &mut out);
            }
        } else if let Some(v) = &item.vote {
            check_vote(m, &entitled, i, item, v, &mut out);
        }
        let decided = item
            .vote
            .as_ref()
            .is_some_and(|v| v.outcome == Outcome::Passed);
        if decided && item.item_type == rules::ItemType::Ordinary && !followed_up.contains(&i) {
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

/// 应到 / 实到 recomputed from the attendance list, by the tally of the file's version.
#[must_use]
pub fn counts_of(m: &Minutes) -> Counts {
    let mut c = Counts::default();
    for a in m.attendance.iter().filter(|a| a.counted) {
        if m.version >= 2 {
            c.add(a.standing, a.status.attended());
        } else {
            c.add_v1(a.standing, a.status.attended());
        }
    }
    c
}

pub(crate) mod signature;
mod v2;
mod votes;

pub use signature::SignatureStatus;
use v2::{check_v2, fields_of_v2};
use votes::{Entitled, check_vote};

#[cfg(test)]
mod vote_tests;

#[cfg(test)]
mod rule_tests;
