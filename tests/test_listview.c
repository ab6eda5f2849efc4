/* test_listview.c: the list view's model (listview.h) without a terminal:
** scrolling, the selection skipping text rows, paging, first and last,
** a resize, the movement keys, and rows cut by display width.
**
** Frames are counted by hand: with h rows on screen and more rows than
** that, a "more above" mark takes the first row when rows are hidden above
** and a "more below" mark the last when rows are hidden below.
*/
#include "listview.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "width.h"

#define ELLIPSIS "\xE2\x80\xA6"

/* n rows "row 0".."row n-1"; selectable unless listed in text_rows. */
static void
fill(listview *lv, int n, const int *text_rows, int ntext)
{
	listview_init(lv);
	for (int i = 0; i < n; i++) {
		bool selectable = true;

		for (int t = 0; t < ntext; t++)
			if (text_rows[t] == i)
				selectable = false;
		CHECK(listview_add(lv, selectable, 0, "row %d", i) != NULL);
	}
	listview_select(lv, listview_selectable_from(lv, 0, 1));
}

/* The selection is on screen (or there is none). */
static void
check_sel_visible(listview *lv, listview_frame f)
{
	if (lv->sel >= 0 && (lv->sel < f.top || lv->sel >= f.top + f.shown))
		tap_fail(__FILE__, __LINE__, "row %d selected but rows %d..%d shown", lv->sel,
			 f.top, f.top + f.shown - 1);
}

static void
a_short_list_shows_every_row_without_marks(void)
{
	listview lv;
	listview_frame f;

	fill(&lv, 5, NULL, 0);
	f = listview_layout(&lv, 10);
	CHECK_INT(f.top, 0);
	CHECK_INT(f.shown, 5);
	CHECK_INT(f.above, 0);
	CHECK_INT(f.below, 0);
	CHECK_INT(lv.sel, 0);
	/* j stops at the last row. */
	for (int i = 0; i < 10; i++)
		listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, 4);
	CHECK(!listview_move(&lv, LISTVIEW_DOWN));
	listview_done(&lv);
}

static void
j_scrolls_and_marks_what_is_hidden(void)
{
	listview lv;
	listview_frame f;

	fill(&lv, 50, NULL, 0);
	f = listview_layout(&lv, 10);
	/* No mark above; 9 rows and "41 more below". */
	CHECK_INT(f.shown, 9);
	CHECK_INT(f.below, 41);
	CHECK_INT(f.above, 0);
	for (int i = 0; i < 8; i++)
		listview_move(&lv, LISTVIEW_DOWN);
	f = listview_layout(&lv, 10);
	CHECK_INT(lv.sel, 8);
	CHECK_INT(f.top, 0);
	/* Row 9 does not fit: the list scrolls, a mark above appears. */
	listview_move(&lv, LISTVIEW_DOWN);
	f = listview_layout(&lv, 10);
	CHECK_INT(lv.sel, 9);
	CHECK_INT(f.above, f.top);
	CHECK(f.above > 0);
	CHECK_INT(f.top + f.shown - 1, 9);
	CHECK_INT(f.shown, 8);  /* two marks */
	CHECK_INT(f.below, 50 - 10);
	check_sel_visible(&lv, f);
	/* Every j keeps it visible, down to the last row. */
	for (int i = 0; i < 60; i++) {
		listview_move(&lv, LISTVIEW_DOWN);
		check_sel_visible(&lv, listview_layout(&lv, 10));
	}
	f = listview_layout(&lv, 10);
	CHECK_INT(lv.sel, 49);
	CHECK_INT(f.below, 0);
	CHECK_INT(f.top + f.shown, 50);
	CHECK_INT(f.shown, 9);  /* only the mark above */
	/* And k back up to the first. */
	for (int i = 0; i < 60; i++) {
		listview_move(&lv, LISTVIEW_UP);
		check_sel_visible(&lv, listview_layout(&lv, 10));
	}
	CHECK_INT(lv.sel, 0);
	CHECK_INT(listview_layout(&lv, 10).top, 0);
	listview_done(&lv);
}

