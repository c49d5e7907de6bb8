//! The reviewer's desk: server-rendered pages (zh and en, no JavaScript) for the superior
//! organisation — the 三会一课 matrix, the review queue, a file's record with approve / return,
//! warnings across branches, charts and exports.
//!
//! Every page needs a signed-in reviewer ([`auth`]) and shows only what lies under the reviewer's
//! organisation: an organisation or a file outside it is answered 404, exactly as one that does not
//! exist, so nothing tells a reviewer what other organisations hold.
//!
//! Pages are built with `format!` and one escaping function ([`pages::esc`]) rather than a
//! template engine: the pages are few and small, every value from a file goes through `esc` at the
//! one place it is written, and nothing is added to the build.

// Handlers take axum's `Query<HashMap<…>>` and `Form<HashMap<…>>` with the standard hasher, and a
// refused request's answer (an axum `Response`) is the error value of the checks.
#![allow(clippy::implicit_hasher, clippy::result_large_err)]

pub mod auth;
pub mod charts;
pub mod clock;
pub mod export;
pub mod file;
pub mod i18n;
pub mod matrix;
pub mod pages;
pub mod queue;
pub mod scope;
pub mod users;
pub mod warnings;

use std::sync::Arc;

use axum::Router;
use axum::routing::{get, post};
use branchday::stats::due::{Requirement, default_cadence};

pub use clock::Clock;

use crate::http::App;

/// How the desk behaves.
#[derive(Debug, Clone)]
pub struct Desk {
    /// Where "now" comes from (tests set it).
    pub clock: Clock,
    /// Mark cookies `Secure`: the desk is served over TLS (behind an https origin).
    pub secure_cookies: bool,
    /// Attendance below this rate (per cent) is listed among the warnings.
    pub low_attendance_percent: u32,
    /// The 三会一课 frequencies (the library's cadence data).
    pub cadence: Vec<Requirement>,
    /// Failed sign-ins within [`Desk::lockout_window`] that lock an account.
    pub lockout_failures: u32,
    pub lockout_window: chrono::Duration,
    /// How long a session lasts.
    pub session_length: chrono::Duration,
}

impl Default for Desk {
    fn default() -> Desk {
        Desk {
            clock: Clock::system(),
            secure_cookies: false,
            low_attendance_percent: 80,
            cadence: default_cadence(),
            lockout_failures: 5,
            lockout_window: chrono::Duration::minutes(15),
            session_length: chrono::Duration::hours(12),
        }
    }
}

/// The desk's routes, under `/desk`.
pub fn router() -> Router<Arc<App>> {
    Router::new()
        .route("/desk", get(pages::home))
        .route("/desk/", get(pages::home))
        .route("/desk/login", get(auth::login_page).post(auth::login))
        .route("/desk/logout", post(auth::logout))
        .route("/desk/matrix", get(matrix::page))
        .route("/desk/queue", get(queue::page))
        .route("/desk/files/{id}", get(file::page))
        .route("/desk/files/{id}/record", get(file::record))
        .route("/desk/files/{id}/minutes.json", get(file::raw))
        .route("/desk/files/{id}/review", post(file::review))
        .route("/desk/warnings", get(warnings::page))
        .route("/desk/charts", get(charts::page))
        .route("/desk/charts/meetings.svg", get(charts::meetings_svg))
        .route("/desk/charts/attendance.svg", get(charts::attendance_svg))
        .route("/desk/export", get(export::page))
        .route("/desk/export/package.zip", get(export::package))
        .route("/desk/export/ledger.xlsx", get(export::ledger))
}
