//! The one module that parses messages: ENVELOPE, BODYSTRUCTURE and body sections
//! for IMAP FETCH (RFC 3501 §7.4.2, §6.4.5), and the header and text look-ups SEARCH
//! needs (RFC 3501 §6.4.4).
//!
//! [`ParsedMessage::parse`] walks the MIME tree once (RFC 2045, RFC 2046) and keeps,
//! for every part, the byte offsets of its header and body in the raw message plus the
//! MIME fields BODYSTRUCTURE reports. It never keeps a copy of the raw octets: every
//! accessor is handed `raw` again, so the store's cache stays small. Offsets are what
//! make sections exact: `BODY[2.1]` is a slice of the stored octets, never a
//! re-encoding of them.
//!
//! mail-parser does the decoding work: RFC 2047 encoded words, RFC 2231 parameters,
//! charsets, quoted-printable, base64 and dates. The part tree itself is walked here,
//! because IMAP needs the boundaries exactly where RFC 2046 §5.1.1 puts them (the line
//! break before a delimiter belongs to the delimiter) and nested messages addressed in
//! the stored octets rather than in a decoded copy.

use std::ops::Range;

use mail_parser::decoders::base64::base64_decode;
use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::decoders::quoted_printable::quoted_printable_decode;
use mail_parser::parsers::MessageStream;
use mail_parser::HeaderValue;

/// A section part specifier after the part numbers (RFC 3501 §6.4.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionText {
    /// `BODY[]` or `BODY[1.2]`: the whole message or part.
    Full,
    /// `HEADER`: the RFC 5322 header including the blank line that ends it.
    Header,
    /// `HEADER.FIELDS (name ...)`: only these fields, then the blank line.
    HeaderFields(Vec<String>),
    /// `HEADER.FIELDS.NOT (name ...)`: every field but these, then the blank line.
    HeaderFieldsNot(Vec<String>),
    /// `TEXT`: the body of the message, without its header.
    Text,
    /// `MIME`: the MIME header of a body part (only after part numbers).
    Mime,
}

/// How deep multiparts and nested messages are followed; deeper parts are kept as
/// opaque leaves. Real mail nests a handful of levels; this bounds hostile input.
const MAX_DEPTH: usize = 48;

/// At most this many body parts are split out of one message.
const MAX_PARTS: usize = 5_000;

/// A parsed message; owned, `Send + Sync`. The store does not keep it: it is cheap to
/// build again from the raw octets (one pass over the header of every part), and kept
/// for 100,000 messages it weighed half as much as the mail itself.
#[derive(Clone, Debug, Default)]
pub struct ParsedMessage {
    root: Part,
}

/// One MIME entity: its header, its body and what its `Content-*` fields say.
#[derive(Clone, Debug, Default)]
struct Part {
    /// Offset of the first header line.
    header_start: usize,
    /// Offset of the body (just after the blank line ending the header).
    body_start: usize,
    /// Offset just past the body.
    body_end: usize,
    /// Lower-case media type and subtype (`text`, `plain`).
    media_type: String,
    subtype: String,
    /// Content-Type parameters, names in lower case, values decoded (RFC 2231).
    params: Vec<(String, String)>,
    /// Whether a Content-Type field was present (else the RFC 2045 §5.2 default applies).
    explicit_type: bool,
    id: Option<String>,
    description: Option<String>,
    /// Content-Transfer-Encoding in upper case; `7BIT` when absent (RFC 2045 §6.1).
    encoding: String,
    md5: Option<String>,
    disposition: Option<(String, Vec<(String, String)>)>,
    language: Vec<String>,
    location: Option<String>,
    kind: Kind,
}

#[derive(Clone, Debug, Default)]
enum Kind {
    /// A body part that is not split further.
    #[default]
    Leaf,
    /// A multipart: its body parts in order.
    Multipart(Vec<Part>),
    /// A message/rfc822 (or message/global) part: the encapsulated message, whose
    /// header and body lie inside this part's body.
    Message(Box<Part>),
}

/// One header field located in the raw octets.
struct Field {
    /// The field name as written.
    name: Range<usize>,
    /// The value after the colon, folding included, without the final line break.
    value: Range<usize>,
    /// The whole field including its final line break.
    whole: Range<usize>,
}

impl ParsedMessage {
    /// Parses raw RFC 5322 octets. Never fails: broken input gives a best-effort
    /// structure (a message without a blank line is all header; a multipart without
    /// delimiters has its whole body as one text part).
    pub fn parse(raw: &[u8]) -> Self {
        let mut budget = MAX_PARTS;
        let root = parse_entity(raw, 0, raw.len(), false, 0, &mut budget);
        ParsedMessage { root }
    }

    /// ENVELOPE in IMAP syntax (RFC 3501 §7.4.2): date, subject, from, sender,
    /// reply-to, to, cc, bcc, in-reply-to and message-id, header values in their
    /// raw (still RFC 2047 encoded) form.
    pub fn envelope(&self, raw: &[u8]) -> String {
        let mut out = String::new();
        write_envelope(&mut out, raw, &self.root);
        out
    }

    /// BODYSTRUCTURE (with extension data) or BODY (without) in IMAP syntax
    /// (RFC 3501 §7.4.2).
    pub fn body_structure(&self, raw: &[u8], extensible: bool) -> String {
        let mut out = String::new();
        write_body(&mut out, raw, &self.root, extensible);
        out
    }

    /// The octets of a body section (RFC 3501 §6.4.5); `part` is the list of part
    /// numbers (empty = whole message). None when the part does not exist or the
    /// specifier does not apply to it (`HEADER` of a part that is not a message,
    /// `MIME` without part numbers).
    pub fn section(&self, raw: &[u8], part: &[u32], text: &SectionText) -> Option<Vec<u8>> {
        let node = if part.is_empty() {
            if *text == SectionText::Mime {
                return None;
            }
            return message_section(raw, &self.root, text);
        } else {
            self.resolve(part)?
        };
        match text {
            SectionText::Full => slice(raw, node.body_start..node.body_end),
            SectionText::Mime => slice(raw, node.header_start..node.body_start),
            _ => match &node.kind {
                Kind::Message(inner) => message_section(raw, inner, text),
                _ => None,
            },
        }
    }

