//! The meeting's dialogs: what each asks, and what its answer records.

use std::path::PathBuf;

use super::{Model, mark_event};
use crate::domain::rules::VoteRecord;
use crate::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Event, ExcuseReason, Guest, ItemSource,
    ItemStage, ItemType, ListKind, Meeting, PersonRef, Timestamp,
};
use crate::tui::effect::Effect;
use crate::tui::widgets::form::{Field, FieldId, Form};
use crate::typed::calendar_date;

/// A name as a person: the roster member of that name, else the name alone.
fn person_ref(m: &Meeting, name: &str) -> PersonRef {
    PersonRef {
        member_id: m
            .members()
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.id.clone()),
        name: name.to_owned(),
    }
}

/// The event that removes entry `index` of `list`.
fn remove_event(list: ListKind, index: usize) -> Event {
    match list {
        ListKind::Items => Event::ItemRemoved { index },
        ListKind::Topics => Event::TopicRemoved { index },
        ListKind::Guests => Event::GuestRemoved { index },
        ListKind::Actions => Event::ActionRemoved { index },
    }
}

/// A plain 出席 mark.
pub(super) fn present() -> AttendanceMark {
    AttendanceMark {
        status: AttendanceStatus::Present,
        reason: None,
        reason_text: String::new(),
        approver: String::new(),
        left: None,
    }
}

