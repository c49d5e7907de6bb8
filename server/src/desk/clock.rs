//! "Now" for the desk: the wall clock, or a time the tests set (lockouts and session expiry are
//! tested without sleeping, and the matrix's default period without depending on today).

use std::sync::{Arc, Mutex};

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

#[derive(Debug, Clone, Default)]
pub struct Clock {
    fixed: Arc<Mutex<Option<DateTime<FixedOffset>>>>,
}

impl Clock {
    /// The machine's clock.
    pub fn system() -> Clock {
        Clock::default()
    }

    /// A clock standing at `at` until [`Clock::set`] moves it.
    pub fn fixed(at: DateTime<FixedOffset>) -> Clock {
        let c = Clock::default();
        c.set(at);
        c
    }

    pub fn set(&self, at: DateTime<FixedOffset>) {
        if let Ok(mut g) = self.fixed.lock() {
            *g = Some(at);
        }
    }

    pub fn now(&self) -> DateTime<FixedOffset> {
        self.fixed
            .lock()
            .ok()
            .and_then(|g| *g)
            .unwrap_or_else(branchday::clock::now)
    }

    /// Today, in the clock's own offset.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// Now as stored: RFC 3339 UTC to the millisecond (text order is time order).
    pub fn now_text(&self) -> String {
        text(self.now())
    }
}

/// A time as stored.
pub fn text(t: DateTime<FixedOffset>) -> String {
    t.to_utc().to_rfc3339_opts(SecondsFormat::Millis, true)
}
