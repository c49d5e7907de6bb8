//! Strings of the interactive program.

use super::Tr;
use crate::tui::keymap::Action;

impl Tr {
    /// What a key does, for the footer and help.
    #[must_use]
    pub fn action(self, a: Action) -> &'static str {
        match a {
            Action::Quit => self.pick("退出", "quit"),
            Action::Help => self.pick("帮助", "help"),
            Action::Back => self.pick("返回", "back"),
            Action::Up => self.pick("上移", "up"),
            Action::Down => self.pick("下移", "down"),
            Action::Confirm => self.pick("确定", "select"),
            Action::NextStage => self.pick("下一环节", "next stage"),
            Action::PrevStage => self.pick("上一环节", "previous stage"),
            Action::ShowCheckIn => self.pick("查看签到", "show check-in"),
            Action::ShowStudy => self.pick("查看学习", "show study"),
            Action::ShowItems => self.pick("查看议题", "show items"),
            Action::ShowWrapUp => self.pick("查看总结", "show wrap-up"),
            Action::NewMeeting => self.pick("新会议", "new meeting"),
            Action::Browse => self.pick("会议记录", "minutes"),
            Action::ShowRoster => self.pick("名册", "roster"),
            Action::MarkPresent => self.pick("出席", "present"),
            Action::MarkLate => self.pick("迟到", "late"),
            Action::MarkExcused => self.pick("请假", "excused"),
            Action::MarkAbsent => self.pick("缺席", "absent"),
            Action::Undo => self.pick("撤销", "undo"),
            Action::AddGuest => self.pick("列席", "guest"),
            Action::ClearFilter => self.pick("清除筛选", "clear filter"),
            Action::AddTopic => self.pick("添加专题", "add topic"),
            Action::EditNotes => self.pick("记录", "notes"),
            Action::ToggleTimer => self.pick("计时", "timer"),
            Action::AddItem => self.pick("添加议题", "add item"),
            Action::EditDecision => self.pick("决定", "decision"),
            Action::Vote => self.pick("表决", "vote"),
            Action::AddAction => self.pick("添加待办", "add action"),
            Action::RemoveAction => self.pick("删除待办", "remove action"),
            Action::EditSummary => self.pick("会议小结", "summary"),
            Action::EditDetails => self.pick("会议信息", "details"),
            Action::Finalize => self.pick("定稿", "finalize"),
            Action::Export => self.pick("导出", "export"),
            Action::NextField => self.pick("下一项", "next field"),
            Action::PrevField => self.pick("上一项", "previous field"),
            Action::Submit => self.pick("提交", "submit"),
            Action::Left => self.pick("左", "left"),
            Action::Right => self.pick("右", "right"),
        }
    }
}

impl Tr {
    #[must_use]
    pub fn demo_location(self, dir: &std::path::Path) -> String {
        let p = crate::sanitize::path(dir);
        self.pick(
            format!("演示数据在 {p}（可随时删除）"),
            format!("Demo data is in {p} (safe to delete)"),
        )
    }

    #[must_use]
    pub fn emergency_copy(self, path: &std::path::Path) -> String {
        let p = crate::sanitize::path(path);
        self.pick(
            format!("部分内容未能写入草稿；完整的应急副本已保存到 {p}"),
            format!("some changes could not be written to the draft; a complete emergency copy is in {p}"),
        )
    }

    #[must_use]
    pub fn emergency_failed(self) -> String {
        self.pick(
            "部分内容未能保存，且找不到可写入应急副本的位置；请检查磁盘".to_owned(),
            "some changes could not be saved and no place could take an emergency copy; check the disk".to_owned(),
        )
    }

    #[must_use]
    pub fn templates_error(self, path: &std::path::Path, message: &str) -> String {
        let p = crate::sanitize::path(path);
        let m = crate::sanitize::line(message);
        self.pick(
            format!("{p}：议程模板无法读取（{m}），已使用内置模板；请修正或删除该文件"),
            format!("{p}: the agenda templates cannot be read ({m}); using the built-in ones — fix or delete the file"),
        )
    }
}
