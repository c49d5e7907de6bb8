//! Keys as data: each context has a table of (key, action); the footer and the help overlay are
//! generated from the same tables, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::vocabulary::Action;

/// Where the keys are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Home,
    CheckIn,
    Study,
    Activity,
    Items,
    WrapUp,
    Editor,
    Form,
    Roster,
    Picker,
    Help,
}

/// Where a binding is listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    /// In the footer and the help.
    Footer,
    /// In the help only.
    Help,
    /// Nowhere (another binding's label covers it, as `↑↓` covers `↓`).
    Hidden,
}

/// One key: what it asks for and where it is listed. Every screen's keys, the meeting's and the
/// reviewer's alike, are tables of these, looked up by [`find`]; `A` is the screen's action type.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A = Action> {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: A,
    pub show: Show,
    /// How the key is written when it is not the key's own name (e.g. `↑↓` for a pair).
    pub label: Option<&'static str>,
}

impl<A> Binding<A> {
    /// A binding with no modifier, written as the key's name.
    #[must_use]
    pub const fn new(code: KeyCode, action: A, show: Show) -> Binding<A> {
        Binding {
            code,
            mods: KeyModifiers::NONE,
            action,
            show,
            label: None,
        }
    }
}

impl<A: Copy> Binding<A> {
    /// The same binding, with Control.
    #[must_use]
    pub const fn ctrl(self) -> Binding<A> {
        Binding {
            mods: KeyModifiers::CONTROL,
            ..self
        }
    }

    /// The same binding, written as `label`.
    #[must_use]
    pub const fn labelled(self, label: &'static str) -> Binding<A> {
        Binding {
            label: Some(label),
            ..self
        }
    }
}

/// The action bound to a key in a table. Shift is part of the character for printable keys (e.g.
/// `?`), so it is ignored; every other modifier must match.
#[must_use]
pub fn find<'a, A: Copy + 'a>(
    table: impl IntoIterator<Item = &'a Binding<A>>,
    k: KeyEvent,
) -> Option<A> {
    let mods = k.modifiers - KeyModifiers::SHIFT;
    table
        .into_iter()
        .find(|b| b.code == k.code && b.mods == mods)
        .map(|b| b.action)
}

const fn show(footer: bool) -> Show {
    if footer { Show::Footer } else { Show::Help }
}

const fn key(code: KeyCode, action: Action, footer: bool) -> Binding {
    Binding::new(code, action, show(footer))
}

const fn ctrl(c: char, action: Action, footer: bool) -> Binding {
    Binding::new(KeyCode::Char(c), action, show(footer)).ctrl()
}

const fn ch(c: char, action: Action, footer: bool) -> Binding {
    key(KeyCode::Char(c), action, footer)
}

use Action as A;
use KeyCode as K;

/// Keys every meeting panel shares.
const MEETING: &[Binding] = &[
    key(K::PageDown, A::NextStage, true),
    key(K::PageUp, A::PrevStage, false),
    key(K::F(2), A::ShowCheckIn, false),
    key(K::F(3), A::ShowStudy, false),
    key(K::F(4), A::ShowItems, false),
    key(K::F(5), A::ShowWrapUp, false),
    key(K::F(1), A::Help, true),
    ctrl('q', A::Quit, true),
];

const HOME: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    key(K::Enter, A::Confirm, true),
    ch('n', A::NewMeeting, true),
    ch('b', A::Browse, true),
    ch('r', A::ShowRoster, true),
    ch('i', A::ImportRoster, false),
    ch('?', A::Help, true),
    key(K::F(1), A::Help, false),
    ch('q', A::Quit, true),
    ctrl('q', A::Quit, false),
];

const CHECK_IN: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    key(K::Enter, A::MarkArrived, true),
    ch('1', A::MarkPresent, false),
    key(K::F(6), A::StartMeeting, true),
    ch('2', A::MarkLate, true),
    ch('3', A::MarkExcused, true),
    ch('4', A::MarkAbsent, true),
    ch('5', A::MarkLeft, true),
    ch('0', A::ClearMark, false),
    ctrl('z', A::Undo, true),
    ctrl('a', A::AllPresent, false),
    ctrl('g', A::AddGuest, true),
    ctrl('e', A::EditGuest, false),
    ctrl('x', A::RemoveGuest, false),
    key(K::Esc, A::ClearFilter, false),
];

