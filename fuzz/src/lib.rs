//! The fuzz targets' bodies, shared with `tests/fuzz_regressions.rs` (which includes this file), so
//! the regression test runs every kept input through exactly what the fuzzer ran.

#[path = "harness.rs"]
mod harness;

pub use harness::{journal, minutes, roster, roster_import};
