//! What happens in each stage of a synthetic meeting: study with notes, items with votes, activities
//! and the wrap-up, each as the events the program would journal.

use chrono::TimeDelta;

use super::branch::BranchPlan;
use super::script::{Plan, Script, add_days};
use super::words::{
    ACTION_TASKS, ACTIVITIES, CLOSINGS, COMMITTEE_ITEMS, CRITIQUES, ITEMS, OPENINGS, POINTS,
    SELF_ISSUES, TOPICS,
};
use crate::domain::agenda::StageKind;
use crate::domain::rules::{self, Opinion, Outcome};
use crate::domain::{
    ActionItem, AttendanceStatus, Event, Guest, ItemSource, ItemStage, ItemType, MeetingKind,
    PersonRef, TextField, Timestamp, VoteMethod, VoteRecord, WrittenOpinion,
};

/// The people and times fixed before the stages run.
pub(super) struct Roles {
    pub chair: usize,
    pub recorder: usize,
    pub plan: Plan,
    pub start: Timestamp,
}

fn secs(n: i64) -> TimeDelta {
    TimeDelta::seconds(n)
}

/// A remark in the notes: who spoke and what they said.
fn remark(s: &mut Script, speaker: usize) -> String {
    let name = s.name(speaker).to_owned();
    let opening = s.rng.pick(&OPENINGS);
    let point = s.rng.pick(&POINTS);
    let closing = s.rng.pick(&CLOSINGS);
    format!("{name}{opening}{point}{closing}")
}

fn some_attendee(s: &mut Script) -> usize {
    let attendees = s.attendees();
    if attendees.is_empty() {
        return 0;
    }
    attendees[s.rng.below(attendees.len())]
}

/// Play every stage of the agenda from `roles.start`; returns when the last stage ends.
pub(super) fn play(s: &mut Script, branch: &BranchPlan, roles: &Roles) -> Timestamp {
    let stages: Vec<(String, StageKind, u64)> = s
        .meeting
        .agenda
        .iter()
        .map(|a| (a.title.clone(), a.kind, a.planned_seconds))
        .collect();
    let study_stages = stages
        .iter()
        .filter(|st| st.1 == StageKind::Study)
        .count()
        .max(1);
    let topics = match roles.plan.kind {
        MeetingKind::ThemedDay => 4,
        MeetingKind::GeneralAssembly | MeetingKind::LifeMeeting => 2,
        MeetingKind::Group => 3,
        MeetingKind::Lecture => 1 + s.rng.below(2),
        MeetingKind::Committee => 0,
    };
    let mut cursor = s.rng.below(TOPICS.len());
    let mut study_seen = 0;
    let mut t = roles.start;
    for (index, (title, kind, planned)) in stages.iter().enumerate() {
        s.at(t, &Event::StageStarted { at: t, index });
        if *kind == StageKind::CheckIn {
            // The meeting starts as check-in opens.
            s.at(t, &Event::MeetingStarted { at: t });
        }
        let planned = i64::try_from(*planned).unwrap_or(600);
        let actual = (planned * i64::from(s.rng.range(85, 120)) / 100).max(60);
        let end = t + secs(actual);
        match kind {
            StageKind::CheckIn => {}
            StageKind::Activity => activity(s, branch, roles, index, title, (t, end)),
            StageKind::Study => {
                let n = topics / study_stages + usize::from(study_seen < topics % study_stages);
                study_seen += 1;
                study(s, roles, title, n, &mut cursor, (t, end));
            }
            StageKind::Items => items(s, branch, roles, (t, end)),
            StageKind::WrapUp => wrap_up(s, roles, (t, end)),
        }
        t = end;
    }
    t
}

