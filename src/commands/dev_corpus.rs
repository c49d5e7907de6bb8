//! `branchday dev-corpus --out DIR --count N --seed S --members M` (hidden): write a synthetic corpus of
//! minutes files for tests and benchmarks.

use std::path::Path;

use crate::cli::{EXIT_INVALID, EXIT_OK};
use crate::corpus::{self, CorpusSpec};
use crate::i18n::Tr;
use crate::sanitize;

/// Run the command; returns the exit code.
pub fn run(out: &Path, spec: &CorpusSpec, tr: Tr) -> u8 {
    match corpus::write_corpus(out, spec) {
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