    /// Decoded (RFC 2047) values of every top-level header field with this name,
    /// matched case-insensitively, unfolded, in order.
    pub fn header_values(&self, raw: &[u8], name: &str) -> Vec<String> {
        header_fields(raw, &self.root)
            .filter(|f| eq_name(raw, &f.name, name))
            .map(|f| decode_text(raw.get(f.value.clone()).unwrap_or_default()))
            .collect()
    }

    /// The Date: header as a timestamp (for SENTBEFORE/SENTON/SENTSINCE, RFC 3501
    /// §6.4.4). None when absent or unparseable.
    pub fn sent_date(&self, raw: &[u8]) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        let value = first_value(raw, &self.root, "date")?;
        let value = String::from_utf8_lossy(&unfold(value)).into_owned();
        let dt = mail_parser::DateTime::parse_rfc822(&value)?;
        if !dt.is_valid() {
            return None;
        }
        let seconds = i32::from(dt.tz_hour) * 3600 + i32::from(dt.tz_minute) * 60;
        let offset = if dt.tz_before_gmt {
            chrono::FixedOffset::west_opt(seconds)?
        } else {
            chrono::FixedOffset::east_opt(seconds)?
        };
        let utc = chrono::DateTime::from_timestamp(dt.to_timestamp(), 0)?;
        Some(utc.with_timezone(&offset))
    }

    /// Decoded text of the body for SEARCH BODY / TEXT: every text part with its
    /// transfer encoding and charset undone, the headers of nested messages, parts
    /// separated by line breaks. Non-text parts are left out.
    pub fn body_text(&self, raw: &[u8]) -> String {
        let mut out = String::new();
        collect_text(&mut out, raw, &self.root);
        out
    }
}

/// ENVELOPE of a raw message as the octets of its IMAP reply (RFC 3501 §7.4.2), the
/// same as [`ParsedMessage::envelope`] gives, from the top-level header alone: no MIME
/// tree is built. Sized exactly, for the store to keep.
pub fn envelope_octets(raw: &[u8]) -> Box<[u8]> {
    let root = Part {
        header_start: 0,
        body_start: header_end(raw, 0, raw.len()),
        body_end: raw.len(),
        ..Part::default()
    };
    let mut out = String::new();
    write_envelope(&mut out, raw, &root);
    out.into_bytes().into_boxed_slice()
}

/// What [`ParsedMessage::body_text`] gives, without building the MIME tree when the
/// message is one text part whose Content-Type is plain `text/x` with at most a simple
/// charset: most mail. SEARCH BODY / TEXT runs it on every message, and the store
/// keeps no tree to run it on.
pub fn body_text_of(raw: &[u8]) -> String {
    simple_body_text(raw).unwrap_or_else(|| ParsedMessage::parse(raw).body_text(raw))
}

/// The body text of a single-part text message, or None when the header says anything
/// this does not read exactly as [`parse_entity`] does (then the full parse decides).
fn simple_body_text(raw: &[u8]) -> Option<String> {
    let body_start = header_end(raw, 0, raw.len());
    let mut charset: Option<&[u8]> = None;
    let mut seen_type = false;
    let mut encoding: Option<String> = None;
    for f in fields_in(raw, 0, body_start) {
        let name = raw.get(f.name.clone())?;
        let value = raw.get(f.value.clone())?;
        if name.eq_ignore_ascii_case(b"content-type") {
            if seen_type {
                return None;
            }
            seen_type = true;
            let mut pieces = trim_ws(value).split(|&b| b == b';');
            let media = trim_ws(pieces.next()?);
            let subtype = media
                .get(..5)
                .filter(|t| t.eq_ignore_ascii_case(b"text/"))
                .map(|_| &media[5..])?;
            if subtype.is_empty() || !subtype.iter().all(|&b| is_token(b)) {
                return None;
            }
            if let Some(param) = pieces.next() {
                let param = trim_ws(param);
                let value = param
                    .get(..8)
                    .filter(|n| n.eq_ignore_ascii_case(b"charset="))
                    .map(|_| &param[8..])?;
                if value.is_empty() || !value.iter().all(|&b| is_token(b)) {
                    return None;
                }
                charset = Some(value);
            }
            if pieces.next().is_some() {
                return None;
            }
        } else if name.eq_ignore_ascii_case(b"content-transfer-encoding") {
            if encoding.is_some() {
                return None;
            }
            encoding = Some(text_value(value).to_ascii_uppercase());
        }
    }
    let encoding = encoding.filter(|e| !e.is_empty());
    let body = raw.get(body_start..).unwrap_or_default();
    let decoded = decode_transfer(body, encoding.as_deref().unwrap_or("7BIT"));
    let charset = String::from_utf8_lossy(charset.unwrap_or(b"us-ascii"));
    Some(decode_charset(&decoded, &charset))
}

/// An octet of an RFC 2045 token that needs no quoting or decoding here.
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'+')
}

impl ParsedMessage {
    /// Finds the part a non-empty list of part numbers names.
    fn resolve(&self, numbers: &[u32]) -> Option<&Part> {
        let mut node: Option<&Part> = None;
        for &n in numbers {
            let index = usize::try_from(n).ok()?.checked_sub(1)?;
            let next = match node {
                // The first number counts the parts of the message itself; a message
                // that is not multipart has exactly one part, its body.
                None => children_of_message(&self.root).nth(index)?,
                Some(p) => match &p.kind {
                    Kind::Multipart(children) => children.get(index)?,
                    Kind::Message(inner) => children_of_message(inner).nth(index)?,
                    Kind::Leaf => return None,
                },
            };
            node = Some(next);
        }
        node
    }
}

