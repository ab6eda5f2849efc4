# backup.sh: rapport backup, rapport restore and the daily snapshots, on
# real files.  Every date expected is computed from the fixed clock.
. "$(dirname "$0")/lib.sh"

today=$(plain date -d "$NOW" +%F)
snaps="$HOME/.local/state/rapport/snapshots"
mode() { stat -c %a "$1"; }
# rows DB: the schema, then every row of every table (virtual tables aside:
# their rows are their shadow tables'), each table in the order of all its
# columns, so two files that hold the same compare equal however their
# pages are laid out.
rows() {
	local t n
	sqlite3 -quote "$1" "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name"
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table'
			AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"); do
		n=$(sqlite3 "$1" "SELECT group_concat(cid + 1) FROM pragma_table_info('$t')")
		echo "[$t]"
		sqlite3 -quote "$1" "SELECT * FROM \"$t\" ORDER BY $n"
	done
}

rp client add Acme --org "Acme Corp" >/dev/null
rp fact Acme "back from Bali" --kind travel >/dev/null
rp touch Acme "sent the plan" >/dev/null
rp plan Acme Kickoff --item Budget:15 --item Timeline:10 >/dev/null

# The day's snapshot, taken as the first command that wrote ended.
snap="$snaps/rapport-$today.db"
is "$(mode "$snap"):$(mode "$snaps")" "600:700" "a writing command leaves today's snapshot, 0600 in a 0700 folder"
is "$(sqlite3 "$snap" 'SELECT count(*) FROM clients')" 1 "the snapshot holds the database"
first=$(sum "$snap")
rp touch Acme "called back" >/dev/null
is "$(sum "$snap")" "$first" "one snapshot a day: a later command leaves it as it is"

# --- backup --------------------------------------------------------------
mkdir "$T/b"
run backup "$T/b/copy.db"
is "$STATUS:$OUT:$ERR" "0:backed up to $T/b/copy.db:" "backup FILE"
is "$(mode "$T/b/copy.db")" 600 "the backup is 0600"
is "$(sqlite3 "$T/b/copy.db" 'PRAGMA journal_mode; PRAGMA integrity_check' | tr '\n' ' ')" "delete ok " \
	"the backup is whole and in rollback-journal mode"
is "$(ls -A "$T/b")" "copy.db" "no -wal, -shm or temporary file beside it"
is "$(rp --db "$T/b/copy.db" clients)" "$(rp clients)" "rapport --db BACKUP clients reads it"
is "$(rows "$T/b/copy.db")" "$(rows "$RAPPORT_DB")" "the backup has every row"

before=$(sum "$T/b/copy.db")
rp client add Beta >/dev/null
fails 1 "rapport: $T/b/copy.db already exists (add --force to replace it)" \
	"backup never writes over a file without --force" backup "$T/b/copy.db"
is "$(sum "$T/b/copy.db")" "$before" "the file refused is unchanged"
run backup "$T/b/copy.db" --force
is "$STATUS:$(sqlite3 "$T/b/copy.db" "SELECT count(*) FROM clients WHERE name = 'Beta'")" "0:1" \
	"backup --force replaces it with today's database"
is "$(mode "$T/b/copy.db"):$(ls -A "$T/b")" "600:copy.db" "--force: still 0600, nothing left beside it"

db_sum=$(sum "$RAPPORT_DB")
fails 1 "rapport: cannot write $T/nowhere/x.db: folder $T/nowhere: No such file or directory" \
	"a missing folder" backup "$T/nowhere/x.db"
fails 1 "rapport: $T/b is a folder" "a folder as the target" backup "$T/b" --force
# A special file (a FIFO: a test never writes to /dev, where an old rapport
# may have left a regular file in a device's place).
mkfifo "$T/b/fifo"
fails 1 "rapport: $T/b/fifo is not a regular file" "a special file as the target" backup "$T/b/fifo" --force
rm "$T/b/fifo"
fails 1 "rapport: $RAPPORT_DB is the database itself" "the database itself" backup "$RAPPORT_DB" --force
fails 2 "rapport: backup takes one FILE to write (see rapport --help)" "backup without FILE" backup
is "$(sum "$RAPPORT_DB"):$(ls -A "$T/b")" "$db_sum:copy.db" "refusals leave the database and the folder as they were"

