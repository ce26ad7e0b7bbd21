# The course notes' "Code 2" (file 000): Python imaplib fetches the N newest
# messages, decodes Subject and From (RFC 2047), prints text/plain parts, saves
# attachments into a folder named after the subject and writes HTML parts to
# index.html in that folder, then opens it in a browser.
#
# Changed from the notes, and nothing else (lines marked "maillab:"):
# - host, port and credentials point at `maillab serve`'s IMAPS endpoint
#   (riley/firefly, whose INBOX holds the three messages this code expects); host
#   and port come from argv (HOST PORT) or MAILLAB_HOST / MAILLAB_IMAPS_PORT.
#   The certificate is NOT verified, here as in the notes: IMAP4_SSL() without
#   ssl_context uses an unverified context in every Python 3 (see
#   imap_code1_verified.py for the one-line fix).
# Transcription errors in the notes, mended:
# - the code is printed in fragments that lost their indentation; it is nested
#   again as the text describes it (all of it inside the two for loops);
# - `if content_type == "text/plain" and "attachment" not in` was split
#   mid-expression onto two lines: joined into one;
# - a stray "5th" between two fragments is dropped.
# Run it in a scratch directory: it creates its folders in the current one.
# BROWSER=true in the environment keeps webbrowser.open quiet.
import imaplib
import email
from email.header import decode_header
import webbrowser
import os
import sys  # maillab: to read host and port

# account credentials
username = "riley"  # maillab
password = "firefly"  # maillab
host = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("MAILLAB_HOST", "127.0.0.1")  # maillab
port = int(sys.argv[2] if len(sys.argv) > 2 else os.environ.get("MAILLAB_IMAPS_PORT", "1993"))  # maillab

def clean(text):
    # clean text for creating a folder
    return "".join(c if c.isalnum() else "_" for c in text)

# number of top emails to fetch
N = 3

# create an IMAP4 class with SSL, use your email provider's IMAP server
imap = imaplib.IMAP4_SSL(host, port)  # maillab: the lab server
# authenticate
imap.login(username, password)

# select a mailbox (in this case, the inbox mailbox)
# use imap.list() to get the list of mailboxes
status, messages = imap.select("INBOX")

# total number of emails
messages = int(messages[0])

for i in range(messages, messages-N, -1):
    # fetch the email message by ID
    res, msg = imap.fetch(str(i), "(RFC822)")
    for response in msg:
        if isinstance(response, tuple):
            # parse a bytes email into a message object
            msg = email.message_from_bytes(response[1])

            # decode the email subject
            subject, encoding = decode_header(msg["Subject"])[0]
            if isinstance(subject, bytes):
                # if it's a bytes, decode to str
                subject = subject.decode(encoding)
            # decode email sender
            From, encoding = decode_header(msg.get("From"))[0]
            if isinstance(From, bytes):
                From = From.decode(encoding)
            print("Subject:", subject)
            print("From:", From)

            # if the email message is multipart
            if msg.is_multipart():
                # iterate over email parts
                for part in msg.walk():
                    # extract content type of email
                    content_type = part.get_content_type()
                    content_disposition = str(part.get("Content-Disposition"))

                    try:
                        # get the email body
                        body = part.get_payload(decode=True).decode()
                    except:
                        pass
                    if content_type == "text/plain" and "attachment" not in content_disposition:  # maillab: joined
                        # print text/plain emails and skip attachments
                        print(body)
                    elif "attachment" in content_disposition:
                        # download attachment
                        filename = part.get_filename()
                        if filename:
                            folder_name = clean(subject)
                            if not os.path.isdir(folder_name):
                                # make a folder for this email (named after the subject)
                                os.mkdir(folder_name)
                            filepath = os.path.join(folder_name, filename)
                            # download attachment and save it
                            open(filepath, "wb").write(part.get_payload(decode=True))
            else:
                # extract content type of email
                content_type = msg.get_content_type()
                # get the email body
                body = msg.get_payload(decode=True).decode()
                if content_type == "text/plain":
                    # print only text email parts
                    print(body)
            if content_type == "text/html":
                # if it's HTML, create a new HTML file and open it in browser
                folder_name = clean(subject)
                if not os.path.isdir(folder_name):
                    # make a folder for this email (named after the subject)
                    os.mkdir(folder_name)
                filename = "index.html"
                filepath = os.path.join(folder_name, filename)
                # write the file
                open(filepath, "w").write(body)
                # open in the default browser
                webbrowser.open(filepath)
            print("="*100)

# close the connection and logout
imap.close()
imap.logout()
