//! The roster written back out, in the columns the importer reads, so an export imports again
//! unchanged: a workbook (`.xlsx`) or CSV as UTF-8 with a BOM (so Excel opens it).

use crate::domain::{Member, Roster};
use crate::i18n::Tr;

/// The header and the rows of the roster as a table of text, in the UI language.
pub fn table(roster: &Roster, tr: Tr) -> (Vec<String>, Vec<Vec<String>>) {
    let header = tr
        .roster_export_columns()
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let rows = roster.members.iter().map(|m| row(roster, m, tr)).collect();
    (header, rows)
}

fn row(roster: &Roster, m: &Member, tr: Tr) -> Vec<String> {
    let group = m
        .group
        .as_ref()
        .and_then(|g| roster.groups.iter().find(|x| &x.name == g));
    let mut duties: Vec<&str> = Vec::new();
    if let Some(r) = m.committee_role {
        duties.push(tr.committee_role(r));
    }
    if group.is_some_and(|g| g.leader.as_deref() == Some(m.id.as_str())) {
        duties.push(tr.roster_group_leader());
    } else if group.is_some_and(|g| g.deputy.as_deref() == Some(m.id.as_str())) {
        duties.push(tr.roster_group_deputy());
    }
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    vec![
        m.id.clone(),
        m.name.clone(),
        tr.standing(m.standing).to_owned(),
        m.group.clone().unwrap_or_default(),
        duties.join(tr.roster_duties_sep()),
        date(m.joined),
        date(m.confirmed),
        m.exclusion
            .as_ref()
            .map(|x| x.category.number().to_string())
            .unwrap_or_default(),
        m.exclusion
            .as_ref()
            .map(|x| x.approval_ref.clone())
            .unwrap_or_default(),
    ]
}

/// The roster as CSV: UTF-8 with a BOM, CRLF line ends, every cell quoted where needed.
pub fn csv_bytes(roster: &Roster, tr: Tr) -> Result<Vec<u8>, String> {
    let (header, rows) = table(roster, tr);
    crate::export::sheets::csv(&header, &rows)
}

/// The roster as a workbook of one sheet with a bold, frozen header row and a filter.
pub fn xlsx_bytes(roster: &Roster, tr: Tr) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let (header, rows) = table(roster, tr);
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(tr.roster_sheet_name()).map_err(err)?;
    let bold = Format::new().set_bold();
    for (c, h) in header.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, h, &bold)
            .map_err(err)?;
        let widest = rows
            .iter()
            .filter_map(|r| r.get(c))
            .chain(std::iter::once(h))
            .map(|s| unicode_width::UnicodeWidthStr::width(s.as_str()))
            .max()
            .unwrap_or(8);
        sheet
            .set_column_width(c as u16, (widest.clamp(6, 40) + 2) as f64)
            .map_err(err)?;
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, v) in cells.iter().enumerate() {
            sheet
                .write_string((r + 1) as u32, c as u16, v)
                .map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    if !rows.is_empty() {
        sheet
            .autofilter(0, 0, rows.len() as u32, (header.len() - 1) as u16)
            .map_err(err)?;
    }
    book.save_to_buffer().map_err(err)
}
