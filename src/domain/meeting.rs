//! A meeting in progress: its setup, the events that change it, and the state they produce.
//!
//! The state is always the result of applying events in order (`Meeting::replay`); the journal stores
//! the events, so a restart rebuilds exactly what was on screen.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Timestamp;
use super::agenda::{StageKind, StageTemplate};
use super::roster::{Branch, Member, Roster, Standing};
use super::rules::{self, ItemType, RuleSettings, VoteBody, VoteInput, VoteRecord, WrittenOpinion};
use super::text::Splice;

/// The meeting kinds of 三会一课 and the themed day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    ThemedDay,
    GeneralAssembly,
    Committee,
    Group,
    Lecture,
    LifeMeeting,
}

impl MeetingKind {
    pub const ALL: [MeetingKind; 6] = [
        MeetingKind::ThemedDay,
        MeetingKind::GeneralAssembly,
        MeetingKind::Committee,
        MeetingKind::Group,
        MeetingKind::Lecture,
        MeetingKind::LifeMeeting,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::ThemedDay => "themed_day",
            MeetingKind::GeneralAssembly => "general_assembly",
            MeetingKind::Committee => "committee",
            MeetingKind::Group => "group",
            MeetingKind::Lecture => "lecture",
            MeetingKind::LifeMeeting => "life_meeting",
        }
    }

    /// Which body votes at this kind of meeting, if any (条例 第十一～十三条).
    #[must_use]
    pub fn vote_body(self) -> Option<VoteBody> {
        match self {
            MeetingKind::ThemedDay | MeetingKind::GeneralAssembly => Some(VoteBody::Assembly),
            MeetingKind::Committee => Some(VoteBody::Committee),
            MeetingKind::Group | MeetingKind::Lecture | MeetingKind::LifeMeeting => None,
        }
    }
}

/// A person named in the record: a roster member (by id) or someone else by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonRef {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member_id: Option<String>,
    pub name: String,
}

impl PersonRef {
    #[must_use]
    pub fn member(m: &Member) -> Self {
        PersonRef {
            member_id: Some(m.id.clone()),
            name: m.name.clone(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    Present,
    Late,
    Excused,
    Absent,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 4] = [
        AttendanceStatus::Present,
        AttendanceStatus::Late,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
    ];

    #[must_use]
    pub fn attended(self) -> bool {
        matches!(self, AttendanceStatus::Present | AttendanceStatus::Late)
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Late => "late",
            AttendanceStatus::Excused => "excused",
            AttendanceStatus::Absent => "absent",
        }
    }
}

/// The reason for a 请假 (no central definition; local practice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExcuseReason {
    /// 病假
    Sick,
    /// 事假
    Personal,
    /// 出差 / 学习培训
    Travel,
    Other,
}

impl ExcuseReason {
    pub const ALL: [ExcuseReason; 4] = [
        ExcuseReason::Sick,
        ExcuseReason::Personal,
        ExcuseReason::Travel,
        ExcuseReason::Other,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            ExcuseReason::Sick => "sick",
            ExcuseReason::Personal => "personal",
            ExcuseReason::Travel => "travel",
            ExcuseReason::Other => "other",
        }
    }
}

/// One member's attendance as marked at the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttendanceMark {
    pub status: AttendanceStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ExcuseReason>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason_text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approver: String,
}

/// A guest (列席): attends and may speak, never votes, never counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guest {
    pub name: String,
    #[serde(default)]
    pub identity: String,
}

/// One agenda stage with planned and actual time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaStage {
    pub title: String,
    pub kind: StageKind,
    pub planned_seconds: u64,
    pub actual_seconds: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended_at: Option<Timestamp>,
}

/// A study topic: presenter, material, notes and the time spent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyTopic {
    pub title: String,
    #[serde(default)]
    pub presenter: String,
    #[serde(default)]
    pub material: String,
    #[serde(default)]
    pub notes: String,
    pub duration_seconds: u64,
    /// Set while the topic's timer runs; not part of the record.
    #[serde(skip)]
    pub timer_since: Option<Timestamp>,
}

/// The stage of an item under 四议两公开.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemStage {
    /// 党组织提议
    Proposal,
    /// 两委商议
    Consultation,
    /// 党员大会审议
    AssemblyReview,
    /// 村民(代表)会议决议
    ResidentsResolution,
    /// 决议公开
    DecisionPublished,
    /// 实施结果公开
    ResultPublished,
}

impl ItemStage {
    pub const ALL: [ItemStage; 6] = [
        ItemStage::Proposal,
        ItemStage::Consultation,
        ItemStage::AssemblyReview,
        ItemStage::ResidentsResolution,
        ItemStage::DecisionPublished,
        ItemStage::ResultPublished,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            ItemStage::Proposal => "proposal",
            ItemStage::Consultation => "consultation",
            ItemStage::AssemblyReview => "assembly_review",
            ItemStage::ResidentsResolution => "residents_resolution",
            ItemStage::DecisionPublished => "decision_published",
            ItemStage::ResultPublished => "result_published",
        }
    }
}

/// Where an item came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemSource {
    MembersSuggestion,
    ResidentsSuggestion,
    CadresProposal,
    SuperiorAssignment,
    Other,
}

impl ItemSource {
    pub const ALL: [ItemSource; 5] = [
        ItemSource::MembersSuggestion,
        ItemSource::ResidentsSuggestion,
        ItemSource::CadresProposal,
        ItemSource::SuperiorAssignment,
        ItemSource::Other,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            ItemSource::MembersSuggestion => "members_suggestion",
            ItemSource::ResidentsSuggestion => "residents_suggestion",
            ItemSource::CadresProposal => "cadres_proposal",
            ItemSource::SuperiorAssignment => "superior_assignment",
            ItemSource::Other => "other",
        }
    }
}

