//! `branchday stats PATH… [--from YYYY-MM] [--to YYYY-MM] [--json]`.
//!
//! Files are read and checked in parallel; only valid files count, invalid ones are listed and
//! skipped. The figures come from [`crate::stats::compute`].

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::table::Table;
use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, say};
use crate::domain::{ItemStage, MeetingKind, Outcome};
use crate::i18n::Tr;
use crate::minutes::files;
use crate::minutes::{self, ReadError, Severity};
use crate::stats::{self, Facts, Period, Report, Tally, YearMonth};
use crate::{parallel, sanitize};

/// What the command line asked of `stats`.
pub struct Request<'a> {
    pub paths: &'a [PathBuf],
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub json: bool,
    pub xlsx: Option<&'a Path>,
    pub keyring: Option<&'a crate::keys::Keyring>,
    pub data_dir: Option<PathBuf>,
}

/// Run the command; returns the exit code.
pub fn run(req: Request<'_>, tr: Tr) -> u8 {
    let Request {
        paths,
        from,
        to,
        json,
        xlsx,
        keyring,
        data_dir,
    } = req;
    let period = match parse_period(from, to, tr) {
        Ok(p) => p,
        Err(msg) => {
            eprintln!("{}: {msg}", tr.error_prefix());
            return EXIT_USAGE;
        }
    };
    for (flag, value) in [("--from", from), ("--to", to)] {
        if let Some((m, false)) = value.and_then(YearMonth::parse_loose) {
            eprintln!(
                "{}",
                tr.month_read_as(flag, value.unwrap_or_default(), &m.to_string())
            );
        }
    }
    let (files, missing) = files::collect(paths);
    if crate::cli::report_missing(&missing, tr) {
        return EXIT_USAGE;
    }
    let mut invalid: Vec<(PathBuf, String)> = Vec::new();
    let mut facts = Vec::with_capacity(files.len());
    for r in read_all(&files, keyring, tr) {
        match r {
            Ok(f) => facts.push(f),
            Err(e) => invalid.push(e),
        }
    }
    let report = stats::compute(&facts, period);
    let cadence = match crate::store::DataDir::resolve(data_dir) {
        Ok(d) => {
            let (c, msg) = super::due::cadence(&d, tr);
            if let Some(m) = msg {
                eprintln!("{m}");
            }
            c
        }
        Err(_) => stats::due::default_cadence(),
    };
    let rows = fulfilment(&facts, period, &cadence);
    if json {
        let mut v = to_json(&report, &invalid);
        v["fulfilment"] = fulfilment_json(&rows);
        println!("{v}");
    } else {
        for (p, msg) in &invalid {
            eprintln!("{}: error: {msg}{}", sanitize::path(p), tr.stats_skipped());
        }
        print!("{}", render(&report, invalid.len(), tr));
        print!("{}", fulfilment_text(&rows, tr));
    }
    if let Some(path) = xlsx {
        match stats::xlsx::write(&report, &rows, path, tr) {
            Ok(()) => say(&tr.stats_xlsx_written(&sanitize::path(path))),
            Err(message) => {
                say(&message);
                return EXIT_INVALID;
            }
        }
    }
    if invalid.is_empty() {
        EXIT_OK
    } else {
        EXIT_INVALID
    }
}

/// The 三会一课落实情况 rows over the months of the period (or the months the kept meetings span).
pub fn fulfilment(
    facts: &[Facts],
    period: Period,
    cadence: &[stats::due::Requirement],
) -> Vec<stats::due::FulfilmentRow> {
    let kept = stats::resolve::resolve(facts).kept;
    let held: Vec<stats::due::Held> = kept
        .iter()
        .filter_map(|&i| facts.get(i))
        .filter(|f| period.contains(f.month))
        .map(stats::due::Held::of)
        .collect();
    let (Some(first), Some(last)) = (
        period.from.or_else(|| held.iter().map(|h| h.month).min()),
        period.to.or_else(|| held.iter().map(|h| h.month).max()),
    ) else {
        return Vec::new();
    };
    stats::due::fulfilment(cadence, &held, &stats::due::months_between(first, last))
}

/// The rows as JSON: one object per branch, kind and 党小组, with a count per month and the
/// periods missing.
pub fn fulfilment_json(rows: &[stats::due::FulfilmentRow]) -> Value {
    Value::Array(
        rows.iter()
            .map(|r| {
                let months: serde_json::Map<String, Value> = r
                    .held
                    .iter()
                    .map(|(m, n)| (m.to_string(), json!(n)))
                    .collect();
                json!({
                    "branch_code": r.branch.code,
                    "branch_name": r.branch.name,
                    "kind": r.kind.key(),
                    "every": r.every.key(),
                    "group": r.group,
                    "held": months,
                    "missing": r.missing.iter().map(ToString::to_string).collect::<Vec<_>>(),
                })
            })
            .collect(),
    )
}

