//! Writing the printable record of a finalized minutes file from the interactive program: every
//! format at once (html, md, txt, docx and the xlsx sign-in sheet) into the folder the secretary
//! chose in the export dialog (by default the Documents folder under `branchday/`), so the record
//! can be printed, sent or archived in whichever form is needed.

use std::path::Path;

use crate::cli::ExportFormat;
use crate::export::output::{self, Place};
use crate::i18n::Tr;

/// Render the minutes at `path` in every format into `folder`. Returns the full path of each file
/// written, or a one-line error.
pub fn write_exports(path: &Path, folder: &Path, tr: Tr) -> Result<Vec<String>, String> {
    let place = Place {
        dir: folder.to_path_buf(),
        fallback: false,
    };
    let mut written = Vec::new();
    for format in ExportFormat::ALL {
        let out = place.file_for(path, format, tr);
        output::export_file(path, format, &out, tr)?;
        written.push(output::shown(&out));
    }
    Ok(written)
}
