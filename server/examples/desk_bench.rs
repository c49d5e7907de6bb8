//! Desk benchmark: a city's year (6 counties × 15 townships × 60 branches = 5 400 branches, each
//! holding 主题党日, 支委会 and 党小组会 monthly and 党员大会 and 党课 quarterly: 237 600 files)
//! written straight into the store as the index rows an ingest produces (the `files` row with a
//! real minutes body, its check status and review columns), then the desk's pages timed through
//! HTTP on a loopback port: the matrix (city, county, township), the queue (unfiltered and
//! filtered), a file's page, the warnings and the charts (and their two SVG images) and the
//! export page. Prints the median and the slowest of several runs of each.
//!
//! Each file gets 25 attendance lines (members M00–M24 of its branch): mostly present, some late,
//! some excused (with or without approved leave), a run of six absent months for one member in
//! 50 and of three for one in 61, and one member outside 应到会. Item rows are not generated: no
//! timed page reads them. A store filled before attendance lines were generated gets them (and
//! its sums rebuilt) on the next run.
//!
//! `DATABASE_URL=postgres://… cargo run --release -p branchday-server --example desk_bench -- [RUNS]`
//! (without `DATABASE_URL`, SQLite in a temporary folder). An empty database is filled first; one
//! this benchmark filled before is measured as it is.

use std::sync::Arc;
use std::time::{Duration, Instant};

use branchday_server::desk::{Clock, Desk, users};
use branchday_server::{db, http, org};

