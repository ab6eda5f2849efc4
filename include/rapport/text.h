/* text.h: UTF-8 text as the core needs it.
**
** Pure helpers: validation, the case- and accent-folding used to match names,
** and neutralising control characters before text reaches a terminal.
** Width arithmetic for drawing lives with the screens.
*/
#ifndef RAPPORT_TEXT_H
#define RAPPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates,
** nothing above U+10FFFF). */
bool text_utf8_valid(const char *s, size_t len);

/* Decode one code point from s[0..len).  Returns the number of bytes used
** (1..4) and sets *cp, or 0 when the sequence is malformed or len is 0. */
int text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into buf (at least 4 bytes).  Returns the byte count. */
int text_utf8_encode(uint32_t cp, char *buf);

/* Fold s (valid UTF-8) for matching: lower case, Latin diacritics removed,
** ligatures spelled out (œ → oe, ß → ss).  Returns a malloc'd string the
** caller frees, or NULL when out of memory. */
char *text_fold(const char *s);

/* The same for s[0..len), into buf (size bytes, NUL-terminated), with no
** allocation: for words folded many times.  False, buf unspecified, when
** the folded text does not fit. */
bool text_fold_into(const char *s, size_t len, char *buf, size_t size);

/* True when `prefix`, folded, is a prefix of `s`, folded. */
bool text_fold_has_prefix(const char *s, const char *prefix);

/* Copy s into a malloc'd string with every C0/C1 control character and DEL
** replaced, so nothing stored can drive a terminal: tabs become a space,
** newlines become `newline` (pass " " to flatten, "\n" to keep them), other
** controls become U+FFFD.  Invalid UTF-8 bytes become U+FFFD too.  Caller
** frees; NULL when out of memory. */
char *text_sanitize(const char *s, const char *newline);

/* A note's words as said to a person: text_sanitize(s, " "), without the
** trailing #topics (labels, not words of the sentence), with the '#' of
** the others taken off, and without @owner and ^due words.  "send the
** #api plan @me ^fri #q3" is "send the api plan".  Caller frees; NULL when
** out of memory. */
char *text_spoken(const char *s);

/* Copy valid UTF-8 src into dst[size]: whole when it has at most
** max_chars characters and fits, else cut at a character boundary and
** ended with "…" so that a reader sees something is missing. */
void text_copy_cut(char *dst, size_t size, const char *src, size_t max_chars);

/* Trim ASCII blanks from both ends in place; returns s. */
char *text_trim(char *s);

/* True when s contains a C0/C1 control character or DEL. */
bool text_has_control(const char *s);

/* True when valid UTF-8 s shows something: a code point that is not a
** blank (ASCII or Unicode space), a combining mark, a variation selector or
** a zero-width / format character.  A name of only those looks empty. */
bool text_visible(const char *s);

/* Can cp be part of a word (a #topic, a vague word)?  Without the locale's
** tables there is no "is a letter": ASCII letters and digits are, and
** beyond ASCII everything but the blocks of punctuation, symbols and emoji
** ("#équipe" and "#東京" are topics, "#…" and "#🎉" are not). */
bool text_is_word_cp(uint32_t cp);

/* Number of code points in valid UTF-8 s. */
size_t text_length(const char *s);

#endif
