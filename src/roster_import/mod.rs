//! Importing the branch roster from a CSV or XLSX file: bytes → [`Roster`] or the problems of each
//! bad row, and the [`Diff`] between the roster kept and the one imported. Pure: the command in
//! `commands::roster` does the reading, asking and writing.

pub mod diff;
pub mod fields;
pub mod read;

use std::collections::{HashMap, HashSet};

pub use diff::{Change, Diff, FieldChange, diff};
pub use fields::Field;
pub use read::{Format, MAX_COLUMNS, MAX_ROWS, Row};

use crate::domain::{Branch, CommitteeRole, Exclusion, Group, Member, Roster, Standing};
use crate::sanitize;

/// Longest name, group and approval reference accepted, in characters.
const MAX_TEXT: usize = 60;
/// Longest member id accepted.
const MAX_ID: usize = 32;
/// How far down a sheet the header row is looked for (title rows may come first).
const HEADER_SEARCH: usize = 20;

/// A problem with the file as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Empty,
    /// Not UTF-8 from this line on: most likely GBK from Excel.
    NotUtf8 {
        line: usize,
    },
    Utf16,
    Binary {
        line: usize,
    },
    /// A `.csv` file that is a zip archive (an XLSX file renamed).
    ZipInCsv,
    /// An old binary `.xls` workbook.
    OldExcel,
    /// A `.xlsx` file that is not a zip archive.
    NotXlsx,
    Xlsx {
        message: String,
    },
    XlsxTooLarge,
    Csv {
        line: Option<usize>,
        message: String,
    },
    TooManyRows,
    TooManyColumns {
        line: usize,
    },
    /// No row with a name column near the top of any sheet.
    NoHeader,
    DuplicateColumn {
        line: usize,
        field: Field,
    },
    NoMembers,
}

/// What is wrong with one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    MissingName,
    MissingStanding,
    UnknownStanding(String),
    UnknownRole(String),
    UnknownExclusion(String),
    ExclusionWithoutApproval,
    ApprovalWithoutExclusion,
    DuplicateId {
        id: String,
        first_line: usize,
    },
    BadId(String),
    /// A value that a spreadsheet would run as a formula (`=`, `+`, `@`, or `-` before a name).
    Formula(Field),
    /// Control characters, line breaks or bidi controls.
    Control(Field),
    /// A spreadsheet error value such as `#N/A`.
    CellError(Field, String),
    TooLong(Field),
}

/// One bad row: its line (CSV) or row number (spreadsheet) and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    pub line: usize,
    pub problem: RowProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    File(FileError),
    Rows(Vec<RowError>),
}

impl From<FileError> for ImportError {
    fn from(e: FileError) -> Self {
        ImportError::File(e)
    }
}

/// A roster read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub roster: Roster,
    /// Headers of columns that were not used (neutralised for display).
    pub ignored_columns: Vec<String>,
    /// Names that occur more than once (allowed, but worth a look).
    pub repeated_names: Vec<String>,
}

/// Read a roster of the given format. `branch` names the branch; `old` is the roster kept so far,
/// whose ids are reused for members matched by name when the file has no ids, and never given to
/// someone else.
pub fn import(
    format: Format,
    bytes: &[u8],
    branch: Branch,
    old: Option<&Roster>,
) -> Result<Imported, ImportError> {
    let sheets = read::rows(format, bytes)?;
    parse(&sheets, branch, old)
}

/// Where the header row is and what its columns hold.
struct Header {
    sheet: usize,
    row: usize,
    columns: HashMap<Field, usize>,
    ignored: Vec<String>,
}

/// The header row and its column map in the first sheet that has one.
fn find_header(sheets: &[Vec<Row>]) -> Result<Header, FileError> {
    for (sheet, rows) in sheets.iter().enumerate() {
        for (r, row) in rows.iter().enumerate().take(HEADER_SEARCH) {
            if !row
                .cells
                .iter()
                .any(|c| fields::header_field(c) == Some(Field::Name))
            {
                continue;
            }
            let mut columns = HashMap::new();
            let mut ignored = Vec::new();
            for (i, c) in row.cells.iter().enumerate() {
                match fields::header_field(c) {
                    Some(f) => match columns.entry(f) {
                        std::collections::hash_map::Entry::Occupied(_) => {
                            return Err(FileError::DuplicateColumn {
                                line: row.line,
                                field: f,
                            });
                        }
                        std::collections::hash_map::Entry::Vacant(v) => {
                            v.insert(i);
                        }
                    },
                    None if !c.is_empty() => ignored.push(one(c)),
                    None => {}
                }
            }
            return Ok(Header {
                sheet,
                row: r,
                columns,
                ignored,
            });
        }
    }
    Err(FileError::NoHeader)
}

