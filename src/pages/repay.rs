use super::loan_frame::LoanFrame;
use crate::components::{Amount, AmountFigure, Countdown, DayFigure, Link, Read, StatusBadge};
use crate::i18n::*;
use crate::routes::AppRoute;
use cashgo_core::{LoanDetail, LoanStatus, OrderNo};
use leptos::prelude::*;

mod calendar;

use calendar::AddToCalendar;

/// `/repay/:oid`: the former H5 repayment page (from `/Repay/loanDetail`).
#[component]
pub fn RepayPage(
    /// The order number from the address.
    oid: OrderNo,
) -> impl IntoView {
    let i18n = use_i18n();
    let read = Read::Detail(oid.clone(), |detail| {
        view! { <RepayDetails detail=detail /> }.into_any()
    });
    view! { <LoanFrame title_id="repay-title" title=move || tr!(i18n, repay.title) oid=oid read=read /> }
}

#[component]
fn RepayDetails(detail: LoanDetail) -> impl IntoView {
    let i18n = use_i18n();
    let bill = detail.bill.clone();
    let status = bill.status;
    let open = status.is_open();
    if open {
        super::fetch_soon();
    }
    let class = format!("card card-{}", status.as_str());
    view! {
        <div class=class>
            <StatusBadge status=status />
            <p class="hero-label">{tr!(i18n, repay.amount_now)}</p>
            <p class="hero-amount" data-testid="amount-now"><Amount value=detail.need_repay /></p>
            <dl class="figures">
                {detail.due.map(|due| view! { <DayFigure label=move || tr!(i18n, repay.due_day) id="due-day" day=due /> })}
            </dl>
            {detail.due.filter(|_| open).map(|due| view! { <Countdown due=due /> })}
            {detail.due.filter(|_| open).map(|due| view! {
                <AddToCalendar oid=detail.order.clone() due=due amount=detail.need_repay />
            })}
        </div>
        <RepayActions oid=detail.order.clone() status=status extension_pending=!bill.delay_unpaid.is_zero() />
        <h2>{tr!(i18n, repay.breakdown)}</h2>
        <dl class="figures card">
            <AmountFigure label=move || tr!(i18n, repay.loan_amount) id="loan-amount" value=bill.money />
            <AmountFigure label=move || tr!(i18n, repay.interest) id="interest" value=bill.interest />
            {(!bill.repay_interest.is_zero()).then(|| view! {
                <AmountFigure label=move || tr!(i18n, repay.repay_interest) id="repay-interest" value=bill.repay_interest />
            })}
            {(status == LoanStatus::Overdue).then(|| view! {
                <AmountFigure label=move || tr!(i18n, repay.overdue) id="overdue" value=bill.overdue />
            })}
            {(!bill.delay_unpaid.is_zero()).then(|| view! {
                <AmountFigure label=move || tr!(i18n, repay.extension_unpaid) id="extension-unpaid" value=bill.delay_unpaid />
            })}
            <AmountFigure label=move || tr!(i18n, repay.repaid) id="repaid" value=bill.repaid />
        </dl>
    }
}

/// What the borrower can do next; states that allow nothing offer nothing.
#[component]
fn RepayActions(oid: OrderNo, status: LoanStatus, extension_pending: bool) -> impl IntoView {
    let i18n = use_i18n();
    match status {
        _ if status.is_open() => view! {
            <div class="actions">
                <Link to=AppRoute::Pay(oid.clone()) class="button button-primary">
                    {tr!(i18n, repay.pay)}
                </Link>
                {(!extension_pending).then(|| view! {
                    <Link to=AppRoute::Extend(oid.clone()) class="button">
                        {tr!(i18n, repay.extend)}
                    </Link>
                })}
                <Link to=AppRoute::Proof(oid.clone()) class="button button-secondary">
                    {tr!(i18n, repay.proof)}
                </Link>
            </div>
        }
        .into_any(),
        LoanStatus::Repaid => view! {
            <p class="notice notice-success">{tr!(i18n, repay.repaid_note)}</p>
        }
        .into_any(),
        _ => view! {
            <p class="notice notice-info">{tr!(i18n, repay.in_process_note)}</p>
        }
        .into_any(),
    }
}
