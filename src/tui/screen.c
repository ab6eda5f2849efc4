/* screen.c: drawing helpers and the one-line question the screens share. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "keymap.h"
#include "rapport/text.h"
#include "width.h"

void
screen_colors_init(const app *a)
{
	if (!a->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_FOCUS, COLOR_CYAN, -1);
	init_pair(PAIR_NEED, COLOR_GREEN, -1);
	init_pair(PAIR_CONCERN, COLOR_YELLOW, -1);
	init_pair(PAIR_QUESTION, COLOR_BLUE, -1);
	init_pair(PAIR_DECISION, COLOR_MAGENTA, -1);
	init_pair(PAIR_ACTION, COLOR_CYAN, -1);
	init_pair(PAIR_PERSONAL, COLOR_GREEN, -1);
	init_pair(PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(PAIR_OVER, COLOR_RED, -1);
	init_pair(PAIR_DIM, COLOR_WHITE, -1);
}

unsigned
screen_pick(const app *a, int pair, unsigned fallback)
{
	return a->color ? (unsigned)COLOR_PAIR(pair) : fallback;
}

void
screen_put(int y, int x, int cols, const char *text, unsigned attr)
{
	char *clean, *cut;

	if (cols <= 0 || y < 0 || x < 0)
		return;
	clean = text_sanitize(text, " ");
	cut = clean ? width_truncate(clean, cols) : NULL;
	if (cut) {
		attr_t old_attr;
		short old_pair;

		attr_get(&old_attr, &old_pair, NULL);
		attrset((attr_t)attr);
		mvaddstr(y, x, cut);
		attrset(old_attr);
	}
	free(cut);
	free(clean);
}

void
screen_box(const app *a, int y, int x, int h, int w, const char *title, bool focused)
{
	attr_t at = focused ? (attr_t)screen_pick(a, PAIR_FOCUS, A_BOLD) | A_BOLD : A_NORMAL;
	char label[128];

	if (h < 2 || w < 4)
		return;
	attrset(at);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	snprintf(label, sizeof label, " %s ", title);
	screen_put(y, x + 1, w - 2, label, at);
}

void
screen_too_small(void)
{
	erase();
	if (COLS >= 1 && LINES >= 1)
		screen_put(LINES / 2, COLS > 18 ? (COLS - 18) / 2 : 0, COLS, "terminal too small",
			   A_BOLD);
	curs_set(0);
}

void
ask_start(ask *q, int purpose, const char *question, const char *initial)
{
	q->active = true;
	q->purpose = purpose;
	snprintf(q->question, sizeof q->question, "%s", question);
	q->yes_no = strstr(question, "y / n") != NULL;
	input_set_text(&q->in, initial ? initial : "");
}

int
ask_key(ask *q, wint_t key, bool function)
{
	/* y or n answers a yes/no question at once, as on the live screen. */
	if (q->yes_no && !function && (key == 'y' || key == 'Y' || key == 'n' || key == 'N')) {
		input_set_text(&q->in, key == 'y' || key == 'Y' ? "y" : "n");
		q->active = false;
		return ASK_DONE;
	}
	switch (keymap_lookup(KEYMAP_NOTES, key, function)) {
	case ACT_INPUT_SUBMIT: q->active = false; return ASK_DONE;
	case ACT_ESCAPE: q->active = false; return ASK_CANCEL;
	case ACT_INPUT_LEFT: input_left(&q->in); break;
	case ACT_INPUT_RIGHT: input_right(&q->in); break;
	case ACT_INPUT_HOME: input_home(&q->in); break;
	case ACT_INPUT_END: input_end(&q->in); break;
	case ACT_INPUT_BACKSPACE: input_backspace(&q->in); break;
	case ACT_INPUT_DELETE: input_delete(&q->in); break;
	case ACT_INPUT_KILL_LINE: input_kill_to_start(&q->in); break;
	case ACT_INPUT_KILL_WORD: input_kill_word(&q->in); break;
	default:
		if (!function && iswprint(key))
			input_insert(&q->in, (uint32_t)key);
		break;
	}
	return ASK_CONTINUE;
}

