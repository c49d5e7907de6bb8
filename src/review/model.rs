//! The reviewer's list: one compact summary per file, its status, and the sorted, filtered view.
//! Pure: no I/O, no terminal.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::path::PathBuf;

use super::remarks::ReviewKey;
use uuid::Uuid;

use crate::domain::{MeetingKind, Outcome, Timestamp};
use crate::minutes::ReadError;
use crate::minutes::check::Problem;
pub use crate::vocabulary::{Column, FollowUp, ReviewState, RowError, Status};

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Valid,
        Status::Warnings,
        Status::Invalid,
        Status::Tampered,
        Status::Conflict,
        Status::Superseded,
    ];

    /// Sort order: what needs attention first.
    fn rank(self) -> u8 {
        match self {
            Status::Tampered | Status::Conflict => 0,
            Status::Invalid => 1,
            Status::Warnings => 2,
            Status::Superseded => 3,
            Status::Valid => 4,
        }
    }
}

impl ReviewState {
    pub const ALL: [ReviewState; 5] = [
        ReviewState::Unreviewed,
        ReviewState::Changed,
        ReviewState::Approved,
        ReviewState::Returned,
        ReviewState::Unreadable,
    ];

    fn rank(self) -> u8 {
        match self {
            ReviewState::Unreadable => 0,
            ReviewState::Returned => 1,
            ReviewState::Changed => 2,
            ReviewState::Unreviewed => 3,
            ReviewState::Approved => 4,
        }
    }

    /// Whether a row in this state is shown under the filter `filter`: a verdict given on other
    /// content counts as unreviewed.
    #[must_use]
    pub fn shown_under(self, filter: ReviewState) -> bool {
        self == filter || (filter == ReviewState::Unreviewed && self == ReviewState::Changed)
    }
}

impl From<ReadError> for RowError {
    fn from(e: ReadError) -> RowError {
        match e {
            ReadError::Missing => RowError::Missing,
            ReadError::NotRegular => RowError::NotRegular,
            ReadError::TooLarge { bytes } => {
                RowError::Problem(Box::new(Problem::TooLarge { bytes }))
            }
            ReadError::Io { kind, os } => RowError::Io { kind, os },
        }
    }
}

/// Items of a meeting by outcome of their vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ItemTally {
    pub total: u16,
    pub passed: u16,
    pub failed: u16,
    pub no_quorum: u16,
    pub deferred: u16,
}

impl ItemTally {
    pub fn add(&mut self, outcome: Option<Outcome>) {
        self.total = self.total.saturating_add(1);
        let slot = match outcome {
            Some(Outcome::Passed) => &mut self.passed,
            Some(Outcome::Failed) => &mut self.failed,
            Some(Outcome::NoQuorum) => &mut self.no_quorum,
            Some(Outcome::Deferred) => &mut self.deferred,
            None => return,
        };
        *slot = slot.saturating_add(1);
    }
}

/// One row of the list: what the list shows of a file, and nothing more. The full minutes are read
/// again when the file is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub path: PathBuf,
    /// The file name, neutralised for display.
    pub name: Box<str>,
    pub id: Option<Uuid>,
    pub started_at: Option<Timestamp>,
    /// Neutralised for display.
    pub branch: Box<str>,
    /// The order of branches: by their names' pinyin (as a Chinese list is sorted), then the name.
    pub branch_order: Box<str>,
    /// The branch's organisation code (组织代码), for sorting in code order.
    pub branch_code: Box<str>,
    pub kind: Option<MeetingKind>,
    /// The theme, else the title; neutralised for display.
    pub theme: Box<str>,
    /// 实到 and 应到 (all counted members).
    pub present: u32,
    pub expected: u32,
    pub items: ItemTally,
    /// The check's verdict (never `Superseded`: that depends on the other files).
    pub checked: Status,
    pub errors: u16,
    pub warnings: u16,
    /// Recorded digest equals the recomputed one (`None` when it could not be compared).
    pub digest_ok: Option<bool>,
    /// The digest of the content as read: a verdict holds for this content only.
    pub digest: Option<Box<str>>,
    /// For a file whose id cannot be read: the SHA-256 of its bytes, which its remarks are keyed by.
    pub file_sha256: Option<Box<str>>,
    pub supersedes: Option<Uuid>,
    pub review: ReviewState,
    pub error: Option<RowError>,
    /// Other files with the same id and the same content: one meeting, shown once.
    pub copies: Vec<PathBuf>,
    /// Lower-cased text the text filter searches.
    pub haystack: Box<str>,
}

