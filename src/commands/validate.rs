//! `branchday validate PATH…`: one line per finding, `PATH: error|warning: message`.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::cli::{EXIT_INVALID, EXIT_OK};
use crate::i18n::Tr;
use crate::minutes::{self, Checked, ReadError, files};
use crate::sanitize;

/// Files checked at once; their results are reported in input order before the next batch starts,
/// so memory stays bounded however many files there are.
const BATCH: usize = 256;

/// Check `files` on the shared pool and hand each result to `report`, in the order of `files`.
/// `report` returns whether to go on; checking stops at the end of the batch when it says no.
pub fn check_each(
    files: &[PathBuf],
    keyring: Option<&crate::keys::Keyring>,
    mut report: impl FnMut(&Path, Result<Checked, ReadError>) -> bool,
) {
    for batch in files.chunks(BATCH) {
        let results = minutes::read_all(batch).into_iter().map(|r| {
            r.or_else(ReadError::judged).map(|mut c| {
                c.trust(keyring);
                c
            })
        });
        let mut go_on = true;
        for (p, r) in batch.iter().zip(results) {
            go_on &= report(p, r);
        }
        if !go_on {
            return;
        }
    }
}

/// One file's lines: `PATH: error|warning: message`, or one JSON object.
fn file_lines(
    shown: &str,
    path: &Path,
    result: Result<Checked, ReadError>,
    json: bool,
    tr: Tr,
) -> (Verdict, String) {
    let checked = match result {
        Ok(c) => c,
        Err(e) => {
            // The message names the file; the line already starts with it.
            let full = tr.read_error(path, e);
            let msg = full.strip_prefix(shown).map_or(full.as_str(), |rest| {
                rest.trim_start_matches([':', '：', ' '])
            });
            let text = if json {
                json!({"path": shown, "valid": false, "findings": [{"severity": "error", "code": "unreadable", "message": msg}]}).to_string()
            } else {
                format!("{shown}: error: {msg}")
            };
            return (Verdict::Invalid, text + "\n");
        }
    };
    let verdict = if !checked.is_valid() {
        Verdict::Invalid
    } else if checked.findings.is_empty() {
        Verdict::Valid
    } else {
        Verdict::Warned
    };
    let mut text = String::new();
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
        text.push_str(
            &json!({
                "path": shown,
                "valid": checked.is_valid(),
                "id": checked.minutes.as_ref().map(|m| m.id.to_string()),
                "version": checked.minutes.as_ref().map(|m| m.version),
                "digest": checked.computed_digest,
                "findings": findings,
            })
            .to_string(),
        );
        text.push('\n');
    } else {
        let mut sorted: Vec<_> = checked.findings.iter().collect();
        sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
        for f in sorted {
            text.push_str(&format!(
                "{shown}: {}: {}\n",
                f.severity.key(),
                sanitize::line(&tr.problem(&f.problem))
            ));
        }
    }
    (verdict, text)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Valid,
    Warned,
    Invalid,
}

/// Run the command; returns the exit code.
#[must_use]
pub fn run(paths: &[PathBuf], json: bool, keyring: Option<&crate::keys::Keyring>, tr: Tr) -> u8 {
    let (files, missing) = files::collect(paths);
    let mut invalid = 0usize;
    let mut warned = 0usize;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // Set when standard output is closed (e.g. piped into `head`): stop writing, never panic.
    let mut closed = false;
    for p in &missing {
        invalid += 1;
        let shown = sanitize::path(p);
        let msg = tr.stats_missing();
        let line = if json {
            json!({"path": shown, "valid": false, "findings": [{"severity": "error", "code": "not_found", "message": msg}]}).to_string()
        } else {
            format!("{shown}: error: {msg}")
        };
        closed = closed || writeln!(out, "{line}").is_err();
    }
    let mut versions = [0usize; 2];
    // The first file seen with each id, and its content digest: a second file with that id is a
    // copy (same content) or a conflict (different content), said on that file.
    let mut seen: std::collections::HashMap<uuid::Uuid, (PathBuf, Option<String>)> =
        std::collections::HashMap::new();
    check_each(&files, keyring, |p, mut result| {
        if let Ok(Some(v)) = result
            .as_ref()
            .map(|c| c.minutes.as_ref().map(|m| m.version))
        {
            versions[usize::from(v >= 2)] += 1;
        }
        // Only files that count (no errors) are compared: an invalid copy is reported as such.
        if let Ok(checked) = &mut result
            && checked.is_valid()
            && let Some(id) = checked.minutes.as_ref().map(|m| m.id)
        {
            match seen.get(&id) {
                Some((first, digest)) => {
                    let first = sanitize::path(first);
                    let problem = if *digest == checked.computed_digest {
                        minutes::check::Problem::DuplicateCopy { of: first }
                    } else {
                        minutes::check::Problem::IdConflict { with: first }
                    };
                    checked.findings.push(problem.into());
                }
                None => {
                    seen.insert(id, (p.to_path_buf(), checked.computed_digest.clone()));
                }
            }
        }
        let (verdict, text) = file_lines(&sanitize::path(p), p, result, json, tr);
        match verdict {
            Verdict::Invalid => invalid += 1,
            Verdict::Warned => warned += 1,
            Verdict::Valid => {}
        }
        closed = closed || out.write_all(text.as_bytes()).is_err();
        !closed
    });
    closed = closed || out.flush().is_err();
    drop(out);
    if !json && !closed {
        let total = files.len() + missing.len();
        eprintln!(
            "{}",
            tr.validate_summary(total, total - invalid, warned, invalid)
        );
        eprintln!("{}", tr.versions_read(versions[0], versions[1]));
    }

    // Output cut short means not every file was reported: never claim success then.
    if invalid > 0 || closed {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}
