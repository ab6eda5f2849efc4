/* test_monkey.c: every screen takes thousands of random keys and resizes
** without a crash, and leaves a sound database.
**
** The real binary (built with ASan and UBSan by ./scripts/test) runs in a
** pseudo-terminal; each round opens one screen (Clients, Prep, the live
** meeting, its Recap, Review, search results, the help) the way a person
** would and then types random keys at it: letters, accents, CJK, emoji, a
** combining mark, a bidi override, note prefixes, the arrows and editing
** keys, Tab, Enter, Esc, the control keys the screens bind, F1, and
** resizes from 1x1 to 220x70.  Wherever the keys lead is fine; a program
** that leaves on its own (Esc, q) is started again on the same screen.
** Keys are left out that would stop the round (Ctrl-C, Ctrl-Z, Ctrl-\,
** flow control) or write outside the test's folder (E, export).
**
** What must hold: the program never dies of a signal or a sanitizer
** report (ASan and UBSan write to log files that must stay absent), every
** exit is status 0, and afterwards PRAGMA integrity_check says ok and
** foreign_key_check finds nothing.
**
** The keys come from a fixed seed, printed, so a failure can be run
** again: MONKEY_SEED=N.  MONKEY_KEYS=N types N keys in all (default 2800,
** about 20 s under the sanitizers); MONKEY_ROUND=review runs that round
** alone, with the same keys as in the whole run.
*/
#include <dirent.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
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

#define DEFAULT_SEED 20261126u
#define DEFAULT_KEYS 2800

static uint64_t seed;      /* MONKEY_SEED */
static uint64_t rng;
static char logs[600];     /* the folder the sanitizers write to */
static char asan_env[800], ubsan_env[800];
static int starts;         /* programs started, all rounds */
static const char *only;   /* MONKEY_ROUND: the one round to run */
static const char *last[16]; /* the last keys pressed, for a failure */
static char last_text[16][8];
static unsigned nlast;

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* xorshift64*: small, and the same on every machine. */
static uint32_t
random32(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint32_t)((rng * 2685821657736338717ull) >> 32);
}

static unsigned
pick(unsigned n)
{
	return random32() % n;
}

/* What may be typed: a key's name for term_key(), or text (prefix '='). */
static const char *const keys[] = {
	"Up", "Down", "Left", "Right", "Home", "End", "PageUp", "PageDown",
	"Backspace", "Delete", "Insert", "Tab", "BTab", "Enter", "F1", "F2", "F10",
	"C-a", "C-e", "C-g", "C-h", "C-n", "C-p", "C-t", "C-u", "C-w", "C-l",
	"=é", "=東京", "=🌴", "=e\xCC\x81", "=\xE2\x80\xAE", "=👩‍💻", "=ß",
	"=> send the plan @me ^fri", "=? who signs off #budget", "=* back from Bali",
	"=~ private", "== go ahead", "=! worried", "=+ export by March",
	"=Budget:15", "=Alice|built it|90|API", "=travel: Bali", "=2026-12-01 10:00",
	"= ", "=y", "=n", "=1",
};

/* Letters and signs typed one by one: all but q (quit) and E (export). */
static const char letters[] =
	"abcdefghijklmnoprstuvwxyzABCDFGJKMNOPRSTUVWXYZ0123456789"
	" ,.;:-_'\"!?=>*~#@^+()[]&%/";

/* One random key, or now and then a resize.  Rarely Esc, q or Ctrl-X:
** they leave a screen (or end the meeting), which is worth doing too. */
static void
press_random(term *t)
{
	unsigned r = pick(1000);
	char one[2] = { 0, 0 };
	const char *k;

	char *note = last_text[nlast % 16];
	int rows, cols;

	last[nlast % 16] = note;
	if (r < 450) {
		one[0] = letters[pick(sizeof letters - 1)];
		term_type(t, one);
		snprintf(note, 8, "=%s", one);
	} else if (r < 940) {
		k = keys[pick(sizeof keys / sizeof keys[0])];
		if (k[0] == '=')
			term_type(t, k + 1);
		else
			term_key(t, k);
		last[nlast % 16] = k;
	} else if (r < 975) {
		/* Mostly sizes people use; sometimes absurd ones. */
		if (pick(3) == 0) {
			rows = 1 + (int)pick(70);
			cols = 1 + (int)pick(220);
		} else {
			rows = 24 + (int)pick(30);
			cols = 80 + (int)pick(100);
		}
		term_resize(t, rows, cols);
		snprintf(note, 8, "%dx%d", cols, rows);
	} else if (r < 988) {
		term_key(t, last[nlast % 16] = "Esc");
	} else if (r < 994) {
		term_type(t, "q");
		last[nlast % 16] = "=q";
	} else {
		term_key(t, last[nlast % 16] = "C-x");
	}
	nlast++;
}

