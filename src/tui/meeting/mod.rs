//! The live meeting: header, agenda sidebar, the panel of the current stage, footer with keys, save
//! status and live quorum. Every change goes through `Session::record` (journal first, then screen).

mod checkin;
mod forms;
mod items;
mod layout;
mod study;
mod wrapup;

use std::path::PathBuf;
use std::time::Instant;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use checkin::CheckIn;
pub use forms::{FormPurpose, Modal};

use crate::domain::agenda::StageKind;
use crate::domain::{AttendanceMark, AttendanceStatus, Event, TextField, Timestamp};
use crate::i18n::Tr;
use crate::session::Session;
use crate::store::DataDir;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::widgets::editor::NoteEditor;
use crate::tui::widgets::form::FormOutcome;

/// The panel on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    CheckIn,
    Study,
    Activity,
    Items,
    WrapUp,
}

impl View {
    #[must_use]
    pub fn of(kind: StageKind) -> View {
        match kind {
            StageKind::CheckIn => View::CheckIn,
            StageKind::Study => View::Study,
            StageKind::Activity => View::Activity,
            StageKind::Items => View::Items,
            StageKind::WrapUp => View::WrapUp,
        }
    }

    fn context(self) -> Context {
        match self {
            View::CheckIn => Context::CheckIn,
            View::Study => Context::Study,
            View::Activity => Context::Activity,
            View::Items => Context::Items,
            View::WrapUp => Context::WrapUp,
        }
    }
}

/// What the app should do after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Leave the meeting (everything is saved) and go back home.
    Leave,
    ShowHelp(Context),
}

/// The live meeting screen.
#[derive(Debug)]
pub struct MeetingScreen {
    pub tr: Tr,
    pub session: Session,
    pub data: DataDir,
    pub view: View,
    pub checkin: CheckIn,
    pub topic: usize,
    pub item: usize,
    pub action: usize,
    pub editor: Option<NoteEditor>,
    pub modal: Option<Modal>,
    /// A one-line message for the status bar.
    pub flash: Option<String>,
    /// Set once the minutes file is written: its path and digest.
    pub finalized: Option<(PathBuf, String)>,
}

impl MeetingScreen {
    #[must_use]
    pub fn new(session: Session, data: DataDir, tr: Tr) -> MeetingScreen {
        let m = &session.meeting;
        let view = m
            .current_stage
            .and_then(|i| m.agenda.get(i))
            .map_or(View::CheckIn, |s| View::of(s.kind));
        let finalized = m
            .finalized
            .as_ref()
            .map(|(p, d)| (PathBuf::from(p), d.clone()));
        MeetingScreen {
            tr,
            checkin: CheckIn::new(m),
            session,
            data,
            view,
            topic: 0,
            item: 0,
            action: 0,
            editor: None,
            modal: None,
            flash: None,
            finalized,
        }
    }

    pub fn tr(&self) -> Tr {
        self.tr
    }

    /// The key context in force (editor and dialogs take precedence).
    pub fn context(&self) -> Context {
        if let Some(modal) = &self.modal {
            match modal {
                Modal::Form(..) => Context::Form,
                // A message closes with any key; its footer says so rather than offer a form's keys.
                Modal::Message(..) => Context::Help,
            }
        } else if self.editor.is_some() {
            Context::Editor
        } else {
            self.view.context()
        }
    }

    /// Record an event; a refusal is shown in the status bar.
    pub(crate) fn record(&mut self, event: Event) -> bool {
        match self.session.record(event) {
            Ok(()) => true,
            Err(e) => {
                self.flash = Some(self.tr().apply_error(&e));
                false
            }
        }
    }

    fn is_final(&self) -> bool {
        self.session.meeting.finalized.is_some()
    }

    /// Journal what the editor holds (on a pause, on focus change, on leaving).
    pub fn save_editor(&mut self) {
        if let Some(ed) = self.editor.as_mut() {
            let saved = self.session.meeting.text(ed.field).to_owned();
            if let Some(splice) = ed.take_splice(&saved) {
                let target = ed.field;
                self.record(Event::TextEdited { target, splice });
            }
        }
    }

    /// Periodic work: journal paused typing, retry saves that the disk refused.
    pub fn tick(&mut self, now: Instant) {
        if self.editor.as_ref().is_some_and(|e| e.due(now)) {
            self.save_editor();
        }
        if self.session.pending() > 0 {
            self.session.flush();
        }
    }

    pub fn open_editor(&mut self, field: TextField, title: String) {
        self.save_editor();
        if self.is_final() {
            self.flash = Some(self.tr().apply_error(&crate::domain::ApplyError::Finalized));
            return;
        }
        let text = self.session.meeting.text(field).to_owned();
        self.editor = Some(NoteEditor::new(field, title, &text));
    }

    pub fn close_editor(&mut self) {
        self.save_editor();
        self.editor = None;
    }

    fn go_stage(&mut self, index: usize, now: Timestamp) {
        self.close_editor();
        let len = self.session.meeting.agenda.len();
        if index >= len || self.is_final() {
            return;
        }
        if self.record(Event::StageStarted { at: now, index }) {
            self.view = View::of(self.session.meeting.agenda[index].kind);
        }
    }

