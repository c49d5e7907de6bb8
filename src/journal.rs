//! The append-only event log of a meeting in progress (JSON Lines, one event per line).
//!
//! Each append writes one line and calls `fsync` before returning; earlier bytes are never rewritten.
//! Reading tolerates a torn last line (a crash mid-write): it is dropped with a warning. Lines in the
//! middle that cannot be read are skipped with a warning naming their line number.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::domain::{ApplyError, Event, Meeting};
use crate::store::{self, StoreError};

/// Largest journal read (a long meeting with many notes stays far below this).
pub const MAX_JOURNAL_BYTES: u64 = 256 * 1024 * 1024;
/// Largest single line read.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Something noticed while reading a journal that did not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JournalWarning {
    /// The last line was incomplete (a crash mid-write) and was dropped.
    TornTail { line: usize, bytes: usize },
    /// A line that is not a readable event was skipped.
    BadLine { line: usize, message: String },
    /// An event that does not fit the meeting was skipped.
    Skipped { line: usize, error: ApplyError },
}

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{}", crate::i18n::Tr::NEUTRAL.journal_no_start(path))]
    NoStart { path: PathBuf },
}

/// Parse journal bytes into events, with warnings for what was dropped.
pub fn parse(bytes: &[u8]) -> (Vec<Event>, Vec<JournalWarning>) {
    let (events, warnings) = parse_numbered(bytes);
    (events.into_iter().map(|(_, e)| e).collect(), warnings)
}

/// Parse journal bytes into events, each with its 1-based line number, and warnings for what was
/// dropped. An unterminated last line that is a whole event is kept (its newline is what was lost);
/// one that is not is a torn tail.
pub fn parse_numbered(bytes: &[u8]) -> (Vec<(usize, Event)>, Vec<JournalWarning>) {
    let mut events = Vec::new();
    let mut warnings = Vec::new();
    let ends_clean = bytes.last().is_none_or(|b| *b == b'\n');
    let mut lines = bytes.split(|b| *b == b'\n').enumerate().peekable();
    while let Some((i, raw)) = lines.next() {
        let line = i + 1;
        let is_last = lines.peek().is_none();
        if is_last && ends_clean {
            // `split` yields an empty slice after a final newline.
            break;
        }
        let torn = is_last && !ends_clean;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if raw.len() > MAX_LINE_BYTES {
            warnings.push(if torn {
                JournalWarning::TornTail {
                    line,
                    bytes: raw.len(),
                }
            } else {
                JournalWarning::BadLine {
                    line,
                    message: format!("line longer than {MAX_LINE_BYTES} bytes"),
                }
            });
            continue;
        }
        match serde_json::from_slice::<Event>(raw) {
            Ok(e) => events.push((line, e)),
            Err(_) if torn => warnings.push(JournalWarning::TornTail {
                line,
                bytes: raw.len(),
            }),
            Err(e) => warnings.push(JournalWarning::BadLine {
                line,
                message: e.to_string(),
            }),
        }
    }
    (events, warnings)
}

/// An open journal, ready to append.
#[derive(Debug)]
pub struct Journal {
    file: File,
    path: PathBuf,
    /// Bytes known to be complete on disk; a failed append is cut back to this.
    len: u64,
}

impl Journal {
    /// Start a new journal with its `Created` event. Refuses to touch an existing file.
    pub fn create(path: &Path, created: &Event) -> Result<Journal, StoreError> {
        let mut j = Journal {
            file: store::create_append(path)?,
            path: path.to_path_buf(),
            len: 0,
        };
        j.append(created)?;
        if let Some(dir) = path.parent() {
            store::sync_dir(dir)?;
        }
        Ok(j)
    }

