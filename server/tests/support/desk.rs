//! A desk to test: a tree with two counties, files uploaded through the protocol (one of them
//! with hostile text), reviewer accounts, and a client that signs in and keeps its cookie.

use std::collections::HashMap;
use std::time::Duration;

use branchday::minutes::Minutes;
use branchday_server::desk::{Clock, users};
use branchday_server::org::{self, Unit};

use super::{Engine, Running, Setup, branches_of, corpus, put};

/// Where the desk's clock stands: after the corpus's last month (June 2026).
pub const NOW: &str = "2026-07-10T10:00:00+08:00";
pub const PASSWORD: &str = "审阅台-password-1";
/// HTML and terminal trouble in one name.
pub const HOSTILE_NAME: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)>\u{202e}\u{1b}[31m某村党支部";

pub struct World {
    pub s: Running,
    pub clock: Clock,
    /// Files of county X1 (ids), and their minutes and bytes.
    pub own: Vec<(Minutes, Vec<u8>)>,
    /// A file of the other county's branch B-X2.
    pub other: (Minutes, Vec<u8>),
    /// The file (of X1) whose branch name and a member's name are hostile.
    pub hostile: (Minutes, Vec<u8>),
    /// Token of each branch code.
    pub tokens: HashMap<String, String>,
}

fn unit(code: &str, name: &str, level: &'static str, parent: &str) -> Unit {
    Unit {
        code: code.to_owned(),
        name: name.to_owned(),
        level,
        parent: Some(parent.to_owned()),
    }
}

fn resealed(mut m: Minutes, change: impl FnOnce(&mut Minutes)) -> (Minutes, Vec<u8>) {
    change(&mut m);
    m.id = uuid::Uuid::now_v7();
    m.supersedes = None;
    let (bytes, _) = branchday::minutes::to_bytes(&m).expect("seal");
    let m = branchday::minutes::check_bytes(&bytes)
        .minutes
        .expect("still minutes");
    (m, bytes)
}

/// The world on `engine` with `n` corpus files in county X1.
pub fn world(engine: Engine, n: usize) -> Option<World> {
    let own = corpus(n, 14);
    let branches = branches_of(own.iter().map(|(m, _)| m));
    let clock = Clock::fixed(chrono::DateTime::parse_from_rfc3339(NOW).expect("time"));
    let s = Running::start(
        engine,
        &Setup {
            branches: branches.clone(),
            clock: Some(clock.clone()),
            ..Setup::default()
        },
    )?;
    let mut tokens: HashMap<String, String> = branches
        .iter()
        .map(|(c, _)| c.clone())
        .zip(s.tokens.iter().cloned())
        .collect();
    let other = resealed(own[0].0.clone(), |m| {
        "B-X2".clone_into(&mut m.branch.code);
        "另一县某村党支部".clone_into(&mut m.branch.name);
    });
    let hostile = resealed(own[1].0.clone(), |m| {
        HOSTILE_NAME.clone_into(&mut m.branch.name);
        if let Some(a) = m.attendance.first_mut() {
            HOSTILE_NAME.clone_into(&mut a.name);
        }
    });
    s.rt.block_on(async {
        org::import(
            &s.db,
            &[
                unit("X2", "另一县", org::COUNTY, "C1"),
                unit("T2", "另一镇", org::TOWNSHIP, "X2"),
                unit("B-X2", "另一县某村党支部", org::BRANCH, "T2"),
            ],
        )
        .await
        .expect("the second county");
        let t = branchday_server::tokens::add(&s.db, "B-X2")
            .await
            .expect("token");
        tokens.insert("B-X2".to_owned(), t.token);
        for (name, org) in [("xian1", "X1"), ("xian2", "X2"), ("zhen1", "T1")] {
            users::add(&s.db, name, org, PASSWORD, "2026-01-01T00:00:00.000Z")
                .await
                .expect("an account");
        }
    });
    for (m, bytes) in own.iter().chain([&other, &hostile]) {
        let r = put(
            &s.url,
            &m.id.to_string(),
            bytes,
            Some(&tokens[&m.branch.code]),
            None,
        );
        assert_eq!(r.status, 201, "{r:?}");
    }
    Some(World {
        s,
        clock,
        own,
        other,
        hostile,
        tokens,
    })
}

/// A response of the desk.
#[derive(Debug)]
pub struct Page {
    pub status: u16,
    pub location: Option<String>,
    pub content_type: String,
    pub set_cookies: Vec<String>,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
}

impl Page {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    /// The value of the hidden input `name` (the first one).
    pub fn hidden(&self, name: &str) -> Option<String> {
        let text = self.text();
        let at = text.find(&format!("name=\"{name}\" value=\""))?;
        let rest = &text[at + name.len() + 15..];
        Some(rest[..rest.find('"')?].to_owned())
    }
    /// The value the response sets cookie `name` to.
    pub fn cookie(&self, name: &str) -> Option<String> {
        self.set_cookies.iter().find_map(|c| {
            let (kv, _) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = kv.split_once('=')?;
            (k == name).then(|| v.to_owned())
        })
    }
}

/// A browser-like client: no redirects followed, one cookie jar.
pub struct Client {
    pub base: String,
    pub cookies: HashMap<String, String>,
    agent: ureq::Agent,
}

impl Client {
    pub fn new(base: &str) -> Client {
        Client {
            base: base.to_owned(),
            cookies: HashMap::new(),
            agent: ureq::Agent::new_with_config(
                ureq::Agent::config_builder()
                    .http_status_as_error(false)
                    .max_redirects(0)
                    .timeout_global(Some(Duration::from_mins(1)))
                    .build(),
            ),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn take(&mut self, r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Page {
        let mut r = r.expect("a response");
        let header = |n: &str| {
            r.headers()
                .get(n)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let location = header("location");
        let content_type = header("content-type").unwrap_or_default();
        let set_cookies: Vec<String> = r
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect();
        let headers = r
            .headers()
            .iter()
            .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
            .collect();
        let status = r.status().as_u16();
        let body = r
            .body_mut()
            .with_config()
            .limit(64 * 1024 * 1024)
            .read_to_vec()
            .unwrap_or_default();
        for c in &set_cookies {
            let kv = c.split(';').next().unwrap_or_default();
            if let Some((k, v)) = kv.split_once('=') {
                if v.is_empty() || c.contains("Max-Age=0") {
                    self.cookies.remove(k);
                } else {
                    self.cookies.insert(k.to_owned(), v.to_owned());
                }
            }
        }
        Page {
            status,
            location,
            content_type,
            set_cookies,
            headers,
            body,
        }
    }

    pub fn get(&mut self, path: &str) -> Page {
        self.get_with(path, &[])
    }

    pub fn get_with(&mut self, path: &str, headers: &[(&str, &str)]) -> Page {
        let mut req = self.agent.get(format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            req = req.header("Cookie", self.cookie_header());
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let r = req.call();
        self.take(r)
    }

    pub fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        let mut req = self.agent.post(format!("{}{path}", self.base));
        if !self.cookies.is_empty() {
            req = req.header("Cookie", self.cookie_header());
        }
        let r = req.send_form(form.iter().copied());
        self.take(r)
    }

    /// Sign in as `name` with `password`; the answer to the POST.
    pub fn sign_in(&mut self, name: &str, password: &str) -> Page {
        let form = self.get("/desk/login");
        assert_eq!(form.status, 200, "{}", form.text());
        let csrf = form.hidden("csrf").expect("the sign-in form's token");
        self.post(
            "/desk/login",
            &[
                ("csrf", &csrf),
                ("name", name),
                ("password", password),
                ("next", "/desk/matrix"),
            ],
        )
    }

    /// The form token of the signed-in session (from any page's sign-out form).
    pub fn csrf(&mut self) -> String {
        self.get("/desk/queue")
            .hidden("csrf")
            .expect("a page with the sign-out form")
    }
}
