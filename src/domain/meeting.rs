//! A meeting in progress: its setup, the events that change it, and the state they produce.
//!
//! The state is always the result of applying events in order (`Meeting::replay`); the journal stores
//! the events, so a restart rebuilds exactly what was on screen.

use std::collections::HashMap;

use super::Timestamp;
pub use super::event::{ApplyError, Event, ListKind, Restored, TextField};
pub use super::record::*;
use super::roster::{Branch, Member};
use super::rules::{self, VoteInput, WrittenOpinion};

/// The state of a meeting, produced by applying events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub setup: MeetingSetup,
    pub created_at: Timestamp,
    pub started_at: Option<Timestamp>,
    pub ended_at: Option<Timestamp>,
    pub agenda: Vec<AgendaStage>,
    pub current_stage: Option<usize>,
    /// When the current stage was (re)entered.
    pub stage_since: Option<Timestamp>,
    /// Aligned with `setup.roster.members`.
    pub marks: Vec<Option<(AttendanceMark, Timestamp)>>,
    pub guests: Vec<Guest>,
    pub study: Vec<StudyTopic>,
    pub items: Vec<Item>,
    pub actions: Vec<ActionItem>,
    pub summary: String,
    pub timeline: Vec<TimelineEntry>,
    /// Set when the minutes file is written: its path and digest.
    pub finalized: Option<(String, String)>,
    index: HashMap<String, usize>,
    /// Check-in marks that can be undone, newest last: the member and the mark they had before.
    undo: Vec<(usize, Option<AttendanceMark>)>,
}

