//! `cashgo-sandbox [--host 127.0.0.1] [--port 8787] [--dist DIR] [--base /]
//!  [--now UNIX_SECS] [--utc-offset-minutes 480] [--csp-report-uri URI]`

use cashgo_sandbox::{normalize_base, seed, state::World, time, Settings};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: cashgo-sandbox [--host 127.0.0.1] [--port 8787] [--dist DIR] [--base /]
                      [--now UNIX_SECS] [--utc-offset-minutes 480] [--csp-report-uri URI]

A local stand-in for the CashGo borrower API (see shared/spec/CONTRACT.md).
  --host HOST                 address to bind (default 127.0.0.1)
  --port PORT                 port (default 8787; 0 = any free port)       env SANDBOX_PORT
  --dist DIR                  serve the built app from DIR                  env SANDBOX_DIST
  --base PATH                 where the app lives, e.g. /h5/ (default /)    env SANDBOX_BASE
  --now UNIX_SECS             fix the clock (default: real time)            env SANDBOX_NOW
  --utc-offset-minutes MIN    server time zone (default 480 = UTC+8)       env SANDBOX_UTC_OFFSET_MINUTES
  --csp-report-uri URI        also send the build's CSP as Report-Only, reporting to URI
                              (e.g. /__sandbox/csp-reports; tests only)    env SANDBOX_CSP_REPORT_URI
API paths stay at the origin root whatever --base is. Test endpoints:
/__sandbox/{reset,state,clock,settings,fault,csp-reports}.";

struct Cli {
    host: String,
    port: u16,
    settings: Settings,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

fn parse_num<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .trim()
        .parse()
        .map_err(|_| format!("invalid value for {flag}: {value:?}"))
}

fn parse_cli() -> Result<Option<Cli>, String> {
    let mut host = env("SANDBOX_HOST").unwrap_or_else(|| "127.0.0.1".to_string());
    let mut port = env("SANDBOX_PORT").unwrap_or_else(|| "8787".to_string());
    let mut dist = env("SANDBOX_DIST");
    let mut base = env("SANDBOX_BASE").unwrap_or_else(|| "/".to_string());
    let mut now = env("SANDBOX_NOW");
    let mut offset = env("SANDBOX_UTC_OFFSET_MINUTES").unwrap_or_else(|| "480".to_string());
    let mut csp_report_uri = env("SANDBOX_CSP_REPORT_URI");

    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let slot = match flag.as_str() {
            "--host" => &mut host,
            "--port" => &mut port,
            "--base" => &mut base,
            "--utc-offset-minutes" => &mut offset,
            "--dist" | "--now" | "--csp-report-uri" => {
                let value = match inline {
                    Some(v) => v,
                    None => args.next().ok_or(format!("{flag} needs a value"))?,
                };
                match flag.as_str() {
                    "--dist" => dist = Some(value),
                    "--now" => now = Some(value),
                    _ => csp_report_uri = Some(value),
                }
                continue;
            }
            _ => return Err(format!("unknown argument {arg:?}")),
        };
        *slot = match inline {
            Some(v) => v,
            None => args.next().ok_or(format!("{flag} needs a value"))?,
        };
    }
    let dist = dist.map(PathBuf::from);
    if let Some(dir) = &dist {
        if !dir.is_dir() {
            return Err(format!("--dist {} is not a directory", dir.display()));
        }
    }
    Ok(Some(Cli {
        host,
        port: parse_num("--port", &port)?,
        settings: Settings {
            dist,
            base: normalize_base(&base),
            now: now
                .map(|n| {
                    parse_num("--now", &n)
                        .and_then(|n| time::check_now(n).map_err(|e| format!("--now: {e}")))
                })
                .transpose()?,
            utc_offset_minutes: parse_num("--utc-offset-minutes", &offset).and_then(|m| {
                time::check_offset(m).map_err(|e| format!("--utc-offset-minutes: {e}"))
            })?,
            csp_report_uri,
        },
    }))
}

fn print_banner(url: &str, settings: &Settings, now: i64) {
    let offset = settings.utc_offset_minutes;
    let world = World::seeded(now, offset);
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "CashGo sandbox: {url}");
    let _ = writeln!(
        out,
        "  today {} (UTC{:+}:{:02}), clock {}",
        time::dmy(time::local_day(now, offset)),
        offset / 60,
        (offset % 60).abs(),
        if settings.now.is_some() {
            "fixed"
        } else {
            "real"
        }
    );
    let _ = writeln!(
        out,
        "  {:<12} {:<10} {:<22} {:<24} {:<8} due",
        "username", "password", "state", "order number", "bill id"
    );
    for a in &world.accounts {
        let _ = writeln!(
            out,
            "  {:<12} {:<10} {:<22} {:<24} {:<8} {}",
            a.username,
            seed::PASSWORD,
            a.state,
            a.loan.oid,
            a.loan.bill_id,
            time::dmy(a.loan.due_day)
        );
    }
    let _ = out.flush();
}

fn main() -> ExitCode {
    let cli = match parse_cli() {
        Ok(Some(cli)) => cli,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("cashgo-sandbox: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cashgo-sandbox: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let listener = match tokio::net::TcpListener::bind((cli.host.as_str(), cli.port)).await {
            Ok(l) => l,
            Err(e) => {
                eprintln!("cashgo-sandbox: cannot bind {}:{}: {e}", cli.host, cli.port);
                return ExitCode::FAILURE;
            }
        };
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(cli.port);
        let host = if cli.host.contains(':') {
            format!("[{}]", cli.host)
        } else {
            cli.host.clone()
        };
        let url = format!("http://{host}:{port}{}", cli.settings.base);
        let now = cli.settings.now.unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
        if let Some(dist) = &cli.settings.dist {
            if !dist.join("index.html.br").is_file() {
                eprintln!(
                    "cashgo-sandbox: {} has no precompressed files (index.html.br): a release \
                     build writes them (scripts/postbuild.py); serving the files as they are",
                    dist.display()
                );
            }
        }
        print_banner(&url, &cli.settings, now);
        match cashgo_sandbox::serve(listener, cli.settings).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("cashgo-sandbox: {e}");
                ExitCode::FAILURE
            }
        }
    })
}
