//! Mailbox commands (RFC 3501 §6.3): CREATE, DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE,
//! LIST, LSUB, STATUS and APPEND, with the mailbox-name rules of §5.1.

use std::collections::BTreeMap;

use super::checks::{check_flags, mailbox_name};
use super::parser::Args;
use super::response::push_astring;
use super::session::{syntax, CmdResult, Fail, State};
use super::{mutf7, ImapSession};
use crate::store::{canonical_name, Message, DELIMITER};

/// A name a new mailbox may have.
fn creatable(name: &str) -> Result<(), Fail> {
    let trimmed = name.trim_end_matches(DELIMITER);
    if trimmed.is_empty() {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_mailbox_name_cannot"
        )));
    }
    if trimmed.contains('*') || trimmed.contains('%') {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_list_wildcards_cannot",
            name = name
        )));
    }
    if trimmed.starts_with(DELIMITER) || trimmed.contains("//") {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_every_level_hierarchy",
            name = name
        )));
    }
    if trimmed.len() > 512 {
        return Err(Fail::No(crate::tr_en!(
            "server.imap.cannot_mailbox_name_too"
        )));
    }
    Ok(())
}

/// LIST wildcard match (RFC 3501 §6.3.8): `*` matches anything, `%` anything but `/`.
fn wildcard_match(pattern: &[u8], name: &[u8]) -> bool {
    // dp[j]: pattern[..i] matches name[..j].
    let mut dp = vec![false; name.len() + 1];
    dp[0] = true;
    for &p in pattern {
        let mut next = vec![false; name.len() + 1];
        match p {
            b'*' | b'%' => {
                let mut any = false;
                for j in 0..=name.len() {
                    if dp[j] {
                        any = true;
                    }
                    next[j] = any;
                    if p == b'%' && j < name.len() && name[j] == b'/' {
                        // A '%' run cannot extend over this delimiter.
                        any = false;
                    }
                }
            }
            c => {
                for j in 0..name.len() {
                    next[j + 1] = dp[j] && name[j] == c;
                }
            }
        }
        dp = next;
    }
    dp[name.len()]
}

/// Folds a leading `inbox` of a pattern to `INBOX` (INBOX is case-insensitive).
fn canonical_pattern(p: &str) -> String {
    if p.len() >= 5 && p.is_char_boundary(5) && p[..5].eq_ignore_ascii_case("INBOX") {
        let rest = &p[5..];
        if rest.is_empty() || rest.starts_with(['/', '*', '%']) {
            return format!("INBOX{rest}");
        }
    }
    p.to_string()
}

fn store_fail(e: crate::store::StoreError) -> Fail {
    use crate::store::StoreError;
    match e {
        StoreError::NoSuchMailbox(m) => Fail::No(crate::tr_en!(
            "server.imap.nonexistent_mailbox_does_not",
            mailbox = m
        )),
        StoreError::AlreadyExists(m) => Fail::No(crate::tr_en!(
            "server.imap.alreadyexists_mailbox_already_exists",
            mailbox = m
        )),
        StoreError::Cannot(why) => Fail::No(format!("[CANNOT] {why}")),
        StoreError::NoSuchUser(u) => {
            Fail::No(crate::tr_en!("server.imap.user_no_longer_exists", user = u))
        }
    }
}

