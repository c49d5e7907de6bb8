//! `branchday stats --due PATH…`: for each branch in the files, what 三会一课 asks this month and
//! quarter and what is done, and members with 3+ / 6+ consecutive months of absence still open;
//! the same figures the home screen shows (see [`crate::stats::due`]). Also the reading both use:
//! minutes files into facts, and the frequencies kept in `cadence.json`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::domain::Branch;
use crate::i18n::Tr;
use crate::minutes::{self, ReadError, Severity, files};
use crate::stats::due::{self, BranchYear, Held, ProbationLine, Requirement};
use crate::stats::{self, Facts};
use crate::store::{self, DataDir};
use crate::texttable::Table;
use crate::{parallel, sanitize};

/// One valid minutes file: what statistics need, what it held, the 党小组 of its attendance list.
pub type Read = (Facts, Held, Vec<String>);

fn read_one(path: &Path, tr: Tr) -> Result<Read, (PathBuf, String)> {
    let checked = minutes::read(path)
        .or_else(ReadError::judged)
        .map_err(|e| (path.to_path_buf(), tr.read_error(path, e)))?;
    let first_error = checked
        .findings
        .iter()
        .find(|f| f.severity == Severity::Error)
        .map(|f| sanitize::line(&tr.problem(&f.problem)).into_owned());
    match (checked.minutes, first_error) {
        (Some(m), None) => {
            let digest = checked
                .computed_digest
                .unwrap_or_else(|| m.integrity.digest.clone());
            let facts = Facts::of(path.to_path_buf(), &m, digest);
            let held = Held {
                branch: facts.branch.clone(),
                kind: m.kind,
                month: facts.month,
                group: m.group.clone(),
            };
            // In the order the attendance list first names them.
            let mut groups: Vec<String> = Vec::new();
            for g in m.attendance.iter().filter_map(|a| a.group.as_ref()) {
                if !groups.contains(g) {
                    groups.push(g.clone());
                }
            }
            Ok((facts, held, groups))
        }
        (_, e) => Err((path.to_path_buf(), e.unwrap_or_default())),
    }
}

/// Read the valid minutes files under `paths`, one record per meeting (duplicates and superseded
/// files dropped as `stats` drops them); the invalid files with their first error.
pub fn read(paths: &[PathBuf], tr: Tr) -> (Vec<Read>, Vec<(PathBuf, String)>) {
    let (found, _) = files::collect(paths);
    let mut ok = Vec::new();
    let mut invalid = Vec::new();
    for r in parallel::map(&found, |p| read_one(p, tr)) {
        match r {
            Ok(x) => ok.push(x),
            Err(e) => invalid.push(e),
        }
    }
    let facts: Vec<Facts> = ok.iter().map(|(f, _, _)| f.clone()).collect();
    let kept = stats::resolve::resolve(&facts).kept;
    let mut keep = vec![false; ok.len()];
    for i in kept {
        if let Some(k) = keep.get_mut(i) {
            *k = true;
        }
    }
    let ok = ok
        .into_iter()
        .zip(keep)
        .filter_map(|(x, k)| k.then_some(x))
        .collect();
    (ok, invalid)
}

/// The frequencies in the data directory's `cadence.json`, written from the defaults the first
/// time so the secretary can edit them; a file that cannot be read gives the defaults and a message.
pub fn cadence(data: &DataDir, tr: Tr) -> (Vec<Requirement>, Option<String>) {
    let path = data.root().join("cadence.json");
    if !path.exists() {
        let builtin = due::default_cadence();
        if data.root().exists()
            && let Ok(mut bytes) = serde_json::to_vec_pretty(&builtin)
        {
            bytes.push(b'\n');
            let _ = store::write_replace(&path, &bytes);
        }
        return (builtin, None);
    }
    let parsed = store::read_capped(&path, store::MAX_CONFIG_BYTES)
        .map_err(|e| tr.store_error(&e))
        .and_then(|bytes| {
            serde_json::from_slice::<Vec<Requirement>>(&bytes).map_err(|e| {
                tr.cadence_error(&sanitize::path(&path), &sanitize::line(&e.to_string()))
            })
        });
    match parsed {
        Ok(c) => (c, None),
        Err(msg) => (due::default_cadence(), Some(msg)),
    }
}