fn study(
    s: &mut Script,
    roles: &Roles,
    stage_title: &str,
    n: usize,
    cursor: &mut usize,
    (t, end): (Timestamp, Timestamp),
) {
    let lecture = stage_title.contains("党课") || roles.plan.kind == MeetingKind::Lecture;
    let span = (end - t).num_seconds() / i64::try_from(n.max(1)).unwrap_or(1);
    for k in (0i64..).take(n) {
        let (title, material) = TOPICS[*cursor % TOPICS.len()];
        *cursor += 5;
        let t0 = t + secs(span * k);
        let presenter = if lecture {
            roles.chair
        } else {
            some_attendee(s)
        };
        let presenter_name = s.name(presenter).to_owned();
        s.at(
            t0,
            &Event::TopicAdded {
                title: title.to_owned(),
                presenter: presenter_name.clone(),
                material: material.to_owned(),
            },
        );
        let index = s.meeting.study.len() - 1;
        s.at(
            t0,
            &Event::TopicTimer {
                at: t0,
                index,
                running: true,
            },
        );
        let field = TextField::StudyNotes(index);
        let opening = if lecture {
            format!("{presenter_name}同志以“{title}”为题讲授党课，学习材料：{material}。")
        } else {
            format!("{presenter_name}同志领学，学习材料：{material}。")
        };
        s.type_line(t0 + secs(30), field, &opening);
        let lines = i64::from(s.rng.range(6, 10));
        for j in 0..lines {
            let at = t0 + secs(span * (j + 1) / (lines + 2));
            let speaker = some_attendee(s);
            let line = remark(s, speaker);
            s.type_line(at, field, &line);
            if s.rng.chance(15) {
                let fixed = remark(s, speaker);
                s.retype_last_line(at + secs(20), field, &fixed);
            }
        }
        let stop = t0 + secs(span - 1);
        s.at(
            stop,
            &Event::TopicTimer {
                at: stop,
                index,
                running: false,
            },
        );
    }
}

fn activity(
    s: &mut Script,
    branch: &BranchPlan,
    roles: &Roles,
    index: usize,
    title: &str,
    (t, end): (Timestamp, Timestamp),
) {
    let field = TextField::StageNotes(index);
    let at = t + (end - t) / 2;
    s.flush(at);
    let counts = s.meeting.counts();
    let chair = s.name(roles.chair).to_owned();
    let recorder = s.name(roles.recorder).to_owned();
    if title.contains("党费") {
        let line = format!(
            "{recorder}通报上月党费收缴情况；本月应交{}人，现场交纳{}人，请假党员由党小组长代收。",
            counts.expected_total, counts.present_total
        );
        s.type_line(at, field, &line);
    } else if title.contains("誓词") {
        s.type_line(
            at,
            field,
            &format!("全体党员面向党旗，由{chair}领誓，重温入党誓词。"),
        );
    } else if title.contains("志愿") {
        let what = s.rng.pick(&ACTIVITIES);
        let line = format!(
            "组织党员到{}开展{what}志愿服务，参加{}人。",
            branch.unit, counts.present_total
        );
        s.type_line(at, field, &line);
    } else if title.contains("批评") {
        s.type_line(
            t + secs(60),
            field,
            &format!("{chair}代表支部班子作对照检查。"),
        );
        let statements = i64::from(s.rng.range(4, 6));
        let span = (end - t).num_seconds();
        for k in 0..statements {
            let at = t + secs(span * (k + 1) / (statements + 1));
            let a = some_attendee(s);
            let b = some_attendee(s);
            let issue = s.rng.pick(&SELF_ISSUES);
            let critique = s.rng.pick(&CRITIQUES);
            let line = format!(
                "{}作自我批评：{issue}。{}提出批评意见：{critique}。",
                s.name(a),
                s.name(b)
            );
            s.type_line(at, field, &line);
        }
    } else {
        s.type_line(at, field, &format!("按计划完成“{title}”环节。"));
    }
}

struct ItemSpec {
    title: String,
    item_type: ItemType,
    candidate: Option<PersonRef>,
    pro: &'static str,
    con: &'static str,
    voted: bool,
}

