/* test_prompt.c: the follow-up prompt engine (prompt.h, DESIGN.md §2.2).
**
** Sessions are built by hand.  The meeting started at T0, Thursday
** 2026-11-26 10:00:00 UTC, and "today" is that day; with the default cadence
** of 5 to 14 days the next check-in falls between Tue 1 Dec and Thu 10 Dec.
** Unless a test says otherwise the time is T0 + 10 minutes, when no rule
** that reads the clock has anything to say.
*/
#include "rapport/prompt.h"

#include <stdlib.h>

#include "rapport/text.h"
#include "tap.h"

#define T0 1795687200LL
#define MIN 60
#define QUIET (T0 + 10 * MIN)

static const rp_date today = { 2026, 11, 26 };

static prompt out[PROMPTS_MAX + 4];
static size_t nout;

/* A live meeting with nothing in it. */
static session
live(void)
{
	session s;

	memset(&s, 0, sizeof s);
	s.meeting_id = 7;
	s.client_id = 3;
	s.client_name = "Acme";
	s.title = "Kickoff";
	s.state = MEETING_LIVE;
	s.started_at = T0;
	s.cadence_min = 5;
	s.cadence_max = 14;
	return s;
}

static size_t
compute(const session *s, int64_t now)
{
	memset(out, 0, sizeof out);
	nout = prompt_compute(s, now, today, out, PROMPTS_MAX);
	return nout;
}

/* The prompt with key, or NULL. */
static const prompt *
find(const char *key)
{
	for (size_t i = 0; i < nout; i++)
		if (strcmp(out[i].key, key) == 0)
			return &out[i];
	return NULL;
}

/* The text of the prompt with key, or "(none)". */
static const char *
text_of(const char *key)
{
	const prompt *p = find(key);

	return p ? p->text : "(none)";
}

/* One note of kind with text, id 1, at T0 + 5 minutes. */
static session_note one_note[1];

static session
with_note(enum note_kind kind, const char *text)
{
	session s = live();

	one_note[0] = (session_note){ .id = 1, .at = T0 + 5 * MIN, .kind = kind, .text = text };
	s.notes = one_note;
	s.nnotes = 1;
	return s;
}

static void
kind_labels(void)
{
	CHECK_STR(prompt_kind_label(PROMPT_REFLECT), "Reflect");
	CHECK_STR(prompt_kind_label(PROMPT_DIG), "Dig deeper");
	CHECK_STR(prompt_kind_label(PROMPT_QUESTION), "Open question");
	CHECK_STR(prompt_kind_label(PROMPT_CLOSE), "Before you close");
	CHECK(prompt_kind_label(PROMPT_KIND_COUNT) == NULL);
	CHECK(prompt_kind_label((enum prompt_kind)-1) == NULL);
}

static void
empty_session(void)
{
	session s = live();

	CHECK_INT(compute(&s, QUIET), 0);
	CHECK_INT(prompt_compute(NULL, QUIET, today, out, PROMPTS_MAX), 0);
	CHECK_INT(prompt_compute(&s, QUIET, today, NULL, PROMPTS_MAX), 0);
}

static void
reflect(void)
{
	session s = with_note(NOTE_CONCERN, "the API slips");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_REFLECT);
	CHECK_STR(out[0].key, "reflect:n1");
	CHECK_STR(out[0].text, "You're worried that the API slips — did I get that right?");
	CHECK_INT(out[0].note_id, 1);
	CHECK_INT(out[0].item_id, 0);
	CHECK_INT(out[0].rank, 55);
}

static void
reflect_drops_the_worry_itself(void)
{
	session s = with_note(NOTE_CONCERN, "Worried that the API slips");

	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that the API slips — did I get that right?");
	s = with_note(NOTE_CONCERN, "concerned about budget cuts");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried about budget cuts — did I get that right?");
	s = with_note(NOTE_CONCERN, "afraid that legal says no");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that legal says no — did I get that right?");
	/* A French client's worry, said with the conjunction it came with. */
	s = with_note(NOTE_CONCERN, "Inquiète de la date");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "Si je vous suis bien, vous vous inquiétez de la date" NNBSP
					 ": c'est bien ça" NNBSP "?");
	s = with_note(NOTE_CONCERN, "peur qu'on rate la date");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "Si je vous suis bien, vous craignez qu'on rate la date" NNBSP
					 ": c'est bien ça" NNBSP "?");
	s = with_note(NOTE_CONCERN, "peur d’être en retard");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "Si je vous suis bien, vous avez peur d’être en retard" NNBSP
					 ": c'est bien ça" NNBSP "?");
	/* A marker typed twice is no word of the note. */
	s = with_note(NOTE_CONCERN, "! worried the API slips");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "You're worried that the API slips — did I get that right?");
	s = with_note(NOTE_CONCERN, "!!");
	CHECK_INT(compute(&s, QUIET), 0);
	s = with_note(NOTE_CONCERN, "-10% on the licence budget");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried about -10% on the licence budget — did I get that right?");
	/* Nothing is left but the worry: ask what it is about. */
	s = with_note(NOTE_CONCERN, "worried about");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "What worries you most, exactly?");
	/* The word alone goes too. */
	s = with_note(NOTE_CONCERN, "worried the API slips");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that the API slips — did I get that right?");
	/* Someone else's worry is said back as theirs; the client's "we" is
	** "you". */
	s = with_note(NOTE_CONCERN, "legal is worried that we slip");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "So legal is worried that you slip — did I get that right?");
}

static void
dig(void)
{
	session s = with_note(NOTE_NEED, "a dashboard for sales");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_DIG);
	CHECK_STR(out[0].key, "dig:n1");
	CHECK_STR(out[0].text, "What would a dashboard for sales make possible for you?");
}

static void
confirm(void)
{
	session s = with_note(NOTE_DECISION, "go with vendor B");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_CONFIRM);
	CHECK_STR(out[0].key, "confirm:n1");
	CHECK_STR(out[0].text, "Who owns \"go with vendor B\", and by when?");
}

static void
question(void)
{
	session s = with_note(NOTE_QUESTION, "who signs off on the budget?");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_QUESTION);
	CHECK_STR(out[0].key, "question:n1");
	CHECK_STR(out[0].text,
		  "Who signs off on the budget? — answer now, or log it as an action");
}

static void
note_rules_need_their_kind(void)
{
	session s = with_note(NOTE_PLAIN, "the API slips");

	CHECK_INT(compute(&s, QUIET), 0);
	s = with_note(NOTE_QUOTE, "we need a dashboard");
	CHECK_INT(compute(&s, QUIET), 0);
	s = with_note(NOTE_PERSONAL, "worried about the dog");
	CHECK_INT(compute(&s, QUIET), 0);
}

static void
private_notes_never_prompt(void)
{
	session s = with_note(NOTE_PRIVATE, "they want it soon and cheap, ASAP");

	CHECK_INT(compute(&s, QUIET), 0);
}

static void
dismissed_note_prompts(void)
{
	const char *done[] = { "reflect:n1", "dig:n2", "confirm:n3", "question:n4", "pin:n5",
			       "clarify:n6" };
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_CONCERN, .text = "the API slips" },
		{ .id = 2, .at = T0 + 120, .kind = NOTE_NEED, .text = "a dashboard" },
		{ .id = 3, .at = T0 + 180, .kind = NOTE_DECISION, .text = "vendor B" },
		{ .id = 4, .at = T0 + 240, .kind = NOTE_QUESTION, .text = "who pays?" },
		{ .id = 5, .at = T0 + 300, .kind = NOTE_ACTION, .text = "send the plan" },
		{ .id = 6, .at = T0 + 360, .kind = NOTE_PLAIN, .text = "they want it soon" },
	};
	session s = live();

	s.notes = notes;
	s.nnotes = 6;
	CHECK_INT(compute(&s, QUIET), 6);
	s.prompts_done = done;
	s.nprompts_done = 6;
	CHECK_INT(compute(&s, QUIET), 0);
	/* Another note of the same kind is another situation. */
	s.nprompts_done = 1;
	notes[1].kind = NOTE_CONCERN;
	compute(&s, QUIET);
	CHECK(find("reflect:n1") == NULL);
	CHECK_STR(text_of("reflect:n2"),
		  "You're worried about a dashboard — did I get that right?");
}

