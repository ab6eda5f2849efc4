/* width.c: see width.h.
**
** Widths are per code point, as wcwidth() and therefore ncurses count them:
** the columns computed here are the columns curses will use when it draws,
** which is what keeps the cursor and the borders in place.  A terminal that
** joins an emoji ZWJ sequence (👩‍👩‍👧) into one 2-column glyph disagrees;
** most do not, and we follow curses: that family counts 2 + 0 + 2 + 0 + 2 = 6.
**
** Invalid UTF-8 never stops a loop here: each bad byte is one character of
** one column (text_sanitize shows it as U+FFFD, which is 1 column too).
*/
#include "width.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "rapport/text.h"

#define ZWJ 0x200Du
#define BAD_BYTE 0xFFFDu  /* stands for an invalid byte while measuring */

/* Columns of one code point.  glibc's wcwidth() already gives 0 to the
** marks below and 2 to U+1F600; we still say so ourselves, because the zero
** widths decide where a cursor may stop and must not depend on the C
** library's Unicode version. */
int
width_cp(uint32_t cp)
{
	int w;

	if (cp == ZWJ || (cp >= 0xFE00 && cp <= 0xFE0F) ||  /* variation selectors */
	    (cp >= 0xE0100 && cp <= 0xE01EF) ||             /* and their supplement */
	    (cp >= 0x0300 && cp <= 0x036F) ||               /* combining diacritics */
	    (cp >= 0x1AB0 && cp <= 0x1AFF) ||
	    (cp >= 0x1DC0 && cp <= 0x1DFF) ||
	    (cp >= 0x20D0 && cp <= 0x20FF) ||               /* for symbols */
	    (cp >= 0xFE20 && cp <= 0xFE2F))                 /* half marks */
		return 0;
	if (cp > (uint32_t)WCHAR_MAX)
		return 1;
	w = wcwidth((wchar_t)cp);
	/* -1 is a code point the library does not know (or a control, which
	** text_sanitize has replaced before drawing): the terminal still
	** advances by one cell. */
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

/* Decode the character at s[0..len) (len >= 1): its code point in *cp and
** its byte count, which is 1 with *cp = BAD_BYTE for an invalid byte. */
static size_t
next_char(const char *s, size_t len, uint32_t *cp)
{
	int n = text_utf8_decode(s, len, cp);

	if (n == 0) {
		*cp = BAD_BYTE;
		return 1;
	}
	return (size_t)n;
}

/* Bytes of s before the first NUL, but no more than len. */
static size_t
bounded_len(const char *s, size_t len)
{
	const char *nul = memchr(s, '\0', len);

	return nul != NULL ? (size_t)(nul - s) : len;
}

int
width_strn(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int w = 0;

	if (s == NULL)
		return 0;
	/* A NUL ends the text even inside len: nothing past it is ours. */
	len = bounded_len(s, len);
	while (i < len) {
		i += next_char(s + i, len - i, &cp);
		w += width_cp(cp);
	}
	return w;
}

int
width_str(const char *s)
{
	return s == NULL ? 0 : width_strn(s, strlen(s));
}

/* Longest prefix of s[0..len) within cols columns: returns its bytes and
** sets *used to its columns.  Zero-width code points after the last
** character that fits are kept, so a base never loses its accent. */
static size_t
fit_n(const char *s, size_t len, int cols, int *used)
{
	size_t i = 0, n;
	uint32_t cp;
	int w = 0, cw;

	while (i < len && cols > 0) {
		n = next_char(s + i, len - i, &cp);
		cw = width_cp(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	*used = w;
	return i;
}

size_t
width_fit(const char *s, int cols, int *used)
{
	int w = 0;
	size_t n = 0;

	if (s != NULL && cols > 0)
		n = fit_n(s, strlen(s), cols, &w);
	if (used != NULL)
		*used = w;
	return n;
}

/* Copy of s[0..len) plus the NUL-terminated tail (may be ""). */
static char *
dup_with(const char *s, size_t len, const char *tail)
{
	size_t tlen = strlen(tail);
	char *out = malloc(len + tlen + 1);

	if (out == NULL)
		return NULL;
	memcpy(out, s, len);
	memcpy(out + len, tail, tlen + 1);
	return out;
}

/* s in at most cols columns, "…" in the last one when cut (see width.h).
** The ellipsis takes the column freed by the cut, so a wide character that
** would straddle it is dropped and the result is one column short. */
char *
width_truncate(const char *s, int cols)
{
	size_t len, n;
	int used;

	if (s == NULL || cols <= 0)
		return dup_with("", 0, "");
	len = strlen(s);
	n = fit_n(s, len, cols, &used);
	if (n == len)
		return dup_with(s, len, "");
	n = fit_n(s, len, cols - 1, &used);
	return dup_with(s, n, "…");
}

/* As width_truncate, but at the end of a word: the cut goes back to the
** last blank before it, and the blanks and the separators (" · ", ",")
** left dangling there go too.  A text with no blank before the cut is cut
** inside its first word, as width_truncate does. */
char *
width_truncate_words(const char *s, int cols)
{
	size_t len, n, cut;
	int used;

	if (s == NULL || cols <= 0)
		return dup_with("", 0, "");
	len = strlen(s);
	n = fit_n(s, len, cols, &used);
	if (n == len)
		return dup_with(s, len, "");
	n = fit_n(s, len, cols - 1, &used);
	cut = n;
	if (s[n] != ' ' && s[n] != '\t')
		while (cut > 0 && s[cut - 1] != ' ' && s[cut - 1] != '\t')
			cut--;
	/* What ends the words kept: no blank, no lone "·" or ",". */
	for (;;) {
		if (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == '\t' || s[cut - 1] == ','))
			cut--;
		else if (cut >= 2 && (unsigned char)s[cut - 2] == 0xc2 &&
			 (unsigned char)s[cut - 1] == 0xb7)
			cut -= 2;
		else
			break;
	}
	if (cut == 0)
		cut = n;
	return dup_with(s, cut, "…");
}

static bool
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* May a line end just before cp, given the code point before it (prev) and
** the width of the last character with a width (prev_w)?  After a blank,
** yes; around a wide character too, since CJK is written without spaces
** and otherwise a whole sentence would be one unbreakable "word".  Never
** before a zero-width code point (it belongs to its base) nor after a ZWJ
** (it glues the next emoji). */
static bool
can_break_before(uint32_t prev, int prev_w, uint32_t cp, int cw)
{
	if (cw == 0 || prev == ZWJ || is_blank(cp))
		return false;
	return is_blank(prev) || cw == 2 || prev_w == 2;
}

/* Record the line [start, end) as line number *count when there is room,
** dropping the blanks at its end (they were at a break). */
static void
emit_line(const char *s, size_t start, size_t end, bool trim,
	  width_line *lines, size_t max, size_t *count)
{
	while (trim && end > start && is_blank((unsigned char)s[end - 1]))
		end--;
	if (*count < max && lines != NULL) {
		lines[*count].start = start;
		lines[*count].len = end - start;
	}
	(*count)++;
}

/* Index just past the zero-width code points that start at s[i]. */
static size_t
past_marks(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	size_t n;

	while (i < len) {
		n = next_char(s + i, len - i, &cp);
		if (width_cp(cp) != 0)
			break;
		i += n;
	}
	return i;
}

/* Greedy wrapping (see width.h).  Decisions beyond the header:
** - "" needs 0 lines: there is nothing to draw.  Any other text needs at
**   least one, even a text of blanks only (one empty line).
** - '\n' is a hard break, not part of any line; a final '\n' adds no empty
**   line ("a\n" is 1 line, "a\n\nb" is 3).  Blanks are dropped only at soft
**   breaks, so leading blanks of the text or after '\n' stay.
** - A character wider than cols (cols < 2) gets a line of its own, so the
**   loop always advances; cols <= 0 needs 0 lines (nothing fits anywhere).
*/
size_t
width_wrap(const char *s, int cols, width_line *lines, size_t max)
{
	size_t len, pos = 0, count = 0, i, n, brk;
	uint32_t cp, prev;
	int w, cw, prev_w;

	if (s == NULL || cols <= 0)
		return 0;
	len = strlen(s);
	while (pos < len) {
		i = pos;
		w = 0;
		brk = 0;               /* 0: no soft break seen on this line */
		prev = '\n';         /* as after a hard break: no blank before */
		prev_w = 0;
		for (;;) {
			if (i == len) {
				emit_line(s, pos, i, false, lines, max, &count);
				pos = len;
				break;
			}
			if (s[i] == '\n') {
				emit_line(s, pos, i, false, lines, max, &count);
				pos = i + 1;
				break;
			}
			n = next_char(s + i, len - i, &cp);
			cw = width_cp(cp);
			if (i > pos && can_break_before(prev, prev_w, cp, cw))
				brk = i;
			if (cw > 0 && w + cw > cols) {
				if (is_blank(cp))
					brk = i;   /* the overflow is the break */
				else if (brk == 0 && i == pos)
					i = past_marks(s, len, i + n); /* wider than a line: alone */
				if (brk == 0)
					brk = i;   /* split the long word here */
				emit_line(s, pos, brk, true, lines, max, &count);
				pos = brk;
				while (pos < len && is_blank((unsigned char)s[pos]))
					pos++;
				/* A hard break right after a soft one is the same
				** break, not an empty line. */
				if (pos < len && s[pos] == '\n')
					pos++;
				break;
			}
			w += cw;
			i += n;
			prev = cp;
			if (cw > 0)
				prev_w = cw;
		}
	}
	return count;
}
