//! Remarks round-trip through the keys and the review file, never touching the minutes file; a
//! correction links both ways; findings appear where they apply.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixtures::*;
use super::screens::detail_row;
use crate::minutes::read;
use crate::review::app::{Modal, Screen};
use crate::review::model::{ReviewState, Status};
use crate::review::remarks::{self, Verdict};
use crate::store::DataDir;

fn snapshot_of(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let bytes = std::fs::read(&p).unwrap();
            let mtime = std::fs::metadata(&p).unwrap().modified().unwrap();
            (p, bytes, mtime)
        })
        .collect();
    files.sort();
    files
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

#[test]
fn remarks_round_trip_and_the_minutes_file_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    for m in &corpus(3) {
        write(&mins, m);
    }
    let before = snapshot_of(&mins);
    let mut app = loaded(vec![mins.clone()], &data, ZH);
    let row = app.selected().unwrap();
    let id = app.model.row(row).id.unwrap();
    let path = app.model.row(row).path.clone();
    let review = remarks::ReviewKey::Minutes(id).path(&data);

    // Returning needs a comment: nothing is written without one.
    press(&mut app, &data, [ch('x'), key(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::Remark(form)) => assert!(form.error.as_deref().unwrap().contains("写明原因")),
        other => panic!("{other:?}"),
    }
    assert!(!review.exists());
    press(&mut app, &data, typed("缺少记录人签名"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none());
    assert_eq!(app.message.as_ref().unwrap().text, "已记录：退回修改");
    assert_eq!(app.model.row(row).review, ReviewState::Returned);

    let file = remarks::read(&review).unwrap().unwrap();
    assert_eq!(file.minutes_id, Some(id));
    assert_eq!(file.remarks.len(), 1);
    let r = &file.remarks[0];
    assert_eq!(r.verdict, Verdict::Returned);
    assert_eq!(r.reviewer, "组织员 李明");
    assert_eq!(r.comment, "缺少记录人签名");
    let digest = read(&path).unwrap().computed_digest;
    assert_eq!(r.digest, digest);
    // RFC 3339 with an offset, whole seconds.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&review).unwrap()).unwrap();
    let at = json["remarks"][0]["at"].as_str().unwrap();
    assert_eq!(chrono::DateTime::parse_from_rfc3339(at).unwrap(), r.at);
    assert!(!at.contains('.'), "{at}");

    // Approve from the detail, as another reviewer typed into the form.
    press(&mut app, &data, [key(KeyCode::Enter), ch('a')]);
    press(&mut app, &data, [key(KeyCode::Tab), ctrl('u')]);
    press(&mut app, &data, typed("王审阅"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    assert_eq!(app.model.row(row).review, ReviewState::Approved);
    let file = remarks::read(&review).unwrap().unwrap();
    assert_eq!(file.remarks.len(), 2);
    assert_eq!(file.remarks[1].verdict, Verdict::Approved);
    assert_eq!(file.remarks[1].reviewer, "王审阅");
    assert_eq!(file.remarks[1].comment, "");
    // The detail shows the history, newest last.
    press(&mut app, &data, [key(KeyCode::End)]);
    let text = screen(draw(&mut app, 100, 30).backend().buffer(), None);
    let first = text.find("组织员 李明").unwrap();
    let second = text.find("王审阅").unwrap();
    assert!(first < second, "{text}");
    // The name typed is offered next time.
    press(&mut app, &data, [ch('a')]);
    match &app.modal {
        Some(Modal::Remark(form)) => assert_eq!(form.reviewer.text(), "王审阅"),
        other => panic!("{other:?}"),
    }
    press(&mut app, &data, [key(KeyCode::Esc)]);

    // Nothing in the minutes folder changed, not a byte, not a time stamp, no file added.
    assert_eq!(snapshot_of(&mins), before);
    // A new session reads the state back from disk.
    let again = loaded(vec![mins], &data, ZH);
    let r = (0..again.model.len())
        .find(|&i| again.model.row(i).id == Some(id))
        .unwrap();
    assert_eq!(again.model.row(r).review, ReviewState::Approved);

    // An edited copy under the same id, its digest recomputed to match: the verdict was given on
    // other content, so it does not hold for this one — 审阅后内容已变 — and it counts as unreviewed.
    let mut doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    doc["place"] = serde_json::Value::String("另一个会议室".into());
    let digest = crate::minutes::canonical::digest_without_integrity(&doc).unwrap();
    doc["integrity"]["digest"] = serde_json::Value::String(digest);
    let edited_dir = dir.path().join("edited");
    std::fs::create_dir_all(&edited_dir).unwrap();
    std::fs::write(
        edited_dir.join("edited.json"),
        serde_json::to_vec_pretty(&doc).unwrap(),
    )
    .unwrap();
    let edited = loaded(vec![edited_dir], &data, ZH);
    assert_eq!(edited.model.row(0).id, Some(id));
    assert_eq!(edited.model.row(0).review, ReviewState::Changed);
    assert!(ReviewState::Changed.shown_under(ReviewState::Unreviewed));
    let mut edited = edited;

    // A file changed without resealing its digest is tampered: it cannot be approved, but it can
    // be returned.
    let tampered_dir = dir.path().join("tampered");
    std::fs::create_dir_all(&tampered_dir).unwrap();
    let mut bad = doc.clone();
    bad["place"] = serde_json::Value::String("第三个会议室".into());
    std::fs::write(
        tampered_dir.join("tampered.json"),
        serde_json::to_vec_pretty(&bad).unwrap(),
    )
    .unwrap();
    let mut tampered = loaded(vec![tampered_dir], &data, ZH);
    press(&mut tampered, &data, [ch('a')]);
    assert!(tampered.modal.is_none());
    assert!(
        tampered.message.as_ref().unwrap().text.contains("不能通过"),
        "{:?}",
        tampered.message
    );
    press(&mut tampered, &data, [ch('x')]);
    assert!(matches!(tampered.modal, Some(Modal::Remark(_))));

    let text = screen(draw(&mut edited, 100, 30).backend().buffer(), None);
    assert!(text.contains("重审"), "{text}");
    press(&mut edited, &data, [key(KeyCode::Enter)]);
    let text = screen(draw(&mut edited, 100, 30).backend().buffer(), None);
    assert!(text.contains("审阅后内容已变，需重新审阅"), "{text}");
}

#[test]
fn a_file_whose_id_cannot_be_read_is_returned_under_the_digest_of_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let bad = dir.path().join("bad.json");
    let truncated = b"{\"format\": \"branchday.minutes\", \"version\": 2, \"id\": \"01";
    std::fs::write(&bad, truncated).unwrap();
    let mut app = loaded(vec![bad.clone()], &data, ZH);
    let row = app.selected().unwrap();
    assert_eq!(app.model.row(row).id, None);
    assert_eq!(app.model.row(row).review, ReviewState::Unreviewed);
    // It fails validation: approving is refused, nothing is written.
    press(&mut app, &data, [ch('a')]);
    assert!(app.modal.is_none());
    assert!(app.message.as_ref().unwrap().error);
    assert!(!data.reviews_dir().exists());
    // Returning it is possible, and takes it out of the unreviewed files.
    press(&mut app, &data, [ch('x')]);
    press(&mut app, &data, typed("文件不完整，请重新导出后报送"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.message);
    assert_eq!(app.model.row(row).review, ReviewState::Returned);
    let key = remarks::file_key_at(&bad).unwrap();
    let file = remarks::read(&key.path(&data)).unwrap().unwrap();
    assert_eq!(file.minutes_id, None);
    assert_eq!(file.remarks[0].comment, "文件不完整，请重新导出后报送");
    assert_eq!(
        file.remarks[0].digest.as_deref(),
        file.file_sha256.as_deref()
    );
    assert_eq!(
        std::fs::read(&bad).unwrap(),
        truncated,
        "the file is only read"
    );

    // The verdict is there when the folder is opened again…
    let app = loaded(vec![bad.clone()], &data, ZH);
    assert_eq!(app.model.row(0).review, ReviewState::Returned);
    // …and holds for those bytes only: the same name with other bytes is another file.
    std::fs::write(&bad, b"{").unwrap();
    let app = loaded(vec![bad], &data, ZH);
    assert_eq!(app.model.row(0).review, ReviewState::Unreviewed);
}

#[test]
fn a_return_comment_takes_several_lines_and_its_error_goes_once_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    let m = &corpus(1)[0];
    write(&mins, m);
    let mut app = loaded(vec![mins], &data, ZH);
    press(&mut app, &data, [ch('x'), key(KeyCode::Enter)]);
    let error = |app: &crate::review::app::App| match &app.modal {
        Some(Modal::Remark(form)) => form.error.clone(),
        other => panic!("{other:?}"),
    };
    assert!(error(&app).is_some());
    press(&mut app, &data, typed("一、缺少记录人签名。"));
    assert_eq!(error(&app), None, "typing fixes what was wrong");
    let alt_enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT));
    press(&mut app, &data, [alt_enter]);
    press(&mut app, &data, typed("二、表决票数与实到人数不符。"));
    press(&mut app, &data, [ctrl('j')]);
    press(&mut app, &data, typed("请修正后重新报送。"));
    // The form shows every line.
    let term = draw(&mut app, 100, 30);
    let text = screen(term.backend().buffer(), None);
    for line in [
        "一、缺少记录人签名。",
        "二、表决票数与实到人数不符。",
        "请修正后重新报送。",
    ] {
        assert!(text.contains(line), "{text}");
    }
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.message);
    let review = remarks::ReviewKey::Minutes(m.id).path(&data);
    let file = remarks::read(&review).unwrap().unwrap();
    assert_eq!(
        file.remarks[0].comment,
        "一、缺少记录人签名。\n二、表决票数与实到人数不符。\n请修正后重新报送。"
    );
    // The detail keeps the lines (the remarks come last).
    press(&mut app, &data, [key(KeyCode::Enter), key(KeyCode::End)]);
    let term = draw(&mut app, 100, 40);
    let text = screen(term.backend().buffer(), None);
    assert!(text.contains("    二、表决票数与实到人数不符。"), "{text}");
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The row of the file with this name.
fn row_named(app: &crate::review::app::App, name: &str) -> usize {
    (0..app.model.len())
        .find(|&i| &*app.model.row(i).name == name)
        .unwrap()
}

