/* export_md.c: a recap in Markdown, to paste into an email to the client.
**
** Written in the client's language (recap.lang), from the table below
** that holds both, not from the user's catalogue: a French client gets a
** French recap from an English desktop, and the reverse. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/export.h"
#include "rapport/recap.h"
#include "export_lang.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

typedef struct buf {
	char *data;
	size_t len, cap;
	bool failed;
	enum rp_lang lang;  /* the client's */
} buf;

static void
put(buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 2048;
		char *grown;

		while (cap < b->len + n + 1)
			cap *= 2;
		if ((grown = realloc(b->data, cap)) == NULL) {
			b->failed = true;
			return;
		}
		b->data = grown;
		b->cap = cap;
	}
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void
putf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
putf(buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0)
		put(b, small, (size_t)n < sizeof small ? (size_t)n : sizeof small - 1);
}

/* What the recap says around the client's words, in each language.
** French puts a narrow no-break space (NNBSP) before ? ! : ; and says
** "le" before a date. */
static const struct recap_words {
	const char *recap;             /* under the title, before the date */
	const char *decisions, *actions, *questions, *needs, *concerns, *behind, *next;
	const char *colon;             /* after a topic, before a walkthrough */
	const char *by_date;           /* before a due date */
	const char *by_text;           /* before a due that is not a date */
	const char *date_to_agree;
	const char *owner_to_agree;
	const char *both_to_agree;
	const char *done;
	const char *depended;          /* French adds "de", elided */
	const char *between, *and_, *suggest, *end;
	const char *minutes;           /* " min" */
	const char *hours;             /* after whole hours: "16h" */
	const char *hours_and;         /* between hours and minutes: "1h30" */
} words_of[RP_LANG_COUNT] = {
	[RP_LANG_EN] = {
		.recap = "Recap",
		.decisions = "Decisions",
		.actions = "Actions",
		.questions = "Open questions",
		.needs = "What you need",
		.concerns = "What concerns you",
		.behind = "Behind the work",
		.next = "Next check-in",
		.colon = ": ",
		.by_date = "by ",
		.by_text = "by ",
		.date_to_agree = ", date to agree",
		.owner_to_agree = ", owner to agree",
		.both_to_agree = " — owner and date to agree",
		.done = " (done)",
		.depended = ", which depended on ",
		.between = "Between ",
		.and_ = " and ",
		.suggest = "; we suggest ",
		.end = ".",
		.minutes = " min",
		.hours = "h",
		.hours_and = "h",
	},
	[RP_LANG_FR] = {
		.recap = "Compte rendu",
		.decisions = "Décisions",
		.actions = "Prochaines étapes",
		.questions = "Questions en suspens",
		.needs = "Vos besoins",
		.concerns = "Vos inquiétudes",
		.behind = "Qui a fait quoi",
		.next = "Prochain point",
		.colon = NNBSP ": ",
		.by_date = "d'ici le ",
		.by_text = "d'ici ",
		.date_to_agree = ", date à convenir",
		.owner_to_agree = ", responsable à désigner",
		.both_to_agree = " — responsable et date à convenir",
		.done = " (fait)",
		.depended = ", qui dépendait ",
		.between = "Entre le ",
		.and_ = " et le ",
		.suggest = NNBSP "; nous proposons le ",
		.end = ".",
		.minutes = NNBSP "min",
		.hours = NNBSP "h",
		.hours_and = NNBSP "h" NNBSP,
	},
};

