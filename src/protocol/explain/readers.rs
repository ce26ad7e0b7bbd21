//! Readers of the structured data inside IMAP lines: FETCH items, LIST parts and
//! section specs, bounded so a hostile line cannot make the work grow.

use crate::protocol::text::Language;

/// At most this many details (capability atoms, LIST attributes, FETCH items) are
/// explained one by one for a line; a real server stays far below it, and a
/// hostile one cannot make the explanation grow with its line.
pub(super) const MAX_DETAILS: usize = 64;

pub(super) fn section_meaning(lang: &Language, section: &str) -> String {
    let (spec, partial) = match section.find(']') {
        Some(end) => (&section[..end], section[end + 1..].trim()),
        None => (section, ""),
    };
    let spec = spec.trim_start_matches('[');
    let get = |id: &str, args: &[(&str, &str)]| lang.text(id, args).unwrap_or_default();
    // Leading part numbers (`1.2.`), then an optional part name (HEADER, TEXT ...).
    let mut part = String::new();
    let mut rest = spec;
    loop {
        let (num, after) = match rest.split_once('.') {
            Some((n, a)) => (n, a),
            None => (rest, ""),
        };
        if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        if !part.is_empty() {
            part.push('.');
        }
        part.push_str(num);
        rest = after;
        if rest.is_empty() {
            break;
        }
    }
    let upper = rest.to_ascii_uppercase();
    let fields = rest
        .find('(')
        .and_then(|i| rest.get(i + 1..))
        .map(|f| f.trim_end_matches(')'))
        .unwrap_or("");
    let mut text = match upper.split(' ').next().unwrap_or("") {
        "" if part.is_empty() => get("imap.section.whole", &[]),
        "" => get("imap.section.part", &[("part", &part)]),
        "HEADER" => get("imap.section.header", &[]),
        "TEXT" => get("imap.section.text", &[]),
        "MIME" => get("imap.section.mime", &[]),
        "HEADER.FIELDS" => get("imap.section.header_fields", &[("fields", fields)]),
        "HEADER.FIELDS.NOT" => get("imap.section.header_fields_not", &[("fields", fields)]),
        _ => get("imap.section.other", &[("section", spec)]),
    };
    if !part.is_empty() && !rest.is_empty() {
        text = get("imap.section.of_part", &[("what", &text), ("part", &part)]);
    }
    if let Some(range) = partial.strip_prefix('<').and_then(|p| p.strip_suffix('>')) {
        let origin = range.split('.').next().unwrap_or("");
        text = get(
            "imap.section.partial",
            &[("what", &text), ("origin", origin)],
        );
    }
    text
}

/// Splits LIST data `(\HasNoChildren) "/" INBOX` into attributes, delimiter, name.
pub(super) fn list_parts(s: &str) -> (&str, &str, &str) {
    let s = s.trim();
    let Some(rest) = s.strip_prefix('(') else {
        return ("", "", s);
    };
    let Some(close) = rest.find(')') else {
        return (rest, "", "");
    };
    let attrs = &rest[..close];
    let after = rest[close + 1..].trim_start();
    let (delim, name) = if let Some(q) = after.strip_prefix('"') {
        match q.find('"') {
            Some(e) => (&q[..e], q[e + 1..].trim_start()),
            None => (q, ""),
        }
    } else {
        match after.find(' ') {
            Some(i) => (&after[..i], after[i..].trim_start()),
            None => (after, ""),
        }
    };
    let name = name
        .strip_prefix('"')
        .and_then(|n| n.strip_suffix('"'))
        .unwrap_or(name);
    (attrs, delim, name)
}

/// The items of FETCH data `(FLAGS (\Seen) UID 4 BODY[] {342}`: (name, value)
/// pairs in order; a literal value shows as `{N}` and ends the list (its octets
/// are not on this line).
pub(super) fn fetch_items(s: &str) -> Vec<(String, String)> {
    let b = s.trim().as_bytes();
    let s = s.trim();
    let mut items = Vec::new();
    let mut i = match b.first() {
        Some(b'(') => 1,
        _ => 0,
    };
    let skip_spaces = |i: &mut usize| {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
    };
    while items.len() < MAX_DETAILS {
        skip_spaces(&mut i);
        if i >= b.len() || b[i] == b')' {
            break;
        }
        // Item name: up to a space or `)` outside brackets; `BODY[HEADER.FIELDS (A B)]<0>`.
        let start = i;
        let mut depth = 0usize;
        while i < b.len() {
            match b[i] {
                b'[' => depth += 1,
                b']' => depth = depth.saturating_sub(1),
                b' ' | b')' | b'(' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        let name = s.get(start..i).unwrap_or("").to_ascii_uppercase();
        if name.is_empty() {
            break;
        }
        skip_spaces(&mut i);
        let vstart = i;
        let mut literal = false;
        match b.get(i) {
            Some(b'(') => {
                let mut depth = 0usize;
                let mut in_quote = false;
                while i < b.len() {
                    match b[i] {
                        b'\\' if in_quote => i += 1,
                        b'"' => in_quote = !in_quote,
                        b'(' if !in_quote => depth += 1,
                        b')' if !in_quote => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            Some(b'"') => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            Some(b'{') => {
                literal = true;
                i = b.len();
            }
            _ => {
                while i < b.len() && b[i] != b' ' && b[i] != b')' {
                    i += 1;
                }
            }
        }
        let i_clamped = i.min(b.len());
        let value = s.get(vstart..i_clamped).unwrap_or("").to_string();
        items.push((name, value));
        i = i_clamped;
        if literal {
            break;
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::text;

    #[test]
    fn sections_are_described() {
        let en = text::english();
        assert_eq!(
            section_meaning(en, "[]"),
            "the whole message, header and body"
        );
        assert_eq!(section_meaning(en, "[1.2]"), "MIME part 1.2");
        assert_eq!(
            section_meaning(en, "[2.HEADER]"),
            "the message header of part 2"
        );
        assert!(section_meaning(en, "[HEADER.FIELDS (FROM TO)]").contains("FROM TO"));
        assert!(section_meaning(en, "[TEXT]<0>").contains("from octet 0"));
        for junk in ["", "[", "]", "[.]", "[1..2]", "[((", "<>"] {
            let _ = section_meaning(en, junk);
        }
    }

    #[test]
    fn fetch_items_are_split() {
        let items = fetch_items("(FLAGS (\\Seen) UID 4 BODY[HEADER.FIELDS (SUBJECT)] {42}");
        let names: Vec<&str> = items.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["FLAGS", "UID", "BODY[HEADER.FIELDS (SUBJECT)]"]);
        assert_eq!(items[0].1, "(\\Seen)");
        assert_eq!(items[2].1, "{42}");
        assert!(fetch_items("").is_empty());
        // Garbage must not panic.
        for s in [
            "(",
            "((((",
            "(A \"unterminated",
            "(A (B",
            "(]]]] x",
            "(X {",
            "(\"\\",
        ] {
            let _ = fetch_items(s);
        }
    }

    #[test]
    fn list_parts_split() {
        assert_eq!(
            list_parts("(\\HasNoChildren) \"/\" \"INBOX\""),
            ("\\HasNoChildren", "/", "INBOX")
        );
        assert_eq!(list_parts("() NIL newbox"), ("", "NIL", "newbox"));
    }
}
