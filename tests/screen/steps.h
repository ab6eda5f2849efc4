/* steps.h: what the screen tests share: the binary under test, the test
** database, a fixed clock, running the command line on it, reading it back
** with SQL, and waiting for text on the screen.
**
** Time is fixed the way the command-line tests fix it: every program a test
** starts (the screens and the set-up commands) runs under libfaketime from
** STEPS_NOW, Thursday 26 November 2026, 10:00 in Paris, with the clock still
** ticking, and in TZ=Europe/Paris.  The clock goes on across programs: one
** started a minute into the test believes it is 10:01.  Expected dates come
** from steps_now() and steps_date(), never from the real clock.
*/
#ifndef RAPPORT_STEPS_H
#define RAPPORT_STEPS_H

#include <stdint.h>

#include "harness.h"

#define STEPS_NOW "2026-11-26 10:00:00"
#define STEPS_TZ "Europe/Paris"

extern const char *steps_bin;        /* $RAPPORT_BIN */
extern char steps_db_env[600];       /* "RAPPORT_DB=<the test database>" */

/* Set up what the steps need: $RAPPORT_BIN, the zone, libfaketime, and
** $XDG_STATE_HOME in the temporary folder ("state").  Returns
** NULL, or why the screen tests cannot run here (the caller prints the TAP
** skip line). */
const char *steps_init(void);

/* Point RAPPORT_DB at a new database `name` in the temporary folder. */
void steps_use_db(const char *name);

/* The fixed clock: STEPS_NOW plus the time the test has run (UTC seconds). */
int64_t steps_now(void);

/* The local date (YYYY-MM-DD) `days` days after the fixed clock's. */
const char *steps_date(int days);

/* The same date as the screens show it in English: "Fri 27 Nov". */
const char *steps_day(int days);

/* Start argv (argv[0] is usually steps_bin) in a pseudo-terminal at the
** fixed clock, with the test database and envp_extra (may be NULL) added to
** the environment, as term_start() does. */
term *steps_start(const char *const argv[], const char *const envp_extra[], int rows, int cols);

/* Run `rapport ARGS...` (no terminal) on the test database at the fixed
** clock; 0 on success. */
int steps_rapport(const char *args);

/* One value from the test database, as text ("" when there is none). */
const char *steps_sql1(const char *sql);

/* Run sql (statements separated by ";") on the current database, as
** another program would: true when all of it ran. */
bool steps_sql(const char *sql);

/* Check that text is on screen (waiting for it); dump the screen if not. */
void steps_see(term *t, const char *text, const char *file, int line);
#define SEE(t, text) steps_see((t), (text), __FILE__, __LINE__)

/* As SEE, waiting up to ms; false (after a message and the screen) when
** the text does not come. */
bool steps_see_within(term *t, const char *text, int ms, const char *file, int line);
#define SEE_WITHIN(t, text, ms) steps_see_within((t), (text), (ms), __FILE__, __LINE__)

/* Is text nowhere on the screen now?  False (after a message and the
** screen) when it is there. */
bool steps_unseen(term *t, const char *text, const char *file, int line);
#define UNSEEN(t, text) steps_unseen((t), (text), __FILE__, __LINE__)

/* Run fn as the test named name when the fr_FR.UTF-8 locale is installed
** here (scripts/setup.sh makes it), as the French screen tests need; else
** report it skipped, saying why. */
void steps_run_french(const char *name, void (*fn)(void));
#define RUN_FRENCH(fn) steps_run_french(#fn, fn)

#endif
