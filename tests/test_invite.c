/* test_invite.c: calendar invitations read for planning (invite.h).
**
** The fixtures in tests/data/ics are written as real exporters write them:
** CRLF line ends, lines folded at 75 octets (Exchange even cuts a UTF-8
** character in two), escaped commas, semicolons and newlines.  TZ is
** Europe/Paris, for the floating and all-day events.  Every expected start
** was checked with `date -u -d '...' +%s`.
*/
#include "rapport/invite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "rapport/text.h"

#include "tap.h"

/* Where the fixtures are; meson passes the source folder's. */
#ifndef ICS_DIR
#define ICS_DIR "tests/data/ics"
#endif

static invite inv;  /* too big to want on the stack in every test */
static agenda_spec item;
static rp_error err;

static enum rp_status
read_fixture(const char *name)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", ICS_DIR, name);
	rp_error_clear(&err);
	return invite_read(path, 0, false, &inv, &err);
}

static enum rp_status
line(const char *text)
{
	rp_error_clear(&err);
	return invite_line_item(text, &item, &err);
}

/* Check item i of inv. */
#define CHECK_ITEM(i, want_title, want_minutes)                 \
	do {                                                    \
		CHECK_STR(inv.items[i].title, want_title);      \
		CHECK_INT(inv.items[i].minutes, want_minutes);  \
	} while (0)

/* A line that becomes an item. */
#define CHECK_LINE(text, want_title, want_minutes)              \
	do {                                                    \
		CHECK_INT(line(text), RP_OK);                   \
		CHECK_STR(item.title, want_title);              \
		CHECK_INT(item.minutes, want_minutes);          \
	} while (0)

/* A line that holds no item. */
#define CHECK_NO_ITEM(text)                                     \
	do {                                                    \
		CHECK_INT(line(text), RP_ENOTFOUND);            \
		CHECK_INT(err.status, RP_ENOTFOUND);            \
	} while (0)

/* Does s start with literal prefix? */
#define CHECK_STARTS(s, prefix) CHECK(strncmp(s, prefix, strlen(prefix)) == 0)

/* Does err.msg contain part? */
#define CHECK_MSG_HAS(part)                                                     \
	do {                                                                    \
		if (strstr(err.msg, part) == NULL)                              \
			tap_fail(__FILE__, __LINE__, "message \"%s\" lacks \"%s\"", \
				 err.msg, part);                                \
	} while (0)

static void
simple_utc(void)
{
	CHECK_INT(read_fixture("simple-utc.ics"), RP_OK);
	CHECK_INT(err.status, RP_OK);
	CHECK_STR(inv.title, "Weekly sync with Northwind");
	/* 2026-03-10 09:00Z: date -u -d '2026-03-10 09:00Z' +%s */
	CHECK_INT(inv.starts_at, 1773133200);
	CHECK_INT(inv.minutes, 60);
	CHECK_STR(inv.location, "Room 4.12");
	CHECK_STR(inv.description, "- Status (10 min)\n- Budget:15\n- Risks (20')\n- Next steps");
	CHECK_INT(inv.nitems, 4);
	CHECK_ITEM(0, "Status", 10);
	CHECK_ITEM(1, "Budget", 15);
	CHECK_ITEM(2, "Risks", 20);
	CHECK_ITEM(3, "Next steps", 0);
}

/* Exchange: a VTIMEZONE named "Romance Standard Time" (no such zone in
** zoneinfo, so only the file's rules can place it), folds every 75 octets,
** one of them inside the "è" of "Lefèvre", escapes, and Teams noise under
** a numbered agenda wrapped in a greeting and a signature. */
static void
outlook_paris(void)
{
	CHECK_INT(read_fixture("outlook-paris.ics"), RP_OK);
	CHECK_STR(inv.title, "Réunion de lancement — projet Hélios (Northwind × Rapport)");
	/* 09:30 in Paris in April is CEST, UTC+2: 07:30Z.
	** date -u -d 'TZ="Europe/Paris" 2026-04-14 09:30' +%s */
	CHECK_INT(inv.starts_at, 1776151800);
	CHECK_INT(inv.minutes, 90);
	CHECK_STR(inv.location, "Salle Lefèvre (3e étage), Paris");
	CHECK_STARTS(inv.description, "Bonjour tout le monde,\n\nVoici l'ordre du jour de notre");
	CHECK(strstr(inv.description, "4. Rôles : qui fait quoi ? (Mme Lefèvre)\n") != NULL);
	/* Only the numbered lines: the greeting and signature are prose. */
	CHECK_INT(inv.nitems, 5);
	CHECK_ITEM(0, "Tour de table", 10);
	CHECK_ITEM(1, "Objectifs, périmètre et contraintes; budget", 20);
	CHECK_ITEM(2, "Étapes, jalons et livrables", 30);
	CHECK_ITEM(3, "Rôles : qui fait quoi ? (Mme Lefèvre)", 0);
	CHECK_ITEM(4, "Questions diverses", 0);
}

