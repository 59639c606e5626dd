//! Pieces shared by several pages.

mod action_button;
mod amount;
mod countdown;
mod day_text;
mod error_view;
mod figure;
mod lang_switch;
mod layout;
mod link;
mod loader;
mod photo_field;
mod skeleton;
mod status_badge;

pub use action_button::ActionButton;
pub use amount::Amount;
pub use countdown::Countdown;
pub use day_text::DayText;
pub use error_view::ErrorView;
pub use figure::{AmountFigure, DayFigure, Figure};
pub use lang_switch::LangSwitch;
pub use layout::{focus_main, Layout};
pub use link::Link;
pub use loader::{use_reload, write_action, Loader, Read};
pub use photo_field::PhotoField;
pub use skeleton::Skeleton;
pub use status_badge::StatusBadge;
