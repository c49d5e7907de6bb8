//! Every status of the upload protocol, on SQLite and (with `DATABASE_URL`) on PostgreSQL.

mod support;

use support::{Engine, Running, Setup, corpus, get, put};

fn with_engine(engine: Engine, test: impl FnOnce(Engine)) {
    if engine == Engine::Postgres && support::postgres_url("protocol").is_none() {
        return;
    }
    test(engine);
}

/// A file of the same id with different (valid) content.
fn changed(m: &branchday::minutes::Minutes) -> Vec<u8> {
    let mut m2 = m.clone();
    m2.title.push_str("（改）");
    branchday::minutes::to_bytes(&m2).expect("seal").0
}

fn statuses(engine: Engine) {
    let files = corpus(60, 7);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    assert!(branches.len() >= 2, "the corpus spans branches");
    let s = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            ..Setup::default()
        },
    )
    .expect("the engine is available");
    let token_of = |code: &str| {
        let i = branches
            .iter()
            .position(|(c, _)| c == code)
            .expect("known branch");
        s.tokens[i].clone()
    };
    let (m, bytes) = &files[0];
    let id = m.id.to_string();
    let own = token_of(&m.branch.code);
    let other = branches
        .iter()
        .position(|(c, _)| *c != m.branch.code)
        .map(|i| s.tokens[i].clone())
        .expect("another branch");

    // 401: no token, an unknown one.
    let r = put(&s.url, &id, bytes, None, None);
    assert_eq!(r.status, 401, "{r:?}");
    assert!(r.error().contains("token"), "{}", r.error());
    let r = put(&s.url, &id, bytes, Some("bdt_not-a-real-token"), None);
    assert_eq!(r.status, 401);
    assert!(r.error().contains("unknown"), "{}", r.error());
    // 400: digest missing or not the body's.
    let r = put(&s.url, &id, bytes, Some(&own), Some(""));
    assert_eq!(r.status, 400);
    assert!(r.error().contains("Content-Digest"), "{}", r.error());
    let wrong = branchday_server::http::content_digest(b"something else");
    let r = put(&s.url, &id, bytes, Some(&own), Some(&wrong));
    assert_eq!(r.status, 400);
    assert!(r.error().contains("does not match"), "{}", r.error());
    // 403: another branch's token.
    let r = put(&s.url, &id, bytes, Some(&other), None);
    assert_eq!(r.status, 403, "{r:?}");
    assert!(r.error().contains(&m.branch.code), "{}", r.error());
    // 422: the path names another id.
    let r = put(&s.url, &files[1].0.id.to_string(), bytes, Some(&own), None);
    assert_eq!(r.status, 422);
    assert!(r.error().contains(&id), "{}", r.error());
    // 422: not minutes, with the library's findings.
    let r = put(
        &s.url,
        &id,
        b"{\"format\": \"branchday.minutes\", ",
        Some(&own),
        None,
    );
    assert_eq!(r.status, 422);
    let findings = r.json()["findings"].as_array().cloned().unwrap_or_default();
    assert!(!findings.is_empty(), "{r:?}");
    assert!(
        findings
            .iter()
            .all(|f| f["code"].is_string() && f["message"].is_string())
    );
    let mut tampered = String::from_utf8(bytes.clone()).expect("utf-8");
    tampered = tampered.replacen(&m.place, "别处", 1);
    let r = put(&s.url, &id, tampered.as_bytes(), Some(&own), None);
    assert_eq!(r.status, 422, "a changed file fails its digest");
    assert!(
        r.json()["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["severity"] == "error")),
        "{r:?}"
    );
    // 413: over 16 MiB.
    let huge = vec![b' '; 16 * 1024 * 1024 + 1];
    let r = put(&s.url, &id, &huge, Some(&own), None);
    assert_eq!(r.status, 413);
    assert!(r.error().contains("16 MiB"), "{}", r.error());
    assert_eq!(s.stored_count(), 0, "nothing refused was stored");

    // 201, then 204 for the same bytes, 409 for different content.
    let r = put(&s.url, &id, bytes, Some(&own), None);
    assert_eq!(r.status, 201, "{r:?}");
    assert_eq!(
        s.stored_body(&id).as_deref().map(str::as_bytes),
        Some(&bytes[..])
    );
    let r = put(&s.url, &id, bytes, Some(&own), None);
    assert_eq!(r.status, 204);
    let r = put(&s.url, &id, &changed(m), Some(&own), None);
    assert_eq!(r.status, 409);
    assert!(
        r.error().contains("nothing was overwritten"),
        "{}",
        r.error()
    );
    assert_eq!(
        s.stored_body(&id).as_deref().map(str::as_bytes),
        Some(&bytes[..])
    );
    assert_eq!(s.stored_count(), 1);

    // GET and HEAD to the branch's own token; 404 to another branch and for an unknown id.
    let r = get(&s.url, &id, Some(&own), false);
    assert_eq!(r.status, 200);
    assert_eq!(&r.body, bytes, "byte-identical");
    assert_eq!(
        r.digest.as_deref(),
        Some(branchday_server::http::content_digest(bytes).as_str())
    );
    let r = get(&s.url, &id, Some(&own), true);
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
    assert!(r.digest.is_some());
    let r = get(&s.url, &id, Some(&other), false);
    assert_eq!(r.status, 404);
    assert!(!r.error().is_empty());
    let r = get(&s.url, &files[1].0.id.to_string(), Some(&own), false);
    assert_eq!(r.status, 404);
    let r = get(&s.url, &id, None, false);
    assert_eq!(r.status, 401);

    // Every file of the corpus goes in with its branch's token; the listing shows them.
    for (m, bytes) in &files[1..] {
        let r = put(
            &s.url,
            &m.id.to_string(),
            bytes,
            Some(&token_of(&m.branch.code)),
            None,
        );
        assert_eq!(r.status, 201, "{r:?}");
    }
    let listed =
        s.rt.block_on(branchday_server::files::list(&s.db, Some(&m.branch.code)))
            .expect("list");
    let expected = files
        .iter()
        .filter(|(f, _)| f.branch.code == m.branch.code)
        .count();
    assert_eq!(listed.len(), expected);
    assert!(
        listed
            .iter()
            .all(|f| f.branch == m.branch.code && f.version == 2)
    );
    let all =
        s.rt.block_on(branchday_server::files::list(&s.db, None))
            .expect("list");
    assert_eq!(all.len(), files.len());

    // The indexed rows say what the files say.
    let (attendance, items): (i64, i64) = s.rt.block_on(async {
        use sqlx::Row;
        let a = sqlx::query("SELECT COUNT(*) FROM file_attendance")
            .fetch_one(&s.db.pool)
            .await
            .expect("count")
            .try_get(0)
            .expect("count");
        let i = sqlx::query("SELECT COUNT(*) FROM file_items")
            .fetch_one(&s.db.pool)
            .await
            .expect("count")
            .try_get(0)
            .expect("count");
        (a, i)
    });
    let want_a: usize = files.iter().map(|(m, _)| m.attendance.len()).sum();
    let want_i: usize = files.iter().map(|(m, _)| m.items.len()).sum();
    assert_eq!(attendance as usize, want_a);
    assert_eq!(items as usize, want_i);

    // A revoked token is refused.
    let listed =
        s.rt.block_on(branchday_server::tokens::list(&s.db))
            .expect("tokens");
    let first = listed
        .iter()
        .find(|t| t.branch == m.branch.code)
        .expect("the branch's token");
    s.rt.block_on(branchday_server::tokens::revoke(&s.db, &first.id))
        .expect("revoke");
    let r = put(&s.url, &id, bytes, Some(&own), None);
    assert_eq!(r.status, 401);
}