impl ImapSession {
    /// CREATE (RFC 3501 §6.3.3); missing parents are created too.
    pub(super) fn cmd_create(&mut self, a: &mut Args) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.new_mailbox_name")))?;
        let raw = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.end())?;
        let name = mailbox_name(&raw)?;
        creatable(&name)?;
        let user = self.user().unwrap_or_default().to_string();
        if canonical_name(&name) == "INBOX" {
            return Err(Fail::No(crate::tr_en!(
                "server.imap.alreadyexists_inbox_always_exists"
            )));
        }
        let max = self.config.max_mailboxes;
        let count = self
            .store
            .read(|i| i.users.get(&user).map_or(0, |u| u.mailboxes.len()));
        if count >= max {
            let why = crate::tr_en!("server.imap.mailbox_limit", count = count);
            return Err(Fail::No(format!("[LIMIT] {why}")));
        }
        self.store
            .write(|i| i.create_mailbox(&user, &name))
            .map_err(store_fail)?;
        Ok(Some("CREATE completed".into()))
    }

    /// DELETE (RFC 3501 §6.3.4).
    pub(super) fn cmd_delete(&mut self, a: &mut Args) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_name_2")))?;
        let raw = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.end())?;
        let name = mailbox_name(&raw)?;
        let user = self.user().unwrap_or_default().to_string();
        self.store
            .write(|i| i.delete_mailbox(&user, &name))
            .map_err(store_fail)?;
        Ok(Some("DELETE completed".into()))
    }

    /// RENAME (RFC 3501 §6.3.5), INBOX special case included.
    pub(super) fn cmd_rename(&mut self, a: &mut Args) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.existing_mailbox_name")))?;
        let from = syntax(a.astring(&crate::tr_en!("server.imap.existing_mailbox_name_2")))?;
        syntax(a.sp(&crate::tr_en!("server.imap.new_mailbox_name_2")))?;
        let to = syntax(a.astring(&crate::tr_en!("server.imap.new_mailbox_name_3")))?;
        syntax(a.end())?;
        let from = mailbox_name(&from)?;
        let to = mailbox_name(&to)?;
        creatable(&to)?;
        let user = self.user().unwrap_or_default().to_string();
        if canonical_name(&to) == "INBOX" {
            return Err(Fail::No(crate::tr_en!(
                "server.imap.alreadyexists_inbox_always_exists"
            )));
        }
        self.store
            .write(|i| i.rename_mailbox(&user, &from, &to))
            .map_err(store_fail)?;
        Ok(Some("RENAME completed".into()))
    }

    /// SUBSCRIBE / UNSUBSCRIBE (RFC 3501 §6.3.6, §6.3.7).
    pub(super) fn cmd_subscribe(&mut self, a: &mut Args, subscribe: bool) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_name_2")))?;
        let raw = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.end())?;
        let name = mailbox_name(&raw)?;
        let user = self.user().unwrap_or_default().to_string();
        let key = canonical_name(&name);
        self.store.write(|i| -> Result<(), Fail> {
            let u = i.user_mut(&user).map_err(store_fail)?;
            if subscribe {
                if !u.mailboxes.contains_key(&key) {
                    return Err(Fail::No(crate::tr_en!(
                        "server.imap.nonexistent_mailbox_does_not_2",
                        name = name
                    )));
                }
                u.subscriptions.insert(key);
            } else {
                u.subscriptions.remove(&key);
            }
            Ok(())
        })?;
        Ok(Some(format!(
            "{} completed",
            if subscribe {
                "SUBSCRIBE"
            } else {
                "UNSUBSCRIBE"
            }
        )))
    }

    /// LIST / LSUB with `*` and `%` (RFC 3501 §6.3.8, §6.3.9), CHILDREN and SPECIAL-USE
    /// attributes (RFC 3348, RFC 6154).
    pub(super) fn cmd_list(&mut self, a: &mut Args, lsub: bool, body: &mut Vec<u8>) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.reference_name_often")))?;
        let reference = syntax(a.astring(&crate::tr_en!("server.imap.reference_name")))?;
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_pattern_like")))?;
        let pattern = match a.peek() {
            Some(b'"') | Some(b'{') => {
                syntax(a.string(&crate::tr_en!("server.imap.what.pattern")))?
            }
            _ => {
                let r = a.rest();
                let end = r.iter().position(|&b| b == b' ').unwrap_or(r.len());
                let p = r[..end].to_vec();
                a.set_pos(a.pos() + end);
                p
            }
        };
        syntax(a.end())?;
        let cmd = if lsub { "LSUB" } else { "LIST" };
        if pattern.len() + reference.len() > 1024 {
            return Err(Fail::Bad(crate::tr_en!(
                "server.imap.reference_pattern_together_too"
            )));
        }
        let reference = mailbox_name(&reference)?;
        let pattern = match std::str::from_utf8(&pattern) {
            Ok(p) if !p.is_ascii() => {
                return Err(Fail::Bad(crate::tr_en!(
                    "server.imap.mailbox_patterns_travel_bit",
                    p = p,
                    p2 = mutf7::encode(p)
                )))
            }
            Ok(p) => p.to_string(),
            Err(_) => {
                return Err(Fail::Bad(crate::tr_en!(
                    "server.imap.pattern_not_valid_utf"
                )))
            }
        };
        if pattern.is_empty() {
            if !lsub {
                body.extend_from_slice(b"* LIST (\\Noselect) \"/\" \"\"\r\n");
            }
            return Ok(Some(format!("{cmd} completed")));
        }
        let full = canonical_pattern(&format!("{reference}{pattern}"));
        let user = self.user().unwrap_or_default().to_string();
        self.store.read(|inner| {
            let Ok(u) = inner.user(&user) else { return };
            let mut lines: BTreeMap<String, String> = BTreeMap::new();
            if lsub {
                for s in &u.subscriptions {
                    if wildcard_match(full.as_bytes(), s.as_bytes()) {
                        let attrs = match u.mailboxes.get(s) {
                            Some(m) if !m.noselect => "",
                            _ => "\\Noselect",
                        };
                        lines.insert(s.clone(), attrs.to_string());
                    }
                    // A '%' stops at a level: report unsubscribed parents as \Noselect.
                    for (i, ch) in s.char_indices() {
                        if ch == DELIMITER {
                            let parent = &s[..i];
                            if !u.subscriptions.contains(parent)
                                && wildcard_match(full.as_bytes(), parent.as_bytes())
                            {
                                lines
                                    .entry(parent.to_string())
                                    .or_insert_with(|| "\\Noselect".into());
                            }
                        }
                    }
                }
            } else {
                for (key, m) in &u.mailboxes {
                    if !wildcard_match(full.as_bytes(), key.as_bytes()) {
                        continue;
                    }
                    let mut attrs = Vec::new();
                    if m.noselect {
                        attrs.push("\\Noselect");
                    }
                    let prefix = format!("{key}{DELIMITER}");
                    let has_children = u
                        .mailboxes
                        .range(prefix.clone()..)
                        .next()
                        .is_some_and(|(k, _)| k.starts_with(&prefix));
                    attrs.push(if has_children {
                        "\\HasChildren"
                    } else {
                        "\\HasNoChildren"
                    });
                    if let Some(su) = m.special_use {
                        attrs.push(su.attribute());
                    }
                    lines.insert(key.clone(), attrs.join(" "));
                }
            }
            // INBOX first, as clients expect.
            let mut ordered: Vec<(&String, &String)> = lines.iter().collect();
            ordered.sort_by_key(|(k, _)| (k.as_str() != "INBOX", (*k).clone()));
            for (name, attrs) in ordered {
                body.extend_from_slice(format!("* {cmd} ({attrs}) \"/\" ").as_bytes());
                push_astring(body, name.as_bytes());
                body.extend_from_slice(b"\r\n");
            }
        });
        Ok(Some(format!("{cmd} completed")))
    }

    /// STATUS (RFC 3501 §6.3.10); the selected mailbox may be asked too.
    pub(super) fn cmd_status(&mut self, a: &mut Args, body: &mut Vec<u8>) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_name_2")))?;
        let raw = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.sp(&crate::tr_en!("server.imap.list_items_like_messages")))?;
        syntax(a.expect(
            b'(',
            &crate::tr_en!("server.imap.starting_list_status_items"),
        ))?;
        let mut items = Vec::new();
        loop {
            a.skip_sp();
            if a.eat(b')') {
                break;
            }
            let it =
                syntax(a.atom(&crate::tr_en!("server.imap.status_item")))?.to_ascii_uppercase();
            if !matches!(
                it.as_str(),
                "MESSAGES" | "RECENT" | "UIDNEXT" | "UIDVALIDITY" | "UNSEEN"
            ) {
                return Err(Fail::Syntax(crate::tr_en!(
                    "server.imap.not_status_item_use",
                    it = it
                )));
            }
            items.push(it);
        }
        if items.is_empty() {
            return Err(Fail::Syntax(crate::tr_en!(
                "server.imap.list_status_items_empty"
            )));
        }
        syntax(a.end())?;
        let name = mailbox_name(&raw)?;
        let user = self.user().unwrap_or_default().to_string();
        let key = canonical_name(&name);
        let own_recent = match &self.state {
            State::Selected(_, sel) if sel.key == key => sel.recent.len(),
            _ => 0,
        };
        let line = self.store.read(|inner| -> Result<String, Fail> {
            let mb = inner
                .users
                .get(&user)
                .and_then(|u| u.mailboxes.get(&key))
                .ok_or_else(|| {
                    Fail::No(crate::tr_en!(
                        "server.imap.nonexistent_mailbox_does_not_3",
                        name = name
                    ))
                })?;
            if mb.noselect {
                return Err(Fail::No(crate::tr_en!(
                    "server.imap.cannot_noselect_hierarchy_level",
                    name = name
                )));
            }
            let vals: Vec<String> = items
                .iter()
                .map(|it| {
                    let v = match it.as_str() {
                        "MESSAGES" => mb.messages.len(),
                        "RECENT" => mb.recent_count() + own_recent,
                        "UIDNEXT" => mb.uidnext as usize,
                        "UIDVALIDITY" => mb.uidvalidity as usize,
                        _ => mb.unseen_count(),
                    };
                    format!("{it} {v}")
                })
                .collect();
            let mut l = b"* STATUS ".to_vec();
            push_astring(&mut l, mb.name.as_bytes());
            Ok(format!(
                "{} ({})\r\n",
                String::from_utf8_lossy(&l),
                vals.join(" ")
            ))
        })?;
        body.extend_from_slice(line.as_bytes());
        Ok(Some("STATUS completed".into()))
    }

    /// APPEND with flags and date (RFC 3501 §6.3.11), answering APPENDUID (RFC 4315).
    pub(super) fn cmd_append(&mut self, a: &mut Args) -> CmdResult {
        syntax(a.sp(&crate::tr_en!("server.imap.mailbox_name_2")))?;
        let raw_name = syntax(a.astring(&crate::tr_en!("server.imap.mailbox_name")))?;
        syntax(a.sp(&crate::tr_en!("server.imap.message_as_literal")))?;
        let mut flags = Vec::new();
        if a.peek() == Some(b'(') {
            flags = syntax(a.flag_list(false))?;
            syntax(a.sp(&crate::tr_en!("server.imap.message_as_literal")))?;
        }
        let mut date = None;
        if a.peek() == Some(b'"') {
            date = Some(syntax(a.date_time())?);
            syntax(a.sp(&crate::tr_en!("server.imap.message_as_literal")))?;
        }
        if a.peek() != Some(b'{') {
            return Err(Fail::Syntax(crate::tr_en!(
                "server.imap.message_must_be_literal"
            )));
        }
        let raw = syntax(a.string(&crate::tr_en!("server.imap.what.message")))?;
        syntax(a.end())?;
        let name = mailbox_name(&raw_name)?;
        let flags = check_flags(&flags)?;
        let user = self.user().unwrap_or_default().to_string();
        let date = date.unwrap_or_else(|| self.config.clock.now());
        let msg = Message::new(raw, flags, date);
        let key = canonical_name(&name);
        let limits = self.config.limits;
        let max_keywords = self.config.max_keywords;
        let (uv, uid) = self.store.write(|inner| -> Result<(u32, u32), Fail> {
            let room = super::quota::room(inner, &user, msg.size() as u64, 0, &limits);
            let mb = inner
                .users
                .get_mut(&user)
                .and_then(|u| u.mailboxes.get_mut(&key))
                .filter(|m| !m.noselect)
                .ok_or_else(|| {
                    Fail::No(crate::tr_en!(
                        "server.imap.trycreate_mailbox_does_not",
                        name = name
                    ))
                })?;
            room?;
            super::checks::check_keyword_room(mb, &msg.flags, max_keywords)?;
            let uid = mb.push(msg);
            Ok((mb.uidvalidity, uid))
        })?;
        Ok(Some(format!("[APPENDUID {uv} {uid}] APPEND completed")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards() {
        assert!(wildcard_match(b"*", b"a/b/c"));
        assert!(wildcard_match(b"%", b"INBOX"));
        assert!(!wildcard_match(b"%", b"a/b"));
        assert!(wildcard_match(b"a/%", b"a/b"));
        assert!(!wildcard_match(b"a/%", b"a/b/c"));
        assert!(wildcard_match(b"a*c", b"a/b/c"));
        assert!(wildcard_match(b"%/%", b"a/b"));
        assert!(!wildcard_match(b"b", b"a"));
    }
}
