//! The detail screen: one file's document, wrapped to the screen's width and scrolled.

use std::path::PathBuf;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::doc::DocLine;
use super::model::{Model, RowError};
use super::remarks::Remark;
use super::sections::{self, Context};
use super::text;
use crate::i18n::Tr;
use crate::minutes::check::Checked;

/// What the loop read for an opened file.
#[derive(Debug, Clone)]
pub struct Opened {
    pub row: usize,
    pub content: Result<Checked, RowError>,
    pub remarks: Result<Vec<Remark>, String>,
    /// For a correction: the file it corrects, when that is among the files.
    pub original: Option<OriginalFile>,
}

/// The file a correction corrects, read when the correction is opened.
#[derive(Debug, Clone)]
pub struct OriginalFile {
    pub row: usize,
    pub minutes: Option<Box<crate::minutes::Minutes>>,
    pub remarks: Vec<Remark>,
}

/// An open file.
#[derive(Debug, Clone)]
pub struct Detail {
    pub row: usize,
    pub path: PathBuf,
    pub content: Result<Checked, RowError>,
    pub remarks: Result<Vec<Remark>, String>,
    pub original: Option<OriginalFile>,
    doc: Vec<DocLine>,
    wrapped: Vec<Line<'static>>,
    wrap_width: usize,
    scroll: usize,
}

impl Detail {
    pub fn new(opened: Opened, model: &Model, tr: Tr, width: usize) -> Detail {
        let mut d = Detail {
            row: opened.row,
            path: model.row(opened.row).path.clone(),
            content: opened.content,
            remarks: opened.remarks,
            original: opened.original,
            doc: Vec::new(),
            wrapped: Vec::new(),
            wrap_width: 0,
            scroll: 0,
        };
        d.rebuild(model, tr, width);
        d
    }

    /// The links and states that come from the other loaded files.
    fn context(&self, model: &Model, tr: Tr, width: usize) -> Context {
        let row = model.row(self.row);
        let minutes = self.content.as_ref().ok().and_then(|c| c.minutes.as_ref());
        let supersedes = minutes.and_then(|m| m.supersedes.filter(|s| *s != m.id));
        Context {
            status: Some(model.status(self.row)),
            review: row.review_key().map(|_| row.review),
            supersedes: supersedes
                .map(|id| (id, model.find_id(id).map(|r| model.row(r).name.to_string()))),
            superseded_by: model
                .superseded_by(self.row)
                .map(|r| model.row(r).name.to_string()),
            copies: row
                .copies
                .iter()
                .map(|p| crate::sanitize::path(p))
                .collect(),
            follow_up: model
                .follow_up(self.row)
                .map(|f| tr.follow_up(f, &|j| model.row(j).name.to_string())),
            original: self.original.as_ref().map(|o| {
                let orig = model.row(o.row);
                sections::Original {
                    file: orig.name.to_string(),
                    review: orig.review,
                    remark: o.remarks.last().cloned(),
                    changes: match (&o.minutes, minutes) {
                        (Some(old), Some(new)) => Some(super::changes::between(old, new, tr)),
                        _ => None,
                    },
                    reason: minutes
                        .map(|m| m.correction_reason.clone())
                        .unwrap_or_default(),
                }
            }),
            width,
        }
    }

    /// Rebuild the document (after a change of language or of the review state) and rewrap it.
    pub fn rebuild(&mut self, model: &Model, tr: Tr, width: usize) {
        let ctx = self.context(model, tr, width);
        self.doc = sections::document(tr, &self.path, &self.content, &self.remarks, &ctx);
        self.wrap_width = 0;
        self.rewrap(width);
    }

    /// Fit the document to a new width: the side-by-side table of a correction's changes is laid
    /// out again, anything else only rewrapped.
    pub fn fit(&mut self, model: &Model, tr: Tr, width: usize) {
        if width == self.wrap_width {
            return;
        }
        if self.original.is_some() {
            self.rebuild(model, tr, width);
        } else {
            self.rewrap(width);
        }
    }

    /// Wrap the document to `width` columns (nothing to do when the width is unchanged).
    pub fn rewrap(&mut self, width: usize) {
        if width == self.wrap_width && !self.wrapped.is_empty() {
            return;
        }
        self.wrap_width = width;
        self.wrapped = self
            .doc
            .iter()
            .flat_map(|(line, indent)| text::wrap(line, width.max(1), *indent))
            .collect();
    }

    pub fn lines(&self) -> &[Line<'static>] {
        &self.wrapped
    }

    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Scroll by `delta` lines, staying within the document for a view `height` lines high.
    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        let max = self.wrapped.len().saturating_sub(height.max(1));
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    pub fn scroll_to(&mut self, line: usize, height: usize) {
        let max = self.wrapped.len().saturating_sub(height.max(1));
        self.scroll = line.min(max);
    }

    /// The remarks changed: keep them and the scroll position.
    pub fn set_remarks(&mut self, remarks: Vec<Remark>, model: &Model, tr: Tr) {
        self.remarks = Ok(remarks);
        let (scroll, width) = (self.scroll, self.wrap_width);
        self.rebuild(model, tr, width);
        self.scroll = scroll.min(self.wrapped.len().saturating_sub(1));
    }
}

impl Widget for &Detail {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < 2 || area.height == 0 {
            return;
        }
        let text_area = Rect {
            width: area.width - 1,
            ..area
        };
        let height = usize::from(area.height);
        let max = self.wrapped.len().saturating_sub(height);
        let first = self.scroll.min(max);
        for (i, line) in self.wrapped.iter().skip(first).take(height).enumerate() {
            let y = area.y + u16::try_from(i).unwrap_or(u16::MAX);
            buf.set_line(text_area.x, y, line, text_area.width);
        }
        if self.wrapped.len() > height {
            let mut state = ScrollbarState::new(max + 1).position(first);
            StatefulWidget::render(
                Scrollbar::new(ScrollbarOrientation::VerticalRight)
                    .begin_symbol(None)
                    .end_symbol(None),
                area,
                buf,
                &mut state,
            );
        }
    }
}
