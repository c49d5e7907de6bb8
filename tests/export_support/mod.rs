//! A general assembly built through the domain, for the export tests: an admission vote with a
//! written opinion, an ordinary vote, an excused member, an absent member, a member left out of 应到会,
//! a guest, a late arrival, Chinese notes.

#![allow(dead_code, clippy::unwrap_used)]

use branchday::corpus::MeetingBuilder;
use branchday::domain::agenda::StageKind;
use branchday::domain::rules::{self, VoteMethod, VoteRecord, WrittenOpinion};
use branchday::domain::text::Splice;
use branchday::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Branch, CommitteeRole, Event, Exclusion,
    ExclusionCategory, ExcuseReason, Guest, ItemSource, ItemStage, ItemType, Meeting, MeetingKind,
    Member, Opinion, PersonRef, Roster, StageTemplate, Standing, TextField, Timestamp,
};
use branchday::minutes::{self, Minutes};

pub fn at(hm: &str) -> Timestamp {
    chrono::DateTime::parse_from_rfc3339(&format!("2026-05-20T{hm}:00+08:00")).unwrap()
}

fn member(id: &str, name: &str, standing: Standing, role: Option<CommitteeRole>) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        standing,
        group: Some("第一党小组".into()),
        committee_role: role,
        exclusion: None,
        joined: None,
        confirmed: None,
        out_of_contact: None,
    }
}

fn stage(title: &str, kind: StageKind, planned_minutes: u32) -> StageTemplate {
    StageTemplate {
        title: title.into(),
        kind,
        planned_minutes,
    }
}

pub fn roster() -> Roster {
    let mut excluded = member("m009", "谢宏伟", Standing::Full, None);
    excluded.exclusion = Some(Exclusion {
        category: ExclusionCategory::AwayWorkStudy,
        approval_ref: "城关镇党委〔2026〕12号".into(),
    });
    Roster {
        branch: Branch {
            name: "城关镇东风社区党支部".into(),
            code: "DF-01".into(),
        },
        groups: Vec::new(),
        members: vec![
            member(
                "m001",
                "王建国",
                Standing::Full,
                Some(CommitteeRole::Secretary),
            ),
            member(
                "m002",
                "李秀英",
                Standing::Full,
                Some(CommitteeRole::DeputySecretary),
            ),
            member(
                "m003",
                "张志强",
                Standing::Full,
                Some(CommitteeRole::Organization),
            ),
            member("m004", "刘桂兰", Standing::Full, None),
            member("m005", "陈国华", Standing::Full, None),
            member("m006", "杨春梅", Standing::Full, None),
            member("m007", "欧阳明轩", Standing::Full, None),
            member("m008", "宋佳怡", Standing::Probationary, None),
            excluded,
        ],
        departed: Vec::new(),
    }
}

fn person(id: &str, name: &str) -> PersonRef {
    PersonRef {
        member_id: Some(id.into()),
        name: name.into(),
    }
}

fn edit(m: &mut Meeting, target: TextField, text: &str) {
    let old = m.text(target).to_owned();
    let splice = Splice::between(&old, text).unwrap();
    m.apply(&Event::TextEdited { target, splice }).unwrap();
}

fn mark(m: &mut Meeting, t: &str, id: &str, status: AttendanceStatus) {
    mark_with(m, t, id, status, None, "", "");
}

fn mark_with(
    m: &mut Meeting,
    t: &str,
    id: &str,
    status: AttendanceStatus,
    reason: Option<ExcuseReason>,
    reason_text: &str,
    approver: &str,
) {
    m.apply(&Event::Marked {
        at: at(t),
        member_id: id.into(),
        mark: Some(AttendanceMark {
            status,
            reason,
            reason_text: reason_text.into(),
            approver: approver.into(),
            left: None,
        }),
    })
    .unwrap();
}

fn close_vote(
    m: &mut Meeting,
    item: usize,
    method: VoteMethod,
    counts: (u32, u32, u32),
    written: Vec<WrittenOpinion>,
    t: &str,
) {
    let input = m.vote_input(item, method, counts, written, false).unwrap();
    let j = rules::judge(&input).unwrap();
    let vote = VoteRecord::freeze(&input, &j, at(t));
    m.apply(&Event::VoteClosed { index: item, vote }).unwrap();
}

