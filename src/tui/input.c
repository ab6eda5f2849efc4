/* input.c: see input.h.
**
** The cursor moves by what a person sees as one character, not by code
** point: a zero-width code point (combining accent, variation selector,
** ZWJ) belongs to the character before it.  So Left/Right over "e" + U+0301
** is one step, Backspace removes both, and the cursor never sits inside a
** cell where the terminal could not show it.  Readline does the same.
** An emoji ZWJ sequence is one character per emoji, matching width.c, which
** counts its columns the way curses draws them.
*/
#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "rapport/text.h"
#include "width.h"

#define REPLACEMENT 0xFFFDu  /* what an invalid byte of a paste becomes */

void
input_init(input_line *in)
{
	in->cps = NULL;
	in->len = 0;
	in->cap = 0;
	in->cursor = 0;
}

void
input_done(input_line *in)
{
	free(in->cps);
	input_init(in);
}

/* Bytes of cp once encoded as UTF-8. */
static size_t
utf8_len(uint32_t cp)
{
	return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static size_t
text_bytes(const input_line *in)
{
	size_t i, n = 0;

	for (i = 0; i < in->len; i++)
		n += utf8_len(in->cps[i]);
	return n;
}

/* Code points that must not reach the text: C0, DEL, C1 (they drive the
** terminal), bidi overrides (they reorder what is drawn after them, as
** text_sanitize knows), line separators, surrogates and beyond Unicode. */
static bool
refused(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x2028 || cp == 0x2029 ||
	       (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

/* Insert cp at the cursor (see input.h).  Out of memory is one more reason
** to refuse: the line keeps what it had and the program goes on. */
bool
input_insert(input_line *in, uint32_t cp)
{
	uint32_t *grown;
	size_t cap;

	if (refused(cp) || text_bytes(in) + utf8_len(cp) > INPUT_MAX_BYTES)
		return false;
	if (in->len == in->cap) {
		cap = in->cap ? in->cap * 2 : 64;
		grown = realloc(in->cps, cap * sizeof *grown);
		if (grown == NULL)
			return false;
		in->cps = grown;
		in->cap = cap;
	}
	memmove(in->cps + in->cursor + 1, in->cps + in->cursor,
		(in->len - in->cursor) * sizeof *in->cps);
	in->cps[in->cursor] = cp;
	in->len++;
	in->cursor++;
	/* Marks that had no base (the line starts with one) are this
	** character's now: the cursor goes past them, not inside it. */
	if (width_cp(cp) != 0)
		while (in->cursor < in->len && width_cp(in->cps[in->cursor]) == 0)
			in->cursor++;
	return true;
}

/* Paste UTF-8 at the cursor (see input.h).  "\r\n", '\r', U+2028 and
** U+2029 are line breaks as text_sanitize reads them, so they become one
** space like '\n'; an invalid byte becomes U+FFFD, as stored text would. */
void
input_insert_text(input_line *in, const char *utf8)
{
	size_t len, i = 0;
	uint32_t cp;
	int n;

	if (utf8 == NULL)
		return;
	len = strlen(utf8);
	while (i < len) {
		n = text_utf8_decode(utf8 + i, len - i, &cp);
		if (n == 0) {
			cp = REPLACEMENT;
			n = 1;
		}
		if (cp == '\r' && i + 1 < len && utf8[i + 1] == '\n')
			n = 2;
		if (cp == '\t' || cp == '\n' || cp == '\r' || cp == 0x2028 ||
		    cp == 0x2029)
			cp = ' ';
		if (!input_insert(in, cp))
			return;
		i += (size_t)n;
	}
}

/* Start of the character that ends at i (i > 0): back over the zero-width
** code points to their base. */
static size_t
char_before(const input_line *in, size_t i)
{
	i--;
	while (i > 0 && width_cp(in->cps[i]) == 0)
		i--;
	return i;
}

/* End of the character that starts at i (i < len), its marks included. */
static size_t
char_after(const input_line *in, size_t i)
{
	i++;
	while (i < in->len && width_cp(in->cps[i]) == 0)
		i++;
	return i;
}

/* Remove code points [from, to) and leave the cursor at from.  Nothing to
** remove touches nothing: the line of a fresh input_init() has no buffer,
** and memmove() of a NULL one is undefined even for 0 bytes. */
static void
erase(input_line *in, size_t from, size_t to)
{
	if (from == to) {
		in->cursor = from;
		return;
	}
	memmove(in->cps + from, in->cps + to, (in->len - to) * sizeof *in->cps);
	in->len -= to - from;
	in->cursor = from;
}

void
input_left(input_line *in)
{
	if (in->cursor > 0)
		in->cursor = char_before(in, in->cursor);
}

void
input_right(input_line *in)
{
	if (in->cursor < in->len)
		in->cursor = char_after(in, in->cursor);
}

void
input_home(input_line *in)
{
	in->cursor = 0;
}

void
input_end(input_line *in)
{
	in->cursor = in->len;
}

void
input_backspace(input_line *in)
{
	if (in->cursor > 0)
		erase(in, char_before(in, in->cursor), in->cursor);
}

void
input_delete(input_line *in)
{
	size_t at = in->cursor;

	if (at < in->len)
		erase(in, at, char_after(in, at));
}

void
input_kill_to_start(input_line *in)
{
	erase(in, 0, in->cursor);
}

static bool
is_blank(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Ctrl-W as bash's unix-word-rubout: the blanks before the cursor, then
** everything back to the previous blank.  A run of CJK has no blanks, so
** it goes as one word, as it does in bash. */
void
input_kill_word(input_line *in)
{
	size_t i = in->cursor;

	while (i > 0 && is_blank(in->cps[i - 1]))
		i--;
	while (i > 0 && !is_blank(in->cps[i - 1]))
		i--;
	erase(in, i, in->cursor);
}

void
input_clear(input_line *in)
{
	in->len = 0;
	in->cursor = 0;
}

/* Replace the text (see input.h); what cannot be inserted (a control, the
** size limit) ends it there, as a paste would. */
void
input_set_text(input_line *in, const char *utf8)
{
	input_clear(in);
	input_insert_text(in, utf8);
	in->cursor = in->len;
}

char *
input_text(const input_line *in)
{
	size_t i, o = 0;
	char *out = malloc(text_bytes(in) + 1);

	if (out == NULL)
		return NULL;
	for (i = 0; i < in->len; i++)
		o += (size_t)text_utf8_encode(in->cps[i], out + o);
	out[o] = '\0';
	return out;
}

char *
input_text_from(const input_line *in, size_t first)
{
	/* No arithmetic on cps before anything was typed: it is NULL. */
	if (first >= in->len)
		return input_text(&(input_line){.len = 0});
	return input_text(&(input_line){.cps = in->cps + first, .len = in->len - first});
}

bool
input_blank(const input_line *in)
{
	size_t i;

	for (i = 0; i < in->len; i++)
		if (!is_blank(in->cps[i]))
			return false;
	return true;
}

/* Columns of code points [from, to). */
static int
cols_of(const input_line *in, size_t from, size_t to)
{
	int w = 0;

	while (from < to)
		w += width_cp(in->cps[from++]);
	return w;
}

/* Where to start drawing so the cursor shows (see input.h).  Stateless, so
** the view pages: it stays put while the cursor moves inside it and, when
** the cursor leaves it on the right, jumps so that about a quarter of the
** width stays as context before the cursor; leaving on the left jumps back
** one page.  The cursor needs its character's columns (one at the end of
** the text), so a wide character under it is never half shown. */
void
input_view(const input_line *in, int cols, size_t *first, int *cursor_col)
{
	size_t i;
	int c, need, ctx, step, left, col;

	if (cols <= 0) {
		*first = in->cursor;
		*cursor_col = 0;
		return;
	}
	c = cols_of(in, 0, in->cursor);
	need = in->cursor < in->len ? width_cp(in->cps[in->cursor]) : 1;
	if (need < 1)
		need = 1;
	if (need > cols)
		need = cols;
	left = 0;
	if (c + need > cols) {
		ctx = cols / 4;
		step = cols - ctx;
		left = (c - ctx) / step * step;
		if (c + need > left + cols)
			left = c + need - cols;
	}
	/* The first character that starts at or after column left; a wide
	** one straddling it is not shown at all. */
	i = 0;
	col = 0;
	while (i < in->cursor && col < left) {
		col += width_cp(in->cps[i]);
		i++;
	}
	while (i < in->cursor && width_cp(in->cps[i]) == 0)
		i++;
	*first = i;
	*cursor_col = c - col;
}
