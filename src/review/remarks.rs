//! Review remarks: `reviews/<id>.review.json` holds every remark on one minutes id, newest last.
//! A file whose id cannot be read takes its remarks in `reviews/sha256-<hex>.review.json`, keyed by
//! the SHA-256 of its bytes. The minutes file itself is only ever read.

use std::fs::TryLockError;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::model::ReviewState;
use crate::domain::Timestamp;
use crate::store::{self, DataDir, StoreError};

/// The value of a review file's `format` member.
pub const FORMAT: &str = "branchday.review";
/// The version this program writes and reads.
pub const VERSION: u32 = 1;
/// Largest review file read or written.
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;
/// Longest reviewer name and comment accepted, in characters.
pub const MAX_REVIEWER_CHARS: usize = 80;
pub const MAX_COMMENT_CHARS: usize = 2000;
/// Environment variable naming the reviewer.
pub const REVIEWER_ENV: &str = "BRANCHDAY_REVIEWER";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approved,
    Returned,
}

/// One reviewer's remark.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Remark {
    pub reviewer: String,
    pub at: Timestamp,
    pub verdict: Verdict,
    #[serde(default)]
    pub comment: String,
    /// The digest of the minutes content the remark was made on (recomputed when saving).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// What a review file's remarks are about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ReviewKey {
    /// A minutes id: the remarks follow the meeting, and each holds for the content it was given on.
    Minutes(Uuid),
    /// The SHA-256 (lower-case hex) of the bytes of a file whose id cannot be read.
    File(Box<str>),
}

impl ReviewKey {
    /// The name of the key's review file in the reviews folder.
    pub fn file_name(&self) -> String {
        match self {
            ReviewKey::Minutes(id) => file_name(id),
            ReviewKey::File(sha) => format!("sha256-{sha}.review.json"),
        }
    }

    /// The key's review file.
    pub fn path(&self, data: &DataDir) -> PathBuf {
        data.reviews_dir().join(self.file_name())
    }
}

impl std::fmt::Display for ReviewKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReviewKey::Minutes(id) => write!(f, "{id}"),
            ReviewKey::File(sha) => write!(f, "sha256:{sha}"),
        }
    }
}

/// The key of a file whose id cannot be read: the SHA-256 of its bytes.
pub fn file_key(bytes: &[u8]) -> ReviewKey {
    use sha2::Digest;
    ReviewKey::File(crate::minutes::canonical::hex(&sha2::Sha256::digest(bytes)).into_boxed_str())
}

/// The key of the regular file at `path` whose id cannot be read, its bytes read in pieces whatever
/// its size; `None` for anything else (a pipe or a device is never read) or a file that cannot be
/// read.
pub fn file_key_at(path: &Path) -> Option<ReviewKey> {
    use sha2::Digest;
    use std::io::Read;
    if !std::fs::metadata(path).ok()?.is_file() {
        return None;
    }
    let mut f = std::fs::File::open(path).ok()?;
    let mut hasher = sha2::Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return None,
        }
    }
    let sha = crate::minutes::canonical::hex(&hasher.finalize());
    Some(ReviewKey::File(sha.into_boxed_str()))
}

/// A review file: `minutes_id` for a meeting's remarks, else `file_sha256` for those on a file
/// whose id cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewFile {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_sha256: Option<String>,
    pub remarks: Vec<Remark>,
}

impl ReviewFile {
    /// What the file's remarks are about (`None` for a file that names neither).
    pub fn key(&self) -> Option<ReviewKey> {
        match (&self.minutes_id, &self.file_sha256) {
            (Some(id), None) => Some(ReviewKey::Minutes(*id)),
            (None, Some(sha)) => Some(ReviewKey::File(sha.as_str().into())),
            _ => None,
        }
    }

