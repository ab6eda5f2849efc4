/* history.c: a relationship at a glance, drawn as short lines of text. */
#include "rapport/history.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "history_sql.h"
#include "rapport/i18n.h"
#include "rapport/client.h"

/* Glyphs of the two character sets: Unicode's block elements, or ASCII. */
static const char *const bars8[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
static const char *const weeks_u[] = {"▂", "▄", "▆", "█"};
static const char *const ramp_a[] = {"_", "-", "=", "#"};

/* What the days of the twelve months were, day 0 the oldest, the last one
** today. */
typedef struct days {
	unsigned char count[HISTORY_DAYS];  /* contacts that day (capped) */
	bool soon[HISTORY_DAYS];            /* a contact under the minimum */
	bool overdue[HISTORY_DAYS];         /* past the maximum, no contact yet */
} days;

/* Mark the days from..to (day numbers) overdue, those in the window; true
** when any was. */
static bool
mark_overdue(days *d, int64_t day0, int64_t from, int64_t to)
{
	bool any = false;

	if (from < day0)
		from = day0;
	for (int64_t i = from; i <= to && i - day0 < HISTORY_DAYS; i++) {
		d->overdue[i - day0] = true;
		any = true;
	}
	return any;
}

/* Walk the contacts once: fill d (when not NULL) and the health. */
static history_health
walk(const history *h, days *d)
{
	int64_t today = date_to_days(h->today), day0 = today - (HISTORY_DAYS - 1);
	int64_t prev = 0, gaps = 0, total = 0;
	bool any = false;
	history_health r = {0};
	days scratch;

	if (d == NULL)
		d = &scratch;
	memset(d, 0, sizeof *d);
	for (size_t i = 0; i < h->ncontacts; i++) {
		int64_t day = date_to_days(h->contacts[i]), at = day - day0;

		if (!date_valid(h->contacts[i].year, h->contacts[i].month, h->contacts[i].day) ||
		    day > today)
			continue;
		/* Several contacts in a day are one step of the cadence. */
		if (any && day > prev && at >= 0) {
			int64_t gap = day - prev;

			gaps++;
			total += gap;
			if (gap < h->cadence_min) {
				d->soon[at] = true;
				r.too_soon++;
			}
			/* Overdue from the day after the maximum, the day of the
			** late contact included: a gap of max + 1 days is one day
			** overdue, as the cadence status said that day. */
			if (gap > h->cadence_max) {
				mark_overdue(d, day0, prev + h->cadence_max + 1, day);
				r.overdue_gaps++;
			}
		}
		if (at >= 0) {
			if (d->count[at] < 255)
				d->count[at]++;
			r.contacts++;
		}
		if (!any || day > prev)
			prev = day;
		any = true;
	}
	if (any && today - prev > h->cadence_max) {
		r.overdue_now = true;
		if (mark_overdue(d, day0, prev + h->cadence_max + 1, today))
			r.overdue_gaps++;
	}
	r.every = gaps ? (int)((total + gaps / 2) / gaps) : 0;
	return r;
}

history_health
history_assess(const history *h)
{
	return walk(h, NULL);
}

/* Append s to buf (size bytes) at *len, cut when full. */
static void
put(char *buf, size_t size, size_t *len, const char *s)
{
	int n = snprintf(buf + *len, size - *len, "%s", s);

	if (n > 0)
		*len = *len + (size_t)n < size ? *len + (size_t)n : size - 1;
}

char *
history_strip(const history *h, bool unicode, char *buf, size_t size)
{
	days d;
	size_t len = 0;

	buf[0] = '\0';
	walk(h, &d);
	for (int w = 0; w < HISTORY_WEEKS; w++) {
		int n = 0;
		bool soon = false, overdue = false;

		for (int i = w * 7; i < w * 7 + 7; i++) {
			n += d.count[i];
			soon |= d.soon[i];
			overdue |= d.overdue[i];
		}
		/* A week that was overdue shows so even when the contact that
		** ended the gap fell in it: it came late, and the verdict's
		** count of overdue gaps must be seen in the strip. */
		if (soon)
			put(buf, size, &len, "+");
		else if (overdue)
			put(buf, size, &len, "!");
		else if (n > 0 && unicode)
			put(buf, size, &len, weeks_u[n > 4 ? 3 : n - 1]);
		else if (n > 0)
			put(buf, size, &len, n == 1 ? "o" : "O");
		else
			put(buf, size, &len, unicode ? "·" : ".");
	}
	return buf;
}

char *
history_legend(const history *h, char *buf, size_t size)
{
	history_health r = walk(h, NULL);
	int past = r.overdue_gaps - (r.overdue_now ? 1 : 0);
	char parts[200] = "", every[80];
	size_t len = 0;

	if (h->ncontacts == 0)
		return snprintf(buf, size, "%s", _("no contact yet")), buf;
	if (r.contacts == 0) {
		snprintf(buf, size, "%s",
			 r.overdue_now ? _("overdue now, no contact in 12 months")
				       : _("no contact in 12 months"));
		return buf;
	}
	if (r.every)
		snprintf(every, sizeof every, P_("every %d day", "every %d days", r.every), r.every);
	else
		snprintf(every, sizeof every,
			 P_("%d contact in 12 months", "%d contacts in 12 months", r.contacts),
			 r.contacts);
	if (r.overdue_now)
		put(parts, sizeof parts, &len, _("overdue now"));
	if (past > 0) {
		char s[64];

		snprintf(s, sizeof s, P_("%s%d gap overdue", "%s%d gaps overdue", past),
			 len ? ", " : "", past);
		put(parts, sizeof parts, &len, s);
	}
	if (r.too_soon > 0) {
		char s[64];

		snprintf(s, sizeof s, P_("%s%d too soon", "%s%d too soon", r.too_soon),
			 len ? ", " : "", r.too_soon);
		put(parts, sizeof parts, &len, s);
	}
	if (len == 0)
		/* TRANSLATORS: "every 9 days" or "4 contacts in 12 months", then the
		   client's cadence in days. */
		snprintf(buf, size, _("healthy: %s, within %d-%d"), every, h->cadence_min,
			 h->cadence_max);
	else
		/* TRANSLATORS: what went wrong ("overdue now, 2 gaps overdue"), how
		   often the client was met, then the cadence wanted, in days. */
		snprintf(buf, size, _("%s: %s, want %d-%d"), parts, every, h->cadence_min,
			 h->cadence_max);
	return buf;
}

char *
history_talk(const history *h, bool unicode, char *buf, size_t size)
{
	size_t n = h->ntalk < HISTORY_TALKS ? h->ntalk : HISTORY_TALKS, len = 0;
	size_t from = unicode || n <= HISTORY_TALKS_ASCII ? 0 : n - HISTORY_TALKS_ASCII;
	int sum = 0;
	char s[48];

	buf[0] = '\0';
	if (n == 0)
		return snprintf(buf, size, "%s", _("talk not recorded yet")), buf;
	/* TRANSLATORS: a label before a row of bars, one per meeting. */
	put(buf, size, &len, _("talk "));
	for (size_t i = 0; i < n; i++) {
		int share = h->talk[i] < 0 ? 0 : h->talk[i] > 100 ? 100 : h->talk[i];

		sum += share;
		if (i < from)
			continue;
		if (unicode) {
			put(buf, size, &len, bars8[share * 8 / 100 > 7 ? 7 : share * 8 / 100]);
		} else {
			snprintf(s, sizeof s, "%s%d", i > from ? " " : "", share);
			put(buf, size, &len, s);
		}
	}
	snprintf(s, sizeof s, _("%s you %d%%, aim %d%%"), unicode ? "" : ":",
		 (sum + (int)n / 2) / (int)n, HISTORY_TALK_AIM);
	put(buf, size, &len, s);
	return buf;
}

char *
history_followups(const history *h, bool unicode, char *buf, size_t size)
{
	int64_t today = date_to_days(h->today), day0 = today - (HISTORY_DAYS - 1);
	int open[HISTORY_BUCKETS] = {0}, most = 0, closed = 0;
	size_t len = 0;
	char s[64];

	buf[0] = '\0';
	if (h->nfollowups == 0)
		return snprintf(buf, size, "%s", _("follow-ups none")), buf;
	for (size_t i = 0; i < h->nfollowups; i++) {
		const history_followup *f = &h->followups[i];
		/* Open at the end of a cell's last day: opened by then, and
		** not closed (or closed after it). */
		int64_t o = date_to_days(f->opened), c = f->closed.year ? date_to_days(f->closed) : 0;

		for (int b = 0; b < HISTORY_BUCKETS; b++) {
			int64_t end = day0 + 28 * b + 27;

			if (o <= end && (f->closed.year == 0 || c > end))
				open[b]++;
		}
		if (f->closed.year && c >= day0 && c <= today)
			closed++;
	}
	for (int b = 0; b < HISTORY_BUCKETS; b++)
		if (open[b] > most)
			most = open[b];
	/* TRANSLATORS: a label before a row of bars, one per four weeks. */
	put(buf, size, &len, _("follow-ups "));
	for (int b = 0; b < HISTORY_BUCKETS; b++) {
		int v = open[b];

		if (v == 0)
			put(buf, size, &len, unicode ? "·" : ".");
		else if (unicode)
			put(buf, size, &len, bars8[(v * 8 + most - 1) / most - 1]);
		else
			put(buf, size, &len, ramp_a[(v * 4 + most - 1) / most - 1]);
	}
	/* The last cell ends today: what it counts is open now. */
	snprintf(s, sizeof s, _(" %d open, %d closed"), open[HISTORY_BUCKETS - 1], closed);
	put(buf, size, &len, s);
	return buf;
}

/* Columns of s: every glyph here is one column wide. */
static size_t
columns(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

void
history_lines(const history *h, bool unicode, char lines[3][HISTORY_LINE_MAX])
{
	/* TRANSLATORS: the key of the strip of the last 12 months; ▂▄▆█ (or
	** o O) are bars, + and ! the marks of the strip, not punctuation. */
	const char *key = unicode ? _("  (▂▄▆█ contacts a week, + too soon, ! overdue)")
				  : _("  (o O contacts a week, + too soon, ! overdue)");
	char part[HISTORY_LINE_MAX];
	size_t len = 0;

	/* TRANSLATORS: the label before the strip of the last 12 months. */
	snprintf(lines[0], HISTORY_LINE_MAX, "%s", _("12 months "));
	len = strlen(lines[0]);
	history_strip(h, unicode, lines[0] + len, HISTORY_LINE_MAX - len);
	history_legend(h, lines[1], HISTORY_LINE_MAX);
	/* The key of the strip, when it fits in 80 columns. */
	if (columns(lines[1]) + columns(key) <= 78) {
		len = strlen(lines[1]);
		put(lines[1], HISTORY_LINE_MAX, &len, key);
	}
	history_talk(h, unicode, lines[2], HISTORY_LINE_MAX);
	len = strlen(lines[2]);
	put(lines[2], HISTORY_LINE_MAX, &len, unicode ? " · " : " | ");
	history_followups(h, unicode, part, sizeof part);
	put(lines[2], HISTORY_LINE_MAX, &len, part);
}

/* Does the locale name v (as "fr_FR.UTF-8", "C.utf8") name UTF-8? */
static bool
names_utf8(const char *v)
{
	for (; *v; v++)
		if (strncasecmp(v, "utf-8", 5) == 0 || strncasecmp(v, "utf8", 4) == 0)
			return true;
	return false;
}

bool
history_unicode(void)
{
	/* The environment's own word, not the character type in force: the
	** program falls back to C.UTF-8 to handle text (main.c), which says
	** nothing of what the terminal shows. */
	static const char *const vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);

		if (v && v[0])
			return names_utf8(v);
	}
	return false;
}

