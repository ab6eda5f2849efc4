/* test_client.c: adding, validating, finding and listing clients. */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "rapport/client.h"
#include "rapport/meeting.h"
#include "rapport/record.h"
#include "tap.h"

static void
adds_and_reads_back(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t id = 0;
	client c;

	fixture_now = 1795687200;
	CHECK(client_add(st, &fixture_clock, "  Zoë Lefèvre SARL ", "Lefèvre & fils", 3, 21, &id,
			 &err) == RP_OK);
	CHECK_INT(id, 1);
	CHECK(client_get(st, id, &c, &err) == RP_OK);
	CHECK_STR(c.name, "Zoë Lefèvre SARL");
	CHECK_STR(c.org, "Lefèvre & fils");
	CHECK_INT(c.cadence_min, 3);
	CHECK_INT(c.cadence_max, 21);
	CHECK_INT(c.created_at, 1795687200);
	CHECK_INT(c.last_contact, 0);
	CHECK(client_get(st, 99, &c, &err) == RP_ENOTFOUND);
	store_close(st);
}

static void
names_are_unique_whatever_the_case_and_accents(void)
{
	store *st = fixture_store();
	rp_error err = {0};

	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, NULL, &err) == RP_OK);
	CHECK(client_add(st, &fixture_clock, "ZOE LEFEVRE", NULL, 5, 14, NULL, &err) == RP_EEXIST);
	CHECK(strstr(err.msg, "already exists") != NULL);
	store_close(st);
}

