//! The printable record as one ordered document of sections, fields, tables and text, built once
//! from the minutes and rendered per format. Every string taken from the file is neutralised here.

use chrono::FixedOffset;

use crate::domain::rules::{CommitteePassBase, Opinion, QuorumComparison, VoteRecord};
use crate::domain::{AttendanceStatus, Item, PersonRef, Timestamp};
use crate::i18n::{ExportLabel as L, Tr, minutes_of};
use crate::minutes::{AttendanceEntry, Minutes};
use crate::sanitize;
use crate::texttable::Table;

pub use super::paper::{Archive, SignIn};

/// One part of the record, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A numbered section heading.
    Section { number: String, title: String },
    /// A heading inside a section.
    Subsection(String),
    /// Label and value pairs; values are single lines.
    Fields(Vec<(String, String)>),
    /// A table of single-line cells.
    Table(Table),
    /// Multi-line text under a label.
    Text { label: String, body: String },
    /// A short remark such as "None".
    Note(String),
    /// The end marker of the record.
    End(String),
    /// Signature lines: role, printed name, date label.
    Signatures(Vec<Signature>),
    /// The places for the branch's seal and the superior organisation's review opinion.
    Archive(Archive),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub role: String,
    /// The printed name in parentheses, or empty.
    pub name: String,
    pub date_label: String,
}

/// The whole record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// `zh-CN` or `en`.
    pub lang: &'static str,
    /// The branch name above the title.
    pub branch: String,
    /// `支部党员大会会议记录`.
    pub title: String,
    /// Present when the file failed validation: the banner and one line per error.
    pub banner: Option<(String, Vec<String>)>,
    pub blocks: Vec<Block>,
    /// Label and value pairs of the small print at the bottom.
    pub footer: Vec<(String, String)>,
    pub footer_note: String,
    pub colon: &'static str,
    pub none: &'static str,
    /// Between items of a list of names.
    pub list_sep: &'static str,
    /// The page footer around the page number and the page count.
    pub page_of: [&'static str; 3],
    /// The sign-in sheet, printed on its own page after the record.
    pub sign_in: SignIn,
    /// The names of the people in the record (members, guests), longest first: a printed page
    /// keeps each on one line.
    pub names: Vec<String>,
}

/// Single-line text from the file: control characters, bidi controls and line breaks neutralised.
pub fn one(s: &str) -> String {
    sanitize::line(s)
        .replace(['\u{2028}', '\u{2029}'], "\u{fffd}")
        .trim()
        .to_owned()
}

/// Multi-line text from the file: line breaks and tabs kept, other controls neutralised.
pub fn multi(s: &str) -> String {
    sanitize::text(s)
        .replace(['\u{2028}', '\u{2029}'], "\n")
        .trim()
        .to_owned()
}

struct Builder<'a> {
    m: &'a Minutes,
    tr: Tr,
    offset: FixedOffset,
    blocks: Vec<Block>,
    sections: usize,
}

