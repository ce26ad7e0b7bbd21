//! TLS in the REPL: curl-style URLs (`imaps://`, `smtp://…` with `--starttls`), the
//! settings from the command line (`--ca-file`, `--insecure`, timeouts), the summary
//! printed after a handshake, and recognising a STARTTLS / STLS that the server
//! accepted, so the connection is upgraded in place.

use std::path::PathBuf;
use std::time::Duration;

use crate::protocol::Protocol;
use crate::transport::tls::{ClientTlsOptions, TlsSummary};

/// TLS and network settings for real servers.
#[derive(Clone, Debug)]
pub struct TlsSettings {
    /// Extra trusted roots (`--ca-file`).
    pub ca_files: Vec<PathBuf>,
    /// Accept any certificate (`--insecure`), with a warning at every prompt.
    pub insecure: bool,
    /// Upgrade with STARTTLS / STLS right after the greeting (and EHLO).
    pub starttls: bool,
    /// SMTP without a port means the submission port 587, not 25.
    pub submission: bool,
    pub connect_timeout: Duration,
    pub reply_timeout: Duration,
}

impl Default for TlsSettings {
    fn default() -> Self {
        TlsSettings {
            ca_files: Vec::new(),
            insecure: false,
            starttls: false,
            submission: false,
            connect_timeout: Duration::from_secs(10),
            reply_timeout: Duration::from_secs(30),
        }
    }
}

impl TlsSettings {
    /// The rustls-side options: the system roots plus `--ca-file` (and `extra`).
    pub fn client_options(
        &self,
        extra: Option<rustls::pki_types::CertificateDer<'static>>,
    ) -> Result<ClientTlsOptions, String> {
        let mut o = ClientTlsOptions {
            insecure: self.insecure,
            ..ClientTlsOptions::default()
        };
        for f in &self.ca_files {
            o.add_ca_file(f).map_err(|e| e.to_string())?;
        }
        o.extra_roots.extend(extra);
        Ok(o)
    }
}

/// Where a real server is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    pub protocol: Protocol,
    /// `host:port` to connect to.
    pub addr: String,
    /// The name the certificate must carry (host without port or brackets).
    pub host: String,
    /// TLS from the first byte (`imaps`, `pop3s`, `smtps`).
    pub implicit: bool,
    /// The URL, normalised (`imaps://host:993`).
    pub url: String,
}

/// Parses a curl-style URL (`imap`, `imaps`, `pop3`, `pop3s`, `smtp`, `smtps`), or
/// `HOST:PORT` with `protocol`. Ports default by scheme: 143, 993, 110, 995, 25 (587
/// with `submission`), 465.
pub fn parse_endpoint(
    url: &str,
    protocol: Option<&str>,
    submission: bool,
) -> Result<Endpoint, String> {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s.to_ascii_lowercase(), r.trim_end_matches('/')),
        None => {
            let p = protocol.ok_or(crate::tr!("repl.tls.host_port_needs_protocol"))?;
            let p = Protocol::parse(p).ok_or_else(|| {
                crate::tr!(
                    "repl.tls.unknown_protocol_use_imap",
                    protocol = format!("{:?}", p)
                )
            })?;
            (p.name().to_string(), url)
        }
    };
    let (protocol, implicit, port) = match scheme.as_str() {
        "imap" => (Protocol::Imap, false, 143),
        "imaps" => (Protocol::Imap, true, 993),
        "pop3" | "pop" => (Protocol::Pop3, false, 110),
        "pop3s" | "pops" => (Protocol::Pop3, true, 995),
        "smtp" => (Protocol::Smtp, false, if submission { 587 } else { 25 }),
        "smtps" => (Protocol::Smtp, true, 465),
        other => {
            return Err(crate::tr!(
                "repl.tls.unknown_scheme_use_imap",
                other = format!("{:?}", other)
            ))
        }
    };
    // Drop any path or user part curl would accept (`imap://host/INBOX`).
    let rest = rest.split('/').next().unwrap_or_default();
    let rest = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    if rest.is_empty() {
        return Err(crate::tr!("repl.tls.address_has_no_host"));
    }
    let (host, explicit_port) = split_host_port(rest)?;
    let port = explicit_port.unwrap_or(port);
    let addr = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let scheme = match scheme.as_str() {
        "pop" => "pop3".to_string(),
        "pops" => "pop3s".to_string(),
        _ => scheme,
    };
    Ok(Endpoint {
        protocol,
        url: format!("{scheme}://{addr}"),
        addr,
        host,
        implicit,
    })
}

