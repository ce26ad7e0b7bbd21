//! Every text a user reads comes from the language files by id: this test reads
//! every `src/**/*.rs`, finds the string literals outside test code, and fails on
//! one that reads as English prose (two or more lower-case words in a row), unless
//! the reviewed allow-list below names it. It prints `file:line` of each offender.
//!
//! What does not count: byte strings (`b"..."`: wire syntax), comments and doc
//! comments, `#[cfg(test)]` and `#[test]` items, and messages for developers
//! (`panic!`, `expect`, `assert!` and friends, `unreachable!`).

use std::path::{Path, PathBuf};

/// Literals that look like prose but are not user-facing text, reviewed one by
/// one: (file, exact literal content as written in the source, why).
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/protocol/transcript.rs",
        "read literal size ",
        "matched against the debug output Python's imaplib prints",
    ),
    (
        "src/transport/tls.rs",
        "maillab lab CA",
        "the lab CA certificate's subject name, a name and not a sentence",
    ),
    (
        "src/repl/tls.rs",
        "failed to lookup",
        "matched against the operating system's resolver error text",
    ),
    (
        "src/repl/tls.rs",
        "Name or service",
        "matched against the operating system's resolver error text",
    ),
    (
        "src/server/smtp/mod.rs",
        r#"Received: from {helo} by {} (maillab)\r\n\twith {proto} id {}.{}{for_clause};\r\n\t{date}\r\n"#,
        "the Received: trace header, protocol syntax (RFC 5321 §4.4)",
    ),
    (
        "src/store/accounts.rs",
        r#"Received: from {host} by {host} (maillab)\r\n\twith {proto};\r\n\t{date}\r\n"#,
        "the Received: trace header of ctl deliver, protocol syntax (RFC 5321 §4.4)",
    ),
    (
        "src/server/imap/session.rs",
        r#"* ID (\"name\" \"maillab\" \"version\" \"{}\" \"vendor\" \"maillab\")\r\n"#,
        "the ID response's field names, protocol syntax (RFC 2971 §3.2)",
    ),
    (
        "src/protocol/text.rs",
        "language code {code:?}: {e}",
        "a language file that cannot load has no texts to report with",
    ),
    (
        "src/protocol/text.rs",
        "`{}` is not a text id",
        "a language file that cannot load has no texts to report with",
    ),
    (
        "src/protocol/text.rs",
        "`{}` has no text",
        "a language file that cannot load has no texts to report with",
    ),
];

/// One string literal found in a source file.
#[derive(Debug)]
struct Literal {
    line: usize,
    /// The content between the quotes, as written (escapes not decoded).
    text: String,
    /// The literal is the id argument of `tr!(` or `tr_en!(`.
    text_id: bool,
    /// For such an id: the names of the `name = value` arguments that follow it.
    arg_names: Vec<String>,
}

