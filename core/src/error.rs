//! What can go wrong reading the API, as the borrower is told it.

/// Everything that can go wrong talking to the API, one variant per thing a
/// user can be told.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: no network.
    #[error("no connection")]
    Offline,
    /// No answer in time.
    #[error("the server took too long to answer")]
    Timeout,
    /// The session is gone: log in again, then come back.
    #[error("session expired")]
    SessionExpired,
    /// The server's own message, meant for the user.
    #[error("{0}")]
    Server(String),
    /// A reply the app cannot read; the detail is for logs only.
    #[error("unexpected reply: {0}")]
    Unexpected(String),
    /// A write whose answer was lost (timeout, dropped connection,
    /// unreadable reply) and whose effect the API gives no way to check:
    /// it may have arrived. Sending it again may make a second record.
    #[error("the write may or may not have arrived")]
    Unconfirmed,
    /// Stopped here before its answer: an upload the borrower cancelled
    /// or replaced with another photo. Nothing went wrong.
    #[error("cancelled")]
    Cancelled,
}

impl ApiError {
    /// Whether a write that failed this way may still have reached the
    /// server and taken effect: the request left, but no readable answer
    /// came back. A refusal, an expired session or a request that never left
    /// (the browser was offline) leave nothing done.
    pub fn may_have_arrived(&self) -> bool {
        matches!(
            self,
            ApiError::Offline | ApiError::Timeout | ApiError::Unexpected(_)
        )
    }
}
