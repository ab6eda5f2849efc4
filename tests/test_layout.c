/* test_layout.c: where the live screen's panes go, at many sizes. */
#include "layout.h"
#include "tap.h"

/* Panes of l tile the screen above the status line without overlapping. */
static void
check_tiling(layout l, int rows, int cols)
{
	static char cell[200][300];
	rect panes[3] = {l.agenda, l.notes, l.prompts};

	for (int y = 0; y < rows - 1; y++)
		for (int x = 0; x < cols; x++)
			cell[y][x] = 0;
	for (int p = 0; p < 3; p++) {
		rect r = panes[p];

		if (r.h == 0 || r.w == 0)
			continue;
		CHECK(r.y >= 0 && r.x >= 0 && r.y + r.h <= rows - 1 && r.x + r.w <= cols);
		for (int y = r.y; y < r.y + r.h && y < rows - 1; y++)
			for (int x = r.x; x < r.x + r.w && x < cols; x++) {
				if (cell[y][x])
					tap_fail(__FILE__, __LINE__, "%dx%d: panes overlap at %d,%d",
						 rows, cols, y, x);
				cell[y][x] = 1;
			}
	}
	for (int y = 0; y < rows - 1; y++)
		for (int x = 0; x < cols; x++)
			if (!cell[y][x]) {
				tap_fail(__FILE__, __LINE__, "%dx%d: cell %d,%d is in no pane", rows,
					 cols, y, x);
				return;
			}
	CHECK_INT(l.status.y, rows - 1);
	CHECK_INT(l.status.w, cols);
}

static void
eighty_by_twenty_four_has_three_columns(void)
{
	layout l = layout_compute(24, 80);

	CHECK_INT(l.kind, LAYOUT_COLUMNS);
	CHECK_INT(l.agenda.w, 20);
	CHECK_INT(l.prompts.w, 24);
	CHECK_INT(l.notes.w, 36);
	CHECK_INT(l.notes.h, 23);
	check_tiling(l, 24, 80);
}

static void
wide_screens_give_notes_the_room(void)
{
	layout l = layout_compute(60, 200);

	CHECK_INT(l.kind, LAYOUT_COLUMNS);
	CHECK_INT(l.agenda.w, 36);
	CHECK_INT(l.prompts.w, 44);
	CHECK_INT(l.notes.w, 120);
	check_tiling(l, 60, 200);
}

static void
narrow_screens_stack_then_keep_notes_alone(void)
{
	layout l = layout_compute(24, 79);

	CHECK_INT(l.kind, LAYOUT_STACKED);
	CHECK_INT(l.agenda.w, 79);
	check_tiling(l, 24, 79);
	l = layout_compute(12, 60);
	CHECK_INT(l.kind, LAYOUT_NOTES);
	CHECK_INT(l.agenda.h, 0);
	CHECK_INT(l.prompts.h, 0);
	check_tiling(l, 12, 60);
	l = layout_compute(11, 100);  /* wide but too short for columns */
	CHECK_INT(l.kind, LAYOUT_NOTES);
}

static void
below_the_minimum_it_is_too_small(void)
{
	CHECK_INT(layout_compute(1, 1).kind, LAYOUT_TOO_SMALL);
	CHECK_INT(layout_compute(7, 200).kind, LAYOUT_TOO_SMALL);
	CHECK_INT(layout_compute(60, 29).kind, LAYOUT_TOO_SMALL);
	CHECK_INT(layout_compute(8, 30).kind, LAYOUT_NOTES);
	CHECK_INT(layout_compute(0, 0).kind, LAYOUT_TOO_SMALL);
}

static void
every_size_tiles(void)
{
	for (int rows = LAYOUT_MIN_ROWS; rows <= 70; rows += 3)
		for (int cols = LAYOUT_MIN_COLS; cols <= 260; cols += 7)
			check_tiling(layout_compute(rows, cols), rows, cols);
}

int
main(void)
{
	RUN(eighty_by_twenty_four_has_three_columns);
	RUN(wide_screens_give_notes_the_room);
	RUN(narrow_screens_stack_then_keep_notes_alone);
	RUN(below_the_minimum_it_is_too_small);
	RUN(every_size_tiles);
	return tap_done();
}
