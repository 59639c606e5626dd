//! The markup, element for element as the app's components render the top
//! of each page (`src/pages/{repay,extend,home}.rs`, `src/components/`),
//! so that the app's page replaces it without anything moving. What only
//! the app can run is left out where nothing painted follows it (the
//! extension's confirm, "apply again", "confirm loan") and kept as an
//! invisible slot where something painted does (the calendar button).
//!
//! Differences from the app's own nodes: the copy is wrapped in
//! `<div id="paint">`; its `<main>` has no `id` (the app's `#main` is the
//! one the skip link and focus go to, and what tells the two apart); there
//! is no skip link and no menu (below the page); the header's language
//! buttons are drawn as the app draws them but do nothing until it arrives.

use crate::catalog::{counted, fill, Catalog};
use crate::html::Html;
use crate::input::{Page, What};
use cashgo_core::{Badge, CurrentLoan, Day, DelayDetail, LoanDetail, LoanStatus, Money, OrderNo};

/// `"<lang>\n<tree>"`: the page's language, then `<div id="paint">…</div>`
/// as `html.rs`'s tree.
pub fn render(page: &Page) -> String {
    let mut h = Html::new();
    h.open("div", &[("id", "paint")]);
    header(&mut h, page);
    h.open("main", &[("tabindex", "-1")]);
    match &page.what {
        What::Repay(oid, detail) => repay(&mut h, page, oid, detail),
        What::Extend(oid, detail) => extend(&mut h, page, oid, detail),
        What::Home(loan) => home(&mut h, page, loan),
    }
    h.close("main").close("div");
    format!("{}\n{}", page.lang.code(), h.into_string())
}

/// `components/layout.rs`'s header with `LangSwitch`.
fn header(h: &mut Html, page: &Page) {
    let cat = page.cat();
    let home = format!("{}/", page.base);
    h.open("header", &[("class", "app-header")]);
    h.open("a", &[("href", &home), ("class", "brand")])
        .element(
            "span",
            &[("class", "brand-mark"), ("aria-hidden", "true")],
            "C",
        )
        .text(cat.app_name)
        .close("a");
    h.open(
        "div",
        &[
            ("class", "lang-switch"),
            ("role", "group"),
            ("aria-label", cat.lang_label),
        ],
    );
    for (code, label) in [
        ("es", crate::catalog::ES.lang_es),
        ("en", crate::catalog::EN.lang_en),
    ] {
        let pressed = if code == page.lang.code() {
            "true"
        } else {
            "false"
        };
        h.element(
            "button",
            &[
                ("type", "button"),
                ("class", "lang-option"),
                ("lang", code),
                ("aria-pressed", pressed),
            ],
            label,
        );
    }
    h.close("div").close("header");
}

/// `StatusBadge`.
fn badge(h: &mut Html, class: &str, symbol: &str, label: &str) {
    h.open(
        "span",
        &[
            ("class", &format!("badge badge-{class}")),
            ("data-testid", "status"),
        ],
    )
    .element(
        "span",
        &[("aria-hidden", "true"), ("class", "badge-symbol")],
        symbol,
    )
    .text(label)
    .close("span");
}

/// `StatusBadge` of a status, or of a loan's own `badge()`.
fn status_badge(h: &mut Html, page: &Page, data: Badge) {
    badge(h, data.class, data.symbol, page.badge_label(data.label));
}

/// `Amount`.
fn amount(h: &mut Html, page: &Page, value: Money) {
    h.element("span", &[("class", "amount")], &page.money(value));
}

/// `DayText`.
fn day(h: &mut Html, page: &Page, value: Day) {
    h.element("time", &[("datetime", &value.iso())], &page.day(value));
}

/// `Figure`: opens the `<dd>` for the value; [`end_figure`] closes it.
fn figure(h: &mut Html, id: &str, label: &str) {
    h.open("div", &[("class", "figure"), ("data-testid", id)])
        .element("dt", &[], label)
        .open("dd", &[]);
}

fn end_figure(h: &mut Html) {
    h.close("dd").close("div");
}

fn money_figure(h: &mut Html, page: &Page, id: &str, label: &str, value: Money) {
    figure(h, id, label);
    amount(h, page, value);
    end_figure(h);
}

fn day_figure(h: &mut Html, page: &Page, id: &str, label: &str, value: Day) {
    figure(h, id, label);
    day(h, page, value);
    end_figure(h);
}

