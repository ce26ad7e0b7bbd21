//! The one module that parses messages (mail-parser behind it): ENVELOPE,
//! BODYSTRUCTURE and body sections for IMAP FETCH (RFC 3501 §7.4.2), and the
//! header and text look-ups SEARCH needs (RFC 3501 §6.4.4).

/// A section part specifier after the part numbers (RFC 3501 §6.4.5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectionText {
    /// `BODY[]` or `BODY[1.2]`: the whole message or part.
    Full,
    Header,
    HeaderFields(Vec<String>),
    HeaderFieldsNot(Vec<String>),
    Text,
    Mime,
}

/// A parsed message; owned, cheap to keep in the store's cache.
#[derive(Debug, Default)]
pub struct ParsedMessage {
    raw_len: usize,
}

impl ParsedMessage {
    /// Parses raw RFC 5322 octets. Never fails: broken input gives a best-effort structure.
    pub fn parse(raw: &[u8]) -> Self {
        ParsedMessage { raw_len: raw.len() }
    }
    /// ENVELOPE in IMAP syntax, e.g. `("date" "subject" ((...)) ...)`.
    pub fn envelope(&self, _raw: &[u8]) -> String {
        "(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)".into()
    }
    /// BODYSTRUCTURE (with extension data) or BODY (without) in IMAP syntax.
    pub fn body_structure(&self, _raw: &[u8], _extensible: bool) -> String {
        let _ = self.raw_len;
        "(\"TEXT\" \"PLAIN\" NIL NIL NIL \"7BIT\" 0 0)".into()
    }
    /// The octets of a body section; `part` is the list of part numbers (empty = whole
    /// message). None when the part does not exist.
    pub fn section(&self, raw: &[u8], part: &[u32], text: &SectionText) -> Option<Vec<u8>> {
        if part.is_empty() && *text == SectionText::Full {
            return Some(raw.to_vec());
        }
        None
    }
    /// Decoded values of every header field with this name (case-insensitive).
    pub fn header_values(&self, _raw: &[u8], _name: &str) -> Vec<String> {
        Vec::new()
    }
    /// The Date: header as a timestamp (for SENTBEFORE/SENTON/SENTSINCE).
    pub fn sent_date(&self, _raw: &[u8]) -> Option<chrono::DateTime<chrono::FixedOffset>> {
        None
    }
    /// Decoded text of the body (all text parts), for SEARCH BODY / TEXT.
    pub fn body_text(&self, _raw: &[u8]) -> String {
        String::new()
    }
}
