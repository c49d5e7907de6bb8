//! `branchday key show`, `branchday key import FILE [--replace]` and `branchday canonical FILE`.
//!
//! `key show` prints the branch's public key as an `allowed_signers` line for the superior
//! organisation (making the key on first need); `key import` takes an existing OpenSSH ed25519 key
//! (asking its passphrase on the terminal, or reading it from standard input when that is not a
//! terminal); `canonical` prints the RFC 8785 bytes a file's digest and signature cover, for
//! `ssh-keygen -Y verify`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::cli::KeyCommand;
use crate::cli::{EXIT_INVALID, EXIT_OK, EXIT_USAGE, say};
use crate::i18n::Tr;
use crate::keys;
use crate::store::DataDir;

/// Run a key command; returns the exit code.
pub fn run(command: KeyCommand, data_dir: Option<PathBuf>, tr: Tr) -> u8 {
    let data = match DataDir::resolve(data_dir) {
        Ok(d) => d,
        Err(e) => {
            say(&tr.store_error(&e));
            return EXIT_USAGE;
        }
    };
    match command {
        KeyCommand::Show => show(&data, tr),
        KeyCommand::Import { file, replace } => import(&data, &file, replace, tr),
    }
}

fn branch_code(data: &DataDir, tr: Tr) -> Result<String, u8> {
    match data.load_roster() {
        Ok(Some(r)) => Ok(r.branch.code),
        Ok(None) => {
            say(&tr.key_needs_roster());
            Err(EXIT_USAGE)
        }
        Err(e) => {
            say(&tr.store_error(&e));
            Err(EXIT_INVALID)
        }
    }
}

fn print_line(code: &str, key: &ssh_key::PublicKey, tr: Tr) -> u8 {
    match keys::allowed_signers_line(code, key) {
        Ok(line) => {
            let _ = writeln!(std::io::stdout(), "{line}");
            say(&tr.key_send_hint(&keys::fingerprint(key)));
            EXIT_OK
        }
        Err(e) => {
            say(&tr.key_error(&e));
            EXIT_INVALID
        }
    }
}

fn show(data: &DataDir, tr: Tr) -> u8 {
    let code = match branch_code(data, tr) {
        Ok(c) => c,
        Err(exit) => return exit,
    };
    if let Err(e) = data.ensure() {
        say(&tr.store_error(&e));
        return EXIT_INVALID;
    }
    match keys::branch_key(data.root()) {
        Ok(key) => print_line(&code, key.public_key(), tr),
        Err(e) => {
            say(&tr.key_error(&e));
            EXIT_INVALID
        }
    }
}

fn import(data: &DataDir, file: &Path, replace: bool, tr: Tr) -> u8 {
    let code = match branch_code(data, tr) {
        Ok(c) => c,
        Err(exit) => return exit,
    };
    let mut ask = || read_passphrase(&tr.passphrase_prompt(file));
    let key = match keys::read_private(file, &mut ask) {
        Ok(k) => k,
        Err(e) => {
            say(&tr.key_error(&e));
            return EXIT_INVALID;
        }
    };
    if let Err(e) = data.ensure() {
        say(&tr.store_error(&e));
        return EXIT_INVALID;
    }
    let current = keys::key_path(data.root());
    if replace && current.exists() {
        let stamp = crate::clock::now().format("%Y%m%d%H%M%S");
        let retired = current.with_file_name(format!("branch_ed25519.retired-{stamp}"));
        let moved = std::fs::rename(&current, &retired).and_then(|()| {
            let public = current.with_extension("pub");
            if public.exists() {
                std::fs::rename(
                    &public,
                    retired.with_file_name(format!("branch_ed25519.retired-{stamp}.pub")),
                )
            } else {
                Ok(())
            }
        });
        if let Err(source) = moved {
            say(&tr.key_error(&keys::KeyError::Io {
                path: current,
                source,
            }));
            return EXIT_INVALID;
        }
        say(&tr.key_retired(&retired));
    }
    // Stored unencrypted in the private data directory, without the comment it came with.
    let mut plain = key;
    plain.set_comment("");
    match keys::write_branch_key(data.root(), &plain) {
        Ok(_) => print_line(&code, plain.public_key(), tr),
        Err(e) => {
            say(&tr.key_error(&e));
            EXIT_INVALID
        }
    }
}

/// Ask for a passphrase: on the terminal with echo off, or one line of standard input when that is
/// not a terminal (scripts, tests). `None` when there is nothing to read.
fn read_passphrase(prompt: &str) -> Option<String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        let mut line = String::new();
        return match stdin.lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\r', '\n']).to_owned()),
        };
    }
    let _ = write!(std::io::stderr(), "{prompt}");
    let _ = std::io::stderr().flush();
    let line = without_echo(|| {
        let mut line = String::new();
        stdin.lock().read_line(&mut line).ok().map(|_| line)
    });
    let _ = writeln!(std::io::stderr());
    line.map(|l| l.trim_end_matches(['\r', '\n']).to_owned())
}

#[cfg(unix)]
fn without_echo<T>(f: impl FnOnce() -> T) -> T {
    use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
    let stdin = std::io::stdin();
    let Ok(saved) = tcgetattr(&stdin) else {
        return f();
    };
    let mut quiet = saved.clone();
    quiet.local_modes.remove(LocalModes::ECHO);
    let _ = tcsetattr(&stdin, OptionalActions::Now, &quiet);
    let out = f();
    let _ = tcsetattr(&stdin, OptionalActions::Now, &saved);
    out
}

#[cfg(not(unix))]
fn without_echo<T>(f: impl FnOnce() -> T) -> T {
    f()
}

/// `branchday canonical FILE`: the canonical bytes on standard output, exactly (no newline added).
pub fn canonical(file: &Path, tr: Tr) -> u8 {
    let bytes = match crate::store::read_capped(file, crate::minutes::MAX_BYTES) {
        Ok(b) => b,
        Err(e) => {
            say(&tr.store_error(&e));
            return EXIT_INVALID;
        }
    };
    let text = serde_json::from_slice::<serde_json::Value>(&bytes)
        .map_err(|e| e.to_string())
        .and_then(|v| {
            crate::minutes::canonical::canonical_without_integrity(&v).map_err(|e| e.to_string())
        });
    match text {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return EXIT_INVALID;
            }
            EXIT_OK
        }
        Err(why) => {
            say(&tr.canonical_failed(file, &why));
            EXIT_INVALID
        }
    }
}
