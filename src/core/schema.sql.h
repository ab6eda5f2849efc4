/* schema.sql.h: the migrations, one list of statements per schema version.
**
** Included only by store.c.  migrations[k] takes a database from version k
** to k + 1; all run inside the same transaction as the user_version bump.
** Never edit a migration that has shipped: add the next one.
*/

#define FTS_TABLE(table, cols) \
	"CREATE VIRTUAL TABLE " table "_fts USING fts5(" cols ", content='" table "'," \
	" content_rowid='id', tokenize='unicode61 remove_diacritics 2');\n"

/* Triggers that keep an external-content FTS5 table in step with its table.
** newcols/oldcols are the column lists prefixed with new. / old. */
#define FTS_TRIGGERS(table, cols, newcols, oldcols)                                   \
	"CREATE TRIGGER " table "_fts_ai AFTER INSERT ON " table " BEGIN\n"            \
	"  INSERT INTO " table "_fts(rowid, " cols ") VALUES (new.id, " newcols ");\n" \
	"END;\n"                                                                       \
	"CREATE TRIGGER " table "_fts_ad AFTER DELETE ON " table " BEGIN\n"            \
	"  INSERT INTO " table "_fts(" table "_fts, rowid, " cols ")"                  \
	" VALUES ('delete', old.id, " oldcols ");\n"                                   \
	"END;\n"                                                                       \
	"CREATE TRIGGER " table "_fts_au AFTER UPDATE OF " cols " ON " table " BEGIN\n" \
	"  INSERT INTO " table "_fts(" table "_fts, rowid, " cols ")"                  \
	" VALUES ('delete', old.id, " oldcols ");\n"                                   \
	"  INSERT INTO " table "_fts(rowid, " cols ") VALUES (new.id, " newcols ");\n" \
	"END;\n"

