# export_lang.sh: what is sent to a client is in the client's language,
# whatever the user's: a French client's recap and calendar from an English
# desktop (C.UTF-8), an English client's from a French one (fr_FR.UTF-8);
# the program's own messages follow the user.
. "$(dirname "$0")/lib.sh"
unset LANGUAGE

# Friday 4 December 2026, 14:00 in Paris: the meetings were held from 13:00
# to 13:40 that day, their times taken from this clock.
W="2026-12-04 14:00:00"
HELD=$(plain date -d "$W" +%s)
HELD=$((HELD - 3600))
MONDAY=$(plain date -d "$W 3 days" +%F)  # a due date: lundi 7 décembre
NB=$(printf '\342\200\257')  # NNBSP, French typography's narrow space

# at ARGS...: the binary at W, under the user's locale of the test (C.UTF-8).
at() { fixed "$W" "$RAPPORT_BIN" "$@"; }
# fr_at ARGS...: the same from a French desktop.
fr_at() { LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 fixed "$W" "$RAPPORT_BIN" "$@"; }
# unfold: an iCalendar text as lines, CRLF made LF and folds undone.
unfold() { tr -d '\r' | sed -e ':a' -e 'N' -e '$!ba' -e 's/\n //g'; }

at client add "Éditions Lefèvre" --lang fr --cadence 5-14 >/dev/null
at client add "Acme Ltd" --lang en --cadence 5-14 >/dev/null
at plan edi "Point d'étape" --item Budget:15 \
	--walk "Alice|a construit l'import|16h|les clés d'API du client" >/dev/null
at plan acme Kickoff --item Budget:15 >/dev/null
sqlite3 "$RAPPORT_DB" "
UPDATE meetings SET state = 'ended', started_at = $HELD, ended_at = $HELD + 2400;
INSERT INTO notes (meeting_id, at, kind, text) VALUES
  (1, $HELD + 60, 'decision', 'on part sur un déploiement par phases'),
  (1, $HELD + 120, 'question', 'peut-on héberger le tableau de bord nous-mêmes'),
  (1, $HELD + 180, 'concern', 'inquiet que \"la migration\" prenne du retard'),
  (1, $HELD + 240, 'action', 'envoyer le plan révisé @me ^lun'),
  (1, $HELD + 300, 'private', 'ils semblaient tendus'),
  (2, $HELD + 60, 'decision', 'go with the phased rollout'),
  (2, $HELD + 240, 'action', 'send the revised plan @moi ^mon');
INSERT INTO followups (client_id, meeting_id, note_id, text, owner, due, created_at) VALUES
  (1, 1, 4, 'envoyer le plan révisé', 'me', '$MONDAY', $HELD + 240),
  (1, 1, NULL, 'signer le bon de commande', 'client', NULL, $HELD + 250),
  (2, 2, 7, 'send the revised plan', 'moi', '$MONDAY', $HELD + 240),
  (2, 2, NULL, 'sign the order form', 'client', NULL, $HELD + 250);"

# --- A French client from an English desktop ------------------------------

FR_MD=$(at export 1 --format md)
is "$FR_MD" "# Point d'étape — Éditions Lefèvre

Compte rendu — vendredi 4 décembre 2026

## Décisions

- On part sur un déploiement par phases

## Prochaines étapes

- Envoyer le plan révisé — moi, d'ici le lundi 7 décembre 2026
- Signer le bon de commande — client, date à convenir

## Questions en suspens

- Peut-on héberger le tableau de bord nous-mêmes$NB?

## Vos inquiétudes

- Inquiet que «${NB}la migration${NB}» prenne du retard

## Qui a fait quoi

- Budget$NB: Alice a construit l'import (16${NB}h), qui dépendait des clés d'API du client

## Prochain point

Entre le 9 décembre 2026 et le 18 décembre 2026$NB; nous proposons le lundi 14 décembre 2026." \
	"a French client's recap is French under C.UTF-8: headings, labels, dates, « », NNBSP"
is "$(printf '%s' "$FR_MD" | grep -c -e Recap -e December -e Friday -e ' by ' -e agree -e tendus)" 0 \
	"nothing of the English recap is left, and nothing private"

