/* phrase.h: a note's words, for saying them back (prompt_say.c).
**
** A note is cleaned (sanitized, its markers out), split into words, read
** with word lists, turned from the client's first person to "you", and cut
** and set for its language.  Not a parser: enough for the notes people
** type during a call.  Each word of a phrase is malloc'd and owned by it;
** phrase_free() releases them.  A word is matched by its key: folded (no
** accents, lower case), its punctuation and a French elided article off.
*/
#ifndef RAPPORT_PHRASE_H
#define RAPPORT_PHRASE_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/lang.h"

#define WORDS_MAX 48        /* words of a note read; a longer note is cut anyway */
#define KEY_MAX 48          /* bytes of a folded word */

typedef struct phrase {
	char *w[WORDS_MAX];   /* each malloc'd */
	size_t n;
	bool oom;             /* a change could not be made: say nothing */
} phrase;

/* ---- Text and words ---- */

/* text sanitized, blanks collapsed to one space, punctuation off both ends
** (a "?" stays: it makes a question).  With tags, the note's markers go:
** @owner, a ^due date as the note parser reads it (several words perhaps,
** "^next week"), #topics at the very end, and the '#' of the others.  A
** malloc'd string (caller frees), NULL when out of memory. */
char *phrase_clean(const char *text, bool tags);

/* Split s (words separated by single spaces) into p; p->oom when out of
** memory.  Free with phrase_free(). */
void phrase_split(phrase *p, const char *s);
void phrase_free(phrase *p);

/* Replace word i with w (copied). */
void phrase_set(phrase *p, size_t i, const char *w);

/* Insert w (copied) before word i; a phrase full already drops its last. */
void phrase_insert(phrase *p, size_t i, const char *w);

/* Word i with its key replaced by to, its punctuation kept ("my," is
** "your,"); the first keep_head bytes of the word are kept ("n'" of
** « n'ai »), or its leading quotes when keep_head is 0. */
void phrase_swap(phrase *p, size_t i, const char *to, size_t keep_head);

/* The words [from, n) of p, cut at a word to at most max_chars characters
** with "…" (no dangling "the" or « de »), with lang's typography, into out
** (size bytes).  Returns out, "" when out of memory. */
char *phrase_finish(const phrase *p, size_t from, enum rp_lang lang, size_t max_chars,
		    char *out, size_t size);

/* French typography: a narrow no-break space before ? ! ; and : (the last
** two where a space or the end follows: "14:00" stays) and %, and « » for
** "quotes", into out (size bytes). */
void phrase_fr_typography(const char *s, char *out, size_t size);

/* ---- Keys and lists ---- */

/* The key of word w: punctuation off, folded, ’ as '.  In French an elided
** head is left out ("l'équipe" is "equipe"); *el (8 bytes, or NULL) gets
** its key ("l"), or "" when there is none.  Writes buf (KEY_MAX bytes), ""
** when it does not fit; returns buf. */
const char *phrase_key(const char *w, enum rp_lang lang, char *buf, char *el);

/* Is key on the NULL-terminated list? */
bool phrase_in(const char *key, const char *const *list);

/* Is word i of p (if there is one) on the list? */
bool phrase_word_is(const phrase *p, size_t i, enum rp_lang lang, const char *const *list);

/* Bytes of quotes, brackets and the like opening w, which keys leave out. */
size_t phrase_lead_punct(const char *w);

/* Bytes of a French elided article or pronoun opening w ("l'", "qu’"),
** quotes before it included; 0 when there is none. */
size_t phrase_elision(const char *w);

/* ---- Letters ---- */

/* Is w an acronym or a name in its own way ("API", "SaaS", "iPhone")?  A
** capital past its first letter says so. */
bool phrase_cased_inside(const char *w);

/* Does w open with a capital (a name, once phrase_lower_first has passed)? */
bool phrase_upper(const char *w);

/* Does w open with a vowel or an h (« d'Acme », « l'hébergement »)? */
bool phrase_vowel_first(const char *w);

/* « que » before w is « qu' »: « qu'il », « qu'on », « qu'Acme ». */
bool phrase_que_elides(const char *w);

/* Word `first` of p, in the middle of a sentence: lowered when it is a
** word the lists know ("The API" is "the API", « L'équipe » « l'équipe »),
** kept when it may be a name or is an acronym ("Alice", "API"). */
void phrase_lower_first(phrase *p, size_t first, enum rp_lang lang);

/* The first letter of s in upper case, after any quotes. */
void phrase_upper_first(char *s);

/* ---- Grammar ---- */

/* Does the phrase from word `from` read as a clause (it has a verb)? */
bool phrase_is_clause(const phrase *p, size_t from, enum rp_lang lang);

/* The client's first person, turned to the second, from word `from`: "I"
** "you", "my" "your", « je pense » « vous pensez », « nous avons » « vous
** avez », « m'inquiète » « vous inquiète ». */
void phrase_shift_person(phrase *p, size_t from, enum rp_lang lang);

/* Word lists, folded, NULL-terminated. */
extern const char *const phrase_common_words[];     /* may be lowered at a start */
extern const char *const phrase_en_dets[];          /* "the", "a", "our"… */
extern const char *const phrase_fr_dets[];          /* « le », « des », « notre »… */
extern const char *const phrase_fr_preps[];
extern const char *const phrase_fr_verbs[];
extern const char *const phrase_en_worries[];       /* "worried", "afraid"… */
extern const char *const phrase_fr_worries_inquiet[]; /* « s'inquiéter » words */
extern const char *const phrase_fr_worries_peur[];  /* « avoir peur » words */
extern const char *const phrase_en_worried_adj[];   /* "the CFO is worried" */
extern const char *const phrase_fr_worried_adj[];
extern const char *const phrase_fr_plural_adj[];    /* « inquiets »: « sont » */
extern const char *const phrase_softeners[];        /* "very", « un peu »… */

#endif
