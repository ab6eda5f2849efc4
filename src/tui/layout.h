/* layout.h: where the live screen's panes go for a terminal size.
** Pure: tested without a terminal. */
#ifndef RAPPORT_TUI_LAYOUT_H
#define RAPPORT_TUI_LAYOUT_H

#include <stdbool.h>

typedef struct rect {
	int y, x, h, w;  /* h == 0 or w == 0: not shown */
} rect;

enum layout_kind {
	LAYOUT_COLUMNS,   /* Agenda | Notes | Prompts, side by side */
	LAYOUT_STACKED,   /* Agenda over Notes over Prompts, full width */
	LAYOUT_NOTES,     /* Notes alone: too narrow for the others */
	LAYOUT_TOO_SMALL, /* say so, and nothing else */
};

typedef struct layout {
	enum layout_kind kind;
	rect agenda, notes, prompts;  /* boxes, borders included */
	rect status;                  /* the bottom line */
} layout;

/* Minimums: below them the screen only says it is too small. */
#define LAYOUT_MIN_COLS 30
#define LAYOUT_MIN_ROWS 8
#define LAYOUT_COLUMNS_MIN_COLS 80
#define LAYOUT_COLUMNS_MIN_ROWS 12
#define LAYOUT_STACKED_MIN_ROWS 16

/* The layout for a rows x cols terminal. */
layout layout_compute(int rows, int cols);

#endif