/* A long meeting: the newest notes speak, newest first; a dismissed one
** steps aside for the next older; two notes of one second keep the order
** they were taken in.  (A rule reads the notes from the newest only while
** one could still be kept.) */
static void
newest_notes_first_in_a_long_meeting(void)
{
	static session_note notes[300];
	static char text[300][32];
	const char *done[] = { "reflect:n300", "reflect:n298" };
	const int want[] = { 299, 296, 297, 295, 294, 293, 292, 291, 290, 289, 288, 287 };
	session s = live();
	char key[32];

	for (int i = 0; i < 300; i++) {
		snprintf(text[i], sizeof text[i], "the API %d slips", i + 1);
		notes[i] = (session_note){ .id = i + 1, .at = T0 + 2 * i, .kind = NOTE_CONCERN,
					   .text = text[i] };
	}
	notes[296].at = notes[295].at;
	s.notes = notes;
	s.nnotes = 300;
	s.prompts_done = done;
	s.nprompts_done = 2;
	CHECK_INT(compute(&s, T0 + 600), PROMPTS_MAX);
	for (int k = 0; k < PROMPTS_MAX && k < (int)nout; k++) {
		snprintf(key, sizeof key, "reflect:n%d", want[k]);
		CHECK_STR(out[k].key, key);
	}
	CHECK_STR(out[0].text, "You're worried that the API 299 slips — did I get that right?");
}

static void
clarify(void)
{
	session s = with_note(NOTE_PLAIN, "they want the export soon, and cheap");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_CLARIFY);
	CHECK_STR(out[0].key, "clarify:n1");
	CHECK_INT(out[0].note_id, 1);
	CHECK_STR(out[0].text,
		  "When you say \"soon\", which date would make it a win for you?");
	/* Each kind of vague word asks for what it leaves open. */
	s = with_note(NOTE_PLAIN, "they need it to scale quickly");
	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"), "When you say \"quickly\", what would be quick enough: a "
					 "date, a number?");
	s = with_note(NOTE_PLAIN, "we'll need several licences");
	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"), "When you say \"several\", how many do you have in mind?");
	s = with_note(NOTE_PLAIN, "it has to be cheap");
	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"), "When you say \"cheap\", what budget do you have in mind?");
	s = with_note(NOTE_PLAIN, "il nous faut quelques jours de plus");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"), "Quand vous dites «" NNBSP "quelques" NNBSP
					 "», combien, à peu près" NNBSP "?");
	s = with_note(NOTE_PLAIN, "une solution pas chère");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"), "Quand vous dites «" NNBSP "pas chère" NNBSP
					 "», vous pensez à quel budget" NNBSP "?");
}

static void
clarify_on_every_kind_but_private_and_personal(void)
{
	session s = with_note(NOTE_QUOTE, "we need it ASAP");

	compute(&s, QUIET);
	CHECK_STR(text_of("clarify:n1"),
		  "When you say \"ASAP\", which date would make it a win for you?");
	/* A need with a vague word gets both prompts, one after the other. */
	s = with_note(NOTE_NEED, "a better report");
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(text_of("clarify:n1"),
		  "When you say \"better\", what would that look like, concretely: a number, an "
		  "example?");
	{
		static const char *done[] = { "clarify:n1" };

		s.prompts_done = done;
		s.nprompts_done = 1;
		CHECK_INT(compute(&s, QUIET), 1);
		CHECK_STR(text_of("dig:n1"), "What would a better report make possible for you?");
		s.prompts_done = NULL;
		s.nprompts_done = 0;
	}
	s = with_note(NOTE_PERSONAL, "big fan of quick weekend trips");
	CHECK_INT(compute(&s, QUIET), 0);
}

static void
vague_words_english(void)
{
	char word[64];

	CHECK_INT(prompt_vague_word("ship it quickly please", word, sizeof word), 1);
	CHECK_STR(word, "quickly");
	CHECK_INT(prompt_vague_word("Ship it ASAP!", word, sizeof word), 1);
	CHECK_STR(word, "ASAP");
	CHECK_INT(prompt_vague_word("we want it as soon as possible", word, sizeof word), 1);
	CHECK_STR(word, "as soon as possible");
	CHECK_INT(prompt_vague_word("as soon as we can", word, sizeof word), 1);
	CHECK_STR(word, "soon");
	CHECK_INT(prompt_vague_word("a Big change, then several more", word, sizeof word), 1);
	CHECK_STR(word, "Big");
	CHECK_INT(prompt_vague_word("improve onboarding", word, sizeof word), 1);
	CHECK_STR(word, "improve");
}

static void
vague_words_french(void)
{
	char word[64];

	CHECK_INT(prompt_vague_word("livrer BIENTÔT", word, sizeof word), 1);
	CHECK_STR(word, "BIENTÔT");
	CHECK_INT(prompt_vague_word("on verra plus tard", word, sizeof word), 1);
	CHECK_STR(word, "plus tard");
	CHECK_INT(prompt_vague_word("une solution pas cher", word, sizeof word), 1);
	CHECK_STR(word, "pas cher");
	CHECK_INT(prompt_vague_word("il faut améliorer le flux", word, sizeof word), 1);
	CHECK_STR(word, "améliorer");
	CHECK_INT(prompt_vague_word("viser l'optimal", word, sizeof word), 1);
	CHECK_STR(word, "optimal");
	CHECK_INT(prompt_vague_word("Rapidement, svp", word, sizeof word), 1);
	CHECK_STR(word, "Rapidement");
	CHECK_INT(prompt_vague_word("quelques écrans", word, sizeof word), 1);
	CHECK_STR(word, "quelques");
}