const COUNTIES: usize = 6;
const TOWNSHIPS: usize = 15;
const BRANCHES: usize = 60;
const YEAR: i32 = 2026;
const PASSWORD: &str = "bench-password-1";

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(7);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let dir = tempfile::tempdir().expect("dir");
    let url = std::env::var("DATABASE_URL")
        .unwrap_or_else(|_| branchday_server::config::sqlite_url(dir.path()));
    let engine = db::Engine::of(&url).expect("a database URL");
    let db = rt.block_on(db::open(&url)).expect("open");
    let started = Instant::now();
    let held: i64 = rt.block_on(async {
        use sqlx::Row;
        sqlx::query("SELECT COUNT(*) FROM files")
            .fetch_one(&db.pool)
            .await
            .and_then(|r| r.try_get(0))
            .expect("count")
    });
    // A database this benchmark filled before is measured again as it is.
    let reuse = held > 0;
    let files = if reuse {
        if rt.block_on(attendance(&db)) > 0 {
            rt.block_on(branchday_server::summary::rebuild(&db))
                .expect("sums");
        }
        usize::try_from(held).unwrap_or(0)
    } else {
        let n = rt.block_on(fill(&db));
        rt.block_on(attendance(&db));
        // The rows went in directly, not through an ingest: sum them as opening a store does.
        rt.block_on(branchday_server::summary::rebuild(&db))
            .expect("sums");
        n
    };
    println!(
        "engine: {engine:?}; generated {files} files of 5 400 branches in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let clock = Clock::fixed(
        chrono::DateTime::parse_from_rfc3339("2026-12-20T10:00:00+08:00").expect("time"),
    );
    let app = Arc::new(http::App {
        db: db.clone(),
        keyring: None,
        require_signature: false,
        body_timeout: Duration::from_mins(1),
        header_timeout: Duration::from_mins(1),
        desk: Desk {
            clock,
            ..Desk::default()
        },
    });
    if !reuse {
        rt.block_on(async {
            users::add(
                &db,
                "city",
                users::WHOLE_TREE,
                PASSWORD,
                "2026-01-01T00:00:00.000Z",
            )
            .await
            .expect("account");
            users::add(&db, "county", "X1", PASSWORD, "2026-01-01T00:00:00.000Z")
                .await
                .expect("account");
        });
    }
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    rt.spawn(branchday_server::serve(
        listener,
        app,
        std::future::pending(),
    ));
    let agent = ureq::Agent::new_with_config(
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .build(),
    );
    let sign_in = |name: &str| -> String {
        let mut r = agent
            .get(format!("{base}/desk/login"))
            .call()
            .expect("login page");
        let login_cookie = cookie(&r, "bd_login");
        let body = r.body_mut().read_to_string().expect("body");
        let at = body.find("name=\"csrf\" value=\"").expect("token") + 19;
        let csrf = &body[at..at + 64];
        let r = agent
            .post(format!("{base}/desk/login"))
            .header("Cookie", format!("bd_login={login_cookie}"))
            .send_form([("csrf", csrf), ("name", name), ("password", PASSWORD)])
            .expect("sign in");
        assert_eq!(r.status().as_u16(), 303);
        format!("bd_session={}", cookie(&r, "bd_session"))
    };
    let city = sign_in("city");
    let county = sign_in("county");
    let file_id: String = rt.block_on(async {
        use sqlx::Row;
        sqlx::query("SELECT id FROM files WHERE branch = 'B1-01-01' ORDER BY id LIMIT 1")
            .fetch_one(&db.pool)
            .await
            .expect("a file")
            .try_get(0)
            .expect("id")
    });
    // Page 100 of the city's queue as its links reach it: after the last file of page 99.
    let page_100: String = rt.block_on(async {
        use sqlx::Row;
        let r = sqlx::query(
            "SELECT received_at, id FROM files WHERE review_state = '' \
             ORDER BY received_at DESC, id DESC LIMIT 1 OFFSET 4949",
        )
        .fetch_one(&db.pool)
        .await
        .expect("page 99");
        let (at, id): (String, String) = (r.try_get(0).expect("at"), r.try_get(1).expect("id"));
        format!("/desk/queue?after={at},{id}&page=100")
    });
    let cases: Vec<(&str, &str, String)> = vec![
        (
            "matrix, city (6 counties)",
            &city,
            "/desk/matrix".to_owned(),
        ),
        (
            "matrix, county (15 townships)",
            &city,
            "/desk/matrix?org=X1".to_owned(),
        ),
        (
            "matrix, township (60 branches)",
            &city,
            "/desk/matrix?org=T1-01".to_owned(),
        ),
        (
            "matrix, county reviewer",
            &county,
            "/desk/matrix".to_owned(),
        ),
        ("queue, city, unreviewed", &city, "/desk/queue".to_owned()),
        ("queue, city, page 100 (key)", &city, page_100),
        (
            "queue, city, page 100 (offset)",
            &city,
            "/desk/queue?page=100".to_owned(),
        ),
        (
            "queue, city, month+kind",
            &city,
            "/desk/queue?month=2026-06&kind=committee&review=all".to_owned(),
        ),
        ("queue, county reviewer", &county, "/desk/queue".to_owned()),
        ("file page", &county, format!("/desk/files/{file_id}")),
        (
            "warnings, city (the year)",
            &city,
            "/desk/warnings?from=2026-01&to=2026-12".to_owned(),
        ),
        (
            "warnings, county reviewer",
            &county,
            "/desk/warnings?from=2026-01&to=2026-12".to_owned(),
        ),
        (
            "charts page, city",
            &city,
            "/desk/charts?from=2026-01&to=2026-12".to_owned(),
        ),
        (
            "chart meetings.svg, city",
            &city,
            "/desk/charts/meetings.svg?from=2026-01&to=2026-12".to_owned(),
        ),
        (
            "chart attendance.svg, city",
            &city,
            "/desk/charts/attendance.svg?from=2026-01&to=2026-12".to_owned(),
        ),
        ("export page, city", &city, "/desk/export".to_owned()),
        (
            "download ledger.xlsx, township year",
            &city,
            "/desk/export/ledger.xlsx?org=T1-01&from=2026-01&to=2026-12".to_owned(),
        ),
        (
            "download package.zip, township month",
            &city,
            "/desk/export/package.zip?org=T1-01&month=2026-06".to_owned(),
        ),
        (
            "file record (html)",
            &county,
            format!("/desk/files/{file_id}/record"),
        ),
    ];
    println!(
        "{:<34} {:>9} {:>9} {:>9}",
        "page", "median ms", "max ms", "KiB"
    );
    for (name, session, path) in cases {
        let mut times = Vec::new();
        let mut size = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let mut r = agent
                .get(format!("{base}{path}"))
                .header("Cookie", session)
                .call()
                .expect("page");
            let body = r
                .body_mut()
                .with_config()
                .limit(64 << 20)
                .read_to_vec()
                .expect("body");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(r.status().as_u16(), 200, "{path}");
            size = body.len();
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{name:<34} {:>9.1} {:>9.1} {:>9}",
            times[times.len() / 2],
            times[times.len() - 1],
            size / 1024
        );
    }
}

