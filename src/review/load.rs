//! Reading the files for the list: each is checked like `validate` does, summarised, and dropped.
//! Workers share one queue; rows reach the screen in small batches while the rest load.

use std::collections::HashSet;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::Scope;
use std::time::{Duration, Instant};

use super::model::{ItemTally, ReviewState, RowError, Status, Summary, display_name};
use super::remarks;
use crate::minutes::Severity;
use crate::minutes::check::Checked;
use crate::sanitize;

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

    /// The latest verdict recorded for a minutes id.
    pub fn state(&self, id: &uuid::Uuid) -> ReviewState {
        let name = remarks::file_name(id);
        if !self.names.contains(std::ffi::OsStr::new(&name)) {
            return ReviewState::Unreviewed;
        }
        match remarks::read(&self.dir.join(name)) {
            Ok(Some(file)) => remarks::state_of(&file),
            Ok(None) => ReviewState::Unreviewed,
            Err(_) => ReviewState::Unreadable,
        }
    }
}

/// Check one file and keep what the list shows.
pub fn summarize(path: &Path, reviews: &ReviewIndex) -> Summary {
    match super::read_checked(path) {
        Ok(checked) => from_checked(path.to_path_buf(), &checked, reviews),
        Err(e) => Summary::failed(path.to_path_buf(), e),
    }
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
                .filter(|f| f.severity == sev)
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
        let mut s = Summary::failed(path, RowError::Problem(Box::new(p)));
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
    let haystack = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        branch,
        theme,
        clip(&m.title, THEME_CHARS),
        name,
        id,
        m.started_at.format("%Y-%m-%d")
    )
    .to_lowercase()
    .into_boxed_str();
    Summary {
        path,
        name: name.into_boxed_str(),
        id: Some(m.id),
        started_at: Some(m.started_at),
        branch,
        kind: Some(m.kind),
        theme,
        present: m.counts.present_total,
        expected: m.counts.expected_total,
        items,
        checked: checked_status,
        errors,
        warnings,
        digest_ok,
        supersedes: m.supersedes.filter(|s| *s != m.id),
        review: reviews.state(&m.id),
        error: None,
        haystack,
    }
}

/// Everything the workers share: the files, the review index, a cancel flag and the next file to
/// take.
#[derive(Debug)]
pub struct LoadJob {
    files: Vec<PathBuf>,
    reviews: ReviewIndex,
    cancel: AtomicBool,
    next: AtomicUsize,
}

impl LoadJob {
    pub fn new(files: Vec<PathBuf>, reviews: ReviewIndex) -> LoadJob {
        LoadJob {
            files,
            reviews,
            cancel: AtomicBool::new(false),
            next: AtomicUsize::new(0),
        }
    }

    pub fn total(&self) -> usize {
        self.files.len()
    }

    /// Ask the workers to stop after the file each is reading.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn reviews(&self) -> &ReviewIndex {
        &self.reviews
    }

    /// The next file to read. Files are taken from the end of the list: minutes are named
    /// `<date>_…`, so the newest come first, which is the list's first screen by default.
    fn take(&self) -> Option<&Path> {
        if self.cancel.load(Ordering::Relaxed) {
            return None;
        }
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let i = self.files.len().checked_sub(n + 1)?;
        Some(&self.files[i])
    }

    fn work(&self, tx: &Sender<Vec<Summary>>) {
        let mut batch = Vec::new();
        let mut last = Instant::now();
        let mut first = true;
        while let Some(path) = self.take() {
            batch.push(summarize(path, &self.reviews));
            // The first row goes at once, then batches of up to 64 rows or 20 ms.
            if first || batch.len() >= 64 || last.elapsed() >= Duration::from_millis(20) {
                first = false;
                if tx.send(std::mem::take(&mut batch)).is_err() {
                    return;
                }
                last = Instant::now();
            }
        }
        if !batch.is_empty() {
            let _ = tx.send(batch);
        }
    }
}

/// How many workers read at once.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 8))
}

/// Start `jobs` workers on `job` inside `scope`; rows arrive on the returned channel, which closes
/// when every file is read or the job is cancelled.
pub fn spawn<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    job: &'env LoadJob,
    jobs: usize,
) -> Receiver<Vec<Summary>> {
    let (tx, rx) = channel();
    for _ in 0..jobs.max(1) {
        let tx = tx.clone();
        scope.spawn(move || job.work(&tx));
    }
    rx
}

/// Read every file (for tests and batch use).
pub fn load_all(files: Vec<PathBuf>, reviews: ReviewIndex) -> Vec<Summary> {
    let job = LoadJob::new(files, reviews);
    std::thread::scope(|s| {
        let rx = spawn(s, &job, default_jobs());
        rx.iter().flatten().collect()
    })
}
