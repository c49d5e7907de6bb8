//! Neutralising untrusted text before it reaches a terminal or a text export.
//!
//! C0 and C1 control characters (which start ANSI escape sequences), DEL, and the Unicode bidi
//! controls that can reorder what a reader sees are replaced by U+FFFD. Line breaks and tabs are kept
//! only where the caller asks for multi-line text.

use std::borrow::Cow;

fn is_hostile(c: char) -> bool {
    let u = u32::from(c);
    u < 0x20
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069)
}

/// One-line text: every control character, line break included, becomes U+FFFD.
pub fn line(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_hostile) {
        Cow::Owned(
            s.chars()
                .map(|c| if is_hostile(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Multi-line text: `\n` and `\t` are kept (and `\r\n` becomes `\n`); other controls become U+FFFD.
#[must_use]
pub fn text(s: &str) -> Cow<'_, str> {
    let bad = |c: char| is_hostile(c) && c != '\n' && c != '\t';
    if s.chars().any(bad) {
        Cow::Owned(
            s.replace("\r\n", "\n")
                .chars()
                .map(|c| if bad(c) { '\u{fffd}' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// A path for display: lossy UTF-8, then neutralised as one line.
#[must_use]
pub fn path(p: &std::path::Path) -> String {
    line(&p.to_string_lossy()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_bidi_are_neutralised() {
        assert_eq!(line("a\u{1b}[31mb"), "a\u{fffd}[31mb");
        assert_eq!(line("x\u{9b}1m"), "x\u{fffd}1m");
        assert_eq!(line("名\u{202e}字"), "名\u{fffd}字");
        assert_eq!(line("张三\n李四"), "张三\u{fffd}李四");
        assert_eq!(text("张三\r\n李四\t\u{7}"), "张三\n李四\t\u{fffd}");
        assert!(matches!(line("王五"), Cow::Borrowed(_)));
    }
}
