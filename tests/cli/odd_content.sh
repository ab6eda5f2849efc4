# odd_content.sh: a database another tool edited.  NULL in NOT NULL columns,
# wrong types, absurd numbers, a damaged page, a 10 MB note, escape and
# bidi bytes in every column: every command gives a sane answer or one
# clear line, never a crash, garbage or a raw control byte.  Also: the
# maximum lengths refused on input, and -o onto special files.
. "$(dirname "$0")/lib.sh"

# hostile DB SQL: run SQL as a tool that ignores rapport's NOT NULL and
# CHECK rules would: the constraints taken out of the schema, the edit made,
# the schema put back byte for byte.
hostile() {
	local db=$1 sql=$2
	plain sqlite3 "$db" "CREATE TABLE saved_schema AS SELECT name, sql FROM sqlite_schema
		WHERE type = 'table' AND sql LIKE '%NOT NULL%';
		PRAGMA writable_schema = ON;
		UPDATE sqlite_schema SET sql = replace(sql, 'NOT NULL', '')
		WHERE type = 'table' AND name <> 'saved_schema';" &&
	plain sqlite3 "$db" "PRAGMA ignore_check_constraints = ON; $sql" &&
	plain sqlite3 "$db" "PRAGMA writable_schema = ON;
		UPDATE sqlite_master AS t SET sql = s.sql FROM saved_schema s WHERE s.name = t.name;" &&
	plain sqlite3 "$db" "DROP TABLE saved_schema;"
}

# sane DESCRIPTION ARGS...: the command ends by itself (exit 0, or 1 with one
# "rapport: " line, or a search 1 with nothing said: it found nothing, as
# grep says), not by a signal or a sanitizer's report.
sane() {
	local desc=$1
	shift
	run "$@"
	if { [ "$STATUS" -eq 0 ] || { [ "$STATUS" -eq 1 ] && [[ $ERR == "rapport: "* ]] &&
		[ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ]; } ||
		{ [ "$1" = search ] && [ "$STATUS" -eq 1 ] && [ -z "$ERR$OUT" ]; }; } &&
		[[ $ERR != *Sanitizer* && $ERR != *"runtime error"* ]]; then
		ok "$desc"
	else
		not_ok "$desc" "status $STATUS" "stderr: ${ERR:0:300}"
	fi
}

rp client add "Zoë Lefèvre SARL" --org Lefèvre --cadence 5-14 >/dev/null
rp plan zoe Kickoff --item Budget:15 --item "Importer:10" \
	--walk "Alice|built the importer|16h|the client's API keys" >/dev/null
rp plan zoe Next --item Budget:10 >/dev/null
rp touch zoe "called about the budget" >/dev/null
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = 1795683600, ended_at = 1795686000 WHERE id = 1;
INSERT INTO notes (meeting_id, at, kind, text) VALUES
  (1, 1795683660, 'decision', 'go with the phased budget'),
  (1, 1795683720, 'question', 'can we self-host the budget'),
  (1, 1795683840, 'action', 'send the budget @me ^fri'),
  (1, 1795683900, 'private', 'they seem tense'),
  (2, 1795683900, 'note', 'prep: ask about the budget');
UPDATE notes SET phase = 'prep' WHERE meeting_id = 2;
INSERT INTO note_topics (note_id, topic) VALUES (1, 'budget');
INSERT INTO followups (client_id, meeting_id, note_id, text, owner, due, created_at)
  VALUES (1, 1, 3, 'send the budget', 'me', '2026-11-27', 1795683840);
INSERT INTO facts (client_id, kind, text, learned_at, meeting_id)
  VALUES (1, 'travel', 'back from Bali, budget trip', 1795683960, 1);
INSERT INTO talk_segments (meeting_id, speaker, started_at, ended_at)
  VALUES (1, 'you', 1795683600, 1795683700);"
cp "$RAPPORT_DB" "$T/seed.db"

# Every reading command and export format.
readers=("clients" "prep zoe" "search budget" "search --best budget" "export 1 --format md"
	"export 1 --format json" "export 1 --format ics" "export 1 --format json --include-private")

