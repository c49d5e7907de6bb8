//! Text measured in display columns: clipping with an ellipsis and wrapping styled lines, so Chinese
//! and mixed text lines up on a terminal.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display columns of a string.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` cut to at most `max` columns, ending in `…` when cut.
pub fn clip(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_owned();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// `s` clipped and padded with spaces to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let mut out = clip(s, cols);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cols.saturating_sub(w)));
    out
}

/// `s` clipped and right-aligned in `cols` columns.
pub fn pad_left(s: &str, cols: usize) -> String {
    let out = clip(s, cols);
    let w = width(&out);
    let mut padded: String = std::iter::repeat_n(' ', cols.saturating_sub(w)).collect();
    padded.push_str(&out);
    padded
}

/// Put between the characters of a run that must not be split across lines (a name in a list). It
/// is never drawn.
pub const GLUE: char = '\u{2060}';

/// `s` as one unbreakable run.
pub fn glued(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for (i, c) in s.chars().enumerate() {
        if i > 0 {
            out.push(GLUE);
        }
        out.push(c);
    }
    out
}

/// Whether a line may break before `c` (after `prev`): at spaces, and around wide characters, whose
/// scripts do not separate words by spaces; never at glue.
fn breakable(prev: char, c: char) -> bool {
    if prev == GLUE || c == GLUE {
        return false;
    }
    prev == ' ' || c.width().unwrap_or(0) > 1 || prev.width().unwrap_or(0) > 1
}

/// Wrap a styled line to `width` columns. Continuation lines start with `indent` spaces.
pub fn wrap(line: &Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let indent = indent.min(width / 2);
    let width = width.max(1);
    // Characters with their styles, so a break can fall anywhere and styles survive it.
    let cells: Vec<(char, Style)> = line
        .spans
        .iter()
        .flat_map(|s| {
            let style = line.style.patch(s.style);
            s.content.chars().map(move |c| (c, style))
        })
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut first = true;
    while start < cells.len() || first {
        let avail = if first { width } else { width - indent };
        let mut used = 0;
        let mut end = start;
        let mut last_break = None;
        while end < cells.len() {
            let w = cells[end].0.width().unwrap_or(0);
            if used + w > avail {
                break;
            }
            if end > start && breakable(cells[end - 1].0, cells[end].0) {
                last_break = Some(end);
            }
            used += w;
            end += 1;
        }
        if end < cells.len() && !(end > start && breakable(cells[end - 1].0, cells[end].0)) {
            match last_break {
                Some(b) if b > start => end = b,
                // A single character wider than the line still has to go somewhere.
                _ if end == start => end = start + 1,
                _ => {}
            }
        }
        // The spaces a line breaks at are not drawn at its end.
        let mut shown = end;
        if end < cells.len() {
            while shown > start + 1 && cells[shown - 1].0 == ' ' {
                shown -= 1;
            }
        }
        let mut spans: Vec<Span<'static>> = Vec::new();
        if !first && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        let mut run = String::new();
        let mut run_style = None;
        for &(c, st) in cells[start..shown].iter().filter(|(c, _)| *c != GLUE) {
            if run_style != Some(st) && !run.is_empty() {
                spans.push(Span::styled(
                    std::mem::take(&mut run),
                    run_style.unwrap_or_default(),
                ));
            }
            run_style = Some(st);
            run.push(c);
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, run_style.unwrap_or_default()));
        }
        out.push(Line::from(spans));
        first = false;
        start = end;
        // A break at a space drops the spaces that start the next line.
        while start < cells.len() && cells[start].0 == ' ' {
            start += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn clip_counts_columns() {
        assert_eq!(clip("城关镇东风社区党支部", 9), "城关镇东…");
        assert_eq!(clip("abc", 3), "abc");
        assert_eq!(pad("党课", 6), "党课  ");
        assert_eq!(pad_left("7/9", 5), "  7/9");
    }

    #[test]
    fn wrap_breaks_words_and_cjk() {
        let l = Line::from("the vote passed with eleven yes");
        assert_eq!(
            plain(&wrap(&l, 12, 2)),
            vec!["the vote", "  passed", "  with", "  eleven yes"]
        );
        let l = Line::from("讨论：同意修缮村部会议室");
        assert_eq!(
            plain(&wrap(&l, 10, 0)),
            vec!["讨论：同意", "修缮村部会", "议室"]
        );
        assert_eq!(plain(&wrap(&Line::from(""), 10, 0)), vec![""]);
    }
}
