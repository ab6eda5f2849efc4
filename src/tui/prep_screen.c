/* prep_screen.c: what the PM reads five minutes before a call.
**
** One scrolling page of sections: personal facts, openers, open follow-ups,
** the next meeting's agenda (with walkthroughs and what is carried over),
** and prep notes.  The selected line's section decides what the keys do.
*/
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/opener.h"
#include "rapport/person.h"
#include "rapport/prep.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "rapport/text.h"
#include "layout.h"
#include "listview.h"
#include "meet.h"
#include "history_view.h"
#include "screen.h"
#include "touch_ask.h"
#include "width.h"

enum section { SEC_FACTS, SEC_OPENERS, SEC_FOLLOWUPS, SEC_QUESTIONS, SEC_CONCERNS, SEC_QUOTES,
	       SEC_AGENDA, SEC_NOTES, SEC_PEOPLE, SEC_COUNT };

/* Marked for the catalogue, translated where shown (title()). */
static const char *const section_titles[SEC_COUNT] = {
	N_("Personal"), N_("Openers"), N_("Open follow-ups"), N_("Open questions"),
	N_("Concerns last time"), N_("In their words"), N_("Next meeting"), N_("Prep notes"),
	N_("People"),
};

/* The key bar of each section (the help says it all): hints separated by
** LAYOUT_HINT_SEP, each a key and a word, so that a narrow bar drops whole
** hints. */
/* TRANSLATORS: Prep's key bar for a section: hints separated by " · ",
** each starting with its key (a, e, x, d, w...), which stays as it is. */
static const char *const section_keys[SEC_COUNT] = {
	N_("a add · e edit · x forget · d done · w until"),
	N_("d asked (mark as used)"),
	N_("d done · x dropped · u undo"),
	N_("d closed (answered) · u reopens"),
	N_("concerns raised last time"),
	N_("the client's own words"),
	N_("a add · A template · e edit · x remove · J/K move · t walkthrough"),
	N_("a add"),
	N_("a add · e edit · x remove"),
};

/* A section's title, in the user's language. */
static const char *
title(enum section sec)
{
	return _(section_titles[sec]);
}

/* A fact's kind as the user reads it: stored in English, shown in the
** user's language, and typed in either ("voyage: ski à Chamonix"). */
static const char *const kind_words[][2] = {
	{"family", N_("family")}, {"travel", N_("travel")}, {"hobby", N_("hobby")},
	{"sport", N_("sport")},   {"food", N_("food")},     {"work", N_("work")},
	{"other", N_("other")},
};

static const char *
kind_word(const char *kind)
{
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++)
		if (strcmp(kind, kind_words[i][0]) == 0)
			return _(kind_words[i][1]);
	return kind;
}

/* The kind named by word, its stored name or the user's word for it
** (trailing blanks left out: "voyage : ski"); -1 when it names none. */
static int
kind_of_word(char *word)
{
	int kind;

	text_trim(word);
	if ((kind = fact_kind_from_name(word)) >= 0)
		return kind;
	for (size_t i = 0; i < sizeof kind_words / sizeof kind_words[0]; i++)
		if (strcasecmp(word, _(kind_words[i][1])) == 0)
			return fact_kind_from_name(kind_words[i][0]);
	return -1;
}

enum { Q_FACT_ADD = 1, Q_FACT_EDIT, Q_ITEM_ADD, Q_ITEM_EDIT, Q_WALK, Q_TEMPLATE, Q_NOTE,
       Q_DELETE_FACT, Q_DELETE_ITEM, Q_DELETE_WALK, Q_PERSON_ADD, Q_PERSON_EDIT,
       Q_DELETE_PERSON, Q_FACT_UNTIL };

/* The next meeting's own questions, apart from the others' codes. */
enum { Q_MEETING_MOVE = 100, Q_MEETING_RETITLE, Q_MEETING_CANCEL };

/* The row index of the next meeting's date line, in the Next meeting
** section (items are 0.., fillers -1). */
#define ROW_MEETING_WHEN (-3)

typedef struct prep_view {
	prep *p;
	session *next;         /* the next planned meeting, or NULL */
	opener openers[OPENERS_MAX];
	size_t nopeners;
	person *people;        /* the client's, by name */
	size_t npeople;
	listview lv;           /* rows: tag the section, index into its list
	                          (-1 for a filler), sub the walkthrough entry */
	ask q;
	char msg[300];
	bool msg_error;
	bool help;             /* the help is up */
	int64_t closed_question; /* the question d closed last, for u; 0 */
	int64_t closed_followup; /* the follow-up d or x closed last, for u; 0 */
	int built_cols;        /* the width the lines were built for (the strip) */
	touch_ask touch;       /* l: logging a touchpoint */
} prep_view;

