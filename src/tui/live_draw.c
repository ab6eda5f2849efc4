/* live_draw.c: drawing the live meeting screen.
**
** Everything is drawn on stdscr from the layout; ncurses sends only what
** changed.  Every string from the database goes through text_sanitize()
** and the width module before it reaches the terminal.
*/
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "listview.h"
#include "live.h"
#include "rapport/i18n.h"
#include "rapport/prep.h"
#include "rapport/text.h"
#include "width.h"

/* An attribute: the colour pair when colours are on, else the fallback. */
static attr_t
pick(const live *lv, int pair, attr_t fallback)
{
	return lv->color ? (attr_t)COLOR_PAIR(pair) : fallback;
}

/* Draw text at (y, x) in at most cols columns, sanitized, cut with "…". */
static void
put(int y, int x, int cols, const char *text, attr_t attr)
{
	char *clean, *cut;

	if (cols <= 0)
		return;
	clean = text_sanitize(text, " ");
	cut = clean ? width_truncate(clean, cols) : NULL;
	if (cut) {
		attr_t old_attr;
		short old_pair;

		attr_get(&old_attr, &old_pair, NULL);
		attrset(attr);
		mvaddstr(y, x, cut);
		attrset(old_attr);
	}
	free(cut);
	free(clean);
}

/* A box with a title, its border highlighted when focused. */
static void
box_at(const live *lv, rect r, const char *title, bool focused)
{
	attr_t a = focused ? pick(lv, PAIR_FOCUS, A_BOLD) | A_BOLD : A_NORMAL;
	char label[64];

	if (r.h < 2 || r.w < 4)
		return;
	attrset(a);
	mvaddch(r.y, r.x, ACS_ULCORNER);
	mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
	mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
	mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
	mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
	mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
	mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	snprintf(label, sizeof label, " %s ", title);
	put(r.y, r.x + 1, r.w - 2, label, a);
}

/* A hint wrapped at word boundaries into the rows from y (at most rows of
** them), cols wide: a narrow pane, or a longer language, never cuts a word
** that fits a row. */
static void
put_wrapped(int y, int x, int cols, int rows, const char *text, attr_t attr)
{
	width_line lines[8];
	size_t n = cols >= 2 ? width_wrap(text, cols, lines, 8) : 0;

	for (size_t i = 0; i < n && i < 8 && (int)i < rows; i++) {
		char *piece = strndup(text + lines[i].start, lines[i].len);

		put(y + (int)i, x, cols, piece ? piece : "", attr);
		free(piece);
	}
}

/* "12'" for seconds, rounding up: a minute begun counts. */
static int
minutes_up(int64_t seconds)
{
	return seconds <= 0 ? 0 : (int)((seconds + 59) / 60);
}

/* A duration as minutes: "36'", or "1h05" from an hour on, into buf. */
static char *
minutes_text(int minutes, char *buf, size_t size)
{
	if (minutes < 60)
		snprintf(buf, size, "%d'", minutes);
	else
		snprintf(buf, size, "%dh%02d", minutes / 60, minutes % 60);
	return buf;
}

/* The meeting's planned length in minutes: as planned, else the sum of
** its timeboxes; 0 when neither says. */
static int
planned_minutes(const session *s)
{
	int m = 0;

	if (s->planned_minutes > 0)
		return s->planned_minutes;
	for (size_t i = 0; i < s->nitems; i++)
		m += s->items[i].timebox_minutes;
	return m;
}

/* How the remaining items shrink so the meeting ends on time.  Returns the
** factor in percent (100: no shrinking), from the planned end and the
** timeboxes still ahead. */
static int
shrink_percent(const live *lv, int64_t now)
{
	const session *s = lv->s;
	const session_item *cur = session_current_item(s);
	int64_t planned = (int64_t)s->planned_minutes * 60, ahead = 0, left;

	if (cur == NULL || cur->timebox_minutes == 0 || s->started_at == 0)
		return 100;
	if (session_item_elapsed(cur, now) <= (int64_t)cur->timebox_minutes * 60)
		return 100;
	for (size_t i = 0; i < s->nitems; i++)
		if (s->items[i].status == AGENDA_PENDING)
			ahead += (int64_t)s->items[i].timebox_minutes * 60;
	if (planned == 0) {
		for (size_t i = 0; i < s->nitems; i++)
			planned += (int64_t)s->items[i].timebox_minutes * 60;
	}
	if (ahead == 0)
		return 100;
	left = s->started_at + planned - now;
	if (left >= ahead)
		return 100;
	return left <= 0 ? 0 : (int)(left * 100 / ahead);
}

