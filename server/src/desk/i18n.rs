//! Every string of the desk, in Chinese and English (as the library's `Tr`: one method per
//! message, both languages side by side, so neither can lack one).

use branchday::domain::MeetingKind;
use branchday::i18n::{Lang, Tr};
use branchday::stats::due::Every;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dt(pub Lang);

/// Messages without arguments: `name => "中文", "English";`.
macro_rules! catalogue {
    ($($name:ident => $zh:literal, $en:literal;)*) => {
        impl Dt {
            $(
                pub fn $name(self) -> &'static str {
                    Tr(self.0).pick($zh, $en)
                }
            )*
        }
    };
}

catalogue! {
    sign_in => "登录", "Sign in";
    sign_out => "退出登录", "Sign out";
    signed_in_as => "当前用户：", "Signed in:";
    account_name => "用户名", "Account";
    password => "密码", "Password";
    sign_in_needed => "请先登录审阅台。", "Sign in to the reviewer's desk first.";
    wrong_password => "用户名或密码不正确。", "The account or the password is not right.";
    login_form_expired => "登录表单已过期，请重新输入。", "The sign-in form had expired; please enter your details again.";
    bad_form_token => "表单已过期或不是从本页面提交的：请刷新页面后重试。", "The form had expired or did not come from this desk: reload the page and try again.";
    no_randomness => "系统暂时无法生成随机数，请稍后再试。", "The system gave no random bytes just now; try again shortly.";
    store_unavailable => "数据库暂时无法访问，请稍后再试。", "The store is unavailable just now; try again later.";
    not_found_title => "未找到", "Not found";
    not_found_body => "没有这个页面，或它不在您所在组织的范围内。", "There is no such page, or it is not within your organisation.";
    bad_request_title => "请求有误", "Bad request";
    bad_period => "时间范围不正确：起始月份须不晚于结束月份，且不超过 36 个月。", "The period is not right: the first month must not be after the last, and it may span at most 36 months.";
    matrix_title => "三会一课", "三会一课 matrix";
    queue_title => "审阅队列", "Review queue";
    warnings_title => "提醒", "Warnings";
    charts_title => "图表", "Charts";
    export_title => "导出", "Exports";
    whole_tree => "全部组织", "All organisations";
    organisation => "组织", "Organisation";
    organisation_code => "组织代码", "Organisation code";
    from => "从", "From";
    to => "到", "To";
    show => "显示", "Show";
    held => "已开", "held";
    missing => "缺开", "missing";
    due => "待开", "still due";
    returned => "已退回", "returned";
    no_branches => "此组织下没有支部。", "No branches under this organisation.";
    matrix_note => "按月：主题党日、支委会、党小组会（任一党小组开会即计）；按季：党员大会、党课。一个周期结束仍未开会才计为缺开；更正件取代被更正的文件。点击组织名称逐级查看。", "Monthly: themed day, committee, group meeting (any 党小组's meeting counts); quarterly: general assembly, lecture. A period counts as missing only once it has ended without one; a correction replaces the file it corrects. Click an organisation to go down a level.";
    any => "全部", "any";
    kind_label => "会议类型", "Kind";
    status_label => "状态", "Status";
    review_label => "审阅", "Review";
    month => "月份", "Month";
    branch => "支部", "Branch";
    branch_code => "支部代码", "Branch code";
    meeting_date => "会议日期", "Meeting date";
    received => "收到时间", "Received";
    previous => "上一页", "Previous";
    next => "下一页", "Next";
    unsigned => "未签名", "unsigned";
    file_title => "会议记录", "Minutes";
    printable => "打印版会议记录", "Printable record";
    minutes_file => "原始文件", "The minutes file";
    signature => "签名", "Signature";
    signed_trusted => "已签名，签名密钥在本服务器的密钥环中登记为该支部的密钥。", "Signed, by a key this server's keyring lists for the branch.";
    signed_untrusted => "已签名，但签名密钥未在本服务器的密钥环中登记为该支部的密钥。", "Signed, by a key this server's keyring does not list for the branch.";
    findings => "检查结果", "Findings";
    no_findings => "未发现问题。", "No findings.";
    error => "错误", "error";
    warning => "提示", "warning";
    reviewed_at => "时间", "When";
    reviewer => "审阅人", "Reviewer";
    verdict => "结论", "Verdict";
    comment => "意见", "Comment";
    comment_label => "审阅意见（退回时必填）", "Comment (needed to return)";
    approve => "通过", "Approve";
    return_it => "退回", "Return";
    bad_verdict => "结论须为“通过”或“退回”。", "The verdict must be approve or return.";
    return_needs_comment => "退回时请写明意见，支部据此修改。", "Write a comment when returning a file, so the branch knows what to correct.";
    not_minutes => "该文件不是可读的会议记录。", "The file holds no minutes to print.";
    warn_only => "以下仅为提示，供支部和支部党员大会参考，不是对任何人的定性。", "These are reminders for the branch and its general assembly, never a judgement of anyone.";
    rate_below => "出席率低于", "Attendance below";
    absence_title => "连续缺席（3 个月及以上；6 个月及以上须重点关注）", "Consecutive months of absence (3 or more; 6 or more is serious)";
    none_found => "无。", "None.";
    member => "党员", "Member";
    months_count => "月数", "Months";
    months => "月份", "Months";
    still_open => "至今仍缺席", "Still open";
    three_months => "3 个月及以上", "3+ months";
    six_months => "6 个月及以上", "6+ months";
    yes => "是", "yes";
    no => "否", "no";
    probation_title => "预备党员转正", "预备党员 due for 转正";
    probation_not_in_files => "会议记录文件只记载每名党员在会议当天的身份（正式或预备），不记载入党时间，因此无法据此算出预备期何时届满。请在支部的花名册（branchday 程序的首页会提醒转正）中查看。", "Minutes files record each member's standing on the day (full or probationary) but not the date of admission, so the end of probation cannot be computed from them. The branch's roster (the branchday home screen reminds of 转正) holds it.";
    expected => "应到", "Expected";
    attended => "实到", "Attended";
    rate => "出席率", "Rate";
    chart_meetings => "每月会议数（按类型）", "Meetings per month, by kind";
    chart_meetings_axis => "会议数", "Meetings";
    chart_attendance => "各组织出席率", "Attendance rate per organisation";
    chart_attendance_axis => "出席率（%）", "Attendance (%)";
    package_title => "数据包（某月的全部会议记录文件与索引）", "Data package (a month's minutes files and an index)";
    package_note => "压缩包内是各支部上传的原始文件（逐字节相同）和 index.xlsx 索引。", "The zip holds each file exactly as the branch uploaded it, and index.xlsx listing them.";
    ledger_title => "台账（XLSX）", "台账 (XLSX)";
    download => "下载", "Download";
    month_needed => "请给出月份（month=YYYY-MM）。", "Give the month (month=YYYY-MM).";
    index_sheet => "索引", "Index";
    ledger_sheet => "会议台账", "Meetings";
    file_in_package => "包内文件", "File in package";
}

