//! The client side of TLS against servers with deliberately bad certificates: each
//! failure names its own check, the unknown issuer passes with the CA added as a root
//! (`--ca-file`), and everything passes with `insecure` while still saying what is wrong.

use std::sync::Arc;

use maillab::transport::tls::{self, CertProblem, ClientTlsOptions};
use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

struct Ca {
    params: CertificateParams,
    key: KeyPair,
    der: CertificateDer<'static>,
}

fn ca() -> Ca {
    named_ca("test CA")
}

fn named_ca(name: &str) -> Ca {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.distinguished_name.push(DnType::CommonName, name);
    let cert = params.self_signed(&key).unwrap();
    Ca {
        der: cert.der().clone(),
        params,
        key,
    }
}

fn days(n: i64) -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc() + time::Duration::days(n)
}

/// A leaf for `names`, valid from `from` to `to` days from now, signed by `ca` (or itself).
fn leaf(
    names: &[&str],
    from: i64,
    to: i64,
    ca: Option<&Ca>,
) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
    let key = KeyPair::generate().unwrap();
    let mut p =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    p.distinguished_name.push(DnType::CommonName, names[0]);
    p.not_before = days(from);
    p.not_after = days(to);
    let cert = match ca {
        Some(ca) => p
            .signed_by(&key, &Issuer::from_params(&ca.params, &ca.key))
            .unwrap(),
        None => p.self_signed(&key).unwrap(),
    };
    (
        cert.der().clone(),
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    )
}

/// Serves one TLS connection with this certificate; the server writes a greeting.
async fn server(
    cert: CertificateDer<'static>,
    key: PrivateKeyDer<'static>,
) -> std::net::SocketAddr {
    let cfg = rustls::ServerConfig::builder_with_provider(tls::provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((s, _)) = l.accept().await {
            if let Ok(mut t) = tls::accept(Box::new(s), Arc::new(cfg)).await {
                let _ = t.write_all(b"* OK hello\r\n").await;
                let _ = t.flush().await;
                let mut b = [0u8; 16];
                let _ =
                    tokio::time::timeout(std::time::Duration::from_secs(5), t.read(&mut b)).await;
            }
        }
    });
    addr
}

async fn try_connect(
    cert: (CertificateDer<'static>, PrivateKeyDer<'static>),
    host: &str,
    opts: &ClientTlsOptions,
) -> Result<tls::TlsSummary, tls::TlsFailure> {
    let addr = server(cert.0, cert.1).await;
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (mut s, summary) = tls::connect(Box::new(tcp), host, opts).await?;
    let mut buf = [0u8; 12];
    s.read_exact(&mut buf).await.unwrap();
    assert_eq!(&buf, b"* OK hello\r\n");
    Ok(summary)
}

fn trusting(ca: &Ca) -> ClientTlsOptions {
    ClientTlsOptions {
        extra_roots: vec![ca.der.clone()],
        insecure: false,
        ..Default::default()
    }
}

#[tokio::test]
async fn a_good_certificate_verifies_and_is_summarised() {
    let ca = ca();
    let s = try_connect(
        leaf(&["localhost"], -1, 30, Some(&ca)),
        "localhost",
        &trusting(&ca),
    )
    .await
    .unwrap();
    assert!(s.verified);
    assert!(s.version.starts_with("TLSv1"), "{}", s.version);
    assert!(s.subject.contains("localhost"), "{}", s.subject);
    assert!(s.issuer.contains("test CA"), "{}", s.issuer);
}

#[tokio::test]
async fn an_ip_address_certificate_verifies_by_address() {
    let ca = ca();
    let s = try_connect(
        leaf(&["127.0.0.1"], -1, 30, Some(&ca)),
        "127.0.0.1",
        &trusting(&ca),
    )
    .await
    .unwrap();
    assert!(s.verified);
}

async fn problem(
    cert: (CertificateDer<'static>, PrivateKeyDer<'static>),
    host: &str,
    opts: &ClientTlsOptions,
) -> CertProblem {
    match try_connect(cert, host, opts).await {
        Ok(_) => panic!("the handshake should have failed"),
        Err(f) => f
            .problem
            .unwrap_or_else(|| panic!("no certificate problem named: {}", f.message)),
    }
}

