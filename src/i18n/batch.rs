//! Messages of the batch commands `stats` and `upload`.

use super::Tr;
use crate::stats::Level;

impl Tr {
    // ---- stats ----

    pub fn stats_bad_month(self, flag: &str, value: &str) -> String {
        let v = crate::sanitize::line(value);
        self.pick(
            format!("{flag} 的值“{v}”不是 YYYY-MM 格式的月份；例如 {flag} 2026-01"),
            format!("{flag} “{v}” is not a month in the form YYYY-MM; for example {flag} 2026-01"),
        )
    }

    pub fn stats_period_reversed(self, from: &str, to: &str) -> String {
        self.pick(
            format!("--from {from} 晚于 --to {to}；请交换两个月份"),
            format!("--from {from} is after --to {to}; swap the two months"),
        )
    }

    pub fn stats_missing(self) -> &'static str {
        self.pick(
            "路径不存在；请检查拼写",
            "no such file or folder; check the path",
        )
    }

    pub fn stats_skipped(self) -> &'static str {
        self.pick("（已跳过）", " (skipped)")
    }

    pub fn stats_summary(
        self,
        files: usize,
        valid: usize,
        invalid: usize,
        meetings: usize,
        dropped: (usize, usize, usize),
    ) -> String {
        let (dup, sup, out) = dropped;
        self.pick(
            format!(
                "共 {files} 个文件：有效 {valid}，无效 {invalid}（已跳过）。计入 {meetings} 次会议；未计入：重复编号 {dup}，已被更正 {sup}，不在统计期间 {out}。"
            ),
            format!(
                "{files} files: {valid} valid, {invalid} invalid (skipped). {meetings} meetings counted; not counted: {dup} duplicate ids, {sup} superseded, {out} outside the period."
            ),
        )
    }

    pub fn stats_period(self, from: Option<String>, to: Option<String>) -> String {
        let open = self.pick("不限", "any");
        let f = from.unwrap_or_else(|| open.to_owned());
        let t = to.unwrap_or_else(|| open.to_owned());
        self.pick(
            format!("统计期间：{f} 至 {t}"),
            format!("Period: {f} to {t}"),
        )
    }

    pub fn stats_h_months(self) -> &'static str {
        self.pick("每月会议次数", "Meetings per month")
    }

    pub fn stats_h_branches(self) -> &'static str {
        self.pick("各支部出席率", "Attendance per branch")
    }

    pub fn stats_h_items(self) -> &'static str {
        self.pick("议题与表决结果", "Items and outcomes")
    }

    pub fn stats_h_members(self) -> &'static str {
        self.pick("党员出席情况", "Attendance per member")
    }

    pub fn stats_h_absence(self) -> &'static str {
        self.pick(
            "连续未参加组织生活的月份（无出席、无批准的请假）",
            "Consecutive months without attendance and without approved leave",
        )
    }

    pub fn stats_absence_note(self) -> &'static str {
        self.pick(
            "以上只是提醒：党章第九条规定，是否作出处理由支部大会讨论决定。满 3 个月提醒，满 6 个月重点提醒。请假月份（均有理由和批准人）不计入也不中断连续月数。",
            "These are reminders only: under 党章 Article 9 the branch assembly (支部大会) decides. 3+ months is a warning, 6+ serious. Months on approved leave (reason and approver recorded) neither count nor break a run.",
        )
    }

    pub fn stats_h_duplicates(self) -> &'static str {
        self.pick(
            "编号重复的文件（只计一次）",
            "Files with the same id (counted once)",
        )
    }

    pub fn stats_h_superseded(self) -> &'static str {
        self.pick(
            "已被更正的文件（以更正件为准）",
            "Superseded files (the correction counts)",
        )
    }

    pub fn stats_none(self) -> &'static str {
        self.pick("（无）", "(none)")
    }

    pub fn stats_col_month(self) -> &'static str {
        self.pick("月份", "Month")
    }

    pub fn stats_col_public(self) -> &'static str {
        self.pick("公开议事议题", "Public items")
    }

    pub fn stats_col_total(self) -> &'static str {
        self.pick("会议合计", "Meetings")
    }

    pub fn stats_col_branch(self) -> &'static str {
        self.pick("支部", "Branch")
    }

    pub fn stats_col_code(self) -> &'static str {
        self.pick("代码", "Code")
    }

    pub fn stats_col_meetings(self) -> &'static str {
        self.pick("会议", "Meetings")
    }

    pub fn stats_col_expected(self) -> &'static str {
        self.pick("应到人次", "Expected")
    }

    pub fn stats_col_attended(self) -> &'static str {
        self.pick("实到人次", "Present")
    }

    pub fn stats_col_excused(self) -> &'static str {
        self.pick("请假", "Excused")
    }

    pub fn stats_col_absent(self) -> &'static str {
        self.pick("缺席", "Absent")
    }

    pub fn stats_col_rate(self) -> &'static str {
        self.pick("出席率", "Rate")
    }

    pub fn stats_col_member(self) -> &'static str {
        self.pick("党员", "Member")
    }

    pub fn stats_col_member_id(self) -> &'static str {
        self.pick("编号", "Id")
    }

    pub fn stats_col_length(self) -> &'static str {
        self.pick("连续月数", "Months")
    }

    pub fn stats_col_level(self) -> &'static str {
        self.pick("提醒级别", "Level")
    }

    pub fn stats_col_months_list(self) -> &'static str {
        self.pick("月份", "Months listed")
    }

    pub fn stats_col_outcome(self) -> &'static str {
        self.pick("结果", "Outcome")
    }

    pub fn stats_col_count(self) -> &'static str {
        self.pick("数量", "Count")
    }

    pub fn stats_not_voted(self) -> &'static str {
        self.pick("未表决", "not voted")
    }

    pub fn stats_items_total(self) -> &'static str {
        self.pick("议题合计", "all items")
    }

    pub fn stats_public_items(self) -> &'static str {
        self.pick(
            "其中公开议事（四议两公开）",
            "of which public deliberation (四议两公开)",
        )
    }

    pub fn stats_level(self, l: Level) -> &'static str {
        match l {
            Level::Warning => self.pick("提醒", "warning"),
            Level::Serious => self.pick("重点提醒", "serious"),
        }
    }

    pub fn stats_ongoing(self) -> &'static str {
        self.pick("（持续至今）", " (ongoing)")
    }

    pub fn stats_duplicate_line(
        self,
        id: &str,
        kept: &str,
        identical: bool,
        dropped: &str,
    ) -> String {
        if identical {
            self.pick(
                format!("{id}：计入 {kept}；相同副本：{dropped}"),
                format!("{id}: counted {kept}; identical copies: {dropped}"),
            )
        } else {
            self.pick(
                format!("{id}：计入最后定稿的 {kept}；内容不同的同编号文件：{dropped}（请核对）"),
                format!("{id}: counted {kept}, finalized last; different files with the same id: {dropped} (check them)"),
            )
        }
    }

    pub fn stats_superseded_line(self, path: &str, by_path: &str) -> String {
        self.pick(
            format!("{path} 已由 {by_path} 更正"),
            format!("{path} is superseded by {by_path}"),
        )
    }

    // ---- upload ----

    pub fn upload_bad_target(self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        self.pick(
            format!("--to “{t}” 既不是 http:// 或 https:// 地址，也不是已存在的文件夹；请检查，或先建好文件夹"),
            format!("--to “{t}” is neither an http:// or https:// address nor an existing folder; check it, or create the folder first"),
        )
    }

    pub fn upload_bad_url(self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        self.pick(
            format!("--to “{t}” 不是可用的地址：需要 http(s)://主机[:端口][/路径]，不带用户名密码、? 或 #（令牌请放在环境变量 BRANCHDAY_TOKEN 中）"),
            format!("--to “{t}” is not a usable address: it needs http(s)://host[:port][/path] without user name, password, ? or # (put a token in BRANCHDAY_TOKEN)"),
        )
    }

    pub fn upload_bad_token(self) -> &'static str {
        self.pick(
            "环境变量 BRANCHDAY_TOKEN 含有不能放进请求头的字符（如换行）；请检查它的值",
            "BRANCHDAY_TOKEN contains characters that cannot go into a request header (such as a line break); check its value",
        )
    }

    pub fn upload_bad_ca(self, path: &str) -> String {
        self.pick(
            format!("环境变量 BRANCHDAY_CA_FILE 指向的 {path} 无法读取或不含 PEM 格式的证书；请检查"),
            format!("BRANCHDAY_CA_FILE names {path}, which cannot be read or holds no PEM certificate; check it"),
        )
    }

    pub fn upload_bad_env(self, var: &str) -> String {
        self.pick(
            format!("环境变量 {var} 应为正整数（毫秒）；请改正或删除它"),
            format!("{var} must be a positive whole number of milliseconds; fix or unset it"),
        )
    }

    pub fn upload_ledger_busy(self, path: &str) -> String {
        self.pick(
            format!("另一个 branchday upload 正在使用上传记录 {path}；请等它结束后再运行"),
            format!("another branchday upload is using the upload ledger {path}; run again when it has finished"),
        )
    }

    pub fn upload_conflict_http(self, message: &str) -> String {
        self.pick(
            format!("服务器已有编号相同但内容不同的记录（409），未覆盖，也不会重试；请与接收方核对{message}"),
            format!("the server holds different content for this id (409); nothing was overwritten and it is not retried; check with the receiving side{message}"),
        )
    }

    pub fn upload_conflict_dir(self, name: &str) -> String {
        self.pick(
            format!("目标文件夹已有同名但内容不同的文件 {name}，未覆盖；请核对两份文件"),
            format!("the target folder already has a different file named {name}; nothing was overwritten; compare the two files"),
        )
    }

    pub fn upload_rejected(self, status: u16, message: &str) -> String {
        self.pick(
            format!("服务器拒绝了这份文件（{status}）{message}"),
            format!("the server refused this file ({status}){message}"),
        )
    }

    pub fn upload_unexpected(self, status: u16, message: &str) -> String {
        self.pick(
            format!("服务器的回答（{status}）不在上传协议之内，视为未送达{message}"),
            format!("the server answered {status}, which the upload protocol does not define; treated as not delivered{message}"),
        )
    }

    pub fn upload_gave_up(self, attempts: u32, reason: &str) -> String {
        self.pick(
            format!("尝试 {attempts} 次仍未成功（{reason}）；稍后重新运行会接着发送"),
            format!(
                "still failing after {attempts} attempts ({reason}); run again later to resume"
            ),
        )
    }

    pub fn upload_transport(self, reason: &str) -> String {
        self.pick(
            format!("无法发送（{reason}）；请检查地址、网络或证书"),
            format!("cannot send ({reason}); check the address, the network or the certificate"),
        )
    }

    pub fn upload_server_error(self, status: u16) -> String {
        self.pick(
            format!("服务器错误 {status}"),
            format!("server error {status}"),
        )
    }

    pub fn upload_unreachable(self) -> &'static str {
        self.pick(
            "未发送：服务器接连无法连接，本次停止发送；稍后重新运行会接着发送",
            "not sent: the server kept failing, so this run stopped sending; run again later to resume",
        )
    }

    pub fn upload_invalid(self, problem: &str) -> String {
        self.pick(
            format!("不是有效的会议记录，未发送：{problem}"),
            format!("not valid minutes, not sent: {problem}"),
        )
    }

    pub fn upload_copy_failed(self, message: &str) -> String {
        self.pick(
            format!("复制失败：{message}"),
            format!("copy failed: {message}"),
        )
    }

    pub fn upload_duplicate(self, first: &str) -> String {
        self.pick(
            format!("与 {first} 内容相同：只报送一次"),
            format!("the same content as {first}: sent once"),
        )
    }

    pub fn upload_returned(self) -> &'static str {
        self.pick(
            "审阅时已退回，等待更正件，未报送（确需报送请加 --include-returned）",
            "returned in review and waiting for its correction: not sent (add --include-returned to send it)",
        )
    }

    /// The server holds the file and its reviewer returned it (the desk of `branchday-server`).
    /// How a reviewer of the superior organisation is named in this data directory's reviews.
    pub fn server_reviewer(self, reviewer: &str) -> String {
        self.pick(
            format!("{reviewer}（上级审阅）"),
            format!("{reviewer} (superior organisation)"),
        )
    }

    pub fn upload_returned_by_server(self, reviewer: &str, comment: &str) -> String {
        self.pick(
            format!("上级已收到，但审阅人 {reviewer} 已退回：{comment}（请修改后以更正件重新报送）"),
            format!("the server has it, and reviewer {reviewer} returned it: {comment} (send a correction)"),
        )
    }

    pub fn upload_would_send(self) -> &'static str {
        self.pick("将发送", "would send")
    }

    pub fn upload_progress(self) -> &'static str {
        self.pick("上传", "upload")
    }

    pub fn upload_summary(self, s: &crate::upload::Summary) -> String {
        let total = s.total();
        if s.would_send > 0 || s.dry_run {
            return self.pick(
                format!(
                    "演练（未发送任何内容）：共 {total} 个文件，将发送 {}，此前已送达 {}，对方已有 {}，冲突 {}，无效 {}",
                    s.would_send, s.skipped, s.already_there, s.conflicts, s.invalid
                ),
                format!(
                    "dry run (nothing sent): {total} files, {} would be sent, {} delivered before, {} already there, {} conflicts, {} invalid",
                    s.would_send, s.skipped, s.already_there, s.conflicts, s.invalid
                ),
            );
        }
        self.pick(
            format!(
                "共 {total} 个文件：送达 {}，对方已有 {}，此前已送达 {}，冲突 {}，失败 {}，无效 {}",
                s.delivered, s.already_there, s.skipped, s.conflicts, s.failed, s.invalid
            ),
            format!(
                "{total} files: {} delivered, {} already there, {} delivered before, {} conflicts, {} failed, {} invalid",
                s.delivered, s.already_there, s.skipped, s.conflicts, s.failed, s.invalid
            ),
        )
    }
}

impl Tr {
    /// The last line of `validate`.
    #[must_use]
    pub fn validate_summary(
        self,
        total: usize,
        valid: usize,
        warned: usize,
        invalid: usize,
    ) -> String {
        self.pick(
            format!(
                "共检查 {total} 个文件：{valid} 个有效（其中 {warned} 个有警告），{invalid} 个无效"
            ),
            format!(
                "{total} files checked: {valid} valid ({warned} with warnings), {invalid} invalid"
            ),
        )
    }
}