/* A pane too short for the list view's mark rows (under three rows) says
** what frame f (as drawn) hides in its bottom border instead: " ↓ 2 more ". */
static void
pane_counts(const live *lv, const listview *l, listview_frame f, rect r, int rows)
{
	char more[48];
	int above, below;

	listview_hidden(l, f, &above, &below);
	if (rows >= 3 || above + below == 0 || r.w < 16)
		return;
	/* TRANSLATORS: a pane's bottom border: arrows, then how many lines
	** the pane hides, " ↓ 2 more ". */
	snprintf(more, sizeof more, P_(" %s%s %d more ", " %s%s %d more ", above + below),
		 above ? "↑" : "", below ? "↓" : "", above + below);
	put(r.y + r.h - 1, r.x + r.w - 2 - width_str(more), width_str(more), more,
	    pick(lv, PAIR_DIM, A_DIM));
}

static void
draw_agenda(live *lv, int64_t now)
{
	rect r = lv->lay.agenda;
	const session *s = lv->s;
	bool focused = lv->focus == KEYMAP_AGENDA;
	int inner = r.w - 2, rows = r.h - 2;
	int shrink = shrink_percent(lv, now);
	listview *al = &lv->agenda_list;
	listview_frame f;

	listview_clear(al);
	if (r.h == 0)
		return;
	if (s->nitems == 0 || inner < 4 || rows < 1) {
		box_at(lv, r, C_("pane", "Agenda"), focused);
		put_wrapped(r.y + 1, r.x + 1, inner, rows, _("no items: a adds one"),
			    pick(lv, PAIR_DIM, A_DIM));
		return;
	}
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];
		const char *mark = " ";
		char when[32] = "";
		attr_t a = A_NORMAL;
		int tw;

		switch (it->status) {
		case AGENDA_DONE: mark = "✓"; a = pick(lv, PAIR_DIM, A_DIM); break;
		case AGENDA_ACTIVE: mark = "▶"; a = A_BOLD; break;
		case AGENDA_SKIPPED: mark = "-"; a = pick(lv, PAIR_DIM, A_DIM); break;
		case AGENDA_PARKED: mark = "↷"; a = pick(lv, PAIR_DIM, A_DIM); break;
		case AGENDA_PENDING: break;
		}
		if (it->status == AGENDA_ACTIVE && it->timebox_minutes) {
			int64_t spent = session_item_elapsed(it, now);

			/* Whole minutes spent, as the status bar counts whole
			** minutes left: 0'/15' and 15' left agree. */
			snprintf(when, sizeof when, "%d'/%d'", (int)(spent / 60), it->timebox_minutes);
			if (spent > (int64_t)it->timebox_minutes * 60)
				a = pick(lv, PAIR_OVER, A_BOLD) | A_BOLD;
			else if (spent * 10 >= (int64_t)it->timebox_minutes * 60 * 7)
				a = pick(lv, PAIR_WARN, A_BOLD) | A_BOLD;
		} else if (it->status == AGENDA_ACTIVE) {
			snprintf(when, sizeof when, "%d'", (int)(session_item_elapsed(it, now) / 60));
		} else if (it->timebox_minutes && it->status == AGENDA_PENDING && shrink < 100) {
			snprintf(when, sizeof when, "%d'→%d'", it->timebox_minutes,
				 it->timebox_minutes * shrink / 100);
		} else if (it->timebox_minutes) {
			snprintf(when, sizeof when, "%d'", it->timebox_minutes);
		} else if (it->timebox_invalid) {
			snprintf(when, sizeof when, "?");  /* another tool stored nonsense */
		}
		tw = width_str(when);
		if (tw >= inner - 4)
			tw = 0, when[0] = '\0';
		/* The mark, the title cut to leave the time its column, the time. */
		if (listview_add(al, true, a, "%s ", mark) == NULL)
			break;
		al->rows[al->n - 1].index = (int)i;
		listview_cell(al, a, it->title, inner - 2 - tw);
		if (tw)
			listview_span(al, a, "%s", when);
	}
	if (shrink < 100) {
		/* Said under the items when there is room for all of it, on as
		** many rows as the words take. */
		const char *said = _("→ shrunk to end on time");
		width_line lines[4];
		size_t n = inner > 4 ? width_wrap(said, inner - 2, lines, 4) : 5;

		for (size_t i = 0; n <= 4 && rows > (int)(s->nitems + n) && i < n; i++)
			listview_add(al, false, pick(lv, PAIR_WARN, A_BOLD), "%.*s", (int)lines[i].len,
				     said + lines[i].start);
	}
	listview_select(al, lv->agenda_sel < al->n ? lv->agenda_sel : -1);
	/* The list view keeps a column each side of its rows: the box's
	** borders, drawn over them afterwards. */
	f = listview_draw(al, r.y + 1, r.x, rows, r.w, focused, pick(lv, PAIR_DIM, A_DIM));
	box_at(lv, r, C_("pane", "Agenda"), focused);
	pane_counts(lv, al, f, r, rows);
}

static attr_t
kind_attr(const live *lv, enum note_kind k)
{
	switch (k) {
	case NOTE_NEED: return pick(lv, PAIR_NEED, A_NORMAL);
	case NOTE_CONCERN: return pick(lv, PAIR_CONCERN, A_BOLD);
	case NOTE_QUESTION: return pick(lv, PAIR_QUESTION, A_NORMAL);
	case NOTE_DECISION: return pick(lv, PAIR_DECISION, A_BOLD);
	case NOTE_ACTION: return pick(lv, PAIR_ACTION, A_BOLD);
	case NOTE_PERSONAL: return pick(lv, PAIR_PERSONAL, A_NORMAL);
	case NOTE_PRIVATE: return pick(lv, PAIR_DIM, A_DIM);
	default: return A_NORMAL;
	}
}

