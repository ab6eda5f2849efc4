/* calendar.c: the objects a calendar is told of, and their versions.
** See calendar.h.
**
** A task's words are the note's as said to a person (text_spoken): its
** #topics become categories, its @owner and ^due are the task's owner
** and DUE.  Whose it is shows first: "Acme: send the plan" is mine,
** "Waiting for Acme: share the API keys" theirs, so a PM's task list does
** not mix what they owe with what they wait for.
**
** The words around them are the client's language (client.lang, else the
** user's), as the recap is: "Faire le point avec Acme", "En attente
** d'Acme : ...", with French typography (NNBSP before : ? ! ;, « ») set on
** the typed words too.  The categories ("rapport", "waiting") stay as they
** are in every language: they are what the user's filters ask for, in
** todoman and the like, and one filter must find every client's.
*/
#include "rapport/calendar.h"

#include <inttypes.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "export_lang.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/export.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/note.h"
#include "rapport/text.h"

#define CATEGORY_APP "rapport"
#define CATEGORY_THEIRS "waiting"

/* A follow-up as the queries below read it:
**   0 id, 1 client id, 2 client, 3 text, 4 owner (a linked person's name
**   first), 5 due, 6 status, 7 created, 8 closed, 9 theirs, 10 linked to a
**   person, 11 meeting title, 12 meeting time, 13 the client's language. */
#define TASK_SELECT                                                                 \
	"SELECT f.id, f.client_id, c.name, f.text,"                                 \
	" coalesce((SELECT name FROM people WHERE id = f.person_id), f.owner),"    \
	" f.due, f.status, f.created_at, f.closed_at,"                              \
	" (f.person_id IS NOT NULL OR rp_theirs(f.owner, c.name)), f.person_id IS NOT NULL," \
	" m.title, coalesce(m.started_at, m.planned_at, m.created_at), c.lang"
#define TASK_FROM(indexed)                                                          \
	" FROM followups f" indexed " JOIN clients c ON c.id = f.client_id"        \
	" LEFT JOIN meetings m ON m.id = f.meeting_id"

static const char meeting_sql[] = TASK_SELECT TASK_FROM("")
	" WHERE f.meeting_id = ?1 ORDER BY f.id";
/* The open ones: one client's through followups_client, everyone's
** through the partial index of the open ones. */
static const char open_one_sql[] = TASK_SELECT TASK_FROM(" INDEXED BY followups_client")
	" WHERE f.client_id = ?1 AND f.status = 'open' AND c.archived_at IS NULL ORDER BY f.id";
static const char open_all_sql[] = TASK_SELECT TASK_FROM(" INDEXED BY followups_open")
	" WHERE f.status = 'open' AND c.archived_at IS NULL ORDER BY f.id";
static const char also_sql[] = TASK_SELECT TASK_FROM("")
	" WHERE f.id = ?1 AND f.status <> 'open' AND coalesce(f.closed_at, 0) >= ?3"
	" AND c.archived_at IS NULL AND (?2 = 0 OR f.client_id = ?2)";

/* Room for one more object in cal; NULL when out of memory. */
static calendar_object *
grow(calendar *cal, size_t *cap)
{
	calendar_object *o;

	if (!arena_grow(&cal->objects, cap, cal->n, sizeof *cal->objects))
		return NULL;
	o = &cal->objects[cal->n++];
	memset(o, 0, sizeof *o);
	return o;
}

/* A printf into the calendar's arena; NULL (and *oom) when out of memory. */
static const char *
arena_printf(calendar *cal, bool *oom, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static const char *
arena_printf(calendar *cal, bool *oom, const char *fmt, ...)
{
	va_list ap;
	char *buf;
	const char *kept;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0 || (buf = malloc((size_t)len + 1)) == NULL) {
		*oom = true;
		return NULL;
	}
	va_start(ap, fmt);
	vsnprintf(buf, (size_t)len + 1, fmt, ap);
	va_end(ap);
	kept = arena_strdup(&cal->arena, (const unsigned char *)buf, oom);
	free(buf);
	return kept;
}

