//! `branchday validate PATH…`: one line per finding, `PATH: error|warning: message`.

use std::path::{Path, PathBuf};

use serde_json::json;

use super::{EXIT_INVALID, EXIT_OK, files};
use crate::i18n::Tr;
use crate::minutes::MAX_BYTES;
use crate::minutes::check::{Checked, Problem, check_bytes};
use crate::sanitize;
use crate::store::{self, StoreError};

/// Check one file on disk (size capped before reading). Only regular files are opened: a named pipe
/// or a device would block or never end.
pub fn check_file(path: &Path) -> Result<Checked, StoreError> {
    let meta = std::fs::metadata(path).map_err(|e| StoreError::io(path, e))?;
    if !meta.is_file() {
        let e = std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a regular file");
        return Err(StoreError::io(path, e));
    }
    match store::read_capped(path, MAX_BYTES) {
        Ok(bytes) => Ok(check_bytes(&bytes)),
        Err(StoreError::TooLarge { .. }) => {
            let bytes = std::fs::metadata(path).map_or(MAX_BYTES + 1, |m| m.len());
            Ok(Checked {
                minutes: None,
                findings: vec![Problem::TooLarge { bytes }.into()],
                computed_digest: None,
            })
        }
        Err(e) => Err(e),
    }
}

/// Run the command; returns the exit code.
pub fn run(paths: &[PathBuf], json: bool, tr: Tr) -> u8 {
    let (files, missing) = files::collect(paths);
    let mut invalid = 0usize;
    let mut warned = 0usize;
    for p in &missing {
        invalid += 1;
        let shown = sanitize::path(p);
        let msg = tr.pick(
            "路径不存在；请检查拼写",
            "no such file or folder; check the path",
        );
        if json {
            println!(
                "{}",
                json!({"path": shown, "valid": false, "findings": [{"severity": "error", "code": "not_found", "message": msg}]})
            );
        } else {
            println!("{shown}: error: {msg}");
        }
    }
    for p in &files {
        let shown = sanitize::path(p);
        let checked = match check_file(p) {
            Ok(c) => c,
            Err(e) => {
                invalid += 1;
                // The storage message names the file; the line already starts with it.
                let full = match &e {
                    StoreError::Io { source, .. }
                        if source.kind() == std::io::ErrorKind::InvalidInput =>
                    {
                        tr.not_regular_file().to_owned()
                    }
                    _ => tr.store_error(&e),
                };
                let msg = full
                    .strip_prefix(shown.as_str())
                    .map_or(full.as_str(), |rest| {
                        rest.trim_start_matches([':', '：', ' '])
                    });
                if json {
                    println!(
                        "{}",
                        json!({"path": shown, "valid": false, "findings": [{"severity": "error", "code": "unreadable", "message": msg}]})
                    );
                } else {
                    println!("{shown}: error: {msg}");
                }
                continue;
            }
        };
        if !checked.is_valid() {
            invalid += 1;
        } else if !checked.findings.is_empty() {
            warned += 1;
        }
        if json {
            let findings: Vec<_> = checked
                .findings
                .iter()
                .map(|f| {
                    json!({
                        "severity": f.severity.key(),
                        "code": f.problem.code(),
                        "message": sanitize::line(&tr.problem(&f.problem)),
                    })
                })
                .collect();
            println!(
                "{}",
                json!({
                    "path": shown,
                    "valid": checked.is_valid(),
                    "id": checked.minutes.as_ref().map(|m| m.id.to_string()),
                    "digest": checked.computed_digest,
                    "findings": findings,
                })
            );
        } else {
            let mut sorted: Vec<_> = checked.findings.iter().collect();
            sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
            for f in sorted {
                println!(
                    "{shown}: {}: {}",
                    f.severity.key(),
                    sanitize::line(&tr.problem(&f.problem))
                );
            }
        }
    }
    if !json {
        let total = files.len() + missing.len();
        eprintln!(
            "{}",
            tr.pick(
                format!(
                    "共检查 {total} 个文件：{} 个有效（其中 {warned} 个有警告），{invalid} 个无效",
                    total - invalid
                ),
                format!(
                    "{total} files checked: {} valid ({warned} with warnings), {invalid} invalid",
                    total - invalid
                ),
            )
        );
    }

    if invalid > 0 { EXIT_INVALID } else { EXIT_OK }
}
