//! [`MeetingBuilder`]: the one way tests, benches, examples and the corpus generator write a
//! [`MeetingSetup`], naming only what they care about.
//!
//! It lives in the library, behind the `dev` feature with the rest of this module, rather than in
//! `tests/support`: the unit tests under `src/`, the benches, the examples and the generator itself
//! cannot see `tests/support`, and all of them need a setup. `tests/support` re-exports it.
//!
//! Votes need no builder: a judged vote is frozen with
//! [`VoteRecord::freeze`](crate::domain::rules::VoteRecord::freeze), exactly as the program does.

use uuid::Uuid;

use crate::domain::agenda::{StageTemplate, builtin_templates};
use crate::domain::rules::RuleSettings;
use crate::domain::{MeetingKind, MeetingSetup, PersonRef, Roster, Timestamp};

/// The id a built meeting has unless told otherwise (a version-7 UUID, as the program makes).
pub const DEFAULT_ID: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);

/// A [`MeetingSetup`] with defaults for everything not named: the id [`DEFAULT_ID`], the first
/// built-in agenda of the kind, the default rules, and no title, theme, place, chair, recorder,
/// 党小组, planned start or superseded meeting.
#[derive(Debug, Clone)]
pub struct MeetingBuilder {
    setup: MeetingSetup,
}

impl MeetingBuilder {
    /// A meeting of `kind` for `roster`.
    pub fn new(kind: MeetingKind, roster: Roster) -> MeetingBuilder {
        let agenda = builtin_templates()
            .into_iter()
            .find(|t| t.kind == kind)
            .map(|t| t.stages)
            .unwrap_or_default();
        MeetingBuilder {
            setup: MeetingSetup {
                id: DEFAULT_ID,
                kind,
                title: String::new(),
                theme: String::new(),
                place: String::new(),
                chair: None,
                chair_delegated_by: None,
                recorder: None,
                group: None,
                planned_start: None,
                agenda,
                roster,
                settings: RuleSettings::default(),
                supersedes: None,
                correction_reason: String::new(),
            },
        }
    }

    #[must_use]
    pub fn id(mut self, id: Uuid) -> MeetingBuilder {
        self.setup.id = id;
        self
    }

    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> MeetingBuilder {
        self.setup.title = title.into();
        self
    }

    #[must_use]
    pub fn theme(mut self, theme: impl Into<String>) -> MeetingBuilder {
        self.setup.theme = theme.into();
        self
    }

    #[must_use]
    pub fn place(mut self, place: impl Into<String>) -> MeetingBuilder {
        self.setup.place = place.into();
        self
    }

    /// Who chairs (`None`: not chosen yet).
    #[must_use]
    pub fn chair(mut self, chair: Option<PersonRef>) -> MeetingBuilder {
        self.setup.chair = chair;
        self
    }

    /// The roster's member number `index` chairs.
    ///
    /// # Panics
    /// If the roster has no member `index` (a mistake in the test that asks).
    #[must_use]
    pub fn chair_member(self, index: usize) -> MeetingBuilder {
        let chair = PersonRef::member(&self.setup.roster.members[index]);
        self.chair(Some(chair))
    }

    /// Who delegated the chair (the secretary, when someone else chairs).
    #[must_use]
    pub fn chair_delegated_by(mut self, by: Option<PersonRef>) -> MeetingBuilder {
        self.setup.chair_delegated_by = by;
        self
    }

    /// Who keeps the minutes (`None`: not chosen yet).
    #[must_use]
    pub fn recorder(mut self, recorder: Option<PersonRef>) -> MeetingBuilder {
        self.setup.recorder = recorder;
        self
    }

    /// The roster's member number `index` keeps the minutes.
    ///
    /// # Panics
    /// If the roster has no member `index` (a mistake in the test that asks).
    #[must_use]
    pub fn recorder_member(self, index: usize) -> MeetingBuilder {
        let recorder = PersonRef::member(&self.setup.roster.members[index]);
        self.recorder(Some(recorder))
    }

    /// The 党小组 of a group meeting.
    #[must_use]
    pub fn group(mut self, group: Option<String>) -> MeetingBuilder {
        self.setup.group = group;
        self
    }

    #[must_use]
    pub fn planned_start(mut self, at: Timestamp) -> MeetingBuilder {
        self.setup.planned_start = Some(at);
        self
    }

    #[must_use]
    pub fn agenda(mut self, agenda: Vec<StageTemplate>) -> MeetingBuilder {
        self.setup.agenda = agenda;
        self
    }

    #[must_use]
    pub fn settings(mut self, settings: RuleSettings) -> MeetingBuilder {
        self.setup.settings = settings;
        self
    }

    /// The meeting whose minutes this one corrects.
    #[must_use]
    pub fn supersedes(mut self, id: Option<Uuid>) -> MeetingBuilder {
        self.setup.supersedes = id;
        self
    }

    /// 更正原因 of a correction.
    #[must_use]
    pub fn correction_reason(mut self, reason: impl Into<String>) -> MeetingBuilder {
        self.setup.correction_reason = reason.into();
        self
    }

    pub fn build(self) -> MeetingSetup {
        self.setup
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::agenda::StageKind;

    #[test]
    fn what_is_not_named_takes_the_defaults() {
        let roster = crate::demo::roster();
        let setup = MeetingBuilder::new(MeetingKind::ThemedDay, roster.clone()).build();
        assert_eq!(setup.id, DEFAULT_ID);
        assert_eq!(setup.id.get_version_num(), 7);
        assert_eq!(setup.kind, MeetingKind::ThemedDay);
        assert_eq!(
            setup.agenda.first().map(|s| s.kind),
            Some(StageKind::CheckIn)
        );
        assert_eq!(setup.roster, roster);
        assert_eq!(setup.settings, RuleSettings::default());
        assert!(setup.title.is_empty() && setup.chair.is_none() && setup.supersedes.is_none());
    }

    #[test]
    fn named_members_chair_and_record() {
        let roster = crate::demo::roster();
        let setup = MeetingBuilder::new(MeetingKind::Committee, roster.clone())
            .title("支委会")
            .chair_member(0)
            .recorder_member(2)
            .build();
        assert_eq!(setup.title, "支委会");
        assert_eq!(setup.chair, Some(PersonRef::member(&roster.members[0])));
        assert_eq!(setup.recorder, Some(PersonRef::member(&roster.members[2])));
    }
}