/* Neutralised text of column i, flattened to one line; "" for NULL. */
static char *
column_line(sqlite3_stmt *stmt, int i)
{
	const char *t = db_col_text(stmt, i);

	return text_sanitize(t ? t : "", " ");
}

/* FNV-1a over what a calendar shows of o, fields kept apart. */
static uint64_t
digest(const calendar_object *o)
{
	uint64_t h = 14695981039346656037ULL;
	char num[96];
	const char *parts[CALENDAR_CATEGORIES_MAX + 3];
	size_t n = 0;

	snprintf(num, sizeof num, "%d|%04d-%02d-%02d|%d|%" PRId64 "|%" PRId64, (int)o->kind,
		 o->day.year, o->day.month, o->day.day, (int)o->status, o->created_at,
		 o->completed_at);
	parts[n++] = num;
	parts[n++] = o->summary ? o->summary : "";
	parts[n++] = o->description ? o->description : "";
	for (size_t k = 0; k < o->ncategories; k++)
		parts[n++] = o->categories[k];
	for (size_t k = 0; k < n; k++) {
		for (const unsigned char *p = (const unsigned char *)parts[k]; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		h = (h ^ 0x1F) * 1099511628211ULL;  /* a unit separator */
	}
	return h;
}

/* Read a "YYYY-MM-DD" due date; false for none or one no calendar holds. */
static bool
read_due(const char *s, rp_date *out)
{
	int y, m, d;
	char tail;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || strlen(s) != 10 ||
	    !date_valid(y, m, d))
		return false;
	out->year = y;
	out->month = m;
	out->day = d;
	return true;
}

/* Add the categories of a task: the app, the client, "waiting" for
** theirs, then the #topics of its text, as the note's parser reads them,
** once each, while there is room. */
static void
task_categories(calendar *cal, calendar_object *o, const char *name, bool theirs,
		const char *text, bool *oom)
{
	char topic[NOTE_TOPIC_MAX + 1];
	size_t len = strlen(text), used;

	o->categories[o->ncategories++] = CATEGORY_APP;
	o->categories[o->ncategories++] = name;
	if (theirs)
		o->categories[o->ncategories++] = CATEGORY_THEIRS;
	for (size_t i = 0; i < len && o->ncategories < CALENDAR_CATEGORIES_MAX; i++) {
		bool again = false;

		if (text[i] != '#' || (i > 0 && text[i - 1] != ' ') ||
		    (used = note_read_topic(text + i + 1, len - i - 1, topic)) == 0)
			continue;
		for (size_t k = 0; k < o->ncategories; k++)
			again = again || strcmp(o->categories[k], topic) == 0;
		if (!again)
			o->categories[o->ncategories++] = arena_strdup(
				&cal->arena, (const unsigned char *)topic, oom);
		i += used;
	}
}

/* text as lang prints it (export_typeset), in place of text, which is
** freed; NULL when out of memory (or when text was NULL). */
static char *
typeset(enum rp_lang lang, char *text)
{
	char *set = text != NULL ? export_typeset(lang, text) : NULL;

	free(text);
	return set;
}

/* The language of the client of a row, column i: theirs, else the user's. */
static enum rp_lang
row_lang(sqlite3_stmt *stmt, int i)
{
	enum rp_lang lang;

	return lang_parse(db_col_text(stmt, i), &lang) ? lang : lang_user();
}

/* The summary of a task: whose it is, then its words, in lang.  who is
** the client, owner the person linked (when person) or the owner typed. */
static const char *
task_summary(calendar *cal, bool *oom, enum rp_lang lang, bool theirs, bool person,
	     const char *who, const char *owner, const char *words)
{
	size_t skip = 0;
	const char *de;

	if (!theirs)
		return arena_printf(cal, oom, IN_LANG(lang, "%s: %s", "%s" NNBSP ": %s"), who,
				    words);
	if (lang == RP_LANG_EN && person && owner[0])
		return arena_printf(cal, oom, "Waiting for %s (%s): %s", owner, who, words);
	if (lang == RP_LANG_EN)
		return arena_printf(cal, oom, "Waiting for %s: %s", who, words);
	/* "En attente de Zoé", "d'Ève", "des Films du Lendemain". */
	if (person && owner[0]) {
		de = export_fr_de(owner, &skip);
		return arena_printf(cal, oom, "En attente %s%s (%s)" NNBSP ": %s", de, owner + skip,
				    who, words);
	}
	de = export_fr_de(who, &skip);
	return arena_printf(cal, oom, "En attente %s%s" NNBSP ": %s", de, who + skip, words);
}

