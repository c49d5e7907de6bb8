//! The screens drawn to a `TestBackend` at 100x30, in Chinese and English, with the keys that drive
//! them.

use std::path::{Path, PathBuf};

use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;

use super::fixtures::*;
use crate::domain::MeetingKind;
use crate::minutes::Minutes;
use crate::review::app::{App, Modal, Screen};
use crate::review::model::{Column, Status};
use crate::store::DataDir;

const W: u16 = 100;
const H: u16 = 30;

/// Thirty meetings of the corpus in a folder, and a data directory beside it.
fn folder() -> (TempDir, PathBuf, DataDir, Vec<Minutes>) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    let all = corpus(30);
    for m in &all {
        write(&mins, m);
    }
    (dir, mins, data, all)
}

fn shot(app: &mut App, tmp: &Path) -> String {
    let t = draw(app, W, H);
    screen(t.backend().buffer(), Some(tmp))
}

/// Open the first general assembly that voted, from the list.
fn open_assembly(app: &mut App, data: &DataDir) {
    let pos = app
        .model
        .view()
        .iter()
        .position(|&r| {
            let s = app.model.row(r);
            s.kind == Some(MeetingKind::GeneralAssembly) && s.items.total > 0
        })
        .unwrap();
    for _ in 0..pos {
        press(app, data, [key(KeyCode::Down)]);
    }
    press(app, data, [key(KeyCode::Enter)]);
    assert!(matches!(app.screen, Screen::Detail(_)));
}

/// Scroll the open detail so that the line starting with `heading` is at the top.
fn scroll_to(app: &mut App, heading: &str) {
    let h = app.body_height();
    if let Screen::Detail(d) = &mut app.screen {
        let line = d
            .lines()
            .iter()
            .position(|l| l.to_string().starts_with(heading))
            .unwrap();
        d.scroll_to(line, h);
    }
}

#[test]
fn list_in_chinese_and_english() {
    let (dir, mins, data, _) = folder();
    for (tr, name) in [(ZH, "list_zh"), (EN, "list_en")] {
        let mut app = loaded(vec![mins.clone()], &data, tr);
        assert_eq!(app.model.len(), 30);
        insta::assert_snapshot!(name, shot(&mut app, dir.path()));
    }
}

#[test]
fn detail_of_an_assembly_in_chinese_and_english() {
    let (dir, mins, data, _) = folder();
    for (tr, name) in [(ZH, "detail_zh"), (EN, "detail_en")] {
        let mut app = loaded(vec![mins.clone()], &data, tr);
        open_assembly(&mut app, &data);
        insta::assert_snapshot!(format!("{name}_top"), shot(&mut app, dir.path()));
        let heading = if tr == ZH { "出勤" } else { "Attendance" };
        scroll_to(&mut app, heading);
        insta::assert_snapshot!(format!("{name}_attendance"), shot(&mut app, dir.path()));
        let heading = if tr == ZH { "议题" } else { "Items" };
        scroll_to(&mut app, heading);
        insta::assert_snapshot!(format!("{name}_items"), shot(&mut app, dir.path()));
    }
}

#[test]
fn the_detail_scrolls_through_every_section_and_switches_language() {
    let (dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    open_assembly(&mut app, &data);
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&shot(&mut app, dir.path()));
        press(&mut app, &data, [key(KeyCode::PageDown)]);
    }
    for heading in [
        "检查结果",
        "会议",
        "人数",
        "出勤",
        "议程",
        "学习",
        "议题",
        "待办事项",
        "会议小结",
        "时间线",
        "完整性",
        "审阅意见",
    ] {
        assert!(seen.contains(&format!("\n{heading}")), "{heading} missing");
    }
    // End, then L: the same file in English.
    press(&mut app, &data, [key(KeyCode::End), ch('L')]);
    let text = shot(&mut app, dir.path());
    assert_eq!(app.tr, EN);
    assert!(text.contains("Review remarks"), "{text}");
    assert!(text.contains("no remarks yet"));
}

