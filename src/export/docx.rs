//! The record as a Word document (Office Open XML), for Word and WPS: A4 with office margins, real
//! headings and tables, Chinese set as East Asian fonts (`仿宋_GB2312` for the text, 宋体 and 黑体 for
//! titles and headings, each with a fallback name), 第 X 页 共 Y 页 in the footer, table headers
//! repeated on every page, rows that never split, and the sign-in sheet on a page of its own.

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, HeightRule, LineSpacing, NumPages, PageMargin, PageNum,
    Paragraph, Run, RunFonts, Shading, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use std::fmt::Write as _;

use super::ExportError;
use super::doc::{Archive, Block, Document, SignIn};
use crate::i18n::fonts;
use crate::texttable::{self, width};

/// A4 in twips (1/20 pt).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
/// Margins of an office document (GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
const TOP: i32 = 2098;
const BOTTOM: i32 = 1984;
const LEFT: i32 = 1588;
const RIGHT: i32 = 1474;
/// The width of the text block.
const TEXT_W: usize = (PAGE_W as usize) - (LEFT as usize) - (RIGHT as usize);

/// Body text: `仿宋_GB2312`, 小四 (12 pt); sizes are in half points.
const BODY_FONT: &str = fonts::BODY;
const TITLE_FONT: &str = fonts::TITLE;
const HEADING_FONT: &str = fonts::HEADING;
const LATIN_FONT: &str = "Times New Roman";
const BODY_SIZE: usize = 24;
const TABLE_SIZE: usize = 21;
const SMALL_SIZE: usize = 18;

/// The height that marks a table's header row, so the header flag (which docx-rs cannot set) is
/// added to exactly those rows after the document is built.
const HEADER_ROW_HEIGHT: f32 = 397.0;
/// The height of a sign-in row: room to sign by hand (10 mm).
const SIGN_ROW_HEIGHT: f32 = 567.0;

/// The fonts the document names, with the names Word and WPS fall back to when a font is missing.
const FONT_TABLE: [(&str, &str); 3] = [
    (BODY_FONT, fonts::BODY_FALLBACK),
    (TITLE_FONT, "SimSun"),
    (HEADING_FONT, "SimHei"),
];

fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
}

fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts(BODY_FONT))
}

fn para(text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text, BODY_SIZE))
}

fn centered(text: &str, font: &str, size: usize, bold: bool) -> Paragraph {
    let mut r = Run::new().add_text(text).size(size).fonts(fonts(font));
    if bold {
        r = r.bold();
    }
    Paragraph::new().add_run(r).align(AlignmentType::Center)
}

/// Column widths in twips from the display width of what each column holds: a column gets at least
/// the width of its header and of its short cells, so names and dates never wrap.
fn column_widths(headers: &[String], rows: &[Vec<String>], min_last: usize) -> Vec<usize> {
    let n = headers
        .len()
        .max(rows.iter().map(Vec::len).max().unwrap_or(0));
    let mut want: Vec<usize> = (0..n)
        .map(|i| {
            let head = headers.get(i).map_or(0, |h| width(h));
            let cells = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|c| width(c).min(40))
                .max()
                .unwrap_or(0);
            head.max(cells).max(2)
        })
        .collect();
    if let Some(last) = want.last_mut() {
        *last = (*last).max(min_last);
    }
    // One display column at 10.5 pt is about 105 twips, plus the cell padding.
    let natural: Vec<usize> = want.iter().map(|w| w * 107 + 230).collect();
    let total: usize = natural.iter().sum();
    if total <= TEXT_W {
        let spare = (TEXT_W - total) / n.max(1);
        return natural.iter().map(|w| w + spare).collect();
    }
    // Too wide: short columns (names, dates, numbers) keep their width, long ones share the rest.
    let short = |w: usize| w <= 16;
    let fixed: usize = want
        .iter()
        .zip(&natural)
        .filter(|(w, _)| short(**w))
        .map(|(_, t)| *t)
        .sum();
    let flexible: usize = want
        .iter()
        .zip(&natural)
        .filter(|(w, _)| !short(**w))
        .map(|(_, t)| *t)
        .sum();
    let room = TEXT_W.saturating_sub(fixed).max(TEXT_W / 3);
    for (w, t) in want.iter_mut().zip(&natural) {
        *w = if short(*w) {
            *t
        } else {
            t * room / flexible.max(1)
        };
    }
    want
}