/* The description of a task: its owner, and the meeting it comes from
** (none when met is 0), in lang. */
static const char *
task_description(calendar *cal, bool *oom, enum rp_lang lang, const char *owner,
		 const char *title, const char *who, int64_t met)
{
	char day[DATE_LONG_MAX];
	const char *lead = owner[0] ? IN_LANG(lang, "Owner: ", "Responsable" NNBSP ": ") : "";
	const char *mine = owner[0] ? export_owner(lang, owner) : "";

	if (met == 0)
		return arena_printf(cal, oom, "%s%s", lead, mine);
	if (lang == RP_LANG_EN)
		return arena_printf(cal, oom, "%s%s%sFrom the meeting \"%s\" with %s on %s", lead,
				    mine, owner[0] ? "\n" : "", title, who,
				    date_format(date_local(met), day));
	return arena_printf(cal, oom, "%s%s%sSuite à la réunion «" NNBSP "%s" NNBSP "» avec %s du %s",
			    lead, mine, owner[0] ? "\n" : "", title, who,
			    date_format_long_in(lang, date_local(met), true, day, sizeof day));
}

/* One task from a row of TASK_SELECT. */
static enum rp_status
add_task(calendar *cal, size_t *cap, sqlite3_stmt *stmt, rp_error *err)
{
	calendar_object *o = grow(cal, cap);
	enum rp_lang lang = row_lang(stmt, 13);
	char *who = column_line(stmt, 2), *words = NULL, *owner = column_line(stmt, 4);
	char *title = typeset(lang, column_line(stmt, 11)), *text = column_line(stmt, 3);
	const char *status = db_col_text(stmt, 6), *kept_client;
	bool oom = o == NULL || who == NULL || owner == NULL || title == NULL || text == NULL;
	bool theirs = sqlite3_column_int(stmt, 9) != 0, person = sqlite3_column_int(stmt, 10) != 0;
	int64_t met = db_col_time(stmt, 12);

	if (!oom)
		oom = (words = typeset(lang, text_spoken(text))) == NULL;
	if (oom)
		goto out;
	o->kind = CALENDAR_TODO;
	o->ref = db_col_id(stmt, 0);
	o->client_id = db_col_id(stmt, 1);
	snprintf(o->uid, sizeof o->uid, "rapport-%s-followup-%" PRId64, cal->id, o->ref);
	kept_client = arena_strdup(&cal->arena, (const unsigned char *)who, &oom);
	o->summary = task_summary(cal, &oom, lang, theirs, person, who, owner, words);
	o->description = task_description(cal, &oom, lang, owner, title, who, met);
	task_categories(cal, o, kept_client, theirs, text, &oom);
	if (!read_due(db_col_text(stmt, 5), &o->day))
		o->day = (rp_date){0, 0, 0};
	o->status = status && strcmp(status, "done") == 0      ? FOLLOWUP_DONE
		    : status && strcmp(status, "dropped") == 0 ? FOLLOWUP_DROPPED
							       : FOLLOWUP_OPEN;
	o->created_at = db_col_time(stmt, 7);
	o->completed_at = o->status == FOLLOWUP_OPEN ? 0 : db_col_time(stmt, 8);
	if (!oom)  /* a NULL left by a failed copy is no text to hash */
		o->digest = digest(o);
out:
	free(who);
	free(words);
	free(owner);
	free(title);
	free(text);
	return oom ? rp_fail(err, RP_ENOMEM, _("out of memory")) : RP_OK;
}

