/* fuzz_export.c: libFuzzer target for the exporters: JSON (export.c),
** Markdown (export_md.c) and iCalendar (src/ical/export_ics.c).
**
** The input is a script that makes a meeting in a real database file, the
** way rapport makes one: a client, a planned agenda with walkthroughs, then
** notes typed live, talk, items started and closed, facts, follow-ups, the
** end of the meeting, each with the clock moved on.  One step rewrites a
** text column with raw bytes, as another program editing the file could
** (the columns the exports promise to neutralise; kinds and states are
** kept to their CHECK constraints by SQLite itself).
**
** Then the meeting is exported in every format, and each document must be
** valid UTF-8 with no control character but newline and tab (and the CR of
** iCalendar's CRLF); the JSON must parse, the iCalendar must read back
** with libical.  A private note carries a secret word that the fuzz text
** never holds: it must appear in no export but JSON asked for private
** notes.
*/
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libical/ical.h>

#include "ical.h"
#include "rapport/calendar.h"
#include "rapport/client.h"
#include "rapport/export.h"
#include "rapport/fact.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/recap.h"
#include "rapport/record.h"
#include "rapport/store.h"
#include "rapport/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define T0 1795687200      /* 2026-11-26T10:00:00Z */
#define SECRET "qz7sekret"  /* in private notes only, in any case */
#define STEPS_MAX 64       /* steps of one script */
#define JSON_DEPTH_MAX 64

static char dir[4096], db[4200], side[4300];  /* a temporary folder, the database */
static unsigned char *template;  /* an empty database of the current schema */
static size_t template_len;
static int64_t now;

static int64_t
clock_now(void *ctx)
{
	return now;
}

static const rp_clock fixed = { clock_now, NULL };

/* A broken promise: say which, with the document, and stop. */
static void
fail(const char *why, const char *doc)
{
	fprintf(stderr, "fuzz_export: %s:\n%s\n", why, doc);
	abort();
}

/* Remove the database and what SQLite keeps beside it. */
static void
remove_db(void)
{
	static const char *const ends[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		snprintf(side, sizeof side, "%s%s", db, ends[i]);
		unlink(side);
	}
}

static void
remove_dir(void)
{
	remove_db();
	rmdir(dir);
}

