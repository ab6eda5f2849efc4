# meetings.sh: meetings in time: `rapport meetings`, moving and retitling
# the next one (plan --next --at / --title), cancel and discard; bad input
# changes nothing (Thursday 26 November 2026, 10:00 in Paris).
. "$(dirname "$0")/lib.sh"

# epoch "YYYY-MM-DD HH:MM": that local time in UTC seconds.
epoch() { plain date -d "$1" +%s; }
# db SQL: what the database says (sqlite3, not under test).
db() { plain sqlite3 "$RAPPORT_DB" "$1"; }

# No database yet: no meetings, nothing created.
run meetings
is "$STATUS:$OUT:$ERR" "0::" "meetings with no database lists nothing"
run meetings --json
is "$STATUS:$OUT" "0:[]" "and --json an empty array"
fails 1 "rapport: no meeting 1 (there are no meetings yet)" \
	"cancel with no database says so" cancel 1
is "$(ls "$T")" "" "and creates no database"

rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" >/dev/null
rp client add Idle >/dev/null
rp plan acme Kickoff --at "fri 14:00" --item Budget:15 --item Timeline:10 >/dev/null
rp plan zoe "Revue 予算" --at "demain 9:30" >/dev/null
rp plan acme Weekly --at "2026-12-10 10:00" >/dev/null
rp plan zoe Held >/dev/null
# Meeting 4 was held last week.
db "UPDATE meetings SET state = 'ended', started_at = $(epoch '2026-11-19 15:00'),
	ended_at = $(epoch '2026-11-19 15:40') WHERE id = 4"

run meetings
is "$STATUS:$OUT" "0:$(printf '%s\n' \
	$'2\t2026-11-27 09:30\tZoë Lefèvre SARL\tRevue 予算\tplanned' \
	$'1\t2026-11-27 14:00\tAcme\tKickoff\tplanned' \
	$'3\t2026-12-10 10:00\tAcme\tWeekly\tplanned' \
	$'4\t2026-11-19 15:00\tZoë Lefèvre SARL\tHeld\tended')" \
	"meetings: what is coming, soonest first, then what has been; tab-separated"
run meetings acme --upcoming
is "$OUT" "$(printf '1\t2026-11-27 14:00\tAcme\tKickoff\tplanned\n3\t2026-12-10 10:00\tAcme\tWeekly\tplanned')" \
	"one client's upcoming meetings"
run meetings --past
is "$OUT" "$(printf '4\t2026-11-19 15:00\tZoë Lefèvre SARL\tHeld\tended')" "--past: the ones held"
run meetings --upcoming --limit 1
is "$OUT" "$(printf '2\t2026-11-27 09:30\tZoë Lefèvre SARL\tRevue 予算\tplanned')" "--limit"
# A week on, Kickoff and the Revue were not held: missed, no more to come.
OUT=$(fixed "2026-12-03 10:00:00" "$RAPPORT_BIN" meetings --upcoming)
is "$OUT" "$(printf '%s\n' \
	$'2\t2026-11-27 09:30\tZoë Lefèvre SARL\tRevue 予算\tmissed' \
	$'1\t2026-11-27 14:00\tAcme\tKickoff\tmissed' \
	$'3\t2026-12-10 10:00\tAcme\tWeekly\tplanned')" \
	"a planned meeting over an hour gone by says it was missed"
on_tty meetings acme
like "$OUT" "ID  WHEN              CLIENT  TITLE    STATE*1   2026-11-27 14:00  Acme    Kickoff  planned*" \
	"on a terminal: aligned under a heading"

run plan acme --next --at "lun 9:00"
is "$STATUS:$OUT" "0:moved meeting 1 with Acme to 2026-11-30 09:00" "plan --next --at moves the next meeting"
run plan acme --next --title "Kick-off réunion"
is "$STATUS:$OUT" "0:retitled meeting 1 with Acme: Kick-off réunion" "plan --next --title retitles it"
run plan acme --next --at "mon 9:30" --title "Kick-off" --set 2=Planning:20
is "$STATUS:$OUT" "0:$(printf '%s\n' "retitled meeting 1 with Acme: Kick-off" \
	"moved meeting 1 with Acme to 2026-11-30 09:30" \
	"changed meeting 1 with Acme (2 agenda items)")" "both at once, with an agenda change"
run meetings acme --upcoming --json
is "$OUT" '[
  {
    "id": 1,
    "client_id": 1,
    "client": "Acme",
    "title": "Kick-off",
    "state": "planned",
    "planned_at": "2026-11-30T08:30:00Z",
    "planned_minutes": 35,
    "started_at": null,
    "ended_at": null,
    "cancelled_at": null,
    "agenda_items": 2,
    "notes": 0
  },
  {
    "id": 3,
    "client_id": 1,
    "client": "Acme",
    "title": "Weekly",
    "state": "planned",
    "planned_at": "2026-12-10T09:00:00Z",
    "planned_minutes": null,
    "started_at": null,
    "ended_at": null,
    "cancelled_at": null,
    "agenda_items": 0,
    "notes": 0
  }
]' "meetings --json: one object per meeting, times in UTC"

