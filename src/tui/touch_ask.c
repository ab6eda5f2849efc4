/* touch_ask.c: see touch_ask.h. */
#include "touch_ask.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "width.h"

void
touch_ask_start(touch_ask *t, ask *q, int64_t client_id, const char *name)
{
	char question[sizeof q->question], *cut = width_truncate(name, 20);

	t->client_id = client_id;
	t->kind = TOUCH_OTHER;
	snprintf(t->with, sizeof t->with, "with %s", cut ? cut : name);
	free(cut);
	/* The answers first, so a narrow screen that cuts the question keeps
	** them; 78 columns at most with the name cut to 20. */
	snprintf(question, sizeof question,
		 "Touchpoint: e email · c call · m message · o other (%s)", t->with);
	ask_start(q, ASK_TOUCH_KIND, question, "");
}

static const char *const kind_titles[] = {"Email", "Call", "Message", "Touchpoint"};

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
	const char *body;
	rp_error err = {0};

	if (text == NULL) {
		snprintf(msg, size, "out of memory");
		*error = true;
		return;
	}
	body = t->kind == TOUCH_OTHER ? touch_kind_lead(text, &t->kind) : text;
	if (record_touch(a->st, a->clock, t->client_id, t->kind, body, NULL, &err) != RP_OK) {
		snprintf(msg, size, "%s", err.msg);
		*error = true;
		/* Typed again, not lost: the text stays to be fixed. */
		ask_start(q, ASK_TOUCH_TEXT, q->question, text);
	} else {
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
	if (!q->active || (q->purpose != ASK_TOUCH_KIND && q->purpose != ASK_TOUCH_TEXT))
		return TOUCH_ASK_NOT_MINE;
	if (!function && key == 3)
		return H_QUIT;  /* Ctrl-C quits at once, as everywhere */
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
