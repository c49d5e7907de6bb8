//! The live meeting: header, agenda sidebar, the panel of the current stage, footer with keys, save
//! status and live quorum.
//!
//! `Model` is the screen's own state (panel, selection, editor, dialog); the meeting itself is the
//! journal's state and is only read here. `Model::update` turns a key into effects — events to
//! record, finalize, export, leave — and never touches the disk; `MeetingScreen::perform` carries
//! them out through the `Session` and hands each result back (`Model::recorded`, …).

mod attendance;
mod checkin;
mod forms;
mod items;
mod layout;
mod lists;
mod study;
mod vote;
mod wrapup;

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};

pub use checkin::CheckIn;
pub use forms::{FormPurpose, Modal};

use crate::domain::agenda::StageKind;
use crate::domain::{
    ApplyError, AttendanceMark, AttendanceStatus, Event, ListKind, Meeting, TextField, Timestamp,
};
use crate::i18n::Tr;
use crate::session::Session;
use crate::store::DataDir;
use crate::tui::effect::Effect;
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

/// What reaches the screen's update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key press; looked up in the keymap of the context in force.
    Key(KeyEvent),
    /// What a key asks for, already looked up.
    Action(Action),
    /// Pasted text (bracketed paste): one message, whatever its length.
    Paste(String),
    /// Periodic work: journal paused typing.
    Tick,
}

/// The meeting screen's own state. The marks, notes and votes live in the meeting.
#[derive(Debug)]
pub struct Model {
    pub tr: Tr,
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
    /// The folder last typed in the export dialog, offered again next time.
    pub export_folder: Option<String>,
}

impl Model {
    #[must_use]
    pub fn new(m: &Meeting, tr: Tr) -> Model {
        let view = m
            .current_stage
            .and_then(|i| m.agenda.get(i))
            .map_or(View::CheckIn, |s| View::of(s.kind));
        let finalized = m
            .finalized
            .as_ref()
            .map(|(p, d)| (PathBuf::from(p), d.clone()));
        Model {
            tr,
            checkin: CheckIn::new(m),
            view,
            topic: 0,
            item: 0,
            action: 0,
            editor: None,
            modal: None,
            flash: None,
            finalized,
            export_folder: None,
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

    /// Handle one message at `now` (wall clock `at`): change the screen, return what to record.
    pub fn update(&mut self, m: &Meeting, msg: Msg, now: Instant, at: Timestamp) -> Vec<Effect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Key(key) => {
                self.flash = None;
                self.key(m, key, now, at, &mut fx);
            }
            Msg::Action(action) => {
                self.flash = None;
                self.act(m, action, at, &mut fx);
            }
            Msg::Paste(text) => self.paste(m, &text, now),
            Msg::Tick => {
                if self.editor.as_ref().is_some_and(|e| e.due(now)) {
                    self.save_editor(m, &mut fx);
                }
            }
        }
        fx
    }

    /// The loop recorded `event` (or the meeting refused it): follow up on the screen.
    pub fn recorded(&mut self, m: &Meeting, event: &Event, result: &Result<(), ApplyError>) {
        if let Err(e) = result {
            self.flash = Some(self.tr.apply_error(e));
            return;
        }
        match event {
            Event::StageStarted { index, .. } => {
                if let Some(stage) = m.agenda.get(*index) {
                    self.view = View::of(stage.kind);
                }
            }
            Event::Marked {
                member_id,
                mark: Some(_),
                ..
            }
            | Event::Left { member_id, .. } => self.checkin.after_mark(m, member_id),
            Event::TopicAdded { .. } => self.topic = m.study.len().saturating_sub(1),
            Event::ItemAdded { .. } => self.item = m.items.len().saturating_sub(1),
            Event::ActionAdded { .. } => self.action = m.actions.len().saturating_sub(1),
            Event::ActionRemoved { .. } => {
                self.action = self.action.min(m.actions.len().saturating_sub(1));
            }
            Event::ItemRemoved { .. } => self.item = self.item.min(m.items.len().saturating_sub(1)),
            Event::TopicRemoved { .. } => {
                self.topic = self.topic.min(m.study.len().saturating_sub(1));
            }
            // The highlight follows the entry it moved.
            Event::Moved { list, to, .. } => match list {
                ListKind::Items => self.item = *to,
                ListKind::Topics => self.topic = *to,
                ListKind::Actions => self.action = *to,
                ListKind::Guests => {}
            },
            Event::Restored { .. } => self.view = View::WrapUp,
            _ => {}
        }
    }

