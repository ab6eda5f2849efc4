/* text.c: UTF-8 validation, folding for matching, and sanitizing for the
** terminal.  See text.h.
**
** Nothing here reads the locale: the program may run under LC_ALL=C, and a
** name must fold the same way whatever the user's environment says.
*/
#include "rapport/text.h"

#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu  /* U+FFFD, what a bad byte or control becomes */

/* Decode one code point (see text.h).  Strict: what this accepts is what
** text_utf8_valid accepts, so the two can never disagree. */
int
text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c, min;
	int n, i;

	if (len == 0)
		return 0;
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1Fu;
		min = 0x80;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0Fu;
		min = 0x800;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07u;
		min = 0x10000;
	} else {
		/* Continuation byte out of place, C0/C1 (always overlong), or
		** F5..FF (beyond U+10FFFF). */
		return 0;
	}
	if (len < (size_t)n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3Fu);
	}
	/* Overlongs, UTF-16 surrogates and anything past Unicode are not
	** characters, whatever the bytes look like. */
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return n;
}

/* Encode cp (see text.h); a surrogate or a value past U+10FFFF is written
** as U+FFFD. */
int
text_utf8_encode(uint32_t cp, char *buf)
{
	unsigned char *b = (unsigned char *)buf;

	/* Nothing that is not a character may be written out. */
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = REPLACEMENT;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	b[0] = (unsigned char)(0xF0 | (cp >> 18));
	b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	b[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool
text_utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0)
			return false;
		i += (size_t)n;
	}
	return true;
}

/* Folding table for Latin letters, one character per code point, sixteen to
** a row.  A lower-case ASCII letter is what the code point folds to; '.'
** leaves it alone; '+' lower-cases it through latin_lower[]; an upper-case
** letter names a spelled-out pair in latin_pairs().  Stroke and hook
** letters fold to their base letter as diacritics do, because that is how
** people type them on a keyboard without them. */
static const char latin_1_ext_ab[] =
	/* U+00C0 */ "aaaaaaAceeeeiiii"
	/* U+00D0 */ "dnooooo.ouuuuyTS"
	/* U+00E0 */ "aaaaaaAceeeeiiii"
	/* U+00F0 */ "dnooooo.ouuuuyTy"
	/* U+0100 */ "aaaaaaccccccccdd"
	/* U+0110 */ "ddeeeeeeeeeegggg"
	/* U+0120 */ "gggghhhhiiiiiiii"
	/* U+0130 */ "iiIIjjkk.lllllll"
	/* U+0140 */ "lllnnnnnnn+.oooo"
	/* U+0150 */ "ooOOrrrrrrssssss"
	/* U+0160 */ "ssttttttuuuuuuuu"
	/* U+0170 */ "uuuuwwyyyzzzzzzs"
	/* U+0180 */ "bbbb+.+ccdddd.++"
	/* U+0190 */ "+ffg+H+ikkl.+nno"
	/* U+01A0 */ "ooQQpp++.+.ttttu"
	/* U+01B0 */ "u+vyyzz++...+..."
	/* U+01C0 */ "....DDDLLLNNNaai"
	/* U+01D0 */ "ioouuuuuuuuuu.aa"
	/* U+01E0 */ "aaAAggggkkoooo++"
	/* U+01F0 */ "jDDDggH+nnaaAAoo"
	/* U+0200 */ "aaaaeeeeiiiioooo"
	/* U+0210 */ "rrrruuuusstt+.hh"
	/* U+0220 */ "ndUUzzaaeeoooooo"
	/* U+0230 */ "ooyylntjBPacclts"
	/* U+0240 */ "z+.bu+eejjqqrryy";

