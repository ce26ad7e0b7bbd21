# The course notes' "Code 1" (file 000): Python imaplib logs in, selects the
# inbox, searches ALL and prints the first message (RFC822) with pprint.
#
# Changed from the notes, and nothing else (lines marked "maillab:"): host, port
# and credentials point at `maillab serve`'s IMAPS endpoint (alex/drums); host
# and port come from argv (HOST PORT) or MAILLAB_HOST / MAILLAB_IMAPS_PORT.
# The certificate is NOT verified, here as in the notes: imaplib.IMAP4_SSL()
# without ssl_context uses an unverified context in every Python 3 (no CA check,
# no host name check), so any impostor on the path would be accepted silently.
# imap_code1_verified.py is the same program with a verifying context.
import imaplib
import pprint
import os, sys  # maillab: to read host and port

imap_host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('MAILLAB_HOST', '127.0.0.1')  # maillab
imap_port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('MAILLAB_IMAPS_PORT', '1993'))  # maillab
imap_user = 'alex'  # maillab
imap_pass = 'drums'  # maillab

# connect to host using SSL
imap = imaplib.IMAP4_SSL(imap_host, imap_port)  # maillab: the port

## login to server
imap.login(imap_user, imap_pass)

imap.select('Inbox')

tmp, data = imap.search(None, 'ALL')
for num in data[0].split():
    tmp, data = imap.fetch(num, '(RFC822)')
    print('Message: {0}\n'.format(num))
    pprint.pprint(data[0][1])
    break

imap.close()
imap.logout()
