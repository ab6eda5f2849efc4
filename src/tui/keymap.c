/* keymap.c: the key tables.  Change a key here and the help follows. */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>

#include "rapport/i18n.h"

#define CTRL(c) ((c) & 0x1f)

static const char *const action_helps[] = {
#define ACTION_HELP(act, help) [act - ACT_NONE] = help,
	ACTION_LIST(ACTION_HELP)
#undef ACTION_HELP
};

const char *
action_help(enum action act)
{
	if (act <= ACT_NONE || act >= ACT_COUNT)
		return "";
	return _(action_helps[act - ACT_NONE]);
}

/* In the Agenda and Prompts panes a letter is a command: each acts once
** and hands the keyboard back to Notes (live.c), so a word typed there by
** mistake changes one thing at most, announced and undone with u.  A
** printable key bound to nothing goes to the note line. */

/* Global keys work while typing a note, so they are control and function
** keys only.  Ctrl-S and Ctrl-Q are left alone: terminal flow control. */
static const keybinding global_keys[] = {
	{'\t', false, ACT_FOCUS_NEXT},
	{KEY_BTAB, true, ACT_FOCUS_PREV},
	{CTRL('n'), false, ACT_ITEM_NEXT},
	{CTRL('p'), false, ACT_ITEM_PREV},
	{CTRL('t'), false, ACT_TALK_TOGGLE},
	{CTRL('x'), false, ACT_END_MEETING},
	{KEY_F(1), true, ACT_HELP},
	{CTRL('g'), false, ACT_HELP},
	{CTRL('c'), false, ACT_QUIT},
	{27, false, ACT_ESCAPE},
};

static const keybinding notes_keys[] = {
	{'\r', false, ACT_INPUT_SUBMIT},
	{'\n', false, ACT_INPUT_SUBMIT},
	{KEY_ENTER, true, ACT_INPUT_SUBMIT},
	{KEY_LEFT, true, ACT_INPUT_LEFT},
	{KEY_RIGHT, true, ACT_INPUT_RIGHT},
	{KEY_HOME, true, ACT_INPUT_HOME},
	{CTRL('a'), false, ACT_INPUT_HOME},
	{KEY_END, true, ACT_INPUT_END},
	{CTRL('e'), false, ACT_INPUT_END},
	{KEY_BACKSPACE, true, ACT_INPUT_BACKSPACE},
	{127, false, ACT_INPUT_BACKSPACE},
	{CTRL('h'), false, ACT_INPUT_BACKSPACE},
	{KEY_DC, true, ACT_INPUT_DELETE},
	{CTRL('u'), false, ACT_INPUT_KILL_LINE},
	{CTRL('w'), false, ACT_INPUT_KILL_WORD},
	{KEY_UP, true, ACT_NOTE_OLDER},
	{KEY_DOWN, true, ACT_NOTE_NEWER},
};

static const keybinding agenda_keys[] = {
	{'j', false, ACT_MOVE_DOWN},
	{KEY_DOWN, true, ACT_MOVE_DOWN},
	{'k', false, ACT_MOVE_UP},
	{KEY_UP, true, ACT_MOVE_UP},
	{'g', false, ACT_MOVE_FIRST},
	{KEY_HOME, true, ACT_MOVE_FIRST},
	{'G', false, ACT_MOVE_LAST},
	{KEY_END, true, ACT_MOVE_LAST},
	{'\r', false, ACT_ITEM_START},
	{'\n', false, ACT_ITEM_START},
	{KEY_ENTER, true, ACT_ITEM_START},
	{'a', false, ACT_ITEM_ADD},
	{'e', false, ACT_ITEM_EDIT},
	{'d', false, ACT_ITEM_DONE},
	{'s', false, ACT_ITEM_SKIP},
	{'p', false, ACT_ITEM_PARK},
	{'u', false, ACT_UNDO},
};

