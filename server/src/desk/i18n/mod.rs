//! Every string of the desk, in Chinese and English. `Dt` is a language; `dt.some_message()` is the
//! message of [`DeskMessages`] in that language, written in the language's own file (`zh.rs`,
//! `en.rs`): a third language is one more file and its line in `Deref` below.

use branchday::i18n::Lang;

mod en;
mod messages;
mod zh;

pub use messages::DeskMessages;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dt(pub Lang);

impl std::ops::Deref for Dt {
    type Target = dyn DeskMessages;

    fn deref(&self) -> &Self::Target {
        match self.0 {
            Lang::Zh => &zh::Zh,
            Lang::En => &en::En,
        }
    }
}
