/* test_note.c: note lines parsed into kind, text, topics, owner and due
** date (note.h, DESIGN.md §2.1).
**
** "Today" is Wednesday 2026-03-11 throughout; its Friday is 2026-03-13.
*/
#include "rapport/fact.h"
#include "rapport/note.h"

#include "tap.h"

#define HINT "(try 2026-12-01, fri, tomorrow, +3d, eow)"

static const rp_date today = { 2026, 3, 11 };

static parsed_note note;  /* too big to want on the stack in every test */
static rp_error err;

static enum rp_status
parse(const char *line)
{
	rp_error_clear(&err);
	return note_parse_line(line, today, &note, &err);
}

/* The due date as YYYY-MM-DD, or "none". */
static const char *
due_of(const parsed_note *n)
{
	static char buf[11];

	if (!n->has_due)
		return "none";
	return date_format(n->due, buf);
}

/* Parse line, expect RP_EINVAL with message want. */
#define CHECK_REJECTED(line, want)                              \
	do {                                                    \
		CHECK_INT(parse(line), RP_EINVAL);              \
		CHECK_INT(err.status, RP_EINVAL);               \
		CHECK_STR(err.msg, want);                       \
	} while (0)

static void
kind_names(void)
{
	CHECK_STR(note_kind_name(NOTE_PLAIN), "note");
	CHECK_STR(note_kind_name(NOTE_NEED), "need");
	CHECK_STR(note_kind_name(NOTE_CONCERN), "concern");
	CHECK_STR(note_kind_name(NOTE_QUESTION), "question");
	CHECK_STR(note_kind_name(NOTE_DECISION), "decision");
	CHECK_STR(note_kind_name(NOTE_ACTION), "action");
	CHECK_STR(note_kind_name(NOTE_PERSONAL), "personal");
	CHECK_STR(note_kind_name(NOTE_QUOTE), "quote");
	CHECK_STR(note_kind_name(NOTE_PRIVATE), "private");
	CHECK(note_kind_name(NOTE_KIND_COUNT) == NULL);
	CHECK(note_kind_name((enum note_kind)-1) == NULL);
}

static void
kind_from_name(void)
{
	CHECK_INT(note_kind_from_name("note"), NOTE_PLAIN);
	CHECK_INT(note_kind_from_name("action"), NOTE_ACTION);
	CHECK_INT(note_kind_from_name("private"), NOTE_PRIVATE);
	CHECK_INT(note_kind_from_name("Action"), -1);
	CHECK_INT(note_kind_from_name("todo"), -1);
	CHECK_INT(note_kind_from_name(""), -1);
	CHECK_INT(note_kind_from_name(NULL), -1);
}

static void
kind_prefixes(void)
{
	CHECK_INT(note_kind_prefix(NOTE_PLAIN), 0);
	CHECK_INT(note_kind_prefix(NOTE_NEED), '+');
	CHECK_INT(note_kind_prefix(NOTE_CONCERN), '!');
	CHECK_INT(note_kind_prefix(NOTE_QUESTION), '?');
	CHECK_INT(note_kind_prefix(NOTE_DECISION), '=');
	CHECK_INT(note_kind_prefix(NOTE_ACTION), '>');
	CHECK_INT(note_kind_prefix(NOTE_PERSONAL), '*');
	CHECK_INT(note_kind_prefix(NOTE_QUOTE), '"');
	CHECK_INT(note_kind_prefix(NOTE_PRIVATE), '~');
	CHECK_INT(note_kind_prefix(NOTE_KIND_COUNT), 0);
}

static void
plain_note(void)
{
	CHECK_INT(parse("they reorganised the sales team"), RP_OK);
	CHECK_INT(err.status, RP_OK);
	CHECK_INT(note.kind, NOTE_PLAIN);
	CHECK_STR(note.text, "they reorganised the sales team");
	CHECK_STR(note.body, "they reorganised the sales team");
	CHECK_INT(note.ntopics, 0);
	CHECK_STR(note.owner, "");
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "");
}

