/* test_powercut.c: a power cut at any moment of a meeting loses no note
** that was reported saved.
**
** A scripted meeting runs through the core as the live screen drives it:
** store_open on a new file (creation, migrations, the first WAL), a client,
** a planned meeting started, notes saved one by one with record_note, the
** program left and the meeting resumed (the WAL checkpointed, deleted and
** made again), more notes, the meeting ended, the store closed.  It runs
** once on the crash VFS (crashvfs.h) to count its disk events, then once
** per event with the power cut there.  After each cut the files are
** reopened with the plain unix VFS through store_open, as the next
** `rapport meet` would, and checked: PRAGMA integrity_check is ok, every
** note record_note said RP_OK to is there with its text, nothing is there
** that was never typed, and an ended meeting (meeting_end said RP_OK)
** stays ended.
*/
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crashvfs.h"
#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/note.h"
#include "rapport/record.h"
#include "tap.h"

/* Flip when store.c fsyncs the folder after creating the database and its
** -wal: then a SQLite built with SQLITE_DISABLE_DIRSYNC loses nothing. */
static const bool store_syncs_folder = true;

/* What is typed, in order; the program is left and resumed after
** LEAVE_AFTER of them.  One is long enough to spill over a page. */
static const char *const typed[] = {
	"* back from a business trip to Bali, loved it",
	"they reorganised the sales team #org",
	"+ export to Excel by March",
	"! worried the API slips",
	"= go with the phased rollout",
	"> send the revised plan @me ^fri",
	"? can we self-host",
	"\" we can't afford another slip",
	"~ they seem tense about the budget",
	"Lefèvre reprend le dossier — délai bientôt, 予算 はい 🎉",
	NULL,  /* the long one, filled in by long_note() */
	"> call Zoë about the contract @zoe ^+3d",
	"+ a dashboard for the board #reporting",
	"= weekly check-in on Tuesdays",
	"! the migration window is short",
	"closing: recap sent",
};
#define NTYPED (sizeof typed / sizeof typed[0])
#define LEAVE_AFTER 8

/* One run of the meeting: what the core reported. */
struct outcome {
	bool opened;               /* the first store_open said yes */
	bool noted[NTYPED];        /* record_note said RP_OK */
	int64_t note_id[NTYPED];
	bool ended;                /* meeting_end said RP_OK */
	int64_t meeting;
	bool unexpected;           /* a step failed with the power on */
	long opened_at, resumed_at;  /* events when the store was open, then open again */
	char why[300];
};

static parsed_note parsed[NTYPED];
static char folder[512], dbpath[600];

static const char *
long_note(void)
{
	static char buf[3001];

	for (size_t i = 0; i + 1 < sizeof buf; i++)
		buf[i] = "the importer needs API keys, Alice says; "[i % 41];
	buf[sizeof buf - 1] = '\0';
	return buf;
}

static void
parse_all(void)
{
	rp_date today = {2026, 11, 26};
	rp_error err = {0};

	for (size_t i = 0; i < NTYPED; i++) {
		const char *line = typed[i] ? typed[i] : long_note();

		if (note_parse_line(line, today, &parsed[i], &err) != RP_OK)
			tap_fail(__FILE__, __LINE__, "note %zu: %s", i, err.msg);
	}
}

static void
remove_files(void)
{
	static const char *const tails[] = {"", "-wal", "-shm", "-journal"};
	char p[700];

	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		snprintf(p, sizeof p, "%s%s", dbpath, tails[i]);
		unlink(p);
	}
}

/* A step failed: fine once the power is gone (the program died there),
** a defect of the test or of rapport otherwise. */
static bool
step_failed(struct outcome *o, const char *step, const rp_error *err)
{
	if (!crashvfs_dead() && !o->unexpected) {
		o->unexpected = true;
		snprintf(o->why, sizeof o->why, "%s failed with the power on: %s", step, err->msg);
	}
	return true;
}

static void
note_some(struct outcome *o, store *st, int64_t item, size_t from, size_t to)
{
	rp_error err = {0};

	for (size_t i = from; i < to && !crashvfs_dead(); i++) {
		fixture_now += 50;
		if (record_note(st, &fixture_clock, o->meeting, item, NOTE_PHASE_LIVE, &parsed[i],
				&o->note_id[i], &err) == RP_OK)
			o->noted[i] = true;
		else
			step_failed(o, "record_note", &err);
	}
}

