//! Shared test helpers: a corpus built from the domain types, a loopback HTTP server with injected
//! faults, and the table of hostile input files (re-exported at the top).
#![allow(dead_code)]

pub mod corpus;
pub mod hostile;
pub mod server;
pub mod tools;
pub mod upload;

/// The one way a test writes a meeting's setup (it lives in the library so that unit tests,
/// benches and examples share it).
#[allow(unused_imports)]
pub use branchday::corpus::MeetingBuilder;
#[allow(unused_imports)]
pub use hostile::*;
