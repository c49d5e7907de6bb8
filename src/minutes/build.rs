//! Build the minutes of a meeting and serialize them with their digest.

use serde_json::Value;

use sha2::{Digest, Sha256};

use super::canonical::{CanonicalError, canonical_without_integrity};
use super::{AttendanceEntry, FORMAT, Integrity, Minutes, VERSION};
use crate::domain::{AttendanceStatus, Meeting, Timestamp};

/// The minutes of `meeting`, finalized at `at`. Members never marked are recorded as absent, and a
/// meeting that was never ended ends at `at`. The digest is filled in by [`to_bytes`].
#[must_use]
pub fn build(meeting: &Meeting, at: Timestamp) -> Minutes {
    let mut agenda = meeting.agenda.clone();
    // A stage still running at finalize closes now.
    if let (Some(cur), Some(since)) = (meeting.current_stage, meeting.stage_since)
        && meeting.ended_at.is_none()
        && let Some(stage) = agenda.get_mut(cur)
    {
        stage.actual_seconds = stage
            .actual_seconds
            .saturating_add(crate::domain::meeting::seconds_between(since, at));
        stage.ended_at = Some(at);
    }
    let mut study = meeting.study.clone();
    for t in &mut study {
        if let Some(since) = t.timer_since.take() {
            t.duration_seconds = t
                .duration_seconds
                .saturating_add(crate::domain::meeting::seconds_between(since, at));
        }
    }
    let attendance = meeting
        .body()
        .map(|(i, m)| {
            let mark = meeting.marks[i].as_ref();
            AttendanceEntry {
                member_id: m.id.clone(),
                name: m.name.clone(),
                standing: m.standing,
                group: m.group.clone(),
                committee_role: m.committee_role,
                status: mark.map_or(AttendanceStatus::Absent, |(mk, _)| mk.status),
                reason: mark.and_then(|(mk, _)| mk.reason),
                reason_text: mark
                    .map(|(mk, _)| mk.reason_text.clone())
                    .unwrap_or_default(),
                approver: mark.map(|(mk, _)| mk.approver.clone()).unwrap_or_default(),
                checked_in_at: mark.filter(|(mk, _)| mk.status.attended()).map(|(_, t)| *t),
                counted: m.counted(),
                exclusion: m.exclusion.clone(),
                left_at: mark.and_then(|(mk, _)| mk.left.as_ref()).map(|d| d.at),
                left_reason: mark
                    .and_then(|(mk, _)| mk.left.as_ref())
                    .map(|d| d.reason.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    let s = &meeting.setup;
    Minutes {
        format: FORMAT.to_owned(),
        version: VERSION,
        id: s.id,
        supersedes: s.supersedes,
        correction_reason: s.correction_reason.clone(),
        branch: meeting.branch().clone(),
        kind: s.kind,
        title: s.title.clone(),
        theme: s.theme.clone(),
        place: s.place.clone(),
        group: s.group.clone(),
        chair: s.chair.clone(),
        chair_delegated_by: s.chair_delegated_by.clone(),
        recorder: s.recorder.clone(),
        started_at: meeting.started_at.unwrap_or(meeting.created_at),
        ended_at: meeting.ended_at.unwrap_or(at),
        agenda,
        counts: meeting.counts(),
        attendance,
        guests: meeting.guests.clone(),
        study,
        items: meeting
            .items
            .iter()
            .map(|it| {
                let mut it = it.clone();
                // Every vote is a round in v2 (a correction of a v1 record brings its vote bare).
                if it.rounds.is_empty()
                    && let Some(v) = &it.vote
                {
                    it.rounds.push(crate::domain::VoteRound {
                        vote: v.clone(),
                        annulled: None,
                    });
                }
                it
            })
            .collect(),
        actions: meeting.actions.clone(),
        summary: meeting.summary.clone(),
        settings: s.settings,
        timeline: meeting.timeline.clone(),
        finalized_at: at,
        integrity: Integrity {
            algorithm: "sha256".to_owned(),
            canonicalization: "RFC8785".to_owned(),
            digest: String::new(),
            signature: None,
            signer: None,
        },
    }
}

/// Serialize `minutes` as pretty JSON with its integrity digest computed; returns the bytes and the
/// digest. Unsigned: see [`to_signed_bytes`].
pub fn to_bytes(minutes: &Minutes) -> Result<(Vec<u8>, String), CanonicalError> {
    let (value, canonical) = canonical_of(minutes)?;
    Ok(seal(value, &canonical, None))
}

/// Why a record could not be sealed.
#[derive(Debug)]
pub enum SealError {
    Canonical(CanonicalError),
    Sign(crate::keys::KeyError),
}

/// Serialize `minutes` with the digest of its canonical bytes, the OpenSSH signature of `key`
/// over the same bytes and the signer's public key.
pub fn to_signed_bytes(
    minutes: &Minutes,
    key: &ssh_key::PrivateKey,
) -> Result<(Vec<u8>, String), SealError> {
    let (value, canonical) = canonical_of(minutes).map_err(SealError::Canonical)?;
    let signature = crate::keys::sign(key, canonical.as_bytes()).map_err(SealError::Sign)?;
    let signer = crate::keys::public_line(key.public_key()).map_err(SealError::Sign)?;
    Ok(seal(value, &canonical, Some((signature, signer))))
}

fn canonical_of(minutes: &Minutes) -> Result<(Value, String), CanonicalError> {
    let value = serde_json::to_value(minutes).unwrap_or(Value::Null);
    let canonical = canonical_without_integrity(&value)?;
    Ok((value, canonical))
}

/// Put the `integrity` member on `value` and write it out: the bytes and the digest.
fn seal(mut value: Value, canonical: &str, signed: Option<(String, String)>) -> (Vec<u8>, String) {
    let digest = super::canonical::hex(&Sha256::digest(canonical.as_bytes()));
    let mut integrity = serde_json::json!({
        "algorithm": "sha256",
        "canonicalization": "RFC8785",
        "digest": digest,
    });
    if let Some((signature, signer)) = signed {
        integrity["signature"] = Value::String(signature);
        integrity["signer"] = Value::String(signer);
    }
    if let Value::Object(map) = &mut value {
        map.insert("integrity".to_owned(), integrity);
    }
    let mut bytes = serde_json::to_vec_pretty(&value).unwrap_or_default();
    bytes.push(b'\n');
    (bytes, digest)
}
