//! Parsing the arguments of MAIL and RCPT (RFC 5321 §4.1.2) and the ESMTP parameters
//! that follow the path (RFC 5321 §4.1.1.11). Errors are sentences that teach.

/// A parsed `FROM:<path> params` or `TO:<path> params`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct PathArg<'a> {
    /// The address inside the angle brackets, source route removed; empty for `<>`.
    pub(crate) address: &'a str,
    /// `KEY[=VALUE]` parameters after the path.
    pub(crate) params: Vec<(&'a str, Option<&'a str>)>,
}

/// Why a path argument could not be parsed.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum PathError {
    /// The `FROM:` / `TO:` keyword is missing.
    Keyword,
    /// Angle brackets missing or unbalanced.
    Brackets,
    /// The address is malformed; the text says how.
    Address(String),
    /// A parameter is malformed.
    Param(String),
}

/// Parses `FROM:<a@b> SIZE=10` (keyword `FROM`) or `TO:<a@b>` (keyword `TO`).
/// Spaces after the colon are tolerated, as most servers do.
pub(crate) fn path_arg<'a>(args: &'a str, keyword: &str) -> Result<PathArg<'a>, PathError> {
    let head_len = keyword.len() + 1;
    let (Some(head), Some(rest)) = (args.as_bytes().get(..head_len), args.get(head_len..)) else {
        return Err(PathError::Keyword);
    };
    if !head[..keyword.len()].eq_ignore_ascii_case(keyword.as_bytes())
        || head[keyword.len()] != b':'
    {
        return Err(PathError::Keyword);
    }
    let rest = rest.trim_start_matches(' ');
    let inner = rest.strip_prefix('<').ok_or(PathError::Brackets)?;
    let close = closing_bracket(inner).ok_or(PathError::Brackets)?;
    let path = &inner[..close];
    let after = &inner[close + 1..];
    if !after.is_empty() && !after.starts_with(' ') {
        return Err(PathError::Brackets);
    }
    let address = strip_source_route(path);
    let mut params = Vec::new();
    for p in after.split(' ').filter(|p| !p.is_empty()) {
        let (k, v) = match p.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (p, None),
        };
        if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(PathError::Param(crate::tr_en!(
                "server.smtp.not_parameter_parameters_look",
                parameter = p
            )));
        }
        if params.len() >= 16 {
            return Err(PathError::Param(crate::tr_en!(
                "server.smtp.too_many_parameters"
            )));
        }
        params.push((k, v));
    }
    Ok(PathArg { address, params })
}

/// The index of the `>` closing the path, skipping quoted strings (`"a>b"@c`).
fn closing_bracket(s: &str) -> Option<usize> {
    let mut quoted = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if quoted => escaped = true,
            '"' => quoted = !quoted,
            '>' if !quoted => return Some(i),
            _ => {}
        }
    }
    None
}

/// Drops an RFC 5321 §4.1.2 source route (`@relay1,@relay2:user@host`), which servers
/// must accept and ignore (RFC 5321 Appendix C).
fn strip_source_route(path: &str) -> &str {
    if path.starts_with('@') {
        if let Some((_, addr)) = path.split_once(':') {
            return addr;
        }
    }
    path
}