fn cookie(r: &ureq::http::Response<ureq::Body>, name: &str) -> String {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|c| {
            let kv = c.split(';').next()?;
            let (k, v) = kv.split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
        .expect("the cookie")
}

/// The tree and a year of files, as rows.
async fn fill(db: &db::Db) -> usize {
    let mut units = vec![org::Unit {
        code: "C1".into(),
        name: "某市".into(),
        level: org::CITY,
        parent: None,
    }];
    let mut branches = Vec::new();
    for x in 1..=COUNTIES {
        let xc = format!("X{x}");
        units.push(org::Unit {
            code: xc.clone(),
            name: format!("第{x}县"),
            level: org::COUNTY,
            parent: Some("C1".into()),
        });
        for t in 1..=TOWNSHIPS {
            let tc = format!("T{x}-{t:02}");
            units.push(org::Unit {
                code: tc.clone(),
                name: format!("第{x}县第{t}镇"),
                level: org::TOWNSHIP,
                parent: Some(xc.clone()),
            });
            for b in 1..=BRANCHES {
                let bc = format!("B{x}-{t:02}-{b:02}");
                units.push(org::Unit {
                    code: bc.clone(),
                    name: format!("第{x}县第{t}镇第{b}村党支部"),
                    level: org::BRANCH,
                    parent: Some(tc.clone()),
                });
                branches.push(bc);
            }
        }
    }
    org::import(db, &units).await.expect("tree");
    // Real minutes bodies (a few KB each), reused across rows.
    let bodies: Vec<String> =
        branchday::corpus::generate(&branchday::corpus::CorpusSpec::new(64, 9))
            .map(|m| {
                let (bytes, _) = branchday::minutes::to_bytes(&m).expect("seal");
                String::from_utf8(bytes).expect("utf-8")
            })
            .collect();
    let kinds_monthly = ["themed_day", "committee", "group"];
    let kinds_quarterly = ["general_assembly", "lecture"];
    let mut rows: Vec<(String, String, String, String, String)> = Vec::new();
    let mut n = 0usize;
    let mut written = 0usize;
    for b in &branches {
        for month in 1..=12u32 {
            let mut kinds: Vec<&str> = kinds_monthly.to_vec();
            if month.is_multiple_of(3) {
                kinds.extend(kinds_quarterly);
            }
            for k in kinds {
                n += 1;
                // Some meetings are missed, so the matrix has gaps to show.
                if n.is_multiple_of(17) {
                    continue;
                }
                let day = 1 + (n % 27);
                let id = uuid::Uuid::now_v7().to_string();
                let received = format!(
                    "{YEAR}-{month:02}-{day:02}T12:{:02}:{:02}.000Z",
                    n % 60,
                    (n / 60) % 60
                );
                rows.push((
                    id,
                    b.clone(),
                    k.to_owned(),
                    format!("{YEAR}-{month:02}"),
                    received,
                ));
            }
        }
        if rows.len() >= 2000 {
            written += insert(db, &rows, &bodies).await;
            rows.clear();
        }
    }
    written += insert(db, &rows, &bodies).await;
    written
}

/// Give every file without attendance lines its 25; returns how many files got them.
async fn attendance(db: &db::Db) -> usize {
    use sqlx::Row;
    let started = Instant::now();
    let files: Vec<(String, String, String, String)> = sqlx::query(
        "SELECT f.id, f.branch, f.month, f.kind FROM files f WHERE NOT EXISTS \
         (SELECT 1 FROM file_attendance a WHERE a.file_id = f.id) ORDER BY f.branch, f.month",
    )
    .fetch_all(&db.pool)
    .await
    .expect("files")
    .iter()
    .map(|r| {
        (
            r.try_get(0).expect("id"),
            r.try_get(1).expect("branch"),
            r.try_get(2).expect("month"),
            r.try_get(3).expect("kind"),
        )
    })
    .collect();
    let mut branch_no: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    const PER_INSERT: usize = 16; // files, 25 lines each: 400 rows of 11 values
    for chunk in files.chunks(PER_INSERT * 64) {
        let mut tx = db.pool.begin().await.expect("begin");
        for part in chunk.chunks(PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO file_attendance (file_id, position, branch, month, kind, member_id, \
                 name, standing, status, counted, approved_leave) VALUES ",
            );
            let mut values = Vec::new();
            for (id, branch, month, kind) in part {
                let next = branch_no.len();
                let bi = *branch_no.entry(branch.clone()).or_insert(next);
                let m: usize = month[5..].parse().expect("month");
                for g in 0..25usize {
                    let (status, leave) = if g == 24 {
                        ("present", false)
                    } else if ((bi * 7 + g).is_multiple_of(50) && (3..=8).contains(&m))
                        || ((bi * 3 + g).is_multiple_of(61) && (9..=11).contains(&m))
                    {
                        ("absent", false)
                    } else if (bi + g + m).is_multiple_of(19) {
                        ("excused", g % 2 == 0)
                    } else if (bi + g * m).is_multiple_of(29) {
                        ("late", false)
                    } else {
                        ("present", false)
                    };
                    values.push((id, g, branch, month, kind, status, leave));
                }
            }
            branchday_server::store::push_placeholders(&mut sql, values.len(), 11);
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for (id, g, branch, month, kind, status, leave) in values {
                q = q
                    .bind(id.clone())
                    .bind(i64::try_from(g).expect("position"))
                    .bind(branch.clone())
                    .bind(month.clone())
                    .bind(kind.clone())
                    .bind(format!("M{g:02}"))
                    .bind(format!("党员{g:02}"))
                    .bind(if g >= 21 { "probationary" } else { "full" })
                    .bind(status)
                    .bind(i64::from(g != 24))
                    .bind(i64::from(leave));
            }
            q.execute(&mut *tx).await.expect("attendance");
        }
        tx.commit().await.expect("commit");
    }
    if !files.is_empty() {
        println!(
            "attendance: 25 lines for each of {} files in {:.1} s",
            files.len(),
            started.elapsed().as_secs_f64()
        );
    }
    files.len()
}