fn item_specs(s: &mut Script, branch: &BranchPlan, plan: &Plan) -> Vec<ItemSpec> {
    let mut out = Vec::new();
    let ordinary = |s: &mut Script| {
        let (title, pro, con) = *s.rng.pick(&ITEMS);
        (title.to_owned(), pro, con)
    };
    match plan.kind {
        MeetingKind::GeneralAssembly => {
            if let Some((i, month)) = branch.promotion
                && month == plan.month
            {
                let m = &s.meeting.members()[i];
                out.push(ItemSpec {
                    title: format!("讨论{}同志预备党员转正", m.name),
                    item_type: ItemType::FullMembership,
                    candidate: Some(PersonRef::member(m)),
                    pro: "该同志预备期内表现良好，同意按期转正",
                    con: "希望该同志转正后进一步加强理论学习",
                    voted: true,
                });
            }
            if let Some((name, month)) = &branch.admission
                && *month == plan.month
            {
                out.push(ItemSpec {
                    title: format!("讨论接收{name}同志为预备党员"),
                    item_type: ItemType::Admission,
                    candidate: Some(PersonRef {
                        member_id: None,
                        name: name.clone(),
                    }),
                    pro: "该同志入党动机端正，群众基础好，同意接收",
                    con: "希望该同志进一步发挥示范带动作用",
                    voted: true,
                });
            }
            while out.len() < 3 {
                let (title, pro, con) = ordinary(s);
                if out.iter().all(|o| o.title != title) {
                    out.push(ItemSpec {
                        title,
                        item_type: ItemType::Ordinary,
                        candidate: None,
                        pro,
                        con,
                        voted: true,
                    });
                }
            }
        }
        MeetingKind::Committee => {
            let first = s.rng.below(COMMITTEE_ITEMS.len());
            for k in 0..3 {
                let voted = s.rng.chance(80);
                out.push(ItemSpec {
                    title: COMMITTEE_ITEMS[(first + 3 * k) % COMMITTEE_ITEMS.len()].to_owned(),
                    item_type: ItemType::Ordinary,
                    candidate: None,
                    pro: "同意提交的方案",
                    con: "建议进一步征求党员意见后再定",
                    voted,
                });
            }
        }
        _ => {
            let n = s.rng.range(1, 2);
            let first = s.rng.below(ITEMS.len());
            for k in 0..n as usize {
                let (title, pro, con) = ITEMS[(first + 7 * k) % ITEMS.len()];
                let voted = s.rng.chance(60);
                out.push(ItemSpec {
                    title: title.to_owned(),
                    item_type: ItemType::Ordinary,
                    candidate: None,
                    pro,
                    con,
                    voted,
                });
            }
        }
    }
    out
}

