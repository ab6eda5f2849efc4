/* fuzz_input.c: libFuzzer target for the line editor (src/tui/input.c)
** and the width arithmetic it draws with (src/tui/width.c).
**
** The input is a key sequence, read as a terminal sends it to the Notes
** pane: UTF-8 characters are typed, bytes that are not UTF-8 arrive as
** their own code point (C1 controls included), and control bytes are the
** editing keys of src/tui/keymap.c (Ctrl-A/E, Backspace, Ctrl-U, Ctrl-W...).
** A few control bytes stand for what has no byte of its own: the arrows,
** Delete, a paste, a recalled note, a raw code point from 3 bytes (beyond
** Unicode, surrogates), and a resize of the width the line is drawn in.
**
** After every key the line must keep its promises: the cursor within the
** text and on a character boundary, the text valid UTF-8 without controls,
** within INPUT_MAX_BYTES, and the view of it consistent with width.c: the
** cursor column is the width of what is drawn before it, and the
** character under the cursor fits.  The line, and each paste, is also
** wrapped at that width as notes are: no line too wide, no text lost.
*/
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "input.h"
#include "rapport/text.h"
#include "width.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CTRL(c) ((c) & 0x1f)

/* Keys with no byte of their own, on control bytes the keymap leaves free. */
enum {
	K_LEFT = CTRL('b'),
	K_RIGHT = CTRL('f'),
	K_DELETE = CTRL('d'),
	K_RESIZE = CTRL('r'),    /* next byte: the new width */
	K_PASTE = CTRL('v'),     /* next byte n, then n bytes of text */
	K_RECALL = CTRL('p'),    /* the same, replacing the line (Up in live) */
	K_RAW = CTRL('k'),       /* next 3 bytes: any code point, even invalid */
	K_CLEAR = CTRL('l'),
};

/* A broken promise: say which, show the line, and stop. */
static void
fail(const input_line *in, int width, const char *why)
{
	size_t i;

	fprintf(stderr, "fuzz_input: %s; width %d, cursor %zu of %zu:", why, width, in->cursor,
		in->len);
	for (i = 0; i < in->len; i++)
		fprintf(stderr, " %04X", (unsigned)in->cps[i]);
	fputc('\n', stderr);
	abort();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* width.c asks wcwidth(), which knows wide characters only in a
	** UTF-8 locale. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return 0;
}

/* Columns of code points [from, to), the way the view counts them. */
static int
cols(const input_line *in, size_t from, size_t to)
{
	int w = 0;

	while (from < to)
		w += width_cp(in->cps[from++]);
	return w;
}

/* Does the cursor sit where a person sees one: not inside a character
** (on a zero-width mark after its base)?  Marks at the very start have no
** base, so any position among them is column 0 and is fine. */
static int
on_boundary(const input_line *in)
{
	return in->cursor == 0 || in->cursor == in->len ||
	       width_cp(in->cps[in->cursor]) != 0 || cols(in, 0, in->cursor) == 0;
}

/* width_wrap() of s at cols, as notes and prompts are drawn: each line
** within cols, in order, without a newline, and what falls between the
** lines only blanks and newlines.  Asked with no room for lines, it must
** count as many. */
static void
check_wrap(const input_line *in, const char *s, int cols)
{
	static width_line lines[512];
	size_t n, i, k, at = 0, len = strlen(s), shown;

	n = width_wrap(s, cols, lines, sizeof lines / sizeof lines[0]);
	if (width_wrap(s, cols, NULL, 0) != n || (len > 0) != (n > 0))
		fail(in, cols, "width_wrap counts differently without room");
	shown = n < sizeof lines / sizeof lines[0] ? n : sizeof lines / sizeof lines[0];
	for (i = 0; i < shown; i++) {
		if (lines[i].start < at || lines[i].start + lines[i].len > len)
			fail(in, cols, "width_wrap lines out of order");
		if (width_strn(s + lines[i].start, lines[i].len) > cols ||
		    memchr(s + lines[i].start, '\n', lines[i].len) != NULL)
			fail(in, cols, "a wrapped line too wide, or holding a newline");
		for (k = at; k < lines[i].start; k++)
			if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n')
				fail(in, cols, "width_wrap dropped text");
		at = lines[i].start + lines[i].len;
	}
	if (n == shown)
		for (k = at; k < len; k++)
			if (s[k] != ' ' && s[k] != '\t' && s[k] != '\n')
				fail(in, cols, "width_wrap dropped the end");
}

