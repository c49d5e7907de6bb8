//! Wrap-up: action items, summary, the checklist of what the record still lacks, finalize, export.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::{FormPurpose, Modal, Model};
use crate::domain::{ListKind, Meeting, TextField, Timestamp};
use crate::export::output::{self, Place};
use crate::minutes::{self, Severity};
use crate::sanitize;
use crate::session::SessionError;
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Action};
use crate::tui::widgets::form::{Field, FieldId, Form};

impl Model {
    pub(super) fn wrapup_action(&mut self, m: &Meeting, action: Action, fx: &mut Vec<Effect>) {
        let n = m.actions.len();
        let tr = self.tr();
        match action {
            Action::Up => self.action = self.action.saturating_sub(1),
            Action::Down => self.action = (self.action + 1).min(n.saturating_sub(1)),
            Action::AddAction => self.open_form(m, FormPurpose::Action { edit: None }),
            Action::Edit | Action::Remove | Action::MoveUp | Action::MoveDown => {
                self.list_action(m, ListKind::Actions, action, fx);
            }
            Action::EditSummary => {
                self.open_editor(m, TextField::Summary, tr.wrapup_summary().to_owned(), fx);
            }
            Action::EditDetails => self.open_form(m, FormPurpose::Details),
            Action::Finalize => {
                if m.finalized.is_some() {
                    self.show_finalized();
                } else {
                    self.open_form(m, FormPurpose::Finalize);
                }
            }
            Action::Export => match &self.finalized {
                Some((path, _)) => fx.push(Effect::OfferExport(path.clone())),
                None => {
                    self.flash = Some(tr.wrapup_finalize_before_export(&keymap::key_for(
                        keymap::Context::WrapUp,
                        keymap::Action::Finalize,
                    )));
                }
            },
            _ => {}
        }
    }

    /// The loop wrote the minutes file (or failed to): show where it went.
    pub fn finalized(&mut self, result: Result<(PathBuf, String), SessionError>) {
        match result {
            Ok(done) => {
                self.editor = None;
                self.finalized = Some(done);
                self.show_finalized();
            }
            Err(e) => self.flash = Some(self.tr.session_error(&e)),
        }
    }

    fn show_finalized(&mut self) {
        let tr = self.tr();
        if let Some((path, digest)) = &self.finalized {
            self.modal = Some(Modal::Message(
                tr.wrapup_minutes_finalized().to_owned(),
                vec![
                    format!(
                        "{}{}{}",
                        tr.wrapup_file_label(),
                        tr.colon(),
                        sanitize::path(path)
                    ),
                    format!("SHA-256{}{digest}", tr.colon()),
                    tr.wrapup_export_hint(&keymap::key_for(
                        keymap::Context::WrapUp,
                        keymap::Action::Export,
                    )),
                ],
            ));
        }
    }

    /// The loop found the default folder for exports: ask where the record goes, offering the
    /// folder typed last time, else the default (with a word when that is a fallback).
    pub fn offer_export(&mut self, minutes: PathBuf, default: &Place) {
        let tr = self.tr();
        let folder = self
            .export_folder
            .clone()
            .unwrap_or_else(|| output::shown(&default.dir));
        let mut form = Form::new(
            tr.wrapup_export_title(),
            vec![Field::text(
                FieldId::Folder,
                tr.wrapup_export_folder(),
                &folder,
            )],
        );
        form.preview = std::iter::once(tr.wrapup_export_what().to_owned())
            .chain(default.note(tr))
            .map(Line::from)
            .collect();
        self.modal = Some(Modal::Form(Box::new(form), FormPurpose::Export { minutes }));
    }

    /// Export into the folder typed; the dialog stays up until the loop says how it went.
    pub(super) fn submit_export(
        &mut self,
        form: Box<Form>,
        purpose: FormPurpose,
        fx: &mut Vec<Effect>,
    ) {
        let FormPurpose::Export { minutes } = &purpose else {
            return;
        };
        let tr = self.tr();
        let typed = form.text(FieldId::Folder).trim().to_owned();
        if typed.is_empty() {
            let msg = format!(
                "{}{}{}",
                tr.form_please_fill_in(),
                tr.colon(),
                tr.wrapup_export_folder()
            );
            return self.refuse(form, purpose, msg);
        }
        fx.push(Effect::Export {
            minutes: minutes.clone(),
            folder: PathBuf::from(&typed),
        });
        self.export_folder = Some(typed);
        let mut form = form;
        form.error = None;
        self.modal = Some(Modal::Form(form, purpose));
    }

    /// The loop wrote the printable record (or failed to): the full paths written (already
    /// neutralised for the screen), or why not — said in the dialog, which stays up to try again.
    pub fn exported(&mut self, result: Result<Vec<String>, String>) {
        let tr = self.tr();
        match result {
            Ok(lines) => {
                self.modal = Some(Modal::Message(tr.wrapup_exported().to_owned(), lines));
            }
            Err(e) => match &mut self.modal {
                Some(Modal::Form(form, FormPurpose::Export { .. })) => form.error = Some(e),
                _ => self.flash = Some(e),
            },
        }
    }

    /// What the record still lacks, from the same checks `validate` runs.
    pub(super) fn checklist(&self, m: &Meeting, now: Timestamp) -> Vec<(Severity, String)> {
        let tr = self.tr();
        let mut out = Vec::new();
        let unmarked = m.body().filter(|(i, _)| m.marks[*i].is_none()).count();
        if unmarked > 0 {
            out.push((Severity::Warning, tr.wrapup_unmarked(unmarked)));
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

    pub(super) fn render_wrapup(&self, m: &Meeting, area: Rect, buf: &mut Buffer, now: Timestamp) {
        let tr = self.tr();
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(area);
        let [actions_area, summary_area] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(left);
        let mut lines: Vec<Line> = Vec::new();
        if m.actions.is_empty() {
            lines.push(Line::styled(
                tr.wrapup_no_actions(&keymap::key_for(
                    keymap::Context::WrapUp,
                    keymap::Action::AddAction,
                )),
                Style::new().fg(Color::DarkGray),
            ));
        }
        for (i, a) in m.actions.iter().enumerate() {
            let due = a
                .due
                .map_or_else(|| tr.wrapup_no_date().to_owned(), |d| d.to_string());
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
            .block(Block::bordered().title(format!(" {} ", tr.wrapup_action_items())))
            .render(actions_area, buf);
        match self.editor.as_ref() {
            Some(ed) => ed.render(
                summary_area,
                buf,
                &tr.editor_hint(&keymap::key_for(
                    keymap::Context::Editor,
                    keymap::Action::Back,
                )),
            ),
            None => Paragraph::new(sanitize::text(&m.summary).into_owned())
                .wrap(Wrap { trim: false })
                .block(Block::bordered().title(format!(" {} (s) ", tr.wrapup_summary())))
                .render(summary_area, buf),
        }
        let mut check: Vec<Line> = Vec::new();
        if let Some((path, digest)) = &self.finalized {
            check.push(Line::styled(
                tr.wrapup_finalized(),
                Style::new().fg(Color::Green),
            ));
            check.push(Line::raw(sanitize::path(path)));
            check.push(Line::raw(format!("SHA-256 {digest}")));
        } else {
            let items = self.checklist(m, now);
            if items.is_empty() {
                check.push(Line::styled(
                    tr.wrapup_ready_to_finalize(&keymap::key_for(
                        keymap::Context::WrapUp,
                        keymap::Action::Finalize,
                    )),
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
            .block(Block::bordered().title(format!(" {} ", tr.wrapup_before_finalizing())))
            .render(right, buf);
    }
}
