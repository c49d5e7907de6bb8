//! The data directory: permissions, never-overwrite, atomic replace, size caps, draft locks.

use super::*;

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).expect("metadata").permissions().mode() & 0o777
}

/// Names in `dir` that look like leftover temp files.
fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .expect("reads dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "tmp"))
        .collect()
}

#[cfg(unix)]
#[test]
fn directories_are_0700_and_files_0600() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(tmp.path().join("nested/data"));
    data.ensure().expect("creates");
    for d in [
        data.root().to_path_buf(),
        data.drafts_dir(),
        data.minutes_dir(),
        data.reviews_dir(),
    ] {
        assert_eq!(mode(&d), 0o700, "{}", d.display());
    }
    let new = data.minutes_dir().join("a.json");
    write_new(&new, b"{}").expect("writes");
    assert_eq!(mode(&new), 0o600);
    let replaced = data.root().join("roster.json");
    write_replace(&replaced, b"{}").expect("writes");
    assert_eq!(mode(&replaced), 0o600);
    let journal = data.drafts_dir().join("x.journal");
    drop(create_append(&journal).expect("creates"));
    assert_eq!(mode(&journal), 0o600);
    let appended = data.root().join("uploads.jsonl");
    drop(open_append(&appended).expect("creates"));
    assert_eq!(mode(&appended), 0o600);
    let lock = DraftLock::acquire(&data.drafts_dir().join("x.lock")).expect("locks");
    assert_eq!(mode(lock.path()), 0o600);
    data.save_roster(&crate::demo::roster()).expect("saves");
    assert_eq!(mode(&data.roster_path()), 0o600);
}

#[test]
fn write_new_never_overwrites() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("minutes.json");
    write_new(&path, b"first").expect("writes");
    assert!(matches!(
        write_new(&path, b"second"),
        Err(StoreError::Exists { path: p }) if p == path
    ));
    assert_eq!(fs::read(&path).expect("reads"), b"first");
    assert!(temp_files(tmp.path()).is_empty());
}

#[test]
fn write_new_without_hard_links_still_never_overwrites() {
    // FAT and exFAT refuse link(2) with EPERM.
    let no_links = |_: &Path, _: &Path| Err(std::io::Error::from_raw_os_error(1));
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("minutes.json");
    write_new_with(&path, b"first", no_links).expect("writes");
    assert_eq!(fs::read(&path).expect("reads"), b"first");
    assert!(matches!(
        write_new_with(&path, b"second", no_links),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(fs::read(&path).expect("reads"), b"first");
    assert!(temp_files(tmp.path()).is_empty());
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    // A file that appears between the check and the claim is not replaced either.
    let other = tmp.path().join("other.json");
    fs::write(&other, b"theirs").expect("writes");
    let mine = tmp.path().join("mine.tmp");
    fs::write(&mine, b"mine").expect("writes");
    assert!(matches!(
        claim_and_rename(&mine, &other),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(fs::read(&other).expect("reads"), b"theirs");
}

#[test]
fn write_new_into_a_missing_directory_fails_cleanly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("no/such/dir/m.json");
    assert!(matches!(write_new(&path, b"x"), Err(StoreError::Io { .. })));
    assert!(!path.exists());
}

#[test]
fn write_replace_swaps_whole_contents_and_leaves_no_temp_files() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("roster.json");
    write_replace(&path, b"old contents, longer than the new").expect("writes");
    // Someone reading the file holds the old one while it is replaced.
    let held = fs::File::open(&path).expect("opens");
    write_replace(&path, b"new").expect("replaces");
    assert_eq!(fs::read(&path).expect("reads"), b"new");
    let mut old = String::new();
    (&held).read_to_string(&mut old).expect("reads old");
    assert_eq!(old, "old contents, longer than the new");
    assert!(temp_files(tmp.path()).is_empty());
    // A bare file name has the working directory as its parent (whose fsync completes a replace).
    assert_eq!(parent_of(Path::new("roster.json")), Path::new("."));
}

#[test]
fn read_capped_refuses_oversize() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("f");
    fs::write(&path, vec![b'a'; 100]).expect("writes");
    assert_eq!(read_capped(&path, 100).expect("reads").len(), 100);
    assert!(matches!(
        read_capped(&path, 99),
        Err(StoreError::TooLarge { limit: 99, .. })
    ));
    assert!(matches!(
        read_capped(&tmp.path().join("missing"), 10),
        Err(StoreError::Io { .. })
    ));
}

#[test]
fn write_minutes_is_never_overwritten() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(tmp.path());
    let events = [
        crate::domain::meeting::tests::created(crate::domain::MeetingKind::GeneralAssembly),
        crate::domain::meeting::tests::marked(5, "m01", crate::domain::AttendanceStatus::Present),
    ];
    let (meeting, _) = crate::domain::Meeting::replay(&events).expect("replays");
    let m = minutes::build(&meeting, crate::domain::meeting::tests::t(3600));
    let (path, digest) = data.write_minutes(&m).expect("writes");
    let bytes = fs::read(&path).expect("reads");
    let checked = minutes::check_bytes(&bytes);
    assert!(!checked.is_tampered());
    assert_eq!(digest.len(), 64);
    assert!(matches!(
        data.write_minutes(&m),
        Err(StoreError::Exists { .. })
    ));
    assert_eq!(fs::read(&path).expect("reads"), bytes);
}

