/* json.c: one JSON document written as it is built (json.h). */
#include "rapport/json.h"

#include <string.h>
#include <time.h>

#include "rapport/date.h"
#include "rapport/text.h"

void
json_begin(json_writer *w, FILE *out)
{
	memset(w, 0, sizeof *w);
	w->out = out;
	w->first[0] = true;
}

static void
newline(json_writer *w)
{
	fputc('\n', w->out);
	for (int i = 0; i < w->depth; i++)
		fputs("  ", w->out);
}

/* Before any value: the comma and line break it needs, unless it follows
** its key. */
static void
value_start(json_writer *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (!w->first[w->depth])
		fputc(',', w->out);
	w->first[w->depth] = false;
	newline(w);
}

static void
open_nested(json_writer *w, char c, bool is_object)
{
	value_start(w);
	fputc(c, w->out);
	if (w->depth + 1 < JSON_DEPTH_MAX) {
		w->depth++;
		w->first[w->depth] = true;
		w->is_object[w->depth] = is_object;
	}
}

void
json_object(json_writer *w)
{
	open_nested(w, '{', true);
}

void
json_array(json_writer *w)
{
	open_nested(w, '[', false);
}

void
json_end(json_writer *w)
{
	if (w->depth == 0)
		return;
	bool empty = w->first[w->depth];
	char c = w->is_object[w->depth] ? '}' : ']';

	w->depth--;
	if (!empty)
		newline(w);
	fputc(c, w->out);
	if (w->depth == 0)
		fputc('\n', w->out);
}

static void
put_string(json_writer *w, const char *s)
{
	size_t len = strlen(s);

	fputc('"', w->out);
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int n;

		if (c == '"' || c == '\\') {
			fputc('\\', w->out);
			fputc(c, w->out);
			i++;
		} else if (c == '\n') {
			fputs("\\n", w->out);
			i++;
		} else if (c == '\t') {
			fputs("\\t", w->out);
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			fprintf(w->out, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			fputc(c, w->out);
			i++;
		} else if ((n = text_utf8_decode(s + i, len - i, &cp)) > 0) {
			/* C1 controls (U+0080..U+009F) can act as escapes too. */
			if (cp < 0xa0)
				fprintf(w->out, "\\u%04x", (unsigned)cp);
			else
				fwrite(s + i, 1, (size_t)n, w->out);
			i += (size_t)n;
		} else {
			fputs("\xef\xbf\xbd", w->out);
			i++;
		}
	}
	fputc('"', w->out);
}

void
json_key(json_writer *w, const char *key)
{
	value_start(w);
	put_string(w, key);
	fputs(": ", w->out);
	w->after_key = true;
}

void
json_string(json_writer *w, const char *s)
{
	if (s == NULL) {
		json_null(w);
		return;
	}
	value_start(w);
	put_string(w, s);
}

void
json_int(json_writer *w, int64_t v)
{
	value_start(w);
	fprintf(w->out, "%lld", (long long)v);
}

void
json_bool(json_writer *w, bool v)
{
	value_start(w);
	fputs(v ? "true" : "false", w->out);
}

void
json_null(json_writer *w)
{
	value_start(w);
	fputs("null", w->out);
}

void
json_time(json_writer *w, int64_t utc)
{
	time_t t = (time_t)utc;
	struct tm tm;
	char buf[32];

	if (utc == 0 || !date_time_valid(utc) || gmtime_r(&t, &tm) == NULL) {
		json_null(w);
		return;
	}
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_string(w, buf);
}

void
json_date(json_writer *w, const char *ymd)
{
	int y, m, d;
	char tail;

	if (ymd == NULL || strlen(ymd) != 10 ||
	    sscanf(ymd, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !date_valid(y, m, d)) {
		json_null(w);
		return;
	}
	json_string(w, ymd);
}

void
json_key_string(json_writer *w, const char *key, const char *s)
{
	json_key(w, key);
	json_string(w, s);
}

void
json_key_int(json_writer *w, const char *key, int64_t v)
{
	json_key(w, key);
	json_int(w, v);
}

void
json_key_time(json_writer *w, const char *key, int64_t utc)
{
	json_key(w, key);
	json_time(w, utc);
}
