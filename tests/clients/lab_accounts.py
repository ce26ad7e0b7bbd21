# Accounts and the teacher's ctl commands of `maillab serve`, as Python's mail
# libraries and `maillab ctl` meet them. Each check prints one line "NAME: value" for
# tests/serve_accounts.rs to read.
# Usage: lab_accounts.py PORTS_JSON MODE MAILLAB_BINARY TOKEN [ARG]
import imaplib, json, poplib, re, smtplib, subprocess, sys, threading
from labkit import host, port, ports, report  # noqa: F401

mode, binary, token = sys.argv[2], sys.argv[3], sys.argv[4]
extra = sys.argv[5] if len(sys.argv) > 5 else ''

def ctl(*args, token=token, login=None):
    cmd = [binary, 'ctl', '--server', ports['control']]
    if token:
        cmd += ['--token', token]
    if login:
        cmd += ['--login', login[0], '--password', login[1]]
    r = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=60)
    return r.returncode, r.stdout, r.stderr

def imap(user, password):
    m = imaplib.IMAP4(host, port('imap'), timeout=30)
    m.login(user, password)
    return m

def login_result(user, password):
    """The IMAP LOGIN outcome: OK, or the server's text."""
    m = imaplib.IMAP4(host, port('imap'), timeout=30)
    try:
        m.login(user, password)
        m.logout()
        return 'OK'
    except imaplib.IMAP4.error as e:
        return f'NO {e}'

