//! The one parallel map over files. Reading a minutes file is parsing and hashing, so every batch
//! reader (validate, stats, review, export of many) shares one pool sized once, [`jobs`]; upload,
//! whose threads wait on the network, runs the same map on a pool as wide as its `--jobs`.

use std::sync::OnceLock;
use std::sync::mpsc;

use rayon::prelude::*;

/// The most threads the shared pool uses, however many cores there are: past this, more threads
/// only cost memory while the disk keeps up.
const MAX_JOBS: usize = 8;

fn shared() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let n = std::thread::available_parallelism().map_or(2, |n| n.get().min(MAX_JOBS));
        build(n)
    })
    .as_ref()
}

/// A pool of `n` threads; `None` when the system gives none (the work then runs on the caller).
fn build(n: usize) -> Option<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .thread_name(|i| format!("branchday-read-{i}"))
        .build()
        .ok()
}

/// Threads of the shared pool: the machine's cores, at most 8.
#[must_use]
pub fn jobs() -> usize {
    shared().map_or(1, rayon::ThreadPool::current_num_threads)
}

/// `f` on every item on the shared pool; the results in the order of `items`.
pub fn map<I: Sync, T: Send>(items: &[I], f: impl Fn(&I) -> T + Sync + Send) -> Vec<T> {
    match shared() {
        Some(pool) if items.len() > 1 => pool.install(|| items.par_iter().map(&f).collect()),
        _ => items.iter().map(f).collect(),
    }
}

/// `f` on every item on a pool of `width` threads of its own, each piece of work with its own
/// state from `init`. Results are handed to `on_batch` on the calling thread as they arrive (in
/// batches of whatever has arrived, in no fixed order), so the caller can write them down while the
/// rest run.
pub fn stream<I, S, T>(
    width: usize,
    items: &[I],
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, &I) -> T + Sync + Send,
    mut on_batch: impl FnMut(Vec<T>),
) where
    I: Sync,
    T: Send,
{
    let width = width.clamp(1, items.len().max(1));
    let pool = if width > 1 { build(width) } else { None };
    let Some(pool) = pool else {
        let mut state = init();
        for item in items {
            on_batch(vec![f(&mut state, item)]);
        }
        return;
    };
    let (tx, rx) = mpsc::channel::<T>();
    let (pool, init, f) = (&pool, &init, &f);
    std::thread::scope(|s| {
        s.spawn(move || {
            pool.install(|| {
                items.par_iter().with_max_len(1).for_each_init(
                    || (tx.clone(), init()),
                    |(tx, state), item| {
                        // The receiver lives until this scope ends: a send cannot fail here.
                        let _ = tx.send(f(state, item));
                    },
                );
            });
        });
        while let Ok(first) = rx.recv() {
            let mut batch = vec![first];
            batch.extend(rx.try_iter());
            on_batch(batch);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_the_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            map(&items, |i| i * 2),
            (0..1000).map(|i| i * 2).collect::<Vec<_>>()
        );
        assert!(map(&[] as &[usize], |i| *i).is_empty());
        assert!(jobs() >= 1 && jobs() <= MAX_JOBS);
    }

    #[test]
    fn stream_hands_over_every_result_once() {
        for width in [1, 3] {
            let items: Vec<usize> = (0..200).collect();
            let mut seen = Vec::new();
            stream(
                width,
                &items,
                || 0usize,
                |n, i| {
                    *n += 1;
                    *i
                },
                |batch| seen.extend(batch),
            );
            seen.sort_unstable();
            assert_eq!(seen, items);
        }
    }
}