static void
j_skips_text_rows_and_scrolls_to_the_last(void)
{
	/* Like the Recap: headings and text, three selectable actions (rows 1-3),
	** then twenty text rows ending with the next check-in (row 23). */
	int text[21] = {0};
	listview lv;
	listview_frame f;
	int n = 0;

	text[n++] = 0;
	for (int i = 4; i < 24; i++)
		text[n++] = i;
	fill(&lv, 24, text, n);
	CHECK_INT(lv.sel, 1);
	f = listview_layout(&lv, 10);
	CHECK_INT(f.top, 0);
	listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, 2);
	listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, 3);
	/* No action below: j scrolls, one row at a time, to the very end. */
	for (int i = 0; i < 30; i++) {
		listview_move(&lv, LISTVIEW_DOWN);
		check_sel_visible(&lv, listview_layout(&lv, 10));
	}
	f = listview_layout(&lv, 10);
	CHECK_INT(f.below, 0);
	CHECK_INT(f.top + f.shown - 1, 23);
	/* The actions scrolled away: nothing is selected, so no key acts on an
	** action off screen. */
	CHECK_INT(lv.sel, -1);
	CHECK(listview_selected(&lv) == NULL);
	/* k scrolls back up and selects the last action again once near. */
	for (int i = 0; i < 30 && lv.sel < 0; i++) {
		listview_move(&lv, LISTVIEW_UP);
		check_sel_visible(&lv, listview_layout(&lv, 10));
	}
	CHECK_INT(lv.sel, 3);
	/* k never selects a text row. */
	for (int i = 0; i < 30; i++)
		listview_move(&lv, LISTVIEW_UP);
	CHECK_INT(lv.sel, 1);
	CHECK_INT(listview_layout(&lv, 10).top, 0);
	listview_done(&lv);
}

static void
g_and_G_go_to_the_ends(void)
{
	int text[] = {0, 28, 29};
	listview lv;
	listview_frame f;

	fill(&lv, 30, text, 3);
	listview_layout(&lv, 10);
	listview_move(&lv, LISTVIEW_LAST);
	f = listview_layout(&lv, 10);
	/* The last rows are text: they are shown, the last action selected. */
	CHECK_INT(f.top + f.shown, 30);
	CHECK_INT(f.below, 0);
	CHECK_INT(lv.sel, 27);
	listview_move(&lv, LISTVIEW_FIRST);
	f = listview_layout(&lv, 10);
	CHECK_INT(f.top, 0);
	CHECK_INT(f.above, 0);
	CHECK_INT(lv.sel, 1);
	listview_done(&lv);
}

static void
pages_move_by_a_screen(void)
{
	listview lv;
	listview_frame f;

	fill(&lv, 100, NULL, 0);
	f = listview_layout(&lv, 12);
	CHECK_INT(f.shown, 11);
	listview_move(&lv, LISTVIEW_PAGE_DOWN);
	f = listview_layout(&lv, 12);
	CHECK_INT(f.top, 11);
	CHECK_INT(lv.sel, 11);  /* the first row of the new page */
	check_sel_visible(&lv, f);
	listview_move(&lv, LISTVIEW_PAGE_DOWN);
	f = listview_layout(&lv, 12);
	CHECK(f.top > 11);
	check_sel_visible(&lv, f);
	for (int i = 0; i < 20; i++)
		listview_move(&lv, LISTVIEW_PAGE_DOWN);
	f = listview_layout(&lv, 12);
	CHECK_INT(f.below, 0);
	CHECK_INT(lv.sel, 99);  /* at the end, a page more goes to the last row */
	listview_move(&lv, LISTVIEW_PAGE_UP);
	f = listview_layout(&lv, 12);
	CHECK(f.top < 100 - 11);
	CHECK(f.below > 0);
	check_sel_visible(&lv, f);
	for (int i = 0; i < 20; i++)
		listview_move(&lv, LISTVIEW_PAGE_UP);
	f = listview_layout(&lv, 12);
	CHECK_INT(f.top, 0);
	CHECK_INT(lv.sel, 0);
	listview_done(&lv);
}

