//! The app's modules import each other without a cycle, and the
//! configuration never reaches the API (README "Architecture"). A check on
//! the sources: each `crate::…` path outside a file's tests is an edge from
//! its top-level module (`api`, `config`, `pages`…) to the one it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Graph = BTreeMap<String, BTreeSet<String>>;

/// Every `.rs` file under `dir`, as (module path, text).
fn sources(dir: &Path, prefix: &[String], out: &mut Vec<(Vec<String>, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut module = prefix.to_vec();
        if path.is_dir() {
            module.push(name);
            sources(&path, &module, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            if !matches!(name.as_str(), "mod" | "lib" | "main") {
                module.push(name);
            }
            out.push((module, std::fs::read_to_string(&path).unwrap()));
        }
    }
}

/// The text before the file's unit tests.
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]\nmod tests")
        .map_or(text, |at| &text[..at])
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths named after each `crate::`, groups (`crate::{a, b::c}`)
/// expanded.
fn crate_paths(text: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| is_ident(c) || c == '$' || c == ':') {
            continue;
        }
        paths.extend(group_or_path(rest));
    }
    paths
}

/// `a::b::c` or `{x, y::z}` at the start of `text`.
fn group_or_path(text: &str) -> Vec<Vec<String>> {
    if let Some(inner) = text.strip_prefix('{') {
        let mut depth = 0;
        let mut items = Vec::new();
        let mut start = 0;
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    items.push(&inner[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items
            .into_iter()
            .flat_map(|item| group_or_path(item.trim()))
            .collect()
    } else {
        let mut path = Vec::new();
        let mut rest = text;
        loop {
            let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            path.push(rest[..end].to_owned());
            match rest[end..].strip_prefix("::") {
                Some(next) if !next.starts_with('{') => rest = next,
                Some(next) => {
                    return group_or_path(next)
                        .into_iter()
                        .map(|tail| path.iter().cloned().chain(tail).collect())
                        .collect();
                }
                None => break,
            }
        }
        vec![path]
    }
}

/// Top-level module → the top-level modules it imports.
fn graph() -> Graph {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &[],
        &mut files,
    );
    let tops: BTreeSet<String> = files
        .iter()
        .filter_map(|(m, _)| m.first().cloned())
        .collect();
    let mut graph = Graph::new();
    for (module, text) in &files {
        let Some(from) = module.first() else { continue };
        let edges = graph.entry(from.clone()).or_default();
        for path in crate_paths(without_tests(text)) {
            if let Some(to) = path.first().filter(|to| tops.contains(*to) && *to != from) {
                edges.insert(to.clone());
            }
        }
    }
    graph
}

/// A cycle, if there is one, as the modules along it.
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, done, path) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut done, &mut Vec::new()))
}

/// Everything `from` imports, directly or not.
fn reachable(graph: &Graph, from: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![from.to_owned()];
    while let Some(node) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if seen.insert(next.clone()) {
                stack.push(next.clone());
            }
        }
    }
    seen
}

#[test]
fn no_import_cycle_among_the_app_modules() {
    let graph = graph();
    assert!(graph.contains_key("api") && graph.contains_key("pages"));
    if let Some(cycle) = cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" -> "));
    }
}

#[test]
fn the_config_does_not_reach_the_api() {
    let from_config = reachable(&graph(), "config");
    assert!(
        !from_config.contains("api"),
        "config reaches: {from_config:?}"
    );
}

#[test]
fn the_check_sees_cycles_and_grouped_imports() {
    let paths = crate_paths("use crate::{api::{self, Read}, lang};\nx::crate::no;");
    assert_eq!(
        paths,
        [
            vec!["api".to_owned(), "self".to_owned()],
            vec!["api".to_owned(), "Read".to_owned()],
            vec!["lang".to_owned()],
        ]
    );
    let edge = |a: &str, b: &str| (a.to_owned(), BTreeSet::from([b.to_owned()]));
    let looped = Graph::from([edge("a", "b"), edge("b", "c"), edge("c", "a")]);
    assert_eq!(
        cycle(&looped).map(|c| c.join(" -> ")).as_deref(),
        Some("a -> b -> c -> a")
    );
    let chain = Graph::from([edge("a", "b"), edge("b", "c")]);
    assert_eq!(cycle(&chain), None);
    assert_eq!(
        reachable(&chain, "a"),
        BTreeSet::from(["b".into(), "c".into()])
    );
}
