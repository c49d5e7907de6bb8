//! Command-line definitions.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "branchday",
    version,
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
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Md,
    Txt,
    Html,
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
    /// Write the printable 会议记录 of a minutes file to standard output.
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// Manage the branch roster.
    Roster {
        #[command(subcommand)]
        command: RosterCommand,
    },
    /// Write N synthetic minutes files (for tests and benchmarks).
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
    },
    /// Print the current roster.
    Show,
}
