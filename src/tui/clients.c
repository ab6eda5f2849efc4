/* clients.c: the home screen: every client, the most pressing check-in
** first. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "listview.h"
#include "meet.h"
#include "screen.h"
#include "touch_ask.h"
#include "width.h"

/* What the screen asks, in turn, when adding or editing a client. */
enum { ASK_NAME = 1, ASK_ORG, ASK_CADENCE, ASK_ARCHIVE, ASK_RESTORE };

typedef client_status row;

typedef struct clients_view {
	row *rows;
	size_t n;
	listview lv;           /* one row per client, in the order of rows */
	ask q;
	bool editing;          /* the questions edit rows[sel], not a new client */
	char name[CLIENT_NAME_MAX * 4 + 1], org[CLIENT_NAME_MAX * 4 + 1];
	char msg[300];
	bool msg_error;
	int64_t last_hour;     /* when the list was last loaded, in hours */
	bool help;             /* the help is up */
	bool archived;         /* Tab: the archived clients instead */
	client *gone;          /* the archived clients, by name */
	size_t ngone;
	int64_t restore_id;    /* the archived client `n` offered to restore */
	touch_ask touch;       /* l: logging a touchpoint */
	meeting_next *next;    /* each client's next planned meeting, by client id */
	size_t nnext;
	bool next_dated;       /* one of them has a date */
} clients_view;

/* The columns of the active list, from the left: their widths (0 when not
** shown), each holding its gap to the next. */
typedef struct columns {
	int status, name, org, lang, last, next;
	int right;  /* the rightmost of them, COL_LANG, COL_LAST or COL_NEXT: no gap */
} columns;

enum { COL_LANG = 1, COL_LAST, COL_NEXT };

static client *selected(clients_view *v);

/* Each client's next planned meeting, for its column: one query over the
** planned meetings alone, however many clients and meetings there are.
** A failure leaves the column out; the list is what matters. */
static void
reload_next(app *a, clients_view *v)
{
	rp_error err = {0};
	meeting_next *next = NULL;
	size_t n = 0;

	if (meeting_next_all(a->st, &next, &n, &err) != RP_OK) {
		next = NULL;
		n = 0;
	}
	free(v->next);
	v->next = next;
	v->nnext = n;
	v->next_dated = false;
	for (size_t i = 0; i < n; i++)
		v->next_dated |= next[i].planned_at != 0;
}

/* The row's next meeting as its column says it, into buf: "Wed 16 Dec
** 14:00", "missed Wed 16 Dec" for one planned for a time gone by over an
** hour ago (the day is enough), "no date"; NULL when it has none planned. */
static const char *
next_label(const app *a, const clients_view *v, const row *r, char *buf, size_t size)
{
	const meeting_next *m = meeting_next_of(v->next, v->nnext, r->c.id);
	char day[DATE_SHORT_MAX];

	if (m == NULL)
		return NULL;
	if (m->planned_at == 0) {
		snprintf(buf, size, "%s", _("no date"));
	} else if (meeting_missed(m->planned_at, rp_clock_now(a->clock))) {
		/* TRANSLATORS: a planned meeting whose time went by; %s is a
		** short day, "Wed 16 Dec". */
		snprintf(buf, size, _("missed %s"),
			 date_format_short(date_local(m->planned_at), day, sizeof day));
	} else {
		screen_when(a, m->planned_at, buf, size);
	}
	return buf;
}

/* Load the archived clients again, keeping the selection on keep. */
static void
reload_archived(app *a, clients_view *v, int64_t keep)
{
	rp_error err = {0};
	client *gone = NULL;
	size_t n = 0;

	if (client_list_archived(a->st, &gone, &n, &err) != RP_OK) {
		snprintf(v->msg, sizeof v->msg, "%s", err.msg);
		v->msg_error = true;
		return;
	}
	free(v->gone);
	v->gone = gone;
	v->ngone = n;
	v->lv.sel = n ? 0 : -1;
	for (size_t i = 0; i < n; i++)
		if (gone[i].id == keep)
			v->lv.sel = (int)i;
}

