/* field.h: checking a text field typed by the user, before it is stored.
** Internal to src/core. */
#ifndef RAPPORT_FIELD_H
#define RAPPORT_FIELD_H

#include <stddef.h>

#include "rapport/error.h"

/* Valid UTF-8, no control characters, not blank, at most max_chars
** characters.  what names the field in the message ("title").  Returns RP_OK
** or RP_EINVAL. */
enum rp_status field_check(const char *s, const char *what, size_t max_chars, rp_error *err);

#endif
