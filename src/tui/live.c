/* live.c: the live meeting screen's keys, turned into core calls.
**
** The screen keeps almost no state of its own: after each change it loads
** the meeting again (live_reload) and recomputes the prompts; a new note,
** the change made most, is added to what is loaded instead.
*/
#include "live.h"
#include "live_sync.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <curses.h>
#include <wctype.h>

#include "rapport/i18n.h"
#include "rapport/lang.h"
#include "rapport/meeting.h"
#include "rapport/person.h"
#include "rapport/note.h"
#include "rapport/prep.h"
#include "rapport/record.h"
#include "width.h"

rp_date
live_today(const live *lv)
{
	return date_local(rp_clock_now(lv->clock));
}

void
live_say(live *lv, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(lv->status, sizeof lv->status, fmt, ap);
	va_end(ap);
	lv->status_short[0] = '\0';
	lv->status_error = error;
	lv->status_at = rp_clock_now(lv->clock);
}

/* The prompts again; the selection stays on the prompt it was on while
** that one is still offered, so a tick never moves it under the user. */
void
recompute_prompts(live *lv)
{
	lv->nprompts = prompt_compute_with(lv->s, lv->memo, rp_clock_now(lv->clock),
					   live_today(lv), lv->prompts, PROMPTS_MAX);
	for (size_t i = 0; i < lv->nprompts && lv->prompt_sel_key[0]; i++)
		if (strcmp(lv->prompts[i].key, lv->prompt_sel_key) == 0)
			lv->prompt_sel = (int)i;
	if (lv->prompt_sel >= (int)lv->nprompts)
		lv->prompt_sel = lv->nprompts ? (int)lv->nprompts - 1 : 0;
	if (lv->nprompts)
		snprintf(lv->prompt_sel_key, sizeof lv->prompt_sel_key, "%s",
			 lv->prompts[lv->prompt_sel].key);
	else
		lv->prompt_sel_key[0] = '\0';
}

bool
live_reload(live *lv)
{
	rp_error err = {0};
	session *s = NULL;
	int64_t item = 0, note = 0;
	int browsed = -1;

	if (session_load(lv->st, lv->meeting_id, &s, &err) != RP_OK) {
		live_say(lv, true, "%s", err.msg);
		return false;
	}
	/* The selected item and the browsed note are kept by id, not by
	** position: another window may have added, moved or removed some. */
	if (lv->s && lv->agenda_sel >= 0 && (size_t)lv->agenda_sel < lv->s->nitems)
		item = lv->s->items[lv->agenda_sel].id;
	if (lv->s && lv->browse >= 0 && (size_t)lv->browse < lv->s->nnotes)
		note = lv->s->notes[lv->browse].id;
	for (size_t i = 0; item && i < s->nitems; i++)
		if (s->items[i].id == item)
			lv->agenda_sel = (int)i;
	for (size_t i = 0; note && i < s->nnotes; i++)
		if (s->notes[i].id == note)
			browsed = (int)i;
	lv->browse = browsed;  /* a browsed note gone elsewhere: back to the line */
	session_free(lv->s);
	lv->s = s;
	if (lv->agenda_sel >= (int)s->nitems)
		lv->agenda_sel = s->nitems ? (int)s->nitems - 1 : 0;
	recompute_prompts(lv);
	return true;
}

const char *
live_why(const rp_error *err)
{
	return err->status == RP_EBUSY ? _("the database is locked by another program") : err->msg;
}

/* Report a failed core call and reload what is on disk.  A lock is said
** plainly: the screen waited only a moment (LIVE_BUSY_TIMEOUT_MS), and the
** key can simply be pressed again. */
static int
failed(live *lv, const rp_error *err)
{
	if (err->status == RP_EBUSY)
		live_say(lv, true, _("not done: %s; try again"), live_why(err));
	else
		live_say(lv, true, "%s", err->msg);
	live_reload(lv);
	return H_REDRAW;
}

static int64_t
current_item_id(const live *lv)
{
	const session_item *it = session_current_item(lv->s);

	return it ? it->id : 0;
}

/* Put the new note typed before an edit back on the line (an edit saved,
** deleted or cancelled). */
static void
restore_draft(live *lv)
{
	input_set_text(&lv->input, lv->draft ? lv->draft : "");
	free(lv->draft);
	lv->draft = NULL;
	lv->editing_note = 0;
	lv->edit_failed = false;
}

/* Why the last save failed, in a word or two for a narrow status bar. */
static const char *
save_failure_brief(const live *lv)
{
	/* TRANSLATORS: why a note was not saved, in a word or two, for
	** "not saved (locked) · Enter retries". */
	switch (lv->save_status) {
	case RP_EBUSY:
		return _("locked");
	case RP_EREADONLY:
		return _("read-only");
	case RP_EINVAL:
		return lv->s && lv->s->state != MEETING_LIVE ? _("ended") : _("refused");
	default:
		/* The store says "disk full while …", in English or translated
		** with these same words. */
		return strstr(lv->save_error, "disk full") || strstr(lv->save_error, _("disk full"))
			       ? _("disk full")
			       : _("disk error");
	}
}

