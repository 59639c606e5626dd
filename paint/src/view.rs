//! The markup, as the app's components render it.
use crate::html::Html;
use crate::input::Page;

pub fn render(_page: &Page) -> String {
    Html::default().into_string()
}