/// `host`, `host:port`, `[v6]`, `[v6]:port` → (host, port).
fn split_host_port(s: &str) -> Result<(String, Option<u16>), String> {
    let bad_port = |p: &str| crate::tr!("repl.tls.not_port_number", port = format!("{:?}", p));
    if let Some(rest) = s.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or(crate::tr!("repl.tls.ipv6_address_needs_closing"))?;
        return match after.strip_prefix(':') {
            Some(p) => Ok((host.to_string(), Some(p.parse().map_err(|_| bad_port(p))?))),
            None if after.is_empty() => Ok((host.to_string(), None)),
            None => Err(crate::tr!(
                "repl.tls.unexpected_after_address",
                after = format!("{:?}", after)
            )),
        };
    }
    match s.matches(':').count() {
        0 => Ok((s.to_string(), None)),
        1 => {
            let (h, p) = s.split_once(':').unwrap_or((s, ""));
            Ok((h.to_string(), Some(p.parse().map_err(|_| bad_port(p))?)))
        }
        // A bare IPv6 address without brackets: no port.
        _ => Ok((s.to_string(), None)),
    }
}

/// Whether `command` (no tag) asks for a TLS upgrade: STARTTLS (IMAP, SMTP) or STLS (POP3).
pub fn is_upgrade_command(p: Protocol, command: &str) -> bool {
    let word = command.split_whitespace().next().unwrap_or_default();
    match p {
        Protocol::Imap | Protocol::Smtp => word.eq_ignore_ascii_case("STARTTLS"),
        Protocol::Pop3 => word.eq_ignore_ascii_case("STLS"),
    }
}

/// Whether the final line of the reply to an upgrade command says "go ahead".
pub fn upgrade_accepted(p: Protocol, last_line: &str) -> bool {
    match p {
        Protocol::Imap => last_line
            .split_whitespace()
            .nth(1)
            .is_some_and(|w| w.eq_ignore_ascii_case("OK")),
        Protocol::Smtp => last_line.starts_with("220"),
        Protocol::Pop3 => last_line.starts_with("+OK"),
    }
}

/// The lines shown after a handshake.
pub fn summary_lines(s: &TlsSummary) -> Vec<String> {
    let mut v = vec![
        crate::tr!(
            "repl.tls.tls",
            version = s.version,
            cipher_suite = s.cipher_suite
        ),
        crate::tr!(
            "repl.tls.certificate",
            subject = if s.subject.is_empty() {
                crate::tr!("repl.tls.none_shown")
            } else {
                s.subject.clone()
            }
        ),
        format!("  {}", crate::tr!("repl.tls.issued", issuer = s.issuer)),
        format!(
            "  {}",
            crate::tr!(
                "repl.tls.valid_from_until",
                not_before = s.not_before,
                not_after = s.not_after
            )
        ),
    ];
    match (&s.problem, s.verified) {
        (_, true) if s.pinned => {
            v.push(format!("  {}", crate::tr!("repl.tls.verified_by_pinning")))
        }
        (_, true) => v.push(format!(
            "  {}",
            crate::tr!("repl.tls.verified_chain_leads_trusted")
        )),
        (Some(p), false) => v.push(format!(
            "  {}",
            crate::tr!(
                "repl.tls.not_verified_insecure_let",
                describe = p.describe()
            )
        )),
        (None, false) => v.push(format!(
            "  {}",
            crate::tr!("repl.tls.not_verified_insecure_let_2")
        )),
    }
    v
}

/// What the REPL says after an upgrade: the capabilities seen before no longer count.
pub fn after_upgrade_note(p: Protocol) -> String {
    match p {
        Protocol::Imap => {
            crate::tr!("repl.tls.everything_learnt_before_tls")
        }
        Protocol::Smtp => crate::tr!("repl.tls.smtp_session_starts_over"),
        Protocol::Pop3 => crate::tr!("repl.tls.capabilities_seen_before_stls"),
    }
}

