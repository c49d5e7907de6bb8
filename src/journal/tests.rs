//! The journal on disk: append-only lines, torn tails, bad lines, hostile files.

use std::fs::{self, OpenOptions};
use std::io::Write;

use super::*;
use crate::domain::meeting::tests::{created, marked};
use crate::domain::{AttendanceStatus, Event, MeetingKind};

fn journal_with(dir: &Path, events: &[Event]) -> (Journal, PathBuf) {
    let path = dir.join("draft.journal");
    let mut j = Journal::create(&path, &events[0]).expect("creates");
    for e in &events[1..] {
        j.append(e).expect("appends");
    }
    (j, path)
}

fn start() -> Vec<Event> {
    vec![
        created(MeetingKind::GeneralAssembly),
        marked(1, "m01", AttendanceStatus::Present),
        marked(2, "m02", AttendanceStatus::Late),
    ]
}

fn append_raw(path: &Path, bytes: &[u8]) {
    let mut f = OpenOptions::new().append(true).open(path).expect("opens");
    f.write_all(bytes).expect("writes");
}

fn line_of(event: &Event) -> Vec<u8> {
    let mut line = serde_json::to_vec(event).expect("serializes");
    line.push(b'\n');
    line
}

#[test]
fn each_append_adds_one_line_and_never_changes_earlier_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut j, path) = journal_with(dir.path(), &start()[..1]);
    assert_eq!(j.path(), path);
    let mut before = fs::read(&path).expect("reads");
    assert_eq!(before.iter().filter(|b| **b == b'\n').count(), 1);
    for (i, id) in (0..).zip(["m01", "m02", "m03", "m04"]) {
        let e = marked(i, id, AttendanceStatus::Present);
        j.append(&e).expect("appends");
        let after = fs::read(&path).expect("reads");
        assert!(after.starts_with(&before), "earlier bytes changed");
        let added = &after[before.len()..];
        assert_eq!(added, line_of(&e).as_slice());
        assert_eq!(added.iter().filter(|b| **b == b'\n').count(), 1);
        before = after;
    }
    let (_, m, warnings) = Journal::open(&path).expect("opens");
    assert!(warnings.is_empty());
    assert_eq!(m.counts().present_total, 4);
}

#[test]
fn create_refuses_an_existing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (_, path) = journal_with(dir.path(), &start());
    let before = fs::read(&path).expect("reads");
    assert!(matches!(
        Journal::create(&path, &start()[0]),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(fs::read(&path).expect("reads"), before);
}

#[test]
fn a_torn_last_line_is_dropped_and_the_next_append_starts_a_fresh_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let events = start();
    let (j, path) = journal_with(dir.path(), &events);
    drop(j);
    let whole = fs::read(&path).expect("reads");
    let torn = line_of(&marked(3, "m03", AttendanceStatus::Present));
    append_raw(&path, &torn[..torn.len() / 2]);

    let (mut j, m, warnings) = Journal::open(&path).expect("opens");
    assert_eq!(
        warnings,
        [JournalWarning::TornTail {
            line: 4,
            bytes: torn.len() / 2
        }]
    );
    let (expected, _) = Meeting::replay(&events).expect("replays");
    assert_eq!(m, expected);
    // The torn bytes are gone from the file.
    assert_eq!(fs::read(&path).expect("reads"), whole);

    let next = marked(4, "m04", AttendanceStatus::Present);
    j.append(&next).expect("appends");
    drop(j);
    let mut want = whole.clone();
    want.extend(line_of(&next));
    assert_eq!(fs::read(&path).expect("reads"), want);
    let (_, m, warnings) = Journal::open(&path).expect("opens");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(m.counts().present_total, 3);
}

#[test]
fn a_whole_last_event_without_its_newline_is_kept_and_completed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let events = start();
    let (j, path) = journal_with(dir.path(), &events);
    drop(j);
    let last = marked(3, "m03", AttendanceStatus::Present);
    let line = line_of(&last);
    append_raw(&path, &line[..line.len() - 1]);

    let (mut j, m, warnings) = Journal::open(&path).expect("opens");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(m.counts().present_total, 3);
    let next = marked(4, "m04", AttendanceStatus::Present);
    j.append(&next).expect("appends");
    drop(j);
    // What was replayed is still in the file, and the next event sits on its own line.
    let (_, reopened, warnings) = Journal::open(&path).expect("opens");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(reopened.counts().present_total, 4);
    let bytes = fs::read(&path).expect("reads");
    assert!(bytes.ends_with(&line_of(&next)));
    assert_eq!(bytes.iter().filter(|b| **b == b'\n').count(), 5);
}

#[test]
fn a_corrupt_middle_line_is_skipped_with_its_line_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (j, path) = journal_with(dir.path(), &start()[..2]);
    drop(j);
    append_raw(&path, b"{\"event\":\"marked\",\"at\":\n");
    append_raw(&path, b"\n");
    append_raw(&path, &line_of(&start()[2]));
    // An event that reads fine but does not fit the meeting, on line 6.
    append_raw(&path, &line_of(&Event::GuestRemoved { index: 3 }));
    let (_, m, warnings) = Journal::open(&path).expect("opens");
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        matches!(&warnings[0], JournalWarning::BadLine { line: 3, message } if !message.is_empty())
    );
    assert_eq!(
        warnings[1],
        JournalWarning::Skipped {
            line: 6,
            error: ApplyError::NoSuch {
                what: "guest",
                index: 3
            }
        }
    );
    assert_eq!(m.counts().present_total, 2);
}

