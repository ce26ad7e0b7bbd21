//! SASL mechanisms and challenge-response digests shared by the mock servers and the
//! REPL (`:plain`, `:auth`): PLAIN (RFC 4616), LOGIN (draft-murchison-sasl-login),
//! CRAM-MD5 (RFC 2195) and POP3's APOP (RFC 1939 §7).
//!
//! Pure: no I/O. Wire strings are base64 (RFC 4648 §4) as SMTP AUTH (RFC 4954),
//! POP3 AUTH (RFC 5034) and IMAP AUTHENTICATE (RFC 3501 §6.2.2) carry them.
//!
//! Two state machines drive an exchange step by step:
//! - [`ServerExchange`] answers a client: it hands out challenges and finally yields
//!   the [`Credentials`] the client presented, for the caller to check.
//! - [`ClientExchange`] plays the client: it computes each base64 response and says
//!   what it decodes to (with the password masked), so a learner can follow along.

use std::fmt;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use md5::{Digest, Md5};

/// The mechanisms maillab speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mechanism {
    /// RFC 4616: `authzid NUL authcid NUL password` in one message.
    Plain,
    /// Two challenges, `Username:` and `Password:`, answered one value each.
    Login,
    /// RFC 2195: the server sends a unique challenge, the client answers
    /// `user HMAC-MD5(password, challenge)` in hex; the password never crosses the wire.
    CramMd5,
}

impl Mechanism {
    /// Every mechanism, in the order servers advertise them.
    pub const ALL: [Mechanism; 3] = [Mechanism::Plain, Mechanism::Login, Mechanism::CramMd5];

    /// The registered SASL name, e.g. `CRAM-MD5`.
    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
            Mechanism::CramMd5 => "CRAM-MD5",
        }
    }

    /// Parses a mechanism name (case-insensitive, RFC 4422 §3.1).
    pub fn parse(name: &str) -> Option<Mechanism> {
        Mechanism::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }

    /// The RFC that defines the mechanism.
    pub fn rfc(self) -> &'static str {
        match self {
            Mechanism::Plain => "RFC 4616",
            Mechanism::Login => "draft-murchison-sasl-login",
            Mechanism::CramMd5 => "RFC 2195",
        }
    }

    /// Whether the client may send its first response with the command
    /// (`AUTH PLAIN <base64>`, RFC 4954 §4). CRAM-MD5 must wait for the challenge.
    pub fn client_first(self) -> bool {
        !matches!(self, Mechanism::CramMd5)
    }
}

impl fmt::Display for Mechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a SASL message could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaslError {
    /// The text is not valid base64 (RFC 4648 §4).
    Base64,
    /// The decoded message does not have the mechanism's shape; the text says how.
    Malformed(String),
    /// The client sent `*` to abandon the exchange (RFC 4954 §4, RFC 5034 §4).
    Cancelled,
}

impl fmt::Display for SaslError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaslError::Base64 => f.write_str(&crate::tr_en!("sasl.response_not_valid_base64")),
            SaslError::Malformed(why) => f.write_str(why),
            SaslError::Cancelled => f.write_str(&crate::tr_en!("sasl.client_cancelled_exchange")),
        }
    }
}

impl std::error::Error for SaslError {}

/// Base64-encodes bytes (standard alphabet, with padding).
pub fn encode_base64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// Decodes one base64 line as SASL sends it; surrounding spaces are ignored and `=`
/// alone means an empty message (RFC 4954 §4).
pub fn decode_base64(text: &str) -> Result<Vec<u8>, SaslError> {
    let t = text.trim_matches([' ', '\t']);
    if t == "=" {
        return Ok(Vec::new());
    }
    STANDARD.decode(t).map_err(|_| SaslError::Base64)
}

/// What a client proved or claimed, for the server to check against its users.
#[derive(Clone, PartialEq, Eq)]
pub enum Credentials {
    /// PLAIN or LOGIN: a user name and the password in clear.
    Password {
        /// RFC 4616 authorization identity ("act as"); empty when not given.
        authzid: String,
        /// The user name (authentication identity).
        user: String,
        password: String,
    },
    /// CRAM-MD5: the user and the hex digest to compare with
    /// [`cram_md5_digest`]`(password, challenge)`.
    CramMd5 {
        user: String,
        digest: String,
        challenge: String,
    },
}