impl Summary {
    /// What the row's remarks are keyed by: its minutes id, else the digest of its bytes.
    pub fn review_key(&self) -> Option<ReviewKey> {
        match (&self.id, &self.file_sha256) {
            (Some(id), _) => Some(ReviewKey::Minutes(*id)),
            (None, Some(sha)) => Some(ReviewKey::File(sha.clone())),
            (None, None) => None,
        }
    }

    /// A row for a file that has no readable content.
    pub fn failed(path: PathBuf, error: RowError) -> Summary {
        let name = display_name(&path);
        let haystack = name.to_lowercase().into_boxed_str();
        Summary {
            name: name.into_boxed_str(),
            path,
            id: None,
            started_at: None,
            branch: "".into(),
            branch_order: "".into(),
            branch_code: "".into(),
            kind: None,
            theme: "".into(),
            present: 0,
            expected: 0,
            items: ItemTally::default(),
            checked: Status::Invalid,
            errors: 1,
            warnings: 0,
            digest_ok: None,
            digest: None,
            file_sha256: None,
            supersedes: None,
            review: ReviewState::Unreviewed,
            error: Some(error),
            copies: Vec::new(),
            haystack,
        }
    }

    /// 实到 / 应到 in thousandths, when anyone was expected.
    pub fn rate_permille(&self) -> Option<u32> {
        (self.expected > 0).then(|| {
            u32::try_from(u64::from(self.present) * 1000 / u64::from(self.expected))
                .unwrap_or(u32::MAX)
        })
    }

    /// `(year, month)` of the meeting.
    pub fn month(&self) -> Option<(i32, u32)> {
        use chrono::Datelike;
        self.started_at.map(|t| (t.year(), t.month()))
    }

    fn has_content(&self) -> bool {
        self.started_at.is_some()
    }
}

/// How branches are ordered: by the pinyin of their names, as a Chinese list is sorted, then by
/// the name itself.
#[must_use]
pub fn branch_order(name: &str) -> Box<str> {
    let [_, _, full] = crate::tui::search::NameKey::new(name).typed_forms();
    format!("{full}\u{0}{name}").into_boxed_str()
}

/// The file name of a path, neutralised for display.
pub fn display_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || crate::sanitize::path(path),
        |n| crate::sanitize::line(&n.to_string_lossy()).into_owned(),
    )
}

impl Column {
    pub const ALL: [Column; 10] = [
        Column::Date,
        Column::Branch,
        Column::BranchCode,
        Column::Kind,
        Column::Theme,
        Column::Attendance,
        Column::Rate,
        Column::Items,
        Column::Status,
        Column::Review,
    ];

    #[must_use]
    pub fn next(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + 1) % Column::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> Column {
        let i = Column::ALL.iter().position(|c| *c == self).unwrap_or(0);
        Column::ALL[(i + Column::ALL.len() - 1) % Column::ALL.len()]
    }
}

/// What the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Matched case-insensitively against branch, theme, title, file name and id.
    pub text: String,
    pub kind: Option<MeetingKind>,
    pub month: Option<(i32, u32)>,
    pub status: Option<Status>,
    pub review: Option<ReviewState>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }
}

/// Step through `None`, then each value of `all`, then back to `None`.
pub fn cycle<T: Copy + PartialEq>(current: Option<T>, all: &[T]) -> Option<T> {
    match current {
        None => all.first().copied(),
        Some(c) => {
            let i = all.iter().position(|x| *x == c)?;
            all.get(i + 1).copied()
        }
    }
}

/// Parse a month typed as `YYYY-MM` (or `YYYY-M`, `YYYY/MM`).
pub fn parse_month(s: &str) -> Option<(i32, u32)> {
    // The one month format of every command: `2026-03`, or `2026-3`.
    crate::stats::YearMonth::parse_loose(s).map(|(m, _)| (m.year, m.month))
}

/// All loaded rows and the sorted, filtered view over them.
#[derive(Debug, Clone)]
pub struct Model {
    rows: Vec<Summary>,
    /// Indices into `rows`, in display order.
    view: Vec<usize>,
    sort: Column,
    descending: bool,
    filter: Filter,
    /// id → the row of a file that supersedes it.
    superseded_by: HashMap<Uuid, usize>,
    /// id → the first row with that id.
    by_id: HashMap<Uuid, usize>,
    /// Ids held by two loaded files with different content.
    conflicted: std::collections::HashSet<Uuid>,
}

