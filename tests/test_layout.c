/* test_layout.c: where the live screen's panes go, at many sizes, and
** which hints of a key bar fit a width. */
#include <locale.h>
#include <string.h>

#include "layout.h"
#include "tap.h"
#include "width.h"

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

static const char *const keep[] = {"? ", "Esc ", NULL};

static const char recap_fr[] =
	"o responsable · w échéance · d fait · x abandonner · E exporter · "
	"p planifier la suite · Échap fermer · ? aide";

static void
a_bar_that_fits_is_left_whole(void)
{
	char buf[300];

	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 80, keep, buf, sizeof buf),
		  "o owner · w due · ? help");
	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 24, keep, buf, sizeof buf),
		  "o owner · w due · ? help");
	CHECK_STR(layout_hints_fit("", 80, keep, buf, sizeof buf), "");
	CHECK_STR(layout_hints_fit(NULL, 80, keep, buf, sizeof buf), "");
}

static void
hints_go_whole_from_the_end(void)
{
	char buf[300];

	/* One column short: the last hint not kept goes, the help stays. */
	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 23, keep, buf, sizeof buf),
		  "o owner · ? help");
	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 15, keep, buf, sizeof buf),
		  "? help");
	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 5, keep, buf, sizeof buf), "");
	/* Nothing kept: from the end. */
	CHECK_STR(layout_hints_fit("a one · b two · c three", 14, NULL, buf, sizeof buf),
		  "a one · b two");
}

static void
the_way_back_and_the_help_stay_longest(void)
{
	char buf[300];

	/* Counted in columns, not bytes: "é" and "·" take one each. */
	CHECK_STR(layout_hints_fit(recap_fr, 80, keep, buf, sizeof buf),
		  "o responsable · w échéance · d fait · x abandonner · E exporter · "
		  "? aide");
	CHECK(width_str(buf) <= 80);
	/* "Échap " is not "Esc ": the French way back is kept by its own name. */
	{
		static const char *const keep_fr[] = {"? ", "Échap ", NULL};

		CHECK_STR(layout_hints_fit(recap_fr, 60, keep_fr, buf, sizeof buf),
			  "o responsable · w échéance · d fait · Échap fermer · ? aide");
		CHECK_STR(layout_hints_fit(recap_fr, 21, keep_fr, buf, sizeof buf),
			  "Échap fermer · ? aide");
		/* Too narrow for both: the help, first in keep, stays. */
		CHECK_STR(layout_hints_fit(recap_fr, 20, keep_fr, buf, sizeof buf), "? aide");
	}
}

/* The index of the hint [at, at + len) among bar's hints from the from-th
** on; -1 when it is none of them. */
static int
hint_index(const char *bar, int from, const char *at, size_t len)
{
	int i = 0;

	for (const char *p = bar; *p; i++) {
		const char *end = strstr(p, LAYOUT_HINT_SEP);
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (i >= from && n == len && strncmp(p, at, len) == 0)
			return i;
		if (end == NULL)
			break;
		p = end + strlen(LAYOUT_HINT_SEP);
	}
	return -1;
}

/* At every width, what is kept is whole hints of the bar, in its order,
** in at most that many columns. */
static void
never_a_hint_cut(void)
{
	static const char *const bars[] = {
		recap_fr,
		"Entrée lire · / rechercher · Échap retour · ? aide",
		"日本語 見る · 🎉 fête · Esc back · ? help",
	};
	int bad = 0;

	for (size_t b = 0; b < sizeof bars / sizeof bars[0]; b++)
		for (int cols = 0; cols <= 120; cols++) {
			char buf[300];
			int next = 0;

			layout_hints_fit(bars[b], cols, keep, buf, sizeof buf);
			if (width_str(buf) > cols && bad++ == 0)
				tap_fail(__FILE__, __LINE__, "%d columns: \"%s\" is wider", cols, buf);
			for (const char *p = buf; *p;) {
				const char *end = strstr(p, LAYOUT_HINT_SEP);
				size_t n = end ? (size_t)(end - p) : strlen(p);
				int i = hint_index(bars[b], next, p, n);

				if (i < 0) {
					if (bad++ == 0)
						tap_fail(__FILE__, __LINE__, "%d columns: \"%s\" cuts a hint",
							 cols, buf);
					break;
				}
				next = i + 1;
				if (end == NULL)
					break;
				p = end + strlen(LAYOUT_HINT_SEP);
			}
		}
	CHECK_INT(bad, 0);
}

/* A buffer too small for the bar: fewer hints, still whole, still ended. */
static void
a_small_buffer_keeps_whole_hints(void)
{
	char buf[12];

	CHECK_STR(layout_hints_fit("o owner · w due · ? help", 80, keep, buf, sizeof buf),
		  "o owner");
}

int
main(void)
{
	setlocale(LC_CTYPE, "C.UTF-8");
	RUN(eighty_by_twenty_four_has_three_columns);
	RUN(wide_screens_give_notes_the_room);
	RUN(narrow_screens_stack_then_keep_notes_alone);
	RUN(below_the_minimum_it_is_too_small);
	RUN(every_size_tiles);
	RUN(a_bar_that_fits_is_left_whole);
	RUN(hints_go_whole_from_the_end);
	RUN(the_way_back_and_the_help_stay_longest);
	RUN(never_a_hint_cut);
	RUN(a_small_buffer_keeps_whole_hints);
	return tap_done();
}
