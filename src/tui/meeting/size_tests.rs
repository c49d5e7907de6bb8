//! Every panel of the meeting at 80×24 (the smallest terminal supported) and 120×35, in Chinese and
//! English: the header's theme, the quorum on the status line and the footer's keys stay whole.

use chrono::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::tests::{at, data, screen};
use super::*;
use crate::domain::MeetingKind;
use crate::i18n::Lang;

fn draw(s: &mut MeetingScreen, w: u16, h: u16) -> Terminal<TestBackend> {
    s.session.saved_at = chrono::FixedOffset::east_opt(8 * 3600)
        .and_then(|o| o.with_ymd_and_hms(2026, 11, 26, 14, 6, 59).single());
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| s.draw(f, at(7))).expect("draw");
    t
}

fn send(s: &mut MeetingScreen, msgs: &[KeyEvent]) {
    let data = data(s);
    for k in msgs {
        s.key(*k, std::time::Instant::now(), at(7), &data);
    }
}

fn k(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

fn text(s: &str) -> Vec<KeyEvent> {
    s.chars().map(|c| k(KeyCode::Char(c))).collect()
}

/// The rows of the screen as text (wide characters once).
fn rows(t: &Terminal<TestBackend>) -> Vec<String> {
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let cell = &buf[(x, y)];
                line.push_str(cell.symbol());
                x += u16::try_from(unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1))
                    .unwrap_or(1);
            }
            line
        })
        .collect()
}

/// A meeting on each panel, with what a real one has: marks, a guest, a topic, an item voted.
fn panels(lang: Lang) -> Vec<(&'static str, MeetingScreen, tempfile::TempDir)> {
    let mut out = Vec::new();
    for (name, view) in [
        ("checkin", View::CheckIn),
        ("study", View::Study),
        ("items", View::Items),
        ("vote", View::Items),
        ("wrapup", View::WrapUp),
    ] {
        let (d, mut s) = screen(MeetingKind::ThemedDay, lang);
        send(&mut s, &text("wjg"));
        send(&mut s, &[k(KeyCode::Enter), k(KeyCode::Char('3'))]);
        send(&mut s, &text("出差学习"));
        send(
            &mut s,
            &[KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)],
        );
        s.model.view = View::Study;
        send(&mut s, &[k(KeyCode::Char('a'))]);
        send(
            &mut s,
            &text("学习贯彻党的二十届四中全会精神和习近平总书记重要讲话"),
        );
        send(
            &mut s,
            &[KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)],
        );
        s.model.view = View::Items;
        send(&mut s, &[k(KeyCode::Char('a'))]);
        send(
            &mut s,
            &text("关于修缮社区党群服务中心活动室并增设老年人助餐点的议题"),
        );
        send(
            &mut s,
            &[KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)],
        );
        if name == "vote" {
            send(&mut s, &[k(KeyCode::Char('v')), k(KeyCode::Tab)]);
            send(&mut s, &text("1"));
        }
        s.model.view = view;
        out.push((name, s, d));
    }
    out
}

#[test]
fn every_panel_keeps_the_quorum_and_the_keys_at_80x24_and_120x35() {
    for lang in [Lang::Zh, Lang::En] {
        for (name, mut s, _d) in panels(lang) {
            for (w, h) in [(80, 24), (120, 35)] {
                let t = draw(&mut s, w, h);
                let rows = rows(&t);
                let status = &rows[usize::from(h) - 1];
                let keys = &rows[usize::from(h) - 2];
                // A dialog's footer has the dialog's keys: submit and back instead of quit.
                let dialog = name == "vote";
                let (quorum, quit, help) = match (lang, dialog) {
                    (Lang::Zh, false) => ("表决权", "Ctrl+Q 退出", "F1 帮助"),
                    (Lang::En, false) => ("entitled", "Ctrl+Q quit", "F1 help"),
                    (Lang::Zh, true) => ("表决权", "Ctrl+S 提交", "Esc 返回"),
                    (Lang::En, true) => ("entitled", "Ctrl+S submit", "Esc back"),
                };
                assert!(status.contains(quorum), "{lang:?} {name} {w}x{h}: {status}");
                assert!(
                    keys.contains(quit) && keys.contains(help),
                    "{lang:?} {name} {w}x{h}: {keys}"
                );
                // The header keeps the start of the theme (typed in Chinese in both languages).
                assert!(
                    rows[0].contains("学习贯彻"),
                    "{lang:?} {name} {w}x{h}: {}",
                    rows[0]
                );
                let snap = format!(
                    "{name}_{}_{w}x{h}",
                    if lang == Lang::Zh { "zh" } else { "en" }
                );
                insta::assert_snapshot!(snap, t.backend());
            }
        }
    }
}
