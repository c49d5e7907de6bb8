//! The meeting's dialogs: what each asks, and what its answer records.

use chrono::NaiveDate;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{Model, mark_event};
use crate::domain::rules::{self, VoteMethod, VoteRecord};
use crate::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Event, ExcuseReason, Guest, ItemSource,
    ItemStage, ItemType, Meeting, Opinion, PersonRef, Timestamp, WrittenOpinion,
};
use crate::tui::effect::Effect;
use crate::tui::keymap;
use crate::tui::widgets::form::{Field, FieldId, Form, PersonField};

/// What a dialog is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    Excuse {
        member: usize,
    },
    Absent {
        member: usize,
    },
    Guest,
    Topic,
    Item,
    Vote {
        item: usize,
        absent: Vec<(String, String)>,
    },
    Action,
    Details,
    Finalize,
}

#[derive(Debug, Clone)]
pub enum Modal {
    Form(Box<Form>, FormPurpose),
    /// Lines to read; any key closes it.
    Message(String, Vec<String>),
}

fn labels<T: Copy>(all: &[T], f: impl Fn(T) -> &'static str) -> Vec<String> {
    all.iter().map(|x| f(*x).to_owned()).collect()
}

fn people(m: &Meeting) -> Vec<(String, String)> {
    m.members()
        .iter()
        .map(|m| (m.id.clone(), m.name.clone()))
        .collect()
}

