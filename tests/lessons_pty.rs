//! A lesson run interactively, as a learner would: on a pseudo-terminal (Python's
//! `pty` module), with colours, the step marks and the step in the prompt. The
//! driver waits for each expected text with a deadline, so the test stops by itself.

use std::process::Command;

mod common;

const HEAD: &str = r#"
import os, pty, re, sys, time, select
exe = sys.argv[1]
data = sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.environ['HOME'] = data
    os.environ['MAILLAB_DATA_DIR'] = data
    os.environ.pop('NO_COLOR', None)
    os.execv(exe, [exe] + sys.argv[3:])
out = b''
answered = 0
def answer_queries():
    global answered
    asked = out.count(b'\x1b[6n')
    while answered < asked:
        os.write(fd, b'\x1b[1;1R')
        answered += 1
seen = 0
def plain():
    return re.sub(rb'\x1b\[[0-9;?]*[@-~]', b'', out)
def expect(text, timeout=15.0):
    global out, seen
    end = time.time() + timeout
    while text.encode() not in plain()[seen:]:
        left = end - time.time()
        if left <= 0:
            sys.stdout.write(out.decode('utf-8', 'replace'))
            sys.stdout.write('\nTIMEOUT waiting for %r\n' % text)
            os.kill(pid, 9)
            sys.exit(3)
        r, _, _ = select.select([fd], [], [], min(left, 0.1))
        if r:
            try:
                d = os.read(fd, 65536)
            except OSError:
                break
            if not d:
                break
            out += d
            answer_queries()
    seen = plain().index(text.encode(), seen) + len(text.encode())
    time.sleep(0.1)
def send(s):
    os.write(fd, s.encode())
"#;

/// The first lesson's first two steps, a wrong answer, `:steps`.
const FIRST: &str = r#"
expect('Step 1/8')
expect('1/8 imap · not authenticated> ')
send('CAPABILITY\r')
expect('Step 1 passed')
expect('2/8 imap · not authenticated> ')
send(':hint\r')
expect('Hint 1/1')
send('t1 NOOP\r')
expect('NOOP completed')
send(':answer t2\r')
expect('is not what the server said')
send(':answer t1\r')
expect('Step 2 passed')
send(':steps\r')
expect('Log in (login)')
"#;

/// Ctrl-D, then the exit status.
const TAIL: &str = r#"
send('\x04')
deadline = time.time() + 10
done = 0
status = -1
while time.time() < deadline:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        try:
            d = os.read(fd, 65536)
        except OSError:
            break
        if not d:
            break
        out += d
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
if not done:
    # The terminal closed first: collect the exit status (bounded).
    end = time.time() + 5
    while not done and time.time() < end:
        done, status = os.waitpid(pid, os.WNOHANG)
        time.sleep(0.05)
    if not done:
        os.kill(pid, 9)
        status = -1
sys.stdout.write(out.decode('utf-8', 'replace'))
sys.stdout.write('\nEXIT %d\n' % (os.WEXITSTATUS(status) if status >= 0 else -1))
"#;

fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        if c != '\r' {
            out.push(c);
        }
    }
    out
}

#[test]
fn a_lesson_runs_on_a_terminal_with_colours_marks_and_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("drive.py");
    std::fs::write(&script, format!("{HEAD}{FIRST}{TAIL}")).expect("write driver");
    let out = common::peers::run(
        Command::new("python3")
            .arg(&script)
            .arg(common::bin::path())
            .arg(dir.path())
            .args(["lesson", "run", "imap-first-session"]),
        dir.path(),
        b"",
    );
    let raw = String::from_utf8_lossy(&out.stdout_bytes);
    let text = strip_ansi(&raw);
    assert!(out.status.success(), "driver failed:\n{text}");
    // Two of eight steps passed: exit 1 after Ctrl-D, with the results.
    assert!(text.contains("EXIT 1"), "{text}");
    assert!(text.contains("2 of 8 steps passed"), "{text}");
    // The step list marks passed steps and the current one.
    let steps: Vec<&str> = text
        .lines()
        .filter(|l| {
            l.contains(". ")
                && l.contains('(')
                && (l.starts_with('✓') || l.starts_with('▸') || l.starts_with('·'))
        })
        .collect();
    assert!(steps.iter().any(|l| l.starts_with("✓  1.")), "{steps:?}");
    assert!(steps.iter().any(|l| l.starts_with("▸  3.")), "{steps:?}");
    // The pass mark is green and bold, the wrong answer red, the step title cyan.
    assert!(
        raw.contains("\u{1b}[32m") || raw.contains(";32m"),
        "no green:\n{raw:?}"
    );
    assert!(
        raw.contains("\u{1b}[31m") || raw.contains(";31m"),
        "no red:\n{raw:?}"
    );
    assert!(
        raw.contains("\u{1b}[36m") || raw.contains(";36m"),
        "no cyan:\n{raw:?}"
    );
    // The line typed shows once, and the wire line with the tag the REPL added once.
    assert_eq!(text.matches("> CAPABILITY").count(), 1, "{text}");
    assert_eq!(text.matches("C: a001 CAPABILITY").count(), 1, "{text}");
    // The progress was kept.
    let progress =
        std::fs::read_to_string(dir.path().join("lessons-progress.json")).expect("progress kept");
    assert!(
        progress.contains("\"capability\"") && progress.contains("\"tags\""),
        "{progress}"
    );
}

/// The IDLE lesson from step 3 on: a second session delivers mail, the idling
/// session's push shows, the step passes.
const IDLE: &str = r#"
expect('Step 3/7')
send(':connect smtp\r')
expect('220 ')
send('EHLO student.example\r')
expect('Step 3 passed')
send('MAIL FROM:<riley@maillab.test>\r')
expect('250 2.1.0')
send('RCPT TO:<alex@maillab.test>\r')
expect('250 2.1.5')
send('DATA\r')
expect('354')
expect('in DATA> ')
send('Subject: Are you there?\r')
expect('in DATA> ')
send('\r')
expect('in DATA> ')
send('Pushed.\r')
expect('in DATA> ')
send('.\r')
expect('Step 4 passed')
# The push may show before or after the step's mark: wait for it anywhere.
end = time.time() + 15
while b'* 3 EXISTS' not in plain() and time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.1)
    if r:
        out += os.read(fd, 65536)
        answer_queries()
time.sleep(0.2)
send(':switch 1\r')
expect('Step 5 passed')
send('DONE\r')
expect('Step 6 passed')
"#;

#[test]
fn the_idle_lesson_shows_the_push_on_a_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("drive.py");
    std::fs::write(&script, format!("{HEAD}{IDLE}{TAIL}")).expect("write driver");
    let out = common::peers::run(
        Command::new("python3")
            .arg(&script)
            .arg(common::bin::path())
            .arg(dir.path())
            .args(["lesson", "run", "imap-idle", "--step", "3"]),
        dir.path(),
        b"",
    );
    let text = strip_ansi(&String::from_utf8_lossy(&out.stdout_bytes));
    assert!(out.status.success(), "driver failed:\n{text}");
    // The push came from session 1 while session 2 was current.
    assert!(text.contains("[1] S: * 3 EXISTS"), "{text}");
    assert!(
        text.contains("6 of 7 steps passed") || text.contains("4 of 7 steps passed"),
        "{text}"
    );
}
