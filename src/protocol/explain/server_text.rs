//! The servers' teaching texts read back from the wire. maillab's servers answer
//! in English (ids `server.*`, rendered by `server::say`, so the wire stays ASCII);
//! where maillab shows a reply in another language, the reply's text is matched
//! against those English texts turned into patterns (each placeable a capture),
//! which gives back the id and its arguments, and the text is rendered again in
//! the language shown ([`translate_line`]).
//!
//! A plural choice becomes one pattern per form; a form without the number
//! (`[one] 1 message`) fixes it (`one` -> 1, `[0]` -> 0). A message reference is
//! read in place. A captured value that is itself a whole server text (a
//! maildrop's `2 messages`) is translated too.

use std::sync::OnceLock;

use fluent_syntax::ast;

use super::Explanation;
use super::Specificity;
use crate::protocol::text::{self, Arg, Language};
use crate::protocol::Protocol;

const EN_FTL: &str = include_str!("../lang/en.ftl");

/// Patterns one message may expand to at most (plural forms multiply).
const MAX_FORMS: usize = 32;
/// A pattern needs this many letters outside its placeables to be recognised:
/// `{ $a }: { $b }` would match nearly any text.
const MIN_LETTERS: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Lit(String),
    Var(String),
}

/// One way an English server text can read.
#[derive(Clone, Debug)]
struct Template {
    /// Dotted id (`server.imap.nonexistent_mailbox_does_not`).
    id: String,
    pieces: Vec<Piece>,
    /// Arguments a plural form fixes (`n` = 1 for `[one] 1 message`).
    fixed: Vec<(String, String)>,
    /// Letters in the literal pieces: the more, the more specific.
    letters: usize,
}

/// A server text recognised in a reply: its id and the arguments it was made with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognised {
    /// The dotted id of the English text.
    pub id: String,
    /// Each placeable's value as it was on the wire.
    pub args: Vec<(String, String)>,
}

fn templates() -> &'static [Template] {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    ALL.get_or_init(|| build(EN_FTL))
}

/// Every `server-*` message of a Fluent source as patterns.
fn build(src: &str) -> Vec<Template> {
    let resource = match fluent_syntax::parser::parse(src) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let messages: std::collections::HashMap<&str, &ast::Pattern<&str>> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => m.value.as_ref().map(|v| (m.id.name, v)),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for e in &resource.body {
        let ast::Entry::Message(m) = e else { continue };
        if !m.id.name.starts_with("server-") {
            continue;
        }
        let (Some(value), Some(id)) = (&m.value, text::dotted_id(m.id.name)) else {
            continue;
        };
        let forms = expand(value, &messages, 0);
        for (pieces, fixed) in forms {
            let pieces = merge(pieces);
            let letters = pieces
                .iter()
                .map(|p| match p {
                    Piece::Lit(s) => s.chars().filter(|c| c.is_alphabetic()).count(),
                    Piece::Var(_) => 0,
                })
                .sum();
            if letters >= MIN_LETTERS {
                out.push(Template {
                    id: id.clone(),
                    pieces,
                    fixed,
                    letters,
                });
            }
        }
    }
    out
}

type Form = (Vec<Piece>, Vec<(String, String)>);

/// The forms a pattern can take: pieces and the arguments each fixes.
fn expand(
    p: &ast::Pattern<&str>,
    messages: &std::collections::HashMap<&str, &ast::Pattern<&str>>,
    depth: usize,
) -> Vec<Form> {
    let mut forms: Vec<Form> = vec![(Vec::new(), Vec::new())];
    for el in &p.elements {
        let alternatives: Vec<Form> = match el {
            ast::PatternElement::TextElement { value } => {
                vec![(vec![Piece::Lit(value.to_string())], Vec::new())]
            }
            ast::PatternElement::Placeable { expression } => {
                expand_expression(expression, messages, depth)
            }
        };
        let mut next = Vec::new();
        for (pieces, fixed) in &forms {
            for (more, fix) in &alternatives {
                if next.len() >= MAX_FORMS {
                    break;
                }
                let mut p = pieces.clone();
                p.extend(more.iter().cloned());
                let mut f = fixed.clone();
                f.extend(fix.iter().cloned());
                next.push((p, f));
            }
        }
        forms = next;
    }
    forms
}

