/* listview.c: see listview.h.  Only listview_draw() calls curses. */
#include "listview.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/i18n.h"
#include "rapport/text.h"
#include "width.h"

#define CTRL(c) ((c) & 0x1f)

void
listview_init(listview *lv)
{
	*lv = (listview){.sel = -1};
}

void
listview_clear(listview *lv)
{
	for (int i = 0; i < lv->n; i++)
		free(lv->rows[i].text);
	lv->n = 0;
}

void
listview_done(listview *lv)
{
	listview_clear(lv);
	free(lv->rows);
	listview_init(lv);
}

/* fmt formatted, then sanitized: malloc'd, NULL on no memory. */
static char *
format_clean(const char *fmt, va_list ap)
{
	char *raw, *clean;
	va_list again;
	int len;

	va_copy(again, ap);
	len = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (len < 0 || (raw = malloc((size_t)len + 1)) == NULL)
		return NULL;
	vsnprintf(raw, (size_t)len + 1, fmt, ap);
	clean = text_sanitize(raw, " ");
	free(raw);
	return clean;
}

listview_row *
listview_add(listview *lv, bool selectable, unsigned attr, const char *fmt, ...)
{
	listview_row *r;
	va_list ap;
	char *text;

	if (lv->n == lv->cap) {
		int cap = lv->cap ? lv->cap * 2 : 32;
		listview_row *grown = realloc(lv->rows, (size_t)cap * sizeof *grown);

		if (grown == NULL)
			return NULL;
		lv->rows = grown;
		lv->cap = cap;
	}
	va_start(ap, fmt);
	text = format_clean(fmt, ap);
	va_end(ap);
	if (text == NULL)
		return NULL;
	r = &lv->rows[lv->n++];
	*r = (listview_row){.text = text, .nspans = 1, .span_attr = {attr}, .selectable = selectable,
			    .index = -1, .sub = -1};
	return r;
}

int
listview_add_wrapped(listview *lv, bool selectable, unsigned attr, int indent,
		     const char *text, int cols)
{
	char *clean = text_sanitize(text ? text : "", " ");
	width_line lines[LISTVIEW_WRAP_LINES];
	size_t n;
	int first = -1;

	if (clean == NULL)
		return -1;
	/* Every line within cols, the indented ones too. */
	cols = cols - indent >= 2 ? cols - indent : 2;
	n = width_wrap(clean, cols, lines, sizeof lines / sizeof lines[0]);
	if (n > sizeof lines / sizeof lines[0])
		n = sizeof lines / sizeof lines[0];
	if (n == 0)
		n = 1, lines[0] = (width_line){0, 0};
	for (size_t i = 0; i < n; i++) {
		listview_row *r = listview_add(lv, i == 0 && selectable, attr, "%*s%.*s",
					       i ? indent : 0, "", (int)lines[i].len,
					       clean + lines[i].start);

		if (r == NULL)
			break;
		r->cont = i > 0;
		if (i == 0)
			first = lv->n - 1;
	}
	free(clean);
	return first;
}

void
listview_span(listview *lv, unsigned attr, const char *fmt, ...)
{
	listview_row *r = lv->n ? &lv->rows[lv->n - 1] : NULL;
	size_t old;
	char *piece, *joined;
	va_list ap;

	if (r == NULL || r->nspans >= LISTVIEW_SPANS)
		return;
	va_start(ap, fmt);
	piece = format_clean(fmt, ap);
	va_end(ap);
	if (piece == NULL)
		return;
	old = strlen(r->text);
	joined = realloc(r->text, old + strlen(piece) + 1);
	if (joined != NULL) {
		strcpy(joined + old, piece);
		r->text = joined;
		r->span_at[r->nspans] = old;
		r->span_attr[r->nspans++] = attr;
	}
	free(piece);
}

void
listview_cell(listview *lv, unsigned attr, const char *text, int cols)
{
	char *clean = text_sanitize(text ? text : "", " ");
	char *cut = clean && cols > 1 ? width_truncate(clean, cols - 1) : NULL;
	int pad;

	if (cut != NULL) {
		pad = cols - width_str(cut);
		listview_span(lv, attr, "%s%*s", cut, pad > 0 ? pad : 0, "");
	}
	free(cut);
	free(clean);
}

