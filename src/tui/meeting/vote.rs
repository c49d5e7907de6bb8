//! Votes in the room: the vote dialog with its live judgement (and the secret-ballot tally when
//! the method is a secret ballot), a confirmation before a round closes, annulling a round entered
//! wrongly, and holding a new round. Every closed round stays in the record (format v2).

use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{FormPurpose, Modal, Model};
use crate::domain::rules::{self, Ballots, Outcome, VoteMethod, VoteRecord};
use crate::domain::{
    ApplyError, Appraisal, Event, Grade, GradeTallies, Meeting, Opinion, Timestamp, WrittenOpinion,
};
use crate::tui::effect::Effect;
use crate::tui::keymap::{self, Action, Context};
use crate::tui::widgets::form::{Field, FieldId, Form, PersonField};

/// The fields a secret ballot adds to the vote dialog, after the abstentions.
const BALLOT_FIELDS: [FieldId; 7] = [
    FieldId::Issued,
    FieldId::Returned,
    FieldId::Valid,
    FieldId::Invalid,
    FieldId::Scrutineer(0),
    FieldId::Scrutineer(1),
    FieldId::Counter,
];

/// A vote is judged, or why it cannot be.
type Judged = Result<(rules::VoteInput, rules::Judgement), String>;

impl Model {
    /// `v` on an item: open the vote dialog when a round can be held now.
    pub(super) fn start_vote(&mut self, m: &Meeting) {
        let tr = self.tr();
        let Some(it) = m.items.get(self.item) else {
            return;
        };
        if !it.item_type.is_voted() {
            return self.open_form(m, FormPurpose::Appraise { item: self.item });
        }
        if m.setup.kind.vote_body().is_none() {
            self.flash = Some(tr.apply_error(&ApplyError::NoVotes));
            return;
        }
        // A decided round stands until it is annulled; after no quorum or a deferral a new round
        // can be held (latecomers arrived, the item is taken up again).
        if it
            .vote
            .as_ref()
            .is_some_and(|v| !matches!(v.outcome, Outcome::NoQuorum | Outcome::Deferred))
        {
            self.flash = Some(tr.vote_stands(&keymap::key_for(Context::Items, Action::AnnulVote)));
            return;
        }
        let absent = m
            .body()
            .filter(|(i, mem)| mem.counted() && mem.standing.votes() && !m.here(*i))
            .map(|(_, mem)| (mem.id.clone(), mem.name.clone()))
            .collect();
        self.open_form(
            m,
            FormPurpose::Vote {
                item: self.item,
                absent,
            },
        );
    }

    /// `u` on an item: annul the round that stands, with a reason.
    pub(super) fn start_annul(&mut self, m: &Meeting) {
        match m.standing_round_index(self.item) {
            Some(round) => self.open_form(
                m,
                FormPurpose::Annul {
                    item: self.item,
                    round,
                },
            ),
            None => self.flash = Some(self.tr().nothing_to_annul().to_owned()),
        }
    }

