# archive.sh: archiving a client is reversible (clients --archived, client
# restore, client add of an archived name), and `rapport clients` in columns
# on a terminal, tab-separated when piped.
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" --org "Lefèvre & fils" >/dev/null
rp client add "日本語 Ltd" --org "東京" --cadence 7-21 >/dev/null

run clients --archived
is "$STATUS:$OUT:$ERR" "0::" "clients --archived with none archived: nothing"
fails 1 'rapport: Acme is not archived' "client restore of a client that is not archived" \
	client restore acme
fails 1 'rapport: no archived client matches "bob" (none is archived)' \
	"client restore of an unknown name, none being archived" client restore bob

# The Clients screen's x archives; here it is done as it does it.
sqlite3 "$RAPPORT_DB" "UPDATE clients SET archived_at = 1795600000 WHERE name = 'Zoë Lefèvre SARL';"
run clients
is "$(echo "$OUT" | cut -f1 | tr '\n' '|')" "Acme|日本語 Ltd|" "an archived client leaves clients"
run clients --archived
is "$STATUS:$OUT" "$(printf '0:Zoë Lefèvre SARL\tLefèvre & fils\t5-14\tnever\t2026-11-25\ten')" \
	"clients --archived: name, organisation, cadence, last contact, the day archived"
fails 2 "rapport: clients takes no arguments (see rapport --help)" "clients with an argument" \
	clients acme

before=$(sum "$RAPPORT_DB")
fails 1 'rapport: Zoë Lefèvre SARL is archived: rapport client restore "Zoë Lefèvre SARL" brings it back' \
	"client add of an archived name says how to restore it" client add "zoe lefevre sarl"
is "$(sum "$RAPPORT_DB")" "$before" "and changes nothing"
fails 1 'rapport: Acme is not archived' "client restore of an active client" client restore acme
fails 1 'rapport: no archived client matches "bob"; archived: "Zoë Lefèvre SARL"' \
	"client restore of an unknown name lists the archived ones" client restore bob
fails 2 "rapport: client restore takes one NAME (quote a name with spaces) (see rapport --help)" \
	"client restore without a name" client restore

run client restore zoe
is "$STATUS:$OUT:$ERR" "0:restored client Zoë Lefèvre SARL:" "client restore NAME, by the start of it"
run clients
is "$(echo "$OUT" | cut -f1 | sort | tr '\n' '|')" "Acme|Zoë Lefèvre SARL|日本語 Ltd|" \
	"a restored client is back in clients"
is "$(sqlite3 "$RAPPORT_DB" "SELECT count(*) FROM clients")" "3" "restoring adds no client"
run clients --archived
is "$STATUS:$OUT" "0:" "and is no longer archived"

# Piped, tab-separated as before; on a terminal, columns aligned by display
# width (日本語 takes six columns), under a heading.
run clients
is "$(echo "$OUT" | head -1)" "$(printf 'Acme\t-\t5-14\tnever\tno contact yet\ten')" "piped: tab-separated"
on_tty clients
want=$(printf '%s\n' \
	"NAME              ORGANISATION    CADENCE  LAST CONTACT  STATUS          LANG" \
	"Acme              -               5-14     never         no contact yet  en" \
	"Zoë Lefèvre SARL  Lefèvre & fils  5-14     never         no contact yet  en" \
	"日本語 Ltd        東京            7-21     never         no contact yet  en")
is "$STATUS:$OUT" "0:$want" "on a terminal: aligned columns under a heading, by display width"
LC_ALL= LANG= LC_CTYPE= on_tty clients
is "$STATUS:$OUT" "0:$want" "with no locale set, the same columns (rapport falls back to C.UTF-8)"
on_tty clients --archived
is "$STATUS:$OUT" "0:" "on a terminal, no archived client: nothing, not even a heading"

# client archive NAME does what the Clients screen's x does.
before=$(sum "$RAPPORT_DB")
fails 1 'rapport: no client matches "bob"; clients: "Acme", "Zoë Lefèvre SARL", "日本語 Ltd"' \
	"client archive of an unknown name" client archive bob
fails 2 "rapport: client archive takes one NAME (quote a name with spaces) (see rapport --help)" \
	"client archive without a name" client archive
is "$(sum "$RAPPORT_DB")" "$before" "and neither changes anything"
run client archive acme
is "$STATUS:$OUT:$ERR" "0:archived client Acme (rapport client restore brings it back):" \
	"client archive NAME"
run clients --archived
is "$(echo "$OUT" | cut -f1,5)" "$(printf 'Acme\t2026-11-26')" "it is archived today"
fails 1 'rapport: Acme is already archived' "an archived client cannot be archived again" \
	client archive acme
run client restore acme
is "$STATUS" "0" "and it comes back"

done_testing
