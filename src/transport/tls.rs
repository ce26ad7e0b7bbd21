//! TLS on top of any [`AsyncStream`]: the lab server's local CA and certificate
//! (rcgen, ECDSA P-256, kept in the user's data directory so a class's trust survives
//! restarts), server-side accept, and the client side with certificate verification
//! against the system's roots (rustls-platform-verifier) plus extra roots, a summary of
//! what was negotiated, and failures that say which check failed and what to do.
//! Crypto is rustls with the ring provider throughout.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, SignatureScheme};

use super::AsyncStream;

/// The one crypto provider maillab uses (ring).
pub fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn other(msg: impl Into<String>) -> io::Error {
    io::Error::other(msg.into())
}

/// The lab server's certificate: a local CA and a leaf for `localhost`, `127.0.0.1`, `::1`.
pub struct LabCertificates {
    /// PEM of the certificate clients should trust (the CA; for `--cert` the chain's last).
    pub ca_pem: String,
    chain: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
}

const CA_CERT: &str = "ca.pem";
const CA_KEY: &str = "ca-key.pem";
const LEAF_CERT: &str = "localhost.pem";
const LEAF_KEY: &str = "localhost-key.pem";
/// The names (`--tls-name`) the CA's name constraints permit besides the lab's own.
const CA_NAMES: &str = "ca-names.txt";

impl LabCertificates {
    /// Where the CA lives: `$MAILLAB_DATA_DIR`, else the user's data directory
    /// (`~/.local/share/maillab` on Linux).
    pub fn default_dir() -> PathBuf {
        if let Some(d) = std::env::var_os("MAILLAB_DATA_DIR") {
            return PathBuf::from(d);
        }
        dirs::data_dir()
            .unwrap_or_else(std::env::temp_dir)
            .join("maillab")
    }

    /// Loads the CA and leaf from `dir`, creating whatever is missing (a new leaf is
    /// issued when the old one is missing or expires within a day).
    pub fn load_or_create(dir: &Path) -> io::Result<Self> {
        Self::load_for(dir, &[])
    }

    /// [`LabCertificates::load_or_create`] with a CA whose name constraints (RFC 5280
    /// §4.2.1.10) permit `names` besides the lab's own (`localhost`, `maillab.test`,
    /// 127.0.0.0/8, ::1): a CA made for fewer names is replaced by a new one, which
    /// clients must then trust instead (a note on stderr says so).
    fn load_for(dir: &Path, names: &[String]) -> io::Result<Self> {
        private_dir(dir)?;
        if let Ok(permitted) = std::fs::read_to_string(dir.join(CA_NAMES)) {
            let missing: Vec<&String> = names
                .iter()
                .filter(|n| !permitted.lines().any(|l| l == n.as_str()))
                .collect();
            if !missing.is_empty() {
                for f in [CA_CERT, CA_KEY, CA_NAMES, LEAF_CERT, LEAF_KEY] {
                    let _ = std::fs::remove_file(dir.join(f));
                }
                let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
                eprintln!(
                    "{}",
                    crate::tr!("tls.ca_renewed_for_names", names = list.join(", "))
                );
            }
        }
        let (ca_pem, ca_key_pem) = match (
            std::fs::read_to_string(dir.join(CA_CERT)),
            std::fs::read_to_string(dir.join(CA_KEY)),
        ) {
            (Ok(c), Ok(k)) => (c, k),
            _ => {
                let (c, k) = new_ca(names)?;
                write_private(&dir.join(CA_KEY), &k)?;
                std::fs::write(dir.join(CA_CERT), &c)?;
                std::fs::write(dir.join(CA_NAMES), names.join("\n") + "\n")?;
                // A new CA invalidates any old leaf.
                let _ = std::fs::remove_file(dir.join(LEAF_CERT));
                (c, k)
            }
        };
        let leaf = std::fs::read_to_string(dir.join(LEAF_CERT)).ok();
        let leaf_key = std::fs::read_to_string(dir.join(LEAF_KEY)).ok();
        let (leaf, leaf_key) = match (leaf, leaf_key) {
            (Some(c), Some(k)) if still_valid(&c) => (c, k),
            _ => {
                let (c, k) = new_leaf(&ca_pem, &ca_key_pem)?;
                write_private(&dir.join(LEAF_KEY), &k)?;
                std::fs::write(dir.join(LEAF_CERT), &c)?;
                (c, k)
            }
        };
        Self::from_pem(&format!("{leaf}{ca_pem}"), &leaf_key, Some(ca_pem))
    }

