/* prompt_say.h: a note said back to the client, in the client's language.
**
** The prompt engine (prompt.c) decides which prompt a note gives; this
** module turns the note's words into the sentence a person would say:
** "You're worried that the budget will be cut soon — did I get that
** right?", « Si je vous suis bien, vous craignez que le budget soit
** réduit : c'est bien ça ? ».  A note is read as a noun phrase ("the API
** delay"), a clause ("the budget will be cut soon"), a worry that says
** itself ("worried that…", « peur que… »), or a question; the client's
** "I", "my" and "we" become "you" and "your", and a long note is cut at a
** word with "…".
**
** Every function writes a sanitized, NUL-terminated sentence into out
** (size bytes, at least SAY_SIZE) and returns out; out is "" when the note
** has nothing to say (blank, or only tags) or when out of memory.
*/
#ifndef RAPPORT_PROMPT_SAY_H
#define RAPPORT_PROMPT_SAY_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/lang.h"

#define SAY_NOTE_CHARS 72   /* characters of a note in a prompt, "…" included */
#define SAY_SIZE 512        /* room for any sentence below */

/* The words of stored text as the prompts quote it: sanitized, blanks
** collapsed, cut at a word to at most max_chars characters with "…".
** With tags, @owner, a ^due date and the trailing #topics are left out
** (a note's own markers, DESIGN.md §2.1).  French typography in lang. */
char *say_excerpt(enum rp_lang lang, const char *text, size_t max_chars, bool tags, char *out,
		  size_t size);

/* text (valid UTF-8) with the typography of lang: in French, a narrow
** no-break space before ? ! : ; and % and « » for "quotes" (a sentence
** made elsewhere, an opener); as it is in English. */
char *say_typography(enum rp_lang lang, const char *text, char *out, size_t size);

/* A concern note reflected back: the whole sentence. */
char *say_reflect(enum rp_lang lang, const char *note, char *out, size_t size);

/* A need note: a question that digs into why it matters. */
char *say_dig(enum rp_lang lang, const char *note, char *out, size_t size);

/* A decision note: who owns it, and by when. */
char *say_confirm(enum rp_lang lang, const char *note, char *out, size_t size);

/* An action note that lacks an owner, a due date or both. */
char *say_pin(enum rp_lang lang, const char *note, bool has_owner, bool has_due, char *out,
	      size_t size);

/* An open question note: the question, then what to do with it. */
char *say_question(enum rp_lang lang, const char *note, char *out, size_t size);

#endif