fn items(s: &mut Script, branch: &BranchPlan, roles: &Roles, (t, end): (Timestamp, Timestamp)) {
    let plan = roles.plan;
    let specs = item_specs(s, branch, &plan);
    let span = (end - t).num_seconds() / i64::try_from(specs.len().max(1)).unwrap_or(1);
    for (k, spec) in (0i64..).zip(specs) {
        let t0 = t + secs(span * k);
        let membership = spec.item_type.is_membership();
        let (stage, source) = if membership {
            (None, None)
        } else if plan.kind == MeetingKind::Committee {
            let source = if s.rng.chance(70) {
                ItemSource::CadresProposal
            } else {
                ItemSource::SuperiorAssignment
            };
            (None, Some(source))
        } else {
            let source = *s.rng.pick(&[
                ItemSource::MembersSuggestion,
                ItemSource::ResidentsSuggestion,
                ItemSource::CadresProposal,
                ItemSource::SuperiorAssignment,
            ]);
            let stage = branch.is_village().then_some(ItemStage::AssemblyReview);
            (stage, Some(source))
        };
        if spec.item_type == ItemType::Admission
            && let Some(c) = &spec.candidate
        {
            let guest = Guest {
                name: c.name.clone(),
                identity: "发展对象".to_owned(),
            };
            s.at(t0, &Event::GuestAdded { at: t0, guest });
        }
        s.at(
            t0,
            &Event::ItemAdded {
                title: spec.title.clone(),
                item_type: spec.item_type,
                stage,
                source,
                candidate: spec.candidate.clone(),
            },
        );
        let index = s.meeting.items.len() - 1;
        let field = TextField::ItemNotes(index);
        let chair = s.name(roles.chair).to_owned();
        let intro = match &spec.candidate {
            Some(c) => format!(
                "{chair}介绍{}同志的培养考察、政治审查和集中培训情况，{}同志汇报对党的认识和入党动机。",
                c.name, c.name
            ),
            None => format!("{chair}介绍“{}”的提议经过和主要内容。", spec.title),
        };
        s.type_line(t0 + secs(30), field, &intro);
        let lines = i64::from(s.rng.range(3, 5));
        for j in 0..lines {
            let at = t0 + secs(60 + span / 2 * j / lines);
            let speaker = some_attendee(s);
            let line = match j {
                0 => format!("{}：{}。", s.name(speaker), spec.pro),
                1 => format!("{}：{}。", s.name(speaker), spec.con),
                _ => remark(s, speaker),
            };
            s.type_line(at, field, &line);
        }
        let closed_at = t0 + secs(span * 3 / 4);
        let outcome = if spec.voted {
            let method = if membership {
                VoteMethod::SecretBallot
            } else if s.rng.chance(88) {
                VoteMethod::ShowOfHands
            } else {
                *s.rng.pick(&[VoteMethod::RollCall, VoteMethod::Voice])
            };
            match close_vote(s, index, spec.item_type, method, closed_at) {
                Some(vote) => {
                    let outcome = vote.outcome;
                    s.at(closed_at, &Event::VoteClosed { index, vote });
                    Some(outcome)
                }
                None => None,
            }
        } else {
            None
        };
        let name = spec.candidate.as_ref().map_or("", |c| c.name.as_str());
        let decision = match (outcome, spec.item_type) {
            (Some(Outcome::Passed), ItemType::Admission) => {
                format!("会议同意接收{name}同志为中共预备党员，报上级党委审批。")
            }
            (Some(Outcome::Passed), ItemType::FullMembership) => {
                format!("会议同意{name}同志按期转为中共正式党员，报上级党委审批。")
            }
            (Some(Outcome::Passed), _) => format!("会议表决通过“{}”。", spec.title),
            (Some(Outcome::Failed), _) => "表决未获通过，待进一步征求意见后再议。".to_owned(),
            (Some(Outcome::Deferred), _) => {
                "与会党员意见分歧较大，会议决定暂缓表决，下次会议再议。".to_owned()
            }
            (Some(Outcome::NoQuorum), _) => {
                "到会有表决权的党员未超过半数，不能表决，另行安排。".to_owned()
            }
            (None, _) => format!("经讨论，会议原则同意“{}”，按程序推进。", spec.title),
        };
        s.type_line(
            closed_at + secs(30),
            TextField::ItemDecision(index),
            &decision,
        );
        if outcome == Some(Outcome::Passed) {
            follow_ups(s, branch, roles, index, &spec, closed_at + secs(60));
        }
    }
}

fn follow_ups(
    s: &mut Script,
    branch: &BranchPlan,
    roles: &Roles,
    index: usize,
    spec: &ItemSpec,
    at: Timestamp,
) {
    let date = roles.plan.date;
    let actions = if spec.item_type.is_membership() {
        let name = spec.candidate.as_ref().map_or("", |c| c.name.as_str());
        vec![(
            format!("将{name}同志的材料报{}党委审批", branch.town),
            roles.recorder,
            14,
        )]
    } else {
        let n = s.rng.range(1, 2) as usize;
        let first = s.rng.below(ACTION_TASKS.len());
        (0..n)
            .map(|k| {
                let task =
                    ACTION_TASKS[(first + k) % ACTION_TASKS.len()].replace("{}", &spec.title);
                let owner = some_attendee(s);
                (task, owner, s.rng.range(7, 45))
            })
            .collect()
    };
    for (task, owner, days) in actions {
        let action = ActionItem {
            task,
            owner: PersonRef::member(&s.meeting.members()[owner]),
            due: Some(add_days(date, days)),
            item: Some(index),
        };
        s.at(at, &Event::ActionAdded { action });
    }
}