/* A new note could not be saved: it stays whole on the line, Enter tries
** it again, and typing starts a new note after it (live_queue_line).
** When other notes wait already, it joins them at once. */
static void
new_note_failed(live *lv)
{
	if (!lv->line_failed) {
		lv->line_failed = true;
		lv->line_at = rp_clock_now(lv->clock);
		lv->line_item = current_item_id(lv);
	}
	lv->saved = false;
	if (live_reload(lv) && lv->s->state != MEETING_LIVE) {
		/* Ended in another window: no retry can file it. */
		snprintf(lv->status, sizeof lv->status, "%s", _(LIVE_SYNC_REFUSED));
		snprintf(lv->status_short, sizeof lv->status_short, "%s", _(LIVE_SYNC_REFUSED_SHORT));
		lv->status_error = true;
		return;
	}
	if (lv->nqueue > 0) {
		/* Notes wait already, so this one could not go first: it
		** joins them, shown in the pane, and the line is free. */
		int waiting = (int)lv->nqueue + 1;

		if (live_queue_line(lv)) {
			/* TRANSLATORS: why, then how many notes wait (two or more). */
			live_say(lv, true,
				 P_("not saved: %s · %d note waits, saved as soon as it can be",
				    "not saved: %s · %d notes wait, saved as soon as it can be", waiting),
				 lv->save_error, waiting);
			snprintf(lv->status_short, sizeof lv->status_short,
				 P_("%d not saved (%s)", "%d not saved (%s)", waiting), waiting,
				 save_failure_brief(lv));
			return;
		}
	}
	live_say(lv, true, _("not saved: %s · Enter retries, a new note waits its turn"),
		 lv->save_error);
	snprintf(lv->status_short, sizeof lv->status_short, _("not saved (%s) · Enter retries"),
		 save_failure_brief(lv));
}

/* An action's @owner that names several of the client's people is linked
** to none of them, and so counted as yours: said over the line, with who
** it could be, so the owner can be written in full. */
static void
owner_warning(live *lv, const parsed_note *note)
{
	rp_error err = {0};
	person p;

	lv->note_warning[0] = '\0';
	if (note->kind != NOTE_ACTION || !note->owner[0] || person_owner_is_mine(note->owner) ||
	    lv->s == NULL)
		return;
	if (person_find(lv->st, lv->s->client_id, note->owner, &p, &err) == RP_EAMBIGUOUS) {
		/* Who it could be first: the pane may be narrow. */
		const char *who = strstr(err.msg, "people: ");

		/* TRANSLATORS: the @owner typed, then the people it could be. */
		snprintf(lv->note_warning, sizeof lv->note_warning,
			 _("@%s: %s? Saved, linked to nobody: write more of the name"), note->owner,
			 who ? who + strlen("people: ") : err.msg);
	}
}

/* Enter in the Notes pane: save the line as a new note, or as the note
** being edited.  The line is cleared only once the note is on disk.  A new
** note goes after the notes still waiting, so they land in the order
** typed. */
static int
submit_note(live *lv)
{
	char *text = input_text(&lv->input);
	parsed_note *note = NULL;
	rp_error err = {0};
	enum rp_status s;
	int rc = H_REDRAW;

	if (text == NULL)
		return H_HANDLED;
	if (input_blank(&lv->input)) {
		if (lv->editing_note)
			lv->dialog = DIALOG_CONFIRM_DELETE;
		goto out;
	}
	if ((note = malloc(sizeof *note)) == NULL) {
		live_say(lv, true, "%s", _("out of memory: the note is not saved"));
		goto out;
	}
	if (note_parse_line(text, live_today(lv), note, &err) != RP_OK) {
		live_say(lv, true, _("not saved: %s"), err.msg);
		goto out;
	}
	if (lv->editing_note) {
		if (!live_sync_can_note(lv))
			goto out;  /* ended in another window: the line stays */
		s = record_note_replace(lv->st, lv->clock, lv->editing_note, note, &err);
		if (s != RP_OK) {
			/* The edit stays on the line as it is, for Enter to try
			** again. */
			lv->saved = false;
			lv->edit_failed = true;
			live_say(lv, true, _("not saved: %s · Enter retries"), live_why(&err));
			goto out;
		}
	} else {
		int64_t at = lv->line_failed ? lv->line_at : rp_clock_now(lv->clock);
		int64_t item = lv->line_failed ? lv->line_item : current_item_id(lv);

		if (live_save_after_queue(lv, note, item, at) != RP_OK) {
			new_note_failed(lv);
			goto out;
		}
		lv->line_failed = false;
	}
	/* On disk (committed, fsync'd): only now is it shown as saved. */
	lv->saved = true;
	live_say(lv, false, "%s", lv->editing_note ? _("note changed") : "");
	if (note->due_problem[0])
		snprintf(lv->note_warning, sizeof lv->note_warning, _("Saved without a due date: %s"),
			 note->due_problem);
	else
		owner_warning(lv, note);
	lv->browse = -1;
	if (lv->editing_note) {
		restore_draft(lv);
		live_reload(lv);
	} else {
		input_clear(&lv->input);  /* the screen has it: live_save_after_queue */
	}
out:
	free(note);
	free(text);
	return rc;
}

/* Up/Down in the Notes pane: browse earlier notes; Enter then edits. */
static int
browse(live *lv, int step)
{
	int n = (int)lv->s->nnotes;

	if (n == 0)
		return H_HANDLED;
	if (lv->browse < 0)
		lv->browse = step < 0 ? n - 1 : -1;
	else
		lv->browse += step;
	if (lv->browse < 0 && step < 0)
		lv->browse = 0;
	if (lv->browse >= n)
		lv->browse = -1;  /* past the newest: back to a new note */
	return H_REDRAW;
}

char *
live_note_line(const session_note *n)
{
	char prefix = note_kind_prefix(n->kind);
	char *line = malloc(strlen(n->text) + 3);

	if (line && prefix)
		sprintf(line, "%c %s", prefix, n->text);
	else if (line)
		strcpy(line, n->text);
	return line;
}

