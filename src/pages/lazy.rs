//! Pages in chunks of their own (issue 14, README "Size and speed"): each
//! `#[wasm_split]` function below is cut out of the first-page module by
//! the build (scripts/wasm-link) with the code only it reaches, and fetched
//! the first time its page is shown (at once, beside the app, when the
//! address is that page's: `index.html` starts it). The repayment page, the
//! one the SMS reminders open, stays in the first module.
//!
//! A split function runs inside its chunk: it only builds the page's view.
//! It is sync, and called once its chunk is in, so the page is built in the
//! same place and under the same reactive owner as one in the first module.

use crate::components::{ErrorView, Skeleton};
use crate::platform::Unloaded;
use cashgo_core::{ApiError, OrderNo};
use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// A page's view, from its chunk.
type Built = Result<AnyView, Unloaded>;
/// Fetches a page's chunk (the split function's `preload`).
type Fetch = fn() -> Pin<Box<dyn Future<Output = Result<(), SplitLoaderError>>>>;

/// For each page: `$name`, the split function that builds its view inside
/// its chunk, and `$page`, the page for `pages::Pages` ([`lazy`] on them).
/// The first two arguments are what scripts/split.py reads (`module`,
/// `<route>_chunk`): keep them first.
macro_rules! chunk {
    ($module:ident, $fetch:ident, $page:ident, $name:ident ( $($arg:ident : $ty:ty),* ) => $view:expr) => {
        #[wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible, preload($fetch))]
        fn $name($($arg: $ty),*) -> Built {
            Ok($view.into_any())
        }

        pub fn $page($($arg: $ty),*) -> AnyView {
            lazy(|| Box::pin($fetch()), move || ready($name($($arg.clone()),*)))
        }
    };
}

chunk!(home, home_chunk, home, home_page() => view! { <super::HomePage /> });
chunk!(login, login_chunk, login, login_page() => view! { <super::LoginPage /> });
chunk!(rest, orders_chunk, orders, orders_page() => view! { <super::OrdersPage /> });
chunk!(extend, extend_chunk, extend, extend_page(oid: OrderNo) => view! { <super::ExtendPage oid=oid /> });
chunk!(rest, pay_chunk, pay, pay_page(oid: OrderNo) => view! { <super::PayPage oid=oid /> });
chunk!(rest, proof_chunk, proof, proof_page(oid: OrderNo) => view! { <super::ProofPage oid=oid /> });
chunk!(rest, feedback_chunk, feedback, feedback_page() => view! { <super::FeedbackPage /> });
chunk!(rest, contacts_chunk, contacts, contacts_page() => view! { <super::ContactsPage /> });
chunk!(rest, support_chunk, support, support_page() => view! { <super::SupportPage /> });

/// The view of a page whose chunk is in: its split function returns at
/// its first poll (the chunk's load is memoized).
fn ready(future: impl Future<Output = Built>) -> Built {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(built) => built,
        Poll::Pending => Err(Unloaded),
    }
}

/// Where a chunk stands.
#[derive(Clone, Copy, PartialEq)]
enum State {
    Loading,
    Failed,
    In,
}

/// A page from a chunk: the page's skeleton while its chunk arrives, then
/// the page; if it does not arrive, the connection error with a retry (the
/// chunk is fetched again; a failure is never kept).
fn lazy(fetch: Fetch, build: impl Fn() -> Built + 'static) -> AnyView {
    let state = RwSignal::new(State::Loading);
    let build = StoredValue::new_local(build);
    let load = move || {
        state.set(State::Loading);
        leptos::task::spawn_local(async move {
            let arrived = fetch().await.is_ok();
            // The page may have been left meanwhile.
            let _ = state.try_set(if arrived { State::In } else { State::Failed });
        });
    };
    load();
    let retry = Callback::new(move |_: ()| {
        if state.get_untracked() == State::Failed {
            load();
        }
    });
    (move || match state.get() {
        State::Loading => view! { <Skeleton /> }.into_any(),
        State::In => build
            .try_with_value(|build| build())
            .and_then(Result::ok)
            .unwrap_or_else(|| failed(retry)),
        State::Failed => failed(retry),
    })
    .into_any()
}

fn failed(retry: Callback<()>) -> AnyView {
    // The page's content goes where the first paint was.
    crate::boot::unpaint();
    view! { <ErrorView error=ApiError::Offline retry=retry /> }.into_any()
}

/// The pages one tap away from the reminders' page ("Pay now", "Extend"):
/// their chunks are fetched once that page is drawn and has had a moment
/// (3 s, after its own start), so that the tap does not wait for them. A
/// failure is left to the tap, which fetches again.
pub fn fetch_soon() {
    crate::platform::Timer::start(3_000, || {
        leptos::task::spawn_local(async {
            let _ = pay_chunk().await;
            let _ = extend_chunk().await;
        });
    })
    .detach();
}
