/* screen.c: drawing helpers and the one-line question the screens share. */
#include "screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wctype.h>

#include "keymap.h"
#include "layout.h"
#include "rapport/date.h"
#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "listview.h"
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

char *
screen_when(const app *a, int64_t t, char *buf, size_t size)
{
	int64_t now = rp_clock_now(a->clock);
	bool this_year = date_local(t).year == date_local(now).year;
	size_t len;

	if (this_year)
		date_format_local_short(t, buf, size);
	else
		date_format_local(t, true, buf, size);
	len = strlen(buf);
	if (t < now && len < size)
		snprintf(buf + len, size - len, "%s", _(" · past"));
	return buf;
}

void
screen_put(int y, int x, int cols, const char *text, unsigned attr)
{
	char *clean, *cut;

	if (cols <= 0 || y < 0 || x < 0)
		return;
	clean = text_sanitize(text, " ");
	/* At a word: a title or a message cut inside a word reads wrong, and
	** French runs longer. */
	cut = clean ? width_truncate_words(clean, cols) : NULL;
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
		{
		const char *small = _("terminal too small");
		int w = width_str(small);

		screen_put(LINES / 2, COLS > w ? (COLS - w) / 2 : 0, COLS, small, A_BOLD);
	}
	curs_set(0);
}

void
ask_start(ask *q, int purpose, const char *question, const char *initial)
{
	q->active = true;
	q->purpose = purpose;
	/* Asking again what is asked (a text refused, to be fixed) must not
	** copy the question onto itself. */
	if (question != q->question)
		snprintf(q->question, sizeof q->question, "%s", question);
	/* TRANSLATORS: the answer keys a yes/no question ends with; a question
	** holding it is answered by one key (French: "o / n"). */
	q->yes_no = strstr(question, "y / n") != NULL || strstr(question, _("y / n")) != NULL;
	q->selected = false;
	q->typed = false;
	input_set_text(&q->in, initial ? initial : "");
}

void
ask_start_selected(ask *q, int purpose, const char *question, const char *initial)
{
	ask_start(q, purpose, question, initial);
	q->selected = initial && initial[0];
}

int
ask_key(ask *q, wint_t key, bool function)
{
	bool was_selected = q->selected;

	/* Typing over a selected text replaces it; any other key keeps it. */
	q->selected = false;
	if (was_selected && !function && key != 27 && key != '\r' && key != '\n' &&
	    iswprint(key)) {
		input_set_text(&q->in, "");
		q->typed = true;
	}
	/* y or n answers a yes/no question at once, as on the live screen. */
	/* o (oui) is yes too in French. */
	if (q->yes_no && !function &&
	    (key == 'y' || key == 'Y' || key == 'n' || key == 'N' ||
	     (lang_user() == RP_LANG_FR && (key == 'o' || key == 'O')))) {
		input_set_text(&q->in, key == 'n' || key == 'N' ? "n" : "y");
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
	case ACT_INPUT_BACKSPACE: input_backspace(&q->in); q->typed = true; break;
	case ACT_INPUT_DELETE: input_delete(&q->in); q->typed = true; break;
	case ACT_INPUT_KILL_LINE: input_kill_to_start(&q->in); q->typed = true; break;
	case ACT_INPUT_KILL_WORD: input_kill_word(&q->in); q->typed = true; break;
	default:
		if (!function && iswprint(key)) {
			input_insert(&q->in, (uint32_t)key);
			q->typed = true;
		}
		break;
	}
	return ASK_CONTINUE;
}

/* The lines screen_ask_quit() kept, until screen_take_unsaved(): Ctrl-C
** ends the screens at once, and the dialog goes with its screen. */
static char unsaved[sizeof ((app *)0)->unsaved];

int
screen_ask_quit(const ask *q)
{
	char *text, *clean;
	size_t len = strlen(unsaved);

	/* A text asked with and left as it was is saved already; a y / n
	** question holds nothing typed. */
	if (!q->active || !q->typed || q->yes_no || input_blank(&q->in))
		return H_QUIT;
	text = input_text(&q->in);
	clean = text ? text_sanitize(text, " ") : NULL;
	if (clean)
		snprintf(unsaved + len, sizeof unsaved - len,
			 _("not saved (still in the dialog when you quit): %s %s\n"), q->question,
			 clean);
	free(clean);
	free(text);
	return H_QUIT;
}

