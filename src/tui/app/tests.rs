//! The app's screens outside the meeting: home, setup, roster, help; opening and resuming.

use std::time::Instant;

use chrono::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::i18n::Lang;
use crate::tui::widgets::form::FieldId;

fn at() -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(2026, 11, 26, 14, 30, 0)
        .single()
        .expect("time")
}

fn app(lang: Lang, roster: bool) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(dir.path());
    if roster {
        data.save_roster(&crate::demo::roster()).expect("roster");
    }
    (dir, App::new(data, false, Tr(lang)))
}

fn press(app: &mut App, code: KeyCode) {
    app.key(
        KeyEvent::new(code, KeyModifiers::NONE),
        Instant::now(),
        at(),
    );
}

fn ctrl(app: &mut App, c: char) {
    app.key(
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Instant::now(),
        at(),
    );
}

fn typing(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn render(app: &mut App) -> Terminal<TestBackend> {
    if let Screen::Meeting(m) = &mut app.screen {
        m.session.saved_at = chrono::FixedOffset::east_opt(8 * 3600)
            .and_then(|o| o.with_ymd_and_hms(2026, 11, 26, 14, 29, 59).single());
    }
    let mut t = Terminal::new(TestBackend::new(100, 30)).expect("terminal");
    t.draw(|f| app.draw(f, at())).expect("draw");
    t
}

fn screen_text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut s = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            // A wide character covers the next cell too.
            x += u16::try_from(unicode_width::UnicodeWidthStr::width(sym).max(1)).unwrap_or(1);
        }
        s.push('\n');
    }
    s
}

#[test]
fn home_zh() {
    let (_d, mut a) = app(Lang::Zh, true);
    insta::assert_snapshot!(render(&mut a).backend());
}

#[test]
fn home_en_without_roster_offers_the_demo() {
    let (_d, mut a) = app(Lang::En, false);
    let Screen::Home(h) = &a.screen else {
        panic!("home")
    };
    assert!(h.entries.contains(&Entry::Demo));
    assert!(!h.entries.contains(&Entry::New));
    insta::assert_snapshot!(render(&mut a).backend());
}

#[test]
fn setup_zh_then_create_opens_check_in_and_journals_the_meeting() {
    let (d, mut a) = app(Lang::Zh, true);
    press(&mut a, KeyCode::Char('n'));
    assert!(matches!(a.screen, Screen::Setup(_)));
    // kind → template → title → theme → place
    for _ in 0..4 {
        press(&mut a, KeyCode::Tab);
    }
    typing(&mut a, "村委会议室");
    insta::assert_snapshot!("setup_zh", render(&mut a).backend());
    ctrl(&mut a, 's');
    let Screen::Meeting(m) = &a.screen else {
        panic!("meeting opened: {:?}", a.flash)
    };
    assert_eq!(m.model.view, meeting::View::CheckIn);
    assert_eq!(m.session.meeting.setup.place, "村委会议室");
    assert_eq!(
        m.session
            .meeting
            .setup
            .chair
            .as_ref()
            .map(|c| c.name.as_str()),
        Some("王建国")
    );
    let journals: Vec<_> = std::fs::read_dir(d.path().join("drafts"))
        .expect("drafts")
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "journal"))
        .collect();
    assert_eq!(journals.len(), 1);
    // Templates were written as editable data.
    assert!(d.path().join("templates.json").exists());
}

#[test]
fn setup_en_group_meeting_uses_the_chosen_group() {
    let (_d, mut a) = app(Lang::En, true);
    press(&mut a, KeyCode::Char('n'));
    for _ in 0..3 {
        press(&mut a, KeyCode::Right); // themed day → assembly → committee → group
    }
    insta::assert_snapshot!("setup_en_group", render(&mut a).backend());
    ctrl(&mut a, 's');
    let Screen::Meeting(m) = &a.screen else {
        panic!("meeting opened: {:?}", a.flash)
    };
    assert_eq!(
        m.session.meeting.setup.kind,
        crate::domain::MeetingKind::Group
    );
    assert_eq!(m.session.meeting.setup.group.as_deref(), Some("第一党小组"));
    // The body of a group meeting is its group: 13 of the demo's 25 members.
    assert_eq!(m.model.checkin.visible_len(), 13);
}

