#!/usr/bin/env python3
"""A bounded loopback soak of `maillab serve`: thirty simulated students run the
course notes' scripts in a loop (imaplib: login, select, search, fetch headers, noop,
logout; smtplib: one message to a classmate) while one hostile client runs the attacks
of the robustness report (the freezing SEARCH, a search over the cost limit, ten 20 MB
bodies it never reads, 64 MiB literals before login, a trickle of bytes, wrong
passwords, an idle-connection flood). Reports p50/p99/max of the students' commands,
the server's peak RSS, and whether every message acknowledged with 250 reached the
INBOX it was sent to.

    python3 benches/peers/soak.py [--seconds 300] [--students 30]

No Dovecot or Postfix is needed; MAILLAB_BIN picks the binary (release by default).
Every loop and wait is bounded; everything is on 127.0.0.1.
"""
import argparse
import imaplib
import json
import os
import smtplib
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import peerlib  # noqa: E402

USERS = [("alex", "drums"), ("riley", "firefly")]


def start_server(tmp):
    ports_file = os.path.join(tmp, "ports.json")
    args = [peerlib.maillab_binary(), "serve", "--imap", "127.0.0.1:0", "--smtp", "127.0.0.1:0",
            "--ports-file", ports_file, "--quiet"]
    env = dict(os.environ, MAILLAB_DATA_DIR=os.path.join(tmp, "data"))
    proc = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with open(ports_file) as f:
                ports = json.load(f)
            return proc, ports
        except (OSError, ValueError):
            time.sleep(0.05)
    proc.kill()
    peerlib.die("maillab serve wrote no ports file")


def hostport(addr):
    host, port = addr.rsplit(":", 1)
    return host, int(port)


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = []
        self.errors = []
        self.acked = []  # (user, subject)

    def time(self, what, fn, *a):
        t = time.monotonic()
        try:
            return fn(*a)
        finally:
            with self.lock:
                self.latencies.append((time.monotonic() - t, what))

    def error(self, e):
        with self.lock:
            self.errors.append(e)


def student(n, imap_addr, smtp_addr, stats, stop):
    user, pw = USERS[n % 2]
    other = USERS[(n + 1) % 2][0]
    i = 0
    while not stop.is_set():
        i += 1
        try:
            host, port = hostport(imap_addr)
            m = stats.time("connect+greeting", imaplib.IMAP4, host, port, 10)
            stats.time("LOGIN", m.login, user, pw)
            stats.time("SELECT", m.select, "INBOX")
            typ, data = stats.time("SEARCH", m.search, None, "UNSEEN")
            ids = data[0].split()
            if ids:
                stats.time("FETCH", m.fetch, ids[-1], "(BODY.PEEK[HEADER])")
            stats.time("NOOP", m.noop)
            stats.time("LOGOUT", m.logout)
            host, port = hostport(smtp_addr)
            s = stats.time("connect+greeting", smtplib.SMTP, host, port, None, 10)
            stats.time("EHLO", s.ehlo, "student%d" % n)
            subject = "soak %d-%d" % (n, i)
            msg = ("From: %s@maillab.test\r\nTo: %s@maillab.test\r\nSubject: %s\r\n\r\n"
                   "notes for the lab, iteration %d\r\n" % (user, other, subject, i))
            refused = stats.time("MAIL+RCPT+DATA", s.sendmail, "%s@maillab.test" % user,
                                 ["%s@maillab.test" % other], msg)
            if not refused:
                with stats.lock:
                    stats.acked.append((other, subject))
            stats.time("QUIT", s.quit)
        except Exception as e:  # a student's script reports and goes on
            stats.error("student %d: %r" % (n, e))
            time.sleep(0.2)
        time.sleep(0.1)


def raw(addr, data, read_secs=2.0, read=True):
    host, port = hostport(addr)
    s = socket.create_connection((host, port), timeout=10)
    got = b""
    try:
        s.sendall(data)
        if read:
            s.settimeout(read_secs)
            end = time.monotonic() + read_secs
            while time.monotonic() < end:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                if not chunk:
                    break
                got += chunk
    except OSError:
        pass
    finally:
        s.close()
    return got