/// The meeting, with free text taken from `notes` for the admission item's discussion.
pub fn meeting_with(notes: &str, guest_identity: &str) -> Meeting {
    let setup = MeetingBuilder::new(MeetingKind::GeneralAssembly, roster())
        .id(uuid::Uuid::parse_str("01900000-0000-7000-8000-0000000000a1").unwrap())
        .title("2026年第二季度支部党员大会")
        .theme("讨论接收预备党员")
        .place("社区党群服务中心二楼会议室")
        .chair(Some(person("m001", "王建国")))
        .recorder(Some(person("m003", "张志强")))
        .planned_start(at("14:30"))
        .agenda(vec![
            stage("签到", StageKind::CheckIn, 5),
            stage("学习", StageKind::Study, 20),
            stage("议题与表决", StageKind::Items, 40),
            stage("总结", StageKind::WrapUp, 10),
        ])
        .build();
    let mut m = Meeting::new(setup, at("14:20"));
    m.apply(&Event::StageStarted {
        at: at("14:30"),
        index: 0,
    })
    .unwrap();
    m.apply(&Event::MeetingStarted { at: at("14:30") }).unwrap();
    for id in ["m001", "m002", "m003", "m007", "m008"] {
        mark(&mut m, "14:30", id, AttendanceStatus::Present);
    }
    mark(&mut m, "14:41", "m006", AttendanceStatus::Late);
    mark_with(
        &mut m,
        "14:31",
        "m004",
        AttendanceStatus::Excused,
        Some(ExcuseReason::Sick),
        "住院治疗",
        "王建国",
    );
    mark_with(
        &mut m,
        "14:31",
        "m005",
        AttendanceStatus::Absent,
        None,
        "外出务工，未请假",
        "",
    );
    mark(&mut m, "14:31", "m009", AttendanceStatus::Absent);
    m.apply(&Event::GuestAdded {
        at: at("14:32"),
        guest: Guest {
            name: "赵小红".into(),
            identity: guest_identity.into(),
        },
    })
    .unwrap();
    m.apply(&Event::StageStarted {
        at: at("14:35"),
        index: 1,
    })
    .unwrap();
    m.apply(&Event::TopicAdded {
        title: "学习《中国共产党支部工作条例（试行）》第五章".into(),
        presenter: "李秀英".into(),
        material: "条例单行本".into(),
    })
    .unwrap();
    m.apply(&Event::TopicTimer {
        at: at("14:36"),
        index: 0,
        running: true,
    })
    .unwrap();
    m.apply(&Event::TopicTimer {
        at: at("14:54"),
        index: 0,
        running: false,
    })
    .unwrap();
    edit(
        &mut m,
        TextField::StudyNotes(0),
        "李秀英领学第五章。\n大家结合社区工作谈了体会。",
    );
    m.apply(&Event::StageStarted {
        at: at("14:55"),
        index: 2,
    })
    .unwrap();
    m.apply(&Event::ItemAdded {
        title: "讨论接收赵小红为预备党员".into(),
        item_type: ItemType::Admission,
        stage: None,
        source: None,
        candidate: Some(PersonRef {
            member_id: None,
            name: "赵小红".into(),
        }),
    })
    .unwrap();
    edit(&mut m, TextField::ItemNotes(0), notes);
    close_vote(
        &mut m,
        0,
        VoteMethod::SecretBallot,
        (4, 1, 0),
        vec![WrittenOpinion {
            member_id: "m004".into(),
            name: "刘桂兰".into(),
            opinion: Opinion::Yes,
        }],
        "15:20",
    );
    edit(
        &mut m,
        TextField::ItemDecision(0),
        "同意接收赵小红为中共预备党员，报上级党委审批。",
    );
    m.apply(&Event::ItemAdded {
        title: "社区停车位划线方案".into(),
        item_type: ItemType::Ordinary,
        stage: Some(ItemStage::AssemblyReview),
        source: Some(ItemSource::ResidentsSuggestion),
        candidate: None,
    })
    .unwrap();
    edit(
        &mut m,
        TextField::ItemNotes(1),
        "居民建议在北门增设停车位。",
    );
    close_vote(
        &mut m,
        1,
        VoteMethod::ShowOfHands,
        (5, 0, 0),
        Vec::new(),
        "15:40",
    );
    edit(
        &mut m,
        TextField::ItemDecision(1),
        "同意方案，提交居民代表会议。",
    );
    m.apply(&Event::ActionAdded {
        action: ActionItem {
            task: "将接收材料报送上级党委".into(),
            owner: person("m003", "张志强"),
            due: chrono::NaiveDate::from_ymd_opt(2026, 5, 31),
            item: Some(0),
        },
    })
    .unwrap();
    m.apply(&Event::ActionAdded {
        action: ActionItem {
            task: "公示停车位方案".into(),
            owner: person("m002", "李秀英"),
            due: chrono::NaiveDate::from_ymd_opt(2026, 6, 10),
            item: Some(1),
        },
    })
    .unwrap();
    m.apply(&Event::StageStarted {
        at: at("15:45"),
        index: 3,
    })
    .unwrap();
    edit(
        &mut m,
        TextField::Summary,
        "会议应到 7 名正式党员，实到 5 名，符合规定。",
    );
    m.apply(&Event::Ended { at: at("16:05") }).unwrap();
    m
}

/// The finalized minutes and the file's bytes.
pub fn minutes_with(notes: &str, guest_identity: &str) -> (Minutes, Vec<u8>) {
    let m = meeting_with(notes, guest_identity);
    let built = minutes::build(&m, at("16:06"));
    let (bytes, _digest) = minutes::to_bytes(&built).unwrap();
    let checked = minutes::check_bytes(&bytes);
    assert!(checked.is_valid(), "{:?}", checked.findings);
    (checked.minutes.unwrap(), bytes)
}

pub const NOTES: &str = "组织委员张志强介绍赵小红的培养考察情况。\n\
入党介绍人发言：该同志工作积极。\n\
陈国华（书面）：无。\n\
杨春梅提出不同意见：希望再考察半年。";

pub fn sample() -> (Minutes, Vec<u8>) {
    minutes_with(NOTES, "发展对象")
}
