//! Writing the printable record of a finalized minutes file from the interactive program: every
//! format at once (html, md, txt, docx and the xlsx sign-in sheet) into the Documents folder under
//! `branchday/`, so the secretary can print, send or archive whichever is needed.

use std::path::Path;

use crate::cli::ExportFormat;
use crate::export::output::{self, Place};
use crate::i18n::Tr;
use crate::store::DataDir;

/// Render the minutes at `path` in every format into the exports folder. Returns the lines to show:
/// the full path of each file written, then where exports go when it is a fallback; or a one-line
/// error.
pub fn write_exports(path: &Path, data: &DataDir, tr: Tr) -> Result<Vec<String>, String> {
    let place = Place::find(data);
    let mut written = Vec::new();
    for format in ExportFormat::ALL {
        let out = place.file_for(path, format, tr);
        output::export_file(path, format, &out, tr)?;
        written.push(output::shown(&out));
    }
    if let Some(note) = place.note(tr) {
        written.push(note);
    }
    Ok(written)
}
