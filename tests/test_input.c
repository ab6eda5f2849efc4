/* test_input.c: the Notes pane's line editor (input.h).
**
** Positions are in code points and counted by hand; a step of the cursor is
** one character as a person sees it (a base and its zero-width marks).
*/
#include "input.h"

#include <locale.h>
#include <stdlib.h>

#include "tap.h"
#include "width.h"

#define E_COMB "e\xCC\x81"              /* e + U+0301 */
#define GRIN "\xF0\x9F\x98\x80"         /* 😀 */
#define WOMAN "\xF0\x9F\x91\xA9"        /* 👩 */
#define GIRL "\xF0\x9F\x91\xA7"         /* 👧 */
#define ZWJ "\xE2\x80\x8D"
#define FAMILY WOMAN ZWJ WOMAN ZWJ GIRL /* 5 code points */

/* Check the line's text against want, freeing it. */
#define CHECK_TEXT(in, want)                            \
	do {                                            \
		char *t_ = input_text(in);              \
		CHECK_STR(t_, want);                    \
		free(t_);                               \
	} while (0)

static void
insert_ascii(void)
{
	input_line in;

	input_init(&in);
	CHECK_TEXT(&in, "");
	CHECK(input_insert(&in, 'a'));
	CHECK(input_insert(&in, 'b'));
	CHECK(input_insert(&in, 'c'));
	CHECK_INT(in.len, 3);
	CHECK_INT(in.cursor, 3);
	CHECK_TEXT(&in, "abc");
	input_home(&in);
	CHECK(input_insert(&in, '>'));
	CHECK_INT(in.cursor, 1);
	CHECK_TEXT(&in, ">abc");
	input_done(&in);
}

static void
insert_refusals(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "ok");
	CHECK(!input_insert(&in, 0));
	CHECK(!input_insert(&in, 0x1B));       /* ESC */
	CHECK(!input_insert(&in, '\n'));
	CHECK(!input_insert(&in, '\t'));
	CHECK(!input_insert(&in, 0x7F));
	CHECK(!input_insert(&in, 0x85));       /* NEL, a C1 */
	CHECK(!input_insert(&in, 0x9B));       /* CSI */
	CHECK(!input_insert(&in, 0x202E));     /* right-to-left override */
	CHECK(!input_insert(&in, 0x2066));
	CHECK(!input_insert(&in, 0x2028));
	CHECK(!input_insert(&in, 0xD800));     /* surrogate */
	CHECK(!input_insert(&in, 0x110000));
	CHECK_INT(in.len, 2);
	CHECK_INT(in.cursor, 2);
	CHECK_TEXT(&in, "ok");
	CHECK(input_insert(&in, 0xA0));        /* no-break space is text */
	CHECK(input_insert(&in, 0x0301));
	CHECK(input_insert(&in, 0x1F600));
	CHECK_INT(in.len, 5);
	input_done(&in);
}

static void
move_over_wide(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "a日" GRIN "b");
	CHECK_INT(in.len, 4);
	CHECK_INT(in.cursor, 4);
	input_left(&in);
	CHECK_INT(in.cursor, 3);
	input_left(&in);
	CHECK_INT(in.cursor, 2);
	input_left(&in);
	CHECK_INT(in.cursor, 1);
	input_left(&in);
	CHECK_INT(in.cursor, 0);
	input_left(&in);
	CHECK_INT(in.cursor, 0);
	input_right(&in);
	CHECK_INT(in.cursor, 1);
	input_right(&in);
	input_right(&in);
	input_right(&in);
	CHECK_INT(in.cursor, 4);
	input_right(&in);
	CHECK_INT(in.cursor, 4);
	input_home(&in);
	CHECK_INT(in.cursor, 0);
	input_end(&in);
	CHECK_INT(in.cursor, 4);
	input_done(&in);
}

static void
move_over_combining(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "t" E_COMB "t");   /* t e ◌́ t */
	CHECK_INT(in.len, 4);
	input_left(&in);
	CHECK_INT(in.cursor, 3);
	input_left(&in);                       /* over é in one step */
	CHECK_INT(in.cursor, 1);
	input_right(&in);
	CHECK_INT(in.cursor, 3);
	input_done(&in);
}

