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
#include "rapport/fact.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/prep.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "listview.h"
#include "screen.h"

enum { Q_OWNER = 1, Q_DUE, Q_EXPORT, Q_PLAN };

/* What a row stands for (the row's tag). */
enum { ROW_TEXT, ROW_FOLLOWUP };

typedef struct recap_view {
	recap *r;
	prep_notes *prep;      /* written in Prep before the call; may be NULL */
	listview lv;           /* follow-up rows are selectable: index into r->followups */
	ask q;
	char msg[400];
	bool msg_error;
	bool help;             /* the help is up */
	bool shown;            /* built once: a reload keeps "no selection" */
	int cols;              /* the width the notes were wrapped to */
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
heading(recap_view *v, const char *title)
{
	listview_add(&v->lv, false, A_BOLD | A_UNDERLINE, "%s", title);
}

static void
notes_of(recap_view *v, enum note_kind kind, const char *title, const char *open,
	 const char *close)
{
	const session *s = v->r->s;
	bool any = false;

	for (size_t i = 0; i < s->nnotes; i++) {
		if (s->notes[i].kind != kind)
			continue;
		if (!any)
			heading(v, title);
		any = true;
		{
			/* Wrapped, so a long one is read whole. */
			char text[NOTE_TEXT_MAX + 16];

			snprintf(text, sizeof text, "  %s%s%s", open, s->notes[i].text, close);
			listview_add_wrapped(&v->lv, false, A_NORMAL, 4, text, COLS - 2);
		}
	}
}

/* What the PM meant to bring up, written in Prep: was it? */
static void
prep_rows(recap_view *v)
{
	char text[NOTE_TEXT_MAX + 16];

	if (v->prep == NULL || v->prep->n == 0)
		return;
	heading(v, _("From your prep"));
	for (size_t i = 0; i < v->prep->n; i++) {
		snprintf(text, sizeof text, "  %s", v->prep->notes[i].text);
		listview_add_wrapped(&v->lv, false, A_NORMAL, 4, text, COLS - 2);
	}
}

/* Minutes, rounded, of seconds. */
static int
minutes_of(int64_t seconds)
{
	return (int)((seconds + 30) / 60);
}

/* Each agenda item: the time it took against its timebox ("18'/15'"). */
static void
time_per_item(const app *a, recap_view *v, int64_t now)
{
	const session *s = v->r->s;

	if (s->nitems == 0)
		return;
	heading(v, _("Time per item (spent/timebox)"));
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];
		int64_t seconds = session_item_elapsed(it, now);
		int spent = minutes_of(seconds);
		bool over = it->timebox_minutes && spent > it->timebox_minutes;
		/* Ending the meeting puts a running item back to pending. */
		const char *status = it->status == AGENDA_PENDING && seconds ? _("unfinished")
				     : it->status == AGENDA_PENDING ? _("not reached")
				     : it->status == AGENDA_SKIPPED ? C_("agenda item", "skipped")
				     : it->status == AGENDA_PARKED  ? _("parked for next time")
								    : "";

		listview_add(&v->lv, false, A_NORMAL, "  %s  ", it->title);
		if (it->timebox_minutes)
			listview_span(&v->lv,
				      over ? screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD : A_NORMAL,
				      "%d'/%d'", spent, it->timebox_minutes);
		else
			listview_span(&v->lv, A_NORMAL, "%d'", spent);
		if (status[0])
			listview_span(&v->lv, screen_pick(a, PAIR_DIM, A_DIM), "  (%s)", status);
	}
}

/* A fact's kind as the user reads it; the stored name when unknown. */
static const char *
fact_kind_label(const char *name)
{
	switch (fact_kind_from_name(name)) {
	case FACT_FAMILY: return C_("recap: fact kind", "family");
	case FACT_TRAVEL: return C_("recap: fact kind", "travel");
	case FACT_HOBBY: return C_("recap: fact kind", "hobby");
	case FACT_SPORT: return C_("recap: fact kind", "sport");
	case FACT_FOOD: return C_("recap: fact kind", "food");
	case FACT_WORK: return C_("recap: fact kind", "work");
	case FACT_OTHER: return C_("recap: fact kind", "other");
	default: return name;
	}
}

