//! One self-contained HTML file: inline CSS, no scripts, no external resources (a Content Security
//! Policy forbids them), laid out for A4 printing: page numbers in the page's own margin boxes,
//! table headers repeated on every page, rows and names that never split, and the sign-in sheet on
//! a page of its own. Print it with `chromium --headless --no-pdf-header-footer --print-to-pdf`.

use std::fmt::Write as _;

use super::doc::{Archive, Block, Document, SignIn};
use crate::texttable::{Table, width};

/// The page box: A4, office margins, and the page number in the bottom margin (CSS paged media;
/// Chromium prints margin boxes, so no browser header or footer is needed). `{PAGE}` is replaced by
/// the page counter content.
const PAGE_RULE: &str = "@page { size: A4; margin: 22mm 20mm 24mm 22mm;
  @bottom-center { content: {PAGE}; font-family: \"SimSun\", \"Songti SC\", \"Noto Serif CJK SC\", serif;
    font-size: 9pt; color: #000; } }";

const STYLE: &str = r#"
* { box-sizing: border-box; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 11.5pt; line-height: 1.6; color: #000; background: #fff;
  max-width: 190mm; margin: 0 auto; padding: 10mm 8mm; }
header { text-align: center; margin-bottom: 1em; }
header .branch { font-size: 13pt; margin: 0; }
h1 { font-size: 18pt; letter-spacing: .08em; margin: .2em 0 .4em; }
h2 { font-size: 13.5pt; border-bottom: 1px solid #000; margin: 1.3em 0 .5em; padding-bottom: 2pt;
  break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 1em 0 .3em; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .7em; }
th, td { border: 1px solid #000; padding: 2pt 5pt; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
th { white-space: nowrap; }
thead { display: table-header-group; }
thead th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.fields th { width: 30%; font-weight: normal; background: #f4f4f4; }
td.num { text-align: right; white-space: nowrap; }
.nw { white-space: nowrap; }
.label { font-weight: bold; margin: .6em 0 .2em; break-after: avoid; page-break-after: avoid; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .6em 1.5em; }
.note { margin: .2em 0 .6em 1.5em; }
.banner { border: 3px solid #b00000; color: #b00000; padding: 6pt 10pt; margin: 0 0 1em;
  font-weight: bold; overflow-wrap: anywhere; }
.banner ul { margin: .3em 0 0; font-weight: normal; }
.end { text-align: center; margin: 1.6em 0 1em; }
.signatures { margin-top: 2.5em; break-inside: avoid; page-break-inside: avoid; }
.sig { margin: 0 0 2.2em; white-space: nowrap; }
.sig .line { display: inline-block; min-width: 48mm; border-bottom: 1px solid #000; height: 1.2em;
  vertical-align: bottom; }
.sig .line.date { min-width: 36mm; }
.sig .gap { display: inline-block; width: 10mm; }
.archive { margin-top: 1.5em; break-inside: avoid; page-break-inside: avoid; }
.archive .review { border: 1px solid #000; padding: 4pt 8pt; margin-top: 1.2em; }
.archive .review .space { height: 32mm; }
.archive .review .sig { margin: 0 0 .4em; }
footer { margin-top: 2em; padding-top: 4pt; border-top: 1px solid #888; font-size: 8.5pt;
  color: #333; overflow-wrap: anywhere; break-inside: avoid; page-break-inside: avoid; }
footer p { margin: 0; }
section.signin { break-before: page; page-break-before: always; }
section.signin h2 { text-align: center; border: 0; font-size: 16pt; letter-spacing: .1em; }
section.signin .meeting { text-align: center; margin: 0 0 .8em; }
section.signin td { height: 10mm; vertical-align: middle; }
section.signin td.sign, section.signin th:last-child { width: 30%; }
@media print {
  body { max-width: none; padding: 0; }
  .banner, thead th, table.fields th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: auto; }
  section.signin { break-before: page; }
}
"#;

/// A CSS string literal of our own text.
fn css_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Cells this short (in display columns) never wrap: names, dates, times, short statuses.
const NO_WRAP_WIDTH: usize = 16;

/// A list item (a name, a name with a late time) this short is kept on one line.
const NO_WRAP_ITEM: usize = 24;

/// Escape text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text in which every name of the record is kept on one line.
fn text(s: &str, names: &[String]) -> String {
    let mut out = esc(s);
    if names.is_empty() || s.is_ascii() {
        return out;
    }
    // Longest first; a span already placed is never split by a shorter name inside it, because
    // the shorter name is replaced only in the text between spans.
    for name in names {
        let e = esc(name);
        if !out.contains(&e) {
            continue;
        }
        let mut next = String::with_capacity(out.len() + 32);
        let mut rest = out.as_str();
        while let Some(open) = rest.find(NW_OPEN) {
            let (before, after) = rest.split_at(open);
            next.push_str(&before.replace(&e, &format!("{NW_OPEN}{e}{NW_CLOSE}")));
            let close = after
                .find(NW_CLOSE)
                .map_or(after.len(), |c| c + NW_CLOSE.len());
            next.push_str(&after[..close]);
            rest = &after[close..];
        }
        next.push_str(&rest.replace(&e, &format!("{NW_OPEN}{e}{NW_CLOSE}")));
        out = next;
    }
    out
}

const NW_OPEN: &str = "<span class=\"nw\">";
const NW_CLOSE: &str = "</span>";

fn cell(s: &str, empty: &str, names: &[String]) -> String {
    if s.is_empty() {
        empty.to_owned()
    } else {
        text(s, names)
    }
}

/// The class of a table cell: numbers right-aligned, short text kept on one line.
fn cell_class(s: &str, right: bool) -> &'static str {
    if right {
        " class=\"num\""
    } else if width(s) <= NO_WRAP_WIDTH {
        " class=\"nw\""
    } else {
        ""
    }
}

/// A field value: a list of names keeps each name on one line (the list wraps between names).
fn field_value(v: &str, d: &Document) -> String {
    if v.is_empty() {
        return esc(d.none);
    }
    if !v.contains(d.list_sep) {
        return if width(v) <= NO_WRAP_WIDTH {
            format!("<span class=\"nw\">{}</span>", esc(v))
        } else {
            text(v, &d.names)
        };
    }
    let parts: Vec<String> = v
        .split(d.list_sep)
        .map(|p| {
            if width(p) <= NO_WRAP_ITEM {
                format!("<span class=\"nw\">{}</span>", esc(p))
            } else {
                text(p, &d.names)
            }
        })
        .collect();
    parts.join(&esc(d.list_sep))
}

fn table(out: &mut String, t: &Table, empty: &str, names: &[String]) {
    let n = t
        .headers
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let get = |row: &[String], i: usize| row.get(i).cloned().unwrap_or_default();
    out.push_str("<table class=\"grid\">\n<thead><tr>");
    for i in 0..n {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&get(&t.headers, i)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for i in 0..n {
            let content = get(row, i);
            let class = cell_class(&content, t.right.get(i).copied().unwrap_or(false));
            let _ = write!(out, "<td{class}>{}</td>", cell(&content, empty, names));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn signature_line(out: &mut String, role: &str, name: &str, date_label: &str, colon: &str) {
    let name = if name.is_empty() {
        String::new()
    } else {
        format!("<span class=\"name\">{}</span>", esc(name))
    };
    let _ = writeln!(
        out,
        "<div class=\"sig\">{}{}<span class=\"line\"></span>{name}<span class=\"gap\"></span>{}{}<span class=\"line date\"></span></div>",
        esc(role),
        esc(colon),
        esc(date_label),
        esc(colon),
    );
}

fn archive(out: &mut String, a: &Archive, colon: &str) {
    out.push_str("<section class=\"archive\">\n");
    signature_line(out, &a.seal, "", &a.date_label, colon);
    let _ = writeln!(
        out,
        "<div class=\"review\">\n<p class=\"label\">{}{}</p>\n<div class=\"space\"></div>",
        esc(&a.review),
        esc(colon.trim_end())
    );
    signature_line(out, &a.reviewer, &a.review_seal, &a.date_label, colon);
    out.push_str("</div>\n</section>\n");
}

fn sign_in(out: &mut String, s: &SignIn) {
    let t = &s.table;
    let last = t.headers.len().saturating_sub(1);
    let _ = write!(
        out,
        "<section class=\"signin\">\n<h2>{}</h2>\n<p class=\"meeting\">{}</p>\n<table class=\"grid\">\n<thead><tr>",
        esc(&s.title),
        esc(&s.subtitle)
    );
    for h in &t.headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (i, c) in row.iter().enumerate() {
            let class = if i == last {
                " class=\"sign\""
            } else {
                cell_class(c, t.right.get(i).copied().unwrap_or(false))
            };
            let _ = write!(out, "<td{class}>{}</td>", esc(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// The document as one HTML file.
pub fn render(d: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let [before, between, after] = d.page_of;
    let counter = format!(
        "{} counter(page) {} counter(pages) {}",
        css_string(before),
        css_string(between),
        css_string(after)
    );
    let page = PAGE_RULE.replace("{PAGE}", &counter);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} {}</title>\n<style>\n{page}\n{STYLE}</style>\n</head>\n<body>\n",
        d.lang,
        esc(&d.branch),
        esc(&d.title),
    );
    if let Some((banner, errors)) = &d.banner {
        let _ = write!(
            out,
            "<div class=\"banner\" role=\"alert\">\n<p>{}</p>\n",
            esc(banner)
        );
        if !errors.is_empty() {
            out.push_str("<ul>\n");
            for e in errors {
                let _ = writeln!(out, "<li>{}</li>", esc(e));
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</div>\n");
    }
    let _ = write!(
        out,
        "<header>\n<p class=\"branch\">{}</p>\n<h1>{}</h1>\n</header>\n<main>\n",
        esc(&d.branch),
        esc(&d.title)
    );
    for b in &d.blocks {
        match b {
            Block::Section { number, title } => {
                let sep = if number.ends_with('.') { " " } else { "" };
                let _ = writeln!(out, "<h2>{}{sep}{}</h2>", esc(number), esc(title));
            }
            Block::Subsection(t) => {
                let _ = writeln!(out, "<h3>{}</h3>", text(t, &d.names));
            }
            Block::Fields(f) => {
                out.push_str("<table class=\"fields\">\n");
                for (l, v) in f {
                    let _ = writeln!(
                        out,
                        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                        esc(l),
                        field_value(v, d)
                    );
                }
                out.push_str("</table>\n");
            }
            Block::Table(t) => table(&mut out, t, "—", &d.names),
            Block::Text { label, body } => {
                if !label.is_empty() {
                    let _ = writeln!(out, "<p class=\"label\">{}</p>", esc(label));
                }
                let _ = writeln!(out, "<div class=\"body\">{}</div>", text(body, &d.names));
            }
            Block::Note(n) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(n));
            }
            Block::End(e) => {
                let _ = writeln!(out, "<p class=\"end\">{}</p>", esc(e));
            }
            Block::Signatures(sigs) => {
                out.push_str("<section class=\"signatures\">\n");
                for s in sigs {
                    signature_line(&mut out, &s.role, &s.name, &s.date_label, d.colon);
                }
                out.push_str("</section>\n");
            }
            Block::Archive(a) => archive(&mut out, a, d.colon),
        }
    }
    out.push_str("</main>\n<footer>\n");
    for (l, v) in &d.footer {
        let _ = writeln!(out, "<p>{}{}{}</p>", esc(l), esc(d.colon), esc(v));
    }
    let _ = writeln!(out, "<p>{}</p>", esc(&d.footer_note));
    out.push_str("</footer>\n");
    sign_in(&mut out, &d.sign_in);
    out.push_str("</body>\n</html>\n");
    out
}
