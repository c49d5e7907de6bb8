//! The message catalogue: every user-facing string, in Chinese and English.
//!
//! [`Messages`] has one method per message. Each language implements the whole of it in its own
//! file — `zh.rs`, `en.rs` — so a language cannot lack a message, and a translator owns one file.
//! [`Tr`] is a language: `tr.some_message()` dereferences to that language's catalogue. A third
//! language is one new file implementing `Messages`, plus its `Lang` variant and its line in
//! `Deref for Tr` below. What every language shares (messages put together from other messages)
//! is in `compose.rs`; the recurring terms each language keeps to are in `glossary.rs`.

mod chinese;
mod compose;
mod en;
pub mod glossary;
mod labels;
mod messages;
mod serde_zh;
mod zh;

pub use chinese::{branch_suffixes, fonts};
pub use compose::minutes_of;
pub use labels::{ExportLabel, ManSection, PrintLabel, ReviewLabel};
pub use messages::Messages;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// `--lang`, else the locale (`zh*` → Chinese), else English.
    #[must_use]
    pub fn detect(flag: Option<&str>) -> Lang {
        if let Some(f) = flag {
            return Lang::parse(f).unwrap_or(Lang::En);
        }
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
                && !v.is_empty()
            {
                return Lang::from_locale(&v);
            }
        }
        Lang::En
    }

    /// A locale string such as `zh_CN.UTF-8` or `en_US`.
    #[must_use]
    pub fn from_locale(locale: &str) -> Lang {
        if locale.to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language's tag, as in an export's file name (`….zh.docx`) and HTML's `lang`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en_us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Whether a typed answer (trimmed, lower case) to a yes/no prompt is yes, in either language: the
/// secretary may answer in the language they think in, whatever `--lang` says.
#[must_use]
pub fn is_yes(answer: &str) -> bool {
    matches!(answer, "y" | "yes" | "是" | "好" | "确定")
}

/// Messages in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    /// The language of an error's `Display` (logs, tests, `{e}` in a developer's message). What a
    /// user reads is rendered through the user's `Tr` where the error reaches the screen or the
    /// terminal (`Tr::store_error`, `Tr::session_error`, …); there is no process-wide language.
    pub const NEUTRAL: Tr = Tr(Lang::En);

    #[must_use]
    pub fn lang(self) -> Lang {
        self.0
    }
}

/// A language's messages: `tr.some_message()` is the message of [`Messages`] in `tr`'s language.
impl std::ops::Deref for Tr {
    type Target = dyn Messages;

    fn deref(&self) -> &Self::Target {
        match self.0 {
            Lang::Zh => &zh::Zh,
            Lang::En => &en::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_detection() {
        assert_eq!(Lang::from_locale("zh_CN.UTF-8"), Lang::Zh);
        assert_eq!(Lang::from_locale("zh_TW"), Lang::Zh);
        assert_eq!(Lang::from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(Lang::from_locale("C"), Lang::En);
        assert_eq!(Lang::detect(Some("zh")), Lang::Zh);
        assert_eq!(Lang::detect(Some("en")), Lang::En);
    }

    #[test]
    fn yes_is_understood_in_either_language() {
        for a in ["y", "yes", "是", "好", "确定"] {
            assert!(is_yes(a), "{a}");
        }
        for a in ["", "n", "no", "否", "yes please"] {
            assert!(!is_yes(a), "{a}");
        }
    }

    #[test]
    fn an_error_displays_in_the_neutral_language_and_renders_in_the_users() {
        let e = crate::store::StoreError::NoHome;
        assert_eq!(e.to_string(), Tr::NEUTRAL.store_error(&e));
        assert_eq!(Tr::NEUTRAL, Tr(Lang::En));
        assert_ne!(Tr(Lang::Zh).store_error(&e), e.to_string());
    }
}
