/* followups_screen.c: what I owe whom and what they owe me, across
** clients: every open follow-up, overdue first.
**
** A list view of the core's list (followup.h), reloaded after each
** change so the order is always the core's.  What is closed here can be
** opened again with u, newest first, while the screen is open.
*/
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/client.h"
#include "rapport/followup.h"
#include "rapport/i18n.h"
#include "rapport/person.h"
#include "rapport/note.h"
#include "listview.h"
#include "screen.h"
#include "width.h"

/* What the screen asks. */
enum { ASK_OWNER = 1, ASK_DUE };

enum { UNDO_MAX = 64 };

/* One follow-up closed here, for u. */
struct closed_one {
	int64_t id;
	char *text;              /* its words, to say what u opened; owned */
};

typedef struct followups_view {
	followup_list *l;
	listview lv;             /* one row per follow-up, in the list's order */
	ask q;
	int64_t asked_about;     /* the follow-up the question is about */
	struct closed_one closed[UNDO_MAX]; /* closed here, the latest last: u
	                            opens it again */
	size_t nclosed;
	char msg[400];
	bool msg_error;
	bool help;               /* the help is up */
	rp_date loaded_on;       /* the local day the list was loaded on */
	char day[11];            /* the same, "YYYY-MM-DD": what is overdue */
} followups_view;

/* The filter's name in the title, in the user's language. */
static const char *
side_name(int side)
{
	switch (side) {
	case FOLLOWUP_MINE: return C_("follow-ups: side", "mine");
	case FOLLOWUP_THEIRS: return C_("follow-ups: side", "theirs");
	default: return C_("follow-ups: side", "everyone's");
	}
}

