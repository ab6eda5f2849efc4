/* note.c: one typed line into a parsed note.  See note.h and DESIGN.md §2.1.
**
** The line is read in one pass for its shape (prefix, trimming, limits),
** then once word by word for #topics, the first @owner and the first ^due.
** Words are separated by spaces; tabs have become spaces by then.
*/
#include "rapport/note.h"

#include <string.h>

#include "rapport/fact.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

static const struct {
	char prefix;
	const char *name;
} kinds[] = {
#define NOTE_KIND_ENTRY(kind, prefix, name) [kind] = { prefix, name },
	NOTE_KIND_LIST(NOTE_KIND_ENTRY)
#undef NOTE_KIND_ENTRY
};

const char *
note_kind_name(enum note_kind kind)
{
	if ((unsigned)kind >= NOTE_KIND_COUNT)
		return NULL;
	return kinds[kind].name;
}

int
note_kind_from_name(const char *name)
{
	int k;

	if (name == NULL)
		return -1;
	for (k = 0; k < NOTE_KIND_COUNT; k++)
		if (strcmp(kinds[k].name, name) == 0)
			return k;
	return -1;
}

char
note_kind_prefix(enum note_kind kind)
{
	if ((unsigned)kind >= NOTE_KIND_COUNT)
		return 0;
	return kinds[kind].prefix;
}

/* The kind a prefix character gives, or NOTE_PLAIN when c is no prefix. */
static enum note_kind
kind_of_prefix(char c)
{
	int k;

	for (k = 1; k < NOTE_KIND_COUNT; k++)
		if (kinds[k].prefix == c)
			return (enum note_kind)k;
	return NOTE_PLAIN;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

/* Punctuation that ends a sentence or clause: "ask @anna, then" has owner
** "anna", "call ^fri." is due Friday. */
static bool
is_trailing_punct(char c)
{
	return c != '\0' && strchr(".,;:!?", c) != NULL;
}

/* Read the #topic that starts s (see note.h).  Past NOTE_TOPIC_MAX bytes
** the rest of the word is read but not copied: a short character after one
** that did not fit would make a topic the line never held. */
size_t
note_read_topic(const char *s, size_t len, char *topic)
{
	size_t i = 0, o = 0;
	uint32_t cp;
	bool full = false;
	int n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			break;
		/* '-' and '_' join words ("#follow-up") but do not start one. */
		if (!text_is_word_cp(cp) && !(i > 0 && (cp == '-' || cp == '_')))
			break;
		if (o + (size_t)n > NOTE_TOPIC_MAX)
			full = true;  /* keep reading the word, copy no more */
		if (!full) {
			memcpy(topic + o, s + i, (size_t)n);
			if (cp >= 'A' && cp <= 'Z')
				topic[o] = (char)(cp + ('a' - 'A'));
			o += (size_t)n;
		}
		i += (size_t)n;
	}
	topic[o] = '\0';
	return o > 0 ? i : 0;
}

static void
add_topic(parsed_note *note, const char *topic)
{
	int i;

	for (i = 0; i < note->ntopics; i++)
		if (strcmp(note->topics[i], topic) == 0)
			return;
	if (note->ntopics < NOTE_TOPICS_MAX)
		strcpy(note->topics[note->ntopics++], topic);
}

/* A word taken out of the body: [start, name_end) goes, and the trailing
** punctuation up to word_end goes only when nothing is left before it. */
struct removal {
	size_t start, name_end, word_end;
};

/* Copy text into body without the removals (sorted, at most two), closing
** the gap each leaves with one space, or none before punctuation. */
static void
build_body(const char *text, const struct removal *rm, int nrm, char *body)
{
	size_t pos = 0, len = 0, next, end = strlen(text);
	int i;

	for (i = 0; i < nrm; i++) {
		memcpy(body + len, text + pos, rm[i].start - pos);
		len += rm[i].start - pos;
		while (len > 0 && body[len - 1] == ' ')
			len--;
		next = len == 0 ? rm[i].word_end : rm[i].name_end;
		if (len == 0)
			while (next < end && text[next] == ' ')
				next++;
		else if (next < end && text[next] == ' ') {
			while (next < end && text[next] == ' ')
				next++;
			if (next < end)
				body[len++] = ' ';
		}
		pos = next;
	}
	memcpy(body + len, text + pos, end - pos);
	len += end - pos;
	while (len > 0 && body[len - 1] == ' ')
		len--;
	body[len] = '\0';
}

/* Copy src into dst of size bytes, cut on a character boundary so a long
** message never ends in half a character. */
static void
copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* Look at the word text[start..end) for the owner.  Fills note and adds
** to rm when the word is taken out of the body. */
static void
read_owner(parsed_note *note, const char *text, size_t start, size_t end, struct removal *rm,
	   int *nrm)
{
	size_t name_end = end;
	uint32_t cp;

	while (name_end > start + 1 && is_trailing_punct(text[name_end - 1]))
		name_end--;

	if (text[start] == '@' && note->owner[0] == '\0') {
		/* "@anna" but not "@" or "@, …"; a name too long to be one stays
		** in the text rather than being cut. */
		if (name_end - start - 1 == 0 || name_end - start - 1 > NOTE_OWNER_MAX)
			return;
		if (text_utf8_decode(text + start + 1, name_end - start - 1, &cp) == 0 ||
		    !(text_is_word_cp(cp) || cp == '_'))
			return;
		memcpy(note->owner, text + start + 1, name_end - start - 1);
		note->owner[name_end - start - 1] = '\0';
		rm[(*nrm)++] = (struct removal){ start, name_end, end };
		return;
	}

}