/* Google: a TZID with no VTIMEZONE (the system's zoneinfo places it), and
** no list markers, so every line that is not Meet noise is an item. */
static void
google_new_york(void)
{
	CHECK_INT(read_fixture("google-new-york.ics"), RP_OK);
	CHECK_STR(inv.title, "Quarterly review – Contoso");
	/* New York is on EDT (UTC-4) from 2026-03-08: 10:00 is 14:00Z.
	** date -u -d 'TZ="America/New_York" 2026-03-15 10:00' +%s */
	CHECK_INT(inv.starts_at, 1773583200);
	CHECK_INT(inv.minutes, 45);
	CHECK_STR(inv.location, "Conference Room B (12th floor)");
	CHECK_INT(inv.nitems, 4);
	CHECK_ITEM(0, "Q1 numbers review", 15);
	CHECK_ITEM(1, "Hiring plan", 20);
	CHECK_ITEM(2, "Q3: review", 0);
	CHECK_ITEM(3, "Open questions", 0);
	/* The description is kept whole, noise included: it is the invite's. */
	CHECK(strstr(inv.description, "More phone numbers: https://tel.meet/") != NULL);
}

static void
floating_is_local(void)
{
	CHECK_INT(read_fixture("floating.ics"), RP_OK);
	CHECK_STR(inv.title, "Point d'étape Acme");
	/* 14:30 local, TZ=Europe/Paris, CET (UTC+1) in January: 13:30Z.
	** date -u -d 'TZ="Europe/Paris" 2026-01-20 14:30' +%s */
	CHECK_INT(inv.starts_at, 1768915800);
	CHECK_INT(inv.minutes, 30);
	CHECK_STR(inv.location, "");
	CHECK_INT(inv.nitems, 2);
	CHECK_ITEM(0, "Avancement", 0);
	CHECK_ITEM(1, "Décisions à prendre", 0);
}

/* DURATION instead of DTEND, and Apple's VTIMEZONE for Europe/Paris. */
static void
duration_instead_of_dtend(void)
{
	CHECK_INT(read_fixture("duration-paris.ics"), RP_OK);
	CHECK_STR(inv.title, "Atelier roadmap");
	/* 10:00 CEST (UTC+2): 08:00Z.
	** date -u -d 'TZ="Europe/Paris" 2026-06-01 10:00' +%s */
	CHECK_INT(inv.starts_at, 1780300800);
	CHECK_INT(inv.minutes, 90);
	CHECK_STR(inv.location, "Bureaux Acme, 12 rue de la Paix, Paris");
	CHECK_INT(inv.nitems, 3);
	CHECK_ITEM(0, "Bilan T2", 20);
	CHECK_ITEM(1, "Priorités T3", 60);
	CHECK_ITEM(2, "Tour de table", 0);
}

/* An all-day event starts at its local midnight and has no length. */
static void
all_day(void)
{
	CHECK_INT(read_fixture("all-day.ics"), RP_OK);
	CHECK_STR(inv.title, "Séminaire équipe");
	/* Midnight in Paris, CEST: 2026-04-01 22:00Z.
	** date -u -d 'TZ="Europe/Paris" 2026-04-02 00:00' +%s */
	CHECK_INT(inv.starts_at, 1775080800);
	CHECK_INT(inv.minutes, 0);
	CHECK_STR(inv.description, "");
	CHECK_INT(inv.nitems, 0);
}

static void
not_a_calendar(void)
{
	CHECK_INT(read_fixture("not-a-calendar.ics"), RP_EINVAL);
	CHECK_INT(err.status, RP_EINVAL);
	CHECK_STR(err.msg, ICS_DIR "/not-a-calendar.ics is not an iCalendar file"
			   " (no BEGIN:VCALENDAR ... END:VCALENDAR)");
	CHECK_STR(inv.title, "");
	CHECK_INT(inv.nitems, 0);
}

static void
no_event(void)
{
	CHECK_INT(read_fixture("no-event.ics"), RP_EINVAL);
	CHECK_STR(err.msg, ICS_DIR "/no-event.ics holds no event (VEVENT)");
}

static void
unknown_time_zone(void)
{
	CHECK_INT(read_fixture("unknown-tzid.ics"), RP_EINVAL);
	CHECK_MSG_HAS("unknown time zone \"W. Europe Standard Time\" in DTSTART");
	CHECK_INT(inv.starts_at, 0);
}

/* libical drops a DTSTART it cannot read; that must not pass as "no time". */
static void
unreadable_start(void)
{
	CHECK_INT(read_fixture("bad-dtstart.ics"), RP_EINVAL);
	CHECK_STR(err.msg, ICS_DIR "/bad-dtstart.ics: the event's DTSTART cannot be read");
}

static void
missing_file(void)
{
	CHECK_INT(read_fixture("no-such-file.ics"), RP_EIO);
	CHECK_MSG_HAS("cannot open " ICS_DIR "/no-such-file.ics: No such file or directory");
}

/* Write text to a new temporary file; its path goes in path[64]. */
static void
temp_file(char *path, const char *text, size_t len)
{
	const char *tmp = getenv("TMPDIR");
	FILE *f;
	int fd;

	snprintf(path, 64, "%s/invite-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp");
	fd = mkstemp(path);
	if (fd < 0 || (f = fdopen(fd, "wb")) == NULL) {
		tap_fail(__FILE__, __LINE__, "cannot create %s", path);
		return;
	}
	fwrite(text, 1, len, f);
	fclose(f);
}

static enum rp_status
read_text(const char *text, size_t len)
{
	char path[64];
	enum rp_status s;

	temp_file(path, text, len);
	rp_error_clear(&err);
	s = invite_read(path, 0, false, &inv, &err);
	unlink(path);
	return s;
}

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\n" \
		 "UID:1@t\r\nDTSTAMP:20260301T000000Z\r\n"
#define CAL_TAIL "END:VEVENT\r\nEND:VCALENDAR\r\n"