/* 0 -> 1: the first schema. */
static const char *const migration_1[] = {
	"CREATE TABLE clients (\n"
	"  id          INTEGER PRIMARY KEY,\n"
	"  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  name_key    TEXT NOT NULL UNIQUE,   -- folded name, for matching\n"
	"  org         TEXT,\n"
	"  cadence_min INTEGER NOT NULL DEFAULT 5 CHECK (cadence_min >= 0),\n"
	"  cadence_max INTEGER NOT NULL DEFAULT 14"
	"              CHECK (cadence_max >= cadence_min AND cadence_max <= 365),\n"
	"  created_at  INTEGER NOT NULL,\n"
	"  archived_at INTEGER\n"
	");\n",
	"CREATE TABLE meetings (\n"
	"  id              INTEGER PRIMARY KEY,\n"
	"  client_id       INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  title           TEXT NOT NULL,\n"
	"  state           TEXT NOT NULL DEFAULT 'planned'"
	"                  CHECK (state IN ('planned', 'live', 'ended')),\n"
	"  planned_at      INTEGER,\n"
	"  planned_minutes INTEGER CHECK (planned_minutes > 0),\n"
	"  location        TEXT,\n"
	"  description     TEXT,\n"
	"  started_at      INTEGER,\n"
	"  ended_at        INTEGER,\n"
	"  created_at      INTEGER NOT NULL\n"
	");\n",
	"CREATE INDEX meetings_client ON meetings(client_id, started_at);\n",
	"CREATE INDEX meetings_started ON meetings(started_at);\n",
	"CREATE TABLE agenda_items (\n"
	"  id              INTEGER PRIMARY KEY,\n"
	"  meeting_id      INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  position        INTEGER NOT NULL CHECK (position >= 1),\n"
	"  title           TEXT NOT NULL,\n"
	"  timebox_minutes INTEGER CHECK (timebox_minutes > 0),\n"
	"  status          TEXT NOT NULL DEFAULT 'pending'"
	"                  CHECK (status IN ('pending', 'active', 'done', 'skipped', 'parked')),\n"
	"  carry_count     INTEGER NOT NULL DEFAULT 0 CHECK (carry_count >= 0),\n"
	"  carried_from    INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,\n"
	"  started_at      INTEGER,            -- start of the current stretch\n"
	"  spent_seconds   INTEGER NOT NULL DEFAULT 0, -- earlier stretches\n"
	"  UNIQUE (meeting_id, position)\n"
	");\n",
	"CREATE TABLE walkthroughs (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  item_id    INTEGER NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,\n"
	"  position   INTEGER NOT NULL,\n"
	"  member     TEXT NOT NULL,\n"
	"  did        TEXT NOT NULL,\n"
	"  minutes    INTEGER CHECK (minutes >= 0),\n"
	"  depends_on TEXT,\n"
	"  UNIQUE (item_id, position)\n"
	");\n",
	"CREATE TABLE notes (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  item_id    INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,\n"
	"  phase      TEXT NOT NULL DEFAULT 'live' CHECK (phase IN ('prep', 'live')),\n"
	"  at         INTEGER NOT NULL,\n"
	"  kind       TEXT NOT NULL CHECK (kind IN ('note', 'need', 'concern', 'question',"
	" 'decision', 'action', 'personal', 'quote', 'private')),\n"
	"  text       TEXT NOT NULL\n"
	");\n",
	"CREATE INDEX notes_meeting ON notes(meeting_id, at);\n",
	"CREATE TABLE note_topics (\n"
	"  note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,\n"
	"  topic   TEXT NOT NULL,\n"
	"  PRIMARY KEY (note_id, topic)\n"
	") WITHOUT ROWID;\n",
	"CREATE INDEX note_topics_topic ON note_topics(topic);\n",
	"CREATE TABLE facts (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  kind       TEXT NOT NULL DEFAULT 'other' CHECK (kind IN ('family', 'travel',"
	" 'hobby', 'sport', 'food', 'work', 'other')),\n"
	"  text       TEXT NOT NULL,\n"
	"  learned_at INTEGER NOT NULL,\n"
	"  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,\n"
	"  note_id    INTEGER REFERENCES notes(id) ON DELETE CASCADE\n"
	");\n",
	"CREATE INDEX facts_client ON facts(client_id);\n",
	"CREATE INDEX facts_meeting ON facts(meeting_id);\n",
	"CREATE INDEX facts_note ON facts(note_id);\n",
	"CREATE TABLE followups (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,\n"
	"  note_id    INTEGER REFERENCES notes(id) ON DELETE CASCADE,\n"
	"  text       TEXT NOT NULL,\n"
	"  owner      TEXT,\n"
	"  due        TEXT CHECK (due IS NULL OR"
	" due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
	"  status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),\n"
	"  created_at INTEGER NOT NULL,\n"
	"  closed_at  INTEGER\n"
	");\n",
	"CREATE INDEX followups_client ON followups(client_id, status);\n",
	"CREATE INDEX followups_meeting ON followups(meeting_id);\n",
	"CREATE INDEX followups_note ON followups(note_id);\n",
	"CREATE TABLE touchpoints (\n"
	"  id        INTEGER PRIMARY KEY,\n"
	"  client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  at        INTEGER NOT NULL,\n"
	"  text      TEXT NOT NULL\n"
	");\n",
	"CREATE INDEX touchpoints_client ON touchpoints(client_id, at);\n",
	"CREATE TABLE talk_segments (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  speaker    TEXT NOT NULL CHECK (speaker IN ('you', 'client')),\n"
	"  started_at INTEGER NOT NULL,\n"
	"  ended_at   INTEGER             -- NULL while it runs\n"
	");\n",
	"CREATE INDEX talk_meeting ON talk_segments(meeting_id, started_at);\n",
	FTS_TABLE("clients", "name, org"),
	FTS_TRIGGERS("clients", "name, org", "new.name, new.org", "old.name, old.org"),
	FTS_TABLE("notes", "text"),
	FTS_TRIGGERS("notes", "text", "new.text", "old.text"),
	FTS_TABLE("facts", "text"),
	FTS_TRIGGERS("facts", "text", "new.text", "old.text"),
	FTS_TABLE("followups", "text"),
	FTS_TRIGGERS("followups", "text", "new.text", "old.text"),
	FTS_TABLE("agenda_items", "title"),
	FTS_TRIGGERS("agenda_items", "title", "new.title", "old.title"),
	NULL,
};

/* 1 -> 2: prompts used or dismissed in a meeting, so they stay away and
** "used" ones are kept as asked on their agenda item. */
static const char *const migration_2[] = {
	"CREATE TABLE prompt_log (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  item_id    INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,\n"
	"  key        TEXT NOT NULL,\n"
	"  action     TEXT NOT NULL CHECK (action IN ('used', 'dismissed')),\n"
	"  text       TEXT NOT NULL,\n"
	"  at         INTEGER NOT NULL\n"
	");\n",
	"CREATE INDEX prompt_log_meeting ON prompt_log(meeting_id);\n",
	NULL,
};