static void
vague_words_whole_words_only(void)
{
	char word[64] = "untouched";

	CHECK_INT(prompt_vague_word("a bigger screen", word, sizeof word), 0);
	CHECK_STR(word, "untouched");
	CHECK_INT(prompt_vague_word("somewhere handsome", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("breakfast at the embassy", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("grand-père arrive", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("plus de tard", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("plus, tard", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("soonish", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("", word, sizeof word), 0);
	CHECK_INT(prompt_vague_word(NULL, word, sizeof word), 0);
	CHECK_INT(prompt_vague_word("東京で会議", word, sizeof word), 0);
}

static void
vague_word_first_one_and_small_buffer(void)
{
	char word[5], w7[7];

	CHECK_INT(prompt_vague_word("quelques écrans, bientôt", word, sizeof word), 1);
	CHECK_STR(word, "quel");
	/* A cut never splits a character: "bientôt" is b-i-e-n-t-ô. */
	CHECK_INT(prompt_vague_word("bientôt", w7, sizeof w7), 1);
	CHECK_STR(w7, "bient");
	CHECK_INT(prompt_vague_word("bientôt", NULL, 0), 1);
}

static void
pin(void)
{
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_ACTION, .text = "send the revised plan" },
		{ .id = 2, .at = T0 + 60, .kind = NOTE_ACTION, .text = "book the room ^fri",
		  .has_due = true },
		{ .id = 3, .at = T0 + 60, .kind = NOTE_ACTION, .text = "@anna call legal",
		  .has_owner = true },
		{ .id = 4, .at = T0 + 60, .kind = NOTE_ACTION, .text = "@me write specs ^mon",
		  .has_owner = true, .has_due = true },
	};
	session s = live();

	s.notes = notes;
	s.nnotes = 4;
	CHECK_INT(compute(&s, QUIET), 3);
	CHECK_STR(text_of("pin:n1"), "Who will do \"send the revised plan\", and by when?");
	CHECK_STR(text_of("pin:n2"), "Who will do \"book the room\"?");
	CHECK_STR(text_of("pin:n3"), "By when will \"call legal\" be done?");
	CHECK(find("pin:n4") == NULL);
	CHECK_INT(find("pin:n1")->kind, PROMPT_PIN);
	CHECK_INT(find("pin:n1")->rank, 50);
}

/* One agenda: Intro done, Budget current with a 10-minute timebox, then
** Risks, Hiring (skipped), Next steps. */
static session_item agenda[5];

static session
with_agenda(int64_t budget_spent)
{
	session s = live();

	agenda[0] = (session_item){ .id = 11, .position = 1, .title = "Intro",
				    .timebox_minutes = 5, .status = AGENDA_DONE,
				    .spent_seconds = 300 };
	agenda[1] = (session_item){ .id = 12, .position = 2, .title = "Budget",
				    .timebox_minutes = 10, .status = AGENDA_ACTIVE,
				    .started_at = QUIET - budget_spent };
	agenda[2] = (session_item){ .id = 13, .position = 3, .title = "Risks",
				    .timebox_minutes = 10, .status = AGENDA_PENDING };
	agenda[3] = (session_item){ .id = 14, .position = 4, .title = "Hiring",
				    .status = AGENDA_SKIPPED };
	agenda[4] = (session_item){ .id = 15, .position = 5, .title = "Next steps",
				    .timebox_minutes = 5, .status = AGENDA_PENDING };
	s.items = agenda;
	s.nitems = 5;
	return s;
}

static void
time_left(void)
{
	session s = with_agenda(7 * MIN);

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_TIME);
	CHECK_STR(out[0].key, "time70:i12");
	CHECK_STR(out[0].text, "Budget: 3' left");
	CHECK_INT(out[0].item_id, 12);
	CHECK_INT(out[0].rank, 80);
	/* 7'01" spent: 2'59" left, rounded up. */
	s = with_agenda(7 * MIN + 1);
	compute(&s, QUIET);
	CHECK_STR(text_of("time70:i12"), "Budget: 3' left");
	s = with_agenda(10 * MIN - 1);
	compute(&s, QUIET);
	CHECK_STR(text_of("time70:i12"), "Budget: 1' left");
	/* Earlier stretches count too. */
	s = with_agenda(2 * MIN);
	agenda[1].spent_seconds = 5 * MIN;
	compute(&s, QUIET);
	CHECK_STR(text_of("time70:i12"), "Budget: 3' left");
}

static void
time_left_threshold(void)
{
	session s = with_agenda(7 * MIN - 1);

	CHECK_INT(compute(&s, QUIET), 0);
	s = with_agenda(7 * MIN);
	agenda[1].timebox_minutes = 0;
	CHECK_INT(compute(&s, QUIET), 0);
	/* No current item. */
	s = with_agenda(7 * MIN);
	agenda[1].status = AGENDA_PENDING;
	CHECK_INT(compute(&s, QUIET), 0);
}

static void
time_over(void)
{
	session s = with_agenda(10 * MIN);

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_TIME);
	CHECK_STR(out[0].key, "over:i12");
	CHECK_INT(out[0].rank, 100);
	CHECK_STR(out[0].text,
		  "Budget is 1' over — park it, or take the time from Risks, Next steps?");
	s = with_agenda(12 * MIN + 5);
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i12"),
		  "Budget is 3' over — park it, or take the time from Risks, Next steps?");
	CHECK(find("time70:i12") == NULL);
}

static void
time_over_without_later_items(void)
{
	session s = with_agenda(13 * MIN);

	agenda[2].status = AGENDA_DONE;
	agenda[4].status = AGENDA_PARKED;
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i12"), "Budget is 3' over — park it, or run over?");
}

static void
time_over_many_later_items(void)
{
	session_item items[] = {
		{ .id = 1, .title = "Budget", .timebox_minutes = 10, .status = AGENDA_ACTIVE,
		  .started_at = QUIET - 11 * MIN },
		{ .id = 2, .title = "Risks", .status = AGENDA_PENDING },
		{ .id = 3, .title = "Hiring", .status = AGENDA_PENDING },
		{ .id = 4, .title = "Roadmap", .status = AGENDA_PENDING },
		{ .id = 5, .title = "Next steps", .status = AGENDA_PENDING },
	};
	session s = live();

	s.items = items;
	s.nitems = 5;
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i1"),
		  "Budget is 1' over — park it, or take the time from Risks, Hiring, Roadmap…?");
	/* Exactly three: no ellipsis. */
	s.nitems = 4;
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i1"),
		  "Budget is 1' over — park it, or take the time from Risks, Hiring, Roadmap?");
}

static void
time_dismissed(void)
{
	const char *done[] = { "over:i12", "time70:i12" };
	session s = with_agenda(12 * MIN);

	s.prompts_done = done;
	s.nprompts_done = 2;
	CHECK_INT(compute(&s, QUIET), 0);
	s = with_agenda(8 * MIN);
	s.prompts_done = done;
	s.nprompts_done = 2;
	CHECK_INT(compute(&s, QUIET), 0);
}

static void
listen_share(void)
{
	/* In the last 5 minutes: client 100 s, you 200 s (a stretch that began
	** 10 minutes ago counts only from the window's start): 66.7 %. */
	session_talk talk[] = {
		{ TALK_SIDE_YOU, QUIET - 600, QUIET - 250 },
		{ TALK_SIDE_CLIENT, QUIET - 250, QUIET - 150 },
		{ TALK_SIDE_YOU, QUIET - 150, QUIET },
	};
	session s = live();

	s.talk = talk;
	s.ntalk = 3;
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_INT(out[0].kind, PROMPT_LISTEN);
	CHECK_STR(out[0].key, "listen:5985626");
	CHECK_INT(out[0].rank, 90);
	CHECK_STR(out[0].text, "You've talked 67 % lately — ask an open question and listen");
}

static void
listen_share_threshold(void)
{
	/* 180 s of 300: 60 %, not above. */
	session_talk talk[] = {
		{ TALK_SIDE_CLIENT, QUIET - 300, QUIET - 180 },
		{ TALK_SIDE_YOU, QUIET - 180, QUIET },
	};
	session s = live();

	s.talk = talk;
	s.ntalk = 2;
	CHECK_INT(compute(&s, QUIET), 0);
	talk[0].ended_at = QUIET - 181;
	talk[1].started_at = QUIET - 181;
	compute(&s, QUIET);
	CHECK_STR(text_of("listen:5985626"),
		  "You've talked 60 % lately — ask an open question and listen");
	/* Too little talk for a share to mean anything: 50 s, all yours. */
	talk[0] = (session_talk){ TALK_SIDE_YOU, QUIET - 50, QUIET };
	s.ntalk = 1;
	CHECK_INT(compute(&s, QUIET), 0);
	talk[0].started_at = QUIET - 60;
	compute(&s, QUIET);
	CHECK_STR(text_of("listen:5985626"),
		  "You've talked 100 % lately — ask an open question and listen");
}

static void
listen_monologue(void)
{
	/* The client spoke 180 s, you 120 s without a break: 40 %. */
	session_talk talk[] = {
		{ TALK_SIDE_CLIENT, QUIET - 300, QUIET - 120 },
		{ TALK_SIDE_YOU, QUIET - 120, 0 },
	};
	session s = live();

	s.talk = talk;
	s.ntalk = 2;
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(out[0].key, "listen:5985626");
	CHECK_STR(out[0].text,
		  "You've talked for 2' without a break — ask an open question and listen");
	talk[0].ended_at = QUIET - 119;
	talk[1].started_at = QUIET - 119;
	CHECK_INT(compute(&s, QUIET), 0);
	/* Stretches of yours that touch are one. */
	session_talk joined[] = {
		{ TALK_SIDE_CLIENT, QUIET - 300, QUIET - 130 },
		{ TALK_SIDE_YOU, QUIET - 130, QUIET - 60 },
		{ TALK_SIDE_YOU, QUIET - 60, 0 },
	};
	s.talk = joined;
	s.ntalk = 3;
	compute(&s, QUIET);
	CHECK_STR(text_of("listen:5985626"),
		  "You've talked for 2' without a break — ask an open question and listen");
	/* A gap is a break. */
	joined[2].started_at = QUIET - 59;
	CHECK_INT(compute(&s, QUIET), 0);
}

static void
listen_dismissed_for_the_window(void)
{
	const char *done[] = { "listen:5985626" };
	session_talk talk[] = { { TALK_SIDE_YOU, QUIET - 200, 0 } };
	session s = live();

	s.talk = talk;
	s.ntalk = 1;
	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, QUIET), 0);
	/* QUIET is 5985625 * 300 + 0: the next window starts 5 minutes on. */
	CHECK_INT(compute(&s, QUIET + 299), 0);
	compute(&s, QUIET + 300);
	CHECK_STR(text_of("listen:5985627"),
		  "You've talked 100 % lately — ask an open question and listen");
}