/// The rows as a text table: a line per branch and meeting, a column per month (held, or ✗ where
/// the period passed without one).
pub fn fulfilment_text(rows: &[stats::due::FulfilmentRow], tr: Tr) -> String {
    let Some(first) = rows.first() else {
        return String::new();
    };
    let mut header = vec![
        tr.stats_col_branch().to_owned(),
        tr.due_columns()[0].to_owned(),
    ];
    header.extend(first.held.iter().map(|(m, _)| m.to_string()));
    let mut t = crate::texttable::Table::new(header);
    for r in rows {
        let missing_in = |m: &YearMonth| r.missing.contains(&r.every.period(*m));
        let mut cells = vec![
            sanitize::line(&r.branch.name).into_owned(),
            sanitize::line(&tr.due_kind_short(r.kind, r.group.as_deref(), r.every)).into_owned(),
        ];
        cells.extend(r.held.iter().map(|(m, n)| {
            if *n > 0 {
                n.to_string()
            } else if missing_in(m) {
                "✗".to_owned()
            } else {
                "·".to_owned()
            }
        }));
        t.push(cells);
    }
    let mut out = String::new();
    heading(&mut out, tr.stats_h_fulfilment());
    for line in t.lines(160, "-") {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(tr.stats_fulfilment_note());
    out.push('\n');
    out
}

/// `--from` and `--to`, checked.
pub fn parse_period(from: Option<&str>, to: Option<&str>, tr: Tr) -> Result<Period, String> {
    let month = |flag: &str, v: Option<&str>| -> Result<Option<YearMonth>, String> {
        v.map(|s| {
            YearMonth::parse_loose(s)
                .map(|(m, _)| m)
                .ok_or_else(|| tr.stats_bad_month(flag, s))
        })
        .transpose()
    };
    let p = Period {
        from: month("--from", from)?,
        to: month("--to", to)?,
    };
    if let (Some(f), Some(t)) = (p.from, p.to)
        && f > t
    {
        return Err(tr.stats_period_reversed(&f.to_string(), &t.to_string()));
    }
    Ok(p)
}

/// The facts of a valid file, or the file and why it does not count.
type ReadResult = Result<Facts, (PathBuf, String)>;

/// Read and check every file on the shared pool, keeping the input order.
fn read_all(files: &[PathBuf], keyring: Option<&crate::keys::Keyring>, tr: Tr) -> Vec<ReadResult> {
    parallel::map(files, |p| read_one(p, keyring, tr))
}

/// Read one file; only a valid one counts, anything else is skipped with its first error.
fn read_one(path: &Path, keyring: Option<&crate::keys::Keyring>, tr: Tr) -> ReadResult {
    let mut checked = minutes::read(path)
        .or_else(ReadError::judged)
        .map_err(|e| (path.to_path_buf(), tr.read_error(path, e)))?;
    checked.trust(keyring);
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
            Ok(Facts::of(path.to_path_buf(), &m, digest))
        }
        (_, e) => Err((path.to_path_buf(), e.unwrap_or_default())),
    }
}

fn rate_value(t: &Tally) -> Value {
    t.rate()
        .map_or(Value::Null, |r| json!((r * 10_000.0).round() / 10_000.0))
}

