//! What each fuzz target does with its input: exactly what the program does with such a file, plus
//! the invariants that must hold whatever the bytes are. A panic here is a finding.
//!
//! This file is compiled twice: by the fuzz crate (`fuzz/src/lib.rs`) and by
//! `tests/fuzz_regressions.rs`, which runs every kept input under `fixtures/fuzz/` through it.

use branchday::corpus::MeetingBuilder;
use branchday::domain::agenda::builtin_templates;
use branchday::domain::{Branch, Event, Meeting, MeetingKind, MeetingSetup, Roster};
use branchday::export::{self, TextFormat as ExportFormat};
use branchday::i18n::{Lang, Tr};
use branchday::minutes::{self, Severity, check::counts_of};
use branchday::roster_import::{self as import, Format};
use branchday::tui::meeting::CheckIn;
use branchday::tui::roster::RosterModel;
use branchday::tui::setup::SetupScreen;
use branchday::{journal, store};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const LANGS: [Tr; 2] = [Tr(Lang::Zh), Tr(Lang::En)];
const FORMATS: [ExportFormat; 3] = [ExportFormat::Md, ExportFormat::Txt, ExportFormat::Html];

/// A character that must never reach a terminal or a text export from a file: C0 controls other
/// than line break and tab, DEL, C1 controls, and the bidi controls (what `sanitize` replaces).
fn hostile(c: char) -> bool {
    let u = u32::from(c);
    (u < 0x20 && c != '\n' && c != '\t')
        || (0x7f..=0x9f).contains(&u)
        || matches!(u, 0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069)
}

fn assert_clean(what: &str, text: &str) {
    if let Some(c) = text.chars().find(|c| hostile(*c)) {
        panic!(
            "{what} shows an unsanitized control character U+{:04X}",
            u32::from(c)
        );
    }
}

fn assert_clean_buffer(what: &str, buf: &Buffer) {
    for cell in &buf.content {
        let s = cell.symbol();
        assert!(
            !s.contains('\n') && !s.contains('\t'),
            "{what} puts a line break or tab into a cell"
        );
        assert_clean(what, s);
    }
}

fn fixed_time() -> branchday::domain::Timestamp {
    "2026-11-26T16:00:00+08:00"
        .parse()
        .expect("a fixed RFC 3339 time")
}

/// Minutes reader: `validate`, `review` and `export` all start with `check_bytes`.
pub fn minutes(data: &[u8]) {
    let checked = minutes::check_bytes(data);
    if checked.minutes.is_none() {
        assert!(
            !checked.is_valid(),
            "an unreadable file must carry an error finding"
        );
    }
    for f in &checked.findings {
        for tr in LANGS {
            // What `validate` prints for the finding (one line).
            let shown = branchday::sanitize::line(&tr.problem(&f.problem)).into_owned();
            assert_clean("a validate message", &shown);
        }
    }
    let Some(m) = checked.minutes.as_ref() else {
        return;
    };
    let _ = counts_of(m);
    let _ = m.file_name();
    let _ = m.supersedes();
    let _ = minutes::check::check_rules(m);
    let errors: Vec<String> = checked
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| Tr(Lang::Zh).problem(&f.problem))
        .collect();
    for tr in LANGS {
        for format in FORMATS {
            let out = export::render_marked(m, format, tr, &errors);
            if format != ExportFormat::Html {
                assert_clean("a text export", &out);
            }
        }
    }
    // Writing the record back gives a file that reads as the same, untampered record.
    if let Ok((bytes, digest)) = minutes::to_bytes(m) {
        let again = minutes::check_bytes(&bytes);
        assert!(
            !again.is_tampered(),
            "a rewritten record fails its own digest"
        );
        assert_eq!(again.computed_digest.as_deref(), Some(digest.as_str()));
        assert_eq!(
            again
                .minutes
                .as_ref()
                .map(|a| (&a.id, &a.attendance, &a.items)),
            Some((&m.id, &m.attendance, &m.items)),
            "a rewritten record reads back different"
        );
    }
}

/// Journal replay: what resuming a draft does (`Journal::open`), then what the meeting screen and
/// finalize do with the meeting it rebuilt.
pub fn journal(data: &[u8]) {
    let (events, warnings) = journal::parse(data);
    let (numbered, numbered_warnings) = journal::parse_numbered(data);
    assert_eq!(events.len(), numbered.len());
    assert_eq!(warnings, numbered_warnings);
    assert!(
        numbered.windows(2).all(|w| w[0].0 < w[1].0),
        "line numbers must increase"
    );
    for w in &warnings {
        for tr in LANGS {
            let _ = tr.journal_warning(w);
        }
    }
    // Every event read back writes out as a line that reads back as the same event: what a resumed
    // session appends is what the next resume finds.
    let mut rewritten = Vec::new();
    for e in &events {
        let line = serde_json::to_vec(e).expect("an event read from a journal serializes");
        rewritten.extend_from_slice(&line);
        rewritten.push(b'\n');
    }
    let (again, again_warnings) = journal::parse(&rewritten);
    assert!(again_warnings.is_empty(), "{again_warnings:?}");
    assert_eq!(again, events, "events do not survive a write and a read");

    let Ok((meeting, skipped)) = Meeting::replay(&events) else {
        return;
    };
    for (_, e) in &skipped {
        for tr in LANGS {
            let _ = tr.apply_error(e);
        }
    }
    let (twice, _) = Meeting::replay(&again).expect("the same events replay again");
    assert_eq!(twice, meeting, "replay is not deterministic");
    meeting_uses(&meeting);
}

