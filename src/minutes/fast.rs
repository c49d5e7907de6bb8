//! The one parse of a minutes file of the v1 shape, without building a `serde_json::Value`.
//!
//! [`check`] parses the bytes once into a light tree that borrows the file's strings; the RFC 8785
//! digest is computed from the tree with the same string writer and key order as
//! [`super::canonical`], and the typed [`Minutes`] are read from the same tree; the integrity and
//! rule checks are the full check's own. It answers `None` for anything unusual (not UTF-8, a
//! syntax error, a float, an integer beyond ±2^53, a duplicate key, not an object, a field that
//! does not fit, another format or version), and [`super::check::check_bytes`] then runs the full
//! check, which says where and why. Duplicate keys never reach the digest: the typed parse rejects
//! a duplicate field, and every object of the format is a typed struct.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::value::{MapDeserializer, SeqDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::canonical::{MAX_SAFE, key_order, write_string};
use super::check::{Checked, judge};
use super::{FORMAT, MAX_BYTES, Minutes, VERSIONS};

/// A JSON value borrowing its strings from the input where they have no escapes.
enum Node<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Str(Cow<'a, str>),
    Arr(Vec<Node<'a>>),
    Obj(Vec<(Cow<'a, str>, Node<'a>)>),
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value without floating-point numbers")
    }
    fn visit_unit<E>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E>(self, b: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(b))
    }
    fn visit_u64<E>(self, n: u64) -> Result<Node<'de>, E> {
        Ok(Node::Int(i128::from(n)))
    }
    fn visit_i64<E>(self, n: i64) -> Result<Node<'de>, E> {
        Ok(Node::Int(i128::from(n)))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node<'de>, E> {
        Err(E::custom("float"))
    }
    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E>(self, s: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(s.to_owned())))
    }
    fn visit_string<E>(self, s: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(s)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(x) = seq.next_element_seed(NodeSeed)? {
            v.push(x);
        }
        Ok(Node::Arr(v))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut v = Vec::new();
        while let Some(k) = map.next_key_seed(KeySeed)? {
            v.push((k, map.next_value_seed(NodeSeed)?));
        }
        Ok(Node::Obj(v))
    }
}

struct NodeSeed;

impl<'de> de::DeserializeSeed<'de> for NodeSeed {
    type Value = Node<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node<'de>, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct KeySeed;

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        struct K;
        impl<'de> Visitor<'de> for K {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Owned(s.to_owned()))
            }
            fn visit_string<E>(self, s: String) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Owned(s))
            }
        }
        d.deserialize_str(K)
    }
}

/// Write the canonical form; `None` for an integer beyond ±2^53.
fn write(node: &Node<'_>, out: &mut String) -> Option<()> {
    match node {
        Node::Null => out.push_str("null"),
        Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Node::Int(n) => {
            if n.unsigned_abs() > u128::from(MAX_SAFE) {
                return None;
            }
            out.push_str(&n.to_string());
        }
        Node::Str(s) => write_string(s, out),
        Node::Arr(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(v, out)?;
            }
            out.push(']');
        }
        Node::Obj(entries) => write_object(entries.iter(), out)?,
    }
    Some(())
}

fn write_object<'n, 'a: 'n>(
    entries: impl Iterator<Item = &'n (Cow<'a, str>, Node<'a>)>,
    out: &mut String,
) -> Option<()> {
    let mut entries: Vec<&(Cow<'_, str>, Node<'_>)> = entries.collect();
    entries.sort_by(|a, b| key_order(&a.0, &b.0));
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(k, out);
        out.push(':');
        write(v, out)?;
    }
    out.push('}');
    Some(())
}

/// Parse the whole text into a tree (`None` for anything the fast path leaves to the full check).
fn parse(text: &str) -> Option<Node<'_>> {
    let mut de = serde_json::Deserializer::from_str(text);
    let node = de::DeserializeSeed::deserialize(NodeSeed, &mut de).ok()?;
    de.end().ok()?;
    Some(node)
}

/// The RFC 8785 canonical text of the document without its top-level `integrity` member.
fn canonical(node: &Node<'_>, size_hint: usize) -> Option<String> {
    let mut out = String::with_capacity(size_hint);
    match node {
        Node::Obj(entries) => {
            write_object(entries.iter().filter(|(k, _)| k != "integrity"), &mut out)?;
        }
        other => write(other, &mut out)?,
    }
    Some(out)
}

