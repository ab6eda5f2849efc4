/* vdir.h: the calendar as a vdir, the folder layout vdirsyncer syncs to a
** CalDAV server and khal and todoman read directly.
**
** One file per calendar object (calendar.h), named "<UID>.ics", each one
** VCALENDAR holding one VTODO or VEVENT.  A file is written only when its
** content changes (temporary file, fsync, rename; then the folder is
** synced), and a file of this database's that matches nothing any more is
** removed.  A file the calendar changed (a task ticked off elsewhere,
** synced back) since the object last changed here is left as it is: the
** newer change wins, so an export never undoes what was done in the
** calendar, nor the calendar what was done here after.  Files other programs put there, and another database's, are
** never touched: their names do not carry this database's identity.
*/
#ifndef RAPPORT_VDIR_H
#define RAPPORT_VDIR_H

#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/store.h"

/* A done or dropped follow-up stays in the folder, completed or
** cancelled, this long after it was closed; then its file goes. */
#define VDIR_KEEP_CLOSED_DAYS 30

typedef struct vdir_stats {
	size_t written, removed, unchanged;
	size_t kept;               /* changed in the calendar since the
	                              object last changed here: left as the
	                              calendar has it */
} vdir_stats;

/* Bring folder dir (made 0700 when missing, parents too) in step with the
** calendar of every active client, or of client_id alone: every open
** follow-up, each one already in dir whatever its status now (so it turns
** completed or cancelled there, until VDIR_KEEP_CLOSED_DAYS after), and
** each client's check-in.  With
** client_id, only that client's files are written or removed.  Needs a
** writable store (calendar_stamp).  RP_EIO names the file that failed;
** what was written before it stays, and the next export goes on from
** there. */
enum rp_status vdir_export(store *st, const rp_clock *clock, const char *dir, int64_t client_id,
			   vdir_stats *stats, rp_error *err);

#endif
