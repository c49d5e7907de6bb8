//! Bytes of a CSV or XLSX file → rows of text cells with the line or row number a user sees.
//! Sizes are capped before anything large is built; no input makes this panic.

use std::io::{Cursor, Read, Seek};

use calamine::{DataRef, Reader, Xlsx};

use super::FileError;

/// Most data rows read from one file (a village Party committee can exceed 500 members).
pub const MAX_ROWS: usize = 10_000;
/// Most columns a row may use.
pub const MAX_COLUMNS: usize = 256;
/// Largest total uncompressed size of the parts of an XLSX file.
pub const MAX_XLSX_UNPACKED: u64 = 64 * 1024 * 1024;
/// Most parts in an XLSX file.
const MAX_XLSX_ENTRIES: usize = 2_000;

/// One row: its number as the user sees it (CSV line, spreadsheet row) and its cells, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// The file formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    /// The format named by a file's extension (case-insensitive), if it is one this reads.
    pub fn of(path: &std::path::Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(Format::Csv),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

/// One sheet of a workbook (a CSV file is one sheet without a name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: Option<String>,
    pub rows: Vec<Row>,
}

/// What a file holds: its sheets and, for CSV, the encoding it was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    pub encoding: Option<TextEncoding>,
    pub sheets: Vec<Sheet>,
}

/// Read the rows of a file of the given format.
pub fn rows(format: Format, bytes: &[u8]) -> Result<Book, FileError> {
    match format {
        Format::Csv => csv_rows(bytes).map(|(rows, encoding)| Book {
            encoding: Some(encoding),
            sheets: vec![Sheet { name: None, rows }],
        }),
        Format::Xlsx => xlsx_rows(bytes).map(|sheets| Book {
            encoding: None,
            sheets,
        }),
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The text encoding a CSV file was read in, for the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    /// GBK and GB18030 (the GBK decoder is the GB18030 decoder): what Excel saves on a Chinese Windows.
    Gb18030,
    Utf16Le,
    Utf16Be,
}

impl TextEncoding {
    /// The encoding's usual name, the same in every language.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 (BOM)",
            TextEncoding::Gb18030 => "GBK/GB18030",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
        }
    }
}

/// The text of a CSV file: UTF-8 with or without a BOM, UTF-16 with a BOM, else GBK / GB18030.
/// Bytes that are none of these (binary data, a renamed workbook) are named.
fn csv_text(bytes: &[u8]) -> Result<(String, TextEncoding), FileError> {
    use encoding_rs::{GB18030, UTF_8, UTF_16BE, UTF_16LE};
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(FileError::ZipInCsv);
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
        return Err(FileError::OldExcel);
    }
    let (text, encoding) = if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let kind = if enc == UTF_16LE {
            TextEncoding::Utf16Le
        } else if enc == UTF_16BE {
            TextEncoding::Utf16Be
        } else {
            TextEncoding::Utf8Bom
        };
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            let at = text.find('\u{fffd}').unwrap_or(0);
            return Err(if kind == TextEncoding::Utf8Bom {
                FileError::NotUtf8 {
                    line: line_of(text.as_bytes(), at),
                }
            } else {
                FileError::Utf16
            });
        }
        (text.into_owned(), kind)
    } else if let Some(p) = bytes.iter().position(|b| *b == 0) {
        return Err(FileError::Binary {
            line: line_of(bytes, p),
        });
    } else if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        (text.into_owned(), TextEncoding::Utf8)
    } else {
        let (text, _, had_errors) = GB18030.decode(bytes);
        if had_errors {
            let at = text.find('\u{fffd}').unwrap_or(0);
            return Err(FileError::NotUtf8 {
                line: line_of(text.as_bytes(), at),
            });
        }
        (text.into_owned(), TextEncoding::Gb18030)
    };
    if let Some(p) = text.find('\0') {
        return Err(FileError::Binary {
            line: line_of(text.as_bytes(), p),
        });
    }
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    Ok((text, encoding))
}

/// The delimiter of the first non-empty line: `,` unless `;` or a tab is clearly meant.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (comma, semi, tab) = (count(','), count(';'), count('\t'));
    if tab > comma && tab >= semi {
        b'\t'
    } else if semi > comma {
        b';'
    } else {
        b','
    }
}

fn clean_cell(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .to_owned()
}

