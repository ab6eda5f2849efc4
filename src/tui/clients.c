/* clients.c: the home screen: every client, the most pressing check-in
** first. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "meet.h"
#include "screen.h"
#include "width.h"

/* What the screen asks, in turn, when adding or editing a client. */
enum { ASK_NAME = 1, ASK_ORG, ASK_CADENCE, ASK_ARCHIVE };

typedef client_status row;

typedef struct clients_view {
	row *rows;
	size_t n;
	int sel, top;
	ask q;
	bool editing;          /* the questions edit rows[sel], not a new client */
	char name[CLIENT_NAME_MAX * 4 + 1], org[CLIENT_NAME_MAX * 4 + 1];
	char msg[300];
	bool msg_error;
	int64_t last_hour;     /* when the list was last loaded, in hours */
	bool help;             /* the help is up */
} clients_view;

/* Load the clients again, keeping the selection on the same client. */
static void
reload(app *a, clients_view *v)
{
	int64_t keep = v->n ? v->rows[v->sel].c.id : 0;
	rp_error err = {0};
	size_t n = 0;
	row *rows = NULL;

	if (client_ranking(a->st, date_local(rp_clock_now(a->clock)), &rows, &n, &err) != RP_OK) {
		snprintf(v->msg, sizeof v->msg, "%s", err.msg);
		v->msg_error = true;
		return;
	}
	free(v->rows);
	v->rows = rows;
	v->n = n;
	v->sel = 0;
	for (size_t i = 0; i < n; i++)
		if (rows[i].c.id == keep)
			v->sel = (int)i;
}

static void *
clients_open(app *a)
{
	clients_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "out of memory");
		return NULL;
	}
	input_init(&v->q.in);
	reload(a, v);
	return v;
}

static void
clients_close(void *state)
{
	clients_view *v = state;

	input_done(&v->q.in);
	free(v->rows);
	free(v);
}

static unsigned
status_attr(const app *a, cadence c)
{
	switch (c.kind) {
	case CADENCE_OVERDUE: return screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD;
	case CADENCE_DUE_TODAY: return screen_pick(a, PAIR_WARN, A_BOLD) | A_BOLD;
	case CADENCE_TOO_SOON: return screen_pick(a, PAIR_DIM, A_DIM);
	default: return A_NORMAL;
	}
}

static const char *const help_lines[] = {
	"j  k  Down  Up\tmove",
	"Enter\tprepare the call (Prep)",
	"n\tadd a client (name, organisation, cadence)",
	"e\tedit the client",
	"x\tarchive the client (its history stays)",
	"m\tmeet now: the live screen (asks first about a meeting planned for another day)",
	"r\treview the client's past meetings",
	"/\tsearch everything",
	"q  Ctrl-C\tquit",
	"F1  Ctrl-G  ?\tthis help",
	NULL,
};

