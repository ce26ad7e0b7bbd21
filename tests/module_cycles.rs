//! The library's modules form no cycle: if `a` uses `b`, nothing `b` uses (directly
//! or through others) uses `a`. A module is a file; a file's use of its own parent
//! or ancestors does not count (a child module is part of its parent), but siblings
//! and modules in other parts of the tree do. The binary (`main.rs`, `cli.rs`) is
//! another crate and is left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type ModPath = Vec<String>;

/// The module path of a file under `src/`: `server/imap/session.rs` -> server::imap::session.
fn module_of(rel: &str) -> ModPath {
    let rel = rel.trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The source without comments, string and char literals, and the trailing
/// `#[cfg(test)]` module (tests may use anything).
fn code_only(src: &str) -> String {
    let src = match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    };
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if b[i..].starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            i = end;
        } else if b[i] == b'r' && (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#')) {
            // Raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&b'"') {
                let close = format!("\"{}", "#".repeat(hashes));
                i = src[j + 1..]
                    .find(&close)
                    .map_or(b.len(), |e| j + 1 + e + close.len());
                out.push_str("\"\"");
            } else {
                out.push('r');
                i += 1;
            }
        } else if b[i] == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if b[i] == b'\'' {
            // A char literal ('a', '\n', '\'') or a lifetime ('a).
            let rest = &src[i + 1..];
            let lit_len = if let Some(esc) = rest.strip_prefix('\\') {
                esc.find('\'').map(|e| e + 2)
            } else {
                let mut cs = rest.char_indices();
                match (cs.next(), cs.next()) {
                    (Some(_), Some((k, '\''))) => Some(k),
                    _ => None,
                }
            };
            match lit_len {
                Some(n) => {
                    i += 1 + n + 1;
                    out.push_str("' '");
                }
                None => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let ch = src[i..].chars().next().unwrap();
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Expands a `use` tree (`crate::a::{self, b::c as d, e::*}`) into
/// (local name or None, full path segments).
fn expand_use(tree: &str, prefix: &[String], out: &mut Vec<(Option<String>, Vec<String>)>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head = tree[..open].trim().trim_end_matches("::");
        let mut base: Vec<String> = prefix.to_vec();
        base.extend(
            head.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut start = 0;
        for (k, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand_use(&inner[start..k], &base, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand_use(&inner[start..], &base, out);
        return;
    }
    if tree.is_empty() {
        return;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p.trim(), Some(a.trim().to_string())),
        None => (tree, None),
    };
    let mut full: Vec<String> = prefix.to_vec();
    for seg in path.split("::").map(str::trim).filter(|s| !s.is_empty()) {
        if seg == "self" {
            // `a::{self}` names `a` itself.
            continue;
        }
        full.push(seg.to_string());
    }
    let local = alias.or_else(|| full.last().cloned());
    out.push((local, full));
}

/// Turns a path written in module `here` (`crate::x`, `super::y`, `self::z`, or an
/// alias) into an absolute module path, or None for external crates.
fn absolute(
    here: &ModPath,
    segs: &[String],
    aliases: &BTreeMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    let first = segs.first()?;
    let mut abs: Vec<String>;
    let mut rest = &segs[1..];
    match first.as_str() {
        "crate" | "maillab" => abs = Vec::new(),
        "self" => abs = here.clone(),
        "super" => {
            abs = here.clone();
            abs.pop();
            while rest.first().is_some_and(|s| s == "super") {
                abs.pop();
                rest = &rest[1..];
            }
        }
        name => {
            let target = aliases.get(name)?;
            abs = target.clone();
        }
    }
    abs.extend(rest.iter().cloned());
    Some(abs)
}

/// The longest prefix of `path` that is a module.
fn resolve(path: &[String], modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| modules.contains(p))
}

/// Module -> the modules it uses (ancestors excluded).
fn graph(files: &BTreeMap<String, String>) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules: BTreeSet<ModPath> = files.keys().map(|f| module_of(f)).collect();
    let mut g = BTreeMap::new();
    for (file, src) in files {
        let here = module_of(file);
        let code = code_only(src);
        let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut paths: Vec<Vec<String>> = Vec::new();
        // `use` statements, expanded; their local names become aliases.
        let mut rest = code.as_str();
        while let Some(k) = rest.find("use ") {
            let before_ok = k == 0
                || !rest.as_bytes()[k - 1].is_ascii_alphanumeric()
                    && rest.as_bytes()[k - 1] != b'_';
            let after = &rest[k + 4..];
            let Some(end) = after.find(';') else { break };
            if before_ok {
                let mut items = Vec::new();
                expand_use(&after[..end], &[], &mut items);
                for (local, full) in items {
                    if let Some(abs) = absolute(&here, &full, &aliases) {
                        if let (Some(l), Some(m)) = (local, resolve(&abs, &modules)) {
                            if abs.len() == m.len() {
                                aliases.insert(l, m.clone());
                            }
                        }
                        paths.push(abs);
                    }
                }
                rest = &after[end..];
            } else {
                rest = after;
            }
        }
        // Paths written in the code: a::b::c.
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' {
                let start = i;
                let mut segs = Vec::new();
                loop {
                    let s = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    segs.push(code[s..i].to_string());
                    if code[i..].starts_with("::")
                        && code[i + 2..]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    {
                        i += 2;
                    } else {
                        break;
                    }
                }
                let prev_is_path = start >= 2 && &code[start - 2..start] == "::";
                if segs.len() > 1 && !prev_is_path {
                    if let Some(abs) = absolute(&here, &segs, &aliases) {
                        paths.push(abs);
                    }
                }
            } else {
                i += 1;
            }
        }
        let mut uses = BTreeSet::new();
        for p in paths {
            if let Some(m) = resolve(&p, &modules) {
                let is_ancestor = m.len() < here.len() && here[..m.len()] == m[..];
                if m != here && !is_ancestor {
                    uses.insert(m);
                }
            }
        }
        g.insert(here, uses);
    }
    g
}