static void
build(app *a, recap_view *v)
{
	const recap *r = v->r;
	const session *s = r->s;
	const listview_row *was = listview_selected(&v->lv);
	int keep = was ? was->index : -1;
	char from[DATE_SHORT_MAX], to[DATE_SHORT_MAX], sug[DATE_SHORT_MAX];
	int64_t you, them, longest, now = s->ended_at ? s->ended_at : rp_clock_now(a->clock);

	listview_clear(&v->lv);
	v->lv.sel = -1;
	notes_of(v, NOTE_DECISION, _("Decisions"), "", "");
	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];
		static const char *const marks[] = {
			[FOLLOWUP_OPEN] = "", [FOLLOWUP_DONE] = N_("(done) "),
			[FOLLOWUP_DROPPED] = N_("(dropped) "),
		};
		char text[NOTE_TEXT_MAX + 400], owner[300], due[100], day[DATE_SHORT_MAX + 8];
		int at;

		if (i == 0)
			heading(v, _("Actions"));
		if (f->owner)
			snprintf(owner, sizeof owner, "@%s", f->owner);
		else
			snprintf(owner, sizeof owner, "%s", _("who? (o)"));
		if (f->due)
			snprintf(due, sizeof due, _("due %s"),
				 screen_due(f->due, day, sizeof day));
		else
			snprintf(due, sizeof due, "%s", _("when? (w)"));
		/* Wrapped: a long action still shows its owner and due date. */
		snprintf(text, sizeof text, "  %s%s · %s · %s",
			 marks[f->status][0] ? _(marks[f->status]) : "", f->text, owner, due);
		at = listview_add_wrapped(&v->lv, true,
					  f->status == FOLLOWUP_OPEN ? A_NORMAL
								     : screen_pick(a, PAIR_DIM, A_DIM),
					  4, text, COLS - 2);
		if (at < 0)
			continue;
		v->lv.rows[at].tag = ROW_FOLLOWUP;
		v->lv.rows[at].index = (int)i;
		if ((int)i == keep || (!v->shown && v->lv.sel < 0))
			v->lv.sel = at;
	}
	notes_of(v, NOTE_QUESTION, _("Open questions"), "", "");
	notes_of(v, NOTE_CONCERN, _("Concerns"), "", "");
	notes_of(v, NOTE_NEED, _("Needs"), "", "");
	/* Quoted as the user's language quotes. */
	if (lang_user() == RP_LANG_FR)
		notes_of(v, NOTE_QUOTE, _("In the client's words"), "«" NNBSP, NNBSP "»");
	else
		notes_of(v, NOTE_QUOTE, _("In the client's words"), "\"", "\"");
	{
		bool any = false;

		for (size_t i = 0; i < s->nfacts; i++) {
			char text[NOTE_TEXT_MAX + 100];

			if (s->facts[i].meeting_id != s->meeting_id)
				continue;
			if (!any)
				heading(v, _("Personal facts learned"));
			any = true;
			/* TRANSLATORS: a fact's kind ("travel"), then what it is. */
			snprintf(text, sizeof text, _("  %s: %s"), fact_kind_label(s->facts[i].kind),
				 s->facts[i].text);
			listview_add_wrapped(&v->lv, false, A_NORMAL, 4, text, COLS - 2);
		}
	}
	prep_rows(v);
	time_per_item(a, v, now);
	session_talk_totals(s, now, &you, &them, &longest);
	heading(v, _("Talk"));
	if (you + them) {
		char text[300];

		/* Wrapped: the French runs past 80 columns. */
		snprintf(text, sizeof text,
			 _("  you talked %d%% (aim 43%%), the client's longest stretch %d'"),
			 (int)((you * 100 + (you + them) / 2) / (you + them)), (int)((longest + 59) / 60));
		listview_add_wrapped(&v->lv, false, A_NORMAL, 4, text, COLS - 2);
	} else if (s->ntalk)
		listview_add(&v->lv, false, screen_pick(a, PAIR_DIM, A_DIM), _("  too short to tell"));
	else
		listview_add(&v->lv, false, screen_pick(a, PAIR_DIM, A_DIM),
			     _("  not tracked (Ctrl-T during the call)"));
	heading(v, _("Next check-in"));
	{
		char text[400];

		/* Wrapped: the last line of the Recap, read whole at any width.
		** Days as the user's language names them: "Mon 7 Dec", "lun. 7 déc.". */
		snprintf(text, sizeof text, _("  not before %s, by %s: suggested %s (p plans it)"),
			 date_format_short(r->next_from, from, sizeof from),
			 date_format_short(r->next_to, to, sizeof to),
			 date_format_short(r->next_suggested, sug, sizeof sug));
		listview_add_wrapped(&v->lv, false, A_NORMAL, 4, text, COLS - 2);
	}
	v->shown = true;
}

