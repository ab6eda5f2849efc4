/* export_md.c: a recap in Markdown, to paste into an email to the client. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/export.h"
#include "rapport/recap.h"
#include "rapport/text.h"

typedef struct buf {
	char *data;
	size_t len, cap;
	bool failed;
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

/* Text from the database as a line of Markdown: neutralised, #topics at
** the end dropped and the '#' of others, @owner and ^due words left out,
** the first letter capitalised, and Markdown's own characters escaped so
** the client sees the words, not formatting. */
static void
put_words(buf *b, const char *text, bool capital)
{
	char *words = text_spoken(text);
	size_t i;

	if (words == NULL) {
		b->failed = true;
		return;
	}
	for (i = 0; words[i] != '\0'; i++) {
		char ch = words[i];

		if (i == 0 && capital && ch >= 'a' && ch <= 'z')
			ch = (char)(ch - 'a' + 'A');
		if (strchr("\\`*_[]<>#|~", ch) || (i == 0 && (ch == '-' || ch == '+')))
			put(b, "\\", 1);
		put(b, &ch, 1);
	}
	free(words);
}

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};
static const char *const day_names[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static void
put_date(buf *b, rp_date d, bool weekday)
{
	if (!date_valid(d.year, d.month, d.day)) {
		put(b, DATE_INVALID_TEXT, strlen(DATE_INVALID_TEXT));
		return;
	}
	if (weekday)
		putf(b, "%s ", day_names[date_weekday(d)]);
	putf(b, "%d %s %d", d.day, month_names[d.month - 1], d.year);
}

static void
put_text(buf *b, const char *text)
{
	put_words(b, text, true);
}

/* "2026-11-27" as "Friday 27 November 2026"; as it is when it is not a
** date. */
static void
put_due(buf *b, const char *due)
{
	rp_date d;

	if (sscanf(due, "%4d-%2d-%2d", &d.year, &d.month, &d.day) == 3 &&
	    date_valid(d.year, d.month, d.day))
		put_date(b, d, true);
	else
		put_words(b, due, false);
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
		/* A question reads as one. */
		if (kind == NOTE_QUESTION && b->len && b->data[b->len - 1] != '?')
			put(b, "?", 1);
		put(b, "\n", 1);
	}
}

enum rp_status
export_markdown(const recap *r, char **out, rp_error *err)
{
	const session *s = r->s;
	buf b = {0};
	bool any = false;

	*out = NULL;
	put(&b, "# ", 2);
	put_text(&b, s->title);
	put(&b, " — ", strlen(" — "));
	put_text(&b, s->client_name);
	put(&b, ", ", 2);
	put_date(&b, r->day, false);
	put(&b, "\n", 1);

	notes_section(&b, s, NOTE_DECISION, "Decisions");

	for (size_t i = 0; i < r->nfollowups; i++) {
		const recap_followup *f = &r->followups[i];

		if (f->status == FOLLOWUP_DROPPED)
			continue;
		if (!any)
			put(&b, "\n## Actions\n\n", strlen("\n## Actions\n\n"));
		any = true;
		put(&b, "- ", 2);
		put_text(&b, f->text);
		if (f->owner && f->due) {
			put(&b, " — ", strlen(" — "));
			put_words(&b, f->owner, false);
			put(&b, ", by ", 5);
			put_due(&b, f->due);
		} else if (f->owner) {
			put(&b, " — ", strlen(" — "));
			put_words(&b, f->owner, false);
			put(&b, ", date to agree", strlen(", date to agree"));
		} else if (f->due) {
			put(&b, " — by ", strlen(" — by "));
			put_due(&b, f->due);
			put(&b, ", owner to agree", strlen(", owner to agree"));
		} else {
			put(&b, " — owner and date to agree", strlen(" — owner and date to agree"));
		}
		if (f->status == FOLLOWUP_DONE)
			put(&b, " (done)", 7);
		put(&b, "\n", 1);
	}

	notes_section(&b, s, NOTE_QUESTION, "Open questions");
	notes_section(&b, s, NOTE_NEED, "What you need");
	notes_section(&b, s, NOTE_CONCERN, "What concerns you");

	any = false;
	for (size_t i = 0; i < s->nitems; i++) {
		const session_item *it = &s->items[i];

		for (size_t w = 0; w < it->nwalk; w++) {
			const session_walk *wk = &it->walk[w];

			if (!any)
				put(&b, "\n## Behind the work\n\n", strlen("\n## Behind the work\n\n"));
			any = true;
			put(&b, "- ", 2);
			put_text(&b, it->title);
			put(&b, ": ", 2);
			put_text(&b, wk->member);
			put(&b, " ", 1);
			/* "built the importer": a verb after a name, as typed. */
			put_words(&b, wk->did, false);
			if (wk->minutes > 0)
				putf(&b, " (%s)", agenda_duration(wk->minutes, " min", (char[16]){0}, 16));
			if (wk->depends_on) {
				put(&b, ", which depended on ", strlen(", which depended on "));
				put_words(&b, wk->depends_on, false);
			}
			put(&b, "\n", 1);
		}
	}

	put(&b, "\n## Next check-in\n\n", strlen("\n## Next check-in\n\n"));
	put(&b, "Between ", 8);
	put_date(&b, r->next_from, false);
	put(&b, " and ", 5);
	put_date(&b, r->next_to, false);
	put(&b, "; we suggest ", strlen("; we suggest "));
	put_date(&b, r->next_suggested, true);
	put(&b, ".\n", 2);
	if (b.failed) {
		free(b.data);
		return rp_fail(err, RP_ENOMEM, "out of memory");
	}
	*out = b.data;
	return RP_OK;
}
