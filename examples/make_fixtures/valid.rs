//! The valid fixtures: one meeting of each kind of the demo branch, an admission by secret ballot, a
//! village Party committee of 500 and a correction.

use chrono::TimeDelta;

use branchday::demo;
use branchday::domain::rules::{Opinion, Outcome, VoteMethod};
use branchday::domain::{
    ExcuseReason, ItemSource, ItemStage, ItemType, MeetingKind, PersonRef, TextField,
};

use crate::session::{Session, cst, fixture_id, template, written};

const PLACE: &str = "东风社区党群服务中心二楼会议室";
const EXCLUDED: (&str, &str) = ("m023", "经上级党组织批准，不计入应到会人数");

/// The summary's first line, from the meeting's own counts.
pub fn counts_line(s: &Session) -> String {
    let c = s.meeting.counts();
    format!(
        "本次会议应到{}人（正式党员{}人、预备党员{}人），实到{}人（正式党员{}人、预备党员{}人）。",
        c.expected_total,
        c.expected_full,
        c.expected_probationary,
        c.present_total,
        c.present_full,
        c.present_probationary
    )
}

pub fn themed_day() -> Session {
    let start = cst(2026, 3, 10, 14, 30);
    let mut s = Session::new(
        fixture_id(start, 1),
        MeetingKind::ThemedDay,
        "2026年3月主题党日",
        "弘扬雷锋精神，争做志愿服务先锋",
        PLACE,
        template("主题党日（恩施八步）"),
        demo::roster(),
        start,
    );
    s.roles("m001", None, "m003");
    s.guest("周红", "驻村第一书记", -5);
    s.present_all(&["m006", "m011", "m017", "m023"], -15);
    s.stage(0, 0);
    s.excused("m006", ExcuseReason::Sick, "腰椎病复发住院", "王建国");
    s.absent("m017", "临时有事，事前未请假");
    s.absent(EXCLUDED.0, EXCLUDED.1);
    s.late("m011", 12);
    s.stage(1, 5);
    s.write(
        TextField::StageNotes(1),
        "张志强通报2月党费收缴情况：应交24人，已交24人。本月现场收缴22人，请假党员由党小组长代收。",
    );
    s.stage(2, 10);
    s.write(
        TextField::StageNotes(2),
        "全体党员面向党旗，由王建国领誓，重温入党誓词。",
    );
    s.stage(3, 15);
    s.topic(
        "学习《中国共产党章程》总纲",
        "李秀英",
        "党章（2022年修订）",
        &[
            "李秀英领读党章总纲，重点学习党的性质、宗旨和党员的义务。",
            "陈国华结合本职工作谈了体会，认为党员要亮身份、作表率，带头遵守村规民约。",
        ],
        (15, 25),
    );
    s.stage(4, 25);
    s.topic(
        "学习习近平总书记关于乡村振兴的重要论述",
        "刘桂兰",
        "《论“三农”工作》选读",
        &[
            "刘桂兰领学，学习材料为《论“三农”工作》选读第三部分。",
            "赵德胜联系村里实际发言，建议把学习和茶叶产业结合起来，带动群众增收。",
            "黄丽娟提出要关心留守老人和儿童，建议党员结对联系。",
        ],
        (25, 40),
    );
    s.topic(
        "学习雷锋精神的时代内涵",
        "周永平",
        "县委组织部推送材料",
        &[
            "周永平介绍雷锋同志的事迹，谈到新时代学雷锋就是要在岗位上做好小事。",
            "吴淑珍表示要带头参加社区志愿服务，每月不少于一次。",
        ],
        (40, 55),
    );
    s.stage(5, 55);
    s.topic(
        "党课：做新时代合格党员",
        "王建国",
        "书记讲党课讲稿",
        &[
            "王建国以“做新时代合格党员”为题讲授党课，从理想信念、纪律规矩、服务群众三个方面作了阐述。",
            "党课指出，要把学雷锋志愿服务与为群众办实事结合起来，做到常态化。",
        ],
        (55, 85),
    );
    s.stage(6, 85);
    let item = s.item(
        "村内道路硬化工程实施方案",
        ItemType::Ordinary,
        Some(ItemStage::AssemblyReview),
        Some(ItemSource::ResidentsSuggestion),
        None,
        &[
            "王建国介绍方案：硬化五组至七组道路1.2公里，经两委商议后提交党员大会审议。",
            "马文斌：同意方案，建议公开招标并请群众代表全程监督。",
            "朱红霞：担心资金不足，建议分两期实施。（不同意见已记录）",
        ],
    );
    let outcome = s.vote(item, VoteMethod::ShowOfHands, (19, 1, 1), Vec::new(), 105);
    assert_eq!(outcome, Outcome::Passed);
    s.decide(
        item,
        "会议表决通过道路硬化工程实施方案，提交村民代表会议决议。",
    );
    s.action(
        "将方案提交村民代表会议决议",
        "m002",
        (2026, 3, 20),
        Some(item),
    );
    s.action(
        "决议通过后张榜公示并组织公开招标",
        "m005",
        (2026, 4, 30),
        Some(item),
    );
    s.stage(7, 115);
    s.write(
        TextField::StageNotes(7),
        "组织党员到东风社区开展环境卫生清扫志愿服务，参加21人。",
    );
    s.stage(8, 145);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.write(
        TextField::Summary,
        "王建国作总结讲话，要求党员在志愿服务中亮身份、作表率。请假党员杨春梅由张志强负责组织补学。",
    );
    s.action("组织请假党员补学本次会议内容", "m003", (2026, 3, 17), None);
    s.end(155);
    s
}

