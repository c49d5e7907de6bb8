//! The one way in for a minutes file on disk: `validate`, `stats`, `review`, `upload`, `export`,
//! the correction picker and the live session all read through [`read`] (or [`read_bytes`] when
//! they need the bytes as well).
//!
//! Only regular files are opened (a named pipe or a device would block or never end), the size is
//! capped before reading, and the bytes are parsed once ([`super::check_bytes`]).

use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::MAX_BYTES;
use super::check::{Checked, Problem, check_bytes, check_bytes_unsettled};

/// Why a file's bytes could not be had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadError {
    /// Nothing at that path (or it went away while being read).
    Missing,
    /// A pipe, a device or a socket: never opened.
    NotRegular,
    /// Larger than [`MAX_BYTES`]: refused without reading it all.
    TooLarge { bytes: u64 },
    /// The system refused to open or read it.
    Io {
        kind: io::ErrorKind,
        os: Option<i32>,
    },
}

impl ReadError {
    fn io(e: &io::Error) -> ReadError {
        match e.kind() {
            io::ErrorKind::NotFound => ReadError::Missing,
            kind => ReadError::Io {
                kind,
                os: e.raw_os_error(),
            },
        }
    }

    /// The error as the system would have reported it (for messages that quote it).
    #[must_use]
    pub fn to_io(self) -> io::Error {
        match self {
            ReadError::Io { os: Some(code), .. } => io::Error::from_raw_os_error(code),
            ReadError::Io { kind, os: None } => io::Error::from(kind),
            ReadError::Missing => io::Error::from(io::ErrorKind::NotFound),
            ReadError::NotRegular => io::Error::from(io::ErrorKind::InvalidInput),
            ReadError::TooLarge { .. } => io::Error::from(io::ErrorKind::FileTooLarge),
        }
    }

    /// Where files are judged (validate, stats, review, export), a file too large to read is a
    /// file with one finding, [`Problem::TooLarge`]; any other error stays an error.
    pub fn judged(self) -> Result<Checked, ReadError> {
        match self {
            ReadError::TooLarge { bytes } => Ok(Checked::failed(Problem::TooLarge { bytes })),
            other => Err(other),
        }
    }
}

/// The bytes of the regular file at `path`, at most [`MAX_BYTES`] of them.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::io(&e))?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > MAX_BYTES {
        return Err(ReadError::TooLarge { bytes: meta.len() });
    }
    let f = std::fs::File::open(path).map_err(|e| ReadError::io(&e))?;
    // One byte of room past the size seen, so a file that grew is noticed without a second read.
    let mut buf = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0) + 1);
    f.take(MAX_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| ReadError::io(&e))?;
    if buf.len() as u64 > MAX_BYTES {
        let bytes = std::fs::metadata(path).map_or(MAX_BYTES + 1, |m| m.len().max(MAX_BYTES + 1));
        return Err(ReadError::TooLarge { bytes });
    }
    Ok(buf)
}

/// Read and check the minutes file at `path`.
pub fn read(path: &Path) -> Result<Checked, ReadError> {
    read_bytes(path).map(|bytes| check_bytes(&bytes))
}