/* Latin Extended Additional: mostly Vietnamese and Welsh. */
static const char latin_ext_additional[] =
	/* U+1E00 */ "aabbbbbbccdddddd"
	/* U+1E10 */ "ddddeeeeeeeeeeff"
	/* U+1E20 */ "gghhhhhhhhhhiiii"
	/* U+1E30 */ "kkkkkkllllllllmm"
	/* U+1E40 */ "mmmmnnnnnnnnoooo"
	/* U+1E50 */ "oooopppprrrrrrrr"
	/* U+1E60 */ "sssssssssstttttt"
	/* U+1E70 */ "ttuuuuuuuuuuvvvv"
	/* U+1E80 */ "wwwwwwwwwwxxxxyy"
	/* U+1E90 */ "zzzzzzhtwyasssS."
	/* U+1EA0 */ "aaaaaaaaaaaaaaaa"
	/* U+1EB0 */ "aaaaaaaaeeeeeeee"
	/* U+1EC0 */ "eeeeeeeeiiiioooo"
	/* U+1ED0 */ "oooooooooooooooo"
	/* U+1EE0 */ "oooouuuuuuuuuuuu"
	/* U+1EF0 */ "uuyyyyyyyyMMvvyy";

/* Letters without an ASCII base that still have a lower case ('+' above). */
static const struct {
	uint16_t upper, lower;
} latin_lower[] = {
	{ 0x014A, 0x014B }, /* Ŋ eng */
	{ 0x0184, 0x0185 }, /* tone six */
	{ 0x0186, 0x0254 }, /* Ɔ open o */
	{ 0x018E, 0x01DD }, /* Ǝ reversed e */
	{ 0x018F, 0x0259 }, /* Ə schwa */
	{ 0x0190, 0x025B }, /* Ɛ open e */
	{ 0x0194, 0x0263 }, /* Ɣ gamma */
	{ 0x0196, 0x0269 }, /* Ɩ iota */
	{ 0x019C, 0x026F }, /* Ɯ turned m */
	{ 0x01A6, 0x0280 }, /* Ʀ yr */
	{ 0x01A7, 0x01A8 }, /* tone two */
	{ 0x01A9, 0x0283 }, /* Ʃ esh */
	{ 0x01B1, 0x028A }, /* Ʊ upsilon */
	{ 0x01B7, 0x0292 }, /* Ʒ ezh */
	{ 0x01B8, 0x01B9 }, /* reversed ezh */
	{ 0x01BC, 0x01BD }, /* tone five */
	{ 0x01EE, 0x0292 }, /* Ǯ ezh with caron: the caron goes */
	{ 0x01EF, 0x0292 }, /* ǯ */
	{ 0x01F7, 0x01BF }, /* Ƿ wynn */
	{ 0x021C, 0x021D }, /* Ȝ yogh */
	{ 0x0241, 0x0242 }, /* glottal stop */
	{ 0x0245, 0x028C }, /* Ʌ turned v */
};

/* The spelled-out letters named by upper-case codes in the tables. */
static const char *
latin_pairs(char code)
{
	switch (code) {
	case 'A': return "ae";
	case 'B': return "db";
	case 'D': return "dz";
	case 'H': return "hv";
	case 'I': return "ij";
	case 'L': return "lj";
	case 'M': return "ll";
	case 'N': return "nj";
	case 'O': return "oe";
	case 'P': return "qp";
	case 'Q': return "oi";
	case 'S': return "ss";
	case 'T': return "th";
	case 'U': return "ou";
	default: return NULL;
	}
}

/* Greek letters with tonos or dialytika, folded to the bare lower case. */
static const struct {
	uint16_t from, to;
} greek_fold[] = {
	{ 0x0386, 0x03B1 }, { 0x0388, 0x03B5 }, { 0x0389, 0x03B7 },
	{ 0x038A, 0x03B9 }, { 0x038C, 0x03BF }, { 0x038E, 0x03C5 },
	{ 0x038F, 0x03C9 }, { 0x0390, 0x03B9 }, { 0x03AA, 0x03B9 },
	{ 0x03AB, 0x03C5 }, { 0x03AC, 0x03B1 }, { 0x03AD, 0x03B5 },
	{ 0x03AE, 0x03B7 }, { 0x03AF, 0x03B9 }, { 0x03B0, 0x03C5 },
	{ 0x03C2, 0x03C3 }, /* final sigma matches sigma */
	{ 0x03CA, 0x03B9 }, { 0x03CB, 0x03C5 }, { 0x03CC, 0x03BF },
	{ 0x03CD, 0x03C5 }, { 0x03CE, 0x03C9 },
};