static void
say(followups_view *v, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
say(followups_view *v, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
	v->msg_error = error;
}

static rp_date
today(const app *a)
{
	return date_local(rp_clock_now(a->clock));
}

static const followup *
selected(const followups_view *v)
{
	const listview_row *r = listview_selected(&v->lv);

	if (r == NULL || v->l == NULL || r->index < 0 || (size_t)r->index >= v->l->n)
		return NULL;
	return &v->l->items[r->index];
}

/* Load the list again.  The selection goes to follow-up keep when it is
** still listed, else stays at the same place (the row after one closed). */
static void
reload(app *a, followups_view *v, int64_t keep)
{
	followup_filter f = {.side = (enum followup_side)a->followups_side, .today = v->day};
	followup_list *l = NULL;
	rp_error err = {0};
	int at = v->lv.sel;

	v->loaded_on = today(a);
	date_format(v->loaded_on, v->day);
	if (followup_list_load(a->st, &f, &l, &err) != RP_OK) {
		say(v, true, "%s", err.msg);
		return;
	}
	followup_list_free(v->l);
	v->l = l;
	/* The rows are filled at the next draw, one per item, in order. */
	if (at >= (int)l->n)
		at = (int)l->n - 1;
	for (size_t i = 0; keep && i < l->n; i++)
		if (l->items[i].id == keep)
			at = (int)i;
	v->lv.sel = l->n ? (at < 0 ? 0 : at) : -1;
}

static void *
followups_open(app *a)
{
	followups_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	input_init(&v->q.in);
	listview_init(&v->lv);
	v->lv.sel = 0;
	reload(a, v, a->followups_keep);
	return v;
}

static void
followups_close(void *state)
{
	followups_view *v = state;

	input_done(&v->q.in);
	listview_done(&v->lv);
	followup_list_free(v->l);
	for (size_t i = 0; i < v->nclosed; i++)
		free(v->closed[i].text);
	free(v);
}

/* The help and the key bar (screen.c translates the NC_() texts). */
static const screen_keyhelp keys[] = {
	KEYS(NC_("key help", "open the meeting it came from (Review; Esc comes back)"),
	     NC_("key bar", "open"), SA_OPEN),
	KEYS(NC_("key help", "done"), NC_("key bar", "done"), SA_DONE),
	KEYS(NC_("key help", "dropped: no longer to do"), NC_("key bar", "drop"), SA_DROP),
	KEYS(NC_("key help", "open again the last one closed here (undo)"), NC_("key bar", "undo"),
	     SA_REOPEN),
	KEYS(NC_("key help", "the owner (@who; blank for nobody)"), NC_("key bar", "owner"),
	     SA_OWNER),
	KEYS(NC_("key help", "the due date: fri, eow, +3d, 2026-12-04; blank for none"),
	     NC_("key bar", "due"), SA_WHEN),
	KEYS(NC_("key help", "everyone's, mine, theirs"), NC_("key bar", "side"), SA_SECTION_NEXT,
	     SA_SECTION_PREV),
	KEYS(NC_("key help", "back to the clients"), NC_("key bar", "back"), SA_BACK),
	KEYS(NC_("key help", "quit"), NULL, SA_QUIT),
	KEYS_END,
};

/* Column widths for the terminal's width: what goes first on a narrow one
** is the side's word (a letter stays) and an overdue one's day, then the
** owner and the number, and the client shrinks; the text takes the rest.
** The number and the due date are as wide as the list needs. */
struct cols {
	int id, due, client, side, owner, text;
	bool compact;            /* the due column in words alone */
};

/* The due column of f, today being day (the list's): "overdue" and
** "today" in words, as the command line says them, since without colour
** bold alone would not tell them apart; a day of another year with its
** year ("2027-01-15"), else "Fri 27 Nov".  Compact: "overdue" without the
** day.  Returns buf or a constant. */
static const char *
due_label(const followup *f, const char *day, bool compact, char *buf, size_t size)
{
	rp_date d = {0, 0, 0};
	char when[DATE_SHORT_MAX];

	if (f->due == NULL)
		return _("no date");
	if (sscanf(f->due, "%4d-%2d-%2d", &d.year, &d.month, &d.day) != 3 ||
	    !date_valid(d.year, d.month, d.day))
		return DATE_INVALID_TEXT;
	if (strcmp(f->due, day) == 0)
		return C_("follow-up due", "today");
	if (strncmp(f->due, day, 4) != 0)
		snprintf(when, sizeof when, "%s", f->due);
	else
		date_format_short(d, when, sizeof when);
	if (f->overdue && compact)
		return C_("follow-up due", "overdue");
	/* "20 Nov overdue": the weekday of a day gone by says little. */
	if (f->overdue)
		/* TRANSLATORS: a follow-up's due day gone by: "20 Nov overdue". */
		snprintf(buf, size, _("%s overdue"),
			 strncmp(f->due, day, 4) == 0 && strchr(when, ' ') ? strchr(when, ' ') + 1
									   : when);
	else
		snprintf(buf, size, "%s", when);
	return buf;
}

static struct cols
layout(const followups_view *v)
{
	struct cols c = {.client = 18, .side = 7, .owner = 11};
	int64_t top = 0;
	int digits = width_str(_("ID"));
	char buf[64];

	if (COLS < 70)
		c = (struct cols){.client = 12, .side = 2, .owner = 9, .compact = true};
	if (COLS < 50)
		c = (struct cols){.client = 9, .side = 2, .compact = true};
	c.due = width_str(_("DUE")) + 1;
	for (size_t i = 0; v->l && i < v->l->n; i++) {
		const followup *f = &v->l->items[i];
		/* By width: a French label holds accents ("déc."). */
		int w = width_str(due_label(f, v->day, c.compact, buf, sizeof buf)) + 1;

		c.due = w > c.due ? w : c.due;
		top = f->id > top ? f->id : top;
	}
	/* As wide as the largest number, or as its heading. */
	for (int nd = 1; top >= 10; top /= 10)
		if (++nd > digits)
			digits = nd;
	if (COLS >= 50)
		c.id = digits + 1;
	c.text = COLS - 2 - c.id - c.due - c.client - c.side - c.owner;
	return c;
}

static unsigned
due_attr(const app *a, const followup *f, const char *day)
{
	if (f->overdue)
		return screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD;
	if (f->due && strcmp(f->due, day) == 0)
		return screen_pick(a, PAIR_WARN, A_BOLD) | A_BOLD;
	if (f->due == NULL)
		return screen_pick(a, PAIR_DIM, A_DIM);
	return A_NORMAL;
}

/* Mine or theirs: the word, or on a narrow terminal its letter (M, T),
** so that theirs is not told by colour alone. */
static void
side_cell(listview *lv, const app *a, const followup *f, int width)
{
	const char *word = f->theirs ? _("theirs") : _("mine");
	/* TRANSLATORS: the Follow-ups list's side on a narrow terminal, one
	** letter each: Mine, Theirs (French: M for moi, C for client). */
	const char *letter = f->theirs ? C_("follow-ups: side letter", "T")
				       : C_("follow-ups: side letter", "M");

	listview_cell(lv, f->theirs ? screen_pick(a, PAIR_FOCUS, A_NORMAL) : A_NORMAL,
		      width > 2 && width_str(word) < width ? word : letter, width);
}

static void
fill(const app *a, followups_view *v, struct cols c)
{
	listview_clear(&v->lv);
	for (size_t i = 0; v->l && i < v->l->n; i++) {
		const followup *f = &v->l->items[i];
		char due[32], id[24], owner[NOTE_OWNER_MAX + 2];
		listview_row *r;

		if ((r = listview_add(&v->lv, true, A_NORMAL, "%s", "")) == NULL)
			break;
		r->index = (int)i;
		r->id = f->id;
		snprintf(owner, sizeof owner, "%s%s", f->owner ? "@" : "", f->owner ? f->owner : "-");
		/* The number rapport done takes, right-aligned. */
		snprintf(id, sizeof id, "%*lld", c.id - 1, (long long)f->id);
		if (c.id)
			listview_cell(&v->lv, screen_pick(a, PAIR_DIM, A_NORMAL), id, c.id);
		listview_cell(&v->lv, due_attr(a, f, v->day),
			      due_label(f, v->day, c.compact, due, sizeof due), c.due);
		listview_cell(&v->lv, A_BOLD, f->client, c.client);
		side_cell(&v->lv, a, f, c.side);
		if (c.owner)
			listview_cell(&v->lv, A_NORMAL, owner, c.owner);
		listview_span(&v->lv, A_NORMAL, "%s", f->text);
	}
	if (v->l && v->l->more)
		listview_add(&v->lv, false, screen_pick(a, PAIR_DIM, A_DIM),
			     "%s", _("… and more: rapport followups --due WHEN lists by date"));
}

/* Where the selected follow-up came from, for the line above the keys. */
static void
origin(const followup *f, char *buf, size_t size)
{
	char when[DATE_SHORT_MAX] = "";

	if (f->meeting_id == 0) {
		snprintf(buf, size, _("follow-up %lld · %s · not from a meeting"), (long long)f->id,
			 f->client);
		return;
	}
	date_format_short(date_local(f->meeting_at), when, sizeof when);
	/* TRANSLATORS: the selected follow-up: its number, the meeting it came
	** from (its title, quoted), the client and the meeting's day. */
	snprintf(buf, size, _("follow-up %lld · from \"%s\" with %s, %s · Enter opens it"),
		 (long long)f->id, f->meeting_title, f->client, when);
}

static void
followups_draw(app *a, void *state)
{
	followups_view *v = state;
	const followup *f;
	struct cols c;
	char title[200], bar[300], from[CLIENT_NAME_MAX * 4 + 700];
	int x;

	if (v->help) {
		screen_help_keys(a, _("rapport · follow-ups · keys"), keys);
		return;
	}
	if (LINES < 6 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	snprintf(title, sizeof title, _("rapport · follow-ups, overdue first · %s (Tab: %s)"),
		 side_name(a->followups_side), side_name((a->followups_side + 1) % 3));
	screen_put(0, 1, COLS - 2, title, A_BOLD);
	c = layout(v);
	x = 1;
	if (c.id)
		screen_put(2, x, c.id - 1, _("ID"), A_UNDERLINE);
	screen_put(2, x += c.id, c.due - 1, _("DUE"), A_UNDERLINE);
	screen_put(2, x += c.due, c.client - 1, _("CLIENT"), A_UNDERLINE);
	screen_put(2, x += c.client, c.side - 1,
		   c.side > 2 && width_str(_("SIDE")) < c.side ? _("SIDE")
							       : C_("follow-ups: side heading", "S"),
		   A_UNDERLINE);
	if (c.owner)
		screen_put(2, x += c.side, c.owner - 1, _("OWNER"), A_UNDERLINE);
	else
		x += c.side;
	screen_put(2, x + c.owner, c.text > 1 ? c.text - 1 : 1, _("FOLLOW-UP"), A_UNDERLINE);
	fill(a, v, c);
	listview_draw(&v->lv, 3, 0, LINES - 5, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	/* After the list view, which clears its rectangle. */
	if (v->l && v->l->n == 0)
		screen_put(4, 1, COLS - 2,
			   a->followups_side == FOLLOWUP_EITHER
				   ? _("Nothing open: every follow-up is done or dropped.")
				   : _("Nothing open on this side: Tab shows the others."),
			   A_NORMAL);
	f = selected(v);
	if (v->msg[0] == '\0' && f)
		origin(f, from, sizeof from);
	screen_footer(a, v->msg[0] || f == NULL ? v->msg : from, v->msg_error,
		      screen_keybar(keys, bar, sizeof bar), &v->q);
}

/* Close follow-up id (its words text) done or dropped; the undo stack
** keeps it, the oldest going when it is full. */
static void
set_status(app *a, followups_view *v, int64_t id, const char *text, enum followup_status to)
{
	rp_error err = {0};
	char *copy;

	if (followup_set_status(a->st, a->clock, id, to, &err) != RP_OK) {
		say(v, true, "%s", err.msg);
		return;
	}
	if (v->nclosed == UNDO_MAX) {
		free(v->closed[0].text);
		memmove(v->closed, v->closed + 1, (UNDO_MAX - 1) * sizeof *v->closed);
		v->nclosed--;
	}
	copy = strdup(text);
	v->closed[v->nclosed++] = (struct closed_one){.id = id, .text = copy};
	if (to == FOLLOWUP_DONE)
		say(v, false, _("done: %s · u opens it again"), text);
	else
		say(v, false, _("dropped: %s · u opens it again"), text);
	reload(a, v, 0);
}

/* u: the latest follow-up closed here, open again, named. */
static void
undo(app *a, followups_view *v)
{
	struct closed_one last;
	rp_error err = {0};

	if (v->nclosed == 0) {
		say(v, false, "%s", _("nothing closed here to open again (Review's u opens any)"));
		return;
	}
	last = v->closed[--v->nclosed];
	if (followup_set_status(a->st, a->clock, last.id, FOLLOWUP_OPEN, &err) != RP_OK) {
		say(v, true, "%s", err.msg);  /* opened elsewhere meanwhile: nothing to undo */
	} else {
		reload(a, v, last.id);
		const char *text = last.text ? last.text : "";

		if (selected(v) && selected(v)->id == last.id)
			say(v, false, _("open again: %s"), text);
		else
			say(v, false, _("open again: %s (not on this side: Tab shows it)"), text);
	}
	free(last.text);
}

static int
answer(app *a, followups_view *v)
{
	char *text = ask_text(&v->q);
	rp_error err = {0};
	char due[11];

	if (text == NULL)
		return H_REDRAW;
	if (v->q.purpose == ASK_OWNER) {
		if (followup_set_owner(a->st, v->asked_about, text, &err) != RP_OK) {
			say(v, true, "%s", err.msg);
			ask_start(&v->q, ASK_OWNER, _("Owner (blank for nobody): @"), text);
		} else {
			const followup *f = NULL;
			person p;

			reload(a, v, v->asked_about);
			for (size_t i = 0; v->l && i < v->l->n; i++)
				if (v->l->items[i].id == v->asked_about)
					f = &v->l->items[i];
			/* Several of the client's people: linked to none, and said. */
			if (f && f->owner && !f->person_id &&
			    person_find(a->st, f->client_id, f->owner, &p, &err) == RP_EAMBIGUOUS)
				say(v, true, _("owner changed, linked to nobody: %s"), err.msg);
			else
				say(v, false, "%s", _("owner changed"));
		}
	} else if (v->q.purpose == ASK_DUE) {
		if (followup_set_due(a->st, v->asked_about, text, today(a), due, &err) != RP_OK) {
			say(v, true, "%s", err.msg);
			ask_start(&v->q, ASK_DUE, _("Due (fri, eow, +3d, 2026-12-04; blank for none):"),
				  text);
		} else {
			rp_date d = {0, 0, 0};
			char label[DATE_SHORT_MAX];

			if (due[0] && sscanf(due, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3)
				say(v, false, _("due %s"), date_format_short(d, label, sizeof label));
			else
				say(v, false, "%s", _("no due date"));
			reload(a, v, v->asked_about);
		}
	}
	free(text);
	return H_REDRAW;
}

static int
followups_key(app *a, void *state, wint_t key, bool function)
{
	followups_view *v = state;
	const followup *f = selected(v);
	enum screen_act act;
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: say(v, false, "%s", ""); return H_REDRAW;
	default: return common;
	}
	if (listview_key(&v->lv, key, function)) {
		say(v, false, "%s", "");
		return H_REDRAW;
	}
	switch (act = screen_act_of(key, function)) {
	case SA_DONE:
	case SA_DROP:
		if (f == NULL)
			return H_HANDLED;
		set_status(a, v, f->id, f->text, act == SA_DONE ? FOLLOWUP_DONE : FOLLOWUP_DROPPED);
		return H_REDRAW;
	case SA_REOPEN:
		undo(a, v);
		return H_REDRAW;
	case SA_OWNER:
		if (f == NULL)
			return H_HANDLED;
		v->asked_about = f->id;
		ask_start(&v->q, ASK_OWNER, _("Owner (blank for nobody): @"),
			  f->owner ? f->owner : "");
		say(v, false, "%s", "");
		return H_REDRAW;
	case SA_WHEN:
		if (f == NULL)
			return H_HANDLED;
		v->asked_about = f->id;
		ask_start(&v->q, ASK_DUE, _("Due (fri, eow, +3d, 2026-12-04; blank for none):"),
			  f->due && strcmp(f->due, DATE_INVALID_TEXT) != 0 ? f->due : "");
		say(v, false, "%s", "");
		return H_REDRAW;
	case SA_SECTION_NEXT:
	case SA_SECTION_PREV:
		a->followups_side = (a->followups_side + (act == SA_SECTION_NEXT ? 1 : 2)) % 3;
		say(v, false, "%s", "");
		reload(a, v, f ? f->id : 0);
		return H_REDRAW;
	case SA_OPEN:
		if (f == NULL)
			return H_HANDLED;
		if (f->meeting_id == 0) {
			say(v, false, "%s", _("not from a meeting: nothing to open"));
			return H_REDRAW;
		}
		/* Review shows it; its Esc brings this list back as it was. */
		a->followups_keep = f->id;
		a->review_meeting = f->meeting_id;
		a->client_id = f->client_id;
		a->screen = SCREEN_REVIEW;
		return H_SWITCH;
	case SA_BACK:
		a->followups_keep = 0;
		a->followups_side = FOLLOWUP_EITHER;
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	case SA_QUIT:
		return H_QUIT;
	default:
		return H_HANDLED;
	}
}

static void
followups_tick(app *a, void *state)
{
	followups_view *v = state;
	const followup *f = selected(v);

	rp_date now = today(a);
	bool new_day = now.year != v->loaded_on.year || now.month != v->loaded_on.month ||
		       now.day != v->loaded_on.day;

	/* What is overdue changes with the local date (at any minute of a UTC
	** hour in some zones); another window may close one: look again
	** then, but never under a question being answered. */
	if (!v->q.active && (new_day || store_changed(a->st)))
		reload(a, v, f ? f->id : 0);
}

const screen_ops followups_screen = {
	.name = "followups",
	.open = followups_open,
	.close = followups_close,
	.draw = followups_draw,
	.key = followups_key,
	.tick = followups_tick,
};
