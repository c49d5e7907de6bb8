//! Text edits as splices, so a journal records a change to a long note without repeating the note.

use serde::{Deserialize, Serialize};

/// Replace `delete` characters at character index `start` with `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Splice {
    pub start: usize,
    pub delete: usize,
    pub insert: String,
}

impl Splice {
    /// The smallest splice that turns `old` into `new` (common prefix and suffix kept), or `None`
    /// when they are equal.
    #[must_use]
    pub fn between(old: &str, new: &str) -> Option<Splice> {
        if old == new {
            return None;
        }
        let old_chars: Vec<char> = old.chars().collect();
        let new_chars: Vec<char> = new.chars().collect();
        let prefix = old_chars
            .iter()
            .zip(&new_chars)
            .take_while(|(a, b)| a == b)
            .count();
        let max_suffix = old_chars.len().min(new_chars.len()) - prefix;
        let suffix = old_chars
            .iter()
            .rev()
            .zip(new_chars.iter().rev())
            .take(max_suffix)
            .take_while(|(a, b)| a == b)
            .count();
        Some(Splice {
            start: prefix,
            delete: old_chars.len() - prefix - suffix,
            insert: new_chars[prefix..new_chars.len() - suffix].iter().collect(),
        })
    }

    /// Apply to `text`; `None` when the splice does not fit the text.
    #[must_use]
    pub fn apply(&self, text: &str) -> Option<String> {
        let mut out = String::with_capacity(text.len() + self.insert.len());
        out.push_str(text);
        self.apply_in_place(&mut out).then_some(out)
    }

    /// Apply to `text` where it lies; `false` (and `text` unchanged) when the splice does not fit.
    /// Typing at the end of a long note costs a scan of its bytes, not a copy of it.
    pub fn apply_in_place(&self, text: &mut String) -> bool {
        let Some(from) = byte_offset(text, self.start) else {
            return false;
        };
        let Some(len) = byte_offset(&text[from..], self.delete) else {
            return false;
        };
        text.replace_range(from..from + len, &self.insert);
        true
    }
}

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(b: u8) -> bool {
    b & 0xC0 != 0x80
}

/// The byte offset of character `n` of `text` (`text.len()` when `n` is its length in
/// characters), or `None` when `text` is shorter. Whole 64-byte blocks are skipped by counting the
/// characters that start in them, which the compiler vectorizes.
fn byte_offset(text: &str, n: usize) -> Option<usize> {
    const BLOCK: usize = 64;
    let bytes = text.as_bytes();
    let mut remaining = n;
    let mut pos = 0;
    for block in bytes.chunks_exact(BLOCK) {
        // A u8 sum over a fixed block (at most 64) is what the compiler turns into SIMD.
        let starts = usize::from(block.iter().map(|b| u8::from(starts_char(*b))).sum::<u8>());
        if starts > remaining {
            break;
        }
        remaining -= starts;
        pos += BLOCK;
    }
    for (i, b) in bytes[pos..].iter().enumerate() {
        if starts_char(*b) {
            if remaining == 0 {
                return Some(pos + i);
            }
            remaining -= 1;
        }
    }
    (remaining == 0).then_some(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::Splice;
    use proptest::prelude::*;

    #[test]
    fn splice_in_chinese_text() {
        let s = Splice::between("支部党员大会", "支部全体党员大会").expect("differs");
        assert_eq!(s.start, 2);
        assert_eq!(s.delete, 0);
        assert_eq!(s.insert, "全体");
        assert_eq!(s.apply("支部党员大会").as_deref(), Some("支部全体党员大会"));
    }

    #[test]
    fn splice_out_of_range_is_refused() {
        let s = Splice {
            start: 10,
            delete: 1,
            insert: String::new(),
        };
        assert_eq!(s.apply("短"), None);
    }

    /// The plain definition: replace characters `start..start + delete`.
    fn naive(s: &Splice, text: &str) -> Option<String> {
        let chars: Vec<char> = text.chars().collect();
        let end = s.start.checked_add(s.delete)?;
        if end > chars.len() {
            return None;
        }
        let mut out: String = chars[..s.start].iter().collect();
        out.push_str(&s.insert);
        out.extend(&chars[end..]);
        Some(out)
    }

    #[test]
    fn splice_at_the_end_of_a_long_note() {
        let mut text = "党员大会".repeat(1000);
        let s = Splice {
            start: 4000,
            delete: 0,
            insert: "。".into(),
        };
        assert!(s.apply_in_place(&mut text));
        assert!(text.ends_with("大会。"));
        assert_eq!(text.chars().count(), 4001);
        let past = Splice {
            start: 4002,
            delete: 0,
            insert: "x".into(),
        };
        let before = text.clone();
        assert!(!past.apply_in_place(&mut text));
        assert_eq!(text, before);
    }

    proptest! {
        #[test]
        fn apply_matches_the_plain_definition(
            text in "[a-z党员😀é\n]{0,300}",
            start in 0usize..320,
            delete in 0usize..40,
            insert in "[a-z党😀]{0,5}",
        ) {
            let s = Splice { start, delete, insert };
            prop_assert_eq!(s.apply(&text), naive(&s, &text));
        }

        #[test]
        fn between_then_apply_round_trips(a in "[a-c党员 ]{0,12}", b in "[a-c党员 ]{0,12}") {
            match Splice::between(&a, &b) {
                None => prop_assert_eq!(&a, &b),
                Some(s) => prop_assert_eq!(s.apply(&a), Some(b.clone())),
            }
        }
    }
}
