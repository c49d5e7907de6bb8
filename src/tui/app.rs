//! The application: which screen is up, what a key does to it, and what the loop must do next.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Paragraph, Widget};

use super::browse::BrowseScreen;
use super::effect::Effect;
use super::home::{Entry, Home};
use super::keymap::{self, Action, Context};
use super::meeting::{self, MeetingScreen};
use super::picker::{MinutesPicker, ReasonOutcome};
use super::roster::RosterModel;
use super::roster::import::{ImportRequest, ImportScreen};
use super::setup::{SetupOutcome, SetupScreen};
use super::{footer, templates};
use crate::domain::{Event, Roster, Timestamp};
use crate::i18n::Tr;
use crate::review::app::Effect as ReviewEffect;
use crate::session::Session;
use crate::store::DataDir;

#[derive(Debug)]
pub enum Screen {
    Home(Home),
    Setup(Box<SetupScreen>),
    Meeting(Box<MeetingScreen>),
    Roster(Box<RosterModel>),
    /// Importing a 花名册 from the screen.
    RosterImport(Box<ImportScreen>),
    Pick(MinutesPicker),
    /// The reviewer's browser over minutes files.
    Browse(Box<BrowseScreen>),
}

#[derive(Debug)]
pub struct App {
    pub tr: Tr,
    /// The keyring the browser judges signatures against (`--trust`), if any.
    pub keyring: Option<std::sync::Arc<crate::keys::Keyring>>,
    pub data: DataDir,
    pub demo: bool,
    pub screen: Screen,
    pub help: Option<Context>,
    pub flash: Option<String>,
    pub quit: bool,
    /// The program is the browser alone (`branchday review`): leaving it ends the program.
    pub browse_only: bool,
    /// Lines to print after the terminal is restored.
    pub farewell: Vec<String>,
    /// Leaving a meeting was refused once because the disk refuses to save: the next Ctrl+Q quits.
    pub unsaved_warned: bool,
    /// A draft whose lock's holder cannot be reached, offered for take-over (y / Enter).
    pub takeover: Option<TakeOver>,
}

/// A take-over waiting for the secretary's answer.
#[derive(Debug, Clone)]
pub struct TakeOver {
    pub entry: Entry,
    pub lock: PathBuf,
    pub holder: crate::store::holder::Holder,
}

impl App {
    #[must_use]
    pub fn new(data: DataDir, demo: bool, tr: Tr) -> App {
        let mut app = App {
            tr,
            keyring: None,
            data,
            demo,
            screen: Screen::Home(Home {
                entries: Vec::new(),
                selected: 0,
                branch: None,
                members: 0,
                minutes: 0,
                demo,
                year: None,
            }),
            help: None,
            flash: None,
            quit: false,
            browse_only: false,
            farewell: Vec::new(),
            unsaved_warned: false,
            takeover: None,
        };
        app.go_home();
        app
    }

    /// The browser alone over `paths` (default: the data directory's minutes), for `branchday review`.
    #[must_use]
    pub fn browse(
        data: DataDir,
        paths: Vec<PathBuf>,
        tr: Tr,
        keyring: Option<std::sync::Arc<crate::keys::Keyring>>,
    ) -> App {
        let browser = BrowseScreen::open(paths, &data, tr, keyring.clone());
        App {
            keyring,
            tr,
            data,
            demo: false,
            screen: Screen::Browse(Box::new(browser)),
            help: None,
            flash: None,
            quit: false,
            browse_only: true,
            farewell: Vec::new(),
            unsaved_warned: false,
            takeover: None,
        }
    }

    /// How long the loop waits for a key before its periodic work: short while the browser's list
    /// is still filling in.
    #[must_use]
    pub fn timeout(&self) -> Duration {
        match &self.screen {
            Screen::Browse(b) if b.loading() => Duration::from_millis(40),
            _ => Duration::from_millis(200),
        }
    }

    fn roster(&mut self) -> Option<Roster> {
        match self.data.load_roster() {
            Ok(r) => r,
            Err(e) => {
                self.flash = Some(self.tr.store_error(&e));
                None
            }
        }
    }