/// A deliberation item (议题).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub title: String,
    pub item_type: ItemType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<ItemStage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<ItemSource>,
    /// The person a membership decision is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<PersonRef>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteRecord>,
}

/// A decision's follow-up: who does what by when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    pub task: String,
    pub owner: PersonRef,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Index of the item it follows from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimelineEvent {
    StageStarted,
    CheckedIn,
    AttendanceCleared,
    GuestAdded,
    VoteClosed,
    Ended,
}

/// A meaningful event in the record's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub at: Timestamp,
    pub event: TimelineEvent,
    pub subject: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

/// Everything fixed when a meeting is opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingSetup {
    pub id: Uuid,
    pub kind: MeetingKind,
    pub title: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub chair: Option<PersonRef>,
    #[serde(default)]
    pub chair_delegated_by: Option<PersonRef>,
    #[serde(default)]
    pub recorder: Option<PersonRef>,
    /// The 党小组 of a group meeting.
    #[serde(default)]
    pub group: Option<String>,
    #[serde(default)]
    pub planned_start: Option<Timestamp>,
    pub agenda: Vec<StageTemplate>,
    pub roster: Roster,
    #[serde(default)]
    pub settings: RuleSettings,
    #[serde(default)]
    pub supersedes: Option<Uuid>,
}

/// A free-text field that is edited while the meeting runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "field", content = "index", rename_all = "snake_case")]
pub enum TextField {
    Summary,
    StudyNotes(usize),
    ItemNotes(usize),
    ItemDecision(usize),
    StageNotes(usize),
}

/// A change to a meeting. Journaled one per line before it is shown as saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    Created {
        at: Timestamp,
        setup: Box<MeetingSetup>,
    },
    DetailsSet {
        title: String,
        theme: String,
        place: String,
        chair: Option<PersonRef>,
        chair_delegated_by: Option<PersonRef>,
        recorder: Option<PersonRef>,
    },
    StageStarted {
        at: Timestamp,
        index: usize,
    },
    Marked {
        at: Timestamp,
        member_id: String,
        mark: Option<AttendanceMark>,
    },
    GuestAdded {
        at: Timestamp,
        guest: Guest,
    },
    GuestRemoved {
        index: usize,
    },
    TopicAdded {
        title: String,
        presenter: String,
        material: String,
    },
    TopicTimer {
        at: Timestamp,
        index: usize,
        running: bool,
    },
    TextEdited {
        target: TextField,
        splice: Splice,
    },
    ItemAdded {
        title: String,
        item_type: ItemType,
        stage: Option<ItemStage>,
        source: Option<ItemSource>,
        candidate: Option<PersonRef>,
    },
    VoteClosed {
        index: usize,
        vote: VoteRecord,
    },
    ActionAdded {
        action: ActionItem,
    },
    ActionRemoved {
        index: usize,
    },
    Ended {
        at: Timestamp,
    },
    Finalized {
        at: Timestamp,
        path: String,
        digest: String,
    },
}

/// An event that does not fit the meeting it is applied to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("the meeting is already created")]
    AlreadyCreated,
    #[error("the meeting is not created yet")]
    NotCreated,
    #[error("no {what} numbered {index}")]
    NoSuch { what: &'static str, index: usize },
    #[error("no member with id {0}")]
    NoMember(String),
    #[error("item {0} already has a closed vote")]
    AlreadyVoted(usize),
    #[error("this kind of meeting holds no votes")]
    NoVotes,
    #[error("the text edit does not fit the text")]
    BadSplice,
    #[error("the meeting is finalized")]
    Finalized,
}

/// 应到 / 实到, each split by standing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    pub expected_total: u32,
    pub expected_full: u32,
    pub expected_probationary: u32,
    pub present_total: u32,
    pub present_full: u32,
    pub present_probationary: u32,
}

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

    /// 应到 / 实到 over the body's counted members.
    #[must_use]
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (i, m) in self.body().filter(|(_, m)| m.counted()) {
            let present = self.attended(i);
            c.expected_total += 1;
            c.present_total += u32::from(present);
            match m.standing {
                Standing::Full => {
                    c.expected_full += 1;
                    c.present_full += u32::from(present);
                }
                Standing::Probationary => {
                    c.expected_probationary += 1;
                    c.present_probationary += u32::from(present);
                }
                Standing::Observation | Standing::Suspended => {}
            }
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
                if self.attended(i) {
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
                self.started_at.get_or_insert(*at);
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
                let name = self.members()[i].name.clone();
                self.marks[i] = mark.clone().map(|m| (m, *at));
                match mark {
                    Some(m) => {
                        let detail = m.status.key().to_owned();
                        self.log(*at, TimelineEvent::CheckedIn, name, detail);
                    }
                    None => self.log(*at, TimelineEvent::AttendanceCleared, name, String::new()),
                }
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
                *text = splice.apply(text).ok_or(ApplyError::BadSplice)?;
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
            }),
            Event::VoteClosed { index, vote } => {
                if self.setup.kind.vote_body().is_none() {
                    return Err(ApplyError::NoVotes);
                }
                let item = self.items.get_mut(*index).ok_or(no("item", *index))?;
                if item.vote.is_some() {
                    return Err(ApplyError::AlreadyVoted(*index));
                }
                item.vote = Some(vote.clone());
                let title = item.title.clone();
                let detail = vote.outcome.key().to_owned();
                self.log(vote.closed_at, TimelineEvent::VoteClosed, title, detail);
            }
            Event::ActionAdded { action } => {
                if let Some(i) = action.item
                    && i >= self.items.len()
                {
                    return Err(no("item", i));
                }
                self.actions.push(action.clone());
            }
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

#[cfg(test)]
pub(crate) mod tests;