/* A line that starts with a mark (a paste cut after a base): a character
** typed before it takes the mark, and the cursor goes past both, never
** between a base and its mark.  Found by fuzz_input. */
static void
type_before_a_leading_mark(void)
{
	input_line in;
	char *text;

	input_init(&in);
	input_set_text(&in, "\xCC\x81x");      /* ◌́ x */
	input_home(&in);
	CHECK(input_insert(&in, 'e'));
	CHECK_INT(in.cursor, 2);
	CHECK(input_insert(&in, 'y'));
	CHECK_STR(text = input_text(&in), E_COMB "yx");
	free(text);
	input_left(&in);
	CHECK_INT(in.cursor, 2);
	input_left(&in);
	CHECK_INT(in.cursor, 0);
	input_done(&in);
}

/* Ctrl-U and Ctrl-W on a line nothing was ever typed into (no buffer yet)
** change nothing, with no memmove() of NULL for UBSan to report.  Found by
** fuzz_input. */
static void
kill_on_a_fresh_line(void)
{
	input_line in;

	input_init(&in);
	input_kill_to_start(&in);
	input_kill_word(&in);
	input_backspace(&in);
	input_delete(&in);
	CHECK_INT(in.len, 0);
	CHECK_INT(in.cursor, 0);
	input_done(&in);
}

static void
move_over_family(void)
{
	input_line in;

	/* One step per emoji; each ZWJ goes with the emoji before it. */
	input_init(&in);
	input_set_text(&in, FAMILY);
	CHECK_INT(in.len, 5);
	input_left(&in);
	CHECK_INT(in.cursor, 4);
	input_left(&in);
	CHECK_INT(in.cursor, 2);
	input_left(&in);
	CHECK_INT(in.cursor, 0);
	input_right(&in);
	CHECK_INT(in.cursor, 2);
	input_done(&in);
}

static void
backspace_and_delete_wide(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "日本語");
	input_backspace(&in);
	CHECK_TEXT(&in, "日本");
	CHECK_INT(in.cursor, 2);
	input_delete(&in);                     /* at the end: nothing */
	CHECK_TEXT(&in, "日本");
	input_home(&in);
	input_backspace(&in);                  /* at the start: nothing */
	CHECK_TEXT(&in, "日本");
	input_delete(&in);
	CHECK_TEXT(&in, "本");
	CHECK_INT(in.cursor, 0);
	input_set_text(&in, "日語");
	input_home(&in);
	input_right(&in);
	CHECK(input_insert(&in, 0x672C));      /* 本 */
	CHECK_TEXT(&in, "日本語");
	CHECK_INT(in.cursor, 2);
	input_set_text(&in, "a" GRIN "b");
	input_left(&in);
	input_backspace(&in);
	CHECK_TEXT(&in, "ab");
	CHECK_INT(in.cursor, 1);
	input_done(&in);
}

static void
backspace_and_delete_combining(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "caf" E_COMB);
	input_backspace(&in);                  /* e and its accent */
	CHECK_TEXT(&in, "caf");
	CHECK_INT(in.cursor, 3);
	input_set_text(&in, E_COMB "t");
	input_home(&in);
	input_delete(&in);
	CHECK_TEXT(&in, "t");
	/* Precomposed é is one code point, removed the same way. */
	input_set_text(&in, "caf\xC3\xA9");
	input_backspace(&in);
	CHECK_TEXT(&in, "caf");
	/* A typed accent joins the letter before it. */
	input_set_text(&in, "e");
	CHECK(input_insert(&in, 0x0301));
	CHECK_TEXT(&in, E_COMB);
	input_backspace(&in);
	CHECK_TEXT(&in, "");
	input_done(&in);
}

static void
backspace_family(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, FAMILY);
	input_backspace(&in);
	CHECK_TEXT(&in, WOMAN ZWJ WOMAN ZWJ);
	input_backspace(&in);
	CHECK_TEXT(&in, WOMAN ZWJ);
	input_backspace(&in);
	CHECK_TEXT(&in, "");
	input_done(&in);
}