/* 2 -> 3: small-talk openers used with a client, so the same question is
** not asked twice in a row. */
static const char *const migration_3[] = {
	"CREATE TABLE opener_uses (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  key        TEXT NOT NULL,\n"
	"  text       TEXT NOT NULL,\n"
	"  meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,\n"
	"  used_at    INTEGER NOT NULL\n"
	");\n",
	"CREATE INDEX opener_uses_client ON opener_uses(client_id, used_at);\n",
	"CREATE INDEX agenda_carried ON agenda_items(carried_from);\n",
	NULL,
};


/* The unified search index: one FTS5 table over every searchable text
** (notes noted live, facts, follow-ups, agenda titles, client names), so a
** search is one FTS5 query.  search_map ties each entry to its row: src is
** 0 note, 1 fact, 2 follow-up, 3 agenda item, 4 client.  Entries get
** increasing rowids as things happen, so rowid order is newest first. */
#define SEARCH_ADD(src, text) \
	"  INSERT INTO search_map (fts, src, ref) VALUES" \
	" ((SELECT coalesce(max(fts), 0) + 1 FROM search_map), " src ", new.id);\n" \
	"  INSERT INTO search_fts (rowid, text) VALUES ((SELECT max(fts) FROM search_map), " text ");\n"
#define SEARCH_DROP(src) \
	"  DELETE FROM search_fts WHERE rowid = (SELECT fts FROM search_map WHERE src = " src \
	" AND ref = old.id);\n" \
	"  DELETE FROM search_map WHERE src = " src " AND ref = old.id;\n"
#define SEARCH_TRIGGERS(table, src, cols, text, when) \
	"CREATE TRIGGER " table "_search_ai AFTER INSERT ON " table when " BEGIN\n" \
	SEARCH_ADD(src, text) "END;\n" \
	"CREATE TRIGGER " table "_search_ad AFTER DELETE ON " table " BEGIN\n" \
	SEARCH_DROP(src) "END;\n" \
	"CREATE TRIGGER " table "_search_au AFTER UPDATE OF " cols " ON " table when " BEGIN\n" \
	SEARCH_DROP(src) SEARCH_ADD(src, text) "END;\n"
#define DROP_FTS(table) \
	"DROP TRIGGER " table "_fts_ai; DROP TRIGGER " table "_fts_ad; DROP TRIGGER " table \
	"_fts_au; DROP TABLE " table "_fts;\n"

/* 3 -> 4: one search index instead of five. */
static const char *const migration_4[] = {
	"CREATE VIRTUAL TABLE search_fts USING fts5(text,"
	" tokenize='unicode61 remove_diacritics 2');\n",
	"CREATE TABLE search_map (\n"
	"  fts INTEGER PRIMARY KEY,     -- rowid in search_fts\n"
	"  src INTEGER NOT NULL,\n"
	"  ref INTEGER NOT NULL,\n"
	"  UNIQUE (src, ref)\n"
	");\n",
	/* What is there already, oldest first. */
	"INSERT INTO search_map (src, ref) SELECT src, ref FROM ("
	" SELECT 0 AS src, id AS ref, at AS t FROM notes WHERE phase = 'live'"
	" UNION ALL SELECT 1, id, learned_at FROM facts"
	" UNION ALL SELECT 2, id, created_at FROM followups"
	" UNION ALL SELECT 3, a.id, coalesce(m.started_at, m.planned_at, m.created_at)"
	"   FROM agenda_items a JOIN meetings m ON m.id = a.meeting_id"
	" UNION ALL SELECT 4, id, created_at FROM clients"
	") ORDER BY t, src, ref;\n",
	"INSERT INTO search_fts (rowid, text) SELECT s.fts, CASE s.src"
	" WHEN 0 THEN (SELECT text FROM notes WHERE id = s.ref)"
	" WHEN 1 THEN (SELECT text FROM facts WHERE id = s.ref)"
	" WHEN 2 THEN (SELECT text FROM followups WHERE id = s.ref)"
	" WHEN 3 THEN (SELECT title FROM agenda_items WHERE id = s.ref)"
	" ELSE (SELECT trim(name || ' ' || coalesce(org, '')) FROM clients WHERE id = s.ref) END"
	" FROM search_map s ORDER BY s.fts;\n",
	SEARCH_TRIGGERS("notes", "0", "text", "new.text", " WHEN new.phase = 'live'"),
	SEARCH_TRIGGERS("facts", "1", "text", "new.text", ""),
	SEARCH_TRIGGERS("followups", "2", "text", "new.text", ""),
	SEARCH_TRIGGERS("agenda_items", "3", "title", "new.title", ""),
	SEARCH_TRIGGERS("clients", "4", "name, org", "trim(new.name || ' ' || coalesce(new.org, ''))", ""),
	DROP_FTS("notes"),
	DROP_FTS("facts"),
	DROP_FTS("followups"),
	DROP_FTS("agenda_items"),
	DROP_FTS("clients"),
	NULL,
};

