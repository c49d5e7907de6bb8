//! Check-in: type to find a member (name or pinyin initials), one key per status, undo, guests.
//! Undo is an event (`Event::MarkUndone`), so it survives a resume.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Row, Table, Widget};

use crate::domain::{AttendanceStatus, Meeting, Standing};
use crate::i18n::Tr;
use crate::sanitize;
use crate::tui::search::{self, NameKey};
use crate::tui::widgets::line_input::LineInput;
use crate::tui::widgets::widest;

/// The check-in panel's own state (the marks themselves live in the meeting).
#[derive(Debug, Clone)]
pub struct CheckIn {
    pub filter: LineInput,
    /// Roster indices of the body's members, in roster order.
    rows: Vec<usize>,
    keys: Vec<NameKey>,
    /// Positions in `rows` matching the filter, best first.
    visible: Vec<usize>,
    pub selected: usize,
}

impl CheckIn {
    #[must_use]
    pub fn new(meeting: &Meeting) -> CheckIn {
        let rows: Vec<usize> = meeting.body().map(|(i, _)| i).collect();
        let keys = rows
            .iter()
            .map(|&i| NameKey::new(&meeting.members()[i].name))
            .collect();
        let mut c = CheckIn {
            filter: LineInput::default(),
            visible: (0..rows.len()).collect(),
            rows,
            keys,
            selected: 0,
        };
        c.refilter();
        c
    }

    pub fn refilter(&mut self) {
        self.visible = search::filter(&self.keys, self.filter.text());
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
        if !self.filter.is_empty() {
            self.selected = 0;
        }
    }

    /// The roster index of the highlighted member.
    #[must_use]
    pub fn current(&self) -> Option<usize> {
        self.visible.get(self.selected).map(|&r| self.rows[r])
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        if self.selected + 1 < self.visible.len() {
            self.selected += 1;
        }
    }

    /// After marking `member_id`: a search is cleared for the next name, and the cursor goes to the
    /// next member not yet marked after them in the list (wrapping), else stays on them.
    pub fn after_mark(&mut self, meeting: &Meeting, member_id: &str) {
        let Some(pos) = self
            .rows
            .iter()
            .position(|&i| meeting.members()[i].id == member_id)
        else {
            return;
        };
        if !self.filter.is_empty() {
            self.filter.clear();
            self.refilter();
        }
        let n = self.rows.len();
        let next = (1..n)
            .map(|k| (pos + k) % n)
            .find(|&r| meeting.mark_of(self.rows[r]).is_none())
            .unwrap_or(pos);
        if let Some(v) = self.visible.iter().position(|&r| r == next) {
            self.selected = v;
        }
    }

    #[must_use]
    pub fn visible_len(&self) -> usize {
        self.visible.len()
    }

