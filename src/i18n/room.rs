//! Strings of the live meeting's room work: closing, annulling and re-holding rounds, secret-ballot
//! tallies, leaving early, resetting marks and removing guests.

use super::Tr;
use crate::domain::AttendanceStatus;

impl Tr {
    #[must_use]
    pub fn form_ballots_issued(self) -> &'static str {
        self.pick("发出选票", "Ballots issued")
    }

    #[must_use]
    pub fn form_ballots_returned(self) -> &'static str {
        self.pick("收回选票", "Ballots returned")
    }

    #[must_use]
    pub fn form_ballots_valid(self) -> &'static str {
        self.pick("有效票", "Valid ballots")
    }

    #[must_use]
    pub fn form_ballots_invalid(self) -> &'static str {
        self.pick("无效票", "Invalid ballots")
    }

    #[must_use]
    pub fn form_scrutineer(self, n: usize) -> String {
        self.pick(format!("监票人 {n}"), format!("Scrutineer {n}"))
    }

    #[must_use]
    pub fn form_counter(self) -> &'static str {
        self.pick("计票人", "Teller")
    }

    #[must_use]
    pub fn form_ballot_people_required(self) -> &'static str {
        self.pick(
            "无记名投票请填写监票人和计票人",
            "a secret ballot needs a scrutineer and a teller",
        )
    }

    #[must_use]
    pub fn confirm_vote_title(self, item: &str) -> String {
        self.pick(
            format!("确认结束表决 · {item}"),
            format!("Close the vote? · {item}"),
        )
    }

    #[must_use]
    pub fn confirm_vote_question(self) -> &'static str {
        self.pick("结束本轮表决", "Close this round")
    }

    #[must_use]
    pub fn confirm_vote_options(self) -> Vec<String> {
        vec![
            self.pick("返回修改", "No, back to the counts").to_owned(),
            self.pick("确认，结束表决", "Yes, close the vote")
                .to_owned(),
        ]
    }

    #[must_use]
    pub fn confirm_vote_note(self) -> &'static str {
        self.pick(
            "结束后本轮结果固定；录入有误时可作废本轮并重新表决，作废的一轮仍留在记录中",
            "once closed the round is frozen; a round entered wrongly can be annulled and held again, and stays in the record",
        )
    }

    #[must_use]
    pub fn annul_title(self, round: usize, item: &str) -> String {
        self.pick(
            format!("作废第 {round} 轮表决 · {item}"),
            format!("Annul round {round} · {item}"),
        )
    }

    #[must_use]
    pub fn annul_reason_label(self) -> &'static str {
        self.pick("作废原因", "Why annulled")
    }

    #[must_use]
    pub fn annul_reason_required(self) -> String {
        self.pick(
            "请写明作废原因：作废的一轮仍留在记录中，原因一并写入".to_owned(),
            "give the reason: the annulled round stays in the record with it".to_owned(),
        )
    }

    #[must_use]
    pub fn annul_note(self, key: &str) -> String {
        self.pick(
            format!("作废后按 {key} 重新表决"),
            format!("then press {key} to vote again"),
        )
    }

    #[must_use]
    pub fn vote_stands(self, key: &str) -> String {
        self.pick(
            format!("本议题已有表决结果；如录入有误，按 {key} 作废本轮后重新表决"),
            format!("this item has a vote that stands; if it was entered wrongly, press {key} to annul it, then vote again"),
        )
    }

    #[must_use]
    pub fn nothing_to_annul(self) -> &'static str {
        self.pick("本议题没有可作废的表决", "this item has no round to annul")
    }

    #[must_use]
    pub fn round_heading(self, n: usize, annulled: Option<&str>) -> String {
        match annulled {
            None => self.pick(format!("—— 第 {n} 轮 ——"), format!("— Round {n} —")),
            Some(why) => self.pick(
                format!("—— 第 {n} 轮（已作废：{why}）——"),
                format!("— Round {n} (annulled: {why}) —"),
            ),
        }
    }

    #[must_use]
    pub fn items_vote_again(self, key: &str) -> String {
        self.pick(
            format!("可再次表决（{key}）"),
            format!("A new round can be held ({key})"),
        )
    }

    #[must_use]
    pub fn leave_title(self, name: &str) -> String {
        self.pick(format!("早退 · {name}"), format!("Left early · {name}"))
    }

    #[must_use]
    pub fn leave_time_label(self) -> &'static str {
        self.pick("离会时间（时:分）", "Left at (HH:MM)")
    }

    #[must_use]
    pub fn leave_reason_label(self) -> &'static str {
        self.pick("早退原因", "Why")
    }

    #[must_use]
    pub fn leave_reason_required(self) -> String {
        self.pick(
            "请写明早退原因".to_owned(),
            "give the reason for leaving".to_owned(),
        )
    }

    #[must_use]
    pub fn leave_time_bad(self) -> String {
        self.pick(
            "离会时间请写成 时:分，例如 15:40".to_owned(),
            "write the time as HH:MM, e.g. 15:40".to_owned(),
        )
    }

    #[must_use]
    pub fn leave_time_before_arrival(self, arrived: &str) -> String {
        self.pick(
            format!("离会时间早于签到时间 {arrived}"),
            format!("that is before they checked in ({arrived})"),
        )
    }

    #[must_use]
    pub fn leave_time_future(self) -> String {
        self.pick(
            "离会时间晚于现在".to_owned(),
            "that time has not come yet".to_owned(),
        )
    }

    #[must_use]
    pub fn leave_note(self) -> &'static str {
        self.pick(
            "离会后不计入此后各轮表决的实到人数",
            "from then on they are not present for any vote",
        )
    }

    #[must_use]
    pub fn not_here(self, name: &str) -> String {
        self.pick(
            format!("{name} 不在会场，不能记早退"),
            format!("{name} is not at the meeting, so cannot leave early"),
        )
    }

    #[must_use]
    pub fn left_badge(self, time: &str) -> String {
        self.pick(format!("早退 {time}"), format!("left {time}"))
    }

    #[must_use]
    pub fn undid(
        self,
        name: &str,
        from: Option<AttendanceStatus>,
        to: Option<AttendanceStatus>,
    ) -> String {
        let word =
            |s: Option<AttendanceStatus>| s.map_or(self.checkin_not_yet(), |s| self.status(s));
        let (from, to) = (word(from), word(to));
        self.pick(
            format!("已撤销：{name} {from} → {to}"),
            format!("undone: {name} {from} → {to}"),
        )
    }

    #[must_use]
    pub fn all_present_title(self) -> &'static str {
        self.pick("其余全部出席", "All remaining present")
    }

    #[must_use]
    pub fn all_present_question(self, n: usize) -> String {
        self.pick(
            format!("将尚未签到的 {n} 人记为出席"),
            format!("Mark the {n} not yet checked in as present"),
        )
    }

    #[must_use]
    pub fn cancel_or_confirm(self) -> Vec<String> {
        vec![
            self.pick("取消", "No").to_owned(),
            self.pick("确认", "Yes").to_owned(),
        ]
    }

    #[must_use]
    pub fn everyone_marked(self) -> &'static str {
        self.pick("所有人员均已签到", "everyone is checked in")
    }

    #[must_use]
    pub fn remove_guest_title(self) -> &'static str {
        self.pick("移除列席人员", "Remove a guest")
    }

    #[must_use]
    pub fn edit_guest_title(self) -> &'static str {
        self.pick("修改列席人员", "Edit a guest")
    }

    #[must_use]
    pub fn guest_position_label(self) -> &'static str {
        self.pick("排列位置", "Position")
    }

    /// The n-th place (1-based) in the list of guests.
    #[must_use]
    pub fn guest_position(self, n: usize) -> String {
        self.pick(format!("第 {n} 位"), format!("No. {n}"))
    }

    #[must_use]
    pub fn guest_label(self) -> &'static str {
        self.pick("列席人员", "Guest")
    }

    #[must_use]
    pub fn no_guests(self) -> &'static str {
        self.pick("没有列席人员", "there are no guests")
    }

    #[must_use]
    pub fn outside_roster(self) -> &'static str {
        self.pick("（名册外）", "(not on the roster)")
    }
}

