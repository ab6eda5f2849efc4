# commands.sh: every command of the command line, end to end.
. "$(dirname "$0")/lib.sh"

run client add "Zoë Lefèvre SARL" --cadence 5-14
is "$STATUS:$OUT:$ERR" "0:added client Zoë Lefèvre SARL (check in every 5-14 days; English):" \
	"client add with accents and a cadence"
run client add --org "Acme Corp" Acme
is "$STATUS:$OUT" "0:added client Acme (check in every 5-14 days; English)" "options may come first"
run client add "Acme Logistics" --cadence 0-30
is "$STATUS" 0 "a third client"
fails 1 'rapport: a client named "ACME" already exists' "names are unique, case aside" \
	client add ACME

run clients
is "$OUT" "$(printf 'Acme\tAcme Corp\t5-14\tnever\tno contact yet\ten\nAcme Logistics\t-\t0-30\tnever\tno contact yet\ten\nZoë Lefèvre SARL\t-\t5-14\tnever\tno contact yet\ten')" \
	"clients: one per line, tab-separated; never contacted, by name"

run plan zoe Kickoff --item Budget:15 --item "Calendrier — étapes:10"
is "$STATUS:$OUT" "0:planned meeting 1 with Zoë Lefèvre SARL (2 agenda items)" \
	"plan with a unique prefix and two items"

run export last --format json
is "$STATUS" 0 "export last"
is "$OUT" '{
  "meeting": {
    "id": 1,
    "client": "Zoë Lefèvre SARL",
    "title": "Kickoff",
    "planned_at": null,
    "started_at": null,
    "ended_at": null,
    "planned_minutes": 25
  },
  "agenda": [
    {
      "position": 1,
      "title": "Budget",
      "timebox_minutes": 15,
      "status": "pending",
      "walkthrough": []
    },
    {
      "position": 2,
      "title": "Calendrier — étapes",
      "timebox_minutes": 10,
      "status": "pending",
      "walkthrough": []
    }
  ],
  "notes": [],
  "followups": [],
  "facts": [],
  "talk": {
    "you_seconds": 0,
    "client_seconds": 0
  }
}' "export is the shape of DESIGN.md 5.1, text intact"
run export 1
is "$OUT" "$(rp export last --format json)" "json is the default format; a number works"

run plan "acme l" "Steering — Q1" --at "fri 14:00" --minutes 45 --item "Risks: top 3:20"
is "$STATUS:$OUT" "0:planned meeting 2 with Acme Logistics at 2026-11-27 14:00 (1 agenda item)" \
	"plan --at a weekday and a time, local"
run export 2
like "$OUT" '*"planned_at": "2026-11-27T13:00:00Z",*"planned_minutes": 45*"title": "Risks: top 3",*"timebox_minutes": 20,*' \
	"--at is stored in UTC; a colon inside an item title survives"
run plan acme --at "2026-12-24 09:30"
is "$STATUS:$OUT" "0:planned meeting 3 with Acme at 2026-12-24 09:30 (0 agenda items)" \
	"plan --at an ISO date; the whole name Acme wins over Acme Logistics"
run export 3
like "$OUT" '*"title": "Meeting",*"planned_at": "2026-12-24T08:30:00Z",*' "default title"
fails 1 'rapport: --at: "tomorrow" needs a time too, like "tomorrow 14:00"' \
	"--at without a time is not guessed" plan acme --at tomorrow
fails 1 'rapport: --at: due date "someday" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)' \
	"--at with a date that does not parse" plan acme --at "someday 10:00"
fails 1 'rapport: --at: "25:00" is not a time (use HH:MM, 24-hour)' "--at with a bad hour" \
	plan acme --at "fri 25:00"
fails 1 'rapport: --at: 1970 is too far from now' "--at decades away" \
	plan acme --at "1970-01-01 00:00"
fails 1 'rapport: --at: 02:30 does not exist on 2027-03-28 here (the clocks change)' \
	"--at in the hour the clocks skip" plan acme --at "2027-03-28 02:30"
fails 1 'rapport: timebox of "Budget:0" must be 1 to 1440 minutes' "a zero timebox" \
	plan acme --item Budget:0