/// Keys of a list whose entries can be corrected, removed and reordered.
const fn move_key(code: KeyCode, action: Action) -> Binding {
    Binding::new(code, action, Show::Help).ctrl()
}

const STUDY: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    ch('a', A::AddTopic, true),
    ch('c', A::Edit, false),
    key(K::Delete, A::Remove, false),
    move_key(K::Up, A::MoveUp),
    move_key(K::Down, A::MoveDown),
    key(K::Enter, A::EditNotes, true),
    ch('e', A::EditNotes, false),
    ch('t', A::ToggleTimer, true),
    ch('?', A::Help, false),
];

const ACTIVITY: &[Binding] = &[
    key(K::Enter, A::EditNotes, true),
    ch('e', A::EditNotes, false),
    ch('?', A::Help, false),
];

const ITEMS: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    ch('a', A::AddItem, true),
    ch('c', A::Edit, false),
    key(K::Delete, A::Remove, false),
    move_key(K::Up, A::MoveUp),
    move_key(K::Down, A::MoveDown),
    key(K::Enter, A::EditNotes, true),
    ch('e', A::EditNotes, false),
    ch('d', A::EditDecision, true),
    ch('v', A::Vote, true),
    ch('u', A::AnnulVote, false),
    ch('?', A::Help, false),
];

const WRAP_UP: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    ch('a', A::AddAction, true),
    ch('c', A::Edit, false),
    key(K::Delete, A::Remove, false),
    move_key(K::Up, A::MoveUp),
    move_key(K::Down, A::MoveDown),
    ch('s', A::EditSummary, true),
    ch('m', A::EditDetails, true),
    ch('f', A::Finalize, true),
    ch('x', A::Export, true),
    ch('?', A::Help, false),
];

const EDITOR: &[Binding] = &[
    key(K::Esc, A::Back, true),
    key(K::F(1), A::Help, true),
    ctrl('q', A::Quit, false),
];

const FORM: &[Binding] = &[
    key(K::Tab, A::NextField, true),
    key(K::Down, A::NextField, false),
    key(K::BackTab, A::PrevField, false),
    key(K::Up, A::PrevField, false),
    key(K::Enter, A::Confirm, true),
    ctrl('s', A::Submit, true),
    key(K::Esc, A::Back, true),
    key(K::F(1), A::Help, false),
];

const ROSTER: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    ch('a', A::AddMember, true),
    ch('t', A::TransferOut, true),
    ch('s', A::ChangeStanding, true),
    ch('l', A::OutOfContact, true),
    ch('x', A::ToggleExclusion, true),
    key(K::Enter, A::EditPlace, false),
    ch('e', A::EditPlace, false),
    ch('i', A::ImportRoster, false),
    key(K::Esc, A::Back, true),
    ch('q', A::Back, false),
    ch('?', A::Help, true),
];

const PICKER: &[Binding] = &[
    key(K::Up, A::Up, false),
    key(K::Down, A::Down, false),
    key(K::Enter, A::Confirm, true),
    key(K::Esc, A::Back, true),
    ch('?', A::Help, true),
];

const HELP: &[Binding] = &[
    key(K::Esc, A::Back, true),
    ch('?', A::Back, false),
    key(K::F(1), A::Back, false),
];

