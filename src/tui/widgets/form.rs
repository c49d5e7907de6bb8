//! A dialog of labelled fields: text, number, choice and person (a roster member found by typing,
//! or any name). One widget serves every dialog of the program.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::line_input::LineInput;
use crate::domain::PersonRef;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::search::{self, NameKey};
use crate::typed::ascii_digit;

/// A person to pick: roster members plus free text when allowed.
#[derive(Debug, Clone)]
pub struct PersonField {
    pub input: LineInput,
    people: Vec<(String, String)>,
    keys: Vec<NameKey>,
    matches: Vec<usize>,
    selected: usize,
    /// A name not in the roster is accepted as typed.
    pub free_text: bool,
    /// Shown beside a typed name that is not on the roster (e.g. "（名册外）").
    outside: String,
}

impl PersonField {
    #[must_use]
    pub fn new(
        people: Vec<(String, String)>,
        initial: Option<&PersonRef>,
        free_text: bool,
    ) -> Self {
        let keys = people.iter().map(|(_, n)| NameKey::new(n)).collect();
        let mut f = PersonField {
            input: LineInput::new(initial.map(|p| p.name.clone()).unwrap_or_default()),
            people,
            keys,
            matches: Vec::new(),
            selected: 0,
            free_text,
            outside: String::new(),
        };
        f.refilter();
        if let Some(id) = initial.and_then(|p| p.member_id.as_deref())
            && let Some(pos) = f.matches.iter().position(|&i| f.people[i].0 == id)
        {
            f.selected = pos;
        }
        f
    }

    fn refilter(&mut self) {
        self.matches = if self.input.is_empty() {
            Vec::new()
        } else {
            search::filter(&self.keys, self.input.text())
        };
        self.selected = 0;
    }

    /// The chosen person: the highlighted match, else the typed name when free text is allowed.
    #[must_use]
    pub fn value(&self) -> Option<PersonRef> {
        if let Some(&i) = self.matches.get(self.selected) {
            let (id, name) = &self.people[i];
            return Some(PersonRef {
                member_id: Some(id.clone()),
                name: name.clone(),
            });
        }
        let typed = self.input.text().trim();
        (self.free_text && !typed.is_empty()).then(|| PersonRef {
            member_id: None,
            name: typed.to_owned(),
        })
    }

    /// The same field, saying `label` beside a typed name that is not on the roster.
    #[must_use]
    pub fn outside(mut self, label: &str) -> Self {
        label.clone_into(&mut self.outside);
        self
    }

