/* seed.c: a realistic history for the benchmarks.
**
**   seed PATH CLIENTS MEETINGS NOTES_PER_MEETING
**
** Creates (through the core, so the schema and triggers are the real ones)
** a database of CLIENTS clients and MEETINGS ended meetings spread over ten
** years before 2026-11-26, each with four agenda items and about
** NOTES_PER_MEETING notes of every kind, facts and follow-ups; then the
** people, touchpoints and plans around them (around_sql).  The bulk rows
** go in with plain prepared statements inside a few large transactions:
** saving a million notes one commit at a time would measure the disk, not
** rapport.  Deterministic: the same arguments give the same database.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/client.h"
#include "rapport/store.h"

static const char *const words[] = {
	"budget", "timeline", "API", "export", "Excel", "rollout", "migration", "invoice",
	"dashboard", "report", "vendor", "security", "review", "launch", "pilot", "team",
	"sales", "support", "training", "contract", "renewal", "scope", "risk", "deadline",
	"Lefèvre", "café", "équipe", "réunion", "données", "sécurité", "calendrier", "étapes",
	"soon", "quickly", "better", "simple", "cheap", "March", "April", "Q3", "the", "a",
	"needs", "wants", "worried", "about", "phased", "plan", "revised", "send", "call",
};
static const char *const kinds[] = {"note", "need", "concern", "question", "decision",
				    "action", "personal", "quote", "private"};

static unsigned long rng = 20261126;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

static void
sentence(char *buf, size_t size)
{
	int n = 4 + (int)next(9);

	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		strncat(buf, words[next(sizeof words / sizeof words[0])], size - strlen(buf) - 2);
		if (i + 1 < n)
			strncat(buf, " ", size - strlen(buf) - 1);
	}
}

/* Around the meetings, as a PM's ten years leave them: three people per
** client, a touchpoint after every third meeting, one follow-up in ten of
** the last three months still open (due a week after it was noted), the
** questions closed the day after but one in ten of the last year, and one
** planned meeting per client in the next fortnight. */
static const char around_sql[] =
	"BEGIN;"
	"INSERT INTO people (client_id, name, name_key, role, email, created_at)"
	" SELECT c.id, p.name || ' ' || c.id, lower(p.name || ' ' || c.id), p.role,"
	"  lower(p.name) || c.id || '@example.com', c.created_at FROM clients c,"
	"  (SELECT 'Zoë' AS name, 'sponsor' AS role UNION ALL SELECT 'Marc', 'CFO'"
	"   UNION ALL SELECT 'Aiko', 'lead') p;"
	"INSERT INTO touchpoints (client_id, at, text, kind)"
	" SELECT client_id, started_at + 3 * 86400, 'emailed the revised plan after ' || title,"
	"  'email' FROM meetings WHERE id % 3 = 0;"
	"UPDATE followups SET status = 'open', due = date(created_at + 7 * 86400, 'unixepoch')"
	" WHERE id % 10 = 0 AND created_at > 1795687200 - 90 * 86400;"
	"UPDATE followups SET closed_at = created_at + 86400 WHERE status = 'done';"
	"UPDATE notes SET closed_at = at + 86400 WHERE kind = 'question'"
	" AND (id % 10 != 0 OR at < 1795687200 - 365 * 86400);"
	"INSERT INTO meetings (client_id, title, state, planned_at, planned_minutes, created_at)"
	" SELECT id, 'Next weekly', 'planned', 1795687200 + 86400 * (1 + id % 14), 45, 1795687200"
	" FROM clients;"
	"COMMIT;";

static int64_t
fixed_now(void *ctx)
{
	(void)ctx;
	return 1795687200 - 86400L * 3650;
}