    /// Journal what the editor holds (on a pause, on focus change, on leaving).
    fn save_editor(&mut self, m: &Meeting, fx: &mut Vec<Effect>) {
        if let Some(ed) = self.editor.as_mut()
            && let Some(splice) = ed.take_splice(m.text(ed.field))
        {
            let target = ed.field;
            fx.push(Effect::Record(Event::TextEdited { target, splice }));
        }
    }

    fn open_editor(&mut self, m: &Meeting, field: TextField, title: String, fx: &mut Vec<Effect>) {
        self.save_editor(m, fx);
        if m.finalized.is_some() {
            self.flash = Some(self.tr.apply_error(&ApplyError::Finalized));
            return;
        }
        self.editor = Some(NoteEditor::new(field, title, m.text(field)));
    }

    fn close_editor(&mut self, m: &Meeting, fx: &mut Vec<Effect>) {
        self.save_editor(m, fx);
        self.editor = None;
    }

    fn go_stage(&mut self, m: &Meeting, index: usize, at: Timestamp, fx: &mut Vec<Effect>) {
        self.close_editor(m, fx);
        if index >= m.agenda.len() || m.finalized.is_some() {
            return;
        }
        fx.push(Effect::Record(Event::StageStarted { at, index }));
    }

    fn paste(&mut self, m: &Meeting, text: &str, now: Instant) {
        if let Some(Modal::Form(form, _)) = self.modal.as_mut() {
            form.paste(text);
            self.refresh_preview(m);
        } else if let Some(ed) = self.editor.as_mut() {
            ed.paste(text, now);
        } else if self.view == View::CheckIn {
            self.checkin.filter.insert_str(text);
            self.checkin.refilter();
        }
    }

    fn key(
        &mut self,
        m: &Meeting,
        key: KeyEvent,
        now: Instant,
        at: Timestamp,
        fx: &mut Vec<Effect>,
    ) {
        if self.modal.is_some() {
            // Ctrl+Q from any popup closes it and leaves the meeting, saved.
            if keymap::lookup(Context::Editor, key) == Some(Action::Quit) {
                self.modal = None;
                fx.push(Effect::Leave);
                return;
            }
            let message = matches!(self.modal, Some(Modal::Message(..)));
            self.modal_key(m, key, at, fx);
            // A message is dismissed by any key, and a key that means something on the screen
            // behind (x to export after finalize) also does it at once.
            // Enter, Esc and Space only dismiss.
            let dismiss_only =
                matches!(key.code, KeyCode::Enter | KeyCode::Esc | KeyCode::Char(' '));
            if !message || dismiss_only || keymap::lookup(self.view.context(), key).is_none() {
                return;
            }
        }
        if let Some(ed) = self.editor.as_mut() {
            match keymap::lookup(Context::Editor, key) {
                Some(Action::Back) => self.close_editor(m, fx),
                Some(Action::Help) => fx.push(Effect::Help(Context::Editor)),
                Some(Action::Quit) => {
                    self.close_editor(m, fx);
                    fx.push(Effect::Leave);
                }
                _ => ed.input(key, now),
            }
            return;
        }
        let Some(action) = keymap::lookup(self.view.context(), key) else {
            if self.view == View::CheckIn
                && !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && self.checkin.filter.handle(key)
            {
                self.checkin.refilter();
            }
            return;
        };
        self.act(m, action, at, fx);
    }

    fn act(&mut self, m: &Meeting, action: Action, at: Timestamp, fx: &mut Vec<Effect>) {
        let stage = m.current_stage;
        match action {
            Action::Quit => {
                self.close_editor(m, fx);
                fx.push(Effect::Leave);
            }
            Action::Help => fx.push(Effect::Help(self.view.context())),
            Action::NextStage => self.go_stage(m, stage.map_or(0, |s| s + 1), at, fx),
            Action::PrevStage => {
                if let Some(s) = stage.filter(|s| *s > 0) {
                    self.go_stage(m, s - 1, at, fx);
                }
            }
            Action::ShowCheckIn => self.view = View::CheckIn,
            Action::ShowStudy => self.view = View::Study,
            Action::ShowItems => self.view = View::Items,
            Action::ShowWrapUp => self.view = View::WrapUp,
            _ => match self.view {
                View::CheckIn => self.checkin_action(m, action, at, fx),
                View::Study | View::Activity => self.study_action(m, action, at, fx),
                View::Items => self.items_action(m, action, fx),
                View::WrapUp => self.wrapup_action(m, action, fx),
            },
        }
    }

