/* test_export_ics.c: calendars that stay true (calendar.h, export.h).
**
** A real database in a temporary folder, a fixed clock, the export read
** back with libical's own parser and checked field by field; the raw text
** is checked too, for what a calendar needs before it parses anything:
** CRLF line ends, lines of at most 75 octets, folds that never split a
** UTF-8 character, and no control characters.
**
** TZ is Europe/Paris.  The meeting is held on Wednesday 2026-03-11 from
** 10:00 to 11:00; with a cadence of 14 to 28 days, the next check-in's
** window is 2026-03-25 .. 2026-04-08, and its middle, 2026-04-01, a
** Wednesday, is the day suggested.
*/
#include <inttypes.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "fixture.h"
#include "rapport/calendar.h"
#include "rapport/export.h"
#include "rapport/lang.h"
#include "rapport/record.h"
#include "rapport/text.h"
#include "tap.h"

#define NOW 1773225000      /* 2026-03-11T10:30:00Z */
#define HELD 1773219600     /* 2026-03-11T09:00:00Z, 10:00 in Paris */
#define DAY 86400
#define FFFD "\xEF\xBF\xBD"
#define NB "\xE2\x80\xAF"  /* NNBSP, French typography's narrow space */

static store *st;
static char calid[CALENDAR_ID_LEN + 1];

static void
sql(const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(st), text, NULL, NULL, &msg) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "%s: %s", text, msg ? msg : "?");
	sqlite3_free(msg);
}

/* 150 × "é日" (750 octets, no blank to fold at), 100 × "🚀". */
static void
long_texts(char *long_text, char *emoji_text)
{
	long_text[0] = emoji_text[0] = '\0';
	for (int i = 0; i < 150; i++)
		strcat(long_text, "é日");
	for (int i = 0; i < 100; i++)
		strcat(emoji_text, "🚀");
}

/* A new database: client 3 "Lefèvre & Fils" (14-28 days) with Zoé Martin
** among its people, meeting 42 held at HELD with a private note, and its
** follow-ups 7..14 (7 from an action note tagged #api). */
static void
seed(void)
{
	static char long_text[751], emoji_text[401];
	static int seeded;
	char *insert, name[32];
	rp_error err = {0};

	if (st != NULL)
		store_close(st);
	snprintf(name, sizeof name, "cal-%d.db", ++seeded);
	st = store_open(fixture_path(name), STORE_WRITE, &err);
	if (st == NULL) {
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
		exit(1);
	}
	fixture_now = NOW;
	long_texts(long_text, emoji_text);
	sql("INSERT INTO clients (id, name, name_key, cadence_min, cadence_max, created_at)"
	    " VALUES (3, 'Lefèvre & Fils', 'lefevre & fils', 14, 28, 1770000000);"
	    "INSERT INTO people (id, client_id, name, name_key, created_at)"
	    " VALUES (5, 3, 'Zoé Martin', 'zoe martin', 1770000000);"
	    "INSERT INTO meetings (id, client_id, title, state, started_at, ended_at, created_at)"
	    " VALUES (42, 3, 'Kickoff, phase 2; go', 'ended', 1773219600, 1773223200, 1773200000);"
	    "INSERT INTO notes (id, meeting_id, at, kind, text) VALUES"
	    " (1, 42, 1773219700, 'action', 'send the revised quote #api @me ^fri'),"
	    " (2, 42, 1773219800, 'private', 'SECRET-private-remark about the budget');"
	    "INSERT INTO note_topics (note_id, topic) VALUES (1, 'api'), (1, 'budget');");
	insert = sqlite3_mprintf(
		"INSERT INTO followups (id, client_id, meeting_id, note_id, text, owner, due, status,"
		" created_at, closed_at, person_id) VALUES"
		" (7, 3, 42, 1, 'send the revised quote #api @me ^fri', 'me', '2026-03-20', 'open',"
		"  1773219700, NULL, NULL),"
		" (8, 3, 42, NULL, '确认预算 🚀 before the #steering committee', NULL, NULL, 'open',"
		"  1773219710, NULL, NULL),"
		" (9, 3, 42, NULL, 'share the API keys', 'client', '2026-03-13', 'open',"
		"  1773219720, NULL, NULL),"
		" (10, 3, 42, NULL, 'sign the order form', 'Zoé', NULL, 'open', 1773219730, NULL, 5),"
		" (11, 3, 42, NULL, 'Already DONE-followup', NULL, NULL, 'done', 1773219740,"
		"  1773223000, NULL),"
		" (12, 3, 42, NULL, 'A DROPPED-followup', NULL, '2026-03-12', 'dropped', 1773219750,"
		"  1773223100, NULL),"
		" (13, 3, 42, NULL, %Q, NULL, '2026-12-31', 'open', 1773219760, NULL, NULL),"
		" (14, 3, 42, NULL, %Q, NULL, NULL, 'open', 1773219770, NULL, NULL);",
		long_text, emoji_text);
	sql(insert);
	sqlite3_free(insert);
	CHECK_INT(calendar_identity(st, calid, &err), RP_OK);
}

