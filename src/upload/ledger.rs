//! The upload ledger: `uploads.jsonl` in the data directory, one JSON line per result, appended and
//! flushed to disk. A file whose digest the ledger shows delivered to a target is not sent there
//! again. The ledger is locked while a run uses it, so two runs cannot interleave.

use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::store::{self, StoreError};

/// Largest ledger read (lines past it are ignored, so at worst a file is offered again and the
/// target answers "already there").
const MAX_LEDGER_BYTES: u64 = 256 * 1024 * 1024;

/// One line of the ledger.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// RFC 3339.
    pub time: String,
    pub id: String,
    /// The content digest of the minutes (RFC 8785 + SHA-256, as in their `integrity`).
    pub digest: String,
    /// The base URL or the canonical folder; never a token.
    pub target: String,
    /// `delivered`, `already_there`, `conflict` or `failed`.
    pub result: String,
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
}

impl Entry {
    fn counts_as_delivered(&self) -> bool {
        self.result == "delivered" || self.result == "already_there"
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the ledger is in use by another run")]
    Busy { path: PathBuf },
}

/// What the ledger shows delivered: (target, digest) pairs.
#[derive(Debug, Default, Clone)]
pub struct Delivered(HashSet<(String, String)>);

impl Delivered {
    pub fn contains(&self, target: &str, digest: &str) -> bool {
        self.0.contains(&(target.to_owned(), digest.to_owned()))
    }

    fn add(&mut self, e: &Entry) {
        if e.counts_as_delivered() {
            self.0.insert((e.target.clone(), e.digest.clone()));
        }
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Read what a ledger shows delivered. A missing ledger is empty; unreadable lines (such as a line
/// torn by a crash) are skipped.
pub fn read(path: &Path) -> Result<Delivered, StoreError> {
    let bytes = match store::read_capped(path, MAX_LEDGER_BYTES) {
        Ok(b) => b,
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Delivered::default());
        }
        Err(e) => return Err(e),
    };
    let mut d = Delivered::default();
    for line in bytes.split(|b| *b == b'\n') {
        if let Ok(e) = serde_json::from_slice::<Entry>(line) {
            d.add(&e);
        }
    }
    Ok(d)
}

/// The ledger opened for appending, locked for this run.
#[derive(Debug)]
pub struct Ledger {
    file: File,
    path: PathBuf,
}

impl Ledger {
    /// Open (creating it 0600 and its folder 0700) and lock the ledger; also returns what it shows
    /// delivered.
    pub fn open(path: &Path) -> Result<(Ledger, Delivered), LedgerError> {
        if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            store::create_dir_private(dir)?;
        }
        let file = store::open_append(path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(LedgerError::Busy {
                    path: path.to_path_buf(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StoreError::io(path, e).into()),
        }
        // A line torn by a crash must not swallow the next one.
        if let Ok(meta) = file.metadata()
            && meta.len() > 0
            && !ends_with_newline(path)
        {
            (&file)
                .write_all(b"\n")
                .map_err(|e| StoreError::io(path, e))?;
        }
        let delivered = read(path)?;
        Ok((
            Ledger {
                file,
                path: path.to_path_buf(),
            },
            delivered,
        ))
    }

    /// Append entries and flush them to disk with one `fsync`.
    pub fn append(&mut self, entries: &[Entry]) -> Result<(), StoreError> {
        if entries.is_empty() {
            return Ok(());
        }
        let mut buf = Vec::with_capacity(entries.len() * 256);
        for e in entries {
            serde_json::to_writer(&mut buf, e).map_err(|e| StoreError::io(&self.path, e.into()))?;
            buf.push(b'\n');
        }
        self.file
            .write_all(&buf)
            .and_then(|()| self.file.sync_data())
            .map_err(|e| StoreError::io(&self.path, e))
    }
}

fn ends_with_newline(path: &Path) -> bool {
    use std::io::{Read, Seek, SeekFrom};
    let Ok(mut f) = File::open(path) else {
        return true;
    };
    let mut last = [0u8; 1];
    f.seek(SeekFrom::End(-1)).is_ok() && f.read_exact(&mut last).is_ok() && last[0] == b'\n'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(digest: &str, target: &str, result: &str) -> Entry {
        Entry {
            time: "2026-01-01T00:00:00+08:00".into(),
            id: "x".into(),
            digest: digest.into(),
            target: target.into(),
            result: result.into(),
            path: "p".into(),
            status: None,
        }
    }

    #[test]
    fn delivered_per_target_and_digest_and_torn_lines_are_skipped() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("sub").join("uploads.jsonl");
        {
            let (mut l, seen) = Ledger::open(&path).unwrap();
            assert!(seen.is_empty());
            l.append(&[
                entry("d1", "http://a", "delivered"),
                entry("d2", "http://a", "failed"),
                entry("d3", "http://a", "already_there"),
            ])
            .unwrap();
        }
        // A torn last line from a crash.
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .write_all(b"{\"time\":\"2026")
            .unwrap();
        let (mut l, seen) = Ledger::open(&path).unwrap();
        assert!(seen.contains("http://a", "d1"));
        assert!(!seen.contains("http://a", "d2"));
        assert!(seen.contains("http://a", "d3"));
        assert!(!seen.contains("http://b", "d1"));
        l.append(&[entry("d2", "http://a", "delivered")]).unwrap();
        drop(l);
        let seen = read(&path).unwrap();
        assert_eq!(seen.len(), 3);
    }

    #[test]
    fn a_second_run_is_refused_while_the_first_holds_the_ledger() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("uploads.jsonl");
        let (_held, _) = Ledger::open(&path).unwrap();
        assert!(matches!(Ledger::open(&path), Err(LedgerError::Busy { .. })));
    }
}
