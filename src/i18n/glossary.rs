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

    /// The first string literal of each top-level argument of `pick(…)` (the Chinese and the
    /// English text, or the format string of each), for every `pick(` in `text`.
    fn pick_pairs(text: &str) -> Vec<(usize, String, String)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut from = 0;
        while let Some(at) = text[from..].find("pick(") {
            let start = from + at + "pick(".len();
            from = start;
            let mut depth = 1usize;
            let mut args: Vec<Option<String>> = vec![None];
            let mut i = start;
            while i < bytes.len() && depth > 0 {
                match bytes[i] {
                    b'"' => {
                        let lit_start = i + 1;
                        i += 1;
                        while i < bytes.len() && bytes[i] != b'"' {
                            if bytes[i] == b'\\' {
                                i += 1;
                            }
                            i += 1;
                        }
                        if let Some(last) = args.last_mut()
                            && last.is_none()
                        {
                            *last = Some(text[lit_start..i.min(bytes.len())].to_owned());
                        }
                    }
                    b'(' | b'[' | b'{' => depth += 1,
                    b')' | b']' | b'}' => depth -= 1,
                    b',' if depth == 1 => args.push(None),
                    _ => {}
                }
                i += 1;
            }
            if let [Some(zh), Some(en), ..] = args.as_slice() {
                let line = text[..start].lines().count();
                out.push((line, zh.clone(), en.clone()));
            }
        }
        out
    }

    #[test]
    fn pairs_are_read_from_pick_calls() {
        let src = r#"self.pick("议题", "Item"); self.pick(format!("{n} 人", n = f(a, b)), format!("{n} people"))"#;
        let pairs = pick_pairs(src);
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].1.as_str(), pairs[0].2.as_str()), ("议题", "Item"));
        assert_eq!(
            (pairs[1].1.as_str(), pairs[1].2.as_str()),
            ("{n} 人", "{n} people")
        );
    }

    #[test]
    fn the_english_catalogue_says_each_term_with_its_one_word() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
        let mut terms: Vec<Term> = GLOSSARY.to_vec();
        terms.sort_by_key(|t| std::cmp::Reverse(t.zh.len()));
        let mut checked = 0;
        let mut drift = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .expect("src/i18n is readable")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "rs"))
            .collect();
        files.sort();
        for path in files {
            let text = std::fs::read_to_string(&path).expect("an i18n file is readable");
            let catalogue = text.split("#[cfg(test)]").next().unwrap_or_default();
            for (line, zh, en) in pick_pairs(catalogue) {
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
                                "{}:{line}: {} should be \"{}\" (or {:?}) in \"{en}\"",
                                path.file_name().unwrap_or_default().to_string_lossy(),
                                t.zh,
                                t.en,
                                t.short
                            ));
                        }
                        zh = zh.replace(t.zh, "\u{0}");
                    }
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
