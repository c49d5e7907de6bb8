//! Messages of the command line and of storage errors.

use std::path::Path;

use super::Tr;
use crate::sanitize;
use crate::store::StoreError;

impl Tr {
    #[must_use]
    pub fn store_error(self, e: &StoreError) -> String {
        match e {
            StoreError::Io { path, source } => {
                let p = sanitize::path(path);
                let code = source.raw_os_error();
                match code {
                    Some(28 | 122) => self.pick(
                        format!("{p}：磁盘已满；请腾出空间或换一个数据目录（--data-dir）"),
                        format!("{p}: the disk is full; free some space or choose another data directory (--data-dir)"),
                    ),
                    Some(30) => self.pick(
                        format!("{p}：磁盘为只读；请换一个可写的数据目录（--data-dir）"),
                        format!("{p}: the disk is read-only; choose a writable data directory (--data-dir)"),
                    ),
                    Some(13 | 1) => self.pick(
                        format!("{p}：没有权限；请检查文件权限或换一个数据目录"),
                        format!("{p}: permission denied; check the permissions or choose another data directory"),
                    ),
                    _ if source.kind() == std::io::ErrorKind::NotFound => self.pick(
                        format!("{p}：文件或目录不存在；请检查路径"),
                        format!("{p}: no such file or directory; check the path"),
                    ),
                    _ => self.pick(
                        format!("{p}：读写失败（{source}）"),
                        format!("{p}: cannot read or write ({source})"),
                    ),
                }
            }
            StoreError::TooLarge { path, limit } => {
                let p = sanitize::path(path);
                self.pick(
                    format!("{p}：文件超过 {limit} 字节上限，未读取；请确认选对了文件"),
                    format!("{p}: larger than the {limit}-byte limit, not read; check that this is the right file"),
                )
            }
            StoreError::Exists { path } => {
                let p = sanitize::path(path);
                self.pick(
                    format!("{p}：文件已存在，不会覆盖；更正请另存为新文件"),
                    format!("{p}: already exists and is never overwritten; save a correction as a new file"),
                )
            }
            StoreError::Locked { path, holder } => {
                let p = sanitize::path(path);
                self.pick(
                    format!("这份会议草稿正由另一个 branchday 打开（{holder}）；请在打开它的窗口中退出会议后再继续（锁文件 {p}）"),
                    format!("this draft is open in another branchday ({holder}); leave the meeting in the window that has it open and try again (lock file {p})"),
                )
            }
            StoreError::BadRoster { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                self.pick(
                    format!("{p}：党员名册无法读取（{m}）；请修正该文件或重新导入名册"),
                    format!("{p}: the roster cannot be read ({m}); fix the file or import the roster again"),
                )
            }
            StoreError::NoHome => self.pick(
                "找不到用户数据目录；请用 --data-dir 或 BRANCHDAY_DATA_DIR 指定".to_owned(),
                "no user data directory found; set one with --data-dir or BRANCHDAY_DATA_DIR"
                    .to_owned(),
            ),
            StoreError::Canonical { message } => self.pick(
                format!("无法计算会议记录摘要：{message}"),
                format!("cannot compute the minutes digest: {message}"),
            ),
        }
    }

    #[must_use]
    pub fn journal_no_start(self, path: &Path) -> String {
        let p = sanitize::path(path);
        self.pick(
            format!("{p}：草稿日志没有开头的建会记录，无法恢复；它不是本程序的草稿"),
            format!("{p}: the draft journal has no opening event and cannot be resumed; it is not a branchday draft"),
        )
    }

    #[must_use]
    pub fn journal_warning(self, w: &crate::journal::JournalWarning) -> String {
        use crate::journal::JournalWarning;
        match w {
            JournalWarning::TornTail { line, bytes } => self.pick(
                format!("草稿第 {line} 行在写入时中断（{bytes} 字节），已舍弃；之前的内容完整"),
                format!("line {line} of the draft was cut off mid-write ({bytes} bytes) and dropped; everything before it is intact"),
            ),
            JournalWarning::BadLine { line, message } => self.pick(
                format!("草稿第 {line} 行无法读取，已跳过（{}）", sanitize::line(message)),
                format!("line {line} of the draft cannot be read and was skipped ({})", sanitize::line(message)),
            ),
            JournalWarning::Skipped { line, error } => self.pick(
                format!("草稿第 {line} 行与会议不符，已跳过（{error}）"),
                format!("line {line} of the draft does not fit the meeting and was skipped ({error})"),
            ),
        }
    }