/* The meeting, as `rapport meet` and the live screen drive it, until the
** end or the first failure. */
static void
run_meeting(struct outcome *o)
{
	agenda_spec items[3] = {{"Small talk", 5}, {"Budget", 15}, {"Next steps", 5}};
	meeting_plan_args plan = {.title = "Kickoff", .items = items, .nitems = 3};
	rp_error err = {0};
	int64_t item = 0, again = 0;
	bool resumed = false;
	store *st;

	memset(o, 0, sizeof *o);
	fixture_now = 1795687200;
	if ((st = store_open(dbpath, STORE_WRITE, &err)) == NULL) {
		step_failed(o, "store_open", &err);
		return;
	}
	o->opened = true;
	o->opened_at = crashvfs_events();
	if (client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &plan.client_id, &err) != RP_OK ||
	    meeting_plan(st, &fixture_clock, &plan, &o->meeting, &err) != RP_OK ||
	    meeting_start(st, &fixture_clock, o->meeting, &err) != RP_OK ||
	    agenda_item_at(st, o->meeting, 1, &item, &err) != RP_OK ||
	    agenda_start_item(st, &fixture_clock, item, &err) != RP_OK) {
		step_failed(o, "setting up the meeting", &err);
		goto out;
	}
	note_some(o, st, item, 0, LEAVE_AFTER);
	if (crashvfs_dead())
		goto out;
	/* Ctrl-C, then `rapport meet Acme` again. */
	store_close(st);
	if ((st = store_open(dbpath, STORE_WRITE, &err)) == NULL) {
		step_failed(o, "store_open again", &err);
		return;
	}
	o->resumed_at = crashvfs_events();
	if (meeting_open(st, &fixture_clock, plan.client_id, NULL, &again, &resumed, &err) != RP_OK ||
	    agenda_item_at(st, o->meeting, 2, &item, &err) != RP_OK ||
	    agenda_start_item(st, &fixture_clock, item, &err) != RP_OK) {
		step_failed(o, "resuming the meeting", &err);
		goto out;
	}
	if (!crashvfs_dead() && (again != o->meeting || !resumed)) {
		o->unexpected = true;
		snprintf(o->why, sizeof o->why, "meeting %lld was not resumed", (long long)o->meeting);
	}
	note_some(o, st, item, LEAVE_AFTER, NTYPED);
	if (crashvfs_dead())
		goto out;
	if (meeting_end(st, &fixture_clock, o->meeting, &err) == RP_OK)
		o->ended = true;
	else
		step_failed(o, "meeting_end", &err);
out:
	store_close(st);
}

static char *
one_text(sqlite3 *db, const char *sql, int64_t id, char *buf, size_t size)
{
	sqlite3_stmt *stmt = NULL;

	buf[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(buf, size, "%s", sqlite3_column_text(stmt, 0));
	}
	sqlite3_finalize(stmt);
	return buf;
}

static bool
was_typed(const char *text)
{
	for (size_t i = 0; i < NTYPED; i++)
		if (strcmp(parsed[i].text, text) == 0)
			return true;
	return false;
}

/* Reopen after the cut and check; returns a reason, or NULL when all is
** well. */
static const char *
check_after(const struct outcome *o)
{
	static char why[600];
	char got[NOTE_TEXT_MAX + 1];
	rp_error err = {0};
	sqlite3_stmt *stmt = NULL;
	const char *bad = NULL;
	store *st;

	if ((st = store_open(dbpath, STORE_WRITE, &err)) == NULL) {
		snprintf(why, sizeof why, "reopening: %s", err.msg);
		return why;
	}
	if (strcmp(one_text(store_db(st), "PRAGMA integrity_check", 0, got, sizeof got), "ok")) {
		snprintf(why, sizeof why, "integrity_check: %s", got);
		bad = why;
		goto out;
	}
	for (size_t i = 0; i < NTYPED; i++) {
		if (!o->noted[i])
			continue;
		one_text(store_db(st), "SELECT text FROM notes WHERE id = ?1", o->note_id[i], got,
			 sizeof got);
		if (strcmp(got, parsed[i].text) != 0) {
			snprintf(why, sizeof why, "note %zu (\"%.40s\") was reported saved, is \"%.40s\"",
				 i, parsed[i].text, got);
			bad = why;
			goto out;
		}
	}
	if (o->ended && strcmp(one_text(store_db(st), "SELECT state FROM meetings WHERE id = ?1",
					o->meeting, got, sizeof got), "ended") != 0) {
		snprintf(why, sizeof why, "the meeting was reported ended, is \"%s\"", got);
		bad = why;
		goto out;
	}
	if (sqlite3_prepare_v2(store_db(st), "SELECT text FROM notes", -1, &stmt, NULL) != SQLITE_OK) {
		snprintf(why, sizeof why, "reading the notes: %s", sqlite3_errmsg(store_db(st)));
		bad = why;
		goto out;
	}
	while (bad == NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(stmt, 0);

		if (t == NULL || !was_typed(t)) {
			snprintf(why, sizeof why, "a note nobody typed: \"%.40s\"", t ? t : "(null)");
			bad = why;
		}
	}
out:
	sqlite3_finalize(stmt);
	store_close(st);
	return bad;
}

