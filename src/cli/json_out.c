/* json_out.c: the --json of clients, prep and search, one schema each.
**
** The schemas are documented in rapport(1), JSON OUTPUT: a key once there
** keeps its name, type and meaning; new keys may be added.  Times are ISO
** 8601 UTC, dates YYYY-MM-DD, an absent value null, through json.h.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/cadence.h"
#include "rapport/history.h"
#include "rapport/i18n.h"
#include "rapport/json.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/person.h"
#include "rapport/prep.h"
#include "rapport/search.h"
#include "rapport/session.h"

/* The cadence kinds as the JSON names them (cadence.h's order). */
static const char *const cadence_names[] = {
	[CADENCE_OVERDUE] = "overdue",
	[CADENCE_DUE_TODAY] = "due_today",
	[CADENCE_NEVER] = "never",
	[CADENCE_DUE_IN] = "due_in",
	[CADENCE_TOO_SOON] = "too_soon",
};

static void
key_id(json_writer *w, const char *key, int64_t id)
{
	json_key(w, key);
	if (id)
		json_int(w, id);
	else
		json_null(w);
}

static void
key_day(json_writer *w, const char *key, rp_date day)
{
	char ymd[16];

	json_key(w, key);
	if (day.year)
		json_date(w, date_format(day, ymd));
	else
		json_null(w);
}

/* A client's fields, shared by clients and prep: where stands NULL for an
** archived client (no cadence status then). */
static void
client_fields(json_writer *w, const client *c, const cadence *where)
{
	char text[64];

	json_key_int(w, "id", c->id);
	json_key_string(w, "name", c->name);
	json_key_string(w, "org", c->org[0] ? c->org : NULL);
	json_key_int(w, "cadence_min", c->cadence_min);
	json_key_int(w, "cadence_max", c->cadence_max);
	json_key_time(w, "last_contact", c->last_contact);
	json_key(w, "status");
	if (where)
		json_string(w, cadence_names[where->kind]);
	else
		json_null(w);
	json_key(w, "status_days");
	if (where && (where->kind == CADENCE_OVERDUE || where->kind == CADENCE_DUE_IN ||
		      where->kind == CADENCE_TOO_SOON))
		json_int(w, where->days);
	else
		json_null(w);
	json_key_string(w, "status_text", where ? cadence_describe(*where, text, sizeof text) : NULL);
	json_key_time(w, "archived_at", c->archived_at);
	/* Last: the keys before it keep their places. */
	json_key_string(w, "lang", lang_code(c->lang));
}

void
cli_clients_json(const client *const *list, const cadence *where, size_t n)
{
	json_writer w;

	json_begin(&w, stdout);
	json_array(&w);
	for (size_t i = 0; i < n; i++) {
		json_object(&w);
		client_fields(&w, list[i], where ? &where[i] : NULL);
		json_end(&w);
	}
	json_end(&w);
}

/* The notes Prep brings back from earlier meetings. */
static void
said_list(json_writer *w, const char *key, const prep_said *said, size_t n)
{
	json_key(w, key);
	json_array(w);
	for (size_t i = 0; i < n; i++) {
		json_object(w);
		json_key_int(w, "id", said[i].id);
		json_key_string(w, "text", said[i].text);
		json_key_time(w, "at", said[i].at);
		key_id(w, "meeting_id", said[i].meeting_id);
		json_end(w);
	}
	json_end(w);
}

static void
next_meeting(json_writer *w, const session *s)
{
	json_key(w, "next_meeting");
	if (s == NULL) {
		json_null(w);
		return;
	}
	json_object(w);
	json_key_int(w, "id", s->meeting_id);
	json_key_string(w, "title", s->title);
	json_key_time(w, "planned_at", s->planned_at);
	json_key(w, "planned_minutes");
	if (s->planned_minutes)
		json_int(w, s->planned_minutes);
	else
		json_null(w);
	json_key(w, "agenda");
	json_array(w);
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];

		json_object(w);
		json_key_int(w, "position", it->position);
		json_key_string(w, "title", it->title);
		json_key(w, "timebox_minutes");
		if (it->timebox_minutes)
			json_int(w, it->timebox_minutes);
		else
			json_null(w);
		json_key_int(w, "carry_count", it->carry_count);
		json_key(w, "walkthrough");
		json_array(w);
		for (size_t k = 0; k < it->nwalk; k++) {
			json_object(w);
			json_key_string(w, "member", it->walk[k].member);
			json_key_string(w, "did", it->walk[k].did);
			json_key(w, "minutes");
			if (it->walk[k].minutes >= 0)
				json_int(w, it->walk[k].minutes);
			else
				json_null(w);
			json_key_string(w, "depends_on", it->walk[k].depends_on);
			json_end(w);
		}
		json_end(w);
		json_end(w);
	}
	json_end(w);
	json_end(w);
}

