//! Reading the files for the list: each is read and checked through [`crate::minutes::read`], as
//! `validate` does, summarised, and dropped. Batches run on the shared pool
//! ([`crate::parallel`]); rows reach the screen batch by batch while the rest load.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::Scope;

use super::model::{ItemTally, ReviewState, RowError, Status, Summary, display_name};
use super::remarks::{self, ReviewKey};
use crate::minutes::Severity;
use crate::minutes::check::Checked;
use crate::{parallel, sanitize};

/// Longest theme kept in a summary, in characters (the list never shows more).
const THEME_CHARS: usize = 120;
/// Longest branch name kept in a summary, in characters.
const BRANCH_CHARS: usize = 60;

/// The review files present, listed once so that files without one cost no lookup.
#[derive(Debug, Clone, Default)]
pub struct ReviewIndex {
    dir: PathBuf,
    names: HashSet<OsString>,
}

impl ReviewIndex {
    /// List `dir` (a missing folder means no reviews yet).
    pub fn scan(dir: &Path) -> ReviewIndex {
        let names = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        ReviewIndex {
            dir: dir.to_path_buf(),
            names,
        }
    }

    /// The latest verdict recorded under a key, as it holds for the content with `digest`.
    pub fn state(&self, key: &ReviewKey, digest: Option<&str>) -> ReviewState {
        let name = key.file_name();
        if !self.names.contains(std::ffi::OsStr::new(&name)) {
            return ReviewState::Unreviewed;
        }
        match remarks::read(&self.dir.join(name)) {
            Ok(Some(file)) => remarks::state_for(&file, digest),
            Ok(None) => ReviewState::Unreviewed,
            Err(_) => ReviewState::Unreadable,
        }
    }
}

/// Check one file and keep what the list shows.
pub fn summarize(path: &Path, reviews: &ReviewIndex) -> Summary {
    summarize_trusting(path, reviews, None)
}

/// The same, with signatures judged against a keyring.
pub fn summarize_trusting(
    path: &Path,
    reviews: &ReviewIndex,
    keyring: Option<&crate::keys::Keyring>,
) -> Summary {
    match super::read_checked(path, keyring) {
        Ok(checked) => from_checked(path.to_path_buf(), &checked, reviews),
        Err(e) => failed(path.to_path_buf(), e, reviews),
    }
}

/// The row of a file with no readable minutes: its remarks are keyed by the digest of its bytes,
/// so it can be returned and leave the unreviewed count.
fn failed(path: PathBuf, error: RowError, reviews: &ReviewIndex) -> Summary {
    let key = remarks::file_key_at(&path);
    let mut s = Summary::failed(path, error);
    if let Some(key @ ReviewKey::File(sha)) = &key {
        s.review = reviews.state(key, Some(sha));
        s.file_sha256 = Some(sha.clone());
    }
    s
}

fn clip(s: &str, chars: usize) -> Box<str> {
    let s = sanitize::line(s);
    match s.char_indices().nth(chars) {
        Some((cut, _)) => format!("{}…", &s[..cut]).into_boxed_str(),
        None => s.into_owned().into_boxed_str(),
    }
}

