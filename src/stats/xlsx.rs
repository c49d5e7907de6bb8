//! `stats … --xlsx FILE`: the statistics as an Excel workbook (台账), one sheet per table —
//! meetings per month per kind, attendance per branch and per member, absence runs, items by
//! outcome, and the 三会一课落实情况 (branches × meetings × months) — with the header row frozen and repeated on print, and widths fitted to Chinese text.

use std::path::Path;

use rust_xlsxwriter::XlsxError;

use super::due::FulfilmentRow;
use super::{Report, Tally};
use crate::domain::{ItemStage, MeetingKind, Outcome};
pub use crate::export::sheets::{Cell, Sheet};
use crate::i18n::{PrintLabel as P, Tr};
use crate::sanitize;

fn text(s: &str) -> Cell {
    Cell::Text(sanitize::line(s).into_owned())
}

fn tally(t: &Tally) -> [Cell; 5] {
    [
        Cell::Count(t.expected),
        Cell::Count(t.attended),
        Cell::Count(t.excused),
        Cell::Count(t.absent),
        Cell::Rate(t.rate()),
    ]
}

fn heads(cols: &[&str]) -> Vec<String> {
    cols.iter().map(|c| (*c).to_owned()).collect()
}

/// The 三会一课落实情况 sheet: a line per branch and required meeting, a column per month with the
/// meetings held (✗ where the period passed without one, · where the month had none but its
/// period is not missed), and the number of periods missed.
pub fn fulfilment_sheet(rows: &[FulfilmentRow], tr: Tr) -> Sheet {
    let mut headers = vec![
        tr.stats_col_branch().to_owned(),
        tr.print_label(P::BranchCode).to_owned(),
        tr.due_columns()[0].to_owned(),
    ];
    if let Some(first) = rows.first() {
        headers.extend(first.held.iter().map(|(m, _)| m.to_string()));
    }
    headers.push(tr.print_label(P::MissingPeriods).to_owned());
    let rows = rows
        .iter()
        .map(|r| {
            let mut cells = vec![
                text(&r.branch.name),
                text(&r.branch.code),
                text(&tr.due_kind_short(r.kind, r.group.as_deref(), r.every)),
            ];
            cells.extend(r.held.iter().map(|(m, n)| {
                if *n > 0 {
                    Cell::Count(*n)
                } else if r.missing.contains(&r.every.period(*m)) {
                    Cell::Text("✗".to_owned())
                } else {
                    Cell::Text("·".to_owned())
                }
            }));
            cells.push(Cell::Count(r.missing.len()));
            cells
        })
        .collect();
    Sheet {
        name: tr.print_label(P::SheetFulfilment).to_owned(),
        headers,
        rows,
    }
}

