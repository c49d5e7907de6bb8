//! The recurring terms of branch work and the one English word for each.
//!
//! A translator keeps to this table: every Chinese message that uses a term says it in English with
//! the word given here (the test below reads the catalogue and holds it to that).

/// A term, its one English rendering and, where a table column is too narrow for it, its one
/// abbreviation (both matched case-insensitively inside the English message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub zh: &'static str,
    pub en: &'static str,
    pub short: Option<&'static str>,
}

/// The glossary. A longer term is matched before a shorter one inside it.
pub const GLOSSARY: &[Term] = &[
    Term {
        zh: "议题",
        en: "item",
        short: None,
    },
    Term {
        zh: "组织生活会",
        en: "organisational life meeting",
        short: Some("life meeting"),
    },
    Term {
        zh: "主题党日",
        en: "themed party day",
        short: Some("themed day"),
    },
    Term {
        zh: "应到",
        en: "expected",
        short: Some("exp"),
    },
    Term {
        zh: "实到",
        en: "present",
        short: Some("pres"),
    },
    Term {
        zh: "表决权",
        en: "entitled",
        short: None,
    },
    Term {
        zh: "党小组",
        en: "group",
        short: None,
    },
    Term {
        zh: "法定人数",
        en: "quorum",
        short: None,
    },
    Term {
        zh: "列席",
        en: "guest",
        short: None,
    },
    Term {
        zh: "弃权",
        en: "abstain",
        short: None,
    },
];

/// Phrases that contain a term but name another thing, not yet held to one English word:
/// 不计入应到会 (a member left out of the expected attendance) is "not counted" on screens and
/// "exclusion" in the roster's columns.
pub const NOT_YET_IN_GLOSSARY: &[&str] = &["不计入应到会", "不计入应到"];

#[cfg(test)]
mod tests {
    use super::*;

    /// The string literals of `text`, in order (escapes left as written), each with whether it is
    /// a match pattern (`"guest" => …`) rather than text.
    fn literals(text: &str) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'/' if bytes.get(i + 1) == Some(&b'/') => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' => {
                    // A char literal ('"', '\'') or a lifetime: step over it.
                    if bytes.get(i + 2) == Some(&b'\'') {
                        i += 2;
                    } else if bytes.get(i + 1) == Some(&b'\\') {
                        i += 3;
                    }
                }
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        if bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                    let end = i.min(bytes.len());
                    let pattern = text[end..]
                        .trim_start_matches('"')
                        .trim_start()
                        .starts_with("=>");
                    out.push((text[start..end].to_owned(), pattern));
                }
                _ => {}
            }
            i += 1;
        }
        out
    }

    /// Each method of a language's `impl Messages` by name, with its 1-based first line and its
    /// text.
    fn methods(text: &str) -> Vec<(String, usize, String)> {
        let mut out: Vec<(String, usize, String)> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            if let Some(rest) = line.strip_prefix("    fn ") {
                let name = rest.split(['(', '<']).next().unwrap_or_default().to_owned();
                out.push((name, n + 1, String::new()));
            } else if let Some(last) = out.last_mut() {
                last.2.push_str(line);
                last.2.push('\n');
            }
        }
        out
    }

    /// The Chinese and English text of every message: the string literals of a method of `zh.rs`
    /// paired in order with those of the same method of `en.rs`, or, where the two say it in a
    /// different number of pieces, the whole of one with the whole of the other. A match pattern
    /// is the English key the Chinese text translates (`"guest" => "列席人员"`, where the English
    /// message says the key itself), so it counts as English.
    fn pairs(zh: &str, en: &str) -> Vec<(String, usize, String, String)> {
        let en: std::collections::HashMap<String, String> = methods(en)
            .into_iter()
            .map(|(name, _, text)| (name, text))
            .collect();
        let mut out = Vec::new();
        for (name, line, text) in methods(zh) {
            let Some(other) = en.get(&name) else { continue };
            let (z, keys): (Vec<_>, Vec<_>) = literals(&text).into_iter().partition(|l| !l.1);
            let text_of = |v: Vec<(String, bool)>| v.into_iter().map(|l| l.0).collect::<Vec<_>>();
            let (z, keys) = (text_of(z), text_of(keys));
            let e = text_of(literals(other).into_iter().filter(|l| !l.1).collect());
            if z.len() == e.len() {
                for (z, e) in z.into_iter().zip(e) {
                    out.push((name.clone(), line, z, e));
                }
            } else {
                let e = e.into_iter().chain(keys).collect::<Vec<_>>();
                out.push((name.clone(), line, z.join(" "), e.join(" ")));
            }
        }
        out
    }

    #[test]
    fn messages_are_paired_by_method_and_order() {
        let zh = "    fn a(&self) -> &'static str {\n        \"议题\"\n    }\n    fn b(&self, n: usize) -> String {\n        format!(\"{n} 人\")\n    }\n";
        let en = "    fn b(&self, n: usize) -> String {\n        format!(\"{n} people\")\n    }\n    fn a(&self) -> &'static str {\n        \"Item\"\n    }\n";
        let p = pairs(zh, en);
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].2.as_str(), p[0].3.as_str()), ("议题", "Item"));
        assert_eq!((p[1].2.as_str(), p[1].3.as_str()), ("{n} 人", "{n} people"));
        let l = literals(r#"match c { '"' => "a", _ => "b\"c" }; match k { "guest" => "列席" }"#);
        let l: Vec<_> = l.iter().map(|(t, p)| (t.as_str(), *p)).collect();
        assert_eq!(
            l,
            [
                ("a", false),
                ("b\\\"c", false),
                ("guest", true),
                ("列席", false)
            ]
        );
    }

    #[test]
    fn the_english_catalogue_says_each_term_with_its_one_word() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).expect("the catalogue is readable")
        };
        let mut terms: Vec<Term> = GLOSSARY.to_vec();
        terms.sort_by_key(|t| std::cmp::Reverse(t.zh.len()));
        let mut checked = 0;
        let mut drift = Vec::new();
        for (name, line, zh, en) in pairs(&read("zh.rs"), &read("en.rs")) {
            let mut zh = zh;
            for phrase in NOT_YET_IN_GLOSSARY {
                zh = zh.replace(phrase, "\u{0}");
            }
            let en = en.to_lowercase();
            for t in &terms {
                if zh.contains(t.zh) {
                    checked += 1;
                    if !en.contains(t.en) && !t.short.is_some_and(|s| en.contains(s)) {
                        drift.push(format!(
                            "zh.rs:{line} ({name}): {} should be \"{}\" (or {:?}) in \"{en}\"",
                            t.zh, t.en, t.short
                        ));
                    }
                    zh = zh.replace(t.zh, "\u{0}");
                }
            }
        }
        assert!(checked > 50, "the catalogue was not read ({checked} uses)");
        assert!(
            drift.is_empty(),
            "terms off the glossary:\n{}",
            drift.join("\n")
        );
    }
}
