"""Python poplib against a POP3 server: USER/PASS, STAT, LIST, RETR of every
message (each saved as OUTDIR/N.eml), DELE of the messages named with --dele,
QUIT (RFC 1939).

usage: pop3_client.py HOST PORT USER PASSWORD OUTDIR [--dele N ...]

Prints one line per step, e.g. `stat 3 2048`, `list 1 512`, `retr 1 512 bytes`,
`dele 1 +OK ...`, `quit +OK ...`, so a test can check the exchange.
"""
import os
import poplib
import sys


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, user, password, outdir = sys.argv[1:6]
    rest = sys.argv[6:]
    dele = []
    if rest:
        if rest[0] != "--dele":
            print("unknown option " + rest[0], file=sys.stderr)
            return 2
        dele = [int(n) for n in rest[1:]]
    os.makedirs(outdir, exist_ok=True)

    pop = poplib.POP3(host, int(port), timeout=30)
    print("greeting", pop.getwelcome().decode("utf-8", "replace"))
    print("user", pop.user(user).decode("utf-8", "replace"))
    print("pass", pop.pass_(password).decode("utf-8", "replace"))
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
        with open(os.path.join(outdir, "%d.eml" % num), "wb") as f:
            f.write(raw)
        print("retr", num, octets, "bytes")
    for num in dele:
        print("dele", num, pop.dele(num).decode("utf-8", "replace"))
    print("quit", pop.quit().decode("utf-8", "replace"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
