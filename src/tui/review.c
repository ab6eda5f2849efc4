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
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "rapport/search.h"
#include "rapport/timeline.h"
#include "history_view.h"
#include "listview.h"
#include "screen.h"
#include "touch_ask.h"
#include "width.h"

enum mode { MODE_LIST, MODE_MEETING, MODE_SEARCH };

/* Rows: id is the meeting (list; the touchpoint when tagged ROW_TOUCH);
** the note, or the follow-up when tagged ROW_FOLLOWUP (meeting); the hit's
** index (search). */
enum { ROW_TEXT, ROW_FOLLOWUP, ROW_TOUCH };

typedef struct review_view {
	enum mode mode, back;        /* back: where Esc from a meeting returns */
	enum mode search_from;       /* where Esc from the results returns */
	int64_t from_meeting;        /* the meeting the search was started in */
	int64_t from_client;         /* the client whose list it was started on */
	listview lv;
	recap *r;                    /* the meeting read */
	search_result *found;
	timeline *tl;                /* the client's, of the list shown */
	char name[200];              /* that client's name */
	touch_ask touch;             /* e or x on a touchpoint of the list */
	char query[300];
	char title[400];
	ask q;
	char msg[300];
	bool msg_error;
	bool help;             /* the help is up */
	int cols;              /* the width a meeting's notes were wrapped to */
	bool to_followups;     /* opened on a follow-up's meeting: Esc goes back */
} review_view;

