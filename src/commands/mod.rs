//! The batch commands, and the dispatch from the command line.

#[cfg(feature = "dev")]
pub mod dev_corpus;
pub mod due;
pub mod export;
pub mod key;
pub mod packaging;
pub mod roster;
pub mod stats;
pub mod table;
pub mod upload;
pub mod validate;

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command, EXIT_INVALID, EXIT_OK, EXIT_USAGE, say};
use crate::i18n::{Lang, Tr};

/// Parse the command line and run the command.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    ExitCode::from(run(cli))
}

/// Run a parsed command line in the language of `--lang` or the locale; returns the exit code.
#[must_use]
pub fn run(cli: Cli) -> u8 {
    let tr = Tr(Lang::detect(cli.lang.as_deref()));
    if cli.version {
        return packaging::version(tr);
    }
    if let Err(value) = crate::clock::from_env() {
        say(&tr.clock_env_bad(&value));
        return EXIT_USAGE;
    }
    // The keyring, when one is named: read once, for every reader of this command.
    let trust_path = cli
        .trust
        .clone()
        .or_else(|| std::env::var_os("BRANCHDAY_TRUST").map(std::path::PathBuf::from))
        .filter(|p| !p.as_os_str().is_empty());
    let keyring = match trust_path.as_deref().map(crate::keys::read_keyring) {
        None => None,
        Some(Ok(k)) => Some(k),
        Some(Err(e)) => {
            let path = trust_path.as_deref().unwrap_or(std::path::Path::new(""));
            say(&tr.keyring_file_error(path, &e));
            return EXIT_USAGE;
        }
    };
    let keyring = keyring.as_ref();
    match cli.command {
        Some(Command::Validate { paths, json }) => validate::run(&paths, json, keyring, tr),
        Some(Command::Stats {
            paths,
            due: true,
            as_of,
            json,
            ..
        }) => due::run(&paths, as_of.as_deref(), json, cli.data_dir, tr),
        Some(Command::Stats {
            paths,
            from,
            to,
            json,
            xlsx,
            ..
        }) => stats::run(
            stats::Request {
                paths: &paths,
                from: from.as_deref(),
                to: to.as_deref(),
                json,
                xlsx: xlsx.as_deref(),
                keyring,
                data_dir: cli.data_dir,
            },
            tr,
        ),
        Some(Command::Upload {
            paths,
            to,
            dry_run,
            include_returned,
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
                keyring,
                include_returned,
            },
            tr,
        ),
        Some(Command::Review {
            paths,
            export_ledger: Some(out),
        }) => crate::review::ledger::run(&paths, cli.data_dir, keyring.cloned(), &out, tr),
        Some(Command::Review {
            paths,
            export_ledger: None,
        }) => crate::review::run(&paths, cli.data_dir, keyring.cloned(), tr),
        #[cfg(feature = "dev")]
        Some(Command::DevCorpus {
            out,
            count,
            seed,
            members,
            signed,
        }) => dev_corpus::run(
            &out,
            &crate::corpus::CorpusSpec {
                count,
                seed,
                members,
            },
            signed.then_some(cli.data_dir.as_deref()),
            tr,
        ),
        Some(Command::Export {
            file,
            format,
            output,
        }) => export::run(&file, format, output.as_deref(), cli.data_dir, tr),
        Some(Command::Roster { command }) => roster::run(command, cli.data_dir, tr),
        Some(Command::Key { command }) => key::run(command, cli.data_dir, tr),
        Some(Command::Canonical { file }) => key::canonical(&file, tr),
        Some(Command::Completions { shell }) => packaging::run_completions(shell, tr),
        Some(Command::Manpage { dir }) => packaging::run_manpage(dir.as_deref(), tr),
        None => interactive(cli.data_dir, cli.demo, keyring.cloned(), tr),
    }
}

/// The home screen, on the data directory or on a throw-away demo one.
fn interactive(
    data_dir: Option<std::path::PathBuf>,
    demo: bool,
    keyring: Option<crate::keys::Keyring>,
    tr: crate::i18n::Tr,
) -> u8 {
    if !crate::tui::terminal::is_interactive() {
        eprintln!("{}", tr.no_terminal());
        return EXIT_USAGE;
    }
    let data = if demo {
        crate::tui::demo_data_dir()
    } else {
        crate::store::DataDir::resolve(data_dir)
    };
    let data = match data {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            return EXIT_USAGE;
        }
    };
    match crate::tui::run(data.clone(), demo, tr, keyring) {
        // The terminal may be gone (closed window): these lines then go nowhere, and that is fine.
        Ok(farewell) => {
            for line in farewell {
                say(&line);
            }
            if demo {
                say(&tr.demo_location(data.root()));
            }
            EXIT_OK
        }
        Err(e) => {
            say(&format!("{}: {e}", tr.error_prefix()));
            EXIT_INVALID
        }
    }
}