/// The numbered parts of a message (RFC 3501 §6.4.5): the body parts of a multipart,
/// or the single body of anything else.
fn children_of_message(msg: &Part) -> Box<dyn Iterator<Item = &Part> + '_> {
    match &msg.kind {
        Kind::Multipart(children) => Box::new(children.iter()),
        _ => Box::new(std::iter::once(msg)),
    }
}

/// HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT or the whole of a message.
fn message_section(raw: &[u8], msg: &Part, text: &SectionText) -> Option<Vec<u8>> {
    match text {
        SectionText::Full => slice(raw, msg.header_start..msg.body_end),
        SectionText::Header => slice(raw, msg.header_start..msg.body_start),
        SectionText::Text => slice(raw, msg.body_start..msg.body_end),
        SectionText::HeaderFields(names) | SectionText::HeaderFieldsNot(names) => {
            let keep = matches!(text, SectionText::HeaderFields(_));
            // The blank line uses the header's own line end (CRLF unless bare LF).
            let header = raw
                .get(msg.header_start..msg.body_start)
                .unwrap_or_default();
            let bare_lf = header
                .iter()
                .position(|&b| b == b'\n')
                .is_some_and(|i| i == 0 || header.get(i - 1) != Some(&b'\r'));
            let eol: &[u8] = if bare_lf { b"\n" } else { b"\r\n" };
            let mut out = Vec::new();
            for f in header_fields(raw, msg) {
                let listed = names.iter().any(|n| eq_name(raw, &f.name, n));
                if listed == keep {
                    out.extend_from_slice(raw.get(f.whole.clone()).unwrap_or_default());
                    if !out.ends_with(b"\n") {
                        out.extend_from_slice(eol);
                    }
                }
            }
            out.extend_from_slice(eol);
            Some(out)
        }
        SectionText::Mime => None,
    }
}

fn slice(raw: &[u8], range: Range<usize>) -> Option<Vec<u8>> {
    raw.get(range).map(<[u8]>::to_vec)
}

// ---------------------------------------------------------------------------
// Parsing the tree

/// Parses one entity (a message or a body part) spanning `start..end` of `raw`.
/// `digest` says the parent is multipart/digest, whose default type is message/rfc822
/// (RFC 2046 §5.1.5).
fn parse_entity(
    raw: &[u8],
    start: usize,
    end: usize,
    digest: bool,
    depth: usize,
    budget: &mut usize,
) -> Part {
    let body_start = header_end(raw, start, end);
    let mut part = Part {
        header_start: start,
        body_start,
        body_end: end,
        media_type: if digest { "message" } else { "text" }.into(),
        subtype: if digest { "rfc822" } else { "plain" }.into(),
        encoding: "7BIT".into(),
        ..Part::default()
    };
    for f in fields_in(raw, start, body_start) {
        let Some(name) = raw.get(f.name.clone()) else {
            continue;
        };
        let value = raw.get(f.value.clone()).unwrap_or_default();
        let is = |n: &str| name.eq_ignore_ascii_case(n.as_bytes());
        if is("content-type") && !part.explicit_type {
            if let Some((t, s, params)) = parse_type_field(value) {
                part.explicit_type = true;
                if !t.is_empty() {
                    part.media_type = t;
                    part.subtype = if s.is_empty() {
                        default_subtype(&part.media_type).into()
                    } else {
                        s
                    };
                }
                part.params = params;
            }
        } else if is("content-transfer-encoding") {
            let enc = text_value(value);
            if !enc.is_empty() {
                part.encoding = enc.to_ascii_uppercase();
            }
        } else if is("content-id") {
            part.id.get_or_insert_with(|| text_value(value));
        } else if is("content-description") {
            part.description.get_or_insert_with(|| text_value(value));
        } else if is("content-md5") {
            part.md5.get_or_insert_with(|| text_value(value));
        } else if is("content-location") {
            part.location.get_or_insert_with(|| text_value(value));
        } else if is("content-language") {
            part.language = text_value(value)
                .split([',', ' ', '\t'])
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .collect();
        } else if is("content-disposition") && part.disposition.is_none() {
            if let Some((t, _, params)) = parse_type_field(value) {
                if !t.is_empty() {
                    part.disposition = Some((t, params));
                }
            }
        }
    }
    // RFC 2045 §5.2 / RFC 2046 §4.1.2: text without a charset is us-ascii; say so,
    // as Dovecot does, so clients need not know the default.
    if part.media_type == "text" && !part.params.iter().any(|(n, _)| n == "charset") {
        part.params.insert(0, ("charset".into(), "us-ascii".into()));
    }
    let identity = matches!(part.encoding.as_str(), "7BIT" | "8BIT" | "BINARY");
    let can_descend = depth < MAX_DEPTH && *budget > 0;
    if part.media_type == "multipart" {
        let boundary = part
            .params
            .iter()
            .find(|(n, _)| n == "boundary")
            .map(|(_, v)| v.clone())
            .filter(|b| !b.is_empty());
        let children: Vec<Part> = match boundary {
            Some(b) if can_descend => {
                let sub_digest = part.subtype == "digest";
                split_multipart(raw, body_start, end, b.as_bytes())
                    .into_iter()
                    .take(*budget)
                    .map(|r| parse_entity(raw, r.start, r.end, sub_digest, depth + 1, budget))
                    .collect()
            }
            _ => Vec::new(),
        };
        // A multipart needs at least one part (RFC 3501 §9, body-type-mpart): without
        // delimiters (or too deep to follow) the body is shown as the one part it is.
        part.kind = if children.is_empty() {
            Kind::Multipart(vec![opaque_body(body_start, end)])
        } else {
            Kind::Multipart(children)
        };
    } else if part.media_type == "message" && part.subtype == "rfc822" && identity && can_descend {
        *budget = budget.saturating_sub(1);
        let inner = parse_entity(raw, body_start, end, false, depth + 1, budget);
        part.kind = Kind::Message(Box::new(inner));
    }
    *budget = budget.saturating_sub(1);
    part
}