/* 4 -> 5: around the meetings.  People within a client (an @owner or a
** fact can be theirs); facts that go stale (done, or true until a date);
** questions closed by a later answer; touchpoints of a kind, found by
** search, as are people; follow-ups listed across clients; and meetings
** that can be cancelled.  SQLite cannot change a CHECK in place, so the
** meetings table is made again, ids kept: store.c turns foreign keys off
** around this one migration, as SQLite's own procedure asks. */
static const char *const migration_5[] = {
	"CREATE TABLE people (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),\n"
	"  name_key   TEXT NOT NULL,          -- folded name, for matching\n"
	"  role       TEXT,\n"
	"  email      TEXT,\n"
	"  phone      TEXT,\n"
	"  created_at INTEGER NOT NULL,\n"
	"  UNIQUE (client_id, name_key)\n"
	");\n",
	"ALTER TABLE followups ADD COLUMN person_id INTEGER"
	" REFERENCES people(id) ON DELETE SET NULL;\n",
	"CREATE INDEX followups_person ON followups(person_id);\n",
	"CREATE INDEX followups_open ON followups(due) WHERE status = 'open';\n",
	/* The history at a glance reads a client's follow-ups closed in the
	** last twelve months, not all those ever closed. */
	"CREATE INDEX followups_closed ON followups(client_id, closed_at);\n",
	"ALTER TABLE facts ADD COLUMN person_id INTEGER REFERENCES people(id) ON DELETE SET NULL;\n",
	"ALTER TABLE facts ADD COLUMN until_date TEXT CHECK (until_date IS NULL OR"
	" until_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');\n",
	"ALTER TABLE facts ADD COLUMN done_at INTEGER;\n",
	"CREATE INDEX facts_person ON facts(person_id);\n",
	/* Prep reads a client's newest facts: in order, not all then sorted. */
	"DROP INDEX facts_client;\n",
	"CREATE INDEX facts_client ON facts(client_id, learned_at);\n",
	"ALTER TABLE notes ADD COLUMN closed_at INTEGER;\n",
	"CREATE INDEX notes_questions ON notes(meeting_id, at)"
	" WHERE kind = 'question' AND closed_at IS NULL;\n",
	"CREATE INDEX notes_quotes ON notes(meeting_id, at) WHERE kind = 'quote';\n",
	"ALTER TABLE touchpoints ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'"
	" CHECK (kind IN ('email', 'call', 'message', 'other'));\n",
	/* Touchpoints (src 5) and people (src 6) join the search index. */
	"INSERT INTO search_map (fts, src, ref)"
	" SELECT (SELECT coalesce(max(fts), 0) FROM search_map)"
	" + row_number() OVER (ORDER BY at, id), 5, id FROM touchpoints;\n",
	"INSERT INTO search_fts (rowid, text) SELECT s.fts, t.text"
	" FROM search_map s JOIN touchpoints t ON t.id = s.ref WHERE s.src = 5;\n",
	SEARCH_TRIGGERS("touchpoints", "5", "text", "new.text", ""),
	SEARCH_TRIGGERS("people", "6", "name, role, email",
			"trim(new.name || ' ' || coalesce(new.role, '') || ' ' || coalesce(new.email, ''))",
			""),
	"CREATE TABLE meetings_new (\n"
	"  id              INTEGER PRIMARY KEY,\n"
	"  client_id       INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n"
	"  title           TEXT NOT NULL,\n"
	"  state           TEXT NOT NULL DEFAULT 'planned'"
	"                  CHECK (state IN ('planned', 'live', 'ended', 'cancelled')),\n"
	"  planned_at      INTEGER,\n"
	"  planned_minutes INTEGER CHECK (planned_minutes > 0),\n"
	"  location        TEXT,\n"
	"  description     TEXT,\n"
	"  started_at      INTEGER,\n"
	"  ended_at        INTEGER,\n"
	"  created_at      INTEGER NOT NULL,\n"
	"  cancelled_at    INTEGER\n"
	");\n",
	"INSERT INTO meetings_new (id, client_id, title, state, planned_at, planned_minutes,"
	" location, description, started_at, ended_at, created_at)"
	" SELECT id, client_id, title, state, planned_at, planned_minutes,"
	" location, description, started_at, ended_at, created_at FROM meetings;\n",
	"DROP TABLE meetings;\n",
	"ALTER TABLE meetings_new RENAME TO meetings;\n",
	"CREATE INDEX meetings_client ON meetings(client_id, started_at);\n",
	"CREATE INDEX meetings_started ON meetings(started_at);\n",
	"CREATE INDEX meetings_planned ON meetings(planned_at) WHERE state = 'planned';\n",
	/* The last meeting held, for carrying what it left: down from the
	** newest end, not all the client's meetings sorted. */
	"CREATE INDEX meetings_ended ON meetings(client_id, ended_at) WHERE state = 'ended';\n",
	NULL,
};

