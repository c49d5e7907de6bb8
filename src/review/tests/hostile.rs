//! A folder mixing valid, invalid and hostile files: every file is a row, each broken one shows its
//! error, and nothing that could drive a terminal (escape sequences, C1 controls, bidi overrides)
//! reaches the screen, in the list or in any file's detail.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyCode;

use super::fixtures::*;
use crate::minutes::{self, MAX_BYTES, Minutes};
use crate::review::app::Screen;
use crate::review::model::{RowError, Status};
use crate::store::DataDir;

const ESC: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{1b}[31m";
const C1: &str = "\u{9b}31m\u{85}";
const BIDI: &str = "\u{202e}\u{2066}\u{200f}";

/// Nothing in `text` that a terminal or a reader's eye could be tricked by.
fn assert_clean(text: &str, what: &str) {
    for c in text.chars() {
        let u = u32::from(c);
        let hostile = u < 0x20
            || (0x7f..=0x9f).contains(&u)
            || matches!(u, 0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069);
        assert!(!hostile, "{what}: U+{u:04X} reached the screen");
    }
}

/// Minutes whose every kind of text carries escapes, C1 controls and bidi overrides; the digest is
/// correct, so the file is otherwise valid.
fn hostile_minutes(mut m: Minutes) -> Minutes {
    let bad = |s: &str| format!("{s}{ESC}{C1}{BIDI}");
    m.branch.name = bad(&m.branch.name);
    m.theme = bad(&m.theme);
    m.title = bad(&m.title);
    m.place = bad(&m.place);
    m.summary = bad("小结\n第二行\r\n");
    for a in &mut m.attendance {
        a.name = bad(&a.name);
        a.reason_text = bad(&a.reason_text);
    }
    for i in &mut m.items {
        i.title = bad(&i.title);
        i.notes = bad(&i.notes);
    }
    for t in &mut m.timeline {
        t.subject = bad(&t.subject);
        t.detail = bad(&t.detail);
    }
    m.id = uuid::Uuid::now_v7();
    m
}

struct Folder {
    _dir: tempfile::TempDir,
    mins: PathBuf,
    data: DataDir,
    extra: Vec<PathBuf>,
}

fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data"));
    let mins = dir.path().join("minutes");
    std::fs::create_dir_all(&mins).unwrap();
    let all = corpus(4);
    // Three valid files.
    for m in &all[..3] {
        write(&mins, m);
    }
    // Valid shape, hostile text everywhere, correct digest.
    let evil = hostile_minutes(all[3].clone());
    let (bytes, _) = minutes::to_bytes(&evil).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    std::fs::write(mins.join("hostile.json"), &bytes).unwrap();
    // Tampered: a value changed after finalizing.
    let changed = text.replacen("\"present\"", "\"absent\"", 1);
    assert_ne!(changed, text);
    std::fs::write(mins.join("tampered.json"), changed).unwrap();
    // Truncated mid-file.
    let mut cut = bytes.len() / 2;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    std::fs::write(mins.join("truncated.json"), &bytes[..cut]).unwrap();
    // Not UTF-8.
    let mut latin = b"{\"format\": \"branchday.minutes\", \"title\": \"".to_vec();
    latin.extend_from_slice(&[0xd6, 0xd0, 0xce, 0xc4, 0xff]);
    latin.extend_from_slice(b"\"}");
    std::fs::write(mins.join("gbk.json"), latin).unwrap();
    // Over the size limit (sparse, so the test stays small on disk).
    let big = std::fs::File::create(mins.join("huge.json")).unwrap();
    big.set_len(MAX_BYTES + 1).unwrap();
    // A wrong-format file whose value is an escape sequence.
    let other = serde_json::json!({"format": format!("x{ESC}{BIDI}"), "version": 1});
    std::fs::write(mins.join("other.json"), other.to_string()).unwrap();
    // An unknown kind carrying an escape (serde quotes the value in its message).
    let schema = text.replacen("\"kind\": \"", "\"kind\": \"\\u001b[31m", 1);
    assert_ne!(schema, text);
    std::fs::write(mins.join("schema.json"), schema).unwrap();
    // A file name with an escape sequence and a bidi override in it.
    let mut extra = Vec::new();
    #[cfg(unix)]
    {
        let name = format!("evil{ESC}{BIDI}.json");
        std::fs::write(mins.join(name), b"[1, 2, 3]").unwrap();
        // A socket named on the command line: never opened.
        let sock = dir.path().join("sock.json");
        drop(std::os::unix::net::UnixListener::bind(&sock).unwrap());
        extra.push(sock);
    }
    extra.push(dir.path().join("missing.json"));
    Folder {
        _dir: dir,
        mins,
        data,
        extra,
    }
}

