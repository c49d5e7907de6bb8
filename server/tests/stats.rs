//! Statistics computed in the database match `branchday stats` (the library's `compute`) over the
//! same files, figure for figure, on SQLite and PostgreSQL.

mod support;

use std::path::PathBuf;

use branchday::minutes::Minutes;
use branchday::stats::{self, Facts, Period, YearMonth};
use support::{Engine, Running, Setup, corpus, correction_of, put};

/// A store with a token for each branch of `files` (none when the engine is not there).
fn start(engine: Engine, files: &[(Minutes, Vec<u8>)]) -> Option<(Running, Vec<(String, String)>)> {
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    )?;
    Some((s, branches))
}

/// Store `files` in order, each with its branch's token (`branches` as the store was set up
/// with): every one is new.
fn store<'a>(
    s: &Running,
    branches: &[(String, String)],
    files: impl IntoIterator<Item = &'a (Minutes, Vec<u8>)>,
) {
    for (m, bytes) in files {
        let i = branches
            .iter()
            .position(|(c, _)| *c == m.branch.code)
            .expect("branch");
        let r = put(&s.url, &m.id.to_string(), bytes, Some(&s.tokens[i]), None);
        assert_eq!(r.status, 201, "{r:?}");
    }
}

/// In which order the files reach the server.
#[derive(Clone, Copy, Debug)]
enum Order {
    /// As the corpus has them: every correction after the file it corrects.
    AsWritten,
    /// Reversed: every correction before the file it corrects.
    Reversed,
}

fn compare(engine: Engine, order: Order) {
    // Enough files for every kind, votes, 公开议事 items and a few corrections.
    let mut files = corpus(900, 31);
    assert!(
        files.iter().any(|(m, _)| m.supersedes.is_some()),
        "the corpus has corrections"
    );
    // A chain: a correction moved to the month before, and a correction of that correction.
    let first = files
        .iter()
        .find(|(m, _)| m.supersedes.is_none() && !m.attendance.is_empty())
        .expect("an original")
        .0
        .clone();
    let c1 = correction_of(&first, -31, None);
    let c2 = correction_of(&c1.0, 0, None);
    assert_ne!(
        c1.0.started_at.format("%Y-%m").to_string(),
        first.started_at.format("%Y-%m").to_string()
    );
    files.push(c1);
    files.push(c2);
    let mut arriving: Vec<&(Minutes, Vec<u8>)> = files.iter().collect();
    if let Order::Reversed = order {
        arriving.reverse();
    }
    let Some((s, branches)) = start(engine, &files) else {
        return;
    };
    store(&s, &branches, arriving);
    check(&s, &files);
    // Sums rebuilt from the stored rows when the store is opened (as for a store that held files
    // before the sums existed) come out the same.
    s.rt.block_on(async {
        for sql in [
            "DELETE FROM sum_branch_month",
            "DELETE FROM sum_items",
            "DELETE FROM sum_member_month",
            "DELETE FROM sum_member",
            "INSERT INTO summary_state (pending) VALUES (1)",
        ] {
            sqlx::query(sql).execute(&s.db.pool).await.expect("forget");
        }
    });
    let reopened =
        s.rt.block_on(branchday_server::db::open(&s.db_url))
            .expect("reopen");
    let report = |db| {
        s.rt.block_on(branchday_server::stats::compute(db, None, None))
            .expect("stats")
    };
    assert_eq!(report(&reopened), report(&s.db));
    assert!(!report(&reopened).members.is_empty());
}