/* Lines a note takes at text width cols (its text wrapped), at most the
** 64 draw_note() lays out: a longer one shows its start, cut with "…". */
static int
note_lines(const char *clean, int cols)
{
	size_t n = width_wrap(clean, cols, NULL, 0);

	return n == 0 ? 1 : n > 64 ? 64 : (int)n;
}

/* Draw note n (sanitized text clean) from row y, at most maxrows rows,
** skipping its first skip rows. */
static void
draw_note(live *lv, rect r, int y, const session_note *n, const char *clean, int skip,
	  int maxrows, bool selected)
{
	int inner = r.w - 2, textw = inner - 8;
	width_line lines[64];
	size_t count = width_wrap(clean, textw, lines, 64);
	attr_t a = kind_attr(lv, n->kind) | (selected ? A_REVERSE : 0);
	char stamp[16], prefix[2] = {note_kind_prefix(n->kind), 0};
	time_t at = (time_t)n->at;
	struct tm tm;

	localtime_r(&at, &tm);
	strftime(stamp, sizeof stamp, "%H:%M", &tm);
	if (count == 0)
		count = 1, lines[0] = (width_line){0, 0};
	for (int i = skip; i < (int)count && i < 64 && i - skip < maxrows; i++) {
		char *piece = strndup(clean + lines[i].start, lines[i].len);
		int row = y + i - skip;

		if (selected) {
			attrset(A_REVERSE);
			mvhline(row, r.x + 1, ' ', inner);
			attrset(A_NORMAL);
		}
		if (i == 0) {
			put(row, r.x + 1, 5, stamp, pick(lv, PAIR_DIM, A_DIM) | (selected ? A_REVERSE : 0));
			put(row, r.x + 7, 1, prefix[0] ? prefix : " ", a | A_BOLD);
		}
		put(row, r.x + 9, textw, piece ? piece : "", a);
		/* A note cut short (taller than the pane) says so at its end. */
		if (i == skip + maxrows - 1 && i + 1 < (int)count)
			put(row, r.x + 9 + textw - 1, 1, "…", a);
		free(piece);
	}
}

/* The notes not saved yet, newest at the bottom over the line, dim and
** marked, in at most half the pane; the oldest that do not fit are
** counted.  Returns the row above them. */
static int
draw_pending(live *lv, rect r, int bottom)
{
	int textw = r.w - 10, budget = (bottom - r.y) / 2, y = bottom, shown = 0;
	attr_t dim = pick(lv, PAIR_DIM, A_DIM) | A_DIM;

	if (lv->nqueue == 0 || budget < 1)
		return bottom;
	for (size_t i = lv->nqueue; i-- > 0;) {
		const pending_note *p = &lv->queue[i];
		session_note n = {.at = p->at, .kind = p->note.kind};
		char *clean = text_sanitize(p->note.text, " "), *marked = NULL;
		/* TRANSLATORS: before a note that waits to be saved. */
		const char *mark = _("not saved · ");
		int lines;

		if (clean && (marked = malloc(strlen(mark) + strlen(clean) + 1)) != NULL)
			sprintf(marked, "%s%s", mark, clean);
		free(clean);
		lines = marked ? note_lines(marked, textw) : 1;
		/* The newest always shows; the older as far as half the pane. */
		if (shown > 0 && bottom - y + lines > budget) {
			free(marked);
			break;
		}
		if (lines > y - r.y)
			lines = y - r.y;
		draw_note(lv, r, y - lines + 1, &n, marked ? marked : "", 0, lines, false);
		/* Dim it whole: it is not in the meeting yet. */
		for (int row = y - lines + 1; row <= y; row++)
			mvchgat(row, r.x + 1, r.w - 2, dim, PAIR_NUMBER(dim), NULL);
		free(marked);
		y -= lines;
		shown++;
	}
	if (shown < (int)lv->nqueue && y > r.y) {
		char more[64];

		snprintf(more, sizeof more,
			 P_("↑ %d more not saved", "↑ %d more not saved", (int)lv->nqueue - shown),
			 (int)lv->nqueue - shown);
		put(y, r.x + 9, textw, more, dim);
		y--;
	}
	return y;
}

