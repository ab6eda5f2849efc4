/* test_live_lock.c: a note is never lost or merged.
**
** Another connection holds the database (BEGIN IMMEDIATE on the same real
** file, from this test process) while notes are typed into the real binary
** in a pseudo-terminal: they show as not saved, stay separate, land in
** order once the lock goes; Ctrl-C and Ctrl-X ask while one waits, and what
** is left goes to a recovery file, 0600 in a 0700 folder.  SIGTERM and
** SIGHUP end rapport at once, the meeting left open, the notes in the file.
*/
#define _POSIX_C_SOURCE 200809L
#include <glob.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* The second connection: it takes the write lock and keeps it. */
static sqlite3 *
lock_db(void)
{
	sqlite3 *db = NULL;

	if (sqlite3_open(getenv("RAPPORT_DB"), &db) != SQLITE_OK ||
	    sqlite3_busy_timeout(db, 5000) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		tap_fail(__FILE__, __LINE__, "cannot lock the database: %s", sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

static void
unlock_db(sqlite3 *db)
{
	if (db)
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(db);
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000 + (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* The row the cursor is on (the note line), malloc'd. */
static char *
cursor_row(term *t)
{
	int row = -1;

	term_wait_quiet(t, 200, 3000);
	term_cursor(t, &row, NULL);
	return term_row(t, row);
}

/* The recovery files written so far, as glob() finds them. */
static size_t
recovery_files(glob_t *g)
{
	char pattern[700];

	snprintf(pattern, sizeof pattern, "%s/rapport/unsaved-*.txt", getenv("XDG_STATE_HOME"));
	if (glob(pattern, 0, NULL, g) != 0) {
		g->gl_pathc = 0;
		g->gl_pathv = NULL;
	}
	return g->gl_pathc;
}

/* Take the one new recovery file: its text (malloc'd), its mode in *mode
** and its folder's in *dirmode; the file is removed so the next test sees
** only its own.  NULL (after a message) when there is not exactly one. */
static char *
take_recovery(unsigned *mode, unsigned *dirmode, int line)
{
	glob_t g;
	struct stat sb;
	char *text = NULL, dir[700];
	size_t len;

	if (recovery_files(&g) != 1) {
		tap_fail(__FILE__, line, "%zu recovery files, want 1", g.gl_pathc);
		if (g.gl_pathv)
			globfree(&g);
		return NULL;
	}
	if (stat(g.gl_pathv[0], &sb) == 0)
		*mode = sb.st_mode & 07777;
	snprintf(dir, sizeof dir, "%s/rapport", getenv("XDG_STATE_HOME"));
	if (stat(dir, &sb) == 0)
		*dirmode = sb.st_mode & 07777;
	text = fixture_slurp(g.gl_pathv[0], &len);
	unlink(g.gl_pathv[0]);
	globfree(&g);
	return text;
}

static term *
meet(void)
{
	const char *argv[] = {steps_bin, "meet", "zoe", NULL};
	term *t = steps_start(argv, NULL, 24, 80);

	if (t)
		SEE(t, "┌ Notes");
	return t;
}

/* Three notes typed under a lock: each shows as not saved, none runs into
** the next, the keyboard does not wait for the lock, and once it goes they
** land in order, each its own note with its kind and its agenda item. */
static void
notes_typed_under_a_lock_land_in_order(void)
{
	struct timespec t0;
	sqlite3 *lock;
	term *t;
	char *row;

	steps_use_db("lock.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	steps_rapport("plan zoe Kickoff --item 'Budget:15'");
	if ((t = meet()) == NULL)
		return;
	term_key(t, "C-n");
	SEE(t, "▶ Budget");
	term_type(t, "+ before the lock");
	term_key(t, "Enter");
	SEE(t, "before the lock");
	if ((lock = lock_db()) == NULL)
		goto out;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	term_type(t, "lockA");
	term_key(t, "Enter");
	SEE_WITHIN(t, "not saved", 3000);
	/* The busy timeout of the screen is short: well under the 3 s the
	** command line waits, even under the sanitizers. */
	CHECK(ms_since(&t0) < 2000);
	row = cursor_row(t);
	CHECK(row && strstr(row, "> lockA"));
	free(row);
	/* The next note starts a line of its own; lockA waits, shown. */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	term_type(t, "! lockB");
	SEE_WITHIN(t, "not saved · lockA", 3000);
	CHECK(ms_since(&t0) < 2000);
	term_key(t, "Enter");
	term_type(t, "= lockC");
	term_key(t, "Enter");
	SEE_WITHIN(t, "not saved · lockB", 3000);
	/* With notes waiting already, an Enter that cannot save joins them
	** at once: the line is free for the next note. */
	SEE_WITHIN(t, "not saved · lockC", 3000);
	SEE(t, "3 not saved (locked)");
	row = cursor_row(t);
	CHECK(row && strstr(row, "lockC") == NULL);
	CHECK(row && strstr(row, "lockA") == NULL);
	free(row);
	UNSEEN(t, "lockAlock");
	/* Shown dim: in the colour of a timestamp, not of a note's text. */
	{
		int qr, qc, sr, sc, qfg = -9, dimfg = -8, textfg = -8;

		if (term_find(t, "not saved · lockA", &qr, &qc) &&
		    term_find(t, "before the lock", &sr, &sc)) {
			term_cell_attrs(t, qr, qc, &qfg, NULL, NULL, NULL);
			term_cell_attrs(t, sr, sc - 8, &dimfg, NULL, NULL, NULL);
			term_cell_attrs(t, sr, sc, &textfg, NULL, NULL, NULL);
		}
		CHECK_INT(qfg, dimfg);
		CHECK(dimfg != textfg);
	}
	UNSEEN(t, "lockB= lock");
	/* Nothing said "saved" of them, and nothing is in the database. */
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "1");
	/* Still locked after a few ticks: still waiting, still shown. */
	term_wait_quiet(t, 2500, 4000);
	SEE(t, "not saved · lockA");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "1");

	/* Ctrl-C asks; the lock goes while it asks: the notes land, and the
	** question goes with them. */
	term_key(t, "C-c");
	SEE(t, "3 notes are not saved: quit, keeping them in a file? y / n");
	unlock_db(lock);
	SEE_WITHIN(t, "3 notes saved", 3000);
	CHECK(term_wait_gone(t, "quit, keeping them", 2000));
	UNSEEN(t, "not saved ·");
	CHECK_STR(steps_sql1("SELECT group_concat(kind || ':' || text, ' ') FROM"
			     " (SELECT * FROM notes ORDER BY at, id)"),
		  "need:before the lock note:lockA concern:lockB decision:lockC");
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes n JOIN agenda_items i ON i.id = n.item_id"
			     " WHERE i.title = 'Budget'"),
		  "4");
	/* All saved: Ctrl-C leaves at once, and says so truly. */
	term_key(t, "C-c");
	CHECK_INT(term_wait_exit(t, 5000), 0);
	SEE(t, "every note entered is saved");
	{
		glob_t g;

		CHECK_INT(recovery_files(&g), 0);
		if (g.gl_pathv)
			globfree(&g);
	}
out:
	term_free(t);
}

/* Ctrl-X and Ctrl-C ask while a note waits; leaving writes the notes to
** the recovery file and says how many and where. */
static void
quitting_with_notes_not_saved_asks_and_keeps_them(void)
{
	unsigned mode = 0, dirmode = 0;
	sqlite3 *lock;
	char *text;
	term *t;

	steps_use_db("lock-quit.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	if ((t = meet()) == NULL)
		return;
	if ((lock = lock_db()) == NULL)
		goto out;
	term_type(t, "> call Bob @me ^fri");
	term_key(t, "Enter");
	SEE_WITHIN(t, "not saved", 3000);
	term_type(t, "* back from Bali");
	term_key(t, "Enter");
	SEE_WITHIN(t, "not saved · call Bob", 3000);

	/* Ctrl-X: the meeting does not end over notes not saved. */
	term_key(t, "C-x");
	SEE(t, "2 notes are not saved: save them and end the meeting? y / n");
	term_type(t, "y");
	SEE(t, "not ended: 2 notes are not saved yet");
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "live");

	/* Ctrl-C asks; n stays. */
	term_key(t, "C-c");
	SEE(t, "2 notes are not saved: quit, keeping them in a file? y / n");
	term_type(t, "n");
	CHECK(term_wait_gone(t, "quit, keeping them", 3000));
	CHECK_INT(term_wait_exit(t, 300), -1);
	/* y leaves, saying how many and where, and that the text left on
	** the line is there too. */
	term_type(t, "half typed");
	term_key(t, "C-c");
	SEE(t, "quit, keeping them in a file? y / n");
	term_type(t, "y");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport: 2 notes were not saved; they are in");
	SEE(t, "with the text left on the line");
	SEE(t, "unsaved-");
	SEE(t, "is still open: rapport meet");
	UNSEEN(t, "every note entered is saved");
	unlock_db(lock);
	lock = NULL;

	text = take_recovery(&mode, &dirmode, __LINE__);
	CHECK_STR(text ? text : "", "> call Bob @me ^fri\n* back from Bali\nhalf typed\n");
	CHECK_INT(mode, 0600);
	CHECK_INT(dirmode, 0700);
	free(text);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "0");
	CHECK_STR(steps_sql1("SELECT state FROM meetings"), "live");
out:
	unlock_db(lock);
	term_free(t);
}

/* SIGTERM and SIGHUP end rapport within a second or two, no question
** asked: the terminal restored, the meeting open to resume, the notes not
** saved (and the text left on the line) in the recovery file. */
static void
signals_end_rapport_and_keep_the_notes(void)
{
	static const int sigs[] = {SIGTERM, SIGHUP};

	for (size_t i = 0; i < 2; i++) {
		unsigned mode = 0, dirmode = 0;
		struct timespec t0;
		sqlite3 *lock;
		char *text, db[32];
		term *t;

		snprintf(db, sizeof db, "lock-sig%zu.db", i);
		steps_use_db(db);
		steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
		if ((t = meet()) == NULL)
			return;
		if ((lock = lock_db()) == NULL) {
			term_free(t);
			return;
		}
		term_type(t, "sig one");
		term_key(t, "Enter");
		SEE_WITHIN(t, "not saved", 3000);
		term_type(t, "? sig two");
		term_key(t, "Enter");
		SEE_WITHIN(t, "not saved · sig one", 3000);
		term_type(t, "half typed");
		term_wait_quiet(t, 200, 2000);

		clock_gettime(CLOCK_MONOTONIC, &t0);
		term_kill(t, sigs[i]);
		CHECK_INT(term_wait_exit(t, 4000), 1);
		CHECK(ms_since(&t0) < 3000);
		/* The terminal is given back: the alternate screen left. */
		CHECK(term_saw_bytes(t, "\x1b[?1049l", 8));
		unlock_db(lock);
		CHECK_STR(steps_sql1("SELECT state FROM meetings"), "live");
		CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), "0");
		text = take_recovery(&mode, &dirmode, __LINE__);
		CHECK_STR(text ? text : "", "sig one\n? sig two\nhalf typed\n");
		CHECK_INT(mode, 0600);
		free(text);
		term_free(t);

		/* The meeting resumes. */
		if ((t = meet()) == NULL)
			return;
		SEE(t, "no item started");
		term_key(t, "C-c");
		CHECK_INT(term_wait_exit(t, 5000), 0);
		CHECK_STR(steps_sql1("SELECT count(*) FROM meetings"), "1");
		term_free(t);
	}
}