async fn insert(
    db: &db::Db,
    rows: &[(String, String, String, String, String)],
    bodies: &[String],
) -> usize {
    let mut tx = db.pool.begin().await.expect("begin");
    for chunk in rows.chunks(100) {
        let mut sql = String::from(
            "INSERT INTO files (id, branch, branch_name, version, kind, month, started_at, finalized_at, \
             supersedes, digest, content_sha256, signer, trusted, expected_total, expected_full, \
             expected_probationary, present_total, present_full, present_probationary, received_at, \
             size, body, status, grp, review_state) VALUES ",
        );
        for (i, _) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            let p = i * 7;
            sql.push_str(&format!(
                "(${}, ${}, ${}, 2, ${}, ${}, ${}, ${}, NULL, 'd', 'sha-256=:x:', NULL, 0, 25, 22, 3, 23, 20, 3, ${}, 4000, ${}, 'valid', NULL, '')",
                p + 1, p + 2, p + 2, p + 3, p + 4, p + 5, p + 5, p + 6, p + 7
            ));
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for (i, (id, branch, kind, month, received)) in chunk.iter().enumerate() {
            let started = format!("{month}-05T14:00:00+08:00");
            q = q
                .bind(id.clone())
                .bind(branch.clone())
                .bind(kind.clone())
                .bind(month.clone())
                .bind(started)
                .bind(received.clone())
                .bind(bodies[i % bodies.len()].clone());
        }
        q.execute(&mut *tx).await.expect("insert");
    }
    tx.commit().await.expect("commit");
    rows.len()
}