/// Finds the string literals of `src` that are outside test code and outside
/// developer-only macros. A small Rust lexer: comments (nested block comments
/// too), char literals vs lifetimes, raw strings, byte strings.
fn literals(src: &str) -> Vec<Literal> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut line = 1;
    // Positions (byte ranges) of test items, skipped below.
    let skips = test_items(src);
    let mut skip_iter = skips.iter().peekable();
    while i < b.len() {
        if let Some(&&(start, end)) = skip_iter.peek() {
            if i >= start {
                line += src[i..end.min(b.len())].matches('\n').count();
                i = end;
                skip_iter.next();
                continue;
            }
        }
        let c = b[i];
        match c {
            b'\n' => {
                line += 1;
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if b[i] == b'\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            }
            b'\'' => {
                // A char literal ('x', '\n', '\u{..}', '"') or a lifetime ('a).
                if b.get(i + 1) == Some(&b'\\') {
                    let mut j = i + 2;
                    while j < b.len() && b[j] != b'\'' {
                        j += 1;
                    }
                    i = j + 1;
                } else {
                    let ch_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if b.get(i + 1 + ch_len) == Some(&b'\'') {
                        i += 2 + ch_len;
                    } else {
                        i += 1;
                    }
                }
            }
            b'"' | b'r' | b'b' | b'c' => {
                // Identifier characters before: part of a name (e.g. `bar"`, impossible) or an
                // identifier such as `r#type`; only a literal prefix counts.
                let prev_ident = i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_');
                let (is_byte, raw, start) = match (c, b.get(i + 1), b.get(i + 2)) {
                    (b'"', _, _) => (false, false, i),
                    (b'r', Some(b'"' | b'#'), _) if !prev_ident => (false, true, i + 1),
                    (b'b' | b'c', Some(b'"'), _) if !prev_ident => (true, false, i + 1),
                    (b'b' | b'c', Some(b'r'), Some(b'"' | b'#')) if !prev_ident => {
                        (true, true, i + 2)
                    }
                    _ => {
                        i += 1;
                        continue;
                    }
                };
                let lit_line = line;
                let (content, end) = if raw {
                    let hashes = b[start..].iter().take_while(|&&x| x == b'#').count();
                    if b.get(start + hashes) != Some(&b'"') {
                        // `r#ident`: a raw identifier.
                        i = start + hashes;
                        continue;
                    }
                    let body = start + hashes + 1;
                    let closing = format!("\"{}", "#".repeat(hashes));
                    let len = src[body..].find(&closing).unwrap_or(src.len() - body);
                    (&src[body..body + len], body + len + closing.len())
                } else {
                    let body = start + 1;
                    let mut j = body;
                    while j < b.len() && b[j] != b'"' {
                        if b[j] == b'\\' {
                            j += 1;
                        }
                        j += 1;
                    }
                    (&src[body..j.min(b.len())], j + 1)
                };
                line += content.matches('\n').count();
                if !is_byte && !developer_only(&src[..i]) {
                    let before = src[..i].trim_end();
                    let text_id = ["tr!(", "tr_en!("].iter().any(|m| {
                        before.strip_suffix(m).is_some_and(|head| {
                            !head.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                        })
                    });
                    out.push(Literal {
                        line: lit_line,
                        text: content.to_string(),
                        text_id,
                        arg_names: if text_id {
                            macro_arg_names(&src[end.min(src.len())..])
                        } else {
                            Vec::new()
                        },
                    });
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The names of the top-level `name = value` arguments from `rest` (the text after a
/// macro's first argument) up to the macro's closing parenthesis.
fn macro_arg_names(rest: &str) -> Vec<String> {
    let b = rest.as_bytes();
    let mut depth = 0usize;
    let mut names = Vec::new();
    let mut arg_start = 0;
    let mut i = 0;
    let take = |arg: &str, names: &mut Vec<String>| {
        let arg = arg.trim();
        if let Some((name, value)) = arg.split_once('=') {
            let name = name.trim();
            if !value.starts_with('=')
                && !name.is_empty()
                && name.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
            {
                names.push(name.to_string());
            }
        }
    };
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') => i += 2,
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' if depth == 0 => {
                take(&rest[arg_start..i], &mut names);
                break;
            }
            b')' | b']' | b'}' => depth -= 1,
            b',' if depth == 0 => {
                take(&rest[arg_start..i], &mut names);
                arg_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    names.sort();
    names
}

/// True when the code just before a literal makes it a message for developers:
/// `panic!(`, `expect(`, `assert!(`…, `unreachable!(`, `todo!(`, `debug_assert…(`,
/// directly or as a later argument of an assertion on the same statement.
fn developer_only(before: &str) -> bool {
    let t = before.trim_end();
    let t = t.strip_suffix('(').map(str::trim_end).unwrap_or(t);
    const CALLS: &[&str] = &[
        "panic!",
        ".expect",
        "unreachable!",
        "todo!",
        "unimplemented!",
        "assert!",
        "assert_eq!",
        "assert_ne!",
        "debug_assert!",
        "debug_assert_eq!",
        "debug_assert_ne!",
    ];
    if CALLS.iter().any(|c| t.ends_with(c)) {
        return true;
    }
    // A message after the condition: `assert!(cond, "..."` on the same statement.
    let stmt_start = t.rfind([';', '{', '}']).map_or(0, |p| p + 1);
    let stmt = &t[stmt_start..];
    stmt.trim_start().starts_with("assert") || stmt.trim_start().starts_with("debug_assert")
}

/// Byte ranges of items marked `#[cfg(test)]` or `#[test]` (from the attribute to the
/// end of the item: its matching `}` or its `;`).
fn test_items(src: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for attr in ["#[cfg(test)]", "#[test]"] {
        let mut from = 0;
        while let Some(p) = src[from..].find(attr) {
            let start = from + p;
            let after = start + attr.len();
            let end = item_end(src, after);
            out.push((start, end));
            from = after;
        }
    }
    out.sort_unstable();
    // Drop ranges inside earlier ones (a #[test] inside a #[cfg(test)] module).
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in out {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The end of the item starting at `from`: after its first `;` if that comes
/// before any `{`, else after the `}` matching its first `{` (strings, chars and
/// comments inside are skipped so their braces do not count).
fn item_end(src: &str, from: usize) -> usize {
    let b = src.as_bytes();
    let mut i = from;
    let mut depth = 0usize;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'\'' if b.get(i + 2) == Some(&b'\'') || b.get(i + 1) == Some(&b'\\') => {
                i += 1;
                while i < b.len() && b[i] != b'\'' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b';' if depth == 0 => return i + 1,
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// True when a literal reads as English prose: after dropping `{…}` format
/// arguments and `\n`-style escapes, two words of lower-case letters follow each
/// other, separated by a space (`"no such mailbox"`, `"Connected to {host}"`).
fn is_prose(lit: &str) -> bool {
    let mut cleaned = String::with_capacity(lit.len());
    let mut depth = 0;
    let mut chars = lit.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' => {
                depth += 1;
                cleaned.push(' ');
            }
            '}' => depth = 0.max(depth - 1),
            '\\' => {
                chars.next();
                cleaned.push(' ');
            }
            _ if depth > 0 => {}
            _ => cleaned.push(c),
        }
    }
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let is_word = |w: &str| {
        let w = w.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        let w = w.trim_start_matches('(');
        w.len() >= 2
            && w.chars().all(|c| c.is_ascii_lowercase() || c == '\'')
            && w.chars().any(|c| c.is_ascii_lowercase())
    };
    words
        .windows(2)
        .any(|p| is_word(p[0]) && is_word(p[1]) && (p[0].len() >= 3 || p[1].len() >= 3))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn no_user_facing_english_in_rust_string_literals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    assert!(files.len() > 20, "src/ not found");
    let mut offenders = Vec::new();
    let mut used = vec![false; ALLOWED.len()];
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .expect("under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let src = std::fs::read_to_string(f).expect("read source");
        for lit in literals(&src) {
            if !is_prose(&lit.text) {
                continue;
            }
            match ALLOWED
                .iter()
                .position(|(file, text, _)| *file == rel && *text == lit.text)
            {
                Some(k) => used[k] = true,
                None => offenders.push(format!("{rel}:{}: \"{}\"", lit.line, lit.text)),
            }
        }
    }
    let stale: Vec<String> = ALLOWED
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|((f, t, _), _)| format!("{f}: \"{t}\""))
        .collect();
    assert!(
        offenders.is_empty(),
        "{} English string literal(s) in src/: give each an id in \
         src/protocol/lang/en.ftl and use tr!/tr_en! (or, when it is protocol \
         syntax, a log line or an id, add it to ALLOWED with the reason):\n{}",
        offenders.len(),
        offenders.join("\n")
    );
    assert!(
        stale.is_empty(),
        "allow-list entries that no longer match a literal:\n{}",
        stale.join("\n")
    );
}

/// Top-level parts of the ids that Rust code names as plain strings (tables of ids
/// such as `META_HELP`, or a reason picked before it is formatted).
const ID_PREFIXES: &[&str] = &[
    "repl.",
    "server.",
    "tls.",
    "serve.",
    "main.",
    "store.",
    "fixture.",
    "sasl.",
    "transport.",
    "explain.size.",
];

#[test]
fn every_id_named_in_src_has_an_english_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let en = maillab::protocol::text::english();
    let mut missing = Vec::new();
    let mut mismatched = Vec::new();
    let mut named = 0;
    for f in &files {
        let rel = f
            .strip_prefix(root)
            .expect("under the crate")
            .display()
            .to_string();
        let src = std::fs::read_to_string(f).expect("read source");
        for lit in literals(&src) {
            let looks_like_id = !lit.text.is_empty()
                && lit.text.split('.').count() > 1
                && lit.text.split('.').all(|p| {
                    !p.is_empty()
                        && p.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                })
                && ID_PREFIXES.iter().any(|p| lit.text.starts_with(p));
            if lit.text_id || looks_like_id {
                named += 1;
                if !en.contains(&lit.text) {
                    missing.push(format!("{rel}:{}: {}", lit.line, lit.text));
                } else if lit.text_id {
                    // The call fills exactly the placeables the English text uses.
                    let wanted: Vec<String> = en
                        .variables(&lit.text)
                        .unwrap_or_default()
                        .into_iter()
                        .collect();
                    if wanted != lit.arg_names {
                        mismatched.push(format!(
                            "{rel}:{}: {} uses {wanted:?}, the call gives {:?}",
                            lit.line, lit.text, lit.arg_names
                        ));
                    }
                }
            }
        }
    }
    assert!(named > 300, "only {named} ids found: is the scanner blind?");
    assert!(
        missing.is_empty(),
        "ids without a text in src/protocol/lang/en.ftl:\n{}",
        missing.join("\n")
    );
    assert!(
        mismatched.is_empty(),
        "calls whose arguments differ from the text's placeables:\n{}",
        mismatched.join("\n")
    );
}

#[test]
fn the_scanner_sees_what_it_should() {
    let src = r####"
// "a comment with words" is not a literal
/// "doc comment words"
fn f<'a>(x: &'a str) -> char {
    let _ = "plain english words here";
    let _ = format!("Connected to {host} now", host = 1);
    let _ = b"* OK wire text bytes";
    let _ = r#"raw string with words"#;
    let _ = r#type;
    let _ = "imap.code.trycreate";
    let _ = "+OK";
    x.parse::<u8>().expect("the tables always parse");
    assert!(true, "a developer reads this");
    let _ = '"';
    let _ = "after a quote char, still found words";
    /* block "not a literal here" /* nested */ still comment */
    'x'
}
#[cfg(test)]
mod tests {
    fn g() { let _ = "test code words are fine"; }
}
#[test]
fn h() { let _ = "another test with words"; }
const LAST: &str = "the last one counts";
"####;
    let found: Vec<(usize, String)> = literals(src)
        .into_iter()
        .filter(|l| is_prose(&l.text))
        .map(|l| (l.line, l.text))
        .collect();
    let texts: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        texts,
        [
            "plain english words here",
            "Connected to {host} now",
            "raw string with words",
            "after a quote char, still found words",
            "the last one counts",
        ]
    );
    assert_eq!(found[0].0, 5, "line numbers count from 1");
    assert_eq!(found[4].0, 25);
    let ids = literals(
        "let a = crate::tr!(\"repl.x\", n = 1);\nlet b = tr_en!(\n    \"srv.y\");\nconst C: &str = include_str!(\"lang/en.ftl\");\n",
    );
    let flags: Vec<(&str, bool)> = ids.iter().map(|l| (l.text.as_str(), l.text_id)).collect();
    assert_eq!(ids[0].arg_names, ["n"]);
    assert_eq!(
        macro_arg_names(", b = f(x, y), a = \"),\" , c == d) tail"),
        ["a", "b"]
    );
    assert_eq!(
        flags,
        [("repl.x", true), ("srv.y", true), ("lang/en.ftl", false)]
    );
    assert!(!is_prose("{} {}: {}"));
    assert!(!is_prose("imap.code.trycreate"));
    assert!(!is_prose("* OK [CAPABILITY IMAP4rev1] Ready"));
    assert!(is_prose("unknown command"));
    assert!(!is_prose("\\n{}"));
}
