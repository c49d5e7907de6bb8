//! The roster screen's state and its update: a key in, effects out. A change is made to the
//! screen's copy of the roster only when it is valid, and leaves as [`Effect::SaveRoster`] with its
//! history entry; the loop writes both.

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyEvent;

use super::dialogs::{self, Dialog, DialogKind};
use crate::domain::roster_change::{HistoryEntry, RosterChange};
use crate::domain::{CommitteeRole, Roster, Timestamp};
use crate::i18n::Tr;
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::widgets::form::FormOutcome;

#[derive(Debug, Clone)]
pub struct RosterModel {
    pub roster: Roster,
    pub selected: usize,
    pub dialog: Option<Dialog>,
}

impl RosterModel {
    #[must_use]
    pub fn new(roster: Roster) -> RosterModel {
        RosterModel {
            roster,
            selected: 0,
            dialog: None,
        }
    }

    /// The key context: the dialog's while one is open.
    #[must_use]
    pub fn context(&self) -> Context {
        if self.dialog.is_some() {
            Context::Form
        } else {
            Context::Roster
        }
    }

    fn selected_id(&self) -> Option<String> {
        self.roster.members.get(self.selected).map(|m| m.id.clone())
    }

    /// Who makes the change, as the history records it: the branch's secretary by default.
    fn default_by(&self) -> String {
        self.roster
            .committee()
            .find(|m| m.committee_role == Some(CommitteeRole::Secretary))
            .map(|m| m.name.clone())
            .unwrap_or_default()
    }

    fn open(&mut self, kind: DialogKind, tr: Tr, today: NaiveDate) {
        let target = match kind {
            DialogKind::Add => None,
            _ => match self.selected_id() {
                Some(id) => Some(id),
                None => return,
            },
        };
        let by = self.default_by();
        self.dialog = Some(dialogs::open(
            kind,
            &self.roster,
            target.as_deref(),
            &by,
            tr,
            today,
        ));
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(d) = &mut self.dialog {
            d.form.paste(text);
        }
    }

    /// What `key` asks for at `at`.
    pub fn update(&mut self, key: KeyEvent, tr: Tr, at: Timestamp) -> Vec<Effect> {
        let today = at.date_naive();
        if let Some(dialog) = &mut self.dialog {
            match dialog.form.handle(key) {
                FormOutcome::Cancel => self.dialog = None,
                FormOutcome::Help => return vec![Effect::Help(Context::Form)],
                FormOutcome::Submit => {
                    let result = dialogs::submit(dialog, &self.roster, tr, today);
                    match result {
                        Ok((change, by)) => return self.make(change, by, tr, at),
                        Err(msg) => dialog.form.error = Some(msg),
                    }
                }
                FormOutcome::Continue | FormOutcome::Changed => {}
            }
            return Vec::new();
        }
        match keymap::lookup(Context::Roster, key) {
            Some(Action::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Action::Down) => {
                self.selected =
                    (self.selected + 1).min(self.roster.members.len().saturating_sub(1));
            }
            Some(Action::AddMember) => self.open(DialogKind::Add, tr, today),
            Some(Action::TransferOut) => self.open(DialogKind::TransferOut, tr, today),
            Some(Action::ChangeStanding) => self.open(DialogKind::Standing, tr, today),
            Some(Action::OutOfContact) => {
                let out = self
                    .roster
                    .members
                    .get(self.selected)
                    .is_some_and(|m| m.out_of_contact.is_some());
                let kind = if out {
                    DialogKind::Restore
                } else {
                    DialogKind::OutOfContact
                };
                self.open(kind, tr, today);
            }
            Some(Action::ToggleExclusion) => {
                let excluded = self
                    .roster
                    .members
                    .get(self.selected)
                    .is_some_and(|m| m.exclusion.is_some());
                let kind = if excluded {
                    DialogKind::Include
                } else {
                    DialogKind::Exclude
                };
                self.open(kind, tr, today);
            }
            Some(Action::EditPlace) => self.open(DialogKind::Place, tr, today),
            Some(Action::ImportRoster) => {
                return vec![Effect::Open(super::super::home::Entry::Import)];
            }
            Some(Action::Back) => return vec![Effect::Home],
            Some(Action::Help) => return vec![Effect::Help(Context::Roster)],
            _ => {}
        }
        Vec::new()
    }

    /// Apply a valid change to the screen's roster and ask the loop to keep it.
    fn make(&mut self, change: RosterChange, by: String, tr: Tr, at: Timestamp) -> Vec<Effect> {
        let mut next = self.roster.clone();
        if let Err(e) = change.apply(&mut next) {
            if let Some(d) = &mut self.dialog {
                d.form.error = Some(tr.roster_change_error(&e));
            }
            return Vec::new();
        }
        let added = matches!(change, RosterChange::Added { .. });
        self.roster = next;
        self.dialog = None;
        if added {
            self.selected = self.roster.members.len().saturating_sub(1);
        }
        self.selected = self
            .selected
            .min(self.roster.members.len().saturating_sub(1));
        let entry = HistoryEntry { at, by, change };
        vec![Effect::SaveRoster(
            Box::new(self.roster.clone()),
            Box::new(entry),
        )]
    }
}
