//! The detail of one file as a document: the verdict and findings first, then every section of the
//! minutes (header, counts, attendance, guests here; agenda to timeline in `proceedings`), the
//! integrity check and the review history.

use std::path::Path;

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::doc::{
    Doc, DocLine, Section, error_style, label_style, minute, name, review_style, status_style,
};
use super::model::{ReviewState, RowError, Status};
use super::remarks::{Remark, Verdict};
use super::text::glued;
use crate::domain::AttendanceStatus;
use crate::i18n::ReviewLabel as L;
use crate::i18n::Tr;
use crate::minutes::check::{Checked, Finding};
use crate::minutes::{AttendanceEntry, Minutes};
use crate::sanitize;

/// What the document says about the file's place among the loaded files.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub status: Option<Status>,
    pub review: Option<ReviewState>,
    /// The id this file supersedes, and the name of that file when it is loaded.
    pub supersedes: Option<(uuid::Uuid, Option<String>)>,
    /// The name of the loaded file that supersedes this one.
    pub superseded_by: Option<String>,
    /// Other files holding exactly this record (same id, same content).
    pub copies: Vec<String>,
    /// For a returned file: where its 督办 stands.
    pub follow_up: Option<String>,
    /// For a correction: the file it corrects, its verdict and what changed.
    pub original: Option<Original>,
    /// The width the document is laid out for (the changes table fits it).
    pub width: usize,
}

/// The file a correction corrects, as its page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    pub file: String,
    pub review: ReviewState,
    pub remark: Option<Remark>,
    /// `None` when the original could not be read.
    pub changes: Option<Vec<super::changes::Change>>,
    pub reason: String,
}

/// The whole document for one file.
pub fn document(
    tr: Tr,
    path: &Path,
    content: &Result<Checked, RowError>,
    remarks: &Result<Vec<Remark>, String>,
    ctx: &Context,
) -> Vec<DocLine> {
    let mut d = Doc::new(tr);
    let minutes = content.as_ref().ok().and_then(|c| c.minutes.as_ref());
    let title = minutes.map_or_else(
        || super::model::display_name(path),
        |m| sanitize::line(&m.title).into_owned(),
    );
    d.push(
        Line::from(Span::styled(
            title,
            Style::new().add_modifier(Modifier::BOLD),
        )),
        2,
    );
    if let Some(s) = ctx.status {
        d.field_styled(0, tr.l(L::Status), tr.status_label(s), status_style(s));
    }
    if let Some(r) = ctx.review {
        d.field_styled(0, tr.l(L::Review), tr.review_detail(r), review_style(r));
    }
    if let Some(f) = &ctx.follow_up {
        d.field(0, tr.l(L::FollowUp), f);
    }
    d.field(0, tr.l(L::File), &sanitize::path(path));
    if !ctx.copies.is_empty() {
        d.field(
            0,
            &tr.copies_label(ctx.copies.len()),
            &ctx.copies.join(tr.l(L::ListSep)),
        );
    }
    match content {
        Err(e) => {
            d.heading(tr.l(L::Findings));
            d.text(2, &format!("✗ {}", tr.row_error(e)), error_style());
        }
        Ok(checked) => {
            if let Some(m) = minutes {
                digest_line(&mut d, m, checked);
                links(&mut d, ctx);
            }
            if let Some(o) = &ctx.original {
                correction(&mut d, o, ctx.width);
            }
            d.heading(&tr.findings_heading(&checked.findings));
            let mut sorted: Vec<&Finding> = checked
                .findings
                .iter()
                .filter(|f| !f.problem.is_signature_status())
                .collect();
            if sorted.is_empty() {
                d.text(2, tr.l(L::NoFindings), Style::new().fg(Color::Green));
            }
            sorted.sort_by_key(|f| std::cmp::Reverse(f.severity));
            for f in sorted {
                d.finding(2, f);
            }
            if let Some(m) = minutes {
                let f = &checked.findings;
                header(&mut d, m, f);
                counts(&mut d, m, f);
                attendance(&mut d, m, f);
                guests(&mut d, m);
                super::proceedings::write(&mut d, m, f);
                integrity(&mut d, m, checked);
            } else if let Some(c) = &checked.computed_digest {
                d.heading(tr.l(L::Integrity));
                d.field(2, tr.l(L::DigestComputed), c);
            }
        }
    }
    review_history(&mut d, remarks);
    d.lines
}

