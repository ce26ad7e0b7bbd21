"""Drives or reads the lab server's store with imaplib/smtplib, for tests/serve_data.rs.

usage: data_state.py change|dump HOST IMAP_PORT SMTP_PORT
`change` stores, flags, expunges, creates and renames through real clients;
both modes then print every mailbox of alex and riley as JSON:
{user: {mailbox: [uidvalidity, uidnext, [[uid, sorted flags], ...]]}}.
"""
import imaplib
import json
import re
import smtplib
import sys

mode, host, iport, sport = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
USERS = {"alex": "drums", "riley": "firefly"}


def ok(res):
    typ, data = res
    assert typ == "OK", (typ, data)
    return data


def change():
    m = imaplib.IMAP4(host, iport)
    ok(m.login("alex", "drums"))
    ok(m.create("Lab/Entw&APw-rfe"))
    ok(m.create("Old"))
    ok(m.append("Old", None, None, b"Subject: moved\r\n\r\nkept across a rename\r\n"))
    ok(m.rename("Old", "Renamed"))
    ok(m.append("INBOX", r"(\Flagged $Lab)", None,
                b"From: a@maillab.test\r\nSubject: appended\r\n\r\nhello\r\n"))
    ok(m.append("Lab/Entw&APw-rfe", r"(\Draft)", None, b"Subject: d\r\n\r\nd\r\n"))
    ok(m.select("INBOX"))
    ok(m.uid("STORE", "1", "+FLAGS", r"(\Seen \Answered homework)"))
    ok(m.uid("STORE", "2", "+FLAGS", r"(\Deleted)"))
    ok(m.expunge())
    m.logout()
    s = smtplib.SMTP(host, sport, timeout=20)
    s.sendmail("alex@maillab.test", ["riley@maillab.test"],
               b"From: alex@maillab.test\r\nTo: riley@maillab.test\r\nSubject: by smtp\r\n\r\nhi\r\n")
    s.quit()


def dump():
    out = {}
    for user, pw in USERS.items():
        m = imaplib.IMAP4(host, iport)
        ok(m.login(user, pw))
        boxes = {}
        for line in ok(m.list()):
            name = line.decode().rsplit(" ", 1)[1].strip('"')
            if "\\Noselect" in line.decode():
                continue
            typ, _ = m.select('"%s"' % name, readonly=True)
            assert typ == "OK", name
            uv = int(m.response("UIDVALIDITY")[1][0])
            un = int(m.response("UIDNEXT")[1][0])
            msgs = []
            typ, data = m.uid("FETCH", "1:*", "(FLAGS RFC822.SIZE)")
            for d in data:
                if not d:
                    continue
                d = d.decode() if isinstance(d, bytes) else d[0].decode()
                uid = int(re.search(r"UID (\d+)", d).group(1))
                flags = sorted(f for f in re.search(r"FLAGS \(([^)]*)\)", d).group(1).split()
                               if f != "\\Recent")
                size = int(re.search(r"RFC822.SIZE (\d+)", d).group(1))
                msgs.append([uid, flags, size])
            boxes[name] = [uv, un, sorted(msgs)]
        m.logout()
        out[user] = boxes
    print(json.dumps(out, sort_keys=True))


if mode == "change":
    change()
dump()
