//! The interactive REPL on a real pseudo-terminal: colour, Tab completion, syntax
//! hints and the session state in the prompt. Python's `pty` module provides the
//! terminal (no extra crate); the driver waits for each expected text with a
//! deadline, so the test stops by itself.

use std::process::Command;

mod common;

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
    let out = common::peers::run(
        Command::new("python3")
            .arg(&script)
            .arg(common::bin::path())
            .arg(dir.path()),
        dir.path(),
        b"",
    );
    let raw = String::from_utf8_lossy(&out.stdout_bytes);
    let text = strip_ansi(&raw);
    assert!(
        out.status.success(),
        "driver failed:\n{text}\n{}",
        out.stderr
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
            .arg(common::bin::path())
            .arg(dir.path())
            .args(args);
        if no_color {
            cmd.env("DRIVER_NO_COLOR", "1");
        }
        let out = common::peers::run(&mut cmd, dir.path(), b"");
        let raw = String::from_utf8_lossy(&out.stdout_bytes);
        let text = strip_ansi(&raw);
        assert!(text.contains("imap · authenticated> "), "{text}");
        assert!(
            !has_colour(&raw),
            "colour with {args:?} NO_COLOR={no_color}:\n{raw:?}"
        );
    }
}

// ---------------------------------------------------------------- a general driver

/// Drives maillab on a pseudo-terminal of `cols`×`rows` through `steps` (JSON: `{"send":
/// TEXT}`, `{"expect": TEXT, "timeout": SECS}`, `{"sleep": SECS}`), then sends Ctrl-D
/// and waits for the exit. Prints everything the terminal got, then `EXIT n`.
const GENERAL_DRIVER: &str = r#"
import fcntl, json, os, pty, re, select, struct, sys, termios, time
exe, state_dir, steps_file = sys.argv[1], sys.argv[2], sys.argv[3]
cfg = json.load(open(steps_file))
pid, fd = pty.fork()
if pid == 0:
    for k in ('NO_COLOR', 'COLORTERM', 'CLICOLOR_FORCE', 'FORCE_COLOR'):
        os.environ.pop(k, None)
    os.environ['HOME'] = state_dir
    os.environ['XDG_STATE_HOME'] = state_dir
    os.environ['XDG_CONFIG_HOME'] = os.path.join(state_dir, 'config')
    os.environ['MAILLAB_DATA_DIR'] = os.path.join(state_dir, 'data')
    os.environ.update(cfg['env'])
    os.execv(exe, [exe] + cfg['args'])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', cfg['rows'], cfg['cols'], 0, 0))
out = b''
answered = 0
seen = 0
def plain():
    return re.sub(rb'\x1b\[[0-9;?]*[@-~]', b'', out)
def pump(t):
    global out, answered
    r, _, _ = select.select([fd], [], [], t)
    if not r:
        return True
    try:
        d = os.read(fd, 65536)
    except OSError:
        return False
    if not d:
        return False
    out += d
    asked = out.count(b'\x1b[6n')
    while answered < asked:
        os.write(fd, b'\x1b[1;1R')
        answered += 1
    return True
def finish(code, why=''):
    sys.stdout.write(out.decode('utf-8', 'replace'))
    if why:
        sys.stdout.write('\nTIMEOUT waiting for %r\n' % why)
    sys.stdout.write('\nEXIT %d\n' % code)
    sys.exit(0)
for step in cfg['steps']:
    if 'send' in step:
        os.write(fd, step['send'].encode())
    elif 'sleep' in step:
        end = time.time() + step['sleep']
        while time.time() < end:
            pump(0.05)
    else:
        text = step['expect'].encode()
        end = time.time() + step.get('timeout', 10)
        while text not in plain()[seen:]:
            left = end - time.time()
            if left <= 0 or not pump(min(left, 0.1)):
                os.kill(pid, 9)
                finish(-9, step['expect'])
        seen = plain().index(text, seen) + len(text)
        time.sleep(0.15)
