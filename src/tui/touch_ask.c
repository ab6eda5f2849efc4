/* touch_ask.c: see touch_ask.h. */
#include "touch_ask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/i18n.h"
#include "width.h"

/* The texts of each kind are whole sentences for the translator ("call" is
** masculine in French, "email" elided: "l'e-mail"), picked by kind where
** they are formatted, so that the compiler checks their formats. */
#define BY_KIND(k, email, call, message, other)               \
	((k) == TOUCH_EMAIL     ? (email)                      \
	 : (k) == TOUCH_CALL    ? (call)                       \
	 : (k) == TOUCH_MESSAGE ? (message)                    \
				: (other))

/* The questions are 78 columns at most, so that their answers show at 80:
** the client's name is cut to 20 columns, and to fewer when the French
** around it takes more. */
enum { QUESTION_COLS = 78, NAME_COLS = 20, TEXT_COLS = 20, CUT_MIN = 8 };

/* The columns question (built with its arguments empty) leaves to them
** within QUESTION_COLS. */
static int
room(const char *question)
{
	int left = QUESTION_COLS - width_str(question);

	return left > CUT_MIN ? left : CUT_MIN;
}

/* The client's name into t->name, cut at cols columns. */
static void
set_name(touch_ask *t, const char *name, int cols)
{
	char *cut = width_truncate(name, cols);

	snprintf(t->name, sizeof t->name, "%s", cut ? cut : name);
	free(cut);
}

/* The first question, with the name: one key answers it. */
static void
kind_question(char *buf, size_t size, const char *name)
{
	/* TRANSLATORS: one key answers: e, c, m or o (the keys stay the
	** same in every language); the answers come first, so that a narrow
	** screen cutting the question keeps them.  %s is the client's name,
	** cut to what 78 columns leave it: the shorter the rest, the more of
	** the name shows. */
	snprintf(buf, size, _("Touchpoint: e email · c call · m message · o other (with %s)"), name);
}

void
touch_ask_start(touch_ask *t, ask *q, int64_t client_id, const char *name)
{
	char question[sizeof q->question];
	int cols;

	kind_question(question, sizeof question, "");
	cols = room(question);
	t->client_id = client_id;
	t->kind = TOUCH_OTHER;
	set_name(t, name, cols < NAME_COLS ? cols : NAME_COLS);
	kind_question(question, sizeof question, t->name);
	/* The later questions, shorter, take the name cut to 20. */
	set_name(t, name, NAME_COLS);
	ask_start(q, ASK_TOUCH_KIND, question, "");
}

/* The question of the text of a touchpoint of t's kind: "Call with Acme:". */
static void
ask_text_of(touch_ask *t, ask *q, int purpose, const char *initial)
{
	char question[sizeof q->question];

	snprintf(question, sizeof question,
		 BY_KIND(t->kind, _("Email with %s:"), _("Call with %s:"), _("Message with %s:"),
			 _("Touchpoint with %s:")),
		 t->name);
	ask_start(q, purpose, question, initial);
}

static void
remove_question(char *buf, size_t size, enum touch_kind kind, const char *name, const char *text)
{
	snprintf(buf, size,
		 BY_KIND(kind, _("Remove the email with %s, \"%s\"? y / n"),
			 _("Remove the call with %s, \"%s\"? y / n"),
			 _("Remove the message with %s, \"%s\"? y / n"),
			 _("Remove the touchpoint with %s, \"%s\"? y / n")),
		 name, text);
}

void
touch_ask_remove(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
		 const char *name)
{
	char question[sizeof q->question], *cut;
	int textw;

	t->id = id;
	t->kind = kind;
	set_name(t, name, NAME_COLS);
	/* 78 columns at most, so "y / n" shows at 80: the name cut to 20, the
	** text to 20 or what the name leaves, at a word. */
	remove_question(question, sizeof question, kind, "", "");
	textw = room(question) - width_str(t->name);
	if (textw > TEXT_COLS)
		textw = TEXT_COLS;
	cut = width_truncate_words(text, textw < CUT_MIN ? CUT_MIN : textw);
	remove_question(question, sizeof question, kind, t->name, cut ? cut : "");
	free(cut);
	ask_start(q, ASK_TOUCH_REMOVE, question, "");
}

void
touch_ask_edit(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
	       const char *name)
{
	t->id = id;
	t->kind = kind;
	set_name(t, name, NAME_COLS);
	ask_text_of(t, q, ASK_TOUCH_EDIT, text);
}

/* The answer to touch_ask_remove(): y removes it. */
static void
removed(app *a, touch_ask *t, ask *q, bool *logged, char *msg, size_t size, bool *error)
{
	char *yes = ask_text(q);
	rp_error err = {0};

	*error = false;
	msg[0] = '\0';
	if (yes && strcmp(yes, "y") == 0) {
		if (record_touch_delete(a->st, t->id, &err) != RP_OK) {
			snprintf(msg, size, "%s", err.msg);
			*error = true;
		} else {
			snprintf(msg, size,
				 BY_KIND(t->kind, _("email with %s removed"), _("call with %s removed"),
					 _("message with %s removed"), _("touchpoint with %s removed")),
				 t->name);
			*logged = true;
		}
	}
	free(yes);
}

