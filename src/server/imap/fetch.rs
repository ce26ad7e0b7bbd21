//! FETCH data items (RFC 3501 §6.4.5) and their responses (§7.4.2).

use super::parser::{Args, PResult};
use super::response::{format_internal_date, push_literal, push_string};
use super::search::header_bytes;
use std::ops::Range;

use chrono::{DateTime, FixedOffset};

use crate::server::Splice;
use crate::store::mime::SectionText;
use crate::store::{Flags, Message};

/// A `BODY[section]<partial>` request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub peek: bool,
    pub part: Vec<u32>,
    pub text: SectionText,
    /// `<origin.count>`.
    pub partial: Option<(u32, u32)>,
    /// The section text as echoed in the response, e.g. `1.HEADER.FIELDS (From)`.
    pub echo: String,
}

/// One FETCH data item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Envelope,
    Flags,
    InternalDate,
    Rfc822,
    Rfc822Header,
    Rfc822Size,
    Rfc822Text,
    Uid,
    Body,
    BodyStructure,
    Section(Section),
}

impl Item {
    /// Whether fetching it sets `\Seen` (RFC 3501 §6.4.5).
    pub fn sets_seen(&self) -> bool {
        match self {
            Item::Rfc822 | Item::Rfc822Text => true,
            Item::Section(s) => !s.peek,
            _ => false,
        }
    }

    /// Whether the item is answered from a message's metadata alone ([`Meta`]):
    /// FLAGS, UID, RFC822.SIZE, INTERNALDATE.
    pub fn is_meta(&self) -> bool {
        matches!(
            self,
            Item::Flags | Item::Uid | Item::Rfc822Size | Item::InternalDate
        )
    }
}

/// Parses the items after the sequence set: a macro (ALL, FAST, FULL), one item, or a
/// parenthesized list.
pub fn parse_items(a: &mut Args) -> PResult<Vec<Item>> {
    let mut items = Vec::new();
    if a.eat(b'(') {
        loop {
            a.skip_sp();
            if a.eat(b')') {
                break;
            }
            if a.peek().is_none() {
                return Err(crate::tr_en!("server.imap.list_items_has_no"));
            }
            items.push(parse_item(a)?);
        }
        if items.is_empty() {
            return Err(crate::tr_en!("server.imap.list_items_empty"));
        }
    } else {
        let save = a.pos();
        let word = a
            .atom(&crate::tr_en!("server.imap.data_item"))?
            .to_ascii_uppercase();
        match word.as_str() {
            "ALL" => items.extend([
                Item::Flags,
                Item::InternalDate,
                Item::Rfc822Size,
                Item::Envelope,
            ]),
            "FAST" => items.extend([Item::Flags, Item::InternalDate, Item::Rfc822Size]),
            "FULL" => items.extend([
                Item::Flags,
                Item::InternalDate,
                Item::Rfc822Size,
                Item::Envelope,
                Item::Body,
            ]),
            _ => {
                a.set_pos(save);
                items.push(parse_item(a)?);
            }
        }
    }
    Ok(items)
}

fn parse_item(a: &mut Args) -> PResult<Item> {
    let word_start = a.pos();
    let rest = a.rest();
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b == b'.'))
        .unwrap_or(rest.len());
    let word = String::from_utf8_lossy(&rest[..len]).to_ascii_uppercase();
    a.set_pos(word_start + len);
    Ok(match word.as_str() {
        "ENVELOPE" => Item::Envelope,
        "FLAGS" => Item::Flags,
        "INTERNALDATE" => Item::InternalDate,
        "RFC822" => Item::Rfc822,
        "RFC822.HEADER" => Item::Rfc822Header,
        "RFC822.SIZE" => Item::Rfc822Size,
        "RFC822.TEXT" => Item::Rfc822Text,
        "UID" => Item::Uid,
        "BODYSTRUCTURE" => Item::BodyStructure,
        "BODY" | "BODY.PEEK" if a.peek() == Some(b'[') => {
            Item::Section(parse_section(a, word == "BODY.PEEK")?)
        }
        "BODY" => Item::Body,
        "" => return Err(crate::tr_en!("server.imap.data_item_name_missing")),
        _ => {
            return Err(crate::tr_en!(
                "server.imap.not_fetch_data_item",
                word = word
            ))
        }
    })
}