os.write(fd, b'\x04')
end = time.time() + 10
status = -1
while time.time() < end:
    if not pump(0.1):
        pass
    done, st = os.waitpid(pid, os.WNOHANG)
    if done:
        status = os.WEXITSTATUS(st) if os.WIFEXITED(st) else -1
        while pump(0.05) and select.select([fd], [], [], 0)[0]:
            pass
        break
else:
    os.kill(pid, 9)
finish(status)
"#;

/// One step of a pty session.
enum Step<'a> {
    Send(&'a str),
    Expect(&'a str),
    Sleep(f64),
}

/// What the terminal showed: raw bytes (as text) and with escapes removed.
struct Screen {
    raw: String,
    text: String,
    dir: tempfile::TempDir,
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                o.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

/// Runs maillab `args` on a `cols`×`rows` pseudo-terminal with `env` set, in a state
/// directory `dir` (history, config); `Screen` keeps the directory.
fn pty_in(
    dir: tempfile::TempDir,
    args: &[&str],
    env: &[(&str, &str)],
    cols: u16,
    rows: u16,
    steps: &[Step],
) -> Screen {
    let script = dir.path().join("general.py");
    std::fs::write(&script, GENERAL_DRIVER).unwrap();
    let steps_json: Vec<String> = steps
        .iter()
        .map(|s| match s {
            Step::Send(t) => format!("{{\"send\": {}}}", json_str(t)),
            Step::Expect(t) => format!("{{\"expect\": {}, \"timeout\": 15}}", json_str(t)),
            Step::Sleep(x) => format!("{{\"sleep\": {x}}}"),
        })
        .collect();
    let env_json: Vec<String> = env
        .iter()
        .chain(
            [("TERM", "xterm-256color")]
                .iter()
                .filter(|(k, _)| !env.iter().any(|(e, _)| e == k)),
        )
        .map(|(k, v)| format!("{}: {}", json_str(k), json_str(v)))
        .collect();
    let args_json: Vec<String> = args.iter().map(|a| json_str(a)).collect();
    let cfg = format!(
        "{{\"args\": [{}], \"env\": {{{}}}, \"cols\": {cols}, \"rows\": {rows}, \"steps\": [{}]}}",
        args_json.join(", "),
        env_json.join(", "),
        steps_json.join(", ")
    );
    let steps_file = dir.path().join("steps.json");
    std::fs::write(&steps_file, cfg).unwrap();
    let out = common::peers::run(
        Command::new("python3")
            .arg(&script)
            .arg(common::bin::path())
            .arg(dir.path())
            .arg(&steps_file),
        dir.path(),
        b"",
    );
    let raw = String::from_utf8_lossy(&out.stdout_bytes).into_owned();
    let text = strip_ansi(&raw);
    assert!(!text.contains("TIMEOUT waiting"), "{text}");
    Screen { raw, text, dir }
}

fn pty(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16, steps: &[Step]) -> Screen {
    pty_in(tempfile::tempdir().unwrap(), args, env, cols, rows, steps)
}

/// The SGR parameter lists in `s` (`ESC [ 1;32 m` → "1;32").
fn sgr_params(s: &str) -> Vec<String> {
    s.split('\u{1b}')
        .skip(1)
        .filter_map(|seq| {
            let body = seq.strip_prefix('[')?;
            let end = body.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            body[end..]
                .starts_with('m')
                .then(|| body[..end].to_string())
        })
        .collect()
}

/// The lines of the raw output, split at newlines, each with its escapes.
fn raw_lines(raw: &str) -> Vec<&str> {
    raw.split('\n').collect()
}

#[test]
fn explanations_wrap_at_word_boundaries_at_80_columns() {
    let s = pty(
        &["--color", "never"],
        &[],
        80,
        24,
        &[
            Step::Expect("not authenticated> "),
            Step::Send("LOGIN alex drums\r"),
            Step::Expect("authenticated> "),
            Step::Send("SELECT INBOX\r"),
            Step::Expect("selected INBOX> "),
        ],
    );
    let lines: Vec<&str> = s.text.lines().collect();
    let mut continued = 0;
    for (i, l) in lines.iter().enumerate() {
        let explanation = l.starts_with("   = ");
        let continuation = l.starts_with("     ") && !l.trim().is_empty();
        if explanation || continuation {
            assert!(
                maillab::repl::render::display_width(l) <= 80,
                "line wider than 80 columns: {l:?}\n{}",
                s.text
            );
        }
        if continuation {
            continued += 1;
            // The previous line ended at a word boundary: its last word is whole.
            let prev = lines[i - 1];
            assert!(
                prev.starts_with("   = ") || prev.starts_with("     "),
                "continuation not under an explanation: {prev:?} / {l:?}"
            );
            assert!(!l.starts_with("      "), "indent is 5 columns: {l:?}");
        }
    }
    assert!(continued > 0, "nothing wrapped at 80 columns:\n{}", s.text);
    // The RFC reference is never split.
    assert!(
        !s.text.contains("§\n") && !s.text.contains("(RFC\n"),
        "{}",
        s.text
    );
    assert!(s.text.contains("(RFC 3501 §"), "{}", s.text);
}

#[test]
fn colour_rules_no_dim_italic_no_color_and_16_colour_terminals() {
    let steps = [
        Step::Expect("not authenticated> "),
        Step::Send("LOGIN alex drums\r"),
        Step::Expect("authenticated> "),
    ];
    // Default: coloured, but explanation lines carry no SGR 2 (dim) or 3 (italic).
    let s = pty(&[], &[], 100, 40, &steps);
    assert!(
        !sgr_params(&s.raw).is_empty(),
        "no colour at all:\n{}",
        s.raw
    );
    let mut explanations = 0;
    for l in raw_lines(&s.raw) {
        if strip_ansi(l).starts_with("   = ") {
            explanations += 1;
            for p in sgr_params(l) {
                assert!(
                    !p.split(';').any(|n| n == "2" || n == "3"),
                    "dim or italic on an explanation line: {l:?}"
                );
            }
        }
    }
    assert!(explanations > 0, "{}", s.text);
    // NO_COLOR: no colour; --color always overrides it.
    let s = pty(&[], &[("NO_COLOR", "1")], 100, 40, &steps);
    assert!(
        sgr_params(&s.raw).iter().all(|p| p.is_empty() || p == "0"),
        "colour despite NO_COLOR:\n{:?}",
        s.raw
    );
    let s = pty(
        &["--color", "always"],
        &[("NO_COLOR", "1")],
        100,
        40,
        &steps,
    );
    assert!(
        sgr_params(&s.raw).iter().any(|p| !p.is_empty() && p != "0"),
        "--color always gave no colour"
    );
    // A 16-colour terminal gets only the 16 basic colours.
    for term in ["xterm", "linux", "vt100"] {
        let s = pty(&[], &[("TERM", term)], 100, 40, &steps);
        for p in sgr_params(&s.raw) {
            let n: Vec<&str> = p.split(';').collect();
            assert!(
                !n.windows(2)
                    .any(|w| (w[0] == "38" || w[0] == "48") && (w[1] == "5" || w[1] == "2")),
                "256-colour or true-colour code {p:?} on TERM={term}"
            );
        }
    }
}

#[test]
fn secrets_are_masked_while_typed() {
    let s = pty(
        &[],
        &[],
        100,
        30,
        &[
            Step::Expect("not authenticated> "),
            Step::Send("LOGIN alex dr"),
            Step::Sleep(0.3),
            Step::Send("ums"),
            Step::Sleep(0.3),
            Step::Send("\u{1b}[D\u{1b}[D"),
            Step::Sleep(0.3),
            Step::Send("\r"),
            Step::Expect("authenticated> "),
            Step::Send(":auth plain riley firefly\r"),
            Step::Expect("> "),
        ],
    );
    // (The banner names the lab's users and passwords; look after it.)
    let typed = &s.raw[s.raw.find("not authenticated> ").unwrap()..];
    assert!(
        !typed.contains("drums"),
        "password shown while typed:\n{typed:?}"
    );
    assert!(
        !typed.contains("firefly"),
        "password shown while typed:\n{typed:?}"
    );
    assert!(s.text.contains("LOGIN alex *****"), "{}", s.text);
    assert!(s.text.contains("a001 OK"), "{}", s.text);
}

#[test]
fn a_recalled_masked_line_gets_its_secret_back_or_is_refused() {
    const UP: &str = "\u{1b}[A";
    let s = pty(
        &["--color", "never"],
        &[],
        100,
        30,
        &[
            Step::Expect("not authenticated> "),
            Step::Send("LOGIN alex drums\r"),
            Step::Expect("a001 OK"),
            Step::Expect("authenticated> "),
            // A second session on the same server, still to log in.
            Step::Send(":connect imap\r"),
            Step::Expect("not authenticated> "),
            Step::Send(UP),
            Step::Sleep(0.2),
            Step::Send(UP),
            Step::Expect("LOGIN alex ****"),
            Step::Send("\r"),
            Step::Expect("put back from memory"),
            Step::Expect("OK"),
            Step::Expect("authenticated> "),
        ],
    );
    let typed = &s.raw[s.raw.find("not authenticated> ").unwrap()..];
    assert!(!typed.contains("drums"), "{typed:?}");
    let history = std::fs::read_to_string(s.dir.path().join("maillab/history")).unwrap();
    assert!(history.contains("LOGIN alex ****"), "{history}");
    assert!(!history.contains("drums"), "{history}");

    // After a restart the secret is gone: the mask is refused, not sent.
    let s = pty_in(
        s.dir,
        &["--color", "never"],
        &[],
        100,
        30,
        &[
            Step::Expect("not authenticated> "),
            Step::Send("\u{12}LOGIN al"),
            Step::Expect("LOGIN alex ****"),
            Step::Send("\r"),
            Step::Expect("Not sent"),
            Step::Expect("not authenticated> "),
            Step::Send("NOOP\r"),
            Step::Expect("a001 OK"),
        ],
    );
    assert!(
        !s.text.contains("AUTHENTICATIONFAILED"),
        "the mask went to the server:\n{}",
        s.text
    );
}

#[test]
fn auth_cram_md5_shows_its_lines_and_the_warning_that_fits() {
    let s = pty(
        &["--color", "never", "smtp"],
        &[],
        100,
        40,
        &[
            Step::Expect("> "),
            Step::Send("EHLO lab\r"),
            Step::Expect("250 HELP"),
            Step::Expect("> "),
            Step::Send(":auth cram-md5 alex drums\r"),
            Step::Expect("235 "),
            Step::Expect("> "),
        ],
    );
    let t = &s.text;
    // Each client line of the exchange is shown, the answer decoded too.
    assert!(t.contains("C: AUTH CRAM-MD5"), "{t}");
    let answer = t
        .lines()
        .skip_while(|l| !l.contains("answer: \"alex "))
        .nth(1)
        .unwrap_or_default();
    assert!(
        answer.starts_with("C: YWxleC"),
        "the base64 answer is not shown: {t}"
    );
    // The warning says what crossed (user and digest), not that the password did,
    // and where the bytes went.
    let after = &t[t.find("S: 235").unwrap()..];
    assert!(after.contains("digest"), "{after}");
    assert!(after.contains("offline"), "{after}");
    assert!(!after.contains("password itself"), "{after}");
    assert!(after.contains("never left the process"), "{after}");
}

#[test]
fn wait_says_when_nothing_came() {
    let s = pty(
        &["--color", "never"],
        &[],
        100,
        30,
        &[
            Step::Expect("not authenticated> "),
            Step::Send(":wait 1\r"),
            Step::Expect("Nothing arrived in 1 s"),
            Step::Expect("not authenticated> "),
        ],
    );
    assert!(s.text.contains("Nothing arrived"), "{}", s.text);
}

#[test]
fn a_pasted_block_and_typed_ahead_lines_each_go_out_after_the_reply() {
    // Twelve lines from course note 001's sessions, pasted at once (bracketed paste).
    let block = [
        "LOGIN alex drums",
        "SELECT newbox",
        "STORE 1 +FLAGS (\\Deleted)",
        "STATUS newbox (MESSAGES UNSEEN)",
        "EXPUNGE",
        "SEARCH HEADER SUBJECT test",
        "SEARCH UNSEEN",
        "FETCH 1 FLAGS",
        "NOOP",
        "LIST \"\" *",
        "CAPABILITY",
        "CLOSE",
    ]
    .join("\r");
    // The line editor holds a pasted block until Enter, as it holds any pasted text.
    let paste = format!("\u{1b}[200~{block}\r\u{1b}[201~\r");
    let s = pty(
        &["--color", "never"],
        &[],
        120,
        40,
        &[
            Step::Expect("not authenticated> "),
            Step::Send(&paste),
            Step::Expect("a012 OK"),
            Step::Expect("authenticated> "),
            // Five commands typed at once, faster than any reply.
            Step::Send("NOOP\rNOOP\rCAPABILITY\rNOOP\rLOGOUT\r"),
            Step::Expect("a017 OK"),
        ],
    );
    let t = &s.text;
    for n in 1..=17 {
        let tag = format!("a{n:03} ");
        assert!(
            t.lines().any(|l| l.starts_with(&format!("S: {tag}"))),
            "{tag}has no tagged reply:\n{t}"
        );
    }
    // Each command went out on its own, in order, not glued into one line.
    assert!(!t.contains("is not an IMAP command"), "{t}");
    assert!(t.contains("S: a002 OK [READ-WRITE]"), "{t}");
    assert!(t.contains("S: a012 OK"), "{t}");
    assert!(!t.contains("drums"[..].repeat(2).as_str()));
}

#[test]
fn lines_queued_behind_a_goodbye_are_counted_not_sent() {
    let s = pty(
        &["--color", "never", "pop3"],
        &[],
        100,
        30,
        &[
            Step::Expect("> "),
            Step::Send("\u{1b}[200~USER alex\rPASS drums\rQUIT\rSTAT\rLIST\u{1b}[201~\r"),
            Step::Expect("2 lines typed ahead were not sent"),
        ],
    );
    assert!(
        s.text.contains("+OK maillab POP3 server signing off"),
        "{}",
        s.text
    );
}

// ---------------------------------------------------------------- verbosity, :why, :pipeline

/// Terminal rows `text`'s lines take at `cols` columns.
fn rows_at(text: &str, cols: usize) -> usize {
    text.lines()
        .map(|l| {
            maillab::repl::render::display_width(l)
                .div_ceil(cols)
                .max(1)
        })
        .sum()
}

/// What the terminal showed before the first prompt (the greeting and its notes).
fn before_prompt(text: &str) -> &str {
    let start = text.find("S: ").expect("a greeting");
    let prompt = text.find("not authenticated> ").expect("a prompt");
    // The prompt's own row starts after the last newline before it.
    let end = text[..prompt].rfind('\n').unwrap_or(prompt);
    text[start..end].trim_matches(['\r', '\n'])
}

#[test]
fn the_greeting_takes_six_rows_at_80x24_and_full_takes_more() {
    let steps = [Step::Expect("not authenticated> ")];
    let brief = pty(&["--color", "never"], &[], 80, 24, &steps);
    let greeting = before_prompt(&brief.text);
    assert!(
        greeting.starts_with("S: * OK [CAPABILITY"),
        "{}",
        brief.text
    );
    assert!(rows_at(greeting, 80) <= 6, "more than 6 rows:\n{greeting}");
    // The capability list is summed up on one line that fits, pointing at :why.
    let summary: Vec<&str> = greeting.lines().filter(|l| l.contains(":why")).collect();
    assert_eq!(summary.len(), 1, "{greeting}");
    assert!(summary[0].contains("IMAP4rev1"), "{greeting}");
    assert!(maillab::repl::render::display_width(summary[0]) <= 80);
    // The same greeting in full is what brief saves the learner from.
    let full = pty(
        &["--color", "never", "--explain", "full"],
        &[],
        80,
        24,
        &steps,
    );
    let all = before_prompt(&full.text);
    assert!(rows_at(all, 80) > 12, "{all}");
    assert!(all.contains("IDLE: "), "{all}");
    assert!(!greeting.contains("IDLE: "), "{greeting}");
}

#[test]
fn why_shows_every_explanation_of_the_last_reply() {
    let s = pty(
        &["--color", "never"],
        &[],
        100,
        40,
        &[
            Step::Expect("not authenticated> "),
            Step::Send("CAPABILITY\r"),
            Step::Expect("a001 OK"),
            Step::Expect("not authenticated> "),
            Step::Send(":why\r"),
            Step::Expect("not authenticated> "),
        ],
    );
    let t = &s.text;
    let caps = t
        .lines()
        .find_map(|l| l.strip_prefix("S: * CAPABILITY "))
        .expect("a CAPABILITY line")
        .split_whitespace()
        .collect::<Vec<_>>();
    assert!(caps.len() >= 10, "{t}");
    let asked = t.rfind(":why").unwrap();
    let (before, after) = t.split_at(asked);
    for cap in &caps {
        let note = format!("= {cap}: ");
        assert!(!before.contains(&note), "brief showed {cap}:\n{t}");
        assert!(after.contains(&note), ":why left out {cap}:\n{t}");
    }
    // The whole reply again: its untagged line and its tagged status.
    assert!(after.contains("S: * CAPABILITY"), "{after}");
    assert!(after.contains("S: a001 OK"), "{after}");
}

#[test]
fn explain_levels_are_remembered_for_the_run() {
    let s = pty(
        &["--color", "never"],
        &[],
        100,
        40,
        &[
            Step::Expect("not authenticated> "),
            Step::Send(":explain off\r"),
            Step::Expect("not authenticated> "),
            Step::Send("NOOP\r"),
            Step::Expect("a001 OK"),
            Step::Expect("not authenticated> "),
            Step::Send("CAPABILITY\r"),
            Step::Expect("a002 OK"),
            Step::Expect("not authenticated> "),
            Step::Send(":explain full\r"),
            Step::Expect("not authenticated> "),
            Step::Send("NOOP\r"),
            Step::Expect("a003 OK"),
            Step::Expect("not authenticated> "),
            Step::Send("CAPABILITY\r"),
            Step::Expect("a004 OK"),
            Step::Expect("not authenticated> "),
        ],
    );
    let t = &s.text;
    let under = |tag: &str| -> Vec<String> {
        // The explanation lines between the tagged reply and the next prompt.
        let at = t.find(&format!("S: {tag} OK")).unwrap();
        t[at..]
            .lines()
            .skip(1)
            .take_while(|l| !l.contains("> "))
            .filter(|l| l.starts_with("   = "))
            .map(String::from)
            .collect()
    };
    assert!(under("a001").is_empty(), "{t}");
    assert!(under("a002").is_empty(), "{t}");
    assert!(!under("a003").is_empty(), "{t}");
    // Off for two commands, then full: every capability explained.
    let a004 = t.find("C: a004 CAPABILITY").unwrap();
    assert!(t[a004..].contains("= IDLE: "), "{t}");
    let a002 = t.find("C: a002 CAPABILITY").unwrap();
    let a003 = t.find("C: a003 NOOP").unwrap();
    assert!(!t[a002..a003].contains("   = "), "{t}");
}

/// The wire lines the terminal showed, in order (`C:` and `S:` lines).
fn wire(text: &str) -> Vec<&str> {
    text.lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| l.starts_with("C: ") || l.starts_with("S: "))
        .collect()
}

#[test]
fn pipeline_in_smtp_shows_each_reply_under_its_command() {
    let s = pty(
        &["--color", "never", "smtp"],
        &[],
        100,
        40,
        &[
            Step::Expect("> "),
            Step::Send(
                ":pipeline EHLO lab ; MAIL FROM:<a@maillab.test> ; RCPT TO:<alex@maillab.test> ; DATA\r",
            ),
            Step::Expect("S: 354"),
            Step::Send("Subject: piped\r\rhello\r.\r"),
            Step::Expect("S: 250 2.0.0"),
        ],
    );
    let w = wire(&s.text);
    let at = |prefix: &str| {
        w.iter()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?}:\n{}", s.text))
    };
    // Each command, then its reply, in order.
    assert_eq!(at("C: EHLO lab") + 1, at("S: 250-"), "{}", s.text);
    assert!(
        w[at("C: MAIL FROM") - 1].starts_with("S: 250 "),
        "{}",
        s.text
    );
    assert!(
        w[at("C: MAIL FROM") + 1].starts_with("S: 250 2.1.0"),
        "{}",
        s.text
    );
    assert!(
        w[at("C: RCPT TO") + 1].starts_with("S: 250 2.1.5"),
        "{}",
        s.text
    );
    assert!(w[at("C: DATA") + 1].starts_with("S: 354"), "{}", s.text);
}

