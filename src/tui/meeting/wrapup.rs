//! Wrap-up: action items, summary, the checklist of what the record still lacks, finalize, export.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{FormPurpose, MeetingScreen, Modal};
use crate::domain::{Event, TextField, Timestamp};
use crate::minutes::{self, Severity};
use crate::sanitize;
use crate::tui::keymap::Action;

impl MeetingScreen {
    pub(super) fn wrapup_action(&mut self, action: Action, at: Timestamp) {
        let n = self.session.meeting.actions.len();
        let tr = self.tr();
        match action {
            Action::Up => self.action = self.action.saturating_sub(1),
            Action::Down => self.action = (self.action + 1).min(n.saturating_sub(1)),
            Action::AddAction => self.open_form(FormPurpose::Action),
            Action::RemoveAction
                if self.action < n
                    && self.session.meeting.finalized.is_none()
                    && self.record(Event::ActionRemoved { index: self.action }) =>
            {
                self.action = self.action.min(n.saturating_sub(2));
            }
            Action::EditSummary => self.open_editor(
                TextField::Summary,
                tr.pick("会议小结", "Summary").to_owned(),
            ),
            Action::EditDetails => self.open_form(FormPurpose::Details),
            Action::Finalize => {
                if self.session.meeting.finalized.is_some() {
                    self.show_finalized();
                } else {
                    self.open_form(FormPurpose::Finalize);
                }
            }
            Action::Export => self.export(at),
            _ => {}
        }
    }

    /// Write the minutes file and show where it went.
    pub(crate) fn finalize(&mut self, at: Timestamp) {
        self.close_editor();
        match self.session.finalize(&self.data, at) {
            Ok((path, digest)) => {
                self.finalized = Some((path, digest));
                self.show_finalized();
            }
            Err(e) => self.flash = Some(self.tr.session_error(&e)),
        }
    }

    fn show_finalized(&mut self) {
        let tr = self.tr();
        if let Some((path, digest)) = &self.finalized {
            self.modal = Some(Modal::Message(
                tr.pick("会议记录已定稿", "Minutes finalized").to_owned(),
                vec![
                    format!(
                        "{}{}{}",
                        tr.pick("文件", "File"),
                        tr.colon(),
                        sanitize::path(path)
                    ),
                    format!("SHA-256{}{digest}", tr.colon()),
                    tr.pick(
                        "按 x 导出可打印的会议记录。",
                        "Press x to export the printable record.",
                    )
                    .to_owned(),
                ],
            ));
        }
    }

    fn export(&mut self, at: Timestamp) {
        let tr = self.tr();
        let Some((path, _)) = self.finalized.clone() else {
            self.flash = Some(
                tr.pick(
                    "请先定稿（f），再导出。",
                    "Finalize first (f), then export.",
                )
                .to_owned(),
            );
            return;
        };
        let _ = at;
        match crate::tui::export::write_exports(&path, &self.data, tr) {
            Ok(paths) => {
                let lines = paths.iter().map(|p| sanitize::path(p)).collect();
                self.modal = Some(Modal::Message(
                    tr.pick("已导出", "Exported").to_owned(),
                    lines,
                ));
            }
            Err(e) => self.flash = Some(e),
        }
    }

    /// What the record still lacks, from the same checks `validate` runs.
    pub(super) fn checklist(&self, now: Timestamp) -> Vec<(Severity, String)> {
        let tr = self.tr();
        let m = &self.session.meeting;
        let mut out = Vec::new();
        let unmarked = m.body().filter(|(i, _)| m.marks[*i].is_none()).count();
        if unmarked > 0 {
            out.push((
                Severity::Warning,
                tr.pick(
                    format!("{unmarked} 人未签到，定稿时记为缺席"),
                    format!("{unmarked} members not marked; they will be recorded absent"),
                ),
            ));
        }
        let built = minutes::build(m, now);
        for p in minutes::check::check_rules(&built) {
            // Unmarked members are summed up above rather than listed one by one.
            if let minutes::check::Problem::AbsentWithoutReason { name } = &p
                && let Some(i) = m.members().iter().position(|mem| &mem.name == name)
                && m.marks[i].is_none()
            {
                continue;
            }
            out.push((p.severity(), tr.problem(&p)));
        }
        out
    }

    pub(super) fn render_wrapup(&self, area: Rect, buf: &mut Buffer, now: Timestamp) {
        let tr = self.tr();
        let m = &self.session.meeting;
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let [actions_area, summary_area] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(left);
        let mut lines: Vec<Line> = Vec::new();
        if m.actions.is_empty() {
            lines.push(Line::styled(
                tr.pick(
                    "还没有待办事项。按 a 添加。",
                    "No action items yet. Press a to add one.",
                ),
                Style::new().fg(Color::DarkGray),
            ));
        }
        for (i, a) in m.actions.iter().enumerate() {
            let due = a.due.map_or_else(
                || tr.pick("无期限", "no date").to_owned(),
                |d| d.to_string(),
            );
            let text = format!(
                "{}. {} — {}（{due}）",
                i + 1,
                sanitize::line(&a.task),
                sanitize::line(&a.owner.name)
            );
            let style = if i == self.action {
                Style::new().bg(Color::Blue).fg(Color::White)
            } else {
                Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", tr.pick("待办事项", "Action items"))))
            .render(actions_area, buf);
        match self.editor.as_ref() {
            Some(ed) => ed.render(
                summary_area,
                buf,
                tr.pick("Esc 完成（自动保存）", "Esc done (saved as you type)"),
            ),
            None => Paragraph::new(sanitize::text(&m.summary).into_owned())
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} (s) ", tr.pick("会议小结", "Summary"))))
                .render(summary_area, buf),
        }
        let mut check: Vec<Line> = Vec::new();
        if let Some((path, digest)) = &self.finalized {
            check.push(Line::styled(
                tr.pick("✓ 已定稿", "✓ Finalized"),
                Style::new().fg(Color::Green),
            ));
            check.push(Line::raw(sanitize::path(path)));
            check.push(Line::raw(format!("SHA-256 {digest}")));
        } else {
            let items = self.checklist(now);
            if items.is_empty() {
                check.push(Line::styled(
                    tr.pick(
                        "✓ 记录完整，可以定稿（f）",
                        "✓ The record is complete; finalize with f",
                    ),
                    Style::new().fg(Color::Green),
                ));
            }
            for (sev, text) in items {
                let (mark, color) = match sev {
                    Severity::Error => ("✗", Color::Red),
                    Severity::Warning => ("!", Color::Yellow),
                };
                check.push(Line::styled(
                    format!("{mark} {text}"),
                    Style::new().fg(color),
                ));
            }
        }
        Paragraph::new(check)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(format!(" {} ", tr.pick("定稿前检查", "Before finalizing"))),
            )
            .render(right, buf);
    }
}