/* Every promise of input.h and width.h, checked after one key. */
static void
check(const input_line *in, int width)
{
	char *text, *shown, *cut;
	size_t len, i, n, first, fit;
	uint32_t cp;
	int col, need, used, w;

	if (in->cursor > in->len || in->len > in->cap || (in->len > 0 && in->cps == NULL))
		fail(in, width, "the cursor or the length out of bounds");
	if (!on_boundary(in))
		fail(in, width, "the cursor inside a character");
	if ((text = input_text(in)) == NULL)
		return;
	len = strlen(text);
	if (len > INPUT_MAX_BYTES || !text_utf8_valid(text, len) || text_has_control(text))
		fail(in, width, "text too long, not UTF-8, or with a control");
	/* The text decodes back to the code points held, one for one. */
	for (i = 0, n = 0; i < len; n++) {
		int k = text_utf8_decode(text + i, len - i, &cp);

		if (k == 0 || n >= in->len || cp != in->cps[n])
			fail(in, width, "the text is not the code points held");
		/* input.c refuses what reorders or breaks the line, too. */
		if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
		    cp == 0x2028 || cp == 0x2029)
			fail(in, width, "a refused code point in the text");
		i += (size_t)k;
	}
	if (n != in->len || (size_t)width_str(text) != (size_t)cols(in, 0, in->len))
		fail(in, width, "width_str disagrees with width_cp");
	check_wrap(in, text, width);
	if (input_blank(in) != (strspn(text, " ") == len))
		fail(in, width, "input_blank is wrong");

	/* The view at this width, as live_draw_input() draws it. */
	input_view(in, width, &first, &col);
	if (first > in->cursor || col < 0 || col != cols(in, first, in->cursor))
		fail(in, width, "the view's cursor column is wrong");
	need = in->cursor < in->len ? width_cp(in->cps[in->cursor]) : 1;
	need = need < 1 ? 1 : need > width ? width : need;
	if (col + need > width)
		fail(in, width, "the character under the cursor does not fit");
	if ((shown = input_text(&(input_line){ .cps = in->cps ? in->cps + first : NULL,
					       .len = in->len - first })) != NULL) {
		/* What put() draws: the fitting prefix, or a cut with "…". */
		fit = width_fit(shown, width, &used);
		if (fit > strlen(shown) || used > width || used != width_strn(shown, fit) ||
		    !text_utf8_valid(shown, fit))
			fail(in, width, "width_fit is wrong");
		if ((cut = width_truncate(shown, width)) != NULL) {
			w = width_str(cut);
			if (w > width || !text_utf8_valid(cut, strlen(cut)))
				fail(in, width, "width_truncate is too wide");
			free(cut);
		}
		free(shown);
	}
	free(text);
}

/* Text for a paste: the next byte is its length, then that many bytes. */
static char *
take_text(const uint8_t **p, const uint8_t *end)
{
	size_t n;
	char *s;

	if (*p >= end)
		return NULL;
	n = **p;
	(*p)++;
	if (n > (size_t)(end - *p))
		n = (size_t)(end - *p);
	if ((s = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(s, *p, n);
	s[n] = '\0';
	*p += n;
	return s;
}

/* Press one key read from *p. */
static void
press(input_line *in, const uint8_t **p, const uint8_t *end, int *width)
{
	uint32_t cp;
	char *s, *clean;
	int n = text_utf8_decode((const char *)*p, (size_t)(end - *p), &cp);

	if (n == 0) {  /* not UTF-8: the byte alone, as a code point */
		cp = **p;
		n = 1;
	}
	*p += n;
	switch (cp) {
	case CTRL('a'): input_home(in); break;
	case CTRL('e'): input_end(in); break;
	case K_LEFT: input_left(in); break;
	case K_RIGHT: input_right(in); break;
	case CTRL('h'):
	case 0x7f: input_backspace(in); break;
	case K_DELETE: input_delete(in); break;
	case CTRL('u'): input_kill_to_start(in); break;
	case CTRL('w'): input_kill_word(in); break;
	case K_CLEAR: input_clear(in); break;
	case K_RESIZE:
		if (*p < end)
			*width = 2 + *(*p)++ % 160;  /* live_draw_input needs 2 */
		break;
	case K_PASTE:
	case K_RECALL:
		if ((s = take_text(p, end)) != NULL) {
			/* Stored text is wrapped as it is drawn: sanitized, its
			** newlines kept. */
			if ((clean = text_sanitize(s, "\n")) != NULL) {
				check_wrap(in, clean, *width);
				free(clean);
			}
			if (cp == K_PASTE)
				input_insert_text(in, s);
			else
				input_set_text(in, s);
			free(s);
		}
		break;
	case K_RAW:
		if (end - *p >= 3) {
			cp = (uint32_t)(*p)[0] << 16 | (uint32_t)(*p)[1] << 8 | (*p)[2];
			*p += 3;
			input_insert(in, cp);
		}
		break;
	default:
		input_insert(in, cp);
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size;
	input_line in;
	int width = 40;

	input_init(&in);
	while (p < end) {
		press(&in, &p, end, &width);
		check(&in, width);
	}
	input_done(&in);
	return 0;
}
