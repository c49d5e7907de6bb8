//! Picks a handful of interesting inputs from a fuzz corpus to keep as regression cases: for each
//! distinct outcome (the set of finding codes, warnings or errors the input produces), the smallest
//! input that produces it.
//!
//! `cargo run --example pick -- TARGET CORPUS_DIR OUT_DIR [MAX]` (in `fuzz/`), e.g.
//! `cargo run --example pick -- minutes corpus/minutes ../fixtures/fuzz/minutes 16`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use branchday::domain::Meeting;
use branchday::minutes;

/// A short description of what the program makes of `bytes`.
fn outcome(target: &str, bytes: &[u8]) -> String {
    match target {
        "minutes" => {
            let c = minutes::check_bytes(bytes);
            let mut codes: Vec<&str> = c.findings.iter().map(|f| f.problem.code()).collect();
            codes.sort_unstable();
            codes.dedup();
            format!(
                "{}:{}",
                if c.is_valid() { "valid" } else { "invalid" },
                codes.join(",")
            )
        }
        "journal" => {
            let (events, warnings) = branchday::journal::parse(bytes);
            let mut kinds: Vec<String> = warnings
                .iter()
                .map(|w| {
                    format!("{w:?}")
                        .split([' ', '{'])
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })
                .collect();
            match Meeting::replay(&events) {
                Ok((_, skipped)) => kinds.extend(skipped.iter().map(|(_, e)| {
                    format!("{e:?}")
                        .split(['(', ' ', '{'])
                        .next()
                        .unwrap_or("")
                        .to_owned()
                })),
                Err(_) => kinds.push("NoStart".into()),
            }
            kinds.sort();
            kinds.dedup();
            kinds.join(",")
        }
        "roster" => match branchday::store::parse_roster(Path::new("roster.json"), bytes) {
            Ok(r) => format!("ok:{}", r.members.len().min(3)),
            Err(e) => {
                // The kind of error, without positions, numbers or quoted text.
                let s = e.to_string();
                let s = s.split_once('(').map_or(s.as_str(), |(_, rest)| rest);
                let s = s.split(" at line").next().unwrap_or("");
                let s = s.split(['`', '"']).next().unwrap_or("");
                s.chars().filter(|c| !c.is_ascii_digit()).take(40).collect()
            }
        },
        "roster_import" => {
            use branchday::roster_import::{Format, ImportError, import};
            let kind =
                |s: String| -> String { s.split(['(', ' ', '{']).next().unwrap_or("").to_owned() };
            [Format::Csv, Format::Xlsx]
                .into_iter()
                .map(
                    |f| match import(f, bytes, branchday::domain::Branch::default(), None) {
                        Ok(_) => "ok".to_owned(),
                        Err(ImportError::File(e)) => kind(format!("{e:?}")),
                        Err(ImportError::Rows(rows)) => {
                            let mut k: Vec<String> = rows
                                .iter()
                                .map(|r| kind(format!("{:?}", r.problem)))
                                .collect();
                            k.sort();
                            k.dedup();
                            k.join("+")
                        }
                    },
                )
                .collect::<Vec<_>>()
                .join("|")
        }
        other => panic!("unknown target {other}"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, target, corpus, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: pick TARGET CORPUS_DIR OUT_DIR [MAX]");
        std::process::exit(2);
    };
    let max: usize = rest.first().and_then(|m| m.parse().ok()).unwrap_or(16);
    let mut best: BTreeMap<String, (usize, PathBuf)> = BTreeMap::new();
    for e in std::fs::read_dir(corpus).expect("corpus dir").flatten() {
        let Ok(bytes) = std::fs::read(e.path()) else {
            continue;
        };
        let key = outcome(target, &bytes);
        let slot = best.entry(key).or_insert((usize::MAX, PathBuf::new()));
        if bytes.len() < slot.0 {
            *slot = (bytes.len(), e.path());
        }
    }
    std::fs::create_dir_all(out).expect("out dir");
    let mut kept: Vec<(String, (usize, PathBuf))> = best.into_iter().collect();
    kept.sort_by_key(|(_, (len, _))| *len);
    kept.truncate(max);
    for (key, (len, path)) in kept {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
        let short = &name[..name.len().min(12)];
        let ext = match target.as_str() {
            "journal" => "journal",
            "roster_import" if bytes_start_with_zip(&path) => "xlsx",
            "roster_import" => "csv",
            _ => "json",
        };
        // Minutes keep their verdict in the name; the regression test holds them to it.
        let prefix = match key.split(':').next() {
            Some(v @ ("valid" | "invalid")) if target == "minutes" => v,
            _ => "corpus",
        };
        let dest = Path::new(out).join(format!("{prefix}-{short}.{ext}"));
        std::fs::copy(&path, &dest).expect("copy");
        println!("{len:>7}  {key}  -> {}", dest.display());
    }
}

fn bytes_start_with_zip(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.starts_with(b"PK"))
}
