//! Corrections: a finalized file is never changed; a correction is a new draft that starts from the
//! record it corrects and is finalized as a new file whose `supersedes` names the old id.

use uuid::Uuid;

use super::Minutes;
use crate::domain::agenda::StageTemplate;
use crate::domain::{
    AttendanceMark, Group, MeetingSetup, Member, Restored, Roster, TimelineEvent, Timestamp,
};

/// The setup and the restored content of a new draft correcting `m`, with the new id `id`.
pub fn correction(m: &Minutes, id: Uuid, reason: &str) -> (MeetingSetup, Restored) {
    let mut groups: Vec<Group> = Vec::new();
    for g in m.attendance.iter().filter_map(|a| a.group.as_ref()) {
        if !groups.iter().any(|x| &x.name == g) {
            groups.push(Group {
                name: g.clone(),
                leader: None,
                deputy: None,
            });
        }
    }
    let members = m
        .attendance
        .iter()
        .map(|a| Member {
            id: a.member_id.clone(),
            name: a.name.clone(),
            standing: a.standing,
            group: a.group.clone(),
            committee_role: a.committee_role,
            exclusion: a.exclusion.clone(),
            joined: None,
            confirmed: None,
            out_of_contact: None,
        })
        .collect();
    let setup = MeetingSetup {
        id,
        kind: m.kind,
        title: m.title.clone(),
        theme: m.theme.clone(),
        place: m.place.clone(),
        chair: m.chair.clone(),
        chair_delegated_by: m.chair_delegated_by.clone(),
        recorder: m.recorder.clone(),
        group: m.group.clone(),
        planned_start: None,
        agenda: m
            .agenda
            .iter()
            .map(|s| StageTemplate {
                title: s.title.clone(),
                kind: s.kind,
                planned_minutes: u32::try_from(s.planned_seconds / 60).unwrap_or(u32::MAX),
            })
            .collect(),
        roster: Roster {
            branch: m.branch.clone(),
            groups,
            members,
            departed: Vec::new(),
        },
        settings: m.settings,
        supersedes: Some(m.id),
        correction_reason: reason.trim().to_owned(),
    };
    let marks = m
        .attendance
        .iter()
        .map(|a| {
            // The time the mark was made: the check-in time, else the timeline's entry for them.
            let at = a
                .checked_in_at
                .or_else(|| marked_at(m, &a.name))
                .unwrap_or(m.started_at);
            let mark = AttendanceMark {
                status: a.status,
                reason: a.reason,
                reason_text: a.reason_text.clone(),
                approver: a.approver.clone(),
                left: None,
            };
            (a.member_id.clone(), mark, at)
        })
        .collect();
    let restored = Restored {
        started_at: m.started_at,
        ended_at: m.ended_at,
        agenda: m.agenda.clone(),
        marks,
        guests: m.guests.clone(),
        study: m.study.clone(),
        items: m.items.clone(),
        actions: m.actions.clone(),
        summary: m.summary.clone(),
        timeline: m.timeline.clone(),
    };
    (setup, restored)
}

fn marked_at(m: &Minutes, name: &str) -> Option<Timestamp> {
    m.timeline
        .iter()
        .rev()
        .find(|t| t.event == TimelineEvent::CheckedIn && t.subject == name)
        .map(|t| t.at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Event, Meeting};

    fn fixture(name: &str) -> Minutes {
        let bytes = std::fs::read(format!(
            "{}/fixtures/valid/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .expect("fixture");
        crate::minutes::check_bytes(&bytes)
            .minutes
            .expect("valid fixture")
    }

    #[test]
    fn a_correction_rebuilds_the_same_record_with_a_new_id_that_supersedes_the_old() {
        for name in [
            "general_assembly_admission.json",
            "themed_day.json",
            "committee.json",
            "group.json",
        ] {
            let old = fixture(name);
            let id = Uuid::now_v7();
            let (setup, restored) = correction(&old, id, "出勤记录有误，更正");
            let events = [
                Event::Created {
                    at: old.finalized_at,
                    setup: Box::new(setup),
                },
                Event::Restored {
                    record: Box::new(restored),
                },
            ];
            let (meeting, skipped) = Meeting::replay(&events).expect("replay");
            assert!(skipped.is_empty(), "{name}: {skipped:?}");
            let new = crate::minutes::build(&meeting, old.finalized_at);
            assert_eq!(new.id, id);
            assert_eq!(new.supersedes, Some(old.id));
            // The same record in format v2: with its reason, every vote also as its round.
            let mut expected = old.clone();
            expected.id = id;
            expected.supersedes = Some(old.id);
            expected.version = crate::minutes::VERSION;
            expected.correction_reason = "出勤记录有误，更正".to_owned();
            for it in &mut expected.items {
                if let Some(v) = &it.vote {
                    it.rounds = vec![crate::domain::VoteRound {
                        vote: v.clone(),
                        annulled: None,
                    }];
                }
            }
            expected.integrity.digest = String::new();
            assert_eq!(new, expected, "{name}");
            let (bytes, _) = crate::minutes::to_bytes(&new).expect("bytes");
            let checked = crate::minutes::check_bytes(&bytes);
            assert!(checked.is_valid(), "{name}: {:?}", checked.findings);
        }
    }
}
