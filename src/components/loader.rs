use super::{ErrorView, Skeleton};
use crate::api::{self, Done, Write};
use cashgo_core::{ApiError, DelayDetail, Home, LoanDetail, Order, OrderNo, Support};
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

/// A page's first read, with the view that draws its answer. Each
/// constructor names the type its view takes, so a page can only draw its
/// own read's answer: a mismatch is a compile error, not a blank page.
#[derive(Clone)]
pub enum Read {
    /// #13, `/repay/:oid`: the page in the first module (the reminders'
    /// page, src/pages/lazy.rs), its read sent and decoded here.
    Detail(OrderNo, fn(LoanDetail) -> AnyView),
    /// A page in a chunk of its own: its read, decoder and view are built
    /// where the page is ([`Read::home`] and the others are only called
    /// from there), so they travel with its chunk, not the first module.
    Chunk(Rc<dyn Fn() -> Reading>),
}

impl Read {
    /// #3, `/`.
    pub fn home(view: fn(Home) -> AnyView) -> Self {
        Self::chunk(api::loans, view)
    }

    /// #4, `/orders`.
    pub fn orders(view: fn(Vec<Order>) -> AnyView) -> Self {
        Self::chunk(api::orders, view)
    }

    /// #14, `/extend/:oid`.
    pub fn delay(order: OrderNo, view: fn(DelayDetail) -> AnyView) -> Self {
        Self::chunk(
            move || {
                let order = order.clone();
                async move { api::loan_delay(&order).await }
            },
            view,
        )
    }

    /// #11, `/support`.
    pub fn support(view: fn(Support) -> AnyView) -> Self {
        Self::chunk(api::support, view)
    }

    fn chunk<T, F>(read: impl Fn() -> F + 'static, view: fn(T) -> AnyView) -> Self
    where
        T: Clone + 'static,
        F: Future<Output = Result<T, ApiError>> + 'static,
    {
        let read = Rc::new(read);
        Read::Chunk(Rc::new(move || {
            let read = Rc::clone(&read);
            Box::pin(async move { Ok(drawn(read().await?, view)) })
        }))
    }
}

/// A page's read on its way, drawn once it is in.
type Reading = Pin<Box<dyn Future<Output = Result<Drawn, ApiError>>>>;

/// An answer with its view, ready to draw (again on each answer).
type Drawn = Rc<dyn Fn() -> AnyView>;

fn drawn<T: Clone + 'static>(data: T, view: fn(T) -> AnyView) -> Drawn {
    Rc::new(move || view(data.clone()))
}

/// Sends the read and pairs its answer with its view. Every page loads
/// through this one function, so the wasm holds one copy of the resource
/// and future machinery instead of one per page (README "Size and speed").
async fn load(read: Read) -> Result<Drawn, ApiError> {
    match read {
        Read::Detail(order, view) => Ok(drawn(api::loan_detail(&order).await?, view)),
        Read::Chunk(read) => read().await,
    }
}

/// Loads a page's data and shows it: a skeleton of the page's shape until
/// the first answer, then the page (kept on screen while a retry is under
/// way), or the error with a retry. A write that changes the page reads it
/// again through [`use_reload`], called by [`write_action`]'s follow-up.
///
/// One non-generic component instead of `Transition`/`Suspend` and a
/// resource in every page: the same three states everywhere, and one copy
/// of the async machinery in the wasm.
#[component]
pub fn Loader(
    /// What to read, and how to draw it.
    read: Read,
    /// Rows of the skeleton, roughly the page's figures.
    #[prop(default = 4)]
    rows: usize,
) -> impl IntoView {
    // Set by a retry until its answer is in: taps meanwhile send nothing.
    let reading = StoredValue::new(false);
    let resource = LocalResource::new(move || {
        let read = read.clone();
        async move {
            let result = load(read).await;
            reading.set_value(false);
            result
        }
    });
    let retry = Callback::new(move |_: ()| {
        if !reading.get_value() {
            reading.set_value(true);
            resource.refetch();
        }
    });
    provide_context(Reload(retry));
    // The native app's `window.cashgo.refresh()` reads the page again.
    crate::bridge::on_refresh(retry);
    move || {
        let state = resource.get();
        if state.is_some() {
            // The page (or its error) replaces the first paint, if any.
            crate::boot::unpaint();
        }
        match state {
            None => view! { <Skeleton rows=rows /> }.into_any(),
            Some(Ok(draw)) => draw(),
            Some(Err(error)) => view! { <ErrorView error=error retry=retry /> }.into_any(),
        }
    }
}

#[derive(Clone, Copy)]
struct Reload(Callback<()>);

/// Reads the page's data again (after a write that changed it).
pub fn use_reload() -> Callback<()> {
    expect_context::<Reload>().0
}

/// An action that sends [`Write`]s: every button that changes something
/// uses this one shape (one copy of the action machinery in the wasm).
type WriteAction = Action<Write, Result<Done, ApiError>>;

/// What follows a write, given its answer.
type Then = Rc<dyn Fn(&Result<Done, ApiError>)>;

/// A new [`WriteAction`] owned by the calling component. `then` is what
/// follows each answer (read the page again, clear the draft, go on):
/// said where the write is sent, never by an effect watching the action's
/// value. It runs before the answer reaches the action's value, and not
/// at all once the component is gone.
pub fn write_action(then: impl Fn(&Result<Done, ApiError>) + 'static) -> WriteAction {
    // The page has a form: what sends it comes now, not at the tap.
    api::preload_writes();
    new_write_action(Rc::new(then))
}

/// Not generic: one copy of the action machinery for every page.
fn new_write_action(then: Then) -> WriteAction {
    // Disposed with the calling component: then there is nothing to follow.
    let alive = StoredValue::new(());
    Action::new_local(move |what: &Write| {
        let (what, then) = (what.clone(), Rc::clone(&then));
        async move {
            let result = api::write(what).await;
            if alive.try_get_value().is_some() {
                then(&result);
            }
            result
        }
    })
}