static void
say(prep_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

static bool reload(app *a, prep_view *v);

static void
add_line(const app *a, prep_view *v, enum section sec, int index, int walk, unsigned attr,
	 const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* A row of the page: a heading (A_UNDERLINE) is not selectable, the other
** rows are, fillers too, so keys act on an empty section.  A_DIM rows take
** the dim colour. */
static void
add_line(const app *a, prep_view *v, enum section sec, int index, int walk, unsigned attr,
	 const char *fmt, ...)
{
	char text[8200];  /* a note (4000 bytes) and what is said around it */
	bool head = attr & A_UNDERLINE;
	listview_row *r;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (attr == A_DIM)
		attr = screen_pick(a, PAIR_DIM, A_DIM);
	r = listview_add(&v->lv, !head, attr, "%s%s", head ? "" : "  ", text);
	if (r) {
		r->tag = (int)sec;
		r->index = index;
		r->sub = walk;
	}
}

/* What earlier meetings left open: questions not answered, last time's
** concerns, the client's words; each section only when it has some, so a
** new client's page stays short. */
static void
build_open(const app *a, prep_view *v)
{
	const prep *p = v->p;
	char day[DATE_SHORT_MAX + 8];

	if (p->nquestions)
		add_line(a, v, SEC_QUESTIONS, -1, -1, A_BOLD | A_UNDERLINE, "%s",
			 title(SEC_QUESTIONS));
	for (size_t i = 0; i < p->nquestions; i++)
		add_line(a, v, SEC_QUESTIONS, (int)i, -1, A_NORMAL, "? %s  (%s)", p->questions[i].text,
			 screen_day(date_local(p->questions[i].at), day, sizeof day));
	if (p->nconcerns)
		add_line(a, v, SEC_CONCERNS, -1, -1, A_BOLD | A_UNDERLINE, "%s",
			 title(SEC_CONCERNS));
	for (size_t i = 0; i < p->nconcerns; i++)
		add_line(a, v, SEC_CONCERNS, (int)i, -1, A_NORMAL, "%s", p->concerns[i].text);
	if (p->nquotes)
		add_line(a, v, SEC_QUOTES, -1, -1, A_BOLD | A_UNDERLINE, "%s",
			 title(SEC_QUOTES));
	/* TRANSLATORS: the client's own words and the day they said them; French
	** quotes with « » and narrow no-break spaces inside. */
	for (size_t i = 0; i < p->nquotes; i++)
		add_line(a, v, SEC_QUOTES, (int)i, -1, A_NORMAL, _("“%s”  (%s)"), p->quotes[i].text,
			 screen_day(date_local(p->quotes[i].at), day, sizeof day));
}

/* The next meeting's date, a line of its own that w, e and C act on. */
static void
add_when_line(const app *a, prep_view *v)
{
	char when[32];

	if (meeting_missed(v->next->planned_at, rp_clock_now(a->clock))) {
		char *past;

		/* "missed" says more than screen_when's "past". */
		screen_when(a, v->next->planned_at, when, sizeof when);
		if ((past = strstr(when, _(" · past"))) != NULL)
			*past = '\0';
		add_line(a, v, SEC_AGENDA, ROW_MEETING_WHEN, -1, A_BOLD,
			 _("%s · missed: w moves it, C cancels it"), when);
	}
	else if (v->next->planned_at)
		add_line(a, v, SEC_AGENDA, ROW_MEETING_WHEN, -1, A_BOLD, "%s",
			 screen_when(a, v->next->planned_at, when, sizeof when));
	else
		add_line(a, v, SEC_AGENDA, ROW_MEETING_WHEN, -1, A_DIM, "%s", _("no date yet: w sets one"));
}

/* ---- People, and facts that go stale ---------------------------------- */

static bool reload(app *a, prep_view *v);

/* Load the client's people into v (an error is said, the list left empty). */
static void
load_people(app *a, prep_view *v, int64_t client_id)
{
	rp_error err = {0};

	free(v->people);
	v->people = NULL;
	v->npeople = 0;
	if (person_list(a->st, client_id, &v->people, &v->npeople, &err) != RP_OK)
		say(v, true, err.msg);
}

/* The People section: who is who at the client. */
static void
build_people(const app *a, prep_view *v)
{
	add_line(a, v, SEC_PEOPLE, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_PEOPLE));
	for (size_t i = 0; i < v->npeople; i++) {
		const person *p = &v->people[i];

		add_line(a, v, SEC_PEOPLE, (int)i, -1, A_NORMAL, "%s%s%s%s%s%s%s", p->name,
			 p->role[0] ? " · " : "", p->role, p->email[0] ? " · " : "", p->email,
			 p->phone[0] ? " · " : "", p->phone);
	}
	if (v->npeople == 0)
		add_line(a, v, SEC_PEOPLE, -1, -1, A_DIM, "%s",
			 _("nobody yet: a adds one; an action's @owner can then name them"));
}

/* Split "NAME | ROLE | EMAIL | PHONE" in place into f ("" for those left
** out, which person_edit clears). */
static void
parse_person(char *text, person_fields *f)
{
	const char **field[] = {&f->name, &f->role, &f->email, &f->phone};
	char *p = text;

	for (size_t i = 0; i < sizeof field / sizeof field[0]; i++) {
		char *bar = p ? strchr(p, '|') : NULL;

		if (bar)
			*bar = '\0';
		*field[i] = p ? text_trim(p) : "";
		p = bar ? bar + 1 : NULL;
	}
}

/* The answers to People's questions and a fact's until date. */
static enum rp_status
people_answer(app *a, prep_view *v, int purpose, char *text, const listview_row *sel,
	      rp_error *err)
{
	person_fields f = {0};
	rp_date until = {0, 0, 0};

	switch (purpose) {
	case Q_PERSON_ADD:
	case Q_PERSON_EDIT:
		{
			size_t bars = 0;

			for (const char *c = text; *c; c++)
				bars += *c == '|';
			if (bars > 3)
				return rp_fail(err, RP_EINVAL,
					       _("four fields at most: NAME | ROLE | EMAIL | PHONE"));
		}
		parse_person(text, &f);
		if (purpose == Q_PERSON_ADD)
			return person_add(a->st, a->clock, a->client_id, &f, NULL, err);
		return person_edit(a->st, v->people[sel->index].id, &f, err);
	case Q_DELETE_PERSON:
		if (text[0] == 'y' || text[0] == 'Y')
			return person_remove(a->st, v->people[sel->index].id, err);
		return RP_OK;
	case Q_FACT_UNTIL:
		text_trim(text);
		if (*text && date_parse_due(text, date_local(rp_clock_now(a->clock)), &until, err) !=
			     RP_OK)
			return RP_EINVAL;
		return fact_set_until(a->st, v->p->facts[sel->index].id, until, err);
	default:
		return RP_OK;
	}
}

/* a, e, x on the People section. */
static void
people_key(prep_view *v, enum screen_act act, const listview_row *sel)
{
	char buf[4 * sizeof v->people[0].name];

	if (act == SA_ADD) {
		ask_start(&v->q, Q_PERSON_ADD, _("Person (NAME | ROLE | EMAIL | PHONE):"), "");
	} else if (act == SA_EDIT && sel->index >= 0) {
		const person *p = &v->people[sel->index];

		snprintf(buf, sizeof buf, "%s | %s | %s | %s", p->name, p->role, p->email, p->phone);
		ask_start(&v->q, Q_PERSON_EDIT, _("Person (NAME | ROLE | EMAIL | PHONE):"), buf);
	} else if (act == SA_DROP && sel->index >= 0) {
		snprintf(buf, sizeof buf, _("Remove %.200s? Their follow-ups and facts stay. y / n:"),
			 v->people[sel->index].name);
		ask_start(&v->q, Q_DELETE_PERSON, buf, "");
	}
}

/* d marks the selected fact done (or current again), w asks until when it
** is an opener. */
static void
fact_key(app *a, prep_view *v, enum screen_act act, const listview_row *sel)
{
	const prep_fact *f = &v->p->facts[sel->index];
	rp_error err = {0};
	char day[16];

	if (act == SA_DONE) {
		if (fact_set_done(a->st, a->clock, f->id, f->done_at == 0, &err) != RP_OK)
			say(v, true, err.msg);
		else
			say(v, false,
			    f->done_at ? _("fact current again") : _("fact done: no more an opener"));
		reload(a, v);
	} else if (act == SA_WHEN) {
		ask_start(&v->q, Q_FACT_UNTIL, _("An opener until (2027-01-31, eom; empty: for good):"),
			  f->until.year ? date_format(f->until, day) : "");
	}
}

/* Build the page's lines from what was loaded. */
static void
build(app *a, prep_view *v)
{
	const prep *p = v->p;
	char day[DATE_SHORT_MAX + 8], today_s[16], marks[PREP_MARKS_MAX];
	rp_date today = date_local(rp_clock_now(a->clock));

	date_format(today, today_s);
	listview_clear(&v->lv);
	v->built_cols = COLS;
	history_view_rows(a, &v->lv, a->client_id, SEC_FACTS);

	add_line(a, v, SEC_FACTS, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_FACTS));
	for (size_t i = 0; i < p->nfacts; i++) {
		const char *kind = kind_word(p->facts[i].kind);
		int pad = 7 - width_str(kind);
		char from[64];

		/* The kinds in a column: padded by width, a French word may hold
		** an accent. */
		screen_day(date_local(p->facts[i].learned_at), day, sizeof day);
		if (p->facts[i].meeting_id)
			/* TRANSLATORS: a fact, the day it was learned and the meeting. */
			snprintf(from, sizeof from, _("(%s, meeting %lld)"), day,
				 (long long)p->facts[i].meeting_id);
		else
			snprintf(from, sizeof from, "(%s)", day);
		add_line(a, v, SEC_FACTS, (int)i, -1, p->facts[i].stale ? A_DIM : A_NORMAL,
			 "%s%*s %s  %s%s", kind, pad > 0 ? pad : 0, "", p->facts[i].text, from,
			 prep_fact_marks(&p->facts[i], marks, sizeof marks));
	}
	if (p->nfacts == 0)
		add_line(a, v, SEC_FACTS, -1, -1, A_DIM, "%s",
			 _("nothing yet: a adds a fact (a trip, a sport...)"));
	if (p->partial)
		return;  /* the facts fill the first frame; the rest comes next */
	if (p->facts_older)
		add_line(a, v, SEC_FACTS, -1, -1, A_DIM, "%s",
			 _("… and older facts: Review's / search finds them"));

	add_line(a, v, SEC_OPENERS, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_OPENERS));
	if (v->nopeners == 0)
		add_line(a, v, SEC_OPENERS, -1, -1, A_DIM, "%s", C_("prep: no openers", "none"));
	/* The openers themselves are in the client's language (opener.c). */
	for (size_t i = 0; i < v->nopeners; i++) {
		const opener *o = &v->openers[i];

		if (o->last_used.year)
			add_line(a, v, SEC_OPENERS, (int)i, -1, A_NORMAL, _("%s  (used %s)"), o->text,
				 screen_day(o->last_used, day, sizeof day));
		else
			add_line(a, v, SEC_OPENERS, (int)i, -1, A_NORMAL, "%s", o->text);
	}

	add_line(a, v, SEC_FOLLOWUPS, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_FOLLOWUPS));
	for (size_t i = 0; i < p->nfollowups; i++) {
		const prep_followup *f = &p->followups[i];
		bool overdue = f->due && strcmp(f->due, DATE_INVALID_TEXT) != 0 &&
			       strcmp(f->due, today_s) < 0;
		char due[64] = "", due_day[DATE_SHORT_MAX + 8];

		if (f->due)
			snprintf(due, sizeof due, _(" · due %s"), screen_due(f->due, due_day, sizeof due_day));
		add_line(a, v, SEC_FOLLOWUPS, (int)i, -1,
			 overdue ? screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD : A_NORMAL,
			 "%s%s · %s%s%s%s", overdue ? _("overdue · ") : "", f->text,
			 f->theirs ? _("theirs") : _("yours"), f->owner ? " @" : "",
			 f->owner ? f->owner : "", due);
	}
	if (p->nfollowups == 0)
		add_line(a, v, SEC_FOLLOWUPS, -1, -1, A_DIM, "%s", _("none open"));
	if (p->followups_open > p->nfollowups)
		add_line(a, v, SEC_FOLLOWUPS, -1, -1, A_DIM,
			 P_("… and %zu more open: the Follow-ups screen lists them all",
			    "… and %zu more open: the Follow-ups screen lists them all",
			    p->followups_open - p->nfollowups),
			 p->followups_open - p->nfollowups);
	build_open(a, v);

	if (v->next) {
		const session *s = v->next;
		int total = 0;

		for (size_t i = 0; i < s->nitems; i++)
			total += s->items[i].timebox_minutes;
		/* TRANSLATORS: the next meeting's heading on Prep: its title, its
		** number and how long it is planned to last, in minutes ('). */
		add_line(a, v, SEC_AGENDA, -1, -1, A_BOLD | A_UNDERLINE,
			 _("Next meeting: %s (meeting %lld, %d')"), s->title, (long long)s->meeting_id,
			 s->planned_minutes ? s->planned_minutes : total);
		add_when_line(a, v);
		for (size_t i = 0; i < s->nitems; i++) {
			const session_item *it = &s->items[i];
			char box[16] = "", carried[160] = "";

			if (it->timebox_minutes)
				snprintf(box, sizeof box, " %d'", it->timebox_minutes);
			else if (it->timebox_invalid)
				snprintf(box, sizeof box, " ?");  /* stored, but not a timebox */
			if (it->carry_count >= 3)
				snprintf(carried, sizeof carried,
					 _("  (carried %d×: decide, do not carry again)"), it->carry_count);
			else if (it->carry_count)
				snprintf(carried, sizeof carried, _("  (carried %d×)"), it->carry_count);
			add_line(a, v, SEC_AGENDA, (int)i, -1,
				 it->carry_count >= 3 ? screen_pick(a, PAIR_WARN, A_BOLD) | A_BOLD
						      : A_NORMAL,
				 "%zu. %s%s%s", i + 1, it->title, box, carried);
			for (size_t w = 0; w < it->nwalk; w++) {
				const session_walk *wk = &it->walk[w];
				char mins[16] = "";

				if (wk->minutes >= 0)
					snprintf(mins, sizeof mins, " (%s)",
						 agenda_duration(wk->minutes, "'", (char[16]){0}, 16));
				char depends[300] = "", said[1200];

				if (wk->depends_on)
					snprintf(depends, sizeof depends, _(", depends on %s"),
						 wk->depends_on);
				/* TRANSLATORS: who, then what they did. */
				snprintf(said, sizeof said, _("%s: %s"), wk->member, wk->did);
				add_line(a, v, SEC_AGENDA, (int)i, (int)w, A_DIM, "     %s%s%s", said,
					 mins, depends);
			}
		}
		if (s->nitems == 0)
			add_line(a, v, SEC_AGENDA, -1, -1, A_DIM, "%s",
				 _("no items: a adds one, A uses a template"));
	} else {
		add_line(a, v, SEC_AGENDA, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_AGENDA));
		add_line(a, v, SEC_AGENDA, -1, -1, A_DIM, "%s",
			 _("none planned: a adds an item to a new one, A starts one from a template"));
		for (size_t i = 0; i < p->ncarry; i++) {
			char carry[600];

			snprintf(carry, sizeof carry, _("will carry: %s  (%d×)"), p->carry[i].title,
				 p->carry[i].carry_count);
			add_line(a, v, SEC_AGENDA, -1, -1, A_NORMAL, "   %s", carry);
		}
	}

	add_line(a, v, SEC_NOTES, -1, -1, A_BOLD | A_UNDERLINE, "%s", title(SEC_NOTES));
	for (size_t i = 0; i < p->nnotes; i++)
		add_line(a, v, SEC_NOTES, (int)i, -1, A_NORMAL, "%s", p->notes[i].text);
	if (p->nnotes == 0)
		add_line(a, v, SEC_NOTES, -1, -1, A_DIM, "%s",
			 _("a adds a note for yourself before the call"));
	build_people(a, v);
}