static void
every_prefix(void)
{
	CHECK_INT(parse("+ export to Excel by March"), RP_OK);
	CHECK_INT(note.kind, NOTE_NEED);
	CHECK_STR(note.text, "export to Excel by March");

	CHECK_INT(parse("! worried the API slips"), RP_OK);
	CHECK_INT(note.kind, NOTE_CONCERN);
	CHECK_STR(note.text, "worried the API slips");

	CHECK_INT(parse("? can we self-host"), RP_OK);
	CHECK_INT(note.kind, NOTE_QUESTION);
	CHECK_STR(note.text, "can we self-host");

	CHECK_INT(parse("= phased rollout"), RP_OK);
	CHECK_INT(note.kind, NOTE_DECISION);
	CHECK_STR(note.text, "phased rollout");

	CHECK_INT(parse("> send revised plan @me ^fri"), RP_OK);
	CHECK_INT(note.kind, NOTE_ACTION);
	CHECK_STR(note.text, "send revised plan @me ^fri");

	CHECK_INT(parse("* back from business trip to Bali"), RP_OK);
	CHECK_INT(note.kind, NOTE_PERSONAL);
	CHECK_STR(note.text, "back from business trip to Bali");

	CHECK_INT(parse("\" we can't afford another slip"), RP_OK);
	CHECK_INT(note.kind, NOTE_QUOTE);
	CHECK_STR(note.text, "we can't afford another slip");

	CHECK_INT(parse("~ they seem tense about budget"), RP_OK);
	CHECK_INT(note.kind, NOTE_PRIVATE);
	CHECK_STR(note.text, "they seem tense about budget");
}

static void
prefix_without_space(void)
{
	CHECK_INT(parse("+export"), RP_OK);
	CHECK_INT(note.kind, NOTE_NEED);
	CHECK_STR(note.text, "export");
	CHECK_INT(parse(">>"), RP_OK);
	CHECK_INT(note.kind, NOTE_ACTION);
	CHECK_STR(note.text, ">");
	CHECK_INT(parse("?!"), RP_OK);
	CHECK_INT(note.kind, NOTE_QUESTION);
	CHECK_STR(note.text, "!");
}

static void
prefix_only_at_start(void)
{
	CHECK_INT(parse("call + email"), RP_OK);
	CHECK_INT(note.kind, NOTE_PLAIN);
	CHECK_STR(note.text, "call + email");
	CHECK_INT(parse("- not a prefix"), RP_OK);
	CHECK_INT(note.kind, NOTE_PLAIN);
	CHECK_STR(note.text, "- not a prefix");
}

static void
blanks_trimmed(void)
{
	CHECK_INT(parse("   >   call back  \t"), RP_OK);
	CHECK_INT(note.kind, NOTE_ACTION);
	CHECK_STR(note.text, "call back");
	CHECK_STR(note.body, "call back");
	CHECK_INT(parse("hello\n"), RP_OK);
	CHECK_STR(note.text, "hello");
	CHECK_INT(parse("hello\r\n"), RP_OK);
	CHECK_STR(note.text, "hello");
	CHECK_INT(parse(">\tcall"), RP_OK);
	CHECK_STR(note.text, "call");
}

static void
inner_blanks_kept_in_text(void)
{
	CHECK_INT(parse("a  b   c"), RP_OK);
	CHECK_STR(note.text, "a  b   c");
	CHECK_STR(note.body, "a  b   c");
}

static void
tabs_become_spaces(void)
{
	CHECK_INT(parse("> call\t@anna\tnow"), RP_OK);
	CHECK_STR(note.text, "call @anna now");
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.body, "call now");
}

static void
empty_lines(void)
{
	CHECK_REJECTED("", "empty note");
	CHECK_REJECTED("   ", "empty note");
	CHECK_REJECTED(" \t\r\n", "empty note");
	CHECK_REJECTED(NULL, "empty note");
}

