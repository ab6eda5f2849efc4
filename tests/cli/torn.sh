# torn.sh: what a power cut leaves while a database is made is not taken
# for another program's file.  A new file whose first write was torn (its
# header never reached the disk) beside the hot journal of the empty file
# it was is what SQLite rolls back to empty; a -wal whose foreign-looking
# page 1 is in frames SQLite's recovery drops (a broken checksum chain, no
# commit after them) is not held against the file.  Real foreign files are
# still refused, byte for byte as they were.
. "$(dirname "$0")/lib.sh"
export RAPPORT_NO_SNAPSHOT=1

state() { (cd "$1" && ls -A && for f in *; do [ -f "$f" ] && cksum <"$f"; done) 2>/dev/null; }

# journal FILE PAGES: a rollback journal's 512-byte header, hot (its magic
# set), for a change to a file that was PAGES pages of 4096 bytes.
journal() {
	{
		printf '\331\325\005\371\040\241\143\327'  # the magic
		printf '\000\000\000\000\073\373\027\104'  # no page yet; the nonce
		printf "\\000\\000\\000\\$(printf %03o "$2")"  # the size before, in pages
		printf '\000\000\002\000\000\000\020\000'  # sector and page sizes
		head -c 484 /dev/zero
	} >"$1"
}

# --- A new file torn while it was turned to WAL mode ----------------------
mkdir "$T/new"
n="$T/new/r.db"
head -c 2048 /dev/zero >"$n"
journal "$n-journal" 0
run --db "$n" client add Acme
is "$STATUS:$ERR" "0:" "a torn new file beside the hot journal of an empty file is made a database"
run --db "$n" clients
like "$STATUS:$OUT" "0:Acme*" "and it holds what was saved since"
is "$(ls -A "$T/new")" "r.db" "and the journal is gone"

mkdir "$T/z"
z="$T/z/r.db"
head -c 2048 /dev/zero >"$z"
before=$(state "$T/z")
fails 1 "rapport: $z is not a SQLite database" "a file of zeros with no journal is still refused" \
	--db "$z" client add Acme
is "$(state "$T/z")" "$before" "and left as it was"
journal "$z-journal" 1
before=$(state "$T/z")
fails 1 "rapport: $z is not a SQLite database" \
	"a file of zeros beside the journal of a file that was not empty is refused" \
	--db "$z" client add Acme
is "$(state "$T/z")" "$before" "and left as it was"
head -c 8192 /dev/zero >"$z"
journal "$z-journal" 0
before=$(state "$T/z")
fails 1 "rapport: $z is not a SQLite database" \
	"a file of zeros longer than the page SQLite was writing is refused" --db "$z" client add Acme
is "$(state "$T/z")" "$before" "and left as it was"
printf 'my shopping list' >"$z"
before=$(state "$T/z")
fails 1 "rapport: $z is not a SQLite database" \
	"a text file beside the hot journal of an empty file is refused" --db "$z" client add Acme
is "$(state "$T/z")" "$before" "and left as it was"

# --- Another program's page 1, in frames recovery drops -------------------
rp client add Acme >/dev/null
mkdir "$T/o" "$T/w"
plain sqlite3 "$T/o/other.db" "PRAGMA journal_mode = WAL;" >/dev/null
plain sqlite3 "$T/o/other.db" "PRAGMA wal_autocheckpoint = 0;" \
	"BEGIN; CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup'); COMMIT;" \
	".shell sleep 30" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do [ -s "$T/o/other.db-wal" ] && break; sleep 0.1; done
sleep 0.3
kill -9 "$pid"
wait "$pid" 2>/dev/null
wal="$T/o/other.db-wal"
cp "$RAPPORT_DB" "$T/w/r.db"
w="$T/w/r.db"
cp "$wal" "$w-wal"
before=$(state "$T/w")
fails 1 "rapport: $w-wal does not belong to $w (it would make it another database); rapport will not apply it" \
	"another program's committed page 1 is refused" --db "$w" clients
is "$(state "$T/w")" "$before" "and every file is left as it was"
# Break the checksum chain in the last frame, the commit: what comes before
# it is then an unfinished transaction, which SQLite drops.
size=$(stat -c %s "$wal")
cp "$wal" "$w-wal"
printf '\377' | dd of="$w-wal" bs=1 seek=$((size - 1)) conv=notrunc 2>/dev/null
run --db "$w" clients
like "$STATUS:$OUT" "0:Acme*" "the same page 1 in a transaction with no valid commit is not held against the file"
cp "$wal" "$w-wal"
printf '\000\000\000\000' | dd of="$w-wal" bs=1 seek=$((size - 4096 - 20)) conv=notrunc 2>/dev/null
run --db "$w" clients
like "$STATUS:$OUT" "0:Acme*" "nor with its commit mark gone"

done_testing
