//! What the program leaves in its data directory: the draft journal, read and replayed as a restart
//! would, and the files in `minutes/`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use branchday::domain::{AttendanceStatus, Event, Meeting};
use branchday::journal::{self, JournalWarning};

use super::DEADLINE;

/// How often [`wait_journal`] reads the journal again.
const REREAD: Duration = Duration::from_millis(20);

/// The one journal in `DIR/drafts`.
pub fn journal_path(data: &Path) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(data.join("drafts"))
        .expect("drafts folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "journal"))
        .collect();
    assert_eq!(found.len(), 1, "expected one journal, found {found:?}");
    found.into_iter().next().expect("journal")
}

/// The newest draft journal in the data directory.
pub fn newest_journal(data: &Path) -> Option<PathBuf> {
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(data.join("drafts"))
        .ok()?
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "journal"))
        .filter_map(|e| Some((e.metadata().ok()?.created().ok()?, e.path())))
        .collect();
    found.sort();
    found.pop().map(|(_, p)| p)
}

/// The events and warnings of the journal at `path` as it is on disk now.
pub fn read_events(path: &Path) -> (Vec<Event>, Vec<JournalWarning>) {
    journal::parse(&std::fs::read(path).expect("read journal"))
}

/// How many events the journal at `path` holds now.
pub fn event_count(path: &Path) -> usize {
    read_events(path).0.len()
}

/// The meeting a restart would rebuild from the journal at `path` (a torn tail is allowed).
pub fn replayed(path: &Path) -> Meeting {
    let (events, _) = read_events(path);
    let (meeting, skipped) = Meeting::replay(&events).expect("journal starts with its meeting");
    assert!(skipped.is_empty(), "events that do not fit: {skipped:?}");
    meeting
}

/// The meeting as the one journal in `data` has it, and what reading it noticed.
pub fn read_journal(data: &Path) -> (Meeting, Vec<JournalWarning>) {
    let (events, warnings) = read_events(&journal_path(data));
    let (meeting, skipped) = Meeting::replay(&events).expect("replay");
    assert!(skipped.is_empty(), "events skipped on replay: {skipped:?}");
    (meeting, warnings)
}

/// The meeting as the one journal in `data` has it; the journal must read cleanly.
pub fn replay(data: &Path) -> Meeting {
    let (meeting, warnings) = read_journal(data);
    assert!(warnings.is_empty(), "journal warnings: {warnings:?}");
    meeting
}

/// Read the journal until the replayed meeting satisfies `ok` (deadline as for the screen). A line
/// being written at that moment may read as torn; the next read sees it whole.
pub fn wait_journal(data: &Path, what: &str, ok: impl Fn(&Meeting) -> bool) -> Meeting {
    let deadline = Instant::now() + DEADLINE;
    loop {
        let (m, _) = read_journal(data);
        if ok(&m) {
            return m;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the journal to hold {what}"
        );
        std::thread::sleep(REREAD);
    }
}

/// The attendance status a member has in the replayed meeting.
pub fn status_of(m: &Meeting, name: &str) -> Option<AttendanceStatus> {
    let i = m.members().iter().position(|x| x.name == name)?;
    m.marks[i].as_ref().map(|(mark, _)| mark.status)
}

/// Files in `minutes/`: (visible minutes files, hidden temporary leftovers).
pub fn minutes_files(data: &Path) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut visible = Vec::new();
    let mut hidden = Vec::new();
    for e in std::fs::read_dir(data.join("minutes"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            assert!(
                Path::new(&name).extension().is_some_and(|x| x == "tmp"),
                "unexpected hidden file in minutes/: {name}"
            );
            hidden.push(e.path());
        } else {
            visible.push(e.path());
        }
    }
    visible.sort();
    (visible, hidden)
}
