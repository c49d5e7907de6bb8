//! The minutes file format: the contract reviewers, uploaders and other systems rely on.
//!
//! One UTF-8 JSON object of at most 16 MiB, integers only, times as RFC 3339 with offset, and an
//! `integrity` member holding the SHA-256 of the RFC 8785 canonical form of everything else.
//!
//! Version 2 (written now) adds to version 1 (read, validated and exported as before, forever):
//! vote rounds with annulments, 早退 in the attendance, secret-ballot tallies, a deferral's reason,
//! a correction's reason, 应到 = 正式 + 预备, and the branch's OpenSSH signature in `integrity`.

pub mod build;
pub mod canonical;
pub mod check;
pub mod correct;
pub mod fast;
pub mod files;
pub mod problem;
pub mod read;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::meeting::Counts;
use crate::domain::{
    ActionItem, AgendaStage, AttendanceStatus, Branch, CommitteeRole, Exclusion, ExcuseReason,
    Guest, Item, MeetingKind, PersonRef, RuleSettings, Standing, StudyTopic, TimelineEntry,
    Timestamp,
};

pub use build::{build, to_bytes};
pub use check::{Checked, Finding, Severity, check_bytes};
pub use read::{ReadError, read, read_all, read_bytes};

/// The value of the top-level `format` member.
pub const FORMAT: &str = "branchday.minutes";
/// The version this program writes.
pub const VERSION: u32 = 2;
/// The versions this program reads.
pub const VERSIONS: [u32; 2] = [1, 2];
/// Files larger than this are refused unread.
pub const MAX_BYTES: u64 = 16 * 1024 * 1024;

/// One member's line in the attendance list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceEntry {
    pub member_id: String,
    pub name: String,
    pub standing: Standing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_role: Option<CommitteeRole>,
    pub status: AttendanceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExcuseReason>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_at: Option<Timestamp>,
    /// Counted in 应到会.
    pub counted: bool,
    /// Why not counted: category and approval (only when `counted` is false).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusion: Option<Exclusion>,
    /// 早退: when the member left (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<Timestamp>,
    /// Why the member left early (format v2).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub left_reason: String,
}

/// The `integrity` member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Integrity {
    pub algorithm: String,
    pub canonicalization: String,
    pub digest: String,
    /// The armored OpenSSH signature (SSHSIG, namespace `branchday-minutes`) over the canonical
    /// bytes the digest hashes (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<String>,
    /// The signer's OpenSSH public key line (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
}

/// A minutes file, v1 or v2.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    pub format: String,
    pub version: u32,
    pub id: Uuid,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Uuid>,
    /// 更正原因 (format v2: required with `supersedes`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub correction_reason: String,
    pub branch: Branch,
    pub kind: MeetingKind,
    pub title: String,
    #[serde(default)]
    pub theme: String,
    pub place: String,
    /// The 党小组 of a group meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    pub chair: Option<PersonRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair_delegated_by: Option<PersonRef>,
    pub recorder: Option<PersonRef>,
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub agenda: Vec<AgendaStage>,
    pub counts: Counts,
    pub attendance: Vec<AttendanceEntry>,
    #[serde(default)]
    pub guests: Vec<Guest>,
    #[serde(default)]
    pub study: Vec<StudyTopic>,
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
    #[serde(default)]
    pub summary: String,
    pub settings: RuleSettings,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    pub finalized_at: Timestamp,
    pub integrity: Integrity,
}

impl Minutes {
    /// The file name under `minutes/`: `<date>_<kind>_<id8>.json`.
    #[must_use]
    pub fn file_name(&self) -> String {
        let id = self.id.simple().to_string();
        format!(
            "{}_{}_{}.json",
            self.started_at.format("%Y-%m-%d"),
            self.kind.key(),
            &id[id.len() - 8..]
        )
    }

    /// The id of a file this one corrects.
    #[must_use]
    pub fn supersedes(&self) -> Option<Uuid> {
        self.supersedes
    }
}
