/* cmd_check.c: rapport check: is the database whole, and rapport's alone? */
#include <stdio.h>

#include "cli.h"
#include "rapport/i18n.h"

/* Print one problem on stdout, neutralised: it may quote the file. */
static void
print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	cli_print_text(problem);
	putchar('\n');
}

int
cmd_check(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	int problems = 0;

	(void)argv;
	if (argc != 1)
		return cli_usage("%s", _("check takes no arguments"));
	if (store_check(c->db_path, print_problem, NULL, &problems, &err) != RP_OK)
		return cli_fail(&err);
	if (problems > 0) {
		/* The problems are on stdout, one a line; their count on stderr,
		** where a person looks when the status is 1. */
		cli_error(P_("%d problem found", "%d problems found", problems), problems);
		return EXIT_FAIL;
	}
	puts(_("ok"));
	return EXIT_OK;
}
