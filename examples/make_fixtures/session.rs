//! A meeting played event by event, as the program's screens would journal it.

use chrono::{FixedOffset, NaiveDate, TimeDelta};

use branchday::corpus::MeetingBuilder;
use branchday::domain::agenda::{StageTemplate, builtin_templates};
use branchday::domain::rules::{self, Outcome, VoteMethod, VoteRecord, WrittenOpinion};
use branchday::domain::text::Splice;
use branchday::domain::{
    ActionItem, AttendanceMark, AttendanceStatus, Event, ExcuseReason, Guest, ItemSource,
    ItemStage, ItemType, Meeting, MeetingKind, PersonRef, Roster, TextField, Timestamp,
};
use branchday::minutes::{self, Minutes};
use uuid::Uuid;

/// A fixed UUID v7 for a fixture: the time it was created and a distinguishing number.
pub fn fixture_id(at: Timestamp, n: u8) -> Uuid {
    let millis = u64::try_from(at.timestamp_millis()).expect("after 1970");
    let bytes = [0x42, 0x44, 0x61, 0x79, 0x66, 0x69, 0x78, 0x74, 0x75, n];
    uuid::Builder::from_unix_timestamp_millis(millis, &bytes).into_uuid()
}

/// `y-m-d h:m` in China Standard Time.
pub fn cst(y: i32, m: u32, d: u32, h: u32, min: u32) -> Timestamp {
    let offset = FixedOffset::east_opt(8 * 3600).expect("offset");
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|d| d.and_hms_opt(h, min, 0))
        .and_then(|t| t.and_local_timezone(offset).single())
        .expect("valid time")
}

/// The agenda of the built-in template named `name`.
pub fn template(name: &str) -> Vec<StageTemplate> {
    builtin_templates()
        .into_iter()
        .find(|t| t.name == name)
        .expect("built-in template")
        .stages
}

pub struct Session {
    pub meeting: Meeting,
    pub start: Timestamp,
}