/* Apply a table code to cp: returns the bytes written to out (at most 4),
** or -1 when the code says "leave it alone". */
static int
fold_table_code(char code, uint32_t cp, char *out)
{
	const char *pair;
	size_t i;

	if (code >= 'a' && code <= 'z') {
		out[0] = code;
		return 1;
	}
	if (code == '+') {
		for (i = 0; i < sizeof latin_lower / sizeof latin_lower[0]; i++)
			if (latin_lower[i].upper == cp)
				return text_utf8_encode(latin_lower[i].lower, out);
		return -1;
	}
	pair = latin_pairs(code);
	if (pair != NULL) {
		out[0] = pair[0];
		out[1] = pair[1];
		return 2;
	}
	return -1;
}

/* Fold one code point into out (at least 4 bytes); returns the byte count,
** 0 when the code point is dropped (a combining accent). */
static int
fold_cp(uint32_t cp, char *out)
{
	size_t i;
	int n;

	if (cp < 0x80) {
		out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
		return 1;
	}
	if (cp >= 0xC0 && cp <= 0x24F) {
		n = fold_table_code(latin_1_ext_ab[cp - 0xC0], cp, out);
		if (n >= 0)
			return n;
	} else if (cp >= 0x1E00 && cp <= 0x1EFF) {
		n = fold_table_code(latin_ext_additional[cp - 0x1E00], cp, out);
		if (n >= 0)
			return n;
	} else if (cp >= 0x300 && cp <= 0x36F) {
		/* Combining accents: text typed decomposed (macOS does this)
		** must match text typed precomposed. */
		return 0;
	} else if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) {
		return text_utf8_encode(cp + 0x20, out);
	} else if (cp >= 0x386 && cp <= 0x3CE) {
		for (i = 0; i < sizeof greek_fold / sizeof greek_fold[0]; i++)
			if (greek_fold[i].from == cp)
				return text_utf8_encode(greek_fold[i].to, out);
	} else if (cp == 0x401 || cp == 0x451) {
		/* Russian writes ё as е more often than not. */
		return text_utf8_encode(0x435, out);
	} else if (cp >= 0x400 && cp <= 0x40F) {
		return text_utf8_encode(cp + 0x50, out);
	} else if (cp >= 0x410 && cp <= 0x42F) {
		return text_utf8_encode(cp + 0x20, out);
	}
	return text_utf8_encode(cp, out);
}

/* Fold s[0..len) into out, or only measure when out is NULL.  Returns the length
** of the folded text.  Bytes that are not UTF-8 are copied as they are. */
static size_t
fold_into(const char *s, size_t len, char *out)
{
	size_t i = 0, o = 0;
	char buf[4];
	uint32_t cp;
	int n, m;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (out != NULL)
				out[o] = s[i];
			o++;
			i++;
			continue;
		}
		m = fold_cp(cp, buf);
		if (out != NULL)
			memcpy(out + o, buf, (size_t)m);
		o += (size_t)m;
		i += (size_t)n;
	}
	return o;
}

/* Fold s for matching (see text.h).  Measures first, then writes, so the
** result is allocated once at its exact size; caller frees. */
char *
text_fold(const char *s)
{
	size_t len;
	char *out;

	len = fold_into(s, strlen(s), NULL);
	out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	fold_into(s, strlen(s), out);
	out[len] = '\0';
	return out;
}

bool
text_fold_into(const char *s, size_t len, char *buf, size_t size)
{
	size_t need = fold_into(s, len, NULL);

	if (need >= size)
		return false;
	fold_into(s, len, buf);
	buf[need] = '\0';
	return true;
}

