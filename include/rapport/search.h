/* search.h: full-text search over every meeting, note, fact, follow-up,
** agenda item, client name, touchpoint and person (FTS5, case- and accent-insensitive:
** "lefevre" finds "Lefèvre"). */
#ifndef RAPPORT_SEARCH_H
#define RAPPORT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/store.h"

#define SEARCH_MARK_ON '\x02'   /* around the matched words in a snippet */
#define SEARCH_MARK_OFF '\x03'

typedef struct search_hit {
	const char *what;        /* "note", "decision"... (a note's kind), "fact",
	                            "follow-up", "agenda", "client", "touchpoint",
	                            "person" */
	int64_t at;              /* UTC seconds: when noted, learned, created */
	const char *client;      /* the client's name */
	int64_t client_id;
	int64_t meeting_id;      /* 0 when the hit belongs to no meeting */
	int64_t note_id;         /* the note, for notes; 0 otherwise */
	bool client_archived;    /* the client is archived */
	const char *snippet;     /* the text around the match, the matched words
	                            between SEARCH_MARK_ON and SEARCH_MARK_OFF;
	                            control characters neutralised */
	double rank;             /* best first: minus its BM25 score among the
	                            matches ranked (lower is better); 0 newest
	                            first */
} search_hit;

typedef struct search_result {
	search_hit *hits;
	size_t nhits;
	void *arena;             /* owns the strings; private */
} search_result;

enum search_order { SEARCH_NEWEST, SEARCH_BEST };

/* Run query (FTS5 syntax: words, "a phrase", OR, NOT, prefix*) and return
** at most limit hits, newest first or best first.  A word "#topic" finds the
** notes tagged with that topic (case aside), and only notes: with other
** words, the tagged notes that hold them; with several topics, the notes
** tagged with all of them.  Private notes are found too (the database is
** the user's own); hits of archived clients are found and say so.  A query FTS5 cannot parse is
** RP_EINVAL with a plain message.  *out is allocated; free it with
** search_free(). */
enum rp_status search_run(store *st, const char *query, enum search_order order, size_t limit,
			  search_result **out, rp_error *err);

void search_free(search_result *r);

/* Make rp_hits(), the FTS5 function best-first ranking reads, known to db:
** store_open() does it for each connection.  Returns SQLite's code. */
int search_register(struct sqlite3 *db);

/* The SQL search_run() runs first (?1 the query; newest first, ?2 the
** limit), for benchmarks that run the same query in the sqlite3 shell.
** Best first, it is the window read with rp_hits(), which the shell lacks. */
const char *search_sql(enum search_order order);

/* A stored word as the user reads it, in the user's language: what a
** search hit is, a meeting's state, a touchpoint's kind (timeline.h); the
** word itself when it is none of those. */
const char *search_what_label(const char *what);

#endif