#[test]
fn leaving_a_meeting_lists_it_for_resuming_and_resume_restores_it() {
    let (_d, mut a) = app(Lang::Zh, true);
    press(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    typing(&mut a, "wjg");
    press(&mut a, KeyCode::Enter);
    ctrl(&mut a, 'q');
    let Screen::Home(h) = &a.screen else {
        panic!("home")
    };
    let resume = h
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Resume { .. }))
        .expect("draft listed");
    let text = screen_text(&render(&mut a));
    assert!(text.contains("继续："), "{text}");
    for _ in 0..resume {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Enter);
    let Screen::Meeting(m) = &a.screen else {
        panic!("resumed: {:?}", a.flash)
    };
    assert_eq!(m.session.meeting.counts().present_total, 1);
}

#[test]
fn undo_survives_leaving_and_resuming_the_meeting() {
    let (_d, mut a) = app(Lang::Zh, true);
    press(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    typing(&mut a, "wjg");
    press(&mut a, KeyCode::Char('2'));
    ctrl(&mut a, 'q');
    let Screen::Home(h) = &a.screen else {
        panic!("home")
    };
    let resume = h
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Resume { .. }))
        .expect("draft listed");
    for _ in 0..resume {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Enter);
    let Screen::Meeting(m) = &a.screen else {
        panic!("resumed: {:?}", a.flash)
    };
    assert_eq!(m.session.meeting.counts().present_total, 1);
    ctrl(&mut a, 'z');
    let Screen::Meeting(m) = &a.screen else {
        panic!("still in the meeting")
    };
    assert_eq!(
        m.session.meeting.counts().present_total,
        0,
        "the mark made before resuming is undone"
    );
    assert!(!m.session.meeting.can_undo_mark());
}

#[test]
fn a_draft_open_elsewhere_is_refused_with_a_clear_message() {
    let (d, mut a) = app(Lang::Zh, true);
    press(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    let Screen::Meeting(m) = &a.screen else {
        panic!("meeting")
    };
    let id = m.session.meeting.setup.id;
    // A second program on the same data directory.
    let mut b = App::new(DataDir::at(d.path()), false, Tr(Lang::Zh));
    b.open(
        &Entry::Resume {
            id,
            title: String::new(),
            kind: crate::domain::MeetingKind::ThemedDay,
            saved: None,
        },
        at(),
    );
    assert!(matches!(b.screen, Screen::Home(_)));
    let msg = b.flash.clone().expect("message");
    // The lock names this test process, which is not branchday: the lock is offered for
    // take-over with a plain explanation, and any key but yes declines.
    assert!(
        msg.contains("不是 branchday") && msg.contains("按 y 接管"),
        "{msg}"
    );
    assert!(b.takeover.is_some());
    b.key(
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE),
        Instant::now(),
        at(),
    );
    assert!(b.takeover.is_none() && matches!(b.screen, Screen::Home(_)));
    // The first program's lock is untouched.
    assert!(DataDir::at(d.path()).lock_path(&id).exists());
}

#[test]
fn roster_screen_en() {
    let (_d, mut a) = app(Lang::En, true);
    press(&mut a, KeyCode::Char('r'));
    assert!(matches!(a.screen, Screen::Roster(_)));
    insta::assert_snapshot!(render(&mut a).backend());
    press(&mut a, KeyCode::Esc);
    assert!(matches!(a.screen, Screen::Home(_)));
}

#[test]
fn help_overlay_lists_every_key_of_the_screen_zh() {
    let (_d, mut a) = app(Lang::Zh, true);
    press(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    press(&mut a, KeyCode::F(1));
    assert_eq!(a.help, Some(Context::CheckIn));
    let t = render(&mut a);
    let text = screen_text(&t);
    for b in keymap::bindings(Context::CheckIn) {
        assert!(
            text.contains(a.tr.action(b.action)),
            "{:?} missing",
            b.action
        );
    }
    insta::assert_snapshot!(t.backend());
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.help, None);
}