static void
draw_notes(live *lv)
{
	rect r = lv->lay.notes;
	const session *s = lv->s;
	int inner = r.w - 2, textw = inner - 8, bottom = r.y + r.h - 3;
	int y = bottom, last = (int)s->nnotes - 1;

	{
		char title[300];

		/* TRANSLATORS: the Notes pane's title, then the meeting's. */
		snprintf(title, sizeof title, lv->editing_note ? _("Notes · %s · editing") : _("Notes · %s"),
			 s->title);
		box_at(lv, r, title, lv->focus == KEYMAP_NOTES);
	}
	if (textw < 4)
		return;
	/* What a ^date did not say, right over the line it was typed on. */
	if (lv->note_warning[0] && bottom - r.y > 2) {
		width_line lines[2];
		size_t n = width_wrap(lv->note_warning, inner, lines, 2);

		if (n > 2)
			n = 2;
		for (size_t i = 0; i < n; i++) {
			char *piece = strndup(lv->note_warning + lines[i].start, lines[i].len);
			int row = bottom - (int)n + 1 + (int)i;

			put(row, r.x + 1, inner, piece ? piece : "", pick(lv, PAIR_WARN, A_BOLD) | A_BOLD);
			free(piece);
		}
		bottom -= (int)n;
		y = bottom;
	}
	bottom = y = draw_pending(lv, r, bottom);
	/* Newest at the bottom; while browsing, the browsed note is kept on
	** screen by starting from it. */
	if (lv->browse >= 0 && lv->browse < last) {
		char *clean = text_sanitize(s->notes[lv->browse].text, " ");
		int rows = clean ? note_lines(clean, textw) : 1;

		free(clean);
		last = lv->browse;
		/* Show the notes after it as far as they fit. */
		while (last + 1 < (int)s->nnotes) {
			int more;

			clean = text_sanitize(s->notes[last + 1].text, " ");
			more = clean ? note_lines(clean, textw) : 1;
			free(clean);
			if (rows + more > bottom - r.y)
				break;
			rows += more;
			last++;
		}
	}
	for (int i = last; i >= 0 && y > r.y; i--) {
		char *clean = text_sanitize(s->notes[i].text, " ");
		int lines = clean ? note_lines(clean, textw) : 1;
		int top, skip = 0;

		/* The newest note, taller than the pane, shows from its start. */
		if (i == last && lines > y - r.y)
			lines = y - r.y;
		top = y - lines + 1;

		if (top <= r.y) {
			skip = r.y + 1 - top;
			top = r.y + 1;
		}
		draw_note(lv, r, top, &s->notes[i], clean ? clean : "", skip, y - top + 1,
			  i == lv->browse);
		free(clean);
		y = top - 1;
	}
	if (s->nnotes == 0) {
		/* TRANSLATORS: the empty Notes pane.  The characters before each
		** kind (+ ! ? = > @ ^ * " ~ #) are what is typed: keep them. */
		const char *hint = _("Type a note, Enter saves it. A first character gives its kind: "
				     "+ need  ! concern  ? question  = decision  > action @who ^when  "
				     "* personal  \" quote  ~ private. #word tags a topic. F1: all keys.");
		width_line lines[16];
		size_t n = width_wrap(hint, inner, lines, 16);

		for (size_t i = 0; i < n && i < 16 && r.y + 1 + (int)i < bottom; i++) {
			char *piece = strndup(hint + lines[i].start, lines[i].len);

			put(r.y + 1 + (int)i, r.x + 1, inner, piece ? piece : "",
			    pick(lv, PAIR_DIM, A_DIM));
			free(piece);
		}
	}
	live_draw_input(lv);
}

void
live_draw_input(live *lv)
{
	rect r = lv->lay.notes;
	int y = r.y + r.h - 2, x = r.x + 1, inner = r.w - 2;
	/* TRANSLATORS: before the line of a note being edited. */
	const char *label = lv->editing_note ? _("edit> ") : "> ";
	int lw = width_str(label), cols = inner - lw, col = 0;
	size_t first = 0;
	char *text;

	if (r.h == 0 || cols < 2)
		return;
	mvhline(y, x, ' ', inner);
	put(y, x, lw, label, A_BOLD);
	input_view(&lv->input, cols, &first, &col);
	if ((text = input_text_from(&lv->input, first)) != NULL) {
		put(y, x + lw, cols, text, A_NORMAL);
		free(text);
	}
	if (lv->focus == KEYMAP_NOTES && lv->dialog == DIALOG_NONE && !lv->help) {
		move(y, x + lw + col);
		curs_set(1);
	}
}

static bool
has_prep_notes(const live *lv)
{
	return lv->prep && lv->prep->n > 0;
}

/* The Prompts pane's first section: the notes written in Prep for this
** meeting ("from your prep: ask whether the CFO is joining"), wrapped, not
** selectable.  First, because they matter most as the call begins; the
** list view scrolls them away when a prompt further down is selected. */
static void
prep_note_rows(live *lv, int inner)
{
	listview *pl = &lv->prompt_list;

	if (!has_prep_notes(lv))
		return;
	listview_add(pl, false, pick(lv, PAIR_DIM, A_BOLD), "%s", _("from your prep:"));
	for (size_t i = 0; i < lv->prep->n; i++) {
		/* Made safe before it is measured, as the prompts are. */
		char *text = text_sanitize(lv->prep->notes[i].text, " ");
		width_line lines[16];
		size_t n;

		if (text == NULL)
			break;
		n = width_wrap(text, inner - 2, lines, 16);
		if (n == 0)
			n = 1, lines[0] = (width_line){0, 0};
		else if (n > 16)
			n = 16;
		for (size_t k = 0; k < n; k++) {
			listview_row *row = listview_add(pl, false, A_NORMAL, "%s%.*s",
							 k == 0 ? "· " : "  ", (int)lines[k].len,
							 text + lines[k].start);

			if (row)
				row->index = -1;  /* no prompt */
		}
		free(text);
	}
}