def hostile(imap_addr, stats, stop):
    """Runs the attacks in turn until stopped."""
    host, port = hostport(imap_addr)
    big = b"Subject: big\r\n\r\n" + (b"the quick brown fox jumps over the lazy dog\r\n" * 450000)
    m = imaplib.IMAP4(host, port, 30)
    m.login("riley", "firefly")
    m.create("attic")
    m.append("attic", None, None, big)
    m.logout()
    login = b"h LOGIN riley firefly\r\nh2 SELECT attic\r\n"
    freezing = b"f SEARCH" + b" NOT BODY {1+}\r\n~" * 100000 + b"\r\n"
    distinct = b"g SEARCH" + b"".join(b" NOT BODY {%d+}\r\n~%d" % (len(str(i)) + 1, i)
                                      for i in range(3000)) + b"\r\n"
    flood = []
    rounds = 0
    while not stop.is_set():
        rounds += 1
        raw(imap_addr, login + freezing, read_secs=10)
        raw(imap_addr, login + distinct, read_secs=10)
        # Ten bodies of 20 MB, never read; the server closes after its write timeout.
        raw(imap_addr, login + b"f FETCH 1 (" + b" ".join([b"BODY.PEEK[]"] * 10) + b")\r\n",
            read=False)
        for cmd in (b"a1 LOGIN {67108864}\r\n", b"x CAPABILITY {60000000}\r\n",
                    b"i ID ({50000000}\r\n", b"b LOGIN {5000+}\r\n"):
            raw(imap_addr, cmd, read_secs=1)
        raw(imap_addr, b"".join(b"w%d LOGIN alex wrong%d\r\n" % (k, k) for k in range(10)),
            read_secs=5)
        # An idle flood, kept open (bounded), one byte each now and then.
        while len(flood) < 100 and not stop.is_set():
            try:
                flood.append(socket.create_connection((host, port), timeout=5))
            except OSError:
                break
        for s in list(flood):
            try:
                s.send(b"a")
            except OSError:
                flood.remove(s)
                s.close()
    for s in flood:
        s.close()
    return rounds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=int, default=300)
    ap.add_argument("--students", type=int, default=30)
    ap.add_argument("--no-hostile", action="store_true",
                    help="students only: the baseline the hostile client is compared with")
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="maillab-soak-")
    proc, ports = start_server(tmp)
    imap_addr, smtp_addr = ports["imap"], ports["smtp"]
    stats, stop = Stats(), threading.Event()
    threads = [threading.Thread(target=student, args=(n, imap_addr, smtp_addr, stats, stop))
               for n in range(a.students)]
    hostile_rounds = []
    bad = threading.Thread(target=lambda: hostile_rounds.append(hostile(imap_addr, stats, stop)))
    peak = 0
    for t in threads:
        t.start()
    if not a.no_hostile:
        bad.start()
    end = time.monotonic() + a.seconds
    while time.monotonic() < end:
        peak = max(peak, peerlib_rss(proc.pid))
        time.sleep(1)
    stop.set()
    for t in threads:
        t.join(60)
    if not a.no_hostile:
        bad.join(120)
    # Nothing acknowledged is lost: every subject acknowledged is in its INBOX.
    host, port = hostport(imap_addr)
    missing = 0
    for user, pw in USERS:
        m = imaplib.IMAP4(host, port, 60)
        m.login(user, pw)
        m.select("INBOX", readonly=True)
        typ, data = m.fetch("1:*", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
        have = set()
        for item in data:
            if isinstance(item, tuple):
                have.add(item[1].decode(errors="replace").split(":", 1)[-1].strip())
        missing += sum(1 for (u, s) in stats.acked if u == user and s not in have)
        m.logout()
    proc.terminate()
    proc.wait(10)
    lat = sorted(x for x, _ in stats.latencies)

    def pct(p):
        return lat[min(len(lat) - 1, int(len(lat) * p))] * 1000 if lat else float("nan")

    worst = sorted(stats.latencies, reverse=True)[:5]
    print("soak: %d s, %d students + 1 hostile client (%s rounds of attacks)" % (
        a.seconds, a.students, hostile_rounds[0] if hostile_rounds else "?"))
    print("legitimate commands: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (
        len(lat), pct(0.50), pct(0.99), lat[-1] * 1000 if lat else float("nan")))
    print("slowest: " + ", ".join("%s %.0f ms" % (w, x * 1000) for x, w in worst))
    print("student errors: %d%s" % (len(stats.errors),
                                   (" (first: %s)" % stats.errors[0]) if stats.errors else ""))
    print("peak RSS: %.1f MiB" % (peak / 1024))
    print("messages acknowledged: %d, missing from their INBOX: %d" % (len(stats.acked), missing))


def peerlib_rss(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


if __name__ == "__main__":
    main()
