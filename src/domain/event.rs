//! The events that change a meeting: one per journal line.

use serde::{Deserialize, Serialize};

use super::Timestamp;
use super::record::{
    ActionItem, AgendaStage, Appraisal, AttendanceMark, Guest, Item, ItemSource, ItemStage,
    MeetingSetup, PersonRef, StudyTopic, TimelineEntry,
};
use super::rules::{ItemType, VoteRecord};
use super::text::Splice;

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

/// A list of the meeting whose entries can be reordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Items,
    Topics,
    Guests,
    Actions,
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
    /// 开始会议: the meeting's start, given explicitly after check-in began. Without it, the first
    /// stage after check-in starts the meeting.
    MeetingStarted {
        at: Timestamp,
    },
    Marked {
        at: Timestamp,
        member_id: String,
        mark: Option<AttendanceMark>,
    },
    /// Undo the latest check-in mark not yet undone: the member gets back the mark they had before.
    MarkUndone {
        at: Timestamp,
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
    /// A round of voting closed on an item. A new round is held on an item whose standing round
    /// found no quorum or was deferred, or after the standing round was annulled.
    VoteClosed {
        index: usize,
        vote: VoteRecord,
    },
    /// 民主评议党员: the grade the branch settles for the item's member (format v2). Settling again
    /// replaces it (the journal keeps both).
    Appraised {
        index: usize,
        appraisal: Appraisal,
    },
    /// A round entered wrongly is annulled with a reason; it stays in the record (format v2).
    VoteAnnulled {
        at: Timestamp,
        index: usize,
        round: usize,
        reason: String,
    },
    /// 早退: an attending member left before the end (format v2).
    Left {
        at: Timestamp,
        member_id: String,
        reason: String,
    },
    ActionAdded {
        action: ActionItem,
    },
    /// An item's title, type, stage, source or candidate corrected. A voted item keeps its type
    /// and candidate: its rounds were judged by them.
    ItemEdited {
        index: usize,
        title: String,
        item_type: ItemType,
        stage: Option<ItemStage>,
        source: Option<ItemSource>,
        candidate: Option<PersonRef>,
    },
    /// An item added by mistake; never one with a closed round (the rounds stay in the record).
    ItemRemoved {
        index: usize,
    },
    TopicEdited {
        index: usize,
        title: String,
        presenter: String,
        material: String,
    },
    TopicRemoved {
        index: usize,
    },
    GuestEdited {
        index: usize,
        guest: Guest,
    },
    ActionEdited {
        index: usize,
        action: ActionItem,
    },
    /// An entry of a list moved from one place to another (the order of the record).
    Moved {
        list: ListKind,
        from: usize,
        to: usize,
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
    /// A correction starts from the record it corrects (see `minutes::correct`).
    Restored {
        record: Box<Restored>,
    },
}

/// The content of a finalized record, restored into a new draft that corrects it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restored {
    pub started_at: Timestamp,
    pub ended_at: Timestamp,
    pub agenda: Vec<AgendaStage>,
    /// Member id, mark, and when it was made.
    pub marks: Vec<(String, AttendanceMark, Timestamp)>,
    pub guests: Vec<Guest>,
    pub study: Vec<StudyTopic>,
    pub items: Vec<Item>,
    pub actions: Vec<ActionItem>,
    pub summary: String,
    pub timeline: Vec<TimelineEntry>,
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
    #[error("round {round} of item {item} is already annulled")]
    AlreadyAnnulled { item: usize, round: usize },
    #[error("{0} is not at the meeting")]
    NotAttending(String),
    #[error("a reason is required")]
    ReasonRequired,
    #[error("this kind of meeting holds no votes")]
    NoVotes,
    #[error("the text edit does not fit the text")]
    BadSplice,
    #[error("the meeting is finalized")]
    Finalized,
    #[error("there is no check-in mark to undo")]
    NothingToUndo,
    #[error("item {0} has a closed vote: it stays, with its type and candidate")]
    Voted(usize),
    #[error("a title or name is required")]
    EmptyTitle,
    #[error("item {0} is not a democratic appraisal")]
    NotAnAppraisal(usize),
    #[error("the meeting has already started")]
    AlreadyStarted,
}
