/* arena.c: see arena.h. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

typedef struct arena_block {
	struct arena_block *next;
	size_t used, size;
	char data[];
} arena_block;

#define ARENA_BLOCK 16384

/* Room for len bytes in the arena *arena, or NULL (with *oom set). */
static char *
arena_alloc(void **arena, size_t len, bool *oom)
{
	arena_block *b = *arena;

	if (b == NULL || b->size - b->used < len) {
		size_t size = len > ARENA_BLOCK ? len : ARENA_BLOCK;

		if ((b = malloc(sizeof *b + size)) == NULL) {
			*oom = true;
			return NULL;
		}
		b->next = *arena;
		b->used = 0;
		b->size = size;
		*arena = b;
	}
	b->used += len;
	return b->data + b->used - len;
}

const char *
arena_strdup(void **arena, const unsigned char *text, bool *oom)
{
	size_t len;
	char *copy;

	if (text == NULL)
		return NULL;
	len = strlen((const char *)text) + 1;
	if ((copy = arena_alloc(arena, len, oom)) == NULL)
		return "";
	return memcpy(copy, text, len);
}

const char *
arena_strndup(void **arena, const char *text, size_t len, const char *suffix, bool *oom)
{
	size_t slen = strlen(suffix);
	char *copy;

	if ((copy = arena_alloc(arena, len + slen + 1, oom)) == NULL)
		return "";
	memcpy(copy, text, len);
	memcpy(copy + len, suffix, slen + 1);
	return copy;
}

void
arena_free(void *arena)
{
	arena_block *b = arena, *next;

	for (; b; b = next) {
		next = b->next;
		free(b);
	}
}

bool
arena_grow(void *v, size_t *cap, size_t n, size_t elem)
{
	void **pv = v, *grown;
	size_t want;

	if (n < *cap)
		return true;
	want = *cap ? *cap * 2 : 8;
	if ((grown = realloc(*pv, want * elem)) == NULL)
		return false;
	memset((char *)grown + *cap * elem, 0, (want - *cap) * elem);
	*pv = grown;
	*cap = want;
	return true;
}