    pub fn go_home(&mut self) {
        let roster = self.roster();
        let mut home = Home::load(&self.data, roster.as_ref(), self.demo);
        let (year, msg) = super::home::YearInputs::load(&self.data, roster.as_ref(), self.tr);
        home.year = Some(year);
        if msg.is_some() {
            self.flash = msg;
        }
        self.screen = Screen::Home(home);
    }

    fn context(&self) -> Context {
        match &self.screen {
            Screen::Home(_) => Context::Home,
            Screen::Setup(_) => Context::Form,
            Screen::Meeting(m) => m.context(),
            Screen::Roster(r) => r.context(),
            Screen::RosterImport(i) => i.context(),
            Screen::Pick(_) | Screen::Browse(_) => Context::Picker,
        }
    }

    pub fn paste(&mut self, text: &str, now: Instant, at: Timestamp) {
        match &mut self.screen {
            Screen::Setup(s) => s.paste(text),
            Screen::Meeting(m) => m.paste(text, now, at, &self.data),
            Screen::Browse(b) => b.app.on_paste(text),
            Screen::Pick(p) => p.paste(text),
            Screen::Roster(r) => r.paste(text),
            Screen::RosterImport(i) => i.paste(text),
            Screen::Home(_) => {}
        }
    }

    pub fn tick(&mut self, now: Instant, at: Timestamp) {
        match &mut self.screen {
            Screen::Meeting(m) => m.tick(now, at, &self.data),
            Screen::Browse(b) => b.poll(),
            _ => {}
        }
    }

    /// Handle a key press at `now` (wall clock `at`): update, then carry out the effects.
    pub fn key(&mut self, key: KeyEvent, now: Instant, at: Timestamp) {
        let fx = self.update(key, now, at);
        self.perform(fx, at);
    }

    /// What a key asks for on the screen in front. Only screen state changes here.
    pub fn update(&mut self, key: KeyEvent, now: Instant, at: Timestamp) -> Vec<Effect> {
        if self.help.is_some() {
            if keymap::lookup(Context::Help, key).is_some() {
                self.help = None;
            }
            return Vec::new();
        }
        self.flash = None;
        let one = |e: Effect| vec![e];
        // A take-over asked on home: yes (y or Enter) takes the draft over; any other key declines.
        if self.takeover.is_some() {
            use ratatui::crossterm::event::KeyCode;
            if matches!(key.code, KeyCode::Char('y' | 'Y') | KeyCode::Enter) {
                return one(Effect::TakeOver);
            }
            self.takeover = None;
            return Vec::new();
        }
        match &mut self.screen {
            Screen::Home(home) => match keymap::lookup(Context::Home, key) {
                Some(Action::Up) => home.up(),
                Some(Action::Down) => home.down(),
                Some(Action::Confirm) => {
                    if let Some(e) = home.current().cloned() {
                        return one(Effect::Open(e));
                    }
                }
                Some(Action::NewMeeting) => return one(Effect::Open(Entry::New)),
                Some(Action::Browse) => return one(Effect::Open(Entry::Browse)),
                Some(Action::ShowRoster) => return one(Effect::Open(Entry::Roster)),
                Some(Action::ImportRoster) => return one(Effect::Open(Entry::Import)),
                Some(Action::Help) => return one(Effect::Help(Context::Home)),
                Some(Action::Quit) => return one(Effect::Quit),
                _ => {}
            },
            Screen::Roster(model) => return model.update(key, self.tr, at),
            Screen::RosterImport(screen) => return screen.update(key, self.tr),
            Screen::Pick(picker) if picker.reason.is_some() => {
                match picker.reason_key(key, self.tr) {
                    ReasonOutcome::Correct(reason) => {
                        if let Some(m) = picker.current().cloned() {
                            return one(Effect::Correct(Box::new(m), reason));
                        }
                    }
                    ReasonOutcome::Help => return one(Effect::Help(Context::Form)),
                    ReasonOutcome::Cancel | ReasonOutcome::Continue => {}
                }
            }
            Screen::Pick(picker) => match keymap::lookup(Context::Picker, key) {
                Some(Action::Up) => picker.up(),
                Some(Action::Down) => picker.down(),
                Some(Action::Back) => return one(Effect::Home),
                Some(Action::Help) => return one(Effect::Help(Context::Picker)),
                Some(Action::Confirm) => picker.ask_reason(self.tr),
                _ => {}
            },
            Screen::Setup(setup) => match setup.key(key, self.tr, at) {
                SetupOutcome::Continue => {}
                SetupOutcome::Cancel => return one(Effect::Home),
                SetupOutcome::Help => return one(Effect::Help(Context::Form)),
                SetupOutcome::Create(setup) => return one(Effect::Start(setup)),
            },
            Screen::Meeting(m) => {
                return m
                    .model
                    .update(&m.session.meeting, meeting::Msg::Key(key), now, at);
            }
            Screen::Browse(b) => {
                return match b.app.on_key(key) {
                    ReviewEffect::None => Vec::new(),
                    ReviewEffect::Quit if self.browse_only => one(Effect::Quit),
                    ReviewEffect::Quit => one(Effect::Home),
                    other => one(Effect::Review(other)),
                };
            }
        }
        Vec::new()
    }

