//! Plain text: columns measured in display width (CJK is two columns), ASCII rules only.

use super::doc::{Block, Document};
use crate::texttable::{center, pad, width, wrap};

/// Width of a printed page in columns.
pub const PAGE: usize = 80;

/// `label：value` lines with the values aligned in one column and wrapped under themselves.
fn push_fields(out: &mut Vec<String>, fields: &[(String, String)], colon: &str, indent: usize) {
    let label_w = fields
        .iter()
        .map(|(l, _)| width(l) + width(colon))
        .max()
        .unwrap_or(0);
    let lead = indent + label_w;
    let value_w = PAGE.saturating_sub(lead).max(20);
    for (label, value) in fields {
        let lines = wrap(value, value_w);
        for (k, line) in lines.iter().enumerate() {
            let head = if k == 0 {
                format!(
                    "{}{}",
                    " ".repeat(indent),
                    pad(&format!("{label}{colon}"), label_w)
                )
            } else {
                " ".repeat(lead)
            };
            out.push(format!("{head}{line}").trim_end().to_owned());
        }
    }
}

fn push_wrapped(out: &mut Vec<String>, text: &str, indent: usize) {
    for line in wrap(text, PAGE - indent) {
        if line.is_empty() {
            out.push(String::new());
        } else {
            out.push(format!("{}{line}", " ".repeat(indent)));
        }
    }
}

fn signature_line(role: &str, name: &str, date_label: &str, colon: &str) -> String {
    format!(
        "  {role}{colon}{}{name}    {date_label}{colon}{}",
        "_".repeat(20),
        "_".repeat(16),
    )
}

/// The document as plain text, lines ending in `\n`.
pub fn render(d: &Document) -> String {
    let mut out: Vec<String> = Vec::new();
    if let Some((banner, errors)) = &d.banner {
        out.push("!".repeat(PAGE));
        push_wrapped(&mut out, &format!("!! {banner}"), 0);
        for e in errors {
            push_wrapped(&mut out, &format!("   - {e}"), 0);
        }
        out.push("!".repeat(PAGE));
        out.push(String::new());
    }
    for line in wrap(&d.branch, PAGE) {
        out.push(center(&line, PAGE));
    }
    out.push(center(&d.title, PAGE));
    out.push("=".repeat(PAGE));
    for b in &d.blocks {
        match b {
            Block::Section { number, title } => {
                out.push(String::new());
                let head = format!(
                    "{number}{}{title}",
                    if number.ends_with('.') { " " } else { "" }
                );
                out.push(head.clone());
                out.push("-".repeat(width(&head)));
            }
            Block::Subsection(t) => {
                out.push(String::new());
                push_wrapped(&mut out, &format!("[{t}]"), 2);
            }
            Block::Fields(f) => push_fields(&mut out, f, d.colon, 2),
            Block::Table(t) => {
                for line in t.lines(PAGE - 2, "-") {
                    out.push(format!("  {line}").trim_end().to_owned());
                }
            }
            Block::Text { label, body } => {
                if label.is_empty() {
                    push_wrapped(&mut out, body, 2);
                } else {
                    push_wrapped(&mut out, &format!("{label}{}", d.colon), 2);
                    push_wrapped(&mut out, body, 4);
                }
            }
            Block::Note(n) => push_wrapped(&mut out, n, 2),
            Block::End(e) => {
                out.push(String::new());
                out.push(center(e, PAGE));
            }
            Block::Signatures(sigs) => {
                for s in sigs {
                    out.push(String::new());
                    out.push(String::new());
                    out.push(signature_line(&s.role, &s.name, &s.date_label, d.colon));
                }
            }
            Block::Archive(a) => {
                out.push(String::new());
                out.push(String::new());
                out.push(signature_line(&a.seal, "", &a.date_label, d.colon));
                out.push(String::new());
                out.push(format!("  {}{}", a.review, d.colon.trim_end()));
                // Room to write the opinion by hand.
                out.extend(std::iter::repeat_n(String::new(), 5));
                out.push(signature_line(
                    &a.reviewer,
                    &a.review_seal,
                    &a.date_label,
                    d.colon,
                ));
            }
        }
    }
    out.push(String::new());
    out.push("-".repeat(PAGE));
    // Small print, never wrapped: the digest must stay one piece to be compared.
    for (l, v) in &d.footer {
        out.push(format!("{l}{}{v}", d.colon));
    }
    push_wrapped(&mut out, &d.footer_note, 0);
    // The sign-in sheet: a page of its own when printed.
    out.push(String::new());
    out.push("=".repeat(PAGE));
    out.push(center(&d.sign_in.title, PAGE));
    for line in wrap(&d.sign_in.subtitle, PAGE) {
        out.push(center(&line, PAGE));
    }
    out.push(String::new());
    let mut t = d.sign_in.table.clone();
    let last = t.headers.len().saturating_sub(1);
    for row in &mut t.rows {
        if let Some(c) = row.get_mut(last) {
            *c = "_".repeat(14);
        }
    }
    for line in t.lines(PAGE - 2, "-") {
        out.push(format!("  {line}").trim_end().to_owned());
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}
