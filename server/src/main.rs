//! `branchday-server`: init, serve, and the organiser's commands (organisation tree, tokens,
//! keyring, stored files).

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use branchday::cli::{EXIT_INVALID, EXIT_USAGE};
use branchday_server::desk::users;
use branchday_server::{config, db, desk, files, http, keyring, org, stats, tokens};
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
    /// Create the store (or bring its schema up to date), and the admin account of the desk
    /// (the password is read from standard input when one is piped in, else made and printed once).
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
        /// The address reviewers open, when it is not this server's own (e.g. behind a TLS
        /// proxy); an https origin marks the desk's cookies Secure.
        #[arg(long, value_name = "URL")]
        public_origin: Option<String>,
        /// The desk lists branches whose attendance is below this per cent.
        #[arg(long, value_name = "PERCENT", default_value_t = 80, value_parser = clap::value_parser!(u32).range(0..=100))]
        low_attendance: u32,
    },
    /// Reviewer accounts of the desk.
    User {
        #[command(subcommand)]
        command: UserCommand,
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
enum UserCommand {
    /// Add a reviewer who sees the organisation CODE and everything under it; the password is
    /// prompted for (or read from standard input).
    Add {
        name: String,
        #[arg(long, value_name = "CODE")]
        org: String,
    },
    /// List the accounts (names, organisations, dates; never passwords).
    List {
        #[arg(long)]
        json: bool,
    },
    /// Remove an account and end its sessions.
    Remove { name: String },
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
            if users::exists(&db, users::ADMIN).await? {
                println!("the desk's account {} is already there", users::ADMIN);
            } else {
                let piped = read_password_if_piped()?;
                let password = match &piped {
                    Some(p) => p.clone(),
                    None => users::generate_password()?,
                };
                users::add(
                    &db,
                    users::ADMIN,
                    users::WHOLE_TREE,
                    &password,
                    &db::now_text(),
                )
                .await?;
                if piped.is_some() {
                    println!(
                        "the desk's account {} was created with the password given",
                        users::ADMIN
                    );
                } else {
                    eprintln!(
                        "the desk's account {} sees the whole tree; its password, shown this once:",
                        users::ADMIN
                    );
                    println!("{password}");
                }
            }
        }
        Command::User { command } => match command {
            UserCommand::Add { name, org } => {
                let password = read_password(&format!("password for {name}: "))?;
                users::add(&db, &name, &org, &password, &db::now_text()).await?;
                println!("account {name} added: it sees {org} and what lies under it");
            }
            UserCommand::List { json } => {
                let listed = users::list(&db).await?;
                if json {
                    for u in &listed {
                        println!("{}", serde_json::to_string(u)?);
                    }
                } else {
                    let mut table = branchday::texttable::Table::new(
                        ["name", "organisation", "created"]
                            .map(str::to_owned)
                            .to_vec(),
                    );
                    for u in listed {
                        table.push(vec![
                            branchday::sanitize::line(&u.name).into_owned(),
                            branchday::sanitize::line(&u.org).into_owned(),
                            u.created_at,
                        ]);
                    }
                    for line in table.lines(200, "no accounts") {
                        println!("{line}");
                    }
                }
            }
            UserCommand::Remove { name } => {
                users::remove(&db, &name).await?;
                println!("account {name} removed");
            }
        },
        Command::Serve {
            listen,
            require_signature,
            body_timeout,
            header_timeout,
            public_origin,
            low_attendance,
        } => {
            let secure_cookies = public_origin
                .as_deref()
                .is_some_and(|o| o.trim().to_ascii_lowercase().starts_with("https://"));
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
                desk: desk::Desk {
                    secure_cookies,
                    low_attendance_percent: low_attendance,
                    ..desk::Desk::default()
                },
            });
            // Said once, and never fatal: a server whose standard output was closed (a
            // supervisor that read the first line, `| head -1`) goes on serving.
            let desk_at = public_origin.as_deref().map_or_else(
                || format!("http://{addr}"),
                |o| o.trim_end_matches('/').to_owned(),
            );
            let mut out = std::io::stdout().lock();
            let _ = writeln!(
                out,
                "branchday-server: listening on http://{addr} (store: {shown})\n\
                 the reviewer's desk: {desk_at}/desk"
            );
            let _ = out.flush();
            drop(out);
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

/// A password piped into standard input (its first line), or `None` on a terminal.
fn read_password_if_piped() -> anyhow::Result<Option<String>> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    let line = line.trim_end_matches(['\r', '\n']).to_owned();
    Ok((!line.is_empty()).then_some(line))
}

/// A password: prompted for on a terminal (not echoed), else the first line of standard input.
fn read_password(prompt: &str) -> anyhow::Result<String> {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return read_password_if_piped()?
            .ok_or_else(|| anyhow::anyhow!("no password on standard input: pipe one line in"));
    }
    eprint!("{prompt}");
    #[cfg(unix)]
    let saved = {
        use rustix::termios::{LocalModes, OptionalActions, tcgetattr, tcsetattr};
        let saved = tcgetattr(&stdin).ok();
        if let Some(t) = &saved {
            let mut quiet = t.clone();
            quiet.local_modes.remove(LocalModes::ECHO);
            let _ = tcsetattr(&stdin, OptionalActions::Now, &quiet);
        }
        saved
    };
    let mut line = String::new();
    let read = stdin.read_line(&mut line);
    #[cfg(unix)]
    if let Some(t) = saved {
        let _ = rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, &t);
    }
    eprintln!();
    read?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
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
