//! The catalogue in Chinese (简体中文): every message of [`Messages`], in one place for a translator.

// A language may say two different things with the same word (类别 for a meeting's kind and a
// stage's): the arms of a message are the translator's, not merged.
#![allow(clippy::match_same_arms)]

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::compose::{minutes_of, versions};
use super::labels::{ExportLabel, ManSection, PrintLabel, ReviewLabel as L};
use super::messages::Messages;
use crate::domain::agenda::StageKind;
use crate::domain::record::Counts;
use crate::domain::roster_change::ChangeError;
use crate::domain::rules::{Rule, VoteError, VoteMethod, VoteRecord};
use crate::domain::{
    AttendanceStatus, CommitteeRole, Exclusion, ExclusionCategory, ExcuseReason, ItemSource,
    ItemStage, ItemType, MeetingKind, Opinion, Outcome, Standing, TimelineEvent,
};
use crate::keys::{KeyError, KeyringError, LineProblem, SignatureProblem};
use crate::minutes::check::{Finding, Problem, SignatureStatus};
use crate::minutes::{MAX_BYTES, ReadError, Severity};
use crate::review::remarks::{RemarkError, Verdict};
use crate::roster_import::read::{MAX_COLUMNS, MAX_ROWS};
use crate::roster_import::{Field, FileError, RowProblem, Skip, Skipped, TextEncoding, Warning};
use crate::sanitize;
use crate::stats::due::{DueLine, DueState, Every, ProbationLine};
use crate::stats::{AbsenceRun, Level};
use crate::store::StoreError;
use crate::vocabulary::{
    Action as KeyAction, Column, DialogKind, FollowUp, PromptKey, ReviewAction, ReviewState,
    RowError, Status,
};

/// The messages in Chinese (简体中文).
pub struct Zh;

impl Messages for Zh {
    // ---- batch ----

    fn stats_bad_month(&self, flag: &str, value: &str) -> String {
        let v = crate::sanitize::line(value);
        format!("{flag} 的值“{v}”不是 YYYY-MM 格式的月份；例如 {flag} 2026-01")
    }

    fn stats_period_reversed(&self, from: &str, to: &str) -> String {
        format!("--from {from} 晚于 --to {to}；请交换两个月份")
    }