#[test]
fn a_journal_must_start_with_created() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("x.journal");
    fs::write(&path, line_of(&start()[1])).expect("writes");
    assert!(matches!(
        Journal::open(&path),
        Err(JournalError::NoStart { path: p }) if p == path
    ));
}

#[test]
fn an_empty_journal_has_no_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.journal");
    fs::write(&path, b"").expect("writes");
    assert!(matches!(
        Journal::open(&path),
        Err(JournalError::NoStart { .. })
    ));
    assert_eq!(parse(b""), (Vec::new(), Vec::new()));
    assert_eq!(parse(b"\n\n  \n"), (Vec::new(), Vec::new()));
}

#[test]
fn a_missing_journal_is_a_store_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    assert!(matches!(
        Journal::open(&dir.path().join("none.journal")),
        Err(JournalError::Store(StoreError::Io { .. }))
    ));
}

#[test]
fn non_utf8_garbage_is_reported_not_panicked_on() {
    let garbage: Vec<u8> = (0u8..=255)
        .cycle()
        .take(3000)
        .filter(|b| *b != b'\n')
        .collect();
    let mut bytes = garbage.clone();
    bytes.push(b'\n');
    let (events, warnings) = parse(&bytes);
    assert!(events.is_empty());
    assert!(matches!(
        warnings[..],
        [JournalWarning::BadLine { line: 1, .. }]
    ));

    // Garbage alone: no start.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("garbage.journal");
    fs::write(&path, &bytes).expect("writes");
    assert!(matches!(
        Journal::open(&path),
        Err(JournalError::NoStart { .. })
    ));

    // Garbage in the middle of a real journal: skipped; as the unterminated tail: torn.
    let (j, path) = journal_with(dir.path(), &start());
    drop(j);
    append_raw(&path, &bytes);
    append_raw(
        &path,
        &line_of(&marked(9, "m05", AttendanceStatus::Present)),
    );
    append_raw(&path, &[0xff, 0xfe, 0x80]);
    let (_, m, warnings) = Journal::open(&path).expect("opens");
    assert!(matches!(
        warnings[..],
        [
            JournalWarning::BadLine { line: 4, .. },
            JournalWarning::TornTail { line: 6, bytes: 3 }
        ]
    ));
    assert_eq!(m.counts().present_total, 3);
}

#[test]
fn a_twenty_megabyte_line_is_refused_without_blocking_the_rest() {
    let big = vec![b'x'; 20 * 1024 * 1024];
    let dir = tempfile::tempdir().expect("tempdir");
    let (j, path) = journal_with(dir.path(), &start());
    drop(j);
    append_raw(&path, &big);
    append_raw(&path, b"\n");
    let after = marked(9, "m05", AttendanceStatus::Present);
    append_raw(&path, &line_of(&after));
    let (mut j, m, warnings) = Journal::open(&path).expect("opens");
    assert!(matches!(
        &warnings[..],
        [JournalWarning::BadLine { line: 4, message }] if message.contains("longer")
    ));
    assert_eq!(m.counts().present_total, 3);

    // As an unterminated tail it is torn: dropped, and cut from the file.
    append_raw(&path, &big);
    let len_before = fs::metadata(&path).expect("meta").len();
    drop(j);
    let (reopened, m, warnings) = Journal::open(&path).expect("opens");
    j = reopened;
    assert!(matches!(
        warnings.last(),
        Some(JournalWarning::TornTail { line: 6, bytes }) if *bytes == big.len()
    ));
    assert_eq!(m.counts().present_total, 3);
    let len_after = fs::metadata(&path).expect("meta").len();
    assert_eq!(len_before - len_after, big.len() as u64);
    j.append(&marked(10, "m06", AttendanceStatus::Present))
        .expect("appends");

    // A single 20 MB line on its own: no start.
    let lone = dir.path().join("lone.journal");
    fs::write(&lone, &big).expect("writes");
    assert!(matches!(
        Journal::open(&lone),
        Err(JournalError::NoStart { .. })
    ));
}

#[test]
fn a_journal_above_the_cap_is_refused_unread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.journal");
    let f = fs::File::create(&path).expect("creates");
    // A sparse file: no real disk use.
    f.set_len(MAX_JOURNAL_BYTES + 1).expect("sets length");
    assert!(matches!(
        Journal::open(&path),
        Err(JournalError::Store(StoreError::TooLarge { .. }))
    ));
}

#[test]
fn crlf_line_endings_still_read() {
    let mut bytes = Vec::new();
    for e in start() {
        let mut line = serde_json::to_vec(&e).expect("serializes");
        line.extend(b"\r\n");
        bytes.extend(line);
    }
    let (events, warnings) = parse(&bytes);
    assert!(warnings.is_empty());
    assert_eq!(events, start());
    let (numbered, _) = parse_numbered(&bytes);
    assert_eq!(
        numbered.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}
