//! `branchday review [PATH…]`: the reviewer's browser over minutes files.
//!
//! The browser is one screen of the program's app (`tui::browse::BrowseScreen`) and runs on its one
//! loop: a key becomes an action, the update changes the browser and returns an `Effect`, and the
//! loop carries it out here (`perform`: read a file, save a remark, export). Files are read by
//! worker threads while the list is already on screen; a file is only ever opened for reading.

pub mod app;
pub mod changes;
pub mod detail;
pub mod doc;
pub mod keys;
pub mod ledger;
pub mod list;
pub mod load;
pub mod model;
pub mod proceedings;
pub mod remarks;
pub mod sections;
pub mod text;
pub mod view;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};

use chrono::Timelike;
use ratatui::crossterm::event::Event;

use self::app::{App, Effect, ExportRequest, RemarkRequest};
use self::detail::Opened;
use self::load::{LoadJob, ReviewIndex};
use self::model::{RowError, Summary};
use self::remarks::{Remark, ReviewFile};
use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, say};
use crate::domain::Timestamp;
use crate::export::ExportError;
use crate::i18n::Tr;
use crate::minutes::{self, Checked, ReadError, files};
use crate::store::DataDir;
use crate::tui::terminal;

/// Run the `review` command: enter the terminal, browse, restore. Returns the exit code.
pub fn run(
    paths: &[PathBuf],
    data_dir: Option<PathBuf>,
    keyring: Option<crate::keys::Keyring>,
    tr: Tr,
) -> u8 {
    let data = match DataDir::resolve(data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {}", tr.error_prefix(), tr.store_error(&e));
            return EXIT_USAGE;
        }
    };
    if !terminal::is_interactive() {
        eprintln!("{}: {}", tr.error_prefix(), tr.no_terminal());
        return EXIT_USAGE;
    }
    let guard = match terminal::enter() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("{}: {} ({e})", tr.error_prefix(), tr.no_terminal());
            return EXIT_USAGE;
        }
    };
    match crate::tui::run_app(
        guard,
        crate::tui::app::App::browse(data, paths.to_vec(), tr, keyring.map(Arc::new)),
    ) {
        Ok(_) => EXIT_OK,
        Err(e) => {
            say(&format!("{}: {e}", tr.error_prefix()));
            EXIT_INVALID
        }
    }
}

/// What a browsing session starts from: the files to read and the rows for paths that do not
/// exist.
pub struct Session {
    pub job: LoadJob,
    pub app: App,
}

impl Session {
    /// Find the files under `paths` (default: the data directory's minutes) and set up the list.
    pub fn new(paths: Vec<PathBuf>, data: &DataDir, tr: Tr) -> Session {
        Session::trusting(paths, data, tr, None)
    }

    /// The same, judging signatures against a keyring (`--trust`).
    pub fn trusting(
        paths: Vec<PathBuf>,
        data: &DataDir,
        tr: Tr,
        keyring: Option<Arc<crate::keys::Keyring>>,
    ) -> Session {
        let default = paths.is_empty();
        let paths = if default {
            vec![data.minutes_dir()]
        } else {
            paths
        };
        let source = paths
            .iter()
            .map(|p| crate::sanitize::path(p))
            .collect::<Vec<_>>()
            .join(" ");
        let (found, missing) = files::collect(&paths);
        // The data directory's own minutes folder not existing yet just means no minutes yet.
        let missing: Vec<Summary> = if default {
            Vec::new()
        } else {
            missing
                .into_iter()
                .map(|p| Summary::failed(p, RowError::Missing))
                .collect()
        };
        let mut app = App::new(tr, source, found.len() + missing.len());
        app.keyring.clone_from(&keyring);
        app.set_reviewer(&remarks::reviewer_for(data));
        app.set_exports_dir(data.exports_dir());
        app.add_rows(missing);
        let job = LoadJob::new(found, ReviewIndex::scan(&data.reviews_dir())).trusting(keyring);
        Session { job, app }
    }
}

/// Move every batch of rows waiting on the channel into the list; `false` once the loader is done.
pub fn take_rows(app: &mut App, rx: &Receiver<Vec<Summary>>) -> bool {
    let mut rows = Vec::new();
    let open = loop {
        match rx.try_recv() {
            Ok(batch) => rows.extend(batch),
            Err(TryRecvError::Empty) => break true,
            Err(TryRecvError::Disconnected) => break false,
        }
    };
    if !rows.is_empty() {
        app.add_rows(rows);
    }
    open
}

/// Handle one terminal event at time `at`; `true` when the reviewer quits.
pub fn handle_event(app: &mut App, ev: Event, data: &DataDir, at: Timestamp) -> bool {
    match ev {
        Event::Key(k) => {
            let effect = app.on_key(k);
            perform(app, effect, data, at)
        }
        Event::Paste(text) => {
            app.on_paste(&text);
            false
        }
        _ => false,
    }
}

