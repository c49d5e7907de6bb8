//! The folder side of upload (a share or a USB stick): an atomic copy that never replaces a file.
//!
//! The file is written under a hidden temporary name in the target folder, flushed to disk, then
//! linked to its final name, which fails if that name exists (so two runs cannot overwrite each
//! other). Where the file system has no hard links (FAT and exFAT sticks) it is renamed into place
//! after a check that the name is free. An existing file with identical bytes is "already there";
//! a different one is a conflict and stays untouched.

use std::fs::{self, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use super::Outcome;
use crate::i18n::Tr;
use crate::minutes::{self, ReadError};
use crate::store;

fn temp_path(dir: &Path, name: &str) -> PathBuf {
    let unique = uuid::Uuid::now_v7().simple().to_string();
    dir.join(format!(".{name}.{}.tmp", &unique[unique.len() - 12..]))
}

/// What is already at `dir/name` compared with `bytes`: `None` when nothing is there.
fn existing(dir: &Path, name: &str, bytes: &[u8], tr: Tr) -> Option<Outcome> {
    let path = dir.join(name);
    match minutes::read_bytes(&path) {
        Ok(have) if have == bytes => Some(Outcome::AlreadyThere),
        Ok(_) | Err(ReadError::TooLarge { .. }) => Some(Outcome::Conflict(
            tr.upload_conflict_dir(&crate::sanitize::path(&path)),
        )),
        Err(ReadError::Missing) => None,
        Err(e) => Some(Outcome::Failed(
            tr.upload_copy_failed(&tr.read_error(&path, e)),
        )),
    }
}

/// What a copy would do, without writing anything (for `--dry-run`).
pub fn peek(dir: &Path, name: &str, bytes: &[u8], tr: Tr) -> Outcome {
    existing(dir, name, bytes, tr).unwrap_or(Outcome::WouldSend)
}

/// Copy `bytes` to `dir/name` atomically, never replacing a file.
pub fn copy_into(dir: &Path, name: &str, bytes: &[u8], tr: Tr) -> Outcome {
    if let Some(o) = existing(dir, name, bytes, tr) {
        return o;
    }
    let dest = dir.join(name);
    let tmp = temp_path(dir, name);
    let fail = |e: std::io::Error, path: &Path| {
        Outcome::Failed(tr.upload_copy_failed(&tr.store_error(&store::StoreError::io(path, e))))
    };
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return fail(e, &dest);
    }
    let placed = match fs::hard_link(&tmp, &dest) {
        Ok(()) => {
            let _ = fs::remove_file(&tmp);
            Ok(())
        }
        Err(e) if e.kind() == ErrorKind::AlreadyExists => {
            let _ = fs::remove_file(&tmp);
            // Someone placed it between the check and the link: compare with theirs.
            return existing(dir, name, bytes, tr).unwrap_or_else(|| fail(e, &dest));
        }
        Err(_) => {
            // No hard links here (FAT, exFAT, some shares): rename if the name is still free.
            if dest.exists() {
                let _ = fs::remove_file(&tmp);
                return existing(dir, name, bytes, tr).unwrap_or(Outcome::AlreadyThere);
            }
            fs::rename(&tmp, &dest).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            })
        }
    };
    if let Err(e) = placed {
        return fail(e, &dest);
    }
    match store::sync_dir(dir) {
        Ok(()) => Outcome::Delivered,
        Err(e) => Outcome::Failed(tr.upload_copy_failed(&tr.store_error(&e))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn copies_once_skips_identical_and_refuses_different() {
        let tr = Tr(Lang::En);
        let d = tempfile::tempdir().unwrap();
        assert_eq!(peek(d.path(), "a.json", b"one", tr), Outcome::WouldSend);
        assert_eq!(
            copy_into(d.path(), "a.json", b"one", tr),
            Outcome::Delivered
        );
        assert_eq!(fs::read(d.path().join("a.json")).unwrap(), b"one");
        assert_eq!(
            copy_into(d.path(), "a.json", b"one", tr),
            Outcome::AlreadyThere
        );
        assert!(matches!(
            copy_into(d.path(), "a.json", b"two", tr),
            Outcome::Conflict(_)
        ));
        assert!(matches!(
            peek(d.path(), "a.json", b"two", tr),
            Outcome::Conflict(_)
        ));
        assert_eq!(fs::read(d.path().join("a.json")).unwrap(), b"one");
        // No temporary files left behind.
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }
}
