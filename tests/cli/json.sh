# json.sh: --json on clients, prep and search: valid JSON (read back by jq),
# the keys rapport(1) documents in their order, and the values they hold,
# at a fixed time.
. "$(dirname "$0")/lib.sh"

if ! command -v jq >/dev/null 2>&1; then
	echo "1..0 # SKIP jq is not installed (Debian: jq)"
	exit 0
fi

# jq FILTER on OUT; a document jq cannot read fails the test that uses it.
q() { printf '%s' "$OUT" | plain jq -r "$1" 2>&1; }

# No database yet: no clients, nothing found.
run clients --json
is "$STATUS:$OUT:$(test -e "$RAPPORT_DB" && echo made)" "0:[]:" "clients --json without a database: []"
run search budget --json
is "$STATUS:$OUT" "1:[]" "search --json without a database: [] and status 1"

rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" --org "Lefèvre & fils" --cadence 3-5 >/dev/null
rp client add Old >/dev/null
rp fact zoe "back from a business trip to Bali" --kind travel >/dev/null
rp plan zoe Kickoff >/dev/null
rp plan zoe Weekly --at "2026-12-01 14:00" --minutes 30 --item "Budget:15" \
	--walk "Alice|built the importer|16h|the client's API keys" >/dev/null
# Kickoff held on 19 November 2026, 10:00 Paris (09:00 UTC).
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = 1795078800, ended_at = 1795081200 WHERE id = 1;
INSERT INTO notes (meeting_id, at, kind, text) VALUES
  (1, 1795078860, 'question', 'can we self-host'),
  (1, 1795078920, 'concern', 'worried the go-live slips'),
  (1, 1795078980, 'quote', 'we can''t afford another ' || char(27) || '[31mslip'),
  (1, 1795079040, 'private', 'they seem tense about the budget');
INSERT INTO notes (meeting_id, phase, at, kind, text) VALUES
  (2, 'prep', 1795683600, 'note', 'ask whether the CFO is joining');
INSERT INTO followups (client_id, meeting_id, text, owner, due, created_at) VALUES
  (2, 1, 'send the revised plan', 'me', '2026-11-20', 1795079100),
  (2, 1, 'sign the contract', 'zoe', NULL, 1795079160);"
rp client archive Old >/dev/null
rp person add zoe "Marc Dubois" --role CFO --email marc@example.com >/dev/null

# clients --json
run clients --json
is "$STATUS:$(q 'type')" "0:array" "clients --json: an array"
is "$(q '.[0] | keys_unsorted | join(",")')" \
	"id,name,org,cadence_min,cadence_max,last_contact,status,status_days,status_text,archived_at,lang" \
	"clients --json: the documented keys, in order"
