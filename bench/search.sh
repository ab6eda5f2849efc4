#!/usr/bin/env bash
# bench/search.sh RAPPORT_BIN DATABASE WORD...
# Full-text search against the bars of DESIGN.md §7: rapport search (the
# newest 50 hits) beside the same FTS5 query in the sqlite3 shell, and beside
# ripgrep (rg -l) over the same history kept as one Markdown file per
# meeting.  Wall time of whole commands, median of runs, via hyperfine.
set -euo pipefail
bin=$1 db=$2
shift 2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The history as one Markdown file per meeting, for ripgrep.
mkdir -p "$work/md"
sqlite3 -separator $'\t' "$db" \
	"SELECT meeting_id, kind, replace(text, char(10), ' ') FROM notes ORDER BY meeting_id, at" |
	awk -F'\t' -v dir="$work/md" '{ f = dir "/meeting-" $1 ".md"; print "- " $2 ": " $3 >> f; if (++n % 500 == 0) close(f) }'
echo "markdown copy: $(ls "$work/md" | wc -l) files, $(du -sh "$work/md" | cut -f1)"

# The query rapport search runs (the one FTS5 table over notes, facts,
# follow-ups, agenda items and clients), for the sqlite3 shell to run as it is.
sql=$("$(dirname "$bin")/../../bench/search_sql")

for word in "$@"; do
	printf '.parameter set ?1 %s\n.parameter set ?2 50\n%s;\n' \
		"'$word'" "$sql" >"$work/same.sql"
	echo "== $word"
	hyperfine --shell=none --warmup 3 --runs 30 --style basic --export-markdown "$work/r.md" \
		-n rapport "env RAPPORT_DB=$db $bin search $word --limit 50" \
		-n "sqlite3 (the FTS5 query)" "sqlite3 $db \"SELECT rowid, snippet(search_fts, 0, '[', ']', '…', 12) FROM search_fts WHERE search_fts MATCH '$word' ORDER BY rowid DESC LIMIT 50\"" \
		-n "sqlite3 (rapport's query)" "sqlite3 -init $work/same.sql $db .quit" \
		-n rg "rg -l -i $word $work/md" >/dev/null
	grep -E '^\| `' "$work/r.md" | sed 's/^/  /'
done