    fn checkin_action(&mut self, m: &Meeting, action: Action, at: Timestamp, fx: &mut Vec<Effect>) {
        match action {
            Action::AddGuest => return self.open_form(m, FormPurpose::Guest),
            Action::RemoveGuest => return self.start_remove_guest(m),
            Action::EditGuest => return self.start_edit_guest(m),
            Action::AllPresent => return self.start_all_present(m),
            Action::StartMeeting => {
                if m.started_at.is_some() {
                    self.flash = Some(self.tr.apply_error(&ApplyError::AlreadyStarted));
                } else {
                    fx.push(Effect::Record(Event::MeetingStarted { at }));
                }
                return;
            }
            Action::Undo => {
                if let Some((i, back)) = m.next_undo() {
                    let name = crate::sanitize::line(&m.members()[i].name);
                    let from = m.mark_of(i).map(|k| k.status);
                    self.flash = Some(self.tr.undid(&name, from, back.map(|k| k.status)));
                    fx.push(Effect::Record(Event::MarkUndone { at }));
                }
                return;
            }
            Action::Up => return self.checkin.up(),
            Action::Down => return self.checkin.down(),
            Action::ClearFilter => {
                self.checkin.filter.clear();
                return self.checkin.refilter();
            }
            _ => {}
        }
        let Some(i) = self.checkin.current() else {
            return;
        };
        let status = match action {
            Action::MarkArrived if m.on_time(at) => AttendanceStatus::Present,
            Action::MarkArrived => {
                self.flash = Some(
                    self.tr
                        .marked_late(&keymap::key_for(Context::CheckIn, Action::MarkPresent)),
                );
                AttendanceStatus::Late
            }
            Action::MarkPresent => AttendanceStatus::Present,
            Action::MarkLate => AttendanceStatus::Late,
            Action::MarkExcused => return self.open_form(m, FormPurpose::Excuse { member: i }),
            Action::MarkAbsent => return self.open_form(m, FormPurpose::Absent { member: i }),
            Action::MarkLeft => return self.start_leave(m, i, at),
            Action::ClearMark => return attendance::clear_mark(m, i, at, fx),
            _ => return,
        };
        let mark = AttendanceMark {
            status,
            ..forms::present()
        };
        fx.push(mark_event(m, i, mark, at));
    }

    fn modal_key(&mut self, m: &Meeting, key: KeyEvent, at: Timestamp, fx: &mut Vec<Effect>) {
        let Some(Modal::Form(form, _)) = self.modal.as_mut() else {
            // Any key dismisses a message.
            if key.code != KeyCode::Null {
                self.modal = None;
            }
            return;
        };
        match form.handle(key) {
            FormOutcome::Cancel => self.modal = None,
            FormOutcome::Submit => self.submit_form(m, at, fx),
            FormOutcome::Changed => self.refresh_preview(m),
            FormOutcome::Help => fx.push(Effect::Help(Context::Form)),
            FormOutcome::Continue => {}
        }
    }

    /// Leaving the meeting: journal what is typed.
    #[must_use]
    pub fn leave(&mut self, m: &Meeting) -> Vec<Effect> {
        let mut fx = Vec::new();
        self.close_editor(m, &mut fx);
        fx
    }

    /// Draw the whole screen; returns where the terminal cursor belongs (text input), if anywhere.
    pub fn render(
        &self,
        session: &Session,
        area: Rect,
        buf: &mut Buffer,
        now: Timestamp,
    ) -> Option<Position> {
        self.render_screen(session, area, buf, now)
    }
}

/// The event marking member `i` (roster index).
fn mark_event(m: &Meeting, i: usize, mark: AttendanceMark, at: Timestamp) -> Effect {
    Effect::Record(Event::Marked {
        at,
        member_id: m.members()[i].id.clone(),
        mark: Some(mark),
    })
}