impl Dt {
    pub fn kind(self, k: MeetingKind) -> &'static str {
        Tr(self.0).kind(k)
    }

    /// The one-character mark of a kind in a matrix cell.
    pub fn kind_short(self, k: MeetingKind) -> &'static str {
        let t = Tr(self.0);
        match k {
            MeetingKind::ThemedDay => t.pick("主", "T"),
            MeetingKind::Committee => t.pick("委", "C"),
            MeetingKind::Group => t.pick("组", "G"),
            MeetingKind::GeneralAssembly => t.pick("大", "A"),
            MeetingKind::Lecture => t.pick("课", "L"),
            MeetingKind::LifeMeeting => t.pick("生", "O"),
        }
    }

    pub fn every(self, e: Every) -> &'static str {
        let t = Tr(self.0);
        match e {
            Every::Month => t.pick("每月", "monthly"),
            Every::Quarter => t.pick("每季度", "quarterly"),
            Every::Year => t.pick("每年", "yearly"),
        }
    }

    /// A file's status (the check's verdict, or a queue filter).
    pub fn status(self, key: &str) -> &'static str {
        let t = Tr(self.0);
        match key {
            "valid" => t.pick("有效", "valid"),
            "warnings" => t.pick("有提示", "warnings"),
            "invalid" => t.pick("无效", "invalid"),
            "untrusted" => t.pick("签名密钥未登记", "signed by an untrusted key"),
            "superseded" => t.pick("已被更正", "superseded"),
            _ => t.pick("未知", "unknown"),
        }
    }

    pub fn review_state(self, key: &str) -> &'static str {
        let t = Tr(self.0);
        match key {
            "approved" => t.pick("已通过", "approved"),
            "returned" => t.pick("已退回", "returned"),
            "all" => t.pick("全部", "all"),
            _ => t.pick("未审阅", "not reviewed"),
        }
    }

    pub fn bad_month(self, key: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        Tr(self.0).pick(
            format!("参数 {key} 的值“{v}”不是月份：请写成 YYYY-MM，例如 2026-03。"),
            format!("{key}={v} is not a month: write it as YYYY-MM, e.g. 2026-03."),
        )
    }

    pub fn bad_choice(self, key: &str, value: &str, allowed: &[&str]) -> String {
        let v = branchday::sanitize::line(value);
        let list = allowed.join(", ");
        Tr(self.0).pick(
            format!("参数 {key} 的值“{v}”无效：可选 {list}。"),
            format!("{key}={v} is not one of {list}."),
        )
    }

    pub fn bad_page(self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        Tr(self.0).pick(
            format!("页码“{v}”无效：须为正整数。"),
            format!("page={v} is not a page number (a whole number from 1)."),
        )
    }

    pub fn bad_rate(self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        Tr(self.0).pick(
            format!("出席率“{v}”无效：须为 0 到 100 的整数。"),
            format!("rate={v} is not a whole per cent from 0 to 100."),
        )
    }

    pub fn comment_too_long(self, n: usize) -> String {
        Tr(self.0).pick(
            format!("意见不能超过 {n} 个字。"),
            format!("The comment may be at most {n} characters."),
        )
    }

    pub fn locked_out(self, minutes: i64) -> String {
        Tr(self.0).pick(
            format!("登录失败次数过多，该账户已暂停登录，请 {minutes} 分钟后再试。"),
            format!(
                "Too many failed sign-ins: this account takes no sign-in for now; try again in {minutes} minutes."
            ),
        )
    }

    pub fn files_found(self, n: i64) -> String {
        Tr(self.0).pick(format!("共 {n} 份文件。"), format!("{n} files."))
    }

    pub fn files_found_over(self, n: i64) -> String {
        Tr(self.0).pick(
            format!("超过 {n} 份文件。"),
            format!("More than {n} files."),
        )
    }

    pub fn page_n(self, page: i64) -> String {
        Tr(self.0).pick(format!("第 {page} 页"), format!("page {page}"))
    }

    pub fn bad_cursor(self, name: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        Tr(self.0).pick(
            format!("翻页位置 {name}=“{v}”无效：须为“接收时间,文件编号”，请从队列页面的链接翻页。"),
            format!(
                "{name}={v} is not a place in the queue (a received time, a comma and a file id): use the queue's own links."
            ),
        )
    }

    pub fn page_of(self, page: i64, pages: i64) -> String {
        Tr(self.0).pick(
            format!("第 {page} / {pages} 页"),
            format!("page {page} of {pages}"),
        )
    }

    pub fn low_rate_title(self, rate: u32) -> String {
        Tr(self.0).pick(
            format!("出席率低于 {rate}% 的支部"),
            format!("Branches with attendance below {rate}%"),
        )
    }
}
