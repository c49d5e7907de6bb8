//! The keyring: an OpenSSH `allowed_signers` file (ssh-keygen(1), "ALLOWED SIGNERS"), read as
//! `ssh-keygen -Y verify` reads it, so one file serves branchday and OpenSSH alike.
//!
//! A line is `principals [options] keytype base64 [comment]`. Principals are a comma-separated list
//! of patterns (`*` and `?` match, a leading `!` excludes); options are `namespaces="…"`,
//! `valid-after="…"` and `valid-before="…"` (`YYYYMMDD[HHMM[SS]]`, UTC with a trailing `Z`, the
//! machine's local time without). `cert-authority` lines are refused: branchday signs with plain keys.
//! Blank lines and `#` comments are skipped. A line that cannot be read is an error naming the file and
//! the line — never a line silently ignored, which would make a trusted key look unknown.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use ssh_key::PublicKey;

/// What is wrong with one line of an `allowed_signers` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineProblem {
    /// The line has principals but no key after them.
    NoKey,
    /// The key (type and base64) does not read as an OpenSSH public key.
    BadKey(String),
    /// An option branchday does not know (or `cert-authority`).
    UnknownOption(String),
    /// A `valid-after` / `valid-before` time that is not `YYYYMMDD[HHMM[SS]][Z]`.
    BadTime(String),
    /// A quote opened and never closed.
    Unterminated,
}

/// A line of the keyring that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyringError {
    pub line: usize,
    pub problem: LineProblem,
}

/// One key and whom it may sign for.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The line in the file, for messages.
    pub line: usize,
    principals: Vec<String>,
    namespaces: Option<Vec<String>>,
    pub valid_after: Option<DateTime<FixedOffset>>,
    pub valid_before: Option<DateTime<FixedOffset>>,
    pub key: PublicKey,
}

/// Whether a key may sign a branch's minutes at a given time, by the keyring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Standing {
    /// Listed for this branch and namespace, and valid at that time.
    Trusted,
    /// Listed for this branch, but not valid at that time (the line of the nearest entry).
    OutsideValidity { line: usize },
    /// Not listed for this branch in this namespace.
    NotListed,
}

/// The keys an organisation trusts, per branch code.
#[derive(Debug, Clone, Default)]
pub struct Keyring {
    entries: Vec<Entry>,
}

impl Keyring {
    /// Read an `allowed_signers` file's text. Every line must read; the first that does not is the error.
    pub fn parse(text: &str) -> Result<Keyring, KeyringError> {
        let mut entries = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            entries
                .push(parse_line(trimmed, line).map_err(|problem| KeyringError { line, problem })?);
        }
        Ok(Keyring { entries })
    }

    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How `key` stands for `principal` (a branch code) in `namespace` at `at`.
    #[must_use]
    pub fn standing(
        &self,
        principal: &str,
        namespace: &str,
        key: &PublicKey,
        at: DateTime<FixedOffset>,
    ) -> Standing {
        let mut outside = None;
        for e in &self.entries {
            if e.key.key_data() != key.key_data()
                || !matches_list(&e.principals, principal)
                || !e
                    .namespaces
                    .as_ref()
                    .is_none_or(|ns| matches_list(ns, namespace))
            {
                continue;
            }
            let after_ok = e.valid_after.is_none_or(|t| at >= t);
            let before_ok = e.valid_before.is_none_or(|t| at < t);
            if after_ok && before_ok {
                return Standing::Trusted;
            }
            outside.get_or_insert(e.line);
        }
        match outside {
            Some(line) => Standing::OutsideValidity { line },
            None => Standing::NotListed,
        }
    }
}

