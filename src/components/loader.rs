use super::{ErrorView, Skeleton};
use crate::api::{self, Done, Page, Read, Write};
use cashgo_core::ApiError;
use leptos::prelude::*;

/// Loads a page's data and shows it: a skeleton of the page's shape until
/// the first answer, then the page (kept on screen while a retry is under
/// way), or the error with a retry. A write that changes the page reads it
/// again through [`use_reload`] passed to [`write_action_then`].
///
/// One non-generic component instead of `Transition`/`Suspend` and a
/// resource in every page: the same three states everywhere, and one copy
/// of the async machinery in the wasm.
#[component]
pub fn Loader(
    /// What to read.
    read: Read,
    /// Rows of the skeleton, roughly the page's figures.
    #[prop(default = 4)]
    rows: usize,
    /// Draws the page from the data.
    view: fn(Page) -> AnyView,
) -> impl IntoView {
    let session = crate::session::use_session();
    // Set by a retry until its answer is in: taps meanwhile send nothing.
    let reading = StoredValue::new(false);
    let resource = LocalResource::new(move || {
        let read = read.clone();
        async move {
            let result = api::read(read.clone()).await;
            session.note_read(&read, &result);
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
    move || {
        let state = resource.get();
        if state.is_some() {
            // The page (or its error) replaces the first paint, if any.
            crate::boot::unpaint();
        }
        match state {
            None => view! { <Skeleton rows=rows /> }.into_any(),
            Some(Ok(data)) => view(data),
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

/// A new [`WriteAction`] owned by the calling component.
pub fn write_action() -> WriteAction {
    new_write_action(None)
}

/// A [`write_action`] that runs `then` once a write succeeds, e.g. the
/// page's [`use_reload`]: what follows a write is said where it is sent,
/// not by an effect watching the action's value.
pub fn write_action_then(then: Callback<()>) -> WriteAction {
    new_write_action(Some(then))
}

fn new_write_action(then: Option<Callback<()>>) -> WriteAction {
    let session = crate::session::use_session();
    Action::new_local(move |what: &Write| {
        let what = what.clone();
        async move {
            let result = api::write(what.clone()).await;
            session.note_write(&what, &result);
            if let (Some(then), Ok(_)) = (then, &result) {
                // The component may be gone by now: then there is nothing to follow.
                then.try_run(());
            }
            result
        }
    })
}