/* Run x once; stop on anything but OK or DONE. */
#define TRY(x)                                                                   \
	do {                                                                    \
		int rc_ = (x);                                                  \
		if (rc_ != SQLITE_OK && rc_ != SQLITE_DONE) {                   \
			fprintf(stderr, "seed: %s: %s\n", #x, sqlite3_errmsg(db)); \
			exit(1);                                                \
		}                                                               \
	} while (0)

int
main(int argc, char **argv)
{
	rp_clock clock = {.now = fixed_now};
	rp_error err = {0};
	store *st;
	sqlite3 *db;
	sqlite3_stmt *meeting, *item, *note, *fact, *followup;
	long clients, meetings, per;
	const int64_t end = 1795687200, span = 86400L * 3650;
	char text[256], name[64];

	if (argc != 5) {
		fprintf(stderr, "usage: seed PATH CLIENTS MEETINGS NOTES_PER_MEETING\n");
		return 2;
	}
	clients = atol(argv[2]);
	meetings = atol(argv[3]);
	per = atol(argv[4]);
	if ((st = store_open(argv[1], STORE_WRITE, &err)) == NULL) {
		fprintf(stderr, "seed: %s\n", err.msg);
		return 1;
	}
	for (long c = 0; c < clients; c++) {
		snprintf(name, sizeof name, "Client %03ld %s", c, words[c % 24]);
		if (client_add(st, &clock, name, "Org", 5, 14, NULL, &err) != RP_OK) {
			fprintf(stderr, "seed: %s\n", err.msg);
			return 1;
		}
	}
	db = store_db(st);
	TRY(sqlite3_exec(db, "PRAGMA synchronous = OFF", NULL, NULL, NULL));
	TRY(sqlite3_prepare_v2(db, "INSERT INTO meetings (client_id, title, state, started_at,"
				   " ended_at, planned_minutes, created_at)"
				   " VALUES (?1, ?2, 'ended', ?3, ?3 + 2700, 45, ?3 - 86400)",
			       -1, &meeting, NULL));
	TRY(sqlite3_prepare_v2(db, "INSERT INTO agenda_items (meeting_id, position, title,"
				   " timebox_minutes, status) VALUES (?1, ?2, ?3, 10, 'done')",
			       -1, &item, NULL));
	TRY(sqlite3_prepare_v2(db, "INSERT INTO notes (meeting_id, item_id, at, kind, text)"
				   " VALUES (?1, ?2, ?3, ?4, ?5)",
			       -1, &note, NULL));
	TRY(sqlite3_prepare_v2(db, "INSERT INTO facts (client_id, kind, text, learned_at,"
				   " meeting_id, note_id) VALUES (?1, 'other', ?2, ?3, ?4, ?5)",
			       -1, &fact, NULL));
	TRY(sqlite3_prepare_v2(db, "INSERT INTO followups (client_id, meeting_id, note_id, text,"
				   " owner, status, created_at) VALUES (?1, ?2, ?3, ?4, 'me',"
				   " 'done', ?5)",
			       -1, &followup, NULL));
	for (long m = 0; m < meetings; m++) {
		int64_t at = end - span + span * m / (meetings ? meetings : 1);
		long who = 1 + (long)next((unsigned)clients);
		int64_t mid, first_item;

		if (m % 2000 == 0) {
			if (m)
				TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
			TRY(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
			fprintf(stderr, "\rseed: %ld/%ld meetings", m, meetings);
		}
		sqlite3_reset(meeting);
		sqlite3_bind_int64(meeting, 1, who);
		sqlite3_bind_text(meeting, 2, "Weekly status", -1, SQLITE_STATIC);
		sqlite3_bind_int64(meeting, 3, at);
		TRY(sqlite3_step(meeting));
		mid = sqlite3_last_insert_rowid(db);
		for (int i = 1; i <= 4; i++) {
			sqlite3_reset(item);
			sqlite3_bind_int64(item, 1, mid);
			sqlite3_bind_int(item, 2, i);
			sqlite3_bind_text(item, 3, words[next(24)], -1, SQLITE_STATIC);
			TRY(sqlite3_step(item));
		}
		first_item = sqlite3_last_insert_rowid(db) - 3;
		for (long n = 0; n < per; n++) {
			const char *kind = kinds[next(9)];
			int64_t nid;

			sentence(text, sizeof text);
			sqlite3_reset(note);
			sqlite3_bind_int64(note, 1, mid);
			sqlite3_bind_int64(note, 2, first_item + (int64_t)next(4));
			sqlite3_bind_int64(note, 3, at + n * 2700 / (per ? per : 1));
			sqlite3_bind_text(note, 4, kind, -1, SQLITE_STATIC);
			sqlite3_bind_text(note, 5, text, -1, SQLITE_STATIC);
			TRY(sqlite3_step(note));
			nid = sqlite3_last_insert_rowid(db);
			if (strcmp(kind, "personal") == 0) {
				sqlite3_reset(fact);
				sqlite3_bind_int64(fact, 1, who);
				sqlite3_bind_text(fact, 2, text, -1, SQLITE_STATIC);
				sqlite3_bind_int64(fact, 3, at);
				sqlite3_bind_int64(fact, 4, mid);
				sqlite3_bind_int64(fact, 5, nid);
				TRY(sqlite3_step(fact));
			} else if (strcmp(kind, "action") == 0) {
				sqlite3_reset(followup);
				sqlite3_bind_int64(followup, 1, who);
				sqlite3_bind_int64(followup, 2, mid);
				sqlite3_bind_int64(followup, 3, nid);
				sqlite3_bind_text(followup, 4, text, -1, SQLITE_STATIC);
				sqlite3_bind_int64(followup, 5, at);
				TRY(sqlite3_step(followup));
			}
		}
	}
	if (meetings)
		TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
	TRY(sqlite3_exec(db, around_sql, NULL, NULL, NULL));
	fprintf(stderr, "\rseed: %ld clients, %ld meetings, %ld notes\n", clients, meetings,
		meetings * per);
	sqlite3_finalize(meeting);
	sqlite3_finalize(item);
	sqlite3_finalize(note);
	sqlite3_finalize(fact);
	sqlite3_finalize(followup);
	TRY(sqlite3_exec(db, "PRAGMA optimize", NULL, NULL, NULL));
	store_close(st);
	return 0;
}
