//! `branchday export FILE --format md|txt|html|docx|xlsx [--output PATH]`: the printable record
//! written into the Documents folder under `branchday/` (or to `--output`; `-` is standard output),
//! with the full path printed.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, ExportFormat, say};
use crate::export::output::{self, Place};
use crate::export::{self, ExportError};
use crate::i18n::Tr;
use crate::minutes::{self, ReadError};
use crate::sanitize;
use crate::store::DataDir;

/// Run the command; returns the exit code. A file that cannot be read or is not a minutes file is an
/// error (exit 1); a readable minutes file that fails validation is still exported, with a warning
/// on standard error and a banner in the document (exit 0).
pub fn run(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    data_dir: Option<PathBuf>,
    tr: Tr,
) -> u8 {
    if output == Some(Path::new("-")) {
        return to_stdout(file, format, tr);
    }
    let shown = sanitize::path(file);
    let mut note = None;
    let out = if let Some(p) = output {
        p.to_path_buf()
    } else {
        let data = match DataDir::resolve(data_dir) {
            Ok(d) => d,
            Err(e) => {
                say(&tr.store_error(&e));
                return EXIT_USAGE;
            }
        };
        let place = Place::find(&data);
        note = place.note(tr);
        place.file_for(file, format, tr)
    };
    match output::export_file(file, format, &out, tr) {
        Ok(errors) => {
            if errors > 0 {
                say(&tr.export_failed_warning(&shown, errors));
            }
            if let Some(note) = note {
                say(&note);
            }
            println!("{}", tr.export_written_to(&output::shown(&out)));
            EXIT_OK
        }
        Err(message) => {
            say(&message);
            EXIT_INVALID
        }
    }
}

/// `--output -`: the record on standard output; a binary format refuses a terminal.
fn to_stdout(file: &Path, format: ExportFormat, tr: Tr) -> u8 {
    let shown = sanitize::path(file);
    if !format.is_text() && std::io::stdout().is_terminal() {
        say(&tr.export_binary_to_terminal(format.extension()));
        return EXIT_USAGE;
    }
    let checked = match minutes::read(file).or_else(ReadError::judged) {
        Ok(c) => c,
        Err(e) => {
            say(&tr.read_error(file, e));
            return EXIT_INVALID;
        }
    };
    let mut out = std::io::stdout().lock();
    match export::write_marked(&checked, format, tr, &mut out) {
        Ok(errors) => {
            if errors > 0 {
                say(&tr.export_failed_warning(&shown, errors));
            }
            EXIT_OK
        }
        Err(ExportError::NotMinutes { why }) => {
            say(&tr.export_not_minutes(&shown, &why));
            EXIT_INVALID
        }
        // The reader went away (`| head`): nothing more to say.
        Err(ExportError::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(ExportError::Write(e)) => {
            say(&tr.export_write_failed(&e.to_string()));
            EXIT_INVALID
        }
        Err(ExportError::Package(e)) => {
            say(&tr.export_write_failed(&e));
            EXIT_INVALID
        }
    }
}
