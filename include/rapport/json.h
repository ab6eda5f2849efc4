/* json.h: one JSON document written as it is built, for --json.
**
** Pure but for the stream.  Values go in order, keys before their values;
** the writer puts the commas, a two-space indentation and a final newline
** in, so a caller only says what is there:
**
**	json_writer w;
**	json_begin(&w, stdout);
**	json_array(&w);
**	json_object(&w);
**	json_key(&w, "id");    json_int(&w, 7);
**	json_key(&w, "at");    json_time(&w, t);
**	json_end(&w);          (the object)
**	json_end(&w);          (the array, and the document)
**
** Strings are made safe on the way: invalid UTF-8 becomes U+FFFD and every
** control character an escape, so no stored text reaches a terminal raw.
** Times are ISO 8601 UTC ("2026-11-26T10:00:00Z") as in the export, dates
** "YYYY-MM-DD"; a time of 0 or a date that is not one is null.
*/
#ifndef RAPPORT_JSON_H
#define RAPPORT_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_DEPTH_MAX 16

typedef struct json_writer {
	FILE *out;
	int depth;
	bool first[JSON_DEPTH_MAX];  /* nothing written yet at this depth */
	bool is_object[JSON_DEPTH_MAX];
	bool after_key;              /* a key was written: its value comes next */
} json_writer;

void json_begin(json_writer *w, FILE *out);

/* Open an object or an array; json_end() closes the innermost one (and,
** at the outermost, ends the line). */
void json_object(json_writer *w);
void json_array(json_writer *w);
void json_end(json_writer *w);

void json_key(json_writer *w, const char *key);
void json_string(json_writer *w, const char *s);  /* NULL is null */
void json_int(json_writer *w, int64_t v);
void json_bool(json_writer *w, bool v);
void json_null(json_writer *w);
void json_time(json_writer *w, int64_t utc);      /* 0 is null */
void json_date(json_writer *w, const char *ymd);  /* NULL or not a date is null */

/* The same, key and value at once. */
void json_key_string(json_writer *w, const char *key, const char *s);
void json_key_int(json_writer *w, const char *key, int64_t v);
void json_key_time(json_writer *w, const char *key, int64_t utc);

#endif
