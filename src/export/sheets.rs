//! Tables as a workbook or as CSV, for the 台账 files (`stats --xlsx`, `review --export-ledger`):
//! one sheet per table, the header row bold, frozen and repeated on print, widths fitted to the
//! Chinese text, A4; CSV as UTF-8 with a BOM and CRLF line ends so Excel opens it.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::xlsx::{cell_format, fitted_width, header_format};

/// One cell of a sheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Count(usize),
    /// A share between 0 and 1, shown as a percentage; `None` when nothing was expected.
    Rate(Option<f64>),
}

/// One sheet: its name, its header row and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    ws.set_name(&sheet.name)?;
    let head = header_format();
    let body = cell_format();
    let number = cell_format().set_align(FormatAlign::Right);
    let rate = Format::new()
        .set_font_name(crate::export::xlsx::FONT)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_num_format("0.0%");
    for (c, h) in sheet.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &head)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) => ws.write_string_with_format(r, c, s, &body)?,
                Cell::Count(n) => ws.write_number_with_format(r, c, *n as f64, &number)?,
                Cell::Rate(Some(x)) => ws.write_number_with_format(r, c, *x, &rate)?,
                Cell::Rate(None) => ws.write_string_with_format(r, c, "—", &number)?,
            };
        }
    }
    for c in 0..sheet.headers.len() {
        let texts: Vec<String> = std::iter::once(sheet.headers[c].clone())
            .chain(
                sheet
                    .rows
                    .iter()
                    .filter_map(|row| row.get(c))
                    .map(|cell| match cell {
                        Cell::Text(s) => s.clone(),
                        Cell::Count(n) => n.to_string(),
                        Cell::Rate(_) => "100.0%".to_owned(),
                    }),
            )
            .collect();
        ws.set_column_width(
            c as u16,
            fitted_width(texts.iter().map(String::as_str), 6.0, 60.0),
        )?;
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_paper_size(9);
    Ok(())
}

/// The sheets as a workbook's bytes.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    for sheet in sheets {
        write_sheet(wb.add_worksheet(), sheet)?;
    }
    wb.save_to_buffer()
}

/// A cell a spreadsheet would run as a formula gets a leading apostrophe: text from a file or a
/// roster is never taken for a formula when the CSV is opened.
pub fn inert(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '＝', '＋']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A header and rows of text as CSV: UTF-8 with a BOM, CRLF line ends, cells quoted where needed
/// and made inert.
pub fn csv(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut out = b"\xef\xbb\xbf".to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        w.write_record(header.iter().map(|c| inert(c).into_owned()))
            .map_err(|e| e.to_string())?;
        for r in rows {
            w.write_record(r.iter().map(|c| inert(c).into_owned()))
                .map_err(|e| e.to_string())?;
        }
        w.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

impl Cell {
    /// The cell as text (a share as a percentage with one decimal).
    pub fn text(&self) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Rate(Some(x)) => format!("{:.1}%", x * 100.0),
            Cell::Rate(None) => "—".to_owned(),
        }
    }
}