fn parse_section(a: &mut Args, peek: bool) -> PResult<Section> {
    a.expect(b'[', "'['")?;
    let mut part = Vec::new();
    let mut echo = String::new();
    // Part numbers: 1.2.3
    while a.peek().is_some_and(|b| b.is_ascii_digit()) {
        let n = a.number(&crate::tr_en!("server.imap.section_part_number"))?;
        if n == 0 {
            return Err(crate::tr_en!("server.imap.section_part_numbers_start"));
        }
        part.push(n);
        if !echo.is_empty() {
            echo.push('.');
        }
        echo.push_str(&n.to_string());
        if !a.eat(b'.') {
            break;
        }
        if !a.peek().is_some_and(|b| b.is_ascii_digit()) {
            echo.push('.');
            break;
        }
    }
    let rest = a.rest();
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphabetic() || b == b'.'))
        .unwrap_or(rest.len());
    let spec = String::from_utf8_lossy(&rest[..len]).to_ascii_uppercase();
    a.set_pos(a.pos() + len);
    if !part.is_empty() && spec.is_empty() && echo.ends_with('.') {
        return Err(crate::tr_en!("server.imap.after_part_number_must"));
    }
    echo.push_str(&spec);
    let text = match spec.as_str() {
        "" => SectionText::Full,
        "HEADER" => SectionText::Header,
        "TEXT" => SectionText::Text,
        "MIME" if !part.is_empty() => SectionText::Mime,
        "HEADER.FIELDS" | "HEADER.FIELDS.NOT" => {
            a.sp(&crate::tr_en!("server.imap.list_header_field_names"))?;
            a.expect(
                b'(',
                &crate::tr_en!("server.imap.before_header_field_names"),
            )?;
            let mut names = Vec::new();
            loop {
                a.skip_sp();
                if a.eat(b')') {
                    break;
                }
                if a.peek().is_none() {
                    return Err(crate::tr_en!("server.imap.header_field_list_has"));
                }
                let n = a.astring(&crate::tr_en!("server.imap.header_field_name"))?;
                names.push(String::from_utf8_lossy(&n).into_owned());
            }
            if names.is_empty() {
                return Err(crate::tr_en!("server.imap.header_fields_needs_least"));
            }
            echo.push_str(" (");
            echo.push_str(&names.join(" "));
            echo.push(')');
            if spec == "HEADER.FIELDS" {
                SectionText::HeaderFields(names)
            } else {
                SectionText::HeaderFieldsNot(names)
            }
        }
        _ => {
            return Err(crate::tr_en!(
                "server.imap.not_section_use_header",
                spec = spec
            ))
        }
    };
    a.expect(b']', &crate::tr_en!("server.imap.closing_section"))?;
    let mut partial = None;
    if a.eat(b'<') {
        let start = a.number(&crate::tr_en!("server.imap.partial_start"))?;
        a.expect(
            b'.',
            &crate::tr_en!("server.imap.between_partial_start_length"),
        )?;
        let count = a.number(&crate::tr_en!("server.imap.partial_length"))?;
        if count == 0 {
            return Err(crate::tr_en!("server.imap.partial_length_must_least"));
        }
        a.expect(b'>', &crate::tr_en!("server.imap.closing_partial_range"))?;
        partial = Some((start, count));
    }
    Ok(Section {
        peek,
        part,
        text,
        partial,
        echo,
    })
}

/// The octets of a section, or None when the part does not exist.
fn section_bytes(m: &Message, part: &[u32], text: &SectionText) -> Option<Vec<u8>> {
    let raw = &m.raw[..];
    if part.is_empty() {
        match text {
            SectionText::Full => return Some(raw.to_vec()),
            SectionText::Header => return Some(header_bytes(raw).to_vec()),
            SectionText::Text => {
                return Some(raw[header_bytes(raw).len().min(raw.len())..].to_vec())
            }
            SectionText::HeaderFields(names) => return Some(header_fields(raw, names, true)),
            SectionText::HeaderFieldsNot(names) => return Some(header_fields(raw, names, false)),
            SectionText::Mime => {}
        }
    }
    m.parsed().section(raw, part, text)
}