/// A plain-text part covering a body that is not split further.
fn opaque_body(start: usize, end: usize) -> Part {
    Part {
        header_start: start,
        body_start: start,
        body_end: end,
        media_type: "text".into(),
        subtype: "plain".into(),
        params: vec![("charset".into(), "us-ascii".into())],
        encoding: "7BIT".into(),
        ..Part::default()
    }
}

fn default_subtype(media_type: &str) -> &'static str {
    match media_type {
        "text" => "plain",
        "multipart" => "mixed",
        "message" => "rfc822",
        _ => "octet-stream",
    }
}

/// Offset of the body of the entity starting at `start`: just past the first empty
/// line, or `end` when the header never ends.
fn header_end(raw: &[u8], start: usize, end: usize) -> usize {
    let mut pos = start;
    while pos < end {
        let line_end = find_lf(raw, pos, end).map_or(end, |i| i + 1);
        let line = raw.get(pos..line_end).unwrap_or_default();
        if line == b"\r\n" || line == b"\n" {
            return line_end;
        }
        pos = line_end;
    }
    end
}

fn find_lf(raw: &[u8], from: usize, end: usize) -> Option<usize> {
    raw.get(from..end)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| from + i)
}

/// The header fields between `start` and `end` (the header block). Lines that are
/// neither a field nor a continuation are skipped.
fn fields_in(raw: &[u8], start: usize, end: usize) -> impl Iterator<Item = Field> + '_ {
    let mut pos = start;
    std::iter::from_fn(move || {
        while pos < end {
            let line_start = pos;
            let mut line_end = find_lf(raw, pos, end).map_or(end, |i| i + 1);
            let line = raw.get(line_start..line_end).unwrap_or_default();
            if line == b"\r\n" || line == b"\n" {
                pos = end;
                return None;
            }
            // Continuation lines belong to this field.
            while line_end < end && matches!(raw.get(line_end), Some(b' ' | b'\t')) {
                line_end = find_lf(raw, line_end, end).map_or(end, |i| i + 1);
            }
            pos = line_end;
            let Some(colon) = line.iter().position(|&b| b == b':') else {
                continue;
            };
            let name = trim_ascii_end(&line[..colon]);
            if name.is_empty() || name.iter().any(|&b| b <= b' ' || b >= 127) {
                // "From " lines of mbox files and other junk.
                continue;
            }
            let name_len = name.len();
            let mut value_end = line_end;
            if value_end > line_start && raw.get(value_end - 1) == Some(&b'\n') {
                value_end -= 1;
                if value_end > line_start && raw.get(value_end - 1) == Some(&b'\r') {
                    value_end -= 1;
                }
            }
            let value_start = (line_start + colon + 1).min(value_end);
            return Some(Field {
                name: line_start..line_start + name_len,
                value: value_start..value_end,
                whole: line_start..line_end,
            });
        }
        None
    })
}

fn trim_ascii_end(b: &[u8]) -> &[u8] {
    let n = b
        .iter()
        .rposition(|c| !c.is_ascii_whitespace())
        .map_or(0, |i| i + 1);
    &b[..n]
}

fn header_fields<'a>(raw: &'a [u8], msg: &Part) -> impl Iterator<Item = Field> + 'a {
    fields_in(raw, msg.header_start, msg.body_start)
}

fn eq_name(raw: &[u8], name: &Range<usize>, wanted: &str) -> bool {
    raw.get(name.clone())
        .is_some_and(|n| n.eq_ignore_ascii_case(wanted.as_bytes()))
}

/// The raw value of the first field with this name.
fn first_value<'a>(raw: &'a [u8], msg: &Part, name: &str) -> Option<&'a [u8]> {
    header_fields(raw, msg)
        .find(|f| eq_name(raw, &f.name, name))
        .and_then(|f| raw.get(f.value))
}

/// Removes folding (RFC 5322 §2.2.3): line breaks followed by white space go, the
/// white space stays.
fn unfold(value: &[u8]) -> Vec<u8> {
    value
        .iter()
        .copied()
        .filter(|&b| b != b'\r' && b != b'\n')
        .collect()
}

/// An unfolded, trimmed value as text (for Content-* fields, which are ASCII).
fn text_value(value: &[u8]) -> String {
    String::from_utf8_lossy(&unfold(value)).trim().to_string()
}

/// Decodes RFC 2047 encoded words in an unstructured value.
fn decode_text(value: &[u8]) -> String {
    let mut buf = Vec::with_capacity(value.len() + 3);
    buf.push(b' ');
    buf.extend(unfold(value));
    buf.extend_from_slice(b"\r\n");
    match MessageStream::new(&buf).parse_unstructured() {
        HeaderValue::Text(t) => t.into_owned(),
        HeaderValue::TextList(l) => l.join(" "),
        _ => String::new(),
    }
}

/// Type, subtype and parameters of a Content-Type or Content-Disposition field.
type TypeField = (String, String, Vec<(String, String)>);

/// `type/subtype; name=value ...` (Content-Type) or `type; name=value`
/// (Content-Disposition), through mail-parser (RFC 2045 §5.1, RFC 2231).
fn parse_type_field(value: &[u8]) -> Option<TypeField> {
    let mut buf = Vec::with_capacity(value.len() + 3);
    buf.push(b' ');
    buf.extend(unfold(value));
    buf.extend_from_slice(b"\r\n");
    let HeaderValue::ContentType(ct) = MessageStream::new(&buf).parse_content_type() else {
        return None;
    };
    let t = ct.c_type.to_ascii_lowercase();
    let s = ct
        .c_subtype
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let params = ct
        .attributes
        .unwrap_or_default()
        .into_iter()
        .map(|a| (a.name.to_ascii_lowercase(), a.value.into_owned()))
        .collect();
    Some((t, s, params))
}

