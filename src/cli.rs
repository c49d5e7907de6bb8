//! Command-line definitions: the arguments, the exit codes, and printing after the terminal closes.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Exit code: everything valid / delivered.
pub const EXIT_OK: u8 = 0;
/// Exit code: some input invalid, failed or conflicted.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: usage or configuration error.
pub const EXIT_USAGE: u8 = 2;

/// Print a line on standard error where there is one; a terminal that went away is not an error.
pub fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// Say on standard error, one line each, the paths given that do not exist (`files::collect`'s
/// second list); `true` when there are any: a mistake in the command, not an empty report, so the
/// caller exits with [`EXIT_USAGE`].
pub fn report_missing(missing: &[PathBuf], tr: crate::i18n::Tr) -> bool {
    for p in missing {
        eprintln!(
            "{}: {}: {}",
            tr.error_prefix(),
            crate::sanitize::path(p),
            tr.stats_missing()
        );
    }
    !missing.is_empty()
}

#[derive(Debug, Parser)]
#[command(
    name = "branchday",
    version,
    // `--version` is ours (below): it also names the minutes format versions, in the UI language.
    disable_version_flag = true,
    about = "Run Party branch meetings live and keep their minutes as verifiable JSON / 支部会议记录",
    long_about = None
)]
pub struct Cli {
    /// Data directory (default: the platform's data directory, or `BRANCHDAY_DATA_DIR`).
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Interface language: zh or en (default: from the locale).
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    /// Open on a throw-away data directory with a built-in demo branch.
    #[arg(long)]
    pub demo: bool,
    /// The keyring: an OpenSSH `allowed_signers` file of the branches' public keys (also
    /// `BRANCHDAY_TRUST`). With it, validate, review, stats and upload accept a version 2 file only
    /// when a listed key of its branch signed it.
    #[arg(long, global = true, value_name = "FILE")]
    pub trust: Option<PathBuf>,
    /// Print the version and the minutes format versions it writes and reads.
    #[arg(short = 'V', long)]
    pub version: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Txt,
    Html,
    /// A Word document (Office Open XML), for WPS and Word.
    Docx,
    /// The meeting's sign-in sheet as an Excel workbook.
    Xlsx,
}

