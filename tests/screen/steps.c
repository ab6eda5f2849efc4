/* steps.c: see steps.h. */
#define _POSIX_C_SOURCE 200809L
#include "steps.h"

#include <glob.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "rapport/date.h"
#include "tap.h"

const char *steps_bin;
char steps_db_env[600];

static char faketime_lib[512];       /* libfaketime's path */
static char preload_env[600];        /* "LD_PRELOAD=<it>" */
static struct timespec started;      /* when the test began (monotonic) */
static int64_t now_epoch;            /* STEPS_NOW in STEPS_TZ */

/* Seconds the test has run.  A monotonic clock: differences stay true even
** when the test itself runs under libfaketime (tests/any-day does that). */
static int64_t
elapsed(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)(ts.tv_sec - started.tv_sec);
}

const char *
steps_init(void)
{
	static const char *const where[] = {
		"/usr/lib/*/faketime/libfaketime.so.1",
		"/usr/lib/faketime/libfaketime.so.1",
		"/usr/local/lib/faketime/libfaketime.so.1",
	};
	struct tm tm = {0};
	glob_t g;

	steps_bin = getenv("RAPPORT_BIN");
	if (steps_bin == NULL)
		return "RAPPORT_BIN is not set";
	for (size_t i = 0; i < sizeof where / sizeof where[0] && !faketime_lib[0]; i++) {
		if (glob(where[i], 0, NULL, &g) == 0 && g.gl_pathc > 0)
			snprintf(faketime_lib, sizeof faketime_lib, "%s", g.gl_pathv[0]);
		globfree(&g);
	}
	if (!faketime_lib[0])
		return "libfaketime is not installed (Debian: faketime)";
	snprintf(preload_env, sizeof preload_env, "LD_PRELOAD=%s", faketime_lib);
	setenv("TZ", STEPS_TZ, 1);
	tzset();
	/* What rapport keeps beside the database (the recovery file of notes
	** not saved, the day's snapshot taken as the screens end) goes to the
	** test's folder, never to the real home. */
	setenv("XDG_STATE_HOME", fixture_path("state"), 1);
	setenv("HOME", fixture_path("home"), 1);
	if (sscanf(STEPS_NOW, "%d-%d-%d %d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return "STEPS_NOW is not a date";
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	tm.tm_isdst = -1;
	now_epoch = (int64_t)mktime(&tm);
	clock_gettime(CLOCK_MONOTONIC, &started);
	return NULL;
}

void
steps_use_db(const char *name)
{
	const char *path = fixture_path(name);

	snprintf(steps_db_env, sizeof steps_db_env, "RAPPORT_DB=%s", path);
	setenv("RAPPORT_DB", path, 1);
}

int64_t
steps_now(void)
{
	return now_epoch + elapsed();
}

const char *
steps_date(int days)
{
	static char buf[16];
	struct tm tm;
	time_t t = (time_t)steps_now();

	/* Step by calendar days at noon, so a DST change cannot skip one. */
	localtime_r(&t, &tm);
	tm.tm_mday += days;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
	return buf;
}

/* "FAKETIME=@<the fixed clock now>", for a program about to start. */
static const char *
faketime_env(void)
{
	static char buf[64];
	time_t t = (time_t)steps_now();
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, sizeof buf, "FAKETIME=@%Y-%m-%d %H:%M:%S", &tm);
	return buf;
}

term *
steps_start(const char *const argv[], const char *const envp_extra[], int rows, int cols)
{
	const char *env[32] = {steps_db_env, "TZ=" STEPS_TZ, preload_env, faketime_env()};
	int n = 4;

	for (int i = 0; envp_extra && envp_extra[i] && n < 31; i++)
		env[n++] = envp_extra[i];
	env[n] = NULL;
	return term_start(argv, env, rows, cols);
}

int
steps_rapport(const char *args)
{
	char cmd[2048];

	/* faketime_env() is "FAKETIME=@DATE TIME": quote the value alone. */
	snprintf(cmd, sizeof cmd, "TZ=%s %s FAKETIME='%s' %s %s >/dev/null 2>&1", STEPS_TZ,
		 preload_env, faketime_env() + 9, steps_bin, args);
	return system(cmd);
}

const char *
steps_sql1(const char *sql)
{
	static char buf[1024];
	sqlite3 *db;
	sqlite3_stmt *stmt;

	buf[0] = '\0';
	if (sqlite3_open_v2(getenv("RAPPORT_DB"), &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) == SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
			snprintf(buf, sizeof buf, "%s", sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	sqlite3_close(db);
	return buf;
}

bool
steps_sql(const char *sql)
{
	sqlite3 *db;
	bool ok = sqlite3_open(getenv("RAPPORT_DB"), &db) == SQLITE_OK &&
		  sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK;

	sqlite3_close(db);
	return ok;
}

void
steps_see(term *t, const char *text, const char *file, int line)
{
	if (!term_wait_for(t, text, 5000)) {
		char *screen = term_screen(t);

		tap_fail(file, line, "\"%s\" is not on screen:\n%s", text, screen);
		free(screen);
	}
}

bool
steps_see_within(term *t, const char *text, int ms, const char *file, int line)
{
	char *all;

	if (term_wait_for(t, text, ms))
		return true;
	all = term_screen(t);
	tap_fail(file, line, "\"%s\" not on screen within %d ms:\n%s", text, ms, all ? all : "");
	free(all);
	return false;
}

bool
steps_unseen(term *t, const char *text, const char *file, int line)
{
	char *all;

	if (term_find(t, text, NULL, NULL) == 0)
		return true;
	all = term_screen(t);
	tap_fail(file, line, "\"%s\" is on the screen:\n%s", text, all ? all : "");
	free(all);
	return false;
}

const char *
steps_day(int days)
{
	static char buf[DATE_SHORT_MAX];
	rp_date d;

	if (sscanf(steps_date(days), "%d-%d-%d", &d.year, &d.month, &d.day) != 3)
		return "?";
	return date_format_short_in(RP_LANG_EN, d, buf, sizeof buf);
}

void
steps_run_french(const char *name, void (*fn)(void))
{
	static int have = -1;

	if (have < 0) {
		have = setlocale(LC_ALL, "fr_FR.UTF-8") != NULL;
		setlocale(LC_ALL, "C");
	}
	if (have)
		tap_run(name, fn);
	else
		tap_skip(name, "the fr_FR.UTF-8 locale is not installed (scripts/setup.sh makes it)");
}
