//! Money in integer minor units (Q2).
