//! Exporting the open file from the detail: format prompt, default folder, never overwriting.

use std::path::Path;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

use super::fixtures::*;
use crate::review::app::{Modal, Screen};
use crate::store::DataDir;

fn path_in_form(app: &crate::review::app::App) -> String {
    match &app.modal {
        Some(Modal::Export(f)) => f.path.text().to_owned(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn export_writes_the_open_file_in_the_chosen_format_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    let m = &corpus(1)[0];
    let source = write(&mins, m);
    let before = std::fs::read(&source).unwrap();
    let mut app = loaded(vec![mins.clone()], &data, ZH);
    press(&mut app, &data, [key(KeyCode::Enter), ch('e')]);
    let stem = source.file_stem().unwrap().to_string_lossy().into_owned();
    let md = data.exports_dir().join(format!("{stem}.md"));
    assert_eq!(path_in_form(&app), md.to_string_lossy());
    // The cursor sits at the end of the path, in the field.
    let mut term = draw(&mut app, 100, 30);
    let text = screen(term.backend().buffer(), None);
    assert!(text.contains("导出会议记录"), "{text}");
    let formats = text.lines().find(|l| l.contains("格式：")).unwrap();
    assert!(formats.contains(" md ") && formats.contains(" txt ") && formats.contains(" html "));
    assert!(
        formats.contains(" docx ") && formats.contains(" xlsx "),
        "{formats}"
    );
    let pos = term.get_cursor_position().unwrap();
    assert!(pos.x > 10 && pos.y > 5, "{pos:?}");

    // Tab steps through the formats and the extension follows.
    press(&mut app, &data, [key(KeyCode::Tab)]);
    assert_eq!(
        path_in_form(&app),
        format!("{}.txt", md.with_extension("").display())
    );
    press(&mut app, &data, [key(KeyCode::Tab)]);
    assert_eq!(
        path_in_form(&app),
        format!("{}.html", md.with_extension("").display())
    );
    for ext in ["docx", "xlsx"] {
        press(&mut app, &data, [key(KeyCode::Tab)]);
        assert_eq!(
            path_in_form(&app),
            format!("{}.{ext}", md.with_extension("").display())
        );
    }
    press(&mut app, &data, [key(KeyCode::Tab), key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    assert!(app.message.as_ref().unwrap().text.starts_with("已导出："));
    let written = std::fs::read_to_string(&md).unwrap();
    assert!(written.contains(&m.title), "{written}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&data.exports_dir()), 0o700);
        assert_eq!(mode(&md), 0o600);
    }

    // The same path again: refused, the first export untouched, the dialog still open.
    press(&mut app, &data, [ch('e'), key(KeyCode::Enter)]);
    match &app.modal {
        Some(Modal::Export(f)) => assert!(f.error.as_deref().unwrap().contains("不会覆盖")),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&md).unwrap(), written);

    // A path typed in: plain text into the temporary folder.
    let custom = dir.path().join("记录.txt");
    press(
        &mut app,
        &data,
        [
            key(KeyCode::Tab),
            Event::Key(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
        ],
    );
    press(&mut app, &data, typed(&custom.to_string_lossy()));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    let txt = std::fs::read_to_string(&custom).unwrap();
    assert!(txt.contains(&m.title));
    assert!(!txt.contains('<'), "plain text, not HTML or Markdown tags");

    // The minutes file is as it was.
    assert_eq!(std::fs::read(&source).unwrap(), before);
}

#[test]
fn a_file_that_fails_validation_is_exported_with_its_errors_on_top() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let file = dir.path().join("outcome.json");
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid/outcome_contradicts.json");
    std::fs::copy(fixture, &file).unwrap();
    let mut app = loaded(vec![file], &data, EN);
    press(
        &mut app,
        &data,
        [key(KeyCode::Enter), ch('e'), key(KeyCode::Enter)],
    );
    assert!(app.modal.is_none(), "{:?}", app.modal);
    let out = data.exports_dir().join("outcome.md");
    let text = std::fs::read_to_string(out).unwrap();
    let banner = text
        .find("item 1: outcome recorded as failed, the rule gives passed")
        .unwrap();
    assert!(banner < text.len() / 3, "the errors are at the top");
}

#[test]
fn a_file_without_minutes_cannot_be_exported() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let file = dir.path().join("broken.json");
    std::fs::write(&file, b"{\"format\": ").unwrap();
    let mut app = loaded(vec![file], &data, EN);
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(matches!(app.screen, Screen::Detail(_)));
    press(&mut app, &data, [ch('e')]);
    assert!(app.modal.is_none());
    let m = app.message.as_ref().unwrap();
    assert!(m.error && m.text.contains("no readable minutes"));
    assert!(!data.exports_dir().exists());
}
