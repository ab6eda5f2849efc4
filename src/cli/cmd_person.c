/* cmd_person.c: person add / edit / remove, and people: who is who at a
** client. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "rapport/client.h"
#include "rapport/followup.h"
#include "rapport/i18n.h"
#include "rapport/json.h"
#include "rapport/person.h"
#include "rapport/text.h"

/* The options of add and edit; NULL for those not given. */
static bool
read_fields(int argc, char **argv, bool edit, person_fields *f)
{
	static const struct option longopts[] = {
		{"name", required_argument, NULL, 'n'},
		{"role", required_argument, NULL, 'r'},
		{"email", required_argument, NULL, 'e'},
		{"phone", required_argument, NULL, 'p'},
		{0, 0, 0, 0},
	};
	int ch, bad = 0;

	optind = 1;
	while ((ch = cli_next_option(argc, argv, ":", longopts + (edit ? 0 : 1), &bad)) != -1) {
		if (ch == 'n')
			f->name = optarg;
		else if (ch == 'r')
			f->role = optarg;
		else if (ch == 'e')
			f->email = optarg;
		else if (ch == 'p')
			f->phone = optarg;
	}
	return !bad;
}


static int
person_add_cmd(cli *c, int argc, char **argv)
{
	person_fields f = {0};
	rp_error err = {0};
	client cl;
	store *st;

	if (!read_fields(argc, argv, false, &f))
		return EXIT_USAGE;
	if (optind + 2 != argc)
		return cli_usage(_("person add takes CLIENT and NAME (quote a name with blanks)"));
	f.name = argv[optind + 1];
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (person_add(st, &c->clock, cl.id, &f, NULL, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	/* TRANSLATORS: the person, then the client: "Zoë Lefèvre (Acme)". */
	cli_say(_("added %s (%s)"), f.name, cl.name);
	store_close(st);
	return EXIT_OK;
}

static int
person_edit_cmd(cli *c, int argc, char **argv)
{
	person_fields f = {0};
	rp_error err = {0};
	person who;
	client cl;
	store *st;

	if (!read_fields(argc, argv, true, &f))
		return EXIT_USAGE;
	if (optind + 2 != argc)
		return cli_usage(_("person edit takes CLIENT and NAME, then what to change"));
	if (!f.name && !f.role && !f.email && !f.phone)
		return cli_usage(
			_("person edit: nothing to change (--name, --role, --email, --phone)"));
	if ((st = cli_open_client(c, argv[optind], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (person_find(st, cl.id, argv[optind + 1], &who, &err) != RP_OK ||
	    person_edit(st, who.id, &f, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	cli_say(_("changed %s (%s)"), f.name ? f.name : who.name, cl.name);
	store_close(st);
	return EXIT_OK;
}

static int
person_remove_cmd(cli *c, int argc, char **argv)
{
	rp_error err = {0};
	person who;
	client cl;
	store *st;

	if (argc != 3)
		return cli_usage(_("person remove takes CLIENT and NAME"));
	if ((st = cli_open_client(c, argv[1], STORE_WRITE, &cl)) == NULL)
		return EXIT_FAIL;
	if (person_find(st, cl.id, argv[2], &who, &err) != RP_OK ||
	    person_remove(st, who.id, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	cli_say(_("removed %s (%s)"), who.name, cl.name);
	store_close(st);
	return EXIT_OK;
}

int
cmd_person(cli *c, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return person_add_cmd(c, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "edit") == 0)
		return person_edit_cmd(c, argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "remove") == 0)
		return person_remove_cmd(c, argc - 1, argv + 1);
	if (argc < 2)
		return cli_usage(_("person takes add, edit or remove"));
	return cli_usage(_("unknown subcommand 'person %s'"), argv[1]);
}

enum { P_NAME, P_ROLE, P_EMAIL, P_PHONE, P_NCOLS };

/* Print the people: tab-separated for scripts, aligned by display width
** under a heading on a terminal.  Cells are sanitized first. */
static bool
print_people(const person *list, size_t n, bool aligned)
{
	/* TRANSLATORS: the headings of rapport people on a terminal. */
	static const char *const heading[P_NCOLS] = {N_("NAME"), N_("ROLE"), N_("EMAIL"),
						     N_("PHONE")};
	char **cells = calloc(n * P_NCOLS + 1, sizeof *cells);
	bool ok = cells != NULL;

	for (size_t i = 0; ok && i < n; i++) {
		const char *raw[P_NCOLS] = {list[i].name, list[i].role, list[i].email,
					    list[i].phone};

		for (int k = 0; ok && k < P_NCOLS; k++)
			ok = (cells[i * P_NCOLS + k] = text_sanitize(raw[k], " ")) != NULL;
	}
	if (ok)
		cli_print_table(cells, n, P_NCOLS, aligned, heading);
	for (size_t i = 0; cells && i < n * P_NCOLS; i++)
		free(cells[i]);
	free(cells);
	return ok;
}

/* people CLIENT --json: who is who, each with the open follow-ups they
** own (who at this client owns what), as rapport(1) documents it. */
static int
people_json(cli *c, store *st, const person *list, size_t n)
{
	char today[16];
	followup_filter filter = {0};
	followup_list *l = NULL;
	rp_error err = {0};
	json_writer w;

	date_format(cli_today(c), today);
	filter.client_id = list ? list[0].client_id : 0;
	filter.today = today;
	if (n && followup_list_load(st, &filter, &l, &err) != RP_OK)
		return cli_fail(&err);
	json_begin(&w, stdout);
	json_array(&w);
	for (size_t i = 0; i < n; i++) {
		json_object(&w);
		json_key_int(&w, "id", list[i].id);
		json_key_string(&w, "name", list[i].name);
		json_key_string(&w, "role", list[i].role[0] ? list[i].role : NULL);
		json_key_string(&w, "email", list[i].email[0] ? list[i].email : NULL);
		json_key_string(&w, "phone", list[i].phone[0] ? list[i].phone : NULL);
		json_key(&w, "followups");
		json_array(&w);
		for (size_t k = 0; l && k < l->n; k++) {
			if (l->items[k].person_id != list[i].id)
				continue;
			json_object(&w);
			json_key_int(&w, "id", l->items[k].id);
			json_key_string(&w, "text", l->items[k].text);
			json_key(&w, "due");
			json_date(&w, l->items[k].due);
			json_key(&w, "overdue");
			json_bool(&w, l->items[k].overdue);
			json_end(&w);
		}
		json_end(&w);
		json_end(&w);
	}
	json_end(&w);
	followup_list_free(l);
	return EXIT_OK;
}

int
cmd_people(cli *c, int argc, char **argv)
{
	person *list = NULL;
	rp_error err = {0};
	size_t n = 0;
	client cl;
	store *st;
	int rc = EXIT_OK;
	bool json = argc == 3 && strcmp(argv[2], "--json") == 0;

	if (argc != 2 && !json)
		return cli_usage(_("people takes CLIENT [--json]"));
	if ((st = cli_open_client(c, argv[1], STORE_READ, &cl)) == NULL)
		return EXIT_FAIL;
	if (person_list(st, cl.id, &list, &n, &err) != RP_OK) {
		store_close(st);
		return cli_fail(&err);
	}
	if (json) {
		rc = people_json(c, st, list, n);
	} else if (n == 0 && isatty(STDOUT_FILENO)) {
		cli_say(_("no people at %s yet: rapport person add CLIENT NAME adds one"), cl.name);
	} else if (!print_people(list, n, isatty(STDOUT_FILENO))) {
		cli_error(_("out of memory"));
		rc = EXIT_FAIL;
	}
	free(list);
	store_close(st);
	return rc;
}
