//! The reviewer's desk over HTTP: every page as an anonymous visitor, as a reviewer of another
//! county and as the owner; sessions, form tokens and the lockout with the desk's clock moved by
//! the test; the review reaching the branch through the protocol; exports; hostile text escaped.

mod support;

use std::io::Read;

use branchday::stats::{self, Facts, Period};
use support::desk::{Client, HOSTILE_NAME, PASSWORD, World, world};
use support::{Engine, get, put};

/// Every page (HTML) of the desk for a file `id` and an organisation `org`.
fn pages(id: &str, org: &str) -> Vec<String> {
    vec![
        format!("/desk/matrix?org={org}"),
        format!("/desk/queue?org={org}"),
        format!("/desk/files/{id}"),
        format!("/desk/warnings?org={org}"),
        format!("/desk/charts?org={org}"),
        format!("/desk/export?org={org}"),
    ]
}

/// Every non-HTML resource of the desk.
fn data(id: &str, org: &str) -> Vec<String> {
    vec![
        format!("/desk/files/{id}/record"),
        format!("/desk/files/{id}/minutes.json"),
        format!("/desk/charts/meetings.svg?org={org}"),
        format!("/desk/charts/attendance.svg?org={org}"),
        format!("/desk/export/package.zip?org={org}&month=2026-03"),
        format!("/desk/export/ledger.xlsx?org={org}"),
    ]
}

fn signed_in(w: &World, name: &str) -> Client {
    let mut c = Client::new(&w.s.url);
    let r = c.sign_in(name, PASSWORD);
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.location.as_deref(), Some("/desk/matrix"));
    let set = r
        .set_cookies
        .iter()
        .find(|c| c.starts_with("bd_session="))
        .expect("a session cookie");
    assert!(
        set.contains("HttpOnly") && set.contains("SameSite=Strict"),
        "{set}"
    );
    c
}

fn scope(engine: Engine) {
    let Some(w) = world(engine, 60) else { return };
    let own_id = w.own[2].0.id.to_string();
    let other_id = w.other.0.id.to_string();

    // Anonymous: pages redirect to the sign-in page, everything else is 401.
    let mut anon = Client::new(&w.s.url);
    for p in pages(&own_id, "X1") {
        let r = anon.get(&p);
        assert_eq!(r.status, 303, "{p}");
        let to = r.location.unwrap_or_default();
        assert!(to.starts_with("/desk/login?next=%2Fdesk%2F"), "{p} → {to}");
    }
    for p in data(&own_id, "X1") {
        assert_eq!(anon.get(&p).status, 401, "{p}");
    }
    let r = anon.post(
        &format!("/desk/files/{own_id}/review"),
        &[("verdict", "approved")],
    );
    assert_eq!(r.status, 401);

    // The owner (county X1) sees its own.
    let mut owner = signed_in(&w, "xian1");
    for p in pages(&own_id, "X1").into_iter().chain(data(&own_id, "X1")) {
        let r = owner.get(&p);
        assert_eq!(r.status, 200, "{p}: {}", r.text());
    }
    // A township reviewer sees its township, not the county above it.
    let mut zhen = signed_in(&w, "zhen1");
    assert_eq!(zhen.get("/desk/matrix?org=T1").status, 200);
    assert_eq!(zhen.get(&format!("/desk/files/{own_id}")).status, 200);
    assert_eq!(zhen.get("/desk/matrix?org=X1").status, 404);

    // The other county's reviewer: 404 for every page and link of X1, as for nothing at all.
    let mut stranger = signed_in(&w, "xian2");
    for p in pages(&own_id, "X1").into_iter().chain(data(&own_id, "X1")) {
        let r = stranger.get(&p);
        assert_eq!(r.status, 404, "{p}");
        assert!(!r.text().contains(&w.own[2].0.branch.name), "{p}");
    }
    assert_eq!(
        stranger
            .get("/desk/files/00000000-0000-7000-8000-000000000000")
            .status,
        404
    );
    assert_eq!(stranger.get("/desk/files/not-an-id").status, 404);
    // …and sees its own county, where X1's files are not listed.
    assert_eq!(stranger.get(&format!("/desk/files/{other_id}")).status, 200);
    let q = stranger.get("/desk/queue?review=all").text();
    assert!(q.contains(&other_id) && !q.contains(&own_id), "{q}");
    // The owner cannot see X2 either.
    assert_eq!(owner.get(&format!("/desk/files/{other_id}")).status, 404);
    assert_eq!(owner.get("/desk/queue?org=X2").status, 404);
    // A review POST to a file out of scope is 404 even with a good form token.
    let csrf = stranger.csrf();
    let r = stranger.post(
        &format!("/desk/files/{own_id}/review"),
        &[("csrf", &csrf), ("verdict", "approved"), ("comment", "")],
    );
    assert_eq!(r.status, 404);
}