/// `Countdown`: "5 days left" / "Due today" / "3 days overdue", in the
/// server's zone.
fn countdown(h: &mut Html, page: &Page, due: Day) {
    let cat = page.cat();
    let days = due.days_from(page.today);
    let class = if days < 0 {
        "countdown countdown-overdue"
    } else {
        "countdown"
    };
    let text = counted(cat.repay_countdown, days);
    h.element(
        "p",
        &[("class", class), ("data-testid", "countdown")],
        &text,
    );
}

/// A `Link` to an app path.
fn link(h: &mut Html, page: &Page, path: &str, class: &str, text: &str) {
    let href = format!("{}{path}", page.base);
    h.element("a", &[("href", &href), ("class", class)], text);
}

/// A page's `<section>`, named by its `<h1>` (left open).
fn open_page(h: &mut Html, title_id: &str, title: &str) {
    h.open(
        "section",
        &[("class", "page"), ("aria-labelledby", title_id)],
    )
    .element("h1", &[("id", title_id)], title);
}

/// `pages/loan_frame.rs`'s `LoanFrame`: the page, then the order number.
fn open_loan_page(h: &mut Html, cat: &Catalog, title_id: &str, title: &str, oid: &OrderNo) {
    open_page(h, title_id, title);
    h.element(
        "p",
        &[("class", "order-no")],
        &fill(cat.repay_order, &[("oid", oid.as_str())]),
    );
}

/// A card's leading amount: its label, then the amount (`data-testid`).
fn hero(h: &mut Html, page: &Page, label: &str, id: &str, value: Money) {
    h.element("p", &[("class", "hero-label")], label);
    h.open("p", &[("class", "hero-amount"), ("data-testid", id)]);
    amount(h, page, value);
    h.close("p");
}

/// `/repay/:oid` (`pages/repay.rs`): everything above the breakdown.
fn repay(h: &mut Html, page: &Page, oid: &OrderNo, detail: &LoanDetail) {
    let cat = page.cat();
    let status = detail.bill.status;
    let open = status.is_open();
    open_loan_page(h, cat, "repay-title", cat.repay_title, oid);
    h.open(
        "div",
        &[("class", &format!("card card-{}", status.as_str()))],
    );
    status_badge(h, page, status.badge());
    hero(
        h,
        page,
        cat.repay_amount_now,
        "amount-now",
        detail.need_repay,
    );
    h.open("dl", &[("class", "figures")]);
    if let Some(due) = detail.due {
        day_figure(h, page, "due-day", cat.repay_due_day, due);
    }
    h.close("dl");
    if let (Some(due), true) = (detail.due, open) {
        countdown(h, page, due);
        calendar_slot(h, page);
    }
    h.close("div");
    if open {
        // The links as home's below, mirrored from each page's own (RepayActions, OpenLoanCard).
        let order = detail.order.as_str();
        h.open("div", &[("class", "actions")]);
        link(
            h,
            page,
            &format!("/pay/{order}"),
            "button button-primary",
            cat.repay_pay,
        );
        if detail.bill.delay_unpaid.is_zero() {
            link(
                h,
                page,
                &format!("/extend/{order}"),
                "button",
                cat.repay_extend,
            );
        }
        link(
            h,
            page,
            &format!("/proof/{order}"),
            "button button-secondary",
            cat.repay_proof,
        );
        h.close("div");
    } else {
        // Repaid: the only other state painted (`Input::page`).
        h.element(
            "p",
            &[("class", "notice notice-success")],
            cat.repay_repaid_note,
        );
    }
    h.close("section");
}

/// The place of `AddToCalendar` (`pages/repay/calendar.rs`), which only the
/// app can run: the same element, invisible (`.paint-slot`), so that what
/// follows it is painted where the app will draw it.
fn calendar_slot(h: &mut Html, page: &Page) {
    let cat = page.cat();
    if page.webview {
        h.open("div", &[("class", "field paint-slot")])
            .element(
                "a",
                &[("class", "button button-secondary")],
                cat.repay_calendar,
            )
            .element("p", &[("class", "field-hint")], cat.repay_calendar_hint)
            .close("div");
    } else {
        h.element(
            "button",
            &[
                ("type", "button"),
                ("class", "button button-secondary paint-slot"),
            ],
            cat.repay_calendar,
        );
    }
}

