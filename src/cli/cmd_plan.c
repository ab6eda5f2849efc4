/* cmd_plan.c: plan a meeting and its agenda. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/meeting.h"

int
cmd_plan(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"at", required_argument, NULL, 'a'},
		{"minutes", required_argument, NULL, 'm'},
		{"item", required_argument, NULL, 'i'},
		{0, 0, 0, 0},
	};
	meeting_plan_args args = {0};
	agenda_spec *items = NULL;
	rp_error err = {0};
	const char *title = NULL;
	int64_t id;
	long minutes;
	client cl;
	store *st = NULL;
	int ch, bad = 0, rc = EXIT_FAIL;

	items = calloc(AGENDA_ITEMS_MAX, sizeof *items);
	if (items == NULL) {
		cli_error("out of memory");
		return EXIT_FAIL;
	}
	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		switch (ch) {
		case 'a':
			if (cli_parse_when(c, optarg, &args.planned_at, &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			break;
		case 'm':
			if (!cli_parse_int(optarg, 1, MEETING_MINUTES_MAX, &minutes)) {
				cli_error("--minutes must be 1 to %d", MEETING_MINUTES_MAX);
				goto out;
			}
			args.planned_minutes = (int)minutes;
			break;
		case 'i':
			if (args.nitems == AGENDA_ITEMS_MAX) {
				cli_error("an agenda holds at most %d items", AGENDA_ITEMS_MAX);
				goto out;
			}
			if (agenda_parse_spec(optarg, &items[args.nitems], &err) != RP_OK) {
				rc = cli_fail(&err);
				goto out;
			}
			args.nitems++;
			break;
		}
	}
	if (bad) {
		rc = EXIT_USAGE;
		goto out;
	}
	if (optind >= argc || argc - optind > 2) {
		rc = cli_usage("plan takes CLIENT and an optional TITLE (quote a title with spaces)");
		goto out;
	}
	if (argc - optind == 2) {
		title = argv[optind + 1];
		if (meeting_check_title(title, "meeting title", &err) != RP_OK) {
			rc = cli_fail(&err);
			goto out;
		}
	}
	if ((st = cli_open_client(c, argv[optind], &cl)) == NULL)
		goto out;
	args.client_id = cl.id;
	args.title = title;
	args.items = items;
	if (meeting_plan(st, &c->clock, &args, &id, &err) != RP_OK) {
		rc = cli_fail(&err);
		goto out;
	}
	printf("planned meeting %lld with ", (long long)id);
	cli_print_text(cl.name);
	if (args.planned_at) {
		char when[32];

		cli_format_local(args.planned_at, false, when, sizeof when);
		printf(" at %s", when);
	}
	printf(" (%zu agenda item%s)\n", args.nitems, args.nitems == 1 ? "" : "s");
	rc = EXIT_OK;
out:
	store_close(st);
	free(items);
	return rc;
}
