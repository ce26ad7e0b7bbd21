### maillab's texts in one language, keyed by id (Project Fluent syntax).
### Rust code names a text by its dotted id (imap.code.trycreate); here each "." is
### "-" (see ftl_id in src/protocol/text.rs). { $name } is filled at run time;
### { $count -> [one] ... *[other] ... } picks the language's plural form.
### Keep each text short and plain: a student reads it under the line it explains.
### Another language is another file with the same ids and placeables; ids it
### lacks fall back to English one by one.

## Language: en

## [imap.cmd]

imap-cmd-capability = Ask the server which capabilities and extensions it supports.
imap-cmd-noop = Do nothing; gives the server a chance to report new mail and flag changes.
imap-cmd-logout = End the session: the server says BYE, then OK, then closes the connection.
imap-cmd-id = Exchange client and server identification (name, version) for logs and debugging.
imap-cmd-starttls = Switch this plaintext connection to TLS before logging in.
imap-cmd-authenticate = Log in with a SASL mechanism (PLAIN, LOGIN, CRAM-MD5 ...), answering the server's + challenges in base64.
imap-cmd-login = Log in with a user name and a password (sent in clear text unless TLS is on).
imap-cmd-enable = Turn on extensions that change how the server talks, e.g. UTF8=ACCEPT.
imap-cmd-select = Open a mailbox read-write; the server reports its counts, flags and UIDs.
imap-cmd-examine = Open a mailbox read-only: like SELECT, but nothing can be changed, \Seen is not set.
imap-cmd-create = Create a new mailbox.
imap-cmd-delete = Delete a mailbox and every message in it.
imap-cmd-rename = Rename a mailbox (renaming INBOX moves its messages into the new mailbox).
imap-cmd-subscribe = Add a mailbox to the subscription list that LSUB shows.
imap-cmd-unsubscribe = Remove a mailbox from the subscription list.
imap-cmd-list = List mailboxes matching a pattern: * matches everything, % stops at the hierarchy delimiter.
imap-cmd-lsub = List subscribed mailboxes matching a pattern.
imap-cmd-namespace = Ask where personal, other users' and shared mailboxes live and which delimiter they use.
imap-cmd-status = Ask for counts of a mailbox (MESSAGES, UNSEEN, UIDNEXT ...) without selecting it.
imap-cmd-append = Add a message to a mailbox; the message follows as a literal {"{"}size{"}"}.
imap-cmd-idle = Wait for the server to push changes (new mail, expunges) as they happen; end with DONE.
imap-cmd-done = End IDLE: the server then answers the IDLE command with its tagged OK.
imap-cmd-check = Ask the server to checkpoint the selected mailbox (a no-op on most servers).
imap-cmd-close = Close the mailbox, silently removing messages flagged \Deleted; back to authenticated state.
imap-cmd-unselect = Close the mailbox without removing \Deleted messages; back to authenticated state.
imap-cmd-expunge = Permanently remove every message flagged \Deleted; each removal is reported as * N EXPUNGE.
imap-cmd-search = Find messages matching criteria; the answer is * SEARCH with their sequence numbers.
imap-cmd-fetch = Retrieve data about messages: flags, envelope, headers, body parts, size, UID ...
imap-cmd-store = Change message flags: FLAGS replaces, +FLAGS adds, -FLAGS removes; .SILENT suppresses the echo.
imap-cmd-copy = Copy messages to another mailbox.
imap-cmd-move = Move messages to another mailbox (copy, then expunge from this one).
imap-cmd-uid = Run FETCH, SEARCH, STORE, COPY, MOVE or EXPUNGE with UIDs instead of sequence numbers.
imap-cmd-uid_fetch = FETCH by UID: the numbers are UIDs, and every answer includes the UID.
imap-cmd-uid_search = SEARCH, answering with UIDs instead of sequence numbers.
imap-cmd-uid_store = STORE by UID.
imap-cmd-uid_copy = COPY by UID.
imap-cmd-uid_move = MOVE by UID.
imap-cmd-uid_expunge = Expunge only the listed UIDs among the \Deleted messages (UIDPLUS).

## [smtp.cmd]

smtp-cmd-helo = Say hello with your host name (the original SMTP greeting, no extensions).
smtp-cmd-ehlo = Say hello with your host name and ask which extensions the server offers (ESMTP).
smtp-cmd-starttls = Switch this plaintext connection to TLS; say EHLO again afterwards.
smtp-cmd-auth = Log in with a SASL mechanism (PLAIN, LOGIN, CRAM-MD5), answering 334 challenges in base64.
smtp-cmd-mail = Start a new message and give the envelope sender (where bounces go).
smtp-cmd-rcpt = Add one envelope recipient; repeat for each recipient.
smtp-cmd-data = Send the message: headers, blank line, body, then a line with only ".".
smtp-cmd-bdat = Send the message in chunks of an exact size (CHUNKING); the last chunk says LAST.
smtp-cmd-rset = Abort the current message (sender, recipients, data); the session stays open.
smtp-cmd-vrfy = Ask whether a user or mailbox exists (most servers decline to say).
smtp-cmd-expn = Ask for the members of a mailing list (most servers decline).
smtp-cmd-help = Ask the server for help text.
smtp-cmd-noop = Do nothing; the server answers 250 OK.
smtp-cmd-quit = End the session: the server answers 221 and closes the connection.

## [pop3.cmd]

pop3-cmd-user = Give your user name; PASS must follow.
pop3-cmd-pass = Give the password for the user named by USER (in clear text unless TLS is on).
pop3-cmd-apop = Log in without sending the password: an MD5 digest of the greeting's timestamp and the password.
pop3-cmd-auth = Log in with a SASL mechanism, answering + challenges in base64.
pop3-cmd-stls = Switch this plaintext connection to TLS before logging in.
pop3-cmd-capa = Ask which capabilities the server supports (multi-line answer).
pop3-cmd-stat = Get the number of messages and their total size in octets.
pop3-cmd-list = List message numbers with their sizes, or the size of one message.
pop3-cmd-retr = Retrieve a whole message (multi-line answer ending with a line holding ".").
pop3-cmd-dele = Mark a message for deletion; it goes away at QUIT.
pop3-cmd-noop = Do nothing; the server answers +OK.
pop3-cmd-rset = Unmark every message marked with DELE.
pop3-cmd-top = Retrieve a message's headers and its first n body lines.
pop3-cmd-uidl = List unique ids that stay the same for a message across sessions.
pop3-cmd-quit = End the session; in the transaction state, messages marked with DELE are removed now.

## IMAP explanations
## [imap]

imap-literal_rest = The rest of the response after the literal's octets; ")" closes the FETCH data.
imap-other = Not an IMAP response line: responses start with a tag, "*" or "+". This may be part of a literal or a reply of another protocol.
imap-body = Message data of { $octets ->
        [one] { $octets } octet
       *[other] { $octets } octets
    }, sent as a literal: the client reads exactly that many octets, whatever they contain.

## [imap.cont]

imap-cont-generic = Continuation request: the server is ready for the rest of the command (e.g. the octets of a literal).
imap-cont-literal = Go ahead: the server is ready to receive the literal's octets you announced with {"{"}N{"}"}.
imap-cont-idle = IDLE is running: the server will now push changes (EXISTS, EXPUNGE, FETCH) as they happen. Send DONE to stop.
imap-cont-sasl = SASL challenge from the server (base64). Answer with a base64 line, or "*" to cancel.
imap-cont-sasl_decoded = SASL challenge: base64 for "{ $decoded }". Answer with your reply in base64, or "*" to cancel.

## [imap.status]

imap-status-ok_tagged = OK: the tagged reply that ends command { $tag } ({ $command }): it succeeded.
imap-status-no_tagged = NO: command { $tag } ({ $command }) was understood but failed; the text says why.
imap-status-bad_tagged = BAD: the server could not accept command { $tag } ({ $command }): unknown command, wrong syntax or wrong state.
imap-status-ok_untagged = Untagged OK: information from the server, not the end of a command.
imap-status-no_untagged = Untagged NO: a warning from the server; the command in progress goes on.
imap-status-bad_untagged = Untagged BAD: the server could not tell which command an error belongs to (e.g. an unparsable line).
imap-status-greeting = The server's greeting: you are connected, not logged in yet. Next: CAPABILITY, STARTTLS, or LOGIN.
imap-status-preauth = PREAUTH greeting: the connection is already logged in (e.g. by an external method); you start in the authenticated state.
imap-status-bye = BYE: the server is about to close the connection (shutdown, timeout or a fatal error).
imap-status-bye_logout = BYE answering LOGOUT: the server says goodbye; the tagged OK follows, then the connection closes.
imap-status-ok_tagged_bare = OK: the tagged reply that ends command { $tag }: it succeeded.
imap-status-no_tagged_bare = NO: command { $tag } was understood but failed; the text says why.
imap-status-bad_tagged_bare = BAD: the server could not accept command { $tag }: unknown command, wrong syntax or wrong state.

## [imap.why]

imap-why-unknown_command = { $status } because the server does not know a command named { $command }. See :help for the commands.
imap-why-needs_login = { $status } because { $command } { server-imap-state_reason-needs_login }.
imap-why-needs_select = { $status } because { $command } { server-imap-state_reason-needs_select }.
imap-why-already_logged_in = { $status } because { $command } { server-imap-state_reason-before_login_only }.
imap-why-logged_out = { $status } because the session has logged out; nothing more can be done on this connection.
imap-why-wrong_state = { $status } because { $command } is not valid in the { $state } state (valid in: { $valid }).
imap-why-syntax = BAD because the arguments of { $command } do not parse. Expected: { $syntax }
imap-why-read_only = { $status } because the mailbox was opened read-only (EXAMINE): { $command } cannot change it. SELECT it to make changes.
imap-why-read_only_in = { $status } because { $mailbox } was opened read-only (EXAMINE): { $command } cannot change it. SELECT { $mailbox } to make changes.

## [imap.warn]

imap-warn-cleartext_login = Warning: this connection has no TLS, so the password just crossed the network in clear text for anyone watching. Use STARTTLS or port 993.

## [imap.after.login]

imap-after-login-ok = Logged in: the session is now in the authenticated state. SELECT a mailbox next.
imap-after-login-no = Login refused: wrong user name or password (or login is disabled). Still not authenticated.

## [imap.after.authenticate]

imap-after-authenticate-ok = Authenticated through SASL: the session is now in the authenticated state.
imap-after-authenticate-no = SASL authentication failed: wrong credentials or mechanism. Still not authenticated.
imap-after-authenticate-bad = The AUTHENTICATE exchange was cancelled or malformed (an answer that is not valid base64?).

## [imap.after.select]

imap-after-select-ok = Mailbox selected: the session is now in the selected state; FETCH, SEARCH, STORE and friends work on it.
imap-after-select-ok_reselect = The new mailbox is selected; the previously selected one was closed without expunging.
imap-after-select-no = SELECT failed: no such mailbox, or no access. Any previously selected mailbox is closed now (authenticated state).

## [imap.after.examine]

imap-after-examine-ok = Mailbox opened read-only: you can read, but flags do not change and nothing is expunged.
imap-after-examine-no = EXAMINE failed: no such mailbox, or no access.

## [imap.after.create]

imap-after-create-ok = The mailbox now exists.
imap-after-create-no = CREATE failed: the name exists already, is invalid, or you may not create it.

## [imap.after.delete]

imap-after-delete-ok = The mailbox and its messages are gone.
imap-after-delete-no = DELETE failed: no such mailbox, it is INBOX, or it is a \Noselect name that still has child mailboxes.

## [imap.after.rename]

imap-after-rename-ok = The mailbox has its new name.
imap-after-rename-no = RENAME failed: the source does not exist or the target name exists already.

## [imap.after.subscribe]

imap-after-subscribe-ok = The mailbox is on the subscription list (LSUB shows it).

## [imap.after.unsubscribe]

imap-after-unsubscribe-ok = The mailbox is off the subscription list.

## [imap.after.list]

imap-after-list-ok = End of the LIST answer: the untagged LIST lines above are the matching mailboxes.

## [imap.after.lsub]

imap-after-lsub-ok = End of the LSUB answer: the lines above are the matching subscribed mailboxes.

## [imap.after.status]

imap-after-status-ok = End of STATUS: the * STATUS line above holds the counts you asked for.
imap-after-status-no = STATUS failed: no such mailbox, or no access.

## [imap.after.append]

imap-after-append-ok = The message was added to the mailbox.
imap-after-append-no = APPEND failed: the mailbox does not exist, or the message was refused (too big, over quota ...). If the mailbox is missing, CREATE it first.

## [imap.after.logout]

imap-after-logout-ok = Logout complete: the server closes the connection now.

## [imap.after.close]

imap-after-close-ok = Mailbox closed; messages flagged \Deleted were removed silently (no EXPUNGE lines). Back to the authenticated state.

## [imap.after.unselect]

imap-after-unselect-ok = Mailbox closed without removing anything. Back to the authenticated state.

## [imap.after.expunge]

imap-after-expunge-ok = Expunge done: every message flagged \Deleted is gone; each * N EXPUNGE above reported one.
imap-after-expunge-no = EXPUNGE failed: nothing was removed (the mailbox may be open read-only, or you lack the right to delete).

## [imap.after.uid_expunge]

imap-after-uid_expunge-ok = Done: the listed UIDs that were flagged \Deleted are gone.

## [imap.after.store]

imap-after-store-ok = Flags changed; the * FETCH lines above show the new flags (none with .SILENT).
imap-after-store-no = STORE failed: the flags did not change (the mailbox may be open read-only, or the messages were expunged meanwhile).

## [imap.after.uid_store]

imap-after-uid_store-ok = Flags changed; the * FETCH lines above show the new flags and UIDs.
imap-after-uid_store-no = UID STORE failed: the flags did not change (the mailbox may be open read-only).

## [imap.after.fetch]

imap-after-fetch-ok = End of FETCH: the * FETCH lines above carry the data you asked for.
imap-after-fetch-no = FETCH failed for some of the messages, e.g. because another session expunged them meanwhile.

## [imap.after.uid_fetch]

imap-after-uid_fetch-ok = End of UID FETCH: the * FETCH lines above carry the data, each with its UID.

## [imap.after.search]

imap-after-search-ok = End of SEARCH: the * SEARCH line above lists the matching message numbers.

## [imap.after.uid_search]

imap-after-uid_search-ok = End of UID SEARCH: the * SEARCH line above lists the matching UIDs.

## [imap.after.copy]

imap-after-copy-ok = The messages were copied into the target mailbox.
imap-after-copy-no = COPY failed: nothing was copied (no such target mailbox, or no right to add to it). If the mailbox is missing, CREATE it first.
imap-after-uid_copy-no = UID COPY failed; if the target mailbox does not exist, CREATE it first.

## [imap.after.uid_copy]

imap-after-uid_copy-ok = The messages were copied into the target mailbox.

## [imap.after.move]

imap-after-move-ok = The messages were moved; the * EXPUNGE lines above removed them from this mailbox.
imap-after-move-no = MOVE failed: nothing was moved (no such target mailbox, or this one is open read-only).

## [imap.after.uid_move]

imap-after-uid_move-ok = The messages were moved; the EXPUNGE lines above removed them from this mailbox.
imap-after-uid_move-no = UID MOVE failed: nothing was moved (no such target mailbox, or this one is open read-only).

## [imap.after.idle]

imap-after-idle-ok = IDLE ended (after your DONE); the session takes commands again.

## [imap.after.starttls]

imap-after-starttls-ok = Start TLS now: the next bytes are the TLS handshake. Ask CAPABILITY again afterwards: it may change.

## [imap.after.capability]

imap-after-capability-ok = End of CAPABILITY: the * CAPABILITY line above lists what the server supports.

## [imap.after.noop]

imap-after-noop-ok = NOOP done; any untagged lines above were news (new mail, flag changes).

## [imap.after.check]

imap-after-check-ok = Checkpoint done.

## [imap.after.enable]

imap-after-enable-ok = ENABLE done: the * ENABLED line lists the extensions now active.

## [imap.after.namespace]

imap-after-namespace-ok = End of NAMESPACE: the * NAMESPACE line above describes the mailbox hierarchy.

## [imap.after.id]

imap-after-id-ok = End of ID: the * ID line above identifies the server.

## [imap.code]