/// Read and check the files at `paths` on the shared pool, their signatures verified together
/// (batch verification); the results in the order of `paths`, each exactly what [`read`] gives.
#[must_use]
pub fn read_all(paths: &[PathBuf]) -> Vec<Result<Checked, ReadError>> {
    let mut results = crate::parallel::map(paths, |p| {
        read_bytes(p).map(|bytes| check_bytes_unsettled(&bytes))
    });
    let mut checked: Vec<&mut Checked> =
        results.iter_mut().filter_map(|r| r.as_mut().ok()).collect();
    super::check::signature::settle_all(&mut checked);
    results
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_typed() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            read(&dir.path().join("none.json")).unwrap_err(),
            ReadError::Missing
        );
        assert_eq!(read(dir.path()).unwrap_err(), ReadError::NotRegular);
        let big = dir.path().join("big.json");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap();
        assert_eq!(
            read(&big).unwrap_err(),
            ReadError::TooLarge {
                bytes: MAX_BYTES + 1
            }
        );
        let judged = read(&big).or_else(ReadError::judged).unwrap();
        assert!(matches!(
            judged.findings[0].problem,
            Problem::TooLarge { bytes } if bytes == MAX_BYTES + 1
        ));
        assert_eq!(ReadError::Missing.judged().unwrap_err(), ReadError::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_eq!(read(&fifo).unwrap_err(), ReadError::NotRegular);
        }
    }

    #[test]
    fn a_valid_file_reads_valid() {
        let dir = tempfile::tempdir().unwrap();
        let m = crate::corpus::generate(&crate::corpus::CorpusSpec::new(1, 5))
            .next()
            .unwrap();
        let (bytes, digest) = crate::minutes::to_bytes(&m).unwrap();
        let path = dir.path().join("m.json");
        std::fs::write(&path, &bytes).unwrap();
        let checked = read(&path).unwrap();
        assert!(checked.is_valid());
        assert_eq!(checked.computed_digest, Some(digest));
        assert_eq!(read_bytes(&path).unwrap(), bytes);
    }

    #[test]
    fn a_batch_reads_exactly_what_one_by_one_reads() {
        use crate::keys::SignatureProblem;
        let dir = tempfile::tempdir().unwrap();
        let key = ssh_key::PrivateKey::random(
            &mut ssh_key::rand_core::OsRng,
            ssh_key::Algorithm::Ed25519,
        )
        .unwrap();
        let mut paths = Vec::new();
        for (i, m) in crate::corpus::generate(&crate::corpus::CorpusSpec::new(12, 3)).enumerate() {
            let (mut bytes, _) = crate::minutes::build::to_signed_bytes(&m, &key).unwrap();
            if i == 5 {
                // Edited and resealed without the key: the digest holds, the signature does not.
                let mut v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                v["place"] = serde_json::Value::String("另一个会议室".into());
                let digest = crate::minutes::canonical::digest_without_integrity(&v).unwrap();
                v["integrity"]["digest"] = serde_json::Value::String(digest);
                bytes = serde_json::to_vec_pretty(&v).unwrap();
            }
            let path = dir.path().join(format!("{i:02}.json"));
            std::fs::write(&path, &bytes).unwrap();
            paths.push(path);
        }
        // An unsigned file and one that is not there, among them.
        let unsigned = crate::corpus::generate(&crate::corpus::CorpusSpec::new(1, 4))
            .next()
            .unwrap();
        let path = dir.path().join("unsigned.json");
        std::fs::write(&path, crate::minutes::to_bytes(&unsigned).unwrap().0).unwrap();
        paths.insert(3, path);
        paths.insert(7, dir.path().join("gone.json"));

        let together = read_all(&paths);
        assert_eq!(together.len(), paths.len());
        for (path, batch) in paths.iter().zip(&together) {
            let alone = read(path);
            match (batch, &alone) {
                (Ok(b), Ok(a)) => {
                    assert_eq!(b.findings, a.findings, "{}", path.display());
                    assert_eq!(b.signed_by, a.signed_by, "{}", path.display());
                    assert!(b.pending.is_none());
                }
                (Err(b), Err(a)) => assert_eq!(b, a),
                _ => panic!("{}: {batch:?} / {alone:?}", path.display()),
            }
        }
        let bad: Vec<&Checked> = together
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .filter(|c| {
                c.findings
                    .iter()
                    .any(|f| f.problem == Problem::BadSignature(SignatureProblem::DoesNotMatch))
            })
            .collect();
        assert_eq!(bad.len(), 1, "the edited file alone");
        assert!(bad[0].signed_by.is_none());
        let signed = together
            .iter()
            .filter(|r| r.as_ref().is_ok_and(|c| c.signed_by.is_some()))
            .count();
        assert_eq!(signed, 11);
    }
}
