//! Opening `review` on 20 000 minutes files: time to the first screen and peak memory.
//!
//! The first screen is reached when the first page of rows (27 at 100x30) is in the list and one
//! frame has been drawn (to a `TestBackend`), starting from nothing: finding the files, listing the
//! review folder, starting the readers. Each fresh-process run also reads every file to the end and
//! reports the process's peak resident memory (`VmHWM`, Linux). Criterion then times the first
//! screen again inside this process.
//!
//! The corpus is generated with the project's generator (25-member branches, Chinese notes, all six
//! kinds) into a temporary folder, or taken from `BRANCHDAY_BENCH_CORPUS` when that names a folder
//! that already holds it (`cargo run --release --features dev -- dev-corpus --out DIR --count 20000`).
//!
//! `cargo bench --bench review_open -- --warm-up-time 1 --measurement-time 5`

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use branchday::corpus::{CorpusSpec, write_corpus};
use branchday::i18n::{Lang, Tr};
use branchday::review::{self, Session, load, view};
use branchday::store::DataDir;
use criterion::Criterion;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const FILES: usize = 20_000;
const RUNS: usize = 5;
const CHILD_ENV: &str = "REVIEW_OPEN_CHILD";

/// What one run measured.
struct Run {
    first_screen: Duration,
    all_rows: Duration,
    rows: usize,
}

/// Open the browser on `dir` and stop at the first screen, or (with `all`) once every file is read.
fn open(dir: &Path, data: &DataDir, all: bool) -> Run {
    let start = Instant::now();
    let Session { job, mut app } = Session::new(vec![dir.to_path_buf()], data, Tr(Lang::Zh));
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    app.resize(Rect::new(0, 0, 100, 30));
    std::thread::scope(|s| {
        let rx = load::spawn(s, &job);
        let page = app.page().min(job.total());
        while app.model.view().len() < page {
            match rx.recv() {
                Ok(rows) => app.add_rows(rows),
                Err(_) => break,
            }
        }
        term.draw(|f| view::draw(f, &app)).expect("draw");
        let first_screen = start.elapsed();
        if all {
            while review::take_rows(&mut app, &rx) {
                match rx.recv_timeout(Duration::from_millis(50)) {
                    Ok(rows) => app.add_rows(rows),
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
                }
            }
            term.draw(|f| view::draw(f, &app)).expect("draw");
        }
        job.cancel();
        Run {
            first_screen,
            all_rows: start.elapsed(),
            rows: app.model.len(),
        }
    })
}

/// Peak resident memory of this process in KiB (Linux), if known.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The child: one fresh-process run, printed as `first_ms all_ms rows peak_kib`.
fn child(dir: &Path) {
    let data_dir = tempfile::tempdir().expect("temp dir");
    let data = DataDir::at(data_dir.path());
    let run = open(dir, &data, true);
    println!(
        "{:.1} {:.1} {} {}",
        run.first_screen.as_secs_f64() * 1000.0,
        run.all_rows.as_secs_f64() * 1000.0,
        run.rows,
        peak_kib().unwrap_or(0)
    );
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The corpus folder: `BRANCHDAY_BENCH_CORPUS` (generated there once when it is missing or short),
/// else a temporary folder removed at the end.
fn corpus() -> (Option<tempfile::TempDir>, PathBuf) {
    let generate = |dir: &Path| {
        let t = Instant::now();
        let n = write_corpus(dir, &CorpusSpec::new(FILES, 1)).expect("corpus");
        eprintln!("generated {n} files in {:.1} s", t.elapsed().as_secs_f64());
    };
    if let Some(dir) = std::env::var_os("BRANCHDAY_BENCH_CORPUS").map(PathBuf::from) {
        if !std::fs::read_dir(&dir).is_ok_and(|d| d.count() >= FILES) {
            generate(&dir);
        }
        return (None, dir);
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("minutes");
    generate(&dir);
    (Some(tmp), dir)
}

fn main() {
    if let Some(dir) = std::env::var_os(CHILD_ENV) {
        child(Path::new(&dir));
        return;
    }
    let (_tmp, dir) = corpus();
    let exe = std::env::current_exe().expect("own path");
    let (mut first, mut all, mut peak) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let out = Command::new(&exe)
            .env(CHILD_ENV, &dir)
            .output()
            .expect("child run");
        let text = String::from_utf8_lossy(&out.stdout);
        let f: Vec<f64> = text
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        assert_eq!(f.len(), 4, "child printed {text:?}");
        assert!(
            (f[2] - FILES as f64).abs() < 0.5,
            "child read {} rows",
            f[2]
        );
        first.push(f[0]);
        all.push(f[1]);
        peak.push(f[3] / 1024.0);
    }
    println!(
        "review_open {FILES} files, {RUNS} fresh processes, {} readers: first screen median {:.1} ms; \
         all rows read median {:.0} ms; peak RSS median {:.1} MiB",
        branchday::parallel::jobs(),
        median(first),
        median(all),
        median(peak)
    );

    let data_dir = tempfile::tempdir().expect("temp dir");
    let data = DataDir::at(data_dir.path());
    let mut c = Criterion::default().sample_size(20).configure_from_args();
    c.bench_function("review_open_20000/first_screen", |b| {
        b.iter(|| open(&dir, &data, false).first_screen);
    });
    c.final_summary();
}
