//! Quotas for the IMAP commands that add mail (APPEND, COPY, MOVE): `NO [OVERQUOTA]`
//! (RFC 5530 §3) when the user would hold more than the quota afterwards, or when the
//! whole store is at its budget.

use super::checks::Fail;
use crate::server::say;
use crate::store::{Addition, Inner, Limits, NoRoom};

/// Whether `user` may add `added` octets while the same command frees `freed` of theirs
/// (MOVE within one user frees what it adds).
pub(super) fn room(
    inner: &Inner,
    user: &str,
    added: u64,
    freed: u64,
    limits: &Limits,
) -> Result<(), Fail> {
    let users = [user.to_string()];
    let add = Addition {
        users: &users,
        per_user: added,
        freed,
        ..Addition::default()
    };
    match inner.room_for(&add, limits) {
        Ok(()) => Ok(()),
        Err(NoRoom::UserQuota(u, quota)) => Err(Fail::No(say(
            "server.imap.quota.user",
            &[("user", &u), ("quota", &quota.to_string())],
        ))),
        Err(NoRoom::Total(limit) | NoRoom::Sink(limit)) => Err(Fail::No(say(
            "server.imap.quota.store",
            &[("limit", &limit.to_string())],
        ))),
    }
}