void
listview_select(listview *lv, int i)
{
	lv->sel = i >= 0 && i < lv->n && lv->rows[i].selectable ? i : -1;
}

const listview_row *
listview_selected(const listview *lv)
{
	return lv->sel >= 0 && lv->sel < lv->n ? &lv->rows[lv->sel] : NULL;
}

int
listview_selectable_from(const listview *lv, int i, int dir)
{
	for (; i >= 0 && i < lv->n; i += dir)
		if (lv->rows[i].selectable)
			return i;
	return -1;
}

/* Marks need a row each and at least one row between them. */
static bool
marks_fit(int h)
{
	return h >= 3;
}

/* The frame with the first row at top, as it is (no clamping). */
static listview_frame
frame_at(const listview *lv, int top, int h)
{
	listview_frame f = {.top = top};
	int room;

	if (h <= 0)
		return f;
	if (lv->n <= h) {
		f.top = 0;
		f.shown = lv->n;
		return f;
	}
	f.above = top;
	room = marks_fit(h) && top > 0 ? h - 1 : h;
	if (top + room >= lv->n) {
		f.shown = lv->n - top;
		return f;
	}
	f.shown = marks_fit(h) ? room - 1 : room;
	f.below = lv->n - top - f.shown;
	return f;
}

/* The last top that leaves no row hidden below. */
static int
max_top(const listview *lv, int h)
{
	if (h <= 0 || lv->n <= h)
		return 0;
	return marks_fit(h) ? lv->n - h + 1 : lv->n - h;
}

static int
height_of(const listview *lv)
{
	return lv->height > 0 ? lv->height : lv->n;
}

static bool
visible(listview_frame f, int i)
{
	return i >= f.top && i < f.top + f.shown;
}

/* Keep top in range; with reveal, scroll the least to show the selection. */
static listview_frame
settle(listview *lv, int h, bool reveal)
{
	int most = max_top(lv, h);

	if (lv->sel >= lv->n || (lv->sel >= 0 && !lv->rows[lv->sel].selectable))
		lv->sel = -1;
	if (lv->top > most)
		lv->top = most;
	if (lv->top < 0)
		lv->top = 0;
	if (reveal && lv->sel >= 0 && h > 0) {
		/* The selected row and the rows that continue it, as far as they
		** fit. */
		int end = lv->sel;

		while (end + 1 < lv->n && lv->rows[end + 1].cont &&
		       visible(frame_at(lv, lv->sel, h), end + 1))
			end++;
		if (lv->sel < lv->top)
			lv->top = lv->sel;
		while (lv->top < most && !visible(frame_at(lv, lv->top, h), end))
			lv->top++;
		/* Start on a whole row rather than the tail of a wrapped one. */
		while (lv->top < lv->sel && lv->top < most && lv->rows[lv->top].cont)
			lv->top++;
	}
	/* Row 1 under a "1 more above" mark shows less than row 0 would. */
	if (lv->top == 1 && marks_fit(h))
		lv->top = 0;
	return frame_at(lv, lv->top, h);
}

listview_frame
listview_layout(listview *lv, int h)
{
	lv->height = h;
	return settle(lv, h, true);
}

/* Scroll by delta rows; a selection scrolled out of view is dropped. */
static void
scroll_by(listview *lv, int h, int delta)
{
	lv->top += delta;
	if (lv->top == 1 && marks_fit(h))
		lv->top = delta > 0 ? 2 : 0;  /* top 1 shows nothing top 0 does not */
	if (!visible(settle(lv, h, false), lv->sel))
		lv->sel = -1;
}

/* The first (dir 1) or last (dir -1) selectable row in frame f, or -1. */
static int
selectable_in(const listview *lv, listview_frame f, int dir)
{
	int i = listview_selectable_from(lv, dir > 0 ? f.top : f.top + f.shown - 1, dir);

	return visible(f, i) ? i : -1;
}

