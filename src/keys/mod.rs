//! The branch's signing key and the signatures on finalized minutes.
//!
//! A signature is an OpenSSH SSHSIG in the namespace `branchday-minutes` over the RFC 8785 canonical
//! bytes of the document without its `integrity` member — exactly what
//! `ssh-keygen -Y sign -n branchday-minutes` writes, so anyone can check it with
//! `ssh-keygen -Y verify` and an `allowed_signers` file ([`allowed`]). The cryptography is the
//! `ssh-key` and `ed25519-dalek` crates'; nothing here computes a signature by hand.
//!
//! The key is ed25519, made on first need in the data directory (`keys/`, 0700) as an OpenSSH
//! private key file (0600) with its `.pub` beside it. It is never printed; `branchday key show`
//! prints the public key as an `allowed_signers` line.

pub mod allowed;
mod verify;

use std::io::Read;
use std::path::{Path, PathBuf};

use ssh_key::{Algorithm, HashAlg, LineEnding, PrivateKey, PublicKey};

pub use allowed::{Keyring, KeyringError, LineProblem, Standing};
pub use verify::{Prepared, SignatureProblem, prepare, verify, verify_many};

/// The namespace every minutes signature is made in.
pub const NAMESPACE: &str = "branchday-minutes";

/// The most a key file may hold (an ed25519 key is well under 1 KiB).
const MAX_KEY_BYTES: u64 = 64 * 1024;

/// What went wrong with a key file.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not an OpenSSH private key (truncated, another format, garbage).
    #[error("{path}: not an OpenSSH private key ({reason})")]
    Unreadable { path: PathBuf, reason: String },
    /// A key of another algorithm: branchday signs with ed25519.
    #[error("{path}: a {algorithm} key; branchday signs with ed25519")]
    NotEd25519 { path: PathBuf, algorithm: String },
    /// Group or others may read the private key (`mode` is its permission bits).
    #[error("{path}: readable by others (mode {mode:o})")]
    Exposed { path: PathBuf, mode: u32 },
    /// The passphrase did not open the key.
    #[error("{path}: wrong passphrase")]
    Passphrase { path: PathBuf },
    /// The key is protected by a passphrase and there is no way to ask for it.
    #[error("{path}: protected by a passphrase")]
    NeedsPassphrase { path: PathBuf },
    /// Importing over the branch's existing key.
    #[error("{path}: a key is already there")]
    Exists { path: PathBuf },
    /// The signing library refused (should not happen with a good key).
    #[error("{0}")]
    Crypto(String),
}

/// Why a keyring file could not be used.
#[derive(Debug)]
pub enum KeyringFileError {
    Io(std::io::Error),
    TooLarge,
    NotUtf8,
    Line(KeyringError),
}

/// The most a keyring file may hold (a province's branches, a few keys each).
const MAX_KEYRING_BYTES: u64 = 64 * 1024 * 1024;

