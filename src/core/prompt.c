/* prompt.c: the follow-up prompt engine.  See prompt.h and DESIGN.md §2.2.
**
** Each rule is one row of `rules`: it looks at the session and offers
** prompts through emit(), which drops those the session lists as used or
** dismissed and keeps the best ones, in order, straight in the caller's
** array.  Every piece of stored text goes through text_sanitize() before it
** reaches a prompt, so no prompt can carry a control character.
*/
#include "rapport/prompt.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "prompt_say.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/opener.h"
#include "rapport/text.h"

#define EXCERPT_CHARS 40      /* characters of stored text in a prompt, "…" included */
#define WALK_CHARS 80         /* walkthrough parts say more than a note excerpt */
#define EXCERPT_SIZE SAY_SIZE
#define LATER_ITEMS_MAX 3     /* later items named when one runs over */
#define WINDOW 300            /* seconds: talk share window, silence, first and last minutes */
#define TALK_SHARE_MAX 60     /* percent of the window you may talk */
#define TALK_MIN 60           /* seconds of talk before a share means anything */
#define MONOLOGUE 120         /* seconds you may talk without a break */
#define POOL (PROMPTS_MAX * 2)  /* prompts kept before the stale ones fade */

static const char ellipsis[] = "…";

static const char *const kind_labels[] = {
#define PROMPT_KIND_LABEL(kind, label) [kind] = label,
	PROMPT_KIND_LIST(PROMPT_KIND_LABEL)
#undef PROMPT_KIND_LABEL
};

/* How each kind is shown: its label first (the user's language, as the
** screen around it), where DESIGN.md §2.2 puts one; a sentence to say as
** it is, in quotes (the client's language's).  Time, listen and summarise
** stand alone: "Budget: 4' left" needs no label. */
static const struct {
	bool label, quoted;
} line_forms[PROMPT_KIND_COUNT] = {
	[PROMPT_REFLECT] = { true, true },
	[PROMPT_DIG] = { true, true },
	[PROMPT_CONFIRM] = { true, false },
	[PROMPT_QUESTION] = { true, false },
	[PROMPT_CLARIFY] = { true, false },
	[PROMPT_PIN] = { true, false },
	[PROMPT_SMALL_TALK] = { true, false },
	[PROMPT_WALK] = { true, false },
	[PROMPT_CLOSE] = { true, false },
};

char *
prompt_line(const prompt *p, char *buf, size_t size)
{
	bool known = (unsigned)p->kind < PROMPT_KIND_COUNT;
	bool label = known && line_forms[p->kind].label, quoted = known && line_forms[p->kind].quoted;
	bool fr = p->lang == RP_LANG_FR;

	snprintf(buf, size, "%s%s%s%s%s", label ? _(kind_labels[p->kind]) : "",
		 !label ? "" : lang_user() == RP_LANG_FR ? NNBSP ": " : ": ",
		 !quoted ? "" : fr ? "«" NNBSP : "\"", p->text,
		 !quoted ? "" : fr ? NNBSP "»" : "\"");
	return buf;
}

const char *
prompt_kind_label(enum prompt_kind kind)
{
	if ((unsigned)kind >= PROMPT_KIND_COUNT)
		return NULL;
	return kind_labels[kind];
}

/* ---- Text ---------------------------------------------------------------- */