impl Credentials {
    /// The user name the client authenticates as.
    pub fn user(&self) -> &str {
        match self {
            Credentials::Password { user, .. } | Credentials::CramMd5 { user, .. } => user,
        }
    }

    /// Checks the credentials against the user's stored password. A PLAIN authzid
    /// other than the user itself is refused: the mock has no proxy rights.
    pub fn verify(&self, stored_password: &str) -> bool {
        match self {
            Credentials::Password {
                authzid,
                user,
                password,
            } => {
                (authzid.is_empty() || authzid == user)
                    && constant_time_eq(password.as_bytes(), stored_password.as_bytes())
            }
            Credentials::CramMd5 {
                digest, challenge, ..
            } => {
                let want = cram_md5_digest(stored_password, challenge.as_bytes());
                constant_time_eq(digest.to_ascii_lowercase().as_bytes(), want.as_bytes())
            }
        }
    }
}

impl fmt::Debug for Credentials {
    // Never print a password, even in debug output.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Password { authzid, user, .. } => f
                .debug_struct("Password")
                .field("authzid", authzid)
                .field("user", user)
                .field("password", &"****")
                .finish(),
            Credentials::CramMd5 {
                user, challenge, ..
            } => f
                .debug_struct("CramMd5")
                .field("user", user)
                .field("challenge", challenge)
                .finish_non_exhaustive(),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn utf8(bytes: &[u8], what: &str) -> Result<String, SaslError> {
    String::from_utf8(bytes.to_vec())
        .map_err(|_| SaslError::Malformed(crate::tr_en!("sasl.not_valid_utf", what = what)))
}

// ---------------------------------------------------------------- PLAIN (RFC 4616)

/// The raw PLAIN message `authzid NUL authcid NUL password` (RFC 4616 §2).
pub fn plain_message(authzid: &str, user: &str, password: &str) -> Vec<u8> {
    let mut m = Vec::with_capacity(authzid.len() + user.len() + password.len() + 2);
    m.extend_from_slice(authzid.as_bytes());
    m.push(0);
    m.extend_from_slice(user.as_bytes());
    m.push(0);
    m.extend_from_slice(password.as_bytes());
    m
}

/// The base64 PLAIN response a client sends, e.g. `AGFsZXgAZHJ1bXM=` for alex/drums.
pub fn plain_encode(authzid: &str, user: &str, password: &str) -> String {
    encode_base64(&plain_message(authzid, user, password))
}

/// Splits a decoded PLAIN message into its three parts (RFC 4616 §2).
pub fn parse_plain(message: &[u8]) -> Result<Credentials, SaslError> {
    let mut parts = message.split(|&b| b == 0);
    let (Some(authzid), Some(user), Some(password), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SaslError::Malformed(crate::tr_en!(
            "sasl.plain_needs_exactly_three"
        )));
    };
    if user.is_empty() {
        return Err(SaslError::Malformed(crate::tr_en!(
            "sasl.plain_user_name_empty"
        )));
    }
    Ok(Credentials::Password {
        authzid: utf8(authzid, &crate::tr_en!("sasl.authorization_identity"))?,
        user: utf8(user, &crate::tr_en!("sasl.user_name"))?,
        password: utf8(password, "password")?,
    })
}

/// Decodes a base64 PLAIN response.
pub fn plain_decode(base64: &str) -> Result<Credentials, SaslError> {
    parse_plain(&decode_base64(base64)?)
}

// ---------------------------------------------------------------- LOGIN

/// The LOGIN mechanism's first challenge, before base64.
pub const LOGIN_USERNAME: &str = "Username:";
/// The LOGIN mechanism's second challenge, before base64.
pub const LOGIN_PASSWORD: &str = "Password:";

// ---------------------------------------------------------------- CRAM-MD5 (RFC 2195)

/// A CRAM-MD5 challenge in the RFC 2195 §2 form `<unique.timestamp@hostname>`.
pub fn cram_md5_challenge(unique: u64, timestamp: u64, hostname: &str) -> String {
    format!("<{unique}.{timestamp}@{hostname}>")
}

