//! The desk in Chinese (简体中文): every message of [`DeskMessages`], in one place for a translator.

// A language may say two different things with the same word: the arms of a message are the
// translator's, not merged.
#![allow(clippy::match_same_arms)]

use super::messages::DeskMessages;
use branchday::domain::MeetingKind;
use branchday::i18n::{Lang, Tr};
use branchday::stats::due::Every;

/// The messages in Chinese (简体中文).
pub struct Zh;

impl DeskMessages for Zh {
    fn sign_in(&self) -> &'static str {
        "登录"
    }

    fn sign_out(&self) -> &'static str {
        "退出登录"
    }

    fn signed_in_as(&self) -> &'static str {
        "当前用户："
    }

    fn account_name(&self) -> &'static str {
        "用户名"
    }

    fn password(&self) -> &'static str {
        "密码"
    }

    fn sign_in_needed(&self) -> &'static str {
        "请先登录审阅台。"
    }

    fn wrong_password(&self) -> &'static str {
        "用户名或密码不正确。"
    }

    fn login_form_expired(&self) -> &'static str {
        "登录表单已过期，请重新输入。"
    }

    fn bad_form_token(&self) -> &'static str {
        "表单已过期或不是从本页面提交的：请刷新页面后重试。"
    }

    fn no_randomness(&self) -> &'static str {
        "系统暂时无法生成随机数，请稍后再试。"
    }

    fn store_unavailable(&self) -> &'static str {
        "数据库暂时无法访问，请稍后再试。"
    }

    fn not_found_title(&self) -> &'static str {
        "未找到"
    }

    fn not_found_body(&self) -> &'static str {
        "没有这个页面，或它不在您所在组织的范围内。"
    }

    fn bad_request_title(&self) -> &'static str {
        "请求有误"
    }

    fn bad_period(&self) -> &'static str {
        "时间范围不正确：起始月份须不晚于结束月份，且不超过 36 个月。"
    }

    fn matrix_title(&self) -> &'static str {
        "三会一课"
    }

    fn queue_title(&self) -> &'static str {
        "审阅队列"
    }

    fn warnings_title(&self) -> &'static str {
        "提醒"
    }

    fn charts_title(&self) -> &'static str {
        "图表"
    }

    fn export_title(&self) -> &'static str {
        "导出"
    }

    fn whole_tree(&self) -> &'static str {
        "全部组织"
    }

    fn organisation(&self) -> &'static str {
        "组织"
    }

    fn organisation_code(&self) -> &'static str {
        "组织代码"
    }

    fn from(&self) -> &'static str {
        "从"
    }

    fn to(&self) -> &'static str {
        "到"
    }

    fn show(&self) -> &'static str {
        "显示"
    }

    fn held(&self) -> &'static str {
        "已开"
    }

    fn missing(&self) -> &'static str {
        "缺开"
    }

    fn due(&self) -> &'static str {
        "待开"
    }

    fn returned(&self) -> &'static str {
        "已退回"
    }

    fn no_branches(&self) -> &'static str {
        "此组织下没有支部。"
    }

    fn matrix_note(&self) -> &'static str {
        "按月：主题党日、支委会、党小组会（任一党小组开会即计）；按季：党员大会、党课。一个周期结束仍未开会才计为缺开；更正件取代被更正的文件。点击组织名称逐级查看。"
    }

    fn any(&self) -> &'static str {
        "全部"
    }

    fn kind_label(&self) -> &'static str {
        "会议类型"
    }

    fn status_label(&self) -> &'static str {
        "状态"
    }

    fn review_label(&self) -> &'static str {
        "审阅"
    }

    fn month(&self) -> &'static str {
        "月份"
    }

    fn branch(&self) -> &'static str {
        "支部"
    }

    fn branch_code(&self) -> &'static str {
        "支部代码"
    }

    fn meeting_date(&self) -> &'static str {
        "会议日期"
    }

    fn received(&self) -> &'static str {
        "收到时间"
    }

    fn previous(&self) -> &'static str {
        "上一页"
    }

    fn next(&self) -> &'static str {
        "下一页"
    }

    fn unsigned(&self) -> &'static str {
        "未签名"
    }

    fn file_title(&self) -> &'static str {
        "会议记录"
    }

    fn printable(&self) -> &'static str {
        "打印版会议记录"
    }

    fn minutes_file(&self) -> &'static str {
        "原始文件"
    }

    fn signature(&self) -> &'static str {
        "签名"
    }

    fn signed_trusted(&self) -> &'static str {
        "已签名，签名密钥在本服务器的密钥环中登记为该支部的密钥。"
    }

    fn signed_untrusted(&self) -> &'static str {
        "已签名，但签名密钥未在本服务器的密钥环中登记为该支部的密钥。"
    }

    fn findings(&self) -> &'static str {
        "检查结果"
    }

    fn no_findings(&self) -> &'static str {
        "未发现问题。"
    }

    fn error(&self) -> &'static str {
        "错误"
    }

    fn warning(&self) -> &'static str {
        "提示"
    }

    fn reviewed_at(&self) -> &'static str {
        "时间"
    }

    fn reviewer(&self) -> &'static str {
        "审阅人"
    }

    fn verdict(&self) -> &'static str {
        "结论"
    }

    fn comment(&self) -> &'static str {
        "意见"
    }

    fn comment_label(&self) -> &'static str {
        "审阅意见（退回时必填）"
    }

    fn approve(&self) -> &'static str {
        "通过"
    }

    fn return_it(&self) -> &'static str {
        "退回"
    }

    fn bad_verdict(&self) -> &'static str {
        "结论须为“通过”或“退回”。"
    }

    fn return_needs_comment(&self) -> &'static str {
        "退回时请写明意见，支部据此修改。"
    }

    fn not_minutes(&self) -> &'static str {
        "该文件不是可读的会议记录。"
    }

    fn warn_only(&self) -> &'static str {
        "以下仅为提示，供支部和支部党员大会参考，不是对任何人的定性。"
    }

    fn rate_below(&self) -> &'static str {
        "出席率低于"
    }

    fn absence_title(&self) -> &'static str {
        "连续缺席（3 个月及以上；6 个月及以上须重点关注）"
    }

    fn none_found(&self) -> &'static str {
        "无。"
    }

    fn member(&self) -> &'static str {
        "党员"
    }

    fn months_count(&self) -> &'static str {
        "月数"
    }

    fn months(&self) -> &'static str {
        "月份"
    }

    fn still_open(&self) -> &'static str {
        "至今仍缺席"
    }

    fn three_months(&self) -> &'static str {
        "3 个月及以上"
    }

    fn six_months(&self) -> &'static str {
        "6 个月及以上"
    }

    fn yes(&self) -> &'static str {
        "是"
    }

    fn no(&self) -> &'static str {
        "否"
    }

    fn probation_title(&self) -> &'static str {
        "预备党员转正"
    }

    fn probation_not_in_files(&self) -> &'static str {
        "会议记录文件只记载每名党员在会议当天的身份（正式或预备），不记载入党时间，因此无法据此算出预备期何时届满。请在支部的花名册（branchday 程序的首页会提醒转正）中查看。"
    }

    fn expected(&self) -> &'static str {
        "应到"
    }

    fn attended(&self) -> &'static str {
        "实到"
    }

    fn rate(&self) -> &'static str {
        "出席率"
    }

    fn chart_meetings(&self) -> &'static str {
        "每月会议数（按类型）"
    }

    fn chart_meetings_axis(&self) -> &'static str {
        "会议数"
    }

    fn chart_attendance(&self) -> &'static str {
        "各组织出席率"
    }

    fn chart_attendance_axis(&self) -> &'static str {
        "出席率（%）"
    }

    fn package_title(&self) -> &'static str {
        "数据包（某月的全部会议记录文件与索引）"
    }

    fn package_note(&self) -> &'static str {
        "压缩包内是各支部上传的原始文件（逐字节相同）和 index.xlsx 索引。"
    }

    fn ledger_title(&self) -> &'static str {
        "台账（XLSX）"
    }

    fn download(&self) -> &'static str {
        "下载"
    }

    fn month_needed(&self) -> &'static str {
        "请给出月份（month=YYYY-MM）。"
    }

    fn index_sheet(&self) -> &'static str {
        "索引"
    }

    fn ledger_sheet(&self) -> &'static str {
        "会议台账"
    }

    fn file_in_package(&self) -> &'static str {
        "包内文件"
    }

    fn kind(&self, k: MeetingKind) -> &'static str {
        Tr(Lang::Zh).kind(k)
    }

    fn kind_short(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "主",
            MeetingKind::Committee => "委",
            MeetingKind::Group => "组",
            MeetingKind::GeneralAssembly => "大",
            MeetingKind::Lecture => "课",
            MeetingKind::LifeMeeting => "生",
        }
    }

    fn every(&self, e: Every) -> &'static str {
        match e {
            Every::Month => "每月",
            Every::Quarter => "每季度",
            Every::Year => "每年",
        }
    }

    fn status(&self, key: &str) -> &'static str {
        match key {
            "valid" => "有效",
            "warnings" => "有提示",
            "invalid" => "无效",
            "untrusted" => "签名密钥未登记",
            "superseded" => "已被更正",
            _ => "未知",
        }
    }

    fn review_state(&self, key: &str) -> &'static str {
        match key {
            "approved" => "已通过",
            "returned" => "已退回",
            "all" => "全部",
            _ => "未审阅",
        }
    }

    fn bad_month(&self, key: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("参数 {key} 的值“{v}”不是月份：请写成 YYYY-MM，例如 2026-03。")
    }

    fn bad_choice(&self, key: &str, value: &str, allowed: &[&str]) -> String {
        let v = branchday::sanitize::line(value);
        let list = allowed.join(", ");
        format!("参数 {key} 的值“{v}”无效：可选 {list}。")
    }

    fn bad_page(&self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("页码“{v}”无效：须为正整数。")
    }

    fn bad_rate(&self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("出席率“{v}”无效：须为 0 到 100 的整数。")
    }

    fn comment_too_long(&self, n: usize) -> String {
        format!("意见不能超过 {n} 个字。")
    }

    fn locked_out(&self, minutes: i64) -> String {
        format!("登录失败次数过多，该账户已暂停登录，请 {minutes} 分钟后再试。")
    }

    fn files_found(&self, n: i64) -> String {
        format!("共 {n} 份文件。")
    }

    fn files_found_over(&self, n: i64) -> String {
        format!("超过 {n} 份文件。")
    }

    fn page_n(&self, page: i64) -> String {
        format!("第 {page} 页")
    }

    fn bad_cursor(&self, name: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("翻页位置 {name}=“{v}”无效：须为“接收时间,文件编号”，请从队列页面的链接翻页。")
    }

    fn page_of(&self, page: i64, pages: i64) -> String {
        format!("第 {page} / {pages} 页")
    }

    fn low_rate_title(&self, rate: u32) -> String {
        format!("出席率低于 {rate}% 的支部")
    }
}
