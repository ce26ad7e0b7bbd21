"""Python poplib against a POP3 server: USER/PASS, STAT, LIST, RETR of every
message (each saved as OUTDIR/N.eml), DELE of the messages named with --dele,
QUIT (RFC 1939).

usage: pop3_client.py HOST PORT USER PASSWORD OUTDIR [--tls ssl|stls] [--dele N ...]

--tls ssl connects with POP3_SSL (implicit TLS, RFC 8314), --tls stls upgrades
with STLS (RFC 2595); both verify the certificate with Python's default SSL
context (SSL_CERT_FILE names the CA to trust).
Prints one line per step, e.g. `stat 3 2048`, `list 1 512`, `retr 1 512 bytes`,
`dele 1 +OK ...`, `quit +OK ...`, so a test can check the exchange.
"""
import argparse
import os
import poplib
import ssl
import sys


def main():
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("user")
    ap.add_argument("password")
    ap.add_argument("outdir")
    ap.add_argument("--tls", choices=["ssl", "stls"])
    ap.add_argument("--dele", type=int, nargs="*", default=[])
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)

    if a.tls == "ssl":
        pop = poplib.POP3_SSL(a.host, a.port, timeout=30, context=ssl.create_default_context())
    else:
        pop = poplib.POP3(a.host, a.port, timeout=30)
    print("greeting", pop.getwelcome().decode("utf-8", "replace"))
    if a.tls == "stls":
        print("stls", pop.stls(context=ssl.create_default_context()).decode("utf-8", "replace"))
    if a.tls:
        print("tls", pop.sock.version())
    print("user", pop.user(a.user).decode("utf-8", "replace"))
    print("pass", pop.pass_(a.password).decode("utf-8", "replace"))
    count, size = pop.stat()
    print("stat", count, size)
    resp, listing, _ = pop.list()
    for entry in listing:
        print("list", entry.decode("ascii", "replace"))
    for entry in listing:
        num = int(entry.split()[0])
        resp, lines, octets = pop.retr(num)
        # poplib strips the CRLF of each line and undoes dot-stuffing.
        raw = b"\r\n".join(lines) + b"\r\n"
        with open(os.path.join(a.outdir, "%d.eml" % num), "wb") as f:
            f.write(raw)
        print("retr", num, octets, "bytes")
    for num in a.dele:
        print("dele", num, pop.dele(num).decode("utf-8", "replace"))
    print("quit", pop.quit().decode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
