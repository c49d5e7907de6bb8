//! The browser's keys as data: tables of the program's one binding type (`tui::keymap::Binding`)
//! over the browser's own actions. The footer and the help overlay are generated from the same
//! tables, so they cannot drift from what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::vocabulary::{PromptKey, ReviewAction as Action};

use crate::tui::keymap::{Binding, Show, find};

/// A key with no modifier, written as `label`.
const fn key(code: KeyCode, label: &'static str, action: Action, show: Show) -> Binding<Action> {
    Binding::new(code, action, show).labelled(label)
}

const fn ch(c: char, label: &'static str, action: Action, show: Show) -> Binding<Action> {
    key(KeyCode::Char(c), label, action, show)
}

/// Ctrl+Q leaves every screen of the program, the browser's too (written as the meeting writes it).
const QUIT_CTRL_Q: Binding<Action> =
    Binding::new(KeyCode::Char('q'), Action::Quit, Show::Help).ctrl();

const QUIT_CTRL_C: Binding<Action> =
    Binding::new(KeyCode::Char('c'), Action::Quit, Show::Help).ctrl();

/// The list of files.
pub const LIST: &[Binding<Action>] = &[
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
    ch('A', "A", Action::ApproveShown, Show::Help),
    ch('x', "x", Action::Return, Show::Footer),
    ch('L', "L", Action::ToggleLang, Show::Help),
    ch('?', "?", Action::Help, Show::Footer),
    ch('q', "q", Action::Quit, Show::Footer),
    QUIT_CTRL_Q,
    QUIT_CTRL_C,
];

/// The detail of one file.
pub const DETAIL: &[Binding<Action>] = &[
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
    QUIT_CTRL_Q,
    QUIT_CTRL_C,
];

/// The help overlay: the arrows scroll it when it does not fit; its keys close it.
pub const HELP: &[Binding<Action>] = &[
    key(KeyCode::Up, "↑↓", Action::Up, Show::Footer),
    key(KeyCode::Down, "↓", Action::Down, Show::Hidden),
    key(KeyCode::PageUp, "PgUp", Action::PageUp, Show::Hidden),
    key(KeyCode::PageDown, "PgDn", Action::PageDown, Show::Hidden),
    key(KeyCode::Home, "Home", Action::Top, Show::Hidden),
    key(KeyCode::End, "End", Action::Bottom, Show::Hidden),
    key(KeyCode::Esc, "Esc", Action::Back, Show::Footer),
    ch('?', "?", Action::Back, Show::Hidden),
    ch('q', "q", Action::Back, Show::Hidden),
    key(KeyCode::Enter, "Enter", Action::Back, Show::Hidden),
    QUIT_CTRL_Q,
    QUIT_CTRL_C,
];

/// Whether a key quits the browser from anywhere, a dialog included (Ctrl+Q, Ctrl+C).
pub fn is_quit(ev: &KeyEvent) -> bool {
    find([&QUIT_CTRL_C, &QUIT_CTRL_Q], *ev).is_some()
}

/// The action bound to a key in a table (the program's one lookup, `keymap::find`).
pub fn lookup(table: &[Binding<Action>], ev: &KeyEvent) -> Option<Action> {
    find(table, *ev)
}

const fn prompt(
    code: KeyCode,
    label: &'static str,
    k: PromptKey,
    footer: bool,
) -> Binding<PromptKey> {
    Binding::new(code, k, if footer { Show::Footer } else { Show::Help }).labelled(label)
}

/// A one-field prompt (search, month).
pub const PROMPT: &[Binding<PromptKey>] = &[
    prompt(KeyCode::Enter, "Enter", PromptKey::Submit, true),
    prompt(KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// The remark form. The comment takes several lines: Alt+Enter (or Ctrl+J, which every terminal
/// sends) starts a new one; ↑↓ move between its lines, Tab between the fields.
pub const FORM: &[Binding<PromptKey>] = &[
    prompt(KeyCode::Enter, "Enter", PromptKey::Submit, true),
    Binding {
        mods: KeyModifiers::ALT,
        ..prompt(KeyCode::Enter, "Alt+Enter", PromptKey::Newline, true)
    },
    prompt(KeyCode::Char('j'), "Ctrl+J", PromptKey::Newline, false).ctrl(),
    prompt(KeyCode::Tab, "Tab", PromptKey::NextField, true),
    prompt(KeyCode::BackTab, "Shift-Tab", PromptKey::NextField, false),
    prompt(KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// The export dialog.
pub const EXPORT: &[Binding<PromptKey>] = &[
    prompt(KeyCode::Enter, "Enter", PromptKey::Submit, true),
    prompt(KeyCode::Tab, "Tab", PromptKey::Format, true),
    prompt(KeyCode::BackTab, "Shift-Tab", PromptKey::Format, false),
    prompt(KeyCode::Esc, "Esc", PromptKey::Cancel, true),
];

/// What a key does in a dialog, if it is one of its keys.
pub fn prompt_key(table: &[Binding<PromptKey>], ev: &KeyEvent) -> Option<PromptKey> {
    find(table, *ev)
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
                        !(a.code == b.code && a.mods == b.mods),
                        "{:?} bound twice",
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

    #[test]
    fn ctrl_q_quits_as_on_every_other_screen_of_the_program() {
        let ctrl_q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::CONTROL);
        for table in [LIST, DETAIL, HELP] {
            assert_eq!(lookup(table, &ctrl_q), Some(Action::Quit));
        }
        assert!(is_quit(&ctrl_q));
        assert_eq!(
            crate::tui::keymap::lookup(crate::tui::keymap::Context::CheckIn, ctrl_q),
            Some(crate::tui::keymap::Action::Quit)
        );
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert!(!is_quit(&q), "q types a q in the search and the dialogs");
    }
}