/// The committee fixture and its correction in a folder, loaded, with a data directory beside.
fn correction_pair() -> (tempfile::TempDir, DataDir, crate::review::app::App) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    for f in ["valid/committee.json", "valid/committee_correction.json"] {
        let to = dir.path().join(Path::new(f).file_name().unwrap());
        std::fs::copy(fixture(f), to).unwrap();
    }
    let app = loaded(vec![dir.path().to_path_buf()], &data, ZH);
    (dir, data, app)
}

#[test]
fn a_correction_links_both_ways() {
    let (_dir, data, mut app) = correction_pair();
    let find = |app: &crate::review::app::App, name: &str| row_named(app, name);
    let original = find(&app, "committee.json");
    let correction = find(&app, "committee_correction.json");
    assert_eq!(app.model.status(original), Status::Superseded);
    assert_eq!(app.model.status(correction), Status::Valid);
    let pos = app
        .model
        .view()
        .iter()
        .position(|&r| r == original)
        .unwrap();
    for _ in 0..pos {
        press(&mut app, &data, [key(KeyCode::Down)]);
    }
    press(&mut app, &data, [key(KeyCode::Enter)]);
    let text = screen(draw(&mut app, 100, 30).backend().buffer(), None);
    assert!(
        text.contains("已被更正，见：committee_correction.json  [>]"),
        "{text}"
    );
    press(&mut app, &data, [ch('>')]);
    assert_eq!(detail_row(&app), correction);
    let text = screen(draw(&mut app, 100, 30).backend().buffer(), None);
    assert!(text.contains("更正的是：019cbb82-3a80-7244-a179-666978747503  committee.json  [<]"));
    press(&mut app, &data, [ch('<')]);
    assert_eq!(detail_row(&app), original);
}