impl Default for Model {
    fn default() -> Self {
        Model::new()
    }
}

impl Model {
    /// An empty model, newest meetings first.
    pub fn new() -> Model {
        Model {
            rows: Vec::new(),
            view: Vec::new(),
            sort: Column::Date,
            descending: true,
            filter: Filter::default(),
            superseded_by: HashMap::new(),
            by_id: HashMap::new(),
            conflicted: std::collections::HashSet::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn row(&self, i: usize) -> &Summary {
        &self.rows[i]
    }

    /// Row indices in display order.
    pub fn view(&self) -> &[usize] {
        &self.view
    }

    pub fn sort(&self) -> (Column, bool) {
        (self.sort, self.descending)
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    /// The row that supersedes row `i`, if loaded.
    pub fn superseded_by(&self, i: usize) -> Option<usize> {
        self.rows[i]
            .id
            .and_then(|id| self.superseded_by.get(&id).copied())
    }

    /// The last correction in the chain that supersedes row `i` (a correction may be corrected
    /// again), if loaded.
    pub fn latest_correction(&self, i: usize) -> Option<usize> {
        let mut j = self.superseded_by(i)?;
        // A chain is at most as long as the list; a loop of ids stops there too.
        for _ in 0..self.rows.len() {
            match self.superseded_by(j) {
                Some(k) if k != i && k != j => j = k,
                _ => break,
            }
        }
        Some(j)
    }

    /// Where a returned file's 督办 stands: returned → corrected → approved.
    pub fn follow_up(&self, i: usize) -> Option<FollowUp> {
        if self.rows[i].review != ReviewState::Returned {
            return None;
        }
        Some(match self.latest_correction(i) {
            None => FollowUp::AwaitingCorrection,
            Some(j) => FollowUp::Corrected(j, self.rows[j].review),
        })
    }

    /// The row of a file with this id, if loaded.
    pub fn find_id(&self, id: Uuid) -> Option<usize> {
        self.by_id.get(&id).copied()
    }

    /// The status shown for row `i`: a tampered file stays tampered even when corrected.
    pub fn status(&self, i: usize) -> Status {
        let r = &self.rows[i];
        if r.checked != Status::Tampered && r.id.is_some_and(|id| self.conflicted.contains(&id)) {
            Status::Conflict
        } else if r.checked != Status::Tampered && self.superseded_by(i).is_some() {
            Status::Superseded
        } else {
            r.checked
        }
    }

    /// Add rows as they are loaded; the view stays sorted and filtered.
    pub fn push(&mut self, rows: impl IntoIterator<Item = Summary>) {
        let start = self.rows.len();
        let mut status_changed = false;
        for r in rows {
            let i = self.rows.len();
            if let Some(id) = r.id
                && let Some(&j) = self.by_id.get(&id)
            {
                if r.digest.is_some() && self.rows[j].digest == r.digest {
                    // The same meeting again under another name: a copy of row j.
                    self.rows[j].copies.push(r.path);
                    continue;
                }
                // The same id with other content: both are shown as a conflict.
                self.conflicted.insert(id);
                status_changed |= j < start;
            }
            if let Some(id) = r.id {
                self.by_id.entry(id).or_insert(i);
            }
            if let Some(old) = r.supersedes
                && r.id != Some(old)
            {
                self.superseded_by.entry(old).or_insert(i);
                status_changed |= self.by_id.get(&old).is_some_and(|&j| j < start);
            }
            self.rows.push(r);
        }
        let new_rows = start..self.rows.len();
        // A row loaded earlier may now be superseded: its status changed, so a filter or an order
        // by status must be recomputed over everything.
        if status_changed && (self.filter.status.is_some() || self.sort == Column::Status) {
            self.rebuild();
            return;
        }
        let mut fresh: Vec<usize> = new_rows.filter(|&i| self.matches(i)).collect();
        fresh.sort_by(|&a, &b| self.compare(a, b));
        let old = std::mem::take(&mut self.view);
        let mut merged = Vec::with_capacity(old.len() + fresh.len());
        let (mut a, mut b) = (old.into_iter().peekable(), fresh.into_iter().peekable());
        loop {
            let take_old = match (a.peek(), b.peek()) {
                (Some(&x), Some(&y)) => self.compare(x, y) != Ordering::Greater,
                (Some(_), None) => true,
                (None, Some(_)) => false,
                (None, None) => break,
            };
            let next = if take_old { a.next() } else { b.next() };
            merged.extend(next);
        }
        self.view = merged;
    }

    /// After a remark on the content with `digest` is saved: rows with this key and that content
    /// take its state; a row with this key but other content has a verdict that is not its own.
    pub fn set_review(&mut self, key: &ReviewKey, digest: Option<&str>, state: ReviewState) {
        for r in self
            .rows
            .iter_mut()
            .filter(|r| r.review_key().as_ref() == Some(key))
        {
            let content = match key {
                ReviewKey::Minutes(_) => r.digest.as_deref(),
                ReviewKey::File(_) => r.file_sha256.as_deref(),
            };
            r.review = if content == digest {
                state
            } else {
                ReviewState::Changed
            };
        }
        if self.filter.review.is_some() || self.sort == Column::Review {
            self.rebuild();
        }
    }

    pub fn set_sort(&mut self, column: Column, descending: bool) {
        self.sort = column;
        self.descending = descending;
        self.rebuild();
    }

    pub fn set_filter(&mut self, mut filter: Filter) {
        filter.text = filter.text.to_lowercase();
        self.filter = filter;
        self.rebuild();
    }

    fn rebuild(&mut self) {
        let mut view: Vec<usize> = (0..self.rows.len()).filter(|&i| self.matches(i)).collect();
        view.sort_by(|&a, &b| self.compare(a, b));
        self.view = view;
    }

    fn matches(&self, i: usize) -> bool {
        let r = &self.rows[i];
        let f = &self.filter;
        (f.text.is_empty() || r.haystack.contains(f.text.as_str()))
            && f.kind.is_none_or(|k| r.kind == Some(k))
            && f.month.is_none_or(|m| r.month() == Some(m))
            && f.status.is_none_or(|s| self.status(i) == s)
            && f.review.is_none_or(|s| r.review.shown_under(s))
    }

    /// Display order of two rows: the sort column (rows without a value last, whatever the
    /// direction), then the meeting's start, then the path.
    fn compare(&self, a: usize, b: usize) -> Ordering {
        let (ra, rb) = (&self.rows[a], &self.rows[b]);
        let primary = match self.sort {
            Column::Date => by_option(ra.started_at.as_ref(), rb.started_at.as_ref()),
            Column::Branch => by_present(ra, rb, |r| &*r.branch_order),
            // Rows without a code sort after those with one, by name among themselves.
            Column::BranchCode => by_present(ra, rb, |r| {
                (r.branch_code.is_empty(), &*r.branch_code, &*r.branch_order)
            }),
            Column::Kind => by_option(ra.kind.as_ref(), rb.kind.as_ref()),
            Column::Theme => by_present(ra, rb, |r| &*r.theme),
            Column::Attendance => by_present(ra, rb, |r| (r.present, r.expected)),
            Column::Rate => by_option(ra.rate_permille().as_ref(), rb.rate_permille().as_ref()),
            Column::Items => by_present(ra, rb, |r| (r.items.total, r.items.passed)),
            Column::Status => Some(self.status(a).rank().cmp(&self.status(b).rank())),
            Column::Review => Some(ra.review.rank().cmp(&rb.review.rank())),
        };
        let primary = match primary {
            Some(o) if self.descending => o.reverse(),
            Some(o) => o,
            // One side has no value: it goes last in either direction.
            None => ra.has_content().cmp(&rb.has_content()).reverse(),
        };
        primary
            .then_with(|| {
                let o = ra.started_at.cmp(&rb.started_at);
                if self.descending { o.reverse() } else { o }
            })
            .then_with(|| ra.path.cmp(&rb.path))
    }
}

/// `Some(order)` when both have a value; `None` when exactly one has; equal when neither has.
fn by_option<T: Ord>(a: Option<&T>, b: Option<&T>) -> Option<Ordering> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.cmp(y)),
        (None, None) => Some(Ordering::Equal),
        _ => None,
    }
}

/// Compare a value that only rows with content have.
fn by_present<'a, T: Ord>(
    a: &'a Summary,
    b: &'a Summary,
    key: impl Fn(&'a Summary) -> T,
) -> Option<Ordering> {
    let ka = a.has_content().then(|| key(a));
    let kb = b.has_content().then(|| key(b));
    by_option(ka.as_ref(), kb.as_ref())
}
