//! The IMAP server session driven from the outside, the way a client types at it:
//! whole lines in, wire bytes out. Covers the course notes' sessions, the RFC 3501
//! commands and extensions, teaching error texts, limits, and two sessions sharing
//! one mailbox.

use std::sync::Arc;

use chrono::DateTime;
use maillab::server::imap::ImapSession;
use maillab::server::{ServerConfig, Session};
use maillab::store::{Flags, Message, Store};

fn msg(subject: &str, body: &str) -> Message {
    let raw = format!(
        "From: Riley <riley@maillab.test>\r\nTo: alex@maillab.test\r\nSubject: {subject}\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <{subject}@maillab.test>\r\n\r\n{body}\r\n"
    );
    let date = DateTime::parse_from_rfc2822("Mon, 7 Feb 1994 21:52:25 -0800").unwrap();
    let mut m = Message::new(raw.into_bytes(), Flags::new(), date);
    // Seen by an earlier session, as the course's mailbox is: not \Recent.
    m.recent_owner = Some(0);
    m
}

/// alex/drums: INBOX with "test" and "another test", newbox with six messages.
fn course_store() -> Arc<Store> {
    let s = Store::new();
    s.add_user("alex", "drums");
    s.add_user("riley", "firefly");
    s.append("alex", "INBOX", msg("test", "hello")).unwrap();
    s.append("alex", "INBOX", msg("another test", "second body"))
        .unwrap();
    s.write(|i| i.create_mailbox("alex", "newbox")).unwrap();
    for n in 1..=6 {
        s.append("alex", "newbox", msg(&format!("news {n}"), "x"))
            .unwrap();
    }
    Arc::new(s)
}

struct Client {
    s: ImapSession,
    greeting: String,
}

impl Client {
    fn new(store: &Arc<Store>) -> Client {
        Client::with(store, ServerConfig::default())
    }
    fn with(store: &Arc<Store>, config: ServerConfig) -> Client {
        let mut s = ImapSession::new(store.clone(), config);
        let greeting = String::from_utf8(s.greeting().bytes).unwrap();
        Client { s, greeting }
    }
    /// Sends raw bytes, returns what the server answered.
    fn raw(&mut self, bytes: &[u8]) -> String {
        String::from_utf8_lossy(&self.s.receive(bytes).bytes).into_owned()
    }
    /// Sends one line (CRLF added).
    fn tx(&mut self, line: &str) -> String {
        self.raw(format!("{line}\r\n").as_bytes())
    }
    fn login(store: &Arc<Store>) -> Client {
        let mut c = Client::new(store);
        let r = c.tx("a0 LOGIN alex drums");
        assert!(r.starts_with("a0 OK [CAPABILITY "), "{r}");
        c
    }
}

fn count(store: &Arc<Store>, mailbox: &str) -> usize {
    store.read(|i| {
        i.user("alex")
            .unwrap()
            .mailbox(mailbox)
            .map_or(0, |m| m.messages.len())
    })
}

#[test]
fn greeting_lists_capabilities() {
    let store = course_store();
    let c = Client::new(&store);
    assert!(c.greeting.starts_with("* OK [CAPABILITY IMAP4rev1 "));
    for cap in [
        "IDLE",
        "UIDPLUS",
        "MOVE",
        "NAMESPACE",
        "ENABLE",
        "LITERAL-",
        "SASL-IR",
        "SPECIAL-USE",
        "ID",
        "UNSELECT",
        "CHILDREN",
        "AUTH=PLAIN",
        "AUTH=LOGIN",
    ] {
        assert!(
            c.greeting.contains(&format!(" {cap}")),
            "{cap} missing: {}",
            c.greeting
        );
    }
    assert!(
        !c.greeting.contains("STARTTLS"),
        "TLS is not available by default"
    );
    assert!(c.greeting.ends_with("] maillab mock IMAP server ready\r\n"));
}

