//! The data directory: every byte the program keeps goes through here.
//!
//! Directories are created 0700 and files 0600. Replacing a file is temp + fsync + rename + fsync of
//! the directory; a finalized minutes file is linked into place so it can never overwrite another.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::domain::Roster;
use crate::minutes::{self, Minutes};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "BRANCHDAY_DATA_DIR";
/// Largest roster or config file read.
pub const MAX_CONFIG_BYTES: u64 = 8 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    TooLarge { path: PathBuf, limit: u64 },
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    Exists { path: PathBuf },
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    Locked { path: PathBuf, holder: String },
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    BadRoster { path: PathBuf, message: String },
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    NoHome,
    #[error("{}", crate::i18n::Tr::NEUTRAL.store_error(self))]
    Canonical { message: String },
}

impl StoreError {
    #[must_use]
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// The error is the disk being full or read-only (the meeting can go on in memory).
    #[must_use]
    pub fn is_disk_fault(&self) -> bool {
        matches!(self, StoreError::Io { source, .. }
            if matches!(source.raw_os_error(), Some(28 | 30 | 122 | 13 | 1)))
    }
}

type Result<T> = std::result::Result<T, StoreError>;

/// Create a directory (and parents) with mode 0700.
pub fn create_dir_private(path: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path).map_err(|e| StoreError::io(path, e))
}

fn open_private(path: &Path, opts: &mut OpenOptions) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

/// Open a file for appending, creating it 0600.
pub fn open_append(path: &Path) -> Result<File> {
    open_private(path, OpenOptions::new().create(true).append(true))
        .map_err(|e| StoreError::io(path, e))
}

/// Create a new file for appending (0600), refusing one that already exists.
pub fn create_append(path: &Path) -> Result<File> {
    open_private(path, OpenOptions::new().create_new(true).append(true)).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            StoreError::Exists {
                path: path.to_path_buf(),
            }
        } else {
            StoreError::io(path, e)
        }
    })
}

/// fsync a directory so a rename or link inside it is durable.
pub fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(|e| StoreError::io(dir, e))?;
    }
    Ok(())
}

fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = uuid::Uuid::now_v7().simple().to_string();
    path.with_file_name(format!(".{name}.{}.tmp", &unique[unique.len() - 12..]))
}

fn write_temp(path: &Path, bytes: &[u8]) -> Result<PathBuf> {
    let tmp = temp_path(path);
    let result =
        open_private(&tmp, OpenOptions::new().write(true).create_new(true)).and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::io(path, e));
    }
    Ok(tmp)
}

fn parent_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Replace `path` atomically with `bytes` (temp, fsync, rename, fsync of the directory).
pub fn write_replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = write_temp(path, bytes)?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(StoreError::io(path, e));
    }
    sync_dir(parent_of(path))
}

/// Write `bytes` to a new file at `path`, atomically, never replacing an existing file.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    write_new_with(path, bytes, |from, to| fs::hard_link(from, to))
}

/// [`write_new`] with the linking step given, so the fallback for file systems without hard links
/// (FAT and exFAT USB sticks answer `EPERM`) can be tested anywhere.
fn write_new_with(
    path: &Path,
    bytes: &[u8],
    link: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let exists = || StoreError::Exists {
        path: path.to_path_buf(),
    };
    if path.exists() {
        return Err(exists());
    }
    let tmp = write_temp(path, bytes)?;
    let placed = match link(&tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(_) => claim_and_rename(&tmp, path),
    };
    let _ = fs::remove_file(&tmp);
    placed?;
    sync_dir(parent_of(path))
}

