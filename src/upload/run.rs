//! The worker pool of one upload run.
//!
//! The files run through [`crate::parallel::stream`] on `jobs` threads (they wait on the network,
//! not the CPU); each reads its file through [`crate::minutes::read_bytes`], checks and sends it,
//! and the calling thread gets the results in batches (whatever has arrived), so the ledger is
//! flushed once per batch rather than once per file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::http::Client;
use super::ledger::Delivered;
use super::retry::Jitter;
use super::{FileResult, Outcome, dir};
use crate::i18n::Tr;
use crate::minutes::{self, ReadError, Severity, check_bytes};
use crate::parallel;
use crate::review::model::ReviewState;

/// After this many files in a row fail only because the server could not be reached, the run stops
/// sending and reports the rest as not sent.
pub const UNREACHABLE_AFTER: usize = 3;

/// How files are sent.
#[derive(Clone, Copy)]
pub enum Sender<'a> {
    Http(&'a Client),
    Dir(&'a Path),
}

/// One run's inputs.
pub struct Plan<'a> {
    pub files: &'a [PathBuf],
    /// The target's ledger key.
    pub target: &'a str,
    pub sender: Sender<'a>,
    pub delivered: &'a Delivered,
    pub jobs: usize,
    pub dry_run: bool,
    pub keyring: Option<&'a crate::keys::Keyring>,
    /// The reviews of this data directory: a file returned in review (for this very content) is
    /// not sent unless `include_returned`; a file delivered before with no verdict here on this
    /// content is asked about (the server's reviewer may have returned it since).
    pub reviews: &'a crate::review::load::ReviewIndex,
    pub include_returned: bool,
    /// Content digests seen in this run, with the file that has it: the same content is sent
    /// (or, in a dry run, listed) once.
    pub seen: std::sync::Mutex<std::collections::HashMap<String, PathBuf>>,
    /// Set when the run is to end early (standard output closed): files not yet begun are not
    /// sent and reported as not sent (nothing is ledgered for them).
    pub stop: std::sync::atomic::AtomicBool,
    pub tr: Tr,
}

/// Run the plan; `on_batch` is called on the calling thread with results as they arrive.
pub fn run(plan: &Plan<'_>, on_batch: impl FnMut(Vec<FileResult>)) {
    let unreachable_in_row = AtomicUsize::new(0);
    parallel::stream(
        plan.jobs,
        plan.files,
        Jitter::from_entropy,
        |jitter, path| handle(plan, path, jitter, &unreachable_in_row),
        on_batch,
    );
}

fn handle(
    plan: &Plan<'_>,
    path: &Path,
    jitter: &mut Jitter,
    unreachable_in_row: &AtomicUsize,
) -> FileResult {
    let tr = plan.tr;
    let mut result = FileResult {
        path: path.to_path_buf(),
        id: None,
        digest: None,
        outcome: Outcome::WouldSend,
        status: None,
        attempts: 0,
        review: None,
    };
    if plan.stop.load(Ordering::Relaxed) {
        result.outcome = Outcome::Failed(tr.upload_unreachable().to_owned());
        return result;
    }
    let bytes = match minutes::read_bytes(path) {
        Ok(b) => b,
        Err(e @ ReadError::TooLarge { .. }) => {
            result.outcome = Outcome::Invalid(tr.upload_invalid(&tr.read_error(path, e)));
            return result;
        }
        Err(e) => {
            result.outcome = Outcome::Failed(tr.read_error(path, e));
            return result;
        }
    };
    let mut checked = check_bytes(&bytes);
    checked.trust(plan.keyring);
    // The id whenever it can be read, invalid files included.
    result.id = checked.minutes.as_ref().map(|m| m.id);
    let minutes = match checked.minutes {
        Some(m)
            if checked
                .findings
                .iter()
                .all(|f| f.severity < Severity::Error) =>
        {
            m
        }
        _ => {
            let problem = checked
                .findings
                .iter()
                .find(|f| f.severity == Severity::Error)
                .map(|f| crate::sanitize::line(&tr.problem(&f.problem)).into_owned())
                .unwrap_or_default();
            result.outcome = Outcome::Invalid(tr.upload_invalid(&problem));
            return result;
        }
    };
    let digest = checked
        .computed_digest
        .unwrap_or_else(|| minutes.integrity.digest.clone());
    result.id = Some(minutes.id);
    result.digest = Some(digest.clone());
    let key = crate::review::remarks::ReviewKey::Minutes(minutes.id);
    let here = plan.reviews.state(&key, Some(&digest));
    if here == ReviewState::Returned && !plan.include_returned {
        result.outcome = Outcome::Returned(tr.upload_returned().to_owned());
        return result;
    }
    if plan.delivered.contains(plan.target, &digest) {
        result.outcome = Outcome::Skipped;
        // Delivered before, and the server's reviewer may have returned it since: ask (one HEAD,
        // nothing sent), unless this data directory already holds a verdict on this content.
        if let Sender::Http(client) = plan.sender
            && !plan.dry_run
            && !matches!(here, ReviewState::Returned | ReviewState::Approved)
            && let Some(review) = client.returned_review(&minutes.id)
        {
            result.outcome = review.outcome(tr);
            result.review = Some(review);
        }
        return result;
    }
    {
        let mut seen = match plan.seen.lock() {
            Ok(s) => s,
            Err(poisoned) => poisoned.into_inner(),
        };
        if let Some(first) = seen.get(&digest) {
            result.outcome = Outcome::Duplicate(tr.upload_duplicate(&crate::sanitize::path(first)));
            return result;
        }
        seen.insert(digest.clone(), path.to_path_buf());
    }
    match plan.sender {
        Sender::Http(_) if plan.dry_run => result.outcome = Outcome::WouldSend,
        Sender::Dir(d) if plan.dry_run => {
            result.outcome = dir::peek(d, &minutes.file_name(), &bytes, tr);
        }
        Sender::Http(client) => {
            if unreachable_in_row.load(Ordering::Relaxed) >= UNREACHABLE_AFTER {
                result.outcome = Outcome::Failed(tr.upload_unreachable().to_owned());
                return result;
            }
            let d = client.put(&minutes.id, &bytes, jitter);
            if d.exhausted {
                unreachable_in_row.fetch_add(1, Ordering::Relaxed);
            } else {
                unreachable_in_row.store(0, Ordering::Relaxed);
            }
            result.outcome = d.outcome;
            result.status = d.status;
            result.attempts = d.attempts;
            result.review = d.review;
        }
        Sender::Dir(d) => {
            result.outcome = dir::copy_into(d, &minutes.file_name(), &bytes, tr);
            result.attempts = 1;
        }
    }
    result
}
