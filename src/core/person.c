/* person.c: the people within a client; who an @owner or a fact names. */
#include "rapport/person.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "rapport/i18n.h"
#include "rapport/text.h"

#define WORDS_MAX 16        /* words of a name looked at */
#define LEAD_WORDS_MAX 4    /* "Zoë Lefèvre:" leads a fact; a sentence does not */
#define LEAD_BYTES_MAX 60

enum rank { RANK_NONE, RANK_PREFIX, RANK_FIRST, RANK_WHOLE };

/* A name folded, its separators blanked and split into words. */
struct words {
	char *buf;                  /* owned */
	const char *w[WORDS_MAX];
	size_t n;
	size_t letters;             /* bytes in the words */
};

/* Fold s, read '.', '_', '-' and blanks as separators, split.  False when
** out of memory. */
static bool
words_split(const char *s, struct words *out)
{
	char *p;

	memset(out, 0, sizeof *out);
	while (*s == '@')
		s++;
	if ((out->buf = text_fold(s)) == NULL)
		return false;
	for (p = out->buf; *p; p++)
		if (*p == '.' || *p == '_' || *p == '-' || *p == '\t')
			*p = ' ';
	for (p = strtok(out->buf, " "); p && out->n < WORDS_MAX; p = strtok(NULL, " ")) {
		out->w[out->n++] = p;
		out->letters += strlen(p);
	}
	return true;
}

/* The key two names that matching cannot tell apart share ("Zoë-Lefèvre",
** "zoe lefevre"): folded, '.', '_' and '-' as blanks, one blank between
** words.  malloc'd; NULL when out of memory. */
static char *
name_key_of(const char *name)
{
	char *key = text_fold(name), *r, *w;

	if (key == NULL)
		return NULL;
	for (r = w = key; *r; r++) {
		char c = *r == '.' || *r == '_' || *r == '-' || *r == '\t' ? ' ' : *r;

		if (c == ' ' && (w == key || w[-1] == ' '))
			continue;
		*w++ = c;
	}
	if (w > key && w[-1] == ' ')
		w--;
	*w = '\0';
	return key;
}

/* How well query q names the name nm. */
static enum rank
rank_of(const struct words *q, const struct words *nm)
{
	size_t i;

	if (q->n == 0 || nm->n == 0)
		return RANK_NONE;
	if (q->n == nm->n) {
		for (i = 0; i < q->n && strcmp(q->w[i], nm->w[i]) == 0; i++)
			;
		if (i == q->n)
			return RANK_WHOLE;
	}
	if (q->n == 1 && strcmp(q->w[0], nm->w[0]) == 0)
		return RANK_FIRST;
	if (q->letters < 2)
		return RANK_NONE;
	/* The query's words start the name's words, in order, from any one:
	** "zoe l" and "lef" both name "zoe lefevre". */
	for (size_t start = 0; start + q->n <= nm->n; start++) {
		for (i = 0; i < q->n; i++)
			if (strncmp(nm->w[start + i], q->w[i], strlen(q->w[i])) != 0)
				break;
		if (i == q->n)
			return RANK_PREFIX;
	}
	return RANK_NONE;
}

size_t
person_match(const char *query, const char *const *names, size_t n, size_t *hits,
	     size_t maxhits)
{
	enum rank best = RANK_NONE;
	struct words q, nm;
	size_t count = 0;

	if (query == NULL || !words_split(query, &q))
		return 0;
	for (size_t i = 0; i < n; i++) {
		enum rank r;

		if (names[i] == NULL || !words_split(names[i], &nm))
			continue;
		r = rank_of(&q, &nm);
		free(nm.buf);
		if (r == RANK_NONE || r < best)
			continue;
		if (r > best) {
			best = r;
			count = 0;
		}
		if (hits && count < maxhits)
			hits[count] = i;
		count++;
	}
	free(q.buf);
	return count;
}

/* The PM's side, whoever is called "Meredith", folded. */
const char *const person_mine_words[] = {"me", "moi", "us", "nous", "we", "i", "je", "on", NULL};

bool
person_owner_is_mine(const char *owner)
{
	char *o = owner ? text_fold(owner) : NULL;
	bool mine = false;

	for (size_t i = 0; o && person_mine_words[i]; i++)
		mine = mine || strcmp(o[0] == '@' ? o + 1 : o, person_mine_words[i]) == 0;
	free(o);
	return mine;
}

