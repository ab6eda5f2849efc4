# invite_lines.sh: plan --from-ics takes an invitation's agenda, not the
# letter around it (greeting, signature, disclaimer, join block).
. "$(dirname "$0")/lib.sh"
ics="$RAPPORT_SOURCE/tests/data/ics"

rp client add "Sjöberg Bygg" >/dev/null
rp client add Contoso >/dev/null
rp client add Fabrikam >/dev/null

items() {
	sqlite3 "$RAPPORT_DB" "SELECT group_concat(title || ':' || coalesce(timebox_minutes, '-'), ' | ')
		FROM (SELECT a.* FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id
		      JOIN clients c ON c.id = m.client_id WHERE c.name = '$1' ORDER BY a.position)"
}

run plan sjoberg --from-ics "$ics/lines-outlook-zoom-sv.ics"
like "$STATUS:$OUT" "0:planned meeting 1 with Sjöberg Bygg at 2026-12-08 * (2 agenda items)
added 2 people to Sjöberg Bygg: Erik Lindqvist, Alice Berg" \
	"a Swedish letter with Zoom's block: two items"
is "$(items 'Sjöberg Bygg')" \
	"Som vi pratade om i fredags vill jag att vi går igenom budgeten och tidplanen för Q3:- | Vi behöver också bestämma hur vi gör med supportavtalet:-" \
	"its two sentences, not the greeting, signature, address, phones or disclaimer"

run plan contoso --from-ics "$ics/lines-teams-en.ics"
is "$(items Contoso)" \
	"Let's meet to go through the rollout plan for the new warehouse system:- | I'd also like to agree on the training dates:-" \
	"an English letter with Teams' block: not \"Hey,\", \"Thank you!\" or the footer"

run plan fabrikam --from-ics "$ics/lines-agenda-in-noise.ics"
is "$(items Fabrikam)" \
	"Recap of the March incident:10 | Root cause and fixes – Priya:- | Call with legal: what we tell customers:- | Address the budget gap for Q2:15 | Review phone numbers in the CRM:- | Thanks and recognition for the team:-" \
	"a bulleted agenda among the noise is taken whole, the list in the disclaimer is not"

done_testing