static void
a_resize_keeps_the_selection_in_view(void)
{
	listview lv;
	listview_frame f;

	fill(&lv, 40, NULL, 0);
	listview_layout(&lv, 30);
	for (int i = 0; i < 25; i++)
		listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, 25);
	/* Smaller: the selection is scrolled to. */
	f = listview_layout(&lv, 6);
	check_sel_visible(&lv, f);
	CHECK(f.above > 0 && f.below > 0);
	/* Larger again: no blank rows at the end while rows hide above. */
	listview_move(&lv, LISTVIEW_LAST);
	listview_layout(&lv, 6);
	f = listview_layout(&lv, 30);
	CHECK_INT(f.top + f.shown, 40);
	CHECK_INT(f.shown + (f.above ? 1 : 0), 30);
	check_sel_visible(&lv, f);
	/* Taller than the list: every row from the first. */
	f = listview_layout(&lv, 50);
	CHECK_INT(f.top, 0);
	CHECK_INT(f.shown, 40);
	/* Too low for marks: rows only, the selection still shown. */
	f = listview_layout(&lv, 2);
	CHECK_INT(f.shown, 2);
	check_sel_visible(&lv, f);
	listview_done(&lv);
}

static void
a_selection_set_by_the_screen_is_revealed(void)
{
	listview lv;
	listview_frame f;

	fill(&lv, 60, NULL, 0);
	listview_layout(&lv, 10);
	listview_select(&lv, 45);
	f = listview_layout(&lv, 10);
	check_sel_visible(&lv, f);
	/* A text row cannot be selected. */
	listview_add(&lv, false, 0, "heading");
	listview_select(&lv, 60);
	CHECK_INT(lv.sel, -1);
	listview_done(&lv);
}

static void
the_movement_keys(void)
{
	listview lv;

	fill(&lv, 100, NULL, 0);
	listview_layout(&lv, 10);
	CHECK(listview_key(&lv, 'j', false));
	CHECK_INT(lv.sel, 1);
	CHECK(listview_key(&lv, KEY_DOWN, true));
	CHECK_INT(lv.sel, 2);
	CHECK(listview_key(&lv, KEY_UP, true));
	CHECK(listview_key(&lv, 'k', false));
	CHECK_INT(lv.sel, 0);
	CHECK(listview_key(&lv, KEY_NPAGE, true));
	CHECK(lv.sel > 5);
	CHECK(listview_key(&lv, KEY_PPAGE, true));
	CHECK(lv.sel >= 0 && lv.sel < 9);  /* on the first page again */
	CHECK(listview_key(&lv, KEY_PPAGE, true));
	CHECK_INT(lv.sel, 0);  /* already there: to its first row */
	CHECK(listview_key(&lv, 'G', false));
	CHECK_INT(lv.sel, 99);
	CHECK(listview_key(&lv, 'g', false));
	CHECK_INT(lv.sel, 0);
	CHECK(listview_key(&lv, KEY_END, true));
	CHECK_INT(lv.sel, 99);
	CHECK(listview_key(&lv, KEY_HOME, true));
	CHECK_INT(lv.sel, 0);
	CHECK(listview_key(&lv, 6, false));  /* Ctrl-F */
	CHECK(lv.sel > 5);
	/* The screen's own keys are not movement. */
	CHECK(!listview_key(&lv, 'x', false));
	CHECK(!listview_key(&lv, 'j', true));
	CHECK(!listview_key(&lv, '\r', false));
	listview_done(&lv);
}