bool
person_owner_match(const char *owner, const char *const *names, size_t n, size_t *index)
{
	size_t hit;

	if (owner == NULL || *owner == '\0' || person_owner_is_mine(owner))
		return false;
	if (person_match(owner, names, n, &hit, 1) != 1)
		return false;
	*index = hit;
	return true;
}

bool
person_fact_lead(const char *text, char *out, size_t size, const char **rest)
{
	const char *colon = text ? strchr(text, ':') : NULL;
	size_t len, words = 0;
	bool in_word = false;

	if (colon == NULL)
		return false;
	while (*text == ' ')
		text++;
	len = (size_t)(colon - text);
	while (len > 0 && text[len - 1] == ' ')
		len--;
	if (len == 0 || len > LEAD_BYTES_MAX || len >= size)
		return false;
	for (size_t i = 0; i < len; i++) {
		bool blank = text[i] == ' ';

		if (!blank && !in_word)
			words++;
		in_word = !blank;
	}
	if (words > LEAD_WORDS_MAX)
		return false;
	memcpy(out, text, len);
	out[len] = '\0';
	for (colon++; *colon == ' '; colon++)
		;
	*rest = colon;
	return true;
}

/* ---- Checks ---------------------------------------------------------- */

enum rp_status
person_check_email(const char *email, rp_error *err)
{
	const char *at = strchr(email, '@'), *dot;
	enum rp_status s;

	if ((s = field_check(email, "email", PERSON_NAME_MAX, err)) != RP_OK)
		return s;
	if (strpbrk(email, " \t") != NULL || at == NULL || at == email ||
	    strchr(at + 1, '@') != NULL || (dot = strrchr(at + 1, '.')) == NULL ||
	    dot == at + 1 || dot[1] == '\0')
		return rp_fail(err, RP_EINVAL, _("email %.80s does not look like name@example.com"),
			       email);
	return RP_OK;
}

/* Check every field set in f; the name too when need_name. */
static enum rp_status
check_fields(const person_fields *f, bool need_name, rp_error *err)
{
	enum rp_status s = RP_OK;

	if (f->name || need_name)
		s = field_check(f->name ? f->name : "", "person's name", PERSON_NAME_MAX, err);
	if (s == RP_OK && f->role && *f->role)
		s = field_check(f->role, "role", PERSON_NAME_MAX, err);
	if (s == RP_OK && f->email && *f->email)
		s = person_check_email(f->email, err);
	/* '|' separates the fields where a person is edited as one line
	** (Prep's NAME | ROLE | EMAIL | PHONE): none may hold one. */
	if (s == RP_OK) {
		const char *all[] = {f->name, f->role, f->email, f->phone};

		for (size_t i = 0; s == RP_OK && i < sizeof all / sizeof all[0]; i++)
			if (all[i] && strchr(all[i], '|'))
				s = rp_fail(err, RP_EINVAL,
					    _("\"%.80s\": a person's details hold no '|'"),
					    all[i]);
	}
	if (s == RP_OK && f->phone && *f->phone) {
		s = field_check(f->phone, "phone", PERSON_NAME_MAX, err);
		if (s == RP_OK && strpbrk(f->phone, "0123456789") == NULL)
			s = rp_fail(err, RP_EINVAL, _("phone %.80s has no digits"), f->phone);
	}
	return s;
}

/* ---- Reading --------------------------------------------------------- */

#define PERSON_COLUMNS "id, client_id, name, coalesce(role, ''), coalesce(email, '')," \
		       " coalesce(phone, ''), created_at"

static void
read_row(sqlite3_stmt *stmt, person *p)
{
	p->id = db_col_id(stmt, 0);
	p->client_id = db_col_id(stmt, 1);
	db_col_copy(stmt, 2, p->name, sizeof p->name);
	db_col_copy(stmt, 3, p->role, sizeof p->role);
	db_col_copy(stmt, 4, p->email, sizeof p->email);
	db_col_copy(stmt, 5, p->phone, sizeof p->phone);
	p->created_at = db_col_time(stmt, 6);
}