/// The bindings of a context, most specific first (meeting panels end with the shared keys).
#[must_use]
pub fn bindings(ctx: Context) -> Vec<&'static Binding> {
    let own: &[Binding] = match ctx {
        Context::Home => HOME,
        Context::CheckIn => CHECK_IN,
        Context::Study => STUDY,
        Context::Activity => ACTIVITY,
        Context::Items => ITEMS,
        Context::WrapUp => WRAP_UP,
        Context::Editor => EDITOR,
        Context::Form => FORM,
        Context::Roster => ROSTER,
        Context::Picker => PICKER,
        Context::Help => HELP,
    };
    let shared: &[Binding] = match ctx {
        Context::CheckIn
        | Context::Study
        | Context::Activity
        | Context::Items
        | Context::WrapUp => MEETING,
        _ => &[],
    };
    own.iter().chain(shared).collect()
}

/// The action a key asks for in a context.
#[must_use]
pub fn lookup(ctx: Context, k: KeyEvent) -> Option<Action> {
    find(bindings(ctx), k)
}

/// How the key for `action` in `ctx` is written, for a sentence that names it (the first binding,
/// as the footer lists it). Empty when the context has no key for it.
#[must_use]
pub fn key_for(ctx: Context, action: Action) -> String {
    bindings(ctx)
        .into_iter()
        .find(|b| b.action == action)
        .map(key_label)
        .unwrap_or_default()
}

/// How the key for `action` in a table of any screen is written (the first binding); empty when
/// the table has none.
#[must_use]
pub fn key_in<A: PartialEq + Copy>(table: &[Binding<A>], action: A) -> String {
    table
        .iter()
        .find(|b| b.action == action)
        .map(key_label)
        .unwrap_or_default()
}

/// How a key is written in the footer and help.
#[must_use]
pub fn key_label<A>(b: &Binding<A>) -> String {
    if let Some(label) = b.label {
        return label.to_owned();
    }
    let base = match b.code {
        K::Enter => "Enter".to_owned(),
        K::Esc => "Esc".to_owned(),
        K::Tab => "Tab".to_owned(),
        K::BackTab => "Shift+Tab".to_owned(),
        K::Up => "↑".to_owned(),
        K::Down => "↓".to_owned(),
        K::Left => "←".to_owned(),
        K::Right => "→".to_owned(),
        K::PageDown => "PgDn".to_owned(),
        K::PageUp => "PgUp".to_owned(),
        K::Delete => "Del".to_owned(),
        K::Backspace => "Backspace".to_owned(),
        K::F(n) => format!("F{n}"),
        K::Char(c) => c.to_string(),
        other => format!("{other:?}"),
    };
    if b.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl+{}", base.to_uppercase())
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_name_the_key_the_keymap_binds() {
        assert_eq!(key_for(Context::Items, Action::AddItem), "a");
        assert_eq!(key_for(Context::Items, Action::EditNotes), "Enter");
        assert_eq!(key_for(Context::WrapUp, Action::Finalize), "f");
        assert_eq!(key_for(Context::Form, Action::Submit), "Ctrl+S");
        assert_eq!(key_for(Context::Help, Action::Back), "Esc");
        assert_eq!(key_for(Context::CheckIn, Action::Quit), "Ctrl+Q");
        assert_eq!(key_for(Context::Home, Action::Vote), "");
        assert_eq!(
            key_in(
                crate::review::keys::LIST,
                crate::review::keys::Action::ClearFilters
            ),
            "c"
        );
    }

    #[test]
    fn no_context_binds_one_key_twice() {
        for ctx in [
            Context::Home,
            Context::CheckIn,
            Context::Study,
            Context::Activity,
            Context::Items,
            Context::WrapUp,
            Context::Editor,
            Context::Form,
            Context::Roster,
            Context::Picker,
            Context::Help,
        ] {
            let b = bindings(ctx);
            for (i, x) in b.iter().enumerate() {
                for y in &b[i + 1..] {
                    assert!(
                        !(x.code == y.code && x.mods == y.mods),
                        "{ctx:?}: {:?} bound twice",
                        x.code
                    );
                }
            }
        }
    }

    #[test]
    fn lookup_ignores_shift_on_characters() {
        let k = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Home, k), Some(Action::Help));
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::CheckIn, q), Some(Action::Quit));
        assert_eq!(
            lookup(
                Context::CheckIn,
                KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)
            ),
            None
        );
    }
}
