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
                format!(
                    "{} · {}",
                    tr.pick("请假", "Excused"),
                    m.members()[*member].name
                ),
                vec![
                    Field::choice(
                        FieldId::Reason,
                        tr.pick("原因", "Reason"),
                        labels(&ExcuseReason::ALL, |r| tr.excuse(r)),
                        0,
                    ),
                    Field::text(FieldId::Details, tr.pick("说明", "Details"), ""),
                    Field::text(FieldId::Approver, tr.pick("批准人", "Approved by"), ""),
                ],
            ),
            FormPurpose::Absent { member } => Form::new(
                format!(
                    "{} · {}",
                    tr.pick("缺席", "Absent"),
                    m.members()[*member].name
                ),
                vec![Field::text(
                    FieldId::Details,
                    tr.pick("原因（如已知）", "Reason (if known)"),
                    "",
                )],
            ),
            FormPurpose::Guest => Form::new(
                tr.pick("列席人员", "Guest"),
                vec![
                    Field::text(FieldId::Name, tr.pick("姓名", "Name"), ""),
                    Field::text(FieldId::Identity, tr.pick("身份", "Identity"), ""),
                ],
            ),
            FormPurpose::Topic => Form::new(
                tr.pick("学习专题", "Study topic"),
                vec![
                    Field::text(FieldId::Title, tr.pick("题目", "Title"), ""),
                    Field::person(
                        FieldId::Presenter,
                        tr.pick("领学人", "Presenter"),
                        PersonField::new(people(m), None, true),
                    ),
                    Field::text(FieldId::Material, tr.pick("学习材料", "Material"), ""),
                ],
            ),
            FormPurpose::Item => Form::new(
                tr.pick("议题", "Item"),
                vec![
                    Field::text(FieldId::Title, tr.pick("议题", "Title"), ""),
                    Field::choice(
                        FieldId::ItemType,
                        tr.pick("类型", "Type"),
                        labels(&ItemType::ALL, |t| tr.item_type(t)),
                        0,
                    ),
                    Field::person(
                        FieldId::Candidate,
                        tr.pick("对象（发展党员）", "Candidate (membership)"),
                        PersonField::new(people(m), None, true),
                    ),
                    Field::choice(
                        FieldId::Stage,
                        tr.pick("四议两公开", "Public deliberation stage"),
                        std::iter::once(tr.pick("不适用", "not applicable").to_owned())
                            .chain(labels(&ItemStage::ALL, |s| tr.item_stage(s)))
                            .collect(),
                        0,
                    ),
                    Field::choice(
                        FieldId::Source,
                        tr.pick("来源", "Source"),
                        std::iter::once(tr.pick("未注明", "not stated").to_owned())
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
                        tr.pick("表决方式", "Method"),
                        labels(&VoteMethod::ALL, |v| tr.method(v)),
                        method,
                    ),
                    Field::number(FieldId::Yes, tr.pick("赞成", "Yes"), 0),
                    Field::number(FieldId::No, tr.pick("反对", "No"), 0),
                    Field::number(FieldId::Abstain, tr.pick("弃权", "Abstain"), 0),
                    Field::choice(
                        FieldId::Deferred,
                        tr.pick("暂缓表决", "Defer (党章 第十七条)"),
                        vec![
                            tr.pick("否", "no").to_owned(),
                            tr.pick("是，暂缓表决", "yes, defer").to_owned(),
                        ],
                        0,
                    ),
                ];
                if membership {
                    let options = vec![
                        tr.pick("无书面意见", "none").to_owned(),
                        tr.opinion(Opinion::Yes).to_owned(),
                        tr.opinion(Opinion::No).to_owned(),
                        tr.opinion(Opinion::Abstain).to_owned(),
                    ];
                    for (n, (_, name)) in absent.iter().enumerate() {
                        fields.push(Field::choice(
                            FieldId::Written(n),
                            format!("{} {name}", tr.pick("书面意见", "Written:")),
                            options.clone(),
                            0,
                        ));
                    }
                }
                Form::new(
                    format!("{} · {}", tr.pick("表决", "Vote"), it.title),
                    fields,
                )
            }
            FormPurpose::Action => {
                let items: Vec<String> = std::iter::once(tr.pick("无", "none").to_owned())
                    .chain(
                        m.items
                            .iter()
                            .enumerate()
                            .map(|(i, it)| format!("{} {}", i + 1, it.title)),
                    )
                    .collect();
                let preselect = if m.items.is_empty() { 0 } else { self.item + 1 };
                Form::new(
                    tr.pick("待办事项", "Action item"),
                    vec![
                        Field::text(FieldId::Task, tr.pick("任务", "Task"), ""),
                        Field::person(
                            FieldId::Owner,
                            tr.pick("负责人", "Owner"),
                            PersonField::new(people(m), None, false),
                        ),
                        Field::text(
                            FieldId::Due,
                            tr.pick("期限（年-月-日）", "Due (YYYY-MM-DD)"),
                            "",
                        ),
                        Field::choice(
                            FieldId::ForItem,
                            tr.pick("对应议题", "For item"),
                            items,
                            preselect,
                        ),
                    ],
                )
            }
            FormPurpose::Details => {
                let s = &m.setup;
                Form::new(
                    tr.pick("会议信息", "Meeting details"),
                    vec![
                        Field::text(FieldId::Title, tr.pick("会议名称", "Title"), &s.title),
                        Field::text(FieldId::Theme, tr.pick("主题", "Theme"), &s.theme),
                        Field::text(FieldId::Place, tr.pick("地点", "Place"), &s.place),
                        Field::person(
                            FieldId::Chair,
                            tr.pick("主持人", "Chair"),
                            PersonField::new(people(m), s.chair.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Delegated,
                            tr.pick("受谁委托（如委托主持）", "Delegated by (if any)"),
                            PersonField::new(people(m), s.chair_delegated_by.as_ref(), true),
                        ),
                        Field::person(
                            FieldId::Recorder,
                            tr.pick("记录人", "Recorder"),
                            PersonField::new(people(m), s.recorder.as_ref(), true),
                        ),
                    ],
                )
            }
            FormPurpose::Finalize => Form::new(
                tr.pick("定稿", "Finalize"),
                vec![Field::choice(
                    FieldId::Confirm,
                    tr.pick(
                        "定稿后不能再修改，确认？",
                        "Finalized minutes cannot change. Go ahead?",
                    ),
                    vec![
                        tr.pick("否", "no").to_owned(),
                        tr.pick("是，定稿", "yes, finalize").to_owned(),
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
            form.number(k).ok_or_else(|| {
                tr.pick("票数须为非负整数", "counts must be whole numbers ≥ 0")
                    .to_owned()
            })
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
        let input = m
            .vote_input(item, method, (yes, no, abstain), written, deferred)
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
                let quorum = if j.quorum_met { "✓" } else { "✗" };
                vec![
                    Line::raw(tr.pick(
                        format!(
                            "应到有表决权 {}，实到 {}；法定人数需 {} 人 {quorum}",
                            input.entitled_expected, input.entitled_present, j.quorum_needed
                        ),
                        format!(
                            "Entitled expected {}, present {}; quorum needs {} {quorum}",
                            input.entitled_expected, input.entitled_present, j.quorum_needed
                        ),
                    )),
                    Line::raw(tr.pick(
                        format!("赞成（含书面）{}，通过需 {}", j.yes_counted, j.yes_needed),
                        format!(
                            "Yes counted (with written) {}, needed {}",
                            j.yes_counted, j.yes_needed
                        ),
                    )),
                    Line::styled(
                        format!(
                            "{} {}",
                            tr.pick("结果：", "Outcome:"),
                            tr.outcome(j.outcome)
                        ),
                        Style::new().fg(match j.outcome {
                            rules::Outcome::Passed => Color::Green,
                            rules::Outcome::Deferred => Color::Yellow,
                            _ => Color::Red,
                        }),
                    ),
                    Line::styled(tr.rule(j.rule), Style::new().fg(Color::DarkGray)),
                    Line::styled(
                        tr.pick(
                            "Ctrl+S 结束表决（结果固定）",
                            "Ctrl+S closes the vote (the result is frozen)",
                        ),
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
        let missing = |zh: &str, en: &str| {
            format!(
                "{}{}{}",
                tr.pick("请填写", "please fill in"),
                tr.colon(),
                tr.pick(zh, en)
            )
        };
        match &purpose {
            FormPurpose::Excuse { member } => {
                let reason = ExcuseReason::ALL[form.choice(FieldId::Reason).min(3)];
                let text = form.text(FieldId::Details);
                if reason == ExcuseReason::Other && text.is_empty() {
                    return fail(self, form, purpose, missing("说明", "details"));
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
                    return fail(self, form, purpose, missing("姓名", "name"));
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
                    return fail(self, form, purpose, missing("题目", "title"));
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
                    return fail(self, form, purpose, missing("议题", "title"));
                }
                let item_type =
                    ItemType::ALL[form.choice(FieldId::ItemType).min(ItemType::ALL.len() - 1)];
                let candidate = form
                    .person(FieldId::Candidate)
                    .filter(|_| item_type.is_membership());
                if item_type.is_membership() && candidate.is_none() {
                    return fail(self, form, purpose, missing("发展对象", "candidate"));
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
                        let vote = VoteRecord::freeze(&input, &j, at);
                        fx.push(Effect::Record(Event::VoteClosed { index: *item, vote }));
                    }
                }
            }
            FormPurpose::Action => {
                let task = form.text(FieldId::Task);
                let Some(owner) = form.person(FieldId::Owner) else {
                    return fail(
                        self,
                        form,
                        purpose,
                        missing("负责人（名册中的党员）", "owner (a roster member)"),
                    );
                };
                if task.is_empty() {
                    return fail(self, form, purpose, missing("任务", "task"));
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
                                tr.pick(
                                    "期限格式应为 2026-12-31",
                                    "due date must look like 2026-12-31",
                                )
                                .to_owned(),
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
                    return fail(self, form, purpose, missing("会议名称", "title"));
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