const char *
live_kind_label(enum prompt_kind k)
{
	const char *label = prompt_kind_label(k);

	/* prompt.h's PROMPT_KIND_LIST marks them for the catalogue. */
	return label ? _(label) : NULL;
}

/* The line the pane shows for p: prompt_line()'s, its leading label
** ("Reflect: …") in the user's language. */
static void
prompt_shown(const prompt *p, char *buf, size_t size)
{
	char line[PROMPT_TEXT_MAX + 64];
	const char *label = prompt_kind_label(p->kind), *mine = live_kind_label(p->kind);
	size_t n = label ? strlen(label) : 0;

	prompt_line(p, line, sizeof line);
	if (n == 0 || mine == NULL || strcmp(mine, label) == 0 || strncmp(line, label, n) != 0 ||
	    line[n] != ':') {
		snprintf(buf, size, "%s", line);
		return;
	}
	/* TRANSLATORS: a prompt's kind, then what it suggests ("Reflect:
	** "It sounds like…""); French puts a narrow no-break space before
	** the colon. */
	snprintf(buf, size, _("%s: %s"), mine, line + n + (line[n + 1] == ' ' ? 2 : 1));
}

/* The Prompts pane, on the list view every screen uses: one wrapped row
** per prompt, the selected one revealed whole (the list view scrolls to
** it) and marked only while the pane has the keyboard; what does not fit
** is counted by the list view's "more above / below" marks. */
static void
draw_prompts(live *lv)
{
	rect r = lv->lay.prompts;
	bool focused = lv->focus == KEYMAP_PROMPTS;
	int inner = r.w - 2, sel_row = -1;
	listview *pl = &lv->prompt_list;
	listview_frame f;

	listview_clear(pl);
	if (r.h == 0)
		return;
	if ((lv->nprompts == 0 && !has_prep_notes(lv)) || inner < 4 || r.h < 3) {
		box_at(lv, r, C_("pane", "Prompts"), focused);
		put_wrapped(r.y + 1, r.x + 1, inner, r.h - 2, _("nothing to suggest yet"),
			    pick(lv, PAIR_DIM, A_DIM));
		return;
	}
	prep_note_rows(lv, inner);
	for (size_t p = 0; p < lv->nprompts; p++) {
		char line[PROMPT_TEXT_MAX + 64], *clean;
		width_line lines[16];
		size_t n;

		prompt_shown(&lv->prompts[p], line, sizeof line);
		if ((clean = text_sanitize(line, " ")) == NULL)
			break;
		/* A hanging "▸ ": every line of the text gets inner - 2 columns. */
		n = width_wrap(clean, inner - 2, lines, 16);
		if (n == 0)
			n = 1, lines[0] = (width_line){0, 0};
		else if (n > 16)
			n = 16;
		for (size_t i = 0; i < n; i++) {
			listview_row *row = listview_add(pl, i == 0, pick(lv, PAIR_FOCUS, A_BOLD), "%s",
							 i == 0 ? "▸ " : "  ");

			if (row == NULL)
				break;
			row->cont = i > 0;
			row->index = (int)p;
			if (i == 0 && (int)p == lv->prompt_sel)
				sel_row = pl->n - 1;
			listview_span(pl, A_NORMAL, "%.*s", (int)lines[i].len, clean + lines[i].start);
		}
		free(clean);
	}
	listview_select(pl, sel_row);
	/* The list view keeps a column each side of its rows: the box's
	** borders, drawn over them afterwards. */
	f = listview_draw(pl, r.y + 1, r.x, r.h - 2, r.w, focused, pick(lv, PAIR_DIM, A_DIM));
	box_at(lv, r, C_("pane", "Prompts"), focused);
	pane_counts(lv, pl, f, r, r.h - 2);
}

/* The status bar: each piece has a long and a short form; when the line is
** too narrow, pieces go short, then the least important go. */
enum {
	PIECE_CLIENT, PIECE_ITEM, PIECE_MEETING, PIECE_ELAPSED, PIECE_TALK, PIECE_LONGEST,
	PIECE_STATE, PIECE_HINT, NPIECES
};