impl Meeting {
    /// A new meeting from its setup.
    #[must_use]
    pub fn new(setup: MeetingSetup, at: Timestamp) -> Meeting {
        let agenda = setup
            .agenda
            .iter()
            .map(|s| AgendaStage {
                title: s.title.clone(),
                kind: s.kind,
                planned_seconds: u64::from(s.planned_minutes) * 60,
                actual_seconds: 0,
                notes: String::new(),
                started_at: None,
                ended_at: None,
            })
            .collect::<Vec<_>>();
        let index = setup
            .roster
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.clone(), i))
            .collect();
        Meeting {
            marks: vec![None; setup.roster.members.len()],
            agenda,
            setup,
            created_at: at,
            started_at: None,
            ended_at: None,
            current_stage: None,
            stage_since: None,
            guests: Vec::new(),
            study: Vec::new(),
            items: Vec::new(),
            actions: Vec::new(),
            summary: String::new(),
            timeline: Vec::new(),
            finalized: None,
            index,
            undo: Vec::new(),
        }
    }

    /// Rebuild a meeting from its events. Events that do not fit are returned with their position
    /// and skipped, so one bad line never blocks resuming.
    pub fn replay<'a>(
        events: impl IntoIterator<Item = &'a Event>,
    ) -> Result<(Meeting, Vec<(usize, ApplyError)>), ApplyError> {
        let mut events = events.into_iter();
        let Some(Event::Created { at, setup }) = events.next() else {
            return Err(ApplyError::NotCreated);
        };
        let mut meeting = Meeting::new((**setup).clone(), *at);
        let mut skipped = Vec::new();
        for (i, e) in events.enumerate() {
            if let Err(err) = meeting.apply(e) {
                skipped.push((i + 1, err));
            }
        }
        Ok((meeting, skipped))
    }

    #[must_use]
    pub fn members(&self) -> &[Member] {
        &self.setup.roster.members
    }

    #[must_use]
    pub fn member_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    #[must_use]
    pub fn mark_of(&self, i: usize) -> Option<&AttendanceMark> {
        self.marks.get(i).and_then(|m| m.as_ref()).map(|(m, _)| m)
    }

    /// Whether a member belongs to the body this meeting convenes (committee, group or everyone).
    #[must_use]
    pub fn in_body(&self, m: &Member) -> bool {
        match self.setup.kind {
            MeetingKind::Committee => m.on_committee(),
            MeetingKind::Group => match &self.setup.group {
                Some(g) => m.group.as_deref() == Some(g.as_str()),
                None => true,
            },
            _ => true,
        }
    }

    /// Members of the body, with their index in the roster.
    pub fn body(&self) -> impl Iterator<Item = (usize, &Member)> {
        self.members()
            .iter()
            .enumerate()
            .filter(|(_, m)| self.in_body(m))
    }

    #[must_use]
    pub fn attended(&self, i: usize) -> bool {
        self.mark_of(i).is_some_and(|m| m.status.attended())
    }

    /// Attended and still here (not left early): present for a vote taken now.
    #[must_use]
    pub fn here(&self, i: usize) -> bool {
        self.mark_of(i)
            .is_some_and(|m| m.status.attended() && m.left.is_none())
    }

    /// 应到 / 实到 over the body's counted members.
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (i, m) in self.body().filter(|(_, m)| m.counted()) {
            c.add(m.standing, self.attended(i));
        }
        c
    }

    /// Entitled voters of the body (full members counted in 应到会): (expected, present, absent ids).
    #[must_use]
    pub fn entitled(&self) -> (u32, u32, Vec<String>) {
        let mut expected = 0;
        let mut present = 0;
        let mut absent = Vec::new();
        for (i, m) in self.body() {
            if m.counted() && m.standing.votes() {
                expected += 1;
                // Someone who left early is not present for a vote taken after they left.
                if self.here(i) {
                    present += 1;
                } else {
                    absent.push(m.id.clone());
                }
            }
        }
        (expected, present, absent)
    }

    /// The rules' input for a vote taken now on an item, from the current attendance.
    pub fn vote_input(
        &self,
        item: usize,
        method: rules::VoteMethod,
        counts: (u32, u32, u32),
        written: Vec<WrittenOpinion>,
        deferred: bool,
    ) -> Result<VoteInput, ApplyError> {
        let body = self.setup.kind.vote_body().ok_or(ApplyError::NoVotes)?;
        let it = self.items.get(item).ok_or(ApplyError::NoSuch {
            what: "item",
            index: item,
        })?;
        let (expected, present, absent_entitled) = self.entitled();
        Ok(VoteInput {
            body,
            item_type: it.item_type,
            method,
            entitled_expected: expected,
            entitled_present: present,
            yes: counts.0,
            no: counts.1,
            abstain: counts.2,
            written,
            absent_entitled,
            deferred,
            settings: self.setup.settings,
            ballots: None,
        })
    }

    fn text_mut(&mut self, target: TextField) -> Result<&mut String, ApplyError> {
        let no = |what, index| ApplyError::NoSuch { what, index };
        match target {
            TextField::Summary => Ok(&mut self.summary),
            TextField::StudyNotes(i) => self
                .study
                .get_mut(i)
                .map(|t| &mut t.notes)
                .ok_or(no("topic", i)),
            TextField::ItemNotes(i) => self
                .items
                .get_mut(i)
                .map(|t| &mut t.notes)
                .ok_or(no("item", i)),
            TextField::ItemDecision(i) => self
                .items
                .get_mut(i)
                .map(|t| &mut t.decision)
                .ok_or(no("item", i)),
            TextField::StageNotes(i) => self
                .agenda
                .get_mut(i)
                .map(|s| &mut s.notes)
                .ok_or(no("stage", i)),
        }
    }

    /// The current text of a field (empty when it does not exist).
    #[must_use]
    pub fn text(&self, target: TextField) -> &str {
        match target {
            TextField::Summary => &self.summary,
            TextField::StudyNotes(i) => self.study.get(i).map_or("", |t| &t.notes),
            TextField::ItemNotes(i) => self.items.get(i).map_or("", |t| &t.notes),
            TextField::ItemDecision(i) => self.items.get(i).map_or("", |t| &t.decision),
            TextField::StageNotes(i) => self.agenda.get(i).map_or("", |s| &s.notes),
        }
    }

    fn close_stage(&mut self, at: Timestamp) {
        let since = self.stage_since.take();
        if let Some(cur) = self.current_stage.take()
            && let Some(stage) = self.agenda.get_mut(cur)
        {
            if let Some(since) = since {
                stage.actual_seconds = stage
                    .actual_seconds
                    .saturating_add(seconds_between(since, at));
            }
            stage.ended_at = Some(at);
        }
    }

    fn stop_timers(&mut self, at: Timestamp) {
        for t in &mut self.study {
            if let Some(since) = t.timer_since.take() {
                t.duration_seconds = t
                    .duration_seconds
                    .saturating_add(seconds_between(since, at));
            }
        }
    }

    /// Whether a check-in mark can be undone (`Event::MarkUndone`).
    #[must_use]
    pub fn can_undo_mark(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether someone arriving at `at` is on time: before the meeting starts, or within the minute
    /// of its planned start when one is set (it is typed to the minute: 14:00 holds until 14:00:59).
    #[must_use]
    pub fn on_time(&self, at: Timestamp) -> bool {
        match (self.started_at, self.setup.planned_start) {
            (None, _) => true,
            (Some(_), Some(planned)) => at < planned + chrono::Duration::minutes(1),
            (Some(started), None) => at <= started,
        }
    }

    /// What `Event::MarkUndone` would undo: the member (roster index) and the mark they get back.
    #[must_use]
    pub fn next_undo(&self) -> Option<(usize, Option<&AttendanceMark>)> {
        self.undo
            .last()
            .map(|(i, previous)| (*i, previous.as_ref()))
    }

    /// The round of an item that stands now (its position in `rounds`), if any.
    #[must_use]
    pub fn standing_round_index(&self, item: usize) -> Option<usize> {
        let it = self.items.get(item)?;
        if it.rounds.is_empty() {
            // A record of format v1 restored for a correction: its vote is round 0.
            return it.vote.as_ref().map(|_| 0);
        }
        it.rounds.iter().rposition(|r| r.annulled.is_none())
    }

    /// Set (or clear) a member's mark at `at` and note it in the timeline.
    fn set_mark(&mut self, at: Timestamp, i: usize, mark: Option<&AttendanceMark>) {
        let name = self.members()[i].name.clone();
        // A correction that keeps an attending member attending (present ↔ late) keeps the time
        // they arrived: a vote closed in between still saw them.
        let since = match (&self.marks[i], mark) {
            (Some((old, arrived)), Some(new)) if old.status.attended() && new.status.attended() => {
                *arrived
            }
            _ => at,
        };
        // ... and when they left, if they had.
        let left = match (&self.marks[i], mark) {
            (Some((old, _)), Some(new)) if old.status.attended() && new.status.attended() => {
                new.left.clone().or_else(|| old.left.clone())
            }
            (_, Some(new)) if new.status.attended() => new.left.clone(),
            _ => None,
        };
        self.marks[i] = mark.cloned().map(|mut m| {
            m.left = left;
            (m, since)
        });
        match mark {
            Some(m) => {
                let detail = m.status.key().to_owned();
                self.log(at, TimelineEvent::CheckedIn, name, detail);
            }
            None => self.log(at, TimelineEvent::AttendanceCleared, name, String::new()),
        }
    }

    fn log(&mut self, at: Timestamp, event: TimelineEvent, subject: String, detail: String) {
        self.timeline.push(TimelineEntry {
            at,
            event,
            subject,
            detail,
        });
    }

    /// Apply one event. The meeting is unchanged when an error is returned.
    pub fn apply(&mut self, event: &Event) -> Result<(), ApplyError> {
        if self.finalized.is_some() {
            return Err(ApplyError::Finalized);
        }
        let no = |what, index| ApplyError::NoSuch { what, index };
        match event {
            Event::Created { .. } => return Err(ApplyError::AlreadyCreated),
            Event::DetailsSet {
                title,
                theme,
                place,
                chair,
                chair_delegated_by,
                recorder,
            } => {
                self.setup.title.clone_from(title);
                self.setup.theme.clone_from(theme);
                self.setup.place.clone_from(place);
                self.setup.chair.clone_from(chair);
                self.setup.chair_delegated_by.clone_from(chair_delegated_by);
                self.setup.recorder.clone_from(recorder);
            }
            Event::StageStarted { at, index } => {
                if *index >= self.agenda.len() {
                    return Err(no("stage", *index));
                }
                self.close_stage(*at);
                // Check-in runs before the meeting starts; any other stage starts it.
                if self.agenda[*index].kind != super::agenda::StageKind::CheckIn {
                    self.started_at.get_or_insert(*at);
                }
                self.ended_at = None;
                let stage = &mut self.agenda[*index];
                stage.started_at.get_or_insert(*at);
                stage.ended_at = None;
                self.current_stage = Some(*index);
                self.stage_since = Some(*at);
                let title = stage.title.clone();
                self.log(*at, TimelineEvent::StageStarted, title, String::new());
            }
            Event::Marked {
                at,
                member_id,
                mark,
            } => {
                let i = self
                    .member_index(member_id)
                    .ok_or_else(|| ApplyError::NoMember(member_id.clone()))?;
                let previous = self.mark_of(i).cloned();
                self.set_mark(*at, i, mark.as_ref());
                self.undo.push((i, previous));
            }
            Event::MeetingStarted { at } => {
                if self.started_at.is_some() {
                    return Err(ApplyError::AlreadyStarted);
                }
                self.started_at = Some(*at);
            }
            Event::MarkUndone { at } => {
                let (i, previous) = self.undo.pop().ok_or(ApplyError::NothingToUndo)?;
                self.set_mark(*at, i, previous.as_ref());
            }
            Event::GuestAdded { at, guest } => {
                self.guests.push(guest.clone());
                let name = guest.name.clone();
                self.log(*at, TimelineEvent::GuestAdded, name, guest.identity.clone());
            }
            Event::GuestRemoved { index } => {
                if *index >= self.guests.len() {
                    return Err(no("guest", *index));
                }
                self.guests.remove(*index);
            }
            Event::TopicAdded {
                title,
                presenter,
                material,
            } => self.study.push(StudyTopic {
                title: title.clone(),
                presenter: presenter.clone(),
                material: material.clone(),
                notes: String::new(),
                duration_seconds: 0,
                timer_since: None,
            }),
            Event::TopicTimer { at, index, running } => {
                if *index >= self.study.len() {
                    return Err(no("topic", *index));
                }
                if *running {
                    self.stop_timers(*at);
                    self.study[*index].timer_since = Some(*at);
                } else {
                    let t = &mut self.study[*index];
                    if let Some(since) = t.timer_since.take() {
                        t.duration_seconds = t
                            .duration_seconds
                            .saturating_add(seconds_between(since, *at));
                    }
                }
            }
            Event::TextEdited { target, splice } => {
                let text = self.text_mut(*target)?;
                if !splice.apply_in_place(text) {
                    return Err(ApplyError::BadSplice);
                }
            }
            Event::ItemAdded {
                title,
                item_type,
                stage,
                source,
                candidate,
            } => self.items.push(Item {
                title: title.clone(),
                item_type: *item_type,
                stage: *stage,
                source: *source,
                candidate: candidate.clone(),
                notes: String::new(),
                decision: String::new(),
                vote: None,
                rounds: Vec::new(),
                appraisal: None,
            }),
            Event::VoteClosed { index, vote } => {
                if self.setup.kind.vote_body().is_none() {
                    return Err(ApplyError::NoVotes);
                }
                let item = self.items.get_mut(*index).ok_or(no("item", *index))?;
                // A decided round stands until it is annulled; a round without quorum or a
                // deferral is followed by a new round.
                let open = item.vote.as_ref().is_none_or(|v| {
                    matches!(
                        v.outcome,
                        rules::Outcome::NoQuorum | rules::Outcome::Deferred
                    )
                });
                if !open {
                    return Err(ApplyError::AlreadyVoted(*index));
                }
                // A record of format v1 restored for a correction has its vote without rounds.
                if item.rounds.is_empty()
                    && let Some(old) = item.vote.take()
                {
                    item.rounds.push(VoteRound {
                        vote: old,
                        annulled: None,
                    });
                }
                item.rounds.push(VoteRound {
                    vote: vote.clone(),
                    annulled: None,
                });
                item.vote = Some(vote.clone());
                let title = item.title.clone();
                let detail = vote.outcome.key().to_owned();
                self.log(vote.closed_at, TimelineEvent::VoteClosed, title, detail);
            }
            Event::VoteAnnulled {
                at,
                index,
                round,
                reason,
            } => {
                if reason.trim().is_empty() {
                    return Err(ApplyError::ReasonRequired);
                }
                let item = self.items.get_mut(*index).ok_or(no("item", *index))?;
                // A record of format v1 restored for a correction has its vote without rounds:
                // that vote is round 0. Checked before anything changes.
                let v1_vote = item.rounds.is_empty() && item.vote.is_some();
                match item.rounds.get(*round) {
                    Some(r) if r.annulled.is_some() => {
                        return Err(ApplyError::AlreadyAnnulled {
                            item: *index,
                            round: *round,
                        });
                    }
                    Some(_) => {}
                    None if v1_vote && *round == 0 => {}
                    None => return Err(no("round", *round)),
                }
                if v1_vote && let Some(old) = item.vote.clone() {
                    item.rounds.push(VoteRound {
                        vote: old,
                        annulled: None,
                    });
                }
                let r = item.rounds.get_mut(*round).ok_or(no("round", *round))?;
                r.annulled = Some(Annulment {
                    at: *at,
                    reason: reason.clone(),
                });
                item.vote = item.standing_round().cloned();
                let title = item.title.clone();
                self.log(*at, TimelineEvent::VoteAnnulled, title, reason.clone());
            }
            Event::Left {
                at,
                member_id,
                reason,
            } => {
                let i = self
                    .member_index(member_id)
                    .ok_or_else(|| ApplyError::NoMember(member_id.clone()))?;
                let name = self.members()[i].name.clone();
                match &mut self.marks[i] {
                    Some((mark, arrived)) if mark.status.attended() && *arrived <= *at => {
                        mark.left = Some(Departure {
                            at: *at,
                            reason: reason.clone(),
                        });
                    }
                    _ => return Err(ApplyError::NotAttending(name)),
                }
                self.log(*at, TimelineEvent::Left, name, reason.clone());
            }
            Event::ActionAdded { action } => {
                if let Some(i) = action.item
                    && i >= self.items.len()
                {
                    return Err(no("item", i));
                }
                self.actions.push(action.clone());
            }
            Event::Appraised { index, appraisal } => {
                let it = self.items.get_mut(*index).ok_or(no("item", *index))?;
                if it.item_type != rules::ItemType::Appraisal {
                    return Err(ApplyError::NotAnAppraisal(*index));
                }
                it.appraisal = Some(appraisal.clone());
                let title = it.title.clone();
                let detail = appraisal.grade.key().to_owned();
                self.log(
                    appraisal.settled_at,
                    TimelineEvent::Appraised,
                    title,
                    detail,
                );
            }
            Event::ItemEdited { .. }
            | Event::ItemRemoved { .. }
            | Event::TopicEdited { .. }
            | Event::TopicRemoved { .. }
            | Event::GuestEdited { .. }
            | Event::ActionEdited { .. }
            | Event::Moved { .. } => self.apply_edit(event)?,
            Event::ActionRemoved { index } => {
                if *index >= self.actions.len() {
                    return Err(no("action", *index));
                }
                self.actions.remove(*index);
            }
            Event::Ended { at } => {
                self.close_stage(*at);
                self.stop_timers(*at);
                self.ended_at = Some(*at);
                self.log(*at, TimelineEvent::Ended, String::new(), String::new());
            }
            Event::Finalized { path, digest, .. } => {
                self.finalized = Some((path.clone(), digest.clone()));
            }
            Event::Restored { record } => {
                let mut marks = vec![None; self.marks.len()];
                for (id, mark, at) in &record.marks {
                    let i = self
                        .member_index(id)
                        .ok_or_else(|| ApplyError::NoMember(id.clone()))?;
                    marks[i] = Some((mark.clone(), *at));
                }
                if let Some(i) = record
                    .actions
                    .iter()
                    .filter_map(|a| a.item)
                    .find(|i| *i >= record.items.len())
                {
                    return Err(no("item", i));
                }
                self.marks = marks;
                self.started_at = Some(record.started_at);
                self.ended_at = Some(record.ended_at);
                self.current_stage = None;
                self.stage_since = None;
                self.agenda.clone_from(&record.agenda);
                self.guests.clone_from(&record.guests);
                self.study.clone_from(&record.study);
                self.items.clone_from(&record.items);
                self.actions.clone_from(&record.actions);
                self.summary.clone_from(&record.summary);
                self.timeline.clone_from(&record.timeline);
            }
        }
        Ok(())
    }

    /// The branch this meeting belongs to.
    #[must_use]
    pub fn branch(&self) -> &Branch {
        &self.setup.roster.branch
    }
}

/// Whole seconds from `a` to `b`, never negative.
#[must_use]
pub fn seconds_between(a: Timestamp, b: Timestamp) -> u64 {
    u64::try_from((b - a).num_seconds()).unwrap_or(0)
}

mod edit;

#[cfg(test)]
pub(crate) mod tests;
