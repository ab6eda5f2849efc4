# build.sh: the other builds a user or a benchmark makes also compile
# without a warning (gcc warns of other things at -O3 than at -O0):
# ./scripts/run's release build, with the benchmarks.
. "$(dirname "$0")/lib.sh"

if ! command -v meson >/dev/null || ! command -v ninja >/dev/null; then
	ok "a release build # SKIP meson and ninja are not installed"
else
	out=$(plain meson setup "$T/release" "$RAPPORT_SOURCE" --buildtype=release -Dtests=false \
		-Dbench=true -Dwerror=true 2>&1 && plain ninja -C "$T/release" 2>&1)
	status=$?
	if [ "$status" -eq 0 ]; then
		ok "a release build (-O3, the benchmarks too) compiles with warnings as errors"
	else
		not_ok "a release build (-O3, the benchmarks too) compiles with warnings as errors" \
			"$(grep -E ': (error|warning):' <<<"$out" | head -20)"
	fi

	# Installed where a user installs it, the program finds its French
	# catalogue under the prefix, not in the build tree.
	if [ "$status" -eq 0 ] && plain meson install -C "$T/release" --destdir "$T/root" >/dev/null 2>&1; then
		bin=$(find "$T/root" -path '*/bin/rapport' -type f | head -n 1)
		mo=$(find "$T/root" -path '*/fr/LC_MESSAGES/rapport.mo' -type f | head -n 1)
		like "$mo" '*/share/locale/fr/LC_MESSAGES/rapport.mo' "meson install puts the French catalogue under share/locale"
		rm -rf "$T/release/po"
		out=$(cd "$T" && LC_ALL=fr_FR.UTF-8 LANGUAGE= RAPPORT_DB="$T/installed.db" "$bin" frobnicate 2>&1)
		like "$out" '*commande inconnue*' "the installed program speaks French from the prefix's catalogue, the build tree's gone"
		out=$(cd "$T" && LC_ALL=C.UTF-8 LANGUAGE= RAPPORT_DB="$T/installed.db" "$bin" frobnicate 2>&1)
		like "$out" '*unknown command*' "and English under the C locale"
	else
		not_ok "meson install into a staging folder"
	fi
fi
done_testing
