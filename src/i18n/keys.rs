//! Messages of the branch key, signatures and the keyring.

use std::path::Path;

use super::Tr;
use crate::keys::{KeyError, KeyringError, LineProblem, SignatureProblem};
use crate::minutes::check::SignatureStatus;
use crate::sanitize;

impl Tr {
    /// A key file that cannot be used: one line naming the file and what to do.
    pub fn key_error(self, e: &KeyError) -> String {
        let p = |path: &Path| sanitize::path(path);
        match e {
            KeyError::Io { path, source } => self.pick(
                format!("{}：无法读取或写入密钥文件（{source}）", p(path)),
                format!("{}: cannot read or write the key file ({source})", p(path)),
            ),
            KeyError::Unreadable { path, reason } => self.pick(
                format!(
                    "{}：不是 OpenSSH 私钥文件（{}）；请选择 ssh-keygen 生成的私钥文件（不是 .pub）",
                    p(path),
                    sanitize::line(reason)
                ),
                format!(
                    "{}: not an OpenSSH private key ({}); choose the private key file ssh-keygen made (not the .pub)",
                    p(path),
                    sanitize::line(reason)
                ),
            ),
            KeyError::NotEd25519 { path, algorithm } => self.pick(
                format!(
                    "{}：这是 {algorithm} 密钥，branchday 只用 ed25519；请用 ssh-keygen -t ed25519 生成",
                    p(path)
                ),
                format!(
                    "{}: a {algorithm} key, and branchday signs with ed25519 only; make one with ssh-keygen -t ed25519",
                    p(path)
                ),
            ),
            KeyError::Exposed { path, mode } => self.pick(
                format!(
                    "{}：私钥文件他人可读（权限 {mode:o}）；请运行 chmod 600 {}",
                    p(path),
                    p(path)
                ),
                format!(
                    "{}: the private key is readable by others (mode {mode:o}); run chmod 600 {}",
                    p(path),
                    p(path)
                ),
            ),
            KeyError::Passphrase { path } => self.pick(
                format!("{}：口令不对，密钥未打开；请重试", p(path)),
                format!("{}: wrong passphrase, the key was not opened; try again", p(path)),
            ),
            KeyError::NeedsPassphrase { path } => self.pick(
                format!(
                    "{}：密钥有口令保护；请在终端中运行，或由标准输入提供口令",
                    p(path)
                ),
                format!(
                    "{}: the key is protected by a passphrase; run this in a terminal, or give the passphrase on standard input",
                    p(path)
                ),
            ),
            KeyError::Exists { path } => self.pick(
                format!(
                    "{}：本支部已有签名密钥；如确需更换（如原电脑丢失），请加 --replace，旧密钥将保留在旁",
                    p(path)
                ),
                format!(
                    "{}: the branch already has a signing key; to change it (say, after losing a laptop) add --replace, and the old key is kept beside it",
                    p(path)
                ),
            ),
            KeyError::Crypto(msg) => self.pick(
                format!("签名库出错：{}", sanitize::line(msg)),
                format!("the signing library failed: {}", sanitize::line(msg)),
            ),
        }
    }

    /// A keyring file that cannot be used, in one line naming it.
    pub fn keyring_file_error(self, path: &Path, e: &crate::keys::KeyringFileError) -> String {
        use crate::keys::KeyringFileError as E;
        let file = sanitize::path(path);
        match e {
            E::Io(err) => self.pick(
                format!("{file}：无法读取信任名单（{err}）；请检查 --trust 或 BRANCHDAY_TRUST 所指的文件"),
                format!("{file}: cannot read the keyring ({err}); check the file --trust or BRANCHDAY_TRUST names"),
            ),
            E::TooLarge => self.pick(
                format!("{file}：信任名单超过 64 MiB，不像 allowed_signers 文件"),
                format!("{file}: over 64 MiB, which is no allowed_signers file"),
            ),
            E::NotUtf8 => self.pick(
                format!("{file}：信任名单不是 UTF-8 文本"),
                format!("{file}: the keyring is not UTF-8 text"),
            ),
            E::Line(l) => self.keyring_error(path, l),
        }
    }

