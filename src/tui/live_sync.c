/* live_sync.c: the live screen follows what another window does to the
** same meeting (see live_sync.h). */
#include "live_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rapport/i18n.h"
#include "rapport/meeting.h"
#include "rapport/text.h"

/* Say that the meeting is over, as an error: it is not what the user
** expects while typing. */
static void
say_ended(live *lv, const char *msg, const char *brief)
{
	snprintf(lv->status, sizeof lv->status, "%s", msg);
	/* The narrow status bar's form (it replaces an older one). */
	snprintf(lv->status_short, sizeof lv->status_short, "%s", brief);
	lv->status_error = true;
}

bool
live_sync(live *lv)
{
	bool reloaded = store_changed(lv->st) && live_reload(lv);

	/* Said again each second, over whatever else was said, but without
	** taking back the word that a note was refused. */
	if (lv->s && lv->s->state != MEETING_LIVE && strcmp(lv->status, _(LIVE_SYNC_REFUSED)) != 0)
		say_ended(lv, _(LIVE_SYNC_ENDED), _(LIVE_SYNC_ENDED_SHORT));
	return reloaded;
}

bool
live_sync_can_note(live *lv)
{
	rp_error err = {0};

	/* The tick may be up to a second behind: ask the database itself. */
	if (meeting_check_live(lv->st, lv->meeting_id, &err) == RP_OK)
		return true;
	if (err.status == RP_EINVAL) {
		live_reload(lv);
		say_ended(lv, _(LIVE_SYNC_REFUSED), _(LIVE_SYNC_REFUSED_SHORT));
	} else {
		snprintf(lv->status, sizeof lv->status, _("not saved: %s"), err.msg);
		lv->status_short[0] = '\0';
		lv->status_error = true;
	}
	return false;
}

/* Add line (sanitized) to the recovery file's text. */
static void
keep_recovery(app *a, const char *line)
{
	char *clean = text_sanitize(line, " ");
	size_t have = a->recovery ? strlen(a->recovery) : 0;
	char *more;

	if (clean == NULL)
		return;
	if ((more = realloc(a->recovery, have + strlen(clean) + 2)) != NULL) {
		a->recovery = more;
		sprintf(more + have, "%s\n", clean);
	}
	free(clean);
}

/* A parsed note as it was typed ("> send the plan @me ^fri"): malloc'd. */
static char *
note_line(const parsed_note *n)
{
	session_note sn = {.kind = n->kind, .text = n->text};

	return live_note_line(&sn);
}

/* Add "not saved (why): text" as a line of a->unsaved, text sanitized. */
static void
keep_unsaved(app *a, const char *why, const char *text)
{
	char *clean = text_sanitize(text, " ");
	size_t len = strlen(a->unsaved);

	/* TRANSLATORS: a line printed as rapport leaves: why, then the text. */
	snprintf(a->unsaved + len, sizeof a->unsaved - len, _("not saved (%s): %s\n"), why,
		 clean ? clean : "");
	free(clean);
}

void
live_sync_leave(app *a, void *state)
{
	live *lv = state;
	rp_error err = {0};
	char *text = NULL, *stored = NULL;
	bool changed, ended, edit_kept;

	/* What is on the line, and the new note set aside while an older one
	** was being edited: neither is saved, so neither may vanish with the
	** screen.  An older note loaded for editing and left as it was is
	** saved already: not said.  Ask the database whether the meeting still
	** is live: the last tick may be up to a second old. */
	a->unsaved[0] = '\0';
	/* The notes entered and not saved, oldest first: said, and kept for
	** the recovery file. */
	for (size_t i = 0; i < lv->nqueue; i++) {
		char *line = note_line(&lv->queue[i].note);

		if (line == NULL)
			continue;
		keep_unsaved(a, lv->save_error, line);
		keep_recovery(a, line);
		a->recovery_notes++;
		free(line);
	}
	if (lv->line_failed && (text = input_text(&lv->input)) != NULL) {
		keep_unsaved(a, lv->save_error, text);
		keep_recovery(a, text);
		a->recovery_notes++;
		free(text);
		text = NULL;
	} else if (!input_blank(&lv->input)) {
		text = input_text(&lv->input);
	}
	for (size_t i = 0; lv->editing_note && lv->s && i < lv->s->nnotes; i++)
		if (lv->s->notes[i].id == lv->editing_note)
			stored = live_note_line(&lv->s->notes[i]);
	changed = text && !(stored && strcmp(text, stored) == 0);
	/* An edit Enter could not save is a note not saved, like the rest. */
	edit_kept = changed && lv->edit_failed;
	if (edit_kept) {
		keep_recovery(a, text);
		a->recovery_notes++;
	}
	if (changed || (lv->draft && lv->draft[0])) {
		ended = meeting_check_live(lv->st, lv->meeting_id, &err) == RP_EINVAL;
		if (changed)
			keep_unsaved(a, ended ? _("the meeting had ended")
				     : lv->editing_note ? _("an edit of an older note, left on the line")
				     : _("still on the line when you quit"),
				     text);
		if (lv->draft && lv->draft[0])
			keep_unsaved(a, ended ? _("the meeting had ended") : _("the new note set aside"),
				     lv->draft);
		/* Text typed and not entered joins the file when there is one,
		** and always on a signal: the terminal it would be printed
		** on may be gone. */
		if (a->recovery_notes > 0 || a->stop_signal) {
			if (changed && !edit_kept) {
				keep_recovery(a, text);
				a->recovery_drafts++;
			}
			if (lv->draft && lv->draft[0]) {
				keep_recovery(a, lv->draft);
				a->recovery_drafts++;
			}
		}
	}
	/* An agenda item half typed in its dialog is typed text too. */
	if ((lv->dialog == DIALOG_ITEM_ADD || lv->dialog == DIALOG_ITEM_EDIT) &&
	    !input_blank(&lv->dialog_ask.in)) {
		char *item = input_text(&lv->dialog_ask.in);

		if (item)
			keep_unsaved(a, lv->dialog == DIALOG_ITEM_ADD ? _("an agenda item being added")
								  : _("an agenda item being edited"),
				     item);
		free(item);
	}
	free(text);
	free(stored);
}
