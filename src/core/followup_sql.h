/* followup_sql.h: a client's open follow-ups as prep lists them, in one
** place so that tests/test_prep.c can check their query plans.  ?1 is the
** client, ?2 how many at most.  Internal to src/core.
**
** Prep's order is by due date (so the overdue ones first: their dates are
** before today's), then those without one, each by id: two walks down
** followups_due (client_id, due) (schema 12), the undated ones read only
** when the dated ones leave room.  A client with a thousand open follow-ups
** costs what one with ten does.
**   PREP_FOLLOWUPS_DATED_SQL    the first ?2 with a due date
**   PREP_FOLLOWUPS_UNDATED_SQL  the first ?2 without one
**   PREP_FOLLOWUPS_OPEN_SQL     how many are open, counted in followups_client
*/
#ifndef RAPPORT_FOLLOWUP_SQL_H
#define RAPPORT_FOLLOWUP_SQL_H

#define PREP_FOLLOWUPS_SELECT                                                            \
	"SELECT id, text, coalesce((SELECT name FROM people WHERE id = followups.person_id), owner)," \
	" due, coalesce(meeting_id, 0), coalesce(person_id, 0) FROM followups"           \
	" WHERE client_id = ?1 AND status = 'open'"

#define PREP_FOLLOWUPS_DATED_SQL \
	PREP_FOLLOWUPS_SELECT " AND due IS NOT NULL ORDER BY due, id LIMIT ?2"
#define PREP_FOLLOWUPS_UNDATED_SQL \
	PREP_FOLLOWUPS_SELECT " AND due IS NULL ORDER BY id LIMIT ?2"

/* INDEXED BY: on a file without statistics, SQLite counted in
** followups_closed, every follow-up the client ever had; followups_client
** holds the open ones alone, with their status, so it is read alone. */
#define PREP_FOLLOWUPS_OPEN_SQL                                                          \
	"SELECT count(*) FROM followups INDEXED BY followups_client"                      \
	" WHERE client_id = ?1 AND status = 'open'"

#endif