/* Enter while a note is browsed: load it into the line for editing.  The
** new note being typed is kept aside and comes back when the edit is
** saved or cancelled. */
static void
edit_browsed(live *lv)
{
	const session_note *n = &lv->s->notes[lv->browse];
	char *line;

	if (lv->editing_note) {
		/* Loading another note would drop this edit. */
		lv->browse = -1;
		live_say(lv, false, "%s", _("finish this edit first: Enter saves it, Esc cancels it"));
		return;
	}
	if ((line = live_note_line(n)) == NULL)
		return;
	free(lv->draft);
	if ((lv->draft = input_text(&lv->input)) == NULL) {
		free(line);
		live_say(lv, true, "%s", _("out of memory: the note stays as it is"));
		return;
	}
	input_set_text(&lv->input, line);
	free(line);
	lv->editing_note = n->id;
	lv->browse = -1;
	live_say(lv, false, "%s", _("editing a note: Enter saves, an empty line deletes it, Esc cancels"));
}

/* Is act a key that changes the line? */
static bool
is_edit(enum action act)
{
	return act == ACT_INPUT_BACKSPACE || act == ACT_INPUT_DELETE ||
	       act == ACT_INPUT_KILL_LINE || act == ACT_INPUT_KILL_WORD;
}

static int
line_key(live *lv, enum action act)
{
	switch (act) {
	case ACT_INPUT_SUBMIT:
		if (lv->browse >= 0) {
			edit_browsed(lv);
			return H_REDRAW;
		}
		return submit_note(lv);
	case ACT_INPUT_LEFT: input_left(&lv->input); return H_INPUT;
	case ACT_INPUT_RIGHT: input_right(&lv->input); return H_INPUT;
	case ACT_INPUT_HOME: input_home(&lv->input); return H_INPUT;
	case ACT_INPUT_END: input_end(&lv->input); return H_INPUT;
	case ACT_INPUT_BACKSPACE: input_backspace(&lv->input); return H_INPUT;
	case ACT_INPUT_DELETE: input_delete(&lv->input); return H_INPUT;
	case ACT_INPUT_KILL_LINE: input_kill_to_start(&lv->input); return H_INPUT;
	case ACT_INPUT_KILL_WORD: input_kill_word(&lv->input); return H_INPUT;
	case ACT_NOTE_OLDER: return browse(lv, -1);
	case ACT_NOTE_NEWER: return browse(lv, +1);
	default: return 0;
	}
}

static int
notes_key(live *lv, enum action act)
{
	/* A note that failed to save is kept whole: the first key that would
	** change it (or load an older note over it) starts a new note instead,
	** and the failed one waits its turn in the queue, shown in the pane. */
	if ((is_edit(act) || (act == ACT_INPUT_SUBMIT && lv->browse >= 0)) && lv->line_failed) {
		if (!live_queue_line(lv))
			return H_REDRAW;
		return line_key(lv, act) | H_REDRAW;
	}
	return line_key(lv, act);
}

/* The pending item after (or before, step -1) index from; -1 if none. */
static int
pending_from(const session *s, int from, int step)
{
	for (int i = from; i >= 0 && i < (int)s->nitems; i += step)
		if (s->items[i].status == AGENDA_PENDING)
			return i;
	return -1;
}

/* Ctrl-N: the current item is done, the next pending one starts.
** Ctrl-P: the current item goes back to pending, the one before starts. */
static int
item_step(live *lv, int step)
{
	const session_item *cur = session_current_item(lv->s);
	int at = cur ? (int)(cur - lv->s->items) : (step > 0 ? -1 : (int)lv->s->nitems);
	rp_error err = {0};
	int next;

	if (step > 0) {
		next = pending_from(lv->s, at + 1, +1);
	} else {
		/* Back means back, whatever became of that item. */
		next = at - 1;
	}
	if (next < 0 || next >= (int)lv->s->nitems) {
		if (step > 0 && cur &&
		    agenda_set_status(lv->st, lv->clock, cur->id, AGENDA_DONE, &err) != RP_OK)
			return failed(lv, &err);
		live_say(lv, false, "%s",
			 step > 0 ? _("no more items on the agenda") :
			 cur ? _("this is the first item") : _("no item started (Ctrl-N starts one)"));
		live_reload(lv);
		return H_REDRAW;
	}
	if (step > 0 && cur && agenda_set_status(lv->st, lv->clock, cur->id, AGENDA_DONE, &err) != RP_OK)
		return failed(lv, &err);
	if (agenda_start_item(lv->st, lv->clock, lv->s->items[next].id, &err) != RP_OK)
		return failed(lv, &err);
	lv->agenda_sel = next;
	live_reload(lv);
	return H_REDRAW;
}

/* A title cut to fit a status message, into buf (size bytes): the
** sentences around it put it in quotes, “Title” or « Title ». */
static const char *
quoted(const char *title, char *buf, size_t size)
{
	char *cut = width_truncate(title, 24);

	snprintf(buf, size, "%s", cut ? cut : "");
	free(cut);
	return buf;
}

/* A pane key changed the meeting: keep how to put it back, and say what
** happened and how to undo it. */
static void
announce(live *lv, enum keymap_context pane, const live_undo *u)
{
	lv->undo[pane] = *u;
	/* TRANSLATORS: what a key did ("parked “Budget”"), then how to undo it. */
	live_say(lv, false,
		 pane == KEYMAP_AGENDA ? _("%s · u in Agenda undoes") : _("%s · u in Prompts undoes"),
		 u->what);
	snprintf(lv->status_short, sizeof lv->status_short, _("%s · u undoes"), u->what);
}