    fn shown(&self) -> String {
        match (self.matches.get(self.selected), self.matches.len()) {
            (Some(&i), n) if n > 1 => {
                format!("→ {} ({}/{n} ↑↓)", self.people[i].1, self.selected + 1)
            }
            (Some(&i), _) => format!("→ {}", self.people[i].1),
            (None, _) if self.free_text && !self.input.text().trim().is_empty() => {
                self.outside.clone()
            }
            (None, _) => String::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub enum FieldKind {
    Text(LineInput),
    Number(LineInput),
    Choice {
        options: Vec<String>,
        selected: usize,
    },
    Person(Box<PersonField>),
}

/// Which field of a dialog: every dialog reads its answers by these, never by a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldId {
    // Meeting setup and details
    Kind,
    Template,
    Title,
    Theme,
    Place,
    Chair,
    Delegated,
    Recorder,
    Group,
    Start,
    // Attendance and guests
    Reason,
    Details,
    Approver,
    Name,
    Identity,
    // Study topics and items
    Presenter,
    Material,
    ItemType,
    Candidate,
    Stage,
    Source,
    // Votes
    Method,
    Yes,
    No,
    Abstain,
    Deferred,
    /// Why the meeting defers (required with a deferral).
    DeferReason,
    /// The written opinion of the n-th absent voter.
    Written(usize),
    // Secret ballots (无记名投票)
    Issued,
    Returned,
    Valid,
    Invalid,
    /// The n-th 监票人.
    Scrutineer(usize),
    /// 计票人
    Counter,
    /// Why a round is annulled.
    AnnulReason,
    // Leaving early
    LeaveTime,
    /// Which guest.
    GuestIndex,
    /// Where that guest stands in the list.
    GuestPosition,
    // 民主评议党员
    Grade,
    /// Ratings at the n-th grade.
    Tally(usize),
    // Action items
    Task,
    Owner,
    Due,
    ForItem,
    // Confirmations
    Confirm,
    // Corrections
    CorrectionReason,
    // Exports
    Folder,
    /// A field its dialog numbers itself (the roster's dialogs).
    Slot(usize),
}

#[derive(Debug, Clone)]
pub struct Field {
    pub key: FieldId,
    pub label: String,
    pub kind: FieldKind,
}

impl Field {
    pub fn text(key: FieldId, label: impl Into<String>, value: &str) -> Field {
        Field {
            key,
            label: label.into(),
            kind: FieldKind::Text(LineInput::new(value)),
        }
    }

    pub fn number(key: FieldId, label: impl Into<String>, value: u32) -> Field {
        Field {
            key,
            label: label.into(),
            kind: FieldKind::Number(LineInput::new(if value == 0 {
                String::new()
            } else {
                value.to_string()
            })),
        }
    }

    pub fn choice(
        key: FieldId,
        label: impl Into<String>,
        options: Vec<String>,
        selected: usize,
    ) -> Field {
        let selected = selected.min(options.len().saturating_sub(1));
        Field {
            key,
            label: label.into(),
            kind: FieldKind::Choice { options, selected },
        }
    }

    pub fn person(key: FieldId, label: impl Into<String>, f: PersonField) -> Field {
        Field {
            key,
            label: label.into(),
            kind: FieldKind::Person(Box::new(f)),
        }
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    Continue,
    /// A field changed (the owner may recompute a preview).
    Changed,
    Submit,
    Cancel,
    Help,
}

#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Lines the owner computes from the values (e.g. a vote's live result).
    pub preview: Vec<Line<'static>>,
    pub error: Option<String>,
}

impl Form {
    pub fn new(title: impl Into<String>, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            fields,
            focus: 0,
            preview: Vec::new(),
            error: None,
        }
    }

    fn field(&self, key: FieldId) -> Option<&Field> {
        let found = self.fields.iter().find(|f| f.key == key);
        debug_assert!(found.is_some(), "{key:?} asked of a form without it");
        found
    }

    #[must_use]
    pub fn text(&self, key: FieldId) -> String {
        match self.field(key).map(|f| &f.kind) {
            Some(FieldKind::Text(i) | FieldKind::Number(i)) => i.text().trim().to_owned(),
            Some(FieldKind::Person(p)) => p.input.text().trim().to_owned(),
            _ => String::new(),
        }
    }

    /// A number field's value; `None` when it is not a whole number ≥ 0.
    #[must_use]
    pub fn number(&self, key: FieldId) -> Option<u32> {
        let t = self.text(key);
        if t.is_empty() {
            Some(0)
        } else {
            t.parse().ok()
        }
    }

    #[must_use]
    pub fn choice(&self, key: FieldId) -> usize {
        match self.field(key).map(|f| &f.kind) {
            Some(FieldKind::Choice { selected, .. }) => *selected,
            _ => 0,
        }
    }

    #[must_use]
    pub fn person(&self, key: FieldId) -> Option<PersonRef> {
        match self.field(key).map(|f| &f.kind) {
            Some(FieldKind::Person(p)) => p.value(),
            _ => None,
        }
    }

    /// Paste text into the focused field.
    pub fn paste(&mut self, s: &str) -> FormOutcome {
        match self.fields.get_mut(self.focus).map(|f| &mut f.kind) {
            Some(FieldKind::Text(i)) => i.insert_str(s),
            Some(FieldKind::Number(i)) => {
                let digits: String = s
                    .chars()
                    .map(ascii_digit)
                    .filter(char::is_ascii_digit)
                    .collect();
                i.insert_str(&digits);
            }
            Some(FieldKind::Person(p)) => {
                p.input.insert_str(s);
                p.refilter();
            }
            _ => return FormOutcome::Continue,
        }
        FormOutcome::Changed
    }

    pub fn handle(&mut self, key: KeyEvent) -> FormOutcome {
        let n = self.fields.len();
        // Keys the focused field uses before the form's own keys.
        if let Some(field) = self.fields.get_mut(self.focus) {
            match &mut field.kind {
                FieldKind::Choice { options, selected } => match key.code {
                    KeyCode::Left => {
                        *selected = (*selected + options.len() - 1) % options.len().max(1);
                        return FormOutcome::Changed;
                    }
                    KeyCode::Right | KeyCode::Char(' ') => {
                        *selected = (*selected + 1) % options.len().max(1);
                        return FormOutcome::Changed;
                    }
                    KeyCode::Char(c)
                        if c.is_ascii_digit() && !key.modifiers.contains(KeyModifiers::CONTROL) =>
                    {
                        let d = c.to_digit(10).unwrap_or(0) as usize;
                        if (1..=options.len()).contains(&d) {
                            *selected = d - 1;
                            return FormOutcome::Changed;
                        }
                    }
                    _ => {}
                },
                FieldKind::Person(p) => match key.code {
                    KeyCode::Up if p.matches.len() > 1 => {
                        p.selected = (p.selected + p.matches.len() - 1) % p.matches.len();
                        return FormOutcome::Changed;
                    }
                    KeyCode::Down if p.matches.len() > 1 => {
                        p.selected = (p.selected + 1) % p.matches.len();
                        return FormOutcome::Changed;
                    }
                    _ => {
                        if p.input.handle(key) {
                            p.refilter();
                            return FormOutcome::Changed;
                        }
                    }
                },
                FieldKind::Text(i) => {
                    if i.handle(key) {
                        return FormOutcome::Changed;
                    }
                }
                FieldKind::Number(i) => {
                    // A full-width digit (an input method in full-width mode) is the digit.
                    let mut key = key;
                    if let KeyCode::Char(c) = &mut key.code {
                        *c = ascii_digit(*c);
                    }
                    let allowed = match key.code {
                        KeyCode::Char(c) => {
                            c.is_ascii_digit() && !key.modifiers.contains(KeyModifiers::CONTROL)
                        }
                        _ => true,
                    };
                    if allowed && i.handle(key) {
                        return FormOutcome::Changed;
                    }
                }
            }
        }
        match keymap::lookup(Context::Form, key) {
            Some(Action::NextField) => self.focus = (self.focus + 1) % n.max(1),
            Some(Action::PrevField) => self.focus = (self.focus + n.max(1) - 1) % n.max(1),
            Some(Action::Confirm) => {
                if self.focus + 1 >= n {
                    return FormOutcome::Submit;
                }
                self.focus += 1;
            }
            Some(Action::Submit) => return FormOutcome::Submit,
            Some(Action::Back) => return FormOutcome::Cancel,
            Some(Action::Help) => return FormOutcome::Help,
            _ => {}
        }
        FormOutcome::Continue
    }

    /// How many field rows fit, and the first one shown (the focused field stays visible).
    fn window(&self, area: Rect) -> (usize, usize) {
        let extra = self.preview.len() + 3 + usize::from(self.error.is_some());
        let room = usize::from(area.height).saturating_sub(extra).max(1);
        let rows = self.fields.len().min(room);
        let first = (self.focus + 1).saturating_sub(rows);
        (first, rows)
    }

    /// The popup's area inside `area`.
    #[must_use]
    pub fn area(&self, area: Rect) -> Rect {
        let width = area.width.saturating_sub(4).min(84);
        let (_, rows) = self.window(area);
        let height = (rows + self.preview.len() + 3 + usize::from(self.error.is_some()))
            .min(usize::from(area.height)) as u16;
        super::centered(area, width, height)
    }

    fn label_width(&self) -> u16 {
        self.fields
            .iter()
            .map(|f| f.label.width())
            .max()
            .unwrap_or(0) as u16
            + 2
    }

    /// Where the terminal cursor goes (the focused text field's cursor), for input methods.
    #[must_use]
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let popup = self.area(area);
        let col = match &self.fields.get(self.focus)?.kind {
            FieldKind::Text(i) | FieldKind::Number(i) => i.cursor_column(),
            FieldKind::Person(p) => p.input.cursor_column(),
            FieldKind::Choice { .. } => return None,
        };
        let (first, _) = self.window(area);
        let x = popup.x + 1 + self.label_width() + col;
        let y = popup.y + 1 + (self.focus - first) as u16;
        (x < popup.right() && y < popup.bottom()).then_some(Position { x, y })
    }
}