/// HMAC-MD5 (RFC 2104) of the challenge keyed with the password, lower-case hex.
pub fn cram_md5_digest(password: &str, challenge: &[u8]) -> String {
    // HMAC takes keys of any length (longer ones are hashed first), so this cannot fail.
    let mut mac = <Hmac<Md5> as Mac>::new_from_slice(password.as_bytes())
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    mac.update(challenge);
    hex(&mac.finalize().into_bytes())
}

/// The client's CRAM-MD5 answer before base64: `user SP digest` (RFC 2195 §2).
pub fn cram_md5_response(user: &str, password: &str, challenge: &[u8]) -> String {
    format!("{user} {}", cram_md5_digest(password, challenge))
}

/// Splits a decoded CRAM-MD5 answer into user and digest; the digest is the text after
/// the last space and must be 32 hex digits.
pub fn parse_cram_md5(message: &[u8], challenge: &str) -> Result<Credentials, SaslError> {
    let text = utf8(message, "CRAM-MD5 response")?;
    let Some((user, digest)) = text.rsplit_once(' ') else {
        return Err(SaslError::Malformed(crate::tr_en!(
            "sasl.cram_md5_response_must"
        )));
    };
    if user.is_empty() {
        return Err(SaslError::Malformed(crate::tr_en!(
            "sasl.cram_md5_user_name"
        )));
    }
    if digest.len() != 32 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(SaslError::Malformed(crate::tr_en!(
            "sasl.cram_md5_digest_must"
        )));
    }
    Ok(Credentials::CramMd5 {
        user: user.to_string(),
        digest: digest.to_string(),
        challenge: challenge.to_string(),
    })
}

// ---------------------------------------------------------------- APOP (RFC 1939 §7)

/// The APOP digest: MD5 of the greeting's timestamp (angle brackets included)
/// followed by the password, lower-case hex.
pub fn apop_digest(timestamp: &str, password: &str) -> String {
    let mut h = Md5::new();
    h.update(timestamp.as_bytes());
    h.update(password.as_bytes());
    hex(&h.finalize())
}

/// Checks an APOP digest (hex, any case) against the stored password.
pub fn verify_apop(timestamp: &str, password: &str, digest: &str) -> bool {
    constant_time_eq(
        digest.to_ascii_lowercase().as_bytes(),
        apop_digest(timestamp, password).as_bytes(),
    )
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    s
}

// ---------------------------------------------------------------- server side

/// What the server does next in an exchange.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ServerStep {
    /// Send this base64 challenge (`334 <b64>` in SMTP, `+ <b64>` in POP3 and IMAP).
    Challenge(String),
    /// The client presented these credentials; check them with [`Credentials::verify`].
    Done(Credentials),
    /// The exchange failed; the reason teaches what was wrong.
    Failed(SaslError),
}

/// The server side of one SASL exchange, fed the client's lines one at a time.
#[derive(Debug, Clone)]
pub struct ServerExchange {
    mechanism: Mechanism,
    state: ServerState,
}

#[derive(Debug, Clone)]
enum ServerState {
    AwaitPlain,
    AwaitLoginUser,
    AwaitLoginPassword { user: String },
    AwaitCram { challenge: String },
    Finished,
}

impl ServerExchange {
    /// Starts an exchange. `initial` is the optional initial response given with the
    /// command (RFC 4954 §4); `cram_challenge` is the unique challenge used if the
    /// mechanism is CRAM-MD5 (see [`cram_md5_challenge`]).
    pub fn start(
        mechanism: Mechanism,
        initial: Option<&str>,
        cram_challenge: &str,
    ) -> (ServerExchange, ServerStep) {
        let state = match mechanism {
            Mechanism::Plain => ServerState::AwaitPlain,
            Mechanism::Login => ServerState::AwaitLoginUser,
            Mechanism::CramMd5 => ServerState::AwaitCram {
                challenge: cram_challenge.to_string(),
            },
        };
        let mut ex = ServerExchange { mechanism, state };
        let step = match (mechanism, initial) {
            (Mechanism::CramMd5, Some(_)) => {
                ex.state = ServerState::Finished;
                ServerStep::Failed(SaslError::Malformed(crate::tr_en!(
                    "sasl.cram_md5_takes_no"
                )))
            }
            (_, Some(line)) => ex.step(line),
            (Mechanism::Plain, None) => ServerStep::Challenge(String::new()),
            (Mechanism::Login, None) => {
                ServerStep::Challenge(encode_base64(LOGIN_USERNAME.as_bytes()))
            }
            (Mechanism::CramMd5, None) => {
                ServerStep::Challenge(encode_base64(cram_challenge.as_bytes()))
            }
        };
        (ex, step)
    }

