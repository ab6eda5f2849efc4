/* recap_screen.c: what the call gave, shown when a meeting ends.
**
** Decisions, actions (owner and due date can be fixed, an action dropped),
** open questions, concerns, facts learned, the talk share and the next
** check-in; from here the meeting is exported or the next one planned.
*/
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/export.h"
#include "rapport/meeting.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "screen.h"

enum { Q_OWNER = 1, Q_DUE, Q_EXPORT, Q_PLAN };

typedef struct rline {
	int followup;      /* index into r->followups, -1 for other lines */
	char text[700];
	unsigned attr;
} rline;

typedef struct recap_view {
	recap *r;
	rline *lines;
	int nlines, sel, top;
	ask q;
	char msg[400];
	bool msg_error;
	bool help;             /* the help is up */
} recap_view;

static void
say(recap_view *v, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
say(recap_view *v, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(v->msg, sizeof v->msg, fmt, ap);
	va_end(ap);
	v->msg_error = error;
}

static void
add(recap_view *v, int followup, unsigned attr, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
add(recap_view *v, int followup, unsigned attr, const char *fmt, ...)
{
	rline *grown = realloc(v->lines, ((size_t)v->nlines + 1) * sizeof *v->lines);
	va_list ap;

	if (grown == NULL)
		return;
	v->lines = grown;
	grown[v->nlines] = (rline){.followup = followup, .attr = attr};
	va_start(ap, fmt);
	vsnprintf(grown[v->nlines].text, sizeof grown[0].text, fmt, ap);
	va_end(ap);
	v->nlines++;
}

static void
notes_of(recap_view *v, enum note_kind kind, const char *title)
{
	const session *s = v->r->s;
	bool any = false;

	for (size_t i = 0; i < s->nnotes; i++) {
		if (s->notes[i].kind != kind)
			continue;
		if (!any)
			add(v, -1, A_BOLD | A_UNDERLINE, "%s", title);
		any = true;
		add(v, -1, A_NORMAL, "  %s", s->notes[i].text);
	}
}

static void
build(app *a, recap_view *v)
{
	const recap *r = v->r;
	const session *s = r->s;
	char from[16], to[16], sug[16];
	bool any = false;
	int64_t you, them, longest;

	free(v->lines);
	v->lines = NULL;
	v->nlines = 0;
	notes_of(v, NOTE_DECISION, "Decisions");
	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];

		if (!any)
			add(v, -1, A_BOLD | A_UNDERLINE, "Actions");
		any = true;
		add(v, (int)i, f->status == FOLLOWUP_DROPPED ? screen_pick(a, PAIR_DIM, A_DIM) : A_NORMAL,
		    "  %s%s · %s%s · %s%s", f->status == FOLLOWUP_DROPPED ? "(dropped) " : "",
		    f->text, f->owner ? "@" : "", f->owner ? f->owner : "who? (o)",
		    f->due ? "due " : "", f->due ? f->due : "when? (d)");
	}
	notes_of(v, NOTE_QUESTION, "Open questions");
	notes_of(v, NOTE_CONCERN, "Concerns");
	notes_of(v, NOTE_NEED, "Needs");
	any = false;
	for (size_t i = 0; i < s->nfacts; i++) {
		if (s->facts[i].meeting_id != s->meeting_id)
			continue;
		if (!any)
			add(v, -1, A_BOLD | A_UNDERLINE, "Personal facts learned");
		any = true;
		add(v, -1, A_NORMAL, "  %s: %s", s->facts[i].kind, s->facts[i].text);
	}
	session_talk_totals(s, s->ended_at ? s->ended_at : rp_clock_now(a->clock), &you, &them,
			    &longest);
	add(v, -1, A_BOLD | A_UNDERLINE, "Talk");
	if (you + them)
		add(v, -1, A_NORMAL, "  you talked %d%% (aim 43%%), the client's longest stretch %d'",
		    (int)((you * 100 + (you + them) / 2) / (you + them)), (int)((longest + 59) / 60));
	else if (s->ntalk)
		add(v, -1, A_DIM, "  too short to tell");
	else
		add(v, -1, A_DIM, "  not tracked (Ctrl-T during the call)");
	add(v, -1, A_BOLD | A_UNDERLINE, "Next check-in");
	add(v, -1, A_NORMAL, "  not before %s, by %s: suggested %s (p plans it)",
	    date_format(r->next_from, from), date_format(r->next_to, to),
	    date_format(r->next_suggested, sug));
	if (v->sel >= v->nlines)
		v->sel = v->nlines ? v->nlines - 1 : 0;
}