/* Count the events of a whole meeting with the power on; every note is
** saved then. */
static long
dry_run(bool no_dirsync)
{
	struct crash_plan plan = {.no_dirsync = no_dirsync};
	struct outcome o;
	long events;

	remove_files();
	crashvfs_arm(folder, &plan);
	run_meeting(&o);
	events = crashvfs_events();
	crashvfs_settle();
	if (o.unexpected)
		tap_fail(__FILE__, __LINE__, "with no cut: %s", o.why);
	for (size_t i = 0; i < NTYPED; i++)
		if (!o.noted[i])
			tap_fail(__FILE__, __LINE__, "with no cut, note %zu was not saved", i);
	CHECK(o.ended);
	printf("# events 1-%ld create and migrate the database; %ld-%ld add the client, start"
	       " its meeting and save %d notes; %ld-%ld resume it, save the rest and end it\n",
	       o.opened_at, o.opened_at + 1, o.resumed_at, LEAVE_AFTER, o.resumed_at + 1, events);
	return events;
}

static long trials;  /* cut points tried, over every kind of cut */

/* Cut at every stride-th event of the meeting in turn (every one with
** POWERCUT_EVERY=1 in the environment); returns how many cuts lost
** something, printing the first few. */
static int
cut_everywhere(bool torn, bool no_dirsync, long stride, const char *label)
{
	long events = dry_run(no_dirsync);
	int lost = 0;

	if (getenv("POWERCUT_EVERY"))
		stride = 1;
	printf("# %s: %ld events in the meeting, a cut every %ld\n", label, events, stride);
	CHECK(events > 100);
	for (long cut = 1 + (stride > 1); cut <= events; cut += stride) {
		struct crash_plan plan = {.cut_at = cut, .torn = torn, .seed = (unsigned)cut,
					  .no_dirsync = no_dirsync};
		struct outcome o;
		const char *why;
		int dropped;

		remove_files();
		crashvfs_arm(folder, &plan);
		run_meeting(&o);
		if (!crashvfs_dead())
			tap_fail(__FILE__, __LINE__, "cut %ld: the power never went", cut);
		dropped = crashvfs_settle();
		trials++;
		if (o.unexpected) {
			tap_fail(__FILE__, __LINE__, "cut %ld: %s", cut, o.why);
			continue;
		}
		if ((why = check_after(&o)) != NULL) {
			if (lost++ < 5)
				printf("# %s, cut at event %ld of %ld (%d files dropped): %s\n", label,
				       cut, events, dropped, why);
		}
	}
	return lost;
}

/* rapport's own sync of the folder, a plain fsync(2) as store.c would make
** it, is an event the model sees. */
static void
sees_a_folder_synced_with_fsync(void)
{
	struct crash_plan plan = {0};
	int fd;

	remove_files();
	crashvfs_arm(folder, &plan);
	fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CHECK(fd >= 0);
	CHECK(fsync(fd) == 0);
	CHECK(fdatasync(fd) == 0);
	CHECK_INT(crashvfs_events(), 2);
	close(fd);
	crashvfs_settle();
}

static void
a_clean_cut_anywhere_keeps_every_saved_note(void)
{
	CHECK_INT(cut_everywhere(false, false, 1, "clean cut"), 0);
}

static void
a_torn_cut_anywhere_keeps_every_saved_note(void)
{
	CHECK_INT(cut_everywhere(true, false, 3, "torn cut"), 0);
}

/* The directory entries of the database and its -wal are durable only
** after a sync of the folder.  SQLite makes one on the first sync of a WAL
** it created, unless built with SQLITE_DISABLE_DIRSYNC; rapport should not
** depend on how the system's SQLite was built. */
static void
without_sqlites_folder_sync_keeps_every_saved_note(void)
{
	CHECK_INT(cut_everywhere(false, true, 3, "without SQLite's folder sync"), 0);
}

int
main(void)
{
	if (crashvfs_register() != SQLITE_OK) {
		printf("1..0 # SKIP this SQLite's unix VFS cannot be wrapped\n");
		return 0;
	}
	snprintf(folder, sizeof folder, "%s", fixture_path("cut"));
	if (mkdir(folder, 0700) != 0) {
		perror(folder);
		return 2;
	}
	snprintf(dbpath, sizeof dbpath, "%s/rapport.db", folder);
	parse_all();
	RUN(sees_a_folder_synced_with_fsync);
	RUN(a_clean_cut_anywhere_keeps_every_saved_note);
	RUN(a_torn_cut_anywhere_keeps_every_saved_note);
	if (store_syncs_folder) {
		RUN(without_sqlites_folder_sync_keeps_every_saved_note);
	} else {
		long before = trials;
		int lost = cut_everywhere(false, true, 3, "without SQLite's folder sync");

		printf("# without SQLite's folder sync: %d of %ld cuts lost saved notes\n", lost,
		       trials - before);
		tap_skip("without_sqlites_folder_sync_keeps_every_saved_note",
			 lost ? "TODO: store.c does not fsync the folder after creating the database "
				"and its -wal, so with a SQLite built with SQLITE_DISABLE_DIRSYNC a cut "
				"drops the new files and the notes reported saved in them"
			      : "TODO: passes now: flip store_syncs_folder in test_powercut.c");
	}
	printf("# %ld cut points tried\n", trials);
	return tap_done();
}
