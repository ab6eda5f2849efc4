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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/opener.h"
#include "rapport/text.h"

#define EXCERPT_CHARS 40      /* characters of stored text in a prompt, "…" included */
#define WALK_CHARS 80         /* walkthrough parts say more than a note excerpt */
#define EXCERPT_SIZE (WALK_CHARS * 4 + 8)
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

/* How each kind is shown: the label where DESIGN.md §2.2 puts one before
** the engine's sentence; NULL where the sentence stands alone or carries its
** own label ("Clarify", "Pin it down", "Small talk"...). */
static const struct {
	const char *before, *after;
} line_forms[PROMPT_KIND_COUNT] = {
	[PROMPT_REFLECT] = {"Reflect: \"", "\""},
	[PROMPT_DIG] = {"Dig deeper: \"", "\""},
	[PROMPT_CONFIRM] = {"Confirm: ", ""},
	[PROMPT_QUESTION] = {"Open question: ", ""},
};

char *
prompt_line(const prompt *p, char *buf, size_t size)
{
	bool framed = (unsigned)p->kind < PROMPT_KIND_COUNT && line_forms[p->kind].before;

	snprintf(buf, size, "%s%s%s", framed ? line_forms[p->kind].before : "", p->text,
		 framed ? line_forms[p->kind].after : "");
	/* "Confirm: who owns …" reads on from the label. */
	if (p->kind == PROMPT_CONFIRM && strncmp(buf, "Confirm: Who ", 13) == 0)
		buf[9] = 'w';
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

/* Fold s[0..len) (valid UTF-8) into buf (size bytes).  False when it does
** not fit, which only happens to words too long to be on any of our lists,
** or when out of memory. */
static bool
fold_word(const char *s, size_t len, char *buf, size_t size)
{
	char tmp[64];
	char *folded;
	bool ok;

	if (len >= sizeof tmp)
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	folded = text_fold(tmp);
	if (folded == NULL)
		return false;
	ok = strlen(folded) < size;
	if (ok)
		strcpy(buf, folded);
	free(folded);
	return ok;
}

/* Vague words, folded; several words are separated by one space. */
static const char *const vague_words[] = {
	/* English */
	"soon", "asap", "quickly", "quick", "better", "simple", "simply", "cheap",
	"big", "fast", "easy", "some", "several", "many", "later", "flexible",
	"improve", "optimal", "as soon as possible",
	/* French ("simple" and "optimal" above serve both) */
	"bientot", "rapidement", "vite", "facile", "mieux", "meilleur", "pas cher",
	"gros", "grand", "plus tard", "quelques", "plusieurs", "ameliorer",
};

/* Does the vague entry `want` match s from the word [start, end)?  The
** words of an entry must follow each other with only spaces between.
** Sets *match_end to the end of its last word. */
static bool
vague_match_at(const char *s, size_t len, size_t start, size_t end, const char *want,
	       size_t *match_end)
{
	char folded[32];
	size_t pos = end, ws = start, we = end, wlen;
	const char *space;

	for (;;) {
		space = strchr(want, ' ');
		wlen = space ? (size_t)(space - want) : strlen(want);
		if (!fold_word(s + ws, we - ws, folded, sizeof folded) ||
		    strlen(folded) != wlen || memcmp(folded, want, wlen) != 0)
			return false;
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

	while (next_word(clean, len, &pos, &ws, &we)) {
		best = 0;
		for (size_t i = 0; i < sizeof vague_words / sizeof vague_words[0]; i++)
			if (vague_match_at(clean, len, ws, we, vague_words[i], &me) && me > best)
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

/* Concern notes often open with the worry itself ("worried that the API
** slips"); the Reflect sentence says "worries you" already. */
typedef struct lead {
	const char *word;
	const char *next[3];  /* folded; "que" and "de" also match qu' and d' */
} lead;

static const lead concern_leads[] = {
	{ "worried", { "that", "about", NULL } },
	{ "concerned", { "that", "about", NULL } },
	{ "afraid", { "that", NULL, NULL } },
	{ "inquiet", { "que", "de", NULL } },
	{ "inquiete", { "que", "de", NULL } },
	{ "peur", { "que", "de", NULL } },
	{ NULL, { NULL, NULL, NULL } },
};

/* Need notes often open with the verb: "needs the export by March"; the Dig
** deeper sentence reads better on the thing needed. */
static const lead need_leads[] = {
	{ "needs", { "to", NULL, NULL } },
	{ "need", { "to", NULL, NULL } },
	{ "wants", { "to", NULL, NULL } },
	{ "want", { "to", NULL, NULL } },
	{ "veut", { NULL, NULL, NULL } },
	{ "voudrait", { NULL, NULL, NULL } },
	{ NULL, { NULL, NULL, NULL } },
};

/* Bytes of s (one space between words) taken by a leading "worried that"
** or the like; 0 when there is none or nothing would be left. */
static size_t
strip_lead(const char *s, const lead *leads)
{
	const char *sp1, *w2, *sp2;
	size_t w2len, elided, skip;
	char f1[32], f2[32];

	sp1 = strchr(s, ' ');
	if (sp1 == NULL || !fold_word(s, (size_t)(sp1 - s), f1, sizeof f1))
		return 0;
	w2 = sp1 + 1;
	sp2 = strchr(w2, ' ');
	w2len = sp2 ? (size_t)(sp2 - w2) : strlen(w2);
	for (size_t i = 0; leads[i].word; i++) {
		if (strcmp(f1, leads[i].word) != 0)
			continue;
		for (int j = 0; j < 3 && leads[i].next[j]; j++) {
			const char *next = leads[i].next[j];
			size_t nlen = strlen(next);

			if (fold_word(w2, w2len, f2, sizeof f2) && strcmp(f2, next) == 0) {
				skip = sp2 ? (size_t)(sp2 + 1 - s) : 0;
				return skip;
			}
			/* "peur qu'on rate", "inquiet d'être": drop only the
			** elided word, keep what is glued to it. */
			if (next[nlen - 1] != 'e' || w2len <= nlen - 1 ||
			    !fold_word(w2, nlen - 1, f2, sizeof f2) ||
			    strncmp(f2, next, nlen - 1) != 0)
				continue;
			elided = 0;
			if (w2[nlen - 1] == '\'')
				elided = nlen;
			else if (w2len > nlen + 2 && memcmp(w2 + nlen - 1, "\xE2\x80\x99", 3) == 0)
				elided = nlen + 2;
			if (elided > 0 && elided < w2len)
				return (size_t)(w2 - s) + elided;
		}
		/* "worried the API slips": the word alone goes. */
		return (size_t)(w2 - s);
	}
	return 0;
}

enum {
	EX_TAGS = 1,      /* leave out @owner and the ^due date */
	EX_CONCERN = 2,   /* leave out a leading "worried that" */
	EX_CAPITAL = 4,   /* the excerpt starts a sentence */
	EX_NEED = 8,      /* leave out a leading "needs" */
};

static bool
is_trailing_junk(char c)
{
	return c == ' ' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!';
}

/* Write text, sanitized, blanks collapsed and cut to at most max_chars
** characters at a word boundary (with "…" when cut), into out (size bytes,
** at least max_chars * 4 + 4).  Characters, not columns: a CJK character
** counts one.  out is "" when text is NULL or blank, or out of memory. */
static char *
excerpt(const char *text, size_t max_chars, int flags, char *out, size_t size)
{
	char *clean, *joined, *s;
	size_t len, o = 0, i, w, chars = 0, cut = 0, last_space = 0;

	out[0] = '\0';
	clean = text_sanitize(text ? text : "", " ");
	if (clean == NULL)
		return out;
	len = strlen(clean);
	joined = malloc(len + sizeof ellipsis);  /* a cut may end past a short tail */
	if (joined == NULL) {
		free(clean);
		return out;
	}
	/* #topics at the very end are labels, not words of the sentence. */
	while ((flags & EX_TAGS) && len > 0) {
		size_t end = len, start;

		while (end > 0 && clean[end - 1] == ' ')
			end--;
		start = end;
		while (start > 0 && clean[start - 1] != ' ')
			start--;
		if (end - start < 2 || clean[start] != '#' || start == 0)
			break;
		len = start;
	}
	for (i = 0; i < len; i = w) {
		if (clean[i] == ' ') {
			w = i + 1;
			continue;
		}
		for (w = i; w < len && clean[w] != ' '; w++)
			;
		if ((flags & EX_TAGS) && w - i > 1 && clean[i] == '^') {
			/* The due date as the note parser reads it, several
			** words perhaps ("^next week"); whether it parses does
			** not depend on the day.  One that does not parse stays,
			** as it stays in the note. */
			static const rp_date any_day = { 2026, 1, 5 };
			rp_date due;
			size_t used;

			if (date_parse_due_lead(clean + i + 1, len - i - 1, any_day, &due, &used,
						NULL) == RP_OK) {
				for (w = i + 1 + used; w < len && clean[w] != ' '; w++)
					;
				continue;
			}
		}
		if ((flags & EX_TAGS) && w - i > 1 && clean[i] == '@')
			continue;
		if (o > 0)
			joined[o++] = ' ';
		/* A #topic inside the sentence is a word of it. */
		if ((flags & EX_TAGS) && w - i > 1 && clean[i] == '#')
			i++;
		memcpy(joined + o, clean + i, w - i);
		o += w - i;
	}
	joined[o] = '\0';
	free(clean);

	s = joined;
	if (flags & EX_CONCERN)
		s += strip_lead(s, concern_leads);
	if (flags & EX_NEED)
		s += strip_lead(s, need_leads);
	len = strlen(s);
	while (len > 0 && is_trailing_junk(s[len - 1]))
		len--;
	s[len] = '\0';

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max_chars - 1)
			cut = i;
		if (s[i] == ' ' && chars < max_chars)
			last_space = i;
		chars++;
	}
	if (chars > max_chars) {
		/* Room for max_chars - 1 characters and the ellipsis.  A
		** long word (or CJK, which has no spaces) is cut inside
		** rather than leave a stub of the excerpt. */
		if (last_space > 0 && last_space >= cut / 2)
			cut = last_space;
		while (cut > 0 && (is_trailing_junk(s[cut - 1]) || s[cut - 1] == '-'))
			cut--;
		memcpy(s + cut, ellipsis, sizeof ellipsis);
		len = cut + sizeof ellipsis - 1;
	}
	if ((flags & EX_CAPITAL) && s[0] >= 'a' && s[0] <= 'z')
		s[0] = (char)(s[0] - 'a' + 'A');
	copy_cut(out, size, s, len);
	free(joined);
	return out;
}

static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
				      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ---- The engine ----------------------------------------------------------- */

struct engine {
	const session *s;
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

/* Offer before + excerpt + after for each note of kind, keyed "name:n<id>". */
static void
note_prompts(struct engine *e, enum note_kind nkind, enum prompt_kind pkind,
	     const char *name, int flags, const char *before, const char *after)
{
	char ex[EXCERPT_SIZE], key[PROMPT_KEY_MAX];

	for (size_t i = 0; i < e->s->nnotes; i++) {
		const session_note *n = &e->s->notes[i];

		if (n->kind != nkind)
			continue;
		if (*excerpt(n->text, EXCERPT_CHARS, EX_TAGS | flags, ex, sizeof ex) == '\0')
			continue;
		snprintf(key, sizeof key, "%s:n%lld", name, (long long)n->id);
		emit(e, pkind, key, n->id, n->item_id, n->at, "%s%s%s", before, ex, after);
	}
}

static void
rule_reflect(struct engine *e)
{
	note_prompts(e, NOTE_CONCERN, PROMPT_REFLECT, "reflect", EX_CONCERN,
		     "It sounds like ", " worries you — did I get that right?");
}

static void
rule_dig(struct engine *e)
{
	note_prompts(e, NOTE_NEED, PROMPT_DIG, "dig", EX_NEED,
		     "What would ", " make possible for you?");
}

static void
rule_confirm(struct engine *e)
{
	note_prompts(e, NOTE_DECISION, PROMPT_CONFIRM, "confirm", 0,
		     "Who owns \"", "\", and by when?");
}

static void
rule_question(struct engine *e)
{
	note_prompts(e, NOTE_QUESTION, PROMPT_QUESTION, "question", EX_CAPITAL,
		     "", " — answer now, or log it as an action");
}

/* The first vague word of each note; private notes are the user's own and
** personal ones are small talk, where "big" is no commitment. */
static void
rule_clarify(struct engine *e)
{
	char word[64], key[PROMPT_KEY_MAX];

	for (size_t i = 0; i < e->s->nnotes; i++) {
		const session_note *n = &e->s->notes[i];

		if (n->kind == NOTE_PRIVATE || n->kind == NOTE_PERSONAL)
			continue;
		if (!prompt_vague_word(n->text, word, sizeof word))
			continue;
		snprintf(key, sizeof key, "clarify:n%lld", (long long)n->id);
		emit(e, PROMPT_CLARIFY, key, n->id, n->item_id, n->at,
		     "Clarify \"%s\": what would make it concrete (a date, a number)?", word);
	}
}

/* An action asks only for what it lacks: an owner, a due date, or both. */
static void
rule_pin(struct engine *e)
{
	char ex[EXCERPT_SIZE], key[PROMPT_KEY_MAX];

	for (size_t i = 0; i < e->s->nnotes; i++) {
		const session_note *n = &e->s->notes[i];

		if (n->kind != NOTE_ACTION || (n->has_owner && n->has_due))
			continue;
		if (*excerpt(n->text, EXCERPT_CHARS, EX_TAGS, ex, sizeof ex) == '\0')
			continue;
		snprintf(key, sizeof key, "pin:n%lld", (long long)n->id);
		if (!n->has_owner && !n->has_due)
			emit(e, PROMPT_PIN, key, n->id, n->item_id, n->at,
			     "Pin it down: who owns \"%s\", and by when?", ex);
		else if (!n->has_owner)
			emit(e, PROMPT_PIN, key, n->id, n->item_id, n->at,
			     "Pin it down: who owns \"%s\"?", ex);
		else
			emit(e, PROMPT_PIN, key, n->id, n->item_id, n->at,
			     "Pin it down: by when will \"%s\" be done?", ex);
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
	excerpt(it->title, EXCERPT_CHARS, 0, title, sizeof title);
	snprintf(key, sizeof key, "time70:i%lld", (long long)it->id);
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
		excerpt(e->s->items[i].title, EXCERPT_CHARS, 0, part, sizeof part);
		if (named > 0)
			strcat(later, ", ");
		strcat(later, part);
		named++;
	}
	excerpt(it->title, EXCERPT_CHARS, 0, title, sizeof title);
	snprintf(key, sizeof key, "over:i%lld", (long long)it->id);
	if (named > 0)
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
		emit(e, PROMPT_LISTEN, key, 0, 0, e->now,
		     "You've talked %lld %% lately — ask an open question and listen",
		     (long long)((you * 200 + (you + them)) / (2 * (you + them))));
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
	if (e->now - start >= MONOLOGUE)
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
	emit(e, PROMPT_SUMMARISE, key, 0, 0, last, "Summarise back what you have heard so far");
}

/* The two newest facts from before this meeting not yet used or dismissed,
** so dismissing one brings up the next. */
static void
rule_small_talk(struct engine *e)
{
	const session *s = e->s;
	char ex[EXCERPT_SIZE], key[PROMPT_KEY_MAX], when[32];
	int offered = 0;

	if (e->now < s->started_at || e->now - s->started_at >= WINDOW)
		return;
	for (size_t i = 0; i < s->nfacts && offered < 2; i++) {
		const session_fact *f = &s->facts[i];
		rp_date d = f->learned_on;

		if (f->meeting_id != 0 && f->meeting_id == s->meeting_id)
			continue;
		if (*excerpt(f->text, EXCERPT_CHARS, 0, ex, sizeof ex) == '\0')
			continue;
		if (d.month < 1 || d.month > 12)
			continue;
		if (d.year == e->today.year)
			snprintf(when, sizeof when, "%d %s", d.day, months[d.month - 1]);
		else
			snprintf(when, sizeof when, "%d %s %d", d.day, months[d.month - 1], d.year);
		snprintf(key, sizeof key, "smalltalk:f%lld", (long long)f->id);
		{
			/* The opener generator turns the fact into a question ("How
			** was your trip to Bali?"); a fact it cannot phrase is
			** offered as it is. */
			opener_fact of = {.id = f->id, .kind = f->kind, .text = f->text,
					  .learned_on = f->learned_on, .until = f->until,
					  .person = f->person};
			opener o;

			/* Nothing to ask about what did not happen, or is over. */
			if (opener_fact_stale(&of, e->today) ||
			    opener_fact_tense(f->text, f->learned_on, e->today) == OPENER_OFF)
				continue;
			if (opener_generate_on(&of, 1, NULL, 0, RP_LANG_EN, e->today, &o, 1) == 1 &&
			    o.fact_id == f->id) {
				if (emit(e, PROMPT_SMALL_TALK, key, 0, 0, f->learned_at,
					 "Small talk: %s (noted %s)", o.text, when))
					offered++;
			} else if (emit(e, PROMPT_SMALL_TALK, key, 0, 0, f->learned_at,
					"Small talk: ask about %s (noted %s)", ex, when)) {
				offered++;
			}
		}
	}
}

/* Each walkthrough entry of the current item, in its order. */
static void
rule_walk(struct engine *e)
{
	const session_item *it = session_current_item(e->s);
	char member[EXCERPT_SIZE], did[EXCERPT_SIZE], dep[EXCERPT_SIZE];
	char took[32], depends[EXCERPT_SIZE + 16], key[PROMPT_KEY_MAX];

	if (it == NULL)
		return;
	for (size_t i = 0; i < it->nwalk; i++) {
		const session_walk *w = &it->walk[i];

		excerpt(w->member, WALK_CHARS, 0, member, sizeof member);
		excerpt(w->did, WALK_CHARS, 0, did, sizeof did);
		excerpt(w->depends_on, WALK_CHARS, 0, dep, sizeof dep);
		if (member[0] == '\0' && did[0] == '\0')
			continue;
		took[0] = '\0';
		if (w->minutes >= 60 && w->minutes % 60 == 0)
			snprintf(took, sizeof took, " (%dh)", w->minutes / 60);
		else if (w->minutes >= 0)
			snprintf(took, sizeof took, " (%d')", w->minutes);
		depends[0] = '\0';
		if (dep[0] != '\0')
			snprintf(depends, sizeof depends, " (depends on %s)", dep);
		snprintf(key, sizeof key, "walk:i%lld:%zu", (long long)it->id, i);
		emit(e, PROMPT_WALK, key, 0, it->id, e->now, "Walk through: %s%s%s%s%s",
		     member, member[0] && did[0] ? " " : "", did, took, depends);
	}
}

static void
rule_close(struct engine *e)
{
	const session *s = e->s;
	int decisions = 0, actions = 0, lo = s->cadence_min, hi = s->cadence_max, t;
	char from[16], to[16], when[48];

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
	if (hi > 0 && lo == hi)
		snprintf(when, sizeof when, " (%s)",
			 date_format_short(date_add_days(e->today, hi), to, sizeof to));
	else if (hi > 0)
		snprintf(when, sizeof when, " (between %s and %s)",
			 date_format_short(date_add_days(e->today, lo), from, sizeof from),
			 date_format_short(date_add_days(e->today, hi), to, sizeof to));
	emit(e, PROMPT_CLOSE, "close", 0, 0, e->now,
	     "Before you close: recap %d decision%s and %d action%s; agree the next check-in%s",
	     decisions, decisions == 1 ? "" : "s", actions, actions == 1 ? "" : "s", when);
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
** so the work is bounded by the number of notes, not by a sort of all;
** then the stale ones behind PROMPT_FRESH_FILL fresher ones fade. */
size_t
prompt_compute(const session *s, int64_t now, rp_date today, prompt *out, size_t max)
{
	struct engine *e;
	size_t n = 0, fresh = 0, cap;

	if (s == NULL || out == NULL || max == 0)
		return 0;
	if ((e = calloc(1, sizeof *e)) == NULL)
		return 0;
	*e = (struct engine){ .s = s, .now = now, .today = today, .cap = POOL };
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
	return n;
}
