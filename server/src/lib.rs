//! `branchday-server`: the superior organisation's end of `branchday upload` (DESIGN.md §4, §8).
//!
//! It answers `PUT /minutes/{id}` exactly as the uploader expects, judges every file with the
//! library's own checks ([`branchday::minutes::check_bytes`] and the keyring), and keeps the exact
//! bytes with the fields the desk and statistics need in SQLite (the embedded default) or
//! PostgreSQL, through one code path (`sqlx::Any`) and one set of migrations.

pub mod absence;
pub mod config;
pub mod db;
pub mod desk;
pub mod files;
pub mod http;
pub mod keyring;
pub mod org;
pub mod record;
pub mod settle;
pub mod stats;
pub mod store;
pub mod summary;
pub mod tokens;

use std::sync::Arc;
use std::time::Duration;

/// The most a request's head (request line and headers) may hold; more is refused (431).
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// How long requests under way may take to finish once shutdown begins.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(30);

/// Serve the protocol on `listener` until `shutdown` completes; requests under way finish.
/// Meanwhile the settler adds the stored files to the sums ([`settle::settler`]).
///
/// Each connection is its own task, so a slow client holds up nobody else: its request head must
/// arrive within the app's `header_timeout` (else the connection is closed) and its body within
/// `body_timeout` (else 408).
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<http::App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let header_timeout = app.header_timeout;
    let settler = tokio::spawn(settle::settler(app.db.clone()));
    let router = http::router(app);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(e) => {
                        // Out of file descriptors and the like: wait a moment rather than spin.
                        eprintln!("branchday-server: cannot accept a connection: {e}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let service = hyper_util::service::TowerToHyperService::new(router.clone());
                let mut builder = hyper::server::conn::http1::Builder::new();
                builder
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(header_timeout)
                    .max_buf_size(MAX_HEAD_BYTES);
                let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
    settler.abort();
    Ok(())
}