    /// Open an existing journal: read and replay it, drop a torn tail so appends start on a fresh
    /// line, and return the meeting with the warnings.
    pub fn open(path: &Path) -> Result<(Journal, Meeting, Vec<JournalWarning>), JournalError> {
        let bytes = store::read_capped(path, MAX_JOURNAL_BYTES)?;
        let (numbered, mut warnings) = parse_numbered(&bytes);
        let lines: Vec<usize> = numbered.iter().map(|(line, _)| *line).collect();
        let (meeting, skipped) =
            Meeting::replay(numbered.iter().map(|(_, e)| e)).map_err(|_| {
                JournalError::NoStart {
                    path: path.to_path_buf(),
                }
            })?;
        warnings.extend(
            skipped
                .into_iter()
                .map(|(position, error)| JournalWarning::Skipped {
                    line: lines[position],
                    error,
                }),
        );
        let mut file = store::open_append(path)?;
        let after_last_newline = bytes.iter().rposition(|b| *b == b'\n').map_or(0, |p| p + 1);
        let tail_torn = warnings
            .iter()
            .any(|w| matches!(w, JournalWarning::TornTail { .. }));
        let len = if after_last_newline == bytes.len() {
            bytes.len()
        } else if tail_torn
            || bytes[after_last_newline..]
                .iter()
                .all(u8::is_ascii_whitespace)
        {
            // Keep the torn bytes out of the next line: cut back to the last complete line.
            file.set_len(after_last_newline as u64)
                .and_then(|()| file.sync_all())
                .map_err(|e| StoreError::io(path, e))?;
            after_last_newline
        } else {
            // The last event is whole and was replayed; only its newline is missing. Complete it, so
            // the file holds exactly what the meeting was rebuilt from.
            file.write_all(b"\n")
                .and_then(|()| file.sync_all())
                .map_err(|e| StoreError::io(path, e))?;
            bytes.len() + 1
        };
        Ok((
            Journal {
                file,
                path: path.to_path_buf(),
                len: len as u64,
            },
            meeting,
            warnings,
        ))
    }

    /// Append one event and fsync it. When this returns `Ok`, the event survives a crash.
    pub fn append(&mut self, event: &Event) -> Result<(), StoreError> {
        let mut line = serde_json::to_vec(event).unwrap_or_default();
        line.push(b'\n');
        match self
            .file
            .write_all(&line)
            .and_then(|()| self.file.sync_data())
        {
            Ok(()) => {
                self.len += line.len() as u64;
                Ok(())
            }
            Err(e) => {
                // A partial line (e.g. disk full mid-write) must not glue onto the next append.
                let _ = self.file.set_len(self.len);
                Err(StoreError::io(&self.path, e))
            }
        }
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Send later appends to `file` and return the file they went to. A fault-injection seam for
    /// tests (e.g. `/dev/full`, whose writes fail with ENOSPC); the length known complete is kept.
    #[doc(hidden)]
    pub fn swap_file(&mut self, file: File) -> File {
        std::mem::replace(&mut self.file, file)
    }
}

/// What the home screen shows of a draft without replaying it.
#[derive(Debug, Clone)]
pub struct DraftSummary {
    pub title: String,
    pub kind: crate::domain::MeetingKind,
    pub created_at: crate::domain::Timestamp,
    pub finalized: bool,
}

/// Read a draft's opening event and whether its last event is `finalized`.
#[must_use]
pub fn summary(path: &Path) -> Option<DraftSummary> {
    use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
    let file = File::open(path).ok()?;
    let len = file.metadata().ok()?.len();
    let mut reader = BufReader::new(file);
    let mut first = Vec::new();
    reader
        .by_ref()
        .take(MAX_LINE_BYTES as u64)
        .read_until(b'\n', &mut first)
        .ok()?;
    let Ok(Event::Created { at, setup }) = serde_json::from_slice::<Event>(&first) else {
        return None;
    };
    let tail_len = len.min(4096);
    let mut tail = Vec::new();
    let mut file = reader.into_inner();
    file.seek(SeekFrom::Start(len - tail_len)).ok()?;
    file.read_to_end(&mut tail).ok()?;
    let last = tail
        .split(|b| *b == b'\n')
        .rfind(|l| !l.is_empty())
        .unwrap_or_default();
    let finalized = {
        let needle: &[u8] = b"\"event\":\"finalized\"";
        last.windows(needle.len()).any(|w| w == needle)
    };
    Some(DraftSummary {
        title: setup.title,
        kind: setup.kind,
        created_at: at,
        finalized,
    })
}

#[cfg(test)]
mod tests;