    /// Like [`LabCertificates::load_or_create`], but serving a leaf issued now by the
    /// same CA (kept in memory only) when the lab asks for more names (`--tls-name`:
    /// added to `localhost`, `127.0.0.1`, `::1`) or a certificate fault
    /// (`--tls-fault`): one that expired yesterday, or one naming only another host.
    pub fn load_with(dir: &Path, names: &[String], fault: Option<TlsFault>) -> io::Result<Self> {
        let certs = Self::load_for(dir, names)?;
        if names.is_empty() && fault.is_none() {
            return Ok(certs);
        }
        let ca_key = std::fs::read_to_string(dir.join(CA_KEY))?;
        let mut all: Vec<String> = match fault {
            Some(TlsFault::WrongHost) => vec![WRONG_HOST.to_string()],
            _ => ["localhost", "127.0.0.1", "::1"].map(String::from).to_vec(),
        };
        if fault != Some(TlsFault::WrongHost) {
            all.extend(
                names
                    .iter()
                    .filter(|n| !all.contains(n))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
        }
        let now = time_now();
        let (from, until) = match fault {
            Some(TlsFault::Expired) => (now - rcgen_days(30), now - rcgen_days(1)),
            _ => (now - rcgen_days(1), now + rcgen_days(397)),
        };
        let (leaf, key) = issue_leaf(&certs.ca_pem, &ca_key, all, (from, until))?;
        Self::from_pem(&format!("{leaf}{}", certs.ca_pem), &key, Some(certs.ca_pem))
    }

    /// Uses a certificate chain and key given by the user (`--cert`, `--key`).
    pub fn from_files(cert: &Path, key: &Path) -> io::Result<Self> {
        let c =
            std::fs::read_to_string(cert).map_err(|e| other(format!("{}: {e}", cert.display())))?;
        let k =
            std::fs::read_to_string(key).map_err(|e| other(format!("{}: {e}", key.display())))?;
        Self::from_pem(&c, &k, None)
    }

    fn from_pem(chain_pem: &str, key_pem: &str, ca_pem: Option<String>) -> io::Result<Self> {
        let chain: Vec<CertificateDer<'static>> =
            CertificateDer::pem_slice_iter(chain_pem.as_bytes())
                .collect::<Result<_, _>>()
                .map_err(|e| other(crate::tr!("tls.reading_certificate_pem", error = e)))?;
        if chain.is_empty() {
            return Err(other(crate::tr!("tls.no_certificate_found_pem")));
        }
        let key = PrivateKeyDer::from_pem_slice(key_pem.as_bytes())
            .map_err(|e| other(crate::tr!("tls.reading_key_pem", error = e)))?;
        let ca_pem = match ca_pem {
            Some(p) => p,
            None => {
                let last = chain.last().expect("checked non-empty");
                pem_of(last)
            }
        };
        Ok(LabCertificates { ca_pem, chain, key })
    }

    /// A rustls server configuration serving this certificate.
    pub fn server_config(&self) -> io::Result<Arc<rustls::ServerConfig>> {
        let cfg = rustls::ServerConfig::builder_with_provider(provider())
            .with_safe_default_protocol_versions()
            .map_err(|e| other(e.to_string()))?
            .with_no_client_auth()
            .with_single_cert(self.chain.clone(), self.key.clone_key())
            .map_err(|e| other(crate::tr!("tls.certificate_key_do_not", error = e)))?;
        Ok(Arc::new(cfg))
    }

    /// The CA certificate as DER, for clients that should trust it.
    pub fn ca_der(&self) -> io::Result<CertificateDer<'static>> {
        CertificateDer::from_pem_slice(self.ca_pem.as_bytes()).map_err(|e| other(e.to_string()))
    }
}

