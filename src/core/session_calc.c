/* session_calc.c: pure questions asked of a loaded session. */
#include <string.h>

#include "rapport/session.h"

const session_item *
session_current_item(const session *s)
{
	for (size_t i = 0; i < s->nitems; i++)
		if (s->items[i].status == AGENDA_ACTIVE)
			return &s->items[i];
	return NULL;
}

int64_t
session_item_elapsed(const session_item *item, int64_t now)
{
	int64_t running = 0;

	if (item->status == AGENDA_ACTIVE && item->started_at > 0 && now > item->started_at)
		running = now - item->started_at;
	return item->spent_seconds + running;
}

void
session_talk_totals(const session *s, int64_t now, int64_t *you, int64_t *them,
		    int64_t *longest_client)
{
	int64_t y = 0, c = 0, longest = 0;

	for (size_t i = 0; i < s->ntalk; i++) {
		const session_talk *t = &s->talk[i];
		int64_t end = t->ended_at ? t->ended_at : now;
		int64_t len = end > t->started_at ? end - t->started_at : 0;

		if (t->speaker == TALK_SIDE_YOU) {
			y += len;
		} else {
			c += len;
			if (len > longest)
				longest = len;
		}
	}
	if (you)
		*you = y;
	if (them)
		*them = c;
	if (longest_client)
		*longest_client = longest;
}

int
session_talking(const session *s)
{
	if (s->ntalk == 0 || s->talk[s->ntalk - 1].ended_at != 0)
		return -1;
	return (int)s->talk[s->ntalk - 1].speaker;
}

bool
session_prompt_done(const session *s, const char *key)
{
	for (size_t i = 0; i < s->nprompts_done; i++)
		if (strcmp(s->prompts_done[i], key) == 0)
			return true;
	return false;
}
