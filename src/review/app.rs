//! The browser's state and its update function: a key becomes an `Action`, the action changes the
//! state and returns an `Effect` for the loop to carry out (reading a file, saving a remark,
//! exporting). Nothing here touches the disk or the terminal.

use std::path::PathBuf;

use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

use super::detail::{Detail, Opened};
use super::keys::{self, Action, PromptKey};
use super::model::{Column, Filter, Model, ReviewState, Status, Summary, cycle, parse_month};
use super::remarks::{self, Verdict};
use crate::domain::MeetingKind;
use crate::i18n::{Lang, Tr};
use crate::tui::widgets::line_input::{Edit, LineInput, edit_of};

mod forms;

pub use forms::{ExportForm, ExportRequest, RemarkField, RemarkForm, RemarkRequest, extension};

#[derive(Debug, Clone)]
pub enum Screen {
    List,
    Detail(Box<Detail>),
}

/// A dialog over the screen.
#[derive(Debug, Clone)]
pub enum Modal {
    /// The keys, scrolled by `scroll` lines when they do not fit.
    Help {
        scroll: usize,
    },
    /// The text filter, applied as it is typed; the text before is restored on Esc.
    Search {
        edit: LineInput,
        before: String,
    },
    Month {
        edit: LineInput,
        error: bool,
    },
    Remark(RemarkForm),
    Export(ExportForm),
}

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    /// Read a row's file again, in full, and show it.
    Open(usize),
    SaveRemark(RemarkRequest),
    Export(ExportRequest),
}

/// A line for the message bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The screen split into its bars and the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub status: Rect,
    pub body: Rect,
    pub message: Rect,
    pub footer: Rect,
}

pub fn areas(area: Rect) -> Areas {
    let row = |y: u16, h: u16| Rect {
        x: area.x,
        y,
        width: area.width,
        height: h,
    };
    let h = area.height;
    let body_h = h.saturating_sub(4);
    Areas {
        title: row(area.y, h.min(1)),
        status: row(area.y + 1.min(h), h.saturating_sub(1).min(1)),
        body: row(area.y + 2.min(h), body_h),
        message: row(
            area.y + (2 + body_h).min(h),
            h.saturating_sub(2 + body_h).min(1),
        ),
        footer: row(
            area.y + (3 + body_h).min(h),
            h.saturating_sub(3 + body_h).min(1),
        ),
    }
}

/// The browser.
#[derive(Debug, Clone)]
pub struct App {
    pub tr: Tr,
    /// The keyring signatures are judged against (`--trust`), if any.
    pub keyring: Option<std::sync::Arc<crate::keys::Keyring>>,
    pub model: Model,
    pub screen: Screen,
    pub modal: Option<Modal>,
    /// Position of the highlighted row in the view.
    cursor: usize,
    /// First row shown.
    offset: usize,
    /// The row the reviewer chose; it stays highlighted while more rows load or the order changes.
    /// `None` until the reviewer moves, so the list keeps showing its top.
    follow: Option<usize>,
    size: Rect,
    pub loaded: usize,
    pub total: usize,
    pub message: Option<Message>,
    /// What is being reviewed (folder or files), for the title bar.
    pub source: String,
    reviewer: String,
    /// Where exports go unless the reviewer types another path.
    exports_dir: PathBuf,
}

impl App {
    pub fn new(tr: Tr, source: String, total: usize) -> App {
        App {
            tr,
            keyring: None,
            model: Model::new(),
            screen: Screen::List,
            modal: None,
            cursor: 0,
            offset: 0,
            follow: None,
            size: Rect::new(0, 0, 100, 30),
            loaded: 0,
            total,
            message: None,
            source,
            reviewer: remarks::default_reviewer(),
            exports_dir: PathBuf::from("exports"),
        }
    }

    /// Set the folder exports go to by default.
    pub fn set_exports_dir(&mut self, dir: PathBuf) {
        self.exports_dir = dir;
    }

    pub fn exports_dir(&self) -> &std::path::Path {
        &self.exports_dir
    }