static void
draw_status(live *lv, int64_t now)
{
	const session *s = lv->s;
	const session_item *cur = session_current_item(s);
	rect r = lv->lay.status;
	char lng[NPIECES][200], shrt[NPIECES][200], line[1400];
	int form[NPIECES];  /* 2 long, 1 short, 0 dropped */
	int64_t you, them, longest, elapsed = s->started_at ? now - s->started_at : 0;
	int talking = session_talking(s), share = -1;
	const char *who = talking == TALK_SIDE_YOU ? _("● you talking") :
			  talking == TALK_SIDE_CLIENT ? _("○ client talking") : "";
	attr_t a = A_REVERSE;
	/* What goes short or goes entirely, in this order, until the line
	** fits.  The current item, the time left and being over stay to the
	** last. */
	static const struct { int piece, form; } steps[] = {
		{PIECE_LONGEST, 1}, {PIECE_ELAPSED, 1}, {PIECE_TALK, 1}, {PIECE_LONGEST, 0},
		{PIECE_ELAPSED, 0}, {PIECE_HINT, 0}, {PIECE_CLIENT, 1}, {PIECE_TALK, 0},
		{PIECE_CLIENT, 0}, {PIECE_STATE, 1},
		{PIECE_ITEM, 1}, {PIECE_MEETING, 1},
		/* Rather than cut a message (French is longer), the meeting's
		** time goes: the item's stays. */
		{PIECE_MEETING, 0},
	};
	enum { NSTEPS = sizeof steps / sizeof steps[0] };
	int planned = planned_minutes(s);
	char m1[16], m2[16];
	char *cut;

	session_talk_totals(s, now, &you, &them, &longest);
	if (you + them > 0)
		share = (int)((you * 100 + (you + them) / 2) / (you + them));
	snprintf(lng[PIECE_CLIENT], 200, "%s", s->client_name);
	cut = width_truncate(s->client_name, 14);
	snprintf(shrt[PIECE_CLIENT], 200, "%s", cut ? cut : "");
	free(cut);
	if (cur && cur->timebox_minutes) {
		int64_t left = (int64_t)cur->timebox_minutes * 60 - session_item_elapsed(cur, now);

		/* TRANSLATORS: the current item, then minutes ("12'" or "1h05")
		** left of its timebox, or spent past it. */
		cut = width_truncate(cur->title, 12);
		minutes_text(minutes_up(left < 0 ? -left : left), m1, sizeof m1);
		snprintf(lng[PIECE_ITEM], 200, left >= 0 ? _("%s %s left") : _("%s %s over"), cur->title,
			 m1);
		snprintf(shrt[PIECE_ITEM], 200, left >= 0 ? _("%s %s left") : _("%s %s over"),
			 cut ? cut : "", m1);
		free(cut);
	} else if (cur) {
		cut = width_truncate(cur->title, 12);
		snprintf(lng[PIECE_ITEM], 200, "%s", cur->title);
		snprintf(shrt[PIECE_ITEM], 200, "%s", cut ? cut : "");
		free(cut);
	} else {
		snprintf(lng[PIECE_ITEM], 200, "%s", _("no item started (Ctrl-N)"));
		snprintf(shrt[PIECE_ITEM], 200, "%s", _("no item"));
	}
	/* The whole meeting against its planned length. */
	lng[PIECE_MEETING][0] = shrt[PIECE_MEETING][0] = '\0';
	if (planned > 0 && s->started_at) {
		int64_t left = s->started_at + (int64_t)planned * 60 - now;

		minutes_text(minutes_up(left < 0 ? -left : left), m1, sizeof m1);
		minutes_text(planned, m2, sizeof m2);
		/* TRANSLATORS: the whole meeting: minutes left (or past its
		** end), then its planned length: "12' left of 45'". */
		snprintf(lng[PIECE_MEETING], 200, left >= 0 ? _("%s left of %s") : _("%s over %s"), m1,
			 m2);
		/* TRANSLATORS: the same, short: "12'/45' left". */
		snprintf(shrt[PIECE_MEETING], 200, left >= 0 ? _("%s/%s left") : _("%s/%s over"), m1,
			 m2);
	}
	minutes_text((int)(elapsed / 60), m1, sizeof m1);
	/* TRANSLATORS: the time since the meeting began, "36'" or "1h05". */
	snprintf(lng[PIECE_ELAPSED], 200, _("%s elapsed"), m1);
	snprintf(shrt[PIECE_ELAPSED], 200, "%s", m1);
	if (share >= 0) {
		/* TRANSLATORS: who talks now ("● you talking"), then your share
		** of the talk against the 43% aimed at. */
		if (*who)
			snprintf(lng[PIECE_TALK], 200, _("%s, you talked %d%% (aim 43%%)"), who, share);
		else
			snprintf(lng[PIECE_TALK], 200, _("you talked %d%% (aim 43%%)"), share);
		/* TRANSLATORS: the same, short: your share and the aim. */
		snprintf(shrt[PIECE_TALK], 200, _("%s%s%d%%/43%%"), who, *who ? " " : "", share);
	} else {
		snprintf(lng[PIECE_TALK], 200, "%s", *who ? who : _("Ctrl-T: who talks"));
		snprintf(shrt[PIECE_TALK], 200, "%s", *who ? who : "Ctrl-T");
	}
	/* TRANSLATORS: the client's longest time talking, in minutes. */
	snprintf(lng[PIECE_LONGEST], 200, _("client's longest %d'"), minutes_up(longest));
	snprintf(shrt[PIECE_LONGEST], 200, _("max %d'"), minutes_up(longest));
	/* A message, or "saved"; else the hint, the first thing to go. */
	/* "saved" only while nothing waits: a note not saved is said until it
	** lands. */
	if (lv->status[0])
		snprintf(lng[PIECE_STATE], 200, "%s", lv->status);
	else if (live_unsaved(lv) > 0)
		snprintf(lng[PIECE_STATE], 200,
			 P_("%d note not saved · retrying", "%d notes not saved · retrying",
			    live_unsaved(lv)),
			 live_unsaved(lv));
	else
		snprintf(lng[PIECE_STATE], 200, "%s", lv->saved ? C_("status bar: the note", "saved") : "");
	snprintf(shrt[PIECE_STATE], 200, "%s",
		 lv->status_short[0] ? lv->status_short : lng[PIECE_STATE]);
	snprintf(lng[PIECE_HINT], 200, "%s", lng[PIECE_STATE][0] ? "" : _("F1 help"));
	shrt[PIECE_HINT][0] = '\0';
	if (longest == 0)
		lng[PIECE_LONGEST][0] = shrt[PIECE_LONGEST][0] = '\0';

	for (int i = 0; i < NPIECES; i++)
		form[i] = 2;
	for (int step = 0;; step++) {
		int total = 0;

		for (int i = 0; i < NPIECES; i++) {
			const char *p = form[i] == 2 ? lng[i] : form[i] == 1 ? shrt[i] : "";

			if (*p)
				total += width_str(p) + 3;
		}
		if (total <= r.w + 1)
			break;
		if (step < NSTEPS)
			form[steps[step].piece] = steps[step].form;
		else
			break;  /* put() cuts what is left */
	}
	line[0] = '\0';
	for (int i = 0, len = 0; i < NPIECES; i++) {
		const char *p = form[i] == 2 ? lng[i] : form[i] == 1 ? shrt[i] : "";
		int n;

		if (!*p || len >= (int)sizeof line - 1)
			continue;
		n = snprintf(line + len, sizeof line - (size_t)len, "%s%s", len ? " · " : "", p);
		len = n < 0 ? len : len + n < (int)sizeof line ? len + n : (int)sizeof line - 1;
	}
	if (lv->status[0] && lv->status_error)
		a = pick(lv, PAIR_OVER, A_BOLD) | A_REVERSE | A_BOLD;
	attrset(A_REVERSE);
	mvhline(r.y, 0, ' ', r.w);
	attrset(A_NORMAL);
	put(r.y, 1, r.w - 1, line, a);
}