    /// The mechanism of this exchange.
    pub fn mechanism(&self) -> Mechanism {
        self.mechanism
    }

    /// Feeds one client line (without its CRLF).
    pub fn step(&mut self, line: &str) -> ServerStep {
        if line.trim() == "*" {
            self.state = ServerState::Finished;
            return ServerStep::Failed(SaslError::Cancelled);
        }
        let decoded = match decode_base64(line) {
            Ok(d) => d,
            Err(e) => {
                self.state = ServerState::Finished;
                return ServerStep::Failed(e);
            }
        };
        let state = std::mem::replace(&mut self.state, ServerState::Finished);
        match state {
            ServerState::AwaitPlain => match parse_plain(&decoded) {
                Ok(c) => ServerStep::Done(c),
                Err(e) => ServerStep::Failed(e),
            },
            ServerState::AwaitLoginUser => match utf8(&decoded, &crate::tr_en!("sasl.user_name")) {
                Ok(user) if !user.is_empty() => {
                    self.state = ServerState::AwaitLoginPassword { user };
                    ServerStep::Challenge(encode_base64(LOGIN_PASSWORD.as_bytes()))
                }
                Ok(_) => ServerStep::Failed(SaslError::Malformed(crate::tr_en!(
                    "sasl.login_user_name_empty"
                ))),
                Err(e) => ServerStep::Failed(e),
            },
            ServerState::AwaitLoginPassword { user } => match utf8(&decoded, "password") {
                Ok(password) => ServerStep::Done(Credentials::Password {
                    authzid: String::new(),
                    user,
                    password,
                }),
                Err(e) => ServerStep::Failed(e),
            },
            ServerState::AwaitCram { challenge } => match parse_cram_md5(&decoded, &challenge) {
                Ok(c) => ServerStep::Done(c),
                Err(e) => ServerStep::Failed(e),
            },
            ServerState::Finished => ServerStep::Failed(SaslError::Malformed(crate::tr_en!(
                "sasl.exchange_already_over"
            ))),
        }
    }
}

// ---------------------------------------------------------------- client side

/// One client response, with what it means for a learner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientResponse {
    /// The line to send (base64).
    pub base64: String,
    /// What the base64 decodes to, printable, with the password masked: NUL bytes are
    /// shown as `\0`, e.g. `\0alex\0****`.
    pub shown: String,
}

/// What the REPL's `:auth` can play: the mechanisms maillab's servers speak, and the
/// bearer-token ones real providers ask for (Gmail, Outlook), which take an OAuth 2.0
/// access token the user already has instead of a password.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ClientMechanism {
    /// PLAIN, LOGIN or CRAM-MD5.
    Sasl(Mechanism),
    /// Google's XOAUTH2: `user=U ^A auth=Bearer TOKEN ^A ^A` in one message.
    XOAuth2,
    /// RFC 7628 §3.1: a GS2 header `n,a=U,`, then `^A`-separated `host=`, `port=` and
    /// `auth=Bearer TOKEN`, ending `^A ^A`.
    OAuthBearer,
}

impl ClientMechanism {
    /// Every mechanism `:auth` knows, as it lists them.
    pub const ALL: [ClientMechanism; 5] = [
        ClientMechanism::Sasl(Mechanism::Plain),
        ClientMechanism::Sasl(Mechanism::Login),
        ClientMechanism::Sasl(Mechanism::CramMd5),
        ClientMechanism::XOAuth2,
        ClientMechanism::OAuthBearer,
    ];

    /// Parses a mechanism name, case-insensitively (RFC 4422 §3.1).
    pub fn parse(name: &str) -> Option<ClientMechanism> {
        ClientMechanism::ALL
            .into_iter()
            .find(|m| m.name().eq_ignore_ascii_case(name))
    }