fn digest_line(d: &mut Doc, m: &Minutes, checked: &Checked) {
    let tr = d.tr;
    let (text, style) = match &checked.computed_digest {
        Some(c) if c.eq_ignore_ascii_case(&m.integrity.digest) => {
            (tr.l(L::DigestVerified), Style::new().fg(Color::Green))
        }
        Some(_) => (tr.l(L::DigestDiffers), error_style()),
        None => (tr.l(L::DigestUnknown), Style::new().fg(Color::Yellow)),
    };
    d.field_styled(0, tr.l(L::Digest), text, style);
    if let Some(status) = checked.signature_status() {
        use crate::minutes::check::SignatureStatus as S;
        let style = match status {
            S::Trusted(_) => Style::new().fg(Color::Green),
            S::Bad(_) | S::Untrusted(_) => error_style(),
            S::Unsigned | S::Unchecked(_) => Style::new().fg(Color::Yellow),
            S::V1 => Style::new(),
        };
        d.field_styled(0, tr.l(L::Signature), &tr.signature_status(&status), style);
    }
}

fn links(d: &mut Doc, ctx: &Context) {
    let tr = d.tr;
    if let Some((id, file)) = &ctx.supersedes {
        let target = match file {
            Some(n) => format!("{id}  {n}  [<]"),
            None => format!("{id}  ({})", tr.l(L::NotLoaded)),
        };
        d.field(0, tr.l(L::Supersedes), &target);
    }
    if let Some(file) = &ctx.superseded_by {
        d.field_styled(
            0,
            tr.l(L::SupersededBy),
            &format!("{file}  [>]"),
            Style::new().fg(Color::Yellow),
        );
    }
}

/// A correction's page: the original's verdict and comment, the reason given, and what changed,
/// the original and the correction side by side.
fn correction(d: &mut Doc, o: &Original, width: usize) {
    let tr = d.tr;
    d.heading(&format!("{}{}", tr.l(L::CorrectionOf), tr.paren(&o.file)));
    let verdict = match &o.remark {
        Some(r) => format!(
            "{}  {}  {}",
            tr.review_detail(o.review),
            sanitize::line(&r.reviewer),
            minute(&r.at)
        ),
        None => tr.review_detail(o.review).to_owned(),
    };
    d.field_styled(2, tr.l(L::OriginalReview), &verdict, review_style(o.review));
    if let Some(r) = &o.remark {
        for line in r.comment.lines().filter(|l| !l.trim().is_empty()) {
            d.text(4, &sanitize::line(line), Style::new());
        }
    }
    d.field_opt(2, tr.l(L::CorrectionReason), &o.reason);
    let Some(changes) = &o.changes else {
        return;
    };
    if changes.is_empty() {
        d.text(2, tr.l(L::NoChanges), Style::new().fg(Color::Yellow));
        return;
    }
    d.text(
        2,
        &format!(
            "{}{}",
            tr.l(L::Changes),
            tr.paren(&changes.len().to_string())
        ),
        Style::new().add_modifier(Modifier::BOLD),
    );
    let mut t = crate::texttable::Table::new(vec![
        tr.l(L::ChangeField).to_owned(),
        tr.l(L::Original).to_owned(),
        tr.l(L::Correction).to_owned(),
    ]);
    for c in changes {
        t.push(vec![c.what.clone(), c.before.clone(), c.after.clone()]);
    }
    for line in t.lines(width.saturating_sub(5).max(30), "—") {
        d.text(4, &line, Style::new());
    }
}