/* Select the row of section sec with that index and walk entry; failing
** that, the section's last item (or its filler).  index -2 means its last
** item. */
static void
select_line(prep_view *v, enum section sec, int index, int walk)
{
	int last = -1;

	for (int i = 0; i < v->lv.n; i++) {
		const listview_row *l = &v->lv.rows[i];

		if (l->tag != (int)sec || !l->selectable)
			continue;
		if (l->index == index && l->sub == walk && index != -2) {
			listview_select(&v->lv, i);
			return;
		}
		if (l->sub < 0 && (l->index >= 0 || last < 0))
			last = i;
	}
	if (last >= 0)
		listview_select(&v->lv, last);
}

/* Load the page (all of it when first_rows is 0, else what a first frame
** of that many rows shows: prep_load_first()) and rebuild it, keeping the
** selection on the same thing. */
static bool
load_page(app *a, prep_view *v, int first_rows)
{
	const listview_row *was = listview_selected(&v->lv);
	enum section sec = was ? (enum section)was->tag : SEC_FACTS;
	int index = was ? was->index : 0, walk = was ? was->sub : -1;
	bool any = was != NULL;
	rp_error err = {0};
	char today[16];
	prep *p = NULL;
	session *next = NULL;

	date_format(date_local(rp_clock_now(a->clock)), today);
	if ((first_rows ? prep_load_first(a->st, a->client_id, today, first_rows, &p, &err)
			: prep_load(a->st, a->client_id, today, &p, &err)) != RP_OK) {
		say(v, true, err.msg);
		snprintf(a->msg, sizeof a->msg, "%s", err.msg);
		return false;
	}
	if (p->next_meeting && session_load_agenda(a->st, p->next_meeting, &next, &err) != RP_OK) {
		prep_free(p);
		say(v, true, err.msg);
		return false;
	}
	/* A partial page shows its facts alone: what comes below them waits
	** for the rest of the page (complete()). */
	v->nopeners = p->partial ? 0 : prep_openers(p, v->openers, OPENERS_MAX);
	if (!p->partial)
		load_people(a, v, p->who.id);
	prep_free(v->p);
	session_free(v->next);
	v->p = p;
	v->next = next;
	build(a, v);
	if (any)
		select_line(v, sec, index, walk);
	else
		listview_select(&v->lv, listview_selectable_from(&v->lv, 0, 1));
	return true;
}

