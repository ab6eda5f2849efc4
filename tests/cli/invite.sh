# invite.sh: rapport plan --from-ics keeps the invitation's identity: the
# same invitation imported again updates, leaves or cancels its meeting; a
# series plans its next occurrence; a past one wants --past; attendees
# become the client's people.  Every invitation is judged at lib.sh's NOW
# (Thursday 26 November 2026, 10:00 in Paris), never today.
. "$(dirname "$0")/lib.sh"

ics="$RAPPORT_SOURCE/tests/data/ics"
export RAPPORT_EMAIL=alice.martin@rapport-pm.example
unset EMAIL
q() { sqlite3 "$RAPPORT_DB" "$1"; }

rp client add "Zoë Lefèvre SARL" >/dev/null
rp client add "Acme Logistics" >/dev/null

# ---- An Exchange invitation, its update, the same again, an older one.
run plan zoe --from-ics "$ics/invite-outlook.ics"
is "$STATUS:$OUT" "0:planned meeting 1 with Zoë Lefèvre SARL at 2026-12-03 10:00 (3 agenda items)
added 2 people to Zoë Lefèvre SARL: Zoë Lefèvre, Hugo Bernard" \
	"an invitation is planned, its organizer and attendees made the client's people"
is "$(q "SELECT ical_sequence, ical_recurrence IS NULL, length(ical_uid) FROM meetings WHERE id = 1")" \
	"0|1|112" "its UID and SEQUENCE are kept; it does not repeat"
is "$(q "SELECT group_concat(role || ':' || coalesce(person_id, '-'), ' ') FROM attendees WHERE meeting_id = 1")" \
	"organizer:1 attendee:- attendee:- optional:2 resource:-" \
	"every attendee is kept; the user, a colleague and the room are nobody's person"
is "$(q "SELECT count(*) FROM people WHERE email LIKE '%rapport-pm.example' OR name LIKE 'Salle%'")" "0" \
	"the user, a colleague at the user's domain and the room are not the client's people"
# The user edits one invitation line by hand and adds one of their own.
rp plan zoe --next --set "3=Points divers et questions" --item "Mon point à moi:5" >/dev/null
is "$(q "SELECT group_concat(title || '=' || from_invite, '|') FROM (SELECT title, from_invite FROM agenda_items WHERE meeting_id = 1 ORDER BY position)")" \
	"Budget 2027=1|Calendrier du déploiement=1|Points divers et questions=0|Mon point à moi=0" \
	"an item edited by hand, or added, is not the invitation's line"

before=$(sum "$RAPPORT_DB")
fails 1 "rapport: this invitation is meeting 1 already: --at, --title, --minutes and --item plan a new one (change it with plan --next)" \
	"an update with --at is refused" plan zoe --from-ics "$ics/invite-outlook-update.ics" --at "2026-12-04 09:00"
is "$(sum "$RAPPORT_DB")" "$before" "the refused update changed nothing"

run plan zoe --from-ics "$ics/invite-outlook-update.ics"
is "$STATUS:$OUT" "0:updated meeting 1 with Zoë Lefèvre SARL to the invitation's sequence 1: moved from 2026-12-03 10:00 to 2026-12-03 11:00, retitled \"Comité de pilotage — décembre\", 1 agenda item added, 1 removed" \
	"a higher SEQUENCE updates the meeting and says what changed"
is "$(q "SELECT count(*) FROM meetings")" "1" "no second meeting"
is "$(q "SELECT title, datetime(planned_at, 'unixepoch'), planned_minutes, ical_sequence FROM meetings WHERE id = 1")" \
	"Comité de pilotage — décembre|2026-12-03 10:00:00|60|1" "time, title, length and sequence are the update's"
is "$(q "SELECT group_concat(title, '|') FROM (SELECT title FROM agenda_items WHERE meeting_id = 1 ORDER BY position)")" \
	"Budget 2027|Points divers et questions|Mon point à moi|Formation des équipes" \
	"the line gone is removed, the new one added, the hand-made and hand-edited ones kept"

before=$(sum "$RAPPORT_DB")
run plan zoe --from-ics "$ics/invite-outlook-same.ics"
is "$STATUS:$OUT:$ERR" "0:meeting 1 is already at this invitation's version (sequence 1); nothing changed:" \
	"the same SEQUENCE again changes nothing and says so"
# The same SEQUENCE with another time is no organizer's update: said, not applied.
sed 's/^DTSTART;TZID=Romance Standard Time:20261203T110000/DTSTART;TZID=Romance Standard Time:20261203T150000/; s/^DTEND;TZID=Romance Standard Time:20261203T120000/DTEND;TZID=Romance Standard Time:20261203T160000/' \
	"$ics/invite-outlook-same.ics" >"$T/same-later.ics"