/* 5 -> 6: calendars that stay true.
**   - settings holds the database's calendar identity, random and made once,
**     so the UIDs of two databases never collide;
**   - calendar_objects remembers each object as last exported (a digest of
**     what was written), so its SEQUENCE and LAST-MODIFIED grow only when
**     what a calendar shows of it changes;
**   - a meeting planned from an invitation keeps the invitation's UID,
**     SEQUENCE and the occurrence it stands for (a recurring series plans
**     one), and its attendees; an agenda item taken from the invitation's
**     lines says so until it is edited by hand. */
static const char *const migration_6[] = {
	"CREATE TABLE settings (\n"
	"  key   TEXT PRIMARY KEY,\n"
	"  value TEXT NOT NULL\n"
	") WITHOUT ROWID;\n",
	"INSERT INTO settings (key, value) VALUES ('calendar_id', lower(hex(randomblob(16))));\n",
	"CREATE TABLE calendar_objects (\n"
	"  uid         TEXT PRIMARY KEY,\n"
	"  digest      INTEGER NOT NULL,\n"
	"  sequence    INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),\n"
	"  modified_at INTEGER NOT NULL\n"
	") WITHOUT ROWID;\n",
	"ALTER TABLE meetings ADD COLUMN ical_uid TEXT;\n",
	"ALTER TABLE meetings ADD COLUMN ical_sequence INTEGER NOT NULL DEFAULT 0;\n",
	/* The occurrence's start as RECURRENCE-ID would name it, UTC
	** ("20261203T090000Z"); NULL for an invitation that does not repeat. */
	"ALTER TABLE meetings ADD COLUMN ical_recurrence TEXT;\n",
	"CREATE INDEX meetings_ical ON meetings(ical_uid) WHERE ical_uid IS NOT NULL;\n",
	"CREATE TABLE attendees (\n"
	"  id         INTEGER PRIMARY KEY,\n"
	"  meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,\n"
	"  name       TEXT,\n"
	"  email      TEXT,\n"
	"  role       TEXT NOT NULL DEFAULT 'attendee'"
	" CHECK (role IN ('organizer', 'attendee', 'optional', 'resource')),\n"
	"  person_id  INTEGER REFERENCES people(id) ON DELETE SET NULL,\n"
	"  CHECK (coalesce(name, email, '') <> '')\n"
	");\n",
	"CREATE INDEX attendees_meeting ON attendees(meeting_id);\n",
	"CREATE INDEX attendees_person ON attendees(person_id);\n",
	"ALTER TABLE agenda_items ADD COLUMN from_invite INTEGER NOT NULL DEFAULT 0"
	" CHECK (from_invite IN (0, 1));\n",
	NULL,
};