impl Widget for &Form {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let popup = self.area(area);
        super::clear_popup(popup, buf);
        let lw = usize::from(self.label_width());
        let mut lines: Vec<Line> = Vec::new();
        let (first, rows) = self.window(area);
        for (i, f) in self.fields.iter().enumerate().skip(first).take(rows) {
            let focused = i == self.focus;
            let pad = lw.saturating_sub(f.label.width());
            let label = Span::styled(
                format!("{}{}", f.label, " ".repeat(pad)),
                if focused {
                    Style::new().bold().yellow()
                } else {
                    Style::new().dim()
                },
            );
            let value: Vec<Span> = match &f.kind {
                FieldKind::Text(i) | FieldKind::Number(i) => vec![Span::raw(i.text().to_owned())],
                FieldKind::Choice { options, selected } => {
                    let v = options.get(*selected).cloned().unwrap_or_default();
                    if focused {
                        vec![Span::styled(
                            format!("◀ {v} ▶"),
                            Style::new().add_modifier(Modifier::REVERSED),
                        )]
                    } else {
                        vec![Span::raw(v)]
                    }
                }
                FieldKind::Person(p) => vec![
                    Span::raw(p.input.text().to_owned()),
                    Span::raw("  "),
                    Span::styled(p.shown(), Style::new().green()),
                ],
            };
            let mut spans = vec![label];
            spans.extend(value);
            lines.push(Line::from(spans));
        }
        if !self.preview.is_empty() {
            lines.extend(self.preview.iter().cloned());
        }
        if let Some(e) = &self.error {
            lines.push(Line::styled(e.clone(), Style::new().red().bold()));
        }
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(
                Block::bordered()
                    .title(format!(" {} ", self.title))
                    .border_style(Style::new().cyan()),
            )
            .render(popup, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_field_takes_full_width_digits_typed_or_pasted() {
        let mut form = Form::new("", vec![Field::number(FieldId::Yes, "赞成", 0)]);
        for c in ['２', '1', 'x', '０'] {
            form.handle(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
        assert_eq!(form.number(FieldId::Yes), Some(210));
        form.paste("３ 票");
        assert_eq!(form.number(FieldId::Yes), Some(2103));
    }
}