fn pem_of(der: &CertificateDer<'_>) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der.as_ref());
    let mut s = String::from("-----BEGIN CERTIFICATE-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        s.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        s.push('\n');
    }
    s.push_str("-----END CERTIFICATE-----\n");
    s
}

/// Creates `dir` (and its parents) readable by the owner only (0700): it holds the lab
/// CA's private key. An existing directory open to others is closed to them.
fn private_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        let mode = std::fs::metadata(dir)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        std::fs::create_dir_all(dir)
    }
}

/// Writes a private key: a new file created with mode 0600 (never readable by others,
/// not even for a moment), then renamed over any old one.
fn write_private(path: &Path, contents: &str) -> io::Result<()> {
    use std::io::Write;
    let tmp = path.with_extension("new");
    let _ = std::fs::remove_file(&tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    f.write_all(contents.as_bytes())?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

fn rc(e: rcgen::Error) -> io::Error {
    other(format!("making a certificate: {e}"))
}

/// The subtrees a lab CA may sign for (RFC 5280 §4.2.1.10): `localhost`,
/// `maillab.test` and its subdomains (the wrong-host fault's name), 127.0.0.0/8,
/// ::1, and each extra name: an IP address alone, or a DNS name and its subdomains.
fn permitted_subtrees(names: &[String]) -> Vec<rcgen::GeneralSubtree> {
    use rcgen::{CidrSubnet, GeneralSubtree};
    let mut out = vec![
        GeneralSubtree::DnsName("localhost".into()),
        GeneralSubtree::DnsName("maillab.test".into()),
        GeneralSubtree::IpAddress(CidrSubnet::V4([127, 0, 0, 0], [255, 0, 0, 0])),
        GeneralSubtree::IpAddress(CidrSubnet::V6(
            std::net::Ipv6Addr::LOCALHOST.octets(),
            [0xff; 16],
        )),
    ];
    for n in names {
        out.push(match n.parse::<std::net::IpAddr>() {
            Ok(std::net::IpAddr::V4(a)) => {
                GeneralSubtree::IpAddress(CidrSubnet::V4(a.octets(), [255; 4]))
            }
            Ok(std::net::IpAddr::V6(a)) => {
                GeneralSubtree::IpAddress(CidrSubnet::V6(a.octets(), [0xff; 16]))
            }
            Err(_) => GeneralSubtree::DnsName(n.clone()),
        });
    }
    out
}

fn new_ca(names: &[String]) -> io::Result<(String, String)> {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, KeyPair, KeyUsagePurpose};
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(rc)?;
    let mut p = CertificateParams::new(Vec::<String>::new()).map_err(rc)?;
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.name_constraints = Some(rcgen::NameConstraints {
        permitted_subtrees: permitted_subtrees(names),
        excluded_subtrees: Vec::new(),
    });
    p.distinguished_name
        .push(DnType::CommonName, "maillab lab CA");
    p.distinguished_name
        .push(DnType::OrganizationName, "maillab");
    p.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let now = time_now();
    p.not_before = now - rcgen_days(1);
    p.not_after = now + rcgen_days(3650);
    let cert = p.self_signed(&key).map_err(rc)?;
    Ok((cert.pem(), key.serialize_pem()))
}

/// A certificate fault of the lab server (`--tls-fault`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsFault {
    /// A leaf whose validity ended yesterday.
    Expired,
    /// A leaf naming only [`WRONG_HOST`].
    WrongHost,
}

