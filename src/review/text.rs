//! Text measured in display columns: clipping with an ellipsis and wrapping styled lines, so Chinese
//! and mixed text lines up on a terminal.

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

/// A place in a line: span index and byte offset in that span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pos {
    span: usize,
    byte: usize,
}

/// The characters of `spans` from `from` on, with their places. Nothing is copied, so a note of
/// megabytes costs no more than its own text.
fn chars_from<'a>(spans: &'a [Span<'_>], from: Pos) -> impl Iterator<Item = (Pos, char)> + 'a {
    spans
        .iter()
        .enumerate()
        .skip(from.span)
        .flat_map(move |(span, s)| {
            let start = if span == from.span { from.byte } else { 0 };
            s.content
                .get(start..)
                .unwrap_or_default()
                .char_indices()
                .map(move |(b, c)| {
                    (
                        Pos {
                            span,
                            byte: start + b,
                        },
                        c,
                    )
                })
        })
}

/// The text between two places as styled spans, glue removed and trailing spaces dropped.
fn slice(line: &Line<'_>, from: Pos, to: Pos) -> Vec<Span<'static>> {
    let mut out: Vec<Span<'static>> = Vec::new();
    for (i, s) in line
        .spans
        .iter()
        .enumerate()
        .take(to.span + 1)
        .skip(from.span)
    {
        let a = if i == from.span { from.byte } else { 0 };
        let b = if i == to.span {
            to.byte
        } else {
            s.content.len()
        };
        let text: String = s
            .content
            .get(a..b)
            .unwrap_or_default()
            .chars()
            .filter(|c| *c != GLUE)
            .collect();
        if !text.is_empty() {
            out.push(Span::styled(text, line.style.patch(s.style)));
        }
    }
    while let Some(last) = out.last_mut() {
        let trimmed = last.content.trim_end_matches(' ').len();
        if trimmed == last.content.len() {
            break;
        }
        if trimmed == 0 {
            out.pop();
        } else {
            last.content.to_mut().truncate(trimmed);
            break;
        }
    }
    out
}

/// Wrap a styled line to `width` columns. Continuation lines start with `indent` spaces.
pub fn wrap(line: &Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(1);
    let indent = indent.min(width / 2);
    let spans = &line.spans;
    let end = Pos {
        span: spans.len(),
        byte: 0,
    };
    let mut out = Vec::new();
    let mut start = Pos { span: 0, byte: 0 };
    loop {
        let first = out.is_empty();
        let avail = if first { width } else { width - indent };
        let mut used = 0;
        let mut prev: Option<char> = None;
        let mut last_break = None;
        let mut overflow = None;
        let mut fitted = 0usize;
        for (pos, c) in chars_from(spans, start) {
            if prev.is_some_and(|p| breakable(p, c)) {
                last_break = Some(pos);
            }
            let w = c.width().unwrap_or(0);
            if used + w > avail {
                overflow = Some(pos);
                break;
            }
            used += w;
            prev = Some(c);
            fitted += 1;
        }
        let cut = match overflow {
            None => end,
            Some(_) if fitted == 0 => {
                // A character wider than the line still has to go somewhere.
                chars_from(spans, start).nth(1).map_or(end, |(p, _)| p)
            }
            Some(over) => last_break.filter(|b| *b > start).unwrap_or(over),
        };
        let mut parts = Vec::new();
        if !first && indent > 0 {
            parts.push(Span::raw(" ".repeat(indent)));
        }
        parts.extend(slice(line, start, cut));
        out.push(Line::from(parts));
        if cut == end {
            return out;
        }
        // A break at a space drops the spaces that start the next line.
        start = chars_from(spans, cut)
            .find(|(_, c)| *c != ' ')
            .map_or(end, |(p, _)| p);
        if start == end {
            return out;
        }
    }
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

    #[test]
    fn styles_survive_a_break_and_glue_keeps_names_whole() {
        use ratatui::style::{Color, Style};
        let red = Style::new().fg(Color::Red);
        let l = Line::from(vec![
            Span::raw("出席："),
            Span::styled(glued("欧阳明轩"), red),
        ]);
        let lines = wrap(&l, 8, 0);
        assert_eq!(plain(&lines), vec!["出席：", "欧阳明轩"]);
        assert_eq!(lines[1].spans[0].style, red);
    }

    #[test]
    fn a_long_line_wraps_in_pieces_of_the_width() {
        let l = Line::from("a".repeat(100_000));
        let lines = wrap(&l, 50, 4);
        assert_eq!(lines[0].to_string().len(), 50);
        assert!(lines[1..].iter().all(|l| l.to_string().len() <= 50));
        let total: usize = lines.iter().map(|l| l.to_string().trim_start().len()).sum();
        assert_eq!(total, 100_000);
    }
}