/* The last keys pressed, oldest first, as TAP comments. */
static void
show_last_keys(void)
{
	unsigned i = nlast > 16 ? nlast - 16 : 0;

	printf("# the last keys:");
	for (; i < nlast; i++)
		printf(" %s", last[i % 16]);
	printf("\n");
}

/* A screen to start from: the command, the keys that reach the screen
** (text, or {Name} for a named key), and what it shows once there. */
typedef struct round {
	const char *name;
	const char *args[4];
	const char *reach;
	const char *shows;
} round;

static const round rounds[] = {
	{ "clients", { NULL }, "", "rapport · clients" },
	{ "prep", { NULL }, "{Enter}", "rapport · prep" },
	{ "live meeting", { "meet", "zoe", NULL }, "", "┌ Notes" },
	{ "recap", { "meet", "zoe", NULL },
	  "= go ahead{Enter}> send the plan @me ^fri{Enter}{C-x}y", "rapport · recap" },
	{ "review", { NULL }, "r", "rapport · review" },
	{ "search", { NULL }, "/budget{Enter}", "rapport · search" },
	{ "help", { NULL }, "?", "· keys" },
};

/* Type keys spelled as in round.reach. */
static void
type_spelled(term *t, const char *s)
{
	char name[16], one[8];
	size_t n;

	while (*s != '\0') {
		if (*s == '{' && (n = strcspn(s + 1, "}")) < sizeof name) {
			memcpy(name, s + 1, n);
			name[n] = '\0';
			term_key(t, name);
			s += n + 2;
		} else {
			n = 1;
			while ((s[n] & 0xC0) == 0x80)
				n++;
			memcpy(one, s, n);
			one[n] = '\0';
			term_type(t, one);
			s += n;
		}
		term_wait_quiet(t, 50, 3000);
	}
}

/* Start the round's program and bring it to its screen.  Reaching it
** depends on what the earlier keys left (a meeting ended, a client
** archived), so not getting there is said, not failed. */
static term *
start(const round *r)
{
	const char *argv[5] = { steps_bin, r->args[0], r->args[1], r->args[2], NULL };
	const char *env[] = { asan_env, ubsan_env, NULL };
	term *t = steps_start(argv, env, 30, 100);

	if (t == NULL)
		return NULL;
	starts++;
	term_wait_quiet(t, 100, 5000);
	type_spelled(t, r->reach);
	if (!term_wait_for(t, r->shows, 3000))
		printf("# %s: \"%s\" not reached this time\n", r->name, r->shows);
	return t;
}

enum state { RUNNING, LEFT, DIED };

/* Is the program still there?  When it ended, it must have ended well,
** with status 0, as after q or Esc on the Clients screen. */
static enum state
state_of(term *t, const round *r)
{
	char *screen;
	int status;

	if (term_pump(t, 0) >= 0)
		return RUNNING;
	if ((status = term_wait_exit(t, 5000)) == 0)
		return LEFT;
	screen = term_screen(t);
	tap_fail(__FILE__, __LINE__, "%s: rapport ended with status %d:\n%s", r->name, status,
		 screen);
	free(screen);
	show_last_keys();
	return DIED;
}

/* Leave: Esc twice (a question open on a list screen takes Ctrl-C as
** nothing), then Ctrl-C, answering y if it asks first.  The exit status of
** a normal quit must be 0, leaks included. */
static void
quit(term *t, const round *r)
{
	char *screen;
	int status;

	term_key(t, "Esc");
	term_key(t, "Esc");
	term_key(t, "C-c");
	if ((status = term_wait_exit(t, 3000)) < 0) {
		term_type(t, "y");
		status = term_wait_exit(t, 3000);
	}
	if (status < 0) {
		term_kill(t, SIGTERM);
		status = term_wait_exit(t, 5000);
		printf("# %s: did not leave on Ctrl-C; SIGTERM gave %d\n", r->name, status);
	} else if (status != 0) {
		screen = term_screen(t);
		tap_fail(__FILE__, __LINE__, "%s: leaving gave status %d:\n%s", r->name, status,
			 screen);
		free(screen);
		show_last_keys();
	}
}

/* Type n random keys at the round's screen.  Each round has its own
** sequence from the seed, so MONKEY_ROUND replays one alone. */
static void
monkey(const round *r, int n)
{
	term *t;
	enum state now = RUNNING;
	double began = seconds();
	int i;

	rng = seed * 0x9E3779B97F4A7C15ull + (uint64_t)(r - rounds) + 1;
	t = start(r);

	CHECK(t != NULL);
	for (i = 0; t != NULL && i < n && now != DIED; i++) {
		press_random(t);
		/* Let it draw, mostly: keys that come faster than that are
		** worth a try too. */
		if (pick(8) != 0)
			term_wait_quiet(t, 2, 200);
		if (i % 64 == 63)
			term_wait_quiet(t, 30, 3000);
		if ((now = state_of(t, r)) == LEFT) {  /* q or Esc: again */
			term_free(t);
			t = start(r);
		}
	}
	if (t != NULL && now == RUNNING)
		quit(t, r);
	term_free(t);
	printf("# %s: %d keys, %d programs started so far, %.1f s\n", r->name, i, starts,
	       seconds() - began);
}

