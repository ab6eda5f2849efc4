/* export_lang.h: what is sent to a client, said in their language.
**
** The recap and the calendar's texts are written in the client's language
** (client.lang), from tables holding both, whatever the user's locale is.
** These helpers give the French its typography and its grammar; for
** English they leave the text as it is.
*/
#ifndef RAPPORT_EXPORT_LANG_H
#define RAPPORT_EXPORT_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/lang.h"

/* Words typed by the user, set as lang prints them: in French a narrow
** no-break space (NNBSP) before ? ! ; and % (in place of a plain space, or
** added where none was: "héberger?" is "héberger ?", "10%" is "10 %"),
** before a colon that ends a word ("Note: ..."), never inside a time
** ("14:00") or an address ("https://..."), and « » for paired straight
** double quotes.  English is copied as it is.  malloc'd, NULL when out of
** memory; the caller frees it. */
char *export_typeset(enum rp_lang lang, const char *words);

/* The first letter of s made a capital, in place: ASCII and the accented
** letters French writes (é → É, à → À, œ → Œ ...).  Returns s. */
char *export_capitalize(char *s);

/* French "de" before words: "d'" before a vowel ("d'Acme", "d'Ève"),
** "du" and "des" in place of an article "le" or "les" ("du client", "des
** clés"), else "de " ("de Marc").  Returns the words to write before, and
** sets *skip to the bytes of words they replace (the article's). */
const char *export_fr_de(const char *words, size_t *skip);

/* An owner as lang says it: the words for the user ("me", "moi", "I",
** "je"; "us", "nous", "we", "on") and for the client's side ("them",
** "they", "eux") in lang ("me" / "moi", "us" / "nous", "them" / "eux"),
** so a French text never says "me"; any other owner (a name, "client")
** as it is. */
const char *export_owner(enum rp_lang lang, const char *owner);

/* Does n take the plural in lang?  English for all but 1, French for 2
** and more (0 is singular: "0 jour"). */
bool export_plural(enum rp_lang lang, long n);

#endif
