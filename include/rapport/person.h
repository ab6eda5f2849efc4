/* person.h: the people within a client, and who an @owner names.
**
** A client is an organisation; the PM talks to people in it.  Each has a
** name (unique within the client, case and accents aside), and optionally a
** role, an email and a phone.  An action's @owner that names one of them
** (by whole name, first name or unique prefix: "@zoe", "@Zoë", "@zoe.l")
** is linked to that person, so one person is one owner; a fact noted as
** "Zoë: back from Bali" is theirs.
**
** The matching is pure (person_match, person_owner_match) and tested on
** plain arrays of names; the rest reads and writes the store.
*/
#ifndef RAPPORT_PERSON_H
#define RAPPORT_PERSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/store.h"

#define PERSON_NAME_MAX 200   /* characters of a name, role, email or phone */
#define PEOPLE_MAX 500        /* people of one client read at most */

typedef struct person {
	int64_t id;
	int64_t client_id;
	char name[PERSON_NAME_MAX * 4 + 1];   /* UTF-8, as typed */
	char role[PERSON_NAME_MAX * 4 + 1];   /* "" when none */
	char email[PERSON_NAME_MAX * 4 + 1];  /* "" when none */
	char phone[PERSON_NAME_MAX * 4 + 1];  /* "" when none */
	int64_t created_at;
} person;

/* What to set.  For person_add a NULL or "" field is none (the name is
** required); for person_edit NULL leaves a field as it is and "" clears it
** (the name cannot be cleared). */
typedef struct person_fields {
	const char *name, *role, *email, *phone;
} person_fields;

/* ---- Matching (pure) ---------------------------------------------------- */

/* Which of names[0..n) query names, case and accents aside, '.', '_' and
** '-' read as blanks: a whole name beats a first name, which beats a
** prefix of the name's words taken in order ("zoe l" or "zoe.l" for "Zoë
** Lefèvre", "lef" for its last word; a prefix needs two characters).  The
** indexes of the best matches go to hits (at most maxhits of them).
** Returns how many names match at that best level: 0 none, 1 the one, more
** when ambiguous. */
size_t person_match(const char *query, const char *const *names, size_t n, size_t *hits,
		    size_t maxhits);

/* Is owner the PM's own side: me, us, we, I, moi, nous, je, on? */
bool person_owner_is_mine(const char *owner);

/* The words an owner is the PM's own side by, folded, NULL-terminated:
** me, moi, us, nous, we, i, je, on. */
extern const char *const person_mine_words[];

/* The one of names[0..n) that an @owner names, in *index.  False when the
** owner is the PM's own side, names nobody, or is ambiguous: it is then
** left unlinked. */
bool person_owner_match(const char *owner, const char *const *names, size_t n, size_t *index);

/* The name a fact puts before a colon ("Zoë: back from Bali" gives "Zoë"),
** copied into out (size bytes), and where the rest begins in *rest.  False
** when the text has no such short lead (at most 4 words, 60 bytes). */
bool person_fact_lead(const char *text, char *out, size_t size, const char **rest);

/* ---- Stored people ------------------------------------------------------ */

/* Check an email loosely: one '@' with something before it and a dotted
** domain after it, no blanks.  RP_OK or RP_EINVAL. */
enum rp_status person_check_email(const char *email, rp_error *err);

/* Add a person to client_id, linking the client's unlinked follow-ups and
** facts that name them.  A name taken in that client (case and accents
** aside) is RP_EEXIST.  Sets *id when id is not NULL. */
enum rp_status person_add(store *st, const rp_clock *clock, int64_t client_id,
			  const person_fields *f, int64_t *id, rp_error *err);

/* Change a person (see person_fields); a new name links as person_add. */
enum rp_status person_edit(store *st, int64_t id, const person_fields *f, rp_error *err);

/* Remove a person: their follow-ups and facts stay, unlinked. */
enum rp_status person_remove(store *st, int64_t id, rp_error *err);

/* The client's people by name (at most PEOPLE_MAX).  *out is malloc'd
** (caller frees) and holds *n; NULL when there are none. */
enum rp_status person_list(store *st, int64_t client_id, person **out, size_t *n,
			   rp_error *err);

/* The one person of client_id that query names (person_match).  No match
** is RP_ENOTFOUND, several RP_EAMBIGUOUS; the message lists the
** candidates. */
enum rp_status person_find(store *st, int64_t client_id, const char *query, person *out,
			   rp_error *err);

/* Link follow-up id to the person its owner names, if any (inside the
** caller's transaction). */
enum rp_status person_link_followup(store *st, int64_t followup_id, rp_error *err);

/* The person of client_id a fact's lead names ("Zoë: ..."), in *person_id;
** 0 when none does. */
enum rp_status person_of_fact(store *st, int64_t client_id, const char *text,
			      int64_t *person_id, rp_error *err);

#endif