/// Splits a multipart body at its delimiter lines (RFC 2046 §5.1.1). Each range is
/// one body part: from just after its delimiter line to just before the line break
/// that precedes the next delimiter. Preamble and epilogue are not parts.
fn split_multipart(raw: &[u8], start: usize, end: usize, boundary: &[u8]) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut current: Option<usize> = None;
    let mut pos = start;
    while pos < end {
        let line_end = find_lf(raw, pos, end).map_or(end, |i| i + 1);
        let line = raw.get(pos..line_end).unwrap_or_default();
        if let Some(close) = delimiter(line, boundary) {
            if let Some(part_start) = current.take() {
                // The CRLF before the delimiter belongs to the delimiter.
                let mut part_end = pos;
                if part_end > part_start && raw.get(part_end - 1) == Some(&b'\n') {
                    part_end -= 1;
                    if part_end > part_start && raw.get(part_end - 1) == Some(&b'\r') {
                        part_end -= 1;
                    }
                }
                parts.push(part_start..part_end.max(part_start));
            }
            if close {
                return parts;
            }
            current = Some(line_end);
        }
        pos = line_end;
    }
    // No close delimiter: the last part runs to the end.
    if let Some(part_start) = current {
        parts.push(part_start..end.max(part_start));
    }
    parts
}

/// Whether a line is `--boundary` (Some(false)) or `--boundary--` (Some(true)),
/// allowing trailing white space.
fn delimiter(line: &[u8], boundary: &[u8]) -> Option<bool> {
    let rest = line.strip_prefix(b"--")?.strip_prefix(boundary)?;
    let (close, rest) = match rest.strip_prefix(b"--") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    rest.iter()
        .all(|b| b.is_ascii_whitespace())
        .then_some(close)
}

/// Text lines in a part's body (BODYSTRUCTURE's body-fld-lines), counted when asked:
/// SEARCH parses every message and needs none.
fn lines_of(raw: &[u8], part: &Part) -> usize {
    count_lines(raw.get(part.body_start..part.body_end).unwrap_or_default())
}

/// Text lines in a body: its line breaks. A last line cut short by a delimiter (whose
/// line break belongs to the delimiter) does not count, as Dovecot counts them.
fn count_lines(body: &[u8]) -> usize {
    body.iter().filter(|&&b| b == b'\n').count()
}

// ---------------------------------------------------------------------------
// IMAP syntax

/// Appends an IMAP string (RFC 3501 §4.3): quoted when every octet is printable
/// 7-bit text, else a literal `{n}\r\n...`.
fn push_string(out: &mut String, value: &[u8]) {
    let quotable = value
        .iter()
        .all(|&b| (0x20..0x7f).contains(&b) || b == b'\t');
    if quotable {
        out.push('"');
        for &b in value {
            if b == b'"' || b == b'\\' {
                out.push('\\');
            }
            out.push(char::from(b));
        }
        out.push('"');
    } else {
        // The response is text; octets that are not UTF-8 are replaced and the count
        // is taken after that, so it stays true to what is sent.
        // NUL is not allowed even in a literal (RFC 3501 §9, CHAR8).
        let text = String::from_utf8_lossy(value).replace('\0', "\u{fffd}");
        out.push_str(&format!("{{{}}}\r\n", text.len()));
        out.push_str(&text);
    }
}

fn push_nstring(out: &mut String, value: Option<&[u8]>) {
    match value {
        Some(v) => push_string(out, v),
        None => out.push_str("NIL"),
    }
}

/// An envelope field's value: unfolded, tabs as spaces, trimmed.
fn envelope_value(raw: &[u8], msg: &Part, name: &str) -> Option<Vec<u8>> {
    let v = unfold(first_value(raw, msg, name)?);
    Some(tabs_to_spaces(trim_ws(&v)))
}

fn tabs_to_spaces(v: &[u8]) -> Vec<u8> {
    v.iter()
        .map(|&b| if b == b'\t' { b' ' } else { b })
        .collect()
}

fn trim_ws(v: &[u8]) -> &[u8] {
    let start = v
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(v.len());
    let end = v
        .iter()
        .rposition(|b| !matches!(b, b' ' | b'\t'))
        .map_or(start, |i| i + 1);
    v.get(start..end).unwrap_or_default()
}

fn write_envelope(out: &mut String, raw: &[u8], msg: &Part) {
    out.push('(');
    push_nstring(out, envelope_value(raw, msg, "date").as_deref());
    out.push(' ');
    push_nstring(out, envelope_value(raw, msg, "subject").as_deref());
    let from = addresses(raw, msg, "from");
    for list in [
        Some(from.clone()),
        Some(addresses(raw, msg, "sender")).filter(|l| !l.is_empty()),
        Some(addresses(raw, msg, "reply-to")).filter(|l| !l.is_empty()),
        Some(addresses(raw, msg, "to")),
        Some(addresses(raw, msg, "cc")),
        Some(addresses(raw, msg, "bcc")),
    ] {
        out.push(' ');
        // RFC 3501 §7.4.2: absent or empty Sender / Reply-To default to From.
        write_address_list(out, list.as_deref().unwrap_or(&from));
    }
    out.push(' ');
    push_nstring(out, envelope_value(raw, msg, "in-reply-to").as_deref());
    out.push(' ');
    push_nstring(out, envelope_value(raw, msg, "message-id").as_deref());
    out.push(')');
}

/// One entry of an envelope address list.
#[derive(Clone, Debug, PartialEq)]
enum AddrItem {
    Mailbox {
        name: Option<Vec<u8>>,
        adl: Option<Vec<u8>>,
        mailbox: Vec<u8>,
        host: Vec<u8>,
    },
    GroupStart(Vec<u8>),
    GroupEnd,
}

