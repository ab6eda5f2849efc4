/* harness.h: run a real program in a pseudo-terminal and read its screen.
**
** The screen tests start the real binary with term_start(), type keys into
** it and look at what a person would see: the program's output is fed to
** libvterm, a real terminal emulator, and the tests read its cells.  Every
** term_wait_* function pumps the output while it waits, so a test never has
** to call term_pump() itself unless it wants to.
**
** Rows and columns count from 0; columns count cells, so a wide character
** (CJK, most emoji) takes two.  Timeouts are in milliseconds; a negative
** timeout counts as 0.  Nothing here is thread-safe: one term per thread.
** Running out of memory aborts the test with a message on stderr.
*/
#ifndef RAPPORT_TESTS_SCREEN_HARNESS_H
#define RAPPORT_TESTS_SCREEN_HARNESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct term term;

/* Start argv[0] (looked up in PATH when it has no '/') with arguments argv,
** a NULL-terminated array, in a new pseudo-terminal of rows x cols.
** The child runs in its own session with the pty as controlling terminal and
** as stdin, stdout and stderr, with default signal dispositions and an empty
** signal mask.  Its environment is ours, without TERM, LANG, LC_*, LINES,
** COLUMNS and NO_COLOR, plus TERM=xterm-256color, LANG=C.UTF-8 and
** LC_ALL=C.UTF-8, plus envp_extra (NULL-terminated "NAME=value" strings, may
** be NULL), whose entries override all of those.
** Returns a term the caller releases with term_free(), or NULL with a message
** on stderr when the pty, the fork or the exec failed.  The arrays are only
** read during the call.
*/
term *term_start(const char *const argv[], const char *const envp_extra[],
		 int rows, int cols);

/* Read whatever the program wrote, waiting up to timeout_ms for the first
** byte and then taking what is immediately available (at most 1 MiB), and
** feed it to the emulator; answers to terminal queries (cursor position,
** device attributes) are written back to the program.
** Returns the number of bytes read, 0 when nothing came in time, or -1 when
** every process holding the pty has gone and its output is drained.
*/
int term_pump(term *t, int timeout_ms);

/* Pump until utf8_text appears on one row of the screen (see term_find()).
** Returns true when it does within timeout_ms; false on timeout or when the
** program ended without showing it.
*/
bool term_wait_for(term *t, const char *utf8_text, int timeout_ms);

/* Pump until utf8_text appears nowhere on the screen; true when it went (or
** never was there) within timeout_ms.
*/
bool term_wait_gone(term *t, const char *utf8_text, int timeout_ms);

/* Pump until the program has written nothing for quiet_ms.  Returns true
** then, or when its output ended for good; false when it kept writing for
** timeout_ms.
*/
bool term_wait_quiet(term *t, int quiet_ms, int timeout_ms);

/* Return the text of row as UTF-8, trailing blanks trimmed: each cell gives
** its characters (a base and any combining marks), an empty cell a space, and
** the right half of a wide character nothing.  A row out of range gives "".
** The string is malloc'd; the caller frees it.
*/
char *term_row(term *t, int row);

/* Return every row as term_row() gives it, joined with '\n' (no final one),
** for failure messages and golden files.  malloc'd; the caller frees it.
*/
char *term_screen(term *t);

/* Look for utf8_text in the rows of the screen, top to bottom; a match does
** not span rows.  Returns 1 and sets *row and *col (either may be NULL) to
** the cell where the first match starts, or 0 when the text is not there.
*/
int term_find(term *t, const char *utf8_text, int *row, int *col);

/* Give the attributes of the cell at row, col (any pointer may be NULL):
** colours as a palette index 0..255 (SGR 30-37 give 0-7, 90-97 give 8-15,
** 38;5;N gives N), -1 for the terminal's default, -2 for a direct RGB colour.
** The right half of a wide character has the attributes of its left half.
** Returns false, leaving the outputs alone, when the cell is off the screen.
*/
bool term_cell_attrs(term *t, int row, int col, int *fg_index, int *bg_index,
		     bool *bold, bool *reverse);

/* Return true if any cell on the screen has a foreground or background
** colour other than the default (for the NO_COLOR tests).
*/
bool term_any_color(term *t);

/* Set *row and *col (either may be NULL) to the emulator's cursor position. */
void term_cursor(term *t, int *row, int *col);

/* Write bytes, a NUL-terminated string, to the program as if typed: for
** example "hello\r", "\x1b[A" or "\x0e" (Ctrl-N).  Output is pumped while the
** pty is full, so long input cannot deadlock.  Gives up quietly when the
** program has gone.
*/
void term_type(term *t, const char *bytes);

/* Press a named key, sending what xterm sends for it: "Up", "Down", "Left",
** "Right", "Home", "End" (as CSI A..D, H, F, or SS3 A..D, H, F once the
** program switched on application cursor keys, as ncurses' keypad() does),
** "Insert", "Delete", "PageUp", "PageDown" (CSI 2, 3, 5, 6 ~), "Backspace"
** (DEL, 0x7f), "Enter" (CR), "Tab", "BTab" (CSI Z), "Esc", "F1".."F12" and
** "C-a".."C-z" (0x01..0x1a).  An unknown name is a bug in the test: it is
** reported on stderr and the test aborts.
*/
void term_key(term *t, const char *name);

/* Resize the terminal to rows x cols: the emulator's screen, and the pty's
** window size, so the kernel sends SIGWINCH to the program.
*/
void term_resize(term *t, int rows, int cols);

/* Send signal sig to the program (its process only, not its group); does
** nothing once it has been reaped.
*/
void term_kill(term *t, int sig);

/* Wait for the program to end, pumping its output meanwhile, and reap it.
** Returns its exit status (0..255), 128 + the signal number when a signal
** killed it, or -1 when it still runs after timeout_ms.  Once it has been
** reaped, returns the same status again at once.
*/
int term_wait_exit(term *t, int timeout_ms);

/* Return true if the bytes the program wrote so far contain bytes[0..len)
** (for sequences that leave no trace on the screen: bell, title, cursor
** shape).  Only the last 8 MiB of output are kept.
*/
bool term_saw_bytes(term *t, const char *bytes, size_t len);

/* Kill the program's process group with SIGKILL if it has not been reaped,
** reap it, close the pty and free t.  t may be NULL.
*/
void term_free(term *t);

/* The child's process id, for measuring it (/proc/PID/...). */
int term_pid(const term *t);

#endif
