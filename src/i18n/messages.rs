//! The message catalogue: every message the program shows, as one method of [`Messages`].
//!
//! Each language implements the whole trait in one file (`zh.rs`, `en.rs`), so the compiler
//! refuses a language that misses a message. What is the same in every language (how a message
//! is put together from others) stays in the concern files beside this one, on [`super::Tr`].

use std::path::Path;

use chrono::NaiveDate;

use super::labels::{ExportLabel, ManSection, PrintLabel, ReviewLabel as L};
use crate::domain::agenda::StageKind;
use crate::domain::record::Counts;
use crate::domain::roster_change::ChangeError;
use crate::domain::rules::{Rule, VoteError, VoteMethod, VoteRecord};
use crate::domain::{
    AttendanceStatus, CommitteeRole, Exclusion, ExclusionCategory, ExcuseReason, ItemSource,
    ItemStage, ItemType, MeetingKind, Opinion, Outcome, Standing, TimelineEvent,
};
use crate::keys::{KeyError, KeyringError, SignatureProblem};
use crate::minutes::ReadError;
use crate::minutes::check::{Finding, Problem, SignatureStatus};
use crate::review::remarks::{RemarkError, Verdict};
use crate::roster_import::{Field, FileError, RowProblem, Skip, Skipped, TextEncoding, Warning};
use crate::stats::due::{DueLine, DueState, Every, ProbationLine};
use crate::stats::{AbsenceRun, Level};
use crate::store::StoreError;
use crate::vocabulary::{
    Action as KeyAction, Column, DialogKind, FollowUp, PromptKey, ReviewAction, ReviewState,
    RowError, Status,
};

pub trait Messages {
    // ---- batch: Messages of the batch commands `stats` and `upload`. ----

    fn stats_bad_month(&self, flag: &str, value: &str) -> String;
    fn stats_period_reversed(&self, from: &str, to: &str) -> String;
    fn stats_missing(&self) -> &'static str;
    fn stats_skipped(&self) -> &'static str;
    fn stats_summary(
        &self,
        files: usize,
        valid: usize,
        invalid: usize,
        meetings: usize,
        dropped: (usize, usize, usize),
    ) -> String;
    fn stats_period(&self, from: Option<String>, to: Option<String>) -> String;
    fn stats_h_months(&self) -> &'static str;
    fn stats_h_branches(&self) -> &'static str;
    fn stats_h_items(&self) -> &'static str;
    fn stats_h_members(&self) -> &'static str;
    fn stats_h_absence(&self) -> &'static str;
    fn stats_absence_note(&self) -> &'static str;
    fn stats_h_duplicates(&self) -> &'static str;
    fn stats_h_superseded(&self) -> &'static str;
    fn stats_none(&self) -> &'static str;
    fn stats_col_month(&self) -> &'static str;
    fn stats_col_public(&self) -> &'static str;
    fn stats_col_total(&self) -> &'static str;
    fn stats_col_branch(&self) -> &'static str;
    fn stats_col_code(&self) -> &'static str;
    fn stats_col_meetings(&self) -> &'static str;
    fn stats_col_expected(&self) -> &'static str;
    fn stats_col_attended(&self) -> &'static str;
    fn stats_col_excused(&self) -> &'static str;
    fn stats_col_absent(&self) -> &'static str;
    fn stats_col_rate(&self) -> &'static str;
    fn stats_col_member(&self) -> &'static str;
    fn stats_col_member_id(&self) -> &'static str;
    fn stats_col_length(&self) -> &'static str;
    fn stats_col_level(&self) -> &'static str;
    fn stats_col_months_list(&self) -> &'static str;
    fn stats_col_outcome(&self) -> &'static str;
    fn stats_col_count(&self) -> &'static str;
    fn stats_not_voted(&self) -> &'static str;
    fn stats_items_total(&self) -> &'static str;
    fn stats_public_items(&self) -> &'static str;
    fn stats_level(&self, l: Level) -> &'static str;
    fn stats_ongoing(&self) -> &'static str;
    fn stats_duplicate_line(&self, id: &str, kept: &str, identical: bool, dropped: &str) -> String;
    fn stats_superseded_line(&self, path: &str, by_path: &str) -> String;
    fn upload_bad_target(&self, to: &str) -> String;
    fn upload_bad_url(&self, to: &str) -> String;
    fn upload_bad_token(&self) -> &'static str;
    fn upload_bad_ca(&self, path: &str) -> String;
    fn upload_bad_env(&self, var: &str) -> String;
    fn upload_ledger_busy(&self, path: &str) -> String;
    fn upload_conflict_http(&self, message: &str) -> String;
    fn upload_conflict_dir(&self, name: &str) -> String;
    fn upload_rejected(&self, status: u16, message: &str) -> String;
    fn upload_unexpected(&self, status: u16, message: &str) -> String;
    fn upload_gave_up(&self, attempts: u32, reason: &str) -> String;
    fn upload_transport(&self, reason: &str) -> String;
    fn upload_server_error(&self, status: u16) -> String;
    fn upload_unreachable(&self) -> &'static str;
    fn upload_invalid(&self, problem: &str) -> String;
    fn upload_copy_failed(&self, message: &str) -> String;
    fn upload_duplicate(&self, first: &str) -> String;
    fn upload_returned(&self) -> &'static str;
    /// The server holds the file and its reviewer returned it (the desk of `branchday-server`).
    /// How a reviewer of the superior organisation is named in this data directory's reviews.
    fn server_reviewer(&self, reviewer: &str) -> String;
    fn upload_returned_by_server(&self, reviewer: &str, comment: &str) -> String;
    fn upload_would_send(&self) -> &'static str;
    fn upload_progress(&self) -> &'static str;
    fn upload_summary(&self, s: &crate::upload::Summary) -> String;
    /// The last line of `validate`.
    #[must_use]
    fn validate_summary(&self, total: usize, valid: usize, warned: usize, invalid: usize)
    -> String;

