# followups.sh: rapport followups across clients, done and drop.
. "$(dirname "$0")/lib.sh"

# Thursday 26 November 2026: fri is the 27th, eow too.
rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" >/dev/null
rp client add "Old Co" >/dev/null
rp plan acme Kickoff >/dev/null
rp plan zoe "Réunion" --at "2026-12-02 14:00" >/dev/null
# Meeting 1 held on Thursday 19 November, 10:00-10:40 UTC.
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = 1795082400, ended_at = 1795084800 WHERE id = 1;
INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at) VALUES
  (1, 1, 'send the revised plan', 'me', '2026-11-20', 1795082500),
  (1, 1, 'sign the contract', 'acme', '2026-11-27', 1795082500),
  (2, 2, 'book a room', NULL, NULL, 1795082500),
  (2, NULL, 'send the invoice', 'zoe', '2026-11-26', 1795082500),
  (2, 2, 'call the CFO', 'nous', '2026-12-04', 1795082500),
  (1, 1, 'already done', 'me', '2026-11-01', 1795082500),
  (3, NULL, 'of an archived client', 'me', '2026-11-10', 1795082500),
  (2, 2, '日本語 🎉 café', 'Zoë', '2026-11-27', 1795082500);
UPDATE followups SET status = 'done' WHERE id = 6;"
rp client archive "Old Co" >/dev/null

ids() { echo "$OUT" | cut -f1 | tr '\n' ' '; }

run followups
is "$STATUS:$(ids)" "0:1 4 2 8 5 3 " \
	"followups: the open ones of active clients, overdue first, by due date, undated last"
is "$(echo "$OUT" | head -2)" "$(printf '1\t2026-11-20 overdue\tAcme\tmine\t@me\tsend the revised plan\t#1 Kickoff, 2026-11-19
4\t2026-11-26 today\tZoë Lefèvre SARL\ttheirs\t@zoe\tsend the invoice\t-')" \
	"followups: id, due, client, side, owner, text, the meeting it came from; tab-separated when piped"
is "$(echo "$OUT" | tail -1)" "$(printf '3\t-\tZoë Lefèvre SARL\tmine\t-\tbook a room\t#2 Réunion, 2026-12-02')" \
	"followups: no owner is mine, no due date is -"
run followups --theirs
is "$(ids)" "4 2 8 " "--theirs: owners that name the client (@acme, @zoe, @Zoë)"
run followups --mine
is "$(ids)" "1 5 3 " "--mine: me, nous, and nobody"
run followups zoe --mine
is "$(ids)" "5 3 " "one client, by the start of its name"
run followups --overdue
is "$(ids)" "1 " "--overdue: due before today"
run followups --due fri
is "$(ids)" "1 4 2 8 " "--due fri: due by Friday, overdue included"
run followups --due ^eow --theirs
is "$(ids)" "4 2 8 " "--due ^eow with --theirs"
run followups --due 2026-11-26
is "$(ids)" "1 4 " "--due YYYY-MM-DD: due on or before that day"
run followups --due demain --overdue
is "$(ids)" "1 " "--due and --overdue together: the narrower"

# By Friday, asked on a Friday, is today: not next week's too.
FRIDAY="2026-11-27 10:00:00"
fri_ids() { OUT=$(fixed "$FRIDAY" "$RAPPORT_BIN" followups "$@"); ids; }
is "$(fri_ids --due fri)" "1 4 2 8 " "--due fri on a Friday: due by today"
is "$(fri_ids --due ^ven)" "1 4 2 8 " "--due ^ven on a Friday: the same, in French"
is "$(fri_ids --due "this fri")" "1 4 2 8 " "--due 'this fri' on a Friday: today"
is "$(fri_ids --due "next fri")" "1 4 2 8 5 " "--due 'next fri' on a Friday: next week's"
is "$(fri_ids --due thu)" "1 4 2 8 " "--due thu on a Friday: the coming Thursday, not yesterday"
is "$(fri_ids --due +1d)" "1 4 2 8 " "--due +1d is not a weekday: read as it is"

