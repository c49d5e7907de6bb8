//! Widgets shared by the screens.

pub mod editor;
pub mod form;
pub mod line_input;
pub mod text_box;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};
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

/// `text` cut to at most `width` display columns, ending in `…` when cut.
#[must_use]
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` cut from the left to at most `width` display columns, starting with `…` when cut: the
/// end of a branch's name tells branches of one town apart ("…柳河村党支部").
#[must_use]
pub fn fit_tail(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        kept.push(c);
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// One list row of `width` columns: `title` on the left (cut with `…` when needed) and `tail`
/// (a timer, an outcome) in a column of its own at the right, never pushed off by the title.
#[must_use]
pub fn row_with_tail(title: &str, tail: &str, width: u16) -> String {
    let width = usize::from(width);
    let tail_w = tail.width();
    if tail_w == 0 {
        return fit(title, width);
    }
    let room = width.saturating_sub(tail_w + 1);
    let left = fit(title, room);
    let pad = width.saturating_sub(left.width() + tail_w);
    format!("{left}{}{tail}", " ".repeat(pad))
}

/// Clear the area of a popup drawn over the screen. A wide character (Chinese) just left of the
/// popup would spill into its first column: the terminal draws it two columns wide and ratatui
/// then skips the popup's border cell it covers, so the border goes missing. Such a character is
/// blanked first.
pub fn clear_popup(area: Rect, buf: &mut Buffer) {
    if area.x > buf.area.x {
        for y in area.top()..area.bottom() {
            if let Some(cell) = buf.cell_mut((area.x - 1, y))
                && cell.symbol().width() > 1
            {
                cell.set_symbol(" ");
            }
        }
    }
    Clear.render(area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::widgets::Block;

    #[test]
    fn a_long_title_never_pushes_its_tail_off() {
        let row = row_with_tail("1. 学习贯彻党的二十届四中全会精神专题", "▶ 12:05", 24);
        assert_eq!(row.width(), 24);
        assert!(row.ends_with("▶ 12:05"), "{row}");
        assert!(row.contains('…'), "{row}");
        assert_eq!(row_with_tail("1. 短", "通过", 11), "1. 短  通过");
        assert_eq!(fit("党的建设", 5), "党的…");
        assert_eq!(fit_tail("城关镇柳河村党支部", 13), "…柳河村党支部");
        assert_eq!(fit_tail("城关镇柳河村党支部", 18), "城关镇柳河村党支部");
    }

    #[test]
    fn a_popup_border_beside_a_wide_character_is_drawn() {
        let area = Rect::new(0, 0, 12, 3);
        let before = Buffer::empty(area);
        let mut buf = Buffer::empty(area);
        // "主" fills columns 3 and 4; the popup starts at column 4.
        buf.set_string(1, 1, "民主议事", ratatui::style::Style::new());
        let popup = Rect::new(4, 0, 6, 3);
        clear_popup(popup, &mut buf);
        Block::bordered().render(popup, &mut buf);
        // What the terminal is sent must include the border at column 4 of the middle row.
        let sent: Vec<(u16, u16, String)> = before
            .diff(&buf)
            .into_iter()
            .map(|(x, y, c)| (x, y, c.symbol().to_owned()))
            .collect();
        assert!(
            sent.contains(&(4, 1, "│".to_owned())),
            "border cell not sent: {sent:?}"
        );
        assert_eq!(buf[(1, 1)].symbol(), "民");
        assert_eq!(buf[(4, 1)].symbol(), "│");
    }
}
