# search.sh: what `rapport search` says to a script and to a person: no
# match is status 1, markers only on a terminal, #topic tags, archived
# clients.
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" >/dev/null
rp plan acme Kickoff --item Budget:15 >/dev/null
rp plan zoe Weekly >/dev/null
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = 1795683600, ended_at = 1795686000;
INSERT INTO notes (meeting_id, at, kind, text) VALUES
  (1, 1795683660, 'need', 'trim the #budget by March'),
  (1, 1795683720, 'note', 'the budget talk went fine'),
  (2, 1795683780, 'concern', 'worried about the #Budget and the API');
INSERT INTO note_topics (note_id, topic) VALUES (1, 'budget'), (3, 'budget');"

run search nothingmatches
is "$STATUS:$OUT:$ERR" "1::" "no match: status 1, nothing on stdout or stderr, as grep"
before=$(sum "$RAPPORT_DB")
run search budget
is "$STATUS:$(echo "$OUT" | wc -l | tr -d ' ')" "0:4" "a match: status 0, one line a hit"
is "$(sum "$RAPPORT_DB")" "$before" "search leaves the database as it was"
rm -f "$T/none.db"
run --db "$T/none.db" search budget
is "$STATUS:$OUT:$ERR:$(test -e "$T/none.db" && echo made)" "1:::" \
	"no database: nothing found, status 1, and no database made"

# Piped, the snippet is the text as it is; on a terminal the match is bold,
# or between [ and ] with NO_COLOR.
run search api
is "$OUT" "$(printf '2026-11-26\tZoë Lefèvre SARL\t2\tconcern\tworried about the #Budget and the API')" \
	"piped: no markers"
on_tty search api
is "$STATUS:$OUT" "$(printf '0:2026-11-26\tZoë Lefèvre SARL\t2\tconcern\tworried about the #Budget and the \033[1mAPI\033[22m')" \
	"on a terminal: the match in bold"
NO_COLOR=1 on_tty search api
is "$OUT" "$(printf '2026-11-26\tZoë Lefèvre SARL\t2\tconcern\tworried about the #Budget and the [API]')" \
	"on a terminal with NO_COLOR: the match between [ and ]"
on_tty search nothingmatches
is "$STATUS:$OUT" "1:" "on a terminal too, no match is status 1 and nothing said"

# #budget is the tag, not the word.
run search "#budget"
is "$STATUS:$(echo "$OUT" | cut -f2,4,5)" "$(printf '0:Zoë Lefèvre SARL\tconcern\tworried about the #Budget and the API\nAcme\tneed\ttrim the #budget by March')" \
	"#budget finds the notes tagged budget, newest first, not the word elsewhere"
run search "#budget march"
is "$STATUS:$(echo "$OUT" | cut -f4)" "0:need" "#budget with a word: the tagged notes that hold it"
run search "#nosuchtag"
is "$STATUS:$OUT" "1:" "an unknown tag is no match"

# Hits of an archived client say so.
sqlite3 "$RAPPORT_DB" "UPDATE clients SET archived_at = 1795683600 WHERE name = 'Acme';"
run search march
is "$STATUS:$(echo "$OUT" | cut -f2)" "0:Acme (archived)" "a hit of an archived client says (archived)"
run search api
is "$(echo "$OUT" | cut -f2)" "Zoë Lefèvre SARL" "an active client's hit says nothing more"

done_testing