/* Every task sql reads (bound to a, b and c). */
static enum rp_status
add_tasks(store *st, calendar *cal, size_t *cap, const char *sql, int64_t a, int64_t b,
	  int64_t c, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, sql, &stmt, N_("reading follow-ups"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	sqlite3_bind_int64(stmt, 3, c);
	while (s == RP_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		s = add_task(cal, cap, stmt, err);
	if (s == RP_OK && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading follow-ups"));
	sqlite3_finalize(stmt);
	return s;
}

/* The day to check in with cl: the working day in the middle of the
** cadence window after the last contact, or the next working day from
** today once that has passed (or when there was no contact): a check-in
** left in the past is one nobody sees. */
static rp_date
checkin_day(const client *cl, rp_date today, rp_date *from, rp_date *to)
{
	rp_date day = today;

	if (cl->last_contact != 0) {
		cadence_window(date_local(cl->last_contact), cl->cadence_min, cl->cadence_max, from,
			       to);
		day = cadence_suggest(*from, *to);
		if (date_to_days(day) >= date_to_days(today))
			return day;
		day = today;
	}
	while (date_weekday(day) >= 5)  /* 5 Saturday, 6 Sunday */
		day = date_add_days(day, 1);
	return day;
}

/* "un contact tous les 5 à 14 jours", "tous les 7 jours", "par jour":
** a cadence as French says it. */
static const char *
fr_cadence(int min, int max, char *buf, size_t size)
{
	if (max <= 1)
		snprintf(buf, size, "un contact par jour");
	else if (min == max)
		snprintf(buf, size, "un contact tous les %d jours", max);
	else
		snprintf(buf, size, "un contact tous les %d à %d jours", min, max);
	return buf;
}

/* The description of a check-in, in lang: the last contact and the
** window (dates in full in French: "le 1er avril 2026"), or that there
** was none. */
static const char *
checkin_description(calendar *cal, bool *oom, enum rp_lang lang, const client *cl,
		    rp_date from, rp_date to, rp_date today)
{
	char from_s[DATE_LONG_MAX], to_s[DATE_LONG_MAX], last_s[DATE_LONG_MAX], every[64];
	bool overdue = date_to_days(to) < date_to_days(today);
	rp_date last = date_local(cl->last_contact);

	if (lang == RP_LANG_EN && cl->last_contact == 0)
		return arena_printf(cal, oom, "No contact yet (cadence %d-%d days).",
				    cl->cadence_min, cl->cadence_max);
	if (lang == RP_LANG_EN) {
		date_format(from, from_s);
		date_format(to, to_s);
		date_format(last, last_s);
		return arena_printf(cal, oom,
				    "Last contact %s. Not before %s, by %s (cadence %d-%d days).%s",
				    last_s, from_s, to_s, cl->cadence_min, cl->cadence_max,
				    overdue ? " Overdue." : "");
	}
	fr_cadence(cl->cadence_min, cl->cadence_max, every, sizeof every);
	if (cl->last_contact == 0)
		return arena_printf(cal, oom, "Pas encore de contact (%s).", every);
	date_format_long_in(lang, from, false, from_s, sizeof from_s);
	date_format_long_in(lang, to, false, to_s, sizeof to_s);
	date_format_long_in(lang, last, false, last_s, sizeof last_s);
	return arena_printf(cal, oom,
			    "Dernier contact le %s. Pas avant le %s, au plus tard le %s (%s).%s",
			    last_s, from_s, to_s, every, overdue ? " En retard." : "");
}

/* The check-in of active client cl, in their language. */
static enum rp_status
add_checkin(calendar *cal, size_t *cap, const client *cl, rp_date today, rp_error *err)
{
	calendar_object *o = grow(cal, cap);
	char *name = text_sanitize(cl->name, " ");
	rp_date from = today, to = today;
	bool oom = o == NULL || name == NULL;

	if (oom)
		goto out;
	o->kind = CALENDAR_CHECKIN;
	o->ref = o->client_id = cl->id;
	snprintf(o->uid, sizeof o->uid, "rapport-%s-checkin-%" PRId64, cal->id, cl->id);
	o->day = checkin_day(cl, today, &from, &to);
	o->summary = arena_printf(cal, &oom, IN_LANG(cl->lang, "Check in with %s",
						     "Faire le point avec %s"),
				  name);
	o->description = checkin_description(cal, &oom, cl->lang, cl, from, to, today);
	o->categories[o->ncategories++] = CATEGORY_APP;
	o->categories[o->ncategories++] = arena_strdup(&cal->arena, (const unsigned char *)name,
						       &oom);
	o->created_at = cl->created_at;
	if (!oom)  /* a NULL left by a failed copy is no text to hash */
		o->digest = digest(o);
out:
	free(name);
	return oom ? rp_fail(err, RP_ENOMEM, _("out of memory")) : RP_OK;
}

enum rp_status
calendar_identity(store *st, char *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	const char *v;

	id[0] = '\0';
	if ((s = db_prepare(st, "SELECT value FROM settings WHERE key = 'calendar_id'", &stmt,
			    N_("reading the calendar identity"), err)) != RP_OK)
		return s;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		s = store_fail(st, err, N_("reading the calendar identity"));
		if (s == RP_OK)
			s = rp_fail(err, RP_EINVAL, _("the database has no calendar identity"));
	} else if ((v = db_col_text(stmt, 0)) == NULL || strlen(v) != CALENDAR_ID_LEN ||
		   strspn(v, "0123456789abcdef") != CALENDAR_ID_LEN) {
		/* It becomes file names and UIDs: nothing but what was made. */
		s = rp_fail(err, RP_EINVAL, _("the database's calendar identity is damaged"));
	} else {
		memcpy(id, v, CALENDAR_ID_LEN + 1);
	}
	sqlite3_finalize(stmt);
	return s;
}

static enum rp_status
calendar_new(store *st, calendar **out, rp_error *err)
{
	calendar *cal = calloc(1, sizeof *cal);
	enum rp_status s;

	*out = NULL;
	if (cal == NULL)
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	if ((s = calendar_identity(st, cal->id, err)) != RP_OK) {
		free(cal);
		return s;
	}
	*out = cal;
	return RP_OK;
}

enum rp_status
calendar_meeting(store *st, const rp_clock *clock, int64_t meeting_id, calendar **out,
		 rp_error *err)
{
	calendar *cal = NULL;
	size_t cap = 0;
	int64_t client_id = 0;
	enum rp_status s;
	client cl;

	*out = NULL;
	if ((s = db_query_int(st, "SELECT client_id FROM meetings WHERE id = ?1", meeting_id, 0,
			      &client_id, N_("reading a meeting"), err)) != RP_OK) {
		if (s == RP_ENOTFOUND)
			rp_fail(err, s, _("no meeting %lld"), (long long)meeting_id);
		return s;
	}
	if ((s = calendar_new(st, &cal, err)) != RP_OK)
		return s;
	s = add_tasks(st, cal, &cap, meeting_sql, meeting_id, 0, 0, err);
	if (s == RP_OK && (s = client_get(st, client_id, &cl, err)) == RP_OK && cl.archived_at == 0)
		s = add_checkin(cal, &cap, &cl, date_local(rp_clock_now(clock)), err);
	if (s != RP_OK) {
		calendar_free(cal);
		return s;
	}
	*out = cal;
	return RP_OK;
}

enum rp_status
calendar_clients(store *st, const rp_clock *clock, const calendar_scope *scope, calendar **out,
		 rp_error *err)
{
	rp_date today = date_local(rp_clock_now(clock));
	calendar *cal = NULL;
	client *clients = NULL, one;
	size_t cap = 0, n = 0;
	enum rp_status s;

	*out = NULL;
	if (scope->client_id != 0) {
		if ((s = client_get(st, scope->client_id, &one, err)) != RP_OK)
			return s;
		if (one.archived_at != 0)
			return rp_fail(err, RP_ENOTFOUND, _("%s is archived"), one.name);
	} else if ((s = client_list(st, &clients, &n, err)) != RP_OK) {
		return s;
	}
	if ((s = calendar_new(st, &cal, err)) != RP_OK)
		goto out;
	if (scope->client_id != 0)
		s = add_tasks(st, cal, &cap, open_one_sql, scope->client_id, 0, 0, err);
	else
		s = add_tasks(st, cal, &cap, open_all_sql, 0, 0, 0, err);
	for (size_t i = 0; s == RP_OK && i < scope->nalso; i++)
		s = add_tasks(st, cal, &cap, also_sql, scope->also[i], scope->client_id,
			       scope->closed_since, err);
	if (scope->client_id != 0 && s == RP_OK)
		s = add_checkin(cal, &cap, &one, today, err);
	for (size_t i = 0; s == RP_OK && i < n; i++)
		s = add_checkin(cal, &cap, &clients[i], today, err);
out:
	free(clients);
	if (s != RP_OK) {
		calendar_free(cal);
		return s;
	}
	*out = cal;
	return RP_OK;
}

/* Stamp o from what calendar_objects holds of it, changing that row when
** o is new or changed. */
static enum rp_status
stamp_one(store *st, sqlite3_stmt *get, sqlite3_stmt *put, calendar_object *o, int64_t now,
	  rp_error *err)
{
	int64_t digest_now = (int64_t)o->digest;
	enum rp_status s = RP_OK;
	int rc;

	sqlite3_reset(get);
	sqlite3_bind_text(get, 1, o->uid, -1, SQLITE_STATIC);
	rc = sqlite3_step(get);
	if (rc == SQLITE_ROW && sqlite3_column_int64(get, 0) == digest_now) {
		o->sequence = db_col_int(get, 1, 0, INT32_MAX, 0);
		o->modified_at = db_col_time(get, 2);
		return RP_OK;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, err, N_("reading the calendar's objects"));
	o->sequence = rc == SQLITE_ROW ? db_col_int(get, 1, 0, INT32_MAX - 1, 0) + 1 : 0;
	/* Never back in time, whatever the clock says now. */
	o->modified_at = now;
	if (rc == SQLITE_ROW && db_col_time(get, 2) >= now)
		o->modified_at = db_col_time(get, 2) + 1;
	sqlite3_reset(get);
	if (put == NULL)
		return RP_OK;  /* not to be remembered */
	sqlite3_reset(put);
	sqlite3_bind_text(put, 1, o->uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(put, 2, digest_now);
	sqlite3_bind_int64(put, 3, o->sequence);
	sqlite3_bind_int64(put, 4, o->modified_at);
	if (sqlite3_step(put) != SQLITE_DONE)
		s = store_fail(st, err, N_("remembering the calendar's objects"));
	return s;
}

enum rp_status
calendar_stamp(store *st, const rp_clock *clock, calendar *cal, rp_error *err)
{
	sqlite3_stmt *get = NULL, *put = NULL;
	int64_t now = rp_clock_now(clock);
	bool remember = store_writable(st);
	enum rp_status s;

	/* A read-only database is exported all the same: the versions it
	** would remember are given, not remembered. */
	if (remember && (s = store_begin(st, err)) != RP_OK)
		return s;
	if ((s = db_prepare(st, "SELECT digest, sequence, modified_at FROM calendar_objects"
				" WHERE uid = ?1", &get, N_("reading the calendar's objects"), err)) ==
		    RP_OK &&
	    (!remember ||
	     (s = db_prepare(st, "INSERT OR REPLACE INTO calendar_objects"
				 " (uid, digest, sequence, modified_at) VALUES (?1, ?2, ?3, ?4)",
			     &put, N_("remembering the calendar's objects"), err)) == RP_OK)) {
		for (size_t i = 0; s == RP_OK && i < cal->n; i++)
			s = stamp_one(st, get, put, &cal->objects[i], now, err);
	}
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	if (!remember)
		return s;
	if (s == RP_OK)
		return store_commit(st, err);
	store_rollback(st);
	return s;
}

enum rp_status
export_ics(store *st, const rp_clock *clock, int64_t id, char **out, rp_error *err)
{
	calendar *cal = NULL;
	enum rp_status s;

	*out = NULL;
	if ((s = calendar_meeting(st, clock, id, &cal, err)) == RP_OK &&
	    (s = calendar_stamp(st, clock, cal, err)) == RP_OK)
		s = calendar_text(cal, cal->n, true, rp_clock_now(clock), out, err);
	calendar_free(cal);
	return s;
}

void
calendar_free(calendar *cal)
{
	if (cal == NULL)
		return;
	free(cal->objects);
	arena_free(cal->arena);
	free(cal);
}