static void
clients_draw(app *a, void *state)
{
	clients_view *v = state;
	int rows = LINES - 5, namew, orgw = 0, statw, lastw;
	static const char keys[] =
		"Enter prep · n new · e edit · x archive · m meet now · r review · / search · q quit";

	if (v->help) {
		screen_help_draw(a, "rapport · clients · keys", help_lines);
		return;
	}
	if (LINES < 6 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	screen_put(0, 1, COLS - 2, "rapport · clients, the most pressing check-in first", A_BOLD);
	/* Columns: status, client, organisation and last contact when there
	** is room; on a narrow terminal the client's name comes first. */
	lastw = COLS >= 64 ? 13 : 0;
	statw = COLS >= 50 ? 24 : 15;
	namew = COLS - 2 - statw - lastw;
	if (namew > 40) {
		orgw = namew / 3;
		namew -= orgw;
	}
	screen_put(2, 1, statw - 1, "STATUS", A_UNDERLINE);
	screen_put(2, 1 + statw, namew - 1, "CLIENT", A_UNDERLINE);
	if (orgw)
		screen_put(2, 1 + statw + namew, orgw - 1, "ORGANISATION", A_UNDERLINE);
	if (lastw)
		screen_put(2, COLS - 13, 12, "LAST CONTACT", A_UNDERLINE);
	if (v->n == 0)
		screen_put(4, 1, COLS - 2, "No clients yet: n adds one.", A_NORMAL);
	screen_scroll(v->sel, &v->top, rows);
	for (int i = v->top; i < (int)v->n && i - v->top < rows; i++) {
		const row *r = &v->rows[i];
		int y = 3 + i - v->top;
		char status[64], last[16] = "never";
		unsigned sel = screen_select_row(y, i == v->sel);

		if (r->c.last_contact)
			date_format_local(r->c.last_contact, false, last, sizeof last);
		cadence_describe(r->where, status, sizeof status);
		screen_put(y, 1, statw - 1, status, status_attr(a, r->where) | sel);
		screen_put(y, 1 + statw, namew - 1, r->c.name, A_BOLD | sel);
		if (orgw)
			screen_put(y, 1 + statw + namew, orgw - 1, r->c.org, sel);
		if (lastw)
			screen_put(y, COLS - 13, 12, last, sel);
	}
	screen_footer(a, v->msg, v->msg_error, keys, &v->q);
}

static void
say(clients_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

/* The questions of "new client" / "edit client", one after the other. */
static int
answer(app *a, clients_view *v)
{
	char *text = ask_text(&v->q);
	rp_error err = {0};
	int min = CLIENT_CADENCE_MIN, max = CLIENT_CADENCE_MAX;
	client *c = v->editing && v->n ? &v->rows[v->sel].c : NULL;
	char initial[32];

	if (text == NULL)
		return H_REDRAW;
	switch (v->q.purpose) {
	case ASK_NAME:
		if (client_check_name(text, "client name", &err) != RP_OK) {
			say(v, true, err.msg);
			ask_start(&v->q, ASK_NAME, "Name:", text);
			break;
		}
		snprintf(v->name, sizeof v->name, "%s", text);
		ask_start(&v->q, ASK_ORG, "Organisation (Enter for none):", c ? c->org : "");
		say(v, false, "");
		break;
	case ASK_ORG:
		snprintf(v->org, sizeof v->org, "%s", text);
		snprintf(initial, sizeof initial, "%d-%d", c ? c->cadence_min : min,
			 c ? c->cadence_max : max);
		ask_start(&v->q, ASK_CADENCE, "Check in every MIN-MAX days:", initial);
		break;
	case ASK_CADENCE:
		if (client_parse_cadence(text, &min, &max, &err) != RP_OK) {
			say(v, true, err.msg);
			ask_start(&v->q, ASK_CADENCE, "Check in every MIN-MAX days:", text);
			break;
		}
		if (c)
			client_update(a->st, c->id, v->name, v->org, min, max, &err);
		else
			client_add(a->st, a->clock, v->name, v->org[0] ? v->org : NULL, min, max, NULL,
				   &err);
		if (err.status != RP_OK) {
			say(v, true, err.msg);
		} else {
			say(v, false, c ? "client changed" : "client added");
			reload(a, v);
		}
		break;
	case ASK_ARCHIVE:
		if (c && (text[0] == 'y' || text[0] == 'Y')) {
			if (client_archive(a->st, a->clock, c->id, &err) != RP_OK)
				say(v, true, err.msg);
			else
				say(v, false, "client archived");
			reload(a, v);
		}
		break;
	}
	free(text);
	return H_REDRAW;
}

static int
clients_key(app *a, void *state, wint_t key, bool function)
{
	clients_view *v = state;
	client *c = v->n ? &v->rows[v->sel].c : NULL;
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: say(v, false, ""); return H_REDRAW;
	default: return common;
	}
	if (!function && key == 3)  /* Ctrl-C */
		return H_QUIT;
	if (function)
		return H_HANDLED;
	switch (key) {
	case 'j':
		if (v->sel + 1 < (int)v->n)
			v->sel++;
		return H_REDRAW;
	case 'k':
		if (v->sel > 0)
			v->sel--;
		return H_REDRAW;
	case '\r':
	case '\n':
		if (c == NULL)
			return H_HANDLED;
		a->client_id = c->id;
		a->screen = SCREEN_PREP;
		return H_SWITCH;
	case 'n':
		v->editing = false;
		ask_start(&v->q, ASK_NAME, "Name:", "");
		return H_REDRAW;
	case 'e':
		if (c == NULL)
			return H_HANDLED;
		v->editing = true;
		ask_start(&v->q, ASK_NAME, "Name:", c->name);
		return H_REDRAW;
	case 'x':
		if (c == NULL)
			return H_HANDLED;
		v->editing = true;
		ask_start(&v->q, ASK_ARCHIVE, "Archive this client? y / n:", "");
		return H_REDRAW;
	case 'm':
		if (c == NULL)
			return H_HANDLED;
		return meet_begin(a, c->id);  /* may ask first: meet.h */
	case 'r':
		if (c == NULL)
			return H_HANDLED;
		a->client_id = c->id;
		a->screen = SCREEN_REVIEW;
		return H_SWITCH;
	case '/':
		a->search_first = true;
		a->screen = SCREEN_REVIEW;
		return H_SWITCH;
	case 'q':
		return H_QUIT;
	}
	return H_HANDLED;
}

static void
clients_tick(app *a, void *state)
{
	clients_view *v = state;
	int64_t hour = rp_clock_now(a->clock) / 3600;

	/* Statuses change with the date: look again every hour. */
	if (hour != v->last_hour) {
		v->last_hour = hour;
		if (!v->q.active)
			reload(a, v);
	}
}

const screen_ops clients_screen = {
	.name = "clients",
	.open = clients_open,
	.close = clients_close,
	.draw = clients_draw,
	.key = clients_key,
	.tick = clients_tick,
};