    fn new(key: &ReviewKey) -> ReviewFile {
        let (minutes_id, file_sha256) = match key {
            ReviewKey::Minutes(id) => (Some(*id), None),
            ReviewKey::File(sha) => (None, Some(sha.to_string())),
        };
        ReviewFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            minutes_id,
            file_sha256,
            remarks: Vec::new(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RemarkError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The existing review file is not one this program can read; it is left alone.
    #[error("{}: {message}", path.display())]
    Unreadable { path: PathBuf, message: String },
    /// Another program holds the reviews folder's lock.
    #[error("{} is locked", path.display())]
    Busy { path: PathBuf },
    /// The file would grow past [`MAX_BYTES`].
    #[error("{} is full", path.display())]
    Full { path: PathBuf },
}

/// The file name of a minutes id's review file.
pub fn file_name(id: &Uuid) -> String {
    format!("{id}.review.json")
}

/// The reviewer's name: `BRANCHDAY_REVIEWER`, else the login name.
pub fn default_reviewer() -> String {
    [REVIEWER_ENV, "USER", "USERNAME", "LOGNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|v| crate::sanitize::line(v.trim()).into_owned())
        .find(|v| !v.is_empty())
        .map(|v| v.chars().take(MAX_REVIEWER_CHARS).collect())
        .unwrap_or_default()
}

/// Where the name last used for a remark is kept (`reviews/reviewer.txt`).
fn reviewer_file(data: &DataDir) -> std::path::PathBuf {
    data.reviews_dir().join("reviewer.txt")
}

/// The reviewer's name: `BRANCHDAY_REVIEWER`, else the name last used for a remark in this data
/// directory, else the login name.
pub fn reviewer_for(data: &DataDir) -> String {
    reviewer_from(data, std::env::var(REVIEWER_ENV).ok())
}

/// `reviewer_for` with the variable's value given.
fn reviewer_from(data: &DataDir, explicit: Option<String>) -> String {
    let explicit = explicit.filter(|v| !v.trim().is_empty());
    if let Some(name) = &explicit {
        return crate::sanitize::line(name.trim())
            .chars()
            .take(MAX_REVIEWER_CHARS)
            .collect();
    }
    if explicit.is_none()
        && let Ok(bytes) = store::read_capped(&reviewer_file(data), 1024)
    {
        let name = crate::sanitize::line(String::from_utf8_lossy(&bytes).trim()).into_owned();
        if !name.is_empty() {
            return name.chars().take(MAX_REVIEWER_CHARS).collect();
        }
    }
    default_reviewer()
}

/// Keep the name a remark was signed with for the next session (atomically; best effort, a
/// failure only means the name is asked again).
pub fn remember_reviewer(data: &DataDir, name: &str) {
    if store::create_dir_private(&data.reviews_dir()).is_ok() {
        let _ = store::write_replace(&reviewer_file(data), name.as_bytes());
    }
}

/// Read a review file; `Ok(None)` when there is none.
pub fn read(path: &Path) -> Result<Option<ReviewFile>, RemarkError> {
    let bytes = match store::read_capped(path, MAX_BYTES) {
        Ok(b) => b,
        Err(StoreError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e.into()),
    };
    let unreadable = |message: String| RemarkError::Unreadable {
        path: path.to_path_buf(),
        message,
    };
    let file: ReviewFile = serde_json::from_slice(&bytes).map_err(|e| unreadable(e.to_string()))?;
    if file.format != FORMAT || file.version != VERSION {
        return Err(unreadable(format!(
            "format {:?} version {}",
            file.format, file.version
        )));
    }
    Ok(Some(file))
}

/// The state the list shows for a review file: its newest remark's verdict.
pub fn state_of(file: &ReviewFile) -> ReviewState {
    match file.remarks.last().map(|r| r.verdict) {
        Some(Verdict::Approved) => ReviewState::Approved,
        Some(Verdict::Returned) => ReviewState::Returned,
        None => ReviewState::Unreviewed,
    }
}

/// The verdict as it holds for the content whose digest is `digest`: a verdict holds only for the
/// exact content it was given on.
pub fn state_for(file: &ReviewFile, digest: Option<&str>) -> ReviewState {
    match file.remarks.last() {
        None => ReviewState::Unreviewed,
        Some(r) if r.digest.is_none() || r.digest.as_deref() != digest => ReviewState::Changed,
        Some(_) => state_of(file),
    }
}

/// The remarks recorded under a key (empty when none).
pub fn load(data: &DataDir, key: &ReviewKey) -> Result<Vec<Remark>, RemarkError> {
    Ok(read(&key.path(data))?
        .map(|f| f.remarks)
        .unwrap_or_default())
}

/// Holds `reviews/.lock` so two programs never interleave a read and a write of one review file.
struct DirLock(std::fs::File);

impl DirLock {
    fn take(dir: &Path) -> Result<DirLock, RemarkError> {
        let path = dir.join(".lock");
        let file = store::open_append(&path)?;
        let deadline = Instant::now() + Duration::from_secs(3);
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(DirLock(file)),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(TryLockError::WouldBlock) => return Err(RemarkError::Busy { path }),
                Err(TryLockError::Error(e)) => return Err(StoreError::io(&path, e).into()),
            }
        }
    }
}

impl Drop for DirLock {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Append a remark to the key's review file (created 0600 in a 0700 folder), atomically.
/// An existing file that cannot be read is never replaced. Returns the whole history.
pub fn append(data: &DataDir, key: &ReviewKey, remark: Remark) -> Result<ReviewFile, RemarkError> {
    let dir = data.reviews_dir();
    store::create_dir_private(&dir)?;
    let _lock = DirLock::take(&dir)?;
    let path = key.path(data);
    let mut file = read(&path)?.unwrap_or_else(|| ReviewFile::new(key));
    if file.key().as_ref() != Some(key) {
        return Err(RemarkError::Unreadable {
            path,
            message: format!("the remarks in it are not about {key}"),
        });
    }
    file.remarks.push(remark);
    let mut bytes = serde_json::to_vec_pretty(&file).unwrap_or_default();
    bytes.push(b'\n');
    if bytes.len() as u64 > MAX_BYTES {
        return Err(RemarkError::Full { path });
    }
    store::write_replace(&path, &bytes)?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn remark(verdict: Verdict, comment: &str) -> Remark {
        Remark {
            reviewer: "组织员 李明".into(),
            at: at("2026-03-02T10:00:00+08:00"),
            verdict,
            comment: comment.into(),
            digest: Some("ab".repeat(32)),
        }
    }

    #[test]
    fn the_reviewer_name_is_remembered_in_the_data_directory() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path());
        remember_reviewer(&data, "组织员 李明");
        assert_eq!(reviewer_from(&data, None), "组织员 李明");
        // The variable, when set, wins; a blank one does not count.
        assert_eq!(reviewer_from(&data, Some("王芳".into())), "王芳");
        assert_eq!(reviewer_from(&data, Some("  ".into())), "组织员 李明");
        // The remembered name sits beside the review files and is never taken for one.
        let index = crate::review::load::ReviewIndex::scan(&data.reviews_dir());
        let key = ReviewKey::Minutes(Uuid::now_v7());
        assert_eq!(index.state(&key, None), ReviewState::Unreviewed);
    }

