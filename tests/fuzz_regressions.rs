//! Every input kept from fuzzing (`fixtures/fuzz/<target>/`: what a fuzzer found, and a handful of
//! small corpus entries, one per distinct outcome) run through exactly what the fuzz target runs
//! (`fuzz/src/harness.rs`), so a fix cannot silently regress. Minutes inputs are named `valid-…` or
//! `invalid-…` and must keep that verdict; an invalid one must say why. Journals are also resumed as
//! a draft and drawn on every panel of the meeting screen.

#[path = "../fuzz/src/harness.rs"]
mod harness;

use std::path::{Path, PathBuf};

use branchday::i18n::{Lang, Tr};
use branchday::minutes::Severity;
use branchday::session::Session;
use branchday::store::DataDir;
use branchday::tui::meeting::{MeetingScreen, Modal, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    files
}

fn name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[test]
fn kept_minutes_inputs_keep_their_verdict_and_do_not_panic() {
    for path in inputs("minutes") {
        let bytes = std::fs::read(&path).expect("read");
        harness::minutes(&bytes);
        let checked = branchday::minutes::check_bytes(&bytes);
        let n = name(&path);
        if n.starts_with("valid-") {
            assert!(checked.is_valid(), "{n}: {:?}", checked.findings);
        } else {
            assert!(
                checked
                    .findings
                    .iter()
                    .any(|f| f.severity == Severity::Error),
                "{n}: an invalid file must carry an error finding"
            );
        }
    }
}

#[test]
fn kept_journal_inputs_replay_resume_and_draw_without_panicking() {
    for path in inputs("journal") {
        let bytes = std::fs::read(&path).expect("read");
        harness::journal(&bytes);
        resume_and_draw(&bytes, &name(&path));
    }
}

/// Put `bytes` in place as a draft, resume it as the app does, and draw every panel.
fn resume_and_draw(bytes: &[u8], name: &str) {
    let (events, _) = branchday::journal::parse(bytes);
    let Some(branchday::domain::Event::Created { setup, .. }) = events.first() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    data.ensure().expect("data dir");
    std::fs::write(data.journal_path(&setup.id), bytes).expect("draft");
    // The home screen lists the draft from its first and last lines.
    let summary = branchday::journal::summary(&data.journal_path(&setup.id));
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    if matches!(
        serde_json::from_slice(first),
        Ok(branchday::domain::Event::Created { .. })
    ) {
        assert!(
            summary.is_some(),
            "{name}: a draft that starts with its meeting is listed"
        );
    }
    let home = branchday::tui::home::Home::load(&data, None, false);
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    t.draw(|f| home.render(Tr(Lang::Zh), today, f.area(), f.buffer_mut()))
        .expect("draw");
    for cell in &t.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "{name}: a control character reaches the home screen"
        );
    }
    let session = Session::resume(&data, &setup.id)
        .unwrap_or_else(|e| panic!("{name}: a journal that starts with its meeting resumes: {e}"));
    let tr = Tr(Lang::Zh);
    let warnings: Vec<String> = session
        .warnings
        .iter()
        .map(|w| tr.journal_warning(w))
        .collect();
    let mut screen = MeetingScreen::new(session, tr);
    let now = "2026-11-26T16:00:00+08:00".parse().expect("time");
    for (view, modal) in [
        (View::CheckIn, true),
        (View::CheckIn, false),
        (View::Study, false),
        (View::Activity, false),
        (View::Items, false),
        (View::WrapUp, false),
    ] {
        screen.model.view = view;
        // As the app resumes a draft: what was noticed is shown in a box first.
        screen.model.modal = (modal && !warnings.is_empty())
            .then(|| Modal::Message("草稿已恢复".to_owned(), warnings.clone()));
        let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
        t.draw(|f| screen.draw(f, now)).expect("draw");
        for cell in &t.backend().buffer().content {
            assert!(
                !cell.symbol().chars().any(char::is_control),
                "{name}: a control character reaches the screen"
            );
        }
    }
    // Resuming only tidies the tail: the file holds exactly the events read before.
    let after = std::fs::read(data.journal_path(&setup.id)).expect("journal");
    let (again, warnings) = branchday::journal::parse(&after);
    assert_eq!(again, events, "{name}");
    assert!(
        !warnings
            .iter()
            .any(|w| matches!(w, branchday::journal::JournalWarning::TornTail { .. })),
        "{name}: resuming leaves no torn tail"
    );
}

#[test]
fn a_journal_with_65_533_bad_lines_resumes_and_lists_them() {
    let good = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/fuzz/journal/corpus-assembly-sma.journal"),
    )
    .expect("a seed journal");
    let mut bytes = good.clone();
    // 65 533 warnings: one more line than a u16 count plus the box border holds.
    for _ in 0..65_533 {
        bytes.extend_from_slice(b"x\n");
    }
    harness::journal(&bytes);
    resume_and_draw(&bytes, "65 533 bad lines");
}

#[test]
fn kept_roster_inputs_load_or_fail_cleanly() {
    for path in inputs("roster") {
        let bytes = std::fs::read(&path).expect("read");
        harness::roster(&bytes);
        if let Err(e) = branchday::store::parse_roster(&path, &bytes) {
            let msg = e.to_string();
            assert!(
                msg.contains(&*name(&path)),
                "{}: the error names the file: {msg}",
                name(&path)
            );
        }
    }
}

#[test]
fn kept_roster_import_inputs_import_or_fail_cleanly() {
    for path in inputs("roster_import") {
        let bytes = std::fs::read(&path).expect("read");
        harness::roster_import(&bytes);
    }
}

#[test]
fn a_roster_with_text_after_the_object_is_refused_not_truncated() {
    let path = Path::new("roster.json");
    let good = br#"{"branch":{"name":"x"},"members":[]}"#;
    assert!(branchday::store::parse_roster(path, good).is_ok());
    let mut two = good.to_vec();
    two.extend_from_slice(br#"{"branch":{"name":"y"}}"#);
    let err = branchday::store::parse_roster(path, &two).expect_err("trailing object");
    assert!(err.to_string().contains("roster.json"), "{err}");
    let mut spaced = good.to_vec();
    spaced.extend_from_slice(b"\n\n  ");
    assert!(branchday::store::parse_roster(path, &spaced).is_ok());
}