on_tty followups acme
is "$OUT" "ID  DUE                 CLIENT  SIDE    OWNER  FOLLOW-UP              FROM
1   2026-11-20 overdue  Acme    mine    @me    send the revised plan  #1 Kickoff, 2026-11-19
2   2026-11-27          Acme    theirs  @acme  sign the contract      #1 Kickoff, 2026-11-19" \
	"on a terminal: aligned under a heading"
on_tty followups zoe --theirs
like "$OUT" "*
8   2026-11-27        Zoë Lefèvre SARL  theirs  @Zoë   日本語 🎉 café    #2 Réunion, 2026-12-02" \
	"aligned by display width: wide characters take two columns"

run followups --json
is "$STATUS" 0 "followups --json"
like "$OUT" '{
  "today": "2026-11-26",
  "more": false,
  "followups": [
    {
      "id": 1,
      "client": {
        "id": 1,
        "name": "Acme"
      },
      "text": "send the revised plan",
      "owner": "me",
      "person_id": null,
      "side": "mine",
      "due": "2026-11-20",
      "overdue": true,
      "status": "open",
      "meeting": {
        "id": 1,
        "title": "Kickoff",
        "at": "2026-11-19T10:00:00Z"
      }
    },
    {
      "id": 4,*"owner": "zoe",
      "person_id": null,
      "side": "theirs",
      "due": "2026-11-26",
      "overdue": false,
      "status": "open",
      "meeting": null
    },*' "--json: the documented schema, times in UTC, null when absent"
like "$OUT" '*"id": 3,*"owner": null,
      "person_id": null,
      "side": "mine",
      "due": null,*' "--json: no owner and no due date are null"
if command -v python3 >/dev/null; then
	is "$(echo "$OUT" | plain python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["followups"]), d["followups"][3]["text"])')" \
		"6 日本語 🎉 café" "--json parses, text intact"
fi
run followups zoe --overdue --json
is "$OUT" '{
  "today": "2026-11-26",
  "more": false,
  "followups": []
}' "--json with nothing to list: an empty array"

# Bad input: one line, the status, the file untouched.
before=$(sum "$RAPPORT_DB")
fails 2 'rapport: --due: "someday" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)' \
	"--due that is not a date: a usage error" followups --due someday
fails 2 'rapport: --due: 2026-02-30 is not a day of the calendar' \
	"--due on a day no calendar has" followups --due 2026-02-30
fails 2 'rapport: --due needs a date (fri, eow, 2026-12-04)' "--due empty: no ^ was typed" \
	followups --due ""
fails 2 'rapport: --due needs a date (fri, eow, 2026-12-04)' "--due ^ alone" followups --due "^ "
fails 2 "rapport: --mine and --theirs together list nothing: give one or neither (see rapport --help)" \
	"--mine with --theirs" followups --mine --theirs
fails 2 "rapport: --due needs a value (see rapport --help)" "--due without a value" followups --due
fails 2 "rapport: followups takes at most one CLIENT: quote a name with spaces (see rapport --help)" \
	"two clients" followups acme zoe
fails 1 'rapport: no client matches "nobody"; clients: "Acme", "Zoë Lefèvre SARL"' \
	"an unknown client" followups nobody
fails 1 'rapport: no follow-up 99' "done: an unknown id" done 99
fails 1 'rapport: follow-up 6 is already done' "done: an id already done" done 6
fails 1 'rapport: follow-up 6 is already done' "drop: an id already done" drop 6
fails 2 'rapport: done: "abc" is not a follow-up ID: give a number rapport followups shows (see rapport --help)' \
	"done: an id that is no number" done abc
fails 2 'rapport: drop: "-3" is not a follow-up ID: give a number rapport followups shows (see rapport --help)' \
	"drop: a negative id" drop -3
fails 2 'rapport: done takes one follow-up ID, a number rapport followups shows (see rapport --help)' \
	"done: no id" done
is "$(sum "$RAPPORT_DB")" "$before" "bad input leaves the database as it was"