fn write_address_list(out: &mut String, list: &[AddrItem]) {
    if list.is_empty() {
        out.push_str("NIL");
        return;
    }
    out.push('(');
    for item in list {
        match item {
            AddrItem::Mailbox {
                name,
                adl,
                mailbox,
                host,
            } => {
                out.push('(');
                push_nstring(out, name.as_deref());
                out.push(' ');
                push_nstring(out, adl.as_deref());
                out.push(' ');
                push_string(out, mailbox);
                out.push(' ');
                push_string(out, host);
                out.push(')');
            }
            AddrItem::GroupStart(name) => {
                out.push_str("(NIL NIL ");
                push_string(out, name);
                out.push_str(" NIL)");
            }
            AddrItem::GroupEnd => out.push_str("(NIL NIL NIL NIL)"),
        }
    }
    out.push(')');
}

/// All addresses of the first field with this name.
fn addresses(raw: &[u8], msg: &Part, name: &str) -> Vec<AddrItem> {
    match first_value(raw, msg, name) {
        Some(v) => parse_address_list(&unfold(v)),
        None => Vec::new(),
    }
}

/// A lexical token of an address field (RFC 5322 §3.2).
#[derive(Clone, Debug, PartialEq)]
enum Tok {
    /// An atom or a run of atom text (dots included), as written.
    Atom(Vec<u8>),
    /// A quoted string, unquoted.
    Quoted(Vec<u8>),
    /// A domain literal `[...]` as written.
    Literal(Vec<u8>),
    /// A comment's text, without the parentheses.
    Comment(Vec<u8>),
    Special(u8),
}

fn tokenize(v: &[u8]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b'"' => {
                let mut s = Vec::new();
                i += 1;
                while i < v.len() && v[i] != b'"' {
                    if v[i] == b'\\' && i + 1 < v.len() {
                        i += 1;
                    }
                    s.push(v[i]);
                    i += 1;
                }
                i += 1;
                toks.push(Tok::Quoted(s));
            }
            b'(' => {
                let mut depth = 0usize;
                let mut s = Vec::new();
                while i < v.len() {
                    let c = v[i];
                    if c == b'\\' && i + 1 < v.len() {
                        s.push(v[i + 1]);
                        i += 2;
                        continue;
                    }
                    if c == b'(' {
                        depth += 1;
                        if depth > 1 {
                            s.push(c);
                        }
                    } else if c == b')' {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                        s.push(c);
                    } else {
                        s.push(c);
                    }
                    i += 1;
                }
                toks.push(Tok::Comment(s));
            }
            b'[' => {
                let close = v[i..]
                    .iter()
                    .position(|&c| c == b']')
                    .map_or(v.len(), |p| i + p + 1);
                toks.push(Tok::Literal(v[i..close].to_vec()));
                i = close;
            }
            b'<' | b'>' | b'@' | b',' | b';' | b':' => {
                toks.push(Tok::Special(b));
                i += 1;
            }
            _ => {
                let start = i;
                while i < v.len()
                    && !matches!(
                        v[i],
                        b' ' | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'"'
                            | b'('
                            | b'['
                            | b'<'
                            | b'>'
                            | b'@'
                            | b','
                            | b';'
                            | b':'
                            | b')'
                            | b']'
                    )
                {
                    i += 1;
                }
                if i == start {
                    // A stray ')' or ']': skip it.
                    i += 1;
                } else {
                    toks.push(Tok::Atom(v[start..i].to_vec()));
                }
            }
        }
    }
    toks
}

/// Parses an address list leniently (RFC 5322 §3.4): mailboxes, `name <addr>`,
/// `<@route:addr>`, groups `name: a, b;`. Comments name an address that has no
/// display name, as in `alex@maillab.test (Alex)`.
fn parse_address_list(v: &[u8]) -> Vec<AddrItem> {
    let toks = tokenize(v);
    let mut out = Vec::new();
    let mut in_group = false;
    // Tokens of the current address, up to a ',' (or ';' / ':' for groups), and how
    // many more '<' than '>' they hold (kept as we go: a field with many commas must
    // not cost quadratic time).
    let mut cur: Vec<Tok> = Vec::new();
    let mut angle: isize = 0;
    for tok in toks {
        let inside_angle = angle > 0;
        match tok {
            Tok::Special(b',') if !inside_angle => {
                push_mailbox(&mut out, std::mem::take(&mut cur));
                angle = 0;
            }
            Tok::Special(b':') if !in_group && !inside_angle => {
                let name = phrase(&cur);
                cur.clear();
                angle = 0;
                in_group = true;
                out.push(AddrItem::GroupStart(name));
            }
            Tok::Special(b';') if in_group => {
                push_mailbox(&mut out, std::mem::take(&mut cur));
                angle = 0;
                out.push(AddrItem::GroupEnd);
                in_group = false;
            }
            t => {
                match t {
                    Tok::Special(b'<') => angle += 1,
                    Tok::Special(b'>') => angle -= 1,
                    _ => {}
                }
                cur.push(t);
            }
        }
    }
    push_mailbox(&mut out, cur);
    if in_group {
        out.push(AddrItem::GroupEnd);
    }
    out
}

