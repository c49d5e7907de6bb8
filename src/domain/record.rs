//! The record's parts: meeting kinds, people, attendance, agenda, study, items, actions, timeline,
//! and the setup fixed when a meeting opens. Plain data shared by the live meeting and the file format.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Timestamp;
use super::agenda::{StageKind, StageTemplate};
use super::roster::{Member, Roster};
use super::rules::{ItemType, RuleSettings, VoteBody, VoteRecord};

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
    /// 早退: the member left before the end (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left: Option<Departure>,
}

/// When and why a member left the meeting early (早退).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Departure {
    pub at: Timestamp,
    #[serde(default)]
    pub reason: String,
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
    /// 村民（代表）会议 (a 村) or 居民（代表）会议 (a 社区) 决议
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
    /// Every closed round in order, annulled ones included (format v2); `vote` is the one that
    /// stands, the last round not annulled.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<VoteRound>,
    /// 民主评议党员: the grade settled, instead of a vote (format v2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appraisal: Option<Appraisal>,
}

/// The grade of a 民主评议党员.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 优秀
    Excellent,
    /// 合格
    Qualified,
    /// 基本合格
    BasicallyQualified,
    /// 不合格
    Unqualified,
}

impl Grade {
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Grade::Excellent => "excellent",
            Grade::Qualified => "qualified",
            Grade::BasicallyQualified => "basically_qualified",
            Grade::Unqualified => "unqualified",
        }
    }

    pub const ALL: [Grade; 4] = [
        Grade::Excellent,
        Grade::Qualified,
        Grade::BasicallyQualified,
        Grade::Unqualified,
    ];
}

/// The 测评 of a 民主评议党员: how many rated the member at each grade (kept when the branch keeps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeTallies {
    pub excellent: u32,
    pub qualified: u32,
    pub basically_qualified: u32,
    pub unqualified: u32,
}

impl GradeTallies {
    #[must_use]
    pub fn total(&self) -> u32 {
        self.excellent
            .saturating_add(self.qualified)
            .saturating_add(self.basically_qualified)
            .saturating_add(self.unqualified)
    }
}

/// The outcome of a 民主评议党员 item: no majority vote, the grade the branch settles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appraisal {
    pub grade: Grade,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tallies: Option<GradeTallies>,
    pub settled_at: Timestamp,
}

impl Item {
    /// The round that stands now: the last one not annulled.
    #[must_use]
    pub fn standing_round(&self) -> Option<&VoteRecord> {
        self.rounds
            .iter()
            .rev()
            .find(|r| r.annulled.is_none())
            .map(|r| &r.vote)
    }
}

/// One closed round of voting on an item. An annulled round (counts entered wrongly) stays on
/// file with its reason; it never stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VoteRound {
    pub vote: VoteRecord,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annulled: Option<Annulment>,
}

/// Why and when a round was annulled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annulment {
    pub at: Timestamp,
    pub reason: String,
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
    /// 早退 (format v2).
    Left,
    /// A round annulled (format v2).
    VoteAnnulled,
    /// A 民主评议党员 grade settled (format v2).
    Appraised,
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
    /// 更正原因: why the record it supersedes is corrected (required with `supersedes`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub correction_reason: String,
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

impl Counts {
    /// Count one member of the body who is counted in 应到会.
    ///
    /// 应到 = 正式 + 预备: members under 留党察看 or with suspended rights are listed in the
    /// attendance with their standing but counted neither in 应到/实到 nor among the voters
    /// (format v2; [`Counts::add_v1`] is format v1's tally).
    pub fn add(&mut self, standing: super::roster::Standing, present: bool) {
        use super::roster::Standing;
        if matches!(standing, Standing::Full | Standing::Probationary) {
            self.add_v1(standing, present);
        }
    }

    /// Format v1's tally: every counted member in the totals, only full and probationary members
    /// in the split (so a v1 file with such members has 应到 ≠ 正式 + 预备).
    pub fn add_v1(&mut self, standing: super::roster::Standing, present: bool) {
        use super::roster::Standing;
        self.expected_total += 1;
        self.present_total += u32::from(present);
        match standing {
            Standing::Full => {
                self.expected_full += 1;
                self.present_full += u32::from(present);
            }
            Standing::Probationary => {
                self.expected_probationary += 1;
                self.present_probationary += u32::from(present);
            }
            Standing::Observation | Standing::Suspended => {}
        }
    }
}
