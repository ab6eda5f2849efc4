/* keymap.h: which key does what, per context, as data. */
#ifndef RAPPORT_TUI_KEYMAP_H
#define RAPPORT_TUI_KEYMAP_H

#include <stdbool.h>
#include <wchar.h>

#include "actions.h"

/* Where a key is looked up: the focused pane's table first, then the
** global one. */
enum keymap_context {
	KEYMAP_GLOBAL,
	KEYMAP_NOTES,
	KEYMAP_AGENDA,
	KEYMAP_PROMPTS,
	KEYMAP_CONTEXT_COUNT
};

typedef struct keybinding {
	wint_t key;         /* a character, or a KEY_* code when function */
	bool function;      /* key is a curses KEY_* code (wget_wch said KEY_CODE_YES) */
	enum action act;
} keybinding;

/* The action bound to key in context, falling back to the global table;
** ACT_NONE when there is none. */
enum action keymap_lookup(enum keymap_context ctx, wint_t key, bool function);

/* The bindings of one context and their count (for the help screen). */
const keybinding *keymap_table(enum keymap_context ctx, int *count);

/* Context title for the help screen ("Everywhere", "Notes"...). */
const char *keymap_context_name(enum keymap_context ctx);

/* A readable name for a binding: "Ctrl-N", "Shift-Tab", "F1", "j". Writes
** into buf (size bytes) and returns it. */
const char *keymap_key_name(const keybinding *b, char *buf, int size);

#endif
