//! The desk in a real browser (Chromium through chromedriver, `WebDriver` via fantoccini): sign in,
//! open the matrix, open a file, return it with a comment, sign out, and find that the other
//! county's reviewer gets 404 for it. A PNG of each page is written under the target folder's
//! `desk-screens/`.
//!
//! Without `chromium` and `chromedriver` (Debian packages `chromium` and `chromium-driver`) the
//! test says SKIPPED loudly; under `CI=true` it fails.

mod support;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use support::Engine;
use support::desk::{PASSWORD, world};

fn tool(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|d| d.join(name))
            .find(|p| p.is_file())
    })
}

/// chromedriver on a free loopback port, stopped (by its own id) when dropped.
struct Driver {
    child: Child,
    port: u16,
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start_driver(path: &PathBuf) -> Driver {
    let port = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(path)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    Driver { child, port }
}

fn screens_dir() -> PathBuf {
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp
        .parent()
        .map_or_else(|| tmp.join("desk-screens"), |t| t.join("desk-screens"));
    std::fs::create_dir_all(&dir).expect("the screenshots folder");
    dir
}

#[test]
fn a_reviewer_returns_a_file_in_chromium() {
    let (Some(chromium), Some(chromedriver)) = (tool("chromium"), tool("chromedriver")) else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "chromium and chromedriver are needed under CI=true: apt-get install chromium chromium-driver"
        );
        eprintln!(
            "SKIPPED: the desk's browser test needs chromium and chromedriver (Debian packages chromium and chromium-driver)"
        );
        return;
    };
    let Some(w) = world(Engine::Sqlite, 150) else {
        return;
    };
    let driver = start_driver(&chromedriver);
    let profile = tempfile::tempdir().expect("a profile folder");
    let screens = screens_dir();
    let base = w.s.url.clone();
    let other_county_file = w.own[0].0.id.to_string();
    w.s.rt.block_on(async {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".to_owned(),
            serde_json::json!({
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--lang=zh-CN",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }),
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        let c = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", driver.port))
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => panic!("chromedriver did not answer: {e}"),
            }
        };
        let shot = |name: &'static str| {
            let c = c.clone();
            let path = screens.join(name);
            async move {
                let png = c.screenshot().await.expect("a screenshot");
                assert!(png.starts_with(b"\x89PNG"), "{name}");
                std::fs::write(&path, png).expect("write the screenshot");
            }
        };

        // The desk in Chinese (remembered in a cookie); an anonymous visit lands on the
        // sign-in page.
        c.goto(&format!("{base}/desk/login?lang=zh")).await.expect("goto");
        c.goto(&format!("{base}/desk/matrix")).await.expect("goto");
        let url = c.current_url().await.expect("url");
        assert!(url.path().ends_with("/desk/login"), "{url}");
        shot("01-login.png").await;
        c.find(Locator::Id("name"))
            .await
            .expect("name field")
            .send_keys("xian1")
            .await
            .expect("type");
        c.find(Locator::Id("password"))
            .await
            .expect("password field")
            .send_keys(PASSWORD)
            .await
            .expect("type");
        c.find(Locator::Id("sign-in"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");

        // The matrix of the county, then of its township.
        c.wait()
            .for_element(Locator::Id("matrix"))
            .await
            .expect("the matrix");
        assert!(c.source().await.expect("source").contains("某镇"));
        // The corpus's year.
        c.goto(&format!("{base}/desk/matrix?from=2025-07&to=2026-06"))
            .await
            .expect("goto");
        shot("02-matrix-county.png").await;
        c.find(Locator::LinkText("某镇"))
            .await
            .expect("the township's row")
            .click()
            .await
            .expect("click");
        c.wait()
            .for_element(Locator::Css("#matrix td"))
            .await
            .expect("the township matrix");
        assert!(c.current_url().await.expect("url").as_str().contains("org=T1"));
        shot("03-matrix-township.png").await;

        // The queue, then a file.
        c.goto(&format!("{base}/desk/queue")).await.expect("goto");
        shot("04-queue.png").await;
        c.find(Locator::Css("#queue tbody a"))
            .await
            .expect("a file in the queue")
            .click()
            .await
            .expect("click");
        c.wait()
            .for_element(Locator::Id("findings"))
            .await
            .expect("the file page");
        let file_url = c.current_url().await.expect("url").to_string();
        shot("05-file.png").await;

        // Return it with a comment.
        c.find(Locator::Id("comment"))
            .await
            .expect("comment box")
            .send_keys("请补充记录人签名和会议地点。")
            .await
            .expect("type");
        c.find(Locator::Id("return"))
            .await
            .expect("return button")
            .click()
            .await
            .expect("click");
        let reviews = c
            .wait()
            .for_element(Locator::Id("reviews"))
            .await
            .expect("the review is listed");
        let text = reviews.text().await.expect("text");
        assert!(
            text.contains("请补充记录人签名和会议地点。") && text.contains("已退回"),
            "{text}"
        );
        shot("06-file-returned.png").await;

        c.goto(&format!("{base}/desk/warnings?from=2025-07&to=2026-06"))
            .await
            .expect("goto");
        shot("07-warnings.png").await;
        c.goto(&format!("{base}/desk/charts?from=2025-07&to=2026-06"))
            .await
            .expect("goto");
        c.wait()
            .for_element(Locator::Id("chart-meetings"))
            .await
            .expect("charts");
        shot("08-charts.png").await;

        // Sign out: the desk asks for a sign-in again.
        c.find(Locator::Id("sign-out"))
            .await
            .expect("sign-out button")
            .click()
            .await
            .expect("click");
        c.wait()
            .for_element(Locator::Id("sign-in"))
            .await
            .expect("the sign-in page");
        c.goto(&format!("{base}/desk/matrix")).await.expect("goto");
        assert!(
            c.current_url()
                .await
                .expect("url")
                .path()
                .ends_with("/desk/login")
        );

        // The other county's reviewer: the same file is not there.
        c.find(Locator::Id("name"))
            .await
            .expect("name")
            .send_keys("xian2")
            .await
            .expect("type");
        c.find(Locator::Id("password"))
            .await
            .expect("password")
            .send_keys(PASSWORD)
            .await
            .expect("type");
        c.find(Locator::Id("sign-in"))
            .await
            .expect("button")
            .click()
            .await
            .expect("click");
        c.wait()
            .for_element(Locator::Id("matrix"))
            .await
            .expect("their matrix");
        c.goto(&file_url).await.expect("goto");
        let src = c.source().await.expect("source");
        assert!(src.contains("未找到"), "{src}");
        assert!(!src.contains("请补充记录人签名"), "{src}");
        shot("09-other-county-404.png").await;
        c.close().await.expect("close");
    });
    // The page the browser got was a 404 (checked over HTTP with the same account).
    let mut d = support::desk::Client::new(&w.s.url);
    assert_eq!(d.sign_in("xian2", PASSWORD).status, 303);
    assert_eq!(
        d.get(&format!("/desk/files/{other_county_file}")).status,
        404
    );
    drop(driver);
}
