//! IMAP explanations: tagged and untagged status lines, response codes,
//! capabilities, untagged data and continuation requests (RFC 3501 §7).

use super::readers::{fetch_items, list_parts, section_meaning, MAX_DETAILS};
use super::{
    as_args, client_command, context_rule, decoded_challenge, id_segment, wording_rule,
    wrong_state_reason, Answered, Context, Out,
};
use crate::protocol::reply::{self, ImapKind};
use crate::protocol::Protocol;

pub(super) fn explain(out: &mut Out<'_>, line: &str, ctx: &Context) {
    let r = reply::imap(line);
    let answered = Answered::new(Protocol::Imap, ctx);
    match (r.kind, r.status.as_deref()) {
        (ImapKind::Continuation, _) => imap_continuation(out, &r, &answered, ctx),
        (ImapKind::Tagged, Some(status)) => {
            imap_tagged(out, &r, status, &answered, ctx);
            imap_code(out, &r);
            imap_warnings(out, status, &answered, ctx);
        }
        (ImapKind::Untagged, Some(status)) => {
            imap_untagged_status(out, &r, status, &answered, ctx);
            imap_code(out, &r);
        }
        (ImapKind::Untagged, None) => imap_data(out, &r, ctx),
        // The rest of a response after a literal's octets: ` FLAGS (\Seen))` or `)`.
        _ if line.starts_with([' ', ')']) => {
            out.push("imap.literal_rest", &[]);
            let items = format!("({}", line.trim_start());
            for (item, value) in fetch_items(&items) {
                let id = fetch_item_id(&item, &value);
                out.push(&id, &[("item", item.as_str()), ("value", value.as_str())]);
            }
        }
        _ => {
            if !client_command(out, Protocol::Imap, line) {
                out.push("imap.other", &[]);
            }
        }
    }
}

fn imap_continuation(
    out: &mut Out<'_>,
    r: &reply::ImapLine<'_>,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let name = answered.name().unwrap_or_default();
    let pushed = match name.as_str() {
        "AUTHENTICATE" => match decoded_challenge(r.text) {
            Some(d) => out.push(
                "imap.cont.sasl_decoded",
                &[("decoded", &d), ("base64", r.text)],
            ),
            None => out.push("imap.cont.sasl", &[]),
        },
        "IDLE" => out.push("imap.cont.idle", &[]),
        // Without a session, Dovecot's and others' `+ idling` still says which it is.
        "" if ctx.command.is_none() && r.text.trim().eq_ignore_ascii_case("idling") => {
            out.push("imap.cont.idle", &[])
        }
        _ if reply::literal_size(answered.args()).is_some() => out.push("imap.cont.literal", &[]),
        _ => false,
    };
    if !pushed {
        out.push("imap.cont.generic", &[]);
    }
}

fn imap_tagged(
    out: &mut Out<'_>,
    r: &reply::ImapLine<'_>,
    status: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let command = answered.name().unwrap_or_default();
    let base = [
        ("tag", r.tag),
        ("command", command.as_str()),
        ("text", r.text),
        ("status", status),
        ("mailbox", ctx.mailbox.as_deref().unwrap_or("")),
    ];
    if let Some(id) = context_rule(Protocol::Imap, status, answered, ctx) {
        if out.push(&out.in_mailbox(id, ctx), &base) {
            return;
        }
    }
    if status != "OK" {
        if let Some((id, args)) = wrong_state_reason(Protocol::Imap, answered, ctx) {
            let mut a = as_args(&args);
            a.push(("status", status));
            if out.push(&id, &a) {
                return;
            }
        }
    }
    if let Some(id) = wording_rule(Protocol::Imap, status, r.text) {
        if out.push(id, &base) {
            return;
        }
    }
    // A command's own text for BAD (e.g. a cancelled AUTHENTICATE) says more
    // than "the arguments do not parse".
    let own = answered.spec().map(|spec| {
        format!(
            "imap.after.{}.{}",
            id_segment(&spec.name),
            id_segment(status)
        )
    });
    if status == "BAD" && !own.as_deref().is_some_and(|id| out.has(id)) {
        if let Some(spec) = answered.spec() {
            let args = [
                ("command", command.as_str()),
                ("syntax", spec.syntax.as_str()),
            ];
            if out.push_rfc("imap.why.syntax", &args, Some(spec.rfc.clone())) {
                return;
            }
        }
    }
    if let (Some(spec), Some(id)) = (answered.spec(), own) {
        if out.has(&id) {
            out.push_rfc(&id, &base, Some(spec.rfc.clone()));
            return;
        }
    }
    // Without a command to name, the text must not show an empty `()`.
    let bare = if command.is_empty() { "_bare" } else { "" };
    let id = format!("imap.status.{}_tagged{bare}", id_segment(status));
    if !out.push(&id, &base) {
        out.push("imap.other", &[]);
    }
}