impl ExportFormat {
    /// Every format, in the order the export dialogs offer them.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Md,
        ExportFormat::Txt,
        ExportFormat::Html,
        ExportFormat::Docx,
        ExportFormat::Xlsx,
    ];

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Txt => "txt",
            ExportFormat::Html => "html",
            ExportFormat::Docx => "docx",
            ExportFormat::Xlsx => "xlsx",
        }
    }

    /// Whether the output is text (it may go to a terminal).
    pub fn is_text(self) -> bool {
        matches!(
            self,
            ExportFormat::Md | ExportFormat::Txt | ExportFormat::Html
        )
    }

    /// The next format in [`ExportFormat::ALL`], wrapping around.
    #[must_use]
    pub fn next(self) -> ExportFormat {
        let i = Self::ALL.iter().position(|f| *f == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check minutes files or folders (recursive): syntax, schema, version, digest, rules.
    Validate {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One JSON object per finding (and per file) on standard output.
        #[arg(long)]
        json: bool,
    },
    /// Browse minutes files (default: the data directory's minutes), check them and record review
    /// remarks. Needs a terminal.
    Review {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Write the review ledger (审核台账) of these files to FILE (.xlsx or .csv) instead of
        /// opening the browser: a line per meeting with its verdict, reviewer, time, comment and
        /// follow-up. Needs no terminal.
        #[arg(long, value_name = "FILE")]
        export_ledger: Option<PathBuf>,
    },
    /// Write the printable 会议记录 of a minutes file (md, txt, html, docx) or its sign-in sheet
    /// (xlsx) into the Documents folder under branchday/, and print the full path.
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Write here instead (`-` for standard output; text formats only on a terminal).
        #[arg(long, short = 'o', value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Meetings per kind and month, attendance per branch and member, items by outcome and
    /// consecutive months of absence, over minutes files or folders.
    Stats {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// First month counted (inclusive).
        #[arg(long, value_name = "YYYY-MM")]
        from: Option<String>,
        /// Last month counted (inclusive).
        #[arg(long, value_name = "YYYY-MM")]
        to: Option<String>,
        /// What 三会一课 asks this month and quarter, per branch: held, due or overdue (with the
        /// frequencies in the data directory's cadence.json), and absences still open.
        #[arg(long, conflicts_with_all = ["from", "to"])]
        due: bool,
        /// The day `--due` is judged on (default: today).
        #[arg(long, value_name = "YYYY-MM-DD", requires = "due")]
        as_of: Option<String>,
        /// One JSON object on standard output, stable for scripts.
        #[arg(long)]
        json: bool,
        /// Also write the tables as an Excel workbook (one sheet per table).
        #[arg(long, value_name = "FILE")]
        xlsx: Option<PathBuf>,
    },
    /// Send valid, finalized minutes to a server (HTTP PUT) or copy them into a folder, exactly
    /// once; the ledger makes a rerun send only what is not yet delivered.
    Upload {
        /// Files or folders (default: the data directory's minutes).
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// An http(s):// address or an existing folder (a share or a USB stick).
        #[arg(long, value_name = "URL|DIR")]
        to: String,
        /// Show what would be sent; send and write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Also send files the reviewer returned (in this data directory's reviews).
        #[arg(long)]
        include_returned: bool,
        /// Uploads at once.
        #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u16).range(1..=64))]
        jobs: u16,
        /// One JSON object per file on standard output.
        #[arg(long)]
        json: bool,
    },
    /// Manage the branch roster.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// The branch's signing key: show it for the keyring, or import an existing one.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Print the RFC 8785 canonical bytes a minutes file's digest and signature cover
    /// (for `ssh-keygen -Y verify`).
    Canonical {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print a shell completion script on standard output (the package installs bash, zsh and fish).
    #[command(hide = true)]
    Completions {
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the man page branchday(1) on standard output, or write it and one page per command
    /// (branchday-validate(1), …) into a folder.
    #[command(hide = true)]
    Manpage {
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
    /// Write N synthetic minutes files (for tests and benchmarks; built with `--features dev`).
    #[cfg(feature = "dev")]
    #[command(hide = true)]
    DevCorpus {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        #[arg(long, default_value_t = 100)]
        count: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Members per branch (default 25).
        #[arg(long, default_value_t = 25)]
        members: usize,
        /// Sign every file with this data directory's branch key, as finalize does.
        #[arg(long)]
        signed: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RosterCommand {
    /// Import a CSV or XLSX roster, showing what changes before writing it.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Write without asking (otherwise the preview asks for confirmation on a terminal).
        #[arg(long)]
        yes: bool,
        /// Only show the preview; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// The branch's name (default: kept from the current roster).
        #[arg(long, value_name = "NAME")]
        branch: Option<String>,
        /// The branch's code (default: kept from the current roster).
        #[arg(long, value_name = "CODE")]
        code: Option<String>,
        /// The sheet of a workbook to read, by name or number (default: the first with a header).
        #[arg(long, value_name = "NAME|N")]
        sheet: Option<String>,
    },
    /// Print the current roster.
    Show,
    /// Write the roster out as a workbook or as CSV (UTF-8 with a BOM, so Excel opens it).
    Export {
        #[arg(long, value_enum)]
        format: RosterFormat,
        /// Where to write (default: roster.xlsx or roster.csv in the current folder).
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

/// The formats `roster export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RosterFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Print the branch's public key as an `allowed_signers` line (made on first need).
    Show,
    /// Use an existing OpenSSH ed25519 private key as the branch's signing key.
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace the branch's current key (it is kept beside the new one, retired).
        #[arg(long)]
        replace: bool,
    },
}
