//! `branchday upload [PATH…] --to URL|DIR [--dry-run] [--jobs N] [--json]`.
//!
//! Exit codes: 0 when every file is delivered or already there, 1 when any failed, conflicted or was
//! not valid minutes, 2 for usage or configuration errors (bad target, bad environment, ledger busy).

use std::io::IsTerminal;
use std::path::PathBuf;

use serde_json::json;

use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::i18n::Tr;
use crate::minutes::files;
use crate::sanitize;
use crate::store::DataDir;
use crate::upload::http::{self, Client};
use crate::upload::ledger::{self, Ledger, LedgerError};
use crate::upload::retry::{RetryPolicy, Timeouts};
use crate::upload::run::{self, Plan, Sender};
use crate::upload::{FileResult, Outcome, Summary, Target, TargetError};

/// The command's switches.
#[derive(Debug, Clone, Copy)]
pub struct Options<'a> {
    pub dry_run: bool,
    pub jobs: usize,
    pub json: bool,
    /// With a keyring, a version 2 file is sent only when a listed key of its branch signed it.
    pub keyring: Option<&'a crate::keys::Keyring>,
    /// Send files returned in review too (by default they wait for their correction).
    pub include_returned: bool,
}

fn usage(msg: &str, tr: Tr) -> u8 {
    eprintln!("{}: {msg}", tr.error_prefix());
    EXIT_USAGE
}

