/* live_save.c: a note typed is never lost, and never merged with the next.
**
** A save can fail: another program holds the database past the live
** screen's short busy timeout, the disk is full, the file went read-only.
** The note then stays whole on the line, and Enter tries it again.  Typing
** a new note moves it into a queue (live.h's pending_note), in the order
** typed, with the agenda item and the time it was entered; the tick saves
** the queue in the background, oldest first, and says when it has landed.
** Whatever is still queued when rapport leaves goes to the recovery file
** (recovery.h), never silently away.
*/
#include "live.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/i18n.h"
#include "rapport/meeting.h"
#include "rapport/record.h"

/* A clock stopped at the moment a note was entered: a note saved late
** keeps the time it was typed, so the Notes pane and the recap read in
** the order of the meeting. */
static int64_t
stopped_now(void *ctx)
{
	return *(const int64_t *)ctx;
}

/* Keep why a save failed, in words for the status bar and the exit
** lines. */
static void
keep_failure(live *lv, const rp_error *err)
{
	lv->save_status = err->status;
	snprintf(lv->save_error, sizeof lv->save_error, "%s", live_why(err));
}

/* One note, in this meeting, at its own time, its id into *id (NULL when
** not wanted).  The meeting is asked first: ended in another window, it
** takes no more notes. */
static enum rp_status
save_one(live *lv, const parsed_note *note, int64_t item, int64_t at, int64_t *id)
{
	rp_clock when = {.now = stopped_now, .ctx = &at};
	rp_error err = {0};
	enum rp_status s;

	s = meeting_check_live(lv->st, lv->meeting_id, &err);
	if (s == RP_EINVAL)
		snprintf(err.msg, sizeof err.msg, "%s", _("the meeting had ended"));
	if (s == RP_OK)
		s = record_note(lv->st, &when, lv->meeting_id, item, NOTE_PHASE_LIVE, note, id, &err);
	if (s != RP_OK)
		keep_failure(lv, &err);
	return s;
}

/* Save the queue, oldest first, up to the first failure.  Returns how many
** landed; *s gets RP_OK when the queue is empty after. */
static size_t
flush_queue(live *lv, enum rp_status *s)
{
	size_t done = 0;

	*s = RP_OK;
	while (done < lv->nqueue) {
		const pending_note *p = &lv->queue[done];

		if ((*s = save_one(lv, &p->note, p->item_id, p->at, NULL)) != RP_OK)
			break;
		done++;
	}
	if (done > 0) {
		memmove(lv->queue, lv->queue + done, (lv->nqueue - done) * sizeof *lv->queue);
		lv->nqueue -= done;
	}
	return done;
}

enum rp_status
live_save_after_queue(live *lv, const parsed_note *note, int64_t item, int64_t at)
{
	bool alone = lv->nqueue == 0;
	int64_t id = 0;
	enum rp_status s;

	flush_queue(lv, &s);
	if (s == RP_OK)
		s = save_one(lv, note, item, at, &id);
	if (s != RP_OK)
		return s;
	/* The screen takes the note as it was saved, and the prompts follow
	** (bounded by the pool, not by the notes): no reload of the whole
	** meeting.  Notes saved from the queue too, or no memory: reload. */
	if (alone && session_add_note(lv->s, id, at, item, note))
		recompute_prompts(lv);
	else
		live_reload(lv);
	return RP_OK;
}

bool
live_queue_line(live *lv)
{
	pending_note *q;
	rp_error err = {0};
	char *text;

	if (!lv->line_failed)
		return true;
	if ((text = input_text(&lv->input)) == NULL)
		goto nomem;
	q = realloc(lv->queue, (lv->nqueue + 1) * sizeof *q);
	if (q == NULL) {
		free(text);
		goto nomem;
	}
	lv->queue = q;
	q += lv->nqueue;
	/* The line parsed when it was entered, and no key changed it since. */
	if (note_parse_line(text, live_today(lv), &q->note, &err) != RP_OK) {
		free(text);
		live_say(lv, true, _("not saved: %s"), err.msg);
		lv->line_failed = false;
		return false;
	}
	free(text);
	q->item_id = lv->line_item;
	q->at = lv->line_at;
	lv->nqueue++;
	lv->line_failed = false;
	input_clear(&lv->input);
	return true;
nomem:
	live_say(lv, true, "%s", _("out of memory: the note stays on the line"));
	return false;
}

int
live_unsaved(const live *lv)
{
	return (int)lv->nqueue + (lv->line_failed ? 1 : 0) + (lv->edit_failed ? 1 : 0);
}

void
live_retry(live *lv)
{
	int before = live_unsaved(lv);
	enum rp_status s;
	char *text = NULL;
	parsed_note *note = NULL;
	rp_error err = {0};

	if (before == 0)
		return;
	/* In the background, on the tick: a lock still held costs the
	** keyboard nothing, the next tick tries again. */
	store_set_busy_timeout(lv->st, 0);
	flush_queue(lv, &s);
	/* The failed note on the line is the newest: it goes last, and the
	** line is cleared only once it is on disk. */
	if (s == RP_OK && lv->line_failed && (text = input_text(&lv->input)) != NULL &&
	    (note = malloc(sizeof *note)) != NULL &&
	    note_parse_line(text, live_today(lv), note, &err) == RP_OK &&
	    save_one(lv, note, lv->line_item, lv->line_at, NULL) == RP_OK) {
		lv->line_failed = false;
		input_clear(&lv->input);
	}
	free(note);
	free(text);
	store_set_busy_timeout(lv->st, LIVE_BUSY_TIMEOUT_MS);
	if (live_unsaved(lv) < before) {
		int n = before - live_unsaved(lv);

		live_reload(lv);
		if (live_unsaved(lv) == 0) {
			lv->saved = true;
			live_say(lv, false, P_("%d note saved", "%d notes saved", n), n);
			/* Nothing is left to ask about before quitting. */
			if (lv->dialog == DIALOG_CONFIRM_QUIT)
				lv->dialog = lv->quit_over;
		} else {
			/* TRANSLATORS: notes saved now, notes still waiting
			** (by the second number), then why. */
			live_say(lv, true,
				 P_("%d saved, %d not saved yet: %s", "%d saved, %d not saved yet: %s",
				    live_unsaved(lv)),
				 n, live_unsaved(lv), lv->save_error);
		}
	}
}

void
live_queue_free(live *lv)
{
	free(lv->queue);
	lv->queue = NULL;
	lv->nqueue = 0;
}
