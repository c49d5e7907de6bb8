//! Plain text laid out in display columns: CJK characters take two columns, combining marks none.
//!
//! Used by the text export and by the roster commands. Only ASCII is used for rules and padding, so
//! the layout holds in terminals that draw "ambiguous width" characters (─, …, —) two columns wide.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Columns `s` takes on a terminal or in a monospaced print.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// `s` followed by spaces up to `w` columns.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = String::with_capacity(s.len() + w);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// Spaces then `s`, right-aligned in `w` columns.
pub fn pad_left(s: &str, w: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

/// `s` centred in `w` columns (no trailing spaces).
pub fn center(s: &str, w: usize) -> String {
    let left = w.saturating_sub(width(s)) / 2;
    let mut out: String = std::iter::repeat_n(' ', left).collect();
    out.push_str(s);
    out
}

/// Closing punctuation that must not start a line (a light form of the CJK line-breaking rules).
fn no_break_before(c: char) -> bool {
    "，。、；：？！）》」』”’〉】,.;:?!)]}".contains(c)
}

/// Opening punctuation that must not end a line.
fn no_break_after(c: char) -> bool {
    "（《「『“‘〈【([{".contains(c)
}

/// Break `s` into lines of at most `w` columns: at spaces and between CJK characters where
/// possible, inside a word only when the word alone is wider than a line. Line breaks in `s` are
/// kept; tabs become spaces.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    for para in s.split('\n') {
        wrap_line(&para.replace('\t', "    "), w, &mut out);
    }
    out
}

fn wrap_line(s: &str, w: usize, out: &mut Vec<String>) {
    let mut line = String::new();
    let mut lw = 0usize;
    // Byte offset in `line` where it may be broken.
    let mut brk: Option<usize> = None;
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        while lw + cw > w && !line.is_empty() {
            if c == ' ' {
                break;
            }
            match brk.filter(|b| *b > 0 && *b < line.len()) {
                Some(b) => {
                    let rest = line.split_off(b);
                    out.push(line.trim_end().to_owned());
                    rest.trim_start().clone_into(&mut line);
                }
                None => out.push(std::mem::take(&mut line).trim_end().to_owned()),
            }
            lw = width(&line);
            brk = None;
        }
        if c == ' ' && lw + cw > w {
            // A space at the end of a full line is the break itself.
            out.push(std::mem::take(&mut line).trim_end().to_owned());
            lw = 0;
            brk = None;
            prev = None;
            continue;
        }
        let wide = cw >= 2;
        if !line.is_empty()
            && (wide || prev.is_some_and(|p| p.width().unwrap_or(0) >= 2))
            && !no_break_before(c)
            && !prev.is_some_and(no_break_after)
        {
            brk = Some(line.len());
        }
        line.push(c);
        lw += cw;
        if c == ' ' {
            brk = Some(line.len());
        }
        prev = Some(c);
    }
    out.push(line.trim_end().to_owned());
}

/// A table of single-line cells, laid out in display columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns aligned right (numbers).
    pub right: Vec<bool>,
}

impl Table {
    pub fn new(headers: Vec<String>) -> Table {
        Table {
            right: vec![false; headers.len()],
            headers,
            rows: Vec::new(),
        }
    }