/* Load everything again and rebuild the page, keeping the selection. */
static bool
reload(app *a, prep_view *v)
{
	return load_page(a, v, 0);
}

/* The rest of a page opened partial (prep_open()), before anything acts on
** it: a key, or the tick after the first frame. */
static void
complete(app *a, prep_view *v)
{
	if (v->p->partial)
		reload(a, v);
}

static void *
prep_open(app *a)
{
	prep_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	input_init(&v->q.in);
	listview_init(&v->lv);
	/* The first frame shows the client's newest facts and little else: a
	** screenful of them is read, the rest once it is drawn (complete()). */
	if (!load_page(a, v, LINES > 0 ? LINES : 1)) {
		input_done(&v->q.in);
		listview_done(&v->lv);
		free(v);
		return NULL;
	}
	return v;
}

static void
prep_close(void *state)
{
	prep_view *v = state;

	input_done(&v->q.in);
	prep_free(v->p);
	session_free(v->next);
	free(v->people);
	listview_done(&v->lv);
	free(v);
}

/* The help, generated from this table (screen.c): NC_() texts translated
** where shown. */
static const screen_keyhelp keys[] = {
	KEYS(NC_("key help", "next / previous section"), NULL, SA_SECTION_NEXT, SA_SECTION_PREV),
	KEYS(NC_("key help", "meet now (asks first about a meeting planned for another day)"), NULL,
	     SA_MEET),
	KEYS(NC_("key help", "log a touchpoint (an email, a call, a message)"), NULL, SA_TOUCH),
	KEYS(NC_("key help", "switch the client's language, English or French: the openers follow"),
	     NULL, SA_LANG),
	KEYS(NC_("key help", "back to the clients (Ctrl-C quits)"), NULL, SA_BACK, SA_QUIT),
	KEYS_HEADING(N_("Personal")),
	KEYS(NC_("key help", "add ([kind:] text), edit, forget a fact"), NULL, SA_ADD, SA_EDIT,
	     SA_DROP),
	KEYS(NC_("key help", "done (again: current), until a date (empty: for good)"), NULL,
	     SA_DONE, SA_WHEN),
	KEYS_HEADING(N_("Openers")),
	KEYS(NC_("key help", "asked: mark the opener as used today"), NULL, SA_DONE),
	KEYS_HEADING(N_("Open follow-ups")),
	KEYS(NC_("key help", "done, dropped; u right after opens it again"), NULL, SA_DONE,
	     SA_DROP, SA_REOPEN),
	KEYS_HEADING(N_("Open questions")),
	KEYS(NC_("key help", "closed: answered since (a decision), or no longer asked"), NULL,
	     SA_DONE),
	KEYS(NC_("key help", "open again the question just closed"), NULL, SA_REOPEN),
	KEYS_HEADING(N_("Next meeting")),
	KEYS(NC_("key help", "add, edit (TITLE:MINUTES), remove an item or a walkthrough line"),
	     NULL, SA_ADD, SA_EDIT, SA_DROP),
	KEYS(NC_("key help", "move the item down, up"), NULL, SA_MOVE_DOWN, SA_MOVE_UP),
	KEYS(NC_("key help", "walkthrough: who did what (MEMBER|WHAT|MINUTES|DEPENDS ON)"), NULL,
	     SA_WALK),
	KEYS(NC_("key help", "add a template's items (kickoff, weekly, steering, retro)"), NULL,
	     SA_TEMPLATE),
	KEYS(NC_("key help", "move the meeting: a day and a time (fri 14:00, demain 9:30)"), NULL,
	     SA_WHEN),
	KEYS(NC_("key help", "retitle it (on its date line)"), NULL, SA_EDIT),
	KEYS(NC_("key help", "cancel it, after asking (its agenda waits for the next one)"), NULL,
	     SA_CANCEL),
	KEYS_HEADING(N_("Prep notes")),
	KEYS(NC_("key help", "add a note for yourself"), NULL, SA_ADD),
	KEYS_HEADING(N_("People")),
	KEYS(NC_("key help", "add, edit (NAME | ROLE | EMAIL | PHONE), remove a person"), NULL,
	     SA_ADD, SA_EDIT, SA_DROP),
	KEYS_END,
};

