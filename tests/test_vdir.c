/* test_vdir.c: the calendar as a vdir (vdir.h), in a real folder.
**
** Two clients in a real database, their follow-ups and check-ins exported
** to a folder; then the follow-ups change and the folder follows: written
** only when changed, completed in place, removed when gone, and never a
** file that is not this database's.
*/
#include <dirent.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>

#include "fixture.h"
#include "rapport/calendar.h"
#include "rapport/client.h"
#include "rapport/lang.h"
#include "rapport/record.h"
#include "rapport/vdir.h"
#include "tap.h"

#define NOW 1795687200  /* 2026-11-26T10:00:00Z */

static store *st;
static char calid[CALENDAR_ID_LEN + 1];
static char dir[512];
static rp_error err;

static void
sql(store *s, const char *text)
{
	char *msg = NULL;

	if (sqlite3_exec(store_db(s), text, NULL, NULL, &msg) != SQLITE_OK)
		tap_fail(__FILE__, __LINE__, "%s", msg ? msg : "?");
	sqlite3_free(msg);
}

static store *
open_seeded(const char *name)
{
	store *s = store_open(fixture_path(name), STORE_WRITE, &err);

	if (s == NULL) {
		tap_fail(__FILE__, __LINE__, "%s", err.msg);
		exit(1);
	}
	sql(s, "INSERT INTO clients (id, name, name_key, created_at) VALUES"
	       " (1, 'Acme', 'acme', 1790000000), (2, 'Zoë', 'zoe', 1790000000);"
	       "INSERT INTO followups (id, client_id, text, owner, due, created_at) VALUES"
	       " (1, 1, 'send the plan #api', 'me', '2026-11-30', 1795600000),"
	       " (2, 1, 'share the keys', 'acme', NULL, 1795600000),"
	       " (3, 2, 'sign the order', NULL, NULL, 1795600000);");
	return s;
}

/* Export the folder (client 0: every one) at now; the stats as "w r u"
** (and "+1 kept" for a file the calendar changed),
** or the error. */
static const char *
export(store *s, int64_t client_id, int64_t now)
{
	static char buf[256];
	vdir_stats stats;

	fixture_now = now;
	rp_error_clear(&err);
	if (vdir_export(s, &fixture_clock, dir, client_id, &stats, &err) != RP_OK)
		snprintf(buf, sizeof buf, "%s", err.msg);
	else
		snprintf(buf, sizeof buf, "%zu %zu %zu%s", stats.written, stats.removed,
			 stats.unchanged, stats.kept == 1 ? " +1 kept" : stats.kept ? " +kept" : "");
	return buf;
}

static char *
object_file(const char *id, const char *kind, int ref)
{
	static char path[1024];

	snprintf(path, sizeof path, "%s/rapport-%s-%s-%d.ics", dir, id, kind, ref);
	return path;
}

static int
files_in_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	if (d != NULL)
		closedir(d);
	return n;
}

static bool
file_has(const char *path, const char *text)
{
	size_t len;
	char *s = fixture_slurp(path, &len);
	bool has = s != NULL && strstr(s, text) != NULL;

	free(s);
	return has;
}

static void
writes_only_what_changed(void)
{
	struct stat sb;

	CHECK_STR(export(st, 0, NOW), "5 0 0");  /* three tasks, two check-ins */
	CHECK(stat(dir, &sb) == 0 && (sb.st_mode & 0777) == 0700);
	CHECK(stat(object_file(calid, "followup", 1), &sb) == 0 && (sb.st_mode & 0777) == 0600);
	CHECK(file_has(object_file(calid, "followup", 1), "SUMMARY:Acme: send the plan\r\n"));
	CHECK(file_has(object_file(calid, "followup", 2), "SUMMARY:Waiting for Acme: share the"));
	CHECK(file_has(object_file(calid, "checkin", 2), "SUMMARY:Check in with Zoë\r\n"));
	CHECK(!file_has(object_file(calid, "followup", 1), "METHOD:"));
	CHECK_STR(export(st, 0, NOW + 3600), "0 0 5");
}

