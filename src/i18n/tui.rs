//! Strings of the interactive program.

use super::Tr;
use crate::domain::MeetingKind;
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
            Action::MarkArrived => self.pick("签到", "check in"),
            Action::StartMeeting => self.pick("开始会议", "start the meeting"),
            Action::MarkPresent => self.pick("出席", "present"),
            Action::MarkLate => self.pick("迟到", "late"),
            Action::MarkExcused => self.pick("请假", "excused"),
            Action::MarkAbsent => self.pick("缺席", "absent"),
            Action::Undo => self.pick("撤销", "undo"),
            Action::AddGuest => self.pick("列席", "guest"),
            Action::ClearFilter => self.pick("清除筛选", "clear filter"),
            Action::MarkLeft => self.pick("早退", "left early"),
            Action::ClearMark => self.pick("改回未签到", "reset to not checked in"),
            Action::AllPresent => self.pick("其余全部出席", "all remaining present"),
            Action::RemoveGuest => self.pick("移除列席人员", "remove a guest"),
            Action::EditGuest => self.pick("修改列席人员", "edit a guest"),
            Action::AddTopic => self.pick("添加专题", "add topic"),
            Action::EditNotes => self.pick("记录", "notes"),
            Action::ToggleTimer => self.pick("计时", "timer"),
            Action::AddItem => self.pick("添加议题", "add item"),
            Action::EditDecision => self.pick("决定", "decision"),
            Action::Vote => self.pick("表决", "vote"),
            Action::AnnulVote => self.pick("作废本轮表决", "annul this round"),
            Action::AddAction => self.pick("添加待办", "add action"),
            Action::Edit => self.pick("修改", "edit"),
            Action::Remove => self.pick("删除", "remove"),
            Action::MoveUp => self.pick("上移一位", "move up"),
            Action::MoveDown => self.pick("下移一位", "move down"),
            Action::EditSummary => self.pick("会议小结", "summary"),
            Action::EditDetails => self.pick("会议信息", "details"),
            Action::Finalize => self.pick("定稿", "finalize"),
            Action::Export => self.pick("导出", "export"),
            Action::NextField => self.pick("下一项", "next field"),
            Action::PrevField => self.pick("上一项", "previous field"),
            Action::Submit => self.pick("提交", "submit"),
            Action::Left => self.pick("左", "left"),
            Action::Right => self.pick("右", "right"),
            Action::AddMember => self.pick("添加党员", "add member"),
            Action::TransferOut => self.pick("转出", "transfer out"),
            Action::ChangeStanding => self.pick("变更类别", "standing"),
            Action::OutOfContact => self.pick("失联", "out of contact"),
            Action::ToggleExclusion => self.pick("不计入应到会", "not counted"),
            Action::EditPlace => self.pick("党小组与职务", "group and role"),
            Action::ImportRoster => self.pick("导入名册", "import roster"),
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

impl Tr {
    #[must_use]
    pub fn app_draft_resumed(self) -> &'static str {
        self.pick("草稿已恢复", "Draft resumed")
    }

    #[must_use]
    pub fn app_correction_finalize_to_save(self) -> &'static str {
        self.pick(
            "更正件：修改后定稿，将另存为新文件并注明所更正的原记录",
            "Correction: finalize to save a new file that names the record it corrects",
        )
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn help_title(self, key: &str) -> String {
        self.pick(
            format!("按键帮助（{key} 关闭）"),
            format!("Keys ({key} closes)"),
        )
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn help_saved_note(self, key: &str) -> String {
        self.pick(
            format!("所有操作即时保存；{key} 退出后可在首页继续。"),
            format!("Everything is saved as you go; after {key}, resume from the home screen."),
        )
    }

    #[must_use]
    pub fn home_start_new_meeting(self) -> &'static str {
        self.pick("开始新会议", "Start a new meeting")
    }

    #[must_use]
    pub fn home_quit(self) -> &'static str {
        self.pick("退出", "Quit")
    }

    #[must_use]
    pub fn home_branchday_branch_meeting_minutes(self) -> &'static str {
        self.pick(
            "branchday · 支部会议记录",
            "branchday · branch meeting minutes",
        )
    }

    #[must_use]
    pub fn home_demo_mode_data_lives(self) -> &'static str {
        self.pick(
            "演示模式：数据存放在临时目录",
            "Demo mode: data lives in a temporary folder",
        )
    }

    #[must_use]
    pub fn home_breadcrumb(self) -> &'static str {
        self.pick("首页", "Home")
    }

    #[must_use]
    pub fn picker_no_finalized_minutes_yet(self) -> &'static str {
        self.pick("还没有已定稿的会议记录。", "No finalized minutes yet.")
    }

    #[must_use]
    pub fn picker_correction_mark(self) -> &'static str {
        self.pick("（更正件）", " (correction)")
    }

    #[must_use]
    pub fn picker_choose_minutes_to_correct(self) -> &'static str {
        self.pick(
            "选择要更正的会议记录（原文件不会改动）",
            "Choose the minutes to correct (the original file is never changed)",
        )
    }

    #[must_use]
    pub fn roster_role(self) -> &'static str {
        self.pick("职务", "Role")
    }

    #[must_use]
    pub fn roster_not_counted(self) -> &'static str {
        self.pick("不计入应到会", "Not counted")
    }

    #[must_use]
    pub fn roster_title(self) -> &'static str {
        self.pick("党员名册", "Roster")
    }

    #[must_use]
    pub fn setup_new_meeting(self) -> &'static str {
        self.pick("新会议", "New meeting")
    }

    #[must_use]
    pub fn setup_kind(self) -> &'static str {
        self.pick("会议类型", "Kind")
    }

    #[must_use]
    pub fn setup_agenda_template(self) -> &'static str {
        self.pick("议程模板", "Agenda template")
    }

    #[must_use]
    pub fn setup_party_group_group_meetings(self) -> &'static str {
        self.pick("党小组（党小组会）", "Party group (group meetings)")
    }

    #[must_use]
    pub fn setup_planned_start_hh_mm(self) -> &'static str {
        self.pick("计划开始（时:分）", "Planned start (HH:MM)")
    }

    #[must_use]
    pub fn setup_generic_check_in_items(self) -> &'static str {
        self.pick(
            "（通用：签到、议题、总结）",
            "(generic: check-in, items, wrap-up)",
        )
    }

    #[must_use]
    pub fn setup_planned_start_must_look(self) -> &'static str {
        self.pick(
            "计划开始时间格式应为 14:30",
            "planned start must look like 14:30",
        )
    }
}