FR_ICS=$(at export 1 --format ics)
FR_FLAT=$(printf '%s' "$FR_ICS" | unfold)
like "$FR_FLAT" "*
SUMMARY:Éditions Lefèvre$NB: envoyer le plan révisé
*" "a task of mine: the client, a narrow space, the words"
like "$FR_FLAT" "*
SUMMARY:En attente d'Éditions Lefèvre$NB: signer le bon de commande
*" "a task of theirs: « En attente d'... », elided before a vowel"
like "$FR_FLAT" "*
DESCRIPTION:Responsable$NB: moi\\\\nSuite à la réunion «${NB}Point d'étape${NB}» avec Éditions Lefèvre du vendredi 4 décembre 2026
*" "the task's description in French, its date in full"
like "$FR_FLAT" "*
SUMMARY:Faire le point avec Éditions Lefèvre
*" "the check-in in French"
like "$FR_FLAT" "*
DESCRIPTION:Dernier contact le 4 décembre 2026. Pas avant le 9 décembre 2026\\\\, au plus tard le 18 décembre 2026 (un contact tous les 5 à 14 jours).
*" "the check-in's window in French"
like "$FR_FLAT" "*
CATEGORIES:rapport,Éditions Lefèvre,waiting
*" "categories stay the same in every language, for the user's filters"
is "$(printf '%s' "$FR_FLAT" | grep -c -e 'Check in' -e Waiting -e Owner -e meeting)" 0 \
	"no English summary or description for a French client"
# RFC 5545: lines of at most 75 octets, folds never inside a character.
is "$(printf '%s' "$FR_ICS" | tr -d '\r' | LC_ALL=C awk 'length($0) > 75' | wc -l | tr -d ' ')" 0 \
	"French lines (NNBSP, accents) are at most 75 octets"
is "$(printf '%s' "$FR_ICS" | tr -d '\r' | LC_ALL=C.UTF-8 grep -caxv '.*')" 0 \
	"every raw line is valid UTF-8: no fold split a character"
like "$(printf '%s' "$FR_ICS" | tr -d '\r' | grep -c '^ ')" "[1-9]*" "the long French lines were folded"

# The user's chrome stays English under C.UTF-8.
: >"$T/a-file"
OUT=$(at export --vdir "$T/a-file" 2>&1)
is "$OUT" "rapport: $T/a-file is not a folder" "an English desktop's error is English"

# --- An English client from a French desktop -------------------------------

if ! locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8'; then
	ok "an English client from a French desktop # SKIP fr_FR.UTF-8 is not installed (scripts/setup.sh)"
	done_testing
	exit 0
fi

EN_MD=$(fr_at export 2 --format md)
is "$EN_MD" "# Kickoff — Acme Ltd

Recap — Friday 4 December 2026

## Decisions

- Go with the phased rollout

## Actions

- Send the revised plan — me, by Monday 7 December 2026
- Sign the order form — client, date to agree

## Next check-in

Between 9 December 2026 and 18 December 2026; we suggest Monday 14 December 2026." \
	"an English client's recap is English under fr_FR.UTF-8 (and @moi is \"me\")"
is "$(printf '%s' "$EN_MD" | grep -c -e "$NB" -e décembre -e vendredi -e Compte)" 0 \
	"nothing French in an English client's recap"

EN_FLAT=$(fr_at export 2 --format ics | unfold)
like "$EN_FLAT" "*
SUMMARY:Acme Ltd: send the revised plan
*
SUMMARY:Waiting for Acme Ltd: sign the order form
*
SUMMARY:Check in with Acme Ltd
*" "an English client's calendar is English under fr_FR.UTF-8"
like "$EN_FLAT" "*
DESCRIPTION:Owner: me\\\\nFrom the meeting \"Kickoff\" with Acme Ltd on 2026-12-04
*" "the English description, and the user's \"moi\" said \"me\""
is "$(printf '%s' "$EN_FLAT" | grep -c -e "$NB" -e 'Faire le point' -e 'En attente')" 0 \
	"nothing French in an English client's calendar"
is "$(fr_at export 1 --format md)" "$FR_MD" "a French client's recap is the same from either desktop"

# The vdir holds each client's objects in their language, from either desktop.
OUT=$(fr_at export --vdir "$T/cal")
is "$?" 0 "export --vdir from a French desktop"
CALID=$(sqlite3 "$RAPPORT_DB" "SELECT value FROM settings WHERE key = 'calendar_id'")
is "$(unfold <"$T/cal/rapport-$CALID-checkin-1.ics" | grep '^SUMMARY:')" \
	"SUMMARY:Faire le point avec Éditions Lefèvre" "the French client's check-in file is French"
is "$(unfold <"$T/cal/rapport-$CALID-checkin-2.ics" | grep '^SUMMARY:')" \
	"SUMMARY:Check in with Acme Ltd" "the English client's check-in file is English"
is "$(unfold <"$T/cal/rapport-$CALID-followup-2.ics" | grep '^SUMMARY:')" \
	"SUMMARY:En attente d'Éditions Lefèvre${NB}: signer le bon de commande" \
	"the French client's task file is French"
OUT=$(at export --vdir "$T/cal")
like "$OUT" "*0 written*" "the same files from an English desktop: nothing to write"

# The user's chrome is French under fr_FR.UTF-8.
OUT=$(fr_at export --vdir "$T/a-file" 2>&1)
is "$OUT" "rapport: $T/a-file n'est pas un dossier" "a French desktop's error is French"

done_testing
