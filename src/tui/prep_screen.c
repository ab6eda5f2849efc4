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
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/opener.h"
#include "rapport/prep.h"
#include "rapport/record.h"
#include "rapport/session.h"
#include "screen.h"
#include "width.h"

enum section { SEC_FACTS, SEC_OPENERS, SEC_FOLLOWUPS, SEC_AGENDA, SEC_NOTES, SEC_COUNT };

static const char *const section_titles[SEC_COUNT] = {
	"Personal", "Openers", "Open follow-ups", "Next meeting", "Prep notes",
};

static const char *const section_keys[SEC_COUNT] = {
	"a add · e edit · d delete",
	"u mark as used",
	"d done · x dropped",
	"a add · e edit · d delete (an item or a walkthrough line) · J/K move · w walkthrough · t template",
	"a add",
};

typedef struct line {
	enum section sec;
	int index;         /* into the section's list; -1 for a heading or a filler */
	int walk;          /* agenda: walkthrough entry index, -1 for the item */
	char text[600];
	unsigned attr;
} line;

enum { Q_FACT_ADD = 1, Q_FACT_EDIT, Q_ITEM_ADD, Q_ITEM_EDIT, Q_WALK, Q_TEMPLATE, Q_NOTE,
       Q_DELETE_FACT, Q_DELETE_ITEM, Q_DELETE_WALK };

typedef struct prep_view {
	prep *p;
	session *next;         /* the next planned meeting, or NULL */
	opener openers[OPENERS_MAX];
	size_t nopeners;
	line *lines;
	int nlines, sel, top;
	ask q;
	char msg[300];
	bool msg_error;
	bool help;             /* the help is up */
} prep_view;

static void
say(prep_view *v, bool error, const char *text)
{
	snprintf(v->msg, sizeof v->msg, "%s", text);
	v->msg_error = error;
}

