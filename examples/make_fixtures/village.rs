//! The stress-case fixture: a themed day of a village Party committee of 500 members.

use branchday::corpus::{SplitMix, branch_roster};
use branchday::domain::rules::{Outcome, VoteMethod};
use branchday::domain::{ExcuseReason, ItemSource, ItemStage, ItemType, MeetingKind, TextField};

use crate::session::{Session, cst, fixture_id, template};
use crate::valid::counts_line;

/// A themed day of a village Party committee of 500 members (the stress case of DESIGN.md §5).
pub fn village_committee_500() -> Session {
    let start = cst(2026, 4, 15, 14, 30);
    let mut roster = branch_roster(2026, 0, 500);
    "青石镇柳河村党委".clone_into(&mut roster.branch.name);
    let secretary = roster.members[0].id.clone();
    let secretary_name = roster.members[0].name.clone();
    let recorder = roster.members[2].id.clone();
    let mut s = Session::new(
        fixture_id(start, 7),
        MeetingKind::ThemedDay,
        "2026年4月主题党日",
        "清明缅怀先烈，传承红色基因",
        "柳河村新时代文明实践站",
        template("主题党日（5+N）"),
        roster.clone(),
        start,
    );
    s.roles(&secretary, None, &recorder);
    // Check-ins before the start; then, in time order, the excused, the absent and the late.
    let mut rng = SplitMix::new(500);
    let mut later: Vec<(u8, usize)> = Vec::new();
    for (k, m) in roster.members.iter().enumerate() {
        let roll = if !m.counted() {
            99
        } else if k < 5 {
            0
        } else {
            rng.below(100)
        };
        match roll {
            0..=84 => s.present(&m.id, -1 - i64::try_from(k % 20).expect("small")),
            85..=88 => later.push((3, k)),
            89..=97 => later.push((1, k)),
            _ => later.push((2, k)),
        }
    }
    s.guest("黄志坚", "镇党委副书记", -5);
    s.guest("陈敏", "村务监督委员会主任", -5);
    s.stage(0, 0);
    later.sort_unstable();
    for (what, k) in later {
        let m = &roster.members[k];
        match what {
            1 => s.excused(&m.id, ExcuseReason::Travel, "外出务工", &secretary_name),
            2 if !m.counted() => s.absent(&m.id, "经上级党组织批准，不计入应到会人数"),
            2 => s.absent(&m.id, "临时有事，事前未请假"),
            _ => s.late(&m.id, 10),
        }
    }
    s.stage(1, 25);
    s.write(
        TextField::StageNotes(1),
        "全体党员面向党旗，由村党委书记领誓，重温入党誓词。",
    );
    s.stage(2, 30);
    let topics = [
        ("学习党史：遵义会议", "《中国共产党简史》第三章"),
        ("学习红色家书", "《红色家书》选篇"),
        ("学习防汛抗旱应急预案", "县防汛抗旱指挥部预案"),
        ("学习农村人居环境整治方案", "镇政府实施方案"),
    ];
    for (k, (title, material)) in (0i64..).zip(topics) {
        let presenter = s.meeting.setup.roster.members[usize::try_from(k + 1).expect("small")]
            .name
            .clone();
        let lead = format!("{presenter}领学，学习材料：{material}。");
        let talk = format!(
            "{secretary_name}结合柳河村实际谈了体会，提出要把学习成果转化为为群众办实事的具体行动。"
        );
        s.topic(
            title,
            &presenter,
            material,
            &[&lead, &talk],
            (30 + 8 * k, 37 + 8 * k),
        );
    }
    s.stage(3, 65);
    let item = s.item(
        "河道清淤工程",
        ItemType::Ordinary,
        Some(ItemStage::AssemblyReview),
        Some(ItemSource::CadresProposal),
        None,
        &[
            "村党委提议在汛期前完成柳河村段河道清淤，经两委商议后提交党员大会审议。",
            "与会党员分组讨论，多数同意方案，部分党员提出清淤土方堆放位置要提前协调。",
        ],
    );
    let present = s
        .meeting
        .vote_input(item, VoteMethod::ShowOfHands, (0, 0, 0), Vec::new(), false)
        .expect("input")
        .entitled_present;
    let outcome = s.vote(
        item,
        VoteMethod::ShowOfHands,
        (present - 12, 7, 5),
        Vec::new(),
        90,
    );
    assert_eq!(outcome, Outcome::Passed);
    s.decide(item, "会议表决通过河道清淤工程方案，提交村民代表会议决议。");
    s.action(
        "将方案提交村民代表会议决议",
        &recorder,
        (2026, 4, 25),
        Some(item),
    );
    s.stage(4, 95);
    s.write(
        TextField::StageNotes(4),
        "各党小组收缴本月党费，外出务工党员通过线上交纳。",
    );
    s.stage(5, 100);
    let line = counts_line(&s);
    s.write(TextField::Summary, &line);
    s.end(110);
    s
}