static void
done_turns_completed_in_place(void)
{
	fixture_now = NOW + 7200;
	CHECK_INT(record_followup_status(st, &fixture_clock, 1, FOLLOWUP_DONE, &err), RP_OK);
	CHECK_STR(export(st, 0, NOW + 7300), "1 0 4");
	CHECK(file_has(object_file(calid, "followup", 1), "STATUS:COMPLETED\r\n"));
	CHECK(file_has(object_file(calid, "followup", 1), "SEQUENCE:1\r\n"));
	/* Still there, done, the next time: not open, not gone. */
	CHECK_STR(export(st, 0, NOW + 7400), "0 0 5");
	/* Closed before it was ever exported: it has no business there. */
	sql(st, "INSERT INTO followups (id, client_id, text, status, created_at, closed_at)"
		" VALUES (4, 1, 'old news', 'done', 1795600000, 1795600100)");
	CHECK_STR(export(st, 0, NOW + 7500), "0 0 5");
	CHECK(!file_has(object_file(calid, "followup", 4), "old news"));
}

/* Rewrite path with from replaced by to. */
static void
edit_file(const char *path, const char *from, const char *to)
{
	size_t len;
	char *text = fixture_slurp(path, &len), *at = text ? strstr(text, from) : NULL;
	FILE *f;

	CHECK(at != NULL);
	if (at == NULL || (f = fopen(path, "w")) == NULL) {
		free(text);
		return;
	}
	fwrite(text, 1, (size_t)(at - text), f);
	fputs(to, f);
	fputs(at + strlen(from), f);
	fclose(f);
	free(text);
}

/* A task ticked off in the calendar (and synced back, its LAST-MODIFIED
** and SEQUENCE moved on as todoman does) stays so until it changes here;
** a file older than the object is brought up to date. */
static void
never_undoes_the_calendar(void)
{
	char *path = object_file(calid, "followup", 2);

	CHECK(file_has(path, "LAST-MODIFIED:20261126T100000Z\r\nSEQUENCE:0\r\n"));
	edit_file(path, "STATUS:NEEDS-ACTION", "STATUS:COMPLETED");
	edit_file(path, "LAST-MODIFIED:20261126T100000Z\r\nSEQUENCE:0",
		  "LAST-MODIFIED:20261126T120000Z\r\nSEQUENCE:1");
	CHECK_STR(export(st, 0, NOW + 7600), "0 0 4 +1 kept");
	CHECK(file_has(path, "STATUS:COMPLETED"));
	/* Changed here after that (12:08): this change is the newer. */
	sql(st, "UPDATE followups SET due = '2026-12-01' WHERE id = 2");
	CHECK_STR(export(st, 0, NOW + 7700), "1 0 4");
	CHECK(file_has(path, "STATUS:NEEDS-ACTION") &&
	      file_has(path, "LAST-MODIFIED:20261126T120820Z\r\nSEQUENCE:1\r\n"));
	/* An export cut after it remembered the new version but before it
	** wrote the file leaves the old one: older, it is written now. */
	edit_file(path, "LAST-MODIFIED:20261126T120820Z\r\nSEQUENCE:1",
		  "LAST-MODIFIED:20261126T100000Z\r\nSEQUENCE:0");
	CHECK_STR(export(st, 0, NOW + 7800), "1 0 4");
	CHECK(file_has(path, "SEQUENCE:1\r\n"));
	/* The object's own LAST-MODIFIED counts, not a VTIMEZONE's a server
	** added before it, nor a parameter in the way. */
	edit_file(path, "LAST-MODIFIED:20261126T120820Z\r\nSEQUENCE:1",
		  "LAST-MODIFIED;VALUE=DATE-TIME:20261126T100000Z\r\nSEQUENCE:0");
	edit_file(path, "BEGIN:VTODO", "BEGIN:VTIMEZONE\r\nTZID:X\r\n"
		  "LAST-MODIFIED:20991231T000000Z\r\nEND:VTIMEZONE\r\nBEGIN:VTODO");
	CHECK_STR(export(st, 0, NOW + 7900), "1 0 4");
	edit_file(path, "LAST-MODIFIED:20261126T120820Z",
		  "LAST-MODIFIED;VALUE=DATE-TIME:20261127T000000Z");
	CHECK_STR(export(st, 0, NOW + 8000), "0 0 4 +1 kept");
}