static const keybinding prompts_keys[] = {
	{'j', false, ACT_MOVE_DOWN},
	{KEY_DOWN, true, ACT_MOVE_DOWN},
	{'k', false, ACT_MOVE_UP},
	{KEY_UP, true, ACT_MOVE_UP},
	{'g', false, ACT_MOVE_FIRST},
	{KEY_HOME, true, ACT_MOVE_FIRST},
	{'G', false, ACT_MOVE_LAST},
	{KEY_END, true, ACT_MOVE_LAST},
	{'\r', false, ACT_PROMPT_USE},
	{'\n', false, ACT_PROMPT_USE},
	{KEY_ENTER, true, ACT_PROMPT_USE},
	{'x', false, ACT_PROMPT_DISMISS},
	{'u', false, ACT_UNDO},
};

#define TABLE(t) {t, (int)(sizeof t / sizeof t[0])}

static const struct {
	const keybinding *keys;
	int count;
} tables[KEYMAP_CONTEXT_COUNT] = {
	[KEYMAP_GLOBAL] = TABLE(global_keys),
	[KEYMAP_NOTES] = TABLE(notes_keys),
	[KEYMAP_AGENDA] = TABLE(agenda_keys),
	[KEYMAP_PROMPTS] = TABLE(prompts_keys),
};

static const char *const context_names[KEYMAP_CONTEXT_COUNT] = {
	[KEYMAP_GLOBAL] = N_("Everywhere (also while typing)"),
	[KEYMAP_NOTES] = N_("Notes pane"),
	[KEYMAP_AGENDA] = N_("Agenda pane (a letter acts once, then Notes has the keys)"),
	[KEYMAP_PROMPTS] = N_("Prompts pane (a letter acts once, then Notes has the keys)"),
};

static enum action
lookup_in(enum keymap_context ctx, wint_t key, bool function)
{
	for (int i = 0; i < tables[ctx].count; i++)
		if (tables[ctx].keys[i].key == key && tables[ctx].keys[i].function == function)
			return tables[ctx].keys[i].act;
	return ACT_NONE;
}

enum action
keymap_lookup(enum keymap_context ctx, wint_t key, bool function)
{
	enum action act = ACT_NONE;

	if (ctx != KEYMAP_GLOBAL)
		act = lookup_in(ctx, key, function);
	if (act == ACT_NONE)
		act = lookup_in(KEYMAP_GLOBAL, key, function);
	return act;
}

const keybinding *
keymap_table(enum keymap_context ctx, int *count)
{
	*count = tables[ctx].count;
	return tables[ctx].keys;
}

const char *
keymap_context_name(enum keymap_context ctx)
{
	return _(context_names[ctx]);
}

const char *
keymap_key_name(const keybinding *b, char *buf, int size)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{KEY_BTAB, N_("Shift-Tab")}, {KEY_LEFT, N_("Left")}, {KEY_RIGHT, N_("Right")},
		{KEY_UP, N_("Up")}, {KEY_DOWN, N_("Down")}, {KEY_HOME, N_("Home")},
		{KEY_END, N_("End")}, {KEY_BACKSPACE, N_("Backspace")}, {KEY_DC, N_("Delete")},
		{KEY_ENTER, N_("Enter")},
	};

	if (b->function) {
		for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
			if (names[i].key == (int)b->key)
				return snprintf(buf, (size_t)size, "%s", _(names[i].name)), buf;
		if (b->key >= KEY_F(1) && b->key <= KEY_F(12))
			return snprintf(buf, (size_t)size, "F%d", (int)(b->key - KEY_F0)), buf;
		return snprintf(buf, (size_t)size, _("key %d"), (int)b->key), buf;
	}
	switch (b->key) {
	case '\t': return snprintf(buf, (size_t)size, "Tab"), buf;
	case '\r': return snprintf(buf, (size_t)size, "%s", _("Enter")), buf;
	case '\n': return snprintf(buf, (size_t)size, "Ctrl-J"), buf;
	case 27: return snprintf(buf, (size_t)size, "%s", _("Esc")), buf;
	case 127: return snprintf(buf, (size_t)size, "%s", _("Backspace")), buf;
	}
	if (b->key < 32)
		return snprintf(buf, (size_t)size, "Ctrl-%c", (char)(b->key + 'A' - 1)), buf;
	return snprintf(buf, (size_t)size, "%lc", (wint_t)b->key), buf;
}