static void
say(review_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

static listview_row *
add(review_view *v, bool selectable, int64_t id, int tag, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static listview_row *
add(review_view *v, bool selectable, int64_t id, int tag, unsigned attr, const char *fmt, ...)
{
	char text[900];
	listview_row *r;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	r = listview_add(&v->lv, selectable, attr, "%s", text);
	if (r) {
		r->id = id;
		r->tag = tag;
	}
	return r;
}

/* A note, wrapped to the screen's width so it can be read whole: one
** selectable row standing for note id, and its continuations. */
static void
add_note(review_view *v, int64_t id, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
add_note(review_view *v, int64_t id, const char *fmt, ...)
{
	char text[NOTE_TEXT_MAX + 64];
	va_list ap;
	int at;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	/* The list view keeps a column each side; continuations line up
	** under the text, after "  10:02 + ". */
	at = listview_add_wrapped(&v->lv, true, A_NORMAL, 10, text, COLS - 2);
	if (at >= 0) {
		v->lv.rows[at].id = id;
		v->lv.rows[at].tag = ROW_TEXT;
	}
}

static void
clear_lines(review_view *v)
{
	listview_clear(&v->lv);
	v->lv.sel = -1;
	v->lv.top = 0;
}

/* Select the first selectable row. */
static void
select_first(review_view *v)
{
	listview_select(&v->lv, listview_selectable_from(&v->lv, 0, 1));
}

/* Add the snippet to the last row: its matched words (between the search
** marks) bold and underlined. */
static void
add_marked(review_view *v, unsigned attr, const char *snippet)
{
	char *copy = strdup(snippet), *p, *seg;
	bool on = false;

	if (copy == NULL)
		return;
	for (p = seg = copy;; p++) {
		listview_row *r = &v->lv.rows[v->lv.n - 1];

		if (r->nspans == LISTVIEW_SPANS - 1) {
			/* No more spans: the rest plain, marks taken out. */
			char *out = seg;

			for (char *q = seg; *q; q++)
				if (*q != SEARCH_MARK_ON && *q != SEARCH_MARK_OFF)
					*out++ = *q;
			*out = '\0';
			listview_span(&v->lv, attr, "%s", seg);
			break;
		}
		if (*p == SEARCH_MARK_ON || *p == SEARCH_MARK_OFF || *p == '\0') {
			char end = *p;

			*p = '\0';
			if (*seg)
				listview_span(&v->lv, attr | (on ? A_BOLD | A_UNDERLINE : 0), "%s", seg);
			if (end == '\0')
				break;
			on = end == SEARCH_MARK_ON;
			seg = p + 1;
		}
	}
	free(copy);
}

/* An agenda item's status as the user reads it. */
static const char *
item_status_label(enum agenda_status status)
{
	switch (status) {
	case AGENDA_PENDING: return C_("agenda item", "pending");
	case AGENDA_ACTIVE: return C_("agenda item", "active");
	case AGENDA_DONE: return C_("agenda item", "done");
	case AGENDA_SKIPPED: return C_("agenda item", "skipped");
	case AGENDA_PARKED: return C_("agenda item", "parked");
	}
	return "?";
}

/* label then blanks to cols columns (counted as columns: "annulé" is six,
** in seven bytes), into buf. */
static const char *
padded(const char *label, int cols, char *buf, size_t size)
{
	int pad = cols - width_str(label);

	snprintf(buf, size, "%s%*s", label, pad > 0 ? pad : 0, "");
	return buf;
}

static void timeline_rows(app *a, review_view *v, const char *name, size_t keep);

/* The client's history: at a glance, then meetings and touchpoints,
** newest first: a page of them, and as many more as were shown before
** (a resize, a touchpoint changed), so the selection stays where it was. */
static void
show_list(app *a, review_view *v)
{
	rp_error err = {0};
	size_t keep = v->tl && v->tl->client_id == a->client_id ? v->tl->n : 0;
	client c;

	clear_lines(v);
	v->mode = MODE_LIST;
	if (client_get(a->st, a->client_id, &c, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	snprintf(v->name, sizeof v->name, "%s", c.name);
	timeline_rows(a, v, c.name, keep);
	v->cols = COLS;
	select_first(v);
}

/* The rows of v->tl, and the title. */
static void
list_rows(app *a, review_view *v, const char *name)
{
	const timeline *t = v->tl;
	size_t meetings = 0;

	history_view_rows(a, &v->lv, a->client_id, ROW_TEXT);
	add(v, false, 0, ROW_TEXT, A_NORMAL, "%s", "");
	for (size_t i = 0; i < t->n; i++) {
		const timeline_entry *e = &t->entries[i];
		char day[32], what[64];

		date_format_local(e->at, true, day, sizeof day);
		padded(search_what_label(e->what), 9, what, sizeof what);
		if (e->touch) {
			add(v, true, e->id, ROW_TOUCH, A_NORMAL, "%s  %s  %s", day, what, e->text);
			continue;
		}
		meetings++;
		/* TRANSLATORS: the day, the meeting's state, its title, its notes. */
		add(v, true, e->id, ROW_TEXT, A_BOLD,
		    P_("%s  %s  %s  (%d note)", "%s  %s  %s  (%d notes)", e->notes), day, what,
		    e->text, e->notes);
	}
	if (t->n == 0)
		add(v, false, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM),
		    "%s", _("no meetings or touchpoints yet"));
	else if (t->more)
		add(v, false, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM),
		    "%s", _("older ones: / searches them"));
	{
		char m[64], tp[64];
		size_t touches = t->n - meetings;

		snprintf(m, sizeof m, P_("%zu meeting", "%zu meetings", meetings), meetings);
		snprintf(tp, sizeof tp, P_("%zu touchpoint", "%zu touchpoints", touches), touches);
		/* TRANSLATORS: the client, then "2 meetings" and "3 touchpoints". */
		snprintf(v->title, sizeof v->title,
			 t->more ? _("rapport · review · %s · %s, %s shown, newest first")
				 : _("rapport · review · %s · %s, %s, newest first"),
			 name, m, tp);
	}
}

/* The client's timeline (timeline.h): a page, then more until keep
** entries are loaded; kept in v->tl, which e and x on a touchpoint read. */
static void
timeline_rows(app *a, review_view *v, const char *name, size_t keep)
{
	rp_error err = {0};
	timeline *t = NULL;

	/* The first page a screenful, so the first frame reads what it
	** draws; the pages after it are TIMELINE_MAX (list_more). */
	size_t first = LINES > 20 ? (size_t)LINES : 20;

	timeline_free(v->tl);
	v->tl = NULL;
	if (first > TIMELINE_MAX)
		first = TIMELINE_MAX;
	if (timeline_load(a->st, a->client_id, first, &t, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	while (t->n < keep && t->more && timeline_load_more(a->st, t, TIMELINE_MAX, &err) == RP_OK)
		;
	v->tl = t;
	list_rows(a, v, name);
}

/* The selection within a screenful of the list's end, and older entries
** not read yet: the next page joins the list, the selection and the
** scroll kept.  Each page is read from where the last one stopped, so
** scrolling back through years costs the same at every page. */
static void
list_more(app *a, review_view *v)
{
	rp_error err = {0};
	int sel = v->lv.sel, top = v->lv.top;

	if (v->mode != MODE_LIST || v->tl == NULL || !v->tl->more ||
	    sel < v->lv.n - v->lv.height - 2)
		return;
	if (timeline_load_more(a->st, v->tl, TIMELINE_MAX, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	listview_clear(&v->lv);
	list_rows(a, v, v->name);
	v->lv.top = top;
	listview_select(&v->lv, sel);
}

static void meeting_rows(app *a, review_view *v, int64_t note_id);

/* One meeting in full; the line of note_id (if any) is selected. */
static void
show_meeting(app *a, review_view *v, int64_t meeting_id, int64_t note_id)
{
	rp_error err = {0};
	recap *r = NULL;

	if (recap_load(a->st, meeting_id, &r, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	recap_free(v->r);
	v->r = r;
	meeting_rows(a, v, note_id);
}

/* The rows of the meeting loaded in v->r, wrapped to the screen's width;
** the line of note_id (if any) is selected. */
static void
meeting_rows(app *a, review_view *v, int64_t note_id)
{
	const char *const statuses[] = {
		C_("review: follow-up", "open"), C_("review: follow-up", "done"),
		C_("review: follow-up", "dropped"),
	};
	const recap *r = v->r;
	const session *s = r->s;
	char day[32];

	clear_lines(v);
	v->mode = MODE_MEETING;
	v->cols = COLS;
	date_format_short(r->day, day, sizeof day);
	/* TRANSLATORS: the meeting's title, the client, the day. */
	snprintf(v->title, sizeof v->title, _("rapport · review · %s with %s · %s"), s->title,
		 s->client_name, day);
	add(v, false, 0, ROW_TEXT, A_BOLD | A_UNDERLINE, "%s", _("Agenda"));
	for (size_t i = 0; i < s->nitems; i++) {
		add(v, true, 0, ROW_TEXT, A_NORMAL, "  %zu. %s  (%s)", i + 1, s->items[i].title,
		    item_status_label(s->items[i].status));
		for (size_t w = 0; w < s->items[i].nwalk; w++)
			add(v, true, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM), "       %s: %s",
			    s->items[i].walk[w].member, s->items[i].walk[w].did);
	}
	if (s->nitems == 0)
		add(v, false, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM), "%s", _("  none"));
	add(v, false, 0, ROW_TEXT, A_BOLD | A_UNDERLINE, "%s", _("Notes"));
	for (size_t i = 0; i < s->nnotes; i++) {
		char prefix[2] = {note_kind_prefix(s->notes[i].kind), 0};

		date_format_local(s->notes[i].at, true, day, sizeof day);
		add_note(v, s->notes[i].id, "  %s %s %s", day + 11, prefix[0] ? prefix : " ",
			 s->notes[i].text);
		if (s->notes[i].id == note_id)
			listview_select(&v->lv, listview_selectable_from(&v->lv, v->lv.n - 1, -1));
	}
	if (s->nnotes == 0)
		add(v, false, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM), "%s", _("  none"));
	add(v, false, 0, ROW_TEXT, A_BOLD | A_UNDERLINE, "%s",
	    _("Follow-ups (d done · x dropped · u open again)"));
	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];

		char text[NOTE_TEXT_MAX + 400], owner[300] = "", due[100] = "", due_day[DATE_SHORT_MAX + 8];
		int at;

		if (f->owner)
			snprintf(owner, sizeof owner, " @%s", f->owner);
		if (f->due)
			snprintf(due, sizeof due, _(" due %s"),
				 screen_due(f->due, due_day, sizeof due_day));
		/* Wrapped: a long action still shows its owner and due date. */
		snprintf(text, sizeof text, "  [%s] %s%s%s", statuses[f->status], f->text, owner, due);
		at = listview_add_wrapped(&v->lv, true,
					  f->status == FOLLOWUP_OPEN ? A_NORMAL
								     : screen_pick(a, PAIR_DIM, A_DIM),
					  6, text, COLS - 2);
		if (at >= 0) {
			v->lv.rows[at].id = f->id;
			v->lv.rows[at].tag = ROW_FOLLOWUP;
		}
	}
	if (r->nfollowups == 0)
		add(v, false, 0, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM), "%s", _("  none"));
	if (v->lv.sel < 0)
		select_first(v);
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
	/* TRANSLATORS: the query, then how many hits (French quotes it
	** « ainsi »). */
	snprintf(v->title, sizeof v->title,
		 P_("rapport · search · \"%s\" · %zu hit, best first",
		    "rapport · search · \"%s\" · %zu hits, best first", found->nhits),
		 query, found->nhits);
	for (size_t i = 0; i < found->nhits; i++) {
		const search_hit *h = &found->hits[i];
		char day[32];

		date_format_local(h->at, false, day, sizeof day);
		if (add(v, true, (int64_t)i, ROW_TEXT, A_NORMAL, "%s  %s%s  %s  ", day, h->client,
			h->client_archived ? _(" (archived)") : "", search_what_label(h->what)) != NULL)
			add_marked(v, A_NORMAL, h->snippet);
	}
	if (found->nhits == 0)
		add(v, false, -1, ROW_TEXT, screen_pick(a, PAIR_DIM, A_DIM), "%s", _("no hits"));
	select_first(v);
	say(v, false, "");
}

static void *
review_open(app *a)
{
	review_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	input_init(&v->q.in);
	listview_init(&v->lv);
	if (a->search_first) {
		a->search_first = false;
		v->mode = v->back = v->search_from = MODE_SEARCH;
		snprintf(v->title, sizeof v->title, "%s", _("rapport · search"));
		ask_start_selected(&v->q, 1, _("Search:"), a->last_query);
	} else if (a->review_meeting) {
		v->back = MODE_LIST;
		v->to_followups = true;
		show_meeting(a, v, a->review_meeting, 0);
		a->review_meeting = 0;
		for (int i = 0; i < v->lv.n; i++)  /* on the follow-up it was opened for */
			if (v->lv.rows[i].tag == ROW_FOLLOWUP && v->lv.rows[i].id == a->followups_keep)
				listview_select(&v->lv, i);
		if (v->mode != MODE_MEETING)  /* gone meanwhile: the client's list */
			show_list(a, v);
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
	listview_done(&v->lv);
	recap_free(v->r);
	search_free(v->found);
	timeline_free(v->tl);
	free(v);
}

/* Marked for the catalogue; screen.c translates them as it shows them. */
static const screen_keyhelp keys[] = {
	KEYS(NC_("key help", "read the meeting, or open a search hit at its note"),
	     NC_("key bar", "read"), SA_OPEN),
	KEYS(NC_("key help", "a follow-up done, dropped, open again"), NULL, SA_DONE, SA_DROP,
	     SA_REOPEN),
	KEYS(NC_("key help", "a touchpoint: correct its text (\"call: ...\" its kind), remove it"),
	     NULL, SA_EDIT, SA_DROP),
	KEYS(NC_("key help", "search: words, \"a phrase\", OR, NOT, prefix*"),
	     NC_("key bar", "search"), SA_SEARCH),
	KEYS(NC_("key help", "back"), NC_("key bar", "back"), SA_BACK),
	KEYS(NC_("key help", "quit"), NULL, SA_QUIT),
	KEYS_END,
};

static void
review_draw(app *a, void *state)
{
	review_view *v = state;
	/* The key bar of each view, from the same key table as the help. */
	static const screen_keyhelp list_bar[] = {
		KEYS("", NC_("key bar", "read"), SA_OPEN),
		KEYS("", NC_("key bar", "correct"), SA_EDIT),
		KEYS("", NC_("key bar", "remove"), SA_DROP),
		KEYS("", NC_("key bar", "search"), SA_SEARCH),
		KEYS("", NC_("key bar", "back"), SA_BACK),
		KEYS_END,
	};
	static const screen_keyhelp meeting_bar[] = {
		KEYS("", NC_("key bar", "done"), SA_DONE),
		KEYS("", NC_("key bar", "dropped"), SA_DROP),
		KEYS("", NC_("key bar", "open again"), SA_REOPEN),
		KEYS("", NC_("key bar", "search"), SA_SEARCH),
		KEYS("", NC_("key bar", "back"), SA_BACK),
		KEYS_END,
	};
	static const screen_keyhelp search_bar[] = {
		KEYS("", NC_("key bar", "open the meeting at that note"), SA_OPEN),
		KEYS("", NC_("key bar", "search again"), SA_SEARCH),
		KEYS("", NC_("key bar", "back"), SA_BACK),
		KEYS_END,
	};
	static const screen_keyhelp *const bars[] = {
		[MODE_LIST] = list_bar, [MODE_MEETING] = meeting_bar, [MODE_SEARCH] = search_bar,
	};
	char bar[600];

	if (v->help) {
		screen_help_keys(a, _("rapport · review · keys"), keys);
		return;
	}
	if (v->mode == MODE_MEETING && v->r && v->cols != COLS) {
		/* Resized: the notes wrap again, the selected one kept. */
		const listview_row *sel = listview_selected(&v->lv);
		int tag = sel ? sel->tag : -1;
		int64_t id = sel ? sel->id : 0;

		meeting_rows(a, v, 0);
		for (int i = 0; id && i < v->lv.n; i++)
			if (v->lv.rows[i].tag == tag && v->lv.rows[i].id == id &&
			    v->lv.rows[i].selectable)
				listview_select(&v->lv, i);
	}
	if (v->mode == MODE_LIST && v->cols != COLS) {
		/* Resized: the history strip fits the width again (history_view.h). */
		const listview_row *sel = listview_selected(&v->lv);
		int tag = sel ? sel->tag : -1;
		int64_t id = sel ? sel->id : 0;

		show_list(a, v);
		for (int i = 0; id && i < v->lv.n; i++)
			if (v->lv.rows[i].tag == tag && v->lv.rows[i].id == id &&
			    v->lv.rows[i].selectable)
				listview_select(&v->lv, i);
	}
	if (LINES < 8 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	screen_put(0, 1, COLS - 2, v->title, A_BOLD);
	listview_draw(&v->lv, 2, 0, LINES - 4, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	screen_footer(a, v->msg, v->msg_error, screen_keybar(bars[v->mode], bar, sizeof bar),
		      &v->q);
}

/* e or x on a touchpoint of the list: its dialog (touch_ask.h). */
static int
touch_start(review_view *v, const listview_row *sel, enum screen_act act)
{
	const timeline_entry *e = NULL;
	int kind;

	if (v->mode != MODE_LIST || sel == NULL || sel->tag != ROW_TOUCH || v->tl == NULL)
		return H_HANDLED;
	for (size_t i = 0; e == NULL && i < v->tl->n; i++)
		if (v->tl->entries[i].touch && v->tl->entries[i].id == sel->id)
			e = &v->tl->entries[i];
	if (e == NULL)
		return H_HANDLED;
	kind = touch_kind_from_name(e->what);
	if (kind < 0)
		kind = TOUCH_OTHER;
	if (act == SA_DROP)
		touch_ask_remove(&v->touch, &v->q, e->id, (enum touch_kind)kind, e->text, v->name);
	else
		touch_ask_edit(&v->touch, &v->q, e->id, (enum touch_kind)kind, e->text, v->name);
	say(v, false, "");
	return H_REDRAW;
}

/* The dialog's keys; a touchpoint removed or corrected shows at once, in
** the list and in the history at a glance (its cadence), the selection
** kept where it was. */
static int
touch_key(app *a, review_view *v, wint_t key, bool function)
{
	bool changed = false;
	int rc = touch_ask_key(a, &v->touch, &v->q, key, function, &changed, v->msg,
			       sizeof v->msg, &v->msg_error);

	if (changed) {
		int at = v->lv.sel, top = v->lv.top;

		show_list(a, v);
		v->lv.top = top;
		if (at >= 0 && v->lv.n > 0)
			listview_select(&v->lv, listview_selectable_from(
							&v->lv, at < v->lv.n ? at : v->lv.n - 1, -1));
	}
	return rc;
}

static int
review_key(app *a, void *state, wint_t key, bool function)
{
	review_view *v = state;
	const listview_row *sel = listview_selected(&v->lv);
	rp_error err = {0};
	enum screen_act act;
	char *text;
	int common;

	if ((common = touch_key(a, v, key, function)) != TOUCH_ASK_NOT_MINE)
		return common;
	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN:
		break;
	case SCREEN_KEY_ANSWER:
		if ((text = ask_text(&v->q)) != NULL) {
			snprintf(a->last_query, sizeof a->last_query, "%s", text);
			show_search(a, v, text);
			free(text);
		}
		return H_REDRAW;
	case SCREEN_KEY_CANCEL:
		/* A search dropped before anything was shown: back home. */
		if (v->lv.n == 0) {
			a->screen = SCREEN_CLIENTS;
			return H_SWITCH;
		}
		return H_REDRAW;
	default:
		return common;
	}
	if (listview_key(&v->lv, key, function)) {
		list_more(a, v);
		return H_REDRAW;
	}
	act = screen_act_of(key, function);
	if (v->mode == MODE_LIST && (act == SA_EDIT || act == SA_DROP))
		return touch_start(v, sel, act);
	switch (act) {
	case SA_QUIT:
		return H_QUIT;
	case SA_SEARCH:
		/* Esc from the results comes back here. */
		if (v->mode != MODE_SEARCH) {
			v->search_from = v->mode;
			v->from_meeting = v->mode == MODE_MEETING ? v->r->s->meeting_id : 0;
			v->from_client = a->client_id;
		}
		ask_start_selected(&v->q, 1, _("Search:"), v->query[0] ? v->query : a->last_query);
		return H_REDRAW;
	case SA_BACK:
		if (v->mode == MODE_MEETING && v->to_followups) {
			a->screen = SCREEN_FOLLOWUPS;
			return H_SWITCH;
		}
		/* Back to the results the meeting (or client) was opened from. */
		if (v->mode != MODE_SEARCH && v->back == MODE_SEARCH && v->found) {
			v->back = v->search_from;
			show_search(a, v, v->query);
			if (v->mode == MODE_SEARCH)
				return H_REDRAW;
		}
		/* From the results, back to where the search was started. */
		if (v->mode == MODE_SEARCH && v->search_from == MODE_MEETING && v->from_meeting) {
			v->search_from = MODE_SEARCH;
			a->client_id = v->from_client;
			v->back = MODE_LIST;
			show_meeting(a, v, v->from_meeting, 0);
			return H_REDRAW;
		}
		if (v->mode == MODE_SEARCH && v->search_from == MODE_LIST) {
			v->search_from = MODE_SEARCH;
			a->client_id = v->from_client;
			show_list(a, v);
			return H_REDRAW;
		}
		if (v->mode == MODE_MEETING) {
			/* On the meeting just read, however far back it was. */
			int64_t meeting = v->r ? v->r->s->meeting_id : 0;

			show_list(a, v);
			for (int i = 0; meeting && i < v->lv.n; i++)
				if (v->lv.rows[i].tag == ROW_TEXT && v->lv.rows[i].id == meeting &&
				    v->lv.rows[i].selectable)
					listview_select(&v->lv, i);
			return H_REDRAW;
		}
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	case SA_OPEN:
		if (sel == NULL)
			return H_HANDLED;
		if (v->mode == MODE_LIST && sel->tag == ROW_TOUCH) {
			say(v, false, _("a touchpoint: e corrects it, x removes it"));
		} else if (v->mode == MODE_LIST && sel->id) {
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
	case SA_DONE:
	case SA_DROP:
	case SA_REOPEN:
		if (v->mode != MODE_MEETING || sel == NULL || sel->tag != ROW_FOLLOWUP)
			return H_HANDLED;
		if (record_followup_status(a->st, a->clock, sel->id,
					   act == SA_DONE   ? FOLLOWUP_DONE
					   : act == SA_DROP ? FOLLOWUP_DROPPED
							    : FOLLOWUP_OPEN,
					   &err) != RP_OK) {
			say(v, true, err.msg);
		} else {
			int at = v->lv.sel, top = v->lv.top;

			show_meeting(a, v, v->r->s->meeting_id, 0);
			v->lv.top = top;
			listview_select(&v->lv, at);
		}
		return H_REDRAW;
	default:
		return H_HANDLED;
	}
}

const screen_ops review_screen = {
	.name = "review",
	.open = review_open,
	.close = review_close,
	.draw = review_draw,
	.key = review_key,
};
