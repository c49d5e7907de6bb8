//! The `branchday upload` command as the upload tests run it, and its ledger as they read it.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// `branchday --lang en --data-dir DATA` with no proxy, token or data directory from the
/// environment, and short retry waits.
pub fn cmd(data: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_branchday"));
    c.arg("--lang").arg("en").arg("--data-dir").arg(data);
    for v in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "BRANCHDAY_TOKEN",
        "BRANCHDAY_DATA_DIR",
    ] {
        c.env_remove(v);
    }
    c.env("BRANCHDAY_RETRY_BASE_MS", "5");
    c
}

/// Every line of the data directory's upload ledger, each whole JSON.
pub fn ledger_lines(data: &Path) -> Vec<Value> {
    std::fs::read_to_string(data.join("uploads.jsonl"))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every ledger line is whole JSON"))
        .collect()
}
