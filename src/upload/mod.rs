//! Batch upload of finalized minutes, exactly once per file per target (DESIGN.md §4).
//!
//! A target is an HTTP(S) endpoint ([`http`]) or a folder ([`dir`]). Workers read and check each
//! file, skip what the [`ledger`] shows delivered, and send the rest; the calling thread appends each
//! result to the ledger before reporting it ([`run`]). Only valid minutes are sent.

pub mod dir;
pub mod http;
pub mod ledger;
pub mod retry;
pub mod run;

use std::path::{Path, PathBuf};

use uuid::Uuid;

/// Where files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Http(http::Endpoint),
    /// An existing folder, canonicalized.
    Dir(PathBuf),
}

/// Why `--to` names no usable target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetError {
    /// Starts like an http(s) address but is not a usable one.
    BadUrl,
    /// Not an address and not an existing folder.
    NotAFolder,
}

impl Target {
    /// `http://…` or `https://…` is an endpoint; anything else must be an existing folder.
    pub fn parse(to: &str) -> Result<Target, TargetError> {
        let lower = to.trim().to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            return http::Endpoint::parse(to)
                .map(Target::Http)
                .ok_or(TargetError::BadUrl);
        }
        match std::fs::canonicalize(Path::new(to)) {
            Ok(c) if c.is_dir() => Ok(Target::Dir(c)),
            _ => Err(TargetError::NotAFolder),
        }
    }

    /// How the target is named in the ledger and in results.
    pub fn key(&self) -> String {
        match self {
            Target::Http(e) => e.as_str().to_owned(),
            Target::Dir(p) => p.to_string_lossy().into_owned(),
        }
    }
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Newly stored (201, or copied into the folder).
    Delivered,
    /// The target already had identical content (200/204, or an identical file).
    AlreadyThere,
    /// The ledger shows this content delivered to this target; not sent again.
    Skipped,
    /// `--dry-run`: would be sent.
    WouldSend,
    /// The target holds different content under this id or name; nothing was overwritten.
    Conflict(String),
    Failed(String),
    /// Not valid minutes; not sent.
    Invalid(String),
    /// The same content as another file of this run: sent once, with that one.
    Duplicate(String),
    /// Returned in review: waits for its correction (`--include-returned` sends it).
    Returned(String),
}

impl Outcome {
    pub fn key(&self) -> &'static str {
        match self {
            Outcome::Delivered => "delivered",
            Outcome::AlreadyThere => "already_there",
            Outcome::Skipped => "skipped",
            Outcome::WouldSend => "would_send",
            Outcome::Conflict(_) => "conflict",
            Outcome::Failed(_) => "failed",
            Outcome::Invalid(_) => "invalid",
            Outcome::Duplicate(_) => "duplicate",
            Outcome::Returned(_) => "returned",
        }
    }

    pub fn message(&self) -> Option<&str> {
        match self {
            Outcome::Conflict(m)
            | Outcome::Failed(m)
            | Outcome::Invalid(m)
            | Outcome::Duplicate(m)
            | Outcome::Returned(m) => Some(m),
            _ => None,
        }
    }

    /// The file is at the target (or would be sent, in a dry run): no reason for a non-zero exit.
    pub fn is_ok(&self) -> bool {
        matches!(
            self,
            Outcome::Delivered
                | Outcome::AlreadyThere
                | Outcome::Skipped
                | Outcome::WouldSend
                | Outcome::Duplicate(_)
                | Outcome::Returned(_)
        )
    }
}

/// The result for one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileResult {
    pub path: PathBuf,
    pub id: Option<Uuid>,
    pub digest: Option<String>,
    pub outcome: Outcome,
    /// The last HTTP status, for an HTTP target.
    pub status: Option<u16>,
    /// Requests or copies attempted (0 when nothing was sent).
    pub attempts: u32,
    /// The server's reviewer returned the file it holds (kept in the data directory's reviews,
    /// so `review` shows it and later runs hold the file back until its correction).
    pub review: Option<http::ServerReview>,
}

impl FileResult {
    /// The ledger line for this result, when something was attempted.
    pub fn ledger_entry(&self, target: &str, time: String) -> Option<ledger::Entry> {
        let (Some(id), Some(digest)) = (self.id, self.digest.as_ref()) else {
            return None;
        };
        let recorded = matches!(
            self.outcome,
            Outcome::Delivered | Outcome::AlreadyThere | Outcome::Conflict(_) | Outcome::Failed(_)
        );
        (recorded && self.attempts > 0).then(|| ledger::Entry {
            time,
            id: id.to_string(),
            digest: digest.clone(),
            target: target.to_owned(),
            result: self.outcome.key().to_owned(),
            path: self.path.to_string_lossy().into_owned(),
            status: self.status,
        })
    }
}

/// Counts of a run, by outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub delivered: usize,
    pub already_there: usize,
    pub skipped: usize,
    pub would_send: usize,
    pub conflicts: usize,
    pub failed: usize,
    pub invalid: usize,
    pub dry_run: bool,
}

impl Summary {
    pub fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Delivered => self.delivered += 1,
            Outcome::AlreadyThere => self.already_there += 1,
            Outcome::Skipped | Outcome::Duplicate(_) | Outcome::Returned(_) => self.skipped += 1,
            Outcome::WouldSend => self.would_send += 1,
            Outcome::Conflict(_) => self.conflicts += 1,
            Outcome::Failed(_) => self.failed += 1,
            Outcome::Invalid(_) => self.invalid += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.delivered
            + self.already_there
            + self.skipped
            + self.would_send
            + self.conflicts
            + self.failed
            + self.invalid
    }

    pub fn all_ok(&self) -> bool {
        self.conflicts + self.failed + self.invalid == 0
    }
}
