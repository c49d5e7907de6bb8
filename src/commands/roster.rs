//! `branchday roster import FILE` and `branchday roster show`: reading, previewing, confirming and
//! saving the roster. Parsing is in [`crate::roster_import`].

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::cli::{RosterCommand, RosterFormat};
use crate::domain::{Branch, Member, Roster, Standing};
use crate::i18n::Tr;
use crate::roster_import::{self, Diff, FieldChange, Format, ImportError};
use crate::sanitize;
use crate::store::{self, DataDir, MAX_CONFIG_BYTES};
use crate::texttable::Table;

/// Widest table printed, in columns.
const WIDTH: usize = 100;

/// Run a roster command; returns the exit code.
pub fn run(command: RosterCommand, data_dir: Option<PathBuf>, tr: Tr) -> u8 {
    let data = match DataDir::resolve(data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_USAGE;
        }
    };
    match command {
        RosterCommand::Show => show(&data, tr),
        RosterCommand::Import {
            file,
            yes,
            dry_run,
            branch,
            code,
            sheet,
        } => {
            let now = crate::clock::now();
            let opts = ImportOptions {
                yes,
                dry_run,
                branch,
                code,
                sheet,
                today: Some(now.date_naive()),
                at: Some(now),
                interactive: std::io::stdin().is_terminal(),
            };
            import(&data, &file, &opts, tr, &mut std::io::stdin().lock())
        }
        RosterCommand::Export { format, output } => export(&data, format, output.as_deref(), tr),
    }
}

/// How an import is to be confirmed.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub yes: bool,
    pub dry_run: bool,
    pub branch: Option<String>,
    pub code: Option<String>,
    /// The sheet of a workbook (`--sheet`).
    pub sheet: Option<String>,
    /// Today, for the warnings that depend on the date.
    pub today: Option<chrono::NaiveDate>,
    /// When the import is recorded in the roster history (default: now).
    pub at: Option<crate::domain::Timestamp>,
    /// Someone can answer the question (standard input is a terminal).
    pub interactive: bool,
}

fn out(text: &str) {
    let mut o = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = o.write_all(text.as_bytes()).and_then(|()| o.flush());
}

/// The branch of the imported roster: the flags, else the current roster's.
fn branch_of(opts: &ImportOptions, old: Option<&Roster>, tr: Tr) -> Result<Branch, String> {
    let clean = |flag: &str, v: &str| -> Result<String, String> {
        let t = v.trim();
        if t.is_empty() || sanitize::line(t) != t {
            Err(tr.roster_bad_flag(flag))
        } else {
            Ok(t.to_owned())
        }
    };
    let name = match (&opts.branch, old) {
        (Some(n), _) => clean("--branch", n)?,
        (None, Some(o)) if !o.branch.name.trim().is_empty() => o.branch.name.clone(),
        (None, _) => return Err(tr.roster_no_branch().to_owned()),
    };
    let code = match (&opts.code, old) {
        (Some(c), _) => clean("--code", c)?,
        (None, Some(o)) => o.branch.code.clone(),
        (None, None) => String::new(),
    };
    Ok(Branch { name, code })
}

/// Import `file` into the data directory's roster. `answers` is where a confirmation is read from.
pub fn import(
    data: &DataDir,
    file: &Path,
    opts: &ImportOptions,
    tr: Tr,
    answers: &mut dyn BufRead,
) -> u8 {
    let shown = sanitize::path(file);
    let Some(format) = Format::of(file) else {
        eprintln!("{}", tr.roster_unsupported(&shown));
        return EXIT_INVALID;
    };
    let bytes = match store::read_capped(file, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_INVALID;
        }
    };
    let old = match data.load_roster() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_INVALID;
        }
    };
    let branch = match branch_of(opts, old.as_ref(), tr) {
        Ok(b) => b,
        Err(msg) => {
            eprintln!("{msg}");
            return EXIT_USAGE;
        }
    };
    let import_opts = roster_import::Options {
        branch,
        sheet: opts.sheet.clone(),
        today: opts.today,
    };
    let imported = match roster_import::import_with(format, &bytes, &import_opts, old.as_ref()) {
        Ok(i) => i,
        Err(ImportError::File(e)) => {
            eprintln!("{shown}: {}", tr.roster_file_error(&e));
            return EXIT_INVALID;
        }
        Err(ImportError::Rows(errors)) => {
            for e in &errors {
                eprintln!("{shown}:{}: {}", e.line, tr.roster_row_problem(&e.problem));
            }
            eprintln!("{}", tr.roster_rows_failed(&shown, errors.len()));
            return EXIT_INVALID;
        }
    };
    let base = old.clone().unwrap_or_default();
    let mut diff = roster_import::diff(&base, &imported.roster);
    if old.is_none() {
        // A first import: every member is new, and there is no branch to compare with.
        diff.branch = None;
    }
    out(&preview(&imported, &diff, tr));
    if diff.is_empty() && old.is_some() {
        out(&format!("{}\n", tr.roster_no_changes()));
        return EXIT_OK;
    }
    if opts.dry_run {
        out(&format!("{}\n", tr.roster_dry_run()));
        return EXIT_OK;
    }
    if !opts.yes {
        if !opts.interactive {
            eprintln!("{}", tr.roster_need_yes());
            return EXIT_USAGE;
        }
        out(tr.roster_confirm());
        let mut answer = String::new();
        let _ = answers.read_line(&mut answer);
        let a = answer.trim().to_lowercase();
        if !crate::i18n::is_yes(&a) {
            out(&format!("{}\n", tr.roster_declined()));
            return EXIT_INVALID;
        }
    }
    let entry = crate::domain::roster_change::HistoryEntry {
        at: opts.at.unwrap_or_else(crate::clock::now),
        by: imported
            .roster
            .committee()
            .find(|m| m.committee_role == Some(crate::domain::CommitteeRole::Secretary))
            .map(|m| m.name.clone())
            .unwrap_or_default(),
        change: crate::domain::roster_change::RosterChange::Imported {
            file: shown.clone(),
            members: imported.roster.members.len(),
        },
    };
    match crate::roster_history::record(data, &entry, &imported.roster) {
        Ok(()) => {
            out(&format!(
                "{}\n",
                tr.roster_written(
                    &sanitize::path(&data.roster_path()),
                    imported.roster.members.len()
                )
            ));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            EXIT_INVALID
        }
    }
}

