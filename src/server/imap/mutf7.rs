//! Modified UTF-7, the 7-bit wire form of international mailbox names (RFC 3501 §5.1.3).
//!
//! Printable ASCII stands for itself (`&` is written `&-`); any other run of characters
//! is UTF-16, base64-encoded with `,` instead of `/`, between `&` and `-`.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";

/// Encodes a Unicode mailbox name to modified UTF-7.
pub fn encode(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut out, &mut pending);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut buf = [0u16; 2];
            pending.extend_from_slice(c.encode_utf16(&mut buf));
        }
    }
    flush(&mut out, &mut pending);
    out
}

fn flush(out: &mut String, pending: &mut Vec<u16>) {
    if pending.is_empty() {
        return;
    }
    let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
    out.push('&');
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextets = chunk.len() + 1;
        for i in 0..sextets {
            let idx = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(ALPHABET[idx as usize]));
        }
    }
    out.push('-');
    pending.clear();
}

/// Why a name is not valid modified UTF-7.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

/// Decodes a modified UTF-7 name to Unicode; rejects non-canonical or broken forms.
pub fn decode(name: &str) -> Result<String, DecodeError> {
    let bytes = name.as_bytes();
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(0x20..=0x7e).contains(&b) {
            return Err(DecodeError(crate::tr_en!(
                "server.imap.only_printable_bit_characters"
            )));
        }
        if b != b'&' {
            out.push(char::from(b));
            i += 1;
            continue;
        }
        let Some(len) = bytes[i + 1..].iter().position(|&c| c == b'-') else {
            return Err(DecodeError(crate::tr_en!("server.imap.shift_never_closed")));
        };
        let run = &bytes[i + 1..i + 1 + len];
        i += len + 2;
        if run.is_empty() {
            out.push('&');
            continue;
        }
        let mut bits: u32 = 0;
        let mut nbits = 0;
        let mut units: Vec<u16> = Vec::new();
        let mut octets: Vec<u8> = Vec::new();
        for &c in run {
            let Some(v) = ALPHABET.iter().position(|&a| a == c) else {
                return Err(DecodeError(crate::tr_en!(
                    "server.imap.shifted_run_holds_character"
                )));
            };
            bits = (bits << 6) | v as u32;
            nbits += 6;
            if nbits >= 8 {
                nbits -= 8;
                octets.push(((bits >> nbits) & 0xff) as u8);
            }
        }
        if nbits >= 6 || (bits & ((1 << nbits) - 1)) != 0 || octets.len() % 2 != 0 {
            return Err(DecodeError(crate::tr_en!(
                "server.imap.shifted_run_has_leftover"
            )));
        }
        for pair in octets.chunks(2) {
            units.push(u16::from_be_bytes([pair[0], pair[1]]));
        }
        let s = String::from_utf16(&units)
            .map_err(|_| DecodeError(crate::tr_en!("server.imap.shifted_run_not_valid")))?;
        if s.chars().any(|c| (' '..='~').contains(&c)) {
            return Err(DecodeError(crate::tr_en!(
                "server.imap.printable_ascii_must_not"
            )));
        }
        out.push_str(&s);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_example_round_trips() {
        // RFC 3501 §5.1.3 example.
        let s = "~peter/mail/\u{53f0}\u{5317}/\u{65e5}\u{672c}\u{8a9e}";
        assert_eq!(encode(s), "~peter/mail/&U,BTFw-/&ZeVnLIqe-");
        assert_eq!(decode("~peter/mail/&U,BTFw-/&ZeVnLIqe-").unwrap(), s);
    }

    #[test]
    fn ampersand_and_arabic() {
        assert_eq!(encode("a&b"), "a&-b");
        assert_eq!(decode("a&-b").unwrap(), "a&b");
        let arabic = "\u{0645}\u{0631}\u{062d}\u{0628}\u{0627}";
        assert_eq!(decode(&encode(arabic)).unwrap(), arabic);
        assert!(decode("&Jjo").is_err());
        assert!(decode("&AGE-").is_err(), "shifted 'a' is not canonical");
        assert!(decode("caf\u{e9}").is_err());
    }
}
