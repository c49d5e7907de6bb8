//! `validate` on hostile input: every case exits 1 with one clear line per finding naming the file,
//! never panics, never hangs, and never lets a control sequence through to the terminal.

mod support;

use std::path::Path;

use branchday::sanitize;
use serde_json::Value;
use support::{Hostile, assert_terminal_safe, hostile_inputs, run};

fn check_text_run(h: &Hostile, lang: &str) {
    let out = run([
        "--lang".as_ref(),
        lang.as_ref(),
        "validate".as_ref(),
        h.path.as_os_str(),
    ]);
    let what = format!("{} ({lang})", h.case);
    assert_terminal_safe(&what, &out);
    assert_eq!(out.status.code(), Some(1), "{what}: exit code");
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), h.findings, "{what}: {stdout}");
    let prefix = format!("{}: error: ", sanitize::path(&h.path));
    for line in &lines {
        assert!(line.starts_with(&prefix), "{what}: {line:?}");
        assert!(
            line.len() > prefix.len() + 10,
            "{what}: no message: {line:?}"
        );
    }
}

#[test]
fn every_hostile_file_gets_clear_lines_in_both_languages() {
    let dir = tempfile::tempdir().expect("tmp");
    let cases = hostile_inputs(dir.path());
    assert!(cases.len() >= 15);
    for h in &cases {
        check_text_run(h, "en");
        check_text_run(h, "zh");
    }
}

#[test]
fn every_hostile_file_gets_a_json_line() {
    let dir = tempfile::tempdir().expect("tmp");
    for h in hostile_inputs(dir.path()) {
        let out = run(["validate".as_ref(), "--json".as_ref(), h.path.as_os_str()]);
        assert_terminal_safe(h.case, &out);
        assert_eq!(out.status.code(), Some(1), "{}", h.case);
        let stdout = String::from_utf8(out.stdout).expect("utf8");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 1, "{}: {stdout}", h.case);
        let v: Value = serde_json::from_str(lines[0]).expect("a JSON line");
        assert_eq!(v["valid"], false, "{}", h.case);
        assert_eq!(v["path"], sanitize::path(&h.path), "{}", h.case);
        let findings = v["findings"].as_array().expect("findings");
        assert_eq!(findings.len(), h.findings, "{}: {stdout}", h.case);
        assert!(findings.iter().all(|f| f["severity"] == "error"));
    }
}

#[test]
fn a_folder_of_hostile_files_is_checked_file_by_file() {
    let dir = tempfile::tempdir().expect("tmp");
    let cases = hostile_inputs(dir.path());
    let out = run([
        "--lang".as_ref(),
        "en".as_ref(),
        "validate".as_ref(),
        dir.path().as_os_str(),
    ]);
    assert_terminal_safe("folder", &out);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("utf8");
    let expected: usize = cases.iter().map(|h| h.findings).sum();
    assert_eq!(stdout.lines().count(), expected, "{stdout}");
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    assert!(
        stderr.contains(&format!("{} files checked: 0 valid", cases.len())),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_and_things_that_are_not_files() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("tmp");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff\x9b\x1bname.json");
    let path = dir.path().join(name);
    std::fs::write(&path, b"{}").expect("write");
    let out = run(["validate".as_ref(), path.as_os_str()]);
    assert_terminal_safe("non-UTF-8 name", &out);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(out.stdout).expect("utf8").lines().count(),
        1
    );

    // A named pipe must not be opened (it would block until someone writes to it).
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    for p in [Path::new("/dev/zero"), fifo.as_path()] {
        if p == fifo && !made {
            continue;
        }
        let out = run([
            "--lang".as_ref(),
            "en".as_ref(),
            "validate".as_ref(),
            p.as_os_str(),
        ]);
        assert_terminal_safe("not a file", &out);
        assert_eq!(out.status.code(), Some(1));
        let stdout = String::from_utf8(out.stdout).expect("utf8");
        assert_eq!(
            stdout.trim_end(),
            format!(
                "{}: error: not a regular file (a pipe or a device), not read; name a minutes file",
                p.display()
            )
        );
    }
}

#[test]
fn every_reader_refuses_a_pipe_or_a_device_without_opening_it() {
    let dir = tempfile::tempdir().expect("tmp");
    let data = dir.path().join("data");
    let target = dir.path().join("target");
    std::fs::create_dir(&target).expect("target");
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    for p in [Path::new("/dev/zero"), fifo.as_path()] {
        if p == fifo && !made {
            continue;
        }
        let p = p.as_os_str();
        let d = data.as_os_str();
        for args in [
            vec!["--lang".as_ref(), "en".as_ref(), "stats".as_ref(), p],
            vec![
                "--lang".as_ref(),
                "en".as_ref(),
                "export".as_ref(),
                p,
                "--format".as_ref(),
                "txt".as_ref(),
            ],
            vec![
                "--lang".as_ref(),
                "en".as_ref(),
                "--data-dir".as_ref(),
                d,
                "upload".as_ref(),
                p,
                "--to".as_ref(),
                target.as_os_str(),
                "--dry-run".as_ref(),
                "--json".as_ref(),
            ],
        ] {
            let out = run(&args);
            assert_terminal_safe("not a file", &out);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let all = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(all.contains("not a regular file"), "{args:?}: {all}");
        }
    }
}

#[test]
fn a_crafted_file_with_many_votes_and_members_finishes() {
    // 20 000 absent members and 3 000 admission votes with written opinions. The checks gather the
    // entitled voters once per file; per vote they used to rebuild (and clone) the whole list, which
    // made files like this one take minutes. The deadline of `run` catches a return of that.
    let mut doc: Value = serde_json::from_slice(
        &std::fs::read(support::fixture("valid/general_assembly_admission.json")).expect("read"),
    )
    .expect("json");
    let template = doc["attendance"][1].clone();
    let members: Vec<Value> = (0..20_000)
        .map(|i| {
            let mut a = template.clone();
            a["member_id"] = Value::from(format!("x{i}"));
            a["status"] = Value::from("excused");
            a["reason"] = Value::from("sick");
            a["approver"] = Value::from("王建国");
            a.as_object_mut().expect("entry").remove("checked_in_at");
            a
        })
        .collect();
    doc["attendance"] = Value::Array(members);
    let mut item = doc["items"][0].clone();
    item["notes"] = Value::from("");
    item["vote"]["written_opinions"] = serde_json::json!([
        {"member_id": "x1", "name": "甲", "opinion": "yes"},
        {"member_id": "x2", "name": "乙", "opinion": "yes"}
    ]);
    doc["items"] = Value::Array(vec![item; 3_000]);
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("crafted.json");
    std::fs::write(&path, serde_json::to_vec(&doc).expect("serializes")).expect("write");
    let out = run(["validate".as_ref(), "--json".as_ref(), path.as_os_str()]);
    assert_terminal_safe("crafted", &out);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_closed_standard_output_ends_the_run_without_a_panic() {
    use std::process::{Command, Stdio};
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("branchday"))
        .args(["validate", "--json"])
        .arg(support::fixture("valid"))
        .arg(support::fixture("invalid"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // Close the reading end before the program writes (as `| head -0` would).
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("finishes");
    let stderr = String::from_utf8(out.stderr).expect("utf8");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
}