/// The years as one JSON object.
pub fn to_json(as_of: NaiveDate, years: &[BranchYear], invalid: &[(PathBuf, String)]) -> Value {
    json!({
        "format": "branchday.due",
        "version": 1,
        "as_of": as_of.to_string(),
        "invalid": invalid.iter().map(|(p, m)| json!({"path": p.to_string_lossy(), "message": m})).collect::<Vec<_>>(),
        "branches": years.iter().map(|y| json!({
            "code": y.branch.code,
            "name": y.branch.name,
            "due": y.lines.iter().map(|l| json!({
                "kind": l.kind.key(),
                "every": l.every.key(),
                "group": l.group,
                "period": l.period.to_string(),
                "held": l.held,
                "previous_held": l.previous_held,
                "state": l.state.key(),
            })).collect::<Vec<_>>(),
            "absences": y.absences.iter().map(|a| json!({
                "member_id": a.member_id,
                "name": a.name,
                "months": a.months.iter().map(ToString::to_string).collect::<Vec<_>>(),
                "length": a.months.len(),
                "level": a.level.key(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// The 转正 reminders of the roster kept in the data directory, as JSON.
pub fn probation_json(branch: &Branch, lines: &[ProbationLine]) -> Value {
    json!({
        "code": branch.code,
        "name": branch.name,
        "members": lines.iter().map(|p| json!({
            "member_id": p.member_id,
            "name": p.name,
            "joined": p.joined.to_string(),
            "probation_ends": p.ends.to_string(),
            "days_left": p.days_left,
            "ended": p.ended(),
        })).collect::<Vec<_>>(),
    })
}

/// The 转正 reminders of the roster kept in the data directory, as text.
pub fn render_probation(branch: &Branch, lines: &[ProbationLine], tr: Tr) -> String {
    let mut out = format!(
        "\n{}\n",
        sanitize::line(&tr.due_probation_heading(&branch.name, lines.len()))
    );
    for p in lines {
        out.push_str("  ");
        out.push_str(&sanitize::line(&tr.due_probation(p)));
        out.push('\n');
    }
    out
}

/// The years as text tables in the UI language.
pub fn render(as_of: NaiveDate, years: &[BranchYear], tr: Tr) -> String {
    let mut out = format!("{}\n", tr.due_heading(&as_of.to_string()));
    for y in years {
        out.push('\n');
        out.push_str(&sanitize::line(&format!(
            "{} ({})",
            y.branch.name, y.branch.code
        )));
        out.push('\n');
        let mut t = Table::new(tr.due_columns().map(str::to_owned).to_vec());
        for l in &y.lines {
            t.push(vec![
                sanitize::line(&tr.due_kind(l)).into_owned(),
                tr.due_period(l),
                l.held.to_string(),
                l.previous_held.to_string(),
                tr.due_state(l.state).to_owned(),
            ]);
        }
        for line in t.lines(100, "-") {
            out.push_str("  ");
            out.push_str(&line);
            out.push('\n');
        }
        for a in &y.absences {
            out.push_str("  ");
            out.push_str(&sanitize::line(&tr.due_absence(a)));
            out.push('\n');
        }
    }
    out
}

fn out(text: &str) {
    use std::io::Write;
    let mut o = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = o.write_all(text.as_bytes()).and_then(|()| o.flush());
}

/// Run `stats --due`; returns the exit code.
pub fn run(
    paths: &[PathBuf],
    as_of: Option<&str>,
    json: bool,
    data: Option<PathBuf>,
    tr: Tr,
) -> u8 {
    let today = match as_of {
        None => crate::clock::now().date_naive(),
        Some(s) => {
            let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") else {
                eprintln!(
                    "{}: {}",
                    tr.error_prefix(),
                    tr.due_bad_as_of(&sanitize::line(s))
                );
                return EXIT_USAGE;
            };
            d
        }
    };
    if crate::cli::report_missing(&files::collect(paths).1, tr) {
        return EXIT_USAGE;
    }
    let (cadence, roster) = match DataDir::resolve(data) {
        Ok(d) => {
            let (c, msg) = cadence(&d, tr);
            if let Some(m) = msg {
                eprintln!("{m}");
            }
            // The 转正 reminders come from the roster kept here: minutes do not say when
            // anyone joined.
            let roster = match d.load_roster() {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("{}", tr.store_error(&e));
                    None
                }
            };
            (c, roster)
        }
        Err(_) => (due::default_cadence(), None),
    };
    let probation = roster.map(|r| {
        let lines = due::probation(&r, today);
        (r.branch, lines)
    });
    let (read, invalid) = read(paths, tr);
    let meetings: Vec<(&Facts, &Held, &[String])> =
        read.iter().map(|(f, h, g)| (f, h, g.as_slice())).collect();
    let years = due::branches(&cadence, &meetings, today);
    if json {
        let mut v = to_json(today, &years, &invalid);
        if let Some((branch, lines)) = &probation {
            v["probation"] = probation_json(branch, lines);
        }
        out(&format!("{v}\n"));
    } else {
        for (p, msg) in &invalid {
            eprintln!("{}: error: {msg}{}", sanitize::path(p), tr.stats_skipped());
        }
        let mut text = render(today, &years, tr);
        if let Some((branch, lines)) = &probation {
            text.push_str(&render_probation(branch, lines, tr));
        }
        out(&text);
    }
    if invalid.is_empty() {
        EXIT_OK
    } else {
        EXIT_INVALID
    }
}
