/* seed.c: a realistic history for the benchmarks.
**
**   seed PATH CLIENTS MEETINGS NOTES_PER_MEETING
**
** Creates, through the core (so the schema and triggers are the real ones),
** a PM's history of CLIENTS clients, "Client 000 Acme Logistics" and on,
** a third of them French, each with two to five people and a relationship
** that lasts from a year to all ten, and MEETINGS ended meetings spread
** over the ten years before 2026-11-26 on working days, each with three
** to six agenda items, the talk and NOTES_PER_MEETING notes on average
** (half to one and a half times as many).  Busy clients meet more:
** client weights fall as rank^-0.7.
**
** A note is a line as typed on the live screen, parsed by the core's own
** parser: two words to two sentences drawn by Zipf's law from the
** client's language (seed_words.h: a few thousand words, accents, typos,
** names, numbers), with the kinds' prefixes in a PM's proportions (notes
** 30 %, actions 13 %, needs and concerns 10 % each, questions, decisions,
** quotes and private notes 8 % each, personal facts 5 %), @owners and
** ^dates on actions, #topics and people's names here and there.  Actions
** become follow-ups (done or dropped once old, two in five open in the
** last three months), personal notes facts, questions get answered.
**
** Four words measure search at every frequency, in any history's size:
**   zanzibar   in exactly one note (the middle meeting's first)
**   halcyon    in one note in 10,000
**   kestrel    in one note in 100
**   budget     a common word of both languages (about one note in 20)
** The seed prints how many search entries each is in, as
**   word rare zanzibar 1
** lines on standard output.
**
** The bulk rows go in with plain prepared statements inside a few large
** transactions: saving a million notes one commit at a time would measure
** the disk, not rapport.  Deterministic: the same arguments give the same
** database (a fixed PRNG seed, no clock, no time zone).  The 1/100 history
** (200 clients, 200 meetings) is drawn from the same distribution as the
** ten-year one (200 clients, 20,000 meetings).
*/
#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/client.h"
#include "rapport/date.h"
#include "rapport/fact.h"
#include "rapport/note.h"
#include "rapport/person.h"
#include "rapport/store.h"
#include "rapport/text.h"
#include "seed_words.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

enum {
	TAIL_WORDS = 1500,  /* words each vocabulary grows by (typos, names) */
	PEOPLE_MAX_SEED = 5,
	DAY = 86400,
};

static const int64_t end_time = 1795687200;  /* 2026-11-26 10:00 UTC */
static const int64_t span = 86400L * 3650;

static const char *const planted_rare = "Zanzibar";    /* one note */
static const char *const planted_medium = "Halcyon";   /* 1 in 10,000 */
static const char *const planted_frequent = "Kestrel"; /* 1 in 100 */

static unsigned long rng = 20261126;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

/* Uniform in [0, 1). */
static double
uniform(void)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (double)(rng >> 11) / 9007199254740992.0;
}

#define PICK(a) ((a)[next((unsigned)N(a))])

/* A vocabulary ranked by frequency, with its cumulative Zipf weights. */
typedef struct vocab {
	const char **word;
	double *cdf;
	size_t n;
} vocab;

static void *
xmalloc(size_t n)
{
	void *p = malloc(n);

	if (p == NULL) {
		fprintf(stderr, "seed: out of memory\n");
		exit(1);
	}
	return p;
}

static bool
is_planted(const char *w)
{
	return strcasecmp(w, planted_rare) == 0 || strcasecmp(w, planted_medium) == 0 ||
	       strcasecmp(w, planted_frequent) == 0;
}