/// Without hard links: claim the name with an exclusive create (so nobody else's file is ever
/// replaced), then rename the complete temp file over the empty claim.
fn claim_and_rename(tmp: &Path, path: &Path) -> Result<()> {
    match open_private(path, OpenOptions::new().write(true).create_new(true)) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(StoreError::Exists {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(StoreError::io(path, e)),
    }
    fs::rename(tmp, path).map_err(|e| {
        let _ = fs::remove_file(path);
        StoreError::io(path, e)
    })
}

/// Remove the temporary files of earlier attempts to write `path` that were cut short (a crash after
/// the temporary file was made and before it was linked into place). Only the holder of a draft's
/// lock writes that draft's minutes file, so no other writer's file is touched.
fn remove_stale_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name().and_then(|n| n.to_str())) else {
        return;
    };
    let prefix = format!(".{name}.");
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let file = e.file_name();
        let ours = file.to_str().is_some_and(|n| n.starts_with(&prefix))
            && Path::new(&file).extension().is_some_and(|x| x == "tmp");
        if ours {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Read a whole file, refusing one larger than `limit` bytes without reading it all.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let f = File::open(path).map_err(|e| StoreError::io(path, e))?;
    let len = f.metadata().map_or(0, |m| m.len());
    if len > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    let mut buf = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    f.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| StoreError::io(path, e))?;
    if buf.len() as u64 > limit {
        return Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            limit,
        });
    }
    Ok(buf)
}

/// Read `roster.json` bytes; an error names `path` and the field that is wrong.
pub fn parse_roster(path: &Path, bytes: &[u8]) -> Result<Roster> {
    let bad = |message: String| StoreError::BadRoster {
        path: path.to_path_buf(),
        message,
    };
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let roster = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| bad(format!("{} ({})", e.inner(), e.path())))?;
    // Anything after the object (a second object, stray text) is refused, not silently dropped.
    de.end().map_err(|e| bad(e.to_string()))?;
    Ok(roster)
}

/// The program's data directory and the files in it.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// `--data-dir`, else `BRANCHDAY_DATA_DIR`, else the platform's data directory.
    pub fn resolve(flag: Option<PathBuf>) -> Result<DataDir> {
        let root = match flag {
            Some(p) => p,
            None => match std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
                Some(p) => PathBuf::from(p),
                None => directories::ProjectDirs::from("", "", "branchday")
                    .map(|d| d.data_dir().to_path_buf())
                    .ok_or(StoreError::NoHome)?,
            },
        };
        Ok(DataDir { root })
    }

    /// A data directory at `root` (created on first write).
    pub fn at(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// Create the directory layout (0700).
    pub fn ensure(&self) -> Result<()> {
        for d in [
            self.root.clone(),
            self.drafts_dir(),
            self.minutes_dir(),
            self.reviews_dir(),
        ] {
            create_dir_private(&d)?;
        }
        Ok(())
    }

    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }
    #[must_use]
    pub fn roster_path(&self) -> PathBuf {
        self.root.join("roster.json")
    }
    #[must_use]
    pub fn templates_path(&self) -> PathBuf {
        self.root.join("templates.json")
    }
    #[must_use]
    pub fn drafts_dir(&self) -> PathBuf {
        self.root.join("drafts")
    }
    #[must_use]
    pub fn minutes_dir(&self) -> PathBuf {
        self.root.join("minutes")
    }
    #[must_use]
    pub fn reviews_dir(&self) -> PathBuf {
        self.root.join("reviews")
    }
    /// Where exported 会议记录 go by default.
    pub fn exports_dir(&self) -> PathBuf {
        self.root.join("exports")
    }
    #[must_use]
    pub fn uploads_ledger(&self) -> PathBuf {
        self.root.join("uploads.jsonl")
    }
    #[must_use]
    pub fn journal_path(&self, id: &uuid::Uuid) -> PathBuf {
        self.drafts_dir().join(format!("{id}.journal"))
    }
    #[must_use]
    pub fn lock_path(&self, id: &uuid::Uuid) -> PathBuf {
        self.drafts_dir().join(format!("{id}.lock"))
    }

    /// The roster, or `None` when none has been saved yet.
    pub fn load_roster(&self) -> Result<Option<Roster>> {
        let path = self.roster_path();
        if !path.exists() {
            return Ok(None);
        }
        let bytes = read_capped(&path, MAX_CONFIG_BYTES)?;
        parse_roster(&path, &bytes).map(Some)
    }

    pub fn save_roster(&self, roster: &Roster) -> Result<()> {
        self.ensure()?;
        let mut bytes = serde_json::to_vec_pretty(roster).unwrap_or_default();
        bytes.push(b'\n');
        write_replace(&self.roster_path(), &bytes)
    }

    /// Write finalized minutes into `minutes/`, never overwriting; returns the path and digest.
    ///
    /// The file is signed with the branch's key (made on first need in `keys/`); when no key can
    /// be had (a read-only data directory, an unreadable key file) it is written unsigned, and
    /// `validate` says so.
    pub fn write_minutes(&self, m: &Minutes) -> Result<(PathBuf, String)> {
        self.ensure()?;
        let canonical = |e: &dyn std::fmt::Display| StoreError::Canonical {
            message: e.to_string(),
        };
        let sealed = match crate::keys::branch_key(self.root()) {
            Ok(key) => minutes::build::to_signed_bytes(m, &key).map_err(|e| match e {
                minutes::build::SealError::Canonical(c) => canonical(&c),
                minutes::build::SealError::Sign(k) => canonical(&k),
            }),
            Err(_) => minutes::to_bytes(m).map_err(|e| canonical(&e)),
        };
        let (bytes, digest) = sealed?;
        let path = self.minutes_dir().join(m.file_name());
        remove_stale_temps(&path);
        write_new(&path, &bytes)?;
        Ok((path, digest))
    }

    /// Drafts (journals) in progress, newest first: id, path and last-modified time.
    #[must_use]
    pub fn drafts(&self) -> Vec<(uuid::Uuid, PathBuf, Option<std::time::SystemTime>)> {
        let mut out: Vec<_> = fs::read_dir(self.drafts_dir())
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| {
                let path = e.path();
                let name = path.file_name()?.to_str()?;
                let id = name.strip_suffix(".journal")?.parse().ok()?;
                let modified = e.metadata().ok().and_then(|m| m.modified().ok());
                Some((id, path, modified))
            })
            .collect();
        out.sort_by_key(|d| std::cmp::Reverse(d.2));
        out
    }
}