/// A connection failure in one line: refused, no such host, timed out.
pub fn connect_error(addr: &str, e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        ConnectionRefused => crate::tr!("repl.tls.refused_connection_nothing_listens", addr = addr),
        TimedOut => crate::tr!("repl.tls.did_not_answer", addr = addr, error = e),
        _ if e.to_string().contains("failed to lookup")
            || e.to_string().contains("Name or service") =>
        {
            crate::tr!("repl.tls.cannot_find_host_name", addr = addr)
        }
        _ => crate::tr!("repl.tls.cannot_connect", addr = addr, error = e),
    }
}

/// What a login that succeeded without TLS gave away on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exposure {
    /// The password itself (IMAP LOGIN, POP3 USER/PASS, SASL PLAIN and LOGIN: base64
    /// is an encoding, not encryption).
    Password,
    /// The user name and a keyed digest of a challenge (CRAM-MD5, APOP): not the
    /// password, but whoever records them can try passwords against it offline.
    UserAndDigest,
    /// An OAuth bearer token (XOAUTH2, OAUTHBEARER): usable by whoever reads it.
    Token,
}

/// What the client line `line` (without tag: `AUTH CRAM-MD5`, `LOGIN alex ****`)
/// exposes when it logs in, with the name of the method (`CRAM-MD5`, `LOGIN`).
pub fn login_exposure(p: Protocol, line: &str) -> Option<(Exposure, String)> {
    let mut words = line.split_whitespace();
    let first = words.next()?.to_ascii_uppercase();
    let (mech, method) = match (p, first.as_str()) {
        (Protocol::Imap, "LOGIN") | (Protocol::Pop3, "PASS" | "USER" | "APOP") => {
            (first.clone(), first.clone())
        }
        (Protocol::Imap, "AUTHENTICATE") | (Protocol::Smtp | Protocol::Pop3, "AUTH") => {
            let mech = words.next()?.to_ascii_uppercase();
            (mech.clone(), format!("{first} {mech}"))
        }
        _ => return None,
    };
    let exposure = match mech.as_str() {
        "CRAM-MD5" | "APOP" => Exposure::UserAndDigest,
        "XOAUTH2" | "OAUTHBEARER" => Exposure::Token,
        "LOGIN" | "PASS" | "USER" | "PLAIN" => Exposure::Password,
        _ => return None,
    };
    Some((exposure, method))
}

/// How far the bytes of a session travel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// The embedded server: an in-process pipe.
    Process,
    /// A loopback address.
    Machine,
    /// Anything else.
    Network,
}

impl Reach {
    /// The reach of a session to `host` (`None`: the embedded server).
    pub fn of(host: Option<&str>) -> Reach {
        match host {
            None => Reach::Process,
            Some(h) if is_loopback(h) => Reach::Machine,
            Some(_) => Reach::Network,
        }
    }
}

/// The clear-text warning for a login that succeeded without TLS, matching what was
/// sent, and the note on where the bytes went (none on a real network).
pub fn cleartext_notes(p: Protocol, exposure: Exposure, method: &str, reach: Reach) -> Vec<String> {
    let lang = crate::protocol::text::current();
    let (upgrade, port) = match p {
        Protocol::Imap => ("STARTTLS", "993"),
        Protocol::Smtp => ("STARTTLS", "465"),
        Protocol::Pop3 => ("STLS", "995"),
    };
    let id = match exposure {
        Exposure::Password => "repl.cleartext_password",
        Exposure::UserAndDigest => "repl.cleartext_digest",
        Exposure::Token => "repl.cleartext_token",
    };
    // SASL strings are base64: an encoding anyone can undo, not encryption.
    let how_id = if method.contains(' ') {
        "repl.sent_base64"
    } else {
        "repl.sent_as_typed"
    };
    let how = lang.text(how_id, &[]).unwrap_or_default();
    let args = [
        ("method", method),
        ("upgrade", upgrade),
        ("port", port),
        ("how", how.as_str()),
    ];
    let mut v: Vec<String> = lang.text(id, &args).into_iter().collect();
    let reach_id = match reach {
        Reach::Process => Some("repl.reach_process"),
        Reach::Machine => Some("repl.reach_machine"),
        Reach::Network => None,
    };
    v.extend(reach_id.and_then(|id| lang.text(id, &[])));
    v
}

