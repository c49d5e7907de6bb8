//! Every user-facing string lives in `src/i18n`: no string literal with a Han character is left in
//! the program's source outside it, except in the files listed below, which hold data rather than
//! messages. Test code (`#[cfg(test)]` items, `tests.rs`, `*_tests.rs`, `tests/` folders) is not
//! scanned.

use std::path::{Path, PathBuf};

/// Files (or folders, ending in `/`) whose Han literals are data, each with the reason.
const ALLOWED: &[(&str, &str)] = &[
    (
        "src/demo.rs",
        "the demo branch's members, places and meetings",
    ),
    (
        "src/corpus/",
        "the synthetic corpus generator's word lists and names",
    ),
    (
        "src/roster_import/fields.rs",
        "the column headers a branch's roster spreadsheet may use",
    ),
    (
        "src/domain/agenda.rs",
        "the built-in agenda templates, whose stage names are written into the record",
    ),
    (
        "src/domain/rules.rs",
        "rule citations (细则 第二十条 …) as the regulations name them, recorded in the minutes",
    ),
    (
        "src/typed.rs",
        "the 年 月 日 of dates written in Chinese, read as input, never shown",
    ),
    (
        "src/cli.rs",
        "the bilingual `about` line of --help, printed before a language is chosen",
    ),
];

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The 1-based lines of string literals that contain a Han character, outside comments and
/// outside `#[cfg(test)]` items.
fn han_literals(text: &str) -> Vec<usize> {
    let c: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Brace depth at which a `#[cfg(test)]` item began, while skipping it.
    let mut depth = 0usize;
    let mut skip_from: Option<usize> = None;
    let mut pending_test_item = false;
    let at = |i: usize, s: &str| s.chars().enumerate().all(|(k, x)| c.get(i + k) == Some(&x));
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if at(i, "//") {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if at(i, "/*") {
            let mut nest = 0;
            while i < c.len() {
                if at(i, "/*") {
                    nest += 1;
                    i += 2;
                } else if at(i, "*/") {
                    nest -= 1;
                    i += 2;
                    if nest == 0 {
                        break;
                    }
                } else {
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
            }
        } else if at(i, "#[cfg(test)]") {
            pending_test_item = true;
            i += "#[cfg(test)]".len();
        } else if ch == '"' || ((ch == 'r' || at(i, "br")) && is_raw_start(&c, i)) {
            let start_line = line;
            let mut han = false;
            if ch == '"' {
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                    }
                    if let Some(&x) = c.get(i) {
                        han |= is_han(x);
                        if x == '\n' {
                            line += 1;
                        }
                    }
                    i += 1;
                }
                i += 1;
            } else {
                i += if ch == 'b' { 2 } else { 1 };
                let mut hashes = 0;
                while c.get(i) == Some(&'#') {
                    hashes += 1;
                    i += 1;
                }
                i += 1; // the opening quote
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                while i < c.len() && !at(i, &close) {
                    han |= is_han(c[i]);
                    if c[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += close.chars().count();
            }
            if han && skip_from.is_none() {
                out.push(start_line);
            }
        } else if ch == '\'' {
            // A char literal ('x', '\n', '\u{4e00}') or a lifetime ('a).
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if c.get(i + 2) == Some(&'\'') {
                if is_han(c[i + 1]) && skip_from.is_none() {
                    out.push(line);
                }
                i += 3;
            } else {
                i += 1;
            }
        } else {
            if ch.is_alphanumeric() || ch == '_' {
                // Skip the rest of an identifier so `r` or `br` inside one is not a raw string.
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    i += 1;
                }
                continue;
            }
            match ch {
                '{' => {
                    if pending_test_item && skip_from.is_none() {
                        skip_from = Some(depth);
                    }
                    pending_test_item = false;
                    depth += 1;
                }
                '}' => {
                    depth = depth.saturating_sub(1);
                    if skip_from == Some(depth) {
                        skip_from = None;
                    }
                }
                ';' if pending_test_item && skip_from.is_none() => pending_test_item = false,
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// `r"`, `r#"`, `br"`, `br#"` at `i`.
fn is_raw_start(c: &[char], i: usize) -> bool {
    let mut j = i + if c[i] == 'b' { 2 } else { 1 };
    while c.get(j) == Some(&'#') {
        j += 1;
    }
    c.get(j) == Some(&'"')
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let name = e.file_name().to_string_lossy().into_owned();
        if p.is_dir() {
            if name != "tests" {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|x| x == "rs")
            && name != "tests.rs"
            && !name.ends_with("_tests.rs")
        {
            out.push(p);
        }
    }
}

fn relative(root: &Path, p: &Path) -> String {
    p.strip_prefix(root)
        .unwrap_or(p)
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn the_scanner_finds_literals_and_skips_comments_and_test_code() {
    let src = "// 注释 \"议题\"\nlet a = \"议题\";\n/* \"块\" */ let b = r#\"原始\"#;\nlet c = '党'; fn f<'a>(x: &'a str) {}\nlet d = \"plain\";\n#[cfg(test)]\nmod tests {\n    const X: &str = \"测试\";\n}\nlet e = \"末尾\";\n";
    assert_eq!(han_literals(src), vec![2, 3, 4, 10]);
}

#[test]
fn no_han_literal_is_left_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut allowed_used = vec![false; ALLOWED.len()];
    for p in &files {
        let rel = relative(root, p);
        if rel.starts_with("src/i18n/") {
            continue;
        }
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let lines = han_literals(&text);
        if lines.is_empty() {
            continue;
        }
        let allow = ALLOWED.iter().position(|(path, _)| {
            if path.ends_with('/') {
                rel.starts_with(path)
            } else {
                rel == *path
            }
        });
        match allow {
            Some(k) => allowed_used[k] = true,
            None => found.extend(lines.iter().map(|l| format!("{rel}:{l}"))),
        }
    }
    assert!(files.len() > 50, "src was not read ({} files)", files.len());
    assert!(
        found.is_empty(),
        "string literals with Han characters outside src/i18n (move them into the catalogue):\n{}",
        found.join("\n")
    );
    let stale: Vec<&str> = ALLOWED
        .iter()
        .zip(&allowed_used)
        .filter(|(_, used)| !**used)
        .map(|((path, _), _)| *path)
        .collect();
    assert!(
        stale.is_empty(),
        "allowed files with no Han literal left, drop them: {stale:?}"
    );
}
