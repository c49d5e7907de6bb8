//! Drawing the whole screen from the state: bars, the list or the detail, and the dialogs. Pure:
//! rendering reads the state and never changes it.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::app::{
    App, Areas, ExportForm, Modal, RemarkField, RemarkForm, Screen, areas, extension,
};
use super::keys::{self, Action, PromptKey};
use super::list::ListView;
use super::model::Filter;
use super::text::{clip, width};
use crate::cli::ExportFormat;
use crate::i18n::ReviewLabel as L;
use crate::i18n::Tr;
use crate::tui::keymap::{Binding, Show, key_label};

/// Draw a frame and place the terminal's cursor in the text field being edited.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    frame.render_widget(app, area);
    if let Some(p) = cursor_position(app, area) {
        frame.set_cursor_position(p);
    }
}

fn bar_style() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let a = areas(area);
        title_bar(self, a.title, buf);
        match &self.modal {
            Some(Modal::Search { edit, .. }) => {
                prompt_row(
                    self.tr,
                    self.tr.l(L::SearchPrompt),
                    a.status,
                    buf,
                    |r, b| {
                        edit.render(r, b, Style::new().add_modifier(Modifier::UNDERLINED));
                    },
                );
            }
            Some(Modal::Month { edit, .. }) => {
                prompt_row(self.tr, self.tr.l(L::MonthPrompt), a.status, buf, |r, b| {
                    edit.render(r, b, Style::new().add_modifier(Modifier::UNDERLINED));
                });
            }
            _ => status_bar(self, a.status, buf),
        }
        match &self.screen {
            Screen::List => ListView(self).render(a.body, buf),
            Screen::Detail(d) => d.as_ref().render(a.body, buf),
        }
        message_bar(self, a.message, buf);
        footer(self, a.footer, buf);
        match &self.modal {
            Some(Modal::Help { scroll }) => help(self, *scroll, a, buf),
            Some(Modal::Remark(form)) => remark_form(self.tr, form, self, area, buf),
            Some(Modal::Export(form)) => export_form(self.tr, form, self, area, buf),
            _ => {}
        }
    }
}

fn title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let tr = app.tr;
    buf.set_style(area, bar_style());
    let right = if app.loading() {
        tr.loading(app.loaded, app.total)
    } else {
        tr.files_total(app.total)
    };
    let rw = width(&right);
    let left = format!(" branchday · {} · {}", tr.l(L::AppTitle), app.source);
    let room = usize::from(area.width).saturating_sub(rw + 2);
    buf.set_stringn(area.x, area.y, clip(&left, room), room, bar_style());
    let x = area.x
        + area
            .width
            .saturating_sub(u16::try_from(rw + 1).unwrap_or(0));
    buf.set_stringn(x, area.y, &right, rw, bar_style());
}

/// The filters and the order in one line.
pub fn filter_summary(tr: Tr, f: &Filter) -> String {
    let all = tr.l(L::All);
    let colon = tr.l(L::Colon);
    let mut parts = Vec::new();
    if !f.text.is_empty() {
        parts.push(format!("{}{colon}“{}”", tr.l(L::Search), f.text));
    }
    parts.push(format!(
        "{}{colon}{}",
        tr.l(L::Kind),
        f.kind.map_or(all, |k| tr.kind_short(k))
    ));
    let month = f.month.map(|(y, m)| format!("{y}-{m:02}"));
    parts.push(format!(
        "{}{colon}{}",
        tr.l(L::Month),
        month.as_deref().unwrap_or(all)
    ));
    parts.push(format!(
        "{}{colon}{}",
        tr.l(L::Status),
        f.status.map_or(all, |s| tr.status_label(s))
    ));
    parts.push(format!(
        "{}{colon}{}",
        tr.l(L::Review),
        f.review.map_or(all, |s| tr.review_filter_label(s))
    ));
    parts.join(" · ")
}

