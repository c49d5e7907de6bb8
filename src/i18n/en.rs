//! The catalogue in English: every message of [`Messages`], in one place for a translator.

// A language may say two different things with the same word (类别 for a meeting's kind and a
// stage's): the arms of a message are the translator's, not merged.
#![allow(clippy::match_same_arms)]

use std::path::Path;

use chrono::NaiveDate;

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

/// The messages in English.
pub struct En;

impl Messages for En {
    // ---- batch ----

    fn stats_bad_month(&self, flag: &str, value: &str) -> String {
        let v = crate::sanitize::line(value);
        format!("{flag} “{v}” is not a month in the form YYYY-MM; for example {flag} 2026-01")
    }

    fn stats_period_reversed(&self, from: &str, to: &str) -> String {
        format!("--from {from} is after --to {to}; swap the two months")
    }

    fn stats_missing(&self) -> &'static str {
        "no such file or folder; check the path"
    }

    fn stats_skipped(&self) -> &'static str {
        " (skipped)"
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
            "{files} files: {valid} valid, {invalid} invalid (skipped). {meetings} meetings counted; not counted: {dup} duplicate ids, {sup} superseded, {out} outside the period."
        )
    }

    fn stats_period(&self, from: Option<String>, to: Option<String>) -> String {
        let open = "any";
        let f = from.unwrap_or_else(|| open.to_owned());
        let t = to.unwrap_or_else(|| open.to_owned());
        format!("Period: {f} to {t}")
    }

    fn stats_h_months(&self) -> &'static str {
        "Meetings per month"
    }

    fn stats_h_branches(&self) -> &'static str {
        "Attendance per branch"
    }

    fn stats_h_items(&self) -> &'static str {
        "Items and outcomes"
    }

    fn stats_h_members(&self) -> &'static str {
        "Attendance per member"
    }

    fn stats_h_absence(&self) -> &'static str {
        "Consecutive months without attendance and without approved leave"
    }

    fn stats_absence_note(&self) -> &'static str {
        "These are reminders only: under 党章 Article 9 the branch assembly (支部大会) decides. 3+ months is a warning, 6+ serious. Months on approved leave (reason and approver recorded) neither count nor break a run."
    }

    fn stats_h_duplicates(&self) -> &'static str {
        "Files with the same id (counted once)"
    }

    fn stats_h_superseded(&self) -> &'static str {
        "Superseded files (the correction counts)"
    }

    fn stats_none(&self) -> &'static str {
        "(none)"
    }

    fn stats_col_month(&self) -> &'static str {
        "Month"
    }

    fn stats_col_public(&self) -> &'static str {
        "Public items"
    }

    fn stats_col_total(&self) -> &'static str {
        "Meetings"
    }

    fn stats_col_branch(&self) -> &'static str {
        "Branch"
    }

    fn stats_col_code(&self) -> &'static str {
        "Code"
    }

    fn stats_col_meetings(&self) -> &'static str {
        "Meetings"
    }

    fn stats_col_expected(&self) -> &'static str {
        "Expected"
    }

    fn stats_col_attended(&self) -> &'static str {
        "Present"
    }

    fn stats_col_excused(&self) -> &'static str {
        "Excused"
    }

    fn stats_col_absent(&self) -> &'static str {
        "Absent"
    }

    fn stats_col_rate(&self) -> &'static str {
        "Rate"
    }

    fn stats_col_member(&self) -> &'static str {
        "Member"
    }

    fn stats_col_member_id(&self) -> &'static str {
        "Id"
    }

    fn stats_col_length(&self) -> &'static str {
        "Months"
    }

    fn stats_col_level(&self) -> &'static str {
        "Level"
    }

    fn stats_col_months_list(&self) -> &'static str {
        "Months listed"
    }

    fn stats_col_outcome(&self) -> &'static str {
        "Outcome"
    }

    fn stats_col_count(&self) -> &'static str {
        "Count"
    }

    fn stats_not_voted(&self) -> &'static str {
        "not voted"
    }

    fn stats_items_total(&self) -> &'static str {
        "all items"
    }

    fn stats_public_items(&self) -> &'static str {
        "of which public deliberation (四议两公开)"
    }

    fn stats_level(&self, l: Level) -> &'static str {
        match l {
            Level::Warning => "warning",
            Level::Serious => "serious",
        }
    }

    fn stats_ongoing(&self) -> &'static str {
        " (ongoing)"
    }

    fn stats_duplicate_line(&self, id: &str, kept: &str, identical: bool, dropped: &str) -> String {
        if identical {
            format!("{id}: counted {kept}; identical copies: {dropped}")
        } else {
            format!(
                "{id}: counted {kept}, finalized last; different files with the same id: {dropped} (check them)"
            )
        }
    }

    fn stats_superseded_line(&self, path: &str, by_path: &str) -> String {
        format!("{path} is superseded by {by_path}")
    }

    fn upload_bad_target(&self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        format!(
            "--to “{t}” is neither an http:// or https:// address nor an existing folder; check it, or create the folder first"
        )
    }

    fn upload_bad_url(&self, to: &str) -> String {
        let t = crate::sanitize::line(to);
        format!(
            "--to “{t}” is not a usable address: it needs http(s)://host[:port][/path] without user name, password, ? or # (put a token in BRANCHDAY_TOKEN)"
        )
    }

    fn upload_bad_token(&self) -> &'static str {
        "BRANCHDAY_TOKEN contains characters that cannot go into a request header (such as a line break); check its value"
    }

    fn upload_bad_ca(&self, path: &str) -> String {
        format!(
            "BRANCHDAY_CA_FILE names {path}, which cannot be read or holds no PEM certificate; check it"
        )
    }

    fn upload_bad_env(&self, var: &str) -> String {
        format!("{var} must be a positive whole number of milliseconds; fix or unset it")
    }

    fn upload_ledger_busy(&self, path: &str) -> String {
        format!(
            "another branchday upload is using the upload ledger {path}; run again when it has finished"
        )
    }

    fn upload_conflict_http(&self, message: &str) -> String {
        format!(
            "the server holds different content for this id (409); nothing was overwritten and it is not retried; check with the receiving side{message}"
        )
    }

    fn upload_conflict_dir(&self, name: &str) -> String {
        format!(
            "the target folder already has a different file named {name}; nothing was overwritten; compare the two files"
        )
    }

    fn upload_rejected(&self, status: u16, message: &str) -> String {
        format!("the server refused this file ({status}){message}")
    }

    fn upload_unexpected(&self, status: u16, message: &str) -> String {
        format!(
            "the server answered {status}, which the upload protocol does not define; treated as not delivered{message}"
        )
    }

    fn upload_gave_up(&self, attempts: u32, reason: &str) -> String {
        format!("still failing after {attempts} attempts ({reason}); run again later to resume")
    }

    fn upload_transport(&self, reason: &str) -> String {
        format!("cannot send ({reason}); check the address, the network or the certificate")
    }

    fn upload_server_error(&self, status: u16) -> String {
        format!("server error {status}")
    }

    fn upload_unreachable(&self) -> &'static str {
        "not sent: the server kept failing, so this run stopped sending; run again later to resume"
    }

    fn upload_invalid(&self, problem: &str) -> String {
        format!("not valid minutes, not sent: {problem}")
    }

    fn upload_copy_failed(&self, message: &str) -> String {
        format!("copy failed: {message}")
    }

    fn upload_duplicate(&self, first: &str) -> String {
        format!("the same content as {first}: sent once")
    }

    fn upload_returned(&self) -> &'static str {
        "returned in review and waiting for its correction: not sent (add --include-returned to send it)"
    }

    fn server_reviewer(&self, reviewer: &str) -> String {
        format!("{reviewer} (superior organisation)")
    }

    fn upload_returned_by_server(&self, reviewer: &str, comment: &str) -> String {
        format!(
            "the server has it, and reviewer {reviewer} returned it: {comment} (send a correction)"
        )
    }

    fn upload_would_send(&self) -> &'static str {
        "would send"
    }

    fn upload_progress(&self) -> &'static str {
        "upload"
    }

    fn upload_summary(&self, s: &crate::upload::Summary) -> String {
        let total = s.total();
        if s.would_send > 0 || s.dry_run {
            return format!(
                "dry run (nothing sent): {total} files, {} would be sent, {} delivered before, {} already there, {} conflicts, {} invalid",
                s.would_send, s.skipped, s.already_there, s.conflicts, s.invalid
            );
        }
        format!(
            "{total} files: {} delivered, {} already there, {} delivered before, {} conflicts, {} failed, {} invalid",
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
        format!("{total} files checked: {valid} valid ({warned} with warnings), {invalid} invalid")
    }

    // ---- cli ----

    fn store_error(&self, e: &StoreError) -> String {
        match e {
            StoreError::Io { path, source } => {
                let p = sanitize::path(path);
                let code = source.raw_os_error();
                match code {
                    Some(28 | 122) => {
                        format!(
                            "{p}: the disk is full; free some space or choose another data directory (--data-dir)"
                        )
                    }
                    Some(30) => {
                        format!(
                            "{p}: the disk is read-only; choose a writable data directory (--data-dir)"
                        )
                    }
                    Some(13 | 1) => {
                        format!(
                            "{p}: permission denied; check the permissions or choose another data directory"
                        )
                    }
                    _ if source.kind() == std::io::ErrorKind::NotFound => {
                        format!("{p}: no such file or directory; check the path")
                    }
                    _ => format!("{p}: cannot read or write ({source})"),
                }
            }
            StoreError::TooLarge { path, limit } => {
                let p = sanitize::path(path);
                format!(
                    "{p}: larger than the {limit}-byte limit, not read; check that this is the right file"
                )
            }
            StoreError::Exists { path } => {
                let p = sanitize::path(path);
                format!(
                    "{p}: already exists and is never overwritten; save a correction as a new file"
                )
            }
            StoreError::Locked { path, holder } => {
                let p = sanitize::path(path);
                format!(
                    "this draft is open in another branchday ({holder}); leave the meeting in the window that has it open and try again (lock file {p})"
                )
            }
            StoreError::BadRoster { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                format!(
                    "{p}: the roster cannot be read ({m}); fix the file or import the roster again"
                )
            }
            StoreError::NoHome => {
                "no user data directory found; set one with --data-dir or BRANCHDAY_DATA_DIR"
                    .to_owned()
            }
            StoreError::Canonical { message } => {
                format!("cannot compute the minutes digest: {message}")
            }
        }
    }

    fn journal_no_start(&self, path: &Path) -> String {
        let p = sanitize::path(path);
        format!(
            "{p}: the draft journal has no opening event and cannot be resumed; it is not a branchday draft"
        )
    }

    fn journal_warning(&self, w: &crate::journal::JournalWarning) -> String {
        use crate::journal::JournalWarning;
        match w {
            JournalWarning::TornTail { line, bytes } => {
                format!(
                    "line {line} of the draft was cut off mid-write ({bytes} bytes) and dropped; everything before it is intact"
                )
            }
            JournalWarning::BadLine { line, message } => {
                format!(
                    "line {line} of the draft cannot be read and was skipped ({})",
                    sanitize::line(message)
                )
            }
            JournalWarning::Skipped { line, error } => {
                format!(
                    "line {line} of the draft does not fit the meeting and was skipped ({error})"
                )
            }
        }
    }

    fn no_terminal(&self) -> &'static str {
        "branchday needs a terminal (stdin/stdout is not a terminal); for batch work use the validate, export, stats and upload commands"
    }

    fn error_prefix(&self) -> &'static str {
        "error"
    }

    fn apply_error(&self, e: &crate::domain::ApplyError) -> String {
        use crate::domain::ApplyError;
        match e {
            ApplyError::AlreadyCreated => "the meeting is already created".into(),
            ApplyError::NotCreated => "the meeting is not created yet".into(),
            ApplyError::NoSuch { what, index } => {
                format!("there is no {what} number {}", index.saturating_add(1))
            }
            ApplyError::NoMember(id) => {
                format!(
                    "no member with id {} in the roster",
                    crate::sanitize::line(id)
                )
            }
            ApplyError::Voted(i) => {
                format!(
                    "item {} has a closed vote: it cannot be removed, nor its type or candidate changed",
                    i + 1
                )
            }
            ApplyError::NotAnAppraisal(i) => {
                format!("item {} is not a democratic appraisal", i + 1)
            }
            ApplyError::AlreadyStarted => "the meeting has already started".into(),
            ApplyError::EmptyTitle => "a title or name is required".into(),
            ApplyError::AlreadyVoted(i) => {
                format!("item {} has been voted; its result is frozen", i + 1)
            }
            ApplyError::AlreadyAnnulled { item, round } => {
                format!(
                    "round {} of item {} is already annulled",
                    round + 1,
                    item + 1
                )
            }
            ApplyError::NotAttending(name) => {
                format!(
                    "{} is not at the meeting, so cannot leave early",
                    crate::sanitize::line(name)
                )
            }
            ApplyError::ReasonRequired => "a reason is required".into(),
            ApplyError::NoVotes => "this kind of meeting holds no votes".into(),
            ApplyError::BadSplice => "the text edit does not fit the text".into(),
            ApplyError::Finalized => "the minutes are finalized and cannot change".into(),
            ApplyError::NothingToUndo => "there is no check-in mark to undo".into(),
        }
    }

    // ---- corpus ----

    fn corpus_written(&self, count: usize, dir: &str) -> String {
        format!("wrote {count} minutes files to {dir}")
    }

    // ---- due ----

    fn cadence_error(&self, path: &str, message: &str) -> String {
        format!(
            "{path}: the meeting frequencies cannot be read ({message}); using the defaults — fix or delete the file"
        )
    }

    fn due_bad_as_of(&self, v: &str) -> String {
        format!("--as-of \"{v}\" is not a date; write it as 2026-12-01")
    }

    fn due_heading(&self, as_of: &str) -> String {
        format!("三会一课 as of {as_of} (reminders only)")
    }

    fn due_columns(&self) -> [&'static str; 5] {
        ["Meeting", "Period", "Held", "Held before", "State"]
    }

    fn every_word(&self, e: Every) -> &'static str {
        match e {
            Every::Month => "monthly",
            Every::Quarter => "quarterly",
            Every::Year => "yearly",
        }
    }

    fn due_kind(&self, l: &DueLine) -> String {
        let kind = self.kind(l.kind);
        match &l.group {
            Some(g) => format!("{kind} · {g} ({})", self.every_word(l.every)),
            None => format!("{kind} ({})", self.every_word(l.every)),
        }
    }

    fn due_period(&self, l: &DueLine) -> String {
        let p = l.period;
        match l.every {
            Every::Month => p.to_string(),
            Every::Quarter => format!("{} Q{}", p.year, (p.month - 1) / 3 + 1),
            Every::Year => p.year.to_string(),
        }
    }

    fn due_state(&self, s: DueState) -> &'static str {
        match s {
            DueState::Held => "held",
            DueState::Due => "due",
            DueState::Overdue => "overdue (none last period)",
        }
    }

    fn due_line(&self, l: &DueLine) -> String {
        let what = self.due_kind(l);
        let period = self.due_period(l);
        match l.state {
            DueState::Held => format!("{what} {period}: held {}", l.held),
            DueState::Due => format!("{what} {period}: due"),
            DueState::Overdue => format!("{what} {period}: due, none held last period"),
        }
    }

    fn due_probation_heading(&self, branch: &str, n: usize) -> String {
        if n == 0 {
            format!("{branch} (the roster here): no probation ends within 60 days")
        } else {
            format!("{branch} (the roster here): 转正 reminders, {n}")
        }
    }

    fn due_probation(&self, p: &ProbationLine) -> String {
        if p.ended() {
            format!(
                "Probationary {}: the year ended on {} (joined {}); 转正 is to be discussed",
                p.name, p.ends, p.joined
            )
        } else {
            format!(
                "Probationary {}: the year ends on {} (in {} days); prepare the 转正 discussion",
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
            "{}: {n} consecutive months without attendance or approved leave since {from}{}",
            a.name,
            if serious {
                " (six or more: for the branch assembly to consider)"
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
            Some(g) => format!("{k} · {g} ({e})"),
            None => format!("{k} ({e})"),
        }
    }

    fn stats_h_fulfilment(&self) -> &'static str {
        "三会一课 held and missing"
    }

    fn stats_fulfilment_note(&self) -> &'static str {
        "  A number is the meetings held that month; ✗ marks a period (month, quarter or year) without one; · a month without one in a period that had one or is not wholly in the report. The frequencies are the data directory's cadence.json."
    }

    fn home_year_title(&self) -> &'static str {
        "This month and quarter (reminders only)"
    }

    fn home_year_nothing(&self) -> &'static str {
        "No 转正 or absence reminders."
    }

    // ---- export ----

    fn export_label(&self, l: ExportLabel) -> &'static str {
        use super::labels::ExportLabel as L;
        match l {
            L::DocTitle => "Minutes",
            L::Basic => "Meeting details",
            L::Attendance => "Attendance",
            L::Agenda => "Agenda",
            L::Study => "Study",
            L::Items => "Items and votes",
            L::Actions => "Follow-up",
            L::Summary => "Summary",
            L::MeetingName => "Title",
            L::MeetingKind => "Kind",
            L::Theme => "Theme",
            L::Branch => "Branch",
            L::Group => "Party group",
            L::Date | L::SignDate => "Date",
            L::Time => "Time",
            L::Place => "Place",
            L::Chair => "Chair",
            L::Recorder => "Recorder",
            L::Expected => "Expected",
            L::Present => "Present",
            L::Attendees => "Attended",
            L::Absentees => "Absent, with reasons",
            L::NotCounted => "Members not counted in expected attendance",
            L::Guests => "Guests (non-voting)",
            L::Name => "Name",
            L::Standing => "Standing",
            L::Status => "Status",
            L::Reason => "Reason",
            L::Approver => "Approved by",
            L::Category => "Category",
            L::ApprovalRef => "Approval",
            L::Identity => "Identity",
            L::Number => "No.",
            L::StageTitle => "Stage",
            L::StageKind => "Kind",
            L::Planned => "Planned (min)",
            L::Actual => "Actual (min)",
            L::StageNotes => "Notes",
            L::Presenter => "Presenter",
            L::Material => "Material",
            L::Duration => "Time taken",
            L::Notes => "Notes",
            L::ItemType => "Type",
            L::ItemStage => "Stage",
            L::ItemSource => "Item source",
            L::Candidate => "Candidate",
            L::Discussion => "Discussion",
            L::Decision => "Decision",
            L::Method => "Method",
            L::VoteCounts => "Votes",
            L::WrittenOpinions => "Written opinions",
            L::Opinion => "Opinion",
            L::YesCounted => "Yes counted (with written opinions)",
            L::EntitledExpected => "Entitled voters expected (E)",
            L::EntitledPresent => "Entitled voters present (P)",
            L::Quorum => "Quorum",
            L::YesNeeded => "Yes needed to pass",
            L::RuleApplied => "Rule applied",
            L::Outcome => "Outcome",
            L::VoteClosedAt => "Vote closed at",
            L::DeferredReason => "Why deferred",
            L::Ballots => "Ballots",
            L::Task => "Task",
            L::Owner => "Owner",
            L::Due => "Due",
            L::FromItem => "From item",
            L::EndMarker => "(End of meeting)",
            L::ChairSignature => "Chair (signature)",
            L::RecorderSignature => "Recorder (signature)",
            L::FileId => "File id",
            L::Digest => "Digest (SHA-256)",
            L::Supersedes => "Corrects and replaces",
            L::CorrectionReason => "Why corrected",
            L::FinalizedAt => "Finalized",
            L::NotRecorded => "(not recorded)",
            L::None => "None",
            L::QuorumMet => "met",
            L::QuorumNotMet => "not met",
        }
    }

    fn export_colon(&self) -> &'static str {
        ": "
    }

    fn export_list_sep(&self) -> &'static str {
        ", "
    }

    fn export_section_number(&self, n: usize) -> String {
        format!("{n}.")
    }

    fn export_date(&self, d: NaiveDate, weekday: bool) -> String {
        if weekday {
            d.format("%A %-d %B %Y").to_string()
        } else {
            d.format("%-d %B %Y").to_string()
        }
    }

    fn export_time_span(&self, from: &str, to: &str, offset: &str) -> String {
        format!("{from} to {to} (UTC{offset})")
    }

    fn export_time_span_local(&self, from: &str, to: &str) -> String {
        format!("{from} to {to}")
    }

    fn export_head_count(&self, total: u32, full: u32, probationary: u32, other: u32) -> String {
        let mut s = format!("{total} ({full} full, {probationary} probationary");
        if other > 0 {
            s.push_str(&format!(", {other} other"));
        }
        s.push(')');
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
            "{} issued, {} returned, {} valid, {} invalid; scrutineers {s}; counters {c}",
            b.issued, b.returned, b.valid, b.invalid
        )
    }

    fn export_vote_counts(&self, yes: u32, no: u32, abstain: u32) -> String {
        format!("yes {yes}, no {no}, abstain {abstain}")
    }

    fn export_yes_counted(&self, yes: u32, written_yes: u32) -> String {
        format!("{yes} + {written_yes} written yes = {}", yes + written_yes)
    }

    fn export_people(&self, n: u32) -> String {
        format!("{n}")
    }

    fn export_minutes(&self, seconds: u64) -> String {
        let m = minutes_of(seconds);
        format!("{m} min")
    }

    fn export_delegated(&self, chair: &str, by: &str) -> String {
        format!("{chair} (delegated by {by})")
    }

    fn export_late_at(&self, name: &str, at: &str) -> String {
        format!("{name} (late, {at})")
    }

    fn export_written(&self, name: &str, opinion: &str) -> String {
        format!("{name} ({opinion})")
    }

    fn export_item_heading(&self, n: usize, title: &str) -> String {
        format!("Item {n}: {title}")
    }

    fn export_topic_heading(&self, n: usize, title: &str) -> String {
        format!("Topic {n}: {title}")
    }

    fn export_stage_notes(&self, n: usize, title: &str) -> String {
        format!("Notes on stage {n}, {title}")
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
        format!("{word} ({formula})")
    }

    fn export_yes_needed(&self, needed: u32, base_present: bool) -> String {
        let formula = if base_present { "> P/2" } else { "> E/2" };
        format!("{needed} ({formula})")
    }

    fn export_exclusion(&self, number: u8, text: &str) -> String {
        format!("{number}: {text}")
    }

    fn export_failed_banner(&self, errors: usize) -> String {
        format!(
            "FAILED VALIDATION: this file has {errors} error(s); it may have been changed after it was finalized or contradict the rules, and is not a valid record"
        )
    }

    fn export_failed_warning(&self, path: &str, errors: usize) -> String {
        format!(
            "{path}: warning: failed validation ({errors} error(s)); exported anyway and marked as such; run branchday validate for details"
        )
    }

    fn export_not_minutes(&self, path: &str, why: &str) -> String {
        format!("{path}: not a minutes file that can be exported ({why})")
    }

    fn export_write_failed(&self, err: &str) -> String {
        format!("cannot write the export: {err}")
    }

    fn export_generated(&self) -> &'static str {
        "Generated by branchday from the minutes file; check the digest with branchday validate"
    }

    fn doc_lang_code(&self) -> &'static str {
        "en"
    }

    fn doc_paren(&self, name: &str) -> String {
        format!("({name})")
    }

    fn doc_title(&self, kind: MeetingKind) -> String {
        let (kind, title) = (self.kind(kind), self.export_label(ExportLabel::DocTitle));
        format!("{title}: {kind}")
    }

    fn doc_title_correction(&self, kind: MeetingKind) -> String {
        format!("{} (correction)", self.doc_title(kind))
    }

    // ---- forms ----

    fn form_details(&self) -> &'static str {
        "Details"
    }

    fn form_approved_by(&self) -> &'static str {
        "Approved by"
    }

    fn form_reason_if_known(&self) -> &'static str {
        "Reason (if known)"
    }

    fn form_guest(&self) -> &'static str {
        "Guest"
    }

    fn form_identity(&self) -> &'static str {
        "Identity"
    }

    fn form_study_topic(&self) -> &'static str {
        "Study topic"
    }

    fn form_title(&self) -> &'static str {
        "Title"
    }

    fn form_material(&self) -> &'static str {
        "Material"
    }

    fn form_item(&self) -> &'static str {
        "Item"
    }

    fn form_item_title(&self) -> &'static str {
        "Item"
    }

    fn form_candidate_membership(&self) -> &'static str {
        "Candidate (membership)"
    }

    fn form_public_deliberation_stage(&self) -> &'static str {
        "Public deliberation stage"
    }

    fn form_not_applicable(&self) -> &'static str {
        "not applicable"
    }

    fn form_not_stated(&self) -> &'static str {
        "not stated"
    }

    fn form_method(&self) -> &'static str {
        "Method"
    }

    fn form_yes(&self) -> &'static str {
        "Yes"
    }

    fn form_no(&self) -> &'static str {
        "No"
    }

    fn form_abstain(&self) -> &'static str {
        "Abstain"
    }

    fn form_defer_reason(&self) -> &'static str {
        "Why deferred"
    }

    fn form_defer_reason_required(&self) -> String {
        "give the reason for deferring: a deferral records no counts, and its reason goes in the record"
            .to_owned()
    }

    fn form_defer(&self) -> &'static str {
        "Defer (党章 第十七条)"
    }

    fn form_no_choice(&self) -> &'static str {
        "no"
    }

    fn form_yes_defer(&self) -> &'static str {
        "yes, defer"
    }

    fn form_no_written_opinion(&self) -> &'static str {
        "none"
    }

    fn form_written_opinion(&self) -> &'static str {
        "Written:"
    }

    fn form_vote(&self) -> &'static str {
        "Vote"
    }

    fn form_action_item(&self) -> &'static str {
        "Action item"
    }

    fn form_task(&self) -> &'static str {
        "Task"
    }

    fn form_owner(&self) -> &'static str {
        "Owner"
    }

    fn form_due_yyyy_mm_dd(&self) -> &'static str {
        "Due (YYYY-MM-DD)"
    }

    fn form_for_item(&self) -> &'static str {
        "For item"
    }

    fn form_meeting_details(&self) -> &'static str {
        "Meeting details"
    }

    fn form_finalize(&self) -> &'static str {
        "Finalize"
    }

    fn form_finalized_minutes_cannot_change(&self) -> &'static str {
        "Finalized minutes cannot change. Go ahead?"
    }

    fn form_yes_finalize(&self) -> &'static str {
        "yes, finalize"
    }

    fn form_counts_must_be_whole(&self) -> &'static str {
        "counts must be whole numbers ≥ 0"
    }

    fn form_vote_submit_hint(&self, key: &str) -> String {
        format!("{key} closes the vote (the result is frozen)")
    }

    fn form_please_fill_in(&self) -> &'static str {
        "please fill in"
    }

    fn form_due_date_must_look(&self) -> &'static str {
        "write the due date as 2026-12-31 (or 2026/12/31)"
    }

    fn form_vote_attendance(&self, expected: u32, present: u32, needed: u32, met: bool) -> String {
        let quorum = if met { "✓" } else { "✗" };
        format!("Entitled expected {expected}, present {present}; quorum needs {needed} {quorum}")
    }

    fn form_vote_yes_counted(&self, counted: u32, needed: u32) -> String {
        format!("Yes counted (with written) {counted}, needed {needed}")
    }

    fn form_missing_details(&self) -> &'static str {
        "details"
    }

    fn form_missing_name(&self) -> &'static str {
        "name"
    }

    fn form_missing_study_title(&self) -> &'static str {
        "title"
    }

    fn form_missing_item_title(&self) -> &'static str {
        "item"
    }

    fn form_missing_candidate(&self) -> &'static str {
        "candidate"
    }

    fn form_missing_owner(&self) -> &'static str {
        "owner (a roster member)"
    }

    fn form_missing_task(&self) -> &'static str {
        "task"
    }

    fn form_missing_meeting_title(&self) -> &'static str {
        "title"
    }

    // ---- inputs ----

    fn not_regular_file(&self) -> &'static str {
        "not a regular file (a pipe or a device), not read; name a minutes file"
    }

    fn read_error(&self, path: &Path, e: ReadError) -> String {
        match e {
            ReadError::NotRegular => {
                let p = sanitize::path(path);
                let why = self.not_regular_file();
                format!("{p}: {why}")
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
                format!("{}: cannot read or write the key file ({source})", p(path))
            }
            KeyError::Unreadable { path, reason } => {
                format!(
                    "{}: not an OpenSSH private key ({}); choose the private key file ssh-keygen made (not the .pub)",
                    p(path),
                    sanitize::line(reason)
                )
            }
            KeyError::NotEd25519 { path, algorithm } => {
                format!(
                    "{}: a {algorithm} key, and branchday signs with ed25519 only; make one with ssh-keygen -t ed25519",
                    p(path)
                )
            }
            KeyError::Exposed { path, mode } => {
                format!(
                    "{}: the private key is readable by others (mode {mode:o}); run chmod 600 {}",
                    p(path),
                    p(path)
                )
            }
            KeyError::Passphrase { path } => {
                format!(
                    "{}: wrong passphrase, the key was not opened; try again",
                    p(path)
                )
            }
            KeyError::NeedsPassphrase { path } => {
                format!(
                    "{}: the key is protected by a passphrase; run this in a terminal, or give the passphrase on standard input",
                    p(path)
                )
            }
            KeyError::Exists { path } => {
                format!(
                    "{}: the branch already has a signing key; to change it (say, after losing a laptop) add --replace, and the old key is kept beside it",
                    p(path)
                )
            }
            KeyError::Crypto(msg) => {
                format!("the signing library failed: {}", sanitize::line(msg))
            }
        }
    }

    fn clock_env_bad(&self, value: &str) -> String {
        format!(
            "BRANCHDAY_CLOCK is \"{}\", which is no instant: write it in RFC 3339, e.g. 2026-11-26T14:00:00+08:00, or unset it to use the system clock",
            sanitize::line(value)
        )
    }

    fn keyring_file_error(&self, path: &Path, e: &crate::keys::KeyringFileError) -> String {
        use crate::keys::KeyringFileError as E;
        let file = sanitize::path(path);
        match e {
            E::Io(err) => {
                format!(
                    "{file}: cannot read the keyring ({err}); check the file --trust or BRANCHDAY_TRUST names"
                )
            }
            E::TooLarge => {
                format!("{file}: over 64 MiB, which is no allowed_signers file")
            }
            E::NotUtf8 => format!("{file}: the keyring is not UTF-8 text"),
            E::Line(l) => self.keyring_error(path, l),
        }
    }

    fn keyring_error(&self, path: &Path, e: &KeyringError) -> String {
        let file = sanitize::path(path);
        let line = e.line;
        let what = match &e.problem {
            LineProblem::NoKey => {
                "a branch code with no key; the form is `CODE namespaces=\"branchday-minutes\" ssh-ed25519 AAAA…`"
                    .into()
            }
            LineProblem::BadKey(why) => {
                format!(
                    "the key does not read ({}); copy the whole line branchday key show prints",
                    sanitize::line(why)
                )
            }
            LineProblem::UnknownOption(opt) => {
                format!(
                    "unsupported option {}; use namespaces, valid-after, valid-before",
                    sanitize::line(opt)
                )
            }
            LineProblem::BadTime(t) => {
                format!(
                    "the time {} must be YYYYMMDD or YYYYMMDDHHMM[SS], with a trailing Z for UTC",
                    sanitize::line(t)
                )
            }
            LineProblem::Unterminated => "a quote is not closed".into(),
        };
        format!("{file}: line {line}: {what}")
    }

    fn signature_problem(&self, p: &SignatureProblem) -> String {
        match p {
            SignatureProblem::Malformed(why) => {
                format!(
                    "the signature does not read ({}); the file is damaged or was edited",
                    sanitize::line(why)
                )
            }
            SignatureProblem::BadSigner(why) => {
                format!(
                    "the signer's public key does not read ({})",
                    sanitize::line(why)
                )
            }
            SignatureProblem::SignerMismatch => {
                "the signature was not made by the key the file names as signer".into()
            }
            SignatureProblem::WrongNamespace(ns) => {
                format!(
                    "the signature was made for {}, not for minutes (branchday-minutes)",
                    sanitize::line(ns)
                )
            }
            SignatureProblem::DoesNotMatch => {
                "signature does not match: the file was changed after it was signed".into()
            }
        }
    }

    fn signature_status(&self, s: &SignatureStatus) -> String {
        match s {
            SignatureStatus::V1 => "none (version 1 records carry no signature)".into(),
            SignatureStatus::Unsigned => {
                "! unsigned: nothing says which branch it came from".into()
            }
            SignatureStatus::Bad(p) => format!("✗ {}", self.signature_problem(p)),
            SignatureStatus::Trusted(fp) => {
                format!("✓ signed by a key the keyring trusts for this branch ({fp})")
            }
            SignatureStatus::Untrusted(fp) => {
                format!(
                    "✗ signed by an untrusted key ({fp}): not in the keyring, or outside its validity"
                )
            }
            SignatureStatus::Unchecked(fp) => {
                format!(
                    "the signature holds, the signer is not checked ({fp}); review with --trust FILE"
                )
            }
        }
    }

    fn month_read_as(&self, flag: &str, given: &str, read: &str) -> String {
        let given = sanitize::line(given);
        format!("note: {flag} {given} was read as {read} (write months as YYYY-MM)")
    }

    fn versions_read(&self, v1: usize, v2: usize) -> String {
        format!("format versions: {v1} of version 1, {v2} of version 2")
    }

    fn correction_reason_title(&self) -> String {
        "Why is it corrected".into()
    }

    fn correction_reason_label(&self) -> String {
        "Reason (required, kept in the correction)".into()
    }

    fn correction_reason_required(&self) -> String {
        "give the reason: the reviewer checks the correction against it".into()
    }

    fn key_send_hint(&self, fingerprint: &str) -> String {
        format!(
            "The branch's signing key {fingerprint}. Send the line above to the superior organisation for its allowed_signers keyring."
        )
    }

    fn key_retired(&self, path: &Path) -> String {
        format!(
            "The old key was moved to {} (ask the superior organisation to give it a valid-before in the keyring)",
            sanitize::path(path)
        )
    }

    fn passphrase_prompt(&self, path: &Path) -> String {
        format!("Passphrase for {}: ", sanitize::path(path))
    }

    fn key_needs_roster(&self) -> String {
        "no roster yet, so no branch code; import one first: branchday roster import FILE".into()
    }

    fn canonical_failed(&self, path: &Path, why: &str) -> String {
        format!(
            "{}: cannot produce the canonical bytes ({})",
            sanitize::path(path),
            sanitize::line(why)
        )
    }

    // ---- ledger ----

    fn ledger_sheet_name(&self) -> &'static str {
        "Review ledger"
    }

    fn ledger_columns(&self) -> [&'static str; 13] {
        [
            "No.",
            "File",
            "Branch",
            "Branch code",
            "Kind",
            "Date",
            "Theme",
            "Validation",
            "Verdict",
            "Reviewer",
            "Reviewed at",
            "Comment",
            "Follow-up",
        ]
    }

    fn follow_up(&self, f: FollowUp, name: &dyn Fn(usize) -> String) -> String {
        match f {
            FollowUp::AwaitingCorrection => "returned; awaiting the branch's correction".to_owned(),
            FollowUp::Corrected(j, state) => {
                let file = name(j);
                match state {
                    ReviewState::Approved => {
                        format!("corrected ({file}); the correction is approved")
                    }
                    ReviewState::Returned => {
                        format!("corrected ({file}); the correction was returned too")
                    }
                    _ => format!("corrected ({file}); the correction awaits review"),
                }
            }
        }
    }

    fn ledger_bad_extension(&self, path: &str) -> String {
        format!("{path}: the ledger is written as .xlsx or .csv; e.g. --export-ledger ledger.xlsx")
    }

    fn ledger_failed(&self, path: &str, message: &str) -> String {
        format!("{path}: the ledger could not be made ({message})")
    }

    fn ledger_written(&self, path: &str, meetings: usize) -> String {
        format!("ledger written to {path} ({meetings} meetings)")
    }

    // ---- meeting ----

    fn checkin_type_name_or_pinyin(&self) -> &'static str {
        "type a name or pinyin initials"
    }

    fn checkin_check_in(&self) -> &'static str {
        "Check-in"
    }

    fn checkin_not_yet(&self) -> &'static str {
        "not yet"
    }

    fn checkin_not_counted(&self) -> &'static str {
        "not counted"
    }

    fn checkin_status(&self) -> &'static str {
        "Status"
    }

    fn checkin_note(&self) -> &'static str {
        "Note"
    }

    fn checkin_guests(&self) -> &'static str {
        "Guests"
    }

    fn items_discussion(&self) -> &'static str {
        "discussion"
    }

    fn items_decision(&self) -> &'static str {
        "decision"
    }

    fn items_empty(&self, key: &str) -> String {
        format!("No items yet. Press {key} to add one.")
    }

    fn items_title(&self) -> &'static str {
        "Items"
    }

    fn items_candidate(&self) -> &'static str {
        "Candidate"
    }

    fn items_stage(&self) -> &'static str {
        "Stage"
    }

    fn items_discussion_heading(&self, key: &str) -> String {
        format!("— Discussion ({key}) —")
    }

    fn items_decision_heading(&self, key: &str) -> String {
        format!("— Decision ({key}) —")
    }

    fn items_not_voted_heading(&self, key: &str) -> String {
        format!("— Not voted ({key}) —")
    }

    fn items_vote_frozen(&self) -> &'static str {
        "— Vote (frozen) —"
    }

    fn meeting_elapsed(&self) -> &'static str {
        "Elapsed"
    }

    fn meeting_overtime(&self) -> &'static str {
        " over"
    }

    fn meeting_agenda(&self) -> &'static str {
        "Agenda"
    }

    fn meeting_saved(&self) -> &'static str {
        "Saved"
    }

    fn meeting_voters(&self) -> &'static str {
        "entitled"
    }

    fn meeting_committee(&self) -> &'static str {
        "committee"
    }

    fn study_empty(&self, key: &str) -> String {
        format!("No study topics yet. Press {key} to add one.")
    }

    fn study_study_topics(&self) -> &'static str {
        "Study topics"
    }

    fn study_material(&self) -> &'static str {
        "Material"
    }

    fn activity_hint(&self, key: &str) -> String {
        format!(
            "Press {key} to note what happens in this stage (e.g. dues collected, who led the oath)."
        )
    }

    fn wrapup_summary(&self) -> &'static str {
        "Summary"
    }

    fn wrapup_finalize_before_export(&self, key: &str) -> String {
        format!("Finalize first ({key}), then export.")
    }

    fn wrapup_minutes_finalized(&self) -> &'static str {
        "Minutes finalized"
    }

    fn wrapup_file_label(&self) -> &'static str {
        "File"
    }

    fn wrapup_export_hint(&self, key: &str) -> String {
        format!("Press {key} to export the printable record.")
    }

    fn wrapup_export_title(&self) -> &'static str {
        "Export the record"
    }

    fn wrapup_export_folder(&self) -> &'static str {
        "Save in folder"
    }

    fn wrapup_export_what(&self) -> &'static str {
        "Writes the record as html, md, txt and docx, and the sign-in sheet as xlsx; a missing folder is created."
    }

    fn wrapup_exported(&self) -> &'static str {
        "Exported"
    }

    fn wrapup_no_actions(&self, key: &str) -> String {
        format!("No action items yet. Press {key} to add one.")
    }

    fn wrapup_no_date(&self) -> &'static str {
        "no date"
    }

    fn wrapup_action_items(&self) -> &'static str {
        "Action items"
    }

    fn wrapup_finalized(&self) -> &'static str {
        "✓ Finalized"
    }

    fn wrapup_ready_to_finalize(&self, key: &str) -> String {
        format!("✓ The record is complete; finalize with {key}")
    }

    fn wrapup_before_finalizing(&self) -> &'static str {
        "Before finalizing"
    }

    fn items_vote_counts(&self, v: &VoteRecord) -> String {
        let method = self.method(v.method);
        let (yes, no, abstain, written) = (v.yes, v.no, v.abstain, v.written_opinions.len());
        format!("{method}: yes {yes}, no {no}, abstain {abstain}; {written} written opinions")
    }

    fn items_vote_attendance(&self, v: &VoteRecord) -> String {
        let (e, p, needed) = (v.entitled_expected, v.entitled_present, v.yes_needed);
        format!(
            "Entitled expected {e}, present {p}, quorum {}, yes needed {needed}",
            if v.quorum_met { "met" } else { "not met" }
        )
    }

    fn meeting_unsaved(&self, pending: usize, why: &str) -> String {
        format!("⚠ {pending} unsaved ({why}), retrying ")
    }

    fn meeting_counts(&self, c: &Counts) -> String {
        format!(
            "│ Expected {} (full {}, prob. {}) present {} (full {}, prob. {})",
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
            " │ {label} {present}/{expected}, {}",
            if met { "quorum ✓" } else { "no quorum ✗" }
        )
    }

    fn wrapup_unmarked(&self, unmarked: usize) -> String {
        format!("{unmarked} members not marked; they will be recorded absent")
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
            "branchday {program}\nminutes format (branchday.minutes): writes version {writes}; reads versions {}",
            list(", ")
        )
    }

    fn generate_write_error(&self, what: &str, e: &std::io::Error) -> String {
        format!("cannot write the {what} ({e}); check where the output is redirected")
    }

    fn man_page_name(&self) -> &'static str {
        "man page"
    }

    fn completion_script_name(&self) -> &'static str {
        "completion script"
    }

    fn man_sections(&self) -> Vec<ManSection> {
        Vec::from([
            ManSection {
                title: "EXIT STATUS",
                items: Vec::from([
                    (
                        "0",
                        "everything valid (warnings allowed), delivered or written",
                    ),
                    (
                        "1",
                        "some file invalid, failed or conflicted, or a write failed",
                    ),
                    (
                        "2",
                        "a usage or configuration error (a wrong option, no terminal where one is needed, an unreadable keyring)",
                    ),
                ]),
            },
            ManSection {
                title: "ENVIRONMENT",
                items: Vec::from([
                    ("BRANCHDAY_DATA_DIR", "the data directory, as --data-dir"),
                    (
                        "BRANCHDAY_CLOCK",
                        "the program's clock reads this instant (RFC 3339, e.g. 2026-11-26T14:00:00+08:00) at its start and runs on from it, for demonstrations and tests; unset, the system clock",
                    ),
                    (
                        "BRANCHDAY_TRUST",
                        "the keyring (an OpenSSH allowed_signers file), as --trust",
                    ),
                    (
                        "BRANCHDAY_TOKEN",
                        "the bearer token upload sends; never printed or logged",
                    ),
                    (
                        "BRANCHDAY_CA_FILE",
                        "the root certificates upload trusts (a PEM file), instead of the built-in ones",
                    ),
                    (
                        "BRANCHDAY_REVIEWER",
                        "the reviewer's name review records (default: the login name)",
                    ),
                    (
                        "LC_ALL, LC_MESSAGES, LANG",
                        "a locale starting with zh gives the Chinese interface, any other English; --lang overrides",
                    ),
                ]),
            },
            ManSection {
                title: "FILES",
                items: Vec::from([
                    (
                        "~/.local/share/branchday/",
                        "the data directory: roster.json (the roster), drafts/ (journals of meetings in progress), minutes/ (finalized minutes, never overwritten), reviews/ (review remarks), uploads.jsonl (the upload ledger), keys/branch_ed25519 (the branch's signing key); installing or removing the package never touches it",
                    ),
                    (
                        "/usr/share/doc/branchday/",
                        "the README and the changelog of the minutes format",
                    ),
                ]),
            },
            ManSection {
                title: "SEE ALSO",
                items: Vec::from([(
                    "ssh-keygen(1)",
                    "checks a minutes file's signature with ssh-keygen -Y verify (see the README)",
                )]),
            },
        ])
    }

    // ---- print ----

    fn print_label(&self, l: PrintLabel) -> &'static str {
        use PrintLabel as P;
        match l {
            P::SignInSheet => "Attendance sign-in sheet",
            P::OwnSignature => "Signature",
            P::CheckInTime => "Checked in",
            P::Counted => "Counted in expected",
            P::Yes => "yes",
            P::No => "no",
            P::BranchSeal => "Branch (seal)",
            P::ReviewOpinion => "Review opinion of the superior organisation",
            P::ReviewerSignature => "Reviewer (signature)",
            P::Seal => "(seal)",
            P::SheetMeetings => "Meetings per month",
            P::SheetAttendanceBranch => "Attendance by branch",
            P::SheetAttendanceMember => "Attendance by member",
            P::SheetAbsence => "Absence runs",
            P::SheetItems => "Items by outcome",
            P::SheetFulfilment => "Meetings held",
            P::MissingPeriods => "Periods missed",
            P::BranchCode => "Branch code",
        }
    }

    fn print_subtitle_sep(&self) -> &'static str {
        " · "
    }

    fn print_page_of(&self) -> [&'static str; 3] {
        ["Page ", " of ", ""]
    }

    fn print_left_early(&self, status: &str, at: &str) -> String {
        format!("{status}, left early {at}")
    }

    fn export_written_to(&self, path: &str) -> String {
        format!("exported to {path}")
    }

    fn export_no_documents(&self, dir: &str) -> String {
        format!("no Documents folder found; exports go to {dir}")
    }

    fn export_binary_to_terminal(&self, format: &str) -> String {
        format!(
            "{format} is a binary format and cannot go to a terminal: give --output FILE, or redirect standard output to a file"
        )
    }

    fn stats_xlsx_written(&self, path: &str) -> String {
        format!("statistics workbook written to {path}")
    }

    fn stats_xlsx_failed(&self, path: &str, err: &str) -> String {
        format!(
            "{path}: cannot write the statistics workbook ({err}); check the folder exists and is writable"
        )
    }

    // ---- record ----

    fn kind(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "Themed party day",
            MeetingKind::GeneralAssembly => "General assembly",
            MeetingKind::Committee => "Committee meeting",
            MeetingKind::Group => "Party group meeting",
            MeetingKind::Lecture => "Party lecture",
            MeetingKind::LifeMeeting => "Organisational life meeting",
        }
    }

    fn kind_short(&self, k: MeetingKind) -> &'static str {
        match k {
            MeetingKind::ThemedDay => "Themed day",
            MeetingKind::GeneralAssembly => "Assembly",
            MeetingKind::Committee => "Committee",
            MeetingKind::Group => "Group",
            MeetingKind::Lecture => "Lecture",
            MeetingKind::LifeMeeting => "Life meeting",
        }
    }

    fn standing(&self, s: Standing) -> &'static str {
        match s {
            Standing::Full => "full",
            Standing::Probationary => "probationary",
            Standing::Observation => "observation",
            Standing::Suspended => "suspended",
        }
    }

    fn committee_role(&self, r: CommitteeRole) -> &'static str {
        match r {
            CommitteeRole::Secretary => "secretary",
            CommitteeRole::DeputySecretary => "deputy secretary",
            CommitteeRole::Organization => "organisation",
            CommitteeRole::Propaganda => "propaganda",
            CommitteeRole::Discipline => "discipline",
            CommitteeRole::Member => "committee member",
        }
    }

    fn exclusion(&self, c: ExclusionCategory) -> &'static str {
        match c {
            ExclusionCategory::Illness => "illness preventing expression of will",
            ExclusionCategory::AbroadPrivate => "abroad at own expense 6+ months",
            ExclusionCategory::ServingSentence => "serving a sentence",
            ExclusionCategory::Bedridden => "bedridden or unable to care for oneself",
            ExclusionCategory::AwayWorkStudy => {
                "away 6+ months for work or study, relations not moved"
            }
        }
    }

    fn status(&self, s: AttendanceStatus) -> &'static str {
        match s {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Late => "late",
            AttendanceStatus::Excused => "excused",
            AttendanceStatus::Absent => "absent",
        }
    }

    fn excuse(&self, r: ExcuseReason) -> &'static str {
        match r {
            ExcuseReason::Sick => "sick leave",
            ExcuseReason::Personal => "personal leave",
            ExcuseReason::Travel => "travel or training",
            ExcuseReason::Other => "other",
        }
    }

    fn item_type(&self, t: ItemType) -> &'static str {
        match t {
            ItemType::Ordinary => "ordinary decision",
            ItemType::Admission => "admission of a probationary member",
            ItemType::FullMembership => "full membership",
            ItemType::ProbationExtension => "extension of probation",
            ItemType::ProbationCancellation => "cancellation of probation",
            ItemType::Activist => "naming an activist",
            ItemType::DevelopmentCandidate => "naming a candidate for development",
            ItemType::Discipline => "disciplinary sanction",
            ItemType::Appraisal => "democratic appraisal of a member",
        }
    }

    fn item_stage(&self, s: ItemStage) -> &'static str {
        match s {
            ItemStage::Proposal => "Party organisation proposes",
            ItemStage::Consultation => "two committees consult",
            ItemStage::AssemblyReview => "Party members' assembly reviews",
            ItemStage::ResidentsResolution => {
                "villagers' or residents' (representatives') meeting resolves"
            }
            ItemStage::DecisionPublished => "decision published",
            ItemStage::ResultPublished => "result published",
        }
    }

    fn item_source(&self, s: ItemSource) -> &'static str {
        match s {
            ItemSource::MembersSuggestion => "members' suggestion",
            ItemSource::ResidentsSuggestion => "residents' suggestion",
            ItemSource::CadresProposal => "cadres' proposal",
            ItemSource::SuperiorAssignment => "superior's assignment",
            ItemSource::Other => "other",
        }
    }

    fn method(&self, m: VoteMethod) -> &'static str {
        match m {
            VoteMethod::ShowOfHands => "show of hands",
            VoteMethod::SecretBallot => "secret ballot",
            VoteMethod::Voice => "voice vote",
            VoteMethod::RollCall => "roll call",
        }
    }

    fn outcome(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => "passed",
            Outcome::Failed => "failed",
            Outcome::NoQuorum => "no quorum",
            Outcome::Deferred => "deferred",
        }
    }

    fn opinion(&self, o: Opinion) -> &'static str {
        match o {
            Opinion::Yes => "yes",
            Opinion::No => "no",
            Opinion::Abstain => "abstain",
        }
    }

    fn rule(&self, r: Rule) -> String {
        let text = match r {
            Rule::AssemblyOrdinary => {
                "Assembly: quorum when more than half of the expected entitled voters attend; passes when yes exceeds half of the expected entitled voters"
            }
            Rule::CommitteeOrdinary => {
                "Committee: quorum when more than half of the committee attends; passes when yes exceeds half of the committee"
            }
            Rule::Membership => {
                "Membership: secret ballot; passes when yes (with written opinions) exceeds half of the expected entitled voters"
            }
        };
        format!("{text} ({})", r.citation())
    }

    fn colon(&self) -> &'static str {
        ": "
    }

    fn stage_kind(&self, k: StageKind) -> &'static str {
        match k {
            StageKind::CheckIn => "check-in",
            StageKind::Study => "study",
            StageKind::Items => "items",
            StageKind::Activity => "activity",
            StageKind::WrapUp => "wrap-up",
        }
    }

    fn vote_error(&self, e: &VoteError) -> String {
        match e {
            VoteError::CountsExceedPresent { total, present } => {
                format!(
                    "yes + no + abstain = {total} exceeds the {present} entitled voters present"
                )
            }
            VoteError::SecretBallotRequired => {
                "a membership decision must be taken by secret ballot (细则 第二十条)"
                    .to_owned()
            }
            VoteError::WrittenNotAllowed => {
                "written opinions count only for membership decisions".to_owned()
            }
            VoteError::WrittenFromIneligible(n) => {
                format!("written opinion from {n}, who is not an absent full member")
            }
            VoteError::WrittenDuplicate(n) => format!("two written opinions from {n}"),
            VoteError::DisciplineNeedsAssembly => {
                "a disciplinary sanction is decided by the general assembly, not the committee (党章 第四十条)"
                    .to_owned()
            }
            VoteError::AppraisalIsNotVoted => {
                "a democratic appraisal is not voted: record the assessment and the grade the branch settles"
                    .to_owned()
            }
            VoteError::MembershipNeedsAssembly => {
                "membership decisions are taken by the general assembly, not the committee (细则 第二十条)"
                    .to_owned()
            }
            VoteError::BallotsWithoutSecretBallot => {
                "a ballot tally belongs to a secret ballot".to_owned()
            }
            VoteError::IssuedExceedsPresent { issued, present } => {
                format!("{issued} ballots issued to {present} entitled voters present")
            }
            VoteError::ReturnedExceedsIssued { returned, issued } => {
                format!(
                    "{returned} ballots returned of {issued} issued: the ballot is void and must be held again"
                )
            }
            VoteError::ReturnedMismatch { returned, valid, invalid } => {
                format!(
                    "{valid} valid + {invalid} invalid ballots is not the {returned} returned"
                )
            }
            VoteError::ValidMismatch { counted, valid } => {
                format!(
                    "yes + no + abstain = {counted} is not the {valid} valid ballots"
                )
            }
        }
    }

    fn problem(&self, p: &Problem) -> String {
        match p {
            Problem::TooLarge { bytes } => {
                format!(
                    "file is {bytes} bytes, over the 16 MiB limit; minutes files are never this large"
                )
            }
            Problem::NotUtf8 { line, column } => {
                format!(
                    "not UTF-8 at line {line} column {column}; save the file as UTF-8"
                )
            }
            Problem::Syntax { line, column, message } => {
                format!("JSON syntax error at line {line} column {column}: {message}")
            }
            Problem::NotAnObject => {
                "the top level is not a JSON object; this is not a minutes file".into()
            }
            Problem::WrongFormat { found } => {
                format!(
                    "format should be \"branchday.minutes\", found {found}; this is not a minutes file"
                )
            }
            Problem::UnsupportedVersion { found } => {
                format!(
                    "unsupported version {found}; this program reads version {}",
                    versions(", ")
                )
            }
            Problem::Schema { path, message } => {
                format!("field {path} does not fit the format: {message}")
            }
            Problem::NotCanonicalizable { message } => {
                format!("cannot compute the canonical digest: {message}")
            }
            Problem::UnknownIntegrity => "integrity must be sha256 with RFC8785".into(),
            Problem::DigestMismatch { recorded, computed } => {
                format!(
                    "digest mismatch: recorded {recorded}, content gives {computed}; the file was changed after it was finalized"
                )
            }
            Problem::DuplicateMember { id } => {
                format!("member {id} appears twice in the attendance list")
            }
            Problem::EndsBeforeStart => "the meeting ends before it starts".into(),
            Problem::CountMismatch { field, recorded, computed } => {
                format!(
                    "counts.{field} is {recorded} but the attendance list gives {computed}"
                )
            }
            Problem::ExclusionInconsistent { name } => {
                format!(
                    "{name}: a member left out of expected attendance needs a category and approval, and only then"
                )
            }
            Problem::ExclusionWithoutApproval { name } => {
                format!(
                    "{name}: left out of expected attendance without an approval reference; add the superior organisation's reference or count the member"
                )
            }
            Problem::FrozenSettingsDiffer { item, setting, recorded, declared } => {
                format!(
                    "item {item}: the vote was judged with {setting} = {recorded}, but the record's settings (as the rule applies them) say {declared}"
                )
            }
            Problem::VoteInKindWithoutVotes { item } => {
                format!("item {item}: this kind of meeting holds no votes")
            }
            Problem::VoteBodyWrong { item } => {
                format!("item {item}: the voting body does not match the meeting kind")
            }
            Problem::VoteRejected { item, error } => {
                format!("item {item}: {}", self.vote_error(error))
            }
            Problem::NotSecretBallot { item } => {
                format!(
                    "item {item}: a membership decision not taken by secret ballot (细则 第二十条)"
                )
            }
            Problem::RuleMismatch { item, recorded, expected } => {
                format!("item {item}: recorded rule {recorded}, but {expected} applies")
            }
            Problem::ExpectedMismatch { item, recorded, computed } => {
                format!(
                    "item {item}: entitled voters expected is {recorded} but the attendance list gives {computed}"
                )
            }
            Problem::PresentExceedsCheckIns { item, recorded, computed } => {
                format!(
                    "item {item}: entitled voters present is {recorded} but only {computed} had checked in before the vote"
                )
            }
            Problem::PresentBelowCheckIns { item, recorded, computed } => {
                format!(
                    "item {item}: entitled voters present is {recorded}, fewer than the {computed} checked in before the vote (did someone leave?)"
                )
            }
            Problem::WrittenFromPresent { item, name } => {
                format!(
                    "item {item}: {name} attended, so a written opinion must not count"
                )
            }
            Problem::QuorumMismatch { item, recorded, computed } => {
                format!(
                    "item {item}: quorum recorded as {recorded}, the rule gives {computed}"
                )
            }
            Problem::ThresholdMismatch { item, recorded, computed } => {
                format!(
                    "item {item}: yes votes needed recorded as {recorded}, the rule gives {computed}"
                )
            }
            Problem::OutcomeContradicts { item, recorded, computed } => {
                format!(
                    "item {item}: outcome recorded as {}, the rule gives {}", self
                    .outcome(* recorded), self.outcome(* computed)
                )
            }
            Problem::ActionItemMissing { action, item } => {
                format!("action {action} refers to item {item}, which does not exist")
            }
            Problem::MissingPlace => "no place recorded".into(),
            Problem::MissingChair => "no chair recorded".into(),
            Problem::MissingRecorder => "no recorder recorded".into(),
            Problem::NoAgenda => "no agenda recorded".into(),
            Problem::NoAttendance => "the attendance list is empty".into(),
            Problem::ExcusedWithoutReason { name } => {
                format!("{name} is excused without a reason")
            }
            Problem::AbsentWithoutReason { name } => {
                format!("{name} is absent with no reason noted")
            }
            Problem::DecisionWithoutFollowUp { item } => {
                format!("item {item} passed but has no follow-up owner and date")
            }
            Problem::V2FieldInV1 { field } => {
                format!(
                    "{field} belongs to format version 2, but the file says version 1; it was edited"
                )
            }
            Problem::Unsigned => {
                "unsigned: nothing says which branch it came from (version 2 records carry the branch's signature)"
                    .into()
            }
            Problem::BadSignature(p) => self.signature_problem(p),
            Problem::UnknownSigner { fingerprint } => {
                format!(
                    "signed by key {fingerprint}, but the signer was not checked; add --trust FILE (an allowed_signers keyring) or set BRANCHDAY_TRUST"
                )
            }
            Problem::UntrustedSigner { fingerprint, branch } => {
                format!(
                    "the signing key {fingerprint} is not listed for branch {branch} in the keyring; the record may not come from that branch"
                )
            }
            Problem::SignerOutsideValidity { fingerprint, line } => {
                format!(
                    "the signing key {fingerprint} was outside the validity the keyring gives it (line {line}) when the record was finalized"
                )
            }
            Problem::UnsignedUnderTrust => {
                "unsigned: under --trust a version 2 record must carry its branch's signature"
                    .into()
            }
            Problem::StandingRoundWrong { item } => {
                format!("item {item}: vote must be the last round that was not annulled")
            }
            Problem::AnnulledWithoutReason { item, round } => {
                format!("item {item}: round {round} is annulled without a reason")
            }
            Problem::RoundsOutOfOrder { item } => {
                format!("item {item}: the rounds are not in the order they closed")
            }
            Problem::LeftInconsistent { name } => {
                format!(
                    "{name}: the time of leaving does not fit (not attending, before arriving, or after the end)"
                )
            }
            Problem::LeftWithoutReason { name } => {
                format!("{name}: left early without a reason")
            }
            Problem::DeferredWithCounts { item } => {
                format!("item {item}: a deferral is not a vote and records no counts")
            }
            Problem::DeferredWithoutReason { item } => {
                format!("item {item}: a deferral needs its reason")
            }
            Problem::AppraisalVoted { item } => {
                format!(
                    "item {item}: a democratic appraisal is not voted; it records the assessment and the grade"
                )
            }
            Problem::GradeWithoutAppraisal { item } => {
                format!(
                    "item {item}: a grade on an item that is not a democratic appraisal"
                )
            }
            Problem::BallotsMissing { item } => {
                format!(
                    "item {item}: a secret ballot without ballots issued, returned, valid and invalid"
                )
            }
            Problem::NoScrutineer { item } => {
                format!(
                    "item {item}: a secret ballot without its scrutineers or counters"
                )
            }
            Problem::DuplicateCopy { of } => {
                format!(
                    "the same record as {of} (same id, same content): counted and sent once"
                )
            }
            Problem::IdConflict { with } => {
                format!(
                    "conflict: the same id as {with} with different content; ask the branch which one stands"
                )
            }
            Problem::CorrectionWithoutReason => "a correction without its reason".into(),
        }
    }

    fn severity(&self, s: crate::minutes::Severity) -> &'static str {
        match s {
            crate::minutes::Severity::Error => "error",
            crate::minutes::Severity::Warning => "warning",
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
                    "{pending} changes not written to the draft; a complete copy is in {p}. They are saved once the disk recovers; press {quit_key} again to quit"
                )
            }
            None => {
                format!(
                    "{pending} changes not saved and no place could take a copy; quitting now loses them. Press {quit_key} again to quit anyway"
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
            Some(28 | 122) => "disk full",
            Some(30) => "disk read-only",
            Some(13 | 1) => "no permission to write",
            _ => "write failed",
        }
        .to_owned()
    }

    // ---- review ----

    fn l(&self, l: L) -> &'static str {
        match l {
            L::AppTitle => "Minutes review",
            L::Colon => ": ",
            L::ListSep => ", ",
            L::All => "all",
            L::Search => "Search",
            L::Month => "Month",
            L::Sort => "Sort",
            L::NoFiles => "no minutes files found",
            L::HelpTitle => "Keys",
            L::SearchPrompt => "search (branch, theme, title, file name, id, date)",
            L::MonthPrompt => "month (e.g. 2026-03; empty for all)",
            L::MonthInvalid => "type the month as year-month, e.g. 2026-03",
            L::Reviewer => "Reviewer",
            L::Comment => "Comment",
            L::CannotApproveInvalid => {
                "this file fails validation (or its signature or digest does not hold) and cannot be approved; return it with a comment"
            }
            L::NoIdToReview => {
                "this file cannot be read (not a regular file, or no permission), so no remark can be recorded; ask the sender to send it again"
            }
            L::ReviewerRequired => "enter the reviewer's name",
            L::CommentRequired => "a return needs a comment telling the branch what to fix",
            L::Status => "Status",
            L::Review => "Review",
            L::File => "File",
            L::Findings => "Findings",
            L::NoFindings => "✓ no problems found",
            L::Digest => "Digest",
            L::Signature => "Signature",
            L::DigestVerified => {
                "✓ matches the content as finalized (a digest catches accidents, it does not prove origin)"
            }
            L::DigestDiffers => "✗ mismatch: the file was changed after it was finalized",
            L::DigestUnknown => "the digest cannot be computed",
            L::NotLoaded => "not among the files opened",
            L::Supersedes => "Corrects",
            L::LeftEarly => "left",
            L::NotCounted => "not counted",
            L::CorrectionOf => "Against the original",
            L::OriginalReview => "Original's review",
            L::CorrectionReason => "Reason for the correction",
            L::Changes => "Changes",
            L::NoChanges => "nothing differs from the original",
            L::ChangeField => "Field",
            L::Original => "Original",
            L::Correction => "Correction",
            L::FollowUp => "Follow-up",
            L::NothingToApprove => {
                "nothing shown can be approved (only unreviewed valid files that are not superseded can be approved together)"
            }
            L::SupersededBy => "Corrected by",
            L::Meeting => "Meeting",
            L::Id => "Id",
            L::Branch => "Branch",
            L::Kind => "Kind",
            L::Title => "Title",
            L::Theme => "Theme",
            L::Place => "Place",
            L::Group => "Party group",
            L::Chair => "Chair",
            L::DelegatedBy => "Delegated by",
            L::Recorder => "Recorder",
            L::Started => "Started",
            L::Ended => "Ended",
            L::Finalized => "Finalized",
            L::Counts => "Attendance counts",
            L::Expected => "Expected",
            L::Present => "Present",
            L::Rate => "Rate",
            L::Attendance => "Attendance",
            L::Approver => "approved by",
            L::NoReason => "no reason noted",
            L::Excluded => "Not counted as expected",
            L::Guests => "Guests",
            L::Agenda => "Agenda",
            L::Notes => "Notes",
            L::Study => "Study",
            L::Presenter => "Presenter",
            L::Material => "Material",
            L::Items => "Items",
            L::Item => "Item",
            L::Stage => "Stage",
            L::Source => "Source",
            L::Candidate => "Candidate",
            L::Discussion => "Discussion",
            L::Decision => "Decision",
            L::Vote => "Vote",
            L::NotVoted => "no vote taken",
            L::Written => "Written opinions",
            L::Denominators => "Voters",
            L::Rule => "Rule",
            L::ClosedAt => "Closed at",
            L::Outcome => "Outcome",
            L::Actions => "Action items",
            L::None => "none",
            L::Owner => "owner",
            L::Due => "due",
            L::Summary => "Summary",
            L::Timeline => "Timeline",
            L::Integrity => "Integrity",
            L::Algorithm => "Algorithm",
            L::DigestRecorded => "Recorded digest",
            L::DigestComputed => "Computed digest",
            L::Remarks => "Review remarks",
            L::NoRemarks => "no remarks yet",
            L::ExportTitle => "Export the record",
            L::Format => "Format",
            L::Path => "Save to",
            L::PathRequired => "enter where to save it",
            L::CannotExport => "this file has no readable minutes to export",
        }
    }

    fn paren(&self, s: &str) -> String {
        format!(" ({s})")
    }

    fn status_label(&self, s: Status) -> &'static str {
        match s {
            Status::Valid => "valid",
            Status::Warnings => "warnings",
            Status::Invalid => "invalid",
            Status::Tampered => "tampered",
            Status::Superseded => "superseded",
            Status::Conflict => "id conflict",
        }
    }

    fn review_label(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => "—",
            ReviewState::Approved => "approved",
            ReviewState::Returned => "returned",
            ReviewState::Unreadable => "damaged",
            ReviewState::Changed => "changed",
        }
    }

    fn review_detail(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Changed => {
                "the content changed after it was reviewed: review it again (the verdict was given on other content)"
            }
            other => self.review_label(other),
        }
    }

    fn review_filter_label(&self, s: ReviewState) -> &'static str {
        match s {
            ReviewState::Unreviewed => "unreviewed",
            other => self.review_label(other),
        }
    }

    fn outcome_short(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Passed => "P",
            Outcome::Failed => "F",
            Outcome::NoQuorum => "Q",
            Outcome::Deferred => "D",
        }
    }

    fn column(&self, c: Column) -> &'static str {
        match c {
            Column::Date => "Date",
            Column::Branch => "Branch",
            Column::BranchCode => "Branch code",
            Column::Kind => "Kind",
            Column::Theme => "Theme",
            Column::Attendance => "Pres/exp",
            Column::Rate => "Rate",
            Column::Items => "Items",
            Column::Status => "Status",
            Column::Review => "Review",
        }
    }

    fn review_action(&self, a: ReviewAction) -> &'static str {
        match a {
            ReviewAction::Up => "move",
            ReviewAction::Down => "down",
            ReviewAction::PageUp => "page up",
            ReviewAction::PageDown => "page down",
            ReviewAction::Top => "to the top",
            ReviewAction::Bottom => "to the end",
            ReviewAction::Open => "open",
            ReviewAction::Back => "back",
            ReviewAction::Quit => "quit",
            ReviewAction::Search => "search",
            ReviewAction::Month => "month",
            ReviewAction::CycleKind => "kind",
            ReviewAction::CycleStatus => "status",
            ReviewAction::CycleReview => "filter by review",
            ReviewAction::ApproveShown => "approve all shown",
            ReviewAction::ClearFilters => "clear filters",
            ReviewAction::SortNext => "sort",
            ReviewAction::SortPrev => "sort by previous column",
            ReviewAction::SortReverse => "reverse order",
            ReviewAction::Approve => "approve",
            ReviewAction::Return => "return",
            ReviewAction::Export => "export",
            ReviewAction::Supersedes => "open the file it corrects",
            ReviewAction::SupersededBy => "open the correction",
            ReviewAction::NextFile => "next file",
            ReviewAction::PrevFile => "previous file",
            ReviewAction::ToggleLang => "中文",
            ReviewAction::Help => "help",
        }
    }

    fn prompt_key(&self, k: PromptKey) -> &'static str {
        match k {
            PromptKey::Submit => "done",
            PromptKey::Cancel => "cancel",
            PromptKey::NextField => "next field",
            PromptKey::Format => "format",
            PromptKey::Newline => "new line",
        }
    }

    fn remark_title(&self, v: Verdict) -> &'static str {
        match v {
            Verdict::Approved => "Approve",
            Verdict::Returned => "Return for correction",
        }
    }

    fn batch_title(&self, n: usize) -> String {
        format!("Approve {n} files")
    }

    fn batch_scope(&self, n: usize, skipped: usize) -> String {
        match skipped {
            0 => format!("all {n} files shown"),
            _ => {
                format!(
                    "{n} files shown; {skipped} more are invalid, superseded or already reviewed and left out"
                )
            }
        }
    }

    fn batch_approved(&self, n: usize) -> String {
        format!("recorded: {n} files approved")
    }

    fn batch_stopped(&self, saved: usize, total: usize, message: &str) -> String {
        format!("stopped after approving {saved} of {total} files: {message}")
    }

    fn remark_saved(&self, v: Verdict) -> String {
        match v {
            Verdict::Approved => "recorded: approved".to_owned(),
            Verdict::Returned => "recorded: returned".to_owned(),
        }
    }

    fn exported(&self, path: &str) -> String {
        format!("exported to {path}")
    }

    fn remark_error(&self, e: &RemarkError) -> String {
        match e {
            RemarkError::Store(s) => self.store_error(s),
            RemarkError::Unreadable { path, message } => {
                let p = sanitize::path(path);
                let m = sanitize::line(message);
                format!(
                    "{p}: the review file cannot be read ({m}) and was left alone; repair or move it, then try again"
                )
            }
            RemarkError::Busy { path } => {
                let p = sanitize::path(path);
                format!("another branchday is writing review remarks ({p}); try again in a moment")
            }
            RemarkError::Full { path } => {
                let p = sanitize::path(path);
                format!(
                    "{p}: the review file has reached its 4 MiB limit; archive old remarks first"
                )
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
                        "permission denied; check the file's permissions".to_owned()
                    }
                    _ => format!("cannot be read ({source})"),
                }
            }
            RowError::NotRegular => "not a regular file (a pipe or a device); not read".to_owned(),
            RowError::Missing => "no such file or folder; check the path".to_owned(),
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
        format!(
            "Findings ({e} error{}, {w} warning{})",
            if e == 1 { "" } else { "s" },
            if w == 1 { "" } else { "s" }
        )
    }

    fn duration(&self, seconds: u64) -> String {
        let (m, s) = (seconds / 60, seconds % 60);
        match (m, s) {
            (0, s) => format!("{s} s"),
            (m, 0) => format!("{m} min"),
            (m, s) => format!("{m} min {s} s"),
        }
    }

    fn planned_actual(&self, planned: u64, actual: u64) -> String {
        format!(
            "planned {}, took {}",
            self.duration(planned),
            self.duration(actual)
        )
    }

    fn split_count(&self, total: u32, full: u32, probationary: u32) -> String {
        format!("{total} ({full} full, {probationary} probationary)")
    }

    fn yes_no_abstain(&self, yes: u32, no: u32, abstain: u32) -> String {
        format!("yes {yes}, no {no}, abstain {abstain}")
    }

    fn denominators(&self, expected: u32, present: u32, quorum: bool, yes_needed: u32) -> String {
        let q = if quorum { "quorum met" } else { "no quorum" };
        format!("entitled expected {expected}, present {present}, {q}, {yes_needed} yes needed")
    }

    fn timeline_event(&self, e: TimelineEvent) -> &'static str {
        match e {
            TimelineEvent::StageStarted => "stage",
            TimelineEvent::CheckedIn => "check-in",
            TimelineEvent::AttendanceCleared => "check-in undone",
            TimelineEvent::GuestAdded => "guest",
            TimelineEvent::VoteClosed => "vote",
            TimelineEvent::Ended => "meeting ended",
            TimelineEvent::Left => "left early",
            TimelineEvent::VoteAnnulled => "round annulled",
            TimelineEvent::Appraised => "grade settled",
        }
    }

    fn loading(&self, done: usize, total: usize) -> String {
        format!("reading {done}/{total}")
    }

    fn files_total(&self, total: usize) -> String {
        format!("{total} files")
    }

    fn shown(&self, shown: usize, total: usize) -> String {
        format!("showing {shown} of {total}")
    }

    fn review_no_match(&self, key: &str) -> String {
        format!("no file matches the filters; press {key} to clear them")
    }

    fn copies_label(&self, n: usize) -> String {
        format!("Copies ({n})")
    }

    // ---- room ----

    fn form_ballots_issued(&self) -> &'static str {
        "Ballots issued"
    }

    fn form_ballots_returned(&self) -> &'static str {
        "Ballots returned"
    }

    fn form_ballots_valid(&self) -> &'static str {
        "Valid ballots"
    }

    fn form_ballots_invalid(&self) -> &'static str {
        "Invalid ballots"
    }

    fn form_scrutineer(&self, n: usize) -> String {
        format!("Scrutineer {n}")
    }

    fn form_counter(&self) -> &'static str {
        "Teller"
    }

    fn form_ballot_people_required(&self) -> &'static str {
        "a secret ballot needs a scrutineer and a teller"
    }

    fn confirm_vote_title(&self, item: &str) -> String {
        format!("Close the vote? · {item}")
    }

    fn confirm_vote_question(&self) -> &'static str {
        "Close this round"
    }

    fn confirm_vote_note(&self) -> &'static str {
        "once closed the round is frozen; a round entered wrongly can be annulled and held again, and stays in the record"
    }

    fn annul_title(&self, round: usize, item: &str) -> String {
        format!("Annul round {round} · {item}")
    }

    fn annul_reason_label(&self) -> &'static str {
        "Why annulled"
    }

    fn annul_reason_required(&self) -> String {
        "give the reason: the annulled round stays in the record with it".to_owned()
    }

    fn annul_note(&self, key: &str) -> String {
        format!("then press {key} to vote again")
    }

    fn vote_stands(&self, key: &str) -> String {
        format!(
            "this item has a vote that stands; if it was entered wrongly, press {key} to annul it, then vote again"
        )
    }

    fn nothing_to_annul(&self) -> &'static str {
        "this item has no round to annul"
    }

    fn round_heading(&self, n: usize, annulled: Option<&str>) -> String {
        match annulled {
            None => format!("— Round {n} —"),
            Some(why) => format!("— Round {n} (annulled: {why}) —"),
        }
    }

    fn items_vote_again(&self, key: &str) -> String {
        format!("A new round can be held ({key})")
    }

    fn leave_title(&self, name: &str) -> String {
        format!("Left early · {name}")
    }

    fn leave_time_label(&self) -> &'static str {
        "Left at (HH:MM)"
    }

    fn leave_reason_label(&self) -> &'static str {
        "Why"
    }

    fn leave_reason_required(&self) -> String {
        "give the reason for leaving".to_owned()
    }

    fn leave_time_bad(&self) -> String {
        "write the time as HH:MM, e.g. 15:40".to_owned()
    }

    fn leave_time_before_arrival(&self, arrived: &str) -> String {
        format!("that is before they checked in ({arrived})")
    }

    fn leave_time_future(&self) -> String {
        "that time has not come yet".to_owned()
    }

    fn leave_note(&self) -> &'static str {
        "from then on they are not present for any vote"
    }

    fn not_here(&self, name: &str) -> String {
        format!("{name} is not at the meeting, so cannot leave early")
    }

    fn left_badge(&self, time: &str) -> String {
        format!("left {time}")
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
        format!("undone: {name} {from} → {to}")
    }

    fn all_present_title(&self) -> &'static str {
        "All remaining present"
    }

    fn all_present_question(&self, n: usize) -> String {
        format!("Mark the {n} not yet checked in as present")
    }

    fn everyone_marked(&self) -> &'static str {
        "everyone is checked in"
    }

    fn remove_guest_title(&self) -> &'static str {
        "Remove a guest"
    }

    fn edit_guest_title(&self) -> &'static str {
        "Edit a guest"
    }

    fn guest_position_label(&self) -> &'static str {
        "Position"
    }

    fn guest_position(&self, n: usize) -> String {
        format!("No. {n}")
    }

    fn guest_label(&self) -> &'static str {
        "Guest"
    }

    fn no_guests(&self) -> &'static str {
        "there are no guests"
    }

    fn outside_roster(&self) -> &'static str {
        "(not on the roster)"
    }

    fn remove_title(&self, what: &str) -> String {
        format!("Remove · {what}")
    }

    fn remove_question(&self) -> &'static str {
        "Remove it"
    }

    fn remove_note(&self) -> &'static str {
        "the removal is kept in the meeting's journal; its notes go with it"
    }

    fn marked_late(&self, key: &str) -> String {
        format!("the meeting has started: marked late; press {key} for someone who came on time")
    }

    fn not_started(&self, key: &str) -> String {
        format!("not started ({key} starts)")
    }

    fn grade(&self, g: crate::domain::Grade) -> &'static str {
        use crate::domain::Grade;
        match g {
            Grade::Excellent => "excellent",
            Grade::Qualified => "qualified",
            Grade::BasicallyQualified => "basically qualified",
            Grade::Unqualified => "unqualified",
        }
    }

    fn appraisal_title(&self, who: &str) -> String {
        format!("Democratic appraisal · {who}")
    }

    fn grade_label(&self) -> &'static str {
        "Grade settled"
    }

    fn tally_label(&self, g: crate::domain::Grade) -> String {
        format!("Rated {}", self.grade(g))
    }

    fn appraisal_note(&self) -> &'static str {
        "an appraisal is not a majority vote: record the ratings (if kept) and the grade the branch settles"
    }

    fn tallies_exceed(&self, total: u32, present: u32) -> String {
        format!("{total} ratings, more than the {present} members present")
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
        .join(", ");
        format!("{grade} (ratings: {parts})")
    }

    fn item_type_note(&self, t: crate::domain::ItemType) -> Option<&'static str> {
        use crate::domain::ItemType;
        match t {
            ItemType::Activist => Some(
                "named by the committee (the assembly where there is none); record how they were recommended as the source (细则 第九条)",
            ),
            ItemType::DevelopmentCandidate => Some(
                "named by the committee after hearing the group, the contacts, members and non-members; reported to the Party committee (细则 第十三、十四条)",
            ),
            ItemType::Discipline => Some(
                "decided by the general assembly, in force once the Party committee approves: record it as awaiting approval (党章 第四十条)",
            ),
            ItemType::Appraisal => Some(self.appraisal_note()),
            _ => None,
        }
    }

    fn meeting_counts_short(&self, c: &crate::domain::record::Counts) -> String {
        format!(
            "│ Expected {} present {}",
            c.expected_total, c.present_total
        )
    }

    fn confirm_vote_options(&self) -> Vec<String> {
        Vec::from([
            "No, back to the counts".to_owned(),
            "Yes, close the vote".to_owned(),
        ])
    }

    fn cancel_or_confirm(&self) -> Vec<String> {
        Vec::from(["No".to_owned(), "Yes".to_owned()])
    }

    // ---- roster ----

    fn roster_field(&self, f: Field) -> &'static str {
        match f {
            Field::Name => "name",
            Field::Id => "id",
            Field::Standing => "standing",
            Field::Group => "group",
            Field::Role => "committee role",
            Field::Exclusion => "exclusion",
            Field::ApprovalRef => "approval reference",
            Field::Joined => "date joined",
            Field::Confirmed => "date confirmed",
        }
    }

    fn roster_file_error(&self, e: &FileError) -> String {
        match e {
            FileError::Empty => {
                "the file is empty; export a roster with a header row and members".into()
            }
            FileError::NotUtf8 { line } => {
                format!(
                    "from line {line} on the text is neither UTF-8 nor GBK/GB18030; in Excel use Save As \"CSV UTF-8 (Comma delimited)\", or import the .xlsx file itself"
                )
            }
            FileError::Utf16 => {
                "this UTF-16 \"Unicode text\" has invalid characters; in Excel use Save As \"CSV UTF-8 (Comma delimited)\""
                    .into()
            }
            FileError::Binary { line } => {
                format!(
                    "binary data at line {line}; this is not a text CSV file, check that it is the right file"
                )
            }
            FileError::ZipInCsv => {
                "the content is an Excel workbook (.xlsx) but the name ends in .csv; rename it to .xlsx"
                    .into()
            }
            FileError::OldExcel => {
                "this is an old Excel 97-2003 workbook (.xls); save it as .xlsx or \"CSV UTF-8 (Comma delimited)\" in Excel"
                    .into()
            }
            FileError::NotXlsx => {
                "not an .xlsx workbook (not a zip archive); if it is a CSV file, rename it to .csv"
                    .into()
            }
            FileError::Xlsx { message } => {
                format!(
                    "cannot read the .xlsx workbook ({}); save it again from Excel and retry",
                    crate ::sanitize::line(message)
                )
            }
            FileError::XlsxTooLarge => {
                "the workbook unpacks to far more than a roster needs; keep only the roster sheet and retry"
                    .into()
            }
            FileError::Csv { line, message } => {
                let m = crate::sanitize::line(message);
                match line {
                    Some(l) => {
                        format!(
                            "CSV error at line {l} ({m}); check that quotes are paired"
                        )
                    }
                    None => format!("CSV error ({m})"),
                }
            }
            FileError::TooManyRows => {
                format!(
                    "more than {MAX_ROWS} rows, far more than one branch's roster; check that it is the right file"
                )
            }
            FileError::TooManyColumns { line } => {
                format!(
                    "line {line} has more than {MAX_COLUMNS} columns, not a roster; remove the extra columns"
                )
            }
            FileError::NoHeader => {
                "no header row: none of the first 20 rows has a name column; use headers such as name, id, standing, group, committee_role, exclusion, approval_ref (or 姓名、编号、类别、党小组、职务、不计入应到会类别、批准文号)"
                    .into()
            }
            FileError::DuplicateColumn { line, field } => {
                format!(
                    "the header at line {line} has two {} columns; remove one", self
                    .roster_field(* field)
                )
            }
            FileError::NoSuchSheet { wanted, sheets } => {
                self.roster_no_such_sheet(wanted, sheets)
            }
            FileError::NoHeaderInSheet { sheet } => self.roster_no_header_in_sheet(sheet),
            FileError::NoMembers => {
                "there are no members under the header row; fill in the roster first"
                    .into()
            }
        }
    }

    fn roster_row_problem(&self, p: &RowProblem) -> String {
        match p {
            RowProblem::MissingName => "no name".into(),
            RowProblem::MissingStanding => {
                "no standing (full, probationary, observation or suspended)".into()
            }
            RowProblem::UnknownStanding(v) => {
                format!(
                    "unknown standing \"{v}\"; use full, probationary, observation or suspended"
                )
            }
            RowProblem::UnknownRole(v) => {
                format!(
                    "unknown role \"{v}\"; use secretary, deputy secretary, organization, propaganda, discipline, member, the group's leader or deputy leader, or leave it empty"
                )
            }
            RowProblem::UnknownExclusion(v) => {
                format!(
                    "unknown exclusion category \"{v}\"; use 1-5 or its wording, or leave it empty"
                )
            }
            RowProblem::ExclusionWithoutApproval => {
                "leaving a member out of expected attendance needs the superior organisation's approval: fill in the approval reference"
                    .into()
            }
            RowProblem::ApprovalWithoutExclusion => {
                "an approval reference without an exclusion category".into()
            }
            RowProblem::DuplicateId { id, first_line } => {
                format!("id {id} is already used on line {first_line}")
            }
            RowProblem::BadId(id) => format!("id \"{id}\" contains spaces"),
            RowProblem::Formula(f) => {
                format!(
                    "the {} starts with = + @ or -, like a spreadsheet formula; enter plain text",
                    self.roster_field(* f)
                )
            }
            RowProblem::Control(f) => {
                format!(
                    "the {} contains control characters, line breaks or direction marks; remove them",
                    self.roster_field(* f)
                )
            }
            RowProblem::CellError(f, v) => {
                format!(
                    "the {} is the spreadsheet error {}; fix the formula or enter plain text",
                    self.roster_field(* f), crate ::sanitize::line(v)
                )
            }
            RowProblem::TooLong(f) => {
                format!("the {} is too long", self.roster_field(* f))
            }
            RowProblem::BadDate(f, v) => self.roster_bad_date(*f, v),
            RowProblem::TwoDuties(v) => self.roster_two_duties(v),
        }
    }

    fn roster_rows_failed(&self, path: &str, rows: usize) -> String {
        format!("{path}: {rows} problem(s); nothing was written, fix them and import again")
    }

    fn roster_unsupported(&self, path: &str) -> String {
        format!("{path}: only .csv and .xlsx files can be imported; save the roster as one of them")
    }

    fn roster_no_branch(&self) -> &'static str {
        "there is no roster yet, so the branch needs a name: pass --branch NAME (and optionally --code CODE)"
    }

    fn roster_bad_flag(&self, flag: &str) -> String {
        format!("{flag} is empty or contains control characters; use plain text")
    }

    fn roster_heading(&self, name: &str, code: &str, n: usize) -> String {
        let code = if code.is_empty() {
            String::new()
        } else {
            format!(" ({code})")
        };
        format!("{name}{code}, {n} members")
    }

    fn roster_standing_counts(&self, counts: &[(&'static str, usize)]) -> String {
        counts
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(s, n)| format!("{s} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn roster_columns(&self) -> [&'static str; 6] {
        ["Id", "Name", "Standing", "Group", "Role", "Not counted"]
    }

    fn roster_exclusion_short(&self, x: &Exclusion) -> String {
        format!("{} ({})", x.category.number(), x.approval_ref)
    }

    fn roster_branch_change(&self, old: &str, new: &str) -> String {
        format!("Branch: {old} -> {new}")
    }

    fn roster_added(&self, n: usize) -> String {
        format!("{n} added:")
    }

    fn roster_removed(&self, n: usize) -> String {
        format!("{n} removed (names in existing minutes are not affected):")
    }

    fn roster_changed(&self, n: usize) -> String {
        format!("{n} changed:")
    }

    fn roster_unchanged(&self, n: usize) -> String {
        format!("{n} unchanged.")
    }

    fn roster_ignored_columns(&self, cols: &str) -> String {
        format!("Columns not used: {cols}")
    }

    fn roster_repeated_names(&self, names: &str) -> String {
        format!("Note: more than one member named {names}; check that nobody is entered twice")
    }

    fn roster_no_changes(&self) -> &'static str {
        "The roster is unchanged; nothing written."
    }

    fn roster_dry_run(&self) -> &'static str {
        "Dry run: nothing written."
    }

    fn roster_confirm(&self) -> &'static str {
        "Write? [y/N] "
    }

    fn roster_declined(&self) -> &'static str {
        "Nothing written."
    }

    fn roster_need_yes(&self) -> &'static str {
        "nothing written: not running on a terminal, so there is no one to confirm; run again with --yes to write (or --dry-run to only preview)"
    }

    fn roster_written(&self, path: &str, n: usize) -> String {
        format!("Written {path} ({n} members).")
    }

    fn roster_none(&self) -> &'static str {
        "there is no roster yet; import one with branchday roster import FILE"
    }

    fn change_name(&self) -> &'static str {
        "name"
    }

    fn change_standing(&self) -> &'static str {
        "standing"
    }

    fn change_group(&self) -> &'static str {
        "group"
    }

    fn change_role(&self) -> &'static str {
        "role"
    }

    fn change_exclusion(&self) -> &'static str {
        "exclusion"
    }

    fn change_semicolon_sep(&self) -> &'static str {
        "; "
    }

    // ---- roster_import ----

    fn roster_no_such_sheet(&self, wanted: &str, sheets: &[String]) -> String {
        let list = sheets.join(self.export_list_sep());
        format!(
            "the workbook has no sheet \"{wanted}\"; its sheets are: {list} (use --sheet NAME or --sheet NUMBER)"
        )
    }

    fn roster_no_header_in_sheet(&self, sheet: &str) -> String {
        format!(
            "sheet \"{sheet}\" has no name column in its first 20 rows; choose the sheet that holds the roster (--sheet)"
        )
    }

    fn roster_bad_date(&self, f: Field, v: &str) -> String {
        format!(
            "the {} \"{v}\" is not a date; write it as 2020-05-01, 2020年5月1日 or 2020.05",
            self.roster_field(f)
        )
    }

    fn roster_two_duties(&self, v: &str) -> String {
        format!(
            "the role \"{v}\" names two committee places or two group places; a member holds at most one of each"
        )
    }

    fn roster_encoding(&self, e: TextEncoding) -> String {
        format!("Encoding: {}", e.label())
    }

    fn roster_sheet(&self, name: &str) -> String {
        format!("Sheet: {name}")
    }

    fn roster_skip_word(&self, why: Skip) -> &'static str {
        match why {
            Skip::Title => "title rows",
            Skip::Total => "total rows",
            Skip::Footer => "signature, date and note lines",
            Skip::Header => "repeated header rows",
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
            let list = lines.join(", ");
            parts.push(format!("{} (line {list})", self.roster_skip_word(why)));
        }
        format!("Left out (not members): {}", parts.join("; "))
    }

    fn roster_warning(&self, w: &Warning) -> String {
        let sep = self.export_list_sep();
        let text = match w {
            Warning::TwoSecretaries { names } => {
                format!(
                    "Note: {} members hold secretary ({}); a branch has one secretary",
                    names.len(),
                    names.join(sep)
                )
            }
            Warning::TwoGroups { name, groups } => {
                format!(
                    "Note: {name} is in more than one group ({}); a member belongs to one group, check for a double entry",
                    groups.join(sep)
                )
            }
            Warning::SameName { name, ids } => {
                format!(
                    "Note: more than one member named {name} (ids {}), kept apart by id; check that nobody is entered twice",
                    ids.join(sep)
                )
            }
            Warning::ProbationEnded {
                name,
                joined,
                ended,
            } => {
                format!(
                    "Note: probationary member {name} joined on {joined}; the year of probation ended on {ended}, so 转正 is to be discussed"
                )
            }
            Warning::TwoLeaders { group, names } => {
                format!(
                    "Note: {group} has more than one leader or deputy ({}); the first is kept",
                    names.join(sep)
                )
            }
        };
        sanitize::line(&text).into_owned()
    }

    fn roster_export_columns(&self) -> [&'static str; 9] {
        [
            "id",
            "name",
            "standing",
            "group",
            "role",
            "joined",
            "confirmed",
            "exclusion",
            "approval_ref",
        ]
    }

    fn roster_duties_sep(&self) -> &'static str {
        "; "
    }

    fn roster_sheet_name(&self) -> &'static str {
        "Roster"
    }

    fn roster_group_leader(&self) -> &'static str {
        "group leader"
    }

    fn roster_group_deputy(&self) -> &'static str {
        "deputy group leader"
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
            .map(|d| format!(", deputy {d}"))
            .unwrap_or_default();
        format!("{}: {n} members, leader {leader}{deputy}", g.name)
    }

    fn roster_exported(&self, path: &str, n: usize) -> String {
        format!("Exported {path} ({n} members).")
    }

    fn roster_export_failed(&self, path: &str, why: &str) -> String {
        format!("{path}: cannot build the roster file ({why})")
    }

    // ---- roster_screen ----

    fn roster_arrival_label(&self) -> &'static str {
        "How"
    }

    fn roster_arrival_transfer(&self) -> &'static str {
        "transferred in"
    }

    fn roster_arrival_new(&self) -> &'static str {
        "newly admitted here"
    }

    fn roster_arrival_from(&self) -> &'static str {
        "Transferred from"
    }

    fn roster_date_label(&self) -> &'static str {
        "Date"
    }

    fn roster_destination_label(&self) -> &'static str {
        "Transferred to"
    }

    fn roster_new_standing(&self) -> &'static str {
        "New standing"
    }

    fn roster_out_since(&self) -> &'static str {
        "Out of contact since"
    }

    fn roster_suspended_from(&self) -> &'static str {
        "Membership suspended from (if decided)"
    }

    fn roster_group_place(&self) -> &'static str {
        "Place in the group"
    }

    fn roster_by_label(&self) -> &'static str {
        "Recorded by"
    }

    fn roster_remarks(&self) -> &'static str {
        "Remarks"
    }

    fn roster_member_count(&self, n: usize, departed: usize) -> String {
        match departed {
            0 => format!("{n} members"),
            d => format!("{n} members, {d} transferred out"),
        }
    }

    fn roster_out_of_contact_short(&self, since: NaiveDate) -> String {
        format!("out of contact since {since}")
    }

    fn roster_dialog_title(&self, kind: DialogKind, name: &str) -> String {
        match kind {
            DialogKind::Add => "Add a member".into(),
            DialogKind::TransferOut => format!("{name}: transfer out"),
            DialogKind::Standing => {
                format!("{name}: change standing (转正 after the branch assembly's decision)")
            }
            DialogKind::OutOfContact => {
                format!("{name}: out of contact (6+ months, not found)")
            }
            DialogKind::Restore => format!("{name}: back in contact"),
            DialogKind::Exclude => {
                format!(
                    "{name}: not counted in expected attendance (needs the superior's approval and an assembly resolution)"
                )
            }
            DialogKind::Include => {
                format!("{name}: counted in expected attendance again")
            }
            DialogKind::Place => format!("{name}: group and role"),
        }
    }

    fn roster_bad_text(&self, label: &str) -> String {
        format!(
            "{label} has control characters, starts like a formula or is too long (60 characters at most)"
        )
    }

    fn roster_required(&self, label: &str) -> String {
        format!("please fill in {label}")
    }

    fn roster_form_bad_date(&self, label: &str, v: &str) -> String {
        format!("{label} \"{v}\" is not a date; write it as 2026-05-01")
    }

    fn roster_date_in_future(&self) -> &'static str {
        "the date joined cannot be after today"
    }

    fn roster_change_error(&self, e: &ChangeError) -> String {
        match e {
            ChangeError::NoSuchMember(id) => format!("no member with id {id}"),
            ChangeError::EmptyName => "please fill in the name".into(),
            ChangeError::IdTaken(id) => format!("id {id} is already used"),
            ChangeError::EmptyText => {
                "please fill in the organisation or the approval reference".into()
            }
            ChangeError::SameStanding => {
                "that is the member's standing already; choose another".into()
            }
            ChangeError::BeforeJoined => {
                "the date of 转正 is before the date joined; check the date".into()
            }
            ChangeError::NotOutOfContact => "the member is not marked out of contact".into(),
            ChangeError::NotExcluded => {
                "the member is counted in expected attendance already".into()
            }
            ChangeError::PlaceWithoutGroup => {
                "a group leader or deputy needs a group: fill it in".into()
            }
        }
    }

    fn roster_saved(&self) -> &'static str {
        "Saved, and kept in the roster history."
    }

    fn roster_import_title(&self) -> &'static str {
        "Import a roster (.xlsx or .csv)"
    }

    fn roster_import_path(&self) -> &'static str {
        "File"
    }

    fn roster_import_branch(&self) -> &'static str {
        "Branch name"
    }

    fn roster_import_code(&self) -> &'static str {
        "Branch code (optional)"
    }

    fn roster_import_sheet(&self) -> &'static str {
        "Sheet (optional)"
    }

    fn roster_import_confirm_hint(&self) -> &'static str {
        "Press y or Enter to write the roster; Esc to go back to the path."
    }

    fn roster_import_preview_title(&self) -> &'static str {
        "Import preview: check before writing"
    }

    fn roster_imported(&self, n: usize) -> String {
        format!("Imported {n} members, kept in the roster history.")
    }

    fn home_import_roster(&self) -> &'static str {
        "Import the branch roster (Excel or CSV file)"
    }

    fn home_no_roster_ways(&self) -> &'static str {
        "No roster yet. Choose \"Import the branch roster\" and give the file's path, or \"Try the demo branch\" to look around first."
    }

    // ---- tui ----

    fn action(&self, a: KeyAction) -> &'static str {
        match a {
            KeyAction::Quit => "quit",
            KeyAction::Help => "help",
            KeyAction::Back => "back",
            KeyAction::Up => "up",
            KeyAction::Down => "down",
            KeyAction::Confirm => "select",
            KeyAction::NextStage => "next stage",
            KeyAction::PrevStage => "previous stage",
            KeyAction::ShowCheckIn => "show check-in",
            KeyAction::ShowStudy => "show study",
            KeyAction::ShowItems => "show items",
            KeyAction::ShowWrapUp => "show wrap-up",
            KeyAction::NewMeeting => "new meeting",
            KeyAction::Browse => "minutes",
            KeyAction::ShowRoster => "roster",
            KeyAction::MarkArrived => "check in",
            KeyAction::StartMeeting => "start the meeting",
            KeyAction::MarkPresent => "present",
            KeyAction::MarkLate => "late",
            KeyAction::MarkExcused => "excused",
            KeyAction::MarkAbsent => "absent",
            KeyAction::Undo => "undo",
            KeyAction::AddGuest => "guest",
            KeyAction::ClearFilter => "clear filter",
            KeyAction::MarkLeft => "left early",
            KeyAction::ClearMark => "reset to not checked in",
            KeyAction::AllPresent => "all remaining present",
            KeyAction::RemoveGuest => "remove a guest",
            KeyAction::EditGuest => "edit a guest",
            KeyAction::AddTopic => "add topic",
            KeyAction::EditNotes => "notes",
            KeyAction::ToggleTimer => "timer",
            KeyAction::AddItem => "add item",
            KeyAction::EditDecision => "decision",
            KeyAction::Vote => "vote",
            KeyAction::AnnulVote => "annul this round",
            KeyAction::AddAction => "add action",
            KeyAction::Edit => "edit",
            KeyAction::Remove => "remove",
            KeyAction::MoveUp => "move up",
            KeyAction::MoveDown => "move down",
            KeyAction::EditSummary => "summary",
            KeyAction::EditDetails => "details",
            KeyAction::Finalize => "finalize",
            KeyAction::Export => "export",
            KeyAction::NextField => "next field",
            KeyAction::PrevField => "previous field",
            KeyAction::Submit => "submit",
            KeyAction::Left => "left",
            KeyAction::Right => "right",
            KeyAction::AddMember => "add member",
            KeyAction::TransferOut => "transfer out",
            KeyAction::ChangeStanding => "standing",
            KeyAction::OutOfContact => "out of contact",
            KeyAction::ToggleExclusion => "not counted",
            KeyAction::EditPlace => "group and role",
            KeyAction::ImportRoster => "import roster",
        }
    }

    fn demo_location(&self, dir: &std::path::Path) -> String {
        let p = crate::sanitize::path(dir);
        format!("Demo data is in {p} (safe to delete)")
    }

    fn emergency_copy(&self, path: &std::path::Path) -> String {
        let p = crate::sanitize::path(path);
        format!(
            "some changes could not be written to the draft; a complete emergency copy is in {p}"
        )
    }

    fn emergency_failed(&self) -> String {
        "some changes could not be saved and no place could take an emergency copy; check the disk"
            .to_owned()
    }

    fn templates_error(&self, path: &std::path::Path, message: &str) -> String {
        let p = crate::sanitize::path(path);
        let m = crate::sanitize::line(message);
        format!(
            "{p}: the agenda templates cannot be read ({m}); using the built-in ones — fix or delete the file"
        )
    }

    fn app_draft_resumed(&self) -> &'static str {
        "Draft resumed"
    }

    fn app_correction_finalize_to_save(&self) -> &'static str {
        "Correction: finalize to save a new file that names the record it corrects"
    }

    fn help_title(&self, key: &str) -> String {
        format!("Keys ({key} closes)")
    }

    fn help_saved_note(&self, key: &str) -> String {
        format!("Everything is saved as you go; after {key}, resume from the home screen.")
    }

    fn home_start_new_meeting(&self) -> &'static str {
        "Start a new meeting"
    }

    fn home_quit(&self) -> &'static str {
        "Quit"
    }

    fn home_branchday_branch_meeting_minutes(&self) -> &'static str {
        "branchday · branch meeting minutes"
    }

    fn home_demo_mode_data_lives(&self) -> &'static str {
        "Demo mode: data lives in a temporary folder"
    }

    fn home_breadcrumb(&self) -> &'static str {
        "Home"
    }

    fn picker_no_finalized_minutes_yet(&self) -> &'static str {
        "No finalized minutes yet."
    }

    fn picker_correction_mark(&self) -> &'static str {
        " (correction)"
    }

    fn picker_choose_minutes_to_correct(&self) -> &'static str {
        "Choose the minutes to correct (the original file is never changed)"
    }

    fn roster_role(&self) -> &'static str {
        "Role"
    }

    fn roster_not_counted(&self) -> &'static str {
        "Not counted"
    }

    fn roster_title(&self) -> &'static str {
        "Roster"
    }

    fn setup_new_meeting(&self) -> &'static str {
        "New meeting"
    }

    fn setup_kind(&self) -> &'static str {
        "Kind"
    }

    fn setup_agenda_template(&self) -> &'static str {
        "Agenda template"
    }

    fn setup_party_group_group_meetings(&self) -> &'static str {
        "Party group (group meetings)"
    }

    fn setup_planned_start_hh_mm(&self) -> &'static str {
        "Planned start (HH:MM)"
    }

    fn setup_generic_check_in_items(&self) -> &'static str {
        "(generic: check-in, items, wrap-up)"
    }

    fn setup_planned_start_must_look(&self) -> &'static str {
        "planned start must look like 14:30"
    }

    fn app_import_roster_first(&self) -> &'static str {
        "import a roster first"
    }

    fn home_correct_finalized_minutes(&self) -> &'static str {
        "Correct finalized minutes"
    }

    fn home_try_demo_branch_throw(&self) -> &'static str {
        "Try the demo branch (throw-away data)"
    }

    fn home_no_roster_yet_import(&self) -> &'static str {
        "No roster yet: import one with branchday roster import roster.xlsx, or try the demo branch."
    }

    fn setup_please_fill_in_title(&self) -> &'static str {
        "please fill in the title"
    }

    fn setup_roster_has_no_party(&self) -> &'static str {
        "the roster has no party groups"
    }

    fn home_resume(&self, title: &str, kind: MeetingKind, when: &str) -> String {
        let kind = self.kind(kind);
        format!("Resume: {title} ({kind}, last saved {when})")
    }

    fn home_browse(&self, files: usize) -> String {
        format!("Browse minutes ({files} files)")
    }

    fn home_roster(&self, members: usize) -> String {
        format!("Roster ({members} members)")
    }

    fn setup_default_title(&self, kind: MeetingKind, year: i32, month: u32) -> String {
        let kind = self.kind(kind);
        format!("{kind} {year}-{month:02}")
    }

    fn draft_locked(&self, holder: &crate::store::holder::Holder) -> String {
        use crate::store::holder::Holder;
        match holder {
            Holder::InWindow { pid, since } => {
                format!(
                    "this draft is open in another branchday window (process {pid}, since {since}); leave the meeting there (Ctrl+Q) and try again"
                )
            }
            Holder::NoTerminal { pid, since } => {
                format!(
                    "Press y to take over (any other key cancels): process {pid} holds this draft and has no terminal window any more (since {since}); taking over makes it save and exit, and everything saved stays"
                )
            }
            Holder::NotBranchday { pid } => {
                format!(
                    "Press y to take over (any other key cancels): the draft's lock names process {pid}, which is no longer branchday, so the lock is stale"
                )
            }
            Holder::Unknown => {
                "this draft is open in another branchday; leave the meeting there and try again"
                    .to_owned()
            }
        }
    }

    // ---- words ----

    fn none_word(&self) -> &'static str {
        "none"
    }

    fn name_label(&self) -> &'static str {
        "Name"
    }

    fn standing_label(&self) -> &'static str {
        "Standing"
    }

    fn group_label(&self) -> &'static str {
        "Group"
    }

    fn time_label(&self) -> &'static str {
        "Time"
    }

    fn reason_label(&self) -> &'static str {
        "Reason"
    }

    fn presenter_label(&self) -> &'static str {
        "Presenter"
    }

    fn type_label(&self) -> &'static str {
        "Type"
    }

    fn source_label(&self) -> &'static str {
        "Source"
    }

    fn meeting_title(&self) -> &'static str {
        "Title"
    }

    fn theme_label(&self) -> &'static str {
        "Theme"
    }

    fn place_label(&self) -> &'static str {
        "Place"
    }

    fn chair_label(&self) -> &'static str {
        "Chair"
    }

    fn delegated_by_if_any(&self) -> &'static str {
        "Delegated by (if any)"
    }

    fn recorder_label(&self) -> &'static str {
        "Recorder"
    }

    fn outcome_label(&self) -> &'static str {
        "Outcome:"
    }

    fn editor_hint(&self, key: &str) -> String {
        format!("{key} done (saved as you type)")
    }

    fn upload_outcome(&self, o: &crate::upload::Outcome) -> &'static str {
        use crate::upload::Outcome;
        match o {
            Outcome::Delivered => "delivered",
            Outcome::AlreadyThere => "already there",
            Outcome::Skipped => "skipped",
            Outcome::WouldSend => "would send",
            Outcome::Conflict(_) => "conflict",
            Outcome::Failed(_) => "failed",
            Outcome::Invalid(_) => "invalid",
            Outcome::Duplicate(_) => "duplicate",
            Outcome::Returned(_) => "returned",
        }
    }
}
