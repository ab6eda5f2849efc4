# when.sh: `plan --at` takes the due-date phrases (Thursday 26 November 2026).
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
run plan acme One --at "next monday 14:00"
is "$STATUS:$OUT" "0:planned meeting 1 with Acme at 2026-11-30 14:00 (0 agenda items)" \
	"--at next monday: the Monday of next week"
run plan acme Two --at "next fri 10:00"
is "$STATUS:$OUT" "0:planned meeting 2 with Acme at 2026-12-04 10:00 (0 agenda items)" \
	"--at next fri on a Thursday: next week's Friday, not tomorrow"
run plan acme Three --at "lundi prochain 9:30"
is "$STATUS:$OUT" "0:planned meeting 3 with Acme at 2026-11-30 09:30 (0 agenda items)" \
	"--at lundi prochain"
run plan acme Four --at "dans 2 semaines 10:00"
is "$STATUS:$OUT" "0:planned meeting 4 with Acme at 2026-12-10 10:00 (0 agenda items)" \
	"--at dans 2 semaines"
run plan acme Five --at "next week 8:00"
is "$STATUS:$OUT" "0:planned meeting 5 with Acme at 2026-11-30 08:00 (0 agenda items)" \
	"--at next week: its Monday"
run plan acme Six --at "ven prochain 10:00"
is "$STATUS:$OUT" "0:planned meeting 6 with Acme at 2026-12-04 10:00 (0 agenda items)" \
	"--at ven prochain: the abbreviation with prochain is next week's Friday"
run plan acme Seven --at "next tues 9:00"
is "$STATUS:$OUT" "0:planned meeting 7 with Acme at 2026-12-01 09:00 (0 agenda items)" \
	"--at next tues"
before=$(sum "$RAPPORT_DB")
fails 1 'rapport: --at: due date "next wek" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)' \
	"--at with a phrase that does not parse quotes it whole" plan acme --at "next wek 10:00"
is "$(sum "$RAPPORT_DB")" "$before" "and plans nothing"
fails 1 'rapport: --at: "next week" needs a time too, like "next week 14:00"' \
	"--at a phrase without a time is not guessed" plan acme --at "next week"

# On a Friday morning, "fri 14:00" is this afternoon; "fri 9:00", gone by
# today, is next week's.
OUT=$(fixed "2026-11-27 10:00:00" "$RAPPORT_BIN" plan acme Eight --at "fri 14:00" 2>&1)
is "$OUT" "planned meeting 8 with Acme at 2026-11-27 14:00 (0 agenda items)" \
	"--at fri 14:00 on a Friday morning: today"
OUT=$(fixed "2026-11-27 10:00:00" "$RAPPORT_BIN" plan acme Nine --at "ven 9:00" 2>&1)
is "$OUT" "planned meeting 9 with Acme at 2026-12-04 09:00 (0 agenda items)" \
	"--at ven 9:00 on a Friday at 10:00: next week's"

done_testing
