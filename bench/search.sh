#!/usr/bin/env bash
# bench/search.sh RAPPORT_BIN DATABASE [ROUNDS] WORD...
# Full-text search against the bars of DESIGN.md §7, in wall time of whole
# commands:
#   rapport   rapport search WORD (the newest 50 hits, as a person runs it)
#   sqlite3   the same work in the sqlite3 shell on the same file: rapport's
#             FTS5 statement and, for each hit, its look-up of where the hit
#             belongs (bench/search_sql prints both as one statement)
#   rg        rg -l -i WORD over the same history kept as a person keeps
#             meeting notes: one Markdown file per meeting, named by its date
#             and client, with a title, the date, the client, the agenda and
#             the notes as typed
# The three run in turn, the order turning each round (bench_alt), ROUNDS
# rounds (default 21): each figure is a median, and each ratio the median
# of the ratios within a round.  Last, one line per word for scripts:
#   search WORD MATCHES RAPPORT_MS SHELL_MS RG_MS RAPPORT/SHELL RG/RAPPORT
set -euo pipefail
bin=$1 db=$2
shift 2
rounds=21
if [[ ${1:-} =~ ^[0-9]+$ ]]; then
	rounds=$1
	shift
fi
tools=$(cd "$(dirname "$bin")/../../bench" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RAPPORT_NO_SNAPSHOT=1

# The Markdown copy: one query gives each meeting's header, agenda items and
# notes in order (tab-separated, kind 0, 1, 2); awk writes the files.
mkdir -p "$work/md"
sqlite3 -init /dev/null -readonly -batch -separator $'\t' "$db" "
SELECT m.id, 0, 0, date(m.started_at, 'unixepoch'), strftime('%H:%M', m.started_at, 'unixepoch'),
       c.name, m.title
  FROM meetings m JOIN clients c ON c.id = m.client_id WHERE m.state = 'ended'
UNION ALL
SELECT a.meeting_id, 1, a.position, a.title, coalesce(a.timebox_minutes, ''), '', ''
  FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id WHERE m.state = 'ended'
UNION ALL
SELECT n.meeting_id, 2, n.at,
       CASE n.kind WHEN 'need' THEN '+ ' WHEN 'concern' THEN '! ' WHEN 'question' THEN '? '
         WHEN 'decision' THEN '= ' WHEN 'action' THEN '> ' WHEN 'personal' THEN '* '
         WHEN 'quote' THEN '\" ' WHEN 'private' THEN '~ ' ELSE '' END
       || replace(replace(n.text, char(10), ' '), char(9), ' '), '', '', ''
  FROM notes n JOIN meetings m ON m.id = n.meeting_id
 WHERE m.state = 'ended' AND n.phase = 'live'
ORDER BY 1, 2, 3" |
	awk -F'\t' -v dir="$work/md" '
	$2 == 0 {
		if (f != "") close(f)
		name = $4 " " $6
		gsub("/", "-", name)
		if (++used[name] > 1) name = name " (" used[name] ")"
		f = dir "/" name ".md"
		printf "# %s, %s\n\nDate: %s %s\nClient: %s\n", $7, $6, $4, $5, $6 > f
		section = 0
		next
	}
	$2 == 1 {
		if (section != 1) { print "\n## Agenda\n" > f; section = 1 }
		printf "%d. %s%s\n", $3, $4, $5 != "" ? " (" $5 " min)" : "" > f
		next
	}
	$2 == 2 {
		if (section != 2) { print "\n## Notes\n" > f; section = 2 }
		print "- " $4 > f
	}'
files=$(find "$work/md" -type f | wc -l)
echo "markdown copy: $files files, $(du -sh "$work/md" | cut -f1) (one per meeting)"
[ "$files" -gt 0 ] || { echo "search.sh: no meeting to search" >&2; exit 1; }

printf '%-10s %7s %11s %11s %11s %11s %11s\n' word matches "rapport ms" "sqlite3 ms" "rg ms" \
	"rapport/sh" "rg/rapport"
summary=()
for word in "$@"; do
	"$tools/search_sql" "$word" 51 >"$work/same.sql"
	# The same work: as many rows as rapport lists (it asks for 51 to say
	# the list was cut, and shows 50).
	hits=$("$bin" --db "$db" search "$word" 2>/dev/null | wc -l)
	matches=$(sqlite3 -init /dev/null -readonly "$db" \
		"SELECT count(*) FROM search_fts WHERE search_fts MATCH '${word//\'/\'\'}'")
	rows=$(sqlite3 -init /dev/null -readonly "$db" "$(cat "$work/same.sql")" | wc -l)
	if [ "$rows" -ne "$hits" ] && [ "$rows" -ne $((hits + 1)) ]; then
		echo "search.sh: $word: the shell gave $rows rows, rapport $hits hits" >&2
		exit 1
	fi
	out=$("$tools/bench_alt" "$rounds" \
		-- "$bin" --db "$db" search "$word" \
		-- sqlite3 -init /dev/null -readonly "$db" "$(cat "$work/same.sql")" \
		-- rg -l -i "$word" "$work/md")
	read -r _ r_ms _ _ _ _ _ <<<"$(sed -n 1p <<<"$out")"
	read -r _ s_ms _ _ s_ratio _ _ <<<"$(sed -n 2p <<<"$out")"
	read -r _ g_ms _ _ g_ratio _ _ <<<"$(sed -n 3p <<<"$out")"
	line=$(awk -v w="$word" -v h="$matches" -v r="$r_ms" -v s="$s_ms" -v g="$g_ms" \
		-v sr="$s_ratio" -v gr="$g_ratio" \
		'BEGIN { printf "%s %d %.2f %.2f %.2f %.3f %.1f", w, h, r, s, g, 1 / sr, gr }')
	read -r _ _ a b c d e <<<"$line"
	printf '%-10s %7d %11s %11s %11s %10sx %10sx\n' "$word" "$matches" "$a" "$b" "$c" "$d" "$e"
	summary+=("search $line")
done
echo "($rounds rounds; rapport/sh is the median of rapport's time over the shell's in a round)"
printf '%s\n' "${summary[@]}"
