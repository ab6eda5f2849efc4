/* layout.c: see layout.h. */
#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "width.h"

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

layout
layout_compute(int rows, int cols)
{
	layout l = {0};
	int body;

	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS) {
		l.kind = LAYOUT_TOO_SMALL;
		return l;
	}
	body = rows - 1;
	l.status = (rect){rows - 1, 0, 1, cols};
	if (cols >= LAYOUT_COLUMNS_MIN_COLS && rows >= LAYOUT_COLUMNS_MIN_ROWS) {
		/* Notes get what is left: they are what the PM types into. */
		int aw = clamp(cols * 24 / 100, 20, 36);
		int pw = clamp(cols * 28 / 100, 24, 44);

		l.kind = LAYOUT_COLUMNS;
		l.agenda = (rect){0, 0, body, aw};
		l.notes = (rect){0, aw, body, cols - aw - pw};
		l.prompts = (rect){0, cols - pw, body, pw};
	} else if (rows >= LAYOUT_STACKED_MIN_ROWS) {
		int ah = clamp(body / 4, 4, 10);
		int ph = clamp(body / 4, 4, 10);

		l.kind = LAYOUT_STACKED;
		l.agenda = (rect){0, 0, ah, cols};
		l.notes = (rect){ah, 0, body - ah - ph, cols};
		l.prompts = (rect){body - ph, 0, ph, cols};
	} else {
		l.kind = LAYOUT_NOTES;
		l.notes = (rect){0, 0, body, cols};
	}
	return l;
}

/* How important a hint is to keep: its rank in keep (0 first), or
** `count` (not kept) when no prefix of keep starts it. */
static int
keep_rank(const char *hint, size_t len, const char *const *keep)
{
	int rank = 0;

	for (; keep && keep[rank]; rank++) {
		size_t n = strlen(keep[rank]);

		if (n && n <= len && strncmp(hint, keep[rank], n) == 0)
			return rank;
	}
	return rank;
}

const char *
layout_hints_fit(const char *bar, int cols, const char *const *keep, char *buf, size_t size)
{
	enum { MAX_HINTS = 48 };
	struct {
		const char *at;
		size_t len;
		int width, rank;
		bool shown;
	} h[MAX_HINTS];
	size_t sep = strlen(LAYOUT_HINT_SEP), out = 0;
	int sepw = width_str(LAYOUT_HINT_SEP), n = 0, width = 0, shown = 0;

	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (const char *p = bar ? bar : ""; *p && n < MAX_HINTS;) {
		const char *end = strstr(p, LAYOUT_HINT_SEP);
		size_t len = end ? (size_t)(end - p) : strlen(p);

		if (len) {
			h[n].at = p;
			h[n].len = len;
			h[n].width = width_strn(p, len);
			h[n].shown = true;
			n++;
		}
		p += len + (end ? sep : 0);
	}
	for (int i = 0; i < n; i++) {
		h[i].rank = keep_rank(h[i].at, h[i].len, keep);
		width += h[i].width + (i ? sepw : 0);
		shown++;
	}
	/* The least important of those still shown goes first: a hint not
	** kept (the last of them), then the kept ones by rank. */
	while (width > cols && shown > 0) {
		int drop = -1;

		for (int i = 0; i < n; i++)
			if (h[i].shown && (drop < 0 || h[i].rank >= h[drop].rank))
				drop = i;
		h[drop].shown = false;
		width -= h[drop].width + (shown > 1 ? sepw : 0);
		shown--;
	}
	for (int i = 0; i < n; i++) {
		if (!h[i].shown)
			continue;
		if (out + (out ? sep : 0) + h[i].len >= size)
			break;  /* no room in buf: fewer hints, still whole */
		out += (size_t)snprintf(buf + out, size - out, "%s%.*s", out ? LAYOUT_HINT_SEP : "",
					(int)h[i].len, h[i].at);
	}
	return buf;
}
