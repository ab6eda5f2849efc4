/* prompt.h: the follow-up prompts of the live screen (DESIGN.md §2.2).
**
** A pure, rule-based engine: from a session and the time, a short ranked
** list of prompts.  No storage, no clock, no network.  The rules live in one
** table in prompt.c; adding a rule is adding a row.
*/
#ifndef RAPPORT_PROMPT_H
#define RAPPORT_PROMPT_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/date.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/session.h"

/* X-macro: kind, label shown before the text.  The labels are the
** program's own words (the user's language: _() where shown); the texts
** are said to the client, in the client's language (session.lang). */
#define PROMPT_KIND_LIST(X)                          \
	X(PROMPT_REFLECT, N_("Reflect"))             \
	X(PROMPT_DIG, N_("Dig deeper"))              \
	X(PROMPT_CONFIRM, N_("Confirm"))             \
	X(PROMPT_QUESTION, N_("Open question"))      \
	X(PROMPT_CLARIFY, N_("Clarify"))             \
	X(PROMPT_PIN, N_("Pin it down"))             \
	X(PROMPT_TIME, N_("Time"))                   \
	X(PROMPT_LISTEN, N_("Listen"))               \
	X(PROMPT_SUMMARISE, N_("Summarise"))         \
	X(PROMPT_SMALL_TALK, N_("Small talk"))       \
	X(PROMPT_WALK, N_("Walk through"))           \
	X(PROMPT_CLOSE, N_("Before you close"))

enum prompt_kind {
#define PROMPT_KIND_ENUM(kind, label) kind,
	PROMPT_KIND_LIST(PROMPT_KIND_ENUM)
#undef PROMPT_KIND_ENUM
	PROMPT_KIND_COUNT
};

#define PROMPT_TEXT_MAX 400  /* bytes */
#define PROMPT_KEY_MAX 48
#define PROMPTS_MAX 12       /* the engine returns at most this many */
#define PROMPT_STALE_SECONDS 600 /* a note's prompt is stale after 10 minutes */
#define PROMPT_FRESH_FILL 5  /* ...and fades once this many fresher ones rank above it */

typedef struct prompt {
	enum prompt_kind kind;
	char key[PROMPT_KEY_MAX];     /* stable identity, e.g. "reflect:n12":
	                                 the same situation gives the same key,
	                                 so a used or dismissed prompt stays away */
	char text[PROMPT_TEXT_MAX];   /* full sentence, UTF-8, no control chars,
	                                 in lang */
	enum rp_lang lang;            /* the client's: what text is said in */
	int64_t note_id;              /* the note it came from, 0 if none */
	int64_t item_id;              /* the agenda item it came from, 0 if none */
	int rank;                     /* higher comes first */
} prompt;

/* Label of a kind, untranslated ("Reflect": _() it to show it); NULL when
** out of range. */
const char *prompt_kind_label(enum prompt_kind kind);

/* The line the Prompts pane shows for p, into buf (size bytes): the kind's
** label in the user's language, then the text in the client's, quoted
** when it is a sentence to say: Reflect: "You're worried that …", or
** under a French locale for a French client Reformuler : « Si je vous suis
** bien, … ».  Returns buf. */
char *prompt_line(const prompt *p, char *buf, size_t size);

/* Compute the prompts for session s at time now (UTC seconds); today is
** now's local date (for due and check-in dates).  Writes at most max (and
** at most PROMPTS_MAX) prompts to out, best first, skipping those whose key
** s lists as used or dismissed.  So that prompts do not pile up, a note has
** one prompt at a time (its best: a concern's Reflect before the Clarify of
** its vague word, which comes once the Reflect is used or dismissed), and a
** note's prompt older than PROMPT_STALE_SECONDS fades once
** PROMPT_FRESH_FILL fresher prompts rank above it.  Returns how many were
** written; 0 when out of memory. */
size_t prompt_compute(const session *s, int64_t now, rp_date today, prompt *out, size_t max);

/* What the rules said of each note, kept from one computation to the next
** of the same meeting's prompts, so that after Enter only the new note is
** phrased: the sentences a note gives are made once, and again only when
** its text (or the language, or an action's owner or due date) changes.
** It holds what one computation reads, not the whole meeting. */
typedef struct prompt_memo prompt_memo;

prompt_memo *prompt_memo_new(void);   /* NULL on no memory */
void prompt_memo_free(prompt_memo *m);  /* NULL is fine */

/* prompt_compute() through memo (NULL: as prompt_compute()): the same
** prompts, each phrase found in memo when the last computation made it. */
size_t prompt_compute_with(const session *s, prompt_memo *memo, int64_t now, rp_date today,
			   prompt *out, size_t max);

/* How many phrases the last computation through m made rather than found. */
size_t prompt_memo_made(const prompt_memo *m);

/* The vague word of text (English or French, case and accents aside) the
** Clarify rule would pick, copied into word (size bytes); 0 when there is
** none, else 1.  Exposed for tests. */
int prompt_vague_word(const char *text, char *word, size_t size);

#endif