static void
kill_to_start(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "hello world");
	input_home(&in);
	input_kill_to_start(&in);              /* at the start: nothing */
	CHECK_TEXT(&in, "hello world");
	CHECK_INT(in.cursor, 0);
	input_end(&in);
	input_left(&in);
	input_left(&in);
	input_left(&in);
	input_left(&in);
	input_left(&in);                       /* before "world" */
	input_kill_to_start(&in);
	CHECK_TEXT(&in, "world");
	CHECK_INT(in.cursor, 0);
	input_set_text(&in, "会議 " GRIN "!");
	input_kill_to_start(&in);
	CHECK_TEXT(&in, "");
	CHECK_INT(in.cursor, 0);
	input_done(&in);
}

static void
kill_word(void)
{
	input_line in;

	input_init(&in);
	input_set_text(&in, "hello big world");
	input_kill_word(&in);
	CHECK_TEXT(&in, "hello big ");
	CHECK_INT(in.cursor, 10);
	input_kill_word(&in);
	CHECK_TEXT(&in, "hello ");
	input_kill_word(&in);
	CHECK_TEXT(&in, "");
	input_kill_word(&in);
	CHECK_TEXT(&in, "");
	CHECK_INT(in.cursor, 0);
	/* Trailing blanks go with the word before them. */
	input_set_text(&in, "foo bar   ");
	input_kill_word(&in);
	CHECK_TEXT(&in, "foo ");
	CHECK_INT(in.cursor, 4);
	input_set_text(&in, "   ");
	input_kill_word(&in);
	CHECK_TEXT(&in, "");
	input_done(&in);
}

static void
kill_word_middle_and_wide(void)
{
	input_line in;
	int k;

	input_init(&in);
	input_set_text(&in, "one two three");
	for (k = 0; k < 6; k++)
		input_left(&in);               /* after "two" */
	CHECK_INT(in.cursor, 7);
	input_kill_word(&in);
	CHECK_TEXT(&in, "one  three");
	CHECK_INT(in.cursor, 4);
	input_home(&in);
	input_kill_word(&in);
	CHECK_TEXT(&in, "one  three");
	/* CJK has no blanks: the run is one word, as in bash. */
	input_set_text(&in, "会議 日本語");
	input_kill_word(&in);
	CHECK_TEXT(&in, "会議 ");
	CHECK_INT(in.cursor, 3);
	input_set_text(&in, "note caf" E_COMB " " GRIN);
	input_kill_word(&in);
	CHECK_TEXT(&in, "note caf" E_COMB " ");
	input_kill_word(&in);
	CHECK_TEXT(&in, "note ");
	input_done(&in);
}

static void
max_length_ascii(void)
{
	input_line in;
	char *t;
	int k, ok = 1;

	input_init(&in);
	for (k = 0; k < INPUT_MAX_BYTES; k++)
		ok &= input_insert(&in, 'a');
	CHECK(ok);
	CHECK(!input_insert(&in, 'a'));
	CHECK_INT(in.len, INPUT_MAX_BYTES);
	t = input_text(&in);
	CHECK(t != NULL && strlen(t) == INPUT_MAX_BYTES);
	free(t);
	/* Deleting one makes room again. */
	input_backspace(&in);
	CHECK(input_insert(&in, 'b'));
	input_done(&in);
}

static void
max_length_counts_bytes(void)
{
	input_line in;
	int k, ok = 1;

	input_init(&in);
	for (k = 0; k < INPUT_MAX_BYTES - 1; k++)
		ok &= input_insert(&in, 'a');
	CHECK(ok);
	CHECK(!input_insert(&in, 0x65E5));     /* 日, 3 bytes: 4002 */
	CHECK(!input_insert(&in, 0xE9));       /* é, 2 bytes: 4001 */
	CHECK(input_insert(&in, 'b'));         /* 4000 */
	CHECK_INT(in.len, INPUT_MAX_BYTES);
	input_clear(&in);
	for (k = 0; k < 1333; k++)
		ok &= input_insert(&in, 0x65E5);   /* 3999 bytes */
	CHECK(ok);
	CHECK(!input_insert(&in, 0x1F600));
	CHECK(input_insert(&in, 'x'));
	CHECK_INT(in.len, 1334);
	input_done(&in);
}