impl Builder<'_> {
    fn l(&self, l: L) -> String {
        self.tr.export_label(l).to_owned()
    }

    fn section(&mut self, l: L) {
        self.sections += 1;
        self.blocks.push(Block::Section {
            number: self.tr.export_section_number(self.sections),
            title: self.l(l),
        });
    }

    fn or_missing(&self, s: String) -> String {
        if s.is_empty() {
            self.l(L::NotRecorded)
        } else {
            s
        }
    }

    fn person(&self, p: Option<&PersonRef>) -> String {
        self.or_missing(p.map(|p| one(&p.name)).unwrap_or_default())
    }

    fn local(&self, t: Timestamp) -> Timestamp {
        t.with_timezone(&self.offset)
    }

    fn hm(&self, t: Timestamp) -> String {
        self.local(t).format("%H:%M").to_string()
    }

    fn when(&self, t: Timestamp) -> String {
        let t = self.local(t);
        format!(
            "{} {}",
            self.tr.export_date(t.date_naive(), false),
            t.format("%H:%M")
        )
    }

    fn basic(&mut self) {
        let m = self.m;
        let tr = self.tr;
        self.section(L::Basic);
        let mut f = vec![
            (self.l(L::MeetingName), self.or_missing(one(&m.title))),
            (self.l(L::MeetingKind), tr.kind(m.kind).to_owned()),
        ];
        if !one(&m.theme).is_empty() {
            f.push((self.l(L::Theme), one(&m.theme)));
        }
        let mut branch = one(&m.branch.name);
        if !one(&m.branch.code).is_empty() {
            branch.push_str(&tr.paren(&one(&m.branch.code)));
        }
        f.push((self.l(L::Branch), self.or_missing(branch)));
        if let Some(g) = &m.group {
            f.push((self.l(L::Group), one(g)));
        }
        let start = self.local(m.started_at);
        let end = self.local(m.ended_at);
        f.push((self.l(L::Date), tr.export_date(start.date_naive(), true)));
        let to = if end.date_naive() == start.date_naive() {
            self.hm(m.ended_at)
        } else {
            self.when(m.ended_at)
        };
        let span = if super::paper::offset_is_notable(m) {
            tr.export_time_span(
                &self.hm(m.started_at),
                &to,
                &start.format("%:z").to_string(),
            )
        } else {
            tr.export_time_span_local(&self.hm(m.started_at), &to)
        };
        f.push((self.l(L::Time), span));
        f.push((self.l(L::Place), self.or_missing(one(&m.place))));
        let chair = match (&m.chair, &m.chair_delegated_by) {
            (Some(c), Some(by)) => tr.export_delegated(&one(&c.name), &one(&by.name)),
            (c, _) => self.person(c.as_ref()),
        };
        f.push((self.l(L::Chair), chair));
        f.push((self.l(L::Recorder), self.person(m.recorder.as_ref())));
        self.blocks.push(Block::Fields(f));
    }

    fn attendance(&mut self) {
        let m = self.m;
        let tr = self.tr;
        let c = m.counts;
        self.section(L::Attendance);
        // Counts come from the file: add without wrapping.
        let other_expected = c
            .expected_total
            .saturating_sub(c.expected_full.saturating_add(c.expected_probationary));
        let other_present = c
            .present_total
            .saturating_sub(c.present_full.saturating_add(c.present_probationary));
        let attended: Vec<String> = m
            .attendance
            .iter()
            .filter(|a| a.status.attended())
            .map(|a| match (a.status, a.checked_in_at) {
                (AttendanceStatus::Late, Some(t)) => tr.export_late_at(&one(&a.name), &self.hm(t)),
                (AttendanceStatus::Late, None) => tr.export_late_at(&one(&a.name), ""),
                _ => one(&a.name),
            })
            .collect();
        let attended = if attended.is_empty() {
            self.l(L::None)
        } else {
            attended.join(tr.export_list_sep())
        };
        self.blocks.push(Block::Fields(vec![
            (
                self.l(L::Expected),
                tr.export_head_count(
                    c.expected_total,
                    c.expected_full,
                    c.expected_probationary,
                    other_expected,
                ),
            ),
            (
                self.l(L::Present),
                tr.export_head_count(
                    c.present_total,
                    c.present_full,
                    c.present_probationary,
                    other_present,
                ),
            ),
            (self.l(L::Attendees), attended),
        ]));

        self.blocks.push(Block::Subsection(self.l(L::Absentees)));
        let absent: Vec<&AttendanceEntry> = m
            .attendance
            .iter()
            .filter(|a| a.counted && !a.status.attended())
            .collect();
        if absent.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
        } else {
            let mut t = Table::new(vec![
                self.l(L::Name),
                self.l(L::Standing),
                self.l(L::Status),
                self.l(L::Reason),
                self.l(L::Approver),
            ]);
            for a in absent {
                t.push(vec![
                    one(&a.name),
                    tr.standing(a.standing).to_owned(),
                    tr.status(a.status).to_owned(),
                    self.reason(a),
                    one(&a.approver),
                ]);
            }
            self.blocks.push(Block::Table(t));
        }

        let excluded: Vec<&AttendanceEntry> = m.attendance.iter().filter(|a| !a.counted).collect();
        if !excluded.is_empty() {
            self.blocks.push(Block::Subsection(self.l(L::NotCounted)));
            let mut t = Table::new(vec![
                self.l(L::Name),
                self.l(L::Standing),
                self.l(L::Category),
                self.l(L::ApprovalRef),
                self.l(L::Status),
            ]);
            for a in excluded {
                let (cat, approval) = a.exclusion.as_ref().map_or_else(
                    || (self.l(L::NotRecorded), String::new()),
                    |x| {
                        (
                            tr.export_exclusion(x.category.number(), tr.exclusion(x.category)),
                            one(&x.approval_ref),
                        )
                    },
                );
                t.push(vec![
                    one(&a.name),
                    tr.standing(a.standing).to_owned(),
                    cat,
                    approval,
                    tr.status(a.status).to_owned(),
                ]);
            }
            self.blocks.push(Block::Table(t));
        }

        self.blocks.push(Block::Subsection(self.l(L::Guests)));
        if m.guests.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
        } else {
            let mut t = Table::new(vec![self.l(L::Name), self.l(L::Identity)]);
            for g in &m.guests {
                t.push(vec![one(&g.name), one(&g.identity)]);
            }
            self.blocks.push(Block::Table(t));
        }
    }

    fn reason(&self, a: &AttendanceEntry) -> String {
        let text = one(&a.reason_text);
        match (a.reason, text.is_empty()) {
            (Some(r), true) => self.tr.excuse(r).to_owned(),
            (Some(r), false) => format!("{}{}{text}", self.tr.excuse(r), self.tr.export_colon()),
            (None, _) => text,
        }
    }

    fn agenda(&mut self) {
        let m = self.m;
        let tr = self.tr;
        self.section(L::Agenda);
        if m.agenda.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
            return;
        }
        let mut t = Table::new(vec![
            self.l(L::Number),
            self.l(L::StageTitle),
            self.l(L::StageKind),
            self.l(L::Planned),
            self.l(L::Actual),
        ])
        .right(0)
        .right(3)
        .right(4);
        for (i, s) in m.agenda.iter().enumerate() {
            t.push(vec![
                (i + 1).to_string(),
                one(&s.title),
                tr.stage_kind(s.kind).to_owned(),
                minutes_of(s.planned_seconds),
                minutes_of(s.actual_seconds),
            ]);
        }
        self.blocks.push(Block::Table(t));
        for (i, s) in m.agenda.iter().enumerate() {
            let notes = multi(&s.notes);
            if !notes.is_empty() {
                self.blocks.push(Block::Text {
                    label: tr.export_stage_notes(i + 1, &one(&s.title)),
                    body: notes,
                });
            }
        }
    }

    fn study(&mut self) {
        let m = self.m;
        let tr = self.tr;
        self.section(L::Study);
        if m.study.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
            return;
        }
        for (i, s) in m.study.iter().enumerate() {
            self.blocks.push(Block::Subsection(
                tr.export_topic_heading(i + 1, &one(&s.title)),
            ));
            self.blocks.push(Block::Fields(vec![
                (self.l(L::Presenter), self.or_missing(one(&s.presenter))),
                (self.l(L::Material), self.or_missing(one(&s.material))),
                (self.l(L::Duration), tr.export_minutes(s.duration_seconds)),
            ]));
            let notes = multi(&s.notes);
            if !notes.is_empty() {
                self.blocks.push(Block::Text {
                    label: self.l(L::Notes),
                    body: notes,
                });
            }
        }
    }

    fn items(&mut self) {
        let m = self.m;
        self.section(L::Items);
        if m.items.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
            return;
        }
        for (i, item) in m.items.iter().enumerate() {
            self.item(i, item);
        }
    }

    fn item(&mut self, i: usize, item: &Item) {
        let tr = self.tr;
        self.blocks.push(Block::Subsection(
            tr.export_item_heading(i + 1, &one(&item.title)),
        ));
        let mut f = vec![(self.l(L::ItemType), tr.item_type(item.item_type).to_owned())];
        if let Some(s) = item.stage {
            f.push((self.l(L::ItemStage), tr.item_stage(s).to_owned()));
        }
        if let Some(s) = item.source {
            f.push((self.l(L::ItemSource), tr.item_source(s).to_owned()));
        }
        if let Some(c) = &item.candidate {
            f.push((self.l(L::Candidate), self.person(Some(c))));
        } else if item.item_type.about_a_person() {
            f.push((self.l(L::Candidate), self.l(L::NotRecorded)));
        }
        if let Some(a) = &item.appraisal {
            f.push((tr.grade_label().to_owned(), one(&tr.appraisal_value(a))));
        }
        self.blocks.push(Block::Fields(f));
        let notes = multi(&item.notes);
        self.blocks.push(Block::Text {
            label: self.l(L::Discussion),
            body: if notes.is_empty() {
                self.l(L::NotRecorded)
            } else {
                notes
            },
        });
        if let Some(v) = &item.vote {
            self.vote(item, v);
        }
        let decision = multi(&item.decision);
        if !decision.is_empty() {
            self.blocks.push(Block::Text {
                label: self.l(L::Decision),
                body: decision,
            });
        }
    }

    fn vote(&mut self, item: &Item, v: &VoteRecord) {
        let tr = self.tr;
        // A deferral (format v2) is not a vote: its reason, no counts.
        if v.outcome == crate::domain::Outcome::Deferred && !v.deferred_reason.is_empty() {
            self.blocks.push(Block::Fields(vec![
                (self.l(L::Outcome), tr.outcome(v.outcome).to_owned()),
                (self.l(L::DeferredReason), one(&v.deferred_reason)),
                (
                    self.l(L::EntitledExpected),
                    tr.export_people(v.entitled_expected),
                ),
                (
                    self.l(L::EntitledPresent),
                    tr.export_people(v.entitled_present),
                ),
                (self.l(L::VoteClosedAt), self.when(v.closed_at)),
            ]));
            return;
        }
        let written_yes = v
            .written_opinions
            .iter()
            .filter(|w| w.opinion == Opinion::Yes)
            .count() as u32;
        let mut f = vec![
            (self.l(L::Method), tr.method(v.method).to_owned()),
            (
                self.l(L::VoteCounts),
                tr.export_vote_counts(v.yes, v.no, v.abstain),
            ),
        ];
        if let Some(b) = &v.ballots {
            f.push((self.l(L::Ballots), tr.export_ballots(b)));
        }
        if item.item_type.is_membership() || !v.written_opinions.is_empty() {
            f.push((
                self.l(L::WrittenOpinions),
                if v.written_opinions.is_empty() {
                    self.l(L::None)
                } else {
                    v.written_opinions
                        .iter()
                        .map(|w| tr.export_written(&one(&w.name), tr.opinion(w.opinion)))
                        .collect::<Vec<_>>()
                        .join(tr.export_list_sep())
                },
            ));
            f.push((
                self.l(L::YesCounted),
                tr.export_yes_counted(v.yes, written_yes),
            ));
        }
        let base_present = v.rule == crate::domain::Rule::CommitteeOrdinary
            && v.committee_pass == CommitteePassBase::Present;
        f.extend([
            (
                self.l(L::EntitledExpected),
                tr.export_people(v.entitled_expected),
            ),
            (
                self.l(L::EntitledPresent),
                tr.export_people(v.entitled_present),
            ),
            (
                self.l(L::Quorum),
                tr.export_quorum(
                    v.quorum_met,
                    v.quorum_comparison == QuorumComparison::AtLeastHalf,
                ),
            ),
            (
                self.l(L::YesNeeded),
                tr.export_yes_needed(v.yes_needed, base_present),
            ),
            (self.l(L::RuleApplied), tr.rule(v.rule)),
            (self.l(L::VoteClosedAt), self.when(v.closed_at)),
            (self.l(L::Outcome), tr.outcome(v.outcome).to_owned()),
        ]);
        self.blocks.push(Block::Fields(f));
    }

    fn actions(&mut self) {
        let m = self.m;
        let tr = self.tr;
        self.section(L::Actions);
        if m.actions.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
            return;
        }
        let mut t = Table::new(vec![
            self.l(L::Number),
            self.l(L::Task),
            self.l(L::Owner),
            self.l(L::Due),
            self.l(L::FromItem),
        ])
        .right(0);
        for (i, a) in m.actions.iter().enumerate() {
            let from = a.item.map_or_else(String::new, |n| {
                let title = m.items.get(n).map(|it| one(&it.title)).unwrap_or_default();
                tr.export_item_ref(n.saturating_add(1), &title)
            });
            t.push(vec![
                (i + 1).to_string(),
                one(&a.task),
                one(&a.owner.name),
                a.due.map(|d| tr.export_date(d, false)).unwrap_or_default(),
                from,
            ]);
        }
        self.blocks.push(Block::Table(t));
    }

    fn summary(&mut self) {
        self.section(L::Summary);
        let s = multi(&self.m.summary);
        if s.is_empty() {
            self.blocks.push(Block::Note(self.l(L::None)));
        } else {
            self.blocks.push(Block::Text {
                label: String::new(),
                body: s,
            });
        }
    }
}