/// The sheets of the workbook, in order, in the language of `tr`.
pub fn sheets(r: &Report, fulfilment: &[FulfilmentRow], tr: Tr) -> Vec<Sheet> {
    let mut months_head = vec![tr.stats_col_month().to_owned()];
    months_head.extend(
        MeetingKind::ALL
            .iter()
            .map(|k| tr.kind_short(*k).to_owned()),
    );
    months_head.push(tr.stats_col_public().to_owned());
    months_head.push(tr.stats_col_total().to_owned());
    let months = Sheet {
        name: tr.print_label(P::SheetMeetings).to_owned(),
        headers: months_head,
        rows: r
            .months
            .iter()
            .map(|m| {
                let mut row = vec![Cell::Text(m.month.to_string())];
                row.extend(m.per_kind.iter().map(|n| Cell::Count(*n)));
                row.push(Cell::Count(m.public_items));
                row.push(Cell::Count(m.total()));
                row
            })
            .collect(),
    };
    let attendance_cols = [
        tr.stats_col_expected(),
        tr.stats_col_attended(),
        tr.stats_col_excused(),
        tr.stats_col_absent(),
        tr.stats_col_rate(),
    ];
    let mut branch_head = heads(&[
        tr.stats_col_branch(),
        tr.stats_col_code(),
        tr.stats_col_meetings(),
    ]);
    branch_head.extend(attendance_cols.iter().map(|c| (*c).to_owned()));
    let branches = Sheet {
        name: tr.print_label(P::SheetAttendanceBranch).to_owned(),
        headers: branch_head,
        rows: r
            .branches
            .iter()
            .map(|b| {
                let mut row = vec![
                    text(&b.branch.name),
                    text(&b.branch.code),
                    Cell::Count(b.meetings),
                ];
                row.extend(tally(&b.tally));
                row
            })
            .collect(),
    };
    let mut member_head = heads(&[
        tr.stats_col_branch(),
        tr.stats_col_member(),
        tr.stats_col_member_id(),
    ]);
    member_head.extend(attendance_cols.iter().map(|c| (*c).to_owned()));
    let members = Sheet {
        name: tr.print_label(P::SheetAttendanceMember).to_owned(),
        headers: member_head,
        rows: r
            .members
            .iter()
            .map(|m| {
                let mut row = vec![text(&m.branch.name), text(&m.name), text(&m.member_id)];
                row.extend(tally(&m.tally));
                row
            })
            .collect(),
    };
    let absences = Sheet {
        name: tr.print_label(P::SheetAbsence).to_owned(),
        headers: heads(&[
            tr.stats_col_branch(),
            tr.stats_col_member(),
            tr.stats_col_member_id(),
            tr.stats_col_length(),
            tr.stats_col_level(),
            tr.stats_col_months_list(),
        ]),
        rows: r
            .absences
            .iter()
            .map(|a| {
                let months: Vec<String> = a.months.iter().map(ToString::to_string).collect();
                let ongoing = if a.ongoing { tr.stats_ongoing() } else { "" };
                vec![
                    text(&a.branch.name),
                    text(&a.name),
                    text(&a.member_id),
                    Cell::Count(a.months.len()),
                    Cell::Text(tr.stats_level(a.level).to_owned()),
                    Cell::Text(format!("{}{ongoing}", months.join(" "))),
                ]
            })
            .collect(),
    };
    let mut item_rows: Vec<Vec<Cell>> = Outcome::ALL
        .iter()
        .zip(r.items.by_outcome)
        .map(|(o, n)| vec![Cell::Text(tr.outcome(*o).to_owned()), Cell::Count(n)])
        .collect();
    item_rows.push(vec![
        Cell::Text(tr.stats_not_voted().to_owned()),
        Cell::Count(r.items.not_voted),
    ]);
    item_rows.push(vec![
        Cell::Text(tr.stats_items_total().to_owned()),
        Cell::Count(r.items.total),
    ]);
    item_rows.push(vec![
        Cell::Text(tr.stats_public_items().to_owned()),
        Cell::Count(r.items.public),
    ]);
    for (st, n) in ItemStage::ALL.iter().zip(r.items.public_by_stage) {
        if n > 0 {
            item_rows.push(vec![
                Cell::Text(format!("  {}", tr.item_stage(*st))),
                Cell::Count(n),
            ]);
        }
    }
    let items = Sheet {
        name: tr.print_label(P::SheetItems).to_owned(),
        headers: heads(&[tr.stats_col_outcome(), tr.stats_col_count()]),
        rows: item_rows,
    };
    vec![
        months,
        branches,
        members,
        absences,
        items,
        fulfilment_sheet(fulfilment, tr),
    ]
}

/// The workbook's bytes.
pub fn render(r: &Report, fulfilment: &[FulfilmentRow], tr: Tr) -> Result<Vec<u8>, XlsxError> {
    crate::export::sheets::workbook(&sheets(r, fulfilment, tr))
}

/// Write the workbook to `path` atomically; a one-line message naming the file when it fails.
pub fn write(r: &Report, fulfilment: &[FulfilmentRow], path: &Path, tr: Tr) -> Result<(), String> {
    let shown = sanitize::path(path);
    let bytes =
        render(r, fulfilment, tr).map_err(|e| tr.stats_xlsx_failed(&shown, &e.to_string()))?;
    crate::store::write_replace(path, &bytes).map_err(|e| tr.store_error(&e))
}