fn cell(text: &str, w: usize, size: usize, bold: bool, shaded: bool, right: bool) -> TableCell {
    let mut p = Paragraph::new();
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            p = p.add_run(Run::new().add_break(BreakType::TextWrapping));
        }
        let mut r = Run::new().add_text(line).size(size).fonts(fonts(BODY_FONT));
        if bold {
            r = r.bold();
        }
        p = p.add_run(r);
    }
    if right {
        p = p.align(AlignmentType::Right);
    }
    let mut c = TableCell::new().add_paragraph(p).width(w, WidthType::Dxa);
    if shaded {
        c = c.shading(Shading::new().fill("EEEEEE"));
    }
    c
}

/// A table's header row: shaded, bold, at least one header height, never split.
fn header_row(t: &texttable::Table, widths: &[usize]) -> TableRow {
    TableRow::new(
        widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let h = t.headers.get(i).map_or("", String::as_str);
                cell(h, *w, TABLE_SIZE, true, true, false)
            })
            .collect(),
    )
    .row_height(HEADER_ROW_HEIGHT)
    .height_rule(HeightRule::AtLeast)
    .cant_split()
}

fn grid_table(t: &texttable::Table, empty: &str) -> Table {
    let widths = column_widths(&t.headers, &t.rows, 0);
    let right = |i: usize| t.right.get(i).copied().unwrap_or(false);
    let head = header_row(t, &widths);
    let mut rows = vec![head];
    for row in &t.rows {
        rows.push(
            TableRow::new(
                widths
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let text = row.get(i).map_or("", String::as_str);
                        let text = if text.is_empty() { empty } else { text };
                        cell(text, *w, TABLE_SIZE, false, false, right(i))
                    })
                    .collect(),
            )
            .cant_split(),
        );
    }
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_W, WidthType::Dxa)
}

/// Word, WPS and Writer break Chinese text between any two characters, so a list of names left
/// to wrap by itself splits a name at a line end ("吴淑" / "珍"). A list is laid out here instead:
/// whole entries per line, with a line break between lines, measured against the cell's width
/// with room to spare, so the word processor never has to break inside an entry.
fn lay_out_list(v: &str, sep: &str, cell_w: usize, size: usize) -> String {
    if sep.is_empty() || !v.contains(sep) {
        return v.to_owned();
    }
    // One column of `width` is half an em: size / 4 twips (size is in half-points). Word's
    // default cell margins take 108 twips a side; a tenth is kept spare for font metrics.
    let per_unit = (size * 5).max(1);
    let room = (cell_w.saturating_sub(216) * 9 / 10) / per_unit;
    let entries: Vec<&str> = v.split(sep).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (i, entry) in entries.iter().enumerate() {
        let piece = if i + 1 < entries.len() {
            format!("{entry}{sep}")
        } else {
            (*entry).to_owned()
        };
        if !line.is_empty() && width(&line) + width(&piece) > room {
            lines.push(std::mem::take(&mut line));
        }
        line.push_str(&piece);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.join("\n")
}

fn fields_table(fields: &[(String, String)], none: &str, sep: &str) -> Table {
    let label_w = fields
        .iter()
        .map(|(l, _)| width(l))
        .max()
        .unwrap_or(8)
        .min(28);
    let lw = (label_w * 107 + 230).min(TEXT_W / 2);
    let vw = TEXT_W - lw;
    let rows = fields
        .iter()
        .map(|(l, v)| {
            let v = if v.is_empty() {
                none.to_owned()
            } else {
                lay_out_list(v, sep, vw, TABLE_SIZE)
            };
            TableRow::new(vec![
                cell(l, lw, TABLE_SIZE, false, true, false),
                cell(&v, vw, TABLE_SIZE, false, false, false),
            ])
            .cant_split()
        })
        .collect();
    Table::new(rows)
        .set_grid(vec![lw, vw])
        .width(TEXT_W, WidthType::Dxa)
}

fn signature(role: &str, name: &str, date_label: &str, colon: &str) -> Paragraph {
    let text = format!(
        "{role}{colon}{}{name}　　{date_label}{colon}{}",
        "_".repeat(18),
        "_".repeat(14)
    );
    Paragraph::new()
        .add_run(run(&text, BODY_SIZE))
        .line_spacing(LineSpacing::new().before(360).after(120))
        .keep_next(true)
}

fn archive(mut docx: Docx, a: &Archive, colon: &str) -> Docx {
    docx = docx.add_paragraph(signature(&a.seal, "", &a.date_label, colon));
    let label = Paragraph::new()
        .add_run(run(&format!("{}{}", a.review, colon.trim_end()), BODY_SIZE).bold());
    let mut box_cell = TableCell::new().add_paragraph(label);
    for _ in 0..5 {
        box_cell = box_cell.add_paragraph(para(""));
    }
    box_cell = box_cell
        .add_paragraph(signature(&a.reviewer, &a.review_seal, &a.date_label, colon))
        .width(TEXT_W, WidthType::Dxa);
    docx.add_table(
        Table::new(vec![TableRow::new(vec![box_cell]).cant_split()])
            .set_grid(vec![TEXT_W])
            .width(TEXT_W, WidthType::Dxa),
    )
}

fn sign_in(docx: Docx, s: &SignIn) -> Docx {
    let t = &s.table;
    let widths = column_widths(&t.headers, &t.rows, 16);
    let right = |i: usize| t.right.get(i).copied().unwrap_or(false);
    let head = header_row(t, &widths);
    let mut rows = vec![head];
    for row in &t.rows {
        rows.push(
            TableRow::new(
                widths
                    .iter()
                    .enumerate()
                    .map(|(i, w)| {
                        let text = row.get(i).map_or("", String::as_str);
                        cell(text, *w, TABLE_SIZE, false, false, right(i))
                    })
                    .collect(),
            )
            .row_height(SIGN_ROW_HEIGHT)
            .height_rule(HeightRule::AtLeast)
            .cant_split(),
        );
    }
    docx.add_paragraph(
        centered(&s.title, HEADING_FONT, 32, true)
            .page_break_before(true)
            .style("Heading1"),
    )
    .add_paragraph(centered(&s.subtitle, BODY_FONT, BODY_SIZE, false))
    .add_table(
        Table::new(rows)
            .set_grid(widths)
            .width(TEXT_W, WidthType::Dxa),
    )
}

fn footer(d: &Document) -> Footer {
    let [before, between, after] = d.page_of;
    let r = |t: &str| run(t, SMALL_SIZE);
    Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(r(before))
            .add_page_num(PageNum::new())
            .add_run(r(between))
            .add_num_pages(NumPages::new())
            .add_run(r(after)),
    )
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("heading 1")
            .outline_lvl(0)
            .fonts(fonts(HEADING_FONT))
            .size(28),
    )
    .add_style(
        Style::new("Heading2", StyleType::Paragraph)
            .name("heading 2")
            .outline_lvl(1)
            .fonts(fonts(TITLE_FONT))
            .size(BODY_SIZE)
            .bold(),
    )
}

