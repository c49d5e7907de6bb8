//! The one place the program reads the wall clock. Everything below the loops and the command
//! entry points takes the time as an argument, so tests pass the time they mean.
//!
//! `BRANCHDAY_CLOCK` (an RFC 3339 instant) sets the program's clock: it reads that instant when
//! the program starts and runs on from there, in that instant's UTC offset. Demonstrations and the
//! tests that drive the real binary use it, so what they see does not depend on the day, the hour
//! or the machine's time zone.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, Local};

use crate::domain::Timestamp;

/// The variable that sets the clock.
pub const CLOCK_ENV: &str = "BRANCHDAY_CLOCK";

/// The set clock: the instant it read at the program's start, and that start.
static SET: OnceLock<Option<(Timestamp, Instant)>> = OnceLock::new();

/// Read `BRANCHDAY_CLOCK` once, at the start of a command. An unset or empty variable leaves the
/// wall clock; a value that is no RFC 3339 instant is returned, for the caller to refuse.
///
/// # Errors
/// The variable's text when it does not read as an instant.
pub fn from_env() -> Result<(), String> {
    let value = std::env::var(CLOCK_ENV).unwrap_or_default();
    let value = value.trim();
    let set = if value.is_empty() {
        None
    } else {
        let at = DateTime::parse_from_rfc3339(value).map_err(|_| value.to_owned())?;
        Some((at, Instant::now()))
    };
    let _ = SET.set(set);
    Ok(())
}

/// Now, with the machine's UTC offset (or the set clock's), to the nanosecond.
#[must_use]
pub fn now() -> Timestamp {
    match SET.get().copied().flatten() {
        Some((start, since)) => reading(start, since.elapsed()),
        None => Local::now().fixed_offset(),
    }
}

/// What a clock set to `start` reads `elapsed` later.
fn reading(start: Timestamp, elapsed: std::time::Duration) -> Timestamp {
    chrono::Duration::from_std(elapsed)
        .ok()
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_clock_runs_on_from_its_instant_in_its_offset() {
        let start = DateTime::parse_from_rfc3339("2026-11-26T14:00:00+08:00").expect("instant");
        let later = reading(start, std::time::Duration::from_millis(61_500));
        assert_eq!(later.to_rfc3339(), "2026-11-26T14:01:01.500+08:00");
        assert_eq!(reading(start, std::time::Duration::ZERO), start);
    }
}