/// Joins words with single spaces (quoted strings unquoted, comments left out).
fn phrase(toks: &[Tok]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in toks {
        let word: &[u8] = match t {
            Tok::Atom(a) | Tok::Quoted(a) | Tok::Literal(a) => a,
            Tok::Special(b'@') => b"@",
            Tok::Special(b'.') => b".",
            _ => continue,
        };
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    out
}

/// Turns the tokens of one address into an envelope entry (skips empty ones).
fn push_mailbox(out: &mut Vec<AddrItem>, toks: Vec<Tok>) {
    if toks.iter().all(|t| matches!(t, Tok::Comment(_))) {
        return;
    }
    let open = toks.iter().position(|t| *t == Tok::Special(b'<'));
    let (name, spec): (Option<Vec<u8>>, &[Tok]) = match open {
        Some(o) => {
            let close = toks[o..]
                .iter()
                .position(|t| *t == Tok::Special(b'>'))
                .map_or(toks.len(), |c| o + c);
            let n = phrase(&toks[..o]);
            let name = if n.is_empty() {
                first_comment(&toks[close..])
            } else {
                Some(n)
            };
            (name, &toks[o + 1..close])
        }
        None => (first_comment(&toks), &toks[..]),
    };
    // Route: "@a,@b:" before the address inside angle brackets.
    let (adl, spec) = match spec.iter().position(|t| *t == Tok::Special(b':')) {
        Some(c) if open.is_some() => (Some(route(&spec[..c])), &spec[c + 1..]),
        _ => (None, spec),
    };
    let spec: Vec<&Tok> = spec
        .iter()
        .filter(|t| !matches!(t, Tok::Comment(_)))
        .collect();
    let at = spec.iter().rposition(|t| **t == Tok::Special(b'@'));
    let (local, domain) = match at {
        Some(a) => (&spec[..a], &spec[a + 1..]),
        None => (&spec[..], &spec[..0]),
    };
    // An empty mailbox or host would read as NIL-ish nonsense or, for the host, come
    // close to group syntax; name what is missing instead, as Dovecot does.
    let mut mailbox = concat_words(local);
    if mailbox.is_empty() {
        mailbox = b"MISSING_MAILBOX".to_vec();
    }
    let mut host = concat_words(domain);
    if host.is_empty() {
        host = b"MISSING_DOMAIN".to_vec();
    }
    out.push(AddrItem::Mailbox {
        name,
        adl,
        mailbox,
        host,
    });
}

fn first_comment(toks: &[Tok]) -> Option<Vec<u8>> {
    toks.iter().find_map(|t| match t {
        Tok::Comment(c) if !trim_ws(c).is_empty() => Some(tabs_to_spaces(trim_ws(c))),
        _ => None,
    })
}

/// The words of a local part or domain run together (`a.b` written `a . b`).
fn concat_words(toks: &[&Tok]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in toks {
        match t {
            Tok::Atom(a) | Tok::Literal(a) => out.extend_from_slice(a),
            // A quoted local part is given unquoted, as Dovecot does.
            Tok::Quoted(q) => out.extend_from_slice(q),
            Tok::Special(s) => out.push(*s),
            Tok::Comment(_) => {}
        }
    }
    out
}

/// A source route as `@a,@b`.
fn route(toks: &[Tok]) -> Vec<u8> {
    let mut out = Vec::new();
    for t in toks {
        match t {
            Tok::Atom(a) | Tok::Literal(a) => out.extend_from_slice(a),
            Tok::Special(s) => out.push(*s),
            _ => {}
        }
    }
    out
}

fn write_body(out: &mut String, raw: &[u8], part: &Part, ext: bool) {
    out.push('(');
    match &part.kind {
        Kind::Multipart(children) => {
            for child in children {
                write_body(out, raw, child, ext);
            }
            out.push(' ');
            push_string(out, part.subtype.to_ascii_uppercase().as_bytes());
            if ext {
                out.push(' ');
                write_params(out, &part.params);
                write_common_ext(out, part);
            }
        }
        _ => {
            push_string(out, part.media_type.to_ascii_uppercase().as_bytes());
            out.push(' ');
            push_string(out, part.subtype.to_ascii_uppercase().as_bytes());
            out.push(' ');
            write_params(out, &part.params);
            out.push(' ');
            push_nstring(out, part.id.as_deref().map(str::as_bytes));
            out.push(' ');
            push_nstring(out, part.description.as_deref().map(str::as_bytes));
            out.push(' ');
            push_string(out, part.encoding.as_bytes());
            out.push(' ');
            out.push_str(&part.body_end.saturating_sub(part.body_start).to_string());
            if let Kind::Message(inner) = &part.kind {
                out.push(' ');
                write_envelope(out, raw, inner);
                out.push(' ');
                write_body(out, raw, inner, ext);
                out.push(' ');
                out.push_str(&lines_of(raw, part).to_string());
            } else if part.media_type == "message" && part.subtype == "rfc822" {
                // Encoded (or nested too deep) and so not parsed: the grammar still
                // wants an envelope and a body (RFC 3501 §9, body-type-msg).
                out.push_str(" (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) ");
                let empty = opaque_body(part.body_end, part.body_end);
                write_body(out, raw, &empty, ext);
                out.push(' ');
                out.push_str(&lines_of(raw, part).to_string());
            } else if part.media_type == "text" {
                out.push(' ');
                out.push_str(&lines_of(raw, part).to_string());
            }
            if ext {
                out.push(' ');
                push_nstring(out, part.md5.as_deref().map(str::as_bytes));
                write_common_ext(out, part);
            }
        }
    }
    out.push(')');
}

/// Disposition, language and location (RFC 3501 §7.4.2 extension data).
fn write_common_ext(out: &mut String, part: &Part) {
    out.push(' ');
    match &part.disposition {
        Some((t, params)) => {
            out.push('(');
            push_string(out, t.to_ascii_uppercase().as_bytes());
            out.push(' ');
            write_params(out, params);
            out.push(')');
        }
        None => out.push_str("NIL"),
    }
    out.push(' ');
    match part.language.as_slice() {
        [] => out.push_str("NIL"),
        [one] => push_string(out, one.as_bytes()),
        many => {
            out.push('(');
            for (i, l) in many.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                push_string(out, l.as_bytes());
            }
            out.push(')');
        }
    }
    out.push(' ');
    push_nstring(out, part.location.as_deref().map(str::as_bytes));
}

