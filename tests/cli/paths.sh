# paths.sh: where the database lives, and that it is private.
. "$(dirname "$0")/lib.sh"

unset RAPPORT_DB
export XDG_DATA_HOME="$T/xdg"
run client add Acme
is "$STATUS" 0 "the default path under XDG_DATA_HOME"
is "$(stat -c %a "$T/xdg/rapport")" 700 "its folder is made 0700"
is "$(stat -c %a "$T/xdg/rapport/rapport.db")" 600 "the database is 0600"

unset XDG_DATA_HOME
run client add Bob
is "$STATUS" 0 "without XDG_DATA_HOME, under HOME"
is "$(stat -c %a "$T/home/.local/share/rapport")" 700 "~/.local/share/rapport is 0700"
is "$(stat -c %a "$T/home/.local/share/rapport/rapport.db")" 600 "and the database 0600"
is "$(rp clients | cut -f1)" "Bob" "each path is its own database"

export XDG_DATA_HOME="relative/path"
is "$(rp clients | cut -f1)" "Bob" "a relative XDG_DATA_HOME is ignored, as the spec says"
unset XDG_DATA_HOME

export RAPPORT_DB="$T/env.db"
rp client add FromEnv >/dev/null
is "$(rp clients | cut -f1)" "FromEnv" "RAPPORT_DB is used"
rp --db "$T/flag.db" client add FromFlag >/dev/null
is "$(rp --db "$T/flag.db" clients | cut -f1)" "FromFlag" "--db beats RAPPORT_DB"
is "$(rp --db="$T/flag.db" clients | cut -f1)" "FromFlag" "--db=PATH works too"
is "$(rp clients | cut -f1)" "FromEnv" "and RAPPORT_DB's database is left alone"
is "$(stat -c %a "$T/flag.db")" 600 "a --db database is 0600 too"
fails 2 "rapport: --db needs a path (see rapport --help)" "--db without a path" --db
fails 1 "rapport: cannot create database $T/missing/x.db: No such file or directory" \
	"--db in a folder that does not exist" --db "$T/missing/x.db" client add X

# (The -wal and -shm files, which exist only while the database is open,
# are checked in test_store.c: wal_files_are_private_too.)

done_testing