/// The summary of a checked file.
pub fn from_checked(path: PathBuf, checked: &Checked, reviews: &ReviewIndex) -> Summary {
    let count = |sev: Severity| {
        u16::try_from(
            checked
                .findings
                .iter()
                // Who signed is shown as its own column, not as a warning about the record.
                .filter(|f| f.severity == sev && !f.problem.is_signature_status())
                .count(),
        )
        .unwrap_or(u16::MAX)
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let checked_status = if checked.is_tampered() {
        Status::Tampered
    } else if errors > 0 {
        Status::Invalid
    } else if warnings > 0 {
        Status::Warnings
    } else {
        Status::Valid
    };
    let Some(m) = &checked.minutes else {
        let problem = checked
            .findings
            .iter()
            .find(|f| f.severity == Severity::Error)
            .map(|f| f.problem.clone());
        // Without minutes there is always an error; `NotAnObject` only guards the impossible case.
        let p = problem.unwrap_or(crate::minutes::check::Problem::NotAnObject);
        let mut s = failed(path, RowError::Problem(Box::new(p)), reviews);
        s.errors = errors.max(1);
        s.warnings = warnings;
        return s;
    };
    let digest_ok = checked
        .computed_digest
        .as_ref()
        .map(|d| m.integrity.algorithm == "sha256" && d.eq_ignore_ascii_case(&m.integrity.digest));
    let mut items = ItemTally::default();
    for item in &m.items {
        items.add(item.vote.as_ref().map(|v| v.outcome));
    }
    let theme_src = if m.theme.trim().is_empty() {
        &m.title
    } else {
        &m.theme
    };
    let name = display_name(&path);
    let branch = clip(&m.branch.name, BRANCH_CHARS);
    let theme = clip(theme_src, THEME_CHARS);
    let id = m.id.to_string();
    // The branch is found by its code and by pinyin as in check-in (东风社区 → dfsq).
    let [initials, digraphs, full] = crate::tui::search::NameKey::new(&branch).typed_forms();
    let haystack = format!(
        "{}\n{}\n{}\n{}\n{}\n{}\n{}\n{initials}\n{digraphs}\n{full}",
        branch,
        clip(&m.branch.code, BRANCH_CHARS),
        theme,
        clip(&m.title, THEME_CHARS),
        name,
        id,
        m.started_at.format("%Y-%m-%d")
    )
    .to_lowercase()
    .into_boxed_str();
    let branch_order = super::model::branch_order(&branch);
    Summary {
        path,
        name: name.into_boxed_str(),
        id: Some(m.id),
        started_at: Some(m.started_at),
        branch,
        branch_order,
        branch_code: clip(&m.branch.code, BRANCH_CHARS),
        kind: Some(m.kind),
        theme,
        present: m.counts.present_total,
        expected: m.counts.expected_total,
        items,
        checked: checked_status,
        errors,
        warnings,
        digest_ok,
        digest: checked.computed_digest.as_deref().map(Into::into),
        supersedes: m.supersedes.filter(|s| *s != m.id),
        review: reviews.state(
            &ReviewKey::Minutes(m.id),
            checked.computed_digest.as_deref(),
        ),
        file_sha256: None,
        error: None,
        copies: Vec::new(),
        haystack,
    }
}

/// Files read in the first batch: about a first screen's worth, so the list shows rows at once.
const FIRST_BATCH: usize = 32;
/// Files read per batch after that: enough to keep every thread of the pool busy, few enough that
/// rows reach the screen every few tens of milliseconds.
const BATCH: usize = 128;

/// Everything the reader shares: the files, the review index and a cancel flag.
#[derive(Debug)]
pub struct LoadJob {
    files: Vec<PathBuf>,
    reviews: ReviewIndex,
    cancel: AtomicBool,
    keyring: Option<std::sync::Arc<crate::keys::Keyring>>,
}

impl LoadJob {
    pub fn new(files: Vec<PathBuf>, reviews: ReviewIndex) -> LoadJob {
        LoadJob {
            files,
            reviews,
            cancel: AtomicBool::new(false),
            keyring: None,
        }
    }

    /// Judge signatures against a keyring (`--trust`).
    #[must_use]
    pub fn trusting(mut self, keyring: Option<std::sync::Arc<crate::keys::Keyring>>) -> LoadJob {
        self.keyring = keyring;
        self
    }

    pub fn total(&self) -> usize {
        self.files.len()
    }

    /// Ask the reader to stop after the files being read.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    pub fn reviews(&self) -> &ReviewIndex {
        &self.reviews
    }

    /// Read the files in batches on the shared pool, sending each batch's rows. Batches are taken
    /// from the end of the list: minutes are named `<date>_…`, so the newest come first, which is
    /// the list's first screen by default.
    fn work(&self, tx: &Sender<Vec<Summary>>) {
        let mut end = self.files.len();
        let mut size = FIRST_BATCH;
        while end > 0 && !self.cancelled() {
            let start = end.saturating_sub(size);
            let rows = parallel::map(&self.files[start..end], |p| {
                (!self.cancelled())
                    .then(|| summarize_trusting(p, &self.reviews, self.keyring.as_deref()))
            });
            let rows: Vec<Summary> = rows.into_iter().rev().flatten().collect();
            if tx.send(rows).is_err() {
                return;
            }
            end = start;
            size = BATCH;
        }
    }
}

/// Start reading `job` on a thread of `scope`; rows arrive on the returned channel, which closes
/// when every file is read or the job is cancelled.
pub fn spawn<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    job: &'env LoadJob,
) -> Receiver<Vec<Summary>> {
    let (tx, rx) = channel();
    scope.spawn(move || job.work(&tx));
    rx
}
