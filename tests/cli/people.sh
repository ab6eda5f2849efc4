# people.sh: rapport person add/edit/remove and rapport people; an owner or
# a fact linked to a person; rapport fact --person and --until.
. "$(dirname "$0")/lib.sh"

rp client add Acme >/dev/null
rp client add "Globex" >/dev/null
rp client add "Initech" >/dev/null

run person add acme "Zoë Lefèvre" --role CFO --email zoe@acme.example
is "$STATUS:$OUT:$ERR" "0:added Zoë Lefèvre (Acme):" "person add with a role and an email"
run person add acme "Zoé Martin" --phone "+33 6 12 34 56 78"
is "$STATUS:$OUT" "0:added Zoé Martin (Acme)" "person add with a phone"
rp person add globex "Zoë Lefèvre" >/dev/null  # the same name at another client is fine

run people acme
is "$STATUS:$OUT" "0:$(printf 'Zoë Lefèvre\tCFO\tzoe@acme.example\t\nZoé Martin\t\t\t+33 6 12 34 56 78')" \
	"people, piped: tab-separated, by name"
on_tty people acme
is "$STATUS:$OUT" "0:$(printf '%s\n' \
	'NAME         ROLE  EMAIL             PHONE' \
	'Zoë Lefèvre  CFO   zoe@acme.example  ' \
	'Zoé Martin                           +33 6 12 34 56 78')" \
	"people on a terminal: aligned by display width under a heading"

before=$(sum "$RAPPORT_DB")
fails 1 'rapport: "zoe lefevre" is already one of this client'"'"'s people' \
	"a duplicate name, case and accents aside, is refused" person add acme "zoe lefevre"
fails 1 'rapport: "zoe" matches 2 people: "Zoë Lefèvre", "Zoé Martin"' \
	"an ambiguous person lists the candidates" person edit acme zoe --role x
fails 1 'rapport: "zoe" matches 2 people: "Zoë Lefèvre", "Zoé Martin"' \
	"remove: ambiguous too" person remove acme zoe
fails 1 'rapport: no person matches "bob"; people: "Zoë Lefèvre", "Zoé Martin"' \
	"an unknown person" person remove acme bob
fails 1 'rapport: no client matches "umbrella"; clients: "Acme", "Globex", "Initech"' \
	"an unknown client" person add umbrella Bob
fails 1 'rapport: email bob does not look like name@example.com' "an email is checked" \
	person add acme Bob --email bob
fails 1 'rapport: phone call me has no digits' "a phone is checked" \
	person add acme Bob --phone "call me"
fails 1 'rapport: person'"'"'s name is empty' "a blank name" person add acme "  "
fails 2 "rapport: person edit: nothing to change (--name, --role, --email, --phone) (see rapport --help)" \
	"edit with nothing to change" person edit acme zoe.l
fails 2 "rapport: person add takes CLIENT and NAME (quote a name with blanks) (see rapport --help)" \
	"add without a name" person add acme
fails 2 "rapport: unknown subcommand 'person list' (see rapport --help)" "person list is people" \
	person list acme
fails 1 'rapport: no person matches "x" (this client has no people yet)' \
	"a client with nobody" person remove initech x
is "$(sum "$RAPPORT_DB")" "$before" "no error changed the database"

# Changes that work.
run person edit acme zoe.l --role "Chief Financial Officer" --email "" --phone "01 23"
is "$STATUS:$OUT" "0:changed Zoë Lefèvre (Acme)" "edit by a unique prefix; an empty value clears"
is "$(sqlite3 "$RAPPORT_DB" "SELECT role || '|' || coalesce(email, 'none') || '|' || phone FROM people WHERE name = 'Zoë Lefèvre' AND client_id = 1")" \
	"Chief Financial Officer|none|01 23" "role set, email cleared, phone set"
run person edit acme martin --name "Zoé Martin-Roy"
is "$STATUS:$OUT" "0:changed Zoé Martin-Roy (Acme)" "edit --name renames"
fails 1 'rapport: "zoë lefèvre" is already one of this client'"'"'s people' \
	"a rename onto another person's name is refused" person edit acme martin --name "zoë lefèvre"
run person remove acme martin
is "$STATUS:$OUT" "0:removed Zoé Martin-Roy (Acme)" "remove"
run people acme
is "$OUT" "$(printf 'Zoë Lefèvre\tChief Financial Officer\t\t01 23')" "one person left"

# A follow-up whose owner names someone added later is theirs; mine never is.
sqlite3 "$RAPPORT_DB" "INSERT INTO followups (client_id, text, owner, due, created_at) VALUES
  (1, 'send the contract', 'marc', '2026-11-27', 1795683600),
  (1, 'book the room', 'moi', NULL, 1795683600),
  (1, 'call legal', 'zoe', NULL, 1795683600)"
