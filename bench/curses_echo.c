/* curses_echo.c: the trivial curses program a keystroke is measured
** against (DESIGN.md §7: "within 1.2x of a trivial curses echo program").
**
**   curses_echo
**
** An input line as the live screen has one, "> " and what was typed, three
** rows from the bottom: each key is read (wget_wch), added to the line
** (Ctrl-U clears it, Backspace removes a character), the line redrawn and
** refreshed.  Ctrl-C quits.  Nothing else: no panes, no clock, no file.
*/
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>
#include <wchar.h>

enum { LINE_MAX_CHARS = 512 };

int
main(void)
{
	wchar_t line[LINE_MAX_CHARS + 1] = {0};
	size_t len = 0;
	wint_t ch;
	int rc;

	setlocale(LC_ALL, "");
	initscr();
	raw();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(0, 0, "curses echo: type, Ctrl-U clears, Ctrl-C quits");
	for (;;) {
		move(LINES - 3, 21);
		clrtoeol();
		addstr("> ");
		addwstr(line);
		refresh();
		if ((rc = get_wch(&ch)) == ERR)
			continue;
		if (rc == OK && ch == 3)
			break;
		if (rc == OK && ch == 21) {
			len = 0;
		} else if ((rc == KEY_CODE_YES && ch == KEY_BACKSPACE) || (rc == OK && ch == 127)) {
			len -= len > 0;
		} else if (rc == OK && ch >= ' ' && len < LINE_MAX_CHARS) {
			line[len++] = (wchar_t)ch;
		}
		line[len] = L'\0';
	}
	endwin();
	return 0;
}
