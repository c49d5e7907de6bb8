//! The proceedings of a meeting in the detail document: agenda, study, items with their votes,
//! action items, summary and timeline.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::doc::{Doc, Section, label_style, minute, name, outcome_style};
use crate::domain::{AttendanceStatus, Item, Outcome, TimelineEvent};
use crate::i18n::ReviewLabel as L;
use crate::minutes::Minutes;
use crate::minutes::check::Finding;
use crate::sanitize;

/// Write every proceedings section.
pub fn write(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    agenda(d, m, f);
    study(d, m);
    items(d, m, f);
    actions(d, m, f);
    summary(d, m);
    timeline(d, m);
}

fn agenda(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    d.heading(tr.l(L::Agenda));
    for (i, s) in m.agenda.iter().enumerate() {
        let times = tr.planned_actual(s.planned_seconds, s.actual_seconds);
        d.push(
            Line::from(vec![
                Span::raw(format!("  {}. {}", i + 1, sanitize::line(&s.title))),
                Span::styled(
                    format!("  [{}]  {times}", tr.stage_kind(s.kind)),
                    label_style(),
                ),
            ]),
            6,
        );
        d.field_opt(6, tr.l(L::Notes), &s.notes);
    }
    d.findings_in(2, f, Section::Agenda);
}

fn study(d: &mut Doc, m: &Minutes) {
    let tr = d.tr;
    if m.study.is_empty() {
        return;
    }
    d.heading(tr.l(L::Study));
    for (i, t) in m.study.iter().enumerate() {
        d.push(
            Line::from(vec![
                Span::raw(format!("  {}. {}", i + 1, sanitize::line(&t.title))),
                Span::styled(
                    format!("  {}", tr.duration(t.duration_seconds)),
                    label_style(),
                ),
            ]),
            6,
        );
        d.field_opt(6, tr.l(L::Presenter), &t.presenter);
        d.field_opt(6, tr.l(L::Material), &t.material);
        d.field_opt(6, tr.l(L::Notes), &t.notes);
    }
}

fn items(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    if m.items.is_empty() {
        return;
    }
    d.heading(tr.l(L::Items));
    for (i, item) in m.items.iter().enumerate() {
        let n = i + 1;
        d.push(
            Line::from(vec![
                Span::raw(format!("  {} {n}{}", tr.l(L::Item), tr.l(L::Colon))),
                Span::styled(
                    sanitize::line(&item.title).into_owned(),
                    Style::new().add_modifier(ratatui::style::Modifier::BOLD),
                ),
                Span::styled(
                    format!("  [{}]", tr.item_type(item.item_type)),
                    label_style(),
                ),
            ]),
            6,
        );
        if let Some(s) = item.stage {
            d.field(6, tr.l(L::Stage), tr.item_stage(s));
        }
        if let Some(s) = item.source {
            d.field(6, tr.l(L::Source), tr.item_source(s));
        }
        if item.candidate.is_some() {
            d.field(6, tr.l(L::Candidate), &name(item.candidate.as_ref()));
        }
        d.field_opt(6, tr.l(L::Discussion), &item.notes);
        d.field_opt(6, tr.l(L::Decision), &item.decision);
        vote(d, item);
        d.findings_in(6, f, Section::Item(n));
    }
}