/* Is the agenda, as the database has it now, still as the change to undo
** left it: the item in the status it was given (and, for a start, still
** the one running), titled and timeboxed as the edit made it, or (added)
** still pending with no note on it?  Reloads first: another window may
** have changed it.  UNDO_FAILED when the reload itself failed (the status
** line says why). */
enum { UNDO_FITS, UNDO_CHANGED, UNDO_FAILED };

static int
undo_still_fits(live *lv, const live_undo *u)
{
	const session_item *cur;

	if (!live_reload(lv))
		return UNDO_FAILED;
	for (size_t i = 0; i < lv->s->nitems; i++) {
		const session_item *it = &lv->s->items[i];

		if (it->id != u->item_id)
			continue;
		if (u->kind == UNDO_ADD) {
			/* Taking an item back is only for one left as it was
			** added: never one started since, or with notes on it. */
			if (it->status != AGENDA_PENDING)
				return UNDO_CHANGED;
			for (size_t n = 0; n < lv->s->nnotes; n++)
				if (lv->s->notes[n].item_id == it->id)
					return UNDO_CHANGED;
			return UNDO_FITS;
		}
		if (u->kind == UNDO_EDIT)
			return strcmp(it->title, u->spec_after.title) == 0 &&
					       it->timebox_minutes == u->spec_after.minutes
				       ? UNDO_FITS
				       : UNDO_CHANGED;
		if (it->status != u->after)
			return UNDO_CHANGED;
		cur = session_current_item(lv->s);
		if (u->after == AGENDA_ACTIVE)  /* a start: still the one running */
			return cur && cur->id == u->item_id ? UNDO_FITS : UNDO_CHANGED;
		/* Putting a running item back must not stop one started since. */
		return u->status != AGENDA_ACTIVE || cur == NULL ? UNDO_FITS : UNDO_CHANGED;
	}
	return UNDO_CHANGED;
}

/* u in a pane: put back the pane's last change. */
static int
undo(live *lv, enum keymap_context pane)
{
	live_undo *u = &lv->undo[pane];
	rp_error err = {0};
	enum rp_status s = RP_OK;

	if (u->kind == UNDO_STATUS || u->kind == UNDO_EDIT || u->kind == UNDO_ADD) {
		int fits = undo_still_fits(lv, u);

		if (fits != UNDO_FITS) {
			/* The item moved on since (another window, or Ctrl-N
			** here): putting back the old state would throw that
			** change away. */
			u->kind = UNDO_NONE;
			if (fits == UNDO_CHANGED)
				live_say(lv, true, "%s", _("not undone: that item has changed since"));
			return H_REDRAW;
		}
	}
	switch (u->kind) {
	case UNDO_NONE:
		live_say(lv, false, "%s",
			 pane == KEYMAP_AGENDA ? _("nothing to undo in Agenda") : _("nothing to undo in Prompts"));
		return H_REDRAW;
	case UNDO_STATUS:
		/* An item that was running runs again, its time kept. */
		if (u->status == AGENDA_ACTIVE)
			s = agenda_start_item(lv->st, lv->clock, u->item_id, &err);
		else
			s = agenda_set_status(lv->st, lv->clock, u->item_id, u->status, &err);
		if (s == RP_OK && u->was_active)
			s = agenda_start_item(lv->st, lv->clock, u->was_active, &err);
		break;
	case UNDO_ADD: s = agenda_remove_item(lv->st, u->item_id, &err); break;
	case UNDO_EDIT: s = agenda_edit_item(lv->st, u->item_id, &u->spec, &err); break;
	case UNDO_DISMISS: s = record_prompt_undo(lv->st, lv->meeting_id, u->key, &err); break;
	}
	u->kind = UNDO_NONE;
	if (s != RP_OK)
		return failed(lv, &err);
	/* TRANSLATORS: what was put back ("parked “Budget”"). */
	live_say(lv, false, _("undone: %s"), u->what);
	live_reload(lv);
	return H_REDRAW;
}

/* g G Home End in a pane: where the selection goes among n entries. */
static int
moved(int sel, int n, enum action act)
{
	if (act == ACT_MOVE_FIRST)
		sel = 0;
	else if (act == ACT_MOVE_LAST)
		sel = n - 1;
	return sel >= n ? n - 1 : sel < 0 ? 0 : sel;
}

/* A key that only moves in a pane (the pane keeps the keyboard). */
static bool
is_move(enum action act)
{
	return act == ACT_MOVE_DOWN || act == ACT_MOVE_UP || act == ACT_MOVE_FIRST ||
	       act == ACT_MOVE_LAST;
}

/* What a status change did to an item ("parked “Budget”"), or what it
** would have done to one so already ("“Budget” is parked already"), into
** buf: whole sentences, for the translators. */
static void
status_said(char *buf, size_t size, enum agenda_status to, bool already, const char *title)
{
	switch (to) {
	case AGENDA_PENDING:
		snprintf(buf, size, already ? _("“%s” is pending already") : _("pending “%s”"), title);
		break;
	case AGENDA_ACTIVE:
		snprintf(buf, size, already ? _("“%s” is started already") : _("started “%s”"), title);
		break;
	case AGENDA_DONE:
		snprintf(buf, size, already ? _("“%s” is done already") : _("done: “%s”"), title);
		break;
	case AGENDA_SKIPPED:
		snprintf(buf, size, already ? _("“%s” is skipped already") : _("skipped “%s”"), title);
		break;
	case AGENDA_PARKED:
		snprintf(buf, size, already ? _("“%s” is parked already") : _("parked “%s”"), title);
		break;
	}
}

