/* client.c: adding, finding and listing clients. */
#include "rapport/client.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/text.h"

#define CLIENT_COLUMNS                                                          \
	"c.id, c.name, coalesce(c.org, ''), c.cadence_min, c.cadence_max,"     \
	" c.created_at, coalesce(c.archived_at, 0),"                            \
	" max(coalesce((SELECT max(m.started_at) FROM meetings m"               \
	"               WHERE m.client_id = c.id AND m.state IN ('live', 'ended')), 0)," \
	"     coalesce((SELECT max(t.at) FROM touchpoints t"                    \
	"               WHERE t.client_id = c.id), 0)),"                          \
	" c.lang"

/* Fill *c from a row selected with CLIENT_COLUMNS.  Whatever another tool
** stored, the cadence read is one client_parse_cadence would accept. */
static void
read_row(sqlite3_stmt *stmt, client *c)
{
	c->id = db_col_id(stmt, 0);
	db_col_copy(stmt, 1, c->name, sizeof c->name);
	db_col_copy(stmt, 2, c->org, sizeof c->org);
	c->cadence_min = (int)db_col_int(stmt, 3, 0, CLIENT_CADENCE_LIMIT, CLIENT_CADENCE_MIN);
	c->cadence_max = (int)db_col_int(stmt, 4, c->cadence_min > 0 ? c->cadence_min : 1,
					 CLIENT_CADENCE_LIMIT,
					 c->cadence_min > CLIENT_CADENCE_MAX ? c->cadence_min
									     : CLIENT_CADENCE_MAX);
	c->created_at = db_col_time(stmt, 5);
	c->archived_at = db_col_time(stmt, 6);
	c->last_contact = db_col_time(stmt, 7);
	c->lang_own = lang_parse((const char *)sqlite3_column_text(stmt, 8), &c->lang);
	if (!c->lang_own)
		c->lang = lang_user();
}

enum rp_status
client_check_name(const char *name, const char *what, rp_error *err)
{
	return field_check(name, what, CLIENT_NAME_MAX, err);
}

enum rp_status
client_parse_cadence(const char *text, int *min, int *max, rp_error *err)
{
	long a, b;
	char *end;

	/* strtol alone would take blanks and signs; the syntax is digits. */
	if (text[0] < '0' || text[0] > '9')
		goto bad;
	a = strtol(text, &end, 10);
	if (*end != '-' || end[1] < '0' || end[1] > '9')
		goto bad;
	b = strtol(end + 1, &end, 10);
	if (*end != '\0')
		goto bad;
	if (a > CLIENT_CADENCE_LIMIT || b > CLIENT_CADENCE_LIMIT)
		return rp_fail(err, RP_EINVAL, _("cadence %.40s: at most %d days"), text,
			       CLIENT_CADENCE_LIMIT);
	if (a > b)
		return rp_fail(err, RP_EINVAL,
			       _("cadence %.40s: the minimum is more than the maximum"), text);
	if (b == 0)
		return rp_fail(err, RP_EINVAL,
			       _("cadence %.40s: the maximum must be at least 1 day"),
			       text);
	*min = (int)a;
	*max = (int)b;
	return RP_OK;
bad:
	return rp_fail(err, RP_EINVAL, _("cadence must be MIN-MAX days, like 5-14"));
}

enum rp_status
client_add(store *st, const rp_clock *clock, const char *name, const char *org, int cadence_min,
	   int cadence_max, int64_t *id, rp_error *err)
{
	return client_add_in(st, clock, name, org, cadence_min, cadence_max, lang_user(), id, err);
}

