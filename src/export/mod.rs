//! The printable 会议记录 of a minutes file, in Markdown, plain text, HTML or Word (DOCX), and its
//! sign-in sheet as an Excel workbook (XLSX).
//!
//! The record is built once as a [`doc::Document`] (sections, fields, tables, text, signature lines,
//! the sign-in sheet) in the UI language, then rendered per format. Every string from the file is neutralised by
//! [`crate::sanitize`] while the document is built, and escaped again for the format it is written in.

pub mod doc;
mod docx;
mod html;
mod md;
pub mod output;
mod paper;
pub mod sheets;
mod txt;
pub mod xlsx;

pub use crate::cli::ExportFormat;
pub use paper::offset_is_notable;

use std::io::Write;

use crate::i18n::Tr;
use crate::minutes::{Checked, Minutes, Severity};

/// The text formats of the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Md,
    Txt,
    Html,
}

/// The printable record of `m` in a text format, with labels in the language of `tr`.
pub fn render(m: &Minutes, format: TextFormat, tr: Tr) -> String {
    render_marked(m, format, tr, &[])
}

/// As [`render`], for a file that failed validation: `errors` (one line each) are listed under a
/// visible "failed validation" banner at the top. With no errors this is [`render`].
pub fn render_marked(m: &Minutes, format: TextFormat, tr: Tr, errors: &[String]) -> String {
    let d = doc::build(m, tr, errors);
    match format {
        TextFormat::Md => md::render(&d),
        TextFormat::Txt => txt::render(&d),
        TextFormat::Html => html::render(&d),
    }
}

/// The record of `m` in any format, as the bytes of the file: the text formats in UTF-8, the Word
/// document and the sign-in workbook as zip packages.
pub fn render_bytes(
    m: &Minutes,
    format: ExportFormat,
    tr: Tr,
    errors: &[String],
) -> Result<Vec<u8>, ExportError> {
    let text = |f| Ok(render_marked(m, f, tr, errors).into_bytes());
    match format {
        ExportFormat::Md => text(TextFormat::Md),
        ExportFormat::Txt => text(TextFormat::Txt),
        ExportFormat::Html => text(TextFormat::Html),
        ExportFormat::Docx => docx::render(&doc::build(m, tr, errors)),
        ExportFormat::Xlsx => xlsx::render(&doc::build(m, tr, errors)),
    }
}

/// Why a checked file was not exported.
#[derive(Debug)]
pub enum ExportError {
    /// The file holds no minutes to print; `why` is the first error the check found.
    NotMinutes { why: String },
    /// The record could not be written out.
    Write(std::io::Error),
    /// The Word or Excel package could not be built.
    Package(String),
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
    let bytes = render_bytes(m, format, tr, &errors)?;
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(ExportError::Write)?;
    Ok(errors.len())
}