/// The line a record starts on. The reader reports where it began looking, which is before any
/// blank lines it skipped; those are stepped over here.
fn first_line(text: &str, p: &csv::Position) -> usize {
    let mut line = p.line() as usize;
    let mut at = p.byte() as usize;
    while let Some(b) = text.as_bytes().get(at) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        at += 1;
    }
    line
}

fn csv_rows(bytes: &[u8]) -> Result<(Vec<Row>, TextEncoding), FileError> {
    let (text, encoding) = csv_text(bytes)?;
    let text = text.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff_delimiter(text))
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line() as usize);
                return Err(FileError::Csv {
                    line,
                    message: e.to_string(),
                });
            }
        }
        let line = record
            .position()
            .map_or(out.len() + 1, |p| first_line(text, p));
        if record.len() > MAX_COLUMNS
            && record
                .iter()
                .skip(MAX_COLUMNS)
                .any(|c| !c.trim().is_empty())
        {
            return Err(FileError::TooManyColumns { line });
        }
        let row = Row {
            line,
            cells: record.iter().take(MAX_COLUMNS).map(clean_cell).collect(),
        };
        if row.is_blank() {
            continue;
        }
        if out.len() > MAX_ROWS {
            return Err(FileError::TooManyRows);
        }
        out.push(row);
    }
    Ok((out, encoding))
}

/// Refuse archives whose parts would unpack to more than [`MAX_XLSX_UNPACKED`] (a "zip bomb"):
/// the zip reader never inflates an entry past the size its directory declares.
fn check_archive<R: Read + Seek>(reader: R) -> Result<(), FileError> {
    let mut zip = zip::ZipArchive::new(reader).map_err(|e| FileError::Xlsx {
        message: e.to_string(),
    })?;
    if zip.len() > MAX_XLSX_ENTRIES {
        return Err(FileError::XlsxTooLarge);
    }
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| FileError::Xlsx {
            message: e.to_string(),
        })?;
        total = total.saturating_add(entry.size());
        if total > MAX_XLSX_UNPACKED {
            return Err(FileError::XlsxTooLarge);
        }
    }
    Ok(())
}

