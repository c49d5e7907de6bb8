//! `schema/minutes-v1.schema.json` describes the files branchday writes: every file of a generated
//! corpus satisfies it, and files with the wrong shape do not.

use std::path::PathBuf;

use branchday::corpus::{CorpusSpec, generate};
use branchday::minutes;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema() -> Value {
    let text =
        std::fs::read_to_string(root().join("schema/minutes-v1.schema.json")).expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("schema compiles")
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_a_valid_2020_12_schema() {
    let s = schema();
    assert!(jsonschema::meta::is_valid(&s));
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn every_file_of_a_generated_corpus_satisfies_the_schema() {
    let v = validator();
    let small = generate(&CorpusSpec::new(400, 21));
    let large = generate(&CorpusSpec {
        count: 2,
        seed: 3,
        members: 500,
    });
    for m in small.chain(large) {
        let (bytes, _) = minutes::to_bytes(&m).expect("canonical");
        let doc: Value = serde_json::from_slice(&bytes).expect("json");
        let errs = errors(&v, &doc);
        assert!(errs.is_empty(), "{}: {errs:?}", m.file_name());
    }
}

type Change = Box<dyn FnOnce(&mut Value)>;

/// A sample file with one change applied.
fn mutated(change: impl FnOnce(&mut Value)) -> Value {
    let m = generate(&CorpusSpec::new(60, 8))
        .find(|m| m.kind == branchday::domain::MeetingKind::GeneralAssembly || !m.items.is_empty())
        .expect("a meeting with items");
    let (bytes, _) = minutes::to_bytes(&m).expect("canonical");
    let mut doc: Value = serde_json::from_slice(&bytes).expect("json");
    change(&mut doc);
    doc
}

#[test]
fn files_of_the_wrong_shape_fail_the_schema() {
    let v = validator();
    assert!(v.is_valid(&mutated(|_| {})));
    let cases: Vec<(&str, Change)> = vec![
        (
            "float count",
            Box::new(|d| d["counts"]["present_total"] = json!(3.5)),
        ),
        (
            "string count",
            Box::new(|d| d["counts"]["expected_total"] = json!("25")),
        ),
        (
            "negative count",
            Box::new(|d| d["counts"]["present_full"] = json!(-1)),
        ),
        (
            "huge integer",
            Box::new(|d| d["agenda"][0]["planned_seconds"] = json!(9_007_199_254_740_993_u64)),
        ),
        ("unknown member", Box::new(|d| d["extra"] = json!(1))),
        (
            "unknown nested member",
            Box::new(|d| d["attendance"][0]["mood"] = json!("good")),
        ),
        (
            "missing kind",
            Box::new(|d| {
                d.as_object_mut().expect("object").remove("kind");
            }),
        ),
        ("unknown kind", Box::new(|d| d["kind"] = json!("party"))),
        (
            "unknown status",
            Box::new(|d| d["attendance"][0]["status"] = json!("asleep")),
        ),
        (
            "bad time",
            Box::new(|d| d["started_at"] = json!("2025-07-05 14:30")),
        ),
        (
            "time without offset",
            Box::new(|d| d["ended_at"] = json!("2025-07-05T16:30:00")),
        ),
        (
            "bad date",
            Box::new(|d| {
                d["actions"] =
                    json!([{"task": "x", "owner": {"name": "王五"}, "due": "next week"}]);
            }),
        ),
        ("bad uuid", Box::new(|d| d["id"] = json!("not-a-uuid"))),
        (
            "upper-case digest",
            Box::new(|d| d["integrity"]["digest"] = json!("A".repeat(64))),
        ),
        (
            "short digest",
            Box::new(|d| d["integrity"]["digest"] = json!("abc")),
        ),
        (
            "other algorithm",
            Box::new(|d| d["integrity"]["algorithm"] = json!("md5")),
        ),
        ("version 2", Box::new(|d| d["version"] = json!(2))),
        ("array at the top", Box::new(|d| *d = json!([1, 2]))),
    ];
    for (name, change) in cases {
        let doc = mutated(change);
        assert!(!v.is_valid(&doc), "{name}: accepted by the schema");
    }
}