fn paren(tr: Tr, p: Option<&PersonRef>) -> String {
    match p.map(|p| one(&p.name)) {
        Some(n) if !n.is_empty() => tr.doc_paren(&n),
        _ => String::new(),
    }
}

/// Build the document of `m` in the language of `tr`. `errors` are the validation errors, one line
/// each; when there are any, the document carries a banner saying it failed validation.
pub fn build(m: &Minutes, tr: Tr, errors: &[String]) -> Document {
    let mut b = Builder {
        m,
        tr,
        offset: *m.started_at.offset(),
        blocks: Vec::new(),
        sections: 0,
    };
    b.basic();
    b.attendance();
    b.agenda();
    b.study();
    b.items();
    b.actions();
    b.summary();
    b.blocks.push(Block::End(b.l(L::EndMarker)));
    b.blocks.push(Block::Signatures(vec![
        Signature {
            role: b.l(L::ChairSignature),
            name: paren(tr, m.chair.as_ref()),
            date_label: b.l(L::SignDate),
        },
        Signature {
            role: b.l(L::RecorderSignature),
            name: paren(tr, m.recorder.as_ref()),
            date_label: b.l(L::SignDate),
        },
    ]));
    b.blocks.push(Block::Archive(super::paper::archive(tr)));
    let mut footer = vec![
        (b.l(L::FileId), m.id.to_string()),
        (b.l(L::Digest), one(&m.integrity.digest)),
    ];
    if let Some(s) = m.supersedes {
        footer.push((b.l(L::Supersedes), s.to_string()));
        if !m.correction_reason.is_empty() {
            footer.push((b.l(L::CorrectionReason), one(&m.correction_reason)));
        }
    }
    footer.push((b.l(L::FinalizedAt), b.when(m.finalized_at)));
    let title = if m.supersedes.is_some() {
        tr.doc_title_correction(m.kind)
    } else {
        tr.doc_title(m.kind)
    };
    let banner = (!errors.is_empty()).then(|| {
        (
            tr.export_failed_banner(errors.len()),
            errors.iter().map(|e| one(e)).collect(),
        )
    });
    Document {
        lang: tr.doc_lang_code(),
        branch: one(&m.branch.name),
        title,
        banner,
        blocks: b.blocks,
        footer,
        footer_note: tr.export_generated().to_owned(),
        colon: tr.export_colon(),
        none: tr.export_label(L::None),
        list_sep: tr.export_list_sep(),
        page_of: tr.print_page_of(),
        sign_in: super::paper::sign_in(m, tr, b.offset),
        names: super::paper::names(m),
    }
}