/// The tree as a serde deserializer, so the typed minutes are read from it without parsing the
/// text a second time.
impl<'de> Deserializer<'de> for Node<'de> {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        match self {
            Node::Null => v.visit_unit(),
            Node::Bool(b) => v.visit_bool(b),
            Node::Int(n) => match (u64::try_from(n), i64::try_from(n)) {
                (Ok(u), _) => v.visit_u64(u),
                (_, Ok(i)) => v.visit_i64(i),
                _ => Err(de::Error::custom("integer out of range")),
            },
            Node::Str(Cow::Borrowed(s)) => v.visit_borrowed_str(s),
            Node::Str(Cow::Owned(s)) => v.visit_string(s),
            Node::Arr(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = v.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Node::Obj(entries) => {
                let mut map = MapDeserializer::new(entries.into_iter());
                let value = v.visit_map(&mut map)?;
                map.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        match self {
            Node::Null => v.visit_none(),
            other => v.visit_some(other),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Self::Error> {
        match self {
            Node::Str(s) => v.visit_enum(s.into_deserializer()),
            _ => Err(de::Error::custom(
                "only unit variants are read by the fast path",
            )),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, Self::Error> {
        v.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, serde_json::Error> for Node<'de> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// The check of a file of the v1 shape from one parse: `Some` with exactly what the full check
/// ([`super::check::check_full`]) finds (digest mismatch, integrity member and rule findings
/// included) when the bytes are one JSON object without floats or integers beyond ±2^53 that
/// reads as typed v1 minutes; `None` for anything else, which the full check explains.
pub(super) fn check(bytes: &[u8]) -> Option<Checked> {
    if bytes.len() as u64 > MAX_BYTES {
        return None;
    }
    let text = std::str::from_utf8(bytes).ok()?;
    let node = parse(text)?;
    // The full check reads only an object as minutes (serde would also take an array).
    if !matches!(node, Node::Obj(_)) {
        return None;
    }
    let canonical = canonical(&node, text.len())?;
    let minutes = Minutes::deserialize(node).ok()?;
    if minutes.format != FORMAT || !VERSIONS.contains(&minutes.version) {
        return None;
    }
    Some(judge(minutes, Ok(canonical)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::minutes::canonical::{digest_without_integrity, hex};
    use crate::minutes::check::{check_bytes, check_full};
    use sha2::{Digest, Sha256};

    fn digest_of(text: &str) -> Option<String> {
        parse(text)
            .and_then(|n| canonical(&n, text.len()))
            .map(|c| hex(&Sha256::digest(c.as_bytes())))
    }

    fn same_digest(text: &str) {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(digest_of(text), digest_without_integrity(&v).ok(), "{text}");
    }

    #[test]
    fn digest_matches_the_reference_canonicalizer() {
        same_digest(
            r#"{"b":1,"a":[true,false,null],"integrity":{"x":1},"é":"\u00e9\n\"\\\u0001","\ud83d\ude00":"😀","":-7}"#,
        );
        same_digest(
            r#"{"z":{"y":{"x":[]}},"a":9007199254740991,"m":-9007199254740991,"s":"tab\there"}"#,
        );
        same_digest(r#"[1,"two",{"b":2,"a":1}]"#);
        same_digest(r#""just a string""#);
        // Keys ordered by UTF-16 code units, not code points.
        same_digest(r#"{"\ue000":1,"\ud800\udc00":2,"a":3}"#);
    }

    /// The one-parse check, when it answers, says exactly what the full check says.
    fn agrees(bytes: &[u8]) -> Option<Checked> {
        let fast = check(bytes)?;
        let full = check_full(bytes);
        assert!(fast.minutes == full.minutes, "same minutes");
        assert_eq!(fast.findings, full.findings);
        assert_eq!(fast.computed_digest, full.computed_digest);
        Some(fast)
    }

    #[test]
    fn unusual_input_is_left_to_the_full_check() {
        assert_eq!(digest_of(r#"{"a":1.5}"#), None);
        assert_eq!(digest_of(r#"{"a":9007199254740992}"#), None);
        assert_eq!(digest_of(r#"{"a":1} trailing"#), None);
        assert!(check(b"{ not json").is_none());
        assert!(check(b"\xff\xfe").is_none());
        assert!(check(b"[]").is_none());
        assert!(!check_bytes(b"[]").is_valid());
    }

    #[test]
    fn agrees_with_the_full_check_on_generated_and_altered_files() {
        let spec = crate::corpus::CorpusSpec::new(60, 3);
        for (i, m) in crate::corpus::generate(&spec).enumerate() {
            let (bytes, digest) = crate::minutes::to_bytes(&m).unwrap();
            let fast = agrees(&bytes).expect("a valid file is read in one parse");
            assert!(
                fast.is_valid(),
                "{:?}",
                fast.findings
                    .iter()
                    .filter(|f| f.severity == crate::minutes::Severity::Error)
                    .collect::<Vec<_>>()
            );
            assert_eq!(fast.computed_digest, Some(digest.clone()));
            // Compact (not pretty) bytes of the same document: same digest.
            let compact =
                serde_json::to_vec(&serde_json::from_slice::<serde_json::Value>(&bytes).unwrap())
                    .unwrap();
            assert_eq!(
                agrees(&compact).and_then(|c| c.computed_digest),
                Some(digest)
            );
            // An altered file is read in one parse too, and found tampered.
            let text = String::from_utf8(bytes.clone()).unwrap();
            let altered = text.replacen(&m.place, &format!("{}x", m.place), 1);
            let tampered = agrees(altered.as_bytes()).expect("one parse");
            assert!(tampered.is_tampered() && !tampered.is_valid());
            // A rule broken in an otherwise well-formed file: the same findings either way.
            let broken = text.replacen("\"counted\": true", "\"counted\": false", 1);
            if let Some(c) = agrees(broken.as_bytes()) {
                assert!(!c.is_valid());
            }
            // A duplicated key is left to the full check.
            if i % 10 == 0 {
                let dup = text.replacen('{', "{\"place\": \"别处\",", 1);
                assert!(check(dup.as_bytes()).is_none());
                assert!(!check_bytes(dup.as_bytes()).is_valid());
            }
            // Another format or version is left to the full check, which names it.
            let other = text.replacen("\"version\": 2", "\"version\": 3", 1);
            assert!(check(other.as_bytes()).is_none());
            assert!(!check_bytes(other.as_bytes()).is_valid());
        }
    }

    #[test]
    fn agrees_with_the_full_check_on_every_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut answered = 0;
        for dir in ["valid", "invalid", "fuzz/minutes"] {
            let mut files: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            for f in files {
                let bytes = std::fs::read(&f).unwrap();
                answered += usize::from(agrees(&bytes).is_some());
                assert_eq!(
                    check_bytes(&bytes).findings,
                    check_full(&bytes).findings,
                    "{}",
                    f.display()
                );
            }
        }
        assert!(answered > 0);
    }
}