/// A held lock on one draft: one live session per draft. The OS releases it when the process dies,
/// so a lock file left by a crash is stale and is taken over.
#[derive(Debug)]
pub struct DraftLock {
    _file: File,
    path: PathBuf,
}

impl DraftLock {
    pub fn acquire(path: &Path) -> Result<DraftLock> {
        // A holder removes the lock file when it lets go. Someone who opened the file just before
        // that may then lock the removed file while a third party creates and locks a new one, so
        // a lock only counts when the file locked is still the one at `path`; otherwise try again.
        const ATTEMPTS: usize = 8;
        for _ in 0..ATTEMPTS {
            if let Some(lock) = Self::try_acquire(path)? {
                return Ok(lock);
            }
        }
        Err(StoreError::Locked {
            path: path.to_path_buf(),
            holder: String::new(),
        })
    }

    fn try_acquire(path: &Path) -> Result<Option<DraftLock>> {
        let mut file = open_private(
            path,
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
        )
        .map_err(|e| StoreError::io(path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = (&file).take(4096).read_to_string(&mut holder);
                return Err(StoreError::Locked {
                    path: path.to_path_buf(),
                    holder: crate::sanitize::line(holder.trim()).into_owned(),
                });
            }
            Err(fs::TryLockError::Error(e)) => return Err(StoreError::io(path, e)),
        }
        if !same_file(&file, path) {
            return Ok(None);
        }
        let info = format!(
            "pid {} since {}",
            std::process::id(),
            crate::clock::now().format("%Y-%m-%d %H:%M:%S")
        );
        let _ = file.set_len(0);
        let _ = file.write_all(info.as_bytes());
        let _ = file.sync_all();
        Ok(Some(DraftLock {
            _file: file,
            path: path.to_path_buf(),
        }))
    }

    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Whether the open `file` is the file now at `path` (not one removed or replaced since).
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

impl Drop for DraftLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

pub mod holder;

#[cfg(test)]
mod tests;
