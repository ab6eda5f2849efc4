/* test_export_ics.c: a recap as iCalendar (export.h, DESIGN.md §4).
**
** The recap is built by hand, exported, then read back with libical's own
** parser and checked field by field; the raw text is checked too, for what
** a calendar needs before it parses anything: CRLF line ends, lines of at
** most 75 octets, folds that never split a UTF-8 character, and no control
** characters.
**
** The meeting is on Wednesday 2026-03-11; the next check-in is suggested for
** 2026-04-01, in the window 2026-03-25 .. 2026-04-08.
*/
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "rapport/export.h"
#include "rapport/recap.h"
#include "rapport/text.h"
#include "tap.h"

#define NOW 1773225000  /* 2026-03-11T10:30:00Z */
#define MEETING 42
#define FFFD "\xEF\xBF\xBD"

/* 150 × "é日": 300 characters, 750 octets, no blank to fold at. */
static char long_text[751];
/* 100 × "🚀": four-octet characters only. */
static char emoji_text[401];

static session_note notes[] = {
	{.id = 1, .kind = NOTE_ACTION, .text = "Envoyer le devis révisé"},
	{.id = 2, .kind = NOTE_PRIVATE, .text = "SECRET-private-remark about the budget"},
};

static recap_followup followups[] = {
	{.id = 7, .text = "Envoyer le devis révisé à Mme Lefèvre", .owner = "Zoé",
	 .due = "2026-03-20", .status = FOLLOWUP_OPEN, .note_id = 1},
	{.id = 8, .text = "确认预算 🚀 before the steering committee", .status = FOLLOWUP_OPEN},
	{.id = 9, .text = "a,b;c\\d and \"quotes\": all kept", .owner = "Bob",
	 .due = "2026-03-13", .status = FOLLOWUP_OPEN},
	{.id = 10, .text = long_text, .due = "2026-12-31", .status = FOLLOWUP_OPEN},
	{.id = 11, .text = "Already DONE-followup", .status = FOLLOWUP_DONE},
	{.id = 12, .text = "A DROPPED-followup", .owner = "Bob", .due = "2026-03-12",
	 .status = FOLLOWUP_DROPPED},
	{.id = 13, .text = emoji_text, .status = FOLLOWUP_OPEN},
	{.id = 14, .text = "line one\nline two\there\x1b[31mred\x7f", .owner = "Ève\nLine",
	 .status = FOLLOWUP_OPEN},
};

#define NFOLLOWUPS (sizeof followups / sizeof followups[0])