pub fn general_assembly_admission() -> Session {
    let start = cst(2026, 3, 24, 15, 0);
    let mut s = Session::new(
        fixture_id(start, 2),
        MeetingKind::GeneralAssembly,
        "2026年第一季度支部党员大会",
        "讨论接收预备党员和预备党员转正",
        PLACE,
        template("支部党员大会"),
        demo::roster(),
        start,
    );
    s.roles("m001", None, "m003");
    s.guest("吴晓丽", "发展对象", -10);
    s.guest("赵敏", "城关镇党委组织员", -8);
    s.present_all(&["m008", "m015", "m023"], -15);
    s.stage(0, 0);
    s.excused("m008", ExcuseReason::Travel, "在县委党校参加培训", "王建国");
    s.excused("m015", ExcuseReason::Sick, "住院治疗", "王建国");
    s.absent(EXCLUDED.0, EXCLUDED.1);
    s.stage(1, 5);
    s.topic(
        "学习《中国共产党发展党员工作细则》",
        "张志强",
        "细则第三章至第五章",
        &[
            "张志强领学细则第三章至第五章，说明接收预备党员须经支部大会讨论，采取无记名投票方式表决。",
            "张志强说明：因故不能到会的有表决权的党员，在会前正式提交的书面意见统计在票数内。黄丽娟、胡振东已在会前提交书面意见。",
        ],
        (5, 25),
    );
    s.stage(2, 25);
    let roster = s.meeting.setup.roster.clone();
    let candidate = PersonRef {
        member_id: None,
        name: "吴晓丽".to_owned(),
    };
    let admission = s.item(
        "讨论接收吴晓丽同志为预备党员",
        ItemType::Admission,
        None,
        None,
        Some(candidate),
        &[
            "吴晓丽同志汇报对党的认识、入党动机、本人履历和家庭情况。",
            "入党介绍人李秀英、陈国华介绍吴晓丽同志的培养考察情况，政治审查结论为合格。",
            "张志强报告支部委员会审查情况，同意提交支部党员大会讨论。",
            "郭晓燕：该同志在防汛中表现突出，群众基础好，同意接收。",
            "何立新：希望该同志入党后继续加强理论学习。",
        ],
    );
    let opinions = vec![
        written(&roster, "m008", Opinion::Yes),
        written(&roster, "m015", Opinion::Yes),
    ];
    let outcome = s.vote(
        admission,
        VoteMethod::SecretBallot,
        (19, 1, 1),
        opinions,
        45,
    );
    assert_eq!(outcome, Outcome::Passed);
    s.decide(
        admission,
        "无记名投票：到会有表决权的党员21人，赞成19票、反对1票、弃权1票；会前书面意见2份，均为赞成。赞成票超过应到会有表决权党员的半数，会议同意接收吴晓丽同志为中共预备党员，报城关镇党委审批。",
    );
    s.action(
        "将吴晓丽同志的入党材料报城关镇党委审批",
        "m003",
        (2026, 4, 7),
        Some(admission),
    );
    let probationer = s.person("m024");
    let full = s.item(
        "讨论宋佳怡同志预备党员转正",
        ItemType::FullMembership,
        None,
        None,
        Some(probationer),
        &[
            "宋佳怡同志汇报预备期内的思想、学习和工作情况。",
            "入党介绍人林志明介绍其预备期表现，党小组意见为同意按期转正。",
            "罗美玲：该同志预备期内表现良好，同意按期转正。",
        ],
    );
    let opinions = vec![
        written(&roster, "m008", Opinion::Yes),
        written(&roster, "m015", Opinion::Abstain),
    ];
    let outcome = s.vote(full, VoteMethod::SecretBallot, (20, 0, 1), opinions, 60);
    assert_eq!(outcome, Outcome::Passed);
    s.decide(
        full,
        "会议同意宋佳怡同志按期转为中共正式党员，报城关镇党委审批。",
    );
    s.action(
        "将宋佳怡同志的转正材料报城关镇党委审批",
        "m003",
        (2026, 4, 7),
        Some(full),
    );
    s.stage(3, 65);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.write(
        TextField::Summary,
        "两项议题均逐个讨论、逐个表决。王建国要求入党介绍人继续做好培养教育工作。",
    );
    s.end(75);
    s
}