/// The server's statistics against the library's over `files`, for the whole time and two
/// periods.
fn check(s: &Running, files: &[(Minutes, Vec<u8>)]) {
    let facts: Vec<Facts> = files
        .iter()
        .enumerate()
        .map(|(i, (m, _))| {
            Facts::of(
                PathBuf::from(format!("{i:05}.json")),
                m,
                m.integrity.digest.clone(),
            )
        })
        .collect();
    // The whole year, a half year, and a quarter: a run that crosses a period's edge is reported
    // whole (its true months, length and whether it goes on), as `stats` reports it.
    let mut runs_seen = 0;
    for (from, to) in [
        (None, None),
        (Some("2025-09"), Some("2026-02")),
        (Some("2026-01"), Some("2026-03")),
    ] {
        let period = Period {
            from: from.and_then(YearMonth::parse),
            to: to.and_then(YearMonth::parse),
        };
        let want = stats::compute(&facts, period);
        let got =
            s.rt.block_on(branchday_server::stats::compute(&s.db, from, to))
                .expect("stats");
        let n = |x: usize| x as u64;
        assert_eq!(got.meetings, n(want.meetings), "{from:?}..{to:?}");
        assert_eq!(got.months.len(), want.months.len());
        for (g, w) in got.months.iter().zip(&want.months) {
            assert_eq!(g.month, w.month.to_string());
            assert_eq!(g.per_kind, w.per_kind.map(n), "{}", g.month);
            assert_eq!(g.public_items, n(w.public_items), "{}", g.month);
        }
        assert_eq!(got.items.total, n(want.items.total));
        assert_eq!(got.items.by_outcome, want.items.by_outcome.map(n));
        assert_eq!(got.items.not_voted, n(want.items.not_voted));
        assert_eq!(got.items.public, n(want.items.public));
        assert_eq!(got.items.public_by_stage, want.items.public_by_stage.map(n));
        assert_eq!(got.branches.len(), want.branches.len());
        for (g, w) in got.branches.iter().zip(&want.branches) {
            assert_eq!((&g.code, &g.name), (&w.branch.code, &w.branch.name));
            assert_eq!(g.meetings, n(w.meetings), "{}", g.code);
            let t = &w.tally;
            assert_eq!(
                [
                    g.tally.expected,
                    g.tally.attended,
                    g.tally.excused,
                    g.tally.absent
                ],
                [t.expected, t.attended, t.excused, t.absent].map(n),
                "{}",
                g.code
            );
        }
        assert_eq!(got.members.len(), want.members.len());
        for (g, w) in got.members.iter().zip(&want.members) {
            assert_eq!(
                (&g.branch_code, &g.member_id),
                (&w.branch.code, &w.member_id)
            );
            let t = &w.tally;
            assert_eq!(
                [
                    g.tally.expected,
                    g.tally.attended,
                    g.tally.excused,
                    g.tally.absent
                ],
                [t.expected, t.attended, t.excused, t.absent].map(n),
                "{} {}",
                g.branch_code,
                g.member_id
            );
        }
        let want_runs: Vec<_> = want
            .absences
            .iter()
            .map(|r| {
                (
                    r.branch.code.clone(),
                    r.branch.name.clone(),
                    r.member_id.clone(),
                    r.name.clone(),
                    r.months.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    r.level.key(),
                    r.ongoing,
                )
            })
            .collect();
        let got_runs: Vec<_> = got
            .absences
            .iter()
            .map(|r| {
                (
                    r.branch_code.clone(),
                    r.branch_name.clone(),
                    r.member_id.clone(),
                    r.name.clone(),
                    r.months.clone(),
                    r.level,
                    r.ongoing,
                )
            })
            .collect();
        assert_eq!(got_runs, want_runs, "absence runs {from:?}..{to:?}");
        runs_seen += want_runs.len();
        if from.is_none() {
            for level in ["warning", "serious"] {
                assert!(
                    want_runs.iter().any(|r| r.5 == level),
                    "the corpus has {level} runs"
                );
            }
            assert!(want_runs.iter().any(|r| r.6), "the corpus has ongoing runs");
            assert!(want_runs.iter().any(|r| !r.6), "the corpus has ended runs");
        }
        if from == Some("2026-01") {
            assert!(
                want_runs
                    .iter()
                    .any(|r| r.4.first().is_some_and(|m| m.as_str() < "2026-01")
                        || r.4.last().is_some_and(|m| m.as_str() > "2026-03")),
                "a run crosses the quarter's edge"
            );
        }
    }
    assert!(runs_seen > 0);
}

#[test]
fn database_statistics_match_branchday_stats_on_sqlite() {
    compare(Engine::Sqlite, Order::AsWritten);
}

#[test]
fn database_statistics_match_branchday_stats_on_postgres() {
    if support::postgres_url("database_statistics_match_branchday_stats_on_postgres").is_some() {
        compare(Engine::Postgres, Order::AsWritten);
    }
}

#[test]
fn corrections_arriving_before_what_they_correct_on_sqlite() {
    compare(Engine::Sqlite, Order::Reversed);
}

#[test]
fn corrections_arriving_before_what_they_correct_on_postgres() {
    if support::postgres_url("corrections_arriving_before_what_they_correct_on_postgres").is_some()
    {
        compare(Engine::Postgres, Order::Reversed);
    }
}

/// The kept runs follow what arrives after they were read: half the files stored, the runs read
/// (so they are kept), the other half stored (later months extend or end runs, and a few
/// corrections replace files of the first half), and the runs then match the library's over all
/// the files.
fn kept_runs_follow_later_files(engine: Engine) {
    let files = corpus(900, 31);
    let Some((s, branches)) = start(engine, &files) else {
        return;
    };
    let (first, rest) = files.split_at(files.len() / 2);
    store(&s, &branches, first);
    let early =
        s.rt.block_on(branchday_server::absence::runs(&s.db, None, None))
            .expect("runs");
    store(&s, &branches, rest);
    let late =
        s.rt.block_on(branchday_server::absence::runs(&s.db, None, None))
            .expect("runs");
    assert_ne!(early, late, "the later files change the runs");
    check(&s, &files);
}