static void
rejects_bad_names(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	char *long_name = malloc(CLIENT_NAME_MAX + 2);
	client *all;
	size_t n;

	CHECK(client_add(st, &fixture_clock, "", NULL, 5, 14, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "client name is empty");
	CHECK(client_add(st, &fixture_clock, "   ", NULL, 5, 14, NULL, &err) == RP_EINVAL);
	CHECK(client_add(st, &fixture_clock, "bad\xff", NULL, 5, 14, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "client name is not valid UTF-8");
	CHECK(client_add(st, &fixture_clock, "esc\x1b[31m", NULL, 5, 14, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "client name contains control characters");
	memset(long_name, 'a', CLIENT_NAME_MAX + 1);
	long_name[CLIENT_NAME_MAX + 1] = '\0';
	CHECK(client_add(st, &fixture_clock, long_name, NULL, 5, 14, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "client name is too long (201 characters, at most 200)");
	long_name[CLIENT_NAME_MAX] = '\0';  /* exactly the limit is fine */
	CHECK(client_add(st, &fixture_clock, long_name, NULL, 5, 14, NULL, &err) == RP_OK);
	CHECK(client_add(st, &fixture_clock, "Acme", "", 5, 14, NULL, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "organisation is empty");
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 9, 3, NULL, &err) == RP_EINVAL);
	CHECK(client_list(st, &all, &n, &err) == RP_OK);
	CHECK_INT(n, 1);
	free(all);
	free(long_name);
	store_close(st);
}

static void
wide_names_count_characters_not_bytes(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	/* 200 CJK characters: 600 bytes, within the limit. */
	char name[CLIENT_NAME_MAX * 3 + 1];

	for (int i = 0; i < CLIENT_NAME_MAX; i++)
		memcpy(name + i * 3, "\xe5\x90\x8d", 3);  /* 名 */
	name[CLIENT_NAME_MAX * 3] = '\0';
	CHECK(client_add(st, &fixture_clock, name, NULL, 5, 14, NULL, &err) == RP_OK);
	store_close(st);
}

static void
parses_cadence(void)
{
	rp_error err = {0};
	int a = -1, b = -1;

	CHECK(client_parse_cadence("5-14", &a, &b, &err) == RP_OK);
	CHECK_INT(a, 5);
	CHECK_INT(b, 14);
	CHECK(client_parse_cadence("0-1", &a, &b, &err) == RP_OK);
	CHECK_INT(a, 0);
	CHECK_INT(b, 1);
	CHECK(client_parse_cadence("7-7", &a, &b, &err) == RP_OK);
	CHECK(client_parse_cadence("14-5", &a, &b, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "cadence 14-5: the minimum is more than the maximum");
	CHECK(client_parse_cadence("5", &a, &b, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "cadence must be MIN-MAX days, like 5-14");
	CHECK(client_parse_cadence("-5-14", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence("5--14", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence("5-14d", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence(" 5-14", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence("0-0", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence("5-400", &a, &b, &err) == RP_EINVAL);
	CHECK(client_parse_cadence("5-99999999999999999999", &a, &b, &err) == RP_EINVAL);
}

static void
finds_by_folded_prefix(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	client c;

	client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, NULL, &err);
	client_add(st, &fixture_clock, "Acme", NULL, 5, 14, NULL, &err);
	client_add(st, &fixture_clock, "Acme Logistics", NULL, 5, 14, NULL, &err);
	client_add(st, &fixture_clock, "Ångström AB", NULL, 5, 14, NULL, &err);

	CHECK(client_find(st, "zoe", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Zoë Lefèvre SARL");
	CHECK(client_find(st, "ZOË LEF", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Zoë Lefèvre SARL");
	CHECK(client_find(st, "angstrom", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Ångström AB");
	/* A whole name wins over the longer names it starts. */
	CHECK(client_find(st, "acme", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Acme");
	CHECK(client_find(st, "acme l", &c, &err) == RP_OK);
	CHECK_STR(c.name, "Acme Logistics");
	CHECK(client_find(st, "ac", &c, &err) == RP_EAMBIGUOUS);
	CHECK_STR(err.msg, "\"ac\" matches 2 clients: \"Acme\", \"Acme Logistics\"");
	CHECK(client_find(st, "bob", &c, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no client matches \"bob\"; clients: \"Acme\", \"Acme Logistics\","
			   " \"Ångström AB\", \"Zoë Lefèvre SARL\"");
	CHECK(client_find(st, "  ", &c, &err) == RP_EINVAL);
	CHECK(client_find(st, "\xc3", &c, &err) == RP_EINVAL);
	store_close(st);
}

static void
lists_by_name_with_last_contact(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t zoe, acme, meeting;
	client *all = NULL;
	size_t n = 0;
	meeting_plan_args plan = {0};

	fixture_now = 1000000;
	client_add(st, &fixture_clock, "Zoë", NULL, 5, 14, &zoe, &err);
	client_add(st, &fixture_clock, "acme", NULL, 5, 14, &acme, &err);
	client_add(st, &fixture_clock, "Bob", NULL, 5, 14, NULL, &err);
	fixture_now = 2000000;
	CHECK(record_touch(st, &fixture_clock, zoe, TOUCH_EMAIL, "emailed the plan", NULL, &err) == RP_OK);
	/* A planned meeting is not a contact; a started one is. */
	plan.client_id = acme;
	CHECK(meeting_plan(st, &fixture_clock, &plan, &meeting, &err) == RP_OK);
	fixture_now = 3000000;
	CHECK(meeting_plan(st, &fixture_clock, &plan, NULL, &err) == RP_OK);
	CHECK(meeting_start(st, &fixture_clock, meeting, &err) == RP_OK);

	CHECK(client_list(st, &all, &n, &err) == RP_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(all[0].name, "acme");
		CHECK_INT(all[0].last_contact, 3000000);
		CHECK_STR(all[1].name, "Bob");
		CHECK_INT(all[1].last_contact, 0);
		CHECK_STR(all[2].name, "Zoë");
		CHECK_INT(all[2].last_contact, 2000000);
	}
	free(all);
	store_close(st);
}

/* Archiving is reversible: listed, found, restored with its history. */
static void
archived_clients_are_listed_and_restored(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	int64_t acme, zoe, id;
	client *v = NULL, c;
	size_t n = 9;

	fixture_now = 1795687200;
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err) == RP_OK);
	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre", NULL, 5, 14, &zoe, &err) == RP_OK);
	CHECK(client_list_archived(st, &v, &n, &err) == RP_OK);
	CHECK(n == 0 && v == NULL);
	CHECK(client_find_archived(st, "acme", &c, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no archived client matches \"acme\" (none is archived)");

	fixture_now += 3600;
	CHECK(client_archive(st, &fixture_clock, zoe, &err) == RP_OK);
	CHECK(client_list_archived(st, &v, &n, &err) == RP_OK);
	CHECK(n == 1);
	if (n == 1) {
		CHECK_STR(v[0].name, "Zoë Lefèvre");
		CHECK_INT(v[0].archived_at, 1795687200 + 3600);
	}
	free(v);
	CHECK(client_list(st, &v, &n, &err) == RP_OK);
	CHECK(n == 1 && strcmp(v[0].name, "Acme") == 0);
	free(v);

	/* Found among the archived only, case and accents aside. */
	CHECK(client_find(st, "zoe", &c, &err) == RP_ENOTFOUND);
	CHECK(client_find_archived(st, "ZOE", &c, &err) == RP_OK);
	CHECK_INT(c.id, zoe);
	CHECK(client_find_archived(st, "acme", &c, &err) == RP_ENOTFOUND);
	CHECK_STR(err.msg, "no archived client matches \"acme\"; archived: \"Zoë Lefèvre\"");

	/* Adding the name again says it is archived, and adds nothing. */
	CHECK(client_add(st, &fixture_clock, "zoe lefevre", NULL, 5, 14, &id, &err) == RP_EEXIST);
	CHECK_STR(err.msg, "Zoë Lefèvre is archived: restore it rather than add it again");
	CHECK(client_add(st, &fixture_clock, "ACME", NULL, 5, 14, &id, &err) == RP_EEXIST);
	CHECK_STR(err.msg, "a client named \"ACME\" already exists");

	CHECK(client_restore(st, zoe, &err) == RP_OK);
	CHECK(client_get(st, zoe, &c, &err) == RP_OK);
	CHECK_INT(c.archived_at, 0);
	CHECK(client_find(st, "zoe", &c, &err) == RP_OK);
	CHECK(client_list_archived(st, &v, &n, &err) == RP_OK);
	CHECK(n == 0);
	free(v);
	CHECK(client_restore(st, zoe, &err) == RP_EINVAL);
	CHECK_STR(err.msg, "Zoë Lefèvre is not archived");
	CHECK(client_restore(st, 99, &err) == RP_ENOTFOUND);
	store_close(st);
}

/* A name is taken when it folds to another client's, active or archived;
** a client's own name is not taken from itself. */
static void
a_name_is_taken_or_free(void)
{
	store *st = fixture_store();
	rp_error err = {0};
	client other;
	int64_t zoe = 0, acme = 0;

	CHECK(client_add(st, &fixture_clock, "Zoë Lefèvre SARL", NULL, 5, 14, &zoe, &err) == RP_OK);
	CHECK(client_add(st, &fixture_clock, "Acme", NULL, 5, 14, &acme, &err) == RP_OK);
	CHECK(client_name_taken(st, "Bob", 0, &other, &err) == RP_OK);
	CHECK(client_name_taken(st, " zoe lefevre sarl ", 0, &other, &err) == RP_EEXIST);
	CHECK_INT(other.id, zoe);
	CHECK_STR(err.msg, "a client named \"Zoë Lefèvre SARL\" already exists");
	CHECK(client_name_taken(st, "ZOË LEFÈVRE SARL", zoe, &other, &err) == RP_OK);
	CHECK(client_archive(st, &fixture_clock, acme, &err) == RP_OK);
	CHECK(client_name_taken(st, "acme", 0, &other, &err) == RP_EEXIST);
	CHECK(other.archived_at != 0);
	CHECK_STR(err.msg, "Acme is archived: restore it rather than add it again");
	store_close(st);
}

int
main(void)
{
	RUN(adds_and_reads_back);
	RUN(names_are_unique_whatever_the_case_and_accents);
	RUN(rejects_bad_names);
	RUN(wide_names_count_characters_not_bytes);
	RUN(parses_cadence);
	RUN(finds_by_folded_prefix);
	RUN(lists_by_name_with_last_contact);
	RUN(archived_clients_are_listed_and_restored);
	RUN(a_name_is_taken_or_free);
	return tap_done();
}