#[test]
fn every_status_on_sqlite() {
    with_engine(Engine::Sqlite, statuses);
}

#[test]
fn every_status_on_postgres() {
    with_engine(Engine::Postgres, statuses);
}

fn signatures(engine: Engine) {
    let files = corpus(3, 11);
    let branches = support::branches_of(files.iter().map(|(m, _)| m));
    let keys = tempfile::tempdir().expect("dir");
    let key = branchday::keys::branch_key(keys.path()).expect("a key");
    let stranger = branchday::keys::branch_key(&keys.path().join("other")).expect("a key");
    let code = &files[0].0.branch.code;
    let line = branchday::keys::allowed_signers_line(code, key.public_key()).expect("line");
    let s = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            keyring: Some(&line),
            require_signature: true,
            ..Setup::default()
        },
    )
    .expect("engine");
    let token = &s.tokens[branches
        .iter()
        .position(|(c, _)| c == code)
        .expect("branch")];
    let same_branch: Vec<_> = files
        .iter()
        .filter(|(m, _)| m.branch.code == *code)
        .collect();
    let (m, unsigned) = same_branch[0];
    let id = m.id.to_string();
    let r = put(&s.url, &id, unsigned, Some(token), None);
    assert_eq!(r.status, 422, "{r:?}");
    assert!(r.error().contains("not signed"), "{}", r.error());
    let (by_stranger, _) = branchday::minutes::build::to_signed_bytes(m, &stranger).expect("sign");
    let r = put(&s.url, &id, &by_stranger, Some(token), None);
    assert_eq!(r.status, 422, "{r:?}");
    assert!(r.error().contains("does not list"), "{}", r.error());
    let (signed, _) = branchday::minutes::build::to_signed_bytes(m, &key).expect("sign");
    let r = put(&s.url, &id, &signed, Some(token), None);
    assert_eq!(r.status, 201, "{r:?}");
    let listed =
        s.rt.block_on(branchday_server::files::list(&s.db, None))
            .expect("list");
    assert!(listed[0].trusted);
    assert_eq!(
        listed[0].signer.as_deref(),
        key.public_key().to_openssh().ok().as_deref()
    );
}

#[test]
fn require_signature_on_sqlite() {
    with_engine(Engine::Sqlite, signatures);
}

#[test]
fn require_signature_on_postgres() {
    with_engine(Engine::Postgres, signatures);
}