fn cell_text(v: &DataRef<'_>) -> String {
    match v {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => clean_cell(s),
        DataRef::SharedString(s) => clean_cell(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        DataRef::Bool(b) => b.to_string(),
        DataRef::DateTime(d) if d.is_datetime() => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        DataRef::DateTime(d) => d.to_string(),
        DataRef::Error(e) => e.to_string(),
    }
}

fn xlsx_rows(bytes: &[u8]) -> Result<Vec<Sheet>, FileError> {
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0]) {
            FileError::OldExcel
        } else {
            FileError::NotXlsx
        });
    }
    check_archive(Cursor::new(bytes))?;
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| FileError::Xlsx {
        message: e.to_string(),
    })?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        let mut reader = match book.worksheet_cells_reader(&name) {
            Ok(r) => r,
            // Chart sheets and the like are not worksheets: skip them.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => {
                return Err(FileError::Xlsx {
                    message: e.to_string(),
                });
            }
        };
        let mut rows: std::collections::BTreeMap<u32, Vec<(u32, String)>> =
            std::collections::BTreeMap::new();
        loop {
            let cell = match reader.next_cell() {
                Ok(Some(c)) => c,
                Ok(None) => break,
                Err(e) => {
                    return Err(FileError::Xlsx {
                        message: e.to_string(),
                    });
                }
            };
            let (r, c) = cell.get_position();
            let text = cell_text(cell.get_value());
            if text.is_empty() {
                continue;
            }
            if c as usize >= MAX_COLUMNS {
                return Err(FileError::TooManyColumns {
                    line: r as usize + 1,
                });
            }
            if !rows.contains_key(&r) && rows.len() > MAX_ROWS {
                return Err(FileError::TooManyRows);
            }
            rows.entry(r).or_default().push((c, text));
        }
        drop(reader);
        // A cell merged down over several rows (a 党小组 written once for its members) holds its
        // value in its first row only: give it to every row of the region that has cells.
        if let Ok(regions) = book.merge_cells_by_sheet_name(&name) {
            for region in regions.iter().take(MAX_ROWS) {
                let (top, col) = region.start;
                let bottom = region.end.0.min(top.saturating_add(MAX_ROWS as u32));
                let Some(value) = rows
                    .get(&top)
                    .and_then(|cells| cells.iter().find(|(c, _)| *c == col))
                    .map(|(_, t)| t.clone())
                else {
                    continue;
                };
                for r in top.saturating_add(1)..=bottom {
                    if let Some(cells) = rows.get_mut(&r)
                        && !cells.iter().any(|(c, _)| *c == col)
                    {
                        cells.push((col, value.clone()));
                    }
                }
            }
        }
        let sheet = rows
            .into_iter()
            .map(|(r, cells)| {
                let n = cells
                    .iter()
                    .map(|(c, _)| *c as usize + 1)
                    .max()
                    .unwrap_or(0);
                let mut out = vec![String::new(); n];
                for (c, t) in cells {
                    out[c as usize] = t;
                }
                Row {
                    line: r as usize + 1,
                    cells: out,
                }
            })
            .collect();
        sheets.push(Sheet {
            name: Some(name.clone()),
            rows: sheet,
        });
    }
    Ok(sheets)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_encodings_are_detected_and_named() {
        assert_eq!(csv_rows(b""), Err(FileError::Empty));
        assert_eq!(csv_rows(b"\xef\xbb\xbf \n\n"), Err(FileError::Empty));
        // 姓名 in GBK.
        let (rows, enc) = csv_rows(b"id,name\nm1,\xd0\xd5\xc3\xfb\n").unwrap();
        assert_eq!(enc, TextEncoding::Gb18030);
        assert_eq!(rows[1].cells, vec!["m1", "姓名"]);
        // 姓名,类别 in UTF-16 LE and BE with their BOMs.
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(
                "姓名,类别\n王五,正式党员\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let (rows, enc) = csv_rows(&le).unwrap();
        assert_eq!(
            (enc, rows[1].cells.clone()),
            (
                TextEncoding::Utf16Le,
                vec!["王五".to_owned(), "正式党员".to_owned()]
            )
        );
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("姓名\n王五\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(csv_rows(&be).unwrap().1, TextEncoding::Utf16Be);
        assert_eq!(
            csv_rows("姓名\n王五\n".as_bytes()).unwrap().1,
            TextEncoding::Utf8
        );
        assert_eq!(
            csv_rows("\u{feff}姓名\n王五\n".as_bytes()).unwrap().1,
            TextEncoding::Utf8Bom
        );
        // Neither UTF-8 nor GB18030 (a lone lead byte at the end of line 2).
        assert_eq!(
            csv_rows(b"id,name\nm1,\x81"),
            Err(FileError::NotUtf8 { line: 2 })
        );
        assert_eq!(csv_rows(b"PK\x03\x04rest"), Err(FileError::ZipInCsv));
        assert_eq!(csv_rows(b"a,b\nc\x00d"), Err(FileError::Binary { line: 2 }));
    }

    #[test]
    fn csv_rows_keep_line_numbers_across_quoted_breaks() {
        let (rows, _) =
            csv_rows("\u{feff}姓名,类别\n\n\"王\n五\",正式党员\n李四,预备党员\n".as_bytes())
                .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, vec!["姓名", "类别"]);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[2].line, 5);
        let (rows, _) =
            csv_rows("姓名,类别\r\n\r\n\r\n王五,正式党员\r\n李四,预备党员\r\n".as_bytes()).unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 4, 5]);
    }

    #[test]
    fn delimiters_are_sniffed() {
        let (rows, _) = csv_rows("姓名;类别\n张三;正式党员\n".as_bytes()).unwrap();
        assert_eq!(rows[1].cells, vec!["张三", "正式党员"]);
        let (rows, _) = csv_rows("姓名\t类别\n张三\t正式党员\n".as_bytes()).unwrap();
        assert_eq!(rows[1].cells, vec!["张三", "正式党员"]);
    }

    #[test]
    fn too_many_columns_is_an_error() {
        let header = vec!["x"; 100_000].join(",");
        assert!(matches!(
            csv_rows(header.as_bytes()),
            Err(FileError::TooManyColumns { line: 1 })
        ));
    }

    #[test]
    fn xlsx_that_is_not_a_zip_is_named() {
        assert_eq!(xlsx_rows(b"name,id\n"), Err(FileError::NotXlsx));
        assert_eq!(
            xlsx_rows(&[0xd0, 0xcf, 0x11, 0xe0, 0, 0]),
            Err(FileError::OldExcel)
        );
        assert!(matches!(
            xlsx_rows(b"PK\x03\x04garbage"),
            Err(FileError::Xlsx { .. })
        ));
    }
}
