# shellcheck shell=bash
# Shared helpers for the peer scripts (sourced, not run).
# Everything here is loopback-only and every wait is bounded.

# peer_die MESSAGE: print to stderr and exit 1.
peer_die() {
    echo "${PEER_NAME:-peer}: $*" >&2
    exit 1
}

# peer_check_port PORT: the port is a number in 1..65535.
peer_check_port() {
    case "$1" in
        '' | *[!0-9]*) peer_die "not a port number: '$1'" ;;
    esac
    if [ "$1" -lt 1 ] || [ "$1" -gt 65535 ]; then
        peer_die "port out of range: $1"
    fi
}

# peer_port_open PORT: true when something accepts TCP connections on 127.0.0.1:PORT.
peer_port_open() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# peer_wait_ports PID SECONDS PORT...: wait until every port accepts connections,
# failing early when process PID dies. Polls every 0.1 s, at most SECONDS.
peer_wait_ports() {
    local pid=$1 secs=$2
    shift 2
    local tries=$((secs * 10)) port
    for port in "$@"; do
        while ! peer_port_open "$port"; do
            if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
                return 1
            fi
            tries=$((tries - 1))
            [ "$tries" -gt 0 ] || return 1
            sleep 0.1
        done
    done
}

# peer_stop_pid PID SECONDS: SIGTERM, wait up to SECONDS, then SIGKILL.
peer_stop_pid() {
    local pid=$1 tries=$(($2 * 10))
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -gt 0 ]; do
        sleep 0.1
        tries=$((tries - 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
    fi
}

# peer_make_cert DIR: a self-signed test certificate for localhost and 127.0.0.1
# (DIR/cert.pem, DIR/key.pem), unless one is there already. Clients pass cert.pem
# as their CA.
peer_make_cert() {
    local dir=$1
    if [ -s "$dir/cert.pem" ] && [ -s "$dir/key.pem" ]; then
        return 0
    fi
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=localhost \
        -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
        -keyout "$dir/key.pem" -out "$dir/cert.pem" >/dev/null 2>&1 ||
        peer_die "openssl could not make a test certificate in $dir"
    chmod 600 "$dir/key.pem"
}

# peer_mail_user: "UID GID" of the system user that owns the test maildirs.
# Dovecot refuses to run mail processes as root, so as root this is Debian's
# 'mail' user (falling back to 'nobody'); otherwise the calling user.
peer_mail_user() {
    if [ "$(id -u)" != 0 ]; then
        echo "$(id -u) $(id -g)"
        return
    fi
    local entry
    entry=$(getent passwd mail || getent passwd nobody) || peer_die "no 'mail' or 'nobody' user"
    echo "$entry" | awk -F: '{print $3, $4}'
}

# peer_check_traversable DIR: every directory above DIR lets other users through
# (Dovecot's auth and mail processes run as other users and must reach DIR).
peer_check_traversable() {
    local d
    d=$(dirname "$1")
    while [ "$d" != / ]; do
        if [ "$(( 0$(stat -c %a "$d") & 01 ))" = 0 ]; then
            peer_die "$d is not searchable by other users (mode $(stat -c %a "$d")); Dovecot's processes could not reach $1: chmod o+x it or use another directory"
        fi
        d=$(dirname "$d")
    done
}