fn write_params(out: &mut String, params: &[(String, String)]) {
    if params.is_empty() {
        out.push_str("NIL");
        return;
    }
    out.push('(');
    for (i, (name, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let printable = value.bytes().all(|b| (0x20..0x7f).contains(&b));
        if printable || name.ends_with('*') {
            push_string(out, name.to_ascii_uppercase().as_bytes());
            out.push(' ');
            push_string(out, value.as_bytes());
        } else {
            // Non-ASCII values (RFC 2231 decoded, or raw UTF-8) go back out in RFC 2231
            // form, `NAME*` "utf-8''%D9%85...", as plain quoted strings: clients that
            // parse BODYSTRUCTURE rarely expect a literal there.
            push_string(out, format!("{}*", name.to_ascii_uppercase()).as_bytes());
            out.push(' ');
            push_string(out, rfc2231_encode(value).as_bytes());
        }
    }
    out.push(')');
}

/// `utf-8''` and the value with every octet outside RFC 2231 attribute-char
/// percent-encoded.
fn rfc2231_encode(value: &str) -> String {
    let mut out = String::from("utf-8''");
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Text for SEARCH

fn collect_text(out: &mut String, raw: &[u8], part: &Part) {
    match &part.kind {
        Kind::Multipart(children) => {
            for c in children {
                collect_text(out, raw, c);
            }
        }
        Kind::Message(inner) => {
            // The nested message's header is part of this message's body text.
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            for f in header_fields(raw, inner) {
                out.push_str(&String::from_utf8_lossy(
                    raw.get(f.name.clone()).unwrap_or_default(),
                ));
                out.push_str(": ");
                out.push_str(&decode_text(raw.get(f.value.clone()).unwrap_or_default()));
                out.push('\n');
            }
            collect_text(out, raw, inner);
        }
        Kind::Leaf => {
            if part.media_type != "text" {
                return;
            }
            let body = raw.get(part.body_start..part.body_end).unwrap_or_default();
            let decoded = decode_transfer(body, &part.encoding);
            let charset = part
                .params
                .iter()
                .find(|(n, _)| n == "charset")
                .map_or("us-ascii", |(_, v)| v.as_str());
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            out.push_str(&decode_charset(&decoded, charset));
        }
    }
}

/// Undoes a Content-Transfer-Encoding (RFC 2045 §6); unknown ones are kept as is.
fn decode_transfer<'a>(body: &'a [u8], encoding: &str) -> std::borrow::Cow<'a, [u8]> {
    let decoded = match encoding {
        "BASE64" => base64_decode(body),
        "QUOTED-PRINTABLE" => quoted_printable_decode(body),
        _ => None,
    };
    match decoded {
        Some(d) => d.into(),
        None => body.into(),
    }
}

/// Bytes in a charset to text; UTF-8 and ASCII take the fast path.
fn decode_charset(bytes: &[u8], charset: &str) -> String {
    let fast = ["utf-8", "utf8", "us-ascii", "ascii"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(charset));
    if !fast {
        if let Some(decoder) = charset_decoder(charset.as_bytes()) {
            return decoder(bytes);
        }
    }
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_lines() {
        assert_eq!(delimiter(b"--b1\r\n", b"b1"), Some(false));
        assert_eq!(delimiter(b"--b1--\r\n", b"b1"), Some(true));
        assert_eq!(delimiter(b"--b1 \t\r\n", b"b1"), Some(false));
        assert_eq!(delimiter(b"--b1x\r\n", b"b1"), None);
        assert_eq!(delimiter(b"-b1\r\n", b"b1"), None);
    }

    #[test]
    fn line_counts() {
        assert_eq!(count_lines(b""), 0);
        assert_eq!(count_lines(b"a"), 0);
        assert_eq!(count_lines(b"a\r\n"), 1);
        assert_eq!(count_lines(b"a\r\nb"), 1);
    }

    #[test]
    fn strings_quote_or_literal() {
        let mut s = String::new();
        push_string(&mut s, b"say \"hi\" \\o/");
        assert_eq!(s, r#""say \"hi\" \\o/""#);
        let mut s = String::new();
        push_string(&mut s, "سلام".as_bytes());
        assert_eq!(s, "{8}\r\nسلام");
    }

    #[test]
    fn envelope_from_the_header_alone_matches_the_tree() {
        let messages: [&[u8]; 5] = [
            b"Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nFrom: Fred <fred@example.com>\r\n\
              Subject: =?utf-8?q?caf=C3=A9?=\r\n\tfolded\r\nTo: a@x, Group: b@y, c@z;\r\n\
              Message-ID: <1@x>\r\n\r\nbody\r\n",
            b"Subject: no blank line\r\nFrom: x@y",
            b"Content-Type: multipart/mixed; boundary=b\r\nSender: s@x\r\nReply-To: \r\n\r\n\
              --b\r\nFrom: inner@part\r\n\r\none\r\n--b--\r\n",
            b"From: \"Q \\\" x\" <q@x>\r\nCc: (c) d@e\r\nBcc: f@g\r\nIn-Reply-To: <0@x>\r\n\r\n",
            b"",
        ];
        for raw in messages {
            let tree = ParsedMessage::parse(raw).envelope(raw);
            assert_eq!(
                String::from_utf8_lossy(&envelope_octets(raw)),
                tree,
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
    }

    #[test]
    fn body_text_without_the_tree_matches_the_tree() {
        let messages: [&[u8]; 9] = [
            b"From: a@b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\nthere\r\n",
            b"Subject: no type\r\n\r\nplain body\r\n",
            b"Content-Type: TEXT/HTML; Charset=ISO-8859-1\r\n\r\ncaf\xe9\r\n",
            b"Content-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\ncaf=C3=A9 =\r\nend\r\n",
            b"Content-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\naGVsbG8=\r\n",
            b"Content-Type: image/png\r\n\r\nnot text\r\n",
            b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--b--\r\n",
            b"Content-Type: text/plain; charset=utf-8; format=flowed\r\n\r\nflowed\r\n",
            b"no header at all",
        ];
        for raw in messages {
            assert_eq!(
                body_text_of(raw),
                ParsedMessage::parse(raw).body_text(raw),
                "{}",
                String::from_utf8_lossy(raw)
            );
        }
        assert!(
            simple_body_text(messages[0]).is_some(),
            "the common case is fast"
        );
        assert!(simple_body_text(messages[6]).is_none());
    }
}