/// Read and import `file` for the screen: the import and its preview text, or one message naming
/// the file and what to do (the first bad rows with their lines).
pub fn prepare(
    file: &Path,
    opts: &roster_import::Options,
    old: Option<&Roster>,
    tr: Tr,
) -> Result<(roster_import::Imported, String), String> {
    /// Bad rows named in the message; the count says how many more.
    const SHOWN: usize = 3;
    let shown = sanitize::path(file);
    let Some(format) = Format::of(file) else {
        return Err(tr.roster_unsupported(&shown));
    };
    let bytes = store::read_capped(file, MAX_CONFIG_BYTES).map_err(|e| tr.store_error(&e))?;
    let imported = match roster_import::import_with(format, &bytes, opts, old) {
        Ok(i) => i,
        Err(ImportError::File(e)) => return Err(format!("{shown}: {}", tr.roster_file_error(&e))),
        Err(ImportError::Rows(errors)) => {
            let mut lines: Vec<String> = errors
                .iter()
                .take(SHOWN)
                .map(|e| format!("{shown}:{}: {}", e.line, tr.roster_row_problem(&e.problem)))
                .collect();
            lines.push(tr.roster_rows_failed(&shown, errors.len()));
            return Err(lines.join(" · "));
        }
    };
    let base = old.cloned().unwrap_or_default();
    let mut diff = roster_import::diff(&base, &imported.roster);
    if old.is_none() {
        diff.branch = None;
    }
    let text = preview(&imported, &diff, tr);
    Ok((imported, text))
}

fn member_row(m: &Member, tr: Tr) -> Vec<String> {
    vec![
        sanitize::line(&m.id).into_owned(),
        sanitize::line(&m.name).into_owned(),
        tr.standing(m.standing).to_owned(),
        m.group
            .as_deref()
            .map(|g| sanitize::line(g).into_owned())
            .unwrap_or_default(),
        m.committee_role
            .map(|r| tr.committee_role(r).to_owned())
            .unwrap_or_default(),
        m.exclusion
            .as_ref()
            .map(|x| sanitize::line(&tr.roster_exclusion_short(x)).into_owned())
            .unwrap_or_default(),
    ]
}

/// The roster as an aligned table, one member a row.
pub fn table(members: &[Member], tr: Tr) -> String {
    let mut t = Table::new(tr.roster_columns().map(str::to_owned).to_vec());
    for m in members {
        t.push(member_row(m, tr));
    }
    let mut s = String::new();
    for line in t.lines(WIDTH, "-") {
        s.push_str("  ");
        s.push_str(&line);
        s.push('\n');
    }
    s
}

