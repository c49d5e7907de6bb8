//! `schema/minutes-v2.schema.json` describes the files branchday writes now (every file of a
//! generated corpus, signed, satisfies it; files with the wrong shape do not), and
//! `schema/minutes-v1.schema.json` the version 1 files it keeps reading (the v1 fixtures).

use std::path::{Path, PathBuf};

use branchday::corpus::{CorpusSpec, generate};
use branchday::minutes;
use serde_json::{Value, json};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn schema_of(version: u32) -> Value {
    let text =
        std::fs::read_to_string(root().join(format!("schema/minutes-v{version}.schema.json")))
            .expect("schema");
    serde_json::from_str(&text).expect("schema is JSON")
}

fn schema() -> Value {
    schema_of(2)
}

fn validator_of(version: u32) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema_of(version))
        .expect("schema compiles")
}

fn validator() -> jsonschema::Validator {
    validator_of(2)
}

fn errors(v: &jsonschema::Validator, doc: &Value) -> Vec<String> {
    v.iter_errors(doc)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.extension().is_some_and(|x| x == "json"));
    out.sort();
    out
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
    let key =
        ssh_key::PrivateKey::random(&mut ssh_key::rand_core::OsRng, ssh_key::Algorithm::Ed25519)
            .expect("key");
    for m in small.chain(large) {
        let (bytes, _) = minutes::build::to_signed_bytes(&m, &key).expect("sealed");
        let doc: Value = serde_json::from_slice(&bytes).expect("json");
        let errs = errors(&v, &doc);
        assert!(errs.is_empty(), "{}: {errs:?}", m.file_name());
    }
}

#[test]
fn every_valid_fixture_satisfies_the_schema_of_its_version() {
    let (v1, v2) = (validator_of(1), validator_of(2));
    let mut files = json_files(&root().join("fixtures/valid"));
    files.extend(json_files(&root().join("fixtures/valid-v2")));
    assert!(files.len() >= 5, "fixtures/valid has {} files", files.len());
    for f in files {
        let doc: Value = serde_json::from_slice(&std::fs::read(&f).expect("read")).expect("json");
        let v = if doc["version"] == 1 { &v1 } else { &v2 };
        let errs = errors(v, &doc);
        assert!(errs.is_empty(), "{}: {errs:?}", f.display());
    }
}

#[test]
fn invalid_fixtures_of_the_wrong_shape_fail_the_schema() {
    let (v1, v2) = (validator_of(1), validator_of(2));
    for code in [
        "schema",
        "wrong_format",
        "unsupported_version",
        "not_an_object",
        "unknown_integrity",
        "not_canonicalizable",
    ] {
        let path = root().join(format!("fixtures/invalid/{code}.json"));
        let doc: Value =
            serde_json::from_slice(&std::fs::read(&path).expect("read")).expect("json");
        assert!(!v1.is_valid(&doc), "{code}.json satisfies the v1 schema");
        assert!(!v2.is_valid(&doc), "{code}.json satisfies the v2 schema");
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
        (
            "version 1 (v2 content)",
            Box::new(|d| d["version"] = json!(1)),
        ),
        ("version 3", Box::new(|d| d["version"] = json!(3))),
        (
            "a round annulled without a reason",
            Box::new(|d| {
                if let Some(r) = d["items"][0]["rounds"].get_mut(0) {
                    r["annulled"] = json!({"at": "2026-03-05T15:00:00+08:00", "reason": ""});
                } else {
                    d["items"][0]["rounds"] = json!([{"annulled": {"reason": "x"}}]);
                }
            }),
        ),
        (
            "a ballot tally without ballots returned",
            Box::new(|d| {
                d["items"][0]["vote"]["ballots"] = json!({"issued": 3, "valid": 3, "invalid": 0});
            }),
        ),
        (
            "a correction without its reason",
            Box::new(|d| d["supersedes"] = json!("0190f3a2-7c4e-7000-8000-000000000001")),
        ),
        (
            "a signature without its signer",
            Box::new(|d| {
                d["integrity"]["signature"] =
                    json!("-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n");
            }),
        ),
        (
            "left early with a time that is not RFC 3339",
            Box::new(|d| d["attendance"][0]["left_at"] = json!("15:00")),
        ),
        ("array at the top", Box::new(|d| *d = json!([1, 2]))),
    ];
    for (name, change) in cases {
        let doc = mutated(change);
        assert!(!v.is_valid(&doc), "{name}: accepted by the schema");
    }
}