imap-code-alert = [ALERT]: a message the server wants shown to the user as is.
imap-code-badcharset = [BADCHARSET]: the SEARCH charset is not supported; the list in brackets (if any) gives the ones that are.
imap-code-capability = [CAPABILITY]: the server's capability list, sent here to save you a CAPABILITY command.
imap-code-parse = [PARSE]: the server could not parse a message's headers or MIME structure.
imap-code-permanentflags = [PERMANENTFLAGS { $args }]: the flags you can change for good in this mailbox; \* means you may create new keywords.
imap-code-read_only = [READ-ONLY]: the mailbox is open read-only (EXAMINE, or no write access).
imap-code-read_write = [READ-WRITE]: the mailbox is open read-write: flags and expunges will stick.
imap-code-trycreate = [TRYCREATE]: the target mailbox does not exist; CREATE it and try again.
imap-code-uidnext = [UIDNEXT { $value }]: the next message added to this mailbox will get UID { $value } (or higher).
imap-code-uidvalidity = [UIDVALIDITY { $value }]: UIDs are valid only together with this number; if it changes, a client must forget the UIDs it cached.
imap-code-unseen = [UNSEEN { $value }]: message { $value } is the first one without the \Seen flag. IMAP4rev2 (RFC 9051) servers no longer send it: SEARCH UNSEEN finds unread messages.
imap-code-appenduid = [APPENDUID { $uidvalidity } { $uid }]: the appended message got UID { $uid } (UIDVALIDITY { $uidvalidity }).
imap-code-copyuid = [COPYUID { $uidvalidity } { $source } { $dest }]: the messages with UIDs { $source } got UIDs { $dest } in the target mailbox.
imap-code-uidnotsticky = [UIDNOTSTICKY]: this mailbox does not keep UIDs across sessions; do not cache them.
imap-code-unavailable = [UNAVAILABLE]: a temporary failure (e.g. the authentication backend is down); try again later.
imap-code-authenticationfailed = [AUTHENTICATIONFAILED]: the user name or password is wrong (servers do not say which).
imap-code-authorizationfailed = [AUTHORIZATIONFAILED]: the credentials are fine, but you may not act as the requested identity.
imap-code-expired = [EXPIRED]: the password or account has expired and must be renewed.
imap-code-privacyrequired = [PRIVACYREQUIRED]: the operation needs an encrypted connection: STARTTLS first.
imap-code-contactadmin = [CONTACTADMIN]: the account needs an administrator's attention.
imap-code-noperm = [NOPERM]: you lack the permission (access rights) for this operation.
imap-code-inuse = [INUSE]: another session is using the resource (e.g. the mailbox is locked); try later.
imap-code-expungeissued = [EXPUNGEISSUED]: another session expunged messages meanwhile; some requested data no longer exists.
imap-code-corruption = [CORRUPTION]: the server found corrupted data in the mailbox.
imap-code-serverbug = [SERVERBUG]: the server hit an internal error; not your fault.
imap-code-clientbug = [CLIENTBUG]: the command was accepted, but the server thinks the client made a mistake.
imap-code-cannot = [CANNOT]: this operation cannot succeed as asked, e.g. a reserved or invalid mailbox name.
imap-code-limit = [LIMIT]: a server limit was hit (too many mailboxes, too long a name, too many commands).
imap-code-overquota = [OVERQUOTA]: the mailbox or account is over its storage quota.
imap-code-alreadyexists = [ALREADYEXISTS]: something with that name exists already (e.g. CREATE of an existing mailbox).
imap-code-nonexistent = [NONEXISTENT]: the mailbox (or other object) named does not exist.
imap-code-toobig = [TOOBIG]: the literal or message is larger than the server accepts.
imap-code-highestmodseq = [HIGHESTMODSEQ { $value }]: the highest modification sequence in this mailbox (CONDSTORE).
imap-code-nomodseq = [NOMODSEQ]: this mailbox does not keep modification sequences.
imap-code-modified = [MODIFIED { $value }]: these messages changed since the UNCHANGEDSINCE value, so STORE skipped them.
imap-code-closed = [CLOSED]: the mailbox that was selected is now closed; untagged lines after this one are about the mailbox being opened, if the command succeeds.
imap-code-referral = [REFERRAL]: the mailbox or account lives on another server, given by the IMAP URL.
imap-code-unknown_cte = [UNKNOWN-CTE]: the server cannot decode that part's Content-Transfer-Encoding.
imap-code-useattr = [USEATTR]: the special-use attribute given with CREATE is not accepted here.
imap-code-haschildren = [HASCHILDREN]: the mailbox has child mailboxes, so this cannot be done (e.g. DELETE).
imap-code-notsaved = [NOTSAVED]: the SEARCH result was not saved ($ is now empty).
imap-code-compressionactive = [COMPRESSIONACTIVE]: compression is already on for this connection.
imap-code-badurl = [BADURL]: an IMAP URL in the command is invalid or not accessible.
imap-code-metadata = [METADATA]: a metadata limit or error (LONGENTRIES, MAXSIZE, TOOMANY, NOPRIVATE).
imap-code-unknown = [{ $code }]: a response code this tool does not know (extension or server-specific); clients ignore unknown codes.
imap-code-permanentflags_none = [PERMANENTFLAGS ()]: no flag change will be kept in this mailbox (it is open read-only, or flags cannot be stored).
imap-code-mailboxid = [MAILBOXID { $args }]: the mailbox's permanent id (OBJECTID); it stays the same when the mailbox is renamed.

## [imap.data]

imap-data-capability = The list of capabilities: IMAP4rev1 plus the extensions and login methods the server offers.
imap-data-list = A mailbox: "{ $name }", hierarchy delimiter "{ $delimiter }", attributes ({ $attributes }).
imap-data-lsub = A subscribed mailbox: "{ $name }", delimiter "{ $delimiter }", attributes ({ $attributes }). IMAP4rev2 (RFC 9051) drops LSUB: LIST (SUBSCRIBED) does the same.
imap-data-status = The counts of mailbox { $mailbox }: { $items }.
imap-status_item-messages = MESSAGES { $value }: { $mailbox } holds { $value ->
        [one] { $value } message
       *[other] { $value } messages
    }.
imap-status_item-recent = RECENT { $value }: messages in { $mailbox } new since the last session that opened it. IMAP4rev2 (RFC 9051) drops RECENT.
imap-status_item-uidnext = UIDNEXT { $value }: the next message added to { $mailbox } will get UID { $value } (or higher).
imap-status_item-uidvalidity = UIDVALIDITY { $value }: the UIDs of { $mailbox } are valid together with this number only.
imap-status_item-unseen = UNSEEN { $value }: how many messages in { $mailbox } have no \Seen flag (unread).
imap-status_item-size = SIZE { $value }: all messages of { $mailbox } together take { $value ->
        [one] { $value } octet
       *[other] { $value } octets
    }.
imap-status_item-highestmodseq = HIGHESTMODSEQ { $value }: the highest modification sequence in { $mailbox } (CONDSTORE).
imap-status_item-mailboxid = MAILBOXID { $value }: the permanent id of { $mailbox } (OBJECTID); it survives a rename.
imap-status_item-deleted = DELETED { $value }: how many messages in { $mailbox } are flagged \Deleted.
imap-data-search = SEARCH found { $count ->
        [one] { $count } matching message
       *[other] { $count } matching messages
    }: { $numbers } (sequence numbers, or UIDs for UID SEARCH).
imap-data-search_empty = SEARCH found no matching messages.
imap-data-sort = SORT result: the matching messages in the requested order: { $text }.
imap-data-thread = THREAD result: the messages grouped into conversations.
imap-data-flags = The flags defined in this mailbox: { $flags }.
imap-data-exists = The mailbox now holds { $n ->
        [one] { $n } message
       *[other] { $n } messages
    } (the count after any news: new mail, or an expunge).
imap-data-recent = { $n ->
        [one] { $n } message is "recent"
       *[other] { $n } messages are "recent"
    }: new since the last session that opened this mailbox. IMAP4rev2 (RFC 9051) drops RECENT and \Recent.
imap-data-expunge = Message { $n } was permanently removed; messages after it are renumbered down by one.
imap-data-fetch = Data for message { $n }, in name-value pairs:
imap-data-enabled = These extensions are now enabled: { $text }.
imap-data-namespace = Namespaces: personal, other users', shared (each a prefix and delimiter, or NIL): { $text }.
imap-data-id = The server's identification (name, version ...): { $text }.
imap-data-esearch = ESEARCH result (RFC 4731 form): { $text }.
imap-data-vanished = These UIDs were expunged (QRESYNC): { $text }.
imap-data-quota = Quota usage and limits: { $text }.
imap-data-quotaroot = The quota roots of the mailbox: { $text }.
imap-data-unknown = Untagged data of a kind this tool does not know ({ $keyword }), perhaps from an extension.
imap-data-exists_in = { $mailbox } now holds { $n ->
        [one] { $n } message
       *[other] { $n } messages
    } (the count after any news: new mail, or an expunge).

## [imap.attr]

imap-attr-noinferiors = \Noinferiors: no child mailboxes can exist under this one.
imap-attr-noselect = \Noselect: this name is only a level of the hierarchy; it cannot be selected.
imap-attr-marked = \Marked: the server thinks new messages arrived since it was last selected.
imap-attr-unmarked = \Unmarked: no new messages since it was last selected.
imap-attr-haschildren = \HasChildren: there are mailboxes below this one.
imap-attr-hasnochildren = \HasNoChildren: there are no mailboxes below this one.
imap-attr-nonexistent = \NonExistent: the name does not exist as a mailbox (listed because of its children or subscription).
imap-attr-subscribed = \Subscribed: the mailbox is on the subscription list.
imap-attr-remote = \Remote: the mailbox lives on another server.
imap-attr-all = \All: a virtual mailbox holding all messages.
imap-attr-archive = \Archive: the mailbox used to archive messages.
imap-attr-drafts = \Drafts: the mailbox that keeps drafts.
imap-attr-flagged = \Flagged: a virtual mailbox with the flagged messages.
imap-attr-junk = \Junk: the mailbox for spam.
imap-attr-sent = \Sent: the mailbox with copies of sent messages.
imap-attr-trash = \Trash: the mailbox for deleted messages.
imap-attr-important = \Important: a virtual mailbox of messages deemed important.

## [imap.fetch]

imap-fetch-flags = FLAGS { $value }: the flags set on this message (\Seen = read, \Deleted = marked for expunge ...).
imap-fetch-uid = UID { $value }: the message's unique id in this mailbox; stays the same across sessions while UIDVALIDITY does.
imap-fetch-internaldate = INTERNALDATE { $value }: when the server received the message (not the Date header).
imap-fetch-rfc822_size = RFC822.SIZE { $value }: the message's size in octets.
imap-fetch-envelope = ENVELOPE: the parsed headers: date, subject, from, sender, reply-to, to, cc, bcc, in-reply-to, message-id.
imap-fetch-body = BODY: the MIME structure of the message (without extension data).
imap-fetch-bodystructure = BODYSTRUCTURE: the MIME structure: each part's type, parameters, encoding and size.
imap-fetch-body_section = { $item }: { $what }; a literal {"{"}N{"}"} means N octets follow on the next lines.
imap-fetch-binary_section = { $item }: the section decoded from its transfer encoding (BINARY).
imap-fetch-binary_size_section = { $item } { $value }: the decoded size of the section in octets.
imap-fetch-rfc822 = RFC822: the whole message (like BODY[]); fetching it sets \Seen.
imap-fetch-rfc822_header = RFC822.HEADER: the message header (like BODY.PEEK[HEADER]).
imap-fetch-rfc822_text = RFC822.TEXT: the message body without header (like BODY[TEXT]); sets \Seen.
imap-fetch-modseq = MODSEQ { $value }: the modification sequence of the message's last change (CONDSTORE).
imap-fetch-emailid = EMAILID { $value }: a server-wide id of this message's content.
imap-fetch-threadid = THREADID { $value }: a server-wide id of this message's thread.
imap-fetch-preview = PREVIEW: a short plain-text preview of the message.
imap-fetch-savedate = SAVEDATE { $value }: when the message was saved into this mailbox.
imap-fetch-unknown = { $item }: a FETCH item this tool does not know (extension?).
imap-fetch-flags_none = FLAGS (): no flags at all: the message is unread (no \Seen), not answered, flagged or deleted.
imap-fetch-flags_unread = FLAGS { $value }: no \Seen among them, so the message is unread.

## [imap.cap]

imap-cap-imap4rev1 = IMAP4rev1: the server speaks IMAP version 4 revision 1.
imap-cap-imap4rev2 = IMAP4rev2: the server speaks IMAP version 4 revision 2.
imap-cap-starttls = STARTTLS: you can switch this connection to TLS.
imap-cap-logindisabled = LOGINDISABLED: LOGIN is refused on this connection (no TLS yet): use STARTTLS first.
imap-cap-auth = { $atom }: you can log in with AUTHENTICATE { $value }.
imap-cap-auth_plain = AUTH=PLAIN: AUTHENTICATE PLAIN works: user and password in one base64 string (clear text without TLS).
imap-cap-auth_login = AUTH=LOGIN: AUTHENTICATE LOGIN works: user name and password as two base64 answers. LOGIN was never standardised (only an expired Internet-Draft); PLAIN does the same job as a standard.
imap-cap-auth_cram_md5 = AUTH=CRAM-MD5: AUTHENTICATE CRAM-MD5 works: proves the password by an HMAC-MD5 of a challenge, never sending it.
imap-cap-sasl_ir = SASL-IR: AUTHENTICATE may carry its first answer on the command line, saving a round trip.
imap-cap-login_referrals = LOGIN-REFERRALS: the server may redirect you to another server at login.
imap-cap-mailbox_referrals = MAILBOX-REFERRALS: mailboxes may live on other servers (referrals).
imap-cap-id = ID: the client and server can exchange identification strings.
imap-cap-enable = ENABLE: extensions can be switched on with the ENABLE command.
imap-cap-idle = IDLE: the server can push new mail and changes as they happen.
imap-cap-literal_plus = LITERAL+: literals written {"{"}N+{"}"} need no + continuation; the client sends at once.
imap-cap-literal_ = LITERAL-: like LITERAL+ but only for literals up to 4096 octets.
imap-cap-namespace = NAMESPACE: the NAMESPACE command shows the mailbox hierarchy.
imap-cap-uidplus = UIDPLUS: APPENDUID/COPYUID codes and UID EXPUNGE are available.
imap-cap-move = MOVE: messages can be moved in one command (MOVE, UID MOVE).
imap-cap-unselect = UNSELECT: close a mailbox without expunging.
imap-cap-children = CHILDREN: LIST says whether a mailbox has children (\HasChildren).
imap-cap-list_extended = LIST-EXTENDED: LIST takes selection and return options.
imap-cap-list_status = LIST-STATUS: LIST can return STATUS counts for each mailbox.
imap-cap-special_use = SPECIAL-USE: LIST marks special mailboxes (\Sent, \Trash, \Drafts ...).
imap-cap-create_special_use = CREATE-SPECIAL-USE: CREATE can mark a new mailbox as special-use.
imap-cap-esearch = ESEARCH: extended SEARCH results (MIN, MAX, COUNT, ALL).
imap-cap-searchres = SEARCHRES: a SEARCH result can be saved and reused as $.
imap-cap-sort = SORT: the server can sort messages.
imap-cap-sort_display = SORT=DISPLAY: sort by displayed names (DISPLAYFROM, DISPLAYTO).
imap-cap-esort = ESORT: extended SORT results.
imap-cap-thread = { $atom }: the server can group messages into threads with the { $value } algorithm.
imap-cap-condstore = CONDSTORE: messages carry modification sequences for efficient resynchronisation.
imap-cap-qresync = QRESYNC: quick resynchronisation of a cached mailbox on SELECT.
imap-cap-utf8_accept = UTF8=ACCEPT: after ENABLE, mailbox names and headers may be plain UTF-8.
imap-cap-utf8_only = UTF8=ONLY: the server requires UTF-8 mode.
imap-cap-i18nlevel = { $atom }: internationalised searching and sorting, level { $value }.
imap-cap-context = { $atom }: the server can keep search or sort results up to date.
imap-cap-within = WITHIN: SEARCH can use OLDER and YOUNGER (seconds).
imap-cap-binary = BINARY: the server can decode transfer encodings for you (FETCH BINARY[]).
imap-cap-catenate = CATENATE: APPEND can build a message from pieces of existing ones.
imap-cap-multiappend = MULTIAPPEND: one APPEND can add several messages.
imap-cap-url_partial = URL-PARTIAL: IMAP URLs can point to part of a message.
imap-cap-urlauth = URLAUTH: authorised IMAP URLs (used with BURL to send without downloading).
imap-cap-compress = { $atom }: the connection can be compressed with { $value }.
imap-cap-quota = QUOTA: storage quotas can be queried.
imap-cap-acl = ACL: access control lists on mailboxes.
imap-cap-rights = { $atom }: extra ACL rights letters supported: { $value }.
imap-cap-metadata = METADATA: annotations on mailboxes and the server.
imap-cap-metadata_server = METADATA-SERVER: annotations on the server only.
imap-cap-notify = NOTIFY: the client can ask to be told about changes in other mailboxes.
imap-cap-savedate = SAVEDATE: FETCH and SEARCH can use the date a message was saved.
imap-cap-snippet = { $atom }: the server can produce message previews.
imap-cap-preview = PREVIEW: the server can produce message previews.
imap-cap-status = { $atom }: STATUS can also report { $value }.
imap-cap-status_size = STATUS=SIZE: STATUS can report the mailbox size.
imap-cap-appendlimit = { $atom }: the largest message APPEND accepts.
imap-cap-objectid = OBJECTID: messages and mailboxes have stable ids (EMAILID, MAILBOXID).
imap-cap-xlist = XLIST: Gmail's old way of marking special mailboxes.
imap-cap-others = Also advertised: { $atoms }.

## SMTP explanations
## [smtp]

smtp-other = Not an SMTP reply: replies start with a three-digit code followed by a space or "-".
smtp-body = The message ({ $octets ->
        [one] { $octets } octet
       *[other] { $octets } octets
    }): header lines, a blank line, the body; a line holding only "." ends it.
smtp-enh_template = { $code }: { $class }; { $detail }
smtp-data_end = A line holding only "." ends the message; the server now answers for the whole message.

## [smtp.reply]

smtp-reply-class_2 = { $code }: a 2xx reply: the command succeeded.
smtp-reply-class_3 = { $code }: a 3xx reply: go on, the server waits for more input.
smtp-reply-class_4 = { $code }: a 4xx reply: a temporary failure; the same command may work later.
smtp-reply-class_5 = { $code }: a 5xx reply: a permanent failure; do not repeat the command unchanged.
smtp-reply-211 = 211: system status or help reply.
smtp-reply-214 = 214: help message for a human reader.
smtp-reply-220 = 220: the server's greeting: ready for your EHLO (or HELO).
smtp-reply-221 = 221: the server closes the connection (answer to QUIT).
smtp-reply-235 = 235: authentication succeeded; you may now send mail as this user.
smtp-reply-250 = 250: requested action okay, completed.
smtp-reply-251 = 251: user not local; the server will forward the message to the right place.
smtp-reply-252 = 252: the server cannot verify the user but will accept the message and try to deliver it.
smtp-reply-334 = 334: the server's SASL challenge, base64 for "{ $decoded }". Answer with a base64 line, or "*" to cancel.
smtp-reply-334_raw = 334: go on with authentication: answer the (base64) challenge with a base64 line, or "*" to cancel.
smtp-reply-354 = 354: send the message now: headers, blank line, body, and end with a line holding only ".".
smtp-reply-421 = 421: the service is not available and the server is closing the connection (shutdown, overload or timeout).
smtp-reply-432 = 432: a password transition is needed (RFC 4954): the account must change its password first.
smtp-reply-450 = 450: mailbox unavailable for now (busy or blocked by policy); try again later.
smtp-reply-451 = 451: local error in processing; the action was aborted, try again later.
smtp-reply-452 = 452: insufficient system storage, or too many recipients; try again later (or fewer recipients).
smtp-reply-454 = 454: temporary failure: TLS or authentication is not available right now; try again later.
smtp-reply-455 = 455: the server cannot accommodate the MAIL/RCPT parameters right now.
smtp-reply-500 = 500: syntax error, command unrecognised (or the line was too long).
smtp-reply-501 = 501: syntax error in the parameters or arguments of the command.
smtp-reply-502 = 502: command not implemented by this server.
smtp-reply-503 = 503: bad sequence of commands: this command is not allowed at this point of the session.
smtp-reply-504 = 504: a command parameter (e.g. an AUTH mechanism) is not implemented.
smtp-reply-521 = 521: this host does not accept mail at all.
smtp-reply-530 = 530: authentication (or TLS) is required before this command.
smtp-reply-534 = 534: the authentication mechanism is too weak for this server, or policy wants something else (e.g. an app password).
smtp-reply-535 = 535: authentication failed: the credentials are invalid.
smtp-reply-538 = 538: this authentication mechanism needs an encrypted connection: STARTTLS first.
smtp-reply-550 = 550: requested action not taken: mailbox unavailable (not found, no access, or refused by policy).
smtp-reply-551 = 551: user not local; the text may say where to send it instead.
smtp-reply-552 = 552: the message exceeds the storage allocation (too big).
smtp-reply-553 = 553: mailbox name not allowed (bad address syntax, or not permitted as sender).
smtp-reply-554 = 554: transaction failed; as a greeting: no SMTP service here.
smtp-reply-555 = 555: MAIL FROM/RCPT TO parameters not recognised or not implemented.
smtp-reply-556 = 556: the recipient's domain does not accept mail (e.g. it publishes a null MX).