/* Meeting id as exported at now; NULL (with a recorded failure) when it
** fails. */
static char *
export_at(int64_t id, int64_t now)
{
	rp_error err = {0};
	char *out = NULL;

	fixture_now = now;
	if (export_ics(st, &fixture_clock, id, &out, &err) != RP_OK) {
		tap_fail(__FILE__, __LINE__, "export_ics: %s", err.msg);
		return NULL;
	}
	return out;
}

/* Parse text back with libical; the VCALENDAR, or NULL (a failure).  The
** caller frees it with icalcomponent_free. */
static icalcomponent *
parse(const char *text)
{
	icalcomponent *root = text ? icalparser_parse_string(text) : NULL;

	if (root != NULL && icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(root);
		root = NULL;
	}
	if (root == NULL)
		tap_fail(__FILE__, __LINE__, "libical could not read it back");
	return root;
}

/* Text with every fold (CRLF then a blank) taken out. */
static char *
unfold(const char *text)
{
	char *out = malloc(strlen(text) + 1), *o = out;

	if (out == NULL)
		return NULL;
	while (*text != '\0') {
		if (text[0] == '\r' && text[1] == '\n' && (text[2] == ' ' || text[2] == '\t'))
			text += 3;
		else
			*o++ = *text++;
	}
	*o = '\0';
	return out;
}

static int
count_components(icalcomponent *cal, icalcomponent_kind kind)
{
	int n = 0;

	for (icalcomponent *c = icalcomponent_get_first_component(cal, kind); c != NULL;
	     c = icalcomponent_get_next_component(cal, kind))
		n++;
	return n;
}

/* The component of cal for follow-up (or, kind VEVENT, client) ref. */
static icalcomponent *
object(icalcomponent *cal, icalcomponent_kind kind, int64_t ref)
{
	char uid[CALENDAR_UID_MAX];

	snprintf(uid, sizeof uid, "rapport-%s-%s-%" PRId64, calid,
		 kind == ICAL_VTODO_COMPONENT ? "followup" : "checkin", ref);
	for (icalcomponent *c = icalcomponent_get_first_component(cal, kind); c != NULL;
	     c = icalcomponent_get_next_component(cal, kind))
		if (icalcomponent_get_uid(c) != NULL && strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	tap_fail(__FILE__, __LINE__, "no %s", uid);
	return NULL;
}

/* A date value as YYYYMMDD, "not a date" when it has a time, "none" when
** the property is missing. */
static const char *
date_of(icalcomponent *c, icalproperty_kind kind)
{
	static char buf[32];
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	struct icaltimetype t;

	if (p == NULL)
		return "none";
	t = icalvalue_get_datetime(icalproperty_get_value(p));
	if (!t.is_date)
		return "not a date";
	snprintf(buf, sizeof buf, "%04d%02d%02d", t.year, t.month, t.day);
	return buf;
}

/* A UTC date-time property as seconds; -1 when missing or not UTC. */
static int64_t
utc_of(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);
	struct icaltimetype t;

	if (p == NULL)
		return -1;
	t = icalvalue_get_datetime(icalproperty_get_value(p));
	if (t.is_date || !icaltime_is_utc(t))
		return -1;
	return (int64_t)icaltime_as_timet(t);
}

static int
int_of(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);

	return p == NULL ? -1 : icalvalue_get_integer(icalproperty_get_value(p));
}

/* The CATEGORIES of c, "|"-joined in order. */
static const char *
categories_of(icalcomponent *c)
{
	static char buf[512];

	buf[0] = '\0';
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_CATEGORIES_PROPERTY);
	     p != NULL; p = icalcomponent_get_next_property(c, ICAL_CATEGORIES_PROPERTY)) {
		if (buf[0] != '\0')
			strcat(buf, "|");
		strncat(buf, icalproperty_get_categories(p), sizeof buf - strlen(buf) - 2);
	}
	return buf;
}

static void
calendar_properties(void)
{
	char *out;
	icalcomponent *cal;

	seed();
	out = export_at(42, NOW);
	CHECK(out != NULL && strncmp(out, "BEGIN:VCALENDAR\r\n", 17) == 0);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(icalproperty_get_prodid(
				  icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)),
			  "-//rapport//rapport 0.1//EN");
		CHECK_STR(icalproperty_get_version(
				  icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)),
			  "2.0");
		CHECK_INT(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
		/* All eight follow-ups, whatever their status, and one check-in. */
		CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), 8);
		CHECK_INT(count_components(cal, ICAL_VEVENT_COMPONENT), 1);
		icalcomponent_free(cal);
	}
	free(out);
}

