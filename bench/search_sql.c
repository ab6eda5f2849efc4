/* search_sql.c: the SQL of rapport search, for the sqlite3 shell.
**
**   search_sql                  the FTS5 statement of `rapport search`
**   search_sql QUERY LIMIT      the same work as one statement for the shell
**
** rapport search runs search_sql(SEARCH_NEWEST) with ?1 the query and ?2
** one more than the hits it lists, then for each row one look-up by id of
** where the hit belongs (detail_sql in src/core/search.c: the note with its
** meeting and client, or the fact, follow-up, agenda item, client,
** touchpoint or person with its client).  With QUERY and LIMIT this prints
** that work as one statement the sqlite3 shell can run on the same file,
** after the page check rapport's connections make (cell_size_check):
** the FTS5 statement as it is (?1 and ?2 written in as literals), its rows
** kept in order, and for each the same look-up, joined by primary key, as
** rapport's statements do it.  The look-ups are copied from search.c:
** keep them in step (bench/search.sh checks that both give as many rows).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/search.h"

/* One look-up per source, as search.c's detail_sql has them: the columns
** of the hit's place, from h (src, ref, snip, pos). */
static const char *const detail[] = {
	"SELECT h.pos, n.kind, n.at, c.name, c.id, n.meeting_id, n.id,"
	" c.archived_at IS NOT NULL, h.snip FROM h JOIN notes n ON n.id = h.ref"
	" JOIN meetings m ON m.id = n.meeting_id JOIN clients c ON c.id = m.client_id"
	" WHERE h.src = 0",
	"SELECT h.pos, 'fact', f.learned_at, c.name, c.id, coalesce(f.meeting_id, 0), 0,"
	" c.archived_at IS NOT NULL, h.snip FROM h JOIN facts f ON f.id = h.ref"
	" JOIN clients c ON c.id = f.client_id WHERE h.src = 1",
	"SELECT h.pos, 'follow-up', f.created_at, c.name, c.id, coalesce(f.meeting_id, 0),"
	" coalesce(f.note_id, 0), c.archived_at IS NOT NULL, h.snip FROM h"
	" JOIN followups f ON f.id = h.ref JOIN clients c ON c.id = f.client_id"
	" WHERE h.src = 2",
	"SELECT h.pos, 'agenda', coalesce(m.started_at, m.planned_at, m.created_at), c.name,"
	" c.id, m.id, 0, c.archived_at IS NOT NULL, h.snip FROM h"
	" JOIN agenda_items a ON a.id = h.ref JOIN meetings m ON m.id = a.meeting_id"
	" JOIN clients c ON c.id = m.client_id WHERE h.src = 3",
	"SELECT h.pos, 'client', c.created_at, c.name, c.id, 0, 0, c.archived_at IS NOT NULL,"
	" h.snip FROM h JOIN clients c ON c.id = h.ref WHERE h.src = 4",
	"SELECT h.pos, 'touchpoint', t.at, c.name, c.id, 0, 0, c.archived_at IS NOT NULL,"
	" h.snip FROM h JOIN touchpoints t ON t.id = h.ref JOIN clients c ON c.id = t.client_id"
	" WHERE h.src = 5",
	"SELECT h.pos, 'person', p.created_at, c.name, c.id, 0, 0, c.archived_at IS NOT NULL,"
	" h.snip FROM h JOIN people p ON p.id = h.ref JOIN clients c ON c.id = p.client_id"
	" WHERE h.src = 6",
};

/* s with ?1 as the SQL string literal of query and ?2 as limit. */
static void
put_bound(const char *s, const char *query, long limit)
{
	for (; *s; s++) {
		if (s[0] == '?' && s[1] == '1') {
			putchar('\'');
			for (const char *q = query; *q; q++) {
				if (*q == '\'')
					putchar('\'');
				putchar(*q);
			}
			putchar('\'');
			s++;
		} else if (s[0] == '?' && s[1] == '2') {
			printf("%ld", limit);
			s++;
		} else {
			putchar(*s);
		}
	}
}

int
main(int argc, char **argv)
{
	if (argc == 1) {
		puts(search_sql(SEARCH_NEWEST));
		return 0;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: search_sql [QUERY LIMIT]\n");
		return 2;
	}
	/* rapport reads every page with this check (store.c): the shell too. */
	printf("PRAGMA cell_size_check = ON;\n");
	printf("WITH h(src, ref, snip, rank, pos) AS MATERIALIZED (SELECT *, row_number() OVER ()"
	       " FROM (");
	put_bound(search_sql(SEARCH_NEWEST), argv[1], atol(argv[2]));
	printf("))\n");
	for (size_t i = 0; i < sizeof detail / sizeof detail[0]; i++)
		printf("%s%s\n", i ? "UNION ALL " : "", detail[i]);
	printf("ORDER BY 1;\n");
	return 0;
}