    /// Set the name the remark form starts with.
    pub fn set_reviewer(&mut self, name: &str) {
        name.clone_into(&mut self.reviewer);
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn loading(&self) -> bool {
        self.loaded < self.total
    }

    /// Rows of the list that fit on the screen.
    pub fn page(&self) -> usize {
        usize::from(areas(self.size).body.height.saturating_sub(1)).max(1)
    }

    fn detail_height(&self) -> usize {
        usize::from(areas(self.size).body.height).max(1)
    }

    /// Text width of the detail: one column for the scroll bar and one between.
    pub(crate) fn detail_width(&self) -> usize {
        usize::from(areas(self.size).body.width.saturating_sub(2)).max(1)
    }

    /// The first row shown, so that the cursor is on the page.
    pub fn offset(&self) -> usize {
        let page = self.page();
        let max = self.model.view().len().saturating_sub(page);
        self.offset
            .min(self.cursor)
            .max((self.cursor + 1).saturating_sub(page))
            .min(max)
    }

    /// The terminal's size, before each draw.
    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        let width = self.detail_width();
        if let Screen::Detail(d) = &mut self.screen {
            d.fit(&self.model, self.tr, width);
        }
        self.offset = self.offset();
    }

    /// The row under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.model.view().get(self.cursor).copied()
    }

    /// Rows read by the loader.
    pub fn add_rows(&mut self, rows: Vec<Summary>) {
        self.loaded += rows.len();
        self.model.push(rows);
        self.sync_cursor();
    }

    /// Keep the cursor on the followed row after the view changed.
    fn sync_cursor(&mut self) {
        let view = self.model.view();
        if let Some(p) = self.follow.and_then(|r| view.iter().position(|&v| v == r)) {
            self.cursor = p;
        } else {
            self.cursor = self.cursor.min(view.len().saturating_sub(1));
            if self.follow.is_some() {
                self.follow = view.get(self.cursor).copied();
            }
        }
        self.offset = self.offset();
    }

    fn move_to(&mut self, pos: usize) {
        let len = self.model.view().len();
        if len == 0 {
            return;
        }
        self.cursor = pos.min(len - 1);
        self.follow = self.model.view().get(self.cursor).copied();
        self.offset = self.offset();
    }

    fn move_by(&mut self, delta: isize) {
        self.move_to(self.cursor.saturating_add_signed(delta));
    }

    fn set_filter(&mut self, f: impl FnOnce(&mut Filter)) {
        let mut filter = self.model.filter().clone();
        f(&mut filter);
        self.model.set_filter(filter);
        self.sync_cursor();
    }

    fn set_sort(&mut self, column: Column, descending: bool) {
        self.model.set_sort(column, descending);
        self.sync_cursor();
    }

    fn say(&mut self, text: String, error: bool) {
        self.message = Some(Message { text, error });
    }

    /// A key pressed.
    pub fn on_key(&mut self, ev: KeyEvent) -> Effect {
        if ev.kind != KeyEventKind::Press {
            return Effect::None;
        }
        self.message = None;
        if keys::is_quit(&ev) {
            return Effect::Quit;
        }
        if let Some(modal) = self.modal.take() {
            return self.on_modal_key(modal, ev);
        }
        let table = match self.screen {
            Screen::List => keys::LIST,
            Screen::Detail(_) => keys::DETAIL,
        };
        keys::lookup(table, &ev).map_or(Effect::None, |a| self.update(a))
    }

    /// Text pasted (bracketed paste): it goes to the open text field, if any.
    pub fn on_paste(&mut self, text: &str) {
        let edit = Edit::Paste(text.to_owned());
        match &mut self.modal {
            Some(Modal::Search { edit: e, .. }) => {
                e.apply(&edit);
                let text = e.text().to_owned();
                self.set_filter(|f| f.text = text);
            }
            Some(Modal::Month { edit: e, .. }) => {
                e.apply(&edit);
            }
            Some(Modal::Remark(form)) => {
                match form.focus {
                    RemarkField::Reviewer => form.reviewer.apply(&edit),
                    RemarkField::Comment => form.comment.paste(text),
                };
            }
            Some(Modal::Export(form)) => {
                form.path.apply(&edit);
            }
            Some(Modal::Help { .. }) | None => {}
        }
    }

    /// Carry out an action.
    pub fn update(&mut self, action: Action) -> Effect {
        match &self.screen {
            Screen::Detail(d) => {
                let row = d.row;
                self.update_detail(action, row)
            }
            Screen::List => self.update_list(action),
        }
    }

    fn with_detail(&mut self, f: impl FnOnce(&mut Detail)) {
        if let Screen::Detail(d) = &mut self.screen {
            f(d);
        }
    }

    fn update_detail(&mut self, action: Action, row: usize) -> Effect {
        let height = self.detail_height();
        let step = isize::try_from(height.saturating_sub(1).max(1)).unwrap_or(1);
        match action {
            Action::Up => self.with_detail(|d| d.scroll_by(-1, height)),
            Action::Down => self.with_detail(|d| d.scroll_by(1, height)),
            Action::PageUp => self.with_detail(|d| d.scroll_by(-step, height)),
            Action::PageDown => self.with_detail(|d| d.scroll_by(step, height)),
            Action::Top => self.with_detail(|d| d.scroll_to(0, height)),
            Action::Bottom => self.with_detail(|d| d.scroll_to(usize::MAX, height)),
            Action::Back => self.screen = Screen::List,
            Action::NextFile | Action::PrevFile => {
                // From the file under the list's cursor to its neighbour in the list's order.
                if self.selected() == Some(row) {
                    self.move_by(if action == Action::NextFile { 1 } else { -1 });
                }
                return match self.selected() {
                    Some(next) if next != row => Effect::Open(next),
                    _ => Effect::None,
                };
            }
            Action::Supersedes | Action::SupersededBy => return self.follow_link(action, row),
            Action::Export => self.open_export(row),
            _ => return self.common(action, Some(row)),
        }
        Effect::None
    }

    fn update_list(&mut self, action: Action) -> Effect {
        let page = isize::try_from(self.page()).unwrap_or(1);
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-page),
            Action::PageDown => self.move_by(page),
            Action::Top => self.move_to(0),
            Action::Bottom => self.move_to(usize::MAX),
            Action::Open => return self.selected().map_or(Effect::None, Effect::Open),
            Action::Search => {
                let text = self.model.filter().text.clone();
                self.modal = Some(Modal::Search {
                    edit: LineInput::limited(&text, 200),
                    before: text,
                });
            }
            Action::Month => {
                let text = self
                    .model
                    .filter()
                    .month
                    .map(|(y, m)| format!("{y}-{m:02}"))
                    .unwrap_or_default();
                self.modal = Some(Modal::Month {
                    edit: LineInput::limited(&text, 10),
                    error: false,
                });
            }
            Action::CycleKind => self.set_filter(|f| f.kind = cycle(f.kind, &MeetingKind::ALL)),
            Action::CycleStatus => self.set_filter(|f| f.status = cycle(f.status, &Status::ALL)),
            Action::CycleReview => {
                self.set_filter(|f| f.review = cycle(f.review, &ReviewState::ALL));
            }
            Action::ClearFilters => self.set_filter(|f| *f = Filter::default()),
            Action::SortNext | Action::SortPrev => {
                let (col, _) = self.model.sort();
                let col = if action == Action::SortNext {
                    col.next()
                } else {
                    col.prev()
                };
                // Dates read best newest first; everything else from the smallest.
                self.set_sort(col, col == Column::Date);
            }
            Action::SortReverse => {
                let (col, desc) = self.model.sort();
                self.set_sort(col, !desc);
            }
            Action::ApproveShown => self.open_batch_approval(),
            _ => return self.common(action, self.selected()),
        }
        Effect::None
    }

    /// Actions that work the same on both screens, on `row`.
    fn common(&mut self, action: Action, row: Option<usize>) -> Effect {
        match action {
            Action::Quit => return Effect::Quit,
            Action::Help => self.modal = Some(Modal::Help { scroll: 0 }),
            Action::ToggleLang => {
                self.tr = Tr(match self.tr.lang() {
                    Lang::Zh => Lang::En,
                    Lang::En => Lang::Zh,
                });
                self.refresh_detail();
            }
            Action::Approve | Action::Return => {
                let verdict = if action == Action::Approve {
                    Verdict::Approved
                } else {
                    Verdict::Returned
                };
                self.open_remark(row, verdict);
            }
            _ => {}
        }
        Effect::None
    }

    fn follow_link(&mut self, action: Action, row: usize) -> Effect {
        let target = if action == Action::SupersededBy {
            self.model.superseded_by(row)
        } else {
            self.model
                .row(row)
                .supersedes
                .and_then(|id| self.model.find_id(id))
        };
        let Some(target) = target else {
            return Effect::None;
        };
        if let Some(p) = self.model.view().iter().position(|&v| v == target) {
            self.move_to(p);
        }
        Effect::Open(target)
    }

    fn refresh_detail(&mut self) {
        let width = self.detail_width();
        if let Screen::Detail(d) = &mut self.screen {
            d.rebuild(&self.model, self.tr, width);
        }
    }

    fn on_modal_key(&mut self, modal: Modal, ev: KeyEvent) -> Effect {
        match modal {
            Modal::Help { scroll } => {
                let overflow = crate::tui::footer::overlay_overflow(
                    &super::view::help_rows(self.tr, &self.screen),
                    None,
                    super::view::help_area(self.size),
                );
                let page = usize::from(self.size.height / 2).max(1);
                let scroll = match keys::lookup(keys::HELP, &ev) {
                    Some(Action::Up) => scroll.saturating_sub(1),
                    Some(Action::Down) => scroll + 1,
                    Some(Action::PageUp) => scroll.saturating_sub(page),
                    Some(Action::PageDown) => scroll + page,
                    Some(Action::Top) => 0,
                    Some(Action::Bottom) => overflow,
                    Some(_) => return Effect::None,
                    // Any other key leaves the help open.
                    None => scroll,
                };
                self.modal = Some(Modal::Help {
                    scroll: scroll.min(overflow),
                });
                Effect::None
            }
            Modal::Search { mut edit, before } => {
                match keys::prompt_key(keys::PROMPT, &ev) {
                    Some(PromptKey::Submit) => return Effect::None,
                    Some(PromptKey::Cancel) => {
                        self.set_filter(|f| f.text = before);
                        return Effect::None;
                    }
                    _ => {
                        if let Some(e) = edit_of(&ev)
                            && edit.apply(&e)
                        {
                            let text = edit.text().to_owned();
                            self.set_filter(|f| f.text = text);
                        }
                    }
                }
                self.modal = Some(Modal::Search { edit, before });
                Effect::None
            }
            Modal::Month { mut edit, error } => {
                match keys::prompt_key(keys::PROMPT, &ev) {
                    Some(PromptKey::Cancel) => return Effect::None,
                    Some(PromptKey::Submit) if edit.text().trim().is_empty() => {
                        self.set_filter(|f| f.month = None);
                        return Effect::None;
                    }
                    Some(PromptKey::Submit) => {
                        if let Some(month) = parse_month(edit.text()) {
                            self.set_filter(|f| f.month = Some(month));
                            return Effect::None;
                        }
                        self.modal = Some(Modal::Month { edit, error: true });
                        return Effect::None;
                    }
                    _ => {
                        if let Some(e) = edit_of(&ev) {
                            edit.apply(&e);
                        }
                    }
                }
                self.modal = Some(Modal::Month { edit, error });
                Effect::None
            }
            Modal::Remark(form) => self.on_remark_key(form, ev),
            Modal::Export(form) => self.on_export_key(form, ev),
        }
    }

    /// The loop read a file for the detail screen.
    pub fn opened(&mut self, opened: Opened) {
        let width = self.detail_width();
        let detail = Detail::new(opened, &self.model, self.tr, width);
        self.screen = Screen::Detail(Box::new(detail));
    }

    /// The detail's height, for tests and the view.
    pub fn body_height(&self) -> usize {
        self.detail_height()
    }
}
