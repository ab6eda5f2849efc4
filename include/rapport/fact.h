/* fact.h: what a PM knows about a client as a person. */
#ifndef RAPPORT_FACT_H
#define RAPPORT_FACT_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/store.h"

#define FACT_TEXT_MAX 1000  /* characters */

/* X-macro: kind, storage name. */
#define FACT_KIND_LIST(X)            \
	X(FACT_FAMILY, "family")     \
	X(FACT_TRAVEL, "travel")     \
	X(FACT_HOBBY, "hobby")       \
	X(FACT_SPORT, "sport")       \
	X(FACT_FOOD, "food")         \
	X(FACT_WORK, "work")         \
	X(FACT_OTHER, "other")

enum fact_kind {
#define FACT_KIND_ENUM(kind, name) kind,
	FACT_KIND_LIST(FACT_KIND_ENUM)
#undef FACT_KIND_ENUM
	FACT_KIND_COUNT
};

/* Storage name of a kind; NULL when out of range. */
const char *fact_kind_name(enum fact_kind kind);

/* Kind for a name (case-insensitive); -1 when unknown. */
int fact_kind_from_name(const char *name);

/* A guess at the kind of a fact from its words, English or French, any
** case and accents, for facts noted live with `*` and `rapport fact`
** without --kind: "trip to Bali", "vacances", "ski trip", "part à
** Chamonix" are travel; "speaking at a conference in Lyon", "salon",
** "nouveau poste" work; "the twins", "mariage", "a new puppy" family;
** "bistro", "restau", "dinner at Septime" food; "padel", "marathon" sport;
** "guitar", "chorale" hobby (opener_kind_guess()).  A move, an illness or
** anything else is FACT_OTHER: its opener still reads its words. */
enum fact_kind fact_kind_guess(const char *text);

/* Add a fact about client_id, learned now.  meeting_id and note_id are 0
** when the fact was not noted in a meeting.  A text that begins with one
** of the client's people and a colon ("Zoë: back from Bali") is theirs.
** Sets *id when not NULL. */
enum rp_status fact_add(store *st, const rp_clock *clock, int64_t client_id, enum fact_kind kind,
			const char *text, int64_t meeting_id, int64_t note_id, int64_t *id,
			rp_error *err);

/* Change a fact's kind and text (a new "Name:" lead gives it to them). */
enum rp_status fact_edit(store *st, int64_t id, enum fact_kind kind, const char *text,
			 rp_error *err);

/* Forget a fact. */
enum rp_status fact_delete(store *st, int64_t id, rp_error *err);

/* Mark a fact done (it stops being an opener: the trip is over, the
** question asked for good), or, with done false, current again. */
enum rp_status fact_set_done(store *st, const rp_clock *clock, int64_t id, bool done,
			     rp_error *err);

/* Keep a fact an opener only until a local date ("moving offices in
** January": until the end of January); until {0,0,0} means for good. */
enum rp_status fact_set_until(store *st, int64_t id, rp_date until, rp_error *err);

/* Give a fact to one of its client's people (person_id 0: to nobody). */
enum rp_status fact_set_person(store *st, int64_t id, int64_t person_id, rp_error *err);

#endif