    /// The registered name, e.g. `OAUTHBEARER`.
    pub fn name(self) -> &'static str {
        match self {
            ClientMechanism::Sasl(m) => m.name(),
            ClientMechanism::XOAuth2 => "XOAUTH2",
            ClientMechanism::OAuthBearer => "OAUTHBEARER",
        }
    }

    /// Where the mechanism is defined.
    pub fn rfc(self) -> &'static str {
        match self {
            ClientMechanism::Sasl(m) => m.rfc(),
            ClientMechanism::XOAuth2 => "Google's XOAUTH2 protocol",
            ClientMechanism::OAuthBearer => "RFC 7628 §3.1",
        }
    }

    /// Whether the secret is a bearer token rather than a password.
    pub fn uses_token(self) -> bool {
        matches!(
            self,
            ClientMechanism::XOAuth2 | ClientMechanism::OAuthBearer
        )
    }
}

impl fmt::Display for ClientMechanism {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The XOAUTH2 message: `user=USER ^A auth=Bearer TOKEN ^A ^A` (before base64).
pub fn xoauth2_message(user: &str, token: &str) -> Vec<u8> {
    format!("user={user}\x01auth=Bearer {token}\x01\x01").into_bytes()
}

/// The OAUTHBEARER initial client response of RFC 7628 §3.1 (before base64): the GS2
/// header naming the user (`,` and `=` escaped as `=2C` and `=3D`, RFC 5801 §4), the
/// host and port connected to when known, and the token.
pub fn oauthbearer_message(user: &str, token: &str, endpoint: Option<(&str, u16)>) -> Vec<u8> {
    let authzid = user.replace('=', "=3D").replace(',', "=2C");
    let mut s = format!("n,a={authzid},\x01");
    if let Some((host, port)) = endpoint {
        s.push_str(&format!("host={host}\x01port={port}\x01"));
    }
    s.push_str(&format!("auth=Bearer {token}\x01\x01"));
    s.into_bytes()
}

/// The client side of one SASL exchange, for the REPL's `:auth`.
#[derive(Debug, Clone)]
pub struct ClientExchange {
    mechanism: ClientMechanism,
    user: String,
    password: String,
    sent_user: bool,
    endpoint: Option<(String, u16)>,
}

/// What the password looks like in transcripts.
pub const MASK: &str = "****";

impl ClientExchange {
    /// An exchange for one of the password mechanisms.
    pub fn new(mechanism: Mechanism, user: &str, password: &str) -> Self {
        Self::start(ClientMechanism::Sasl(mechanism), user, password, None)
    }

    /// An exchange for any mechanism `:auth` knows; `secret` is the password or, for
    /// XOAUTH2 and OAUTHBEARER, the access token. `endpoint` (host, port) goes into
    /// OAUTHBEARER's message.
    pub fn start(
        mechanism: ClientMechanism,
        user: &str,
        secret: &str,
        endpoint: Option<(&str, u16)>,
    ) -> Self {
        ClientExchange {
            mechanism,
            user: user.to_string(),
            password: secret.to_string(),
            sent_user: false,
            endpoint: endpoint.map(|(h, p)| (h.to_string(), p)),
        }
    }

    /// The mechanism being played.
    pub fn mechanism(&self) -> ClientMechanism {
        self.mechanism
    }

    /// The token mechanisms' message, base64 and shown (token masked, `^A` for 0x01).
    fn token_response(&self) -> ClientResponse {
        let endpoint = self.endpoint.as_ref().map(|(h, p)| (h.as_str(), *p));
        let (bytes, masked) = match self.mechanism {
            ClientMechanism::OAuthBearer => (
                oauthbearer_message(&self.user, &self.password, endpoint),
                oauthbearer_message(&self.user, MASK, endpoint),
            ),
            _ => (
                xoauth2_message(&self.user, &self.password),
                xoauth2_message(&self.user, MASK),
            ),
        };
        ClientResponse {
            base64: encode_base64(&bytes),
            shown: String::from_utf8_lossy(&masked).replace('\x01', "^A"),
        }
    }