#[test]
fn each_page_as_anonymous_stranger_and_owner_on_sqlite() {
    scope(Engine::Sqlite);
}

#[test]
fn each_page_as_anonymous_stranger_and_owner_on_postgres() {
    scope(Engine::Postgres);
}

#[test]
fn a_returned_file_reaches_the_branch_through_the_protocol() {
    let Some(w) = world(Engine::Sqlite, 20) else {
        return;
    };
    let (m, bytes) = &w.own[3];
    let id = m.id.to_string();
    let token = &w.tokens[&m.branch.code];
    // Before any review: the same bytes again are 204.
    assert_eq!(put(&w.s.url, &id, bytes, Some(token), None).status, 204);

    let mut c = signed_in(&w, "xian1");
    let path = format!("/desk/files/{id}/review");
    // The township's matrix over the file's month counts returned files (of those that count:
    // a file a correction replaced is not in it).
    let month = m.started_at.format("%Y-%m").to_string();
    let matrix = format!("/desk/matrix?org=T1&from={month}&to={month}");
    let counted = !w.own.iter().any(|(o, _)| o.supersedes == Some(m.id));
    assert!(!c.get(&matrix).text().contains(" returned\">"));
    // No form token, or a wrong one: 403, nothing stored.
    let r = c.post(&path, &[("verdict", "returned"), ("comment", "x")]);
    assert_eq!(r.status, 403, "{}", r.text());
    let r = c.post(
        &path,
        &[("csrf", "0000"), ("verdict", "returned"), ("comment", "x")],
    );
    assert_eq!(r.status, 403);
    let csrf = c.csrf();
    // Returning needs a comment; a verdict must be one of the two.
    let r = c.post(
        &path,
        &[("csrf", &csrf), ("verdict", "returned"), ("comment", " ")],
    );
    assert_eq!(r.status, 400);
    assert!(r.text().contains("退回") || r.text().contains("comment"));
    let r = c.post(&path, &[("csrf", &csrf), ("verdict", "maybe")]);
    assert_eq!(r.status, 400);
    let r = c.post(
        &path,
        &[
            ("csrf", &csrf),
            ("verdict", "returned"),
            ("comment", "缺少记录人签名 <b>"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let page = c.get(&format!("/desk/files/{id}")).text();
    assert!(page.contains("缺少记录人签名 &lt;b&gt;"), "{page}");
    assert!(page.contains("xian1"));
    assert_eq!(
        c.get(&matrix).text().contains(" returned\">"),
        counted,
        "{matrix}"
    );

    // The branch's PUT of the same bytes now answers 200 with the review.
    let r = put(&w.s.url, &id, bytes, Some(token), None);
    assert_eq!(r.status, 200, "{r:?}");
    let j = r.json();
    assert_eq!(j["review"]["state"], "returned");
    assert_eq!(j["review"]["comment"], "缺少记录人签名 <b>");
    assert_eq!(j["review"]["reviewer"], "xian1");
    assert_eq!(j["review"]["at"], "2026-07-10T02:00:00.000Z");
    // HEAD and GET say it in headers.
    let r = get(&w.s.url, &id, Some(token), true);
    assert_eq!(r.status, 200);
    // The queue lists it as returned, and no longer among the unreviewed.
    assert!(c.get("/desk/queue?review=returned").text().contains(&id));
    assert!(!c.get("/desk/queue").text().contains(&id));
    // Approving later replaces the state; the history keeps both.
    w.clock
        .set(chrono::DateTime::parse_from_rfc3339("2026-07-10T10:05:00+08:00").expect("time"));
    let r = c.post(
        &path,
        &[("csrf", &csrf), ("verdict", "approved"), ("comment", "")],
    );
    assert_eq!(r.status, 303);
    let j = put(&w.s.url, &id, bytes, Some(token), None).json();
    assert_eq!(j["review"]["state"], "approved");
    assert!(!c.get(&matrix).text().contains(" returned\">"));
    let page = c.get(&format!("/desk/files/{id}")).text();
    assert!(page.contains("已退回") && page.contains("已通过"), "{page}");
}

#[test]
fn sessions_expire_logout_ends_them_and_failures_lock_the_account() {
    let Some(w) = world(Engine::Sqlite, 4) else {
        return;
    };
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).expect("time");
    // Five wrong passwords, then even the right one is refused until the window has passed.
    let mut c = Client::new(&w.s.url);
    for _ in 0..5 {
        assert_eq!(c.sign_in("xian1", "wrong password").status, 401);
    }
    let r = c.sign_in("xian1", PASSWORD);
    assert_eq!(r.status, 429, "{}", r.text());
    assert!(r.text().contains("15"));
    // Another account is not locked by them.
    assert_eq!(Client::new(&w.s.url).sign_in("xian2", PASSWORD).status, 303);
    w.clock.set(at("2026-07-10T10:16:00+08:00"));
    assert_eq!(c.sign_in("xian1", PASSWORD).status, 303);
    assert_eq!(c.get("/desk/matrix").status, 200);
    // An unknown account is refused the same way as a wrong password.
    assert_eq!(
        Client::new(&w.s.url).sign_in("nobody", PASSWORD).status,
        401
    );
    // A login form token that is not the cookie's: 403.
    let mut d = Client::new(&w.s.url);
    d.get("/desk/login");
    let r = d.post(
        "/desk/login",
        &[
            ("csrf", "forged"),
            ("name", "xian1"),
            ("password", PASSWORD),
        ],
    );
    assert_eq!(r.status, 403);

    // Logout needs the form token, then ends the session.
    assert_eq!(c.post("/desk/logout", &[("csrf", "x")]).status, 403);
    let saved = c.cookies.clone();
    let csrf = c.csrf();
    let r = c.post("/desk/logout", &[("csrf", &csrf)]);
    assert_eq!(r.status, 303);
    assert_eq!(c.get("/desk/matrix").status, 303);
    c.cookies = saved;
    assert_eq!(c.get("/desk/matrix").status, 303, "the old cookie is dead");

    // A session lasts 12 hours by the desk's clock.
    let mut e = signed_in(&w, "xian2");
    w.clock.set(at("2026-07-10T22:15:00+08:00"));
    assert_eq!(e.get("/desk/matrix").status, 200);
    w.clock.set(at("2026-07-10T22:17:00+08:00"));
    assert_eq!(e.get("/desk/matrix").status, 303);
}

#[test]
fn bad_parameters_are_400_saying_why_and_languages_switch() {
    let Some(w) = world(Engine::Sqlite, 4) else {
        return;
    };
    let mut c = signed_in(&w, "xian1");
    for (p, says) in [
        ("/desk/matrix?from=2026-13", "from"),
        ("/desk/matrix?from=2026-06&to=2026-01", "36"),
        ("/desk/queue?status=bogus", "bogus"),
        ("/desk/queue?page=0", "“0”"),
        ("/desk/queue?month=june", "june"),
        ("/desk/queue?after=nonsense", "nonsense"),
        (
            "/desk/queue?before=2026-01-01T00:00:00Z,not-a-file",
            "not-a-file",
        ),
        ("/desk/warnings?rate=101", "101"),
    ] {
        let r = c.get(p);
        assert_eq!(r.status, 400, "{p}");
        assert!(r.text().contains(says), "{p}: {}", r.text());
    }
    let r = c.get("/desk/export/package.zip?org=X1");
    assert_eq!(r.status, 400);
    // Chinese by default, English when asked (and remembered in a cookie).
    assert!(c.get("/desk/queue").text().contains("审阅队列"));
    let r = c.get("/desk/queue?lang=en");
    assert!(r.text().contains("Review queue"));
    assert!(r.cookie("bd_lang").as_deref() == Some("en"));
    assert!(c.get("/desk/matrix").text().contains("Organisation"));
    let mut d = Client::new(&w.s.url);
    let r = d.get_with("/desk/login", &[("Accept-Language", "en-GB,en;q=0.9")]);
    assert!(r.text().contains("Sign in"));
}

#[test]
fn hostile_text_from_files_is_escaped_everywhere() {
    let Some(w) = world(Engine::Sqlite, 6) else {
        return;
    };
    let id = w.hostile.0.id.to_string();
    let mut c = signed_in(&w, "xian1");
    for p in [
        format!("/desk/files/{id}"),
        format!("/desk/files/{id}/record"),
        "/desk/queue".to_owned(),
        "/desk/warnings".to_owned(),
        "/desk/matrix?org=T1".to_owned(),
    ] {
        let r = c.get(&p);
        assert_eq!(r.status, 200, "{p}");
        let t = r.text();
        assert!(!t.contains("<script>alert"), "{p}");
        assert!(!t.contains("<img src=x"), "{p}");
        assert!(!t.contains('\u{202e}') && !t.contains('\u{1b}'), "{p}");
    }
    assert!(
        c.get("/desk/queue")
            .text()
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
    );
    let _ = HOSTILE_NAME;
}

#[test]
fn the_package_holds_the_exact_bytes_and_an_index() {
    let Some(w) = world(Engine::Sqlite, 40) else {
        return;
    };
    let mut c = signed_in(&w, "xian1");
    let month = "2026-03";
    let r = c.get(&format!("/desk/export/package.zip?org=X1&month={month}"));
    assert_eq!(r.status, 200);
    assert_eq!(r.content_type, "application/zip");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.body)).expect("a zip");
    let want: Vec<_> = w
        .own
        .iter()
        .chain([&w.hostile])
        .filter(|(m, _)| m.started_at.format("%Y-%m").to_string() == month)
        .collect();
    assert!(!want.is_empty());
    assert_eq!(zip.len(), want.len() + 1);
    for (m, bytes) in &want {
        let id8 = &m.id.to_string()[..8];
        let name = (0..zip.len())
            .map(|i| {
                zip.by_index(i)
                    .expect("entry")
                    .name()
                    .expect("a name")
                    .into_owned()
            })
            .find(|n| n.ends_with(&format!("_{id8}.json")))
            .expect("the file is in the package");
        let mut got = Vec::new();
        zip.by_name(&name)
            .expect("entry")
            .read_to_end(&mut got)
            .expect("read");
        assert_eq!(&got, bytes, "{name}");
    }
    let mut index = Vec::new();
    zip.by_name("index.xlsx")
        .expect("index")
        .read_to_end(&mut index)
        .expect("read");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(index)).expect("xlsx");
    let range = book.worksheet_range("索引").expect("the index sheet");
    assert_eq!(range.rows().count(), want.len() + 1);

    let r = c.get("/desk/export/ledger.xlsx?org=X1&from=2025-07&to=2026-06");
    assert_eq!(r.status, 200);
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(r.body)).expect("xlsx");
    let range = book.worksheet_range("会议台账").expect("the ledger");
    assert_eq!(range.rows().count(), w.own.len() + 2);
    // The other county's package is 404 to this reviewer.
    assert_eq!(
        c.get("/desk/export/package.zip?org=X2&month=2026-03")
            .status,
        404
    );
}