/// The only name of a `--tls-fault wrong-host` certificate.
pub const WRONG_HOST: &str = "wrong-host.maillab.test";

fn new_leaf(ca_pem: &str, ca_key_pem: &str) -> io::Result<(String, String)> {
    let names = vec![
        "localhost".to_string(),
        "127.0.0.1".to_string(),
        "::1".to_string(),
    ];
    let now = time_now();
    issue_leaf(
        ca_pem,
        ca_key_pem,
        names,
        (now - rcgen_days(1), now + rcgen_days(397)),
    )
}

/// A server certificate for `names` (DNS names or IP addresses) signed by the CA,
/// valid over `validity`; its common name is the first name.
fn issue_leaf(
    ca_pem: &str,
    ca_key_pem: &str,
    names: Vec<String>,
    validity: (time::OffsetDateTime, time::OffsetDateTime),
) -> io::Result<(String, String)> {
    use rcgen::{CertificateParams, DnType, ExtendedKeyUsagePurpose, Issuer, KeyPair};
    let ca_key = KeyPair::from_pem(ca_key_pem).map_err(rc)?;
    let issuer = Issuer::from_ca_cert_pem(ca_pem, ca_key).map_err(rc)?;
    let key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).map_err(rc)?;
    let cn = names.first().cloned().unwrap_or_default();
    let mut p = CertificateParams::new(names).map_err(rc)?;
    p.distinguished_name.push(DnType::CommonName, cn);
    p.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    (p.not_before, p.not_after) = validity;
    let cert = p.signed_by(&key, &issuer).map_err(rc)?;
    Ok((cert.pem(), key.serialize_pem()))
}

fn time_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc()
}

fn rcgen_days(n: i64) -> time::Duration {
    time::Duration::days(n)
}

/// Whether a PEM certificate is valid for at least another day.
fn still_valid(pem: &str) -> bool {
    let Ok(der) = CertificateDer::from_pem_slice(pem.as_bytes()) else {
        return false;
    };
    let Ok((_, cert)) = x509_parser::parse_x509_certificate(der.as_ref()) else {
        return false;
    };
    let tomorrow = chrono::Utc::now().timestamp() + 86_400;
    cert.validity().not_after.timestamp() > tomorrow
        && cert.validity().not_before.timestamp() < chrono::Utc::now().timestamp()
}

/// Server side: runs the TLS handshake on `stream`.
pub async fn accept(
    stream: Box<dyn AsyncStream>,
    config: Arc<rustls::ServerConfig>,
) -> io::Result<Box<dyn AsyncStream>> {
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    let tls = acceptor.accept(stream).await?;
    Ok(Box::new(tls))
}

/// How a client checks the server's certificate.
#[derive(Clone, Debug, Default)]
pub struct ClientTlsOptions {
    /// Roots trusted besides the system's (`--ca-file`, or the lab CA for the embedded server).
    pub extra_roots: Vec<CertificateDer<'static>>,
    /// Accept any certificate (`--insecure`); what would have failed is still reported.
    pub insecure: bool,
    /// Certificates given with `--ca-file`: a server presenting exactly one of them as
    /// its leaf (a self-signed certificate, which no chain can lead to) is accepted
    /// once its name and dates check out (see `RecordingVerifier`).
    pub pinned: Vec<CertificateDer<'static>>,
}

impl ClientTlsOptions {
    /// Adds every certificate of a PEM file as a trusted root.
    pub fn add_ca_file(&mut self, path: &Path) -> io::Result<()> {
        let pem = std::fs::read(path).map_err(|e| other(format!("{}: {e}", path.display())))?;
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&pem)
            .collect::<Result<_, _>>()
            .map_err(|e| {
                other(crate::tr!(
                    "tls.not_pem_certificate_file",
                    path = path.display(),
                    error = e
                ))
            })?;
        if certs.is_empty() {
            return Err(other(crate::tr!(
                "tls.no_certificate",
                path = path.display()
            )));
        }
        self.pinned.extend(certs.iter().cloned());
        self.extra_roots.extend(certs);
        Ok(())
    }
}

