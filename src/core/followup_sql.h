/* followup_sql.h: a client's open follow-ups as prep lists them, in one
** place so that tests/test_prep.c can check their query plans.  ?1 is the
** client.  Internal to src/core.
**
** PREP_FOLLOWUPS_SQL  the first ?2 in Prep's order: by due date (so the
**                     overdue ones first: their dates are before today's),
**                     then those without one, each by id.  Both walks go
**                     down followups_due (client_id, due) where the last
**                     one stopped and stop at ?2 (schema 12): a client with
**                     a thousand open follow-ups costs what one with ten
**                     does.  The sort is of the 2 × ?2 rows at most.
** PREP_FOLLOWUPS_OPEN_SQL  how many are open, counted in the index alone.
*/
#ifndef RAPPORT_FOLLOWUP_SQL_H
#define RAPPORT_FOLLOWUP_SQL_H

#define PREP_FOLLOWUP_COLUMNS                                                            \
	"id, text, coalesce((SELECT name FROM people WHERE id = followups.person_id), owner)," \
	" due, coalesce(meeting_id, 0), coalesce(person_id, 0)"

#define PREP_FOLLOWUPS_SQL                                                               \
	"SELECT * FROM ("                                                                \
	" SELECT * FROM (SELECT " PREP_FOLLOWUP_COLUMNS " FROM followups"               \
	"  WHERE client_id = ?1 AND status = 'open' AND due IS NOT NULL"                 \
	"  ORDER BY due, id LIMIT ?2)"                                                   \
	" UNION ALL SELECT * FROM (SELECT " PREP_FOLLOWUP_COLUMNS " FROM followups"     \
	"  WHERE client_id = ?1 AND status = 'open' AND due IS NULL ORDER BY id LIMIT ?2)" \
	") ORDER BY due IS NULL, due, id LIMIT ?2"

#define PREP_FOLLOWUPS_OPEN_SQL                                                          \
	"SELECT count(*) FROM followups WHERE client_id = ?1 AND status = 'open'"

#endif