/// Whether a host name or address stays on this machine.
pub fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|a| a.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_give_ports_and_tls() {
        let e = parse_endpoint("imaps://imap.example.org", None, false).unwrap();
        assert_eq!(
            (e.addr.as_str(), e.implicit, e.host.as_str()),
            ("imap.example.org:993", true, "imap.example.org")
        );
        assert_eq!(
            parse_endpoint("pop3s://h", None, false).unwrap().addr,
            "h:995"
        );
        assert_eq!(
            parse_endpoint("smtps://h", None, false).unwrap().addr,
            "h:465"
        );
        assert_eq!(
            parse_endpoint("smtp://h", None, false).unwrap().addr,
            "h:25"
        );
        assert_eq!(
            parse_endpoint("smtp://h", None, true).unwrap().addr,
            "h:587"
        );
        assert_eq!(
            parse_endpoint("imap://127.0.0.1:1143/INBOX", None, false)
                .unwrap()
                .addr,
            "127.0.0.1:1143"
        );
        let v6 = parse_endpoint("pop3://[::1]:1110", None, false).unwrap();
        assert_eq!((v6.addr.as_str(), v6.host.as_str()), ("[::1]:1110", "::1"));
        assert_eq!(
            parse_endpoint("h:25", Some("smtp"), false).unwrap().url,
            "smtp://h:25"
        );
        assert!(parse_endpoint("h:25", None, false).is_err());
        assert!(parse_endpoint("gopher://h", None, false).is_err());
        assert!(parse_endpoint("imap://h:99999", None, false).is_err());
        assert!(parse_endpoint("imap://", None, false).is_err());
    }

    #[test]
    fn the_warning_matches_what_was_sent() {
        use Exposure::*;
        let e = |p, l| login_exposure(p, l).map(|(e, _)| e);
        assert_eq!(e(Protocol::Imap, "LOGIN alex ****"), Some(Password));
        assert_eq!(
            e(Protocol::Imap, "AUTHENTICATE CRAM-MD5"),
            Some(UserAndDigest)
        );
        assert_eq!(e(Protocol::Imap, "authenticate plain ****"), Some(Password));
        assert_eq!(e(Protocol::Smtp, "AUTH LOGIN"), Some(Password));
        assert_eq!(e(Protocol::Smtp, "AUTH XOAUTH2 ****"), Some(Token));
        assert_eq!(e(Protocol::Pop3, "APOP alex ****"), Some(UserAndDigest));
        assert_eq!(e(Protocol::Pop3, "PASS ****"), Some(Password));
        assert_eq!(e(Protocol::Pop3, "STAT"), None);
        assert_eq!(
            login_exposure(Protocol::Smtp, "AUTH cram-md5").map(|(_, m)| m),
            Some("AUTH CRAM-MD5".to_string())
        );
        let digest = cleartext_notes(
            Protocol::Smtp,
            UserAndDigest,
            "AUTH CRAM-MD5",
            Reach::Process,
        );
        assert!(
            digest[0].contains("CRAM-MD5") && digest[0].contains("offline"),
            "{digest:?}"
        );
        assert!(!digest[0].contains("password itself"), "{digest:?}");
        assert!(digest[1].contains("process"), "{digest:?}");
        let pw = cleartext_notes(Protocol::Imap, Password, "LOGIN", Reach::Machine);
        assert!(
            pw[0].contains("password itself") && pw[0].contains("993"),
            "{pw:?}"
        );
        assert!(pw[1].contains("machine"), "{pw:?}");
        assert_eq!(
            cleartext_notes(Protocol::Pop3, Password, "PASS", Reach::Network).len(),
            1
        );
        assert_eq!(Reach::of(None), Reach::Process);
        assert_eq!(Reach::of(Some("127.0.0.1")), Reach::Machine);
        assert_eq!(Reach::of(Some("mail.example.org")), Reach::Network);
    }

    #[test]
    fn upgrade_recognition() {
        assert!(is_upgrade_command(Protocol::Imap, "STARTTLS"));
        assert!(is_upgrade_command(Protocol::Pop3, "stls"));
        assert!(!is_upgrade_command(Protocol::Pop3, "STARTTLS"));
        assert!(upgrade_accepted(Protocol::Imap, "a1 OK Begin TLS"));
        assert!(!upgrade_accepted(Protocol::Imap, "a1 NO not now"));
        assert!(upgrade_accepted(
            Protocol::Smtp,
            "220 2.0.0 Ready to start TLS"
        ));
        assert!(!upgrade_accepted(
            Protocol::Smtp,
            "454 4.7.0 TLS not available"
        ));
        assert!(upgrade_accepted(Protocol::Pop3, "+OK Begin TLS"));
    }
}
