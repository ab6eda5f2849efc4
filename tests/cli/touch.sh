# touch.sh: `rapport touch` logs a touchpoint of a kind, found by search,
# shown by `rapport prep` in the history at a glance; bad input changes
# nothing.
. "$(dirname "$0")/lib.sh"

db=$RAPPORT_DB
q() { plain sqlite3 "$db" "$1"; }

rp client add Acme --cadence 5-14 >/dev/null
rp client add "Zoë Lefèvre SARL" >/dev/null

run touch acme "sent the revised deck" --kind email
is "$STATUS/$OUT" "0/logged an email with Acme" "--kind email"
run touch acme --kind call "budget, and the café"
is "$STATUS/$OUT" "0/logged a call with Acme" "--kind before the arguments"
run touch zoe "Appel : relance du devis"
is "$OUT" "logged a call with Zoë Lefèvre SARL" "appel : (French spacing) is a call"
run touch zoe "appel: relance du devis"
is "$STATUS/$OUT" "0/logged a call with Zoë Lefèvre SARL" "appel: is a call"
run touch zoe "SMS: ok pour jeudi"
is "$OUT" "logged a message with Zoë Lefèvre SARL" "sms: is a message"
run touch zoe "Re: the plan"
is "$OUT" "logged a touchpoint with Zoë Lefèvre SARL" "Re: is no kind: other"
run touch acme "call: it rang" --kind email
is "$OUT" "logged an email with Acme" "--kind wins over the text's word, kept whole"
is "$(q "SELECT group_concat(kind || '=' || text, '|') FROM touchpoints ORDER BY id")" \
	"email=sent the revised deck|call=budget, and the café|call=relance du devis|call=relance du devis|message=ok pour jeudi|other=Re: the plan|email=call: it rang" \
	"each kind and text is stored"

before=$(sum "$db")
run touch acme "x" --kind fax
is "$STATUS" 2 "a kind rapport does not know is a usage error"
is "$ERR" "rapport: --kind must be email, call, message or other" "and says which kinds there are"
run touch acme --kind
is "$STATUS" 2 "--kind without a value"
run touch nobody "hello"
is "$STATUS" 1 "an unknown client is an error"
like "$ERR" "rapport: no client matches*" "and says so"
run touch acme ""
is "$STATUS" 1 "an empty touchpoint is refused"
run touch acme "call:"
is "$STATUS" 1 "a kind and no text is refused"
run touch acme
is "$STATUS" 2 "no text"
is "$(sum "$db")" "$before" "bad input leaves the database unchanged"

run search deck
is "$STATUS" 0 "search finds a touchpoint"
is "$OUT" "2026-11-26	Acme	-	touchpoint	sent the revised deck" "as a touchpoint of its client"
run search devis
is "$(echo "$OUT" | cut -f2,4 | sort -u)" "Zoë Lefèvre SARL	touchpoint" "French touchpoints too"

# People are in the index as well (schema 5's triggers).
q "INSERT INTO people (client_id, name, name_key, role, created_at)
   SELECT id, 'Martine Dupré', 'martine dupre', 'CFO', 1795687200 FROM clients WHERE name = 'Acme'"
run search dupre
is "$STATUS/$(echo "$OUT" | cut -f2-5)" "0/Acme	-	person	Martine Dupré CFO" \
	"search finds a person, accents aside, with their client"

# The history at a glance in `rapport prep`, on days fixed relative to
# Thursday 26 November: 2 Nov, 4 Nov (two days later: too soon), 26 Nov
# (22 days later: overdue from the 19th, so its week shows "!" too: that
# contact came late).
at() { local day=$1; shift; fixed "$day 10:00:00" "$RAPPORT_BIN" "$@"; }
rp client add Bea --cadence 5-14 >/dev/null
at 2026-11-02 touch bea "call: kickoff" >/dev/null
at 2026-11-04 touch bea "email: minutes" >/dev/null
at 2026-11-26 touch bea "call: check-in" >/dev/null
run prep bea
dots=$(printf '·%.0s' $(seq 48))
is "$(echo "$OUT" | sed -n 2,4p)" "$(printf '%s\n' \
	"  12 months ${dots}+·!!" \
	"  1 gap overdue, 1 too soon: every 12 days, want 5-14" \
	"  talk not recorded yet · follow-ups none")" \
	"prep: the strip marks the week too soon and the week overdue, and says so"
