/* meet_screen.c: the question before a meeting starts (see meet.h).
**
** Two one-key questions, each only when it is needed: "start the meeting
** planned for Wed 16 Dec now, or a new one?" (p / n), then, for a new
** meeting, "carry the 3 items left unfinished last time?" (y / n).  Esc
** goes back without starting anything.
*/
#include "meet.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "width.h"

enum stage {
	STAGE_PLANNED,   /* planned for another day: that one, or a new one? */
	STAGE_CARRY,     /* a new one: carry last time's unfinished items? */
	STAGE_ERROR,     /* something failed: say it, any key goes back */
};

/* What a key answers, per stage: the key tables of this screen. */
enum answer { ANS_NONE, ANS_PLANNED, ANS_NEW, ANS_YES, ANS_NO, ANS_BACK, ANS_QUIT };

typedef struct meet_key {
	wint_t key;
	enum answer ans;
} meet_key;

static const meet_key planned_keys[] = {
	{'p', ANS_PLANNED}, {'P', ANS_PLANNED}, {'n', ANS_NEW}, {'N', ANS_NEW},
	{27, ANS_BACK}, {'q', ANS_BACK}, {3, ANS_QUIT}, {0, ANS_NONE},
};

static const meet_key carry_keys[] = {
	{'y', ANS_YES}, {'Y', ANS_YES}, {'n', ANS_NO}, {'N', ANS_NO},
	{27, ANS_BACK}, {'q', ANS_BACK}, {3, ANS_QUIT}, {0, ANS_NONE},
};

typedef struct meet_view {
	int64_t client_id;
	char client_name[1000];
	meeting_choice ch;
	enum stage stage;
	bool answered_planned;   /* the first question is behind us */
	bool take_planned;       /* its answer */
	int carry;               /* the second answer: -1 not given, 0 no, 1 yes */
	char error[400];
} meet_view;

/* "Wed 16 Dec" for t (UTC seconds), in local time. */
static char *
day_label(int64_t t, char *buf, size_t size)
{
	return date_format_short(date_local(t), buf, size);
}

/* "Wed 16 Dec 14:00". */
static char *
when_label(int64_t t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	size_t n;

	day_label(t, buf, size);
	n = strlen(buf);
	localtime_r(&tt, &tm);
	snprintf(buf + n, size - n, " %02d:%02d", tm.tm_hour, tm.tm_min);
	return buf;
}

/* Stop at an error: the screen shows it until a key goes back, and
** rapport meet reports it on leaving. */
static int
fail(app *a, meet_view *v, const rp_error *err)
{
	snprintf(v->error, sizeof v->error, "%s", err->msg);
	snprintf(a->msg, sizeof a->msg, "%s", err->msg);
	v->stage = STAGE_ERROR;
	return 0;
}

/* The meeting is id: with --carry, what last time left unfinished joins
** it; without, rapport meet says what it left out.  Then the live screen. */
static int
enter(app *a, meet_view *v, int64_t id)
{
	rp_error err = {0};
	int carried = 0;

	if (a->meet_carry) {
		if (agenda_carry_over(a->st, id, &carried, &err) != RP_OK)
			return fail(a, v, &err);
		if (carried)
			snprintf(a->notice, sizeof a->notice,
				 P_("%d item carried over from last time",
				    "%d items carried over from last time", carried),
				 carried);
	} else if (a->meet_pick != MEET_ASK && v->ch.pending && !a->notice[0] && id != v->ch.live &&
		   id != v->ch.planned) {
		snprintf(a->notice, sizeof a->notice,
			 P_("%d item from last time left out (--carry takes it)",
			    "%d items from last time left out (--carry takes them)", v->ch.pending),
			 v->ch.pending);
	}
	a->meeting_id = id;
	a->screen = SCREEN_LIVE;
	return H_SWITCH;
}