enum rp_status
client_add_in(store *st, const rp_clock *clock, const char *name, const char *org,
	      int cadence_min, int cadence_max, enum rp_lang lang, int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *trimmed = NULL, *org_trimmed = NULL, *key = NULL;
	enum rp_status s;
	int rc;

	if ((s = client_check_name(name, N_("client name"), err)) != RP_OK)
		return s;
	if (org != NULL && (s = client_check_name(org, N_("organisation"), err)) != RP_OK)
		return s;
	if (cadence_min < 0 || cadence_max < cadence_min || cadence_max < 1 ||
	    cadence_max > CLIENT_CADENCE_LIMIT)
		return rp_fail(err, RP_EINVAL, _("cadence %d-%d is not possible"), cadence_min,
			       cadence_max);
	trimmed = strdup(name);
	org_trimmed = org ? strdup(org) : NULL;
	if (trimmed == NULL || (org && org_trimmed == NULL)) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	text_trim(trimmed);
	if (org_trimmed)
		text_trim(org_trimmed);
	if ((key = text_fold(trimmed)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	rc = sqlite3_prepare_v2(store_db(st),
				"INSERT INTO clients (name, name_key, org, cadence_min, cadence_max,"
				" created_at, lang) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				-1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		s = store_fail(st, err, N_("adding a client"));
		goto out;
	}
	sqlite3_bind_text(stmt, 1, trimmed, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
	if (org_trimmed)
		sqlite3_bind_text(stmt, 3, org_trimmed, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, cadence_min);
	sqlite3_bind_int(stmt, 5, cadence_max);
	sqlite3_bind_int64(stmt, 6, rp_clock_now(clock));
	sqlite3_bind_text(stmt, 7, lang_code(lang), -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		client other;

		sqlite3_finalize(stmt);
		stmt = NULL;
		/* The same name archived is most likely the same client, back:
		** client_name_taken says so, so its history is restored rather
		** than lost from view. */
		s = client_name_taken(st, trimmed, 0, &other, err);
		if (s != RP_EEXIST || !other.archived_at)
			s = rp_fail(err, RP_EEXIST,
				    _("a client named \"%s\" already exists"), trimmed);
		goto out;
	}
	if (rc != SQLITE_DONE) {
		s = store_fail(st, err, N_("adding a client"));
		goto out;
	}
	if (id)
		*id = sqlite3_last_insert_rowid(store_db(st));
	s = RP_OK;
out:
	sqlite3_finalize(stmt);
	free(trimmed);
	free(org_trimmed);
	free(key);
	return s;
}

enum rp_status
client_get(store *st, int64_t id, client *out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	rc = sqlite3_prepare_v2(store_db(st),
				"SELECT " CLIENT_COLUMNS " FROM clients c WHERE c.id = ?1", -1,
				&stmt, NULL);
	if (rc != SQLITE_OK) {
		s = store_fail(st, err, N_("reading a client"));
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		read_row(stmt, out);
		s = RP_OK;
	} else if (rc == SQLITE_DONE) {
		s = rp_fail(err, RP_ENOTFOUND, _("no client %lld"), (long long)id);
	} else {
		s = store_fail(st, err, N_("reading a client"));
	}
out:
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
client_name_taken(store *st, const char *name, int64_t except_id, client *out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *trimmed = strdup(name ? name : ""), *key = NULL;
	enum rp_status s = RP_OK;
	int rc;

	if (trimmed == NULL)
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	text_trim(trimmed);
	if ((key = text_fold(trimmed)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((s = db_prepare(st, "SELECT " CLIENT_COLUMNS " FROM clients c WHERE c.name_key = ?1"
			    " AND c.id <> ?2", &stmt, N_("reading a client"), err)) != RP_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, except_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		read_row(stmt, out);
		s = out->archived_at
			    ? rp_fail(err, RP_EEXIST,
				      _("%s is archived: restore it rather than add it again"),
				      out->name)
			    : rp_fail(err, RP_EEXIST,
				      _("a client named \"%s\" already exists"), out->name);
	} else if (rc != SQLITE_DONE) {
		s = store_fail(st, err, N_("reading a client"));
	}
out:
	sqlite3_finalize(stmt);
	free(trimmed);
	free(key);
	return s;
}

/* The active clients, or the archived ones, by name (see client_list);
** with whole false, only their ids and names: what finding one by name
** reads, not the last contact of each. */
static enum rp_status
list_clients(store *st, bool archived, bool whole, client **out, size_t *n, rp_error *err)
{
	static const char *const sql[2][2] = {
		{"SELECT c.id, c.name FROM clients c"
		 " WHERE c.archived_at IS NULL ORDER BY c.name_key, c.id",
		 "SELECT c.id, c.name FROM clients c"
		 " WHERE c.archived_at IS NOT NULL ORDER BY c.name_key, c.id"},
		{"SELECT " CLIENT_COLUMNS " FROM clients c"
		 " WHERE c.archived_at IS NULL ORDER BY c.name_key, c.id",
		 "SELECT " CLIENT_COLUMNS " FROM clients c"
		 " WHERE c.archived_at IS NOT NULL ORDER BY c.name_key, c.id"},
	};
	sqlite3_stmt *stmt = NULL;
	client *v = NULL, *grown;
	size_t len = 0, cap = 0;
	enum rp_status s = RP_OK;
	int rc;

	rc = sqlite3_prepare_v2(store_db(st), sql[whole][archived], -1, &stmt, NULL);
	if (rc != SQLITE_OK) {
		s = store_fail(st, err, N_("listing clients"));
		goto out;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(v, cap * sizeof *v);
			if (grown == NULL) {
				s = rp_fail(err, RP_ENOMEM, _("out of memory"));
				goto out;
			}
			v = grown;
		}
		if (whole) {
			read_row(stmt, &v[len++]);
		} else {
			memset(&v[len], 0, sizeof v[len]);
			v[len].id = db_col_id(stmt, 0);
			db_col_copy(stmt, 1, v[len].name, sizeof v[len].name);
			len++;
		}
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("listing clients"));
out:
	sqlite3_finalize(stmt);
	if (s != RP_OK) {
		free(v);
		v = NULL;
		len = 0;
	}
	*out = v;
	*n = len;
	return s;
}

enum rp_status
client_list(store *st, client **out, size_t *n, rp_error *err)
{
	return list_clients(st, false, true, out, n, err);
}

enum rp_status
client_list_archived(store *st, client **out, size_t *n, rp_error *err)
{
	return list_clients(st, true, true, out, n, err);
}

/* Append ", name" (or "name") to the candidate list in buf. */
static void
list_candidate(char *buf, size_t size, int count, const char *name)
{
	size_t used = strlen(buf), need = strlen(name) + 4;

	/* Room is kept for a final ", …" when the list must stop. */
	if (strstr(buf, ", …") != NULL)
		return;
	if (used + need + 6 >= size) {
		snprintf(buf + used, size - used, ", …");
		return;
	}
	snprintf(buf + used, size - used, "%s\"%s\"", count ? ", " : "", name);
}

/* Find query among the active clients, or the archived ones. */
static enum rp_status
find_client(store *st, bool archived, const char *query, client *out, rp_error *err)
{
	client *all = NULL;
	size_t n = 0;
	char *q = NULL, *key = NULL;
	char names[600] = "";
	int exact = -1, prefixed = 0, first = -1;
	enum rp_status s;

	if ((s = field_check(query, N_("client name"), CLIENT_NAME_MAX, err)) != RP_OK)
		return s;
	if ((q = strdup(query)) == NULL)
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	text_trim(q);
	if ((key = text_fold(q)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((s = list_clients(st, archived, false, &all, &n, err)) != RP_OK)
		goto out;
	for (size_t i = 0; i < n; i++) {
		char *name_key = text_fold(all[i].name);

		if (name_key == NULL) {
			s = rp_fail(err, RP_ENOMEM, _("out of memory"));
			goto out;
		}
		if (strcmp(name_key, key) == 0)
			exact = (int)i;
		if (strncmp(name_key, key, strlen(key)) == 0) {
			if (first < 0)
				first = (int)i;
			list_candidate(names, sizeof names, prefixed, all[i].name);
			prefixed++;
		}
		free(name_key);
	}
	if (exact >= 0 || prefixed == 1) {
		/* Only the one found is read whole. */
		s = client_get(st, all[exact >= 0 ? exact : first].id, out, err);
	} else if (prefixed == 0) {
		names[0] = '\0';
		for (size_t i = 0; i < n && i < 8; i++)
			list_candidate(names, sizeof names, (int)i, all[i].name);
		if (n == 0 && archived)
			s = rp_fail(err, RP_ENOTFOUND,
				    _("no archived client matches \"%s\" (none is archived)"), q);
		else if (n == 0)
			s = rp_fail(err, RP_ENOTFOUND,
				    _("no client matches \"%s\" (there are no clients yet)"), q);
		else if (archived)
			s = rp_fail(err, RP_ENOTFOUND,
				    _("no archived client matches \"%s\"; archived: %s%s"), q, names,
				    n > 8 ? ", …" : "");
		else
			s = rp_fail(err, RP_ENOTFOUND, _("no client matches \"%s\"; clients: %s%s"),
				    q, names, n > 8 ? ", …" : "");
	} else {
		s = rp_fail(err, RP_EAMBIGUOUS, _("\"%s\" matches %d clients: %s"), q, prefixed,
			    names);
	}
out:
	free(all);
	free(q);
	free(key);
	return s;
}

enum rp_status
client_find(store *st, const char *query, client *out, rp_error *err)
{
	return find_client(st, false, query, out, err);
}

enum rp_status
client_find_archived(store *st, const char *query, client *out, rp_error *err)
{
	return find_client(st, true, query, out, err);
}

enum rp_status
client_update(store *st, int64_t id, const char *name, const char *org, int cadence_min,
	      int cadence_max, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	char *trimmed = NULL, *org_trimmed = NULL, *key = NULL;
	enum rp_status s;
	int rc;

	if (org && *org == '\0')
		org = NULL;
	if ((s = client_check_name(name, N_("client name"), err)) != RP_OK)
		return s;
	if (org != NULL && (s = client_check_name(org, N_("organisation"), err)) != RP_OK)
		return s;
	if (cadence_min < 0 || cadence_max < cadence_min || cadence_max < 1 ||
	    cadence_max > CLIENT_CADENCE_LIMIT)
		return rp_fail(err, RP_EINVAL, _("cadence %d-%d is not possible"), cadence_min,
			       cadence_max);
	trimmed = strdup(name);
	org_trimmed = org ? strdup(org) : NULL;
	if (trimmed == NULL || (org && org_trimmed == NULL) ||
	    (text_trim(trimmed), (key = text_fold(trimmed)) == NULL)) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	if (org_trimmed)
		text_trim(org_trimmed);
	s = db_prepare(st,
		       "UPDATE clients SET name = ?2, name_key = ?3, org = ?4, cadence_min = ?5,"
		       " cadence_max = ?6 WHERE id = ?1",
		       &stmt, N_("changing a client"), err);
	if (s != RP_OK)
		goto out;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, trimmed, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
	db_bind_text_or_null(stmt, 4, org_trimmed);
	sqlite3_bind_int(stmt, 5, cadence_min);
	sqlite3_bind_int(stmt, 6, cadence_max);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		s = rp_fail(err, RP_EEXIST, _("a client named \"%s\" already exists"), trimmed);
	else if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("changing a client"));
	else if (sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no client %lld"), (long long)id);
out:
	sqlite3_finalize(stmt);
	free(trimmed);
	free(org_trimmed);
	free(key);
	return s;
}

enum rp_status
client_archive(store *st, const rp_clock *clock, int64_t id, rp_error *err)
{
	enum rp_status s = db_exec_ints(st, "UPDATE clients SET archived_at = ?2 WHERE id = ?1",
					id, rp_clock_now(clock), N_("archiving a client"), err);

	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no client %lld"), (long long)id);
	return s;
}

enum rp_status
client_set_lang(store *st, int64_t id, enum rp_lang lang, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s = RP_OK;

	if (sqlite3_prepare_v2(store_db(st), "UPDATE clients SET lang = ?2 WHERE id = ?1", -1, &stmt,
			       NULL) != SQLITE_OK)
		return store_fail(st, err, N_("changing a client's language"));
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, lang_code(lang), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		s = store_fail(st, err, N_("changing a client's language"));
	else if (sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no client %lld"), (long long)id);
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
client_restore(store *st, int64_t id, rp_error *err)
{
	enum rp_status s = db_exec_ints(st,
					"UPDATE clients SET archived_at = NULL"
					" WHERE id = ?1 AND archived_at IS NOT NULL",
					id, 0, N_("restoring a client"), err);
	client c;

	if (s != RP_OK || sqlite3_changes(store_db(st)) > 0)
		return s;
	if ((s = client_get(st, id, &c, err)) != RP_OK)
		return s;
	return rp_fail(err, RP_EINVAL, _("%s is not archived"), c.name);
}

static int
by_urgency(const void *a, const void *b)
{
	const client_status *x = a, *y = b;
	int d = cadence_compare(x->where, y->where);

	return d ? d : strcmp(x->c.name, y->c.name);
}

enum rp_status
client_ranking(store *st, rp_date today, client_status **out, size_t *n, rp_error *err)
{
	client *all = NULL;
	client_status *v = NULL;
	size_t count = 0;
	enum rp_status s;

	*out = NULL;
	*n = 0;
	if ((s = client_list(st, &all, &count, err)) != RP_OK)
		return s;
	if (count && (v = calloc(count, sizeof *v)) == NULL) {
		free(all);
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	}
	for (size_t i = 0; i < count; i++) {
		v[i].c = all[i];
		v[i].where = cadence_compute(all[i].last_contact != 0, date_local(all[i].last_contact),
					     today, all[i].cadence_min, all[i].cadence_max);
	}
	free(all);
	if (count > 1)  /* qsort(NULL, 0) is undefined: no clients, no array */
		qsort(v, count, sizeof *v, by_urgency);
	*out = v;
	*n = count;
	return RP_OK;
}