    /// Mark column `i` as numeric (right-aligned).
    #[must_use]
    pub fn right(mut self, i: usize) -> Table {
        if let Some(r) = self.right.get_mut(i) {
            *r = true;
        }
        self
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0)
    }

    /// The table as lines of at most `max_width` columns where the cells allow: a header, a rule of
    /// dashes and the rows, columns two spaces apart; cells too wide are wrapped inside their column.
    /// Empty cells show `empty`.
    pub fn lines(&self, max_width: usize, empty: &str) -> Vec<String> {
        const GAP: usize = 2;
        let n = self.columns();
        if n == 0 {
            return Vec::new();
        }
        let cell = |row: &[String], i: usize| -> String {
            match row.get(i).map(String::as_str) {
                None | Some("") => empty.to_owned(),
                Some(s) => s.to_owned(),
            }
        };
        let mut widths: Vec<usize> = (0..n)
            .map(|i| {
                self.rows
                    .iter()
                    .map(|r| width(&cell(r, i)))
                    .chain([self.headers.get(i).map_or(0, |h| width(h))])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let floor: Vec<usize> = (0..n)
            .map(|i| {
                self.headers
                    .get(i)
                    .map_or(4, |h| width(h))
                    .clamp(4, 12)
                    .min(widths[i])
            })
            .collect();
        let budget = max_width.saturating_sub(GAP * (n - 1));
        while widths.iter().sum::<usize>() > budget {
            let Some((i, _)) = widths
                .iter()
                .enumerate()
                .filter(|(i, w)| **w > floor[*i])
                .max_by_key(|(_, w)| **w)
            else {
                break;
            };
            widths[i] -= 1;
        }
        let mut out = Vec::new();
        let header: Vec<String> = (0..n).map(|i| cell(&self.headers, i)).collect();
        self.push_row(&header, &widths, &mut out, false);
        let rule_width = widths.iter().sum::<usize>() + GAP * (n - 1);
        out.push("-".repeat(rule_width));
        for row in &self.rows {
            let cells: Vec<String> = (0..n).map(|i| cell(row, i)).collect();
            self.push_row(&cells, &widths, &mut out, true);
        }
        out
    }

    fn push_row(&self, cells: &[String], widths: &[usize], out: &mut Vec<String>, body: bool) {
        let wrapped: Vec<Vec<String>> =
            cells.iter().zip(widths).map(|(c, w)| wrap(c, *w)).collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
        for k in 0..height {
            let mut line = String::new();
            for (i, (lines, w)) in wrapped.iter().zip(widths).enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let text = lines.get(k).map_or("", String::as_str);
                if body && self.right.get(i).copied().unwrap_or(false) {
                    line.push_str(&pad_left(text, *w));
                } else {
                    line.push_str(&pad(text, *w));
                }
            }
            out.push(line.trim_end().to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_is_two_columns() {
        assert_eq!(width("王建国"), 6);
        assert_eq!(width("ab"), 2);
        assert_eq!(pad("张三", 6), "张三  ");
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn wrap_respects_width_and_words() {
        for line in wrap("支部委员会研究决定，同意接收张三为预备党员。", 10) {
            assert!(width(&line) <= 10, "{line}");
        }
        assert_eq!(
            wrap("the quick brown fox", 10),
            vec!["the quick", "brown fox"]
        );
        assert_eq!(wrap("abcdefghijkl", 5), vec!["abcde", "fghij", "kl"]);
        assert_eq!(wrap("一\n二", 10), vec!["一", "二"]);
        // Closing punctuation stays with the character before it.
        let lines = wrap("甲乙丙丁，戊", 8);
        assert!(!lines.iter().any(|l| l.starts_with('，')), "{lines:?}");
    }

    #[test]
    fn table_aligns_by_display_width() {
        let mut t = Table::new(vec!["姓名".into(), "votes".into()]).right(1);
        t.push(vec!["欧阳明轩".into(), "3".into()]);
        t.push(vec!["Li".into(), "12".into()]);
        let lines = t.lines(80, "-");
        assert_eq!(lines[0], "姓名      votes");
        assert_eq!(lines[1], "---------------");
        assert_eq!(lines[2], "欧阳明轩      3");
        assert_eq!(lines[3], "Li           12");
    }

    #[test]
    fn narrow_tables_wrap_cells() {
        let mut t = Table::new(vec!["a".into(), "b".into()]);
        t.push(vec!["x".repeat(30), "一二三四五六七八九十".into()]);
        for l in t.lines(20, "-") {
            assert!(width(&l) <= 20, "{l}");
        }
    }
}
