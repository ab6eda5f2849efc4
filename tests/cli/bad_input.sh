# bad_input.sh: bad input gets one clear line, a non-zero status, and the
# database stays byte-for-byte as it was.
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
rp plan acme Kickoff --item Budget:15 >/dev/null
db="$RAPPORT_DB"
before=$(sum "$db")

# unchanged DESCRIPTION: the database file has the bytes it had before.
unchanged() { is "$(sum "$db")" "$before" "$1: the database is unchanged"; }

fails 1 "rapport: client name is not valid UTF-8" "a name that is not UTF-8" \
	client add $'Caf\xe9'
unchanged "invalid UTF-8"
fails 1 "rapport: client name is empty" "an empty name" client add ""
fails 1 "rapport: client name is empty" "a blank name" client add "   "
long=$(printf 'x%.0s' $(seq 1 5000))
fails 1 "rapport: client name is too long (5000 characters, at most 200)" "an absurdly long name" \
	client add "$long"
fails 1 "rapport: client name contains control characters" "an escape sequence in a name" \
	client add $'Evil\e[2J\e]0;owned\a'
fails 1 "rapport: organisation is not valid UTF-8" "an organisation that is not UTF-8" \
	client add Fine --org $'\xc3\x28'
fails 1 "rapport: cadence must be MIN-MAX days, like 5-14" "a cadence that is not MIN-MAX" \
	client add Fine --cadence 5-
fails 1 "rapport: cadence 14-5: the minimum is more than the maximum" "a cadence upside down" \
	client add Fine --cadence 14-5
fails 1 "rapport: client name is empty" "a name of combining marks only" \
	client add $'\u0301\u0302'
fails 1 "rapport: client name is empty" "a name of zero-width and no-break spaces" \
	client add $'\u200b\u00a0\u2060'
fails 1 "rapport: client name is empty" "a client query that looks empty matches nobody" \
	touch $'\u0301' "hello"
fails 1 "rapport: client name is too long (2000 characters, at most 200)" \
	"an absurdly long client query" touch "$(printf 'y%.0s' $(seq 1 2000))" "hello"
fails 1 "rapport: touchpoint contains control characters" "a touchpoint with an escape" \
	touch acme $'hi\e[31m'
fails 1 'rapport: meeting title is not valid UTF-8' "a title that is not UTF-8" \
	plan acme $'\xff\xfe'
fails 1 'rapport: client name is not valid UTF-8' "a client query that is not UTF-8" \
	touch $'\x80' "hello"
unchanged "every bad argument above"

# Not a file at all.
mkfifo "$T/fifo.db"
fails 1 "rapport: $T/fifo.db is not a regular file" "a FIFO is refused, not read forever" \
	--db "$T/fifo.db" clients
fails 1 "rapport: /dev/null is not a regular file" "a device is refused" \
	--db /dev/null client add X

# A file that is not a SQLite database at all.
printf 'dear diary\n' >"$T/diary.db"
d=$(sum "$T/diary.db")
fails 1 "rapport: $T/diary.db is not a SQLite database" "not a database: writing" \
	--db "$T/diary.db" client add Bob
fails 1 "rapport: $T/diary.db is not a SQLite database" "not a database: reading" \
	--db "$T/diary.db" clients
is "$(sum "$T/diary.db")" "$d" "not a database: the file is unchanged"

# Another program's SQLite database.
sqlite3 "$T/other.db" "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');"
o=$(sum "$T/other.db")
fails 1 "rapport: $T/other.db is a SQLite database, but not one of rapport's" \
	"another program's database" --db "$T/other.db" client add Bob
is "$(sum "$T/other.db")" "$o" "another program's database is unchanged"

# A database from a newer rapport.
mkdir "$T/nd"
cp "$db" "$T/nd/newer.db"
sqlite3 "$T/nd/newer.db" "PRAGMA user_version = $((SCHEMA + 1));"
mv "$T/nd/newer.db" "$T/newer.db"
rmdir "$T/nd"
n=$(sum "$T/newer.db")
listing=$(ls -A "$T")
fails 1 "rapport: database $T/newer.db is from a newer rapport (schema $((SCHEMA + 1)); this one knows $SCHEMA)" \
	"a newer schema: writing" --db "$T/newer.db" client add Bob
fails 1 "rapport: database $T/newer.db is from a newer rapport (schema $((SCHEMA + 1)); this one knows $SCHEMA)" \
	"a newer schema: reading" --db "$T/newer.db" export last
is "$(sum "$T/newer.db")" "$n" "a newer schema: the file is unchanged"
is "$(ls -A "$T")" "$listing" "a newer schema: no file appears beside it"

# A database another program keeps locked past the busy timeout.
mkfifo "$T/hold"
(sqlite3 "$db" <"$T/hold" >/dev/null 2>&1 &)
exec 9>"$T/hold"
echo "BEGIN EXCLUSIVE; INSERT INTO touchpoints (client_id, at, text) VALUES (1, 0, 'x');" >&9
sleep 0.5
before_lock=$(sum "$db")
fails 1 "rapport: database $db is locked by another program (waited 3 s while adding a client)" \
	"a locked database" client add Bob