/* 6 -> 7: each client in their own language.  What is said or sent to a
** client (openers, the prompts' phrasings, the recap, the calendar's
** summaries) is in clients.lang; NULL, as every client made before this
** version has it, is the user's own language. */
static const char *const migration_7[] = {
	"ALTER TABLE clients ADD COLUMN lang TEXT CHECK (lang IN ('en', 'fr'));\n",
	NULL,
};

/* 7 -> 8: a search index that keeps no copy of what it indexes.  search_fts
** was an FTS5 table with its own copy of every text (a quarter of a ten-year
** file); it now reads each entry's text from its row, through the view
** search_text (external content: the rowids are search_map's fts, as
** before).  Such an index cannot read back what a row said before it
** changed, so the triggers hand FTS5 the old text to take out ('delete'),
** then the new text in.  A fact or follow-up that only repeats its note
** (a personal note is its fact word for word; an action's follow-up is
** its words, @owner and ^due taken out) is not indexed: the note is, and a
** search lists it once.  One that stops repeating its note, by its own
** edit or its note's, enters the index, and leaves it when it repeats it
** again. */
#define SEARCH_TEXT_SQL                                                                    \
	"CREATE VIEW search_text (fts, text) AS SELECT m.fts, CASE m.src"                  \
	" WHEN 0 THEN (SELECT text FROM notes WHERE id = m.ref)"                           \
	" WHEN 1 THEN (SELECT text FROM facts WHERE id = m.ref)"                           \
	" WHEN 2 THEN (SELECT text FROM followups WHERE id = m.ref)"                       \
	" WHEN 3 THEN (SELECT title FROM agenda_items WHERE id = m.ref)"                   \
	" WHEN 4 THEN (SELECT " CLIENT_TEXT("") " FROM clients WHERE id = m.ref)"          \
	" WHEN 5 THEN (SELECT text FROM touchpoints WHERE id = m.ref)"                     \
	" WHEN 6 THEN (SELECT " PERSON_TEXT("") " FROM people WHERE id = m.ref)"           \
	" END FROM search_map m;\n"
#define CLIENT_TEXT(row) "trim(" row "name || ' ' || coalesce(" row "org, ''))"
#define PERSON_TEXT(row)                                                                   \
	"trim(" row "name || ' ' || coalesce(" row "role, '') || ' ' || coalesce(" row "email, ''))"
/* Does the fact or follow-up row repeat its note, noted live (and so
** indexed)?  A follow-up's words are its note's with @owner and ^due taken
** out: found in the note's text when those came first or last, as typed
** they mostly do; one that had them in the middle is indexed as before. */
#define FACT_REPEATS(row)                                                                  \
	"EXISTS (SELECT 1 FROM notes n WHERE n.id = " row ".note_id AND n.phase = 'live'"  \
	" AND n.text = " row ".text)"
#define FOLLOWUP_REPEATS(row)                                                              \
	"EXISTS (SELECT 1 FROM notes n WHERE n.id = " row ".note_id AND n.phase = 'live'"  \
	" AND instr(n.text, " row ".text) > 0)"
/* An entry in, newest (where: "" or a condition on new, " WHERE ..."),
** then the old text out, for an external-content index. */
#define SEARCH_PUT(src, text, where)                                                       \
	"  INSERT INTO search_map (fts, src, ref)"                                         \
	" SELECT (SELECT coalesce(max(fts), 0) + 1 FROM search_map), " src ", new.id"       \
	where ";\n"                                                                        \
	"  INSERT INTO search_fts (rowid, text) SELECT fts, " text " FROM search_map"      \
	" WHERE src = " src " AND ref = new.id;\n"
#define SEARCH_TAKE(src, oldtext)                                                          \
	"  INSERT INTO search_fts (search_fts, rowid, text) SELECT 'delete', fts, " oldtext  \
	" FROM search_map WHERE src = " src " AND ref = old.id;\n"                          \
	"  DELETE FROM search_map WHERE src = " src " AND ref = old.id;\n"
/* Insert when `when` holds of new (" WHEN ..." or ""); on delete, take the
** entry out; on an update of cols, out with the old text and in with the
** new, when `where` (" WHERE ...", the same condition) holds; the notes'
** triggers then see to what hangs on them (also_au, also_ad). */
#define SEARCH_TRIGGERS_8(table, src, cols, text, oldtext, when, where, also_au, also_ad) \
	"CREATE TRIGGER " table "_search_ai AFTER INSERT ON " table when " BEGIN\n"          \
	SEARCH_PUT(src, text, "") "END;\n"                                                  \
	"CREATE TRIGGER " table "_search_ad AFTER DELETE ON " table " BEGIN\n"              \
	SEARCH_TAKE(src, oldtext) also_ad "END;\n"                                          \
	"CREATE TRIGGER " table "_search_au AFTER UPDATE OF " cols " ON " table " BEGIN\n"  \
	SEARCH_TAKE(src, oldtext) SEARCH_PUT(src, text, where) also_au "END;\n"
