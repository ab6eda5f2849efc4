/* calendar.h: what a calendar is told, object by object.
**
** rapport writes two kinds of calendar objects: a follow-up is a task
** (VTODO), and each active client has one check-in (VEVENT) on the day its
** cadence suggests after the last contact.  Each object has a UID made of
** the database's calendar identity (schema 6's settings 'calendar_id',
** random and made once) and a database id, so two databases never collide
** and the same object keeps its UID across exports:
**
**     rapport-<calendar id>-followup-<follow-up id>
**     rapport-<calendar id>-checkin-<client id>
**
** calendar_stamp() remembers what each object was last exported as (a
** digest of everything a calendar shows of it), so its SEQUENCE grows and
** its LAST-MODIFIED moves exactly when that changes, whichever change made
** it: a calendar that imports it again updates the object in place.
**
** The words of an object are its client's language (client.lang, else
** the user's): "Check in with Acme" or "Faire le point avec Acme", from
** an English desktop or a French one.  A client whose language changes
** has their objects change too, one SEQUENCE on.
**
** Loading and stamping are the core's; writing iCalendar text is
** calendar_text()'s (libical, in the iCalendar module).
*/
#ifndef RAPPORT_CALENDAR_H
#define RAPPORT_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/date.h"
#include "rapport/error.h"
#include "rapport/record.h"
#include "rapport/store.h"

#define CALENDAR_ID_LEN 32        /* hex digits */
#define CALENDAR_UID_MAX 96       /* bytes of a UID, with its NUL */
#define CALENDAR_CATEGORIES_MAX 8

enum calendar_kind { CALENDAR_TODO, CALENDAR_CHECKIN };

typedef struct calendar_object {
	enum calendar_kind kind;
	char uid[CALENDAR_UID_MAX];
	int64_t ref;                  /* the follow-up's id, or the client's */
	int64_t client_id;
	const char *summary;          /* one line, neutralised, in the
	                                 client's language */
	const char *description;      /* lines, neutralised, the same */
	const char *categories[CALENDAR_CATEGORIES_MAX];
	size_t ncategories;           /* "rapport", the client, "waiting", topics */
	rp_date day;                  /* a task's DUE (year 0: none); the
	                                 check-in's day */
	enum followup_status status;  /* a task's */
	int64_t created_at;           /* UTC seconds */
	int64_t completed_at;         /* a task done or dropped: when; else 0 */
	uint64_t digest;              /* of all the above but the UID */
	int64_t sequence;             /* set by calendar_stamp() */
	int64_t modified_at;          /* set by calendar_stamp(), UTC seconds */
} calendar_object;

typedef struct calendar {
	char id[CALENDAR_ID_LEN + 1]; /* the database's calendar identity */
	calendar_object *objects;
	size_t n;
	void *arena;                  /* owns the strings; private */
} calendar;

/* What calendar_clients() loads besides every open task and check-in. */
typedef struct calendar_scope {
	int64_t client_id;            /* 0: every active client */
	const int64_t *also;          /* follow-ups to load whatever their
	                                 status (those a vdir holds already,
	                                 so they turn completed there) */
	size_t nalso;
	int64_t closed_since;         /* of those, only the ones closed since
	                                 (UTC seconds; 0: all) */
} calendar_scope;

/* The database's calendar identity into id (CALENDAR_ID_LEN + 1 bytes). */
enum rp_status calendar_identity(store *st, char *id, rp_error *err);

/* A meeting's calendar: all its follow-ups, whatever their status, and
** its client's check-in (none for an archived client).  *out is
** allocated; free with calendar_free().  RP_ENOTFOUND for no such meeting. */
enum rp_status calendar_meeting(store *st, const rp_clock *clock, int64_t meeting_id,
				calendar **out, rp_error *err);

/* The active clients' calendar (or one client's): every open follow-up,
** scope->also's follow-ups of those clients, and each client's check-in.
** Grows with the open follow-ups and the clients, never with the
** history.  RP_ENOTFOUND when scope->client_id is no active client. */
enum rp_status calendar_clients(store *st, const rp_clock *clock, const calendar_scope *scope,
				calendar **out, rp_error *err);

/* Give every object its SEQUENCE and LAST-MODIFIED: those it was last
** exported with if its digest is the same, else the next sequence and the
** clock's now, remembered (one transaction).  On a read-only store the
** same versions are given, not remembered. */
enum rp_status calendar_stamp(store *st, const rp_clock *clock, calendar *cal, rp_error *err);

/* Write objects[index] (or every object, when index is cal->n) as one
** VCALENDAR into *out (malloc'd, CRLF lines, folded).  With publish, the
** calendar says METHOD:PUBLISH and each DTSTAMP is now, for a file a
** person imports; without, there is no METHOD and DTSTAMP is the object's
** LAST-MODIFIED, as a calendar store (a vdir) keeps it, so an unchanged
** object gives the same bytes.  In the iCalendar module. */
enum rp_status calendar_text(const calendar *cal, size_t index, bool publish, int64_t now,
			     char **out, rp_error *err);

void calendar_free(calendar *cal);

#endif