/* Load the clients again, keeping the selection on the same client. */
static void
reload(app *a, clients_view *v)
{
	client *now = selected(v);
	/* Opened again (back from Prep, a meeting, Review): on the client
	** worked with last, not the first row. */
	int64_t keep = now ? now->id : a->client_id;
	rp_error err = {0};
	size_t n = 0;
	row *rows = NULL;

	if (v->archived) {
		reload_archived(a, v, keep);
		return;
	}
	if (client_ranking(a->st, date_local(rp_clock_now(a->clock)), &rows, &n, &err) != RP_OK) {
		snprintf(v->msg, sizeof v->msg, "%s", err.msg);
		v->msg_error = true;
		return;
	}
	free(v->rows);
	v->rows = rows;
	v->n = n;
	v->lv.sel = n ? 0 : -1;
	for (size_t i = 0; i < n; i++)
		if (rows[i].c.id == keep)
			v->lv.sel = (int)i;
	reload_next(a, v);
}

/* The selected client (an archived one in that list), or NULL. */
static client *
selected(clients_view *v)
{
	if (v->archived)
		return v->lv.sel >= 0 && (size_t)v->lv.sel < v->ngone ? &v->gone[v->lv.sel] : NULL;
	return v->lv.sel >= 0 && (size_t)v->lv.sel < v->n ? &v->rows[v->lv.sel].c : NULL;
}

static void *
clients_open(app *a)
{
	clients_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	input_init(&v->q.in);
	listview_init(&v->lv);
	/* Loaded for this hour: the first tick has nothing to load again. */
	v->last_hour = rp_clock_now(a->clock) / 3600;
	reload(a, v);
	/* What the screen before wants said here (a meeting discarded). */
	if (a->notice[0]) {
		snprintf(v->msg, sizeof v->msg, "%s", a->notice);
		a->notice[0] = '\0';
	}
	return v;
}

