//! `branchday validate PATH…`: one line per finding, `PATH: error|warning: message`.

use std::io::Write;
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

/// Files checked at once; their results are reported in input order before the next batch starts,
/// so memory stays bounded however many files there are.
const BATCH: usize = 256;

/// Threads to check files on: the machine's cores, at most 8.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// Check `files` on `jobs` threads and hand each result to `report`, in the order of `files`.
/// `report` returns whether to go on; checking stops at the end of the batch when it says no.
pub fn check_each(
    files: &[PathBuf],
    jobs: usize,
    mut report: impl FnMut(&Path, Result<Checked, StoreError>) -> bool,
) {
    let jobs = jobs.max(1);
    let mut go_on = true;
    for batch in files.chunks(BATCH) {
        if !go_on {
            return;
        }
        if jobs == 1 || batch.len() == 1 {
            for p in batch {
                go_on &= report(p, check_file(p));
            }
            continue;
        }
        let mut results: Vec<Option<Result<Checked, StoreError>>> =
            std::iter::repeat_with(|| None).take(batch.len()).collect();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..jobs.min(batch.len()))
                .map(|k| {
                    scope.spawn(move || {
                        batch
                            .iter()
                            .enumerate()
                            .skip(k)
                            .step_by(jobs)
                            .map(|(i, p)| (i, check_file(p)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for w in workers {
                if let Ok(done) = w.join() {
                    for (i, r) in done {
                        results[i] = Some(r);
                    }
                }
            }
        });
        for (p, r) in batch.iter().zip(results) {
            let r = r.unwrap_or_else(|| {
                let e = std::io::Error::other("the check stopped unexpectedly");
                Err(StoreError::io(p, e))
            });
            go_on &= report(p, r);
        }
    }
}

/// One file's lines: `PATH: error|warning: message`, or one JSON object.
fn file_lines(
    shown: &str,
    result: Result<Checked, StoreError>,
    json: bool,
    tr: Tr,
) -> (Verdict, String) {
    let checked = match result {
        Ok(c) => c,
        Err(e) => {
            // The storage message names the file; the line already starts with it.
            let full = match &e {
                StoreError::Io { source, .. }
                    if source.kind() == std::io::ErrorKind::InvalidInput =>
                {
                    tr.not_regular_file().to_owned()
                }
                _ => tr.store_error(&e),
            };
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
pub fn run(paths: &[PathBuf], json: bool, tr: Tr) -> u8 {
    let (files, missing) = files::collect(paths);
    let mut invalid = 0usize;
    let mut warned = 0usize;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // Set when standard output is closed (e.g. piped into `head`): stop writing, never panic.
    let mut closed = false;
    for p in &missing {
        invalid += 1;
        let shown = sanitize::path(p);
        let msg = tr.pick(
            "路径不存在；请检查拼写",
            "no such file or folder; check the path",
        );
        let line = if json {
            json!({"path": shown, "valid": false, "findings": [{"severity": "error", "code": "not_found", "message": msg}]}).to_string()
        } else {
            format!("{shown}: error: {msg}")
        };
        closed = closed || writeln!(out, "{line}").is_err();
    }
    check_each(&files, default_jobs(), |p, result| {
        let (verdict, text) = file_lines(&sanitize::path(p), result, json, tr);
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

    // Output cut short means not every file was reported: never claim success then.
    if invalid > 0 || closed {
        EXIT_INVALID
    } else {
        EXIT_OK
    }
}
