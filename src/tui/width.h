/* width.h: every column computation of the screens.
**
** Text is UTF-8; a code point takes 0 (combining marks, zero-width joiner,
** variation selectors), 1 or 2 columns (CJK, emoji).  All truncation and
** wrapping goes through here, so a wide character is never split and never
** half-drawn.  Pure: no curses.  Needs setlocale(LC_CTYPE) to a UTF-8 locale
** for wcwidth(); code points wcwidth() does not know count as 1 column
** (control characters never get here: text is sanitized first).
*/
#ifndef RAPPORT_TUI_WIDTH_H
#define RAPPORT_TUI_WIDTH_H

#include <stddef.h>
#include <stdint.h>

/* Columns of one code point: 0, 1 or 2. */
int width_cp(uint32_t cp);

/* Columns of UTF-8 s (invalid bytes count 1 each). */
int width_str(const char *s);

/* Columns of the first len bytes of s. */
int width_strn(const char *s, size_t len);

/* Bytes of the longest prefix of s that fits in cols columns without
** splitting a character (a 0-width mark stays with its base); *used gets
** its columns when not NULL. */
size_t width_fit(const char *s, int cols, int *used);

/* s cut to at most cols columns; when it had to be cut, the last column
** holds "…".  Returns a malloc'd string (caller frees); NULL on no memory. */
char *width_truncate(const char *s, int cols);

/* The same, cut at the end of a word: "rapport · review · Zoë Lefèvre
** SARL · 2 meetings, newest…", never "newest fi…"; blanks and " · " or ","
** left at the cut go.  Only a first word wider than cols is cut inside.
** Returns a malloc'd string (caller frees); NULL on no memory. */
char *width_truncate_words(const char *s, int cols);

/* One line of wrapped text: bytes [start, start + len) of the source. */
typedef struct width_line {
	size_t start;
	size_t len;
} width_line;

/* Wrap s into lines of at most cols columns (cols >= 2), breaking after a
** blank where possible and inside a word only when it is longer than a line.
** Blanks at a break are dropped.  Writes at most max lines to lines and
** returns how many lines the whole text needs (which may be more than max). */
size_t width_wrap(const char *s, int cols, width_line *lines, size_t max);

#endif
