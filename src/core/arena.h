/* arena.h: strings of a loaded snapshot (a session, a prep), freed at once.
** Internal to src/core. */
#ifndef RAPPORT_ARENA_H
#define RAPPORT_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* A copy of text (NULL stays NULL) kept in the arena *arena (NULL to start
** one).  On no memory returns "" and sets *oom. */
const char *arena_strdup(void **arena, const unsigned char *text, bool *oom);

/* A NUL-terminated copy of text[0..len) followed by suffix, kept in the
** arena *arena.  On no memory returns "" and sets *oom.  A NUL inside text
** ends the copy, as it would anywhere in C. */
const char *arena_strndup(void **arena, const char *text, size_t len, const char *suffix,
			  bool *oom);

/* Free every block of the arena; NULL is fine. */
void arena_free(void *arena);

/* Grow the array *v of elements of size elem so it holds n + 1, doubling
** *cap; new room is zeroed.  False on no memory (the array is unchanged). */
bool arena_grow(void *v, size_t *cap, size_t n, size_t elem);

#endif