## [smtp.why]

smtp-why-unknown_command = { $code } because the server does not know a command named { $command }. See :help for the commands.
smtp-why-needs_ehlo = { $code } because the server wants EHLO (or HELO) before { $command }: greet it first.
smtp-why-wrong_state = { $code } because { $command } is not allowed in the { $state } state (valid in: { $valid }).
smtp-why-syntax = { $code } because the arguments of { $command } are malformed. Expected: { $syntax }
smtp-why-rcpt_before_mail = { $code } because RCPT before MAIL FROM: every message starts with MAIL FROM:<address>, then RCPT TO for each recipient.
smtp-why-data_before_mail = { $code } because there is no message in progress: MAIL FROM and at least one RCPT TO come before { $command }.
smtp-why-data_before_rcpt = { $code } because no recipient was accepted yet: give at least one RCPT TO:<address> before { $command }.
smtp-why-nested_mail = { $code } because a message is already in progress: finish it, or RSET, before a new MAIL FROM.
smtp-why-auth_in_transaction = { $code } because AUTH is not allowed during a mail transaction: authenticate before MAIL FROM (or RSET).
smtp-why-data_after_bdat = { $code } because DATA cannot follow BDAT in the same message: keep sending BDAT chunks.
smtp-why-message_rejected = { $code }: the message was refused after its content was sent (content, size or policy); it was not delivered.
smtp-why-message_deferred = { $code }: the message was not accepted this time (temporary problem); the sender should try again later.
smtp-why-no_valid_recipients = { $code } because no recipient was accepted, so there is nobody to deliver to.
smtp-why-needs_auth_or_tls = { $code }: the server wants more security before this command: STARTTLS and/or AUTH first.

## [smtp.after.ehlo]

smtp-after-ehlo-250 = 250 to EHLO: the server greets you; the lines that follow list its extensions, one per line.

## [smtp.after.helo]

smtp-after-helo-250 = 250 to HELO: greeted (no extensions with HELO). Next: MAIL FROM:<address>.

## [smtp.after.mail]

smtp-after-mail-250 = Sender accepted: a new message is in progress. Next: one RCPT TO:<address> per recipient.

## [smtp.after.rcpt]

smtp-after-rcpt-250 = Recipient accepted. Add more with RCPT TO, or send DATA.
smtp-after-rcpt-251 = Recipient accepted though not local; the server will forward it.
smtp-after-rcpt-550 = Recipient refused (unknown mailbox or policy). Other recipients are unaffected.
smtp-after-rcpt-553 = Recipient address refused: bad syntax or not allowed.

## [smtp.after.data]

smtp-after-data-354 = Go ahead: type the message (headers, blank line, body); a line with only "." ends it. Lines starting with "." get an extra dot.
smtp-after-data-250 = Message accepted for delivery: the transaction is over. Start another with MAIL FROM, or QUIT.

## [smtp.after.bdat]

smtp-after-bdat-250 = Chunk received; with LAST the message is complete and accepted.
smtp-after-bdat-552 = The message is too big: the chunks exceed the size limit.

## [smtp.after.rset]

smtp-after-rset-250 = Reset: the current message (sender, recipients, data) is discarded.

## [smtp.after.noop]

smtp-after-noop-250 = NOOP: the server is alive.

## [smtp.after.quit]

smtp-after-quit-221 = Goodbye: the server closes the connection.

## [smtp.after.vrfy]

smtp-after-vrfy-250 = The address is valid; the text gives the full mailbox.
smtp-after-vrfy-252 = The server will not confirm the address (to protect users from harvesting) but would accept mail for it.
smtp-after-vrfy-550 = No such user here.

## [smtp.after.expn]

smtp-after-expn-250 = The members of the list.
smtp-after-expn-252 = The server will not reveal the list members.

## [smtp.after.auth]

smtp-after-auth-235 = Authenticated: you may now send mail as this user.
smtp-after-auth-535 = Authentication failed: wrong user name or password.
smtp-after-auth-503 = AUTH refused at this point: already logged in, no EHLO yet, a mail transaction open, or AUTH not offered here; the text says which.

## [smtp.after.starttls]

smtp-after-starttls-220 = Start TLS now: the next bytes are the TLS handshake. Send EHLO again afterwards: the extension list may change (AUTH often appears).
smtp-after-starttls-454 = TLS is not available right now.

## [smtp.after.help]

smtp-after-help-214 = Help text from the server.

## [smtp.warn]

smtp-warn-cleartext_auth = Warning: this connection has no TLS, so the base64 credentials (readable by anyone) just crossed the network. Use STARTTLS or port 465.

## [smtp.ehlo]

smtp-ehlo-pipelining = PIPELINING: you may send several commands without waiting for each reply.
smtp-ehlo-size = SIZE { $value }: the largest message the server accepts, in octets ({ $size }).
smtp-size-unlimited = no fixed limit
smtp-ehlo-8bitmime = 8BITMIME: the body may contain 8-bit bytes (MAIL FROM ... BODY=8BITMIME).
smtp-ehlo-smtputf8 = SMTPUTF8: addresses and headers may contain UTF-8.
smtp-ehlo-enhancedstatuscodes = ENHANCEDSTATUSCODES: replies carry a detailed code (class.subject.detail) after the three digits.
smtp-ehlo-starttls = STARTTLS: you can switch this connection to TLS.
smtp-ehlo-auth = AUTH { $value }: the SASL mechanisms you can log in with.
smtp-ehlo-chunking = CHUNKING: BDAT is available: send the message in chunks of exact size, no dot-stuffing.
smtp-ehlo-binarymime = BINARYMIME: with BDAT, the body may be raw binary (BODY=BINARYMIME).
smtp-ehlo-dsn = DSN: you can ask for delivery status notifications (NOTIFY=, RET=, ENVID=, ORCPT=).
smtp-ehlo-help = HELP: the server answers the HELP command.
smtp-ehlo-vrfy = VRFY: the server answers VRFY (it may still refuse to confirm addresses).
smtp-ehlo-expn = EXPN: the server expands mailing lists on request.
smtp-ehlo-etrn = ETRN: a client may ask the server to flush its queue for a domain.
smtp-ehlo-deliverby = DELIVERBY: a deadline for delivery can be requested.
smtp-ehlo-requiretls = REQUIRETLS: a sender can require TLS on every hop of the delivery.
smtp-ehlo-mt_priority = MT-PRIORITY: messages can carry a priority.
smtp-ehlo-burl = BURL: the message can be fetched from an IMAP server by URL instead of being sent.
smtp-ehlo-unknown = { $keyword }: an extension this tool does not know.

## [sasl.mech]: login methods a server offers (SMTP AUTH, POP3 SASL)

sasl-mech-plain = PLAIN: user name and password in one base64 string; anyone can read them without TLS.
sasl-mech-login = LOGIN: user name and password as two base64 answers. It was never standardised (only an expired Internet-Draft), though widely offered; PLAIN is the standard way.
sasl-mech-cram_md5 = CRAM-MD5: proves the password with an HMAC-MD5 of the server's challenge, never sending it.
sasl-mech-scram_sha_1 = SCRAM-SHA-1: proves the password without sending it, and the server proves it knows it too.
sasl-mech-scram_sha_256 = SCRAM-SHA-256: proves the password without sending it, and the server proves it knows it too.
sasl-mech-oauthbearer = OAUTHBEARER: log in with an OAuth 2.0 token instead of a password.
sasl-mech-xoauth2 = XOAUTH2: Google's and Microsoft's OAuth 2.0 token login, never an IETF standard (OAUTHBEARER is).
sasl-mech-gssapi = GSSAPI: Kerberos single sign-on.
sasl-mech-digest_md5 = DIGEST-MD5: an old challenge-response login, now declared historic.
sasl-mech-external = EXTERNAL: the identity comes from outside SASL, e.g. the TLS client certificate.
sasl-mech-ntlm = NTLM: Microsoft's challenge-response login, never an IETF standard.

## [smtp.enh_class]

smtp-enh_class-2 = success
smtp-enh_class-4 = temporary failure (try again later)
smtp-enh_class-5 = permanent failure (do not retry as is)

## [smtp.enh]

smtp-enh-unknown = { $code }: { $class }; a detail code that is not registered.

## [smtp.enh.0]

smtp-enh-0-0 = other or undefined status: no more detail is given

## [smtp.enh.1]

smtp-enh-1-0 = address status: something about an address (sender or recipient)
smtp-enh-1-1 = bad destination mailbox address: no such user at the destination
smtp-enh-1-2 = bad destination system address: the domain part is wrong or does not accept mail
smtp-enh-1-3 = bad destination mailbox address syntax
smtp-enh-1-4 = destination mailbox address ambiguous: matches several mailboxes
smtp-enh-1-5 = destination address valid
smtp-enh-1-6 = destination mailbox has moved, no forwarding address
smtp-enh-1-7 = bad sender's mailbox address syntax
smtp-enh-1-8 = bad sender's system address: the sender's domain is not valid
smtp-enh-1-9 = message relayed to a non-compliant mailer: delivery status may not be reported
smtp-enh-1-10 = recipient address has a null MX: the domain accepts no mail

## [smtp.enh.2]

smtp-enh-2-0 = mailbox status: something about the recipient's mailbox
smtp-enh-2-1 = mailbox disabled, not accepting messages
smtp-enh-2-2 = mailbox full
smtp-enh-2-3 = message length exceeds an administrative limit
smtp-enh-2-4 = mailing list expansion problem

## [smtp.enh.3]

smtp-enh-3-0 = mail system status: something about the receiving system
smtp-enh-3-1 = mail system full (out of storage)
smtp-enh-3-2 = system not accepting network messages (e.g. shutting down)
smtp-enh-3-3 = system not capable of the selected features
smtp-enh-3-4 = message too big for the system
smtp-enh-3-5 = system incorrectly configured
smtp-enh-3-6 = requested priority was changed

## [smtp.enh.4]

smtp-enh-4-0 = network or routing status
smtp-enh-4-1 = no answer from host
smtp-enh-4-2 = bad connection
smtp-enh-4-3 = directory server failure (e.g. DNS)
smtp-enh-4-4 = unable to route: no way to reach the destination
smtp-enh-4-5 = mail system congestion
smtp-enh-4-6 = routing loop detected
smtp-enh-4-7 = delivery time expired

## [smtp.enh.5]

smtp-enh-5-0 = mail delivery protocol status
smtp-enh-5-1 = invalid command (unknown, or out of sequence)
smtp-enh-5-2 = syntax error
smtp-enh-5-3 = too many recipients
smtp-enh-5-4 = invalid command arguments
smtp-enh-5-5 = wrong protocol version
smtp-enh-5-6 = authentication exchange line is too long

## [smtp.enh.6]

smtp-enh-6-0 = message content or media status
smtp-enh-6-1 = media not supported
smtp-enh-6-2 = conversion required and prohibited
smtp-enh-6-3 = conversion required but not supported
smtp-enh-6-4 = conversion with loss performed
smtp-enh-6-5 = conversion failed
smtp-enh-6-6 = message content not available (BURL)
smtp-enh-6-7 = non-ASCII addresses not permitted for that sender or recipient
smtp-enh-6-8 = a UTF-8 string reply is required, but the client did not allow it
smtp-enh-6-9 = a UTF-8 header message cannot be transferred to one or more recipients
smtp-enh-6-10 = a UTF-8 string reply is required, but the client did not allow it (duplicate of X.6.8, deprecated)

## [smtp.enh.7]

smtp-enh-7-0 = security or policy status (often: authentication or STARTTLS required)
smtp-enh-7-1 = delivery not authorized, message refused (e.g. relaying denied, sender blocked)
smtp-enh-7-2 = mailing list expansion prohibited
smtp-enh-7-3 = security conversion required but not possible
smtp-enh-7-4 = security features not supported
smtp-enh-7-5 = cryptographic failure
smtp-enh-7-6 = cryptographic algorithm not supported
smtp-enh-7-7 = message integrity failure
smtp-enh-7-8 = authentication credentials invalid
smtp-enh-7-9 = authentication mechanism is too weak, or the server wants other credentials
smtp-enh-7-10 = encryption needed
smtp-enh-7-11 = encryption required for the requested authentication mechanism
smtp-enh-7-12 = a password transition is needed
smtp-enh-7-13 = user account disabled
smtp-enh-7-14 = trust relationship required
smtp-enh-7-15 = priority level is too low
smtp-enh-7-16 = message is too big for the specified priority
smtp-enh-7-17 = mailbox owner has changed
smtp-enh-7-18 = domain owner has changed
smtp-enh-7-19 = RRVS test cannot be completed
smtp-enh-7-20 = no passing DKIM signature found
smtp-enh-7-21 = no acceptable DKIM signature found
smtp-enh-7-22 = no valid author-matched DKIM signature found
smtp-enh-7-23 = SPF validation failed
smtp-enh-7-24 = SPF validation error
smtp-enh-7-25 = reverse DNS validation failed
smtp-enh-7-26 = multiple authentication checks failed
smtp-enh-7-27 = sender address has a null MX: its domain accepts no replies
smtp-enh-7-28 = mail flood detected
smtp-enh-7-29 = ARC validation failure
smtp-enh-7-30 = REQUIRETLS support required
smtp-enh-7-0_success = authentication succeeded

## [smtp.postfix]

smtp-postfix-greeting = Postfix's greeting (220): ready for EHLO. "ESMTP" means the server supports extensions; Postfix shows its name unless hidden.
smtp-postfix-ready_tls = Postfix is ready for the TLS handshake: start TLS now, then send EHLO again.
smtp-postfix-relay_denied = Postfix refuses to relay: the recipient's domain is not one this server handles, and you are not authenticated or trusted. Log in with AUTH (usually on the submission port) to send to other domains.
smtp-postfix-unknown_virtual = Postfix does not know this recipient: the domain is a virtual mailbox domain here, but no mailbox exists for the address.
smtp-postfix-unknown_local = Postfix does not know this recipient: no local user or alias has that name.
smtp-postfix-recipient_rejected = Postfix refused this recipient; the text after "rejected:" gives the reason (unknown user, policy, or a site rule).
smtp-postfix-sender_rejected = Postfix refused the sender address (policy: unknown domain, not owned by the logged-in user ...).
smtp-postfix-helo_rejected = Postfix refused the EHLO/HELO name (e.g. not a fully-qualified domain name).
smtp-postfix-unknown_command = Postfix does not recognise this command: it is misspelt, or one Postfix does not offer (it has no HELP, for one). See :help for the commands.
smtp-postfix-need_mail = Postfix's wording for RCPT or DATA before MAIL FROM: start a message with MAIL FROM:<address>.
smtp-postfix-need_rcpt = Postfix's wording for DATA before any accepted RCPT TO (it says so even when MAIL FROM is missing too): MAIL FROM, then RCPT TO, then DATA.
smtp-postfix-nested_mail = Postfix's wording for MAIL FROM while a message is already in progress: finish it or RSET.
smtp-postfix-send_helo_first = Postfix wants EHLO or HELO before this command.
smtp-postfix-starttls_first = This server requires TLS before this command: send STARTTLS, then EHLO again, then AUTH or MAIL.
smtp-postfix-auth_failed = Postfix (via its SASL backend) rejected the user name or password.
smtp-postfix-pipelining = Postfix saw commands sent ahead of their replies without PIPELINING being used properly (e.g. a message sent before the server said to go ahead): it drops them.
smtp-postfix-too_big = The message is larger than Postfix's message_size_limit (see SIZE in EHLO).
smtp-postfix-timeout = Postfix gave up waiting for the client and closes the connection.
smtp-postfix-auth_not_enabled = Postfix offers no AUTH on this port (EHLO lists no AUTH): log in on the submission port, after STARTTLS.
smtp-postfix-already_authenticated = Postfix: this session has already logged in; AUTH succeeds only once per session.
smtp-postfix-client_rejected = Postfix refuses mail from this client here: on this port you must log in with AUTH before MAIL FROM and RCPT TO.

## [smtp.gmail]

smtp-gmail-app_password = Gmail refuses the account's normal password because the account uses 2-step verification: create an app password (16 letters) in the Google account's security settings and log in with it instead.
smtp-gmail-bad_credentials = Gmail rejected the user name or password.
smtp-gmail-learn_more = The rest of Gmail's reply: the address of its help page for this error.

## POP3 explanations
## [pop3]

pop3-ok = +OK: the command succeeded.
pop3-err = -ERR: the command failed; the text says why.
pop3-greeting = The server's greeting: you are connected, in the authorization state. Log in with USER and PASS (or APOP, AUTH).
pop3-greeting_apop = The server's greeting: you are in the authorization state. Its timestamp <...> means APOP works too: log in without sending the password (USER and PASS also work).
pop3-terminator = A line holding only ".": the end of the multi-line answer.
pop3-other = Not a POP3 status line: replies start with +OK or -ERR; multi-line answers end with a lone ".".
pop3-body = The message ({ $octets ->
        [one] { $octets } octet
       *[other] { $octets } octets
    }), sent as a multi-line answer: lines that start with "." carry an extra dot, which the client removes.

## [pop3.cont]

pop3-cont-sasl = SASL challenge (base64): answer with a base64 line, or "*" to cancel.
pop3-cont-sasl_decoded = SASL challenge: base64 for "{ $decoded }". Answer with a base64 line, or "*" to cancel.

## [pop3.why]

pop3-why-unknown_command = -ERR because the server does not know a command named { $command }. See :help for the commands.
pop3-why-needs_login = -ERR because { $command } needs you to be logged in: USER and PASS first.
pop3-why-already_logged_in = -ERR because you are already logged in: { $command } is only valid in the authorization state.
pop3-why-wrong_state = -ERR because { $command } is not valid in the { $state } state (valid in: { $valid }).