static void
too_large(void)
{
	size_t size = 1024 * 1024 + 1;
	char *big = malloc(size);

	if (big == NULL)
		return;
	/* A valid calendar padded with a huge description. */
	memset(big, 'x', size);
	memcpy(big, CAL_HEAD "DESCRIPTION:", strlen(CAL_HEAD "DESCRIPTION:"));
	memcpy(big + size - strlen("\r\n" CAL_TAIL), "\r\n" CAL_TAIL, strlen("\r\n" CAL_TAIL));
	CHECK_INT(read_text(big, size), RP_EINVAL);
	CHECK_MSG_HAS("is too large for an invitation (more than 1024 KiB)");
	/* One byte less is fine, the description cut to fit with "…". */
	memcpy(big + size - 1 - strlen("\r\n" CAL_TAIL), "\r\n" CAL_TAIL, strlen("\r\n" CAL_TAIL));
	CHECK_INT(read_text(big, size - 1), RP_OK);
	CHECK_INT(strlen(inv.description), sizeof inv.description - 1);
	CHECK(strcmp(inv.description + sizeof inv.description - 4, "…") == 0);
	/* Its one line is an item, cut to a title's length. */
	CHECK_INT(inv.nitems, 1);
	CHECK_INT(text_length(inv.items[0].title), MEETING_TITLE_MAX);
	free(big);
}

#define READ_CAL(body) read_text(CAL_HEAD body CAL_TAIL, strlen(CAL_HEAD body CAL_TAIL))

static void
nothing_but_an_event(void)
{
	CHECK_INT(READ_CAL(""), RP_OK);
	CHECK_STR(inv.title, "");
	CHECK_INT(inv.starts_at, 0);
	CHECK_INT(inv.minutes, 0);
	CHECK_STR(inv.location, "");
	CHECK_STR(inv.description, "");
	CHECK_INT(inv.nitems, 0);
}

static void
start_without_end(void)
{
	CHECK_INT(READ_CAL("DTSTART:20260310T090000Z\r\n"), RP_OK);
	CHECK_INT(inv.starts_at, 1773133200);
	CHECK_INT(inv.minutes, 0);
}

static void
bad_lengths(void)
{
	CHECK_INT(READ_CAL("DTSTART:20260310T090000Z\r\nDTEND:20260310T080000Z\r\n"), RP_EINVAL);
	CHECK_MSG_HAS(": the event ends before it starts");
	CHECK_INT(READ_CAL("DTSTART:20260310T090000Z\r\nDURATION:P2D\r\n"), RP_EINVAL);
	CHECK_MSG_HAS(": the event lasts 2880 minutes; a meeting lasts at most 1440");
	/* A whole day is still a meeting's length. */
	CHECK_INT(READ_CAL("DTSTART:20260310T090000Z\r\nDURATION:PT24H\r\n"), RP_OK);
	CHECK_INT(inv.minutes, 1440);
}

/* Summary and location are one line each; controls cannot reach a
** terminal; a title too long for a meeting is cut. */
static void
text_fields(void)
{
	CHECK_INT(READ_CAL("SUMMARY:  Kick\\noff\x1b[31m  \r\nLOCATION:Room\\n 4\r\n"), RP_OK);
	CHECK_STR(inv.title, "Kick off\xEF\xBF\xBD[31m");
	CHECK_STR(inv.location, "Room  4");
	CHECK_INT(READ_CAL("SUMMARY:   \r\n"), RP_OK);
	CHECK_STR(inv.title, "");
}

static void
long_summary_is_cut(void)
{
	char cal[2048], summary[1024];
	size_t i;

	/* 250 "é": two octets each, folded as exporters do. */
	for (i = 0; i < 250; i++)
		memcpy(summary + 2 * i, "\xC3\xA9", 2);
	summary[500] = '\0';
	snprintf(cal, sizeof cal, CAL_HEAD "SUMMARY:%.60s\r\n %.200s\r\n %s\r\n" CAL_TAIL,
		 summary, summary + 60, summary + 260);
	CHECK_INT(read_text(cal, strlen(cal)), RP_OK);
	CHECK_INT(text_length(inv.title), MEETING_TITLE_MAX);
	CHECK_INT(strlen(inv.title), 199 * 2 + 3);
	CHECK(strcmp(inv.title + 199 * 2, "…") == 0);
}

static void
not_utf8(void)
{
	/* Latin-1 "Réunion". */
	CHECK_INT(READ_CAL("SUMMARY:R\xE9union\r\n"), RP_EINVAL);
	CHECK_MSG_HAS(": SUMMARY is not valid UTF-8");
	CHECK_STR(inv.title, "");
	CHECK_INT(READ_CAL("DESCRIPTION:- Budget \xE0 revoir\r\n"), RP_EINVAL);
	CHECK_MSG_HAS(": DESCRIPTION is not valid UTF-8");
}

static void
binary_file(void)
{
	CHECK_INT(read_text("BEGIN:VCALENDAR\r\n\0\r\n", 19), RP_EINVAL);
	CHECK_MSG_HAS("is not an iCalendar file (it holds binary data)");
}

static void
byte_order_mark(void)
{
	CHECK_INT(read_text("\xEF\xBB\xBF" CAL_HEAD "SUMMARY:Sync\r\n" CAL_TAIL,
			    3 + strlen(CAL_HEAD "SUMMARY:Sync\r\n" CAL_TAIL)), RP_OK);
	CHECK_STR(inv.title, "Sync");
}

/* A VEVENT alone, with no VCALENDAR around it, is not a calendar file. */
static void
bare_event(void)
{
	const char *ev = "BEGIN:VEVENT\r\nSUMMARY:Sync\r\nEND:VEVENT\r\n";

	CHECK_INT(read_text(ev, strlen(ev)), RP_EINVAL);
	CHECK_MSG_HAS("is not an iCalendar file");
}

