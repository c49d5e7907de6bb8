//! RFC 8785 (JSON Canonicalization Scheme) for documents without floating-point numbers, and the
//! SHA-256 digest of a minutes file.
//!
//! Keys are sorted by UTF-16 code units, no whitespace is written, strings are escaped as ECMAScript's
//! `JSON.stringify` does, and integers are written in full. The minutes format forbids floats, so a
//! float (or an integer beyond ±2^53, which JCS cannot represent exactly) is an error here.

use serde_json::Value;
use sha2::{Digest, Sha256};

/// Why a value cannot be canonicalized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CanonicalError {
    #[error("a floating-point number {0} (the format allows integers only)")]
    Float(String),
    #[error("the integer {0} is beyond ±2^53 and cannot be canonicalized exactly")]
    TooLarge(String),
}

pub(crate) const MAX_SAFE: u64 = (1 << 53) - 1;

/// The canonical form of `value`.
pub fn canonicalize(value: &Value) -> Result<String, CanonicalError> {
    let mut out = String::new();
    write_value(value, &mut out)?;
    Ok(out)
}

fn write_value(value: &Value, out: &mut String) -> Result<(), CanonicalError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                if u > MAX_SAFE {
                    return Err(CanonicalError::TooLarge(n.to_string()));
                }
                out.push_str(&u.to_string());
            } else if let Some(i) = n.as_i64() {
                if i.unsigned_abs() > MAX_SAFE {
                    return Err(CanonicalError::TooLarge(n.to_string()));
                }
                out.push_str(&i.to_string());
            } else {
                return Err(CanonicalError::Float(n.to_string()));
            }
        }
        Value::String(s) => write_string(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(v, out)?;
            }
            out.push(']');
        }
        Value::Object(map) => write_object(map.iter(), out)?,
    }
    Ok(())
}

/// Keys in UTF-16 code-unit order. For ASCII keys (all of the format's) that is byte order, which
/// needs no transcoding.
pub(crate) fn key_order(a: &str, b: &str) -> std::cmp::Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.as_bytes().cmp(b.as_bytes())
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

fn write_object<'a>(
    entries: impl Iterator<Item = (&'a String, &'a Value)>,
    out: &mut String,
) -> Result<(), CanonicalError> {
    let mut entries: Vec<(&String, &Value)> = entries.collect();
    entries.sort_by(|a, b| key_order(a.0, b.0));
    out.push('{');
    for (i, (k, v)) in entries.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_string(k, out);
        out.push(':');
        write_value(v, out)?;
    }
    out.push('}');
    Ok(())
}

pub(crate) fn write_string(s: &str, out: &mut String) {
    out.push('"');
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Lower-case hex of bytes.
#[must_use]
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// SHA-256 (hex) of the canonical form of `value` without its top-level `integrity` member.
pub fn digest_without_integrity(value: &Value) -> Result<String, CanonicalError> {
    let text = canonical_without_integrity(value)?;
    Ok(hex(&Sha256::digest(text.as_bytes())))
}

/// The RFC 8785 canonical text of the document without its `integrity` member: the bytes the
/// digest hashes and the signature signs (`branchday canonical FILE` prints them).
pub fn canonical_without_integrity(value: &Value) -> Result<String, CanonicalError> {
    let mut text = String::new();
    match value {
        // The top-level object without `integrity`, written in place (no copy of the document).
        Value::Object(map) => write_object(
            map.iter().filter(|(k, _)| k.as_str() != "integrity"),
            &mut text,
        )?,
        other => write_value(other, &mut text)?,
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    #[test]
    fn rfc8785_key_order_is_by_utf16_units() {
        // From RFC 8785 §3.2.3: sorting by UTF-16 code units puts U+FB33 (one unit, 0xFB33) after
        // U+1F600 (two units starting 0xD83D), unlike sorting by code points.
        let v = json!({"\u{fb33}": 1, "\u{1f600}": 2, "a": 3, "\r": 4, "1": 5});
        assert_eq!(
            canonicalize(&v).expect("canonical"),
            "{\"\\r\":4,\"1\":5,\"a\":3,\"\u{1f600}\":2,\"\u{fb33}\":1}"
        );
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        let v = json!("a\u{1}\u{1f}\"\\\n\u{7f}\u{2028}党");
        assert_eq!(
            canonicalize(&v).expect("canonical"),
            "\"a\\u0001\\u001f\\\"\\\\\\n\u{7f}\u{2028}党\""
        );
    }

    #[test]
    fn floats_and_huge_integers_are_refused() {
        assert!(matches!(
            canonicalize(&json!({"x": 1.5})),
            Err(CanonicalError::Float(_))
        ));
        assert!(matches!(
            canonicalize(&json!(9_007_199_254_740_993_u64)),
            Err(CanonicalError::TooLarge(_))
        ));
        assert_eq!(canonicalize(&json!(-42)).expect("int"), "-42");
    }

    #[test]
    fn digest_ignores_the_integrity_member_only() {
        let a = json!({"b": 1, "integrity": {"digest": "x"}});
        let b = json!({"b": 1});
        let c = json!({"b": 2});
        let da = digest_without_integrity(&a).expect("digest");
        assert_eq!(da, digest_without_integrity(&b).expect("digest"));
        assert_ne!(da, digest_without_integrity(&c).expect("digest"));
        // sha256 of "{"b":1}"
        assert_eq!(
            digest_without_integrity(&b).expect("digest"),
            hex(&Sha256::digest(b"{\"b\":1}"))
        );
    }

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            (-1000i64..1000).prop_map(|n| json!(n)),
            "[a-z党员\\n\"]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec(("[a-zA-Z党]{1,4}", inner), 0..4)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn digest_is_stable_under_key_order_and_whitespace(v in arb_json()) {
            let canon = canonicalize(&v).expect("no floats generated");
            // Re-serialize with pretty printing and reversed key insertion order, then parse again.
            let pretty = serde_json::to_string_pretty(&v).expect("serializes");
            let reparsed: Value = serde_json::from_str(&pretty).expect("parses");
            prop_assert_eq!(&canonicalize(&reparsed).expect("canonical"), &canon);
            fn reverse(v: &Value) -> Value {
                match v {
                    Value::Object(m) => Value::Object(
                        m.iter().rev().map(|(k, v)| (k.clone(), reverse(v))).collect(),
                    ),
                    Value::Array(a) => Value::Array(a.iter().map(reverse).collect()),
                    other => other.clone(),
                }
            }
            prop_assert_eq!(canonicalize(&reverse(&v)).expect("canonical"), canon.clone());
            // The canonical text is itself JSON that means the same thing.
            let back: Value = serde_json::from_str(&canon).expect("canonical form parses");
            prop_assert_eq!(back, v);
        }
    }
}
