//! Pure domain types and rules: no I/O, no clock, no terminal. Times come in as arguments.

pub mod agenda;
pub mod event;
pub mod meeting;
pub mod record;
pub mod roster;
pub mod roster_change;
pub mod rules;
pub mod text;

pub use agenda::{AgendaTemplate, StageTemplate};
pub use meeting::{
    ActionItem, AgendaStage, Annulment, ApplyError, Appraisal, AttendanceMark, AttendanceStatus,
    Departure, Event, ExcuseReason, Grade, GradeTallies, Guest, Item, ItemSource, ItemStage,
    ListKind, Meeting, MeetingKind, MeetingSetup, PersonRef, Restored, StudyTopic, TextField,
    TimelineEntry, TimelineEvent, VoteRound,
};
pub use roster::{
    Branch, CommitteeRole, Exclusion, ExclusionCategory, Group, Member, OutOfContact, Roster,
    Standing, TransferOut,
};
pub use rules::{
    Ballots, ItemType, Judgement, Opinion, Outcome, QuorumComparison, Rule, RuleSettings, VoteBody,
    VoteError, VoteInput, VoteMethod, VoteRecord, WrittenOpinion,
};

/// A moment with its UTC offset, as written into files (RFC 3339).
pub type Timestamp = chrono::DateTime<chrono::FixedOffset>;
