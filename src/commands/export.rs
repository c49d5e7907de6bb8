//! `branchday export FILE --format md|txt|html`: the printable record on standard output.

use std::path::Path;

use crate::cli::{EXIT_INVALID, EXIT_OK, ExportFormat};
use crate::export::{self, ExportError};
use crate::i18n::Tr;
use crate::minutes::{self, ReadError};
use crate::sanitize;

/// Run the command; returns the exit code. A file that cannot be read or is not a minutes file is an
/// error (exit 1); a readable minutes file that fails validation is still exported, with a warning
/// on standard error and a banner in the document (exit 0).
pub fn run(file: &Path, format: ExportFormat, tr: Tr) -> u8 {
    let shown = sanitize::path(file);
    let checked = match minutes::read(file).or_else(ReadError::judged) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{}", tr.read_error(file, e));
            return EXIT_INVALID;
        }
    };
    let mut out = std::io::stdout().lock();
    match export::write_marked(&checked, format, tr, &mut out) {
        Ok(errors) => {
            if errors > 0 {
                eprintln!("{}", tr.export_failed_warning(&shown, errors));
            }
            EXIT_OK
        }
        Err(ExportError::NotMinutes { why }) => {
            eprintln!("{}", tr.export_not_minutes(&shown, &why));
            EXIT_INVALID
        }
        // The reader went away (`| head`): nothing more to say.
        Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(ExportError::Write(e)) => {
            eprintln!("{}", tr.export_write_failed(&e.to_string()));
            EXIT_INVALID
        }
    }
}
