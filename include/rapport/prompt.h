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
#include "rapport/session.h"

/* X-macro: kind, label shown before the text. */
#define PROMPT_KIND_LIST(X)                          \
	X(PROMPT_REFLECT, "Reflect")                 \
	X(PROMPT_DIG, "Dig deeper")                  \
	X(PROMPT_CONFIRM, "Confirm")                 \
	X(PROMPT_QUESTION, "Open question")          \
	X(PROMPT_CLARIFY, "Clarify")                 \
	X(PROMPT_PIN, "Pin it down")                 \
	X(PROMPT_TIME, "Time")                       \
	X(PROMPT_LISTEN, "Listen")                   \
	X(PROMPT_SUMMARISE, "Summarise")             \
	X(PROMPT_SMALL_TALK, "Small talk")           \
	X(PROMPT_WALK, "Walk through")               \
	X(PROMPT_CLOSE, "Before you close")

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
	char text[PROMPT_TEXT_MAX];   /* full sentence, UTF-8, no control chars */
	int64_t note_id;              /* the note it came from, 0 if none */
	int64_t item_id;              /* the agenda item it came from, 0 if none */
	int rank;                     /* higher comes first */
} prompt;

/* Label of a kind ("Reflect"); NULL when out of range. */
const char *prompt_kind_label(enum prompt_kind kind);

/* The line the Prompts pane shows for p, as DESIGN.md §2.2 words it
** (Reflect: "It sounds like …"), into buf (size bytes).  Returns buf. */
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

/* The vague word of text (English or French, case and accents aside) the
** Clarify rule would pick, copied into word (size bytes); 0 when there is
** none, else 1.  Exposed for tests. */
int prompt_vague_word(const char *text, char *word, size_t size);

#endif