/* Whose task it is and what it is about, in SUMMARY and CATEGORIES. */
static void
tasks_say_whose_and_what(void)
{
	static const struct {
		int64_t ref;
		const char *summary, *categories, *due;
	} want[] = {
		{7, "Lefèvre & Fils: send the revised quote", "rapport|Lefèvre & Fils|api",
		 "20260320"},
		{8, "Lefèvre & Fils: 确认预算 🚀 before the steering committee",
		 "rapport|Lefèvre & Fils|steering", "none"},
		{9, "Waiting for Lefèvre & Fils: share the API keys",
		 "rapport|Lefèvre & Fils|waiting", "20260313"},
		{10, "Waiting for Zoé Martin (Lefèvre & Fils): sign the order form",
		 "rapport|Lefèvre & Fils|waiting", "none"},
	};
	char *out;
	icalcomponent *cal, *todo;

	seed();
	out = export_at(42, NOW);
	if ((cal = parse(out)) == NULL) {
		free(out);
		return;
	}
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, want[i].ref)) == NULL)
			continue;
		CHECK_STR(icalcomponent_get_summary(todo), want[i].summary);
		CHECK_STR(categories_of(todo), want[i].categories);
		CHECK_STR(date_of(todo, ICAL_DUE_PROPERTY), want[i].due);
		CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_NEEDSACTION);
		CHECK_INT(utc_of(todo, ICAL_DTSTAMP_PROPERTY), NOW);
	}
	if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL) {
		CHECK_STR(icalcomponent_get_description(todo),
			  "Owner: me\nFrom the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils"
			  " on 2026-03-11");
		CHECK_INT(utc_of(todo, ICAL_CREATED_PROPERTY), 1773219700);
	}
	icalcomponent_free(cal);
	free(out);
}

/* Done is COMPLETED with its time, dropped is CANCELLED: a calendar that
** had them open closes them. */
static void
statuses_round_trip(void)
{
	char *out;
	icalcomponent *cal, *todo;

	seed();
	out = export_at(42, NOW);
	if ((cal = parse(out)) == NULL) {
		free(out);
		return;
	}
	if ((todo = object(cal, ICAL_VTODO_COMPONENT, 11)) != NULL) {
		CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_COMPLETED);
		CHECK_INT(utc_of(todo, ICAL_COMPLETED_PROPERTY), 1773223000);
		CHECK_INT(int_of(todo, ICAL_PERCENTCOMPLETE_PROPERTY), 100);
	}
	if ((todo = object(cal, ICAL_VTODO_COMPONENT, 12)) != NULL) {
		CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_CANCELLED);
		CHECK_INT(utc_of(todo, ICAL_COMPLETED_PROPERTY), -1);
		CHECK_STR(date_of(todo, ICAL_DUE_PROPERTY), "20260312");
	}
	if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL)
		CHECK_INT(utc_of(todo, ICAL_COMPLETED_PROPERTY), -1);
	icalcomponent_free(cal);
	free(out);
}

/* The same object keeps its SEQUENCE and LAST-MODIFIED until what a
** calendar shows of it changes; then both grow, and only for it. */
static void
sequence_grows_with_changes(void)
{
	rp_error err = {0};
	char *first, *again, *later;
	icalcomponent *cal, *todo;

	seed();
	first = export_at(42, NOW);
	again = export_at(42, NOW + 60);
	fixture_now = NOW + 120;
	CHECK_INT(record_followup_status(st, &fixture_clock, 7, FOLLOWUP_DONE, &err), RP_OK);
	sql("UPDATE followups SET due = '2026-03-27' WHERE id = 9");
	later = export_at(42, NOW + 180);
	if ((cal = parse(again)) != NULL) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL) {
			CHECK_INT(int_of(todo, ICAL_SEQUENCE_PROPERTY), 0);
			CHECK_INT(utc_of(todo, ICAL_LASTMODIFIED_PROPERTY), NOW);
			CHECK_INT(utc_of(todo, ICAL_DTSTAMP_PROPERTY), NOW + 60);
		}
		icalcomponent_free(cal);
	}
	if ((cal = parse(later)) != NULL) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL) {
			CHECK_INT(int_of(todo, ICAL_SEQUENCE_PROPERTY), 1);
			CHECK_INT(utc_of(todo, ICAL_LASTMODIFIED_PROPERTY), NOW + 180);
			CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_COMPLETED);
			CHECK_INT(utc_of(todo, ICAL_COMPLETED_PROPERTY), NOW + 120);
		}
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 9)) != NULL) {
			CHECK_INT(int_of(todo, ICAL_SEQUENCE_PROPERTY), 1);
			CHECK_STR(date_of(todo, ICAL_DUE_PROPERTY), "20260327");
		}
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 8)) != NULL) {
			CHECK_INT(int_of(todo, ICAL_SEQUENCE_PROPERTY), 0);
			CHECK_INT(utc_of(todo, ICAL_LASTMODIFIED_PROPERTY), NOW);
		}
		icalcomponent_free(cal);
	}
	/* A clock put back never makes LAST-MODIFIED go back. */
	fixture_now = NOW + 200;
	CHECK_INT(record_followup_status(st, &fixture_clock, 7, FOLLOWUP_OPEN, &err), RP_OK);
	free(later);
	later = export_at(42, NOW - DAY);
	if ((cal = parse(later)) != NULL) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL) {
			CHECK_INT(int_of(todo, ICAL_SEQUENCE_PROPERTY), 2);
			CHECK_INT(utc_of(todo, ICAL_LASTMODIFIED_PROPERTY), NOW + 181);
			CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_NEEDSACTION);
		}
		icalcomponent_free(cal);
	}
	free(first);
	free(again);
	free(later);
}