/* Two calendars in one file: the first one's event. */
static void
first_of_two_calendars(void)
{
	const char *two = CAL_HEAD "SUMMARY:First\r\n" CAL_TAIL CAL_HEAD "SUMMARY:Second\r\n" CAL_TAIL;

	CHECK_INT(read_text(two, strlen(two)), RP_OK);
	CHECK_STR(inv.title, "First");
}

static void
first_of_two_events(void)
{
	CHECK_INT(READ_CAL("SUMMARY:First\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Second\r\n"),
		  RP_OK);
	CHECK_STR(inv.title, "First");
}

/* A Zoom invitation: its dial-in list has bullets, but those lines are
** noise, so they do not make the plain agenda lines prose. */
static void
zoom_noise(void)
{
	CHECK_INT(READ_CAL("DESCRIPTION:Sam Carter is inviting you to a scheduled Zoom meeting.\\n"
			   "\\nTopic: Weekly sync\\nTime: Mar 10\\, 2026 09:00 AM Paris\\n"
			   "\\nDemo of the new dashboard (15 min)\\nBudget:15\\n\\n"
			   "Join Zoom Meeting\\nhttps://us02web.zoom.us/j/85512345678?pwd=abc\\n"
			   "\\nMeeting ID: 855 1234 5678\\nPasscode: 123456\\n---\\n"
			   "One tap mobile\\n+16465588656\\,\\,85512345678#\\,\\,\\,\\,*123456# US\\n"
			   "\\n---\\n\\nDial by your location\\n"
			   "\xE2\x80\xA2 +33 1 7037 2246 France\\n\\n"
			   "Find your local number: https://us02web.zoom.us/u/kb1\r\n"),
		  RP_OK);
	CHECK_INT(inv.nitems, 2);
	CHECK_ITEM(0, "Demo of the new dashboard", 15);
	CHECK_ITEM(1, "Budget", 15);
}

/* A line that cannot be a title does not stop the others. */
static void
odd_lines_left_out(void)
{
	CHECK_INT(READ_CAL("DESCRIPTION:- Budget\\n- (15 min)\\n- 20'\\n- Risks\r\n"), RP_OK);
	CHECK_INT(err.status, RP_OK);
	CHECK_INT(inv.nitems, 2);
	CHECK_ITEM(0, "Budget", 0);
	CHECK_ITEM(1, "Risks", 0);
}

static void
too_many_items(void)
{
	char *cal = malloc(16384);
	size_t len;
	int i;

	if (cal == NULL)
		return;
	len = (size_t)snprintf(cal, 16384, "%sDESCRIPTION:", CAL_HEAD);
	for (i = 1; i <= AGENDA_ITEMS_MAX + 5; i++)
		len += (size_t)snprintf(cal + len, 16384 - len, "Item %d\\n", i);
	len += (size_t)snprintf(cal + len, 16384 - len, "\r\n%s", CAL_TAIL);
	CHECK_INT(read_text(cal, len), RP_OK);
	CHECK_INT(inv.nitems, AGENDA_ITEMS_MAX);
	CHECK_ITEM(AGENDA_ITEMS_MAX - 1, "Item 100", 0);
	free(cal);
}

/* A failed read leaves nothing of a previous one. */
static void
previous_result_cleared(void)
{
	CHECK_INT(read_fixture("simple-utc.ics"), RP_OK);
	CHECK_INT(read_fixture("no-event.ics"), RP_EINVAL);
	CHECK_STR(inv.title, "");
	CHECK_INT(inv.starts_at, 0);
	CHECK_INT(inv.nitems, 0);
	CHECK_INT(read_fixture("simple-utc.ics"), RP_OK);
	CHECK_INT(err.status, RP_OK);
	CHECK_STR(err.msg, "");
}

static void
error_struct_optional(void)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", ICS_DIR, "no-event.ics");
	CHECK_INT(invite_read(path, 0, false, &inv, NULL), RP_EINVAL);
	snprintf(path, sizeof path, "%s/%s", ICS_DIR, "google-new-york.ics");
	CHECK_INT(invite_read(path, 0, false, &inv, NULL), RP_OK);
	CHECK_INT(invite_line_item("", &item, NULL), RP_ENOTFOUND);
	CHECK_INT(invite_line_item("- Budget (15 min)", &item, NULL), RP_OK);
}

static void
line_markers(void)
{
	CHECK_LINE("- Budget (15 min)", "Budget", 15);
	CHECK_LINE("* Budget", "Budget", 0);
	CHECK_LINE("+ Budget", "Budget", 0);
	CHECK_LINE("1. Budget: 15'", "Budget", 15);
	CHECK_LINE("12) Budget", "Budget", 0);
	CHECK_LINE("• Calendrier — étapes 10 min", "Calendrier — étapes", 10);
	CHECK_LINE("•Calendrier", "Calendrier", 0);
	CHECK_LINE("·\tPlanning", "Planning", 0);
	CHECK_LINE("- 1. Budget", "Budget", 0);
	CHECK_LINE("   - Budget   ", "Budget", 0);
	/* Not markers. */
	CHECK_LINE("-5% on travel", "-5% on travel", 0);
	CHECK_LINE("*Important* topic", "*Important* topic", 0);
	CHECK_LINE("1.5 release", "1.5 release", 0);
	CHECK_LINE("2026 roadmap", "2026 roadmap", 0);
}

