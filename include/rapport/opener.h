/* opener.h: small-talk openers for the start of a call.
**
** Pure.  From the client's personal facts and a built-in library (English
** and French), a short list of questions to open with, each marked with when
** it was last used so the same question is not asked twice in a row.
*/
#ifndef RAPPORT_OPENER_H
#define RAPPORT_OPENER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"
#include "rapport/lang.h"

#define OPENER_TEXT_MAX 300
#define OPENER_KEY_MAX 32
#define OPENERS_MAX 8



/* A fact as the generator needs it. */
typedef struct opener_fact {
	int64_t id;
	const char *kind;     /* "travel", "family", "hobby", "sport", "food", "work", "other" */
	const char *text;     /* "back from a business trip to Bali" */
	rp_date learned_on;
	const char *person;   /* the person it is about ("Zoë"), NULL for the client */
	rp_date until;        /* an opener up to this local date; {0,0,0} for good */
	bool done;            /* marked done: an opener no more */
} opener_fact;

/* When what a fact tells happens, seen from today. */
enum opener_tense {
	OPENER_PAST,     /* it happened: "how did it go?" */
	OPENER_AHEAD,    /* still to come: "next month", "in January", "bientôt" */
	OPENER_OFF,      /* it did not happen: "cancelled", "annulé", "postponed" */
	OPENER_UNDATED,  /* nothing says when: "any news?" */
};

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

/* Is f's event past, ahead, off or undated on today (a local date; {0,0,0}
** when unknown: then it is never ahead)?  Words that date it from when it
** was learned ("tomorrow", "next week", "next month", "in 3 weeks", "this
** summer", "on Friday", "la semaine prochaine", "cet été", a month named
** as a when: "in January" learned in November is next January) keep it
** ahead until that time is surely over, then it is past.  Words of a plan
** without a date ("soon", "bientôt", "planning") keep it ahead for 30 days,
** then undated.  Words of the past ("back from", "last week", "went",
** "hier", "est rentrée") make it past, and a month then names the past
** ("back from Bali in October").  Cancelled,
** called off, "annulé", "tombé à l'eau" are off, and so is "postponed" or
** "reporté" without a new date; "postponed to March" is ahead of March.
** Words are matched without case or accents, English and French. */
enum opener_tense opener_fact_tense(const char *text, rp_date learned_on, rp_date today);

/* The kind of a fact from its words (see fact_kind_guess()): "work" for
** "speaking at a conference in Lyon", "food" for "loves the bistro on rue
** Oberkampf", "travel" for "ski trip to Chamonix" or "part à Chamonix en
** février", "family" for "the twins", "other" when nothing fits (a move
** is "other", asked about as one). */
const char *opener_kind_guess(const char *text);

/* Is f no longer an opener on today: done, or past its until date? */
bool opener_fact_stale(const opener_fact *f, rp_date today);

/* Up to max (<= OPENERS_MAX) openers, best first: openers from facts (newest
** facts first), then from the library to fill up; an opener used in the
** most recent use of all (the last meeting's) is never first, and those
** never used come before those used, oldest use first.  lang picks the
** library's language and the phrasing of fact openers.  Returns the count. */
size_t opener_generate(const opener_fact *facts, size_t nfacts, const opener_use *uses,
		       size_t nuses, enum rp_lang lang, opener *out, size_t max);

/* opener_generate() as of today (a local date): a stale fact gives no
** opener; a fact is asked by its tense, in lang whatever the fact's own
** language: ahead, "How are the preparations for your trip to Chamonix
** going?" / « Où en sont les préparatifs de votre voyage à Chamonix ? »;
** past, "How was your trip to Chamonix?"; undated, "Any news on your trip
** to Bali?" / « Du nouveau pour votre voyage à Bali ? »; off, a trip, a
** conference, a move or a graduation is asked for a new date for 60 days
** after it was learned, a wedding or anything else not at all.  Grief, a
** divorce, an allergy give no opener; an illness asks how they are
** feeling.  French puts NNBSP before "?" and inside « ».  A fact about a person names them
** first, by first name ("Zoë, how was your trip to Bali?").  A fact with no
** event to name is quoted, whole or cut after a word, its "my" turned to
** "your" ("mon" to "votre") by the fact's language.  opener_generate() is
** this with today {0,0,0}: no fact is ahead, until dates are not applied. */
size_t opener_generate_on(const opener_fact *facts, size_t nfacts, const opener_use *uses,
			  size_t nuses, enum rp_lang lang, rp_date today, opener *out,
			  size_t max);

#endif
