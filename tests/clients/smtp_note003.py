# The course notes' smtplib program (file 003): logs in and sends a plain
# message built as 'Subject: ...\n\n...' with sendmail. It asks for the password
# on standard input.
#
# Changed from the notes, and nothing else (lines marked "maillab:"):
# - host, port, credentials and recipient point at `maillab serve`: the
#   submission port, from argv (HOST PORT) or MAILLAB_HOST /
#   MAILLAB_SUBMISSION_PORT; alex@maillab.test logs in as alex and writes to
#   himself;
# - smtplib.SMTP instead of SMTP_SSL (and so no SSL context) until the lab
#   server's TLS endpoints are used.
import smtplib, ssl
import os, sys  # maillab: to read host and port

port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get('MAILLAB_SUBMISSION_PORT', '1587'))  # maillab
host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('MAILLAB_HOST', '127.0.0.1')  # maillab
context = ssl.create_default_context()
server = smtplib.SMTP(host, port)  # maillab: SMTP for SMTP_SSL(..., context=context)

sender_email = 'alex@maillab.test'  # maillab
rec_email = 'alex@maillab.test'  # maillab
subject = 'programming network'
msg_body = 'welcome to my project'
message = 'Subject: {}\n\n{}'.format(subject, msg_body)

password = input('Type your password and press enter: ')
server.login('alex', password)  # maillab: the lab server's login name

server.sendmail(sender_email, rec_email, message)
server.quit()