/* Enter, d, s, p on the selected item: the new status, announced. */
static int
item_status(live *lv, const session_item *sel, enum agenda_status to)
{
	live_undo u = {.kind = UNDO_STATUS, .item_id = sel->id, .status = sel->status, .after = to};
	const session_item *cur = session_current_item(lv->s);
	rp_error err = {0};
	char q[120];

	if (sel->status == to) {
		char said[sizeof u.what];

		status_said(said, sizeof said, to, true, quoted(sel->title, q, sizeof q));
		live_say(lv, false, "%s", said);
		return H_REDRAW;
	}
	if (to == AGENDA_ACTIVE && cur)
		u.was_active = cur->id;
	if (agenda_set_status(lv->st, lv->clock, sel->id, to, &err) != RP_OK)
		return failed(lv, &err);
	status_said(u.what, sizeof u.what, to, false, quoted(sel->title, q, sizeof q));
	announce(lv, KEYMAP_AGENDA, &u);
	live_reload(lv);
	return H_REDRAW;
}

/* Keys of the Agenda pane.  j/k move; every other command acts once and
** gives the keyboard back to Notes (live_key). */
static int
agenda_key(live *lv, enum action act)
{
	const session_item *sel = lv->s->nitems ? &lv->s->items[lv->agenda_sel] : NULL;
	char buf[900];

	switch (act) {
	case ACT_MOVE_DOWN:
		if (lv->agenda_sel + 1 < (int)lv->s->nitems)
			lv->agenda_sel++;
		return H_REDRAW;
	case ACT_MOVE_UP:
		if (lv->agenda_sel > 0)
			lv->agenda_sel--;
		return H_REDRAW;
	case ACT_MOVE_FIRST:
	case ACT_MOVE_LAST:
		lv->agenda_sel = moved(lv->agenda_sel, (int)lv->s->nitems, act);
		return H_REDRAW;
	case ACT_UNDO:
		return undo(lv, KEYMAP_AGENDA);
	case ACT_ITEM_ADD:
		ask_start(&lv->dialog_ask, 0, "", "");
		lv->dialog = DIALOG_ITEM_ADD;
		return H_REDRAW;
	case ACT_ITEM_START:
	case ACT_ITEM_EDIT:
	case ACT_ITEM_DONE:
	case ACT_ITEM_SKIP:
	case ACT_ITEM_PARK:
		break;
	default:
		return 0;
	}
	if (sel == NULL) {
		live_say(lv, false, "%s", _("no agenda item: a adds one"));
		return H_REDRAW;
	}
	switch (act) {
	case ACT_ITEM_START: return item_status(lv, sel, AGENDA_ACTIVE);
	case ACT_ITEM_DONE: return item_status(lv, sel, AGENDA_DONE);
	case ACT_ITEM_SKIP: return item_status(lv, sel, AGENDA_SKIPPED);
	case ACT_ITEM_PARK: return item_status(lv, sel, AGENDA_PARKED);
	default: break;
	}
	if (sel->timebox_minutes)
		snprintf(buf, sizeof buf, "%s:%d", sel->title, sel->timebox_minutes);
	else
		snprintf(buf, sizeof buf, "%s", sel->title);
	ask_start(&lv->dialog_ask, 0, "", buf);
	lv->dialog_item = sel->id;
	lv->dialog = DIALOG_ITEM_EDIT;
	return H_REDRAW;
}

/* The selected prompt, when it is the one the pane shows selected; NULL
** when there is none or it is not on screen (Enter never acts unseen). */
static const prompt *
shown_prompt(const live *lv)
{
	const listview_row *row = listview_selected(&lv->prompt_list);

	if (lv->nprompts == 0 || lv->lay.prompts.h == 0 || row == NULL)
		return NULL;
	if (row->index != lv->prompt_sel || row->index >= (int)lv->nprompts)
		return NULL;
	return &lv->prompts[lv->prompt_sel];
}

static void
prompt_select(live *lv, int at)
{
	lv->prompt_sel = at;
	snprintf(lv->prompt_sel_key, sizeof lv->prompt_sel_key, "%s", lv->prompts[at].key);
}