/* Make an empty database once, and keep its bytes: each input starts from
** a copy, which is much faster than creating the schema again. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	rp_error err;
	store *st;
	FILE *f;

	snprintf(dir, sizeof dir, "%s/fuzz_export.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL) {
		perror("fuzz_export: mkdtemp");
		exit(1);
	}
	atexit(remove_dir);
	snprintf(db, sizeof db, "%s/rapport.db", dir);
	if ((st = store_open(db, STORE_WRITE, &err)) == NULL) {
		fprintf(stderr, "fuzz_export: %s\n", err.msg);
		exit(1);
	}
	store_close(st);  /* the last connection: the WAL goes into the file */
	if ((f = fopen(db, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (template_len = (size_t)ftell(f)) == 0 || fseek(f, 0, SEEK_SET) != 0 ||
	    (template = malloc(template_len)) == NULL ||
	    fread(template, 1, template_len, f) != template_len) {
		perror("fuzz_export: reading the empty database");
		exit(1);
	}
	fclose(f);
	return 0;
}

static store *
fresh_store(void)
{
	rp_error err;
	store *st;
	FILE *f;

	remove_db();
	if ((f = fopen(db, "wb")) == NULL)
		return NULL;
	if (fwrite(template, 1, template_len, f) != template_len) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	if ((st = store_open(db, STORE_WRITE, &err)) == NULL) {
		fail("cannot open the database", err.msg);
	}
	/* A crash of the fuzzer loses nothing worth a sync. */
	sqlite3_exec(store_db(st), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	return st;
}

/* The script being read. */
typedef struct script {
	const uint8_t *p, *end;
} script;

static unsigned
byte(script *s)
{
	return s->p < s->end ? *s->p++ : 0;
}

/* Where the secret word starts in s[0..n), case aside (an export may
** capitalise a title); NULL when it is not there. */
static const char *
secret_in(const char *s, size_t n)
{
	size_t i, k, len = strlen(SECRET);

	for (i = 0; i + len <= n; i++) {
		for (k = 0; k < len && (s[i + k] | 0x20) == SECRET[k]; k++)
			;
		if (k == len)
			return s + i;
	}
	return NULL;
}

/* A text of the script: a length byte, then that many bytes (a NUL ends
** it early).  The secret word is taken out, so only private notes hold
** it.  Writes into buf[size]. */
static char *
text(script *s, char *buf, size_t size)
{
	size_t n = byte(s), i;
	char *hit;

	if (n > (size_t)(s->end - s->p))
		n = (size_t)(s->end - s->p);
	for (i = 0; i < n && i + 1 < size && s->p[i] != '\0'; i++)
		buf[i] = (char)s->p[i];
	buf[i] = '\0';
	s->p += n;
	while ((hit = (char *)secret_in(buf, i)) != NULL)
		hit[0] = '_';
	return buf;
}

/* The text columns a file edited elsewhere may hold anything in. */
static const char *const raw_columns[][2] = {
	{ "clients", "name" }, { "clients", "org" }, { "meetings", "title" },
	{ "meetings", "location" }, { "meetings", "description" },
	{ "agenda_items", "title" }, { "walkthroughs", "member" },
	{ "walkthroughs", "did" }, { "walkthroughs", "depends_on" },
	{ "notes", "text" }, { "note_topics", "topic" }, { "facts", "text" },
	{ "followups", "text" }, { "followups", "owner" },
};

/* Overwrite one text column of every row of its table with raw bytes. */
static void
raw_write(store *st, script *s)
{
	const char *const *col = raw_columns[byte(s) % (sizeof raw_columns / sizeof raw_columns[0])];
	char sql[128], buf[256];
	sqlite3_stmt *stmt;
	size_t n = byte(s);

	if (n > (size_t)(s->end - s->p))
		n = (size_t)(s->end - s->p);
	memcpy(buf, s->p, n < sizeof buf ? n : sizeof buf);
	s->p += n;
	if (n > sizeof buf)
		n = sizeof buf;
	if (secret_in(buf, n) != NULL)
		return;
	snprintf(sql, sizeof sql, "UPDATE %s SET %s = ?1", col[0], col[1]);
	if (sqlite3_prepare_v2(store_db(st), sql, -1, &stmt, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(stmt, 1, buf, (int)n, SQLITE_TRANSIENT);
	sqlite3_step(stmt);  /* a CHECK may refuse it: fine */
	sqlite3_finalize(stmt);
}

/* Agenda item at a position the script picks; 0 when none. */
static int64_t
item_at(store *st, int64_t meeting, script *s)
{
	int64_t id = 0;
	rp_error err;

	if (agenda_item_at(st, meeting, (int)(byte(s) % 8) + 1, &id, &err) != RP_OK)
		return 0;
	return id;
}

/* Plan the meeting: a client, a title, items and walkthroughs from the
** script, read as `rapport plan` reads its arguments. */
static int64_t
plan(store *st, script *s)
{
	static agenda_spec items[4];
	static walk_spec walks[4];
	char name[256], org[256], title[256], where[256], what[256], spec[256];
	meeting_plan_args args = { 0 };
	int64_t id = 0;
	rp_error err;
	size_t i, n;

	now = T0 - 86400 + (int64_t)byte(s) * 256 * 60;  /* one read a statement: see run() */
	now += (int64_t)byte(s) * 60;
	text(s, name, sizeof name);
	text(s, org, sizeof org);
	if (client_add(st, &fixed, name, org[0] ? org : NULL, 5, 14, &args.client_id, &err) != RP_OK &&
	    client_add(st, &fixed, "Client", NULL, 5, 14, &args.client_id, &err) != RP_OK)
		fail("cannot add a client", err.msg);
	args.title = text(s, title, sizeof title);
	args.location = text(s, where, sizeof where);
	args.description = text(s, what, sizeof what);
	args.planned_at = byte(s) & 1 ? now + (int64_t)byte(s) * 3600 : 0;
	args.planned_minutes = (int)byte(s);
	n = byte(s) % 5;
	for (i = 0; i < n; i++)
		if (agenda_parse_spec(text(s, spec, sizeof spec), &items[args.nitems], &err) == RP_OK)
			args.nitems++;
	args.items = items;
	n = args.nitems ? byte(s) % 5 : 0;
	for (i = 0; i < n; i++)
		if (agenda_parse_walk(text(s, spec, sizeof spec), &walks[args.nwalks], &err) == RP_OK)
			walks[args.nwalks++].item = byte(s) % args.nitems;
	args.walks = walks;
	if (meeting_plan(st, &fixed, &args, &id, &err) != RP_OK &&
	    meeting_plan(st, &fixed, &(meeting_plan_args){ .client_id = args.client_id }, &id,
			 &err) != RP_OK)
		fail("cannot plan a meeting", err.msg);
	return id;
}

/* One live note, typed as in the Notes pane. */
static void
note(store *st, int64_t meeting, int64_t item, const char *line)
{
	static const rp_date today = { 2026, 11, 26 };
	static parsed_note parsed;
	rp_error err;

	if (note_parse_line(line, today, &parsed, &err) == RP_OK)
		record_note(st, &fixed, meeting, item, NOTE_PHASE_LIVE, &parsed, NULL, &err);
}

/* A fact about the meeting's client, as the Profile pane adds one. */
static void
add_fact(store *st, int64_t meeting, script *s)
{
	enum fact_kind kind;
	int64_t who = 0;
	sqlite3_stmt *q;
	rp_error err;
	char buf[300];

	if (sqlite3_prepare_v2(store_db(st), "SELECT client_id FROM meetings", -1, &q, NULL) ==
		    SQLITE_OK &&
	    sqlite3_step(q) == SQLITE_ROW)
		who = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	kind = (enum fact_kind)(byte(s) % FACT_KIND_COUNT);
	fact_add(st, &fixed, who, kind, text(s, buf, sizeof buf), meeting, 0, NULL, &err);
}

/* Run the rest of the script on the meeting. */
static void
run(store *st, int64_t meeting, script *s)
{
	char buf[300], line[320];
	unsigned a, b;
	int64_t item;
	rp_error err;
	int steps;

	/* Every byte is read in its own statement: the order of a call's
	** arguments is the compiler's, and gcc's replay must read the script
	** as clang's fuzzer did. */
	for (steps = 0; steps < STEPS_MAX && s->p < s->end; steps++) {
		switch (byte(s) % 12) {
		case 0: meeting_start(st, &fixed, meeting, &err); break;
		case 1: a = byte(s); now += (int64_t)a * byte(s); break;
		case 2:
			item = item_at(st, meeting, s);
			note(st, meeting, item, text(s, buf, sizeof buf));
			break;
		case 3:
			snprintf(line, sizeof line, "~ %s %s", text(s, buf, sizeof buf), SECRET);
			note(st, meeting, 0, line);
			break;
		case 4: record_talk(st, &fixed, meeting, byte(s) & 1 ? TALK_YOU : TALK_CLIENT, &err);
			break;
		case 5: agenda_start_item(st, &fixed, item_at(st, meeting, s), &err); break;
		case 6:
			item = item_at(st, meeting, s);
			agenda_set_status(st, &fixed, item, (enum agenda_status)(byte(s) % 5), &err);
			break;
		case 7: add_fact(st, meeting, s); break;
		case 8:
			a = byte(s) % 8 + 1;
			b = byte(s) % 3;
			record_followup_status(st, &fixed, a, (enum followup_status)b, &err);
			break;
		case 9: record_prep_note(st, &fixed, meeting, text(s, buf, sizeof buf), NULL, &err);
			break;
		case 10: meeting_end(st, &fixed, meeting, &err); break;
		case 11: raw_write(st, s); break;
		}
	}
}

/* Is s a document a terminal or a reader can take: valid UTF-8, and no
** control character but newline, tab and, when cr, a CR before a LF? */
static void
check_document(const char *s, bool cr)
{
	size_t len = strlen(s), i;
	uint32_t cp;
	int n;

	if (!text_utf8_valid(s, len))
		fail("not UTF-8", s);
	for (i = 0; i < len; i += (size_t)n) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (cp == '\n' || cp == '\t' || (cr && cp == '\r' && s[i + 1] == '\n'))
			continue;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
			fail("a control character", s);
	}
}

/* A small JSON reader (RFC 8259) that only says whether text is one
** well-formed value. */
static const char *json_value(const char *p, int depth);

static const char *
json_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	return p;
}

static const char *
json_string(const char *p)
{
	int i;

	if (*p++ != '"')
		return NULL;
	for (;;) {
		if (*p == '"')
			return p + 1;
		if ((unsigned char)*p < 0x20)  /* the end, or a raw control */
			return NULL;
		if (*p++ != '\\')
			continue;
		if (strchr("\"\\/bfnrt", *p) != NULL && *p != '\0') {
			p++;
		} else if (*p == 'u') {
			for (i = 1; i <= 4; i++)
				if (strchr("0123456789abcdefABCDEF", p[i]) == NULL || p[i] == '\0')
					return NULL;
			p += 5;
		} else {
			return NULL;
		}
	}
}

static const char *
json_number(const char *p)
{
	const char *start;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return NULL;
	if (*p == '.') {
		start = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == start)
			return NULL;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		start = p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == start)
			return NULL;
	}
	return p;
}

