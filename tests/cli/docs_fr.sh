# docs_fr.sh: the French manual renders cleanly, covers what the English one
# does (every command, option, section, environment variable and file), and
# meson installs it under fr/man1.
. "$(dirname "$0")/lib.sh"
src="$RAPPORT_SOURCE"
fr="$src/man/fr/rapport.1"
en="$src/man/rapport.1"

# -k: the page is UTF-8 (its first line says so, for man's preconv).
is "$(plain groff -k -man -ww -z "$fr" 2>&1)" "" "groff -ww finds nothing to warn about in the French page"
is "$(head -1 "$fr")" "'\\\" -*- coding: utf-8 -*-" "the French page declares its encoding"
page=$(MANWIDTH=80 plain env LC_ALL=C.UTF-8 man -l "$fr" 2>/dev/null)
# The page's words on one line, so that a phrase is found across a line break.
flat=$(printf '%s\n' "$page" | tr -s ' \n' '  ')
# has WORDS DESCRIPTION: the rendered page holds WORDS (without dumping it).
has() {
	if [[ $flat == *"$1"* ]]; then ok "$2"; else not_ok "$2" "not in the rendered page: $1"; fi
}
like "$page" "RAPPORT(1)*NOM*SYNOPSIS*DESCRIPTION*COMMANDES*OPTIONS*LANGUES*ENVIRONNEMENT*FICHIERS*CODE DE RETOUR*EXEMPLES*VOIR AUSSI*" \
	"man -l renders every French section in order"
for word in "ÉCRAN CLIENTS" "ÉCRAN PRÉPARATION" "ÉCRAN DE RÉUNION EN DIRECT" "ÉCRAN RÉCAPITULATIF" \
	"ÉCRAN REVUE" "ÉCRAN ACTIONS" "SYNTAXE DES NOTES" "ÉCHÉANCES" "INSTANTANÉS" "AGENDAS" \
	"la langue du client" "client lang" "typographie française"; do
	has "$word" "the French manual has $word"
done

# Every command and option of the English page is in the French one: the
# bold words of its synopsis, then every --option anywhere in it.
for opt in $(grep -o -- '\\-\\-[a-z]\+\(\\-[a-z]\+\)*' "$en" | sed 's/\\-/-/g' | sort -u); do
	has "$opt" "the French manual documents $opt"
done
for cmd in $(sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$en" | sed -n 's/^\.B \([a-z][a-z ]*\)$/\1/p' | sort -u); do
	has "$cmd" "the French manual documents '$cmd'"
done
# ...and every environment variable and every file the English page names.
for var in $(sed -n '/^\.SH ENVIRONMENT/,/^\.SH FILES/p' "$en" | grep -o '^\.BR\? [A-Z_][A-Z_]*' | awk '{print $2}' | sort -u); do
	has "$var" "the French manual documents $var"
done
for f in $(sed -n '/^\.SH FILES/,/^\.SH CALENDARS/p' "$en" | sed -n 's/^\.I \([^ ]*\)$/\1/p' | sed 's/\\-/-/g; s/YYYY/AAAA/g; s/MM-DD/MM-JJ/g; s/MMDD/MMJJ/g' | sort -u); do
	has "$f" "the French manual names the file $f"
done
# As many sections as the English page, plus LANGUES on either side.
is "$(grep -c '^\.SH ' "$fr")" "$(grep -c '^\.SH ' "$en")" "the French page has as many sections as the English one"
# Lines fit 80 columns, counted in characters.
is "$(printf '%s\n' "$page" | LC_ALL=C.UTF-8 python3 -c 'import sys; print(sum(1 for l in sys.stdin if len(l.rstrip("\n")) > 80 and "://" not in l))')" "0" \
	"the French page renders within 80 columns"
# Under a French locale, man -l renders it in UTF-8 unharmed.
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	frpage=$(MANWIDTH=80 plain env LANG=fr_FR.UTF-8 LC_ALL= man -l "$fr" 2>&1)
	like "$(printf '%s' "$frpage" | grep -c 'Préparation\|réunion\|échéance')" "[1-9]*" "man renders the accents under fr_FR.UTF-8"
else
	ok "man under fr_FR.UTF-8 # SKIP fr_FR.UTF-8 is not generated on this machine"
fi

# meson install puts the French page in fr/man1.
build=$(dirname "$(dirname "$(dirname "$RAPPORT_BIN")")")
if meson install -C "$build" --destdir "$T/dest" --no-rebuild >"$T/install.log" 2>&1; then
	man=$(find "$T/dest" -path '*/fr/man1/rapport.1*' -type f | head -1)
	like "$man" "*/share/man/fr/man1/rapport.1*" "meson install installs the French manual"
	if [ -n "$man" ]; then
		is "$(zcat -f "$man" | head -1)" "$(head -1 "$fr")" "the installed French page is ours"
	fi
else
	not_ok "meson install" "$(tail -5 "$T/install.log")"
fi

done_testing
