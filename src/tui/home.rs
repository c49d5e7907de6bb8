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
            Entry::New => tr.pick("开始新会议", "Start a new meeting").to_owned(),
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
                tr.pick(
                    format!(
                        "继续：{}（{}，最后保存 {when}）",
                        sanitize::line(title),
                        tr.kind(*kind)
                    ),
                    format!(
                        "Resume: {} ({}, last saved {when})",
                        sanitize::line(title),
                        tr.kind(*kind)
                    ),
                )
            }
            Entry::Browse => tr.pick(
                format!("浏览会议记录（{} 份）", self.minutes),
                format!("Browse minutes ({} files)", self.minutes),
            ),
            Entry::Correct => tr
                .pick("更正已定稿的会议记录", "Correct finalized minutes")
                .to_owned(),
            Entry::Roster => tr.pick(
                format!("党员名册（{} 人）", self.members),
                format!("Roster ({} members)", self.members),
            ),
            Entry::Demo => tr
                .pick(
                    "试用演示支部（临时数据，不影响正式数据）",
                    "Try the demo branch (throw-away data)",
                )
                .to_owned(),
            Entry::Quit => tr.pick("退出", "Quit").to_owned(),
        }
    }

    pub fn render(&self, tr: Tr, area: Rect, buf: &mut Buffer) {
        let [title, body] =
            Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
        let branch = match &self.branch {
            Some(b) => sanitize::line(b).into_owned(),
            None => tr
                .pick(
                    "尚未导入党员名册：用 branchday roster import 名册.xlsx 导入，或先试用演示支部。",
                    "No roster yet: import one with branchday roster import roster.xlsx, or try the demo branch.",
                )
                .to_owned(),
        };
        let mut head = vec![
            Line::styled(
                tr.pick(
                    "branchday · 支部会议记录",
                    "branchday · branch meeting minutes",
                ),
                Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
            ),
            Line::raw(branch),
        ];
        if self.demo {
            head.push(Line::styled(
                tr.pick(
                    "演示模式：数据存放在临时目录",
                    "Demo mode: data lives in a temporary folder",
                ),
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
            .block(Block::bordered().title(format!(" {} ", tr.pick("首页", "Home"))))
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
