//! The connection pool and the embedded migrations, for SQLite and PostgreSQL alike.

use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::{AnyPool, any::AnyPoolOptions};

/// The migrations in `server/migrations`, compiled into the binary.
pub static MIGRATOR: Migrator = sqlx::migrate!();

/// Which engine a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of(url: &str) -> Option<Engine> {
        let lower = url.to_ascii_lowercase();
        if lower.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if lower.starts_with("postgres:") || lower.starts_with("postgresql:") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }
}

/// An open store.
#[derive(Clone, Debug)]
pub struct Db {
    pub pool: AnyPool,
    pub engine: Engine,
    /// SQLite takes one writer at a time; writers queue here rather than in SQLite's busy
    /// handler, which sleeps in steps of up to 100 ms.
    writer: std::sync::Arc<tokio::sync::Mutex<()>>,
    /// Told after each stored file, so the settler adds it to the sums soon
    /// ([`crate::settle::settler`]).
    pub stored: std::sync::Arc<tokio::sync::Notify>,
}

impl Db {
    /// Wait for the right to write (immediate on PostgreSQL, which locks rows itself).
    pub async fn write_turn(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match self.engine {
            Engine::Sqlite => Some(self.writer.lock().await),
            Engine::Postgres => None,
        }
    }
}

/// Open the database at `url` and bring its schema up to date.
pub async fn open(url: &str) -> anyhow::Result<Db> {
    let shown = crate::config::shown_url(url);
    let engine = Engine::of(url).ok_or_else(|| {
        anyhow::anyhow!(
            "{shown}: not a database URL this server knows; use sqlite://PATH or postgres://…"
        )
    })?;
    sqlx::any::install_default_drivers();
    let options = AnyPoolOptions::new().acquire_timeout(Duration::from_secs(10));
    let options = match engine {
        // One writer at a time is SQLite's nature; WAL lets readers go on meanwhile, the busy
        // timeout makes writers queue rather than fail, and FULL makes each commit durable.
        Engine::Sqlite => options.max_connections(4).after_connect(|conn, _| {
            Box::pin(async move {
                for pragma in [
                    "PRAGMA journal_mode = WAL",
                    "PRAGMA synchronous = FULL",
                    "PRAGMA busy_timeout = 10000",
                ] {
                    sqlx::query(pragma).execute(&mut *conn).await?;
                }
                Ok(())
            })
        }),
        // Every statement is small or planned over the sums; compiling it (JIT) took longer
        // than running it (seen: 260 ms to compile a 30 ms batch of sums).
        Engine::Postgres => options.max_connections(16).after_connect(|conn, _| {
            Box::pin(async move {
                sqlx::query("SET jit = off").execute(&mut *conn).await?;
                sqlx::query("SET default_toast_compression = 'lz4'")
                    .execute(&mut *conn)
                    .await?;
                Ok(())
            })
        }),
    };
    let pool = options
        .connect(url)
        .await
        .map_err(|e| anyhow::anyhow!("{shown}: cannot open the database: {e}"))?;
    MIGRATOR
        .run(&pool)
        .await
        .map_err(|e| anyhow::anyhow!("{shown}: cannot bring the schema up to date: {e}"))?;
    let db = Db {
        pool,
        engine,
        writer: std::sync::Arc::default(),
        stored: std::sync::Arc::default(),
    };
    let filled = crate::store::fill_approved_leave(&db)
        .await
        .map_err(|e| anyhow::anyhow!("{shown}: cannot bring the stored rows up to date: {e}"))?;
    if filled > 0 {
        // The absence sums count approved leave: sum again with what was filled in.
        crate::summary::mark_pending(&db)
            .await
            .map_err(|e| anyhow::anyhow!("{shown}: cannot bring the sums up to date: {e}"))?;
    }
    crate::summary::fill_if_needed(&db)
        .await
        .map_err(|e| anyhow::anyhow!("{shown}: cannot bring the sums up to date: {e}"))?;
    Ok(db)
}

/// Now, as stored: RFC 3339 in UTC to the millisecond (so the text sorts as the time does).
pub fn now_text() -> String {
    branchday::clock::now()
        .to_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
