//! One self-contained HTML file: inline CSS, no scripts, no external resources (a Content Security
//! Policy forbids them), laid out for A4 printing from a browser.

use std::fmt::Write as _;

use super::doc::{Block, Document};
use crate::texttable::Table;

const STYLE: &str = r#"
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
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
  overflow-wrap: anywhere; }
thead { display: table-header-group; }
thead th { background: #eee; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.fields th { width: 30%; font-weight: normal; background: #f4f4f4; }
td.num { text-align: right; white-space: nowrap; }
.label { font-weight: bold; margin: .6em 0 .2em; break-after: avoid; page-break-after: avoid; }
.body { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .6em 1.5em; }
.note { margin: .2em 0 .6em 1.5em; }
.banner { border: 3px solid #b00000; color: #b00000; padding: 6pt 10pt; margin: 0 0 1em;
  font-weight: bold; overflow-wrap: anywhere; }
.banner ul { margin: .3em 0 0; font-weight: normal; }
.end { text-align: center; margin: 1.6em 0 1em; }
.signatures { margin-top: 2.5em; break-inside: avoid; page-break-inside: avoid; }
.sig { margin: 0 0 2.2em; }
.sig .line { display: inline-block; min-width: 48mm; border-bottom: 1px solid #000; height: 1.2em;
  vertical-align: bottom; }
.sig .line.date { min-width: 36mm; }
.sig .gap { display: inline-block; width: 10mm; }
footer { margin-top: 2em; padding-top: 4pt; border-top: 1px solid #888; font-size: 8.5pt;
  color: #333; overflow-wrap: anywhere; break-inside: avoid; page-break-inside: avoid; }
footer p { margin: 0; }
@media print {
  body { max-width: none; padding: 0; }
  .banner, thead th, table.fields th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-before: auto; }
}
"#;

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

fn cell(s: &str, empty: &str) -> String {
    if s.is_empty() {
        empty.to_owned()
    } else {
        esc(s)
    }
}

fn table(out: &mut String, t: &Table, empty: &str) {
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
            let class = if t.right.get(i).copied().unwrap_or(false) {
                " class=\"num\""
            } else {
                ""
            };
            let _ = write!(out, "<td{class}>{}</td>", cell(&get(row, i), empty));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The document as one HTML file.
pub fn render(d: &Document) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
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
                let _ = writeln!(out, "<h3>{}</h3>", esc(t));
            }
            Block::Fields(f) => {
                out.push_str("<table class=\"fields\">\n");
                for (l, v) in f {
                    let _ = writeln!(
                        out,
                        "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                        esc(l),
                        cell(v, d.none)
                    );
                }
                out.push_str("</table>\n");
            }
            Block::Table(t) => table(&mut out, t, "—"),
            Block::Text { label, body } => {
                if !label.is_empty() {
                    let _ = writeln!(out, "<p class=\"label\">{}</p>", esc(label));
                }
                let _ = writeln!(out, "<div class=\"body\">{}</div>", esc(body));
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
                    let name = if s.name.is_empty() {
                        String::new()
                    } else {
                        format!("<span class=\"name\">{}</span>", esc(&s.name))
                    };
                    let _ = writeln!(
                        out,
                        "<div class=\"sig\">{}{}<span class=\"line\"></span>{name}<span class=\"gap\"></span>{}{}<span class=\"line date\"></span></div>",
                        esc(&s.role),
                        esc(d.colon),
                        esc(&s.date_label),
                        esc(d.colon),
                    );
                }
                out.push_str("</section>\n");
            }
        }
    }
    out.push_str("</main>\n<footer>\n");
    for (l, v) in &d.footer {
        let _ = writeln!(out, "<p>{}{}{}</p>", esc(l), esc(d.colon), esc(v));
    }
    let _ = writeln!(out, "<p>{}</p>", esc(&d.footer_note));
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}