/* Go as far as the answers so far allow.  Returns H_SWITCH once the
** meeting is live (a->meeting_id, a->screen set), or 0 with v->stage
** saying what to ask. */
static int
advance(app *a, meet_view *v)
{
	const meeting_choice *ch = &v->ch;
	rp_error err = {0};
	int64_t id = 0;
	char when[48];

	if (ch->live)
		return enter(a, v, ch->live);
	if (!v->answered_planned) {
		v->answered_planned = true;
		if (a->meet_pick == MEET_PLANNED && ch->planned == 0) {
			err = (rp_error){.status = RP_ENOTFOUND};
			snprintf(err.msg, sizeof err.msg, _("no planned meeting for %s"), v->client_name);
			return fail(a, v, &err);
		}
		/* Named, picked with --planned, or today's: it is the one. */
		v->take_planned = ch->planned &&
				  (a->meet_title || a->meet_pick == MEET_PLANNED || ch->planned_today);
		if (ch->planned && !v->take_planned && a->meet_pick == MEET_ASK) {
			v->answered_planned = false;
			v->stage = STAGE_PLANNED;
			return 0;
		}
		if (ch->planned && !v->take_planned)
			/* TRANSLATORS: %s is a short day, "Wed 16 Dec". */
			snprintf(a->notice, sizeof a->notice,
				 _("new meeting: %s's stays planned (--planned takes it)"),
				 day_label(ch->planned_at, when, sizeof when));
	}
	if (v->take_planned) {
		if (meeting_start(a->st, a->clock, ch->planned, &err) != RP_OK)
			return fail(a, v, &err);
		return enter(a, v, ch->planned);
	}
	/* The screen asks; rapport meet has --carry for it. */
	if (a->meet_pick == MEET_ASK && ch->pending > 0 && v->carry < 0) {
		v->stage = STAGE_CARRY;
		return 0;
	}
	if (meeting_open_new(a->st, a->clock, v->client_id, a->meet_title, v->carry > 0, &id,
			     &err) != RP_OK)
		return fail(a, v, &err);
	return enter(a, v, id);
}

/* Load what the question needs; false (with a->msg) when it cannot. */
static bool
prepare(app *a, meet_view *v, int64_t client_id)
{
	rp_error err = {0};
	client c;

	memset(v, 0, sizeof *v);
	v->client_id = client_id;
	v->carry = -1;
	if (client_get(a->st, client_id, &c, &err) != RP_OK ||
	    meeting_choose(a->st, a->clock, client_id, a->meet_title, &v->ch, &err) != RP_OK) {
		fail(a, v, &err);
		return false;
	}
	snprintf(v->client_name, sizeof v->client_name, "%s", c.name);
	return true;
}

int
meet_begin(app *a, int64_t client_id)
{
	meet_view v;

	if (a->screen == SCREEN_CLIENTS || a->screen == SCREEN_PREP)
		a->meet_from = a->screen;
	a->client_id = client_id;
	a->meeting_id = 0;
	a->notice[0] = '\0';
	/* Nothing to ask: straight in.  Else the question screen asks again
	** from the start (it is cheap, and nothing changed in between). */
	if (prepare(a, &v, client_id) && advance(a, &v) == H_SWITCH)
		return H_SWITCH;
	a->screen = SCREEN_MEET;
	return H_SWITCH;
}

