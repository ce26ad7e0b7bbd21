"""POP3: RETR of every message of a 10,000-message maildrop, maillab vs Dovecot.

Builds a Maildir of N messages (default 10,000) on tmpfs, loads it into
`maillab serve --fixture` and into a private Dovecot (pop3d), then alternates the
two ROUNDS times (default 5): one connection, USER/PASS, RETR 1..N one at a time
(each answer read to its terminating dot line), QUIT without DELE (nothing is
removed). Prints the median time of each and Dovecot's time divided by maillab's.

usage: python3 benches/peers/pop3_retr.py [--messages N] [--rounds R]
Needs root, Dovecot (tests/peers/install.sh) and a release build of maillab.
"""
import argparse
import os
import shutil
import socket
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402


class RawPop3:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = bytearray()
        self.line()

    def line(self):
        while True:
            i = self.buf.find(b"\r\n")
            if i >= 0:
                out = bytes(self.buf[:i])
                del self.buf[:i + 2]
                return out
            c = self.sock.recv(1 << 16)
            if not c:
                raise pl.Eof("connection closed")
            self.buf += c

    def simple(self, cmd):
        self.sock.sendall(cmd.encode() + b"\r\n")
        r = self.line()
        if not r.startswith(b"+OK"):
            pl.die("%s -> %r" % (cmd.split()[0], r))
        return r

    def multi(self, cmd):
        """Sends cmd, reads a multi-line answer; returns its size in bytes."""
        self.sock.sendall(cmd.encode() + b"\r\n")
        first = self.line()
        if not first.startswith(b"+OK"):
            pl.die("%s -> %r" % (cmd, first))
        # Read until CRLF.CRLF; the body starts right after the status line.
        while True:
            i = self.buf.find(b"\r\n.\r\n")
            if i >= 0 or self.buf.startswith(b".\r\n"):
                end = i + 5 if i >= 0 else 3
                size = end
                del self.buf[:end]
                return size
            c = self.sock.recv(1 << 20)
            if not c:
                raise pl.Eof("connection closed in " + cmd)
            self.buf += c


def one_pass(port, count):
    c = RawPop3(port)
    c.simple("USER alex")
    c.simple("PASS drums")
    stat = c.simple("STAT").split()
    if int(stat[1]) != count:
        pl.die("STAT says %s messages, expected %d" % (stat[1], count))
    t0 = time.perf_counter()
    total = 0
    for n in range(1, count + 1):
        total += c.multi("RETR %d" % n)
    elapsed = time.perf_counter() - t0
    c.simple("QUIT")
    c.sock.close()
    return elapsed, total


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--messages", type=int, default=10_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--workdir", default="/dev/shm")
    ap.add_argument("--servers", default="maillab,dovecot")
    args = ap.parse_args()
    wanted = args.servers.split(",")
    work = pl.workdir(args.workdir, "bench-pop3-")
    maillab = dovecot = None
    try:
        # A folder with an alex/ subfolder: --fixture loads it into alex's INBOX only.
        fixture = os.path.join(work, "source")
        src = os.path.join(fixture, "alex")
        pl.write_maildir(src, args.messages)
        servers = []
        if "maillab" in wanted:
            maillab = pl.Maillab(work, fixture=fixture)
            servers.append(("maillab", maillab.ports["pop3"]))
        if "dovecot" in wanted:
            dovecot = pl.Dovecot(os.path.join(work, "dovecot"), extra="mail_fsync = never\n")
            dst = dovecot.maildir("alex")
            shutil.rmtree(dst)
            shutil.copytree(src, dst)
            pl.chown_tree(os.path.dirname(dst), *pl.mail_uid_gid())
            servers.append(("dovecot", dovecot.pop3))
        for name, port in servers:  # warm-up: Dovecot's index, page cache
            t, total = one_pass(port, args.messages)
            print("warm-up %-8s %s (%d MB read)" % (name, pl.fmt_s(t), total // 2**20), flush=True)
        times = {name: [] for name, _ in servers}
        for r in range(args.rounds):
            for name, port in (servers if r % 2 == 0 else servers[::-1]):
                t, _ = one_pass(port, args.messages)
                times[name].append(t)
                print("round %d %-8s %s" % (r + 1, name, pl.fmt_s(t)), flush=True)
        print()
        print("POP3 RETR of %d messages, one connection, median of %d rounds:" % (args.messages, args.rounds))
        med = {n: pl.median(v) for n, v in times.items()}
        for name, _ in servers:
            print("  %-8s %s (%.0f messages/s)" % (name, pl.fmt_s(med[name]), args.messages / med[name]))
        if len(med) == 2:
            print("  dovecot time / maillab time: %.2fx" % (med["dovecot"] / med["maillab"]))
    finally:
        if maillab:
            maillab.stop()
        if dovecot:
            dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
