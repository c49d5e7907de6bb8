//! What an installed program needs from the binary itself: `branchday --version`, and the hidden
//! `branchday manpage [--dir DIR]` and `branchday completions SHELL`, which generate the man pages
//! and the bash, zsh and fish completions from the clap definitions in `cli.rs`.
//!
//! Why hidden commands of the one binary, rather than a build script, an example or a generator
//! binary:
//! - The text comes from the very binary that is packaged, so the man page and the completions
//!   cannot describe another build; `packaging/build-deb.sh` runs the release binary it just built,
//!   and a distribution that builds its own package does the same, with nothing else to compile.
//! - A build script would have to compile the clap definitions a second time (`#[path]` into
//!   `build.rs`) on every build and write outside `OUT_DIR` to be found by the packaging script.
//! - An example is built with the `dev` feature (the package's dev-dependency on itself) and only
//!   from a source tree; a second binary target would be installed by `cargo install` beside the
//!   program. A separate generator crate would be a workspace member, and the repository's
//!   workspace layout belongs elsewhere.
//!
//! The cost is two small crates (`clap_mangen` with `roff`, and `clap_complete`, each depending on
//! nothing but clap) and a few tens of kilobytes in the release binary. The commands are hidden: a
//! secretary's `--help`, the man page and the completions do not offer them.

use std::io::Write;
use std::path::Path;

use clap::CommandFactory;

use crate::cli::{Cli, EXIT_INVALID, EXIT_OK, say};
use crate::i18n::Tr;

/// The name the program is installed and completed under.
pub const BIN: &str = "branchday";

/// `branchday --version`: the version, and the minutes format versions written and read. Like
/// clap's own `--version`, a standard output that went away is not an error.
#[must_use]
pub fn version(tr: Tr) -> u8 {
    let text = tr.version_text(
        env!("CARGO_PKG_VERSION"),
        crate::minutes::VERSION,
        &crate::minutes::VERSIONS,
    );
    let _ = writeln!(std::io::stdout(), "{text}");
    EXIT_OK
}

/// The command line as a user sees it, for the man pages and the completions: without the hidden
/// commands (`clap_complete` would offer them), without clap's `help` subcommand, and built so every
/// subcommand knows its full name. clap cannot remove a subcommand, so the top level is rebuilt
/// from its settings, arguments and visible subcommands; `cli.rs` hides commands only there.
fn command() -> clap::Command {
    let full = Cli::command();
    let visible: Vec<clap::Command> = full
        .get_subcommands()
        .filter(|s| !s.is_hide_set())
        .cloned()
        .collect();
    let mut cmd = clap::Command::new(BIN)
        .version(env!("CARGO_PKG_VERSION"))
        .about(full.get_about().cloned().unwrap_or_default())
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .args(full.get_arguments().cloned())
        .subcommands(visible);
    cmd.build();
    cmd
}

/// The man page branchday(1), in roff: what `clap_mangen` makes of the command line, then exit
/// status, environment, files and see also, in the language of `tr`.
pub fn man_page(tr: Tr) -> std::io::Result<Vec<u8>> {
    let mut page = render(command())?;
    let mut roff = clap_mangen::roff::Roff::new();
    for section in tr.man_sections() {
        roff.control("SH", [section.title]);
        for (tag, text) in section.items {
            roff.control("TP", []);
            roff.text([clap_mangen::roff::bold(tag)]);
            roff.text([clap_mangen::roff::roman(text)]);
        }
    }
    roff.to_writer(&mut page)?;
    Ok(page)
}

fn render(cmd: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    let title = cmd
        .get_display_name()
        .unwrap_or_else(|| cmd.get_name())
        .to_uppercase();
    clap_mangen::Man::new(cmd)
        .title(title)
        .manual("branchday")
        .render(&mut out)?;
    Ok(out)
}

/// Every man page: branchday(1) first, then one per visible command and subcommand
/// (`branchday-validate.1`, `branchday-roster-import.1`, …), as file names and roff text. The
/// main page's SUBCOMMANDS section refers to them by these names.
pub fn man_pages(tr: Tr) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    fn walk(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
        for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
            let name = format!(
                "{}.1",
                sub.get_display_name().unwrap_or_else(|| sub.get_name())
            );
            out.push((name, render(sub.clone())?));
            walk(sub, out)?;
        }
        Ok(())
    }
    let mut pages = vec![(format!("{BIN}.1"), man_page(tr)?)];
    walk(&command(), &mut pages)?;
    Ok(pages)
}

/// The completion script for `shell`.
#[must_use]
pub fn completion(shell: clap_complete::Shell) -> Vec<u8> {
    let mut cmd = command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, BIN, &mut out);
    out
}

/// `branchday completions SHELL`.
#[must_use]
pub fn run_completions(shell: clap_complete::Shell, tr: Tr) -> u8 {
    write_stdout(&completion(shell), tr.completion_script_name(), tr)
        .map_or(EXIT_INVALID, |()| EXIT_OK)
}

/// `branchday manpage`: branchday(1) on standard output; with `--dir`, every page into that folder.
#[must_use]
pub fn run_manpage(dir: Option<&Path>, tr: Tr) -> u8 {
    let Some(dir) = dir else {
        return match man_page(tr) {
            Ok(page) => write_stdout(&page, tr.man_page_name(), tr),
            Err(e) => {
                say(&tr.generate_write_error(tr.man_page_name(), &e));
                Err(())
            }
        }
        .map_or(EXIT_INVALID, |()| EXIT_OK);
    };
    let pages = match man_pages(tr) {
        Ok(p) => p,
        Err(e) => {
            say(&tr.generate_write_error(tr.man_page_name(), &e));
            return EXIT_INVALID;
        }
    };
    for (name, page) in pages {
        if let Err(e) = crate::store::write_replace(&dir.join(name), &page) {
            say(&tr.store_error(&e));
            return EXIT_INVALID;
        }
    }
    EXIT_OK
}

fn write_stdout(bytes: &[u8], what: &str, tr: Tr) -> Result<(), ()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)
        .and_then(|()| out.flush())
        .map_err(|e| {
            say(&tr.generate_write_error(what, &e));
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_is_named_after_its_command() {
        let names: Vec<String> = man_pages(Tr::NEUTRAL)
            .unwrap()
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        assert_eq!(names.first().map(String::as_str), Some("branchday.1"));
        for name in [
            "branchday-validate.1",
            "branchday-roster.1",
            "branchday-roster-import.1",
            "branchday-key-show.1",
        ] {
            assert!(
                names.iter().any(|n| n == name),
                "{name} missing in {names:?}"
            );
        }
        assert!(
            !names
                .iter()
                .any(|n| n.contains("manpage") || n.contains("completions"))
        );
    }

    #[test]
    fn the_main_page_ends_with_exit_status_environment_and_files_in_the_language_asked() {
        let en = String::from_utf8(man_page(Tr(crate::i18n::Lang::En)).unwrap()).unwrap();
        for heading in [
            ".SH \"EXIT STATUS\"",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH \"SEE ALSO\"",
        ] {
            assert!(en.contains(heading), "{heading} missing:\n{en}");
        }
        assert!(en.contains("BRANCHDAY_DATA_DIR"));
        let zh = String::from_utf8(man_page(Tr(crate::i18n::Lang::Zh)).unwrap()).unwrap();
        assert!(
            zh.contains(".SH 环境变量") && zh.contains("数据目录"),
            "{zh}"
        );
        // What clap_mangen generates stays English (it comes from `cli.rs`).
        assert!(zh.contains(".SH OPTIONS"));
    }
}
