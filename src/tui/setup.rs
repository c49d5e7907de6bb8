//! Opening a new meeting: kind and agenda template, title and theme, place, chair (and delegation),
//! recorder, the 党小组 of a group meeting, planned start.

use chrono::{Datelike, TimeZone};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

use crate::domain::agenda::AgendaTemplate;
use crate::domain::{
    CommitteeRole, MeetingKind, MeetingSetup, PersonRef, Roster, RuleSettings, Timestamp,
};
use crate::i18n::Tr;
use crate::tui::widgets::form::{Field, FieldId, FieldKind, Form, FormOutcome, PersonField};
use crate::typed::clock_time;

#[derive(Debug, Clone)]
pub struct SetupScreen {
    pub form: Form,
    templates: Vec<AgendaTemplate>,
    roster: Roster,
    kind: MeetingKind,
    /// When the form was opened: the date the generated titles name.
    opened: Timestamp,
}

/// What a key did to the setup screen.
#[derive(Debug)]
pub enum SetupOutcome {
    Continue,
    Cancel,
    Help,
    Create(Box<MeetingSetup>),
}

fn default_title(kind: MeetingKind, now: Timestamp, tr: Tr) -> String {
    tr.setup_default_title(kind, now.year(), now.month())
}

impl SetupScreen {
    pub fn new(
        roster: Roster,
        templates: Vec<AgendaTemplate>,
        tr: Tr,
        now: Timestamp,
    ) -> SetupScreen {
        let kind = MeetingKind::ThemedDay;
        let people: Vec<(String, String)> = roster
            .members
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect();
        let secretary = roster
            .members
            .iter()
            .find(|m| m.committee_role == Some(CommitteeRole::Secretary))
            .map(PersonRef::member);
        let groups: Vec<String> = roster.groups.iter().map(|g| g.name.clone()).collect();
        let form = Form::new(
            tr.setup_new_meeting(),
            vec![
                Field::choice(
                    FieldId::Kind,
                    tr.setup_kind(),
                    MeetingKind::ALL
                        .iter()
                        .map(|k| tr.kind(*k).to_owned())
                        .collect(),
                    0,
                ),
                Field::choice(FieldId::Template, tr.setup_agenda_template(), Vec::new(), 0),
                Field::text(
                    FieldId::Title,
                    tr.meeting_title(),
                    &default_title(kind, now, tr),
                ),
                Field::text(FieldId::Theme, tr.theme_label(), ""),
                Field::text(FieldId::Place, tr.place_label(), ""),
                Field::person(
                    FieldId::Chair,
                    tr.chair_label(),
                    PersonField::new(people.clone(), secretary.as_ref(), true),
                ),
                Field::person(
                    FieldId::Delegated,
                    tr.delegated_by_if_any(),
                    PersonField::new(people.clone(), None, true),
                ),
                Field::person(
                    FieldId::Recorder,
                    tr.recorder_label(),
                    PersonField::new(people, None, true),
                ),
                Field::choice(
                    FieldId::Group,
                    tr.setup_party_group_group_meetings(),
                    groups,
                    0,
                ),
                Field::text(
                    FieldId::Start,
                    tr.setup_planned_start_hh_mm(),
                    &now.format("%H:%M").to_string(),
                ),
            ],
        );
        let mut s = SetupScreen {
            form,
            templates,
            roster,
            kind,
            opened: now,
        };
        s.sync_templates(tr);
        s
    }

    fn templates_for(&self, kind: MeetingKind) -> Vec<&AgendaTemplate> {
        self.templates.iter().filter(|t| t.kind == kind).collect()
    }

