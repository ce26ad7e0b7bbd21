//! SMTP explanations: reply codes by command and state, EHLO keywords, real
//! servers' wording and RFC 3463 enhanced status codes.

use super::{
    as_args, client_command, context_rule, decoded_challenge, id_segment, rfc_of, sasl_mechanisms,
    wording_rule, wrong_state_reason, Answered, Context, Explanation, Out, Specificity,
};
use crate::protocol::reply::{self, EnhancedCode};
use crate::protocol::text::Language;
use crate::protocol::Protocol;

pub(super) fn explain(out: &mut Out<'_>, line: &str, ctx: &Context) {
    let Some(r) = reply::smtp(line) else {
        if !client_command(out, Protocol::Smtp, line) {
            out.push("smtp.other", &[]);
        }
        return;
    };
    let answered = Answered::new(Protocol::Smtp, ctx);
    let code = r.code.to_string();
    let command = answered.name().unwrap_or_default();
    let (kw, kw_value) = match r.text.split_once(' ') {
        Some((k, v)) => (k, v),
        None => (r.text, ""),
    };

    // EHLO keyword lines: `250-SIZE 10240000`, `250 STARTTLS`.
    if r.code == 250 && r.enhanced.is_none() && (command.is_empty() || command == "EHLO") {
        let kw_id = format!("smtp.ehlo.{}", id_segment(kw));
        let looks_like_keyword = !kw.is_empty()
            && kw
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-' || b == b'=');
        if looks_like_keyword
            && out.push(
                &kw_id,
                &[
                    ("keyword", kw),
                    ("value", kw_value),
                    ("size", &human_size(out.lang, kw_value)),
                ],
            )
        {
            if kw == "AUTH" {
                sasl_mechanisms(out, kw_value);
            }
            return;
        }
        if looks_like_keyword && command == "EHLO" && !r.text.contains('.') {
            out.push("smtp.ehlo.unknown", &[("keyword", kw), ("value", kw_value)]);
            return;
        }
    }

    let decoded = if r.code == 334 {
        decoded_challenge(r.text).unwrap_or_default()
    } else {
        String::new()
    };
    let base = [
        ("code", code.as_str()),
        ("command", command.as_str()),
        ("text", r.text),
        ("decoded", decoded.as_str()),
    ];
    let mut done = false;
    if let Some(id) = context_rule(Protocol::Smtp, &code, &answered, ctx) {
        done = out.push(id, &base);
    }
    if !done && matches!(r.code, 500 | 502 | 503 | 504) {
        if let Some((id, args)) = wrong_state_reason(Protocol::Smtp, &answered, ctx) {
            let mut a = as_args(&args);
            a.push(("code", &code));
            done = out.push(&id, &a);
        }
    }
    // A known server's own wording: its code and its text both match.
    if !done {
        if let Some(id) = wording_rule(Protocol::Smtp, &code, r.text) {
            done = out.push(id, &base);
        }
    }
    if !done && r.code == 501 {
        if let Some(spec) = answered.spec() {
            let args = [
                ("code", code.as_str()),
                ("command", command.as_str()),
                ("syntax", spec.syntax.as_str()),
            ];
            done = out.push_rfc("smtp.why.syntax", &args, Some(spec.rfc.clone()));
        }
    }
    if !done {
        if let Some(spec) = answered.spec() {
            let id = format!("smtp.after.{}.{}", id_segment(&spec.name), code);
            if out.has(&id) {
                done = out.push_rfc(&id, &base, Some(spec.rfc.clone()));
            }
        }
    }
    if !done {
        if r.code == 334 && decoded.is_empty() {
            done = out.push("smtp.reply.334_raw", &base);
        }
        if !done {
            done = out.push(&format!("smtp.reply.{code}"), &base);
        }
    }
    if !done {
        let class = format!("smtp.reply.class_{}", r.code / 100);
        if !out.push(&class, &base) {
            out.push("smtp.other", &[]);
        }
    }
    if let Some(e) = r.enhanced {
        smtp_enhanced(out, e);
    }
    if r.code == 235 && !ctx.tls && !ctx.state.is_empty() {
        out.push("smtp.warn.cleartext_auth", &[]);
    }
}

/// `10240000` -> `about 10 MB`, `0` -> no fixed limit; empty when not a number.
fn human_size(lang: &Language, s: &str) -> String {
    match s.trim().parse::<u64>() {
        Ok(0) => lang.text("smtp.size.unlimited", &[]).unwrap_or_default(),
        Ok(n) => super::size_words(lang, n),
        Err(_) => String::new(),
    }
}

/// Explains an RFC 3463 enhanced status code: its class, then its subject.detail.
fn smtp_enhanced(out: &mut Out<'_>, e: EnhancedCode) {
    let code = e.to_string();
    let class = out
        .lang
        .text(&format!("smtp.enh_class.{}", e.class), &[])
        .unwrap_or_default();
    let mut id = format!("smtp.enh.{}.{}", e.subject, e.detail);
    // X.7.0 reads "security or policy status"; as a success (2.7.0 after AUTH,
    // RFC 4954 §6) it means the authentication succeeded.
    if e.class == 2 && e.subject == 7 && e.detail == 0 {
        id.push_str("_success");
    }
    let detail_id = if out.has(&id) {
        id
    } else {
        // An unregistered detail: fall back to the subject's "other" code X.S.0.
        format!("smtp.enh.{}.0", e.subject)
    };
    let detail = match out.lang.text(&detail_id, &[]) {
        Some(t) => t,
        None => {
            out.push("smtp.enh.unknown", &[("code", &code), ("class", &class)]);
            return;
        }
    };
    let text = out
        .lang
        .text(
            "smtp.enh_template",
            &[("code", &code), ("class", &class), ("detail", &detail)],
        )
        .unwrap_or(detail);
    out.list.push(Explanation {
        specificity: Specificity::Code,
        rfc: rfc_of(&detail_id).map(str::to_string),
        id: detail_id,
        text,
    });
}