/// Split a line into tokens at unquoted spaces; quotes stay in the token (options need them).
fn tokens(line: &str) -> Result<Vec<&str>, LineProblem> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            c if c.is_whitespace() && !quoted => {
                if let Some(s) = start.take() {
                    out.push(&line[s..i]);
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if quoted {
        return Err(LineProblem::Unterminated);
    }
    if let Some(s) = start {
        out.push(&line[s..]);
    }
    Ok(out)
}

fn is_key_type(t: &str) -> bool {
    t.starts_with("ssh-") || t.starts_with("ecdsa-") || t.starts_with("sk-")
}

fn parse_line(line: &str, number: usize) -> Result<Entry, LineProblem> {
    let toks = tokens(line)?;
    let mut it = toks.into_iter().peekable();
    let principals = split_list(&unquote(it.next().ok_or(LineProblem::NoKey)?));
    let mut namespaces = None;
    let mut valid_after = None;
    let mut valid_before = None;
    if let Some(t) = it.peek()
        && !is_key_type(t)
    {
        let options = it.next().unwrap_or_default();
        for opt in split_options(options)? {
            let (name, value) = match opt.split_once('=') {
                Some((n, v)) => (n.to_ascii_lowercase(), Some(unquote(v))),
                None => (opt.to_ascii_lowercase(), None),
            };
            match (name.as_str(), value) {
                ("namespaces", Some(v)) => namespaces = Some(split_list(&v)),
                ("valid-after", Some(v)) => valid_after = Some(parse_time(&v)?),
                ("valid-before", Some(v)) => valid_before = Some(parse_time(&v)?),
                _ => return Err(LineProblem::UnknownOption(opt.to_owned())),
            }
        }
    }
    let kind = it.next().ok_or(LineProblem::NoKey)?;
    let data = it.next().ok_or(LineProblem::NoKey)?;
    let key = PublicKey::from_openssh(&format!("{kind} {data}"))
        .map_err(|e| LineProblem::BadKey(e.to_string()))?;
    Ok(Entry {
        line: number,
        principals,
        namespaces,
        valid_after,
        valid_before,
        key,
    })
}

fn unquote(s: &str) -> String {
    s.strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(s)
        .to_owned()
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Options are comma-separated; a comma inside quotes belongs to the value.
fn split_options(s: &str) -> Result<Vec<&str>, LineProblem> {
    let mut out = Vec::new();
    let mut quoted = false;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                out.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if quoted {
        return Err(LineProblem::Unterminated);
    }
    out.push(&s[start..]);
    Ok(out.into_iter().filter(|o| !o.is_empty()).collect())
}

/// `YYYYMMDD[HHMM[SS]]`, with a trailing `Z` for UTC; otherwise the machine's local time, as
/// ssh-keygen reads it.
fn parse_time(s: &str) -> Result<DateTime<FixedOffset>, LineProblem> {
    let bad = || LineProblem::BadTime(s.to_owned());
    let (digits, utc) = match s.strip_suffix(['Z', 'z']) {
        Some(d) => (d, true),
        None => (s, false),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let num = |r: std::ops::Range<usize>| digits[r].parse::<u32>().map_err(|_| bad());
    let date = match digits.len() {
        8 | 12 | 14 => NaiveDate::from_ymd_opt(
            i32::try_from(num(0..4)?).map_err(|_| bad())?,
            num(4..6)?,
            num(6..8)?,
        )
        .ok_or_else(bad)?,
        _ => return Err(bad()),
    };
    let (h, m, sec) = match digits.len() {
        12 => (num(8..10)?, num(10..12)?, 0),
        14 => (num(8..10)?, num(10..12)?, num(12..14)?),
        _ => (0, 0, 0),
    };
    let naive: NaiveDateTime = date.and_hms_opt(h, m, sec).ok_or_else(bad)?;
    if utc {
        Ok(Utc.from_utc_datetime(&naive).fixed_offset())
    } else {
        Local
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.fixed_offset())
            .ok_or_else(bad)
    }
}

/// OpenSSH's pattern lists: any positive match admits, any negated (`!`) match refuses.
fn matches_list(patterns: &[String], name: &str) -> bool {
    let mut matched = false;
    for p in patterns {
        if let Some(neg) = p.strip_prefix('!') {
            if glob(neg, name) {
                return false;
            }
        } else if glob(p, name) {
            matched = true;
        }
    }
    matched
}

/// `*` any run of characters, `?` any one character.
fn glob(pattern: &str, name: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let n: Vec<char> = name.chars().collect();
    let (mut pi, mut ni) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ni));
            pi += 1;
        } else if let Some((sp, sn)) = star {
            pi = sp + 1;
            ni = sn + 1;
            star = Some((sp, sn + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOrl5Ze0yfmJm3tRMgxCqv3nM04UcBi1hEo1dN0uYGKJ";
    const OTHER: &str =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHyNRUgmwlVu+wGgjB2QzaIhzrHFHbGyFUvLdcq3gyZ+";

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).expect("time")
    }

    fn key(s: &str) -> PublicKey {
        PublicKey::from_openssh(s).expect("key")
    }

    #[test]
    fn a_plain_line_trusts_its_key_for_its_branch_only() {
        let ring =
            Keyring::parse(&format!("# county keyring\n\nB-001 {KEY} 柳河村\n")).expect("parse");
        let t = at("2026-11-26T19:00:00+08:00");
        assert_eq!(ring.entries().len(), 1);
        assert_eq!(
            ring.standing("B-001", "branchday-minutes", &key(KEY), t),
            Standing::Trusted
        );
        assert_eq!(
            ring.standing("B-002", "branchday-minutes", &key(KEY), t),
            Standing::NotListed
        );
        assert_eq!(
            ring.standing("B-001", "branchday-minutes", &key(OTHER), t),
            Standing::NotListed
        );
    }

    #[test]
    fn namespaces_and_validity_windows_are_honoured() {
        let text = format!(
            "B-001 namespaces=\"branchday-minutes\",valid-before=\"20260701Z\" {KEY}\n\
             B-001 namespaces=\"branchday-minutes,file\",valid-after=\"20260701Z\" {OTHER}\n"
        );
        let ring = Keyring::parse(&text).expect("parse");
        let ns = "branchday-minutes";
        // The old key signed before the laptop was lost; the new one after.
        assert_eq!(
            ring.standing("B-001", ns, &key(KEY), at("2026-06-30T23:59:59Z")),
            Standing::Trusted
        );
        assert_eq!(
            ring.standing("B-001", ns, &key(KEY), at("2026-07-01T00:00:00Z")),
            Standing::OutsideValidity { line: 1 }
        );
        // valid-after admits its own instant (the same instant written at +08:00).
        assert_eq!(
            ring.standing("B-001", ns, &key(OTHER), at("2026-07-01T07:59:59+08:00")),
            Standing::OutsideValidity { line: 2 }
        );
        assert_eq!(
            ring.standing("B-001", ns, &key(OTHER), at("2026-07-01T08:00:00+08:00")),
            Standing::Trusted
        );
        assert_eq!(
            ring.standing("B-001", "git", &key(KEY), at("2026-01-01T00:00:00Z")),
            Standing::NotListed
        );
    }

    #[test]
    fn principal_patterns_match_as_openssh_does() {
        let ring = Keyring::parse(&format!("\"B-0*,!B-009\" {KEY}")).expect("parse");
        let t = at("2026-01-01T00:00:00Z");
        let ns = "branchday-minutes";
        assert_eq!(ring.standing("B-001", ns, &key(KEY), t), Standing::Trusted);
        assert_eq!(
            ring.standing("B-009", ns, &key(KEY), t),
            Standing::NotListed
        );
        assert_eq!(
            ring.standing("C-001", ns, &key(KEY), t),
            Standing::NotListed
        );
        assert!(glob("B-00?", "B-001") && !glob("B-00?", "B-0011") && glob("*", ""));
    }

    #[test]
    fn every_bad_line_is_an_error_with_its_number() {
        let cases = [
            ("B-001\n", LineProblem::NoKey),
            ("B-001 ssh-ed25519\n", LineProblem::NoKey),
            (
                "B-001 ssh-ed25519 AAAAnotbase64!!\n",
                LineProblem::BadKey(String::new()),
            ),
            (
                &*format!("B-001 cert-authority {KEY}\n"),
                LineProblem::UnknownOption("cert-authority".into()),
            ),
            (
                &*format!("B-001 valid-after=\"2026-07-01\" {KEY}\n"),
                LineProblem::BadTime("2026-07-01".into()),
            ),
            (
                &*format!("B-001 valid-after=\"20261340Z\" {KEY}\n"),
                LineProblem::BadTime("20261340Z".into()),
            ),
            (
                &*format!("B-001 namespaces=\"x {KEY}\n"),
                LineProblem::Unterminated,
            ),
        ];
        for (text, want) in cases {
            let err = Keyring::parse(&format!("# ok\n{text}")).expect_err(text);
            assert_eq!(err.line, 2, "{text}");
            match (&err.problem, &want) {
                (LineProblem::BadKey(_), LineProblem::BadKey(_)) => {}
                (got, want) => assert_eq!(got, want, "{text}"),
            }
        }
    }
}