fn status_bar(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let tr = app.tr;
    let (col, desc) = app.model.sort();
    let text = match &app.screen {
        Screen::List => format!(
            " {}  │ {}{}{}{}  │ {}",
            filter_summary(tr, app.model.filter()),
            tr.l(L::Sort),
            tr.l(L::Colon),
            tr.column(col),
            if desc { '▼' } else { '▲' },
            tr.shown(app.model.view().len(), app.model.len()),
        ),
        Screen::Detail(d) => {
            let pos = app
                .model
                .view()
                .iter()
                .position(|&r| r == d.row)
                .map(|p| format!("{}/{}  ", p + 1, app.model.view().len()))
                .unwrap_or_default();
            format!(" {pos}{}", app.model.row(d.row).name)
        }
    };
    buf.set_stringn(
        area.x,
        area.y,
        &text,
        usize::from(area.width),
        Style::new().fg(Color::Gray),
    );
}

fn prompt_text(tr: Tr, label: &str) -> String {
    format!(" {label}{} ", tr.l(L::Colon).trim_end())
}

fn prompt_row(
    tr: Tr,
    label: &str,
    area: Rect,
    buf: &mut Buffer,
    field: impl FnOnce(Rect, &mut Buffer),
) {
    if area.height == 0 {
        return;
    }
    let text = prompt_text(tr, label);
    let lw = u16::try_from(width(&text))
        .unwrap_or(u16::MAX)
        .min(area.width / 2);
    buf.set_stringn(
        area.x,
        area.y,
        &text,
        usize::from(lw),
        Style::new().fg(Color::Yellow),
    );
    let rect = Rect {
        x: area.x + lw,
        width: area.width.saturating_sub(lw + 1),
        ..area
    };
    field(rect, buf);
}

fn prompt_field(tr: Tr, area: Rect, label: &str) -> Rect {
    let lw = u16::try_from(width(&prompt_text(tr, label)))
        .unwrap_or(u16::MAX)
        .min(area.width / 2);
    Rect {
        x: area.x + lw,
        width: area.width.saturating_sub(lw + 1),
        ..area
    }
}

fn message_bar(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let (text, style) = match (&app.modal, &app.message) {
        (Some(Modal::Month { error: true, .. }), _) => (
            app.tr.l(L::MonthInvalid).to_owned(),
            Style::new().fg(Color::Red),
        ),
        (_, Some(m)) if m.error => (m.text.clone(), Style::new().fg(Color::Red)),
        (_, Some(m)) => (m.text.clone(), Style::new().fg(Color::Green)),
        _ => return,
    };
    buf.set_stringn(
        area.x + 1,
        area.y,
        &text,
        usize::from(area.width.saturating_sub(1)),
        style,
    );
}

/// Key hints that fit in `room` columns, in table order. Help, back and quit are always kept; the
/// others are dropped from the end when the line is too narrow.
fn hints(
    items: impl Iterator<Item = (String, &'static str, bool)>,
    room: usize,
) -> Vec<Span<'static>> {
    let key_style = Style::new().fg(Color::Black).bg(Color::Gray);
    let items: Vec<_> = items.collect();
    let cost = |key: &str, desc: &str| width(key) + width(desc) + 4;
    let mut left = room.saturating_sub(
        items
            .iter()
            .filter(|i| i.2)
            .map(|i| cost(&i.0, i.1))
            .sum::<usize>(),
    );
    let mut spans = Vec::new();
    for (key, desc, essential) in items {
        if !essential {
            if cost(&key, desc) > left {
                left = 0;
                continue;
            }
            left -= cost(&key, desc);
        }
        spans.push(Span::styled(format!(" {key} "), key_style));
        spans.push(Span::raw(format!(" {desc} ")));
    }
    spans
}

fn table_hints(
    tr: Tr,
    table: &'static [Binding<Action>],
) -> impl Iterator<Item = (String, &'static str, bool)> {
    table
        .iter()
        .filter(|b| b.show == Show::Footer)
        .map(move |b| {
            let essential = matches!(b.action, Action::Help | Action::Back | Action::Quit);
            (key_label(b), tr.review_action(b.action), essential)
        })
}

fn prompt_hints(
    tr: Tr,
    table: &'static [Binding<PromptKey>],
) -> impl Iterator<Item = (String, &'static str, bool)> {
    table
        .iter()
        .filter(|b| b.show == Show::Footer)
        .map(move |b| (key_label(b), tr.prompt_key(b.action), true))
}

