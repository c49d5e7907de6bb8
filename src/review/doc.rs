//! A document of styled lines for the detail view, and where each finding of the checks belongs
//! in it. Every value taken from a file passes through `sanitize` here.

use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::model::{ReviewState, Status};
use crate::domain::{Outcome, PersonRef, Timestamp};
use crate::i18n::ReviewLabel as L;
use crate::i18n::Tr;
use crate::minutes::Severity;
use crate::minutes::check::{Finding, Problem};
use crate::sanitize;

/// A line of the document and the indent of its continuation lines when wrapped.
pub type DocLine = (Line<'static>, usize);

/// Where a finding belongs in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    File,
    Header,
    Counts,
    Attendance,
    Agenda,
    /// A deliberation item, numbered from 1 as in the findings.
    Item(usize),
    Actions,
    Integrity,
}

impl Section {
    pub fn of(p: &Problem) -> Section {
        use Problem as P;
        match p {
            P::DigestMismatch { .. } | P::UnknownIntegrity | P::NotCanonicalizable { .. } => {
                Section::Integrity
            }
            P::MissingPlace | P::MissingChair | P::MissingRecorder | P::EndsBeforeStart => {
                Section::Header
            }
            P::CountMismatch { .. } => Section::Counts,
            P::DuplicateMember { .. }
            | P::ExclusionInconsistent { .. }
            | P::NoAttendance
            | P::ExcusedWithoutReason { .. }
            | P::AbsentWithoutReason { .. } => Section::Attendance,
            P::NoAgenda => Section::Agenda,
            P::ActionItemMissing { .. } => Section::Actions,
            P::VoteInKindWithoutVotes { item }
            | P::VoteBodyWrong { item }
            | P::VoteRejected { item, .. }
            | P::NotSecretBallot { item }
            | P::RuleMismatch { item, .. }
            | P::ExpectedMismatch { item, .. }
            | P::PresentExceedsCheckIns { item, .. }
            | P::PresentBelowCheckIns { item, .. }
            | P::WrittenFromPresent { item, .. }
            | P::QuorumMismatch { item, .. }
            | P::ThresholdMismatch { item, .. }
            | P::OutcomeContradicts { item, .. }
            | P::DecisionWithoutFollowUp { item } => Section::Item(*item),
            _ => Section::File,
        }
    }
}

pub fn status_style(s: Status) -> Style {
    match s {
        Status::Valid => Style::new().fg(Color::Green),
        Status::Warnings => Style::new().fg(Color::Yellow),
        Status::Invalid | Status::Tampered => {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        }
        Status::Superseded => Style::new().fg(Color::DarkGray),
        Status::Conflict => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
    }
}

pub fn review_style(s: ReviewState) -> Style {
    match s {
        ReviewState::Unreviewed => Style::new(),
        ReviewState::Approved => Style::new().fg(Color::Green),
        ReviewState::Returned | ReviewState::Unreadable | ReviewState::Changed => {
            Style::new().fg(Color::Magenta)
        }
    }
}

pub fn outcome_style(o: Outcome) -> Style {
    match o {
        Outcome::Passed => Style::new().fg(Color::Green),
        Outcome::Failed => Style::new().fg(Color::Red),
        Outcome::NoQuorum => Style::new().fg(Color::Yellow),
        Outcome::Deferred => Style::new().fg(Color::Cyan),
    }
}

pub fn label_style() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn error_style() -> Style {
    Style::new().fg(Color::Red)
}

pub fn warning_style() -> Style {
    Style::new().fg(Color::Yellow)
}

/// A person's name, neutralised.
pub fn name(p: Option<&PersonRef>) -> String {
    p.map(|p| sanitize::line(&p.name).into_owned())
        .unwrap_or_default()
}

/// A moment as date and minute, in the offset it was recorded with.
pub fn minute(t: &Timestamp) -> String {
    t.format("%Y-%m-%d %H:%M").to_string()
}

/// Builds the document line by line.
pub struct Doc {
    pub tr: Tr,
    pub lines: Vec<DocLine>,
}

impl Doc {
    pub fn new(tr: Tr) -> Doc {
        Doc {
            tr,
            lines: Vec::new(),
        }
    }

    pub fn push(&mut self, line: Line<'static>, indent: usize) {
        self.lines.push((line, indent));
    }

    pub fn heading(&mut self, text: &str) {
        if !self.lines.is_empty() {
            self.lines.push((Line::default(), 0));
        }
        let style = Style::new()
            .fg(Color::Cyan)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.push(Line::from(Span::styled(text.to_owned(), style)), 0);
    }

    /// `label：value` with the value neutralised; a multi-line value keeps its line breaks.
    pub fn field(&mut self, indent: usize, label: &str, value: &str) {
        self.field_styled(indent, label, value, Style::new());
    }

    pub fn field_styled(&mut self, indent: usize, label: &str, value: &str, style: Style) {
        let clean = sanitize::text(value).replace('\t', "    ");
        let mut parts = clean.split('\n');
        let first = parts.next().unwrap_or_default().to_owned();
        let head = format!("{}{label}{}", " ".repeat(indent), self.tr.l(L::Colon));
        let cont = indent + 2;
        self.push(
            Line::from(vec![
                Span::styled(head, label_style()),
                Span::styled(first, style),
            ]),
            cont,
        );
        for rest in parts {
            self.push(
                Line::from(Span::styled(format!("{}{rest}", " ".repeat(cont)), style)),
                cont,
            );
        }
    }

    /// A field only when the value is not blank.
    pub fn field_opt(&mut self, indent: usize, label: &str, value: &str) {
        if !value.trim().is_empty() {
            self.field(indent, label, value);
        }
    }

    /// A line of program text (already safe), indented.
    pub fn text(&mut self, indent: usize, text: &str, style: Style) {
        self.push(
            Line::from(Span::styled(format!("{}{text}", " ".repeat(indent)), style)),
            indent + 2,
        );
    }

    pub fn finding(&mut self, indent: usize, f: &Finding) {
        let (mark, style) = match f.severity {
            Severity::Error => ("✗", error_style()),
            Severity::Warning => ("!", warning_style()),
        };
        let msg = sanitize::line(&self.tr.problem(&f.problem)).into_owned();
        let head = format!(
            "{}{mark} {}{}",
            " ".repeat(indent),
            self.tr.severity(f.severity),
            self.tr.l(L::Colon)
        );
        self.push(
            Line::from(vec![Span::styled(head, style), Span::styled(msg, style)]),
            indent + 4,
        );
    }

    /// The findings that belong to one section, in place.
    pub fn findings_in(&mut self, indent: usize, findings: &[Finding], section: Section) {
        for f in findings
            .iter()
            .filter(|f| Section::of(&f.problem) == section)
        {
            self.finding(indent, f);
        }
    }
}