/* Two exports at once: the second waits for the first, then says so. */
static void
one_export_at_a_time(void)
{
	char lock[1024];
	int fd;

	snprintf(lock, sizeof lock, "%s/.rapport.lock", dir);
	fd = open(lock, O_RDWR);
	CHECK(fd >= 0 && flock(fd, LOCK_EX) == 0);
	{
		char want[1024];

		snprintf(want, sizeof want, "another export to %s is running (waited 5 s)", dir);
		CHECK_STR(export(st, 0, NOW + 8000), want);
	}
	if (fd >= 0)
		close(fd);
	CHECK_STR(export(st, 0, NOW + 8000), "0 0 4 +1 kept");
	/* Made older than rapport's again, for the tests after. */
	edit_file(object_file(calid, "followup", 2), "LAST-MODIFIED;VALUE=DATE-TIME:20261127T000000Z",
		  "LAST-MODIFIED:20261126T000000Z");
	CHECK_STR(export(st, 0, NOW + 8000), "1 0 4");
}

static void
leaves_others_alone(void)
{
	char foreign[1024], torn[1024];
	store *second = open_seeded("second.db");
	char other[CALENDAR_ID_LEN + 1];
	FILE *f;

	CHECK_INT(calendar_identity(second, other, &err), RP_OK);
	snprintf(foreign, sizeof foreign, "%s/someone-else.ics", dir);
	f = fopen(foreign, "w");
	if (f != NULL) {
		fputs("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", f);
		fclose(f);
	}
	/* A temporary file of ours a crash left behind goes. */
	snprintf(torn, sizeof torn, "%s/rapport-%s-followup-2.ics.Ab12Cd", dir, calid);
	f = fopen(torn, "w");
	if (f != NULL)
		fclose(f);
	CHECK_STR(export(second, 0, NOW), "5 0 0");
	CHECK_INT(files_in_dir(), 12);  /* 5 + 5, the foreign one, the torn one */
	CHECK_STR(export(st, 0, NOW + 8000), "0 0 5");
	CHECK_INT(files_in_dir(), 11);
	CHECK(file_has(foreign, "BEGIN:VCALENDAR"));
	CHECK(file_has(object_file(other, "followup", 1), "SUMMARY:Acme: send the plan"));
	sql(second, "DELETE FROM followups");
	CHECK_STR(export(second, 0, NOW), "0 3 2");
	CHECK_INT(files_in_dir(), 8);
	store_close(second);
}

static void
one_client_only(void)
{
	/* Follow-up 2 moves on, 3 (Zoë's) goes: Acme's export sees only the
	** first; a full one, the second. */
	sql(st, "UPDATE followups SET due = '2026-12-04' WHERE id = 2; DELETE FROM followups"
		" WHERE id = 3; UPDATE followups SET text = 'sign it' WHERE id = 1");
	CHECK_STR(export(st, 1, NOW + 9000), "2 0 1");
	CHECK(file_has(object_file(calid, "followup", 3), "sign the order"));
	CHECK_STR(export(st, 0, NOW + 9100), "0 1 4");
	CHECK(!file_has(object_file(calid, "followup", 3), "sign"));
	/* An archived client's files go with a full export. */
	sql(st, "UPDATE clients SET archived_at = 1795700000 WHERE id = 2");
	CHECK_STR(export(st, 0, NOW + 9200), "0 1 3");
	CHECK_STR(export(st, 2, NOW + 9300), "Zoë is archived");
}

/* A done task stays completed in the folder for a month, then goes: the
** folder holds what is open and what was closed lately, not the history. */
static void
closed_ones_go_after_a_month(void)
{
	struct stat sb;

	CHECK(stat(object_file(calid, "followup", 1), &sb) == 0);
	export(st, 0, NOW + 7200 + 29 * 86400);
	CHECK(stat(object_file(calid, "followup", 1), &sb) == 0);
	export(st, 0, NOW + 7200 + 31 * 86400);
	CHECK(stat(object_file(calid, "followup", 1), &sb) != 0);
	CHECK(stat(object_file(calid, "followup", 2), &sb) == 0);  /* open: stays */
}

