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
            extra_roots: Vec::new(),
            insecure: self.insecure,
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