/* Read the ^due starting at text[start] (the '^'), text being len bytes:
** it may run over several words ("^next week").  Fills note and adds to rm
** when it parses.  Returns where the last word it read ends, so those words
** are not read again. */
static size_t
read_due(parsed_note *note, const char *text, size_t start, size_t len, rp_date today,
	 struct removal *rm, int *nrm)
{
	size_t used = 0, end;
	rp_error err;

	rp_error_clear(&err);
	if (date_parse_due_lead(text + start + 1, len - start - 1, today, &note->due, &used,
				&err) != RP_OK) {
		/* The words stay in the text, as typed. */
		copy_cut(note->due_problem, sizeof note->due_problem, err.msg);
		for (end = start; end < len && text[end] != ' '; end++)
			;
		return end;
	}
	note->has_due = true;
	for (end = start + 1 + used; end < len && text[end] != ' '; end++)
		;
	rm[(*nrm)++] = (struct removal){ start, start + 1 + used, end };
	return end;
}

/* Parse one line typed in the Notes pane (see note.h).  Refuses only what
** is not a note at all; out is zeroed first, so nothing of a previous
** parse survives. */
enum rp_status
note_parse_line(const char *line, rp_date today, parsed_note *out, rp_error *err)
{
	struct removal rm[2];
	size_t start, end, len, i, w;
	uint32_t cp;
	bool due_seen = false;
	int nrm = 0, n;
	char topic[NOTE_TOPIC_MAX + 1];

	rp_error_clear(err);
	memset(out, 0, sizeof *out);
	out->kind = NOTE_PLAIN;
	if (line == NULL)
		return rp_fail(err, RP_EINVAL, "%s", _("empty note"));
	len = strlen(line);
	if (!text_utf8_valid(line, len))
		return rp_fail(err, RP_EINVAL, "%s", _("note is not valid UTF-8"));

	start = 0;
	end = len;
	while (start < end && is_blank(line[start]))
		start++;
	while (end > start && is_blank(line[end - 1]))
		end--;
	for (i = start; i < end; i += (size_t)n) {
		n = text_utf8_decode(line + i, end - i, &cp);
		/* Stored text must not be able to drive a terminal later. */
		if (cp != '\t' && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)))
			return rp_fail(err, RP_EINVAL,
				       _("note contains a control character (U+%04X)"),
				       (unsigned)cp);
	}

	if (start < end) {
		out->kind = kind_of_prefix(line[start]);
		if (out->kind != NOTE_PLAIN) {
			start++;
			while (start < end && (line[start] == ' ' || line[start] == '\t'))
				start++;
		}
	}
	/* "\"we can't afford another slip\"": the closing quote is not the
	** client's words either, unless it closes a quotation inside. */
	if (out->kind == NOTE_QUOTE && end > start && line[end - 1] == '"' &&
	    memchr(line + start, '"', end - 1 - start) == NULL) {
		end--;
		while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t'))
			end--;
	}
	if (start == end)
		return rp_fail(err, RP_EINVAL, "%s", _("empty note"));
	if (end - start > NOTE_TEXT_MAX)
		return rp_fail(err, RP_EINVAL, _("note is too long (%zu bytes, at most %d)"),
			       end - start, NOTE_TEXT_MAX);

	for (i = start; i < end; i++)
		out->text[i - start] = line[i] == '\t' ? ' ' : line[i];
	out->text[end - start] = '\0';
	len = end - start;
	/* A personal note is kept as a fact too: it has a fact's limit. */
	if (out->kind == NOTE_PERSONAL && text_length(out->text) > FACT_TEXT_MAX)
		return rp_fail(err, RP_EINVAL,
			       _("a personal note (*) is at most %d characters, like a fact"),
			       FACT_TEXT_MAX);

	for (i = 0; i < len; i = w) {
		if (out->text[i] == ' ') {
			w = i + 1;
			continue;
		}
		for (w = i; w < len && out->text[w] != ' '; w++)
			;
		if (out->text[i] == '#' && note_read_topic(out->text + i + 1, w - i - 1, topic) > 0) {
			add_topic(out, topic);
		} else if (out->text[i] == '^' && !due_seen) {
			/* Only the first ^ counts, even when it does not parse:
			** a second date would be a guess at which one was meant. */
			due_seen = true;
			w = read_due(out, out->text, i, len, today, rm, &nrm);
		} else {
			read_owner(out, out->text, i, w, rm, &nrm);
		}
	}
	if (nrm == 2 && rm[1].start < rm[0].start) {
		struct removal t = rm[0];
		rm[0] = rm[1];
		rm[1] = t;
	}
	build_body(out->text, rm, nrm, out->body);
	return RP_OK;
}