static void
prefix_alone_is_empty(void)
{
	CHECK_REJECTED("+", "empty note");
	CHECK_REJECTED("> ", "empty note");
	CHECK_REJECTED("  !  ", "empty note");
	CHECK_REJECTED("?\t", "empty note");
	CHECK_REJECTED("=", "empty note");
	CHECK_REJECTED("*", "empty note");
	CHECK_REJECTED("~", "empty note");
	CHECK_REJECTED("\"", "empty note");
	CHECK_REJECTED("\"\"", "empty note");
	CHECK_REJECTED("\"  \"", "empty note");
}

static void
quote_closing_mark(void)
{
	CHECK_INT(parse("\"we can't afford another slip\""), RP_OK);
	CHECK_INT(note.kind, NOTE_QUOTE);
	CHECK_STR(note.text, "we can't afford another slip");
	CHECK_INT(parse("\" not again \" "), RP_OK);
	CHECK_STR(note.text, "not again");
	/* A quotation inside keeps its closing mark. */
	CHECK_INT(parse("\" he said \"no\""), RP_OK);
	CHECK_STR(note.text, "he said \"no\"");
	/* Only quotes lose a closing mark. */
	CHECK_INT(parse("! \"slow\""), RP_OK);
	CHECK_STR(note.text, "\"slow\"");
}

static void
topics(void)
{
	CHECK_INT(parse("! #Budget worries #q3 and #budget again"), RP_OK);
	CHECK_INT(note.ntopics, 2);
	CHECK_STR(note.topics[0], "budget");
	CHECK_STR(note.topics[1], "q3");
	/* Topics stay in the text and the body as typed. */
	CHECK_STR(note.text, "#Budget worries #q3 and #budget again");
	CHECK_STR(note.body, "#Budget worries #q3 and #budget again");
}

static void
topic_alone(void)
{
	CHECK_INT(parse("#budget"), RP_OK);
	CHECK_INT(note.kind, NOTE_PLAIN);
	CHECK_STR(note.text, "#budget");
	CHECK_INT(note.ntopics, 1);
	CHECK_STR(note.topics[0], "budget");
}

static void
topic_characters(void)
{
	CHECK_INT(parse("#follow-up #snake_case #1 #Q3-2026"), RP_OK);
	CHECK_INT(note.ntopics, 4);
	CHECK_STR(note.topics[0], "follow-up");
	CHECK_STR(note.topics[1], "snake_case");
	CHECK_STR(note.topics[2], "1");
	CHECK_STR(note.topics[3], "q3-2026");
}

static void
topic_ends_at_punctuation(void)
{
	CHECK_INT(parse("about #budget, #hiring. #roadmap!"), RP_OK);
	CHECK_INT(note.ntopics, 3);
	CHECK_STR(note.topics[0], "budget");
	CHECK_STR(note.topics[1], "hiring");
	CHECK_STR(note.topics[2], "roadmap");
	CHECK_INT(parse("#a#b"), RP_OK);
	CHECK_INT(note.ntopics, 1);
	CHECK_STR(note.topics[0], "a");
}

static void
topic_non_ascii(void)
{
	CHECK_INT(parse("#équipe #ÉQUIPE #東京 #Zoë"), RP_OK);
	CHECK_INT(note.ntopics, 4);
	CHECK_STR(note.topics[0], "équipe");
	CHECK_STR(note.topics[1], "Équipe");    /* only ASCII is lower-cased */
	CHECK_STR(note.topics[2], "東京");
	CHECK_STR(note.topics[3], "zoë");
}

static void
not_topics(void)
{
	CHECK_INT(parse("# budget, a#b, #-x, #_y, ##, #…, #🎉, (#paren) #"), RP_OK);
	CHECK_INT(note.ntopics, 0);
	CHECK_INT(parse("issue#42"), RP_OK);
	CHECK_INT(note.ntopics, 0);
}

static void
topic_limits(void)
{
	int i;
	char want[4];

	CHECK_INT(parse("#t1 #t2 #t3 #t4 #t5 #t6 #t7 #t8 #t9 #t10 #t11 #t12 #t13 "
			"#t14 #t15 #t16 #t17 #t18 #t1"), RP_OK);
	CHECK_INT(note.ntopics, NOTE_TOPICS_MAX);
	for (i = 0; i < NOTE_TOPICS_MAX; i++) {
		snprintf(want, sizeof want, "t%d", i + 1);
		CHECK_STR(note.topics[i], want);
	}
}

