//! The route table: a public contract, since the native apps open these paths.

use cashgo_core::{form::form_body, OrderNo};
use leptos::prelude::*;

/// Every page of the app, with what its path needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AppRoute {
    Home,
    /// `next` is where to go back to after logging in (an app path).
    Login {
        next: Option<String>,
        expired: bool,
    },
    Orders,
    Repay(OrderNo),
    Extend(OrderNo),
    Pay(OrderNo),
    Proof(OrderNo),
    Feedback,
    Contacts,
    Support,
}

impl AppRoute {
    /// The path inside the app (without the deployment's sub-path).
    pub fn path(&self) -> String {
        match self {
            AppRoute::Home => "/".to_owned(),
            AppRoute::Login { next, expired } => {
                let mut query = Vec::new();
                if let Some(next) = next.as_deref().and_then(safe_next) {
                    query.push(("next", next));
                }
                if *expired {
                    query.push(("expired", "1"));
                }
                if query.is_empty() {
                    "/login".to_owned()
                } else {
                    // The browser's `URLSearchParams` reads it back (`url::query_param`).
                    format!("/login?{}", form_body(&query))
                }
            }
            AppRoute::Orders => "/orders".to_owned(),
            AppRoute::Repay(oid) => format!("/repay/{}", oid.as_str()),
            AppRoute::Extend(oid) => format!("/extend/{}", oid.as_str()),
            AppRoute::Pay(oid) => format!("/pay/{}", oid.as_str()),
            AppRoute::Proof(oid) => format!("/proof/{}", oid.as_str()),
            AppRoute::Feedback => "/feedback".to_owned(),
            AppRoute::Contacts => "/contacts".to_owned(),
            AppRoute::Support => "/support".to_owned(),
        }
    }

    /// The page for a path inside the app (without the sub-path and the
    /// query): the inverse of [`AppRoute::path`], and the app's only route
    /// table. `None` is the NotFound page, malformed order numbers included.
    /// The login page reads its own query.
    pub fn parse(path: &str) -> Option<AppRoute> {
        // One trailing slash is forgiven (`/orders/`), as servers do.
        let path = match path.strip_suffix('/') {
            Some(rest) if !rest.is_empty() && !rest.ends_with('/') => rest,
            _ => path,
        };
        let route = match path {
            "/" => AppRoute::Home,
            "/login" => AppRoute::Login {
                next: None,
                expired: false,
            },
            "/orders" => AppRoute::Orders,
            "/feedback" => AppRoute::Feedback,
            "/contacts" => AppRoute::Contacts,
            "/support" => AppRoute::Support,
            _ => {
                let (page, oid) = path.strip_prefix('/')?.split_once('/')?;
                let oid = OrderNo::new(oid)?;
                match page {
                    "repay" => AppRoute::Repay(oid),
                    "extend" => AppRoute::Extend(oid),
                    "pay" => AppRoute::Pay(oid),
                    "proof" => AppRoute::Proof(oid),
                    _ => return None,
                }
            }
        };
        Some(route)
    }
}

/// Accepts a `?next=` target only if it is a path inside this app, so a
/// crafted link cannot send a borrower to another site after logging in.
pub fn safe_next(next: &str) -> Option<&str> {
    let ok = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && !next.chars().any(char::is_control)
        && !next.starts_with("/login");
    ok.then_some(next)
}

/// The sub-path the app is served under, from Trunk's `<base href>`
/// (`""` at the origin root, `"/h5"` under `/h5/`).
pub fn router_base() -> String {
    let Some(base) = document().query_selector("base[href]").ok().flatten() else {
        return String::new();
    };
    let href = base.get_attribute("href").unwrap_or_default();
    crate::url::path(&href)
        .map(|path| path.trim_end_matches('/').to_owned())
        .unwrap_or_default()
}

/// Strips the deployment's sub-path (e.g. `/h5`) from a browser path.
pub fn strip_base<'a>(base: &str, path: &'a str) -> &'a str {
    let base = base.trim_end_matches('/');
    if base.is_empty() {
        return path;
    }
    match path.strip_prefix(base) {
        Some("") => "/",
        Some(rest) if rest.starts_with('/') => rest,
        _ => path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn oid() -> OrderNo {
        OrderNo::new("2023051914035297833260").unwrap()
    }

    #[test]
    fn paths_match_the_public_contract() {
        assert_eq!(AppRoute::Home.path(), "/");
        assert_eq!(AppRoute::Orders.path(), "/orders");
        assert_eq!(
            AppRoute::Repay(oid()).path(),
            "/repay/2023051914035297833260"
        );
        assert_eq!(
            AppRoute::Extend(oid()).path(),
            "/extend/2023051914035297833260"
        );
        assert_eq!(AppRoute::Pay(oid()).path(), "/pay/2023051914035297833260");
        assert_eq!(
            AppRoute::Proof(oid()).path(),
            "/proof/2023051914035297833260"
        );
        assert_eq!(AppRoute::Feedback.path(), "/feedback");
        assert_eq!(AppRoute::Contacts.path(), "/contacts");
        assert_eq!(AppRoute::Support.path(), "/support");
    }

    #[test]
    fn login_carries_a_safe_next_only() {
        let login = |next: &str| {
            AppRoute::Login {
                next: Some(next.to_owned()),
                expired: true,
            }
            .path()
        };
        assert_eq!(
            login("/repay/1?lang=en"),
            "/login?next=%2Frepay%2F1%3Flang%3Den&expired=1"
        );
        assert_eq!(login("//evil.example"), "/login?expired=1");
        assert_eq!(login("https://evil.example"), "/login?expired=1");
        assert_eq!(login("/login?next=/x"), "/login?expired=1");
        assert_eq!(
            AppRoute::Login {
                next: None,
                expired: false
            }
            .path(),
            "/login"
        );
    }

    #[test]
    fn every_route_parses_back_from_its_path() {
        let oid = OrderNo::new("DEMO-1_a").unwrap();
        let routes = [
            AppRoute::Home,
            AppRoute::Login {
                next: None,
                expired: false,
            },
            AppRoute::Orders,
            AppRoute::Repay(oid.clone()),
            AppRoute::Extend(oid.clone()),
            AppRoute::Pay(oid.clone()),
            AppRoute::Proof(oid),
            AppRoute::Feedback,
            AppRoute::Contacts,
            AppRoute::Support,
        ];
        for route in routes {
            assert_eq!(AppRoute::parse(&route.path()), Some(route.clone()));
            if route != AppRoute::Home {
                let slash = format!("{}/", route.path());
                assert_eq!(AppRoute::parse(&slash), Some(route));
            }
        }
    }

    #[test]
    fn unknown_paths_and_bad_order_numbers_are_not_found() {
        for path in [
            "",
            "//",
            "/nope",
            "/repay",
            "/repay/",
            "/repay/a b",
            "/repay/a/b",
            "/Repay/1",
            "/pay/%2e%2e",
            "/orders//",
            "/login/x",
        ] {
            assert_eq!(AppRoute::parse(path), None, "{path:?}");
        }
        let long = format!("/repay/{}", "9".repeat(65));
        assert_eq!(AppRoute::parse(&long), None);
    }

    #[test]
    fn base_is_stripped_only_at_a_segment_boundary() {
        assert_eq!(strip_base("/h5", "/h5/repay/1"), "/repay/1");
        assert_eq!(strip_base("/h5/", "/h5"), "/");
        assert_eq!(strip_base("/h5", "/h5x/repay"), "/h5x/repay");
        assert_eq!(strip_base("", "/orders"), "/orders");
    }
}