static void
puts_(buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* Text from the database as a line of Markdown: neutralised, #topics at
** the end dropped and the '#' of others, @owner and ^due words left out,
** set as the client's language prints it, the first letter capitalised,
** and Markdown's own characters escaped so the client sees the words, not
** formatting. */
static void
put_words(buf *b, const char *text, bool capital)
{
	char *spoken = text_spoken(text), *words = NULL;
	size_t i;

	if (spoken == NULL || (words = export_typeset(b->lang, spoken)) == NULL) {
		free(spoken);
		b->failed = true;
		return;
	}
	if (capital)
		export_capitalize(words);
	for (i = 0; words[i] != '\0'; i++) {
		char ch = words[i];

		if (strchr("\\`*_[]<>#|~", ch) || (i == 0 && (ch == '-' || ch == '+')))
			put(b, "\\", 1);
		put(b, &ch, 1);
	}
	free(words);
	free(spoken);
}

/* "Friday 27 November 2026", "vendredi 27 novembre 2026", "1er" on the
** first of a French month. */
static void
put_date(buf *b, rp_date d, bool weekday)
{
	char day[DATE_LONG_MAX];

	puts_(b, date_format_long_in(b->lang, d, weekday, day, sizeof day));
}

static void
put_text(buf *b, const char *text)
{
	put_words(b, text, true);
}

/* " — by Friday 27 November 2026", " — d'ici le vendredi 27 novembre
** 2026"; a due that is not a date as it is, without French's "le". */
static void
put_due(buf *b, const char *lead, const char *due)
{
	const struct recap_words *w = &words_of[b->lang];
	rp_date d;

	put(b, lead, strlen(lead));
	if (sscanf(due, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3 &&
	    date_valid(d.year, d.month, d.day)) {
		puts_(b, w->by_date);
		put_date(b, d, true);
	} else {
		puts_(b, w->by_text);
		put_words(b, due, false);
	}
}

/* A walkthrough's time: "16h", "1h30", "45 min"; in French "16 h",
** "1 h 30", "45 min" with narrow no-break spaces. */
static void
put_minutes(buf *b, int minutes)
{
	const struct recap_words *w = &words_of[b->lang];

	if (minutes >= 60 && minutes % 60)
		putf(b, "%d%s%02d", minutes / 60, w->hours_and, minutes % 60);
	else if (minutes >= 60)
		putf(b, "%d%s", minutes / 60, w->hours);
	else
		putf(b, "%d%s", minutes, w->minutes);
}

/* ", which depended on the keys", ", qui dépendait des clés", "... d'Acme". */
static void
put_depended(buf *b, const char *depends_on)
{
	char *spoken = text_spoken(depends_on);
	size_t skip = 0;

	if (spoken == NULL) {
		b->failed = true;
		return;
	}
	puts_(b, words_of[b->lang].depended);
	if (b->lang == RP_LANG_FR)
		puts_(b, export_fr_de(spoken, &skip));
	put_words(b, spoken + skip, false);
	free(spoken);
}

/* A bullet list of the live notes of one kind; nothing when there are none. */
static void
notes_section(buf *b, const session *s, enum note_kind kind, const char *title)
{
	bool any = false;

	for (size_t i = 0; i < s->nnotes; i++) {
		if (s->notes[i].kind != kind)
			continue;
		if (!any)
			putf(b, "\n## %s\n\n", title);
		any = true;
		put(b, "- ", 2);
		put_text(b, s->notes[i].text);
		/* A question reads as one, "?" set as the language sets it. */
		if (kind == NOTE_QUESTION && b->len && b->data[b->len - 1] != '?')
			puts_(b, IN_LANG(b->lang, "?", NNBSP "?"));
		put(b, "\n", 1);
	}
}

enum rp_status
export_markdown(const recap *r, char **out, rp_error *err)
{
	const session *s = r->s;
	buf b = {.lang = r->lang == RP_LANG_FR ? RP_LANG_FR : RP_LANG_EN};
	const struct recap_words *w = &words_of[b.lang];
	bool any = false;

	*out = NULL;
	put(&b, "# ", 2);
	put_text(&b, s->title);
	puts_(&b, " — ");
	put_text(&b, s->client_name);
	put(&b, "\n\n", 2);
	puts_(&b, w->recap);
	puts_(&b, " — ");
	put_date(&b, r->day, true);
	put(&b, "\n", 1);

	notes_section(&b, s, NOTE_DECISION, w->decisions);

	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];

		if (f->status == FOLLOWUP_DROPPED)
			continue;
		if (!any)
			putf(&b, "\n## %s\n\n", w->actions);
		any = true;
		put(&b, "- ", 2);
		put_text(&b, f->text);
		if (f->owner && f->due) {
			puts_(&b, " — ");
			put_words(&b, export_owner(b.lang, f->owner), false);
			put_due(&b, ", ", f->due);
		} else if (f->owner) {
			puts_(&b, " — ");
			put_words(&b, export_owner(b.lang, f->owner), false);
			puts_(&b, w->date_to_agree);
		} else if (f->due) {
			put_due(&b, " — ", f->due);
			puts_(&b, w->owner_to_agree);
		} else {
			puts_(&b, w->both_to_agree);
		}
		if (f->status == FOLLOWUP_DONE)
			puts_(&b, w->done);
		put(&b, "\n", 1);
	}

	notes_section(&b, s, NOTE_QUESTION, w->questions);
	notes_section(&b, s, NOTE_NEED, w->needs);
	notes_section(&b, s, NOTE_CONCERN, w->concerns);

	any = false;
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];

		for (size_t k = 0; k < it->nwalk; k++) {
			const session_walk *wk = &it->walk[k];

			if (!any)
				putf(&b, "\n## %s\n\n", w->behind);
			any = true;
			put(&b, "- ", 2);
			put_text(&b, it->title);
			puts_(&b, w->colon);
			put_text(&b, wk->member);
			put(&b, " ", 1);
			/* "built the importer": a verb after a name, as typed. */
			put_words(&b, wk->did, false);
			if (wk->minutes > 0) {
				put(&b, " (", 2);
				put_minutes(&b, wk->minutes);
				put(&b, ")", 1);
			}
			if (wk->depends_on)
				put_depended(&b, wk->depends_on);
			put(&b, "\n", 1);
		}
	}

	putf(&b, "\n## %s\n\n", w->next);
	puts_(&b, w->between);
	put_date(&b, r->next_from, false);
	puts_(&b, w->and_);
	put_date(&b, r->next_to, false);
	puts_(&b, w->suggest);
	put_date(&b, r->next_suggested, true);
	puts_(&b, w->end);
	put(&b, "\n", 1);
	if (b.failed) {
		free(b.data);
		return rp_fail(err, RP_ENOMEM, _("out of memory"));
	}
	*out = b.data;
	return RP_OK;
}
