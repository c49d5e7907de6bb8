//! Agenda templates: data the secretary can edit and reuse, not code.

use serde::{Deserialize, Serialize};

use super::meeting::MeetingKind;

/// What a stage of the agenda is for; decides which screen runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageKind {
    /// Check-in and opening.
    CheckIn,
    /// Collective study, 党课, reading aloud.
    Study,
    /// Deliberation and votes.
    Items,
    /// Dues, oath, activities and other steps recorded with notes.
    Activity,
    /// Action items, summary, finalize.
    WrapUp,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StageTemplate {
    pub title: String,
    pub kind: StageKind,
    pub planned_minutes: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaTemplate {
    pub name: String,
    pub kind: MeetingKind,
    pub stages: Vec<StageTemplate>,
}

fn stage(title: &str, kind: StageKind, planned_minutes: u32) -> StageTemplate {
    StageTemplate {
        title: title.to_owned(),
        kind,
        planned_minutes,
    }
}

/// The templates a new data directory starts with (`templates.json` overrides them).
/// The themed day follows the Enshi, Hubei sequence (August 2017) in domain-rules.md.
#[must_use]
pub fn builtin_templates() -> Vec<AgendaTemplate> {
    use StageKind::{Activity, CheckIn, Items, Study, WrapUp};
    vec![
        AgendaTemplate {
            name: "主题党日（恩施八步）".into(),
            kind: MeetingKind::ThemedDay,
            stages: vec![
                stage("签到", CheckIn, 5),
                stage("收缴党费", Activity, 5),
                stage("重温入党誓词", Activity, 5),
                stage("学习党章", Study, 10),
                stage("集中学习", Study, 30),
                stage("党课", Study, 30),
                stage("民主议事", Items, 30),
                stage("志愿服务", Activity, 30),
                stage("总结评议", WrapUp, 10),
            ],
        },
        AgendaTemplate {
            name: "主题党日（5+N）".into(),
            kind: MeetingKind::ThemedDay,
            stages: vec![
                stage("签到", CheckIn, 5),
                stage("重温入党誓词", Activity, 5),
                stage("集中学习", Study, 30),
                stage("民主议事", Items, 30),
                stage("交纳党费", Activity, 5),
                stage("总结", WrapUp, 10),
            ],
        },
        AgendaTemplate {
            name: "支部党员大会".into(),
            kind: MeetingKind::GeneralAssembly,
            stages: vec![
                stage("签到", CheckIn, 5),
                stage("学习", Study, 20),
                stage("议题与表决", Items, 40),
                stage("总结", WrapUp, 10),
            ],
        },
        AgendaTemplate {
            name: "支委会".into(),
            kind: MeetingKind::Committee,
            stages: vec![
                stage("签到", CheckIn, 2),
                stage("议题与表决", Items, 40),
                stage("总结", WrapUp, 10),
            ],
        },
        AgendaTemplate {
            name: "党小组会".into(),
            kind: MeetingKind::Group,
            stages: vec![
                stage("签到", CheckIn, 3),
                stage("学习讨论", Study, 40),
                stage("总结", WrapUp, 10),
            ],
        },
        AgendaTemplate {
            name: "党课".into(),
            kind: MeetingKind::Lecture,
            stages: vec![
                stage("签到", CheckIn, 5),
                stage("党课", Study, 60),
                stage("总结", WrapUp, 5),
            ],
        },
        AgendaTemplate {
            name: "组织生活会".into(),
            kind: MeetingKind::LifeMeeting,
            stages: vec![
                stage("签到", CheckIn, 5),
                stage("学习", Study, 20),
                stage("批评与自我批评", Activity, 60),
                stage("总结", WrapUp, 10),
            ],
        },
    ]
}
