/* invite_apply.c: an invitation applied to a client's meetings.  See
** invite.h.
**
** A meeting keeps the invitation's UID, SEQUENCE and occurrence
** (meetings.ical_uid, ical_sequence, ical_recurrence), so the same file
** imported again finds it through the index meetings_ical: each lookup
** reads the meetings of that one UID (one, or one per occurrence held of a
** series), whatever the history's size.  The work is done through the
** functions that plan, move, retitle, edit and cancel, each of which begins
** its own transaction; inside the one begun here those are savepoints
** (store_begin), so the whole import commits or rolls back as one.
*/
#include "rapport/invite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "rapport/person.h"
#include "rapport/text.h"
#include "rapport/i18n.h"

#define UID_MEETINGS_MAX 100  /* planned meetings of one UID cancelled at once */

static const char *const role_names[] = {
	[INVITE_ORGANIZER] = "organizer",
	[INVITE_ATTENDEE] = "attendee",
	[INVITE_OPTIONAL] = "optional",
	[INVITE_RESOURCE] = "resource",
};

const char *
invite_role_name(enum invite_role role)
{
	return role <= INVITE_RESOURCE ? role_names[role] : "attendee";
}

bool
invite_is_cancel(const invite *inv)
{
	return inv->method_cancel || inv->status_cancelled;
}

/* ---- Who is the client's ------------------------------------------------ */

/* Mail domains anyone can have an address at: sharing one with the user
** makes nobody a colleague. */
static const char *const public_domains[] = {
	"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "hotmail.fr", "live.com",
	"msn.com", "yahoo.com", "yahoo.fr", "icloud.com", "me.com", "proton.me",
	"protonmail.com", "gmx.de", "gmx.net", "web.de", "free.fr", "orange.fr", "laposte.net",
};

static const char *
domain_of(const char *email)
{
	const char *at = strrchr(email, '@');

	return at != NULL && at[1] != '\0' ? at + 1 : NULL;
}

static bool
is_public_domain(const char *domain)
{
	for (size_t i = 0; i < sizeof public_domains / sizeof public_domains[0]; i++)
		if (strcasecmp(domain, public_domains[i]) == 0)
			return true;
	return false;
}

/* Is email the user's own, or a colleague's (at the user's own domain)? */
static bool
is_ours(const char *email, const char *const *mine)
{
	const char *d = domain_of(email), *md;

	for (size_t i = 0; email[0] != '\0' && mine != NULL && mine[i] != NULL; i++) {
		if (strcasecmp(email, mine[i]) == 0)
			return true;
		md = domain_of(mine[i]);
		if (d != NULL && md != NULL && strcasecmp(d, md) == 0 && !is_public_domain(d))
			return true;
	}
	return false;
}

/* The client's person that attendee a is (same address, or same name case
** and accents aside), in *pid; 0 when none. */
static enum rp_status
known_person(store *st, int64_t client_id, const invite_attendee *a, int64_t *pid,
	     rp_error *err)
{
	person *people = NULL;
	size_t n = 0;
	char *want = NULL, *got;
	enum rp_status s;

	*pid = 0;
	if ((s = person_list(st, client_id, &people, &n, err)) != RP_OK)
		return s;
	if (a->name[0] != '\0' && (want = text_fold(a->name)) == NULL) {
		free(people);
		return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	}
	for (size_t i = 0; i < n && *pid == 0; i++) {
		if (a->email[0] != '\0' && strcasecmp(people[i].email, a->email) == 0) {
			*pid = people[i].id;
			break;
		}
		if (want == NULL)
			continue;
		if ((got = text_fold(people[i].name)) == NULL) {
			s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
			break;
		}
		if (strcmp(got, want) == 0)
			*pid = people[i].id;
		free(got);
	}
	free(want);
	free(people);
	return s;
}

/* Add name to the list of people added, "A, B", cut with "…" to fit. */
static void
name_added(invite_result *out, const char *name)
{
	size_t len = strlen(out->people), need = strlen(name) + (len ? 2 : 0);

	out->people_added++;
	if (len + need + 1 <= sizeof out->people - 4) {
		snprintf(out->people + len, sizeof out->people - len, "%s%s", len ? ", " : "", name);
	} else if (len >= 3 && strcmp(out->people + len - 3, "\xE2\x80\xA6") != 0 &&
		   len + 6 < sizeof out->people) {
		snprintf(out->people + len, sizeof out->people - len, ", \xE2\x80\xA6");
	}
}