#[test]
fn browse_opens_the_reviewer_as_a_screen_of_the_app_and_q_comes_home() {
    let (d, mut a) = app(Lang::En, true);
    let b = KeyEvent::new(KeyCode::Char('b'), KeyModifiers::NONE);
    assert_eq!(
        a.update(b, Instant::now(), at()),
        vec![Effect::Open(Entry::Browse)]
    );
    press(&mut a, KeyCode::Char('b'));
    let Screen::Browse(browser) = &a.screen else {
        panic!("the browser opens")
    };
    let minutes = crate::sanitize::path(&d.path().join("minutes"));
    assert_eq!(browser.app.source, minutes);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(a.update(q, Instant::now(), at()), vec![Effect::Home]);
    press(&mut a, KeyCode::Char('q'));
    assert!(matches!(a.screen, Screen::Home(_)));
    assert!(!a.quit);

    // `branchday review`: the browser is the whole program, and q ends it.
    let mut r = App::browse(DataDir::at(d.path()), Vec::new(), Tr(Lang::En), None);
    press(&mut r, KeyCode::Char('q'));
    assert!(r.quit);
}

#[test]
fn a_correction_starts_from_the_finalized_record_and_saves_a_new_file() {
    let (d, mut a) = app(Lang::En, true);
    press(&mut a, KeyCode::Char('n'));
    ctrl(&mut a, 's');
    typing(&mut a, "wjg");
    press(&mut a, KeyCode::Enter);
    let Screen::Meeting(m) = &mut a.screen else {
        panic!("meeting")
    };
    m.model.view = meeting::View::WrapUp;
    press(&mut a, KeyCode::Char('f'));
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Esc);
    let Screen::Meeting(m) = &a.screen else {
        panic!("meeting")
    };
    let (original, _) = m.model.finalized.clone().expect("finalized");
    let original_bytes = std::fs::read(&original).expect("original");
    ctrl(&mut a, 'q');
    let Screen::Home(h) = &a.screen else {
        panic!("home")
    };
    let pos = h
        .entries
        .iter()
        .position(|e| *e == Entry::Correct)
        .expect("correct entry");
    for _ in 0..pos {
        press(&mut a, KeyCode::Down);
    }
    press(&mut a, KeyCode::Enter);
    assert!(matches!(a.screen, Screen::Pick(_)));
    let text = screen_text(&render(&mut a));
    assert!(text.contains("2026-11-26  Themed party day"), "{text}");
    // The reason is asked first, and a blank one is refused.
    press(&mut a, KeyCode::Enter);
    let text = screen_text(&render(&mut a));
    assert!(text.contains("Why is it corrected"), "{text}");
    ctrl(&mut a, 's');
    assert!(matches!(a.screen, Screen::Pick(_)));
    let text = screen_text(&render(&mut a));
    assert!(text.contains("give the reason"), "{text}");
    typing(&mut a, "wrong place");
    ctrl(&mut a, 's');
    let Screen::Meeting(m) = &a.screen else {
        panic!("correction opened: {:?}", a.flash)
    };
    assert_eq!(m.model.view, meeting::View::WrapUp);
    assert_eq!(m.session.meeting.counts().present_total, 1);
    // Correct the place, then finalize the correction.
    press(&mut a, KeyCode::Char('m'));
    for _ in 0..2 {
        press(&mut a, KeyCode::Tab);
    }
    typing(&mut a, "Room 2");
    ctrl(&mut a, 's');
    press(&mut a, KeyCode::Char('f'));
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Enter);
    let Screen::Meeting(m) = &a.screen else {
        panic!("meeting")
    };
    let (corrected, _) = m.model.finalized.clone().expect("correction finalized");
    assert_ne!(corrected, original);
    let checked = crate::minutes::check_bytes(&std::fs::read(&corrected).expect("corrected"));
    assert!(checked.is_valid(), "{:?}", checked.findings);
    let new = checked.minutes.expect("minutes");
    let old = crate::minutes::check_bytes(&original_bytes)
        .minutes
        .expect("old");
    assert_eq!(new.supersedes, Some(old.id));
    assert_eq!(new.correction_reason, "wrong place");
    assert!(new.place.ends_with("Room 2"));
    // The original is byte for byte what it was.
    assert_eq!(std::fs::read(&original).expect("original"), original_bytes);
    assert_eq!(
        std::fs::read_dir(d.path().join("minutes"))
            .expect("dir")
            .count(),
        2
    );
}