/* The Clients screen too: SIGTERM ends it at once and says so, nothing
** written for the recovery of notes when there are none. */
static void
a_signal_ends_the_clients_screen(void)
{
	const char *argv[] = {steps_bin, NULL};
	struct timespec t0;
	glob_t g;
	term *t;

	steps_use_db("home-sig.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	if ((t = steps_start(argv, NULL, 24, 80)) == NULL)
		return;
	SEE(t, "Zoë Lefèvre SARL");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	term_kill(t, SIGTERM);
	CHECK_INT(term_wait_exit(t, 4000), 1);
	CHECK(ms_since(&t0) < 3000);
	SEE(t, "rapport: stopped by SIGTERM");
	CHECK(term_saw_bytes(t, "\x1b[?1049l", 8));
	CHECK_INT(recovery_files(&g), 0);
	if (g.gl_pathv)
		globfree(&g);
	term_free(t);
}

/* A write that fails (here the file size limit, a disk full in effect, an
** I/O error to SQLite): the note that failed stays whole on the line, the
** next queues it, every note shown as saved is on disk, and the notes not
** saved are in the recovery file. */
static void
a_failing_write_keeps_the_notes(void)
{
	char cmd[1200], note[32], want[80], *row, *text;
	const char *argv[] = {"/bin/sh", "-c", cmd, NULL};
	unsigned mode = 0, dirmode = 0;
	int i, saved = 0;
	term *t;

	steps_use_db("full.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	/* SIGXFSZ ignored: a write past the limit fails with EFBIG. */
	snprintf(cmd, sizeof cmd, "trap '' XFSZ; ulimit -f 240; exec '%s' meet zoe", steps_bin);
	if ((t = steps_start(argv, NULL, 24, 80)) == NULL)
		return;
	SEE(t, "┌ Notes");
	for (i = 1; i <= 60; i++) {
		snprintf(note, sizeof note, "note %d", i);
		term_type(t, note);
		term_key(t, "Enter");
		if (term_wait_for(t, "not saved", 400))
			break;
		saved = i;
	}
	if (!(i <= 60 && saved > 0)) {
		char *all = term_screen(t);

		tap_fail(__FILE__, __LINE__, "note %d failed, %d saved:\n%s", i, saved, all ? all : "");
		free(all);
	}
	row = cursor_row(t);
	snprintf(want, sizeof want, "> note %d", i);
	CHECK(row && strstr(row, want));
	free(row);
	/* What the screen showed as saved is what is on disk. */
	snprintf(want, sizeof want, "%d", saved);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), want);
	term_type(t, "after it");
	snprintf(want, sizeof want, "not saved · note %d", i);
	SEE(t, want);
	term_key(t, "Enter");
	term_key(t, "C-c");
	SEE(t, "2 notes are not saved: quit, keeping them in a file? y / n");
	term_type(t, "y");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport: 2 notes were not saved");
	text = take_recovery(&mode, &dirmode, __LINE__);
	snprintf(want, sizeof want, "note %d\nafter it\n", i);
	CHECK_STR(text ? text : "", want);
	free(text);
	snprintf(want, sizeof want, "%d", saved);
	CHECK_STR(steps_sql1("SELECT count(*) FROM notes"), want);
	term_free(t);
}