fn summary(r: &Roster, tr: Tr) -> String {
    let count = |s: Standing| r.members.iter().filter(|m| m.standing == s).count();
    let counts: Vec<(&'static str, usize)> = Standing::ALL
        .iter()
        .map(|s| (tr.standing(*s), count(*s)))
        .collect();
    format!(
        "{}{}{}\n",
        sanitize::line(&tr.roster_heading(&r.branch.name, &r.branch.code, r.members.len())),
        tr.export_colon(),
        tr.roster_standing_counts(&counts)
    )
}

fn change_text(c: &FieldChange, tr: Tr) -> String {
    let opt = |s: Option<&str>| s.map_or_else(|| tr.none_word().to_owned(), str::to_owned);
    let (label, old, new) = match c {
        FieldChange::Name(a, b) => (tr.change_name(), a.clone(), b.clone()),
        FieldChange::Standing(a, b) => (
            tr.change_standing(),
            tr.standing(*a).to_owned(),
            tr.standing(*b).to_owned(),
        ),
        FieldChange::Group(a, b) => (tr.change_group(), opt(a.as_deref()), opt(b.as_deref())),
        FieldChange::Role(a, b) => (
            tr.change_role(),
            opt(a.map(|r| tr.committee_role(r))),
            opt(b.map(|r| tr.committee_role(r))),
        ),
        FieldChange::Exclusion(a, b) => (
            tr.change_exclusion(),
            opt(a.as_ref().map(|x| tr.roster_exclusion_short(x)).as_deref()),
            opt(b.as_ref().map(|x| tr.roster_exclusion_short(x)).as_deref()),
        ),
    };
    sanitize::line(&format!("{label} {old} -> {new}")).into_owned()
}

/// What the import would change, for the user to read before anything is written.
pub fn preview(imported: &roster_import::Imported, diff: &Diff, tr: Tr) -> String {
    let mut s = String::new();
    if let Some(e) = imported.encoding {
        s.push_str(&tr.roster_encoding(e));
        s.push('\n');
    }
    if let Some(sheet) = &imported.sheet {
        s.push_str(&sanitize::line(&tr.roster_sheet(sheet)));
        s.push('\n');
    }
    s.push_str(&summary(&imported.roster, tr));
    if !imported.skipped.is_empty() {
        s.push_str(&tr.roster_skipped(&imported.skipped));
        s.push('\n');
    }
    for g in &imported.roster.groups {
        s.push_str(&sanitize::line(&tr.roster_group_line(g, &imported.roster)));
        s.push('\n');
    }
    if !imported.ignored_columns.is_empty() {
        s.push_str(
            &tr.roster_ignored_columns(&imported.ignored_columns.join(tr.export_list_sep())),
        );
        s.push('\n');
    }
    for w in &imported.warnings {
        s.push_str(&tr.roster_warning(w));
        s.push('\n');
    }
    if let Some((a, b)) = &diff.branch {
        s.push_str(&sanitize::line(&tr.roster_branch_change(&a.name, &b.name)));
        s.push('\n');
    }
    if !diff.added.is_empty() {
        s.push('\n');
        s.push_str(&tr.roster_added(diff.added.len()));
        s.push('\n');
        s.push_str(&table(&diff.added, tr));
    }
    if !diff.removed.is_empty() {
        s.push('\n');
        s.push_str(&tr.roster_removed(diff.removed.len()));
        s.push('\n');
        s.push_str(&table(&diff.removed, tr));
    }
    if !diff.changed.is_empty() {
        s.push('\n');
        s.push_str(&tr.roster_changed(diff.changed.len()));
        s.push('\n');
        for c in &diff.changed {
            let parts: Vec<String> = c.fields.iter().map(|f| change_text(f, tr)).collect();
            s.push_str(&format!(
                "  {} {}: {}\n",
                sanitize::line(&c.id),
                sanitize::line(&c.name),
                parts.join(tr.change_semicolon_sep())
            ));
        }
    }
    if diff.unchanged > 0 {
        s.push('\n');
        s.push_str(&tr.roster_unchanged(diff.unchanged));
        s.push('\n');
    }
    s
}

fn show(data: &DataDir, tr: Tr) -> u8 {
    match data.load_roster() {
        Ok(Some(r)) => {
            out(&summary(&r, tr));
            out(&table(&r.members, tr));
            EXIT_OK
        }
        Ok(None) => {
            eprintln!("{}", tr.roster_none());
            EXIT_INVALID
        }
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            EXIT_INVALID
        }
    }
}

/// `roster export`: the roster as a workbook or CSV at `output` (default `roster.xlsx` /
/// `roster.csv` in the current folder), written atomically.
pub fn export(data: &DataDir, format: RosterFormat, output: Option<&Path>, tr: Tr) -> u8 {
    let roster = match data.load_roster() {
        Ok(Some(r)) => r,
        Ok(None) => {
            eprintln!("{}", tr.roster_none());
            return EXIT_INVALID;
        }
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_INVALID;
        }
    };
    let path = output.map_or_else(
        || {
            PathBuf::from(match format {
                RosterFormat::Xlsx => "roster.xlsx",
                RosterFormat::Csv => "roster.csv",
            })
        },
        Path::to_path_buf,
    );
    let shown = sanitize::path(&path);
    let bytes = match format {
        RosterFormat::Xlsx => roster_import::export::xlsx_bytes(&roster, tr),
        RosterFormat::Csv => roster_import::export::csv_bytes(&roster, tr),
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(why) => {
            eprintln!("{}", tr.roster_export_failed(&shown, &sanitize::line(&why)));
            return EXIT_INVALID;
        }
    };
    match store::write_replace(&path, &bytes) {
        Ok(()) => {
            out(&format!(
                "{}\n",
                tr.roster_exported(&shown, roster.members.len())
            ));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            EXIT_INVALID
        }
    }
}
