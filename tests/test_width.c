/* test_width.c: column widths, fitting, truncation and wrapping (width.h).
**
** Expected values are counted by hand: an ASCII letter or an accented one is
** 1 column, a CJK character or an emoji 2, a combining mark, a ZWJ or a
** variation selector 0, an invalid byte 1.
*/
#include "width.h"

#include <locale.h>
#include <stdlib.h>

#include "rapport/text.h"
#include "tap.h"

#define E_ACUTE "\xC3\xA9"              /* é, one code point */
#define E_COMB "e\xCC\x81"              /* e + U+0301, é decomposed */
#define GRIN "\xF0\x9F\x98\x80"         /* 😀 U+1F600 */
#define WOMAN "\xF0\x9F\x91\xA9"        /* 👩 U+1F469 */
#define GIRL "\xF0\x9F\x91\xA7"         /* 👧 U+1F467 */
#define ZWJ "\xE2\x80\x8D"              /* U+200D */
#define FAMILY WOMAN ZWJ WOMAN ZWJ GIRL /* 👩‍👩‍👧, 18 bytes */
#define ELLIPSIS "\xE2\x80\xA6"         /* … */

/* Check width_truncate(s, cols) against want, freeing the result. */
#define CHECK_TRUNC(s, cols, want)                      \
	do {                                            \
		char *t_ = width_truncate(s, cols);     \
		CHECK_STR(t_, want);                    \
		free(t_);                               \
	} while (0)

/* Check line k of a wrap against its byte range. */
#define CHECK_LINE(lines, k, st, ln)                    \
	do {                                            \
		CHECK_INT((lines)[k].start, st);        \
		CHECK_INT((lines)[k].len, ln);          \
	} while (0)

static void
cp_basic(void)
{
	CHECK_INT(width_cp('a'), 1);
	CHECK_INT(width_cp(' '), 1);
	CHECK_INT(width_cp(0xE9), 1);       /* é */
	CHECK_INT(width_cp(0x2026), 1);     /* … */
	CHECK_INT(width_cp(0xFFFD), 1);
}

static void
cp_zero_width(void)
{
	CHECK_INT(width_cp(0x0301), 0);     /* combining acute */
	CHECK_INT(width_cp(0x0308), 0);     /* combining diaeresis */
	CHECK_INT(width_cp(0x20E3), 0);     /* combining keycap */
	CHECK_INT(width_cp(0x200D), 0);     /* ZWJ */
	CHECK_INT(width_cp(0xFE00), 0);     /* VS1 */
	CHECK_INT(width_cp(0xFE0F), 0);     /* VS16, emoji presentation */
	CHECK_INT(width_cp(0xE0100), 0);    /* VS17 */
}

static void
cp_wide(void)
{
	CHECK_INT(width_cp(0x65E5), 2);     /* 日 */
	CHECK_INT(width_cp(0x3000), 2);     /* ideographic space */
	CHECK_INT(width_cp(0xAC00), 2);     /* 가 */
	CHECK_INT(width_cp(0xFF21), 2);     /* fullwidth A */
	CHECK_INT(width_cp(0x1F600), 2);    /* 😀 */
	CHECK_INT(width_cp(0x1F469), 2);    /* 👩 */
	CHECK_INT(width_cp(0x1F680), 2);    /* 🚀 */
}

static void
cp_unknown_is_one(void)
{
	/* wcwidth() says -1 for these; a terminal still moves one cell. */
	CHECK_INT(width_cp(0x7F), 1);
	CHECK_INT(width_cp(0x9B), 1);
	CHECK_INT(width_cp(0x10FFFF), 1);
	CHECK_INT(width_cp(0xFFFFFFFFu), 1);
}

static void
str_ascii_and_accents(void)
{
	CHECK_INT(width_str(""), 0);
	CHECK_INT(width_str(NULL), 0);
	CHECK_INT(width_str("abc"), 3);
	CHECK_INT(width_str(E_ACUTE), 1);
	CHECK_INT(width_str(E_COMB), 1);
	CHECK_INT(width_str("caf" E_ACUTE " caf" E_COMB), 9);
	CHECK_INT(width_str("Zo\xC3\xAB"), 3);          /* Zoë */
}