run plan zoe --from-ics "$T/same-later.ics"
is "$STATUS:$OUT" "0:meeting 1 is already at this invitation's version (sequence 1); nothing changed
this file says 2026-12-03 15:00; the meeting stays at 2026-12-03 11:00 (plan --next --at moves it)" \
	"the same SEQUENCE at another time changes nothing, and points the difference out"
run plan zoe --from-ics "$ics/invite-outlook-older.ics"
is "$STATUS:$OUT" "0:meeting 1 is at a later version of this invitation (sequence 1, this file's 0); nothing changed" \
	"an older SEQUENCE changes nothing"
is "$(sum "$RAPPORT_DB")" "$before" "the database is as it was"

fails 1 "rapport: this invitation is meeting 1, with Zoë Lefèvre SARL: import it for that client" \
	"the same invitation for another client is refused, naming whose it is" \
	plan acme --from-ics "$ics/invite-outlook-update.ics"
is "$(sum "$RAPPORT_DB")" "$before" "and changes nothing"

# ---- A cancellation older than the invitation the meeting is at.
sed 's/^SEQUENCE:2/SEQUENCE:0/' "$ics/invite-outlook-cancel.ics" >"$T/stale-cancel.ics"
run plan zoe --from-ics "$T/stale-cancel.ics"
is "$STATUS:$OUT:$(q "SELECT state FROM meetings WHERE id = 1")" \
	"0:meeting 1 is at a later version of this invitation (sequence 1, this file's 0); nothing changed:planned" \
	"a cancellation older than the meeting's invitation changes nothing"

# ---- A cancellation: METHOD:CANCEL.
run plan zoe --from-ics "$ics/invite-outlook-cancel.ics"
is "$STATUS:$OUT" "0:cancelled meeting 1 with Zoë Lefèvre SARL: its agenda waits for the next meeting" \
	"METHOD:CANCEL cancels the planned meeting"
is "$(q "SELECT state, ical_sequence FROM meetings WHERE id = 1")|$(q "SELECT count(*) FROM agenda_items WHERE meeting_id = 1 AND status = 'pending'")" \
	"cancelled|2|4" "its items stay pending"
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: meeting 1 of this invitation is cancelled already" \
	"the same cancellation again is refused" plan zoe --from-ics "$ics/invite-outlook-cancel.ics"
fails 1 "rapport: no planned meeting comes from this invitation: nothing to cancel" \
	"a cancellation that matches no meeting is refused" plan acme --from-ics "$ics/invite-google-cancelled.ics"
is "$(sum "$RAPPORT_DB")" "$before" "refused cancellations change nothing"

# ---- Google: attendees, a room, people already there; STATUS:CANCELLED.
rp person add acme "priya shah" >/dev/null
rp person add acme "D. Ortega" --email Daniel.Ortega@acme-logistics.com >/dev/null
run plan acme --from-ics "$ics/invite-google.ics"
is "$STATUS:$OUT" "0:planned meeting 2 with Acme Logistics at 2026-12-08 16:00 (3 agenda items)
added 1 person to Acme Logistics: Kenji Watanabe" \
	"people already there (same name, same address) and the room are not added again"
is "$(q "SELECT count(*) FROM people p JOIN clients c ON c.id = p.client_id WHERE c.name = 'Acme Logistics'")" "3" \
	"Acme has its two people and the one added"
is "$(q "SELECT count(*) FROM attendees WHERE meeting_id = 2 AND person_id IS NOT NULL")" "3" \
	"the attendees are linked to their person"
run plan acme --from-ics "$ics/invite-google-cancelled.ics"
is "$STATUS:$OUT" "0:cancelled meeting 2 with Acme Logistics: its agenda waits for the next meeting" \
	"STATUS:CANCELLED cancels the planned meeting"

# With $EMAIL only, at a public mail domain: nobody is a colleague by it.
other="$T/other.db"
RAPPORT_DB="$other" rp client add Globex >/dev/null
OUT=$(env -u RAPPORT_EMAIL EMAIL=someone@gmail.com RAPPORT_DB="$other" LD_PRELOAD="$FAKETIME_LIB" \
	FAKETIME="@$NOW" "$RAPPORT_BIN" plan globex --from-ics "$ics/invite-google.ics" 2>&1)
like "$OUT" "*added 5 people to Globex: Daniel Ortega, alice.martin@rapport-pm.example, Priya Shah, Kenji Watanabe, Bruno Keller" \
	"\$EMAIL is the user's when \$RAPPORT_EMAIL is not set; a public mail domain makes no colleagues"
OUT=$(env -u RAPPORT_EMAIL EMAIL=bruno.keller@rapport-pm.example RAPPORT_DB="$T/third.db" LD_PRELOAD="$FAKETIME_LIB" \
	FAKETIME="@$NOW" sh -c '"$0" client add Globex >/dev/null && "$0" plan globex --from-ics "$1"' \
	"$RAPPORT_BIN" "$ics/invite-google.ics" 2>&1)
