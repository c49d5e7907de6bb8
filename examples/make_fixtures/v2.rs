//! The fixture that holds what format version 2 adds: a member who leaves before the votes, a
//! round annulled for a counting mistake and held again, a deferral with its reason and no counts,
//! and an admission by secret ballot with its tally, 监票人 and 计票人.

use branchday::demo;
use branchday::domain::rules::{self, Outcome, VoteMethod, VoteRecord};
use branchday::domain::{Event, ExcuseReason, ItemType, MeetingKind, PersonRef, TextField};

use crate::session::{Session, cst, fixture_id, template};

pub fn general_assembly_revote() -> Session {
    let start = cst(2026, 6, 23, 15, 0);
    let mut s = Session::new(
        fixture_id(start, 9),
        MeetingKind::GeneralAssembly,
        "2026年第二季度支部党员大会",
        "讨论村级公益事业项目和接收预备党员",
        "东风社区党群服务中心二楼会议室",
        template("支部党员大会"),
        demo::roster(),
        start,
    );
    s.roles("m001", None, "m003");
    s.guest("孙晓明", "发展对象", -10);
    s.present_all(&["m008", "m023"], -15);
    s.stage(0, 0);
    s.excused("m008", ExcuseReason::Travel, "在县委党校参加培训", "王建国");
    s.absent("m023", "经上级党组织批准，不计入应到会人数");
    s.stage(1, 5);
    s.topic(
        "学习《中国共产党支部工作条例（试行）》第五章",
        "张志强",
        "条例第五章",
        &["张志强领学条例第五章，说明支部党员大会的议事规则。"],
        (5, 20),
    );
    s.stage(2, 20);
    // 早退 before the votes: not present for any of them.
    let t = s.t(30);
    s.ev(&Event::Left {
        at: t,
        member_id: "m012".into(),
        reason: "家中老人突发疾病，经主持人同意离会".into(),
    });

    let road = s.item(
        "村级公益事业项目：修缮文化广场",
        ItemType::Ordinary,
        None,
        None,
        None,
        &["王建国介绍修缮方案，预算8万元，由村集体经济列支。"],
    );
    // The first round was counted wrongly (the abstentions were missed) and is annulled.
    let first = s.vote(road, VoteMethod::ShowOfHands, (20, 0, 0), Vec::new(), 40);
    assert_eq!(first, Outcome::Passed);
    let t = s.t(42);
    s.ev(&Event::VoteAnnulled {
        at: t,
        index: road,
        round: 0,
        reason: "计票时漏计两票弃权，赞成票多计两票，重新表决".into(),
    });
    let second = s.vote(road, VoteMethod::ShowOfHands, (18, 0, 2), Vec::new(), 44);
    assert_eq!(second, Outcome::Passed);
    s.decide(road, "第二轮表决通过文化广场修缮方案。");
    s.action("编制修缮预算并公示", "m002", (2026, 7, 15), Some(road));

    let land = s.item(
        "调整五组集体土地承包方案",
        ItemType::Ordinary,
        None,
        None,
        None,
        &["与会党员对调整范围意见分歧较大，双方人数接近。"],
    );
    // 暂缓表决 (党章 第十七条): the meeting decides not to vote today; no counts.
    let input = s
        .meeting
        .vote_input(land, VoteMethod::ShowOfHands, (0, 0, 0), Vec::new(), true)
        .expect("vote input");
    let j = rules::judge(&input).expect("judged");
    let mut deferred = VoteRecord::freeze(&input, &j, s.t(55));
    assert_eq!(deferred.outcome, Outcome::Deferred);
    "意见分歧较大、双方人数接近，会后充分听取五组群众意见，下次党员大会再议"
        .clone_into(&mut deferred.deferred_reason);
    s.ev(&Event::VoteClosed {
        index: land,
        vote: deferred,
    });
    s.decide(land, "会议决定暂缓表决，下次党员大会再议。");

    let candidate = PersonRef {
        member_id: None,
        name: "孙晓明".to_owned(),
    };
    let admission = s.item(
        "讨论接收孙晓明同志为预备党员",
        ItemType::Admission,
        None,
        None,
        Some(candidate),
        &["入党介绍人李秀英、陈国华介绍孙晓明同志的培养考察情况，政治审查结论为合格。"],
    );
    let outcome = s.vote(
        admission,
        VoteMethod::SecretBallot,
        (19, 1, 1),
        Vec::new(),
        70,
    );
    assert_eq!(outcome, Outcome::Passed);
    s.decide(
        admission,
        "无记名投票，会议同意接收孙晓明同志为中共预备党员，报城关镇党委审批。",
    );
    s.action(
        "将孙晓明同志的入党材料报城关镇党委审批",
        "m003",
        (2026, 7, 7),
        Some(admission),
    );
    s.stage(3, 80);
    s.write(
        TextField::Summary,
        "本次会议审议三项议题：一项经重新表决通过，一项暂缓表决，一项接收预备党员。",
    );
    s.end(90);
    s
}