static void
summarise(void)
{
	session_note notes[] = {
		{ .id = 1, .at = T0 + 3 * MIN, .kind = NOTE_PLAIN, .text = "new CFO" },
	};
	session_talk talk[] = { { TALK_SIDE_CLIENT, T0 + 4 * MIN, 0 } };
	session s = live();

	s.notes = notes;
	s.nnotes = 1;
	s.talk = talk;
	s.ntalk = 1;
	CHECK_INT(compute(&s, T0 + 8 * MIN), 1);
	CHECK_INT(out[0].kind, PROMPT_SUMMARISE);
	CHECK_STR(out[0].key, "summarise:1795687380");
	CHECK_INT(out[0].rank, 70);
	CHECK_STR(out[0].text, "Summarise back what you've heard so far: \"If I've followed you…\"");
	CHECK_INT(compute(&s, T0 + 8 * MIN - 1), 0);
	/* No note yet: since the start. */
	s.nnotes = 0;
	CHECK_INT(compute(&s, T0 + 5 * MIN - 1), 0);
	compute(&s, T0 + 5 * MIN);
	CHECK_STR(text_of("summarise:1795687200"), "Summarise back what you've heard so far: \"If I've followed you…\"");
}

static void
summarise_only_while_the_client_talks(void)
{
	const char *done[] = { "summarise:1795687200" };
	session_talk talk[] = { { TALK_SIDE_CLIENT, T0, T0 + 9 * MIN } };
	session s = live();

	s.talk = talk;
	s.ntalk = 1;
	CHECK_INT(compute(&s, QUIET), 0);
	talk[0].ended_at = 0;
	CHECK_INT(compute(&s, QUIET), 1);
	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, QUIET), 0);
}

static session_fact facts[4];

static session
with_facts(void)
{
	session s = live();

	facts[0] = (session_fact){ .id = 24, .kind = "family", .text = "a new baby girl, Lena",
				   .learned_at = T0 + 2 * MIN, .learned_on = { 2026, 11, 26 },
				   .meeting_id = 7 };
	facts[1] = (session_fact){ .id = 23, .kind = "travel",
				   .text = "back from business trip to Bali",
				   .learned_at = T0 - 23 * 86400, .learned_on = { 2026, 11, 3 },
				   .meeting_id = 5 };
	facts[2] = (session_fact){ .id = 22, .kind = "sport", .text = "runs the Paris marathon",
				   .learned_at = T0 - 60 * 86400, .learned_on = { 2026, 9, 27 } };
	facts[3] = (session_fact){ .id = 21, .kind = "food", .text = "vegetarian",
				   .learned_at = T0 - 400 * 86400, .learned_on = { 2025, 10, 22 },
				   .meeting_id = 2 };
	s.facts = facts;
	s.nfacts = 4;
	return s;
}

static void
small_talk(void)
{
	session s = with_facts();

	CHECK_INT(compute(&s, T0 + 60), 2);
	CHECK_INT(out[0].kind, PROMPT_SMALL_TALK);
	CHECK_INT(out[0].rank, 65);
	CHECK_STR(out[0].key, "smalltalk:f23");
	CHECK_STR(out[0].text,
		  "How was your trip to Bali? (noted 3 Nov)");
	CHECK_STR(out[1].key, "smalltalk:f22");
	CHECK_STR(out[1].text, "How is the training for the Paris marathon going? (noted 27 Sep)");
}

static void
small_talk_threshold(void)
{
	session s = with_facts();

	CHECK_INT(compute(&s, T0 + 5 * MIN - 1), 2);
	CHECK_INT(compute(&s, T0 + 5 * MIN), 0);
	s.nfacts = 0;
	CHECK_INT(compute(&s, T0), 0);
}

static void
small_talk_dismissed_brings_the_next(void)
{
	const char *done[] = { "smalltalk:f23" };
	session s = with_facts();

	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, T0), 2);
	CHECK_STR(out[0].key, "smalltalk:f22");
	CHECK_STR(out[1].key, "smalltalk:f21");
	CHECK_STR(out[1].text, "Tried any good restaurants lately? (noted 22 Oct 2025)");
}

/* A fact past its until date, or one that did not happen, is no small talk:
** the next ones come up. */
static void
small_talk_skips_stale_and_called_off(void)
{
	session s = with_facts();

	facts[1].until = (rp_date){ 2026, 11, 25 };
	facts[2].text = "the Paris marathon was cancelled";
	CHECK_INT(compute(&s, T0), 1);
	CHECK_STR(out[0].key, "smalltalk:f21");
	facts[1].until = (rp_date){ 2026, 11, 26 };  /* until today: still on */
	CHECK_INT(compute(&s, T0), 2);
	CHECK_STR(out[0].key, "smalltalk:f23");
	CHECK_STR(out[1].key, "smalltalk:f21");
	/* A fact about one of the client's people asks them by name. */
	facts[1].person = "Zoë Lefèvre";
	CHECK_INT(compute(&s, T0), 2);
	CHECK_STR(out[0].text, "Zoë, how was your trip to Bali? (noted 3 Nov)");
}

static session_walk walks[3];

static session
with_walkthrough(void)
{
	session s = with_agenda(1 * MIN);

	walks[0] = (session_walk){ "Alice", "built the importer", 960, "client API keys" };
	walks[1] = (session_walk){ "Bob", "wrote the tests", 45, NULL };
	walks[2] = (session_walk){ "Chloé", "fixed the login", -1, "" };
	agenda[1].walk = walks;
	agenda[1].nwalk = 3;
	return s;
}

static void
walk(void)
{
	session s = with_walkthrough();

	CHECK_INT(compute(&s, QUIET), 3);
	CHECK_INT(out[0].kind, PROMPT_WALK);
	CHECK_INT(out[0].rank, 60);
	CHECK_INT(out[0].item_id, 12);
	CHECK_STR(out[0].key, "walk:i12:0");
	CHECK_STR(out[0].text,
		  "Alice built the importer (16h) (depends on client API keys)");
	CHECK_STR(out[1].key, "walk:i12:1");
	CHECK_STR(out[1].text, "Bob wrote the tests (45')");
	CHECK_STR(out[2].key, "walk:i12:2");
	CHECK_STR(out[2].text, "Chloé fixed the login");
}

static void
walk_only_for_the_current_item(void)
{
	const char *done[] = { "walk:i12:1" };
	session s = with_walkthrough();

	agenda[1].status = AGENDA_DONE;
	CHECK_INT(compute(&s, QUIET), 0);
	agenda[1].status = AGENDA_ACTIVE;
	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, QUIET), 2);
	CHECK_STR(out[0].key, "walk:i12:0");
	CHECK_STR(out[1].key, "walk:i12:2");
}

static void
close_meeting(void)
{
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_DECISION, .text = "vendor B",
		  .has_owner = true },
		{ .id = 2, .at = T0 + 120, .kind = NOTE_ACTION, .text = "@me send plan ^fri",
		  .has_owner = true, .has_due = true },
		{ .id = 3, .at = T0 + 180, .kind = NOTE_ACTION, .text = "@anna call ^mon",
		  .has_owner = true, .has_due = true },
		{ .id = 4, .at = T0 + 240, .kind = NOTE_PRIVATE, .text = "decide on pricing" },
	};
	const char *done[] = { "confirm:n1" };
	session s = live();

	s.notes = notes;
	s.nnotes = 4;
	s.prompts_done = done;
	s.nprompts_done = 1;
	s.planned_minutes = 45;
	CHECK_INT(compute(&s, T0 + 40 * MIN), 1);
	CHECK_INT(out[0].kind, PROMPT_CLOSE);
	CHECK_STR(out[0].key, "close");
	CHECK_INT(out[0].rank, 85);
	CHECK_STR(out[0].text,
		  "Recap 1 decision and 2 actions; agree the next check-in "
		  "(between Tue 1 Dec and Thu 10 Dec)");
	CHECK_INT(compute(&s, T0 + 40 * MIN - 1), 0);
	/* Past the planned end it stays until dismissed. */
	CHECK_INT(compute(&s, T0 + 60 * MIN), 1);
	s.planned_minutes = 0;
	CHECK_INT(compute(&s, T0 + 60 * MIN), 0);
}

