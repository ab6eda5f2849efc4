/* client.h: the people a PM meets, and how often to check in with them. */
#ifndef RAPPORT_CLIENT_H
#define RAPPORT_CLIENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "rapport/cadence.h"
#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/lang.h"
#include "rapport/store.h"

#define CLIENT_NAME_MAX 200      /* characters of a name or organisation */
#define CLIENT_CADENCE_MIN 5     /* default minimum days between contacts */
#define CLIENT_CADENCE_MAX 14    /* default maximum */
#define CLIENT_CADENCE_LIMIT 365 /* no cadence is longer than a year */

typedef struct client {
	int64_t id;
	char name[CLIENT_NAME_MAX * 4 + 1];  /* UTF-8, as typed */
	char org[CLIENT_NAME_MAX * 4 + 1];   /* "" when none */
	int cadence_min;                     /* days */
	int cadence_max;                     /* days */
	int64_t created_at;
	int64_t archived_at;                 /* 0 when active */
	int64_t last_contact;                /* latest meeting started or
	                                        touchpoint; 0 when never */
	enum rp_lang lang;                   /* what is said and sent to them */
	bool lang_own;                       /* lang is theirs, not the
	                                        user's language by default */
} client;

/* Check a name or organisation as typed: valid UTF-8, no control
** characters, not blank, at most CLIENT_NAME_MAX characters.  what names
** the field in the message ("name").  Returns RP_OK or RP_EINVAL. */
enum rp_status client_check_name(const char *name, const char *what, rp_error *err);

/* Parse "MIN-MAX" days (e.g. "5-14").  Returns RP_OK or RP_EINVAL. */
enum rp_status client_parse_cadence(const char *text, int *min, int *max, rp_error *err);

/* Add a client.  org may be NULL.  A name that folds to an existing one
** (case and accents aside) is RP_EEXIST; when that one is archived, the
** message says so ("Acme is archived: restore it rather than add it
** again").  Sets *id when id is not NULL. */
enum rp_status client_add(store *st, const rp_clock *clock, const char *name, const char *org,
			  int cadence_min, int cadence_max, int64_t *id, rp_error *err);

/* The same, with what is said and sent to the client in lang (client_add
** takes the user's language, lang_user()). */
enum rp_status client_add_in(store *st, const rp_clock *clock, const char *name,
			     const char *org, int cadence_min, int cadence_max, enum rp_lang lang,
			     int64_t *id, rp_error *err);

/* Set the language of what is said and sent to client id. */
enum rp_status client_set_lang(store *st, int64_t id, enum rp_lang lang, rp_error *err);

/* Find the one active client whose folded name equals, or else starts with,
** the folded query.  No match is RP_ENOTFOUND, several are RP_EAMBIGUOUS; the
** message lists the candidates. */
enum rp_status client_find(store *st, const char *query, client *out, rp_error *err);

/* Is name (folded: case and accents aside) another client's than
** except_id's (0 for none)?  RP_OK when it is free; RP_EEXIST with *out
** filled and the message client_add would give ("a client named ... already
** exists", or "... is archived: restore it ...") when it is taken. */
enum rp_status client_name_taken(store *st, const char *name, int64_t except_id, client *out,
				 rp_error *err);

/* Load client id.  RP_ENOTFOUND when there is none. */
enum rp_status client_get(store *st, int64_t id, client *out, rp_error *err);

/* All active clients, by name.  *out is malloc'd (caller frees) and holds
** *n clients; NULL when there are none. */
enum rp_status client_list(store *st, client **out, size_t *n, rp_error *err);

/* A client and where it stands with the cadence today. */
typedef struct client_status {
	client c;
	cadence where;
} client_status;

/* All active clients, most pressing check-in first (cadence_compare), then
** by name, as they stand on `today` (a local date).  *out is malloc'd
** (caller frees) and holds *n entries; NULL when there are none. */
enum rp_status client_ranking(store *st, rp_date today, client_status **out, size_t *n,
			      rp_error *err);

/* Change a client's name, organisation (NULL or "" for none) and cadence.
** The same checks as client_add. */
enum rp_status client_update(store *st, int64_t id, const char *name, const char *org,
			     int cadence_min, int cadence_max, rp_error *err);

/* Archive a client, now: it leaves the lists, its history stays. */
enum rp_status client_archive(store *st, const rp_clock *clock, int64_t id, rp_error *err);

/* All archived clients, by name (archived_at says since when).  *out is
** malloc'd (caller frees) and holds *n clients; NULL when there are none. */
enum rp_status client_list_archived(store *st, client **out, size_t *n, rp_error *err);

/* Find an archived client as client_find() finds an active one.  No match
** is RP_ENOTFOUND, several RP_EAMBIGUOUS; the message lists the archived
** candidates. */
enum rp_status client_find_archived(store *st, const char *query, client *out, rp_error *err);

/* Bring an archived client back to the lists, with all its history.
** RP_ENOTFOUND when there is no such client, RP_EINVAL when it is not
** archived. */
enum rp_status client_restore(store *st, int64_t id, rp_error *err);

#endif
