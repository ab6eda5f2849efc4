/* opener.h: small-talk openers for the start of a call.
**
** Pure.  From the client's personal facts and a built-in library (English
** and French), a short list of questions to open with, each marked with when
** it was last used so the same question is not asked twice in a row.
*/
#ifndef RAPPORT_OPENER_H
#define RAPPORT_OPENER_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"

#define OPENER_TEXT_MAX 300
#define OPENER_KEY_MAX 32
#define OPENERS_MAX 8

enum opener_lang { OPENER_EN, OPENER_FR };

/* A fact as the generator needs it. */
typedef struct opener_fact {
	int64_t id;
	const char *kind;     /* "travel", "family", "hobby", "sport", "food", "work", "other" */
	const char *text;     /* "back from a business trip to Bali" */
	rp_date learned_on;
} opener_fact;

/* An opener used before: its key and when (local date). */
typedef struct opener_use {
	const char *key;
	rp_date used_on;
} opener_use;

typedef struct opener {
	char key[OPENER_KEY_MAX];     /* "fact:12" for one from a fact, "lib:3" from the library */
	char text[OPENER_TEXT_MAX];   /* "How was your trip to Bali?" */
	int64_t fact_id;              /* 0 for a library opener */
	rp_date last_used;            /* {0,0,0} when never used */
} opener;

/* The openers' language for a locale name ("fr_FR.UTF-8" is French;
** anything else, or NULL, English). */
enum opener_lang opener_lang_for(const char *locale);

/* The language the user's environment names (LC_ALL, then LC_MESSAGES,
** then LANG), through opener_lang_for(). */
enum opener_lang opener_lang_from_env(void);

/* Up to max (<= OPENERS_MAX) openers, best first: openers from facts (newest
** facts first), then from the library to fill up; an opener used in the
** most recent use of all (the last meeting's) is never first, and those
** never used come before those used, oldest use first.  lang picks the
** library's language and the phrasing of fact openers.  Returns the count. */
size_t opener_generate(const opener_fact *facts, size_t nfacts, const opener_use *uses,
		       size_t nuses, enum opener_lang lang, opener *out, size_t max);

#endif
