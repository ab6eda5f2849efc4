/* layout.c: see layout.h. */
#include "layout.h"

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
