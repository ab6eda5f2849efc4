/* touch_ask.c: see touch_ask.h. */
#include "touch_ask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "width.h"

static void set_with(touch_ask *t, const char *name);

void
touch_ask_start(touch_ask *t, ask *q, int64_t client_id, const char *name)
{
	char question[sizeof q->question];

	t->client_id = client_id;
	t->kind = TOUCH_OTHER;
	set_with(t, name);
	/* The answers first, so a narrow screen that cuts the question keeps
	** them; 78 columns at most with the name cut to 20. */
	snprintf(question, sizeof question,
		 "Touchpoint: e email · c call · m message · o other (%s)", t->with);
	ask_start(q, ASK_TOUCH_KIND, question, "");
}

static const char *const kind_titles[] = {"Email", "Call", "Message", "Touchpoint"};

/* "with Acme" into t->with, the name cut to 20 columns. */
static void
set_with(touch_ask *t, const char *name)
{
	char *cut = width_truncate(name, 20);

	snprintf(t->with, sizeof t->with, "with %s", cut ? cut : name);
	free(cut);
}

/* What a kind is called in a sentence: "call", "touchpoint" for other. */
static const char *
kind_word(enum touch_kind kind)
{
	return kind == TOUCH_OTHER ? "touchpoint" : touch_kind_name(kind);
}

void
touch_ask_remove(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
		 const char *name)
{
	char question[sizeof q->question], *cut = width_truncate(text, 20);

	t->id = id;
	t->kind = kind;
	set_with(t, name);
	/* 78 columns at most: "touchpoint", the name and the text cut to 20
	** each, so "y / n" shows at 80. */
	snprintf(question, sizeof question, "Remove the %s %s, \"%s\"? y / n", kind_word(kind),
		 t->with, cut ? cut : "");
	free(cut);
	ask_start(q, ASK_TOUCH_REMOVE, question, "");
}

void
touch_ask_edit(touch_ask *t, ask *q, int64_t id, enum touch_kind kind, const char *text,
	       const char *name)
{
	char question[sizeof q->question];

	t->id = id;
	t->kind = kind;
	set_with(t, name);
	snprintf(question, sizeof question, "%s %s:", kind_titles[kind], t->with);
	ask_start(q, ASK_TOUCH_EDIT, question, text);
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
			snprintf(msg, size, "%s %s removed", kind_word(t->kind), t->with);
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
		snprintf(msg, size, "out of memory");
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
		snprintf(msg, size, "%s %s changed", kind_word(kind), t->with);
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
		snprintf(msg, size, "out of memory");
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
		snprintf(msg, size, "%s %s logged: the cadence starts again today",
			 t->kind == TOUCH_OTHER ? "touchpoint" : touch_kind_name(t->kind), t->with);
		*error = false;
		*logged = true;
	}
	free(text);
}

int
touch_ask_key(app *a, touch_ask *t, ask *q, wint_t key, bool function, bool *logged,
	      char *msg, size_t size, bool *error)
{
	char question[sizeof q->question];
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
		snprintf(question, sizeof question, "%s %s:", kind_titles[t->kind], t->with);
		ask_start(q, ASK_TOUCH_TEXT, question, "");
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