static void
close_wording(void)
{
	const char *done[] = { "close" };
	session s = live();

	s.planned_minutes = 30;
	s.cadence_min = 7;
	s.cadence_max = 7;
	compute(&s, T0 + 25 * MIN);
	CHECK_STR(text_of("close"),
		  "Recap 0 decisions and 0 actions; agree the next check-in "
		  "(Thu 3 Dec)");
	s.cadence_min = 0;
	s.cadence_max = 0;
	compute(&s, T0 + 25 * MIN);
	CHECK_STR(text_of("close"),
		  "Recap 0 decisions and 0 actions; agree the next check-in");
	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, T0 + 25 * MIN), 0);
}

static void
clock_rules_only_while_live(void)
{
	session s = with_walkthrough();
	session_talk talk[] = { { TALK_SIDE_YOU, QUIET - 200, 0 } };
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_CONCERN, .text = "the API slips" },
	};

	agenda[1].started_at = QUIET - 12 * MIN;
	s.talk = talk;
	s.ntalk = 1;
	s.notes = notes;
	s.nnotes = 1;
	s.planned_minutes = 10;
	CHECK_INT(compute(&s, QUIET), 7);
	s.state = MEETING_ENDED;
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(out[0].key, "reflect:n1");
	s.state = MEETING_PLANNED;
	s.started_at = 0;
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(out[0].key, "reflect:n1");
	/* Live without a start time is not live. */
	s.state = MEETING_LIVE;
	CHECK_INT(compute(&s, QUIET), 1);
}

/* A busy moment: Budget over, you talking, notes of every kind. */
static session_note busy_notes[] = {
	{ .id = 1, .at = T0 + 60, .kind = NOTE_CONCERN, .text = "the API slips" },
	{ .id = 2, .at = T0 + 120, .kind = NOTE_QUESTION, .text = "who pays for hosting?" },
	{ .id = 3, .at = T0 + 180, .kind = NOTE_NEED, .text = "a simple export" },
	{ .id = 4, .at = T0 + 240, .kind = NOTE_DECISION, .text = "vendor B" },
	{ .id = 5, .at = T0 + 300, .kind = NOTE_ACTION, .text = "send the plan" },
	{ .id = 6, .at = T0 + 360, .kind = NOTE_CONCERN, .text = "hiring is slow" },
	{ .id = 7, .at = T0 + 360, .kind = NOTE_PRIVATE, .text = "they seem worried" },
};
static session_talk busy_talk[] = { { TALK_SIDE_YOU, QUIET - 200, 0 } };

static session
busy(void)
{
	session s = with_agenda(11 * MIN);

	s.notes = busy_notes;
	s.nnotes = 7;
	s.talk = busy_talk;
	s.ntalk = 1;
	return s;
}

static void
ranking(void)
{
	session s = busy();

	CHECK_INT(compute(&s, QUIET), 8);
	CHECK_STR(out[0].key, "over:i12");
	CHECK_STR(out[1].key, "listen:5985626");
	/* Of two concerns the newer comes first. */
	CHECK_STR(out[2].key, "reflect:n6");
	CHECK_STR(out[3].key, "reflect:n1");
	CHECK_STR(out[4].key, "pin:n5");
	CHECK_STR(out[5].key, "confirm:n4");
	CHECK_STR(out[6].key, "clarify:n3");  /* note 3's Dig deeper waits for it */
	CHECK_STR(out[7].key, "question:n2");
	for (size_t i = 1; i < nout; i++)
		CHECK(out[i - 1].rank >= out[i].rank);
}

/* A concern with a vague word: Reflect first, Clarify once it is used or
** dismissed; never both at once. */
static void
one_prompt_per_note_at_a_time(void)
{
	static const char *done[] = { "reflect:n1", "clarify:n1" };
	session s = with_note(NOTE_CONCERN, "worried the API slips soon");

	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(out[0].key, "reflect:n1");
	s.prompts_done = done;
	s.nprompts_done = 1;
	CHECK_INT(compute(&s, QUIET), 1);
	CHECK_STR(out[0].key, "clarify:n1");
	s.nprompts_done = 2;
	CHECK_INT(compute(&s, QUIET), 0);
}

/* Old notes' prompts fade once PROMPT_FRESH_FILL fresher ones rank above
** them; not before. */
static void
stale_prompts_fade(void)
{
	session_note notes[PROMPT_FRESH_FILL + 3];
	char texts[PROMPT_FRESH_FILL + 3][32];
	int64_t now = T0 + 40 * MIN;
	size_t n = 0;
	session s = live();

	/* Three concerns at the start, then fresh ones a minute ago. */
	for (int i = 0; i < 3; i++, n++) {
		snprintf(texts[n], sizeof texts[n], "old worry %d", i);
		notes[n] = (session_note){ .id = (int64_t)n + 1, .at = T0 + (i + 1) * MIN,
					   .kind = NOTE_CONCERN, .text = texts[n] };
	}
	for (int i = 0; i < PROMPT_FRESH_FILL; i++, n++) {
		snprintf(texts[n], sizeof texts[n], "new worry %d", i);
		notes[n] = (session_note){ .id = (int64_t)n + 1, .at = now - MIN,
					   .kind = NOTE_CONCERN, .text = texts[n] };
	}
	s.notes = notes;
	/* Fewer fresh prompts than the fill: the old ones stay, after them. */
	s.nnotes = 3 + PROMPT_FRESH_FILL - 1;
	CHECK_INT(compute(&s, now), 3 + PROMPT_FRESH_FILL - 1);
	CHECK_STR(out[nout - 1].key, "reflect:n1");
	/* The fill reached: every old one fades. */
	s.nnotes = 3 + PROMPT_FRESH_FILL;
	CHECK_INT(compute(&s, now), PROMPT_FRESH_FILL);
	CHECK(find("reflect:n1") == NULL && find("reflect:n3") == NULL);
	CHECK(find("reflect:n4") != NULL && find("reflect:n8") != NULL);
	/* Within PROMPT_STALE_SECONDS of the first note nothing is stale. */
	for (size_t i = 3; i < n; i++)
		notes[i].at = T0 + 4 * MIN;
	CHECK_INT(compute(&s, T0 + 1 * MIN + PROMPT_STALE_SECONDS), 3 + PROMPT_FRESH_FILL);
}

static void
ranking_ties_keep_note_order(void)
{
	/* Same rank, same time: the order of the notes. */
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_CONCERN, .text = "one" },
		{ .id = 2, .at = T0 + 60, .kind = NOTE_CONCERN, .text = "two" },
		{ .id = 3, .at = T0 + 30, .kind = NOTE_CONCERN, .text = "three" },
	};
	session s = live();

	s.notes = notes;
	s.nnotes = 3;
	CHECK_INT(compute(&s, QUIET), 3);
	CHECK_STR(out[0].key, "reflect:n1");
	CHECK_STR(out[1].key, "reflect:n2");
	CHECK_STR(out[2].key, "reflect:n3");
}

static void
max_limit(void)
{
	session s = busy();
	prompt few[3];

	CHECK_INT(prompt_compute(&s, QUIET, today, few, 3), 3);
	CHECK_STR(few[0].key, "over:i12");
	CHECK_STR(few[1].key, "listen:5985626");
	CHECK_STR(few[2].key, "reflect:n6");
	CHECK_INT(prompt_compute(&s, QUIET, today, few, 1), 1);
	CHECK_STR(few[0].key, "over:i12");
	CHECK_INT(prompt_compute(&s, QUIET, today, few, 0), 0);
}

static void
max_limit_is_capped(void)
{
	session_note notes[20];
	session s = live();
	prompt many[30];

	for (int i = 0; i < 20; i++)
		notes[i] = (session_note){ .id = i + 1, .at = T0 + i, .kind = NOTE_QUESTION,
					   .text = "who pays?" };
	s.notes = notes;
	s.nnotes = 20;
	CHECK_INT(prompt_compute(&s, QUIET, today, many, 30), PROMPTS_MAX);
	/* The newest twelve, newest first. */
	CHECK_STR(many[0].key, "question:n20");
	CHECK_STR(many[11].key, "question:n9");
}