/* j/k: to the next selectable row when it is near enough that no row
** between is passed unseen; else scroll one row. */
static void
step(listview *lv, int h, int dir)
{
	listview_frame f = settle(lv, h, true);
	int edge = dir > 0 ? f.top + f.shown - 1 : f.top;
	int from = lv->sel >= 0 ? lv->sel + dir : dir > 0 ? f.top : edge;
	int to = listview_selectable_from(lv, from, dir);
	int reach = f.shown > 1 ? f.shown - 1 : 1;

	if (to >= 0 && (dir > 0 ? to <= edge + reach : to >= edge - reach)) {
		lv->sel = to;
		settle(lv, h, true);
	} else if (dir > 0 ? f.below > 0 : f.top > 0) {
		scroll_by(lv, h, dir);
	}
}

static void
page(listview *lv, int h, int dir)
{
	listview_frame f = settle(lv, h, true), nf;

	if (dir > 0 ? f.below == 0 : f.top == 0) {
		/* Already at that end: the selection goes to the edge. */
		int i = selectable_in(lv, f, -dir);

		if (i >= 0)
			lv->sel = i;
		return;
	}
	lv->top += dir * (f.shown > 1 ? f.shown : 1);
	nf = settle(lv, h, false);
	if (!visible(nf, lv->sel))
		lv->sel = selectable_in(lv, nf, dir);
}

static void
to_end(listview *lv, int h, int dir)
{
	listview_frame f;

	lv->top = dir < 0 ? 0 : max_top(lv, h);
	f = settle(lv, h, false);
	lv->sel = selectable_in(lv, f, -dir);
}

bool
listview_move(listview *lv, enum listview_move m)
{
	int h = height_of(lv), sel = lv->sel, top = lv->top;

	switch (m) {
	case LISTVIEW_DOWN: step(lv, h, 1); break;
	case LISTVIEW_UP: step(lv, h, -1); break;
	case LISTVIEW_PAGE_DOWN: page(lv, h, 1); break;
	case LISTVIEW_PAGE_UP: page(lv, h, -1); break;
	case LISTVIEW_FIRST: to_end(lv, h, -1); break;
	case LISTVIEW_LAST: to_end(lv, h, 1); break;
	}
	return lv->sel != sel || lv->top != top;
}

/* The movement keys, as data; the help below follows them. */
static const struct {
	wint_t key;
	bool function;
	enum listview_move move;
} move_keys[] = {
	{'j', false, LISTVIEW_DOWN},
	{KEY_DOWN, true, LISTVIEW_DOWN},
	{'k', false, LISTVIEW_UP},
	{KEY_UP, true, LISTVIEW_UP},
	{KEY_NPAGE, true, LISTVIEW_PAGE_DOWN},
	{CTRL('f'), false, LISTVIEW_PAGE_DOWN},
	{KEY_PPAGE, true, LISTVIEW_PAGE_UP},
	{CTRL('b'), false, LISTVIEW_PAGE_UP},
	{'g', false, LISTVIEW_FIRST},
	{KEY_HOME, true, LISTVIEW_FIRST},
	{'G', false, LISTVIEW_LAST},
	{KEY_END, true, LISTVIEW_LAST},
};

/* Marked for the catalogue, translated where they are shown (screen.c). */
const char *const listview_help[] = {
	/* TRANSLATORS: the key names before the tab as the help names them
	** elsewhere (Down, Up), what they do after it. */
	N_("j  k  Down  Up\tnext / previous line (scrolls past text lines)"),
	N_("PgDn  PgUp\ta page down / up (also Ctrl-F, Ctrl-B)"),
	N_("g  G  Home  End\tthe first / the last line"),
	NULL,
};

bool
listview_key(listview *lv, wint_t key, bool function)
{
	for (size_t i = 0; i < sizeof move_keys / sizeof move_keys[0]; i++)
		if (move_keys[i].key == key && move_keys[i].function == function) {
			listview_move(lv, move_keys[i].move);
			return true;
		}
	return false;
}