    /// A keyring (`allowed_signers`) line that cannot be read.
    pub fn keyring_error(self, path: &Path, e: &KeyringError) -> String {
        let file = sanitize::path(path);
        let line = e.line;
        let what = match &e.problem {
            LineProblem::NoKey => self.pick(
                "只有支部代码，没有公钥；格式为“支部代码 namespaces=\"branchday-minutes\" ssh-ed25519 AAAA…”".into(),
                "a branch code with no key; the form is `CODE namespaces=\"branchday-minutes\" ssh-ed25519 AAAA…`".into(),
            ),
            LineProblem::BadKey(why) => self.pick(
                format!("公钥无法读取（{}）；请整行复制 branchday key show 的输出", sanitize::line(why)),
                format!("the key does not read ({}); copy the whole line branchday key show prints", sanitize::line(why)),
            ),
            LineProblem::UnknownOption(opt) => self.pick(
                format!("不支持的选项 {}；可用 namespaces、valid-after、valid-before", sanitize::line(opt)),
                format!("unsupported option {}; use namespaces, valid-after, valid-before", sanitize::line(opt)),
            ),
            LineProblem::BadTime(t) => self.pick(
                format!("时间 {} 应写作 YYYYMMDD 或 YYYYMMDDHHMM[SS]，UTC 时间末尾加 Z", sanitize::line(t)),
                format!("the time {} must be YYYYMMDD or YYYYMMDDHHMM[SS], with a trailing Z for UTC", sanitize::line(t)),
            ),
            LineProblem::Unterminated => self.pick(
                "引号没有闭合".into(),
                "a quote is not closed".into(),
            ),
        };
        self.pick(
            format!("{file}：第 {line} 行：{what}"),
            format!("{file}: line {line}: {what}"),
        )
    }

    /// Why a signature does not hold, after `PATH: error: `.
    pub fn signature_problem(self, p: &SignatureProblem) -> String {
        match p {
            SignatureProblem::Malformed(why) => self.pick(
                format!(
                    "签名无法读取（{}）；文件已损坏或被改动",
                    sanitize::line(why)
                ),
                format!(
                    "the signature does not read ({}); the file is damaged or was edited",
                    sanitize::line(why)
                ),
            ),
            SignatureProblem::BadSigner(why) => self.pick(
                format!("签名人公钥无法读取（{}）", sanitize::line(why)),
                format!(
                    "the signer's public key does not read ({})",
                    sanitize::line(why)
                ),
            ),
            SignatureProblem::SignerMismatch => self.pick(
                "签名不是由文件所写的签名人密钥做出的".into(),
                "the signature was not made by the key the file names as signer".into(),
            ),
            SignatureProblem::WrongNamespace(ns) => self.pick(
                format!(
                    "签名用途为 {}，不是会议记录（branchday-minutes）",
                    sanitize::line(ns)
                ),
                format!(
                    "the signature was made for {}, not for minutes (branchday-minutes)",
                    sanitize::line(ns)
                ),
            ),
            SignatureProblem::DoesNotMatch => self.pick(
                "签名与内容不符：文件在签名后被改动".into(),
                "signature does not match: the file was changed after it was signed".into(),
            ),
        }
    }

