//! The Arabic file is a full translation of the English one: it parses without
//! errors (no Junk), and every id exists in both files with the same placeables
//! (variables and message references) and the same attributes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(rel: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// What a message's translation must keep: variables, message (and term)
/// references, attribute names.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    variables: BTreeSet<String>,
    references: BTreeSet<String>,
    attributes: BTreeSet<String>,
}

fn pattern(p: &ast::Pattern<&str>, s: &mut Shape) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_shape(expression, s);
        }
    }
}

fn expression_shape(e: &ast::Expression<&str>, s: &mut Shape) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline(selector, s);
            for v in variants {
                pattern(&v.value, s);
            }
        }
        ast::Expression::Inline(i) => inline(i, s),
    }
}

fn inline(i: &ast::InlineExpression<&str>, s: &mut Shape) {
    use ast::InlineExpression as I;
    match i {
        I::VariableReference { id } => {
            s.variables.insert(id.name.to_string());
        }
        I::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_string(),
            };
            s.references.insert(name);
        }
        I::TermReference { id, .. } => {
            s.references.insert(format!("-{}", id.name));
        }
        I::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline(a, s);
            }
        }
        I::Placeable { expression } => expression_shape(expression, s),
        I::StringLiteral { .. } | I::NumberLiteral { .. } => {}
    }
}

/// Message id -> shape, and the syntax errors (line: text) of a Fluent source.
fn shapes(src: &str) -> (BTreeMap<String, Shape>, Vec<String>) {
    let (resource, errors) = match fluent_syntax::parser::parse(src) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    let line_of = |pos: usize| src[..pos.min(src.len())].matches('\n').count() + 1;
    let mut problems: Vec<String> = errors
        .iter()
        .map(|e| format!("line {}: {}", line_of(e.pos.start), e.kind))
        .collect();
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            ast::Entry::Message(m) => {
                let mut s = Shape::default();
                if let Some(v) = &m.value {
                    pattern(v, &mut s);
                }
                for a in &m.attributes {
                    s.attributes.insert(a.id.name.to_string());
                    pattern(&a.value, &mut s);
                }
                out.insert(m.id.name.to_string(), s);
            }
            ast::Entry::Junk { content } => {
                let at = content.as_ptr() as usize - src.as_ptr() as usize;
                let first = content.lines().next().unwrap_or_default();
                problems.push(format!("line {}: junk: {first}", line_of(at)));
            }
            _ => {}
        }
    }
    (out, problems)
}

/// `ar.ftl`, as the program loads it.
fn arabic_source() -> String {
    read("src/protocol/lang/ar.ftl")
}

#[test]
fn the_arabic_files_have_no_syntax_errors() {
    for file in ["src/protocol/lang/ar.ftl", "src/protocol/lang/en.ftl"] {
        let (_, problems) = shapes(&read(file));
        assert!(problems.is_empty(), "{file}:\n{}", problems.join("\n"));
    }
    // The check itself sees a broken entry.
    let (_, problems) = shapes("a = ok\nb = { $x\nc = fine\n");
    assert!(!problems.is_empty());
}

#[test]
fn every_id_is_in_both_languages_with_the_same_placeables_and_attributes() {
    let (en, _) = shapes(&read("src/protocol/lang/en.ftl"));
    let (ar, _) = shapes(&arabic_source());
    let missing: Vec<&String> = en.keys().filter(|k| !ar.contains_key(*k)).collect();
    let extra: Vec<&String> = ar.keys().filter(|k| !en.contains_key(*k)).collect();
    let mut differ = Vec::new();
    for (id, shape) in &ar {
        let Some(e) = en.get(id) else { continue };
        if e.variables != shape.variables {
            differ.push(format!(
                "{id}: variables {:?}, English {:?}",
                shape.variables, e.variables
            ));
        }
        if e.references != shape.references {
            differ.push(format!(
                "{id}: references {:?}, English {:?}",
                shape.references, e.references
            ));
        }
        if e.attributes != shape.attributes {
            differ.push(format!(
                "{id}: attributes {:?}, English {:?}",
                shape.attributes, e.attributes
            ));
        }
    }
    let mut report = String::new();
    if !missing.is_empty() {
        report += &format!(
            "{} ids missing from ar.ftl:\n  {}\n",
            missing.len(),
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n  ")
        );
    }
    if !extra.is_empty() {
        report += &format!(
            "{} ids of ar.ftl that en.ftl lacks:\n  {}\n",
            extra.len(),
            extra
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n  ")
        );
    }
    if !differ.is_empty() {
        report += &format!(
            "{} texts whose placeables differ:\n  {}\n",
            differ.len(),
            differ.join("\n  ")
        );
    }
    assert!(report.is_empty(), "{report}");
}