/* The answer to touch_ask_edit(): saved, or asked again to be fixed. */
static void
edited(app *a, touch_ask *t, ask *q, bool *logged, char *msg, size_t size, bool *error)
{
	char *text = ask_text(q);
	enum touch_kind kind = t->kind;
	const char *body;
	rp_error err = {0};

	*error = false;
	if (text == NULL) {
		snprintf(msg, size, "%s", _("out of memory"));
		*error = true;
		return;
	}
	if (!q->typed) {  /* Enter on the text as it was: nothing to change */
		msg[0] = '\0';
		free(text);
		return;
	}
	body = touch_kind_lead(text, &kind);
	if (record_touch_edit(a->st, t->id, kind, body, &err) != RP_OK) {
		snprintf(msg, size, "%s", err.msg);
		*error = true;
		ask_start(q, ASK_TOUCH_EDIT, q->question, text);
		q->typed = true;  /* not saved anywhere: Ctrl-C must keep it */
	} else {
		snprintf(msg, size,
			 BY_KIND(kind, _("email with %s changed"), _("call with %s changed"),
				 _("message with %s changed"), _("touchpoint with %s changed")),
			 t->name);
		*logged = true;
	}
	free(text);
}

/* The kind a key picks, -1 for none. */
static int
kind_of_key(wint_t key)
{
	switch (key) {
	case 'e': case 'E': return TOUCH_EMAIL;
	case 'c': case 'C': return TOUCH_CALL;
	case 'm': case 'M': return TOUCH_MESSAGE;
	case 'o': case 'O': case '\r': case '\n': return TOUCH_OTHER;
	default: return -1;
	}
}

/* Save the text typed; a kind word opening it ("appel: ...") names the
** kind when the key said other. */
static void
save(app *a, touch_ask *t, ask *q, bool *logged, char *msg, size_t size, bool *error)
{
	char *text = ask_text(q);
	enum touch_kind kind = t->kind;
	const char *body;
	rp_error err = {0};

	if (text == NULL) {
		snprintf(msg, size, "%s", _("out of memory"));
		*error = true;
		return;
	}
	/* The kind the text names is taken only once it is saved: a text
	** refused is offered again whole, its "call:" still to be read. */
	body = kind == TOUCH_OTHER ? touch_kind_lead(text, &kind) : text;
	if (record_touch(a->st, a->clock, t->client_id, kind, body, NULL, &err) != RP_OK) {
		snprintf(msg, size, "%s", err.msg);
		*error = true;
		/* Typed again, not lost: the text stays to be fixed. */
		ask_start(q, ASK_TOUCH_TEXT, q->question, text);
		q->typed = true;  /* not saved anywhere: Ctrl-C must keep it */
	} else {
		t->kind = kind;
		snprintf(msg, size,
			 BY_KIND(t->kind, _("email with %s logged: the cadence starts again today"),
				 _("call with %s logged: the cadence starts again today"),
				 _("message with %s logged: the cadence starts again today"),
				 _("touchpoint with %s logged: the cadence starts again today")),
			 t->name);
		*error = false;
		*logged = true;
	}
	free(text);
}

int
touch_ask_key(app *a, touch_ask *t, ask *q, wint_t key, bool function, bool *logged,
	      char *msg, size_t size, bool *error)
{
	int kind;

	*logged = false;
	if (!q->active || q->purpose < ASK_TOUCH_KIND || q->purpose > ASK_TOUCH_EDIT)
		return TOUCH_ASK_NOT_MINE;
	if (!function && key == 3)
		return screen_ask_quit(q);  /* quits at once, the text kept */
	if (q->purpose == ASK_TOUCH_KIND) {
		if (!function && key == 27) {
			q->active = false;
			msg[0] = '\0';
			return H_REDRAW;
		}
		if (function || (kind = kind_of_key(key)) < 0)
			return H_HANDLED;  /* only the four answers */
		t->kind = (enum touch_kind)kind;
		ask_text_of(t, q, ASK_TOUCH_TEXT, "");
		return H_REDRAW;
	}
	switch (ask_key(q, key, function)) {
	case ASK_DONE:
		if (q->purpose == ASK_TOUCH_REMOVE)
			removed(a, t, q, logged, msg, size, error);
		else if (q->purpose == ASK_TOUCH_EDIT)
			edited(a, t, q, logged, msg, size, error);
		else
			save(a, t, q, logged, msg, size, error);
		break;
	case ASK_CANCEL:
		msg[0] = '\0';
		break;
	default:
		break;
	}
	return H_REDRAW;
}
