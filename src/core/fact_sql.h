/* fact_sql.h: a client's newest facts, as the live screen and prep read
** them, in one place so that tests/test_session.c can check their query
** plans.  ?1 is the client.
**
** Both read facts_client (client_id, learned_at) from the client's newest
** end and stop at the limit: the index holds each fact's id after
** learned_at, so "learned_at DESC, id DESC" is its own order, with no
** sort of all the client's facts (554 a client on a ten-year file).
**   FACTS_LIVE_SQL   the live screen: those still true (not done).
**   FACTS_PREP_SQL   prep: every one, done ones too, at most ?2.
*/
#ifndef RAPPORT_FACT_SQL_H
#define RAPPORT_FACT_SQL_H

#define FACTS_LIVE_SQL                                                                   \
	"SELECT id, kind, text, learned_at, coalesce(meeting_id, 0), until_date,"        \
	" (SELECT name FROM people WHERE id = facts.person_id) FROM facts"               \
	" WHERE client_id = ?1 AND done_at IS NULL ORDER BY learned_at DESC, id DESC LIMIT 100"

#define FACTS_PREP_SQL                                                                   \
	"SELECT id, kind, text, learned_at, coalesce(meeting_id, 0),"                    \
	" (SELECT name FROM people WHERE id = facts.person_id), until_date,"             \
	" coalesce(done_at, 0) FROM facts WHERE client_id = ?1"                          \
	" ORDER BY learned_at DESC, id DESC LIMIT ?2"

#endif