fn one(s: &str) -> String {
    sanitize::line(s).into_owned()
}

const CELL_ERRORS: [&str; 8] = [
    "#N/A",
    "#REF!",
    "#VALUE!",
    "#DIV/0!",
    "#NAME?",
    "#NULL!",
    "#NUM!",
    "#GETTING_DATA",
];

/// A free-text cell checked for what must not enter a roster.
fn checked_text(field: Field, raw: &str, max: usize) -> Result<String, RowProblem> {
    if CELL_ERRORS.iter().any(|e| raw.eq_ignore_ascii_case(e)) {
        return Err(RowProblem::CellError(field, raw.to_owned()));
    }
    if sanitize::line(raw) != raw || raw.contains(['\u{2028}', '\u{2029}']) {
        return Err(RowProblem::Control(field));
    }
    let formula_start = match field {
        Field::Name => ['=', '+', '@', '-'].as_slice(),
        _ => ['=', '+', '@'].as_slice(),
    };
    if raw.starts_with(formula_start) || raw.starts_with(['＝', '＋']) {
        return Err(RowProblem::Formula(field));
    }
    if raw.chars().count() > max {
        return Err(RowProblem::TooLong(field));
    }
    Ok(raw.to_owned())
}

/// A name with its spaces tidied: runs of spaces become one, and the spaces some sheets put inside
/// two-character Chinese names to align them (`王  伟`) are removed.
fn tidy_name(s: &str) -> String {
    let parts: Vec<&str> = s.split_whitespace().collect();
    if parts.len() > 1 && parts.iter().all(|p| !p.is_ascii()) {
        parts.concat()
    } else {
        parts.join(" ")
    }
}

struct Draft {
    line: usize,
    id: Option<String>,
    member: Member,
}

fn cell<'a>(row: &'a Row, map: &HashMap<Field, usize>, f: Field) -> &'a str {
    map.get(&f)
        .and_then(|i| row.cells.get(*i))
        .map_or("", String::as_str)
}

fn parse_row(row: &Row, map: &HashMap<Field, usize>, errors: &mut Vec<RowError>) -> Option<Draft> {
    let before = errors.len();
    let mut bad = |problem| {
        errors.push(RowError {
            line: row.line,
            problem,
        });
    };
    let name = match checked_text(
        Field::Name,
        &tidy_name(cell(row, map, Field::Name)),
        MAX_TEXT,
    ) {
        Ok(n) if n.is_empty() => {
            bad(RowProblem::MissingName);
            String::new()
        }
        Ok(n) => n,
        Err(p) => {
            bad(p);
            String::new()
        }
    };
    let raw_id = cell(row, map, Field::Id);
    let id = if raw_id.is_empty() {
        None
    } else {
        match checked_text(Field::Id, raw_id, MAX_ID) {
            Ok(id) if id.chars().any(char::is_whitespace) => {
                bad(RowProblem::BadId(one(&id)));
                None
            }
            Ok(id) => Some(id),
            Err(p) => {
                bad(p);
                None
            }
        }
    };
    let raw = cell(row, map, Field::Standing);
    let standing = if raw.is_empty() {
        bad(RowProblem::MissingStanding);
        Standing::Full
    } else {
        fields::standing(raw).unwrap_or_else(|| {
            bad(RowProblem::UnknownStanding(one(raw)));
            Standing::Full
        })
    };
    let raw = cell(row, map, Field::Group);
    let group = if fields::is_none_word(raw) {
        None
    } else {
        checked_text(Field::Group, raw, MAX_TEXT)
            .map_err(&mut bad)
            .ok()
    };
    let raw = cell(row, map, Field::Role);
    let committee_role: Option<CommitteeRole> =
        fields::role(raw).unwrap_or_else(|fields::Unrecognized| {
            bad(RowProblem::UnknownRole(one(raw)));
            None
        });
    let excl_raw = cell(row, map, Field::Exclusion);
    let category = fields::exclusion(excl_raw).unwrap_or_else(|fields::Unrecognized| {
        bad(RowProblem::UnknownExclusion(one(excl_raw)));
        None
    });
    let raw = cell(row, map, Field::ApprovalRef);
    let approval = if fields::is_none_word(raw) {
        String::new()
    } else {
        checked_text(Field::ApprovalRef, raw, MAX_TEXT)
            .map_err(&mut bad)
            .unwrap_or_default()
    };
    let exclusion = match (category, approval.is_empty()) {
        (Some(category), false) => Some(Exclusion {
            category,
            approval_ref: approval,
        }),
        (Some(_), true) => {
            bad(RowProblem::ExclusionWithoutApproval);
            None
        }
        // An unknown category is reported above; an approval with no category at all is odd.
        (None, false) if fields::is_none_word(excl_raw) => {
            bad(RowProblem::ApprovalWithoutExclusion);
            None
        }
        (None, _) => None,
    };
    (errors.len() == before).then(|| Draft {
        line: row.line,
        id,
        member: Member {
            id: String::new(),
            name,
            standing,
            group,
            committee_role,
            exclusion,
        },
    })
}

