//! `branchday-server`: init, serve, and the organiser's commands (organisation tree, tokens,
//! keyring, stored files).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use branchday::cli::{EXIT_INVALID, EXIT_USAGE};
use branchday_server::{config, db, files, http, keyring, org, stats, tokens};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "branchday-server",
    version,
    about = "Receives, checks and stores branchday minutes uploads"
)]
struct Cli {
    /// Where the store lives (default: the platform's data directory for branchday-server).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// The database, as a sqlite or postgres URL (default: SQLite in the data directory).
    #[arg(long, global = true, value_name = "URL")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the store (or bring its schema up to date) and say where it is.
    Init,
    /// Answer uploads.
    Serve {
        /// Address to listen on, e.g. 127.0.0.1:8787.
        #[arg(long, value_name = "ADDR")]
        listen: SocketAddr,
        /// Refuse files that are unsigned or not signed by a key the keyring lists for their branch.
        #[arg(long)]
        require_signature: bool,
        /// Seconds a request body may take to arrive.
        #[arg(long, value_name = "SECONDS", default_value_t = 60)]
        body_timeout: u64,
        /// Seconds a request's headers may take to arrive.
        #[arg(long, value_name = "SECONDS", default_value_t = 10)]
        header_timeout: u64,
    },
    /// The organisation tree.
    Org {
        #[command(subcommand)]
        command: OrgCommand,
    },
    /// Per-branch upload tokens.
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The keyring of branch signing keys.
    Keyring {
        #[command(subcommand)]
        command: KeyringCommand,
    },
    /// Statistics over the stored files, computed in the database (as `branchday stats`).
    Stats {
        /// First month counted (YYYY-MM).
        #[arg(long, value_name = "YYYY-MM")]
        from: Option<String>,
        /// Last month counted (YYYY-MM).
        #[arg(long, value_name = "YYYY-MM")]
        to: Option<String>,
        /// The whole report as one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// List the stored files.
    Files {
        /// Only this branch's files.
        #[arg(long, value_name = "CODE")]
        branch: Option<String>,
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    /// Add or update units from a CSV or XLSX file (代码, 名称, 上级代码, 层级).
    Import { file: PathBuf },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Issue a token for a branch; it is printed once and only its hash is kept.
    Add {
        #[arg(long, value_name = "CODE")]
        branch: String,
    },
    /// List tokens (ids, branches, dates; never the tokens).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Revoke a token by its id.
    Revoke { id: String },
}

#[derive(Subcommand)]
enum KeyringCommand {
    /// Replace the keyring with an OpenSSH allowed signers file (principal = branch code).
    Import { file: PathBuf },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("branchday-server: error: cannot start: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("branchday-server: error: {e:#}");
            ExitCode::from(EXIT_INVALID)
        }
    }
}

async fn open(cli: &Cli) -> anyhow::Result<(db::Db, String)> {
    let dir = config::data_dir(cli.data_dir.clone())?;
    let url = config::database_url(cli.database.clone(), &dir);
    if db::Engine::of(&url) == Some(db::Engine::Sqlite) {
        branchday::store::create_dir_private(&dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot create the data directory ({e}); pass --data-dir DIR",
                dir.display()
            )
        })?;
    }
    let db = db::open(&url).await?;
    Ok((db, config::shown_url(&url)))
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let (db, shown) = open(&cli).await?;
    match cli.command {
        Command::Init => {
            println!("store ready: {shown}");
        }
        Command::Serve {
            listen,
            require_signature,
            body_timeout,
            header_timeout,
        } => {
            let keyring = keyring::load(&db).await?;
            if require_signature && keyring.is_none() {
                anyhow::bail!(
                    "--require-signature needs a keyring: import one with `branchday-server keyring import FILE`"
                );
            }
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
            let addr = listener.local_addr()?;
            let app = Arc::new(http::App {
                db,
                keyring,
                require_signature,
                body_timeout: Duration::from_secs(body_timeout.max(1)),
                header_timeout: Duration::from_secs(header_timeout.max(1)),
            });
            println!("branchday-server: listening on http://{addr} (store: {shown})");
            branchday_server::serve(listener, app, shutdown_signal()).await?;
        }
        Command::Org {
            command: OrgCommand::Import { file },
        } => {
            let units = org::read_file(&file)?;
            let n = org::import(&db, &units)
                .await
                .map_err(|e| anyhow::anyhow!("{}: {e}", branchday::sanitize::path(&file)))?;
            println!(
                "{n} units imported from {}",
                branchday::sanitize::path(&file)
            );
        }
        Command::Token { command } => match command {
            TokenCommand::Add { branch } => {
                let issued = tokens::add(&db, &branch).await?;
                eprintln!(
                    "token {} for branch {branch}: shown this once, keep it safe (only its hash is stored)",
                    issued.id
                );
                println!("{}", issued.token);
            }
            TokenCommand::List { json } => {
                let listed = tokens::list(&db).await?;
                if json {
                    for t in &listed {
                        println!("{}", serde_json::to_string(t)?);
                    }
                } else {
                    let mut table = branchday::texttable::Table::new(
                        ["id", "branch", "created", "revoked"]
                            .map(str::to_owned)
                            .to_vec(),
                    );
                    for t in listed {
                        table.push(vec![
                            t.id,
                            branchday::sanitize::line(&t.branch).into_owned(),
                            t.created_at,
                            t.revoked_at.unwrap_or_default(),
                        ]);
                    }
                    for line in table.lines(200, "no tokens") {
                        println!("{line}");
                    }
                }
            }
            TokenCommand::Revoke { id } => {
                tokens::revoke(&db, &id).await?;
                println!("token {id} revoked");
            }
        },
        Command::Keyring {
            command: KeyringCommand::Import { file },
        } => {
            let n = keyring::import(&db, &file).await?;
            println!(
                "{n} keys imported from {}; restart the server to use them",
                branchday::sanitize::path(&file)
            );
        }
        Command::Stats { from, to, json } => {
            for m in [&from, &to].into_iter().flatten() {
                if branchday::stats::YearMonth::parse(m).is_none() {
                    anyhow::bail!(
                        "{}: not a month; write it as YYYY-MM, e.g. 2026-03",
                        branchday::sanitize::line(m)
                    );
                }
            }
            let report = stats::compute(&db, from.as_deref(), to.as_deref()).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                let kinds = branchday::domain::MeetingKind::ALL.map(|k| k.key().to_owned());
                let mut headers = vec!["month".to_owned()];
                headers.extend(kinds);
                headers.push("public items".to_owned());
                let mut table = branchday::texttable::Table::new(headers);
                for m in &report.months {
                    let mut row = vec![m.month.clone()];
                    row.extend(m.per_kind.iter().map(u64::to_string));
                    row.push(m.public_items.to_string());
                    table.push(row);
                }
                for line in table.lines(200, "no meetings") {
                    println!("{line}");
                }
                println!(
                    "{} meetings of {} branches; {} items, {} members",
                    report.meetings,
                    report.branches.len(),
                    report.items.total,
                    report.members.len()
                );
                let mut runs = branchday::texttable::Table::new(
                    ["branch", "member", "name", "months", "level", "ongoing"]
                        .map(str::to_owned)
                        .to_vec(),
                );
                for r in &report.absences {
                    runs.push(vec![
                        branchday::sanitize::line(&r.branch_code).into_owned(),
                        branchday::sanitize::line(&r.member_id).into_owned(),
                        branchday::sanitize::line(&r.name).into_owned(),
                        format!(
                            "{} ({}–{})",
                            r.months.len(),
                            r.months.first().map_or("", String::as_str),
                            r.months.last().map_or("", String::as_str)
                        ),
                        r.level.to_owned(),
                        if r.ongoing { "yes" } else { "no" }.to_owned(),
                    ]);
                }
                println!("consecutive months of absence (3+):");
                for line in runs.lines(200, "none") {
                    println!("{line}");
                }
            }
        }
        Command::Files { branch, json } => {
            let listed = files::list(&db, branch.as_deref()).await?;
            if json {
                for f in &listed {
                    println!("{}", serde_json::to_string(f)?);
                }
            } else {
                let mut table = branchday::texttable::Table::new(
                    [
                        "id", "branch", "version", "kind", "month", "signed", "received",
                    ]
                    .map(str::to_owned)
                    .to_vec(),
                );
                for f in listed {
                    table.push(vec![
                        f.id,
                        branchday::sanitize::line(&f.branch).into_owned(),
                        f.version.to_string(),
                        f.kind,
                        f.month,
                        if f.trusted {
                            "trusted"
                        } else if f.signer.is_some() {
                            "signed"
                        } else {
                            "no"
                        }
                        .to_owned(),
                        f.received_at,
                    ]);
                }
                for line in table.lines(200, "no files") {
                    println!("{line}");
                }
            }
        }
    }
    Ok(())
}

/// Ctrl-C or SIGTERM: stop taking connections and finish the requests under way.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