static bool
reload(app *a, recap_view *v)
{
	rp_error err = {0};
	recap *r = NULL;

	if (recap_load(a->st, a->meeting_id, &r, &err) != RP_OK) {
		say(v, true, "%s", err.msg);
		snprintf(a->msg, sizeof a->msg, "%s", err.msg);
		return false;
	}
	recap_free(v->r);
	v->r = r;
	build(a, v);
	return true;
}

static void *
recap_open(app *a)
{
	recap_view *v = calloc(1, sizeof *v);

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
	/* Start on the first action: that is what gets fixed. */
	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].followup >= 0) {
			v->sel = i;
			break;
		}
	return v;
}

static void
recap_close(void *state)
{
	recap_view *v = state;

	input_done(&v->q.in);
	recap_free(v->r);
	free(v->lines);
	free(v);
}

static const char *const help_lines[] = {
	"j  k  Down  Up\tmove between actions",
	"o\tset the action's owner",
	"d\tset its due date (fri, +3d, 2026-12-01...)",
	"x\tdrop it, or keep it again",
	"e\texport the meeting to a .md, .json or .ics file",
	"p\tplan the next meeting (or move the one planned)",
	"q  Esc\tdone",
	"Ctrl-C\tquit",
	"F1  Ctrl-G  ?\tthis help",
	NULL,
};

static void
recap_draw(app *a, void *state)
{
	recap_view *v = state;
	const session *s = v->r->s;
	int rows = LINES - 4;
	char head[700], day[16];

	if (v->help) {
		screen_help_draw(a, "rapport · recap · keys", help_lines);
		return;
	}
	if (LINES < 8 || COLS < 30) {
		screen_too_small();
		return;
	}
	erase();
	curs_set(0);
	{
		int minutes = s->ended_at && s->started_at
				      ? (int)((s->ended_at - s->started_at + 59) / 60)
				      : 0;

		snprintf(head, sizeof head, "rapport · recap · %s with %s · %s · %d minute%s",
			 s->title, s->client_name, date_format(v->r->day, day), minutes,
			 minutes == 1 ? "" : "s");
	}
	screen_put(0, 1, COLS - 2, head, A_BOLD);
	screen_scroll(v->sel, &v->top, rows);
	for (int i = v->top; i < v->nlines && i - v->top < rows; i++) {
		unsigned at = v->lines[i].attr;
		int y = 2 + i - v->top;

		at |= screen_select_row(y, i == v->sel && v->lines[i].followup >= 0);
		screen_put(y, 1, COLS - 2, v->lines[i].text, at);
	}
	if (v->nlines == 0)
		screen_put(2, 1, COLS - 2, "Nothing was noted.", A_DIM);
	screen_footer(a, v->msg, v->msg_error,
		      "j/k actions · o owner · d due date · x drop/keep · e export · p plan next · q done",
		      &v->q);
}

