//! Logins for all three servers: one way to check a user name and password, a SASL
//! exchange's credentials or an APOP digest against the store, so IMAP, POP3 and SMTP
//! accept the same login forms (`alex`, `alex@maillab.test`) and refuse the same way.

use crate::protocol::sasl::{self, Credentials};
use crate::store::accounts::NewAccountRefusal;
use crate::store::{LoginRefused, Proof, Store};

/// Why a login failed, for the protocol's reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Wrong user name or password.
    Invalid,
    /// The account takes only application-specific passwords (Gmail's 534 5.7.9).
    AppPasswordRequired,
    /// SASL PLAIN asked to act as another user (RFC 4616 §2 authzid); nobody may here.
    Authorization,
    /// No such account, and logging in could not create it (`--open-accounts`).
    NewAccount(NewAccountRefusal),
}

/// Why a login did not create an account, in English for the wire (the protocol's
/// code is the caller's).
pub fn new_account_text(why: NewAccountRefusal, user: &str) -> String {
    match why {
        NewAccountRefusal::Name => super::say("server.accounts.bad_name", &[("user", user)]),
        NewAccountRefusal::Password => {
            super::say("server.accounts.bad_password", &[("user", user)])
        }
        NewAccountRefusal::Full(cap) => super::say(
            "server.accounts.full",
            &[("user", user), ("cap", &cap.to_string())],
        ),
    }
}

impl From<LoginRefused> for Refusal {
    fn from(r: LoginRefused) -> Self {
        match r {
            LoginRefused::Invalid => Refusal::Invalid,
            LoginRefused::AppPasswordRequired => Refusal::AppPasswordRequired,
            LoginRefused::NewAccount(why) => Refusal::NewAccount(why),
        }
    }
}

/// A user name and a password in clear (IMAP LOGIN, POP3 USER/PASS).
pub fn password(store: &Store, login: &str, password: &str) -> Result<String, Refusal> {
    Ok(store.authenticate(login, Proof::Password(password))?)
}

/// What a SASL exchange ended with (PLAIN, LOGIN, CRAM-MD5), in any of the three
/// protocols.
pub fn credentials(store: &Store, creds: &Credentials) -> Result<String, Refusal> {
    match creds {
        Credentials::Password {
            authzid,
            user,
            password: pw,
        } => {
            let name = password(store, user, pw)?;
            if !authzid.is_empty()
                && authzid != user
                && store.read(|i| i.login_name(authzid)).as_deref() != Some(name.as_str())
            {
                return Err(Refusal::Authorization);
            }
            Ok(name)
        }
        Credentials::CramMd5 { user, .. } => {
            let check = |secret: &str| creds.verify(secret);
            Ok(store.authenticate(user, Proof::Digest(&check))?)
        }
    }
}

/// POP3 APOP (RFC 1939 §7): the digest of the greeting's timestamp and the secret.
pub fn apop(store: &Store, login: &str, timestamp: &str, digest: &str) -> Result<String, Refusal> {
    let check = |secret: &str| sasl::verify_apop(timestamp, secret, digest);
    Ok(store.authenticate(login, Proof::Digest(&check))?)
}
