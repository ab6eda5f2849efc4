/* vdir.h: the calendar as a vdir, the folder layout vdirsyncer syncs to a
** CalDAV server and khal and todoman read directly.
**
** One file per calendar object (calendar.h), named "<UID>.ics", each one
** VCALENDAR holding one VTODO or VEVENT.  A file is written only when its
** content changes (temporary file, fsync, rename; then the folder is
** synced), and a file of this database's that matches nothing any more is
** removed.  A file the calendar changed (a task ticked off elsewhere,
** synced back) is left as it is until the object changes here: an export
** never undoes what was done in the calendar.  Files other programs put there, and another database's, are
** never touched: their names do not carry this database's identity.
*/
#ifndef RAPPORT_VDIR_H
#define RAPPORT_VDIR_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/store.h"

typedef struct vdir_stats {
	size_t written, removed, unchanged;
	size_t kept;               /* changed in the calendar since, at the
	                              same SEQUENCE or later, while unchanged
	                              here: left as the calendar has it */
} vdir_stats;

/* Bring folder dir (made 0700 when missing, parents too) in step with the
** calendar of every active client, or of client_id alone: every open
** follow-up, each one already in dir whatever its status now (so it turns
** completed or cancelled there), and each client's check-in.  With
** client_id, only that client's files are written or removed.  Needs a
** writable store (calendar_stamp).  RP_EIO names the file that failed;
** what was written before it stays, and the next export goes on from
** there. */
enum rp_status vdir_export(store *st, const rp_clock *clock, const char *dir, int64_t client_id,
			   vdir_stats *stats, rp_error *err);

#endif
