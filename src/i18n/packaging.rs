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

/// A section the man page branchday(1) adds to those generated from the command line: its title
/// and its tagged paragraphs.
pub struct ManSection {
    pub title: &'static str,
    pub items: Vec<(&'static str, &'static str)>,
}

impl Tr {
    /// EXIT STATUS, ENVIRONMENT, FILES and SEE ALSO of branchday(1).
    #[must_use]
    pub fn man_sections(self) -> Vec<ManSection> {
        vec![
            ManSection {
                title: self.pick("退出状态", "EXIT STATUS"),
                items: vec![
                    (
                        "0",
                        self.pick(
                            "全部有效（允许警告）、已送达或已写入",
                            "everything valid (warnings allowed), delivered or written",
                        ),
                    ),
                    (
                        "1",
                        self.pick(
                            "有文件无效、送达失败或冲突，或写入失败",
                            "some file invalid, failed or conflicted, or a write failed",
                        ),
                    ),
                    (
                        "2",
                        self.pick(
                            "用法或配置错误（选项有误、需要终端却没有终端、钥匙环无法读取）",
                            "a usage or configuration error (a wrong option, no terminal where one is needed, an unreadable keyring)",
                        ),
                    ),
                ],
            },
            ManSection {
                title: self.pick("环境变量", "ENVIRONMENT"),
                items: vec![
                    (
                        "BRANCHDAY_DATA_DIR",
                        self.pick(
                            "数据目录，同 --data-dir",
                            "the data directory, as --data-dir",
                        ),
                    ),
                    (
                        "BRANCHDAY_TRUST",
                        self.pick(
                            "钥匙环（OpenSSH allowed_signers 文件），同 --trust",
                            "the keyring (an OpenSSH allowed_signers file), as --trust",
                        ),
                    ),
                    (
                        "BRANCHDAY_TOKEN",
                        self.pick(
                            "upload 发送的 Bearer 令牌；从不打印或记录",
                            "the bearer token upload sends; never printed or logged",
                        ),
                    ),
                    (
                        "BRANCHDAY_CA_FILE",
                        self.pick(
                            "upload 信任的根证书（PEM 文件），代替内置的根证书",
                            "the root certificates upload trusts (a PEM file), instead of the built-in ones",
                        ),
                    ),
                    (
                        "BRANCHDAY_REVIEWER",
                        self.pick(
                            "review 记录的审阅人姓名（默认：登录名）",
                            "the reviewer's name review records (default: the login name)",
                        ),
                    ),
                    (
                        "LC_ALL, LC_MESSAGES, LANG",
                        self.pick(
                            "以 zh 开头的语言环境使用中文界面，其余使用英文；--lang 优先",
                            "a locale starting with zh gives the Chinese interface, any other English; --lang overrides",
                        ),
                    ),
                ],
            },
            ManSection {
                title: self.pick("文件", "FILES"),
                items: vec![
                    (
                        "~/.local/share/branchday/",
                        self.pick(
                            "数据目录：roster.json（党员名册）、drafts/（进行中会议的日志）、minutes/（定稿的会议记录，从不覆盖）、reviews/（审阅意见）、uploads.jsonl（上报台账）、keys/branch_ed25519（支部签名密钥）；安装和卸载软件包都不会触动它",
                            "the data directory: roster.json (the roster), drafts/ (journals of meetings in progress), minutes/ (finalized minutes, never overwritten), reviews/ (review remarks), uploads.jsonl (the upload ledger), keys/branch_ed25519 (the branch's signing key); installing or removing the package never touches it",
                        ),
                    ),
                    (
                        "/usr/share/doc/branchday/",
                        self.pick(
                            "README 与会议记录格式的变更记录",
                            "the README and the changelog of the minutes format",
                        ),
                    ),
                ],
            },
            ManSection {
                title: self.pick("另见", "SEE ALSO"),
                items: vec![(
                    "ssh-keygen(1)",
                    self.pick(
                        "用 ssh-keygen -Y verify 核验会议记录的签名（见 README）",
                        "checks a minutes file's signature with ssh-keygen -Y verify (see the README)",
                    ),
                )],
            },
        ]
    }
}
