/* record.h: what happens during a meeting, written as it happens.
**
** Notes (with their topics, and the facts and follow-ups they give rise
** to), touchpoints between meetings, and who is talking.  Every function
** commits before it returns: when it says RP_OK, the change is on disk.
*/
#ifndef RAPPORT_RECORD_H
#define RAPPORT_RECORD_H

#include <stdint.h>

#include "rapport/clock.h"
#include "rapport/error.h"
#include "rapport/note.h"
#include "rapport/store.h"

#define TOUCH_TEXT_MAX 2000  /* characters of a touchpoint */

enum note_phase { NOTE_PHASE_LIVE, NOTE_PHASE_PREP };

/* Save a parsed note in meeting_id, attached to agenda item item_id (0 for
** none), stamped now.  A personal note also becomes a fact on the client's
** profile, an action a follow-up (owner and due from the note).  One
** transaction.  Sets *note_id when not NULL. */
enum rp_status record_note(store *st, const rp_clock *clock, int64_t meeting_id,
			   int64_t item_id, enum note_phase phase, const parsed_note *note,
			   int64_t *note_id, rp_error *err);

/* Replace note note_id by a new parse of it, keeping its time and agenda
** item: its kind, text and topics change, and the fact or follow-up it gave
** rise to is made again to match.  One transaction. */
enum rp_status record_note_replace(store *st, const rp_clock *clock, int64_t note_id,
				   const parsed_note *note, rp_error *err);

/* Delete note note_id, with the fact or follow-up it gave rise to. */
enum rp_status record_note_delete(store *st, int64_t note_id, rp_error *err);

enum prompt_action { PROMPT_USED, PROMPT_DISMISSED };

/* Log that the prompt with key (and text) was used (asked, on agenda item
** item_id, 0 for none) or dismissed in meeting_id, now. */
enum rp_status record_prompt(store *st, const rp_clock *clock, int64_t meeting_id,
			     int64_t item_id, const char *key, const char *text,
			     enum prompt_action action, rp_error *err);

/* Log that the opener with key (and text) was used with client_id, in
** meeting_id (0 when not in a meeting), now. */
enum rp_status record_opener(store *st, const rp_clock *clock, int64_t client_id,
			     const char *key, const char *text, int64_t meeting_id, rp_error *err);

enum followup_status { FOLLOWUP_OPEN, FOLLOWUP_DONE, FOLLOWUP_DROPPED };

/* Mark follow-up id open, done or dropped, now. */
enum rp_status record_followup_status(store *st, const rp_clock *clock, int64_t id,
				      enum followup_status status, rp_error *err);

/* Add a prep note (kept apart from live notes) to meeting_id. */
enum rp_status record_prep_note(store *st, const rp_clock *clock, int64_t meeting_id,
				const char *text, int64_t *id, rp_error *err);

/* What a touchpoint was; as stored in touchpoints.kind. */
enum touch_kind { TOUCH_EMAIL, TOUCH_CALL, TOUCH_MESSAGE, TOUCH_OTHER };

/* "email", "call", "message", "other"; NULL for a kind that is none. */
const char *touch_kind_name(enum touch_kind kind);

/* The kind a word names, case and accents aside, in English or French:
** email (mail, e-mail, courriel), call (phone, appel, téléphone), message
** (msg, sms, text, texto), other (autre).  -1 when it names none. */
int touch_kind_from_name(const char *word);

/* The kind text opens with, as "call: asked about the budget" or "appel :
** le devis" (a kind word of touch_kind_from_name() and a colon): sets *kind and returns the text
** after the colon and its blanks.  Text that opens with no kind word is
** returned whole and *kind left alone, so "Re: the budget" stays as it is. */
const char *touch_kind_lead(const char *text, enum touch_kind *kind);

/* Log a touchpoint of that kind with client_id, now. */
enum rp_status record_touch(store *st, const rp_clock *clock, int64_t client_id,
			    enum touch_kind kind, const char *text, int64_t *id, rp_error *err);

/* A touchpoint as a removal found it, to say what went. */
typedef struct touch_gone {
	int64_t id;
	int64_t at;              /* UTC */
	enum touch_kind kind;
	char *text;              /* malloc'd: the caller frees it */
} touch_gone;

/* Remove touchpoint id, logged by mistake: the cadence counts from the
** contact before it again.  RP_ENOTFOUND ("no touchpoint ID") when there
** is none; nothing changes then. */
enum rp_status record_touch_delete(store *st, int64_t id, rp_error *err);

/* Remove client_id's latest touchpoint (the newest by time, then the last
** logged), and say in *gone (when not NULL; free gone->text) what it was.
** RP_ENOTFOUND when the client has none. */
enum rp_status record_touch_undo(store *st, int64_t client_id, touch_gone *gone,
				 rp_error *err);

/* Correct touchpoint id: its kind and text, checked as record_touch()
** checks them; its time stays.  RP_ENOTFOUND when there is none. */
enum rp_status record_touch_edit(store *st, int64_t id, enum touch_kind kind, const char *text,
				 rp_error *err);

enum talk_speaker { TALK_YOU, TALK_CLIENT };

/* From now on, speaker is talking in meeting_id: the running segment (if
** any) ends and a new one starts. */
enum rp_status record_talk(store *st, const rp_clock *clock, int64_t meeting_id,
			   enum talk_speaker speaker, rp_error *err);

/* Seconds each side has talked in meeting_id, counting a running segment
** up to now. */
enum rp_status record_talk_totals(store *st, const rp_clock *clock, int64_t meeting_id,
				  int64_t *you, int64_t *them, rp_error *err);

/* Take back the latest use or dismissal of the prompt with key in
** meeting_id (the live screen's undo), so the prompt comes back.
** RP_ENOTFOUND when none was logged. */
enum rp_status record_prompt_undo(store *st, int64_t meeting_id, const char *key,
				  rp_error *err);

#endif