/* The ranked words, then TAIL_WORDS more: a typo of a ranked word (two
** ASCII letters swapped) one time in ten, else a name made of two or
** three syllables (a product, a place, a colleague's project).  Rank r
** weighs 1 / (r + 2.7), Zipf's law as word counts follow it; the tail's
** names weigh a third of that and its typos a seventh, so that about one
** word in twelve is a name and one in a hundred a typo. */
static void
vocab_build(vocab *v, const char *const *words, size_t nwords, const char *const *syl,
	    size_t nsyl)
{
	double total = 0;
	bool *typo = xmalloc(nwords + TAIL_WORDS);

	v->n = 0;
	v->word = xmalloc((nwords + TAIL_WORDS) * sizeof *v->word);
	v->cdf = xmalloc((nwords + TAIL_WORDS) * sizeof *v->cdf);
	for (size_t i = 0; i < nwords; i++)
		v->word[v->n++] = words[i];
	for (int i = 0; i < TAIL_WORDS; i++) {
		char buf[64];

		if (i % 10 == 0) {
			const char *w = words[30 + next((unsigned)(nwords - 30))];
			size_t len = strlen(w), at;

			if (len < 5 || len >= sizeof buf)
				continue;
			memcpy(buf, w, len + 1);
			at = 1 + next((unsigned)(len - 3));
			if (!isalpha((unsigned char)buf[at]) || !isalpha((unsigned char)buf[at + 1]) ||
			    buf[at] == buf[at + 1])
				continue;
			buf[at] = w[at + 1];
			buf[at + 1] = w[at];
		} else {
			int parts = 2 + (int)next(2);

			buf[0] = '\0';
			for (int k = 0; k < parts; k++)
				strcat(buf, syl[next((unsigned)nsyl)]);
			if (next(2))
				buf[0] = (char)toupper((unsigned char)buf[0]);
		}
		if (is_planted(buf))
			continue;
		typo[v->n] = i % 10 == 0;
		v->word[v->n] = strdup(buf);
		if (v->word[v->n] == NULL) {
			fprintf(stderr, "seed: out of memory\n");
			exit(1);
		}
		v->n++;
	}
	for (size_t r = 0; r < v->n; r++) {
		total += 1.0 / ((double)r + 1 + 2.7) * (r < nwords ? 1 : typo[r] ? 0.15 : 0.35);
		v->cdf[r] = total;
	}
	for (size_t r = 0; r < v->n; r++)
		v->cdf[r] /= total;
	free(typo);
}

static const char *
vocab_draw(const vocab *v)
{
	double u = uniform();
	size_t lo = 0, hi = v->n - 1;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v->cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return v->word[lo];
}

/* A line being typed: words separated by spaces. */
typedef struct line {
	char buf[1024];
	size_t len;
} line;

static void
put(line *l, const char *s)
{
	size_t n = strlen(s);

	if (l->len + n + 2 >= sizeof l->buf)
		return;
	if (l->len && l->buf[l->len - 1] != ' ')
		l->buf[l->len++] = ' ';
	memcpy(l->buf + l->len, s, n + 1);
	l->len += n;
}

/* One word of the history: mostly the vocabulary's, one in fifty a
** number as notes hold them (amounts, percentages, tickets, versions). */
static void
put_word(line *l, const vocab *v)
{
	char num[32];

	if (next(50) != 0) {
		put(l, vocab_draw(v));
		return;
	}
	switch (next(6)) {
	case 0: snprintf(num, sizeof num, "%u", 1 + next(500)); break;
	case 1: snprintf(num, sizeof num, "%uk", 1 + next(900)); break;
	case 2: snprintf(num, sizeof num, "%u%%", 1 + next(100)); break;
	case 3: snprintf(num, sizeof num, "%u€", 50 * (1 + next(400))); break;
	case 4: snprintf(num, sizeof num, "PRJ-%u", 100 + next(9900)); break;
	default: snprintf(num, sizeof num, "v%u.%u", 1 + next(9), next(20)); break;
	}
	put(l, num);
}