static void
str_cjk_and_emoji(void)
{
	CHECK_INT(width_str("日本語"), 6);
	CHECK_INT(width_str(GRIN), 2);
	CHECK_INT(width_str(GRIN GRIN "!"), 5);
	CHECK_INT(width_str("\xE2\x9D\xA4\xEF\xB8\x8F"), 1); /* ❤️: wcwidth's 1 + VS16's 0 */
	/* The family is three 2-column emoji glued by two ZWJ.  Counted per
	** code point as curses does: 6, though a terminal that shapes the
	** sequence draws one 2-column glyph. */
	CHECK_INT(width_str(FAMILY), 6);
}

static void
str_mixed(void)
{
	/* Z o ë ␠ 日 本 ␠ 😀 ␠ é ! = 1+1+1+1+2+2+1+2+1+1+1 */
	CHECK_INT(width_str("Zo\xC3\xAB 日本 " GRIN " " E_COMB "!"), 14);
	CHECK_INT(width_str("a日b😀c"), 7);
}

static void
str_invalid_bytes(void)
{
	CHECK_INT(width_str("a\xFF" "b"), 3);
	CHECK_INT(width_str("\xC3"), 1);                 /* cut 2-byte */
	CHECK_INT(width_str("\xE6\x97"), 2);             /* 日 without its last byte */
	CHECK_INT(width_str("\xF0\x9F\x98"), 3);         /* 😀 without its last byte */
	CHECK_INT(width_str("\xC0\x80"), 2);             /* overlong NUL */
	CHECK_INT(width_str("\xED\xA0\x80"), 3);         /* surrogate */
	CHECK_INT(width_str("\x80\x80日"), 4);
}

static void
strn_prefix(void)
{
	CHECK_INT(width_strn("abcdef", 2), 2);
	CHECK_INT(width_strn("日本語", 3), 2);
	CHECK_INT(width_strn("日本語", 6), 4);
	CHECK_INT(width_strn("日本語", 0), 0);
	/* Cut inside 本: its one byte left is an invalid byte, 1 column. */
	CHECK_INT(width_strn("日本語", 4), 3);
	/* A NUL inside len ends the text. */
	CHECK_INT(width_strn("a\0bc", 4), 1);
	CHECK_INT(width_strn(NULL, 4), 0);
}

static void
fit_cjk(void)
{
	int used = -1;

	CHECK_INT(width_fit("日本語", 1, &used), 0);
	CHECK_INT(used, 0);
	CHECK_INT(width_fit("日本語", 2, &used), 3);
	CHECK_INT(used, 2);
	CHECK_INT(width_fit("日本語", 3, &used), 3);
	CHECK_INT(used, 2);
	CHECK_INT(width_fit("日本語", 5, &used), 6);
	CHECK_INT(used, 4);
	CHECK_INT(width_fit("日本語", 6, &used), 9);
	CHECK_INT(used, 6);
	CHECK_INT(width_fit("日本語", 100, &used), 9);
	CHECK_INT(used, 6);
	CHECK_INT(width_fit("日本語", 4, NULL), 6);
}

static void
fit_nothing(void)
{
	int used = -1;

	CHECK_INT(width_fit("abc", 0, &used), 0);
	CHECK_INT(used, 0);
	used = -1;
	CHECK_INT(width_fit("abc", -5, &used), 0);
	CHECK_INT(used, 0);
	used = -1;
	CHECK_INT(width_fit("", 5, &used), 0);
	CHECK_INT(used, 0);
	CHECK_INT(width_fit(NULL, 5, &used), 0);
}

static void
fit_keeps_marks(void)
{
	int used = -1;

	/* The accent goes with its e, even with no column to spare. */
	CHECK_INT(width_fit(E_COMB "x", 1, &used), 3);
	CHECK_INT(used, 1);
	CHECK_INT(width_fit(E_ACUTE GRIN, 2, &used), 2);
	CHECK_INT(used, 1);
	CHECK_INT(width_fit(E_ACUTE GRIN, 3, &used), 6);
	CHECK_INT(used, 3);
	/* A ZWJ is zero-width and stays with the emoji before it. */
	CHECK_INT(width_fit(FAMILY, 3, &used), 7);
	CHECK_INT(used, 2);
	CHECK_INT(width_fit(FAMILY, 4, &used), 14);
	CHECK_INT(used, 4);
	CHECK_INT(width_fit(FAMILY, 6, &used), 18);
	CHECK_INT(used, 6);
}