/// Carry out an effect at time `at` (a remark is dated with it); `true` when it is to quit.
pub fn perform(app: &mut App, effect: Effect, data: &DataDir, at: Timestamp) -> bool {
    match effect {
        Effect::None => false,
        Effect::Quit => true,
        Effect::Open(row) => {
            let opened = open(app, row, data);
            app.opened(opened);
            false
        }
        Effect::SaveRemark(request) => {
            // Each target in turn; the first failure stops the rest, and what was saved stays.
            let mut saved = Vec::new();
            let mut error = None;
            for (row, key) in &request.targets {
                match save_remark(app, &request, *row, key, data, at) {
                    Ok(file) => saved.push((key.clone(), file)),
                    Err(e) => {
                        error = Some(e);
                        break;
                    }
                }
            }
            if !saved.is_empty() {
                remarks::remember_reviewer(data, &request.reviewer);
            }
            app.remark_saved(&request, &saved, error);
            false
        }
        Effect::Export(request) => {
            let result = export(app, &request);
            app.exported(result);
            false
        }
    }
}

/// Read and check a file through the one door every reader uses (never a pipe or a device); a file
/// too large to read is shown as a file with that one finding.
pub fn read_checked(
    path: &Path,
    keyring: Option<&crate::keys::Keyring>,
) -> Result<Checked, RowError> {
    minutes::read(path)
        .or_else(ReadError::judged)
        .map(|mut c| {
            c.trust(keyring);
            c
        })
        .map_err(RowError::from)
}

fn open(app: &App, row: usize, data: &DataDir) -> Opened {
    let r = app.model.row(row);
    let remarks = match r.review_key() {
        Some(key) => remarks::load(data, &key).map_err(|e| app.tr.remark_error(&e)),
        None => Ok(Vec::new()),
    };
    let content = read_checked(&r.path, app.keyring.as_deref());
    // A correction's page shows the file it corrects beside it, when that file is loaded.
    let original = content
        .as_ref()
        .ok()
        .and_then(|c| c.minutes.as_ref())
        .and_then(|m| m.supersedes.filter(|s| *s != m.id))
        .and_then(|id| app.model.find_id(id))
        .map(|j| {
            let o = app.model.row(j);
            detail::OriginalFile {
                row: j,
                minutes: read_checked(&o.path, None)
                    .ok()
                    .and_then(|c| c.minutes)
                    .map(Box::new),
                remarks: o
                    .review_key()
                    .and_then(|k| remarks::load(data, &k).ok())
                    .unwrap_or_default(),
            }
        });
    Opened {
        row,
        content,
        remarks,
        original,
    }
}

/// Write the printable record of the row's file (read again now) as a new file, never over an
/// existing one. A file that fails validation is exported with its errors in a banner on top.
fn export(app: &App, request: &ExportRequest) -> Result<PathBuf, String> {
    let tr = app.tr;
    let checked = read_checked(&app.model.row(request.row).path, app.keyring.as_deref())
        .map_err(|e| tr.row_error(&e))?;
    let mut text = Vec::new();
    crate::export::write_marked(&checked, request.format, tr, &mut text).map_err(|e| match e {
        ExportError::NotMinutes { .. } => tr.l(crate::i18n::ReviewLabel::CannotExport).to_owned(),
        ExportError::Write(e) => tr.export_write_failed(&e.to_string()),
        ExportError::Package(e) => tr.export_write_failed(&e),
    })?;
    let exports = app.exports_dir();
    if request.path.parent() == Some(exports) {
        crate::store::create_dir_private(exports).map_err(|e| tr.store_error(&e))?;
    }
    crate::store::write_new(&request.path, &text).map_err(|e| tr.store_error(&e))?;
    Ok(request.path.clone())
}

fn save_remark(
    app: &App,
    request: &RemarkRequest,
    row: usize,
    key: &remarks::ReviewKey,
    data: &DataDir,
    now: Timestamp,
) -> Result<ReviewFile, String> {
    let path = &app.model.row(row).path;
    // The remark is bound to the content as it is now: the minutes' digest, or for a file whose id
    // cannot be read, the digest of its bytes.
    let digest = match key {
        remarks::ReviewKey::Minutes(_) => read_checked(path, None)
            .ok()
            .and_then(|c| c.computed_digest),
        remarks::ReviewKey::File(_) => match remarks::file_key_at(path) {
            Some(remarks::ReviewKey::File(sha)) => Some(sha.into_string()),
            _ => None,
        },
    };
    let remark = Remark {
        reviewer: request.reviewer.clone(),
        at: now.with_nanosecond(0).unwrap_or(now),
        verdict: request.verdict,
        comment: request.comment.clone(),
        digest,
    };
    remarks::append(data, key, remark).map_err(|e| app.tr.remark_error(&e))
}
