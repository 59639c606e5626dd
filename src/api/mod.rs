//! The wire: the only module that knows the API.
