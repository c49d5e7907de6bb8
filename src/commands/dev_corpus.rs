//! `branchday dev-corpus --out DIR --count N --seed S --members M` (hidden): write a synthetic corpus of
//! minutes files for tests and benchmarks.

use std::path::Path;

use crate::cli::{EXIT_INVALID, EXIT_OK};
use crate::corpus::{self, CorpusSpec};
use crate::i18n::Tr;
use crate::sanitize;

/// Run the command; returns the exit code.
/// With `signed`, every file is signed with the branch key of that data directory (the default
/// one when `None`), made on first need.
pub fn run(out: &Path, spec: &CorpusSpec, signed: Option<Option<&Path>>, tr: Tr) -> u8 {
    let key = match signed {
        None => None,
        Some(dir) => {
            let data = match crate::store::DataDir::resolve(dir.map(Path::to_path_buf)) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{}", tr.store_error(&e));
                    return EXIT_INVALID;
                }
            };
            if let Err(e) = data.ensure() {
                eprintln!("{}", tr.store_error(&e));
                return EXIT_INVALID;
            }
            match crate::keys::branch_key(data.root()) {
                Ok(k) => Some(k),
                Err(e) => {
                    eprintln!("{}", tr.key_error(&e));
                    return EXIT_INVALID;
                }
            }
        }
    };
    match corpus::write_corpus_signed(out, spec, key.as_ref()) {
        Ok(n) => {
            println!("{}", tr.corpus_written(n, &sanitize::path(out)));
            EXIT_OK
        }
        Err(e) => {
            eprintln!("{}", tr.store_error(&e));
            EXIT_INVALID
        }
    }
}