/// The header lines (with their folded continuations) whose field name is, or with
/// `keep == false` is not, in `names`; then the empty line (RFC 3501 §6.4.5).
pub fn header_fields(raw: &[u8], names: &[String], keep: bool) -> Vec<u8> {
    let head = header_bytes(raw);
    let mut out = Vec::new();
    let mut include = false;
    for line in head.split_inclusive(|&b| b == b'\n') {
        let content = line.strip_suffix(b"\n").unwrap_or(line);
        let content = content.strip_suffix(b"\r").unwrap_or(content);
        if content.is_empty() {
            break;
        }
        if !matches!(content.first(), Some(b' ') | Some(b'\t')) {
            let name = content
                .iter()
                .position(|&b| b == b':')
                .map_or(content, |i| &content[..i])
                .trim_ascii();
            let listed = names
                .iter()
                .any(|n| n.as_bytes().eq_ignore_ascii_case(name));
            include = listed == keep;
        }
        if include {
            out.extend_from_slice(content);
            out.extend_from_slice(b"\r\n");
        }
    }
    out.extend_from_slice(b"\r\n");
    out
}

fn push_partial(out: &mut Vec<u8>, data: &[u8], partial: Option<(u32, u32)>) {
    match partial {
        None => push_literal(out, data),
        Some((start, count)) => {
            let s = (start as usize).min(data.len());
            let e = s.saturating_add(count as usize).min(data.len());
            push_literal(out, &data[s..e]);
        }
    }
}

/// Where in the raw message a section lies, when it is one contiguous range of it (the
/// whole message, its header, its text): such a section is written from the stored
/// octets, never copied.
fn section_range(m: &Message, part: &[u32], text: &SectionText) -> Option<Range<usize>> {
    if !part.is_empty() {
        return None;
    }
    let len = m.raw.len();
    let head = header_bytes(&m.raw).len().min(len);
    match text {
        SectionText::Full => Some(0..len),
        SectionText::Header => Some(0..head),
        SectionText::Text => Some(head..len),
        _ => None,
    }
}

/// `{n}` CRLF and then `range` of the message: spliced in from the stored octets when
/// `splices` is given (the driver writes them as the socket drains), copied otherwise.
fn push_range(
    out: &mut Vec<u8>,
    splices: &mut Option<&mut Vec<Splice>>,
    m: &Message,
    range: Range<usize>,
    partial: Option<(u32, u32)>,
) {
    let range = match partial {
        None => range,
        Some((start, count)) => {
            let s = range.start + (start as usize).min(range.len());
            let e = s.saturating_add(count as usize).min(range.end);
            s..e
        }
    };
    match splices {
        Some(sp) if range.len() >= SPLICE_MIN => {
            out.extend_from_slice(format!("{{{}}}\r\n", range.len()).as_bytes());
            sp.push(Splice {
                at: out.len(),
                data: m.raw.clone(),
                range,
            });
        }
        _ => push_literal(out, &m.raw[range]),
    }
}

/// Smaller ranges are copied: a splice is not worth it.
const SPLICE_MIN: usize = 4096;

/// What the metadata items ([`Item::is_meta`]) of one message need, copied out of the
/// store while its lock is held. A FETCH of only these items over a whole mailbox
/// renders from one contiguous list of these, not by following a pointer to every
/// message (each a cache miss) outside the lock.
pub struct Meta {
    pub seq: usize,
    pub uid: u32,
    pub flags: Flags,
    /// `\Recent` for this session (RFC 3501 §2.3.2).
    pub recent: bool,
    pub size: usize,
    pub internal_date: DateTime<FixedOffset>,
}

impl Meta {
    /// The metadata of message `m`, number `seq` in the session's view.
    pub fn of(m: &Message, seq: usize, recent: bool) -> Meta {
        Meta {
            seq,
            uid: m.uid,
            flags: m.flags.clone(),
            recent,
            size: m.size(),
            internal_date: m.internal_date,
        }
    }
}

