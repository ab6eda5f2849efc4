/* review.c: every past meeting, and full-text search across them.
**
** Three views in one screen: a client's meetings (newest first), one
** meeting read in full (agenda, notes, follow-ups in order), and search
** results.  Enter goes deeper, Esc comes back.
*/
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "rapport/search.h"
#include "rapport/text.h"
#include "screen.h"
#include "width.h"

enum mode { MODE_LIST, MODE_MEETING, MODE_SEARCH };

typedef struct rv_line {
	int64_t id;        /* meeting (list), follow-up (meeting), hit index (search) */
	int64_t note_id;   /* the note on this line, in a meeting */
	int kind;          /* 1: a follow-up line */
	char text[900];
	unsigned attr;
} rv_line;

typedef struct review_view {
	enum mode mode, back;        /* back: where Esc from a meeting returns */
	rv_line *lines;
	int nlines, sel, top;
	meeting_row *meetings;
	size_t nmeetings;
	recap *r;                    /* the meeting read */
	search_result *found;
	char query[300];
	char title[400];
	ask q;
	char msg[300];
	bool msg_error;
	bool help;             /* the help is up */
} review_view;

static void
say(review_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

static void
add(review_view *v, int64_t id, int64_t note_id, int kind, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void
add(review_view *v, int64_t id, int64_t note_id, int kind, unsigned attr, const char *fmt, ...)
{
	rv_line *grown = realloc(v->lines, ((size_t)v->nlines + 1) * sizeof *v->lines);
	va_list ap;

	if (grown == NULL)
		return;
	v->lines = grown;
	grown[v->nlines] = (rv_line){.id = id, .note_id = note_id, .kind = kind, .attr = attr};
	va_start(ap, fmt);
	vsnprintf(grown[v->nlines].text, sizeof grown[0].text, fmt, ap);
	va_end(ap);
	v->nlines++;
}

static void
clear_lines(review_view *v)
{
	free(v->lines);
	v->lines = NULL;
	v->nlines = v->sel = v->top = 0;
}

/* The client's meetings, newest first. */
static void
show_list(app *a, review_view *v)
{
	static const char *const states[] = {"planned", "live", "ended"};
	rp_error err = {0};
	client c;

	free(v->meetings);
	v->meetings = NULL;
	clear_lines(v);
	v->mode = MODE_LIST;
	if (client_get(a->st, a->client_id, &c, &err) != RP_OK ||
	    meeting_list(a->st, a->client_id, &v->meetings, &v->nmeetings, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	snprintf(v->title, sizeof v->title, "rapport · review · %s · %zu meeting%s", c.name,
		 v->nmeetings, v->nmeetings == 1 ? "" : "s");
	for (size_t i = 0; i < v->nmeetings; i++) {
		char day[32];

		date_format_local(v->meetings[i].when, true, day, sizeof day);
		add(v, v->meetings[i].id, 0, 0, A_NORMAL, "%s  %-7s  %s  (%d note%s)", day,
		    states[v->meetings[i].state], v->meetings[i].title, v->meetings[i].notes,
		    v->meetings[i].notes == 1 ? "" : "s");
	}
	if (v->nmeetings == 0)
		add(v, 0, 0, 0, A_DIM, "no meetings yet");
}

/* One meeting in full; the line of note_id (if any) is selected. */
static void
show_meeting(app *a, review_view *v, int64_t meeting_id, int64_t note_id)
{
	static const char *const statuses[] = {"open", "done", "dropped"};
	rp_error err = {0};
	recap *r = NULL;
	const session *s;
	char day[32];

	if (recap_load(a->st, meeting_id, &r, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	recap_free(v->r);
	v->r = r;
	s = r->s;
	clear_lines(v);
	v->mode = MODE_MEETING;
	date_format(r->day, day);
	snprintf(v->title, sizeof v->title, "rapport · review · %s with %s · %s", s->title,
		 s->client_name, day);
	add(v, 0, 0, 0, A_BOLD | A_UNDERLINE, "Agenda");
	for (size_t i = 0; i < s->nitems; i++) {
		add(v, 0, 0, 0, A_NORMAL, "  %zu. %s  (%s)", i + 1, s->items[i].title,
		    agenda_status_name(s->items[i].status));
		for (size_t w = 0; w < s->items[i].nwalk; w++)
			add(v, 0, 0, 0, A_DIM, "       %s: %s", s->items[i].walk[w].member,
			    s->items[i].walk[w].did);
	}
	add(v, 0, 0, 0, A_BOLD | A_UNDERLINE, "Notes");
	for (size_t i = 0; i < s->nnotes; i++) {
		char prefix[2] = {note_kind_prefix(s->notes[i].kind), 0};

		date_format_local(s->notes[i].at, true, day, sizeof day);
		add(v, 0, s->notes[i].id, 0, A_NORMAL, "  %s %s %s", day + 11,
		    prefix[0] ? prefix : " ", s->notes[i].text);
		if (s->notes[i].id == note_id)
			v->sel = v->nlines - 1;
	}
	if (s->nnotes == 0)
		add(v, 0, 0, 0, A_DIM, "  none");
	add(v, 0, 0, 0, A_BOLD | A_UNDERLINE, "Follow-ups (d done · x dropped · o open again)");
	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];

		add(v, f->id, 0, 1, f->status == FOLLOWUP_OPEN ? A_NORMAL : A_DIM, "  [%s] %s%s%s%s%s",
		    statuses[f->status], f->text, f->owner ? " @" : "", f->owner ? f->owner : "",
		    f->due ? " due " : "", f->due ? f->due : "");
	}
	if (r->nfollowups == 0)
		add(v, 0, 0, 0, A_DIM, "  none");
	if (note_id == 0)
		v->sel = 0;
}

/* Run a search and show its hits, best first. */
static void
show_search(app *a, review_view *v, const char *query)
{
	rp_error err = {0};
	search_result *found = NULL;

	if (search_run(a->st, query, SEARCH_BEST, 200, &found, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	search_free(v->found);
	v->found = found;
	if (query != v->query)
		snprintf(v->query, sizeof v->query, "%s", query);
	clear_lines(v);
	v->mode = MODE_SEARCH;
	snprintf(v->title, sizeof v->title, "rapport · search · \"%s\" · %zu hit%s, best first",
		 query, found->nhits, found->nhits == 1 ? "" : "s");
	for (size_t i = 0; i < found->nhits; i++) {
		const search_hit *h = &found->hits[i];
		char day[32];

		date_format_local(h->at, false, day, sizeof day);
		add(v, (int64_t)i, h->note_id, 0, A_NORMAL, "%s  %s  %s  %s", day, h->client, h->what,
		    h->snippet);
	}
	if (found->nhits == 0)
		add(v, -1, 0, 0, A_DIM, "no hits");
	say(v, false, "");
}

static void *
review_open(app *a)
{
	review_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "out of memory");
		return NULL;
	}
	input_init(&v->q.in);
	if (a->search_first) {
		a->search_first = false;
		v->mode = v->back = MODE_SEARCH;
		snprintf(v->title, sizeof v->title, "rapport · search");
		ask_start(&v->q, 1, "Search:", "");
	} else {
		v->back = MODE_LIST;
		show_list(a, v);
	}
	return v;
}

static void
review_close(void *state)
{
	review_view *v = state;

	input_done(&v->q.in);
	free(v->lines);
	free(v->meetings);
	recap_free(v->r);
	search_free(v->found);
	free(v);
}

/* Draw text whose matched words are between the search marks: those in
** bold and underlined. */
static void
put_marked(int y, int x, int cols, const char *text, unsigned attr)
{
	char *clean = strdup(text), *p, *seg;
	bool on = false;

	if (clean == NULL)
		return;
	for (p = seg = clean;; p++) {
		if (*p == SEARCH_MARK_ON || *p == SEARCH_MARK_OFF || *p == '\0') {
			char end = *p;
			int w;

			*p = '\0';
			w = width_str(seg);
			screen_put(y, x, cols, seg, attr | (on ? A_BOLD | A_UNDERLINE : 0));
			x += w;
			cols -= w;
			if (end == '\0' || cols <= 0)
				break;
			on = end == SEARCH_MARK_ON;
			seg = p + 1;
		}
	}
	free(clean);
}

static const char *const help_lines[] = {
	"j  k  Down  Up\tmove",
	"Enter\tread the meeting, or open a search hit at its note",
	"d  x  o\ta follow-up done, dropped, open again",
	"/\tsearch: words, \"a phrase\", OR, NOT, prefix*",
	"Esc  q\tback",
	"Ctrl-C\tquit",
	"F1  Ctrl-G  ?\tthis help",
	NULL,
};

static void
review_draw(app *a, void *state)
{
	review_view *v = state;
	int rows = LINES - 4;
	static const char *const keys[] = {
		[MODE_LIST] = "Enter read · / search · Esc back",
		[MODE_MEETING] = "j/k move · d done · x dropped · o open again · / search · Esc back",
		[MODE_SEARCH] = "Enter open the meeting at that note · / search again · Esc back",
	};

	if (v->help) {
		screen_help_draw(a, "rapport · review · keys", help_lines);
		return;
	}
	if (LINES < 8 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	screen_put(0, 1, COLS - 2, v->title, A_BOLD);
	screen_scroll(v->sel, &v->top, rows);
	for (int i = v->top; i < v->nlines && i - v->top < rows; i++) {
		unsigned at = v->lines[i].attr == A_DIM ? screen_pick(a, PAIR_DIM, A_DIM)
							 : v->lines[i].attr;
		int y = 2 + i - v->top;

		at |= screen_select_row(y, i == v->sel);
		put_marked(y, 1, COLS - 2, v->lines[i].text, at);
	}
	screen_footer(a, v->msg, v->msg_error, keys[v->mode], &v->q);
}

static int
review_key(app *a, void *state, wint_t key, bool function)
{
	review_view *v = state;
	const rv_line *sel = v->nlines ? &v->lines[v->sel] : NULL;
	rp_error err = {0};
	char *text;
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN:
		break;
	case SCREEN_KEY_ANSWER:
		if ((text = ask_text(&v->q)) != NULL) {
			show_search(a, v, text);
			free(text);
		}
		return H_REDRAW;
	case SCREEN_KEY_CANCEL:
		/* A search dropped before anything was shown: back home. */
		if (v->nlines == 0) {
			a->screen = SCREEN_CLIENTS;
			return H_SWITCH;
		}
		return H_REDRAW;
	default:
		return common;
	}
	if (function)
		return H_HANDLED;
	switch (key) {
	case 3:
		return H_QUIT;
	case 'j':
		if (v->sel + 1 < v->nlines)
			v->sel++;
		return H_REDRAW;
	case 'k':
		if (v->sel > 0)
			v->sel--;
		return H_REDRAW;
	case '/':
		ask_start(&v->q, 1, "Search:", v->query);
		return H_REDRAW;
	case 27:
	case 'q':
		/* Back to the results the meeting (or client) was opened from. */
		if (v->mode != MODE_SEARCH && v->back == MODE_SEARCH && v->found) {
			show_search(a, v, v->query);
			if (v->mode == MODE_SEARCH)
				return H_REDRAW;
		}
		if (v->mode == MODE_MEETING) {
			show_list(a, v);
			return H_REDRAW;
		}
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	case '\r':
	case '\n':
		if (sel == NULL)
			return H_HANDLED;
		if (v->mode == MODE_LIST && sel->id) {
			v->back = MODE_LIST;
			show_meeting(a, v, sel->id, 0);
		} else if (v->mode == MODE_SEARCH && sel->id >= 0 && v->found &&
			   (size_t)sel->id < v->found->nhits) {
			const search_hit *h = &v->found->hits[sel->id];

			a->client_id = h->client_id;
			v->back = MODE_SEARCH;
			if (h->meeting_id)
				show_meeting(a, v, h->meeting_id, h->note_id);
			else
				show_list(a, v);
		}
		return H_REDRAW;
	case 'd':
	case 'x':
	case 'o':
		if (v->mode != MODE_MEETING || sel == NULL || sel->kind != 1)
			return H_HANDLED;
		if (record_followup_status(a->st, a->clock, sel->id,
					   key == 'd' ? FOLLOWUP_DONE : key == 'x' ? FOLLOWUP_DROPPED
										   : FOLLOWUP_OPEN,
					   &err) != RP_OK) {
			say(v, true, err.msg);
		} else {
			int at = v->sel;

			show_meeting(a, v, v->r->s->meeting_id, 0);
			v->sel = at < v->nlines ? at : 0;
		}
		return H_REDRAW;
	}
	return H_HANDLED;
}

const screen_ops review_screen = {
	.name = "review",
	.open = review_open,
	.close = review_close,
	.draw = review_draw,
	.key = review_key,
};
