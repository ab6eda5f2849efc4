/* test_text.c: UTF-8 validation, folding and sanitizing (text.h). */
#include "rapport/text.h"

#include <stdlib.h>

#include "tap.h"

#define FFFD "\xEF\xBF\xBD"  /* U+FFFD in UTF-8 */

/* Check text_fold(in) against want, freeing the result. */
#define CHECK_FOLD(in, want)                    \
	do {                                    \
		char *f_ = text_fold(in);       \
		CHECK_STR(f_, want);            \
		free(f_);                       \
	} while (0)

#define CHECK_SANITIZE(in, nl, want)                    \
	do {                                            \
		char *s_ = text_sanitize(in, nl);       \
		CHECK_STR(s_, want);                    \
		free(s_);                               \
	} while (0)

#define VALID(lit) text_utf8_valid(lit, sizeof(lit) - 1)

static void
valid_ascii_and_empty(void)
{
	CHECK(VALID(""));
	CHECK(VALID("hello, world"));
	CHECK(text_utf8_valid("abc", 0));
}

static void
valid_multibyte(void)
{
	CHECK(VALID("\xC3\xA9"));              /* é */
	CHECK(VALID("\xE2\x82\xAC"));          /* € */
	CHECK(VALID("\xF0\x9F\x98\x80"));      /* 😀 */
	CHECK(VALID("東京 – Zoë 😀"));
	CHECK(VALID("\xC2\x80"));              /* U+0080, smallest 2-byte */
	CHECK(VALID("\xEF\xBF\xBF"));          /* U+FFFF */
	CHECK(VALID("\xED\x9F\xBF"));          /* U+D7FF, just below surrogates */
	CHECK(VALID("\xEE\x80\x80"));          /* U+E000, just above */
	CHECK(VALID("\xF4\x8F\xBF\xBF"));      /* U+10FFFF, the last */
}

static void
invalid_overlongs(void)
{
	CHECK(!VALID("\xC0\x80"));             /* NUL, overlong */
	CHECK(!VALID("\xC1\xBF"));
	CHECK(!VALID("\xE0\x80\x80"));
	CHECK(!VALID("\xE0\x9F\xBF"));         /* U+07FF in 3 bytes */
	CHECK(!VALID("\xF0\x80\x80\x80"));
	CHECK(!VALID("\xF0\x8F\xBF\xBF"));     /* U+FFFF in 4 bytes */
	CHECK(!VALID("a\xC0\xAF" "b"));        /* the classic overlong '/' */
}

static void
invalid_surrogates(void)
{
	CHECK(!VALID("\xED\xA0\x80"));         /* U+D800 */
	CHECK(!VALID("\xED\xBF\xBF"));         /* U+DFFF */
	CHECK(!VALID("\xED\xA0\xBD\xED\xB8\x80")); /* CESU-8 pair */
}

static void
invalid_beyond_unicode(void)
{
	CHECK(!VALID("\xF4\x90\x80\x80"));     /* U+110000 */
	CHECK(!VALID("\xF5\x80\x80\x80"));
	CHECK(!VALID("\xF8\x88\x80\x80\x80"));
	CHECK(!VALID("\xFF"));
	CHECK(!VALID("\xFE"));
}

static void
invalid_truncated(void)
{
	CHECK(!VALID("\xC3"));
	CHECK(!VALID("\xE2\x82"));
	CHECK(!VALID("\xF0\x9F\x98"));
	CHECK(!VALID("caf\xC3"));
	CHECK(!VALID("\xC3" "b"));             /* lead byte, then no continuation */
	CHECK(!VALID("\x80"));                 /* lone continuation */
	CHECK(!VALID("a\xBF" "b"));
	/* The length given is what counts, not the NUL. */
	CHECK(!text_utf8_valid("\xC3\xA9", 1));
}