/// What the program does with a meeting: the counts on screen, the check-in search, the minutes file
/// that finalize writes and `validate` reads back.
fn meeting_uses(meeting: &Meeting) {
    let _ = meeting.counts();
    let mut checkin = CheckIn::new(meeting);
    for q in ["w", "王", "zzq", "m0"] {
        checkin.filter.insert_str(q);
        checkin.refilter();
        let _ = checkin.current();
        checkin.filter.clear();
        checkin.refilter();
    }
    let at = meeting.ended_at.unwrap_or_else(fixed_time);
    let built = minutes::build(meeting, at);
    let _ = minutes::check::check_rules(&built);
    if let Ok((bytes, digest)) = minutes::to_bytes(&built) {
        let checked = minutes::check_bytes(&bytes);
        assert!(
            checked.minutes.is_some(),
            "finalize writes a file validate cannot read: {:?}",
            checked.findings
        );
        assert!(!checked.is_tampered(), "finalize writes a wrong digest");
        assert_eq!(checked.computed_digest.as_deref(), Some(digest.as_str()));
        let m = checked.minutes.as_ref().expect("checked above");
        assert_clean(
            "a text export of a replayed meeting",
            &export::render(m, ExportFormat::Txt, Tr(Lang::Zh)),
        );
    }
}

/// Roster loading (`DataDir::load_roster`), then what the home, roster and setup screens and a new
/// meeting do with it.
pub fn roster(data: &[u8]) {
    let path = std::path::Path::new("roster.json");
    let Ok(roster) = store::parse_roster(path, data) else {
        return;
    };
    roster_uses(&roster);
}

/// Roster import (`branchday roster import`): the same bytes read as CSV and as XLSX, for a first
/// import and over the demo roster; every message it prints is one clean line; a roster it accepts
/// has unique ids and clean, non-empty names, and survives `roster.json` unchanged.
pub fn roster_import(data: &[u8]) {
    let old = branchday::demo::roster();
    let branch = Branch {
        name: "城关镇东风社区党支部".into(),
        code: String::new(),
    };
    let mut used = false;
    for format in [Format::Csv, Format::Xlsx] {
        for previous in [None, Some(&old)] {
            match import::import(format, data, branch.clone(), previous) {
                Ok(imported) => {
                    let r = &imported.roster;
                    let mut ids = std::collections::HashSet::new();
                    for m in &r.members {
                        assert!(
                            !m.id.is_empty() && ids.insert(&m.id),
                            "duplicate id {:?}",
                            m.id
                        );
                        assert!(!m.name.trim().is_empty(), "an empty name was accepted");
                        assert_clean("an imported name", &m.name);
                    }
                    if let Some(prev) = previous {
                        let _ = import::diff(prev, r);
                    }
                    let json = serde_json::to_vec_pretty(r).expect("a roster serializes");
                    let back = store::parse_roster(std::path::Path::new("roster.json"), &json)
                        .expect("an imported roster reads back from roster.json");
                    assert_eq!(&back, r, "roster.json changes the imported roster");
                    if !used {
                        used = true;
                        roster_uses(r);
                    }
                }
                Err(import::ImportError::File(e)) => {
                    for tr in LANGS {
                        assert_clean_line("a roster import error", &tr.roster_file_error(&e));
                    }
                }
                Err(import::ImportError::Rows(rows)) => {
                    assert!(!rows.is_empty(), "a row failure names its rows");
                    for r in &rows {
                        for tr in LANGS {
                            assert_clean_line(
                                "a roster row error",
                                &tr.roster_row_problem(&r.problem),
                            );
                        }
                    }
                }
            }
        }
    }
}

fn assert_clean_line(what: &str, text: &str) {
    assert!(!text.contains('\n'), "{what} spans lines: {text:?}");
    assert_clean(what, text);
}

/// What the roster, setup and check-in screens and a meeting of every kind do with a roster.
fn roster_uses(roster: &Roster) {
    let area = Rect::new(0, 0, 100, 30);
    for tr in LANGS {
        let mut view = RosterModel::new(roster.clone());
        for _ in 0..2 {
            let mut buf = Buffer::empty(area);
            view.render(tr, area, &mut buf);
            assert_clean_buffer("the roster screen", &buf);
            view.selected = (view.selected + 1).min(view.roster.members.len().saturating_sub(1));
        }
        let setup = SetupScreen::new(roster.clone(), builtin_templates(), tr, fixed_time());
        let mut buf = Buffer::empty(area);
        let _ = setup.render(area, &mut buf);
        assert_clean_buffer("the setup screen", &buf);
    }
    let _ = roster.next_id();
    let _ = roster.full_count();
    // A meeting of every kind held with this roster, as the setup screen would open it.
    for kind in MeetingKind::ALL {
        let meeting = Meeting::new(setup_for(roster, kind), fixed_time());
        meeting_uses(&meeting);
        let created = Event::Created {
            at: fixed_time(),
            setup: Box::new(meeting.setup.clone()),
        };
        let line = serde_json::to_vec(&created).expect("a setup serializes");
        let (events, warnings) = journal::parse(&line);
        assert!(warnings.is_empty() && events.len() == 1, "{warnings:?}");
        assert_eq!(events[0], created, "a roster does not survive the journal");
    }
}

fn setup_for(roster: &Roster, kind: MeetingKind) -> MeetingSetup {
    MeetingBuilder::new(kind, roster.clone())
        .id(uuid_of(roster))
        .title("fuzz")
        .chair(
            roster
                .members
                .first()
                .map(branchday::domain::PersonRef::member),
        )
        .group(roster.groups.first().map(|g| g.name.clone()))
        .build()
}

fn uuid_of(roster: &Roster) -> uuid::Uuid {
    // Deterministic, so a crash reproduces.
    let n = roster.members.len() as u128;
    uuid::Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0000 | n)
}
