//! Attendance after the first mark: leaving early (早退), back to 未签到, everyone left present
//! at once, guests removed — each a journal event, each asked for in a dialog where it matters.

use chrono::TimeZone;
use ratatui::style::{Color, Style};
use ratatui::text::Line;

use super::{FormPurpose, Model};
use crate::domain::{Event, Meeting, Timestamp};
use crate::sanitize;
use crate::tui::effect::Effect;
use crate::tui::widgets::form::{Field, FieldId, Form};
use crate::typed::clock_time;

impl Model {
    /// `5` on a member: ask when they left and why.
    pub(super) fn start_leave(&mut self, m: &Meeting, member: usize, now: Timestamp) {
        if m.here(member) {
            self.open_form(m, FormPurpose::Leave { member, now });
        } else {
            self.flash = Some(
                self.tr()
                    .not_here(&sanitize::line(&m.members()[member].name)),
            );
        }
    }

    /// Ctrl+A: everyone of the body not yet marked is present, after a confirmation.
    pub(super) fn start_all_present(&mut self, m: &Meeting) {
        let members: Vec<usize> = m
            .body()
            .filter(|(i, _)| m.mark_of(*i).is_none())
            .map(|(i, _)| i)
            .collect();
        if members.is_empty() {
            self.flash = Some(self.tr().everyone_marked().to_owned());
        } else {
            self.open_form(m, FormPurpose::AllPresent { members });
        }
    }

    /// Ctrl+X: remove a guest added by mistake.
    pub(super) fn start_remove_guest(&mut self, m: &Meeting) {
        if m.guests.is_empty() {
            self.flash = Some(self.tr().no_guests().to_owned());
        } else {
            self.open_form(m, FormPurpose::RemoveGuest);
        }
    }

    /// Ctrl+E: correct a guest's name or identity.
    pub(super) fn start_edit_guest(&mut self, m: &Meeting) {
        if m.guests.is_empty() {
            self.flash = Some(self.tr().no_guests().to_owned());
        } else {
            self.open_form(m, FormPurpose::EditGuest { shown: 0 });
        }
    }

    pub(super) fn edit_guest_form(&self, m: &Meeting, shown: usize) -> Form {
        let tr = self.tr();
        let g = &m.guests[shown.min(m.guests.len().saturating_sub(1))];
        Form::new(
            tr.edit_guest_title(),
            vec![
                Field::choice(
                    FieldId::GuestIndex,
                    tr.guest_label(),
                    m.guests.iter().map(|g| g.name.clone()).collect(),
                    shown,
                ),
                Field::text(FieldId::Name, tr.name_label(), &g.name),
                Field::text(FieldId::Identity, tr.form_identity(), &g.identity),
                Field::choice(
                    FieldId::GuestPosition,
                    tr.guest_position_label(),
                    (1..=m.guests.len()).map(|n| tr.guest_position(n)).collect(),
                    shown,
                ),
            ],
        )
    }

    /// Choosing another guest in the dialog fills in their details.
    pub(super) fn refresh_guest_form(&mut self, m: &Meeting) {
        let Some(super::Modal::Form(form, FormPurpose::EditGuest { shown })) = self.modal.as_ref()
        else {
            return;
        };
        let chosen = form.choice(FieldId::GuestIndex);
        if chosen == *shown || chosen >= m.guests.len() {
            return;
        }
        let mut fresh = self.edit_guest_form(m, chosen);
        fresh.focus = form.focus;
        self.modal = Some(super::Modal::Form(
            Box::new(fresh),
            FormPurpose::EditGuest { shown: chosen },
        ));
    }

    pub(super) fn leave_form(&self, m: &Meeting, member: usize, now: Timestamp) -> Form {
        let tr = self.tr();
        let mut form = Form::new(
            tr.leave_title(&m.members()[member].name),
            vec![
                Field::text(
                    FieldId::LeaveTime,
                    tr.leave_time_label(),
                    &now.format("%H:%M").to_string(),
                ),
                Field::text(FieldId::Details, tr.leave_reason_label(), ""),
            ],
        );
        form.focus = 1;
        form.preview = vec![Line::styled(
            tr.leave_note(),
            Style::new().fg(Color::DarkGray),
        )];
        form
    }

