//! Checks of a minutes file: size, encoding, syntax, schema, version, digest and consistency with the
//! rules. Every finding is data (`Problem`); its wording lives in the i18n module.

use std::collections::{HashMap, HashSet};

use serde_json::Value;
use sha2::Digest;

use super::canonical::{canonical_without_integrity, hex};
use super::{FORMAT, MAX_BYTES, Minutes, VERSIONS};
use crate::domain::meeting::Counts;
use crate::domain::rules::{self, Outcome};
use crate::domain::{AttendanceStatus, ExcuseReason, MeetingKind, Timestamp};

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
        }
    }

    /// Judge the signature against a keyring (`--trust`): a trusted signer replaces the "unknown
    /// signer" warning; an unlisted or expired signer, or a v2 file without a signature, is an
    /// error. Without a keyring nothing changes.
    pub fn trust(&mut self, keyring: Option<&crate::keys::Keyring>) {
        use crate::keys::Standing;
        let Some(ring) = keyring else { return };
        let Some(m) = &self.minutes else { return };
        let branch = m.branch.code.clone();
        let at = m.finalized_at;
        let verdict = self.signed_by.as_ref().map(|key| {
            let fingerprint = crate::keys::fingerprint(key);
            match ring.standing(&branch, crate::keys::NAMESPACE, key, at) {
                Standing::Trusted => None,
                Standing::NotListed => Some(Problem::UntrustedSigner {
                    fingerprint,
                    branch: branch.clone(),
                }),
                Standing::OutsideValidity { line } => {
                    Some(Problem::SignerOutsideValidity { fingerprint, line })
                }
            }
        });
        self.findings
            .retain(|f| !matches!(f.problem, Problem::UnknownSigner { .. } | Problem::Unsigned));
        match verdict {
            Some(Some(p)) => self.findings.push(p.into()),
            Some(None) => self.trusted = true,
            None if m.version >= 2
                && !self
                    .findings
                    .iter()
                    .any(|f| matches!(f.problem, Problem::BadSignature(_))) =>
            {
                self.findings.push(Problem::UnsignedUnderTrust.into());
            }
            None => {}
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

/// What a file's signature says about its origin, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// Format v1: no signature by design.
    V1,
    Unsigned,
    Bad(crate::keys::SignatureProblem),
    /// Signed by a key the keyring lists for the branch (its fingerprint).
    Trusted(String),
    /// Signed by a key the keyring does not list (or not at that time).
    Untrusted(String),
    /// Signed, no keyring given.
    Unchecked(String),
}

impl Checked {
    /// The file's signature status (`None` for a file that is not minutes).
    #[must_use]
    pub fn signature_status(&self) -> Option<SignatureStatus> {
        let m = self.minutes.as_ref()?;
        if m.version < 2 {
            return Some(SignatureStatus::V1);
        }
        for f in &self.findings {
            match &f.problem {
                Problem::BadSignature(p) => return Some(SignatureStatus::Bad(p.clone())),
                Problem::Unsigned | Problem::UnsignedUnderTrust => {
                    return Some(SignatureStatus::Unsigned);
                }
                _ => {}
            }
        }
        let fp = crate::keys::fingerprint(self.signed_by.as_ref()?);
        let untrusted = self.findings.iter().any(|f| {
            matches!(
                f.problem,
                Problem::UntrustedSigner { .. } | Problem::SignerOutsideValidity { .. }
            )
        });
        Some(if self.trusted {
            SignatureStatus::Trusted(fp)
        } else if untrusted {
            SignatureStatus::Untrusted(fp)
        } else {
            SignatureStatus::Unchecked(fp)
        })
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
    super::fast::check(bytes).unwrap_or_else(|| check_full(bytes))
}

/// The full check, pass by pass, with the line and column of a syntax error and the path of the
/// first field that does not fit.
#[must_use]
pub(crate) fn check_full(bytes: &[u8]) -> Checked {
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
    let computed = canonical
        .as_ref()
        .map(|c| hex(&sha2::Sha256::digest(c.as_bytes())));
    let mut signed_by = None;
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
        match (
            &minutes.integrity.signature,
            &minutes.integrity.signer,
            &canonical,
        ) {
            (None, None, _) => findings.push(Problem::Unsigned.into()),
            (Some(sig), Some(signer), Some(text)) => {
                match crate::keys::verify(text.as_bytes(), sig, signer) {
                    Ok(key) => {
                        findings.push(
                            Problem::UnknownSigner {
                                fingerprint: crate::keys::fingerprint(&key),
                            }
                            .into(),
                        );
                        signed_by = Some(key);
                    }
                    Err(p) => findings.push(Problem::BadSignature(p).into()),
                }
            }
            (Some(_), None, _) => findings.push(
                Problem::BadSignature(crate::keys::SignatureProblem::BadSigner(
                    "no signer".to_owned(),
                ))
                .into(),
            ),
            (None, Some(_), _) => findings.push(
                Problem::BadSignature(crate::keys::SignatureProblem::Malformed(
                    "no signature".to_owned(),
                ))
                .into(),
            ),
            // No canonical bytes: already reported.
            (Some(_), Some(_), None) => {}
        }
    }
    findings.extend(check_rules(&minutes).into_iter().map(Finding::from));
    Checked {
        minutes: Some(minutes),
        findings,
        computed_digest: computed,
        signed_by,
        trusted: false,
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

/// A file that says it is v1 holds none of v2's members (the v1 schema has no room for them).
fn fields_of_v2(m: &Minutes, out: &mut Vec<Problem>) {
    let mut found = |field| out.push(Problem::V2FieldInV1 { field });
    if !m.correction_reason.is_empty() {
        found("correction_reason");
    }
    if m.integrity.signature.is_some() || m.integrity.signer.is_some() {
        found("integrity.signature");
    }
    if m.attendance
        .iter()
        .any(|a| a.left_at.is_some() || !a.left_reason.is_empty())
    {
        found("attendance.left_at");
    }
    if m.items.iter().any(|i| !i.rounds.is_empty()) {
        found("items.rounds");
    }
    if m.items
        .iter()
        .filter_map(|i| i.vote.as_ref())
        .any(|v| v.ballots.is_some() || !v.deferred_reason.is_empty())
    {
        found("items.vote.ballots");
    }
}

/// What format v2 adds: rounds, 早退, deferrals, ballots, corrections.
fn check_v2(m: &Minutes, out: &mut Vec<Problem>) {
    if m.supersedes.is_some() && m.correction_reason.trim().is_empty() {
        out.push(Problem::CorrectionWithoutReason);
    }
    for a in &m.attendance {
        let Some(left) = a.left_at else {
            continue;
        };
        let arrived_after = a.checked_in_at.is_some_and(|c| left < c);
        if !a.status.attended() || arrived_after || left > m.ended_at {
            out.push(Problem::LeftInconsistent {
                name: a.name.clone(),
            });
        } else if a.left_reason.trim().is_empty() {
            out.push(Problem::LeftWithoutReason {
                name: a.name.clone(),
            });
        }
    }
    for (i, item) in m.items.iter().enumerate() {
        let n = i + 1;
        if item.standing_round() != item.vote.as_ref() {
            out.push(Problem::StandingRoundWrong { item: n });
        }
        if item
            .rounds
            .windows(2)
            .any(|w| w[1].vote.closed_at < w[0].vote.closed_at)
        {
            out.push(Problem::RoundsOutOfOrder { item: n });
        }
        for (r, round) in item.rounds.iter().enumerate() {
            if round
                .annulled
                .as_ref()
                .is_some_and(|a| a.reason.trim().is_empty())
            {
                out.push(Problem::AnnulledWithoutReason {
                    item: n,
                    round: r + 1,
                });
            }
            if round.annulled.is_some() {
                continue;
            }
            let v = &round.vote;
            if v.outcome == Outcome::Deferred {
                if v.yes > 0
                    || v.no > 0
                    || v.abstain > 0
                    || !v.written_opinions.is_empty()
                    || v.ballots.is_some()
                {
                    out.push(Problem::DeferredWithCounts { item: n });
                }
                if v.deferred_reason.trim().is_empty() {
                    out.push(Problem::DeferredWithoutReason { item: n });
                }
            } else if v.method == rules::VoteMethod::SecretBallot {
                match &v.ballots {
                    None => out.push(Problem::BallotsMissing { item: n }),
                    Some(b) if b.scrutineers.is_empty() || b.counters.is_empty() => {
                        out.push(Problem::NoScrutineer { item: n });
                    }
                    Some(_) => {}
                }
            }
        }
    }
}

/// The entitled voters as the attendance list gives them (full, counted members of the body).
struct Entitled<'a> {
    expected: u32,
    /// Attended, with the check-in time when recorded.
    attended: HashMap<&'a str, Option<Timestamp>>,
    absent: HashSet<&'a str>,
    /// Attended without a recorded check-in time (counted as in before every vote).
    untimed: u32,
    /// Check-in times of the others who attended, sorted.
    check_ins: Vec<Timestamp>,
    /// When those who left early left, by member, and all those times sorted (format v2).
    left: HashMap<&'a str, Timestamp>,
    departures: Vec<Timestamp>,
}

impl<'a> Entitled<'a> {
    fn of(m: &'a Minutes) -> Entitled<'a> {
        let mut e = Entitled {
            expected: 0,
            attended: HashMap::new(),
            absent: HashSet::new(),
            untimed: 0,
            check_ins: Vec::new(),
            left: HashMap::new(),
            departures: Vec::new(),
        };
        let voters = m
            .attendance
            .iter()
            .filter(|a| a.counted && a.standing.votes())
            .filter(|a| m.kind != MeetingKind::Committee || a.committee_role.is_some());
        for a in voters {
            e.expected += 1;
            if a.status.attended() {
                e.attended.insert(a.member_id.as_str(), a.checked_in_at);
                match a.checked_in_at {
                    Some(t) => e.check_ins.push(t),
                    None => e.untimed += 1,
                }
                if let Some(t) = a.left_at {
                    e.left.insert(a.member_id.as_str(), t);
                    e.departures.push(t);
                }
            } else {
                e.absent.insert(a.member_id.as_str());
            }
        }
        e.check_ins.sort_unstable();
        e.departures.sort_unstable();
        e
    }

    /// Present at a vote closed at `t`: attended and checked in no later than `t`. Someone who
    /// arrived afterwards was absent for it (and may have sent a written opinion beforehand).
    fn present_at(&self, id: &str, t: Timestamp) -> bool {
        self.attended
            .get(id)
            .is_some_and(|c| c.is_none_or(|c| c <= t))
            && self.left.get(id).is_none_or(|l| *l > t)
    }

    /// An entitled voter absent from a vote closed at `t`.
    fn absent_at(&self, id: &str, t: Timestamp) -> bool {
        self.absent.contains(id) || (self.attended.contains_key(id) && !self.present_at(id, t))
    }

    /// Entitled voters who had checked in by `t` and not left by then.
    fn checked_in_by(&self, t: Timestamp) -> u32 {
        let arrived = self.untimed + self.check_ins.partition_point(|c| *c <= t) as u32;
        arrived.saturating_sub(self.departures.partition_point(|l| *l <= t) as u32)
    }
}

fn check_vote(
    m: &Minutes,
    entitled: &Entitled<'_>,
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
    // The vote must have been judged by the settings the file declares, as the rules apply them.
    let applied = m.settings.applied_to(item.item_type);
    if v.quorum_comparison != applied.quorum {
        out.push(Problem::FrozenSettingsDiffer {
            item: n,
            setting: "quorum_comparison",
            recorded: v.quorum_comparison.key(),
            declared: applied.quorum.key(),
        });
    }
    if body == rules::VoteBody::Committee && v.committee_pass != applied.committee_pass {
        out.push(Problem::FrozenSettingsDiffer {
            item: n,
            setting: "committee_pass",
            recorded: v.committee_pass.key(),
            declared: applied.committee_pass.key(),
        });
    }
    let expected = entitled.expected;
    let checked_in_before_vote = entitled.checked_in_by(v.closed_at);
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
        if entitled.present_at(&w.member_id, v.closed_at) {
            out.push(Problem::WrittenFromPresent {
                item: n,
                name: w.name.clone(),
            });
        }
    }
    // The rules only ask whether each written opinion comes from an absent entitled voter: pass the
    // absent voters who wrote, not the whole list, so each vote costs its own size only.
    let absent: Vec<String> = v
        .written_opinions
        .iter()
        .filter(|w| entitled.absent_at(&w.member_id, v.closed_at))
        .map(|w| w.member_id.clone())
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
                    recorded: format!("{} ({})", v.rule.key(), v.rule_citation),
                    expected: format!("{} ({})", j.rule.key(), j.rule.citation()),
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

#[cfg(test)]
mod vote_tests;

#[cfg(test)]
mod rule_tests;
