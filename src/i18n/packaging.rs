//! Messages of `--version` and of the generators of the man page and the shell completions.

use super::Tr;

impl Tr {
    /// `branchday --version`: the program's version, then the minutes format versions it writes and
    /// reads (`minutes::VERSION`, `minutes::VERSIONS`).
    #[must_use]
    pub fn version_text(self, program: &str, writes: u32, reads: &[u32]) -> String {
        let list = |sep: &str| {
            reads
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(sep)
        };
        self.pick(
            format!(
                "branchday {program}\n会议记录格式（branchday.minutes）：写入第 {writes} 版；可读取第 {} 版",
                list("、")
            ),
            format!(
                "branchday {program}\nminutes format (branchday.minutes): writes version {writes}; reads versions {}",
                list(", ")
            ),
        )
    }

    /// Standard output refused the generated text (a closed pipe, a full disk).
    #[must_use]
    pub fn generate_write_error(self, what: &str, e: &std::io::Error) -> String {
        self.pick(
            format!("无法写出{what}（{e}）；请检查输出重定向的目标"),
            format!("cannot write the {what} ({e}); check where the output is redirected"),
        )
    }

    /// The name of what `manpage` writes, for `generate_write_error`.
    #[must_use]
    pub fn man_page_name(self) -> &'static str {
        self.pick("手册页", "man page")
    }

    /// The name of what `completions` writes, for `generate_write_error`.
    #[must_use]
    pub fn completion_script_name(self) -> &'static str {
        self.pick("补全脚本", "completion script")
    }
}