#[test]
fn kept_runs_follow_later_files_on_sqlite() {
    kept_runs_follow_later_files(Engine::Sqlite);
}

#[test]
fn kept_runs_follow_later_files_on_postgres() {
    if support::postgres_url("kept_runs_follow_later_files_on_postgres").is_some() {
        kept_runs_follow_later_files(Engine::Postgres);
    }
}

/// Files sent by four uploaders at once, corrections among them, while statistics are read and
/// the sums settled meanwhile: the statistics then match the library's over all the files.
fn concurrent_uploads(engine: Engine) {
    let mut files = corpus(600, 23);
    let first = files
        .iter()
        .find(|(m, _)| m.supersedes.is_none() && !m.attendance.is_empty())
        .expect("an original")
        .0
        .clone();
    let c1 = correction_of(&first, -31, None);
    let c2 = correction_of(&c1.0, 0, None);
    files.push(c1);
    files.push(c2);
    files.reverse();
    let Some((s, branches)) = start(engine, &files) else {
        return;
    };
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let uploaders: Vec<_> = (0..4)
            .map(|k| {
                let (s, branches, files) = (&s, &branches, &files);
                scope.spawn(move || store(s, branches, files.iter().skip(k).step_by(4)))
            })
            .collect();
        let reader = scope.spawn(|| {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                s.rt.block_on(branchday_server::stats::compute(&s.db, None, None))
                    .expect("stats while files arrive");
                reads += 1;
            }
            reads
        });
        for u in uploaders {
            u.join().expect("uploader");
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(reader.join().expect("reader") > 0);
    });
    check(&s, &files);
}

#[test]
fn concurrent_uploads_and_reads_match_branchday_stats_on_sqlite() {
    concurrent_uploads(Engine::Sqlite);
}

#[test]
fn concurrent_uploads_and_reads_match_branchday_stats_on_postgres() {
    if support::postgres_url("concurrent_uploads_and_reads_match_branchday_stats_on_postgres")
        .is_some()
    {
        concurrent_uploads(Engine::Postgres);
    }
}

/// Attendance rows stored before `approved_leave` existed are filled in from the stored bytes
/// when the store is opened, and the runs come out as before.
#[test]
fn approved_leave_is_filled_in_for_rows_stored_before_it_existed() {
    let files = corpus(300, 31);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let s = Running::start(
        Engine::Sqlite,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    )
    .expect("SQLite is always there");
    store(&s, &branches, &files);
    let leave_count = |db: &branchday_server::db::Db| -> (i64, i64) {
        s.rt.block_on(async {
            use sqlx::Row;
            let r = sqlx::query(
                "SELECT CAST(SUM(CASE WHEN approved_leave = 1 THEN 1 ELSE 0 END) AS BIGINT), \
                 CAST(SUM(CASE WHEN approved_leave IS NULL THEN 1 ELSE 0 END) AS BIGINT) \
                 FROM file_attendance",
            )
            .fetch_one(&db.pool)
            .await
            .expect("count");
            (r.try_get(0).expect("n"), r.try_get(1).expect("n"))
        })
    };
    let before =
        s.rt.block_on(branchday_server::absence::runs(&s.db, None, None));
    let (approved, unknown) = leave_count(&s.db);
    assert!(approved > 0, "the corpus has approved leave");
    assert_eq!(unknown, 0);
    s.rt.block_on(
        sqlx::query("UPDATE file_attendance SET approved_leave = NULL WHERE status = 'excused'")
            .execute(&s.db.pool),
    )
    .expect("forget");
    let reopened =
        s.rt.block_on(branchday_server::db::open(&s.db_url))
            .expect("reopen");
    assert_eq!(leave_count(&reopened), (approved, 0));
    let after =
        s.rt.block_on(branchday_server::absence::runs(&reopened, None, None));
    let before = before.expect("runs");
    assert_eq!(after.expect("runs"), before);

    // The command line gives the same runs: as `absences` in the JSON, and listed in the text.
    let cli = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_branchday-server"))
            .env_remove("BRANCHDAY_SERVER_DATABASE")
            .env_remove("BRANCHDAY_SERVER_DATA_DIR")
            .arg("--data-dir")
            .arg(s.dir.path())
            .args(args)
            .output()
            .expect("run branchday-server")
    };
    let out = cli(&["stats", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let runs = json["absences"].as_array().expect("absences");
    assert_eq!(runs.len(), before.len());
    assert!(!runs.is_empty(), "the corpus has absence runs");
    assert_eq!(runs[0]["member_id"], before[0].member_id.as_str());
    assert_eq!(
        runs[0]["months"].as_array().map(Vec::len),
        Some(before[0].months.len())
    );
    let out = cli(&["stats"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("consecutive months of absence"), "{text}");
    assert!(text.contains(&before[0].member_id), "{text}");
}