/* A note changed (or gone, with foreign keys off): a fact or follow-up of
** it whose being indexed no longer matches its repeating the note is
** updated to itself, for its own trigger to put it right. */
#define SEARCH_RECHECK(id)                                                                 \
	"  UPDATE facts SET text = text WHERE note_id = " id " AND"                        \
	" EXISTS (SELECT 1 FROM search_map WHERE src = 1 AND ref = facts.id) = "           \
	FACT_REPEATS("facts") ";\n"                                                        \
	"  UPDATE followups SET text = text WHERE note_id = " id " AND"                    \
	" EXISTS (SELECT 1 FROM search_map WHERE src = 2 AND ref = followups.id) = "       \
	FOLLOWUP_REPEATS("followups") ";\n"
#define DROP_SEARCH_TRIGGERS(table)                                                        \
	"DROP TRIGGER " table "_search_ai; DROP TRIGGER " table "_search_ad;"              \
	" DROP TRIGGER " table "_search_au;\n"

static const char *const migration_8[] = {
	DROP_SEARCH_TRIGGERS("notes"),
	DROP_SEARCH_TRIGGERS("facts"),
	DROP_SEARCH_TRIGGERS("followups"),
	DROP_SEARCH_TRIGGERS("agenda_items"),
	DROP_SEARCH_TRIGGERS("clients"),
	DROP_SEARCH_TRIGGERS("touchpoints"),
	DROP_SEARCH_TRIGGERS("people"),
	"DROP TABLE search_fts;\n",
	/* The entries that only repeat a note go; the others keep their fts,
	** so the order of the index (newest first) stays. */
	"DELETE FROM search_map WHERE src = 1 AND ref IN"
	" (SELECT f.id FROM facts f WHERE " FACT_REPEATS("f") ");\n",
	"DELETE FROM search_map WHERE src = 2 AND ref IN"
	" (SELECT f.id FROM followups f WHERE " FOLLOWUP_REPEATS("f") ");\n",
	SEARCH_TEXT_SQL,
	"CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_text',"
	" content_rowid='fts', tokenize='unicode61 remove_diacritics 2');\n",
	"INSERT INTO search_fts (search_fts) VALUES ('rebuild');\n",
	/* The rebuild leaves large segments half merged, and FTS5 would go on
	** merging them a few pages at each note saved (on the ten-year file,
	** 11 pages of the index a note over the next 400, not 3): merged now,
	** at once (under a second there). */
	"INSERT INTO search_fts (search_fts) VALUES ('optimize');\n",
	SEARCH_TRIGGERS_8("notes", "0", "text, phase", "new.text", "old.text",
			  " WHEN new.phase = 'live'", " WHERE new.phase = 'live'",
			  SEARCH_RECHECK("new.id"), SEARCH_RECHECK("old.id")),
	SEARCH_TRIGGERS_8("facts", "1", "text, note_id", "new.text", "old.text",
			  " WHEN NOT " FACT_REPEATS("new"), " WHERE NOT " FACT_REPEATS("new"), "", ""),
	SEARCH_TRIGGERS_8("followups", "2", "text, note_id", "new.text", "old.text",
			  " WHEN NOT " FOLLOWUP_REPEATS("new"), " WHERE NOT " FOLLOWUP_REPEATS("new"),
			  "", ""),
	SEARCH_TRIGGERS_8("agenda_items", "3", "title", "new.title", "old.title", "", "", "", ""),
	SEARCH_TRIGGERS_8("clients", "4", "name, org", CLIENT_TEXT("new."), CLIENT_TEXT("old."),
			  "", "", "", ""),
	SEARCH_TRIGGERS_8("touchpoints", "5", "text", "new.text", "old.text", "", "", "", ""),
	SEARCH_TRIGGERS_8("people", "6", "name, role, email", PERSON_TEXT("new."),
			  PERSON_TEXT("old."), "", "", "", ""),
	NULL,
};

