/* cmd_client.c: client add, clients, fact, touch. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rapport/cadence.h"
#include "rapport/client.h"
#include "rapport/fact.h"
#include "rapport/record.h"

static int
client_add_main(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"org", required_argument, NULL, 'o'},
		{"cadence", required_argument, NULL, 'c'},
		{0, 0, 0, 0},
	};
	const char *org = NULL;
	int cmin = CLIENT_CADENCE_MIN, cmax = CLIENT_CADENCE_MAX;
	rp_error err = {0};
	int64_t id;
	store *st;
	int ch, bad = 0, rc;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'o') {
			org = optarg;
		} else if (ch == 'c') {
			if (client_parse_cadence(optarg, &cmin, &cmax, &err) != RP_OK)
				return cli_fail(&err);
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 1 != argc)
		return cli_usage("client add takes one NAME (quote a name with spaces)");
	/* Check before opening: bad input never creates a database. */
	if (client_check_name(argv[optind], "client name", &err) != RP_OK ||
	    (org && client_check_name(org, "organisation", &err) != RP_OK))
		return cli_fail(&err);
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return EXIT_FAIL;
	rc = client_add(st, &c->clock, argv[optind], org, cmin, cmax, &id, &err);
	if (rc == RP_OK) {
		client cl;

		if (client_get(st, id, &cl, &err) == RP_OK) {
			printf("added client ");
			cli_print_text(cl.name);
			printf(" (check in every %d-%d days)\n", cl.cadence_min, cl.cadence_max);
		}
	}
	store_close(st);
	return rc == RP_OK && err.status == RP_OK ? EXIT_OK : cli_fail(&err);
}

int
cmd_client(cli *c, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage("client needs a subcommand: client add NAME");
	if (strcmp(argv[1], "add") == 0)
		return client_add_main(c, argc - 1, argv + 1);
	return cli_usage("unknown subcommand 'client %s'", argv[1]);
}

int
cmd_clients(cli *c, int argc, char **argv)
{
	client_status *order = NULL;
	size_t n = 0;
	rp_error err = {0};
	rp_error open_err = {0};
	store *st;

	if (argc != 1)
		return cli_usage("clients takes no arguments");
	st = store_open(c->db_path, STORE_READ, &open_err);
	if (st == NULL) {
		/* No database yet is no clients yet, not an error. */
		if (open_err.status == RP_ENOTFOUND)
			return EXIT_OK;
		return cli_fail(&open_err);
	}
	if (client_ranking(st, cli_today(c), &order, &n, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	store_close(st);
	/* One client a line, most pressing first, tab-separated: name,
	** organisation (or "-"), cadence, last contact (local date, or
	** "never"), status. */
	for (size_t i = 0; i < n; i++) {
		const client *cl = &order[i].c;
		char last[32] = "never", status[64];

		if (cl->last_contact)
			date_format_local(cl->last_contact, false, last, sizeof last);
		cli_print_text(cl->name);
		putchar('\t');
		cli_print_text(cl->org[0] ? cl->org : "-");
		printf("\t%d-%d\t%s\t%s\n", cl->cadence_min, cl->cadence_max, last,
		       cadence_describe(order[i].where, status, sizeof status));
	}
	free(order);
	return EXIT_OK;
}

store *
cli_open_client(cli *c, const char *query, client *out)
{
	rp_error err = {0};
	struct stat sb;
	store *st;

	/* Without a database there is no client; do not create one for that. */
	if (stat(c->db_path, &sb) != 0) {
		if (errno == ENOENT)
			cli_error("no client matches \"%s\" (there are no clients yet)", query);
		else
			cli_error("cannot open database %s: %s", c->db_path, strerror(errno));
		return NULL;
	}
	if ((st = cli_open(c, STORE_WRITE)) == NULL)
		return NULL;
	if (client_find(st, query, out, &err) != RP_OK) {
		cli_fail(&err);
		store_close(st);
		return NULL;
	}
	return st;
}

int
cmd_fact(cli *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"kind", required_argument, NULL, 'k'},
		{0, 0, 0, 0},
	};
	int kind = -1, ch, bad = 0;
	rp_error err = {0};
	client cl;
	store *st;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts, &bad)) != -1) {
		if (ch == 'k' && (kind = fact_kind_from_name(optarg)) < 0) {
			cli_error("--kind must be family, travel, hobby, sport, food, work or other");
			return EXIT_FAIL;
		}
	}
	if (bad)
		return EXIT_USAGE;
	if (optind + 2 != argc)
		return cli_usage("fact takes CLIENT and TEXT (quote the text)");
	if ((st = cli_open_client(c, argv[optind], &cl)) == NULL)
		return EXIT_FAIL;
	if (kind < 0)
		kind = fact_kind_guess(argv[optind + 1]);
	if (fact_add(st, &c->clock, cl.id, (enum fact_kind)kind, argv[optind + 1], 0, 0, NULL,
		     &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	if (kind == FACT_OTHER)
		printf("noted a fact about ");
	else
		printf("noted a %s fact about ", fact_kind_name((enum fact_kind)kind));
	cli_print_text(cl.name);
	putchar('\n');
	store_close(st);
	return EXIT_OK;
}

int
cmd_touch(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	client cl;
	store *st;

	if (argc != 3)
		return cli_usage("touch takes CLIENT and TEXT (quote the text)");
	if ((st = cli_open_client(c, argv[1], &cl)) == NULL)
		return EXIT_FAIL;
	if (record_touch(st, &c->clock, cl.id, argv[2], NULL, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	printf("logged a touchpoint with ");
	cli_print_text(cl.name);
	putchar('\n');
	store_close(st);
	return EXIT_OK;
}