/// Run the command; returns the exit code.
pub fn run(data_dir: Option<PathBuf>, paths: Vec<PathBuf>, to: &str, opts: Options, tr: Tr) -> u8 {
    let target = match Target::parse(to) {
        Ok(t) => t,
        Err(TargetError::BadUrl) => return usage(&tr.upload_bad_url(to), tr),
        Err(TargetError::NotAFolder) => return usage(&tr.upload_bad_target(to), tr),
    };
    let data = match DataDir::resolve(data_dir) {
        Ok(d) => d,
        Err(e) => return usage(&tr.store_error(&e), tr),
    };
    let Ok(token) = http::token_from_env() else {
        return usage(tr.upload_bad_token(), tr);
    };
    let roots = match http::ca_from_env() {
        Ok(r) => r,
        Err(path) => return usage(&tr.upload_bad_ca(&sanitize::path(&path)), tr),
    };
    let retry = match RetryPolicy::from_env() {
        Ok(r) => r,
        Err(var) => return usage(&tr.upload_bad_env(var), tr),
    };
    let timeouts = match Timeouts::from_env() {
        Ok(t) => t,
        Err(var) => return usage(&tr.upload_bad_env(var), tr),
    };
    let ledger_path = data.uploads_ledger();
    let (mut ledger, delivered) = if opts.dry_run {
        match ledger::read(&ledger_path) {
            Ok(d) => (None, d),
            Err(e) => return usage(&tr.store_error(&e), tr),
        }
    } else {
        match Ledger::open(&ledger_path) {
            Ok((l, d)) => (Some(l), d),
            Err(LedgerError::Busy { path }) => {
                return usage(&tr.upload_ledger_busy(&sanitize::path(&path)), tr);
            }
            Err(LedgerError::Store(e)) => return usage(&tr.store_error(&e), tr),
        }
    };
    let paths = if paths.is_empty() {
        vec![data.minutes_dir()]
    } else {
        paths
    };
    let (files, missing) = files::collect(&paths);
    let key = target.key();
    let client;
    let sender = match &target {
        Target::Http(endpoint) => {
            client = Client::new(
                endpoint.clone(),
                token,
                roots,
                timeouts,
                retry,
                opts.jobs,
                tr,
            );
            Sender::Http(&client)
        }
        Target::Dir(d) => Sender::Dir(d),
    };

    let mut summary = Summary {
        dry_run: opts.dry_run,
        ..Summary::default()
    };
    let progress = (!opts.json && std::io::stderr().is_terminal()).then(|| {
        let pb = indicatif::ProgressBar::new(files.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {eta}")
        {
            pb.set_style(style.progress_chars("=> "));
        }
        pb.set_message(tr.upload_progress());
        pb
    });
    // A closed standard output (`upload --json | head`) ends the run quietly: nothing more is
    // printed or begun; what was sent is in the ledger (written before anything is printed).
    let stdout_closed = std::sync::atomic::AtomicBool::new(false);
    let emit = |line: &str| {
        use std::io::Write;
        if stdout_closed.load(std::sync::atomic::Ordering::Relaxed) {
            return;
        }
        let mut out = std::io::stdout().lock();
        if writeln!(out, "{line}").and_then(|()| out.flush()).is_err() {
            stdout_closed.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    let mut report = |r: &FileResult| {
        summary.add(&r.outcome);
        let line = if opts.json {
            Some(result_json(r, &key).to_string())
        } else {
            text_line(r, tr)
        };
        if let Some(line) = line {
            match &progress {
                Some(pb) => pb.suspend(|| emit(&line)),
                None => emit(&line),
            }
        }
        if let Some(pb) = &progress {
            pb.inc(1);
        }
    };
    for p in &missing {
        report(&FileResult {
            path: p.clone(),
            id: None,
            digest: None,
            outcome: Outcome::Invalid(tr.stats_missing().to_owned()),
            status: None,
            attempts: 0,
            review: None,
        });
    }

    let reviews = crate::review::load::ReviewIndex::scan(&data.reviews_dir());
    let plan = Plan {
        files: &files,
        target: &key,
        sender,
        delivered: &delivered,
        jobs: opts.jobs,
        dry_run: opts.dry_run,
        keyring: opts.keyring,
        reviews: &reviews,
        include_returned: opts.include_returned,
        seen: std::sync::Mutex::default(),
        stop: std::sync::atomic::AtomicBool::new(false),
        tr,
    };
    let mut ledger_error = None;
    // The ledger gets one write and one fsync per batch (whatever results arrived meanwhile), not
    // one per file, and exactly-once holds all the same. The ledger only saves work: a file is
    // skipped when a line says it was delivered, and such a line is written (and flushed) only
    // after the server answered 201/204, and before the result is shown. A crash between a
    // server's answer and the batch's fsync loses at most those lines; the rerun sends those
    // files again, with the same bytes under the same id, and the server answers 204 (already
    // there) without storing anything — so each file is stored once whatever the batch size.
    // A line is never written for a file that was not sent, so nothing is skipped that the
    // server lacks. tests/upload.rs kills a run mid-batch and checks exactly this.
    run::run(&plan, |batch| {
        if let Some(l) = ledger.as_mut() {
            let time = crate::clock::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
            let entries: Vec<_> = batch
                .iter()
                .filter_map(|r| r.ledger_entry(&key, time.clone()))
                .collect();
            if let Err(e) = l.append(&entries) {
                ledger_error.get_or_insert(e);
            }
        }
        for r in &batch {
            if let Err(e) = keep_server_return(&data, r, tr) {
                eprintln!("{}: {}", tr.error_prefix(), tr.remark_error(&e));
            }
            report(r);
        }
        if stdout_closed.load(std::sync::atomic::Ordering::Relaxed) {
            plan.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    });
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    if stdout_closed.load(std::sync::atomic::Ordering::Relaxed) {
        // Whoever read the results has gone; say nothing more (the ledger is complete).
        return EXIT_INVALID;
    }
    if let Some(e) = &ledger_error {
        eprintln!("{}: {}", tr.error_prefix(), tr.store_error(e));
    }
    if !opts.json {
        eprintln!("{}", tr.upload_summary(&summary));
    }
    if summary.all_ok() && ledger_error.is_none() {
        EXIT_OK
    } else {
        EXIT_INVALID
    }
}

/// A return the server's reviewer made, kept among this data directory's reviews (once: a later
/// run that hears the same return again adds nothing), so `review` shows it and later runs hold
/// the file back until its correction. The time is the server's, else now.
fn keep_server_return(
    data: &DataDir,
    r: &FileResult,
    tr: Tr,
) -> Result<(), crate::review::remarks::RemarkError> {
    use crate::review::remarks::{self, Remark, ReviewKey, Verdict};
    let (Some(review), Some(id), Some(digest)) = (&r.review, r.id, &r.digest) else {
        return Ok(());
    };
    let key = ReviewKey::Minutes(id);
    let reviewer = tr.server_reviewer(&review.reviewer);
    let known = remarks::load(data, &key)?.last().is_some_and(|last| {
        last.verdict == Verdict::Returned
            && last.comment == review.comment
            && last.digest.as_deref() == Some(digest.as_str())
    });
    if known {
        return Ok(());
    }
    let at = review.at.unwrap_or_else(crate::clock::now);
    remarks::append(
        data,
        &key,
        Remark {
            reviewer,
            at: chrono::Timelike::with_nanosecond(&at, 0).unwrap_or(at),
            verdict: Verdict::Returned,
            comment: review.comment.clone(),
            digest: Some(digest.clone()),
        },
    )
    .map(|_| ())
}

fn result_json(r: &FileResult, target: &str) -> serde_json::Value {
    json!({
        "path": r.path.to_string_lossy(),
        "id": r.id.map(|i| i.to_string()),
        "digest": r.digest,
        "target": target,
        "result": r.outcome.key(),
        "status": r.status,
        "attempts": r.attempts,
        "message": r.outcome.message(),
    })
}

/// The line a person sees for one file: problems and dry-run plans; nothing for delivered files
/// (the summary counts them).
fn text_line(r: &FileResult, tr: Tr) -> Option<String> {
    let shown = sanitize::path(&r.path);
    match &r.outcome {
        Outcome::WouldSend => Some(format!("{shown}: {}", tr.upload_would_send())),
        o => o
            .message()
            .map(|m| format!("{shown}: {}: {}", tr.upload_outcome(o), sanitize::line(m))),
    }
}