/* The bytes of r that fit in cols, with the ellipsis when cut. */
static char *
fitted(const listview_row *r, int cols, int *used)
{
	size_t lens[LISTVIEW_SPANS];
	bool cut;
	char *out = calloc(1, strlen(r->text) + 4);

	*used = listview_fit(r, cols, lens, &cut);
	for (int s = 0; s < r->nspans; s++)
		strncat(out, r->text + r->span_at[s], lens[s]);
	if (cut)
		strcat(out, ELLIPSIS);
	return out;
}

#define CHECK_FIT(row, cols, want, want_cols)                  \
	do {                                                   \
		int used_;                                     \
		char *got_ = fitted((row), (cols), &used_);    \
		CHECK_STR(got_, want);                         \
		CHECK_INT(used_, want_cols);                   \
		free(got_);                                    \
	} while (0)

static void
a_wrapped_row_is_shown_whole_when_selected(void)
{
	listview lv;
	listview_frame f;
	int first, second;

	listview_init(&lv);
	for (int i = 0; i < 6; i++)
		listview_add(&lv, true, 0, "row %d", i);
	/* 32 columns of text in a 12-column pane: three lines. */
	first = listview_add_wrapped(&lv, true, 0, 2, "Reflect: 日本語 worries you, right?", 12);
	CHECK_INT(first, 6);
	CHECK(lv.n >= 9);
	CHECK(lv.rows[6].selectable);
	CHECK(!lv.rows[7].selectable && lv.rows[7].cont);
	CHECK(!lv.rows[lv.n - 1].selectable && lv.rows[lv.n - 1].cont);
	CHECK(strncmp(lv.rows[7].text, "  ", 2) == 0);  /* the indent */
	for (int i = 6; i < lv.n; i++)
		if (width_str(lv.rows[i].text) > 12)
			tap_fail(__FILE__, __LINE__, "line %d is wider than the pane", i);
	second = listview_add_wrapped(&lv, true, 0, 2, "Dig deeper", 12);
	CHECK_INT(second, lv.n - 1);
	listview_select(&lv, 0);
	listview_layout(&lv, 8);
	for (int i = 0; i < 6; i++)
		listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, first);
	/* Every line of the selected prompt is on screen, not just its first. */
	f = listview_layout(&lv, 8);
	CHECK(f.top <= first);
	CHECK(f.top + f.shown >= second);
	/* j goes to the next prompt, past the continuation lines. */
	listview_move(&lv, LISTVIEW_DOWN);
	CHECK_INT(lv.sel, second);
	listview_done(&lv);
}

static void
rows_are_cut_by_display_width(void)
{
	listview lv;
	const listview_row *r;

	listview_init(&lv);
	r = listview_add(&lv, true, 0, "%s", "日本語テキスト");  /* 14 columns */
	CHECK_FIT(r, 14, "日本語テキスト", 14);
	/* 7 columns: three characters (6) and the ellipsis; never half a
	** character. */
	CHECK_FIT(r, 7, "日本語" ELLIPSIS, 6);
	CHECK_FIT(r, 8, "日本語" ELLIPSIS, 6);
	CHECK_FIT(r, 9, "日本語テ" ELLIPSIS, 8);
	/* Spans: the cut falls in the second one, the first stays whole. */
	r = listview_add(&lv, true, 0, "%s", "Zoë ");
	listview_span(&lv, A_BOLD, "%s", "😀😀 café");
	CHECK_INT(r->nspans, 2);
	CHECK_FIT(r, 20, "Zoë 😀😀 café", 13);
	CHECK_FIT(r, 8, "Zoë 😀" ELLIPSIS, 6);
	CHECK_FIT(r, 4, "Zoë" ELLIPSIS, 3);
	CHECK_FIT(r, 0, "", 0);
	listview_done(&lv);
}