/* Copy src into dst (size bytes, size > 0), cut on a character boundary when
** it does not fit.  src is valid UTF-8, so backing off continuation bytes
** lands on the start of a sequence. */
static void
copy_cut(char *dst, size_t size, const char *src, size_t len)
{
	if (len > size - 1) {
		len = size - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The code point at s[i] (s valid UTF-8, i < len); sets *n to its length. */
static uint32_t
cp_at(const char *s, size_t len, size_t i, int *n)
{
	uint32_t cp;

	*n = text_utf8_decode(s + i, len - i, &cp);
	if (*n == 0) {
		*n = 1;
		cp = 0xFFFD;
	}
	return cp;
}

/* Find the next word of s[0..len) from *pos: a run of letters and digits.
** A hyphen between letters stays inside ("grand-père" is not "grand"); an
** apostrophe splits ("l'optimal" holds "optimal").  Sets [*start, *end)
** and moves *pos past it; false when there is none. */
static bool
next_word(const char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
	size_t i = *pos;
	uint32_t cp;
	int n;

	while (i < len && !text_is_word_cp(cp_at(s, len, i, &n)))
		i += (size_t)n;
	if (i >= len)
		return false;
	*start = i;
	while (i < len) {
		cp = cp_at(s, len, i, &n);
		if (text_is_word_cp(cp)) {
			i += (size_t)n;
		} else if (cp == '-' && i + 1 < len && text_is_word_cp(cp_at(s, len, i + 1, &n))) {
			i++;
		} else {
			break;
		}
	}
	*end = i;
	*pos = i;
	return true;
}

/* Vague words, folded; several words are separated by one space. */
static const char *const vague_words[] = {
	/* English */
	"soon", "asap", "quickly", "quick", "better", "simple", "simply", "cheap",
	"big", "fast", "easy", "some", "several", "many", "later", "flexible",
	"improve", "optimal", "as soon as possible",
	/* French ("simple" and "optimal" above serve both) */
	"bientot", "rapidement", "vite", "facile", "mieux", "meilleur", "pas cher", "pas chere",
	"pas chers", "pas cheres", "bon marche",
	"gros", "grand", "plus tard", "quelques", "plusieurs", "ameliorer",
};

/* Does the vague entry `want` match s from the word [start, end), first
** that word folded?  The words of an entry must follow each other with
** only spaces between; those after the first are folded only when the
** first matched.  Sets *match_end to the end of its last word. */
static bool
vague_match_at(const char *s, size_t len, size_t start, size_t end, const char *first,
	       const char *want, size_t *match_end)
{
	char folded[32];
	const char *word = first;
	size_t pos = end, ws = start, we = end, wlen;
	const char *space;

	for (;;) {
		space = strchr(want, ' ');
		wlen = space ? (size_t)(space - want) : strlen(want);
		if (word != first && !text_fold_into(s + ws, we - ws, folded, sizeof folded))
			return false;
		if (strlen(word) != wlen || memcmp(word, want, wlen) != 0)
			return false;
		word = folded;
		if (space == NULL)
			break;
		want = space + 1;
		if (!next_word(s, len, &pos, &ws, &we))
			return false;
		for (size_t i = end; i < ws; i++)
			if (s[i] != ' ')
				return false;
		end = we;
	}
	*match_end = we;
	return true;
}

/* Find the first vague word (longest entry at the earliest word) of clean,
** sanitized text.  Sets [*start, *end); false when there is none. */
static bool
find_vague(const char *clean, size_t *start, size_t *end)
{
	size_t len = strlen(clean), pos = 0, ws, we, me, best;
	char first[32];

	while (next_word(clean, len, &pos, &ws, &we)) {
		/* Each word folded once, then held against every entry. */
		if (!text_fold_into(clean + ws, we - ws, first, sizeof first))
			continue;
		best = 0;
		for (size_t i = 0; i < sizeof vague_words / sizeof vague_words[0]; i++)
			if (vague_match_at(clean, len, ws, we, first, vague_words[i], &me) &&
			    me > best)
				best = me;
		if (best > 0) {
			*start = ws;
			*end = best;
			return true;
		}
	}
	return false;
}

int
prompt_vague_word(const char *text, char *word, size_t size)
{
	char *clean;
	size_t start, end;
	int found;

	if (text == NULL)
		return 0;
	/* Matched on the sanitized text, so the word copied is safe to show. */
	clean = text_sanitize(text, " ");
	if (clean == NULL)
		return 0;
	found = find_vague(clean, &start, &end);
	if (found && word != NULL && size > 0)
		copy_cut(word, size, clean + start, end - start);
	free(clean);
	return found;
}

/* ---- The engine ----------------------------------------------------------- */

struct engine {
	const session *s;
	prompt_memo *memo;        /* NULL: every phrase made anew */
	int64_t now;
	rp_date today;
	int rank;                 /* of the rule running */
	prompt out[POOL];         /* kept prompts, best first */
	int64_t at[POOL];         /* when each one's source happened */
	size_t n, cap;
};

static bool emit(struct engine *e, enum prompt_kind kind, const char *key, int64_t note_id,
		 int64_t item_id, int64_t at, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Offer a prompt of the running rule's rank whose source happened at `at`.
** Keeps it when it is among the cap best so far: higher rank first, then
** newer source first, and in the order offered when both tie.  A note
** speaks through one prompt at a time: rules run best first, so a note that
** already has one keeps it, and its next waits until that one is used or
** dismissed.  Returns false when the session lists key as used or
** dismissed, or the note has its prompt already. */
static bool
emit(struct engine *e, enum prompt_kind kind, const char *key, int64_t note_id,
     int64_t item_id, int64_t at, const char *fmt, ...)
{
	char buf[PROMPT_TEXT_MAX * 4];
	size_t pos = 0, len, keep;
	prompt *p;
	va_list ap;

	if (session_prompt_done(e->s, key))
		return false;
	for (size_t i = 0; note_id != 0 && i < e->n; i++)
		if (e->out[i].note_id == note_id)
			return false;
	while (pos < e->n && (e->out[pos].rank > e->rank ||
			      (e->out[pos].rank == e->rank && e->at[pos] >= at)))
		pos++;
	if (pos >= e->cap)
		return true;
	keep = e->n < e->cap ? e->n : e->cap - 1;
	memmove(e->out + pos + 1, e->out + pos, (keep - pos) * sizeof *e->out);
	memmove(e->at + pos + 1, e->at + pos, (keep - pos) * sizeof *e->at);
	e->n = keep + 1;

	p = &e->out[pos];
	memset(p, 0, sizeof *p);
	e->at[pos] = at;
	p->kind = kind;
	p->note_id = note_id;
	p->item_id = item_id;
	p->rank = e->rank;
	p->lang = e->s->lang;
	copy_cut(p->key, sizeof p->key, key, strlen(key));
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	len = strlen(buf);
	if (len < sizeof p->text) {
		memcpy(p->text, buf, len + 1);
	} else {
		copy_cut(p->text, sizeof p->text - (sizeof ellipsis - 1), buf, len);
		strcat(p->text, ellipsis);
	}
	return true;
}

static bool
is_live(const session *s)
{
	return s->state == MEETING_LIVE && s->started_at > 0;
}

/* Item titles, walkthroughs and facts as the prompts quote them. */
static char *
excerpt(const struct engine *e, const char *text, size_t max_chars, char *out, size_t size)
{
	return say_excerpt(e->s->lang, text, max_chars, false, out, size);
}

/* Notes as the rules offer them: newest first, and notes of the same
** second in the order taken (the order emit() keeps for a tie).  With
** room_for(), a rule reads the newest notes until the pool has no room:
** Enter costs the same at note 300 as at note 1. */
struct newest {
	const session_note *notes;
	size_t start, end, i;   /* the group of one second being read: [start, end) */
};

static struct newest
newest_first(const session *s)
{
	return (struct newest){ .notes = s->notes, .start = s->nnotes, .end = s->nnotes,
				.i = s->nnotes };
}

static const session_note *
newest_next(struct newest *it)
{
	if (it->i == it->end) {
		if (it->start == 0)
			return NULL;
		it->end = it->start;
		while (it->start > 0 && it->notes[it->start - 1].at == it->notes[it->end - 1].at)
			it->start--;
		it->i = it->start;
	}
	return &it->notes[it->i++];
}

/* Could a prompt of the running rule whose source happened at `at` still
** be kept?  The pool is best first; once its last is better, no older
** note of this rule can enter, and the rule stops reading. */
static bool
room_for(const struct engine *e, int64_t at)
{
	const prompt *last = &e->out[e->cap - 1];

	return e->n < e->cap || last->rank < e->rank ||
	       (last->rank == e->rank && e->at[e->cap - 1] < at);
}

/* ---- What the rules said of each note, kept between computations -------- */

/* The phrases a rule makes of a note's text. */
enum said_by { SAID_REFLECT, SAID_DIG, SAID_CONFIRM, SAID_QUESTION, SAID_PIN, SAID_CLARIFY };

/* One phrase (a clarify's vague word) made of a note, found again by the
** note, the rule and all it was made from: the text itself, the language,
** an action's owner and due date.  A note edited, or the language switched,
** is phrased anew. */
struct said {
	int64_t note_id;          /* 0: a free slot */
	unsigned by;              /* enum said_by, the language and the flags */
	char *src;                /* the note's text it was made from */
	char *text;               /* what was said; "" for nothing */
};

/* Two tables: what the last computation said (old), what this one says
** (now), moved from old when found there.  What the last one said and this
** one did not read is dropped: the memo holds what one computation reads,
** bounded by the pool as the reading is, not by the meeting. */
struct prompt_memo {
	struct said *old, *now;
	size_t old_cap, now_cap, now_n;
	size_t made;              /* phrases made (not found) by the last computation */
};

prompt_memo *
prompt_memo_new(void)
{
	return calloc(1, sizeof(prompt_memo));
}

static void
said_free(struct said *t, size_t cap)
{
	for (size_t i = 0; t && i < cap; i++) {
		free(t[i].src);
		free(t[i].text);
	}
	free(t);
}

void
prompt_memo_free(prompt_memo *m)
{
	if (m == NULL)
		return;
	said_free(m->old, m->old_cap);
	said_free(m->now, m->now_cap);
	free(m);
}

size_t
prompt_memo_made(const prompt_memo *m)
{
	return m ? m->made : 0;
}

static size_t
slot_of(int64_t note_id, unsigned by, size_t cap)
{
	uint64_t h = (uint64_t)note_id * 0x9e3779b97f4a7c15u ^ (uint64_t)by * 0xff51afd7ed558ccdu;

	return (size_t)(h >> 17) & (cap - 1);
}

/* The slot of (note_id, by, src) in t, or the free one where it would go. */
static struct said *
said_find(struct said *t, size_t cap, int64_t note_id, unsigned by, const char *src)
{
	for (size_t i = slot_of(note_id, by, cap);; i = (i + 1) & (cap - 1)) {
		struct said *x = &t[i];

		if (x->note_id == 0 ||
		    (x->note_id == note_id && x->by == by && strcmp(x->src, src) == 0))
			return x;
	}
}

/* Room in now for one more, at most half full; false on no memory. */
static bool
said_room(prompt_memo *m)
{
	struct said *t;
	size_t cap;

	if (m->now_n + 1 <= m->now_cap / 2)
		return true;
	cap = m->now_cap ? m->now_cap * 2 : 64;
	if ((t = calloc(cap, sizeof *t)) == NULL)
		return false;
	for (size_t i = 0; i < m->now_cap; i++)
		if (m->now[i].note_id != 0)
			*said_find(t, cap, m->now[i].note_id, m->now[i].by, m->now[i].src) = m->now[i];
	free(m->now);
	m->now = t;
	m->now_cap = cap;
	return true;
}

/* The end of a computation: what it said is what the next one finds. */
static void
memo_turn(prompt_memo *m)
{
	said_free(m->old, m->old_cap);
	m->old = m->now;
	m->old_cap = m->now_cap;
	m->now = NULL;
	m->now_cap = m->now_n = 0;
}

static char *(*const sayers[])(enum rp_lang, const char *, char *, size_t) = {
	[SAID_REFLECT] = say_reflect,
	[SAID_DIG] = say_dig,
	[SAID_CONFIRM] = say_confirm,
	[SAID_QUESTION] = say_question,
};

/* What rule `by` makes of note n, in lang, into out. */
static void
say_of(enum said_by by, enum rp_lang lang, const session_note *n, char *out, size_t size)
{
	if (by == SAID_PIN)
		say_pin(lang, n->text, n->has_owner, n->has_due, out, size);
	else if (by == SAID_CLARIFY && !prompt_vague_word(n->text, out, size))
		out[0] = '\0';
	else if (by != SAID_CLARIFY)
		sayers[by](lang, n->text, out, size);
}

/* The same, found in the memo when the last computation made it. */
static const char *
said(struct engine *e, enum said_by by, const session_note *n, char *out, size_t size)
{
	prompt_memo *m = e->memo;
	unsigned key = (unsigned)by | (unsigned)e->s->lang << 4;
	struct said *x, *old = NULL;

	if (by == SAID_PIN)  /* what it asks for depends on them */
		key |= (unsigned)n->has_owner << 8 | (unsigned)n->has_due << 9;
	if (m == NULL || n->id == 0) {
		say_of(by, e->s->lang, n, out, size);
		return out;
	}
	if (m->old_cap && (old = said_find(m->old, m->old_cap, n->id, key, n->text))->note_id == 0)
		old = NULL;
	if (old == NULL) {
		say_of(by, e->s->lang, n, out, size);
		m->made++;
	} else {
		snprintf(out, size, "%s", old->text);
	}
	if (!said_room(m))
		return out;
	if ((x = said_find(m->now, m->now_cap, n->id, key, n->text))->note_id != 0)
		return out;  /* said already in this computation */
	if (old != NULL) {
		*x = *old;
		/* Taken: the slot stays used, so a probe goes on past it, but
		** matches nothing; its strings belong to the new table now. */
		old->src = old->text = NULL;
		old->by = ~0u;
	} else {
		x->src = strdup(n->text);
		x->text = strdup(out);
		if (x->src == NULL || x->text == NULL) {
			free(x->src);
			free(x->text);
			x->src = x->text = NULL;
			return out;
		}
		x->note_id = n->id;
		x->by = key;
	}
	m->now_n++;
	return out;
}

/* Offer the sentence say() makes of each note of kind, keyed "name:n<id>". */
static void
note_prompts(struct engine *e, enum note_kind nkind, enum prompt_kind pkind, const char *name,
	     enum said_by by)
{
	char text[SAY_SIZE], key[PROMPT_KEY_MAX];
	struct newest it = newest_first(e->s);
	const session_note *n;

	while ((n = newest_next(&it)) != NULL && room_for(e, n->at)) {
		if (n->kind != nkind)
			continue;
		if (*said(e, by, n, text, sizeof text) == '\0')
			continue;
		snprintf(key, sizeof key, "%s:n%lld", name, (long long)n->id);
		emit(e, pkind, key, n->id, n->item_id, n->at, "%s", text);
	}
}

static void
rule_reflect(struct engine *e)
{
	note_prompts(e, NOTE_CONCERN, PROMPT_REFLECT, "reflect", SAID_REFLECT);
}

static void
rule_dig(struct engine *e)
{
	note_prompts(e, NOTE_NEED, PROMPT_DIG, "dig", SAID_DIG);
}

static void
rule_confirm(struct engine *e)
{
	note_prompts(e, NOTE_DECISION, PROMPT_CONFIRM, "confirm", SAID_CONFIRM);
}

static void
rule_question(struct engine *e)
{
	note_prompts(e, NOTE_QUESTION, PROMPT_QUESTION, "question", SAID_QUESTION);
}

/* What a vague word leaves open, and the question that closes it: a date
** for "soon", a date or a number for "quickly", a count for "several", a
** budget for "cheap", else a number or an example ("simple", "better"). */
static const struct vague_ask {
	const char *words[12];  /* folded */
	const char *en, *fr;    /* after "When you say "soon"," */
} vague_asks[] = {
	{ { "soon", "asap", "later", "as soon as possible", "bientot", "plus tard", NULL },
	  "which date would make it a win for you?",
	  "quelle date vous conviendrait" NNBSP "?" },
	{ { "quickly", "quick", "fast", "rapidement", "vite", NULL },
	  "what would be quick enough: a date, a number?",
	  "qu'est-ce qui serait assez rapide" NNBSP ": une date, un chiffre" NNBSP "?" },
	{ { "some", "several", "many", "quelques", "plusieurs", NULL },
	  "how many do you have in mind?",
	  "combien, à peu près" NNBSP "?" },
	{ { "cheap", "pas cher", "pas chere", "pas chers", "pas cheres", "bon marche", NULL },
	  "what budget do you have in mind?",
	  "vous pensez à quel budget" NNBSP "?" },
	{ { NULL },
	  "what would that look like, concretely: a number, an example?",
	  "qu'est-ce que cela veut dire concrètement" NNBSP ": un chiffre, un exemple" NNBSP "?" },
};

static const struct vague_ask *
vague_ask_of(const char *word)
{
	char *folded = text_fold(word);
	size_t i;

	for (i = 0; folded && vague_asks[i].words[0]; i++)
		for (int w = 0; vague_asks[i].words[w]; w++)
			if (strcmp(folded, vague_asks[i].words[w]) == 0)
				goto out;
	while (vague_asks[i].words[0])
		i++;
out:
	free(folded);
	return &vague_asks[i];
}

/* The first vague word of each note; private notes are the user's own and
** personal ones are small talk, where "big" is no commitment. */
static void
rule_clarify(struct engine *e)
{
	char word[64], key[PROMPT_KEY_MAX];
	struct newest it = newest_first(e->s);
	const session_note *n;

	while ((n = newest_next(&it)) != NULL && room_for(e, n->at)) {
		if (n->kind == NOTE_PRIVATE || n->kind == NOTE_PERSONAL)
			continue;
		if (*said(e, SAID_CLARIFY, n, word, sizeof word) == '\0')
			continue;
		snprintf(key, sizeof key, "clarify:n%lld", (long long)n->id);
		emit(e, PROMPT_CLARIFY, key, n->id, n->item_id, n->at, "%s%s%s%s",
		     IN_LANG(e->s->lang, "When you say \"", "Quand vous dites «" NNBSP), word,
		     IN_LANG(e->s->lang, "\", ", NNBSP "», "),
		     IN_LANG(e->s->lang, vague_ask_of(word)->en, vague_ask_of(word)->fr));
	}
}

/* An action asks only for what it lacks: an owner, a due date, or both. */
static void
rule_pin(struct engine *e)
{
	char text[SAY_SIZE], key[PROMPT_KEY_MAX];
	struct newest it = newest_first(e->s);
	const session_note *n;

	while ((n = newest_next(&it)) != NULL && room_for(e, n->at)) {
		if (n->kind != NOTE_ACTION || (n->has_owner && n->has_due))
			continue;
		if (*said(e, SAID_PIN, n, text, sizeof text) == '\0')
			continue;
		snprintf(key, sizeof key, "pin:n%lld", (long long)n->id);
		emit(e, PROMPT_PIN, key, n->id, n->item_id, n->at, "%s", text);
	}
}

/* The current item, its timebox and time spent, in seconds; NULL when
** there is no current item with a timebox. */
static const session_item *
timed_item(const struct engine *e, int64_t *box, int64_t *spent)
{
	const session_item *it = session_current_item(e->s);

	if (it == NULL || it->timebox_minutes <= 0)
		return NULL;
	*box = (int64_t)it->timebox_minutes * 60;
	*spent = session_item_elapsed(it, e->now);
	return it;
}

static void
rule_time70(struct engine *e)
{
	const session_item *it;
	int64_t box, spent;
	char title[EXCERPT_SIZE], key[PROMPT_KEY_MAX];

	it = timed_item(e, &box, &spent);
	if (it == NULL || spent * 10 < box * 7 || spent >= box)
		return;
	excerpt(e, it->title, EXCERPT_CHARS, title, sizeof title);
	snprintf(key, sizeof key, "time70:i%lld", (long long)it->id);
	if (e->s->lang == RP_LANG_FR)
		emit(e, PROMPT_TIME, key, 0, it->id, e->now, "%s" NNBSP ": encore %lld'",
		     title[0] ? title : "Ce point", (long long)((box - spent + 59) / 60));
	else
		emit(e, PROMPT_TIME, key, 0, it->id, e->now, "%s: %lld' left",
		     title[0] ? title : "This item", (long long)((box - spent + 59) / 60));
}

/* At the timebox itself the item is in its first minute over: "1' over". */
static void
rule_over(struct engine *e)
{
	const session_item *it;
	int64_t box, spent, over;
	char title[EXCERPT_SIZE], later[(LATER_ITEMS_MAX + 1) * EXCERPT_SIZE];
	char part[EXCERPT_SIZE], key[PROMPT_KEY_MAX];
	size_t named = 0;

	it = timed_item(e, &box, &spent);
	if (it == NULL || spent < box)
		return;
	over = (spent - box + 59) / 60;
	if (over < 1)
		over = 1;
	later[0] = '\0';
	for (size_t i = (size_t)(it - e->s->items) + 1; i < e->s->nitems; i++) {
		if (e->s->items[i].status != AGENDA_PENDING)
			continue;
		if (named == LATER_ITEMS_MAX) {
			strcat(later, ellipsis);
			break;
		}
		excerpt(e, e->s->items[i].title, EXCERPT_CHARS, part, sizeof part);
		if (named > 0)
			strcat(later, ", ");
		strcat(later, part);
		named++;
	}
	excerpt(e, it->title, EXCERPT_CHARS, title, sizeof title);
	snprintf(key, sizeof key, "over:i%lld", (long long)it->id);
	if (e->s->lang == RP_LANG_FR && named > 0)
		emit(e, PROMPT_TIME, key, 0, it->id, e->now,
		     "%s déborde de %lld'" NNBSP ": le reporter, ou prendre le temps sur %s" NNBSP "?",
		     title[0] ? title : "Ce point", (long long)over, later);
	else if (e->s->lang == RP_LANG_FR)
		emit(e, PROMPT_TIME, key, 0, it->id, e->now,
		     "%s déborde de %lld'" NNBSP ": le reporter, ou prolonger" NNBSP "?",
		     title[0] ? title : "Ce point", (long long)over);
	else if (named > 0)
		emit(e, PROMPT_TIME, key, 0, it->id, e->now,
		     "%s is %lld' over — park it, or take the time from %s?",
		     title[0] ? title : "This item", (long long)over, later);
	else
		emit(e, PROMPT_TIME, key, 0, it->id, e->now,
		     "%s is %lld' over — park it, or run over?",
		     title[0] ? title : "This item", (long long)over);
}

/* Your share of the talk in the last WINDOW seconds, or a monologue of
** MONOLOGUE seconds.  Keyed by the window, so a dismissal lasts until the
** next one. */
static void
rule_listen(struct engine *e)
{
	const session *s = e->s;
	int64_t from = e->now - WINDOW, you = 0, them = 0, start;
	char key[PROMPT_KEY_MAX];

	for (size_t i = 0; i < s->ntalk; i++) {
		const session_talk *t = &s->talk[i];
		int64_t a = t->started_at > from ? t->started_at : from;
		int64_t b = t->ended_at != 0 && t->ended_at < e->now ? t->ended_at : e->now;

		if (b <= a)
			continue;
		if (t->speaker == TALK_SIDE_YOU)
			you += b - a;
		else
			them += b - a;
	}
	snprintf(key, sizeof key, "listen:%lld", (long long)(e->now / WINDOW));
	if (you + them >= TALK_MIN && you * 100 > TALK_SHARE_MAX * (you + them)) {
		long long share = (you * 200 + (you + them)) / (2 * (you + them));

		if (e->s->lang == RP_LANG_FR)
			emit(e, PROMPT_LISTEN, key, 0, 0, e->now,
			     "Vous avez parlé %lld" NNBSP "%% du temps ces dernières minutes" NNBSP
			     ": posez une question ouverte, puis écoutez",
			     share);
		else
			emit(e, PROMPT_LISTEN, key, 0, 0, e->now,
			     "You've talked %lld %% lately — ask an open question and listen", share);
		return;
	}
	if (session_talking(s) != TALK_SIDE_YOU)
		return;
	/* Segments of yours that touch are one stretch: no one else spoke. */
	start = s->talk[s->ntalk - 1].started_at;
	for (size_t i = s->ntalk - 1; i-- > 0;) {
		if (s->talk[i].speaker != TALK_SIDE_YOU || s->talk[i].ended_at < start)
			break;
		start = s->talk[i].started_at;
	}
	if (e->now - start < MONOLOGUE)
		return;
	if (e->s->lang == RP_LANG_FR)
		emit(e, PROMPT_LISTEN, key, 0, 0, e->now,
		     "Vous parlez depuis %lld' sans pause" NNBSP
		     ": posez une question ouverte, puis écoutez",
		     (long long)((e->now - start) / 60));
	else
		emit(e, PROMPT_LISTEN, key, 0, 0, e->now,
		     "You've talked for %lld' without a break — ask an open question and listen",
		     (long long)((e->now - start) / 60));
}

static void
rule_summarise(struct engine *e)
{
	const session *s = e->s;
	int64_t last = s->started_at;
	char key[PROMPT_KEY_MAX];

	if (session_talking(s) != TALK_SIDE_CLIENT)
		return;
	for (size_t i = 0; i < s->nnotes; i++)
		if (s->notes[i].at > last)
			last = s->notes[i].at;
	if (e->now - last < WINDOW)
		return;
	snprintf(key, sizeof key, "summarise:%lld", (long long)last);
	emit(e, PROMPT_SUMMARISE, key, 0, 0, last, "%s",
	     IN_LANG(e->s->lang, "Summarise back what you've heard so far: \"If I've followed you…\"",
		     "Résumez ce que vous avez entendu jusqu'ici" NNBSP ": «" NNBSP
		     "Si je vous ai bien suivi…" NNBSP "»"));
}

/* The two newest facts from before this meeting not yet used or dismissed,
** so dismissing one brings up the next. */
static void
rule_small_talk(struct engine *e)
{
	const session *s = e->s;
	bool fr = s->lang == RP_LANG_FR;
	char ex[EXCERPT_SIZE], key[PROMPT_KEY_MAX], when[48];
	int offered = 0;

	if (e->now < s->started_at || e->now - s->started_at >= WINDOW)
		return;
	for (size_t i = 0; i < s->nfacts && offered < 2; i++) {
		const session_fact *f = &s->facts[i];
		rp_date d = f->learned_on;
		/* The opener generator turns the fact into a question ("How was
		** your trip to Bali?"), in the client's language; a fact it
		** cannot phrase is offered as it is. */
		opener_fact of = { .id = f->id, .kind = f->kind, .text = f->text,
				   .learned_on = f->learned_on, .until = f->until,
				   .person = f->person };
		opener o;

		if (f->meeting_id != 0 && f->meeting_id == s->meeting_id)
			continue;
		if (*excerpt(e, f->text, EXCERPT_CHARS, ex, sizeof ex) == '\0')
			continue;
		if (d.month < 1 || d.month > 12)
			continue;
		/* "(noted 3 Dec)", « (noté le 3 déc.) » */
		snprintf(when, sizeof when, "%s%d %s", fr ? "noté le " : "noted ", d.day,
			 date_month_name(s->lang, d.month, true));
		if (d.year != e->today.year)
			snprintf(when + strlen(when), sizeof when - strlen(when), " %d", d.year);
		snprintf(key, sizeof key, "smalltalk:f%lld", (long long)f->id);
		/* Nothing to ask about what did not happen, or is over. */
		if (opener_fact_stale(&of, e->today) ||
		    opener_fact_tense(f->text, f->learned_on, e->today) == OPENER_OFF)
			continue;
		if (opener_generate_on(&of, 1, NULL, 0, s->lang, e->today, &o, 1) == 1 &&
		    o.fact_id == f->id) {
			char said[SAY_SIZE];

			/* « … à Bali ? » with the space French typography wants */
			say_typography(s->lang, o.text, said, sizeof said);
			if (emit(e, PROMPT_SMALL_TALK, key, 0, 0, f->learned_at, "%s (%s)", said, when))
				offered++;
		} else if (emit(e, PROMPT_SMALL_TALK, key, 0, 0, f->learned_at, "%s%s (%s)",
				IN_LANG(s->lang, "Ask about ", "Prenez des nouvelles" NNBSP ": "), ex,
				when)) {
			offered++;
		}
	}
}

/* Each walkthrough entry of the current item, in its order. */
static void
rule_walk(struct engine *e)
{
	const session_item *it = session_current_item(e->s);
	bool fr = e->s->lang == RP_LANG_FR;
	char member[EXCERPT_SIZE], did[EXCERPT_SIZE], dep[EXCERPT_SIZE];
	char took[32], depends[EXCERPT_SIZE + 32], key[PROMPT_KEY_MAX];

	if (it == NULL)
		return;
	for (size_t i = 0; i < it->nwalk; i++) {
		const session_walk *w = &it->walk[i];

		excerpt(e, w->member, WALK_CHARS, member, sizeof member);
		excerpt(e, w->did, WALK_CHARS, did, sizeof did);
		excerpt(e, w->depends_on, WALK_CHARS, dep, sizeof dep);
		if (member[0] == '\0' && did[0] == '\0')
			continue;
		took[0] = '\0';
		if (w->minutes >= 60 && w->minutes % 60 == 0)
			snprintf(took, sizeof took, fr ? " (%d" NNBSP "h)" : " (%dh)", w->minutes / 60);
		else if (w->minutes >= 0)
			snprintf(took, sizeof took, " (%d')", w->minutes);
		depends[0] = '\0';
		if (dep[0] != '\0')
			snprintf(depends, sizeof depends, "%s%s)",
				 IN_LANG(e->s->lang, " (depends on ", " (dépend de" NNBSP ": "), dep);
		snprintf(key, sizeof key, "walk:i%lld:%zu", (long long)it->id, i);
		emit(e, PROMPT_WALK, key, 0, it->id, e->now, "%s%s%s%s%s", member,
		     member[0] && did[0] ? " " : "", did, took, depends);
	}
}

/* "2 decisions", « 1 décision », « 0 décision »: each language's own rule
** for the plural (French keeps 0 and 1 singular). */
static const char *
counted(enum rp_lang lang, int n, const char *one, const char *many)
{
	return (lang == RP_LANG_FR ? n > 1 : n != 1) ? many : one;
}

static void
rule_close(struct engine *e)
{
	const session *s = e->s;
	enum rp_lang lang = s->lang;
	int decisions = 0, actions = 0, lo = s->cadence_min, hi = s->cadence_max, t;
	char from[DATE_SHORT_MAX], to[DATE_SHORT_MAX], when[2 * DATE_SHORT_MAX + 32];

	if (s->planned_minutes <= 0 ||
	    e->now < s->started_at + (int64_t)s->planned_minutes * 60 - WINDOW)
		return;
	for (size_t i = 0; i < s->nnotes; i++) {
		decisions += s->notes[i].kind == NOTE_DECISION;
		actions += s->notes[i].kind == NOTE_ACTION;
	}
	if (lo > hi) {
		t = lo;
		lo = hi;
		hi = t;
	}
	when[0] = '\0';
	if (lo < 0)
		lo = 0;
	date_format_short_in(lang, date_add_days(e->today, lo), from, sizeof from);
	date_format_short_in(lang, date_add_days(e->today, hi), to, sizeof to);
	if (hi > 0 && lo == hi)
		snprintf(when, sizeof when, IN_LANG(lang, " (%s)", " (le %s)"), to);
	else if (hi > 0)
		snprintf(when, sizeof when, IN_LANG(lang, " (between %s and %s)", " (entre le %s et le %s)"),
			 from, to);
	if (lang == RP_LANG_FR)
		emit(e, PROMPT_CLOSE, "close", 0, 0, e->now,
		     "Récapitulez %d %s et %d %s, puis convenez du prochain point%s", decisions,
		     counted(lang, decisions, "décision", "décisions"), actions,
		     counted(lang, actions, "action", "actions"), when);
	else
		emit(e, PROMPT_CLOSE, "close", 0, 0, e->now,
		     "Recap %d %s and %d %s; agree the next check-in%s", decisions,
		     counted(lang, decisions, "decision", "decisions"), actions,
		     counted(lang, actions, "action", "actions"), when);
}

/* The rules, one row each.  `live` rules read the clock and speak only
** while the meeting runs; the others read notes and hold at any time. */
static const struct rule {
	const char *name;
	int rank;
	void (*run)(struct engine *e);
	bool live;
} rules[] = {
	{ .name = "over", .rank = 100, .run = rule_over, .live = true },
	{ .name = "listen", .rank = 90, .run = rule_listen, .live = true },
	{ .name = "close", .rank = 85, .run = rule_close, .live = true },
	{ .name = "time70", .rank = 80, .run = rule_time70, .live = true },
	{ .name = "summarise", .rank = 70, .run = rule_summarise, .live = true },
	{ .name = "smalltalk", .rank = 65, .run = rule_small_talk, .live = true },
	{ .name = "walk", .rank = 60, .run = rule_walk, .live = true },
	{ .name = "reflect", .rank = 55, .run = rule_reflect },
	{ .name = "pin", .rank = 50, .run = rule_pin },
	{ .name = "confirm", .rank = 48, .run = rule_confirm },
	{ .name = "clarify", .rank = 45, .run = rule_clarify },
	{ .name = "dig", .rank = 42, .run = rule_dig },
	{ .name = "question", .rank = 40, .run = rule_question },
};

/* Is the prompt at index i of a note older than PROMPT_STALE_SECONDS? */
static bool
is_stale(const struct engine *e, size_t i)
{
	return e->out[i].note_id != 0 && e->now - e->at[i] > PROMPT_STALE_SECONDS;
}

/* Run every rule; see prompt.h.  The best prompts are kept as they come,
** and a rule reads its notes newest first only while one could still be
** kept (room_for), so the work is bounded by the pool, not by the notes;
** then the stale ones behind PROMPT_FRESH_FILL fresher ones fade. */
size_t
prompt_compute(const session *s, int64_t now, rp_date today, prompt *out, size_t max)
{
	return prompt_compute_with(s, NULL, now, today, out, max);
}

size_t
prompt_compute_with(const session *s, prompt_memo *memo, int64_t now, rp_date today,
		    prompt *out, size_t max)
{
	struct engine *e;
	size_t n = 0, fresh = 0, cap;

	if (s == NULL || out == NULL || max == 0)
		return 0;
	if ((e = calloc(1, sizeof *e)) == NULL)
		return 0;
	*e = (struct engine){ .s = s, .memo = memo, .now = now, .today = today, .cap = POOL };
	if (memo)
		memo->made = 0;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		if (rules[i].live && !is_live(s))
			continue;
		e->rank = rules[i].rank;
		rules[i].run(e);
	}
	cap = max < PROMPTS_MAX ? max : PROMPTS_MAX;
	for (size_t i = 0; i < e->n && n < cap; i++) {
		if (is_stale(e, i) && fresh >= PROMPT_FRESH_FILL)
			continue;
		fresh += !is_stale(e, i);
		out[n++] = e->out[i];
	}
	free(e);
	if (memo)
		memo_turn(memo);
	return n;
}