    pub(super) fn all_present_form(&self, n: usize) -> Form {
        let tr = self.tr();
        Form::new(
            tr.all_present_title(),
            vec![Field::choice(
                FieldId::Confirm,
                tr.all_present_question(n),
                tr.cancel_or_confirm(),
                0,
            )],
        )
    }

    pub(super) fn remove_guest_form(&self, m: &Meeting) -> Form {
        let tr = self.tr();
        let options = std::iter::once(tr.none_word().to_owned())
            .chain(m.guests.iter().map(|g| {
                if g.identity.is_empty() {
                    g.name.clone()
                } else {
                    format!("{}（{}）", g.name, g.identity)
                }
            }))
            .collect();
        Form::new(
            tr.remove_guest_title(),
            vec![Field::choice(
                FieldId::GuestIndex,
                tr.guest_label(),
                options,
                1,
            )],
        )
    }

    /// The 早退 dialog was submitted: the time must be a clock time between arrival and now.
    pub(super) fn submit_leave(
        &mut self,
        m: &Meeting,
        form: Box<Form>,
        member: usize,
        now: Timestamp,
        fx: &mut Vec<Effect>,
    ) {
        let tr = self.tr();
        let purpose = FormPurpose::Leave { member, now };
        let reason = form.text(FieldId::Details);
        let Some(mut left) = leave_time(&form.text(FieldId::LeaveTime), now) else {
            return self.refuse(form, purpose, tr.leave_time_bad());
        };
        let arrived = m.marks[member].as_ref().map(|(_, at)| *at);
        // A meeting past midnight, for someone who arrived the day before: a time later than now
        // is that day's.
        if left > now
            && arrived
                .is_some_and(|a| a.with_timezone(now.offset()).date_naive() < now.date_naive())
        {
            left -= chrono::Duration::days(1);
        }
        if left > now {
            return self.refuse(form, purpose, tr.leave_time_future());
        }
        // Times are typed to the minute: a leave in the minute of arrival is allowed, however late
        // in that minute (to the fraction of a second) they arrived.
        if let Some(arrived) = arrived
            && left + chrono::Duration::minutes(1) <= arrived
        {
            let arrived = arrived.format("%H:%M").to_string();
            return self.refuse(form, purpose, tr.leave_time_before_arrival(&arrived));
        }
        if reason.is_empty() {
            return self.refuse(form, purpose, tr.leave_reason_required());
        }
        // Within the minute they arrived, the leave is dated no earlier than the arrival.
        let left = arrived.map_or(left, |a| left.max(a));
        fx.push(Effect::Record(Event::Left {
            at: left,
            member_id: m.members()[member].id.clone(),
            reason,
        }));
    }
}

/// `0` on a member: back to 未签到 (a mark made by mistake).
pub(super) fn clear_mark(m: &Meeting, member: usize, at: Timestamp, fx: &mut Vec<Effect>) {
    if m.mark_of(member).is_some() {
        fx.push(Effect::Record(Event::Marked {
            at,
            member_id: m.members()[member].id.clone(),
            mark: None,
        }));
    }
}

/// `HH:MM` (or `H:MM`, full-width colon too) on the day of `now`, in its offset.
fn leave_time(text: &str, now: Timestamp) -> Option<Timestamp> {
    let t = clock_time(text)?;
    now.offset()
        .from_local_datetime(&now.date_naive().and_time(t))
        .single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leave_times_are_read_on_the_meeting_day() {
        let now = chrono::FixedOffset::east_opt(8 * 3600)
            .and_then(|o| o.with_ymd_and_hms(2026, 11, 26, 15, 40, 30).single())
            .expect("time");
        let t = leave_time("15：05", now).expect("full-width colon");
        assert_eq!(t.to_rfc3339(), "2026-11-26T15:05:00+08:00");
        assert_eq!(
            leave_time("9:05", now).map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-11-26T09:05:00+08:00")
        );
        assert_eq!(leave_time("25:00", now), None);
        assert_eq!(leave_time("下午三点", now), None);
    }
}