fn vote(d: &mut Doc, item: &Item) {
    use crate::i18n::ExportLabel as E;
    let tr = d.tr;
    if let Some(a) = &item.appraisal {
        d.field(6, tr.grade_label(), &tr.appraisal_value(a));
    }
    // Rounds annulled (format v2) are shown before the one that stands, with their reasons.
    let annulled: Vec<_> = item
        .rounds
        .iter()
        .enumerate()
        .filter_map(|(n, r)| r.annulled.as_ref().map(|a| (n, &r.vote, a)))
        .collect();
    for (n, v, a) in annulled {
        d.field(
            6,
            &tr.round_heading(n + 1, Some(&sanitize::line(&a.reason))),
            &format!(
                "{} · {}",
                tr.method(v.method),
                tr.yes_no_abstain(v.yes, v.no, v.abstain)
            ),
        );
    }
    let Some(v) = &item.vote else {
        if item.appraisal.is_none() {
            d.field(6, tr.l(L::Vote), tr.l(L::NotVoted));
        }
        return;
    };
    if v.outcome == crate::domain::Outcome::Deferred {
        d.field(
            6,
            tr.export_label(E::DeferredReason),
            &sanitize::line(&v.deferred_reason),
        );
    }
    if let Some(b) = &v.ballots {
        d.field(
            6,
            tr.export_label(E::Ballots),
            &sanitize::line(&tr.export_ballots(b)),
        );
    }
    d.field(
        6,
        tr.l(L::Vote),
        &format!(
            "{} · {}",
            tr.method(v.method),
            tr.yes_no_abstain(v.yes, v.no, v.abstain)
        ),
    );
    if !v.written_opinions.is_empty() {
        let list: Vec<String> = v
            .written_opinions
            .iter()
            .map(|w| {
                super::text::glued(&format!(
                    "{} {}",
                    sanitize::line(&w.name),
                    tr.opinion(w.opinion)
                ))
            })
            .collect();
        d.field(6, tr.l(L::Written), &list.join(tr.l(L::ListSep)));
        // The total the rule counts, as the printed record gives it.
        let written_yes = v
            .written_opinions
            .iter()
            .filter(|w| w.opinion == crate::domain::Opinion::Yes)
            .count();
        let total = u64::from(v.yes) + written_yes as u64;
        d.field(6, tr.export_label(E::YesCounted), &total.to_string());
    }
    d.field(
        6,
        tr.l(L::Denominators),
        &tr.denominators(
            v.entitled_expected,
            v.entitled_present,
            v.quorum_met,
            v.yes_needed,
        ),
    );
    d.field(6, tr.l(L::Rule), &tr.rule(v.rule));
    d.field(6, tr.l(L::ClosedAt), &minute(&v.closed_at));
    d.field_styled(
        6,
        tr.l(L::Outcome),
        tr.outcome(v.outcome),
        outcome_style(v.outcome),
    );
}

fn actions(d: &mut Doc, m: &Minutes, f: &[Finding]) {
    let tr = d.tr;
    d.heading(tr.l(L::Actions));
    if m.actions.is_empty() {
        d.text(2, tr.l(L::None), label_style());
    }
    for (i, a) in m.actions.iter().enumerate() {
        let mut about = vec![format!(
            "{}{}{}",
            tr.l(L::Owner),
            tr.l(L::Colon),
            name(Some(&a.owner))
        )];
        if let Some(due) = a.due {
            about.push(format!("{}{}{due}", tr.l(L::Due), tr.l(L::Colon)));
        }
        if let Some(it) = a.item {
            about.push(format!("{} {}", tr.l(L::Item), it + 1));
        }
        d.push(
            Line::from(vec![
                Span::raw(format!("  {}. {}", i + 1, sanitize::line(&a.task))),
                Span::styled(format!("  ({})", about.join(" · ")), label_style()),
            ]),
            6,
        );
    }
    d.findings_in(2, f, Section::Actions);
}

fn summary(d: &mut Doc, m: &Minutes) {
    let tr = d.tr;
    d.heading(tr.l(L::Summary));
    if m.summary.trim().is_empty() {
        d.text(2, tr.l(L::None), label_style());
    } else {
        for line in sanitize::text(&m.summary).replace('\t', "    ").split('\n') {
            d.text(2, line, Style::new());
        }
    }
}

fn timeline(d: &mut Doc, m: &Minutes) {
    let tr = d.tr;
    if m.timeline.is_empty() {
        return;
    }
    d.heading(tr.l(L::Timeline));
    for e in &m.timeline {
        // The detail of a check-in or a vote is a status or an outcome key; show its name.
        let detail = match e.event {
            TimelineEvent::CheckedIn => AttendanceStatus::ALL
                .iter()
                .find(|s| s.key() == e.detail)
                .map_or_else(
                    || sanitize::line(&e.detail).into_owned(),
                    |s| tr.status(*s).to_owned(),
                ),
            TimelineEvent::VoteClosed => Outcome::ALL
                .iter()
                .find(|o| o.key() == e.detail)
                .map_or_else(
                    || sanitize::line(&e.detail).into_owned(),
                    |o| tr.outcome(*o).to_owned(),
                ),
            _ => sanitize::line(&e.detail).into_owned(),
        };
        let mut spans = vec![
            Span::styled(format!("  {}  ", e.at.format("%H:%M:%S")), label_style()),
            Span::raw(format!("{}  ", tr.timeline_event(e.event))),
            Span::raw(sanitize::line(&e.subject).into_owned()),
        ];
        if !detail.is_empty() {
            spans.push(Span::styled(format!("  {detail}"), label_style()));
        }
        d.push(Line::from(spans), 14);
    }
}