/// The strongly connected components with more than one module (Tarjan).
fn cycles(g: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Vec<Vec<ModPath>> {
    struct T<'a> {
        g: &'a BTreeMap<ModPath, BTreeSet<ModPath>>,
        index: BTreeMap<&'a ModPath, usize>,
        low: BTreeMap<&'a ModPath, usize>,
        stack: Vec<&'a ModPath>,
        on: BTreeSet<&'a ModPath>,
        next: usize,
        out: Vec<Vec<ModPath>>,
    }
    fn visit<'a>(t: &mut T<'a>, v: &'a ModPath) {
        t.index.insert(v, t.next);
        t.low.insert(v, t.next);
        t.next += 1;
        t.stack.push(v);
        t.on.insert(v);
        if let Some(ws) = t.g.get(v) {
            for w in ws {
                let Some((w, _)) = t.g.get_key_value(w) else {
                    continue;
                };
                if !t.index.contains_key(w) {
                    visit(t, w);
                    let lw = t.low[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(lw);
                } else if t.on.contains(w) {
                    let iw = t.index[w];
                    let lv = t.low.get_mut(v).unwrap();
                    *lv = (*lv).min(iw);
                }
            }
        }
        if t.low[v] == t.index[v] {
            let mut comp = Vec::new();
            while let Some(w) = t.stack.pop() {
                t.on.remove(w);
                comp.push(w.clone());
                if w == v {
                    break;
                }
            }
            if comp.len() > 1 {
                comp.sort();
                t.out.push(comp);
            }
        }
    }
    let mut t = T {
        g,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        next: 0,
        out: Vec::new(),
    };
    for v in g.keys() {
        if !t.index.contains_key(v) {
            visit(&mut t, v);
        }
    }
    t.out
}

fn read_tree(dir: &Path, root: &Path, out: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let p = entry.expect("entry").path();
        if p.is_dir() {
            read_tree(&p, root, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            let rel = p
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "main.rs" || rel == "cli.rs" {
                continue;
            }
            out.insert(rel, std::fs::read_to_string(&p).expect("read file"));
        }
    }
}

fn show(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn the_library_has_no_module_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_tree(&root, &root, &mut files);
    assert!(files.len() > 20, "src/ was not read: {} files", files.len());
    let g = graph(&files);
    let found = cycles(&g);
    let report: Vec<String> = found
        .iter()
        .map(|comp| {
            let set: BTreeSet<&ModPath> = comp.iter().collect();
            let edges: Vec<String> = comp
                .iter()
                .flat_map(|a| {
                    g[a].iter()
                        .filter(|b| set.contains(b))
                        .map(move |b| format!("{} -> {}", show(a), show(b)))
                })
                .collect();
            edges.join(", ")
        })
        .collect();
    assert!(report.is_empty(), "module cycles:\n{}", report.join("\n"));
}

#[test]
fn the_checker_sees_cycles_through_use_trees_aliases_and_paths() {
    let files: BTreeMap<String, String> = [
        ("lib.rs", "pub mod a; pub mod b; pub mod c; pub mod d;"),
        // a -> b through a use tree with self, b -> c through a path, c -> a via alias.
        (
            "a/mod.rs",
            "use crate::{b::{self, Thing}};\nfn f() { b::g(); }\npub mod inner;",
        ),
        (
            "a/inner.rs",
            "use super::Parent; // a child using its parent is no cycle\n",
        ),
        ("b.rs", "pub fn g() { crate::c::h(); }\n"),
        ("c.rs", "use crate::a as top;\npub fn h() { top::f(); }\n"),
        // d uses a, nobody uses d: outside the cycle. Strings and comments do not count.
        (
            "d.rs",
            "use crate::a::inner;\nconst S: &str = \"crate::d::x\"; // crate::d\n",
        ),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let g = graph(&files);
    let found = cycles(&g);
    let m = |s: &str| s.split("::").map(str::to_string).collect::<ModPath>();
    assert_eq!(found, vec![vec![m("a"), m("b"), m("c")]], "{g:?}");
    assert!(!g[&m("a::inner")].contains(&m("a")));
}