static void
paste(void)
{
	input_line in;

	input_init(&in);
	input_insert_text(&in, "a\tb\nc\r\nd\re");
	CHECK_TEXT(&in, "a b c d e");
	input_clear(&in);
	/* A paste stops at a control character. */
	input_insert_text(&in, "ab\x1B[31mcd");
	CHECK_TEXT(&in, "ab");
	CHECK_INT(in.cursor, 2);
	/* In the middle, at the cursor. */
	input_set_text(&in, "[]");
	input_left(&in);
	input_insert_text(&in, "日本");
	CHECK_TEXT(&in, "[日本]");
	CHECK_INT(in.cursor, 3);
	/* An invalid byte becomes U+FFFD. */
	input_set_text(&in, "a\xFF" "b");
	CHECK_TEXT(&in, "a\xEF\xBF\xBD" "b");
	input_insert_text(&in, NULL);
	CHECK_INT(in.len, 3);
	input_done(&in);
}

static void
set_text_round_trip(void)
{
	static const char *const texts[] = {
		"",
		"plain",
		"会議 " GRIN " caf\xC3\xA9 caf" E_COMB,
		"> send plan @me ^fri #日本",
		FAMILY " and \xE2\x9D\xA4\xEF\xB8\x8F",
		"\xF4\x8F\xBF\xBF",                 /* U+10FFFF */
	};
	input_line in;
	size_t k;

	input_init(&in);
	for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
		input_set_text(&in, texts[k]);
		CHECK_TEXT(&in, texts[k]);
		CHECK_INT(in.cursor, in.len);
	}
	input_set_text(&in, "会議");
	CHECK_INT(in.len, 2);
	input_done(&in);
}

static void
set_text_too_long(void)
{
	input_line in;
	char *big = malloc(5001), *t;

	CHECK(big != NULL);
	if (big == NULL)
		return;
	memset(big, 'x', 5000);
	big[5000] = '\0';
	input_init(&in);
	input_set_text(&in, big);
	CHECK_INT(in.len, INPUT_MAX_BYTES);
	t = input_text(&in);
	CHECK(t != NULL && strlen(t) == INPUT_MAX_BYTES);
	free(t);
	free(big);
	input_done(&in);
}

static void
blank_and_clear(void)
{
	input_line in;

	input_init(&in);
	CHECK(input_blank(&in));
	input_set_text(&in, "   ");
	CHECK(input_blank(&in));
	input_set_text(&in, " a ");
	CHECK(!input_blank(&in));
	input_set_text(&in, "\xE3\x80\x80");   /* ideographic space is text */
	CHECK(!input_blank(&in));
	input_clear(&in);
	CHECK(input_blank(&in));
	CHECK_INT(in.len, 0);
	CHECK_INT(in.cursor, 0);
	input_done(&in);
	CHECK(in.cps == NULL);
	/* Reusable after done. */
	input_init(&in);
	input_set_text(&in, "again");
	CHECK_TEXT(&in, "again");
	input_done(&in);
}

static void
view_short(void)
{
	input_line in;
	size_t first = 99;
	int col = -1;

	input_init(&in);
	input_view(&in, 10, &first, &col);
	CHECK_INT(first, 0);
	CHECK_INT(col, 0);
	input_set_text(&in, "abc");
	input_view(&in, 10, &first, &col);
	CHECK_INT(first, 0);
	CHECK_INT(col, 3);
	input_set_text(&in, "日本語");
	input_view(&in, 10, &first, &col);
	CHECK_INT(first, 0);
	CHECK_INT(col, 6);
	input_done(&in);
}