rp person add acme "Marc Dubois" >/dev/null
is "$(sqlite3 "$RAPPORT_DB" "SELECT f.owner || '=' || coalesce(p.name, '-') FROM followups f LEFT JOIN people p ON p.id = f.person_id ORDER BY f.id" | tr '\n' ' ')" \
	"marc=Marc Dubois moi=- zoe=Zoë Lefèvre " \
	"adding a person links the client's unlinked follow-ups that name anyone now"
run prep acme
like "$OUT" "*Open follow-ups*People
  Marc Dubois
  Zoë Lefèvre · Chief Financial Officer · 01 23
*Next meeting*" "prep lists the client's people after the follow-ups"
like "$OUT" "*send the contract · theirs @Marc Dubois · due 2026-11-27*book the room · yours @moi*call legal · theirs @Zoë Lefèvre*" \
	"prep shows a linked owner as the person's name, and theirs"

# Facts: a "Name:" lead or --person makes it one person's; --until ends it.
run fact acme "Zoë: back from a holiday in Bali"
is "$STATUS" 0 "a fact with a person's lead"
run fact acme "moving offices in January" --person marc --until 2027-01-31
is "$STATUS" 0 "fact --person --until"
run fact acme "old news" --until 2026-11-01
is "$(sqlite3 "$RAPPORT_DB" "SELECT f.text || '|' || coalesce(p.name, '-') || '|' || coalesce(f.until_date, '-') FROM facts f LEFT JOIN people p ON p.id = f.person_id ORDER BY f.id" | tr '\n' ' ')" \
	"Zoë: back from a holiday in Bali|Zoë Lefèvre|- moving offices in January|Marc Dubois|2027-01-31 old news|-|2026-11-01 " \
	"whose each fact is, and until when"
run prep acme
like "$OUT" "*old news  (2026-11-26) · until 2026-11-01, over*moving offices in January  (2026-11-26) · Marc Dubois · until 2027-01-31*Openers*Marc, how are the preparations for the office move going?*Zoë, how was Bali?*" \
	"prep: stale facts marked; openers name the person and look ahead"
like "$OUT" "*Openers*" "prep has openers"
[[ $OUT == *'mentioned "old news"'* ]] && not_ok "a fact past its until date is no opener" || ok "a fact past its until date is no opener"
run fact acme "Bali trip cancelled" --person zoe
run prep acme
[[ $OUT == *cancelled\"* || $OUT == *"how was your trip"* ]] && not_ok "a cancelled trip is never asked how it went" "$OUT" || ok "a cancelled trip is never asked how it went"
like "$OUT" "*Zoë, is there a new date for your trip?*" "a cancelled trip is asked for a new date"
run fact acme "eom until" --until eom
is "$(sqlite3 "$RAPPORT_DB" "SELECT until_date FROM facts WHERE text = 'eom until'")" "2026-11-30" \
	"--until takes due-date words (eom)"

before=$(sum "$RAPPORT_DB")
fails 1 'rapport: --until: due date "someday" not understood (try 2026-12-01, fri, tomorrow, +3d, eow)' \
	"a bad --until" fact acme "x" --until someday
fails 1 'rapport: no person matches "bob"; people: "Marc Dubois", "Zoë Lefèvre"' \
	"an unknown --person" fact acme "x" --person bob
is "$(sum "$RAPPORT_DB")" "$before" "a bad --until or --person adds no fact"
# people --json: who is who, each with the open follow-ups they own.
run people acme --json
is "$STATUS" 0 "people --json"
if command -v jq >/dev/null 2>&1; then
	is "$(printf '%s' "$OUT" | plain jq -r '.[] | [.name, (.role // "null"), (.followups | map(.text + " " + (.due // "none") + " " + (.overdue | tostring)) | join(","))] | @tsv')" \
		"$(printf 'Marc Dubois\tnull\tsend the contract 2026-11-27 false\nZoë Lefèvre\tChief Financial Officer\tcall legal none false')" \
		"people --json: each person and what they own"
fi
run people acme --yaml
is "$STATUS" 2 "people takes only --json"

# '|' separates a person's fields on Prep: none may hold one.
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: \"A | B\": a person's details hold no '|'" "a '|' in a name is refused" \
	person add acme "A | B"
fails 1 "rapport: \"x|y\": a person's details hold no '|'" "nor in a role" \
	person add acme Bob --role "x|y"
is "$(sum "$RAPPORT_DB")" "$before" "and nothing is added"

done_testing