run cancel 1
is "$STATUS:$OUT" "0:cancelled meeting 1 with Acme (Kick-off, 2026-11-30 09:30): its agenda waits in meeting 3" \
	"cancel: the agenda goes to the meeting planned after it"
is "$(db "SELECT group_concat(title || ':' || carry_count, ' ') FROM (SELECT * FROM agenda_items WHERE meeting_id = 3 ORDER BY position)")" \
	"Budget:0 Planning:0" "carried there, not counted as put off: nobody held that meeting"
run meetings acme
is "$OUT" "$(printf '3\t2026-12-10 10:00\tAcme\tWeekly\tplanned\n1\t2026-11-30 09:30\tAcme\tKick-off\tcancelled')" \
	"a cancelled meeting is listed as such, with the past"
run clients
like "$OUT" "*"$'Acme\t-\t5-14\tnever\t'"*" "a cancelled meeting is no contact"
run cancel zoe --next
is "$STATUS:$OUT" "0:cancelled meeting 2 with Zoë Lefèvre SARL (Revue 予算, 2026-11-27 09:30)" \
	"cancel CLIENT --next"

# A meeting under way with no notes: a planned one goes back to planned,
# one started on the spot goes.
db "UPDATE meetings SET state = 'live', started_at = $(epoch '2026-11-26 09:55') WHERE id = 3"
run discard 3
is "$STATUS:$OUT" "0:discarded meeting 3 with Acme (Weekly, 2026-12-10 10:00): planned again, its agenda as it was" \
	"discard a planned meeting started"
is "$(db "SELECT state || ' ' || coalesce(started_at, '-') || ' ' || (SELECT count(*) FROM agenda_items WHERE meeting_id = 3) FROM meetings WHERE id = 3")" \
	"planned - 2" "it is planned again, its agenda whole"
rp plan idle >/dev/null
db "UPDATE meetings SET state = 'live', started_at = created_at WHERE id = 5"
run discard 5
is "$STATUS:$OUT" "0:discarded meeting 5 with Idle (Meeting): started on the spot, so it is gone" \
	"discard a meeting started on the spot"
is "$(db "SELECT count(*) FROM meetings WHERE id = 5")" "0" "it is gone"

# Bad input: one line, exit 1, the database as it was.
rp plan idle Chat >/dev/null  # meeting 5 again: the one discarded left no trace
db "UPDATE meetings SET state = 'live', started_at = created_at WHERE id = 5;
	INSERT INTO notes (meeting_id, at, kind, text) SELECT 5, created_at, 'note', 'hello'
	FROM meetings WHERE id = 5"
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: no meeting 99" "cancel an unknown meeting" cancel 99
fails 1 "rapport: meeting 1 was cancelled" "cancel a cancelled one" cancel 1
fails 1 "rapport: meeting 4 has ended: it is not planned" "cancel an ended one" cancel 4
fails 1 'rapport: cancel takes a meeting number, not "acme" (rapport meetings lists them)' \
	"cancel a name without --next" cancel acme
fails 2 "rapport: cancel takes a MEETING number, or CLIENT --next (see rapport --help)" \
	"cancel with nothing" cancel
fails 1 "rapport: Zoë Lefèvre SARL has no planned meeting to cancel" \
	"cancel --next with none planned" cancel zoe --next
fails 1 'rapport: --at: "25:00" is not a time (use HH:MM, 24-hour)' "move to a bad time" \
	plan acme --next --at "fri 25:00"
fails 1 'rapport: --at: "vendredi" needs a time too, like "vendredi 14:00"' \
	"move to a day without a time" plan acme --next --at vendredi
fails 1 "rapport: Idle has no planned meeting to change (plan one first)" \
	"move with nothing planned" plan idle --next --at "fri 10:00"
fails 1 "rapport: meeting title is empty" "retitle to nothing" plan acme --next --title " "
fails 1 "rapport: a TITLE and --title: give the title once" "a TITLE and --title" \
	plan acme Other --title Else
fails 1 "rapport: meeting 5 has 1 note: end it instead, nothing noted is thrown away" \
	"discard a meeting with notes" discard 5
fails 1 "rapport: meeting 3 is planned, not live: only a meeting under way can be discarded" \
	"discard a planned meeting" discard 3
fails 1 "rapport: meeting 4 is ended, not live: only a meeting under way can be discarded" \
	"discard an ended one" discard 4
fails 1 "rapport: no meeting 42" "discard an unknown one" discard 42
fails 2 "rapport: meetings takes --upcoming or --past, not both (neither: both lists) (see rapport --help)" \
	"--upcoming and --past" meetings --upcoming --past
fails 1 "rapport: --limit must be 1 to 10000" "a bad --limit" meetings --limit 0
run meetings nobody
like "$STATUS:$ERR" '1:rapport: no client matches "nobody"*' "meetings of an unknown client"
is "$(sum "$RAPPORT_DB")" "$before" "nothing refused changed the database"

done_testing