/* True when folded prefix starts folded s; false too when out of memory,
** as no match is the harmless answer. */
bool
text_fold_has_prefix(const char *s, const char *prefix)
{
	char *fs = NULL, *fp = NULL;
	bool result = false;

	fs = text_fold(s);
	fp = text_fold(prefix);
	if (fs == NULL || fp == NULL)
		goto out;
	result = strncmp(fs, fp, strlen(fp)) == 0;
out:
	free(fs);
	free(fp);
	return result;
}

/* True for the code points that move the cursor, change the terminal's
** state or reorder text behind the reader's back. */
static bool
is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

static bool
is_bidi_override(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Sanitize s into out, or only measure when out is NULL (see text.h). */
static size_t
sanitize_into(const char *s, const char *newline, char *out)
{
	size_t len = strlen(s), nl_len = strlen(newline), i = 0, o = 0;
	char buf[4];
	uint32_t cp;
	int n, m;

	while (i < len) {
		size_t run = i;

		/* Printable ASCII is itself: copied a run at a time, not
		** decoded and encoded again byte by byte. */
		while (run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			if (out != NULL)
				memcpy(out + o, s + i, run - i);
			o += run - i;
			i = run;
			continue;
		}
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			cp = REPLACEMENT;
			n = 1;
		}
		if (cp == '\r' || cp == '\n' || cp == 0x2028 || cp == 0x2029) {
			/* "\r\n" is one line break, not two. */
			if (cp == '\r' && i + 1 < len && s[i + 1] == '\n')
				n = 2;
			if (out != NULL)
				memcpy(out + o, newline, nl_len);
			o += nl_len;
			i += (size_t)n;
			continue;
		}
		if (cp == '\t')
			cp = ' ';
		else if (is_control(cp) || is_bidi_override(cp))
			cp = REPLACEMENT;
		m = text_utf8_encode(cp, buf);
		if (out != NULL)
			memcpy(out + o, buf, (size_t)m);
		o += (size_t)m;
		i += (size_t)n;
	}
	return o;
}

/* Copy s with controls neutralised (see text.h); caller frees. */
char *
text_sanitize(const char *s, const char *newline)
{
	size_t len;
	char *out;

	/* A missing newline string flattens, the safe choice. */
	if (newline == NULL)
		newline = " ";
	len = sanitize_into(s, newline, NULL);
	out = malloc(len + 1);
	if (out == NULL)
		return NULL;
	sanitize_into(s, newline, out);
	out[len] = '\0';
	return out;
}

void
text_copy_cut(char *dst, size_t size, const char *src, size_t max_chars)
{
	static const char ellipsis[] = "\xE2\x80\xA6";  /* "…" */
	size_t len = strlen(src), i = 0, chars = 0;
	uint32_t cp;
	int n;

	if (len < size && text_length(src) <= max_chars) {
		memcpy(dst, src, len + 1);
		return;
	}
	while (i < len && chars + 1 < max_chars) {
		n = text_utf8_decode(src + i, len - i, &cp);
		if (n == 0)
			n = 1;
		if (i + (size_t)n + sizeof ellipsis > size)
			break;
		i += (size_t)n;
		chars++;
	}
	while (i > 0 && src[i - 1] == ' ')
		i--;
	memcpy(dst, src, i);
	memcpy(dst + i, ellipsis, sizeof ellipsis);
}

