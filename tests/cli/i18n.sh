# i18n.sh: the command line speaks the user's language: --help, usage and
# input errors, plurals and the clients' language column, in English
# (C.UTF-8) and in French (fr_FR.UTF-8, LANGUAGE=fr); the C locale stays
# English whatever LANGUAGE says.  Errors keep their exit status and leave
# the database as it was.
. "$(dirname "$0")/lib.sh"

# en ARGS / fr ARGS: run in that language (lib.sh's LC_ALL set aside).
en() { LC_ALL= LANG=C.UTF-8 LANGUAGE= run "$@"; }
fr() { LC_ALL= LANG=fr_FR.UTF-8 LANGUAGE=fr run "$@"; }
# width TEXT: the widest line, in columns.
width() { printf '%s\n' "$1" | LC_ALL=C.UTF-8 wc -L | tr -d ' '; }
NNBSP=$'\u202f'

french=yes
locale -a 2>/dev/null | grep -qix 'fr_FR.utf-\?8' || french=""
# skip DESCRIPTION: a French check this machine cannot make.
skip() { ok "$1 # SKIP the fr_FR.UTF-8 locale is missing (scripts/setup.sh makes it)"; }

rp client add Acme >/dev/null
rp client add "Zoë Lefèvre SARL" --cadence 1-1 --lang fr >/dev/null

# --help
en --help
like "$STATUS:$OUT" "0:usage: rapport*Commands:*client add NAME*Options:*show this help*" \
	"--help in English under C.UTF-8"
LC_ALL=C LANGUAGE=fr run --help
like "$STATUS:$OUT" "0:usage: rapport*Commands:*" "the C locale stays English, LANGUAGE=fr or not"
LC_ALL= LANG=C.UTF-8 LANGUAGE=fr run --help
like "$OUT" "usage: rapport*Commands:*" "C.UTF-8 stays English, LANGUAGE=fr or not"
if [ -n "$french" ]; then
	fr --help
	like "$STATUS:$OUT" "0:utilisation${NNBSP}: rapport*Commandes${NNBSP}:*client add NOM*Options${NNBSP}:*afficher cette aide*" \
		"--help in French under fr_FR.UTF-8, LANGUAGE=fr"
	[[ $OUT != *"show this help"* && $OUT != *"Commands:"* ]] && ok "no English left in the French --help" ||
		not_ok "no English left in the French --help"
	is "$(width "$OUT")" 80 "the French --help fits 80 columns, to the column"
	LC_ALL=fr_FR.UTF-8 LANGUAGE= run --help
	like "$OUT" "utilisation*" "LC_ALL=fr_FR.UTF-8 alone gives French"
	LC_ALL= LANG=fr_FR.UTF-8 LANGUAGE=en run --help
	like "$OUT" "usage: rapport*" "LANGUAGE=en wins over a French LANG"
else
	for d in "--help in French" "no English left" "80 columns" "LC_ALL French" "LANGUAGE=en"; do skip "$d"; done
fi

# A usage error: exit 2, one line on stderr, nothing on stdout.
en clients extra
is "$STATUS:$ERR:$OUT" "2:rapport: clients takes no arguments (see rapport --help):" \
	"a usage error in English, exit 2"
en client add
is "$STATUS:$ERR" "2:rapport: client add takes one NAME (quote a name with spaces) (see rapport --help)" \
	"client add without NAME in English"
if [ -n "$french" ]; then
	fr clients extra
	is "$STATUS:$ERR:$OUT" "2:rapport: clients ne prend aucun argument (voir rapport --help):" \
		"a usage error in French, exit 2, the rapport: prefix kept"
	fr frobnicate
	is "$STATUS:$ERR" "2:rapport: commande inconnue «${NNBSP}frobnicate${NNBSP}» (voir rapport --help)" \
		"an unknown command in French"
	fr client add --lang de X
	is "$STATUS:$ERR" "2:rapport: --lang prend en ou fr, pas «${NNBSP}de${NNBSP}» (voir rapport --help)" \
		"a bad option value in French"
else
	for d in "usage error in French" "unknown command" "bad option value"; do skip "$d"; done
fi