void
screen_take_unsaved(app *a)
{
	size_t len = strlen(a->unsaved);

	snprintf(a->unsaved + len, sizeof a->unsaved - len, "%s", unsaved);
	unsaved[0] = '\0';
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
	/* Cut to the screen: a long question must not wrap onto the key bar. */
	screen_put(y, 1, qw < COLS - 1 ? qw : COLS - 1, q->question,
		   screen_pick(a, PAIR_FOCUS, A_BOLD) | A_BOLD);
	if (cols < 2)
		return;
	input_view(&q->in, cols, &first, &col);
	text = input_text_from(&q->in, first);
	if (text) {
		screen_put(y, 1 + qw, cols, text, q->selected ? A_REVERSE : A_NORMAL);
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

const char *
screen_help_hint(void)
{
	/* TRANSLATORS: the key bar's last hint; it starts with the key, "? ",
	** which keeps it on the bar however narrow the screen. */
	return _("? help");
}

const char *
screen_due(const char *iso, char *buf, size_t size)
{
	rp_date d, today = date_local(time(NULL));

	if (date_parse_due(iso, today, &d, NULL) != RP_OK) {
		snprintf(buf, size, "%s", iso);
		return buf;
	}
	return screen_day(d, buf, size);
}

const char *
screen_day(rp_date d, char *buf, size_t size)
{
	size_t len;

	date_format_short(d, buf, size);
	len = strlen(buf);
	if (d.year != date_local(time(NULL)).year && len < size)
		snprintf(buf + len, size - len, " %d", d.year);
	return buf;
}

const char *
screen_keys_fit(const char *keys, int cols, char *buf, size_t size)
{
	char esc[32];
	const char *const keep[] = {"? ", "F1 ", esc, NULL};

	/* The help as the list screens and the live screen name it, then the
	** way back as the bars name it: "Esc back", "Échap retour". */
	snprintf(esc, sizeof esc, "%s ", _("Esc"));
	return layout_hints_fit(keys, cols, keep, buf, size);
}

void
screen_footer(const app *a, const char *msg, bool error, const char *keys, const ask *q)
{
	char fit[600];

	if (msg && msg[0])
		screen_put(LINES - (q && q->active ? 3 : 2), 1, COLS - 2, msg,
			   error ? screen_pick(a, PAIR_OVER, A_BOLD) | A_BOLD : A_BOLD);
	attrset(A_REVERSE);
	mvhline(LINES - 1, 0, ' ', COLS);
	attrset(A_NORMAL);
	/* Whole hints or none: a translated bar is wider than the English. */
	screen_put(LINES - 1, 1, COLS - 2, screen_keys_fit(keys, COLS - 2, fit, sizeof fit),
		   A_REVERSE);
	if (q)
		ask_draw(a, q, LINES - 2);
}

bool
screen_help_key(wint_t key, bool function)
{
	return (function && key == KEY_F(1)) || (!function && (key == 7 || key == '?'));
}

/* The help being shown: a list, so a long help scrolls like any list. */
static listview help_list = {.sel = -1};

/* One line of the help: the keys in their column, what they do wrapped
** beside them at a blank (never cut: the French is longer).  Keys too wide
** for their column, or a screen too narrow for two columns, put what they
** do on the lines below, indented. */
static void
help_add(const char *keys, const char *what, unsigned keys_attr)
{
	enum { KEYW = 18, MAX_LINES = 24 };
	width_line lines[MAX_LINES];
	bool below = width_str(keys) > KEYW - 1 || COLS - 4 - KEYW < 24;
	int indent = below ? 6 : 2 + KEYW, textw = COLS - 2 - indent;
	size_t n;

	n = width_wrap(what, textw < 8 ? 8 : textw, lines, MAX_LINES);
	if (n > MAX_LINES)
		n = MAX_LINES;
	if (listview_add(&help_list, false, A_NORMAL, "  ") == NULL)
		return;
	if (below)
		listview_span(&help_list, keys_attr, "%s", keys);
	else
		listview_cell(&help_list, keys_attr, keys, KEYW);
	for (size_t i = 0; i < n; i++) {
		if (i > 0 || below) {
			listview_row *r = listview_add(&help_list, false, A_NORMAL, "%*s", indent, "");

			if (r == NULL)
				return;
			r->cont = true;  /* "more below" counts whole lines of help */
		}
		listview_span(&help_list, A_NORMAL, "%.*s", (int)lines[i].len,
			      what + lines[i].start);
	}
}

void
screen_help_draw(const app *a, const char *title, const char *const *lines)
{
	unsigned keys_attr = screen_pick(a, PAIR_FOCUS, A_BOLD) | A_BOLD;

	erase();
	curs_set(0);
	screen_put(0, 1, COLS - 2, title, A_BOLD);
	listview_clear(&help_list);
	for (const char *const *l = lines; *l; l++) {
		const char *tab = strchr(*l, '\t');
		char keys[96];

		if (tab == NULL) {
			listview_add_wrapped(&help_list, false, A_BOLD | A_UNDERLINE, 2, *l, COLS - 2);
			continue;
		}
		snprintf(keys, sizeof keys, "%.*s", (int)(tab - *l), *l);
		help_add(keys, tab + 1, keys_attr);
	}
	listview_draw(&help_list, 2, 0, LINES - 3, COLS, false, screen_pick(a, PAIR_DIM, A_DIM));
	screen_put(LINES - 1, 1, COLS - 2,
		   help_list.n > LINES - 3 ? _("j k PgDn PgUp scroll · any other key closes the help")
					   : _("any key closes the help"),
		   A_DIM);
}

int
screen_common_key(bool *help, ask *q, wint_t *key, bool *function)
{
	if (*help) {
		/* The movement keys scroll a long help; any other key closes it. */
		if (listview_key(&help_list, *key, *function))
			return H_REDRAW;
		*help = false;
		return *key == 3 && !*function ? H_QUIT : H_REDRAW;
	}
	if (q->active) {
		if (*key == 3 && !*function)
			return screen_ask_quit(q);  /* quits, as everywhere */
		switch (ask_key(q, *key, *function)) {
		case ASK_DONE: return SCREEN_KEY_ANSWER;
		case ASK_CANCEL: return SCREEN_KEY_CANCEL;
		default: return H_REDRAW;
		}
	}
	if (screen_help_key(*key, *function)) {
		*help = true;
		help_list.top = 0;
		return H_REDRAW;
	}
	return SCREEN_KEY_OWN;
}

#define CTRL(c) ((c) & 0x1f)

/* Every list screen's keys: one meaning per key (issue 8). */
static const struct {
	wint_t key;
	bool function;
	enum screen_act act;
} list_keys[] = {
	{'\r', false, SA_OPEN},
	{'\n', false, SA_OPEN},
	{KEY_ENTER, true, SA_OPEN},
	{27, false, SA_BACK},
	{'q', false, SA_BACK},
	{CTRL('c'), false, SA_QUIT},
	{'n', false, SA_NEW},
	{'a', false, SA_ADD},
	{'e', false, SA_EDIT},
	{'d', false, SA_DONE},
	{'x', false, SA_DROP},
	{'u', false, SA_REOPEN},
	{'o', false, SA_OWNER},
	{'w', false, SA_WHEN},
	{'p', false, SA_PLAN},
	{'E', false, SA_EXPORT},
	{'m', false, SA_MEET},
	{'r', false, SA_REVIEW},
	{'/', false, SA_SEARCH},
	{'\t', false, SA_SECTION_NEXT},
	{KEY_BTAB, true, SA_SECTION_PREV},
	{'J', false, SA_MOVE_DOWN},
	{'K', false, SA_MOVE_UP},
	{'t', false, SA_WALK},
	{'A', false, SA_TEMPLATE},
	{'f', false, SA_FOLLOWUPS},
	{'l', false, SA_TOUCH},
	{'C', false, SA_CANCEL},
	{'L', false, SA_LANG},
};

enum screen_act
screen_act_of(wint_t key, bool function)
{
	for (size_t i = 0; i < sizeof list_keys / sizeof list_keys[0]; i++)
		if (list_keys[i].key == key && list_keys[i].function == function)
			return list_keys[i].act;
	return SA_NONE;
}

/* A text of a key table, translated: under ctx when the catalogue holds it
** there (NC_), else as a plain message (N_). */
static const char *
table_text(const char *ctx, const char *text)
{
	char key[512];
	const char *t;

	if (text == NULL || text[0] == '\0')
		return text ? text : "";
	if (snprintf(key, sizeof key, "%s\004%s", ctx, text) < (int)sizeof key &&
	    (t = i18n_pgettext(key, text)) != text)
		return t;
	return _(text);
}

/* The names of the keys bound to act ("Esc  q"), into buf. */
static void
act_keys(enum screen_act act, bool first_only, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < sizeof list_keys / sizeof list_keys[0]; i++) {
		keybinding b = {.key = list_keys[i].key, .function = list_keys[i].function};
		char name[32];

		if (list_keys[i].act != act || list_keys[i].key == '\n' ||
		    (list_keys[i].key == KEY_ENTER && list_keys[i].function))
			continue;
		keymap_key_name(&b, name, (int)sizeof name);
		len += (size_t)snprintf(buf + len, size > len ? size - len : 0, "%s%s",
					len ? "  " : "", name);
		if (first_only || len >= size)
			break;
	}
}

const char *
screen_keybar(const screen_keyhelp *lines, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (const screen_keyhelp *l = lines; l->what && len < size; l++) {
		char keys[32];

		if (l->bar == NULL || l->acts[0] == SA_NONE)
			continue;
		if (l->keys) {  /* the first of the keys named: "q" of "q  Ctrl-C" */
			const char *gap = strstr(l->keys, "  ");

			snprintf(keys, sizeof keys, "%.*s", gap ? (int)(gap - l->keys) : 31, l->keys);
		} else {
			act_keys(l->acts[0], true, keys, sizeof keys);
		}
		len += (size_t)snprintf(buf + len, size - len, "%s%s %s", len ? LAYOUT_HINT_SEP : "",
					keys, table_text("key bar", l->bar));
	}
	/* Last, the key to the help: the footer keeps it on any width. */
	if (len < size)
		snprintf(buf + len, size - len, "%s%s", len ? LAYOUT_HINT_SEP : "", screen_help_hint());
	return buf;
}

void
screen_help_keys(const app *a, const char *title, const screen_keyhelp *lines)
{
	enum { MAX = 64 };
	static char text[MAX][480];
	const char *out[MAX + 1];
	int n = 0;

	for (const screen_keyhelp *l = lines; l->what && n < MAX - 6; l++) {
		char keys[96] = "";
		size_t len = 0;

		for (int i = 0; i < 3 && l->acts[i] != SA_NONE && len < sizeof keys - 1; i++) {
			char one[64];
			int w;

			act_keys(l->acts[i], false, one, sizeof one);
			w = snprintf(keys + len, sizeof keys - len, "%s%s", len ? "  " : "", one);
			/* Cut, never past the end: len stays inside keys. */
			len = w < 0 ? len : len + (size_t)w < sizeof keys ? len + (size_t)w : sizeof keys - 1;
		}
		if (l->keys)
			snprintf(keys, sizeof keys, "%s", l->keys);
		/* The screens' tables hold N_() or NC_() texts: translated as shown. */
		if (l->acts[0] == SA_NONE)
			snprintf(text[n], sizeof text[n], "%s", table_text("key help", l->what));
		else
			snprintf(text[n], sizeof text[n], "%s\t%s", keys,
				 table_text("key help", l->what));
		out[n] = text[n];
		n++;
	}
	for (int i = 0; listview_help[i] && n < MAX - 1; i++)
		out[n++] = _(listview_help[i]);
	out[n++] = _("F1  Ctrl-G  ?\tthis help");
	out[n] = NULL;
	screen_help_draw(a, title, out);
}
