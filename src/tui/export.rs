//! Writing the printable record of a finalized minutes file from the interactive program.

use std::path::{Path, PathBuf};

use crate::cli::ExportFormat;
use crate::export::{self, ExportError};
use crate::i18n::Tr;
use crate::minutes::{self, ReadError};
use crate::store::{self, DataDir};

/// Render the minutes at `path` as HTML and Markdown into the data directory's `exports/` folder.
/// Returns the written paths, or a one-line error.
pub fn write_exports(path: &Path, data: &DataDir, tr: Tr) -> Result<Vec<PathBuf>, String> {
    let checked = minutes::read(path)
        .or_else(ReadError::judged)
        .map_err(|e| tr.read_error(path, e))?;
    let Some(m) = &checked.minutes else {
        let first = checked
            .findings
            .first()
            .map(|f| tr.problem(&f.problem))
            .unwrap_or_default();
        return Err(format!("{}: {first}", crate::sanitize::path(path)));
    };
    let dir = data.root().join("exports");
    store::create_dir_private(&dir).map_err(|e| tr.store_error(&e))?;
    let stem = path
        .file_stem()
        .map_or_else(|| m.id.to_string(), |s| s.to_string_lossy().into_owned());
    let lang = if tr.is_zh() { "zh" } else { "en" };
    let mut written = Vec::new();
    for (format, ext) in [(ExportFormat::Html, "html"), (ExportFormat::Md, "md")] {
        let mut text = Vec::new();
        export::write_marked(&checked, format, tr, &mut text).map_err(|e| match e {
            ExportError::NotMinutes { why } => format!("{}: {why}", crate::sanitize::path(path)),
            ExportError::Write(e) => tr.export_write_failed(&e.to_string()),
        })?;
        let out = dir.join(format!("{stem}.{lang}.{ext}"));
        store::write_replace(&out, &text).map_err(|e| tr.store_error(&e))?;
        written.push(out);
    }
    Ok(written)
}