#[test]
fn a_correction_shows_the_originals_verdict_and_what_changed_and_the_original_its_follow_up() {
    let (dir, data, mut app) = correction_pair();
    let row_of = |app: &crate::review::app::App, name: &str| {
        let i = row_named(app, name);
        app.model.view().iter().position(|&r| r == i).unwrap()
    };
    let go = |app: &mut crate::review::app::App, name: &str| {
        press(app, &data, [key(KeyCode::Home)]);
        for _ in 0..row_of(app, name) {
            press(app, &data, [key(KeyCode::Down)]);
        }
    };
    // The reviewer returned the original with a two-line comment.
    go(&mut app, "committee.json");
    press(&mut app, &data, [ch('x')]);
    press(&mut app, &data, typed("第3项决定的完成时限有误。"));
    press(&mut app, &data, [ctrl('j')]);
    press(&mut app, &data, typed("请核实后报送更正件。"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.message);

    // The original's page says where its 督办 stands.
    press(&mut app, &data, [key(KeyCode::Enter)]);
    let text = screen(draw(&mut app, 120, 40).backend().buffer(), None);
    assert!(
        text.contains("督办：已更正（committee_correction.json），更正件待审阅"),
        "{text}"
    );
    // The correction's page: the original's verdict and comment, and what changed, side by side.
    press(&mut app, &data, [ch('>')]);
    let Screen::Detail(d) = &app.screen else {
        panic!("not open")
    };
    let lines: Vec<String> = d.lines().iter().map(ToString::to_string).collect();
    let text = lines.join("\n");
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} not in\n{text}"))
    };
    let heading = at("更正对照（committee.json）");
    assert!(
        lines[at("原件审阅：")].contains("退回  组织员 李明"),
        "{text}"
    );
    assert!(at("    第3项决定的完成时限有误。") > heading);
    assert!(at("    请核实后报送更正件。") > heading);
    assert!(lines[at("改动（")].contains("改动（2）"), "{text}");
    let header = &lines[at("项目")];
    assert!(
        header.contains("原件") && header.contains("更正件"),
        "{header}"
    );
    let decision = &lines[at("议题 3 · 决定")];
    assert!(decision.contains("3月底前"), "{decision}");
    assert!(
        decision.contains("4月10日前"),
        "before and after on one line: {decision}"
    );
    at("会议小结");
    // Every line fits the width it was laid out for.
    let width = app.detail_width();
    assert!(
        lines.iter().all(|l| crate::texttable::width(l) <= width),
        "{text}"
    );
    // Drawn narrower, the table is laid out again to fit.
    insta::assert_snapshot!(
        "correction_page_zh",
        screen(draw(&mut app, 100, 40).backend().buffer(), Some(dir.path()))
    );

    // Once the correction is approved, the original's 督办 is done.
    press(&mut app, &data, [ch('a'), key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.message);
    press(&mut app, &data, [ch('<')]);
    let text = screen(draw(&mut app, 120, 40).backend().buffer(), None);
    assert!(
        text.contains("督办：已更正（committee_correction.json），更正件已通过"),
        "{text}"
    );
}