#[test]
fn pipeline_in_imap_tags_every_line_and_answers_each() {
    let s = pty(
        &["--color", "never"],
        &[],
        100,
        40,
        &[
            Step::Expect("not authenticated> "),
            Step::Send(":pipeline LOGIN alex drums ; SELECT INBOX ; NOOP\r"),
            Step::Expect("a003 OK"),
            Step::Expect("selected INBOX> "),
        ],
    );
    let w = wire(&s.text);
    let at = |prefix: &str| {
        w.iter()
            .position(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no {prefix:?}:\n{}", s.text))
    };
    assert!(w.contains(&"C: a001 LOGIN alex ****"), "{}", s.text);
    // The password is masked on the input line while typed, as a lone LOGIN is.
    let typed = &s.raw[s.raw.find("not authenticated> ").unwrap()..];
    assert!(
        !typed.contains("drums"),
        "password shown while typed:\n{typed:?}"
    );
    assert!(at("C: a001") < at("S: a001 OK"));
    assert!(at("S: a001 OK") < at("C: a002 SELECT INBOX"));
    assert!(at("C: a002") < at("S: * 2 EXISTS") && at("S: * 2 EXISTS") < at("S: a002 OK"));
    assert!(at("S: a002 OK") < at("C: a003 NOOP"));
    assert_eq!(at("C: a003 NOOP") + 1, at("S: a003 OK"), "{}", s.text);
}

// ---------------------------------------------------------------- Arabic from the locale

/// The longest stretch of `id`'s Arabic text (English where the Arabic file lacks
/// it) between placeables, without bidi controls: what the screen must show.
fn arabic_fragment(id: &str) -> String {
    let text = maillab::protocol::text::arabic()
        .lookup(id)
        .unwrap_or_else(|| panic!("no text {id}"));
    let plain = maillab::protocol::bidi::strip_controls(text).into_owned();
    let mut pieces: Vec<&str> = Vec::new();
    let mut rest = plain.as_str();
    while let Some(open) = rest.find('{') {
        pieces.push(&rest[..open]);
        rest = rest[open..].find('}').map_or("", |c| &rest[open + c + 1..]);
    }
    pieces.push(rest);
    let best = pieces
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.chars().count())
        .unwrap_or_default();
    assert!(best.chars().count() >= 3, "{id}: {plain:?}");
    best.to_string()
}