/* Make attendee a one of the client's people, unless it is a room, the
** user, a colleague, or someone the client has already: *pid is the
** person it is (0: none). */
static enum rp_status
person_of(store *st, const rp_clock *clock, const invite_apply_args *args,
	  const invite_attendee *a, int64_t *pid, invite_result *out, rp_error *err)
{
	person_fields f = { .name = a->name[0] ? a->name : a->email };
	enum rp_status s;

	if (a->role == INVITE_RESOURCE || is_ours(a->email, args->mine))
		return *pid = 0, RP_OK;
	if ((s = known_person(st, args->client_id, a, pid, err)) != RP_OK || *pid != 0)
		return s;
	if (a->email[0] != '\0' && person_check_email(a->email, NULL) == RP_OK)
		f.email = a->email;
	s = person_add(st, clock, args->client_id, &f, pid, err);
	if (s == RP_EINVAL || s == RP_EEXIST) {
		/* A name rapport does not take as a person's (too long, no
		** letter): the attendee is kept, unlinked. */
		rp_error_clear(err);
		*pid = 0;
		return RP_OK;
	}
	if (s == RP_OK)
		name_added(out, f.name);
	return s;
}

/* Keep inv's attendees with meeting (replacing those it had), each linked
** to the client's person it is. */
static enum rp_status
keep_attendees(store *st, const rp_clock *clock, const invite_apply_args *args,
	       int64_t meeting, invite_result *out, rp_error *err)
{
	const invite *inv = args->inv;
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int64_t pid;

	s = db_exec_ints(st, "DELETE FROM attendees WHERE meeting_id = ?1", meeting, 0,
			 N_("keeping the attendees"), err);
	if (s == RP_OK)
		s = db_prepare(st,
			       "INSERT INTO attendees (meeting_id, name, email, role, person_id)"
			       " VALUES (?1, ?2, ?3, ?4, ?5)",
			       &stmt, N_("keeping the attendees"), err);
	for (size_t i = 0; s == RP_OK && i < inv->nattendees; i++) {
		const invite_attendee *a = &inv->attendees[i];

		if ((s = person_of(st, clock, args, a, &pid, out, err)) != RP_OK)
			break;
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, meeting);
		db_bind_text_or_null(stmt, 2, a->name);
		db_bind_text_or_null(stmt, 3, a->email);
		sqlite3_bind_text(stmt, 4, invite_role_name(a->role), -1, SQLITE_STATIC);
		db_bind_int64_or_null(stmt, 5, pid);
		s = db_step_done(st, stmt, N_("keeping the attendees"), err);
	}
	sqlite3_finalize(stmt);
	return s;
}

/* ---- Finding the invitation's meeting ----------------------------------- */

/* Set meeting's UID, SEQUENCE and occurrence to inv's. */
static enum rp_status
keep_identity(store *st, int64_t meeting, const invite *inv, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "UPDATE meetings SET ical_uid = ?2, ical_sequence = ?3, ical_recurrence = ?4"
		       " WHERE id = ?1",
		       &stmt, N_("keeping the invitation"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting);
	sqlite3_bind_text(stmt, 2, inv->uid, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, inv->sequence);
	db_bind_text_or_null(stmt, 4, inv->recurrence);
	s = db_step_done(st, stmt, N_("keeping the invitation"), err);
	sqlite3_finalize(stmt);
	return s;
}

