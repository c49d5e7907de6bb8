//! What an update asks the loop to do. Updates change only screen state and return effects; the
//! loop (`tui::run`) carries them out through the `Session` and the data directory, and hands the
//! results back to the screen. Every key is therefore testable as `update(model, action) == effects`
//! with no disk.

use std::path::PathBuf;

use super::home::Entry;
use super::keymap::Context;
use crate::domain::{Event, MeetingSetup};
use crate::minutes::Minutes;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Apply an event to the meeting and journal it (`Session::record`).
    Record(Event),
    /// End the meeting if needed and write the minutes file (`Session::finalize`).
    Finalize,
    /// Ask where the printable record of the finalized minutes file at this path goes: the loop
    /// finds the default folder (Documents/branchday) and the screen opens the dialog with it.
    OfferExport(PathBuf),
    /// Write the printable record of the finalized minutes file `minutes`, in every format, into
    /// `folder` (created when missing).
    Export { minutes: PathBuf, folder: PathBuf },
    /// What the reviewer's browser asks for: read a file, save a remark, export.
    Review(crate::review::app::Effect),
    /// Show the help overlay for a key context.
    Help(Context),
    /// Open what a home-screen entry names (a new meeting, a draft, the browser, …).
    Open(Entry),
    /// Start a meeting from a filled-in setup.
    Start(Box<MeetingSetup>),
    /// Correct a finalized record, for the 更正原因 given.
    Correct(Box<Minutes>, String),
    /// Take a draft's lock over from a holder nobody can reach (with the secretary's yes), then
    /// resume the draft.
    TakeOver,
    /// Keep a change to the roster: its history entry, then the roster it produced.
    SaveRoster(
        Box<crate::domain::Roster>,
        Box<crate::domain::roster_change::HistoryEntry>,
    ),
    /// Read a roster file for the import preview.
    ReadRoster(Box<super::roster::import::ImportRequest>),
    /// Write the imported roster (read from this file), with its history entry.
    WriteImported(Box<crate::domain::Roster>, PathBuf),
    /// Back to the home screen.
    Home,
    /// Leave the meeting: make sure everything is on disk, then go home.
    Leave,
    /// End the program.
    Quit,
}