/* An edit of an older note that a lock refused is a note not saved like
** any other: Ctrl-C asks, and the edit goes to the recovery file while the
** note keeps its old text. */
static void
an_edit_refused_by_a_lock_is_kept(void)
{
	unsigned mode = 0, dirmode = 0;
	sqlite3 *lock = NULL;
	char *text;
	term *t;

	steps_use_db("lock-edit.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	if ((t = meet()) == NULL)
		return;
	term_type(t, "budget first");
	term_key(t, "Enter");
	SEE(t, "saved");
	if ((lock = lock_db()) == NULL)
		goto out;
	term_key(t, "Up");
	term_key(t, "Enter");
	SEE(t, "> budget first");
	term_type(t, " then scope");
	term_key(t, "Enter");
	SEE_WITHIN(t, "Enter retries", 3000);
	term_key(t, "C-c");
	SEE(t, "1 note is not saved: quit, keeping it in a file? y / n");
	term_type(t, "y");
	CHECK_INT(term_wait_exit(t, 5000), 1);
	SEE(t, "rapport: 1 note was not saved; it is in");
	unlock_db(lock);
	lock = NULL;
	text = take_recovery(&mode, &dirmode, __LINE__);
	CHECK_STR(text ? text : "", "budget first then scope\n");
	CHECK_INT(mode, 0600);
	free(text);
	CHECK_STR(steps_sql1("SELECT text FROM notes"), "budget first");
out:
	unlock_db(lock);
	term_free(t);
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	RUN(notes_typed_under_a_lock_land_in_order);
	RUN(quitting_with_notes_not_saved_asks_and_keeps_them);
	RUN(signals_end_rapport_and_keep_the_notes);
	RUN(a_signal_ends_the_clients_screen);
	RUN(a_failing_write_keeps_the_notes);
	RUN(an_edit_refused_by_a_lock_is_kept);
	return tap_done();
}