is "$(sum "$db")" "$before_lock" "a locked database is unchanged"
echo "ROLLBACK; .quit" >&9
exec 9>&-
sleep 0.5
unchanged "after the lock"

# A read-only database: reading works, writing says why.
chmod 0444 "$db"
fails 1 "rapport: database $db is read-only" "a read-only database refuses a write" \
	client add Bob
run clients
is "$STATUS:$OUT" "$(printf '0:Acme\t-\t5-14\tnever\tno contact yet\ten')" "a read-only database can still be read"
run export last
is "$STATUS" 0 "a read-only database can still be exported"
run export last --format ics
like "$STATUS:$OUT" "0:BEGIN:VCALENDAR*" "a read-only database can still be exported to a calendar (nothing remembered)"
run prep acme
is "$STATUS:$ERR" "0:" "a read-only database can still be prepared from"
run check
is "$STATUS:$OUT" "0:ok" "a read-only database can still be checked"
chmod 0644 "$db"
unchanged "read-only"
is "$(ls -A "$T" | grep -c 'rapport.db-')" 0 "reading a read-only database leaves no -wal or -shm"
run client add AfterReadOnly
is "$STATUS" 0 "once writable again, writing works"
rp touch afterreadonly "undo" >/dev/null
sqlite3 "$db" "DELETE FROM clients WHERE name = 'AfterReadOnly';"
before=$(sum "$db")

# A read-only database in a read-only folder, as a user who is not root:
# it can still be read, and nothing appears beside it.
# The build tree may sit where that user cannot go (a clone under a 0700
# home): the binary is copied beside the database for the test.
nobody() { plain setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/ "$@"; }
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	chmod 0755 "$T" && mkdir -m 0755 "$T/bin" && cp "$RAPPORT_BIN" "$T/bin/rapport" &&
	chmod 0755 "$T/bin/rapport" && nobody env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$NOW" "$T/bin/rapport" --version >/dev/null 2>&1; then
	mkdir "$T/locked-folder"
	cp "$db" "$T/locked-folder/r.db"
	chown -R 65534:65534 "$T/locked-folder"
	chmod 0444 "$T/locked-folder/r.db"
	chmod 0555 "$T/locked-folder"
	as_nobody() { nobody env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$NOW" "$T/bin/rapport" --db "$T/locked-folder/r.db" "$@"; }
	out=$(as_nobody clients 2>&1); status=$?
	is "$status:$out" "$(printf '0:Acme\t-\t5-14\tnever\tno contact yet\ten')" "a read-only folder: reading works"
	out=$(as_nobody prep acme 2>&1 >/dev/null); status=$?
	is "$status:$out" "0:" "a read-only folder: prep works"
	out=$(as_nobody client add Bob 2>&1); status=$?
	is "$status:$out" "1:rapport: database $T/locked-folder/r.db is read-only" \
		"a read-only folder: writing says why"
	is "$(ls -A "$T/locked-folder")" "r.db" "a read-only folder: nothing appears in it"
	chmod 0700 "$T/locked-folder" "$T"
else
	chmod 0700 "$T"
	why="needs root, setpriv, and a copy of the binary a second user can run"
	ok "a read-only folder: reading works # SKIP $why"
	ok "a read-only folder: prep works # SKIP $why"
	ok "a read-only folder: writing says why # SKIP $why"
	ok "a read-only folder: nothing appears in it # SKIP $why"
fi

# Text that reached the database some other way never reaches the terminal raw.
sqlite3 "$db" "UPDATE clients SET name = 'Ev' || char(27) || ']0;pwned' || char(7) || 'il' || char(155) || '2J' WHERE id = 1;"
run clients
is "$(printf '%s' "$OUT" | tr -d '\n' | LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]')" 0 \
	"clients: no control character from stored text reaches the terminal"
like "$OUT" "Ev*]0;pwned*il*2J*" "clients: the rest of the stored name is still shown"
run export last
is "$(printf '%s' "$OUT" | LC_ALL=C grep -c $'[\x01-\x08\x0b-\x1f\x7f]\|\xc2[\x80-\x9f]')" 0 \
	"export: no control character from stored text reaches the terminal"

# No database yet: nothing is created by reading or by bad input.
export RAPPORT_DB="$T/none/rapport.db"
mkdir -p "$T/none"
run clients
is "$STATUS:$OUT:$ERR" "0::" "clients without a database: nothing, and no error"
fails 1 'rapport: no client matches "acme" (there are no clients yet)' \
	"a command about a client without a database" touch acme "hi"
fails 1 "rapport: there are no meetings yet" "export without a database" export last
fails 1 "rapport: client name is empty" "a bad name without a database" client add ""
is "$(ls -A "$T/none")" "" "no database was created by any of these"

done_testing