char *
text_spoken(const char *s)
{
	char *clean = text_sanitize(s ? s : "", " "), *o, prev;
	size_t len, i, w;

	if (clean == NULL)
		return NULL;
	len = strlen(clean);
	/* Word by word, in place (the output never outgrows the input):
	** @owner and ^due go. */
	o = clean;
	for (i = 0; i < len; i = w) {
		while (i < len && clean[i] == ' ')
			i++;
		for (w = i; w < len && clean[w] != ' '; w++)
			;
		if (w == i || (w - i > 1 && (clean[i] == '@' || clean[i] == '^')))
			continue;
		if (o > clean)
			*o++ = ' ';
		memmove(o, clean + i, w - i);
		o += w - i;
	}
	*o = '\0';
	/* Then the trailing #topics, from the end, and the '#' of others. */
	len = (size_t)(o - clean);
	for (;;) {
		size_t start = len;

		while (start > 0 && clean[start - 1] != ' ')
			start--;
		if (start == 0 || len - start < 2 || clean[start] != '#')
			break;
		len = start - 1;  /* the blank before it too */
	}
	clean[len] = '\0';
	prev = ' ';
	for (i = 0, o = clean; i < len; i++) {
		char c = clean[i];

		if (!(c == '#' && prev == ' ' && i + 1 < len && clean[i + 1] != ' '))
			*o++ = c;
		prev = c;
	}
	*o = '\0';
	return clean;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

char *
text_trim(char *s)
{
	size_t start = 0, end = strlen(s);

	while (start < end && is_blank(s[start]))
		start++;
	while (end > start && is_blank(s[end - 1]))
		end--;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* True when s holds a C0/C1 control or DEL (see text.h). */
bool
text_has_control(const char *s)
{
	size_t len = strlen(s), i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			/* A stray byte 0x80..0x9F is a C1 control to a terminal
			** that is not in UTF-8 mode (0x9B is CSI). */
			if ((unsigned char)s[i] >= 0x80 && (unsigned char)s[i] <= 0x9F)
				return true;
			i++;
			continue;
		}
		if (is_control(cp))
			return true;
		i += (size_t)n;
	}
	return false;
}

/* Code points in s; a byte that is not UTF-8 counts as one. */
size_t
text_length(const char *s)
{
	size_t len = strlen(s), i = 0, count = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = text_utf8_decode(s + i, len - i, &cp);
		i += n == 0 ? 1 : (size_t)n;
		count++;
	}
	return count;
}

/* Code points that take no room of their own or show as blank. */
static bool
invisible_cp(uint32_t cp)
{
	static const struct {
		uint32_t lo, hi;
	} ranges[] = {
		{0x0009, 0x000D}, {0x0020, 0x0020}, {0x00A0, 0x00A0}, {0x00AD, 0x00AD},
		{0x0300, 0x036F}, {0x034F, 0x034F}, {0x115F, 0x1160}, {0x1680, 0x1680},
		{0x180E, 0x180E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x2000, 0x200F},
		{0x2028, 0x202F}, {0x205F, 0x206F}, {0x20D0, 0x20FF}, {0x3000, 0x3000},
		{0x3164, 0x3164}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
		{0xFFA0, 0xFFA0}, {0xE0000, 0xE007F}, {0xE0100, 0xE01EF},
	};

	for (size_t i = 0; i < sizeof ranges / sizeof ranges[0]; i++)
		if (cp >= ranges[i].lo && cp <= ranges[i].hi)
			return true;
	return false;
}

bool
text_visible(const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		uint32_t cp;
		int n = text_utf8_decode(s, len, &cp);

		if (n <= 0)
			return true;  /* not ours to judge: validity is checked apart */
		if (!invisible_cp(cp))
			return true;
		s += n;
		len -= (size_t)n;
	}
	return false;
}

bool
text_is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		       (cp >= 'A' && cp <= 'Z');
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)
		return false;  /* Latin-1 punctuation, no-break space, × ÷ */
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return false;  /* punctuation, symbols, arrows, box drawing */
	if ((cp >= 0x2E00 && cp <= 0x2E7F) || (cp >= 0x3000 && cp <= 0x303F))
		return false;  /* more punctuation, CJK punctuation */
	if ((cp >= 0xFE10 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF0F) ||
	    (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	    (cp >= 0xFF5B && cp <= 0xFF65) || cp >= 0xFFF0)
		return false;  /* compatibility and full-width punctuation */
	if (cp >= 0x1F000 && cp <= 0x1FAFF)
		return false;  /* emoji and pictographs */
	return true;
}
