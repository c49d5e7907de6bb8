//! `review --export-ledger FILE.xlsx|csv`: the 审核台账 — a line per meeting (copies once) with its
//! branch, meeting, validation, the latest verdict, reviewer, time and comment, and where a
//! returned file's 督办 stands (returned → corrected → approved). Read through the same door and
//! review files as the browser, so the ledger says what the screen says.

use std::path::{Path, PathBuf};

use super::model::Model;
use super::remarks::{self, Remark, ReviewKey};
use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, say};
use crate::export::sheets::{self, Cell, Sheet};
use crate::i18n::Tr;
use crate::minutes::files;
use crate::sanitize;
use crate::store::DataDir;

/// The two shapes a ledger is written in, chosen by the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LedgerFormat {
    Xlsx,
    Csv,
}

impl LedgerFormat {
    /// The format named by `path`'s extension (any case), if it is one.
    pub fn of(path: &Path) -> Option<LedgerFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(LedgerFormat::Xlsx),
            "csv" => Some(LedgerFormat::Csv),
            _ => None,
        }
    }
}

fn minute(t: &crate::domain::Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// The ledger as a sheet: rows in branch-code order, then by date and file name. `remarks_of`
/// gives the remarks kept under a key (newest last).
pub fn sheet(model: &Model, remarks_of: &dyn Fn(&ReviewKey) -> Vec<Remark>, tr: Tr) -> Sheet {
    let mut order: Vec<usize> = (0..model.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (model.row(a), model.row(b));
        (&ra.branch_code, ra.started_at, &ra.name).cmp(&(&rb.branch_code, rb.started_at, &rb.name))
    });
    let rows = order
        .iter()
        .enumerate()
        .map(|(n, &i)| {
            let r = model.row(i);
            let last = r.review_key().and_then(|k| remarks_of(&k).pop());
            let mut file = r.name.to_string();
            if !r.copies.is_empty() {
                file = format!("{file}{}", tr.paren(&tr.copies_label(r.copies.len())));
            }
            let follow = match model.follow_up(i) {
                Some(f) => tr.follow_up(f, &|j| model.row(j).name.to_string()),
                None => String::new(),
            };
            let text = |s: &str| Cell::Text(sanitize::text(s).into_owned());
            vec![
                Cell::Count(n + 1),
                Cell::Text(file),
                Cell::Text(r.branch.to_string()),
                Cell::Text(r.branch_code.to_string()),
                Cell::Text(r.kind.map(|k| tr.kind(k).to_owned()).unwrap_or_default()),
                Cell::Text(
                    r.started_at
                        .map(|t| t.format("%Y-%m-%d").to_string())
                        .unwrap_or_default(),
                ),
                Cell::Text(r.theme.to_string()),
                Cell::Text(tr.status_label(model.status(i)).to_owned()),
                Cell::Text(tr.review_filter_label(r.review).to_owned()),
                last.as_ref()
                    .map_or(Cell::Text(String::new()), |m| text(&m.reviewer)),
                Cell::Text(last.as_ref().map(|m| minute(&m.at)).unwrap_or_default()),
                last.as_ref()
                    .map_or(Cell::Text(String::new()), |m| text(&m.comment)),
                Cell::Text(follow),
            ]
        })
        .collect();
    Sheet {
        name: tr.ledger_sheet_name().to_owned(),
        headers: tr
            .ledger_columns()
            .iter()
            .map(|s| (*s).to_owned())
            .collect(),
        rows,
    }
}

/// The ledger's bytes in `format`.
pub fn render(sheet: &Sheet, format: LedgerFormat) -> Result<Vec<u8>, String> {
    match format {
        LedgerFormat::Xlsx => {
            sheets::workbook(std::slice::from_ref(sheet)).map_err(|e| e.to_string())
        }
        LedgerFormat::Csv => {
            let rows: Vec<Vec<String>> = sheet
                .rows
                .iter()
                .map(|r| r.iter().map(Cell::text).collect())
                .collect();
            sheets::csv(&sheet.headers, &rows)
        }
    }
}

/// Read every file (as `review` does), then write the ledger to `out`. Returns the exit code:
/// 0 written, 1 it could not be written, 2 a usage error (the extension, a path that does not
/// exist, the data directory).
pub fn run(
    paths: &[PathBuf],
    data_dir: Option<PathBuf>,
    keyring: Option<crate::keys::Keyring>,
    out: &Path,
    tr: Tr,
) -> u8 {
    let shown = sanitize::path(out);
    let Some(format) = LedgerFormat::of(out) else {
        eprintln!("{}: {}", tr.error_prefix(), tr.ledger_bad_extension(&shown));
        return EXIT_USAGE;
    };
    let data = match DataDir::resolve(data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}: {}", tr.error_prefix(), tr.store_error(&e));
            return EXIT_USAGE;
        }
    };
    if crate::cli::report_missing(&files::collect(paths).1, tr) {
        return EXIT_USAGE;
    }
    let super::Session { job, mut app } =
        super::Session::trusting(paths.to_vec(), &data, tr, keyring.map(std::sync::Arc::new));
    std::thread::scope(|s| {
        for batch in super::load::spawn(s, &job) {
            app.add_rows(batch);
        }
    });
    let sheet = sheet(
        &app.model,
        &|key| remarks::load(&data, key).unwrap_or_default(),
        tr,
    );
    let bytes = match render(&sheet, format) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {}", tr.error_prefix(), tr.ledger_failed(&shown, &e));
            return EXIT_INVALID;
        }
    };
    if let Err(e) = crate::store::write_replace(out, &bytes) {
        eprintln!("{}: {}", tr.error_prefix(), tr.store_error(&e));
        return EXIT_INVALID;
    }
    say(&tr.ledger_written(&shown, sheet.rows.len()));
    EXIT_OK
}