impl Session {
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        id: Uuid,
        kind: MeetingKind,
        title: &str,
        theme: &str,
        place: &str,
        agenda: Vec<StageTemplate>,
        roster: Roster,
        start: Timestamp,
    ) -> Session {
        let setup = MeetingBuilder::new(kind, roster)
            .id(id)
            .title(title)
            .theme(theme)
            .place(place)
            .planned_start(start)
            .agenda(agenda)
            .build();
        Session {
            meeting: Meeting::new(setup, start - TimeDelta::minutes(30)),
            start,
        }
    }

    /// `minutes` after the start (negative: before).
    pub fn t(&self, minutes: i64) -> Timestamp {
        self.start + TimeDelta::minutes(minutes)
    }

    pub fn ev(&mut self, e: &Event) {
        self.meeting.apply(e).expect("fixture event applies");
    }

    pub fn person(&self, id: &str) -> PersonRef {
        PersonRef::member(self.meeting.setup.roster.member(id).expect("member"))
    }

    pub fn roles(&mut self, chair: &str, delegated_by: Option<&str>, recorder: &str) {
        let s = &self.meeting.setup;
        let e = Event::DetailsSet {
            title: s.title.clone(),
            theme: s.theme.clone(),
            place: s.place.clone(),
            chair: Some(self.person(chair)),
            chair_delegated_by: delegated_by.map(|d| self.person(d)),
            recorder: Some(self.person(recorder)),
        };
        self.ev(&e);
    }

    pub fn stage(&mut self, index: usize, minutes: i64) {
        let at = self.t(minutes);
        self.ev(&Event::StageStarted { at, index });
        if index == 0 {
            self.ev(&Event::MeetingStarted { at });
        }
    }

    fn mark(&mut self, id: &str, minutes: i64, mark: AttendanceMark) {
        let at = self.t(minutes);
        self.ev(&Event::Marked {
            at,
            member_id: id.to_owned(),
            mark: Some(mark),
        });
    }

    /// Every member of the body not in `except` checks in, a minute apart from `from` minutes.
    pub fn present_all(&mut self, except: &[&str], from: i64) {
        let ids: Vec<String> = self
            .meeting
            .body()
            .map(|(_, m)| m.id.clone())
            .filter(|id| !except.contains(&id.as_str()))
            .collect();
        for (k, id) in ids.iter().enumerate() {
            let minutes = from + i64::try_from(k % 15).expect("small");
            self.present(id, minutes);
        }
    }

    pub fn present(&mut self, id: &str, minutes: i64) {
        self.mark(id, minutes, status_mark(AttendanceStatus::Present));
    }

    pub fn late(&mut self, id: &str, minutes: i64) {
        self.mark(id, minutes, status_mark(AttendanceStatus::Late));
    }

    pub fn excused(&mut self, id: &str, reason: ExcuseReason, text: &str, approver: &str) {
        let mark = AttendanceMark {
            status: AttendanceStatus::Excused,
            reason: Some(reason),
            reason_text: text.to_owned(),
            approver: approver.to_owned(),
            left: None,
        };
        self.mark(id, 1, mark);
    }

    pub fn absent(&mut self, id: &str, text: &str) {
        let mark = AttendanceMark {
            reason_text: text.to_owned(),
            ..status_mark(AttendanceStatus::Absent)
        };
        self.mark(id, 2, mark);
    }

    pub fn guest(&mut self, name: &str, identity: &str, minutes: i64) {
        let at = self.t(minutes);
        let guest = Guest {
            name: name.to_owned(),
            identity: identity.to_owned(),
        };
        self.ev(&Event::GuestAdded { at, guest });
    }

    /// Type `text` at the end of a field, one line per call.
    pub fn write(&mut self, target: TextField, text: &str) {
        let current = self.meeting.text(target);
        let insert = if current.is_empty() {
            text.to_owned()
        } else {
            format!("\n{text}")
        };
        let splice = Splice {
            start: current.chars().count(),
            delete: 0,
            insert,
        };
        self.ev(&Event::TextEdited { target, splice });
    }

    /// Replace `old` by `new` in a field, as the recorder's correction.
    pub fn correct(&mut self, target: TextField, old: &str, new: &str) {
        let before = self.meeting.text(target).to_owned();
        let after = before.replacen(old, new, 1);
        let splice = Splice::between(&before, &after).expect("text changes");
        self.ev(&Event::TextEdited { target, splice });
    }

    /// A study topic timed from `from` to `to` minutes, with its notes.
    pub fn topic(
        &mut self,
        title: &str,
        presenter: &str,
        material: &str,
        notes: &[&str],
        span: (i64, i64),
    ) {
        self.ev(&Event::TopicAdded {
            title: title.to_owned(),
            presenter: presenter.to_owned(),
            material: material.to_owned(),
        });
        let index = self.meeting.study.len() - 1;
        let (from, to) = span;
        self.ev(&Event::TopicTimer {
            at: self.t(from),
            index,
            running: true,
        });
        for line in notes {
            self.write(TextField::StudyNotes(index), line);
        }
        self.ev(&Event::TopicTimer {
            at: self.t(to),
            index,
            running: false,
        });
    }

    pub fn item(
        &mut self,
        title: &str,
        item_type: ItemType,
        stage: Option<ItemStage>,
        source: Option<ItemSource>,
        candidate: Option<PersonRef>,
        notes: &[&str],
    ) -> usize {
        self.ev(&Event::ItemAdded {
            title: title.to_owned(),
            item_type,
            stage,
            source,
            candidate,
        });
        let index = self.meeting.items.len() - 1;
        for line in notes {
            self.write(TextField::ItemNotes(index), line);
        }
        index
    }

    /// Close a vote at `minutes` with the attendance as it is, judged by the rules.
    pub fn vote(
        &mut self,
        index: usize,
        method: VoteMethod,
        counts: (u32, u32, u32),
        written: Vec<WrittenOpinion>,
        minutes: i64,
    ) -> Outcome {
        let mut input = self
            .meeting
            .vote_input(index, method, counts, written, false)
            .expect("vote input");
        if method == VoteMethod::SecretBallot {
            // Every present voter gets a ballot and hands it back; two of them watch and count.
            let p = input.entitled_present;
            let valid = counts.0 + counts.1 + counts.2;
            let here: Vec<PersonRef> = self
                .meeting
                .body()
                .filter(|(i, m)| m.standing.votes() && self.meeting.here(*i))
                .map(|(_, m)| PersonRef::member(m))
                .take(2)
                .collect();
            input.ballots = Some(rules::Ballots {
                issued: p,
                returned: p,
                valid,
                invalid: p - valid,
                scrutineers: here.first().cloned().into_iter().collect(),
                counters: here.get(1).cloned().into_iter().collect(),
            });
        }
        let j = rules::judge(&input).expect("the rules accept the vote");
        let vote = VoteRecord::freeze(&input, &j, self.t(minutes));
        self.ev(&Event::VoteClosed { index, vote });
        j.outcome
    }

    pub fn decide(&mut self, index: usize, text: &str) {
        self.write(TextField::ItemDecision(index), text);
    }

    pub fn action(&mut self, task: &str, owner: &str, due: (i32, u32, u32), item: Option<usize>) {
        let action = ActionItem {
            task: task.to_owned(),
            owner: self.person(owner),
            due: NaiveDate::from_ymd_opt(due.0, due.1, due.2),
            item,
        };
        self.ev(&Event::ActionAdded { action });
    }

    pub fn end(&mut self, minutes: i64) {
        let at = self.t(minutes);
        self.ev(&Event::Ended { at });
    }

    /// The minutes, finalized `minutes` after the start, with their bytes.
    /// The record finalized at `minutes`, signed with the fixtures' key.
    pub fn finish(&self, minutes: i64) -> (Minutes, Vec<u8>) {
        let m = minutes::build(&self.meeting, self.t(minutes));
        let (bytes, _) = minutes::build::to_signed_bytes(&m, &fixture_key()).expect("sealed");
        (m, bytes)
    }
}

fn status_mark(status: AttendanceStatus) -> AttendanceMark {
    AttendanceMark {
        status,
        reason: None,
        reason_text: String::new(),
        approver: String::new(),
        left: None,
    }
}

/// The key the fixtures are signed with: fixed, so the fixtures are the same bytes every time.
/// Its public half is in `fixtures/valid-v2/allowed_signers`; it signs nothing but fixtures.
pub fn fixture_key() -> ssh_key::PrivateKey {
    ssh_key::PrivateKey::from(ssh_key::private::Ed25519Keypair::from_seed(&[0x42; 32]))
}

/// A written opinion of a roster member.
pub fn written(roster: &Roster, id: &str, opinion: rules::Opinion) -> WrittenOpinion {
    let m = roster.member(id).expect("member");
    WrittenOpinion {
        member_id: m.id.clone(),
        name: m.name.clone(),
        opinion,
    }
}