enum rp_status
person_list(store *st, int64_t client_id, person **out, size_t *n, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	person *list = NULL;
	size_t count = 0, cap = 0;
	enum rp_status s;
	int rc;

	*out = NULL;
	*n = 0;
	/* The UNIQUE (client_id, name_key) index gives them in order. */
	s = db_prepare(st, "SELECT " PERSON_COLUMNS " FROM people WHERE client_id = ?1"
		       " ORDER BY name_key, id LIMIT ?2", &stmt, N_("reading people"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, client_id);
	sqlite3_bind_int(stmt, 2, PEOPLE_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			person *grown = realloc(list, ncap * sizeof *list);

			if (grown == NULL) {
				s = rp_fail(err, RP_ENOMEM, _("out of memory"));
				goto out;
			}
			list = grown;
			cap = ncap;
		}
		read_row(stmt, &list[count++]);
	}
	if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("reading people"));
out:
	sqlite3_finalize(stmt);
	if (s != RP_OK) {
		free(list);
		return s;
	}
	*out = list;
	*n = count;
	return RP_OK;
}

/* The names of list[0..n), pointing into it; NULL when out of memory. */
static const char **
names_of(const person *list, size_t n)
{
	const char **names = calloc(n + 1, sizeof *names);

	for (size_t i = 0; names && i < n; i++)
		names[i] = list[i].name;
	return names;
}

