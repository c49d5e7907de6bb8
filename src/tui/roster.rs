//! The roster, read-only (changes come from `branchday roster import`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::widgets::{Block, Row, Table, Widget};

use crate::domain::{CommitteeRole, Roster, Standing};
use crate::i18n::Tr;
use crate::sanitize;
use crate::tui::widgets::widest;

#[derive(Debug, Clone)]
pub struct RosterView {
    pub roster: Roster,
    pub selected: usize,
}

impl RosterView {
    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.roster.members.len().saturating_sub(1));
    }

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
                let exclusion = m
                    .exclusion
                    .as_ref()
                    .map(|e| {
                        format!(
                            "{} · {}",
                            tr.exclusion(e.category),
                            sanitize::line(&e.approval_ref)
                        )
                    })
                    .unwrap_or_default();
                let row = Row::new(vec![
                    sanitize::line(&m.id).into_owned(),
                    sanitize::line(&m.name).into_owned(),
                    tr.standing(m.standing).to_owned(),
                    sanitize::line(m.group.as_deref().unwrap_or("")).into_owned(),
                    m.committee_role
                        .map(|r| tr.committee_role(r).to_owned())
                        .unwrap_or_default(),
                    exclusion,
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
            tr.roster_not_counted(),
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
                Constraint::Fill(1),
            ],
        )
        .header(header)
        .block(Block::bordered().title(format!(
            " {} · {} ",
            tr.roster_title(),
            sanitize::line(&self.roster.branch.name)
        )))
        .render(area, buf);
    }
}