static int
prompts_key(live *lv, enum action act)
{
	const prompt *p = shown_prompt(lv);
	live_undo u = {.kind = UNDO_DISMISS};
	rp_error err = {0};
	enum prompt_action what;

	switch (act) {
	case ACT_MOVE_DOWN:
		if (lv->prompt_sel + 1 < (int)lv->nprompts)
			prompt_select(lv, lv->prompt_sel + 1);
		return H_REDRAW;
	case ACT_MOVE_UP:
		if (lv->prompt_sel > 0 && lv->nprompts > 0)
			prompt_select(lv, lv->prompt_sel - 1);
		return H_REDRAW;
	case ACT_MOVE_FIRST:
	case ACT_MOVE_LAST:
		if (lv->nprompts > 0)
			prompt_select(lv, moved(lv->prompt_sel, (int)lv->nprompts, act));
		return H_REDRAW;
	case ACT_UNDO: return undo(lv, KEYMAP_PROMPTS);
	case ACT_PROMPT_USE: what = PROMPT_USED; break;
	case ACT_PROMPT_DISMISS: what = PROMPT_DISMISSED; break;
	default: return 0;
	}
	if (p == NULL) {
		live_say(lv, false, "%s",
			 lv->nprompts ? _("select a prompt on screen first") : _("no prompt to use"));
		return H_REDRAW;
	}
	if (record_prompt(lv->st, lv->clock, lv->meeting_id, current_item_id(lv), p->key, p->text,
			  what, &err) != RP_OK)
		return failed(lv, &err);
	/* A small-talk question asked is an opener used: Prep will not put
	** it first next time. */
	if (what == PROMPT_USED && strncmp(p->key, "smalltalk:f", 11) == 0) {
		char key[48];

		snprintf(key, sizeof key, "fact:%s", p->key + 11);
		if (record_opener(lv->st, lv->clock, lv->s->client_id, key, p->text, lv->meeting_id,
				  &err) != RP_OK)
			return failed(lv, &err);
	}
	if (what == PROMPT_USED) {
		live_say(lv, false, "%s", _("prompt logged as asked"));
	} else {
		snprintf(u.key, sizeof u.key, "%s", p->key);
		/* TRANSLATORS: the kind of the prompt dismissed ("Reflect"). */
		snprintf(u.what, sizeof u.what, _("dismissed “%s”"), live_kind_label(p->kind));
		announce(lv, KEYMAP_PROMPTS, &u);
	}
	live_reload(lv);
	return H_REDRAW;
}

/* Ctrl-T: nobody or the client -> you; you -> the client. */
static int
toggle_talk(live *lv)
{
	rp_error err = {0};
	enum talk_speaker next = session_talking(lv->s) == TALK_SIDE_YOU ? TALK_CLIENT : TALK_YOU;

	if (record_talk(lv->st, lv->clock, lv->meeting_id, next, &err) != RP_OK)
		return failed(lv, &err);
	live_reload(lv);
	return H_REDRAW;
}

/* Ctrl-C: quit at once, unless a note is not saved: then one more try,
** and if it still fails, ask (y or Ctrl-C again leaves, the notes going to
** the recovery file). */
static int
quit(live *lv)
{
	if (live_unsaved(lv) > 0)
		live_retry(lv);
	if (live_unsaved(lv) == 0)
		return H_QUIT;
	lv->quit_over = lv->dialog;
	lv->dialog = DIALOG_CONFIRM_QUIT;
	lv->help = false;
	return H_REDRAW;
}

/* y answers yes, and o (oui) too in French, as the questions say ("o / n"). */
static bool
is_yes(wint_t key)
{
	return key == 'y' || key == 'Y' || (lang_user() == RP_LANG_FR && (key == 'o' || key == 'O'));
}

/* Keys while a dialog is up: a line to edit, or y/n. */
static int
dialog_key(live *lv, wint_t key, bool function, enum action act)
{
	rp_error err = {0};
	agenda_spec spec;
	live_undo u = {0};
	char *text, q[120];
	enum rp_status s;

	if (lv->dialog == DIALOG_CONFIRM_QUIT) {
		/* Ctrl-C again, or y: leave; the notes go to the recovery file. */
		bool yes = act == ACT_QUIT || (!function && is_yes(key));

		lv->dialog = lv->quit_over;
		return yes ? H_QUIT : H_REDRAW;
	}
	if (act == ACT_QUIT)
		return quit(lv);  /* the dialog stays: its text is printed as rapport leaves */
	if (act == ACT_ESCAPE) {
		lv->dialog = DIALOG_NONE;
		return H_REDRAW;
	}
	if (lv->dialog == DIALOG_CONFIRM_END && !function && (key == 'd' || key == 'D') &&
	    input_blank(&lv->input) && live_unsaved(lv) == 0 && lv->s && lv->s->nnotes == 0) {
		bool deleted = false;

		/* Started by mistake, or the client did not come: no contact,
		** and a planned meeting is planned again (meeting_discard). */
		lv->dialog = DIALOG_NONE;
		if (meeting_discard(lv->st, lv->meeting_id, &deleted, &err) != RP_OK)
			return failed(lv, &err);
		lv->discarded = true;
		snprintf(lv->status, sizeof lv->status, "%s",
			 deleted ? _("meeting discarded") : _("meeting discarded: planned again, as it was"));
		return H_HANDLED;
	}
	if (lv->dialog == DIALOG_CONFIRM_DELETE || lv->dialog == DIALOG_CONFIRM_END) {
		bool yes = !function && is_yes(key);
		enum dialog which = lv->dialog;

		lv->dialog = DIALOG_NONE;
		if (!yes)
			return H_REDRAW;
		if (which == DIALOG_CONFIRM_END) {
			/* The notes waiting and the one on the line are saved
			** first; while one cannot be, the meeting stays open
			** with every note where it was. */
			live_retry(lv);
			if (!input_blank(&lv->input) && !lv->line_failed)
				submit_note(lv);
			if (live_unsaved(lv) > 0) {
				int n = live_unsaved(lv);

				live_say(lv, true,
					 P_("not ended: %d note is not saved yet: %s",
					    "not ended: %d notes are not saved yet: %s", n),
					 n, lv->save_error);
				return H_REDRAW;
			}
			if (!input_blank(&lv->input))
				return H_REDRAW;
			if (meeting_end(lv->st, lv->clock, lv->meeting_id, &err) != RP_OK)
				return failed(lv, &err);
			return H_ENDED;
		}
		if (record_note_delete(lv->st, lv->editing_note, &err) != RP_OK)
			return failed(lv, &err);
		restore_draft(lv);
		live_say(lv, false, "%s", _("note deleted"));
		live_reload(lv);
		return H_REDRAW;
	}
	/* The line itself edits as every question does. */
	if (ask_key(&lv->dialog_ask, key, function) != ASK_DONE)
		return H_REDRAW;
	if ((text = ask_text(&lv->dialog_ask)) == NULL)
		return H_HANDLED;
	s = agenda_parse_spec(text, &spec, &err);
	free(text);
	if (s == RP_OK && lv->dialog == DIALOG_ITEM_ADD) {
		u.kind = UNDO_ADD;
		s = agenda_add_item(lv->st, lv->meeting_id, &spec, &u.item_id, &err);
		snprintf(u.what, sizeof u.what, _("added “%s”"), quoted(spec.title, q, sizeof q));
	} else if (s == RP_OK) {
		const session_item *it = NULL;

		for (size_t i = 0; i < lv->s->nitems; i++)
			if (lv->s->items[i].id == lv->dialog_item)
				it = &lv->s->items[i];
		u.kind = UNDO_EDIT;
		u.item_id = lv->dialog_item;
		if (it) {
			snprintf(u.spec.title, sizeof u.spec.title, "%s", it->title);
			u.spec.minutes = it->timebox_minutes;
		}
		u.spec_after = spec;
		s = it ? agenda_edit_item(lv->st, lv->dialog_item, &spec, &err)
		       : rp_fail(&err, RP_ENOTFOUND, "%s", _("that agenda item is gone"));
		snprintf(u.what, sizeof u.what, _("edited “%s”"), quoted(spec.title, q, sizeof q));
	}
	if (s != RP_OK) {
		live_say(lv, true, "%s", err.msg);
		lv->dialog_ask.active = true;  /* the dialog stays, to fix the line */
		return H_REDRAW;
	}
	lv->dialog = DIALOG_NONE;
	announce(lv, KEYMAP_AGENDA, &u);
	live_reload(lv);
	return H_REDRAW;
}

