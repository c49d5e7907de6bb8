//! Plain-text tables aligned by display width (CJK characters take two columns).

use unicode_width::UnicodeWidthStr;

/// A table: a header row and body rows; columns marked numeric are right-aligned.
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    numeric: Vec<bool>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Columns as `(title, right-aligned)`.
    pub fn new(columns: &[(&str, bool)]) -> Table {
        Table {
            header: columns.iter().map(|(t, _)| (*t).to_owned()).collect(),
            numeric: columns.iter().map(|(_, n)| *n).collect(),
            rows: Vec::new(),
        }
    }

    /// Add a row (cells must already be safe to print: sanitized).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The table as text, one line per row, each ending in `\n`, indented by `indent` spaces.
    pub fn render(&self, indent: usize) -> String {
        let n = self.header.len();
        let mut widths: Vec<usize> = self.header.iter().map(|h| h.width()).collect();
        for r in &self.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.width());
            }
        }
        let mut out = String::new();
        let pad = " ".repeat(indent);
        let line = |cells: &[String], out: &mut String| {
            let mut l = pad.clone();
            for (i, w) in widths.iter().enumerate().take(n) {
                let c = cells.get(i).map_or("", String::as_str);
                let fill = " ".repeat(w.saturating_sub(c.width()));
                if i > 0 {
                    l.push_str("  ");
                }
                if self.numeric[i] {
                    l.push_str(&fill);
                    l.push_str(c);
                } else {
                    l.push_str(c);
                    if i + 1 < n {
                        l.push_str(&fill);
                    }
                }
            }
            out.push_str(l.trim_end());
            out.push('\n');
        };
        line(&self.header, &mut out);
        let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        line(&rule, &mut out);
        for r in &self.rows {
            line(r, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_by_display_width() {
        let mut t = Table::new(&[("党员", false), ("出席率", true)]);
        t.row(vec!["王建国".into(), "87.5%".into()]);
        t.row(vec!["Li".into(), "100.0%".into()]);
        let s = t.render(0);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], "党员    出席率");
        assert_eq!(lines[2], "王建国   87.5%");
        assert_eq!(lines[3], "Li      100.0%");
        for l in &lines {
            assert_eq!(l.width(), lines[0].width());
        }
    }
}