# A file size limit: the copy cannot be written whole.
OUT=$( (ulimit -f 64; trap '' XFSZ; rp backup "$T/b/big.db") 2>"$T/.err")
STATUS=$?
is "$STATUS:$(cat "$T/.err"):$OUT" "1:rapport: cannot write $T/b/big.db: File too large:" \
	"a copy larger than the file size limit: one line, exit 1"
is "$(ls -A "$T/b")" "copy.db" "and nothing half-written is left"

# A full disk: a tiny tmpfs, where this user may mount one.
mkdir "$T/full"
if plain mount -t tmpfs -o size=64k tmpfs "$T/full" 2>/dev/null; then
	trap 'umount "$T/full" 2>/dev/null; chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
	fails 1 "rapport: cannot write $T/full/copy.db: the disk is full" \
		"a full disk: one line, exit 1" backup "$T/full/copy.db"
	is "$(ls -A "$T/full")" "" "a full disk: nothing half-written is left"
	plain umount "$T/full"
else
	tap_n=$((tap_n + 1))
	echo "ok $tap_n - a full disk # SKIP cannot mount a small tmpfs here (needs root)"
fi

# A backup while another program holds a write transaction open, as a live
# meeting does between its notes: what it has not committed is not copied,
# and it is not made to wait.
mkfifo "$T/hold"
(sqlite3 "$RAPPORT_DB" <"$T/hold" >/dev/null 2>&1 &)
exec 9>"$T/hold"
echo "BEGIN IMMEDIATE; INSERT INTO touchpoints (client_id, at, text) VALUES (1, 0, 'uncommitted');" >&9
sleep 0.5
committed=$(sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM touchpoints")
run backup "$T/b/live.db"
is "$STATUS" 0 "backup during an open write transaction"
echo "COMMIT; .quit" >&9
exec 9>&-
sleep 0.5
is "$(sqlite3 "$T/b/live.db" "SELECT count(*) FROM touchpoints; PRAGMA integrity_check" | tr '\n' ' ')" \
	"$committed ok " "the copy is consistent: every committed row, none of the open transaction"
is "$(sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM touchpoints WHERE text = 'uncommitted'")" 1 \
	"the other program's transaction went through"

# --- restore -------------------------------------------------------------
want=$(rows "$snap")
rp client add Gamma >/dev/null
rp fact Beta "plays tennis" >/dev/null
replaced=$(rows "$RAPPORT_DB")
like "$want" "*'clients'*[clients]*'Acme'*" "the comparison sees the schema and the rows"
[ "$want" != "$replaced" ] && ok "the database has changed since the snapshot" ||
	not_ok "the database has changed since the snapshot"
run restore "$snap"
stamp=$(plain date -d "$NOW" +%Y%m%d-%H%M)
like "$STATUS:$OUT" "0:restored $snap; the database it replaced is kept as $RAPPORT_DB.before-restore-$stamp[0-9][0-9]" \
	"restore a snapshot: the database it replaced is named"
kept=$(ls "$RAPPORT_DB".before-restore-* 2>/dev/null)
is "$(rows "$RAPPORT_DB")" "$want" "after restore, every row of every table is the snapshot's"
is "$(rows "$kept")" "$replaced" "the database it replaced is kept whole"
is "$(mode "$kept"):$(mode "$RAPPORT_DB")" "600:600" "both are 0600"
is "$(rp clients)" "$(rp --db "$snap" clients)" "the restored database is the one in use"
rm -f "$kept"
# Twice in the same second: the second keeps what it replaced under a
# name of its own.
run restore "$snap"
run restore "$snap"
like "$STATUS:$OUT" "0:restored $snap; the database it replaced is kept as $RAPPORT_DB.before-restore-$stamp[0-9][0-9]-2" \
	"a second restore in the same second keeps the database it replaced as -2"
rm -f "$RAPPORT_DB".before-restore-*

# A restore while another program has the database open is refused.
mkfifo "$T/open"
(sqlite3 "$RAPPORT_DB" <"$T/open" >/dev/null 2>&1 &)
exec 9>"$T/open"
echo "SELECT count(*) FROM clients;" >&9
sleep 0.5
db_sum=$(sum "$RAPPORT_DB")
listing=$(ls -A "$T")
fails 1 "rapport: database $RAPPORT_DB is open in another program (a live meeting?): close it, then restore" \
	"restore refuses a database in use" restore "$T/b/copy.db"
is "$(sum "$RAPPORT_DB"):$(ls -A "$T")" "$db_sum:$listing" "and changes nothing, keeps nothing"
echo ".quit" >&9
exec 9>&-
sleep 0.5