is "$(q '.[] | [.name, (.org // "null"), .cadence_min, .cadence_max, (.last_contact // "null"),
	.status, (.status_days // "null"), .status_text] | @tsv')" \
	"$(printf 'Zoë Lefèvre SARL\tLefèvre & fils\t3\t5\t2026-11-19T09:00:00Z\toverdue\t2\toverdue by 2 days\nAcme\tnull\t5\t14\tnull\tnever\tnull\tno contact yet')" \
	"clients --json: the ranking, most pressing first; the last contact in UTC"
rp client lang Acme fr >/dev/null
run clients --json
is "$(q '.[] | [.name, .lang] | @tsv')" "$(printf 'Zoë Lefèvre SARL\ten\nAcme\tfr')" \
	"clients --json: each client's language, en or fr"
run clients --archived --json
is "$STATUS:$(q '.[] | [.name, (.status // "null"), (.status_days // "null"), (.status_text // "null"), .archived_at] | @tsv')" \
	"$(printf '0:Old\tnull\tnull\tnull\t2026-11-26T09:00:00Z')" \
	"clients --archived --json: no status, when archived"

# prep --json
run prep zoe --json
is "$STATUS:$(q 'keys_unsorted | join(",")')" \
	"0:client,facts,facts_older,openers,followups,followups_open,people,history,last_meeting,open_questions,last_concerns,quotes,next_meeting,carry,prep_notes" \
	"prep --json: the documented keys, in order"
is "$(q '.client | [.id, .name, .org, .status] | @tsv')" "$(printf '2\tZoë Lefèvre SARL\tLefèvre & fils\toverdue')" \
	"prep --json: the client, as clients --json has it"
is "$(q '.client.lang')" "en" "prep --json: the client's language"
is "$(q '.facts[] | [.id, .kind, .text, .learned_at, (.meeting_id // "null")] | @tsv')" \
	"$(printf '1\ttravel\tback from a business trip to Bali\t2026-11-26T09:00:00Z\tnull')" \
	"prep --json: facts"
is "$(q '.openers[0] | [.key, .text, (.last_used // "null")] | @tsv')" \
	"$(printf 'fact:1\tHow was your trip to Bali?\tnull')" "prep --json: openers, from the facts first"
is "$(q '.followups[] | [.id, .text, (.owner // "null"), .side, (.due // "null"), .overdue, .meeting_id] | @tsv')" \
	"$(printf '1\tsend the revised plan\tme\tmine\t2026-11-20\ttrue\t1\n2\tsign the contract\tzoe\ttheirs\tnull\tfalse\t1')" \
	"prep --json: follow-ups, overdue first, whose (mine or theirs, as followups --json says) and due"
is "$(q '.people[] | [.name, .role, .email, (.phone // "null")] | @tsv')" \
	"$(printf 'Marc Dubois\tCFO\tmarc@example.com\tnull')" "prep --json: the client's people"
# One contact, on the 19th, on a 3-5 cadence: overdue since the 25th.
is "$(q '.history | [.contacts, (.every_days // "null"), .overdue_gaps, .overdue_now, .too_soon, .healthy] | @tsv')" \
	"$(printf '1\tnull\t1\ttrue\t0\tfalse')" "prep --json: the history at a glance, in figures"
is "$(q '.history.strip | length')" 52 "prep --json: the strip, a cell a week"
is "$(q '.history.strip[-2:]')" "o!" "prep --json: the week of the contact, then this one, overdue"
is "$(q '.open_questions[] | [.id, .text, .at, .meeting_id] | @tsv')" \
	"$(printf '1\tcan we self-host\t2026-11-19T09:01:00Z\t1')" "prep --json: open questions"
is "$(q '[.last_meeting, (.last_concerns[] | .text)] | @tsv')" \
	"$(printf '1\tworried the go-live slips')" "prep --json: the last meeting and its concerns"
is "$(q '.quotes[0].text | explode | map(select(. == 27)) | length')" 1 \
	"prep --json: a control character in the text is escaped, and read back as it was"
is "$(printf '%s' "$OUT" | grep -c $'\033')" 0 "prep --json: no raw escape character on the way out"
is "$(q '.next_meeting | [.id, .title, .planned_at, .planned_minutes] | @tsv')" \
	"$(printf '2\tWeekly\t2026-12-01T13:00:00Z\t30')" "prep --json: the next meeting, its time in UTC"
is "$(q '.next_meeting.agenda[0] | [.position, .title, .timebox_minutes, .carry_count,
	(.walkthrough[0] | .member, .did, .minutes, .depends_on)] | @tsv')" \
	"$(printf "1\tBudget\t15\t0\tAlice\tbuilt the importer\t960\tthe client's API keys")" \
	"prep --json: the agenda and its walkthroughs"
is "$(q '[(.carry | length), (.prep_notes[] | .id, .text, .at)] | @tsv')" \
	"$(printf '0\t5\task whether the CFO is joining\t2026-11-26T09:00:00Z')" "prep --json: carry and prep notes"
[[ $OUT != *tense* ]] && ok "prep --json: no private note" || not_ok "prep --json: no private note" "$OUT"
run prep acme --json
is "$STATUS:$(q '[.next_meeting, .last_meeting, (.open_questions | length), (.facts | length)] | @json')" \
	"0:[null,null,0,0]" "prep --json of a client with no history: null and empty lists"
before=$(sum "$RAPPORT_DB")
fails 1 'rapport: no client matches "bob"; clients: "Acme", "Zoë Lefèvre SARL"' \
	"prep --json of an unknown client: the usual error, no JSON" prep bob --json
fails 2 "rapport: prep takes one CLIENT (see rapport --help)" "prep --json without a client" prep --json
is "$(sum "$RAPPORT_DB")" "$before" "the JSON commands leave the database as it was"

# search --json
run search slips --json
is "$STATUS:$(q '.[0] | keys_unsorted | join(",")')" \
	"0:what,at,client_id,client,client_archived,meeting_id,note_id,snippet,matches" \
	"search --json: the documented keys, in order"
is "$(q '.[] | [.what, .at, .client_id, .client, .client_archived, .meeting_id, .note_id, .snippet, (.matches | join("|"))] | @tsv')" \
	"$(printf 'concern\t2026-11-19T09:02:00Z\t2\tZoë Lefèvre SARL\tfalse\t1\t2\tworried the go-live slips\tslips')" \
	"search --json: the hit, its snippet without marks and the words matched"
run search tense --json
is "$STATUS:$(q '.[0].what')" "0:private" "search --json finds private notes, as search does: the database is the user's"
run search "Bali" --json
is "$(q '.[0] | [.what, (.meeting_id // "null"), (.note_id // "null")] | @tsv')" \
	"$(printf 'fact\tnull\tnull')" "search --json: null where a hit has no meeting or note"
run search nothingmatches --json
is "$STATUS:$OUT:$ERR" "1:[]:" "search --json with no hit: [] and status 1"
fails 1 'rapport: search: cannot understand "budget AND" (use words, "a phrase", OR, NOT, or a prefix*)' \
	"search --json of a query that does not parse: the usual error" search "budget AND" --json

done_testing
