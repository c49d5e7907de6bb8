//! branchday: run Party branch meetings live in the terminal and keep their minutes as verifiable
//! JSON files.
//!
//! The pure rules and types live in [`domain`]; [`journal`] records a meeting as it happens;
//! [`minutes`] is the file format; [`store`] is the only module that touches the data directory;
//! [`i18n`] holds every user-facing string.

pub mod cli;
pub mod clock;
pub mod commands;
#[cfg(feature = "dev")]
pub mod corpus;
pub mod demo;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod journal;
pub mod keys;
pub mod minutes;
pub mod parallel;
pub mod review;
pub mod roster_history;
pub mod roster_import;
pub mod sanitize;
pub mod session;
pub mod stats;
pub mod store;
pub mod texttable;
pub mod tui;
pub mod typed;
pub mod upload;
pub mod vocabulary;