## [pop3.warn]

pop3-warn-cleartext_login = Warning: this connection has no TLS, so the password just crossed the network in clear text. Use STLS or port 995.

## [pop3.after.user]

pop3-after-user-ok = User name noted; now send PASS with the password.
pop3-after-user-err = User name refused (some servers only say so after PASS).

## [pop3.after.pass]

pop3-after-pass-ok = Logged in: the maildrop is locked for you and the session is in the transaction state. Try STAT or LIST.
pop3-after-pass-err = Login failed: wrong user name or password (or the maildrop is locked). Start again with USER.

## [pop3.after.apop]

pop3-after-apop-ok = Logged in with APOP: the session is in the transaction state.
pop3-after-apop-err = APOP failed: the digest does not match (wrong password or timestamp).

## [pop3.after.auth]

pop3-after-auth-ok = Authenticated through SASL: the session is in the transaction state.
pop3-after-auth-err = SASL authentication failed.

## [pop3.after.stls]

pop3-after-stls-ok = Start TLS now: the next bytes are the TLS handshake.
pop3-after-stls-err = TLS is not available.

## [pop3.after.capa]

pop3-after-capa-ok = The capability list follows, one per line, ending with ".".

## [pop3.after.stat]

pop3-after-stat-ok = The maildrop holds { $first ->
        [one] { $first } message
       *[other] { $first } messages
    }, { $second ->
        [one] { $second } octet
       *[other] { $second } octets
    } in all (messages marked with DELE not counted).

## [pop3.after.list]

pop3-after-list-ok = Message { $first } is { $second ->
        [one] { $second } octet
       *[other] { $second } octets
    } long.
pop3-after-list-ok_multi = The scan listing follows: one line per message, "number size", then ".".
pop3-after-list-err = No such message (or it is marked as deleted).

## [pop3.after.retr]

pop3-after-retr-ok = The message follows, then a line holding only ".".
pop3-after-retr-err = No such message (or it is marked as deleted).

## [pop3.after.top]

pop3-after-top-ok = The headers and the requested number of body lines follow, then ".".
pop3-after-top-err = No such message, or TOP is not supported.

## [pop3.after.dele]

pop3-after-dele-ok = Message marked for deletion; it is removed at QUIT (RSET unmarks it).
pop3-after-dele-err = No such message, or it is already marked as deleted.

## [pop3.after.rset]

pop3-after-rset-ok = Every deletion mark was removed.

## [pop3.after.noop]

pop3-after-noop-ok = NOOP: the server is alive.

## [pop3.after.uidl]

pop3-after-uidl-ok = Message { $first } has the unique id { $second }.
pop3-after-uidl-ok_multi = The unique-id listing follows: one line per message, "number id", then ".".
pop3-after-uidl-err = No such message (or it is marked as deleted).

## [pop3.after.quit]

pop3-after-quit-ok = Goodbye: messages marked with DELE are now removed (update state), and the connection closes.
pop3-after-quit-ok_authorization = Goodbye: you were not logged in, so nothing was changed.

## [pop3.data]

pop3-data-list = Message { $first } is { $second ->
        [one] { $second } octet
       *[other] { $second } octets
    } long.
pop3-data-uidl = Message { $first } has the unique id { $second }; the id stays the same across sessions.

## [pop3.shape]

pop3-shape-two_numbers = Two numbers after +OK: after STAT, { $first ->
        [one] { $first } message holds
       *[other] { $first } messages hold
    } { $second ->
        [one] { $second } octet
       *[other] { $second } octets
    } in all; after LIST { $first }, message { $first } is { $second ->
        [one] { $second } octet
       *[other] { $second } octets
    } long.
pop3-shape-listing = After LIST with no argument: the scan listing of { $first ->
        [one] { $first } message
       *[other] { $first } messages
    } follows, one "number size" line each, then ".".
pop3-shape-octets = After RETR (or TOP): the message, { $first ->
        [one] { $first } octet
       *[other] { $first } octets
    }, follows, then a line holding only ".".
pop3-shape-unique_id = After UIDL { $first }: message { $first } has the unique id { $second }, which stays the same across sessions.
pop3-shape-bare = A bare +OK: the command succeeded with nothing to add (USER, NOOP and RSET answer so); after CAPA, UIDL or TOP a multi-line answer follows, ending with ".".
pop3-shape-deleted = After DELE: the message is marked for deletion; it is removed at QUIT, and RSET unmarks it.
pop3-shape-maildrop = After PASS or APOP: logged in; the maildrop is locked for this session, which is now in the transaction state. Try STAT or LIST.
pop3-shape-text = +OK with the server's own words: the command succeeded. If it is the first line of the connection, it is the greeting (authorization state).

## [pop3.code]

pop3-code-in_use = [IN-USE]: the maildrop is locked by another session (e.g. another client is logged in).
pop3-code-login_delay = [LOGIN-DELAY]: you are logging in too often; wait before trying again.
pop3-code-sys = [{ $code }]: a system problem, not your credentials.
pop3-code-sys_temp = [SYS/TEMP]: a temporary system problem, not your credentials; try again later.
pop3-code-sys_perm = [SYS/PERM]: a permanent system problem, not your credentials; ask the administrator.
pop3-code-auth = [AUTH]: the failure is about your credentials (user name or password), not the system.
pop3-code-utf8 = [UTF8]: the request needs UTF-8 mode.
pop3-code-unknown = [{ $code }]: a response code this tool does not know.

## [pop3.capa]

pop3-capa-top = TOP: the TOP command is supported.
pop3-capa-user = USER: log in with USER and PASS.
pop3-capa-sasl = SASL { $value }: the AUTH mechanisms available.
pop3-capa-resp_codes = RESP-CODES: -ERR replies carry codes in brackets, such as [IN-USE].
pop3-capa-login_delay = LOGIN-DELAY { $value }: the minimum number of seconds between logins.
pop3-capa-pipelining = PIPELINING: several commands may be sent without waiting for replies.
pop3-capa-expire = EXPIRE { $value }: how many days the server keeps messages after they are retrieved (NEVER: forever).
pop3-capa-uidl = UIDL: the UIDL command is supported.
pop3-capa-implementation = IMPLEMENTATION { $value }: the server software.
pop3-capa-stls = STLS: the connection can switch to TLS.
pop3-capa-auth_resp_code = AUTH-RESP-CODE: a failed login carries [AUTH] when the credentials are at fault.
pop3-capa-utf8 = UTF8: UTF-8 mode is available.
pop3-capa-lang = LANG: server texts can be switched to another language.
pop3-capa-unknown = { $keyword }: a capability this tool does not know.
pop3-capa-capa = CAPA: the CAPA command itself is supported.

## [pop3.dovecot]