    #[test]
    fn history_is_kept_newest_last() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path());
        let id = ReviewKey::Minutes(Uuid::now_v7());
        assert_eq!(load(&data, &id).unwrap(), vec![]);
        append(&data, &id, remark(Verdict::Returned, "缺少记录人签名")).unwrap();
        let file = append(&data, &id, remark(Verdict::Approved, "")).unwrap();
        assert_eq!(file.remarks.len(), 2);
        assert_eq!(state_of(&file), ReviewState::Approved);
        let back = read(&id.path(&data)).unwrap().unwrap();
        assert_eq!(back, file);
        assert_eq!(back.remarks[0].comment, "缺少记录人签名");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(id.path(&data))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
            let mode = std::fs::metadata(data.reviews_dir())
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o700);
        }
    }

    #[test]
    fn a_damaged_review_file_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path());
        let id = ReviewKey::Minutes(Uuid::now_v7());
        std::fs::create_dir_all(data.reviews_dir()).unwrap();
        std::fs::write(id.path(&data), b"{\"format\": \"branchday.review\", ").unwrap();
        let err = append(&data, &id, remark(Verdict::Approved, "")).unwrap_err();
        assert!(matches!(err, RemarkError::Unreadable { .. }));
        assert_eq!(
            std::fs::read(id.path(&data)).unwrap(),
            b"{\"format\": \"branchday.review\", "
        );
    }

    #[test]
    fn a_file_without_an_id_takes_remarks_under_its_digest() {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::at(dir.path());
        let key = file_key(b"{\"format\": \"branchday.minutes\", \"id\": ");
        let ReviewKey::File(sha) = &key else {
            panic!("{key:?}")
        };
        assert_eq!(sha.len(), 64);
        assert_eq!(
            key.file_name(),
            format!("sha256-{sha}.review.json"),
            "kept apart from any minutes id's file"
        );
        let mut r = remark(Verdict::Returned, "文件不完整，请重新导出");
        r.digest = Some(sha.to_string());
        let file = append(&data, &key, r).unwrap();
        assert_eq!(file.minutes_id, None);
        assert_eq!(file.file_sha256.as_deref(), Some(&**sha));
        let on_disk = std::fs::read_to_string(key.path(&data)).unwrap();
        assert!(!on_disk.contains("minutes_id"), "{on_disk}");
        let index = crate::review::load::ReviewIndex::scan(&data.reviews_dir());
        assert_eq!(index.state(&key, Some(sha)), ReviewState::Returned);
        // Another file's bytes are another key, still unreviewed.
        let other = file_key(b"not minutes");
        assert_eq!(index.state(&other, None), ReviewState::Unreviewed);
        // A review file that names another key is never appended to.
        std::fs::rename(key.path(&data), other.path(&data)).unwrap();
        let err = append(&data, &other, remark(Verdict::Returned, "x")).unwrap_err();
        assert!(matches!(err, RemarkError::Unreadable { .. }), "{err:?}");
    }
}