    /// The response to send with the command, if the mechanism allows one. For LOGIN
    /// this is `None`: classic servers expect the `Username:` challenge first.
    pub fn initial_response(&self) -> Option<ClientResponse> {
        match self.mechanism {
            ClientMechanism::Sasl(Mechanism::Plain) => Some(ClientResponse {
                base64: plain_encode("", &self.user, &self.password),
                shown: format!("\\0{}\\0{MASK}", self.user),
            }),
            ClientMechanism::Sasl(Mechanism::Login | Mechanism::CramMd5) => None,
            ClientMechanism::XOAuth2 | ClientMechanism::OAuthBearer => Some(self.token_response()),
        }
    }

    /// Answers a server challenge (the base64 text after `334 ` or `+ `). Returns the
    /// decoded challenge (for display) and the response.
    pub fn respond(&mut self, challenge: &str) -> Result<(String, ClientResponse), SaslError> {
        let decoded = decode_base64(challenge)?;
        let shown_challenge = String::from_utf8_lossy(&decoded).into_owned();
        let response = match self.mechanism {
            ClientMechanism::Sasl(Mechanism::Plain) => self
                .initial_response()
                .unwrap_or_else(|| unreachable!("PLAIN always has a response")),
            // An empty challenge asks for the message (IMAP without SASL-IR); anything
            // else is the server's error report (JSON), which the client acknowledges
            // with an empty response for XOAUTH2 and a lone ^A for OAUTHBEARER
            // (RFC 7628 §3.2.3) before the server's final failure.
            ClientMechanism::XOAuth2 | ClientMechanism::OAuthBearer if decoded.is_empty() => {
                self.token_response()
            }
            ClientMechanism::XOAuth2 => ClientResponse {
                base64: String::new(),
                shown: String::new(),
            },
            ClientMechanism::OAuthBearer => ClientResponse {
                base64: encode_base64(b"\x01"),
                shown: "^A".into(),
            },
            ClientMechanism::Sasl(Mechanism::Login) => {
                // Servers send "Username:" then "Password:"; some send other prompts, so
                // go by the prompt when it is recognisable and by order otherwise.
                let asks_password = shown_challenge.to_ascii_lowercase().starts_with("password")
                    || (self.sent_user
                        && !shown_challenge.to_ascii_lowercase().starts_with("user"));
                if asks_password {
                    ClientResponse {
                        base64: encode_base64(self.password.as_bytes()),
                        shown: MASK.to_string(),
                    }
                } else {
                    self.sent_user = true;
                    ClientResponse {
                        base64: encode_base64(self.user.as_bytes()),
                        shown: self.user.clone(),
                    }
                }
            }
            ClientMechanism::Sasl(Mechanism::CramMd5) => {
                let text = cram_md5_response(&self.user, &self.password, &decoded);
                ClientResponse {
                    base64: encode_base64(text.as_bytes()),
                    shown: text,
                }
            }
        };
        Ok((shown_challenge, response))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cram_md5_matches_rfc2195_example() {
        // RFC 2195 §2: user tim, password tanstaaftanstaaf.
        let challenge = "<1896.697170952@postoffice.reston.mci.net>";
        assert_eq!(
            encode_base64(challenge.as_bytes()),
            "PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+"
        );
        assert_eq!(
            cram_md5_digest("tanstaaftanstaaf", challenge.as_bytes()),
            "b913a602c7eda7a495b4e6e7334d3890"
        );
        let response = cram_md5_response("tim", "tanstaaftanstaaf", challenge.as_bytes());
        assert_eq!(
            encode_base64(response.as_bytes()),
            "dGltIGI5MTNhNjAyYzdlZGE3YTQ5NWI0ZTZlNzMzNGQzODkw"
        );
        assert_eq!(
            cram_md5_challenge(1896, 697170952, "postoffice.reston.mci.net"),
            challenge
        );
    }

    #[test]
    fn apop_matches_rfc1939_example() {
        // RFC 1939 §7: shared secret "tanstaaf".
        let ts = "<1896.697170952@dbc.mtview.ca.us>";
        assert_eq!(
            apop_digest(ts, "tanstaaf"),
            "c4c9334bac560ecc979e58001b3e22fb"
        );
        assert!(verify_apop(
            ts,
            "tanstaaf",
            "C4C9334BAC560ECC979E58001B3E22FB"
        ));
        assert!(!verify_apop(
            ts,
            "tanstaaF",
            "c4c9334bac560ecc979e58001b3e22fb"
        ));
    }

    #[test]
    fn plain_round_trips_with_and_without_authzid() {
        assert_eq!(plain_encode("", "alex", "drums"), "AGFsZXgAZHJ1bXM=");
        // RFC 4616 §4 example: authzid "Ursel", authcid "Kurt", password "xipj3plmq".
        let b = plain_encode("Ursel", "Kurt", "xipj3plmq");
        assert_eq!(b, "VXJzZWwAS3VydAB4aXBqM3BsbXE=");
        assert_eq!(
            plain_decode(&b).unwrap(),
            Credentials::Password {
                authzid: "Ursel".into(),
                user: "Kurt".into(),
                password: "xipj3plmq".into()
            }
        );
        assert!(matches!(
            plain_decode("not base64!"),
            Err(SaslError::Base64)
        ));
        assert!(matches!(
            plain_decode(&encode_base64(b"alex\0drums")),
            Err(SaslError::Malformed(_))
        ));
        assert!(matches!(
            plain_decode(&encode_base64(b"\0\0drums")),
            Err(SaslError::Malformed(_))
        ));
    }

    #[test]
    fn verify_refuses_wrong_password_and_foreign_authzid() {
        let ok = plain_decode(&plain_encode("", "alex", "drums")).unwrap();
        assert!(ok.verify("drums"));
        assert!(!ok.verify("drum"));
        let proxy = plain_decode(&plain_encode("riley", "alex", "drums")).unwrap();
        assert!(!proxy.verify("drums"));
    }

    #[test]
    fn server_and_client_agree_for_every_mechanism() {
        let challenge = cram_md5_challenge(7, 1_700_000_000, "maillab.test");
        for mech in Mechanism::ALL {
            let mut client = ClientExchange::new(mech, "alex", "drums");
            let initial = client.initial_response();
            let (mut server, mut step) = ServerExchange::start(
                mech,
                initial.as_ref().map(|r| r.base64.as_str()),
                &challenge,
            );
            let mut rounds = 0;
            let creds = loop {
                rounds += 1;
                assert!(rounds < 5, "{mech}: exchange does not end");
                match step {
                    ServerStep::Challenge(c) => {
                        let (_, r) = client.respond(&c).unwrap();
                        step = server.step(&r.base64);
                    }
                    ServerStep::Done(c) => break c,
                    ServerStep::Failed(e) => panic!("{mech}: {e}"),
                }
            };
            assert_eq!(creds.user(), "alex");
            assert!(creds.verify("drums"), "{mech}");
            assert!(!creds.verify("guitar"), "{mech}");
        }
    }

    #[test]
    fn login_challenges_and_masking() {
        let (mut server, step) = ServerExchange::start(Mechanism::Login, None, "");
        assert_eq!(step, ServerStep::Challenge("VXNlcm5hbWU6".into()));
        assert_eq!(
            server.step("YWxleA=="),
            ServerStep::Challenge("UGFzc3dvcmQ6".into())
        );
        let mut client = ClientExchange::new(Mechanism::Login, "alex", "drums");
        let (shown, r) = client.respond("VXNlcm5hbWU6").unwrap();
        assert_eq!((shown.as_str(), r.shown.as_str()), ("Username:", "alex"));
        let (_, r) = client.respond("UGFzc3dvcmQ6").unwrap();
        assert_eq!(r.shown, MASK);
        assert_eq!(r.base64, "ZHJ1bXM=");
        let plain = ClientExchange::new(Mechanism::Plain, "alex", "drums");
        assert_eq!(plain.initial_response().unwrap().shown, "\\0alex\\0****");
        assert!(!format!("{:?}", plain_decode("AGFsZXgAZHJ1bXM=").unwrap()).contains("drums"));
    }

    #[test]
    fn cancel_bad_base64_and_cram_initial_response_fail() {
        let (mut s, _) = ServerExchange::start(Mechanism::Login, None, "");
        assert_eq!(s.step("*"), ServerStep::Failed(SaslError::Cancelled));
        let (mut s, _) = ServerExchange::start(Mechanism::Plain, None, "");
        assert_eq!(s.step("@@@"), ServerStep::Failed(SaslError::Base64));
        let (_, step) = ServerExchange::start(Mechanism::CramMd5, Some("abcd"), "<1.2@x>");
        assert!(matches!(step, ServerStep::Failed(SaslError::Malformed(_))));
        let (mut s, _) = ServerExchange::start(Mechanism::CramMd5, None, "<1.2@x>");
        assert!(matches!(
            s.step(&encode_base64(b"alex nothex")),
            ServerStep::Failed(SaslError::Malformed(_))
        ));
        // "=" is the empty initial response: an empty PLAIN message is malformed.
        let (_, step) = ServerExchange::start(Mechanism::Plain, Some("="), "");
        assert!(matches!(step, ServerStep::Failed(SaslError::Malformed(_))));
    }

    #[test]
    fn xoauth2_matches_googles_example() {
        // Google's XOAUTH2 documentation: user someuser@example.com and its sample token.
        let token = "ya29.vF9dft4qmTc2Nvb3RlckBhdGhlcmVhbGl0eS5jb20";
        let x = ClientExchange::start(
            ClientMechanism::XOAuth2,
            "someuser@example.com",
            token,
            None,
        );
        let r = x.initial_response().unwrap();
        assert_eq!(
            r.base64,
            "dXNlcj1zb21ldXNlckBleGFtcGxlLmNvbQFhdXRoPUJlYXJlciB5YTI5LnZGOWRmdDRxbVRjMk52YjNSbGNrQmhkR2hsY21WaGJHbDBlUzVqYjIwAQE="
        );
        assert_eq!(r.shown, "user=someuser@example.com^Aauth=Bearer ****^A^A");
        assert!(!r.shown.contains("ya29"));
    }

    #[test]
    fn oauthbearer_matches_rfc7628_example() {
        // RFC 7628 §4.1: user@example.com at server.example.com:143.
        let token = "vF9dft4qmTc2Nvb3RlckBhbHRhdmlzdGEuY29tCg==";
        let mut x = ClientExchange::start(
            ClientMechanism::OAuthBearer,
            "user@example.com",
            token,
            Some(("server.example.com", 143)),
        );
        let expected = "bixhPXVzZXJAZXhhbXBsZS5jb20sAWhvc3Q9c2VydmVyLmV4YW1wbGUuY29tAXBvcnQ9MTQzAWF1dGg9QmVhcmVyIHZGOWRmdDRxbVRjMk52YjNSbGNrQmhiSFJoZG1semRHRXVZMjl0Q2c9PQEB";
        let r = x.initial_response().unwrap();
        assert_eq!(r.base64, expected);
        assert!(!r.shown.contains(token));
        // IMAP without SASL-IR: the server's empty "+ " asks for the same message.
        let (_, r) = x.respond("").unwrap();
        assert_eq!(r.base64, expected);
        // RFC 7628 §3.2.2: an error arrives as JSON; the client answers a lone 0x01.
        let err = encode_base64(br#"{"status":"invalid_token"}"#);
        let (shown, r) = x.respond(&err).unwrap();
        assert!(shown.contains("invalid_token"));
        assert_eq!(decode_base64(&r.base64).unwrap(), b"\x01");
        // The user name is escaped in the GS2 header (RFC 5801 §4).
        let m = oauthbearer_message("a,b=c", "t", None);
        assert_eq!(m, b"n,a=a=2Cb=3Dc,\x01auth=Bearer t\x01\x01");
    }

    #[test]
    fn client_mechanisms_parse_by_name() {
        assert_eq!(
            ClientMechanism::parse("xoauth2"),
            Some(ClientMechanism::XOAuth2)
        );
        assert_eq!(
            ClientMechanism::parse("OAuthBearer"),
            Some(ClientMechanism::OAuthBearer)
        );
        assert_eq!(
            ClientMechanism::parse("cram-md5"),
            Some(ClientMechanism::Sasl(Mechanism::CramMd5))
        );
        // The servers do not offer the token mechanisms.
        assert_eq!(Mechanism::parse("XOAUTH2"), None);
    }

    #[test]
    fn mechanism_names_parse_case_insensitively() {
        assert_eq!(Mechanism::parse("cram-md5"), Some(Mechanism::CramMd5));
        assert_eq!(Mechanism::parse("Plain"), Some(Mechanism::Plain));
        assert_eq!(Mechanism::parse("GSSAPI"), None);
    }
}
