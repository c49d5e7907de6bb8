//! Strings of the meeting forms: titles, field labels, choices and what a form says is wrong.

use super::Tr;

impl Tr {
    #[must_use]
    pub fn form_details(self) -> &'static str {
        self.pick("说明", "Details")
    }

    #[must_use]
    pub fn form_approved_by(self) -> &'static str {
        self.pick("批准人", "Approved by")
    }

    #[must_use]
    pub fn form_reason_if_known(self) -> &'static str {
        self.pick("原因（如已知）", "Reason (if known)")
    }

    #[must_use]
    pub fn form_guest(self) -> &'static str {
        self.pick("列席人员", "Guest")
    }

    #[must_use]
    pub fn form_identity(self) -> &'static str {
        self.pick("身份", "Identity")
    }

    #[must_use]
    pub fn form_study_topic(self) -> &'static str {
        self.pick("学习专题", "Study topic")
    }

    #[must_use]
    pub fn form_title(self) -> &'static str {
        self.pick("题目", "Title")
    }

    #[must_use]
    pub fn form_material(self) -> &'static str {
        self.pick("学习材料", "Material")
    }

    #[must_use]
    pub fn form_item(self) -> &'static str {
        self.pick("议题", "Item")
    }

    #[must_use]
    pub fn form_item_title(self) -> &'static str {
        self.pick("议题", "Item")
    }

    #[must_use]
    pub fn form_candidate_membership(self) -> &'static str {
        self.pick("对象（发展党员）", "Candidate (membership)")
    }

    #[must_use]
    pub fn form_public_deliberation_stage(self) -> &'static str {
        self.pick("四议两公开", "Public deliberation stage")
    }

    #[must_use]
    pub fn form_not_applicable(self) -> &'static str {
        self.pick("不适用", "not applicable")
    }

    #[must_use]
    pub fn form_not_stated(self) -> &'static str {
        self.pick("未注明", "not stated")
    }

    #[must_use]
    pub fn form_method(self) -> &'static str {
        self.pick("表决方式", "Method")
    }

    #[must_use]
    pub fn form_yes(self) -> &'static str {
        self.pick("赞成", "Yes")
    }

    #[must_use]
    pub fn form_no(self) -> &'static str {
        self.pick("反对", "No")
    }

    #[must_use]
    pub fn form_abstain(self) -> &'static str {
        self.pick("弃权", "Abstain")
    }

    #[must_use]
    pub fn form_defer_reason(self) -> &'static str {
        self.pick("暂缓原因", "Why deferred")
    }

    pub fn form_defer_reason_required(self) -> String {
        self.pick(
            "请写明暂缓表决的原因：暂缓表决不记票数，原因写入记录".to_owned(),
            "give the reason for deferring: a deferral records no counts, and its reason goes in the record".to_owned(),
        )
    }

    pub fn form_defer(self) -> &'static str {
        self.pick("暂缓表决", "Defer (党章 第十七条)")
    }

    #[must_use]
    pub fn form_no_choice(self) -> &'static str {
        self.pick("否", "no")
    }

    #[must_use]
    pub fn form_yes_defer(self) -> &'static str {
        self.pick("是，暂缓表决", "yes, defer")
    }

    #[must_use]
    pub fn form_no_written_opinion(self) -> &'static str {
        self.pick("无书面意见", "none")
    }

    #[must_use]
    pub fn form_written_opinion(self) -> &'static str {
        self.pick("书面意见", "Written:")
    }

    #[must_use]
    pub fn form_vote(self) -> &'static str {
        self.pick("表决", "Vote")
    }

    #[must_use]
    pub fn form_action_item(self) -> &'static str {
        self.pick("待办事项", "Action item")
    }

    #[must_use]
    pub fn form_task(self) -> &'static str {
        self.pick("任务", "Task")
    }

    #[must_use]
    pub fn form_owner(self) -> &'static str {
        self.pick("负责人", "Owner")
    }

    #[must_use]
    pub fn form_due_yyyy_mm_dd(self) -> &'static str {
        self.pick("期限（年-月-日）", "Due (YYYY-MM-DD)")
    }

    #[must_use]
    pub fn form_for_item(self) -> &'static str {
        self.pick("对应议题", "For item")
    }

    #[must_use]
    pub fn form_meeting_details(self) -> &'static str {
        self.pick("会议信息", "Meeting details")
    }

    #[must_use]
    pub fn form_finalize(self) -> &'static str {
        self.pick("定稿", "Finalize")
    }

    #[must_use]
    pub fn form_finalized_minutes_cannot_change(self) -> &'static str {
        self.pick(
            "定稿后不能再修改，确认？",
            "Finalized minutes cannot change. Go ahead?",
        )
    }

    #[must_use]
    pub fn form_yes_finalize(self) -> &'static str {
        self.pick("是，定稿", "yes, finalize")
    }

    #[must_use]
    pub fn form_counts_must_be_whole(self) -> &'static str {
        self.pick("票数须为非负整数", "counts must be whole numbers ≥ 0")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn form_vote_submit_hint(self, key: &str) -> String {
        self.pick(
            format!("{key} 结束表决（结果固定）"),
            format!("{key} closes the vote (the result is frozen)"),
        )
    }

    #[must_use]
    pub fn form_please_fill_in(self) -> &'static str {
        self.pick("请填写", "please fill in")
    }

    #[must_use]
    pub fn form_due_date_must_look(self) -> &'static str {
        self.pick(
            "期限格式应为 2026-12-31",
            "due date must look like 2026-12-31",
        )
    }
}

impl Tr {
    /// The attendance line of the vote form's preview.
    #[must_use]
    pub fn form_vote_attendance(
        self,
        expected: u32,
        present: u32,
        needed: u32,
        met: bool,
    ) -> String {
        let quorum = if met { "✓" } else { "✗" };
        self.pick(
            format!("应到有表决权 {expected}，实到 {present}；法定人数需 {needed} 人 {quorum}"),
            format!(
                "Entitled expected {expected}, present {present}; quorum needs {needed} {quorum}"
            ),
        )
    }

    #[must_use]
    pub fn form_vote_yes_counted(self, counted: u32, needed: u32) -> String {
        self.pick(
            format!("赞成（含书面）{counted}，通过需 {needed}"),
            format!("Yes counted (with written) {counted}, needed {needed}"),
        )
    }

    #[must_use]
    pub fn form_missing_details(self) -> &'static str {
        self.pick("说明", "details")
    }

    #[must_use]
    pub fn form_missing_name(self) -> &'static str {
        self.pick("姓名", "name")
    }

    #[must_use]
    pub fn form_missing_study_title(self) -> &'static str {
        self.pick("题目", "title")
    }

    #[must_use]
    pub fn form_missing_item_title(self) -> &'static str {
        self.pick("议题", "item")
    }

    #[must_use]
    pub fn form_missing_candidate(self) -> &'static str {
        self.pick("发展对象", "candidate")
    }

    #[must_use]
    pub fn form_missing_owner(self) -> &'static str {
        self.pick("负责人（名册中的党员）", "owner (a roster member)")
    }

    #[must_use]
    pub fn form_missing_task(self) -> &'static str {
        self.pick("任务", "task")
    }

    #[must_use]
    pub fn form_missing_meeting_title(self) -> &'static str {
        self.pick("会议名称", "title")
    }
}
