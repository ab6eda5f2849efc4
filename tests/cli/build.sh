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
fi
done_testing