#[test]
fn absence_warnings_are_the_figures_of_branchday_stats() {
    let Some(w) = world(Engine::Sqlite, 300) else {
        return;
    };
    let facts: Vec<Facts> = w
        .own
        .iter()
        .chain([&w.hostile])
        .enumerate()
        .map(|(i, (m, _))| Facts::of(format!("{i}.json").into(), m, m.integrity.digest.clone()))
        .collect();
    let report = stats::compute(&facts, Period::default());
    let from = branchday::stats::YearMonth::parse("2025-07").expect("month");
    let to = branchday::stats::YearMonth::parse("2026-06").expect("month");
    let got =
        w.s.rt
            .block_on(branchday_server::desk::warnings::absence_runs(
                &w.s.db, "/C1/X1/", from, to,
            ))
            .expect("runs");
    assert!(!report.absences.is_empty(), "the corpus has absence runs");
    let mut want: Vec<_> = report
        .absences
        .iter()
        .map(|r| {
            (
                r.branch.code.clone(),
                r.member_id.clone(),
                r.months.iter().map(ToString::to_string).collect::<Vec<_>>(),
                r.level.key(),
                r.ongoing,
            )
        })
        .collect();
    let mut have: Vec<_> = got
        .iter()
        .map(|r| {
            (
                r.branch_code.clone(),
                r.member_id.clone(),
                r.months.clone(),
                r.level,
                r.ongoing,
            )
        })
        .collect();
    want.sort();
    have.sort();
    assert_eq!(have, want);
    let mut c = signed_in(&w, "xian1");
    let page = c.get("/desk/warnings?from=2025-07&to=2026-06").text();
    assert!(page.contains("id=\"absence\""), "{page}");
    assert!(page.contains("id=\"probation\""));
}

