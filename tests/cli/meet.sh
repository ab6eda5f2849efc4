# meet.sh: `rapport meet` on the command line, before any screen: its
# arguments, and the database left as it was when it refuses.  (The screen
# itself is tested in tests/screen/test_live_sync.c.)
. "$(dirname "$0")/lib.sh"

rp client add "Zoë Lefèvre SARL" >/dev/null
before=$(sum "$RAPPORT_DB")

fails 2 "rapport: meet takes a TITLE or --planned, not both (see rapport --help)" \
	"a TITLE and --planned together are a usage error" meet zoe Kickoff --planned
fails 2 "rapport: meet takes CLIENT and an optional TITLE (quote a title with spaces) (see rapport --help)" \
	"meet without a client is a usage error" meet --planned
run meet zoe --later
is "$STATUS" "2" "an unknown option is a usage error"
like "$ERR" "rapport: *--later*" "and says which"
# Not a terminal: refused, whatever the options.
fails 1 "rapport: meet needs a terminal" "meet needs a terminal" meet zoe --planned </dev/null
fails 1 "rapport: meet needs a terminal" "--carry too" meet zoe --carry </dev/null
fails 1 'rapport: no client matches "nobody"; clients: "Zoë Lefèvre SARL"' \
	"an unknown client is said before the terminal is missed" meet nobody </dev/null
is "$(sum "$RAPPORT_DB")" "$before" "nothing refused changed the database"
run --help
like "$OUT" "*meet CLIENT \[TITLE\] \[--planned\] \[--carry\]*" "--help shows meet's options"

done_testing
