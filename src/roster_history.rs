//! The roster history in the data directory (`roster-history.jsonl`): one line per change made in
//! the program, who made it, when and what. The file is rewritten whole and atomically (temp file,
//! fsync, rename) through [`crate::store`], so a crash leaves the old history or the new one.

use std::path::{Path, PathBuf};

use crate::domain::Roster;
use crate::domain::roster_change::HistoryEntry;
use crate::store::{self, DataDir, StoreError};

/// Largest history read back.
const MAX_HISTORY_BYTES: u64 = 32 * 1024 * 1024;

#[must_use]
pub fn path(data: &DataDir) -> PathBuf {
    data.root().join("roster-history.jsonl")
}

fn read_existing(path: &Path) -> Result<Vec<u8>, StoreError> {
    if !path.exists() {
        return Ok(Vec::new());
    }
    store::read_capped(path, MAX_HISTORY_BYTES)
}

/// The entries of the history, oldest first; lines that do not parse are skipped.
pub fn load(data: &DataDir) -> Result<Vec<HistoryEntry>, StoreError> {
    let bytes = read_existing(&path(data))?;
    Ok(String::from_utf8_lossy(&bytes)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect())
}

/// Record `entry` in the history, then write the roster it produced: both atomically, history
/// first, so the roster never holds a change the history lacks.
pub fn record(data: &DataDir, entry: &HistoryEntry, roster: &Roster) -> Result<(), StoreError> {
    data.ensure()?;
    let p = path(data);
    let mut bytes = read_existing(&p)?;
    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
        bytes.push(b'\n');
    }
    let line =
        serde_json::to_string(entry).map_err(|e| StoreError::io(&p, std::io::Error::other(e)))?;
    bytes.extend_from_slice(line.as_bytes());
    bytes.push(b'\n');
    store::write_replace(&p, &bytes)?;
    data.save_roster(roster)
}