#[test]
fn the_matrix_rolls_up_and_drills_down() {
    let Some(w) = world(Engine::Sqlite, 80) else {
        return;
    };
    let mut c = signed_in(&w, "xian1");
    let county = c.get("/desk/matrix?from=2026-01&to=2026-06").text();
    // County level: one row per township, linking down.
    assert!(county.contains("/desk/matrix?org=T1"), "{county}");
    let town = c.get("/desk/matrix?org=T1&from=2026-01&to=2026-06").text();
    // Township level: one row per branch, linking to its queue, with marks per kind.
    let branch = &w.own[0].0.branch.code;
    assert!(
        town.contains(&format!("/desk/queue?org={branch}")),
        "{town}"
    );
    assert!(town.contains("主✓") || town.contains("主✗"), "{town}");
    let mut admin_view = signed_in(&w, "xian2");
    assert!(
        !admin_view
            .get("/desk/matrix?from=2026-01&to=2026-06")
            .text()
            .contains("/desk/matrix?org=T1")
    );
}

/// The matrix's fold (one mask per branch and required kind, and the returned files per month)
/// is what the stored files say: every kept file sets its kind's bit in its month, on both engines.
fn held_is_what_the_files_say(engine: Engine) {
    use branchday::stats::YearMonth;
    let Some(w) = world(engine, 120) else {
        return;
    };
    let cadence = branchday::stats::due::default_cadence();
    let first = YearMonth::parse("2025-10").expect("month");
    let last = YearMonth::parse("2026-05").expect("month");
    let got =
        w.s.rt
            .block_on(branchday_server::desk::matrix::held(
                &w.s.db, &cadence, "/C1/X1/", first, last,
            ))
            .expect("held");
    assert_eq!(got.first, first);
    let superseded: std::collections::HashSet<_> = w
        .own
        .iter()
        .chain([&w.hostile])
        .filter_map(|(m, _)| m.supersedes.filter(|s| *s != m.id))
        .collect();
    let mut want: std::collections::BTreeMap<String, Vec<u64>> = std::collections::BTreeMap::new();
    for (m, _) in w.own.iter().chain([&w.hostile]) {
        if superseded.contains(&m.id) {
            continue;
        }
        let month = YearMonth::parse(&m.started_at.format("%Y-%m").to_string()).expect("month");
        let i =
            (month.year - first.year) * 12 + month.month.cast_signed() - first.month.cast_signed();
        if month < first || month > last {
            continue;
        }
        let masks = want
            .entry(m.branch.code.clone())
            .or_insert_with(|| vec![0; cadence.len()]);
        for (k, r) in cadence.iter().enumerate() {
            if r.kind == m.kind {
                masks[k] |= 1 << i;
            }
        }
    }
    assert!(want.values().any(|m| m.iter().any(|b| *b != 0)));
    let have: std::collections::BTreeMap<String, Vec<u64>> = got
        .branches
        .iter()
        .filter(|(_, h)| h.kinds.iter().any(|b| *b != 0))
        .map(|(b, h)| (b.clone(), h.kinds.clone()))
        .collect();
    assert_eq!(have, want);
    // Each branch's attendance over the period (the low-attendance warning and the chart): the
    // counted lines of its kept files and those present or late.
    let rates = |db| {
        let mut r: Vec<(String, i64, i64)> =
            w.s.rt
                .block_on(branchday_server::desk::warnings::rates(
                    db, "/C1/X1/", first, last,
                ))
                .expect("rates")
                .into_iter()
                .map(|r| (r.code, r.expected, r.attended))
                .collect();
        r.sort();
        r
    };
    let mut lines: std::collections::BTreeMap<String, (i64, i64)> =
        std::collections::BTreeMap::new();
    for (m, _) in w.own.iter().chain([&w.hostile]) {
        let month = YearMonth::parse(&m.started_at.format("%Y-%m").to_string()).expect("month");
        if superseded.contains(&m.id) || month < first || month > last {
            continue;
        }
        let e = lines.entry(m.branch.code.clone()).or_default();
        for a in m.attendance.iter().filter(|a| a.counted) {
            e.0 += 1;
            e.1 += i64::from(a.status.attended());
        }
    }
    let from_files: Vec<(String, i64, i64)> = lines
        .into_iter()
        .filter(|(_, (e, _))| *e > 0)
        .map(|(b, (e, a))| (b, e, a))
        .collect();
    assert!(!from_files.is_empty());
    assert_eq!(rates(&w.s.db), from_files);
    // The same after every sum is rebuilt from the stored rows (as when a store is opened with
    // sums to fill).
    w.s.rt
        .block_on(branchday_server::summary::rebuild(&w.s.db))
        .expect("rebuild");
    assert_eq!(rates(&w.s.db), from_files);
    let rebuilt =
        w.s.rt
            .block_on(branchday_server::desk::matrix::held(
                &w.s.db, &cadence, "/C1/X1/", first, last,
            ))
            .expect("held");
    let again: std::collections::BTreeMap<String, Vec<u64>> = rebuilt
        .branches
        .iter()
        .filter(|(_, h)| h.kinds.iter().any(|b| *b != 0))
        .map(|(b, h)| (b.clone(), h.kinds.clone()))
        .collect();
    assert_eq!(again, want);
    assert!(
        got.branches
            .values()
            .all(|h| h.returned.len() == 8 && h.returned.iter().all(|n| *n == 0)),
        "nothing returned yet"
    );
    // Returned files are counted per month (set in the sums directly: the fold is under test).
    let (branch, _) = want.iter().next().expect("a branch");
    w.s.rt
        .block_on(
            sqlx::query(
                "UPDATE sum_branch_month SET returned = 2 WHERE branch = $1 AND month = '2026-02'",
            )
            .bind(branch)
            .execute(&w.s.db.pool),
        )
        .expect("update");
    let got =
        w.s.rt
            .block_on(branchday_server::desk::matrix::held(
                &w.s.db, &cadence, "/C1/X1/", first, last,
            ))
            .expect("held");
    let mut returned = vec![0; 8];
    returned[4] = 2;
    assert_eq!(got.branches[branch].returned, returned);
}