fn expand_expression(
    e: &ast::Expression<&str>,
    messages: &std::collections::HashMap<&str, &ast::Pattern<&str>>,
    depth: usize,
) -> Vec<Form> {
    use ast::InlineExpression as I;
    match e {
        ast::Expression::Select { selector, variants } => {
            let var = match selector {
                I::VariableReference { id } => Some(id.name),
                I::FunctionReference { arguments, .. } => match arguments.positional.first() {
                    Some(I::VariableReference { id }) => Some(id.name),
                    _ => None,
                },
                _ => None,
            };
            let mut out = Vec::new();
            for v in variants {
                // English's `one` is 1; a number key is itself.
                let value = match &v.key {
                    ast::VariantKey::NumberLiteral { value } => Some(value.to_string()),
                    ast::VariantKey::Identifier { name } if *name == "one" => Some("1".into()),
                    _ => None,
                };
                for (pieces, mut fixed) in expand(&v.value, messages, depth) {
                    let uses_var = var.is_some_and(|n| {
                        pieces.iter().any(|p| matches!(p, Piece::Var(x) if x == n))
                    });
                    if let (Some(n), Some(val), false) = (var, &value, uses_var) {
                        fixed.push((n.to_string(), val.clone()));
                    }
                    out.push((pieces, fixed));
                }
            }
            out
        }
        ast::Expression::Inline(i) => match i {
            I::StringLiteral { value } => vec![(
                vec![Piece::Lit(
                    fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned(),
                )],
                Vec::new(),
            )],
            I::NumberLiteral { value } => vec![(vec![Piece::Lit(value.to_string())], Vec::new())],
            I::VariableReference { id } => {
                vec![(vec![Piece::Var(id.name.to_string())], Vec::new())]
            }
            I::FunctionReference { arguments, .. } => match arguments.positional.first() {
                Some(I::VariableReference { id }) => {
                    vec![(vec![Piece::Var(id.name.to_string())], Vec::new())]
                }
                _ => vec![(Vec::new(), Vec::new())],
            },
            I::MessageReference { id, .. } if depth < 8 => match messages.get(id.name) {
                Some(p) => expand(p, messages, depth + 1),
                None => vec![(Vec::new(), Vec::new())],
            },
            I::Placeable { expression } => expand_expression(expression, messages, depth),
            _ => vec![(Vec::new(), Vec::new())],
        },
    }
}

