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

use crate::i18n::Tr;
use crate::minutes::Minutes;

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