int
listview_fit(const listview_row *r, int cols, size_t lens[LISTVIEW_SPANS], bool *ellipsis)
{
	size_t total = strlen(r->text);
	int used = 0, budget;

	*ellipsis = false;
	for (int s = 0; s < LISTVIEW_SPANS; s++)
		lens[s] = 0;
	if (cols <= 0)
		return 0;
	budget = cols;
	if (width_str(r->text) > cols) {
		*ellipsis = true;
		budget = cols - 1;
	}
	for (int s = 0; s < r->nspans; s++) {
		size_t start = r->span_at[s];
		size_t end = s + 1 < r->nspans ? r->span_at[s + 1] : total;
		int got = 0;
		size_t fit = width_fit(r->text + start, budget - used, &got);

		if (fit >= end - start) {
			lens[s] = end - start;
			used += width_strn(r->text + start, end - start);
			continue;
		}
		lens[s] = fit;
		used += got;
		break;
	}
	return used;
}

/* How many rows of [from, to) are not continuations: what a person counts
** when some rows are wrapped. */
static int
heads(const listview *lv, int from, int to)
{
	int n = 0;

	for (int i = from; i < to && i < lv->n; i++)
		n += !lv->rows[i].cont;
	return n;
}

void
listview_hidden(const listview *lv, listview_frame f, int *above, int *below)
{
	*above = heads(lv, 0, f.top);
	*below = heads(lv, f.top + f.shown, lv->n);
}

/* "↑ 3 more above"; only "↓ more below" when what is hidden is the rest of
** a wrapped row already begun on screen. */
static void
more_mark(char *buf, size_t size, bool above, int n)
{
	if (n > 0 && above)
		snprintf(buf, size, P_("↑ %d more above", "↑ %d more above", n), n);
	else if (n > 0)
		snprintf(buf, size, P_("↓ %d more below", "↓ %d more below", n), n);
	else
		snprintf(buf, size, "%s", above ? _("↑ more above") : _("↓ more below"));
}

listview_frame
listview_draw(listview *lv, int y, int x, int h, int w, bool show_sel, unsigned mark_attr)
{
	listview_frame f = listview_layout(lv, h);
	int row = y;
	char mark[64];

	if (h <= 0 || w <= 0)
		return f;
	attrset(A_NORMAL);
	for (int i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	if (f.above > 0 && marks_fit(h)) {
		more_mark(mark, sizeof mark, true, heads(lv, 0, f.top));
		attrset((attr_t)mark_attr);
		mvaddnstr(row++, x + 1, mark, (int)width_fit(mark, w - 1, NULL));
	}
	for (int i = 0; i < f.shown; i++, row++) {
		const listview_row *r = &lv->rows[f.top + i];
		int head = f.top + i;
		unsigned sel;

		while (head > 0 && lv->rows[head].cont)
			head--;
		sel = show_sel && lv->sel >= 0 && head == lv->sel ? A_REVERSE : 0;
		size_t lens[LISTVIEW_SPANS];
		bool cut;
		int col = x + 1, last = 0;

		if (sel) {
			attrset(A_REVERSE);
			mvhline(row, x, ' ', w);
		}
		listview_fit(r, w - 2, lens, &cut);
		for (int s = 0; s < r->nspans; s++) {
			if (lens[s] == 0)
				continue;
			attrset((attr_t)(r->span_attr[s] | sel));
			mvaddnstr(row, col, r->text + r->span_at[s], (int)lens[s]);
			col += width_strn(r->text + r->span_at[s], lens[s]);
			last = s;
		}
		if (cut) {
			attrset((attr_t)(r->span_attr[last] | sel));
			mvaddstr(row, col, "…");
		}
	}
	if (f.below > 0 && marks_fit(h)) {
		more_mark(mark, sizeof mark, false, heads(lv, f.top + f.shown, lv->n));
		attrset((attr_t)mark_attr);
		mvaddnstr(y + h - 1, x + 1, mark, (int)width_fit(mark, w - 1, NULL));
	}
	attrset(A_NORMAL);
	return f;
}
