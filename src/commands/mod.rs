//! The batch commands, and the dispatch from the command line.

pub mod dev_corpus;
pub mod files;
pub mod stats;
pub mod table;
pub mod upload;
pub mod validate;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::i18n::{self, Lang};

/// Exit code: everything valid / delivered.
pub const EXIT_OK: u8 = 0;
/// Exit code: some input invalid, failed or conflicted.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: usage or configuration error.
pub const EXIT_USAGE: u8 = 2;

/// Parse the command line, set the language, run the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    i18n::set_lang(Lang::detect(cli.lang.as_deref()));
    ExitCode::from(run(cli))
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> u8 {
    let tr = i18n::tr();
    match cli.command {
        Some(Command::Validate { paths, json }) => validate::run(&paths, json, tr),
        Some(Command::Stats {
            paths,
            from,
            to,
            json,
        }) => stats::run(&paths, from.as_deref(), to.as_deref(), json, tr),
        Some(Command::Upload {
            paths,
            to,
            dry_run,
            jobs,
            json,
        }) => upload::run(
            cli.data_dir,
            paths,
            &to,
            upload::Options {
                dry_run,
                jobs: usize::from(jobs),
                json,
            },
            tr,
        ),
        Some(Command::DevCorpus {
            out,
            count,
            seed,
            members,
        }) => dev_corpus::run(
            &out,
            &crate::corpus::CorpusSpec {
                count,
                seed,
                members,
            },
            tr,
        ),
        Some(Command::Export { .. } | Command::Roster { .. }) | None => {
            eprintln!("{}", tr.pick("此功能尚在建设", "not built yet"));
            EXIT_USAGE
        }
    }
}