/// What a dialog is for.
#[derive(Debug, Clone)]
pub enum FormPurpose {
    Excuse {
        member: usize,
    },
    Absent {
        member: usize,
    },
    Guest,
    /// A new study topic, or a correction of topic `edit`.
    Topic {
        edit: Option<usize>,
    },
    /// A new item, or a correction of item `edit`.
    Item {
        edit: Option<usize>,
    },
    /// Remove entry `index` of a list, after a confirmation.
    Remove {
        list: ListKind,
        index: usize,
    },
    Vote {
        item: usize,
        absent: Vec<(String, String)>,
    },
    /// 民主评议党员 of item `item`: the grade and the ratings.
    Appraise {
        item: usize,
    },
    /// The counts are in: close the round? `back` is the vote dialog as it was.
    ConfirmVote {
        item: usize,
        absent: Vec<(String, String)>,
        vote: Box<VoteRecord>,
        back: Box<Form>,
    },
    /// Annul round `round` of `item` with a reason.
    Annul {
        item: usize,
        round: usize,
    },
    /// 早退 of `member`; `now` is the time offered.
    Leave {
        member: usize,
        now: Timestamp,
    },
    /// Mark these members (roster indices, none marked yet) present.
    AllPresent {
        members: Vec<usize>,
    },
    RemoveGuest,
    /// Correct a guest's name or identity; `shown` is the guest whose details fill the fields.
    EditGuest {
        shown: usize,
    },
    /// A new action item, or a correction of action item `edit`.
    Action {
        edit: Option<usize>,
    },
    Details,
    Finalize,
    /// Where the printable record of the finalized minutes file `minutes` goes.
    Export {
        minutes: PathBuf,
    },
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

impl Model {
    pub(super) fn open_form(&mut self, m: &Meeting, purpose: FormPurpose) {
        let tr = self.tr();
        if m.finalized.is_some() {
            self.flash = Some(tr.apply_error(&crate::domain::ApplyError::Finalized));
            return;
        }
        let form = match &purpose {
            FormPurpose::Excuse { member } => {
                // Re-marking someone 请假 opens the dialog with what was there.
                let was = m
                    .mark_of(*member)
                    .filter(|k| k.status == AttendanceStatus::Excused);
                let reason = was
                    .and_then(|k| k.reason)
                    .and_then(|r| ExcuseReason::ALL.iter().position(|x| *x == r))
                    .unwrap_or(0);
                let approver = was.map(|k| PersonRef {
                    member_id: m
                        .members()
                        .iter()
                        .find(|p| p.name == k.approver)
                        .map(|p| p.id.clone()),
                    name: k.approver.clone(),
                });
                Form::new(
                    format!("{} · {}", tr.stats_col_excused(), m.members()[*member].name),
                    vec![
                        Field::choice(
                            FieldId::Reason,
                            tr.reason_label(),
                            labels(&ExcuseReason::ALL, |r| tr.excuse(r)),
                            reason,
                        ),
                        Field::text(
                            FieldId::Details,
                            tr.form_details(),
                            was.map_or("", |k| k.reason_text.as_str()),
                        ),
                        Field::person(
                            FieldId::Approver,
                            tr.form_approved_by(),
                            self.people_field(m, approver.as_ref(), true),
                        ),
                    ],
                )
            }
            FormPurpose::Absent { member } => Form::new(
                format!("{} · {}", tr.stats_col_absent(), m.members()[*member].name),
                vec![Field::text(
                    FieldId::Details,
                    tr.form_reason_if_known(),
                    m.mark_of(*member)
                        .filter(|k| k.status == AttendanceStatus::Absent)
                        .map_or("", |k| k.reason_text.as_str()),
                )],
            ),
            FormPurpose::Guest => Form::new(
                tr.form_guest(),
                vec![
                    Field::text(FieldId::Name, tr.name_label(), ""),
                    Field::text(FieldId::Identity, tr.form_identity(), ""),
                ],
            ),
            FormPurpose::Topic { edit } => {
                let t = edit.and_then(|i| m.study.get(i));
                let presenter = t
                    .filter(|t| !t.presenter.is_empty())
                    .map(|t| person_ref(m, &t.presenter));
                Form::new(
                    tr.form_study_topic(),
                    vec![
                        Field::text(
                            FieldId::Title,
                            tr.form_title(),
                            t.map_or("", |t| t.title.as_str()),
                        ),
                        Field::person(
                            FieldId::Presenter,
                            tr.presenter_label(),
                            self.people_field(m, presenter.as_ref(), true),
                        ),
                        Field::text(
                            FieldId::Material,
                            tr.form_material(),
                            t.map_or("", |t| t.material.as_str()),
                        ),
                    ],
                )
            }
            FormPurpose::Item { edit } => {
                let it = edit.and_then(|i| m.items.get(i));
                let position = |all: &[ItemStage], x: Option<ItemStage>| {
                    x.and_then(|x| all.iter().position(|y| *y == x))
                        .map_or(0, |p| p + 1)
                };
                Form::new(
                    tr.form_item(),
                    vec![
                        Field::text(
                            FieldId::Title,
                            tr.form_item_title(),
                            it.map_or("", |i| i.title.as_str()),
                        ),
                        Field::choice(
                            FieldId::ItemType,
                            tr.type_label(),
                            labels(&ItemType::ALL, |t| tr.item_type(t)),
                            it.and_then(|i| ItemType::ALL.iter().position(|t| *t == i.item_type))
                                .unwrap_or(0),
                        ),
                        Field::person(
                            FieldId::Candidate,
                            tr.form_candidate_membership(),
                            self.people_field(m, it.and_then(|i| i.candidate.as_ref()), true),
                        ),
                        Field::choice(
                            FieldId::Stage,
                            tr.form_public_deliberation_stage(),
                            std::iter::once(tr.form_not_applicable().to_owned())
                                .chain(labels(&ItemStage::ALL, |s| tr.item_stage(s)))
                                .collect(),
                            position(&ItemStage::ALL, it.and_then(|i| i.stage)),
                        ),
                        Field::choice(
                            FieldId::Source,
                            tr.source_label(),
                            std::iter::once(tr.form_not_stated().to_owned())
                                .chain(labels(&ItemSource::ALL, |s| tr.item_source(s)))
                                .collect(),
                            it.and_then(|i| i.source)
                                .and_then(|x| ItemSource::ALL.iter().position(|y| *y == x))
                                .map_or(0, |p| p + 1),
                        ),
                    ],
                )
            }
            FormPurpose::Remove { list, index } => self.remove_form(m, *list, *index),
            FormPurpose::Vote { item, absent } => self.vote_form(m, *item, absent),
            FormPurpose::Appraise { item } => self.appraisal_form(m, *item),
            FormPurpose::ConfirmVote { back, .. } => (**back).clone(),
            FormPurpose::Annul { item, round } => self.annul_form(m, *item, *round),
            FormPurpose::Leave { member, now } => self.leave_form(m, *member, *now),
            FormPurpose::AllPresent { members } => self.all_present_form(members.len()),
            FormPurpose::RemoveGuest => self.remove_guest_form(m),
            FormPurpose::EditGuest { shown } => self.edit_guest_form(m, *shown),
            FormPurpose::Action { edit } => {
                let a = edit.and_then(|i| m.actions.get(i));
                let items: Vec<String> = std::iter::once(tr.none_word().to_owned())
                    .chain(
                        m.items
                            .iter()
                            .enumerate()
                            .map(|(i, it)| format!("{} {}", i + 1, it.title)),
                    )
                    .collect();
                let preselect = match a {
                    Some(a) => a.item.map_or(0, |i| i + 1),
                    None if m.items.is_empty() => 0,
                    None => self.item + 1,
                };
                let due = a
                    .and_then(|a| a.due)
                    .map(|d| d.format("%Y-%m-%d").to_string());
                Form::new(
                    tr.form_action_item(),
                    vec![
                        Field::text(
                            FieldId::Task,
                            tr.form_task(),
                            a.map_or("", |a| a.task.as_str()),
                        ),
                        Field::person(
                            FieldId::Owner,
                            tr.form_owner(),
                            self.people_field(m, a.map(|a| &a.owner), false),
                        ),
                        Field::text(
                            FieldId::Due,
                            tr.form_due_yyyy_mm_dd(),
                            due.as_deref().unwrap_or(""),
                        ),
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
                            self.people_field(m, s.chair.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Delegated,
                            tr.delegated_by_if_any(),
                            self.people_field(m, s.chair_delegated_by.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Recorder,
                            tr.recorder_label(),
                            self.people_field(m, s.recorder.as_ref(), true),
                        ),
                    ],
                )
            }
            // The export dialog needs the default folder, which the loop finds: see offer_export.
            FormPurpose::Export { .. } => return,
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

    /// Keep a dialog open with what is wrong with it.
    pub(super) fn refuse(&mut self, form: Box<Form>, purpose: FormPurpose, msg: String) {
        let mut form = form;
        form.error = Some(msg);
        self.modal = Some(Modal::Form(form, purpose));
    }

    pub(super) fn submit_form(&mut self, m: &Meeting, at: Timestamp, fx: &mut Vec<Effect>) {
        let Some(Modal::Form(form, purpose)) = self.modal.take() else {
            return;
        };
        let tr = self.tr();
        let missing = |what: &str| format!("{}{}{}", tr.form_please_fill_in(), tr.colon(), what);
        match &purpose {
            FormPurpose::Excuse { member } => {
                let reason = ExcuseReason::ALL[form.choice(FieldId::Reason).min(3)];
                let text = form.text(FieldId::Details);
                if reason == ExcuseReason::Other && text.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_details()));
                }
                let mark = AttendanceMark {
                    status: AttendanceStatus::Excused,
                    reason: Some(reason),
                    reason_text: text,
                    approver: form
                        .person(FieldId::Approver)
                        .map(|p| p.name)
                        .unwrap_or_default(),
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
                    return self.refuse(form, purpose, missing(tr.form_missing_name()));
                }
                fx.push(Effect::Record(Event::GuestAdded {
                    at,
                    guest: Guest {
                        name,
                        identity: form.text(FieldId::Identity),
                    },
                }));
            }
            FormPurpose::Topic { edit } => {
                let edit = *edit;
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_study_title()));
                }
                let presenter = form
                    .person(FieldId::Presenter)
                    .map(|p| p.name)
                    .unwrap_or_default();
                let material = form.text(FieldId::Material);
                fx.push(Effect::Record(match edit {
                    None => Event::TopicAdded {
                        title,
                        presenter,
                        material,
                    },
                    Some(index) => Event::TopicEdited {
                        index,
                        title,
                        presenter,
                        material,
                    },
                }));
            }
            FormPurpose::Item { edit } => {
                let edit = *edit;
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_item_title()));
                }
                let item_type =
                    ItemType::ALL[form.choice(FieldId::ItemType).min(ItemType::ALL.len() - 1)];
                let candidate = form
                    .person(FieldId::Candidate)
                    .filter(|_| item_type.about_a_person());
                if item_type.about_a_person() && candidate.is_none() {
                    return self.refuse(form, purpose, missing(tr.form_missing_candidate()));
                }
                let stage = form
                    .choice(FieldId::Stage)
                    .checked_sub(1)
                    .map(|i| ItemStage::ALL[i]);
                let source = form
                    .choice(FieldId::Source)
                    .checked_sub(1)
                    .map(|i| ItemSource::ALL[i]);
                fx.push(Effect::Record(match edit {
                    None => Event::ItemAdded {
                        title,
                        item_type,
                        stage,
                        source,
                        candidate,
                    },
                    Some(index) => Event::ItemEdited {
                        index,
                        title,
                        item_type,
                        stage,
                        source,
                        candidate,
                    },
                }));
            }
            FormPurpose::Vote { item, absent } => {
                let (item, absent) = (*item, absent.clone());
                self.submit_vote(m, form, item, absent, at);
            }
            FormPurpose::ConfirmVote { .. } => self.submit_confirm_vote(&form, purpose, fx),
            FormPurpose::Appraise { item } => {
                let item = *item;
                self.submit_appraisal(m, form, item, at, fx);
            }
            FormPurpose::Annul { item, round } => {
                let (item, round) = (*item, *round);
                self.submit_annul(form, item, round, at, fx);
            }
            FormPurpose::Leave { member, now } => {
                let (member, now) = (*member, *now);
                self.submit_leave(m, form, member, now, fx);
            }
            FormPurpose::AllPresent { members } => {
                if form.choice(FieldId::Confirm) == 1 {
                    for &i in members {
                        fx.push(mark_event(m, i, present(), at));
                    }
                }
            }
            FormPurpose::EditGuest { .. } => {
                let name = form.text(FieldId::Name);
                if name.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_name()));
                }
                let index = form.choice(FieldId::GuestIndex);
                let guest = Guest {
                    name,
                    identity: form.text(FieldId::Identity),
                };
                // Only what changed is journaled: the details, then the place in the list.
                if m.guests.get(index) != Some(&guest) {
                    fx.push(Effect::Record(Event::GuestEdited { index, guest }));
                }
                let to = form.choice(FieldId::GuestPosition);
                if to != index && to < m.guests.len() {
                    fx.push(Effect::Record(Event::Moved {
                        list: ListKind::Guests,
                        from: index,
                        to,
                    }));
                }
            }
            FormPurpose::RemoveGuest => {
                if let Some(index) = form.choice(FieldId::GuestIndex).checked_sub(1) {
                    fx.push(Effect::Record(Event::GuestRemoved { index }));
                }
            }
            FormPurpose::Remove { list, index } => {
                if form.choice(FieldId::Confirm) == 1 {
                    fx.push(Effect::Record(remove_event(*list, *index)));
                }
            }
            FormPurpose::Action { edit } => {
                let edit = *edit;
                let task = form.text(FieldId::Task);
                let Some(owner) = form.person(FieldId::Owner) else {
                    return self.refuse(form, purpose, missing(tr.form_missing_owner()));
                };
                if task.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_task()));
                }
                let due_text = form.text(FieldId::Due);
                let due = if due_text.is_empty() {
                    None
                } else {
                    match calendar_date(&due_text) {
                        Some(d) => Some(d),
                        None => {
                            return self.refuse(
                                form,
                                purpose,
                                tr.form_due_date_must_look().to_owned(),
                            );
                        }
                    }
                };
                let item = form.choice(FieldId::ForItem).checked_sub(1);
                let action = ActionItem {
                    task,
                    owner,
                    due,
                    item,
                };
                fx.push(Effect::Record(match edit {
                    None => Event::ActionAdded { action },
                    Some(index) => Event::ActionEdited { index, action },
                }));
            }
            FormPurpose::Details => {
                let title = form.text(FieldId::Title);
                if title.is_empty() {
                    return self.refuse(form, purpose, missing(tr.form_missing_meeting_title()));
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
            FormPurpose::Export { .. } => self.submit_export(form, purpose, fx),
            FormPurpose::Finalize => {
                if form.choice(FieldId::Confirm) == 1 {
                    self.close_editor(m, fx);
                    fx.push(Effect::Finalize);
                }
            }
        }
    }
}
