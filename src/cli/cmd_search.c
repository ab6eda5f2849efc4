/* cmd_search.c: rapport search QUERY: one hit per line; none is status 1. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/i18n.h"
#include "rapport/search.h"

/* How the matched words of a snippet are shown. */
enum marks {
	MARKS_NONE,     /* piped: the text as it is, for scripts */
	MARKS_BRACKETS, /* a terminal with NO_COLOR: [word] */
	MARKS_BOLD,     /* a terminal */
};

static void
print_snippet(const char *snippet, enum marks marks)
{
	static const char *const on[] = {"", "[", "\033[1m"}, *const off[] = {"", "]", "\033[22m"};

	for (const char *p = snippet; *p; p++) {
		if (*p == SEARCH_MARK_ON)
			fputs(on[marks], stdout);
		else if (*p == SEARCH_MARK_OFF)
			fputs(off[marks], stdout);
		else
			putchar(*p);
	}
}

int
cmd_search(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"best", no_argument, NULL, 'b'},
		{"limit", required_argument, NULL, 'l'},
		{"json", no_argument, NULL, 'j'},
		{0, 0, 0, 0},
	};
	enum search_order order = SEARCH_NEWEST;
	long limit = 50;
	rp_error err = {0};
	search_result *r = NULL;
	enum marks marks = !isatty(STDOUT_FILENO) ? MARKS_NONE
			   : getenv("NO_COLOR") ? MARKS_BRACKETS : MARKS_BOLD;
	store *st;
	bool json = false, more = false;
	int ch, bad = 0, rc;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'b') {
			order = SEARCH_BEST;
		} else if (ch == 'j') {
			json = true;
		} else if (ch == 'l' && !cli_parse_int(optarg, 1, 10000, &limit)) {
			cli_error(_("--limit must be 1 to %d"), 10000);
			return EXIT_FAIL;
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage("%s", _("search takes one QUERY (quote several words)"));
	if ((st = store_open(c->db_path, STORE_READ, &err)) == NULL) {
		if (err.status == RP_ENOTFOUND) {
			if (json)
				printf("[]\n");
			return EXIT_FAIL;  /* no database: nothing found, as grep says */
		}
		return cli_fail(&err);
	}
	/* One more than asked for: there, it says the list was cut. */
	if (search_run(st, argv[optind], order, (size_t)limit + 1, &r, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	if (r->nhits > (size_t)limit) {
		r->nhits = (size_t)limit;
		more = true;
	}
	if (json)
		cli_search_json(r);
	/* date, client (with " (archived)" when it is), meeting (or -), what,
	** snippet: tab-separated. */
	for (size_t i = 0; json == false && i < r->nhits; i++) {
		const search_hit *h = &r->hits[i];
		char day[32];

		date_format_local(h->at, false, day, sizeof day);
		printf("%s\t", day);
		cli_print_text(h->client);
		if (h->client_archived)
			fputs(_(" (archived)"), stdout);
		if (h->meeting_id)
			printf("\t%lld\t", (long long)h->meeting_id);
		else
			fputs("\t-\t", stdout);
		/* In the user's language; a kind another tool wrote may hold
		** anything. */
		cli_print_text(search_what_label(h->what));
		putchar('\t');
		print_snippet(h->snippet, marks);
		putchar('\n');
	}
	/* Nothing found is status 1 and nothing said, as grep does, so a
	** script can test it. */
	rc = r->nhits ? EXIT_OK : EXIT_FAIL;
	if (more && !json)
		cli_error(P_("only the first %ld hit is listed: --limit shows more",
			     "only the first %ld hits are listed: --limit shows more", limit),
			  limit);
	search_free(r);
	store_close(st);
	return rc;
}