    /// Carry out effects in order: the only place a key reaches the disk.
    pub fn perform(&mut self, fx: Vec<Effect>, at: Timestamp) {
        for effect in fx {
            match effect {
                Effect::Record(_)
                | Effect::Finalize
                | Effect::OfferExport(_)
                | Effect::Export { .. } => {
                    if let Screen::Meeting(m) = &mut self.screen {
                        m.perform(vec![effect], at, &self.data);
                    }
                }
                Effect::Review(e) => {
                    if let Screen::Browse(b) = &mut self.screen
                        && b.perform(e, &self.data, at)
                    {
                        self.quit = true;
                    }
                }
                Effect::Help(ctx) => self.help = Some(ctx),
                Effect::TakeOver => {
                    if let Some(t) = self.takeover.take() {
                        match crate::store::holder::take_over(&t.lock, &t.holder) {
                            Ok(()) => self.open(&t.entry, at),
                            Err(e) => {
                                self.flash = Some(
                                    self.tr
                                        .store_error(&crate::store::StoreError::io(&t.lock, e)),
                                );
                            }
                        }
                    }
                }
                Effect::Open(entry) => self.open(&entry, at),
                Effect::Start(setup) => self.start(*setup, at),
                Effect::Correct(m, reason) => self.start_correction(&m, &reason, at),
                Effect::SaveRoster(roster, entry) => self.save_roster(&roster, &entry),
                Effect::ReadRoster(request) => self.read_roster(&request, at),
                Effect::WriteImported(roster, path) => self.write_imported(*roster, &path, at),
                Effect::Home => self.go_home(),
                Effect::Leave => self.leave_meeting(),
                Effect::Quit => self.quit = true,
            }
        }
    }

    fn open(&mut self, entry: &Entry, at: Timestamp) {
        match entry {
            Entry::New => match self.roster() {
                Some(r) => {
                    let t = templates::load(&self.data, self.tr, &mut self.flash);
                    self.screen = Screen::Setup(Box::new(SetupScreen::new(r, t, self.tr, at)));
                }
                None => {
                    self.flash = Some(self.tr.app_import_roster_first().to_owned());
                }
            },
            Entry::Resume { id, .. } => match Session::resume(&self.data, id) {
                Ok(session) => {
                    let warnings: Vec<String> = session
                        .warnings
                        .iter()
                        .map(|w| self.tr.journal_warning(w))
                        .collect();
                    let mut screen = MeetingScreen::new(session, self.tr);
                    if !warnings.is_empty() {
                        screen.model.modal = Some(meeting::Modal::Message(
                            self.tr.app_draft_resumed().to_owned(),
                            warnings,
                        ));
                    }
                    self.screen = Screen::Meeting(Box::new(screen));
                }
                Err(crate::session::SessionError::Store(crate::store::StoreError::Locked {
                    path,
                    holder,
                })) => {
                    let holder = crate::store::holder::classify(&holder);
                    self.flash = Some(self.tr.draft_locked(&holder));
                    if holder.can_take_over() {
                        self.takeover = Some(TakeOver {
                            entry: entry.clone(),
                            lock: path,
                            holder,
                        });
                    }
                }
                Err(e) => self.flash = Some(self.tr.session_error(&e)),
            },
            Entry::Browse => {
                let paths = vec![self.data.minutes_dir()];
                let browser = BrowseScreen::open(paths, &self.data, self.tr, self.keyring.clone());
                self.screen = Screen::Browse(Box::new(browser));
            }
            Entry::Correct => self.screen = Screen::Pick(MinutesPicker::load(&self.data)),
            Entry::Roster => {
                if let Some(roster) = self.roster() {
                    self.screen = Screen::Roster(Box::new(RosterModel::new(roster)));
                }
            }
            Entry::Import => {
                let old = self.roster();
                self.screen =
                    Screen::RosterImport(Box::new(ImportScreen::new(old.as_ref(), self.tr)));
            }
            Entry::Demo => match super::demo_data_dir() {
                Ok(dir) => {
                    self.farewell.push(self.tr.demo_location(dir.root()));
                    self.data = dir;
                    self.demo = true;
                    self.go_home();
                }
                Err(e) => self.flash = Some(self.tr.store_error(&e)),
            },
            Entry::Quit => self.quit = true,
        }
    }

