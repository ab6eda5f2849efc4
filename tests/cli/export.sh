# export.sh: rapport search, and rapport export as Markdown and iCalendar.
. "$(dirname "$0")/lib.sh"

rp client add "Zoë Lefèvre SARL" --cadence 5-14 >/dev/null
rp plan zoe Kickoff --item Budget:15 --item "Importer:10" \
	--walk "Alice|built the importer|16h|the client's API keys" >/dev/null
# The meeting as the live screen would have left it (09:00-09:40 UTC).
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = 1795683600, ended_at = 1795686000 WHERE id = 1;
INSERT INTO notes (meeting_id, at, kind, text) VALUES
  (1, 1795683660, 'decision', 'go with the phased rollout'),
  (1, 1795683720, 'question', 'can we self-host'),
  (1, 1795683780, 'concern', 'worried the API slips #api'),
  (1, 1795683840, 'action', 'send the revised plan @me ^fri'),
  (1, 1795683900, 'private', 'they seem tense'),
  (1, 1795683960, 'personal', 'back from Bali');
INSERT INTO followups (client_id, meeting_id, note_id, text, owner, due, created_at)
  VALUES (1, 1, 4, 'send the revised plan', 'me', '2026-11-27', 1795683840);
INSERT INTO facts (client_id, kind, text, learned_at, meeting_id, note_id)
  VALUES (1, 'travel', 'back from Bali', 1795683960, 1, 6);"

run search lefevre
is "$STATUS:$OUT" "$(printf '0:2026-11-26\tZoë Lefèvre SARL\t-\tclient\tZoë Lefèvre SARL')" \
	"search: accents aside, one hit per line (date, client, meeting, what, snippet), plain when piped"
run search api
is "$OUT" "$(printf '2026-11-26\tZoë Lefèvre SARL\t1\tconcern\tworried the API slips #api')" \
	"search: a note, with the meeting it belongs to"
run search "budget OR importer OR rollout"
is "$(echo "$OUT" | cut -f4 | tr '\n' ' ')" "decision agenda agenda " "search: newest first"
run search "importer" --best --limit 1
is "$(echo "$OUT" | wc -l | tr -d ' '):$(echo "$OUT" | cut -f4)" "1:agenda" "search --best --limit"
run search tense
is "$(echo "$OUT" | cut -f4,5)" "$(printf 'private\tthey seem tense')" \
	"search finds private notes: the database is the user's own"
fails 1 'rapport: search: cannot understand ""unclosed" (use words, "a phrase", OR, NOT, or a prefix*)' \
	"a query FTS5 cannot read is said plainly" search '"unclosed'
fails 2 "rapport: search takes one QUERY (quote several words) (see rapport --help)" \
	"search without a query" search

run export 1 --format md
is "$STATUS" 0 "export --format md"
like "$OUT" "# Kickoff — Zoë Lefèvre SARL*Recap — Thursday 26 November 2026*## Decisions*- Go with the phased rollout*## Actions*- Send the revised plan — me, by Friday 27 November 2026*## Open questions*- Can we self-host?*## What concerns you*- Worried the API slips*## Behind the work*- Importer: Alice built the importer (16h), which depended on the client's API keys*## Next check-in*Between 1 December 2026 and 10 December 2026; we suggest Monday 7 December 2026.*" \
	"the Markdown recap: decisions, actions, questions, concerns, walkthroughs, next check-in"
run export 1 --format md --include-private
is "$(echo "$OUT" | grep -c -e tense -e Bali)" 0 "Markdown never has private notes or personal facts"

run export 1 --format ics
is "$STATUS" 0 "export --format ics"
is "$(printf '%s' "$OUT" | head -1 | od -c | head -1 | grep -c '\\r')" 1 "iCalendar lines end in CRLF"
like "$OUT" "*BEGIN:VTODO*SUMMARY:Zoë Lefèvre SARL: send the revised plan*SEQUENCE:0*DUE;VALUE=DATE:20261127*STATUS:NEEDS-ACTION*END:VTODO*BEGIN:VEVENT*SUMMARY:Check in with Zoë Lefèvre SARL*DTSTART;VALUE=DATE:20261207*END:VEVENT*" \
	"a VTODO per action naming the client, a VEVENT for the next check-in"
CALID=$(sqlite3 "$RAPPORT_DB" "SELECT value FROM settings WHERE key = 'calendar_id'")
like "$OUT" "*UID:rapport-$CALID-followup-1*UID:rapport-$CALID-checkin-1*" \
	"UIDs carry the database's calendar identity"