like "$OUT" "*added 3 people to Globex: Daniel Ortega, Priya Shah, Kenji Watanabe" \
	"with \$EMAIL at the user's company, the colleagues there are skipped"

# ---- A weekly series: EXDATE, a RECURRENCE-ID that moves one, one cancelled.
run plan zoe --from-ics "$ics/invite-weekly.ics"
like "$STATUS:$OUT" "0:planned meeting 3 with Zoë Lefèvre SARL at 2026-12-11 14:00 (7 agenda items, 4 carried over from last time)" \
	"a series plans its next occurrence: today's is over, the next excluded, the one after moved"
is "$(q "SELECT title, ical_recurrence FROM meetings WHERE id = 3")" \
	"Point hebdo Lefèvre (décalé au vendredi)|20261210T080000Z" "the occurrence is kept as RECURRENCE-ID names it"
run plan zoe --from-ics "$ics/invite-weekly.ics"
is "$STATUS:$OUT" "0:meeting 3 is already at this invitation's version (sequence 3); nothing changed" \
	"the series again, while its occurrence is planned, changes nothing"
# Not held: once its time is over, the same file (same SEQUENCE) moves the
# meeting to the series' next occurrence, its agenda kept (on a copy).
cp "$RAPPORT_DB" "$T/missed.db"
items=$(sqlite3 "$T/missed.db" "SELECT group_concat(title, '|') FROM agenda_items WHERE meeting_id = 3")
OUT=$(RAPPORT_DB="$T/missed.db" fixed "2026-12-11 16:00:00" "$RAPPORT_BIN" plan zoe --from-ics "$ics/invite-weekly.ics" 2>&1)
is "$OUT" "moved meeting 3 with Zoë Lefèvre SARL to the series' next occurrence, 2026-12-17 09:00: the one of 2026-12-11 14:00 is over (its agenda stays)" \
	"a missed occurrence's meeting moves to the series' next, whatever the SEQUENCE"
is "$(sqlite3 "$T/missed.db" "SELECT state, datetime(planned_at, 'unixepoch'), ical_recurrence, ical_sequence FROM meetings WHERE id = 3")|$(sqlite3 "$T/missed.db" "SELECT count(*) FROM meetings")" \
	"planned|2026-12-17 08:00:00|20261217T080000Z|3|3" "its time and occurrence are the next one's; no other meeting"
is "$(sqlite3 "$T/missed.db" "SELECT group_concat(title, '|') FROM agenda_items WHERE meeting_id = 3")" "$items" \
	"its agenda stays"
# Sent again at a higher SEQUENCE once it was missed: updated, and so moved.
cp "$RAPPORT_DB" "$T/missed4.db"
sed 's/^SEQUENCE:3/SEQUENCE:4/' "$ics/invite-weekly.ics" >"$T/weekly4.ics"
OUT=$(RAPPORT_DB="$T/missed4.db" fixed "2026-12-11 16:00:00" "$RAPPORT_BIN" plan zoe --from-ics "$T/weekly4.ics" 2>&1)
like "$OUT" "updated meeting 3 with Zoë Lefèvre SARL to the invitation's sequence 4: moved from 2026-12-11 14:00 to 2026-12-17 09:00*" \
	"a missed occurrence's meeting sent at a higher SEQUENCE is updated to the next"
is "$(sqlite3 "$T/missed4.db" "SELECT ical_recurrence || ':' || ical_sequence FROM meetings WHERE id = 3")" \
	"20261217T080000Z:4" "at the next occurrence and the new sequence"
# Moved by hand to a day still to come, it stays where it was put.
cp "$RAPPORT_DB" "$T/moved.db"
RAPPORT_DB="$T/moved.db" fixed "$NOW" "$RAPPORT_BIN" plan zoe --next --at "2026-12-21 10:00" >/dev/null
OUT=$(RAPPORT_DB="$T/moved.db" fixed "2026-12-11 16:00:00" "$RAPPORT_BIN" plan zoe --from-ics "$ics/invite-weekly.ics" 2>&1)
is "$OUT" "meeting 3 is already at this invitation's version (sequence 3); nothing changed
this file says 2026-12-17 09:00; the meeting stays at 2026-12-21 10:00 (plan --next --at moves it)" \
	"a meeting moved by hand to a day to come is not moved back to the series"

# Held as the live screen leaves a meeting; a week later the series is
# imported again.
q "UPDATE meetings SET state = 'ended', started_at = planned_at, ended_at = planned_at + 1800 WHERE id = 3"
run plan zoe --from-ics "$ics/invite-weekly.ics"
is "$STATUS:$OUT" "0:meeting 3 of this invitation has taken place; nothing changed" \
	"the occurrence held is not planned again"