/* A non-empty text, or null. */
static void
key_text(json_writer *w, const char *key, const char *text)
{
	json_key_string(w, key, text && *text ? text : NULL);
}

/* "people": who is who at the client. */
static void
people_list(json_writer *w, const person *people, size_t n)
{
	json_key(w, "people");
	json_array(w);
	for (size_t i = 0; i < n; i++) {
		json_object(w);
		json_key_int(w, "id", people[i].id);
		json_key_string(w, "name", people[i].name);
		key_text(w, "role", people[i].role);
		key_text(w, "email", people[i].email);
		key_text(w, "phone", people[i].phone);
		json_end(w);
	}
	json_end(w);
}

/* "history": the relationship at a glance, as figures and as the lines
** Prep draws (in ASCII: a script has no terminal to ask). */
static void
history_object(json_writer *w, const history *h)
{
	char buf[HISTORY_LINE_MAX];
	history_health r;

	json_key(w, "history");
	if (h == NULL) {
		json_null(w);
		return;
	}
	r = history_assess(h);
	json_object(w);
	json_key_int(w, "contacts", r.contacts);
	json_key(w, "every_days");
	if (r.every)
		json_int(w, r.every);
	else
		json_null(w);
	json_key_int(w, "overdue_gaps", r.overdue_gaps);
	json_key(w, "overdue_now");
	json_bool(w, r.overdue_now);
	json_key_int(w, "too_soon", r.too_soon);
	json_key(w, "healthy");
	json_bool(w, r.contacts > 0 && r.overdue_gaps == 0 && r.too_soon == 0);
	json_key_string(w, "verdict", history_legend(h, buf, sizeof buf));
	json_key_string(w, "strip", history_strip(h, false, buf, sizeof buf));
	json_key(w, "talk_shares");
	json_array(w);
	for (size_t i = 0; i < h->ntalk; i++)
		json_int(w, h->talk[i]);
	json_end(w);
	json_end(w);
}