/* The keys of the selected line's section, translated; the date line has
** its own. */
static const char *
section_bar(const listview_row *sel)
{
	if (sel == NULL)
		return "";
	if (sel->tag == SEC_AGENDA && sel->index == ROW_MEETING_WHEN)
		return _("w move · e retitle · C cancel · a add an item");
	return _(section_keys[sel->tag]);
}

static void
prep_draw(app *a, void *state)
{
	prep_view *v = state;
	const client *c;
	char head[900], part[300], last[300], status[64];
	cadence where;
	const listview_row *sel;

	if (v->help) {
		screen_help_keys(a, _("rapport · prep · keys"), keys);
		return;
	}
	/* Resized: the history strip fits the width again, and a partial page
	** that the screen now shows past its facts is read whole. */
	if ((v->built_cols != COLS || (v->p->partial && LINES > (int)v->p->nfacts)) &&
	    !v->q.active)
		reload(a, v);
	c = &v->p->who;
	if (LINES < 8 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	if (c->last_contact) {
		char day[DATE_SHORT_MAX + 8];

		snprintf(last, sizeof last, _("last contact %s"),
			 screen_day(date_local(c->last_contact), day, sizeof day));
	} else {
		snprintf(last, sizeof last, "%s", _("last contact never"));
	}
	where = cadence_compute(c->last_contact != 0, date_local(c->last_contact),
				date_local(rp_clock_now(a->clock)), c->cadence_min, c->cadence_max);
	/* Where the cadence stands first after the name: on a narrow screen
	** the details are what is cut, never the status. */
	snprintf(part, sizeof part, P_("every %d-%d day", "every %d-%d days", c->cadence_max),
		 c->cadence_min, c->cadence_max);
	/* TRANSLATORS: Prep's title: the client, where its cadence stands, the
	** last contact, the cadence and the organisation (when there is one). */
	snprintf(head, sizeof head, _("rapport · prep · %s · %s · %s · %s%s%s"), c->name,
		 cadence_describe(where, status, sizeof status), last, part, c->org[0] ? " · " : "",
		 c->org);
	screen_put(0, 1, COLS - 2, head, A_BOLD);
	listview_draw(&v->lv, 2, 0, LINES - 4, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	sel = listview_selected(&v->lv);
	/* Hints, each whole: a narrow screen drops them from the end, the way
	** back and the help last (screen_keys_fit()). */
	if (sel)
		snprintf(part, sizeof part, _("%s: %s"), title((enum section)sel->tag), section_bar(sel));
	else
		part[0] = '\0';
	snprintf(head, sizeof head, "%s%s%s" LAYOUT_HINT_SEP "%s" LAYOUT_HINT_SEP "%s" LAYOUT_HINT_SEP
		 "%s %s" LAYOUT_HINT_SEP "%s",
		 part, part[0] ? LAYOUT_HINT_SEP : "", _("Tab section"), _("m meet now"),
		 _("L language"), _("Esc"), C_("key bar", "back"), screen_help_hint());
	screen_footer(a, v->msg, v->msg_error, head, &v->q);
}

/* The next meeting, planned now (with what is carried over) if there is
** none; 0 after saying why. */
static int64_t
next_meeting(app *a, prep_view *v)
{
	meeting_plan_args args = {.client_id = a->client_id};
	rp_error err = {0};
	int64_t id = 0;

	if (v->next)
		return v->next->meeting_id;
	if (meeting_plan(a->st, a->clock, &args, &id, &err) != RP_OK) {
		say(v, true, err.msg);
		return 0;
	}
	return id;
}

/* Answer a question about the next meeting itself (moving, retitling,
** cancelling it); frees text. */
static int
answer_meeting(app *a, prep_view *v, int purpose, char *text)
{
	int64_t id = v->next ? v->next->meeting_id : 0, at = 0, into = 0;
	rp_error err = {0};
	char said[300], when[32];
	enum rp_status s = RP_OK;

	said[0] = '\0';
	if (id == 0) {
		free(text);
		return H_REDRAW;
	}
	switch (purpose) {
	case Q_MEETING_MOVE:
		/* The words of rapport plan --at, from today. */
		s = date_parse_when_from(text, rp_clock_now(a->clock), &at, &err);
		if (s == RP_OK)
			s = meeting_reschedule(a->st, id, at, &err);
		if (s == RP_OK)
			snprintf(said, sizeof said, _("moved to %s"),
				 screen_when(a, at, when, sizeof when));
		else if (err.status == RP_EINVAL)
			ask_start(&v->q, Q_MEETING_MOVE, _("Move to (fri 14:00, 2026-12-16 9:30):"), text);
		break;
	case Q_MEETING_RETITLE:
		if ((s = meeting_retitle(a->st, id, text, &err)) == RP_OK)
			snprintf(said, sizeof said, "%s", _("retitled"));
		else
			ask_start(&v->q, Q_MEETING_RETITLE, v->q.question, text);
		break;
	case Q_MEETING_CANCEL:
		if (text[0] != 'y' && text[0] != 'Y')  /* ask_key() makes o (oui) a y */
			break;
		if ((s = meeting_cancel(a->st, a->clock, id, &into, &err)) != RP_OK)
			break;
		if (into)
			snprintf(said, sizeof said, _("cancelled: its agenda waits in meeting %lld"),
				 (long long)into);
		else
			snprintf(said, sizeof said, "%s",
				 _("cancelled: its agenda waits for the next meeting"));
		break;
	}
	free(text);
	if (s != RP_OK) {
		say(v, true, err.msg);
		return H_REDRAW;
	}
	reload(a, v);
	select_line(v, SEC_AGENDA, ROW_MEETING_WHEN, -1);
	say(v, false, said);
	return H_REDRAW;
}

/* w, C anywhere in the Next meeting section, e on its date line: the
** meeting itself.  Returns the handler result, or -1 for the section's
** other keys. */
static int
meeting_key(prep_view *v, const listview_row *sel, enum screen_act act)
{
	char question[200], when[32] = "", day[DATE_SHORT_MAX + 8];

	if (act != SA_WHEN && act != SA_CANCEL &&
	    (act != SA_EDIT || sel->index != ROW_MEETING_WHEN))
		return -1;
	if (v->next == NULL) {
		say(v, false, _("no meeting planned: a adds an item to a new one"));
		return H_REDRAW;
	}
	if (v->next->planned_at)
		date_format_local(v->next->planned_at, true, when, sizeof when);
	if (act == SA_WHEN) {
		ask_start_selected(&v->q, Q_MEETING_MOVE, _("Move to (fri 14:00, 2026-12-16 9:30):"),
				   when);
	} else if (act == SA_EDIT) {
		ask_start(&v->q, Q_MEETING_RETITLE, _("Meeting title:"), v->next->title);
	} else {
		/* Short: the title is on the heading just above. */
		if (when[0])
			snprintf(question, sizeof question, _("Cancel this meeting (%s)? y / n:"),
				 date_format_local_short(v->next->planned_at, day, sizeof day));
		else
			snprintf(question, sizeof question, "%s", _("Cancel this meeting? y / n:"));
		ask_start(&v->q, Q_MEETING_CANCEL, question, "");
	}
	return H_REDRAW;
}

static int
answer(app *a, prep_view *v)
{
	const listview_row *sel = listview_selected(&v->lv);
	char *text = ask_text(&v->q), *colon, *typed = NULL;
	rp_error err = {0};
	agenda_spec spec;
	walk_spec walk;
	int64_t meeting, item;
	int kind;
	enum rp_status s = RP_OK;

	int purpose = v->q.purpose;

	/* What was said before is no longer news; next_meeting() may say
	** something new. */
	say(v, false, "");
	if (text == NULL)
		return H_REDRAW;
	if (purpose >= Q_MEETING_MOVE)
		return answer_meeting(a, v, purpose, text);
	/* As typed, for asking again: some answers are cut up in place. */
	typed = strdup(text);
	switch (purpose) {
	case Q_FACT_ADD:
	case Q_FACT_EDIT:
		/* "sport: runs marathons" names the kind; otherwise it is guessed. */
		kind = -1;
		if ((colon = strchr(text, ':')) != NULL) {
			char *word = strndup(text, (size_t)(colon - text));

			/* In either language, as the user reads the kinds. */
			kind = word ? kind_of_word(word) : -1;
			free(word);
		}
		{
			const char *body = kind >= 0 ? colon + 1 : text;

			while (*body == ' ')
				body++;
			if (kind < 0)
				kind = fact_kind_guess(body);
			if (purpose == Q_FACT_ADD)
				s = fact_add(a->st, a->clock, a->client_id, (enum fact_kind)kind, body, 0,
					     0, NULL, &err);
			else
				s = fact_edit(a->st, v->p->facts[sel->index].id, (enum fact_kind)kind,
					      body, &err);
		}
		break;
	case Q_ITEM_ADD:
		if ((s = agenda_parse_spec(text, &spec, &err)) == RP_OK &&
		    (meeting = next_meeting(a, v)) != 0)
			s = agenda_add_item(a->st, meeting, &spec, NULL, &err);
		break;
	case Q_ITEM_EDIT:
		if ((s = agenda_parse_spec(text, &spec, &err)) == RP_OK)
			s = agenda_edit_item(a->st, v->next->items[sel->index].id, &spec, &err);
		break;
	case Q_WALK:
		if ((s = agenda_parse_walk(text, &walk, &err)) == RP_OK)
			s = agenda_add_walkthrough(a->st, v->next->items[sel->index].id, walk.member,
						   walk.did, walk.minutes,
						   walk.depends_on[0] ? walk.depends_on : NULL, NULL,
						   &err);
		break;
	case Q_TEMPLATE: {
		agenda_spec items[AGENDA_ITEMS_MAX];
		size_t n = agenda_template_in(v->p->who.lang, text, items, AGENDA_ITEMS_MAX, NULL);

		if (n == 0) {
			s = rp_fail(&err, RP_EINVAL, "%s", _("templates: kickoff, weekly, steering, retro"));
			break;
		}
		if ((meeting = next_meeting(a, v)) == 0)
			break;
		for (size_t i = 0; i < n && s == RP_OK; i++)
			s = agenda_add_item(a->st, meeting, &items[i], &item, &err);
		break;
	}
	case Q_NOTE:
		if ((meeting = next_meeting(a, v)) != 0)
			s = record_prep_note(a->st, a->clock, meeting, text, NULL, &err);
		break;
	case Q_DELETE_FACT:
		if (text[0] == 'y' || text[0] == 'Y')
			s = fact_delete(a->st, v->p->facts[sel->index].id, &err);
		break;
	case Q_DELETE_ITEM:
		if (text[0] == 'y' || text[0] == 'Y')
			s = agenda_remove_item(a->st, v->next->items[sel->index].id, &err);
		break;
	case Q_DELETE_WALK:
		if (text[0] == 'y' || text[0] == 'Y')
			s = agenda_remove_walkthrough(a->st, v->next->items[sel->index].id, sel->sub,
						      &err);
		break;
	default:
		s = people_answer(a, v, purpose, text, sel, &err);
		break;
	}
	if (s != RP_OK) {
		/* Refused: asked again with the text kept, to be fixed; what is
		** typed next must not be taken for the screen's keys. */
		if (!v->q.yes_no)
			ask_start(&v->q, purpose, v->q.question, typed ? typed : text);
		free(text);
		free(typed);
		say(v, true, err.msg);
		return H_REDRAW;
	}
	free(text);
	free(typed);
	if (v->msg_error && v->msg[0])
		return H_REDRAW;  /* next_meeting() said why */
	say(v, false, "");
	reload(a, v);
	if (purpose == Q_ITEM_ADD || purpose == Q_TEMPLATE)
		select_line(v, SEC_AGENDA, -2, -1);
	return H_REDRAW;
}

/* Move the selection to the next (step 1) or previous section's first row. */
static void
jump_section(prep_view *v, int step)
{
	const listview_row *sel = listview_selected(&v->lv);
	int at = sel ? sel->tag : SEC_FACTS;

	/* A section shown only when it has something (last time's concerns)
	** may be missing: on to the one after. */
	for (int k = 1; k < SEC_COUNT; k++) {
		int want = (at + SEC_COUNT + k * step) % SEC_COUNT;

		for (int i = 0; i < v->lv.n; i++)
			if (v->lv.rows[i].tag == want && v->lv.rows[i].selectable) {
				listview_select(&v->lv, i);
				return;
			}
	}
}

/* d closes the selected open question (a later decision answered it);
** u opens the last one closed again. */
static void
question_key(app *a, prep_view *v, const listview_row *sel, enum screen_act act)
{
	rp_error err = {0};
	int64_t id;

	if (act == SA_DONE && sel->index >= 0) {
		id = v->p->questions[sel->index].id;
		if (prep_question_close(a->st, a->clock, id, &err) != RP_OK) {
			say(v, true, err.msg);
		} else {
			v->closed_question = id;
			say(v, false, _("question closed · u reopens it"));
		}
		reload(a, v);
	} else if (act == SA_REOPEN && v->closed_question) {
		id = v->closed_question;
		v->closed_question = 0;
		if (prep_question_reopen(a->st, id, &err) != RP_OK)
			say(v, true, err.msg);
		else
			say(v, false, _("question open again"));
		reload(a, v);
		/* The selection goes back to it. */
		for (size_t i = 0; i < v->p->nquestions; i++)
			if (v->p->questions[i].id == id)
				select_line(v, SEC_QUESTIONS, (int)i, -1);
	}
}

/* The touchpoint dialog's keys (touch_ask.h); once one is logged the page
** is loaded again, the cadence in its heading and the history with it. */
static int
touch_key(app *a, prep_view *v, wint_t key, bool function)
{
	bool logged = false;
	int rc = touch_ask_key(a, &v->touch, &v->q, key, function, &logged, v->msg, sizeof v->msg,
			       &v->msg_error);

	if (logged)
		reload(a, v);
	return rc;
}

/* u right after d or x on a follow-up: open again, and selected. */
static void
followup_reopen(app *a, prep_view *v)
{
	int64_t id = v->closed_followup;
	rp_error err = {0};

	v->closed_followup = 0;
	if (record_followup_status(a->st, a->clock, id, FOLLOWUP_OPEN, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	reload(a, v);
	for (size_t i = 0; i < v->p->nfollowups; i++)
		if (v->p->followups[i].id == id) {
			char said[300];

			snprintf(said, sizeof said, _("open again: %s"), v->p->followups[i].text);
			say(v, false, said);
			select_line(v, SEC_FOLLOWUPS, (int)i, -1);
		}
}

/* L: the client's language, English <-> French.  The page is loaded again,
** so the openers speak the new one; the chrome stays in the user's. */
static void
prep_switch_lang(app *a, prep_view *v)
{
	const client *c = &v->p->who;
	enum rp_lang lang = c->lang == RP_LANG_FR ? RP_LANG_EN : RP_LANG_FR;
	char said[CLIENT_NAME_MAX * 4 + 100], name[CLIENT_NAME_MAX * 4 + 1];
	rp_error err = {0};

	if (client_set_lang(a->st, c->id, lang, &err) != RP_OK) {
		say(v, true, err.msg);
		return;
	}
	snprintf(name, sizeof name, "%s", c->name);  /* reload() frees c */
	reload(a, v);
	/* A sentence for each language: the translator words each whole. */
	snprintf(said, sizeof said,
		 lang == RP_LANG_FR ? _("%s's language: French") : _("%s's language: English"), name);
	say(v, false, said);
}

static int
prep_key(app *a, void *state, wint_t key, bool function)
{
	prep_view *v = state;
	const listview_row *sel;
	bool item;
	rp_error err = {0};
	char buf[900];
	enum screen_act act;
	int common;

	complete(a, v);
	sel = listview_selected(&v->lv);
	item = sel && sel->tag == SEC_AGENDA && sel->index >= 0 && v->next;
	if ((common = touch_key(a, v, key, function)) != TOUCH_ASK_NOT_MINE)
		return common;
	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: say(v, false, ""); return H_REDRAW;
	default: return common;
	}
	if (listview_key(&v->lv, key, function))
		return H_REDRAW;
	switch (act = screen_act_of(key, function)) {
	case SA_QUIT:
		return H_QUIT;
	case SA_BACK:
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	case SA_SECTION_NEXT:
	case SA_SECTION_PREV:
		jump_section(v, act == SA_SECTION_NEXT ? 1 : -1);
		return H_REDRAW;
	case SA_MEET:
		return meet_begin(a, a->client_id);  /* may ask first: meet.h */
	case SA_TOUCH:
		touch_ask_start(&v->touch, &v->q, a->client_id, v->p->who.name);
		return H_REDRAW;
	case SA_LANG:
		prep_switch_lang(a, v);
		return H_REDRAW;
	default:
		break;
	}
	if (sel == NULL)
		return H_HANDLED;
	/* u right after d: the question closed comes back, even when closing
	** the last one took its section away. */
	if (act == SA_REOPEN && v->closed_question) {
		question_key(a, v, sel, act);
		return H_REDRAW;
	}
	if (act != SA_NONE && sel->tag != SEC_QUESTIONS)
		v->closed_question = 0;
	/* And the follow-up closed by mistake, open again. */
	if (act == SA_REOPEN && v->closed_followup) {
		followup_reopen(a, v);
		return H_REDRAW;
	}
	if (act != SA_NONE)
		v->closed_followup = 0;
	if (sel->tag == SEC_AGENDA && (common = meeting_key(v, sel, act)) >= 0)
		return common;
	switch (sel->tag) {
	case SEC_FACTS:
		if (act == SA_ADD)
			ask_start(&v->q, Q_FACT_ADD, _("Fact ([kind:] text):"), "");
		else if (act == SA_EDIT && sel->index >= 0) {
			snprintf(buf, sizeof buf, "%s: %s", kind_word(v->p->facts[sel->index].kind),
				 v->p->facts[sel->index].text);
			ask_start(&v->q, Q_FACT_EDIT, _("Fact ([kind:] text):"), buf);
		} else if (act == SA_DROP && sel->index >= 0)
			ask_start(&v->q, Q_DELETE_FACT, _("Forget this fact? y / n:"), "");
		else if (sel->index >= 0)
			fact_key(a, v, act, sel);
		break;
	case SEC_PEOPLE:
		people_key(v, act, sel);
		break;
	case SEC_OPENERS:
		if (act == SA_DONE && sel->index >= 0) {
			const opener *o = &v->openers[sel->index];

			if (record_opener(a->st, a->clock, a->client_id, o->key, o->text, 0, &err) !=
			    RP_OK)
				say(v, true, err.msg);
			else
				say(v, false, _("opener marked as used today"));
			reload(a, v);
		}
		break;
	case SEC_FOLLOWUPS:
		if ((act == SA_DONE || act == SA_DROP) && sel->index >= 0) {
			const prep_followup *f = &v->p->followups[sel->index];
			char said[300];

			if (record_followup_status(a->st, a->clock, f->id,
						   act == SA_DONE ? FOLLOWUP_DONE : FOLLOWUP_DROPPED,
						   &err) != RP_OK) {
				say(v, true, err.msg);
			} else {
				snprintf(said, sizeof said,
					 act == SA_DONE ? _("done: %s · u opens it again")
							: _("dropped: %s · u opens it again"),
					 f->text);
				say(v, false, said);
				v->closed_followup = f->id;
			}
			reload(a, v);
		}
		break;
	case SEC_QUESTIONS:
		question_key(a, v, sel, act);
		break;
	case SEC_AGENDA:
		if (act == SA_ADD)
			ask_start(&v->q, Q_ITEM_ADD, _("Agenda item (TITLE:MINUTES):"), "");
		else if (act == SA_TEMPLATE)
			ask_start(&v->q, Q_TEMPLATE, _("Template (kickoff, weekly, steering, retro):"), "");
		else if (item && act == SA_EDIT) {
			const session_item *it = &v->next->items[sel->index];

			if (it->timebox_minutes)
				snprintf(buf, sizeof buf, "%s:%d", it->title, it->timebox_minutes);
			else
				snprintf(buf, sizeof buf, "%s", it->title);
			ask_start(&v->q, Q_ITEM_EDIT, _("Agenda item (TITLE:MINUTES):"), buf);
		} else if (item && act == SA_DROP && sel->sub >= 0)
			ask_start(&v->q, Q_DELETE_WALK, _("Remove this walkthrough entry? y / n:"), "");
		else if (item && act == SA_DROP)
			ask_start(&v->q, Q_DELETE_ITEM, _("Remove this item? y / n:"), "");
		else if (item && act == SA_WALK)
			ask_start(&v->q, Q_WALK, _("Walkthrough (MEMBER|WHAT|MINUTES|DEPENDS ON):"), "");
		else if (item && (act == SA_MOVE_DOWN || act == SA_MOVE_UP)) {
			int to = sel->index + 1 + (act == SA_MOVE_DOWN ? 1 : -1);

			if (agenda_move_item(a->st, v->next->items[sel->index].id, to, &err) != RP_OK)
				say(v, true, err.msg);
			reload(a, v);
			/* Keep the moved item selected. */
			select_line(v, SEC_AGENDA, to < 1 ? 0 : to - 1, -1);
		}
		break;
	case SEC_NOTES:
		if (act == SA_ADD)
			ask_start(&v->q, Q_NOTE, _("Prep note:"), "");
		break;
	default:
		break;
	}
	return H_REDRAW;
}

static void
prep_tick(app *a, void *state)
{
	complete(a, state);
}

const screen_ops prep_screen = {
	.name = "prep",
	.open = prep_open,
	.close = prep_close,
	.draw = prep_draw,
	.key = prep_key,
	.tick = prep_tick,
};
