/* carry.h: what is waiting to be carried into a client's next meeting.
** Internal to src/core (meeting.c, schedule.c, prep.c).
**
** The items left unfinished (pending, active or parked) in the client's
** last ended meeting, and every item of the meetings cancelled since that
** one ended (all of a cancelled meeting's agenda waits for the next one),
** that no other item was carried from yet.  Only since the last meeting
** held: what a meeting held chose not to carry stays where it was left.
*/
#ifndef RAPPORT_CARRY_H
#define RAPPORT_CARRY_H

#include <stdint.h>

#include "rapport/error.h"
#include "rapport/store.h"

/* The meetings items are carried from, for client ?1, leaving meeting ?2
** out: columns id, then the order to carry them in (the meeting held
** first, then the cancelled ones in the order they were cancelled).  The
** cancelled ones are found through meetings_client: never started, so in
** the client's started_at IS NULL range, which holds only its planned and
** cancelled meetings. */
#define CARRY_SOURCES_SQL                                                              \
	"SELECT id, 0 AS o1, 0 AS o2 FROM (SELECT id FROM meetings WHERE state = 'ended'"   \
	" AND client_id = ?1 AND id <> ?2 ORDER BY ended_at DESC, id DESC LIMIT 1)"        \
	" UNION ALL SELECT id, 1, coalesce(cancelled_at, 0) FROM meetings"                  \
	" WHERE client_id = ?1 AND started_at IS NULL AND state = 'cancelled' AND id <> ?2" \
	" AND coalesce(cancelled_at, 0) >= coalesce((SELECT max(ended_at) FROM meetings"    \
	" WHERE state = 'ended' AND client_id = ?1 AND id <> ?2), 0)"

/* The items waiting, from CARRY_SOURCES_SQL: columns a.id, a.title,
** a.carry_count, in the order they are carried. */
#define CARRY_PENDING_SQL                                                          \
	"SELECT a.id, a.title, a.carry_count FROM (" CARRY_SOURCES_SQL ") s"          \
	" JOIN agenda_items a ON a.meeting_id = s.id"                                  \
	" WHERE a.status IN ('pending', 'active', 'parked')"                           \
	" AND NOT EXISTS (SELECT 1 FROM agenda_items b WHERE b.carried_from = a.id)"   \
	" ORDER BY s.o1, s.o2, s.id, a.position"

/* Carry what is waiting into meeting_id, inside the caller's transaction
** (agenda_carry_over without its own).  *carried (may be NULL) counts the
** items added. */
enum rp_status carry_over_in(store *st, int64_t meeting_id, int *carried, rp_error *err);

#endif
