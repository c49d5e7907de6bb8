//! Markdown (`CommonMark` with GitHub tables). Text from the file is backslash-escaped so it can never
//! become markup, raw HTML, a link or a table cell boundary.

use super::doc::{Block, Document};
use crate::texttable::Table;

/// Escape inline text. At the start of a line, characters that would open a block (heading, list,
/// quote, setext rule) are escaped too.
fn esc(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    if !line_start {
        return out;
    }
    let first = out.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if first.is_some_and(|c| c.is_ascii_digit()) {
        // "12. " or "12) " would start an ordered list.
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if matches!(out[digits..].chars().next(), Some('.' | ')')) {
            out.insert(digits, '\\');
        }
    }
    out
}

fn table(out: &mut String, t: &Table, empty: &str) {
    let n = t
        .headers
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let cell = |row: &[String], i: usize| match row.get(i).map(String::as_str) {
        None | Some("") => empty.to_owned(),
        Some(s) => esc(&s.replace('\n', " "), false),
    };
    let mut line = |cells: Vec<String>| {
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
        out.push_str(" |\n");
    };
    line((0..n).map(|i| cell(&t.headers, i)).collect());
    line(
        (0..n)
            .map(|i| {
                if t.right.get(i).copied().unwrap_or(false) {
                    "---:".to_owned()
                } else {
                    "---".to_owned()
                }
            })
            .collect(),
    );
    for row in &t.rows {
        line((0..n).map(|i| cell(row, i)).collect());
    }
    out.push('\n');
}

/// Multi-line text as paragraphs with hard line breaks; leading blanks are dropped so no line turns
/// into a code block.
fn paragraphs(out: &mut String, body: &str) {
    let mut pending = false;
    for line in body.lines() {
        let line = line.trim();
        if line.is_empty() {
            if pending {
                out.push_str("\n\n");
                pending = false;
            }
            continue;
        }
        if pending {
            out.push_str("  \n");
        }
        out.push_str(&esc(line, true));
        pending = true;
    }
    if pending {
        out.push_str("\n\n");
    }
}

/// The document as Markdown.
pub fn render(d: &Document) -> String {
    let mut out = String::new();
    if let Some((banner, errors)) = &d.banner {
        out.push_str(&format!("> **{}**\n", esc(banner, false)));
        if !errors.is_empty() {
            out.push_str(">\n");
        }
        for e in errors {
            out.push_str(&format!("> - {}\n", esc(e, false)));
        }
        out.push('\n');
    }
    out.push_str(&format!("**{}**\n\n", esc(&d.branch, false)));
    out.push_str(&format!("# {}\n\n", esc(&d.title, false)));
    for b in &d.blocks {
        match b {
            Block::Section { number, title } => {
                let sep = if number.ends_with('.') { " " } else { "" };
                out.push_str(&format!("## {number}{sep}{}\n\n", esc(title, false)));
            }
            Block::Subsection(t) => out.push_str(&format!("### {}\n\n", esc(t, false))),
            Block::Fields(f) => {
                for (l, v) in f {
                    out.push_str(&format!(
                        "- **{}**{}{}\n",
                        esc(l, false),
                        d.colon,
                        esc(v, false)
                    ));
                }
                out.push('\n');
            }
            Block::Table(t) => table(&mut out, t, "—"),
            Block::Text { label, body } => {
                if !label.is_empty() {
                    out.push_str(&format!(
                        "**{}**{}\n\n",
                        esc(label, false),
                        d.colon.trim_end()
                    ));
                }
                paragraphs(&mut out, body);
            }
            Block::Note(n) => paragraphs(&mut out, n),
            Block::End(e) => out.push_str(&format!("{}\n\n", esc(e, true))),
            Block::Signatures(sigs) => {
                for s in sigs {
                    signature_line(&mut out, &s.role, &s.name, &s.date_label, d.colon);
                }
            }
            Block::Archive(a) => {
                signature_line(&mut out, &a.seal, "", &a.date_label, d.colon);
                out.push_str(&format!(
                    "**{}**{}\n\n　  \n　  \n　\n\n",
                    esc(&a.review, false),
                    d.colon.trim_end()
                ));
                signature_line(
                    &mut out,
                    &a.reviewer,
                    &a.review_seal,
                    &a.date_label,
                    d.colon,
                );
            }
        }
    }
    out.push_str("---\n\n");
    for (l, v) in &d.footer {
        out.push_str(&format!(
            "- {}{}{}\n",
            esc(l, false),
            d.colon,
            esc(v, false)
        ));
    }
    out.push('\n');
    out.push_str(&esc(&d.footer_note, true));
    out.push('\n');
    // The sign-in sheet: a page of its own when printed.
    out.push_str(&format!(
        "\n---\n\n## {}\n\n{}\n\n",
        esc(&d.sign_in.title, false),
        esc(&d.sign_in.subtitle, true)
    ));
    table(&mut out, &d.sign_in.table, "");
    out
}

fn signature_line(out: &mut String, role: &str, name: &str, date_label: &str, colon: &str) {
    let blank = |n: usize| "\\_".repeat(n);
    out.push_str(&format!(
        "{}{}{}{}　　{}{}{}\n\n",
        esc(role, true),
        colon,
        blank(20),
        esc(name, false),
        esc(date_label, false),
        colon,
        blank(14),
    ));
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup() {
        assert_eq!(esc("a|b", false), "a\\|b");
        assert_eq!(esc("<script>", false), "\\<script\\>");
        assert_eq!(esc("[x](http://e)", false), "\\[x\\](http://e)");
        assert_eq!(esc("# 标题", true), "\\# 标题");
        assert_eq!(esc("12. 项", true), "12\\. 项");
        assert_eq!(esc("- 项", true), "\\- 项");
        assert_eq!(esc("- 项", false), "- 项");
    }
}
