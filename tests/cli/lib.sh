# lib.sh: sourced by the command-line tests.  Runs the real binary on real
# database files in a temporary folder, at a fixed time (faketime), and
# prints TAP.
set -u

: "${RAPPORT_BIN:?run through tests/run-all, or set RAPPORT_BIN}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-verify_asan_link_order=0}"
export TZ=Europe/Paris
export LC_ALL=C.UTF-8
unset NO_COLOR XDG_DATA_HOME XDG_STATE_HOME RAPPORT_NO_SNAPSHOT

T=$(mktemp -d "${TMPDIR:-/tmp}/rapport-cli-XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export RAPPORT_DB="$T/rapport.db"
export HOME="$T/home"
# The daily snapshots go to $HOME/.local/state/rapport/snapshots: here.

# The schema version this rapport knows, as its messages give it.
SCHEMA=$(sed -n 's/^#define STORE_SCHEMA_VERSION \([0-9]*\).*/\1/p' \
	"$(dirname "${BASH_SOURCE[0]}")/../../include/rapport/store.h")

# Thursday 26 November 2026, 10:00 in Paris (09:00 UTC).
NOW="2026-11-26 10:00:00"
tap_n=0

# libfaketime itself, preloaded: faketime(1) would want a usable /dev/shm,
# which a second user or a container may lack.  Each program starts at the
# time given and its clock ticks from there.
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
	2>/dev/null | head -n 1)
if [ -z "$FAKETIME_LIB" ]; then
	echo "1..0 # SKIP libfaketime is not installed (Debian: faketime)"
	exit 0
fi
# tests/any-day preloads libfaketime into the whole suite; its shared clock
# would reach programs that cannot open it (another user, man's sandbox).
unset FAKETIME_SHARED

# plain COMMAND...: run a tool that is not under test on the real clock.
plain() { env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED "$@"; }

# fixed "YYYY-MM-DD HH:MM:SS" COMMAND...: run COMMAND from that local time on.
fixed() { local when=$1; shift; LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$when" "$@"; }

# rp ARGS...: the binary at the fixed time.
rp() { fixed "$NOW" "$RAPPORT_BIN" "$@"; }

# run ARGS...: rp, keeping stdout in OUT, stderr in ERR, the status in STATUS.
run() {
	OUT=$(rp "$@" 2>"$T/.err")
	STATUS=$?
	ERR=$(cat "$T/.err")
}

# on_tty ARGS...: rp with stdout on a terminal (script(1) from util-linux),
# keeping what it printed in OUT (CR LF made LF) and its status in STATUS.
on_tty() {
	local cmd
	cmd=$(printf '%q ' env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$NOW" "$RAPPORT_BIN" "$@")
	plain script -qec "$cmd" /dev/null </dev/null >"$T/.tty"
	STATUS=$?
	OUT=$(tr -d '\r' <"$T/.tty")
}

ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
not_ok() {
	tap_n=$((tap_n + 1))
	echo "not ok $tap_n - $1"
	shift
	local line
	for line in "$@"; do printf '#   %s\n' "$line"; done
}

# is GOT WANT DESCRIPTION
is() {
	if [ "$1" == "$2" ]; then
		ok "$3"
	else
		not_ok "$3" "got:  $(printf '%q' "$1")" "want: $(printf '%q' "$2")"
	fi
}

# like GOT PATTERN DESCRIPTION (a bash glob)
like() {
	# shellcheck disable=SC2053
	if [[ $1 == $2 ]]; then
		ok "$3"
	else
		not_ok "$3" "got:  $(printf '%q' "$1")" "want: $2"
	fi
}

# fails STATUS STDERR DESCRIPTION ARGS...: the command exits STATUS, prints
# exactly STDERR as its one line, and nothing on stdout.
fails() {
	local want_status=$1 want_err=$2 desc=$3
	shift 3
	run "$@"
	is "$STATUS:$ERR:$OUT" "$want_status:$want_err:" "$desc"
}

sum() { sha256sum "$@" 2>/dev/null | cut -d' ' -f1 | tr '\n' ' '; }

done_testing() { echo "1..$tap_n"; }