/// The committee meeting; with `correction`, the file that corrects it three days later.
pub fn committee(correction: Option<uuid::Uuid>) -> Session {
    let start = cst(2026, 3, 5, 9, 0);
    let mut s = Session::new(
        fixture_id(start, 3),
        MeetingKind::Committee,
        "2026年3月支委会",
        "",
        "东风社区党支部书记办公室",
        template("支委会"),
        demo::roster(),
        start,
    );
    if let Some(original) = correction {
        s.meeting.setup.id = fixture_id(start + TimeDelta::days(3), 8);
        s.meeting.setup.supersedes = Some(original);
        "原记录将议题二的负责人误记为刘桂兰，应为张志强"
            .clone_into(&mut s.meeting.setup.correction_reason);
    }
    s.roles("m001", None, "m003");
    s.present_all(&[], -10);
    s.stage(0, 0);
    s.stage(1, 2);
    let a = s.item(
        "研究3月主题党日活动安排",
        ItemType::Ordinary,
        None,
        Some(ItemSource::CadresProposal),
        None,
        &[
            "王建国提出3月主题党日以学雷锋志愿服务为主题，3月10日下午举行。",
            "刘桂兰：建议增加环境卫生清扫活动。",
        ],
    );
    s.vote(a, VoteMethod::ShowOfHands, (5, 0, 0), Vec::new(), 12);
    s.decide(a, "会议同意3月主题党日安排。");
    s.action("发布3月主题党日通知", "m004", (2026, 3, 7), Some(a));
    let b = s.item(
        "研究发展党员工作：吴晓丽同志列为发展对象",
        ItemType::Ordinary,
        None,
        Some(ItemSource::SuperiorAssignment),
        None,
        &[
            "张志强报告吴晓丽同志一年来的培养考察情况和群团组织推荐意见。",
            "陈国华：同意列为发展对象，建议尽快开展政治审查。",
        ],
    );
    s.vote(b, VoteMethod::RollCall, (4, 0, 1), Vec::new(), 25);
    s.decide(b, "会议同意将吴晓丽同志列为发展对象，报城关镇党委备案。");
    s.action("开展政治审查并安排集中培训", "m003", (2026, 3, 20), Some(b));
    let c = s.item(
        "研究困难党员慰问名单",
        ItemType::Ordinary,
        None,
        Some(ItemSource::CadresProposal),
        None,
        &["李秀英提出拟慰问困难党员3名。"],
    );
    s.vote(c, VoteMethod::ShowOfHands, (5, 0, 0), Vec::new(), 35);
    s.decide(c, "会议确定慰问困难党员3名，每人慰问金500元，3月底前完成。");
    s.action("走访慰问困难党员", "m002", (2026, 3, 31), Some(c));
    s.stage(2, 40);
    s.write(
        TextField::Summary,
        "支委会应到5人，实到5人。三项议题均表决通过。",
    );
    s.end(50);
    if correction.is_some() {
        s.correct(TextField::ItemDecision(c), "3月底前完成", "4月10日前完成");
        s.write(
            TextField::Summary,
            "（更正说明：第3项决定的完成时限原记为3月底前，经核实应为4月10日前，本记录取代原记录。）",
        );
    }
    s
}

