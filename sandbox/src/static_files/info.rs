//! The page at `--base` when no `--dist` is given: the demo logins.

use crate::seed;
use crate::state::Shared;
use axum::response::Html;

pub fn page(app: &Shared) -> Html<String> {
    let world = app.world();
    let rows: String = world
        .accounts
        .iter()
        .map(|a| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                a.username, a.password, a.state, a.loan.oid, a.loan.bill_id
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CashGo sandbox</title></head>\
         <body style=\"font-family:sans-serif\"><h1>CashGo sandbox</h1>\
         <p>No <code>--dist</code> given: only the API is served. Password for every account: <code>{}</code>.</p>\
         <table border=\"1\" cellpadding=\"4\"><tr><th>username</th><th>password</th><th>state</th><th>order number</th><th>bill id</th></tr>{rows}</table>\
         <p>Inspect: <a href=\"/__sandbox/state\">/__sandbox/state</a></p></body></html>",
        seed::PASSWORD
    ))
}
