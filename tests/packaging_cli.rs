//! What the package takes from the binary: `--version`, the man pages and the shell completions,
//! through the real binary.

#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::process::Stdio;

use assert_cmd::Command;
use branchday::cli::Cli;
use clap::CommandFactory;
use predicates::prelude::*;

fn cmd() -> Command {
    let mut c = Command::cargo_bin("branchday").unwrap();
    c.env_remove("BRANCHDAY_DATA_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    c
}

/// The commands a user sees (`--help` lists them), with their own subcommands as `roster import`.
fn visible_commands() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for sub in Cli::command()
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
    {
        out.push(vec![sub.get_name().to_owned()]);
        for inner in sub.get_subcommands().filter(|s| !s.is_hide_set()) {
            out.push(vec![sub.get_name().to_owned(), inner.get_name().to_owned()]);
        }
    }
    out
}

fn stdout_of(args: &[&str]) -> String {
    let out = cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn version_names_the_program_and_the_format_versions_in_both_languages() {
    let program = format!("branchday {}\n", env!("CARGO_PKG_VERSION"));
    cmd()
        .args(["--lang", "en", "--version"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(program.clone()))
        .stdout(predicate::str::contains(
            "minutes format (branchday.minutes): writes version 2; reads versions 1, 2",
        ));
    cmd()
        .args(["-V", "--lang", "zh"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(program.clone()))
        .stdout(predicate::str::contains("写入第 2 版；可读取第 1、2 版"));
    // The locale chooses when --lang does not.
    cmd()
        .env("LANG", "zh_CN.UTF-8")
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("会议记录格式"));
    // The numbers are the library's.
    assert_eq!(branchday::minutes::VERSION, 2);
    assert_eq!(branchday::minutes::VERSIONS, [1, 2]);
}

#[test]
fn the_man_page_mentions_every_command() {
    let page = stdout_of(&["manpage"]);
    assert!(page.contains(".TH BRANCHDAY 1"), "{page}");
    let commands = visible_commands();
    assert!(commands.len() >= 10, "{commands:?}");
    for c in commands.iter().filter(|c| c.len() == 1) {
        // roff escapes the hyphen: branchday\-validate(1).
        let reference = format!("branchday\\-{}(1)", c[0]);
        assert!(page.contains(&reference), "{reference} missing in\n{page}");
    }
    assert_no_hidden_command(&page);
}

#[test]
fn manpage_dir_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    cmd()
        .args(["manpage", "--dir"])
        .arg(dir.path())
        .assert()
        .code(0);
    let main = std::fs::read_to_string(dir.path().join("branchday.1")).unwrap();
    assert!(main.contains(".TH BRANCHDAY 1"));
    for c in visible_commands() {
        let name = format!("branchday-{}.1", c.join("-"));
        let page = std::fs::read_to_string(dir.path().join(&name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let synopsis = format!("\\fBbranchday {}\\fR", c.join(" "));
        assert!(page.contains(&synopsis), "{name} lacks {synopsis}:\n{page}");
    }
    // A folder that is not there: the error names it, exit 1.
    let missing = dir.path().join("no-such-folder");
    cmd()
        .args(["--lang", "en", "manpage", "--dir"])
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no-such-folder"));
}

#[test]
fn bash_completion_parses_and_names_every_command() {
    let script = stdout_of(&["completions", "bash"]);
    let mut bash = std::process::Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    bash.stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(bash.wait().unwrap().success(), "bash -n refused:\n{script}");
    assert!(script.contains("complete -F _branchday"), "{script}");
    for c in visible_commands() {
        let name = c.last().unwrap();
        assert!(script.contains(name.as_str()), "{name} missing");
    }
    assert_no_hidden_command(&script);
}

/// The generators and the developers' corpus command are for packagers and tests.
fn assert_no_hidden_command(script: &str) {
    for hidden in ["manpage", "completions", "dev-corpus"] {
        assert!(!script.contains(hidden), "{hidden} offered:\n{script}");
    }
}

#[test]
fn zsh_and_fish_completions_name_every_command() {
    for (shell, head) in [
        ("zsh", "#compdef branchday"),
        ("fish", "complete -c branchday"),
    ] {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(head), "{shell}:\n{script}");
        for c in visible_commands() {
            let name = c.last().unwrap();
            assert!(script.contains(name.as_str()), "{shell}: {name} missing");
        }
        assert_no_hidden_command(&script);
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    cmd()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("tcsh"));
}