static void *
meet_open(app *a)
{
	meet_view *v = malloc(sizeof *v);

	if (v == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	if (prepare(a, v, a->client_id))
		advance(a, v);
	return v;
}

static void
meet_close(void *state)
{
	free(state);
}

/* A question in bold from row y, never cut: on one line when it fits,
** else broken after its comma when both halves fit ("Start the meeting
** planned for Wed 16 Dec now," / "or a new one?"), else at words.
** Returns the row after it. */
static int
put_question(int y, const char *text)
{
	enum { MAX_LINES = 6 };
	int cols = COLS - 2;
	const char *comma = strstr(text, ", ");
	width_line lines[MAX_LINES];
	size_t n;

	if (width_str(text) <= cols) {
		screen_put(y, 1, cols, text, A_BOLD);
		return y + 1;
	}
	if (comma && width_strn(text, (size_t)(comma + 1 - text)) <= cols &&
	    width_str(comma + 2) <= cols) {
		char first[800];

		snprintf(first, sizeof first, "%.*s", (int)(comma + 1 - text), text);
		screen_put(y++, 1, cols, first, A_BOLD);
		screen_put(y++, 1, cols, comma + 2, A_BOLD);
		return y;
	}
	n = width_wrap(text, cols, lines, MAX_LINES);
	for (size_t i = 0; i < n && i < MAX_LINES; i++) {
		char line[800];

		snprintf(line, sizeof line, "%.*s", (int)lines[i].len, text + lines[i].start);
		screen_put(y++, 1, cols, line, A_BOLD);
	}
	return y;
}

/* An answer's line from row y: "p  start the planned meeting now", what
** the key does wrapped at a word under its start on a narrow screen,
** never cut.  Returns the row after it. */
static int
put_option(int y, const char *text)
{
	enum { MAX_LINES = 4 };
	const char *gap = strstr(text, "  ");
	int keyw = gap ? width_strn(text, (size_t)(gap - text)) + 2 : 0, cols = COLS - 4 - keyw;
	width_line lines[MAX_LINES];
	size_t n;

	if (gap == NULL || width_str(text) <= COLS - 4 || cols < 10) {
		screen_put(y, 3, COLS - 4, text, A_NORMAL);
		return y + 1;
	}
	{
		char key[40];

		snprintf(key, sizeof key, "%.*s", (int)(gap - text), text);
		screen_put(y, 3, keyw, key, A_NORMAL);
	}
	n = width_wrap(gap + 2, cols, lines, MAX_LINES);
	for (size_t i = 0; i < n && i < MAX_LINES; i++) {
		char line[400];

		snprintf(line, sizeof line, "%.*s", (int)lines[i].len, gap + 2 + lines[i].start);
		screen_put(y++, 3 + keyw, cols, line, A_NORMAL);
	}
	return y;
}

static void
meet_draw(app *a, void *state)
{
	meet_view *v = state;
	char line[1600], when[48];
	int y = 2;

	erase();
	curs_set(0);
	if (LINES < 6 || COLS < 30) {
		screen_too_small();
		return;
	}
	snprintf(line, sizeof line, _("rapport · meet · %s"), v->client_name);
	screen_put(0, 1, COLS - 2, line, A_BOLD);
	switch (v->stage) {
	case STAGE_PLANNED:
		snprintf(line, sizeof line, _("Start the meeting planned for %s now, or a new one?"),
			 day_label(v->ch.planned_at, when, sizeof when));
		y = put_question(y, line);
		snprintf(line, sizeof line, "%s, %s", v->ch.planned_title,
			 when_label(v->ch.planned_at, when, sizeof when));
		screen_put(y++, 3, COLS - 4, line, A_NORMAL);
		y++;
		y = put_option(y, _("p  start the planned meeting now"));
		y = put_option(y, _("n  start a new meeting (the planned one stays)"));
		y = put_option(y, _("Esc  back, nothing started"));
		/* TRANSLATORS: hints separated by " · ", each starting with its
		** key; the one of Esc starts with Esc's name ("Échap"). */
		screen_footer(a, "", false, _("p planned · n new · Esc back"), NULL);
		break;
	case STAGE_CARRY:
		snprintf(line, sizeof line,
			 P_("Carry %d item left unfinished last time? y / n",
			    "Carry %d items left unfinished last time? y / n", v->ch.pending),
			 v->ch.pending);
		y = put_question(y, line);
		screen_put(y++, 3, COLS - 4, v->ch.pending_titles, A_NORMAL);
		y++;
		/* TRANSLATORS: "y" is the yes key: "o" in French (o and y both
		** answer yes there). */
		y = put_option(y, _("y  put them on this meeting's agenda"));
		y = put_option(y, _("n  start with an empty agenda"));
		y = put_option(y, _("Esc  back, nothing started"));
		screen_footer(a, "", false, _("y carry · n empty agenda · Esc back"), NULL);
		break;
	case STAGE_ERROR:
		screen_put(y, 1, COLS - 2, v->error, screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD);
		screen_footer(a, "", false, _("any key: back"), NULL);
		break;
	}
}

static enum answer
lookup(const meet_key *keys, wint_t key)
{
	for (; keys->key; keys++)
		if (keys->key == key)
			return keys->ans;
	return ANS_NONE;
}

/* Leave without starting anything: back home, or out of `rapport meet`. */
static int
back(app *a)
{
	if (a->from_home) {
		a->screen = a->meet_from == SCREEN_PREP ? SCREEN_PREP : SCREEN_CLIENTS;
		return H_SWITCH;
	}
	return H_QUIT;
}

static int
meet_key_op(app *a, void *state, wint_t key, bool function)
{
	meet_view *v = state;
	enum answer ans;

	if (v->stage == STAGE_ERROR)
		return back(a);
	ans = function ? ANS_NONE : lookup(v->stage == STAGE_PLANNED ? planned_keys : carry_keys, key);
	/* o (oui) answers yes too in French, as the question's "o / n" says. */
	if (!function && v->stage == STAGE_CARRY && lang_user() == RP_LANG_FR &&
	    (key == 'o' || key == 'O'))
		ans = ANS_YES;
	switch (ans) {
	case ANS_NONE: return H_HANDLED;
	case ANS_QUIT: return H_QUIT;
	case ANS_BACK: return back(a);
	case ANS_PLANNED:
	case ANS_NEW:
		v->answered_planned = true;
		v->take_planned = ans == ANS_PLANNED;
		v->stage = STAGE_PLANNED;
		return advance(a, v) ? H_SWITCH : H_REDRAW;
	case ANS_YES:
	case ANS_NO:
		v->carry = ans == ANS_YES;
		return advance(a, v) ? H_SWITCH : H_REDRAW;
	}
	return H_HANDLED;
}

const screen_ops meet_screen = {
	.name = "meet",
	.open = meet_open,
	.close = meet_close,
	.draw = meet_draw,
	.key = meet_key_op,
};