fn footer(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let tr = app.tr;
    let room = usize::from(area.width);
    let spans = match (&app.modal, &app.screen) {
        (Some(Modal::Help { .. }), _) => hints(table_hints(tr, keys::HELP), room),
        (Some(Modal::Search { .. } | Modal::Month { .. }), _) => {
            hints(prompt_hints(tr, keys::PROMPT), room)
        }
        (Some(Modal::Remark(_)), _) => hints(prompt_hints(tr, keys::FORM), room),
        (Some(Modal::Export(_)), _) => hints(prompt_hints(tr, keys::EXPORT), room),
        (None, Screen::List) => hints(table_hints(tr, keys::LIST), room),
        (None, Screen::Detail(_)) => hints(table_hints(tr, keys::DETAIL), room),
    };
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// Blank `rect` for a dialog. A wide character just left of it would spill into its border on a
/// real terminal, so it is blanked too.
fn clear(rect: Rect, buf: &mut Buffer) {
    Clear.render(rect, buf);
    if rect.x > buf.area.x {
        for y in rect.top()..rect.bottom() {
            let cell = &mut buf[(rect.x - 1, y)];
            if width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

/// A box of `w` by `h` in the middle of `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// The help's rows for the screen under it: every key of its table that is listed.
pub fn help_rows(tr: Tr, screen: &Screen) -> Vec<(String, &'static str)> {
    let table = match screen {
        Screen::List => keys::LIST,
        Screen::Detail(_) => keys::DETAIL,
    };
    table
        .iter()
        .filter(|b| b.show != Show::Hidden)
        .map(|b| (key_label(b), tr.review_action(b.action)))
        .collect()
}

/// The area the help overlay is drawn in, on a terminal of `size`.
pub fn help_area(size: Rect) -> Rect {
    areas(size).body
}

fn help(app: &App, scroll: usize, a: Areas, buf: &mut Buffer) {
    // The program's one help overlay, over the browser's own table.
    let rows = help_rows(app.tr, &app.screen);
    crate::tui::footer::render_overlay(app.tr.l(L::HelpTitle), &rows, None, scroll, a.body, buf);
}

/// Where the remark form and its two fields are.
fn remark_layout(tr: Tr, area: Rect) -> (Rect, Rect, Rect) {
    let a = areas(area);
    let rect = centered(
        a.body,
        76.min(area.width.saturating_sub(2)),
        6 + COMMENT_ROWS,
    );
    let inner = Block::default().borders(Borders::ALL).inner(rect);
    let label_w = [L::Reviewer, L::Comment]
        .iter()
        .map(|l| width(tr.l(*l)) + width(tr.l(L::Colon)))
        .max()
        .unwrap_or(0);
    let lw = u16::try_from(label_w + 1)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    let field = |dy: u16, height: u16| Rect {
        x: inner.x + lw,
        y: inner.y + dy,
        width: inner.width.saturating_sub(lw + 1),
        height: height.min(inner.height.saturating_sub(dy)),
    };
    (rect, field(2, 1), field(3, COMMENT_ROWS))
}

/// Lines of the remark form's comment box (a longer comment scrolls).
const COMMENT_ROWS: u16 = 5;

fn remark_form(tr: Tr, form: &RemarkForm, app: &App, area: Rect, buf: &mut Buffer) {
    let (rect, reviewer, comment) = remark_layout(tr, area);
    clear(rect, buf);
    let style = match form.verdict {
        super::remarks::Verdict::Approved => Style::new().fg(Color::Green),
        super::remarks::Verdict::Returned => Style::new().fg(Color::Magenta),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(
            format!(
                " {} ",
                if form.batch {
                    tr.batch_title(form.targets.len())
                } else {
                    tr.remark_title(form.verdict).to_owned()
                }
            ),
            style.add_modifier(Modifier::BOLD),
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 5 {
        return;
    }
    let what = match form.targets.first() {
        Some((row, _)) if !form.batch => format!(
            "{}{}{}",
            tr.l(L::File),
            tr.l(L::Colon),
            app.model.row(*row).name
        ),
        _ => tr.batch_scope(form.targets.len(), form.skipped),
    };
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        what,
        usize::from(inner.width.saturating_sub(2)),
        Style::new().fg(Color::Gray),
    );
    let field_style = Style::new().bg(Color::DarkGray).fg(Color::White);
    for (label, rect, focus) in [
        (L::Reviewer, reviewer, RemarkField::Reviewer),
        (L::Comment, comment, RemarkField::Comment),
    ] {
        let style = if form.focus == focus {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        buf.set_string(
            inner.x + 1,
            rect.y,
            format!("{}{}", tr.l(label), tr.l(L::Colon)),
            style,
        );
    }
    form.reviewer.render(reviewer, buf, field_style);
    form.comment.render(comment, buf, field_style);
    if let Some(e) = &form.error {
        buf.set_stringn(
            inner.x + 1,
            comment.bottom() + 1,
            e,
            usize::from(inner.width.saturating_sub(2)),
            Style::new().fg(Color::Red),
        );
    }
}

/// Where the export dialog and its path field are.
fn export_layout(tr: Tr, area: Rect) -> (Rect, Rect) {
    let a = areas(area);
    let rect = centered(a.body, 90.min(area.width.saturating_sub(2)), 7);
    let inner = Block::default().borders(Borders::ALL).inner(rect);
    let label_w = [L::Format, L::Path]
        .iter()
        .map(|l| width(tr.l(*l)) + width(tr.l(L::Colon)))
        .max()
        .unwrap_or(0);
    let lw = u16::try_from(label_w + 1)
        .unwrap_or(u16::MAX)
        .min(inner.width / 2);
    let field = Rect {
        x: inner.x + lw,
        y: inner.y + 3,
        width: inner.width.saturating_sub(lw + 1),
        height: 1,
    };
    (rect, field)
}

fn export_form(tr: Tr, form: &ExportForm, app: &App, area: Rect, buf: &mut Buffer) {
    let (rect, field) = export_layout(tr, area);
    clear(rect, buf);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Cyan))
        .title(Span::styled(
            format!(" {} ", tr.l(L::ExportTitle)),
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        ));
    let inner = block.inner(rect);
    block.render(rect, buf);
    if inner.height < 5 {
        return;
    }
    let room = usize::from(inner.width.saturating_sub(2));
    let name = &app.model.row(form.row).name;
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        format!("{}{}{name}", tr.l(L::File), tr.l(L::Colon)),
        room,
        Style::new().fg(Color::Gray),
    );
    let mut spans = vec![Span::raw(format!("{}{}", tr.l(L::Format), tr.l(L::Colon)))];
    for f in ExportFormat::ALL {
        let style = if f == form.format {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        } else {
            Style::new().fg(Color::Gray)
        };
        spans.push(Span::styled(format!(" {} ", extension(f)), style));
        spans.push(Span::raw(" "));
    }
    buf.set_line(
        inner.x + 1,
        inner.y + 2,
        &Line::from(spans),
        inner.width.saturating_sub(2),
    );
    buf.set_string(
        inner.x + 1,
        field.y,
        format!("{}{}", tr.l(L::Path), tr.l(L::Colon)),
        Style::new().add_modifier(Modifier::BOLD),
    );
    form.path.render(
        field,
        buf,
        Style::new().bg(Color::DarkGray).fg(Color::White),
    );
    if let Some(e) = &form.error {
        buf.set_stringn(
            inner.x + 1,
            inner.y + 4,
            e,
            room,
            Style::new().fg(Color::Red),
        );
    }
}

/// Where the terminal's cursor goes: in the field being edited, if any.
pub fn cursor_position(app: &App, area: Rect) -> Option<Position> {
    let a = areas(area);
    match &app.modal {
        Some(Modal::Search { edit, .. }) => {
            let r = prompt_field(app.tr, a.status, app.tr.l(L::SearchPrompt));
            Some(Position::new(r.x + edit.cursor_offset(r.width), r.y))
        }
        Some(Modal::Month { edit, .. }) => {
            let r = prompt_field(app.tr, a.status, app.tr.l(L::MonthPrompt));
            Some(Position::new(r.x + edit.cursor_offset(r.width), r.y))
        }
        Some(Modal::Remark(form)) => {
            let (_, r, comment) = remark_layout(app.tr, area);
            match form.focus {
                RemarkField::Reviewer => Some(Position::new(
                    r.x + form.reviewer.cursor_offset(r.width),
                    r.y,
                )),
                RemarkField::Comment => form.comment.cursor(comment),
            }
        }
        Some(Modal::Export(form)) => {
            let (_, r) = export_layout(app.tr, area);
            Some(Position::new(r.x + form.path.cursor_offset(r.width), r.y))
        }
        _ => None,
    }
}