# Bad input: exit 1, and the database is as it was.
before=$(sum "$RAPPORT_DB")
en client add "   "
is "$STATUS:$ERR:$OUT" "1:rapport: client name is empty:" "an empty name in English, exit 1"
en touch acme "called" --at "2026-11-27 10:00"
is "$STATUS:$ERR" "1:rapport: --at 2026-11-27 10:00 is ahead: a touchpoint is logged once it happened" \
	"a touchpoint ahead in English"
if [ -n "$french" ]; then
	fr client add "   "
	is "$STATUS:$ERR:$OUT" "1:rapport: le nom du client est vide:" "an empty name in French, exit 1"
	fr touch acme "appel" --at "2026-11-27 10:00"
	is "$STATUS:$ERR" "1:rapport: --at 2026-11-27 10:00 est dans le futur${NNBSP}: un point de contact se consigne une fois qu'il a eu lieu" \
		"a touchpoint ahead in French"
	fr person remove acme Nobody
	like "$STATUS:$ERR" "1:rapport: aucun interlocuteur ne correspond à*Nobody*" "no such person, in French"
else
	for d in "empty name in French" "touchpoint ahead in French" "no such person"; do skip "$d"; done
fi
is "$(sum "$RAPPORT_DB")" "$before" "the errors left the database untouched"

# Plurals: 1 is singular in both; French takes 0 and 1 as singular.
en client add Bob --cadence 1-1
is "$OUT" "added client Bob (check in every 1-1 day; English)" "a plural in English: 1 day"
en client add Cy
is "$OUT" "added client Cy (check in every 5-14 days; English)" "a plural in English: 14 days"
if [ -n "$french" ]; then
	fr client add Dee --cadence 1-1
	is "$OUT" "client Dee ajouté (un contact tous les 1 à 1 jour${NNBSP}; français)" "a plural in French: 1 jour"
	fr client add Eve
	is "$OUT" "client Eve ajouté (un contact tous les 5 à 14 jours${NNBSP}; français)" "a plural in French: 14 jours"
	fr touch zoe "appel : devis" --at "2026-11-23 10:00"
	fr clients
	like "$(grep '^Zoë' <<<"$OUT")" $'*\ten retard de 2 jours\tfr' "a status in French: en retard de 2 jours"
else
	for d in "1 jour" "14 jours" "en retard de 2 jours"; do skip "$d"; done
fi

# The clients' language: a last column, LANG on a terminal.
en clients
is "$(cut -f1,6 <<<"$OUT" | sort | tr '\t\n' '=|')" "Acme=en|Bob=en|Cy=en|Dee=fr|Eve=fr|Zoë Lefèvre SARL=fr|" \
	"clients: each client's language last" 
LC_ALL= LANG=C.UTF-8 LANGUAGE= on_tty clients
like "$(head -1 <<<"$OUT")" "NAME*ORGANISATION*CADENCE*LAST CONTACT*STATUS*LANG" "the English heading"
like "$(grep '^Acme' <<<"$OUT")" "Acme *never *no contact yet *en" "Acme's row: never contacted, in English"
if [ -n "$french" ]; then
	LC_ALL= LANG=fr_FR.UTF-8 LANGUAGE=fr on_tty clients
	like "$(head -1 <<<"$OUT")" "NOM*ORGANISATION*CADENCE*DERNIER CONTACT*ÉTAT*LANGUE" "the French heading"
	like "$(grep '^Acme' <<<"$OUT")" "Acme *jamais *pas encore de contact *en" \
		"Acme's row in French: the language code stays en"
	fr client lang acme fr
	is "$STATUS:$OUT" "0:Acme parle désormais français" "client lang, said in French"
else
	for d in "French heading" "French row" "client lang in French"; do skip "$d"; done
fi

# What a search hit is, in the user's language; --json keeps the word.
rp touch Acme "appel : le budget est validé" --at "2026-11-25 09:00" >/dev/null
en search budget
like "$STATUS:$OUT" "0:*Acme*touchpoint*budget*" "search says what a hit is in English"
if [ -n "$french" ]; then
	fr search budget
	like "$STATUS:$OUT" "0:*Acme*point de contact*budget*" "search says what a hit is in French"
	fr search budget --json
	like "$OUT" '*"what": "touchpoint"*' "search --json keeps the stored word"
else
	for d in "search in French" "search --json in French"; do skip "$d"; done
fi
done_testing
