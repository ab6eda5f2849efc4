/* history_sql.h: what the history at a glance reads of a client's
** follow-ups, in one place so that tests/test_history.c can check its
** query plan.  Internal to src/core.
**
** HISTORY_FOLLOWUPS_SQL  each follow-up's opening day and, once closed, its
**                        closing day (?1 the client, ?2 closed since, ?3 at
**                        most): the open ones from followups_client, the
**                        closed ones down followups_closed from ?2, both
**                        read in the index alone (schema 11), not a row a
**                        follow-up, whatever the client's history.
*/
#ifndef RAPPORT_HISTORY_SQL_H
#define RAPPORT_HISTORY_SQL_H

/* "+status": the walk is down followups_closed from ?2, not every follow-up
** the client ever closed. */
#define HISTORY_FOLLOWUPS_SQL                                                    \
	"SELECT created_at, NULL FROM followups WHERE client_id = ?1 AND status = 'open'" \
	" UNION ALL SELECT created_at, coalesce(closed_at, created_at) FROM followups" \
	" WHERE client_id = ?1 AND +status IN ('done', 'dropped') AND closed_at >= ?2" \
	" LIMIT ?3"

#endif