/* One line of the help: a heading, or keys and what they do. */
typedef struct help_line {
	const char *heading;  /* NULL for a key line */
	char keys[64];
	const char *help;
} help_line;

/* The help's lines, generated from the key tables; returns the count. */
static int
help_lines(help_line *out, int max)
{
	int n = 0;
	char name[24];

	for (int ctx = 0; ctx < KEYMAP_CONTEXT_COUNT && n < max; ctx++) {
		int count;
		const keybinding *t = keymap_table(ctx, &count);

		out[n++] = (help_line){.heading = keymap_context_name(ctx)};
		/* One line per action, its keys together. */
		for (int i = 0; i < count && n < max; i++) {
			bool seen = false;
			help_line *h = &out[n];

			for (int j = 0; j < i; j++)
				seen = seen || t[j].act == t[i].act;
			if (seen)
				continue;
			*h = (help_line){.help = action_help(t[i].act)};
			for (int j = i; j < count; j++) {
				if (t[j].act != t[i].act)
					continue;
				keymap_key_name(&t[j], name, sizeof name);
				if (strstr(h->keys, name))
					continue;
				if (h->keys[0])
					strncat(h->keys, " ", sizeof h->keys - strlen(h->keys) - 1);
				strncat(h->keys, name, sizeof h->keys - strlen(h->keys) - 1);
			}
			n++;
		}
	}
	return n;
}

/* The help over the whole screen: two columns when both fit whole lines,
** else one column that scrolls (Up/Down, PgUp/PgDn). */
static void
draw_help(live *lv)
{
	help_line lines[96];
	int n = help_lines(lines, 96), rows = LINES - 3, ncols = 2, colw, keyw = 22;

	erase();
	if (rows < 2 || COLS < 20) {
		put(0, 0, COLS, _("help: the terminal is too small"), A_BOLD);
		return;
	}
	colw = COLS / 2;
	if (colw < 76 || (n + 1) / 2 > rows) {
		ncols = 1;
		colw = COLS;
	}
	if (ncols == 2)
		rows = (n + 1) / 2;
	if (ncols == 2 || lv->help_top > n - rows)
		lv->help_top = ncols == 2 || n <= rows ? 0 : n - rows;
	if (colw < 60)
		keyw = 14;
	put(0, 1, COLS - 2, ncols == 1 && n > rows
		    ? _("rapport · keys · j/k, pages, g/G scroll; any other key closes")
		    : _("rapport · keys · any key closes the help"), A_BOLD);
	for (int i = lv->help_top; i < n && i - lv->help_top < rows * ncols; i++) {
		int k = i - lv->help_top, y = 2 + k % rows, x = (k / rows) * colw;

		if (lines[i].heading) {
			put(y, x + 1, colw - 2, lines[i].heading, A_BOLD | A_UNDERLINE);
			continue;
		}
		put(y, x + 2, keyw, lines[i].keys, pick(lv, PAIR_FOCUS, A_BOLD) | A_BOLD);
		put(y, x + 3 + keyw, colw - keyw - 4, lines[i].help, A_NORMAL);
	}
	if (ncols == 1 && lv->help_top + rows < n)
		put(LINES - 1, 1, COLS - 2, _("↓ more"), A_BOLD);
}

