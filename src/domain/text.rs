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
        let byte_at = |chars: usize| -> Option<usize> {
            if chars == 0 {
                return Some(0);
            }
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .nth(chars)
        };
        let from = byte_at(self.start)?;
        let to = byte_at(self.start.checked_add(self.delete)?)?;
        let mut out = String::with_capacity(text.len() + self.insert.len());
        out.push_str(&text[..from]);
        out.push_str(&self.insert);
        out.push_str(&text[to..]);
        Some(out)
    }
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

    proptest! {
        #[test]
        fn between_then_apply_round_trips(a in "[a-c党员 ]{0,12}", b in "[a-c党员 ]{0,12}") {
            match Splice::between(&a, &b) {
                None => prop_assert_eq!(&a, &b),
                Some(s) => prop_assert_eq!(s.apply(&a), Some(b.clone())),
            }
        }
    }
}
