# po.sh: the French catalogue is whole.  A fresh template is made from the
# files po/POTFILES names, with the keywords po/meson.build gives xgettext,
# po/fr.po is merged with it, and no message may be left untranslated or
# fuzzy; msgfmt checks fr.po's formats as the build does.  ./scripts/test
# runs it with the other command-line tests.
. "$(dirname "$0")/lib.sh"

src=${RAPPORT_SOURCE:-$(cd "$(dirname "$0")/../.." && pwd)}
for tool in xgettext msgmerge msgfmt msgattrib; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is not installed (Debian: gettext)"
		exit 0
	fi
done

# The keywords, as meson's i18n module passes them: one source for both.
mapfile -t keywords < <(sed -n "s/^ *'\(--keyword=[^']*\)',\{0,1\} *\$/\1/p" "$src/po/meson.build")
like "${keywords[*]}" "*--keyword=_ *--keyword=P_:1,2*" "po/meson.build gives xgettext its keywords"

# msgid of each message of a catalogue, one a line, without the header.
# A msgid that holds a newline comes in several strings: joined here.
msgids() {
	plain msgattrib --no-wrap "$@" | awk '
		/^msgid / { id = substr($0, 7); more = 1; next }
		more && /^"/ { id = id $0; next }
		more { more = 0; gsub(/""/, "", id); if (id != "") print id }'
}

if out=$(cd "$src" && plain xgettext --from-code=UTF-8 "${keywords[@]}" --files-from=po/POTFILES \
	--package-name=rapport -o "$T/rapport.pot" 2>&1); then
	ok "xgettext reads every file po/POTFILES names"
else
	not_ok "xgettext reads every file po/POTFILES names" "$out"
fi
count=$(grep -c '^msgid "..*"' "$T/rapport.pot")
[ "$count" -gt 50 ] && ok "the template holds the program's messages ($count)" ||
	not_ok "the template holds the program's messages" "only $count"

if out=$(plain msgmerge --quiet "$src/po/fr.po" "$T/rapport.pot" -o "$T/fr.po" 2>&1); then
	ok "fr.po merges with the fresh template"
else
	not_ok "fr.po merges with the fresh template" "$out"
fi
stats=$(LC_ALL=C plain msgfmt --statistics -o /dev/null "$T/fr.po" 2>&1)
untranslated=$(msgids --untranslated --no-obsolete "$T/fr.po")
fuzzy=$(msgids --only-fuzzy --no-obsolete "$T/fr.po")
if [ -z "$untranslated" ]; then
	ok "every message has a French translation ($stats)"
else
	mapfile -t lines <<<"$untranslated"
	not_ok "every message has a French translation" "$stats" "untranslated:" "${lines[@]}"
fi
if [ -z "$fuzzy" ]; then
	ok "no translation is fuzzy"
else
	mapfile -t lines <<<"$fuzzy"
	not_ok "no translation is fuzzy" "$stats" "fuzzy:" "${lines[@]}"
fi
# The statistics say it too, in msgfmt's own words.
like "$stats" "+([0-9]) translated message*" "msgfmt --statistics counts only translated messages"
[[ $stats != *fuzzy* && $stats != *untranslated* ]] && ok "msgfmt --statistics: no fuzzy, no untranslated" ||
	not_ok "msgfmt --statistics: no fuzzy, no untranslated" "$stats"

if out=$(plain msgfmt -c --check-format -o /dev/null "$src/po/fr.po" 2>&1); then
	ok "msgfmt -c --check-format accepts po/fr.po"
else
	not_ok "msgfmt -c --check-format accepts po/fr.po" "$out"
fi
done_testing
