//! Writes the minutes fixtures under `fixtures/`.
//!
//! Regenerate them (deterministic: the same bytes every time, the v2 files signed with the fixed
//! fixtures' key of `session::fixture_key`) from the crate root with
//!
//! ```text
//! cargo run --example make_fixtures
//! ```
//!
//! `fixtures/valid-v2/`: format version 2, as the program writes now, every file signed, and the
//! `allowed_signers` keyring that trusts the fixtures' key for the demo branch: (城关镇东风社区党支部), each played
//! event by event through `Meeting::apply` and built with `minutes::build`: a themed day with a
//! vote, a general assembly that admits a member and confirms another by secret ballot with the
//! written opinions of absent full members, a committee meeting and its correction (`supersedes`), a
//! 党小组 meeting, a 党课, an 组织生活会, and a general assembly with what v2 adds (a member who
//! leaves before the votes, a round annulled and held again, a deferral with its reason, a secret
//! ballot with its tally).
//!
//! `fixtures/valid/*.json`: format version 1, written by the program before version 2 and kept as
//! they are (version 1 files must read and validate forever; they are not regenerated).
//!
//! `fixtures/invalid/`: one file per kind of error `branchday validate` reports, named
//! `<problem code>.json` (the codes of `Problem::code()`), each a version 1 fixture with one change.
//! `too_large` has no fixture (a 17 MiB file); the hostile-input tests make one at run time.
//!
//! Existing fixture files are replaced; files no longer generated are left alone.

mod invalid;
mod session;
mod v2;
mod valid;
mod village;

use std::path::Path;

use branchday::store;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    store::create_dir_private(dir).expect("fixtures folder");
    let path = dir.join(name);
    store::write_replace(&path, bytes).expect("fixture written");
    println!("{}", path.display());
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let v1_dir = root.join("valid");
    let v2_dir = root.join("valid-v2");
    let invalid_dir = root.join("invalid");

    // The same meetings as the version 1 fixtures, under ids of their own (a v1 and a v2 file
    // with one id would be a conflict).
    let v2 = |mut s: session::Session| {
        s.meeting.setup.id = uuid::Uuid::from_u128(s.meeting.setup.id.as_u128() ^ 0x2);
        s
    };
    let (_, themed) = v2(valid::themed_day()).finish(165);
    let (_, assembly) = v2(valid::general_assembly_admission()).finish(80);
    let (committee, committee_bytes) = v2(valid::committee(None)).finish(55);
    let (_, correction) = v2(valid::committee(Some(committee.id))).finish(55 + 3 * 24 * 60);
    let (_, group) = v2(valid::group()).finish(60);
    let (_, lecture) = v2(valid::lecture()).finish(75);
    let (_, life) = v2(valid::life_meeting()).finish(100);
    let (_, revote) = v2::general_assembly_revote().finish(95);
    let (village_minutes, village) = v2(village::village_committee_500()).finish(120);

    for (name, bytes) in [
        ("themed_day.json", &themed),
        ("general_assembly_admission.json", &assembly),
        ("committee.json", &committee_bytes),
        ("committee_correction.json", &correction),
        ("group.json", &group),
        ("lecture.json", &lecture),
        ("life_meeting.json", &life),
        ("general_assembly_revote.json", &revote),
        ("village_committee_500.json", &village),
    ] {
        write(&v2_dir, name, bytes);
    }
    let key = session::fixture_key();
    let mut keyring =
        String::from("# The fixtures' signing key (test use only), for both branches.\n");
    for code in [
        branchday::demo::roster().branch.code,
        village_minutes.branch.code,
    ] {
        let line = branchday::keys::allowed_signers_line(&code, key.public_key()).expect("line");
        keyring.push_str(&line);
        keyring.push('\n');
    }
    write(&v2_dir, "allowed_signers", keyring.as_bytes());

    // The invalid fixtures are version 1 fixtures with one change each.
    let v1 = |name: &str| std::fs::read(v1_dir.join(name)).expect("version 1 fixture");
    let (themed, assembly, group, lecture) = (
        v1("themed_day.json"),
        v1("general_assembly_admission.json"),
        v1("group.json"),
        v1("lecture.json"),
    );
    for (code, bytes) in invalid::invalid_fixtures(&themed, &assembly, &group, &lecture) {
        write(&invalid_dir, &format!("{code}.json"), &bytes);
    }
}