static void
fit_invalid(void)
{
	int used = -1;

	CHECK_INT(width_fit("a\xFF\xFE", 2, &used), 2);
	CHECK_INT(used, 2);
	CHECK_INT(width_fit("\xE6\x97" "x", 1, &used), 1);
	CHECK_INT(used, 1);
}

static void
truncate_ascii(void)
{
	CHECK_TRUNC("hello", 10, "hello");
	CHECK_TRUNC("hello", 5, "hello");
	CHECK_TRUNC("hello", 4, "hel" ELLIPSIS);
	CHECK_TRUNC("hello", 2, "h" ELLIPSIS);
	CHECK_TRUNC("hello", 1, ELLIPSIS);
	CHECK_TRUNC("hello", 0, "");
	CHECK_TRUNC("hello", -3, "");
	CHECK_TRUNC("", 0, "");
	CHECK_TRUNC("", 4, "");
	CHECK_TRUNC(NULL, 4, "");
	CHECK_TRUNC("x", 1, "x");
}

static void
truncate_cjk(void)
{
	CHECK_TRUNC("日本語", 7, "日本語");
	CHECK_TRUNC("日本語", 6, "日本語");
	CHECK_TRUNC("日本語", 5, "日本" ELLIPSIS);
	/* 本 would straddle the ellipsis' column: dropped, one column short. */
	CHECK_TRUNC("日本語", 4, "日" ELLIPSIS);
	CHECK_TRUNC("日本語", 3, "日" ELLIPSIS);
	CHECK_TRUNC("日本語", 2, ELLIPSIS);
	CHECK_TRUNC("日本語", 1, ELLIPSIS);
	CHECK_TRUNC("日", 1, ELLIPSIS);
}

static void
truncate_accents_and_emoji(void)
{
	CHECK_TRUNC(E_COMB "t" E_ACUTE, 3, E_COMB "t" E_ACUTE);
	CHECK_TRUNC(E_COMB "t" E_ACUTE, 2, E_COMB ELLIPSIS);
	CHECK_TRUNC(GRIN GRIN, 4, GRIN GRIN);
	CHECK_TRUNC(GRIN GRIN, 3, GRIN ELLIPSIS);
	CHECK_TRUNC(FAMILY, 6, FAMILY);
	/* Two women and their ZWJ fit in 4; the ellipsis follows. */
	CHECK_TRUNC(FAMILY, 5, WOMAN ZWJ WOMAN ZWJ ELLIPSIS);
}

static void
truncate_invalid(void)
{
	CHECK_TRUNC("ab\xFF\xFE", 4, "ab\xFF\xFE");
	CHECK_TRUNC("ab\xFF\xFE", 3, "ab" ELLIPSIS);
	CHECK_TRUNC("\xFF\xFF\xFF", 2, "\xFF" ELLIPSIS);
}

#define MIXED "Zo\xC3\xAB 日本 " GRIN " " E_COMB "!"  /* 14 columns */

static void
truncate_mixed_table(void)
{
	static const char *const want[] = {
		"",                                  /* 0 */
		ELLIPSIS,                            /* 1 */
		"Z" ELLIPSIS,                        /* 2 */
		"Zo" ELLIPSIS,                       /* 3 */
		"Zo\xC3\xAB" ELLIPSIS,               /* 4 */
		"Zo\xC3\xAB " ELLIPSIS,              /* 5 */
		"Zo\xC3\xAB " ELLIPSIS,              /* 6: 日 straddles */
		"Zo\xC3\xAB 日" ELLIPSIS,            /* 7 */
		"Zo\xC3\xAB 日" ELLIPSIS,            /* 8: 本 straddles */
		"Zo\xC3\xAB 日本" ELLIPSIS,          /* 9 */
		"Zo\xC3\xAB 日本 " ELLIPSIS,         /* 10 */
		"Zo\xC3\xAB 日本 " ELLIPSIS,         /* 11: 😀 straddles */
		"Zo\xC3\xAB 日本 " GRIN ELLIPSIS,    /* 12 */
		"Zo\xC3\xAB 日本 " GRIN " " ELLIPSIS,/* 13 */
		MIXED,                               /* 14 */
		MIXED,                               /* 15 */
	};
	int cols;

	for (cols = 0; cols < (int)(sizeof want / sizeof want[0]); cols++)
		CHECK_TRUNC(MIXED, cols, want[cols]);
}