/* n words, as one sentence, or two past 16 words; the planted word, when
** not NULL, among them. */
static void
put_words(line *l, const vocab *v, int n, const char *planted)
{
	int at = planted ? (int)next((unsigned)n + 1) : -1;

	for (int i = 0; i < n; i++) {
		if (i == at)
			put(l, planted);
		put_word(l, v);
		if (n > 16 && i == n / 2 && l->len + 1 < sizeof l->buf) {
			l->buf[l->len++] = '.';
			l->buf[l->len] = '\0';
		}
	}
	if (at == n)
		put(l, planted);
}

/* How many words a note has: a few (two in five), a sentence (most), or
** two sentences (one in seven). */
static int
note_length(void)
{
	unsigned r = next(100);

	if (r < 40)
		return 2 + (int)next(5);
	if (r < 86)
		return 7 + (int)next(10);
	return 17 + (int)next(20);
}

typedef struct seed_client {
	int64_t id;
	int64_t from, to;  /* when the relationship lasts */
	enum rp_lang lang;
	int npeople;
	int64_t person[PEOPLE_MAX_SEED];
	const char *first[PEOPLE_MAX_SEED];
} seed_client;

/* Kinds of note and how many in a hundred. */
static const struct {
	char prefix;
	int weight;
} kinds[] = {
	{0, 30}, {'+', 10}, {'!', 10}, {'?', 8}, {'=', 8}, {'>', 13}, {'*', 5}, {'"', 8}, {'~', 8},
};

/* Template t (seed_words.h) with its %p, %m or %n filled in, into out
** (size bytes). */
static void
fill(char *out, size_t size, const char *t, bool fr)
{
	const char *at = strchr(t, '%'), *arg = "";

	if (at == NULL) {
		snprintf(out, size, "%s", t);
		return;
	}
	if (at[1] == 'p')
		arg = PICK(places);
	else if (at[1] == 'm')
		arg = fr ? PICK(fr_months) : PICK(en_months);
	else
		arg = fr ? PICK(fr_first) : PICK(en_first);
	snprintf(out, size, "%.*s%s%s", (int)(at - t), t, arg, at + 2);
}

/* Write the line of one note, as typed, for client c on a meeting of that
** day; *owner_id gets the person an action is for (0 when none). */
static void
note_line(line *l, const seed_client *c, const vocab *v, rp_date day, const char *planted,
	  int64_t *owner_id)
{
	unsigned r = next(100);
	size_t k = 0;
	bool fr = c->lang == RP_LANG_FR;

	for (int acc = kinds[0].weight; acc <= (int)r; acc += kinds[++k].weight)
		;
	/* The one note of the rare word is a plain note: no fact or
	** follow-up repeats it. */
	if (planted == planted_rare)
		k = 0;
	l->len = 0;
	l->buf[0] = '\0';
	*owner_id = 0;
	if (kinds[k].prefix) {
		l->buf[0] = kinds[k].prefix;
		l->buf[1] = '\0';
		l->len = 1;
	}
	/* Someone of the client's said it, one note in twelve. */
	if (kinds[k].prefix != '*' && c->npeople && next(12) == 0)
		put(l, c->first[next((unsigned)c->npeople)]);
	switch (kinds[k].prefix) {
	case '*': {
		char fact[256];

		fill(fact, sizeof fact, fr ? PICK(fr_personal) : PICK(en_personal), fr);
		put(l, fact);
		if (planted || next(3) == 0)
			put_words(l, v, (int)next(4), planted);
		break;
	}
	case '>': {
		unsigned who = next(100);
		char tag[96];

		put_words(l, v, 3 + (int)next(9), planted);
		if (who < 50) {
			put(l, "@me");
		} else if (who < 85 && c->npeople) {
			int p = (int)next((unsigned)c->npeople);
			char *folded = next(3) == 0 ? text_fold(c->first[p]) : NULL;

			snprintf(tag, sizeof tag, "@%s", folded ? folded : c->first[p]);
			free(folded);
			put(l, tag);
			*owner_id = c->person[p];
		}
		if (next(4) != 0) {
			if (next(10) < 3) {
				char d[16];

				date_format(date_add_days(day, 3 + next(30)), d);
				snprintf(tag, sizeof tag, "^%s", d);
			} else {
				snprintf(tag, sizeof tag, "^%s", fr ? PICK(fr_dues) : PICK(en_dues));
			}
			put(l, tag);
		}
		break;
	}
	default:
		put_words(l, v, note_length(), planted);
		if (kinds[k].prefix == '?' && next(10) < 7 && l->len + 1 < sizeof l->buf) {
			l->buf[l->len++] = '?';
			l->buf[l->len] = '\0';
		}
		break;
	}
	if (next(16) == 0)
		put(l, PICK(topics));
	/* A note is never only its prefix. */
	if (l->len <= 1)
		put(l, fr ? "ok" : "fine");
}

