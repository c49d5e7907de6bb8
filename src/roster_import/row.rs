//! One row under the header: its cells checked and read into a member, or its problems.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Field, GroupRole, Row, RowError, RowProblem, fields};
use crate::domain::{Exclusion, Member, Standing};
use crate::sanitize;

/// Longest name, group and approval reference accepted, in characters.
const MAX_TEXT: usize = 60;
/// Longest member id accepted.
const MAX_ID: usize = 32;

pub(super) fn one(s: &str) -> String {
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

pub(super) struct Draft {
    pub(super) line: usize,
    pub(super) id: Option<String>,
    pub(super) member: Member,
    pub(super) group_role: Option<GroupRole>,
}

fn date_cell(
    row: &Row,
    map: &HashMap<Field, usize>,
    f: Field,
    bad: &mut impl FnMut(RowProblem),
) -> Option<NaiveDate> {
    let raw = cell(row, map, f);
    if fields::is_none_word(raw) {
        return None;
    }
    let d = fields::date(raw);
    if d.is_none() {
        bad(RowProblem::BadDate(f, one(raw)));
    }
    d
}

pub(super) fn cell<'a>(row: &'a Row, map: &HashMap<Field, usize>, f: Field) -> &'a str {
    map.get(&f)
        .and_then(|i| row.cells.get(*i))
        .map_or("", String::as_str)
}

pub(super) fn parse_row(
    row: &Row,
    map: &HashMap<Field, usize>,
    errors: &mut Vec<RowError>,
) -> Option<Draft> {
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
    let duty = fields::duty(raw).unwrap_or_else(|fields::Unrecognized| {
        let parts = raw
            .split(['、', ',', '，', ';', '；', '/', '|'])
            .filter(|p| !fields::is_none_word(p))
            .count();
        if parts > 1
            && raw
                .split(['、', ',', '，', ';', '；', '/', '|'])
                .all(|p| fields::is_none_word(p) || fields::duty(p).is_ok())
        {
            bad(RowProblem::TwoDuties(one(raw)));
        } else {
            bad(RowProblem::UnknownRole(one(raw)));
        }
        fields::Duty::default()
    });
    let committee_role = duty.committee;
    let joined = date_cell(row, map, Field::Joined, &mut bad);
    let confirmed = date_cell(row, map, Field::Confirmed, &mut bad);
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
            group,
            committee_role,
            exclusion,
            joined,
            confirmed,
            ..Member::new(String::new(), name, standing)
        },
        group_role: duty.group,
    })
}