OUT=$(fixed "2026-12-11 16:00:00" "$RAPPORT_BIN" plan zoe --from-ics "$ics/invite-weekly.ics" 2>&1)
like "$OUT" "planned meeting 4 with Zoë Lefèvre SARL at 2026-12-17 09:00 (*" \
	"once it took place, the series plans the next occurrence"
is "$(q "SELECT count(*) FROM meetings WHERE ical_uid = '7f3a9c2e-5b1d-4e8f-a6c0-2d9b8e4f1a37'")|$(q "SELECT ical_recurrence FROM meetings WHERE id = 4")" \
	"2|20261217T080000Z" "a new meeting with the same UID, for that occurrence"
run plan zoe --from-ics "$ics/invite-weekly-cancel-one.ics"
is "$STATUS:$(q "SELECT group_concat(id || ':' || state, ' ') FROM meetings WHERE id IN (3, 4)")" \
	"0:3:ended 4:cancelled" "a CANCEL of one occurrence cancels that occurrence's meeting only"

# ---- Wholly in the past.
before=$(sum "$RAPPORT_DB")
fails 1 "rapport: that meeting was on 2012-06-28; add --past to log it after the fact" \
	"an invitation wholly past is refused" plan zoe --from-ics "$ics/invite-past.ics"
is "$(sum "$RAPPORT_DB")" "$before" "the refusal changed nothing"
fails 2 "rapport: --past goes with --from-ics: it plans an invitation that is over (see rapport --help)" \
	"--past alone is a usage error" plan zoe --past
run plan zoe --from-ics "$ics/invite-past.ics" --past
is "$STATUS:$OUT" "0:logged meeting 5 with Zoë Lefèvre SARL, held 2012-06-28 14:30 (2 agenda items)" \
	"--past logs it after the fact, as held at its time"
is "$(q "SELECT state, started_at = planned_at, ended_at - started_at FROM meetings WHERE id = 5")|$(q "SELECT group_concat(status, ' ') FROM agenda_items WHERE meeting_id = 5")" \
	"ended|1|3600|pending pending" "held from its start for its length; its agenda stays as it was"
# For a client with no other meeting: its last contact, not its next.
rp client add "Delta Conseil" >/dev/null
sed 's/^UID:.*/UID:delta-past@example.org/' "$ics/invite-past.ics" >"$T/delta-past.ics"
rp plan delta --from-ics "$T/delta-past.ics" --past >/dev/null
run clients
like "$OUT" "*Delta Conseil	-	*	2012-06-28	*" "it is the client's last contact"
run meetings --upcoming
is "$(printf '%s\n' "$OUT" | grep -c 'Delta\|2012-06-28')" "0" "it is not an upcoming meeting"
run prep delta
like "$OUT" "*Next meeting: none planned*" "Prep does not call it the next meeting (missed)"
# Its agenda stays pending: as the client's last meeting held, what it
# left waits for the next one, as any meeting held leaves it.
run plan delta Suivi
is "$STATUS:$OUT" "0:planned meeting 7 with Delta Conseil (2 agenda items, 2 carried over from last time)" \
	"the next meeting takes up what the meeting logged left pending"

# ---- Cancelled, then sent again at a higher SEQUENCE: reinstated.
sed 's/^SEQUENCE:1/SEQUENCE:3/' "$ics/invite-outlook-update.ics" >"$T/reinstated.ics"
run plan zoe --from-ics "$T/reinstated.ics"
like "$STATUS:$OUT" "0:planned meeting 8 with Zoë Lefèvre SARL at 2026-12-03 11:00 (*" \
	"an invitation sent again after its cancellation, at a higher SEQUENCE, is planned again"
is "$(q "SELECT state || ':' || ical_sequence FROM meetings WHERE id = 8")" "planned:3" \
	"at the invitation's sequence"

# ---- Prose, read as sentences: a sentence removed by hand stays removed.
prose() {
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n'
	printf 'UID:prose-1@example.org\r\nSEQUENCE:%s\r\nDTSTAMP:20261120T090000Z\r\n' "$1"
	printf 'DTSTART:20261210T090000Z\r\nDTEND:20261210T100000Z\r\nSUMMARY:Revue\r\n'
	printf 'DESCRIPTION:Budget first. Then the timeline.\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n'
}
rp client add Bea >/dev/null
prose 0 >"$T/prose0.ics"
prose 1 >"$T/prose1.ics"
rp plan bea --from-ics "$T/prose0.ics" >/dev/null
rp plan bea --next --remove 1 >/dev/null
run plan bea --from-ics "$T/prose1.ics"
is "$STATUS:$(q "SELECT group_concat(title, '|') FROM agenda_items WHERE meeting_id = (SELECT max(id) FROM meetings)")" \
	"0:Then the timeline" "an update does not bring back a sentence removed by hand"

done_testing