/* UIDs carry the database's identity: two databases never collide, and
** one keeps its identity across opening. */
static void
uids_are_the_databases(void)
{
	char other[CALENDAR_ID_LEN + 1], again[CALENDAR_ID_LEN + 1], want[CALENDAR_UID_MAX];
	rp_error err = {0};
	store *second;
	char *out;

	seed();
	CHECK_INT((int)strlen(calid), CALENDAR_ID_LEN);
	CHECK_INT((int)strspn(calid, "0123456789abcdef"), CALENDAR_ID_LEN);
	second = store_open(fixture_path("second.db"), STORE_WRITE, &err);
	CHECK(second != NULL);
	if (second == NULL)
		return;
	CHECK_INT(calendar_identity(second, other, &err), RP_OK);
	CHECK(strcmp(calid, other) != 0);
	store_close(second);
	second = store_open(fixture_path("second.db"), STORE_READ, &err);
	CHECK(second != NULL && calendar_identity(second, again, &err) == RP_OK);
	CHECK_STR(again, other);
	store_close(second);
	out = export_at(42, NOW);
	snprintf(want, sizeof want, "UID:rapport-%s-followup-7\r\n", calid);
	CHECK(out != NULL && strstr(out, want) != NULL);
	snprintf(want, sizeof want, "UID:rapport-%s-checkin-3\r\n", calid);
	CHECK(out != NULL && strstr(out, want) != NULL);
	free(out);
	/* An identity another tool damaged is refused, not written into UIDs. */
	sql("UPDATE settings SET value = '../../x' WHERE key = 'calendar_id'");
	CHECK_INT(export_ics(st, &fixture_clock, 42, &out, &err), RP_EINVAL);
	CHECK(out == NULL);
	CHECK_STR(err.msg, "the database's calendar identity is damaged");
}

/* One check-in per client: every meeting's export names the same one, on
** the day the client's last contact gives; a touchpoint moves it, with a
** higher SEQUENCE. */
static void
one_checkin_per_client(void)
{
	rp_error err = {0};
	int64_t touch;
	char *out;
	icalcomponent *cal, *event;

	seed();
	sql("INSERT INTO meetings (id, client_id, title, state, started_at, ended_at, created_at)"
	    " VALUES (40, 3, 'Before', 'ended', 1772010000, 1772013600, 1772000000)");
	out = export_at(40, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_INT(count_components(cal, ICAL_VEVENT_COMPONENT), 1);
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL) {
			CHECK_STR(icalcomponent_get_summary(event), "Check in with Lefèvre & Fils");
			/* From the last contact (meeting 42), not from meeting 40. */
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260401");
			CHECK_STR(date_of(event, ICAL_DTEND_PROPERTY), "20260402");
			CHECK_INT(icalproperty_get_transp(icalcomponent_get_first_property(
					  event, ICAL_TRANSP_PROPERTY)),
				  ICAL_TRANSP_TRANSPARENT);
			CHECK_INT(int_of(event, ICAL_SEQUENCE_PROPERTY), 0);
			CHECK_STR(icalcomponent_get_description(event),
				  "Last contact 2026-03-11. Not before 2026-03-25, by 2026-04-08"
				  " (cadence 14-28 days).");
			CHECK_STR(categories_of(event), "rapport|Lefèvre & Fils");
		}
		icalcomponent_free(cal);
	}
	free(out);
	/* A call on Friday 13 March: the window is 27 March .. 10 April, its
	** middle Friday 3 April. */
	fixture_now = 1773399600;  /* 2026-03-13T11:00:00Z */
	CHECK_INT(record_touch(st, &fixture_clock, 3, TOUCH_CALL, "called about the quote", &touch,
			       &err), RP_OK);
	out = export_at(42, 1773400000);
	if ((cal = parse(out)) != NULL) {
		CHECK_INT(count_components(cal, ICAL_VEVENT_COMPONENT), 1);
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL) {
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260403");
			CHECK_INT(int_of(event, ICAL_SEQUENCE_PROPERTY), 1);
			CHECK_INT(utc_of(event, ICAL_LASTMODIFIED_PROPERTY), 1773400000);
		}
		icalcomponent_free(cal);
	}
	free(out);
}

