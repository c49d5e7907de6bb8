//! Shared test helpers: a corpus built from the domain types and a loopback HTTP server with
//! injected faults.
#![allow(dead_code)]

pub mod corpus;
pub mod server;
