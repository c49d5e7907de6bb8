//! Shared helpers for tests that feed the binary hostile input. Use from a test file with
//! `mod support;`.
//!
//! - [`hostile_inputs`] writes the table of hostile files into a folder;
//! - [`run`] runs `branchday` with a deadline (a hang fails the test instead of stalling it);
//! - [`assert_terminal_safe`] checks that output carries no escape sequence, C1 control or bidi
//!   override, and no panic.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use serde_json::{Value, json};

/// Longest a single run may take before it counts as a hang. Generous: the machine may be busy.
pub const DEADLINE: Duration = Duration::from_secs(120);

/// One hostile input file.
#[derive(Debug, Clone)]
pub struct Hostile {
    /// What the case is, for failure messages.
    pub case: &'static str,
    pub path: PathBuf,
    /// How many findings `validate` reports for it.
    pub findings: usize,
}

/// The path of the repository's fixture `name` (e.g. `valid/themed_day.json`).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

fn valid_doc() -> Value {
    let bytes = std::fs::read(fixture("valid/themed_day.json")).expect("fixture");
    serde_json::from_slice(&bytes).expect("fixture is JSON")
}

/// A valid fixture with one change, as pretty JSON text.
pub fn changed(change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut doc = valid_doc();
    change(&mut doc);
    serde_json::to_vec_pretty(&doc).expect("serializes")
}

/// Text carrying a terminal escape, a C1 control (8-bit CSI), a bidi override and an OSC title
/// sequence.
pub const NASTY: &str = "\u{1b}[31m红\u{9b}2J\u{202e}txt.exe\u{1b}]0;pwned\u{7}";

/// Write every hostile case into `dir`.
pub fn hostile_inputs(dir: &Path) -> Vec<Hostile> {
    let mut out = Vec::new();
    let mut add = |case: &'static str, name: &str, bytes: &[u8], findings: usize| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).expect("write hostile file");
        out.push(Hostile {
            case,
            path,
            findings,
        });
    };
    let valid = std::fs::read(fixture("valid/themed_day.json")).expect("fixture");
    let cut = valid[..valid.len() / 2]
        .iter()
        .rposition(|b| *b == b'\n')
        .expect("a line");

    add("empty file", "empty.json", b"", 1);
    add("truncated JSON", "truncated.json", &valid[..cut], 1);
    add(
        "not UTF-8",
        "latin1.json",
        b"{\"title\": \"\xd6\xa7\xb2\xbf \xff\xfe\"}",
        1,
    );
    let mut nested = "[".repeat(100_000);
    nested.push_str(&"]".repeat(100_000));
    add("100 000 nested arrays", "nested.json", nested.as_bytes(), 1);
    add(
        "string for an integer",
        "string_count.json",
        &changed(|d| d["counts"]["present_total"] = json!("22")),
        1,
    );
    // A float is the wrong type: one finding naming the field.
    add(
        "float count",
        "float_count.json",
        &changed(|d| d["counts"]["present_total"] = json!(21.0)),
        1,
    );
    let huge = String::from_utf8(changed(|d| d["counts"]["present_total"] = json!(1)))
        .expect("utf8")
        .replacen(
            "\"present_total\": 1",
            "\"present_total\": 123456789012345678901234567890",
            1,
        );
    add("huge integer", "huge_integer.json", huge.as_bytes(), 1);
    add("array at the top", "array.json", b"[1, 2, 3]", 1);
    add(
        "NUL bytes",
        "nul.json",
        b"{\"format\": \"branchday.minutes\0\", \"version\": 1}",
        1,
    );
    add("NUL outside strings", "nul2.json", b"{\0\"format\": 1}", 1);
    add(
        "escapes in the format",
        "esc_format.json",
        &changed(|d| d["format"] = json!(NASTY)),
        1,
    );
    add(
        "escapes in an enum value",
        "esc_kind.json",
        &changed(|d| d["kind"] = json!(NASTY)),
        1,
    );
    add(
        "escapes in a field name",
        "esc_field.json",
        &changed(|d| d[NASTY] = json!(1)),
        1,
    );
    add(
        "escapes in a member id reported as a duplicate",
        "esc_member.json",
        &duplicated_member(),
        1,
    );
    add(
        "escapes in the file name",
        &format!("name{NASTY}.json"),
        b"{}",
        1,
    );
    let mut big = vec![b' '; 17 * 1024 * 1024];
    big.extend_from_slice(b"{}");
    add("17 MiB file", "big.json", &big, 1);
    out
}

/// A file whose only error is a duplicate member whose id carries escapes (digest recomputed).
fn duplicated_member() -> Vec<u8> {
    let mut doc = valid_doc();
    let list = doc["attendance"].as_array_mut().expect("attendance");
    let i = list
        .iter()
        .position(|a| a["member_id"] == "m023")
        .expect("m023");
    list[i]["member_id"] = json!(NASTY);
    let copy = list[i].clone();
    list.push(copy);
    let digest = branchday::minutes::canonical::digest_without_integrity(&doc).expect("canonical");
    doc["integrity"]["digest"] = json!(digest);
    serde_json::to_vec_pretty(&doc).expect("serializes")
}

/// Run `branchday` with `args` under the deadline.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    assert_cmd::Command::cargo_bin("branchday")
        .expect("binary")
        .args(args)
        .timeout(DEADLINE)
        .output()
        .expect("runs")
}

/// Output must not carry ESC, C1 controls (raw or encoded) or U+202E, must be UTF-8, and no panic.
pub fn assert_terminal_safe(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = std::str::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8: {e}"));
        assert!(!bytes.contains(&0x1b), "{what}: ESC on {stream}: {text:?}");
        let bad = text
            .chars()
            .find(|c| ('\u{80}'..='\u{9f}').contains(c) || *c == '\u{202e}');
        assert!(bad.is_none(), "{what}: {bad:?} on {stream}: {text:?}");
        assert!(
            !text.contains("panicked"),
            "{what}: panic on {stream}: {text}"
        );
        assert!(!text.contains("RUST_BACKTRACE"), "{what}: {stream}: {text}");
    }
}