/* A check-in whose day has passed is today (a working day): one left in
** the past is one nobody sees; and a client never met is due now. */
static void
checkin_never_in_the_past(void)
{
	char *out;
	icalcomponent *cal, *event;

	seed();
	out = export_at(42, 1776506400);  /* Saturday 2026-04-18, 10:00Z: overdue */
	if ((cal = parse(out)) != NULL) {
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL) {
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260420");
			CHECK(strstr(icalcomponent_get_description(event), "Overdue.") != NULL);
		}
		icalcomponent_free(cal);
	}
	free(out);
	sql("DELETE FROM meetings WHERE id = 42;"
	    "INSERT INTO meetings (id, client_id, title, state, planned_at, created_at)"
	    " VALUES (43, 3, 'First', 'planned', 1776700000, 1773200000)");
	out = export_at(43, NOW);  /* Wednesday 11 March */
	if ((cal = parse(out)) != NULL) {
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL) {
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260311");
			CHECK_STR(icalcomponent_get_description(event),
				  "No contact yet (cadence 14-28 days).");
		}
		CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), 0);
		icalcomponent_free(cal);
	}
	free(out);
	out = export_at(43, 1773482400);  /* Saturday 14 March: the Monday after */
	if ((cal = parse(out)) != NULL) {
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL)
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260316");
		icalcomponent_free(cal);
	}
	free(out);
}

/* An archived client has no check-in to make. */
static void
archived_client_has_no_checkin(void)
{
	char *out;
	icalcomponent *cal;

	seed();
	sql("UPDATE clients SET archived_at = 1773300000 WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_INT(count_components(cal, ICAL_VEVENT_COMPONENT), 0);
		CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), 8);
		icalcomponent_free(cal);
	}
	free(out);
}

static void
private_notes_never_appear(void)
{
	char *out, *flat;

	seed();
	out = export_at(42, NOW);
	flat = out ? unfold(out) : NULL;
	CHECK(flat != NULL && strstr(flat, "SECRET") == NULL);
	free(flat);
	free(out);
}

/* One object alone, as a vdir keeps it: no METHOD, DTSTAMP its
** LAST-MODIFIED, so it gives the same bytes until it changes. */
static void
one_object_as_a_store_keeps_it(void)
{
	calendar_scope scope = {.client_id = 0};
	calendar *c = NULL;
	rp_error err = {0};
	char *a = NULL, *b = NULL;
	icalcomponent *cal;

	seed();
	fixture_now = NOW;
	CHECK_INT(calendar_clients(st, &fixture_clock, &scope, &c, &err), RP_OK);
	if (c == NULL) {
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
		return;
	}
	/* The six open follow-ups and the check-in; closed ones only when
	** asked for. */
	CHECK_INT((int)c->n, 7);
	CHECK_INT(calendar_stamp(st, &fixture_clock, c, &err), RP_OK);
	CHECK_INT(calendar_text(c, 0, false, NOW + 999, &a, &err), RP_OK);
	fixture_now = NOW + 500;
	CHECK_INT(calendar_stamp(st, &fixture_clock, c, &err), RP_OK);
	CHECK_INT(calendar_text(c, 0, false, NOW + 5000, &b, &err), RP_OK);
	CHECK(a != NULL && b != NULL && strcmp(a, b) == 0);
	if ((cal = parse(a)) != NULL) {
		icalcomponent *todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);

		CHECK(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY) == NULL);
		CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), 1);
		CHECK(todo != NULL && utc_of(todo, ICAL_DTSTAMP_PROPERTY) == NOW);
		icalcomponent_free(cal);
	}
	calendar_free(c);
	c = NULL;
	scope.also = (const int64_t[]){11, 12, 7};
	scope.nalso = 3;
	CHECK_INT(calendar_clients(st, &fixture_clock, &scope, &c, &err), RP_OK);
	CHECK(c != NULL && c->n == 9);  /* 11 and 12 added; 7 is open, there already */
	calendar_free(c);
	c = NULL;
	scope.client_id = 99;
	CHECK_INT(calendar_clients(st, &fixture_clock, &scope, &c, &err), RP_ENOTFOUND);
	CHECK(c == NULL);
	free(a);
	free(b);
}

/* RFC 5545 §3.1 on out: CRLF line ends; lines of at most 75 octets; folds
** that unfold to valid UTF-8, and never split a character.  The number of
** folds. */
static size_t
check_raw(const char *out)
{
	char *flat;
	const char *line, *end;
	size_t longest = 0, folds = 0;

	for (line = out; *line != '\0'; line = end + 2) {
		end = strstr(line, "\r\n");
		if (end == NULL) {
			tap_fail(__FILE__, __LINE__, "last line without CRLF: \"%s\"", line);
			break;
		}
		if (memchr(line, '\n', (size_t)(end - line)) != NULL ||
		    memchr(line, '\r', (size_t)(end - line)) != NULL)
			tap_fail(__FILE__, __LINE__, "bare CR or LF in \"%.*s\"", (int)(end - line),
				 line);
		if ((size_t)(end - line) > longest)
			longest = (size_t)(end - line);
		if (*line == ' ')
			folds++;
		if (!text_utf8_valid(line, (size_t)(end - line)))
			tap_fail(__FILE__, __LINE__, "a fold split a character: \"%.*s\"",
				 (int)(end - line), line);
	}
	CHECK(longest <= 75);
	flat = unfold(out);
	CHECK(flat != NULL && text_utf8_valid(flat, strlen(flat)));
	free(flat);
	return folds;
}

