/* meeting_sql.h: the look-ups of a meeting that every screen and command
** makes, in one place so that each is written once and tests/test_meeting.c
** can check their query plans.
**
** Each reads a bounded part of an index, whatever the history's size:
**   MEETING_LAST_SQL     the last meeting held (started, not cancelled),
**                        down meetings_started from its newest end; only
**                        when none was ever held, the newest planned one.
**                        coalesce() evaluates its second query only then.
**   MEETING_NEXT_SQL     a client's next planned meeting (?1 the client):
**                        planned means not started, so the range is the
**                        client's started_at IS NULL end of meetings_client,
**                        its planned and cancelled meetings, never the
**                        ones held.
**   MEETING_LIVE_SQL     a client's live meeting (?1 the client), the
**                        newest started when there are several: down
**                        meetings_client, the client's ended meetings
**                        set aside first from meetings_ended's ids alone
**                        (INDEXED BY: on a ten-year file ANALYZE had
**                        left meetings_ended and meetings_client at 101
**                        meetings a client, and SQLite took
**                        meetings_client, a row a meeting: 1.5 ms),
**                        so that only the few others (planned, cancelled,
**                        live) are read for their state, not every
**                        meeting the client ever held.
**   MEETING_LIVE_NOTES(m) how many live notes meeting m (an SQL expression)
**                        has: all its notes in notes_meeting, less its prep
**                        notes in notes_prep, both counted in the index
**                        without reading a note (schema 9).
*/
#ifndef RAPPORT_MEETING_SQL_H
#define RAPPORT_MEETING_SQL_H

#define MEETING_LAST_SQL                                                               \
	"SELECT coalesce("                                                             \
	"(SELECT id FROM meetings WHERE started_at IS NOT NULL AND state <> 'cancelled'" \
	" ORDER BY started_at DESC, created_at DESC, id DESC LIMIT 1),"                \
	" (SELECT id FROM meetings WHERE started_at IS NULL AND state <> 'cancelled'"  \
	" ORDER BY created_at DESC, id DESC LIMIT 1))"

#define MEETING_NEXT_WHERE                                                      \
	" FROM meetings WHERE client_id = ?1 AND started_at IS NULL AND state = 'planned'" \
	" ORDER BY coalesce(planned_at, created_at), id LIMIT 1"

#define MEETING_NEXT_SQL "SELECT id" MEETING_NEXT_WHERE

#define MEETING_LIVE_SQL                                                            \
	"SELECT id FROM meetings WHERE client_id = ?1 AND state = 'live'"             \
	" AND id NOT IN (SELECT id FROM meetings INDEXED BY meetings_ended"             \
	" WHERE client_id = ?1 AND state = 'ended')"                                  \
	" ORDER BY started_at DESC, id DESC LIMIT 1"

#define MEETING_LIVE_NOTES(m)                                                  \
	"((SELECT count(*) FROM notes WHERE meeting_id = " m ")"                    \
	" - (SELECT count(*) FROM notes WHERE meeting_id = " m " AND phase = 'prep'))"

#endif