/// What a finished handshake negotiated and who the server claims to be.
#[derive(Clone, Debug)]
pub struct TlsSummary {
    pub version: String,
    pub cipher_suite: String,
    pub subject: String,
    pub issuer: String,
    pub not_before: String,
    pub not_after: String,
    /// The certificate passed verification (false only with `--insecure`).
    pub verified: bool,
    /// Why verification would have failed, when `verified` is false.
    pub problem: Option<CertProblem>,
    /// Accepted because the server presented exactly a certificate given with
    /// `--ca-file` (pinned), not through a chain to a trusted root.
    pub pinned: bool,
}

/// Which certificate check failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CertProblem {
    Expired,
    NotYetValid,
    WrongName,
    /// Signed by a CA we do not trust.
    UnknownIssuer,
    /// Signs itself (rustls reports it as an unknown issuer; told apart here).
    SelfSigned,
    Other(String),
}

impl CertProblem {
    /// One line: what failed.
    pub fn describe(&self) -> String {
        match self {
            CertProblem::Expired => crate::tr!("tls.certificate_has_expired"),
            CertProblem::NotYetValid => {
                crate::tr!("tls.certificate_not_valid_yet")
            }
            CertProblem::WrongName => {
                crate::tr!("tls.certificate_another_name_than")
            }
            CertProblem::UnknownIssuer => {
                crate::tr!("tls.certificate_signed_ca_machine")
            }
            CertProblem::SelfSigned => {
                crate::tr!("tls.certificate_self_signed_nobody")
            }
            CertProblem::Other(s) => crate::tr!("tls.certificate_was_rejected", reason = s),
        }
    }
    /// One line: how to proceed, with the risk said.
    pub fn advice(&self) -> String {
        match self {
            CertProblem::UnknownIssuer => {
                crate::tr!("tls.if_trust_ca_signed")
            }
            CertProblem::SelfSigned => {
                crate::tr!("tls.self_signed_certificate_vouches")
            }
            CertProblem::Expired | CertProblem::NotYetValid => {
                crate::tr!("tls.check_machine_clock_otherwise")
            }
            CertProblem::WrongName => {
                crate::tr!("tls.connect_using_name_certificate")
            }
            CertProblem::Other(_) => crate::tr!("tls.insecure_skips_check_risk"),
        }
    }
}

/// A failed client handshake, in words.
#[derive(Debug)]
pub struct TlsFailure {
    pub problem: Option<CertProblem>,
    pub message: String,
}

impl std::fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.problem {
            Some(p) => write!(
                f,
                "TLS failed: {}. To proceed: {}",
                p.describe(),
                p.advice()
            ),
            None => write!(f, "TLS failed: {}", self.message),
        }
    }
}

/// What the verifier saw: the leaf's DER, the verdict, and whether a pin accepted it.
type Seen = (Vec<u8>, Option<rustls::Error>, bool);

/// Verifies through `inner`, remembering the end-entity certificate and the verdict so
/// failures can be explained; with `insecure` every certificate is accepted.
///
/// Pinning: when the chain check fails but the presented leaf is byte for byte one of
/// `pinned` (given with `--ca-file`), the certificate is accepted after checking its
/// validity dates and that it names the server; the handshake signature is still
/// checked by `inner` with the leaf's key (RFC 8446 §4.4.3). This is how a self-signed
/// server certificate is trusted: webpki refuses a CA:TRUE certificate as an end entity
/// and nothing can chain to a CA:FALSE one.
#[derive(Debug)]
struct RecordingVerifier {
    inner: Arc<dyn ServerCertVerifier>,
    insecure: bool,
    pinned: Vec<CertificateDer<'static>>,
    seen: Mutex<Option<Seen>>,
}

