//! Encoding helpers for server responses (RFC 3501 §4 data formats, §9 grammar).

use chrono::{DateTime, FixedOffset};

/// Appends `s` as a quoted string when it can be one (7-bit, no CR/LF/NUL, not too
/// long), otherwise as a literal (RFC 3501 §4.3).
pub fn push_string(out: &mut Vec<u8>, s: &[u8]) {
    let quotable = s.len() <= 1024
        && s.iter()
            .all(|&b| (0x01..0x80).contains(&b) && b != b'\r' && b != b'\n');
    if quotable {
        out.push(b'"');
        for &b in s {
            if b == b'"' || b == b'\\' {
                out.push(b'\\');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        push_literal(out, s);
    }
}

/// Appends `s` as a literal `{n}CRLF` followed by the octets.
pub fn push_literal(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(format!("{{{}}}\r\n", s.len()).as_bytes());
    out.extend_from_slice(s);
}

/// Appends an astring: an atom when every byte is an atom character, else a string.
pub fn push_astring(out: &mut Vec<u8>, s: &[u8]) {
    if !s.is_empty() && s.iter().all(|&b| is_atom_char(b)) {
        out.extend_from_slice(s);
    } else {
        push_string(out, s);
    }
}

/// ATOM-CHAR of RFC 3501 §9: any CHAR except `(){ %*"\]`, controls and SP.
pub fn is_atom_char(b: u8) -> bool {
    (0x21..0x7f).contains(&b)
        && !matches!(b, b'(' | b')' | b'{' | b'%' | b'*' | b'"' | b'\\' | b']')
}

/// INTERNALDATE as `"17-Jul-1996 02:44:25 -0700"` (RFC 3501 §9 date-time).
pub fn format_internal_date(d: &DateTime<FixedOffset>) -> String {
    d.format("\"%d-%b-%Y %H:%M:%S %z\"").to_string()
}

/// The capability list for the current connection (RFC 3501 §7.2.1).
pub fn capabilities(
    tls_available: bool,
    tls_active: bool,
    require_tls: bool,
    authenticated: bool,
) -> String {
    // Before login only small non-synchronizing literals are accepted (RFC 7888 §4,
    // LITERAL-: up to 4096 octets); after login any size up to the literal limit.
    let mut caps = String::from(if authenticated {
        "IMAP4rev1 LITERAL+"
    } else {
        "IMAP4rev1 LITERAL-"
    });
    caps.push_str(" SASL-IR ID ENABLE IDLE NAMESPACE UIDPLUS MOVE UNSELECT CHILDREN SPECIAL-USE");
    if !authenticated {
        if tls_available && !tls_active {
            caps.push_str(" STARTTLS");
        }
        if require_tls && !tls_active {
            caps.push_str(" LOGINDISABLED");
        } else {
            caps.push_str(" AUTH=PLAIN AUTH=LOGIN AUTH=CRAM-MD5");
        }
    }
    caps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_quote_or_become_literals() {
        let mut out = Vec::new();
        push_string(&mut out, b"a \"b\" \\c");
        assert_eq!(out, b"\"a \\\"b\\\" \\\\c\"");
        out.clear();
        push_string(&mut out, b"line\r\nnext");
        assert_eq!(out, b"{10}\r\nline\r\nnext");
        out.clear();
        push_astring(&mut out, b"INBOX");
        assert_eq!(out, b"INBOX");
    }

    #[test]
    fn internal_date_format() {
        let d = DateTime::parse_from_rfc2822("Wed, 17 Jul 1996 02:44:25 -0700").unwrap();
        assert_eq!(format_internal_date(&d), "\"17-Jul-1996 02:44:25 -0700\"");
    }
}