static int64_t
clock_at(void *ctx)
{
	return *(const int64_t *)ctx;
}

/* Run x once; stop on anything but OK, ROW or DONE. */
#define TRY(x)                                                                   \
	do {                                                                    \
		int rc_ = (x);                                                  \
		if (rc_ != SQLITE_OK && rc_ != SQLITE_DONE && rc_ != SQLITE_ROW) { \
			fprintf(stderr, "seed: %s: %s\n", #x, sqlite3_errmsg(db)); \
			exit(1);                                                \
		}                                                               \
	} while (0)

/* The statements the meetings go in with. */
enum {
	S_MEETING, S_ITEM, S_NOTE, S_TOPIC, S_FACT, S_FOLLOWUP, S_TALK, S_TOUCH, S_COUNT
};
static const char *const statements[S_COUNT] = {
	"INSERT INTO meetings (client_id, title, state, planned_at, started_at, ended_at,"
	" planned_minutes, created_at) VALUES (?1, ?2, 'ended', ?3, ?3, ?4, ?5, ?3 - 7 * 86400)",
	"INSERT INTO agenda_items (meeting_id, position, title, timebox_minutes, status,"
	" spent_seconds) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	"INSERT INTO notes (meeting_id, item_id, phase, at, kind, text, closed_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	"INSERT OR IGNORE INTO note_topics (note_id, topic) VALUES (?1, ?2)",
	"INSERT INTO facts (client_id, kind, text, learned_at, meeting_id, note_id)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	"INSERT INTO followups (client_id, meeting_id, note_id, text, owner, due, status,"
	" created_at, closed_at, person_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	"INSERT INTO talk_segments (meeting_id, speaker, started_at, ended_at)"
	" VALUES (?1, ?2, ?3, ?4)",
	"INSERT INTO touchpoints (client_id, at, text, kind) VALUES (?1, ?2, ?3, ?4)",
};

static sqlite3_stmt *stmt[S_COUNT];
static sqlite3 *db;

static void
bind_text_or_null(sqlite3_stmt *s, int i, const char *text)
{
	if (text && *text)
		sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static void
bind_id_or_null(sqlite3_stmt *s, int i, int64_t id)
{
	if (id)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

/* Store one parsed note of meeting mid, and what it gives rise to. */
static void
store_note(const seed_client *c, int64_t mid, int64_t item, int64_t at, const parsed_note *n,
	   int64_t owner_id, bool prep)
{
	sqlite3_stmt *s = stmt[S_NOTE];
	int64_t nid;

	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, mid);
	bind_id_or_null(s, 2, item);
	sqlite3_bind_text(s, 3, prep ? "prep" : "live", -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, at);
	sqlite3_bind_text(s, 5, note_kind_name(n->kind), -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, n->text, -1, SQLITE_STATIC);
	/* Questions get answered within a fortnight, but one in ten of the
	** last year's and one in two hundred before. */
	if (n->kind == NOTE_QUESTION &&
	    !(at > end_time - 365 * DAY ? next(10) == 0 : next(200) == 0))
		sqlite3_bind_int64(s, 7, at + DAY * (1 + next(14)));
	else
		sqlite3_bind_null(s, 7);
	TRY(sqlite3_step(s));
	nid = sqlite3_last_insert_rowid(db);
	for (int i = 0; i < n->ntopics; i++) {
		s = stmt[S_TOPIC];
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, nid);
		sqlite3_bind_text(s, 2, n->topics[i], -1, SQLITE_STATIC);
		TRY(sqlite3_step(s));
	}
	if (n->kind == NOTE_PERSONAL) {
		s = stmt[S_FACT];
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, c->id);
		sqlite3_bind_text(s, 2, fact_kind_name(fact_kind_guess(n->text)), -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, n->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, at);
		sqlite3_bind_int64(s, 5, mid);
		sqlite3_bind_int64(s, 6, nid);
		TRY(sqlite3_step(s));
	} else if (n->kind == NOTE_ACTION) {
		bool recent = at > end_time - 90 * DAY;
		unsigned r = next(100);
		const char *status = recent ? (r < 40 ? "open" : "done")
					    : (r < 1 ? "open" : r < 92 ? "done" : "dropped");
		char due[16];

		s = stmt[S_FOLLOWUP];
		sqlite3_reset(s);
		sqlite3_bind_int64(s, 1, c->id);
		sqlite3_bind_int64(s, 2, mid);
		sqlite3_bind_int64(s, 3, nid);
		sqlite3_bind_text(s, 4, n->body[0] ? n->body : n->text, -1, SQLITE_STATIC);
		bind_text_or_null(s, 5, n->owner);
		bind_text_or_null(s, 6, n->has_due ? date_format(n->due, due) : NULL);
		sqlite3_bind_text(s, 7, status, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 8, at);
		if (strcmp(status, "open") == 0)
			sqlite3_bind_null(s, 9);
		else
			sqlite3_bind_int64(s, 9, at + DAY * (1 + next(20)));
		bind_id_or_null(s, 10, owner_id);
		TRY(sqlite3_step(s));
	}
}

/* The client of a meeting at time t: drawn by weight among those whose
** relationship covers t. */
static const seed_client *
meeting_client(const seed_client *cs, const double *cdf, long n, int64_t t)
{
	for (int tries = 0; tries < 64; tries++) {
		double u = uniform();
		long lo = 0, hi = n - 1;

		while (lo < hi) {
			long mid = (lo + hi) / 2;

			if (cdf[mid] < u)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (cs[lo].from <= t && t <= cs[lo].to)
			return &cs[lo];
	}
	return &cs[0];
}

static void
add_clients(store *st, seed_client *cs, long n)
{
	rp_error err = {0};
	int64_t now;
	rp_clock clock = {.now = clock_at, .ctx = &now};

	for (long i = 0; i < n; i++) {
		seed_client *c = &cs[i];
		static const int cadences[][2] = {{5, 14}, {5, 14}, {5, 14}, {2, 7}, {7, 21}, {14, 30}};
		const int *cad = cadences[next(N(cadences))];
		char name[128];
		bool fr = next(3) == 0;

		/* Three in ten for all ten years (client 000 among them), the
		** rest from one year to what is left after they came. */
		if (i == 0 || next(10) < 3) {
			c->from = end_time - span;
			c->to = end_time;
		} else {
			c->from = end_time - span + (int64_t)(uniform() * (double)(span - 365 * DAY));
			c->to = c->from + 365 * DAY +
				(int64_t)(uniform() * (double)(end_time - c->from - 365 * DAY));
		}
		c->lang = fr ? RP_LANG_FR : RP_LANG_EN;
		snprintf(name, sizeof name, "Client %03ld %s", i,
			 fr ? fr_companies[i % N(fr_companies)] : en_companies[i % N(en_companies)]);
		now = c->from - 30 * DAY;
		if (client_add_in(st, &clock, name, NULL, cad[0], cad[1], c->lang, &c->id, &err) !=
		    RP_OK) {
			fprintf(stderr, "seed: %s\n", err.msg);
			exit(1);
		}
		c->npeople = 2 + (int)next(PEOPLE_MAX_SEED - 1);
		for (int p = 0; p < c->npeople; p++) {
			const char *first, *last;
			char full[128], email[160], *ff, *fl;
			person_fields f;
			bool taken;

			do {
				first = fr ? PICK(fr_first) : PICK(en_first);
				taken = false;
				for (int q = 0; q < p; q++)
					taken |= strcmp(first, c->first[q]) == 0;
			} while (taken);
			last = fr ? PICK(fr_last) : PICK(en_last);
			snprintf(full, sizeof full, "%s %s", first, last);
			ff = text_fold(first);
			fl = text_fold(last);
			if (ff == NULL || fl == NULL) {
				fprintf(stderr, "seed: out of memory\n");
				exit(1);
			}
			for (char *s = fl, *o = fl;; s++)
				if (*s == '\0' || isalnum((unsigned char)*s))
					if ((*o++ = *s) == '\0')
						break;
			snprintf(email, sizeof email, "%s.%s@client%03ld.example", ff, fl, i);
			free(ff);
			free(fl);
			f = (person_fields){.name = full, .email = email,
					    .role = fr ? PICK(fr_roles) : PICK(en_roles)};
			if (person_add(st, &clock, c->id, &f, &c->person[p], &err) != RP_OK) {
				fprintf(stderr, "seed: %s\n", err.msg);
				exit(1);
			}
			c->first[p] = first;
		}
	}
}

/* Around the meetings: one planned meeting per active client in the next
** fortnight; clients whose relationship ended over two years ago are
** archived two months after it did. */
static const char planned_sql[] =
	"INSERT INTO meetings (client_id, title, state, planned_at, planned_minutes, created_at)"
	" SELECT id, CASE lang WHEN 'fr' THEN 'Point hebdo' ELSE 'Weekly status' END, 'planned',"
	" 1795687200 + 86400 * (1 + id % 14), 45, 1795687200 FROM clients"
	" WHERE archived_at IS NULL";

int
main(int argc, char **argv)
{
	rp_error err = {0};
	store *st;
	seed_client *cs;
	double *ccdf, total = 0;
	vocab en, fr;
	long clients, meetings, per, notes = 0;
	long rare_meeting;

	if (argc != 5 || (clients = atol(argv[2])) < 1) {
		fprintf(stderr, "usage: seed PATH CLIENTS MEETINGS NOTES_PER_MEETING\n");
		return 2;
	}
	meetings = atol(argv[3]);
	per = atol(argv[4]);
	rare_meeting = meetings / 2;
	if ((st = store_open(argv[1], STORE_WRITE, &err)) == NULL) {
		fprintf(stderr, "seed: %s\n", err.msg);
		return 1;
	}
	db = store_db(st);
	TRY(sqlite3_exec(db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", NULL, NULL,
			 NULL));
	vocab_build(&en, en_words, N(en_words), en_syllables, N(en_syllables));
	vocab_build(&fr, fr_words, N(fr_words), fr_syllables, N(fr_syllables));

	cs = xmalloc((size_t)clients * sizeof *cs);
	ccdf = xmalloc((size_t)clients * sizeof *ccdf);
	TRY(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
	add_clients(st, cs, clients);
	TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
	/* Weights by a rank that is not the client's number: client 000 is
	** one of the middling ones. */
	for (long i = 0; i < clients; i++) {
		long rank = (i * 37 + 11) % clients;

		total += pow((double)rank + 1, -0.7);
		ccdf[i] = total;
	}
	for (long i = 0; i < clients; i++)
		ccdf[i] /= total;
	for (int i = 0; i < S_COUNT; i++)
		TRY(sqlite3_prepare_v2(db, statements[i], -1, &stmt[i], NULL));

	for (long m = 0; m < meetings; m++) {
		/* Working days, 8:00 to 17:30 UTC. */
		int64_t day = (end_time - span) / DAY + (int64_t)(span / DAY) * m / meetings;
		rp_date date = date_from_days(day);
		int wd = date_weekday(date);
		int64_t at, mid, items[6];
		const seed_client *c;
		const vocab *v;
		int minutes = next(3) == 0 ? 30 : next(2) ? 45 : 60, nitems = 3 + (int)next(4);
		long count = per / 2 + (long)next((unsigned)per + 1);
		const char *const *titles;

		if (wd >= 5) {
			day -= wd - 4;
			date = date_from_days(day);
		}
		at = day * DAY + 8 * 3600 + 1800 * (int64_t)next(20);
		c = meeting_client(cs, ccdf, clients, at);
		v = c->lang == RP_LANG_FR ? &fr : &en;
		if (m % 2000 == 0) {
			if (m)
				TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
			TRY(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
			fprintf(stderr, "\rseed: %ld/%ld meetings", m, meetings);
		}
		sqlite3_reset(stmt[S_MEETING]);
		sqlite3_bind_int64(stmt[S_MEETING], 1, c->id);
		sqlite3_bind_text(stmt[S_MEETING], 2,
				  c->lang == RP_LANG_FR ? PICK(fr_meeting_titles)
							: PICK(en_meeting_titles),
				  -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt[S_MEETING], 3, at);
		sqlite3_bind_int64(stmt[S_MEETING], 4, at + minutes * 60 - 300 + next(600));
		sqlite3_bind_int(stmt[S_MEETING], 5, minutes);
		TRY(sqlite3_step(stmt[S_MEETING]));
		mid = sqlite3_last_insert_rowid(db);

		titles = c->lang == RP_LANG_FR ? fr_items : en_items;
		for (int i = 0, first = (int)next(N(en_items)); i < nitems; i++) {
			sqlite3_stmt *s = stmt[S_ITEM];
			unsigned r = next(100);
			int box = 5 * (1 + (int)next(4));

			sqlite3_reset(s);
			sqlite3_bind_int64(s, 1, mid);
			sqlite3_bind_int(s, 2, i + 1);
			sqlite3_bind_text(s, 3, titles[(first + i * 5) % N(en_items)], -1,
					  SQLITE_STATIC);
			sqlite3_bind_int(s, 4, box);
			sqlite3_bind_text(s, 5, r < 85 ? "done" : r < 90 ? "skipped" : "parked", -1,
					  SQLITE_STATIC);
			sqlite3_bind_int(s, 6, r < 85 ? box * 40 + (int)next((unsigned)box * 40) : 0);
			TRY(sqlite3_step(s));
			items[i] = sqlite3_last_insert_rowid(db);
		}
		/* Who talked: four to eleven turns, the client's longer. */
		{
			int turns = 4 + (int)next(8), len[12], sum = 0;
			int64_t t = at;

			for (int i = 0; i < turns; i++)
				sum += len[i] = (i % 2 ? 14 : 8) + (int)next(10);
			for (int i = 0; i < turns; i++) {
				int64_t to = t + (int64_t)minutes * 60 * len[i] / sum;

				sqlite3_reset(stmt[S_TALK]);
				sqlite3_bind_int64(stmt[S_TALK], 1, mid);
				sqlite3_bind_text(stmt[S_TALK], 2, i % 2 ? "client" : "you", -1,
						  SQLITE_STATIC);
				sqlite3_bind_int64(stmt[S_TALK], 3, t);
				sqlite3_bind_int64(stmt[S_TALK], 4, to);
				TRY(sqlite3_step(stmt[S_TALK]));
				t = to;
			}
		}
		/* A prep note or two the day before, one meeting in five. */
		for (int i = next(5) == 0 ? 1 + (int)next(2) : 0; i > 0; i--) {
			parsed_note n;
			line l = {.len = 0};

			put_words(&l, v, 3 + (int)next(8), NULL);
			if (note_parse_line(l.buf, date, &n, &err) == RP_OK)
				store_note(c, mid, 0, at - DAY, &n, 0, true);
		}
		for (long n = 0; n < count; n++, notes++) {
			const char *planted = m == rare_meeting && n == 0 ? planted_rare
					      : next(10000) == 0	  ? planted_medium
					      : next(100) == 0		  ? planted_frequent
									  : NULL;
			int64_t owner_id, nat = at + n * minutes * 60 / (count ? count : 1);
			parsed_note pn;
			line l;

			note_line(&l, c, v, date, planted, &owner_id);
			if (note_parse_line(l.buf, date, &pn, &err) != RP_OK) {
				fprintf(stderr, "seed: %s: %s\n", l.buf, err.msg);
				return 1;
			}
			store_note(c, mid, items[n * nitems / (count ? count : 1)], nat, &pn, owner_id,
				   false);
		}
		/* An email or a call after one meeting in three. */
		if (next(3) == 0 && at + 5 * DAY < end_time) {
			static const char *const en_touch[][2] = {
				{"email", "sent the minutes and the revised plan"},
				{"call", "chased the purchase order"},
				{"email", "shared the updated timeline"},
				{"message", "confirmed the next meeting"},
			};
			static const char *const fr_touch[][2] = {
				{"email", "envoyé le compte-rendu et le planning révisé"},
				{"call", "relancé le bon de commande"},
				{"email", "partagé le calendrier mis à jour"},
				{"message", "confirmé la prochaine réunion"},
			};
			const char *const *t = c->lang == RP_LANG_FR ? fr_touch[next(4)] : en_touch[next(4)];

			sqlite3_reset(stmt[S_TOUCH]);
			sqlite3_bind_int64(stmt[S_TOUCH], 1, c->id);
			sqlite3_bind_int64(stmt[S_TOUCH], 2, at + DAY * (1 + next(4)));
			sqlite3_bind_text(stmt[S_TOUCH], 3, t[1], -1, SQLITE_STATIC);
			sqlite3_bind_text(stmt[S_TOUCH], 4, t[0], -1, SQLITE_STATIC);
			TRY(sqlite3_step(stmt[S_TOUCH]));
		}
	}
	if (meetings)
		TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(stmt[i]);
	{
		sqlite3_stmt *s;

		TRY(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL));
		TRY(sqlite3_prepare_v2(db, "UPDATE clients SET archived_at = ?2 WHERE id = ?1", -1,
				       &s, NULL));
		for (long i = 0; i < clients; i++) {
			if (cs[i].to >= end_time - 2 * 365 * DAY)
				continue;
			sqlite3_reset(s);
			sqlite3_bind_int64(s, 1, cs[i].id);
			sqlite3_bind_int64(s, 2, cs[i].to + 60 * DAY);
			TRY(sqlite3_step(s));
		}
		sqlite3_finalize(s);
		TRY(sqlite3_exec(db, planned_sql, NULL, NULL, NULL));
		TRY(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL));
	}
	fprintf(stderr, "\rseed: %ld clients, %ld meetings, %ld notes\n", clients, meetings, notes);
	{
		static const char *const shown[][2] = {
			{"rare", "zanzibar"}, {"medium", "halcyon"}, {"frequent", "kestrel"},
			{"common", "budget"},
		};
		sqlite3_stmt *s;

		TRY(sqlite3_prepare_v2(db, "SELECT count(*) FROM search_fts WHERE search_fts MATCH ?1",
				       -1, &s, NULL));
		for (size_t i = 0; i < N(shown); i++) {
			sqlite3_reset(s);
			sqlite3_bind_text(s, 1, shown[i][1], -1, SQLITE_STATIC);
			TRY(sqlite3_step(s));
			printf("word %s %s %lld\n", shown[i][0], shown[i][1],
			       (long long)sqlite3_column_int64(s, 0));
		}
		sqlite3_finalize(s);
	}
	TRY(sqlite3_exec(db, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL));
	store_close(st);
	return 0;
}