    pub fn render(&self, meeting: &Meeting, tr: Tr, area: Rect, buf: &mut Buffer) {
        let [search_area, table_area, guests_area] = Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(3),
            Constraint::Length(if meeting.guests.is_empty() { 0 } else { 3 }),
        ])
        .areas(area);
        let hint = tr.checkin_type_name_or_pinyin();
        let shown = if self.filter.is_empty() {
            Span::styled(hint, Style::new().fg(Color::DarkGray))
        } else {
            Span::raw(self.filter.text().to_owned())
        };
        Paragraph::new(Line::from(vec![Span::raw("🔍 "), shown]))
            .block(Block::bordered().title(format!(
                " {} ({}/{}) ",
                tr.checkin_check_in(),
                self.visible.len(),
                self.rows.len()
            )))
            .render(search_area, buf);

        let height = usize::from(table_area.height.saturating_sub(3)).max(1);
        // Below 72 columns the 党小组 column gives way and reason and note share one column.
        let narrow = table_area.width < 72;
        let start = self.selected.saturating_sub(height - 1);
        let rows = self
            .visible
            .iter()
            .skip(start)
            .take(height)
            .enumerate()
            .map(|(n, &r)| {
                let i = self.rows[r];
                let m = &meeting.members()[i];
                let mark = meeting.marks[i].as_ref();
                let (status, color) = match mark.map(|(mk, _)| mk.status) {
                    Some(s) => (
                        tr.status(s).to_owned(),
                        match s {
                            AttendanceStatus::Present => Color::Green,
                            AttendanceStatus::Late => Color::Yellow,
                            AttendanceStatus::Excused => Color::Cyan,
                            AttendanceStatus::Absent => Color::Red,
                        },
                    ),
                    None => (tr.checkin_not_yet().to_owned(), Color::DarkGray),
                };
                let reason = mark
                    .map(|(mk, _)| {
                        let base = mk
                            .reason
                            .map(|r| tr.excuse(r).to_owned())
                            .unwrap_or_default();
                        let extra = sanitize::line(&mk.reason_text).into_owned();
                        let left = mk.left.as_ref().map_or(String::new(), |d| {
                            format!(
                                "{} {}",
                                tr.left_badge(&d.at.format("%H:%M").to_string()),
                                sanitize::line(&d.reason)
                            )
                        });
                        [left, base, extra]
                            .iter()
                            .filter(|s| !s.is_empty())
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default();
                let time = mark
                    .map(|(_, t)| t.format("%H:%M").to_string())
                    .unwrap_or_default();
                let mut note = String::new();
                if !m.counted() {
                    note.push_str(tr.checkin_not_counted());
                }
                if let Some(role) = m.committee_role {
                    if !note.is_empty() {
                        note.push(' ');
                    }
                    note.push_str(tr.committee_role(role));
                }
                let standing_style = if m.standing == Standing::Full {
                    Style::new()
                } else {
                    Style::new().fg(Color::Magenta)
                };
                let mut cells = vec![
                    Span::raw(sanitize::line(&m.name).into_owned()),
                    Span::styled(tr.standing(m.standing), standing_style),
                ];
                if !narrow {
                    cells.push(Span::raw(
                        sanitize::line(m.group.as_deref().unwrap_or("")).into_owned(),
                    ));
                }
                cells.extend([
                    Span::styled(status, Style::new().fg(color)),
                    Span::raw(time),
                ]);
                if narrow {
                    // One column for the reason and the note, so neither is squeezed to a letter.
                    let both = [reason, note]
                        .into_iter()
                        .filter(|s| !s.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ");
                    cells.push(Span::raw(both));
                } else {
                    cells.push(Span::raw(reason));
                    cells.push(Span::styled(note, Style::new().fg(Color::DarkGray)));
                }
                let row = Row::new(cells);
                if start + n == self.selected {
                    row.style(Style::new().bg(Color::Blue).fg(Color::White))
                } else {
                    row
                }
            });
        let mut header = vec![tr.name_label(), tr.standing_label()];
        if !narrow {
            header.push(tr.group_label());
        }
        header.extend([tr.checkin_status(), tr.time_label(), tr.reason_label()]);
        if !narrow {
            header.push(tr.checkin_note());
        }
        let header = Row::new(header).style(Style::new().fg(Color::Yellow));
        let standing_w = widest(Standing::ALL.iter().map(|s| tr.standing(*s)));
        let status_w = widest(
            AttendanceStatus::ALL
                .iter()
                .map(|s| tr.status(*s))
                .chain([tr.checkin_not_yet()]),
        );
        let mut widths = vec![Constraint::Length(10), Constraint::Length(standing_w)];
        if !narrow {
            widths.push(Constraint::Length(10));
        }
        widths.extend([Constraint::Length(status_w), Constraint::Length(5)]);
        if narrow {
            widths.push(Constraint::Fill(1));
        } else {
            // The reason carries a leave time and words; the note a role.
            widths.extend([Constraint::Fill(3), Constraint::Fill(1)]);
        }
        Table::new(rows, widths)
            .header(header)
            .block(Block::bordered())
            .render(table_area, buf);

        if !meeting.guests.is_empty() {
            let list = meeting
                .guests
                .iter()
                .map(|g| {
                    format!(
                        "{}（{}）",
                        sanitize::line(&g.name),
                        sanitize::line(&g.identity)
                    )
                })
                .collect::<Vec<_>>()
                .join("、");
            Paragraph::new(list)
                .block(Block::bordered().title(format!(" {} ", tr.checkin_guests())))
                .render(guests_area, buf);
        }
    }
}
