//! A loopback server for the upload benchmark (`benches/upload_vs_curl.sh`): the same server the
//! tests use (`tests/support/server.rs`), without faults. Prints its URL, serves on 127.0.0.1 and
//! stops by itself after `--seconds N` (default 600).
//!
//! `cargo run --release --example loopback_server -- [--port P] [--seconds N]`

#![allow(dead_code)]

#[path = "../tests/support/server.rs"]
mod server;

use std::io::Write;
use std::time::Duration;

fn main() {
    let mut port = 0u16;
    let mut seconds = 600u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().and_then(|v| v.parse().ok());
        match (a.as_str(), value) {
            ("--port", Some(v)) => port = u16::try_from(v).unwrap_or(0),
            ("--seconds", Some(v)) => seconds = v,
            _ => {
                eprintln!("usage: loopback_server [--port P] [--seconds N]");
                std::process::exit(2);
            }
        }
    }
    let server = server::Server::start_on(port);
    println!("{}", server.url());
    let _ = std::io::stdout().flush();
    std::thread::sleep(Duration::from_secs(seconds));
    let st = server.state();
    eprintln!(
        "loopback_server: {} requests, {} ids stored, {} connections",
        st.seen.len(),
        st.stored.len(),
        st.connections
    );
}
