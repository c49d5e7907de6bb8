//! Where the server keeps its store: the data directory and the database URL.

use std::path::{Path, PathBuf};

/// Environment variable overriding the data directory.
pub const DATA_DIR_ENV: &str = "BRANCHDAY_SERVER_DATA_DIR";
/// Environment variable naming the database (`sqlite://…` or `postgres://…`).
pub const DATABASE_ENV: &str = "BRANCHDAY_SERVER_DATABASE";
/// The SQLite file in the data directory.
pub const SQLITE_FILE: &str = "server.db";

/// The data directory: `--data-dir`, else the environment, else the platform's place for
/// `branchday-server` (e.g. `~/.local/share/branchday-server`).
pub fn data_dir(flag: Option<PathBuf>) -> anyhow::Result<PathBuf> {
    if let Some(d) = flag.or_else(|| std::env::var_os(DATA_DIR_ENV).map(PathBuf::from)) {
        return std::path::absolute(&d)
            .map_err(|e| anyhow::anyhow!("{}: not a usable data directory ({e})", d.display()));
    }
    directories::ProjectDirs::from("", "", "branchday-server")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "no home directory to keep the store in: pass --data-dir DIR or set {DATA_DIR_ENV}"
            )
        })
}

/// The SQLite URL of the store in `dir` (created when missing).
pub fn sqlite_url(dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", dir.join(SQLITE_FILE).display())
}

/// The database to use: `--database`, else the environment, else SQLite in the data directory.
pub fn database_url(flag: Option<String>, dir: &Path) -> String {
    flag.or_else(|| std::env::var(DATABASE_ENV).ok())
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| sqlite_url(dir))
}

/// The URL as it may be shown: any password replaced.
pub fn shown_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user_info, host)) if !user_info.contains('/') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}")
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_never_shown() {
        assert_eq!(
            shown_url("postgres://u:secret@db:5432/x"),
            "postgres://u:***@db:5432/x"
        );
        assert_eq!(
            shown_url("postgres:///ci?host=/tmp/x&user=postgres"),
            "postgres:///ci?host=/tmp/x&user=postgres"
        );
        assert_eq!(
            sqlite_url(Path::new("/srv/bd")),
            "sqlite:///srv/bd/server.db?mode=rwc"
        );
    }
}
