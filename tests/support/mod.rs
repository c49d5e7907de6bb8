//! Shared test helpers: a corpus built from the domain types, a loopback HTTP server with injected
//! faults, and the table of hostile input files (re-exported at the top).
#![allow(dead_code)]

pub mod corpus;
pub mod hostile;
pub mod server;

#[allow(unused_imports)]
pub use hostile::*;