/// What the app should do after a key, once the meeting's effects are carried out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Stay,
    /// Leave the meeting (everything is saved) and go back home.
    Leave,
    ShowHelp(Context),
}

/// The live meeting: its session (meeting, journal, lock) and the screen's state.
#[derive(Debug)]
pub struct MeetingScreen {
    pub session: Session,
    pub model: Model,
}

impl MeetingScreen {
    #[must_use]
    pub fn new(session: Session, tr: Tr) -> MeetingScreen {
        let model = Model::new(&session.meeting, tr);
        MeetingScreen { session, model }
    }

    pub fn tr(&self) -> Tr {
        self.model.tr
    }

    /// The key context in force.
    pub fn context(&self) -> Context {
        self.model.context()
    }

    /// Update with one message and carry out its effects. `data` is where minutes and exports go.
    pub fn step(&mut self, msg: Msg, now: Instant, at: Timestamp, data: &DataDir) -> Outcome {
        let fx = self.model.update(&self.session.meeting, msg, now, at);
        self.perform(fx, at, data)
    }

    /// Handle a key press (update, then carry out what it asks).
    pub fn key(&mut self, key: KeyEvent, now: Instant, at: Timestamp, data: &DataDir) -> Outcome {
        self.step(Msg::Key(key), now, at, data)
    }

    /// Handle pasted text.
    pub fn paste(&mut self, text: &str, now: Instant, at: Timestamp, data: &DataDir) {
        self.step(Msg::Paste(text.to_owned()), now, at, data);
    }

    /// Periodic work: journal paused typing, retry saves that the disk refused.
    pub fn tick(&mut self, now: Instant, at: Timestamp, data: &DataDir) {
        self.step(Msg::Tick, now, at, data);
        if self.session.pending() > 0 {
            self.session.flush();
        }
    }

    /// Record one event and let the screen follow up; whether the meeting took it.
    pub fn record(&mut self, event: Event) -> bool {
        let copy = event.clone();
        let result = self.session.record(event);
        self.model.recorded(&self.session.meeting, &copy, &result);
        result.is_ok()
    }

    /// Carry out effects in order, handing each result back to the screen.
    pub fn perform(&mut self, fx: Vec<Effect>, at: Timestamp, data: &DataDir) -> Outcome {
        let mut outcome = Outcome::Stay;
        for effect in fx {
            match effect {
                Effect::Record(event) => {
                    self.record(event);
                }
                Effect::Finalize => {
                    let result = self.session.finalize(data, at);
                    self.model.finalized(result);
                }
                Effect::OfferExport(minutes) => {
                    let place = crate::export::output::Place::find(data);
                    self.model.offer_export(minutes, &place);
                }
                Effect::Export { minutes, folder } => {
                    let result = crate::tui::export::write_exports(&minutes, &folder, self.tr());
                    self.model.exported(result);
                }
                Effect::Help(ctx) => outcome = Outcome::ShowHelp(ctx),
                Effect::Leave | Effect::Quit => outcome = Outcome::Leave,
                Effect::Open(_)
                | Effect::Start(_)
                | Effect::Correct(..)
                | Effect::Review(_)
                | Effect::Home
                | Effect::TakeOver
                | Effect::SaveRoster(..)
                | Effect::ReadRoster(_)
                | Effect::WriteImported(..) => {}
            }
        }
        outcome
    }

    /// Leave the meeting: journal what is typed and say whether everything is on disk.
    pub fn leave(&mut self) -> bool {
        let fx = self.model.leave(&self.session.meeting);
        for effect in fx {
            if let Effect::Record(event) = effect {
                self.record(event);
            }
        }
        self.session.flush()
    }

    /// Draw the whole screen; returns where the terminal cursor belongs (text input), if anywhere.
    pub fn render(&self, area: Rect, buf: &mut Buffer, now: Timestamp) -> Option<Position> {
        self.model.render(&self.session, area, buf, now)
    }

    pub fn draw(&self, frame: &mut Frame, now: Timestamp) {
        let area = frame.area();
        if let Some(p) = self.render(area, frame.buffer_mut(), now) {
            frame.set_cursor_position(p);
        }
    }
}

#[cfg(test)]
mod room_tests;
#[cfg(test)]
mod size_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod update_tests;
