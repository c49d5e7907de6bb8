//! Choosing a finalized record to correct.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::tui::widgets::form::{Field, FieldId, Form, FormOutcome};

use crate::i18n::Tr;
use crate::minutes::{self, Minutes};
use crate::sanitize;
use crate::store::DataDir;

/// The valid minutes files of the data directory, newest first.
#[derive(Debug, Clone)]
pub struct MinutesPicker {
    pub files: Vec<(PathBuf, Minutes)>,
    pub selected: usize,
    /// Asking the 更正原因 of the chosen record (required before the correction opens).
    pub reason: Option<Form>,
}

/// What a key did while the reason is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonOutcome {
    Continue,
    Cancel,
    Help,
    /// Correct the chosen record for this reason.
    Correct(String),
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
        MinutesPicker {
            files,
            selected: 0,
            reason: None,
        }
    }

    /// Ask why the chosen record is corrected.
    pub fn ask_reason(&mut self, tr: Tr) {
        if self.current().is_some() {
            self.reason = Some(Form::new(
                tr.correction_reason_title(),
                vec![Field::text(
                    FieldId::CorrectionReason,
                    tr.correction_reason_label(),
                    "",
                )],
            ));
        }
    }

    /// A key while the reason is asked: a blank reason is refused with a message.
    pub fn reason_key(&mut self, key: KeyEvent, tr: Tr) -> ReasonOutcome {
        let Some(form) = &mut self.reason else {
            return ReasonOutcome::Continue;
        };
        match form.handle(key) {
            FormOutcome::Cancel => {
                self.reason = None;
                ReasonOutcome::Cancel
            }
            FormOutcome::Help => ReasonOutcome::Help,
            FormOutcome::Submit => {
                let reason = form.text(FieldId::CorrectionReason).trim().to_owned();
                if reason.is_empty() {
                    form.error = Some(tr.correction_reason_required());
                    ReasonOutcome::Continue
                } else {
                    self.reason = None;
                    ReasonOutcome::Correct(reason)
                }
            }
            FormOutcome::Changed | FormOutcome::Continue => ReasonOutcome::Continue,
        }
    }

    pub fn paste(&mut self, s: &str) {
        if let Some(form) = &mut self.reason {
            form.paste(s);
        }
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
                tr.picker_no_finalized_minutes_yet(),
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
                    tr.picker_correction_mark()
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
            .block(Block::bordered().title(format!(" {} ", tr.picker_choose_minutes_to_correct())))
            .render(area, buf);
    }

    /// The reason form over the list, where the cursor goes.
    pub fn render_reason(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let form = self.reason.as_ref()?;
        let width = area.width.saturating_sub(8).min(80);
        let box_area = Rect::new(
            area.x + (area.width.saturating_sub(width)) / 2,
            area.y + area.height / 3,
            width,
            7.min(area.height),
        );
        Clear.render(box_area, buf);
        form.render(box_area, buf);
        form.cursor(box_area)
    }
}