static void
raw_lines(void)
{
	char *out;

	seed();
	if ((out = export_at(42, NOW)) == NULL)
		return;
	CHECK(check_raw(out) >= 20);  /* the long texts were folded, many times */
	free(out);
}

/* libical 3.0 folds inside the CRLF of a line reaching 75 octets, which
** the export repairs: "SUMMARY:Check in with " folds after "with ", so a
** client name of n letters leaves a line of n + 1 octets; every n around
** 74 is tried. */
static void
fold_at_line_end(void)
{
	char name[128], *update, *out;
	const char *line, *end;

	seed();
	for (int n = 60; n <= 90; n++) {
		memset(name, 'I', (size_t)n);
		name[n] = '\0';
		update = sqlite3_mprintf("UPDATE clients SET name = %Q WHERE id = 3", name);
		sql(update);
		sqlite3_free(update);
		if ((out = export_at(42, NOW)) == NULL)
			return;
		for (line = out; (end = strstr(line, "\r\n")) != NULL; line = end + 2)
			if (memchr(line, '\r', (size_t)(end - line)) != NULL ||
			    memchr(line, '\n', (size_t)(end - line)) != NULL || end == line + 1)
				tap_fail(__FILE__, __LINE__, "name of %d: bad line \"%.*s\"", n,
					 (int)(end - line), line);
		CHECK(*line == '\0');
		free(out);
	}
}

/* Nothing but CR, LF (as line ends) and TAB may be a control character:
** no C0, no DEL, no C1; and the texts read back neutralised. */
static void
no_control_characters(void)
{
	char *out, *flat;
	const char *p;
	uint32_t cp;
	int n;
	icalcomponent *cal, *event, *todo;

	seed();
	sql("UPDATE clients SET name = 'Evil' || char(27) || ']0;pwned' || char(7) || ' Corp'"
	    " || char(155) || '2J' WHERE id = 3;"
	    "UPDATE meetings SET title = 'Title' || char(27) || '[2J' || char(13) || char(1) || 'x';"
	    "UPDATE followups SET text = 'line one' || char(10) || 'line two' || char(9) || 'here'"
	    " || char(27) || '[31mred' || char(127), owner = 'Ève' || char(10) || 'Line'"
	    " WHERE id = 8;");
	if ((out = export_at(42, NOW)) == NULL)
		return;
	CHECK(strchr(out, '\x1b') == NULL);
	flat = unfold(out);
	for (p = flat ? flat : ""; *p != '\0'; p += n) {
		if ((n = text_utf8_decode(p, strlen(p), &cp)) == 0) {
			tap_fail(__FILE__, __LINE__, "invalid UTF-8 at \"%.10s\"", p);
			break;
		}
		if ((cp < 0x20 && cp != '\r' && cp != '\n' && cp != '\t') ||
		    (cp >= 0x7f && cp <= 0x9f))
			tap_fail(__FILE__, __LINE__, "control U+%04X at \"%.10s\"", (unsigned)cp, p);
	}
	free(flat);
	if ((cal = parse(out)) != NULL) {
		if ((event = object(cal, ICAL_VEVENT_COMPONENT, 3)) != NULL)
			CHECK_STR(icalcomponent_get_summary(event),
				  "Check in with Evil" FFFD "]0;pwned" FFFD " Corp" FFFD "2J");
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 8)) != NULL) {
			CHECK_STR(icalcomponent_get_summary(todo),
				  "Evil" FFFD "]0;pwned" FFFD " Corp" FFFD "2J: line one line two here"
				  FFFD "[31mred" FFFD);
			CHECK(strncmp(icalcomponent_get_description(todo), "Owner: Ève Line\n", 16) ==
			      0);
		}
		icalcomponent_free(cal);
	}
	free(out);
}

/* CATEGORIES is one comma-separated list (todoman reads only one): a
** comma inside a client's name would split it, so it goes there, and only
** there. */
static void
a_comma_in_a_category(void)
{
	char *out;
	icalcomponent *cal, *todo;

	seed();
	sql("UPDATE clients SET name = 'Acme, Inc.' WHERE id = 3");
	out = export_at(42, NOW);
	CHECK(out != NULL && strstr(out, "\r\nCATEGORIES:rapport,Acme Inc.,api\r\n") != NULL);
	if ((cal = parse(out)) != NULL) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 7)) != NULL) {
			CHECK_STR(categories_of(todo), "rapport|Acme Inc.|api");
			CHECK_STR(icalcomponent_get_summary(todo), "Acme, Inc.: send the revised quote");
		}
		icalcomponent_free(cal);
	}
	free(out);
}

