"""Python imaplib saves every message of a mailbox: LOGIN, SELECT, SEARCH ALL,
FETCH n (RFC822) for each, written to OUTDIR/N.eml, then CLOSE and LOGOUT.

usage: imap_save.py HOST PORT USER PASSWORD OUTDIR [MAILBOX]

Prints `exists N`, `search 1 2 ...` and `saved N BYTES` lines.
"""
import imaplib
import os
import sys


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, user, password, outdir = sys.argv[1:6]
    mailbox = sys.argv[6] if len(sys.argv) > 6 else "INBOX"
    os.makedirs(outdir, exist_ok=True)
    imap = imaplib.IMAP4(host, int(port), timeout=30)
    imap.login(user, password)
    typ, data = imap.select(mailbox)
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
        with open(os.path.join(outdir, num.decode() + ".eml"), "wb") as f:
            f.write(raw)
        print("saved", num.decode(), len(raw))
    imap.close()
    imap.logout()
    return 0


if __name__ == "__main__":
    sys.exit(main())