static void
topic_too_long_is_cut(void)
{
	/* 70 letters: the topic keeps the first 64. */
	CHECK_INT(parse("#abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"),
		  RP_OK);
	CHECK_INT(note.ntopics, 1);
	CHECK_STR(note.topics[0],
		  "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd");
	/* 63 letters then é (2 bytes) then z: é does not fit, and nothing
	** after it is taken either. */
	CHECK_INT(parse("#abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc\xC3\xA9z"),
		  RP_OK);
	CHECK_STR(note.topics[0],
		  "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc");
}

/* note_read_topic, which search reads #topics with too: what it copies
** and how much of the line it covers. */
static void
read_topic_directly(void)
{
	static const char l63[] =
		"abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc";
	char topic[NOTE_TOPIC_MAX + 1], line[128];

	CHECK_INT(note_read_topic("Budget, then", 12, topic), 6);
	CHECK_STR(topic, "budget");
	CHECK_INT(note_read_topic("follow-up!", 10, topic), 9);
	CHECK_STR(topic, "follow-up");
	CHECK_INT(note_read_topic("Zo\xC3\xAB", 4, topic), 4);
	CHECK_STR(topic, "zo\xC3\xAB");
	/* Only len bytes are read. */
	CHECK_INT(note_read_topic("budget", 3, topic), 3);
	CHECK_STR(topic, "bud");
	CHECK_INT(note_read_topic("-x", 2, topic), 0);
	CHECK_STR(topic, "");
	CHECK_INT(note_read_topic("", 0, topic), 0);
	CHECK_STR(topic, "");
	/* Over-long: 63 letters, é (2 bytes, does not fit), then z (would
	** fit, is not copied); the whole word is covered, up to the comma. */
	snprintf(line, sizeof line, "%s\xC3\xA9z, more", l63);
	CHECK_INT(note_read_topic(line, strlen(line), topic), 66);
	CHECK_STR(topic, l63);
	/* An ASCII word of 64 fits exactly; the 65th letter is left out. */
	snprintf(line, sizeof line, "%sdE", l63);
	CHECK_INT(note_read_topic(line, strlen(line), topic), 65);
	CHECK_INT(strlen(topic), NOTE_TOPIC_MAX);
	CHECK(topic[63] == 'd');
}

static void
owner(void)
{
	CHECK_INT(parse("> call @anna"), RP_OK);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.text, "call @anna");
	CHECK_STR(note.body, "call");
}

static void
owner_first_only(void)
{
	CHECK_INT(parse("> ask @anna, then @bob"), RP_OK);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.body, "ask, then @bob");
}

static void
owner_at_start(void)
{
	CHECK_INT(parse("> @me: send deck"), RP_OK);
	CHECK_STR(note.owner, "me");
	CHECK_STR(note.body, "send deck");
	CHECK_INT(parse("@Zoë."), RP_OK);
	CHECK_STR(note.owner, "Zoë");
	CHECK_STR(note.body, "");
}

static void
owner_trailing_punctuation(void)
{
	CHECK_INT(parse("> for @anna."), RP_OK);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.body, "for.");
	CHECK_INT(parse("> ping @anna?!"), RP_OK);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.body, "ping?!");
	CHECK_INT(parse("> ping @jean-luc_2"), RP_OK);
	CHECK_STR(note.owner, "jean-luc_2");
}

static void
not_owners(void)
{
	CHECK_INT(parse("mail a@b.com about it"), RP_OK);
	CHECK_STR(note.owner, "");
	CHECK_STR(note.body, "mail a@b.com about it");
	CHECK_INT(parse("> @"), RP_OK);
	CHECK_STR(note.owner, "");
	CHECK_STR(note.text, "@");
	CHECK_STR(note.body, "@");
	CHECK_INT(parse("meet @ 10, @!"), RP_OK);
	CHECK_STR(note.owner, "");
	CHECK_STR(note.body, "meet @ 10, @!");
}