#[tokio::test]
async fn each_bad_certificate_names_its_own_problem() {
    let ca = ca();
    let t = trusting(&ca);
    assert_eq!(
        problem(leaf(&["localhost"], -30, -1, Some(&ca)), "localhost", &t).await,
        CertProblem::Expired
    );
    assert_eq!(
        problem(leaf(&["localhost"], 2, 30, Some(&ca)), "localhost", &t).await,
        CertProblem::NotYetValid
    );
    assert_eq!(
        problem(
            leaf(&["mail.example.org"], -1, 30, Some(&ca)),
            "localhost",
            &t
        )
        .await,
        CertProblem::WrongName
    );
    let stranger = named_ca("some other CA");
    let no_roots = ClientTlsOptions {
        extra_roots: vec![stranger.der.clone()],
        insecure: false,
        ..Default::default()
    };
    assert_eq!(
        problem(
            leaf(&["localhost"], -1, 30, Some(&ca)),
            "localhost",
            &no_roots
        )
        .await,
        CertProblem::UnknownIssuer
    );
    assert_eq!(
        problem(leaf(&["localhost"], -1, 30, None), "localhost", &no_roots).await,
        CertProblem::SelfSigned
    );
}

#[tokio::test]
async fn the_advice_differs_by_problem() {
    assert!(CertProblem::UnknownIssuer.advice().contains("--ca-file"));
    assert!(CertProblem::WrongName.advice().contains("--insecure"));
    assert!(!CertProblem::Expired.advice().contains("--ca-file"));
}

#[tokio::test]
async fn insecure_connects_anyway_but_reports_what_failed() {
    let ca = ca();
    let opts = ClientTlsOptions {
        extra_roots: vec![],
        insecure: true,
        ..Default::default()
    };
    let s = try_connect(leaf(&["localhost"], -30, -1, Some(&ca)), "localhost", &opts)
        .await
        .unwrap();
    assert!(!s.verified);
    assert_eq!(s.problem, Some(CertProblem::Expired));
}

#[tokio::test]
async fn the_lab_ca_is_kept_and_reused() {
    let dir = tempfile::tempdir().unwrap();
    let a = tls::LabCertificates::load_or_create(dir.path()).unwrap();
    let b = tls::LabCertificates::load_or_create(dir.path()).unwrap();
    assert_eq!(a.ca_pem, b.ca_pem, "a restart must keep the class's trust");
    let cfg = b.server_config().unwrap();
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        for _ in 0..2 {
            let Ok((s, _)) = l.accept().await else { return };
            if let Ok(mut t) = tls::accept(Box::new(s), cfg.clone()).await {
                let _ = t.write_all(b"ok").await;
                let _ = t.flush().await;
            }
        }
    });
    let opts = ClientTlsOptions {
        extra_roots: vec![a.ca_der().unwrap()],
        insecure: false,
        ..Default::default()
    };
    for host in ["localhost", "127.0.0.1"] {
        let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
        let (_, s) = tls::connect(Box::new(tcp), host, &opts)
            .await
            .unwrap_or_else(|e| panic!("{host}: {e}"));
        assert!(s.verified, "{host}");
    }
}

/// A self-signed certificate the way `openssl req -x509` makes one (CA:TRUE), valid from
/// `from` to `to` days from now, for `names`.
fn self_signed_ca_leaf(
    names: &[&str],
    from: i64,
    to: i64,
) -> (CertificateDer<'static>, PrivateKeyDer<'static>) {
    let key = KeyPair::generate().unwrap();
    let mut p =
        CertificateParams::new(names.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.distinguished_name.push(DnType::CommonName, names[0]);
    p.not_before = days(from);
    p.not_after = days(to);
    let cert = p.self_signed(&key).unwrap();
    (
        cert.der().clone(),
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der())),
    )
}

