//! The signature of a version 2 file: does it hold over the content, and does the keyring
//! (`--trust`) list its key for the file's branch.

use super::{Checked, Finding, Problem};
use crate::minutes::Minutes;

/// What a file's signature says about its origin, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureStatus {
    /// Format v1: no signature by design.
    V1,
    Unsigned,
    Bad(crate::keys::SignatureProblem),
    /// Signed by a key the keyring lists for the branch (its fingerprint).
    Trusted(String),
    /// Signed by a key the keyring does not list (or not at that time).
    Untrusted(String),
    /// Signed, no keyring given.
    Unchecked(String),
}

impl Checked {
    /// The file's signature status (`None` for a file that is not minutes).
    #[must_use]
    pub fn signature_status(&self) -> Option<SignatureStatus> {
        let m = self.minutes.as_ref()?;
        if m.version < 2 {
            return Some(SignatureStatus::V1);
        }
        for f in &self.findings {
            match &f.problem {
                Problem::BadSignature(p) => return Some(SignatureStatus::Bad(p.clone())),
                Problem::Unsigned | Problem::UnsignedUnderTrust => {
                    return Some(SignatureStatus::Unsigned);
                }
                _ => {}
            }
        }
        let fp = crate::keys::fingerprint(self.signed_by.as_ref()?);
        let untrusted = self.findings.iter().any(|f| {
            matches!(
                f.problem,
                Problem::UntrustedSigner { .. } | Problem::SignerOutsideValidity { .. }
            )
        });
        Some(if self.trusted {
            SignatureStatus::Trusted(fp)
        } else if untrusted {
            SignatureStatus::Untrusted(fp)
        } else {
            SignatureStatus::Unchecked(fp)
        })
    }
}

impl Checked {
    /// Judge the signature against a keyring (`--trust`): a trusted signer replaces the "unknown
    /// signer" warning; an unlisted or expired signer, or a v2 file without a signature, is an
    /// error. Without a keyring nothing changes.
    pub fn trust(&mut self, keyring: Option<&crate::keys::Keyring>) {
        use crate::keys::Standing;
        let Some(ring) = keyring else { return };
        let Some(m) = &self.minutes else { return };
        let branch = m.branch.code.clone();
        let at = m.finalized_at;
        let verdict = self.signed_by.as_ref().map(|key| {
            let fingerprint = crate::keys::fingerprint(key);
            match ring.standing(&branch, crate::keys::NAMESPACE, key, at) {
                Standing::Trusted => None,
                Standing::NotListed => Some(Problem::UntrustedSigner {
                    fingerprint,
                    branch: branch.clone(),
                }),
                Standing::OutsideValidity { line } => {
                    Some(Problem::SignerOutsideValidity { fingerprint, line })
                }
            }
        });
        self.findings
            .retain(|f| !matches!(f.problem, Problem::UnknownSigner { .. } | Problem::Unsigned));
        match verdict {
            Some(Some(p)) => self.findings.push(p.into()),
            Some(None) => self.trusted = true,
            None if m.version >= 2
                && !self
                    .findings
                    .iter()
                    .any(|f| matches!(f.problem, Problem::BadSignature(_))) =>
            {
                self.findings.push(Problem::UnsignedUnderTrust.into());
            }
            None => {}
        }
    }
}

/// A file's signature read and matched to its signer, waiting for the arithmetic; `at` is where
/// its finding goes among the file's findings (so the order is that of a check made at once).
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    prepared: crate::keys::Prepared,
    at: usize,
}

impl Checked {
    /// Record whether the pending signature holds: the "unknown signer" warning and the signer's
    /// key when it does, "does not match" when it does not.
    fn settle(&mut self, holds: bool) {
        let Some(p) = self.pending.take() else { return };
        let key = p.prepared.key().clone();
        let problem = if holds {
            let fingerprint = crate::keys::fingerprint(&key);
            self.signed_by = Some(key);
            Problem::UnknownSigner { fingerprint }
        } else {
            Problem::BadSignature(crate::keys::SignatureProblem::DoesNotMatch)
        };
        let at = p.at.min(self.findings.len());
        self.findings.insert(at, problem.into());
    }

    /// This file's signature verified on its own.
    #[must_use]
    pub(crate) fn settled(mut self) -> Checked {
        if let Some(p) = &self.pending {
            let holds = p.prepared.verify().is_ok();
            self.settle(holds);
        }
        self
    }
}

/// Signatures verified per batch: each batch at once on the shared pool.
const SIGNATURES_AT_ONCE: usize = 64;

/// Verify the pending signatures of `files` together (batch verification, on the shared pool)
/// and record each verdict, exactly as [`Checked::settled`] would one by one.
pub(crate) fn settle_all(files: &mut [&mut Checked]) {
    let prepared: Vec<&crate::keys::Prepared> = files
        .iter()
        .filter_map(|c| c.pending.as_ref().map(|p| &p.prepared))
        .collect();
    let chunks: Vec<&[&crate::keys::Prepared]> = prepared.chunks(SIGNATURES_AT_ONCE).collect();
    let holds: Vec<bool> = crate::parallel::map(&chunks, |c| crate::keys::verify_many(c))
        .into_iter()
        .flatten()
        .collect();
    let mut verdicts = holds.into_iter();
    for c in files.iter_mut().filter(|c| c.pending.is_some()) {
        let holds = verdicts.next().unwrap_or(false);
        c.settle(holds);
    }
}

/// The v2 signature of a file, read over its canonical bytes (`digest`: their SHA-256): the
/// findings of a signature that cannot hold, or the signature waiting for its arithmetic.
pub(super) fn check(
    minutes: &Minutes,
    canonical: Option<&str>,
    digest: Option<&[u8; 32]>,
    findings: &mut Vec<Finding>,
) -> Option<Pending> {
    match (
        &minutes.integrity.signature,
        &minutes.integrity.signer,
        &canonical,
    ) {
        (None, None, _) => findings.push(Problem::Unsigned.into()),
        (Some(sig), Some(signer), Some(text)) => {
            match crate::keys::prepare(text.as_bytes(), digest, sig, signer) {
                Ok(prepared) => {
                    return Some(Pending {
                        prepared,
                        at: findings.len(),
                    });
                }
                Err(p) => findings.push(Problem::BadSignature(p).into()),
            }
        }
        (Some(_), None, _) => findings.push(
            Problem::BadSignature(crate::keys::SignatureProblem::BadSigner(
                "no signer".to_owned(),
            ))
            .into(),
        ),
        (None, Some(_), _) => findings.push(
            Problem::BadSignature(crate::keys::SignatureProblem::Malformed(
                "no signature".to_owned(),
            ))
            .into(),
        ),
        // No canonical bytes: already reported.
        (Some(_), Some(_), None) => {}
    }
    None
}
