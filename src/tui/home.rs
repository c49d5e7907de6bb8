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

    pub fn render(&self, tr: Tr, area: Rect, buf: &mut Buffer) {
        let [title, body] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
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