# Bad files: refused before anything is touched.
printf 'not a database\n' >"$T/junk.db"
sqlite3 "$T/foreign.db" "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup');"
cp "$T/b/copy.db" "$T/newer.db"
sqlite3 "$T/newer.db" "PRAGMA user_version = 99;"
cp "$T/b/copy.db" "$T/corrupt.db"
page=$(sqlite3 "$T/corrupt.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_clients_1'")
printf '\377%.0s' $(seq 1 200) | dd of="$T/corrupt.db" bs=1 seek=$(((page - 1) * 4096 + 8)) conv=notrunc 2>/dev/null
cp "$T/b/copy.db" "$T/trigger.db"
sqlite3 "$T/trigger.db" "CREATE TRIGGER leak AFTER INSERT ON notes BEGIN UPDATE clients SET org = new.text; END;"
db_sum=$(sum "$RAPPORT_DB")
listing=$(ls -A "$T")
for f in junk foreign newer corrupt trigger; do
	eval "sum_$f=\$(sum \"\$T/$f.db\")"
done
fails 1 "rapport: $T/junk.db is not a SQLite database" "restore: not a SQLite file" restore "$T/junk.db"
fails 1 "rapport: $T/foreign.db is a SQLite database, but not one of rapport's" \
	"restore: another program's database" restore "$T/foreign.db"
fails 1 "rapport: database $T/newer.db is from a newer rapport (schema 99; this one knows $SCHEMA)" \
	"restore: a newer schema" restore "$T/newer.db"
run restore "$T/corrupt.db"
like "$STATUS:$ERR" "1:rapport: $T/corrupt.db: index sqlite_autoindex_clients_1 is damaged: *" \
	"restore: a damaged file (integrity_check), the damaged b-tree named"
fails 1 "rapport: $T/trigger.db: trigger \"leak\" on notes is not one of rapport's, and rapport runs no code from a file" \
	"restore: a file with another program's trigger" restore "$T/trigger.db"
fails 1 "rapport: cannot read $T/none.db: No such file or directory" "restore: no such file" \
	restore "$T/none.db"
fails 1 "rapport: $T/b is a folder, not a database" "restore: a folder" restore "$T/b"
fails 2 "rapport: restore takes one FILE, a copy made by rapport backup or a snapshot (see rapport --help)" \
	"restore without FILE" restore
is "$(sum "$RAPPORT_DB"):$(ls -A "$T")" "$db_sum:$listing" \
	"bad files: the database unchanged, nothing kept, nothing beside them"
is "$(sum "$T/junk.db" "$T/foreign.db" "$T/newer.db" "$T/corrupt.db" "$T/trigger.db")" \
	"$sum_junk$sum_foreign$sum_newer$sum_corrupt$sum_trigger" "bad files: each byte for byte as it was"

# Restore onto no database at all: the copy becomes it.
RAPPORT_DB="$T/new/fresh.db" fails 1 \
	"rapport: cannot write $T/new/fresh.db: folder $T/new: No such file or directory" \
	"restore onto a --db or \$RAPPORT_DB whose folder is missing" restore "$T/b/copy.db"
mkdir "$T/new"
OUT=$(RAPPORT_DB="$T/new/fresh.db" rp restore "$T/b/copy.db" 2>&1)
is "$OUT:$(mode "$T/new/fresh.db")" "restored $T/b/copy.db:600" "restore with no database makes it, 0600"
is "$(rows "$T/new/fresh.db")" "$(rows "$T/b/copy.db")" "and it holds every row"

# A current database rapport cannot open is not written over: it is for
# the user to move aside.
cp "$T/b/copy.db" "$T/new/newer-current.db"
sqlite3 "$T/new/newer-current.db" "PRAGMA user_version = 99;"
before=$(sum "$T/new/newer-current.db")
RAPPORT_DB="$T/new/newer-current.db" fails 1 \
	"rapport: database $T/new/newer-current.db is from a newer rapport (schema 99; this one knows $SCHEMA) (move it aside, then restore again)" \
	"restore over a database this rapport cannot open says to move it aside" restore "$T/b/copy.db"
is "$(sum "$T/new/newer-current.db"):$(ls "$T/new" | grep -c before-restore)" "$before:0" "and leaves it as it was"