#[test]
fn help_overlay_lists_every_key_of_the_screen() {
    let (dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    press(&mut app, &data, [ch('?')]);
    assert!(matches!(app.modal, Some(Modal::Help { .. })));
    insta::assert_snapshot!("help_zh", shot(&mut app, dir.path()));
    press(&mut app, &data, [key(KeyCode::Esc)]);
    assert!(app.modal.is_none());
}

#[test]
fn remark_form_puts_the_cursor_after_chinese_text() {
    let (dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    press(&mut app, &data, [ch('x')]);
    press(&mut app, &data, typed("缺少记录人签名"));
    let t = draw(&mut app, W, H);
    insta::assert_snapshot!("remark_zh", screen(t.backend().buffer(), Some(dir.path())));
    // The comment field starts after the label; seven wide characters take 14 columns.
    let mut term = t;
    let pos = term.get_cursor_position().unwrap();
    let row = screen(term.backend().buffer(), None)
        .lines()
        .nth(usize::from(pos.y))
        .unwrap()
        .to_owned();
    assert!(row.contains("意见："), "{row}");
    let label_end = row.find("缺少").unwrap();
    let col = unicode_width::UnicodeWidthStr::width(&row[..label_end]);
    assert_eq!(usize::from(pos.x), col + 14);
}

#[test]
fn keys_sort_and_filter_the_list() {
    let (dir, mins, data, all) = folder();
    let mut app = loaded(vec![mins], &data, EN);
    // o: next column (branch, ascending); r: reverse.
    press(&mut app, &data, [ch('o')]);
    assert_eq!(app.model.sort(), (Column::Branch, false));
    // Next: the branches in the order of their codes, shown on the branch column's header.
    press(&mut app, &data, [ch('o')]);
    assert_eq!(app.model.sort(), (Column::BranchCode, false));
    let codes: Vec<String> = app
        .model
        .view()
        .iter()
        .map(|&i| app.model.row(i).branch_code.to_string())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
    let term = draw(&mut app, 120, 30);
    let header = screen(term.backend().buffer(), None);
    assert!(header.contains("Branch code▲"), "{header}");
    press(&mut app, &data, [ch('O')]);
    assert_eq!(app.model.sort(), (Column::Branch, false));
    press(&mut app, &data, [ch('r')]);
    assert_eq!(app.model.sort(), (Column::Branch, true));
    press(&mut app, &data, [ch('O')]);
    assert_eq!(app.model.sort(), (Column::Date, true));
    // k: the first kind (themed day).
    press(&mut app, &data, [ch('k')]);
    let themed = all
        .iter()
        .filter(|m| m.kind == MeetingKind::ThemedDay)
        .count();
    assert_eq!(app.model.view().len(), themed);
    // m: a month typed in.
    press(&mut app, &data, [ch('m')]);
    press(&mut app, &data, typed("2025-13"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(shot(&mut app, dir.path()).contains("type the month as year-month"));
    press(&mut app, &data, [key(KeyCode::End)]);
    for _ in 0..7 {
        press(&mut app, &data, [key(KeyCode::Backspace)]);
    }
    press(&mut app, &data, typed("2025-8"));
    press(&mut app, &data, [key(KeyCode::Enter)]);
    assert!(app.modal.is_none());
    let month = all
        .iter()
        .filter(|m| {
            m.kind == MeetingKind::ThemedDay
                && m.started_at.format("%Y-%m").to_string() == "2025-08"
        })
        .count();
    assert_eq!(app.model.view().len(), month);
    // c clears; / filters as it is typed and Esc puts the old text back.
    press(&mut app, &data, [ch('c'), ch('/')]);
    press(&mut app, &data, typed("党课"));
    let lectures = all.iter().filter(|m| m.title.contains("党课")).count();
    assert_eq!(app.model.view().len(), lectures);
    press(&mut app, &data, [key(KeyCode::Esc)]);
    assert_eq!(app.model.view().len(), 30);
    // s: status valid (every corpus file is valid).
    press(&mut app, &data, [ch('s')]);
    assert_eq!(app.model.filter().status, Some(Status::Valid));
    assert_eq!(app.model.view().len(), 30);
    // q quits.
    assert!(press(&mut app, &data, [ch('q')]));
}

#[test]
fn next_and_previous_file_follow_the_list() {
    let (_dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    press(&mut app, &data, [key(KeyCode::Enter)]);
    let first = detail_row(&app);
    press(&mut app, &data, [ch('n')]);
    let second = detail_row(&app);
    assert_eq!(second, app.model.view()[1]);
    press(&mut app, &data, [ch('p')]);
    assert_eq!(detail_row(&app), first);
    press(&mut app, &data, [key(KeyCode::Esc)]);
    assert!(matches!(app.screen, Screen::List));
    assert_eq!(app.cursor(), 0);
}

pub fn detail_row(app: &App) -> usize {
    match &app.screen {
        Screen::Detail(d) => d.row,
        Screen::List => panic!("no file open"),
    }
}

#[test]
fn rows_arriving_while_loading_keep_the_top_or_the_chosen_file() {
    let (dir, mins, data, _) = folder();
    let crate::review::Session { job, mut app } =
        crate::review::Session::new(vec![mins], &data, ZH);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.path().join("minutes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert_eq!(files.len(), job.total());
    let rows: Vec<_> = files
        .iter()
        .map(|p| crate::review::load::summarize(p, job.reviews()))
        .collect();
    // Oldest first: every batch sorts above what is on screen, and the list keeps showing its top.
    let mut rows = rows.into_iter();
    app.add_rows(rows.by_ref().take(10).collect());
    let text = shot(&mut app, dir.path());
    assert!(text.contains("读取中 10/30"), "{text}");
    app.add_rows(rows.by_ref().take(10).collect());
    assert_eq!(app.cursor(), 0);
    assert_eq!(app.offset(), 0);
    // Once the reviewer picks a row, it stays highlighted wherever newer rows land.
    press(&mut app, &data, [key(KeyCode::Down), key(KeyCode::Down)]);
    let chosen = app.selected().unwrap();
    app.add_rows(rows.collect());
    assert_eq!(app.selected(), Some(chosen));
    assert_eq!(app.cursor(), 12);
    assert!(!app.loading());
    assert!(shot(&mut app, dir.path()).contains("共 30 个文件"));
}

#[test]
fn every_screen_and_dialog_draws_on_tiny_terminals() {
    let (_dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    let sizes = [(1, 1), (2, 2), (10, 3), (20, 5), (40, 8), (60, 12)];
    let check = |app: &mut App| {
        for (w, h) in sizes {
            draw(app, w, h);
        }
        draw(app, W, H);
    };
    check(&mut app);
    for keys in [vec![ch('?')], vec![ch('/')], vec![ch('m')], vec![ch('a')]] {
        press(&mut app, &data, keys);
        check(&mut app);
        press(&mut app, &data, [key(KeyCode::Esc)]);
    }
    press(&mut app, &data, [key(KeyCode::Enter)]);
    for keys in [vec![], vec![ch('?')], vec![ch('x')], vec![ch('e')]] {
        press(&mut app, &data, keys);
        check(&mut app);
        if app.modal.is_some() {
            press(&mut app, &data, [key(KeyCode::Esc)]);
        }
    }
    // Scrolling after a resize to one line stays within the document.
    draw(&mut app, 30, 5);
    press(
        &mut app,
        &data,
        [key(KeyCode::End), key(KeyCode::PageUp), key(KeyCode::Down)],
    );
    check(&mut app);
}

#[test]
fn an_empty_data_directory_says_there_are_no_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mut app = loaded(Vec::new(), &data, EN);
    assert_eq!(app.model.len(), 0);
    let text = shot(&mut app, dir.path());
    assert!(text.contains("no minutes files found"), "{text}");
    // Keys on an empty list do nothing.
    press(
        &mut app,
        &data,
        [key(KeyCode::Enter), key(KeyCode::Down), ch('a'), ch('o')],
    );
    assert!(matches!(app.screen, Screen::List));
    assert!(app.modal.is_none());
}

/// At 80×24, in both languages: the header's count, the footer's keys and the help stay whole
/// on the list, the detail, the help and the remark form.
#[test]
fn at_80_by_24_the_count_the_keys_and_the_help_stay_whole() {
    let (dir, mins, data, _) = folder();
    for (tr, lang) in [(ZH, "zh"), (EN, "en")] {
        let mut app = loaded(vec![mins.clone()], &data, tr);
        let shot = |app: &mut App| screen(draw(app, 80, 24).backend().buffer(), Some(dir.path()));
        let list = shot(&mut app);
        let first = list.lines().next().unwrap();
        let count = if lang == "zh" {
            "共 30 个文件"
        } else {
            "30 files"
        };
        assert!(first.ends_with(count), "{first}");
        let footer = list.lines().last().unwrap().to_owned();
        let quit = if lang == "zh" { "q  退出" } else { "q  quit" };
        assert!(footer.contains(quit), "the quit key stays: {footer}");
        insta::assert_snapshot!(format!("list_80x24_{lang}"), list);

        press(&mut app, &data, [ch('?')]);
        let help = shot(&mut app);
        // Every listed key is on screen (the help fits in two columns).
        for (key, what) in crate::review::view::help_rows(tr, &app.screen) {
            assert!(
                help.contains(&format!("{key}  {what}")),
                "{key} {what}\n{help}"
            );
        }
        insta::assert_snapshot!(format!("help_80x24_{lang}"), help);
        press(&mut app, &data, [key(KeyCode::Esc), key(KeyCode::Enter)]);
        let detail = shot(&mut app);
        assert!(detail.lines().next().unwrap().ends_with(count), "{detail}");
        insta::assert_snapshot!(format!("detail_80x24_{lang}"), detail);
        press(&mut app, &data, [ch('x')]);
        press(&mut app, &data, typed("签名缺失"));
        let form = shot(&mut app);
        insta::assert_snapshot!(format!("remark_80x24_{lang}"), form);
    }
}

#[test]
fn the_help_scrolls_when_it_does_not_fit() {
    let (_dir, mins, data, _) = folder();
    let mut app = loaded(vec![mins], &data, ZH);
    press(&mut app, &data, [ch('?')]);
    let text = |app: &mut App| screen(draw(app, 50, 14).backend().buffer(), None);
    // The overlay's own lines (the footer lists ↑↓ too).
    let first_key = |s: &str| s.lines().any(|l| l.contains('│') && l.contains("上下移动"));
    let top = text(&mut app);
    assert!(first_key(&top), "{top}");
    assert!(top.contains('▼') && !top.contains('▲'), "{top}");
    assert!(!top.contains("Ctrl+C"), "the last key is below: {top}");
    press(&mut app, &data, [key(KeyCode::Down)]);
    let down = text(&mut app);
    assert!(!first_key(&down), "one line scrolled: {down}");
    assert!(down.contains('▲'), "{down}");
    press(&mut app, &data, [key(KeyCode::End)]);
    let end = text(&mut app);
    assert!(end.contains("Ctrl+C") && !end.contains('▼'), "{end}");
    // More Down stays at the end; Home goes back; Esc closes.
    press(&mut app, &data, [key(KeyCode::Down), key(KeyCode::Down)]);
    assert_eq!(text(&mut app), end);
    press(&mut app, &data, [key(KeyCode::Home)]);
    assert_eq!(text(&mut app), top);
    press(&mut app, &data, [key(KeyCode::Esc)]);
    assert!(app.modal.is_none());
}
