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
    for (from, to) in [(None, None), (Some("2025-09"), Some("2026-02"))] {
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
    }
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