# 1. NULL in every NOT NULL column rapport reads.
hostile "$RAPPORT_DB" "
UPDATE clients SET name = NULL, cadence_min = NULL, cadence_max = NULL, created_at = NULL;
UPDATE meetings SET title = NULL, state = NULL, created_at = NULL;
UPDATE agenda_items SET title = NULL, position = NULL, status = NULL, carry_count = NULL,
  spent_seconds = NULL;
UPDATE walkthroughs SET member = NULL, did = NULL, position = NULL;
UPDATE notes SET text = NULL, kind = NULL, at = NULL;
UPDATE facts SET text = NULL, kind = NULL, learned_at = NULL;
UPDATE followups SET text = NULL, status = NULL, created_at = NULL;
UPDATE touchpoints SET text = NULL, at = NULL;
UPDATE talk_segments SET speaker = NULL, started_at = NULL;"
nulls=$(plain sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM pragma_quick_check('100')
	WHERE quick_check LIKE 'NULL value%'")
[ "$nulls" -gt 20 ] && ok "the fixture holds NULLs where the schema says NOT NULL ($nulls)" ||
	not_ok "the fixture holds NULLs where the schema says NOT NULL" "quick_check found $nulls"
for r in "${readers[@]}"; do
	# shellcheck disable=SC2086
	sane "NULLs: $r" $r
done
# The meeting is found by its client even with a NULL client name: prep
# names it by its start, which the NULL made "".
run export 1 --format md
like "$OUT" "*## Actions*" "NULLs: the Markdown recap still has its sections"

# 2. Wrong types, huge values, negative positions and minutes.
cp "$T/seed.db" "$RAPPORT_DB"
hostile "$RAPPORT_DB" "
UPDATE clients SET org = x'1b5b326a', cadence_min = 'often', cadence_max = -3;
UPDATE meetings SET title = x'00ff', started_at = 9e18, planned_minutes = -1 WHERE id = 1;
UPDATE meetings SET planned_at = 6918798400000000 WHERE id = 2;
UPDATE agenda_items SET timebox_minutes = -1, position = -2 WHERE title = 'Budget';
UPDATE agenda_items SET timebox_minutes = 9e18 WHERE title = 'Importer';
UPDATE walkthroughs SET minutes = -7;
UPDATE notes SET at = 'yesterday' WHERE kind = 'decision';
UPDATE notes SET at = -9223372036854775808 WHERE kind = 'question';
UPDATE facts SET learned_at = 6918798400000000, text = 42;
UPDATE followups SET due = '219250468-01-00';
UPDATE touchpoints SET at = 9e18;
UPDATE talk_segments SET started_at = -9e18, ended_at = 9223372036854775807;"
for r in "${readers[@]}"; do
	# shellcheck disable=SC2086
	sane "wrong types and absurd numbers: $r" $r
done
run prep zoe
like "$OUT" "*(invalid)*" "prep: an absurd time shows as (invalid)"
is "$(printf '%s' "$OUT" | grep -c -e 219250468 -e '-1'"'")" 0 "prep: no garbage date, no timebox of -1'"
like "$OUT" "*Budget ?*" "prep: a timebox outside 1..1440 minutes shows as ?"
run clients
is "$(printf '%s' "$OUT" | cut -f3-5)" "$(printf '5-14\t(invalid)\tno contact yet')" \
	"clients: a cadence that is none reads as the default, a last contact of 9e18 as (invalid), no gap from it"
run export 1 --format json
like "$OUT" '*"started_at": null*"timebox_minutes": null*' \
	"JSON: an absurd time and a negative timebox are null"
# A second before the year 1: strftime would write year 0; the Markdown
# says (invalid), so JSON says null.
hostile "$RAPPORT_DB" "UPDATE meetings SET ended_at = -62135596801 WHERE id = 1;"
run export 1 --format json
like "$OUT" '*"ended_at": null*' "JSON: a time before the year 1 is null, as in the Markdown"

# 3. A damaged page: every reader says so in one line, never partial data.
damage() {  # damage DB TABLE: junk over the root page of TABLE
	local db=$1 page size
	page=$(plain sqlite3 "$db" "SELECT rootpage FROM sqlite_schema WHERE name = '$2'")
	size=$(plain sqlite3 "$db" "PRAGMA page_size")
	head -c 4000 /dev/zero | tr '\0' '\377' |
		dd of="$db" bs=1 seek=$(((page - 1) * size + 8)) conv=notrunc status=none
}
cp "$T/seed.db" "$RAPPORT_DB"
for i in $(seq 1 40); do
	echo "INSERT INTO notes (meeting_id, at, kind, text) VALUES (1, 1795684000 + $i, 'note',
		printf('%.600c', 'n') || ' budget $i');"
