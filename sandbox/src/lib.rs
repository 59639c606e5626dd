//! CashGo sandbox: a local stand-in for the borrower API described in
//! `shared/spec/CONTRACT.md`, with the real wire shapes and quirks, plus the
//! built app's static files and a few `/__sandbox/` test endpoints:
//! `reset`, `state`, `clock`, `settings` (its `hostile` switch: see
//! [`hostile`]), `hostile` (the corpus), and `fault`, which makes the next
//! requests to a path fail in a chosen way (see [`fault`] and the README).

pub mod fault;
pub mod hostile;
pub mod params;
pub mod routes;
pub mod seed;
pub mod state;
pub mod static_files;
pub mod time;
pub mod wire;

use axum::extract::{DefaultBodyLimit, Request, State};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use std::path::PathBuf;
use std::time::Duration;

pub use state::{AppState, Shared};

/// Start-up settings (the CLI's flags).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Built app to serve (`--dist`); `None` serves a small info page.
    pub dist: Option<PathBuf>,
    /// Where the app lives (`--base`), normalised to `/…/`.
    pub base: String,
    /// Fixed clock in Unix seconds (`--now`); `None` = real time.
    pub now: Option<i64>,
    /// The server's time zone (`--utc-offset-minutes`).
    pub utc_offset_minutes: i32,
    /// `--csp-report-uri`: also send the build's policy as
    /// `Content-Security-Policy-Report-Only` reporting there
    /// (`static_files::csp_reports`); production sends nothing of the kind.
    pub csp_report_uri: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            dist: None,
            base: "/".to_string(),
            now: None,
            utc_offset_minutes: 480,
            csp_report_uri: None,
        }
    }
}

/// `"h5"`, `"/h5"`, `"h5/"` → `"/h5/"`; `""` → `"/"`.
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// Largest upload accepted (Q4).
pub const MAX_UPLOAD_BYTES: usize = 5 * 1024 * 1024;

/// The whole application for a given state.
pub fn app(state: Shared) -> Router {
    use routes::*;
    // One `.route` per endpoint, alike on purpose: the table of CONTRACT's endpoints.
    let api = Router::new()
        .route("/Index/ajaxSignIn", post(auth::sign_in))
        .route("/Index/ajaxLogOut", get(auth::log_out))
        .route("/Repay/loans", get(loans::loans))
        .route("/Repay/orders", post(loans::orders))
        .route("/Repay/ajaxDelay", post(loans::ajax_delay))
        .route("/Loan/reLoan", get(loans::reloan).post(loans::reloan))
        .route(
            "/Info/ajaxUpload",
            post(info::upload).layer(DefaultBodyLimit::max(3 * MAX_UPLOAD_BYTES)),
        )
        .route("/Feedback/ajaxCreate", post(info::feedback))
        .route("/Index/ajaxApply", get(loans::apply))
        .route("/Contact/ajaxPush", post(info::contacts))
        .route(
            "/Index/contact",
            get(info::service_contact).post(info::service_contact),
        )
        .route("/Repay/repayProof", post(loans::repay_proof))
        .route("/Repay/loanDetail", post(loans::loan_detail))
        .route("/Repay/loanDelay", post(loans::loan_delay))
        .route(
            "/Index/languages",
            get(info::languages).post(info::languages),
        )
        .route("/Repay/payData", post(pay::pay_data))
        .route("/Repay/payTransf", post(pay::pay_transf))
        .route("/gateway/pay/{oid}", get(gateway::page).post(gateway::post))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            hostile::apply,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), api_delay));
    Router::new()
        .merge(api)
        .route("/Index/login", get(auth::login_page))
        .route("/Repay/index.shtml", get(auth::after_login))
        .route("/Public/Upload/{day}/{file}", get(info::uploaded_file))
        .route("/gateway/assets/{file}", get(gateway_images::logo))
        .route("/gateway/barcode/{file}", get(gateway_images::barcode))
        .route("/__sandbox/reset", post(sandbox::reset))
        .route("/__sandbox/state", get(sandbox::state))
        .route("/__sandbox/clock", post(sandbox::clock))
        .route(
            "/__sandbox/floor/{oid}",
            get(static_files::floor_page).layer(static_files::floor::compression()),
        )
        .route(
            "/__sandbox/csp-reports",
            get(static_files::csp_reports::list)
                .post(static_files::csp_reports::post)
                .delete(static_files::csp_reports::clear),
        )
        .route("/__sandbox/fault", get(sandbox::fault).post(sandbox::fault))
        .route("/__sandbox/hostile", get(hostile::list))
        .route(
            "/__sandbox/settings",
            get(sandbox::settings).post(sandbox::settings),
        )
        .fallback(static_files::fallback)
        .layer(middleware::from_fn_with_state(state.clone(), fault::apply))
        .with_state(state)
}

/// `delay_ms`: wait before answering an API call (loading states, double taps).
async fn api_delay(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let delay = app.world().knobs.delay_ms;
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    next.run(req).await
}

/// The sandbox's state for `settings` (the base normalised), its own URLs
/// pointing at `origin` (`http://127.0.0.1:PORT`).
pub fn state(settings: Settings, origin: String) -> Shared {
    let mut settings = settings;
    settings.base = normalize_base(&settings.base);
    AppState::new(settings, origin)
}

/// `http://HOST:PORT` for a listening address (`0.0.0.0` → `127.0.0.1`).
pub fn origin_of(addr: std::net::SocketAddr) -> String {
    let host = if addr.ip().is_unspecified() {
        "127.0.0.1".to_string()
    } else if addr.is_ipv6() {
        format!("[{}]", addr.ip())
    } else {
        addr.ip().to_string()
    };
    format!("http://{host}:{}", addr.port())
}

/// Serve the sandbox on `listener` until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, settings: Settings) -> std::io::Result<()> {
    let origin = origin_of(listener.local_addr()?);
    serve_state(listener, state(settings, origin)).await
}

/// Serve a given state on `listener` (tests keep the state to look at).
pub async fn serve_state(listener: tokio::net::TcpListener, state: Shared) -> std::io::Result<()> {
    axum::serve(listener, app(state)).await
}
