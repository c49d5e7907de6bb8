//! Bounded retries with exponential backoff and full jitter, and the timeouts of one request.

use std::time::Duration;

/// Environment variable: the first backoff delay in milliseconds (default 250).
pub const RETRY_BASE_ENV: &str = "BRANCHDAY_RETRY_BASE_MS";
/// Environment variable: the whole-request timeout in milliseconds (default 60 000).
pub const TIMEOUT_ENV: &str = "BRANCHDAY_HTTP_TIMEOUT_MS";

/// How often and how patiently a request is retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    /// The delay before the first retry (before jitter).
    pub base: Duration,
    /// No delay is longer than this.
    pub cap: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 5,
            base: Duration::from_millis(250),
            cap: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// The default policy with the base delay from [`RETRY_BASE_ENV`] when set. `Err` names the
    /// variable when its value is not a positive integer.
    pub fn from_env() -> Result<RetryPolicy, &'static str> {
        let mut p = RetryPolicy::default();
        if let Some(ms) = env_millis(RETRY_BASE_ENV)? {
            p.base = ms;
            p.cap = p.cap.max(ms);
        }
        Ok(p)
    }

    /// The delay before retry number `retry` (1 for the first retry): `base · 2^(retry−1)`, capped,
    /// then drawn uniformly from its upper half so that parallel clients spread out.
    pub fn delay(&self, retry: u32, jitter: &mut Jitter) -> Duration {
        let exp = self
            .base
            .saturating_mul(1u32 << retry.saturating_sub(1).min(20))
            .min(self.cap);
        let half = exp / 2;
        let spread = u64::try_from(exp.saturating_sub(half).as_micros()).unwrap_or(u64::MAX);
        half + Duration::from_micros(jitter.below(spread.saturating_add(1)))
    }
}

/// The timeouts of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub global: Duration,
}

impl Timeouts {
    /// 10 s to connect and 60 s for a whole request, or [`TIMEOUT_ENV`] for both when shorter.
    pub fn from_env() -> Result<Timeouts, &'static str> {
        let mut t = Timeouts {
            connect: Duration::from_secs(10),
            global: Duration::from_secs(60),
        };
        if let Some(ms) = env_millis(TIMEOUT_ENV)? {
            t.global = ms;
            t.connect = t.connect.min(ms);
        }
        Ok(t)
    }
}

fn env_millis(var: &'static str) -> Result<Option<Duration>, &'static str> {
    match std::env::var(var) {
        Err(std::env::VarError::NotPresent) => Ok(None),
        Ok(v) if v.trim().is_empty() => Ok(None),
        Ok(v) => match v.trim().parse::<u64>() {
            Ok(ms) if ms > 0 => Ok(Some(Duration::from_millis(ms))),
            _ => Err(var),
        },
        Err(std::env::VarError::NotUnicode(_)) => Err(var),
    }
}

/// A small xorshift generator for jitter (not for anything secret).
#[derive(Debug, Clone)]
pub struct Jitter(u64);

impl Jitter {
    pub fn new(seed: u64) -> Jitter {
        Jitter(seed | 1)
    }

    /// Seeded from the clock and the current thread.
    pub fn from_entropy() -> Jitter {
        use std::hash::{BuildHasher, Hash, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        std::thread::current().id().hash(&mut h);
        std::time::SystemTime::now().hash(&mut h);
        Jitter::new(h.finish())
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_exponentially_within_jitter_and_cap() {
        let p = RetryPolicy {
            attempts: 5,
            base: Duration::from_millis(100),
            cap: Duration::from_millis(500),
        };
        let mut j = Jitter::new(7);
        for _ in 0..200 {
            let d1 = p.delay(1, &mut j);
            assert!(d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100));
            let d3 = p.delay(3, &mut j);
            assert!(d3 >= Duration::from_millis(200) && d3 <= Duration::from_millis(400));
            let d9 = p.delay(9, &mut j);
            assert!(d9 >= Duration::from_millis(250) && d9 <= Duration::from_millis(500));
        }
        assert!(p.delay(40, &mut j) <= p.cap);
    }

    #[test]
    fn jitter_spreads() {
        let mut j = Jitter::new(1);
        let xs: std::collections::HashSet<u64> = (0..100).map(|_| j.below(1000)).collect();
        assert!(xs.len() > 50);
        assert_eq!(j.below(0), 0);
    }
}
