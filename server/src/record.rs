//! What is kept of a file besides its bytes: the fields the desk and statistics need, all taken
//! from what the file says.

use branchday::minutes::Minutes;

/// One stored file's indexed fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub id: String,
    pub branch: String,
    pub branch_name: String,
    pub version: i64,
    pub kind: String,
    /// `YYYY-MM` of the meeting's start, in the file's own offset.
    pub month: String,
    pub started_at: String,
    pub finalized_at: String,
    pub supersedes: Option<String>,
    /// The `integrity.digest` the file carries (checked equal to the recomputed one).
    pub digest: String,
    /// `sha-256=:<base64>:` of the exact bytes, as sent in `Content-Digest`.
    pub content_digest: String,
    /// The signer's OpenSSH public key line, when the signature holds.
    pub signer: Option<String>,
    pub trusted: bool,
    /// The check's verdict: `valid`, `warnings` or `invalid` (only the keyring's verdict can make
    /// a stored file invalid).
    pub status: &'static str,
    /// The 党小组 of a 党小组会.
    pub group: Option<String>,
    pub counts: [i64; 6],
    pub items: Vec<ItemRow>,
    pub attendance: Vec<AttendanceRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemRow {
    pub item_type: String,
    pub title: String,
    /// The 四议两公开 stage of a 公开议事 item.
    pub stage: Option<String>,
    /// The outcome of the item's vote (the round that stands), when voted on or deferred.
    pub outcome: Option<String>,
    pub votes: Option<[i64; 3]>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttendanceRow {
    pub member_id: String,
    pub name: String,
    pub standing: String,
    pub status: String,
    pub counted: bool,
    /// Excused with approved leave (a reason, with a text for "other", and an approver), as
    /// `branchday stats` judges it ([`branchday::stats::approved_leave`]).
    pub approved_leave: bool,
}

impl Record {
    /// The record of checked minutes; `signer` is the key line of a holding signature.
    pub fn of(
        m: &Minutes,
        content_digest: String,
        signer: Option<String>,
        trusted: bool,
        status: &'static str,
    ) -> Record {
        let c = &m.counts;
        Record {
            id: m.id.to_string(),
            branch: m.branch.code.clone(),
            branch_name: m.branch.name.clone(),
            version: i64::from(m.version),
            kind: m.kind.key().to_owned(),
            month: m.started_at.format("%Y-%m").to_string(),
            started_at: m.started_at.to_rfc3339(),
            finalized_at: m.finalized_at.to_rfc3339(),
            supersedes: m.supersedes.map(|s| s.to_string()),
            digest: m.integrity.digest.clone(),
            content_digest,
            signer,
            trusted,
            status,
            group: m.group.clone(),
            counts: [
                c.expected_total,
                c.expected_full,
                c.expected_probationary,
                c.present_total,
                c.present_full,
                c.present_probationary,
            ]
            .map(i64::from),
            items: m
                .items
                .iter()
                .map(|it| {
                    let vote = it.vote.as_ref();
                    ItemRow {
                        item_type: it.item_type.key().to_owned(),
                        title: it.title.clone(),
                        stage: it.stage.map(|s| s.key().to_owned()),
                        outcome: vote.map(|v| v.outcome.key().to_owned()),
                        votes: vote.map(|v| [v.yes, v.no, v.abstain].map(i64::from)),
                    }
                })
                .collect(),
            attendance: m
                .attendance
                .iter()
                .map(|a| AttendanceRow {
                    member_id: a.member_id.clone(),
                    name: a.name.clone(),
                    standing: a.standing.key().to_owned(),
                    status: a.status.key().to_owned(),
                    counted: a.counted,
                    approved_leave: branchday::stats::approved_leave(a),
                })
                .collect(),
        }
    }
}