/* At every width: no wider than cols, a prefix of the text plus "…" when
** cut, never more than one column short, valid UTF-8. */
static void
truncate_mixed_property(void)
{
	const char *s = MIXED;
	size_t slen = strlen(s), el = strlen(ELLIPSIS), tlen;
	int cols, w, full = width_str(s);
	char *t;

	for (cols = -2; cols <= full + 3; cols++) {
		t = width_truncate(s, cols);
		CHECK(t != NULL);
		if (t == NULL)
			continue;
		tlen = strlen(t);
		w = width_str(t);
		CHECK(text_utf8_valid(t, tlen));
		CHECK(w <= (cols > 0 ? cols : 0));
		if (cols <= 0) {
			CHECK_STR(t, "");
		} else if (cols >= full) {
			CHECK_STR(t, s);
		} else {
			CHECK(tlen >= el && strcmp(t + tlen - el, ELLIPSIS) == 0);
			CHECK(tlen - el < slen && memcmp(t, s, tlen - el) == 0);
			CHECK(w >= cols - 1);
		}
		free(t);
	}
}

static void
wrap_empty_and_degenerate(void)
{
	width_line lines[4];

	/* "" needs no line at all (width.c). */
	CHECK_INT(width_wrap("", 10, lines, 4), 0);
	CHECK_INT(width_wrap(NULL, 10, lines, 4), 0);
	CHECK_INT(width_wrap("abc", 0, lines, 4), 0);
	CHECK_INT(width_wrap("abc", -1, lines, 4), 0);
}

static void
wrap_fits(void)
{
	width_line lines[4];

	CHECK_INT(width_wrap("hello world", 20, lines, 4), 1);
	CHECK_LINE(lines, 0, 0, 11);
	CHECK_INT(width_wrap("hello world", 11, lines, 4), 1);
	CHECK_LINE(lines, 0, 0, 11);
}

