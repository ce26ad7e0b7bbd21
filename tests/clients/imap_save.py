"""Python imaplib saves every message of a mailbox: LOGIN, SELECT, SEARCH ALL,
FETCH n (RFC822) for each, written to OUTDIR/N.eml, then CLOSE and LOGOUT.

usage: imap_save.py HOST PORT USER PASSWORD OUTDIR [--mailbox NAME] [--tls ssl|starttls]

--tls ssl connects with IMAP4_SSL (implicit TLS), --tls starttls upgrades with
STARTTLS (RFC 3501 §6.2.1); both verify the certificate with Python's default
SSL context (SSL_CERT_FILE names the CA to trust).
Prints `exists N`, `search 1 2 ...` and `saved N BYTES` lines.
"""
import argparse
import imaplib
import os
import ssl
import sys


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("user")
    ap.add_argument("password")
    ap.add_argument("outdir")
    ap.add_argument("--mailbox", default="INBOX")
    ap.add_argument("--tls", choices=["ssl", "starttls"])
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    if a.tls == "ssl":
        imap = imaplib.IMAP4_SSL(a.host, a.port, ssl_context=ssl.create_default_context(), timeout=30)
    else:
        imap = imaplib.IMAP4(a.host, a.port, timeout=30)
    if a.tls == "starttls":
        typ, data = imap.starttls(ssl_context=ssl.create_default_context())
        print("starttls", typ)
    if a.tls:
        print("tls", imap.sock.version())
    imap.login(a.user, a.password)
    typ, data = imap.select(a.mailbox)
    if typ != "OK":
        print("select failed", data, file=sys.stderr)
        return 1
    print("exists", int(data[0]))
    typ, data = imap.search(None, "ALL")
    nums = data[0].split()
    print("search", " ".join(n.decode() for n in nums))
    for num in nums:
        typ, data = imap.fetch(num, "(RFC822)")
        raw = next(item[1] for item in data if isinstance(item, tuple))
        with open(os.path.join(a.outdir, num.decode() + ".eml"), "wb") as f:
            f.write(raw)
        print("saved", num.decode(), len(raw))
    imap.close()
    imap.logout()
    return 0


if __name__ == "__main__":
    sys.exit(main())