/// The checks a pinned certificate still has to pass: its dates and its names.
fn check_pinned(
    cert: &CertificateDer<'_>,
    server_name: &ServerName<'_>,
    now: UnixTime,
) -> Result<(), rustls::Error> {
    let bad = |e: CertificateError| rustls::Error::InvalidCertificate(e);
    let (_, parsed) = x509_parser::parse_x509_certificate(cert.as_ref())
        .map_err(|_| bad(CertificateError::BadEncoding))?;
    let secs = now.as_secs() as i64;
    let validity = parsed.validity();
    if secs < validity.not_before.timestamp() {
        return Err(bad(CertificateError::NotValidYet));
    }
    if secs > validity.not_after.timestamp() {
        return Err(bad(CertificateError::Expired));
    }
    let ee = rustls::server::ParsedCertificate::try_from(cert)?;
    rustls::client::verify_server_name(&ee, server_name)
}

impl ServerCertVerifier for RecordingVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let mut r =
            self.inner
                .verify_server_cert(end_entity, intermediates, server_name, ocsp, now);
        let mut pinned = false;
        if r.is_err()
            && self
                .pinned
                .iter()
                .any(|p| p.as_ref() == end_entity.as_ref())
        {
            r = check_pinned(end_entity, server_name, now)
                .map(|()| ServerCertVerified::assertion());
            pinned = r.is_ok();
        }
        if let Ok(mut g) = self.seen.lock() {
            *g = Some((
                end_entity.as_ref().to_vec(),
                r.as_ref().err().cloned(),
                pinned,
            ));
        }
        match r {
            Err(_) if self.insecure => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

fn base_verifier(extra: &[CertificateDer<'static>]) -> Result<Arc<dyn ServerCertVerifier>, String> {
    match rustls_platform_verifier::Verifier::new_with_extra_roots(
        extra.iter().cloned(),
        provider(),
    ) {
        Ok(v) => Ok(Arc::new(v)),
        Err(e) => {
            // No system roots at all (a bare container): trust only the extra roots.
            let mut roots = rustls::RootCertStore::empty();
            for c in extra {
                roots.add(c.clone()).map_err(|e| e.to_string())?;
            }
            if roots.is_empty() {
                return Err(crate::tr!("tls.no_trusted_roots_pass", error = e));
            }
            rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map(|v| v as Arc<dyn ServerCertVerifier>)
                .map_err(|e| e.to_string())
        }
    }
}

fn classify(err: &rustls::Error, cert_der: Option<&[u8]>) -> CertProblem {
    let self_signed = cert_der.is_some_and(is_self_signed);
    match err {
        rustls::Error::InvalidCertificate(ce) => match ce {
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                CertProblem::Expired
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                CertProblem::NotYetValid
            }
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                CertProblem::WrongName
            }
            // A self-signed certificate fails the chain however webpki words it (no issuer,
            // or a trusted root that merely shares its name).
            _ if self_signed => CertProblem::SelfSigned,
            CertificateError::UnknownIssuer | CertificateError::BadSignature => {
                CertProblem::UnknownIssuer
            }
            other => CertProblem::Other(format!("{other:?}")),
        },
        other => CertProblem::Other(other.to_string()),
    }
}

fn is_self_signed(der: &[u8]) -> bool {
    match x509_parser::parse_x509_certificate(der) {
        Ok((_, c)) => c.subject().as_raw() == c.issuer().as_raw(),
        Err(_) => false,
    }
}