done | plain sqlite3 "$RAPPORT_DB"
cp "$RAPPORT_DB" "$T/many.db"
# Each reader on what it reads: clients reads the clients table and, for the
# last contact, meetings_held alone (schema 12), no longer the meetings table
# itself, whose damage prep meets.
for what in "clients:clients" "meetings_held:clients" "meetings:prep zoe" "facts:prep zoe" "notes:search budget" \
	"search_fts_data:search budget"; do
	cp "$T/many.db" "$RAPPORT_DB"
	damage "$RAPPORT_DB" "${what%%:*}"
	before=$(sum "$RAPPORT_DB")
	# shellcheck disable=SC2086
	run ${what#*:}
	like "$STATUS:$OUT:$ERR" "1::rapport: *corrupt*" \
		"a damaged ${what%%:*} b-tree: '${what#*:}' says so, prints nothing else, exit 1"
	is "$(sum "$RAPPORT_DB")" "$before" "a damaged ${what%%:*} b-tree: '${what#*:}' leaves it as it was"
done

# 4. A 10 MB note, fact, title and name: everything ends within seconds, cut.
cp "$T/seed.db" "$RAPPORT_DB"
plain python3 -c "print(('budget plan for the quarter, ' * 400000)[:10485760], end='')" >"$T/big.txt"
hostile "$RAPPORT_DB" "
INSERT INTO notes (meeting_id, at, kind, text) VALUES (1, 1795684100, 'concern', readfile('$T/big.txt'));
INSERT INTO notes (meeting_id, at, kind, text, phase) VALUES (2, 1795684100, 'note', readfile('$T/big.txt'), 'prep');
INSERT INTO facts (client_id, kind, text, learned_at) VALUES (1, 'work', readfile('$T/big.txt'), 1795684100);
UPDATE agenda_items SET title = readfile('$T/big.txt') WHERE title = 'Importer';
UPDATE clients SET org = readfile('$T/big.txt');"
for r in "${readers[@]}"; do
	start=$(date +%s)
	# shellcheck disable=SC2086
	OUT=$(fixed "$NOW" timeout 15 "$RAPPORT_BIN" $r 2>"$T/.err")
	STATUS=$?
	is "$STATUS" 0 "a 10 MB note: '$r' ends (within a 15 s bound, took $(($(date +%s) - start)) s)"
	[ "${#OUT}" -lt 400000 ] && ok "a 10 MB note: '$r' cuts it (${#OUT} bytes out)" ||
		not_ok "a 10 MB note: '$r' cuts it" "${#OUT} bytes out"
done

# 5. ESC, a C1 control (U+009B and a lone 0x9B byte) and U+202E in every
# column but the note text that rapport shows or exports.
cp "$T/seed.db" "$RAPPORT_DB"
bad="x'1b5b33316d' || char(155) || x'9b' || char(8238) || 'budget'"
hostile "$RAPPORT_DB" "
UPDATE clients SET name = $bad || name, org = $bad;
UPDATE meetings SET title = $bad || title;
UPDATE agenda_items SET title = $bad || title;
UPDATE walkthroughs SET member = $bad, did = $bad, depends_on = $bad;
UPDATE notes SET kind = $bad WHERE kind = 'question';
UPDATE notes SET text = $bad || text;
UPDATE note_topics SET topic = $bad;
UPDATE facts SET kind = $bad, text = $bad;
UPDATE followups SET owner = $bad, status = $bad;
UPDATE touchpoints SET text = $bad;"
for r in "${readers[@]}" "clients --archived"; do
	# shellcheck disable=SC2086
	rp $r >"$T/out" 2>&1
	if LC_ALL=C grep -qaP '\x1b|\x9b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$T/out"; then
		not_ok "escapes in every column: '$r' writes no raw ESC, C1 or bidi control" \
			"$(od -c "$T/out" | head -5)"
	else
		ok "escapes in every column: '$r' writes no raw ESC, C1 or bidi control"
	fi
done
on_tty search budget
if printf '%s' "$OUT" | LC_ALL=C grep -qaP '\x9b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\x1b\[3[0-9]m'; then
	not_ok "escapes: search on a terminal writes only its own highlighting"
else
	ok "escapes: search on a terminal writes only its own highlighting"
fi

# 6. The maximum lengths, refused on input, the file untouched.
cp "$T/seed.db" "$RAPPORT_DB"
long() { plain python3 -c "import sys; print('é' * int(sys.argv[1]), end='')" "$1"; }
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: client name is too long (201 characters, at most 200)" \
	"a client name over 200 characters is refused" client add "$(long 201)"
fails 1 "rapport: organisation is too long (201 characters, at most 200)" \
	"an organisation over 200 characters is refused" client add Bob --org "$(long 201)"
fails 1 "rapport: fact is too long (1001 characters, at most 1000)" \
	"a fact over 1000 characters is refused" fact zoe "$(long 1001)"
fails 1 "rapport: touchpoint is too long (2001 characters, at most 2000)" \
	"a touchpoint over 2000 characters is refused" touch zoe "$(long 2001)"
fails 1 "rapport: meeting title is too long (201 characters, at most 200)" \
	"a meeting title over 200 characters is refused" plan zoe "$(long 201)"
fails 1 "rapport: agenda item title is too long (201 characters, at most 200)" \
	"an agenda item title over 200 characters is refused" plan zoe Weekly --item "$(long 201):5"
is "$(sum "$RAPPORT_DB")" "$before" "refused input leaves the database byte for byte"
run fact zoe "$(long 1000)"
is "$STATUS" 0 "a fact of exactly 1000 characters is taken"

# 7. -o onto special files: written to, never renamed over.
cp "$T/seed.db" "$RAPPORT_DB"
# A regression would rename a file over the device: as root, over a
# private node of the same device in the temporary folder, never over the
# machine's /dev/full; as anyone else /dev cannot be written to.
full=
if [ "$(id -u)" -eq 0 ]; then
	mknod -m 0666 "$T/full" c 1 7 2>/dev/null && full=$T/full
elif [ -w /dev/full ] && [ ! -w /dev ]; then
	full=/dev/full
fi
if [ -n "$full" ]; then
	fails 1 "rapport: cannot write $full: No space left on device" \
		"export -o /dev/full --force: one clear line, exit 1" export 1 --format md -o "$full" --force
	[ -c "$full" ] && ok "/dev/full is still a device" || not_ok "/dev/full is still a device"
else
	ok "export -o /dev/full # SKIP no /dev/full that is safe to try here"
	ok "/dev/full is still a device # SKIP no /dev/full that is safe to try here"
fi
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/from-fifo" &
reader=$!
run export 1 --format ics -o "$T/fifo" --force
wait "$reader"
is "$STATUS:$(head -1 "$T/from-fifo" | tr -d '\r')" "0:BEGIN:VCALENDAR" "export -o FIFO: the reader gets the calendar"
[ -p "$T/fifo" ] && ok "the FIFO is still a FIFO" || not_ok "the FIFO is still a FIFO"
OUT=$(rp export 1 --format md -o /dev/stdout 2>&1)
like "$OUT" "# Kickoff — Zoë Lefèvre SARL*" "export -o /dev/stdout writes to standard output"
fails 1 "rapport: $T is a folder" "export -o a folder is refused" export 1 --format md -o "$T"

done_testing