static void
clients_close(void *state)
{
	clients_view *v = state;

	input_done(&v->q.in);
	listview_done(&v->lv);
	free(v->rows);
	free(v->gone);
	free(v->next);
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

/* The keys of the active list.  The texts are marked for the catalogue
** with their context (screen.h) and translated where they are shown. */
static const screen_keyhelp keys[] = {
	KEYS(NC_("key help", "prepare the call (Prep)"), NC_("key bar", "prep"), SA_OPEN),
	KEYS(NC_("key help", "add a client (name, organisation, cadence)"), NC_("key bar", "new"),
	     SA_NEW),
	KEYS(NC_("key help", "edit the client"), NC_("key bar", "edit"), SA_EDIT),
	KEYS(NC_("key help", "archive the client (its history stays)"), NC_("key bar", "archive"),
	     SA_DROP),
	KEYS(NC_("key help",
		 "meet now: the live screen (asks first about a meeting planned for another day)"),
	     NC_("key bar", "meet"), SA_MEET),
	KEYS(NC_("key help", "review the client's past meetings"), NC_("key bar", "review"),
	     SA_REVIEW),
	KEYS(NC_("key help", "every open follow-up, across clients, overdue first"),
	     NC_("key bar", "follow-ups"), SA_FOLLOWUPS),
	KEYS(NC_("key help", "search everything"), NC_("key bar", "search"), SA_SEARCH),
	KEYS(NC_("key help",
		 "log a touchpoint (an email, a call, a message): the cadence starts again"),
	     NC_("key bar", "log"), SA_TOUCH),
	KEYS(NC_("key help",
		 "the client's language, English or French: what is said and sent to them"),
	     NC_("key bar", "language"), SA_LANG),
	KEYS(NC_("key help", "the archived clients (and back)"), NC_("key bar", "archived"),
	     SA_SECTION_NEXT, SA_SECTION_PREV),
	{.acts = {SA_BACK, SA_QUIT}, .what = NC_("key help", "quit"), .bar = NC_("key bar", "quit"),
	 .keys = "q  Ctrl-C"},
	KEYS_END,
};

/* The archived clients' list: what can be done there. */
static const screen_keyhelp archived_keys[] = {
	KEYS(NC_("key help", "restore the client, with all its history"), NC_("key bar", "restore"),
	     SA_REOPEN),
	KEYS(NC_("key help", "review the client's past meetings"), NC_("key bar", "review"),
	     SA_REVIEW),
	KEYS(NC_("key help", "search everything"), NC_("key bar", "search"), SA_SEARCH),
	/* Not q: q quits here as on the active list. */
	{.acts = {SA_SECTION_NEXT, SA_SECTION_PREV, SA_BACK},
	 .what = NC_("key help", "back to the active clients"), .bar = NC_("key bar", "active"),
	 .keys = N_("Tab  Shift-Tab  Esc")},
	{.acts = {SA_BACK, SA_QUIT}, .what = NC_("key help", "quit"), .bar = NC_("key bar", "quit"),
	 .keys = "q  Ctrl-C"},
	KEYS_END,
};

enum { KEYS_MAX = 16 };

/* A key table with the names of its keys (.keys) translated, into out
** (KEYS_MAX lines): screen.c shows them as they are, and "Shift-Tab  Esc"
** reads "Maj-Tab  Échap" in French.  Returns out. */
static const screen_keyhelp *
keys_shown(const screen_keyhelp *lines, screen_keyhelp out[KEYS_MAX])
{
	int n = 0;

	for (; lines[n].what && n < KEYS_MAX - 1; n++) {
		out[n] = lines[n];
		if (out[n].keys)
			out[n].keys = _(out[n].keys);
	}
	out[n] = (screen_keyhelp)KEYS_END;
	return out;
}

/* The day of r's last contact as people read it ("Tue 17 Nov", with the
** year when not this one), or never. */
static const char *
last_label(const row *r, char *buf, size_t size)
{
	if (r->c.last_contact == 0) {
		snprintf(buf, size, "%s", _("never"));
		return buf;
	}
	return screen_day(date_local(r->c.last_contact), buf, size);
}

/* The columns of the active list on this screen, from what they hold: the
** French is wider than the English ("à contacter dans 6 jours"), and a
** status or a date cut in the middle reads wrong.  The client's name takes
** what is left, at least min_name columns: the last contact goes first when
** it would not have them, then the next meeting, then the language.  At 50
** columns and more the status is never cut; below, it is cut at a word. */
static columns
layout(const app *a, const clients_view *v)
{
	enum { MIN_NAME = 14 };
	columns c = {0};
	int status = width_str(_("STATUS")), next = width_str(C_("clients column", "NEXT MEETING"));
	int last = width_str(C_("clients column", "LAST CONTACT"));

	for (size_t i = 0; i < v->n; i++) {
		char text[64];
		int w;

		if ((w = width_str(last_label(&v->rows[i], text, sizeof text))) > last)
			last = w;

		cadence_describe(v->rows[i].where, text, sizeof text);
		if ((w = width_str(text)) > status)
			status = w;
		if (next_label(a, v, &v->rows[i], text, sizeof text) && (w = width_str(text)) > next)
			next = w;
	}
	c.status = COLS >= 50 || status + 1 < 15 ? status + 1 : 15;
	c.lang = COLS >= 50 ? width_str(C_("clients column", "LANG")) + 1 : 0;
	if (c.lang && c.lang < 3)
		c.lang = 3;  /* "fr" */
	c.last = COLS >= 64 ? last + 1 : 0;
	/* A column of "no date" says nothing: only when one has a date. */
	c.next = v->next_dated && COLS >= 72 ? next + 1 : 0;
	c.name = COLS - 2 - c.status - c.lang - c.last - c.next;
	if (c.name < MIN_NAME && c.last) {
		c.name += c.last;
		c.last = 0;
	}
	if (c.name < MIN_NAME && c.next) {
		c.name += c.next;
		c.next = 0;
	}
	if (c.name < MIN_NAME && c.lang) {
		c.name += c.lang;
		c.lang = 0;
	}
	/* The rightmost column needs no gap: the list's margin is there. */
	c.right = c.next ? COL_NEXT : c.last ? COL_LAST : c.lang ? COL_LANG : 0;
	if (c.right) {
		*(c.right == COL_NEXT ? &c.next : c.right == COL_LAST ? &c.last : &c.lang) -= 1;
		c.name++;
	}
	/* A wide screen: the organisation too. */
	if (c.name > 40) {
		c.org = c.name / 3;
		c.name -= c.org;
	}
	return c;
}

/* Column which of c (COL_*, cols wide): a cell with its gap, but the
** rightmost as it is (its text fits: the columns are as wide as it). */
static void
cell(listview *lv, const columns *c, int which, unsigned attr, const char *text, int cols)
{
	if (c->right == which)
		listview_span(lv, attr, "%s", text);
	else
		listview_cell(lv, attr, text, cols);
}

/* Its heading, in the row of headings at column x. */
static void
heading(const columns *c, int which, int x, int cols, const char *text)
{
	screen_put(2, x, c->right == which ? cols : cols - 1, text, A_UNDERLINE);
}

/* Fill the list with the clients, in the columns given. */
static void
fill(const app *a, clients_view *v, const columns *c)
{
	unsigned dim = screen_pick(a, PAIR_DIM, A_DIM);

	listview_clear(&v->lv);
	for (size_t i = 0; i < v->n; i++) {
		const row *r = &v->rows[i];
		char status[64], last[32], next[64], *cut;
		const char *when;

		last_label(r, last, sizeof last);
		cadence_describe(r->where, status, sizeof status);
		if (listview_add(&v->lv, true, A_NORMAL, "%s", "") == NULL)
			break;
		/* Cut at a word on a narrow screen, never "à contacter d…". */
		cut = width_truncate_words(status, c->status - 1);
		listview_cell(&v->lv, status_attr(a, r->where), cut ? cut : status, c->status);
		free(cut);
		listview_cell(&v->lv, A_BOLD, r->c.name, c->name);
		if (c->org)
			listview_cell(&v->lv, A_NORMAL, r->c.org, c->org);
		if (c->lang)
			cell(&v->lv, c, COL_LANG, A_NORMAL, lang_code(r->c.lang), c->lang);
		if (c->last)
			cell(&v->lv, c, COL_LAST, A_NORMAL, last, c->last);
		if (c->next && (when = next_label(a, v, r, next, sizeof next)) != NULL)
			cell(&v->lv, c, COL_NEXT,
			     meeting_next_of(v->next, v->nnext, r->c.id)->planned_at ? A_NORMAL : dim,
			     when, c->next);
	}
}

/* The archived clients: name, organisation, since when. */
static void
draw_archived(app *a, clients_view *v, int rows)
{
	const char *head = _("ARCHIVED");
	int sincew = width_str(head) > 10 ? width_str(head) + 1 : 11;
	int namew, orgw = 0;
	char bar[300];
	screen_keyhelp shown[KEYS_MAX];

	if (COLS < 50)
		sincew = 0;
	namew = COLS - 2 - sincew;
	screen_put(0, 1, COLS - 2, _("rapport · archived clients (Tab: the active ones)"), A_BOLD);
	if (namew > 40) {
		orgw = namew / 3;
		namew -= orgw;
	}
	screen_put(2, 1, namew - 1, _("CLIENT"), A_UNDERLINE);
	if (orgw)
		screen_put(2, 1 + namew, orgw - 1, _("ORGANISATION"), A_UNDERLINE);
	if (sincew)
		screen_put(2, 1 + namew + orgw, sincew - 1, head, A_UNDERLINE);
	listview_clear(&v->lv);
	for (size_t i = 0; i < v->ngone; i++) {
		char since[16];

		date_format_local(v->gone[i].archived_at, false, since, sizeof since);
		if (listview_add(&v->lv, true, A_NORMAL, "%s", "") == NULL)
			break;
		listview_cell(&v->lv, A_BOLD, v->gone[i].name, namew);
		if (orgw)
			listview_cell(&v->lv, A_NORMAL, v->gone[i].org, orgw);
		if (sincew)
			listview_cell(&v->lv, A_NORMAL, since, sincew);
	}
	listview_draw(&v->lv, 3, 0, rows, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	/* After the list view, which clears its rectangle. */
	if (v->ngone == 0)
		screen_put(4, 1, COLS - 2, _("No archived clients: x on a client archives it."),
			   A_NORMAL);
	screen_footer(a, v->msg, v->msg_error,
		      screen_keybar(keys_shown(archived_keys, shown), bar, sizeof bar), &v->q);
}

static void
clients_draw(app *a, void *state)
{
	clients_view *v = state;
	int rows = LINES - 5, x = 1;
	columns c;
	char bar[600];
	screen_keyhelp shown[KEYS_MAX];

	if (v->help) {
		if (v->archived)
			screen_help_keys(a, _("rapport · archived clients · keys"),
					 keys_shown(archived_keys, shown));
		else
			screen_help_keys(a, _("rapport · clients · keys"), keys_shown(keys, shown));
		return;
	}
	if (LINES < 6 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	if (v->archived) {
		draw_archived(a, v, rows);
		return;
	}
	screen_put(0, 1, COLS - 2, _("rapport · clients, the most pressing check-in first"), A_BOLD);
	/* The headings over their columns, which start at 1 as the rows' text
	** does (the list view leaves a blank column on each side). */
	c = layout(a, v);
	screen_put(2, x, c.status - 1, _("STATUS"), A_UNDERLINE);
	x += c.status;
	screen_put(2, x, c.name - 1, _("CLIENT"), A_UNDERLINE);
	x += c.name;
	if (c.org)
		screen_put(2, x, c.org - 1, _("ORGANISATION"), A_UNDERLINE);
	x += c.org;
	if (c.lang)
		/* TRANSLATORS: the heading of the clients' language ("fr", "en"),
		** as short as it can be. */
		heading(&c, COL_LANG, x, c.lang, C_("clients column", "LANG"));
	x += c.lang;
	if (c.last)
		/* TRANSLATORS: over dates ("2026-11-20"): 12 columns at most. */
		heading(&c, COL_LAST, x, c.last, C_("clients column", "LAST CONTACT"));
	x += c.last;
	if (c.next)
		heading(&c, COL_NEXT, x, c.next, C_("clients column", "NEXT MEETING"));
	fill(a, v, &c);
	listview_draw(&v->lv, 3, 0, rows, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	/* After the list view, which clears its rectangle. */
	if (v->n == 0)
		screen_put(4, 1, COLS - 2, _("No clients yet: n adds one."), A_NORMAL);
	screen_footer(a, v->msg, v->msg_error, screen_keybar(keys_shown(keys, shown), bar, sizeof bar),
		      &v->q);
}

static void
say(clients_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

/* L: the client's language, English <-> French: what is said and sent to
** them from now on (openers, suggestions, recaps, invitations). */
static void
switch_lang(app *a, clients_view *v, const client *c)
{
	enum rp_lang lang = c->lang == RP_LANG_FR ? RP_LANG_EN : RP_LANG_FR;
	char said[CLIENT_NAME_MAX * 4 + 80];
	rp_error err = {0};

	if (client_set_lang(a->st, c->id, lang, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	/* A sentence for each language: the translator words each whole. */
	snprintf(said, sizeof said,
		 lang == RP_LANG_FR ? _("%s now speaks French") : _("%s now speaks English"), c->name);
	say(v, false, said);
	reload(a, v);
}

/* Bring archived client id back and select it in the active list. */
static void
restore(app *a, clients_view *v, int64_t id)
{
	rp_error err = {0};
	client c = {0};

	if (client_get(a->st, id, &c, &err) != RP_OK || client_restore(a->st, id, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	v->archived = false;
	reload(a, v);
	for (size_t i = 0; i < v->n; i++)
		if (v->rows[i].c.id == id)
			v->lv.sel = (int)i;  /* the rows are filled at the next draw */
	snprintf(v->msg, sizeof v->msg, _("%s restored, with all its history"), c.name);
	v->msg_error = false;
}

/* A new client named as an archived one: offer to restore that one.
** False when the name is not an archived client's. */
static bool
offer_restore(app *a, clients_view *v)
{
	rp_error err = {0};
	client c = {0};
	char question[CLIENT_NAME_MAX * 4 + 64];

	/* The archived client of that very name (case and accents aside),
	** never one it merely starts. */
	if (client_name_taken(a->st, v->name, 0, &c, &err) != RP_EEXIST || c.archived_at == 0)
		return false;
	v->restore_id = c.id;
	snprintf(question, sizeof question, _("%s is archived: restore it? y / n:"), c.name);
	ask_start(&v->q, ASK_RESTORE, question, "");
	say(v, false, "");
	return true;
}

/* The questions of "new client" / "edit client", one after the other. */
static int
answer(app *a, clients_view *v)
{
	char *text = ask_text(&v->q);
	rp_error err = {0};
	int min = CLIENT_CADENCE_MIN, max = CLIENT_CADENCE_MAX;
	client *c = v->editing ? selected(v) : NULL;
	client other = {0};
	char initial[32];

	if (text == NULL)
		return H_REDRAW;
	switch (v->q.purpose) {
	case ASK_NAME:
		if (client_check_name(text, _("client name"), &err) != RP_OK ||
		    client_name_taken(a->st, text, c ? c->id : 0, &other, &err) != RP_OK) {
			/* Said now, not after two more questions; an archived
			** client of that name is offered back. */
			snprintf(v->name, sizeof v->name, "%s", text);
			if (err.status == RP_EEXIST && other.archived_at && c == NULL &&
			    offer_restore(a, v))
				break;
			say(v, true, err.msg);
			ask_start(&v->q, ASK_NAME, _("Name:"), text);
			break;
		}
		snprintf(v->name, sizeof v->name, "%s", text);
		ask_start(&v->q, ASK_ORG, _("Organisation (Enter for none):"), c ? c->org : "");
		say(v, false, "");
		break;
	case ASK_ORG:
		snprintf(v->org, sizeof v->org, "%s", text);
		snprintf(initial, sizeof initial, "%d-%d", c ? c->cadence_min : min,
			 c ? c->cadence_max : max);
		ask_start(&v->q, ASK_CADENCE, _("Check in every MIN-MAX days:"), initial);
		break;
	case ASK_CADENCE:
		if (client_parse_cadence(text, &min, &max, &err) != RP_OK) {
			say(v, true, err.msg);
			ask_start(&v->q, ASK_CADENCE, _("Check in every MIN-MAX days:"), text);
			break;
		}
		if (c)
			client_update(a->st, c->id, v->name, v->org, min, max, &err);
		else
			client_add(a->st, a->clock, v->name, v->org[0] ? v->org : NULL, min, max, NULL,
				   &err);
		if (err.status == RP_EEXIST && c == NULL && offer_restore(a, v)) {
			break;
		} else if (err.status != RP_OK) {
			say(v, true, err.msg);
		} else {
			say(v, false, c ? _("client changed") : _("client added"));
			reload(a, v);
		}
		break;
	case ASK_ARCHIVE:
		if (c && (text[0] == 'y' || text[0] == 'Y')) {
			char said[CLIENT_NAME_MAX * 4 + 80];

			snprintf(said, sizeof said, _("%s archived: Tab lists the archived ones"), c->name);
			if (client_archive(a->st, a->clock, c->id, &err) != RP_OK)
				say(v, true, err.msg);
			else
				say(v, false, said);
			reload(a, v);
		}
		break;
	case ASK_RESTORE:
		if (text[0] == 'y' || text[0] == 'Y')
			restore(a, v, v->restore_id);
		else
			say(v, false, "");
		break;
	}
	free(text);
	return H_REDRAW;
}

/* The keys both lists share: Tab from one list to the other, review,
** search, Ctrl-C.  Returns the handler result, or -1 for the list's own. */
static int
shared_key(app *a, clients_view *v, const client *c, enum screen_act act)
{
	switch (act) {
	case SA_SECTION_NEXT:
	case SA_SECTION_PREV:
		v->archived = !v->archived;
		say(v, false, "");
		reload(a, v);
		return H_REDRAW;
	case SA_REVIEW:
		if (c == NULL)
			return H_HANDLED;
		a->client_id = c->id;
		a->screen = SCREEN_REVIEW;
		return H_SWITCH;
	case SA_SEARCH:
		a->search_first = true;
		a->screen = SCREEN_REVIEW;
		return H_SWITCH;
	case SA_QUIT:
		return H_QUIT;
	default:
		return -1;
	}
}

/* A key on the archived clients' list. */
static int
archived_key(app *a, clients_view *v, client *c, wint_t key, enum screen_act act)
{
	switch (act) {
	case SA_REOPEN:
		if (c != NULL)
			restore(a, v, c->id);
		return H_REDRAW;
	case SA_OPEN:
		if (c != NULL)
			say(v, false, _("an archived client: u restores it, r reviews its meetings"));
		return H_REDRAW;
	case SA_BACK:
		if (key == 27)  /* Esc: back to the active clients */
			return shared_key(a, v, c, SA_SECTION_NEXT);
		return H_QUIT;
	default:
		return H_HANDLED;
	}
}

/* The touchpoint dialog's keys (touch_ask.h); a touchpoint logged resets
** the client's cadence, so the list is loaded again at once. */
static int
touch_key(app *a, clients_view *v, wint_t key, bool function)
{
	bool logged = false;
	int rc = touch_ask_key(a, &v->touch, &v->q, key, function, &logged, v->msg, sizeof v->msg,
			       &v->msg_error);

	if (logged)
		reload(a, v);
	return rc;
}

static int
clients_key(app *a, void *state, wint_t key, bool function)
{
	clients_view *v = state;
	client *c = selected(v);
	enum screen_act act;
	int common, rc;

	if ((rc = touch_key(a, v, key, function)) != TOUCH_ASK_NOT_MINE)
		return rc;
	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: say(v, false, ""); return H_REDRAW;
	default: return common;
	}
	if (listview_key(&v->lv, key, function))
		return H_REDRAW;
	act = screen_act_of(key, function);
	if ((rc = shared_key(a, v, c, act)) >= 0)
		return rc;
	if (v->archived)
		return archived_key(a, v, c, key, act);
	switch (act) {
	case SA_OPEN:
		if (c == NULL)
			return H_HANDLED;
		a->client_id = c->id;
		a->screen = SCREEN_PREP;
		return H_SWITCH;
	case SA_NEW:
		v->editing = false;
		ask_start(&v->q, ASK_NAME, _("Name:"), "");
		return H_REDRAW;
	case SA_EDIT:
		if (c == NULL)
			return H_HANDLED;
		v->editing = true;
		ask_start(&v->q, ASK_NAME, _("Name:"), c->name);
		return H_REDRAW;
	case SA_DROP: {
		char question[CLIENT_NAME_MAX * 4 + 64];

		if (c == NULL)
			return H_HANDLED;
		v->editing = true;
		snprintf(question, sizeof question, _("Archive %s? y / n:"), c->name);
		ask_start(&v->q, ASK_ARCHIVE, question, "");
		return H_REDRAW;
	}
	case SA_MEET:
		if (c == NULL)
			return H_HANDLED;
		return meet_begin(a, c->id);  /* may ask first: meet.h */
	case SA_FOLLOWUPS:
		a->screen = SCREEN_FOLLOWUPS;
		return H_SWITCH;
	case SA_TOUCH:
		if (c != NULL)
			touch_ask_start(&v->touch, &v->q, c->id, c->name);
		return H_REDRAW;
	case SA_LANG:
		if (c != NULL)
			switch_lang(a, v, c);
		return H_REDRAW;
	case SA_BACK:
		if (key == 27)
			return H_HANDLED;  /* Esc on the home screen: nowhere to go back to */
		return H_QUIT;
	default:
		return H_HANDLED;
	}
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
