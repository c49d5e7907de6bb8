//! Words used on more than one screen: field labels and short answers.

use super::Tr;

impl Tr {
    #[must_use]
    pub fn none_word(self) -> &'static str {
        self.pick("无", "none")
    }

    #[must_use]
    pub fn name_label(self) -> &'static str {
        self.pick("姓名", "Name")
    }

    #[must_use]
    pub fn standing_label(self) -> &'static str {
        self.pick("类别", "Standing")
    }

    #[must_use]
    pub fn group_label(self) -> &'static str {
        self.pick("党小组", "Group")
    }

    #[must_use]
    pub fn time_label(self) -> &'static str {
        self.pick("时间", "Time")
    }

    #[must_use]
    pub fn reason_label(self) -> &'static str {
        self.pick("原因", "Reason")
    }

    #[must_use]
    pub fn presenter_label(self) -> &'static str {
        self.pick("领学人", "Presenter")
    }

    #[must_use]
    pub fn type_label(self) -> &'static str {
        self.pick("类型", "Type")
    }

    #[must_use]
    pub fn source_label(self) -> &'static str {
        self.pick("来源", "Source")
    }

    #[must_use]
    pub fn meeting_title(self) -> &'static str {
        self.pick("会议名称", "Title")
    }

    #[must_use]
    pub fn theme_label(self) -> &'static str {
        self.pick("主题", "Theme")
    }

    #[must_use]
    pub fn place_label(self) -> &'static str {
        self.pick("地点", "Place")
    }

    #[must_use]
    pub fn chair_label(self) -> &'static str {
        self.pick("主持人", "Chair")
    }

    #[must_use]
    pub fn delegated_by_if_any(self) -> &'static str {
        self.pick("受谁委托（如委托主持）", "Delegated by (if any)")
    }

    #[must_use]
    pub fn recorder_label(self) -> &'static str {
        self.pick("记录人", "Recorder")
    }

    #[must_use]
    pub fn outcome_label(self) -> &'static str {
        self.pick("结果：", "Outcome:")
    }

    /// `key` is the key that does it, from the keymap.
    #[must_use]
    pub fn editor_hint(self, key: &str) -> String {
        self.pick(
            format!("{key} 完成（自动保存）"),
            format!("{key} done (saved as you type)"),
        )
    }
}

/// The endings of a Party organisation's name (党支部, 党总支 …), longest first.
#[must_use]
pub fn branch_suffixes() -> &'static [&'static str] {
    &[
        "党总支部委员会",
        "党支部委员会",
        "党总支部",
        "党总支",
        "党支部",
        "党委",
        "支部",
    ]
}

impl Tr {
    /// What happened to a file in an upload, as a person reads it (`--json` keeps the keys).
    #[must_use]
    pub fn upload_outcome(self, o: &crate::upload::Outcome) -> &'static str {
        use crate::upload::Outcome;
        match o {
            Outcome::Delivered => self.pick("已送达", "delivered"),
            Outcome::AlreadyThere => self.pick("对方已有", "already there"),
            Outcome::Skipped => self.pick("已送过", "skipped"),
            Outcome::WouldSend => self.pick("将发送", "would send"),
            Outcome::Conflict(_) => self.pick("冲突", "conflict"),
            Outcome::Failed(_) => self.pick("失败", "failed"),
            Outcome::Invalid(_) => self.pick("无效", "invalid"),
            Outcome::Duplicate(_) => self.pick("重复", "duplicate"),
            Outcome::Returned(_) => self.pick("已退回", "returned"),
        }
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
