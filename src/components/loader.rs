use super::{ErrorView, Skeleton};
use crate::api::ApiError;
use leptos::prelude::*;

/// Shows what a read returns: a skeleton of the page's shape until the first
/// answer, then the page (kept on screen while a retry is under way), or the
/// error with a retry.
///
/// One generic component instead of `Transition`/`Suspend` in every page: the
/// same three states everywhere, and a smaller wasm (one async view path).
#[component]
pub fn Loader<T>(
    /// The read, started by the page.
    resource: LocalResource<Result<T, ApiError>>,
    /// Rows of the skeleton, roughly the page's figures.
    #[prop(default = 4)]
    rows: usize,
    /// Draws the page from the data.
    view: fn(T) -> AnyView,
) -> impl IntoView
where
    T: Clone + 'static,
{
    let retry = Callback::new(move |_: ()| resource.refetch());
    move || match resource.get() {
        None => view! { <Skeleton rows=rows /> }.into_any(),
        Some(Ok(data)) => view(data),
        Some(Err(error)) => view! { <ErrorView error=error retry=retry /> }.into_any(),
    }
}