fn row_named<'a>(
    app: &'a crate::review::app::App,
    name: &str,
) -> &'a crate::review::model::Summary {
    let i = (0..app.model.len())
        .find(|&i| app.model.row(i).name.starts_with(name))
        .unwrap_or_else(|| panic!("no row {name}"));
    app.model.row(i)
}

#[test]
fn every_file_is_a_row_and_broken_ones_show_their_error() {
    let f = folder();
    let mut paths = vec![f.mins.clone()];
    paths.extend(f.extra.iter().cloned());
    let mut app = loaded(paths, &f.data, EN);
    let files = std::fs::read_dir(&f.mins).unwrap().count();
    assert_eq!(app.model.len(), files + f.extra.len());
    assert_eq!(app.model.view().len(), app.model.len());

    let valid = (0..app.model.len())
        .filter(|&i| app.model.status(i) == Status::Valid)
        .count();
    // The tampered file is a changed copy of the hostile-text one: that id now names two
    // contents, so the hostile-text file is shown as a conflict rather than as valid.
    assert_eq!(valid, 3, "the three corpus files");
    let conflicts = (0..app.model.len())
        .filter(|&i| app.model.status(i) == Status::Conflict)
        .count();
    assert_eq!(conflicts, 1);
    assert_eq!(row_named(&app, "tampered").checked, Status::Tampered);
    assert_eq!(row_named(&app, "tampered").digest_ok, Some(false));
    for (name, code) in [
        ("truncated", "syntax"),
        ("gbk", "not_utf8"),
        ("huge", "too_large"),
        ("other", "wrong_format"),
        ("schema", "schema"),
    ] {
        let r = row_named(&app, name);
        assert_eq!(r.checked, Status::Invalid, "{name}");
        match &r.error {
            Some(RowError::Problem(p)) => assert_eq!(p.code(), code, "{name}"),
            other => panic!("{name}: {other:?}"),
        }
    }
    #[cfg(unix)]
    {
        assert!(matches!(
            row_named(&app, "evil").error,
            Some(RowError::Problem(_))
        ));
        assert_eq!(row_named(&app, "sock").error, Some(RowError::NotRegular));
    }
    assert_eq!(row_named(&app, "missing").error, Some(RowError::Missing));

    // The list, sorted by status so the broken files are on the first screen.
    for _ in 0..7 {
        press(&mut app, &f.data, [ch('o')]);
    }
    let t = draw(&mut app, 250, 30);
    let text = screen(t.backend().buffer(), None);
    assert_clean(&symbols(t.backend().buffer()), "list");
    for needle in [
        "JSON syntax error at line",
        "not UTF-8 at line 1",
        "over the 16 MiB limit",
        "this is not a minutes file",
        "not a regular file",
        "no such file or folder",
        "tampered",
    ] {
        assert!(text.contains(needle), "{needle} not on screen:\n{text}");
    }
}

#[test]
fn no_control_character_reaches_the_screen_in_any_detail() {
    let f = folder();
    let mut paths = vec![f.mins.clone()];
    paths.extend(f.extra.iter().cloned());
    for tr in [ZH, EN] {
        let mut app = loaded(paths.clone(), &f.data, tr);
        for pos in 0..app.model.view().len() {
            press(&mut app, &f.data, [key(KeyCode::Home)]);
            for _ in 0..pos {
                press(&mut app, &f.data, [key(KeyCode::Down)]);
            }
            press(&mut app, &f.data, [key(KeyCode::Enter)]);
            assert!(matches!(app.screen, Screen::Detail(_)));
            // Every page of the document.
            let mut pages = 0;
            loop {
                let t = draw(&mut app, 100, 30);
                assert_clean(&symbols(t.backend().buffer()), "detail");
                let Screen::Detail(d) = &app.screen else {
                    unreachable!()
                };
                let before = d.scroll();
                for line in d.lines() {
                    assert_clean(&line.to_string(), "document");
                }
                press(&mut app, &f.data, [key(KeyCode::PageDown)]);
                let Screen::Detail(d) = &app.screen else {
                    unreachable!()
                };
                pages += 1;
                if d.scroll() == before || pages > 200 {
                    break;
                }
            }
            press(&mut app, &f.data, [key(KeyCode::Esc)]);
        }
    }
}

#[test]
fn the_hostile_file_shows_its_text_neutralised() {
    let f = folder();
    let mut app = loaded(vec![f.mins.join("hostile.json")], &f.data, ZH);
    press(&mut app, &f.data, [key(KeyCode::Enter)]);
    let t = draw(&mut app, 100, 30);
    let text = screen(t.backend().buffer(), None);
    // The escape's printable tail stays visible, its introducer replaced.
    assert!(text.contains("\u{fffd}[2J"), "{text}");
    assert!(text.contains("有效"));
}
