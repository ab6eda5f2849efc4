/* prep_open.h: what earlier meetings left open, for prep_load().
** Internal to src/core. */
#ifndef RAPPORT_PREP_OPEN_H
#define RAPPORT_PREP_OPEN_H

#include "rapport/prep.h"

/* Fill p's open questions, last time's concerns and quotes, within the
** transaction prep_load() holds; p->who and p->last_meeting are set.  On
** failure err says why; what was filled is freed by prep_free(). */
enum rp_status prep_load_open(store *st, prep *p, rp_error *err);

#endif