/* The selected follow-up, or NULL. */
static const recap_followup *
selected(const recap_view *v)
{
	const listview_row *row = listview_selected(&v->lv);

	return row && row->tag == ROW_FOLLOWUP ? &v->r->followups[row->index] : NULL;
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
	prep_notes_free(v->prep);
	v->prep = NULL;
	/* Without them the Recap only lacks their section. */
	if (prep_notes_load(a->st, a->meeting_id, &v->prep, &err) != RP_OK)
		say(v, true, _("prep notes not shown: %s"), err.msg);
	build(a, v);
	return true;
}

static void *
recap_open(app *a)
{
	recap_view *v = calloc(1, sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	input_init(&v->q.in);
	listview_init(&v->lv);
	/* It starts on the first action: that is what gets fixed. */
	if (!reload(a, v)) {
		input_done(&v->q.in);
		listview_done(&v->lv);
		free(v);
		return NULL;
	}
	return v;
}

static void
recap_close(void *state)
{
	recap_view *v = state;

	input_done(&v->q.in);
	recap_free(v->r);
	prep_notes_free(v->prep);
	listview_done(&v->lv);
	free(v);
}

/* Marked for the catalogue; screen.c translates them as it shows them. */
static const screen_keyhelp keys[] = {
	KEYS(NC_("key help", "set the action's owner"), NC_("key bar", "owner"), SA_OWNER),
	KEYS(NC_("key help", "when: its due date (fri, +3d, next week, 2026-12-01...)"),
	     NC_("key bar", "due"), SA_WHEN),
	KEYS(NC_("key help", "the action is done"), NC_("key bar", "done"), SA_DONE),
	KEYS(NC_("key help", "drop it"), NC_("key bar", "drop"), SA_DROP),
	KEYS(NC_("key help", "open it again (undo done or dropped)"), NULL, SA_REOPEN),
	KEYS(NC_("key help", "export the meeting to a .md, .json or .ics file"),
	     NC_("key bar", "export"), SA_EXPORT),
	KEYS(NC_("key help", "plan the next meeting (or move the one planned)"),
	     NC_("key bar", "plan next"), SA_PLAN),
	KEYS(NC_("key help", "close the recap"), NC_("key bar", "close"), SA_BACK),
	KEYS(NC_("key help", "quit"), NULL, SA_QUIT),
	KEYS_END,
};

/* The key bar, by what matters most after a call: a narrow screen keeps
** its first hints (and the way out and the help), so planning the next
** meeting comes before dropping or exporting. */
static const screen_keyhelp bar_keys[] = {
	KEYS("", NC_("key bar", "owner"), SA_OWNER),
	KEYS("", NC_("key bar", "due"), SA_WHEN),
	KEYS("", NC_("key bar", "done"), SA_DONE),
	KEYS("", NC_("key bar", "plan next"), SA_PLAN),
	KEYS("", NC_("key bar", "drop"), SA_DROP),
	KEYS("", NC_("key bar", "export"), SA_EXPORT),
	KEYS("", NC_("key bar", "close"), SA_BACK),
	KEYS_END,
};

static void
recap_draw(app *a, void *state)
{
	recap_view *v = state;
	const session *s = v->r->s;
	char head[700], day[DATE_SHORT_MAX], bar[600];

	if (v->help) {
		screen_help_keys(a, _("rapport · recap · keys"), keys);
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

		/* TRANSLATORS: the meeting's title, the client, the day, how long. */
		snprintf(head, sizeof head,
			 P_("rapport · recap · %s with %s · %s · %d minute",
			    "rapport · recap · %s with %s · %s · %d minutes", minutes),
			 s->title, s->client_name, date_format_short(v->r->day, day, sizeof day),
			 minutes);
	}
	screen_put(0, 1, COLS - 2, head, A_BOLD);
	if (v->cols != COLS) {
		v->cols = COLS;
		build(a, v);  /* the notes wrap to the new width */
	}
	listview_draw(&v->lv, 2, 0, LINES - 4, COLS, true, screen_pick(a, PAIR_DIM, A_DIM));
	screen_footer(a, v->msg, v->msg_error, screen_keybar(bar_keys, bar, sizeof bar), &v->q);
}

static int
answer(app *a, recap_view *v)
{
	const recap_followup *f = selected(v);
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
		enum export_format format = export_format_of_name(text);

		if (format == EXPORT_ICS && (s = export_check_target(text, false, &err)) == RP_OK)
			s = export_ics(a->st, a->clock, a->meeting_id, &doc, &err);
		else if (format == EXPORT_ICS)
			;  /* refused before anything was remembered */
		else if (format == EXPORT_JSON)
			s = export_json(a->st, a->clock, a->meeting_id, false, &doc, &err);
		else if (format == EXPORT_MD)
			s = export_markdown(v->r, &doc, &err);
		else
			s = rp_fail(&err, RP_EINVAL, "%s",
				    _("the file name must end in .md, .json or .ics"));
		if (s == RP_OK)
			s = export_write(text, doc, false, &err);
		free(doc);
		if (s == RP_OK) {
			/* Where it went, in full: the folder rapport started in
			** is not always the one the user has in mind. */
			char *where = realpath(text, NULL);

			say(v, false, _("exported to %s"), where ? where : text);
			free(where);
		}
		break;
	}
	case Q_PLAN: {
		meeting_plan_args args = {.client_id = v->r->s->client_id, .title = v->r->s->title};

		if ((s = date_parse_when_from(text, rp_clock_now(a->clock), &when, &err)) != RP_OK)
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
	/* Refused: asked again with the text kept, as on Prep, so the keys
	** typed next are not taken for the Recap's own (d, x, p...). */
	if (s != RP_OK && !v->q.yes_no)
		ask_start(&v->q, purpose, v->q.question, text);
	free(text);
	if (s != RP_OK) {
		say(v, true, "%s", err.msg);
		return H_REDRAW;
	}
	if (purpose != Q_EXPORT)
		say(v, false, "%s", _("saved"));
	reload(a, v);
	return H_REDRAW;
}

/* Set the selected follow-up's status; said when it fails. */
static void
set_status(app *a, recap_view *v, const recap_followup *f, enum followup_status to)
{
	rp_error err = {0};

	if (f == NULL)
		return;
	if (record_followup_status(a->st, a->clock, f->id, to, &err) != RP_OK)
		say(v, true, "%s", err.msg);
	reload(a, v);
}

static int
recap_key(app *a, void *state, wint_t key, bool function)
{
	recap_view *v = state;
	const recap_followup *f = selected(v);
	char initial[64];
	int common;

	switch (common = screen_common_key(&v->help, &v->q, &key, &function)) {
	case SCREEN_KEY_OWN: break;
	case SCREEN_KEY_ANSWER: return answer(a, v);
	case SCREEN_KEY_CANCEL: v->msg[0] = '\0'; return H_REDRAW;
	default: return common;
	}
	/* A new key: what was said before is no longer news. */
	v->msg[0] = '\0';
	if (listview_key(&v->lv, key, function))
		return H_REDRAW;
	switch (screen_act_of(key, function)) {
	case SA_QUIT:
		return H_QUIT;
	case SA_OWNER:
		if (f)
			ask_start(&v->q, Q_OWNER, _("Owner:"), f->owner ? f->owner : "");
		return H_REDRAW;
	case SA_WHEN:
		if (f)
			ask_start(&v->q, Q_DUE, _("Due (2026-12-01, fri, +3d...; empty for none):"),
				  f->due ? f->due : "");
		return H_REDRAW;
	case SA_DONE:
		set_status(a, v, f, FOLLOWUP_DONE);
		return H_REDRAW;
	case SA_DROP:
		set_status(a, v, f, FOLLOWUP_DROPPED);
		return H_REDRAW;
	case SA_REOPEN:
		set_status(a, v, f, FOLLOWUP_OPEN);
		return H_REDRAW;
	case SA_EXPORT:
		snprintf(initial, sizeof initial, "meeting-%lld.md", (long long)a->meeting_id);
		ask_start(&v->q, Q_EXPORT, _("Export to (.md, .json or .ics):"), initial);
		return H_REDRAW;
	case SA_PLAN: {
		char day[16];

		snprintf(initial, sizeof initial, "%s 10:00", date_format(v->r->next_suggested, day));
		ask_start(&v->q, Q_PLAN, _("Next meeting (date and time):"), initial);
		return H_REDRAW;
	}
	case SA_BACK:
		if (a->from_home) {
			a->screen = SCREEN_CLIENTS;
			return H_SWITCH;
		}
		return H_ENDED;
	default:
		return H_HANDLED;
	}
}

const screen_ops recap_screen = {
	.name = "recap",
	.open = recap_open,
	.close = recap_close,
	.draw = recap_draw,
	.key = recap_key,
};