/// Parse the sheets read from a file.
pub fn parse(
    sheets: &[Vec<Row>],
    branch: Branch,
    old: Option<&Roster>,
) -> Result<Imported, ImportError> {
    let Header {
        sheet: s,
        row: header,
        columns: map,
        ignored: ignored_columns,
    } = find_header(sheets)?;
    let mut errors = Vec::new();
    let mut drafts = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for row in &sheets[s][header + 1..] {
        // A row with nothing in the columns used (only a 序号, say) is a blank row.
        if map
            .values()
            .all(|i| row.cells.get(*i).is_none_or(String::is_empty))
        {
            continue;
        }
        let Some(d) = parse_row(row, &map, &mut errors) else {
            continue;
        };
        if let Some(id) = &d.id {
            if let Some(first) = first_line.get(id) {
                errors.push(RowError {
                    line: d.line,
                    problem: RowProblem::DuplicateId {
                        id: one(id),
                        first_line: *first,
                    },
                });
                continue;
            }
            first_line.insert(id.clone(), d.line);
        }
        drafts.push(d);
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(ImportError::Rows(errors));
    }
    if drafts.is_empty() {
        return Err(FileError::NoMembers.into());
    }
    let members = assign_ids(drafts, old);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for m in &members {
        *count.entry(m.name.as_str()).or_default() += 1;
    }
    let mut repeated_names: Vec<String> = members
        .iter()
        .filter(|m| count[m.name.as_str()] > 1)
        .map(|m| m.name.clone())
        .collect();
    repeated_names.dedup();
    let ids: HashSet<&str> = members.iter().map(|m| m.id.as_str()).collect();
    let mut groups: Vec<Group> = Vec::new();
    for g in members.iter().filter_map(|m| m.group.as_ref()) {
        if groups.iter().any(|x| &x.name == g) {
            continue;
        }
        let leader = old
            .and_then(|o| o.groups.iter().find(|x| &x.name == g))
            .and_then(|x| x.leader.clone())
            .filter(|l| ids.contains(l.as_str()));
        groups.push(Group {
            name: g.clone(),
            leader,
        });
    }
    let roster = Roster {
        branch,
        groups,
        members,
    };
    Ok(Imported {
        roster,
        ignored_columns,
        repeated_names,
    })
}

/// Ids: those in the file are kept; a member without one takes the id the old roster gave the one
/// member of that name, else the next free `m001`…, never an id the old roster used for someone else.
fn assign_ids(drafts: Vec<Draft>, old: Option<&Roster>) -> Vec<Member> {
    let explicit: HashSet<String> = drafts.iter().filter_map(|d| d.id.clone()).collect();
    let mut taken: HashSet<String> = explicit.clone();
    let empty = Roster::default();
    let old = old.unwrap_or(&empty);
    taken.extend(old.members.iter().map(|m| m.id.clone()));
    let mut names_in_file: HashMap<&str, usize> = HashMap::new();
    for d in drafts.iter().filter(|d| d.id.is_none()) {
        *names_in_file.entry(d.member.name.as_str()).or_default() += 1;
    }
    let unique_old = |name: &str| -> Option<&str> {
        let mut it = old.members.iter().filter(|m| m.name == name);
        match (it.next(), it.next()) {
            (Some(m), None) => Some(m.id.as_str()),
            _ => None,
        }
    };
    let mut reused: HashSet<String> = HashSet::new();
    let mut planned: Vec<Option<String>> = Vec::with_capacity(drafts.len());
    for d in &drafts {
        let id = d.id.clone().or_else(|| {
            let name = d.member.name.as_str();
            (names_in_file.get(name) == Some(&1))
                .then(|| unique_old(name))
                .flatten()
                .filter(|id| !explicit.contains(*id) && !reused.contains(*id))
                .map(str::to_owned)
        });
        if let Some(id) = &id {
            reused.insert(id.clone());
        }
        planned.push(id);
    }
    let mut next = 1usize;
    drafts
        .into_iter()
        .zip(planned)
        .map(|(d, id)| {
            let id = id.unwrap_or_else(|| {
                loop {
                    let candidate = format!("m{next:03}");
                    next += 1;
                    if taken.insert(candidate.clone()) {
                        break candidate;
                    }
                }
            });
            Member { id, ..d.member }
        })
        .collect()
}