    // ---- cli: Messages of the command line and of storage errors. ----

    #[must_use]
    fn store_error(&self, e: &StoreError) -> String;
    #[must_use]
    fn journal_no_start(&self, path: &Path) -> String;
    #[must_use]
    fn journal_warning(&self, w: &crate::journal::JournalWarning) -> String;
    #[must_use]
    fn no_terminal(&self) -> &'static str;
    #[must_use]
    fn error_prefix(&self) -> &'static str;
    #[must_use]
    fn apply_error(&self, e: &crate::domain::ApplyError) -> String;

    // ---- corpus: Messages of the synthetic corpus command. ----

    /// `dev-corpus` finished: how many files it wrote, and where.
    fn corpus_written(&self, count: usize, dir: &str) -> String;

    // ---- due: Strings of the branch's year: 三会一课 held / due / overdue, 转正 reminders and absences, on the home screen and in `stats --due`. ----

    fn cadence_error(&self, path: &str, message: &str) -> String;
    fn due_bad_as_of(&self, v: &str) -> String;
    fn due_heading(&self, as_of: &str) -> String;
    fn due_columns(&self) -> [&'static str; 5];
    fn every_word(&self, e: Every) -> &'static str;
    /// A requirement's name: kind, group and how often.
    fn due_kind(&self, l: &DueLine) -> String;
    /// The current period: `2026-12` or `2026 Q4` or `2026`.
    fn due_period(&self, l: &DueLine) -> String;
    fn due_state(&self, s: DueState) -> &'static str;
    /// One line on the home screen: `支部主题党日（每月） 2026-12 已开 1 次`.
    fn due_line(&self, l: &DueLine) -> String;
    /// The heading over the roster's 转正 reminders; `n` of them.
    fn due_probation_heading(&self, branch: &str, n: usize) -> String;
    fn due_probation(&self, p: &ProbationLine) -> String;
    fn due_absence(&self, a: &AbsenceRun) -> String;
    /// A row of the 三会一课落实情况 table: kind, group and how often, briefly.
    fn due_kind_short(
        &self,
        kind: crate::domain::MeetingKind,
        group: Option<&str>,
        every: Every,
    ) -> String;
    fn stats_h_fulfilment(&self) -> &'static str;
    fn stats_fulfilment_note(&self) -> &'static str;
    fn home_year_title(&self) -> &'static str;
    fn home_year_nothing(&self) -> &'static str;

    // ---- export: Labels of the printable record (会议记录) and messages of the `export` command. ----

    /// A fixed label of the printable record.
    fn export_label(&self, l: ExportLabel) -> &'static str;
    /// Between a label and its value.
    fn export_colon(&self) -> &'static str;
    /// Between items of a list of names.
    fn export_list_sep(&self) -> &'static str;
    /// The number of the `n`th section (from 1): 一、 / 1.
    fn export_section_number(&self, n: usize) -> String;
    /// A calendar date: 2026年5月20日 星期三 / Wednesday 20 May 2026.
    fn export_date(&self, d: NaiveDate, weekday: bool) -> String;
    /// A span of time: `14:30 至 16:05（UTC+08:00）`.
    fn export_time_span(&self, from: &str, to: &str, offset: &str) -> String;
    /// The meeting's time when every time of the record is in the branch's own offset.
    fn export_time_span_local(&self, from: &str, to: &str) -> String;
    /// Head counts: `23 人（正式党员 21 人，预备党员 1 人）`.
    fn export_head_count(&self, total: u32, full: u32, probationary: u32, other: u32) -> String;
    /// `赞成 10 票，反对 1 票，弃权 0 票`.
    /// A secret ballot's tally, with who watched and who counted.
    fn export_ballots(&self, b: &crate::domain::Ballots) -> String;
    fn export_vote_counts(&self, yes: u32, no: u32, abstain: u32) -> String;
    /// `10 + 书面同意 2 = 12`.
    fn export_yes_counted(&self, yes: u32, written_yes: u32) -> String;
    /// A number of people.
    fn export_people(&self, n: u32) -> String;
    /// A duration in whole minutes (rounded; under one minute shows as `<1`).
    fn export_minutes(&self, seconds: u64) -> String;
    /// `王建国（受李秀英委托）`.
    fn export_delegated(&self, chair: &str, by: &str) -> String;
    /// `迟到 14:35`.
    fn export_late_at(&self, name: &str, at: &str) -> String;
    /// A written opinion: `刘桂兰（同意）`.
    fn export_written(&self, name: &str, opinion: &str) -> String;
    /// `议题 1：…`.
    fn export_item_heading(&self, n: usize, title: &str) -> String;
    /// `学习 1：…`.
    fn export_topic_heading(&self, n: usize, title: &str) -> String;
    /// `议程 2「重温入党誓词」记录`.
    fn export_stage_notes(&self, n: usize, title: &str) -> String;
    /// `1. 组织委员谈话`.
    fn export_item_ref(&self, n: usize, title: &str) -> String;
    /// The quorum comparison as a formula.
    fn export_quorum(&self, met: bool, at_least_half: bool) -> String;
    /// Yes votes needed, with the base it is a majority of.
    fn export_yes_needed(&self, needed: u32, base_present: bool) -> String;
    /// The category of an exclusion with its number in the list of five.
    fn export_exclusion(&self, number: u8, text: &str) -> String;
    /// The banner of a record that failed validation.
    fn export_failed_banner(&self, errors: usize) -> String;
    /// The stderr warning when an invalid file is exported anyway.
    fn export_failed_warning(&self, path: &str, errors: usize) -> String;
    /// A file that is not a minutes file at all.
    fn export_not_minutes(&self, path: &str, why: &str) -> String;
    /// Writing the output failed.
    fn export_write_failed(&self, err: &str) -> String;
    /// The generator line of the footer.
    fn export_generated(&self) -> &'static str;
    #[must_use]
    fn doc_lang_code(&self) -> &'static str;
    /// A name in brackets, after a signature line.
    #[must_use]
    fn doc_paren(&self, name: &str) -> String;
    /// The document's title: the kind of meeting and the word for minutes.
    #[must_use]
    fn doc_title(&self, kind: MeetingKind) -> String;
    /// The title of a correction: it says so (更正件).
    fn doc_title_correction(&self, kind: MeetingKind) -> String;

    // ---- forms: Strings of the meeting forms: titles, field labels, choices and what a form says is wrong. ----

    #[must_use]
    fn form_details(&self) -> &'static str;
    #[must_use]
    fn form_approved_by(&self) -> &'static str;
    #[must_use]
    fn form_reason_if_known(&self) -> &'static str;
    #[must_use]
    fn form_guest(&self) -> &'static str;
    #[must_use]
    fn form_identity(&self) -> &'static str;
    #[must_use]
    fn form_study_topic(&self) -> &'static str;
    #[must_use]
    fn form_title(&self) -> &'static str;
    #[must_use]
    fn form_material(&self) -> &'static str;
    #[must_use]
    fn form_item(&self) -> &'static str;
    #[must_use]
    fn form_item_title(&self) -> &'static str;
    #[must_use]
    fn form_candidate_membership(&self) -> &'static str;
    #[must_use]
    fn form_public_deliberation_stage(&self) -> &'static str;
    #[must_use]
    fn form_not_applicable(&self) -> &'static str;
    #[must_use]
    fn form_not_stated(&self) -> &'static str;
    #[must_use]
    fn form_method(&self) -> &'static str;
    #[must_use]
    fn form_yes(&self) -> &'static str;
    #[must_use]
    fn form_no(&self) -> &'static str;
    #[must_use]
    fn form_abstain(&self) -> &'static str;
    #[must_use]
    fn form_defer_reason(&self) -> &'static str;
    fn form_defer_reason_required(&self) -> String;
    fn form_defer(&self) -> &'static str;
    #[must_use]
    fn form_no_choice(&self) -> &'static str;
    #[must_use]
    fn form_yes_defer(&self) -> &'static str;
    #[must_use]
    fn form_no_written_opinion(&self) -> &'static str;
    #[must_use]
    fn form_written_opinion(&self) -> &'static str;
    #[must_use]
    fn form_vote(&self) -> &'static str;
    #[must_use]
    fn form_action_item(&self) -> &'static str;
    #[must_use]
    fn form_task(&self) -> &'static str;
    #[must_use]
    fn form_owner(&self) -> &'static str;
    #[must_use]
    fn form_due_yyyy_mm_dd(&self) -> &'static str;
    #[must_use]
    fn form_for_item(&self) -> &'static str;
    #[must_use]
    fn form_meeting_details(&self) -> &'static str;
    #[must_use]
    fn form_finalize(&self) -> &'static str;
    #[must_use]
    fn form_finalized_minutes_cannot_change(&self) -> &'static str;
    #[must_use]
    fn form_yes_finalize(&self) -> &'static str;
    #[must_use]
    fn form_counts_must_be_whole(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn form_vote_submit_hint(&self, key: &str) -> String;
    #[must_use]
    fn form_please_fill_in(&self) -> &'static str;
    #[must_use]
    fn form_due_date_must_look(&self) -> &'static str;
    /// The attendance line of the vote form's preview.
    #[must_use]
    fn form_vote_attendance(&self, expected: u32, present: u32, needed: u32, met: bool) -> String;
    #[must_use]
    fn form_vote_yes_counted(&self, counted: u32, needed: u32) -> String;
    #[must_use]
    fn form_missing_details(&self) -> &'static str;
    #[must_use]
    fn form_missing_name(&self) -> &'static str;
    #[must_use]
    fn form_missing_study_title(&self) -> &'static str;
    #[must_use]
    fn form_missing_item_title(&self) -> &'static str;
    #[must_use]
    fn form_missing_candidate(&self) -> &'static str;
    #[must_use]
    fn form_missing_owner(&self) -> &'static str;
    #[must_use]
    fn form_missing_task(&self) -> &'static str;
    #[must_use]
    fn form_missing_meeting_title(&self) -> &'static str;

    // ---- inputs: Messages about inputs that are not files to read. ----

    /// A path that is a named pipe, a socket or a device rather than a file.
    fn not_regular_file(&self) -> &'static str;
    /// A minutes file that could not be read, naming it.
    fn read_error(&self, path: &Path, e: ReadError) -> String;

    // ---- keys: Messages of the branch key, signatures and the keyring. ----

    /// A key file that cannot be used: one line naming the file and what to do.
    fn key_error(&self, e: &KeyError) -> String;
    /// `BRANCHDAY_CLOCK` set to something that is no instant, in one line with the fix.
    fn clock_env_bad(&self, value: &str) -> String;
    /// A keyring file that cannot be used, in one line naming it.
    fn keyring_file_error(&self, path: &Path, e: &crate::keys::KeyringFileError) -> String;
    /// A keyring (`allowed_signers`) line that cannot be read.
    fn keyring_error(&self, path: &Path, e: &KeyringError) -> String;
    /// Why a signature does not hold, after `PATH: error: `.
    fn signature_problem(&self, p: &SignatureProblem) -> String;
    /// The reviewer's signature line: what the signature says about where the file came from.
    fn signature_status(&self, s: &SignatureStatus) -> String;
    /// A month given as `YYYY-M`: how it was read.
    fn month_read_as(&self, flag: &str, given: &str, read: &str) -> String;
    /// `validate`'s closing line: how many files of each format version were read.
    fn versions_read(&self, v1: usize, v2: usize) -> String;
    fn correction_reason_title(&self) -> String;
    fn correction_reason_label(&self) -> String;
    fn correction_reason_required(&self) -> String;
    /// After `key show` / `key import`: what to do with the printed line.
    fn key_send_hint(&self, fingerprint: &str) -> String;
    /// `key import --replace`: where the old key went.
    fn key_retired(&self, path: &Path) -> String;
    /// The prompt for a key's passphrase.
    fn passphrase_prompt(&self, path: &Path) -> String;
    /// `key show` without a roster: the branch code is the keyring's principal.
    fn key_needs_roster(&self) -> String;
    /// `canonical FILE` on something that is not a JSON object.
    fn canonical_failed(&self, path: &Path, why: &str) -> String;

    // ---- ledger: Strings of the review ledger (审核台账, `review --export-ledger`) and of the 督办 chain a returned file follows (returned → corrected → approved), in the ledger and in the browser. ----

    fn ledger_sheet_name(&self) -> &'static str;
    fn ledger_columns(&self) -> [&'static str; 13];
    /// Where a returned file's 督办 stands; `name` gives a row's file name.
    fn follow_up(&self, f: FollowUp, name: &dyn Fn(usize) -> String) -> String;
    fn ledger_bad_extension(&self, path: &str) -> String;
    fn ledger_failed(&self, path: &str, message: &str) -> String;
    fn ledger_written(&self, path: &str, meetings: usize) -> String;

    // ---- meeting: Strings of the meeting screens: check-in, study, items, wrap-up and the frame around them. ----

    #[must_use]
    fn checkin_type_name_or_pinyin(&self) -> &'static str;
    #[must_use]
    fn checkin_check_in(&self) -> &'static str;
    #[must_use]
    fn checkin_not_yet(&self) -> &'static str;
    #[must_use]
    fn checkin_not_counted(&self) -> &'static str;
    #[must_use]
    fn checkin_status(&self) -> &'static str;
    #[must_use]
    fn checkin_note(&self) -> &'static str;
    #[must_use]
    fn checkin_guests(&self) -> &'static str;
    #[must_use]
    fn items_discussion(&self) -> &'static str;
    #[must_use]
    fn items_decision(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn items_empty(&self, key: &str) -> String;
    #[must_use]
    fn items_title(&self) -> &'static str;
    #[must_use]
    fn items_candidate(&self) -> &'static str;
    #[must_use]
    fn items_stage(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn items_discussion_heading(&self, key: &str) -> String;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn items_decision_heading(&self, key: &str) -> String;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn items_not_voted_heading(&self, key: &str) -> String;
    #[must_use]
    fn items_vote_frozen(&self) -> &'static str;
    #[must_use]
    fn meeting_elapsed(&self) -> &'static str;
    #[must_use]
    fn meeting_overtime(&self) -> &'static str;
    #[must_use]
    fn meeting_agenda(&self) -> &'static str;
    #[must_use]
    fn meeting_saved(&self) -> &'static str;
    #[must_use]
    fn meeting_voters(&self) -> &'static str;
    #[must_use]
    fn meeting_committee(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn study_empty(&self, key: &str) -> String;
    #[must_use]
    fn study_study_topics(&self) -> &'static str;
    #[must_use]
    fn study_material(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn activity_hint(&self, key: &str) -> String;
    #[must_use]
    fn wrapup_summary(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn wrapup_finalize_before_export(&self, key: &str) -> String;
    #[must_use]
    fn wrapup_minutes_finalized(&self) -> &'static str;
    #[must_use]
    fn wrapup_file_label(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn wrapup_export_hint(&self, key: &str) -> String;
    #[must_use]
    fn wrapup_export_title(&self) -> &'static str;
    #[must_use]
    fn wrapup_export_folder(&self) -> &'static str;
    #[must_use]
    fn wrapup_export_what(&self) -> &'static str;
    #[must_use]
    fn wrapup_exported(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn wrapup_no_actions(&self, key: &str) -> String;
    #[must_use]
    fn wrapup_no_date(&self) -> &'static str;
    #[must_use]
    fn wrapup_action_items(&self) -> &'static str;
    #[must_use]
    fn wrapup_finalized(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn wrapup_ready_to_finalize(&self, key: &str) -> String;
    #[must_use]
    fn wrapup_before_finalizing(&self) -> &'static str;
    /// The counts of a closed vote, under its method.
    #[must_use]
    fn items_vote_counts(&self, v: &VoteRecord) -> String;
    /// The denominators of a closed vote.
    #[must_use]
    fn items_vote_attendance(&self, v: &VoteRecord) -> String;
    /// The status line while events wait to be saved.
    #[must_use]
    fn meeting_unsaved(&self, pending: usize, why: &str) -> String;
    /// 应到 and 实到 in the status line.
    #[must_use]
    fn meeting_counts(&self, c: &Counts) -> String;
    /// Whether enough of those who vote are present, in the status line.
    #[must_use]
    fn meeting_quorum(&self, label: &str, present: u32, expected: u32, met: bool) -> String;
    #[must_use]
    fn wrapup_unmarked(&self, unmarked: usize) -> String;

    // ---- packaging: Messages of `--version` and of the generators of the man page and the shell completions. ----

    /// `branchday --version`: the program's version, then the minutes format versions it writes and
    /// reads (`minutes::VERSION`, `minutes::VERSIONS`).
    #[must_use]
    fn version_text(&self, program: &str, writes: u32, reads: &[u32]) -> String;
    /// Standard output refused the generated text (a closed pipe, a full disk).
    #[must_use]
    fn generate_write_error(&self, what: &str, e: &std::io::Error) -> String;
    /// The name of what `manpage` writes, for `generate_write_error`.
    #[must_use]
    fn man_page_name(&self) -> &'static str;
    /// The name of what `completions` writes, for `generate_write_error`.
    #[must_use]
    fn completion_script_name(&self) -> &'static str;
    /// EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO of branchday(1).
    #[must_use]
    fn man_sections(&self) -> Vec<ManSection>;

    // ---- print: Labels of what the printed record adds for the paper archive (the sign-in sheet, the seal and the superior organisation's review), of the Word and Excel files, and of where exports go. ----

    /// A fixed label of the paper record, the Word file or the Excel files.
    fn print_label(&self, l: PrintLabel) -> &'static str;
    /// Between the parts of the sign-in sheet's subtitle (branch, kind, date).
    fn print_subtitle_sep(&self) -> &'static str;
    /// The page footer of a printed record: the text before the page number, between it and the
    /// page count, and after the count (`第 ` … ` 页 共 ` … ` 页`).
    fn print_page_of(&self) -> [&'static str; 3];
    /// A status with the time the member left early: `出席，早退 20:15`.
    fn print_left_early(&self, status: &str, at: &str) -> String;
    /// Where an export was written (the full path).
    fn export_written_to(&self, path: &str) -> String;
    /// There is no Documents folder: the export went to the fallback folder.
    fn export_no_documents(&self, dir: &str) -> String;
    /// A binary format asked for on standard output while it is a terminal.
    fn export_binary_to_terminal(&self, format: &str) -> String;
    /// The statistics workbook was written.
    fn stats_xlsx_written(&self, path: &str) -> String;
    /// The statistics workbook could not be written.
    fn stats_xlsx_failed(&self, path: &str, err: &str) -> String;

    // ---- record: Names of the record's values: kinds, standings, statuses, outcomes, rules, and the findings of checking a file. ----

    #[must_use]
    fn kind(&self, k: MeetingKind) -> &'static str;
    #[must_use]
    /// Short kind names for table columns.
    fn kind_short(&self, k: MeetingKind) -> &'static str;
    fn standing(&self, s: Standing) -> &'static str;
    #[must_use]
    fn committee_role(&self, r: CommitteeRole) -> &'static str;
    #[must_use]
    fn exclusion(&self, c: ExclusionCategory) -> &'static str;
    #[must_use]
    fn status(&self, s: AttendanceStatus) -> &'static str;
    #[must_use]
    fn excuse(&self, r: ExcuseReason) -> &'static str;
    #[must_use]
    fn item_type(&self, t: ItemType) -> &'static str;
    #[must_use]
    fn item_stage(&self, s: ItemStage) -> &'static str;
    #[must_use]
    fn item_source(&self, s: ItemSource) -> &'static str;
    #[must_use]
    fn method(&self, m: VoteMethod) -> &'static str;
    #[must_use]
    fn outcome(&self, o: Outcome) -> &'static str;
    #[must_use]
    fn opinion(&self, o: Opinion) -> &'static str;
    #[must_use]
    fn rule(&self, r: Rule) -> String;
    /// The separator between a label and its value.
    #[must_use]
    fn colon(&self) -> &'static str;
    #[must_use]
    fn stage_kind(&self, k: StageKind) -> &'static str;
    #[must_use]
    fn vote_error(&self, e: &VoteError) -> String;
    /// One finding of a check, in one line.
    #[must_use]
    fn problem(&self, p: &Problem) -> String;
    #[must_use]
    fn severity(&self, s: crate::minutes::Severity) -> &'static str;

    // ---- reliability: Strings for leaving a meeting while the disk refuses to save. ----

    /// Shown when the secretary leaves a meeting with `pending` changes the disk refused: where the
    /// emergency copy went (if anywhere), and that pressing `quit_key` again quits anyway.
    #[must_use]
    fn unsaved_on_leave(
        &self,
        pending: usize,
        copy: Option<&std::path::Path>,
        quit_key: &str,
    ) -> String;
    /// Why saving fails, in a few words for the status bar (the full message names the file).
    #[must_use]
    fn save_fault(&self, e: &crate::store::StoreError) -> String;

    // ---- review: Strings of the reviewer's browser (`branchday review`). ----

    /// A fixed label.
    fn l(&self, l: L) -> &'static str;
    /// A note in brackets after a word: full-width in Chinese, spaced in English.
    fn paren(&self, s: &str) -> String;
    fn status_label(&self, s: Status) -> &'static str;
    fn review_label(&self, s: ReviewState) -> &'static str;
    /// The review state in a file's detail, in full.
    fn review_detail(&self, s: ReviewState) -> &'static str;
    /// The review filter's name for a state (the list shows "—" for unreviewed in English).
    fn review_filter_label(&self, s: ReviewState) -> &'static str;
    /// One-letter outcome marks for the list's items column.
    fn outcome_short(&self, o: Outcome) -> &'static str;
    fn column(&self, c: Column) -> &'static str;
    /// What a key does, for the footer and the help.
    fn review_action(&self, a: ReviewAction) -> &'static str;
    fn prompt_key(&self, k: PromptKey) -> &'static str;
    fn remark_title(&self, v: Verdict) -> &'static str;
    fn batch_title(&self, n: usize) -> String;
    /// What a batch approval covers, in the form.
    fn batch_scope(&self, n: usize, skipped: usize) -> String;
    fn batch_approved(&self, n: usize) -> String;
    fn batch_stopped(&self, saved: usize, total: usize, message: &str) -> String;
    fn remark_saved(&self, v: Verdict) -> String;
    fn exported(&self, path: &str) -> String;
    fn remark_error(&self, e: &RemarkError) -> String;
    /// Why a file has no content, in one line (the file's name is shown beside it).
    fn row_error(&self, e: &RowError) -> String;
    fn findings_heading(&self, findings: &[Finding]) -> String;
    fn duration(&self, seconds: u64) -> String;
    fn planned_actual(&self, planned: u64, actual: u64) -> String;
    /// `total (full F, probationary P)`.
    fn split_count(&self, total: u32, full: u32, probationary: u32) -> String;
    fn yes_no_abstain(&self, yes: u32, no: u32, abstain: u32) -> String;
    /// The frozen denominators of a vote.
    fn denominators(&self, expected: u32, present: u32, quorum: bool, yes_needed: u32) -> String;
    fn timeline_event(&self, e: TimelineEvent) -> &'static str;
    fn loading(&self, done: usize, total: usize) -> String;
    fn files_total(&self, total: usize) -> String;
    fn shown(&self, shown: usize, total: usize) -> String;
    /// The review list when the filters hide every file; `key` clears them, from the keymap.
    #[must_use]
    fn review_no_match(&self, key: &str) -> String;
    /// The label of the other files that hold the same record.
    #[must_use]
    fn copies_label(&self, n: usize) -> String;

    // ---- room: Strings of the live meeting's room work: closing, annulling and re-holding rounds, secret-ballot tallies, leaving early, resetting marks and removing guests. ----

    #[must_use]
    fn form_ballots_issued(&self) -> &'static str;
    #[must_use]
    fn form_ballots_returned(&self) -> &'static str;
    #[must_use]
    fn form_ballots_valid(&self) -> &'static str;
    #[must_use]
    fn form_ballots_invalid(&self) -> &'static str;
    #[must_use]
    fn form_scrutineer(&self, n: usize) -> String;
    #[must_use]
    fn form_counter(&self) -> &'static str;
    #[must_use]
    fn form_ballot_people_required(&self) -> &'static str;
    #[must_use]
    fn confirm_vote_title(&self, item: &str) -> String;
    #[must_use]
    fn confirm_vote_question(&self) -> &'static str;
    #[must_use]
    fn confirm_vote_note(&self) -> &'static str;
    #[must_use]
    fn annul_title(&self, round: usize, item: &str) -> String;
    #[must_use]
    fn annul_reason_label(&self) -> &'static str;
    #[must_use]
    fn annul_reason_required(&self) -> String;
    #[must_use]
    fn annul_note(&self, key: &str) -> String;
    #[must_use]
    fn vote_stands(&self, key: &str) -> String;
    #[must_use]
    fn nothing_to_annul(&self) -> &'static str;
    #[must_use]
    fn round_heading(&self, n: usize, annulled: Option<&str>) -> String;
    #[must_use]
    fn items_vote_again(&self, key: &str) -> String;
    #[must_use]
    fn leave_title(&self, name: &str) -> String;
    #[must_use]
    fn leave_time_label(&self) -> &'static str;
    #[must_use]
    fn leave_reason_label(&self) -> &'static str;
    #[must_use]
    fn leave_reason_required(&self) -> String;
    #[must_use]
    fn leave_time_bad(&self) -> String;
    #[must_use]
    fn leave_time_before_arrival(&self, arrived: &str) -> String;
    #[must_use]
    fn leave_time_future(&self) -> String;
    #[must_use]
    fn leave_note(&self) -> &'static str;
    #[must_use]
    fn not_here(&self, name: &str) -> String;
    #[must_use]
    fn left_badge(&self, time: &str) -> String;
    #[must_use]
    fn undid(
        &self,
        name: &str,
        from: Option<AttendanceStatus>,
        to: Option<AttendanceStatus>,
    ) -> String;
    #[must_use]
    fn all_present_title(&self) -> &'static str;
    #[must_use]
    fn all_present_question(&self, n: usize) -> String;
    #[must_use]
    fn everyone_marked(&self) -> &'static str;
    #[must_use]
    fn remove_guest_title(&self) -> &'static str;
    #[must_use]
    fn edit_guest_title(&self) -> &'static str;
    #[must_use]
    fn guest_position_label(&self) -> &'static str;
    /// The n-th place (1-based) in the list of guests.
    #[must_use]
    fn guest_position(&self, n: usize) -> String;
    #[must_use]
    fn guest_label(&self) -> &'static str;
    #[must_use]
    fn no_guests(&self) -> &'static str;
    #[must_use]
    fn outside_roster(&self) -> &'static str;
    #[must_use]
    fn remove_title(&self, what: &str) -> String;
    #[must_use]
    fn remove_question(&self) -> &'static str;
    #[must_use]
    fn remove_note(&self) -> &'static str;
    #[must_use]
    fn marked_late(&self, key: &str) -> String;
    #[must_use]
    fn not_started(&self, key: &str) -> String;
    #[must_use]
    fn grade(&self, g: crate::domain::Grade) -> &'static str;
    #[must_use]
    fn appraisal_title(&self, who: &str) -> String;
    #[must_use]
    fn grade_label(&self) -> &'static str;
    #[must_use]
    fn tally_label(&self, g: crate::domain::Grade) -> String;
    #[must_use]
    fn appraisal_note(&self) -> &'static str;
    #[must_use]
    fn tallies_exceed(&self, total: u32, present: u32) -> String;
    /// `合格（测评：优秀 3，合格 18，基本合格 1，不合格 0）`.
    #[must_use]
    fn appraisal_value(&self, a: &crate::domain::Appraisal) -> String;
    /// What the regulations say about an item of this type, where it matters in the room.
    #[must_use]
    fn item_type_note(&self, t: crate::domain::ItemType) -> Option<&'static str>;
    /// The live counts without their split, for a narrow status line.
    #[must_use]
    fn meeting_counts_short(&self, c: &crate::domain::record::Counts) -> String;
    #[must_use]
    fn confirm_vote_options(&self) -> Vec<String>;
    #[must_use]
    fn cancel_or_confirm(&self) -> Vec<String>;

    // ---- roster: Messages of `roster import` and `roster show`. ----

    fn roster_field(&self, f: Field) -> &'static str;
    /// A problem with the whole file, after `PATH: `.
    fn roster_file_error(&self, e: &FileError) -> String;
    /// What is wrong with one row.
    fn roster_row_problem(&self, p: &RowProblem) -> String;
    fn roster_rows_failed(&self, path: &str, rows: usize) -> String;
    fn roster_unsupported(&self, path: &str) -> String;
    fn roster_no_branch(&self) -> &'static str;
    fn roster_bad_flag(&self, flag: &str) -> String;
    fn roster_heading(&self, name: &str, code: &str, n: usize) -> String;
    fn roster_standing_counts(&self, counts: &[(&'static str, usize)]) -> String;
    fn roster_columns(&self) -> [&'static str; 6];
    fn roster_exclusion_short(&self, x: &Exclusion) -> String;
    fn roster_branch_change(&self, old: &str, new: &str) -> String;
    fn roster_added(&self, n: usize) -> String;
    fn roster_removed(&self, n: usize) -> String;
    fn roster_changed(&self, n: usize) -> String;
    fn roster_unchanged(&self, n: usize) -> String;
    fn roster_ignored_columns(&self, cols: &str) -> String;
    fn roster_repeated_names(&self, names: &str) -> String;
    fn roster_no_changes(&self) -> &'static str;
    fn roster_dry_run(&self) -> &'static str;
    /// The prompt that [`super::is_yes`] answers.
    fn roster_confirm(&self) -> &'static str;
    fn roster_declined(&self) -> &'static str;
    fn roster_need_yes(&self) -> &'static str;
    fn roster_written(&self, path: &str, n: usize) -> String;
    fn roster_none(&self) -> &'static str;
    #[must_use]
    fn change_name(&self) -> &'static str;
    #[must_use]
    fn change_standing(&self) -> &'static str;
    #[must_use]
    fn change_group(&self) -> &'static str;
    #[must_use]
    fn change_role(&self) -> &'static str;
    #[must_use]
    fn change_exclusion(&self) -> &'static str;
    #[must_use]
    fn change_semicolon_sep(&self) -> &'static str;

    // ---- roster_import: Messages of `roster import` added with encodings, sheets, skipped rows and warnings. ----

    fn roster_no_such_sheet(&self, wanted: &str, sheets: &[String]) -> String;
    fn roster_no_header_in_sheet(&self, sheet: &str) -> String;
    fn roster_bad_date(&self, f: Field, v: &str) -> String;
    fn roster_two_duties(&self, v: &str) -> String;
    /// The encoding line of the preview.
    fn roster_encoding(&self, e: TextEncoding) -> String;
    fn roster_sheet(&self, name: &str) -> String;
    fn roster_skip_word(&self, why: Skip) -> &'static str;
    /// One line naming the rows left out, grouped by why: `已跳过：标题行（第 1 行）；合计行（第 12 行）`.
    fn roster_skipped(&self, skipped: &[Skipped]) -> String;
    /// One warning of the preview.
    fn roster_warning(&self, w: &Warning) -> String;
    /// The columns of `roster export`, in the words the importer reads.
    fn roster_export_columns(&self) -> [&'static str; 9];
    /// Between a member's duties in one cell of the exported roster.
    fn roster_duties_sep(&self) -> &'static str;
    fn roster_sheet_name(&self) -> &'static str;
    fn roster_group_leader(&self) -> &'static str;
    fn roster_group_deputy(&self) -> &'static str;
    /// A 党小组 in the preview: its leader, deputy and size.
    fn roster_group_line(&self, g: &crate::domain::Group, r: &crate::domain::Roster) -> String;
    fn roster_exported(&self, path: &str, n: usize) -> String;
    fn roster_export_failed(&self, path: &str, why: &str) -> String;

    // ---- roster_screen: Strings of the roster screen, its dialogs and the import from the screen. ----

    fn roster_arrival_label(&self) -> &'static str;
    fn roster_arrival_transfer(&self) -> &'static str;
    fn roster_arrival_new(&self) -> &'static str;
    fn roster_arrival_from(&self) -> &'static str;
    fn roster_date_label(&self) -> &'static str;
    fn roster_destination_label(&self) -> &'static str;
    fn roster_new_standing(&self) -> &'static str;
    fn roster_out_since(&self) -> &'static str;
    fn roster_suspended_from(&self) -> &'static str;
    fn roster_group_place(&self) -> &'static str;
    fn roster_by_label(&self) -> &'static str;
    fn roster_remarks(&self) -> &'static str;
    fn roster_member_count(&self, n: usize, departed: usize) -> String;
    fn roster_out_of_contact_short(&self, since: NaiveDate) -> String;
    fn roster_dialog_title(&self, kind: DialogKind, name: &str) -> String;
    fn roster_bad_text(&self, label: &str) -> String;
    fn roster_required(&self, label: &str) -> String;
    fn roster_form_bad_date(&self, label: &str, v: &str) -> String;
    fn roster_date_in_future(&self) -> &'static str;
    fn roster_change_error(&self, e: &ChangeError) -> String;
    fn roster_saved(&self) -> &'static str;
    fn roster_import_title(&self) -> &'static str;
    fn roster_import_path(&self) -> &'static str;
    fn roster_import_branch(&self) -> &'static str;
    fn roster_import_code(&self) -> &'static str;
    fn roster_import_sheet(&self) -> &'static str;
    fn roster_import_confirm_hint(&self) -> &'static str;
    fn roster_import_preview_title(&self) -> &'static str;
    fn roster_imported(&self, n: usize) -> String;
    /// The home screen's entry for importing.
    fn home_import_roster(&self) -> &'static str;
    /// The home screen's words when there is no roster yet: the two ways on, from the screen.
    fn home_no_roster_ways(&self) -> &'static str;

    // ---- tui: Strings of the interactive program. ----

    /// What a key does, for the footer and help.
    #[must_use]
    fn action(&self, a: KeyAction) -> &'static str;
    #[must_use]
    fn demo_location(&self, dir: &std::path::Path) -> String;
    #[must_use]
    fn emergency_copy(&self, path: &std::path::Path) -> String;
    #[must_use]
    fn emergency_failed(&self) -> String;
    #[must_use]
    fn templates_error(&self, path: &std::path::Path, message: &str) -> String;
    #[must_use]
    fn app_draft_resumed(&self) -> &'static str;
    #[must_use]
    fn app_correction_finalize_to_save(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn help_title(&self, key: &str) -> String;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn help_saved_note(&self, key: &str) -> String;
    #[must_use]
    fn home_start_new_meeting(&self) -> &'static str;
    #[must_use]
    fn home_quit(&self) -> &'static str;
    #[must_use]
    fn home_branchday_branch_meeting_minutes(&self) -> &'static str;
    #[must_use]
    fn home_demo_mode_data_lives(&self) -> &'static str;
    #[must_use]
    fn home_breadcrumb(&self) -> &'static str;
    #[must_use]
    fn picker_no_finalized_minutes_yet(&self) -> &'static str;
    #[must_use]
    fn picker_correction_mark(&self) -> &'static str;
    #[must_use]
    fn picker_choose_minutes_to_correct(&self) -> &'static str;
    #[must_use]
    fn roster_role(&self) -> &'static str;
    #[must_use]
    fn roster_not_counted(&self) -> &'static str;
    #[must_use]
    fn roster_title(&self) -> &'static str;
    #[must_use]
    fn setup_new_meeting(&self) -> &'static str;
    #[must_use]
    fn setup_kind(&self) -> &'static str;
    #[must_use]
    fn setup_agenda_template(&self) -> &'static str;
    #[must_use]
    fn setup_party_group_group_meetings(&self) -> &'static str;
    #[must_use]
    fn setup_planned_start_hh_mm(&self) -> &'static str;
    #[must_use]
    fn setup_generic_check_in_items(&self) -> &'static str;
    #[must_use]
    fn setup_planned_start_must_look(&self) -> &'static str;
    #[must_use]
    fn app_import_roster_first(&self) -> &'static str;
    #[must_use]
    fn home_correct_finalized_minutes(&self) -> &'static str;
    #[must_use]
    fn home_try_demo_branch_throw(&self) -> &'static str;
    #[must_use]
    fn home_no_roster_yet_import(&self) -> &'static str;
    #[must_use]
    fn setup_please_fill_in_title(&self) -> &'static str;
    #[must_use]
    fn setup_roster_has_no_party(&self) -> &'static str;
    /// The home screen's entry for a draft left open.
    #[must_use]
    fn home_resume(&self, title: &str, kind: MeetingKind, when: &str) -> String;
    #[must_use]
    fn home_browse(&self, files: usize) -> String;
    #[must_use]
    fn home_roster(&self, members: usize) -> String;
    /// A new meeting's title until the secretary types one.
    #[must_use]
    fn setup_default_title(&self, kind: MeetingKind, year: i32, month: u32) -> String;
    /// Resuming a draft whose lock another program holds: where it is, and whether it can be
    /// taken over (y / Enter).
    fn draft_locked(&self, holder: &crate::store::holder::Holder) -> String;

    // ---- words: Words used on more than one screen: field labels and short answers. ----

    #[must_use]
    fn none_word(&self) -> &'static str;
    #[must_use]
    fn name_label(&self) -> &'static str;
    #[must_use]
    fn standing_label(&self) -> &'static str;
    #[must_use]
    fn group_label(&self) -> &'static str;
    #[must_use]
    fn time_label(&self) -> &'static str;
    #[must_use]
    fn reason_label(&self) -> &'static str;
    #[must_use]
    fn presenter_label(&self) -> &'static str;
    #[must_use]
    fn type_label(&self) -> &'static str;
    #[must_use]
    fn source_label(&self) -> &'static str;
    #[must_use]
    fn meeting_title(&self) -> &'static str;
    #[must_use]
    fn theme_label(&self) -> &'static str;
    #[must_use]
    fn place_label(&self) -> &'static str;
    #[must_use]
    fn chair_label(&self) -> &'static str;
    #[must_use]
    fn delegated_by_if_any(&self) -> &'static str;
    #[must_use]
    fn recorder_label(&self) -> &'static str;
    #[must_use]
    fn outcome_label(&self) -> &'static str;
    /// `key` is the key that does it, from the keymap.
    #[must_use]
    fn editor_hint(&self, key: &str) -> String;
    /// What happened to a file in an upload, as a person reads it (`--json` keeps the keys).
    #[must_use]
    fn upload_outcome(&self, o: &crate::upload::Outcome) -> &'static str;
}