static void
excerpt_cut_at_a_word(void)
{
	session s = with_note(NOTE_CONCERN, "the new billing system will not be ready before the end "
					    "of the quarter, and finance will not wait for it");

	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that the new billing system will not be ready before the end of "
		  "the quarter… — did I get that right?");
	/* Seventy-two characters fit as they are; blanks are collapsed. */
	s = with_note(NOTE_DECISION, "  ship   the new billing system in March  ");
	compute(&s, QUIET);
	CHECK_STR(text_of("confirm:n1"), "Who owns \"ship the new billing system in March\", and by when?");
	s = with_note(NOTE_DECISION,
		      "ship the new billing system to all twelve regional offices on 2026-03-12");
	compute(&s, QUIET);
	CHECK_STR(text_of("confirm:n1"), "Who owns \"ship the new billing system to all twelve "
					 "regional offices on 2026-03-12\", and by when?");
	s = with_note(NOTE_DECISION,
		      "ship the new billing system to all twelve regional offices on 2026-03-12!!");
	compute(&s, QUIET);
	CHECK_STR(text_of("confirm:n1"), "Who owns \"ship the new billing system to all twelve "
					 "regional offices on 2026-03-12\", and by when?");
	s = with_note(NOTE_DECISION,
		      "ship the new billing system to all twelve regional offices on 2026-03-120");
	compute(&s, QUIET);
	CHECK_STR(text_of("confirm:n1"), "Who owns \"ship the new billing system to all twelve "
					 "regional offices…\", and by when?");
	/* No comma, and no "the" or "and", left before the ellipsis. */
	s = with_note(NOTE_NEED, "faster reports, exports to Excel, dashboards for every region, "
				 "alerts by email and much more");
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "What would faster reports, exports to Excel, dashboards for "
				     "every region, alerts… make possible for you?");
	s = with_note(NOTE_CONCERN, "worried that the vendor will not deliver the new version of the "
				    "reporting module and the");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that the vendor will not deliver the new version of the reporting "
		  "module… — did I get that right?");
}

static void
excerpt_leaves_out_owner_and_due(void)
{
	session_note notes[] = {
		{ .id = 1, .at = T0, .kind = NOTE_ACTION, .text = "send @anna the deck ^fri #sales" },
	};
	session s = live();

	s.notes = notes;
	s.nnotes = 1;
	compute(&s, QUIET);
	/* A topic at the end is a label, not part of the sentence. */
	CHECK_STR(text_of("pin:n1"), "Who will do \"send the deck\", and by when?");
	/* Inside the sentence it is a word. */
	notes[0].text = "send the #sales deck @anna";
	notes[0].has_owner = true;
	compute(&s, QUIET);
	CHECK_STR(text_of("pin:n1"), "By when will \"send the sales deck\" be done?");
	/* Nothing left to say: no prompt. */
	notes[0].has_owner = false;
	notes[0].text = "@anna ^fri";
	CHECK_INT(compute(&s, QUIET), 0);
	/* A due date of several words goes whole (issue 8: never "book a
	** demo week"); one that does not parse stays, as in the note. */
	notes[0].text = "book a demo ^next week";
	compute(&s, QUIET);
	CHECK_STR(text_of("pin:n1"), "Who will do \"book a demo\", and by when?");
	notes[0].text = "rappeler ^dans 2 semaines, vite";
	compute(&s, QUIET);
	CHECK_STR(text_of("pin:n1"), "Who will do \"rappeler vite\", and by when?");
	notes[0].text = "book a demo ^next wek";
	compute(&s, QUIET);
	CHECK_STR(text_of("pin:n1"),
		  "Who will do \"book a demo ^next wek\", and by when?");
}

static void
excerpt_cjk_and_emoji(void)
{
	/* 84 characters, no spaces: cut inside after 71. */
	session s = with_note(NOTE_NEED,
			      "日本語テキスト日本語テキスト日本語テキスト日本語テキスト"
			      "日本語テキスト日本語テキスト日本語テキスト日本語テキスト"
			      "日本語テキスト日本語テキスト日本語テキスト日本語テキスト");

	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"),
		  "日本語テキスト日本語テキスト日本語テキスト日本語テキスト"
		  "日本語テキスト日本語テキスト日本語テキスト日本語テキスト"
		  "日本語テキスト日本語テキスト日… — what would that make possible for you?");
	/* Characters, not bytes: the rocket and the party are one each. */
	s = with_note(NOTE_NEED, "a launch 🚀 party 🎉 for the whole team with cake, music and a "
				 "photographer for the evening");
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "What would a launch 🚀 party 🎉 for the whole team with cake, "
				     "music… make possible for you?");
	s = with_note(NOTE_DECISION, "éééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
				     "éééééééééééééééééééééééééé");
	compute(&s, QUIET);
	/* 84 letters in one word: 71 of them and the ellipsis. */
	CHECK_STR(text_of("confirm:n1"), "Who owns \"ééééééééééééééééééééééééééééééééééé"
					 "éééééééééééééééééééééééééééééééééééé…\", and by when?");
}

static void
escape_sequences_are_neutralised(void)
{
	session_note notes[] = {
		{ .id = 1, .at = T0, .kind = NOTE_CONCERN,
		  .text = "\x1b[2J\x1b]0;owned\x07" "budget\r\nis \xc2\x9btight\xff" },
		{ .id = 2, .at = T0, .kind = NOTE_PLAIN, .text = "\x07" "ASAP\x1b[0m" },
	};
	session_item items[] = {
		{ .id = 1, .title = "Bud\x1bget", .timebox_minutes = 10, .status = AGENDA_ACTIVE,
		  .started_at = QUIET - 8 * MIN },
	};
	session s = live();

	s.notes = notes;
	s.nnotes = 2;
	s.items = items;
	s.nitems = 1;
	CHECK_INT(compute(&s, QUIET), 3);
	CHECK_STR(text_of("reflect:n1"),
		  "You're worried that \xef\xbf\xbd[2J\xef\xbf\xbd]0;owned\xef\xbf\xbd" "budget is "
		  "\xef\xbf\xbdtight\xef\xbf\xbd — did I get that right?");
	CHECK_STR(text_of("clarify:n2"),
		  "When you say \"ASAP\", which date would make it a win for you?");
	CHECK_STR(text_of("time70:i1"), "Bud\xef\xbf\xbdget: 2' left");
	for (size_t i = 0; i < nout; i++) {
		CHECK(!text_has_control(out[i].text));
		CHECK(text_utf8_valid(out[i].text, strlen(out[i].text)));
	}
}

static void
text_fits_and_is_cut_on_a_character(void)
{
	/* Four emoji titles of 50 characters (200 bytes) each: the over text
	** would take more than PROMPT_TEXT_MAX bytes. */
	static char titles[4][256];
	session_item items[4];
	session s = live();
	size_t len;

	for (int i = 0; i < 4; i++) {
		titles[i][0] = '\0';
		for (int j = 0; j < 50; j++)
			strcat(titles[i], "🔥");
		items[i] = (session_item){ .id = i + 1, .title = titles[i],
					   .status = AGENDA_PENDING };
	}
	items[0].status = AGENDA_ACTIVE;
	items[0].timebox_minutes = 1;
	items[0].started_at = QUIET - 2 * MIN;
	s.items = items;
	s.nitems = 4;
	CHECK_INT(compute(&s, QUIET), 1);
	len = strlen(out[0].text);
	CHECK(len < PROMPT_TEXT_MAX);
	CHECK(len > PROMPT_TEXT_MAX - 8);
	CHECK(text_utf8_valid(out[0].text, len));
	CHECK(len >= 3 && strcmp(out[0].text + len - 3, "…") == 0);
	/* The title itself: 39 fires and the ellipsis. */
	CHECK(strncmp(out[0].text, titles[0], 39 * 4) == 0);
	CHECK(strncmp(out[0].text + 39 * 4, "… is 1' over", strlen("… is 1' over")) == 0);
}

