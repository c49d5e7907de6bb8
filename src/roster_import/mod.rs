//! Importing the branch roster from a CSV or XLSX file: bytes → [`Roster`] or the problems of each
//! bad row, and the [`Diff`] between the roster kept and the one imported. Pure: the command in
//! `commands::roster` does the reading, asking and writing.

pub mod diff;
pub mod export;
pub mod fields;
mod ids;
pub mod read;
mod row;

use std::collections::{HashMap, HashSet};

pub use diff::{Change, Diff, FieldChange, diff};
pub mod warnings;

pub use fields::{Field, GroupRole, NotAMember};
pub use read::{Book, Format, MAX_COLUMNS, MAX_ROWS, Row, Sheet, TextEncoding};
pub use warnings::Warning;

use chrono::NaiveDate;

use crate::domain::{Branch, Group, Roster};
use ids::assign_ids;
use row::{cell, one, parse_row};

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
    /// `--sheet` names no sheet of the workbook; the sheets there are listed.
    NoSuchSheet {
        wanted: String,
        sheets: Vec<String>,
    },
    /// The sheet chosen with `--sheet` has no header row near its top.
    NoHeaderInSheet {
        sheet: String,
    },
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
    /// A date that is not one (`入党时间`, `转正时间`).
    BadDate(Field, String),
    /// Two committee places, or two places in the 党小组, in one 职务 cell.
    TwoDuties(String),
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

/// A row left out because it is not a member, with its line (or row) number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub why: Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A title row (or merged title cell) above the header.
    Title,
    Total,
    Footer,
    /// The header repeated under itself (a two-line or merged header).
    Header,
}

/// A roster read from a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub roster: Roster,
    /// Headers of columns that were not used (neutralised for display).
    pub ignored_columns: Vec<String>,
    /// Names that occur more than once (allowed, but worth a look).
    pub repeated_names: Vec<String>,
    /// The encoding a CSV file was read in.
    pub encoding: Option<TextEncoding>,
    /// The sheet of a workbook the members came from.
    pub sheet: Option<String>,
    /// Rows that are not members, left out.
    pub skipped: Vec<Skipped>,
    /// What the secretary should look at before confirming.
    pub warnings: Vec<Warning>,
}

/// How to read a roster file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The branch the roster is of.
    pub branch: Branch,
    /// The sheet of a workbook to read (its name, or its number from 1); else the first sheet with a
    /// recognisable header.
    pub sheet: Option<String>,
    /// Today, for the warnings that depend on the date (probation ended).
    pub today: Option<NaiveDate>,
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
    let opts = Options {
        branch,
        sheet: None,
        today: None,
    };
    import_with(format, bytes, &opts, old)
}

/// [`import`] with every option.
pub fn import_with(
    format: Format,
    bytes: &[u8],
    opts: &Options,
    old: Option<&Roster>,
) -> Result<Imported, ImportError> {
    let book = read::rows(format, bytes)?;
    let mut imported = parse_book(&book, opts, old)?;
    imported.encoding = book.encoding;
    Ok(imported)
}

/// Where the header row is and what its columns hold.
struct Header {
    sheet: usize,
    row: usize,
    columns: HashMap<Field, usize>,
    ignored: Vec<String>,
}

/// The sheet `--sheet` names: by name, else by number from 1.
fn chosen_sheet(sheets: &[Sheet], wanted: &str) -> Result<usize, FileError> {
    let w = wanted.trim();
    if let Some(i) = sheets.iter().position(|s| s.name.as_deref() == Some(w)) {
        return Ok(i);
    }
    if let Ok(n) = w.parse::<usize>()
        && (1..=sheets.len()).contains(&n)
    {
        return Ok(n - 1);
    }
    Err(FileError::NoSuchSheet {
        wanted: one(w),
        sheets: sheets
            .iter()
            .filter_map(|s| s.name.as_deref())
            .map(one)
            .collect(),
    })
}