fn heading(text: &str, style: &str, font: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(text).size(size).fonts(fonts(font)))
        .style(style)
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(240).after(120))
}

fn body(mut docx: Docx, text: &str) -> Docx {
    for line in text.split('\n') {
        docx = docx.add_paragraph(para(line).indent(Some(480), None, None, None));
    }
    docx
}

/// Build the Word document of `d`.
fn build(d: &Document) -> Docx {
    let mut docx = styles(
        Docx::new()
            .page_size(PAGE_W, PAGE_H)
            .page_margin(
                PageMargin::new()
                    .top(TOP)
                    .bottom(BOTTOM)
                    .left(LEFT)
                    .right(RIGHT)
                    .header(851)
                    .footer(992),
            )
            .default_fonts(fonts(BODY_FONT))
            .default_size(BODY_SIZE),
    )
    .footer(footer(d));
    if let Some((banner, errors)) = &d.banner {
        docx = docx
            .add_paragraph(Paragraph::new().add_run(run(banner, BODY_SIZE).bold().color("B00000")));
        for e in errors {
            docx = docx.add_paragraph(para(&format!("- {e}")));
        }
    }
    docx = docx
        .add_paragraph(centered(&d.branch, TITLE_FONT, 28, false))
        .add_paragraph(centered(&d.title, TITLE_FONT, 36, true).style("Title"));
    for b in &d.blocks {
        docx = match b {
            Block::Section { number, title } => {
                let sep = if number.ends_with('.') { " " } else { "" };
                docx.add_paragraph(heading(
                    &format!("{number}{sep}{title}"),
                    "Heading1",
                    HEADING_FONT,
                    28,
                ))
            }
            Block::Subsection(t) => {
                docx.add_paragraph(heading(t, "Heading2", TITLE_FONT, BODY_SIZE))
            }
            Block::Fields(f) => docx.add_table(fields_table(f, d.none, d.list_sep)),
            Block::Table(t) => docx.add_table(grid_table(t, "—")),
            Block::Text { label, body: text } => {
                let docx = if label.is_empty() {
                    docx
                } else {
                    docx.add_paragraph(
                        Paragraph::new()
                            .add_run(
                                run(&format!("{label}{}", d.colon.trim_end()), BODY_SIZE).bold(),
                            )
                            .keep_next(true),
                    )
                };
                body(docx, text)
            }
            Block::Note(n) => body(docx, n),
            Block::End(e) => docx.add_paragraph(
                centered(e, BODY_FONT, BODY_SIZE, false)
                    .line_spacing(LineSpacing::new().before(240).after(240)),
            ),
            Block::Signatures(sigs) => sigs.iter().fold(docx, |docx, s| {
                docx.add_paragraph(signature(&s.role, &s.name, &s.date_label, d.colon))
            }),
            Block::Archive(a) => archive(docx, a, d.colon),
        };
    }
    docx = docx.add_paragraph(para(""));
    for (l, v) in &d.footer {
        docx = docx.add_paragraph(
            Paragraph::new().add_run(run(&format!("{l}{}{v}", d.colon), SMALL_SIZE)),
        );
    }
    docx = docx.add_paragraph(Paragraph::new().add_run(run(&d.footer_note, SMALL_SIZE)));
    sign_in(docx, &d.sign_in)
}