OUT=$(LC_ALL=C fixed "$NOW" "$RAPPORT_BIN" prep bea | sed -n 2p)
is "$OUT" "  12 months $(printf '.%.0s' $(seq 48))+.!!" "without a UTF-8 locale, in ASCII"

# A touchpoint logged by mistake: --undo removes the client's latest, says
# what it was, and the cadence and search forget it at once.
rp client add Cy --cadence 5-14 >/dev/null
at 2026-11-02 touch cy "call: kickoff" >/dev/null
at 2026-11-20 touch cy "email: the wrong client's minutes" >/dev/null
run clients
is "$(echo "$OUT" | grep '^Cy')" "Cy	-	5-14	2026-11-20	due in 8 days	en" "the mistake counts as a contact"
run touch cy --undo
is "$STATUS/$OUT" "0/removed the email of 2026-11-20 10:00 with Cy: the wrong client's minutes" \
	"--undo removes the latest touchpoint and says which"
run clients
is "$(echo "$OUT" | grep '^Cy')" "Cy	-	5-14	2026-11-02	overdue by 10 days	en" \
	"the cadence counts from the contact before it again"
run search minutes
is "$(echo "$OUT" | grep -c 'wrong client')" 0 "search no longer finds it"
is "$(q "SELECT group_concat(kind || '=' || text) FROM touchpoints t JOIN clients c
	ON c.id = t.client_id WHERE c.name = 'Cy'")" "call=kickoff" "the older one stays"
run touch cy --undo
is "$STATUS/$OUT" "0/removed the call of 2026-11-02 10:00 with Cy: kickoff" "and then the one before"
before=$(sum "$db")
run touch cy --undo
is "$STATUS/$ERR" "1/rapport: no touchpoint logged with Cy" "nothing left to undo: one line, exit 1"
run touch nobody --undo
is "$STATUS" 1 "--undo on an unknown client"
run touch acme --undo "text"
is "$STATUS/$ERR" "2/rapport: touch --undo takes only CLIENT (see rapport --help)" \
	"--undo with a text is a usage error"
run touch acme --undo --kind call
is "$STATUS" 2 "--undo with --kind too"
is "$(sum "$db")" "$before" "a bad --undo leaves the database unchanged"

# --at: when it happened; yesterday's call logged today counts from then.
rp client add Dee --cadence 5-14 >/dev/null
run touch dee "call: the budget" --at "yesterday 15:00"
is "$STATUS:$OUT" "0:logged a call with Dee" "touch --at yesterday"
is "$(sqlite3 "$RAPPORT_DB" "SELECT datetime(at, 'unixepoch', 'localtime') || ' ' || kind FROM touchpoints WHERE client_id = (SELECT id FROM clients WHERE name = 'Dee')")" \
	"2026-11-25 15:00:00 call" "stamped then, not now"
run clients
like "$OUT" "*Dee*2026-11-25*too soon (4 more days)*" "the cadence counts from then"
before=$(sum "$db")
fails 1 "rapport: --at tomorrow 9:00 is ahead: a touchpoint is logged once it happened" \
	"a touchpoint ahead is refused" touch dee "x" --at "tomorrow 9:00"
run touch dee x --at garbage
is "$STATUS" 1 "a bad --at is refused"
run touch dee --undo --at "yesterday 9:00"
is "$STATUS" 2 "--undo with --at too"
is "$(sum "$db")" "$before" "a bad --at leaves the database unchanged"

done_testing