/// Course notes file 001: SELECT newbox, STORE, STATUS, EXPUNGE, STATUS, LOGOUT.
#[test]
fn course_session_newbox_expunge() {
    let store = course_store();
    let mut c = Client::new(&store);
    assert!(c.tx("a1 LOGIN alex drums").starts_with("a1 OK"));
    let r = c.tx("a2 SELECT newbox");
    assert!(r.contains("* 6 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    assert!(r.contains("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"));
    assert!(r.contains("* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)]"));
    assert!(r.contains("* OK [UNSEEN 1]"));
    assert!(r.contains("* OK [UIDVALIDITY "));
    assert!(r.contains("* OK [UIDNEXT 7]"));
    assert!(r.ends_with("a2 OK [READ-WRITE] SELECT completed\r\n"));
    // The untagged responses come in the order the course notes show.
    let order = [
        "EXISTS",
        "RECENT",
        "[UIDVALIDITY",
        "[UIDNEXT",
        "* FLAGS",
        "[PERMANENTFLAGS",
        "[UNSEEN",
    ];
    let at: Vec<usize> = order.iter().map(|k| r.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{r}");
    assert_eq!(
        c.tx("a3 store 1 +flags \\DELETED"),
        "* 1 FETCH (FLAGS (\\Deleted))\r\na3 OK STORE completed\r\n"
    );
    assert_eq!(
        c.tx("a4 store 2 +flags \\DELETED"),
        "* 2 FETCH (FLAGS (\\Deleted))\r\na4 OK STORE completed\r\n"
    );
    assert_eq!(
        c.tx("a5 status newbox (messages unseen)"),
        "* STATUS newbox (MESSAGES 6 UNSEEN 6)\r\na5 OK STATUS completed\r\n"
    );
    assert_eq!(
        c.tx("a6 expunge"),
        "* 1 EXPUNGE\r\n* 1 EXPUNGE\r\n* 4 EXISTS\r\n* 0 RECENT\r\na6 OK EXPUNGE completed, 2 messages removed\r\n"
    );
    assert_eq!(
        c.tx("a7 status newbox (messages unseen)"),
        "* STATUS newbox (MESSAGES 4 UNSEEN 4)\r\na7 OK STATUS completed\r\n"
    );
    let out = c.s.receive(b"a8 logout\r\n");
    assert!(out.close);
    let r = String::from_utf8(out.bytes).unwrap();
    assert!(r.starts_with("* BYE maillab.test "), "{r}");
    assert!(r.ends_with("a8 OK LOGOUT completed\r\n"));
}

/// Course notes file 001: SEARCH HEADER SUBJECT and SEARCH UNSEEN on alex's INBOX.
#[test]
fn course_session_search() {
    let store = course_store();
    let mut c = Client::login(&store);
    let r = c.tx("a2 select inbox");
    assert!(r.contains("* 2 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    assert_eq!(
        c.tx("a3 search header subject test"),
        "* SEARCH 1 2\r\na3 OK SEARCH completed\r\n"
    );
    assert_eq!(
        c.tx("a4 search header subject another"),
        "* SEARCH 2\r\na4 OK SEARCH completed\r\n"
    );
    assert_eq!(
        c.tx("a5 search unseen"),
        "* SEARCH 1 2\r\na5 OK SEARCH completed\r\n"
    );
    assert_eq!(
        c.tx("a6 search seen"),
        "* SEARCH\r\na6 OK SEARCH completed\r\n"
    );
}

#[test]
fn search_criteria_combine() {
    let store = course_store();
    let mut c = Client::login(&store);
    c.tx("s SELECT newbox");
    c.tx("f STORE 2,4 +FLAGS (\\Flagged)");
    c.tx("g STORE 3 +FLAGS (\\Seen)");
    let cases = [
        ("FLAGGED", "2 4"),
        ("OR FLAGGED SEEN", "2 3 4"),
        ("NOT FLAGGED", "1 3 5 6"),
        ("(UNSEEN UNFLAGGED) 1:5", "1 5"),
        ("UID 2:3", "2 3"),
        ("5:*", "5 6"),
        ("SUBJECT \"news 3\"", "3"),
        ("FROM riley", "1 2 3 4 5 6"),
        ("BODY nothing-like-this", ""),
        ("LARGER 1", "1 2 3 4 5 6"),
        ("SMALLER 10", ""),
        ("ON 7-Feb-1994", "1 2 3 4 5 6"),
        ("BEFORE 7-Feb-1994", ""),
        ("SINCE 8-Feb-1994", ""),
        ("CHARSET UTF-8 TEXT news", "1 2 3 4 5 6"),
        ("HEADER Message-ID \"news 6@\"", "6"),
        ("OLD", "1 2 3 4 5 6"),
        ("NEW", ""),
        ("KEYWORD $Junk", ""),
    ];
    for (crit, want) in cases {
        let r = c.tx(&format!("q SEARCH {crit}"));
        let want = if want.is_empty() {
            "* SEARCH\r\n".to_string()
        } else {
            format!("* SEARCH {want}\r\n")
        };
        assert!(r.starts_with(&want), "SEARCH {crit}: {r}");
    }
    let r = c.tx("u UID SEARCH FLAGGED");
    assert!(r.starts_with("* SEARCH 2 4\r\n"), "{r}");
    let r = c.tx("b SEARCH CHARSET KOI8-R ALL");
    assert!(r.starts_with("b NO [BADCHARSET (UTF-8 US-ASCII)]"), "{r}");
    let r = c.tx("b SEARCH FROBNICATE");
    assert!(r.starts_with("b BAD SEARCH expects: "), "{r}");
    assert!(r.contains("FROBNICATE"), "{r}");
}

#[test]
fn errors_teach() {
    let store = course_store();
    let mut c = Client::new(&store);
    let r = c.tx("a1 SELECT INBOX");
    assert!(
        r.starts_with(
            "a1 BAD SELECT needs you to be logged in first: LOGIN or AUTHENTICATE (valid in: "
        ),
        "{r}"
    );
    assert!(r.contains("authenticated, selected"), "{r}");
    let r = c.tx("LOGIN alex drums");
    assert!(r.contains("tag is missing"), "{r}");
    let r = c.tx("a2 FROB");
    assert!(
        r.starts_with("a2 BAD \"FROB\" is not an IMAP command"),
        "{r}"
    );
    assert!(c
        .tx("a3 LOGIN alex wrong")
        .starts_with("a3 NO [AUTHENTICATIONFAILED]"));
    assert!(c.tx("a4 LOGIN alex drums").starts_with("a4 OK"));
    let r = c.tx("a5 SELECT");
    assert!(
        r.starts_with("a5 BAD SELECT expects: SELECT mailbox"),
        "{r}"
    );
    let r = c.tx("a6 FETCH 1 FLAGS");
    assert!(
        r.starts_with("a6 BAD FETCH needs a selected mailbox first"),
        "{r}"
    );
    let r = c.tx("a7 SELECT nosuch");
    assert_eq!(
        r,
        "a7 NO [NONEXISTENT] mailbox \"nosuch\" does not exist (LIST \"\" \"*\" shows the mailboxes)\r\n"
    );
    let r = c.tx("a8 LOGIN alex drums");
    assert!(r.contains("only allowed before login"), "{r}");
    c.tx("a9 SELECT INBOX");
    let r = c.tx("b1 FETCH 3 FLAGS");
    assert!(
        r.starts_with("b1 BAD there is no message 3: this mailbox has 2 messages"),
        "{r}"
    );
    let r = c.tx("b2 STORE 1 FLAGS (\\Bogus)");
    assert!(r.starts_with("b2 BAD \\Bogus is not a system flag"), "{r}");
    let r = c.tx("b3 FETCH 1 (FLAGS");
    assert!(r.starts_with("b3 BAD FETCH expects: "), "{r}");
    let r = c.tx("b4 FETCH 0 FLAGS");
    assert!(r.contains("start at 1"), "{r}");
    // RFC 5161 §3.1: ENABLE only in the authenticated state.
    let r = c.tx("b5 ENABLE UTF8=ACCEPT");
    assert!(
        r.starts_with("b5 BAD ENABLE is only allowed while no mailbox is selected"),
        "{r}"
    );
}

#[test]
fn raw_utf8_mailbox_name_explains_modified_utf7() {
    let store = course_store();
    let mut c = Client::login(&store);
    let r = c.tx("c1 CREATE \"مرحبا\"");
    assert!(
        r.starts_with("c1 BAD mailbox names travel as 7-bit modified UTF-7 (RFC 3501 §5.1.3)"),
        "{r}"
    );
    let encoded = maillab::server::imap::mutf7::encode("مرحبا");
    assert!(r.contains(&encoded), "{r}");
    assert_eq!(
        c.tx(&format!("c2 CREATE {encoded}")),
        "c2 OK CREATE completed\r\n"
    );
    let r = c.tx("c3 LIST \"\" *");
    assert!(r.contains(&format!("\"/\" {encoded}\r\n")), "{r}");
    let r = c.raw(b"c4 SELECT \xff\xfe\r\n");
    assert!(
        r.starts_with("c4 BAD the mailbox name is not valid UTF-8"),
        "{r}"
    );
    let r = c.tx("c5 CREATE &Jjo");
    assert!(r.starts_with("c5 NO [CANNOT]"), "{r}");
}

#[test]
fn limits_and_bad_input() {
    let store = course_store();
    let cfg = ServerConfig {
        max_literal: 1000,
        ..ServerConfig::default()
    };
    let mut c = Client::with(&store, cfg);
    c.tx("a LOGIN alex drums");
    // Over the limit: NO [TOOBIG] and no continuation request.
    let r = c.tx("t1 APPEND INBOX {1001}");
    assert!(r.starts_with("t1 NO [TOOBIG]"), "{r}");
    assert!(!r.contains("+ "), "{r}");
    // Not a 32-bit number at all.
    let r = c.tx("t2 APPEND INBOX {4294967296}");
    assert!(
        r.starts_with("t2 BAD literal size {4294967296} is not a valid 32-bit number"),
        "{r}"
    );
    // Non-synchronizing over the limit: the octets are skipped, then TOOBIG.
    let mut big = b"t3 APPEND INBOX {1500+}\r\n".to_vec();
    big.extend(std::iter::repeat_n(b'x', 1500));
    big.extend_from_slice(b"\r\nt4 NOOP\r\n");
    let r = c.raw(&big);
    assert!(r.starts_with("t3 NO [TOOBIG]"), "{r}");
    assert!(r.ends_with("t4 OK NOOP completed\r\n"), "{r}");
    // A line over 64 KiB.
    let mut long = b"t5 NOOP ".to_vec();
    long.extend(std::iter::repeat_n(b'a', 70 * 1024));
    long.extend_from_slice(b"\r\nt6 NOOP\r\n");
    let r = c.raw(&long);
    assert!(
        r.starts_with("t5 BAD the line is longer than 64 KiB"),
        "{r}"
    );
    assert!(r.ends_with("t6 OK NOOP completed\r\n"), "{r}");
    // NUL bytes.
    let r = c.raw(b"t7 SELECT IN\0BOX\r\n");
    assert!(
        r.starts_with("t7 BAD the command contains a NUL byte"),
        "{r}"
    );
    // Unbalanced parentheses.
    let r = c.tx("t8 STATUS INBOX (MESSAGES");
    assert!(r.starts_with("t8 BAD STATUS expects"), "{r}");
    assert_eq!(count(&store, "INBOX"), 2, "nothing was stored");
}

#[test]
fn ten_thousand_pipelined_commands() {
    let store = course_store();
    let mut c = Client::login(&store);
    let mut input = Vec::new();
    for i in 0..10_000 {
        input.extend_from_slice(format!("n{i} NOOP\r\n").as_bytes());
    }
    let r = c.raw(&input);
    assert_eq!(r.matches(" OK NOOP completed\r\n").count(), 10_000);
    assert!(r.ends_with("n9999 OK NOOP completed\r\n"));
}

#[test]
fn interrupted_append_stores_nothing() {
    let store = course_store();
    let mut c = Client::login(&store);
    let r = c.tx("p1 APPEND INBOX {100}");
    assert_eq!(r, "+ Ready for literal data\r\n");
    assert_eq!(c.raw(&[b'y'; 50]), "");
    c.s.disconnected();
    assert_eq!(count(&store, "INBOX"), 2);
}

#[test]
fn append_literals_and_uidplus() {
    let store = course_store();
    let mut c = Client::login(&store);
    let body = "From: a@b\r\nSubject: hi\r\n\r\nhello\r\n";
    let r = c.tx(&format!(
        "p1 APPEND INBOX (\\Seen $Work) \" 7-Feb-1994 21:52:25 -0800\" {{{}}}",
        body.len()
    ));
    assert_eq!(r, "+ Ready for literal data\r\n");
    // The literal is the body; the command line still needs its own CRLF after it.
    assert_eq!(c.raw(body.as_bytes()), "");
    let r = c.raw(b"\r\n");
    assert!(r.starts_with("p1 OK [APPENDUID "), "{r}");
    assert!(r.ends_with(" 3] APPEND completed\r\n"), "{r}");
    // LITERAL+: no continuation.
    let r = c.raw(format!("p2 APPEND INBOX {{{}+}}\r\n{body}\r\n", body.len()).as_bytes());
    assert!(
        r.starts_with("p2 OK [APPENDUID ") && r.contains(" 4]"),
        "{r}"
    );
    let r = c.tx("p3 APPEND nosuch {1+}\r\nx");
    assert!(r.starts_with("p3 NO [TRYCREATE]"), "{r}");
    let r = c.tx("p4 SELECT INBOX");
    assert!(r.contains("* 4 EXISTS"), "{r}");
    assert!(r.contains("$Work"), "keywords appear in FLAGS: {r}");
    let r = c.tx("p5 FETCH 3 (FLAGS INTERNALDATE RFC822.SIZE)");
    assert!(
        r.starts_with(&format!(
            "* 3 FETCH (FLAGS ($Work \\Seen \\Recent) INTERNALDATE \"07-Feb-1994 21:52:25 -0800\" RFC822.SIZE {})",
            body.len()
        )) || r.starts_with(&format!(
            "* 3 FETCH (FLAGS (\\Seen $Work \\Recent) INTERNALDATE \"07-Feb-1994 21:52:25 -0800\" RFC822.SIZE {})",
            body.len()
        )),
        "{r}"
    );
}

#[test]
fn fetch_items_and_seen() {
    let store = course_store();
    let mut c = Client::login(&store);
    c.tx("s SELECT INBOX");
    let raw1 = "From: Riley <riley@maillab.test>\r\nTo: alex@maillab.test\r\nSubject: test\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <test@maillab.test>\r\n\r\nhello\r\n";
    let header_len = raw1.find("\r\n\r\n").unwrap() + 4;
    let r = c.tx("f1 FETCH 1 (UID BODY.PEEK[HEADER])");
    assert_eq!(
        r,
        format!(
            "* 1 FETCH (UID 1 BODY[HEADER] {{{header_len}}}\r\n{})\r\nf1 OK FETCH completed\r\n",
            &raw1[..header_len]
        )
    );
    let r = c.tx("f2 FETCH 1 BODY.PEEK[]<0.4>");
    assert_eq!(
        r,
        "* 1 FETCH (BODY[]<0> {4}\r\nFrom)\r\nf2 OK FETCH completed\r\n"
    );
    let r = c.tx("f3 FETCH 1 FLAGS");
    assert!(
        r.starts_with("* 1 FETCH (FLAGS ())"),
        ".PEEK leaves \\Seen unset: {r}"
    );
    let r = c.tx("f4 FETCH 1 BODY[TEXT]");
    assert_eq!(
        r,
        "* 1 FETCH (BODY[TEXT] {7}\r\nhello\r\n FLAGS (\\Seen))\r\nf4 OK FETCH completed\r\n"
    );
    let r = c.tx("f5 UID FETCH 2 RFC822.SIZE");
    assert!(r.starts_with("* 2 FETCH (UID 2 RFC822.SIZE "), "{r}");
    let r = c.tx("f6 FETCH 1:2 FAST");
    assert!(
        r.contains("* 2 FETCH (FLAGS () INTERNALDATE \"07-Feb-1994 21:52:25 -0800\" RFC822.SIZE "),
        "{r}"
    );
    let r = c.tx("f7 UID FETCH 100:* UID");
    assert_eq!(
        r, "* 2 FETCH (UID 2)\r\nf7 OK UID FETCH completed\r\n",
        "n:* includes the last"
    );
    c.tx("e EXAMINE INBOX");
    let r = c.tx("f8 FETCH 2 RFC822");
    assert!(!r.contains("\\Seen"), "EXAMINE never sets \\Seen: {r}");
    let r = c.tx("f9 STORE 1 +FLAGS (\\Flagged)");
    assert!(r.starts_with("f9 NO [READ-ONLY]"), "{r}");
}

#[test]
fn mailbox_management_and_list() {
    let store = course_store();
    let mut c = Client::login(&store);
    assert_eq!(c.tx("m1 CREATE work/2024/"), "m1 OK CREATE completed\r\n");
    assert!(c.tx("m2 CREATE work").starts_with("m2 NO [ALREADYEXISTS]"));
    assert!(c.tx("m3 CREATE inbox").starts_with("m3 NO [ALREADYEXISTS]"));
    let r = c.tx("m4 LIST \"\" *");
    assert!(
        r.starts_with("* LIST (\\HasNoChildren) \"/\" INBOX\r\n"),
        "{r}"
    );
    assert!(r.contains("* LIST (\\HasChildren) \"/\" work\r\n"), "{r}");
    assert!(
        r.contains("* LIST (\\HasNoChildren) \"/\" work/2024\r\n"),
        "{r}"
    );
    assert!(
        r.contains("* LIST (\\HasNoChildren \\Sent) \"/\" Sent\r\n"),
        "{r}"
    );
    assert!(
        r.contains("* LIST (\\HasNoChildren \\Trash) \"/\" Trash\r\n"),
        "{r}"
    );
    let r = c.tx("m5 LIST \"\" %");
    assert!(!r.contains("work/2024"), "{r}");
    let r = c.tx("m6 LIST work/ %");
    assert_eq!(
        r,
        "* LIST (\\HasNoChildren) \"/\" work/2024\r\nm6 OK LIST completed\r\n"
    );
    assert_eq!(
        c.tx("m7 LIST \"\" \"\""),
        "* LIST (\\Noselect) \"/\" \"\"\r\nm7 OK LIST completed\r\n"
    );
    assert_eq!(c.tx("m8 RENAME work job"), "m8 OK RENAME completed\r\n");
    let r = c.tx("m9 LIST \"\" job*");
    assert!(r.contains("\"/\" job/2024\r\n"), "children move along: {r}");
    assert!(c
        .tx("n1 RENAME nosuch x")
        .starts_with("n1 NO [NONEXISTENT]"));
    assert!(c
        .tx("n2 RENAME job Sent")
        .starts_with("n2 NO [ALREADYEXISTS]"));
    assert_eq!(c.tx("n3 DELETE job"), "n3 OK DELETE completed\r\n");
    let r = c.tx("n4 LIST \"\" job");
    assert!(
        r.contains("(\\Noselect \\HasChildren)"),
        "a parent with children stays \\Noselect: {r}"
    );
    assert!(c.tx("n5 DELETE INBOX").starts_with("n5 NO [CANNOT]"));
    assert!(c.tx("n6 DELETE nosuch").starts_with("n6 NO [NONEXISTENT]"));
    // INBOX rename: messages move, INBOX stays.
    assert_eq!(
        c.tx("n7 RENAME INBOX old-inbox"),
        "n7 OK RENAME completed\r\n"
    );
    assert_eq!(count(&store, "INBOX"), 0);
    assert_eq!(count(&store, "old-inbox"), 2);
    // Subscriptions and LSUB.
    assert_eq!(
        c.tx("s1 SUBSCRIBE job/2024"),
        "s1 OK SUBSCRIBE completed\r\n"
    );
    let r = c.tx("s2 LSUB \"\" *");
    assert!(r.contains("* LSUB () \"/\" job/2024"), "{r}");
    assert!(r.contains("* LSUB () \"/\" Sent"), "{r}");
    let r = c.tx("s3 LSUB \"\" job/%");
    assert!(r.contains("\"/\" job/2024\r\n"), "{r}");
    let r = c.tx("s4 LSUB \"\" %");
    assert!(r.contains("* LSUB (\\Noselect) \"/\" job"), "{r}");
    assert_eq!(
        c.tx("s5 UNSUBSCRIBE job/2024"),
        "s5 OK UNSUBSCRIBE completed\r\n"
    );
    assert!(!c.tx("s6 LSUB \"\" *").contains("job"));
    // Extensions.
    assert_eq!(
        c.tx("x1 NAMESPACE"),
        "* NAMESPACE ((\"\" \"/\")) NIL NIL\r\nx1 OK NAMESPACE completed\r\n"
    );
    assert!(c
        .tx("x2 ID (\"name\" \"test\")")
        .starts_with("* ID (\"name\" \"maillab\""));
    assert!(c.tx("x3 ID NIL").contains("x3 OK ID completed"));
    assert!(c.tx("x4 ENABLE CONDSTORE").starts_with("* ENABLED\r\n"));
    let r = c.tx("x5 STATUS Sent (UIDNEXT MESSAGES UIDVALIDITY RECENT UNSEEN)");
    assert!(
        r.starts_with("* STATUS Sent (UIDNEXT 1 MESSAGES 0 UIDVALIDITY "),
        "{r}"
    );
    assert!(c
        .tx("x6 STATUS Sent (BOGUS)")
        .starts_with("x6 BAD STATUS expects"));
}

#[test]
fn copy_move_and_uid_expunge() {
    let store = course_store();
    let mut c = Client::login(&store);
    c.tx("s SELECT newbox");
    let r = c.tx("c1 COPY 1:2 Trash");
    assert!(r.starts_with("c1 OK [COPYUID "), "{r}");
    assert!(r.contains(" 1:2 1:2] COPY completed"), "{r}");
    assert_eq!(count(&store, "Trash"), 2);
    assert!(c.tx("c2 COPY 1 nosuch").starts_with("c2 NO [TRYCREATE]"));
    let r = c.tx("c3 UID MOVE 5:6 Trash");
    assert!(r.starts_with("* OK [COPYUID "), "{r}");
    assert!(
        r.contains(" 5:6 3:4] Moved\r\n* 5 EXPUNGE\r\n* 5 EXPUNGE\r\nc3 OK MOVE completed\r\n"),
        "{r}"
    );
    assert_eq!(count(&store, "newbox"), 4);
    c.tx("d1 STORE 1:4 +FLAGS.SILENT (\\Deleted)");
    let r = c.tx("d2 UID EXPUNGE 2:3");
    assert!(
        r.starts_with("* 2 EXPUNGE\r\n* 2 EXPUNGE\r\n* 2 EXISTS\r\n"),
        "{r}"
    );
    assert_eq!(count(&store, "newbox"), 2);
    // CLOSE expunges the rest silently.
    assert_eq!(
        c.tx("d3 CLOSE"),
        "d3 OK CLOSE completed, no mailbox is selected now\r\n"
    );
    assert_eq!(count(&store, "newbox"), 0);
    assert!(c
        .tx("d4 FETCH 1 FLAGS")
        .starts_with("d4 BAD FETCH needs a selected mailbox"));
    // UNSELECT does not expunge.
    c.tx("u1 SELECT Trash");
    c.tx("u2 STORE 1 +FLAGS (\\Deleted)");
    assert!(c.tx("u3 UNSELECT").starts_with("u3 OK"));
    assert_eq!(count(&store, "Trash"), 4);
}

#[test]
fn authenticate_plain_login_and_sasl_ir() {
    use base64::Engine;
    let b64 = |s: &[u8]| base64::engine::general_purpose::STANDARD.encode(s);
    let store = course_store();
    let mut c = Client::new(&store);
    let r = c.tx(&format!("a1 AUTHENTICATE PLAIN {}", b64(b"\0alex\0drums")));
    assert!(r.starts_with("a1 OK [CAPABILITY "), "{r}");
    let mut c = Client::new(&store);
    assert_eq!(c.tx("a2 AUTHENTICATE PLAIN"), "+ \r\n");
    assert!(c
        .tx(&b64(b"\0alex\0wrong"))
        .starts_with("a2 NO [AUTHENTICATIONFAILED]"));
    assert_eq!(c.tx("a3 AUTHENTICATE LOGIN"), "+ VXNlcm5hbWU6\r\n");
    assert_eq!(c.tx(&b64(b"riley")), "+ UGFzc3dvcmQ6\r\n");
    assert!(c.tx(&b64(b"firefly")).starts_with("a3 OK "));
    let mut c = Client::new(&store);
    c.tx("a4 AUTHENTICATE PLAIN");
    assert_eq!(c.tx("*"), "a4 BAD AUTHENTICATE cancelled by the client\r\n");
    assert!(c.tx("a5 AUTHENTICATE GSSAPI").starts_with("a5 NO [CANNOT]"));
    assert!(c.tx("a6 AUTHENTICATE PLAIN !!!").starts_with("a6 BAD "));
}

#[test]
fn starttls_and_logindisabled() {
    let store = course_store();
    let mut c = Client::new(&store);
    let r = c.tx("t1 STARTTLS");
    assert!(r.starts_with("t1 NO STARTTLS is not available"), "{r}");
    let cfg = ServerConfig {
        tls_available: true,
        require_tls: true,
        ..ServerConfig::default()
    };
    let mut c = Client::with(&store, cfg);
    assert!(c.greeting.contains(" STARTTLS"));
    assert!(c.greeting.contains(" LOGINDISABLED"));
    assert!(!c.greeting.contains("AUTH=PLAIN"));
    assert!(c
        .tx("t2 LOGIN alex drums")
        .starts_with("t2 NO [PRIVACYREQUIRED]"));
    // Bytes pipelined after STARTTLS are discarded (CVE-2011-0411).
    let out = c.s.receive(b"t3 STARTTLS\r\nt4 LOGIN alex drums\r\n");
    assert!(out.start_tls);
    assert_eq!(out.bytes, b"t3 OK Begin TLS negotiation now\r\n");
    c.s.tls_started();
    let r = c.tx("t5 CAPABILITY");
    assert!(
        !r.contains("STARTTLS") && !r.contains("LOGINDISABLED") && r.contains("AUTH=PLAIN"),
        "{r}"
    );
    assert!(c.tx("t6 LOGIN alex drums").starts_with("t6 OK"));
}

#[test]
fn bare_lf_and_empty_lines_are_accepted() {
    let store = course_store();
    let mut c = Client::new(&store);
    let r = c.raw(b"\na1 LOGIN alex drums\na2 SELECT INBOX\n");
    assert!(r.starts_with("a1 OK"), "{r}");
    assert!(
        r.ends_with("a2 OK [READ-WRITE] SELECT completed\r\n"),
        "{r}"
    );
    // A literal announced on a bare-LF line.
    let r = c.raw(b"a3 SEARCH SUBJECT {7}\n");
    assert_eq!(r, "+ Ready for literal data\r\n");
    assert_eq!(
        c.raw(b"another\n"),
        "* SEARCH 2\r\na3 OK SEARCH completed\r\n"
    );
}

#[test]
fn two_sessions_see_each_others_changes() {
    let store = course_store();
    let mut a = Client::login(&store);
    let mut b = Client::login(&store);
    a.tx("a SELECT newbox");
    b.tx("b SELECT newbox");
    b.tx("b1 STORE 2 +FLAGS (\\Seen)");
    assert_eq!(
        a.tx("a1 NOOP"),
        "* 2 FETCH (FLAGS (\\Seen))\r\na1 OK NOOP completed\r\n"
    );
    b.tx("b2 STORE 1,3 +FLAGS.SILENT (\\Deleted)");
    let r = b.tx("b3 EXPUNGE");
    assert!(r.starts_with("* 1 EXPUNGE\r\n* 2 EXPUNGE\r\n"), "{r}");
    // FETCH must not report the EXPUNGE; message 3 still has its number.
    let r = a.tx("a2 FETCH 3 UID");
    assert!(!r.contains("EXPUNGE"), "{r}");
    assert!(r.ends_with("a2 OK FETCH completed\r\n"), "{r}");
    assert!(
        !r.contains("* 3 FETCH (UID 3)"),
        "an expunged message is not returned: {r}"
    );
    let r = a.tx("a3 SEARCH ALL");
    assert!(!r.contains("EXPUNGE"), "{r}");
    let r = a.tx("a4 NOOP");
    assert!(r.contains("* 1 EXPUNGE\r\n* 2 EXPUNGE\r\n"), "{r}");
    let r = a.tx("a5 FETCH 1 UID");
    assert!(r.starts_with("* 1 FETCH (UID 2)"), "{r}");
    // A new message: EXISTS and \Recent for the first session to see it.
    store.append("alex", "newbox", msg("late", "x")).unwrap();
    let mut m = msg("later", "y");
    m.recent_owner = None;
    store.append("alex", "newbox", m).unwrap();
    let r = a.tx("a6 NOOP");
    assert!(r.starts_with("* 6 EXISTS\r\n* 1 RECENT\r\n"), "{r}");
    let r = b.tx("b4 NOOP");
    assert!(r.starts_with("* 6 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    // Keywords: FLAGS is announced before a FETCH that uses a new keyword.
    b.tx("b5 STORE 1 +FLAGS ($Important)");
    let r = a.tx("a7 NOOP");
    assert!(
        r.starts_with("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Important)\r\n"),
        "{r}"
    );
    assert!(r.contains("* 1 FETCH (FLAGS ($Important \\Seen))"), "{r}");
}

#[test]
fn idle_wakes_on_append() {
    let store = course_store();
    let mut a = Client::login(&store);
    a.tx("a SELECT INBOX");
    assert!(!a.s.wants_store_events());
    assert_eq!(a.tx("i IDLE"), "+ idling, send DONE to stop\r\n");
    assert!(a.s.wants_store_events());
    let mut b = Client::login(&store);
    let r = b.tx("p APPEND INBOX {1+}\r\nx");
    assert!(r.starts_with("p OK [APPENDUID"), "{r}");
    let out = a.s.store_changed();
    assert_eq!(
        String::from_utf8(out.bytes).unwrap(),
        "* 3 EXISTS\r\n* 1 RECENT\r\n"
    );
    assert_eq!(a.tx("DONE"), "i OK IDLE terminated\r\n");
    assert!(!a.s.wants_store_events());
    // Expunges reach an idling session too.
    a.tx("j IDLE");
    b.tx("s SELECT INBOX");
    b.tx("t STORE 1 +FLAGS.SILENT (\\Deleted)");
    b.tx("u EXPUNGE");
    let out = a.s.store_changed();
    assert_eq!(String::from_utf8(out.bytes).unwrap(), "* 1 EXPUNGE\r\n");
    assert_eq!(
        a.tx("nonsense"),
        "j BAD IDLE ends with a line saying just DONE (RFC 2177); IDLE stopped\r\n"
    );
}

#[test]
fn idle_timeout_says_bye() {
    let store = course_store();
    let mut c = Client::new(&store);
    let out = c.s.timed_out();
    assert!(out.close);
    assert!(
        String::from_utf8(out.bytes)
            .unwrap()
            .starts_with("* BYE idle for 3 minutes"),
        "before login the short timer applies"
    );
}

/// The same course sessions on the store `maillab` really starts with.
#[test]
fn course_sessions_on_the_default_store() {
    let store = Arc::new(maillab::store::fixture::default_store());
    let mut c = Client::login(&store);
    let r = c.tx("a2 SELECT newbox");
    assert!(r.contains("* 6 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    assert!(r.contains("* OK [UNSEEN 1]"), "{r}");
    c.tx("a3 store 1 +flags \\DELETED");
    c.tx("a4 store 2 +flags \\DELETED");
    assert!(c
        .tx("a5 status newbox (messages unseen)")
        .starts_with("* STATUS newbox (MESSAGES 6 UNSEEN 6)\r\n"));
    assert!(c
        .tx("a6 expunge")
        .starts_with("* 1 EXPUNGE\r\n* 1 EXPUNGE\r\n* 4 EXISTS\r\n* 0 RECENT\r\n"));
    assert!(c
        .tx("a7 status newbox (messages unseen)")
        .starts_with("* STATUS newbox (MESSAGES 4 UNSEEN 4)\r\n"));
    let r = c.tx("b2 select inbox");
    assert!(r.contains("* 2 EXISTS\r\n* 0 RECENT\r\n"), "{r}");
    assert!(c
        .tx("b3 search header subject test")
        .starts_with("* SEARCH 1 2\r\n"));
    assert!(c
        .tx("b4 search header subject another")
        .starts_with("* SEARCH 2\r\n"));
    assert!(c.tx("b5 search unseen").starts_with("* SEARCH 1 2\r\n"));
}

#[test]
fn non_synchronizing_append_cut_short_and_empty_literals() {
    let store = course_store();
    let mut c = Client::login(&store);
    // {N+}: no continuation; the client vanishes after half the octets.
    assert_eq!(c.raw(b"p1 APPEND INBOX {40+}\r\nSubject: half\r\n"), "");
    c.s.disconnected();
    assert_eq!(
        count(&store, "INBOX"),
        2,
        "an interrupted APPEND stores nothing"
    );
    // A zero-length literal is still a literal: continuation, then the line goes on.
    let mut c = Client::new(&store);
    assert_eq!(c.tx("p2 LOGIN {0}"), "+ Ready for literal data\r\n");
    let r = c.tx(" drums");
    assert!(r.starts_with("p2 NO [AUTHENTICATIONFAILED]"), "{r}");
    // A command that cannot succeed gets its answer instead of a continuation.
    let mut c = Client::login(&store);
    let r = c.tx("p3 LOGIN {5}");
    assert!(
        r.starts_with("p3 BAD LOGIN is only allowed before login"),
        "{r}"
    );
    assert_eq!(c.tx("p4 NOOP"), "p4 OK NOOP completed\r\n");
}
