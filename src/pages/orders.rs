use crate::components::{AmountFigure, DayFigure, Link, Loader, Read, StatusBadge};
use crate::i18n::*;
use crate::routes::AppRoute;
use cashgo_core::Order;
use leptos::prelude::*;

/// `/orders`: the borrower's loans, newest first (`/Repay/orders`; the
/// session cookie identifies them, no password is re-sent: Q8).
#[component]
pub fn OrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page" aria-labelledby="orders-title">
            <h1 id="orders-title">{tr!(i18n, orders.title)}</h1>
            <Loader read=Read::orders(|list| view! { <OrderList list=list /> }.into_any()) rows=3 />
        </section>
    }
}

#[component]
fn OrderList(list: Vec<Order>) -> impl IntoView {
    let i18n = use_i18n();
    if list.is_empty() {
        return view! { <p>{tr!(i18n, orders.empty)}</p> }.into_any();
    }
    view! {
        <ul class="order-list">
            {list.into_iter().map(|order| view! { <OrderItem order=order /> }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn OrderItem(order: Order) -> impl IntoView {
    let i18n = use_i18n();
    let oid = order.order.clone();
    let order_no = oid.to_string();
    view! {
        <li class=format!("card card-{}", order.status.as_str())>
            <StatusBadge status=order.status />
            <p class="order-no">{tr!(i18n, orders.order, oid = order_no.clone())}</p>
            <dl class="figures">
                <AmountFigure label=move || tr!(i18n, orders.amount) value=order.money />
                {order.repay_money.map(|total| view! {
                    <AmountFigure label=move || tr!(i18n, orders.to_pay) value=total />
                })}
                {order.due.map(|due| view! {
                    <DayFigure label=move || tr!(i18n, orders.due_day) day=due />
                })}
            </dl>
            <Link to=AppRoute::Repay(oid) class="button">{tr!(i18n, orders.open)}</Link>
        </li>
    }
}
