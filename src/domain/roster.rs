//! The branch and its members as of a meeting date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The branch that holds meetings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub name: String,
    #[serde(default)]
    pub code: String,
}

/// A member's standing on the meeting date. Only `Full` members vote (党章 第七条; 选举工作条例 第五条).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// 正式党员
    Full,
    /// 预备党员: attends and speaks, no vote.
    Probationary,
    /// 留党察看 during the period: no vote.
    Observation,
    /// Rights suspended (留置/逮捕): no vote.
    Suspended,
}

impl Standing {
    pub const ALL: [Standing; 4] = [
        Standing::Full,
        Standing::Probationary,
        Standing::Observation,
        Standing::Suspended,
    ];

    /// Whether a member of this standing holds 表决权.
    #[must_use]
    pub fn votes(self) -> bool {
        self == Standing::Full
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Standing::Full => "full",
            Standing::Probationary => "probationary",
            Standing::Observation => "observation",
            Standing::Suspended => "suspended",
        }
    }
}

/// A place on the branch committee (支部委员会).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommitteeRole {
    Secretary,
    DeputySecretary,
    Organization,
    Propaganda,
    Discipline,
    Member,
}

impl CommitteeRole {
    pub const ALL: [CommitteeRole; 6] = [
        CommitteeRole::Secretary,
        CommitteeRole::DeputySecretary,
        CommitteeRole::Organization,
        CommitteeRole::Propaganda,
        CommitteeRole::Discipline,
        CommitteeRole::Member,
    ];

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            CommitteeRole::Secretary => "secretary",
            CommitteeRole::DeputySecretary => "deputy_secretary",
            CommitteeRole::Organization => "organization",
            CommitteeRole::Propaganda => "propaganda",
            CommitteeRole::Discipline => "discipline",
            CommitteeRole::Member => "member",
        }
    }
}

/// The five categories in which a member may be left out of 应到会, with the superior organisation's
/// approval and a 党员大会 resolution (中组部 explanation). Excused absence is not one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExclusionCategory {
    /// 1 患有精神病或其他疾病导致不能表达本人意志的
    Illness,
    /// 2 自费出国半年以上的
    AbroadPrivate,
    /// 3 虽未受到留党察看以上党纪处分，但正在服刑的
    ServingSentence,
    /// 4 年老体弱卧床不起和长期生活不能自理的
    Bedridden,
    /// 5 工作调动、下派锻炼、学习培训等原因，已六个月以上不在所在党支部，且组织关系未转移的
    AwayWorkStudy,
}

impl ExclusionCategory {
    pub const ALL: [ExclusionCategory; 5] = [
        ExclusionCategory::Illness,
        ExclusionCategory::AbroadPrivate,
        ExclusionCategory::ServingSentence,
        ExclusionCategory::Bedridden,
        ExclusionCategory::AwayWorkStudy,
    ];

    #[must_use]
    pub fn number(self) -> u8 {
        match self {
            ExclusionCategory::Illness => 1,
            ExclusionCategory::AbroadPrivate => 2,
            ExclusionCategory::ServingSentence => 3,
            ExclusionCategory::Bedridden => 4,
            ExclusionCategory::AwayWorkStudy => 5,
        }
    }

    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            ExclusionCategory::Illness => "illness",
            ExclusionCategory::AbroadPrivate => "abroad_private",
            ExclusionCategory::ServingSentence => "serving_sentence",
            ExclusionCategory::Bedridden => "bedridden",
            ExclusionCategory::AwayWorkStudy => "away_work_study",
        }
    }
}

/// Why a member is not counted in 应到会: the category and the approval that allows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    pub category: ExclusionCategory,
    /// The superior organisation's approval (e.g. a document number).
    pub approval_ref: String,
}

/// One member of the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub standing: Standing,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_role: Option<CommitteeRole>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exclusion: Option<Exclusion>,
    /// 入党时间: the date of admission, from which the year of probation runs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<NaiveDate>,
    /// 转正时间: the date the branch confirmed full membership.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed: Option<NaiveDate>,
    /// 失联: out of contact, with dates (党员教育管理工作条例 第二十四条). A flag the branch sets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub out_of_contact: Option<OutOfContact>,
}

/// A member out of contact (失联): since when, and since when membership is suspended (停止党籍).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutOfContact {
    pub since: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suspended_from: Option<NaiveDate>,
}

/// A member who left the branch (组织关系转出): kept so that the history reads whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferOut {
    pub member: Member,
    pub date: NaiveDate,
    pub destination: String,
}

impl Member {
    /// A member with only the id, name and standing known.
    #[must_use]
    pub fn new(id: impl Into<String>, name: impl Into<String>, standing: Standing) -> Member {
        Member {
            id: id.into(),
            name: name.into(),
            standing,
            group: None,
            committee_role: None,
            exclusion: None,
            joined: None,
            confirmed: None,
            out_of_contact: None,
        }
    }

    /// The day the year of probation ends (one year from 入党时间 — 党章 第七条), for a member
    /// admitted on a known date.
    #[must_use]
    pub fn probation_ends(&self) -> Option<NaiveDate> {
        self.joined
            .and_then(|d| d.checked_add_months(chrono::Months::new(12)))
    }

    /// Counted in 应到会 unless excluded under one of the five categories.
    #[must_use]
    pub fn counted(&self) -> bool {
        self.exclusion.is_none()
    }

    #[must_use]
    pub fn on_committee(&self) -> bool {
        self.committee_role.is_some()
    }
}

/// A 党小组 and its leader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    /// 副组长, a member id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deputy: Option<String>,
}

/// The branch roster as stored in `roster.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Roster {
    pub branch: Branch,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub members: Vec<Member>,
    /// Members transferred out, with the date and where to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub departed: Vec<TransferOut>,
}

impl Roster {
    #[must_use]
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// Members of the branch committee.
    pub fn committee(&self) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(|m| m.on_committee())
    }

    /// Full members: only branches with 7 or more have a committee (条例 第二十条).
    #[must_use]
    pub fn full_count(&self) -> usize {
        self.members
            .iter()
            .filter(|m| m.standing == Standing::Full)
            .count()
    }

    /// The next free member id of the form `m001`.
    #[must_use]
    pub fn next_id(&self) -> String {
        let mut n = self.members.len() + 1;
        loop {
            let id = format!("m{n:03}");
            if self.member(&id).is_none() && !self.departed.iter().any(|d| d.member.id == id) {
                return id;
            }
            n += 1;
        }
    }
}