static void
wrap_at_blanks(void)
{
	width_line lines[4];

	/* The blank at the break belongs to neither line. */
	CHECK_INT(width_wrap("hello world", 5, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 5);
	CHECK_LINE(lines, 1, 6, 5);
	CHECK_INT(width_wrap("hello world", 8, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 5);
	CHECK_LINE(lines, 1, 6, 5);
	CHECK_INT(width_wrap("hello  world", 6, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 5);
	CHECK_LINE(lines, 1, 7, 5);
	CHECK_INT(width_wrap("ab cd ef", 6, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 5);
	CHECK_LINE(lines, 1, 6, 2);
	/* Blanks at the end that spill over make no new line. */
	CHECK_INT(width_wrap("ab    ", 3, lines, 4), 1);
	CHECK_LINE(lines, 0, 0, 2);
	/* The text's own leading blanks stay. */
	CHECK_INT(width_wrap("  ab cd", 4, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 4);
	CHECK_LINE(lines, 1, 5, 2);
}

static void
wrap_long_words(void)
{
	width_line lines[6];

	CHECK_INT(width_wrap("abcdefgh", 3, lines, 6), 3);
	CHECK_LINE(lines, 0, 0, 3);
	CHECK_LINE(lines, 1, 3, 3);
	CHECK_LINE(lines, 2, 6, 2);
	/* "a" / "veryl" / "ongwo" / "rd b": the long word starts a line. */
	CHECK_INT(width_wrap("a verylongword b", 5, lines, 6), 4);
	CHECK_LINE(lines, 0, 0, 1);
	CHECK_LINE(lines, 1, 2, 5);
	CHECK_LINE(lines, 2, 7, 5);
	CHECK_LINE(lines, 3, 12, 4);
}

static void
wrap_cjk(void)
{
	width_line lines[6];

	/* 日本 / 語日 / 本語: CJK breaks between characters. */
	CHECK_INT(width_wrap("日本語日本語", 5, lines, 6), 3);
	CHECK_LINE(lines, 0, 0, 6);
	CHECK_LINE(lines, 1, 6, 6);
	CHECK_LINE(lines, 2, 12, 6);
	CHECK_INT(width_wrap("日本語日本語", 4, lines, 6), 3);
	CHECK_LINE(lines, 0, 0, 6);
	CHECK_LINE(lines, 1, 6, 6);
	CHECK_LINE(lines, 2, 12, 6);
	/* "Meeting: 日" (12) / "本語のテキス" (12) / "ト". */
	CHECK_INT(width_wrap("Meeting: 日本語のテキスト", 12, lines, 6), 3);
	CHECK_LINE(lines, 0, 0, 12);
	CHECK_LINE(lines, 1, 12, 18);
	CHECK_LINE(lines, 2, 30, 3);
	/* "ab" / "日" / "本". */
	CHECK_INT(width_wrap("ab 日本", 3, lines, 6), 3);
	CHECK_LINE(lines, 0, 0, 2);
	CHECK_LINE(lines, 1, 3, 3);
	CHECK_LINE(lines, 2, 6, 3);
}

static void
wrap_marks_and_emoji(void)
{
	width_line lines[4];

	/* éé / é, each e with its accent. */
	CHECK_INT(width_wrap(E_COMB E_COMB E_COMB, 2, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 6);
	CHECK_LINE(lines, 1, 6, 3);
	/* No break after a ZWJ: the family (6 columns) is one word, split
	** where it must be, the ZWJ staying with the woman before it. */
	CHECK_INT(width_wrap(FAMILY, 4, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 14);
	CHECK_LINE(lines, 1, 14, 4);
	CHECK_INT(width_wrap(GRIN GRIN GRIN, 4, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 8);
	CHECK_LINE(lines, 1, 8, 4);
}

static void
wrap_newlines(void)
{
	width_line lines[4];

	CHECK_INT(width_wrap("ab\ncd", 10, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 2);
	CHECK_LINE(lines, 1, 3, 2);
	CHECK_INT(width_wrap("a\n", 10, lines, 4), 1);
	CHECK_LINE(lines, 0, 0, 1);
	CHECK_INT(width_wrap("\n", 10, lines, 4), 1);
	CHECK_LINE(lines, 0, 0, 0);
	CHECK_INT(width_wrap("a\n\nb", 10, lines, 4), 3);
	CHECK_LINE(lines, 0, 0, 1);
	CHECK_LINE(lines, 1, 2, 0);
	CHECK_LINE(lines, 2, 3, 1);
	/* A soft break just before a newline is one break. */
	CHECK_INT(width_wrap("ab \ncd", 2, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 2);
	CHECK_LINE(lines, 1, 4, 2);
}

static void
wrap_blanks_only(void)
{
	width_line lines[2];

	CHECK_INT(width_wrap("   ", 5, lines, 2), 1);
	CHECK_LINE(lines, 0, 0, 3);
	CHECK_INT(width_wrap("   ", 2, lines, 2), 1);
	CHECK_LINE(lines, 0, 0, 0);
}

static void
wrap_invalid_and_narrow(void)
{
	width_line lines[4];

	CHECK_INT(width_wrap("\xFF\xFF\xFF", 2, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 2);
	CHECK_LINE(lines, 1, 2, 1);
	/* Below the contract (cols < 2) a wide character gets its own,
	** overfull line rather than looping. */
	CHECK_INT(width_wrap("日a", 1, lines, 4), 2);
	CHECK_LINE(lines, 0, 0, 3);
	CHECK_LINE(lines, 1, 3, 1);
}

static void
wrap_counts_beyond_max(void)
{
	width_line lines[2] = { { 99, 99 }, { 99, 99 } };

	CHECK_INT(width_wrap("abcdefgh", 3, lines, 1), 3);
	CHECK_LINE(lines, 0, 0, 3);
	CHECK_LINE(lines, 1, 99, 99);   /* untouched */
	CHECK_INT(width_wrap("abcdefgh", 3, NULL, 0), 3);
	CHECK_INT(width_wrap("日本語日本語", 5, NULL, 0), 3);
}

/* Every line of a wrap fits, and the lines cover the text in order. */
static void
wrap_property(void)
{
	const char *s = "Zo\xC3\xAB met 日本語のチーム " GRIN " about the " E_COMB
			"t" E_ACUTE " roadmap\xFF, supercalifragilistic " FAMILY;
	width_line lines[64];
	size_t n, k, end;
	int cols;

	for (cols = 2; cols <= 30; cols++) {
		n = width_wrap(s, cols, lines, 64);
		CHECK(n >= 1 && n <= 64);
		end = 0;
		for (k = 0; k < n && k < 64; k++) {
			CHECK(lines[k].start >= end);
			CHECK(width_strn(s + lines[k].start, lines[k].len) <= cols);
			CHECK(lines[k].len > 0);
			end = lines[k].start + lines[k].len;
		}
		CHECK(end <= strlen(s));
	}
}

/* Check width_truncate_words(s, cols) against want, freeing the result. */
#define TRUNC_WORDS(s, cols, want)                         \
	do {                                               \
		char *t_ = width_truncate_words(s, cols);  \
		CHECK_STR(t_, want);                       \
		free(t_);                                  \
	} while (0)

static void
truncate_at_words(void)
{
	/* Fits: as it is. */
	TRUNC_WORDS("newest first", 12, "newest first");
	/* Back to the end of the last whole word, never "newest fi…". */
	TRUNC_WORDS("0 meetings, newest first", 20, "0 meetings, newest…");
	TRUNC_WORDS("0 meetings, newest first", 18, "0 meetings…");
	/* A separator left at the cut goes with its blanks. */
	TRUNC_WORDS("rapport · historique · Zoë", 24, "rapport · historique…");
	/* Counted in columns: "é" is one, 日本 two each. */
	TRUNC_WORDS("réunion élargie à Lyon", 16, "réunion élargie…");
	TRUNC_WORDS("日本語 の会議 です", 14, "日本語 の会議…");
	/* The cut falling on a blank keeps the word before it whole. */
	TRUNC_WORDS("abc def ghi", 8, "abc def…");
	/* One word wider than the room: cut inside, as width_truncate. */
	TRUNC_WORDS("Schadenfreude", 6, "Schad…");
	TRUNC_WORDS("x", 0, "");
	TRUNC_WORDS(NULL, 5, "");
}

int
main(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		printf("Bail out! no C.UTF-8 locale\n");
		return 1;
	}
	RUN(cp_basic);
	RUN(cp_zero_width);
	RUN(cp_wide);
	RUN(cp_unknown_is_one);
	RUN(str_ascii_and_accents);
	RUN(str_cjk_and_emoji);
	RUN(str_mixed);
	RUN(str_invalid_bytes);
	RUN(strn_prefix);
	RUN(fit_cjk);
	RUN(fit_nothing);
	RUN(fit_keeps_marks);
	RUN(fit_invalid);
	RUN(truncate_ascii);
	RUN(truncate_cjk);
	RUN(truncate_accents_and_emoji);
	RUN(truncate_invalid);
	RUN(truncate_mixed_table);
	RUN(truncate_mixed_property);
	RUN(wrap_empty_and_degenerate);
	RUN(wrap_fits);
	RUN(wrap_at_blanks);
	RUN(wrap_long_words);
	RUN(wrap_cjk);
	RUN(wrap_marks_and_emoji);
	RUN(wrap_newlines);
	RUN(wrap_blanks_only);
	RUN(wrap_invalid_and_narrow);
	RUN(wrap_counts_beyond_max);
	RUN(wrap_property);
	RUN(truncate_at_words);
	return tap_done();
}
