//! Writes the minutes fixtures under `fixtures/`.
//!
//! Regenerate them (deterministic: the same bytes every time) from the crate root with
//!
//! ```text
//! cargo run --example make_fixtures
//! ```
//!
//! `fixtures/valid/`: meetings of the built-in demo branch (城关镇东风社区党支部), each played
//! event by event through `Meeting::apply` and built with `minutes::build`: a themed day with a
//! vote, a general assembly that admits a member and confirms another by secret ballot with the
//! written opinions of absent full members, a committee meeting and its correction (`supersedes`), a
//! 党小组 meeting, a 党课, an 组织生活会, and a themed day of a village Party committee of 500.
//!
//! `fixtures/invalid/`: one file per kind of error `branchday validate` reports, named
//! `<problem code>.json` (the codes of `Problem::code()`), each a valid fixture with one change.
//! `too_large` has no fixture (a 17 MiB file); the hostile-input tests make one at run time.
//!
//! Existing fixture files are replaced; files no longer generated are left alone.

mod invalid;
mod session;
mod valid;

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
    let valid_dir = root.join("valid");
    let invalid_dir = root.join("invalid");

    let (_, themed) = valid::themed_day().finish(165);
    let (_, assembly) = valid::general_assembly_admission().finish(80);
    let (committee, committee_bytes) = valid::committee(None).finish(55);
    let (_, correction) = valid::committee(Some(committee.id)).finish(55 + 3 * 24 * 60);
    let (_, group) = valid::group().finish(60);
    let (_, lecture) = valid::lecture().finish(75);
    let (_, life) = valid::life_meeting().finish(100);
    let (_, village) = valid::village_committee_500().finish(120);

    for (name, bytes) in [
        ("themed_day.json", &themed),
        ("general_assembly_admission.json", &assembly),
        ("committee.json", &committee_bytes),
        ("committee_correction.json", &correction),
        ("group.json", &group),
        ("lecture.json", &lecture),
        ("life_meeting.json", &life),
        ("village_committee_500.json", &village),
    ] {
        write(&valid_dir, name, bytes);
    }
    for (code, bytes) in invalid::invalid_fixtures(&themed, &assembly, &group, &lecture) {
        write(&invalid_dir, &format!("{code}.json"), &bytes);
    }
}