    /// Keep a roster change: the history entry, then the roster. When the disk refuses, the
    /// screen goes back to the roster on disk and says why.
    fn save_roster(&mut self, roster: &Roster, entry: &crate::domain::roster_change::HistoryEntry) {
        match crate::roster_history::record(&self.data, entry, roster) {
            Ok(()) => self.flash = Some(self.tr.roster_saved().to_owned()),
            Err(e) => {
                self.flash = Some(self.tr.store_error(&e));
                if let (Ok(Some(kept)), Screen::Roster(model)) =
                    (self.data.load_roster(), &mut self.screen)
                {
                    model.roster = kept;
                    model.selected = model
                        .selected
                        .min(model.roster.members.len().saturating_sub(1));
                }
            }
        }
    }

    /// Read the file the import dialog names and show its preview (or say what is wrong).
    fn read_roster(&mut self, request: &ImportRequest, at: Timestamp) {
        let old = self.data.load_roster().ok().flatten();
        let opts = crate::roster_import::Options {
            branch: request.branch.clone(),
            sheet: request.sheet.clone(),
            today: Some(at.date_naive()),
        };
        let result = crate::commands::roster::prepare(&request.path, &opts, old.as_ref(), self.tr);
        if let Screen::RosterImport(screen) = &mut self.screen {
            match result {
                Ok((imported, preview)) => {
                    let lines = preview.lines().map(str::to_owned).collect();
                    screen.read(request.clone(), imported, lines);
                }
                Err(message) => screen.failed(message),
            }
        }
    }

    /// Write the imported roster with its history entry, then show it.
    fn write_imported(&mut self, roster: Roster, path: &std::path::Path, at: Timestamp) {
        let by = roster
            .committee()
            .find(|m| m.committee_role == Some(crate::domain::CommitteeRole::Secretary))
            .map(|m| m.name.clone())
            .unwrap_or_default();
        let entry = crate::domain::roster_change::HistoryEntry {
            at,
            by,
            change: crate::domain::roster_change::RosterChange::Imported {
                file: crate::sanitize::path(path),
                members: roster.members.len(),
            },
        };
        match crate::roster_history::record(&self.data, &entry, &roster) {
            Ok(()) => {
                self.flash = Some(self.tr.roster_imported(roster.members.len()));
                self.screen = Screen::Roster(Box::new(RosterModel::new(roster)));
            }
            Err(e) => self.flash = Some(self.tr.store_error(&e)),
        }
    }

    fn start(&mut self, setup: crate::domain::MeetingSetup, at: Timestamp) {
        match Session::create(&self.data, setup, at) {
            Ok(session) => {
                let mut screen = MeetingScreen::new(session, self.tr);
                screen.record(Event::StageStarted { at, index: 0 });
                self.screen = Screen::Meeting(Box::new(screen));
            }
            Err(e) => self.flash = Some(self.tr.session_error(&e)),
        }
    }