# --- nine days of snapshots --------------------------------------------
export XDG_STATE_HOME="$T/state"
mkdir -p "$XDG_STATE_HOME/rapport/snapshots"
echo keep >"$XDG_STATE_HOME/rapport/snapshots/notes.txt"
echo keep >"$XDG_STATE_HOME/rapport/snapshots/rapport-old.db"
base=$(plain date -d "$NOW" +%F)
for d in 0 1 2 3 4 5 6 7 8; do
	day=$(plain date -d "$base +$d days" +%F)
	fixed "$day 10:00:00" "$RAPPORT_BIN" touch Acme "call $d" >/dev/null
done
want_names=""
for d in 2 3 4 5 6 7 8; do
	want_names+="rapport-$(plain date -d "$base +$d days" +%F).db "
done
is "$(ls "$XDG_STATE_HOME/rapport/snapshots" | grep '^rapport-....-..-..\.db$' | tr '\n' ' ')" \
	"$want_names" "over nine days, the last seven snapshots are kept"
is "$(ls "$XDG_STATE_HOME/rapport/snapshots" | grep -c -e '^notes.txt$' -e '^rapport-old.db$')" 2 \
	"files that are not snapshots are left alone"
last="$XDG_STATE_HOME/rapport/snapshots/rapport-$(plain date -d "$base +8 days" +%F).db"
oldest="$XDG_STATE_HOME/rapport/snapshots/rapport-$(plain date -d "$base +2 days" +%F).db"
is "$(sqlite3 "$last" "SELECT count(*) FROM touchpoints WHERE text LIKE 'call %'"):$(sqlite3 "$oldest" "SELECT count(*) FROM touchpoints WHERE text LIKE 'call %'")" \
	"9:3" "each snapshot is taken as its day's first writing command ends"

# A snapshot from two days ago back in one command.
OUT=$(fixed "$(plain date -d "$base +8 days" +%F) 11:00:00" "$RAPPORT_BIN" restore "$oldest" 2>&1)
like "$OUT" "restored $oldest; the database it replaced is kept as *" "a snapshot from days ago restores in one command"
is "$(sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM touchpoints WHERE text LIKE 'call %'")" 3 \
	"and the database is as it was that day"

# --- opting out, and failures that do not fail the command ----------------
export XDG_STATE_HOME="$T/state-none"
rp --no-snapshot touch Acme "no snapshot" >/dev/null
RAPPORT_NO_SNAPSHOT=1 rp touch Acme "no snapshot" >/dev/null
rp --db "$T/b/copy.db" touch Acme "a one-off database" >/dev/null
rp clients >/dev/null
rp search Bali >/dev/null
is "$(ls -A "$T" | grep -c state-none)" 0 \
	"--no-snapshot, \$RAPPORT_NO_SNAPSHOT, --db and reading commands take no snapshot"

echo "a file, not a folder" >"$T/state-file"
XDG_STATE_HOME="$T/state-file" run touch Acme "still saved"
is "$STATUS:$ERR" "0:rapport: warning: no daily snapshot: cannot create folder $T/state-file/rapport: Not a directory" \
	"a snapshot that cannot be written is one warning, never the command's failure"
is "$(sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM touchpoints WHERE text = 'still saved'")" 1 \
	"and the command did its work"

# A backup of a damaged database is made, but said not to restore: a copy
# is only as good as what it copied.
cp "$RAPPORT_DB" "$T/damaged.db"
for i in $(seq 1 200); do
	echo "INSERT INTO touchpoints (client_id, at, text) SELECT id, $i, 'touch $i, padded to fill some pages' FROM clients LIMIT 1;"
done | sqlite3 "$T/damaged.db"
page=$(sqlite3 "$T/damaged.db" "SELECT rootpage FROM sqlite_schema WHERE name = 'touchpoints_client'")
head -c 3000 /dev/zero | tr '\0' '\377' |
	dd of="$T/damaged.db" bs=1 seek=$(((page - 1) * 4096 + 100)) conv=notrunc status=none
RAPPORT_NO_SNAPSHOT=1 run --db "$T/damaged.db" backup "$T/of-damaged.db"
like "$STATUS:$OUT:$ERR" "1:backed up to $T/of-damaged.db:rapport: but that copy would not restore: *touchpoints_client is damaged*" \
	"backup of a damaged database: made, and said not to restore, exit 1"
[ -f "$T/of-damaged.db" ] && ok "the copy is kept: it may be the best there is" ||
	not_ok "the copy is kept: it may be the best there is"

done_testing
