# hostile.sh: files another program left beside or inside the database (a hot
# journal, a foreign WAL, stored triggers and views, a damaged b-tree) are
# refused with one clear line, and every file is left byte for byte as it was,
# with nothing new beside it.  rapport check says what is wrong.
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
rp fact acme "back from Bali" >/dev/null
rp plan acme Kickoff --item Budget:15 >/dev/null
sqlite3 "$RAPPORT_DB" "INSERT INTO notes (meeting_id, at, kind, text)
	VALUES (1, 0, 'private', 'they seem tense'), (1, 1, 'note', 'budget is fine');"
good="$T/good.db"
cp "$RAPPORT_DB" "$good"
rm -f "$RAPPORT_DB"

# state DIR: every name in DIR and every file's bytes.
state() { (cd "$1" && ls -A && for f in *; do [ -f "$f" ] && cksum <"$f"; done) 2>/dev/null; }

# refused DIR DB WANT DESCRIPTION ARGS...: the command on DB fails with the
# one line WANT, and DIR is as it was.
refused() {
	local dir=$1 db=$2 want=$3 desc=$4 before
	shift 4
	before=$(state "$dir")
	fails 1 "$want" "$desc" --db "$db" "$@"
	is "$(state "$dir")" "$before" "$desc: every file unchanged, nothing new beside it"
}

# --- A hot journal: another program's transaction, cut short -------------
# A rollback-journal copy of the database, changed in a transaction big
# enough to spill into the file, copied (file and journal) while it is open.
mkdir "$T/hot"
cp "$good" "$T/hot/src.db"
sqlite3 "$T/hot/src.db" "PRAGMA journal_mode = DELETE;" >/dev/null
mkfifo "$T/hot/in"
(sqlite3 "$T/hot/src.db" <"$T/hot/in" >/dev/null 2>&1 &)
exec 8>"$T/hot/in"
echo "PRAGMA cache_size = 2; BEGIN; UPDATE clients SET name = 'Uncommitted';
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO touchpoints (client_id, at, text) SELECT 1, 0, hex(randomblob(100)) FROM n;" >&8
for _ in $(seq 50); do [ -s "$T/hot/src.db-journal" ] && break; sleep 0.1; done
sleep 0.5
cp "$T/hot/src.db" "$T/hot/hot.db"
cp "$T/hot/src.db-journal" "$T/hot/hot.db-journal"
echo "ROLLBACK; .quit" >&8
exec 8>&-
sleep 0.3
rm -f "$T/hot/src.db" "$T/hot/in"
hot="$T/hot/hot.db"
is "$(plain sqlite3 "file:$hot?immutable=1" "SELECT name FROM clients")" "Uncommitted" \
	"hot journal: the file itself holds the uncommitted change (the test is real)"
want="rapport: $hot-journal is a hot journal: another program's unfinished change to $hot; rapport will not roll it back"
refused "$T/hot" "$hot" "$want" "hot journal: clients" clients
refused "$T/hot" "$hot" "$want" "hot journal: touch" touch acme "hello"
refused "$T/hot" "$hot" "$want" "hot journal: check" check
chmod 0400 "$hot"
refused "$T/hot" "$hot" "$want" "hot journal, read-only file: clients, not read through it" clients
refused "$T/hot" "$hot" "$want" "hot journal, read-only file: prep" prep acme
refused "$T/hot" "$hot" "$want" "hot journal, read-only file: export" export last
chmod 0600 "$hot"

# The one rollback journal rapport makes: when it turns a new, empty file to
# WAL mode.  Stopped there, it leaves a journal of an empty file; that undoes
# nothing and is no reason to refuse the file.
mkdir "$T/new-hot"
: >"$T/new-hot/src.db"
mkfifo "$T/new-hot/in"
(sqlite3 "$T/new-hot/src.db" <"$T/new-hot/in" >/dev/null 2>&1 &)
exec 8>"$T/new-hot/in"
echo "PRAGMA journal_mode = DELETE; BEGIN; CREATE TABLE t (x);" >&8
for _ in $(seq 50); do [ -s "$T/new-hot/src.db-journal" ] && break; sleep 0.1; done
sleep 0.3
cp "$T/new-hot/src.db" "$T/new-hot/r.db"
cp "$T/new-hot/src.db-journal" "$T/new-hot/r.db-journal"
# SQLite writes the journal's magic once the journal is synced, just before
# it changes the file: the moment a kill leaves it hot.
printf '\331\325\005\371\040\241\143\327' |
	dd of="$T/new-hot/r.db-journal" bs=1 conv=notrunc 2>/dev/null
