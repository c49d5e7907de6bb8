//! The roster screen: the members as a table, and dialogs that add a member, transfer one out,
//! change a standing, mark 失联, leave one out of 应到会 and place one in a 党小组 or on the
//! committee. The state and its update are in [`model`]; the dialogs in [`dialogs`].

pub mod dialogs;
pub mod import;
pub mod model;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Row, Table, Widget};

pub use model::RosterModel;

use crate::domain::roster_change::{GroupPlace, place_of};
use crate::domain::{CommitteeRole, Member, Standing};
use crate::i18n::Tr;
use crate::sanitize;
use crate::tui::widgets::widest;

/// What the last column says of a member: place in the 党小组, 失联, left out of 应到会.
fn remarks(model: &RosterModel, m: &Member, tr: Tr) -> String {
    let mut parts: Vec<String> = Vec::new();
    match place_of(&model.roster, &m.id) {
        Some(GroupPlace::Leader) => parts.push(tr.roster_group_leader().to_owned()),
        Some(GroupPlace::Deputy) => parts.push(tr.roster_group_deputy().to_owned()),
        None => {}
    }
    if let Some(o) = &m.out_of_contact {
        parts.push(tr.roster_out_of_contact_short(o.since));
    }
    if let Some(e) = &m.exclusion {
        parts.push(format!(
            "{} · {}",
            tr.exclusion(e.category),
            sanitize::line(&e.approval_ref)
        ));
    }
    parts.join(tr.export_list_sep())
}

impl RosterModel {
    pub fn render(&self, tr: Tr, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height.saturating_sub(3)).max(1);
        let start = self.selected.saturating_sub(height - 1);
        let rows = self
            .roster
            .members
            .iter()
            .enumerate()
            .skip(start)
            .take(height)
            .map(|(i, m)| {
                let row = Row::new(vec![
                    sanitize::line(&m.id).into_owned(),
                    sanitize::line(&m.name).into_owned(),
                    tr.standing(m.standing).to_owned(),
                    sanitize::line(m.group.as_deref().unwrap_or("")).into_owned(),
                    m.committee_role
                        .map(|r| tr.committee_role(r).to_owned())
                        .unwrap_or_default(),
                    m.joined.map(|d| d.to_string()).unwrap_or_default(),
                    remarks(self, m, tr),
                ]);
                if i == self.selected {
                    row.style(Style::new().bg(Color::Blue).fg(Color::White))
                } else {
                    row
                }
            });
        let header = Row::new(vec![
            tr.stats_col_member_id(),
            tr.name_label(),
            tr.standing_label(),
            tr.group_label(),
            tr.roster_role(),
            tr.roster_field(crate::roster_import::Field::Joined),
            tr.roster_remarks(),
        ])
        .style(Style::new().fg(Color::Yellow));
        let standing_w = widest(Standing::ALL.iter().map(|s| tr.standing(*s)));
        let role_w = widest(CommitteeRole::ALL.iter().map(|r| tr.committee_role(*r)));
        Table::new(
            rows,
            [
                Constraint::Length(6),
                Constraint::Length(10),
                Constraint::Length(standing_w),
                Constraint::Length(12),
                Constraint::Length(role_w),
                Constraint::Length(11),
                Constraint::Fill(1),
            ],
        )
        .header(header)
        .block(Block::bordered().title(format!(
            " {} · {} · {} ",
            tr.roster_title(),
            sanitize::line(&self.roster.branch.name),
            tr.roster_member_count(self.roster.members.len(), self.roster.departed.len())
        )))
        .render(area, buf);
        if let Some(d) = &self.dialog {
            (&d.form).render(area, buf);
        }
    }

    /// Where the terminal cursor goes while a dialog is open.
    #[must_use]
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        self.dialog.as_ref().and_then(|d| d.form.cursor(area))
    }
}

#[cfg(test)]
mod tests;
