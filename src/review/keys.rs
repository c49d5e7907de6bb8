//! Keymaps as data: each screen's table of (key, action, shown in the footer). The footer and the
//! help overlay are generated from the same tables, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Everything a key can ask for outside a text field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Open,
    Back,
    Quit,
    Search,
    Month,
    CycleKind,
    CycleStatus,
    CycleReview,
    ClearFilters,
    SortNext,
    SortPrev,
    SortReverse,
    Approve,
    Return,
    Export,
    Supersedes,
    SupersededBy,
    NextFile,
    PrevFile,
    ToggleLang,
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

/// One binding: the key, how it is written, what it does, and where it is listed.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub code: KeyCode,
    pub ctrl: bool,
    pub label: &'static str,
    pub action: Action,
    pub show: Show,
}

const fn key(code: KeyCode, label: &'static str, action: Action, show: Show) -> Binding {
    Binding {
        code,
        ctrl: false,
        label,
        action,
        show,
    }
}

const fn ch(c: char, label: &'static str, action: Action, show: Show) -> Binding {
    key(KeyCode::Char(c), label, action, show)
}

const QUIT_CTRL_C: Binding = Binding {
    code: KeyCode::Char('c'),
    ctrl: true,
    label: "Ctrl-C",
    action: Action::Quit,
    show: Show::Help,
};

/// The list of files.
pub const LIST: &[Binding] = &[
    key(KeyCode::Up, "↑↓", Action::Up, Show::Footer),
    key(KeyCode::Down, "↓", Action::Down, Show::Hidden),
    key(KeyCode::PageUp, "PgUp", Action::PageUp, Show::Help),
    key(KeyCode::PageDown, "PgDn", Action::PageDown, Show::Help),
    key(KeyCode::Home, "Home", Action::Top, Show::Help),
    key(KeyCode::End, "End", Action::Bottom, Show::Help),
    key(KeyCode::Enter, "Enter", Action::Open, Show::Footer),
    ch('/', "/", Action::Search, Show::Footer),
    ch('k', "k", Action::CycleKind, Show::Footer),
    ch('m', "m", Action::Month, Show::Footer),
    ch('s', "s", Action::CycleStatus, Show::Footer),
    ch('v', "v", Action::CycleReview, Show::Help),
    ch('c', "c", Action::ClearFilters, Show::Help),
    ch('o', "o", Action::SortNext, Show::Footer),
    ch('O', "O", Action::SortPrev, Show::Help),
    ch('r', "r", Action::SortReverse, Show::Help),
    ch('a', "a", Action::Approve, Show::Footer),
    ch('x', "x", Action::Return, Show::Footer),
    ch('L', "L", Action::ToggleLang, Show::Help),
    ch('?', "?", Action::Help, Show::Footer),
    ch('q', "q", Action::Quit, Show::Footer),
    QUIT_CTRL_C,
];

/// The detail of one file.
pub const DETAIL: &[Binding] = &[
    key(KeyCode::Up, "↑↓", Action::Up, Show::Footer),
    key(KeyCode::Down, "↓", Action::Down, Show::Hidden),
    key(KeyCode::PageUp, "PgUp", Action::PageUp, Show::Help),
    key(KeyCode::PageDown, "PgDn", Action::PageDown, Show::Help),
    ch(' ', "Space", Action::PageDown, Show::Help),
    key(KeyCode::Home, "Home", Action::Top, Show::Help),
    key(KeyCode::End, "End", Action::Bottom, Show::Help),
    ch('n', "n", Action::NextFile, Show::Footer),
    ch('p', "p", Action::PrevFile, Show::Help),
    ch('<', "<", Action::Supersedes, Show::Help),
    ch('>', ">", Action::SupersededBy, Show::Help),
    ch('a', "a", Action::Approve, Show::Footer),
    ch('x', "x", Action::Return, Show::Footer),
    ch('e', "e", Action::Export, Show::Footer),
    ch('L', "L", Action::ToggleLang, Show::Footer),
    ch('?', "?", Action::Help, Show::Footer),
    key(KeyCode::Esc, "Esc", Action::Back, Show::Footer),
    ch('q', "q", Action::Back, Show::Help),
    QUIT_CTRL_C,
];

/// The help overlay.
pub const HELP: &[Binding] = &[
    key(KeyCode::Esc, "Esc", Action::Back, Show::Footer),
    ch('?', "?", Action::Back, Show::Hidden),
    ch('q', "q", Action::Back, Show::Hidden),
    key(KeyCode::Enter, "Enter", Action::Back, Show::Hidden),
    QUIT_CTRL_C,
];

/// The action bound to a key in a table. Shift is part of the character, so it is ignored;
/// Control must match.
pub fn lookup(table: &[Binding], ev: &KeyEvent) -> Option<Action> {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    table
        .iter()
        .find(|b| b.code == ev.code && b.ctrl == ctrl)
        .map(|b| b.action)
}

/// Keys of a text field's dialog; every other key edits the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    Submit,
    Cancel,
    NextField,
    /// The next export format.
    Format,
}

/// A dialog's keys: (key, label, what it does, shown in the footer).
pub type PromptBinding = (KeyCode, &'static str, PromptKey, bool);

/// A one-field prompt (search, month).
pub const PROMPT: &[PromptBinding] = &[
    (KeyCode::Enter, "Enter", PromptKey::Submit, true),
    (KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// The remark form.
pub const FORM: &[PromptBinding] = &[
    (KeyCode::Enter, "Enter", PromptKey::Submit, true),
    (KeyCode::Tab, "Tab", PromptKey::NextField, true),
    (KeyCode::BackTab, "Shift-Tab", PromptKey::NextField, false),
    (KeyCode::Up, "↑", PromptKey::NextField, false),
    (KeyCode::Down, "↓", PromptKey::NextField, false),
    (KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// The export dialog.
pub const EXPORT: &[PromptBinding] = &[
    (KeyCode::Enter, "Enter", PromptKey::Submit, true),
    (KeyCode::Tab, "Tab", PromptKey::Format, true),
    (KeyCode::BackTab, "Shift-Tab", PromptKey::Format, false),
    (KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// What a key does in a dialog, if it is one of its keys.
pub fn prompt_key(table: &[PromptBinding], ev: &KeyEvent) -> Option<PromptKey> {
    if ev.modifiers.contains(KeyModifiers::CONTROL) {
        return None;
    }
    table.iter().find(|b| b.0 == ev.code).map(|b| b.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_key_is_unique() {
        for table in [LIST, DETAIL, HELP] {
            for (i, a) in table.iter().enumerate() {
                for b in &table[i + 1..] {
                    assert!(
                        !(a.code == b.code && a.ctrl == b.ctrl),
                        "{} bound twice",
                        a.label
                    );
                }
            }
        }
    }

    #[test]
    fn shift_is_part_of_the_character_and_ctrl_must_match() {
        let shifted = KeyEvent::new(KeyCode::Char('O'), KeyModifiers::SHIFT);
        assert_eq!(lookup(LIST, &shifted), Some(Action::SortPrev));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(LIST, &ctrl_c), Some(Action::Quit));
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(LIST, &c), Some(Action::ClearFilters));
    }
}
