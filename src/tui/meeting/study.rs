//! Study topics (presenter, material, notes, a timer per topic) and activity stages (notes only).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{FormPurpose, Model, View};
use crate::domain::{Event, Meeting, TextField, Timestamp};
use crate::sanitize;
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Action};

/// Minutes and seconds.
pub fn mmss(seconds: u64) -> String {
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

impl Model {
    pub(super) fn study_action(
        &mut self,
        m: &Meeting,
        action: Action,
        at: Timestamp,
        fx: &mut Vec<Effect>,
    ) {
        if self.view == View::Activity {
            if action == Action::EditNotes
                && let Some(i) = m.current_stage
            {
                let title = m.agenda[i].title.clone();
                self.open_editor(m, TextField::StageNotes(i), title, fx);
            }
            return;
        }
        let n = m.study.len();
        match action {
            Action::Up => self.topic = self.topic.saturating_sub(1),
            Action::Down => self.topic = (self.topic + 1).min(n.saturating_sub(1)),
            Action::AddTopic => self.open_form(m, FormPurpose::Topic { edit: None }),
            Action::EditNotes if self.topic < n => {
                let title = m.study[self.topic].title.clone();
                self.open_editor(m, TextField::StudyNotes(self.topic), title, fx);
            }
            Action::Edit | Action::Remove | Action::MoveUp | Action::MoveDown => {
                self.list_action(m, crate::domain::ListKind::Topics, action, fx);
            }
            Action::ToggleTimer if self.topic < n => {
                let running = m.study[self.topic].timer_since.is_none();
                fx.push(Effect::Record(Event::TopicTimer {
                    at,
                    index: self.topic,
                    running,
                }));
            }
            _ => {}
        }
    }

    pub(super) fn render_study(&self, m: &Meeting, area: Rect, buf: &mut Buffer, now: Timestamp) {
        let tr = self.tr();
        let [list_area, body_area] = super::layout::list_and_body(area);
        let mut lines: Vec<Line> = Vec::new();
        if m.study.is_empty() {
            lines.push(Line::styled(
                tr.study_empty(&keymap::key_for(
                    keymap::Context::Study,
                    keymap::Action::AddTopic,
                )),
                Style::new().fg(Color::DarkGray),
            ));
        }
        for (i, t) in m.study.iter().enumerate() {
            let running = t
                .timer_since
                .map(|s| crate::domain::meeting::seconds_between(s, now));
            let secs = t.duration_seconds.saturating_add(running.unwrap_or(0));
            let clock = format!(
                "{}{}",
                if running.is_some() { "▶ " } else { "" },
                mmss(secs)
            );
            let title = format!("{}. {}", i + 1, sanitize::line(&t.title));
            let text = crate::tui::widgets::row_with_tail(
                &title,
                &clock,
                list_area.width.saturating_sub(2),
            );
            let style = if i == self.topic {
                Style::new().bg(Color::Blue).fg(Color::White)
            } else {
                Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(" {} ", tr.study_study_topics())))
            .render(list_area, buf);

        if let Some(ed) = self.editor.as_ref() {
            ed.render(
                body_area,
                buf,
                &tr.editor_hint(&keymap::key_for(
                    keymap::Context::Editor,
                    keymap::Action::Back,
                )),
            );
            return;
        }
        let Some(t) = m.study.get(self.topic) else {
            Block::bordered().render(body_area, buf);
            return;
        };
        let mut body = vec![
            Line::raw(format!(
                "{}{}{}",
                tr.presenter_label(),
                tr.colon(),
                sanitize::line(&t.presenter)
            )),
            Line::raw(format!(
                "{}{}{}",
                tr.study_material(),
                tr.colon(),
                sanitize::line(&t.material)
            )),
            Line::raw(""),
        ];
        body.extend(
            sanitize::text(&t.notes)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", sanitize::line(&t.title))))
            .render(body_area, buf);
    }

    pub(super) fn render_activity(&self, m: &Meeting, area: Rect, buf: &mut Buffer) {
        let tr = self.tr();
        let Some(i) = m.current_stage else {
            return;
        };
        if let Some(ed) = self.editor.as_ref() {
            ed.render(
                area,
                buf,
                &tr.editor_hint(&keymap::key_for(
                    keymap::Context::Editor,
                    keymap::Action::Back,
                )),
            );
            return;
        }
        let stage = &m.agenda[i];
        let mut body = vec![Line::styled(
            tr.activity_hint(&keymap::key_for(
                keymap::Context::Activity,
                keymap::Action::EditNotes,
            )),
            Style::new().fg(Color::DarkGray),
        )];
        body.extend(
            sanitize::text(&stage.notes)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", sanitize::line(&stage.title))))
            .render(area, buf);
    }
}