    fn stats_missing(&self) -> &'static str {
        "路径不存在；请检查拼写"
    }

    fn stats_skipped(&self) -> &'static str {
        "（已跳过）"
    }

    fn stats_summary(
        &self,
        files: usize,
        valid: usize,
        invalid: usize,
        meetings: usize,
        dropped: (usize, usize, usize),
    ) -> String {
        let (dup, sup, out) = dropped;
        format!(
            "共 {files} 个文件：有效 {valid}，无效 {invalid}（已跳过）。计入 {meetings} 次会议；未计入：重复编号 {dup}，已被更正 {sup}，不在统计期间 {out}。"
        )
    }

    fn stats_period(&self, from: Option<String>, to: Option<String>) -> String {
        let open = "不限";
        let f = from.unwrap_or_else(|| open.to_owned());
        let t = to.unwrap_or_else(|| open.to_owned());
        format!("统计期间：{f} 至 {t}")
    }

    fn stats_h_months(&self) -> &'static str {
        "每月会议次数"
    }

    fn stats_h_branches(&self) -> &'static str {
        "各支部出席率"
    }

    fn stats_h_items(&self) -> &'static str {
        "议题与表决结果"
    }

    fn stats_h_members(&self) -> &'static str {
        "党员出席情况"
    }

    fn stats_h_absence(&self) -> &'static str {
        "连续未参加组织生活的月份（无出席、无批准的请假）"
    }

    fn stats_absence_note(&self) -> &'static str {
        "以上只是提醒：党章第九条规定，是否作出处理由支部大会讨论决定。满 3 个月提醒，满 6 个月重点提醒。请假月份（均有理由和批准人）不计入也不中断连续月数。"
    }

    fn stats_h_duplicates(&self) -> &'static str {
        "编号重复的文件（只计一次）"
    }

    fn stats_h_superseded(&self) -> &'static str {
        "已被更正的文件（以更正件为准）"
    }

    fn stats_none(&self) -> &'static str {
        "（无）"
    }

    fn stats_col_month(&self) -> &'static str {
        "月份"
    }

    fn stats_col_public(&self) -> &'static str {
        "公开议事议题"
    }

    fn stats_col_total(&self) -> &'static str {
        "会议合计"
    }

    fn stats_col_branch(&self) -> &'static str {
        "支部"
    }

    fn stats_col_code(&self) -> &'static str {
        "代码"
    }

    fn stats_col_meetings(&self) -> &'static str {
        "会议"
    }

    fn stats_col_expected(&self) -> &'static str {
        "应到人次"
    }

    fn stats_col_attended(&self) -> &'static str {
        "实到人次"
    }

    fn stats_col_excused(&self) -> &'static str {
        "请假"
    }

    fn stats_col_absent(&self) -> &'static str {
        "缺席"
    }

    fn stats_col_rate(&self) -> &'static str {
        "出席率"
    }

    fn stats_col_member(&self) -> &'static str {
        "党员"
    }

    fn stats_col_member_id(&self) -> &'static str {
        "编号"
    }

    fn stats_col_length(&self) -> &'static str {
        "连续月数"
    }

    fn stats_col_level(&self) -> &'static str {
        "提醒级别"
    }

    fn stats_col_months_list(&self) -> &'static str {
        "月份"
    }

    fn stats_col_outcome(&self) -> &'static str {
        "结果"
    }

    fn stats_col_count(&self) -> &'static str {
        "数量"
    }

    fn stats_not_voted(&self) -> &'static str {
        "未表决"
    }

    fn stats_items_total(&self) -> &'static str {
        "议题合计"
    }

    fn stats_public_items(&self) -> &'static str {
        "其中公开议事（四议两公开）"
    }

    fn stats_level(&self, l: Level) -> &'static str {
        match l {
            Level::Warning => "提醒",
            Level::Serious => "重点提醒",
        }
    }

    fn stats_ongoing(&self) -> &'static str {
        "（持续至今）"
    }

    fn stats_duplicate_line(&self, id: &str, kept: &str, identical: bool, dropped: &str) -> String {
        if identical {
            format!("{id}：计入 {kept}；相同副本：{dropped}")
        } else {
            format!("{id}：计入最后定稿的 {kept}；内容不同的同编号文件：{dropped}（请核对）")
        }
    }

    fn stats_superseded_line(&self, path: &str, by_path: &str) -> String {
        format!("{path} 已由 {by_path} 更正")
    }

    fn upload_bad_target(&self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        format!(
            "--to “{t}” 既不是 http:// 或 https:// 地址，也不是已存在的文件夹；请检查，或先建好文件夹"
        )
    }

    fn upload_bad_url(&self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        format!(
            "--to “{t}” 不是可用的地址：需要 http(s)://主机[:端口][/路径]，不带用户名密码、? 或 #（令牌请放在环境变量 BRANCHDAY_TOKEN 中）"
        )
    }

    fn upload_bad_token(&self) -> &'static str {
        "环境变量 BRANCHDAY_TOKEN 含有不能放进请求头的字符（如换行）；请检查它的值"
    }

    fn upload_bad_ca(&self, path: &str) -> String {
        format!("环境变量 BRANCHDAY_CA_FILE 指向的 {path} 无法读取或不含 PEM 格式的证书；请检查")
    }

    fn upload_bad_env(&self, var: &str) -> String {
        format!("环境变量 {var} 应为正整数（毫秒）；请改正或删除它")
    }

    fn upload_ledger_busy(&self, path: &str) -> String {
        format!("另一个 branchday upload 正在使用上传记录 {path}；请等它结束后再运行")
    }

    fn upload_conflict_http(&self, message: &str) -> String {
        format!(
            "服务器已有编号相同但内容不同的记录（409），未覆盖，也不会重试；请与接收方核对{message}"
        )
    }

    fn upload_conflict_dir(&self, name: &str) -> String {
        format!("目标文件夹已有同名但内容不同的文件 {name}，未覆盖；请核对两份文件")
    }

    fn upload_rejected(&self, status: u16, message: &str) -> String {
        format!("服务器拒绝了这份文件（{status}）{message}")
    }

    fn upload_unexpected(&self, status: u16, message: &str) -> String {
        format!("服务器的回答（{status}）不在上传协议之内，视为未送达{message}")
    }

    fn upload_gave_up(&self, attempts: u32, reason: &str) -> String {
        format!("尝试 {attempts} 次仍未成功（{reason}）；稍后重新运行会接着发送")
    }

    fn upload_transport(&self, reason: &str) -> String {
        format!("无法发送（{reason}）；请检查地址、网络或证书")
    }

    fn upload_server_error(&self, status: u16) -> String {
        format!("服务器错误 {status}")
    }

    fn upload_unreachable(&self) -> &'static str {
        "未发送：服务器接连无法连接，本次停止发送；稍后重新运行会接着发送"
    }

    fn upload_invalid(&self, problem: &str) -> String {
        format!("不是有效的会议记录，未发送：{problem}")
    }

    fn upload_copy_failed(&self, message: &str) -> String {
        format!("复制失败：{message}")
    }

    fn upload_duplicate(&self, first: &str) -> String {
        format!("与 {first} 内容相同：只报送一次")
    }

    fn upload_returned(&self) -> &'static str {
        "审阅时已退回，等待更正件，未报送（确需报送请加 --include-returned）"
    }

    fn server_reviewer(&self, reviewer: &str) -> String {
        format!("{reviewer}（上级审阅）")
    }

    fn upload_returned_by_server(&self, reviewer: &str, comment: &str) -> String {
        format!("上级已收到，但审阅人 {reviewer} 已退回：{comment}（请修改后以更正件重新报送）")
    }

    fn upload_would_send(&self) -> &'static str {
        "将发送"
    }

    fn upload_progress(&self) -> &'static str {
        "上传"
    }

    fn upload_summary(&self, s: &crate::upload::Summary) -> String {
        let total = s.total();
        if s.would_send > 0 || s.dry_run {
            return format!(
                "演练（未发送任何内容）：共 {total} 个文件，将发送 {}，此前已送达 {}，对方已有 {}，冲突 {}，无效 {}",
                s.would_send, s.skipped, s.already_there, s.conflicts, s.invalid
            );
        }
        format!(
            "共 {total} 个文件：送达 {}，对方已有 {}，此前已送达 {}，冲突 {}，失败 {}，无效 {}",
            s.delivered, s.already_there, s.skipped, s.conflicts, s.failed, s.invalid
        )
    }

    fn validate_summary(
        &self,
        total: usize,
        valid: usize,
        warned: usize,
        invalid: usize,
    ) -> String {
        format!("共检查 {total} 个文件：{valid} 个有效（其中 {warned} 个有警告），{invalid} 个无效")
    }

    // ---- cli ----

    fn store_error(&self, e: &StoreError) -> String {
        match e {
            StoreError::Io { path, source } => {
                let p = sanitize::path(path);
                let code = source.raw_os_error();
                match code {
                    Some(28 | 122) => {
                        format!("{p}：磁盘已满；请腾出空间或换一个数据目录（--data-dir）")
                    }
                    Some(30) => {
                        format!("{p}：磁盘为只读；请换一个可写的数据目录（--data-dir）")
                    }
                    Some(13 | 1) => {
                        format!("{p}：没有权限；请检查文件权限或换一个数据目录")
                    }
                    _ if source.kind() == std::io::ErrorKind::NotFound => {
                        format!("{p}：文件或目录不存在；请检查路径")
                    }
                    _ => format!("{p}：读写失败（{source}）"),
                }
            }
            StoreError::TooLarge { path, limit } => {
                let p = sanitize::path(path);
                format!("{p}：文件超过 {limit} 字节上限，未读取；请确认选对了文件")
            }
            StoreError::Exists { path } => {
                let p = sanitize::path(path);
                format!("{p}：文件已存在，不会覆盖；更正请另存为新文件")
            }
            StoreError::Locked { path, holder } => {
                let p = sanitize::path(path);
                format!(
                    "这份会议草稿正由另一个 branchday 打开（{holder}）；请在打开它的窗口中退出会议后再继续（锁文件 {p}）"
                )
            }
            StoreError::BadRoster { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                format!("{p}：党员名册无法读取（{m}）；请修正该文件或重新导入名册")
            }
            StoreError::NoHome => {
                "找不到用户数据目录；请用 --data-dir 或 BRANCHDAY_DATA_DIR 指定".to_owned()
            }
            StoreError::Canonical { message } => {
                format!("无法计算会议记录摘要：{message}")
            }
        }
    }

    fn journal_no_start(&self, path: &Path) -> String {
        let p = sanitize::path(path);
        format!("{p}：草稿日志没有开头的建会记录，无法恢复；它不是本程序的草稿")
    }

    fn journal_warning(&self, w: &crate::journal::JournalWarning) -> String {
        use crate::journal::JournalWarning;
        match w {
            JournalWarning::TornTail { line, bytes } => {
                format!("草稿第 {line} 行在写入时中断（{bytes} 字节），已舍弃；之前的内容完整")
            }
            JournalWarning::BadLine { line, message } => {
                format!(
                    "草稿第 {line} 行无法读取，已跳过（{}）",
                    sanitize::line(message)
                )
            }
            JournalWarning::Skipped { line, error } => {
                format!("草稿第 {line} 行与会议不符，已跳过（{error}）")
            }
        }
    }

    fn no_terminal(&self) -> &'static str {
        "branchday 需要在终端中运行（标准输入/输出不是终端）；批处理请用 validate、export、stats、upload 子命令"
    }

    fn error_prefix(&self) -> &'static str {
        "错误"
    }

    fn apply_error(&self, e: &crate::domain::ApplyError) -> String {
        use crate::domain::ApplyError;
        match e {
            ApplyError::AlreadyCreated => "会议已创建".into(),
            ApplyError::NotCreated => "会议尚未创建".into(),
            ApplyError::NoSuch { what, index } => {
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
                )
            }
            ApplyError::NoMember(id) => {
                format!("名册中没有编号为 {} 的党员", crate::sanitize::line(id))
            }
            ApplyError::Voted(i) => {
                format!(
                    "议题 {} 已表决：不能删除，也不能改变类型或对象（各轮表决按其判定）",
                    i + 1
                )
            }
            ApplyError::NotAnAppraisal(i) => {
                format!("议题 {} 不是民主评议党员", i + 1)
            }
            ApplyError::AlreadyStarted => "会议已经开始".into(),
            ApplyError::EmptyTitle => "标题或姓名不能为空".into(),
            ApplyError::AlreadyVoted(i) => {
                format!("议题 {} 已表决，结果已固定", i + 1)
            }
            ApplyError::AlreadyAnnulled { item, round } => {
                format!("议题 {} 的第 {} 轮表决已作废", item + 1, round + 1)
            }
            ApplyError::NotAttending(name) => {
                format!("{} 未在会，不能登记早退", crate::sanitize::line(name))
            }
            ApplyError::ReasonRequired => "请填写原因".into(),
            ApplyError::NoVotes => "此类会议不进行表决".into(),
            ApplyError::BadSplice => "文字修改与原文不符".into(),
            ApplyError::Finalized => "会议记录已定稿，不能再修改".into(),
            ApplyError::NothingToUndo => "没有可撤销的签到".into(),
        }
    }

    // ---- corpus ----

    fn corpus_written(&self, count: usize, dir: &str) -> String {
        format!("已在 {dir} 写入 {count} 个会议记录文件")
    }

    // ---- due ----

    fn cadence_error(&self, path: &str, message: &str) -> String {
        format!("{path}：会议频次无法读取（{message}），已使用默认频次；请修正或删除该文件")
    }

    fn due_bad_as_of(&self, v: &str) -> String {
        format!("--as-of “{v}” 不是日期；请写成 2026-12-01")
    }

    fn due_heading(&self, as_of: &str) -> String {
        format!("三会一课落实情况（截至 {as_of}，仅作提醒）")
    }

    fn due_columns(&self) -> [&'static str; 5] {
        ["会议", "本期", "本期已开", "上期已开", "状态"]
    }

    fn every_word(&self, e: Every) -> &'static str {
        match e {
            Every::Month => "每月",
            Every::Quarter => "每季度",
            Every::Year => "每年",
        }
    }

    fn due_kind(&self, l: &DueLine) -> String {
        let kind = self.kind(l.kind);
        match &l.group {
            Some(g) => format!("{kind}·{g}（{}）", self.every_word(l.every)),
            None => format!("{kind}（{}）", self.every_word(l.every)),
        }
    }

    fn due_period(&self, l: &DueLine) -> String {
        let p = l.period;
        match l.every {
            Every::Month => p.to_string(),
            Every::Quarter => format!("{}年第{}季度", p.year, (p.month - 1) / 3 + 1),
            Every::Year => format!("{}年", p.year),
        }
    }

    fn due_state(&self, s: DueState) -> &'static str {
        match s {
            DueState::Held => "已开",
            DueState::Due => "待开",
            DueState::Overdue => "逾期（上期未开）",
        }
    }

    fn due_line(&self, l: &DueLine) -> String {
        let what = self.due_kind(l);
        let period = self.due_period(l);
        match l.state {
            DueState::Held => format!("{what} {period} 已开 {} 次", l.held),
            DueState::Due => format!("{what} {period} 待开"),
            DueState::Overdue => format!("{what} {period} 待开，上期未开"),
        }
    }

    fn due_probation_heading(&self, branch: &str, n: usize) -> String {
        if n == 0 {
            format!("{branch}（本机名册）：60 天内没有预备期届满的预备党员")
        } else {
            format!("{branch}（本机名册）转正提醒：{n} 人")
        }
    }

    fn due_probation(&self, p: &ProbationLine) -> String {
        if p.ended() {
            format!(
                "预备党员 {}：预备期已于 {} 满一年（入党 {}），请讨论其转正",
                p.name, p.ends, p.joined
            )
        } else {
            format!(
                "预备党员 {}：预备期 {} 届满（还有 {} 天），请准备转正讨论",
                p.name, p.ends, p.days_left
            )
        }
    }

    fn due_absence(&self, a: &AbsenceRun) -> String {
        let n = a.months.len();
        let from = a
            .months
            .first()
            .map(ToString::to_string)
            .unwrap_or_default();
        let serious = a.level == crate::stats::Level::Serious;
        format!(
            "{} 自 {from} 起连续 {n} 个月未参加组织生活且未请假{}",
            a.name,
            if serious {
                "（六个月以上，请支部大会研究）"
            } else {
                ""
            }
        )
    }

    fn due_kind_short(
        &self,
        kind: crate::domain::MeetingKind,
        group: Option<&str>,
        every: Every,
    ) -> String {
        let k = self.kind(kind);
        let e = self.every_word(every);
        match group {
            Some(g) => format!("{k}·{g}（{e}）"),
            None => format!("{k}（{e}）"),
        }
    }

    fn stats_h_fulfilment(&self) -> &'static str {
        "三会一课落实情况"
    }

    fn stats_fulfilment_note(&self) -> &'static str {
        "  数字为当月已开次数；✗ 为该期（月、季度或年）未开；· 为当月未开但该期已开或该期未完整在统计范围内。频次见数据目录的 cadence.json。"
    }

    fn home_year_title(&self) -> &'static str {
        "本支部本月与本季度（仅作提醒）"
    }

    fn home_year_nothing(&self) -> &'static str {
        "暂无转正或连续缺席提醒。"
    }

    // ---- export ----

    fn export_label(&self, l: ExportLabel) -> &'static str {
        use super::labels::ExportLabel as L;
        match l {
            L::DocTitle => "会议记录",
            L::Basic => "基本情况",
            L::Attendance => "出席情况",
            L::Agenda => "会议议程",
            L::Study => "学习内容",
            L::Items => "议题及表决",
            L::Actions => "决定事项落实",
            L::Summary => "会议小结",
            L::MeetingName => "会议名称",
            L::MeetingKind => "会议类型",
            L::Theme => "主题",
            L::Branch => "党支部",
            L::Group => "党小组",
            L::Date | L::SignDate => "日期",
            L::Time => "时间",
            L::Place => "地点",
            L::Chair => "主持人",
            L::Recorder => "记录人",
            L::Expected => "应到",
            L::Present => "实到",
            L::Attendees => "出席人员",
            L::Absentees => "缺席人员及原因",
            L::NotCounted => "不计入应到会人数的党员",
            L::Guests => "列席人员",
            L::Name => "姓名",
            L::Standing => "类别",
            L::Status => "情况",
            L::Reason => "原因",
            L::Approver => "批准人",
            L::Category => "不计入类别",
            L::ApprovalRef => "批准文号",
            L::Identity => "身份",
            L::Number => "序号",
            L::StageTitle => "议程",
            L::StageKind => "类型",
            L::Planned => "计划（分钟）",
            L::Actual => "实际（分钟）",
            L::StageNotes => "记录",
            L::Presenter => "主讲人",
            L::Material => "学习材料",
            L::Duration => "用时",
            L::Notes => "学习记录",
            L::ItemType => "事项类型",
            L::ItemStage => "议事阶段",
            L::ItemSource => "议题来源",
            L::Candidate => "对象",
            L::Discussion => "讨论情况",
            L::Decision => "决定",
            L::Method => "表决方式",
            L::VoteCounts => "表决票数",
            L::WrittenOpinions => "书面意见",
            L::Opinion => "意见",
            L::YesCounted => "计入的赞成票（含书面意见）",
            L::EntitledExpected => "应到有表决权党员（E）",
            L::EntitledPresent => "实到有表决权党员（P）",
            L::Quorum => "法定人数",
            L::YesNeeded => "通过所需赞成票",
            L::RuleApplied => "适用规则",
            L::Outcome => "表决结果",
            L::VoteClosedAt => "表决时间",
            L::DeferredReason => "暂缓原因",
            L::Ballots => "选票",
            L::Task => "事项",
            L::Owner => "负责人",
            L::Due => "完成期限",
            L::FromItem => "所属议题",
            L::EndMarker => "（会议结束）",
            L::ChairSignature => "主持人（签字）",
            L::RecorderSignature => "记录人（签字）",
            L::FileId => "文件编号",
            L::Digest => "摘要（SHA-256）",
            L::Supersedes => "更正并取代",
            L::CorrectionReason => "更正原因",
            L::FinalizedAt => "定稿时间",
            L::NotRecorded => "（未填写）",
            L::None => "无",
            L::QuorumMet => "已达到",
            L::QuorumNotMet => "未达到",
        }
    }

    fn export_colon(&self) -> &'static str {
        "："
    }

    fn export_list_sep(&self) -> &'static str {
        "、"
    }

    fn export_section_number(&self, n: usize) -> String {
        ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
            .get(n.wrapping_sub(1))
            .map_or_else(|| format!("{n}、"), |s| format!("{s}、"))
    }

    fn export_date(&self, d: NaiveDate, weekday: bool) -> String {
        {
            let date = format!("{}年{}月{}日", d.year(), d.month(), d.day());
            if weekday {
                let w = d.weekday().num_days_from_monday() as usize;
                let day = ["一", "二", "三", "四", "五", "六", "日"][w];
                format!("{date} 星期{day}")
            } else {
                date
            }
        }
    }

    fn export_time_span(&self, from: &str, to: &str, offset: &str) -> String {
        format!("{from} 至 {to}（UTC{offset}）")
    }

    fn export_time_span_local(&self, from: &str, to: &str) -> String {
        format!("{from} 至 {to}")
    }

    fn export_head_count(&self, total: u32, full: u32, probationary: u32, other: u32) -> String {
        let mut s = format!("{total} 人（正式党员 {full} 人，预备党员 {probationary} 人");
        if other > 0 {
            s.push_str(&format!("，其他 {other} 人"));
        }
        s.push('）');
        s
    }

    fn export_ballots(&self, b: &crate::domain::Ballots) -> String {
        let names = |p: &[crate::domain::PersonRef]| {
            p.iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(self.export_list_sep())
        };
        let (s, c) = (names(&b.scrutineers), names(&b.counters));
        format!(
            "发出 {} 张，收回 {} 张，有效 {} 张，无效 {} 张；监票人 {s}；计票人 {c}",
            b.issued, b.returned, b.valid, b.invalid
        )
    }

    fn export_vote_counts(&self, yes: u32, no: u32, abstain: u32) -> String {
        format!("赞成 {yes} 票，反对 {no} 票，弃权 {abstain} 票")
    }

    fn export_yes_counted(&self, yes: u32, written_yes: u32) -> String {
        format!("{yes} + 书面同意 {written_yes} = {}", yes + written_yes)
    }

    fn export_people(&self, n: u32) -> String {
        format!("{n} 人")
    }

    fn export_minutes(&self, seconds: u64) -> String {
        let m = minutes_of(seconds);
        format!("{m} 分钟")
    }

    fn export_delegated(&self, chair: &str, by: &str) -> String {
        format!("{chair}（受{by}委托）")
    }

    fn export_late_at(&self, name: &str, at: &str) -> String {
        format!("{name}（迟到 {at}）")
    }

    fn export_written(&self, name: &str, opinion: &str) -> String {
        format!("{name}（{opinion}）")
    }

    fn export_item_heading(&self, n: usize, title: &str) -> String {
        format!("议题 {n}：{title}")
    }

    fn export_topic_heading(&self, n: usize, title: &str) -> String {
        format!("学习 {n}：{title}")
    }

    fn export_stage_notes(&self, n: usize, title: &str) -> String {
        format!("议程 {n}「{title}」记录")
    }

    fn export_item_ref(&self, n: usize, title: &str) -> String {
        format!("{n}. {title}")
    }

    fn export_quorum(&self, met: bool, at_least_half: bool) -> String {
        use super::labels::ExportLabel as L;
        let word = self.export_label(if met { L::QuorumMet } else { L::QuorumNotMet });
        let formula = if at_least_half {
            "P ≥ E/2"
        } else {
            "P > E/2"
        };
        format!("{word}（{formula}）")
    }

    fn export_yes_needed(&self, needed: u32, base_present: bool) -> String {
        let formula = if base_present { "> P/2" } else { "> E/2" };
        format!("{needed} 票（{formula}）")
    }

    fn export_exclusion(&self, number: u8, text: &str) -> String {
        format!("第{number}类：{text}")
    }

    fn export_failed_banner(&self, errors: usize) -> String {
        format!(
            "未通过校验：本文件有 {errors} 项错误，内容可能在定稿后被改动或与规则不符，不能作为正式记录使用"
        )
    }

    fn export_failed_warning(&self, path: &str, errors: usize) -> String {
        format!(
            "{path}：警告：未通过校验（{errors} 项错误），已照样导出并在文档中标注；详情请运行 branchday validate"
        )
    }

    fn export_not_minutes(&self, path: &str, why: &str) -> String {
        format!("{path}：不是可导出的会议记录文件（{why}）")
    }

    fn export_write_failed(&self, err: &str) -> String {
        format!("无法写出导出结果：{err}")
    }

    fn export_generated(&self) -> &'static str {
        "由 branchday 根据会议记录文件生成；可用 branchday validate 核对摘要"
    }

    fn doc_lang_code(&self) -> &'static str {
        "zh-CN"
    }

    fn doc_paren(&self, name: &str) -> String {
        format!("（{name}）")
    }

    fn doc_title(&self, kind: MeetingKind) -> String {
        let (kind, title) = (self.kind(kind), self.export_label(ExportLabel::DocTitle));
        format!("{kind}{title}")
    }

    fn doc_title_correction(&self, kind: MeetingKind) -> String {
        format!("{}（更正件）", self.doc_title(kind))
    }

    // ---- forms ----

    fn form_details(&self) -> &'static str {
        "说明"
    }

    fn form_approved_by(&self) -> &'static str {
        "批准人"
    }

    fn form_reason_if_known(&self) -> &'static str {
        "原因（如已知）"
    }

    fn form_guest(&self) -> &'static str {
        "列席人员"
    }

    fn form_identity(&self) -> &'static str {
        "身份"
    }

    fn form_study_topic(&self) -> &'static str {
        "学习专题"
    }

    fn form_title(&self) -> &'static str {
        "题目"
    }

    fn form_material(&self) -> &'static str {
        "学习材料"
    }

    fn form_item(&self) -> &'static str {
        "议题"
    }

    fn form_item_title(&self) -> &'static str {
        "议题"
    }

    fn form_candidate_membership(&self) -> &'static str {
        "对象（发展党员）"
    }

    fn form_public_deliberation_stage(&self) -> &'static str {
        "四议两公开"
    }

    fn form_not_applicable(&self) -> &'static str {
        "不适用"
    }

    fn form_not_stated(&self) -> &'static str {
        "未注明"
    }

    fn form_method(&self) -> &'static str {
        "表决方式"
    }

    fn form_yes(&self) -> &'static str {
        "赞成"
    }

    fn form_no(&self) -> &'static str {
        "反对"
    }

    fn form_abstain(&self) -> &'static str {
        "弃权"
    }

    fn form_defer_reason(&self) -> &'static str {
        "暂缓原因"
    }

    fn form_defer_reason_required(&self) -> String {
        "请写明暂缓表决的原因：暂缓表决不记票数，原因写入记录".to_owned()
    }

    fn form_defer(&self) -> &'static str {
        "暂缓表决"
    }

    fn form_no_choice(&self) -> &'static str {
        "否"
    }

    fn form_yes_defer(&self) -> &'static str {
        "是，暂缓表决"
    }

    fn form_no_written_opinion(&self) -> &'static str {
        "无书面意见"
    }

    fn form_written_opinion(&self) -> &'static str {
        "书面意见"
    }

    fn form_vote(&self) -> &'static str {
        "表决"
    }

    fn form_action_item(&self) -> &'static str {
        "待办事项"
    }

    fn form_task(&self) -> &'static str {
        "任务"
    }

    fn form_owner(&self) -> &'static str {
        "负责人"
    }

    fn form_due_yyyy_mm_dd(&self) -> &'static str {
        "期限（年-月-日）"
    }

    fn form_for_item(&self) -> &'static str {
        "对应议题"
    }

    fn form_meeting_details(&self) -> &'static str {
        "会议信息"
    }

    fn form_finalize(&self) -> &'static str {
        "定稿"
    }

    fn form_finalized_minutes_cannot_change(&self) -> &'static str {
        "定稿后不能再修改，确认？"
    }

    fn form_yes_finalize(&self) -> &'static str {
        "是，定稿"
    }

    fn form_counts_must_be_whole(&self) -> &'static str {
        "票数须为非负整数"
    }

    fn form_vote_submit_hint(&self, key: &str) -> String {
        format!("{key} 结束表决（结果固定）")
    }

    fn form_please_fill_in(&self) -> &'static str {
        "请填写"
    }

    fn form_due_date_must_look(&self) -> &'static str {
        "期限请写成 2026-12-31 或 2026年12月31日"
    }

    fn form_vote_attendance(&self, expected: u32, present: u32, needed: u32, met: bool) -> String {
        let quorum = if met { "✓" } else { "✗" };
        format!("应到有表决权 {expected}，实到 {present}；法定人数需 {needed} 人 {quorum}")
    }

    fn form_vote_yes_counted(&self, counted: u32, needed: u32) -> String {
        format!("赞成（含书面）{counted}，通过需 {needed}")
    }

    fn form_missing_details(&self) -> &'static str {
        "说明"
    }

    fn form_missing_name(&self) -> &'static str {
        "姓名"
    }

    fn form_missing_study_title(&self) -> &'static str {
        "题目"
    }

    fn form_missing_item_title(&self) -> &'static str {
        "议题"
    }

    fn form_missing_candidate(&self) -> &'static str {
        "发展对象"
    }

    fn form_missing_owner(&self) -> &'static str {
        "负责人（名册中的党员）"
    }

    fn form_missing_task(&self) -> &'static str {
        "任务"
    }

    fn form_missing_meeting_title(&self) -> &'static str {
        "会议名称"
    }

    // ---- inputs ----

    fn not_regular_file(&self) -> &'static str {
        "不是普通文件（而是管道或设备），未读取；请指定会议记录文件"
    }

    fn read_error(&self, path: &Path, e: ReadError) -> String {
        match e {
            ReadError::NotRegular => {
                let p = sanitize::path(path);
                let why = self.not_regular_file();
                format!("{p}：{why}")
            }
            ReadError::TooLarge { .. } => self.store_error(&StoreError::TooLarge {
                path: path.to_path_buf(),
                limit: MAX_BYTES,
            }),
            other => self.store_error(&StoreError::io(path, other.to_io())),
        }
    }

    // ---- keys ----

    fn key_error(&self, e: &KeyError) -> String {
        let p = |path: &Path| sanitize::path(path);
        match e {
            KeyError::Io { path, source } => {
                format!("{}：无法读取或写入密钥文件（{source}）", p(path))
            }
            KeyError::Unreadable { path, reason } => {
                format!(
                    "{}：不是 OpenSSH 私钥文件（{}）；请选择 ssh-keygen 生成的私钥文件（不是 .pub）",
                    p(path),
                    sanitize::line(reason)
                )
            }
            KeyError::NotEd25519 { path, algorithm } => {
                format!(
                    "{}：这是 {algorithm} 密钥，branchday 只用 ed25519；请用 ssh-keygen -t ed25519 生成",
                    p(path)
                )
            }
            KeyError::Exposed { path, mode } => {
                format!(
                    "{}：私钥文件他人可读（权限 {mode:o}）；请运行 chmod 600 {}",
                    p(path),
                    p(path)
                )
            }
            KeyError::Passphrase { path } => {
                format!("{}：口令不对，密钥未打开；请重试", p(path))
            }
            KeyError::NeedsPassphrase { path } => {
                format!(
                    "{}：密钥有口令保护；请在终端中运行，或由标准输入提供口令",
                    p(path)
                )
            }
            KeyError::Exists { path } => {
                format!(
                    "{}：本支部已有签名密钥；如确需更换（如原电脑丢失），请加 --replace，旧密钥将保留在旁",
                    p(path)
                )
            }
            KeyError::Crypto(msg) => format!("签名库出错：{}", sanitize::line(msg)),
        }
    }

    fn clock_env_bad(&self, value: &str) -> String {
        format!(
            "BRANCHDAY_CLOCK 的值 “{}” 不是时刻：请写成 RFC 3339，例如 2026-11-26T14:00:00+08:00，或删去它以使用系统时钟",
            sanitize::line(value)
        )
    }

    fn keyring_file_error(&self, path: &Path, e: &crate::keys::KeyringFileError) -> String {
        use crate::keys::KeyringFileError as E;
        let file = sanitize::path(path);
        match e {
            E::Io(err) => {
                format!(
                    "{file}：无法读取信任名单（{err}）；请检查 --trust 或 BRANCHDAY_TRUST 所指的文件"
                )
            }
            E::TooLarge => {
                format!("{file}：信任名单超过 64 MiB，不像 allowed_signers 文件")
            }
            E::NotUtf8 => format!("{file}：信任名单不是 UTF-8 文本"),
            E::Line(l) => self.keyring_error(path, l),
        }
    }

    fn keyring_error(&self, path: &Path, e: &KeyringError) -> String {
        let file = sanitize::path(path);
        let line = e.line;
        let what = match &e.problem {
            LineProblem::NoKey => {
                "只有支部代码，没有公钥；格式为“支部代码 namespaces=\"branchday-minutes\" ssh-ed25519 AAAA…”"
                    .into()
            }
            LineProblem::BadKey(why) => {
                format!(
                    "公钥无法读取（{}）；请整行复制 branchday key show 的输出",
                    sanitize::line(why)
                )
            }
            LineProblem::UnknownOption(opt) => {
                format!(
                    "不支持的选项 {}；可用 namespaces、valid-after、valid-before",
                    sanitize::line(opt)
                )
            }
            LineProblem::BadTime(t) => {
                format!(
                    "时间 {} 应写作 YYYYMMDD 或 YYYYMMDDHHMM[SS]，UTC 时间末尾加 Z",
                    sanitize::line(t)
                )
            }
            LineProblem::Unterminated => "引号没有闭合".into(),
        };
        format!("{file}：第 {line} 行：{what}")
    }

    fn signature_problem(&self, p: &SignatureProblem) -> String {
        match p {
            SignatureProblem::Malformed(why) => {
                format!(
                    "签名无法读取（{}）；文件已损坏或被改动",
                    sanitize::line(why)
                )
            }
            SignatureProblem::BadSigner(why) => {
                format!("签名人公钥无法读取（{}）", sanitize::line(why))
            }
            SignatureProblem::SignerMismatch => "签名不是由文件所写的签名人密钥做出的".into(),
            SignatureProblem::WrongNamespace(ns) => {
                format!(
                    "签名用途为 {}，不是会议记录（branchday-minutes）",
                    sanitize::line(ns)
                )
            }
            SignatureProblem::DoesNotMatch => "签名与内容不符：文件在签名后被改动".into(),
        }
    }

    fn signature_status(&self, s: &SignatureStatus) -> String {
        match s {
            SignatureStatus::V1 => "无签名（第 1 版记录不带签名）".into(),
            SignatureStatus::Unsigned => "! 未签名：无法确认来自哪个支部".into(),
            SignatureStatus::Bad(p) => format!("✗ {}", self.signature_problem(p)),
            SignatureStatus::Trusted(fp) => {
                format!("✓ 由信任名单中本支部的密钥签名（{fp}）")
            }
            SignatureStatus::Untrusted(fp) => {
                format!("✗ 签名密钥不受信任（{fp}）：不在信任名单中，或不在其有效期内")
            }
            SignatureStatus::Unchecked(fp) => {
                format!("签名有效，签名人未核对（{fp}）；审阅时加 --trust 信任名单文件")
            }
        }
    }

    fn month_read_as(&self, flag: &str, given: &str, read: &str) -> String {
        let given = sanitize::line(given);
        format!("注意：{flag} {given} 按 {read} 理解（月份请写作 YYYY-MM）")
    }

    fn versions_read(&self, v1: usize, v2: usize) -> String {
        format!("格式版本：第 1 版 {v1} 个，第 2 版 {v2} 个")
    }

    fn correction_reason_title(&self) -> String {
        "更正原因".into()
    }

    fn correction_reason_label(&self) -> String {
        "更正原因（必填，写入更正件）".into()
    }

    fn correction_reason_required(&self) -> String {
        "请写明更正原因：审阅人据此核对更正件".into()
    }

    fn key_send_hint(&self, fingerprint: &str) -> String {
        format!(
            "本支部签名公钥 {fingerprint}。请把上面一行发给上级党组织，加入其 allowed_signers 信任名单。"
        )
    }

    fn key_retired(&self, path: &Path) -> String {
        format!(
            "原密钥已移至 {}（请上级在信任名单中为其加 valid-before）",
            sanitize::path(path)
        )
    }

    fn passphrase_prompt(&self, path: &Path) -> String {
        format!("{} 的口令：", sanitize::path(path))
    }

    fn key_needs_roster(&self) -> String {
        "还没有党员名册，无法确定支部代码；请先导入名册：branchday roster import 文件".into()
    }

    fn canonical_failed(&self, path: &Path, why: &str) -> String {
        format!(
            "{}：无法生成规范字节（{}）",
            sanitize::path(path),
            sanitize::line(why)
        )
    }

    // ---- ledger ----

    fn ledger_sheet_name(&self) -> &'static str {
        "审核台账"
    }

    fn ledger_columns(&self) -> [&'static str; 13] {
        [
            "序号",
            "文件",
            "支部",
            "支部代码",
            "会议类型",
            "会议日期",
            "主题",
            "校验",
            "审阅结论",
            "审阅人",
            "审阅时间",
            "审阅意见",
            "督办",
        ]
    }

    fn follow_up(&self, f: FollowUp, name: &dyn Fn(usize) -> String) -> String {
        match f {
            FollowUp::AwaitingCorrection => "已退回，待支部报送更正件".to_owned(),
            FollowUp::Corrected(j, state) => {
                let file = name(j);
                match state {
                    ReviewState::Approved => {
                        format!("已更正（{file}），更正件已通过")
                    }
                    ReviewState::Returned => {
                        format!("已更正（{file}），更正件又被退回")
                    }
                    _ => format!("已更正（{file}），更正件待审阅"),
                }
            }
        }
    }

    fn ledger_bad_extension(&self, path: &str) -> String {
        format!("{path}：审核台账须写成 .xlsx 或 .csv 文件，例如 --export-ledger 审核台账.xlsx")
    }

    fn ledger_failed(&self, path: &str, message: &str) -> String {
        format!("{path}：审核台账无法生成（{message}）")
    }

    fn ledger_written(&self, path: &str, meetings: usize) -> String {
        format!("审核台账已写入 {path}（{meetings} 个会议）")
    }

    // ---- meeting ----

    fn checkin_type_name_or_pinyin(&self) -> &'static str {
        "输入姓名或拼音首字母查找"
    }

    fn checkin_check_in(&self) -> &'static str {
        "签到"
    }

    fn checkin_not_yet(&self) -> &'static str {
        "未签到"
    }

    fn checkin_not_counted(&self) -> &'static str {
        "不计入应到"
    }

    fn checkin_status(&self) -> &'static str {
        "状态"
    }

    fn checkin_note(&self) -> &'static str {
        "备注"
    }

    fn checkin_guests(&self) -> &'static str {
        "列席"
    }

    fn items_discussion(&self) -> &'static str {
        "讨论记录"
    }

    fn items_decision(&self) -> &'static str {
        "决定"
    }

    fn items_empty(&self, key: &str) -> String {
        format!("还没有议题。按 {key} 添加。")
    }

    fn items_title(&self) -> &'static str {
        "议题"
    }

    fn items_candidate(&self) -> &'static str {
        "对象"
    }

    fn items_stage(&self) -> &'static str {
        "阶段"
    }

    fn items_discussion_heading(&self, key: &str) -> String {
        format!("—— 讨论记录（{key}）——")
    }

    fn items_decision_heading(&self, key: &str) -> String {
        format!("—— 决定（{key}）——")
    }

    fn items_not_voted_heading(&self, key: &str) -> String {
        format!("—— 未表决（{key}）——")
    }

    fn items_vote_frozen(&self) -> &'static str {
        "—— 表决结果（已固定）——"
    }

    fn meeting_elapsed(&self) -> &'static str {
        "已进行"
    }

    fn meeting_overtime(&self) -> &'static str {
        " 超时"
    }

    fn meeting_agenda(&self) -> &'static str {
        "议程"
    }

    fn meeting_saved(&self) -> &'static str {
        "已保存"
    }

    fn meeting_voters(&self) -> &'static str {
        "表决权"
    }

    fn meeting_committee(&self) -> &'static str {
        "委员"
    }

    fn study_empty(&self, key: &str) -> String {
        format!("还没有学习专题。按 {key} 添加。")
    }

    fn study_study_topics(&self) -> &'static str {
        "学习专题"
    }

    fn study_material(&self) -> &'static str {
        "材料"
    }

    fn activity_hint(&self, key: &str) -> String {
        format!("按 {key} 记录本环节情况（如党费收缴、誓词领誓人）。")
    }

    fn wrapup_summary(&self) -> &'static str {
        "会议小结"
    }

    fn wrapup_finalize_before_export(&self, key: &str) -> String {
        format!("请先定稿（{key}），再导出。")
    }

    fn wrapup_minutes_finalized(&self) -> &'static str {
        "会议记录已定稿"
    }

    fn wrapup_file_label(&self) -> &'static str {
        "文件"
    }

    fn wrapup_export_hint(&self, key: &str) -> String {
        format!("按 {key} 导出可打印的会议记录。")
    }

    fn wrapup_export_title(&self) -> &'static str {
        "导出会议记录"
    }

    fn wrapup_export_folder(&self) -> &'static str {
        "保存到文件夹"
    }

    fn wrapup_export_what(&self) -> &'static str {
        "写入 html、md、txt、docx 四种会议记录和 xlsx 签到表；没有的文件夹会新建。"
    }

    fn wrapup_exported(&self) -> &'static str {
        "已导出"
    }

    fn wrapup_no_actions(&self, key: &str) -> String {
        format!("还没有待办事项。按 {key} 添加。")
    }

    fn wrapup_no_date(&self) -> &'static str {
        "无期限"
    }

    fn wrapup_action_items(&self) -> &'static str {
        "待办事项"
    }

    fn wrapup_finalized(&self) -> &'static str {
        "✓ 已定稿"
    }

    fn wrapup_ready_to_finalize(&self, key: &str) -> String {
        format!("✓ 记录完整，可以定稿（{key}）")
    }

    fn wrapup_before_finalizing(&self) -> &'static str {
        "定稿前检查"
    }

    fn items_vote_counts(&self, v: &VoteRecord) -> String {
        let method = self.method(v.method);
        let (yes, no, abstain, written) = (v.yes, v.no, v.abstain, v.written_opinions.len());
        format!("{method}：赞成 {yes}，反对 {no}，弃权 {abstain}；书面意见 {written} 份")
    }

    fn items_vote_attendance(&self, v: &VoteRecord) -> String {
        let (e, p, needed) = (v.entitled_expected, v.entitled_present, v.yes_needed);
        format!(
            "应到有表决权 {e}，实到 {p}，法定人数{}，通过需赞成 {needed}",
            if v.quorum_met {
                "已达到"
            } else {
                "未达到"
            }
        )
    }

    fn meeting_unsaved(&self, pending: usize, why: &str) -> String {
        format!("⚠ 未保存 {pending} 条（{why}），正在重试 ")
    }

    fn meeting_counts(&self, c: &Counts) -> String {
        format!(
            "│ 应到 {}（正式 {} 预备 {}） 实到 {}（正式 {} 预备 {}）",
            c.expected_total,
            c.expected_full,
            c.expected_probationary,
            c.present_total,
            c.present_full,
            c.present_probationary
        )
    }

    fn meeting_quorum(&self, label: &str, present: u32, expected: u32, met: bool) -> String {
        format!(
            " │ {label} {present}/{expected}，{}",
            if met { "过半 ✓" } else { "未过半 ✗" }
        )
    }

    fn wrapup_unmarked(&self, unmarked: usize) -> String {
        format!("{unmarked} 人未签到，定稿时记为缺席")
    }

    // ---- packaging ----

    fn version_text(&self, program: &str, writes: u32, reads: &[u32]) -> String {
        let list = |sep: &str| {
            reads
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(sep)
        };
        format!(
            "branchday {program}\n会议记录格式（branchday.minutes）：写入第 {writes} 版；可读取第 {} 版",
            list("、")
        )
    }

    fn generate_write_error(&self, what: &str, e: &std::io::Error) -> String {
        format!("无法写出{what}（{e}）；请检查输出重定向的目标")
    }

    fn man_page_name(&self) -> &'static str {
        "手册页"
    }

    fn completion_script_name(&self) -> &'static str {
        "补全脚本"
    }

    fn man_sections(&self) -> Vec<ManSection> {
        Vec::from([
            ManSection {
                title: "退出状态",
                items: Vec::from([
                    ("0", "全部有效（允许警告）、已送达或已写入"),
                    ("1", "有文件无效、送达失败或冲突，或写入失败"),
                    (
                        "2",
                        "用法或配置错误（选项有误、需要终端却没有终端、钥匙环无法读取）",
                    ),
                ]),
            },
            ManSection {
                title: "环境变量",
                items: Vec::from([
                    ("BRANCHDAY_DATA_DIR", "数据目录，同 --data-dir"),
                    (
                        "BRANCHDAY_CLOCK",
                        "程序时钟在启动时读作此时刻（RFC 3339，如 2026-11-26T14:00:00+08:00）并由此走下去，用于演示和测试；未设则用系统时钟",
                    ),
                    (
                        "BRANCHDAY_TRUST",
                        "钥匙环（OpenSSH allowed_signers 文件），同 --trust",
                    ),
                    (
                        "BRANCHDAY_TOKEN",
                        "upload 发送的 Bearer 令牌；从不打印或记录",
                    ),
                    (
                        "BRANCHDAY_CA_FILE",
                        "upload 信任的根证书（PEM 文件），代替内置的根证书",
                    ),
                    (
                        "BRANCHDAY_REVIEWER",
                        "review 记录的审阅人姓名（默认：登录名）",
                    ),
                    (
                        "LC_ALL, LC_MESSAGES, LANG",
                        "以 zh 开头的语言环境使用中文界面，其余使用英文；--lang 优先",
                    ),
                ]),
            },
            ManSection {
                title: "文件",
                items: Vec::from([
                    (
                        "~/.local/share/branchday/",
                        "数据目录：roster.json（党员名册）、drafts/（进行中会议的日志）、minutes/（定稿的会议记录，从不覆盖）、reviews/（审阅意见）、uploads.jsonl（上报台账）、keys/branch_ed25519（支部签名密钥）；安装和卸载软件包都不会触动它",
                    ),
                    (
                        "/usr/share/doc/branchday/",
                        "README 与会议记录格式的变更记录",
                    ),
                ]),
            },
            ManSection {
                title: "另见",
                items: Vec::from([(
                    "ssh-keygen(1)",
                    "用 ssh-keygen -Y verify 核验会议记录的签名（见 README）",
                )]),
            },
        ])
    }

    // ---- print ----

    fn print_label(&self, l: PrintLabel) -> &'static str {
        use PrintLabel as P;
        match l {
            P::SignInSheet => "参会人员签到表",
            P::OwnSignature => "本人签名",
            P::CheckInTime => "签到时间",
            P::Counted => "计入应到",
            P::Yes => "是",
            P::No => "否",
            P::BranchSeal => "党支部（盖章）",
            P::ReviewOpinion => "上级党组织审核意见",
            P::ReviewerSignature => "审核人（签字）",
            P::Seal => "（盖章）",
            P::SheetMeetings => "各月会议",
            P::SheetAttendanceBranch => "支部出勤",
            P::SheetAttendanceMember => "党员出勤",
            P::SheetAbsence => "连续缺席",
            P::SheetItems => "议题结果",
            P::SheetFulfilment => "三会一课落实情况",
            P::MissingPeriods => "未开期数",
            P::BranchCode => "支部代码",
        }
    }

    fn print_subtitle_sep(&self) -> &'static str {
        "　"
    }

    fn print_page_of(&self) -> [&'static str; 3] {
        ["第 ", " 页 共 ", " 页"]
    }

    fn print_left_early(&self, status: &str, at: &str) -> String {
        format!("{status}，早退 {at}")
    }

    fn export_written_to(&self, path: &str) -> String {
        format!("已导出：{path}")
    }

    fn export_no_documents(&self, dir: &str) -> String {
        format!("找不到“文档”文件夹，导出文件放在 {dir}")
    }

    fn export_binary_to_terminal(&self, format: &str) -> String {
        format!(
            "{format} 是二进制格式，不能输出到终端；请用 --output 文件名，或把标准输出重定向到文件"
        )
    }

    fn stats_xlsx_written(&self, path: &str) -> String {
        format!("统计表已写入：{path}")
    }

    fn stats_xlsx_failed(&self, path: &str, err: &str) -> String {
        format!("{path}：无法写入统计表（{err}）；请检查文件夹是否存在且可写")
    }

    // ---- record ----

    fn kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "支部主题党日",
            MeetingKind::GeneralAssembly => "支部党员大会",
            MeetingKind::Committee => "支部委员会会议",
            MeetingKind::Group => "党小组会",
            MeetingKind::Lecture => "党课",
            MeetingKind::LifeMeeting => "组织生活会",
        }
    }

    fn kind_short(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "主题党日",
            MeetingKind::GeneralAssembly => "党员大会",
            MeetingKind::Committee => "支委会",
            MeetingKind::Group => "党小组会",
            MeetingKind::Lecture => "党课",
            MeetingKind::LifeMeeting => "组织生活会",
        }
    }

    fn standing(&self, s: Standing) -> &'static str {
        match s {
            Standing::Full => "正式党员",
            Standing::Probationary => "预备党员",
            Standing::Observation => "留党察看",
            Standing::Suspended => "权利中止",
        }
    }

    fn committee_role(&self, r: CommitteeRole) -> &'static str {
        match r {
            CommitteeRole::Secretary => "书记",
            CommitteeRole::DeputySecretary => "副书记",
            CommitteeRole::Organization => "组织委员",
            CommitteeRole::Propaganda => "宣传委员",
            CommitteeRole::Discipline => "纪检委员",
            CommitteeRole::Member => "委员",
        }
    }

    fn exclusion(&self, c: ExclusionCategory) -> &'static str {
        match c {
            ExclusionCategory::Illness => "因病不能表达本人意志",
            ExclusionCategory::AbroadPrivate => "自费出国半年以上",
            ExclusionCategory::ServingSentence => "正在服刑",
            ExclusionCategory::Bedridden => "年老体弱卧床不起或长期不能自理",
            ExclusionCategory::AwayWorkStudy => "外出工作学习六个月以上且组织关系未转移",
        }
    }

    fn status(&self, s: AttendanceStatus) -> &'static str {
        match s {
            AttendanceStatus::Present => "出席",
            AttendanceStatus::Late => "迟到",
            AttendanceStatus::Excused => "请假",
            AttendanceStatus::Absent => "缺席",
        }
    }

    fn excuse(&self, r: ExcuseReason) -> &'static str {
        match r {
            ExcuseReason::Sick => "病假",
            ExcuseReason::Personal => "事假",
            ExcuseReason::Travel => "出差/学习培训",
            ExcuseReason::Other => "其他",
        }
    }

    fn item_type(&self, t: ItemType) -> &'static str {
        match t {
            ItemType::Ordinary => "一般事项",
            ItemType::Admission => "接收预备党员",
            ItemType::FullMembership => "预备党员转正",
            ItemType::ProbationExtension => "延长预备期",
            ItemType::ProbationCancellation => "取消预备党员资格",
            ItemType::Activist => "确定入党积极分子",
            ItemType::DevelopmentCandidate => "确定发展对象",
            ItemType::Discipline => "党纪处分",
            ItemType::Appraisal => "民主评议党员",
        }
    }

    fn item_stage(&self, s: ItemStage) -> &'static str {
        match s {
            ItemStage::Proposal => "党组织提议",
            ItemStage::Consultation => "两委商议",
            ItemStage::AssemblyReview => "党员大会审议",
            ItemStage::ResidentsResolution => "村（居）民（代表）会议决议",
            ItemStage::DecisionPublished => "决议公开",
            ItemStage::ResultPublished => "实施结果公开",
        }
    }

    fn item_source(&self, s: ItemSource) -> &'static str {
        match s {
            ItemSource::MembersSuggestion => "党员建议",
            ItemSource::ResidentsSuggestion => "群众建议",
            ItemSource::CadresProposal => "干部提出",
            ItemSource::SuperiorAssignment => "上级交办",
            ItemSource::Other => "其他",
        }
    }

    fn method(&self, m: VoteMethod) -> &'static str {
        match m {
            VoteMethod::ShowOfHands => "举手表决",
            VoteMethod::SecretBallot => "无记名投票",
            VoteMethod::Voice => "口头表决",
            VoteMethod::RollCall => "记名表决",
        }
    }

    fn outcome(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => "通过",
            Outcome::Failed => "未通过",
            Outcome::NoQuorum => "不足法定人数",
            Outcome::Deferred => "暂缓表决",
        }
    }

    fn opinion(&self, o: Opinion) -> &'static str {
        match o {
            Opinion::Yes => "同意",
            Opinion::No => "不同意",
            Opinion::Abstain => "弃权",
        }
    }

    fn rule(&self, r: Rule) -> String {
        let text = match r {
            Rule::AssemblyOrdinary => {
                "党员大会：到会有表决权党员超过应到半数，赞成超过应到有表决权党员半数"
            }
            Rule::CommitteeOrdinary => "支委会：到会委员超过半数，赞成超过委员半数",
            Rule::Membership => "发展党员：无记名投票，赞成（含书面意见）超过应到有表决权党员半数",
        };
        format!("{text}（{}）", r.citation())
    }

    fn colon(&self) -> &'static str {
        "："
    }

    fn stage_kind(&self, k: StageKind) -> &'static str {
        match k {
            StageKind::CheckIn => "签到",
            StageKind::Study => "学习",
            StageKind::Items => "议题",
            StageKind::Activity => "活动",
            StageKind::WrapUp => "总结",
        }
    }

    fn vote_error(&self, e: &VoteError) -> String {
        match e {
            VoteError::CountsExceedPresent { total, present } => {
                format!("赞成、反对、弃权合计 {total}，超过到会有表决权党员 {present} 人")
            }
            VoteError::SecretBallotRequired => {
                "发展党员事项须采用无记名投票（细则 第二十条）".to_owned()
            }
            VoteError::WrittenNotAllowed => "只有发展党员事项计入书面意见".to_owned(),
            VoteError::WrittenFromIneligible(n) => {
                format!("{n} 不是缺席的正式党员，其书面意见不能计入")
            }
            VoteError::WrittenDuplicate(n) => format!("{n} 有两份书面意见"),
            VoteError::DisciplineNeedsAssembly => {
                "党纪处分须由支部党员大会讨论决定（党章 第四十条）".to_owned()
            }
            VoteError::AppraisalIsNotVoted => {
                "民主评议党员不进行表决：记录测评结果和支部评定的等次".to_owned()
            }
            VoteError::MembershipNeedsAssembly => {
                "发展党员事项须由支部党员大会讨论表决（细则 第二十条）".to_owned()
            }
            VoteError::BallotsWithoutSecretBallot => "只有无记名投票才有选票统计".to_owned(),
            VoteError::IssuedExceedsPresent { issued, present } => {
                format!("发出选票 {issued} 张，多于到会有表决权党员 {present} 人")
            }
            VoteError::ReturnedExceedsIssued { returned, issued } => {
                format!("收回选票 {returned} 张，多于发出的 {issued} 张：此次投票无效，应重新投票")
            }
            VoteError::ReturnedMismatch {
                returned,
                valid,
                invalid,
            } => {
                format!("有效票 {valid} 张加无效票 {invalid} 张，不等于收回的 {returned} 张")
            }
            VoteError::ValidMismatch { counted, valid } => {
                format!("赞成、反对、弃权合计 {counted}，不等于有效票 {valid} 张")
            }
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::TooLarge { bytes } => {
                format!("文件有 {bytes} 字节，超过 16 MiB 上限；会议记录文件不应这么大")
            }
            Problem::NotUtf8 { line, column } => {
                format!("第 {line} 行第 {column} 列不是 UTF-8 编码；请以 UTF-8 保存")
            }
            Problem::Syntax {
                line,
                column,
                message,
            } => {
                format!(
                    "第 {line} 行第 {column} 列 JSON 语法错误：{}",
                    super::serde_zh::serde_zh(message)
                )
            }
            Problem::NotAnObject => "顶层不是 JSON 对象，不是会议记录文件".into(),
            Problem::WrongFormat { found } => {
                format!("format 应为 \"branchday.minutes\"，实为 {found}；这不是会议记录文件")
            }
            Problem::UnsupportedVersion { found } => {
                format!("不支持的版本 {found}；本程序读取第 {} 版", versions("、"))
            }
            Problem::Schema { path, message } => {
                format!(
                    "字段 {path} 不符合格式：{}",
                    super::serde_zh::serde_zh(message)
                )
            }
            Problem::NotCanonicalizable { message } => {
                format!("无法计算规范摘要：{message}")
            }
            Problem::UnknownIntegrity => "integrity 应为 sha256 + RFC8785".into(),
            Problem::DigestMismatch { recorded, computed } => {
                format!("摘要不符：文件记录 {recorded}，内容计算为 {computed}；文件在定稿后被改动")
            }
            Problem::DuplicateMember { id } => {
                format!("出勤名单中党员 {id} 出现两次")
            }
            Problem::EndsBeforeStart => "结束时间早于开始时间".into(),
            Problem::CountMismatch {
                field,
                recorded,
                computed,
            } => {
                format!("counts.{field} 记为 {recorded}，出勤名单计算为 {computed}")
            }
            Problem::ExclusionInconsistent { name } => {
                format!("{name}：不计入应到会须注明类别和批准文号，计入者不应有此项")
            }
            Problem::ExclusionWithoutApproval { name } => {
                format!(
                    "{name}：不计入应到会，但未注明上级批准文号；请补上批准文号，或将其计入应到会"
                )
            }
            Problem::FrozenSettingsDiffer {
                item,
                setting,
                recorded,
                declared,
            } => {
                format!(
                    "议题 {item}：表决时采用的 {setting} 为 {recorded}，与本记录声明（按规则应为 {declared}）不符"
                )
            }
            Problem::VoteInKindWithoutVotes { item } => {
                format!("议题 {item}：此类会议不进行表决")
            }
            Problem::VoteBodyWrong { item } => {
                format!("议题 {item}：表决机构与会议类型不符")
            }
            Problem::VoteRejected { item, error } => {
                format!("议题 {item}：{}", self.vote_error(error))
            }
            Problem::NotSecretBallot { item } => {
                format!("议题 {item}：发展党员事项未采用无记名投票（细则 第二十条）")
            }
            Problem::RuleMismatch {
                item,
                recorded,
                expected,
            } => {
                format!("议题 {item}：记录的规则 {recorded} 与应适用的规则 {expected} 不符")
            }
            Problem::ExpectedMismatch {
                item,
                recorded,
                computed,
            } => {
                format!("议题 {item}：应到有表决权党员记为 {recorded}，出勤名单为 {computed}")
            }
            Problem::PresentExceedsCheckIns {
                item,
                recorded,
                computed,
            } => {
                format!("议题 {item}：到会有表决权党员记为 {recorded}，表决前签到的只有 {computed}")
            }
            Problem::PresentBelowCheckIns {
                item,
                recorded,
                computed,
            } => {
                format!(
                    "议题 {item}：到会有表决权党员记为 {recorded}，少于表决前签到的 {computed}（有人提前离场？）"
                )
            }
            Problem::WrittenFromPresent { item, name } => {
                format!("议题 {item}：{name} 到会，其书面意见不应计入")
            }
            Problem::QuorumMismatch {
                item,
                recorded,
                computed,
            } => {
                format!("议题 {item}：记录的法定人数结论 {recorded} 与规则计算 {computed} 不符")
            }
            Problem::ThresholdMismatch {
                item,
                recorded,
                computed,
            } => {
                format!("议题 {item}：通过所需赞成票记为 {recorded}，规则为 {computed}")
            }
            Problem::OutcomeContradicts {
                item,
                recorded,
                computed,
            } => {
                format!(
                    "议题 {item}：记录结果为“{}”，按规则应为“{}”",
                    self.outcome(*recorded),
                    self.outcome(*computed)
                )
            }
            Problem::ActionItemMissing { action, item } => {
                format!("待办 {action} 指向不存在的议题 {item}")
            }
            Problem::MissingPlace => "缺少会议地点".into(),
            Problem::MissingChair => "缺少主持人".into(),
            Problem::MissingRecorder => "缺少记录人".into(),
            Problem::NoAgenda => "缺少会议议程".into(),
            Problem::NoAttendance => "出勤名单为空".into(),
            Problem::ExcusedWithoutReason { name } => {
                format!("{name} 请假但未注明原因")
            }
            Problem::AbsentWithoutReason { name } => {
                format!("{name} 缺席，未注明原因")
            }
            Problem::DecisionWithoutFollowUp { item } => {
                format!("议题 {item} 已通过，但没有落实人和期限")
            }
            Problem::V2FieldInV1 { field } => {
                format!("{field} 是第 2 版格式才有的字段，而文件自称第 1 版；文件被改动过")
            }
            Problem::Unsigned => "未签名：无法确认来自哪个支部（第 2 版记录应有支部签名）".into(),
            Problem::BadSignature(p) => self.signature_problem(p),
            Problem::UnknownSigner { fingerprint } => {
                format!(
                    "已签名（密钥 {fingerprint}），但未核对签名人；请加 --trust 信任名单文件（或设 BRANCHDAY_TRUST）"
                )
            }
            Problem::UntrustedSigner {
                fingerprint,
                branch,
            } => {
                format!(
                    "签名密钥 {fingerprint} 不在信任名单中支部 {branch} 的密钥之列；记录可能不是该支部所出"
                )
            }
            Problem::SignerOutsideValidity { fingerprint, line } => {
                format!("签名密钥 {fingerprint} 在定稿时不在信任名单第 {line} 行所写的有效期内")
            }
            Problem::UnsignedUnderTrust => {
                "未签名：核对信任名单时，第 2 版记录必须有支部签名".into()
            }
            Problem::StandingRoundWrong { item } => {
                format!("议题 {item}：vote 应为最后一轮未作废的表决")
            }
            Problem::AnnulledWithoutReason { item, round } => {
                format!("议题 {item}：第 {round} 轮表决作废，但没有写明原因")
            }
            Problem::RoundsOutOfOrder { item } => {
                format!("议题 {item}：各轮表决的时间先后不对")
            }
            Problem::LeftInconsistent { name } => {
                format!("{name}：早退时间与出勤不符（未到会、早于签到或晚于散会）")
            }
            Problem::LeftWithoutReason { name } => {
                format!("{name}：早退，未写明原因")
            }
            Problem::DeferredWithCounts { item } => {
                format!("议题 {item}：暂缓表决不是表决，不应记录票数")
            }
            Problem::DeferredWithoutReason { item } => {
                format!("议题 {item}：暂缓表决应写明原因")
            }
            Problem::AppraisalVoted { item } => {
                format!("议题 {item}：民主评议党员不进行表决，只记录测评结果和评定等次")
            }
            Problem::GradeWithoutAppraisal { item } => {
                format!("议题 {item}：不是民主评议党员，却记有评定等次")
            }
            Problem::BallotsMissing { item } => {
                format!("议题 {item}：无记名投票未记录发出、收回、有效、无效票数")
            }
            Problem::NoScrutineer { item } => {
                format!("议题 {item}：无记名投票未记录监票人或计票人")
            }
            Problem::DuplicateCopy { of } => {
                format!("与 {of} 是同一份记录（编号和内容相同）：统计和报送只算一次")
            }
            Problem::IdConflict { with } => {
                format!("冲突：与 {with} 编号相同但内容不同；请向报送单位核实哪一份为准")
            }
            Problem::CorrectionWithoutReason => "更正件未写明更正原因".into(),
        }
    }

    fn severity(&self, s: crate::minutes::Severity) -> &'static str {
        match s {
            crate::minutes::Severity::Error => "错误",
            crate::minutes::Severity::Warning => "警告",
        }
    }

    // ---- reliability ----

    fn unsaved_on_leave(
        &self,
        pending: usize,
        copy: Option<&std::path::Path>,
        quit_key: &str,
    ) -> String {
        match copy {
            Some(path) => {
                let p = crate::sanitize::path(path);
                format!(
                    "{pending} 条未能写入草稿，完整副本已保存到 {p}；磁盘恢复后自动保存。再按 {quit_key} 退出程序"
                )
            }
            None => {
                format!(
                    "{pending} 条未能保存，且没有可写入副本的位置；现在退出会丢失这些内容。再按 {quit_key} 仍然退出"
                )
            }
        }
    }

    fn save_fault(&self, e: &crate::store::StoreError) -> String {
        use crate::store::StoreError;
        let code = match e {
            StoreError::Io { source, .. } => source.raw_os_error(),
            _ => None,
        };
        match code {
            Some(28 | 122) => "磁盘已满",
            Some(30) => "磁盘只读",
            Some(13 | 1) => "没有写入权限",
            _ => "写入失败",
        }
        .to_owned()
    }

    // ---- review ----

    fn l(&self, l: L) -> &'static str {
        match l {
            L::AppTitle => "会议记录审阅",
            L::Colon => "：",
            L::ListSep => "、",
            L::All => "全部",
            L::Search => "搜索",
            L::Month => "月份",
            L::Sort => "排序",
            L::NoFiles => "没有找到会议记录文件",
            L::HelpTitle => "按键",
            L::SearchPrompt => "搜索（支部、主题、标题、文件名、编号、日期）",
            L::MonthPrompt => "月份（如 2026-03，留空为全部）",
            L::MonthInvalid => "请按“年-月”输入，如 2026-03",
            L::Reviewer => "审阅人",
            L::Comment => "意见",
            L::CannotApproveInvalid => {
                "此文件未通过校验（或签名不符、被改动），不能通过；可以退回，写明原因"
            }
            L::NoIdToReview => {
                "这个文件无法读取（不是普通文件或没有读取权限），无法记录审阅意见；请让报送单位重新报送"
            }
            L::ReviewerRequired => "请填写审阅人姓名",
            L::CommentRequired => "退回时请写明原因，以便支部修改",
            L::Status => "状态",
            L::Review => "审阅",
            L::File => "文件",
            L::Findings => "检查结果",
            L::NoFindings => "✓ 未发现问题",
            L::Digest => "摘要",
            L::Signature => "签名",
            L::DigestVerified => "✓ 与定稿时一致（摘要只能发现意外损坏，不能证明来源）",
            L::DigestDiffers => "✗ 不一致：文件在定稿后被改动",
            L::DigestUnknown => "无法计算摘要",
            L::NotLoaded => "不在已打开的文件中",
            L::Supersedes => "更正的是",
            L::LeftEarly => "早退",
            L::NotCounted => "不计入应到",
            L::CorrectionOf => "更正对照",
            L::OriginalReview => "原件审阅",
            L::CorrectionReason => "更正原因",
            L::Changes => "改动",
            L::NoChanges => "与原件相比没有改动",
            L::ChangeField => "项目",
            L::Original => "原件",
            L::Correction => "更正件",
            L::FollowUp => "督办",
            L::NothingToApprove => {
                "列表中没有可以通过的文件（只有未审阅、校验通过且未被更正的文件可以批量通过）"
            }
            L::SupersededBy => "已被更正，见",
            L::Meeting => "会议",
            L::Id => "编号",
            L::Branch => "支部",
            L::Kind => "类型",
            L::Title => "名称",
            L::Theme => "主题",
            L::Place => "地点",
            L::Group => "党小组",
            L::Chair => "主持人",
            L::DelegatedBy => "受托于",
            L::Recorder => "记录人",
            L::Started => "开始",
            L::Ended => "结束",
            L::Finalized => "定稿",
            L::Counts => "人数",
            L::Expected => "应到",
            L::Present => "实到",
            L::Rate => "到会率",
            L::Attendance => "出勤",
            L::Approver => "批准人",
            L::NoReason => "未注明原因",
            L::Excluded => "不计入应到会",
            L::Guests => "列席",
            L::Agenda => "议程",
            L::Notes => "记录",
            L::Study => "学习",
            L::Presenter => "主讲",
            L::Material => "材料",
            L::Items => "议题",
            L::Item => "议题",
            L::Stage => "阶段",
            L::Source => "来源",
            L::Candidate => "对象",
            L::Discussion => "讨论",
            L::Decision => "决定",
            L::Vote => "表决",
            L::NotVoted => "未表决",
            L::Written => "书面意见",
            L::Denominators => "人数",
            L::Rule => "规则",
            L::ClosedAt => "表决时间",
            L::Outcome => "结果",
            L::Actions => "待办事项",
            L::None => "无",
            L::Owner => "负责人",
            L::Due => "期限",
            L::Summary => "会议小结",
            L::Timeline => "时间线",
            L::Integrity => "完整性",
            L::Algorithm => "算法",
            L::DigestRecorded => "记录的摘要",
            L::DigestComputed => "计算的摘要",
            L::Remarks => "审阅意见",
            L::NoRemarks => "尚无审阅意见",
            L::ExportTitle => "导出会议记录",
            L::Format => "格式",
            L::Path => "保存到",
            L::PathRequired => "请填写保存路径",
            L::CannotExport => "这个文件读不出会议内容，无法导出",
        }
    }

    fn paren(&self, s: &str) -> String {
        format!("（{s}）")
    }

    fn status_label(&self, s: Status) -> &'static str {
        match s {
            Status::Valid => "有效",
            Status::Warnings => "有警告",
            Status::Invalid => "无效",
            Status::Tampered => "被改动",
            Status::Superseded => "已被更正",
            Status::Conflict => "编号冲突",
        }
    }

    fn review_label(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => "未审",
            ReviewState::Approved => "通过",
            ReviewState::Returned => "退回",
            ReviewState::Unreadable => "损坏",
            ReviewState::Changed => "重审",
        }
    }

    fn review_detail(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Changed => "审阅后内容已变，需重新审阅（原结论针对的是另一份内容）",
            other => self.review_label(other),
        }
    }

    fn review_filter_label(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => "未审",
            other => self.review_label(other),
        }
    }

    fn outcome_short(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => "过",
            Outcome::Failed => "否",
            Outcome::NoQuorum => "缺",
            Outcome::Deferred => "缓",
        }
    }

    fn column(&self, c: Column) -> &'static str {
        match c {
            Column::Date => "日期",
            Column::Branch => "支部",
            Column::BranchCode => "支部代码",
            Column::Kind => "类型",
            Column::Theme => "主题",
            Column::Attendance => "实到/应到",
            Column::Rate => "到会率",
            Column::Items => "议题",
            Column::Status => "状态",
            Column::Review => "审阅",
        }
    }

    fn review_action(&self, a: ReviewAction) -> &'static str {
        match a {
            ReviewAction::Up => "上下移动",
            ReviewAction::Down => "下移",
            ReviewAction::PageUp => "上一页",
            ReviewAction::PageDown => "下一页",
            ReviewAction::Top => "到开头",
            ReviewAction::Bottom => "到末尾",
            ReviewAction::Open => "打开",
            ReviewAction::Back => "返回",
            ReviewAction::Quit => "退出",
            ReviewAction::Search => "搜索",
            ReviewAction::Month => "月份",
            ReviewAction::CycleKind => "类型",
            ReviewAction::CycleStatus => "状态",
            ReviewAction::CycleReview => "按审阅情况筛选",
            ReviewAction::ApproveShown => "批量通过所列文件",
            ReviewAction::ClearFilters => "清除筛选",
            ReviewAction::SortNext => "排序",
            ReviewAction::SortPrev => "按前一列排序",
            ReviewAction::SortReverse => "倒序",
            ReviewAction::Approve => "通过",
            ReviewAction::Return => "退回",
            ReviewAction::Export => "导出",
            ReviewAction::Supersedes => "打开被更正的原文件",
            ReviewAction::SupersededBy => "打开更正后的文件",
            ReviewAction::NextFile => "下一个文件",
            ReviewAction::PrevFile => "上一个文件",
            ReviewAction::ToggleLang => "English",
            ReviewAction::Help => "帮助",
        }
    }

    fn prompt_key(&self, k: PromptKey) -> &'static str {
        match k {
            PromptKey::Submit => "确定",
            PromptKey::Cancel => "取消",
            PromptKey::NextField => "切换",
            PromptKey::Format => "换格式",
            PromptKey::Newline => "换行",
        }
    }

    fn remark_title(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Approved => "审阅通过",
            Verdict::Returned => "退回修改",
        }
    }

    fn batch_title(&self, n: usize) -> String {
        format!("批量通过 {n} 个文件")
    }

    fn batch_scope(&self, n: usize, skipped: usize) -> String {
        match skipped {
            0 => format!("列表中的 {n} 个文件全部通过"),
            _ => {
                format!(
                    "列表中的 {n} 个文件；另有 {skipped} 个无效、已被更正或已审阅的文件不在其内"
                )
            }
        }
    }

    fn batch_approved(&self, n: usize) -> String {
        format!("已记录：{n} 个文件审阅通过")
    }

    fn batch_stopped(&self, saved: usize, total: usize, message: &str) -> String {
        format!("已通过 {saved} / {total} 个文件后停止：{message}")
    }

    fn remark_saved(&self, v: Verdict) -> String {
        match v {
            Verdict::Approved => "已记录：审阅通过".to_owned(),
            Verdict::Returned => "已记录：退回修改".to_owned(),
        }
    }

    fn exported(&self, path: &str) -> String {
        format!("已导出：{path}")
    }

    fn remark_error(&self, e: &RemarkError) -> String {
        match e {
            RemarkError::Store(s) => self.store_error(s),
            RemarkError::Unreadable { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                format!("{p}：审阅记录无法读取（{m}），未改动；请修复或移走该文件后再记录")
            }
            RemarkError::Busy { path } => {
                let p = sanitize::path(path);
                format!("另一个 branchday 正在写审阅记录（{p}）；请稍后再试")
            }
            RemarkError::Full { path } => {
                let p = sanitize::path(path);
                format!("{p}：审阅记录已达 4 MiB 上限；请先归档旧的审阅意见")
            }
        }
    }

    fn row_error(&self, e: &RowError) -> String {
        match e {
            RowError::Io { kind, os } => {
                let source = os.map_or_else(
                    || std::io::Error::from(*kind),
                    std::io::Error::from_raw_os_error,
                );
                match kind {
                    std::io::ErrorKind::PermissionDenied => {
                        "没有读取权限；请检查文件权限".to_owned()
                    }
                    _ => format!("无法读取（{source}）"),
                }
            }
            RowError::NotRegular => "不是普通文件（管道或设备），未读取".to_owned(),
            RowError::Missing => "路径不存在；请检查拼写".to_owned(),
            RowError::Problem(p) => sanitize::line(&self.problem(p)).into_owned(),
        }
    }

    fn findings_heading(&self, findings: &[Finding]) -> String {
        let findings: Vec<&Finding> = findings
            .iter()
            .filter(|f| !f.problem.is_signature_status())
            .collect();
        let e = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let w = findings.len() - e;
        format!("检查结果（{e} 个错误，{w} 个警告）")
    }

    fn duration(&self, seconds: u64) -> String {
        let (m, s) = (seconds / 60, seconds % 60);
        match (m, s) {
            (0, s) => format!("{s} 秒"),
            (m, 0) => format!("{m} 分钟"),
            (m, s) => format!("{m} 分 {s} 秒"),
        }
    }

    fn planned_actual(&self, planned: u64, actual: u64) -> String {
        format!(
            "计划 {}，实际 {}",
            self.duration(planned),
            self.duration(actual)
        )
    }

    fn split_count(&self, total: u32, full: u32, probationary: u32) -> String {
        format!("{total} 人（正式党员 {full}，预备党员 {probationary}）")
    }

    fn yes_no_abstain(&self, yes: u32, no: u32, abstain: u32) -> String {
        format!("赞成 {yes}，反对 {no}，弃权 {abstain}")
    }

    fn denominators(&self, expected: u32, present: u32, quorum: bool, yes_needed: u32) -> String {
        let q = if quorum {
            "已达法定人数"
        } else {
            "未达法定人数"
        };
        format!("应到有表决权 {expected}，到会有表决权 {present}，{q}，通过需赞成 {yes_needed}")
    }

    fn timeline_event(&self, e: TimelineEvent) -> &'static str {
        match e {
            TimelineEvent::StageStarted => "进入环节",
            TimelineEvent::CheckedIn => "签到",
            TimelineEvent::AttendanceCleared => "撤销签到",
            TimelineEvent::GuestAdded => "列席",
            TimelineEvent::VoteClosed => "表决",
            TimelineEvent::Ended => "散会",
            TimelineEvent::Left => "早退",
            TimelineEvent::VoteAnnulled => "表决作废",
            TimelineEvent::Appraised => "评定等次",
        }
    }

    fn loading(&self, done: usize, total: usize) -> String {
        format!("读取中 {done}/{total}")
    }

    fn files_total(&self, total: usize) -> String {
        format!("共 {total} 个文件")
    }

    fn shown(&self, shown: usize, total: usize) -> String {
        format!("显示 {shown}/{total}")
    }

    fn review_no_match(&self, key: &str) -> String {
        format!("没有符合筛选条件的文件；按 {key} 清除筛选")
    }

    fn copies_label(&self, n: usize) -> String {
        format!("副本（{n} 份）")
    }

    // ---- room ----

    fn form_ballots_issued(&self) -> &'static str {
        "发出选票"
    }

    fn form_ballots_returned(&self) -> &'static str {
        "收回选票"
    }

    fn form_ballots_valid(&self) -> &'static str {
        "有效票"
    }

    fn form_ballots_invalid(&self) -> &'static str {
        "无效票"
    }

    fn form_scrutineer(&self, n: usize) -> String {
        format!("监票人 {n}")
    }

    fn form_counter(&self) -> &'static str {
        "计票人"
    }

    fn form_ballot_people_required(&self) -> &'static str {
        "无记名投票请填写监票人和计票人"
    }

    fn confirm_vote_title(&self, item: &str) -> String {
        format!("确认结束表决 · {item}")
    }

    fn confirm_vote_question(&self) -> &'static str {
        "结束本轮表决"
    }

    fn confirm_vote_note(&self) -> &'static str {
        "结束后本轮结果固定；录入有误时可作废本轮并重新表决，作废的一轮仍留在记录中"
    }

    fn annul_title(&self, round: usize, item: &str) -> String {
        format!("作废第 {round} 轮表决 · {item}")
    }

    fn annul_reason_label(&self) -> &'static str {
        "作废原因"
    }

    fn annul_reason_required(&self) -> String {
        "请写明作废原因：作废的一轮仍留在记录中，原因一并写入".to_owned()
    }

    fn annul_note(&self, key: &str) -> String {
        format!("作废后按 {key} 重新表决")
    }

    fn vote_stands(&self, key: &str) -> String {
        format!("本议题已有表决结果；如录入有误，按 {key} 作废本轮后重新表决")
    }

    fn nothing_to_annul(&self) -> &'static str {
        "本议题没有可作废的表决"
    }

    fn round_heading(&self, n: usize, annulled: Option<&str>) -> String {
        match annulled {
            None => format!("—— 第 {n} 轮 ——"),
            Some(why) => format!("—— 第 {n} 轮（已作废：{why}）——"),
        }
    }

    fn items_vote_again(&self, key: &str) -> String {
        format!("可再次表决（{key}）")
    }

    fn leave_title(&self, name: &str) -> String {
        format!("早退 · {name}")
    }

    fn leave_time_label(&self) -> &'static str {
        "离会时间（时:分）"
    }

    fn leave_reason_label(&self) -> &'static str {
        "早退原因"
    }

    fn leave_reason_required(&self) -> String {
        "请写明早退原因".to_owned()
    }

    fn leave_time_bad(&self) -> String {
        "离会时间请写成 时:分，例如 15:40".to_owned()
    }

    fn leave_time_before_arrival(&self, arrived: &str) -> String {
        format!("离会时间早于签到时间 {arrived}")
    }

    fn leave_time_future(&self) -> String {
        "离会时间晚于现在".to_owned()
    }

    fn leave_note(&self) -> &'static str {
        "离会后不计入此后各轮表决的实到人数"
    }

    fn not_here(&self, name: &str) -> String {
        format!("{name} 不在会场，不能记早退")
    }

    fn left_badge(&self, time: &str) -> String {
        format!("早退 {time}")
    }

    fn undid(
        &self,
        name: &str,
        from: Option<AttendanceStatus>,
        to: Option<AttendanceStatus>,
    ) -> String {
        let word =
            |s: Option<AttendanceStatus>| s.map_or(self.checkin_not_yet(), |s| self.status(s));
        let (from, to) = (word(from), word(to));
        format!("已撤销：{name} {from} → {to}")
    }

    fn all_present_title(&self) -> &'static str {
        "其余全部出席"
    }

    fn all_present_question(&self, n: usize) -> String {
        format!("将尚未签到的 {n} 人记为出席")
    }

    fn everyone_marked(&self) -> &'static str {
        "所有人员均已签到"
    }

    fn remove_guest_title(&self) -> &'static str {
        "移除列席人员"
    }

    fn edit_guest_title(&self) -> &'static str {
        "修改列席人员"
    }

    fn guest_position_label(&self) -> &'static str {
        "排列位置"
    }

    fn guest_position(&self, n: usize) -> String {
        format!("第 {n} 位")
    }

    fn guest_label(&self) -> &'static str {
        "列席人员"
    }

    fn no_guests(&self) -> &'static str {
        "没有列席人员"
    }

    fn outside_roster(&self) -> &'static str {
        "（名册外）"
    }

    fn remove_title(&self, what: &str) -> String {
        format!("删除 · {what}")
    }

    fn remove_question(&self) -> &'static str {
        "确认删除"
    }

    fn remove_note(&self) -> &'static str {
        "删除记入会议日志；其讨论记录一并删除"
    }

    fn marked_late(&self, key: &str) -> String {
        format!("会议已开始，记为迟到；按时到会的请按 {key} 记为出席")
    }

    fn not_started(&self, key: &str) -> String {
        format!("未开始（{key} 开始会议）")
    }

    fn grade(&self, g: crate::domain::Grade) -> &'static str {
        use crate::domain::Grade;
        match g {
            Grade::Excellent => "优秀",
            Grade::Qualified => "合格",
            Grade::BasicallyQualified => "基本合格",
            Grade::Unqualified => "不合格",
        }
    }

    fn appraisal_title(&self, who: &str) -> String {
        format!("民主评议党员 · {who}")
    }

    fn grade_label(&self) -> &'static str {
        "评定等次"
    }

    fn tally_label(&self, g: crate::domain::Grade) -> String {
        format!("测评“{}”票数", self.grade(g))
    }

    fn appraisal_note(&self) -> &'static str {
        "民主评议不进行多数表决：记录测评票数（如有）和支部评定的等次"
    }

    fn tallies_exceed(&self, total: u32, present: u32) -> String {
        format!("测评票数合计 {total}，超过到会党员 {present} 人")
    }

    fn appraisal_value(&self, a: &crate::domain::Appraisal) -> String {
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
        .join("，");
        format!("{grade}（测评：{parts}）")
    }

    fn item_type_note(&self, t: crate::domain::ItemType) -> Option<&'static str> {
        use crate::domain::ItemType;
        match t {
            ItemType::Activist => Some(
                "由支委会确定（未设支委会的由支部大会确定），推荐方式记入“来源”（细则 第九条）",
            ),
            ItemType::DevelopmentCandidate => Some(
                "由支委会确定，事先听取党小组、培养联系人、党员和群众意见，报基层党委备案（细则 第十三、十四条）",
            ),
            ItemType::Discipline => Some(
                "由支部大会讨论决定，报基层党委批准后生效；记录注明“待上级批准”（党章 第四十条）",
            ),
            ItemType::Appraisal => Some(self.appraisal_note()),
            _ => None,
        }
    }

    fn meeting_counts_short(&self, c: &crate::domain::record::Counts) -> String {
        format!("│ 应到 {} 实到 {}", c.expected_total, c.present_total)
    }

    fn confirm_vote_options(&self) -> Vec<String> {
        Vec::from(["返回修改".to_owned(), "确认，结束表决".to_owned()])
    }

    fn cancel_or_confirm(&self) -> Vec<String> {
        Vec::from(["取消".to_owned(), "确认".to_owned()])
    }

    // ---- roster ----

    fn roster_field(&self, f: Field) -> &'static str {
        match f {
            Field::Name => "姓名",
            Field::Id => "编号",
            Field::Standing => "类别",
            Field::Group => "党小组",
            Field::Role => "职务",
            Field::Exclusion => "不计入应到会类别",
            Field::ApprovalRef => "批准文号",
            Field::Joined => "入党时间",
            Field::Confirmed => "转正时间",
        }
    }

    fn roster_file_error(&self, e: &FileError) -> String {
        match e {
            FileError::Empty => {
                "文件是空的；请导出含表头和党员的名册".into()
            }
            FileError::NotUtf8 { line } => {
                format!(
                    "第 {line} 行起既不是 UTF-8 也不是 GBK/GB18030 编码；请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”，或直接导入 .xlsx 文件"
                )
            }
            FileError::Utf16 => {
                "这个 UTF-16 的“Unicode 文本”中有无效字符；请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”"
                    .into()
            }
            FileError::Binary { line } => {
                format!(
                    "第 {line} 行含有二进制数据，不是文本 CSV 文件；请确认选对了文件"
                )
            }
            FileError::ZipInCsv => {
                "文件内容是 Excel 工作簿（.xlsx），扩展名却是 .csv；请把扩展名改为 .xlsx"
                    .into()
            }
            FileError::OldExcel => {
                "这是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 中另存为 .xlsx 或“CSV UTF-8（逗号分隔）”"
                    .into()
            }
            FileError::NotXlsx => {
                "不是 .xlsx 工作簿（不是 zip 格式）；如果是 CSV，请把扩展名改为 .csv"
                    .into()
            }
            FileError::Xlsx { message } => {
                format!(
                    "无法读取 .xlsx 工作簿（{}）；请在 Excel 中重新保存后再试",
                    crate ::sanitize::line(message)
                )
            }
            FileError::XlsxTooLarge => {
                "工作簿解压后过大，不像党员名册；请只保留名册工作表后再导入"
                    .into()
            }
            FileError::Csv { line, message } => {
                let m = crate::sanitize::line(message);
                match line {
                    Some(l) => {
                        format!(
                            "第 {l} 行 CSV 格式错误（{m}）；请检查引号是否成对"
                        )
                    }
                    None => format!("CSV 格式错误（{m}）"),
                }
            }
            FileError::TooManyRows => {
                format!(
                    "超过 {MAX_ROWS} 行，不像一个党支部的名册；请确认选对了文件"
                )
            }
            FileError::TooManyColumns { line } => {
                format!(
                    "第 {line} 行超过 {MAX_COLUMNS} 列，不像党员名册；请删去多余的列"
                )
            }
            FileError::NoHeader => {
                "找不到表头：前 20 行中没有“姓名”列；表头可用 姓名、编号、类别、党小组、职务、不计入应到会类别、批准文号（或 name, id, standing, group, committee_role, exclusion, approval_ref）"
                    .into()
            }
            FileError::DuplicateColumn { line, field } => {
                format!(
                    "第 {line} 行表头中“{}”列出现两次；请删去一列",
                    self.roster_field(* field)
                )
            }
            FileError::NoSuchSheet { wanted, sheets } => {
                self.roster_no_such_sheet(wanted, sheets)
            }
            FileError::NoHeaderInSheet { sheet } => self.roster_no_header_in_sheet(sheet),
            FileError::NoMembers => {
                "表头下面没有党员；请填写名册后再导入".into()
            }
        }
    }

    fn roster_row_problem(&self, p: &RowProblem) -> String {
        match p {
            RowProblem::MissingName => "缺少姓名".into(),
            RowProblem::MissingStanding => {
                "缺少类别（正式党员、预备党员、留党察看或权利中止）".into()
            }
            RowProblem::UnknownStanding(v) => {
                format!("类别“{v}”无法识别；应为 正式党员、预备党员、留党察看 或 权利中止")
            }
            RowProblem::UnknownRole(v) => {
                format!(
                    "职务“{v}”无法识别；应为 书记、副书记、组织委员、宣传委员、纪检委员、委员，党小组的 组长、副组长，或留空"
                )
            }
            RowProblem::UnknownExclusion(v) => {
                format!("不计入应到会类别“{v}”无法识别；应为 1–5 或其文字，或留空")
            }
            RowProblem::ExclusionWithoutApproval => {
                "不计入应到会须有上级党组织批准，请填写批准文号".into()
            }
            RowProblem::ApprovalWithoutExclusion => "填写了批准文号，却没有不计入应到会类别".into(),
            RowProblem::DuplicateId { id, first_line } => {
                format!("编号 {id} 与第 {first_line} 行重复")
            }
            RowProblem::BadId(id) => format!("编号“{id}”含有空格"),
            RowProblem::Formula(f) => {
                format!(
                    "{}以 = + @ 或 - 开头，像是表格公式；请填写纯文本",
                    self.roster_field(*f)
                )
            }
            RowProblem::Control(f) => {
                format!(
                    "{}含有控制字符、换行或方向控制符；请删去",
                    self.roster_field(*f)
                )
            }
            RowProblem::CellError(f, v) => {
                format!(
                    "{}是表格错误值 {}；请修正公式或改为纯文本",
                    self.roster_field(*f),
                    crate::sanitize::line(v)
                )
            }
            RowProblem::TooLong(f) => format!("{}过长", self.roster_field(*f)),
            RowProblem::BadDate(f, v) => self.roster_bad_date(*f, v),
            RowProblem::TwoDuties(v) => self.roster_two_duties(v),
        }
    }

    fn roster_rows_failed(&self, path: &str, rows: usize) -> String {
        format!("{path}：{rows} 处错误，名册未写入；请修正后重新导入")
    }

    fn roster_unsupported(&self, path: &str) -> String {
        format!("{path}：只能导入 .csv 或 .xlsx 文件；请在 Excel 中另存为其中一种")
    }

    fn roster_no_branch(&self) -> &'static str {
        "还没有名册，需要党支部名称：请加 --branch 名称（可选 --code 编码）"
    }

    fn roster_bad_flag(&self, flag: &str) -> String {
        format!("{flag} 含有控制字符或为空；请改为纯文本")
    }

    fn roster_heading(&self, name: &str, code: &str, n: usize) -> String {
        let code = if code.is_empty() {
            String::new()
        } else {
            format!("（{code}）")
        };
        format!("{name}{code}，共 {n} 名党员")
    }

    fn roster_standing_counts(&self, counts: &[(&'static str, usize)]) -> String {
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{s} {n} 人"))
            .collect::<Vec<_>>()
            .join("，")
    }

    fn roster_columns(&self) -> [&'static str; 6] {
        ["编号", "姓名", "类别", "党小组", "职务", "不计入应到会"]
    }

    fn roster_exclusion_short(&self, x: &Exclusion) -> String {
        format!("第{}类（{}）", x.category.number(), x.approval_ref)
    }

    fn roster_branch_change(&self, old: &str, new: &str) -> String {
        format!("党支部：{old} → {new}")
    }

    fn roster_added(&self, n: usize) -> String {
        format!("新增 {n} 人：")
    }

    fn roster_removed(&self, n: usize) -> String {
        format!("移除 {n} 人（已有会议记录中的姓名不受影响）：")
    }

    fn roster_changed(&self, n: usize) -> String {
        format!("变更 {n} 人：")
    }

    fn roster_unchanged(&self, n: usize) -> String {
        format!("未变 {n} 人。")
    }

    fn roster_ignored_columns(&self, cols: &str) -> String {
        format!("未使用的列：{cols}")
    }

    fn roster_repeated_names(&self, names: &str) -> String {
        format!("注意：同名党员 {names}；请确认不是重复录入")
    }

    fn roster_no_changes(&self) -> &'static str {
        "名册没有变化，未写入。"
    }

    fn roster_dry_run(&self) -> &'static str {
        "试运行：未写入任何内容。"
    }

    fn roster_confirm(&self) -> &'static str {
        "写入? [y/N] "
    }

    fn roster_declined(&self) -> &'static str {
        "未写入。"
    }

    fn roster_need_yes(&self) -> &'static str {
        "未写入：不在终端中运行，无法确认；确认无误后请加 --yes 重新运行（或用 --dry-run 只看预览）"
    }

    fn roster_written(&self, path: &str, n: usize) -> String {
        format!("已写入 {path}（{n} 名党员）。")
    }

    fn roster_none(&self) -> &'static str {
        "还没有党员名册；请用 branchday roster import 文件 导入"
    }

    fn change_name(&self) -> &'static str {
        "姓名"
    }

    fn change_standing(&self) -> &'static str {
        "类别"
    }

    fn change_group(&self) -> &'static str {
        "党小组"
    }

    fn change_role(&self) -> &'static str {
        "职务"
    }

    fn change_exclusion(&self) -> &'static str {
        "不计入应到会"
    }

    fn change_semicolon_sep(&self) -> &'static str {
        "；"
    }

    // ---- roster_import ----

    fn roster_no_such_sheet(&self, wanted: &str, sheets: &[String]) -> String {
        let list = sheets.join(self.export_list_sep());
        format!(
            "工作簿中没有工作表“{wanted}”；可选的工作表：{list}（用 --sheet 名称 或 --sheet 序号）"
        )
    }

    fn roster_no_header_in_sheet(&self, sheet: &str) -> String {
        format!("工作表“{sheet}”前 20 行中没有“姓名”列；请选择名册所在的工作表（--sheet）")
    }

    fn roster_bad_date(&self, f: Field, v: &str) -> String {
        format!(
            "{}“{v}”不是日期；请写成 2020-05-01、2020年5月1日 或 2020.05",
            self.roster_field(f)
        )
    }

    fn roster_two_duties(&self, v: &str) -> String {
        format!("职务“{v}”中有两个支委职务或两个党小组职务；每人最多一个支委职务和一个党小组职务")
    }

    fn roster_encoding(&self, e: TextEncoding) -> String {
        format!("文件编码：{}", e.label())
    }

    fn roster_sheet(&self, name: &str) -> String {
        format!("工作表：{name}")
    }

    fn roster_skip_word(&self, why: Skip) -> &'static str {
        match why {
            Skip::Title => "标题行",
            Skip::Total => "合计行",
            Skip::Footer => "制表人、日期、备注等行",
            Skip::Header => "重复的表头",
        }
    }

    fn roster_skipped(&self, skipped: &[Skipped]) -> String {
        let mut parts = Vec::new();
        for why in [Skip::Title, Skip::Header, Skip::Total, Skip::Footer] {
            let lines: Vec<String> = skipped
                .iter()
                .filter(|s| s.why == why)
                .map(|s| s.line.to_string())
                .collect();
            if lines.is_empty() {
                continue;
            }
            let list = lines.join("、");
            parts.push(format!("{}（第 {list} 行）", self.roster_skip_word(why)));
        }
        format!("已跳过（不是党员）：{}", parts.join("；"))
    }

    fn roster_warning(&self, w: &Warning) -> String {
        let sep = self.export_list_sep();
        let text = match w {
            Warning::TwoSecretaries { names } => {
                format!(
                    "注意：有 {} 人的职务是书记（{}）；一个支部只有一名书记",
                    names.len(),
                    names.join(sep)
                )
            }
            Warning::TwoGroups { name, groups } => {
                format!(
                    "注意：{name} 出现在多个党小组（{}）；一名党员只属于一个党小组，请确认是否重复录入",
                    groups.join(sep)
                )
            }
            Warning::SameName { name, ids } => {
                format!(
                    "注意：同名党员 {name}（编号 {}），按编号分别保存；请确认不是重复录入",
                    ids.join(sep)
                )
            }
            Warning::ProbationEnded {
                name,
                joined,
                ended,
            } => {
                format!(
                    "注意：预备党员 {name} 入党时间 {joined}，预备期已于 {ended} 满一年；请及时讨论其转正"
                )
            }
            Warning::TwoLeaders { group, names } => {
                format!(
                    "注意：{group} 有多名组长或副组长（{}）；按第一位记录",
                    names.join(sep)
                )
            }
        };
        sanitize::line(&text).into_owned()
    }

    fn roster_export_columns(&self) -> [&'static str; 9] {
        [
            "编号",
            "姓名",
            "人员类别",
            "党小组",
            "职务",
            "入党时间",
            "转正时间",
            "不计入应到会类别",
            "批准文号",
        ]
    }

    fn roster_duties_sep(&self) -> &'static str {
        "、"
    }

    fn roster_sheet_name(&self) -> &'static str {
        "党员花名册"
    }

    fn roster_group_leader(&self) -> &'static str {
        "党小组组长"
    }

    fn roster_group_deputy(&self) -> &'static str {
        "党小组副组长"
    }

    fn roster_group_line(&self, g: &crate::domain::Group, r: &crate::domain::Roster) -> String {
        let name_of = |id: &Option<String>| {
            id.as_deref()
                .and_then(|i| r.member(i))
                .map(|m| m.name.clone())
        };
        let n = r
            .members
            .iter()
            .filter(|m| m.group.as_ref() == Some(&g.name))
            .count();
        let leader = name_of(&g.leader).unwrap_or_else(|| self.none_word().to_owned());
        let deputy = name_of(&g.deputy)
            .map(|d| format!("，副组长 {d}"))
            .unwrap_or_default();
        format!("{}：{n} 人，组长 {leader}{deputy}", g.name)
    }

    fn roster_exported(&self, path: &str, n: usize) -> String {
        format!("已导出 {path}（{n} 名党员）。")
    }

    fn roster_export_failed(&self, path: &str, why: &str) -> String {
        format!("{path}：无法生成名册文件（{why}）")
    }

    // ---- roster_screen ----

    fn roster_arrival_label(&self) -> &'static str {
        "来源"
    }

    fn roster_arrival_transfer(&self) -> &'static str {
        "组织关系转入"
    }

    fn roster_arrival_new(&self) -> &'static str {
        "新入党（本支部发展）"
    }

    fn roster_arrival_from(&self) -> &'static str {
        "转出单位"
    }

    fn roster_date_label(&self) -> &'static str {
        "日期"
    }

    fn roster_destination_label(&self) -> &'static str {
        "转往单位"
    }

    fn roster_new_standing(&self) -> &'static str {
        "变更为"
    }

    fn roster_out_since(&self) -> &'static str {
        "失联日期"
    }

    fn roster_suspended_from(&self) -> &'static str {
        "停止党籍日期（如已决定）"
    }

    fn roster_group_place(&self) -> &'static str {
        "党小组职务"
    }

    fn roster_by_label(&self) -> &'static str {
        "经办人"
    }

    fn roster_remarks(&self) -> &'static str {
        "备注"
    }

    fn roster_member_count(&self, n: usize, departed: usize) -> String {
        match departed {
            0 => format!("{n} 人"),
            d => format!("{n} 人，已转出 {d} 人"),
        }
    }

    fn roster_out_of_contact_short(&self, since: NaiveDate) -> String {
        format!("{since} 起失联")
    }

    fn roster_dialog_title(&self, kind: DialogKind, name: &str) -> String {
        match kind {
            DialogKind::Add => "添加党员".into(),
            DialogKind::TransferOut => format!("{name}：组织关系转出"),
            DialogKind::Standing => {
                format!("{name}：变更类别（转正须经支部大会讨论通过）")
            }
            DialogKind::OutOfContact => {
                format!("{name}：失联（半年以上无法联系）")
            }
            DialogKind::Restore => format!("{name}：恢复联系"),
            DialogKind::Exclude => {
                format!("{name}：不计入应到会（须上级批准及党员大会决议）")
            }
            DialogKind::Include => format!("{name}：恢复计入应到会"),
            DialogKind::Place => format!("{name}：党小组与职务"),
        }
    }

    fn roster_bad_text(&self, label: &str) -> String {
        format!("{label}含有控制字符、以公式符号开头或过长（最多 60 字）")
    }

    fn roster_required(&self, label: &str) -> String {
        format!("请填写{label}")
    }

    fn roster_form_bad_date(&self, label: &str, v: &str) -> String {
        format!("{label}“{v}”不是日期；请写成 2026-05-01")
    }

    fn roster_date_in_future(&self) -> &'static str {
        "入党时间不能晚于今天"
    }

    fn roster_change_error(&self, e: &ChangeError) -> String {
        match e {
            ChangeError::NoSuchMember(id) => format!("名册中没有编号 {id}"),
            ChangeError::EmptyName => "请填写姓名".into(),
            ChangeError::IdTaken(id) => format!("编号 {id} 已被使用"),
            ChangeError::EmptyText => "请填写单位或批准文号".into(),
            ChangeError::SameStanding => "类别没有变化；请选择新的类别".into(),
            ChangeError::BeforeJoined => "转正日期早于入党时间；请核对日期".into(),
            ChangeError::NotOutOfContact => "该党员没有失联记录".into(),
            ChangeError::NotExcluded => "该党员本就计入应到会".into(),
            ChangeError::PlaceWithoutGroup => "担任组长或副组长须先填写党小组".into(),
        }
    }

    fn roster_saved(&self) -> &'static str {
        "已保存，并记入名册变更记录。"
    }

    fn roster_import_title(&self) -> &'static str {
        "导入党员花名册（.xlsx 或 .csv）"
    }

    fn roster_import_path(&self) -> &'static str {
        "文件路径"
    }

    fn roster_import_branch(&self) -> &'static str {
        "支部名称"
    }

    fn roster_import_code(&self) -> &'static str {
        "支部代码（可空）"
    }

    fn roster_import_sheet(&self) -> &'static str {
        "工作表（可空）"
    }

    fn roster_import_confirm_hint(&self) -> &'static str {
        "按 y 或 Enter 写入名册；按 Esc 返回修改路径。"
    }

    fn roster_import_preview_title(&self) -> &'static str {
        "导入预览：核对后再写入"
    }

    fn roster_imported(&self, n: usize) -> String {
        format!("已导入 {n} 名党员，并记入名册变更记录。")
    }

    fn home_import_roster(&self) -> &'static str {
        "导入党员花名册（Excel 或 CSV 文件）"
    }

    fn home_no_roster_ways(&self) -> &'static str {
        "尚未导入党员名册。可选“导入党员花名册”并输入文件路径，或选“试用演示支部”先看看。"
    }

    // ---- tui ----

    fn action(&self, a: KeyAction) -> &'static str {
        match a {
            KeyAction::Quit => "退出",
            KeyAction::Help => "帮助",
            KeyAction::Back => "返回",
            KeyAction::Up => "上移",
            KeyAction::Down => "下移",
            KeyAction::Confirm => "确定",
            KeyAction::NextStage => "下一环节",
            KeyAction::PrevStage => "上一环节",
            KeyAction::ShowCheckIn => "查看签到",
            KeyAction::ShowStudy => "查看学习",
            KeyAction::ShowItems => "查看议题",
            KeyAction::ShowWrapUp => "查看总结",
            KeyAction::NewMeeting => "新会议",
            KeyAction::Browse => "会议记录",
            KeyAction::ShowRoster => "名册",
            KeyAction::MarkArrived => "签到",
            KeyAction::StartMeeting => "开始会议",
            KeyAction::MarkPresent => "出席",
            KeyAction::MarkLate => "迟到",
            KeyAction::MarkExcused => "请假",
            KeyAction::MarkAbsent => "缺席",
            KeyAction::Undo => "撤销",
            KeyAction::AddGuest => "列席",
            KeyAction::ClearFilter => "清除筛选",
            KeyAction::MarkLeft => "早退",
            KeyAction::ClearMark => "改回未签到",
            KeyAction::AllPresent => "其余全部出席",
            KeyAction::RemoveGuest => "移除列席人员",
            KeyAction::EditGuest => "修改列席人员",
            KeyAction::AddTopic => "添加专题",
            KeyAction::EditNotes => "记录",
            KeyAction::ToggleTimer => "计时",
            KeyAction::AddItem => "添加议题",
            KeyAction::EditDecision => "决定",
            KeyAction::Vote => "表决",
            KeyAction::AnnulVote => "作废本轮表决",
            KeyAction::AddAction => "添加待办",
            KeyAction::Edit => "修改",
            KeyAction::Remove => "删除",
            KeyAction::MoveUp => "上移一位",
            KeyAction::MoveDown => "下移一位",
            KeyAction::EditSummary => "会议小结",
            KeyAction::EditDetails => "会议信息",
            KeyAction::Finalize => "定稿",
            KeyAction::Export => "导出",
            KeyAction::NextField => "下一项",
            KeyAction::PrevField => "上一项",
            KeyAction::Submit => "提交",
            KeyAction::Left => "左",
            KeyAction::Right => "右",
            KeyAction::AddMember => "添加党员",
            KeyAction::TransferOut => "转出",
            KeyAction::ChangeStanding => "变更类别",
            KeyAction::OutOfContact => "失联",
            KeyAction::ToggleExclusion => "不计入应到会",
            KeyAction::EditPlace => "党小组与职务",
            KeyAction::ImportRoster => "导入名册",
        }
    }

    fn demo_location(&self, dir: &std::path::Path) -> String {
        let p = crate::sanitize::path(dir);
        format!("演示数据在 {p}（可随时删除）")
    }

    fn emergency_copy(&self, path: &std::path::Path) -> String {
        let p = crate::sanitize::path(path);
        format!("部分内容未能写入草稿；完整的应急副本已保存到 {p}")
    }

    fn emergency_failed(&self) -> String {
        "部分内容未能保存，且找不到可写入应急副本的位置；请检查磁盘".to_owned()
    }

    fn templates_error(&self, path: &std::path::Path, message: &str) -> String {
        let p = crate::sanitize::path(path);
        let m = crate::sanitize::line(message);
        format!("{p}：议程模板无法读取（{m}），已使用内置模板；请修正或删除该文件")
    }

    fn app_draft_resumed(&self) -> &'static str {
        "草稿已恢复"
    }

    fn app_correction_finalize_to_save(&self) -> &'static str {
        "更正件：修改后定稿，将另存为新文件并注明所更正的原记录"
    }

    fn help_title(&self, key: &str) -> String {
        format!("按键帮助（{key} 关闭）")
    }

    fn help_saved_note(&self, key: &str) -> String {
        format!("所有操作即时保存；{key} 退出后可在首页继续。")
    }

    fn home_start_new_meeting(&self) -> &'static str {
        "开始新会议"
    }

    fn home_quit(&self) -> &'static str {
        "退出"
    }

    fn home_branchday_branch_meeting_minutes(&self) -> &'static str {
        "branchday · 支部会议记录"
    }

    fn home_demo_mode_data_lives(&self) -> &'static str {
        "演示模式：数据存放在临时目录"
    }

    fn home_breadcrumb(&self) -> &'static str {
        "首页"
    }

    fn picker_no_finalized_minutes_yet(&self) -> &'static str {
        "还没有已定稿的会议记录。"
    }

    fn picker_correction_mark(&self) -> &'static str {
        "（更正件）"
    }

    fn picker_choose_minutes_to_correct(&self) -> &'static str {
        "选择要更正的会议记录（原文件不会改动）"
    }

    fn roster_role(&self) -> &'static str {
        "职务"
    }

    fn roster_not_counted(&self) -> &'static str {
        "不计入应到会"
    }

    fn roster_title(&self) -> &'static str {
        "党员名册"
    }

    fn setup_new_meeting(&self) -> &'static str {
        "新会议"
    }

    fn setup_kind(&self) -> &'static str {
        "会议类型"
    }

    fn setup_agenda_template(&self) -> &'static str {
        "议程模板"
    }

    fn setup_party_group_group_meetings(&self) -> &'static str {
        "党小组（党小组会）"
    }

    fn setup_planned_start_hh_mm(&self) -> &'static str {
        "计划开始（时:分）"
    }

    fn setup_generic_check_in_items(&self) -> &'static str {
        "（通用：签到、议题、总结）"
    }

    fn setup_planned_start_must_look(&self) -> &'static str {
        "计划开始时间格式应为 14:30"
    }

    fn app_import_roster_first(&self) -> &'static str {
        "请先导入党员名册"
    }

    fn home_correct_finalized_minutes(&self) -> &'static str {
        "更正已定稿的会议记录"
    }

    fn home_try_demo_branch_throw(&self) -> &'static str {
        "试用演示支部（临时数据，不影响正式数据）"
    }

    fn home_no_roster_yet_import(&self) -> &'static str {
        "尚未导入党员名册：用 branchday roster import 名册.xlsx 导入，或先试用演示支部。"
    }

    fn setup_please_fill_in_title(&self) -> &'static str {
        "请填写会议名称"
    }

    fn setup_roster_has_no_party(&self) -> &'static str {
        "名册中没有党小组"
    }

    fn home_resume(&self, title: &str, kind: MeetingKind, when: &str) -> String {
        let kind = self.kind(kind);
        format!("继续：{title}（{kind}，最后保存 {when}）")
    }

    fn home_browse(&self, files: usize) -> String {
        format!("浏览会议记录（{files} 份）")
    }

    fn home_roster(&self, members: usize) -> String {
        format!("党员名册（{members} 人）")
    }

    fn setup_default_title(&self, kind: MeetingKind, year: i32, month: u32) -> String {
        let kind = self.kind(kind);
        format!("{year}年{month}月{kind}")
    }

    fn draft_locked(&self, holder: &crate::store::holder::Holder) -> String {
        use crate::store::holder::Holder;
        match holder {
            Holder::InWindow { pid, since } => {
                format!(
                    "这份会议草稿正在另一个 branchday 窗口中打开（进程 {pid}，{since} 起）；请在那个窗口中退出会议（Ctrl+Q）后再继续"
                )
            }
            Holder::NoTerminal { pid, since } => {
                format!(
                    "按 y 接管（其他键取消）：草稿被进程 {pid} 占用，它已没有终端窗口（{since} 起）；接管会让它保存后退出，已保存的内容都在"
                )
            }
            Holder::NotBranchday { pid } => {
                format!(
                    "按 y 接管（其他键取消）：草稿的锁记录的进程 {pid} 已不是 branchday，锁已失效"
                )
            }
            Holder::Unknown => {
                "这份会议草稿正由另一个 branchday 打开；请在那个窗口中退出会议后再继续".to_owned()
            }
        }
    }

    // ---- words ----

    fn none_word(&self) -> &'static str {
        "无"
    }

    fn name_label(&self) -> &'static str {
        "姓名"
    }

    fn standing_label(&self) -> &'static str {
        "类别"
    }

    fn group_label(&self) -> &'static str {
        "党小组"
    }

    fn time_label(&self) -> &'static str {
        "时间"
    }

    fn reason_label(&self) -> &'static str {
        "原因"
    }

    fn presenter_label(&self) -> &'static str {
        "领学人"
    }

    fn type_label(&self) -> &'static str {
        "类型"
    }

    fn source_label(&self) -> &'static str {
        "来源"
    }

    fn meeting_title(&self) -> &'static str {
        "会议名称"
    }

    fn theme_label(&self) -> &'static str {
        "主题"
    }

    fn place_label(&self) -> &'static str {
        "地点"
    }

    fn chair_label(&self) -> &'static str {
        "主持人"
    }

    fn delegated_by_if_any(&self) -> &'static str {
        "受谁委托（如委托主持）"
    }

    fn recorder_label(&self) -> &'static str {
        "记录人"
    }

    fn outcome_label(&self) -> &'static str {
        "结果："
    }

    fn editor_hint(&self, key: &str) -> String {
        format!("{key} 完成（自动保存）")
    }

    fn upload_outcome(&self, o: &crate::upload::Outcome) -> &'static str {
        use crate::upload::Outcome;
        match o {
            Outcome::Delivered => "已送达",
            Outcome::AlreadyThere => "对方已有",
            Outcome::Skipped => "已送过",
            Outcome::WouldSend => "将发送",
            Outcome::Conflict(_) => "冲突",
            Outcome::Failed(_) => "失败",
            Outcome::Invalid(_) => "无效",
            Outcome::Duplicate(_) => "重复",
            Outcome::Returned(_) => "已退回",
        }
    }
}
