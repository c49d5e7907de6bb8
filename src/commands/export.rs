//! `branchday export FILE --format md|txt|html`: the printable record on standard output.

use std::io::Write;
use std::path::Path;

use super::validate::check_file;
use super::{EXIT_INVALID, EXIT_OK};
use crate::cli::ExportFormat;
use crate::i18n::Tr;
use crate::minutes::Severity;
use crate::sanitize;

/// Run the command; returns the exit code. A file that cannot be read or is not a minutes file is an
/// error (exit 1); a readable minutes file that fails validation is still exported, with a warning
/// on standard error and a banner in the document (exit 0).
pub fn run(file: &Path, format: ExportFormat, tr: Tr) -> u8 {
    let shown = sanitize::path(file);
    let checked = match check_file(file) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_INVALID;
        }
    };
    let errors: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| sanitize::line(&tr.problem(&f.problem)).into_owned())
        .collect();
    let Some(minutes) = checked.minutes else {
        let why = errors.first().cloned().unwrap_or_default();
        eprintln!("{}", tr.export_not_minutes(&shown, &why));
        return EXIT_INVALID;
    };
    if !errors.is_empty() {
        eprintln!("{}", tr.export_failed_warning(&shown, errors.len()));
    }
    let text = crate::export::render_marked(&minutes, format, tr, &errors);
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => EXIT_OK,
        // The reader went away (`| head`): nothing more to say.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("{}", tr.export_write_failed(&e.to_string()));
            EXIT_INVALID
        }
    }
}
