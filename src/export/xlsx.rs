//! A meeting's 签到表 as an Excel workbook: every member on the attendance list with standing,
//! whether counted in 应到, status and check-in time, and an empty column to sign; A4 portrait, the
//! header row frozen and repeated on every printed page, widths fitted to the Chinese text.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::ExportError;
use super::doc::Document;
use crate::texttable::width;

/// The font of every cell.
pub const FONT: &str = crate::i18n::fonts::TITLE;

/// Excel's paper size number for A4.
const A4: u8 = 9;

/// A column width (in Excel's character units) that fits `texts` measured in display columns
/// (a Chinese character is two), with a little room, between `min` and `max`.
pub fn fitted_width<'a>(texts: impl IntoIterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let widest = texts.into_iter().map(width).max().unwrap_or(0);
    (widest as f64 + 2.0).clamp(min, max)
}

/// The bold, shaded, bordered format of a header row.
pub fn header_format() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_background_color(0x00EE_EEEE)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
}

/// The bordered format of a body cell.
pub fn cell_format() -> Format {
    Format::new()
        .set_font_name(FONT)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

fn package(e: &XlsxError) -> ExportError {
    ExportError::Package(e.to_string())
}

/// Rows 0–1: title and subtitle; row 3: the header (frozen, repeated on print); rows 4…: members.
fn sign_in_sheet(ws: &mut Worksheet, d: &Document) -> Result<(), XlsxError> {
    let s = &d.sign_in;
    let t = &s.table;
    let cols = t.headers.len().max(1) as u16;
    ws.set_name(&s.title)?;
    let title = Format::new()
        .set_font_name(FONT)
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center);
    let subtitle = Format::new()
        .set_font_name(FONT)
        .set_align(FormatAlign::Center);
    ws.merge_range(0, 0, 0, cols - 1, &s.title, &title)?;
    ws.merge_range(1, 0, 1, cols - 1, &s.subtitle, &subtitle)?;
    ws.set_row_height(0, 28)?;
    let head = header_format();
    let body = cell_format();
    let number = cell_format().set_align(FormatAlign::Right);
    const HEAD_ROW: u32 = 3;
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(HEAD_ROW, c as u16, h, &head)?;
    }
    let last = t.headers.len().saturating_sub(1);
    for (r, row) in t.rows.iter().enumerate() {
        let r = HEAD_ROW + 1 + r as u32;
        for (c, text) in row.iter().enumerate() {
            let right = t.right.get(c).copied().unwrap_or(false);
            match text.parse::<u32>() {
                Ok(n) if right => {
                    ws.write_number_with_format(r, c as u16, f64::from(n), &number)?;
                }
                _ => {
                    ws.write_string_with_format(r, c as u16, text, &body)?;
                }
            }
        }
        ws.set_row_height(r, 28)?;
    }
    for c in 0..t.headers.len() {
        let texts = std::iter::once(t.headers[c].as_str()).chain(
            t.rows
                .iter()
                .filter_map(|row| row.get(c))
                .map(String::as_str),
        );
        let w = if c == last {
            24.0
        } else {
            fitted_width(texts, 6.0, 40.0)
        };
        ws.set_column_width(c as u16, w)?;
    }
    ws.set_freeze_panes(HEAD_ROW + 1, 0)?;
    ws.set_repeat_rows(HEAD_ROW, HEAD_ROW)?;
    ws.set_paper_size(A4);
    ws.set_print_center_horizontally(true);
    ws.set_print_fit_to_pages(1, 0);
    let [before, between, after] = d.page_of;
    ws.set_footer(format!("&C{before}&P{between}&N{after}"));
    Ok(())
}

/// The sign-in workbook of the record `d`.
pub fn render(d: &Document) -> Result<Vec<u8>, ExportError> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    sign_in_sheet(ws, d).map_err(|e| package(&e))?;
    wb.save_to_buffer().map_err(|e| package(&e))
}
