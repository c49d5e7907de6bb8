//! A live meeting: the meeting state, its journal and its lock, kept in step.
//!
//! This is where the loop carries out the meeting's effects: `Effect::Record(event)` is
//! [`Session::record`], `Effect::Finalize` is [`Session::finalize`]. Screens never call these
//! themselves; their update functions only return the effects.
//!
//! `record` applies an event to the meeting and appends it to the journal with fsync. When the disk
//! refuses (full, read-only), the event stays queued in memory, the meeting goes on, and every later
//! call retries the queue in order; on exit an emergency copy of the whole journal is written where
//! possible.

use std::path::{Path, PathBuf};

use crate::domain::{ApplyError, Event, Meeting, MeetingSetup, Timestamp};
use crate::journal::{Journal, JournalError, JournalWarning};
use crate::minutes;
use crate::store::{DataDir, DraftLock, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("{}", crate::i18n::Tr::NEUTRAL.apply_error(.0))]
    Apply(#[from] ApplyError),
}

/// A meeting being run, with its durable journal.
#[derive(Debug)]
pub struct Session {
    pub meeting: Meeting,
    journal: Journal,
    _lock: DraftLock,
    /// Every event so far, for an emergency copy.
    log: Vec<Event>,
    /// Events applied in memory but not yet durable (the disk refused them).
    pending: Vec<Event>,
    /// When the journal last confirmed a write.
    pub saved_at: Option<Timestamp>,
    /// The last save failure, while events are pending.
    pub fault: Option<StoreError>,
    /// What resuming noticed (torn tail, skipped lines).
    pub warnings: Vec<JournalWarning>,
    /// Where the last emergency copy went; a later copy replaces it there.
    emergency: Option<PathBuf>,
}

impl Session {
    /// Open a new meeting in the data directory.
    pub fn create(
        data: &DataDir,
        setup: MeetingSetup,
        at: Timestamp,
    ) -> Result<Session, SessionError> {
        data.ensure()?;
        let id = setup.id;
        let lock = DraftLock::acquire(&data.lock_path(&id))?;
        let created = Event::Created {
            at,
            setup: Box::new(setup.clone()),
        };
        let journal = Journal::create(&data.journal_path(&id), &created)?;
        Ok(Session {
            meeting: Meeting::new(setup, at),
            journal,
            _lock: lock,
            log: vec![created],
            pending: Vec::new(),
            saved_at: Some(crate::clock::now()),
            fault: None,
            warnings: Vec::new(),
            emergency: None,
        })
    }

    /// Resume a draft: take its lock (refused when another instance holds it), replay its journal.
    pub fn resume(data: &DataDir, id: &uuid::Uuid) -> Result<Session, SessionError> {
        let lock = DraftLock::acquire(&data.lock_path(id))?;
        let path = data.journal_path(id);
        let (journal, meeting, warnings) = Journal::open(&path)?;
        let bytes = crate::store::read_capped(&path, crate::journal::MAX_JOURNAL_BYTES)?;
        let (log, _) = crate::journal::parse(&bytes);
        Ok(Session {
            meeting,
            journal,
            _lock: lock,
            log,
            pending: Vec::new(),
            saved_at: Some(crate::clock::now()),
            fault: None,
            warnings,
            emergency: None,
        })
    }

    /// Apply an event and make it durable. An event that does not fit the meeting is refused and
    /// changes nothing; a disk failure keeps the event in memory and reports the fault.
    pub fn record(&mut self, event: Event) -> Result<(), ApplyError> {
        self.meeting.apply(&event)?;
        self.log.push(event.clone());
        self.pending.push(event);
        self.flush();
        Ok(())
    }

    /// Write what is pending, in order. Returns true when nothing is left pending.
    pub fn flush(&mut self) -> bool {
        while let Some(e) = self.pending.first() {
            match self.journal.append(e) {
                Ok(()) => {
                    self.pending.remove(0);
                    self.saved_at = Some(crate::clock::now());
                    self.fault = None;
                }
                Err(err) => {
                    self.fault = Some(err);
                    return false;
                }
            }
        }
        true
    }

    /// Events not yet on disk.
    #[must_use]
    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    #[must_use]
    pub fn journal_path(&self) -> &Path {
        self.journal.path()
    }

    /// The journal itself, for fault injection in tests ([`Journal::swap_file`]).
    #[doc(hidden)]
    pub fn journal_mut(&mut self) -> &mut Journal {
        &mut self.journal
    }

    /// End the meeting if needed, write the minutes file (never overwriting) and record it.
    /// Returns the path and digest.
    pub fn finalize(
        &mut self,
        data: &DataDir,
        at: Timestamp,
    ) -> Result<(PathBuf, String), SessionError> {
        if !self.flush() {
            return Err(self.fault.take().map_or_else(
                || SessionError::Apply(ApplyError::Finalized),
                SessionError::Store,
            ));
        }
        if self.meeting.ended_at.is_none() {
            self.record(Event::Ended { at })?;
        }
        let m = minutes::build(&self.meeting, at);
        let (path, digest) = match data.write_minutes(&m) {
            Ok(done) => done,
            // An earlier finalize wrote the file and stopped before recording it: keep that file
            // when it is this meeting's and intact.
            Err(StoreError::Exists { path }) => match existing_minutes(&path, &m) {
                Some(digest) => (path, digest),
                None => return Err(StoreError::Exists { path }.into()),
            },
            Err(e) => return Err(e.into()),
        };
        self.record(Event::Finalized {
            at,
            path: path.to_string_lossy().into_owned(),
            digest: digest.clone(),
        })?;
        Ok((path, digest))
    }

    /// When events could not be saved: write the whole journal to the first writable place among the
    /// draft folder, the temporary folder, the home folder and the current folder. Returns the path.
    /// A later copy replaces the earlier one in place (atomically) while that place still takes it, so
    /// one meeting leaves one emergency file.
    #[must_use]
    pub fn emergency_copy(&mut self) -> Option<PathBuf> {
        if self.pending.is_empty() {
            return None;
        }
        let mut bytes = Vec::new();
        for e in &self.log {
            if let Ok(line) = serde_json::to_vec(e) {
                bytes.extend_from_slice(&line);
                bytes.push(b'\n');
            }
        }
        if let Some(path) = &self.emergency
            && crate::store::write_replace(path, &bytes).is_ok()
        {
            return Some(path.clone());
        }
        let name = format!(
            "branchday-emergency-{}-{}.journal",
            self.meeting.setup.id,
            crate::clock::now().format("%Y%m%d%H%M%S")
        );
        let mut places: Vec<PathBuf> = Vec::new();
        if let Some(dir) = self.journal.path().parent() {
            places.push(dir.to_path_buf());
        }
        places.push(std::env::temp_dir());
        if let Some(home) = directories::UserDirs::new() {
            places.push(home.home_dir().to_path_buf());
        }
        places.push(PathBuf::from("."));
        let path = places
            .into_iter()
            .map(|dir| dir.join(&name))
            .find(|path| crate::store::write_new(path, &bytes).is_ok())?;
        self.emergency = Some(path.clone());
        Some(path)
    }
}

/// The digest of the valid minutes file at `path` when it holds the same meeting as `m`.
fn existing_minutes(path: &Path, m: &minutes::Minutes) -> Option<String> {
    let checked = minutes::read(path).ok()?;
    let existing = checked.minutes.as_ref()?;
    (existing.id == m.id && !checked.is_tampered() && checked.is_valid())
        .then_some(checked.computed_digest)
        .flatten()
}