enum rp_status
person_find(store *st, int64_t client_id, const char *query, person *out, rp_error *err)
{
	person *list = NULL;
	const char **names = NULL;
	size_t n = 0, hits[8], count;
	enum rp_status s;

	if ((s = person_list(st, client_id, &list, &n, err)) != RP_OK)
		return s;
	if ((names = names_of(list, n)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	count = person_match(query, names, n, hits, sizeof hits / sizeof hits[0]);
	if (count == 1) {
		*out = list[hits[0]];
	} else if (n == 0) {
		s = rp_fail(err, RP_ENOTFOUND, _("no person matches \"%.100s\" (this client has no"
			    " people yet)"), query);
	} else {
		/* As client_find says it: the candidates, or everyone when none. */
		size_t shown = count ? count : n, len = 0;
		char msg[sizeof err->msg / 2];

		msg[0] = '\0';
		for (size_t i = 0; i < shown && i < 8; i++) {
			snprintf(msg + len, sizeof msg - len, "%s\"%.80s\"", i ? ", " : "",
				 list[count && i < sizeof hits / sizeof hits[0] ? hits[i] : i].name);
			len = strlen(msg);
		}
		if (count == 0)
			s = rp_fail(err, RP_ENOTFOUND,
				    _("no person matches \"%.100s\"; people: %s%s"),
				    query, msg, n > 8 ? ", …" : "");
		else
			s = rp_fail(err, RP_EAMBIGUOUS,
				    _("\"%.100s\" matches %zu people: %s%s"), query,
				    count, msg, count > 8 ? ", …" : "");
	}
out:
	free(names);
	free(list);
	return s;
}

/* ---- Linking --------------------------------------------------------- */

/* The client's people and their names, for matching. */
struct roster {
	person *list;
	const char **names;
	size_t n;
};

static enum rp_status
roster_load(store *st, int64_t client_id, struct roster *r, rp_error *err)
{
	enum rp_status s;

	memset(r, 0, sizeof *r);
	if ((s = person_list(st, client_id, &r->list, &r->n, err)) != RP_OK)
		return s;
	if ((r->names = names_of(r->list, r->n)) == NULL) {
		free(r->list);
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	}
	return RP_OK;
}

static void
roster_done(struct roster *r)
{
	free(r->list);
	free(r->names);
}

/* The person of r an owner names, 0 when none. */
static int64_t
owner_person(const struct roster *r, const char *owner)
{
	size_t i;

	return person_owner_match(owner, r->names, r->n, &i) ? r->list[i].id : 0;
}

/* The person of r a fact's lead names, 0 when none. */
static int64_t
fact_person(const struct roster *r, const char *text)
{
	char lead[LEAD_BYTES_MAX + 1];
	const char *rest;
	size_t i;

	if (!person_fact_lead(text, lead, sizeof lead, &rest) ||
	    person_match(lead, r->names, r->n, &i, 1) != 1)
		return 0;
	return r->list[i].id;
}

/* Set table.person_id of row id (table is one of ours, never user text). */
static enum rp_status
set_person(store *st, const char *sql, int64_t id, int64_t person_id, rp_error *err)
{
	return db_exec_ints(st, sql, id, person_id, N_("linking a person"), err);
}

enum rp_status
person_link_followup(store *st, int64_t followup_id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	struct roster r;
	int64_t client_id, pid = 0;
	enum rp_status s;

	s = db_prepare(st, "SELECT client_id, owner FROM followups WHERE id = ?1", &stmt,
		       N_("linking a person"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, followup_id);
	if (sqlite3_step(stmt) != SQLITE_ROW || sqlite3_column_type(stmt, 1) != SQLITE_TEXT) {
		sqlite3_finalize(stmt);
		return RP_OK;  /* no owner: nobody to link */
	}
	client_id = db_col_id(stmt, 0);
	if ((s = roster_load(st, client_id, &r, err)) == RP_OK) {
		pid = owner_person(&r, db_col_text(stmt, 1));
		roster_done(&r);
	}
	sqlite3_finalize(stmt);
	if (s == RP_OK && pid)
		s = set_person(st, "UPDATE followups SET person_id = ?2 WHERE id = ?1", followup_id,
			       pid, err);
	return s;
}

enum rp_status
person_of_fact(store *st, int64_t client_id, const char *text, int64_t *person_id,
	       rp_error *err)
{
	char lead[LEAD_BYTES_MAX + 1];
	const char *rest;
	struct roster r;
	enum rp_status s;

	*person_id = 0;
	/* Most facts have no lead: no need to read the people for them. */
	if (!person_fact_lead(text, lead, sizeof lead, &rest))
		return RP_OK;
	if ((s = roster_load(st, client_id, &r, err)) != RP_OK)
		return s;
	*person_id = fact_person(&r, text);
	roster_done(&r);
	return RP_OK;
}

/* Link the client's unlinked follow-ups and facts that name someone now:
** after a person is added or renamed.  Reads the client's rows through its
** index (followups_closed, facts_client): the cost grows with that one
** client's history, paid once per change to its people. */
static enum rp_status
link_client(store *st, int64_t client_id, rp_error *err)
{
	static const struct {
		const char *select, *update;
		bool fact;
	} passes[] = {
		{"SELECT id, owner FROM followups WHERE client_id = ?1 AND person_id IS NULL"
		 " AND owner IS NOT NULL AND owner <> ''",
		 "UPDATE followups SET person_id = ?2 WHERE id = ?1", false},
		{"SELECT id, text FROM facts WHERE client_id = ?1 AND person_id IS NULL"
		 " AND instr(text, ':') > 0",
		 "UPDATE facts SET person_id = ?2 WHERE id = ?1", true},
	};
	struct roster r;
	enum rp_status s;

	if ((s = roster_load(st, client_id, &r, err)) != RP_OK)
		return s;
	for (size_t k = 0; s == RP_OK && k < sizeof passes / sizeof passes[0]; k++) {
		sqlite3_stmt *stmt = NULL;
		int rc;

		if ((s = db_prepare(st, passes[k].select, &stmt,
				    N_("linking a person"), err)) != RP_OK)
			break;
		sqlite3_bind_int64(stmt, 1, client_id);
		while (s == RP_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *text = db_col_text(stmt, 1);
			int64_t pid = passes[k].fact ? fact_person(&r, text) : owner_person(&r, text);

			if (pid)
				s = set_person(st, passes[k].update, db_col_id(stmt, 0), pid, err);
		}
		if (s == RP_OK && rc != SQLITE_DONE)
			s = store_fail(st, err, N_("linking a person"));
		sqlite3_finalize(stmt);
	}
	roster_done(&r);
	return s;
}

/* ---- Writing --------------------------------------------------------- */

/* Trimmed copy of s, or NULL for NULL/blank; *oom on failure. */
static char *
trimmed(const char *s, bool *oom)
{
	char *t;

	if (s == NULL)
		return NULL;
	if ((t = strdup(s)) == NULL) {
		*oom = true;
		return NULL;
	}
	text_trim(t);
	if (*t == '\0') {
		free(t);
		return NULL;
	}
	return t;
}

enum rp_status
person_add(store *st, const rp_clock *clock, int64_t client_id, const person_fields *f,
	   int64_t *id, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	bool oom = false;
	char *name = NULL, *role = NULL, *email = NULL, *phone = NULL, *key = NULL;
	int64_t pid = 0;
	enum rp_status s;
	int rc;

	if ((s = check_fields(f, true, err)) != RP_OK)
		return s;
	name = trimmed(f->name, &oom);
	role = trimmed(f->role, &oom);
	email = trimmed(f->email, &oom);
	phone = trimmed(f->phone, &oom);
	if (oom || name == NULL || (key = name_key_of(name)) == NULL) {
		s = rp_fail(err, RP_ENOMEM, _("out of memory"));
		goto out;
	}
	if ((s = store_begin(st, err)) != RP_OK)
		goto out;
	s = db_prepare(st, "INSERT INTO people (client_id, name, name_key, role, email, phone,"
		       " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &stmt,
			       N_("adding a person"),
		       err);
	if (s == RP_OK) {
		sqlite3_bind_int64(stmt, 1, client_id);
		sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
		db_bind_text_or_null(stmt, 4, role);
		db_bind_text_or_null(stmt, 5, email);
		db_bind_text_or_null(stmt, 6, phone);
		sqlite3_bind_int64(stmt, 7, rp_clock_now(clock));
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_CONSTRAINT_UNIQUE)
			s = rp_fail(err, RP_EEXIST, _("\"%.100s\" is already one of this client's"
				    " people"), name);
		else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
			s = rp_fail(err, RP_ENOTFOUND, _("no client %lld"), (long long)client_id);
		else if (rc != SQLITE_DONE)
			s = store_fail(st, err, N_("adding a person"));
		else
			pid = sqlite3_last_insert_rowid(store_db(st));
	}
	sqlite3_finalize(stmt);
	if (s == RP_OK)
		s = link_client(st, client_id, err);
	if (s != RP_OK)
		store_rollback(st);
	else if ((s = store_commit(st, err)) == RP_OK && id)
		*id = pid;
out:
	free(name);
	free(role);
	free(email);
	free(phone);
	free(key);
	return s;
}

/* Set one text column of person id; NULL value stores NULL. */
static enum rp_status
set_column(store *st, const char *sql, int64_t id, const char *value, const char *key,
	   rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	if ((s = db_prepare(st, sql, &stmt, N_("changing a person"), err)) != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text_or_null(stmt, 2, value);
	if (key)
		sqlite3_bind_text(stmt, 3, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		s = rp_fail(err, RP_EEXIST, _("\"%.100s\" is already one of this client's people"),
			    value ? value : "");
	else if (rc != SQLITE_DONE)
		s = store_fail(st, err, N_("changing a person"));
	sqlite3_finalize(stmt);
	return s;
}

enum rp_status
person_edit(store *st, int64_t id, const person_fields *f, rp_error *err)
{
	static const char *const sql[] = {
		"UPDATE people SET role = ?2 WHERE id = ?1",
		"UPDATE people SET email = ?2 WHERE id = ?1",
		"UPDATE people SET phone = ?2 WHERE id = ?1",
	};
	const char *values[] = {f->role, f->email, f->phone};
	bool oom = false;
	char *name = NULL, *key = NULL;
	int64_t client_id = 0;
	enum rp_status s;

	if ((s = check_fields(f, false, err)) != RP_OK)
		return s;
	if (f->name && ((name = trimmed(f->name, &oom)) == NULL || (key = name_key_of(name)) == NULL)) {
		free(name);
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	}
	if ((s = store_begin(st, err)) != RP_OK)
		goto out;
	s = db_query_int(st, "SELECT client_id FROM people WHERE id = ?1", id, 0, &client_id,
			 N_("changing a person"), err);
	if (s == RP_ENOTFOUND)
		s = rp_fail(err, RP_ENOTFOUND, _("no person %lld"), (long long)id);
	if (s == RP_OK && name)
		s = set_column(st, "UPDATE people SET name = ?2, name_key = ?3 WHERE id = ?1", id,
			       name, key, err);
	for (size_t i = 0; s == RP_OK && i < sizeof values / sizeof values[0]; i++) {
		char *v;

		if (values[i] == NULL)
			continue;
		v = trimmed(values[i], &oom);
		s = oom ? rp_fail(err, RP_ENOMEM, _("out of memory"))
			: set_column(st, sql[i], id, v, NULL, err);
		free(v);
	}
	if (s == RP_OK && name)
		s = link_client(st, client_id, err);
	if (s != RP_OK)
		store_rollback(st);
	else
		s = store_commit(st, err);
out:
	free(name);
	free(key);
	return s;
}

enum rp_status
person_remove(store *st, int64_t id, rp_error *err)
{
	/* ON DELETE SET NULL unlinks their follow-ups and facts. */
	enum rp_status s = db_exec_ints(st, "DELETE FROM people WHERE id = ?1", id, 0,
					N_("removing a person"), err);

	if (s == RP_OK && sqlite3_changes(store_db(st)) == 0)
		s = rp_fail(err, RP_ENOTFOUND, _("no person %lld"), (long long)id);
	return s;
}
