/* agenda_lines.h: the agenda items in an invitation's description.
**
** Internal to librapport-ical: invite.c reads the file, agenda_lines.c
** decides which lines of its description are agenda.  The line reader of
** one line alone is ical_invite_line_item (ical.h).
*/
#ifndef RAPPORT_AGENDA_LINES_H
#define RAPPORT_AGENDA_LINES_H

#include "rapport/error.h"
#include "rapport/invite.h"

/* Fill out->items and out->nitems from description (sanitized UTF-8, lines
** separated by "\n"); nothing else of *out is touched.  Lines that hold no
** item are left out; only running out of memory fails (RP_ENOMEM). */
enum rp_status agenda_lines_read(const char *description, invite *out, rp_error *err);

#endif