static line *
add_line(prep_view *v, enum section sec, int index, int walk, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static line *
add_line(prep_view *v, enum section sec, int index, int walk, unsigned attr, const char *fmt, ...)
{
	line *grown = realloc(v->lines, ((size_t)v->nlines + 1) * sizeof *v->lines), *l;
	va_list ap;

	if (grown == NULL)
		return NULL;
	v->lines = grown;
	l = &v->lines[v->nlines++];
	*l = (line){.sec = sec, .index = index, .walk = walk, .attr = attr};
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	return l;
}

/* Build the page's lines from what was loaded. */
static void
build(app *a, prep_view *v)
{
	const prep *p = v->p;
	char day[16], today_s[16];
	rp_date today = date_local(rp_clock_now(a->clock));

	date_format(today, today_s);
	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;

	add_line(v, SEC_FACTS, -1, -1, A_BOLD | A_UNDERLINE, "%s", section_titles[SEC_FACTS]);
	for (size_t i = 0; i < p->nfacts; i++) {
		char from[32] = "";

		date_format(date_local(p->facts[i].learned_at), day);
		if (p->facts[i].meeting_id)
			snprintf(from, sizeof from, ", meeting %lld", (long long)p->facts[i].meeting_id);
		add_line(v, SEC_FACTS, (int)i, -1, A_NORMAL, "%-7s %s  (%s%s)", p->facts[i].kind,
			 p->facts[i].text, day, from);
	}
	if (p->nfacts == 0)
		add_line(v, SEC_FACTS, -1, -1, A_DIM, "nothing yet: a adds a fact (a trip, a sport...)");

	add_line(v, SEC_OPENERS, -1, -1, A_BOLD | A_UNDERLINE, "%s", section_titles[SEC_OPENERS]);
	for (size_t i = 0; i < v->nopeners; i++) {
		const opener *o = &v->openers[i];

		if (o->last_used.year)
			add_line(v, SEC_OPENERS, (int)i, -1, A_NORMAL, "%s  (used %s)", o->text,
				 date_format(o->last_used, day));
		else
			add_line(v, SEC_OPENERS, (int)i, -1, A_NORMAL, "%s", o->text);
	}

	add_line(v, SEC_FOLLOWUPS, -1, -1, A_BOLD | A_UNDERLINE, "%s",
		 section_titles[SEC_FOLLOWUPS]);
	for (size_t i = 0; i < p->nfollowups; i++) {
		const prep_followup *f = &p->followups[i];
		bool overdue = f->due && strcmp(f->due, today_s) < 0;

		add_line(v, SEC_FOLLOWUPS, (int)i, -1,
			 overdue ? screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD : A_NORMAL,
			 "%s%s  · %s%s%s%s", overdue ? "overdue · " : "", f->text,
			 f->theirs ? "theirs" : "yours", f->owner ? " @" : "", f->owner ? f->owner : "",
			 f->due ? "" : "");
		if (f->due)
			snprintf(v->lines[v->nlines - 1].text + strlen(v->lines[v->nlines - 1].text),
				 sizeof v->lines[0].text - strlen(v->lines[v->nlines - 1].text),
				 " · due %s", f->due);
	}
	if (p->nfollowups == 0)
		add_line(v, SEC_FOLLOWUPS, -1, -1, A_DIM, "none open");

	if (v->next) {
		const session *s = v->next;
		int total = 0;

		for (size_t i = 0; i < s->nitems; i++)
			total += s->items[i].timebox_minutes;
		add_line(v, SEC_AGENDA, -1, -1, A_BOLD | A_UNDERLINE, "%s: %s (meeting %lld, %d')",
			 section_titles[SEC_AGENDA], s->title, (long long)s->meeting_id,
			 s->planned_minutes ? s->planned_minutes : total);
		for (size_t i = 0; i < s->nitems; i++) {
			const session_item *it = &s->items[i];
			char box[16] = "", carried[40] = "";

			if (it->timebox_minutes)
				snprintf(box, sizeof box, " %d'", it->timebox_minutes);
			if (it->carry_count)
				snprintf(carried, sizeof carried, "  (carried %d×%s)", it->carry_count,
					 it->carry_count >= 3 ? ": decide, do not carry again" : "");
			add_line(v, SEC_AGENDA, (int)i, -1,
				 it->carry_count >= 3 ? screen_pick(a, PAIR_WARN, A_BOLD) | A_BOLD
						      : A_NORMAL,
				 "%zu. %s%s%s", i + 1, it->title, box, carried);
			for (size_t w = 0; w < it->nwalk; w++) {
				const session_walk *wk = &it->walk[w];
				char mins[16] = "";

				if (wk->minutes >= 0)
					snprintf(mins, sizeof mins, " (%s)",
						 agenda_duration(wk->minutes, "'", (char[16]){0}, 16));
				add_line(v, SEC_AGENDA, (int)i, (int)w, A_DIM, "     %s: %s%s%s%s",
					 wk->member, wk->did, mins, wk->depends_on ? ", depends on " : "",
					 wk->depends_on ? wk->depends_on : "");
			}
		}
		if (s->nitems == 0)
			add_line(v, SEC_AGENDA, -1, -1, A_DIM, "no items: a adds one, t uses a template");
	} else {
		add_line(v, SEC_AGENDA, -1, -1, A_BOLD | A_UNDERLINE, "%s", section_titles[SEC_AGENDA]);
		add_line(v, SEC_AGENDA, -1, -1, A_DIM,
			 "none planned: a adds an item to a new one, t starts one from a template");
		for (size_t i = 0; i < p->ncarry; i++)
			add_line(v, SEC_AGENDA, -1, -1, A_NORMAL, "   will carry: %s  (%d×)",
				 p->carry[i].title, p->carry[i].carry_count);
	}

	add_line(v, SEC_NOTES, -1, -1, A_BOLD | A_UNDERLINE, "%s", section_titles[SEC_NOTES]);
	for (size_t i = 0; i < p->nnotes; i++)
		add_line(v, SEC_NOTES, (int)i, -1, A_NORMAL, "%s", p->notes[i].text);
	if (p->nnotes == 0)
		add_line(v, SEC_NOTES, -1, -1, A_DIM, "a adds a note for yourself before the call");
	if (v->sel >= v->nlines)
		v->sel = v->nlines - 1;
}


/* Select the line of section sec with that index and walk entry; failing
** that, the section's last line.  index -2 means its last item. */
static void
select_line(prep_view *v, enum section sec, int index, int walk)
{
	int last = -1;

	for (int i = 0; i < v->nlines; i++) {
		const line *l = &v->lines[i];

		if (l->sec != sec)
			continue;
		if (l->index == index && l->walk == walk && index != -2) {
			v->sel = i;
			return;
		}
		if (l->walk < 0 && (l->index >= 0 || last < 0))
			last = i;
	}
	if (last >= 0)
		v->sel = last;
}

/* Load everything again and rebuild the page, keeping the selection on the
** same thing. */
static bool
reload(app *a, prep_view *v)
{
	enum section sec = v->nlines ? v->lines[v->sel].sec : SEC_FACTS;
	int index = v->nlines ? v->lines[v->sel].index : 0;
	int walk = v->nlines ? v->lines[v->sel].walk : -1;
	rp_error err = {0};
	char today[16];
	prep *p = NULL;
	session *next = NULL;

	date_format(date_local(rp_clock_now(a->clock)), today);
	if (prep_load(a->st, a->client_id, today, &p, &err) != RP_OK) {
		say(v, true, err.msg);
		snprintf(a->msg, sizeof a->msg, "%s", err.msg);
		return false;
	}
	if (p->next_meeting && session_load(a->st, p->next_meeting, &next, &err) != RP_OK) {
		prep_free(p);
		say(v, true, err.msg);
		return false;
	}
	v->nopeners = prep_openers(p, opener_lang_from_env(), v->openers, OPENERS_MAX);
	prep_free(v->p);
	session_free(v->next);
	v->p = p;
	v->next = next;
	build(a, v);
	if (v->nlines)
		select_line(v, sec, index, walk);
	return true;
}

static void *
prep_open(app *a)
{
	prep_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "out of memory");
		return NULL;
	}
	input_init(&v->q.in);
	if (!reload(a, v)) {
		input_done(&v->q.in);
		free(v);
		return NULL;
	}
	v->sel = 1;
	return v;
}

