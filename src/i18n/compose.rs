//! Messages put together from other messages, the same in every language, and the figures they
//! show.

use super::Tr;

impl Tr {
    /// What went wrong in the meeting's session (storage, journal or a refused change).
    #[must_use]
    pub fn session_error(self, e: &crate::session::SessionError) -> String {
        use crate::journal::JournalError;
        use crate::session::SessionError;
        match e {
            SessionError::Store(e) | SessionError::Journal(JournalError::Store(e)) => {
                self.store_error(e)
            }
            SessionError::Journal(JournalError::NoStart { path }) => self.journal_no_start(path),
            SessionError::Apply(e) => self.apply_error(e),
        }
    }

    /// `评定等次：合格（测评：优秀 3，合格 18，基本合格 1，不合格 0）`.
    #[must_use]
    pub fn appraisal_line(self, a: &crate::domain::Appraisal) -> String {
        format!(
            "{}{}{}",
            self.grade_label(),
            self.colon(),
            self.appraisal_value(a)
        )
    }
}

/// The format versions this program reads, joined by `sep`.
pub(super) fn versions(sep: &str) -> String {
    crate::minutes::VERSIONS
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// Whole minutes, rounded to the nearest; a positive time under half a minute shows as `<1`.
pub fn minutes_of(seconds: u64) -> String {
    if seconds > 0 && seconds < 30 {
        "<1".to_owned()
    } else {
        (seconds.saturating_add(30) / 60).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::upload::Outcome;

    #[test]
    fn upload_results_are_said_in_the_screen_language() {
        let o = Outcome::Conflict(String::new());
        assert_eq!(Tr(Lang::Zh).upload_outcome(&o), "冲突");
        assert_eq!(Tr(Lang::En).upload_outcome(&o), o.key());
        let o = Outcome::Invalid(String::new());
        assert_eq!(Tr(Lang::Zh).upload_outcome(&o), "无效");
        assert_eq!(Tr(Lang::En).upload_outcome(&o), o.key());
    }
}
