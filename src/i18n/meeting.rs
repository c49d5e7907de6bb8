//! Strings of the meeting screens: check-in, study, items, wrap-up and the frame around them.

use super::Tr;
use crate::domain::record::Counts;
use crate::domain::rules::VoteRecord;

impl Tr {
    #[must_use]
    pub fn checkin_type_name_or_pinyin(self) -> &'static str {
        self.pick("输入姓名或拼音首字母查找", "type a name or pinyin initials")
    }

    #[must_use]
    pub fn checkin_check_in(self) -> &'static str {
        self.pick("签到", "Check-in")
    }

    #[must_use]
    pub fn checkin_not_yet(self) -> &'static str {
        self.pick("未签到", "not yet")
    }

    #[must_use]
    pub fn checkin_not_counted(self) -> &'static str {
        self.pick("不计入应到", "not counted")
    }

    #[must_use]
    pub fn checkin_status(self) -> &'static str {
        self.pick("状态", "Status")
    }

    #[must_use]
    pub fn checkin_note(self) -> &'static str {
        self.pick("备注", "Note")
    }

    #[must_use]
    pub fn checkin_guests(self) -> &'static str {
        self.pick("列席", "Guests")
    }

    #[must_use]
    pub fn items_discussion(self) -> &'static str {
        self.pick("讨论记录", "discussion")
    }

    #[must_use]
    pub fn items_decision(self) -> &'static str {
        self.pick("决定", "decision")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn items_empty(self, key: &str) -> String {
        self.pick(
            format!("还没有议题。按 {key} 添加。"),
            format!("No items yet. Press {key} to add one."),
        )
    }

    #[must_use]
    pub fn items_title(self) -> &'static str {
        self.pick("议题", "Items")
    }

    #[must_use]
    pub fn items_candidate(self) -> &'static str {
        self.pick("对象", "Candidate")
    }

    #[must_use]
    pub fn items_stage(self) -> &'static str {
        self.pick("阶段", "Stage")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn items_discussion_heading(self, key: &str) -> String {
        self.pick(
            format!("—— 讨论记录（{key}）——"),
            format!("— Discussion ({key}) —"),
        )
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn items_decision_heading(self, key: &str) -> String {
        self.pick(
            format!("—— 决定（{key}）——"),
            format!("— Decision ({key}) —"),
        )
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn items_not_voted_heading(self, key: &str) -> String {
        self.pick(
            format!("—— 未表决（{key}）——"),
            format!("— Not voted ({key}) —"),
        )
    }

    #[must_use]
    pub fn items_vote_frozen(self) -> &'static str {
        self.pick("—— 表决结果（已固定）——", "— Vote (frozen) —")
    }

    #[must_use]
    pub fn meeting_elapsed(self) -> &'static str {
        self.pick("已进行", "Elapsed")
    }

    #[must_use]
    pub fn meeting_overtime(self) -> &'static str {
        self.pick(" 超时", " over")
    }

    #[must_use]
    pub fn meeting_agenda(self) -> &'static str {
        self.pick("议程", "Agenda")
    }

    #[must_use]
    pub fn meeting_saved(self) -> &'static str {
        self.pick("已保存", "Saved")
    }

    #[must_use]
    pub fn meeting_voters(self) -> &'static str {
        self.pick("表决权", "entitled")
    }

    #[must_use]
    pub fn meeting_committee(self) -> &'static str {
        self.pick("委员", "committee")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn study_empty(self, key: &str) -> String {
        self.pick(
            format!("还没有学习专题。按 {key} 添加。"),
            format!("No study topics yet. Press {key} to add one."),
        )
    }

    #[must_use]
    pub fn study_study_topics(self) -> &'static str {
        self.pick("学习专题", "Study topics")
    }

    #[must_use]
    pub fn study_material(self) -> &'static str {
        self.pick("材料", "Material")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn activity_hint(self, key: &str) -> String {
        self.pick(format!("按 {key} 记录本环节情况（如党费收缴、誓词领誓人）。"), format!("Press {key} to note what happens in this stage (e.g. dues collected, who led the oath)."))
    }

    #[must_use]
    pub fn wrapup_summary(self) -> &'static str {
        self.pick("会议小结", "Summary")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn wrapup_finalize_before_export(self, key: &str) -> String {
        self.pick(
            format!("请先定稿（{key}），再导出。"),
            format!("Finalize first ({key}), then export."),
        )
    }

    #[must_use]
    pub fn wrapup_minutes_finalized(self) -> &'static str {
        self.pick("会议记录已定稿", "Minutes finalized")
    }

    #[must_use]
    pub fn wrapup_file_label(self) -> &'static str {
        self.pick("文件", "File")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn wrapup_export_hint(self, key: &str) -> String {
        self.pick(
            format!("按 {key} 导出可打印的会议记录。"),
            format!("Press {key} to export the printable record."),
        )
    }

    #[must_use]
    pub fn wrapup_export_title(self) -> &'static str {
        self.pick("导出会议记录", "Export the record")
    }

    #[must_use]
    pub fn wrapup_export_folder(self) -> &'static str {
        self.pick("保存到文件夹", "Save in folder")
    }

    #[must_use]
    pub fn wrapup_export_what(self) -> &'static str {
        self.pick(
            "写入 html、md、txt、docx 四种会议记录和 xlsx 签到表；没有的文件夹会新建。",
            "Writes the record as html, md, txt and docx, and the sign-in sheet as xlsx; a missing folder is created.",
        )
    }

    #[must_use]
    pub fn wrapup_exported(self) -> &'static str {
        self.pick("已导出", "Exported")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn wrapup_no_actions(self, key: &str) -> String {
        self.pick(
            format!("还没有待办事项。按 {key} 添加。"),
            format!("No action items yet. Press {key} to add one."),
        )
    }

    #[must_use]
    pub fn wrapup_no_date(self) -> &'static str {
        self.pick("无期限", "no date")
    }

    #[must_use]
    pub fn wrapup_action_items(self) -> &'static str {
        self.pick("待办事项", "Action items")
    }

    #[must_use]
    pub fn wrapup_finalized(self) -> &'static str {
        self.pick("✓ 已定稿", "✓ Finalized")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn wrapup_ready_to_finalize(self, key: &str) -> String {
        self.pick(
            format!("✓ 记录完整，可以定稿（{key}）"),
            format!("✓ The record is complete; finalize with {key}"),
        )
    }

    #[must_use]
    pub fn wrapup_before_finalizing(self) -> &'static str {
        self.pick("定稿前检查", "Before finalizing")
    }
}