/// Checks a mailbox `local-part@domain` (RFC 5321 §4.1.2, §4.5.3.1); non-ASCII is
/// allowed only with SMTPUTF8 (RFC 6531). Returns the domain.
pub(crate) fn check_mailbox(address: &str, utf8: bool) -> Result<&str, PathError> {
    let bad = |why: &str| Err(PathError::Address(why.to_string()));
    if !utf8 && !address.is_ascii() {
        return bad(&crate::tr_en!("server.smtp.non_ascii_addresses_need"));
    }
    if address.len() > 254 {
        return bad(&crate::tr_en!("server.smtp.address_most_octets_rfc"));
    }
    let Some((local, domain)) = address.rsplit_once('@') else {
        return bad(&crate::tr_en!("server.smtp.address_needs_local_part"));
    };
    if local.is_empty() {
        return bad(&crate::tr_en!("server.smtp.local_part_before_empty"));
    }
    if local.len() > 64 {
        return bad(&crate::tr_en!("server.smtp.local_part_most_octets"));
    }
    if local.starts_with('"') {
        if local.len() < 2 || !local.ends_with('"') {
            return bad(&crate::tr_en!("server.smtp.quoted_local_part_must"));
        }
    } else if !dot_atom(local, utf8) {
        return bad(&crate::tr_en!("server.smtp.local_part_has_character"));
    }
    if domain.is_empty() {
        return bad(&crate::tr_en!("server.smtp.domain_after_empty"));
    }
    if domain.starts_with('[') {
        if !domain.ends_with(']') {
            return bad(&crate::tr_en!("server.smtp.address_literal_must_end"));
        }
        return Ok(domain);
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || (utf8 && !c.is_ascii()))
    };
    if domain.len() > 255 || !domain.split('.').all(label_ok) {
        return bad(&crate::tr_en!("server.smtp.domain_must_dot_separated"));
    }
    Ok(domain)
}

/// RFC 5322 §3.2.3 dot-atom: atext runs separated by single dots.
fn dot_atom(s: &str, utf8: bool) -> bool {
    s.split('.').all(|part| {
        !part.is_empty()
            && part.chars().all(|c| {
                c.is_ascii_alphanumeric()
                    || "!#$%&'*+-/=?^_`{|}~".contains(c)
                    || (utf8 && !c.is_ascii())
            })
    })
}

/// Parses a decimal number without sign or spaces.
pub(crate) fn number(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 19 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_params() {
        let p = path_arg("FROM:<alex@maillab.test> SIZE=100 BODY=8BITMIME", "FROM").unwrap();
        assert_eq!(p.address, "alex@maillab.test");
        assert_eq!(
            p.params,
            vec![("SIZE", Some("100")), ("BODY", Some("8BITMIME"))]
        );
        assert_eq!(path_arg("from: <>", "FROM").unwrap().address, "");
        assert_eq!(path_arg("TO:<@a,@b:x@y>", "TO").unwrap().address, "x@y");
        assert_eq!(
            path_arg("TO:<\"a>b\"@y>", "TO").unwrap().address,
            "\"a>b\"@y"
        );
        assert_eq!(path_arg("TO:x@y", "TO"), Err(PathError::Brackets));
        assert_eq!(path_arg("TO:<x@y", "TO"), Err(PathError::Brackets));
        assert_eq!(path_arg("<x@y>", "TO"), Err(PathError::Keyword));
        assert_eq!(path_arg("FROM:<x@y>", "TO"), Err(PathError::Keyword));
        assert!(matches!(
            path_arg("TO:<x@y> =1", "TO"),
            Err(PathError::Param(_))
        ));
    }

    #[test]
    fn mailboxes() {
        assert_eq!(
            check_mailbox("alex@maillab.test", false),
            Ok("maillab.test")
        );
        assert!(check_mailbox("alex", false).is_err());
        assert!(check_mailbox("a..b@x", false).is_err());
        assert!(check_mailbox("a b@x", false).is_err());
        assert!(check_mailbox("a@-x", false).is_err());
        assert!(check_mailbox("a@[127.0.0.1]", false).is_ok());
        assert!(check_mailbox("\"a b\"@x", false).is_ok());
        assert!(check_mailbox("عمر@maillab.test", false).is_err());
        assert!(check_mailbox("عمر@maillab.test", true).is_ok());
    }

    #[test]
    fn numbers() {
        assert_eq!(number("10240"), Some(10240));
        assert_eq!(number("-1"), None);
        assert_eq!(number("99999999999999999999"), None);
        assert_eq!(number(""), None);
    }
}