impl Model {
    pub(super) fn open_form(&mut self, m: &Meeting, purpose: FormPurpose) {
        let tr = self.tr();
        if m.finalized.is_some() {
            self.flash = Some(tr.apply_error(&crate::domain::ApplyError::Finalized));
            return;
        }
        let form = match &purpose {
            FormPurpose::Excuse { member } => Form::new(
                format!("{} · {}", tr.stats_col_excused(), m.members()[*member].name),
                vec![
                    Field::choice(
                        FieldId::Reason,
                        tr.reason_label(),
                        labels(&ExcuseReason::ALL, |r| tr.excuse(r)),
                        0,
                    ),
                    Field::text(FieldId::Details, tr.form_details(), ""),
                    Field::text(FieldId::Approver, tr.form_approved_by(), ""),
                ],
            ),
            FormPurpose::Absent { member } => Form::new(
                format!("{} · {}", tr.stats_col_absent(), m.members()[*member].name),
                vec![Field::text(FieldId::Details, tr.form_reason_if_known(), "")],
            ),
            FormPurpose::Guest => Form::new(
                tr.form_guest(),
                vec![
                    Field::text(FieldId::Name, tr.name_label(), ""),
                    Field::text(FieldId::Identity, tr.form_identity(), ""),
                ],
            ),
            FormPurpose::Topic => Form::new(
                tr.form_study_topic(),
                vec![
                    Field::text(FieldId::Title, tr.form_title(), ""),
                    Field::person(
                        FieldId::Presenter,
                        tr.presenter_label(),
                        PersonField::new(people(m), None, true),
                    ),
                    Field::text(FieldId::Material, tr.form_material(), ""),
                ],
            ),
            FormPurpose::Item => Form::new(
                tr.form_item(),
                vec![
                    Field::text(FieldId::Title, tr.form_item_title(), ""),
                    Field::choice(
                        FieldId::ItemType,
                        tr.type_label(),
                        labels(&ItemType::ALL, |t| tr.item_type(t)),
                        0,
                    ),
                    Field::person(
                        FieldId::Candidate,
                        tr.form_candidate_membership(),
                        PersonField::new(people(m), None, true),
                    ),
                    Field::choice(
                        FieldId::Stage,
                        tr.form_public_deliberation_stage(),
                        std::iter::once(tr.form_not_applicable().to_owned())
                            .chain(labels(&ItemStage::ALL, |s| tr.item_stage(s)))
                            .collect(),
                        0,
                    ),
                    Field::choice(
                        FieldId::Source,
                        tr.source_label(),
                        std::iter::once(tr.form_not_stated().to_owned())
                            .chain(labels(&ItemSource::ALL, |s| tr.item_source(s)))
                            .collect(),
                        0,
                    ),
                ],
            ),
            FormPurpose::Vote { item, absent } => {
                let it = &m.items[*item];
                let membership = it.item_type.is_membership();
                let method = usize::from(membership);
                let mut fields = vec![
                    Field::choice(
                        FieldId::Method,
                        tr.form_method(),
                        labels(&VoteMethod::ALL, |v| tr.method(v)),
                        method,
                    ),
                    Field::number(FieldId::Yes, tr.form_yes(), 0),
                    Field::number(FieldId::No, tr.form_no(), 0),
                    Field::number(FieldId::Abstain, tr.form_abstain(), 0),
                    Field::choice(
                        FieldId::Deferred,
                        tr.form_defer(),
                        vec![
                            tr.form_no_choice().to_owned(),
                            tr.form_yes_defer().to_owned(),
                        ],
                        0,
                    ),
                    Field::text(FieldId::DeferReason, tr.form_defer_reason(), ""),
                ];
                if membership {
                    let options = vec![
                        tr.form_no_written_opinion().to_owned(),
                        tr.opinion(Opinion::Yes).to_owned(),
                        tr.opinion(Opinion::No).to_owned(),
                        tr.opinion(Opinion::Abstain).to_owned(),
                    ];
                    for (n, (_, name)) in absent.iter().enumerate() {
                        fields.push(Field::choice(
                            FieldId::Written(n),
                            format!("{} {name}", tr.form_written_opinion()),
                            options.clone(),
                            0,
                        ));
                    }
                }
                Form::new(format!("{} · {}", tr.form_vote(), it.title), fields)
            }
            FormPurpose::Action => {
                let items: Vec<String> = std::iter::once(tr.none_word().to_owned())
                    .chain(
                        m.items
                            .iter()
                            .enumerate()
                            .map(|(i, it)| format!("{} {}", i + 1, it.title)),
                    )
                    .collect();
                let preselect = if m.items.is_empty() { 0 } else { self.item + 1 };
                Form::new(
                    tr.form_action_item(),
                    vec![
                        Field::text(FieldId::Task, tr.form_task(), ""),
                        Field::person(
                            FieldId::Owner,
                            tr.form_owner(),
                            PersonField::new(people(m), None, false),
                        ),
                        Field::text(FieldId::Due, tr.form_due_yyyy_mm_dd(), ""),
                        Field::choice(FieldId::ForItem, tr.form_for_item(), items, preselect),
                    ],
                )
            }
            FormPurpose::Details => {
                let s = &m.setup;
                Form::new(
                    tr.form_meeting_details(),
                    vec![
                        Field::text(FieldId::Title, tr.meeting_title(), &s.title),
                        Field::text(FieldId::Theme, tr.theme_label(), &s.theme),
                        Field::text(FieldId::Place, tr.place_label(), &s.place),
                        Field::person(
                            FieldId::Chair,
                            tr.chair_label(),
                            PersonField::new(people(m), s.chair.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Delegated,
                            tr.delegated_by_if_any(),
                            PersonField::new(people(m), s.chair_delegated_by.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Recorder,
                            tr.recorder_label(),
                            PersonField::new(people(m), s.recorder.as_ref(), true),
                        ),
                    ],
                )
            }
            FormPurpose::Finalize => Form::new(
                tr.form_finalize(),
                vec![Field::choice(
                    FieldId::Confirm,
                    tr.form_finalized_minutes_cannot_change(),
                    vec![
                        tr.form_no_choice().to_owned(),
                        tr.form_yes_finalize().to_owned(),
                    ],
                    0,
                )],
            ),
        };
        self.modal = Some(Modal::Form(Box::new(form), purpose));
        self.refresh_preview(m);
    }

    /// Recompute a dialog's live preview (the vote's rule, quorum and outcome).
    pub(super) fn refresh_preview(&mut self, m: &Meeting) {
        let Some(Modal::Form(form, FormPurpose::Vote { item, absent })) = self.modal.as_ref()
        else {
            return;
        };
        let (item, absent) = (*item, absent.clone());
        let result = self.vote_from_form(m, form, item, &absent);
        let lines = self.vote_preview(&result);
        if let Some(Modal::Form(form, _)) = self.modal.as_mut() {
            form.preview = lines;
        }
    }

    fn vote_from_form(
        &self,
        m: &Meeting,
        form: &Form,
        item: usize,
        absent: &[(String, String)],
    ) -> Result<(rules::VoteInput, rules::Judgement), String> {
        let tr = self.tr();
        let count = |k: FieldId| {
            form.number(k)
                .ok_or_else(|| tr.form_counts_must_be_whole().to_owned())
        };
        let (yes, no, abstain) = (
            count(FieldId::Yes)?,
            count(FieldId::No)?,
            count(FieldId::Abstain)?,
        );
        let method = VoteMethod::ALL[form.choice(FieldId::Method).min(VoteMethod::ALL.len() - 1)];
        // Written opinions are asked for only on membership votes (党章 第十七条).
        let membership = m
            .items
            .get(item)
            .is_some_and(|it| it.item_type.is_membership());
        let written: Vec<WrittenOpinion> = absent
            .iter()
            .take(if membership { absent.len() } else { 0 })
            .enumerate()
            .filter_map(|(n, (id, name))| {
                let opinion = match form.choice(FieldId::Written(n)) {
                    1 => Opinion::Yes,
                    2 => Opinion::No,
                    3 => Opinion::Abstain,
                    _ => return None,
                };
                Some(WrittenOpinion {
                    member_id: id.clone(),
                    name: name.clone(),
                    opinion,
                })
            })
            .collect();
        let deferred = form.choice(FieldId::Deferred) == 1;
        // A deferral (暂缓表决) is not a vote: it records no counts and no written opinions.
        let (counts, written) = if deferred {
            ((0, 0, 0), Vec::new())
        } else {
            ((yes, no, abstain), written)
        };
        let input = m
            .vote_input(item, method, counts, written, deferred)
            .map_err(|e| tr.apply_error(&e))?;
        let judgement = rules::judge(&input).map_err(|e| tr.vote_error(&e))?;
        Ok((input, judgement))
    }

    fn vote_preview(
        &self,
        result: &Result<(rules::VoteInput, rules::Judgement), String>,
    ) -> Vec<Line<'static>> {
        let tr = self.tr();
        match result {
            Err(e) => vec![Line::styled(format!("✗ {e}"), Style::new().fg(Color::Red))],
            Ok((input, j)) => {
                vec![
                    Line::raw(tr.form_vote_attendance(
                        input.entitled_expected,
                        input.entitled_present,
                        j.quorum_needed,
                        j.quorum_met,
                    )),
                    Line::raw(tr.form_vote_yes_counted(j.yes_counted, j.yes_needed)),
                    Line::styled(
                        format!("{} {}", tr.outcome_label(), tr.outcome(j.outcome)),
                        Style::new().fg(match j.outcome {
                            rules::Outcome::Passed => Color::Green,
                            rules::Outcome::Deferred => Color::Yellow,
                            _ => Color::Red,
                        }),
                    ),
                    Line::styled(tr.rule(j.rule), Style::new().fg(Color::DarkGray)),
                    Line::styled(
                        tr.form_vote_submit_hint(&keymap::key_for(
                            keymap::Context::Form,
                            keymap::Action::Submit,
                        )),
                        Style::new().fg(Color::Yellow),
                    ),
                ]
            }
        }
    }

    pub(super) fn submit_form(&mut self, m: &Meeting, at: Timestamp, fx: &mut Vec<Effect>) {
        let Some(Modal::Form(form, purpose)) = self.modal.take() else {
            return;
        };
        let tr = self.tr();
        let fail = |this: &mut Self, form: Box<Form>, purpose: FormPurpose, msg: String| {
            let mut form = form;
            form.error = Some(msg);
            this.modal = Some(Modal::Form(form, purpose));
        };
        let missing = |what: &str| format!("{}{}{}", tr.form_please_fill_in(), tr.colon(), what);
        match &purpose {
            FormPurpose::Excuse { member } => {
                let reason = ExcuseReason::ALL[form.choice(FieldId::Reason).min(3)];
                let text = form.text(FieldId::Details);
                if reason == ExcuseReason::Other && text.is_empty() {
                    return fail(self, form, purpose, missing(tr.form_missing_details()));
                }
                let mark = AttendanceMark {
                    status: AttendanceStatus::Excused,
                    reason: Some(reason),
                    reason_text: text,
                    approver: form.text(FieldId::Approver),
                    left: None,
                };
                fx.push(mark_event(m, *member, mark, at));
            }
            FormPurpose::Absent { member } => {
                let mark = AttendanceMark {
                    status: AttendanceStatus::Absent,
                    reason: None,
                    reason_text: form.text(FieldId::Details),
                    approver: String::new(),
                    left: None,
                };
                fx.push(mark_event(m, *member, mark, at));
            }
            FormPurpose::Guest => {
                let name = form.text(FieldId::Name);
                if name.is_empty() {
                    return fail(self, form, purpose, missing(tr.form_missing_name()));
                }
                fx.push(Effect::Record(Event::GuestAdded {
                    at,
                    guest: Guest {
                        name,
                        identity: form.text(FieldId::Identity),
                    },
                }));
            }
            FormPurpose::Topic => {
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return fail(self, form, purpose, missing(tr.form_missing_study_title()));
                }
                let presenter = form
                    .person(FieldId::Presenter)
                    .map(|p| p.name)
                    .unwrap_or_default();
                fx.push(Effect::Record(Event::TopicAdded {
                    title,
                    presenter,
                    material: form.text(FieldId::Material),
                }));
            }
            FormPurpose::Item => {
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return fail(self, form, purpose, missing(tr.form_missing_item_title()));
                }
                let item_type =
                    ItemType::ALL[form.choice(FieldId::ItemType).min(ItemType::ALL.len() - 1)];
                let candidate = form
                    .person(FieldId::Candidate)
                    .filter(|_| item_type.is_membership());
                if item_type.is_membership() && candidate.is_none() {
                    return fail(self, form, purpose, missing(tr.form_missing_candidate()));
                }
                let stage = form
                    .choice(FieldId::Stage)
                    .checked_sub(1)
                    .map(|i| ItemStage::ALL[i]);
                let source = form
                    .choice(FieldId::Source)
                    .checked_sub(1)
                    .map(|i| ItemSource::ALL[i]);
                fx.push(Effect::Record(Event::ItemAdded {
                    title,
                    item_type,
                    stage,
                    source,
                    candidate,
                }));
            }
            FormPurpose::Vote { item, absent } => {
                match self.vote_from_form(m, &form, *item, absent) {
                    Err(e) => fail(self, form, purpose, e),
                    Ok((input, j)) => {
                        let reason = form.text(FieldId::DeferReason).trim().to_owned();
                        if input.deferred && reason.is_empty() {
                            return fail(self, form, purpose, tr.form_defer_reason_required());
                        }
                        let mut vote = VoteRecord::freeze(&input, &j, at);
                        if vote.outcome == rules::Outcome::Deferred {
                            vote.deferred_reason = reason;
                        }
                        fx.push(Effect::Record(Event::VoteClosed { index: *item, vote }));
                    }
                }
            }
            FormPurpose::Action => {
                let task = form.text(FieldId::Task);
                let Some(owner) = form.person(FieldId::Owner) else {
                    return fail(self, form, purpose, missing(tr.form_missing_owner()));
                };
                if task.is_empty() {
                    return fail(self, form, purpose, missing(tr.form_missing_task()));
                }
                let due_text = form.text(FieldId::Due);
                let due = if due_text.is_empty() {
                    None
                } else {
                    match NaiveDate::parse_from_str(&due_text, "%Y-%m-%d") {
                        Ok(d) => Some(d),
                        Err(_) => {
                            return fail(
                                self,
                                form,
                                purpose,
                                tr.form_due_date_must_look().to_owned(),
                            );
                        }
                    }
                };
                let item = form.choice(FieldId::ForItem).checked_sub(1);
                fx.push(Effect::Record(Event::ActionAdded {
                    action: ActionItem {
                        task,
                        owner,
                        due,
                        item,
                    },
                }));
            }
            FormPurpose::Details => {
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return fail(
                        self,
                        form,
                        purpose,
                        missing(tr.form_missing_meeting_title()),
                    );
                }
                let person = |k: FieldId| {
                    form.person(k)
                        .filter(|p: &PersonRef| !p.name.trim().is_empty())
                };
                fx.push(Effect::Record(Event::DetailsSet {
                    title,
                    theme: form.text(FieldId::Theme),
                    place: form.text(FieldId::Place),
                    chair: person(FieldId::Chair),
                    chair_delegated_by: person(FieldId::Delegated),
                    recorder: person(FieldId::Recorder),
                }));
            }
            FormPurpose::Finalize => {
                if form.choice(FieldId::Confirm) == 1 {
                    self.close_editor(m, fx);
                    fx.push(Effect::Finalize);
                }
            }
        }
    }
}
