//! One IMAP session replayed with its input split into chunks of every size from 1 to
//! 512 bytes: the server's replies must be byte-identical at every size. The script
//! has APPEND literals (synchronizing and `{N+}`), an AUTHENTICATE exchange, IDLE/DONE,
//! multi-line FETCH replies and bare-LF lines.

use std::sync::Arc;

use maillab::server::imap::ImapSession;
use maillab::server::{ServerConfig, Session};
use maillab::store::Store;

fn script() -> Vec<u8> {
    let msg1 = "From: Alex <alex@maillab.test>\r\nTo: riley@maillab.test\r\nSubject: chunks\r\nDate: Mon, 7 Feb 1994 21:52:25 -0800\r\n\r\nfirst line\r\nsecond line\r\n";
    let msg2 = "Subject: plus\r\n\r\nbody of the LITERAL+ message\r\n";
    let mut s = String::new();
    s.push_str("a1 CAPABILITY\r\n");
    // AUTHENTICATE PLAIN without initial response: "+ " then the base64 line.
    s.push_str("a2 AUTHENTICATE PLAIN\r\n");
    s.push_str("AGFsZXgAZHJ1bXM=\r\n");
    s.push_str(&format!(
        "a3 APPEND INBOX (\\Flagged) \"07-Feb-1994 21:52:25 -0800\" {{{}}}\r\n{msg1}\r\n",
        msg1.len()
    ));
    s.push_str(&format!(
        "a4 APPEND INBOX \"08-Feb-1994 10:00:00 +0000\" {{{}+}}\r\n{msg2}\r\n",
        msg2.len()
    ));
    s.push_str("a5 SELECT INBOX\r\n");
    s.push_str(
        "a6 FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (Subject)])\r\n",
    );
    s.push_str("a7 FETCH 1 BODY[]\n");
    s.push_str("a8 IDLE\r\nDONE\r\n");
    s.push_str("a9 SEARCH SUBJECT {4}\r\nplus\r\n");
    s.push_str("b1 STORE 1:2 +FLAGS ($Seen-by-test)\r\n");
    s.push_str("b2 UID FETCH 1:* (FLAGS BODY[TEXT]<0.10>)\r\n");
    s.push_str("b3 LIST \"\" *\r\n");
    s.push_str("b4 STATUS INBOX (MESSAGES UNSEEN UIDNEXT)\r\n");
    s.push_str("b5 LOGIN {4+}\r\nalex {5+}\r\ndrums\r\n");
    s.push_str("b6 NOOP\r\n");
    s.push_str("b7 LOGOUT\r\n");
    s.into_bytes()
}

fn run(input: &[u8], chunk: usize) -> Vec<u8> {
    let store = Store::new();
    store.add_user("alex", "drums");
    let mut session = ImapSession::new(Arc::new(store), ServerConfig::default());
    let mut out = session.greeting().bytes;
    for piece in input.chunks(chunk) {
        let o = session.receive(piece);
        out.extend_from_slice(&o.bytes);
        if o.close {
            break;
        }
    }
    out
}

#[test]
fn replies_are_identical_for_every_chunk_size() {
    let input = script();
    let reference = run(&input, input.len());
    let text = String::from_utf8_lossy(&reference);
    // The script really exercises what it claims to.
    for expect in [
        "+ \r\n",
        "a2 OK ",
        "+ Ready for literal data\r\n",
        "a3 OK [APPENDUID 1 1]",
        "a4 OK [APPENDUID 1 2]",
        "* 2 EXISTS\r\n",
        "BODY[HEADER.FIELDS (Subject)] {19}\r\nSubject: chunks\r\n\r\n",
        "* 1 FETCH (BODY[] {",
        "+ idling",
        "a8 OK IDLE terminated\r\n",
        "* SEARCH 2\r\n",
        "* FLAGS (",
        "a9 OK",
        "BODY[TEXT]<0> {10}\r\nfirst line",
        "b5 BAD LOGIN is only allowed before login",
        "b7 OK LOGOUT completed\r\n",
    ] {
        assert!(text.contains(expect), "missing {expect:?} in:\n{text}");
    }
    for chunk in 1..=512 {
        let got = run(&input, chunk);
        if got != reference {
            panic!(
                "chunk size {chunk} differs:\n{}\n--- expected ---\n{}",
                String::from_utf8_lossy(&got),
                text
            );
        }
    }
}