/// Close a vote at `closed_at` with counts that fit the attendance then, judged by the rules.
fn close_vote(
    s: &mut Script,
    index: usize,
    item_type: ItemType,
    method: VoteMethod,
    closed_at: Timestamp,
) -> Option<VoteRecord> {
    s.flush(closed_at);
    let mut written = Vec::new();
    if item_type.is_membership() {
        let excused: Vec<usize> = s
            .meeting
            .body()
            .filter(|(i, m)| {
                m.counted()
                    && m.standing.votes()
                    && s.meeting.mark_of(*i).is_some_and(|k| {
                        k.status == AttendanceStatus::Excused && !k.approver.is_empty()
                    })
            })
            .map(|(i, _)| i)
            .collect();
        for i in excused {
            if s.rng.chance(75) {
                let opinion = match s.rng.below(20) {
                    0 => Opinion::Abstain,
                    1 => Opinion::No,
                    _ => Opinion::Yes,
                };
                let m = &s.meeting.members()[i];
                written.push(WrittenOpinion {
                    member_id: m.id.clone(),
                    name: m.name.clone(),
                    opinion,
                });
            }
        }
    }
    let mut input = s
        .meeting
        .vote_input(index, method, (0, 0, 0), written, false)
        .ok()?;
    let p = input.entitled_present;
    let roll = s.rng.below(100);
    if item_type == ItemType::Ordinary && roll < 3 {
        input.deferred = true;
    } else if item_type == ItemType::Ordinary && roll < 8 {
        input.yes = p / 3;
        input.abstain = (s.rng.below(2) as u32).min(p - input.yes);
        input.no = p - input.yes - input.abstain;
    } else {
        // A few votes against and abstentions, in proportion to the meeting.
        input.no = (s.rng.below(p as usize / 8 + 2) as u32).min(p);
        input.abstain = (s.rng.below(p as usize / 10 + 1) as u32).min(p - input.no);
        input.yes = p - input.no - input.abstain;
    }
    if method == VoteMethod::SecretBallot && !input.deferred {
        // Every ballot issued comes back valid; two members watch and count (监票人, 计票人).
        let person = |s: &mut Script| {
            let i = some_attendee(s);
            crate::domain::PersonRef::member(&s.meeting.members()[i])
        };
        let scrutineer = person(s);
        let counter = person(s);
        input.ballots = Some(rules::Ballots {
            issued: p,
            returned: p,
            valid: p,
            invalid: 0,
            scrutineers: vec![scrutineer],
            counters: vec![counter],
        });
    }
    let j = rules::judge(&input).ok()?;
    let mut vote = VoteRecord::freeze(&input, &j, closed_at);
    if vote.outcome == Outcome::Deferred {
        "与会党员意见分歧较大，双方人数接近，会议决定暂缓表决"
            .clone_into(&mut vote.deferred_reason);
    }
    Some(vote)
}

fn wrap_up(s: &mut Script, roles: &Roles, (t, end): (Timestamp, Timestamp)) {
    let at = t + (end - t) / 3;
    s.flush(at);
    let c = s.meeting.counts();
    let chair = s.name(roles.chair).to_owned();
    let recorder = s.name(roles.recorder).to_owned();
    let line = format!(
        "本次会议应到{}人（正式党员{}人、预备党员{}人），实到{}人（正式党员{}人、预备党员{}人）。",
        c.expected_total,
        c.expected_full,
        c.expected_probationary,
        c.present_total,
        c.present_full,
        c.present_probationary
    );
    s.type_line(at, TextField::Summary, &line);
    let point = s.rng.pick(&POINTS);
    s.type_line(
        at + secs(60),
        TextField::Summary,
        &format!("{chair}同志作总结讲话，{point}。"),
    );
    let excused = s
        .meeting
        .body()
        .filter(|(i, _)| {
            s.meeting
                .mark_of(*i)
                .is_some_and(|m| m.status == AttendanceStatus::Excused)
        })
        .count();
    if excused > 0 {
        let line = format!("会议要求{excused}名请假党员在一周内完成补学，由{recorder}负责督促。");
        s.type_line(at + secs(120), TextField::Summary, &line);
        let action = ActionItem {
            task: "组织请假党员补学本次会议内容".to_owned(),
            owner: PersonRef::member(&s.meeting.members()[roles.recorder]),
            due: Some(add_days(roles.plan.date, 7)),
            item: None,
        };
        s.at(at + secs(150), &Event::ActionAdded { action });
    }
}
