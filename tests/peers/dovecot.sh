#!/usr/bin/env bash
# A private Dovecot instance on loopback for tests and benchmarks.
#
#   dovecot.sh start DIR IMAP IMAPS POP3 POP3S   write the config, start in the
#                                                background, wait for the ports
#   dovecot.sh run   DIR IMAP IMAPS POP3 POP3S   write the config and run in the
#                                                foreground (the caller owns the PID)
#   dovecot.sh stop  DIR                         stop the instance started in DIR
#
# Everything lives in DIR: dovecot.conf, users (passwd-file), the test certificate
# (cert.pem: clients use it as their CA), home/USER/Maildir, logs, sockets.
# Users: alex/drums and riley/firefly, mail in Maildir. Postfix (postfix.sh) can
# authenticate against DIR/run/auth-postfix and deliver into the same maildirs.
#
# Environment:
#   DOVECOT_EXTRA   extra configuration lines appended to dovecot.conf
#                   (e.g. "mail_fsync = never" for benchmarks)
#   DOVECOT_WAIT    seconds to wait for the ports (default 20)
set -euo pipefail
export PEER_NAME=dovecot.sh
# shellcheck source=tests/peers/common.sh
. "$(dirname "$0")/common.sh"

usage() {
    echo "usage: $0 start|run DIR IMAP IMAPS POP3 POP3S | stop DIR" >&2
    exit 2
}

write_config() {
    local dir=$1 imap=$2 imaps=$3 pop3=$4 pop3s=$5
    for p in "$imap" "$imaps" "$pop3" "$pop3s"; do peer_check_port "$p"; done
    command -v dovecot >/dev/null || peer_die "dovecot is not installed (tests/peers/install.sh)"
    mkdir -p "$dir/run" "$dir/state" "$dir/home"
    # Mail processes run as the mail user: it must be able to reach its home.
    chmod 755 "$dir"
    peer_check_traversable "$dir"
    peer_make_cert "$dir"
    local uid gid
    read -r uid gid < <(peer_mail_user)
    : >"$dir/users"
    for pair in alex:drums riley:firefly; do
        local user=${pair%%:*} pass=${pair#*:}
        mkdir -p "$dir/home/$user/Maildir/cur" "$dir/home/$user/Maildir/new" "$dir/home/$user/Maildir/tmp"
        echo "$user:{PLAIN}$pass:$uid:$gid::$dir/home/$user" >>"$dir/users"
    done
    chown -R "$uid:$gid" "$dir/home"
    # The auth process (user dovecot) reads it; test passwords only.
    chmod 644 "$dir/users"

    local users_section
    if [ "$(id -u)" = 0 ]; then
        users_section="default_internal_user = dovecot
default_login_user = dovenull"
    else
        local me
        me=$(id -un)
        users_section="default_internal_user = $me
default_login_user = $me
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
service pop3-login {
  chroot =
}"
    fi

    cat >"$dir/dovecot.conf" <<CONF
# Written by tests/peers/dovecot.sh: a private instance on loopback.
base_dir = $dir/run
state_dir = $dir/state
instance_name = maillab-peer-$imap
log_path = $dir/dovecot.log
listen = 127.0.0.1
protocols = imap pop3
$users_section
first_valid_uid = $uid
last_valid_uid = 0
first_valid_gid = $gid

ssl = yes
ssl_cert = <$dir/cert.pem
ssl_key = <$dir/key.pem
ssl_dh = </usr/share/dovecot/dh.pem

disable_plaintext_auth = no
auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN $dir/users
}
userdb {
  driver = passwd-file
  args = $dir/users
}
mail_location = maildir:~/Maildir
namespace inbox {
  inbox = yes
  separator = /
  mailbox Drafts {
    special_use = \\Drafts
    auto = subscribe
  }
  mailbox Sent {
    special_use = \\Sent
    auto = subscribe
  }
  mailbox Trash {
    special_use = \\Trash
    auto = subscribe
  }
}
pop3_uidl_format = %08Xu%08Xv

# Many connections for the benchmarks (1,000 idle IMAP sessions).
mail_max_userip_connections = 5000
default_process_limit = 5000
default_client_limit = 20000
default_vsz_limit = 1G

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $imap
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $imaps
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $pop3
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $pop3s
    ssl = yes
  }
}
service auth {
  # For Postfix's smtpd_sasl_type = dovecot (tests/peers/postfix.sh).
  unix_listener auth-postfix {
    mode = 0666
  }
}
service stats {
  unix_listener stats-writer {
    mode = 0666
  }
}
${DOVECOT_EXTRA:-}
CONF
    dovecot -c "$dir/dovecot.conf" -n >/dev/null 2>"$dir/config-check.log" ||
        peer_die "dovecot rejects the config: $(cat "$dir/config-check.log")"
}

cmd=${1:-}
case "$cmd" in
    start | run)
        [ $# -eq 6 ] || usage
        dir=$(mkdir -p "$2" && cd "$2" && pwd)
        write_config "$dir" "$3" "$4" "$5" "$6"
        if [ "$cmd" = run ]; then
            exec dovecot -c "$dir/dovecot.conf" -F
        fi
        if [ -s "$dir/dovecot.pid" ] && kill -0 "$(cat "$dir/dovecot.pid")" 2>/dev/null; then
            peer_die "an instance is already running in $dir (pid $(cat "$dir/dovecot.pid"))"
        fi
        dovecot -c "$dir/dovecot.conf" -F >"$dir/dovecot.out" 2>&1 </dev/null &
        pid=$!
        echo "$pid" >"$dir/dovecot.pid"
        if ! peer_wait_ports "$pid" "${DOVECOT_WAIT:-20}" "$3" "$4" "$5" "$6"; then
            peer_stop_pid "$pid" 5
            echo "--- $dir/dovecot.out" >&2
            cat "$dir/dovecot.out" >&2 || true
            echo "--- $dir/dovecot.log" >&2
            tail -20 "$dir/dovecot.log" >&2 || true
            peer_die "dovecot did not open ports $3 $4 $5 $6"
        fi
        echo "dovecot pid $pid: imap 127.0.0.1:$3 imaps :$4 pop3 :$5 pop3s :$6 (CA $dir/cert.pem)"
        ;;
    stop)
        [ $# -eq 2 ] || usage
        dir=$2
        [ -s "$dir/dovecot.pid" ] || exit 0
        peer_stop_pid "$(cat "$dir/dovecot.pid")" 10
        rm -f "$dir/dovecot.pid"
        ;;
    *) usage ;;
esac
