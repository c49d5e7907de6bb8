//! Statistics computed in the database match `branchday stats` (the library's `compute`) over the
//! same files, figure for figure, on SQLite and PostgreSQL.

mod support;

use std::path::PathBuf;

use branchday::stats::{self, Facts, Period, YearMonth};
use support::{Engine, Running, Setup, corpus, put};

fn compare(engine: Engine) {
    // Enough files for every kind, votes, 公开议事 items and a few corrections.
    let files = corpus(900, 31);
    assert!(
        files.iter().any(|(m, _)| m.supersedes.is_some()),
        "the corpus has corrections"
    );
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let Some(s) = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    ) else {
        return;
    };
    for (m, bytes) in &files {
        let i = branches
            .iter()
            .position(|(c, _)| *c == m.branch.code)
            .expect("branch");
        let r = put(&s.url, &m.id.to_string(), bytes, Some(&s.tokens[i]), None);
        assert_eq!(r.status, 201, "{r:?}");
    }
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
    compare(Engine::Sqlite);
}

#[test]
fn database_statistics_match_branchday_stats_on_postgres() {
    if support::postgres_url("database_statistics_match_branchday_stats_on_postgres").is_some() {
        compare(Engine::Postgres);
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
    for (m, bytes) in &files {
        let i = branches
            .iter()
            .position(|(c, _)| *c == m.branch.code)
            .expect("branch");
        let r = put(&s.url, &m.id.to_string(), bytes, Some(&s.tokens[i]), None);
        assert_eq!(r.status, 201, "{r:?}");
    }
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
