//! Strings of the reviewer's browser (`branchday review`).

use super::Tr;
use crate::domain::{Outcome, TimelineEvent};
use crate::minutes::Severity;
use crate::minutes::check::Finding;
use crate::review::keys::{Action, PromptKey};
use crate::review::model::{Column, ReviewState, RowError, Status};
use crate::review::remarks::{RemarkError, Verdict};
use crate::sanitize;

/// Fixed labels of the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum L {
    AppTitle,
    Colon,
    ListSep,
    All,
    Search,
    Month,
    Sort,
    NoFiles,
    HelpTitle,
    SearchPrompt,
    MonthPrompt,
    MonthInvalid,
    Reviewer,
    Comment,
    NoIdToReview,
    CannotApproveInvalid,
    ReviewerRequired,
    CommentRequired,
    Status,
    Review,
    File,
    Findings,
    NoFindings,
    Digest,
    Signature,
    DigestVerified,
    DigestDiffers,
    DigestUnknown,
    NotLoaded,
    Supersedes,
    LeftEarly,
    NotCounted,
    CorrectionOf,
    OriginalReview,
    CorrectionReason,
    Changes,
    NoChanges,
    ChangeField,
    Original,
    Correction,
    FollowUp,
    NothingToApprove,
    SupersededBy,
    Meeting,
    Id,
    Branch,
    Kind,
    Title,
    Theme,
    Place,
    Group,
    Chair,
    DelegatedBy,
    Recorder,
    Started,
    Ended,
    Finalized,
    Counts,
    Expected,
    Present,
    Rate,
    Attendance,
    Approver,
    NoReason,
    Excluded,
    Guests,
    Agenda,
    Notes,
    Study,
    Presenter,
    Material,
    Items,
    Item,
    Stage,
    Source,
    Candidate,
    Discussion,
    Decision,
    Vote,
    NotVoted,
    Written,
    Denominators,
    Rule,
    ClosedAt,
    Outcome,
    Actions,
    None,
    Owner,
    Due,
    Summary,
    Timeline,
    Integrity,
    Algorithm,
    DigestRecorded,
    DigestComputed,
    Remarks,
    NoRemarks,
    ExportTitle,
    Format,
    Path,
    PathRequired,
    CannotExport,
}

