//! Drawing the meeting screen: header, agenda sidebar, main panel, footer, dialogs.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::study::mmss;
use super::{Modal, Model, View};
use crate::domain::meeting::seconds_between;
use crate::domain::rules::VoteBody;
use crate::domain::{Meeting, Timestamp};
use crate::sanitize;
use crate::session::Session;
use crate::tui::footer;

impl Model {
    /// Draw the whole screen; returns where the terminal cursor belongs (text input), if anywhere.
    pub(super) fn render_screen(
        &self,
        session: &Session,
        area: Rect,
        buf: &mut Buffer,
        now: Timestamp,
    ) -> Option<Position> {
        let m = &session.meeting;
        let [header, body, foot] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(5),
            Constraint::Length(2),
        ])
        .areas(area);
        self.render_header(m, header, buf, now);
        // The agenda gives way on a narrow terminal: its titles and clocks fit in 20 columns.
        let side_w = if area.width < 100 { 20 } else { 26 };
        let [side, main] =
            Layout::horizontal([Constraint::Length(side_w), Constraint::Min(20)]).areas(body);
        self.render_agenda(m, side, buf, now);
        match self.view {
            View::CheckIn => self.checkin.render(m, self.tr(), main, buf),
            View::Study => self.render_study(m, main, buf, now),
            View::Activity => self.render_activity(m, main, buf),
            View::Items => self.render_items(m, main, buf),
            View::WrapUp => self.render_wrapup(m, main, buf, now),
        }
        self.render_footer(session, foot, buf);
        match &self.modal {
            Some(Modal::Form(form, _)) => {
                form.as_ref().render(area, buf);
                return form.cursor(area);
            }
            Some(Modal::Message(title, lines)) => render_message(title, lines, area, buf),
            None => {}
        }
        if let Some(ed) = &self.editor {
            return ed.cursor(self.editor_area(main));
        }
        if self.view == View::CheckIn {
            // The search line: after "🔍 " inside the border.
            let x = main.x + 1 + 3 + self.checkin.filter.cursor_column();
            return Some(Position { x, y: main.y + 1 });
        }
        None
    }

    /// Where the editor is drawn inside the main panel (it matches the render functions).
    fn editor_area(&self, main: Rect) -> Rect {
        match self.view {
            View::Study | View::Items => {
                let [_, right] = list_and_body(main);
                right
            }
            View::WrapUp => {
                let [left, _] =
                    Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                        .areas(main);
                let [_, summary] =
                    Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)])
                        .areas(left);
                summary
            }
            View::Activity | View::CheckIn => main,
        }
    }

    fn render_header(&self, m: &Meeting, area: Rect, buf: &mut Buffer, now: Timestamp) {
        let tr = self.tr();
        let elapsed = m
            .started_at
            .map_or(0, |s| seconds_between(s, m.ended_at.unwrap_or(now)));
        let theme = if m.setup.theme.is_empty() {
            &m.setup.title
        } else {
            &m.setup.theme
        };
        let since = match m.started_at {
            Some(_) => format!("{} {}", tr.meeting_elapsed(), hms(elapsed)),
            None => tr.not_started(&crate::tui::keymap::key_for(
                crate::tui::keymap::Context::CheckIn,
                crate::tui::keymap::Action::StartMeeting,
            )),
        };
        // On a narrow terminal the clock drops its label and the branch's name gives way, so the
        // theme stays in view.
        let narrow = area.width < 100;
        let right = if narrow {
            format!("  {}  {since} ", now.format("%H:%M:%S"))
        } else {
            format!("  {} {}  {since} ", tr.time_label(), now.format("%H:%M:%S"))
        };
        let right_w = unicode_width::UnicodeWidthStr::width(right.as_str());
        let room = usize::from(area.width).saturating_sub(right_w);
        let (branch, kind, theme) = (
            sanitize::line(&m.branch().name),
            tr.kind(m.setup.kind),
            sanitize::line(theme),
        );
        let full = format!(" {branch} · {kind} · {theme}");
        let left = if unicode_width::UnicodeWidthStr::width(full.as_str()) <= room {
            full
        } else {
            crate::tui::widgets::fit(&format!(" {kind} · {theme}"), room)
        };
        let style = Style::new()
            .bg(Color::Red)
            .fg(Color::White)
            .add_modifier(Modifier::BOLD);
        buf.set_style(area, style);
        let right_width = u16::try_from(unicode_width::UnicodeWidthStr::width(right.as_str()))
            .unwrap_or(area.width);
        let [left_area, right_area] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(right_width)]).areas(area);
        Paragraph::new(left).style(style).render(left_area, buf);
        Paragraph::new(right).style(style).render(right_area, buf);
    }

    fn render_agenda(&self, m: &Meeting, area: Rect, buf: &mut Buffer, now: Timestamp) {
        let tr = self.tr();
        let mut lines = Vec::new();
        for (i, s) in m.agenda.iter().enumerate() {
            let current = m.current_stage == Some(i);
            let mut actual = s.actual_seconds;
            if current && let Some(since) = m.stage_since {
                actual += seconds_between(since, m.ended_at.unwrap_or(now));
            }
            let (mark, style) = if current {
                (
                    "▶",
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                )
            } else if s.started_at.is_some() {
                ("✓", Style::new().fg(Color::Green))
            } else {
                ("·", Style::new().fg(Color::Gray))
            };
            lines.push(Line::styled(
                format!("{mark} {}", sanitize::line(&s.title)),
                style,
            ));
            let over = actual > s.planned_seconds && s.planned_seconds > 0;
            let time_style = if over {
                Style::new().fg(Color::Red)
            } else {
                Style::new().fg(Color::DarkGray)
            };
            let plan = s.planned_seconds / 60;
            let overrun = if over { tr.meeting_overtime() } else { "" };
            lines.push(Line::styled(
                format!("   {} / {plan}′{overrun}", mmss(actual)),
                time_style,
            ));
        }
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(" {} ", tr.meeting_agenda())))
            .render(area, buf);
    }

    fn render_footer(&self, session: &Session, area: Rect, buf: &mut Buffer) {
        let tr = self.tr();
        let [keys, status] =
            Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(area);
        footer::render_keys(self.context(), tr, keys, buf);
        let m = &session.meeting;
        let c = m.counts();
        let width = |t: &str| unicode_width::UnicodeWidthStr::width(t);
        // The quorum is kept whole at the end; the counts lose their split, the save time its
        // label and a message its tail before it would go.
        let quorum = m.setup.kind.vote_body().map(|body| {
            let (e, p, _) = m.entitled();
            let met = e > 0 && p >= crate::domain::rules::quorum_needed(e, m.setup.settings.quorum);
            let label = match body {
                VoteBody::Assembly => tr.meeting_voters(),
                VoteBody::Committee => tr.meeting_committee(),
            };
            (tr.meeting_quorum(label, p, e, met), met)
        });
        let mut room =
            usize::from(status.width).saturating_sub(quorum.as_ref().map_or(0, |(q, _)| width(q)));
        let s = session;
        let (saved, saved_style) = if let Some(fault) = &s.fault {
            // The reason in a few words: a full message with its path would push the live counts
            // off the line.
            let why = tr.save_fault(fault);
            (
                tr.meeting_unsaved(s.pending(), &why),
                Style::new().fg(Color::White).bg(Color::Red),
            )
        } else if let Some(at) = s.saved_at {
            (
                format!("{} {} ", tr.meeting_saved(), at.format("%H:%M:%S")),
                Style::new().fg(Color::Green),
            )
        } else {
            (String::new(), Style::new())
        };
        let mut counts = tr.meeting_counts(&c);
        let flash = self
            .flash
            .as_deref()
            .map(|f| format!("{f} "))
            .unwrap_or_default();
        let short_saved = s
            .saved_at
            .filter(|_| s.fault.is_none())
            .map(|at| format!("{} {} ", tr.meeting_saved(), at.format("%H:%M")))
            .unwrap_or_default();
        // A message needs room to be read (up to 20 columns) and a save fault is said whole: the
        // counts lose their split first.
        let wanted = if s.fault.is_some() {
            0
        } else {
            width(&flash).min(20)
        };
        let first = if s.fault.is_some() {
            width(&saved)
        } else {
            width(&short_saved)
        };
        if width(&counts) + first + wanted > room {
            counts = tr.meeting_counts_short(&c);
        }
        let saved = if width(&saved) + width(&counts) + width(&flash) <= room {
            saved
        } else if s.fault.is_none() {
            short_saved
        } else {
            crate::tui::widgets::fit(&saved, room.saturating_sub(width(&counts)))
        };
        room = room.saturating_sub(width(&saved) + width(&counts));
        let mut spans = vec![Span::styled(saved, saved_style)];
        if !flash.is_empty() && room > 1 {
            spans.push(Span::styled(
                crate::tui::widgets::fit(&flash, room),
                Style::new().fg(Color::Yellow),
            ));
        }
        spans.push(Span::raw(counts));
        if let Some((q, met)) = quorum {
            spans.push(Span::styled(
                q,
                Style::new().fg(if met { Color::Green } else { Color::Red }),
            ));
        }
        Paragraph::new(Line::from(spans)).render(status, buf);
    }
}

fn hms(s: u64) -> String {
    format!("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
}

/// A box of lines in the middle of the screen.
pub fn render_message(title: &str, lines: &[String], area: Rect, buf: &mut Buffer) {
    let height = u16::try_from(lines.len())
        .unwrap_or(u16::MAX)
        .saturating_add(4);
    let popup = crate::tui::widgets::centered(area, area.width.saturating_sub(6).min(90), height);
    crate::tui::widgets::clear_popup(popup, buf);
    let text: Vec<Line> = lines.iter().map(|l| Line::raw(l.clone())).collect();
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(format!(" {title} "))
                .border_style(Style::new().fg(Color::Green)),
        )
        .render(popup, buf);
}

/// The list on the left and the selected entry (or its editor) on the right, as the study and items
/// panels draw them; the editor's cursor is placed from the same split.
pub(super) fn list_and_body(area: Rect) -> [Rect; 2] {
    Layout::horizontal([Constraint::Percentage(38), Constraint::Percentage(62)]).areas(area)
}
