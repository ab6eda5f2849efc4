/* history_sql.h: what the history at a glance reads of a client's contacts
** and follow-ups, in one place so that tests/test_history.c can check their
** query plans.  Internal to src/core.
**
** HISTORY_FOLLOWUPS_SQL  each follow-up's opening day and, once closed, its
**                        closing day (?1 the client, ?2 closed since, ?3 at
**                        most): the open ones from followups_client, the
**                        closed ones down followups_closed from ?2, both
**                        read in the index alone (schema 11), not a row a
**                        follow-up, whatever the client's history.
**
** HISTORY_CONTACTS_SQL   the contacts: the latest one of each kind before the
**                        twelve months (?2, a time a day before their first
**                        local midnight), then those within them up to ?3,
**                        oldest first, at most ?4.  Each walks
**                        meetings_held (a client's meetings held, schema 12)
**                        or touchpoints_client in the index alone, not a
**                        row a meeting.
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

#define HISTORY_CONTACTS_SQL                                                             \
	"SELECT t FROM ("                                                                \
	" SELECT * FROM (SELECT started_at AS t FROM meetings WHERE client_id = ?1"      \
	"  AND started_at < ?2 AND state IN ('live', 'ended') ORDER BY started_at DESC LIMIT 1)" \
	" UNION ALL SELECT * FROM (SELECT at FROM touchpoints WHERE client_id = ?1 AND at < ?2" \
	"  ORDER BY at DESC LIMIT 1)"                                                    \
	" UNION ALL SELECT * FROM (SELECT started_at FROM meetings WHERE client_id = ?1"  \
	"  AND started_at >= ?2 AND started_at < ?3 AND state IN ('live', 'ended')"     \
	"  ORDER BY started_at LIMIT ?4)"                                                \
	" UNION ALL SELECT * FROM (SELECT at FROM touchpoints WHERE client_id = ?1"      \
	"  AND at >= ?2 AND at < ?3 ORDER BY at LIMIT ?4)"                               \
	") ORDER BY t LIMIT ?4"

#endif