    /// Keep the template choices in step with the kind.
    fn sync_templates(&mut self, tr: Tr) {
        let kind = MeetingKind::ALL[self
            .form
            .choice(FieldId::Kind)
            .min(MeetingKind::ALL.len() - 1)];
        let mut names: Vec<String> = self
            .templates_for(kind)
            .iter()
            .map(|t| t.name.clone())
            .collect();
        if names.is_empty() {
            names.push(tr.setup_generic_check_in_items().to_owned());
        }
        let kind_changed = kind != self.kind;
        self.kind = kind;
        for f in &mut self.form.fields {
            match (f.key, &mut f.kind) {
                (FieldId::Template, FieldKind::Choice { options, selected })
                    if (kind_changed || options.is_empty()) =>
                {
                    options.clone_from(&names);
                    *selected = 0;
                }
                (FieldId::Title, FieldKind::Text(input)) if kind_changed => {
                    // Keep the secretary's own title; replace only the generated one.
                    let generated = MeetingKind::ALL.iter().any(|k| {
                        input.text().ends_with(tr.kind(*k)) || input.text().starts_with(tr.kind(*k))
                    });
                    if generated {
                        input.set(default_title(kind, self.opened, tr));
                    }
                }
                _ => {}
            }
        }
    }

    pub fn paste(&mut self, s: &str) {
        self.form.paste(s);
    }

    pub fn key(&mut self, key: KeyEvent, tr: Tr, now: Timestamp) -> SetupOutcome {
        match self.form.handle(key) {
            FormOutcome::Changed => {
                self.sync_templates(tr);
                SetupOutcome::Continue
            }
            FormOutcome::Continue => SetupOutcome::Continue,
            FormOutcome::Cancel => SetupOutcome::Cancel,
            FormOutcome::Help => SetupOutcome::Help,
            FormOutcome::Submit => match self.build(tr, now) {
                Ok(setup) => SetupOutcome::Create(Box::new(setup)),
                Err(msg) => {
                    self.form.error = Some(msg);
                    SetupOutcome::Continue
                }
            },
        }
    }

    fn build(&self, tr: Tr, now: Timestamp) -> Result<MeetingSetup, String> {
        let f = &self.form;
        let title = f.text(FieldId::Title);
        if title.is_empty() {
            return Err(tr.setup_please_fill_in_title().to_owned());
        }
        let kind = self.kind;
        let agenda = self
            .templates_for(kind)
            .get(f.choice(FieldId::Template))
            .map_or_else(|| generic_agenda(kind, tr), |t| t.stages.clone());
        let start_text = f.text(FieldId::Start);
        let planned_start = if start_text.is_empty() {
            None
        } else {
            let t = clock_time(&start_text)
                .ok_or_else(|| tr.setup_planned_start_must_look().to_owned())?;
            now.timezone()
                .from_local_datetime(&now.date_naive().and_time(t))
                .single()
        };
        let group = (kind == MeetingKind::Group)
            .then(|| {
                self.roster
                    .groups
                    .get(f.choice(FieldId::Group))
                    .map(|g| g.name.clone())
            })
            .flatten();
        if kind == MeetingKind::Group && group.is_none() {
            return Err(tr.setup_roster_has_no_party().to_owned());
        }
        Ok(MeetingSetup {
            id: uuid::Uuid::now_v7(),
            kind,
            title,
            theme: f.text(FieldId::Theme),
            place: f.text(FieldId::Place),
            chair: f.person(FieldId::Chair),
            chair_delegated_by: f.person(FieldId::Delegated),
            recorder: f.person(FieldId::Recorder),
            group,
            planned_start,
            agenda,
            roster: self.roster.clone(),
            settings: RuleSettings::default(),
            supersedes: None,
            correction_reason: String::new(),
        })
    }

    pub fn render(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        (&self.form).render(area, buf);
        self.form.cursor(area)
    }
}

/// Check-in, items (or study where there are no votes), wrap-up.
fn generic_agenda(kind: MeetingKind, tr: Tr) -> Vec<crate::domain::StageTemplate> {
    use crate::domain::agenda::StageKind;
    let middle = if kind.vote_body().is_some() {
        StageKind::Items
    } else {
        StageKind::Study
    };
    [
        (StageKind::CheckIn, 5),
        (middle, 45),
        (StageKind::WrapUp, 10),
    ]
    .into_iter()
    .map(|(k, planned_minutes)| crate::domain::StageTemplate {
        title: tr.stage_kind(k).to_owned(),
        kind: k,
        planned_minutes,
    })
    .collect()
}
