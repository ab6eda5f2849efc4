# docs.sh: the manual renders cleanly and covers every command, option,
# environment variable and file; meson installs the binary and the page.
. "$(dirname "$0")/lib.sh"
src="$RAPPORT_SOURCE"

is "$(plain groff -man -ww -z "$src/man/rapport.1" 2>&1)" "" "groff -ww finds nothing to warn about"
page=$(MANWIDTH=80 plain man -l "$src/man/rapport.1" 2>&1)
like "$page" "RAPPORT(1)*NAME*SYNOPSIS*DESCRIPTION*COMMANDS*OPTIONS*ENVIRONMENT*FILES*EXIT STATUS*" \
	"man -l renders every section"
for word in "client add NAME" "client restore NAME" "--archived" "clients" "fact CLIENT TEXT" "plan CLIENT" "touch CLIENT TEXT" \
	"export MEETING|last" "--org" "--cadence" "--kind" "--at" "--minutes" "--item" \
	"--format" "--include-private" "-o FILE" "--force" "--db" "--help" "--version" \
	"meet CLIENT" "prep CLIENT" "--template" "--walk" "--from-ics" "--next" "--move" "--set" \
	"--remove" "--demo" "search QUERY" "--best" "--limit" "RECAP SCREEN" "REVIEW SCREEN" \
	"json" "md" "ics" "CADENCE" "CLIENTS SCREEN" "PREP SCREEN" "LIVE MEETING SCREEN" "Ctrl-N" "Ctrl-P" "Ctrl-T" "Ctrl-X" "Ctrl-G" "F1" \
	"Ctrl-C" "Shift-Tab" "Ctrl-U" "Ctrl-W" "Ctrl-A" "Ctrl-E" "NO_COLOR" \
	"RAPPORT_DB" "XDG_DATA_HOME" "~/.local/share/rapport/rapport.db" "0700" "0600" \
	"backup FILE" "restore FILE" "--no-snapshot" "SNAPSHOTS" "XDG_STATE_HOME" "RAPPORT_NO_SNAPSHOT" \
	"~/.local/state/rapport/snapshots/"; do
	like "$page" "*$word*" "the manual documents $word"
done
# Every option the help names is in the manual.
for opt in $(rp --help | grep -o -- '--[a-z-]*' | sort -u); do
	like "$page" "*$opt*" "the manual documents $opt from --help"
done

# meson install puts the binary and the page in place.
build=$(dirname "$(dirname "$(dirname "$RAPPORT_BIN")")")
if meson install -C "$build" --destdir "$T/dest" --no-rebuild >"$T/install.log" 2>&1; then
	bin=$(find "$T/dest" -type f -name rapport -perm -u+x | head -1)
	man=$(find "$T/dest" -type f -name 'rapport.1*' | head -1)
	like "$bin" "*/bin/rapport" "meson install installs the binary"
	like "$man" "*/man1/rapport.1*" "meson install installs the manual"
	mod=$(find "$T/dest" -name 'librapport-ical.so' | head -1)
	like "$mod" "*/rapport/librapport-ical.so" "meson install installs the iCalendar module"
	# The installed rapport finds it where it was installed.
	inv="$RAPPORT_SOURCE/tests/data/ics/simple-utc.ics"
	out=$(env RAPPORT_DB="$T/inst.db" "$bin" client add Inst 2>&1 &&
		env RAPPORT_DB="$T/inst.db" "$bin" plan inst --from-ics "$inv" --past 2>&1)
	like "$out" "*logged meeting 1 with Inst, held *" "the installed rapport loads its iCalendar module"
else
	not_ok "meson install" "$(tail -5 "$T/install.log")"
fi

# --help fits an 80-column terminal.
OUT=$(plain "$RAPPORT_BIN" --help)
is "$(printf '%s\n' "$OUT" | LC_ALL=C.UTF-8 awk 'length > 80' | head -3)" "" "--help: every line within 80 columns"

done_testing