/* The members of an object (open '{') or the elements of an array. */
static const char *
json_items(const char *p, char close, int depth)
{
	p = json_space(p);
	if (*p == close)
		return p + 1;
	for (;;) {
		if (close == '}') {
			if ((p = json_string(json_space(p))) == NULL)
				return NULL;
			if (*(p = json_space(p)) != ':')
				return NULL;
			p++;
		}
		if ((p = json_value(p, depth + 1)) == NULL)
			return NULL;
		p = json_space(p);
		if (*p == close)
			return p + 1;
		if (*p++ != ',')
			return NULL;
	}
}

static const char *
json_value(const char *p, int depth)
{
	if (depth > JSON_DEPTH_MAX)
		return NULL;
	p = json_space(p);
	switch (*p) {
	case '{': return json_items(p + 1, '}', depth);
	case '[': return json_items(p + 1, ']', depth);
	case '"': return json_string(p);
	case 't': return strncmp(p, "true", 4) == 0 ? p + 4 : NULL;
	case 'f': return strncmp(p, "false", 5) == 0 ? p + 5 : NULL;
	case 'n': return strncmp(p, "null", 4) == 0 ? p + 4 : NULL;
	default: return json_number(p);
	}
}

static void
check_json(const char *doc, bool private_shown)
{
	const char *end;

	check_document(doc, false);
	if ((end = json_value(doc, 0)) == NULL || *json_space(end) != '\0')
		fail("not JSON", doc);
	if (!private_shown && secret_in(doc, strlen(doc)) != NULL)
		fail("a private note in JSON", doc);
}