impl Tr {
    #[must_use]
    pub fn app_import_roster_first(self) -> &'static str {
        self.pick("请先导入党员名册", "import a roster first")
    }

    #[must_use]
    pub fn home_correct_finalized_minutes(self) -> &'static str {
        self.pick("更正已定稿的会议记录", "Correct finalized minutes")
    }

    #[must_use]
    pub fn home_try_demo_branch_throw(self) -> &'static str {
        self.pick(
            "试用演示支部（临时数据，不影响正式数据）",
            "Try the demo branch (throw-away data)",
        )
    }

    #[must_use]
    pub fn home_no_roster_yet_import(self) -> &'static str {
        self.pick("尚未导入党员名册：用 branchday roster import 名册.xlsx 导入，或先试用演示支部。", "No roster yet: import one with branchday roster import roster.xlsx, or try the demo branch.")
    }

    #[must_use]
    pub fn setup_please_fill_in_title(self) -> &'static str {
        self.pick("请填写会议名称", "please fill in the title")
    }

    #[must_use]
    pub fn setup_roster_has_no_party(self) -> &'static str {
        self.pick("名册中没有党小组", "the roster has no party groups")
    }
}

impl Tr {
    /// The home screen's entry for a draft left open.
    #[must_use]
    pub fn home_resume(self, title: &str, kind: MeetingKind, when: &str) -> String {
        let kind = self.kind(kind);
        self.pick(
            format!("继续：{title}（{kind}，最后保存 {when}）"),
            format!("Resume: {title} ({kind}, last saved {when})"),
        )
    }

    #[must_use]
    pub fn home_browse(self, files: usize) -> String {
        self.pick(
            format!("浏览会议记录（{files} 份）"),
            format!("Browse minutes ({files} files)"),
        )
    }

    #[must_use]
    pub fn home_roster(self, members: usize) -> String {
        self.pick(
            format!("党员名册（{members} 人）"),
            format!("Roster ({members} members)"),
        )
    }

    /// A new meeting's title until the secretary types one.
    #[must_use]
    pub fn setup_default_title(self, kind: MeetingKind, year: i32, month: u32) -> String {
        let kind = self.kind(kind);
        self.pick(
            format!("{year}年{month}月{kind}"),
            format!("{kind} {year}-{month:02}"),
        )
    }
}

impl Tr {
    /// Resuming a draft whose lock another program holds: where it is, and whether it can be
    /// taken over (y / Enter).
    pub fn draft_locked(self, holder: &crate::store::holder::Holder) -> String {
        use crate::store::holder::Holder;
        match holder {
            Holder::InWindow { pid, since } => self.pick(
                format!("这份会议草稿正在另一个 branchday 窗口中打开（进程 {pid}，{since} 起）；请在那个窗口中退出会议（Ctrl+Q）后再继续"),
                format!("this draft is open in another branchday window (process {pid}, since {since}); leave the meeting there (Ctrl+Q) and try again"),
            ),
            Holder::NoTerminal { pid, since } => self.pick(
                format!("按 y 接管（其他键取消）：草稿被进程 {pid} 占用，它已没有终端窗口（{since} 起）；接管会让它保存后退出，已保存的内容都在"),
                format!("Press y to take over (any other key cancels): process {pid} holds this draft and has no terminal window any more (since {since}); taking over makes it save and exit, and everything saved stays"),
            ),
            Holder::NotBranchday { pid } => self.pick(
                format!("按 y 接管（其他键取消）：草稿的锁记录的进程 {pid} 已不是 branchday，锁已失效"),
                format!("Press y to take over (any other key cancels): the draft's lock names process {pid}, which is no longer branchday, so the lock is stale"),
            ),
            Holder::Unknown => self.pick(
                "这份会议草稿正由另一个 branchday 打开；请在那个窗口中退出会议后再继续".to_owned(),
                "this draft is open in another branchday; leave the meeting there and try again".to_owned(),
            ),
        }
    }
}
