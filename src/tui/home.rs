//! The home screen: new meeting, resume a draft, browse minutes, roster, the demo branch.

use std::time::SystemTime;

use chrono::{DateTime, Local};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use uuid::Uuid;

use crate::domain::{MeetingKind, Roster};
use crate::i18n::Tr;
use crate::journal;
use crate::sanitize;
use crate::stats::Facts;
use crate::stats::due::{self, Held, Requirement};
use crate::store::DataDir;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    New,
    Resume {
        id: Uuid,
        title: String,
        kind: MeetingKind,
        saved: Option<SystemTime>,
    },
    Browse,
    /// Start a correction of a finalized record.
    Correct,
    Roster,
    /// Import a 花名册 from a file, from the screen.
    Import,
    /// Switch to a throw-away data directory with the demo branch.
    Demo,
    Quit,
}

#[derive(Debug, Clone)]
pub struct Home {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub branch: Option<String>,
    pub members: usize,
    pub minutes: usize,
    pub demo: bool,
    /// What the branch's year is computed from (none when there is nothing to show).
    pub year: Option<YearInputs>,
}

/// The branch's roster, its own minutes and the frequencies, read when home is shown; the view is
/// computed from them for the day of each frame ([`crate::stats::due::home_year`]).
#[derive(Debug, Clone, Default)]
pub struct YearInputs {
    pub cadence: Vec<Requirement>,
    pub roster: Option<Roster>,
    pub held: Vec<Held>,
    pub facts: Vec<Facts>,
}

impl YearInputs {
    /// Read the data directory's minutes and frequencies; a message when `cadence.json` is bad.
    pub fn load(data: &DataDir, roster: Option<&Roster>, tr: Tr) -> (YearInputs, Option<String>) {
        let (cadence, msg) = crate::commands::due::cadence(data, tr);
        let (read, _) = crate::commands::due::read(&[data.minutes_dir()], tr);
        let (facts, held) = read.into_iter().map(|(f, h, _)| (f, h)).unzip();
        (
            YearInputs {
                cadence,
                roster: roster.cloned(),
                held,
                facts,
            },
            msg,
        )
    }
}

impl Home {
    #[must_use]
    pub fn load(data: &DataDir, roster: Option<&Roster>, demo: bool) -> Home {
        let mut entries = Vec::new();
        if roster.is_some() {
            entries.push(Entry::New);
        }
        for (id, path, saved) in data.drafts() {
            if let Some(s) = journal::summary(&path)
                && !s.finalized
            {
                entries.push(Entry::Resume {
                    id,
                    title: s.title,
                    kind: s.kind,
                    saved,
                });
            }
        }
        entries.push(Entry::Browse);
        if minutes_count(data) > 0 {
            entries.push(Entry::Correct);
        }
        if roster.is_some() {
            entries.push(Entry::Roster);
        } else {
            // The two ways on with no roster: import a 花名册, or try the demo branch.
            entries.insert(0, Entry::Import);
        }
        if roster.is_some() {
            entries.push(Entry::Import);
        }
        if !demo {
            entries.push(Entry::Demo);
        }
        entries.push(Entry::Quit);
        let minutes = std::fs::read_dir(data.minutes_dir()).map_or(0, |d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        });
        Home {
            entries,
            selected: 0,
            branch: roster.map(|r| r.branch.name.clone()),
            members: roster.map_or(0, |r| r.members.len()),
            minutes,
            demo,
            year: None,
        }
    }

    #[must_use]
    pub fn current(&self) -> Option<&Entry> {
        self.entries.get(self.selected)
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1));
    }

    fn label(&self, e: &Entry, tr: Tr) -> String {
        match e {
            Entry::New => tr.home_start_new_meeting().to_owned(),
            Entry::Resume {
                title, kind, saved, ..
            } => {
                let when = saved
                    .map(|t| {
                        DateTime::<Local>::from(t)
                            .format("%Y-%m-%d %H:%M:%S")
                            .to_string()
                    })
                    .unwrap_or_default();
                tr.home_resume(&sanitize::line(title), *kind, &when)
            }
            Entry::Browse => tr.home_browse(self.minutes),
            Entry::Correct => tr.home_correct_finalized_minutes().to_owned(),
            Entry::Roster => tr.home_roster(self.members),
            Entry::Import => tr.home_import_roster().to_owned(),
            Entry::Demo => tr.home_try_demo_branch_throw().to_owned(),
            Entry::Quit => tr.home_quit().to_owned(),
        }
    }

    pub fn render(&self, tr: Tr, today: chrono::NaiveDate, area: Rect, buf: &mut Buffer) {
        let menu = self.entries.len() as u16 + 2;
        let [title, body, year] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(menu),
            Constraint::Min(0),
        ])
        .areas(area);
        if let Some(inputs) = &self.year
            && (inputs.roster.is_some() || !inputs.held.is_empty())
        {
            let view = due::home_year(
                &inputs.cadence,
                inputs.roster.as_ref(),
                &inputs.held,
                &inputs.facts,
                today,
            );
            render_year(&view, tr, year, buf);
        }
        let branch = match &self.branch {
            Some(b) => sanitize::line(b).into_owned(),
            None => tr.home_no_roster_ways().to_owned(),
        };
        let mut head = vec![
            Line::styled(
                tr.home_branchday_branch_meeting_minutes(),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            Line::raw(branch),
        ];
        if self.demo {
            head.push(Line::styled(
                tr.home_demo_mode_data_lives(),
                Style::new().fg(Color::Yellow),
            ));
        }
        Paragraph::new(head)
            .wrap(Wrap { trim: false })
            .render(title, buf);
        let lines: Vec<Line> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let text = format!("  {}  ", self.label(e, tr));
                if i == self.selected {
                    Line::styled(text, Style::new().bg(Color::Blue).fg(Color::White))
                } else {
                    Line::raw(text)
                }
            })
            .collect();
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(" {} ", tr.home_breadcrumb())))
            .render(body, buf);
    }
}

fn minutes_count(data: &DataDir) -> usize {
    std::fs::read_dir(data.minutes_dir()).map_or(0, |d| {
        d.flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .count()
    })
}

/// The branch's year: 三会一课 this month and quarter, then 转正 and absence reminders.
fn render_year(view: &due::HomeYear, tr: Tr, area: Rect, buf: &mut Buffer) {
    if area.height < 3 {
        return;
    }
    let mut lines: Vec<Line> = view
        .lines
        .iter()
        .map(|l| {
            let color = match l.state {
                due::DueState::Held => Color::Green,
                due::DueState::Due => Color::Yellow,
                due::DueState::Overdue => Color::Red,
            };
            Line::styled(
                sanitize::line(&tr.due_line(l)).into_owned(),
                Style::new().fg(color),
            )
        })
        .collect();
    let reminders: Vec<Line> = view
        .probation
        .iter()
        .map(|p| sanitize::line(&tr.due_probation(p)).into_owned())
        .chain(
            view.absences
                .iter()
                .map(|a| sanitize::line(&tr.due_absence(a)).into_owned()),
        )
        .map(Line::raw)
        .collect();
    if reminders.is_empty() {
        lines.push(Line::raw(tr.home_year_nothing()));
    } else {
        lines.extend(reminders);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(format!(" {} ", tr.home_year_title())))
        .render(area, buf);
}