/// Client side: runs the handshake for `host`, verifying the certificate.
pub async fn connect(
    stream: Box<dyn AsyncStream>,
    host: &str,
    opts: &ClientTlsOptions,
) -> Result<(Box<dyn AsyncStream>, TlsSummary), TlsFailure> {
    let fail = |m: String| TlsFailure {
        problem: None,
        message: m,
    };
    let inner = base_verifier(&opts.extra_roots).map_err(fail)?;
    let verifier = Arc::new(RecordingVerifier {
        inner,
        insecure: opts.insecure,
        pinned: opts.pinned.clone(),
        seen: Mutex::new(None),
    });
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| fail(e.to_string()))?
        .dangerous()
        .with_custom_certificate_verifier(verifier.clone())
        .with_no_client_auth();
    let name = ServerName::try_from(
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .to_string(),
    )
    .map_err(|_| {
        fail(crate::tr!(
            "tls.not_valid_server_name",
            host = format!("{:?}", host)
        ))
    })?;
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let seen = || verifier.seen.lock().ok().and_then(|g| g.clone());
    match connector.connect(name, stream).await {
        Ok(tls) => {
            let (_, conn) = tls.get_ref();
            let version = conn
                .protocol_version()
                .map(|v| format!("{v:?}"))
                .unwrap_or_default()
                .replace('_', ".");
            let cipher = conn
                .negotiated_cipher_suite()
                .map(|s| format!("{:?}", s.suite()))
                .unwrap_or_default();
            let mut summary = TlsSummary {
                version,
                cipher_suite: cipher,
                subject: String::new(),
                issuer: String::new(),
                not_before: String::new(),
                not_after: String::new(),
                verified: true,
                problem: None,
                pinned: false,
            };
            if let Some(cert) = conn.peer_certificates().and_then(|c| c.first()) {
                if let Ok((_, c)) = x509_parser::parse_x509_certificate(cert.as_ref()) {
                    summary.subject = c.subject().to_string();
                    summary.issuer = c.issuer().to_string();
                    summary.not_before = c.validity().not_before.to_string();
                    summary.not_after = c.validity().not_after.to_string();
                }
            }
            match seen() {
                Some((der, Some(err), _)) => {
                    summary.verified = false;
                    summary.problem = Some(classify(&err, Some(&der)));
                }
                Some((_, None, pinned)) => summary.pinned = pinned,
                None => {}
            }
            Ok((Box::new(tls), summary))
        }
        Err(e) => {
            let recorded = seen();
            let problem = match &recorded {
                Some((der, Some(err), _)) => Some(classify(err, Some(der))),
                _ => None,
            };
            let message = match e.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                Some(rustls::Error::AlertReceived(a)) => {
                    crate::tr!("tls.server_sent_tls_alert", alert = format!("{:?}", a))
                }
                Some(other) => other.to_string(),
                None => match e.kind() {
                    io::ErrorKind::UnexpectedEof => {
                        crate::tr!("tls.server_closed_connection_during")
                    }
                    _ => e.to_string(),
                },
            };
            Err(TlsFailure { problem, message })
        }
    }
}

/// The server's TLS configuration, made on first use (so starting the REPL or the lab
/// server never waits for key generation) and then shared by every connection.
pub struct LazyServerTls {
    source: TlsSource,
    cell: std::sync::OnceLock<Result<(Arc<rustls::ServerConfig>, String), String>>,
}

enum TlsSource {
    Lab(PathBuf),
    /// The lab CA with more names or a certificate fault.
    LabWith(PathBuf, Vec<String>, Option<TlsFault>),
    Files(PathBuf, PathBuf),
}

