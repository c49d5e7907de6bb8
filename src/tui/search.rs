//! Finding a member by typing: the name itself, or its pinyin initials (王建国 → wjg) or full pinyin.

use pinyin::ToPinyin;

/// What a name can be found by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKey {
    name: String,
    initials: String,
    full: String,
    /// Per syllable, the initials it may be typed with: its first letter, and for zh / ch / sh
    /// also the two letters (赵德胜 is found by `zds` and by `zhdsh`, `zdsh` …).
    syllables: Vec<Vec<String>>,
}

impl NameKey {
    #[must_use]
    pub fn new(name: &str) -> NameKey {
        let mut initials = String::new();
        let mut full = String::new();
        let mut syllables = Vec::new();
        for (c, p) in name.chars().zip(name.to_pinyin()) {
            if let Some(p) = p {
                initials.push_str(p.first_letter());
                full.push_str(p.plain());
                let mut ways = vec![p.first_letter().to_owned()];
                if let Some(two) = ["zh", "ch", "sh"]
                    .into_iter()
                    .find(|d| p.plain().starts_with(d))
                {
                    ways.push(two.to_owned());
                }
                syllables.push(ways);
            } else {
                let lower: String = c.to_lowercase().collect();
                if c.is_alphanumeric() {
                    initials.push_str(&lower);
                    syllables.push(vec![lower.clone()]);
                }
                full.push_str(&lower);
            }
        }
        NameKey {
            name: name.to_lowercase(),
            initials,
            full,
            syllables,
        }
    }

    /// The forms a search over a longer text matches by substring: the initials (城关镇 → cgz), the
    /// initials with zh / ch / sh in full (chgzh) and the full pinyin (chengguanzhen).
    #[must_use]
    pub fn typed_forms(&self) -> [String; 3] {
        let digraphs = self
            .syllables
            .iter()
            .map(|ways| ways.last().cloned().unwrap_or_default())
            .collect();
        [self.initials.clone(), digraphs, self.full.clone()]
    }

    /// Whether `q` is typed by the syllables from `from` on, each by one of its initials.
    fn initials_from(&self, q: &str, from: usize) -> bool {
        if q.is_empty() {
            return true;
        }
        let Some(ways) = self.syllables.get(from) else {
            return false;
        };
        ways.iter().any(|w| {
            q.strip_prefix(w.as_str())
                .is_some_and(|rest| self.initials_from(rest, from + 1))
        })
    }

    /// How well `query` matches: `None` for no match; lower is better.
    #[must_use]
    pub fn rank(&self, query: &str) -> Option<u8> {
        let q = query.trim().to_lowercase();
        if q.is_empty() {
            return Some(3);
        }
        if self.name.starts_with(&q) || self.initials_from(&q, 0) {
            Some(0)
        } else if self.full.starts_with(&q) {
            Some(1)
        } else if self.name.contains(&q)
            || (1..self.syllables.len()).any(|i| self.initials_from(&q, i))
            || self.full.contains(&q)
        {
            Some(2)
        } else {
            None
        }
    }
}

/// Indices of `keys` matching `query`, best first, stable within a rank.
#[must_use]
pub fn filter(keys: &[NameKey], query: &str) -> Vec<usize> {
    let mut hits: Vec<(u8, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.rank(query).map(|r| (r, i)))
        .collect();
    hits.sort_unstable();
    hits.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_by_name_initials_and_pinyin() {
        let keys: Vec<_> = ["王建国", "李秀英", "欧阳明轩", "Anna Li"]
            .iter()
            .map(|n| NameKey::new(n))
            .collect();
        assert_eq!(filter(&keys, "wjg"), vec![0]);
        // zh / ch / sh typed as one letter or two, syllable by syllable.
        let zds: Vec<_> = ["赵德胜", "张志强", "陈国华"]
            .iter()
            .map(|n| NameKey::new(n))
            .collect();
        for q in ["zds", "zdsh", "zhds", "zhdsh"] {
            assert_eq!(filter(&zds, q), vec![0], "{q}");
        }
        assert_eq!(filter(&zds, "zzq"), vec![1]);
        assert_eq!(filter(&zds, "zhzhq"), vec![1]);
        assert_eq!(filter(&zds, "chgh"), vec![2]);
        assert_eq!(filter(&zds, "zdx"), Vec::<usize>::new());
        assert_eq!(filter(&keys, "王"), vec![0]);
        assert_eq!(filter(&keys, "lixiu"), vec![1]);
        assert_eq!(filter(&keys, "oymx"), vec![2]);
        assert_eq!(filter(&keys, "秀"), vec![1]);
        assert_eq!(filter(&keys, "anna"), vec![3]);
        assert_eq!(filter(&keys, "").len(), 4);
        assert!(filter(&keys, "zzz").is_empty());
    }
}
