//! `branchday-server`: the superior organisation's end of `branchday upload` (DESIGN.md §4, §8).
//!
//! It answers `PUT /minutes/{id}` exactly as the uploader expects, judges every file with the
//! library's own checks ([`branchday::minutes::check_bytes`] and the keyring), and keeps the exact
//! bytes with the fields the desk and statistics need in SQLite (the embedded default) or
//! PostgreSQL, through one code path (`sqlx::Any`) and one set of migrations.

pub mod config;
pub mod db;
pub mod files;
pub mod http;
pub mod keyring;
pub mod org;
pub mod record;
pub mod store;
pub mod tokens;

use std::sync::Arc;

/// Serve the protocol on `listener` until `shutdown` completes; requests under way finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<http::App>,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, http::router(app))
        .with_graceful_shutdown(shutdown)
        .await
}