static void
dig_reads_on_the_thing_needed(void)
{
	session s = with_note(NOTE_NEED, "needs the export by March #export");

	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "What would the export by March make possible for you?");
	s = with_note(NOTE_NEED, "wants to self-host");
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "Why is it important for you to self-host?");
	s = with_note(NOTE_NEED, "veut un export Excel");
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "Que vous apporterait un export Excel" NNBSP "?");
	/* A need said of someone else is said whole. */
	s = with_note(NOTE_NEED, "the board wants a monthly report");
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"),
		  "The board wants a monthly report — what would that make possible for you?");
	/* Nothing said of what is needed: ask. */
	s = with_note(NOTE_NEED, "needs");
	compute(&s, QUIET);
	CHECK_STR(text_of("dig:n1"), "What do you need, exactly?");
}

/* A French client hears French, from every rule; the user's language does
** not change it. */
static void
french_client_every_rule(void)
{
	session_talk talk[] = {
		{ TALK_SIDE_CLIENT, QUIET - 300, QUIET - 200 },
		{ TALK_SIDE_YOU, QUIET - 200, QUIET },
	};
	session_note notes[] = {
		{ .id = 1, .at = T0 + 60, .kind = NOTE_DECISION, .text = "déploiement progressif",
		  .has_owner = true },
		{ .id = 2, .at = T0 + 120, .kind = NOTE_ACTION, .text = "envoyer le devis" },
		{ .id = 3, .at = T0 + 180, .kind = NOTE_PLAIN, .text = "ils veulent ça rapidement" },
	};
	session s = with_agenda(7 * MIN);

	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("time70:i12"), "Budget" NNBSP ": encore 3'");
	CHECK_INT(out[0].lang, RP_LANG_FR);
	s = with_agenda(12 * MIN + 5);
	s.lang = RP_LANG_FR;
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i12"), "Budget déborde de 3'" NNBSP
				       ": le reporter, ou prendre le temps sur Risks, Next steps" NNBSP
				       "?");
	agenda[2].status = AGENDA_DONE;
	agenda[4].status = AGENDA_DONE;
	compute(&s, QUIET);
	CHECK_STR(text_of("over:i12"), "Budget déborde de 3'" NNBSP ": le reporter, ou prolonger" NNBSP "?");

	s = live();
	s.lang = RP_LANG_FR;
	s.talk = talk;
	s.ntalk = 2;
	compute(&s, QUIET);
	CHECK_STR(text_of("listen:5985626"), "Vous avez parlé 67" NNBSP "% du temps ces dernières minutes"
					     NNBSP ": posez une question ouverte, puis écoutez");
	talk[0] = (session_talk){ TALK_SIDE_CLIENT, QUIET - 300, QUIET - 180 };
	talk[1] = (session_talk){ TALK_SIDE_YOU, QUIET - 180, 0 };
	compute(&s, QUIET);
	CHECK_STR(text_of("listen:5985626"),
		  "Vous parlez depuis 3' sans pause" NNBSP ": posez une question ouverte, puis écoutez");
	talk[0] = (session_talk){ TALK_SIDE_CLIENT, T0, 0 };
	s.ntalk = 1;
	compute(&s, T0 + 5 * MIN);
	CHECK_STR(text_of("summarise:1795687200"), "Résumez ce que vous avez entendu jusqu'ici" NNBSP
						   ": «" NNBSP "Si je vous ai bien suivi…" NNBSP "»");

	s = with_facts();
	s.lang = RP_LANG_FR;
	compute(&s, T0 + 60);
	CHECK_STR(text_of("smalltalk:f23"),
		  "Comment s'est passé votre voyage à Bali" NNBSP "? (noté le 3 nov.)");
	/* Last year's fact says its year. */
	facts[1].learned_on = (rp_date){ 2025, 11, 3 };
	compute(&s, T0 + 60);
	CHECK_STR(text_of("smalltalk:f23"),
		  "Comment s'est passé votre voyage à Bali" NNBSP "? (noté le 3 nov. 2025)");

	s = with_walkthrough();
	s.lang = RP_LANG_FR;
	walks[0].did = "a construit l'import";
	compute(&s, QUIET);
	CHECK_STR(text_of("walk:i12:0"), "Alice a construit l'import (16" NNBSP "h) (dépend de" NNBSP
					 ": client API keys)");
	CHECK_STR(text_of("walk:i12:1"), "Bob wrote the tests (45')");

	s = live();
	s.lang = RP_LANG_FR;
	s.notes = notes;
	s.nnotes = 3;
	s.planned_minutes = 45;
	compute(&s, T0 + 40 * MIN);
	CHECK_STR(text_of("close"), "Récapitulez 1 décision et 1 action, puis convenez du prochain "
				    "point (entre le mar. 1 déc. et le jeu. 10 déc.)");
	CHECK_STR(text_of("confirm:n1"), "Qui porte «" NNBSP "déploiement progressif" NNBSP
					 "», et pour quand" NNBSP "?");
	CHECK_STR(text_of("pin:n2"), "Qui s'occupe de «" NNBSP "envoyer le devis" NNBSP
				     "», et pour quand" NNBSP "?");
	CHECK_STR(text_of("clarify:n3"), "Quand vous dites «" NNBSP "rapidement" NNBSP
					 "», qu'est-ce qui serait assez rapide" NNBSP
					 ": une date, un chiffre" NNBSP "?");
	/* French keeps 0 singular: « 0 décision ». */
	s.nnotes = 0;
	s.cadence_min = s.cadence_max = 7;
	compute(&s, T0 + 40 * MIN);
	CHECK_STR(text_of("close"), "Récapitulez 0 décision et 0 action, puis convenez du prochain "
				    "point (le jeu. 3 déc.)");
	/* The user's language is not the client's. */
	lang_set_user(RP_LANG_FR);
	s = with_note(NOTE_CONCERN, "the API slips");
	compute(&s, QUIET);
	CHECK_STR(text_of("reflect:n1"), "You're worried that the API slips — did I get that right?");
	lang_set_user(RP_LANG_EN);
}

/* The pane's line: the label in the user's language, then the client's
** sentence, in the client's quotes where it is one to say. */
static void
lines_label_and_quote(void)
{
	char line[PROMPT_TEXT_MAX + 64];
	session s = with_note(NOTE_CONCERN, "the API slips");

	compute(&s, QUIET);
	CHECK_STR(prompt_line(&out[0], line, sizeof line),
		  "Reflect: \"You're worried that the API slips — did I get that right?\"");
	s.lang = RP_LANG_FR;
	one_note[0].text = "le retard de l'API";
	compute(&s, QUIET);
	CHECK_STR(prompt_line(&out[0], line, sizeof line),
		  "Reflect: «" NNBSP "Si je vous suis bien, vous vous inquiétez du retard de l'API" NNBSP
		  ": c'est bien ça" NNBSP "?" NNBSP "»");
	/* A French user: French typography after the label (the label's
	** words are the catalogue's, English here where none is bound). */
	lang_set_user(RP_LANG_FR);
	CHECK_STR(prompt_line(&out[0], line, sizeof line),
		  "Reflect" NNBSP ": «" NNBSP "Si je vous suis bien, vous vous inquiétez du retard de "
		  "l'API" NNBSP ": c'est bien ça" NNBSP "?" NNBSP "»");
	lang_set_user(RP_LANG_EN);
	s = with_note(NOTE_ACTION, "send the plan");
	compute(&s, QUIET);
	CHECK_STR(prompt_line(&out[0], line, sizeof line),
		  "Pin it down: Who will do \"send the plan\", and by when?");
	s = with_agenda(7 * MIN);
	compute(&s, QUIET);
	CHECK_STR(prompt_line(&out[0], line, sizeof line), "Budget: 3' left");
	s = with_note(NOTE_QUESTION, "can we self-host");
	compute(&s, QUIET);
	CHECK_STR(prompt_line(&out[0], line, sizeof line),
		  "Open question: Can we self-host? — answer now, or log it as an action");
}