impl Tr {
    /// The counts of a closed vote, under its method.
    #[must_use]
    pub fn items_vote_counts(self, v: &VoteRecord) -> String {
        let method = self.method(v.method);
        let (yes, no, abstain, written) = (v.yes, v.no, v.abstain, v.written_opinions.len());
        self.pick(
            format!("{method}：赞成 {yes}，反对 {no}，弃权 {abstain}；书面意见 {written} 份"),
            format!("{method}: yes {yes}, no {no}, abstain {abstain}; {written} written opinions"),
        )
    }

    /// The denominators of a closed vote.
    #[must_use]
    pub fn items_vote_attendance(self, v: &VoteRecord) -> String {
        let (e, p, needed) = (v.entitled_expected, v.entitled_present, v.yes_needed);
        self.pick(
            format!(
                "应到有表决权 {e}，实到 {p}，法定人数{}，通过需赞成 {needed}",
                if v.quorum_met {
                    "已达到"
                } else {
                    "未达到"
                }
            ),
            format!(
                "Entitled expected {e}, present {p}, quorum {}, yes needed {needed}",
                if v.quorum_met { "met" } else { "not met" }
            ),
        )
    }

    /// The status line while events wait to be saved.
    #[must_use]
    pub fn meeting_unsaved(self, pending: usize, why: &str) -> String {
        self.pick(
            format!("⚠ 未保存 {pending} 条（{why}），正在重试 "),
            format!("⚠ {pending} unsaved ({why}), retrying "),
        )
    }

    /// 应到 and 实到 in the status line.
    #[must_use]
    pub fn meeting_counts(self, c: &Counts) -> String {
        self.pick(
            format!(
                "│ 应到 {}（正式 {} 预备 {}） 实到 {}（正式 {} 预备 {}）",
                c.expected_total,
                c.expected_full,
                c.expected_probationary,
                c.present_total,
                c.present_full,
                c.present_probationary
            ),
            format!(
                "│ Expected {} (full {}, prob. {}) present {} (full {}, prob. {})",
                c.expected_total,
                c.expected_full,
                c.expected_probationary,
                c.present_total,
                c.present_full,
                c.present_probationary
            ),
        )
    }

    /// Whether enough of those who vote are present, in the status line.
    #[must_use]
    pub fn meeting_quorum(self, label: &str, present: u32, expected: u32, met: bool) -> String {
        self.pick(
            format!(
                " │ {label} {present}/{expected}，{}",
                if met { "过半 ✓" } else { "未过半 ✗" }
            ),
            format!(
                " │ {label} {present}/{expected}, {}",
                if met { "quorum ✓" } else { "no quorum ✗" }
            ),
        )
    }

    #[must_use]
    pub fn wrapup_unmarked(self, unmarked: usize) -> String {
        self.pick(
            format!("{unmarked} 人未签到，定稿时记为缺席"),
            format!("{unmarked} members not marked; they will be recorded absent"),
        )
    }
}