fn header(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    d.heading(tr.l(L::Meeting));
    d.field(2, tr.l(L::Id), &m.id.to_string());
    let branch = if m.branch.code.is_empty() {
        m.branch.name.clone()
    } else {
        format!("{}{}", m.branch.name, tr.paren(&m.branch.code))
    };
    d.field(2, tr.l(L::Branch), &branch);
    d.field(2, tr.l(L::Kind), tr.kind(m.kind));
    d.field(2, tr.l(L::Title), &m.title);
    d.field_opt(2, tr.l(L::Theme), &m.theme);
    d.field(2, tr.l(L::Place), &m.place);
    if let Some(g) = &m.group {
        d.field(2, tr.l(L::Group), g);
    }
    d.field(2, tr.l(L::Chair), &name(m.chair.as_ref()));
    if m.chair_delegated_by.is_some() {
        d.field(
            2,
            tr.l(L::DelegatedBy),
            &name(m.chair_delegated_by.as_ref()),
        );
    }
    d.field(2, tr.l(L::Recorder), &name(m.recorder.as_ref()));
    let seconds = crate::domain::meeting::seconds_between(m.started_at, m.ended_at);
    d.field(2, tr.l(L::Started), &minute(&m.started_at));
    d.field(
        2,
        tr.l(L::Ended),
        &format!("{}{}", minute(&m.ended_at), tr.paren(&tr.duration(seconds))),
    );
    d.field(2, tr.l(L::Finalized), &minute(&m.finalized_at));
    d.findings_in(2, f, Section::Header);
}

fn counts(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    let c = &m.counts;
    d.heading(tr.l(L::Counts));
    d.field(
        2,
        tr.l(L::Expected),
        &tr.split_count(c.expected_total, c.expected_full, c.expected_probationary),
    );
    d.field(
        2,
        tr.l(L::Present),
        &tr.split_count(c.present_total, c.present_full, c.present_probationary),
    );
    if c.expected_total > 0 {
        let permille = u64::from(c.present_total) * 1000 / u64::from(c.expected_total);
        d.field(
            2,
            tr.l(L::Rate),
            &format!("{}.{}%", permille / 10, permille % 10),
        );
    }
    d.findings_in(2, f, Section::Counts);
}

/// A member's name with a note of a standing other than full.
fn member_name(tr: Tr, a: &AttendanceEntry) -> String {
    let n = sanitize::line(&a.name).into_owned();
    if a.standing.votes() {
        n
    } else {
        format!("{n}{}", tr.paren(tr.standing(a.standing)))
    }
}