static int
global_key(live *lv, enum action act)
{
	static const enum keymap_context order[] = {KEYMAP_NOTES, KEYMAP_AGENDA, KEYMAP_PROMPTS};
	int n = 3, at = 0;

	switch (act) {
	case ACT_FOCUS_NEXT:
	case ACT_FOCUS_PREV:
		/* Only the panes on screen take focus. */
		if (lv->lay.kind == LAYOUT_NOTES)
			return H_HANDLED;
		for (int i = 0; i < n; i++)
			if (order[i] == lv->focus)
				at = i;
		lv->focus = order[(at + (act == ACT_FOCUS_NEXT ? 1 : n - 1)) % n];
		lv->browse = -1;
		return H_REDRAW;
	case ACT_ITEM_NEXT: return item_step(lv, +1);
	case ACT_ITEM_PREV: return item_step(lv, -1);
	case ACT_TALK_TOGGLE: return toggle_talk(lv);
	case ACT_END_MEETING:
		if (lv->editing_note) {
			live_say(lv, false, "%s", _("finish this edit first: Enter saves it, Esc cancels it"));
			return H_REDRAW;
		}
		lv->dialog = DIALOG_CONFIRM_END;
		return H_REDRAW;
	case ACT_HELP:
		lv->help = !lv->help;
		lv->help_top = 0;
		return H_REDRAW;
	case ACT_QUIT:
		return quit(lv);
	case ACT_ESCAPE:
		if (lv->help) {
			lv->help = false;
		} else if (lv->focus != KEYMAP_NOTES) {
			lv->focus = KEYMAP_NOTES;
		} else if (lv->browse >= 0) {
			lv->browse = -1;  /* back to the line, as it was */
		} else if (lv->editing_note) {
			restore_draft(lv);
			lv->status[0] = lv->status_short[0] = '\0';
		}
		return H_REDRAW;
	default:
		return 0;
	}
}

int
live_key(live *lv, wint_t key, bool function)
{
	enum action act;
	int rc;

	if (lv->dialog != DIALOG_NONE)
		return dialog_key(lv, key, function, keymap_lookup(KEYMAP_NOTES, key, function));
	if (lv->help) {
		/* The movement keys scroll; any other key closes the help, and
		** Ctrl-C still quits. */
		int step = 0;

		/* The same movement keys as every list: j k, pages, g G. */
		if ((function && key == KEY_DOWN) || (!function && key == 'j'))
			step = 1;
		else if ((function && key == KEY_UP) || (!function && key == 'k'))
			step = -1;
		else if ((function && key == KEY_NPAGE) || (!function && key == 6))
			step = LINES - 4;
		else if ((function && key == KEY_PPAGE) || (!function && key == 2))
			step = -(LINES - 4);
		else if ((function && key == KEY_END) || (!function && key == 'G'))
			step = 1 << 20;
		else if ((function && key == KEY_HOME) || (!function && key == 'g'))
			step = -(1 << 20);
		if (step) {
			lv->help_top += step;
			if (lv->help_top < 0)
				lv->help_top = 0;
			return H_REDRAW;  /* drawing clamps the bottom */
		}
		act = keymap_lookup(KEYMAP_GLOBAL, key, function);
		if (act == ACT_QUIT)
			return quit(lv);
		lv->help = false;
		return H_REDRAW;
	}
	act = keymap_lookup(lv->focus, key, function);
	switch (lv->focus) {
	case KEYMAP_NOTES: rc = notes_key(lv, act); break;
	case KEYMAP_AGENDA: rc = agenda_key(lv, act); break;
	case KEYMAP_PROMPTS: rc = prompts_key(lv, act); break;
	default: rc = 0; break;
	}
	if (rc) {
		/* A pane command acts once, then the keyboard is the Notes
		** pane's again: the rest of a word typed here by mistake goes
		** to the note line, not to more commands.  Moving stays. */
		if (lv->focus != KEYMAP_NOTES && !is_move(act))
			lv->focus = KEYMAP_NOTES;
		return rc;
	}
	if ((rc = global_key(lv, act)) != 0)
		return rc;
	/* A printable key that is no command of the pane is text for the
	** note line, typed from Agenda or Prompts as well. */
	if (!function && iswprint(key)) {
		if (lv->focus != KEYMAP_NOTES) {
			lv->focus = KEYMAP_NOTES;
			rc = H_REDRAW;
		}
		if (lv->browse >= 0) {
			lv->browse = -1;
			rc = H_REDRAW;
		}
		if (lv->line_failed) {
			if (!live_queue_line(lv))
				return H_REDRAW;
			rc = H_REDRAW;  /* the queued note shows in the pane */
		}
		/* Refused: said where it shows, the status bar, drawn again. */
		if (!input_insert(&lv->input, (uint32_t)key)) {
			live_say(lv, true, "%s", _("a note holds 4000 bytes: the rest was not taken"));
			rc |= H_REDRAW;
		}
		return rc | H_INPUT;
	}
	return H_HANDLED;
}