run done 1
is "$STATUS:$OUT" "0:follow-up 1 done" "done ID"
run drop 3
is "$STATUS:$OUT" "0:follow-up 3 dropped" "drop ID"
is "$(sqlite3 "$RAPPORT_DB" "SELECT id || ':' || status || ':' || (closed_at IS NOT NULL) FROM followups WHERE id IN (1, 3) ORDER BY id" | tr '\n' ' ')" \
	"1:done:1 3:dropped:1 " "done and drop are stored, with when"
run followups
is "$(ids)" "4 2 8 5 " "closed ones leave the list"
fails 1 'rapport: follow-up 3 is already dropped' "drop twice" drop 3

# Stored text never reaches the terminal raw, nor breaks a line or a column.
sqlite3 "$RAPPORT_DB" "INSERT INTO followups (client_id, text, owner, created_at)
  VALUES (1, 'evil' || char(27) || '[2J' || char(10) || 'text', 'x' || char(9) || 'y', 0);"
run followups acme
is "$(echo "$OUT" | grep -c $'\033')" 0 "followups: no escape sequence from the file reaches the output"
like "$(echo "$OUT" | tail -1)" "$(printf '9\t-\tAcme\tmine\t@x*y\tevil*text\t-')" \
	"followups: a newline or a tab in the file stays within its cell"
run followups acme --json
like "$OUT" '*"text": "evil\\u001b\[2J\\ntext",*"owner": "x\\ty",*' "--json escapes control characters"

# A due date another tool stored that is no day of the calendar (the
# schema's GLOB lets it in) is no due date: last, never overdue, never due.
sqlite3 "$RAPPORT_DB" "INSERT INTO followups (client_id, text, owner, due, created_at) VALUES
  (2, 'year zero', 'me', '0000-00-00', 0), (2, 'thirtieth of February', 'me', '2026-02-30', 0),
  (2, 'month thirteen', 'me', '2026-13-01', 0);"
run followups zoe
is "$(ids)" "4 8 5 10 11 12 " "followups: impossible due dates sort with those without one"
like "$OUT" "*$(printf '10\t(invalid)\tZoë Lefèvre SARL\tmine\t@me\tyear zero')*" \
	"followups: an impossible due date shows as (invalid)"
run followups --overdue
is "$STATUS:$OUT" "0:" "--overdue: an impossible due date is not overdue"
run followups --due fri
is "$(ids)" "4 2 8 " "--due: an impossible due date is not due by Friday"
run followups zoe --json
like "$OUT" '*"text": "year zero",*"due": null,
      "overdue": false,*' "--json: an impossible due date is null, not overdue"

# An owner who is one of the client's people is theirs, shown by name,
# even when the person is added after the follow-up; another owner given
# on the screens is matched again.
sqlite3 "$RAPPORT_DB" "INSERT INTO followups (client_id, text, owner, created_at) VALUES
  (1, 'sign the order', 'marc', 0);"
mid=$(sqlite3 "$RAPPORT_DB" "SELECT max(id) FROM followups")
run followups acme --theirs
is "$STATUS:$(echo "$OUT" | grep -c 'sign the order')" "0:0" "an owner no one is: not theirs yet"
rp person add acme "Marc Dubois" --role CFO >/dev/null
run followups acme --theirs
like "$OUT" "*$(printf '%s\t-\tAcme\ttheirs\t@Marc Dubois\tsign the order' "$mid")*" \
	"a person's follow-up is theirs, shown by the person's name"
run followups acme --json
like "$OUT" "*\"text\": \"sign the order\",
      \"owner\": \"Marc Dubois\",
      \"person_id\": 1,*" "--json: the person's name and number"

# No database yet: nothing to list, and none is made.
rm -f "$RAPPORT_DB" "$RAPPORT_DB"-wal "$RAPPORT_DB"-shm
run followups
is "$STATUS:$OUT:$ERR" "0::" "no database: no follow-ups"
fails 1 'rapport: no follow-up 1 (there are no clients yet)' "done without a database" done 1
is "$(ls "$T" | grep -c rapport.db)" 0 "and no database was made"

done_testing