/* The loaded history and the arrays it points into. */
typedef struct history_owned {
	history h;
	rp_date contacts[HISTORY_CONTACTS_MAX + 2];
	history_followup followups[HISTORY_FOLLOWUPS_MAX];
} history_owned;

void
history_free(history *h)
{
	free(h);  /* the history is the first member of its history_owned */
}

/* Contacts of the twelve months (history_sql.h). */
static const char contacts_sql[] = HISTORY_CONTACTS_SQL;

/* Talk of the latest meetings held, newest first: seconds each side, only
** stretches whose ends are times (another tool's 9e18 would overflow). */
#define TALK_SIDE(who)                                                                 \
	"(SELECT total(max(0, s.ended_at - s.started_at)) FROM talk_segments s"         \
	" WHERE s.meeting_id = m.id AND s.speaker = '" who "'"                           \
	" AND s.started_at BETWEEN 0 AND 253402300799 AND s.ended_at BETWEEN 0 AND 253402300799)"
static const char talk_sql[] =
	"SELECT " TALK_SIDE("you") ", " TALK_SIDE("client") " FROM meetings m"
	" WHERE m.client_id = ?1 AND m.started_at IS NOT NULL AND m.state IN ('live', 'ended')"
	" ORDER BY m.started_at DESC LIMIT 24";