fn imap_untagged_status(
    out: &mut Out<'_>,
    r: &reply::ImapLine<'_>,
    status: &str,
    answered: &Answered<'_>,
    ctx: &Context,
) {
    let base = [("text", r.text)];
    if let Some(id) = wording_rule(Protocol::Imap, &format!("* {status}"), r.text) {
        if out.push(id, &base) {
            return;
        }
    }
    let greeting_time = answered.line.is_none()
        && (ctx.state.is_empty() || ctx.state == "not-authenticated")
        && r.code.as_deref().is_none_or(|c| c == "CAPABILITY");
    let id = match status {
        "OK" if greeting_time => "imap.status.greeting",
        // The code's own explanation says it all for `* OK [UIDNEXT 5] ...`.
        "OK" if r
            .code
            .as_deref()
            .is_some_and(|c| out.has(&format!("imap.code.{}", id_segment(c)))) =>
        {
            return
        }
        "OK" => "imap.status.ok_untagged",
        "NO" => "imap.status.no_untagged",
        "BAD" => "imap.status.bad_untagged",
        "PREAUTH" => "imap.status.preauth",
        "BYE" if answered.name().as_deref() == Some("LOGOUT") => "imap.status.bye_logout",
        "BYE" => "imap.status.bye",
        _ => "imap.other",
    };
    out.push(id, &base);
}

fn imap_code(out: &mut Out<'_>, r: &reply::ImapLine<'_>) {
    let Some(code) = r.code.as_deref() else {
        return;
    };
    let args = r.code_args.unwrap_or("");
    let mut words = args.split_ascii_whitespace();
    let (a1, a2, a3) = (
        words.next().unwrap_or(""),
        words.next().unwrap_or(""),
        words.next().unwrap_or(""),
    );
    let mut id = format!("imap.code.{}", id_segment(code));
    if code == "PERMANENTFLAGS" && args.trim() == "()" {
        // An empty list: no flag change will be kept.
        id.push_str("_none");
    }
    let named: Vec<(&str, &str)> = vec![
        ("args", args),
        ("code", code),
        ("value", a1),
        ("uidvalidity", a1),
        ("uid", a2),
        ("source", a2),
        ("dest", a3),
    ];
    if !out.push(&id, &named) {
        out.push("imap.code.unknown", &named);
    }
    // Each atom is explained in the greeting and in `* CAPABILITY`; the list a
    // tagged reply repeats (after LOGIN) gets the code's one line only.
    if code == "CAPABILITY" && r.kind != ImapKind::Tagged {
        imap_capabilities(out, args);
    }
}

fn imap_capabilities(out: &mut Out<'_>, atoms: &str) {
    let mut others: Vec<&str> = Vec::new();
    for atom in atoms.split_ascii_whitespace().take(MAX_DETAILS) {
        let full = format!("imap.cap.{}", id_segment(atom));
        let pushed = out.push(&full, &[("atom", atom)])
            || match atom.split_once('=') {
                Some((name, value)) => out.push(
                    &format!("imap.cap.{}", id_segment(name)),
                    &[("atom", atom), ("value", value)],
                ),
                None => false,
            };
        if !pushed {
            others.push(atom);
        }
    }
    if !others.is_empty() {
        out.push("imap.cap.others", &[("atoms", &others.join(" "))]);
    }
}

