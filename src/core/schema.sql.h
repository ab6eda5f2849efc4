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

static const char *const *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
};