static int
answer(app *a, recap_view *v)
{
	const recap_followup *f = v->nlines && v->lines[v->sel].followup >= 0
					  ? &v->r->followups[v->lines[v->sel].followup]
					  : NULL;
	char *text = ask_text(&v->q), *doc = NULL;
	rp_error err = {0};
	rp_date due;
	int64_t when, id;
	enum rp_status s = RP_OK;
	int purpose = v->q.purpose;

	if (text == NULL)
		return H_REDRAW;
	switch (purpose) {
	case Q_OWNER:
		if (f)
			s = recap_set_owner(a->st, f->id, text, &err);
		break;
	case Q_DUE:
		if (f && text[0] == '\0')
			s = recap_set_due(a->st, f->id, NULL, &err);
		else if (f && (s = date_parse_due(text, date_local(rp_clock_now(a->clock)), &due, &err)) == RP_OK)
			s = recap_set_due(a->st, f->id, &due, &err);
		break;
	case Q_EXPORT: {
		size_t len = strlen(text);
		const char *ext = len > 4 ? text + len - 4 : "";

		if (strcmp(ext, ".ics") == 0)
			s = export_ics(v->r, rp_clock_now(a->clock), &doc, &err);
		else if (strcmp(ext, "json") == 0 && len > 5 && text[len - 5] == '.')
			s = export_json(a->st, a->clock, a->meeting_id, false, &doc, &err);
		else if (len > 3 && strcmp(text + len - 3, ".md") == 0)
			s = export_markdown(v->r, &doc, &err);
		else
			s = rp_fail(&err, RP_EINVAL, "the file name must end in .md, .json or .ics");
		if (s == RP_OK)
			s = export_write(text, doc, false, &err);
		free(doc);
		if (s == RP_OK)
			say(v, false, "exported to %s", text);
		break;
	}
	case Q_PLAN: {
		meeting_plan_args args = {.client_id = v->r->s->client_id, .title = v->r->s->title};

		if ((s = date_parse_when(text, date_local(rp_clock_now(a->clock)), &when, &err)) != RP_OK)
			break;
		args.planned_at = when;
		/* A meeting already planned is moved, not doubled. */
		if (meeting_next_planned(a->st, args.client_id, &id, NULL) == RP_OK)
			s = meeting_reschedule(a->st, id, when, &err);
		else
			s = meeting_plan(a->st, a->clock, &args, &id, &err);
		if (s == RP_OK) {
			free(text);
			/* On to the preparation of the meeting just planned. */
			a->client_id = v->r->s->client_id;
			a->screen = SCREEN_PREP;
			return H_SWITCH;
		}
		break;
	}
	}
	free(text);
	if (s != RP_OK) {
		say(v, true, "%s", err.msg);
		return H_REDRAW;
	}
	if (purpose != Q_EXPORT)
		say(v, false, "saved");
	reload(a, v);
	return H_REDRAW;
}

static int
recap_key(app *a, void *state, wint_t key, bool function)
{
	recap_view *v = state;
	const recap_followup *f = v->nlines && v->lines[v->sel].followup >= 0
					  ? &v->r->followups[v->lines[v->sel].followup]
					  : NULL;
	rp_error err = {0};
	char initial[64];
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: v->msg[0] = '\0'; return H_REDRAW;
	default: return common;
	}
	if (function)
		return H_HANDLED;
	/* A new key: what was said before is no longer news. */
	v->msg[0] = '\0';
	switch (key) {
	case 3:  /* Ctrl-C */
		return H_QUIT;
	case 'j':
	case 'k':
		/* Move between actions: they are what the keys act on. */
		for (int i = v->sel + (key == 'j' ? 1 : -1); i >= 0 && i < v->nlines;
		     i += key == 'j' ? 1 : -1)
			if (v->lines[i].followup >= 0) {
				v->sel = i;
				break;
			}
		return H_REDRAW;
	case 'o':
		if (f)
			ask_start(&v->q, Q_OWNER, "Owner:", f->owner ? f->owner : "");
		return H_REDRAW;
	case 'd':
		if (f)
			ask_start(&v->q, Q_DUE, "Due (2026-12-01, fri, +3d...; empty for none):",
				  f->due ? f->due : "");
		return H_REDRAW;
	case 'x':
		if (f && record_followup_status(a->st, a->clock, f->id,
						f->status == FOLLOWUP_DROPPED ? FOLLOWUP_OPEN
									      : FOLLOWUP_DROPPED,
						&err) != RP_OK)
			say(v, true, "%s", err.msg);
		reload(a, v);
		return H_REDRAW;
	case 'e':
		snprintf(initial, sizeof initial, "meeting-%lld.md", (long long)a->meeting_id);
		ask_start(&v->q, Q_EXPORT, "Export to (.md, .json or .ics):", initial);
		return H_REDRAW;
	case 'p': {
		char day[16];

		snprintf(initial, sizeof initial, "%s 10:00", date_format(v->r->next_suggested, day));
		ask_start(&v->q, Q_PLAN, "Next meeting (date and time):", initial);
		return H_REDRAW;
	}
	case 'q':
	case 27:
		if (a->from_home) {
			a->screen = SCREEN_CLIENTS;
			return H_SWITCH;
		}
		return H_ENDED;
	}
	return H_HANDLED;
}

const screen_ops recap_screen = {
	.name = "recap",
	.open = recap_open,
	.close = recap_close,
	.draw = recap_draw,
	.key = recap_key,
};
