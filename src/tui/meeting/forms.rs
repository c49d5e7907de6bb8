//! The meeting's dialogs: what each asks, and what its answer records.

use chrono::NaiveDate;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::MeetingScreen;
use crate::domain::rules::{self, VoteMethod, VoteRecord};
use crate::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Event, ExcuseReason, Guest, ItemSource,
    ItemStage, ItemType, Opinion, PersonRef, Timestamp, WrittenOpinion,
};
use crate::tui::widgets::form::{Field, Form, PersonField};

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

impl MeetingScreen {
    fn people(&self) -> Vec<(String, String)> {
        self.session
            .meeting
            .members()
            .iter()
            .map(|m| (m.id.clone(), m.name.clone()))
            .collect()
    }

    pub(crate) fn open_form(&mut self, purpose: FormPurpose) {
        let tr = self.tr();
        if self.session.meeting.finalized.is_some() {
            self.flash = Some(tr.apply_error(&crate::domain::ApplyError::Finalized));
            return;
        }
        let m = &self.session.meeting;
        let form = match &purpose {
            FormPurpose::Excuse { member } => Form::new(
                format!(
                    "{} · {}",
                    tr.pick("请假", "Excused"),
                    m.members()[*member].name
                ),
                vec![
                    Field::choice(
                        "reason",
                        tr.pick("原因", "Reason"),
                        labels(&ExcuseReason::ALL, |r| tr.excuse(r)),
                        0,
                    ),
                    Field::text("text", tr.pick("说明", "Details"), ""),
                    Field::text("approver", tr.pick("批准人", "Approved by"), ""),
                ],
            ),
            FormPurpose::Absent { member } => Form::new(
                format!(
                    "{} · {}",
                    tr.pick("缺席", "Absent"),
                    m.members()[*member].name
                ),
                vec![Field::text(
                    "text",
                    tr.pick("原因（如已知）", "Reason (if known)"),
                    "",
                )],
            ),
            FormPurpose::Guest => Form::new(
                tr.pick("列席人员", "Guest"),
                vec![
                    Field::text("name", tr.pick("姓名", "Name"), ""),
                    Field::text("identity", tr.pick("身份", "Identity"), ""),
                ],
            ),
            FormPurpose::Topic => Form::new(
                tr.pick("学习专题", "Study topic"),
                vec![
                    Field::text("title", tr.pick("题目", "Title"), ""),
                    Field::person(
                        "presenter",
                        tr.pick("领学人", "Presenter"),
                        PersonField::new(self.people(), None, true),
                    ),
                    Field::text("material", tr.pick("学习材料", "Material"), ""),
                ],
            ),
            FormPurpose::Item => Form::new(
                tr.pick("议题", "Item"),
                vec![
                    Field::text("title", tr.pick("议题", "Title"), ""),
                    Field::choice(
                        "type",
                        tr.pick("类型", "Type"),
                        labels(&ItemType::ALL, |t| tr.item_type(t)),
                        0,
                    ),
                    Field::person(
                        "candidate",
                        tr.pick("对象（发展党员）", "Candidate (membership)"),
                        PersonField::new(self.people(), None, true),
                    ),
                    Field::choice(
                        "stage",
                        tr.pick("四议两公开", "Public deliberation stage"),
                        std::iter::once(tr.pick("不适用", "not applicable").to_owned())
                            .chain(labels(&ItemStage::ALL, |s| tr.item_stage(s)))
                            .collect(),
                        0,
                    ),
                    Field::choice(
                        "source",
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
                        "method",
                        tr.pick("表决方式", "Method"),
                        labels(&VoteMethod::ALL, |v| tr.method(v)),
                        method,
                    ),
                    Field::number("yes", tr.pick("赞成", "Yes"), 0),
                    Field::number("no", tr.pick("反对", "No"), 0),
                    Field::number("abstain", tr.pick("弃权", "Abstain"), 0),
                    Field::choice(
                        "deferred",
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
                            format!("w{n}"),
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
                        Field::text("task", tr.pick("任务", "Task"), ""),
                        Field::person(
                            "owner",
                            tr.pick("负责人", "Owner"),
                            PersonField::new(self.people(), None, false),
                        ),
                        Field::text("due", tr.pick("期限（年-月-日）", "Due (YYYY-MM-DD)"), ""),
                        Field::choice("item", tr.pick("对应议题", "For item"), items, preselect),
                    ],
                )
            }
            FormPurpose::Details => {
                let s = &m.setup;
                Form::new(
                    tr.pick("会议信息", "Meeting details"),
                    vec![
                        Field::text("title", tr.pick("会议名称", "Title"), &s.title),
                        Field::text("theme", tr.pick("主题", "Theme"), &s.theme),
                        Field::text("place", tr.pick("地点", "Place"), &s.place),
                        Field::person(
                            "chair",
                            tr.pick("主持人", "Chair"),
                            PersonField::new(self.people(), s.chair.as_ref(), true),
                        ),
                        Field::person(
                            "delegated",
                            tr.pick("受谁委托（如委托主持）", "Delegated by (if any)"),
                            PersonField::new(self.people(), s.chair_delegated_by.as_ref(), true),
                        ),
                        Field::person(
                            "recorder",
                            tr.pick("记录人", "Recorder"),
                            PersonField::new(self.people(), s.recorder.as_ref(), true),
                        ),
                    ],
                )
            }
            FormPurpose::Finalize => Form::new(
                tr.pick("定稿", "Finalize"),
                vec![Field::choice(
                    "confirm",
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
        self.refresh_preview();
    }

    /// Recompute a dialog's live preview (the vote's rule, quorum and outcome).
    pub(crate) fn refresh_preview(&mut self) {
        let Some(Modal::Form(form, FormPurpose::Vote { item, absent })) = self.modal.as_ref()
        else {
            return;
        };
        let (item, absent) = (*item, absent.clone());
        let result = self.vote_from_form(form, item, &absent);
        let lines = self.vote_preview(&result);
        if let Some(Modal::Form(form, _)) = self.modal.as_mut() {
            form.preview = lines;
        }
    }

    fn vote_from_form(
        &self,
        form: &Form,
        item: usize,
        absent: &[(String, String)],
    ) -> Result<(rules::VoteInput, rules::Judgement), String> {
        let tr = self.tr();
        let count = |k: &str| {
            form.number(k).ok_or_else(|| {
                tr.pick("票数须为非负整数", "counts must be whole numbers ≥ 0")
                    .to_owned()
            })
        };
        let (yes, no, abstain) = (count("yes")?, count("no")?, count("abstain")?);
        let method = VoteMethod::ALL[form.choice("method").min(VoteMethod::ALL.len() - 1)];
        let written: Vec<WrittenOpinion> = absent
            .iter()
            .enumerate()
            .filter_map(|(n, (id, name))| {
                let opinion = match form.choice(&format!("w{n}")) {
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
        let deferred = form.choice("deferred") == 1;
        let input = self
            .session
            .meeting
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

    pub(crate) fn submit_form(&mut self, at: Timestamp) {
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
                let reason = ExcuseReason::ALL[form.choice("reason").min(3)];
                let text = form.text("text");
                if reason == ExcuseReason::Other && text.is_empty() {
                    return fail(self, form, purpose, missing("说明", "details"));
                }
                let mark = AttendanceMark {
                    status: AttendanceStatus::Excused,
                    reason: Some(reason),
                    reason_text: text,
                    approver: form.text("approver"),
                    left: None,
                };
                self.mark(*member, mark, at);
            }
            FormPurpose::Absent { member } => {
                let mark = AttendanceMark {
                    status: AttendanceStatus::Absent,
                    reason: None,
                    reason_text: form.text("text"),
                    approver: String::new(),
                    left: None,
                };
                self.mark(*member, mark, at);
            }
            FormPurpose::Guest => {
                let name = form.text("name");
                if name.is_empty() {
                    return fail(self, form, purpose, missing("姓名", "name"));
                }
                self.record(Event::GuestAdded {
                    at,
                    guest: Guest {
                        name,
                        identity: form.text("identity"),
                    },
                });
            }
            FormPurpose::Topic => {
                let title = form.text("title");
                if title.is_empty() {
                    return fail(self, form, purpose, missing("题目", "title"));
                }
                let presenter = form.person("presenter").map(|p| p.name).unwrap_or_default();
                if self.record(Event::TopicAdded {
                    title,
                    presenter,
                    material: form.text("material"),
                }) {
                    self.topic = self.session.meeting.study.len() - 1;
                }
            }
            FormPurpose::Item => {
                let title = form.text("title");
                if title.is_empty() {
                    return fail(self, form, purpose, missing("议题", "title"));
                }
                let item_type = ItemType::ALL[form.choice("type").min(ItemType::ALL.len() - 1)];
                let candidate = form
                    .person("candidate")
                    .filter(|_| item_type.is_membership());
                if item_type.is_membership() && candidate.is_none() {
                    return fail(self, form, purpose, missing("发展对象", "candidate"));
                }
                let stage = form
                    .choice("stage")
                    .checked_sub(1)
                    .map(|i| ItemStage::ALL[i]);
                let source = form
                    .choice("source")
                    .checked_sub(1)
                    .map(|i| ItemSource::ALL[i]);
                if self.record(Event::ItemAdded {
                    title,
                    item_type,
                    stage,
                    source,
                    candidate,
                }) {
                    self.item = self.session.meeting.items.len() - 1;
                }
            }
            FormPurpose::Vote { item, absent } => match self.vote_from_form(&form, *item, absent) {
                Err(e) => fail(self, form, purpose, e),
                Ok((input, j)) => {
                    let vote = VoteRecord::freeze(&input, &j, at);
                    self.record(Event::VoteClosed { index: *item, vote });
                }
            },
            FormPurpose::Action => {
                let task = form.text("task");
                let Some(owner) = form.person("owner") else {
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
                let due_text = form.text("due");
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
                let item = form.choice("item").checked_sub(1);
                if self.record(Event::ActionAdded {
                    action: ActionItem {
                        task,
                        owner,
                        due,
                        item,
                    },
                }) {
                    self.action = self.session.meeting.actions.len() - 1;
                }
            }
            FormPurpose::Details => {
                let title = form.text("title");
                if title.is_empty() {
                    return fail(self, form, purpose, missing("会议名称", "title"));
                }
                let person = |k: &str| {
                    form.person(k)
                        .filter(|p: &PersonRef| !p.name.trim().is_empty())
                };
                self.record(Event::DetailsSet {
                    title,
                    theme: form.text("theme"),
                    place: form.text("place"),
                    chair: person("chair"),
                    chair_delegated_by: person("delegated"),
                    recorder: person("recorder"),
                });
            }
            FormPurpose::Finalize => {
                if form.choice("confirm") == 1 {
                    self.finalize(at);
                }
            }
        }
    }
}