fails 1 'rapport: --minutes must be 1 to 1440' "--minutes out of range" \
	plan acme --minutes 0
fails 2 'rapport: plan takes CLIENT and an optional TITLE (quote a title with spaces) (see rapport --help)' \
	"plan with too many words" plan acme Weekly status

run fact zoe "back from a business trip to Bali"
is "$STATUS:$OUT" "0:noted a travel fact about Zoë Lefèvre SARL" "fact: the kind is guessed"
run fact zoe "plays padel on Sundays" --kind sport
is "$STATUS:$OUT" "0:noted a sport fact about Zoë Lefèvre SARL" "fact --kind"
fails 1 'rapport: --kind must be family, travel, hobby, sport, food, work or other' \
	"fact with an unknown kind" fact zoe "x" --kind pets
fails 1 'rapport: fact is empty' "an empty fact" fact zoe "  "
run fact zoe "collects fountain pens"
is "$STATUS:$OUT" "0:noted a fact about Zoë Lefèvre SARL" "a fact of no particular kind"

run touch "ZOË" "sent the revised deck"
is "$STATUS:$OUT" "0:logged a touchpoint with Zoë Lefèvre SARL" "touch"
run clients
is "$(echo "$OUT" | tail -1)" "$(printf 'Zoë Lefèvre SARL\t-\t5-14\t2026-11-26\ttoo soon (5 more days)\ten')" \
	"a touchpoint is a contact: checking in again now would be too soon"

fails 1 'rapport: "ac" matches 2 clients: "Acme", "Acme Logistics"' "an ambiguous name" \
	touch ac "hello"
fails 1 'rapport: no client matches "bob"; clients: "Acme", "Acme Logistics", "Zoë Lefèvre SARL"' \
	"an unknown name lists the clients" touch bob "hello"

# Export to a file: never over an existing one without --force.
run export 1 -o "$T/kickoff.json"
is "$STATUS:$OUT:$ERR" "0::" "export -o writes quietly"
is "$(cat "$T/kickoff.json")" "$(rp export 1)" "the file holds the export"
is "$(stat -c %a "$T/kickoff.json")" 600 "the export is private (0600)"
echo "mine" >"$T/kickoff.json"
fails 1 "rapport: $T/kickoff.json already exists (add --force to replace it)" \
	"export -o refuses to overwrite" export 1 -o "$T/kickoff.json"
is "$(cat "$T/kickoff.json")" "mine" "the existing file is untouched"
run export 1 -o "$T/kickoff.json" --force
is "$STATUS:$(head -c 1 "$T/kickoff.json")" "0:{" "--force replaces it"
is "$(ls "$T" | grep -c 'kickoff.json.')" 0 "no temporary file is left behind"

fails 1 'rapport: --format must be json, md or ics' "an unknown format" \
	export last --format xml
fails 1 'rapport: MEETING is a meeting number or last, not "first"' \
	"a bad meeting" export first
fails 1 'rapport: no meeting 42' "a meeting that does not exist" export 42

out=$(rp clients 2>&1 >/dev/full); status=$?
is "$status:$out" "1:rapport: cannot write the output: No space left on device" \
	"output that cannot be written is an error"

run --help
like "$STATUS:$OUT" "0:usage: rapport*client add NAME*export MEETING|last*" "--help"
run --version
is "$STATUS:$OUT" "0:rapport 0.1.0" "--version"
fails 2 "rapport: unknown command 'frobnicate' (see rapport --help)" "an unknown command" frobnicate
fails 2 "rapport: unknown option --verbose (see rapport --help)" "an unknown global option" --verbose clients
fails 2 "rapport: unknown option --colour for 'add' (see rapport --help)" \
	"an unknown command option" client add X --colour
fails 2 "rapport: --org needs a value (see rapport --help)" "a missing option value" \
	client add X --org
fails 1 "rapport: meet needs a terminal" "meet without a terminal says so" meet zoe
fails 1 "rapport: the screens need a terminal; see rapport --help for the commands" \
	"no command, no terminal: it says so" 

done_testing
