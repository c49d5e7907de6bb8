//! What the record needs on paper beyond its content: the 参会人员签到表 (a page the members sign),
//! the places for the branch's seal and the superior organisation's review opinion, and the rule
//! that decides when a time carries its UTC offset.

use chrono::FixedOffset;

use super::doc::one;
use crate::domain::{AttendanceStatus, Timestamp};
use crate::i18n::{ExportLabel as L, PrintLabel as P, Tr};
use crate::minutes::Minutes;
use crate::texttable::Table;

/// The sign-in sheet: its own page after the record, one row per member on the attendance list,
/// with an empty column for each one's own signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignIn {
    /// `参会人员签到表`.
    pub title: String,
    /// The meeting it belongs to: branch, meeting name, date.
    pub subtitle: String,
    /// Columns: number, name, standing, counted, status, check-in time, signature (empty).
    pub table: Table,
}

/// The places the paper record is sealed by the branch and reviewed by the superior
/// organisation, after the signatures of the chair and the recorder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archive {
    /// `党支部（盖章）`.
    pub seal: String,
    /// `上级党组织审核意见`.
    pub review: String,
    /// `审核人（签字）`.
    pub reviewer: String,
    /// `（盖章）` after the review opinion.
    pub review_seal: String,
    /// `日期`.
    pub date_label: String,
}

/// The branch's own UTC offset is the offset the meeting's start was recorded in: the laptop's
/// clock in the room. Every time of the record is printed in it. The offset is printed on the time
/// line only when some time in the file was recorded in another offset (the laptop's zone changed
/// during the meeting, or a time was written in UTC), so the reader knows which clock the printed
/// times follow; a record whose times all share the start's offset prints none.
pub fn offset_is_notable(m: &Minutes) -> bool {
    let own: FixedOffset = *m.started_at.offset();
    let differs = |t: &Timestamp| *t.offset() != own;
    differs(&m.ended_at)
        || differs(&m.finalized_at)
        || m.attendance
            .iter()
            .filter_map(|a| a.checked_in_at.as_ref())
            .any(differs)
        || m.attendance
            .iter()
            .filter_map(|a| a.left_at.as_ref())
            .any(differs)
        || m.items
            .iter()
            .filter_map(|i| i.vote.as_ref())
            .any(|v| differs(&v.closed_at))
}

/// The sign-in sheet of `m`, times shown in `offset`.
pub fn sign_in(m: &Minutes, tr: Tr, offset: FixedOffset) -> SignIn {
    let hm = |t: &Timestamp| t.with_timezone(&offset).format("%H:%M").to_string();
    let mut t = Table::new(vec![
        tr.export_label(L::Number).to_owned(),
        tr.export_label(L::Name).to_owned(),
        tr.export_label(L::Standing).to_owned(),
        tr.print_label(P::Counted).to_owned(),
        tr.export_label(L::Status).to_owned(),
        tr.print_label(P::CheckInTime).to_owned(),
        tr.print_label(P::OwnSignature).to_owned(),
    ])
    .right(0);
    for (i, a) in m.attendance.iter().enumerate() {
        let status = match &a.left_at {
            Some(left) => tr.print_left_early(tr.status(a.status), &hm(left)),
            None => tr.status(a.status).to_owned(),
        };
        let time = match a.status {
            AttendanceStatus::Present | AttendanceStatus::Late => {
                a.checked_in_at.as_ref().map(hm).unwrap_or_default()
            }
            AttendanceStatus::Excused | AttendanceStatus::Absent => String::new(),
        };
        let counted = if a.counted { P::Yes } else { P::No };
        t.push(vec![
            (i + 1).to_string(),
            one(&a.name),
            tr.standing(a.standing).to_owned(),
            tr.print_label(counted).to_owned(),
            status,
            time,
            String::new(),
        ]);
    }
    let start = m.started_at.with_timezone(&offset);
    let name = one(&m.title);
    let subtitle = [
        one(&m.branch.name),
        if name.is_empty() {
            tr.kind(m.kind).to_owned()
        } else {
            name
        },
        tr.export_date(start.date_naive(), false),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect::<Vec<_>>()
    .join(tr.print_subtitle_sep());
    SignIn {
        title: tr.print_label(P::SignInSheet).to_owned(),
        subtitle,
        table: t,
    }
}

/// The seal and review places.
pub fn archive(tr: Tr) -> Archive {
    Archive {
        seal: tr.print_label(P::BranchSeal).to_owned(),
        review: tr.print_label(P::ReviewOpinion).to_owned(),
        reviewer: tr.print_label(P::ReviewerSignature).to_owned(),
        review_seal: tr.print_label(P::Seal).to_owned(),
        date_label: tr.export_label(L::SignDate).to_owned(),
    }
}

/// The names of the members and guests of `m`, each once, longest first (so a name inside a
/// longer one is found inside it, not instead of it).
pub fn names(m: &Minutes) -> Vec<String> {
    let mut names: Vec<String> = m
        .attendance
        .iter()
        .map(|a| one(&a.name))
        .chain(m.guests.iter().map(|g| one(&g.name)))
        .filter(|n| n.chars().count() >= 2)
        .collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
}
