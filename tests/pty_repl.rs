//! The interactive REPL on a real pseudo-terminal: colour, Tab completion, syntax
//! hints and the session state in the prompt. Python's `pty` module provides the
//! terminal (no extra crate); the driver waits for each expected text with a
//! deadline, so the test stops by itself.

use std::process::Command;

const DRIVER: &str = r#"
import os, pty, re, sys, time, select
exe = sys.argv[1]
state_dir = sys.argv[2]
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.environ['HOME'] = state_dir
    os.environ['XDG_STATE_HOME'] = state_dir
    if os.environ.get('DRIVER_NO_COLOR'):
        os.environ['NO_COLOR'] = '1'
    else:
        os.environ.pop('NO_COLOR', None)
    os.execv(exe, [exe] + sys.argv[3:])
out = b''
answered = 0
def answer_queries():
    # Answer cursor-position queries as a real terminal does.
    global answered
    asked = out.count(b'\x1b[6n')
    while answered < asked:
        os.write(fd, b'\x1b[1;1R')
        answered += 1
seen = 0
def plain():
    return re.sub(rb'\x1b\[[0-9;?]*[@-~]', b'', out)
def expect(text, timeout=10.0):
    # Waits for `text` (colour removed) after what earlier calls matched.
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
    # Let the line editor settle before typing.
    time.sleep(0.1)
def send(s):
    os.write(fd, s.encode())
expect('not authenticated> ')
send('LOGI\t')
expect('LOGIN')
send(' alex drums\r')
expect('a001 OK', 10)
expect('authenticated> ', 10)
send('SELECT INB\t')
expect('INBOX')
send('\r')
expect('selected INBOX> ')
send('STORE 1 +FLAGS (\\Dele\t')
expect('\\Deleted')
send(')\r')
expect('STORE completed')
send('LIST "" *\r')
expect('LIST completed')
send('NOOP')
expect('NOOP')
send('\x03')
expect('selected INBOX> ')
send('CAPABILITY\r')
expect('CAPABILITY completed')
send('SELECT Sen\t')
expect('Sent')
send('\x15')
send('\x04')
deadline = time.time() + 10
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
else:
    os.kill(pid, 9)
    status = -1
sys.stdout.write(out.decode('utf-8', 'replace'))
sys.stdout.write('\nEXIT %d\n' % status)
"#;

/// Removes ANSI escape sequences (CSI ... final byte) and carriage returns.
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

/// Whether `s` holds an SGR colour sequence (`ESC [ ... m` with a colour number).
fn has_colour(s: &str) -> bool {
    s.split('\u{1b}').skip(1).any(|seq| {
        let Some(body) = seq.strip_prefix('[') else {
            return false;
        };
        let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'));
        end.is_some_and(|e| {
            body[e..].starts_with('m')
                && body[..e]
                    .split(';')
                    .any(|n| n.starts_with('3') && n.len() == 2)
        })
    })
}

#[test]
fn prompt_shows_the_state_tab_completes_and_output_is_coloured() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("drive.py");
    std::fs::write(&script, DRIVER).expect("write driver");
    let out = Command::new("python3")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_maillab"))
        .arg(dir.path())
        .output()
        .expect("python3 is needed for the terminal test");
    let raw = String::from_utf8_lossy(&out.stdout);
    let text = strip_ansi(&raw);
    assert!(
        out.status.success(),
        "driver failed:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("EXIT 0"),
        "maillab did not end cleanly on Ctrl-D:\n{text}"
    );
    // The prompt follows the session state.
    assert!(text.contains("imap · not authenticated> "), "{text}");
    assert!(text.contains("imap · authenticated> "), "{text}");
    assert!(text.contains("imap · selected INBOX> "), "{text}");
    // Tab completed the command, the mailbox and the flag; the tag was added.
    assert!(text.contains("a001 LOGIN alex ****"), "{text}");
    assert!(text.contains("a002 SELECT INBOX"), "{text}");
    assert!(text.contains("a003 STORE 1 +FLAGS (\\Deleted)"), "{text}");
    // Ctrl-C at the prompt dropped the half-typed NOOP: the next tag went to CAPABILITY.
    assert!(text.contains("a005 CAPABILITY"), "{text}");
    assert!(
        !text.contains("a005 NOOP") && !text.contains("a006 NOOP"),
        "{text}"
    );
    // Mailboxes seen in LIST complete too (Sent came from the LIST reply).
    assert!(text.contains("selected INBOX> SELECT Sent"), "{text}");
    // Colour: server status words and the typed command are coloured.
    assert!(has_colour(&raw), "no colour:\n{raw}");
    assert!(raw.contains("OK\u{1b}[0m"), "OK not coloured:\n{raw}");
    assert!(
        raw.contains("SELECT\u{1b}[0m"),
        "typed command not coloured:\n{raw}"
    );
    // A hint shows the syntax of the command being typed.
    assert!(text.contains("mailbox"), "no syntax hint:\n{text}");
    // The history file keeps the command with the password masked.
    let history =
        std::fs::read_to_string(dir.path().join("maillab").join("history")).unwrap_or_default();
    assert!(history.contains("LOGIN alex ****"), "history: {history:?}");
    assert!(
        !history.contains("drums"),
        "history leaks the password: {history:?}"
    );
}

#[test]
fn color_never_and_no_color_keep_the_terminal_plain() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("drive.py");
    // A shorter session: just log in and leave.
    let short = DRIVER
        .split("send('SELECT INB\\t')")
        .next()
        .unwrap_or(DRIVER)
        .to_string()
        + "send('\\x04')\ntime.sleep(0.5)\nsys.stdout.write(out.decode('utf-8', 'replace'))\n";
    std::fs::write(&script, short).expect("write driver");
    for (args, no_color) in [(&["--color", "never"][..], false), (&[][..], true)] {
        let mut cmd = Command::new("python3");
        cmd.arg(&script)
            .arg(env!("CARGO_BIN_EXE_maillab"))
            .arg(dir.path())
            .args(args);
        if no_color {
            cmd.env("DRIVER_NO_COLOR", "1");
        }
        let out = cmd.output().expect("python3");
        let raw = String::from_utf8_lossy(&out.stdout);
        let text = strip_ansi(&raw);
        assert!(text.contains("imap · authenticated> "), "{text}");
        assert!(
            !has_colour(&raw),
            "colour with {args:?} NO_COLOR={no_color}:\n{raw:?}"
        );
    }
}
