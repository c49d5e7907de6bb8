//! One synthetic meeting, played the way the program records a real one: a `Meeting` is created from
//! its setup and every change arrives as a domain `Event`, applied in time order; the minutes are then
//! built with `minutes::build`.

use chrono::{Days, FixedOffset, NaiveDate, NaiveTime, TimeDelta};
use uuid::Uuid;

use super::MeetingBuilder;
use super::branch::{BranchPlan, RunStyle};
use super::content;
use super::rng::{SplitMix, mix};
use super::words::{
    GUEST_IDENTITIES, OTHER_TEXTS, PERSONAL_TEXTS, SICK_TEXTS, THEMES, TRAVEL_TEXTS,
};
use crate::domain::agenda::builtin_templates;
use crate::domain::text::Splice;
use crate::domain::{
    AttendanceMark, AttendanceStatus, Event, ExcuseReason, Guest, Meeting, MeetingKind, PersonRef,
    TextField, Timestamp,
};
use crate::minutes::{self, Minutes};

/// China Standard Time, the offset every corpus time is written with.
const CST: FixedOffset = match FixedOffset::east_opt(8 * 3600) {
    Some(offset) => offset,
    None => panic!("UTC+8 is a valid offset"),
};

const TIMING_STREAM: u64 = 0x7131_0000_0000_0000;
const ID_STREAM: u64 = 0x1d00_0000_0000_0000;

/// One meeting to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Plan {
    pub branch: usize,
    /// Months since the corpus's first month.
    pub month: u32,
    pub date: NaiveDate,
    pub kind: MeetingKind,
    /// Index of the 党小组 for a group meeting.
    pub group: Option<usize>,
    /// Unique within the corpus; decides the id and, unless this is a correction, the content.
    pub serial: u64,
    /// The serial of the meeting this file corrects.
    pub corrects: Option<u64>,
}