void
cli_prep_json(const prep *p, const session *next, const opener *openers, size_t nopeners,
	      const person *people, size_t npeople, const history *h, rp_date today)
{
	char today_s[16];
	cadence where = cadence_compute(p->who.last_contact != 0, date_local(p->who.last_contact),
					today, p->who.cadence_min, p->who.cadence_max);
	json_writer w;

	date_format(today, today_s);
	json_begin(&w, stdout);
	json_object(&w);
	json_key(&w, "client");
	json_object(&w);
	client_fields(&w, &p->who, &where);
	json_end(&w);

	json_key(&w, "facts");
	json_array(&w);
	for (size_t i = 0; i < p->nfacts; i++) {
		json_object(&w);
		json_key_int(&w, "id", p->facts[i].id);
		json_key_string(&w, "kind", p->facts[i].kind);
		json_key_string(&w, "text", p->facts[i].text);
		json_key_time(&w, "learned_at", p->facts[i].learned_at);
		key_id(&w, "meeting_id", p->facts[i].meeting_id);
		json_key_string(&w, "person", p->facts[i].person);
		key_day(&w, "until", p->facts[i].until);
		json_key_time(&w, "done_at", p->facts[i].done_at);
		json_key(&w, "stale");
		json_bool(&w, p->facts[i].stale);
		json_end(&w);
	}
	json_end(&w);
	json_key(&w, "facts_older");
	json_bool(&w, p->facts_older);

	json_key(&w, "openers");
	json_array(&w);
	for (size_t i = 0; i < nopeners; i++) {
		json_object(&w);
		json_key_string(&w, "key", openers[i].key);
		json_key_string(&w, "text", openers[i].text);
		key_day(&w, "last_used", openers[i].last_used);
		json_end(&w);
	}
	json_end(&w);

	json_key(&w, "followups");
	json_array(&w);
	for (size_t i = 0; i < p->nfollowups; i++) {
		const prep_followup *f = &p->followups[i];

		json_object(&w);
		json_key_int(&w, "id", f->id);
		json_key_string(&w, "text", f->text);
		json_key_string(&w, "owner", f->owner);
		key_id(&w, "person_id", f->person_id);
		json_key_string(&w, "side", f->theirs ? "theirs" : "mine");
		json_key(&w, "due");
		json_date(&w, f->due);
		json_key(&w, "overdue");
		json_bool(&w, f->due && strcmp(f->due, DATE_INVALID_TEXT) != 0 &&
				      strcmp(f->due, today_s) < 0);
		key_id(&w, "meeting_id", f->meeting_id);
		json_end(&w);
	}
	json_end(&w);
	json_key_int(&w, "followups_open", (int64_t)p->followups_open);

	people_list(&w, people, npeople);
	history_object(&w, h);
	key_id(&w, "last_meeting", p->last_meeting);
	said_list(&w, "open_questions", p->questions, p->nquestions);
	said_list(&w, "last_concerns", p->concerns, p->nconcerns);
	said_list(&w, "quotes", p->quotes, p->nquotes);

	next_meeting(&w, next);
	json_key(&w, "carry");
	json_array(&w);
	for (size_t i = 0; i < p->ncarry; i++) {
		json_object(&w);
		json_key_string(&w, "title", p->carry[i].title);
		json_key_int(&w, "carry_count", p->carry[i].carry_count);
		json_end(&w);
	}
	json_end(&w);

	json_key(&w, "prep_notes");
	json_array(&w);
	for (size_t i = 0; i < p->nnotes; i++) {
		json_object(&w);
		json_key_int(&w, "id", p->notes[i].id);
		json_key_string(&w, "text", p->notes[i].text);
		json_key_time(&w, "at", p->notes[i].at);
		json_end(&w);
	}
	json_end(&w);
	json_end(&w);
}

/* A snippet without its match marks, and the matched words apart. */
static void
snippet_fields(json_writer *w, const char *snippet)
{
	size_t len = strlen(snippet);
	char *plain = malloc(len + 1), *word = malloc(len + 1);
	size_t np = 0;

	if (plain == NULL || word == NULL) {
		free(plain);
		free(word);
		cli_error(_("out of memory"));
		exit(EXIT_FAIL);
	}
	for (const char *s = snippet; *s; s++)
		if (*s != SEARCH_MARK_ON && *s != SEARCH_MARK_OFF)
			plain[np++] = *s;
	plain[np] = '\0';
	json_key_string(w, "snippet", plain);
	json_key(w, "matches");
	json_array(w);
	for (const char *s = snippet; (s = strchr(s, SEARCH_MARK_ON)) != NULL;) {
		const char *end = strchr(++s, SEARCH_MARK_OFF);
		size_t n = end ? (size_t)(end - s) : strlen(s);

		memcpy(word, s, n);
		word[n] = '\0';
		json_string(w, word);
		s += n;
	}
	json_end(w);
	free(plain);
	free(word);
}

void
cli_search_json(const search_result *r)
{
	json_writer w;

	json_begin(&w, stdout);
	json_array(&w);
	for (size_t i = 0; i < r->nhits; i++) {
		const search_hit *h = &r->hits[i];

		json_object(&w);
		json_key_string(&w, "what", h->what);
		json_key_time(&w, "at", h->at);
		json_key_int(&w, "client_id", h->client_id);
		json_key_string(&w, "client", h->client);
		json_key(&w, "client_archived");
		json_bool(&w, h->client_archived);
		key_id(&w, "meeting_id", h->meeting_id);
		key_id(&w, "note_id", h->note_id);
		snippet_fields(&w, h->snippet);
		json_end(&w);
	}
	json_end(&w);
}
