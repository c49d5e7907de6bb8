//! The one place the program reads the wall clock. Everything below the loops and the command
//! entry points takes the time as an argument, so tests pass the time they mean.

use chrono::{DateTime, Local};

use crate::domain::Timestamp;

/// Now, with the machine's UTC offset, to the nanosecond.
#[must_use]
pub fn now() -> Timestamp {
    Local::now().fixed_offset()
}

/// Now in the machine's own time zone, for "saved at" lines and file stamps.
#[must_use]
pub fn local() -> DateTime<Local> {
    Local::now()
}
