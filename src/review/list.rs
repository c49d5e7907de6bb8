//! The list screen: one row per file, only the rows on screen are drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use super::app::App;
use super::doc::{error_style, review_style, status_style};
use super::model::{Column, ReviewState, Status, Summary};
use super::text::{clip, pad, pad_left, width};
use crate::domain::{MeetingKind, Outcome};
use crate::i18n::ReviewLabel as L;
use crate::i18n::Tr;

/// The list of files as drawn.
pub struct ListView<'a>(pub &'a App);

/// Widths of the columns shown, in display columns (0 = hidden).
#[derive(Debug, Clone, Copy)]
struct Widths {
    cols: [(Column, usize); 9],
}

impl Widths {
    fn get(&self, c: Column) -> usize {
        self.cols
            .iter()
            .find(|(k, _)| *k == c)
            .map_or(0, |(_, w)| *w)
    }
}

fn widths(tr: Tr, total: usize) -> Widths {
    let widest = |labels: &mut dyn Iterator<Item = &'static str>, header: Column| {
        labels
            .map(width)
            .max()
            .unwrap_or(0)
            .max(width(tr.column(header)))
    };
    let kind = widest(
        &mut MeetingKind::ALL.iter().map(|k| tr.kind_short(*k)),
        Column::Kind,
    );
    let status = widest(
        &mut Status::ALL.iter().map(|s| tr.status_label(*s)),
        Column::Status,
    );
    let review = widest(
        &mut ReviewState::ALL.iter().map(|s| tr.review_label(*s)),
        Column::Review,
    );
    let mut cols = [
        (Column::Date, 10),
        (Column::Branch, 0),
        (Column::Kind, kind),
        (Column::Theme, 0),
        (
            Column::Attendance,
            7.max(width(tr.column(Column::Attendance))),
        ),
        (Column::Rate, 4.max(width(tr.column(Column::Rate)))),
        (Column::Items, 10),
        (Column::Status, status),
        (Column::Review, review),
    ];
    // Narrow screens drop the least needed columns first.
    let drop_order = [
        Column::Rate,
        Column::Items,
        Column::Review,
        Column::Kind,
        Column::Attendance,
    ];
    let fixed = |cols: &[(Column, usize); 9]| {
        cols.iter()
            .filter(|(_, w)| *w > 0)
            .map(|(_, w)| w + 1)
            .sum::<usize>()
            + 1
    };
    for c in drop_order {
        if total >= fixed(&cols) + 24 {
            break;
        }
        if let Some(slot) = cols.iter_mut().find(|(k, _)| *k == c) {
            slot.1 = 0;
        }
    }
    let rest = total.saturating_sub(fixed(&cols) + 1);
    let branch = (rest / 3).max(1);
    cols[1].1 = branch;
    cols[3].1 = rest.saturating_sub(branch).max(1);
    Widths { cols }
}

fn items_text(tr: Tr, r: &Summary) -> String {
    let t = &r.items;
    let mut s = t.total.to_string();
    for (n, o) in [
        (t.passed, Outcome::Passed),
        (t.failed, Outcome::Failed),
        (t.no_quorum, Outcome::NoQuorum),
        (t.deferred, Outcome::Deferred),
    ] {
        if n > 0 {
            s.push(' ');
            s.push_str(tr.outcome_short(o));
            s.push_str(&n.to_string());
        }
    }
    s
}

fn rate_text(r: &Summary) -> String {
    r.rate_permille()
        .map(|p| format!("{}%", (p + 5) / 10))
        .unwrap_or_default()
}

impl Widget for ListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.0;
        let tr = app.tr;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let w = widths(tr, usize::from(area.width));
        let (sort, desc) = app.model.sort();
        // Header.
        let header_style = Style::new().add_modifier(Modifier::BOLD).fg(Color::Cyan);
        let mut x = area.x + 1;
        for (col, cw) in w.cols {
            if cw == 0 {
                continue;
            }
            // The sorted column's arrow always shows, at the cost of the header's last column.
            // Sorted by branch code, the branch column carries that header and the arrow.
            let sorted_here = col == sort || (col == Column::Branch && sort == Column::BranchCode);
            let label = if sorted_here {
                let header = tr.column(sort);
                let room = if width(header) < cw {
                    cw - 1
                } else {
                    cw.saturating_sub(2)
                };
                format!("{}{}", clip(header, room), if desc { '▼' } else { '▲' })
            } else {
                tr.column(col).to_owned()
            };
            buf.set_stringn(x, area.y, pad(&label, cw), cw, header_style);
            x += u16::try_from(cw + 1).unwrap_or(u16::MAX);
        }
        let rows_area = Rect {
            y: area.y + 1,
            height: area.height - 1,
            ..area
        };
        let view = app.model.view();
        if view.is_empty() {
            let text = if app.model.is_empty() && !app.loading() {
                tr.l(L::NoFiles).to_owned()
            } else if app.model.is_empty() {
                String::new()
            } else {
                tr.review_no_match(&crate::tui::keymap::key_in(
                    super::keys::LIST,
                    super::keys::Action::ClearFilters,
                ))
            };
            buf.set_stringn(
                rows_area.x + 1,
                rows_area.y + rows_area.height / 2,
                text,
                usize::from(rows_area.width.saturating_sub(2)),
                Style::new().fg(Color::Gray),
            );
            return;
        }
        let offset = app.offset();
        for (i, &row) in view
            .iter()
            .skip(offset)
            .take(usize::from(rows_area.height))
            .enumerate()
        {
            let y = rows_area.y + u16::try_from(i).unwrap_or(u16::MAX);
            let selected = offset + i == app.cursor();
            let line = Rect {
                y,
                height: 1,
                ..rows_area
            };
            if selected {
                buf.set_style(line, Style::new().bg(Color::Blue).fg(Color::White));
                buf.set_string(line.x, y, "▶", Style::new());
            }
            draw_row(buf, line, &w, app, row);
        }
    }
}

