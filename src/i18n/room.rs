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