static void
prep_close(void *state)
{
	prep_view *v = state;

	input_done(&v->q.in);
	prep_free(v->p);
	session_free(v->next);
	free(v->lines);
	free(v);
}

static const char *const help_lines[] = {
	"Tab  Shift-Tab\tnext / previous section",
	"j  k  Down  Up\tmove",
	"Personal",
	"a  e  d\tadd ([kind:] text), edit, delete a fact",
	"Openers",
	"u\tmark the opener as used today",
	"Open follow-ups",
	"d  x\tdone, dropped",
	"Next meeting",
	"a  e  d\tadd, edit (TITLE:MINUTES), remove an item or a walkthrough line",
	"J  K\tmove the item down, up",
	"w\tadd a walkthrough entry (MEMBER|WHAT|MINUTES|DEPENDS ON)",
	"t\tadd a template's items (kickoff, weekly, steering, retro)",
	"Prep notes",
	"a\tadd a note for yourself",
	"Everywhere",
	"m\tmeet now",
	"Esc  q\tback to the clients",
	"Ctrl-C\tquit",
	"F1  Ctrl-G  ?\tthis help",
	NULL,
};

static void
prep_draw(app *a, void *state)
{
	prep_view *v = state;
	const client *c = &v->p->who;
	int rows = LINES - 4;
	char head[900], last[16] = "never", status[64];
	cadence where;
	const line *sel = v->nlines ? &v->lines[v->sel] : NULL;

	if (v->help) {
		screen_help_draw(a, "rapport · prep · keys", help_lines);
		return;
	}
	if (LINES < 8 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	if (c->last_contact)
		date_format(date_local(c->last_contact), last);
	where = cadence_compute(c->last_contact != 0, date_local(c->last_contact),
				date_local(rp_clock_now(a->clock)), c->cadence_min, c->cadence_max);
	snprintf(head, sizeof head, "rapport · prep · %s%s%s%s · every %d-%d days · last contact %s · %s",
		 c->name, c->org[0] ? " (" : "", c->org, c->org[0] ? ")" : "", c->cadence_min,
		 c->cadence_max, last, cadence_describe(where, status, sizeof status));
	screen_put(0, 1, COLS - 2, head, A_BOLD);
	screen_scroll(v->sel, &v->top, rows);
	for (int i = v->top; i < v->nlines && i - v->top < rows; i++) {
		const line *l = &v->lines[i];
		unsigned at = l->attr == A_DIM ? screen_pick(a, PAIR_DIM, A_DIM) : l->attr;
		int y = 2 + i - v->top, x = l->index < 0 && l->attr & A_UNDERLINE ? 1 : 3;

		at |= screen_select_row(y, i == v->sel);
		screen_put(y, x, COLS - x - 1, l->text, at);
	}
	snprintf(head, sizeof head, "%s: %s · Tab section · m meet now · Esc back",
		 sel ? section_titles[sel->sec] : "", sel ? section_keys[sel->sec] : "");
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

static int
answer(app *a, prep_view *v)
{
	const line *sel = v->nlines ? &v->lines[v->sel] : NULL;
	char *text = ask_text(&v->q), *colon;
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
	switch (purpose) {
	case Q_FACT_ADD:
	case Q_FACT_EDIT:
		/* "sport: runs marathons" names the kind; otherwise it is guessed. */
		kind = -1;
		if ((colon = strchr(text, ':')) != NULL) {
			*colon = '\0';
			kind = fact_kind_from_name(text);
			if (kind < 0)
				*colon = ':';
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
		size_t n = agenda_template(text, items, AGENDA_ITEMS_MAX, NULL);

		if (n == 0) {
			s = rp_fail(&err, RP_EINVAL, "templates: kickoff, weekly, steering, retro");
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
			s = agenda_remove_walkthrough(a->st, v->next->items[sel->index].id, sel->walk,
						      &err);
		break;
	}
	free(text);
	if (s != RP_OK) {
		say(v, true, err.msg);
		return H_REDRAW;
	}
	if (v->msg_error && v->msg[0])
		return H_REDRAW;  /* next_meeting() said why */
	say(v, false, "");
	reload(a, v);
	if (purpose == Q_ITEM_ADD || purpose == Q_TEMPLATE)
		select_line(v, SEC_AGENDA, -2, -1);
	return H_REDRAW;
}

/* Move the selection to the next (step 1) or previous section's first line. */
static void
jump_section(prep_view *v, int step)
{
	enum section at = v->nlines ? v->lines[v->sel].sec : SEC_FACTS;
	enum section want = (enum section)((at + SEC_COUNT + step) % SEC_COUNT);

	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].sec == want) {
			v->sel = i + 1 < v->nlines && v->lines[i + 1].sec == want ? i + 1 : i;
			return;
		}
}

static int
prep_key(app *a, void *state, wint_t key, bool function)
{
	prep_view *v = state;
	const line *sel = v->nlines ? &v->lines[v->sel] : NULL;
	bool item = sel && sel->sec == SEC_AGENDA && sel->index >= 0 && v->next;
	rp_error err = {0};
	char buf[900];
	bool resumed;
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: say(v, false, ""); return H_REDRAW;
	default: return common;
	}
	if (function && key == KEY_BTAB) {
		jump_section(v, -1);
		return H_REDRAW;
	}
	if (function)
		return H_HANDLED;
	switch (key) {
	case 3:  /* Ctrl-C */
		return H_QUIT;
	case 27:
	case 'q':
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	case '\t':
		jump_section(v, 1);
		return H_REDRAW;
	case 'j':
		if (v->sel + 1 < v->nlines)
			v->sel++;
		return H_REDRAW;
	case 'k':
		if (v->sel > 0)
			v->sel--;
		return H_REDRAW;
	case 'm':
		if (meeting_open(a->st, a->clock, a->client_id, NULL, &a->meeting_id, &resumed,
				 &err) != RP_OK) {
			say(v, true, err.msg);
			return H_REDRAW;
		}
		a->screen = SCREEN_LIVE;
		return H_SWITCH;
	}
	if (sel == NULL)
		return H_HANDLED;
	switch (sel->sec) {
	case SEC_FACTS:
		if (key == 'a')
			ask_start(&v->q, Q_FACT_ADD, "Fact ([kind:] text):", "");
		else if (key == 'e' && sel->index >= 0) {
			snprintf(buf, sizeof buf, "%s: %s", v->p->facts[sel->index].kind,
				 v->p->facts[sel->index].text);
			ask_start(&v->q, Q_FACT_EDIT, "Fact ([kind:] text):", buf);
		} else if (key == 'd' && sel->index >= 0)
			ask_start(&v->q, Q_DELETE_FACT, "Forget this fact? y / n:", "");
		break;
	case SEC_OPENERS:
		if (key == 'u' && sel->index >= 0) {
			const opener *o = &v->openers[sel->index];

			if (record_opener(a->st, a->clock, a->client_id, o->key, o->text, 0, &err) !=
			    RP_OK)
				say(v, true, err.msg);
			else
				say(v, false, "opener marked as used today");
			reload(a, v);
		}
		break;
	case SEC_FOLLOWUPS:
		if ((key == 'd' || key == 'x') && sel->index >= 0) {
			if (record_followup_status(a->st, a->clock, v->p->followups[sel->index].id,
						   key == 'd' ? FOLLOWUP_DONE : FOLLOWUP_DROPPED,
						   &err) != RP_OK)
				say(v, true, err.msg);
			else
				say(v, false, key == 'd' ? "follow-up done" : "follow-up dropped");
			reload(a, v);
		}
		break;
	case SEC_AGENDA:
		if (key == 'a')
			ask_start(&v->q, Q_ITEM_ADD, "Agenda item (TITLE:MINUTES):", "");
		else if (key == 't')
			ask_start(&v->q, Q_TEMPLATE, "Template (kickoff, weekly, steering, retro):", "");
		else if (item && key == 'e') {
			const session_item *it = &v->next->items[sel->index];

			if (it->timebox_minutes)
				snprintf(buf, sizeof buf, "%s:%d", it->title, it->timebox_minutes);
			else
				snprintf(buf, sizeof buf, "%s", it->title);
			ask_start(&v->q, Q_ITEM_EDIT, "Agenda item (TITLE:MINUTES):", buf);
		} else if (item && key == 'd' && sel->walk >= 0)
			ask_start(&v->q, Q_DELETE_WALK, "Remove this walkthrough entry? y / n:", "");
		else if (item && key == 'd')
			ask_start(&v->q, Q_DELETE_ITEM, "Remove this item? y / n:", "");
		else if (item && key == 'w')
			ask_start(&v->q, Q_WALK, "Walkthrough (MEMBER|WHAT|MINUTES|DEPENDS ON):", "");
		else if (item && (key == 'J' || key == 'K')) {
			int to = sel->index + 1 + (key == 'J' ? 1 : -1);

			if (agenda_move_item(a->st, v->next->items[sel->index].id, to, &err) != RP_OK)
				say(v, true, err.msg);
			reload(a, v);
			/* Keep the moved item selected. */
			for (int i = 0; i < v->nlines; i++)
				if (v->lines[i].sec == SEC_AGENDA && v->lines[i].walk < 0 &&
				    v->lines[i].index == (to < 1 ? 0 : to - 1))
					v->sel = i;
		}
		break;
	case SEC_NOTES:
		if (key == 'a')
			ask_start(&v->q, Q_NOTE, "Prep note:", "");
		break;
	default:
		break;
	}
	return H_REDRAW;
}

const screen_ops prep_screen = {
	.name = "prep",
	.open = prep_open,
	.close = prep_close,
	.draw = prep_draw,
	.key = prep_key,
};