/// `/extend/:oid` (`pages/extend.rs`): everything but the confirm button.
fn extend(h: &mut Html, page: &Page, oid: &OrderNo, detail: &DelayDetail) {
    let cat = page.cat();
    let status = detail.bill.status;
    let allowed = status.is_open() && detail.bill.delay_unpaid.is_zero();
    open_loan_page(h, cat, "extend-title", cat.extend_title, oid);
    h.element("p", &[], cat.extend_intro);
    h.open(
        "div",
        &[("class", &format!("card card-{}", status.as_str()))],
    );
    status_badge(h, page, status.badge());
    hero(h, page, cat.extend_fee, "extension-fee", detail.delay_fee);
    h.open("dl", &[("class", "figures")]);
    if let Some(fee) = detail.overdue_fee {
        money_figure(h, page, "overdue-fee", cat.extend_overdue_fee, fee);
    }
    money_figure(
        h,
        page,
        "amount-today",
        cat.extend_amount_today,
        detail.need_repay,
    );
    if let Some(due) = detail.due {
        day_figure(h, page, "current-due", cat.extend_current_due, due);
    }
    if let Some(next) = detail.next_due {
        day_figure(h, page, "new-due", cat.extend_new_due, next);
    }
    h.close("dl").close("div");
    if !allowed {
        h.element(
            "p",
            &[("class", "notice notice-info")],
            cat.extend_not_allowed,
        );
    }
    h.close("section");
}

/// `/` logged in (`pages/home.rs`): the loan's card, and its links.
fn home(h: &mut Html, page: &Page, loan: &CurrentLoan) {
    let cat = page.cat();
    open_page(h, "home-title", cat.home_title);
    let card = |h: &mut Html, class: &str| {
        h.open("div", &[("class", class), ("data-testid", "loan-card")]);
    };
    let status = loan.status;
    if loan.awaiting() {
        card(h, "card card-in-process");
        status_badge(h, page, loan.badge());
        h.element("h2", &[], cat.home_awaiting_title);
        h.element(
            "p",
            &[],
            &fill(
                cat.home_awaiting_body,
                &[("amount", &page.money(loan.money))],
            ),
        );
        h.close("div");
    } else if status.is_open() {
        card(h, &format!("card card-{}", status.as_str()));
        status_badge(h, page, status.badge());
        let owed = loan.repay_money.unwrap_or(loan.money);
        hero(h, page, cat.home_amount_due, "amount-due", owed);
        if let Some(due) = loan.due {
            countdown(h, page, due);
        }
        h.open("dl", &[("class", "figures")]);
        if let Some(due) = loan.due {
            let label = if status == LoanStatus::Extended {
                cat.home_new_due_day
            } else {
                cat.home_due_day
            };
            day_figure(h, page, "due-day", label, due);
        }
        money_figure(h, page, "loan-amount", cat.home_loan_amount, loan.money);
        if let (Some(fee), LoanStatus::Extended) = (loan.delay_fee, status) {
            money_figure(h, page, "extension-fee", cat.home_extension_fee, fee);
        }
        h.close("dl").close("div");
        let order = loan.order.as_str();
        h.open("div", &[("class", "actions")]);
        link(
            h,
            page,
            &format!("/pay/{order}"),
            "button button-primary",
            cat.home_pay,
        );
        link(
            h,
            page,
            &format!("/extend/{order}"),
            "button",
            cat.home_extend,
        );
        link(
            h,
            page,
            &format!("/repay/{order}"),
            "button button-secondary",
            cat.home_details,
        );
        h.close("div");
    } else {
        // Repaid: the only other state painted (`Input::page`).
        card(h, "card card-repaid");
        status_badge(h, page, LoanStatus::Repaid.badge());
        h.element("h2", &[], cat.home_repaid_title);
        h.element("p", &[], cat.home_repaid_body);
        h.open("dl", &[("class", "figures")]);
        if let Some(next) = loan.next_loan {
            money_figure(h, page, "next-loan", cat.home_next_loan, next);
        }
        if let Some(days) = loan.next_loan_days {
            figure(h, "next-loan-period", cat.home_next_loan_period);
            h.text(&fill(
                cat.home_offer_term_days,
                &[("days", &days.to_string())],
            ));
            end_figure(h);
        }
        if let Some(rate) = &loan.approval_rate {
            figure(h, "approval-rate", cat.home_approval_rate);
            h.text(&fill(
                cat.home_approval_rate_value,
                &[("rate", &rate.percent_text())],
            ));
            end_figure(h);
        }
        h.close("dl").close("div");
    }
    h.close("section");
}