/// With `LANG=ar_EG.UTF-8` and no `--lang`, a session of each protocol on the
/// embedded servers shows the prompt's state words, `:help`, explanations and the
/// clear-text warning from the Arabic file, each Arabic line beginning with RLM.
#[test]
fn arabic_from_lang_in_every_protocol_on_a_terminal() {
    use maillab::protocol::bidi;
    let env = [("LANG", "ar_EG.UTF-8"), ("LC_ALL", ""), ("LC_MESSAGES", "")];
    let sessions: [(&str, &[Step], &[&str]); 3] = [
        (
            "imap",
            &[
                Step::Expect("maillab mock IMAP server ready"),
                Step::Expect("> "),
                Step::Send(":help\r"),
                Step::Expect("UNSELECT"),
                Step::Expect("> "),
                Step::Send("LOGIN alex drums\r"),
                Step::Expect("a001 OK"),
                Step::Expect("> "),
            ],
            &[
                "state.imap.not_authenticated",
                "state.imap.authenticated",
                "repl.commands_valid_now_help",
                "repl.cleartext_password",
            ],
        ),
        (
            "pop3",
            &[
                Step::Expect("+OK"),
                Step::Expect("> "),
                Step::Send(":help\r"),
                Step::Expect("STAT"),
                Step::Expect("> "),
                Step::Send("USER alex\r"),
                Step::Expect("+OK"),
                Step::Expect("> "),
                Step::Send("PASS drums\r"),
                Step::Expect("+OK"),
                Step::Expect("> "),
            ],
            &[
                "state.pop3.authorization",
                "state.pop3.transaction",
                "repl.commands_valid_now_help",
                "repl.cleartext_password",
            ],
        ),
        (
            "smtp",
            &[
                Step::Expect("220 "),
                Step::Expect("> "),
                Step::Send(":help\r"),
                Step::Expect("RCPT"),
                Step::Expect("> "),
                Step::Send("EHLO client.test\r"),
                Step::Expect("250 "),
                Step::Expect("> "),
                Step::Send("AUTH PLAIN AGFsZXgAZHJ1bXM=\r"),
                Step::Expect("235"),
                Step::Expect("> "),
            ],
            &[
                "state.smtp.connected",
                "state.smtp.greeted",
                "repl.commands_valid_now_help",
                "repl.cleartext_password",
            ],
        ),
    ];
    for (cmd, steps, ids) in sessions {
        let s = pty(&[cmd, "--color", "never"], &env, 250, 60, steps);
        let shown = bidi::strip_controls(&s.text).into_owned();
        for id in ids {
            let want = arabic_fragment(id);
            assert!(
                shown.contains(&want),
                "{cmd}: {id} ({want:?}) not shown:\n{}",
                s.text
            );
        }
        // Explanations in Arabic, each line a right-to-left paragraph; protocol
        // lines untouched.
        let notes: Vec<&str> = s
            .text
            .lines()
            .filter(|l| l.trim_start_matches(bidi::RLM).starts_with("   = ") && bidi::has_rtl(l))
            .collect();
        assert!(
            notes.len() >= 2,
            "{cmd}: no Arabic explanations:\n{}",
            s.text
        );
        for l in notes {
            assert!(l.starts_with(bidi::RLM), "{cmd}: {l:?}");
        }
        for l in s
            .text
            .lines()
            .filter(|l| l.starts_with("C: ") || l.starts_with("S: "))
        {
            assert!(!l.chars().any(bidi::is_control), "{cmd}: {l:?}");
        }
        // The prompt leads left-to-right typing: a left-to-right line (no RLM),
        // its Arabic state word isolated.
        let prompts: Vec<&str> = s
            .text
            .lines()
            .filter(|l| l.contains(&format!("{cmd} · ")) && l.contains("> "))
            .collect();
        assert!(!prompts.is_empty(), "{cmd}: no prompt:\n{}", s.text);
        for l in prompts {
            assert!(l.starts_with(&format!("{cmd} · ")), "{cmd}: {l:?}");
        }
    }
}