/// The header row and its column map in the chosen sheet, else the first sheet that has one.
fn find_header(sheets: &[Sheet], wanted: Option<&str>) -> Result<Header, FileError> {
    let only = wanted.map(|w| chosen_sheet(sheets, w)).transpose()?;
    for (sheet, rows) in sheets
        .iter()
        .enumerate()
        .filter(|(i, _)| only.is_none_or(|o| o == *i))
        .map(|(i, s)| (i, &s.rows))
    {
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
    match only {
        Some(i) => Err(FileError::NoHeaderInSheet {
            sheet: sheets[i]
                .name
                .as_deref()
                .map_or_else(|| (i + 1).to_string(), one),
        }),
        None => Err(FileError::NoHeader),
    }
}

/// Parse the sheets read from a file, the branch given, no sheet chosen.
pub fn parse(
    sheets: &[Vec<Row>],
    branch: Branch,
    old: Option<&Roster>,
) -> Result<Imported, ImportError> {
    let book = Book {
        encoding: None,
        sheets: sheets
            .iter()
            .map(|rows| Sheet {
                name: None,
                rows: rows.clone(),
            })
            .collect(),
    };
    let opts = Options {
        branch,
        sheet: None,
        today: None,
    };
    parse_book(&book, &opts, old)
}

/// Why a row under the header is not a member, if it is not.
fn skip_reason(row: &Row, map: &HashMap<Field, usize>) -> Option<Skip> {
    let first = row.cells.iter().find(|c| !c.is_empty())?;
    match fields::not_a_member(first) {
        Some(NotAMember::Total) => return Some(Skip::Total),
        Some(NotAMember::Footer) => return Some(Skip::Footer),
        None => {}
    }
    (fields::header_field(cell(row, map, Field::Name)) == Some(Field::Name)).then_some(Skip::Header)
}

/// Parse the sheets of a book.
pub fn parse_book(
    book: &Book,
    opts: &Options,
    old: Option<&Roster>,
) -> Result<Imported, ImportError> {
    let Header {
        sheet: s,
        row: header,
        columns: map,
        ignored: ignored_columns,
    } = find_header(&book.sheets, opts.sheet.as_deref())?;
    let rows = &book.sheets[s].rows;
    let mut skipped: Vec<Skipped> = rows[..header]
        .iter()
        .map(|r| Skipped {
            line: r.line,
            why: Skip::Title,
        })
        .collect();
    let mut errors = Vec::new();
    let mut drafts = Vec::new();
    let mut first_line: HashMap<String, usize> = HashMap::new();
    for row in &rows[header + 1..] {
        if let Some(why) = skip_reason(row, &map) {
            skipped.push(Skipped {
                line: row.line,
                why,
            });
            continue;
        }
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
    let group_roles: Vec<Option<GroupRole>> = drafts.iter().map(|d| d.group_role).collect();
    let members = assign_ids(drafts, old);
    let mut count: HashMap<&str, usize> = HashMap::new();
    for m in &members {
        *count.entry(m.name.as_str()).or_default() += 1;
    }
    let mut repeated_names: Vec<String> = Vec::new();
    for m in &members {
        if count[m.name.as_str()] > 1 && !repeated_names.contains(&m.name) {
            repeated_names.push(m.name.clone());
        }
    }
    let ids: HashSet<&str> = members.iter().map(|m| m.id.as_str()).collect();
    let mut groups: Vec<Group> = Vec::new();
    for g in members.iter().filter_map(|m| m.group.as_ref()) {
        if groups.iter().any(|x| &x.name == g) {
            continue;
        }
        let kept = old.and_then(|o| o.groups.iter().find(|x| &x.name == g));
        let in_file = |role: GroupRole| -> Option<String> {
            members
                .iter()
                .zip(&group_roles)
                .find(|(m, r)| m.group.as_ref() == Some(g) && **r == Some(role))
                .map(|(m, _)| m.id.clone())
        };
        let any_in_file = group_roles.iter().any(Option::is_some);
        let (leader, deputy) = if any_in_file {
            (in_file(GroupRole::Leader), in_file(GroupRole::Deputy))
        } else {
            (
                kept.and_then(|x| x.leader.clone())
                    .filter(|l| ids.contains(l.as_str())),
                kept.and_then(|x| x.deputy.clone())
                    .filter(|l| ids.contains(l.as_str())),
            )
        };
        groups.push(Group {
            name: g.clone(),
            leader,
            deputy,
        });
    }
    let warnings = warnings::of(&members, &group_roles, opts.today);
    let roster = Roster {
        branch: opts.branch.clone(),
        groups,
        members,
        departed: old.map(|o| o.departed.clone()).unwrap_or_default(),
    };
    skipped.sort_by_key(|k| k.line);
    Ok(Imported {
        roster,
        ignored_columns,
        repeated_names,
        encoding: None,
        sheet: book.sheets[s].name.clone(),
        skipped,
        warnings,
    })
}