/* 8 -> 9: a meeting's live notes counted in indexes alone.  notes_meeting
** holds every note of a meeting and its prep notes are few: all of them
** less those in notes_prep (MEETING_LIVE_NOTES, meeting_sql.h) reads no
** note's row, where "phase = 'live'" read each one to see its phase.  The
** phase is in notes_prep so that SQLite counts there without the row. */
static const char *const migration_9[] = {
	"CREATE INDEX notes_prep ON notes(meeting_id, at, phase) WHERE phase = 'prep';\n",
	NULL,
};

/* 9 -> 10: a smaller file, every query still served by an index.  An index no
** query reads goes: note_topics_topic (a note's topics are only ever
** looked up by the note).  One whose lookups all name a value most rows
** lack holds only the rows that have it: followups_client, a client's open
** follow-ups (the others are reached through followups_closed), and for
** the foreign keys' lookups, which name a value and so can use a partial
** index "x IS NOT NULL", a person's facts and follow-ups and the item an
** item was carried from.  A fresh ten-year history is 5.5 MB smaller (234.6
** MB to 229.1 MB), and linking a client's follow-ups to a person added
** reads that client's (followups_closed), not every client's follow-ups
** with nobody linked, as followups_person's NULL range had it.
**   notes_meeting keeps the meeting alone, not the time (5.8 MB more): it
** counts a meeting's notes, finds them for the foreign keys, and gives one
** meeting's notes to the queries that read their rows anyway (the live
** screen, the export, last time's concerns), which then sort those few
** dozen by time: 10 to 16 us more on a meeting of 77 notes, in commands
** of 5 ms.  The ten-year file is then 223.4 MB, 3.93 times its notes' text.
** Upgraded, a file keeps the room the old indexes took (13 MB of a
** ten-year one) free inside, for what is written next: the upgrade takes
** 0.8 s there, a VACUUM would take 7. */
static const char *const migration_10[] = {
	"DROP INDEX note_topics_topic;\n",
	"DROP INDEX notes_meeting;\n",
	"CREATE INDEX notes_meeting ON notes(meeting_id);\n",
	"DROP INDEX followups_client;\n",
	"CREATE INDEX followups_client ON followups(client_id) WHERE status = 'open';\n",
	"DROP INDEX followups_person;\n",
	"CREATE INDEX followups_person ON followups(person_id) WHERE person_id IS NOT NULL;\n",
	"DROP INDEX facts_person;\n",
	"CREATE INDEX facts_person ON facts(person_id) WHERE person_id IS NOT NULL;\n",
	"DROP INDEX agenda_carried;\n",
	"CREATE INDEX agenda_carried ON agenda_items(carried_from) WHERE carried_from IS NOT NULL;\n",
	NULL,
};

/* 10 -> 11: the history at a glance reads a client's follow-ups in two
** indexes alone (history_sql.h), not a row a follow-up: a busy client's
** twelve months were a page read each.  The open ones are few; the closed
** ones' index was (client_id, closed_at) and takes two columns more. */
static const char *const migration_11[] = {
	"DROP INDEX followups_client;\n",
	"CREATE INDEX followups_client ON followups(client_id, created_at, status)"
	" WHERE status = 'open';\n",
	"DROP INDEX followups_closed;\n",
	"CREATE INDEX followups_closed ON followups(client_id, closed_at, status, created_at);\n",
	NULL,
};

/* 11 -> 12: Prep lists a client's open follow-ups in their order (by due
** date, overdue first) down an index, the first PREP_FOLLOWUPS_MAX of
** them, instead of reading and sorting every open one.  meetings_held:
** the history at a glance reads a client's contacts of twelve months in
** an index alone, not a row a meeting for its state.  (meetings_client
** keeps its columns: with the state in it, SQLite would prefer it to
** meetings_ended for the last meeting ended, and sort them all.) */
static const char *const migration_12[] = {
	"CREATE INDEX followups_due ON followups(client_id, due) WHERE status = 'open';\n",
	"CREATE INDEX meetings_held ON meetings(client_id, started_at, state)"
	" WHERE state IN ('live', 'ended');\n",
	NULL,
};

static const char *const *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
	migration_4,
	migration_5,
	migration_6,
	migration_7,
	migration_8,
	migration_9,
	migration_10,
	migration_11,
	migration_12,
};
