/* ical.h: the iCalendar functions, kept in a module of their own.
**
** libical brings ICU and libstdc++ with it: ~1.5 ms of loading on every
** start of rapport, for two commands that need it.  So invite_read(),
** invite_line_item() and calendar_text() live in librapport-ical (src/ical/),
** loaded with dlopen() the first time one is called; the core's versions
** (ical.c) forward to these.  Internal to src/core and src/ical.
*/
#ifndef RAPPORT_ICAL_H
#define RAPPORT_ICAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/error.h"
#include "rapport/invite.h"

struct calendar;

/* The module's entry points: the same contracts as invite_read(),
** invite_line_item() and calendar_text(). */
enum rp_status ical_invite_read(const char *path, int64_t now, bool past, invite *out,
				rp_error *err);
enum rp_status ical_invite_line_item(const char *line, agenda_spec *out, rp_error *err);
enum rp_status ical_invite_items(const char *description, invite *out, rp_error *err);
enum rp_status ical_calendar_text(const struct calendar *cal, size_t index, bool publish,
				  int64_t now, char **out, rp_error *err);

#endif