pop3-dovecot-greeting = Dovecot's POP3 greeting: in the authorization state, log in with USER and PASS (or AUTH).
pop3-dovecot-auth_failed = Dovecot rejected the user name or password; it says the same in every case so nobody can probe which user names exist.
pop3-dovecot-plaintext_disallowed = Dovecot refuses passwords over a connection without TLS: use STLS (or port 995) first.
pop3-dovecot-logged_in = Logged in (Dovecot's wording): the maildrop is yours and the session is in the transaction state. Try STAT or LIST.
pop3-dovecot-logging_out = Dovecot says goodbye; deletions are applied, the connection closes.
pop3-dovecot-unknown_command = Dovecot does not know this command here: a misspelt command, or one not valid in this state (e.g. STAT before login, USER after it).
pop3-dovecot-noise = Dovecot could not read the arguments: TOP needs a message number and a line count (TOP 1 5).
pop3-dovecot-no_message = There is no message with that number (or it is marked as deleted).
pop3-dovecot-idle_timeout = Dovecot closed the idle session.
pop3-dovecot-marked = Dovecot's answer to DELE: the message is marked for deletion; it is removed at QUIT, and RSET unmarks it.
pop3-dovecot-no_username = Dovecot got PASS without a USER before it: send USER with the name first, then PASS.
pop3-dovecot-apop_disabled = This server does not offer APOP (its greeting carries no <timestamp>): log in with USER and PASS, or AUTH.

## [imap.dovecot]

imap-dovecot-greeting = Dovecot's greeting: connected, not logged in. Its capability list comes along, which saves a CAPABILITY command.
imap-dovecot-auth_failed = Dovecot's wording for a failed login: user name or password wrong. It answers the same in every case (and after a short delay) so nobody can probe user names or guess fast.
imap-dovecot-unknown_command = Dovecot says "Unknown command" for a misspelt command, and also for a real one that is not valid in this state (e.g. LOGIN after logging in): check the spelling and the session state.
imap-dovecot-bad_command = Dovecot could not accept this command: the text after the colon says what was wrong.
imap-dovecot-invalid_arguments = Dovecot could not parse the command's arguments (missing or malformed): see :help for its syntax.
imap-dovecot-invalid_messageset = The message numbers do not fit this mailbox: the sequence set is malformed or names messages that do not exist (e.g. FETCH 1 in an empty mailbox).
imap-dovecot-prelogin_bad = Dovecot's login process could not accept this: before login it takes only CAPABILITY, NOOP, ID, STARTTLS, LOGIN, AUTHENTICATE and LOGOUT, with their arguments (SELECT, FETCH ... need a login first). After three such errors it disconnects.
imap-dovecot-no_mailbox_selected = This command works on an open mailbox, and none is selected: SELECT or EXAMINE one first.
imap-dovecot-no_such_mailbox = There is no mailbox with that name: check LIST "" "*" for the names (they are case-sensitive, except INBOX).
imap-dovecot-prelogin_capabilities = Before login Dovecot lists only what login needs; after login it sends the full list (with the reply to LOGIN).
imap-dovecot-bye_logout = Dovecot's goodbye to LOGOUT: the tagged OK follows, then the connection closes.
imap-dovecot-idle_timeout = Dovecot closed the connection because nothing happened for too long (the RFC asks servers to wait at least 30 minutes).
imap-dovecot-too_many_invalid = Dovecot gave up after too many invalid commands and closes the connection.
imap-dovecot-plaintext_disallowed = Dovecot refuses passwords over a connection without TLS: use STARTTLS (or port 993) first.
imap-dovecot-logged_in = Logged in (Dovecot's wording): the session is in the authenticated state. SELECT a mailbox next.
imap-dovecot-store_ignored = Dovecot accepted the STORE but changed nothing: the mailbox was opened read-only (EXAMINE). SELECT it to change flags.
imap-dovecot-auth_aborted = Dovecot ended the AUTHENTICATE exchange because the client answered "*" (cancel): still not logged in.

## [imap.section]

imap-section-whole = the whole message, header and body
imap-section-part = MIME part { $part }
imap-section-header = the message header
imap-section-text = the message body, without header
imap-section-mime = the MIME header of the part
imap-section-header_fields = only the header fields { $fields }
imap-section-header_fields_not = the header without the fields { $fields }
imap-section-other = section [{ $section }]
imap-section-of_part = { $what } of part { $part }
imap-section-partial = { $what }, from octet { $origin } on

## [cli]: examples under each --help page

cli-examples-main =
    Examples:
      maillab                                   IMAP on the embedded server (log in as alex / drums)
      maillab smtp                              SMTP on the embedded server
      maillab connect imaps://imap.example.org  a real server, every reply explained
      maillab explain "550 5.1.1 User unknown"  one server line explained
      maillab serve                             the lab server for a classroom

    Settings: $XDG_CONFIG_HOME/maillab/config.toml (lang, color, explain, ca_file); flags win.

cli-examples-imap =
    Examples:
      maillab imap                  then type: LOGIN alex drums, SELECT INBOX, FETCH 1 BODY[]
      maillab imap --lang ar        explanations in Arabic (English where a text is missing)
      maillab imap < session.txt    script mode: one line per command, a full transcript

cli-examples-pop3 =
    Examples:
      maillab pop3                  then type: USER alex, PASS drums, STAT, RETR 1, QUIT
      maillab pop3 --transcript t.txt

cli-examples-smtp =
    Examples:
      maillab smtp                  then type: EHLO me, MAIL FROM:<alex@maillab.test>, RCPT TO:<riley@maillab.test>, DATA
      printf 'EHLO me\nQUIT\n' | maillab smtp   script mode

cli-examples-connect =
    Examples:
      maillab connect imaps://imap.example.org
      maillab connect smtp://mail.example.org --submission --starttls
      maillab connect pop3s://localhost:1995 --ca-file lab-ca.pem
      maillab connect 127.0.0.1:1143 --protocol imap

cli-examples-explain =
    Examples:
      maillab explain "-ERR [IN-USE] maildrop is locked"
      maillab explain --file session.txt        a transcript (--transcript) or a pasted session
      python3 my_client.py 2>&1 | maillab explain -
                                                imaplib Debug = 4, smtplib set_debuglevel(1),
                                                poplib set_debuglevel(2) output

cli-examples-lesson =
    Examples:
      maillab lesson list
      maillab lesson run 1          the first lesson, step by step
      maillab lesson run 1 --step 3
      maillab lesson run pop3-basics --server 127.0.0.1 --user alex
                                    on the class's lab server, in your own account
      maillab lesson new my-lesson  a commented skeleton to write your own

cli-examples-serve =
    Listeners (port = standard port + --port-offset, 1000 by default):
      smtp        1025  SMTP, STARTTLS offered
      pop3        1110  POP3, STLS offered
      imap        1143  IMAP, STARTTLS offered
      smtps       1465  SMTP submission over implicit TLS, AUTH required
      submission  1587  SMTP submission, STARTTLS, AUTH required
      imaps       1993  IMAP over implicit TLS
      pop3s       1995  POP3 over implicit TLS

    Examples:
      maillab serve                                      every listener on 127.0.0.1
      maillab serve --only imap,smtp --ca-out lab-ca.pem
      maillab serve --port-offset 2000 --require-tls

cli-examples-completions =
    Examples:
      maillab completions bash > ~/.local/share/bash-completion/completions/maillab
      maillab completions zsh > ~/.zfunc/_maillab
      maillab completions fish > ~/.config/fish/completions/maillab.fish

cli-examples-man =
    Examples:
      maillab man | man -l -
      maillab man > ~/.local/share/man/man1/maillab.1


## [repl]

repl-local_only = Here the bytes never left this machine (the embedded server or a loopback address), so nobody else could read them; on a real network everyone on the path could.
repl-wait_nothing = Nothing arrived in { $secs } s: the server had nothing to say (in IMAP, IDLE first to get pushes).
repl-queued_not_sent = { $n ->
    [one] 1 line typed ahead was not sent: the connection is closed.
   *[other] { $n } lines typed ahead were not sent: the connection is closed.
}
repl-valid_in = valid in: { $states }
repl-not_a_command = { $name } is not { $protocol ->
    [POP3] a POP3
   *[other] an { $protocol }
} command; :help lists them
repl-auth_mechanisms = mechanisms: plain, login, cram-md5, xoauth2, oauthbearer
repl-auth_how-plain = one base64 string holding \0user\0password
repl-auth_how-login = the server asks Username: then Password:, each answered in base64
repl-auth_how-cram_md5 = the server sends a challenge; the answer is the user and HMAC-MD5(password, challenge), so the password itself never crosses the wire
repl-auth_how-xoauth2 = one base64 string holding user=USER, then auth=Bearer TOKEN (an OAuth 2.0 access token), separated by ^A (0x01)
repl-auth_how-oauthbearer = one base64 string: n,a=USER, then host, port and auth=Bearer TOKEN, separated by ^A (0x01)
repl-history_restored = The secret of this history line was put back from memory (kept for this run only; the history file holds only ****).
repl-history_masked = Not sent: this line came from the history, where its secret is saved as ****. Type it again with the real password (or token).
repl-cleartext_password = Warning: no TLS on this connection, and { $method } sent the password itself { $how }: anyone on the path can read it. Use { $upgrade } or port { $port }.
repl-sent_base64 = in base64 (an encoding anyone can undo, not encryption)
repl-sent_as_typed = as typed
repl-cleartext_digest = No TLS on this connection: { $method } kept the password off the wire, but the user name and a digest of the server's challenge crossed it readable; whoever records them can try passwords against the digest offline. Use { $upgrade } or port { $port }.
repl-cleartext_token = Warning: no TLS on this connection, so { $method } sent the access token readable: whoever reads it can use it until it expires. Use { $upgrade } or port { $port }.
repl-reach_process = Here the bytes went to the embedded server inside this program: they never left the process.
repl-reach_machine = Here the bytes went to a loopback address: they never left this machine.

## src/repl/tls.rs

repl-tls-host_port_needs_protocol = HOST:PORT needs a protocol: write imap://HOST:PORT, pop3:// or smtp://
repl-tls-unknown_protocol_use_imap = unknown protocol { $protocol }: use imap, pop3 or smtp
repl-tls-unknown_scheme_use_imap = unknown scheme { $other }: use imap://, imaps://, pop3://, pop3s://, smtp:// or smtps://
repl-tls-address_has_no_host = the address has no host
repl-tls-not_port_number = { $port } is not a port number
repl-tls-ipv6_address_needs_closing = an IPv6 address needs its closing ]
repl-tls-unexpected_after_address = unexpected { $after } after the address
repl-tls-tls = TLS is on: { $version } with { $cipher_suite }
repl-tls-certificate = certificate: { $subject }
repl-tls-none_shown = (none shown)
repl-tls-issued = issued by { $issuer }
repl-tls-valid_from_until = valid from { $not_before } until { $not_after }
repl-tls-verified_by_pinning = verified by pinning: it is exactly the certificate given with --ca-file, its name matches and its dates are valid (no CA vouches for it)
repl-tls-verified_chain_leads_trusted = verified: the chain leads to a trusted root and the name matches
repl-tls-not_verified_insecure_let = NOT verified ({ $describe }); --insecure let it through
repl-tls-not_verified_insecure_let_2 = NOT verified; --insecure let it through
repl-tls-everything_learnt_before_tls = everything learnt before TLS is forgotten: an attacker could have altered it. Ask CAPABILITY again (RFC 3501 §6.2.1)
repl-tls-smtp_session_starts_over = the SMTP session starts over: send EHLO again before MAIL (RFC 3207 §4.2)
repl-tls-capabilities_seen_before_stls = capabilities seen before STLS are forgotten: send CAPA again (RFC 2595 §4)
repl-tls-refused_connection_nothing_listens = { $addr } refused the connection: nothing listens on that port
repl-tls-did_not_answer = { $addr } did not answer: { $error }
repl-tls-cannot_find_host_name = cannot find the host of { $addr }: the name does not resolve (DNS)
repl-tls-cannot_connect = cannot connect to { $addr }: { $error }

## src/transport/tls.rs

tls-reading_certificate_pem = reading certificate PEM: { $error }
tls-no_certificate_found_pem = no certificate found in the PEM
tls-reading_key_pem = reading key PEM: { $error }
tls-certificate_key_do_not = certificate and key do not fit together: { $error }
tls-not_pem_certificate_file = { $path }: not a PEM certificate file: { $error }
tls-no_certificate = { $path }: no certificate in it
tls-certificate_has_expired = the certificate has expired
tls-certificate_not_valid_yet = the certificate is not valid yet (its start date is in the future)
tls-certificate_another_name_than = the certificate is for another name than the one you connected to
tls-certificate_signed_ca_machine = the certificate is signed by a CA this machine does not trust
tls-certificate_self_signed_nobody = the certificate is self-signed: nobody vouches for it but the server itself
tls-certificate_was_rejected = the certificate was rejected: { $reason }
tls-if_trust_ca_signed = if you trust the CA that signed it, pass that CA's certificate with --ca-file FILE; --insecure also works but accepts any impostor
tls-self_signed_certificate_vouches = a self-signed certificate vouches only for itself: get that very certificate from the administrator (compare its fingerprint) and pass it with --ca-file FILE, which pins it; --insecure also works but accepts any impostor
tls-check_machine_clock_otherwise = check this machine's clock; otherwise only --insecure gets past it, and then anyone could be answering
tls-connect_using_name_certificate = connect using a name the certificate lists; otherwise only --insecure gets past it, and then anyone could be answering
tls-insecure_skips_check_risk = --insecure skips the check, at the risk of talking to an impostor
tls-no_trusted_roots_pass = no trusted roots: { $error }; pass --ca-file
tls-not_valid_server_name = { $host } is not a valid server name
tls-server_sent_tls_alert = the server sent a TLS alert: { $alert }
tls-server_closed_connection_during = the server closed the connection during the TLS handshake (is this port really TLS?)

## src/main.rs

main-loading_fixture = loading fixture { $path }
main-unknown_language_use_en = unknown language { $lang }: use en or ar
main-fixture_problem = fixture: { $problem }
main-must_positive_number_seconds = { $what } must be a positive number of seconds
main-subcommands_are = the subcommands are: { $names } (maillab --help shows each)
transcript-literal_not_printed = { $size } octets imaplib did not print
main-config_bad_value = { $path }: { $value } is not a valid { $key }
main-reading_file = reading { $path }
main-reading_stdin = reading standard input
main-explain_needs_text = give the text to explain, - for standard input, or --file FILE
main-unknown_protocol_use_imap = unknown protocol { $protocol }: use imap, smtp or pop3
main-warning_listening_makes_lab = warning: listening on { $bind } makes the lab server reachable from other machines
main-only_unknown_listener = --only: unknown listener { $name }

## src/repl/interactive.rs

repl-cannot_start_line_editor = cannot start the line editor: { $error }
repl-embedded_mock_server_offline = the embedded mock server (offline: nothing leaves this machine)
repl-help_lists_commands_tab = :help lists commands · Tab completes · Ctrl-D leaves

## src/repl/mod.rs

repl-cannot_start_runtime = cannot start the runtime: { $error }
repl-no_explanation_known_line = no explanation known for this { $protocol } line

## src/repl/render.rs

repl-more_octets_line_not = [... { $cut } more octets of this line not kept]
repl-more_shows_rest = :more shows the rest
repl-not_kept_too_large = not kept: too large
repl-more_octets_elided = [... { $left } more octets of { $size } elided; { $what }]

## src/repl/script.rs

repl-input_line_was_longer = an input line was longer than { $max_input_line } octets; { $dropped } octets dropped

## src/repl/state.rs

# The session state as the REPL prompt shows it, by State::text_id.
state-imap-not_authenticated = not authenticated
state-imap-authenticated = authenticated
state-imap-selected = selected { $mailbox }
state-imap-logout = logout
state-smtp-connected = connected
state-smtp-greeted = greeted
state-smtp-mail = in transaction (MAIL)
state-smtp-rcpt = in transaction (RCPT)
state-smtp-data = in DATA
state-smtp-closed = closed
state-pop3-authorization = authorization
state-pop3-transaction = transaction
state-pop3-update = update
repl-state-and_authenticated = { $state }, authenticated

## src/serve.rs

serve-cannot_listen = cannot listen on { $addr } for { $name }: { $error }
serve-maillab_lab_server_one = maillab lab server: one in-memory store, nothing is ever sent anywhere
serve-ca_give_clients_verify = CA          { $path } (give it to clients to verify the certificate)
serve-ctrl_stops = Ctrl-C stops it.
serve-limit_expected = expected NAME=VALUE
serve-limit_not_number = { $value } is not a whole number
serve-limit_unknown = unknown limit { $name }
serve-caps_expected_minus = { $cap }: expected -NAME (a capability to switch off)
serve-faults_bad_line = faults file, line { $line }: expected [user=NAME] [from=IP] LISTENER COMMAND WHEN ACTION, got: { $text }
serve-faults_unreadable = cannot read the faults file { $path }: { $error }
serve-busy = too many connections to this lab server (from your address or in all), try again later

## src/server: the lab server's limits and timers (wire texts, ASCII)

server-idle_seconds = idle for { $n } { $n ->
    [one] second
   *[other] seconds
} without a command, closing the connection
server-idle_minutes = idle for { $n } { $n ->
    [one] minute
   *[other] minutes
} without a command, closing the connection
server-imap-prelogin_literal = before login a literal may hold at most { $limit } octets, this one announced { $size } (RFC 7888 LITERAL-); log in first
server-imap-literal_not_skipped = the octets of that non-synchronizing literal cannot be skipped safely, closing
server-imap-keyword_limit = this mailbox already has { $n } keywords and may have at most { $max }; reuse one of them (FLAGS lists them)
server-imap-mailbox_limit = you have { $count } mailboxes, the most this server allows; DELETE one first
server-imap-search_limit = this search would cost more than the server allows for one command; use fewer or simpler criteria, or fewer messages with a UID range
server-imap-append_trycreate = mailbox "{ $name }" does not exist: CREATE it first, then APPEND

## src/lab (the lab server's trace, transcripts and statistics)

lab-trace-opened = { $protocol } session on { $listener } from { $peer }
lab-trace-logged_in = logged in as { $user }
lab-trace-tls_starts = TLS starts here: the next bytes on this connection are the TLS handshake, then everything is encrypted (RFC 8314)
lab-trace-tls_up = TLS is up: what follows travels encrypted
lab-trace-refused_busy = refused: the lab server holds as many connections as it may (from this address or in all)
lab-trace-failed_tls = the TLS handshake failed or timed out; the connection was dropped
lab-trace-data_elided = [{ $size } octets of message data, not shown in the trace]
lab-trace-literal_sent = [{ $size } octets of literal data]
lab-trace-body_sent = [message body: { $lines ->
        [one] one line
       *[other] { $lines } lines
    }, { $size } octets]
lab-trace-stats = { $commands ->
        [one] one command
       *[other] { $commands } commands
    }, { $trips ->
        [one] one round trip
       *[other] { $trips } round trips
    }; { $text_in } octets from the client, { $text_out } to it{ $wire }; { $ms } ms
lab-trace-stats_wire = {" "}(on the wire { $wire_in } and { $wire_out })
lab-trace-closed = session closed
lab-trace-fault = fault injected ({ $fault })
lab-trace-dropped = { $n } trace records were dropped: the trace could not keep up
lab-ctl-auth_required = the control endpoint wants --token (the teacher's) or --login and --password (your mail account)
lab-ctl-refused = the control endpoint refused the token or the login
lab-ctl-unexpected = the control endpoint answered something unexpected: { $reply }
lab-ctl-listening = control     { $addr } (maillab ctl, maillab watch; teacher token { $token })
lab-watch-started = watching the sessions of the lab server at { $server } (Ctrl-C stops)
lab-stats-table_head = protocol  sessions  commands  round-trips  text-in  text-out  wire-in  wire-out

## src/store/fixture.rs

fixture-cannot_create_mailbox = { $user }: cannot create mailbox "{ $mailbox }"
fixture-empty_file_not_message = empty file, not a message
fixture-not_message_first_line = not a message: the first line is not a header field

## src/store/mod.rs

store-no_user = no user "{ $user }"
store-disk_write_failed = could not record a change in the data directory, stopping: { $error }
main-loading_data = loading the data directory { $path }
store-mailbox_does_not_exist = mailbox "{ $mailbox }" does not exist
store-mailbox_already_exists = mailbox "{ $mailbox }" already exists
store-mailbox_name_cannot_empty = a mailbox name cannot be empty
store-inbox_cannot_deleted = INBOX cannot be deleted
store-has_child_mailboxes_already = "{ $name }" has child mailboxes and is already \Noselect
store-mailbox_cannot_renamed_into = a mailbox cannot be renamed into itself

## src/transport/mod.rs

transport-no_answer_from_within = no answer from { $addr } within { $timeout }

## src/server/pop3.rs

server-pop3-line_too_long_pop3 = Line too long: a POP3 command line is at most 255 octets including CRLF (RFC 2449 §4)
server-pop3-line_contains_commands_printable = This line contains { $what }; commands are printable text
server-pop3-line_not_valid_utf = This line is not valid UTF-8 text
server-pop3-empty_line_type_command = Empty line: type a command such as USER alex, or CAPA
server-pop3-still_here = still here
server-pop3-stls_only_allowed_before = STLS is only allowed before login (RFC 2595 §4)
server-pop3-already_logged_authorization_state = Already logged in as { $user }: { $upper } is for the AUTHORIZATION state
server-pop3-only_valid_after_login = { $upper } is only valid after login (TRANSACTION state); log in with USER and PASS first
server-pop3-unknown_command_capa_lists = Unknown command "{ $shown }"; CAPA lists what this server speaks
server-pop3-auth_plain_text_login = [AUTH] Plain-text login is disabled until STLS: the password would cross the network in clear
server-pop3-now_send_pass_password = { $args }: now send PASS with the password
server-pop3-already_logged_pass_authorization = Already logged in as { $user }: PASS is for the AUTHORIZATION state
server-pop3-pass_must_follow_user = PASS must follow USER name (RFC 1939 §7)
server-pop3-auth_invalid_user_name = [AUTH] Invalid user name or password; start again with USER
server-pop3-apop_digest_must_hexadecimal = APOP digest must be 32 hexadecimal digits: MD5 of the greeting's <timestamp> followed by the password (RFC 1939 §7)
server-pop3-auth_apop_digest_does = [AUTH] APOP digest does not match: it is MD5(<timestamp from the greeting> + password)
server-pop3-syntax_capa_lists_mechanisms = Syntax: { $auth }; CAPA lists the mechanisms on its SASL line
server-pop3-unrecognized_authentication_mechanism_server = Unrecognized authentication mechanism { $shown }; this server offers PLAIN LOGIN CRAM-MD5
server-pop3-authentication_cancelled_client = Authentication cancelled by the client ("*")
server-pop3-cannot_decode_response_must = Cannot decode the response: it must be base64 (RFC 5034 §4)
server-pop3-auth_authentication_failed_wrong = [AUTH] Authentication failed: wrong user name or password
server-pop3-use_maildrop_locked_another = [IN-USE] { $user }'s maildrop is locked by another POP3 session; it is freed when that session QUITs or drops (RFC 1939 §8)
server-pop3-sys_perm_has_no = [SYS/PERM] { $user } has no INBOX to serve
server-pop3-tls_already_active_connection = TLS is already active on this connection
server-pop3-stls_not_available_server = STLS not available: this server has no certificate, so CAPA does not offer STLS
server-pop3-maillab_pop3_server_signing = maillab POP3 server signing off
server-pop3-maillab_pop3_server_signing_2 = maillab POP3 server signing off ({ $message } deleted, { $gone } already expunged elsewhere, { $left } left)
server-pop3-maillab_pop3_server_signing_3 = maillab POP3 server signing off ({ $message } deleted, { $left } left)
server-pop3-not_logged = not logged in
server-pop3-not_message_number_messages = "{ $shown }" is not a message number: messages are numbered from 1
server-pop3-no_message_maildrop_listed = No message { $n }: the maildrop listed { $len } at login
server-pop3-message_marked_deleted_rset = Message { $n } is marked deleted; RSET unmarks it
server-pop3-unique_id_listing_follows = unique-id listing follows
server-pop3-message_was_expunged_another = Message { $number } was expunged by another session (IMAP) after this POP3 login; the list stays fixed until you log in again (RFC 1939 §5)
server-pop3-top_needs_number_body = TOP needs a number of body lines (0 or more) after the message number
server-pop3-message_marked_deleted_removed = Message { $number } marked deleted; it is removed at QUIT (RSET unmarks)
server-pop3-deletion_marks_cleared_maildrop = Deletion marks cleared; maildrop has { $message } ({ $size } octets)
server-pop3-autologout_idle_too_long = Autologout: idle for too long, closing; messages marked with DELE were not deleted

## src/server/smtp/lines.rs

server-smtp-control_character = the control character 0x{ $other }

## src/server/smtp/mod.rs

server-smtp-authentication_exchange_line_too = Authentication exchange line is too long (RFC 4954 §4: at most 12288 octets)
server-smtp-line_too_long_command = Line too long: a command line is at most 512 octets including CRLF (RFC 5321 §4.5.3.1.4)
server-smtp-line_contains_commands_printable = This line contains { $what }; commands are printable text
server-smtp-line_not_valid_utf = This line is not valid UTF-8 text
server-smtp-empty_line_type_command = Empty line: type a command such as EHLO maillab.test, or HELP
server-smtp-reset_mail_transaction_cleared = Reset: the mail transaction is cleared
server-smtp-ok_nothing_done = OK, nothing done
server-smtp-cannot_vrfy_but_mail = Cannot VRFY { $args }, but mail to it will be tried: RCPT TO gives the real answer (RFC 5321 §3.5.3)
server-smtp-expn_disabled_here_mailing = EXPN is disabled here: mailing-list members stay private (RFC 5321 §3.5.2, §7.3)
server-smtp-closing_connection_goodbye = { $hostname } closing connection, goodbye
server-smtp-command_not_recognised_help = Command "{ $shown }" not recognised; HELP lists the commands
server-smtp-note_line_ended_bare = (note: your line ended in a bare LF; SMTP wants CRLF, RFC 5321 §2.3.8; with netcat use nc -C)
server-smtp-say_ehlo_helo_first = Say EHLO (or HELO) first: MAIL needs a greeted session (RFC 5321 §4.1.4)
server-smtp-nested_mail_transaction_already = Nested MAIL: a transaction is already open; finish it with DATA or clear it with RSET
server-smtp-authentication_required_submission_port = Authentication required: this is the submission port (RFC 6409 §4.3); AUTH first
server-smtp-message_size_exceeds_fixed = Message size { $n } exceeds the fixed maximum of { $max_message } octets (RFC 1870)
server-smtp-size_needs_number_octets = SIZE= needs a number of octets, like SIZE=10240 (RFC 1870)
server-smtp-body_binarymime_needs_binarymime = BODY=BINARYMIME needs the BINARYMIME extension, which this server does not offer
server-smtp-mail_from_parameter_not = MAIL FROM parameter { $shown } is not supported here (EHLO lists the extensions)
server-smtp-sender_ok_null_reverse = Sender <> OK (the null reverse-path, used by bounces)
server-smtp-syntax_angle_brackets_required = Syntax: { $name } (the angle brackets are required, RFC 5321 §4.1.2)
server-smtp-bad_address_syntax = Bad address syntax: { $why }
server-smtp-rcpt_first_needs_mail = RCPT first needs MAIL FROM:<address>
server-smtp-rcpt_parameter_not_supported = RCPT TO parameter { $shown } is not supported here (no DSN extension)
server-smtp-rcpt_not_allowed_recipient = RCPT TO:<> is not allowed: a recipient needs an address
server-smtp-too_many_recipients_most = Too many recipients: at most { $max_recipients } per message
server-smtp-no_such_user_here = <{ $address }>: no such user here (local users include { $join })
server-smtp-recipient_ok_delivers_inbox = Recipient <{ $address }> OK: delivers to { $user }'s INBOX
server-smtp-recipient_ok_another_domain = Recipient <{ $address }> OK: another domain, so the message is kept in the relayed sink and never sent anywhere
server-smtp-needs_mail_from_address = { $verb } needs MAIL FROM:<address> and at least one accepted RCPT TO first
server-smtp-needs_least_one_accepted = { $verb } needs at least one accepted RCPT TO:<address> first (no valid recipients yet)
server-smtp-data_cannot_follow_bdat = DATA cannot follow BDAT in the same transaction (RFC 3030 §2); finish with BDAT n LAST or RSET
server-smtp-message_too_big_octets = Message too big: { $size } octets is over the fixed maximum of { $max_message } (RFC 1870); nothing was stored
server-smtp-line_message_longer_than = Line { $line } of the message is longer than { $max_text_line } octets (RFC 5321 §4.5.3.1.6); use quoted-printable or base64 for long lines. Nothing was stored
server-smtp-message_too_big_over = Message too big: over the fixed maximum of { $max } octets (RFC 1870); transaction cleared, nothing was stored
server-smtp-octets_received_so_far = { $size } octets received so far; send more with BDAT, the last with BDAT n LAST
server-smtp-local_delivery_failed_nothing = Local delivery failed ({ $error }); nothing was stored, try again
server-smtp-delivered = delivered to { $join }
server-smtp-kept_relayed_sink = { $len } kept in the relayed sink
server-smtp-ok_queued = Ok: queued as { $id }.{ $messages }; { $join }
server-smtp-help_command_explains_one = HELP <command> explains one (RFC 5321)
server-smtp-no_help_help_alone = No help for "{ $shown }": HELP alone lists the commands
server-smtp-already_authenticated_auth_may = Already authenticated: AUTH may be used once per session (RFC 4954 §4)
server-smtp-auth_not_allowed_during = AUTH is not allowed during a mail transaction; RSET first (RFC 4954 §4)
server-smtp-encryption_required_issue_starttls = Encryption required: issue STARTTLS before AUTH so the password is not sent in clear (RFC 4954 §6)
server-smtp-unrecognized_authentication_type_server = Unrecognized authentication type { $shown }; this server offers PLAIN LOGIN CRAM-MD5
server-smtp-authentication_cancelled_client = Authentication cancelled by the client ("*")
server-smtp-cannot_decode_response_must = Cannot decode the response: it must be base64 (RFC 4954 §4)
server-smtp-authentication_successful = Authentication successful: you are { $user }
server-smtp-authentication_credentials_invalid_wrong = Authentication credentials invalid: wrong user name or password
server-smtp-tls_already_active_connection = TLS is already active on this connection
server-smtp-tls_not_available_server = TLS not available: this server has no certificate, so STARTTLS is not offered in EHLO
server-smtp-say_ehlo_first_then = Say EHLO first, then STARTTLS (RFC 3207 §4)
server-smtp-ready_start_tls = Ready to start TLS

## src/server/smtp/parse.rs

server-smtp-not_parameter_parameters_look = "{ $parameter }" is not a parameter: parameters look like KEYWORD or KEYWORD=value
server-smtp-too_many_parameters = too many parameters
server-smtp-non_ascii_addresses_need = non-ASCII addresses need the SMTPUTF8 parameter on MAIL FROM (RFC 6531)
server-smtp-address_most_octets_rfc = an address is at most 254 octets (RFC 5321 §4.5.3.1.3)
server-smtp-address_needs_local_part = an address needs a local part, "@" and a domain, like alex@maillab.test
server-smtp-local_part_before_empty = the local part before "@" is empty
server-smtp-local_part_most_octets = the local part is at most 64 octets (RFC 5321 §4.5.3.1.1)
server-smtp-quoted_local_part_must = a quoted local part must end with a closing quote
server-smtp-local_part_has_character = the local part has a character that must be quoted, or a misplaced dot
server-smtp-domain_after_empty = the domain after "@" is empty
server-smtp-address_literal_must_end = an address literal must end with "]", like [127.0.0.1]
server-smtp-domain_must_dot_separated = the domain must be dot-separated labels of letters, digits and hyphens

## src/server/pop3.rs

server-pop3-too_many_bad_commands = Too many bad commands ({ $max_errors }), closing connection
server-pop3-octets_follow = octets follow
server-pop3-header_first_body_lines = the header and the first { $lines } body lines follow
server-pop3-maillab_mock_pop3_server = maillab mock POP3 server ready { $ts }

## src/server/smtp/mod.rs

server-smtp-too_many_errors_session = Too many errors in this session ({ $max_errors }), closing connection
server-smtp-note_line_ended_bare_2 = Note: that line ended in a bare LF; SMTP lines end in CRLF (RFC 5321 §2.3.8). Accepted in commands; with netcat use nc -C
server-smtp-esmtp_maillab_mock_server = ESMTP maillab mock server ready; mail stays on this machine
server-smtp-error_timeout_exceeded_closing = Error: timeout exceeded, closing connection (nothing half-sent was stored)

## src/protocol/sasl.rs

sasl-response_not_valid_base64 = the response is not valid base64
sasl-client_cancelled_exchange = the client cancelled the exchange with "*"
sasl-not_valid_utf = the { $what } is not valid UTF-8
sasl-plain_needs_exactly_three = PLAIN needs exactly three parts: authzid NUL user NUL password
sasl-plain_user_name_empty = PLAIN user name is empty
sasl-authorization_identity = authorization identity
sasl-user_name = user name
sasl-cram_md5_response_must = CRAM-MD5 response must be "user digest" (RFC 2195 §2)
sasl-cram_md5_user_name = CRAM-MD5 user name is empty
sasl-cram_md5_digest_must = CRAM-MD5 digest must be 32 hexadecimal digits (HMAC-MD5, RFC 2195 §2)
sasl-cram_md5_takes_no = CRAM-MD5 takes no initial response: the server must send its challenge first
sasl-login_user_name_empty = LOGIN user name is empty
sasl-exchange_already_over = the exchange is already over

## src/server/imap/checks.rs

server-imap-mailbox_name_not_valid = the mailbox name is not valid UTF-8, and IMAP mailbox names must be 7-bit modified UTF-7 (RFC 3501 §5.1.3)
server-imap-mailbox_names_travel_bit = mailbox names travel as 7-bit modified UTF-7 (RFC 3501 §5.1.3), not raw UTF-8: write "{ $s }" as "{ $s2 }"
server-imap-cannot_not_valid_modified = [CANNOT] "{ $s }" is not valid modified UTF-7 (RFC 3501 §5.1.3): { $error }; a literal '&' is written "&-"
server-imap-not_system_flag_use = { $flag } is not a system flag: use \Seen, \Answered, \Flagged, \Deleted, \Draft or a keyword without '\'

## src/server/imap/fetch.rs

server-imap-list_items_has_no = the list of items has no closing ')'
server-imap-list_items_empty = the list of items is empty
server-imap-data_item = data item
server-imap-data_item_name_missing = a data item name is missing
server-imap-not_fetch_data_item = "{ $word }" is not a FETCH data item (try FLAGS, UID, ENVELOPE, RFC822.SIZE, BODY[], BODY.PEEK[HEADER], BODYSTRUCTURE)
server-imap-section_part_number = section part number
server-imap-section_part_numbers_start = section part numbers start at 1
server-imap-after_part_number_must = a '.' after a part number must be followed by HEADER, TEXT, MIME or another number
server-imap-list_header_field_names = the list of header field names
server-imap-before_header_field_names = '(' before the header field names
server-imap-header_field_list_has = the header field list has no closing ')'
server-imap-header_field_name = header field name
server-imap-header_fields_needs_least = HEADER.FIELDS needs at least one field name
server-imap-not_section_use_header = "{ $spec }" is not a section: use [], [HEADER], [TEXT], [1], [1.MIME], [HEADER.FIELDS (From)]
server-imap-closing_section = ']' closing the section
server-imap-partial_start = partial start
server-imap-between_partial_start_length = '.' between partial start and length, like <0.100>
server-imap-partial_length = partial length
server-imap-partial_length_must_least = a partial length must be at least 1
server-imap-closing_partial_range = '>' closing the partial range

## src/server/imap/mailbox.rs

server-imap-cannot_mailbox_name_cannot = [CANNOT] a mailbox name cannot be empty
server-imap-cannot_list_wildcards_cannot = [CANNOT] "{ $name }": '*' and '%' are LIST wildcards and cannot be part of a mailbox name
server-imap-cannot_every_level_hierarchy = [CANNOT] "{ $name }": every level of the hierarchy needs a name (no empty parts between '/')
server-imap-cannot_mailbox_name_too = [CANNOT] the mailbox name is too long (over 512 octets)
server-imap-nonexistent_mailbox_does_not = [NONEXISTENT] mailbox "{ $mailbox }" does not exist
server-imap-alreadyexists_mailbox_already_exists = [ALREADYEXISTS] mailbox "{ $mailbox }" already exists
server-imap-user_no_longer_exists = user "{ $user }" no longer exists
server-imap-new_mailbox_name = the new mailbox's name
server-imap-mailbox_name = mailbox name
server-imap-alreadyexists_inbox_always_exists = [ALREADYEXISTS] INBOX always exists
server-imap-mailbox_name_2 = the mailbox name
server-imap-existing_mailbox_name = the existing mailbox name
server-imap-existing_mailbox_name_2 = existing mailbox name
server-imap-new_mailbox_name_2 = the new mailbox name
server-imap-new_mailbox_name_3 = new mailbox name
server-imap-nonexistent_mailbox_does_not_2 = [NONEXISTENT] mailbox "{ $name }" does not exist, so it cannot be subscribed
server-imap-reference_name_often = the reference name (often "")
server-imap-reference_name = reference name
server-imap-mailbox_pattern_like = the mailbox pattern, like "*" or "%"
server-imap-reference_pattern_together_too = the reference and pattern together are too long (over 1024 octets)
server-imap-mailbox_patterns_travel_bit = mailbox patterns travel as 7-bit modified UTF-7 (RFC 3501 §5.1.3): write "{ $p }" as "{ $p2 }"
server-imap-pattern_not_valid_utf = the pattern is not valid UTF-8 nor modified UTF-7
server-imap-list_items_like_messages = the list of items, like (MESSAGES UNSEEN)
server-imap-starting_list_status_items = '(' starting the list of status items
server-imap-status_item = status item
server-imap-not_status_item_use = "{ $it }" is not a status item: use MESSAGES, RECENT, UIDNEXT, UIDVALIDITY or UNSEEN
server-imap-list_status_items_empty = the list of status items is empty
server-imap-nonexistent_mailbox_does_not_3 = [NONEXISTENT] mailbox "{ $name }" does not exist
server-imap-cannot_noselect_hierarchy_level = [CANNOT] "{ $name }" is a \Noselect hierarchy level without messages
server-imap-trycreate_mailbox_does_not = [TRYCREATE] mailbox "{ $name }" does not exist: CREATE it first

## src/server/imap/messages.rs

server-imap-no_mailbox_selected = no mailbox is selected
server-imap-read_only_mailbox_was = [READ-ONLY] the mailbox was opened with EXAMINE, so nothing can be expunged
server-imap-expunge_completed = EXPUNGE completed, { $count ->
        [0] no message had \Deleted
        [one] 1 message removed
       *[other] { $count } messages removed
    }
server-imap-search_criteria_like_all = the search criteria, like ALL or UNSEEN
server-imap-badcharset_utf_us_ascii = [BADCHARSET (UTF-8 US-ASCII)] charset { $cs } is not supported; use UTF-8
server-imap-message_set_like = the message set, like 1:* or 2,4
server-imap-message_set = message set
server-imap-data_items_like_flags = the data items, like (FLAGS) or BODY[]
server-imap-message_set_2 = the message set
server-imap-must_flags_flags_flags = "{ $what }" must be FLAGS, +FLAGS or -FLAGS (optionally with .SILENT)
server-imap-flags_like_seen = the flags, like (\Seen)
server-imap-read_only_mailbox_was_2 = [READ-ONLY] the mailbox was opened with EXAMINE, so flags cannot change
server-imap-destination_mailbox = the destination mailbox
server-imap-destination_mailbox_2 = destination mailbox
server-imap-read_only_mailbox_was_3 = [READ-ONLY] the mailbox was opened with EXAMINE, so messages cannot be moved out
server-imap-trycreate_mailbox_does_not_2 = [TRYCREATE] mailbox "{ $dest }" does not exist: CREATE it first

## src/server/imap/mod.rs

server-imap-line_longer_than_kib = the line is longer than { $max_line } KiB; send long data as a literal {"{"}n{"}"}
server-imap-literal_size_not_valid = literal size {"{"}{ $size }{"}"} is not a valid 32-bit number (RFC 3501 §9: number < 4294967296)
server-imap-toobig_literal_octets_over = [TOOBIG] a literal of { $size } octets is over this server's limit of { $max_literal } octets (RFC 7889)
server-imap-capability_maillab_mock_imap = [CAPABILITY { $caps }] maillab mock IMAP server ready
server-imap-idle_minutes_without_command = idle for { $as_secs } minutes without a command, closing the connection

## src/server/imap/mutf7.rs

server-imap-only_printable_bit_characters = only printable 7-bit characters may appear
server-imap-shift_never_closed = an '&' shift is never closed with '-'
server-imap-shifted_run_holds_character = a shifted run holds a character outside base64
server-imap-shifted_run_has_leftover = a shifted run has leftover bits
server-imap-shifted_run_not_valid = a shifted run is not valid UTF-16
server-imap-printable_ascii_must_not = printable ASCII must not be shifted

## src/server/imap/parser.rs

server-imap-missing = { $what } is missing
server-imap-unexpected_extra_text = unexpected extra text "{ $rest }"
server-imap-not_valid_text = { $what } is not valid text
server-imap-must_quoted_string_literal = { $what } must be a quoted string or a literal
server-imap-quoted_string_has_no = { $what }: the quoted string has no closing '"'
server-imap-inside_quotes_backslash_may = { $what }: inside quotes a backslash may only escape '"' or '\'
server-imap-literal_needs_size_like = { $what }: a literal needs a size, like {"{"}5{"}"}
server-imap-closing_literal_size = '{"}"}' closing the literal size
server-imap-literal_size_must_end = { $what }: a literal's size must end the line
server-imap-literal_shorter_than_announced = { $what }: the literal is shorter than announced
server-imap-must_number = { $what } must be a number
server-imap-too_large_bit_number = { $what } is too large for a 32-bit number
server-imap-must_look_like_numbers = { $what } must look like 1:4,7,9:* (numbers, ranges with ':', lists with ',')
server-imap-message_numbers_start_not = { $what }: message numbers start at 1, 0 is not valid
server-imap-flag_name = flag name
server-imap-flag_list_has_no = the flag list has no closing ')'
server-imap-flags_must_parentheses_like = flags must be in parentheses, like (\Seen \Flagged)
server-imap-closing_date = '"' closing the date
server-imap-must_date_like_feb = { $what } must be a date like 1-Feb-1994 (day-Month-year, English month)
server-imap-not_date_time_like = "{ $text }" is not a date-time like "17-Jul-1996 02:44:25 -0700"

## src/server/imap/search.rs

server-imap-search_key = search key
server-imap-charset_name_after_charset = the charset name after CHARSET
server-imap-charset_name = charset name
server-imap-search_key_after_charset = a search key after the charset
server-imap-search_criteria_nested_too = search criteria are nested too deeply
server-imap-search_criteria_has_no = a '(' in the search criteria has no matching ')'
server-imap-empty_parentheses_not_search = empty parentheses are not a search key
server-imap-keyword = the keyword
server-imap-string_look = the string to look for in { $word }
server-imap-header_field_name_after = the header field name after HEADER
server-imap-string_look_after_header = the string to look for after HEADER field-name
server-imap-string_look_after_body = the string to look for after BODY
server-imap-string_look_after_text = the string to look for after TEXT
server-imap-size_after = the size after { $word }
server-imap-uid_set_after_uid = the UID set after UID
server-imap-search_key_after_not = a search key after NOT
server-imap-two_search_keys_after = two search keys after OR
server-imap-second_search_key = the second search key of OR
server-imap-not_search_key_rfc = "{ $word }" is not a search key (RFC 3501 §6.4.4 lists ALL, SEEN, UNSEEN, FROM, SUBJECT, TEXT, SINCE, UID, OR, NOT …)

## src/server/imap/session.rs

server-imap-unknown_command = unknown command { $full }
server-imap-privacyrequired_login_disabled_until = [PRIVACYREQUIRED] LOGIN is disabled until the connection is encrypted: STARTTLS first
server-imap-permanentflags_flags_permitted_new = [PERMANENTFLAGS ({ $list } \*)] Flags permitted, new keywords too
server-imap-mailbox_empty_so_no = the mailbox is empty, so no message number is valid yet
server-imap-there_no_message_mailbox = there is no message { $number }: this mailbox has { $count ->
        [one] { $count } message
       *[other] { $count } messages
    } (numbers 1 to { $count })
server-imap-every_command_starts_tag = every command starts with a tag of your choice, then a space, then the command, like: a1 CAPABILITY
server-imap-tag_missing_type_tag = a tag is missing: type a tag first, like: a1 { $tag }
server-imap-has_no_command_after = "{ $tag }" has no command after it: type a tag, a space, then the command, like: a1 NOOP
server-imap-command_contains_nul_byte = the command contains a NUL byte, which IMAP never allows outside a literal
server-imap-command_name_missing_after = the command name is missing after the tag
server-imap-command_after_uid = command after UID
server-imap-uid_needs_command_after = UID needs a command after it: UID FETCH, UID SEARCH, UID STORE, UID COPY, UID MOVE or UID EXPUNGE
server-imap-looks_like_tag_missing = (it looks like the tag is missing: type a1 { $tag } ...)
server-imap-not_imap_command_server = "{ $full }" is not an IMAP command this server knows{ $hint }; CAPABILITY lists the extensions
server-imap-check_completed_store_memory = CHECK completed (the store is in memory, nothing to flush)
server-imap-imap4rev1_server_logging_out = IMAP4rev1 server logging out
server-imap-capability_enable = the capability to enable
server-imap-capability_name = capability name
server-imap-enable_completed_nothing_here = ENABLE completed (nothing here needs enabling)
server-imap-completed_no_mailbox_selected = { $name } completed, no mailbox is selected now
server-imap-not_implemented = { $name } is not implemented
server-imap-parameter_list_nil = the parameter list (or NIL)
server-imap-list_has_no_closing = the list has no closing ')'
server-imap-field_name = field name
server-imap-field_value = the field's value
server-imap-field_value_2 = field value
server-imap-value_quoted_string_nil = a value is a quoted string or NIL
server-imap-id_allows_most_field = ID allows at most 30 field-value pairs (RFC 2971 §3.3)
server-imap-argument_parenthesized_list_nil = the argument is a parenthesized list or NIL
server-imap-connection_already_encrypted_tls = this connection is already encrypted with TLS
server-imap-starttls_not_available_server = STARTTLS is not available on this server: it is not listed in CAPABILITY, so continue in plain text (this lab server runs on loopback only)
server-imap-begin_tls_negotiation_now = Begin TLS negotiation now
server-imap-authenticationfailed_authentication_failed_wrong = [AUTHENTICATIONFAILED] Authentication failed: wrong user name or password
server-imap-user_name = the user name
server-imap-user_name_2 = user name
server-imap-password = the password
server-imap-privacyrequired_login_disabled_until_2 = [PRIVACYREQUIRED] LOGIN is disabled until the connection is encrypted: STARTTLS first (LOGINDISABLED, RFC 3501 §6.2.3)
server-imap-sasl_mechanism_name = the SASL mechanism name
server-imap-cannot_mechanism_not_offered = [CANNOT] mechanism { $other } is not offered; this server offers AUTH=PLAIN and AUTH=LOGIN
server-imap-privacyrequired_authentication_disabled_until = [PRIVACYREQUIRED] authentication is disabled until the connection is encrypted: STARTTLS first
server-imap-authenticate_cancelled_client = AUTHENTICATE cancelled by the client
server-imap-sasl_response_not_valid = the SASL response is not valid base64; AUTHENTICATE ended
server-imap-authorizationfailed_may_not_act = [AUTHORIZATIONFAILED] { $authc } may not act as { $authz }
server-imap-plain_expects_base64_authzid = PLAIN expects base64 of authzid NUL user NUL password (RFC 4616)
server-imap-idle_ends_line_saying = IDLE ends with a line saying just DONE (RFC 2177); IDLE stopped
server-imap-log_first = log in first
server-imap-nonexistent_mailbox_does_not_4 = [NONEXISTENT] mailbox "{ $name }" does not exist (LIST "" "*" shows the mailboxes)
server-imap-cannot_only_hierarchy_level = [CANNOT] "{ $name }" is only a hierarchy level (\Noselect) and holds no messages
server-imap-unseen_message_first_unseen = [UNSEEN { $n }] Message { $n } is the first unseen
server-imap-message_as_literal = the message, as a literal {"{"}size{"}"}
server-imap-message_must_be_literal = the message must be sent as a literal: {"{"}size{"}"} at the end of the line, then the octets
server-imap-literal8_needs_binary = literal8 (~{"{"}n{"}"}) needs the BINARY extension, which this server does not offer
server-imap-word_size = { $word }'s size

## Why a command is refused in the current IMAP state: the server's reply and the
## REPL's explanation (imap-why-*) say it with the same words.
server-imap-wrong_state = { $command } { $why } (valid in: { $valid })
server-imap-state_reason-needs_login = needs you to be logged in first: LOGIN or AUTHENTICATE
server-imap-state_reason-needs_login_and_select = needs you to log in and then SELECT or EXAMINE a mailbox first
server-imap-state_reason-needs_select = needs a selected mailbox first: SELECT or EXAMINE one
server-imap-state_reason-before_login_only = is only allowed before login, and you are already logged in
server-imap-state_reason-no_mailbox_selected = is only allowed while no mailbox is selected: CLOSE or UNSELECT first
server-imap-state_reason-not_in_this_state = is not allowed in this state
## src/lessons (guided lessons)

lesson-step_help = (:hint a hint, :show the model answer, :skip, :back, :steps, :restart, :answer VALUE)
lesson-passed = Step { $n } passed: { $title }
lesson-complete = Lesson complete: { $title }
lesson-hint = Hint { $n }/{ $of }:
lesson-no_more_hints = No more hints for this step: :show prints the model answer.
lesson-model_answer = Model answer (type it, or :skip to have it run):
lesson-skipping = Running the model answer and going on:
lesson-fast_forward_failed = cannot start there: the model answer of step { $n } did not pass
lesson-summary = Results of { $title }:
lesson-total = { $passed } of { $total } steps passed
lesson-no_account = { $file }: the lesson needs the account { $user }, which the store lacks
lesson-unknown = no lesson "{ $name }": maillab lesson list shows them
lesson-list_total = { $done } / { $total } lessons, { $percent }%
lesson-state_done = done
lesson-state_new = not started
lesson-state_part = { $passed }/{ $total } steps
lesson-check_ok = { $file }: { $steps } steps, model answer passes
lesson-check_tr_ok = { $file }: translation ({ $lang }) of { $id }, every step id present
lesson-check_fail = { $file }:{ $line }: step { $id }: the model answer does not pass: { $why }
lesson-check_early = { $file }:{ $line }: step { $id }: the model answer passes before its last line ({ $left } lines left over)
lesson-check_missing = { $file }: step ids missing from the translation: { $ids }
lesson-check_extra = { $file }: step ids the original { $id } lacks: { $ids }
lesson-check_no_original = { $file }: no lesson with id { $id } to translate
lesson-new_written = wrote { $file }: fill in its TODOs, then run maillab lesson check { $file }
lesson-new_exists = { $file } exists already
lesson-reset_done = progress of { $name } forgotten
lesson-reset_all = all lesson progress forgotten
lesson-exported = progress written to { $file }
lesson-imported = progress from { $file } merged in
lesson-apop_digest = MD5 of { $timestamp } followed by the password (the password itself never crosses the wire) = { $digest }
lesson-apop_no_timestamp = the greeting carries no <timestamp>: this server does not offer APOP
lesson-miss-command = this step wants { $want }, you sent { $got }: the command name differs
lesson-miss-arg = the command is right, but argument { $n } differs: the step wants { $want }, you wrote { $got }
lesson-miss-missing_arg = the command is right, but argument { $n } ({ $want }) is missing
lesson-miss-extra_arg = the command is right, but argument { $n } ({ $got }) is more than the step asks for
lesson-miss-exact = here the exact text is the lesson: the step wants { $want }, you typed { $got }
lesson-miss-reply = the line is what the step asks, but the server answered { $got }, not { $want }: read the explanation under the reply
lesson-miss-session = the step wants this in session { $want }, you typed it in session { $got } (:switch { $want })
lesson-miss-server = the server has not said { $want } yet
lesson-miss-state = the session should be in the { $want } state, it is in { $got }
lesson-miss-store = the mail store does not show it yet: { $want }
lesson-miss-no_answer = answer the question with :answer VALUE
lesson-miss-wrong_answer = { $got } is not what the server said: look at its replies again
lesson-miss-answer_source = the server has not given the value yet: ask it first
lesson-no_reply = no reply
lesson-step_range = --step { $n }: the lesson has steps 1 to { $max }
lesson-cannot_keep_progress = cannot keep progress: { $e }
lesson-check_needs_file = lesson check needs at least one FILE
lesson-progress_version = progress file version { $got } (this maillab reads version { $reads })
lesson-fmt-session_number = [{ $num }]: a session number is 1 or more
lesson-fmt-needs_line = `{ $kw }` needs the line it wants
lesson-fmt-type_needs_line = `type` needs the line it wants (`type exact` alone: an empty line)
lesson-fmt-meta_needs_colon = `meta` wants a meta command starting with `:`
lesson-fmt-reply_follows = `reply` must follow a `send`, `type` or `meta` line
lesson-fmt-answer_needs_capture = `answer` needs a pattern with {"{"}n{"}"} or {"{"}any{"}"} to capture the value
lesson-fmt-needs_value = `{ $kw }` needs a value
lesson-fmt-unknown_check = unknown check "{ $check }": use send, type, meta, reply, server, state, store or answer
lesson-fmt-reply_empty = `reply` needs what the reply should be: OK, NO, +OK, 250, 2xx, 5.7.9, [CODE] or +
lesson-fmt-reply_word = reply "{ $word }": use OK, NO, BAD, BYE, +OK, -ERR, +, a code (250, 2xx), an enhanced code (5.7.9) or [CODE]
lesson-fmt-store_usage = usage: store USER MAILBOX exists|missing|count N|flag SEQ FLAG|noflag SEQ FLAG|subject TEXT|contains TEXT|subscribed|unsubscribed
lesson-fmt-store_seq = "{ $seq }" is not a message number or `last`
lesson-fmt-front_line = front matter line is not `key: value`: { $line }
lesson-fmt-front_open = front matter opened with --- is never closed
lesson-fmt-front_missing = a lesson starts with front matter between --- lines
lesson-fmt-bad_step_id = step id "{ $id }" is not letters, digits, - and _
lesson-fmt-step_id_twice = step id "{ $id }" is used twice (first at line { $first })
lesson-fmt-block_open = the ```{ $kind } block is never closed
lesson-fmt-block_before_step = a ```{ $kind } block before the first `## ` step
lesson-fmt-front_key = unknown front matter key "{ $key }" (id, title, protocol, mailbox, accounts)
lesson-fmt-bad_lesson_id = lesson id "{ $id }" is not letters, digits, - and _
lesson-fmt-front_lacks = front matter lacks `{ $key }:`
lesson-fmt-protocol = protocol "{ $protocol }": use imap, pop3 or smtp
lesson-fmt-no_steps = a lesson needs at least one `## ` step
lesson-fmt-too_many_steps = more than { $max } steps
lesson-fmt-second_block = a second ```{ $kind } block in one step
lesson-fmt-no_block = step "{ $id }" has no ```{ $kind } block
lesson-fmt-empty_check = step "{ $id }": its ```check block is empty
lesson-fmt-answer_without_question = step "{ $id }" checks an `answer` but has no ```question block
lesson-fmt-question_without_answer = step "{ $id }" asks a question but its check has no `answer` line
lesson-fmt-step_todo = step "{ $id }" still has a TODO
lesson-fmt-lesson_todo = the lesson still has a TODO
lesson-fmt-translation_block = a translation carries prose only: ```{ $kind } comes from the original

## The REPL banner's accounts, and the teaching texts the servers put in their replies
## (always English on the wire: replies stay ASCII)
repl-tips_embedded = users { $accounts } · :help lists commands · Tab completes · Ctrl-D leaves
repl-account = { $user }/{ $password }
repl-account_app = { $user }/{ $password } (app password; { $normal } is refused)
server-smtp-state-greet_first = Say EHLO (or HELO) first: { $command } needs a greeted session (RFC 5321 section 4.1.4)
server-smtp-state-needs_mail = { $command } first needs MAIL FROM:<address>
server-smtp-state-needs_mail_rcpt = { $command } needs MAIL FROM:<address> and at least one accepted RCPT TO first
server-smtp-state-needs_rcpt = { $command } needs at least one accepted RCPT TO:<address> first (no valid recipients yet)
server-smtp-state-nested_mail = Nested MAIL: a transaction is already open; finish it with DATA or clear it with RSET
server-smtp-state-in_transaction = { $command } is not allowed during a mail transaction; RSET first, then { $command } (RFC 5321 section 4.1.4)
server-smtp-state-other = { $command } is not valid now (valid in: { $states })
server-smtp-auth-needs_ehlo = AUTH needs EHLO first: HELO starts a session without extensions (RFC 4954 section 4)
server-smtp-auth-app_password = Application-specific password required: { $user } has 2-step verification on, so mail programs must log in with an app password, not the account password (as Gmail answers)
server-smtp-auth-too_many = { $host } Too many failed authentications ({ $count }), closing connection
server-smtp-relay-denied = <{ $address }>: Relay access denied: this port takes mail for { $domains } only; to send elsewhere, log in with AUTH on the submission port (587) or SMTPS (465) (RFC 6409)
server-smtp-relay-not_yours = <{ $address }>: Sender address rejected: not owned by user { $user }; authenticated mail must come from your own address, like <{ $own }>, or anyone could sign as anyone (RFC 6409 section 6.1)
server-smtp-quota-user_full = <{ $address }>: Mailbox full: { $user } holds more than the quota of { $quota } octets; try later, once mail was deleted
server-smtp-quota-user_over = Message refused: { $user } would hold more than the quota of { $quota } octets; nothing was stored
server-smtp-quota-sink_full = The relayed-mail sink is full ({ $limit } octets): this lab server keeps mail for other domains and cannot take more now; nothing was stored
server-smtp-quota-store_full = The lab server's store is full ({ $limit } octets for everyone); nothing was stored, try later
server-pop3-state-needs_login = { $command } is only valid after login (TRANSACTION state); log in with USER and PASS first
server-pop3-state-stls_after_login = STLS is only allowed before login (RFC 2595 section 4)
server-pop3-state-logged_in = Already logged in as { $user }: { $command } is for the AUTHORIZATION state
server-pop3-state-other = { $command } is not valid now (valid in: { $states })
server-pop3-auth-app_password = [AUTH] Application-specific password required: { $user } has 2-step verification on, so mail programs must log in with an app password
server-pop3-auth-too_many = Too many failed logins ({ $count }), closing connection
server-imap-auth-invalid = [AUTHENTICATIONFAILED] Authentication failed: wrong user name or password
server-imap-auth-app_password = [AUTHENTICATIONFAILED] Application-specific password required: { $user } has 2-step verification on, so mail programs must log in with an app password
server-imap-auth-authorization = [AUTHORIZATIONFAILED] { $user } may not act as { $authzid }
server-imap-auth-mechanism = [CANNOT] mechanism { $mechanism } is not offered; this server offers AUTH=PLAIN, AUTH=LOGIN and AUTH=CRAM-MD5
server-imap-auth-cancelled = AUTHENTICATE cancelled by the client
server-imap-auth-base64 = the SASL response is not valid base64; AUTHENTICATE ended
server-imap-auth-malformed = AUTHENTICATE failed: { $why }
server-imap-quota-user = [OVERQUOTA] { $user } would hold more than the quota of { $quota } octets; delete or EXPUNGE mail first
server-imap-quota-store = [OVERQUOTA] the lab server's store is full ({ $limit } octets for everyone); try later

## src/protocol/explain/smtp.rs


## src/serve.rs

serve-not_whole_number = { $value } is not a whole number
serve-unknown_limit = unknown limit { $other }
serve-warning_listening_makes_lab = warning: listening on { $ip } makes the lab server reachable from other machines

## src/server/imap/checks.rs

server-imap-limit_mailbox_already_has = [LIMIT] this mailbox already has { $len } keywords and may have at most { $max }; reuse one of them (FLAGS lists them)

## src/server/imap/mailbox.rs

server-imap-limit_have_mailboxes_most = [LIMIT] you have { $count } mailboxes, the most this server allows; DELETE one first

## src/server/imap/messages.rs

server-imap-limit_search_would_cost = [LIMIT] this search would cost more than the server allows for one command; use fewer or simpler criteria (or fewer messages, with a UID range)

## src/server/imap/mod.rs

server-imap-toobig_before_login_literal = [TOOBIG] before login a literal may hold at most { $limit } octets, this one announced { $size } (RFC 7888 LITERAL-); log in first
server-imap-idle_without_command_closing = idle for { $idle_timeout } without a command, closing the connection

## src/server/imap/session.rs

server-imap-trycreate_mailbox_does_not_3 = [TRYCREATE] mailbox "{ $name }" does not exist: CREATE it first, then APPEND

## src/serve.rs

serve-busy_imap = too many connections to this lab server (from your address or in all), try again later
serve-too_many_connections_from = too many connections (from your address or in all), try again later


## :help lines of the REPL's meta commands (the syntax stays as typed)
repl-meta-help-help = list commands, or show one command's syntax, states, RFC section and example
repl-meta-help-explain_toggle = how much is explained under server replies: brief (the main explanation), full (every line) or off
repl-meta-help-why = the full explanation of the last reply, every line of it
repl-meta-help-pipeline = send the lines between ; without waiting for replies (SMTP PIPELINING, IMAP tagged pipelining), then show each reply under its command
repl-meta-help-explain_text = explain any server line, e.g. :explain 550 5.1.1 User unknown
repl-meta-help-b64 = base64-encode TEXT (masked in transcripts)
repl-meta-help-unb64 = decode base64 (NUL bytes shown as \0)
repl-meta-help-plain = the base64 string for AUTH PLAIN / AUTHENTICATE PLAIN (RFC 4616)
repl-meta-help-auth_token = log in with an OAuth 2.0 access token you already have (Gmail, Outlook; RFC 7628)
repl-meta-help-auth = run a SASL login step by step, showing each base64 string decoded
repl-meta-help-append = IMAP APPEND of a message file, with the literal counted for you
repl-meta-help-more = show the rest of the last elided literal or message
repl-meta-help-save = write the transcript so far (secrets masked)
repl-meta-help-connect_embedded = open another session on the embedded server (same mail store)
repl-meta-help-connect_url = open a session on a real server: imap://HOST:PORT, pop3://, smtp://
repl-meta-help-sessions = list the open sessions
repl-meta-help-switch = make session N the current one
repl-meta-help-wait = let unasked server lines arrive (e.g. during IDLE)
repl-meta-help-quit = leave (Ctrl-D does the same)
repl-meta-usage = usage: { $usage }
repl-meta-unknown = unknown meta command { $command }; :help lists them

## src/repl/engine.rs

repl-cannot_write_transcript = cannot write transcript { $path }: { $error }
repl-literal_octets_go = literal, { $left } octets to go
repl-rest_command_enter_ends = rest of the command (Enter ends it)
repl-idling_done_ends = idling (DONE ends it)
repl-answer_server_base64_cancels = answer the server (base64, * cancels)
repl-insecure_certificate_not_verified = 🔓 INSECURE (certificate not verified)
repl-embedded_server = the embedded server
repl-starttls_server_did_not = --starttls: the server did not upgrade session { $id } to TLS
repl-connection_session_failed = the connection of session { $id } failed: { $error }
repl-server_closed_connection_session = the server closed the connection (session { $id })
repl-middle_response = in the middle of a response
repl-connect_opens_new_session = ; :connect opens a new session, :quit leaves
repl-challenge_base64 = the challenge "{ $challenge }" is base64 for "{ $decoded }"
repl-answer_base64 = answer: "{ $answer }" in base64
repl-cannot_answer_challenge_cancelling = cannot answer the challenge: { $error }; cancelling with *
repl-octets_message_then_crlf = [{ $len } octets of the message, then CRLF]
repl-server_answered_before_literal = the server answered before the literal was complete: the command is over
repl-session_closed_connect_opens = this session is closed: :connect opens a new one, :sessions lists them, :quit leaves
repl-line_octets_crlf_but = this line is { $len } octets ({ $with_crlf } with its CRLF) but the literal needs exactly { $need } more: type a line of { $need } octets to end it, or of at most { $at_most } to go on
repl-octets_bdat_data = [{ $len } octets of BDAT data]
repl-dot_stuffed_body_line = dot-stuffed: a body line that starts with "." gets one more "." so it cannot end the message; the server removes it (RFC 5321 §4.5.2)
repl-no_complete_reply_within = no complete reply within { $secs } s; going on
repl-stopped_waiting_reply_will = stopped waiting; the reply will show when it arrives
repl-explanations = explanations on
repl-explanations_off_explain_brings = explanations off (:explain brief or :explain full brings them back)
repl-explanations_brief = explanations brief: each reply's main explanation (:why shows all of the last reply, :explain full shows all always)
repl-explanations_full = explanations full: every line explained
repl-brief_summary = { $count } more: { $names } - :why explains each
repl-why_nothing = no reply yet: :why explains the last reply in full
repl-no_explanation_line = no explanation for this line
repl-transcript_written = transcript written to { $path }
repl-cannot_write = cannot write { $path }: { $error }
repl-now_session = now on session { $n }: { $prompt }
repl-no_session_there_sessions = no session { $n }: there are { $len } (:sessions lists them)
repl-commands_valid_now_help = { $protocol } commands valid now ({ $state }); :help COMMAND shows one:
repl-valid_other_states = valid in other states:
repl-type_commands_without_tag = type commands without a tag: LOGIN alex drums goes out as a001 LOGIN alex drums
repl-meta_commands_never_sent = meta commands (never sent):
repl-no_meta_command_help = no meta command { $name }; :help lists them
repl-valid = valid in: { $states }
repl-not_command_help_lists = { $name } is not a { $protocol } command; :help lists them
repl-mechanisms_plain_login_cram = mechanisms: plain, login, cram-md5
repl-session_closed_connect_opens_2 = this session is closed: :connect opens a new one
repl-one_base64_string_holding = one base64 string holding \0user\0password
repl-server_asks_username_then = the server asks Username: then Password:, each answered in base64
repl-server_sends_challenge_answer = the server sends a challenge; the answer is the user and HMAC-MD5(password, challenge), so the password never crosses the wire
repl-initial_response_base64 = initial response: "{ $response }" in base64
repl-append_imap_sessions = :append is for IMAP sessions
repl-larger_than_octets = { $file } is larger than { $max_append } octets
repl-cannot_read = cannot read { $file }: { $error }
repl-octets_crlf_line_ends = { $file } is { $len } octets with CRLF line ends (RFC 5322 §2.1): that is the literal's count
repl-nothing_elided_show = nothing elided to show
repl-meta-usage_switch = :switch N (see :sessions)
repl-meta-usage_wait = :wait SECONDS (0 to 3600)
repl-meta-usage_connect = :connect imap|pop3|smtp, or :connect imap://HOST:PORT
repl-meta-usage_explain = :explain brief|full|off, or :explain TEXT
repl-meta-usage_pipeline = :pipeline LINE ; LINE ; ...

## The REPL's banner, session and :help lines
repl-banner = maillab { $version }: { $protocol } on { $target }
repl-session_opened = session { $id }: { $protocol } on { $target }
repl-plain_is_base64_of = base64 of \0{ $user }\0{ $mask }, RFC 4616
repl-example = example: { $example }
lesson-miss-answer_first = the question is about a reply of this step: send the command first, then answer
lesson-step_head = -- Step { $n }/{ $total }: { $title } --
lesson-miss-syntax = syntax: { $syntax } ({ $rfc })
lesson-miss-wanted_does = { $command }: { $summary } ({ $rfc })
lesson-meta-hint = the next hint of this step
lesson-meta-show = the model answer of this step
lesson-meta-skip = run the model answer and go on (the step counts as skipped)
lesson-meta-back = go back one step
lesson-meta-restart = start the lesson over on a fresh server
lesson-meta-steps = every step with its mark
lesson-meta-step = show the current step again
lesson-meta-answer = answer the step's question from what the server said
lesson-meta-apop = POP3 APOP with the digest computed from the greeting's timestamp

## Names of what an IMAP command is missing or got wrong ("{ $what } is missing")
server-imap-what-pattern = pattern
server-imap-what-message = message
server-imap-what-keyword = keyword
server-imap-what-password = password
server-imap-what-mechanism = mechanism
server-imap-what-key_date = { $key }'s date

## POP3: a maildrop's size
server-pop3-messages = { $n ->
        [one] 1 message
       *[other] { $n } messages
    }
server-pop3-maildrop_has = { $user } has { $messages } ({ $size } octets)

## accounts and ctl
server-accounts-bad_name = no account "{ $user }", and it cannot be created: a new account's name has only letters, digits, ".", "_" and "-", starts with a letter or digit, and is not postmaster, abuse, mailer-daemon or root
server-accounts-bad_password = no account "{ $user }": log in with a password (not empty, no control characters) to create it
server-accounts-full = no account "{ $user }", and this lab server has already created the { $cap } accounts it may (--open-accounts): ask the teacher
server-accounts-reset_bye = [ALERT] The teacher replaced the mail of { $mailbox } (reset, restore or load): its UIDVALIDITY changed, so the UIDs you hold mean nothing now. Log in again
server-accounts-reset_pop3 = The teacher replaced the mail of this maildrop (reset, restore or load): nothing you marked was deleted. Log in again
accounts-users_file_line = line { $line }: expected user:password, the user name of letters, digits, ".", "_" and "-"
accounts-no_snapshot = no snapshot named "{ $name }"
accounts-bad_name = "{ $name }" is not a valid name: letters, digits, ".", "_" and "-", starting with a letter or digit
accounts-open_banner = open accounts: a new name logs in with the password it chooses (up to { $cap } accounts)
accounts-users_banner = and { $count } accounts from --users
main-loading_users = reading the users file { $path }
lab-ctl-teacher_only = only the teacher may do that: give --token (the token maillab serve printed)
lab-ctl-failed = the lab server could not do it: { $reason }
lab-ctl-no_such_user = the lab server has no account "{ $user }"
lab-ctl-no_snapshot = the lab server has no snapshot "{ $name }"
lab-ctl-bad_name = "{ $name }" is not a valid name (letters, digits, ".", "_", "-")
lab-ctl-reset_done = reset: { $changed } mailboxes changed, each under a new UIDVALIDITY; sessions that had one selected were closed
lab-ctl-snapshot_done = snapshot "{ $name }" kept ({ $users } accounts)
lab-ctl-restore_done = restored "{ $name }": { $changed } mailboxes changed, each under a new UIDVALIDITY
lab-ctl-load_done = loaded { $path }: { $changed } mailboxes changed, each under a new UIDVALIDITY
lab-ctl-deliver_done = delivered to { $user }'s INBOX as UID { $uid }
lab-ctl-reading = cannot read { $path }: { $error }
lab-ctl-users_header = USER  KIND  MAILBOXES  MESSAGES  BYTES

## sizes
size-about = about { $size }
size-octets = { $n ->
        [one] { $n } octet
       *[other] { $n } octets
    }
size-kb = { $n } kB
size-mb = { $n } MB
size-gb = { $n } GB

## glosses: a term shown with the RFC's Latin name beside it
gloss-with_latin = { $term } ({ $latin })

## server texts shown in the language of the explanations
explain-server_words = The server's words:

## REPL engine: notes and warnings sent to observers as events
# A warning whose words were made elsewhere (an error's own text).
repl-said = { $text }
# A session's connection ended (the parts are the texts above).
repl-ended-failed = { repl-connection_session_failed }{ repl-connect_opens_new_session }
repl-ended-failed_mid = { repl-connection_session_failed } { repl-middle_response }{ repl-connect_opens_new_session }
repl-ended-closed = { repl-server_closed_connection_session }{ repl-connect_opens_new_session }
repl-ended-closed_mid = { repl-server_closed_connection_session } { repl-middle_response }{ repl-connect_opens_new_session }

## faults and certificates
faults-quota_imap = NO [OVERQUOTA] Mailbox over quota
faults-quota_smtp = 552 5.2.2 Mailbox full, over quota
faults-quota_pop3 = -ERR Mailbox over quota
faults-data_go_ahead = 354 End data with <CR><LF>.<CR><LF>
lab-ctl-faults_done = done: the rules apply to sessions opened from now on, and from the next command of sessions opened while rules were in effect
lab-ctl-config_tls = TLS from the first byte
lab-ctl-config_starttls = STARTTLS offered
lab-ctl-config_ca = The lab CA (trust it in the client):

## lessons on the lab server
lab-lessons-progress_header = STUDENT LESSON PASSED ATTEMPTS HINTS LAST-ACTIVITY
lab-lessons-no_progress = (no lesson run on this server has reported a step yet)
lab-lessons-refused = the lab server's control endpoint refused: { $reply }
lab-lessons-no_listener = the lab server has no { $name } listener (see maillab serve's ports file)
lab-lessons-password_needed = no terminal to ask for the password on (script mode): give --password
lab-lessons-password_prompt = Password of { $user } on the lab server:
lab-lessons-your_account = On the lab server you are { $user }: where the lesson says { $lesson_user } (and that account's password), use your account and password.
lab-lessons-fixture_not_on_server = lesson { $lesson } starts from the fixture { $fixture }, which the lab server cannot load for a student; run it locally, or ask the teacher to load it (maillab ctl load)

## command-line help (one text per doc comment in src/cli.rs; clap headings and notes)
cli-about-main = Learn SMTP, IMAP and POP3 by speaking them: a REPL with explanations, an embedded mock mail server and a lab server
cli-help-main-color = When to use colours (auto honours NO_COLOR and non-terminals)
cli-help-main-no_explain = Do not print explanations under server replies (as --explain off)
cli-help-main-explain = How much is explained under server replies: brief (the default on a terminal), full (the default in script mode) or off
cli-help-main-transcript = Record the session (secrets masked) to this file as it happens
cli-help-main-full = Script mode: print large literals whole instead of eliding them
cli-help-main-ca_file = Trust the CA certificates in this PEM file too (a private or lab CA, e.g. from serve --ca-out)
cli-help-main-insecure = Accept any server certificate (a warning stays on every prompt)
cli-help-main-connect_timeout = Seconds to wait for a TCP connection
cli-help-main-reply_timeout = Seconds script mode waits for a reply (never while idling or waiting for pushes)
cli-help-main-lang = Language of explanations and help: en or ar (texts it lacks in English). Default: the config file's, else LC_ALL / LC_MESSAGES / LANG (ar_EG.UTF-8 is ar)
cli-help-main-bidi = Order of right-to-left lines: logical (the terminal reorders: GNOME Terminal, Konsole, mlterm) or visual (already in display order: tmux, xterm)
cli-help-main-fixture = Load the embedded store from an mbox file, a Maildir or a folder of .eml files
cli-about-imap = REPL on the embedded IMAP server (the default)
cli-about-pop3 = REPL on the embedded POP3 server
cli-about-smtp = REPL on the embedded SMTP server
cli-about-connect = Connect the REPL to a real server, like a smarter telnet: imap://, imaps://, pop3://, pop3s://, smtp://, smtps:// (ports by scheme), or HOST:PORT with --protocol
cli-help-connect-url = imaps://imap.example.org, smtp://127.0.0.1:1025, or host:port with --protocol
cli-help-connect-protocol = Protocol when the address has no scheme (imap, pop3, smtp)
cli-help-connect-starttls = Upgrade with STARTTLS (STLS for POP3) right after the greeting (and EHLO)
cli-help-connect-submission = smtp:// without a port means the submission port 587 instead of 25
cli-about-explain = Explain server lines, a pasted session, a transcript or Python's debug output
cli-help-explain-protocol = imap, smtp or pop3 (recognised from the text when not given)
cli-help-explain-file = Read the text from this file (a transcript, or what a Python script printed)
cli-help-explain-text = The line(s) to explain (may start with "-", as POP3's -ERR does); a lone "-" reads standard input
cli-about-serve = The lab server: IMAP, POP3 and SMTP on loopback for real clients
cli-help-serve-bind = Address to listen on; anything but loopback prints a warning
cli-help-serve-port_offset = Added to the standard ports (143 -> 1143 by default)
cli-help-serve-imap = IMAP listener address (port 0 picks a free port)
cli-help-serve-pop3 = POP3 listener address
cli-help-serve-smtp = SMTP listener address
cli-help-serve-submission = Submission (SMTP with AUTH required) listener address
cli-help-serve-imaps = IMAPS (implicit TLS) listener address
cli-help-serve-pop3s = POP3S (implicit TLS) listener address
cli-help-serve-smtps = SMTPS (implicit TLS submission) listener address
cli-help-serve-only = Serve only these listeners (comma-separated names: imap,pop3,smtp,submission,imaps,pop3s,smtps)
cli-help-serve-cert = Certificate chain (PEM) to serve instead of the lab CA's certificate
cli-help-serve-key = Private key (PEM) for --cert
cli-help-serve-ca_out = Write the CA certificate clients should trust (PEM) to this file
cli-help-serve-require_tls = Refuse logins until TLS is active (LOGINDISABLED, AUTH withheld), as real servers do
cli-help-serve-ports_file = Write the bound addresses as JSON to this file
cli-help-serve-domain = Extra local mail domain (maillab.test and localhost always are)
cli-help-serve-idle_timeout = Seconds of silence before a session is closed (RFC 3501 §5.4 asks for at least 30 minutes)
cli-help-serve-max_literal = Largest IMAP literal accepted, in bytes
cli-help-serve-quota = Mail one user may hold, in MiB (then 452 4.2.2, 552 5.2.2, NO [OVERQUOTA])
cli-help-serve-sink_limit = Mail for other domains kept in the relayed-mail sink, in MiB (then 452 4.3.1)
cli-help-serve-store_limit = Everything the store may hold, all users and the sink, in MiB (then 452 4.3.1)
cli-help-serve-limits = Change a limit or timer, NAME=VALUE (repeatable; seconds for timers): prelogin-timeout, write-timeout, tls-timeout, rate-window, min-data-rate (octets/s), auth-delay-ms, max-auth-failures, max-connections, max-per-address, search-cost, max-keywords, max-mailboxes, prelogin-literal
cli-help-serve-faults = Inject scripted faults (refusing greetings, chosen replies, dropped connections) from this file, one rule a line: LISTENER COMMAND WHEN ACTION
cli-help-serve-imap_caps = Switch IMAP capabilities off, e.g. -IDLE,-MOVE: not advertised, and their commands answered BAD as by a server without them
cli-help-serve-smtp_caps = Switch SMTP extensions off, e.g. -STARTTLS,-AUTH: not in the EHLO reply, and STARTTLS/AUTH answered 502 5.5.1
cli-help-serve-pop3_caps = Switch POP3 capabilities off, e.g. -UIDL,-TOP: not in CAPA, and the command answered -ERR
cli-help-serve-quiet = Print nothing but errors
cli-help-serve-trace = Print every session's lines live, annotated like the REPL, each prefixed with [session protocol user]; message data elided with its size, secrets masked
cli-help-serve-show_secrets = Show passwords and SASL answers in the trace (transcripts always mask them)
cli-help-serve-transcripts = Write one transcript per session (secrets masked) into this directory
cli-help-serve-data = Keep the mail on disk as one Maildir++ tree per user (DIR/USER/Maildir), written before any reply says it is stored; an existing DIR is loaded
cli-help-serve-users = More accounts, one `user:password` a line (# comments); each starts with its own copy of the demo mail. A demo user's name sets that user's password
cli-help-serve-open_accounts = A login with a new user name (letters, digits, . _ -) creates that account with the password it used and its own copy of the demo mail, up to CAP accounts
cli-help-serve-stats_file = Keep per-session and per-protocol statistics (bytes, lines, commands, round trips, times) in this JSON file, rewritten as sessions end
cli-help-serve-control = Control endpoint address for maillab ctl / watch (default: port offset + 80 on --bind when the standard listeners are used)
cli-help-serve-teacher_token = The teacher's token for the control endpoint (default: a random one, printed)
cli-about-completions = Print a shell completion script (bash, zsh, fish, elvish, powershell)
cli-help-completions-shell = The shell to complete in
cli-about-man = Print the manual page (roff) made from these very options
cli-about-lesson = Guided lessons: one step at a time, each checked as you type
cli-help-lesson-dir = A folder with lessons of your own, besides the built-in ones
cli-help-lesson-json = Print a versioned JSON document instead of text (schema in docs/writing-lessons.md)
cli-about-lesson-list = Every lesson with your progress
cli-about-lesson-run = Run a lesson (by id, number or file name); pipe commands in for script mode
cli-help-lesson-run-step = Start at step N (the steps before run their model answers quietly)
cli-about-lesson-check = Validate lesson files and run their model answers on the embedded server
cli-about-lesson-new = Write a commented skeleton lesson to NAME.md
cli-about-lesson-reset = Forget the progress of one lesson, or of all with --all
cli-about-lesson-export = Write your progress to FILE
cli-about-lesson-import = Merge progress from FILE (written by export)
cli-about-ctl = Ask a running lab server (maillab serve) through its control endpoint
cli-help-ctl-server = The lab server's control endpoint, HOST or HOST:PORT (port 1080 by default)
cli-help-ctl-token = The teacher's token (printed by maillab serve)
cli-help-ctl-login = Your mail account, to see your own sessions only
cli-help-ctl-password = The password of --login
cli-about-ctl-stats = Per-protocol statistics (bytes, commands, round trips); --json: every session, versioned
cli-about-ctl-users = Every account with its mailboxes, messages and bytes (a student: their own)
cli-about-ctl-reset = Mail back to what the server started with (or last loaded): one user's or everyone's. Changed mailboxes get a new UIDVALIDITY; sessions in them are closed
cli-help-ctl-reset-user = Only this user's mail
cli-about-ctl-snapshot = Keep every user's mail under NAME (on disk too with serve --data)
cli-about-ctl-restore = Put back the mail snapshot NAME kept (UIDs and flags as they were)
cli-about-ctl-load = Replace the mail with a fixture (the forms --fixture takes); reset returns to it
cli-about-ctl-deliver = Deliver a message file to a user's INBOX, as SMTP would
cli-help-ctl-deliver-to = The user (or address) to deliver to
cli-about-watch = Follow a running lab server's sessions live, annotated like the REPL
cli-help-watch-server = The lab server's control endpoint, HOST or HOST:PORT (port 1080 by default)
cli-help-watch-token = The teacher's token (printed by maillab serve)
cli-help-watch-login = Your mail account, to see your own sessions only
cli-help-watch-password = The password of --login
cli-help-watch-user = Only this user's sessions
cli-help-watch-protocol = Only this protocol's sessions (imap, pop3, smtp)
cli-help-watch-session = Only this session
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-note-default = [default: { $value }]
cli-note-values = [possible values: { $values }]
cli-flag-help = Print help
cli-flag-version = Print version
cli-generated-help_subcommand = Print this message or the help of the given subcommand(s)
cli-help-serve-tls_names = Add a name (host name or IP address) to the lab certificate, so clients on the lab network verify it (repeatable)
cli-help-serve-tls_fault = Serve a certificate fault, signed by the same lab CA: expired, or wrong-host (naming only wrong-host.maillab.test)
cli-help-serve-fault_seed = The seed of `random P% ACTION` fault rules: the same seed and the same client steps give the same faults
cli-help-lesson-run-server = Run on this lab server (maillab serve), HOST or HOST:PORT of its control endpoint; your account takes the place of the lesson's alex
cli-help-lesson-run-port_offset = The lab server's port offset (default: the control port minus 80, else 1000)
cli-help-lesson-run-ports_file = The lab server's ports file (serve --ports-file) instead of the port scheme
cli-help-lesson-run-user = Your mail account on the lab server
cli-help-lesson-run-password = Its password (asked for on the terminal when not given)
cli-about-ctl-progress = Lesson progress: students x lessons (steps passed, attempts, hints, last activity); --json: every step, versioned
cli-about-ctl-clientX2DXconfig = The settings a mail client needs (servers, ports, security, the CA); --thunderbird: Thunderbird's autoconfig XML
cli-about-ctl-faults = The lab server's faults at run time: add RULE (a --faults line), list, clear
cli-help-ctl-faults-rule = The rule, for add: [user=NAME] [from=IP] LISTENER COMMAND WHEN ACTION

## lab CA names
tls-ca_renewed_for_names = The lab CA did not cover { $names }: a new lab CA was made whose name constraints do. Clients must trust the new CA (serve --ca-out writes it); the old one no longer verifies this server.