static void
stored_text_is_sanitized(void)
{
	listview lv;
	const listview_row *r;

	listview_init(&lv);
	r = listview_add(&lv, true, 0, "%s", "evil\x1b]0;title\x07 and\nmore");
	CHECK(strchr(r->text, '\x1b') == NULL);
	CHECK(strchr(r->text, '\x07') == NULL);
	CHECK(strchr(r->text, '\n') == NULL);
	CHECK(strstr(r->text, "and more") != NULL);
	listview_span(&lv, 0, "%s", "\x9b" "2J");
	CHECK(strstr(r->text, "\x1b") == NULL);
	listview_done(&lv);
}

static void
cells_are_columns_of_a_fixed_width(void)
{
	listview lv;
	const listview_row *r;
	int used;
	char *got;

	listview_init(&lv);
	r = listview_add(&lv, true, 0, "%s", "");
	listview_cell(&lv, 0, "山田商事 (Yamada Shoji)", 10);
	listview_cell(&lv, 0, "ok", 5);
	CHECK_INT(r->nspans, 3);
	/* 10 columns: 山田商事 (8) cut with "…" into 9, one blank. */
	got = fitted(r, 80, &used);
	CHECK_STR(got, "山田商事" ELLIPSIS " ok   ");
	CHECK_INT(used, 15);
	free(got);
	listview_done(&lv);
}

/* Moving down a list of wrapped rows (the Prompts pane) never leaves the
** tail of a wrapped row alone at the top when a whole row can start it. */
static void
the_top_is_a_whole_row(void)
{
	listview lv;
	listview_frame f;

	listview_init(&lv);
	for (int i = 0; i < 8; i++) {
		char text[64];

		snprintf(text, sizeof text, "Reflect: worry %d slips — did I get that?", i);
		listview_add_wrapped(&lv, true, 0, 2, text, 16);  /* three lines each */
	}
	listview_select(&lv, 0);
	listview_layout(&lv, 7);
	for (int step = 0; step < 5; step++) {
		listview_move(&lv, LISTVIEW_DOWN);
		f = listview_layout(&lv, 7);
		CHECK(lv.sel >= 0 && !lv.rows[lv.sel].cont);
		CHECK(f.top <= lv.sel);
		if (f.top < lv.sel && lv.rows[f.top].cont)
			tap_fail(__FILE__, __LINE__, "step %d: the view starts inside row %d", step, f.top);
	}
	listview_done(&lv);
}

/* What a frame hides is counted in rows as a person sees them: a wrapped
** row and its continuations are one. */
static void
hidden_rows_count_wrapped_ones_once(void)
{
	listview lv;
	listview_frame f;
	int above = -1, below = -1;

	listview_init(&lv);
	for (int i = 0; i < 4; i++)
		listview_add_wrapped(&lv, true, 0, 2, "Reflect: the API slips — right?", 12);
	CHECK(lv.n > 8);  /* each takes several lines */
	listview_select(&lv, 0);
	f = listview_layout(&lv, 2);  /* a two-row pane: no mark rows */
	listview_hidden(&lv, f, &above, &below);
	CHECK_INT(above, 0);
	CHECK_INT(below, 3);  /* three prompts, however many lines */
	CHECK(f.below > 3);
	listview_done(&lv);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("Bail out! no C.UTF-8 locale\n");
		return 1;
	}
	RUN(a_short_list_shows_every_row_without_marks);
	RUN(j_scrolls_and_marks_what_is_hidden);
	RUN(j_skips_text_rows_and_scrolls_to_the_last);
	RUN(g_and_G_go_to_the_ends);
	RUN(pages_move_by_a_screen);
	RUN(a_resize_keeps_the_selection_in_view);
	RUN(a_selection_set_by_the_screen_is_revealed);
	RUN(the_movement_keys);
	RUN(a_wrapped_row_is_shown_whole_when_selected);
	RUN(the_top_is_a_whole_row);
	RUN(hidden_rows_count_wrapped_ones_once);
	RUN(rows_are_cut_by_display_width);
	RUN(stored_text_is_sanitized);
	RUN(cells_are_columns_of_a_fixed_width);
	return tap_done();
}