/// Read an `allowed_signers` file: every line must read.
pub fn read_keyring(path: &Path) -> Result<Keyring, KeyringFileError> {
    let file = std::fs::File::open(path).map_err(KeyringFileError::Io)?;
    let mut bytes = Vec::new();
    file.take(MAX_KEYRING_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(KeyringFileError::Io)?;
    if bytes.len() as u64 > MAX_KEYRING_BYTES {
        return Err(KeyringFileError::TooLarge);
    }
    let text = String::from_utf8(bytes).map_err(|_| KeyringFileError::NotUtf8)?;
    Keyring::parse(&text).map_err(KeyringFileError::Line)
}

/// Where the branch key lives in a data directory.
#[must_use]
pub fn key_path(data_root: &Path) -> PathBuf {
    data_root.join("keys").join("branch_ed25519")
}

/// Read a private key file, refusing one others may read or one that is not an ed25519 key.
/// `passphrase` is asked only when the key is encrypted.
pub fn read_private(
    path: &Path,
    passphrase: &mut dyn FnMut() -> Option<String>,
) -> Result<PrivateKey, KeyError> {
    let io = |source| KeyError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata().map_err(io)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::Exposed {
                path: path.to_path_buf(),
                mode,
            });
        }
    }
    let mut text = String::new();
    file.take(MAX_KEY_BYTES)
        .read_to_string(&mut text)
        .map_err(|e| KeyError::Unreadable {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
    let key = PrivateKey::from_openssh(text.trim()).map_err(|e| KeyError::Unreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    if key.algorithm() != Algorithm::Ed25519 {
        return Err(KeyError::NotEd25519 {
            path: path.to_path_buf(),
            algorithm: key.algorithm().to_string(),
        });
    }
    if !key.is_encrypted() {
        return Ok(key);
    }
    let Some(pass) = passphrase() else {
        return Err(KeyError::NeedsPassphrase {
            path: path.to_path_buf(),
        });
    };
    key.decrypt(pass.as_bytes())
        .map_err(|_| KeyError::Passphrase {
            path: path.to_path_buf(),
        })
}

/// Write `key` (unencrypted, it lives in the 0700 data directory) as the branch key, never over an
/// existing one, with its public half beside it.
pub fn write_branch_key(data_root: &Path, key: &PrivateKey) -> Result<PathBuf, KeyError> {
    let path = key_path(data_root);
    let io = |p: &Path, source| KeyError::Io {
        path: p.to_path_buf(),
        source,
    };
    if path.exists() {
        return Err(KeyError::Exists { path });
    }
    let dir = path.parent().unwrap_or(data_root);
    crate::store::create_dir_private(dir).map_err(|e| KeyError::Io {
        path: dir.to_path_buf(),
        source: std::io::Error::other(e.to_string()),
    })?;
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|e| KeyError::Crypto(e.to_string()))?;
    let public = public_line(key.public_key())?;
    crate::store::write_new(&path, text.as_bytes()).map_err(|e| match e {
        crate::store::StoreError::Exists { path } => KeyError::Exists { path },
        other => io(&path, std::io::Error::other(other.to_string())),
    })?;
    let pub_path = path.with_extension("pub");
    crate::store::write_replace(&pub_path, format!("{public}\n").as_bytes())
        .map_err(|e| io(&pub_path, std::io::Error::other(e.to_string())))?;
    Ok(path)
}

/// The branch key, made now if the data directory has none.
pub fn branch_key(data_root: &Path) -> Result<PrivateKey, KeyError> {
    let path = key_path(data_root);
    if path.exists() {
        return read_private(&path, &mut || None);
    }
    let key = PrivateKey::random(&mut ssh_key::rand_core::OsRng, Algorithm::Ed25519)
        .map_err(|e| KeyError::Crypto(e.to_string()))?;
    match write_branch_key(data_root, &key) {
        Ok(_) => Ok(key),
        // Made by another instance a moment ago: use that one.
        Err(KeyError::Exists { .. }) => read_private(&path, &mut || None),
        Err(e) => Err(e),
    }
}

/// The OpenSSH public key line (`ssh-ed25519 AAAA…`), without a comment.
pub fn public_line(key: &PublicKey) -> Result<String, KeyError> {
    let mut k = key.clone();
    k.set_comment("");
    k.to_openssh().map_err(|e| KeyError::Crypto(e.to_string()))
}

/// The `allowed_signers` line that trusts `key` for `branch_code`'s minutes.
pub fn allowed_signers_line(branch_code: &str, key: &PublicKey) -> Result<String, KeyError> {
    Ok(format!(
        "{branch_code} namespaces=\"{NAMESPACE}\" {}",
        public_line(key)?
    ))
}

/// Sign `message` (the canonical bytes): the armored SSHSIG text, as
/// `ssh-keygen -Y sign -n branchday-minutes -O hashalg=sha256` writes it. SSHSIG allows SHA-256 or
/// SHA-512 as the message hash; SHA-256 is the digest's own hash and runs in hardware on the
/// machines this is used on (a 500-member record signs in about a third of the time), and
/// `ssh-keygen -Y verify` reads either. Verification here accepts both.
pub fn sign(key: &PrivateKey, message: &[u8]) -> Result<String, KeyError> {
    let sig = key
        .sign(NAMESPACE, HashAlg::Sha256, message)
        .map_err(|e| KeyError::Crypto(e.to_string()))?;
    sig.to_pem(LineEnding::LF)
        .map_err(|e| KeyError::Crypto(e.to_string()))
}

/// A short fingerprint for people (`SHA256:…`).
#[must_use]
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

#[cfg(test)]
mod tests;