static void
view_ascii_pages(void)
{
	input_line in;
	size_t first;
	int col, k;

	/* cols 8: a quarter is 2 columns of context, pages of 6. */
	input_init(&in);
	input_set_text(&in, "abcdefghijklmnopqrst");   /* 20 */
	input_home(&in);
	for (k = 0; k < 7; k++)
		input_right(&in);
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 0);
	CHECK_INT(col, 7);                     /* the last column */
	input_right(&in);                      /* cursor 8: scrolls */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 6);
	CHECK_INT(col, 2);
	for (k = 0; k < 5; k++)
		input_right(&in);              /* cursor 13 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 6);
	CHECK_INT(col, 7);
	input_right(&in);                      /* cursor 14 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 12);
	CHECK_INT(col, 2);
	input_end(&in);                        /* cursor 20 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 18);
	CHECK_INT(col, 2);
	input_done(&in);
}

static void
view_cjk_scroll(void)
{
	input_line in;
	size_t first;
	int col, k;

	/* Ten 日, 20 columns, in 8. */
	input_init(&in);
	input_set_text(&in, "日日日日日日日日日日");
	input_home(&in);
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 0);
	CHECK_INT(col, 0);
	for (k = 0; k < 3; k++)
		input_right(&in);
	input_view(&in, 8, &first, &col);      /* 日 under the cursor fits */
	CHECK_INT(first, 0);
	CHECK_INT(col, 6);
	input_right(&in);                      /* cursor 4, column 8 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 3);
	CHECK_INT(col, 2);
	input_right(&in);
	input_right(&in);                      /* cursor 6 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 3);
	CHECK_INT(col, 6);
	input_right(&in);                      /* cursor 7 */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 6);
	CHECK_INT(col, 2);
	input_left(&in);                       /* back: the page before */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 3);
	CHECK_INT(col, 6);
	input_end(&in);
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 9);
	CHECK_INT(col, 2);
	input_done(&in);
}

static void
view_never_cuts_wide(void)
{
	input_line in;
	size_t first;
	int col, k;

	/* "a" then 日 at columns 1, 3, 5, 7...: never half a 日 at the left. */
	input_init(&in);
	input_set_text(&in, "a日日日日日日日日");
	input_home(&in);
	for (k = 0; k < 4; k++)
		input_right(&in);              /* column 7, 日 under it */
	input_view(&in, 8, &first, &col);
	CHECK_INT(first, 1);                   /* a scrolled off, 日 whole */
	CHECK_INT(col, 6);
	input_right(&in);                      /* column 9 */
	input_view(&in, 8, &first, &col);
	/* The view starts at column 6, inside the 日 at 5-6: it is not shown
	** and the view starts with the 日 at column 7. */
	CHECK_INT(first, 4);
	CHECK_INT(col, 2);
	input_done(&in);
}

/* For every cursor position and width: the cursor is visible, its
** character whole, and the columns before it are the ones drawn. */
static void
view_property(void)
{
	input_line in;
	size_t first, i;
	int cols, col, need, w, k;

	input_init(&in);
	input_set_text(&in, "Zo\xC3\xAB 会議の日本語テキスト " GRIN " caf" E_COMB
		       " " FAMILY " and a longer tail of ascii words 日本");
	for (cols = 2; cols <= 24; cols++) {
		input_end(&in);
		for (k = 0; k < 2; k++) {
			for (;;) {
				input_view(&in, cols, &first, &col);
				need = in.cursor < in.len ?
					width_cp(in.cps[in.cursor]) : 1;
				CHECK(col >= 0 && col <= cols - 1);
				CHECK(col + need <= cols);
				CHECK(first <= in.cursor);
				CHECK(first == 0 || first >= in.len ||
				      width_cp(in.cps[first]) > 0);
				for (w = 0, i = first; i < in.cursor; i++)
					w += width_cp(in.cps[i]);
				CHECK_INT(w, col);
				if (k == 0 ? in.cursor == 0 : in.cursor == in.len)
					break;
				if (k == 0)
					input_left(&in);
				else
					input_right(&in);
			}
		}
	}
	input_done(&in);
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("Bail out! no C.UTF-8 locale\n");
		return 1;
	}
	RUN(insert_ascii);
	RUN(insert_refusals);
	RUN(move_over_wide);
	RUN(move_over_combining);
	RUN(type_before_a_leading_mark);
	RUN(kill_on_a_fresh_line);
	RUN(move_over_family);
	RUN(backspace_and_delete_wide);
	RUN(backspace_and_delete_combining);
	RUN(backspace_family);
	RUN(kill_to_start);
	RUN(kill_word);
	RUN(kill_word_middle_and_wide);
	RUN(max_length_ascii);
	RUN(max_length_counts_bytes);
	RUN(paste);
	RUN(set_text_round_trip);
	RUN(set_text_too_long);
	RUN(blank_and_clear);
	RUN(view_short);
	RUN(view_ascii_pages);
	RUN(view_cjk_scroll);
	RUN(view_never_cuts_wide);
	RUN(view_property);
	return tap_done();
}
