//! The desk in English: every message of [`DeskMessages`], in one place for a translator.

// A language may say two different things with the same word: the arms of a message are the
// translator's, not merged.
#![allow(clippy::match_same_arms)]

use super::messages::DeskMessages;
use branchday::domain::MeetingKind;
use branchday::i18n::{Lang, Tr};
use branchday::stats::due::Every;

/// The messages in English.
pub struct En;

impl DeskMessages for En {
    fn sign_in(&self) -> &'static str {
        "Sign in"
    }

    fn sign_out(&self) -> &'static str {
        "Sign out"
    }

    fn signed_in_as(&self) -> &'static str {
        "Signed in:"
    }

    fn account_name(&self) -> &'static str {
        "Account"
    }

    fn password(&self) -> &'static str {
        "Password"
    }

    fn sign_in_needed(&self) -> &'static str {
        "Sign in to the reviewer's desk first."
    }

    fn wrong_password(&self) -> &'static str {
        "The account or the password is not right."
    }

    fn login_form_expired(&self) -> &'static str {
        "The sign-in form had expired; please enter your details again."
    }

    fn bad_form_token(&self) -> &'static str {
        "The form had expired or did not come from this desk: reload the page and try again."
    }

    fn no_randomness(&self) -> &'static str {
        "The system gave no random bytes just now; try again shortly."
    }

    fn store_unavailable(&self) -> &'static str {
        "The store is unavailable just now; try again later."
    }

    fn not_found_title(&self) -> &'static str {
        "Not found"
    }

    fn not_found_body(&self) -> &'static str {
        "There is no such page, or it is not within your organisation."
    }

    fn bad_request_title(&self) -> &'static str {
        "Bad request"
    }

    fn bad_period(&self) -> &'static str {
        "The period is not right: the first month must not be after the last, and it may span at most 36 months."
    }

    fn matrix_title(&self) -> &'static str {
        "三会一课 matrix"
    }

    fn queue_title(&self) -> &'static str {
        "Review queue"
    }

    fn warnings_title(&self) -> &'static str {
        "Warnings"
    }

    fn charts_title(&self) -> &'static str {
        "Charts"
    }

    fn export_title(&self) -> &'static str {
        "Exports"
    }

    fn whole_tree(&self) -> &'static str {
        "All organisations"
    }

    fn organisation(&self) -> &'static str {
        "Organisation"
    }

    fn organisation_code(&self) -> &'static str {
        "Organisation code"
    }

    fn from(&self) -> &'static str {
        "From"
    }

    fn to(&self) -> &'static str {
        "To"
    }

    fn show(&self) -> &'static str {
        "Show"
    }

    fn held(&self) -> &'static str {
        "held"
    }

    fn missing(&self) -> &'static str {
        "missing"
    }

    fn due(&self) -> &'static str {
        "still due"
    }

    fn returned(&self) -> &'static str {
        "returned"
    }

    fn no_branches(&self) -> &'static str {
        "No branches under this organisation."
    }

    fn matrix_note(&self) -> &'static str {
        "Monthly: themed day, committee, group meeting (any 党小组's meeting counts); quarterly: general assembly, lecture. A period counts as missing only once it has ended without one; a correction replaces the file it corrects. Click an organisation to go down a level."
    }

    fn any(&self) -> &'static str {
        "any"
    }

    fn kind_label(&self) -> &'static str {
        "Kind"
    }

    fn status_label(&self) -> &'static str {
        "Status"
    }

    fn review_label(&self) -> &'static str {
        "Review"
    }

    fn month(&self) -> &'static str {
        "Month"
    }

    fn branch(&self) -> &'static str {
        "Branch"
    }

    fn branch_code(&self) -> &'static str {
        "Branch code"
    }

    fn meeting_date(&self) -> &'static str {
        "Meeting date"
    }

    fn received(&self) -> &'static str {
        "Received"
    }

    fn previous(&self) -> &'static str {
        "Previous"
    }

    fn next(&self) -> &'static str {
        "Next"
    }

    fn unsigned(&self) -> &'static str {
        "unsigned"
    }

    fn file_title(&self) -> &'static str {
        "Minutes"
    }

    fn printable(&self) -> &'static str {
        "Printable record"
    }

    fn minutes_file(&self) -> &'static str {
        "The minutes file"
    }

    fn signature(&self) -> &'static str {
        "Signature"
    }

    fn signed_trusted(&self) -> &'static str {
        "Signed, by a key this server's keyring lists for the branch."
    }

    fn signed_untrusted(&self) -> &'static str {
        "Signed, by a key this server's keyring does not list for the branch."
    }

    fn findings(&self) -> &'static str {
        "Findings"
    }

    fn no_findings(&self) -> &'static str {
        "No findings."
    }

    fn error(&self) -> &'static str {
        "error"
    }

    fn warning(&self) -> &'static str {
        "warning"
    }

    fn reviewed_at(&self) -> &'static str {
        "When"
    }

    fn reviewer(&self) -> &'static str {
        "Reviewer"
    }

    fn verdict(&self) -> &'static str {
        "Verdict"
    }

    fn comment(&self) -> &'static str {
        "Comment"
    }

    fn comment_label(&self) -> &'static str {
        "Comment (needed to return)"
    }

    fn approve(&self) -> &'static str {
        "Approve"
    }

    fn return_it(&self) -> &'static str {
        "Return"
    }

    fn bad_verdict(&self) -> &'static str {
        "The verdict must be approve or return."
    }

    fn return_needs_comment(&self) -> &'static str {
        "Write a comment when returning a file, so the branch knows what to correct."
    }

    fn not_minutes(&self) -> &'static str {
        "The file holds no minutes to print."
    }

    fn warn_only(&self) -> &'static str {
        "These are reminders for the branch and its general assembly, never a judgement of anyone."
    }

    fn rate_below(&self) -> &'static str {
        "Attendance below"
    }

    fn absence_title(&self) -> &'static str {
        "Consecutive months of absence (3 or more; 6 or more is serious)"
    }

    fn none_found(&self) -> &'static str {
        "None."
    }

    fn member(&self) -> &'static str {
        "Member"
    }

    fn months_count(&self) -> &'static str {
        "Months"
    }

    fn months(&self) -> &'static str {
        "Months"
    }

    fn still_open(&self) -> &'static str {
        "Still open"
    }

    fn three_months(&self) -> &'static str {
        "3+ months"
    }

    fn six_months(&self) -> &'static str {
        "6+ months"
    }

    fn yes(&self) -> &'static str {
        "yes"
    }

    fn no(&self) -> &'static str {
        "no"
    }

    fn probation_title(&self) -> &'static str {
        "预备党员 due for 转正"
    }

    fn probation_not_in_files(&self) -> &'static str {
        "Minutes files record each member's standing on the day (full or probationary) but not the date of admission, so the end of probation cannot be computed from them. The branch's roster (the branchday home screen reminds of 转正) holds it."
    }

    fn expected(&self) -> &'static str {
        "Expected"
    }

    fn attended(&self) -> &'static str {
        "Attended"
    }

    fn rate(&self) -> &'static str {
        "Rate"
    }

    fn chart_meetings(&self) -> &'static str {
        "Meetings per month, by kind"
    }

    fn chart_meetings_axis(&self) -> &'static str {
        "Meetings"
    }

    fn chart_attendance(&self) -> &'static str {
        "Attendance rate per organisation"
    }

    fn chart_attendance_axis(&self) -> &'static str {
        "Attendance (%)"
    }

    fn package_title(&self) -> &'static str {
        "Data package (a month's minutes files and an index)"
    }

    fn package_note(&self) -> &'static str {
        "The zip holds each file exactly as the branch uploaded it, and index.xlsx listing them."
    }

    fn ledger_title(&self) -> &'static str {
        "台账 (XLSX)"
    }

    fn download(&self) -> &'static str {
        "Download"
    }

    fn month_needed(&self) -> &'static str {
        "Give the month (month=YYYY-MM)."
    }

    fn index_sheet(&self) -> &'static str {
        "Index"
    }

    fn ledger_sheet(&self) -> &'static str {
        "Meetings"
    }

    fn file_in_package(&self) -> &'static str {
        "File in package"
    }

    fn kind(&self, k: MeetingKind) -> &'static str {
        Tr(Lang::En).kind(k)
    }

    fn kind_short(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "T",
            MeetingKind::Committee => "C",
            MeetingKind::Group => "G",
            MeetingKind::GeneralAssembly => "A",
            MeetingKind::Lecture => "L",
            MeetingKind::LifeMeeting => "O",
        }
    }

    fn every(&self, e: Every) -> &'static str {
        match e {
            Every::Month => "monthly",
            Every::Quarter => "quarterly",
            Every::Year => "yearly",
        }
    }

    fn status(&self, key: &str) -> &'static str {
        match key {
            "valid" => "valid",
            "warnings" => "warnings",
            "invalid" => "invalid",
            "untrusted" => "signed by an untrusted key",
            "superseded" => "superseded",
            _ => "unknown",
        }
    }

    fn review_state(&self, key: &str) -> &'static str {
        match key {
            "approved" => "approved",
            "returned" => "returned",
            "all" => "all",
            _ => "not reviewed",
        }
    }

    fn bad_month(&self, key: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("{key}={v} is not a month: write it as YYYY-MM, e.g. 2026-03.")
    }

    fn bad_choice(&self, key: &str, value: &str, allowed: &[&str]) -> String {
        let v = branchday::sanitize::line(value);
        let list = allowed.join(", ");
        format!("{key}={v} is not one of {list}.")
    }

    fn bad_page(&self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("page={v} is not a page number (a whole number from 1).")
    }

    fn bad_rate(&self, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!("rate={v} is not a whole per cent from 0 to 100.")
    }

    fn comment_too_long(&self, n: usize) -> String {
        format!("The comment may be at most {n} characters.")
    }

    fn locked_out(&self, minutes: i64) -> String {
        format!(
            "Too many failed sign-ins: this account takes no sign-in for now; try again in {minutes} minutes."
        )
    }

    fn files_found(&self, n: i64) -> String {
        format!("{n} files.")
    }

    fn files_found_over(&self, n: i64) -> String {
        format!("More than {n} files.")
    }

    fn page_n(&self, page: i64) -> String {
        format!("page {page}")
    }

    fn bad_cursor(&self, name: &str, value: &str) -> String {
        let v = branchday::sanitize::line(value);
        format!(
            "{name}={v} is not a place in the queue (a received time, a comma and a file id): use the queue's own links."
        )
    }

    fn page_of(&self, page: i64, pages: i64) -> String {
        format!("page {page} of {pages}")
    }

    fn low_rate_title(&self, rate: u32) -> String {
        format!("Branches with attendance below {rate}%")
    }
}
