# setup.sh: sourced by scripts/run and scripts/test.  Installs what is
# missing (Debian packages, through apt-get as root or via sudo), then
# configures and builds with meson.  Elsewhere it says what to install.

# Debian packages rapport needs to build and test, each with a command, a
# pkg-config module or a file that tells whether it is already there.
RAPPORT_BUILD_DEPS="gcc:cmd:gcc meson:cmd:meson ninja-build:cmd:ninja pkg-config:cmd:pkg-config
libncurses-dev:pc:ncursesw libsqlite3-dev:pc:sqlite3 libical-dev:pc:libical gettext:cmd:msgfmt"
RAPPORT_TEST_DEPS="libvterm-dev:pc:vterm faketime:cmd:faketime sqlite3:cmd:sqlite3 groff:cmd:groff man-db:cmd:man
tzdata:file:/usr/share/zoneinfo/Europe/Paris jq:cmd:jq locales:cmd:locale-gen"
# Real clients of a vdir, that tests/cli/vdir.sh reads the export with; a
# test skips what they read where they cannot be installed.
RAPPORT_CALENDAR_DEPS="todoman:cmd:todoman khal:cmd:khal"

# Print the packages of a list that are missing.
rapport_missing() {
	local entry pkg kind what
	for entry in $1; do
		pkg=${entry%%:*}
		kind=${entry#*:}; kind=${kind%%:*}
		what=${entry##*:}
		case $kind in
		cmd) command -v "$what" >/dev/null 2>&1 || echo "$pkg" ;;
		pc) pkg-config --exists "$what" 2>/dev/null || echo "$pkg" ;;
		file) [ -e "$what" ] || echo "$pkg" ;;
		esac
	done
}

# Install the missing packages of the given lists.
rapport_install() {
	local missing sudo=""
	missing=$(for list in "$@"; do rapport_missing "$list"; done | sort -u | tr '\n' ' ')
	[ -z "${missing// /}" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		if command -v sudo >/dev/null 2>&1; then
			sudo="sudo"
		else
			echo "rapport: please install: $missing" >&2
			return 1
		fi
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "rapport: not a Debian system; please install the equivalent of: $missing" >&2
		return 1
	fi
	echo "installing: $missing" >&2
	$sudo apt-get update -qq >&2 &&
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
			$missing >&2
}

# Make the French locale the tests run the program under (fr_FR.UTF-8), as
# root or via sudo.  Fails, and the tests that need it skip, where it cannot
# be made.
rapport_french_locale() {
	local sudo=""
	locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8' && return 0
	[ "$(id -u)" -ne 0 ] && { command -v sudo >/dev/null 2>&1 && sudo="sudo" || return 1; }
	command -v locale-gen >/dev/null 2>&1 || return 1
	[ -f /etc/locale.gen ] || $sudo touch /etc/locale.gen
	if grep -q '^# *fr_FR.UTF-8 UTF-8' /etc/locale.gen; then
		$sudo sed -i 's/^# *\(fr_FR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	elif ! grep -q '^fr_FR.UTF-8 UTF-8' /etc/locale.gen; then
		echo 'fr_FR.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
	fi
	$sudo locale-gen >&2 && locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8'
}

# Configure (once) and build into $1 with the meson options that follow.
rapport_build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >&2 || return 1
	fi
	ninja -C "$dir" >&2
}