fn pinning(cert: &CertificateDer<'static>) -> ClientTlsOptions {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("server.pem");
    let b64 = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(cert.as_ref())
    };
    std::fs::write(
        &path,
        format!("-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n"),
    )
    .unwrap();
    let mut o = ClientTlsOptions::default();
    o.add_ca_file(&path).unwrap();
    o
}

#[tokio::test]
async fn a_self_signed_certificate_given_with_ca_file_is_pinned() {
    let (der, key) = self_signed_ca_leaf(&["localhost", "127.0.0.1"], -1, 30);
    let opts = pinning(&der);
    let s = try_connect((der.clone(), key.clone_key()), "localhost", &opts)
        .await
        .unwrap();
    assert!(s.verified && s.pinned, "{s:?}");
    let s = try_connect((der, key), "127.0.0.1", &opts).await.unwrap();
    assert!(s.verified && s.pinned);
    // A CA-signed leaf is verified by its chain, not by a pin.
    let ca = ca();
    let s = try_connect(
        leaf(&["localhost"], -1, 30, Some(&ca)),
        "localhost",
        &trusting(&ca),
    )
    .await
    .unwrap();
    assert!(s.verified && !s.pinned);
}

#[tokio::test]
async fn a_pinned_certificate_still_needs_its_name_dates_and_key() {
    let (der, key) = self_signed_ca_leaf(&["localhost"], -30, -1);
    assert_eq!(
        problem((der.clone(), key), "localhost", &pinning(&der)).await,
        CertProblem::Expired
    );
    let (der, key) = self_signed_ca_leaf(&["localhost"], 2, 30);
    assert_eq!(
        problem((der.clone(), key), "localhost", &pinning(&der)).await,
        CertProblem::NotYetValid
    );
    let (der, key) = self_signed_ca_leaf(&["mail.example.org"], -1, 30);
    assert_eq!(
        problem((der.clone(), key), "localhost", &pinning(&der)).await,
        CertProblem::WrongName
    );
    // Another self-signed certificate than the one pinned is refused as self-signed.
    let (pinned, _) = self_signed_ca_leaf(&["localhost"], -1, 30);
    let (other, other_key) = self_signed_ca_leaf(&["localhost"], -1, 30);
    assert_eq!(
        problem((other, other_key), "localhost", &pinning(&pinned)).await,
        CertProblem::SelfSigned
    );
    // The pinned certificate presented with a key that is not its own fails the
    // handshake signature.
    let (der, _) = self_signed_ca_leaf(&["localhost"], -1, 30);
    let impostor_key = KeyPair::generate().unwrap();
    let wrong = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(impostor_key.serialize_der()));
    let r = try_connect_lenient((der.clone(), wrong), "localhost", &pinning(&der)).await;
    assert!(
        r.is_err(),
        "a pinned certificate with another key must not pass"
    );
}

/// Like `try_connect`, but a server that cannot even load its key counts as a failure.
async fn try_connect_lenient(
    cert: (CertificateDer<'static>, PrivateKeyDer<'static>),
    host: &str,
    opts: &ClientTlsOptions,
) -> Result<(), String> {
    // rustls refuses a key that does not fit the certificate; sign with a server that
    // skips that check so the client has to catch it.
    let cfg = rustls::ServerConfig::builder_with_provider(tls::provider())
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_cert_resolver(Arc::new(AnyKey(Arc::new(rustls::sign::CertifiedKey::new(
            vec![cert.0],
            tls::provider()
                .key_provider
                .load_private_key(cert.1)
                .unwrap(),
        )))));
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = l.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((s, _)) = l.accept().await {
            let _ = tls::accept(Box::new(s), Arc::new(cfg)).await;
        }
    });
    let tcp = tokio::net::TcpStream::connect(addr).await.unwrap();
    tls::connect(Box::new(tcp), host, opts)
        .await
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[derive(Debug)]
struct AnyKey(Arc<rustls::sign::CertifiedKey>);

impl rustls::server::ResolvesServerCert for AnyKey {
    fn resolve(
        &self,
        _: rustls::server::ClientHello<'_>,
    ) -> Option<Arc<rustls::sign::CertifiedKey>> {
        Some(self.0.clone())
    }
}