fn attendance(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    d.heading(tr.l(L::Attendance));
    let counted: Vec<&AttendanceEntry> = m.attendance.iter().filter(|a| a.counted).collect();
    let by = |s: AttendanceStatus| counted.iter().filter(move |a| a.status == s).copied();
    // Names in a list are never split across lines.
    let present: Vec<String> = by(AttendanceStatus::Present)
        .map(|a| glued(&member_name(tr, a)))
        .collect();
    d.field(
        2,
        &format!(
            "{}{}",
            tr.status(AttendanceStatus::Present),
            tr.paren(&present.len().to_string())
        ),
        &present.join(tr.l(L::ListSep)),
    );
    let late: Vec<String> = by(AttendanceStatus::Late)
        .map(|a| {
            let t = a
                .checked_in_at
                .map(|t| format!(" {}", t.format("%H:%M")))
                .unwrap_or_default();
            glued(&format!("{}{t}", member_name(tr, a)))
        })
        .collect();
    if !late.is_empty() {
        d.field(
            2,
            &format!(
                "{}{}",
                tr.status(AttendanceStatus::Late),
                tr.paren(&late.len().to_string())
            ),
            &late.join(tr.l(L::ListSep)),
        );
    }
    for status in [AttendanceStatus::Excused, AttendanceStatus::Absent] {
        let list: Vec<&AttendanceEntry> = by(status).collect();
        if list.is_empty() {
            continue;
        }
        d.field(
            2,
            &format!("{}{}", tr.status(status), tr.paren(&list.len().to_string())),
            "",
        );
        for a in list {
            let mut why: Vec<String> = Vec::new();
            if let Some(r) = a.reason {
                why.push(tr.excuse(r).to_owned());
            }
            if !a.reason_text.trim().is_empty() {
                why.push(sanitize::line(&a.reason_text).into_owned());
            }
            if !a.approver.trim().is_empty() {
                why.push(format!(
                    "{}{}{}",
                    tr.l(L::Approver),
                    tr.l(L::Colon),
                    sanitize::line(&a.approver)
                ));
            }
            let style = if why.is_empty() {
                why.push(tr.l(L::NoReason).to_owned());
                super::doc::warning_style()
            } else {
                Style::new()
            };
            d.field_styled(4, &member_name(tr, a), &why.join(tr.l(L::ListSep)), style);
        }
    }
    let excluded: Vec<&AttendanceEntry> = m.attendance.iter().filter(|a| !a.counted).collect();
    if !excluded.is_empty() {
        d.field(
            2,
            &format!(
                "{}{}",
                tr.l(L::Excluded),
                tr.paren(&excluded.len().to_string())
            ),
            "",
        );
        for a in excluded {
            let why = a.exclusion.as_ref().map_or_else(
                || tr.l(L::NoReason).to_owned(),
                |e| {
                    format!(
                        "{}{} · {}",
                        tr.exclusion(e.category),
                        tr.paren(&sanitize::line(&e.approval_ref)),
                        tr.status(a.status)
                    )
                },
            );
            d.field(4, &member_name(tr, a), &why);
        }
    }
    d.findings_in(2, f, Section::Attendance);
}

fn guests(d: &mut Doc, m: &Minutes) {
    let tr = d.tr;
    if m.guests.is_empty() {
        return;
    }
    d.heading(&format!(
        "{}{}",
        tr.l(L::Guests),
        tr.paren(&m.guests.len().to_string())
    ));
    for g in &m.guests {
        let identity = if g.identity.trim().is_empty() {
            "—".to_owned()
        } else {
            sanitize::line(&g.identity).into_owned()
        };
        d.field(2, &sanitize::line(&g.name), &identity);
    }
}

fn integrity(d: &mut Doc, m: &Minutes, checked: &Checked) {
    let tr = d.tr;
    d.heading(tr.l(L::Integrity));
    d.field(
        2,
        tr.l(L::Algorithm),
        &format!(
            "{} / {}",
            m.integrity.algorithm, m.integrity.canonicalization
        ),
    );
    d.field(2, tr.l(L::DigestRecorded), &m.integrity.digest);
    d.field(
        2,
        tr.l(L::DigestComputed),
        checked.computed_digest.as_deref().unwrap_or("—"),
    );
    d.findings_in(2, &checked.findings, Section::Integrity);
}

fn review_history(d: &mut Doc, remarks: &Result<Vec<Remark>, String>) {
    let tr = d.tr;
    d.heading(tr.l(L::Remarks));
    match remarks {
        Err(e) => d.text(2, &sanitize::line(e), Style::new().fg(Color::Magenta)),
        Ok(list) if list.is_empty() => d.text(2, tr.l(L::NoRemarks), label_style()),
        Ok(list) => {
            for r in list {
                let state = match r.verdict {
                    Verdict::Approved => ReviewState::Approved,
                    Verdict::Returned => ReviewState::Returned,
                };
                d.push(
                    Line::from(vec![
                        Span::raw(format!(
                            "  {}  {}  ",
                            minute(&r.at),
                            sanitize::line(&r.reviewer)
                        )),
                        Span::styled(tr.review_label(state).to_owned(), review_style(state)),
                    ]),
                    4,
                );
                // A comment of several lines keeps them.
                for line in r.comment.lines().filter(|l| !l.trim().is_empty()) {
                    d.text(4, &sanitize::line(line), Style::new());
                }
            }
        }
    }
}