fn rate_text(t: &Tally) -> String {
    t.rate()
        .map_or_else(|| "—".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

fn tally_json(t: &Tally) -> Value {
    json!({
        "expected": t.expected,
        "attended": t.attended,
        "excused": t.excused,
        "absent": t.absent,
        "rate": rate_value(t),
    })
}

/// The report as one JSON object. Keys and their meaning are stable; new keys may be added.
pub fn to_json(r: &Report, invalid: &[(PathBuf, String)]) -> Value {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    let months: Vec<Value> = r
        .months
        .iter()
        .map(|m| {
            let mut o = serde_json::Map::new();
            o.insert("month".into(), json!(m.month.to_string()));
            for (k, n) in MeetingKind::ALL.iter().zip(m.per_kind) {
                o.insert(k.key().into(), json!(n));
            }
            o.insert("public_items".into(), json!(m.public_items));
            o.insert("total".into(), json!(m.total()));
            Value::Object(o)
        })
        .collect();
    let by_outcome: serde_json::Map<String, Value> = Outcome::ALL
        .iter()
        .zip(r.items.by_outcome)
        .map(|(o, n)| (o.key().to_owned(), json!(n)))
        .chain([("not_voted".to_owned(), json!(r.items.not_voted))])
        .collect();
    let by_stage: serde_json::Map<String, Value> = ItemStage::ALL
        .iter()
        .zip(r.items.public_by_stage)
        .map(|(s, n)| (s.key().to_owned(), json!(n)))
        .collect();
    json!({
        "format": "branchday.stats",
        "version": 1,
        "period": {
            "from": r.period.from.map(|m| m.to_string()),
            "to": r.period.to.map(|m| m.to_string()),
        },
        "files": {
            "valid": r.valid_files,
            "invalid": invalid.len(),
            "meetings_counted": r.meetings,
            "duplicates_dropped": r.duplicates.iter().map(|d| d.dropped.len()).sum::<usize>(),
            "superseded": r.superseded.len(),
            "outside_period": r.outside_period,
        },
        "invalid": invalid.iter().map(|(p, m)| json!({"path": path(p), "message": m})).collect::<Vec<_>>(),
        "duplicates": r.duplicates.iter().map(|d| json!({
            "id": d.id.to_string(),
            "kept": path(&d.kept),
            "dropped": d.dropped.iter().map(|p| path(p)).collect::<Vec<_>>(),
            "identical": d.identical,
        })).collect::<Vec<_>>(),
        "superseded": r.superseded.iter().map(|s| json!({
            "id": s.id.to_string(),
            "path": path(&s.path),
            "by_id": s.by_id.to_string(),
            "by_path": path(&s.by_path),
        })).collect::<Vec<_>>(),
        "months": months,
        "branches": r.branches.iter().map(|b| json!({
            "code": b.branch.code,
            "name": b.branch.name,
            "meetings": b.meetings,
            "per_kind": MeetingKind::ALL.iter().zip(b.per_kind).map(|(k, n)| (k.key().to_owned(), json!(n))).collect::<serde_json::Map<String, Value>>(),
            "attendance": tally_json(&b.tally),
        })).collect::<Vec<_>>(),
        "members": r.members.iter().map(|m| json!({
            "branch_code": m.branch.code,
            "branch_name": m.branch.name,
            "member_id": m.member_id,
            "name": m.name,
            "attendance": tally_json(&m.tally),
        })).collect::<Vec<_>>(),
        "items": {
            "total": r.items.total,
            "by_outcome": by_outcome,
            "public": r.items.public,
            "public_by_stage": by_stage,
        },
        "absences": r.absences.iter().map(|a| json!({
            "branch_code": a.branch.code,
            "branch_name": a.branch.name,
            "member_id": a.member_id,
            "name": a.name,
            "months": a.months.iter().map(ToString::to_string).collect::<Vec<_>>(),
            "length": a.months.len(),
            "level": a.level.key(),
            "ongoing": a.ongoing,
        })).collect::<Vec<_>>(),
    })
}

fn heading(out: &mut String, title: &str) {
    out.push('\n');
    out.push_str(title);
    out.push('\n');
}

fn s(x: &str) -> String {
    sanitize::line(x).into_owned()
}

/// The report as readable tables in the UI language.
pub fn render(r: &Report, invalid: usize, tr: Tr) -> String {
    let mut out = String::new();
    let dropped: usize = r.duplicates.iter().map(|d| d.dropped.len()).sum();
    out.push_str(&tr.stats_summary(
        r.valid_files + invalid,
        r.valid_files,
        invalid,
        r.meetings,
        (dropped, r.superseded.len(), r.outside_period),
    ));
    out.push('\n');
    out.push_str(&tr.stats_period(
        r.period.from.map(|m| m.to_string()),
        r.period.to.map(|m| m.to_string()),
    ));
    out.push('\n');

    heading(&mut out, tr.stats_h_months());
    let mut cols: Vec<(&str, bool)> = vec![(tr.stats_col_month(), false)];
    cols.extend(MeetingKind::ALL.iter().map(|k| (tr.kind_short(*k), true)));
    cols.push((tr.stats_col_public(), true));
    cols.push((tr.stats_col_total(), true));
    let mut t = Table::new(&cols);
    for m in &r.months {
        let mut row = vec![m.month.to_string()];
        row.extend(m.per_kind.iter().map(ToString::to_string));
        row.push(m.public_items.to_string());
        row.push(m.total().to_string());
        t.row(row);
    }
    push_table(&mut out, &t, tr);

    heading(&mut out, tr.stats_h_branches());
    let mut t = Table::new(&[
        (tr.stats_col_branch(), false),
        (tr.stats_col_code(), false),
        (tr.stats_col_meetings(), true),
        (tr.stats_col_expected(), true),
        (tr.stats_col_attended(), true),
        (tr.stats_col_excused(), true),
        (tr.stats_col_absent(), true),
        (tr.stats_col_rate(), true),
    ]);
    for b in &r.branches {
        t.row(vec![
            s(&b.branch.name),
            s(&b.branch.code),
            b.meetings.to_string(),
            b.tally.expected.to_string(),
            b.tally.attended.to_string(),
            b.tally.excused.to_string(),
            b.tally.absent.to_string(),
            rate_text(&b.tally),
        ]);
    }
    push_table(&mut out, &t, tr);

    heading(&mut out, tr.stats_h_items());
    let mut t = Table::new(&[
        (tr.stats_col_outcome(), false),
        (tr.stats_col_count(), true),
    ]);
    for (o, n) in Outcome::ALL.iter().zip(r.items.by_outcome) {
        t.row(vec![tr.outcome(*o).to_owned(), n.to_string()]);
    }
    t.row(vec![
        tr.stats_not_voted().to_owned(),
        r.items.not_voted.to_string(),
    ]);
    t.row(vec![
        tr.stats_items_total().to_owned(),
        r.items.total.to_string(),
    ]);
    t.row(vec![
        tr.stats_public_items().to_owned(),
        r.items.public.to_string(),
    ]);
    for (st, n) in ItemStage::ALL.iter().zip(r.items.public_by_stage) {
        if n > 0 {
            t.row(vec![format!("  {}", tr.item_stage(*st)), n.to_string()]);
        }
    }
    push_table(&mut out, &t, tr);

    heading(&mut out, tr.stats_h_members());
    let mut t = Table::new(&[
        (tr.stats_col_branch(), false),
        (tr.stats_col_member(), false),
        (tr.stats_col_member_id(), false),
        (tr.stats_col_expected(), true),
        (tr.stats_col_attended(), true),
        (tr.stats_col_excused(), true),
        (tr.stats_col_absent(), true),
        (tr.stats_col_rate(), true),
    ]);
    for m in &r.members {
        t.row(vec![
            s(&m.branch.name),
            s(&m.name),
            s(&m.member_id),
            m.tally.expected.to_string(),
            m.tally.attended.to_string(),
            m.tally.excused.to_string(),
            m.tally.absent.to_string(),
            rate_text(&m.tally),
        ]);
    }
    push_table(&mut out, &t, tr);

    heading(&mut out, tr.stats_h_absence());
    let mut t = Table::new(&[
        (tr.stats_col_branch(), false),
        (tr.stats_col_member(), false),
        (tr.stats_col_member_id(), false),
        (tr.stats_col_length(), true),
        (tr.stats_col_level(), false),
        (tr.stats_col_months_list(), false),
    ]);
    for a in &r.absences {
        let months: Vec<String> = a.months.iter().map(ToString::to_string).collect();
        let ongoing = if a.ongoing { tr.stats_ongoing() } else { "" };
        t.row(vec![
            s(&a.branch.name),
            s(&a.name),
            s(&a.member_id),
            a.months.len().to_string(),
            tr.stats_level(a.level).to_owned(),
            format!("{}{ongoing}", months.join(" ")),
        ]);
    }
    push_table(&mut out, &t, tr);
    out.push_str(tr.stats_absence_note());
    out.push('\n');

    if !r.duplicates.is_empty() {
        heading(&mut out, tr.stats_h_duplicates());
        for d in &r.duplicates {
            let dropped: Vec<String> = d.dropped.iter().map(|p| sanitize::path(p)).collect();
            out.push_str("  ");
            out.push_str(&tr.stats_duplicate_line(
                &d.id.to_string(),
                &sanitize::path(&d.kept),
                d.identical,
                &dropped.join(", "),
            ));
            out.push('\n');
        }
    }
    if !r.superseded.is_empty() {
        heading(&mut out, tr.stats_h_superseded());
        for x in &r.superseded {
            out.push_str("  ");
            out.push_str(
                &tr.stats_superseded_line(&sanitize::path(&x.path), &sanitize::path(&x.by_path)),
            );
            out.push('\n');
        }
    }
    out
}

fn push_table(out: &mut String, t: &Table, tr: Tr) {
    if t.is_empty() {
        out.push_str("  ");
        out.push_str(tr.stats_none());
        out.push('\n');
    } else {
        out.push_str(&t.render(2));
    }
}