fn imap_data(out: &mut Out<'_>, r: &reply::ImapLine<'_>, ctx: &Context) {
    let keyword = r.keyword.as_deref().unwrap_or("");
    let n = r.number.map(|n| n.to_string()).unwrap_or_default();
    let kw_id = id_segment(keyword);
    match keyword {
        "CAPABILITY" => {
            out.push("imap.data.capability", &[]);
            imap_capabilities(out, r.text);
        }
        "SEARCH" | "SORT" => {
            let count = r
                .text
                .split_ascii_whitespace()
                .filter(|w| w.bytes().all(|b| b.is_ascii_digit()))
                .count();
            if count == 0 {
                out.push("imap.data.search_empty", &[]);
            } else {
                let c = count.to_string();
                out.push(
                    &format!("imap.data.{kw_id}"),
                    &[("count", &c), ("numbers", r.text)],
                );
            }
        }
        "LIST" | "LSUB" => {
            let (attrs, delim, name) = list_parts(r.text);
            let pushed = out.push(
                &format!("imap.data.{kw_id}"),
                &[("attributes", attrs), ("delimiter", delim), ("name", name)],
            );
            if pushed {
                for attr in attrs.split_ascii_whitespace().take(MAX_DETAILS) {
                    let id = format!("imap.attr.{}", id_segment(attr.trim_start_matches('\\')));
                    out.push(&id, &[]);
                }
            }
        }
        "STATUS" => {
            let (mailbox, items) = match r.text.find('(') {
                Some(i) => (r.text[..i].trim(), r.text[i..].trim()),
                None => (r.text.trim(), ""),
            };
            out.push(
                "imap.data.status",
                &[("mailbox", mailbox), ("items", items)],
            );
            // Each item on its own, with the RFC that defines it (SIZE: RFC 8438).
            let inner = items.trim_start_matches('(').trim_end_matches(')');
            let words: Vec<&str> = inner.split_ascii_whitespace().collect();
            for pair in words.chunks(2).take(MAX_DETAILS) {
                if let [item, value] = pair {
                    let id = format!("imap.status_item.{}", id_segment(item));
                    out.push(&id, &[("value", value), ("mailbox", mailbox)]);
                }
            }
        }
        "FLAGS" => {
            out.push("imap.data.flags", &[("flags", r.text)]);
        }
        "FETCH" => {
            out.push("imap.data.fetch", &[("n", &n)]);
            for (item, value) in fetch_items(r.text) {
                let (base, section) = match item.find(['[', '<']) {
                    Some(i) => (&item[..i], &item[i..]),
                    None => (item.as_str(), ""),
                };
                let id = if section.is_empty() {
                    fetch_item_id(base, &value)
                } else {
                    format!("imap.fetch.{}_section", id_segment(base))
                };
                let what = section_meaning(out.lang, section);
                let args = [
                    ("item", item.as_str()),
                    ("value", value.as_str()),
                    ("section", section),
                    ("what", what.as_str()),
                ];
                if !out.push(&id, &args) {
                    out.push("imap.fetch.unknown", &args);
                }
            }
        }
        _ => {
            // `* 6 EXISTS` names the mailbox the session has open.
            let id = out.in_mailbox(&format!("imap.data.{kw_id}"), ctx);
            let mailbox = ctx.mailbox.as_deref().unwrap_or("");
            if !out.push(&id, &[("n", &n), ("text", r.text), ("mailbox", mailbox)]) {
                out.push("imap.data.unknown", &[("keyword", keyword)]);
            }
        }
    }
}

/// Describes a FETCH section spec (`[1.2.HEADER]<0.100>`) in words, from the
/// language table's `imap.section.*` texts.
fn imap_warnings(out: &mut Out<'_>, status: &str, answered: &Answered<'_>, ctx: &Context) {
    let name = answered.name().unwrap_or_default();
    if status == "OK"
        && !ctx.tls
        && !ctx.state.is_empty()
        && (name == "LOGIN" || name == "AUTHENTICATE")
    {
        out.push("imap.warn.cleartext_login", &[]);
    }
}

/// The explanation id of a FETCH item without a section: `FLAGS` says whether
/// the message is unread (no `\Seen`), and that `()` means no flag at all.
fn fetch_item_id(item: &str, value: &str) -> String {
    if item.eq_ignore_ascii_case("FLAGS") {
        let inner = value.trim().trim_start_matches('(').trim_end_matches(')');
        if inner.trim().is_empty() {
            return "imap.fetch.flags_none".to_string();
        }
        if !inner
            .split_ascii_whitespace()
            .any(|f| f.eq_ignore_ascii_case("\\Seen"))
        {
            return "imap.fetch.flags_unread".to_string();
        }
    }
    format!("imap.fetch.{}", id_segment(item))
}
