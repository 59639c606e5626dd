//! Pieces shared by several pages.

mod amount;
mod countdown;
mod error_view;
mod figure;
mod lang_switch;
mod layout;
mod skeleton;
mod status_badge;

pub use amount::{Amount, DayText};
pub use countdown::Countdown;
pub use error_view::{error_text, ErrorView};
pub use figure::Figure;
pub use lang_switch::LangSwitch;
pub use layout::Layout;
pub use skeleton::Skeleton;
pub use status_badge::StatusBadge;
