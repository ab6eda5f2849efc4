/* input.h: the line editor of the Notes pane.
**
** Edits code points, not bytes, so a cursor step or a backspace takes a
** whole character (an accented letter, a CJK character, an emoji), the way a
** shell's line editor does.  Pure: no curses.
*/
#ifndef RAPPORT_TUI_INPUT_H
#define RAPPORT_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define INPUT_MAX_BYTES 4000  /* a note's limit (NOTE_TEXT_MAX) */

typedef struct input_line {
	uint32_t *cps;   /* code points; owned */
	size_t len;      /* code points held */
	size_t cap;
	size_t cursor;   /* 0..len: insertion point, in code points */
} input_line;

void input_init(input_line *in);
void input_done(input_line *in);   /* frees; in can be reused after init */

/* Insert cp at the cursor.  Refuses (false) control characters, invalid
** code points, and anything that would take the text over INPUT_MAX_BYTES
** once encoded. */
bool input_insert(input_line *in, uint32_t cp);

/* Insert UTF-8 text at the cursor (a paste); stops at the first refusal.
** Tabs and newlines become spaces. */
void input_insert_text(input_line *in, const char *utf8);

void input_left(input_line *in);
void input_right(input_line *in);
void input_home(input_line *in);
void input_end(input_line *in);
void input_backspace(input_line *in);  /* the character before the cursor */
void input_delete(input_line *in);     /* the character under the cursor */
void input_kill_to_start(input_line *in); /* Ctrl-U: from the start to the cursor */
void input_kill_word(input_line *in);  /* Ctrl-W: blanks, then the word before the cursor */
void input_clear(input_line *in);

/* Replace the text (cursor at the end). */
void input_set_text(input_line *in, const char *utf8);

/* The text as UTF-8: malloc'd, caller frees; NULL on no memory. */
char *input_text(const input_line *in);

/* The text from code point `first` on (the part input_view shows), as
** input_text gives it; "" past the end. */
char *input_text_from(const input_line *in, size_t first);

/* True when the line holds only blanks (or nothing). */
bool input_blank(const input_line *in);

/* For drawing in cols columns (cols >= 2): *first is the first code point
** to show so that the cursor is visible (the view scrolls sideways and keeps
** a little context before the cursor), *cursor_col the cursor's column
** relative to that first code point.  A wide character is never cut. */
void input_view(const input_line *in, int cols, size_t *first, int *cursor_col);

#endif