    pub(super) fn vote_form(&self, m: &Meeting, item: usize, absent: &[(String, String)]) -> Form {
        let tr = self.tr();
        let it = &m.items[item];
        let membership = it.item_type.is_membership();
        // Membership decisions are taken by secret ballot (细则 第二十条).
        let method = VoteMethod::ALL
            .iter()
            .position(|v| *v == VoteMethod::SecretBallot)
            .filter(|_| membership)
            .unwrap_or(0);
        let mut fields = vec![
            Field::choice(
                FieldId::Method,
                tr.form_method(),
                VoteMethod::ALL
                    .iter()
                    .map(|v| tr.method(*v).to_owned())
                    .collect(),
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

    /// The fields of a secret-ballot tally, in their order.
    fn ballot_fields(&self, m: &Meeting) -> Vec<Field> {
        let tr = self.tr();
        let people = |none: bool| self.people_field(m, None, none);
        vec![
            Field::number(FieldId::Issued, tr.form_ballots_issued(), 0),
            Field::number(FieldId::Returned, tr.form_ballots_returned(), 0),
            Field::number(FieldId::Valid, tr.form_ballots_valid(), 0),
            Field::number(FieldId::Invalid, tr.form_ballots_invalid(), 0),
            Field::person(FieldId::Scrutineer(0), tr.form_scrutineer(1), people(true)),
            Field::person(FieldId::Scrutineer(1), tr.form_scrutineer(2), people(true)),
            Field::person(FieldId::Counter, tr.form_counter(), people(true)),
        ]
    }

    /// A person field over the roster that takes a name outside it and says so.
    pub(super) fn people_field(
        &self,
        m: &Meeting,
        initial: Option<&crate::domain::PersonRef>,
        free_text: bool,
    ) -> PersonField {
        let people = m
            .members()
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        PersonField::new(people, initial, free_text).outside(self.tr().outside_roster())
    }

    /// Show the tally's fields exactly when the method is a secret ballot.
    fn sync_ballot_fields(&self, m: &Meeting, form: &mut Form) {
        let secret = VoteMethod::ALL.get(form.choice(FieldId::Method)).copied()
            == Some(VoteMethod::SecretBallot);
        let has = form.fields.iter().any(|f| f.key == FieldId::Issued);
        if secret && !has {
            let at = form
                .fields
                .iter()
                .position(|f| f.key == FieldId::Abstain)
                .map_or(form.fields.len(), |p| p + 1);
            let tail = form.fields.split_off(at);
            form.fields.extend(self.ballot_fields(m));
            form.fields.extend(tail);
        } else if !secret && has {
            let focused = form.fields.get(form.focus).map(|f| f.key);
            form.fields.retain(|f| !BALLOT_FIELDS.contains(&f.key));
            form.focus = focused
                .and_then(|k| form.fields.iter().position(|f| f.key == k))
                .unwrap_or(0);
        }
    }

    /// Recompute a dialog's live preview (the vote's rule, quorum and outcome).
    pub(super) fn refresh_preview(&mut self, m: &Meeting) {
        self.refresh_guest_form(m);
        let Some(Modal::Form(form, FormPurpose::Vote { item, absent })) = self.modal.as_ref()
        else {
            return;
        };
        let (item, absent) = (*item, absent.clone());
        let mut form = form.clone();
        self.sync_ballot_fields(m, &mut form);
        let result = self.vote_from_form(m, &form, item, &absent);
        form.preview = self.vote_preview(&result, true);
        if let Some(Modal::Form(f, _)) = self.modal.as_mut() {
            *f = form;
        }
    }

    fn vote_from_form(
        &self,
        m: &Meeting,
        form: &Form,
        item: usize,
        absent: &[(String, String)],
    ) -> Judged {
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
        // A deferral (暂缓表决) is not a vote: it records no counts, opinions or ballots.
        let (counts, written) = if deferred {
            ((0, 0, 0), Vec::new())
        } else {
            ((yes, no, abstain), written)
        };
        let ballots = if method == VoteMethod::SecretBallot && !deferred {
            Some(Ballots {
                issued: count(FieldId::Issued)?,
                returned: count(FieldId::Returned)?,
                valid: count(FieldId::Valid)?,
                invalid: count(FieldId::Invalid)?,
                scrutineers: [FieldId::Scrutineer(0), FieldId::Scrutineer(1)]
                    .into_iter()
                    .filter_map(|k| form.person(k))
                    .collect(),
                counters: form.person(FieldId::Counter).into_iter().collect(),
            })
        } else {
            None
        };
        let mut input = m
            .vote_input(item, method, counts, written, deferred)
            .map_err(|e| tr.apply_error(&e))?;
        input.ballots = ballots;
        let judgement = rules::judge(&input).map_err(|e| tr.vote_error(&e))?;
        Ok((input, judgement))
    }

    /// What the dialog shows under its fields; `hint` adds the key that closes the vote.
    fn vote_preview(&self, result: &Judged, hint: bool) -> Vec<Line<'static>> {
        let tr = self.tr();
        match result {
            Err(e) => vec![Line::styled(format!("✗ {e}"), Style::new().fg(Color::Red))],
            Ok((input, j)) => {
                let mut lines = vec![
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
                            Outcome::Passed => Color::Green,
                            Outcome::Deferred => Color::Yellow,
                            _ => Color::Red,
                        }),
                    ),
                    Line::styled(tr.rule(j.rule), Style::new().fg(Color::DarkGray)),
                ];
                if hint {
                    lines.push(Line::styled(
                        tr.form_vote_submit_hint(&keymap::key_for(Context::Form, Action::Submit)),
                        Style::new().fg(Color::Yellow),
                    ));
                }
                lines
            }
        }
    }

    /// The vote dialog was submitted: check it, then ask before the round closes.
    pub(super) fn submit_vote(
        &mut self,
        m: &Meeting,
        form: Box<Form>,
        item: usize,
        absent: Vec<(String, String)>,
        at: Timestamp,
    ) {
        let tr = self.tr();
        let purpose = FormPurpose::Vote {
            item,
            absent: absent.clone(),
        };
        let result = self.vote_from_form(m, &form, item, &absent);
        let (input, j) = match result {
            Err(e) => return self.refuse(form, purpose, e),
            Ok(judged) => judged,
        };
        let reason = form.text(FieldId::DeferReason).trim().to_owned();
        if input.deferred && reason.is_empty() {
            return self.refuse(form, purpose, tr.form_defer_reason_required());
        }
        if input
            .ballots
            .as_ref()
            .is_some_and(|b| b.scrutineers.is_empty() || b.counters.is_empty())
        {
            return self.refuse(form, purpose, tr.form_ballot_people_required().to_owned());
        }
        let mut vote = VoteRecord::freeze(&input, &j, at);
        if vote.outcome == Outcome::Deferred {
            vote.deferred_reason = reason;
        }
        let mut counts = vec![Line::raw(tr.items_vote_counts(&vote))];
        if let Some(b) = &vote.ballots {
            counts.push(Line::raw(tr.export_ballots(b)));
        }
        counts.extend(self.vote_preview(&Ok((input, j)), false));
        counts.push(Line::styled(
            tr.confirm_vote_note(),
            Style::new().fg(Color::DarkGray),
        ));
        let mut confirm = Form::new(
            tr.confirm_vote_title(&m.items[item].title),
            vec![Field::choice(
                FieldId::Confirm,
                tr.confirm_vote_question(),
                tr.confirm_vote_options(),
                1,
            )],
        );
        confirm.preview = counts;
        self.modal = Some(Modal::Form(
            Box::new(confirm),
            FormPurpose::ConfirmVote {
                item,
                absent,
                vote: Box::new(vote),
                back: form,
            },
        ));
    }

    /// The confirmation was answered: close the round, or go back to the counts.
    pub(super) fn submit_confirm_vote(
        &mut self,
        form: &Form,
        purpose: FormPurpose,
        fx: &mut Vec<Effect>,
    ) {
        let FormPurpose::ConfirmVote {
            item,
            absent,
            vote,
            back,
        } = purpose
        else {
            return;
        };
        if form.choice(FieldId::Confirm) == 1 {
            fx.push(Effect::Record(Event::VoteClosed {
                index: item,
                vote: *vote,
            }));
        } else {
            self.modal = Some(Modal::Form(back, FormPurpose::Vote { item, absent }));
        }
    }

    pub(super) fn appraisal_form(&self, m: &Meeting, item: usize) -> Form {
        let tr = self.tr();
        let it = &m.items[item];
        let was = it.appraisal.as_ref();
        let who = it
            .candidate
            .as_ref()
            .map_or(it.title.as_str(), |c| c.name.as_str());
        let grade = was
            .and_then(|a| Grade::ALL.iter().position(|g| *g == a.grade))
            .unwrap_or(1);
        let t = was.and_then(|a| a.tallies).unwrap_or_default();
        let mut form = Form::new(
            tr.appraisal_title(who),
            vec![
                Field::choice(
                    FieldId::Grade,
                    tr.grade_label(),
                    Grade::ALL.iter().map(|g| tr.grade(*g).to_owned()).collect(),
                    grade,
                ),
                Field::number(
                    FieldId::Tally(0),
                    tr.tally_label(Grade::Excellent),
                    t.excellent,
                ),
                Field::number(
                    FieldId::Tally(1),
                    tr.tally_label(Grade::Qualified),
                    t.qualified,
                ),
                Field::number(
                    FieldId::Tally(2),
                    tr.tally_label(Grade::BasicallyQualified),
                    t.basically_qualified,
                ),
                Field::number(
                    FieldId::Tally(3),
                    tr.tally_label(Grade::Unqualified),
                    t.unqualified,
                ),
            ],
        );
        form.preview = vec![Line::styled(
            tr.appraisal_note(),
            Style::new().fg(Color::DarkGray),
        )];
        form
    }

    pub(super) fn submit_appraisal(
        &mut self,
        m: &Meeting,
        form: Box<Form>,
        item: usize,
        at: Timestamp,
        fx: &mut Vec<Effect>,
    ) {
        let tr = self.tr();
        let purpose = FormPurpose::Appraise { item };
        let mut n = [0u32; 4];
        for (k, slot) in n.iter_mut().enumerate() {
            match form.number(FieldId::Tally(k)) {
                Some(v) => *slot = v,
                None => {
                    return self.refuse(form, purpose, tr.form_counts_must_be_whole().to_owned());
                }
            }
        }
        let tallies = GradeTallies {
            excellent: n[0],
            qualified: n[1],
            basically_qualified: n[2],
            unqualified: n[3],
        };
        // Those who rate are the members present and the guests (residents' representatives).
        let raters = m
            .counts()
            .present_total
            .saturating_add(u32::try_from(m.guests.len()).unwrap_or(u32::MAX));
        if tallies.total() > raters {
            let msg = tr.tallies_exceed(tallies.total(), raters);
            return self.refuse(form, purpose, msg);
        }
        let grade = Grade::ALL[form.choice(FieldId::Grade).min(Grade::ALL.len() - 1)];
        fx.push(Effect::Record(Event::Appraised {
            index: item,
            appraisal: Appraisal {
                grade,
                tallies: (tallies.total() > 0).then_some(tallies),
                settled_at: at,
            },
        }));
    }

    pub(super) fn annul_form(&self, m: &Meeting, item: usize, round: usize) -> Form {
        let tr = self.tr();
        let mut form = Form::new(
            tr.annul_title(round + 1, &m.items[item].title),
            vec![Field::text(
                FieldId::AnnulReason,
                tr.annul_reason_label(),
                "",
            )],
        );
        let standing = m.items[item]
            .rounds
            .get(round)
            .map(|r| &r.vote)
            .or(m.items[item].vote.as_ref());
        if let Some(v) = standing {
            form.preview.push(Line::raw(tr.items_vote_counts(v)));
            form.preview.push(Line::raw(format!(
                "{} {}",
                tr.outcome_label(),
                tr.outcome(v.outcome)
            )));
        }
        form.preview.push(Line::styled(
            tr.annul_note(&keymap::key_for(Context::Items, Action::Vote)),
            Style::new().fg(Color::DarkGray),
        ));
        form
    }

    pub(super) fn submit_annul(
        &mut self,
        form: Box<Form>,
        item: usize,
        round: usize,
        at: Timestamp,
        fx: &mut Vec<Effect>,
    ) {
        let reason = form.text(FieldId::AnnulReason);
        if reason.is_empty() {
            let msg = self.tr().annul_reason_required();
            return self.refuse(form, FormPurpose::Annul { item, round }, msg);
        }
        fx.push(Effect::Record(Event::VoteAnnulled {
            at,
            index: item,
            round,
            reason,
        }));
    }
}