static void
check_ics(const char *doc)
{
	icalcomponent *root;

	check_document(doc, true);
	if (strstr(doc, "\r\n \r\n") != NULL)
		fail("an empty folded line", doc);
	if (secret_in(doc, strlen(doc)) != NULL)
		fail("a private note in iCalendar", doc);
	if ((root = icalparser_parse_string(doc)) == NULL ||
	    icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT)
		fail("iCalendar that libical cannot read", doc);
	icalcomponent_free(root);
}

static void
export_all(store *st, int64_t meeting)
{
	enum rp_status status;
	recap *r = NULL;
	calendar *cal = NULL;
	rp_error err;
	char *doc;
	int priv;

	for (priv = 0; priv <= 1; priv++) {
		if ((status = export_json(st, &fixed, meeting, priv, &doc, &err)) == RP_OK)
			check_json(doc, priv);
		else if (status != RP_ENOMEM)
			fail("JSON export refused", err.msg);  /* the meeting is there: nothing to refuse */
		free(doc);
	}
	if (recap_load(st, meeting, &r, &err) != RP_OK)
		return;  /* raw bytes may have made it unreadable: said, not crashed */
	doc = NULL;
	if (export_markdown(r, &doc, &err) == RP_OK) {
		check_document(doc, false);
		if (secret_in(doc, strlen(doc)) != NULL)
			fail("a private note in Markdown", doc);
	}
	free(doc);
	recap_free(r);
	doc = NULL;
	if (calendar_meeting(st, &fixed, meeting, &cal, &err) == RP_OK &&
	    calendar_stamp(st, &fixed, cal, &err) == RP_OK &&
	    ical_calendar_text(cal, cal->n, true, now, &doc, &err) == RP_OK)
		check_ics(doc);
	free(doc);
	calendar_free(cal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	script s = { data, data + size };
	int64_t meeting;
	store *st;

	if ((st = fresh_store()) == NULL)
		return 0;
	meeting = plan(st, &s);
	run(st, meeting, &s);
	export_all(st, meeting);
	store_close(st);
	return 0;
}
