//! The printable 会议记录 of a minutes file, in Markdown, plain text or HTML.
//!
//! The record is built once as a [`doc::Document`] (sections, fields, tables, text, signature lines)
//! in the UI language, then rendered per format. Every string from the file is neutralised by
//! [`crate::sanitize`] while the document is built, and escaped again for the format it is written in.

pub mod doc;
mod html;
mod md;
mod txt;

pub use crate::cli::ExportFormat;

use std::io::Write;

use crate::i18n::Tr;
use crate::minutes::{Checked, Minutes, Severity};

/// The printable record of `m` in `format`, with labels in the language of `tr`.
pub fn render(m: &Minutes, format: ExportFormat, tr: Tr) -> String {
    render_marked(m, format, tr, &[])
}

/// As [`render`], for a file that failed validation: `errors` (one line each) are listed under a
/// visible "failed validation" banner at the top. With no errors this is [`render`].
pub fn render_marked(m: &Minutes, format: ExportFormat, tr: Tr, errors: &[String]) -> String {
    let d = doc::build(m, tr, errors);
    match format {
        ExportFormat::Md => md::render(&d),
        ExportFormat::Txt => txt::render(&d),
        ExportFormat::Html => html::render(&d),
    }
}

/// Why a checked file was not exported.
#[derive(Debug)]
pub enum ExportError {
    /// The file holds no minutes to print; `why` is the first error the check found.
    NotMinutes { why: String },
    /// The record could not be written out.
    Write(std::io::Error),
}

/// Write the printable record of a checked file to `out` — the one export path of the command
/// line, the reviewer's browser and the interactive program. A file that fails validation is still
/// written, with its errors (one line each) under a "failed validation" banner on top; the number
/// of those errors is returned.
pub fn write_marked(
    checked: &Checked,
    format: ExportFormat,
    tr: Tr,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let errors: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| crate::sanitize::line(&tr.problem(&f.problem)).into_owned())
        .collect();
    let Some(m) = &checked.minutes else {
        let why = errors.into_iter().next().unwrap_or_default();
        return Err(ExportError::NotMinutes { why });
    };
    let text = render_marked(m, format, tr, &errors);
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(ExportError::Write)?;
    Ok(errors.len())
}
