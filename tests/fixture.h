/* fixture.h: what the core tests share: a temporary folder holding real
** database files, and a clock the test sets. */
#ifndef RAPPORT_FIXTURE_H
#define RAPPORT_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/store.h"

/* A clock that says whatever fixture_now holds. */
extern int64_t fixture_now;
extern const rp_clock fixture_clock;

/* A fresh path "<tmp>/name" in a folder removed at exit. */
const char *fixture_path(const char *name);

/* Open (creating) a new database in the temporary folder; aborts the test
** program if that fails. */
store *fixture_store(void);

/* Run sql directly on a database file (for setting up odd states). */
int fixture_sql(const char *path, const char *sql);

/* Read a whole file into a malloc'd, NUL-terminated buffer; *len gets its
** size.  NULL if it cannot be read. */
char *fixture_slurp(const char *path, size_t *len);

/* Make SQLite plan as on a big file: sqlite_stat1 holds rows alone (the
** VALUES of an INSERT into it, "('meetings', 'meetings_client', '20200 101
** 1'), ..."), as ANALYZE would have left them.  0 on success. */
int fixture_statistics(store *st, const char *rows);

/* The plan SQLite makes for sql (?1 bound to 1), its lines joined by '|';
** a static buffer, good until the next call. */
const char *fixture_plan(store *st, const char *sql);

/* Check that plan holds part (or, has false, does not); the plan is shown
** when it is not what was wanted. */
void fixture_plan_is(const char *plan, bool has, const char *part, const char *file, int line);
#define PLAN_IS(plan, has, part) fixture_plan_is((plan), (has), (part), __FILE__, __LINE__)

#endif