static void
owner_too_long_stays_text(void)
{
	/* 65 bytes after '@': more than NOTE_OWNER_MAX, so no owner. */
	CHECK_INT(parse("> ask @abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde"),
		  RP_OK);
	CHECK_STR(note.owner, "");
	CHECK_STR(note.body, "ask @abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcde");
	/* 64 is fine. */
	CHECK_INT(parse("> ask @abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd"),
		  RP_OK);
	CHECK_STR(note.owner, "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcd");
	CHECK_STR(note.body, "ask");
}

static void
due(void)
{
	CHECK_INT(parse("> call ^fri"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.text, "call ^fri");
	CHECK_STR(note.body, "call");
	CHECK_STR(note.due_problem, "");
}

static void
due_words(void)
{
	CHECK_INT(parse("> ^demain call them"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-12");
	CHECK_STR(note.body, "call them");
	CHECK_INT(parse("> call ^+2w"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-25");
	CHECK_INT(parse("> call ^2026-12-01"), RP_OK);
	CHECK_STR(due_of(&note), "2026-12-01");
	CHECK_INT(parse("> call ^VENDREDI"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_INT(parse("> call ^aujourd\xE2\x80\x99hui"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-11");
	CHECK_INT(parse("> call ^eom"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-31");
	/* Wednesday 2026-03-11: "ven prochain" is next week's Friday, and
	** "prochain" is part of the date, not left in the body. */
	CHECK_INT(parse("> call ^ven prochain"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-20");
	CHECK_STR(note.body, "call");
	CHECK_STR(note.due_problem, "");
	CHECK_INT(parse("> ^next tues call them"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-17");
	CHECK_STR(note.body, "call them");
}

static void
due_trailing_punctuation(void)
{
	CHECK_INT(parse("> call them ^fri."), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "call them.");
	CHECK_INT(parse("> by ^eow, call"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "by, call");
}

static void
due_on_every_kind(void)
{
	CHECK_INT(parse("? can we ship ^eow"), RP_OK);
	CHECK_INT(note.kind, NOTE_QUESTION);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "can we ship");
}

static void
due_first_only(void)
{
	CHECK_INT(parse("> ^fri or ^mon"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "or ^mon");
}

static void
due_not_understood(void)
{
	CHECK_INT(parse("> call ^frday"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "due date \"frday\" not understood " HINT);
	CHECK_STR(note.text, "call ^frday");
	CHECK_STR(note.body, "call ^frday");
	CHECK_INT(err.status, RP_OK);
}

static void
due_not_understood_blocks_later_dates(void)
{
	/* The first ^ is the one meant; a later one is not a fallback. */
	CHECK_INT(parse("> ^frday ^mon"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "due date \"frday\" not understood " HINT);
	CHECK_STR(note.body, "^frday ^mon");
}

static void
due_problems(void)
{
	CHECK_INT(parse("> call ^"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "due date missing after ^ " HINT);
	CHECK_STR(note.body, "call ^");

	CHECK_INT(parse("> call ^+d"), RP_OK);
	CHECK_STR(note.due_problem, "due date \"+d\" not understood " HINT);

	CHECK_INT(parse("> call ^+99999d"), RP_OK);
	CHECK_STR(note.due_problem, "due date \"+99999d\" is too far ahead (at most 3650 days)");

	CHECK_INT(parse("> call ^2026-1-5"), RP_OK);
	CHECK_STR(note.due_problem, "due date \"2026-1-5\" not understood " HINT);

	CHECK_INT(parse("> call ^2026-13-01"), RP_OK);
	CHECK_STR(note.due_problem, "2026-13-01 is not a day of the calendar");

	CHECK_INT(parse("> call ^2026-02-30."), RP_OK);
	CHECK_STR(note.due_problem, "2026-02-30 is not a day of the calendar");
	CHECK_STR(note.body, "call ^2026-02-30.");

	CHECK_INT(parse("> call ^2027-02-29"), RP_OK);
	CHECK_STR(note.due_problem, "2027-02-29 is not a day of the calendar");

	CHECK_INT(parse("> call ^2028-02-29"), RP_OK);
	CHECK_STR(due_of(&note), "2028-02-29");
	CHECK_STR(note.due_problem, "");

	CHECK_INT(parse("> call ^+3m"), RP_OK);
	CHECK_STR(note.due_problem, "due date \"+3m\" not understood: \"m\" could be months "
		  "or minutes; count in days (+30d) or weeks (+4w)");
}

/* issue 8: "^next week" is a date, never "book a demo week". */
static void
due_phrases(void)
{
	CHECK_INT(parse("> book a demo ^next week"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-16");
	CHECK_STR(note.text, "book a demo ^next week");
	CHECK_STR(note.body, "book a demo");
	CHECK_STR(note.due_problem, "");

	CHECK_INT(parse("> ^next monday send the plan @anna"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-16");
	CHECK_STR(note.body, "send the plan");
	CHECK_STR(note.owner, "anna");

	CHECK_INT(parse("> envoyer le devis ^semaine prochaine #budget"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-16");
	CHECK_STR(note.body, "envoyer le devis #budget");
	CHECK_INT(note.ntopics, 1);

	CHECK_INT(parse("> relancer ^lundi prochain, puis @paul"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-16");
	CHECK_STR(note.body, "relancer, puis");
	CHECK_STR(note.owner, "paul");

	CHECK_INT(parse("> call back ^in 2 weeks."), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-25");
	CHECK_STR(note.body, "call back.");

	CHECK_INT(parse("> rappeler ^dans 2 semaines au plus tard"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-25");
	CHECK_STR(note.body, "rappeler au plus tard");

	/* The longest phrase that parses, no more. */
	CHECK_INT(parse("> ship ^fri next week if we can"), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "ship next week if we can");
}

/* A phrase that does not parse stays whole in the note, as typed. */
static void
due_phrase_not_understood_keeps_the_text(void)
{
	CHECK_INT(parse("> book a demo ^next wek"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.text, "book a demo ^next wek");
	CHECK_STR(note.body, "book a demo ^next wek");
	CHECK_STR(note.due_problem, "due date \"next wek\" not understood " HINT);

	CHECK_INT(parse("> book a demo ^next month"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.body, "book a demo ^next month");
	CHECK_STR(note.due_problem, "due date \"next month\" not understood " HINT);

	/* What follows a bad ^ is still read: the owner, a topic. */
	CHECK_INT(parse("> ^dans deux semaines @anna #devis"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(note.body, "^dans deux semaines #devis");
	CHECK_STR(note.due_problem, "due date \"dans deux semaines\" not understood " HINT);
}

/* Near the end of the year, on a Thursday and on a Sunday. */
static void
due_phrases_across_the_year(void)
{
	rp_date thu = { 2026, 12, 31 }, sun = { 2028, 12, 31 };

	CHECK_INT(note_parse_line("> send it ^next week", thu, &note, &err), RP_OK);
	CHECK_STR(due_of(&note), "2027-01-04");
	CHECK_INT(note_parse_line("> send it ^in 2 weeks", thu, &note, &err), RP_OK);
	CHECK_STR(due_of(&note), "2027-01-14");
	CHECK_INT(note_parse_line("> send it ^next friday", thu, &note, &err), RP_OK);
	CHECK_STR(due_of(&note), "2027-01-08");
	CHECK_INT(note_parse_line("> send it ^lundi prochain", sun, &note, &err), RP_OK);
	CHECK_STR(due_of(&note), "2029-01-01");
	CHECK_INT(note_parse_line("> send it ^semaine prochaine", sun, &note, &err), RP_OK);
	CHECK_STR(due_of(&note), "2029-01-01");
}

static void
due_problem_is_neutralised(void)
{
	/* A right-to-left override must not reach the prompt pane. */
	CHECK_INT(parse("> call ^fri\xE2\x80\xAE"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem,
		  "due date \"fri\xEF\xBF\xBD\" not understood " HINT);
}

static void
not_due(void)
{
	CHECK_INT(parse("2^10 is 1024"), RP_OK);
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "");
	CHECK_STR(note.body, "2^10 is 1024");
}

static void
owner_due_and_topics(void)
{
	CHECK_INT(parse("> send revised plan @me ^fri #acme"), RP_OK);
	CHECK_INT(note.kind, NOTE_ACTION);
	CHECK_STR(note.text, "send revised plan @me ^fri #acme");
	CHECK_STR(note.owner, "me");
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_INT(note.ntopics, 1);
	CHECK_STR(note.topics[0], "acme");
	CHECK_STR(note.body, "send revised plan #acme");
}

static void
body_collapses_blanks_around_removals(void)
{
	CHECK_INT(parse("> call   @anna   tomorrow"), RP_OK);
	CHECK_STR(note.body, "call tomorrow");
	CHECK_INT(parse("> ^fri   @anna   call"), RP_OK);
	CHECK_STR(note.body, "call");
	CHECK_INT(parse("> a  b @x ^fri"), RP_OK);
	CHECK_STR(note.body, "a  b");
	CHECK_INT(parse("> @anna ^fri"), RP_OK);
	CHECK_STR(note.owner, "anna");
	CHECK_STR(due_of(&note), "2026-03-13");
	CHECK_STR(note.body, "");
	CHECK_INT(parse("> ^fri @anna"), RP_OK);
	CHECK_STR(note.body, "");
	CHECK_INT(parse("> call @anna, ^fri."), RP_OK);
	CHECK_STR(note.body, "call,.");
}

static void
cjk_and_emoji_preserved(void)
{
	CHECK_INT(parse("? 東京のオフィスは? 🎉 @田中 ^金曜"), RP_OK);
	CHECK_INT(note.kind, NOTE_QUESTION);
	CHECK_STR(note.text, "東京のオフィスは? 🎉 @田中 ^金曜");
	CHECK_STR(note.owner, "田中");
	CHECK(!note.has_due);
	CHECK_STR(note.due_problem, "due date \"金曜\" not understood " HINT);
	CHECK_STR(note.body, "東京のオフィスは? 🎉 ^金曜");
	CHECK_INT(parse("* Zoë aime le café ☕ #café"), RP_OK);
	CHECK_STR(note.text, "Zoë aime le café ☕ #café");
	CHECK_STR(note.topics[0], "café");
}

static void
invalid_utf8(void)
{
	CHECK_REJECTED("caf\xC3", "note is not valid UTF-8");
	CHECK_REJECTED("\xC0\x80", "note is not valid UTF-8");
	CHECK_REJECTED("a \xED\xA0\x80 b", "note is not valid UTF-8");
	CHECK_REJECTED("\xF4\x90\x80\x80", "note is not valid UTF-8");
	CHECK_REJECTED("> ok \xFF", "note is not valid UTF-8");
}

static void
control_characters(void)
{
	CHECK_REJECTED("hello\x1b[2J", "note contains a control character (U+001B)");
	CHECK_REJECTED("> a\nb", "note contains a control character (U+000A)");
	CHECK_REJECTED("a\rb", "note contains a control character (U+000D)");
	CHECK_REJECTED("bell\x07 x", "note contains a control character (U+0007)");
	CHECK_REJECTED("del\x7F x", "note contains a control character (U+007F)");
	CHECK_REJECTED("csi\xC2\x9B x", "note contains a control character (U+009B)");
}

static void
length_limit(void)
{
	static char line[NOTE_TEXT_MAX + 16];

	memset(line, 'a', NOTE_TEXT_MAX);
	line[NOTE_TEXT_MAX] = '\0';
	CHECK_INT(parse(line), RP_OK);
	CHECK_INT(strlen(note.text), NOTE_TEXT_MAX);
	CHECK_INT(strlen(note.body), NOTE_TEXT_MAX);

	/* The prefix and the blanks around do not count. */
	memcpy(line, "+ ", 2);
	memset(line + 2, 'a', NOTE_TEXT_MAX);
	memcpy(line + 2 + NOTE_TEXT_MAX, "  ", 3);
	CHECK_INT(parse(line), RP_OK);
	CHECK_INT(note.kind, NOTE_NEED);
	CHECK_INT(strlen(note.text), NOTE_TEXT_MAX);

	memset(line, 'a', NOTE_TEXT_MAX + 1);
	line[NOTE_TEXT_MAX + 1] = '\0';
	CHECK_REJECTED(line, "note is too long (4001 bytes, at most 4000)");

	/* A personal note becomes a fact too, so it has a fact's limit, in
	** characters: 1000 "é" (2000 bytes) pass, one more does not. */
	strcpy(line, "* ");
	for (int i = 0; i < FACT_TEXT_MAX; i++)
		strcat(line, "\xc3\xa9");
	CHECK_INT(parse(line), RP_OK);
	CHECK_INT(note.kind, NOTE_PERSONAL);
	strcat(line, "e");
	CHECK_REJECTED(line, "a personal note (*) is at most 1000 characters, like a fact");
}

static void
error_cleared_on_success(void)
{
	rp_error e;

	rp_fail(&e, RP_EIO, "stale");
	CHECK_INT(note_parse_line("fine", today, &note, &e), RP_OK);
	CHECK_INT(e.status, RP_OK);
	CHECK_STR(e.msg, "");
}

static void
error_struct_optional(void)
{
	CHECK_INT(note_parse_line("", today, &note, NULL), RP_EINVAL);
	CHECK_INT(note_parse_line("> ok ^fri", today, &note, NULL), RP_OK);
	CHECK_STR(due_of(&note), "2026-03-13");
}

static void
previous_result_cleared(void)
{
	CHECK_INT(parse("> call @anna ^fri #x"), RP_OK);
	CHECK_INT(parse("plain"), RP_OK);
	CHECK_STR(note.owner, "");
	CHECK(!note.has_due);
	CHECK_INT(note.ntopics, 0);
	CHECK_INT(note.kind, NOTE_PLAIN);
}

int
main(void)
{
	RUN(kind_names);
	RUN(kind_from_name);
	RUN(kind_prefixes);
	RUN(plain_note);
	RUN(every_prefix);
	RUN(prefix_without_space);
	RUN(prefix_only_at_start);
	RUN(blanks_trimmed);
	RUN(inner_blanks_kept_in_text);
	RUN(tabs_become_spaces);
	RUN(empty_lines);
	RUN(prefix_alone_is_empty);
	RUN(quote_closing_mark);
	RUN(topics);
	RUN(topic_alone);
	RUN(topic_characters);
	RUN(topic_ends_at_punctuation);
	RUN(topic_non_ascii);
	RUN(not_topics);
	RUN(topic_limits);
	RUN(topic_too_long_is_cut);
	RUN(read_topic_directly);
	RUN(owner);
	RUN(owner_first_only);
	RUN(owner_at_start);
	RUN(owner_trailing_punctuation);
	RUN(not_owners);
	RUN(owner_too_long_stays_text);
	RUN(due);
	RUN(due_words);
	RUN(due_trailing_punctuation);
	RUN(due_on_every_kind);
	RUN(due_first_only);
	RUN(due_not_understood);
	RUN(due_not_understood_blocks_later_dates);
	RUN(due_problems);
	RUN(due_problem_is_neutralised);
	RUN(due_phrases);
	RUN(due_phrase_not_understood_keeps_the_text);
	RUN(due_phrases_across_the_year);
	RUN(not_due);
	RUN(owner_due_and_topics);
	RUN(body_collapses_blanks_around_removals);
	RUN(cjk_and_emoji_preserved);
	RUN(invalid_utf8);
	RUN(control_characters);
	RUN(length_limit);
	RUN(error_cleared_on_success);
	RUN(error_struct_optional);
	RUN(previous_result_cleared);
	return tap_done();
}