fn at_date(y: i32, m: u32, d: u32) -> Timestamp {
    chrono::FixedOffset::east_opt(8 * 3600)
        .expect("offset")
        .with_ymd_and_hms(y, m, d, 9, 0, 0)
        .single()
        .expect("time")
}

/// The generated title names the month the form was opened in, by the clock the app is given —
/// also after the kind changes — never the machine's own date.
#[test]
fn setup_titles_follow_the_given_clock_at_any_date() {
    for (when, zh, en) in [
        (at_date(2025, 3, 1), "2025年3月", "2025-03"),
        (at_date(2031, 12, 31), "2031年12月", "2031-12"),
    ] {
        for (lang, expect, kind) in [
            (Lang::Zh, format!("{zh}支部委员会会议"), "支部委员会会议"),
            (
                Lang::En,
                format!("Committee meeting {en}"),
                "Committee meeting",
            ),
        ] {
            let (_d, mut a) = app(lang, true);
            a.key(
                KeyEvent::new(KeyCode::Char('n'), KeyModifiers::NONE),
                Instant::now(),
                when,
            );
            let Screen::Setup(s) = &a.screen else {
                panic!("setup opened: {:?}", a.flash)
            };
            let opened = s.form.text(FieldId::Title);
            assert!(
                opened.contains(if lang == Lang::Zh { zh } else { en }),
                "{opened}"
            );
            // Two kinds on (assembly, committee), keys pressed at another date entirely.
            press(&mut a, KeyCode::Right);
            press(&mut a, KeyCode::Right);
            let Screen::Setup(s) = &a.screen else {
                panic!("setup stays open")
            };
            assert!(Tr(lang).kind(crate::domain::MeetingKind::Committee) == kind);
            assert_eq!(s.form.text(FieldId::Title), expect);
        }
    }
}

/// The planned start is read as a secretary types it: `14:30`, `9:05`, or with the full-width
/// colon of a Chinese input method; anything else keeps the form open with the expected shape.
#[test]
fn the_planned_start_takes_a_full_width_colon() {
    for (typed, expect) in [
        ("9：05", Some("2026-11-26T09:05:00+08:00")),
        (" 14:30 ", Some("2026-11-26T14:30:00+08:00")),
        ("下午两点", None),
    ] {
        let (_d, mut a) = app(Lang::Zh, true);
        press(&mut a, KeyCode::Char('n'));
        if let Screen::Setup(s) = &mut a.screen {
            s.form.focus = s
                .form
                .fields
                .iter()
                .position(|f| f.key == FieldId::Start)
                .expect("start field");
        }
        for _ in 0..5 {
            press(&mut a, KeyCode::Backspace);
        }
        typing(&mut a, typed);
        ctrl(&mut a, 's');
        match (&a.screen, expect) {
            (Screen::Meeting(m), Some(at)) => assert_eq!(
                m.session
                    .meeting
                    .setup
                    .planned_start
                    .map(|t| t.to_rfc3339()),
                Some(at.to_owned()),
                "{typed}"
            ),
            (Screen::Setup(s), None) => assert_eq!(
                s.form.error.as_deref(),
                Some("计划开始时间格式应为 14:30"),
                "{typed}"
            ),
            _ => panic!("{typed}: {:?}", a.flash),
        }
    }
}