#[test]
fn every_file_shown_that_can_be_approved_is_approved_with_one_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    let all = corpus(12);
    for m in &all {
        write(&mins, m);
    }
    // A file that fails validation is among them: it is left out.
    std::fs::write(mins.join("broken.json"), b"{").unwrap();
    let mut app = loaded(vec![mins.clone()], &data, ZH);
    let total = app.model.len();
    assert_eq!(total, all.len() + 1);
    // One file is already returned: a batch approval never overrides a verdict.
    press(&mut app, &data, [ch('x')]);
    press(&mut app, &data, typed("缺少签名"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    let returned = app.selected().unwrap();
    assert_eq!(app.model.row(returned).review, ReviewState::Returned);

    press(&mut app, &data, [ch('A')]);
    let (n, skipped) = match &app.modal {
        Some(Modal::Remark(form)) => {
            assert!(form.batch);
            assert_eq!(form.verdict, Verdict::Approved);
            (form.targets.len(), form.skipped)
        }
        other => panic!("{other:?}"),
    };
    let eligible = (0..total)
        .filter(|&i| {
            matches!(app.model.status(i), Status::Valid | Status::Warnings)
                && app.model.row(i).review == ReviewState::Unreviewed
        })
        .count();
    assert_eq!(n, eligible);
    assert!(skipped >= 2, "the broken and the returned file");
    let text = screen(draw(&mut app, 100, 30).backend().buffer(), None);
    assert!(text.contains(&format!("批量通过 {n} 个文件")), "{text}");
    assert!(text.contains(&format!("另有 {skipped} 个")), "{text}");
    // Nothing is written before the confirmation.
    let before = std::fs::read_dir(data.reviews_dir()).unwrap().count();
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.message);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        format!("已记录：{n} 个文件审阅通过")
    );
    let approved = (0..total)
        .filter(|&i| app.model.row(i).review == ReviewState::Approved)
        .count();
    assert_eq!(approved, n);
    assert_eq!(app.model.row(returned).review, ReviewState::Returned);
    let broken = (0..total).find(|&i| app.model.row(i).id.is_none()).unwrap();
    assert_eq!(app.model.row(broken).review, ReviewState::Unreviewed);
    let files = std::fs::read_dir(data.reviews_dir()).unwrap().count();
    assert_eq!(files, before + n, "one review file per approved meeting");
    // Each remark holds for its own file's content, and the list agrees after a reload.
    let again = loaded(vec![mins], &data, ZH);
    let approved_again = (0..again.model.len())
        .filter(|&i| again.model.row(i).review == ReviewState::Approved)
        .count();
    assert_eq!(approved_again, n);
    // With everything reviewed, a second batch has nothing to do.
    press(&mut app, &data, [ch('A')]);
    assert!(app.modal.is_none());
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn findings_are_listed_first_and_again_under_their_item() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let file = dir.path().join("outcome.json");
    std::fs::copy(fixture("invalid/outcome_contradicts.json"), &file).unwrap();
    let mut app = loaded(vec![file], &data, EN);
    assert_eq!(app.model.status(0), Status::Invalid);
    press(&mut app, &data, [key(KeyCode::Enter)]);
    let Screen::Detail(d) = &app.screen else {
        panic!("not open")
    };
    let lines: Vec<String> = d.lines().iter().map(ToString::to_string).collect();
    let message = "item 1: outcome recorded as failed, the rule gives passed";
    let at: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains(message))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 2, "{lines:#?}");
    let findings = lines
        .iter()
        .position(|l| l.starts_with("Findings (1 error, 0 warnings)"))
        .unwrap();
    let item = lines
        .iter()
        .position(|l| l.starts_with("  Item 1: "))
        .unwrap();
    assert!(findings < at[0] && at[0] < item && item < at[1]);
}

#[test]
fn the_detail_shows_annulled_rounds_ballots_and_the_yes_count_with_written_opinions() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let lines_of = |name: &str| {
        let mut app = loaded(vec![fixture(name)], &data, ZH);
        press(&mut app, &data, [key(KeyCode::Enter)]);
        let Screen::Detail(d) = &app.screen else {
            panic!("not open")
        };
        d.lines()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    };
    let revote = lines_of("valid-v2/general_assembly_revote.json").join("\n");
    assert!(
        revote.contains("第 1 轮（已作废：计票时漏计两票弃权，赞成票多计两票，重新表决）"),
        "{revote}"
    );
    let admission = lines_of("valid-v2/general_assembly_admission.json").join("\n");
    assert!(
        admission.contains("计入的赞成票（含书面意见）"),
        "{admission}"
    );
    assert!(admission.contains("监票人"), "{admission}");
}
