"""Memory for idle IMAP connections: maillab vs Dovecot.

Opens N connections (default 1,000) to each server, each doing LOGIN and
SELECT INBOX, then measures the growth of PSS (proportional set size, from
/proc/PID/smaps_rollup): for maillab its one process, for Dovecot its master and
every process under it (login, auth, one imap process per connection).
Repeats ROUNDS times (default 2), alternating the servers, and prints KiB per
connection.

usage: python3 benches/peers/idle_connections.py [--connections N] [--rounds R]
Needs root, Dovecot (tests/peers/install.sh) and a release build of maillab.
"""
import argparse
import os
import shutil
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peerlib as pl  # noqa: E402


def measure(name, port, pss, count):
    before = pss()
    conns = []
    t0 = time.monotonic()
    try:
        for i in range(count):
            c = pl.RawImap(port, timeout=60)
            c.must("LOGIN alex drums")
            c.must("SELECT INBOX")
            conns.append(c)
        opened = time.monotonic() - t0
        time.sleep(1.0)
        after = pss()
    finally:
        for c in conns:
            try:
                c.sock.close()
            except OSError:
                pass
    growth = after - before
    print("%-8s %5d connections in %5.1f s: PSS %7d -> %7d KiB, %6.1f KiB per connection"
          % (name, count, opened, before, after, growth / count), flush=True)
    return growth / count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--connections", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--workdir", default="/dev/shm")
    args = ap.parse_args()
    nofile = pl.raise_nofile(4 * args.connections + 100)
    if nofile < 2 * args.connections + 50:
        pl.die("open-file limit %d is too low for %d connections" % (nofile, args.connections))

    work = pl.workdir(args.workdir, "bench-idle-")
    maillab = dovecot = None
    try:
        # The lab server caps connections per address and in all (a class shares it);
        # every connection here comes from 127.0.0.1, so raise both for the measure.
        maillab = pl.Maillab(work, extra=["--limit", "max-per-address=%d" % (args.connections + 10),
                                          "--limit", "max-connections=%d" % (args.connections + 10)])
        dovecot = pl.Dovecot(os.path.join(work, "dovecot"), extra="mail_fsync = never\n")
        # The same two-message INBOX as maillab's default alex.
        dst = dovecot.maildir("alex")
        shutil.rmtree(dst)
        pl.write_maildir(dst, 2)
        pl.chown_tree(os.path.dirname(dst), *pl.mail_uid_gid())
        servers = [("maillab", maillab.ports["imap"], maillab.pss_kib),
                   ("dovecot", dovecot.imap, dovecot.pss_kib)]
        results = {"maillab": [], "dovecot": []}
        for r in range(args.rounds):
            for name, port, pss in (servers if r % 2 == 0 else servers[::-1]):
                results[name].append(measure(name, port, pss, args.connections))
                # Let the server notice the closed connections before the next round.
                time.sleep(3.0)
        m, d = pl.median(results["maillab"]), pl.median(results["dovecot"])
        print()
        print("median PSS growth per idle connection: maillab %.1f KiB, dovecot %.1f KiB (%.0fx)"
              % (m, d, d / m if m > 0 else float("inf")))
    finally:
        if maillab:
            maillab.stop()
        if dovecot:
            dovecot.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