    /// Handle pasted text (bracketed paste): one event, whatever its length.
    pub fn paste(&mut self, text: &str, now: Instant) {
        if let Some(Modal::Form(form, _)) = self.modal.as_mut() {
            form.paste(text);
            self.refresh_preview();
        } else if let Some(ed) = self.editor.as_mut() {
            ed.paste(text, now);
        } else if self.view == View::CheckIn {
            self.checkin.filter.insert_str(text);
            self.checkin.refilter();
        }
    }

    /// Handle a key press.
    pub fn key(&mut self, key: KeyEvent, now: Instant, at: Timestamp) -> Outcome {
        self.flash = None;
        if self.modal.is_some() {
            return self.modal_key(key, at);
        }
        if let Some(ed) = self.editor.as_mut() {
            return match keymap::lookup(Context::Editor, key) {
                Some(Action::Back) => {
                    self.close_editor();
                    Outcome::Stay
                }
                Some(Action::Help) => Outcome::ShowHelp(Context::Editor),
                Some(Action::Quit) => {
                    self.close_editor();
                    Outcome::Leave
                }
                _ => {
                    ed.input(key, now);
                    Outcome::Stay
                }
            };
        }
        let ctx = self.view.context();
        let Some(action) = keymap::lookup(ctx, key) else {
            if self.view == View::CheckIn
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && self.checkin.filter.handle(key)
            {
                self.checkin.refilter();
            }
            return Outcome::Stay;
        };
        self.act(action, ctx, at)
    }

    fn act(&mut self, action: Action, ctx: Context, at: Timestamp) -> Outcome {
        let stage = self.session.meeting.current_stage;
        match action {
            Action::Quit => {
                self.close_editor();
                return Outcome::Leave;
            }
            Action::Help => return Outcome::ShowHelp(ctx),
            Action::NextStage => self.go_stage(stage.map_or(0, |s| s + 1), at),
            Action::PrevStage => {
                if let Some(s) = stage.filter(|s| *s > 0) {
                    self.go_stage(s - 1, at);
                }
            }
            Action::ShowCheckIn => self.view = View::CheckIn,
            Action::ShowStudy => self.view = View::Study,
            Action::ShowItems => self.view = View::Items,
            Action::ShowWrapUp => self.view = View::WrapUp,
            _ => match self.view {
                View::CheckIn => self.checkin_action(action, at),
                View::Study | View::Activity => self.study_action(action, at),
                View::Items => self.items_action(action),
                View::WrapUp => self.wrapup_action(action, at),
            },
        }
        Outcome::Stay
    }

    fn checkin_action(&mut self, action: Action, at: Timestamp) {
        let Some(i) = self.checkin.current() else {
            if action == Action::AddGuest {
                self.open_form(FormPurpose::Guest);
            }
            return;
        };
        let status = match action {
            Action::MarkPresent => AttendanceStatus::Present,
            Action::MarkLate => AttendanceStatus::Late,
            Action::MarkExcused => {
                self.open_form(FormPurpose::Excuse { member: i });
                return;
            }
            Action::MarkAbsent => {
                self.open_form(FormPurpose::Absent { member: i });
                return;
            }
            Action::Undo => {
                self.undo_mark(at);
                return;
            }
            Action::AddGuest => {
                self.open_form(FormPurpose::Guest);
                return;
            }
            Action::Up => {
                self.checkin.up();
                return;
            }
            Action::Down => {
                self.checkin.down();
                return;
            }
            Action::ClearFilter => {
                self.checkin.filter.clear();
                self.checkin.refilter();
                return;
            }
            _ => return,
        };
        self.mark(
            i,
            AttendanceMark {
                status,
                reason: None,
                reason_text: String::new(),
                approver: String::new(),
                left: None,
            },
            at,
        );
    }

    /// Mark a member (roster index) and remember the previous mark for undo.
    pub(crate) fn mark(&mut self, i: usize, mark: AttendanceMark, at: Timestamp) {
        let m = &self.session.meeting;
        let id = m.members()[i].id.clone();
        let previous = m.mark_of(i).cloned();
        if self.record(Event::Marked {
            at,
            member_id: id.clone(),
            mark: Some(mark),
        }) {
            self.checkin.undo.push((id, previous));
            self.checkin.after_mark();
        }
    }

    fn undo_mark(&mut self, at: Timestamp) {
        if let Some((id, previous)) = self.checkin.undo.pop() {
            self.record(Event::Marked {
                at,
                member_id: id,
                mark: previous,
            });
        }
    }

    fn modal_key(&mut self, key: KeyEvent, at: Timestamp) -> Outcome {
        let Some(Modal::Form(form, _)) = self.modal.as_mut() else {
            // Any key dismisses a message.
            if key.code != KeyCode::Null {
                self.modal = None;
            }
            return Outcome::Stay;
        };
        match form.handle(key) {
            FormOutcome::Cancel => self.modal = None,
            FormOutcome::Submit => self.submit_form(at),
            FormOutcome::Changed => self.refresh_preview(),
            FormOutcome::Help => return Outcome::ShowHelp(Context::Form),
            FormOutcome::Continue => {}
        }
        Outcome::Stay
    }

    /// Leave the meeting: journal what is typed and say whether everything is on disk.
    pub fn leave(&mut self) -> bool {
        self.close_editor();
        self.session.flush()
    }
}

#[cfg(test)]
mod tests;