/* No sanitizer wrote a report. */
static void
no_reports(void)
{
	DIR *d = opendir(logs);
	struct dirent *e;
	char path[1200], line[512];
	FILE *f;
	int shown;

	CHECK(d != NULL);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		tap_fail(__FILE__, __LINE__, "a sanitizer report: %s", e->d_name);
		snprintf(path, sizeof path, "%s/%s", logs, e->d_name);
		if ((f = fopen(path, "r")) == NULL)
			continue;
		for (shown = 0; shown < 40 && fgets(line, sizeof line, f); shown++)
			printf("#   %s", line);
		fclose(f);
	}
	closedir(d);
}

/* The database is sound after all that. */
static void
database_sound(void)
{
	CHECK_STR(steps_sql1("PRAGMA integrity_check"), "ok");
	CHECK_STR(steps_sql1("SELECT count(*) FROM pragma_foreign_key_check"), "0");
	/* It was used: the monkey's notes are there. */
	if (only == NULL)
		CHECK(atoi(steps_sql1("SELECT count(*) FROM notes")) > 0);
}

static int per_round;

#define ROUND(fn, i)                                                        \
	static void fn(void)                                                \
	{                                                                   \
		if (only == NULL || strcmp(only, rounds[i].name) == 0)      \
			monkey(&rounds[i], per_round);                      \
	}
ROUND(monkey_on_clients, 0)
ROUND(monkey_on_prep, 1)
ROUND(monkey_on_live, 2)
ROUND(monkey_on_recap, 3)
ROUND(monkey_on_review, 4)
ROUND(monkey_on_search, 5)
ROUND(monkey_on_help, 6)

int
main(void)
{
	const char *why = steps_init(), *seed_env = getenv("MONKEY_SEED"),
		   *count = getenv("MONKEY_KEYS");
	unsigned long long s = seed_env && *seed_env ? strtoull(seed_env, NULL, 10) : DEFAULT_SEED;
	long total = count && *count ? strtol(count, NULL, 10) : DEFAULT_KEYS;
	const char *db;
	char *slash;

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	seed = s;
	only = getenv("MONKEY_ROUND");
	per_round = (int)((total > 0 ? total : DEFAULT_KEYS) / 7);
	printf("# seed %llu (MONKEY_SEED=%llu to repeat), %d keys a round\n", s, s, per_round);

	steps_use_db("monkey.db");
	db = getenv("RAPPORT_DB");
	/* Whatever the keys write (an export, say) stays in the test's folder. */
	snprintf(logs, sizeof logs, "%s", db);
	if ((slash = strrchr(logs, '/')) != NULL)
		*slash = '\0';
	if (chdir(logs) != 0) {
		printf("Bail out! cannot enter %s\n", logs);
		return 1;
	}
	snprintf(logs + strlen(logs), sizeof logs - strlen(logs), "/sanitizers");
	if (mkdir(logs, 0700) != 0) {
		printf("Bail out! cannot make %s\n", logs);
		return 1;
	}
	snprintf(asan_env, sizeof asan_env,
		 "ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:verify_asan_link_order=0:"
		 "log_path=%s/asan", logs);
	snprintf(ubsan_env, sizeof ubsan_env,
		 "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:log_path=%s/ubsan", logs);

	steps_rapport("client add 'Zoë Lefèvre SARL' --org 'Lefèvre & fils' --cadence 5-14");
	steps_rapport("client add 'Acme Logistics' --cadence 7-21");
	steps_rapport("client add '東京 Trading' --cadence 3-5");
	steps_rapport("fact zoe 'back from a business trip to Bali'");
	steps_rapport("touch acme 'emailed the report'");
	steps_rapport("plan zoe Kickoff --item Budget:15 --item 'Calendrier — étapes:10'"
		      " --item 'Next steps:5' --walk 'Alice|built the importer|90|API keys'");

	RUN(monkey_on_clients);
	RUN(monkey_on_prep);
	RUN(monkey_on_live);
	RUN(monkey_on_recap);
	RUN(monkey_on_review);
	RUN(monkey_on_search);
	RUN(monkey_on_help);
	printf("# %d programs started\n", starts);
	RUN(no_reports);
	RUN(database_sound);
	return tap_done();
}