/// Appends `* n FETCH (...)` CRLF for items that are all [`Item::is_meta`], in the
/// same form [`render`] gives them (RFC 3501 §7.4.2); other items are skipped.
pub fn render_meta(out: &mut Vec<u8>, items: &[Item], m: &Meta, uid_first: bool) {
    out.extend_from_slice(b"* ");
    push_number(out, m.seq as u64);
    out.extend_from_slice(b" FETCH (");
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !first {
            out.push(b' ');
        }
        first = false;
    };
    if uid_first {
        sep(out);
        out.extend_from_slice(b"UID ");
        push_number(out, m.uid.into());
    }
    let mut flags_done = false;
    for item in items {
        match item {
            Item::Uid if !uid_first => {
                sep(out);
                out.extend_from_slice(b"UID ");
                push_number(out, m.uid.into());
            }
            Item::Flags if !flags_done => {
                flags_done = true;
                sep(out);
                out.extend_from_slice(b"FLAGS (");
                let mut one = false;
                for f in m.flags.iter() {
                    if one {
                        out.push(b' ');
                    }
                    out.extend_from_slice(f.as_bytes());
                    one = true;
                }
                if m.recent {
                    if one {
                        out.push(b' ');
                    }
                    out.extend_from_slice(b"\\Recent");
                }
                out.push(b')');
            }
            Item::InternalDate => {
                sep(out);
                out.extend_from_slice(b"INTERNALDATE ");
                out.extend_from_slice(format_internal_date(&m.internal_date).as_bytes());
            }
            Item::Rfc822Size => {
                sep(out);
                out.extend_from_slice(b"RFC822.SIZE ");
                push_number(out, m.size as u64);
            }
            _ => {}
        }
    }
    out.extend_from_slice(b")\r\n");
}

/// Appends `n` in decimal (without the formatting machinery: a FETCH of a large
/// mailbox writes two numbers per message).
fn push_number(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// What the FETCH response of one message needs besides the message.
pub struct Render<'a> {
    pub seq: usize,
    /// Always include UID (UID FETCH).
    pub uid_first: bool,
    /// The flags as they are after any implicit `\Seen`, already formatted `(...)`.
    pub flags: &'a str,
    /// Add FLAGS even if not requested (\Seen was just set).
    pub flags_changed: bool,
}

