/* export.h: a meeting written out for people and programs. */
#ifndef RAPPORT_EXPORT_H
#define RAPPORT_EXPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/store.h"

/* The whole of meeting id as one JSON object (DESIGN.md §5.1), indented,
** with a final newline.  Private notes are left out unless include_private.
** Talk still running counts up to the clock's now.  DEL and C1 control
** characters are escaped too, so the text is safe on a terminal.  *out is
** malloc'd; the caller frees it. */
enum rp_status export_json(store *st, const rp_clock *clock, int64_t id, bool include_private,
			   char **out, rp_error *err);

#endif