    /// The reviewer's signature line: what the signature says about where the file came from.
    pub fn signature_status(self, s: &SignatureStatus) -> String {
        match s {
            SignatureStatus::V1 => self.pick(
                "无签名（第 1 版记录不带签名）".into(),
                "none (version 1 records carry no signature)".into(),
            ),
            SignatureStatus::Unsigned => self.pick(
                "! 未签名：无法确认来自哪个支部".into(),
                "! unsigned: nothing says which branch it came from".into(),
            ),
            SignatureStatus::Bad(p) => format!("✗ {}", self.signature_problem(p)),
            SignatureStatus::Trusted(fp) => self.pick(
                format!("✓ 由信任名单中本支部的密钥签名（{fp}）"),
                format!("✓ signed by a key the keyring trusts for this branch ({fp})"),
            ),
            SignatureStatus::Untrusted(fp) => self.pick(
                format!("✗ 签名密钥不受信任（{fp}）：不在信任名单中，或不在其有效期内"),
                format!("✗ signed by an untrusted key ({fp}): not in the keyring, or outside its validity"),
            ),
            SignatureStatus::Unchecked(fp) => self.pick(
                format!("签名有效，签名人未核对（{fp}）；审阅时加 --trust 信任名单文件"),
                format!("the signature holds, the signer is not checked ({fp}); review with --trust FILE"),
            ),
        }
    }

    /// A month given as `YYYY-M`: how it was read.
    pub fn month_read_as(self, flag: &str, given: &str, read: &str) -> String {
        let given = sanitize::line(given);
        self.pick(
            format!("注意：{flag} {given} 按 {read} 理解（月份请写作 YYYY-MM）"),
            format!("note: {flag} {given} was read as {read} (write months as YYYY-MM)"),
        )
    }

    /// `validate`'s closing line: how many files of each format version were read.
    pub fn versions_read(self, v1: usize, v2: usize) -> String {
        self.pick(
            format!("格式版本：第 1 版 {v1} 个，第 2 版 {v2} 个"),
            format!("format versions: {v1} of version 1, {v2} of version 2"),
        )
    }

    pub fn correction_reason_title(self) -> String {
        self.pick("更正原因".into(), "Why is it corrected".into())
    }

    pub fn correction_reason_label(self) -> String {
        self.pick(
            "更正原因（必填，写入更正件）".into(),
            "Reason (required, kept in the correction)".into(),
        )
    }

    pub fn correction_reason_required(self) -> String {
        self.pick(
            "请写明更正原因：审阅人据此核对更正件".into(),
            "give the reason: the reviewer checks the correction against it".into(),
        )
    }

    /// After `key show` / `key import`: what to do with the printed line.
    pub fn key_send_hint(self, fingerprint: &str) -> String {
        self.pick(
            format!("本支部签名公钥 {fingerprint}。请把上面一行发给上级党组织，加入其 allowed_signers 信任名单。"),
            format!("The branch's signing key {fingerprint}. Send the line above to the superior organisation for its allowed_signers keyring."),
        )
    }

    /// `key import --replace`: where the old key went.
    pub fn key_retired(self, path: &Path) -> String {
        self.pick(
            format!("原密钥已移至 {}（请上级在信任名单中为其加 valid-before）", sanitize::path(path)),
            format!("The old key was moved to {} (ask the superior organisation to give it a valid-before in the keyring)", sanitize::path(path)),
        )
    }

    /// The prompt for a key's passphrase.
    pub fn passphrase_prompt(self, path: &Path) -> String {
        self.pick(
            format!("{} 的口令：", sanitize::path(path)),
            format!("Passphrase for {}: ", sanitize::path(path)),
        )
    }

    /// `key show` without a roster: the branch code is the keyring's principal.
    pub fn key_needs_roster(self) -> String {
        self.pick(
            "还没有党员名册，无法确定支部代码；请先导入名册：branchday roster import 文件".into(),
            "no roster yet, so no branch code; import one first: branchday roster import FILE"
                .into(),
        )
    }

    /// `canonical FILE` on something that is not a JSON object.
    pub fn canonical_failed(self, path: &Path, why: &str) -> String {
        self.pick(
            format!(
                "{}：无法生成规范字节（{}）",
                sanitize::path(path),
                sanitize::line(why)
            ),
            format!(
                "{}: cannot produce the canonical bytes ({})",
                sanitize::path(path),
                sanitize::line(why)
            ),
        )
    }
}