    #[must_use]
    pub fn no_terminal(self) -> &'static str {
        self.pick(
            "branchday 需要在终端中运行（标准输入/输出不是终端）；批处理请用 validate、export、stats、upload 子命令",
            "branchday needs a terminal (stdin/stdout is not a terminal); for batch work use the validate, export, stats and upload commands",
        )
    }

    #[must_use]
    pub fn error_prefix(self) -> &'static str {
        self.pick("错误", "error")
    }
}

impl Tr {
    #[must_use]
    pub fn apply_error(self, e: &crate::domain::ApplyError) -> String {
        use crate::domain::ApplyError;
        match e {
            ApplyError::AlreadyCreated => {
                self.pick("会议已创建".into(), "the meeting is already created".into())
            }
            ApplyError::NotCreated => self.pick(
                "会议尚未创建".into(),
                "the meeting is not created yet".into(),
            ),
            ApplyError::NoSuch { what, index } => self.pick(
                format!(
                    "没有第 {} 个{}",
                    index.saturating_add(1),
                    match *what {
                        "item" => "议题",
                        "topic" => "学习专题",
                        "stage" => "议程环节",
                        "guest" => "列席人员",
                        "round" => "轮表决",
                        _ => "待办事项",
                    }
                ),
                format!("there is no {what} number {}", index.saturating_add(1)),
            ),
            ApplyError::NoMember(id) => self.pick(
                format!("名册中没有编号为 {} 的党员", crate::sanitize::line(id)),
                format!(
                    "no member with id {} in the roster",
                    crate::sanitize::line(id)
                ),
            ),
            ApplyError::Voted(i) => self.pick(
                format!(
                    "议题 {} 已表决：不能删除，也不能改变类型或对象（各轮表决按其判定）",
                    i + 1
                ),
                format!(
                    "item {} has a closed vote: it cannot be removed, nor its type or candidate changed",
                    i + 1
                ),
            ),
            ApplyError::NotAnAppraisal(i) => self.pick(
                format!("议题 {} 不是民主评议党员", i + 1),
                format!("item {} is not a democratic appraisal", i + 1),
            ),
            ApplyError::AlreadyStarted => self.pick(
                "会议已经开始".into(),
                "the meeting has already started".into(),
            ),
            ApplyError::EmptyTitle => self.pick(
                "标题或姓名不能为空".into(),
                "a title or name is required".into(),
            ),
            ApplyError::AlreadyVoted(i) => self.pick(
                format!("议题 {} 已表决，结果已固定", i + 1),
                format!("item {} has been voted; its result is frozen", i + 1),
            ),
            ApplyError::AlreadyAnnulled { item, round } => self.pick(
                format!("议题 {} 的第 {} 轮表决已作废", item + 1, round + 1),
                format!(
                    "round {} of item {} is already annulled",
                    round + 1,
                    item + 1
                ),
            ),
            ApplyError::NotAttending(name) => self.pick(
                format!("{} 未在会，不能登记早退", crate::sanitize::line(name)),
                format!(
                    "{} is not at the meeting, so cannot leave early",
                    crate::sanitize::line(name)
                ),
            ),
            ApplyError::ReasonRequired => {
                self.pick("请填写原因".into(), "a reason is required".into())
            }
            ApplyError::NoVotes => self.pick(
                "此类会议不进行表决".into(),
                "this kind of meeting holds no votes".into(),
            ),
            ApplyError::BadSplice => self.pick(
                "文字修改与原文不符".into(),
                "the text edit does not fit the text".into(),
            ),
            ApplyError::Finalized => self.pick(
                "会议记录已定稿，不能再修改".into(),
                "the minutes are finalized and cannot change".into(),
            ),
            ApplyError::NothingToUndo => self.pick(
                "没有可撤销的签到".into(),
                "there is no check-in mark to undo".into(),
            ),
        }
    }
}

impl Tr {
    pub fn session_error(self, e: &crate::session::SessionError) -> String {
        use crate::journal::JournalError;
        use crate::session::SessionError;
        match e {
            SessionError::Store(e) | SessionError::Journal(JournalError::Store(e)) => {
                self.store_error(e)
            }
            SessionError::Journal(JournalError::NoStart { path }) => self.journal_no_start(path),
            SessionError::Apply(e) => self.apply_error(e),
        }
    }
}
