//! Correcting the meeting's lists as the meeting goes: an item, a study topic or an action item
//! is edited (`c`), removed after a confirmation (Del) or moved (Ctrl+↑/↓) — each an event.

use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{FormPurpose, Model};
use crate::domain::{ApplyError, Event, ListKind, Meeting};
use crate::sanitize;
use crate::tui::effect::Effect;
use crate::tui::keymap::Action;
use crate::tui::widgets::form::{Field, FieldId, Form};

impl Model {
    /// The highlighted entry of `list` and the list's length.
    fn selected_in(&self, m: &Meeting, list: ListKind) -> (usize, usize) {
        match list {
            ListKind::Items => (self.item, m.items.len()),
            ListKind::Topics => (self.topic, m.study.len()),
            ListKind::Actions => (self.action, m.actions.len()),
            ListKind::Guests => (0, m.guests.len()),
        }
    }

    /// Edit, remove or move the highlighted entry of `list`.
    pub(super) fn list_action(
        &mut self,
        m: &Meeting,
        list: ListKind,
        action: Action,
        fx: &mut Vec<Effect>,
    ) {
        let (index, len) = self.selected_in(m, list);
        if index >= len {
            return;
        }
        if m.finalized.is_some() {
            self.flash = Some(self.tr().apply_error(&ApplyError::Finalized));
            return;
        }
        let edit = Some(index);
        match action {
            Action::Edit => match list {
                ListKind::Items => self.open_form(m, FormPurpose::Item { edit }),
                ListKind::Topics => self.open_form(m, FormPurpose::Topic { edit }),
                ListKind::Actions => self.open_form(m, FormPurpose::Action { edit }),
                ListKind::Guests => {}
            },
            Action::Remove => {
                let voted = list == ListKind::Items
                    && m.items[index].vote.is_some() | !m.items[index].rounds.is_empty();
                if voted {
                    self.flash = Some(self.tr().apply_error(&ApplyError::Voted(index)));
                } else {
                    self.open_form(m, FormPurpose::Remove { list, index });
                }
            }
            Action::MoveUp if index > 0 => fx.push(Effect::Record(Event::Moved {
                list,
                from: index,
                to: index - 1,
            })),
            Action::MoveDown if index + 1 < len => fx.push(Effect::Record(Event::Moved {
                list,
                from: index,
                to: index + 1,
            })),
            _ => {}
        }
    }

    /// The confirmation before an entry is removed.
    pub(super) fn remove_form(&self, m: &Meeting, list: ListKind, index: usize) -> Form {
        let tr = self.tr();
        let what = match list {
            ListKind::Items => m.items.get(index).map(|i| i.title.as_str()),
            ListKind::Topics => m.study.get(index).map(|t| t.title.as_str()),
            ListKind::Actions => m.actions.get(index).map(|a| a.task.as_str()),
            ListKind::Guests => m.guests.get(index).map(|g| g.name.as_str()),
        }
        .unwrap_or("");
        let mut form = Form::new(
            tr.remove_title(&sanitize::line(what)),
            vec![Field::choice(
                FieldId::Confirm,
                tr.remove_question(),
                tr.cancel_or_confirm(),
                0,
            )],
        );
        form.preview = vec![Line::styled(
            tr.remove_note(),
            Style::new().fg(Color::DarkGray),
        )];
        form
    }
}
