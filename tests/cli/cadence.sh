# cadence.sh: `rapport clients` ranks clients by how pressing a check-in is,
# at a fixed clock, around the boundaries of each cadence.
. "$(dirname "$0")/lib.sh"

# at DAY CMD...: run at 10:00 on that day (Paris).
at() { local day=$1; shift; fixed "$day 10:00:00" "$RAPPORT_BIN" "$@"; }

at 2026-11-01 client add "Ana (5-14)" --cadence 5-14 >/dev/null
at 2026-11-01 client add "Ben (5-14)" --cadence 5-14 >/dev/null
at 2026-11-01 client add "Cy (5-14)" --cadence 5-14 >/dev/null
at 2026-11-01 client add "Dee (0-1)" --cadence 0-1 >/dev/null
at 2026-11-01 client add "Eve (7-7)" --cadence 7-7 >/dev/null
at 2026-11-01 client add "Fay (5-14)" --cadence 5-14 >/dev/null
# Last contacts, relative to 2026-11-26.
at 2026-11-12 touch ana "email" >/dev/null        # 14 days: due today
at 2026-11-11 touch ben "call" >/dev/null         # 15 days: overdue by 1
at 2026-11-22 touch cy "email" >/dev/null         # 4 days: too soon, 1 more day
at 2026-11-01 touch dee "email" >/dev/null        # 25 days over a 1-day maximum
at 2026-11-19 touch eve "call" >/dev/null         # exactly 7 of 7: due today
# A touch late at night is still that local day (Paris): 23:30 local.
fixed "2026-11-21 23:30:00" "$RAPPORT_BIN" touch fay "late email" >/dev/null   # 5 days: due in 9

run clients
is "$OUT" "$(printf '%s\n' \
	"Dee (0-1)	-	0-1	2026-11-01	overdue by 24 days	en" \
	"Ben (5-14)	-	5-14	2026-11-11	overdue by 1 day	en" \
	"Ana (5-14)	-	5-14	2026-11-12	due today	en" \
	"Eve (7-7)	-	7-7	2026-11-19	due today	en" \
	"Fay (5-14)	-	5-14	2026-11-21	due in 9 days	en" \
	"Cy (5-14)	-	5-14	2026-11-22	too soon (1 more day)	en")" \
	"clients are ranked: most overdue, due today, due soonest, too soon last"

# The next day everything moves by one.
out=$(at 2026-11-27 clients)
is "$(echo "$out" | cut -f1,5 | tr '\t' '=' | tr '\n' '|')" \
	"Dee (0-1)=overdue by 25 days|Ben (5-14)=overdue by 2 days|Ana (5-14)=overdue by 1 day|Eve (7-7)=overdue by 1 day|Fay (5-14)=due in 8 days|Cy (5-14)=due in 9 days|" \
	"a day later: the boundaries are crossed"

# A meeting is a contact too, the day it starts.
at 2026-11-26 plan ben Weekly >/dev/null
run clients
like "$OUT" "*Ben (5-14)	-	5-14	2026-11-11	overdue by 1 day*" "a planned meeting is not a contact"

done_testing
