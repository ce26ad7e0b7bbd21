#!/usr/bin/env bash
# A private Postfix instance on loopback for tests and benchmarks.
#
#   postfix.sh start DIR SMTP SUBMISSION SMTPS DOVECOT_DIR
#   postfix.sh stop  DIR
#
# SMTP (STARTTLS offered), submission (STARTTLS required, then AUTH) and SMTPS
# (implicit TLS, AUTH) listen on 127.0.0.1. AUTH is Dovecot's (smtpd_sasl_type =
# dovecot) through DOVECOT_DIR/run/auth-postfix, so start tests/peers/dovecot.sh in
# DOVECOT_DIR first: the same users (alex/drums, riley/firefly) and the same test
# certificate (DOVECOT_DIR/cert.pem). Mail to alex@maillab.test and
# riley@maillab.test is delivered by Postfix's virtual agent into Dovecot's
# maildirs (DOVECOT_DIR/home/USER/Maildir). Nothing can leave the machine: every
# other destination goes to the error transport and DNS is off.
#
# Postfix daemonizes; its master's PID is in DIR/queue/pid/master.pid and `stop`
# asks it to stop (bounded wait), then kills that PID if it is still there.
# Environment: POSTFIX_EXTRA: extra main.cf lines; POSTFIX_WAIT: seconds to wait
# for the ports (default 20).
set -euo pipefail
export PEER_NAME=postfix.sh
# shellcheck source=tests/peers/common.sh
. "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 start DIR SMTP SUBMISSION SMTPS DOVECOT_DIR | stop DIR" >&2
    exit 2
}

write_config() {
    local dir=$1 smtp=$2 sub=$3 smtps=$4 dovecot=$5
    for p in "$smtp" "$sub" "$smtps"; do peer_check_port "$p"; done
    command -v postfix >/dev/null || peer_die "postfix is not installed (tests/peers/install.sh)"
    [ -f "$dovecot/dovecot.conf" ] || peer_die "no Dovecot instance in $dovecot (run dovecot.sh start first)"
    [ -s "$dovecot/cert.pem" ] || peer_die "no test certificate in $dovecot"
    local uid gid
    read -r uid gid < <(peer_mail_user)
    mkdir -p "$dir/conf" "$dir/queue" "$dir/data" "$dir/log"
    chmod 755 "$dir"
    chown postfix "$dir/data" 2>/dev/null || true

    cat >"$dir/conf/vmailbox" <<MAP
alex@maillab.test alex/Maildir/
riley@maillab.test riley/Maildir/
alex@localhost alex/Maildir/
riley@localhost riley/Maildir/
MAP

    cat >"$dir/conf/main.cf" <<CONF
# Written by tests/peers/postfix.sh: a private instance on loopback.
compatibility_level = 3.6
queue_directory = $dir/queue
data_directory = $dir/data
meta_directory = /etc/postfix
maillog_file = $dir/log/postfix.log
maillog_file_prefixes = $dir/log
mail_owner = postfix
setgid_group = postdrop
myhostname = peer.maillab.test
mydomain = maillab.test
myorigin = maillab.test
mydestination =
mynetworks = 127.0.0.1/32
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
smtp_dns_support_level = disabled
disable_dns_lookups = yes
alias_maps =
alias_database =
biff = no
smtpd_banner = \$myhostname ESMTP Postfix (maillab peer)

# Nothing leaves this machine.
default_transport = error:mail to other domains is disabled on this test instance
relay_transport = error:mail to other domains is disabled on this test instance
local_transport = error:no local delivery on this test instance

# Local users are Dovecot's, in its maildirs.
virtual_mailbox_domains = maillab.test localhost
virtual_mailbox_base = $dovecot/home
virtual_mailbox_maps = texthash:$dir/conf/vmailbox
virtual_uid_maps = static:$uid
virtual_gid_maps = static:$gid
virtual_minimum_uid = $uid
virtual_mailbox_limit = 0
message_size_limit = 52428800

smtpd_tls_cert_file = $dovecot/cert.pem
smtpd_tls_key_file = $dovecot/key.pem
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $dovecot/run/auth-postfix
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated reject_unauth_destination
${POSTFIX_EXTRA:-}
CONF

    cat >"$dir/conf/master.cf" <<CONF
# Written by tests/peers/postfix.sh. Chroot off everywhere (5th column n).
127.0.0.1:$smtp inet n - n - - smtpd
127.0.0.1:$sub inet n - n - - smtpd
  -o syslog_name=postfix/submission
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
127.0.0.1:$smtps inet n - n - - smtpd
  -o syslog_name=postfix/smtps
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_restrictions=permit_sasl_authenticated,reject
  -o smtpd_relay_restrictions=permit_sasl_authenticated,reject
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
CONF
    postfix -c "$dir/conf" check >"$dir/log/check.log" 2>&1 ||
        peer_die "postfix check failed: $(cat "$dir/log/check.log")"
}

master_pid() {
    local f=$1/queue/pid/master.pid
    [ -s "$f" ] && tr -d ' \n' <"$f"
}

cmd=${1:-}
case "$cmd" in
    start)
        [ $# -eq 6 ] || usage
        [ "$(id -u)" = 0 ] || peer_die "Postfix needs root to start"
        dir=$(mkdir -p "$2" && cd "$2" && pwd)
        dovecot=$(cd "$6" && pwd)
        write_config "$dir" "$3" "$4" "$5" "$dovecot"
        if pid=$(master_pid "$dir") && kill -0 "$pid" 2>/dev/null; then
            peer_die "an instance is already running in $dir (pid $pid)"
        fi
        postfix -c "$dir/conf" start >"$dir/log/start.log" 2>&1 ||
            peer_die "postfix did not start: $(cat "$dir/log/start.log")"
        pid=""
        for _ in $(seq 50); do
            pid=$(master_pid "$dir") && break
            sleep 0.1
        done
        if [ -z "$pid" ] || ! peer_wait_ports "$pid" "${POSTFIX_WAIT:-20}" "$3" "$4" "$5"; then
            postfix -c "$dir/conf" stop >/dev/null 2>&1 || true
            tail -20 "$dir/log/postfix.log" >&2 || true
            peer_die "postfix did not open ports $3 $4 $5"
        fi
        echo "postfix pid $pid: smtp 127.0.0.1:$3 submission :$4 smtps :$5 (CA $dovecot/cert.pem)"
        ;;
    stop)
        [ $# -eq 2 ] || usage
        dir=$2
        [ -f "$dir/conf/main.cf" ] || exit 0
        pid=$(master_pid "$dir") || exit 0
        postfix -c "$dir/conf" stop >/dev/null 2>&1 || true
        # postfix stop signals the master; wait for it (bounded), then make sure.
        peer_stop_pid "$pid" 10
        ;;
    *) usage ;;
esac