impl Tr {
    #[must_use]
    pub fn remove_title(self, what: &str) -> String {
        self.pick(format!("删除 · {what}"), format!("Remove · {what}"))
    }

    #[must_use]
    pub fn remove_question(self) -> &'static str {
        self.pick("确认删除", "Remove it")
    }

    #[must_use]
    pub fn remove_note(self) -> &'static str {
        self.pick(
            "删除记入会议日志；其讨论记录一并删除",
            "the removal is kept in the meeting's journal; its notes go with it",
        )
    }
}

impl Tr {
    #[must_use]
    pub fn marked_late(self, key: &str) -> String {
        self.pick(
            format!("会议已开始，记为迟到；按时到会的请按 {key} 记为出席"),
            format!(
                "the meeting has started: marked late; press {key} for someone who came on time"
            ),
        )
    }

    #[must_use]
    pub fn not_started(self, key: &str) -> String {
        self.pick(
            format!("未开始（{key} 开始会议）"),
            format!("not started ({key} starts)"),
        )
    }
}

impl Tr {
    #[must_use]
    pub fn grade(self, g: crate::domain::Grade) -> &'static str {
        use crate::domain::Grade;
        match g {
            Grade::Excellent => self.pick("优秀", "excellent"),
            Grade::Qualified => self.pick("合格", "qualified"),
            Grade::BasicallyQualified => self.pick("基本合格", "basically qualified"),
            Grade::Unqualified => self.pick("不合格", "unqualified"),
        }
    }

    #[must_use]
    pub fn appraisal_title(self, who: &str) -> String {
        self.pick(
            format!("民主评议党员 · {who}"),
            format!("Democratic appraisal · {who}"),
        )
    }

    #[must_use]
    pub fn grade_label(self) -> &'static str {
        self.pick("评定等次", "Grade settled")
    }

    #[must_use]
    pub fn tally_label(self, g: crate::domain::Grade) -> String {
        self.pick(
            format!("测评“{}”票数", self.grade(g)),
            format!("Rated {}", self.grade(g)),
        )
    }

    #[must_use]
    pub fn appraisal_note(self) -> &'static str {
        self.pick(
            "民主评议不进行多数表决：记录测评票数（如有）和支部评定的等次",
            "an appraisal is not a majority vote: record the ratings (if kept) and the grade the branch settles",
        )
    }

    #[must_use]
    pub fn tallies_exceed(self, total: u32, present: u32) -> String {
        self.pick(
            format!("测评票数合计 {total}，超过到会党员 {present} 人"),
            format!("{total} ratings, more than the {present} members present"),
        )
    }

    /// `评定等次：合格（测评：优秀 3，合格 18，基本合格 1，不合格 0）`.
    #[must_use]
    pub fn appraisal_line(self, a: &crate::domain::Appraisal) -> String {
        format!(
            "{}{}{}",
            self.grade_label(),
            self.colon(),
            self.appraisal_value(a)
        )
    }

    /// `合格（测评：优秀 3，合格 18，基本合格 1，不合格 0）`.
    #[must_use]
    pub fn appraisal_value(self, a: &crate::domain::Appraisal) -> String {
        use crate::domain::Grade;
        let grade = self.grade(a.grade);
        let Some(t) = a.tallies else {
            return grade.to_owned();
        };
        let parts = [
            (Grade::Excellent, t.excellent),
            (Grade::Qualified, t.qualified),
            (Grade::BasicallyQualified, t.basically_qualified),
            (Grade::Unqualified, t.unqualified),
        ]
        .iter()
        .map(|(g, n)| format!("{} {n}", self.grade(*g)))
        .collect::<Vec<_>>()
        .join(self.pick("，", ", "));
        self.pick(
            format!("{grade}（测评：{parts}）"),
            format!("{grade} (ratings: {parts})"),
        )
    }

    /// What the regulations say about an item of this type, where it matters in the room.
    #[must_use]
    pub fn item_type_note(self, t: crate::domain::ItemType) -> Option<&'static str> {
        use crate::domain::ItemType;
        match t {
            ItemType::Activist => Some(self.pick(
                "由支委会确定（未设支委会的由支部大会确定），推荐方式记入“来源”（细则 第九条）",
                "named by the committee (the assembly where there is none); record how they were recommended as the source (细则 第九条)",
            )),
            ItemType::DevelopmentCandidate => Some(self.pick(
                "由支委会确定，事先听取党小组、培养联系人、党员和群众意见，报基层党委备案（细则 第十三、十四条）",
                "named by the committee after hearing the group, the contacts, members and non-members; reported to the Party committee (细则 第十三、十四条)",
            )),
            ItemType::Discipline => Some(self.pick(
                "由支部大会讨论决定，报基层党委批准后生效；记录注明“待上级批准”（党章 第四十条）",
                "decided by the general assembly, in force once the Party committee approves: record it as awaiting approval (党章 第四十条)",
            )),
            ItemType::Appraisal => Some(self.appraisal_note()),
            _ => None,
        }
    }
}

impl Tr {
    /// The live counts without their split, for a narrow status line.
    #[must_use]
    pub fn meeting_counts_short(self, c: &crate::domain::record::Counts) -> String {
        self.pick(
            format!("│ 应到 {} 实到 {}", c.expected_total, c.present_total),
            format!(
                "│ Expected {} present {}",
                c.expected_total, c.present_total
            ),
        )
    }
}