static void
refuses_what_is_not_a_folder(void)
{
	char saved[512];
	FILE *f;

	snprintf(saved, sizeof saved, "%s", dir);
	snprintf(dir, sizeof dir, "%s", fixture_path("a-file"));
	f = fopen(dir, "w");
	if (f != NULL)
		fclose(f);
	{
		char want[1024];

		snprintf(want, sizeof want, "%s is not a folder", dir);
		CHECK_STR(export(st, 0, NOW), want);
	}
	strcat(dir, "/below");
	{
		char want[1024];

		snprintf(want, sizeof want, "cannot create folder %s: Not a directory", dir);
		CHECK_STR(export(st, 0, NOW), want);
	}
	snprintf(dir, sizeof dir, "%s", saved);
}

/* Each client's files in their language, a French user's or not; a
** client whose language changes has their files written again, one
** version on. */
static void
each_client_in_their_language(void)
{
	char saved[512], other[CALENDAR_ID_LEN + 1], *path;
	store *s = open_seeded("vdir-fr.db");

	snprintf(saved, sizeof saved, "%s", dir);
	snprintf(dir, sizeof dir, "%s", fixture_path("calendars-fr"));
	CHECK_INT(calendar_identity(s, other, &err), RP_OK);
	sql(s, "UPDATE clients SET lang = 'fr' WHERE id = 1; UPDATE clients SET lang = 'en'"
	       " WHERE id = 2; UPDATE followups SET text = 'envoyer le plan #api' WHERE id = 1;"
	       " UPDATE followups SET text = 'partager les clés?' WHERE id = 2");
	for (int user = 0; user < 2; user++) {
		lang_set_user(user ? RP_LANG_FR : RP_LANG_EN);
		/* The same files from either desktop: written once, then unchanged. */
		CHECK_STR(export(s, 0, NOW), user ? "0 0 5" : "5 0 0");
		CHECK(file_has(object_file(other, "followup", 1),
			       "\r\nSUMMARY:Acme" NNBSP ": envoyer le plan\r\n"));
		CHECK(file_has(object_file(other, "followup", 1), "Responsable" NNBSP ": moi"));
		CHECK(file_has(object_file(other, "followup", 2),
			       "\r\nSUMMARY:En attente d'Acme" NNBSP ": partager les clés" NNBSP
			       "?\r\n"));
		CHECK(file_has(object_file(other, "checkin", 1),
			       "\r\nSUMMARY:Faire le point avec Acme\r\n"));
		CHECK(file_has(object_file(other, "checkin", 1), "DESCRIPTION:Pas encore de contact"));
		CHECK(file_has(object_file(other, "followup", 3), "\r\nSUMMARY:Zoë: sign the order\r\n"));
		CHECK(file_has(object_file(other, "checkin", 2), "\r\nSUMMARY:Check in with Zoë\r\n"));
		CHECK(!file_has(object_file(other, "checkin", 2), NNBSP));
	}
	/* Acme turns English: its three files follow, Zoë's stay. */
	CHECK_INT(client_set_lang(s, 1, RP_LANG_EN, &err), RP_OK);
	CHECK_STR(export(s, 0, NOW + 60), "3 0 2");
	path = object_file(other, "checkin", 1);
	CHECK(file_has(path, "\r\nSUMMARY:Check in with Acme\r\n"));
	CHECK(file_has(path, "\r\nSEQUENCE:1\r\n"));
	CHECK(file_has(object_file(other, "followup", 2),
		       "\r\nSUMMARY:Waiting for Acme: partager les clés?\r\n"));
	lang_set_user(RP_LANG_EN);
	snprintf(dir, sizeof dir, "%s", saved);
	store_close(s);
}

int
main(void)
{
	setenv("TZ", "Europe/Paris", 1);
	tzset();
	st = open_seeded("vdir.db");
	if (calendar_identity(st, calid, &err) != RP_OK)
		return 1;
	/* Two folders down: the parent is made too. */
	snprintf(dir, sizeof dir, "%s/rapport", fixture_path("calendars"));
	RUN(writes_only_what_changed);
	RUN(done_turns_completed_in_place);
	RUN(never_undoes_the_calendar);
	RUN(one_export_at_a_time);
	RUN(leaves_others_alone);
	RUN(one_client_only);
	RUN(closed_ones_go_after_a_month);
	RUN(refuses_what_is_not_a_folder);
	RUN(each_client_in_their_language);
	store_close(st);
	return tap_done();
}
