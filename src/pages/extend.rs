use super::loan_frame::LoanFrame;
use crate::api::Write;
use crate::components::{
    focus_main, write_action, ActionButton, Amount, AmountFigure, DayFigure, ErrorView, Link, Read,
    StatusBadge,
};
use crate::i18n::*;
use crate::routes::AppRoute;
use cashgo_core::{DelayDetail, OrderNo};
use leptos::html::{Button, Dialog};
use leptos::prelude::*;

/// `/extend/:oid`: the former H5 extension page (from `/Repay/loanDelay`).
#[component]
pub fn ExtendPage(
    /// The order number from the address.
    oid: OrderNo,
) -> impl IntoView {
    // Shaped as RepayPage: `LoanFrame` is the shared piece, each page draws its own read.
    let i18n = use_i18n();
    let read = Read::delay(oid.clone(), |detail| {
        view! { <ExtendDetails detail=detail /> }.into_any()
    });
    view! { <LoanFrame title_id="extend-title" title=move || tr!(i18n, extend.title) oid=oid read=read /> }
}

#[component]
fn ExtendDetails(detail: DelayDetail) -> impl IntoView {
    let i18n = use_i18n();
    let status = detail.bill.status;
    let allowed = status.is_open() && detail.bill.delay_unpaid.is_zero();
    view! {
        <p>{tr!(i18n, extend.intro)}</p>
        <div class=format!("card card-{}", status.as_str())>
            <StatusBadge status=status />
            <p class="hero-label">{tr!(i18n, extend.fee)}</p>
            <p class="hero-amount" data-testid="extension-fee"><Amount value=detail.delay_fee /></p>
            <dl class="figures">
                {detail.overdue_fee.map(|fee| view! {
                    <AmountFigure label=move || tr!(i18n, extend.overdue_fee) id="overdue-fee" value=fee />
                })}
                <AmountFigure label=move || tr!(i18n, extend.amount_today) id="amount-today" value=detail.need_repay />
                {detail.due.map(|day| view! {
                    <DayFigure label=move || tr!(i18n, extend.current_due) id="current-due" day=day />
                })}
                {detail.next_due.map(|day| view! {
                    <DayFigure label=move || tr!(i18n, extend.new_due) id="new-due" day=day />
                })}
            </dl>
        </div>
        {if allowed {
            view! { <ExtendConfirm detail=detail /> }.into_any()
        } else {
            view! { <p class="notice notice-info">{tr!(i18n, extend.not_allowed)}</p> }.into_any()
        }}
    }
}

/// The confirm step: a modal dialog that states the fee and the new day,
/// then one `/Repay/ajaxDelay` with the bill id (Q6).
#[component]
fn ExtendConfirm(detail: DelayDetail) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<Dialog>::new();
    let opener = NodeRef::<Button>::new();
    let bill_id = detail.bill.id.clone();
    let close = move || {
        if let Some(dialog) = dialog.get_untracked() {
            dialog.close();
        }
    };
    // Either answer is said on the page, below the dialog.
    let extend = write_action(move |_| close());
    let fee = detail.delay_fee;
    let new_day = detail.next_due;
    let formats = crate::api::formats();
    let fee_text = move || crate::format::money(fee, formats, i18n.get_locale());
    let day_text = move || {
        new_day
            .map(|d| crate::format::day(d, i18n.get_locale()))
            .unwrap_or_default()
    };
    let oid = detail.order.clone();
    view! {
        {move || match extend.value().get() {
            Some(Ok(_)) => view! {
                <div class="notice notice-success" role="status" data-testid="extension-done">
                    <p class="notice-title">{tr!(i18n, extend.done_title)}</p>
                    <p>{tr!(i18n, extend.done_body, day = day_text(), fee = fee_text())}</p>
                    <Link to=AppRoute::Pay(oid.clone()) class="button button-primary button-block">
                        {tr!(i18n, extend.pay_fee)}
                    </Link>
                </div>
            }.into_any(),
            other => view! {
                {other.and_then(Result::err).map(|error| view! { <ErrorView error=error /> })}
                <button
                    type="button"
                    class="button button-primary button-block"
                    node_ref=opener
                    aria-haspopup="dialog"
                    on:click=move |_| {
                        if let Some(dialog) = dialog.get_untracked() {
                            let _ = dialog.show_modal();
                        }
                    }
                >
                    {tr!(i18n, extend.confirm)}
                </button>
            }.into_any(),
        }}
        <dialog
            node_ref=dialog
            aria-labelledby="extend-dialog-title"
            aria-describedby="extend-dialog-body"
            on:close=move |_| {
                // Give focus back to what opened the dialog (or the page, once it is gone).
                match opener.get_untracked() {
                    Some(button) if button.is_connected() => { let _ = button.focus(); }
                    _ => focus_main(),
                }
            }
        >
            <h2 id="extend-dialog-title">{tr!(i18n, extend.dialog_title)}</h2>
            <p id="extend-dialog-body">
                {tr!(i18n, extend.dialog_body, fee = fee_text(), day = day_text())}
            </p>
            <div class="dialog-actions">
                <ActionButton
                    pending=extend.pending()
                    label=move || tr!(i18n, extend.dialog_confirm)
                    busy_label=move || tr!(i18n, extend.pending)
                    on_press={
                        let (bill, order) = (bill_id.clone(), detail.order.clone());
                        move |_| {
                            extend.dispatch(Write::Extend { bill: bill.clone(), order: order.clone() });
                        }
                    }
                />
                <button type="button" class="button button-secondary button-block" on:click=move |_| close()>
                    {tr!(i18n, extend.dialog_cancel)}
                </button>
            </div>
        </dialog>
    }
}