#[test]
fn a_draft_lock_is_held_once() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("draft.lock");
    let first = DraftLock::acquire(&path).expect("locks");
    // std's File::try_lock locks the open file description: a second open in the same process
    // conflicts just as another process would.
    match DraftLock::acquire(&path) {
        Err(StoreError::Locked { path: p, holder }) => {
            assert_eq!(p, path);
            assert!(
                holder.starts_with(&format!("pid {} since ", std::process::id())),
                "{holder}"
            );
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    // The failed attempt left the holder's file alone.
    assert!(path.exists());
    drop(first);
    assert!(!path.exists(), "the lock file goes with the lock");
    let again = DraftLock::acquire(&path).expect("locks after release");
    assert_eq!(again.path(), path);
}

#[test]
fn a_stale_lock_file_is_taken_over() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("draft.lock");
    // Left by a session that crashed: the file exists, but nobody holds a lock on it.
    fs::write(
        &path,
        "pid 999999 since 2026-03-05 14:30:00, and a much longer line",
    )
    .expect("writes");
    let lock = DraftLock::acquire(&path).expect("takes over");
    let text = fs::read_to_string(lock.path()).expect("reads");
    assert!(
        text.starts_with(&format!("pid {} since ", std::process::id())),
        "{text}"
    );
    assert!(!text.contains("longer line"));
}

#[test]
fn a_hostile_lock_file_is_shown_sanitized() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("draft.lock");
    let held = DraftLock::acquire(&path).expect("locks");
    // Overwrite the holder text with escape sequences while the lock is held.
    fs::write(&path, "pid 1 \u{1b}[2J\u{202e}evil").expect("writes");
    match DraftLock::acquire(&path) {
        Err(StoreError::Locked { holder, .. }) => {
            assert!(!holder.contains('\u{1b}'), "{holder:?}");
            assert!(!holder.contains('\u{202e}'), "{holder:?}");
        }
        other => panic!("expected Locked, got {other:?}"),
    }
    drop(held);
}

#[test]
fn disk_faults_are_recognised() {
    let full = StoreError::io(Path::new("x"), std::io::Error::from_raw_os_error(28));
    assert!(full.is_disk_fault());
    let missing = StoreError::io(
        Path::new("x"),
        std::io::Error::from(std::io::ErrorKind::NotFound),
    );
    assert!(!missing.is_disk_fault());
}

#[test]
fn data_dir_resolution_prefers_the_flag() {
    let d = DataDir::resolve(Some(PathBuf::from("/tmp/flag-dir"))).expect("resolves");
    assert_eq!(d.root(), Path::new("/tmp/flag-dir"));
    let id = uuid::Uuid::from_u128(1);
    assert_eq!(
        d.journal_path(&id),
        Path::new("/tmp/flag-dir/drafts/00000000-0000-0000-0000-000000000001.journal")
    );
    assert_eq!(
        d.lock_path(&id).file_name().and_then(|n| n.to_str()),
        Some("00000000-0000-0000-0000-000000000001.lock")
    );
}

#[test]
fn drafts_are_listed_and_foreign_files_ignored() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(tmp.path());
    data.ensure().expect("creates");
    let id = uuid::Uuid::from_u128(7);
    fs::write(data.journal_path(&id), b"").expect("writes");
    fs::write(data.drafts_dir().join("notes.txt"), b"").expect("writes");
    fs::write(data.drafts_dir().join("bad.journal"), b"").expect("writes");
    let drafts = data.drafts();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].0, id);
}

#[test]
fn a_bad_roster_names_the_field() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = DataDir::at(tmp.path());
    assert_eq!(data.load_roster().expect("no roster yet"), None);
    data.ensure().expect("creates");
    fs::write(
        data.roster_path(),
        br#"{"branch":{"name":"x"},"members":[{"id":"m1","name":"a","standing":"boss"}]}"#,
    )
    .expect("writes");
    match data.load_roster() {
        Err(StoreError::BadRoster { message, .. }) => {
            assert!(message.contains("members[0].standing"), "{message}");
        }
        other => panic!("expected BadRoster, got {other:?}"),
    }
    let roster = crate::demo::roster();
    data.save_roster(&roster).expect("saves");
    assert_eq!(data.load_roster().expect("loads"), Some(roster));
}