/* A due date no calendar holds is no due date, as in the follow-ups list;
** the task is still written. */
static void
impossible_due_is_no_due(void)
{
	char *out;
	icalcomponent *cal, *todo;

	seed();
	sql("UPDATE followups SET due = '2026-02-30' WHERE id = 9");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		if ((todo = object(cal, ICAL_VTODO_COMPONENT, 9)) != NULL)
			CHECK_STR(date_of(todo, ICAL_DUE_PROPERTY), "none");
		icalcomponent_free(cal);
	}
	free(out);
}

/* The SUMMARY of follow-up (or, kind VEVENT, client) ref in cal. */
static const char *
summary_of(icalcomponent *cal, icalcomponent_kind kind, int64_t ref)
{
	icalcomponent *c = object(cal, kind, ref);

	return c ? icalcomponent_get_summary(c) : "(none)";
}

static const char *
description_of(icalcomponent *cal, icalcomponent_kind kind, int64_t ref)
{
	icalcomponent *c = object(cal, kind, ref);

	return c && icalcomponent_get_description(c) ? icalcomponent_get_description(c) : "(none)";
}

/* A French client's follow-ups in French words: the follow-ups typed in
** French, set with French typography; the categories as in English. */
static void
seed_french(void)
{
	seed();
	sql("UPDATE clients SET lang = 'fr' WHERE id = 3;"
	    "UPDATE meetings SET title = 'Lancement: phase 2' WHERE id = 42;"
	    "UPDATE followups SET text = 'envoyer le devis révisé #api @me ^fri' WHERE id = 7;"
	    "UPDATE followups SET text = 'confirmer le budget?' WHERE id = 8;"
	    "UPDATE followups SET text = 'partager les clés API' WHERE id = 9;"
	    "UPDATE followups SET text = 'signer le bon de commande' WHERE id = 10;");
}

/* A French client's calendar is in French, whatever the user's language:
** the same text from an English desktop and from a French one. */
static void
french_client_in_french(void)
{
	for (int user = 0; user < 2; user++) {
		char *out;
		icalcomponent *cal;

		lang_set_user(user ? RP_LANG_FR : RP_LANG_EN);
		seed_french();
		out = export_at(42, NOW);
		if ((cal = parse(out)) == NULL) {
			free(out);
			continue;
		}
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 7),
			  "Lefèvre & Fils" NB ": envoyer le devis révisé");
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 8),
			  "Lefèvre & Fils" NB ": confirmer le budget" NB "?");
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 9),
			  "En attente de Lefèvre & Fils" NB ": partager les clés API");
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 10),
			  "En attente de Zoé Martin (Lefèvre & Fils)" NB ": signer le bon de commande");
		CHECK_STR(description_of(cal, ICAL_VTODO_COMPONENT, 7),
			  "Responsable" NB ": moi\nSuite à la réunion «" NB "Lancement" NB
			  ": phase 2" NB "» avec Lefèvre & Fils du mercredi 11 mars 2026");
		CHECK_STR(description_of(cal, ICAL_VTODO_COMPONENT, 8),
			  "Suite à la réunion «" NB "Lancement" NB ": phase 2" NB
			  "» avec Lefèvre & Fils du mercredi 11 mars 2026");
		CHECK_STR(categories_of(object(cal, ICAL_VTODO_COMPONENT, 9)),
			  "rapport|Lefèvre & Fils|waiting");
		CHECK_STR(summary_of(cal, ICAL_VEVENT_COMPONENT, 3), "Faire le point avec Lefèvre & Fils");
		CHECK_STR(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			  "Dernier contact le 11 mars 2026. Pas avant le 25 mars 2026, au plus tard"
			  " le 8 avril 2026 (un contact tous les 14 à 28 jours).");
		CHECK(strstr(out, "Check in") == NULL && strstr(out, "Waiting") == NULL &&
		      strstr(out, "Owner") == NULL && strstr(out, "meeting") == NULL);
		icalcomponent_free(cal);
		free(out);
	}
	lang_set_user(RP_LANG_EN);
}