static void
line_timeboxes(void)
{
	CHECK_LINE("Budget:15", "Budget", 15);
	CHECK_LINE("Budget (15')", "Budget", 15);
	CHECK_LINE("Budget (15’)", "Budget", 15);
	CHECK_LINE("Budget (15min)", "Budget", 15);
	CHECK_LINE("Budget ( 15 Minutes )", "Budget", 15);
	CHECK_LINE("Budget [20 mn]", "Budget", 20);
	CHECK_LINE("Budget 15 min", "Budget", 15);
	CHECK_LINE("Budget - 15'", "Budget", 15);
	CHECK_LINE("Budget – 15 mins", "Budget", 15);
	CHECK_LINE("Budget, 1h30", "Budget", 90);
	CHECK_LINE("Budget 1 h 30 min", "Budget", 90);
	CHECK_LINE("Budget (2 hours)", "Budget", 120);
	CHECK_LINE("Budget (1h)", "Budget", 60);
	CHECK_LINE("Q3: budget:15", "Q3: budget", 15);
	/* Not timeboxes: the text stays in the title. */
	CHECK_LINE("Q3: review", "Q3: review", 0);
	CHECK_LINE("Lunch at 12:30", "Lunch at 12:30", 0);
	CHECK_LINE("Chapter (12)", "Chapter (12)", 0);
	CHECK_LINE("10 min break", "10 min break", 0);
	CHECK_LINE("Budget (0 min)", "Budget (0 min)", 0);
	CHECK_LINE("Offsite (2000 min)", "Offsite (2000 min)", 0);
	CHECK_LINE("Budget:0", "Budget:0", 0);
	CHECK_LINE("Budget:99999", "Budget:99999", 0);
	CHECK_LINE("Upgrade to v1.15 min", "Upgrade to v1.15 min", 0);
	CHECK_LINE("Budget 15 minutesque", "Budget 15 minutesque", 0);
	CHECK_LINE("Budget 1h75", "Budget 1h75", 0);
}

static void
line_blank(void)
{
	CHECK_NO_ITEM("");
	CHECK_NO_ITEM("   ");
	CHECK_NO_ITEM("\t \t");
	CHECK_NO_ITEM("-");
	CHECK_NO_ITEM("- ");
	CHECK_NO_ITEM("•");
	CHECK_NO_ITEM("1.");
}

static void
line_noise(void)
{
	CHECK_NO_ITEM("https://x");
	CHECK_NO_ITEM("See https://example.org/agenda (15 min)");
	CHECK_NO_ITEM("Click here to join the meeting<https://teams.microsoft.com/l/x>");
	CHECK_NO_ITEM("www.acme.example");
	CHECK_NO_ITEM("Questions: mailto:sam@acme.example");
	CHECK_NO_ITEM("Join Zoom Meeting");
	CHECK_NO_ITEM("Meeting ID: 855 1234 5678");
	CHECK_NO_ITEM("meeting id 855 1234 5678");
	CHECK_NO_ITEM("Passcode: 123456");
	CHECK_NO_ITEM("Password: s3cret");
	CHECK_NO_ITEM("PIN: 417 332 918#");
	CHECK_NO_ITEM("Or dial: (US) +1 347-555-0142");
	CHECK_NO_ITEM("+1 646 558 8656 US (New York)");
	CHECK_NO_ITEM("• +33 1 7037 2246 France");
	CHECK_NO_ITEM("Microsoft Teams meeting");
	CHECK_NO_ITEM("Réunion Microsoft Teams");
	CHECK_NO_ITEM("ID de la réunion : 371 845 290 112");
	CHECK_NO_ITEM("Code secret : 8XkP2q");
	CHECK_NO_ITEM("Télécharger Teams | Rejoindre sur le web");
	CHECK_NO_ITEM("Please do not edit this section.");
	CHECK_NO_ITEM("-----");
	CHECK_NO_ITEM("-::~:~::~:~:~:~:~:~::~:~::-");
	CHECK_NO_ITEM("________________________________");
	CHECK_NO_ITEM("═══════════");
	CHECK_NO_ITEM("* * *");
	CHECK_NO_ITEM("Agenda:");
	CHECK_NO_ITEM("Ordre du jour :");
	CHECK_NO_ITEM("AGENDA");
	/* Look-alikes that are agenda. */
	CHECK_LINE("Joint venture review", "Joint venture review", 0);
	CHECK_LINE("Meeting IDs cleanup", "Meeting IDs cleanup", 0);
	CHECK_LINE("Password reset flow (10 min)", "Password reset flow", 10);
	CHECK_LINE("Pinning dependencies", "Pinning dependencies", 0);
	CHECK_LINE("Agenda review", "Agenda review", 0);
	CHECK_LINE("+5% budget", "+5% budget", 0);
	CHECK_LINE("+10 new hires in 2026", "+10 new hires in 2026", 0);
}

static void
line_not_a_title(void)
{
	CHECK_INT(line("- (15 min)"), RP_EINVAL);
	CHECK_STR(err.msg, "agenda item title is empty");
	CHECK_INT(line("15 min"), RP_EINVAL);
	CHECK_INT(line("Budget \xE9t\xE9"), RP_EINVAL);
	CHECK_STR(err.msg, "agenda item title is not valid UTF-8");
}

static void
line_text_is_cleaned(void)
{
	CHECK_LINE("- Budget\x1b[2J review", "Budget\xEF\xBF\xBD[2J review", 0);
	CHECK_LINE("-\tBudget\treview", "Budget review", 0);
	CHECK_LINE("- Étapes, jalons; livrables 30'", "Étapes, jalons; livrables", 30);
	CHECK_LINE("- 会议 (15 min)", "会议", 15);
}