    /// Open a new draft that corrects a finalized record (the original file is never changed).
    fn start_correction(&mut self, m: &crate::minutes::Minutes, reason: &str, at: Timestamp) {
        let (setup, restored) =
            crate::minutes::correct::correction(m, uuid::Uuid::now_v7(), reason);
        match Session::create(&self.data, setup, at) {
            Ok(session) => {
                let mut screen = MeetingScreen::new(session, self.tr);
                if screen.record(Event::Restored {
                    record: Box::new(restored),
                }) {
                    screen.model.flash = Some(self.tr.app_correction_finalize_to_save().to_owned());
                }
                self.screen = Screen::Meeting(Box::new(screen));
            }
            Err(e) => self.flash = Some(self.tr.session_error(&e)),
        }
    }

    fn leave_meeting(&mut self) {
        if let Screen::Meeting(m) = &mut self.screen
            && !m.leave()
        {
            if self.unsaved_warned {
                // Asked twice: quit the program; `shutdown` writes the final emergency copy.
                self.quit = true;
                return;
            }
            // The disk still refuses: keep the meeting open (saving is retried), write a complete
            // copy elsewhere and say where, and let a second Ctrl+Q quit.
            self.unsaved_warned = true;
            let copy = m.session.emergency_copy();
            m.model.flash = Some(self.tr.unsaved_on_leave(
                m.session.pending(),
                copy.as_deref(),
                &super::keymap::key_for(
                    super::keymap::Context::CheckIn,
                    super::keymap::Action::Quit,
                ),
            ));
            if let Some(p) = copy {
                let line = self.tr.emergency_copy(&p);
                if !self.farewell.contains(&line) {
                    self.farewell.push(line);
                }
            }
            return;
        }
        self.unsaved_warned = false;
        self.go_home();
    }

    /// Before the program exits (quit, SIGTERM, SIGHUP): journal what is typed, try once more to
    /// save, and write an emergency copy when the disk refuses.
    pub fn shutdown(&mut self) {
        if let Screen::Meeting(m) = &mut self.screen
            && !m.leave()
        {
            let line = match m.session.emergency_copy() {
                Some(p) => self.tr.emergency_copy(&p),
                None => self.tr.emergency_failed(),
            };
            if !self.farewell.contains(&line) {
                self.farewell.push(line);
            }
        }
    }

    pub fn draw(&mut self, frame: &mut Frame, at: Timestamp) {
        let area = frame.area();
        if let Screen::Browse(b) = &mut self.screen {
            // The browser draws its own bars, dialogs and help.
            return b.draw(frame);
        }
        let cursor = match &self.screen {
            Screen::Meeting(m) => m.render(area, frame.buffer_mut(), at),
            other => {
                let [body, keys, status] = Layout::vertical([
                    Constraint::Min(3),
                    Constraint::Length(1),
                    Constraint::Length(1),
                ])
                .areas(area);
                let buf = frame.buffer_mut();
                let cursor = match other {
                    Screen::Home(h) => {
                        h.render(self.tr, at.date_naive(), body, buf);
                        None
                    }
                    Screen::Roster(r) => {
                        r.render(self.tr, body, buf);
                        r.cursor(body)
                    }
                    Screen::RosterImport(i) => {
                        i.render(self.tr, body, buf);
                        i.cursor(body)
                    }
                    Screen::Pick(p) => {
                        p.render(self.tr, body, buf);
                        p.render_reason(body, buf)
                    }
                    Screen::Setup(s) => s.render(body, buf),
                    Screen::Meeting(_) | Screen::Browse(_) => None,
                };
                footer::render_keys(self.context(), self.tr, keys, buf);
                if let Some(msg) = &self.flash {
                    Paragraph::new(msg.as_str())
                        .style(Style::new().fg(Color::Yellow))
                        .render(status, buf);
                }
                cursor
            }
        };
        if let Some(ctx) = self.help {
            footer::render_help(ctx, self.tr, area, frame.buffer_mut());
        } else if let Some(p) = cursor {
            frame.set_cursor_position(p);
        }
    }
}

#[cfg(test)]
mod tests;
