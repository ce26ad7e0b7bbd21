//! A second language is a new table, not new code: the Arabic table (partial)
//! drives the same explanation logic, and ids it lacks fall back to English.

use std::collections::BTreeSet;

use maillab::protocol::explain::{
    explain_body_in, explain_line, explain_line_in, explain_text_in, Context,
};
use maillab::protocol::text::{self, Language};
use maillab::protocol::{command, Protocol};

const AR_SOURCE: &str = include_str!("../src/protocol/lang/ar.toml");

fn arabic() -> Language {
    Language::from_toml(AR_SOURCE).expect("the Arabic table parses")
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i + 1..];
        match tail.find('}') {
            Some(end) => {
                let name = &tail[..end];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    out.insert(name.to_string());
                }
                rest = &tail[end + 1..];
            }
            None => break,
        }
    }
    out
}

#[test]
fn the_second_table_is_consistent_with_english() {
    let ar = arabic();
    let en = text::english();
    assert_eq!(ar.code(), "ar");
    assert!(
        ar.len() >= 20,
        "the Arabic table should cover the first lessons"
    );
    for id in ar.ids() {
        let en_text = en
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not an English id"));
        let ar_text = ar.get(id).unwrap();
        assert_eq!(
            placeholders(ar_text),
            placeholders(en_text),
            "{id}: the translation must use the same placeholders"
        );
    }
    // English is the language of explain_line until the program chooses another.
    assert!(std::ptr::eq(text::current(), text::english()));
    // The built-in copy is the same table.
    assert_eq!(text::builtin("ar").unwrap().len(), ar.len());
    assert!(text::builtin("xx").is_none());
}

#[test]
fn explanations_come_out_in_the_second_language() {
    let ar = arabic();
    let ctx = Context {
        state: "not-authenticated".into(),
        command: Some("SELECT INBOX".into()),
        tls: false,
        ..Default::default()
    };
    let line = "a1 BAD Command not permitted in this state";
    let in_ar = explain_line_in(&ar, Protocol::Imap, line, &ctx);
    let in_en = explain_line(Protocol::Imap, line, &ctx);
    assert_eq!(in_ar.len(), in_en.len());
    assert_eq!(in_ar[0].id, "imap.why.needs_login");
    assert_eq!(in_ar[0].id, in_en[0].id);
    assert_eq!(in_ar[0].rfc, in_en[0].rfc);
    assert!(is_arabic(&in_ar[0].text), "{}", in_ar[0].text);
    assert!(in_ar[0].text.contains("SELECT") && in_ar[0].text.contains("LOGIN"));
    assert!(in_ar[0].text.starts_with("BAD "));
    assert_ne!(in_ar[0].text, in_en[0].text);

    // Placeholders are filled in the translation too.
    let list = explain_line_in(
        &ar,
        Protocol::Imap,
        "* OK [UIDNEXT 4392] Predicted next UID",
        &Context::default(),
    );
    assert!(is_arabic(&list[0].text) && list[0].text.contains("4392"));

    // SMTP: the reply and the enhanced code's class and detail.
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "503 5.5.1 Error: need MAIL command",
        &Context {
            state: "greeted".into(),
            command: Some("RCPT TO:<alex@maillab.test>".into()),
            tls: false,
            ..Default::default()
        },
    );
    assert_eq!(list[0].id, "smtp.why.rcpt_before_mail");
    assert!(is_arabic(&list[0].text) && list[0].text.starts_with("503"));
    assert!(
        is_arabic(&list[1].text),
        "class text is translated: {}",
        list[1].text
    );

    // Bodies and pasted text go through the same table.
    let body = explain_body_in(&ar, Protocol::Imap, 42);
    assert!(is_arabic(&body.text) && body.text.contains("42"));
    let out = explain_text_in(&ar, Some(Protocol::Smtp), "220 mx.example ESMTP ready");
    assert!(is_arabic(&out[0].1[0].text));
}

#[test]
fn missing_ids_fall_back_to_english_one_by_one() {
    let ar = arabic();
    // [CLIENTBUG] is not translated: English text, same id.
    assert!(!ar.contains("imap.code.clientbug"));
    let list = explain_line_in(
        &ar,
        Protocol::Imap,
        "a1 OK [CLIENTBUG] Done, but you asked twice",
        &Context::default(),
    );
    let code = list
        .iter()
        .find(|e| e.id == "imap.code.clientbug")
        .expect("code explained");
    assert_eq!(
        code.text,
        text::english().get("imap.code.clientbug").unwrap()
    );
    // The translated detail of 5.7.9 with the translated class; 5.7.13's detail falls back.
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "534 5.7.9 Application-specific password required",
        &Context::default(),
    );
    let e = list.iter().find(|e| e.id == "smtp.enh.7.9").unwrap();
    assert!(is_arabic(&e.text));
    assert!(!ar.contains("smtp.enh.7.13"));
    let list = explain_line_in(
        &ar,
        Protocol::Smtp,
        "550 5.7.13 disabled",
        &Context::default(),
    );
    let e = list.iter().find(|e| e.id == "smtp.enh.7.13").unwrap();
    assert!(e.text.contains("user account disabled"), "{}", e.text);
    assert!(
        is_arabic(&e.text),
        "the class part is translated: {}",
        e.text
    );
    // Command summaries are looked up by their id.
    let select = command(Protocol::Imap, "SELECT").unwrap();
    assert!(is_arabic(ar.lookup(&select.summary_id).unwrap()));
    let unsub = command(Protocol::Imap, "UNSUBSCRIBE").unwrap();
    assert!(!ar.contains(&unsub.summary_id));
    assert_eq!(ar.lookup(&unsub.summary_id), Some(unsub.summary.as_str()));
}

#[test]
fn a_table_written_by_a_translator_loads_from_plain_toml() {
    // Any TOML text works: nested tables or dotted keys, with its own code.
    let src = "language = \"xx\"\n\
               \"imap.status.greeting\" = \"HELLO-XX\"\n\
               [imap.code]\n\
               trycreate = \"TRY-XX {code}\"\n";
    let xx = Language::from_toml(src).unwrap();
    assert_eq!(xx.code(), "xx");
    let list = explain_line_in(
        &xx,
        Protocol::Imap,
        "* OK ready",
        &Context::new(Protocol::Imap),
    );
    assert_eq!(list[0].text, "HELLO-XX");
    let list = explain_line_in(
        &xx,
        Protocol::Imap,
        "a1 NO [TRYCREATE] no",
        &Context::default(),
    );
    assert!(list.iter().any(|e| e.text == "TRY-XX TRYCREATE"));
    // Bad tables are refused with a message, not a panic.
    assert!(Language::from_toml("[imap]\ncode = 5").is_err());
    assert!(Language::from_toml("language = [").is_err());
}