/// Appends `* n FETCH (...)` CRLF. With `splices`, bodies that are ranges of the stored
/// message are not copied into `out` but recorded there, positioned in `out`.
pub fn render(
    out: &mut Vec<u8>,
    items: &[Item],
    m: &Message,
    r: &Render,
    mut splices: Option<&mut Vec<Splice>>,
) {
    out.extend_from_slice(b"* ");
    push_number(out, r.seq as u64);
    out.extend_from_slice(b" FETCH (");
    let mut first = true;
    let mut sep = |out: &mut Vec<u8>| {
        if !first {
            out.push(b' ');
        }
        first = false;
    };
    if r.uid_first {
        sep(out);
        out.extend_from_slice(b"UID ");
        push_number(out, m.uid.into());
    }
    let mut flags_done = false;
    for item in items {
        match item {
            Item::Uid => {
                if r.uid_first {
                    continue;
                }
                sep(out);
                out.extend_from_slice(b"UID ");
                push_number(out, m.uid.into());
            }
            Item::Flags => {
                if flags_done {
                    continue;
                }
                flags_done = true;
                sep(out);
                out.extend_from_slice(b"FLAGS ");
                out.extend_from_slice(r.flags.as_bytes());
            }
            Item::Envelope => {
                sep(out);
                out.extend_from_slice(b"ENVELOPE ");
                out.extend_from_slice(m.envelope());
            }
            Item::InternalDate => {
                sep(out);
                out.extend_from_slice(b"INTERNALDATE ");
                out.extend_from_slice(format_internal_date(&m.internal_date).as_bytes());
            }
            Item::Rfc822Size => {
                sep(out);
                out.extend_from_slice(b"RFC822.SIZE ");
                push_number(out, m.size() as u64);
            }
            Item::Rfc822 => {
                sep(out);
                out.extend_from_slice(b"RFC822 ");
                push_range(out, &mut splices, m, 0..m.raw.len(), None);
            }
            Item::Rfc822Header => {
                sep(out);
                out.extend_from_slice(b"RFC822.HEADER ");
                let h = header_bytes(&m.raw).len().min(m.raw.len());
                push_range(out, &mut splices, m, 0..h, None);
            }
            Item::Rfc822Text => {
                sep(out);
                out.extend_from_slice(b"RFC822.TEXT ");
                let h = header_bytes(&m.raw).len().min(m.raw.len());
                push_range(out, &mut splices, m, h..m.raw.len(), None);
            }
            Item::Body => {
                sep(out);
                out.extend_from_slice(b"BODY ");
                out.extend_from_slice(m.parsed().body_structure(&m.raw, false).as_bytes());
            }
            Item::BodyStructure => {
                sep(out);
                out.extend_from_slice(b"BODYSTRUCTURE ");
                out.extend_from_slice(m.parsed().body_structure(&m.raw, true).as_bytes());
            }
            Item::Section(s) => {
                sep(out);
                out.extend_from_slice(format!("BODY[{}]", s.echo).as_bytes());
                if let Some((start, _)) = s.partial {
                    out.extend_from_slice(format!("<{start}>").as_bytes());
                }
                out.push(b' ');
                if let Some(range) = section_range(m, &s.part, &s.text) {
                    push_range(out, &mut splices, m, range, s.partial);
                    continue;
                }
                match section_bytes(m, &s.part, &s.text) {
                    Some(data) => push_partial(out, &data, s.partial),
                    None => push_string(out, b""),
                }
            }
        }
    }
    if r.flags_changed && !flags_done {
        sep(out);
        out.extend_from_slice(b"FLAGS ");
        out.extend_from_slice(r.flags.as_bytes());
    }
    out.extend_from_slice(b")\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(s: &str) -> PResult<Vec<Item>> {
        parse_items(&mut Args::new(s.as_bytes()))
    }

    #[test]
    fn header_fields_keep_folding() {
        let raw = b"Subject: a\r\n b\r\nFrom: x\r\nTo: y\r\n\r\nbody";
        let names = vec!["subject".to_string(), "TO".to_string()];
        assert_eq!(
            header_fields(raw, &names, true),
            b"Subject: a\r\n b\r\nTo: y\r\n\r\n"
        );
        assert_eq!(header_fields(raw, &names, false), b"From: x\r\n\r\n");
    }

    #[test]
    fn parses_sections_and_macros() {
        assert_eq!(items("FAST").unwrap().len(), 3);
        let v = items("(UID BODY.PEEK[1.2.HEADER.FIELDS (From To)]<0.100> RFC822.SIZE)").unwrap();
        match &v[1] {
            Item::Section(s) => {
                assert!(s.peek);
                assert_eq!(s.part, vec![1, 2]);
                assert_eq!(s.echo, "1.2.HEADER.FIELDS (From To)");
                assert_eq!(s.partial, Some((0, 100)));
            }
            other => panic!("{other:?}"),
        }
        assert!(items("BODY[").is_err());
        assert!(items("(FLAGS").is_err());
        assert!(items("BODY[1.FOO]").is_err());
        assert!(items("BODY[MIME]").is_err(), "MIME needs a part number");
    }

    #[test]
    fn metadata_renders_as_the_full_renderer_does() {
        let date = DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800").unwrap();
        let mut some = Flags::new();
        for f in ["\\Seen", "$Label1", "\\Answered", "Zeta"] {
            some.insert(f);
        }
        let lists = [
            "FLAGS",
            "(UID FLAGS)",
            "FAST",
            "(FLAGS UID FLAGS RFC822.SIZE INTERNALDATE UID)",
        ];
        for (i, flags) in [Flags::new(), some].into_iter().enumerate() {
            let mut m = Message::new(&b"Subject: x\r\n\r\nbody\r\n"[..], flags, date);
            m.uid = 4_000_000_000 - i as u32;
            for list in lists {
                let items = items(list).unwrap();
                for (recent, uid_first) in [(false, false), (true, true), (true, false)] {
                    let mut full = Vec::new();
                    let flags = super::super::session::flags_string(&m, recent);
                    let r = Render {
                        seq: 100_000 + i,
                        uid_first,
                        flags: &flags,
                        flags_changed: false,
                    };
                    render(&mut full, &items, &m, &r, None);
                    let mut meta = Vec::new();
                    render_meta(
                        &mut meta,
                        &items,
                        &Meta::of(&m, 100_000 + i, recent),
                        uid_first,
                    );
                    assert_eq!(
                        String::from_utf8_lossy(&meta),
                        String::from_utf8_lossy(&full),
                        "{list}, recent {recent}, uid first {uid_first}"
                    );
                }
            }
        }
    }
}
