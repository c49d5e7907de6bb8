//! Widgets shared by the screens.

pub mod editor;
pub mod form;
pub mod line_input;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// A box of at most `width` x `height` in the middle of `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The display width of the widest label (for a table column that must fit every value).
pub fn widest<'a>(labels: impl IntoIterator<Item = &'a str>) -> u16 {
    labels
        .into_iter()
        .map(UnicodeWidthStr::width)
        .max()
        .map_or(4, |w| u16::try_from(w).unwrap_or(u16::MAX))
}
