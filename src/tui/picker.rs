//! Choosing a finalized record to correct.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::i18n::Tr;
use crate::minutes::{self, Minutes};
use crate::sanitize;
use crate::store::DataDir;

/// The valid minutes files of the data directory, newest first.
#[derive(Debug, Clone)]
pub struct MinutesPicker {
    pub files: Vec<(PathBuf, Minutes)>,
    pub selected: usize,
}

impl MinutesPicker {
    pub fn load(data: &DataDir) -> MinutesPicker {
        let (paths, _) = minutes::files::collect(&[data.minutes_dir()]);
        let read = crate::parallel::map(&paths, |p| {
            minutes::read(p)
                .ok()
                .filter(minutes::Checked::is_valid)
                .and_then(|c| c.minutes)
        });
        let mut files: Vec<(PathBuf, Minutes)> = paths
            .into_iter()
            .zip(read)
            .filter_map(|(p, m)| Some((p, m?)))
            .collect();
        files.sort_by_key(|(_, m)| std::cmp::Reverse(m.started_at));
        MinutesPicker { files, selected: 0 }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        self.selected = (self.selected + 1).min(self.files.len().saturating_sub(1));
    }

    pub fn current(&self) -> Option<&Minutes> {
        self.files.get(self.selected).map(|(_, m)| m)
    }

    pub fn render(&self, tr: Tr, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height.saturating_sub(2)).max(1);
        let start = self.selected.saturating_sub(height - 1);
        let mut lines: Vec<Line> = Vec::new();
        if self.files.is_empty() {
            lines.push(Line::styled(
                tr.pick("还没有已定稿的会议记录。", "No finalized minutes yet."),
                Style::new().fg(Color::DarkGray),
            ));
        }
        for (i, (_, m)) in self.files.iter().enumerate().skip(start).take(height) {
            let text = format!(
                "  {}  {}  {}{}",
                m.started_at.format("%Y-%m-%d"),
                tr.kind(m.kind),
                sanitize::line(&m.title),
                if m.supersedes.is_some() {
                    tr.pick("（更正件）", " (correction)")
                } else {
                    ""
                }
            );
            let style = if i == self.selected {
                Style::new().bg(Color::Blue).fg(Color::White)
            } else {
                Style::new()
            };
            lines.push(Line::styled(text, style));
        }
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(
                " {} ",
                tr.pick(
                    "选择要更正的会议记录（原文件不会改动）",
                    "Choose the minutes to correct (the original file is never changed)"
                )
            )))
            .render(area, buf);
    }
}
