/* test_live_sync.c: one meeting in two windows, quitting after the Recap,
** and which meeting `m` and `rapport meet` start.
**
** The real binary runs in pseudo-terminals read through libvterm, at the
** fixed clock of steps.h; each test has its own database, checked with SQL.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "steps.h"
#include "tap.h"

/* Start `rapport ARGS...` (up to three arguments) at 24x80. */
static term *
run3(const char *a, const char *b, const char *c)
{
	const char *argv[] = {steps_bin, a, b, c, NULL};

	return steps_start(argv, NULL, 24, 80);
}

/* Is text nowhere on the screen (after the program ended)? */
static bool
unseen(term *t, const char *text, int line)
{
	if (term_find(t, text, NULL, NULL) == 0)
		return true;
	char *all = term_screen(t);
	tap_fail(__FILE__, line, "\"%s\" is on the screen:\n%s", text, all ? all : "");
	free(all);
	return false;
}

static void
quitting_after_the_recap_says_ended(void)
{
	term *t;

	steps_use_db("recap.db");
	steps_rapport("client add 'Zoë Lefèvre SARL' --cadence 5-14");
	for (int how = 0; how < 2; how++) {
		/* Leave the Recap with Ctrl-C, then with q: the meeting ended. */
		t = run3("meet", "zoe", NULL);
		CHECK(t != NULL);
		if (t == NULL)
			return;
		SEE(t, "┌ Notes");
		term_type(t, how ? "= second call" : "= first call");
		term_key(t, "Enter");
		SEE(t, how ? "second call" : "first call");
		term_key(t, "C-x");
		SEE(t, "End the meeting now? y / n");
		term_type(t, "y");
		SEE(t, "rapport · recap");
		if (how)
			term_type(t, "q");
		else
			term_key(t, "C-c");
		CHECK_INT(term_wait_exit(t, 5000), 0);
		SEE(t, how ? "meeting 2 with Zoë Lefèvre SARL ended: 1 note, 1 decision"
			   : "meeting 1 with Zoë Lefèvre SARL ended: 1 note, 1 decision");
		unseen(t, "still open", __LINE__);
		term_free(t);
	}
	CHECK_STR(steps_sql1("SELECT group_concat(state, ' ') FROM meetings"), "ended ended");
}

int
main(void)
{
	const char *why = steps_init();

	if (why != NULL) {
		printf("1..0 # SKIP %s\n", why);
		return 0;
	}
	RUN(quitting_after_the_recap_says_ended);
	return tap_done();
}