#[test]
fn held_is_what_the_files_say_on_sqlite() {
    held_is_what_the_files_say(Engine::Sqlite);
}

#[test]
fn held_is_what_the_files_say_on_postgres() {
    held_is_what_the_files_say(Engine::Postgres);
}

/// The file ids a queue page lists, in order, and its "previous" and "next" links.
fn queue_page(c: &mut Client, path: &str) -> (Vec<String>, Option<String>, Option<String>) {
    let r = c.get(path);
    assert_eq!(r.status, 200, "{path}");
    let text = r.text();
    let ids = text
        .match_indices("<a href=\"/desk/files/")
        .map(|(i, m)| text[i + m.len()..i + m.len() + 36].to_owned())
        .collect();
    let link = |rel: &str| {
        let end = text.find(&format!("\" rel=\"{rel}\""))?;
        let start = text[..end].rfind("href=\"")? + 6;
        Some(text[start..end].replace("&amp;", "&"))
    };
    (ids, link("prev"), link("next"))
}

fn queue_pages_by_key(engine: Engine) {
    let Some(w) = world(engine, 120) else {
        return;
    };
    // County X1 holds the corpus's files and the hostile one.
    let n = w.own.len() + 1;
    assert!(n > 100 && n <= 150, "{n}");
    let mut c = signed_in(&w, "xian1");
    let first = c.get("/desk/queue?review=all").text();
    assert!(first.contains(&format!("共 {n} 份文件。")), "{first}");
    assert!(first.contains("第 1 / 3 页"), "{first}");
    let (p1, prev, next) = queue_page(&mut c, "/desk/queue?review=all");
    assert_eq!((p1.len(), prev), (50, None));
    let next = next.expect("a next page");
    assert!(next.contains("after="), "{next}");
    let (p2, prev2, next2) = queue_page(&mut c, &next);
    assert_eq!(p2.len(), 50);
    // The same files as page 2 by offset, in the same order.
    assert_eq!(queue_page(&mut c, "/desk/queue?review=all&page=2").0, p2);
    // Back from page 2: page 1 again.
    let back = queue_page(&mut c, &prev2.expect("a previous page"));
    assert_eq!(back.0, p1);
    assert!(back.1.is_none());
    let (p3, _, next3) = queue_page(&mut c, &next2.expect("a third page"));
    assert_eq!(p3.len(), n - 100);
    assert!(next3.is_none());
    let mut all: Vec<String> = p1.into_iter().chain(p2).chain(p3).collect();
    all.sort();
    all.dedup();
    let mut want: Vec<String> = w
        .own
        .iter()
        .chain([&w.hostile])
        .map(|(m, _)| m.id.to_string())
        .collect();
    want.sort();
    assert_eq!(all, want);
    // A key from elsewhere still only lists the reviewer's own files.
    let other = w.other.0.id.to_string();
    let (p, _, _) = queue_page(
        &mut c,
        &format!("/desk/queue?review=all&after=9999-12-31T00:00:00.000Z,{other}"),
    );
    assert_eq!(p.len(), 50);
    assert!(!p.contains(&other));
}

#[test]
fn the_queue_pages_by_key_on_sqlite() {
    queue_pages_by_key(Engine::Sqlite);
}

#[test]
fn the_queue_pages_by_key_on_postgres() {
    queue_pages_by_key(Engine::Postgres);
}