impl LazyServerTls {
    /// Where the lab CA is kept by default (see [`LabCertificates::default_dir`]).
    pub fn default_dir() -> PathBuf {
        LabCertificates::default_dir()
    }
    /// The lab CA kept in `dir` (see [`LabCertificates::load_or_create`]).
    pub fn lab(dir: PathBuf) -> Arc<Self> {
        Arc::new(LazyServerTls {
            source: TlsSource::Lab(dir),
            cell: std::sync::OnceLock::new(),
        })
    }
    /// The lab CA kept in `dir`, its leaf with more `names` (`--tls-name`) or a
    /// certificate `fault` (see [`LabCertificates::load_with`]).
    pub fn lab_with(dir: PathBuf, names: Vec<String>, fault: Option<TlsFault>) -> Arc<Self> {
        Arc::new(LazyServerTls {
            source: TlsSource::LabWith(dir, names, fault),
            cell: std::sync::OnceLock::new(),
        })
    }
    /// A certificate chain and key from files (`--cert`, `--key`).
    pub fn files(cert: PathBuf, key: PathBuf) -> Arc<Self> {
        Arc::new(LazyServerTls {
            source: TlsSource::Files(cert, key),
            cell: std::sync::OnceLock::new(),
        })
    }
    fn init(&self) -> &Result<(Arc<rustls::ServerConfig>, String), String> {
        self.cell.get_or_init(|| {
            let certs = match &self.source {
                TlsSource::Lab(dir) => LabCertificates::load_or_create(dir),
                TlsSource::LabWith(dir, names, fault) => {
                    LabCertificates::load_with(dir, names, *fault)
                }
                TlsSource::Files(c, k) => LabCertificates::from_files(c, k),
            }
            .map_err(|e| e.to_string())?;
            let cfg = certs.server_config().map_err(|e| e.to_string())?;
            Ok((cfg, certs.ca_pem))
        })
    }
    /// The rustls configuration, created now if needed.
    pub fn config(&self) -> Result<Arc<rustls::ServerConfig>, String> {
        self.init()
            .as_ref()
            .map(|(c, _)| c.clone())
            .map_err(|e| e.clone())
    }
    /// PEM of the certificate clients should trust.
    pub fn ca_pem(&self) -> Result<String, String> {
        self.init()
            .as_ref()
            .map(|(_, p)| p.clone())
            .map_err(|e| e.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The permitted subtrees of a PEM CA's name constraints, as text.
    fn permitted(ca_pem: &str) -> Vec<String> {
        use x509_parser::extensions::{GeneralName, ParsedExtension};
        let der = CertificateDer::from_pem_slice(ca_pem.as_bytes()).unwrap();
        let (_, cert) = x509_parser::parse_x509_certificate(der.as_ref()).unwrap();
        let mut out = Vec::new();
        for ext in cert.extensions() {
            if let ParsedExtension::NameConstraints(nc) = ext.parsed_extension() {
                for s in nc.permitted_subtrees.iter().flatten() {
                    out.push(match &s.base {
                        GeneralName::DNSName(d) => d.to_string(),
                        GeneralName::IPAddress(b) => format!("{b:?}"),
                        other => format!("{other:?}"),
                    });
                }
            }
        }
        out
    }

    #[test]
    fn the_lab_ca_is_constrained_to_the_lab_names_and_follows_tls_name() {
        let dir = tempfile::tempdir().unwrap();
        let first = LabCertificates::load_or_create(dir.path()).unwrap().ca_pem;
        let p = permitted(&first);
        assert!(p.contains(&"localhost".to_string()), "{p:?}");
        assert!(!p.iter().any(|n| n == "lab.example"), "{p:?}");
        // A name the CA does not cover: a new CA that permits it (and the IP).
        let names = vec!["lab.example".to_string(), "192.0.2.7".to_string()];
        let second = LabCertificates::load_with(dir.path(), &names, None)
            .unwrap()
            .ca_pem;
        assert_ne!(first, second);
        let p = permitted(&second);
        assert!(p.contains(&"lab.example".to_string()), "{p:?}");
        assert!(p.iter().any(|n| n.contains("192, 0, 2, 7")), "{p:?}");
        // The same names again, or fewer: the same CA, so clients keep trusting it.
        let again = LabCertificates::load_with(dir.path(), &names[..1], None).unwrap();
        assert_eq!(again.ca_pem, second);
        assert_eq!(
            LabCertificates::load_or_create(dir.path()).unwrap().ca_pem,
            second
        );
    }
}
