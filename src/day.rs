//! Days (Q5).