/* A line longer than a title is cut at a character boundary, with "…",
** its timebox still read. */
static void
line_too_long(void)
{
	char text[1200];
	size_t i;

	memcpy(text, "- ", 2);
	for (i = 0; i < 300; i++)
		memcpy(text + 2 + 3 * i, "\xE4\xB8\xAD", 3);  /* 中 */
	strcpy(text + 2 + 900, " (15 min)");
	CHECK_INT(line(text), RP_OK);
	CHECK_INT(item.minutes, 15);
	CHECK_INT(text_length(item.title), MEETING_TITLE_MAX);
	CHECK_INT(strlen(item.title), 199 * 3 + 3);
	CHECK(strcmp(item.title + 199 * 3, "…") == 0);
	/* Exactly MEETING_TITLE_MAX characters stay whole. */
	text[2 + 3 * MEETING_TITLE_MAX] = '\0';
	CHECK_INT(line(text), RP_OK);
	CHECK_INT(strlen(item.title), 3 * MEETING_TITLE_MAX);
	CHECK(strstr(item.title, "…") == NULL);
}

/* ---- Identity and recurrence, judged at the fixed test clock ----------- */

/* Thursday 26 November 2026, 10:00 in Paris: the CLI tests' NOW. */
#define NOW_FIXED 1795683600

static enum rp_status
read_at(const char *name, int64_t now, bool past)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", ICS_DIR, name);
	rp_error_clear(&err);
	return invite_read(path, now, past, &inv, &err);
}

static void
outlook_identity(void)
{
	CHECK_INT(read_at("invite-outlook.ics", NOW_FIXED, false), RP_OK);
	CHECK_STR(inv.uid, "040000008200E00074C5B7101A82E00800000000A0D7C41B7E5DDB0100000000000000"
			   "0010000000C3E2A9F04B7D1E4A8F3C6B2D9E0A1F57");
	CHECK_INT(inv.sequence, 0);
	CHECK(!inv.method_cancel && !inv.status_cancelled && !invite_is_cancel(&inv));
	CHECK_STR(inv.recurrence, "");
	CHECK(!inv.past && !inv.one_occurrence);
	CHECK_INT(inv.starts_at, 1796288400);  /* 2026-12-03 10:00 Paris */
	CHECK_INT(inv.nattendees, 5);
	CHECK_STR(inv.attendees[0].name, "Zoë Lefèvre");
	CHECK_STR(inv.attendees[0].email, "zoe.lefevre@lefevre-sarl.fr");
	CHECK_INT(inv.attendees[0].role, INVITE_ORGANIZER);
	CHECK_STR(inv.attendees[1].name, "Alice Martin");
	CHECK_INT(inv.attendees[1].role, INVITE_ATTENDEE);
	CHECK_STR(inv.attendees[3].name, "Hugo Bernard");
	CHECK_INT(inv.attendees[3].role, INVITE_OPTIONAL);
	CHECK_STR(inv.attendees[4].name, "Salle Garonne (8 places)");
	CHECK_INT(inv.attendees[4].role, INVITE_RESOURCE);
	CHECK_STR(invite_role_name(inv.attendees[4].role), "resource");
	CHECK_INT(read_at("invite-outlook-update.ics", NOW_FIXED, false), RP_OK);
	CHECK_INT(inv.sequence, 1);
	CHECK_INT(inv.starts_at, 1796292000);  /* an hour later */
	CHECK_INT(inv.nitems, 3);
	CHECK_ITEM(1, "Formation des équipes", 10);
}

static void
cancellations(void)
{
	CHECK_INT(read_at("invite-outlook-cancel.ics", NOW_FIXED, false), RP_OK);
	CHECK(inv.method_cancel && inv.status_cancelled && invite_is_cancel(&inv));
	CHECK_INT(inv.sequence, 2);
	/* A cancellation is read whenever it comes, even after the meeting. */
	CHECK_INT(read_at("invite-outlook-cancel.ics", NOW_FIXED + 365 * 86400, false), RP_OK);
	CHECK(inv.past && invite_is_cancel(&inv));
	CHECK_INT(read_at("invite-google-cancelled.ics", NOW_FIXED, false), RP_OK);
	CHECK(!inv.method_cancel && inv.status_cancelled && invite_is_cancel(&inv));
	CHECK_INT(read_at("invite-weekly-cancel-one.ics", NOW_FIXED, false), RP_OK);
	CHECK(inv.method_cancel && inv.one_occurrence);
	CHECK_STR(inv.recurrence, "20261217T080000Z");  /* 09:00 Paris */
	CHECK_INT(inv.sequence, 4);
}

static void
google_attendees(void)
{
	CHECK_INT(read_at("invite-google.ics", NOW_FIXED, false), RP_OK);
	CHECK_STR(inv.uid, "3k9vq2m7b1c5h8d0f4g6j2l1np@google.com");
	/* The organizer, listed again among the attendees, is kept once. */
	CHECK_INT(inv.nattendees, 6);
	CHECK_STR(inv.attendees[0].name, "Daniel Ortega");
	CHECK_INT(inv.attendees[0].role, INVITE_ORGANIZER);
	/* Google writes the address as the name of who has none. */
	CHECK_STR(inv.attendees[1].name, "");
	CHECK_STR(inv.attendees[1].email, "alice.martin@rapport-pm.example");
	CHECK_STR(inv.attendees[2].name, "Priya Shah");
	CHECK_INT(inv.attendees[4].role, INVITE_OPTIONAL);
	CHECK_STR(inv.attendees[5].name, "HQ-3-Everest (12) [Zoom Room]");
	CHECK_INT(inv.attendees[5].role, INVITE_RESOURCE);
	CHECK_INT(inv.nitems, 3);
}

