use crate::api::Write;
use crate::components::{
    use_reload, write_action, ActionButton, Amount, AmountFigure, Countdown, DayFigure, ErrorView,
    Figure, Link, Loader, Read, StatusBadge,
};
use crate::i18n::*;
use crate::routes::AppRoute;
use cashgo_core::{CurrentLoan, Home, LoanStatus, Offer};
use leptos::prelude::*;

/// `/`: the public offer when logged out, else the current loan's card.
#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="home-title">
            <Loader read=Read::home(|home| view! { <HomeView home=home /> }.into_any()) />
        </section>
    }
}

#[component]
fn HomeView(home: Home) -> impl IntoView {
    let i18n = use_i18n();
    match home {
        Home::Offer(offer) => view! { <OfferCard offer=offer /> }.into_any(),
        Home::Loan(loan) => view! {
            <h1 id="home-title">{tr!(i18n, home.title)}</h1>
            <LoanCard loan=loan />
        }
        .into_any(),
    }
}

/// The logged-out offer: only the server's own figures, no fee invented.
#[component]
fn OfferCard(offer: Offer) -> impl IntoView {
    let i18n = use_i18n();
    let quota = offer.quota;
    let formats = crate::api::formats();
    let amount = move || crate::format::money(quota, formats, i18n.get_locale());
    view! {
        <h1 id="home-title">{tr!(i18n, home.offer_title, amount = amount())}</h1>
        <div class="card" data-testid="offer">
            <p>{tr!(i18n, home.offer_intro)}</p>
            {(!offer.term_days.is_empty()).then(|| view! {
                <h2>{tr!(i18n, home.offer_terms)}</h2>
                <ul class="terms">
                    {offer.term_days.iter().map(|&days| view! {
                        <li>{tr!(i18n, home.offer_term_days, days = days)}</li>
                    }).collect_view()}
                </ul>
            })}
            <ul class="facts">
                {offer.loan_days.map(|days| view! {
                    <li data-testid="default-term">{tr!(i18n, home.offer_default_term, days = days)}</li>
                })}
                {offer.loan_rate.clone().map(|rate| view! {
                    <li data-testid="loan-rate">{tr!(i18n, home.offer_loan_rate, rate = rate.percent_text())}</li>
                })}
                {offer.repay_rate.clone().map(|rate| view! {
                    <li data-testid="repay-rate">{tr!(i18n, home.offer_repay_rate, rate = rate.percent_text())}</li>
                })}
            </ul>
        </div>
        <Link to=AppRoute::Login { next: None, expired: false } class="button button-primary button-block">
            {tr!(i18n, home.offer_login)}
        </Link>
    }
}

/// One card per loan state (Q7), each leading to that loan's pages.
#[component]
fn LoanCard(loan: CurrentLoan) -> impl IntoView {
    match loan.status {
        _ if loan.awaiting() => view! { <AwaitingCard loan=loan /> }.into_any(),
        status if status.is_open() => view! { <OpenLoanCard loan=loan /> }.into_any(),
        LoanStatus::Repaid => view! { <RepaidCard loan=loan /> }.into_any(),
        _ => view! { <InProcessCard loan=loan /> }.into_any(),
    }
}

/// Due, overdue or extended: what to pay, by when, and the ways forward.
#[component]
fn OpenLoanCard(loan: CurrentLoan) -> impl IntoView {
    let i18n = use_i18n();
    let status = loan.status;
    let oid = loan.order.clone();
    let due_label = move || match status {
        LoanStatus::Extended => tr!(i18n, home.new_due_day).into_any(),
        _ => tr!(i18n, home.due_day).into_any(),
    };
    view! {
        <div class=format!("card card-{}", status.as_str()) data-testid="loan-card">
            <StatusBadge status=status />
            <p class="hero-label">{tr!(i18n, home.amount_due)}</p>
            <p class="hero-amount" data-testid="amount-due">
                <Amount value=loan.repay_money.unwrap_or(loan.money) />
            </p>
            {loan.due.map(|due| view! { <Countdown due=due /> })}
            <dl class="figures">
                {loan.due.map(|due| view! {
                    <DayFigure label=due_label id="due-day" day=due />
                })}
                <AmountFigure label=move || tr!(i18n, home.loan_amount) id="loan-amount" value=loan.money />
                {loan.delay_fee.filter(|_| status == LoanStatus::Extended).map(|fee| view! {
                    <AmountFigure label=move || tr!(i18n, home.extension_fee) id="extension-fee" value=fee />
                })}
            </dl>
        </div>
        <div class="actions">
            <Link to=AppRoute::Pay(oid.clone()) class="button button-primary">{tr!(i18n, home.pay)}</Link>
            <Link to=AppRoute::Extend(oid.clone()) class="button">{tr!(i18n, home.extend)}</Link>
            <Link to=AppRoute::Repay(oid) class="button button-secondary">{tr!(i18n, home.details)}</Link>
        </div>
    }
}

