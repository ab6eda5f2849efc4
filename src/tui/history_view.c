/* history_view.c: see history_view.h. */
#include "history_view.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "rapport/history.h"
#include "rapport/i18n.h"
#include "width.h"

/* The verdict's colour, as the Clients screen colours a status: red when
** overdue now, yellow when a gap was overdue or too soon, green when
** healthy; bold either way, for NO_COLOR. */
static unsigned
verdict_attr(const app *a, history_health r)
{
	if (r.overdue_now)
		return screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD;
	if (r.overdue_gaps || r.too_soon)
		return screen_pick(a, PAIR_WARN, A_BOLD) | A_BOLD;
	if (r.contacts)
		return screen_pick(a, PAIR_NEED, A_BOLD) | A_BOLD;
	return A_BOLD;
}

/* The strip's line, a label ("12 months ", translated or not) and a glyph
** a week, fitted to cols columns: on a narrow screen the oldest weeks go,
** never the newest, and the label says how many are left ("30 weeks").
** The glyphs are the line's last HISTORY_WEEKS characters, whatever the
** label's language. */
static void
fit_strip(char *line, size_t size, int cols)
{
	char fitted[HISTORY_LINE_MAX], label[64];
	const char *p = line + strlen(line);
	int chars = 0, keep;

	for (const char *q = line; *q; q++)
		chars += ((unsigned char)*q & 0xc0) != 0x80;
	if (chars <= HISTORY_WEEKS || width_str(line) <= cols)
		return;
	/* The longest label, for the room it leaves. */
	snprintf(label, sizeof label, P_("%d week ", "%d weeks ", HISTORY_WEEKS), HISTORY_WEEKS);
	keep = cols - width_str(label);
	if (keep < 4)
		return;
	if (keep > HISTORY_WEEKS)
		keep = HISTORY_WEEKS;
	/* Back from the end over the newest `keep` weeks. */
	for (int n = 0; n < keep && p > line;) {
		p--;
		n += ((unsigned char)*p & 0xc0) != 0x80;
	}
	snprintf(fitted, sizeof fitted, P_("%d week ", "%d weeks ", keep), keep);
	snprintf(fitted + strlen(fitted), sizeof fitted - strlen(fitted), "%s", p);
	snprintf(line, size, "%s", fitted);
}

void
history_view_rows(const app *a, listview *lv, int64_t client_id, int tag)
{
	rp_date today = date_local(rp_clock_now(a->clock));
	char lines[3][HISTORY_LINE_MAX];
	history *h = NULL;
	rp_error err = {0};
	listview_row *r;
	unsigned verdict;

	if (history_load(a->st, client_id, today, &h, &err) != RP_OK) {
		if ((r = listview_add(lv, false, screen_pick(a, PAIR_DIM, A_DIM), _("  history: %s"),
				      err.msg)) != NULL)
			r->tag = tag;
		return;
	}
	history_lines(h, history_unicode(), lines);
	fit_strip(lines[0], sizeof lines[0], COLS - 2);
	verdict = verdict_attr(a, history_assess(h));
	history_free(h);
	for (int i = 0; i < 3; i++) {
		/* The verdict stands out; the strips are the detail. */
		unsigned attr = i == 1 ? verdict : A_NORMAL;

		if ((r = listview_add(lv, false, attr, "%s", lines[i])) != NULL) {
			r->tag = tag;
			r->index = -1;
			r->sub = -1;
		}
	}
}