/* Refuse a UID that is another client's meeting, naming it. */
static enum rp_status
check_other_client(store *st, const invite_apply_args *args, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	s = db_prepare(st,
		       "SELECT m.id, c.name FROM meetings m JOIN clients c ON c.id = m.client_id"
		       " WHERE m.ical_uid = ?1 AND m.client_id <> ?2 ORDER BY m.id LIMIT 1",
		       &stmt, N_("finding the invitation's meeting"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_text(stmt, 1, args->inv->uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, args->client_id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		char *name = text_sanitize(db_col_text(stmt, 1), " ");

		s = rp_fail(err, RP_EEXIST,
			    _("this invitation is meeting %lld, with %.200s: import it for that client"),
			    (long long)db_col_id(stmt, 0), name ? name : _("another client"));
		free(name);
	} else if (rc != SQLITE_DONE) {
		s = store_fail(st, err, N_("finding the invitation's meeting"));
	}
	sqlite3_finalize(stmt);
	return s;
}

/* The client's meetings of inv's UID, planned (planned) or not, and of
** occurrence (NULL: any): up to max ids into ids, their count in *n, the
** first's SEQUENCE and state in *sequence and *state (may be NULL). */
static enum rp_status
meetings_of(store *st, const invite_apply_args *args, bool planned, const char *occurrence,
	    int64_t *ids, size_t max, size_t *n, int *sequence, enum meeting_state *state,
	    rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;
	int rc;

	*n = 0;
	s = db_prepare(st,
		       "SELECT id, ical_sequence, state FROM meetings WHERE ical_uid = ?1"
		       " AND client_id = ?2 AND (state = 'planned') = ?3"
		       " AND (?4 IS NULL OR coalesce(ical_recurrence, '') = ?4)"
		       " ORDER BY coalesce(planned_at, created_at), id",
		       &stmt, N_("finding the invitation's meeting"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_text(stmt, 1, args->inv->uid, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, args->client_id);
	sqlite3_bind_int(stmt, 3, planned);
	if (occurrence != NULL)
		sqlite3_bind_text(stmt, 4, occurrence, -1, SQLITE_STATIC);
	while (*n < max && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == 0 && sequence != NULL)
			*sequence = (int)db_col_int(stmt, 1, 0, INT32_MAX, 0);
		if (*n == 0 && state != NULL)
			*state = meeting_state_from(db_col_text(stmt, 2));
		ids[(*n)++] = db_col_id(stmt, 0);
	}
	if (*n < max && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("finding the invitation's meeting"));
	sqlite3_finalize(stmt);
	return s;
}

/* ---- Planning, updating, cancelling ------------------------------------- */

/* Mark meeting's items that are inv's agenda lines (not carried in) as
** the invitation's. */
static enum rp_status
mark_from_invite(store *st, int64_t meeting, const invite *inv, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "UPDATE agenda_items SET from_invite = 1 WHERE meeting_id = ?1"
		       " AND carried_from IS NULL AND title = trim(?2)",
		       &stmt, N_("keeping the invitation's agenda"), err);
	for (size_t i = 0; s == RP_OK && i < inv->nitems; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, meeting);
		sqlite3_bind_text(stmt, 2, inv->items[i].title, -1, SQLITE_STATIC);
		s = db_step_done(st, stmt, N_("keeping the invitation's agenda"), err);
	}
	sqlite3_finalize(stmt);
	return s;
}

/* Record meeting, an invitation wholly past (--past), as held at its
** time: it happened, so it counts as a contact and is history, not the
** next meeting.  It lasted the invitation's length (none: it ends as it
** starts).  Its agenda stays pending as it was planned. */
static enum rp_status
log_held(store *st, int64_t meeting, int minutes, rp_error *err)
{
	return db_exec_ints(st,
			    "UPDATE meetings SET state = 'ended', started_at = planned_at,"
			    " ended_at = planned_at + 60 * ?2 WHERE id = ?1",
			    meeting, minutes, N_("logging the meeting"), err);
}

static enum rp_status
plan_new(store *st, const rp_clock *clock, const invite_apply_args *args, invite_result *out,
	 rp_error *err)
{
	meeting_plan_args plan = *args->plan;
	enum rp_status s;

	/* A meeting logged after the fact takes nothing left over from the
	** last one: that waits for the next meeting to come. */
	if (args->inv->past)
		plan.carry_none = true;
	if ((s = meeting_plan(st, clock, &plan, &out->meeting, err)) != RP_OK)
		return s;
	out->outcome = INVITE_PLANNED;
	out->planned_at = args->plan->planned_at;
	if (args->inv->past && plan.planned_at != 0) {
		if ((s = log_held(st, out->meeting, args->inv->minutes, err)) != RP_OK)
			return s;
		out->logged = true;
	}
	if (args->inv->uid[0] != '\0' &&
	    (s = keep_identity(st, out->meeting, args->inv, err)) != RP_OK)
		return s;
	if ((s = mark_from_invite(st, out->meeting, args->inv, err)) != RP_OK)
		return s;
	return keep_attendees(st, clock, args, out->meeting, out, err);
}

/* Is title one of inv's agenda lines? */
static bool
in_invite(const invite *inv, const char *title)
{
	for (size_t i = 0; i < inv->nitems; i++)
		if (strcmp(inv->items[i].title, title) == 0)
			return true;
	return false;
}

/* Was title an agenda item of the invitation's earlier description, as
** it was read then (before, NULL when there was none)?  Then a line the
** user edited or removed by hand is not taken for a new one. */
static bool
in_earlier(const invite *before, const char *title)
{
	return before != NULL && in_invite(before, title);
}

/* Bring meeting's invitation lines to inv's: those still pending and
** unedited that inv no longer has go, inv's new ones (not in the earlier
** description) are added at the end.  Items made or edited by hand, or
** taken up already, stay. */
static enum rp_status
sync_items(store *st, int64_t meeting, const invite *inv, const char *earlier,
	   invite_result *out, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	invite *before = NULL;
	int64_t gone[AGENDA_ITEMS_MAX], item, have;
	size_t ngone = 0;
	enum rp_status s;
	int rc;

	if (earlier != NULL && earlier[0] != '\0') {
		if ((before = calloc(1, sizeof *before)) == NULL)
			return rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
		if ((s = invite_description_items(earlier, before, err)) != RP_OK) {
			free(before);
			return s;
		}
	}

	s = db_prepare(st,
		       "SELECT id, title FROM agenda_items WHERE meeting_id = ?1"
		       " AND from_invite = 1 AND status = 'pending' ORDER BY position",
		       &stmt, N_("updating the agenda"), err);
	if (s != RP_OK) {
		free(before);
		return s;
	}
	sqlite3_bind_int64(stmt, 1, meeting);
	while (ngone < AGENDA_ITEMS_MAX && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if (!in_invite(inv, db_col_text(stmt, 1)))
			gone[ngone++] = db_col_id(stmt, 0);
	if (ngone < AGENDA_ITEMS_MAX && rc != SQLITE_DONE)
		s = store_fail(st, err, N_("updating the agenda"));
	sqlite3_finalize(stmt);
	stmt = NULL;
	for (size_t i = 0; s == RP_OK && i < ngone; i++)
		if ((s = agenda_remove_item(st, gone[i], err)) == RP_OK)
			out->items_removed++;
	if (s == RP_OK)
		s = db_prepare(st, "SELECT count(*) FROM agenda_items WHERE meeting_id = ?1"
			       " AND title = trim(?2)", &stmt, N_("updating the agenda"), err);
	for (size_t i = 0; s == RP_OK && i < inv->nitems; i++) {
		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, meeting);
		sqlite3_bind_text(stmt, 2, inv->items[i].title, -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_ROW) {
			s = store_fail(st, err, N_("updating the agenda"));
			break;
		}
		have = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (have > 0)
			continue;
		if (in_earlier(before, inv->items[i].title))
			continue;
		if ((s = agenda_add_item(st, meeting, &inv->items[i], &item, err)) != RP_OK)
			break;
		s = db_exec_ints(st, "UPDATE agenda_items SET from_invite = 1 WHERE id = ?1", item, 0,
				 N_("updating the agenda"), err);
		out->items_added++;
	}
	sqlite3_finalize(stmt);
	free(before);
	return s;
}

/* What the planned meeting is now, before an update. */
typedef struct planned_now {
	int64_t planned_at;
	int minutes;
	char title[MEETING_TITLE_MAX * 4 + 1];
	char location[1024];
	char *description;  /* malloc'd, NULL when none */
} planned_now;

static enum rp_status
read_planned(store *st, int64_t meeting, planned_now *p, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st,
		       "SELECT planned_at, planned_minutes, title, location, description FROM meetings"
		       " WHERE id = ?1",
		       &stmt, N_("reading the meeting"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		p->planned_at = db_col_time(stmt, 0);
		p->minutes = (int)db_col_int(stmt, 1, 0, MEETING_MINUTES_MAX, 0);
		db_col_copy(stmt, 2, p->title, sizeof p->title);
		db_col_copy(stmt, 3, p->location, sizeof p->location);
		if (sqlite3_column_type(stmt, 4) != SQLITE_NULL &&
		    (p->description = db_col_strdup(stmt, 4)) == NULL)
			s = rp_fail(err, RP_ENOMEM, "%s", _("out of memory"));
	} else {
		s = store_fail(st, err, N_("reading the meeting"));
	}
	sqlite3_finalize(stmt);
	return s;
}

/* Set meeting's location and description to inv's. */
static enum rp_status
set_texts(store *st, int64_t meeting, const invite *inv, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	s = db_prepare(st, "UPDATE meetings SET location = ?2, description = ?3 WHERE id = ?1",
		       &stmt, N_("updating the meeting"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting);
	db_bind_text_or_null(stmt, 2, inv->location);
	db_bind_text_or_null(stmt, 3, inv->description);
	s = db_step_done(st, stmt, N_("updating the meeting"), err);
	sqlite3_finalize(stmt);
	return s;
}

static enum rp_status update_to(store *st, const rp_clock *clock, const invite_apply_args *args,
			       int64_t meeting, const planned_now *was, invite_result *out,
			       rp_error *err);

/* Bring planned meeting to inv, a later SEQUENCE of its invitation. */
static enum rp_status
update(store *st, const rp_clock *clock, const invite_apply_args *args, int64_t meeting,
       invite_result *out, rp_error *err)
{
	planned_now now = {0};
	enum rp_status s;

	out->outcome = INVITE_UPDATED;
	out->meeting = meeting;
	if ((s = read_planned(st, meeting, &now, err)) == RP_OK)
		s = update_to(st, clock, args, meeting, &now, out, err);
	free(now.description);
	return s;
}

/* update's work, from what the meeting is was-> */
static enum rp_status
update_to(store *st, const rp_clock *clock, const invite_apply_args *args, int64_t meeting,
	  const planned_now *was, invite_result *out, rp_error *err)
{
	const invite *inv = args->inv;
	enum rp_status s;

	out->planned_at = was->planned_at;
	if (inv->starts_at != 0 && inv->starts_at != was->planned_at) {
		if ((s = meeting_reschedule(st, meeting, inv->starts_at, err)) != RP_OK)
			return s;
		out->moved = true;
		out->moved_from = was->planned_at;
		out->planned_at = inv->starts_at;
	}
	if (inv->title[0] != '\0' && strcmp(inv->title, was->title) != 0) {
		if ((s = meeting_retitle(st, meeting, inv->title, err)) != RP_OK)
			return s;
		out->retitled = true;
		snprintf(out->old_title, sizeof out->old_title, "%s", was->title);
	}
	out->relocated = strcmp(inv->location, was->location) != 0;
	if ((s = set_texts(st, meeting, inv, err)) != RP_OK ||
	    (s = sync_items(st, meeting, inv, was->description, out, err)) != RP_OK)
		return s;
	/* After the items: adding and removing them recomputes a length that
	** follows the timeboxes. */
	if (inv->minutes > 0 && inv->minutes != was->minutes) {
		if ((s = db_exec_ints(st, "UPDATE meetings SET planned_minutes = ?2 WHERE id = ?1",
				      meeting, inv->minutes, N_("updating the meeting"), err)) != RP_OK)
			return s;
		out->resized = true;
	}
	if ((s = keep_identity(st, meeting, inv, err)) != RP_OK)
		return s;
	return keep_attendees(st, clock, args, meeting, out, err);
}

/* Cancel the client's planned meetings of inv's UID (of its occurrence,
** when the file names one). */
static enum rp_status
cancel(store *st, const rp_clock *clock, const invite_apply_args *args, invite_result *out,
       rp_error *err)
{
	const invite *inv = args->inv;
	const char *occurrence = inv->one_occurrence ? inv->recurrence : NULL;
	int64_t ids[UID_MEETINGS_MAX], carried;
	enum meeting_state state = MEETING_PLANNED;
	int sequence = 0;
	size_t n = 0;
	enum rp_status s;

	if ((s = meetings_of(st, args, true, occurrence, ids, UID_MEETINGS_MAX, &n, &sequence,
			     NULL, err)) != RP_OK)
		return s;
	/* A cancellation older than the meeting's invitation (the organizer
	** has sent a newer one since) changes nothing (RFC 5546). */
	if (n > 0 && inv->sequence < sequence) {
		out->outcome = INVITE_UNCHANGED;
		out->meeting = ids[0];
		out->sequence = sequence;
		return RP_OK;
	}
	if (n == 0) {
		if ((s = meetings_of(st, args, false, occurrence, ids, 1, &n, NULL, &state, err)) !=
		    RP_OK)
			return s;
		if (n > 0 && state == MEETING_CANCELLED)
			return rp_fail(err, RP_ENOTFOUND,
				       _("meeting %lld of this invitation is cancelled already"),
				       (long long)ids[0]);
		if (n > 0)
			return rp_fail(err, RP_ENOTFOUND,
				       state == MEETING_LIVE
					       ? _("meeting %lld of this invitation is not planned any"
						   " more (it has started): nothing to cancel")
					       : _("meeting %lld of this invitation is not planned any"
						   " more (it took place): nothing to cancel"),
				       (long long)ids[0]);
		return rp_fail(err, RP_ENOTFOUND,
			       "%s", _("no planned meeting comes from this invitation: nothing to cancel"));
	}
	out->outcome = INVITE_CANCELLED;
	out->meeting = ids[0];
	for (size_t i = 0; i < n; i++) {
		if ((s = meeting_cancel(st, clock, ids[i], &carried, err)) != RP_OK)
			return s;
		out->cancelled++;
		out->carried_into = carried;
	}
	return keep_identity(st, ids[0], inv, err);
}

/* Does planned meeting stand for an occurrence of inv's series that is
** over, now that the invitation's next occurrence is a later one?  It is
** over by the invitation's rule (its occurrence comes before the one inv
** chose, the first not ended) and by its own time (a meeting moved by hand
** to a day still to come stays where it was put).  *was is its time. */
static enum rp_status
stands_for_past(store *st, const rp_clock *clock, int64_t meeting, const invite *inv, bool *over,
		int64_t *was, rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	const char *occurrence;
	enum rp_status s;
	int64_t ends_at;

	*over = false;
	*was = 0;
	if (inv->one_occurrence || inv->recurrence[0] == '\0')
		return RP_OK;
	s = db_prepare(st,
		       "SELECT ical_recurrence, planned_at, coalesce(planned_minutes, 0) FROM meetings"
		       " WHERE id = ?1 AND planned_at IS NOT NULL AND ical_recurrence IS NOT NULL",
		       &stmt, N_("finding the invitation's meeting"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		occurrence = db_col_text(stmt, 0);
		*was = db_col_time(stmt, 1);
		ends_at = *was + 60 * db_col_int(stmt, 2, 0, MEETING_MINUTES_MAX, 0);
		/* "20261203T090000Z": in UTC, so they sort as times do. */
		*over = strcmp(occurrence, inv->recurrence) < 0 && ends_at <= rp_clock_now(clock);
	}
	sqlite3_finalize(stmt);
	return RP_OK;
}

/* Move planned meeting, which stood for an occurrence over, to inv's (the
** series' next): its time and occurrence; its agenda, title and SEQUENCE
** stay. */
static enum rp_status
advance(store *st, int64_t meeting, int64_t was, const invite *inv, invite_result *out,
	rp_error *err)
{
	sqlite3_stmt *stmt = NULL;
	enum rp_status s;

	if ((s = meeting_reschedule(st, meeting, inv->starts_at, err)) != RP_OK)
		return s;
	s = db_prepare(st, "UPDATE meetings SET ical_recurrence = ?2 WHERE id = ?1", &stmt,
		       N_("keeping the invitation"), err);
	if (s != RP_OK)
		return s;
	sqlite3_bind_int64(stmt, 1, meeting);
	sqlite3_bind_text(stmt, 2, inv->recurrence, -1, SQLITE_STATIC);
	s = db_step_done(st, stmt, N_("keeping the invitation"), err);
	sqlite3_finalize(stmt);
	out->outcome = INVITE_ADVANCED;
	out->meeting = meeting;
	out->moved = true;
	out->moved_from = was;
	out->planned_at = inv->starts_at;
	return s;
}

/* The work of invite_apply, inside its transaction. */
static enum rp_status
apply_in(store *st, const rp_clock *clock, const invite_apply_args *args, invite_result *out,
	 rp_error *err)
{
	const invite *inv = args->inv;
	int64_t id;
	size_t n;
	int sequence = 0;
	enum rp_status s;

	if (inv->uid[0] == '\0') {
		if (invite_is_cancel(inv))
			return rp_fail(err, RP_EINVAL,
				       "%s", _("this cancellation has no UID: it names no meeting to cancel"));
		return plan_new(st, clock, args, out, err);
	}
	if ((s = check_other_client(st, args, err)) != RP_OK)
		return s;
	if (invite_is_cancel(inv)) {
		if (args->hand_changes)
			return rp_fail(err, RP_EINVAL,
				       "%s", _("this invitation is a cancellation: it takes no --at, --title,"
				       " --minutes or --item"));
		return cancel(st, clock, args, out, err);
	}
	/* A file about one occurrence updates that occurrence's meeting. */
	if ((s = meetings_of(st, args, true, inv->one_occurrence ? inv->recurrence : NULL, &id, 1,
			     &n, &sequence, NULL, err)) != RP_OK)
		return s;
	if (n > 0) {
		bool over;
		int64_t was;

		if (args->hand_changes)
			return rp_fail(err, RP_EINVAL,
				       _("this invitation is meeting %lld already: --at, --title,"
				       " --minutes and --item plan a new one (change it with"
				       " plan --next)"),
				       (long long)id);
		if (inv->sequence > sequence)
			return update(st, clock, args, id, out, err);
		/* An occurrence missed: the meeting goes to the next one,
		** whatever the SEQUENCE. */
		if ((s = stands_for_past(st, clock, id, inv, &over, &was, err)) != RP_OK)
			return s;
		if (over)
			return advance(st, id, was, inv, out, err);
		out->outcome = INVITE_UNCHANGED;
		out->meeting = id;
		out->sequence = sequence;
		/* Its time, for the caller to point out a file that says
		** another one at the same SEQUENCE. */
		s = db_query_int(st, "SELECT planned_at FROM meetings WHERE id = ?1", id, 0,
				 &out->planned_at, N_("finding the invitation's meeting"), err);
		if (s == RP_ENOTFOUND) {
			out->planned_at = 0;
			rp_error_clear(err);
			s = RP_OK;
		}
		return s;
	}
	/* Nothing planned: this occurrence took place (or was cancelled), or
	** it is new (a first import, a series' next occurrence). */
	if ((s = meetings_of(st, args, false, inv->recurrence, &id, 1, &n, &sequence, &out->state,
			     err)) != RP_OK)
		return s;
	/* Cancelled, then sent again at a higher SEQUENCE: the organizer
	** reinstated it, so it is planned again. */
	if (n > 0 && out->state == MEETING_CANCELLED && inv->sequence > sequence) {
		out->state = MEETING_PLANNED;
		return plan_new(st, clock, args, out, err);
	}
	if (n > 0) {
		out->outcome = INVITE_HELD;
		out->meeting = id;
		return RP_OK;
	}
	return plan_new(st, clock, args, out, err);
}

enum rp_status
invite_apply(store *st, const rp_clock *clock, const invite_apply_args *args, invite_result *out,
	     rp_error *err)
{
	enum rp_status s;

	memset(out, 0, sizeof *out);
	if ((s = store_begin(st, err)) != RP_OK)
		return s;
	if ((s = apply_in(st, clock, args, out, err)) != RP_OK) {
		store_rollback(st);
		memset(out, 0, sizeof *out);
		return s;
	}
	return store_commit(st, err);
}