/* The live screen's operations for the main loop. */

/* The prep notes, once: they are written before the call, so the reload
** after each note need not read them again.  Without them the pane only
** lacks its "from your prep" section; the status says why. */
static void
load_prep_notes(live *lv)
{
	rp_error err = {0};

	if (prep_notes_load(lv->st, lv->meeting_id, &lv->prep, &err) != RP_OK)
		live_say(lv, true, _("prep notes not shown: %s"), live_why(&err));
}

static void *
live_open(app *a)
{
	live *lv = calloc(1, sizeof *lv);

	if (lv == NULL) {
		snprintf(a->msg, sizeof a->msg, "%s", _("out of memory"));
		return NULL;
	}
	*lv = (live){.st = a->st, .clock = a->clock, .meeting_id = a->meeting_id,
		     .focus = KEYMAP_NOTES, .browse = -1, .color = a->color};
	/* A lock held elsewhere must not freeze the keyboard: a save waits
	** only a moment, and what fails is tried again on the tick. */
	store_set_busy_timeout(a->st, LIVE_BUSY_TIMEOUT_MS);
	input_init(&lv->input);
	input_init(&lv->dialog_ask.in);
	listview_init(&lv->prompt_list);
	listview_init(&lv->agenda_list);
	snprintf(lv->status, sizeof lv->status, "%s", a->notice);  /* meet.h */
	lv->status_at = rp_clock_now(a->clock);
	a->notice[0] = '\0';
	lv->memo = prompt_memo_new();
	if (!live_reload(lv)) {
		store_set_busy_timeout(a->st, STORE_BUSY_TIMEOUT_MS);
		snprintf(a->msg, sizeof a->msg, "%s", lv->status);
		input_done(&lv->input);
		input_done(&lv->dialog_ask.in);
		prompt_memo_free(lv->memo);
		free(lv);
		return NULL;
	}
	load_prep_notes(lv);
	return lv;
}

static void
live_close(void *state)
{
	live *lv = state;

	input_done(&lv->input);
	input_done(&lv->dialog_ask.in);
	listview_done(&lv->prompt_list);
	listview_done(&lv->agenda_list);
	session_free(lv->s);
	prompt_memo_free(lv->memo);
	prep_notes_free(lv->prep);
	free(lv->draft);
	live_queue_free(lv);
	/* The other screens wait as long as the command line does. */
	store_set_busy_timeout(lv->st, STORE_BUSY_TIMEOUT_MS);
	free(lv);
}

static void
live_draw_op(app *a, void *state)
{
	(void)a;
	live_draw(state);
}

static void
live_draw_input_op(app *a, void *state)
{
	live *lv = state;

	(void)a;
	if (lv->lay.kind != LAYOUT_TOO_SMALL)
		live_draw_input(lv);
}

static int
live_key_op(app *a, void *state, wint_t key, bool function)
{
	live *lv = state;
	int h = live_key(state, key, function);

	/* A meeting discarded: back to the Clients screen, which says so. */
	if (lv->discarded) {
		snprintf(a->notice, sizeof a->notice, "%s", lv->status);
		a->screen = SCREEN_CLIENTS;
		return H_SWITCH;
	}
	/* An ended meeting goes to its recap. */
	if (h & H_ENDED) {
		a->screen = SCREEN_RECAP;
		return H_SWITCH;
	}
	return h;
}

static void
live_tick_op(app *a, void *state)
{
	live *lv = state;

	int64_t now = rp_clock_now(lv->clock);

	(void)a;
	/* An announcement fades, so an old one never stands for what is
	** happening now; an error stays until the next one. */
	if (lv->status[0] && !lv->status_error && now - lv->status_at >= LIVE_STATUS_SECONDS)
		lv->status[0] = lv->status_short[0] = '\0';
	/* A reload recomputes the prompts; else the clock may have changed them. */
	if (!live_sync(lv))
		recompute_prompts(lv);
	/* Notes that could not be saved are tried again, in the order typed. */
	live_retry(lv);
}

const screen_ops live_screen = {
	.name = "live",
	.open = live_open,
	.close = live_close,
	.draw = live_draw_op,
	.draw_input = live_draw_input_op,
	.key = live_key_op,
	.tick = live_tick_op,
};