pub fn group() -> Session {
    let start = cst(2026, 3, 12, 19, 30);
    let mut s = Session::new(
        fixture_id(start, 4),
        MeetingKind::Group,
        "第二党小组2026年3月党小组会",
        "",
        "东风社区党员活动室",
        template("党小组会"),
        demo::roster(),
        start,
    );
    s.meeting.setup.group = Some("第二党小组".to_owned());
    s.roles("m004", None, "m006");
    s.present_all(&["m012"], -10);
    s.stage(0, 0);
    s.excused("m012", ExcuseReason::Personal, "孩子中考", "刘桂兰");
    s.stage(1, 3);
    s.topic(
        "学习全国两会精神",
        "刘桂兰",
        "政府工作报告摘要",
        &[
            "刘桂兰领学政府工作报告中关于乡村振兴和民生保障的内容。",
            "杨春梅谈到城乡居民医保待遇提高，要向群众讲清楚缴费政策。",
            "郑光辉提出要关注返乡青年就业，建议组织技能培训。",
        ],
        (3, 25),
    );
    s.topic(
        "学习反电信网络诈骗知识",
        "宋佳怡",
        "县公安局宣传材料",
        &[
            "宋佳怡介绍近期常见的冒充客服、刷单返利等诈骗手法。",
            "梁素芬表示要把反诈宣传送到每户老人家中。",
        ],
        (25, 43),
    );
    s.stage(2, 45);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.write(
        TextField::Summary,
        "小组成员分片包户开展反诈宣传，月底前完成。孙玉兰请假，由刘桂兰负责补学。",
    );
    s.action("分片包户开展反诈宣传", "m004", (2026, 3, 31), None);
    s.end(55);
    s
}

pub fn lecture() -> Session {
    let start = cst(2026, 1, 20, 9, 0);
    let mut s = Session::new(
        fixture_id(start, 5),
        MeetingKind::Lecture,
        "2026年第一季度党课",
        "严守党的纪律规矩",
        PLACE,
        template("党课"),
        demo::roster(),
        start,
    );
    s.roles("m001", None, "m003");
    s.present_all(&["m009", "m023"], -12);
    s.stage(0, 0);
    s.excused("m009", ExcuseReason::Travel, "到市里出差", "王建国");
    s.absent(EXCLUDED.0, EXCLUDED.1);
    s.stage(1, 5);
    s.topic(
        "学习《中国共产党纪律处分条例》",
        "王建国",
        "条例第六章 违反组织纪律的行为",
        &[
            "王建国以“严守党的纪律规矩”为题讲授党课。",
            "一、讲清六项纪律的主要内容，重点解读组织纪律中不按规定参加组织生活的情形。",
            "二、结合市纪委监委通报的三起典型案例，讲明“小节”背后的纪律问题。",
            "三、提出三点要求：按时参加组织生活、如实报告个人有关事项、严格执行请销假制度。",
            "胡振东发言：老党员要带头守纪律，也要帮年轻党员把好第一道关。",
        ],
        (5, 65),
    );
    s.stage(2, 65);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.write(TextField::Summary, "周永平出差请假，会后补学党课讲稿。");
    s.action("组织请假党员补学党课讲稿", "m003", (2026, 1, 27), None);
    s.end(70);
    s
}

pub fn life_meeting() -> Session {
    let start = cst(2026, 1, 28, 14, 0);
    let mut s = Session::new(
        fixture_id(start, 6),
        MeetingKind::LifeMeeting,
        "2025年度组织生活会",
        "对照党章党规，查摆问题，开展批评与自我批评",
        PLACE,
        template("组织生活会"),
        demo::roster(),
        start,
    );
    s.roles("m001", None, "m003");
    s.guest("赵敏", "城关镇党委组织员（上级党组织派员指导）", -10);
    s.present_all(&["m019", "m023"], -15);
    s.stage(0, 0);
    s.excused("m019", ExcuseReason::Sick, "住院治疗", "王建国");
    s.absent(EXCLUDED.0, EXCLUDED.1);
    s.stage(1, 5);
    s.topic(
        "学习《关于新形势下党内政治生活的若干准则》",
        "李秀英",
        "准则全文",
        &["李秀英领学准则中关于开展批评和自我批评的要求。"],
        (5, 25),
    );
    s.stage(2, 25);
    let notes = TextField::StageNotes(2);
    s.write(
        notes,
        "王建国代表支部班子作对照检查，查摆出联系群众不够紧密、组织生活形式单一两方面问题。",
    );
    s.write(notes, "张志强作自我批评：理论学习不够系统，满足于读原文、划重点。马文斌提出批评意见：希望讲话更接地气，多用群众语言。");
    s.write(notes, "朱红霞作自我批评：参加组织生活有时迟到。胡振东提出批评意见：希望按时参加组织生活，做好表率。");
    s.write(notes, "欧阳明轩作自我批评：对年轻党员的传帮带做得不够。高翠萍提出批评意见：建议多参加志愿服务活动。");
    s.stage(3, 85);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.write(
        TextField::Summary,
        "赵敏代表城关镇党委点评，认为批评和自我批评辣味足、问题实。会后形成整改清单。",
    );
    s.action("制定整改清单并在党员中公示", "m001", (2026, 2, 28), None);
    s.end(95);
    s
}