static void
weekly_series(void)
{
	/* 26 November's is over, 3 December's excluded, 10 December's moved
	** to Friday the 11th at 14:00 and retitled. */
	CHECK_INT(read_at("invite-weekly.ics", NOW_FIXED, false), RP_OK);
	CHECK_INT(inv.starts_at, 1796994000);
	CHECK_INT(inv.minutes, 30);
	CHECK_STR(inv.recurrence, "20261210T080000Z");
	CHECK_STR(inv.title, "Point hebdo Lefèvre (décalé au vendredi)");
	CHECK_INT(inv.nitems, 3);
	CHECK_ITEM(2, "Préparation de la démo", 0);
	CHECK_INT(inv.sequence, 3);
	CHECK(!inv.past && !inv.one_occurrence);
	/* An occurrence under way is still the next: 09:15 on the 26th. */
	CHECK_INT(read_at("invite-weekly.ics", NOW_FIXED - 45 * 60, false), RP_OK);
	CHECK_INT(inv.starts_at, 1795680000);
	CHECK_STR(inv.recurrence, "20261126T080000Z");
	CHECK_STR(inv.title, "Point hebdo Lefèvre");
	CHECK_INT(inv.nitems, 2);
	/* 24 December's is cancelled: on the 18th the next is the 31st. */
	CHECK_INT(read_at("invite-weekly.ics", NOW_FIXED + 22 * 86400, false), RP_OK);
	CHECK_INT(inv.starts_at, 1798704000);
	CHECK_STR(inv.recurrence, "20261231T080000Z");
	/* The first, in summer time: 09:00 Paris is 07:00 UTC. */
	CHECK_INT(read_at("invite-weekly.ics", 0, false), RP_OK);
	CHECK_INT(inv.starts_at, 1790838000);
	CHECK_STR(inv.recurrence, "20261001T070000Z");
}

static void
wholly_past(void)
{
	CHECK_INT(read_at("invite-past.ics", NOW_FIXED, false), RP_EINVAL);
	CHECK_STR(err.msg, "that meeting was on 2012-06-28; add --past to log it after the fact");
	CHECK_INT(inv.starts_at, 0);
	CHECK_INT(read_at("invite-past.ics", NOW_FIXED, true), RP_OK);
	CHECK(inv.past);
	CHECK_INT(inv.starts_at, 1340886600);
	CHECK_INT(inv.nitems, 2);
}

static void
series_inline(void)
{
	static const char three[] = CAL_HEAD
		"DTSTART:20260105T100000Z\r\nDURATION:PT1H\r\n"
		"RRULE:FREQ=WEEKLY;COUNT=3\r\nSUMMARY:Standup\r\n" CAL_TAIL;
	static const char rdate[] = CAL_HEAD
		"DTSTART:20260105T100000Z\r\nDURATION:PT1H\r\n"
		"RDATE:20261230T100000Z,20261215T100000Z\r\nSUMMARY:Review\r\n" CAL_TAIL;
	char path[64];

	/* Over on 19 January: refused, then its first with --past. */
	temp_file(path, three, sizeof three - 1);
	rp_error_clear(&err);
	CHECK_INT(invite_read(path, NOW_FIXED, false, &inv, &err), RP_EINVAL);
	CHECK_STR(err.msg, "that meeting was on 2026-01-19; add --past to log it after the fact");
	CHECK_INT(invite_read(path, NOW_FIXED, true, &inv, &err), RP_OK);
	CHECK_INT(inv.starts_at, 1767607200);  /* 2026-01-05 10:00 UTC */
	CHECK_STR(inv.recurrence, "20260105T100000Z");
	CHECK_INT(inv.minutes, 60);
	CHECK_INT(inv.sequence, 0);  /* none given */
	unlink(path);
	/* RDATEs, out of order: the earliest to come. */
	temp_file(path, rdate, sizeof rdate - 1);
	CHECK_INT(invite_read(path, NOW_FIXED, false, &inv, &err), RP_OK);
	CHECK_INT(inv.starts_at, 1797328800);  /* 2026-12-15 10:00 UTC */
	CHECK_STR(inv.recurrence, "20261215T100000Z");
	unlink(path);
}

/* The first start of "every step seconds from dtstart, lasting length"
** not ended at now: what a long series' walk must find. */
static int64_t
next_of(int64_t dtstart, int64_t step, int64_t length, int64_t now)
{
	int64_t k = (now - length - dtstart) / step + 1;

	while (k > 0 && dtstart + (k - 1) * step + length > now)
		k--;
	return dtstart + k * step;
}

/* Read cal at NOW_FIXED into inv (past: with --past). */
static enum rp_status
read_now(const char *cal, bool past)
{
	char path[64];
	enum rp_status s;

	temp_file(path, cal, strlen(cal));
	rp_error_clear(&err);
	s = invite_read(path, NOW_FIXED, past, &inv, &err);
	unlink(path);
	return s;
}

