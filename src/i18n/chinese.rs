//! Chinese that is not a translation: the names of the fonts Chinese office documents ask for, and
//! the endings of a Party organisation's name. They are the same whatever the screen's language.

/// The Chinese font names the Word and Excel files ask for (the fonts of Chinese office
/// documents), with the names Word and WPS fall back to.
pub mod fonts {
    /// Body text of the Word file: `仿宋_GB2312`, falling back to 仿宋.
    pub const BODY: &str = "仿宋_GB2312";
    pub const BODY_FALLBACK: &str = "仿宋";
    /// Titles and sub-headings, and every cell of the Excel files: 宋体 (`SimSun`).
    pub const TITLE: &str = "宋体";
    /// Section headings: 黑体 (`SimHei`).
    pub const HEADING: &str = "黑体";
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
