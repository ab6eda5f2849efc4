/* steps.h: what the screen tests share: the binary under test, the test
** database, running the command line on it, reading it back with SQL, and
** waiting for text on the screen. */
#ifndef RAPPORT_STEPS_H
#define RAPPORT_STEPS_H

#include "harness.h"

extern const char *steps_bin;        /* $RAPPORT_BIN */
extern char steps_db_env[600];       /* "RAPPORT_DB=<the test database>" */

/* Point RAPPORT_DB at a new database `name` in the temporary folder. */
void steps_use_db(const char *name);

/* Run `rapport ARGS...` (no terminal) on the test database; 0 on success. */
int steps_rapport(const char *args);

/* One value from the test database, as text ("" when there is none). */
const char *steps_sql1(const char *sql);

/* Check that text is on screen (waiting for it); dump the screen if not. */
void steps_see(term *t, const char *text, const char *file, int line);
#define SEE(t, text) steps_see((t), (text), __FILE__, __LINE__)

#endif