/// Repaid: the next-loan offer as sent, and applying again.
#[component]
fn RepaidCard(loan: CurrentLoan) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card card-repaid" data-testid="loan-card">
            <StatusBadge status=LoanStatus::Repaid />
            <h2>{tr!(i18n, home.repaid_title)}</h2>
            <p>{tr!(i18n, home.repaid_body)}</p>
            <dl class="figures">
                {loan.next_loan.map(|amount| view! {
                    <AmountFigure label=move || tr!(i18n, home.next_loan) id="next-loan" value=amount />
                })}
                {loan.next_loan_days.map(|days| view! {
                    <Figure label=move || tr!(i18n, home.next_loan_period) id="next-loan-period">
                        {tr!(i18n, home.offer_term_days, days = days)}
                    </Figure>
                })}
                {loan.approval_rate.clone().map(|rate| view! {
                    <Figure label=move || tr!(i18n, home.approval_rate) id="approval-rate">
                        {tr!(i18n, home.approval_rate_value, rate = rate.percent_text())}
                    </Figure>
                })}
            </dl>
        </div>
        <ReloadingButton
            write=Write::ReLoan
            label=move || tr!(i18n, home.reloan)
            busy_label=move || tr!(i18n, home.reloan_pending)
        />
    }
}

/// A loan offered but not yet confirmed by the borrower (`confirm: 0`).
#[component]
fn AwaitingCard(loan: CurrentLoan) -> impl IntoView {
    let i18n = use_i18n();
    let amount = loan.money;
    let formats = crate::api::formats();
    view! {
        <div class="card card-in-process" data-testid="loan-card">
            <StatusBadge status=loan.badge() />
            <h2>{tr!(i18n, home.awaiting_title)}</h2>
            <p>{tr!(i18n, home.awaiting_body, amount = crate::format::money(amount, formats, i18n.get_locale()))}</p>
        </div>
        // The card's end and its action, as RepaidCard's: `ReloadingButton` is the shared piece.
        <ReloadingButton
            write=Write::Apply
            label=move || tr!(i18n, home.confirm)
            busy_label=move || tr!(i18n, home.confirm_pending)
        />
    }
}

/// A card's one action (apply again, confirm the loan): sends `write`, then
/// reads the page again once it is done, or says why it failed.
#[component]
fn ReloadingButton(
    /// The request the tap sends.
    write: Write,
    /// Label when idle.
    #[prop(into)]
    label: ViewFn,
    /// Label while the request is under way.
    #[prop(into)]
    busy_label: ViewFn,
) -> impl IntoView {
    let reload = use_reload();
    let action = write_action(move |done| {
        if done.is_ok() {
            reload.run(());
        }
    });
    view! {
        <ActionButton
            pending=action.pending()
            label=label
            busy_label=busy_label
            on_press=move |_| { action.dispatch(write.clone()); }
        />
        {move || action.value().get().and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
    }
}

/// Any other status code: neutral, no action to take.
#[component]
fn InProcessCard(loan: CurrentLoan) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="card card-in-process" data-testid="loan-card">
            <StatusBadge status=loan.status />
            <h2>{tr!(i18n, home.in_process_title)}</h2>
            <p>{tr!(i18n, home.in_process_body)}</p>
            <dl class="figures">
                <AmountFigure label=move || tr!(i18n, home.loan_amount) id="loan-amount" value=loan.money />
            </dl>
        </div>
    }
}