/// How one member is marked at the meeting.
#[derive(Debug, Clone, Copy)]
enum Attendance {
    /// Checked in this many minutes before the start.
    Present(i64),
    /// Checked in this many minutes after the start.
    Late(i64),
    Excused(ExcuseReason, &'static str, bool),
    Absent(&'static str),
}

/// The meeting being played, with the check-ins that are still to come.
pub(super) struct Script {
    pub meeting: Meeting,
    pub rng: SplitMix,
    pending: Vec<(Timestamp, Event)>,
}

impl Script {
    fn apply(&mut self, event: &Event) {
        let result = self.meeting.apply(event);
        debug_assert!(result.is_ok(), "corpus event rejected: {result:?}");
    }

    /// Apply every pending event up to and including `until`, in time order.
    pub fn flush(&mut self, until: Timestamp) {
        let due = self.pending.iter().take_while(|(t, _)| *t <= until).count();
        let events: Vec<(Timestamp, Event)> = self.pending.drain(..due).collect();
        for (_, e) in &events {
            self.apply(e);
        }
    }

    /// Apply `event`, which happens at `t`, after everything pending before it.
    pub fn at(&mut self, t: Timestamp, event: &Event) {
        self.flush(t);
        self.apply(event);
    }

    /// Type `text` at the end of a field, as a new line when the field is not empty.
    pub fn type_line(&mut self, t: Timestamp, target: TextField, text: &str) {
        let current = self.meeting.text(target);
        let start = current.chars().count();
        let insert = if current.is_empty() {
            text.to_owned()
        } else {
            format!("\n{text}")
        };
        let splice = Splice {
            start,
            delete: 0,
            insert,
        };
        self.at(t, &Event::TextEdited { target, splice });
    }

    /// Rewrite the last line of a field (the recorder corrects what was just typed).
    pub fn retype_last_line(&mut self, t: Timestamp, target: TextField, text: &str) {
        let old = self.meeting.text(target).to_owned();
        let keep = old.rfind('\n').map_or(0, |i| i + 1);
        let new = format!("{}{text}", &old[..keep]);
        if let Some(splice) = Splice::between(&old, &new) {
            self.at(t, &Event::TextEdited { target, splice });
        }
    }

    /// Names of the members who attend (present or late), in roster order.
    pub fn attendees(&self) -> Vec<usize> {
        self.meeting
            .body()
            .filter(|(i, _)| {
                self.meeting
                    .mark_of(*i)
                    .is_some_and(|m| m.status.attended())
                    || self.pending.iter().any(|(_, e)| {
                        matches!(e, Event::Marked { member_id, mark: Some(m), .. }
                            if m.status.attended() && *member_id == self.meeting.members()[*i].id)
                    })
            })
            .map(|(i, _)| i)
            .collect()
    }

    pub fn name(&self, i: usize) -> &str {
        &self.meeting.members()[i].name
    }
}

/// `date` at `minutes` past midnight, China Standard Time.
pub fn time_on(date: NaiveDate, minutes: i64) -> Timestamp {
    let naive = date.and_time(NaiveTime::MIN) + TimeDelta::minutes(minutes);
    Timestamp::from_naive_utc_and_offset(naive - TimeDelta::hours(8), CST)
}

pub fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(date)
}

/// The id of a meeting created at `at`: a UUID v7 whose last four bytes are unique per serial, so
/// two files of one corpus never share a file name.
pub fn meeting_id(seed: u64, serial: u64, at: Timestamp) -> Uuid {
    let mut rng = SplitMix::derive(seed ^ ID_STREAM, serial);
    let mut bytes = rng.bytes10();
    // Multiplying by an odd constant is a bijection on u32: distinct serials, distinct tags.
    let tag = (serial as u32).wrapping_mul(0x9e37_79b1) ^ (mix(seed) as u32);
    bytes[6..10].copy_from_slice(&tag.to_be_bytes());
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid()
}

fn start_minutes(kind: MeetingKind) -> i64 {
    match kind {
        MeetingKind::ThemedDay => 14 * 60 + 30,
        MeetingKind::GeneralAssembly => 15 * 60,
        MeetingKind::Committee | MeetingKind::Lecture => 9 * 60,
        MeetingKind::Group => 19 * 60 + 30,
        MeetingKind::LifeMeeting => 14 * 60,
    }
}

fn title(branch: &BranchPlan, plan: &Plan) -> String {
    use chrono::Datelike;
    let (y, m) = (plan.date.year(), plan.date.month());
    let q = (m - 1) / 3 + 1;
    match plan.kind {
        MeetingKind::ThemedDay => format!("{y}年{m}月主题党日"),
        MeetingKind::GeneralAssembly => format!("{y}年第{q}季度支部党员大会"),
        MeetingKind::Committee => format!("{y}年{m}月支委会"),
        MeetingKind::Group => {
            let group = plan
                .group
                .and_then(|g| branch.roster.groups.get(g))
                .map_or("", |g| g.name.as_str());
            format!("{group}{y}年{m}月党小组会")
        }
        MeetingKind::Lecture => format!("{y}年第{q}季度党课"),
        MeetingKind::LifeMeeting => format!("{y}年度组织生活会"),
    }
}

fn excuse(rng: &mut SplitMix) -> (ExcuseReason, &'static str) {
    match rng.below(10) {
        0..=2 => (ExcuseReason::Sick, *rng.pick(&SICK_TEXTS)),
        3..=5 => (ExcuseReason::Personal, *rng.pick(&PERSONAL_TEXTS)),
        6..=8 => (ExcuseReason::Travel, *rng.pick(&TRAVEL_TEXTS)),
        _ => (ExcuseReason::Other, *rng.pick(&OTHER_TEXTS)),
    }
}

/// The minutes of `plan`, a meeting of `branch`, in the corpus `seed`.
pub fn minutes_for(seed: u64, branch: &BranchPlan, plan: &Plan) -> Minutes {
    use chrono::Datelike;
    let content = plan.corrects.unwrap_or(plan.serial);
    let mut timing = SplitMix::derive(seed ^ TIMING_STREAM, content);
    let start = time_on(
        plan.date,
        start_minutes(plan.kind) + 5 * i64::from(timing.range(0, 2)),
    );
    let created = start - TimeDelta::minutes(20);
    let original = meeting_id(seed, content, created);
    let (id, supersedes) = match plan.corrects {
        None => (original, None),
        Some(_) => (
            meeting_id(seed, plan.serial, created + TimeDelta::days(3)),
            Some(original),
        ),
    };
    let mut rng = SplitMix::derive(seed, content);
    let roster = branch.roster_in(plan.month);
    let templates = builtin_templates();
    let mut candidates = templates.iter().filter(|t| t.kind == plan.kind);
    let first = candidates.next();
    let agenda = match candidates.next() {
        Some(second) if plan.branch % 2 == 1 => second,
        _ => first.unwrap_or(&templates[0]),
    }
    .stages
    .clone();
    let theme = match plan.kind {
        MeetingKind::ThemedDay | MeetingKind::GeneralAssembly => {
            THEMES[plan.date.month0() as usize].to_owned()
        }
        MeetingKind::LifeMeeting => "对照党章党规，查摆问题，开展批评与自我批评".to_owned(),
        _ => String::new(),
    };
    let setup = MeetingBuilder::new(plan.kind, roster)
        .id(id)
        .title(title(branch, plan))
        .theme(theme)
        .place(branch.place.clone())
        .group(
            plan.group
                .and_then(|g| branch.roster.groups.get(g))
                .map(|g| g.name.clone()),
        )
        .planned_start(start)
        .agenda(agenda)
        .supersedes(supersedes)
        .correction_reason(if supersedes.is_some() {
            "原记录出勤情况登记有误，予以更正"
        } else {
            ""
        })
        .build();
    let meeting = Meeting::new(setup, created);
    let mut script = Script {
        meeting,
        rng: SplitMix::derive(seed ^ 0xa77e_0000, content),
        pending: Vec::new(),
    };

    // Who chairs and records; the secretary is sometimes away and delegates the chair.
    let leader = plan
        .group
        .and_then(|g| branch.group_leaders.get(g).copied());
    let delegated = leader.is_none()
        && plan.kind != MeetingKind::Lecture
        && branch.deputy.is_some()
        && rng.chance(6);
    let chair = match (leader, delegated) {
        (Some(l), _) => l,
        (None, true) => branch.deputy.unwrap_or(branch.secretary),
        (None, false) => branch.secretary,
    };
    let body: Vec<usize> = script.meeting.body().map(|(i, _)| i).collect();
    let recorder = match leader {
        Some(l) => body
            .iter()
            .copied()
            .find(|&i| {
                i != l
                    && script.meeting.members()[i].counted()
                    && branch.run_for(i, plan.month).is_none()
            })
            .unwrap_or(l),
        None => branch.recorder,
    };
    let approver = if plan.kind == MeetingKind::Group {
        script.name(chair).to_owned()
    } else {
        script.name(branch.secretary).to_owned()
    };

    // Attendance, decided member by member.
    let mut marks = Vec::new();
    for &i in &body {
        let member = &script.meeting.members()[i];
        let attendance = if delegated && i == branch.secretary {
            Attendance::Excused(ExcuseReason::Travel, "在县委党校参加培训", true)
        } else if i == chair || i == recorder {
            Attendance::Present(i64::from(rng.range(2, 15)))
        } else if !member.counted() {
            Attendance::Absent("经上级党组织批准，不计入应到会人数")
        } else if let Some(run) = branch.run_for(i, plan.month) {
            match run.style {
                RunStyle::Absent(text) => Attendance::Absent(text),
                RunStyle::ExcusedUnapproved(reason, text) => {
                    Attendance::Excused(reason, text, false)
                }
            }
        } else {
            let roll = rng.below(100);
            let committee = plan.kind == MeetingKind::Committee;
            match roll {
                _ if committee && roll < 93 => Attendance::Present(i64::from(rng.range(1, 10))),
                _ if committee => {
                    let (r, t) = excuse(&mut rng);
                    Attendance::Excused(r, t, true)
                }
                0..=81 => Attendance::Present(i64::from(rng.range(1, 15))),
                82..=85 => Attendance::Late(i64::from(rng.range(5, 25))),
                86..=97 => {
                    let (r, t) = excuse(&mut rng);
                    Attendance::Excused(r, t, true)
                }
                _ => Attendance::Absent(super::words::ABSENT_TEXTS[0]),
            }
        };
        marks.push((i, attendance));
    }
    for (i, attendance) in marks {
        let member_id = script.meeting.members()[i].id.clone();
        let (minutes, mark) = match attendance {
            Attendance::Present(before) => (
                -before,
                AttendanceMark {
                    status: AttendanceStatus::Present,
                    reason: None,
                    reason_text: String::new(),
                    approver: String::new(),
                    left: None,
                },
            ),
            Attendance::Late(after) => (
                after,
                AttendanceMark {
                    status: AttendanceStatus::Late,
                    reason: None,
                    reason_text: String::new(),
                    approver: String::new(),
                    left: None,
                },
            ),
            Attendance::Excused(reason, text, approved) => (
                1,
                AttendanceMark {
                    status: AttendanceStatus::Excused,
                    reason: Some(reason),
                    reason_text: text.to_owned(),
                    approver: if !approved {
                        String::new()
                    } else if i == branch.secretary {
                        format!("{}党委", branch.town)
                    } else {
                        approver.clone()
                    },
                    left: None,
                },
            ),
            Attendance::Absent(text) => (
                2,
                AttendanceMark {
                    status: AttendanceStatus::Absent,
                    reason: None,
                    reason_text: text.to_owned(),
                    approver: String::new(),
                    left: None,
                },
            ),
        };
        let at = start + TimeDelta::minutes(minutes);
        script.pending.push((
            at,
            Event::Marked {
                at,
                member_id,
                mark: Some(mark),
            },
        ));
    }

    // Guests (列席).
    let guests = match plan.kind {
        MeetingKind::ThemedDay if branch.is_village() && rng.chance(40) => rng.range(1, 3),
        MeetingKind::GeneralAssembly | MeetingKind::LifeMeeting if rng.chance(30) => 1,
        _ => 0,
    };
    let mut taken = script
        .meeting
        .members()
        .iter()
        .map(|m| m.name.clone())
        .collect();
    for _ in 0..guests {
        let guest = Guest {
            name: super::branch::fresh_name(&mut rng, &mut taken),
            identity: (*rng.pick(&GUEST_IDENTITIES)).to_owned(),
        };
        let at = start - TimeDelta::minutes(i64::from(rng.range(1, 5)));
        script.pending.push((at, Event::GuestAdded { at, guest }));
    }
    script.pending.sort_by_key(|(t, _)| *t);

    let person = |i: usize| PersonRef::member(&script.meeting.members()[i]);
    let details = Event::DetailsSet {
        title: script.meeting.setup.title.clone(),
        theme: script.meeting.setup.theme.clone(),
        place: script.meeting.setup.place.clone(),
        chair: Some(person(chair)),
        chair_delegated_by: delegated.then(|| person(branch.secretary)),
        recorder: Some(person(recorder)),
    };
    script.at(created, &details);

    let roles = content::Roles {
        chair,
        recorder,
        plan: *plan,
        start,
    };
    let end = content::play(&mut script, branch, &roles);
    script.at(end, &Event::Ended { at: end });
    let mut finalized = end + TimeDelta::minutes(i64::from(rng.range(2, 12)));
    if plan.corrects.is_some() {
        finalized += TimeDelta::days(3);
        let note = "（更正说明：补充会后核实的请假党员补学情况，本记录取代原记录。）";
        script.type_line(finalized, TextField::Summary, note);
    }
    minutes::build(&script.meeting, finalized)
}