# Done between two exports: the same UID, completed, one sequence on.
FID=$(sqlite3 "$RAPPORT_DB" "SELECT id FROM followups WHERE text LIKE 'send the revised plan%'")
fixed "2026-11-27 09:00:00" "$RAPPORT_BIN" done "$FID" >/dev/null
OUT=$(fixed "2026-11-27 09:05:00" "$RAPPORT_BIN" export 1 --format ics | tr -d '\r')
like "$OUT" "*UID:rapport-$CALID-followup-1*LAST-MODIFIED:20261127T080500Z*SEQUENCE:1*STATUS:COMPLETED*COMPLETED:20261127T080000Z*PERCENT-COMPLETE:100*END:VTODO*" \
	"a done action is exported completed, with a higher SEQUENCE"
OUT=$(fixed "2026-11-28 09:00:00" "$RAPPORT_BIN" export 1 --format ics | tr -d '\r')
like "$OUT" "*LAST-MODIFIED:20261127T080500Z*SEQUENCE:1*STATUS:COMPLETED*" \
	"exported again unchanged, it keeps its SEQUENCE and LAST-MODIFIED"
# A file -o refuses is refused before anything is remembered.
: >"$T/there.ics"
sqlite3 "$RAPPORT_DB" "UPDATE followups SET due = '2026-12-01' WHERE id = $FID"  # a change to export
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: $T/there.ics already exists (add --force to replace it)" \
	"an iCalendar export onto an existing file is refused" export 1 -o "$T/there.ics"
is "$(sum "$RAPPORT_DB")" "$before" "and the database is as it was: no version remembered"
run export 1 --format ics --include-private
is "$(echo "$OUT" | grep -c -e tense -e Bali)" 0 "iCalendar never has private notes"

run export 1 --format md -o "$T/recap.md"
is "$STATUS:$(head -1 "$T/recap.md")" "0:# Kickoff — Zoë Lefèvre SARL" "export -o for Markdown"
fails 1 "rapport: $T/recap.md already exists (add --force to replace it)" \
	"Markdown -o does not overwrite either" export 1 --format md -o "$T/recap.md"

# The file's extension gives the format, unless --format says otherwise.
run export 1 -o "$T/m1.md"
is "$STATUS:$OUT:$ERR:$(head -1 "$T/m1.md")" "0:::# Kickoff — Zoë Lefèvre SARL" \
	"export -o m1.md writes Markdown"
run export 1 -o "$T/m1.json"
is "$STATUS:$(head -2 "$T/m1.json" | tr -d " \n")" '0:{"meeting":{' "export -o m1.json writes JSON"
run export 1 -o "$T/m1.ics"
is "$STATUS:$(head -1 "$T/m1.ics" | tr -d '\r')" "0:BEGIN:VCALENDAR" "export -o m1.ics writes iCalendar"
run export 1 -o "$T/M1.MD"
is "$STATUS:$(head -c 2 "$T/M1.MD")" "0:# " "the extension's case does not matter"
run export 1 -o "$T/m2.Json"
is "$STATUS:$(head -2 "$T/m2.Json" | tr -d " \n")" '0:{"meeting":{' "export -o m2.Json writes JSON"
run export 1 -o "$T/m2.ICS"
is "$STATUS:$(head -1 "$T/m2.ICS" | tr -d '\r')" "0:BEGIN:VCALENDAR" "export -o m2.ICS writes iCalendar"
fails 2 "rapport: cannot tell the format of \"$T/m1.md.txt\": name it .md, .json or .ics, or add --format (see rapport --help)" \
	"only the last extension counts" export 1 -o "$T/m1.md.txt"
fails 2 "rapport: cannot tell the format of \"$T/.ics\": name it .md, .json or .ics, or add --format (see rapport --help)" \
	"a hidden file's name alone is no extension" export 1 -o "$T/.ics"
run export 1 --format json -o "$T/forced.md"
is "$STATUS:$(head -2 "$T/forced.md" | tr -d " \n")" '0:{"meeting":{' "--format beats the extension"
fails 2 "rapport: cannot tell the format of \"$T/m1.txt\": name it .md, .json or .ics, or add --format (see rapport --help)" \
	"an extension that names no format, without --format, is refused" export 1 -o "$T/m1.txt"
is "$(test -e "$T/m1.txt" && echo written)" "" "and nothing is written"
fails 2 "rapport: cannot tell the format of \"$T/md\": name it .md, .json or .ics, or add --format (see rapport --help)" \
	"a name without an extension is refused too" export 1 -o "$T/md"
run export 1 --format md -o "$T/notes.txt"
is "$STATUS:$(head -c 2 "$T/notes.txt")" "0:# " "any name with --format"

done_testing