static void
decode_values(void)
{
	uint32_t cp = 0;

	CHECK_INT(text_utf8_decode("A", 1, &cp), 1);
	CHECK_INT(cp, 0x41);
	CHECK_INT(text_utf8_decode("\xC3\xA9x", 3, &cp), 2);
	CHECK_INT(cp, 0xE9);
	CHECK_INT(text_utf8_decode("\xE2\x82\xAC", 3, &cp), 3);
	CHECK_INT(cp, 0x20AC);
	CHECK_INT(text_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	CHECK_INT(cp, 0x1F600);
	CHECK_INT(text_utf8_decode("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	CHECK_INT(cp, 0x10FFFF);
}

static void
decode_malformed(void)
{
	uint32_t cp = 7;

	CHECK_INT(text_utf8_decode("", 0, &cp), 0);
	CHECK_INT(text_utf8_decode("\xC3\xA9", 1, &cp), 0);
	CHECK_INT(text_utf8_decode("\xC0\x80", 2, &cp), 0);
	CHECK_INT(text_utf8_decode("\xED\xA0\x80", 3, &cp), 0);
	CHECK_INT(text_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0);
	CHECK_INT(text_utf8_decode("\x80", 1, &cp), 0);
	CHECK_INT(cp, 7);  /* untouched on failure */
}

static void
encode_values(void)
{
	char buf[4];

	CHECK_INT(text_utf8_encode('A', buf), 1);
	CHECK(buf[0] == 'A');
	CHECK_INT(text_utf8_encode(0xE9, buf), 2);
	CHECK(memcmp(buf, "\xC3\xA9", 2) == 0);
	CHECK_INT(text_utf8_encode(0x7FF, buf), 2);
	CHECK(memcmp(buf, "\xDF\xBF", 2) == 0);
	CHECK_INT(text_utf8_encode(0x800, buf), 3);
	CHECK(memcmp(buf, "\xE0\xA0\x80", 3) == 0);
	CHECK_INT(text_utf8_encode(0x20AC, buf), 3);
	CHECK(memcmp(buf, "\xE2\x82\xAC", 3) == 0);
	CHECK_INT(text_utf8_encode(0x1F600, buf), 4);
	CHECK(memcmp(buf, "\xF0\x9F\x98\x80", 4) == 0);
	CHECK_INT(text_utf8_encode(0x10FFFF, buf), 4);
	CHECK(memcmp(buf, "\xF4\x8F\xBF\xBF", 4) == 0);
}

static void
encode_non_characters_as_replacement(void)
{
	char buf[4];

	CHECK_INT(text_utf8_encode(0xD800, buf), 3);
	CHECK(memcmp(buf, FFFD, 3) == 0);
	CHECK_INT(text_utf8_encode(0x110000, buf), 3);
	CHECK(memcmp(buf, FFFD, 3) == 0);
}

static void
encode_decode_round_trip(void)
{
	static const uint32_t cps[] = {
		0x0, 0x7F, 0x80, 0xFF, 0x100, 0x7FF, 0x800, 0xD7FF, 0xE000,
		0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF,
	};
	char buf[4];
	uint32_t cp;
	size_t i;
	int n;

	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = text_utf8_encode(cps[i], buf);
		CHECK_INT(text_utf8_decode(buf, (size_t)n, &cp), n);
		CHECK_INT(cp, cps[i]);
	}
}

static void
fold_names(void)
{
	CHECK_FOLD("Zoë Lefèvre SARL", "zoe lefevre sarl");
	CHECK_FOLD("ÉCOLE", "ecole");
	CHECK_FOLD("Straße", "strasse");
	CHECK_FOLD("François Çelik", "francois celik");
	CHECK_FOLD("Ångström", "angstrom");
	CHECK_FOLD("Łódź", "lodz");
	CHECK_FOLD("Đorđe Šćepanović", "dorde scepanovic");
	CHECK_FOLD("Nguyễn Thị Minh Khai", "nguyen thi minh khai");
	CHECK_FOLD("Søren Ørsted", "soren orsted");
	CHECK_FOLD("Þórunn", "thorunn");
}

static void
fold_ligatures(void)
{
	CHECK_FOLD("Œuvre cœur", "oeuvre coeur");
	CHECK_FOLD("Æsir æther", "aesir aether");
	CHECK_FOLD("ẞ", "ss");
	CHECK_FOLD("Ĳssel", "ijssel");
	CHECK_FOLD("ǅ", "dz");
}

static void
fold_dotted_and_dotless_i(void)
{
	CHECK_FOLD("İstanbul", "istanbul");
	CHECK_FOLD("ılık", "ilik");
}

static void
fold_decomposed_accents(void)
{
	/* e + COMBINING ACUTE ACCENT, as macOS types it */
	CHECK_FOLD("Rene\xCC\x81", "rene");
	CHECK_FOLD("E\xCC\x81" "cole", "ecole");
}

static void
fold_greek_and_cyrillic(void)
{
	CHECK_FOLD("ΑΘΗΝΑ", "αθηνα");
	CHECK_FOLD("Άρης", "αρησ");       /* tonos goes, final sigma matches σ */
	CHECK_FOLD("МОСКВА", "москва");
	CHECK_FOLD("Ёлка ЁЖ", "елка еж");
	CHECK_FOLD("Їжак", "їжак");       /* U+0407 → U+0457 */
}

static void
fold_letters_without_base(void)
{
	CHECK_FOLD("Ə", "ə");             /* schwa lower-cased, kept */
	CHECK_FOLD("Ŋ", "ŋ");
	CHECK_FOLD("ĸ", "ĸ");
}

static void
fold_leaves_others_alone(void)
{
	CHECK_FOLD("", "");
	CHECK_FOLD("東京 😀", "東京 😀");
	CHECK_FOLD("3 × 4 ÷ 2", "3 × 4 ÷ 2");
	CHECK_FOLD("a-b_c 123 !?", "a-b_c 123 !?");
	CHECK_FOLD("« déjà » …", "« deja » …");
}

static void
fold_has_prefix(void)
{
	CHECK(text_fold_has_prefix("Zoë Lefèvre", "ZOE"));
	CHECK(text_fold_has_prefix("Zoë Lefèvre", "zoë lef"));
	CHECK(text_fold_has_prefix("Straße", "strass"));
	CHECK(text_fold_has_prefix("ÉCOLE", "éc"));
	CHECK(text_fold_has_prefix("anything", ""));
	CHECK(!text_fold_has_prefix("Zoë", "zoe l"));
	CHECK(!text_fold_has_prefix("abc", "abcd"));
	CHECK(!text_fold_has_prefix("Lefèvre", "zoe"));
}

static void
sanitize_escape_sequences(void)
{
	char *s;

	CHECK_SANITIZE("a\x1b[31mred\x1b[0m", " ", "a" FFFD "[31mred" FFFD "[0m");
	CHECK_SANITIZE("\x1b]0;title\x07", " ", FFFD "]0;title" FFFD);
	s = text_sanitize("\x1b\x1b\x1b[2J\x1b", "\n");
	CHECK(s != NULL && strchr(s, 0x1b) == NULL);
	free(s);
}

static void
sanitize_c0_and_del(void)
{
	CHECK_SANITIZE("bell\x07", " ", "bell" FFFD);
	CHECK_SANITIZE("back\x08space", " ", "back" FFFD "space");
	CHECK_SANITIZE("del\x7F", " ", "del" FFFD);
	CHECK_SANITIZE("\x01\x1F", " ", FFFD FFFD);
	CHECK_SANITIZE("vt\x0B" "ff\x0C", " ", "vt" FFFD "ff" FFFD);
}

static void
sanitize_c1_controls(void)
{
	CHECK_SANITIZE("csi\xC2\x9B" "2J", " ", "csi" FFFD "2J");
	CHECK_SANITIZE("\xC2\x80\xC2\x9F", " ", FFFD FFFD);
	CHECK_SANITIZE("nel\xC2\x85", " ", "nel" FFFD);
	CHECK_SANITIZE("\xC2\xA0nbsp", " ", "\xC2\xA0nbsp");  /* U+00A0 is text */
}

static void
sanitize_tabs_and_newlines(void)
{
	CHECK_SANITIZE("a\tb", "\n", "a b");
	CHECK_SANITIZE("l1\nl2", "\n", "l1\nl2");
	CHECK_SANITIZE("l1\nl2", " ", "l1 l2");
	CHECK_SANITIZE("l1\r\nl2", " ", "l1 l2");
	CHECK_SANITIZE("l1\r\nl2\r\n", "\n", "l1\nl2\n");
	CHECK_SANITIZE("a\rb", "|", "a|b");
	CHECK_SANITIZE("\n\n", "|", "||");
	CHECK_SANITIZE("\r\r\n", "|", "||");
	CHECK_SANITIZE("a\nb", "", "ab");
	CHECK_SANITIZE("a\nb", NULL, "a b");
}

static void
sanitize_unicode_separators(void)
{
	CHECK_SANITIZE("l1\xE2\x80\xA8l2", "|", "l1|l2");   /* U+2028 */
	CHECK_SANITIZE("p1\xE2\x80\xA9p2", "|", "p1|p2");   /* U+2029 */
}

static void
sanitize_bidi_overrides(void)
{
	CHECK_SANITIZE("abc\xE2\x80\xAE" "fed", " ", "abc" FFFD "fed");  /* U+202E */
	CHECK_SANITIZE("\xE2\x80\xAA\xE2\x80\xAD", " ", FFFD FFFD);      /* U+202A, U+202D */
	CHECK_SANITIZE("\xE2\x81\xA6x\xE2\x81\xA9", " ", FFFD "x" FFFD); /* U+2066, U+2069 */
	/* Just outside the ranges: U+2029 handled above, U+206A is kept. */
	CHECK_SANITIZE("\xE2\x81\xAA", " ", "\xE2\x81\xAA");
}

static void
sanitize_invalid_bytes(void)
{
	CHECK_SANITIZE("a\xFF" "b", " ", "a" FFFD "b");
	CHECK_SANITIZE("caf\xC3", " ", "caf" FFFD);
	CHECK_SANITIZE("\xC0\x80", " ", FFFD FFFD);
	CHECK_SANITIZE("\xED\xA0\x80", " ", FFFD FFFD FFFD);
}

static void
sanitize_keeps_text(void)
{
	CHECK_SANITIZE("", " ", "");
	CHECK_SANITIZE("Zoë, 東京, 😀, ǅ", " ", "Zoë, 東京, 😀, ǅ");
	CHECK_SANITIZE("\xEF\xBF\xBD", " ", FFFD);
}

static void
trim_blanks(void)
{
	char a[] = "  a b \t\n";
	char b[] = "";
	char c[] = " \t\r\n ";
	char d[] = "x";
	char e[] = "\t\xC3\xA9 ";

	CHECK_STR(text_trim(a), "a b");
	CHECK_STR(text_trim(b), "");
	CHECK_STR(text_trim(c), "");
	CHECK_STR(text_trim(d), "x");
	CHECK_STR(text_trim(e), "\xC3\xA9");
	CHECK(text_trim(a) == a);
}

static void
has_control(void)
{
	CHECK(!text_has_control(""));
	CHECK(!text_has_control("Zoë 東京 😀"));
	CHECK(!text_has_control("\xE2\x80\xA8"));  /* a separator, not a control */
	CHECK(text_has_control("a\tb"));
	CHECK(text_has_control("\x1b[0m"));
	CHECK(text_has_control("end\n"));
	CHECK(text_has_control("\x7F"));
	CHECK(text_has_control("\xC2\x9B"));
	CHECK(text_has_control("raw \x9B byte"));
}

static void
length_in_code_points(void)
{
	CHECK_INT(text_length(""), 0);
	CHECK_INT(text_length("abc"), 3);
	CHECK_INT(text_length("Zoë"), 3);
	CHECK_INT(text_length("東京"), 2);
	CHECK_INT(text_length("😀!"), 2);
	CHECK_INT(text_length("e\xCC\x81"), 2);  /* a combining mark counts */
}

/* A note's words as said to a person: no @owner, no ^due, no trailing
** #topics, and no '#' before the others. */
static void
spoken_words(void)
{
	static const char *const cases[][2] = {
		{"send the #api plan @me ^fri #q3", "send the api plan"},
		{"send the revised quote #api @me ^fri", "send the revised quote"},
		{"#budget review", "budget review"},
		{"#solo", "solo"},
		{"a # b @ c ^", "a # b @ c ^"},
		{"  spaced   out  ", "spaced out"},
		{"line\none\x1b[31m", "line one\xEF\xBF\xBD[31m"},
		{"", ""},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *w = text_spoken(cases[i][0]);

		CHECK_STR(w, cases[i][1]);
		free(w);
	}
}

/* text_fold_into folds the same as text_fold, a part of a string, with no
** allocation; what does not fit is refused, never cut. */
static void
fold_into_a_buffer(void)
{
	static const char *const samples[] = {
		"Zoë Lefèvre SARL", "Straße", "Œuvre cœur", "Đorđe", "山田商事 🙈",
		"ΣΟΦΊΑ", "\xff\xferaw", "",
	};
	char buf[64], small[6];

	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		char *want = text_fold(samples[i]);

		CHECK(text_fold_into(samples[i], strlen(samples[i]), buf, sizeof buf));
		CHECK_STR(buf, want ? want : "?");
		free(want);
	}
	CHECK(text_fold_into("Bientôt prêt", 8, buf, sizeof buf));
	CHECK_STR(buf, "bientot");
	/* "strasse" and its NUL need 8 bytes. */
	CHECK(!text_fold_into("Straße", strlen("Straße"), small, sizeof small));
	CHECK(text_fold_into("Ré", strlen("Ré"), small, sizeof small));
	CHECK_STR(small, "re");
}

int
main(void)
{
	RUN(valid_ascii_and_empty);
	RUN(valid_multibyte);
	RUN(invalid_overlongs);
	RUN(invalid_surrogates);
	RUN(invalid_beyond_unicode);
	RUN(invalid_truncated);
	RUN(decode_values);
	RUN(decode_malformed);
	RUN(encode_values);
	RUN(encode_non_characters_as_replacement);
	RUN(encode_decode_round_trip);
	RUN(fold_names);
	RUN(fold_ligatures);
	RUN(fold_dotted_and_dotless_i);
	RUN(fold_decomposed_accents);
	RUN(fold_greek_and_cyrillic);
	RUN(fold_letters_without_base);
	RUN(fold_leaves_others_alone);
	RUN(fold_has_prefix);
	RUN(fold_into_a_buffer);
	RUN(sanitize_escape_sequences);
	RUN(sanitize_c0_and_del);
	RUN(sanitize_c1_controls);
	RUN(sanitize_tabs_and_newlines);
	RUN(sanitize_unicode_separators);
	RUN(sanitize_bidi_overrides);
	RUN(sanitize_invalid_bytes);
	RUN(sanitize_keeps_text);
	RUN(trim_blanks);
	RUN(has_control);
	RUN(length_in_code_points);
	RUN(spoken_words);
	return tap_done();
}
