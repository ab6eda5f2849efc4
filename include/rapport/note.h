/* note.h: the note line typed in a meeting, parsed into its parts.
**
** Pure: no storage, no clock.  See DESIGN.md §2.1 for the syntax.
*/
#ifndef RAPPORT_NOTE_H
#define RAPPORT_NOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "rapport/date.h"
#include "rapport/error.h"

/* X-macro: kind, prefix character (0 for none), name used in storage and
** JSON.  The order is the order of DESIGN.md §5.1. */
#define NOTE_KIND_LIST(X)                    \
	X(NOTE_PLAIN, 0, "note")             \
	X(NOTE_NEED, '+', "need")            \
	X(NOTE_CONCERN, '!', "concern")      \
	X(NOTE_QUESTION, '?', "question")    \
	X(NOTE_DECISION, '=', "decision")    \
	X(NOTE_ACTION, '>', "action")        \
	X(NOTE_PERSONAL, '*', "personal")    \
	X(NOTE_QUOTE, '"', "quote")          \
	X(NOTE_PRIVATE, '~', "private")

enum note_kind {
#define NOTE_KIND_ENUM(kind, prefix, name) kind,
	NOTE_KIND_LIST(NOTE_KIND_ENUM)
#undef NOTE_KIND_ENUM
	NOTE_KIND_COUNT
};

/* Limits on what one note line may hold. */
#define NOTE_TEXT_MAX 4000    /* bytes of text */
#define NOTE_TOPICS_MAX 16    /* distinct #topics kept */
#define NOTE_TOPIC_MAX 64     /* bytes of one topic */
#define NOTE_OWNER_MAX 64     /* bytes of @owner */

/* Storage/JSON name of a kind ("concern"); NULL when out of range. */
const char *note_kind_name(enum note_kind kind);

/* Kind for a storage name; -1 when unknown. */
int note_kind_from_name(const char *name);

/* Prefix character of a kind, 0 for a plain note. */
char note_kind_prefix(enum note_kind kind);

typedef struct parsed_note {
	enum note_kind kind;
	char text[NOTE_TEXT_MAX + 1];      /* the line without its prefix and
	                                      surrounding blanks; @owner, ^due
	                                      and #topics stay in it as typed */
	char body[NOTE_TEXT_MAX + 1];      /* text with @owner and ^due taken
	                                      out (what a follow-up says) */
	char topics[NOTE_TOPICS_MAX][NOTE_TOPIC_MAX + 1]; /* lower-case, no '#' */
	int ntopics;
	char owner[NOTE_OWNER_MAX + 1];    /* after '@', "" when none */
	bool has_due;                      /* a ^date that parsed */
	rp_date due;
	char due_problem[256];             /* "" or why a ^date was not
	                                      understood, naming the part */
} parsed_note;

/* Parse one line typed in the Notes pane.
** The first non-blank character picks the kind (DESIGN.md §2.1); the rest is
** the text.  `#word` anywhere adds a topic; `@who` and `^when` are read on
** every kind but matter for actions.  A ^date that does not parse does not
** fail the note: has_due stays false and due_problem says which part was not
** understood.  Returns RP_EINVAL (err set) only when there is no note at all:
** an empty line, invalid UTF-8, or text longer than NOTE_TEXT_MAX.
*/
enum rp_status note_parse_line(const char *line, rp_date today, parsed_note *out,
			       rp_error *err);

/* Read the #topic that starts s, the byte just after '#', within len bytes,
** as note_parse_line() and search read it: word characters, with '-' and
** '_' joining words but never starting one.  Copies it, ASCII lower-cased,
** into topic (the caller's NOTE_TOPIC_MAX + 1 bytes); a longer topic is cut
** after the last whole character that fits, and nothing after that is
** copied.  Returns the bytes of s the topic's word covers (past the cut
** too), or 0 with topic "" when s starts no topic.
*/
size_t note_read_topic(const char *s, size_t len, char *topic);

#endif
