//! The sums added in batches (`settle.rs`) are the sums summed again from the stored rows, however
//! the pending files are batched and in whatever order they arrive: with corrections (within a
//! month, across months and across branches, corrections of corrections, corrections before what
//! they correct) and reviews between the batches. On SQLite and PostgreSQL.

mod support;

use branchday::minutes::Minutes;
use branchday_server::desk::file::{Verdict, record_review};
use branchday_server::settle::{self, Which};
use sqlx::Row;
use support::{Engine, Store, corpus, correction_of};

/// Every row of every sum, as text, sorted (the kept absence runs worked out first).
fn sums(s: &Store) -> Vec<(String, Vec<String>)> {
    s.rt.block_on(async {
        branchday_server::absence::refresh(&s.db)
            .await
            .expect("refresh");
        let mut out = Vec::new();
        for table in [
            "sum_branch_month",
            "sum_branch_year",
            "sum_items",
            "sum_member_month",
            "sum_member",
            "sum_absence_runs",
        ] {
            let sql = format!("SELECT * FROM {table}");
            let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
                .fetch_all(&s.db.pool)
                .await
                .expect("read the sums");
            let mut lines: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    (0..r.len())
                        .map(|i| {
                            r.try_get::<String, _>(i)
                                .or_else(|_| r.try_get::<i64, _>(i).map(|n| n.to_string()))
                                .expect("text or a number")
                        })
                        .collect()
                })
                .collect();
            lines.sort();
            assert!(!lines.is_empty() || table == "sum_absence_runs");
            out.extend(lines.into_iter().map(|l| (table.to_owned(), l)));
        }
        out
    })
}

fn pending(s: &Store) -> Vec<String> {
    s.rt.block_on(async {
        sqlx::query("SELECT file_id FROM sum_pending ORDER BY file_id")
            .fetch_all(&s.db.pool)
            .await
            .expect("pending")
            .iter()
            .map(|r| r.try_get(0).expect("an id"))
            .collect()
    })
}

fn batches_equal_a_rebuild(engine: Engine) {
    let Some(s) = Store::open(engine) else {
        return;
    };
    let mut files = corpus(500, 17);
    let originals: Vec<Minutes> = files
        .iter()
        .filter(|(m, _)| m.supersedes.is_none() && !m.attendance.is_empty())
        .map(|(m, _)| m.clone())
        .collect();
    let other_branch = originals
        .iter()
        .find(|m| m.branch.code != originals[0].branch.code)
        .expect("two branches")
        .clone();
    // A chain moved to the month before and corrected again; a correction sent as another
    // branch's; one in the same month.
    let c1 = correction_of(&originals[0], -31, None);
    let c2 = correction_of(&c1.0, 0, None);
    let across = correction_of(&originals[1], 0, Some(&other_branch));
    let same = correction_of(&originals[2], 0, None);
    files.extend([c1, c2, across, same]);
    // Corrections before what they correct, the others in a fixed shuffle.
    files.reverse();
    files.rotate_left(3);

    let mut reviews = 0;
    for (round, chunk) in files.chunks(41).enumerate() {
        for (_, bytes) in chunk {
            assert!(s.put(bytes));
        }
        let waiting = pending(&s);
        match round % 4 {
            // Every other pending file, by id.
            0 => {
                let some: Vec<String> = waiting.iter().step_by(2).cloned().collect();
                let n =
                    s.rt.block_on(settle::settle_now(&s.db, Which::Files(&some)))
                        .expect("settle");
                assert!(n >= some.len(), "{n} settled of {}", some.len());
            }
            // A branch's pending files.
            1 => {
                let branch = chunk[0].0.branch.code.clone();
                s.rt.block_on(settle::settle_now(&s.db, Which::Branches(&[branch])))
                    .expect("settle");
            }
            // A review while files of the branch (and of others) are pending: the file's
            // branch-month is summed again from the stored rows.
            2 => {
                let (m, _) = &chunk[chunk.len() / 2];
                let state = if reviews % 2 == 0 {
                    "returned"
                } else {
                    "approved"
                };
                let id = m.id.to_string();
                s.rt.block_on(record_review(
                    &s.db,
                    &Verdict {
                        file: &id,
                        branch: &m.branch.code,
                        state,
                        comment: "请补充议题材料",
                        reviewer: "审核员",
                        at: "2026-12-01T08:00:00.000Z",
                    },
                ))
                .expect("review");
                reviews += 1;
            }
            // Nothing: the next round's files join these.
            _ => {}
        }
    }
    assert!(reviews >= 3);
    assert!(!pending(&s).is_empty(), "files are left for settle_all");
    let settled =
        s.rt.block_on(settle::settle_all(&s.db))
            .expect("settle all");
    assert!(settled > 0);
    assert!(pending(&s).is_empty());
    let batched = sums(&s);
    s.rt.block_on(branchday_server::summary::rebuild(&s.db))
        .expect("rebuild");
    let rebuilt = sums(&s);
    let differ: Vec<_> = batched
        .iter()
        .filter(|r| !rebuilt.contains(r))
        .chain(rebuilt.iter().filter(|r| !batched.contains(r)))
        .take(10)
        .collect();
    assert!(
        differ.is_empty(),
        "batched and rebuilt sums differ: {differ:?}"
    );
    assert_eq!(batched.len(), rebuilt.len());
    // Returned files are counted (a review was a return).
    assert!(
        batched
            .iter()
            .any(|(t, r)| t == "sum_branch_month" && r[9] != "0"),
        "a returned file is counted"
    );
}

#[test]
fn batches_equal_a_rebuild_on_sqlite() {
    batches_equal_a_rebuild(Engine::Sqlite);
}

#[test]
fn batches_equal_a_rebuild_on_postgres() {
    if support::postgres_url("batches_equal_a_rebuild_on_postgres").is_some() {
        batches_equal_a_rebuild(Engine::Postgres);
    }
}