/// Adjacent literals joined, empty ones dropped.
fn merge(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match (out.last_mut(), p) {
            (_, Piece::Lit(s)) if s.is_empty() => {}
            (Some(Piece::Lit(a)), Piece::Lit(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    out
}

/// Matches `pieces` against all of `text`, leftmost-shortest captures first.
fn matches(pieces: &[Piece], text: &str, caps: &mut Vec<(String, String)>) -> bool {
    let Some((first, rest)) = pieces.split_first() else {
        return text.is_empty();
    };
    match first {
        Piece::Lit(l) => text
            .strip_prefix(l.as_str())
            .is_some_and(|after| matches(rest, after, caps)),
        Piece::Var(name) => {
            if rest.is_empty() {
                if text.is_empty() {
                    return false;
                }
                caps.push((name.clone(), text.to_string()));
                return true;
            }
            // Every non-empty split, shortest first.
            for (i, _) in text.char_indices().skip(1).chain([(text.len(), ' ')]) {
                if let Some(Piece::Lit(l)) = rest.first() {
                    if !text[i..].starts_with(l.as_str()) {
                        continue;
                    }
                }
                let mark = caps.len();
                caps.push((name.clone(), text[..i].to_string()));
                if matches(rest, &text[i..], caps) {
                    return true;
                }
                caps.truncate(mark);
            }
            false
        }
    }
}

/// The server text `text` was made from: the most specific English `server.*`
/// pattern that matches all of it. None when none does.
pub fn recognise(text: &str) -> Option<Recognised> {
    let mut best: Option<(&Template, Vec<(String, String)>)> = None;
    for t in templates() {
        if best.as_ref().is_some_and(|(b, _)| b.letters >= t.letters) {
            continue;
        }
        // Cheap test first: every literal piece occurs in the text.
        if !t.pieces.iter().all(|p| match p {
            Piece::Lit(l) => text.contains(l.as_str()),
            Piece::Var(_) => true,
        }) {
            continue;
        }
        let mut caps = Vec::new();
        if matches(&t.pieces, text, &mut caps) {
            best = Some((t, caps));
        }
    }
    let (t, mut args) = best?;
    for (k, v) in &t.fixed {
        if !args.iter().any(|(name, _)| name == k) {
            args.push((k.clone(), v.clone()));
        }
    }
    Some(Recognised {
        id: t.id.clone(),
        args,
    })
}

/// `text` (a server's English teaching text) in `lang`: None when it is no
/// server text, when `lang` has no text of its own for it, or when a value is
/// missing. A captured value that is itself a server text is translated as well.
pub fn translate(lang: &Language, text: &str) -> Option<(String, String)> {
    let r = recognise(text)?;
    if !lang.contains(&r.id) {
        return None;
    }
    let values: Vec<(String, Arg<'static>)> = r
        .args
        .iter()
        .map(|(k, v)| {
            let inner = recognise(v)
                .filter(|inner| lang.contains(&inner.id))
                .and_then(|inner| render(lang, &inner));
            match inner {
                Some(t) => (k.clone(), Arg::Str(t.into())),
                None => (k.clone(), Arg::guess(v.clone())),
            }
        })
        .collect();
    let args: Vec<(&str, Arg<'_>)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let out = lang.render(&r.id, &args)?;
    (!out.contains("{$")).then_some((r.id, out))
}

fn render(lang: &Language, r: &Recognised) -> Option<String> {
    let args: Vec<(&str, Arg<'_>)> = r
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::guess(v.as_str())))
        .collect();
    lang.render(&r.id, &args).filter(|t| !t.contains("{$"))
}

/// The human-readable parts of a reply line a server text may fill: the text
/// after the status (IMAP, POP3) or reply code (SMTP), with its response code or
/// enhanced status code, then without it.
fn candidates(p: Protocol, line: &str) -> Vec<&str> {
    fn after_code(s: &str) -> Option<&str> {
        let rest = s.strip_prefix('[')?;
        let end = rest.find(']')?;
        Some(rest[end + 1..].trim_start())
    }
    let rest = match p {
        Protocol::Imap => {
            let mut words = line.splitn(3, ' ');
            let (_tag, status) = (words.next(), words.next().unwrap_or_default());
            let known = ["OK", "NO", "BAD", "BYE", "PREAUTH"];
            if !known.iter().any(|k| k.eq_ignore_ascii_case(status)) {
                return Vec::new();
            }
            words.next().unwrap_or_default()
        }
        Protocol::Pop3 => {
            let Some((status, rest)) = line.split_once(' ') else {
                return Vec::new();
            };
            if !matches!(status.to_ascii_uppercase().as_str(), "+OK" | "-ERR") {
                return Vec::new();
            }
            rest
        }
        Protocol::Smtp => {
            let Some(r) = crate::protocol::reply::smtp(line) else {
                return Vec::new();
            };
            let whole = line.get(4..).unwrap_or_default();
            return if r.text == whole {
                vec![whole]
            } else {
                vec![whole, r.text]
            };
        }
    };
    let mut out = vec![rest];
    out.extend(after_code(rest));
    out
}

/// A server reply line's teaching text in `lang`, as an explanation (id: the
/// server text's id, no RFC section): None in English, and when the line holds
/// no server text `lang` has its own words for.
pub fn translate_line(lang: &Language, p: Protocol, line: &str) -> Option<Explanation> {
    if lang.code() == "en" {
        return None;
    }
    let line = line.trim_end_matches(['\r', '\n']);
    let (id, words) = candidates(p, line)
        .into_iter()
        .filter(|c| !c.is_empty())
        .find_map(|c| translate(lang, c))?;
    // The words are not one placeable: an isolate would take its direction from
    // a leading Latin token (`[NONEXISTENT] …`) and set Arabic text left to right.
    let label = lang.render("explain.server_words", &[])?;
    let text = format!("{label} {words}");
    Some(Explanation {
        id,
        text,
        rfc: None,
        // A translation of the line, not an explanation of it.
        specificity: Specificity::Generic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_texts_read_back_with_their_arguments() {
        let wire = crate::tr_en!(
            "server.imap.nonexistent_mailbox_does_not",
            mailbox = "nosuchbox"
        );
        let r = recognise(&wire).expect("recognised");
        assert!(
            r.id.starts_with("server.imap.nonexistent_mailbox_does_not"),
            "{r:?}"
        );
        assert_eq!(r.args.len(), 1);
        assert_eq!(r.args[0].1, "nosuchbox");
        // A plural form without the number fixes it.
        let one = crate::tr_en!("server.pop3.messages", n = 1u64);
        let r = recognise(&one).expect("recognised");
        assert_eq!(r.id, "server.pop3.messages");
        assert_eq!(r.args, [("n".to_string(), "1".to_string())]);
        assert!(recognise("Mailbox does not exist, try again later").is_none());
    }

    #[test]
    fn every_server_text_is_recognised_as_itself_or_an_identical_text() {
        let en = text::english();
        let mut wrong = Vec::new();
        for id in en.ids().filter(|id| id.starts_with("server.")) {
            let vars = en.variables(id).unwrap_or_default();
            // Distinct sample values, so captures cannot be confused.
            let values: Vec<(String, String)> = vars
                .iter()
                .enumerate()
                .map(|(i, v)| (v.clone(), format!("Q{i}zz")))
                .collect();
            let args: Vec<(&str, &str)> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let wire = en.text(id, &args).unwrap();
            if wire.chars().filter(|c| c.is_alphabetic()).count() < 12 {
                continue;
            }
            match recognise(&wire) {
                Some(r) => {
                    let back: Vec<(&str, &str)> = r
                        .args
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.as_str()))
                        .collect();
                    if en.text(&r.id, &back).as_deref() != Some(wire.as_str()) {
                        wrong.push(format!("{id} -> {} {:?}", r.id, r.args));
                    }
                }
                None => wrong.push(format!("{id}: not recognised: {wire}")),
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
