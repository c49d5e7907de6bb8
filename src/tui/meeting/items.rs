//! Deliberation items: stage and source, discussion notes, decision, and the vote.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{FormPurpose, Model};
use crate::domain::rules::Outcome;
use crate::domain::{Meeting, TextField};
use crate::sanitize;
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Action};

impl Model {
    pub(super) fn items_action(&mut self, m: &Meeting, action: Action, fx: &mut Vec<Effect>) {
        let n = m.items.len();
        let tr = self.tr();
        match action {
            Action::Up => self.item = self.item.saturating_sub(1),
            Action::Down => self.item = (self.item + 1).min(n.saturating_sub(1)),
            Action::AddItem => self.open_form(m, FormPurpose::Item { edit: None }),
            Action::EditNotes if self.item < n => {
                let title = format!("{} · {}", m.items[self.item].title, tr.items_discussion());
                self.open_editor(m, TextField::ItemNotes(self.item), title, fx);
            }
            Action::EditDecision if self.item < n => {
                let title = format!("{} · {}", m.items[self.item].title, tr.items_decision());
                self.open_editor(m, TextField::ItemDecision(self.item), title, fx);
            }
            Action::Vote if self.item < n => self.start_vote(m),
            Action::AnnulVote if self.item < n => self.start_annul(m),
            Action::Edit | Action::Remove | Action::MoveUp | Action::MoveDown => {
                self.list_action(m, crate::domain::ListKind::Items, action, fx);
            }
            _ => {}
        }
    }

    pub(super) fn render_items(&self, m: &Meeting, area: Rect, buf: &mut Buffer) {
        let tr = self.tr();
        let [list_area, body_area] = super::layout::list_and_body(area);
        let mut lines: Vec<Line> = Vec::new();
        if m.items.is_empty() {
            lines.push(Line::styled(
                tr.items_empty(&keymap::key_for(
                    keymap::Context::Items,
                    keymap::Action::AddItem,
                )),
                Style::new().fg(Color::DarkGray),
            ));
        }
        for (i, it) in m.items.iter().enumerate() {
            let badge = match (&it.vote, &it.appraisal) {
                (Some(v), _) => tr.outcome(v.outcome).to_owned(),
                (None, Some(a)) => tr.grade(a.grade).to_owned(),
                (None, None) => String::new(),
            };
            let style = if i == self.item {
                Style::new().bg(Color::Blue).fg(Color::White)
            } else {
                Style::new()
            };
            let title = format!("{}. {}", i + 1, sanitize::line(&it.title));
            lines.push(Line::styled(
                crate::tui::widgets::row_with_tail(
                    &title,
                    &badge,
                    list_area.width.saturating_sub(2),
                ),
                style,
            ));
        }
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(" {} ", tr.items_title())))
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
        let Some(it) = m.items.get(self.item) else {
            Block::bordered().render(body_area, buf);
            return;
        };
        let dim = Style::new().fg(Color::DarkGray);
        let mut body = vec![Line::raw(format!(
            "{}{}{}",
            tr.type_label(),
            tr.colon(),
            tr.item_type(it.item_type)
        ))];
        if let Some(c) = &it.candidate {
            body.push(Line::raw(format!(
                "{}{}{}",
                tr.items_candidate(),
                tr.colon(),
                sanitize::line(&c.name)
            )));
        }
        if let Some(note) = tr.item_type_note(it.item_type) {
            body.push(Line::styled(note, dim));
        }
        if let Some(a) = &it.appraisal {
            body.push(Line::styled(
                tr.appraisal_line(a),
                Style::new().fg(Color::Green),
            ));
        }
        if let Some(s) = it.stage {
            body.push(Line::raw(format!(
                "{}{}{}",
                tr.items_stage(),
                tr.colon(),
                tr.item_stage(s)
            )));
        }
        if let Some(s) = it.source {
            body.push(Line::raw(format!(
                "{}{}{}",
                tr.source_label(),
                tr.colon(),
                tr.item_source(s)
            )));
        }
        body.push(Line::styled(
            tr.items_discussion_heading(&keymap::key_for(
                keymap::Context::Items,
                keymap::Action::EditNotes,
            )),
            dim,
        ));
        body.extend(
            sanitize::text(&it.notes)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
        body.push(Line::styled(
            tr.items_decision_heading(&keymap::key_for(
                keymap::Context::Items,
                keymap::Action::EditDecision,
            )),
            dim,
        ));
        body.extend(
            sanitize::text(&it.decision)
                .lines()
                .map(|l| Line::raw(l.to_owned())),
        );
        let rounds: Vec<(&crate::domain::VoteRecord, Option<&str>)> = if it.rounds.is_empty() {
            it.vote.iter().map(|v| (v, None)).collect()
        } else {
            it.rounds
                .iter()
                .map(|r| (&r.vote, r.annulled.as_ref().map(|a| a.reason.as_str())))
                .collect()
        };
        let vote_key = keymap::key_for(keymap::Context::Items, keymap::Action::Vote);
        if !it.item_type.is_voted() {
            // Settled by a grade (above), not voted.
        } else if rounds.is_empty() {
            body.push(Line::styled(tr.items_not_voted_heading(&vote_key), dim));
        } else {
            body.push(Line::styled(tr.items_vote_frozen(), dim));
        }
        let several = rounds.len() > 1;
        for (n, (v, annulled)) in rounds.iter().enumerate() {
            let style = if annulled.is_some() {
                dim.add_modifier(ratatui::style::Modifier::CROSSED_OUT)
            } else {
                Style::new()
            };
            if several || annulled.is_some() {
                let why = annulled.map(sanitize::line);
                body.push(Line::styled(tr.round_heading(n + 1, why.as_deref()), dim));
            }
            if v.outcome == Outcome::Deferred {
                body.push(Line::styled(
                    format!(
                        "{}{}{}",
                        tr.form_defer_reason(),
                        tr.colon(),
                        sanitize::line(&v.deferred_reason)
                    ),
                    style,
                ));
            } else {
                body.push(Line::styled(tr.items_vote_counts(v), style));
                if let Some(b) = &v.ballots {
                    body.push(Line::styled(
                        sanitize::line(&tr.export_ballots(b)).into_owned(),
                        style,
                    ));
                }
            }
            body.push(Line::styled(tr.items_vote_attendance(v), style));
            let color = match (annulled, v.outcome) {
                (Some(_), _) => Color::DarkGray,
                (None, Outcome::Passed) => Color::Green,
                (None, _) => Color::Yellow,
            };
            body.push(Line::styled(
                format!("{} {}", tr.outcome_label(), tr.outcome(v.outcome)),
                style.fg(color),
            ));
            body.push(Line::styled(tr.rule(v.rule), dim));
        }
        if !rounds.is_empty()
            && it
                .vote
                .as_ref()
                .is_none_or(|v| matches!(v.outcome, Outcome::NoQuorum | Outcome::Deferred))
        {
            body.push(Line::styled(tr.items_vote_again(&vote_key), dim));
        }
        Paragraph::new(body)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title(format!(" {} ", sanitize::line(&it.title))))
            .render(body_area, buf);
    }
}
