//! `branchday review` through the real binary when there is no terminal: one clear line, exit 2,
//! and nothing written.

#![allow(clippy::unwrap_used)]

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn without_a_terminal_review_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, text) in [("en", "needs a terminal"), ("zh", "需要在终端中运行")] {
        Command::cargo_bin("branchday")
            .unwrap()
            .env("BRANCHDAY_DATA_DIR", dir.path().join("data"))
            .args(["--lang", lang, "review", "nowhere"])
            .write_stdin("")
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(
                predicate::str::contains(text).and(predicate::str::is_match("^[^\n]*\n$").unwrap()),
            );
    }
    assert!(!dir.path().join("data").exists());
}
