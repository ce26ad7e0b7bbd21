#!/usr/bin/env bash
# Installs the real peers that the integration tests and benchmarks talk to:
# curl, swaks, isync (mbsync), Dovecot (imapd, pop3d) and Postfix, from
# Debian's packages.
#
# Idempotent and quick when everything is already there (apt is not touched).
# Must run as root. Debian's packages start their daemons on install; a
# policy-rc.d that exits 101 keeps them from doing so (on the real ports 25, 110,
# 143 ...), and Postfix's configuration question is pre-answered so nothing waits
# for a terminal. The tests start private instances of their own instead
# (tests/peers/dovecot.sh, tests/peers/postfix.sh).
#
# Extra packages can be named in MAILLAB_EXTRA_PACKAGES (space separated), e.g. the
# imaptest build dependencies on a developer machine.
set -euo pipefail

# binary -> Debian package that provides it
declare -A NEED=(
    [curl]=curl
    [swaks]=swaks
    [mbsync]=isync
    [openssl]=openssl
    [python3]=python3
    [dovecot]="dovecot-imapd dovecot-pop3d"
    [/usr/lib/dovecot/imap]=dovecot-imapd
    [/usr/lib/dovecot/pop3]=dovecot-pop3d
    [postfix]=postfix
    [smtp-source]=postfix
)

# Daemons live in /usr/sbin, which a non-login PATH may lack.
have() {
    case "$1" in
        /*) [ -x "$1" ] ;;
        *) command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ] ;;
    esac
}

missing=()
for bin in "${!NEED[@]}"; do
    if ! have "$bin"; then
        for pkg in ${NEED[$bin]}; do
            missing+=("$pkg")
        done
    fi
done
for pkg in ${MAILLAB_EXTRA_PACKAGES:-}; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed"; then
        missing+=("$pkg")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "tests/peers/install.sh: all peers present"
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "tests/peers/install.sh: must run as root to install: ${missing[*]}" >&2
    exit 1
fi

# Deduplicate the package list.
mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
echo "tests/peers/install.sh: installing ${missing[*]}"

# Keep package scripts from starting daemons. Create the policy file only if
# there is none, and remove only the one created here.
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod 755 "$policy"
    created_policy=1
fi
cleanup() {
    if [ "$created_policy" = 1 ]; then
        rm -f "$policy"
    fi
}
trap cleanup EXIT

echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null


for bin in "${!NEED[@]}"; do
    if ! have "$bin"; then
        echo "tests/peers/install.sh: $bin is still missing after the install" >&2
        exit 1
    fi
done
echo "tests/peers/install.sh: done"