/* Odd notes, in both languages and every kind, give a valid sentence or
** none: never a broken character, a control one, or an overflow. */
static void
odd_notes_never_break(void)
{
	static char long_word[6000], many_words[6000];
	const char *odd[] = {
		"", " ", "'", "’", "j'", "qu'", "l'", "d’", "!!!", "?", "? ?", "je", "nous", "I",
		"worried that", "peur qu'", "peur que", "inquiet de", "« »", "\"", "\"\"\"", NNBSP,
		NNBSP "?", "🙈🙈🙈", "je n'", "nous ne", "j'ai", "needs to", "a besoin d'",
		"besoin de", "worried about the", "the", "le", "de la", "I'm", "we're worried",
		"東京", "Ça", "É", "a\xcc\x81", "\xff\xfe", "#tag", "@me ^fri", "^fri", "l'l'l'l'",
		"qu'qu'qu'", "je je je je", "nous nous nous", "I I I I I I", long_word, many_words,
	};
	const enum note_kind nk[] = { NOTE_CONCERN, NOTE_NEED, NOTE_DECISION, NOTE_QUESTION,
				      NOTE_ACTION, NOTE_PLAIN };

	memset(long_word, 'x', sizeof long_word - 1);
	many_words[0] = '\0';
	while (strlen(many_words) + 8 < sizeof many_words)
		strcat(many_words, "je l'ai ");
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		for (size_t k = 0; k < sizeof nk / sizeof nk[0]; k++)
			for (int l = 0; l < RP_LANG_COUNT; l++) {
				session s = with_note(nk[k], odd[i]);

				s.lang = (enum rp_lang)l;
				compute(&s, QUIET);
				for (size_t j = 0; j < nout; j++) {
					size_t len = strlen(out[j].text);

					CHECK(len > 0 && len < PROMPT_TEXT_MAX);
					CHECK(text_utf8_valid(out[j].text, len));
					CHECK(!text_has_control(out[j].text));
				}
			}
}

/* The memo the live screen keeps: the same prompts as without it, note
** after note; after Enter only the new note is phrased (its rule's
** sentence, and the vague word clarify looks for); a note edited under
** the same id, an action given an owner, or the language switched is
** phrased anew. */
static void
a_memo_gives_the_same_prompts_phrasing_only_what_is_new(void)
{
	static const struct {
		enum note_kind kind;
		const char *text;
	} lines[] = {
		{ NOTE_CONCERN, "the vendor will be late soon" },
		{ NOTE_NEED, "a simple dashboard" },
		{ NOTE_ACTION, "send the revised plan" },
		{ NOTE_QUESTION, "who signs off the contract?" },
		{ NOTE_DECISION, "we go with the phased plan" },
		{ NOTE_PLAIN, "they want it quickly" },
		{ NOTE_QUOTE, "we cannot afford another slip" },
	};
	static session_note notes[300];
	static char text[300][64];
	prompt with[PROMPTS_MAX], without[PROMPTS_MAX];
	prompt_memo *memo = prompt_memo_new();
	session s = live();
	size_t nwith, nwithout, most = 0;
	bool same = true;

	CHECK(memo != NULL);
	s.notes = notes;
	for (int i = 0; i < 300 && same; i++) {
		snprintf(text[i], sizeof text[i], "%s %d", lines[i % 7].text, i + 1);
		notes[i] = (session_note){ .id = i + 1, .at = T0 + 9 * i, .kind = lines[i % 7].kind,
					   .text = text[i] };
		s.nnotes = (size_t)i + 1;
		nwith = prompt_compute_with(&s, memo, T0 + 9 * i + 5, today, with, PROMPTS_MAX);
		nwithout = prompt_compute(&s, T0 + 9 * i + 5, today, without, PROMPTS_MAX);
		same = nwith == nwithout && nwith > 0;
		for (size_t k = 0; same && k < nwith; k++)
			same = strcmp(with[k].key, without[k].key) == 0 &&
			       strcmp(with[k].text, without[k].text) == 0;
		if (!same)
			tap_fail(__FILE__, __LINE__, "note %d: %zu prompts, %zu without the memo", i + 1,
				 nwith, nwithout);
		if (i > 0 && prompt_memo_made(memo) > most)
			most = prompt_memo_made(memo);
	}
	CHECK(same);
	if (most > 2)
		tap_fail(__FILE__, __LINE__, "a computation after Enter made %zu phrases", most);
	/* Computed again with nothing new: nothing made. */
	prompt_compute_with(&s, memo, T0 + 9 * 299 + 6, today, with, PROMPTS_MAX);
	CHECK_INT(prompt_memo_made(memo), 0);
	/* The newest concern edited under its id: said anew. */
	snprintf(text[294], sizeof text[294], "the budget may slip");
	nwith = prompt_compute_with(&s, memo, T0 + 9 * 299 + 7, today, with, PROMPTS_MAX);
	CHECK(prompt_memo_made(memo) >= 1);
	CHECK_STR(with[0].key, "reflect:n295");
	CHECK_STR(with[0].text, "You're worried that the budget may slip — did I get that right?");
	/* The language switched: every phrase anew, in French. */
	s.lang = RP_LANG_FR;
	nwith = prompt_compute_with(&s, memo, T0 + 9 * 299 + 8, today, with, PROMPTS_MAX);
	nwithout = prompt_compute(&s, T0 + 9 * 299 + 8, today, without, PROMPTS_MAX);
	CHECK(prompt_memo_made(memo) > 2);
	CHECK(nwith == nwithout && nwith > 0 && strcmp(with[0].text, without[0].text) == 0);
	CHECK(strncmp(with[0].text, "Si je vous suis bien", 20) == 0);
	prompt_memo_free(memo);
	prompt_memo_free(NULL);

	/* An action given an owner, same id, same text: pinned anew. */
	memo = prompt_memo_new();
	s = live();
	notes[0] = (session_note){ .id = 1, .at = T0 + 60, .kind = NOTE_ACTION,
				   .text = "send the plan" };
	s.notes = notes;
	s.nnotes = 1;
	prompt_compute_with(&s, memo, T0 + 70, today, with, PROMPTS_MAX);
	notes[0].has_owner = true;
	nwith = prompt_compute_with(&s, memo, T0 + 71, today, with, PROMPTS_MAX);
	nwithout = prompt_compute(&s, T0 + 71, today, without, PROMPTS_MAX);
	CHECK(nwith == 1 && nwithout == 1 && strcmp(with[0].text, without[0].text) == 0);
	CHECK_INT(prompt_memo_made(memo), 1);
	prompt_memo_free(memo);
}

int
main(void)
{
	RUN(kind_labels);
	RUN(empty_session);
	RUN(reflect);
	RUN(reflect_drops_the_worry_itself);
	RUN(dig);
	RUN(confirm);
	RUN(question);
	RUN(note_rules_need_their_kind);
	RUN(private_notes_never_prompt);
	RUN(dismissed_note_prompts);
	RUN(newest_notes_first_in_a_long_meeting);
	RUN(a_memo_gives_the_same_prompts_phrasing_only_what_is_new);
	RUN(clarify);
	RUN(clarify_on_every_kind_but_private_and_personal);
	RUN(vague_words_english);
	RUN(vague_words_french);
	RUN(vague_words_whole_words_only);
	RUN(vague_word_first_one_and_small_buffer);
	RUN(pin);
	RUN(time_left);
	RUN(time_left_threshold);
	RUN(time_over);
	RUN(time_over_without_later_items);
	RUN(time_over_many_later_items);
	RUN(time_dismissed);
	RUN(listen_share);
	RUN(listen_share_threshold);
	RUN(listen_monologue);
	RUN(listen_dismissed_for_the_window);
	RUN(summarise);
	RUN(summarise_only_while_the_client_talks);
	RUN(small_talk);
	RUN(small_talk_threshold);
	RUN(small_talk_dismissed_brings_the_next);
	RUN(small_talk_skips_stale_and_called_off);
	RUN(walk);
	RUN(walk_only_for_the_current_item);
	RUN(close_meeting);
	RUN(close_wording);
	RUN(clock_rules_only_while_live);
	RUN(ranking);
	RUN(ranking_ties_keep_note_order);
	RUN(one_prompt_per_note_at_a_time);
	RUN(stale_prompts_fade);
	RUN(max_limit);
	RUN(max_limit_is_capped);
	RUN(excerpt_cut_at_a_word);
	RUN(excerpt_leaves_out_owner_and_due);
	RUN(excerpt_cjk_and_emoji);
	RUN(escape_sequences_are_neutralised);
	RUN(text_fits_and_is_cut_on_a_character);
	RUN(dig_reads_on_the_thing_needed);
	RUN(french_client_every_rule);
	RUN(lines_label_and_quote);
	RUN(odd_notes_never_break);
	return tap_done();
}