echo "ROLLBACK; .quit" >&8
exec 8>&-
sleep 0.3
run --db "$T/new-hot/r.db" client add Acme
is "$STATUS:$ERR" "0:" "the journal of a new, empty file is not refused"
is "$(ls -A "$T/new-hot" | grep -c 'r.db-journal')" 0 "and it is gone once rapport has made the file"

# --- A WAL that is not this database's ------------------------------------
# wal_of DB SQL: run SQL on DB in WAL mode and keep the -wal it leaves (the
# shell holds the connection open while the WAL is copied).
wal_of() {
	local db=$1 sql=$2 first=${3:-}
	mkfifo "$T/w.in"
	(sqlite3 "$db" <"$T/w.in" >/dev/null 2>&1 &)
	exec 7>"$T/w.in"
	echo "$first PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; $sql" >&7
	for _ in $(seq 50); do [ -s "$db-wal" ] && break; sleep 0.1; done
	sleep 0.3
	cp "$db-wal" "$db.kept"
	echo ".quit" >&7
	exec 7>&-
	sleep 0.3
	rm -f "$T/w.in"
}
mkdir "$T/wal"
wal_of "$T/wal/small-pages.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);" "PRAGMA page_size = 1024;"
wal_of "$T/wal/other.db" "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');"
mkdir "$T/w"
cp "$good" "$T/w/r.db"
w="$T/w/r.db"
cp "$T/wal/small-pages.db.kept" "$w-wal"
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (its pages are 1024 bytes, the database's 4096); rapport will not apply it" \
	"a WAL of another page size: clients" clients
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (its pages are 1024 bytes, the database's 4096); rapport will not apply it" \
	"a WAL of another page size: touch" touch acme "hello"
cp "$T/wal/other.db.kept" "$w-wal"
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (it would make it another database); rapport will not apply it" \
	"another database's WAL, of the same page size" clients
printf 'these are not the pages you are looking for' >"$w-wal"
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (it is not a SQLite write-ahead log); rapport will not apply it" \
	"a WAL that is not a WAL" clients
cp "$T/wal/other.db.kept" "$w-wal"
printf '\001' | dd of="$w-wal" bs=1 seek=16 conv=notrunc 2>/dev/null  # a salt byte
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (its header checksum is wrong); rapport will not apply it" \
	"a WAL whose header checksum is wrong" touch acme "hello"
cp "$T/wal/other.db.kept" "$w-wal"
printf '\000\055\306\331' | dd of="$w-wal" bs=1 seek=4 conv=notrunc 2>/dev/null  # 3000025
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (it is from another version of the write-ahead log format); rapport will not apply it" \
	"a WAL of another format version" clients
: >"$w"
cp "$T/wal/other.db.kept" "$w-wal"
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (it holds pages, but the database file is empty); rapport will not apply it" \
	"an empty database beside a WAL with pages" client add Bob
refused "$T/w" "$w" "rapport: $w-wal does not belong to $w (it holds pages, but the database file is empty); rapport will not apply it" \
	"an empty database beside a WAL with pages: check" check

# --- Through a symbolic link ----------------------------------------------
# SQLite follows a link and keeps its -journal and -wal beside the target:
# that is where rapport looks, and a link to a hot journal or a foreign WAL
# is refused as the file itself is.
mkdir "$T/link" "$T/lw"
cp "$good" "$T/lw/r.db"
cp "$T/wal/other.db.kept" "$T/lw/r.db-wal"
ln -s "$hot" "$T/link/hot.db"
ln -s "$T/lw/r.db" "$T/link/w.db"
before=$(state "$T/hot")
refused "$T/lw" "$T/link/hot.db" "rapport: $(realpath "$hot")-journal is a hot journal: another program's unfinished change to $T/link/hot.db; rapport will not roll it back" \
	"a link to a file with a hot journal: clients" clients
refused "$T/lw" "$T/link/hot.db" "rapport: $(realpath "$hot")-journal is a hot journal: another program's unfinished change to $T/link/hot.db; rapport will not roll it back" \
	"a link to a file with a hot journal: check" check
is "$(state "$T/hot")" "$before" "a link to a file with a hot journal: the journal not rolled back"
refused "$T/lw" "$T/link/w.db" "rapport: $(realpath "$T/lw/r.db")-wal does not belong to $T/link/w.db (it would make it another database); rapport will not apply it" \
	"a link to a file beside another database's WAL: clients" clients
refused "$T/lw" "$T/link/w.db" "rapport: $(realpath "$T/lw/r.db")-wal does not belong to $T/link/w.db (it would make it another database); rapport will not apply it" \
	"a link to a file beside another database's WAL: touch" touch acme "hello"

# --- A WAL a reader finds --------------------------------------------------
# Another rapport database's WAL passes every check (the two would need an
# id of their own to be told apart): a reading command reads it, but never
# checkpoints it into the file, and makes nothing beside it.
mkdir "$T/rw"
cp "$good" "$T/rw/other.db"
wal_of "$T/rw/other.db" "UPDATE clients SET name = 'Other';"
cp "$good" "$T/rw/r.db"
mv "$T/rw/other.db.kept" "$T/rw/r.db-wal"
rm -f "$T/rw/other.db"*
before=$(state "$T/rw")
run --db "$T/rw/r.db" clients
like "$STATUS:$OUT" "0:*Other*" "a WAL found beside the file: read (the test is real)"
run --db "$T/rw/r.db" check
is "$STATUS" 0 "a WAL found beside the file: check reads it"
is "$(state "$T/rw")" "$before" "a WAL found beside the file: not checkpointed by a reader, no -shm made"
# A read-only file with such a WAL and no -shm: SQLite would make a -shm
# to read it, so it is refused, and nothing is made.
chmod 0400 "$T/rw/r.db"
refused "$T/rw" "$T/rw/r.db" "rapport: database $T/rw/r.db has unsaved changes in its -wal and is read-only: open it once with write access" \
	"a read-only file with WAL frames and no -shm: clients" clients
refused "$T/rw" "$T/rw/r.db" "rapport: database $T/rw/r.db has unsaved changes in its -wal and is read-only: open it once with write access" \
	"a read-only file with WAL frames and no -shm: check" check
chmod 0600 "$T/rw/r.db"

# --- Code stored in the file ----------------------------------------------
mkdir "$T/code"
c="$T/code/r.db"
hostile() { rm -f "$c"*; cp "$good" "$c"; sqlite3 "$c" "$1"; }
hostile "CREATE TRIGGER leak AFTER INSERT ON notes WHEN new.kind = 'private' BEGIN
	INSERT INTO facts (client_id, text, learned_at) VALUES (1, new.text, 0); END;"
want="rapport: database $c: trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file"
refused "$T/code" "$c" "$want" "a stored trigger that copies private notes: meet" meet acme
refused "$T/code" "$c" "$want" "a stored trigger: touch" touch acme "hello"
refused "$T/code" "$c" "$want" "a stored trigger: export" export last
refused "$T/code" "$c" "$want" "a stored trigger: search" search tense
before=$(state "$T/code")
run --db "$c" check
is "$STATUS:$OUT" "1:trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file" \
	"check names the stored trigger"
is "$(state "$T/code")" "$before" "check changes nothing"

# The same trigger still in the WAL of a copy (file and WAL, no -shm): the
# WAL is read without making a -shm, and nothing is checkpointed.
rm -f "$c"*
cp "$good" "$T/code/src.db"
sqlite3 "$T/code/src.db" "PRAGMA journal_mode = WAL;" >/dev/null
wal_of "$T/code/src.db" "CREATE TRIGGER leak AFTER INSERT ON notes BEGIN SELECT 1; END;"
cp "$T/code/src.db" "$c"
mv "$T/code/src.db.kept" "$c-wal"
rm -f "$T/code/src.db"*
refused "$T/code" "$c" "rapport: database $c: trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file" \
	"a stored trigger still in the WAL: touch" touch acme "hello"
refused "$T/code" "$c" "rapport: database $c: trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file" \
	"a stored trigger still in the WAL: clients" clients
before=$(state "$T/code")
run --db "$c" check
is "$STATUS:$OUT" "1:trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file" \
	"check sees the trigger in the WAL"
is "$(state "$T/code")" "$before" "check of a WAL: every file unchanged, nothing new beside it"
# A change of rapport's own, still in the WAL, is read and kept.
rm -f "$c"*
cp "$good" "$T/code/src.db"
sqlite3 "$T/code/src.db" "PRAGMA journal_mode = WAL;" >/dev/null
wal_of "$T/code/src.db" "UPDATE clients SET org = 'In The WAL';"
cp "$T/code/src.db" "$c"
mv "$T/code/src.db.kept" "$c-wal"
rm -f "$T/code/src.db"*
run --db "$c" touch acme "hello"
is "$STATUS:$ERR" "0:" "a WAL of rapport's own beside a copy: accepted"
is "$(sqlite3 "$c" "SELECT org FROM clients")" "In The WAL" "and what it held is kept"

hostile "CREATE VIEW private_notes AS SELECT text FROM notes WHERE kind = 'private';"
refused "$T/code" "$c" "rapport: database $c: view \"private_notes\" is not one of rapport's, and rapport runs no code from a file" \
	"a stored view" clients

hostile "PRAGMA foreign_keys = OFF; DROP TABLE notes;
	CREATE VIEW notes AS SELECT 1 AS id, 1 AS meeting_id, NULL AS item_id, 'live' AS phase,
	0 AS at, 'note' AS kind, 'x' AS text;
	CREATE TRIGGER notes_insert INSTEAD OF INSERT ON notes BEGIN SELECT 1; END;"
before=$(state "$T/code")
run --db "$c" touch acme "hello"
like "$STATUS:$ERR" "1:rapport: database $c: *" "notes replaced by a view: refused"
run --db "$c" check
like "$OUT" "*\"notes\" is a view where rapport has a table*" "check: notes is a view, not a table"
like "$OUT" "*trigger \"notes_insert\" on notes is not one of rapport's*" "check: its INSTEAD OF trigger is named"
like "$OUT" "*rapport's trigger \"notes_search_ai\" is missing*" "check: the triggers that went with the table are missing"
is "$STATUS" 1 "check: problems are exit status 1"
is "$(state "$T/code")" "$before" "notes replaced by a view: every file unchanged"

hostile "DROP TRIGGER notes_search_ai;
	CREATE TRIGGER notes_search_ai AFTER INSERT ON notes BEGIN
	INSERT INTO facts (client_id, text, learned_at) VALUES (1, new.text, 0); END;"
refused "$T/code" "$c" "rapport: database $c: trigger \"notes_search_ai\" is not the one rapport created" \
	"one of rapport's triggers with another body" touch acme "hello"

# The search index's own tables may be worded by another SQLite, but hold
# no code: one given a DEFAULT expression is refused.
hostile "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = 'CREATE TABLE ''search_fts_docsize''(id INTEGER PRIMARY KEY,'
	|| ' sz BLOB DEFAULT (randomblob(8)))' WHERE name = 'search_fts_docsize';"
refused "$T/code" "$c" "rapport: database $c: table \"search_fts_docsize\" is not the one rapport created" \
	"a search index table given an expression" touch acme "hello"
hostile "PRAGMA writable_schema = ON;
	UPDATE sqlite_schema SET sql = 'CREATE TABLE \"search_fts_docsize\"(id INTEGER PRIMARY KEY, sz BLOB)'
	WHERE name = 'search_fts_docsize';"
run --db "$c" touch acme "hello"
is "$STATUS:$ERR" "0:" "a search index table worded otherwise, without code: accepted"

hostile "CREATE TABLE my_own (x);"
refused "$T/code" "$c" "rapport: database $c: table \"my_own\" is not one of rapport's" \
	"a table rapport did not create" clients

hostile "ANALYZE;"
run --db "$c" touch acme "after analyze"
is "$STATUS:$ERR" "0:" "planner statistics (ANALYZE) are not code: accepted"
run --db "$c" check
is "$STATUS:$OUT" "0:ok" "check: a whole database is ok"

# --- A damaged notes b-tree -------------------------------------------------
mkdir "$T/bad"
b="$T/bad/r.db"
cp "$good" "$b"
root=$(sqlite3 "$b" "SELECT rootpage FROM sqlite_schema WHERE name = 'notes'")
size=$(sqlite3 "$b" "PRAGMA page_size")
head -c 64 /dev/zero | tr '\0' '\377' |
	dd of="$b" bs=1 seek=$(((root - 1) * size + 8)) conv=notrunc 2>/dev/null
want_start="rapport: database $b is damaged ("
for cmd in "meet acme" "touch acme hello" "fact acme likes-tea" "client add Bob"; do
	before=$(state "$T/bad")
	# shellcheck disable=SC2086
	run --db "$b" $cmd
	like "$STATUS:$ERR" "1:$want_start*); nothing was written to it (rapport check tells more)" \
		"a damaged notes b-tree: $cmd refuses"
	is "$(state "$T/bad")" "$before" "a damaged notes b-tree: $cmd leaves every file unchanged"
done
before=$(state "$T/bad")
run --db "$b" check
like "$STATUS:$OUT" "1:*table notes is damaged*" "check names the damaged table"
is "$(state "$T/bad")" "$before" "check on a damaged file changes nothing"
fails 1 "rapport: no database at $T/none.db" "check without a database" --db "$T/none.db" check
fails 2 "rapport: check takes no arguments (see rapport --help)" "check takes no arguments" check now

# --- Reading commands on a 0400 file -----------------------------------------
mkdir "$T/ro"
ro="$T/ro/r.db"
cp "$good" "$ro"
chmod 0400 "$ro"
before=$(state "$T/ro")
for cmd in clients "prep acme" "search budget" "export last" check; do
	# shellcheck disable=SC2086
	run --db "$ro" $cmd
	is "$STATUS:$ERR" "0:" "a 0400 database: $cmd works"
done
is "$(state "$T/ro")" "$before" "a 0400 database: reading leaves every file unchanged"
nobody() { plain setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/ "$@"; }
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null &&
	chmod 0755 "$T" && mkdir -m 0755 "$T/bin" && cp "$RAPPORT_BIN" "$T/bin/rapport" &&
	chmod 0755 "$T/bin/rapport" && nobody "$T/bin/rapport" --version >/dev/null 2>&1; then
	chown -R 65534:65534 "$T/ro"
	for cmd in clients "prep acme" "search budget" "export last" check; do
		# shellcheck disable=SC2086
		out=$(nobody env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$NOW" "$T/bin/rapport" \
			--db "$ro" $cmd 2>&1 >/dev/null); status=$?
		is "$status:$out" "0:" "a 0400 database, not as root: $cmd works"
	done
	is "$(state "$T/ro")" "$before" "a 0400 database, not as root: every file unchanged"
	chmod 0700 "$T"
else
	chmod 0700 "$T"
	ok "a 0400 database, not as root # SKIP needs root, setpriv, and a binary a second user can run"
fi

# --- The folder is synced when the file and its WAL are created ---------------
if command -v strace >/dev/null && plain strace -o /dev/null true 2>/dev/null; then
	mkdir "$T/new"
	ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0 plain strace -f -o "$T/strace.log" -e trace=openat,fsync,fdatasync \
		"$RAPPORT_BIN" --db "$T/new/r.db" client add Acme >/dev/null 2>&1
	# After the file (then the WAL) is created, the folder is opened and synced.
	synced_after() {
		awk -v file="\"$T/new/$1\"" -v dir="\"$T/new\"" '
			index($0, "openat(") && index($0, file ",") && /O_CREAT/ { made = 1 }
			made && index($0, "openat(") && index($0, dir ",") && /= [0-9]+$/ {
				fd = $NF; opened = 1 }
			made && opened && $0 ~ "f(data)?sync\\(" fd "\\)" { print "synced"; exit }
		' "$T/strace.log"
	}
	is "$(synced_after r.db)" synced "the folder is synced after the database file is created"
	is "$(synced_after r.db-wal)" synced "the folder is synced after the WAL is created"
else
	ok "the folder is synced after the database file is created # SKIP no usable strace"
	ok "the folder is synced after the WAL is created # SKIP no usable strace"
fi

done_testing