static void
series_since_long_ago(void)
{
	/* Every 7 minutes since 2020, 5 minutes long: over 350,000 before
	** now, more than the walk's cap from DTSTART. */
	static const char minutely[] = CAL_HEAD
		"DTSTART:20200101T080000Z\r\nDURATION:PT5M\r\n"
		"RRULE:FREQ=MINUTELY;INTERVAL=7\r\nSUMMARY:Pulse\r\n" CAL_TAIL;
	/* Every 5 hours since 2015, an hour long: ~21,000 before now. */
	static const char hourly[] = CAL_HEAD
		"DTSTART:20150101T080000Z\r\nDURATION:PT1H\r\n"
		"RRULE:FREQ=HOURLY;INTERVAL=5\r\nSUMMARY:Shift\r\n" CAL_TAIL;
	/* Daily at 08:00 UTC for two hours since 2019: today's runs at now
	** (09:00 UTC) and is the one. */
	static const char running[] = CAL_HEAD
		"DTSTART:20190301T080000Z\r\nDURATION:PT2H\r\n"
		"RRULE:FREQ=DAILY\r\nSUMMARY:Ops\r\n" CAL_TAIL;
	/* Weekly on Thursdays since 2018: today's excluded, last week's moved
	** to next Monday (before the walk's start, found all the same). */
	static const char weekly[] = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
		"BEGIN:VEVENT\r\nUID:w@t\r\nDTSTAMP:20260301T000000Z\r\n"
		"DTSTART:20180104T100000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;BYDAY=TH\r\n"
		"EXDATE:20261126T100000Z\r\nSUMMARY:Weekly\r\nEND:VEVENT\r\n"
		"BEGIN:VEVENT\r\nUID:w@t\r\nDTSTAMP:20260301T000000Z\r\n"
		"RECURRENCE-ID:20261119T100000Z\r\nDTSTART:20261130T100000Z\r\n"
		"DURATION:PT1H\r\nSUMMARY:Weekly (moved)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
	/* Every minute until 31 December 2024 at noon UTC: past, on that day. */
	static const char until[] = CAL_HEAD
		"DTSTART:20200101T080000Z\r\nDURATION:PT1M\r\n"
		"RRULE:FREQ=MINUTELY;UNTIL=20241231T120000Z\r\nSUMMARY:Old\r\n" CAL_TAIL;
	/* COUNT is walked from DTSTART: a million minutes hit the cap. */
	static const char counted[] = CAL_HEAD
		"DTSTART:20200101T080000Z\r\nDURATION:PT1M\r\n"
		"RRULE:FREQ=MINUTELY;COUNT=1000000\r\nSUMMARY:Many\r\n" CAL_TAIL;
	int64_t want;
	char rid[17];
	time_t t;

	CHECK_INT(read_now(minutely, false), RP_OK);
	want = next_of(1577865600, 420, 300, NOW_FIXED);
	CHECK_INT(inv.starts_at, want);
	CHECK(inv.starts_at + 300 > NOW_FIXED && inv.starts_at - 420 + 300 <= NOW_FIXED);
	t = (time_t)want;
	strftime(rid, sizeof rid, "%Y%m%dT%H%M%SZ", gmtime(&t));
	CHECK_STR(inv.recurrence, rid);

	CHECK_INT(read_now(hourly, false), RP_OK);
	CHECK_INT(inv.starts_at, next_of(1420099200, 18000, 3600, NOW_FIXED));
	CHECK_INT(inv.minutes, 60);

	CHECK_INT(read_now(running, false), RP_OK);
	CHECK_STR(inv.recurrence, "20261126T080000Z");
	CHECK(!inv.past);

	CHECK_INT(read_now(weekly, false), RP_OK);
	CHECK_STR(inv.title, "Weekly (moved)");
	CHECK_STR(inv.recurrence, "20261119T100000Z");
	CHECK_INT(inv.starts_at, 1796032800);  /* 2026-11-30 10:00 UTC */

	CHECK_INT(read_now(until, false), RP_EINVAL);
	CHECK_STR(err.msg, "that meeting was on 2024-12-31; add --past to log it after the fact");

	CHECK_INT(read_now(counted, false), RP_EINVAL);
	CHECK_MSG_HAS("the series has more than 100000 occurrences before its next one;"
		      " rapport cannot find it");
}

int
main(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	RUN(simple_utc);
	RUN(outlook_paris);
	RUN(google_new_york);
	RUN(floating_is_local);
	RUN(duration_instead_of_dtend);
	RUN(all_day);
	RUN(not_a_calendar);
	RUN(no_event);
	RUN(unknown_time_zone);
	RUN(unreadable_start);
	RUN(missing_file);
	RUN(too_large);
	RUN(nothing_but_an_event);
	RUN(start_without_end);
	RUN(bad_lengths);
	RUN(text_fields);
	RUN(long_summary_is_cut);
	RUN(not_utf8);
	RUN(binary_file);
	RUN(byte_order_mark);
	RUN(bare_event);
	RUN(first_of_two_calendars);
	RUN(first_of_two_events);
	RUN(zoom_noise);
	RUN(odd_lines_left_out);
	RUN(too_many_items);
	RUN(previous_result_cleared);
	RUN(error_struct_optional);
	RUN(line_markers);
	RUN(line_timeboxes);
	RUN(line_blank);
	RUN(line_noise);
	RUN(line_not_a_title);
	RUN(line_text_is_cleaned);
	RUN(line_too_long);
	RUN(outlook_identity);
	RUN(cancellations);
	RUN(google_attendees);
	RUN(weekly_series);
	RUN(wholly_past);
	RUN(series_inline);
	RUN(series_since_long_ago);
	/* libical keeps the system zones it loaded for the program's life. */
	icaltimezone_free_builtin_timezones();
	return tap_done();
}
