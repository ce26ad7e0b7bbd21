"""Shared helpers for the peer benchmarks: start `maillab serve` and private
Dovecot/Postfix instances on loopback, generate test mail, talk raw IMAP/POP3,
read memory figures from /proc.

Everything here is loopback-only; every wait and loop is bounded.
"""
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PEERS = os.path.join(REPO, "tests", "peers")


def die(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


def maillab_binary():
    """The maillab binary to measure: $MAILLAB_BIN or target/release/maillab."""
    path = os.environ.get("MAILLAB_BIN") or os.path.join(REPO, "target", "release", "maillab")
    if not os.access(path, os.X_OK):
        die("no maillab binary at %s: run `cargo build --release` or set MAILLAB_BIN" % path)
    return path


def free_ports(n):
    """n distinct free TCP ports on 127.0.0.1 (bound then released)."""
    socks, ports = [], []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        socks.append(s)
        ports.append(s.getsockname()[1])
    for s in socks:
        s.close()
    return ports


def wait_port(port, proc=None, secs=30):
    """Waits until 127.0.0.1:port accepts connections (bounded)."""
    deadline = time.monotonic() + secs
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            die("process %d exited before opening port %d" % (proc.pid, port))
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    die("nothing listens on port %d after %d s" % (port, secs))


def raise_nofile(n=20000):
    import resource
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(max(n, soft), hard) if hard != resource.RLIM_INFINITY else n
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    except (ValueError, OSError):
        pass
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# ---------------------------------------------------------------------------
# maillab serve


class Maillab:
    """`maillab serve` on free loopback ports, optionally with --fixture."""

    def __init__(self, workdir, fixture=None, extra=(), binary=None):
        self.dir = tempfile.mkdtemp(prefix="maillab-", dir=workdir)
        ports_file = os.path.join(self.dir, "ports.json")
        args = [binary or maillab_binary()]
        if fixture:
            args += ["--fixture", fixture]
        args += ["serve", "--quiet", "--ports-file", ports_file,
                 "--imap", "127.0.0.1:0", "--pop3", "127.0.0.1:0",
                 "--smtp", "127.0.0.1:0", "--submission", "127.0.0.1:0"]
        args += list(extra)
        self.log = open(os.path.join(self.dir, "serve.log"), "wb")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, preexec_fn=_raise_child_nofile)
        self.pid = self.proc.pid
        deadline = time.monotonic() + 600  # a 100,000-message fixture takes a while
        while True:
            if self.proc.poll() is not None:
                self.log.flush()
                die("maillab serve exited: " + open(self.log.name, "rb").read().decode(errors="replace"))
            try:
                with open(ports_file) as f:
                    self.ports = {k: int(v.rsplit(":", 1)[1]) for k, v in json.load(f).items()}
                break
            except (OSError, ValueError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                die("maillab serve wrote no ports file")
            time.sleep(0.05)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.log.close()

    def pss_kib(self):
        return pss_kib(self.pid)


def _raise_child_nofile():
    raise_nofile(20000)


# ---------------------------------------------------------------------------
# Dovecot and Postfix (tests/peers/*.sh)


class Dovecot:
    """A private Dovecot from tests/peers/dovecot.sh. `extra` are config lines."""

    def __init__(self, dirpath, extra=""):
        self.dir = dirpath
        self.imap, self.imaps, self.pop3, self.pop3s = free_ports(4)
        env = dict(os.environ, DOVECOT_EXTRA=extra, DOVECOT_WAIT="60")
        r = subprocess.run(["bash", os.path.join(PEERS, "dovecot.sh"), "start", dirpath,
                            str(self.imap), str(self.imaps), str(self.pop3), str(self.pop3s)],
                           env=env, capture_output=True, text=True, timeout=120,
                           preexec_fn=_raise_child_nofile)
        if r.returncode != 0:
            die("dovecot.sh start failed:\n" + r.stdout + r.stderr)
        with open(os.path.join(dirpath, "dovecot.pid")) as f:
            self.pid = int(f.read().strip())

    def maildir(self, user="alex"):
        return os.path.join(self.dir, "home", user, "Maildir")

    def stop(self):
        subprocess.run(["bash", os.path.join(PEERS, "dovecot.sh"), "stop", self.dir],
                       capture_output=True, timeout=60)

    def pss_kib(self):
        """PSS of the master and every process under it."""
        return sum(pss_kib(p) for p in process_tree(self.pid))

    def processes(self):
        return len(process_tree(self.pid))


class Postfix:
    def __init__(self, dirpath, dovecot, extra=""):
        self.dir = dirpath
        self.smtp, self.submission, self.smtps = free_ports(3)
        env = dict(os.environ, POSTFIX_EXTRA=extra)
        r = subprocess.run(["bash", os.path.join(PEERS, "postfix.sh"), "start", dirpath,
                            str(self.smtp), str(self.submission), str(self.smtps), dovecot.dir],
                           env=env, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            die("postfix.sh start failed:\n" + r.stdout + r.stderr)

    def queue_empty(self):
        q = os.path.join(self.dir, "queue")
        for sub in ("incoming", "active", "deferred", "maildrop"):
            for _root, _dirs, files in os.walk(os.path.join(q, sub)):
                if files:
                    return False
        return True

    def stop(self):
        subprocess.run(["bash", os.path.join(PEERS, "postfix.sh"), "stop", self.dir],
                       capture_output=True, timeout=60)


# ---------------------------------------------------------------------------
# /proc


def pss_kib(pid):
    """Proportional set size of one process in KiB (0 if it is gone)."""
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_tree(root):
    """root and all its descendants (from /proc/*/stat)."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may contain spaces: fields follow the last ')'.
        fields = stat[stat.rfind(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(name))
    out, stack = [], [root]
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(children.get(p, []))
    return out


# ---------------------------------------------------------------------------
# Test mail

WORDS = ("network programming mail server client protocol message folder inbox "
         "course lab student teacher report invoice meeting schedule project draft "
         "answer question review result update notice library campus exam grade "
         "python socket packet header body envelope flag search fetch select").split()


def make_message(i, rnd, needle=None):
    """One deterministic, realistic-looking message (CRLF) as bytes."""
    subject = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 7)))
    lines = []
    for _ in range(rnd.randint(8, 40)):
        lines.append(" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 12))))
    if needle:
        lines.insert(rnd.randint(0, len(lines)), "the %s appears in this line" % needle)
    day = 1 + i % 28
    head = [
        "Return-Path: <sender%d@example.org>" % (i % 97),
        "From: Sender %d <sender%d@example.org>" % (i % 97, i % 97),
        "To: Alex <alex@maillab.test>",
        "Subject: %s" % subject,
        "Date: %s, %02d Oct 2026 %02d:%02d:%02d +0000" % (
            ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[i % 7], day, i % 24, i % 60, (i * 7) % 60),
        "Message-ID: <bench-%d@example.org>" % i,
        "MIME-Version: 1.0",
    ]
    if i % 10 == 0:
        boundary = "b%08d" % i
        head.append('Content-Type: multipart/alternative; boundary="%s"' % boundary)
        text = "\r\n".join(lines)
        body = ("--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{t}\r\n"
                "--{b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>{h}</p></body></html>\r\n"
                "--{b}--\r\n").format(b=boundary, t=text, h="</p><p>".join(lines))
    else:
        head.append("Content-Type: text/plain; charset=utf-8")
        body = "\r\n".join(lines) + "\r\n"
    return ("\r\n".join(head) + "\r\n\r\n" + body).encode()


def write_maildir(path, count, seed=1, needle="zebra", needle_every=100, seen_every=3):
    """A Maildir with `count` messages; every `needle_every`-th holds `needle` in
    its body; every `seen_every`-th is \\Seen. Returns the number holding the needle."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(path, sub), exist_ok=True)
    rnd = random.Random(seed)
    hits = 0
    base = 1790000000
    for i in range(count):
        has = needle_every and i % needle_every == 7
        hits += bool(has)
        raw = make_message(i, rnd, needle if has else None)
        flags = "S" if i % seen_every == 0 else ""
        name = "%d.M%dP1.bench,S=%d:2,%s" % (base + i, i, len(raw), flags)
        with open(os.path.join(path, "cur", name), "wb") as f:
            f.write(raw)
        os.utime(os.path.join(path, "cur", name), (base + i, base + i))
    return hits


def chown_tree(path, uid, gid):
    for root, dirs, files in os.walk(path):
        os.chown(root, uid, gid)
        for n in files:
            os.chown(os.path.join(root, n), uid, gid)


def workdir(parent, prefix):
    """A fresh directory that Dovecot's unprivileged processes can reach."""
    d = tempfile.mkdtemp(prefix=prefix, dir=parent)
    os.chmod(d, 0o755)
    return d


def mail_uid_gid():
    import pwd
    if os.getuid() != 0:
        return os.getuid(), os.getgid()
    try:
        p = pwd.getpwnam("mail")
    except KeyError:
        p = pwd.getpwnam("nobody")
    return p.pw_uid, p.pw_gid


# ---------------------------------------------------------------------------
# Raw protocol clients (minimal parsing, so the client costs little)


class Eof(Exception):
    pass


class RawImap:
    """Sends one IMAP command at a time and reads until its tagged reply."""

    def __init__(self, port, timeout=300):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.n = 0
        self.greeting = self._read_line()

    def _read_line(self):
        buf = bytearray()
        while not buf.endswith(b"\r\n"):
            c = self.sock.recv(4096)
            if not c:
                raise Eof("connection closed")
            buf += c
        return bytes(buf)

    def command(self, line):
        """Returns (seconds, status, response bytes)."""
        self.n += 1
        tag = b"b%d" % self.n
        marker = tag + b" "
        t0 = time.perf_counter()
        self.sock.sendall(tag + b" " + line.encode() + b"\r\n")
        buf = bytearray()
        recv = self.sock.recv
        while True:
            chunk = recv(1 << 20)
            if not chunk:
                raise Eof("connection closed during " + line)
            buf += chunk
            if buf.endswith(b"\r\n"):
                nl = buf.rfind(b"\r\n", 0, len(buf) - 2)
                start = nl + 2 if nl >= 0 else 0
                if buf.startswith(marker, start):
                    break
        elapsed = time.perf_counter() - t0
        status = bytes(buf[start:]).split(b" ", 2)[1].decode()
        return elapsed, status, buf

    def must(self, line):
        elapsed, status, buf = self.command(line)
        if status != "OK":
            die("%s -> %s" % (line, bytes(buf[-300:]).decode(errors="replace")))
        return elapsed, buf

    def close(self):
        try:
            self.command("LOGOUT")
        except (OSError, Eof):
            pass
        self.sock.close()


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def fmt_s(x):
    if x != x:
        return "n/a"
    if x < 1:
        return "%.1f ms" % (x * 1000)
    return "%.2f s" % x