/* Follow-ups open or closed since ?2 (history_sql.h). */
static const char followups_sql[] = HISTORY_FOLLOWUPS_SQL;

static enum rp_status
load_contacts(store *st, history_owned *o, int64_t client_id, int64_t from, int64_t to,
	      rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, contacts_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int64(stmt, 3, to);
	sqlite3_bind_int(stmt, 4, HISTORY_CONTACTS_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t t = db_col_time(stmt, 0);

		if (date_time_valid(t))
			o->contacts[o->h.ncontacts++] = date_local(t);
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the history"));
	sqlite3_finalize(stmt);
	return s;
}

static enum rp_status
load_talk(store *st, history_owned *o, int64_t client_id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	int newest[HISTORY_TALKS];
	size_t n = 0;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, talk_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	while (n < HISTORY_TALKS && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		double you = sqlite3_column_double(stmt, 0), them = sqlite3_column_double(stmt, 1);

		if (you + them >= 1)  /* a meeting whose talk was recorded */
			newest[n++] = (int)(100 * you / (you + them) + 0.5);
	}
	if (n < HISTORY_TALKS && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the history"));
	sqlite3_finalize(stmt);
	for (size_t i = 0; i < n; i++)
		o->h.talk[i] = newest[n - 1 - i];  /* oldest first */
	o->h.ntalk = n;
	return s;
}

static enum rp_status
load_followups(store *st, history_owned *o, int64_t client_id, int64_t from, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, followups_sql, &stmt, N_("reading the history"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int64(stmt, 2, from);
	sqlite3_bind_int(stmt, 3, HISTORY_FOLLOWUPS_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		history_followup *f = &o->followups[o->h.nfollowups];
		int64_t opened = db_col_time(stmt, 0), closed = db_col_time(stmt, 1);

		if (!date_time_valid(opened))
			continue;
		f->opened = date_local(opened);
		f->closed = closed && date_time_valid(closed) ? date_local(closed) : (rp_date){0};
		o->h.nfollowups++;
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading the history"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
history_load(store *st, int64_t client_id, rp_date today, history **out, rp_error *err)
{
	int64_t day0 = date_to_days(today) - (HISTORY_DAYS - 1);
	/* A day either side of the local days: any time zone's midnight is
	** within, and the local date of each time read decides. */
	int64_t from = (day0 - 1) * 86400, to = (date_to_days(today) + 2) * 86400;
	history_owned *o;
	client c;
	enum rp_status s;

	*out = NULL;
	if ((o = calloc(1, sizeof *o)) == NULL)
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	o->h.today = today;
	o->h.contacts = o->contacts;
	o->h.followups = o->followups;
	if ((s = client_get(st, client_id, &c, err)) == RP_OK) {
		o->h.cadence_min = c.cadence_min;
		o->h.cadence_max = c.cadence_max;
		s = load_contacts(st, o, client_id, from, to, err);
	}
	if (s == RP_OK)
		s = load_talk(st, o, client_id, err);
	if (s == RP_OK)
		s = load_followups(st, o, client_id, from, err);
	if (s != RP_OK) {
		free(o);
		return s;
	}
	*out = &o->h;
	return RP_OK;
}