/// The header flag on the rows marked as table headers, and the fallback names of the fonts.
fn finish(xml: &mut docx_rs::XMLDocx) -> Result<(), ExportError> {
    let doc = String::from_utf8(std::mem::take(&mut xml.document))
        .map_err(|e| ExportError::Package(e.to_string()))?;
    let mark = format!("<w:trHeight w:val=\"{HEADER_ROW_HEIGHT}\" w:hRule=\"atLeast\" />");
    xml.document = doc
        .replace(&mark, &format!("<w:tblHeader />{mark}"))
        .into_bytes();
    let fonts = String::from_utf8(std::mem::take(&mut xml.font_table))
        .map_err(|e| ExportError::Package(e.to_string()))?;
    let mut extra = String::new();
    for (name, alt) in FONT_TABLE {
        let _ = write!(
            extra,
            "<w:font w:name=\"{name}\"><w:altName w:val=\"{alt}\" /><w:charset w:val=\"86\" /><w:family w:val=\"auto\" /></w:font>"
        );
    }
    xml.font_table = match fonts.rfind("</w:fonts>") {
        Some(i) => format!("{}{extra}{}", &fonts[..i], &fonts[i..]),
        None => fonts,
    }
    .into_bytes();
    Ok(())
}

/// The package with every part compressed: docx-rs stores its parts uncompressed, which makes a
/// 500-member record ten times the size it needs to be.
fn deflate(stored: &[u8]) -> Result<Vec<u8>, ExportError> {
    use std::io::Cursor;
    let package = |e: &dyn std::fmt::Display| ExportError::Package(e.to_string());
    let mut src = zip::ZipArchive::new(Cursor::new(stored)).map_err(|e| package(&e))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..src.len() {
        let mut part = src.by_index(i).map_err(|e| package(&e))?;
        let name = part.name().map_err(|e| package(&e))?.into_owned();
        if part.is_dir() {
            out.add_directory(name, options).map_err(|e| package(&e))?;
            continue;
        }
        out.start_file(name, options).map_err(|e| package(&e))?;
        std::io::copy(&mut part, &mut out).map_err(|e| package(&e))?;
    }
    Ok(out.finish().map_err(|e| package(&e))?.into_inner())
}

/// The record as the bytes of a `.docx` file.
pub fn render(d: &Document) -> Result<Vec<u8>, ExportError> {
    let mut xml = build(d).build();
    finish(&mut xml)?;
    let mut out = std::io::Cursor::new(Vec::with_capacity(64 * 1024));
    xml.pack(&mut out)
        .map_err(|e| ExportError::Package(e.to_string()))?;
    deflate(&out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::{TABLE_SIZE, lay_out_list, width};

    #[test]
    fn a_list_is_broken_between_entries_and_each_line_fits() {
        let names: Vec<String> = (0..40)
            .map(|i| format!("吴淑珍{}", "一".repeat(i % 3)))
            .collect();
        let v = names.join("、");
        // 6000 twips: (6000 - 216) * 0.9 / 105 = 49 columns.
        let out = lay_out_list(&v, "、", 6000, TABLE_SIZE);
        let lines: Vec<&str> = out.split('\n').collect();
        assert!(lines.len() > 1);
        for l in &lines {
            assert!(width(l) <= 49, "{l} is {} wide", width(l));
        }
        // Nothing lost or split: the lines put together are the list.
        assert_eq!(lines.concat(), v);
        for l in &lines[..lines.len() - 1] {
            assert!(l.ends_with('、'), "{l}");
        }
        // A single value is left as it is.
        assert_eq!(lay_out_list("王建国", "、", 6000, TABLE_SIZE), "王建国");
    }
}
