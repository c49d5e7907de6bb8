//! Every user-facing string, in Chinese and English.
//!
//! `Tr` is a language; each method returns the text for one message, with a `match` on the language
//! so a message cannot exist in one language only. Strings are grouped by concern in submodules.

mod batch;
mod cli;
mod corpus;
mod export;
mod forms;
mod inputs;
mod keys;
mod meeting;
mod record;
mod reliability;
pub mod review;
mod roster;
mod tui;
mod words;

pub use export::{ExportLabel, minutes_of};

use std::sync::OnceLock;

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

    #[must_use]
    pub fn parse(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "zh_cn" | "cn" => Some(Lang::Zh),
            "en" | "en-us" | "en_us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Messages in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    #[must_use]
    pub fn lang(self) -> Lang {
        self.0
    }

    #[must_use]
    pub fn is_zh(self) -> bool {
        self.0 == Lang::Zh
    }

    /// Pick between the Chinese and the English text.
    pub fn pick<T>(self, zh: T, en: T) -> T {
        match self.0 {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Set the process's language once, at start-up.
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The process's language (English until set).
pub fn tr() -> Tr {
    Tr(LANG.get().copied().unwrap_or(Lang::En))
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
}