void
ask_draw(const app *a, const ask *q, int y)
{
	int qw = width_str(q->question) + 1, cols = COLS - qw - 2, col = 0;
	size_t first = 0;
	char *text;

	if (!q->active || y < 0)
		return;
	attrset(A_NORMAL);
	mvhline(y, 0, ' ', COLS);
	screen_put(y, 1, qw, q->question, screen_pick(a, PAIR_FOCUS, A_BOLD) | A_BOLD);
	if (cols < 2)
		return;
	input_view(&q->in, cols, &first, &col);
	text = input_text(&(input_line){.cps = q->in.cps + first, .len = q->in.len - first});
	if (text) {
		screen_put(y, 1 + qw, cols, text, A_NORMAL);
		free(text);
	}
	move(y, 1 + qw + col);
	curs_set(1);
}

char *
ask_text(const ask *q)
{
	return input_text(&q->in);
}

void
screen_scroll(int sel, int *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (rows > 0 && sel >= *top + rows)
		*top = sel - rows + 1;
}

void
screen_footer(const app *a, const char *msg, bool error, const char *keys, const ask *q)
{
	if (msg && msg[0])
		screen_put(LINES - (q && q->active ? 3 : 2), 1, COLS - 2, msg,
			   error ? screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD : A_BOLD);
	attrset(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	attrset(A_NORMAL);
	screen_put(LINES - 1, 1, COLS - 2, keys, A_REVERSE);
	if (q)
		ask_draw(a, q, LINES - 2);
}

bool
screen_help_key(wint_t key, bool function)
{
	return (function && key == KEY_F(1)) || (!function && (key == 7 || key == '?'));
}

void
screen_help_draw(const app *a, const char *title, const char *const *lines)
{
	int y = 2;

	erase();
	curs_set(0);
	screen_put(0, 1, COLS - 2, title, A_BOLD);
	for (const char *const *l = lines; *l && y < LINES - 1; l++, y++) {
		const char *tab = strchr(*l, '\t');
		char keys[64];

		if (tab == NULL) {
			screen_put(y, 1, COLS - 2, *l, A_BOLD | A_UNDERLINE);
			continue;
		}
		snprintf(keys, sizeof keys, "%.*s", (int)(tab - *l), *l);
		screen_put(y, 3, 16, keys, screen_pick(a, PAIR_FOCUS, A_BOLD) | A_BOLD);
		screen_put(y, 20, COLS - 21, tab + 1, A_NORMAL);
	}
	screen_put(LINES - 1, 1, COLS - 2, "any key closes the help", A_DIM);
}

int
screen_common_key(bool *help, ask *q, wint_t *key, bool *function)
{
	if (*help) {
		*help = false;
		return *key == 3 && !*function ? H_QUIT : H_REDRAW;
	}
	if (q->active) {
		switch (ask_key(q, *key, *function)) {
		case ASK_DONE: return SCREEN_KEY_ANSWER;
		case ASK_CANCEL: return SCREEN_KEY_CANCEL;
		default: return H_REDRAW;
		}
	}
	if (screen_help_key(*key, *function)) {
		*help = true;
		return H_REDRAW;
	}
	if (*function && (*key == KEY_DOWN || *key == KEY_UP || *key == KEY_ENTER)) {
		*key = *key == KEY_DOWN ? 'j' : *key == KEY_UP ? 'k' : '\r';
		*function = false;
	}
	return SCREEN_KEY_OWN;
}

unsigned
screen_select_row(int y, bool selected)
{
	if (!selected)
		return 0;
	attrset(A_REVERSE);
	mvhline(y, 0, ' ', COLS);
	attrset(A_NORMAL);
	return A_REVERSE;
}