/* French grammar around a name: "d'" before a vowel; the overdue and
** never-met check-ins in French. */
static void
french_elision_and_checkins(void)
{
	char *out;
	icalcomponent *cal;

	seed_french();
	sql("UPDATE clients SET name = 'Ève Conseil', name_key = 'eve conseil' WHERE id = 3");
	out = export_at(42, 1776506400);  /* Saturday 2026-04-18, 10:00Z: overdue */
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 9),
			  "En attente d'Ève Conseil" NB ": partager les clés API");
		CHECK_STR(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			  "Dernier contact le 11 mars 2026. Pas avant le 25 mars 2026, au plus tard"
			  " le 8 avril 2026 (un contact tous les 14 à 28 jours). En retard.");
		icalcomponent_free(cal);
	}
	free(out);
	/* The first of a month is "le 1er". */
	sql("UPDATE clients SET cadence_min = 21 WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			  "Dernier contact le 11 mars 2026. Pas avant le 1er avril 2026, au plus tard"
			  " le 8 avril 2026 (un contact tous les 21 à 28 jours).");
		icalcomponent_free(cal);
	}
	free(out);
	/* A cadence of one length, and of every day. */
	sql("UPDATE clients SET cadence_min = 7, cadence_max = 7 WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK(strstr(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			     "(un contact tous les 7 jours).") != NULL);
		icalcomponent_free(cal);
	}
	free(out);
	sql("UPDATE clients SET cadence_min = 1, cadence_max = 1 WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK(strstr(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			     "(un contact par jour).") != NULL);
		icalcomponent_free(cal);
	}
	free(out);
	sql("UPDATE clients SET cadence_min = 14, cadence_max = 28 WHERE id = 3;"
	    "DELETE FROM meetings WHERE id = 42;"
	    "INSERT INTO meetings (id, client_id, title, state, planned_at, created_at)"
	    " VALUES (43, 3, 'Première réunion', 'planned', 1776700000, 1773200000)");
	out = export_at(43, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(summary_of(cal, ICAL_VEVENT_COMPONENT, 3), "Faire le point avec Ève Conseil");
		CHECK_STR(description_of(cal, ICAL_VEVENT_COMPONENT, 3),
			  "Pas encore de contact (un contact tous les 14 à 28 jours).");
		icalcomponent_free(cal);
	}
	free(out);
}

/* An English client stays English for a French user; a client whose
** language was never set speaks the user's. */
static void
english_client_under_a_french_user(void)
{
	char *out;
	icalcomponent *cal;

	lang_set_user(RP_LANG_FR);
	seed();
	sql("UPDATE clients SET lang = 'en' WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 7),
			  "Lefèvre & Fils: send the revised quote");
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 10),
			  "Waiting for Zoé Martin (Lefèvre & Fils): sign the order form");
		CHECK_STR(description_of(cal, ICAL_VTODO_COMPONENT, 7),
			  "Owner: me\nFrom the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils"
			  " on 2026-03-11");
		CHECK_STR(summary_of(cal, ICAL_VEVENT_COMPONENT, 3), "Check in with Lefèvre & Fils");
		CHECK(strstr(out, NB) == NULL);
		icalcomponent_free(cal);
	}
	free(out);
	sql("UPDATE clients SET lang = NULL WHERE id = 3");
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(summary_of(cal, ICAL_VEVENT_COMPONENT, 3), "Faire le point avec Lefèvre & Fils");
		CHECK_STR(summary_of(cal, ICAL_VTODO_COMPONENT, 9),
			  "En attente de Lefèvre & Fils" NB ": share the API keys");
		icalcomponent_free(cal);
	}
	free(out);
	lang_set_user(RP_LANG_EN);
	out = export_at(42, NOW);
	if ((cal = parse(out)) != NULL) {
		CHECK_STR(summary_of(cal, ICAL_VEVENT_COMPONENT, 3), "Check in with Lefèvre & Fils");
		icalcomponent_free(cal);
	}
	free(out);
}

/* French lines fold as English ones do: at most 75 octets, never inside
** a character, the three-byte NNBSP and accented names included, at every
** length of name around the fold. */
static void
french_raw_lines(void)
{
	char name[256], *update, *out;

	seed_french();
	if ((out = export_at(42, NOW)) != NULL)
		CHECK(check_raw(out) >= 20);
	free(out);
	for (int n = 20; n <= 40; n++) {
		name[0] = '\0';
		for (int i = 0; i < n; i++)
			strcat(name, i % 3 ? "é" : "e");
		update = sqlite3_mprintf("UPDATE clients SET name = %Q WHERE id = 3", name);
		sql(update);
		sqlite3_free(update);
		if ((out = export_at(42, NOW)) == NULL)
			return;
		check_raw(out);
		free(out);
	}
}

static void
unknown_meeting(void)
{
	rp_error err = {0};
	char *out = NULL;

	seed();
	CHECK_INT(export_ics(st, &fixture_clock, 999, &out, &err), RP_ENOTFOUND);
	CHECK(out == NULL);
	CHECK_STR(err.msg, "no meeting 999");
	CHECK_INT(export_ics(st, &fixture_clock, 999, &out, NULL), RP_ENOTFOUND);
}

int
main(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	RUN(calendar_properties);
	RUN(tasks_say_whose_and_what);
	RUN(statuses_round_trip);
	RUN(sequence_grows_with_changes);
	RUN(uids_are_the_databases);
	RUN(one_checkin_per_client);
	RUN(checkin_never_in_the_past);
	RUN(archived_client_has_no_checkin);
	RUN(private_notes_never_appear);
	RUN(one_object_as_a_store_keeps_it);
	RUN(raw_lines);
	RUN(fold_at_line_end);
	RUN(no_control_characters);
	RUN(a_comma_in_a_category);
	RUN(impossible_due_is_no_due);
	RUN(unknown_meeting);
	RUN(french_client_in_french);
	RUN(french_elision_and_checkins);
	RUN(english_client_under_a_french_user);
	RUN(french_raw_lines);
	store_close(st);
	icalmemory_free_ring();
	return tap_done();
}