impl Tr {
    /// A fixed label.
    pub fn l(self, l: L) -> &'static str {
        let (zh, en) = match l {
            L::AppTitle => ("会议记录审阅", "Minutes review"),
            L::Colon => ("：", ": "),
            L::ListSep => ("、", ", "),
            L::All => ("全部", "all"),
            L::Search => ("搜索", "Search"),
            L::Month => ("月份", "Month"),
            L::Sort => ("排序", "Sort"),
            L::NoFiles => ("没有找到会议记录文件", "no minutes files found"),
            L::HelpTitle => ("按键", "Keys"),
            L::SearchPrompt => (
                "搜索（支部、主题、标题、文件名、编号、日期）",
                "search (branch, theme, title, file name, id, date)",
            ),
            L::MonthPrompt => (
                "月份（如 2026-03，留空为全部）",
                "month (e.g. 2026-03; empty for all)",
            ),
            L::MonthInvalid => (
                "请按“年-月”输入，如 2026-03",
                "type the month as year-month, e.g. 2026-03",
            ),
            L::Reviewer => ("审阅人", "Reviewer"),
            L::Comment => ("意见", "Comment"),
            L::CannotApproveInvalid => (
                "此文件未通过校验（或签名不符、被改动），不能通过；可以退回，写明原因",
                "this file fails validation (or its signature or digest does not hold) and cannot be approved; return it with a comment",
            ),
            L::NoIdToReview => (
                "这个文件无法读取（不是普通文件或没有读取权限），无法记录审阅意见；请让报送单位重新报送",
                "this file cannot be read (not a regular file, or no permission), so no remark can be recorded; ask the sender to send it again",
            ),
            L::ReviewerRequired => ("请填写审阅人姓名", "enter the reviewer's name"),
            L::CommentRequired => (
                "退回时请写明原因，以便支部修改",
                "a return needs a comment telling the branch what to fix",
            ),
            L::Status => ("状态", "Status"),
            L::Review => ("审阅", "Review"),
            L::File => ("文件", "File"),
            L::Findings => ("检查结果", "Findings"),
            L::NoFindings => ("✓ 未发现问题", "✓ no problems found"),
            L::Digest => ("摘要", "Digest"),
            L::Signature => ("签名", "Signature"),
            L::DigestVerified => (
                "✓ 与定稿时一致（摘要只能发现意外损坏，不能证明来源）",
                "✓ matches the content as finalized (a digest catches accidents, it does not prove origin)",
            ),
            L::DigestDiffers => (
                "✗ 不一致：文件在定稿后被改动",
                "✗ mismatch: the file was changed after it was finalized",
            ),
            L::DigestUnknown => ("无法计算摘要", "the digest cannot be computed"),
            L::NotLoaded => ("不在已打开的文件中", "not among the files opened"),
            L::Supersedes => ("更正的是", "Corrects"),
            L::LeftEarly => ("早退", "left"),
            L::NotCounted => ("不计入应到", "not counted"),
            L::CorrectionOf => ("更正对照", "Against the original"),
            L::OriginalReview => ("原件审阅", "Original's review"),
            L::CorrectionReason => ("更正原因", "Reason for the correction"),
            L::Changes => ("改动", "Changes"),
            L::NoChanges => ("与原件相比没有改动", "nothing differs from the original"),
            L::ChangeField => ("项目", "Field"),
            L::Original => ("原件", "Original"),
            L::Correction => ("更正件", "Correction"),
            L::FollowUp => ("督办", "Follow-up"),
            L::NothingToApprove => (
                "列表中没有可以通过的文件（只有未审阅、校验通过且未被更正的文件可以批量通过）",
                "nothing shown can be approved (only unreviewed valid files that are not superseded can be approved together)",
            ),
            L::SupersededBy => ("已被更正，见", "Corrected by"),
            L::Meeting => ("会议", "Meeting"),
            L::Id => ("编号", "Id"),
            L::Branch => ("支部", "Branch"),
            L::Kind => ("类型", "Kind"),
            L::Title => ("名称", "Title"),
            L::Theme => ("主题", "Theme"),
            L::Place => ("地点", "Place"),
            L::Group => ("党小组", "Party group"),
            L::Chair => ("主持人", "Chair"),
            L::DelegatedBy => ("受托于", "Delegated by"),
            L::Recorder => ("记录人", "Recorder"),
            L::Started => ("开始", "Started"),
            L::Ended => ("结束", "Ended"),
            L::Finalized => ("定稿", "Finalized"),
            L::Counts => ("人数", "Attendance counts"),
            L::Expected => ("应到", "Expected"),
            L::Present => ("实到", "Present"),
            L::Rate => ("到会率", "Rate"),
            L::Attendance => ("出勤", "Attendance"),
            L::Approver => ("批准人", "approved by"),
            L::NoReason => ("未注明原因", "no reason noted"),
            L::Excluded => ("不计入应到会", "Not counted as expected"),
            L::Guests => ("列席", "Guests"),
            L::Agenda => ("议程", "Agenda"),
            L::Notes => ("记录", "Notes"),
            L::Study => ("学习", "Study"),
            L::Presenter => ("主讲", "Presenter"),
            L::Material => ("材料", "Material"),
            L::Items => ("议题", "Items"),
            L::Item => ("议题", "Item"),
            L::Stage => ("阶段", "Stage"),
            L::Source => ("来源", "Source"),
            L::Candidate => ("对象", "Candidate"),
            L::Discussion => ("讨论", "Discussion"),
            L::Decision => ("决定", "Decision"),
            L::Vote => ("表决", "Vote"),
            L::NotVoted => ("未表决", "no vote taken"),
            L::Written => ("书面意见", "Written opinions"),
            L::Denominators => ("人数", "Voters"),
            L::Rule => ("规则", "Rule"),
            L::ClosedAt => ("表决时间", "Closed at"),
            L::Outcome => ("结果", "Outcome"),
            L::Actions => ("待办事项", "Action items"),
            L::None => ("无", "none"),
            L::Owner => ("负责人", "owner"),
            L::Due => ("期限", "due"),
            L::Summary => ("会议小结", "Summary"),
            L::Timeline => ("时间线", "Timeline"),
            L::Integrity => ("完整性", "Integrity"),
            L::Algorithm => ("算法", "Algorithm"),
            L::DigestRecorded => ("记录的摘要", "Recorded digest"),
            L::DigestComputed => ("计算的摘要", "Computed digest"),
            L::Remarks => ("审阅意见", "Review remarks"),
            L::NoRemarks => ("尚无审阅意见", "no remarks yet"),
            L::ExportTitle => ("导出会议记录", "Export the record"),
            L::Format => ("格式", "Format"),
            L::Path => ("保存到", "Save to"),
            L::PathRequired => ("请填写保存路径", "enter where to save it"),
            L::CannotExport => (
                "这个文件读不出会议内容，无法导出",
                "this file has no readable minutes to export",
            ),
        };
        self.pick(zh, en)
    }

    /// A note in brackets after a word: full-width in Chinese, spaced in English.
    pub fn paren(self, s: &str) -> String {
        self.pick(format!("（{s}）"), format!(" ({s})"))
    }

    pub fn status_label(self, s: Status) -> &'static str {
        match s {
            Status::Valid => self.pick("有效", "valid"),
            Status::Warnings => self.pick("有警告", "warnings"),
            Status::Invalid => self.pick("无效", "invalid"),
            Status::Tampered => self.pick("被改动", "tampered"),
            Status::Superseded => self.pick("已被更正", "superseded"),
            Status::Conflict => self.pick("编号冲突", "id conflict"),
        }
    }

    pub fn review_label(self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => self.pick("未审", "—"),
            ReviewState::Approved => self.pick("通过", "approved"),
            ReviewState::Returned => self.pick("退回", "returned"),
            ReviewState::Unreadable => self.pick("损坏", "damaged"),
            ReviewState::Changed => self.pick("重审", "changed"),
        }
    }

    /// The review state in a file's detail, in full.
    pub fn review_detail(self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Changed => self.pick(
                "审阅后内容已变，需重新审阅（原结论针对的是另一份内容）",
                "the content changed after it was reviewed: review it again (the verdict was given on other content)",
            ),
            other => self.review_label(other),
        }
    }

    /// The review filter's name for a state (the list shows "—" for unreviewed in English).
    pub fn review_filter_label(self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => self.pick("未审", "unreviewed"),
            other => self.review_label(other),
        }
    }

    /// One-letter outcome marks for the list's items column.
    pub fn outcome_short(self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => self.pick("过", "P"),
            Outcome::Failed => self.pick("否", "F"),
            Outcome::NoQuorum => self.pick("缺", "Q"),
            Outcome::Deferred => self.pick("缓", "D"),
        }
    }

    pub fn column(self, c: Column) -> &'static str {
        match c {
            Column::Date => self.pick("日期", "Date"),
            Column::Branch => self.pick("支部", "Branch"),
            Column::BranchCode => self.pick("支部代码", "Branch code"),
            Column::Kind => self.pick("类型", "Kind"),
            Column::Theme => self.pick("主题", "Theme"),
            Column::Attendance => self.pick("实到/应到", "Pres/exp"),
            Column::Rate => self.pick("到会率", "Rate"),
            Column::Items => self.pick("议题", "Items"),
            Column::Status => self.pick("状态", "Status"),
            Column::Review => self.pick("审阅", "Review"),
        }
    }

    /// What a key does, for the footer and the help.
    pub fn review_action(self, a: Action) -> &'static str {
        match a {
            Action::Up => self.pick("上下移动", "move"),
            Action::Down => self.pick("下移", "down"),
            Action::PageUp => self.pick("上一页", "page up"),
            Action::PageDown => self.pick("下一页", "page down"),
            Action::Top => self.pick("到开头", "to the top"),
            Action::Bottom => self.pick("到末尾", "to the end"),
            Action::Open => self.pick("打开", "open"),
            Action::Back => self.pick("返回", "back"),
            Action::Quit => self.pick("退出", "quit"),
            Action::Search => self.pick("搜索", "search"),
            Action::Month => self.pick("月份", "month"),
            Action::CycleKind => self.pick("类型", "kind"),
            Action::CycleStatus => self.pick("状态", "status"),
            Action::CycleReview => self.pick("按审阅情况筛选", "filter by review"),
            Action::ApproveShown => self.pick("批量通过所列文件", "approve all shown"),
            Action::ClearFilters => self.pick("清除筛选", "clear filters"),
            Action::SortNext => self.pick("排序", "sort"),
            Action::SortPrev => self.pick("按前一列排序", "sort by previous column"),
            Action::SortReverse => self.pick("倒序", "reverse order"),
            Action::Approve => self.pick("通过", "approve"),
            Action::Return => self.pick("退回", "return"),
            Action::Export => self.pick("导出", "export"),
            Action::Supersedes => self.pick("打开被更正的原文件", "open the file it corrects"),
            Action::SupersededBy => self.pick("打开更正后的文件", "open the correction"),
            Action::NextFile => self.pick("下一个文件", "next file"),
            Action::PrevFile => self.pick("上一个文件", "previous file"),
            Action::ToggleLang => self.pick("English", "中文"),
            Action::Help => self.pick("帮助", "help"),
        }
    }

    pub fn prompt_key(self, k: PromptKey) -> &'static str {
        match k {
            PromptKey::Submit => self.pick("确定", "done"),
            PromptKey::Cancel => self.pick("取消", "cancel"),
            PromptKey::NextField => self.pick("切换", "next field"),
            PromptKey::Format => self.pick("换格式", "format"),
            PromptKey::Newline => self.pick("换行", "new line"),
        }
    }

    pub fn remark_title(self, v: Verdict) -> &'static str {
        match v {
            Verdict::Approved => self.pick("审阅通过", "Approve"),
            Verdict::Returned => self.pick("退回修改", "Return for correction"),
        }
    }

    pub fn batch_title(self, n: usize) -> String {
        self.pick(format!("批量通过 {n} 个文件"), format!("Approve {n} files"))
    }

    /// What a batch approval covers, in the form.
    pub fn batch_scope(self, n: usize, skipped: usize) -> String {
        match skipped {
            0 => self.pick(
                format!("列表中的 {n} 个文件全部通过"),
                format!("all {n} files shown"),
            ),
            _ => self.pick(
                format!("列表中的 {n} 个文件；另有 {skipped} 个无效、已被更正或已审阅的文件不在其内"),
                format!("{n} files shown; {skipped} more are invalid, superseded or already reviewed and left out"),
            ),
        }
    }

    pub fn batch_approved(self, n: usize) -> String {
        self.pick(
            format!("已记录：{n} 个文件审阅通过"),
            format!("recorded: {n} files approved"),
        )
    }

    pub fn batch_stopped(self, saved: usize, total: usize, message: &str) -> String {
        self.pick(
            format!("已通过 {saved} / {total} 个文件后停止：{message}"),
            format!("stopped after approving {saved} of {total} files: {message}"),
        )
    }

    pub fn remark_saved(self, v: Verdict) -> String {
        match v {
            Verdict::Approved => self
                .pick("已记录：审阅通过", "recorded: approved")
                .to_owned(),
            Verdict::Returned => self
                .pick("已记录：退回修改", "recorded: returned")
                .to_owned(),
        }
    }

    pub fn exported(self, path: &str) -> String {
        self.pick(format!("已导出：{path}"), format!("exported to {path}"))
    }

    pub fn remark_error(self, e: &RemarkError) -> String {
        match e {
            RemarkError::Store(s) => self.store_error(s),
            RemarkError::Unreadable { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                self.pick(
                    format!("{p}：审阅记录无法读取（{m}），未改动；请修复或移走该文件后再记录"),
                    format!("{p}: the review file cannot be read ({m}) and was left alone; repair or move it, then try again"),
                )
            }
            RemarkError::Busy { path } => {
                let p = sanitize::path(path);
                self.pick(
                    format!("另一个 branchday 正在写审阅记录（{p}）；请稍后再试"),
                    format!(
                        "another branchday is writing review remarks ({p}); try again in a moment"
                    ),
                )
            }
            RemarkError::Full { path } => {
                let p = sanitize::path(path);
                self.pick(
                    format!("{p}：审阅记录已达 4 MiB 上限；请先归档旧的审阅意见"),
                    format!("{p}: the review file has reached its 4 MiB limit; archive old remarks first"),
                )
            }
        }
    }

    /// Why a file has no content, in one line (the file's name is shown beside it).
    pub fn row_error(self, e: &RowError) -> String {
        match e {
            RowError::Io { kind, os } => {
                let source = os.map_or_else(
                    || std::io::Error::from(*kind),
                    std::io::Error::from_raw_os_error,
                );
                match kind {
                    std::io::ErrorKind::PermissionDenied => self
                        .pick(
                            "没有读取权限；请检查文件权限",
                            "permission denied; check the file's permissions",
                        )
                        .to_owned(),
                    _ => self.pick(
                        format!("无法读取（{source}）"),
                        format!("cannot be read ({source})"),
                    ),
                }
            }
            RowError::NotRegular => self
                .pick(
                    "不是普通文件（管道或设备），未读取",
                    "not a regular file (a pipe or a device); not read",
                )
                .to_owned(),
            RowError::Missing => self
                .pick(
                    "路径不存在；请检查拼写",
                    "no such file or folder; check the path",
                )
                .to_owned(),
            RowError::Problem(p) => sanitize::line(&self.problem(p)).into_owned(),
        }
    }

    pub fn findings_heading(self, findings: &[Finding]) -> String {
        // Who signed is the signature line's, not a finding about the record.
        let findings: Vec<&Finding> = findings
            .iter()
            .filter(|f| !f.problem.is_signature_status())
            .collect();
        let e = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let w = findings.len() - e;
        self.pick(
            format!("检查结果（{e} 个错误，{w} 个警告）"),
            format!(
                "Findings ({e} error{}, {w} warning{})",
                if e == 1 { "" } else { "s" },
                if w == 1 { "" } else { "s" }
            ),
        )
    }

    pub fn duration(self, seconds: u64) -> String {
        let (m, s) = (seconds / 60, seconds % 60);
        match (m, s) {
            (0, s) => self.pick(format!("{s} 秒"), format!("{s} s")),
            (m, 0) => self.pick(format!("{m} 分钟"), format!("{m} min")),
            (m, s) => self.pick(format!("{m} 分 {s} 秒"), format!("{m} min {s} s")),
        }
    }

    pub fn planned_actual(self, planned: u64, actual: u64) -> String {
        self.pick(
            format!(
                "计划 {}，实际 {}",
                self.duration(planned),
                self.duration(actual)
            ),
            format!(
                "planned {}, took {}",
                self.duration(planned),
                self.duration(actual)
            ),
        )
    }

    /// `total (full F, probationary P)`.
    pub fn split_count(self, total: u32, full: u32, probationary: u32) -> String {
        self.pick(
            format!("{total} 人（正式党员 {full}，预备党员 {probationary}）"),
            format!("{total} ({full} full, {probationary} probationary)"),
        )
    }

    pub fn yes_no_abstain(self, yes: u32, no: u32, abstain: u32) -> String {
        self.pick(
            format!("赞成 {yes}，反对 {no}，弃权 {abstain}"),
            format!("yes {yes}, no {no}, abstain {abstain}"),
        )
    }

    /// The frozen denominators of a vote.
    pub fn denominators(
        self,
        expected: u32,
        present: u32,
        quorum: bool,
        yes_needed: u32,
    ) -> String {
        let q = if quorum {
            self.pick("已达法定人数", "quorum met")
        } else {
            self.pick("未达法定人数", "no quorum")
        };
        self.pick(
            format!(
                "应到有表决权 {expected}，到会有表决权 {present}，{q}，通过需赞成 {yes_needed}"
            ),
            format!(
                "entitled expected {expected}, present {present}, {q}, {yes_needed} yes needed"
            ),
        )
    }

    pub fn timeline_event(self, e: TimelineEvent) -> &'static str {
        match e {
            TimelineEvent::StageStarted => self.pick("进入环节", "stage"),
            TimelineEvent::CheckedIn => self.pick("签到", "check-in"),
            TimelineEvent::AttendanceCleared => self.pick("撤销签到", "check-in undone"),
            TimelineEvent::GuestAdded => self.pick("列席", "guest"),
            TimelineEvent::VoteClosed => self.pick("表决", "vote"),
            TimelineEvent::Ended => self.pick("散会", "meeting ended"),
            TimelineEvent::Left => self.pick("早退", "left early"),
            TimelineEvent::VoteAnnulled => self.pick("表决作废", "round annulled"),
            TimelineEvent::Appraised => self.pick("评定等次", "grade settled"),
        }
    }

    pub fn loading(self, done: usize, total: usize) -> String {
        self.pick(
            format!("读取中 {done}/{total}"),
            format!("reading {done}/{total}"),
        )
    }

    pub fn files_total(self, total: usize) -> String {
        self.pick(format!("共 {total} 个文件"), format!("{total} files"))
    }

    pub fn shown(self, shown: usize, total: usize) -> String {
        self.pick(
            format!("显示 {shown}/{total}"),
            format!("showing {shown} of {total}"),
        )
    }
}

impl Tr {
    /// The review list when the filters hide every file; `key` clears them, from the keymap.
    #[must_use]
    pub fn review_no_match(self, key: &str) -> String {
        self.pick(
            format!("没有符合筛选条件的文件；按 {key} 清除筛选"),
            format!("no file matches the filters; press {key} to clear them"),
        )
    }
}

impl Tr {
    /// The label of the other files that hold the same record.
    #[must_use]
    pub fn copies_label(self, n: usize) -> String {
        self.pick(format!("副本（{n} 份）"), format!("Copies ({n})"))
    }
}