static void
draw_dialog(live *lv)
{
	const char *title = "";
	char asked[300];
	int n = live_unsaved(lv);
	int w = COLS - 8 < 70 ? COLS - 8 : 70, x = (COLS - w) / 2, y = LINES / 2 - 2, col = 0;
	size_t first = 0;
	bool line = lv->dialog == DIALOG_ITEM_ADD || lv->dialog == DIALOG_ITEM_EDIT;
	char *text;

	switch (lv->dialog) {
	/* TRANSLATORS: the dialogs' questions.  "y / n" are the answer keys
	** (French: "o / n", o answering yes); d discards the meeting. */
	case DIALOG_ITEM_ADD: title = _("New agenda item (TITLE:MINUTES), Enter adds, Esc cancels"); break;
	case DIALOG_ITEM_EDIT: title = _("Edit agenda item (TITLE:MINUTES), Enter saves, Esc cancels"); break;
	case DIALOG_CONFIRM_DELETE: title = _("Delete this note? y / n"); break;
	case DIALOG_CONFIRM_END:
		if (n > 0) {
			snprintf(asked, sizeof asked,
				 P_("%d note is not saved: save it and end the meeting? y / n",
				    "%d notes are not saved: save them and end the meeting? y / n", n),
				 n);
			title = asked;
		} else {
			title = !input_blank(&lv->input)
					? _("Save the line's note and end the meeting? y / n")
				: lv->s && lv->s->nnotes == 0
					? _("End the meeting now? y / n · d: discard it, nothing noted")
					: _("End the meeting now? y / n");
		}
		break;
	case DIALOG_CONFIRM_QUIT:
		snprintf(asked, sizeof asked,
			 P_("%d note is not saved: quit, keeping it in a file? y / n",
			    "%d notes are not saved: quit, keeping them in a file? y / n", n),
			 n);
		title = asked;
		break;
	case DIALOG_NONE: return;
	}
	if (w < 10)
		return;
	for (int i = 0; i < 4; i++)
		mvhline(y + i, x, ' ', w);
	box_at(lv, (rect){y, x, 4, w}, "rapport", true);
	if (!line) {
		/* A question has the dialog's two rows: French ones are longer
		** than a row at 80 columns, and are wrapped rather than cut. */
		width_line rows[2];
		size_t nrows = w - 4 >= 2 ? width_wrap(title, w - 4, rows, 2) : 0;

		if (nrows > 2) {
			put(y + 1, x + 2, w - 4, title, A_BOLD);
		} else {
			for (size_t i = 0; i < nrows; i++) {
				char *piece = strndup(title + rows[i].start, rows[i].len);

				put(y + 1 + (int)i, x + 2, w - 4, piece ? piece : "", A_BOLD);
				free(piece);
			}
		}
		curs_set(0);
		return;
	}
	put(y + 1, x + 2, w - 4, title, A_BOLD);
	input_view(&lv->dialog_ask.in, w - 4, &first, &col);
	if ((text = input_text_from(&lv->dialog_ask.in, first)) != NULL) {
		put(y + 2, x + 2, w - 4, text, A_NORMAL);
		free(text);
	}
	move(y + 2, x + 2 + col);
	curs_set(1);
}

static void
draw_too_small(void)
{
	const char *msg = _("terminal too small");
	int w = width_str(msg);

	erase();
	if (COLS >= 1 && LINES >= 1)
		put(LINES / 2, COLS > w ? (COLS - w) / 2 : 0, COLS, msg, A_BOLD);
	curs_set(0);
}

void
live_draw(live *lv)
{
	int64_t now = rp_clock_now(lv->clock);

	lv->lay = layout_compute(LINES, COLS);
	if (lv->lay.kind == LAYOUT_TOO_SMALL) {
		draw_too_small();
		return;
	}
	/* A pane that is not shown cannot keep the focus. */
	if (lv->lay.kind == LAYOUT_NOTES)
		lv->focus = KEYMAP_NOTES;
	erase();
	curs_set(0);
	draw_agenda(lv, now);
	draw_prompts(lv);
	draw_status(lv, now);
	draw_notes(lv);
	if (lv->help)
		draw_help(lv);
	else if (lv->dialog != DIALOG_NONE)
		draw_dialog(lv);
}