fn draw_row(buf: &mut Buffer, line: Rect, w: &Widths, app: &App, row: usize) {
    let tr = app.tr;
    let r = app.model.row(row);
    let status = app.model.status(row);
    let mut x = line.x + 1;
    let mut put = |buf: &mut Buffer, col: Column, text: &str, style: Style, right: bool| {
        let cw = w.get(col);
        if cw == 0 {
            return;
        }
        let s = if right {
            pad_left(text, cw)
        } else {
            pad(text, cw)
        };
        buf.set_stringn(x, line.y, s, cw, style);
        x += u16::try_from(cw + 1).unwrap_or(u16::MAX);
    };
    let plain = Style::new();
    let date = r
        .started_at
        .map_or_else(|| "—".to_owned(), |t| t.format("%Y-%m-%d").to_string());
    put(buf, Column::Date, &date, plain, false);
    if let Some(err) = &r.error {
        // The file's name and its error take every column up to the status.
        let span = [
            Column::Branch,
            Column::Kind,
            Column::Theme,
            Column::Attendance,
            Column::Rate,
            Column::Items,
        ]
        .iter()
        .map(|c| w.get(*c))
        .filter(|w| *w > 0)
        .map(|w| w + 1)
        .sum::<usize>()
        .saturating_sub(1);
        let msg = format!("{}  {}", r.name, tr.row_error(err));
        buf.set_stringn(x, line.y, pad(&msg, span), span, error_style());
        x += u16::try_from(span + 1).unwrap_or(u16::MAX);
        for (col, text, style) in [
            (
                Column::Status,
                tr.status_label(status),
                status_style(status),
            ),
            (Column::Review, "", plain),
        ] {
            let cw = w.get(col);
            if cw > 0 {
                buf.set_stringn(x, line.y, pad(text, cw), cw, style);
                x += u16::try_from(cw + 1).unwrap_or(u16::MAX);
            }
        }
        return;
    }
    let branch = short_branch(&r.branch, w.get(Column::Branch));
    put(buf, Column::Branch, &branch, plain, false);
    put(
        buf,
        Column::Kind,
        r.kind.map_or("", |k| tr.kind_short(k)),
        plain,
        false,
    );
    // One meeting found in several files is one row; the theme says how many files hold it.
    let theme = if r.copies.is_empty() {
        r.theme.to_string()
    } else {
        format!("{} ×{}", r.theme, r.copies.len() + 1)
    };
    put(buf, Column::Theme, &theme, plain, false);
    put(
        buf,
        Column::Attendance,
        &format!("{}/{}", r.present, r.expected),
        plain,
        true,
    );
    put(buf, Column::Rate, &rate_text(r), plain, true);
    put(buf, Column::Items, &items_text(tr, r), plain, false);
    put(
        buf,
        Column::Status,
        tr.status_label(status),
        status_style(status),
        false,
    );
    put(
        buf,
        Column::Review,
        tr.review_label(r.review),
        review_style(r.review),
        false,
    );
}

/// A branch's name in `width` columns. Branches of one town share its prefix and every name ends
/// in 党支部, so a long name loses that ending first and is then cut from the left
/// ("高桥镇柳河村党支部" → "…柳河村").
fn short_branch(name: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthStr;
    if name.width() <= width {
        return name.to_owned();
    }
    let core = crate::i18n::branch_suffixes()
        .iter()
        .find_map(|s| name.strip_suffix(s))
        .filter(|c| !c.is_empty())
        .unwrap_or(name);
    crate::tui::widgets::fit_tail(core, width)
}

#[cfg(test)]
mod short_tests {
    #[test]
    fn a_long_branch_name_keeps_what_tells_it_apart() {
        assert_eq!(super::short_branch("高桥镇柳河村党支部", 11), "…桥镇柳河村");
        assert_eq!(super::short_branch("高桥镇柳河村党支部", 7), "…柳河村");
        assert_eq!(super::short_branch("东风党支部", 11), "东风党支部");
    }
}