/* What each open follow-up must read as, once parsed back. */
static const struct {
	int64_t id;
	const char *summary;
	const char *due;          /* YYYYMMDD or NULL */
	const char *description;
} want_todos[] = {
	{7, "Envoyer le devis révisé à Mme Lefèvre", "20260320",
	 "Owner: Zoé\nFrom the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
	{8, "确认预算 🚀 before the steering committee", NULL,
	 "From the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
	{9, "a,b;c\\d and \"quotes\": all kept", "20260313",
	 "Owner: Bob\nFrom the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
	{10, long_text, "20261231",
	 "From the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
	{13, emoji_text, NULL,
	 "From the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
	{14, "line one line two here" FFFD "[31mred" FFFD, NULL,
	 "Owner: Ève Line\nFrom the meeting \"Kickoff, phase 2; go\" with Lefèvre & Fils on 2026-03-11"},
};

#define NTODOS (sizeof want_todos / sizeof want_todos[0])

static session meeting;
static recap rc;

static void
setup(void)
{
	size_t i;

	long_text[0] = '\0';
	for (i = 0; i < 150; i++)
		strcat(long_text, "é日");
	emoji_text[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(emoji_text, "🚀");
	meeting = (session){.meeting_id = MEETING, .client_id = 3,
			    .client_name = "Lefèvre & Fils", .title = "Kickoff, phase 2; go",
			    .state = MEETING_ENDED, .cadence_min = 14, .cadence_max = 28,
			    .notes = notes, .nnotes = sizeof notes / sizeof notes[0]};
	rc = (recap){.s = &meeting, .followups = followups, .nfollowups = NFOLLOWUPS,
		     .day = {2026, 3, 11}, .next_from = {2026, 3, 25}, .next_to = {2026, 4, 8},
		     .next_suggested = {2026, 4, 1}};
}

/* Export r at now; NULL (with a recorded failure) when it fails. */
static char *
export(const recap *r, int64_t now)
{
	rp_error err = {0};
	char *out = NULL;

	if (export_ics(r, now, &out, &err) != RP_OK) {
		tap_fail(__FILE__, __LINE__, "export_ics: %s", err.msg);
		return NULL;
	}
	CHECK_INT(err.status, RP_OK);
	return out;
}

/* Parse text back with libical; the VCALENDAR, or NULL.  The caller frees
** it with icalcomponent_free. */
static icalcomponent *
parse(const char *text)
{
	icalcomponent *root = icalparser_parse_string(text);

	if (root != NULL && icalcomponent_isa(root) != ICAL_VCALENDAR_COMPONENT) {
		icalcomponent_free(root);
		return NULL;
	}
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
	icalcomponent *c;
	int n = 0;

	for (c = icalcomponent_get_first_component(cal, kind); c != NULL;
	     c = icalcomponent_get_next_component(cal, kind))
		n++;
	return n;
}

static icalcomponent *
component_by_uid(icalcomponent *cal, icalcomponent_kind kind, const char *uid)
{
	icalcomponent *c;

	for (c = icalcomponent_get_first_component(cal, kind); c != NULL;
	     c = icalcomponent_get_next_component(cal, kind)) {
		if (icalcomponent_get_uid(c) != NULL && strcmp(icalcomponent_get_uid(c), uid) == 0)
			return c;
	}
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

static void
calendar_properties(void)
{
	char *out;
	icalcomponent *cal;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	CHECK(strncmp(out, "BEGIN:VCALENDAR\r\n", 17) == 0);
	CHECK((cal = parse(out)) != NULL);
	if (cal != NULL) {
		CHECK_STR(icalproperty_get_prodid(
				  icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)),
			  "-//rapport//rapport 0.1//EN");
		CHECK_STR(icalproperty_get_version(
				  icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY)),
			  "2.0");
		CHECK_STR(icalproperty_get_calscale(
				  icalcomponent_get_first_property(cal, ICAL_CALSCALE_PROPERTY)),
			  "GREGORIAN");
		CHECK_INT(icalcomponent_get_method(cal), ICAL_METHOD_PUBLISH);
		icalcomponent_free(cal);
	}
	free(out);
}

static void
open_followups_are_todos(void)
{
	char *out, uid[80];
	icalcomponent *cal, *todo;
	icalproperty *p;
	size_t i;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	if ((cal = parse(out)) == NULL) {
		tap_fail(__FILE__, __LINE__, "libical could not read it back");
		free(out);
		return;
	}
	CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), NTODOS);
	for (i = 0; i < NTODOS; i++) {
		snprintf(uid, sizeof uid, "rapport-followup-%lld-meeting-%d",
			 (long long)want_todos[i].id, MEETING);
		if ((todo = component_by_uid(cal, ICAL_VTODO_COMPONENT, uid)) == NULL) {
			tap_fail(__FILE__, __LINE__, "no VTODO %s", uid);
			continue;
		}
		CHECK_STR(icalcomponent_get_summary(todo), want_todos[i].summary);
		CHECK_STR(icalcomponent_get_description(todo), want_todos[i].description);
		CHECK_STR(date_of(todo, ICAL_DUE_PROPERTY),
			  want_todos[i].due ? want_todos[i].due : "none");
		CHECK_INT(icalcomponent_get_status(todo), ICAL_STATUS_NEEDSACTION);
		p = icalcomponent_get_first_property(todo, ICAL_CATEGORIES_PROPERTY);
		CHECK(p != NULL);
		if (p != NULL)
			CHECK_STR(icalproperty_get_categories(p), "rapport");
		CHECK(icaltime_is_utc(icalcomponent_get_dtstamp(todo)));
		CHECK_INT(icaltime_as_timet(icalcomponent_get_dtstamp(todo)), NOW);
	}
	/* In the order noted. */
	todo = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	CHECK(todo != NULL && strcmp(icalcomponent_get_uid(todo),
				     "rapport-followup-7-meeting-42") == 0);
	icalcomponent_free(cal);
	free(out);
}

static void
done_and_dropped_left_out(void)
{
	char *out;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	CHECK(strstr(out, "DONE-followup") == NULL);
	CHECK(strstr(out, "DROPPED-followup") == NULL);
	CHECK(strstr(out, "rapport-followup-11-") == NULL);
	CHECK(strstr(out, "rapport-followup-12-") == NULL);
	free(out);
}

static void
private_notes_never_appear(void)
{
	char *out, *flat;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	flat = unfold(out);
	CHECK(flat != NULL && strstr(flat, "SECRET") == NULL);
	free(flat);
	free(out);
}

static void
checkin_is_an_all_day_event(void)
{
	char *out, *flat;
	icalcomponent *cal, *event;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	if ((cal = parse(out)) == NULL) {
		tap_fail(__FILE__, __LINE__, "libical could not read it back");
		free(out);
		return;
	}
	CHECK_INT(count_components(cal, ICAL_VEVENT_COMPONENT), 1);
	event = component_by_uid(cal, ICAL_VEVENT_COMPONENT, "rapport-checkin-meeting-42");
	CHECK(event != NULL);
	if (event != NULL) {
		CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20260401");
		CHECK_STR(date_of(event, ICAL_DTEND_PROPERTY), "20260402");
		CHECK_STR(icalcomponent_get_summary(event), "Check in with Lefèvre & Fils");
		CHECK_STR(icalcomponent_get_description(event),
			  "Not before 2026-03-25, by 2026-04-08 (cadence 14-28 days).");
		CHECK_INT(icalproperty_get_transp(
				  icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY)),
			  ICAL_TRANSP_TRANSPARENT);
		CHECK_INT(icaltime_as_timet(icalcomponent_get_dtstamp(event)), NOW);
	}
	flat = unfold(out);
	CHECK(flat != NULL && strstr(flat, "\r\nDTSTART;VALUE=DATE:20260401\r\n") != NULL);
	CHECK(flat != NULL && strstr(flat, "\r\nDTEND;VALUE=DATE:20260402\r\n") != NULL);
	CHECK(flat != NULL && strstr(flat, "\r\nTRANSP:TRANSPARENT\r\n") != NULL);
	free(flat);
	icalcomponent_free(cal);
	free(out);
}

/* The check-in crosses a month and a year end like any date. */
static void
checkin_end_crosses_year(void)
{
	char *out;
	icalcomponent *cal, *event;

	setup();
	rc.next_suggested = (rp_date){2026, 12, 31};
	if ((out = export(&rc, NOW)) == NULL)
		return;
	CHECK((cal = parse(out)) != NULL);
	if (cal != NULL) {
		event = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
		CHECK(event != NULL);
		if (event != NULL) {
			CHECK_STR(date_of(event, ICAL_DTSTART_PROPERTY), "20261231");
			CHECK_STR(date_of(event, ICAL_DTEND_PROPERTY), "20270101");
		}
		icalcomponent_free(cal);
	}
	free(out);
}

static void
no_checkin_without_date(void)
{
	char *out;
	icalcomponent *cal;

	setup();
	rc.next_suggested = (rp_date){0, 0, 0};
	if ((out = export(&rc, NOW)) == NULL)
		return;
	CHECK(strstr(out, "VEVENT") == NULL);
	CHECK((cal = parse(out)) != NULL);
	if (cal != NULL) {
		CHECK_INT(count_components(cal, ICAL_VTODO_COMPONENT), NTODOS);
		icalcomponent_free(cal);
	}
	free(out);
}

/* Nothing open and no check-in: still a calendar a client can import. */
static void
empty_calendar(void)
{
	char *out;
	icalcomponent *cal;

	setup();
	rc.nfollowups = 0;
	rc.next_suggested = (rp_date){0, 0, 0};
	if ((out = export(&rc, NOW)) == NULL)
		return;
	CHECK((cal = parse(out)) != NULL);
	if (cal != NULL) {
		CHECK_INT(count_components(cal, ICAL_ANY_COMPONENT), 0);
		CHECK(icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY) != NULL);
		icalcomponent_free(cal);
	}
	CHECK(strstr(out, "END:VCALENDAR\r\n") != NULL);
	free(out);
}

/* Exporting again later gives the same UIDs, so a calendar updates its
** entries instead of adding new ones; only DTSTAMP changes. */
static void
uids_stable(void)
{
	char *a, *b, *pa, *pb;

	setup();
	a = export(&rc, NOW);
	b = export(&rc, NOW + 86400);
	if (a != NULL && b != NULL) {
		CHECK(strcmp(a, b) != 0);
		pa = a;
		pb = b;
		while ((pa = strstr(pa, "\r\nUID:")) != NULL) {
			CHECK((pb = strstr(pb, "\r\nUID:")) != NULL);
			if (pb == NULL)
				break;
			CHECK(strncmp(pa, pb, strcspn(pa + 2, "\r") + 2) == 0);
			pa += 2;
			pb += 2;
		}
		CHECK(pb != NULL && strstr(pb + 2, "\r\nUID:") == NULL);
	}
	free(a);
	free(b);
}

/* libical, not this test, does the escaping; check it did. */
static void
text_escaped(void)
{
	char *out, *flat;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
	flat = unfold(out);
	CHECK(flat != NULL &&
	      strstr(flat, "\r\nSUMMARY:a\\,b\\;c\\\\d and \"quotes\": all kept\r\n") != NULL);
	CHECK(flat != NULL && strstr(flat, "\r\nDESCRIPTION:Owner: Zoé\\nFrom the meeting "
					   "\"Kickoff\\, phase 2\\; go\" with ") != NULL);
	free(flat);
	free(out);
}

/* RFC 5545 §3.1: CRLF line ends; lines of at most 75 octets; folds that
** unfold to valid UTF-8.  And a fold never splits a character, so each
** physical line is valid UTF-8 on its own (a reader that shows raw lines,
** or unfolds badly, still sees whole characters). */
static void
raw_lines(void)
{
	char *out, *flat;
	const char *line, *end;
	size_t longest = 0, folds = 0;

	setup();
	if ((out = export(&rc, NOW)) == NULL)
		return;
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
	CHECK(folds >= 20);  /* the long texts were folded, many times */
	flat = unfold(out);
	CHECK(flat != NULL && text_utf8_valid(flat, strlen(flat)));
	free(flat);
	free(out);
}

/* A line that reaches 75 octets with its CR or LF: libical 3.0 folds
** inside the CRLF ("\r" "\r\n " "\n") or before it (an empty continuation
** line), which the export repairs.  The check-in's "SUMMARY:Check in with "
** folds after "with ", so a client name of n letters leaves a line of
** n + 1 octets; every n around 74 is tried.  Found by fuzz_export (a
** client named with 73 letters). */
static void
fold_at_line_end(void)
{
	char name[128], *out;
	const char *line, *end;
	int n;

	for (n = 60; n <= 90; n++) {
		setup();
		memset(name, 'I', (size_t)n);
		name[n] = '\0';
		meeting.client_name = name;
		if ((out = export(&rc, NOW)) == NULL)
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
** no C0, no DEL, no C1 (as code points, U+0080..U+009F). */
static void
no_control_characters(void)
{
	char *out, *flat;
	const char *p;
	uint32_t cp;
	int n;

	setup();
	meeting.client_name = "Evil\x1b]0;pwned\x07 Corp\xc2\x9b" "2J";
	meeting.title = "Title\x1b[2J\r\x01x";
	if ((out = export(&rc, NOW)) == NULL)
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
	flat = NULL;
	{
		icalcomponent *cal = parse(out), *event;

		CHECK(cal != NULL);
		if (cal != NULL) {
			event = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
			CHECK(event != NULL);
			if (event != NULL)
				CHECK_STR(icalcomponent_get_summary(event),
					  "Check in with Evil" FFFD "]0;pwned" FFFD " Corp" FFFD "2J");
			icalcomponent_free(cal);
		}
	}
	free(out);
}

static void
bad_due_refused(void)
{
	static const char *const bad[] = {"2026-02-30", "26-03-01", "2026-3-1", "+026-03-01",
					  "2026-03-01x", "next week"};
	recap_followup one = {.id = 5, .text = "x", .status = FOLLOWUP_OPEN};
	rp_error err;
	char *out;
	size_t i;

	setup();
	rc.followups = &one;
	rc.nfollowups = 1;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		one.due = bad[i];
		rp_error_clear(&err);
		out = (char *)"untouched";
		CHECK_INT(export_ics(&rc, NOW, &out, &err), RP_EINVAL);
		CHECK(out == NULL);
		CHECK(strstr(err.msg, "follow-up 5") != NULL);
	}
	/* An empty due is no due. */
	one.due = "";
	out = export(&rc, NOW);
	CHECK(out != NULL && strstr(out, "DUE") == NULL);
	free(out);
}

/* A dropped follow-up with a bad due is not exported, so not refused. */
static void
bad_due_on_closed_followup_ignored(void)
{
	recap_followup one = {.id = 5, .text = "x", .due = "garbage", .status = FOLLOWUP_DROPPED};
	char *out;

	setup();
	rc.followups = &one;
	rc.nfollowups = 1;
	out = export(&rc, NOW);
	CHECK(out != NULL);
	free(out);
}

static void
error_struct_optional(void)
{
	char *out = NULL;

	setup();
	CHECK_INT(export_ics(&rc, NOW, &out, NULL), RP_OK);
	CHECK(out != NULL);
	free(out);
	rc.s = NULL;
	CHECK_INT(export_ics(&rc, NOW, &out, NULL), RP_EINVAL);
	CHECK(out == NULL);
}

int
main(void)
{
	RUN(calendar_properties);
	RUN(open_followups_are_todos);
	RUN(done_and_dropped_left_out);
	RUN(private_notes_never_appear);
	RUN(checkin_is_an_all_day_event);
	RUN(checkin_end_crosses_year);
	RUN(no_checkin_without_date);
	RUN(empty_calendar);
	RUN(uids_stable);
	RUN(text_escaped);
	RUN(raw_lines);
	RUN(fold_at_line_end);
	RUN(no_control_characters);
	RUN(bad_due_refused);
	RUN(bad_due_on_closed_followup_ignored);
	RUN(error_struct_optional);
	icalmemory_free_ring();
	return tap_done();
}