def subjects(m, mailbox='INBOX'):
    typ, data = m.select(mailbox)
    n = int(data[0])
    if n == 0:
        return []
    typ, data = m.fetch('1:*', '(BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
    out = []
    for part in data:
        if isinstance(part, tuple):
            out.append(part[1].decode().strip().removeprefix('Subject:').strip())
    return out

def state(m):
    """Every selectable mailbox: UIDVALIDITY, then (UID, flags, subject) per message."""
    typ, data = m.list()
    result = {}
    for line in data:
        name = line.decode().rsplit(' ', 1)[1].strip('"')
        if '\\Noselect' in line.decode():
            continue
        typ, d = m.select(name)
        typ, uv = m.response('UIDVALIDITY')
        msgs = []
        if int(d[0]) > 0:
            typ, fd = m.uid('fetch', '1:*', '(FLAGS BODY.PEEK[HEADER.FIELDS (SUBJECT)])')
            for part in fd:
                if isinstance(part, tuple):
                    head = part[0].decode()
                    uid = int(re.search(r'UID (\d+)', head).group(1))
                    flags = sorted(f for f in re.search(r'FLAGS \(([^)]*)\)', head).group(1).split()
                                   if f != '\\Recent')
                    subj = part[1].decode().strip().removeprefix('Subject:').strip()
                    msgs.append([uid, flags, subj])
        result[name] = [int(uv[0]), msgs]
    return result

def send(frm, to, subject):
    s = smtplib.SMTP(host, port('smtp'), timeout=30)
    s.sendmail(frm, [to], f'From: {frm}\r\nTo: {to}\r\nSubject: {subject}\r\n\r\nhello\r\n')
    s.quit()

if mode == 'thirty':
    # A recipient that does not exist yet is refused, by address.
    s = smtplib.SMTP(host, port('smtp'), timeout=30)
    s.ehlo()
    s.mail('alex@maillab.test')
    code, msg = s.rcpt('s07@maillab.test')
    report('rcpt-before', f'{code} {msg.decode().split()[0]}')
    s.quit()
    names = [f's{i:02d}' for i in range(1, 31)]
    errors = []
    barrier = threading.Barrier(len(names))

    def student(i, name):
        try:
            barrier.wait(timeout=30)
            # Half log in by address: the same account either way.
            login = f'{name}@maillab.test' if i % 2 else name
            m = imap(login, f'pw-{name}')
            barrier.wait(timeout=30)
            nxt = names[(i + 1) % len(names)]
            send(f'{name}@maillab.test', f'{nxt}@maillab.test', f'from {name} to {nxt}')
            barrier.wait(timeout=30)
            got = subjects(m)
            m.logout()
            prev = names[(i - 1) % len(names)]
            want = ['test', 'another test', f'from {prev} to {name}']
            if got != want:
                errors.append(f'{name} sees {got}')
        except Exception as e:
            errors.append(f'{name}: {e!r}')
            try:
                barrier.abort()
            except Exception:
                pass

    threads = [threading.Thread(target=student, args=(i, n)) for i, n in enumerate(names)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    report('students-errors', len(errors))
    for e in errors[:5]:
        report('student-error', e)
    # The account keeps the password it was made with.
    report('wrong-password', login_result('s05', 'other'))
    report('same-password', login_result('S05', 'pw-s05'))
    # The demo user is not a new account under another password.
    report('demo-other-password', login_result('alex', 'guess'))
    report('demo-by-address', login_result('alex@maillab.test', 'drums'))
    # Now that s07 exists, the address is delivered.
    s = smtplib.SMTP(host, port('smtp'), timeout=30)
    s.ehlo()
    s.mail('alex@maillab.test')
    code, msg = s.rcpt('s07@maillab.test')
    report('rcpt-after', code)
    s.quit()
    code, out, err = ctl('users')
    rows = [l.split() for l in out.splitlines()[1:]]
    report('users-count', len(rows))
    report('users-s05', ' '.join(next((r for r in rows if r[0] == 's05'), ['missing'])[1:]))

elif mode == 'cap':
    report('first', login_result('one', 'pw1'))
    report('second', login_result('two@maillab.test', 'pw2'))
    report('over-cap', login_result('three', 'pw3'))
    report('bad-name', login_result('no/good', 'pw'))
    report('reserved-name', login_result('postmaster', 'pw'))
    p = poplib.POP3(host, port('pop3'), timeout=30)
    p.user('four')
    try:
        p.pass_('pw4')
        report('pop3-over-cap', 'OK')
    except poplib.error_proto as e:
        report('pop3-over-cap', e.args[0].decode())
    p.quit()
    report('existing-still', login_result('one', 'pw1'))

elif mode == 'users-file':
    report('kim', login_result('kim', 'secret word'))
    report('kim-wrong', login_result('kim', 'secret'))
    report('stranger', login_result('stranger', 'x'))
    report('riley-new-password', login_result('riley', 'newpass'))
    m = imap('kim@maillab.test', 'secret word')
    report('kim-inbox', ' | '.join(subjects(m)))
    m.logout()
    code, out, err = ctl('users')
    report('users-kim', ' '.join(next((l.split()[1:] for l in out.splitlines() if l.startswith('kim ')), ['missing'])))
    code, out, err = ctl('users', token=None, login=('kim', 'secret word'))
    report('users-as-kim', ','.join(l.split()[0] for l in out.splitlines()[1:]))

elif mode == 'reset':
    a = imap('alex', 'drums')
    a.select('INBOX')
    typ, uv = a.response('UIDVALIDITY')
    before = int(uv[0])
    a.store('1', '+FLAGS', '\\Deleted')
    a.expunge()
    a.append('INBOX', None, None, b'Subject: extra\r\n\r\nx\r\n')
    # A second session sits in INBOX, another in newbox, riley's in hers.
    b = imap('alex', 'drums')
    b.select('INBOX')
    c = imap('alex', 'drums')
    c.select('newbox')
    r = imap('riley', 'firefly')
    r.select('INBOX')
    p = poplib.POP3(host, port('pop3'), timeout=30)
    p.user('alex')
    p.pass_('drums')
    p.dele(1)
    # A student may not reset, nor may an anonymous client on loopback.
    code, out, err = ctl('reset', token=None, login=('alex', 'drums'))
    report('student-reset', f'{code} {"teacher" in err}')
    code, out, err = ctl('reset', token=None)
    report('anonymous-reset', f'{code} {"teacher" in err}')
    code, out, err = ctl('reset', token='wrong')
    report('wrong-token-reset', code)
    code, out, err = ctl('reset', 'alex')
    report('teacher-reset', code)
    b.sock.settimeout(10)
    report('selected-session', b.readline().decode().strip()[:13])
    # newbox was not changed: its session stays.
    typ, data = c.noop()
    report('newbox-session', typ)
    typ, data = r.noop()
    report('other-user-session', typ)
    try:
        p.sock.settimeout(10)
        report('pop3-session', p.file.readline().decode().strip()[:15])
    except Exception as e:
        report('pop3-session', repr(e))
    m = imap('alex', 'drums')
    m.select('INBOX')
    typ, uv = m.response('UIDVALIDITY')
    report('uidvalidity-bumped', int(uv[0]) > before)
    report('inbox-after', ' | '.join(subjects(m)))
    m.logout()
    report('teacher-out', out.strip() != '')

elif mode == 'snapshot':
    m = imap('alex', 'drums')
    m.select('INBOX')
    m.store('2', '+FLAGS', '(\\Flagged $Lab)')
    taken = state(m)
    code, out, err = ctl('snapshot', 'lesson1')
    report('snapshot', code)
    m.select('INBOX')
    m.store('1', '+FLAGS', '\\Deleted')
    m.store('2', '-FLAGS', '\\Flagged')
    m.expunge()
    m.append('INBOX', '(\\Seen)', None, b'Subject: after\r\n\r\nx\r\n')
    m.create('Scratch')
    m.select('newbox')
    m.store('1:*', '+FLAGS', '\\Seen')
    m.logout()
    send('riley@maillab.test', 'alex@maillab.test', 'late mail')
    code, out, err = ctl('restore', 'lesson1')
    report('restore', code)
    code, out, err = ctl('restore', 'nothing')
    report('restore-unknown', code)
    m = imap('alex', 'drums')
    back = state(m)
    m.logout()
    same = {k: v[1] for k, v in back.items()} == {k: v[1] for k, v in taken.items()}
    report('round-trip', same)
    if not same:
        report('taken', json.dumps(taken))
        report('back', json.dumps(back))
    report('uidvalidity-inbox-bumped', back['INBOX'][0] > taken['INBOX'][0])
    report('uidvalidity-sent-kept', back['Sent'][0] == taken['Sent'][0])
    print('state: ' + json.dumps(back), flush=True)

elif mode == 'dump':
    m = imap('alex', 'drums')
    print('state: ' + json.dumps(state(m)), flush=True)
    m.logout()

elif mode == 'load':
    code, out, err = ctl('load', extra)
    report('load', code)
    m = imap('alex', 'drums')
    report('alex-inbox', ' | '.join(subjects(m)))
    m.logout()
    m = imap('riley', 'firefly')
    report('riley-inbox', ' | '.join(subjects(m)))
    m.logout()
    code, out, err = ctl('reset')
    m = imap('alex', 'drums')
    report('alex-after-reset', ' | '.join(subjects(m)))
    m.logout()

elif mode == 'deliver':
    m = imap('alex', 'drums')
    typ, data = m.select('INBOX')
    count = int(data[0])
    m.send(b'i1 IDLE\r\n')
    report('idle', m.readline().decode().strip()[:1])
    code, out, err = ctl('deliver', extra, '--to', 'alex@maillab.test')
    report('deliver', code)
    m.sock.settimeout(10)
    report('idle-saw', m.readline().decode().strip())
    m.send(b'DONE\r\n')
    for _ in range(10):
        if m.readline().startswith(b'i1 '):
            break
    n = count + 1
    typ, data = m.fetch(str(n), '(FLAGS BODY.PEEK[HEADER.FIELDS (RECEIVED SUBJECT)])')
    report('flags', re.search(r'FLAGS \(([^)]*)\)', data[0][0].decode()).group(1))
    head = data[0][1].decode()
    report('received', head.startswith('Received:'))
    report('subject', re.search(r'Subject: (.*)', head).group(1).strip())
    m.logout()
    code, out, err = ctl('deliver', extra, '--to', 'nobody')
    report('deliver-unknown', code)

elif mode == 'persist-before':
    m = imap('s01', 'pw-s01')
    m.select('INBOX')
    m.store('1', '+FLAGS', '\\Answered')
    m.logout()
    m = imap('alex', 'drums')
    m.select('INBOX')
    m.store('1', '+FLAGS', '\\Flagged')
    print('state: ' + json.dumps(state(m)), flush=True)
    m.logout()
    code, out, err = ctl('snapshot', 'start')
    report('snapshot', code)
    m = imap('alex', 'drums')
    m.select('INBOX')
    m.store('1:*', '+FLAGS', '\\Deleted')
    m.expunge()
    m.logout()
    code, out, err = ctl('restore', 'start')
    report('restore', code)

elif mode == 'persist-after':
    report('s01-login', login_result('s01', 'pw-s01'))
    report('s01-wrong', login_result('s01', 'other'))
    m = imap('s01', 'pw-s01')
    m.select('INBOX')
    typ, data = m.fetch('1', '(FLAGS)')
    report('s01-flags', re.search(r'FLAGS \(([^)]*)\)', data[0].decode()).group(1))
    m.logout()
    m = imap('alex', 'drums')
    print('restarted: ' + json.dumps(state(m)), flush=True)
    m.select('INBOX')
    m.store('1:*', '+FLAGS', '\\Deleted')
    m.expunge()
    m.logout()
    # The snapshot in memory went with the process: this one comes from the disk.
    code, out, err = ctl('restore', 'start')
    report('restore-from-disk', code)
    m = imap('alex', 'drums')
    print('state: ' + json.dumps(state(m)), flush=True)
    m.logout()

else:
    sys.exit(f'unknown mode {mode}')
